package org.qasite.web.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Clears the flash cookie with the page that shows its message: any HTML page that is not itself a redirect. (Templates
 * render after this filter runs, so it cannot wait to see whether the message was read.)
 */
public class FlashFilter {

    @ServerResponseFilter
    public void clearShown(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        MediaType type = response.getMediaType();
        // a page returned as a Response has its type chosen after the filters: no type yet means a page here
        boolean page = type == null || type.isCompatible(MediaType.TEXT_HTML_TYPE);
        if (request.getCookies().containsKey(Flash.COOKIE) && (status < 300 || status >= 400) && page) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Flash.clear());
        }
    }
}
