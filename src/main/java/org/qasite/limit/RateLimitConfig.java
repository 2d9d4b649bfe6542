package org.qasite.limit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often a member may ask, answer and vote. (Failed logins slow down on their own terms: qa.login.) */
@ConfigMapping(prefix = "qa.rate-limit")
public interface RateLimitConfig {

    Limit ask();

    Limit answer();

    Limit vote();

    interface Limit {
        /** At most this many actions ... */
        @WithDefault("10")
        int limit();

        /** ... in each window of this length. */
        @WithDefault("10M")
        Duration window();
    }
}
