package org.qasite.views;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Question views: how long a reader counts once, how often the counts reach the database. */
@ConfigMapping(prefix = "qa.views")
public interface ViewsConfig {

    /** How often the views counted on this instance are added to the database ("off" only by a flush at shutdown). */
    @WithDefault("30s")
    String flushInterval();

    /** A reader who opens the same question again within this time is not counted again. */
    @WithDefault("1h")
    Duration dedupWindow();

    /** How long a page waits for Redis to say whether the visitor was seen; past it the view counts anyway. */
    @WithDefault("250ms")
    Duration redisTimeout();

    /** How long a flush waits for question rows that other transactions hold; past it the counts wait for the next. */
    @WithDefault("5s")
    Duration lockTimeout();

    /**
     * Key of the HMAC that turns a visitor's address into an opaque key (for views, "viewing now" and the live sockets
     * per address). Unset: a key derived from the site's secret for this purpose alone.
     */
    Optional<String> visitorKey();
}
