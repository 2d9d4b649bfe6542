package org.qasite.web.error;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a message to refusals that come without one (a form without its CSRF token, a wrong method or content type),
 * so the member never sees a blank page. Renders without database access: it may run on an I/O thread.
 */
public class EmptyErrorFilter {

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        String message = ErrorMapper.messageFor(status, ErrorMapper.isApi(request.getUriInfo().getPath()));
        if (status == 400 && "POST".equals(request.getMethod()) && isForm(request.getMediaType())) {
            // logging in or out (in any tab) renews the token: pages opened before carry the old one
            message = "Your form could not be accepted: its security token is missing or has expired (logging in or "
                    + "out, in any tab, renews it). Go back, copy what you wrote, reload the page and send it again.";
        }
        if (ErrorMapper.isApi(request.getUriInfo().getPath())) {
            response.setEntity(new ErrorMapper.ApiError(message, List.of()), null, MediaType.APPLICATION_JSON_TYPE);
        } else {
            String html = ErrorMapper.minimalPage(status, status == 404 ? "Not found" : "Request refused", message);
            response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
