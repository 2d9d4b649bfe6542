package org.qasite.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.value.ValueCommands;

/** The event stream in Redis (its own database), with per-minute throughput counters for the dashboard. */
@ApplicationScoped
public class EventStream {

    public static final String FIELD_ID = "id";
    public static final String FIELD_TYPE = "type";
    public static final String FIELD_VERSION = "v";
    public static final String FIELD_PAYLOAD = "payload";
    /** Name of the throughput series of the relay. */
    public static final String PUBLISHED = "published";

    /**
     * Priority of the startup observers that start the relay and consumer threads: after the default priority, at
     * which Quarkus creates its startup beans, the Redis data sources among them. Quarkus keeps those data sources in
     * a map that is not thread-safe, so a thread of ours that touched Redis while they were being created could make
     * the start fail with a ConcurrentModificationException.
     */
    static final int START_PRIORITY = Interceptor.Priority.LIBRARY_AFTER;

    private static final String THROUGHPUT_PREFIX = "qa:throughput:";
    private static final Duration THROUGHPUT_KEEP = Duration.ofHours(2);

    private final EventsConfig config;
    private final RedisDataSource redis;
    private final StreamCommands<String, String, String> streams;
    private final ValueCommands<String, Long> counters;

    EventStream(EventsConfig config, @RedisClientName("streams") RedisDataSource redis) {
        this.config = config;
        this.redis = redis;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.counters = redis.value(Long.class);
    }

    public RedisDataSource redis() {
        return redis;
    }

    public String key() {
        return config.stream();
    }

    public String deadLetterKey() {
        return config.deadLetterStream();
    }

    /** Appends an entry (fields id, type, v, payload) and answers the id Redis gave it. */
    public String publish(Map<String, String> fields) {
        return streams.xadd(config.stream(), new XAddArgs().maxlen(config.maxLength()).nearlyExactTrimming(), fields);
    }

    /** Adds {@code n} to this minute's count of the series ("published", or a consumer group's name). */
    public void countThroughput(String series, long n) {
        if (n <= 0) {
            return;
        }
        String key = THROUGHPUT_PREFIX + series + ":" + (System.currentTimeMillis() / 60_000);
        try {
            counters.incrby(key, n);
            redis.key().expire(key, THROUGHPUT_KEEP);
        } catch (RuntimeException e) {
            Log.debugf("Throughput not counted: %s", e.getMessage());
        }
    }

    /** The series' counts for each of the last {@code minutes} minutes, oldest first (this minute last). */
    public List<Long> throughput(String series, int minutes) {
        long now = System.currentTimeMillis() / 60_000;
        String[] keys = new String[minutes];
        for (int i = 0; i < minutes; i++) {
            keys[i] = THROUGHPUT_PREFIX + series + ":" + (now - minutes + 1 + i);
        }
        Map<String, Long> values = counters.mget(keys);
        List<Long> result = new ArrayList<>(minutes);
        for (String key : keys) {
            Long v = values.get(key);
            result.add(v == null ? 0L : v);
        }
        return result;
    }
}
