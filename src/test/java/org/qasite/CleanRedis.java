package org.qasite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * The test database starts empty on every run (Flyway cleans it), so member ids repeat across runs: the test Redis
 * database must start empty too, or a member would inherit the rate-limit counts of an earlier run's namesake.
 */
@ApplicationScoped
class CleanRedis {

    void onStart(@Observes StartupEvent event, RedisDataSource redis) {
        redis.execute("FLUSHDB");
    }
}
