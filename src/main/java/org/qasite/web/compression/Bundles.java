package org.qasite.web.compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

import io.quarkiverse.web.bundler.runtime.Bundle;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The web bundler's files (the site's one script and one style sheet), compressed once per process at the highest
 * levels, brotli 11 and gzip 9, and served from memory to clients that accept either. Neither the web bundler nor
 * Quarkus' static handler serves files compressed at build time, and compressing 100 KB per request at the highest
 * level would cost more than the page itself. The work is done off the event loop after the start; until it is
 * finished, and for clients that accept neither, Quarkus' static handler serves the files (compressed on the fly at the
 * configured level). The names carry the content's hash, so a browser may keep them for a year.
 */
@ApplicationScoped
class Bundles {

    private static final String PREFIX = "/static/bundle/";
    private static final String CACHE_FOR_A_YEAR = "public, max-age=31536000, immutable";

    /** Path → the file's bytes in each encoding. */
    private final Map<String, Encoded> files = new ConcurrentHashMap<>();
    private final Bundle bundle;
    private final Vertx vertx;

    Bundles(Bundle bundle, Vertx vertx) {
        this.bundle = bundle;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        router.route(PREFIX + "*").order(-1).handler(this::serve);
    }

    void compress(@Observes StartupEvent started) {
        vertx.executeBlocking(() -> {
            boolean brotli = Brotli4jLoader.isAvailable();
            for (String name : bundle.mapping().names()) {
                String path = bundle.mapping().get(name);
                if (path == null || !path.startsWith(PREFIX) || path.endsWith(".map")) {
                    continue;
                }
                byte[] plain = read("META-INF/resources" + path);
                if (plain != null) {
                    files.put(path, new Encoded(brotli ? brotli(plain) : null, gzip(plain), contentType(path)));
                }
            }
            Log.debugf("bundles compressed: %s (brotli %s)", files.keySet(), brotli);
            return null;
        }, false).onFailure(failure -> Log.warn("the bundles could not be compressed; they are served as they are",
                failure));
    }

    void serve(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        Encoded file = files.get(ctx.normalizedPath());
        if (file == null || !(method == HttpMethod.GET || method == HttpMethod.HEAD)) {
            ctx.next();
            return;
        }
        String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        String encoding = file.brotli() != null && AcceptEncoding.accepts(accepted, "br") ? "br"
                : AcceptEncoding.accepts(accepted, "gzip") ? "gzip" : null;
        if (encoding == null) {
            ctx.next();
            return;
        }
        byte[] body = encoding.equals("br") ? file.brotli() : file.gzip();
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, file.contentType())
                .putHeader(HttpHeaders.CONTENT_ENCODING, encoding)
                .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_FOR_A_YEAR);
        if (method == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length)).end();
        } else {
            ctx.response().end(Buffer.buffer(body));
        }
    }

    private static String contentType(String path) {
        return path.endsWith(".css") ? "text/css;charset=UTF-8"
                : path.endsWith(".js") ? "text/javascript;charset=UTF-8" : "application/octet-stream";
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] brotli(byte[] plain) {
        try {
            return Encoder.compress(plain, new Encoder.Parameters().setQuality(11));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Encoded(byte[] brotli, byte[] gzip, String contentType) {
    }
}
