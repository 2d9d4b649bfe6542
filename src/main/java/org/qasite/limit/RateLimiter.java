package org.qasite.limit;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;
import org.qasite.text.i18n.SiteLocales;

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
        ASK(RefusalMsg::rate_ask),
        ANSWER(RefusalMsg::rate_answer),
        COMMENT(RefusalMsg::rate_comment),
        EDIT(RefusalMsg::rate_edit),
        VOTE(RefusalMsg::rate_vote),
        FOLLOW(RefusalMsg::rate_follow),
        SIGNUP(RefusalMsg::rate_signup),
        PREVIEW(RefusalMsg::rate_preview),
        PREVIEW_ADDRESS(RefusalMsg::rate_preview_address),
        PASSWORD_RESET(RefusalMsg::rate_password_reset),
        PASSWORD_RESET_ACCOUNT(RefusalMsg::rate_password_reset_account),
        VERIFICATION_MAIL(RefusalMsg::rate_verification_mail),
        UPLOAD(RefusalMsg::rate_upload);

        private final Function<RefusalMsg, String> noun;

        Action(Function<RefusalMsg, String> noun) {
            this.noun = noun;
        }

        /** What is counted, in the words given ("answers"). */
        String what(RefusalMsg words) {
            return noun.apply(words);
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
            case UPLOAD -> config.upload();
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
            RefusalMsg words = Refusals.now();
            String window = limit.window().toSeconds() == 60 ? words.rate_per_minute()
                    : words.rate_per(describe(limit.window(), words));
            throw QaException.tooManyRequests(words.rate_limited(limit.limit(), action.what(words), window,
                    describe(retryAfter, words)), retryAfter);
        }
    }

    /** "1 second", "45 seconds", "10 minutes", "3 hours": rounded up, so that waiting that long is enough. */
    public static String describe(Duration d) {
        return describe(d, Refusals.of(SiteLocales.ENGLISH));
    }

    /** The same in the words given ("через 45 секунд" in Russian). */
    public static String describe(Duration d, RefusalMsg words) {
        long seconds = QaException.wholeSeconds(d);
        if (seconds < 120) {
            return words.seconds(seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return words.minutes(minutes);
        }
        return words.hours((minutes + 59) / 60);
    }
}
