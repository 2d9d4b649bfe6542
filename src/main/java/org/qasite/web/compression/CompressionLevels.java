package org.qasite.web.compression;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.aayushatharva.brotli4j.encoder.Encoder;

import io.netty.handler.codec.compression.BrotliOptions;
import io.netty.handler.codec.compression.CompressionOptions;
import io.netty.handler.codec.compression.DeflateOptions;
import io.netty.handler.codec.compression.GzipOptions;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Sets the levels of {@link CompressionConfig} on the compressors Quarkus configured ({@code quarkus.http.compressors}),
 * at each start: the order and the choice of codings stay Quarkus', only the levels change.
 */
@Singleton
class CompressionLevels implements HttpServerOptionsCustomizer {

    private final int brotliLevel;
    private final int gzipLevel;

    @Inject
    CompressionLevels(CompressionConfig config) {
        this(inRange("qa.compression.brotli-level", config.brotliLevel(), 0, 11),
                inRange("qa.compression.gzip-level", config.gzipLevel(), 1, 9));
    }

    private static int inRange(String key, int level, int least, int most) {
        if (level < least || level > most) {
            throw new IllegalArgumentException(key + " must be from " + least + " to " + most + ", not " + level);
        }
        return level;
    }

    CompressionLevels(int brotliLevel, int gzipLevel) {
        this.brotliLevel = brotliLevel;
        this.gzipLevel = gzipLevel;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        apply(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        apply(options);
    }

    void apply(HttpServerOptions options) {
        if (!options.isCompressionSupported()) {
            return;
        }
        options.setCompressionLevel(gzipLevel);
        List<CompressionOptions> compressors = options.getCompressors();
        if (compressors == null) {
            return;
        }
        List<CompressionOptions> leveled = new ArrayList<>(compressors.size());
        for (CompressionOptions compressor : compressors) {
            leveled.add(withLevel(compressor));
        }
        options.setCompressors(leveled);
    }

    private CompressionOptions withLevel(CompressionOptions compressor) {
        // GzipOptions extends DeflateOptions: asked first.
        if (compressor instanceof GzipOptions gzip) {
            return StandardCompressionOptions.gzip(gzipLevel, gzip.windowBits(), gzip.memLevel());
        }
        if (compressor instanceof DeflateOptions deflate) {
            return StandardCompressionOptions.deflate(gzipLevel, deflate.windowBits(), deflate.memLevel());
        }
        if (compressor instanceof BrotliOptions brotli) {
            // A copy: Netty's default options object is shared by everything that asks for it.
            Encoder.Parameters shared = brotli.parameters();
            return StandardCompressionOptions.brotli(new Encoder.Parameters().setQuality(brotliLevel)
                    .setWindow(shared.lgwin()).setMode(shared.mode()));
        }
        return compressor;
    }
}
