package org.qasite.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The upload limits as the editors show them ({@code inject:uploadLimits}), from the same configuration. */
@Named("uploadLimits")
@ApplicationScoped
public class UploadLimits {

    private final UploadConfig config;

    UploadLimits(UploadConfig config) {
        this.config = config;
    }

    /** The largest file in megabytes, for {@code editor:megabytes}: "2", or "1.5" for a limit between two. */
    public String getMaxSizeMegabytes() {
        double megabytes = config.maxSize().asLongValue() / (1024.0 * 1024);
        return megabytes == Math.rint(megabytes) ? Long.toString((long) megabytes)
                : String.format(java.util.Locale.ROOT, "%.1f", megabytes);
    }

    /** The largest file in bytes: the script refuses a larger one before sending it (the HTTP layer would cut it off). */
    public long getMaxBytes() {
        return config.maxSize().asLongValue();
    }

    public long getMaxPixels() {
        return config.maxPixels();
    }
}
