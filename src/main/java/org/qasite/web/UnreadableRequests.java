package org.qasite.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.BadRequestException;

import org.jboss.resteasy.reactive.server.core.request.AcceptHeaders;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the HTTP layer cannot read get the site's answer too, before any resource sees them: an {@code Accept}
 * header that cannot be parsed is disregarded, as HTTP allows, instead of failing the page when it is rendered (Java's
 * own HTTP client sends such a header: {@code *; q=.2}).
 */
@ApplicationScoped
class UnreadableRequests {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !readable(accept)) {
            ctx.request().headers().remove(HttpHeaders.ACCEPT);
        }
        ctx.next();
    }

    /** Read as the REST layer reads it when a page picks its variant. */
    private static boolean readable(String accept) {
        try {
            AcceptHeaders.getMediaTypeQualityValues(accept);
            return true;
        } catch (BadRequestException | IllegalArgumentException e) {
            return false;
        }
    }
}
