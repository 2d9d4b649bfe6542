package org.qasite.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * The test database starts empty on every run (Flyway cleans it), so member ids repeat across runs: the test Redis
 * database must start empty too, or a member would inherit the rate-limit counts of an earlier run's namesake.
 */
@ApplicationScoped
class CleanRedis {

    void onStart(@Observes @Priority(1) StartupEvent event, @RedisClientName("streams") RedisDataSource streams,
            @RedisClientName("cache") RedisDataSource cache, @RedisClientName("locks") RedisDataSource locks) {
        streams.execute("FLUSHDB");
        cache.execute("FLUSHDB");
        locks.execute("FLUSHDB");
    }
}
