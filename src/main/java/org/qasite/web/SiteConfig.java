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

    /**
     * How much memory the question pages kept for visitors (no login, no message to show) may take: each one is
     * rendered once and served to every visitor who asks for the same address in the same language, with their own
     * CSRF token, until something on it changes or {@link #visitorPageTtl()} passes; 0 renders every page for every
     * visitor.
     */
    @WithDefault("16M")
    MemorySize visitorPageCache();

    /**
     * How long a question page kept for visitors is served at most: the age of what no event announces (view counts,
     * a member's new name, the right column, "… ago"). A change of the question or of anything on its page retires
     * its pages at once.
     */
    @WithDefault("10s")
    Duration visitorPageTtl();
}
