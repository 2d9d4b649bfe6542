package org.qasite.limit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often a member may ask, answer, vote and try to log in. */
@ConfigMapping(prefix = "qa.rate-limit")
public interface RateLimitConfig {

    Limit ask();

    Limit answer();

    Limit vote();

    /**
     * Login attempts per username from one address, right or wrong: guessing passwords stays slow, and a stranger
     * elsewhere cannot lock the member out.
     */
    Limit login();

    /** Login attempts per username from all addresses together: guessing from many machines stays slow too. */
    Limit loginName();

    interface Limit {
        /** At most this many actions ... */
        @WithDefault("10")
        int limit();

        /** ... in each window of this length. */
        @WithDefault("10M")
        Duration window();
    }
}
