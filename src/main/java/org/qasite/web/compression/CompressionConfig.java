package org.qasite.web.compression;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The levels of what is compressed per response (pages, JSON, feeds), one per coding: brotli's and gzip's scales differ,
 * and Quarkus' one build-time {@code quarkus.http.compression-level} gives both the same number. The bundles are
 * compressed once, at the highest levels, whatever these say ({@link Bundles}). A level out of its range stops the
 * start ({@link CompressionLevels}): checked there rather than with Bean Validation on the mapping, which would have
 * Hibernate Validator build a validator factory for the configuration on every start.
 */
@ConfigMapping(prefix = "qa.compression")
public interface CompressionConfig {

    /**
     * Brotli's quality, 0 (fastest) to 11 (smallest). 1: a question page of 37 KB in 0.06 ms of CPU (6.4 KB), where 4
     * took 0.30 ms (5.5 KB), about a quarter of the whole page's work; 2 already takes 0.14 ms.
     */
    @WithDefault("1")
    int brotliLevel();

    /**
     * Gzip's (and deflate's) level, 1 (fastest) to 9 (smallest). 1: the same page in 0.16 ms (6.6 KB), where 4 took
     * 0.27 ms (5.9 KB); gzip has no level as cheap as brotli's 1, and browsers ask for brotli.
     */
    @WithDefault("1")
    int gzipLevel();
}
