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

    /** "2 MB": the largest file, as the editor's messages name it. */
    public String getMaxSize() {
        return ImageUploadService.readable(config.maxSize().asLongValue());
    }

    public long getMaxPixels() {
        return config.maxPixels();
    }
}
