package org.qasite.web.guard;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.web.SiteConfig;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets the requests in flight finish when the instance stops, before anything they need (database, streams) is shut:
 * from then on new requests get 503, which a proxy retries on another instance. Quarkus' own graceful shutdown
 * ({@code quarkus.shutdown.timeout}) counts every WebSocket upgrade as a request that never ends, so it would always
 * wait for its whole timeout; live sockets are closed with "going away" instead (see {@code LiveHub}).
 */
@ApplicationScoped
public class Draining {

    private final SiteConfig config;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    Draining(SiteConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::track, 2000);
    }

    void track(RoutingContext ctx) {
        if (ctx.request().headers().contains(HttpHeaders.UPGRADE)) {
            ctx.next();
            return;
        }
        if (draining) {
            ctx.response().setStatusCode(503).putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader(HttpHeaders.RETRY_AFTER, "1").end("This server is stopping; please try again.");
            return;
        }
        inFlight.incrementAndGet();
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable finished = () -> {
            if (counted.getAndSet(false)) {
                inFlight.decrementAndGet();
            }
        };
        // The end handlers are the usual signal. A reader that answers while the body is still arriving (a body sent in
        // chunks past the size limit gets 413 from the HTTP layer) replaces the response's end handler they rely on, so
        // the end of the response's body counts too; without it such a request would stay in flight for ever, and every
        // shutdown would wait the whole drain timeout.
        ctx.addEndHandler(done -> finished.run());
        ctx.addBodyEndHandler(done -> finished.run());
        ctx.next();
    }

    /** How many requests are being answered now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** First of the shutdown observers: the others stop what the requests in flight may still use. */
    void drain(@Observes @Priority(1) ShutdownEvent event) {
        draining = true;
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (inFlight.get() > 0) {
            Log.warnf("Stopping with %d requests unfinished after %s", inFlight.get(), config.drainTimeout());
        }
    }
}
