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
import jakarta.enterprise.event.Observes;

import org.qasite.limit.ClientAddress;
import org.qasite.secrets.SiteKeys;

import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Response;

/**
 * Failed logins, in the Redis cache database (shared by all instances). A try is let through only when the failures so
 * far allow it; it then counts as a failure until it succeeds, so parallel guesses cannot all slip past the check
 * together. Three counts hold up a try from a browser the account does not know: this name from this address, this
 * address on any names, and this name from everywhere (the last one not for an address that logged in to the account
 * before). A browser that logged in to the account before (its device cookie, an unguessable id, remembered as a keyed
 * hash) has a count of its own and nothing else: no stranger's failures, from anywhere, hold it up. When Redis cannot
 * be reached, logins are let through: bcrypt still makes each guess cost a quarter of a second.
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
              if applies == '1' and n >= free and n > 0 then
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

    /** Stops the start when a count of free failures is below one (see {@link LoginConfig}). */
    void checkSettings(@Observes StartupEvent event) {
        atLeastOne("qa.login.free-failures", config.freeFailures());
        atLeastOne("qa.login.free-failures-per-name", config.freeFailuresPerName());
        atLeastOne("qa.login.free-failures-per-address", config.freeFailuresPerAddress());
    }

    private static void atLeastOne(String key, int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, not " + failures);
        }
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
            Known known = known(name, origin);
            List<String> args = new ArrayList<>(List.of("EVAL", CHECK, "0", Long.toString(now),
                    Long.toString(config.failureWindow().toMillis()), Long.toString(config.firstDelay().toMillis()),
                    tryId));
            List<String> keys = new ArrayList<>();
            if (known.device()) {
                keys.add(deviceKey(name, origin));
                args.addAll(limit(config.freeFailures(), config.maxDelay(), true));
            } else {
                keys.add(originKey(name, origin));
                args.addAll(limit(config.freeFailures(), config.maxDelay(), true));
                keys.add(addressKey(origin));
                args.addAll(limit(config.freeFailuresPerAddress(), config.maxDelay(), true));
                keys.add(nameKey(name));
                args.addAll(limit(config.freeFailuresPerName(), config.maxDelayPerName(), !known.address()));
            }
            args.set(2, Integer.toString(keys.size()));
            args.addAll(3, keys);
            long left = redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new)).toLong();
            return left > 0 ? Duration.ofMillis(left) : null;
        } catch (RuntimeException e) {
            Log.warnf("Login not throttled (Redis unavailable): %s", e.getMessage());
            return null;
        }
    }

    private static List<String> limit(int free, Duration max, boolean applies) {
        return List.of(Integer.toString(free), Long.toString(max.toMillis()), applies ? "1" : "0");
    }

    /**
     * The try was right: it is no failure, this browser's and address' earlier failures on the name are forgiven, and
     * both are known from now on.
     */
    void succeeded(String username, Origin origin, String tryId) {
        String name = username.toLowerCase(Locale.ROOT);
        try {
            redis.execute("DEL", originKey(name, origin));
            if (origin.deviceId() != null) {
                redis.execute("DEL", deviceKey(name, origin));
            }
            redis.execute("ZREM", nameKey(name), tryId);
            redis.execute("ZREM", addressKey(origin), tryId);
            String known = knownKey(name);
            List<String> args = new ArrayList<>(List.of(known, addressHash(origin)));
            if (origin.deviceId() != null) {
                args.add(deviceHash(origin));
            }
            redis.execute("SADD", args.toArray(String[]::new));
            redis.execute("PEXPIRE", known, Long.toString(config.knownDeviceLifetime().toMillis()));
        } catch (RuntimeException e) {
            Log.warnf("Successful login not recorded (Redis unavailable): %s", e.getMessage());
        }
    }

    private record Known(boolean address, boolean device) {
    }

    /** Whether the address, and the browser's device cookie, logged in to this name before. */
    private Known known(String name, Origin origin) {
        String byAddress = addressHash(origin);
        String byDevice = origin.deviceId() == null ? byAddress : deviceHash(origin);
        Response reply = redis.execute("SMISMEMBER", knownKey(name), byAddress, byDevice);
        boolean address = reply.get(0).toInteger() == 1;
        return new Known(address, origin.deviceId() != null && reply.get(1).toInteger() == 1);
    }

    /**
     * Failures of this name from this address, for a browser the account does not know. (Not from its device cookie: a
     * guesser would simply send a new one with every try.)
     */
    private String originKey(String name, Origin origin) {
        return PREFIX + "fail:" + name + ":" + addressHash(origin);
    }

    /** Failures of this name from a browser that logged in to it before (only the holder of its cookie adds to them). */
    private String deviceKey(String name, Origin origin) {
        return PREFIX + "fail:" + name + ":" + deviceHash(origin);
    }

    private static String knownKey(String name) {
        return PREFIX + "known:" + name;
    }

    private static String nameKey(String name) {
        return PREFIX + "fail:" + name;
    }

    /** Failures from this address on any name: trying many names from one machine is slowed down too. */
    private String addressKey(Origin origin) {
        return PREFIX + "fail-from:" + addressHash(origin);
    }

    private String addressHash(Origin origin) {
        return hash("a:" + ClientAddress.network(origin.address()));
    }

    private String deviceHash(Origin origin) {
        return hash("d:" + origin.deviceId());
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
