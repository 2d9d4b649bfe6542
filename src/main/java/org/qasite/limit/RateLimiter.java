package org.qasite.limit;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.QaException;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Counts each member's actions in fixed windows in Redis, so every instance of the site shares the count. When Redis
 * cannot be reached the action is allowed: a lost limit is better than a site that refuses to work.
 */
@ApplicationScoped
public class RateLimiter {

    public enum Action {
        ASK("questions"),
        ANSWER("answers"),
        VOTE("votes");

        final String noun;

        Action(String noun) {
            this.noun = noun;
        }
    }

    private final RateLimitConfig config;
    private final RedisDataSource redis;

    RateLimiter(RateLimitConfig config, RedisDataSource redis) {
        this.config = config;
        this.redis = redis;
    }

    /** Counts one action of the member, or throws a 429 when the member already used up the window. */
    public void acquire(Action action, long memberId) {
        RateLimitConfig.Limit limit = switch (action) {
            case ASK -> config.ask();
            case ANSWER -> config.answer();
            case VOTE -> config.vote();
        };
        long windowMillis = limit.window().toMillis();
        long now = Instant.now().toEpochMilli();
        long window = now / windowMillis;
        String key = "qa:rate:" + action.name().toLowerCase() + ":" + memberId + ":" + window;
        long count;
        try {
            ValueCommands<String, Long> values = redis.value(Long.class);
            count = values.incr(key);
            if (count == 1) {
                redis.key().pexpire(key, windowMillis + 1000);
            }
        } catch (RuntimeException e) {
            Log.warnf("Rate limit not checked (Redis unavailable): %s", e.getMessage());
            return;
        }
        if (count > limit.limit()) {
            Duration retryAfter = Duration.ofMillis((window + 1) * windowMillis - now);
            throw QaException.tooManyRequests("You are going too fast: at most " + limit.limit() + " " + action.noun
                    + " per " + describe(limit.window()) + ". Try again in " + describe(retryAfter) + ".", retryAfter);
        }
    }

    static String describe(Duration d) {
        long seconds = Math.max(1, d.toSeconds());
        if (seconds < 120) {
            return seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return minutes + " minutes";
        }
        return ((minutes + 59) / 60) + " hours";
    }
}
