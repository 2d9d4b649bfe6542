package org.qasite.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Site-wide values for the templates. */
@Named("site")
@ApplicationScoped
public class Site {

    private final SiteConfig config;
    private final String baseUrl;

    Site(SiteConfig config) {
        this.config = config;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    public String getName() {
        return config.name();
    }

    /** The public address, without a trailing slash. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Whether the public address is https: cookies are then sent only over https, and browsers told to stay on it. */
    public boolean isHttps() {
        return baseUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    /** The public address of a path of the site ("/questions/1"), for links that leave it (mail). */
    public String absoluteUrl(String path) {
        return baseUrl + path;
    }
}
