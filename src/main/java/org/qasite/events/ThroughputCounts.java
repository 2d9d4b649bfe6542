package org.qasite.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Per-minute counts of entries published and handled, kept in Redis for the dashboard. Counts are gathered here and
 * added to Redis once per {@code qa.events.throughput-interval}: one round trip per series and minute, instead of one
 * per batch, which under a steady flow of single events was a third of a consumer's Redis round trips.
 */
@ApplicationScoped
class ThroughputCounts {

    /** The sending job's name, for the scheduler. */
    static final String JOB = "throughput-counts";
    private static final String PREFIX = "qa:throughput:";
    private static final Duration KEEP = Duration.ofHours(2);

    /** Counts not yet added to Redis, by key (series and minute). */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    /**
     * Used once the start is over (the job waits for it: {@link EventsDisabled}); touched while Quarkus creates its
     * data sources, it could make the start fail.
     */
    private final RedisDataSource redis;

    ThroughputCounts(@RedisClientName("streams") RedisDataSource redis) {
        this.redis = redis;
    }

    void add(String series, long n) {
        if (n > 0) {
            pending.merge(key(series, System.currentTimeMillis() / 60_000), n, Long::sum);
        }
    }

    @Scheduled(identity = JOB, every = "${qa.events.throughput-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ValueCommands<String, Long> counters = redis.value(Long.class);
        for (String key : pending.keySet()) {
            // Removed before it is sent: a count added meanwhile starts a new entry, sent next time.
            Long n = pending.remove(key);
            if (n == null) {
                continue;
            }
            try {
                // The key's first count sets its expiry.
                if (counters.incrby(key, n) == n) {
                    redis.key().expire(key, KEEP);
                }
            } catch (RuntimeException e) {
                Log.debugf("Throughput not counted: %s", e.getMessage());
            }
        }
    }

    void flushAtShutdown(@Observes ShutdownEvent event) {
        flush();
    }

    /** The series' counts for each of the last {@code minutes} minutes, oldest first, with those not yet sent. */
    List<Long> perMinute(String series, int minutes) {
        long now = System.currentTimeMillis() / 60_000;
        String[] wanted = new String[minutes];
        for (int i = 0; i < minutes; i++) {
            wanted[i] = key(series, now - minutes + 1 + i);
        }
        Map<String, Long> stored = redis.value(Long.class).mget(wanted);
        List<Long> result = new ArrayList<>(minutes);
        for (String key : wanted) {
            Long v = stored.get(key);
            result.add((v == null ? 0L : v) + pending.getOrDefault(key, 0L));
        }
        return result;
    }

    private static String key(String series, long minute) {
        return PREFIX + series + ":" + minute;
    }
}
