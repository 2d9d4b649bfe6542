package org.qasite.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a login lasts and how quickly an ended session stops working everywhere. */
@ConfigMapping(prefix = "qa.session")
public interface SessionConfig {

    /** The cookie that carries the session. */
    @WithDefault("qa-session")
    String cookieName();

    /** A session not used for this long ends (the cookie is renewed as the member uses the site). */
    @WithDefault("P14D")
    Duration idleTimeout();

    /** A session ends this long after the login however much it is used: a stolen cookie does not live forever. */
    @WithDefault("P30D")
    Duration absoluteLifetime();

    /**
     * How often the cookie is renewed (its idle deadline moved on) and the session's "last seen" written: a write per
     * member and interval, not per request.
     */
    @WithDefault("5M")
    Duration renewInterval();

    /**
     * How long an instance trusts what it read about a session before it reads it again: the longest an ended session
     * (logged out on another instance, all sessions ended) keeps working here. On the instance that ended it, at once.
     */
    @WithDefault("5S")
    Duration cacheTtl();

    /** How often old sessions are deleted. */
    @WithDefault("1h")
    Duration cleanupInterval();

    /**
     * Ended and expired sessions are deleted, with the browser and address they recorded, this long after they were
     * last used; at least as long as the idle timeout and the absolute lifetime (checked at start).
     */
    @WithDefault("P30D")
    Duration retention();
}
