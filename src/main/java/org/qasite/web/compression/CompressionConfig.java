package org.qasite.web.compression;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The levels of what is compressed per response (pages, JSON, feeds), one per coding: brotli's and gzip's scales differ,
 * and Quarkus' one build-time {@code quarkus.http.compression-level} gives both the same number. The bundles are
 * compressed once, at the highest levels, whatever these say ({@link Bundles}).
 */
@ConfigMapping(prefix = "qa.compression")
public interface CompressionConfig {

    /** Brotli's quality, 0 (fastest) to 11 (smallest). */
    @WithDefault("4")
    @Min(0)
    @Max(11)
    int brotliLevel();

    /** Gzip's (and deflate's) level, 1 (fastest) to 9 (smallest). */
    @WithDefault("4")
    @Min(1)
    @Max(9)
    int gzipLevel();
}
