package org.qasite.lock;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Runs a job on one instance at a time: a key in the locks database, set only if absent and with an expiry, so that an
 * instance that died holding it cannot block the others. When Redis cannot be reached the lock is not taken and the
 * job waits for its next turn.
 */
@ApplicationScoped
public class RedisLocks {

    /** Deletes the lock only if this instance still holds it (it may have expired and been taken since). */
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final RedisDataSource locks;

    RedisLocks(@RedisClientName("locks") RedisDataSource locks) {
        this.locks = locks;
    }

    /** Runs {@code job} if this instance gets the lock {@code key} (held at most {@code ttl}); answers whether it ran. */
    public boolean runExclusively(String key, Duration ttl, Runnable job) {
        return callExclusively(key, ttl, () -> {
            job.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** What {@code job} answers if this instance gets the lock {@code key} (held at most {@code ttl}), else nothing. */
    public <T> Optional<T> callExclusively(String key, Duration ttl, Supplier<T> job) {
        String token = UUID.randomUUID().toString();
        try {
            if (locks.execute("SET", key, token, "NX", "PX", Long.toString(ttl.toMillis())) == null) {
                return Optional.empty(); // another instance holds it
            }
        } catch (RuntimeException e) {
            Log.debugf("Lock %s not taken (Redis unavailable): %s", key, e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(job.get());
        } finally {
            try {
                locks.execute("EVAL", RELEASE, "1", key, token);
            } catch (RuntimeException e) {
                Log.debugf("Lock %s not released (it expires): %s", key, e.getMessage());
            }
        }
    }
}
