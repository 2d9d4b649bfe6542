package org.qasite.web;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * How long browsers are told to reach the site only over https (HSTS), when the public address is https. Start
     * small when moving a site to https; a year once it stays there.
     */
    @WithDefault("P365D")
    Duration hstsMaxAge();

    /** How long a stopping instance waits for the requests in flight to finish. */
    @WithDefault("20s")
    Duration drainTimeout();

    /**
     * How much memory the rendered answers that the question page keeps for reuse may take (each one is kept for a given
     * answer, author and reader situation); 0 renders every answer for every page.
     */
    @WithDefault("32M")
    MemorySize answerFragmentCache();
}
