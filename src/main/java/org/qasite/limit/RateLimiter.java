package org.qasite.limit;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.refusal.QaException;

import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Counts each member's actions over a sliding window in Redis (a sorted set of timestamps per member and action), so
 * every instance of the site shares the count and no burst slips through at a window's edge. When Redis cannot be
 * reached the action is allowed: a lost limit is better than a site that refuses to work.
 */
@ApplicationScoped
public class RateLimiter {

    public enum Action {
        ASK("questions"),
        ANSWER("answers"),
        COMMENT("comments"),
        EDIT("edits"),
        VOTE("votes"),
        FOLLOW("follows and unfollows"),
        SIGNUP("sign-ups from one address"),
        PREVIEW("previews"),
        PREVIEW_ADDRESS("previews from your network"),
        PASSWORD_RESET("password reset requests from your network"),
        PASSWORD_RESET_ACCOUNT("password reset mails to one account"),
        VERIFICATION_MAIL("links to confirm an email address");

        final String noun;

        Action(String noun) {
            this.noun = noun;
        }
    }

    /**
     * Drops the entries older than the window, then either records this action or answers how many milliseconds
     * remain until the oldest entry leaves the window. Atomic, as every script is.
     */
    private static final String SLIDING_WINDOW = """
            local key, now, window, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            if redis.call('ZCARD', key) >= limit then
              local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
              return tonumber(oldest[2]) + window - now
            end
            redis.call('ZADD', key, now, ARGV[4])
            redis.call('PEXPIRE', key, window)
            return 0
            """;

    private final RateLimitConfig config;
    private final RedisDataSource redis;

    RateLimiter(RateLimitConfig config, @RedisClientName("cache") RedisDataSource redis) {
        this.config = config;
        this.redis = redis;
    }

    /** Counts one action of the member, or throws a 429 when the member already used up the window. */
    public void acquire(Action action, long memberId) {
        acquire(action, Long.toString(memberId));
    }

    /**
     * Counts one action of whoever {@code subject} names (a member id, a username), or throws a 429 when the window is
     * used up.
     */
    public void acquire(Action action, String subject) {
        RateLimitConfig.Limit limit = switch (action) {
            case ASK -> config.ask();
            case ANSWER -> config.answer();
            case COMMENT -> config.comment();
            case EDIT -> config.edit();
            case VOTE -> config.vote();
            case FOLLOW -> config.follow();
            case SIGNUP -> config.signup();
            case PREVIEW -> config.preview();
            case PREVIEW_ADDRESS -> config.previewAddress();
            case PASSWORD_RESET -> config.passwordReset();
            case PASSWORD_RESET_ACCOUNT -> config.passwordResetAccount();
            case VERIFICATION_MAIL -> config.verificationMail();
        };
        String key = "qa:rate:" + action.name().toLowerCase(Locale.ROOT) + ":" + subject;
        long now = System.currentTimeMillis();
        long waitMillis;
        try {
            waitMillis = redis.execute("EVAL", SLIDING_WINDOW, "1", key, Long.toString(now),
                    Long.toString(limit.window().toMillis()), Integer.toString(limit.limit()),
                    now + ":" + UUID.randomUUID()).toLong();
        } catch (RuntimeException e) {
            Log.warnf("Rate limit not checked (Redis unavailable): %s", e.getMessage());
            return;
        }
        if (waitMillis > 0) {
            Duration retryAfter = Duration.ofMillis(waitMillis);
            throw QaException.tooManyRequests("You are going too fast: at most " + limit.limit() + " " + action.noun
                    + " per " + (limit.window().toSeconds() == 60 ? "minute" : describe(limit.window())) + ". Try again in "
                    + describe(retryAfter) + ".", retryAfter);
        }
    }

    /** "1 second", "45 seconds", "10 minutes", "3 hours": rounded up, so that waiting that long is enough. */
    public static String describe(Duration d) {
        long seconds = QaException.wholeSeconds(d);
        if (seconds < 120) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return minutes + " minutes";
        }
        return ((minutes + 59) / 60) + " hours";
    }
}
