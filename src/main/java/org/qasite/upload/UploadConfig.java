package org.qasite.upload;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a picture for a post may be. */
@ConfigMapping(prefix = "qa.upload")
public interface UploadConfig {

    /** The largest file accepted (below quarkus.http.limits.max-body-size, or the HTTP layer refuses it first). */
    @WithDefault("2M")
    MemorySize maxSize();

    /**
     * The most pixels (width × height) accepted: a small file can hold a picture so large that every reader's browser
     * would spend its memory decoding it.
     */
    @WithDefault("16777216")
    long maxPixels();

    /**
     * The bytes of new pictures one member may store in any 24 hours: the per-minute rate limit alone still lets one
     * account fill gigabytes a day, and every stored picture is kept for good.
     */
    @WithDefault("50M")
    MemorySize dailyBytes();
}
