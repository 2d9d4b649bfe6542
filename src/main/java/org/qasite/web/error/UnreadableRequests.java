package org.qasite.web.error;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.BadRequestException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.core.request.AcceptHeaders;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the HTTP layer cannot read get the site's answer too, not an empty or a server error: a body over the size
 * limit, a refusal of the HTTP layer itself (a Host header that is no host), a multipart form cut short. An
 * {@code Accept} header that cannot be parsed is disregarded, as HTTP allows, instead of failing the page when it is
 * rendered (Java's own HTTP client sends such a header: {@code *; q=.2}). (A request target that is no URI at all, such
 * as a lone %, never gets this far: Quarkus answers it with an empty 400 before any route.)
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
        router.route().order(Integer.MIN_VALUE).failureHandler(this::explain);
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

    /**
     * A refusal of the HTTP layer, which comes without a message; and a multipart form that ends before its closing
     * boundary (cut short, or declaring another boundary than it uses), which the form reader reports as a failure to
     * read, as if the connection had dropped: it is the sender's fault, not a server error.
     */
    void explain(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        boolean api = ErrorMapper.isApi(String.valueOf(ctx.request().path()));
        if (ctx.failure() instanceof IOException e && String.valueOf(e.getMessage()).contains("multipart")) {
            Log.debugf("Unreadable multipart body to %s: %s", ctx.request().path(), e.getMessage());
            ErrorMapper.refuse(ctx, api, 400, "The form could not be read: its multipart body is cut short or malformed.");
            return;
        }
        int status = ctx.statusCode();
        if (status < 400 || status >= 500) {
            ctx.next();
            return;
        }
        Log.debugf("Refused %s %s with %d: %s", ctx.request().method(), ctx.request().path(), status, ctx.failure());
        String message = status == 400 ? "The request could not be understood: check the address and what was sent."
                : ErrorMapper.messageFor(status, api);
        if (status == 413) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ErrorMapper.refuse(ctx, api, status, message);
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
