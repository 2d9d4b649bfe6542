package org.qasite.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Site-wide values for the templates. */
@Named("site")
@ApplicationScoped
public class Site {

    private final SiteConfig config;

    Site(SiteConfig config) {
        this.config = config;
    }

    public String getName() {
        return config.name();
    }
}
