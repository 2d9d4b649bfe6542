package org.qasite.stats;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The right column's schedule and cache. */
@ConfigMapping(prefix = "qa.stats")
public interface StatsConfig {

    /** How often the stats consumer group is read and the widgets its events touched are recomputed. */
    @WithDefault("2s")
    String pollInterval();

    /** How often both widgets are recomputed anyway: their time windows slide even when nothing happens. */
    @WithDefault("5m")
    String fullRefreshInterval();

    /** How long a cached widget is kept at most, should the refreshes stop (a safety net, not the refresh). */
    @WithDefault("1h")
    Duration cacheTtl();

    /** How long the recompute lock is held at most, so that an instance that died holding it cannot block it. */
    @WithDefault("60s")
    Duration lockTtl();

    /**
     * Whether pages read the widgets from the cache. When false every call computes them from the database, with no
     * Redis read or write (for measuring what the cache saves; the scheduled refresh still fills the cache).
     */
    @WithDefault("true")
    boolean cacheEnabled();

    /** The longest a page waits for the cache before it computes the widget from the database itself. */
    @WithDefault("250ms")
    Duration redisTimeout();

    /** The longest a page waits for another request's computation of a widget before it shows the last value seen. */
    @WithDefault("2s")
    Duration waitTimeout();

    /** The longest one widget query may run (well below the lock's expiry). */
    @WithDefault("5s")
    Duration queryTimeout();
}
