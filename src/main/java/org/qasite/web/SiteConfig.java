package org.qasite.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qa.site")
public interface SiteConfig {

    /** The site's name, shown in the header and page titles. */
    @WithDefault("Q&A")
    String name();

    /** The public address of the site, used in links sent by mail. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** How long a stopping instance waits for the requests in flight to finish. */
    @WithDefault("20s")
    Duration drainTimeout();
}
