package org.qasite.web.guard;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id, logged with everything the request logs ({@code requestId} in the log record's MDC) and
 * sent back in {@code X-Request-Id}: the id a proxy in front already chose (nginx's {@code $request_id}), so its access
 * log and the site's log lines meet, else a new one. Requests to the management interface (health, metrics) get one
 * too, so that a readiness failure is logged with the id of the probe that saw it.
 */
@ApplicationScoped
class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    /** Ids from outside are taken only when they are short and plain, so they cannot forge log lines. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /** The highest filter priority of the site's own: the id is there before anything else runs. */
    private static final int PRIORITY = 3000;

    void register(@Observes Filters filters) {
        // Before every other filter, so that what they log carries the id.
        filters.register(this::identify, PRIORITY);
    }

    /** The management interface has a router of its own, which the filters above do not reach. */
    void register(@Observes ManagementInterface management) {
        // Quarkus puts a filter of priority p at route order -p: the same place as on the main router.
        management.router().route().order(-PRIORITY).handler(this::identify);
    }

    void identify(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !ACCEPTED.matcher(id).matches()) {
            id = newId();
        }
        // The MDC of a request lives in its Vert.x context, so it follows the request onto the worker thread.
        MDC.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
