package org.qasite.web.compression;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.encoder.Encoder;

import io.netty.handler.codec.compression.BrotliOptions;
import io.netty.handler.codec.compression.CompressionOptions;
import io.netty.handler.codec.compression.GzipOptions;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.vertx.core.http.HttpServerOptions;

/**
 * The levels an operator sets (QA_COMPRESSION_BROTLI_LEVEL, QA_COMPRESSION_GZIP_LEVEL) are the ones the HTTP server
 * compresses pages with, each coding its own, in the order Quarkus configured the codings.
 */
class CompressionLevelsTest {

    @Test
    void eachCodingGetsItsOwnLevel() {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true).setCompressionLevel(6)
                .setCompressors(List.of(StandardCompressionOptions.brotli(new Encoder.Parameters().setQuality(6)
                        .setWindow(22).setMode(Encoder.Mode.TEXT)), StandardCompressionOptions.gzip(6, 15, 8)));

        new CompressionLevels(2, 3).apply(options);

        List<CompressionOptions> compressors = options.getCompressors();
        assertThat(compressors, contains(instanceOf(BrotliOptions.class), instanceOf(GzipOptions.class)));
        Encoder.Parameters brotli = ((BrotliOptions) compressors.get(0)).parameters();
        assertThat(brotli.quality(), equalTo(2));
        assertThat(brotli.lgwin(), equalTo(22));
        assertThat(brotli.mode(), equalTo(Encoder.Mode.TEXT));
        GzipOptions gzip = (GzipOptions) compressors.get(1);
        assertThat(gzip.compressionLevel(), equalTo(3));
        assertThat(gzip.windowBits(), equalTo(15));
        assertThat(options.getCompressionLevel(), equalTo(3));
    }

    @Test
    void aServerThatDoesNotCompressIsLeftAsItIs() {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(false).setCompressionLevel(6);

        new CompressionLevels(1, 1).apply(options);

        assertThat(options.getCompressionLevel(), equalTo(6));
    }
}
