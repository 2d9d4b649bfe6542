package org.qasite.web.compression;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Says {@code Vary: Accept-Encoding} on every response whose type the server compresses
 * ({@code quarkus.http.compress-media-types}): the body depends on what the client accepts, so a cache in front must
 * not give a gzip body to a client that asked for none. Netty compresses without saying so.
 */
@ApplicationScoped
class CompressionHeaders {

    private final Set<String> compressed;

    CompressionHeaders(@ConfigProperty(name = "quarkus.http.compress-media-types") List<String> types) {
        this.compressed = Set.copyOf(types.stream().map(type -> type.trim().toLowerCase(Locale.ROOT)).toList());
    }

    void register(@Observes Filters filters) {
        filters.register(this::apply, 2400);
    }

    void apply(RoutingContext ctx) {
        ctx.addHeadersEndHandler(done -> varyByEncoding(ctx.response().headers()));
        ctx.next();
    }

    private void varyByEncoding(MultiMap headers) {
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        int end = type.indexOf(';');
        String media = (end < 0 ? type : type.substring(0, end)).trim().toLowerCase(Locale.ROOT);
        if (compressed.contains(media) && !varies(headers)) {
            headers.add(HttpHeaders.VARY, "Accept-Encoding");
        }
    }

    private static boolean varies(MultiMap headers) {
        return headers.getAll(HttpHeaders.VARY).stream()
                .anyMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding"));
    }
}
