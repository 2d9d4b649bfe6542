package org.qasite.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.limit.ClientAddress;
import org.qasite.secrets.SiteKeys;

import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;

/**
 * Failed logins per name, from one address and from everywhere, in the Redis cache database (shared by all
 * instances). A try is let through only when the failures so far allow it; it then counts as a failure until it
 * succeeds, so parallel guesses cannot all slip past the check together. Addresses and browsers that logged in to the
 * account are remembered (as keyed hashes) and are not slowed by the failures of others. When Redis cannot be reached,
 * logins are let through: bcrypt still makes each guess cost a quarter of a second.
 */
@ApplicationScoped
class LoginThrottle {

    /** Where this try comes from: the client's address (an IPv6 address counts by its /64) and its device cookie. */
    record Origin(String address, String deviceId) {
    }

    private static final String PREFIX = "qa:login:";

    /**
     * KEYS: the failure sets that apply to this try. ARGV: now, window, first delay, this try's id, then for each key
     * the free failures, the longest delay, and whether it can hold this try up (1/0; a set that cannot still records
     * the try). Answers 0 when the try may go ahead (and records it in every set), or the milliseconds left to wait.
     */
    private static final String CHECK = """
            local now, window, first, id = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
            local left = 0
            for i, key in ipairs(KEYS) do
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
              local free, max, applies = tonumber(ARGV[2 + 3 * i]), tonumber(ARGV[3 + 3 * i]), ARGV[4 + 3 * i]
              local n = redis.call('ZCARD', key)
              if applies == '1' and n >= free then
                local last = tonumber(redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2])
                local delay = math.min(first * math.pow(2, math.min(n - free, 40)), max)
                left = math.max(left, last + delay - now)
              end
            end
            if left > 0 then return math.ceil(left) end
            for _, key in ipairs(KEYS) do
              redis.call('ZADD', key, now, id)
              redis.call('PEXPIRE', key, window)
            end
            return 0
            """;

    private final LoginConfig config;
    private final RedisDataSource redis;
    private final SecretKey key;

    LoginThrottle(LoginConfig config, @RedisClientName("cache") RedisDataSource redis, SiteKeys keys) {
        this.config = config;
        this.redis = redis;
        this.key = keys.key(SiteKeys.Purpose.KNOWN_DEVICES, "HmacSHA256");
    }

    /**
     * Lets the try go ahead (recording it as a failure until {@link #succeeded}) or answers how long to wait.
     *
     * @return null when the try may go ahead
     */
    Duration tryLogin(String username, Origin origin, String tryId) {
        return tryLogin(username, origin, tryId, System.currentTimeMillis());
    }

    /** {@link #tryLogin(String, Origin, String)} at a given time (tests walk through the delays without waiting). */
    Duration tryLogin(String username, Origin origin, String tryId, long now) {
        String name = username.toLowerCase(Locale.ROOT);
        try {
            boolean known = isKnown(name, origin);
            long left = redis.execute("EVAL", CHECK, "3", originKey(name, origin), nameKey(name),
                    addressKey(origin), Long.toString(now), Long.toString(config.failureWindow().toMillis()),
                    Long.toString(config.firstDelay().toMillis()), tryId,
                    Integer.toString(config.freeFailures()), Long.toString(config.maxDelay().toMillis()), "1",
                    Integer.toString(config.freeFailuresPerName()), Long.toString(config.maxDelayPerName().toMillis()),
                    known ? "0" : "1",
                    Integer.toString(config.freeFailuresPerAddress()), Long.toString(config.maxDelay().toMillis()), "1")
                    .toLong();
            return left > 0 ? Duration.ofMillis(left) : null;
        } catch (RuntimeException e) {
            Log.warnf("Login not throttled (Redis unavailable): %s", e.getMessage());
            return null;
        }
    }

    /** The try was right: it is no failure, this origin's earlier failures are forgiven, and the origin is known. */
    void succeeded(String username, Origin origin, String tryId) {
        String name = username.toLowerCase(Locale.ROOT);
        try {
            redis.execute("DEL", originKey(name, origin));
            redis.execute("ZREM", nameKey(name), tryId);
            redis.execute("ZREM", addressKey(origin), tryId);
            String known = PREFIX + "known:" + name;
            List<String> args = new ArrayList<>(List.of(known, hash("a:" + ClientAddress.network(origin.address()))));
            if (origin.deviceId() != null) {
                args.add(hash("d:" + origin.deviceId()));
            }
            redis.execute("SADD", args.toArray(String[]::new));
            redis.execute("PEXPIRE", known, Long.toString(config.knownDeviceLifetime().toMillis()));
        } catch (RuntimeException e) {
            Log.warnf("Successful login not recorded (Redis unavailable): %s", e.getMessage());
        }
    }

    /** The address, or the browser's device cookie, logged in to this name before. */
    private boolean isKnown(String name, Origin origin) {
        String byAddress = hash("a:" + ClientAddress.network(origin.address()));
        String byDevice = origin.deviceId() == null ? byAddress : hash("d:" + origin.deviceId());
        Response reply = redis.execute("SMISMEMBER", PREFIX + "known:" + name, byAddress, byDevice);
        for (int i = 0; i < reply.size(); i++) {
            if (reply.get(i).toInteger() == 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Failures of this name from this address. (Not from the device cookie: a guesser would simply send a new one
     * with every try. The cookie only tells the owner's browser from others.)
     */
    private String originKey(String name, Origin origin) {
        return PREFIX + "fail:" + name + ":" + hash("a:" + ClientAddress.network(origin.address()));
    }

    private static String nameKey(String name) {
        return PREFIX + "fail:" + name;
    }

    /** Failures from this address on any name: trying many names from one machine is slowed down too. */
    private String addressKey(Origin origin) {
        return PREFIX + "fail-from:" + hash("a:" + ClientAddress.network(origin.address()));
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
