package org.qasite.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.BadRequestException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.core.request.AcceptHeaders;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the HTTP layer cannot read get the site's answer too, before any resource sees them: a body over the size
 * limit is refused with a message instead of an empty 413; an {@code Accept} header that cannot be parsed is
 * disregarded, as HTTP allows, instead of failing the page when it is rendered (Java's own HTTP client sends such a
 * header: {@code *; q=.2}).
 */
@ApplicationScoped
class UnreadableRequests {

    private final long maxBodySize;

    UnreadableRequests(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        // first of all: before the body is read and before Quarkus' own size check answers 413 without a word
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !readable(accept)) {
            ctx.request().headers().remove(HttpHeaders.ACCEPT);
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            // the rest of the body is not read: the connection cannot carry another request
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.addEndHandler(done -> ctx.request().connection().close());
            ErrorMapper.refuse(ctx, ErrorMapper.isApi(ctx.request().path()), 413,
                    "What you sent is too large (at most " + maxBodySize / (1024 * 1024) + " MB).");
            return;
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

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a length that is no number before this runs
        }
    }
}
