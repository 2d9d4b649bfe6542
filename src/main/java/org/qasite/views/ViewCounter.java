package org.qasite.views;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.qasite.events.EventsDisabled;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Counts question views without a database write per view: a reader ({@link Readers}: a member, or a visitor by
 * address whatever their browser) is counted once per question within the dedup window (a Redis key set with NX and an
 * expiry, shared by all instances), the counts add up in memory on this instance, and a scheduled flush adds them to
 * {@code question.view_count} in one statement. Counts of a flush that
 * fails go back into memory for the next one, and the instance flushes once more when it stops.
 */
@ApplicationScoped
public class ViewCounter {

    private static final String SEEN_PREFIX = "qa:views:seen:";

    /** Adds each question's count in one statement; ids of removed questions simply match no row. */
    private static final String FLUSH = """
            UPDATE question q SET view_count = q.view_count + v.n
            FROM unnest(?::bigint[], ?::bigint[]) AS v(id, n)
            WHERE q.id = v.id""";

    private final ViewsConfig config;
    private final ReactiveRedisDataSource redis;
    private final DataSource dataSource;
    /** Views counted on this instance and not yet in the database, per question id. */
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    private final Counter recorded;
    private final Counter flushed;
    private volatile boolean stopped;

    ViewCounter(ViewsConfig config, @RedisClientName("cache") ReactiveRedisDataSource redis, DataSource dataSource,
            MeterRegistry registry) {
        this.config = config;
        this.redis = redis;
        this.dataSource = dataSource;
        this.recorded = Counter.builder("qa.views.recorded").description("Question views counted (once per reader)")
                .register(registry);
        this.flushed = Counter.builder("qa.views.flushed").description("Question views written to the database")
                .register(registry);
        Gauge.builder("qa.views.pending", this, ViewCounter::pendingViews)
                .description("Question views counted on this instance and not yet written").register(registry);
    }

    /**
     * Counts a view of the question unless this reader ({@link Readers#of}) was counted within the dedup window. Never
     * fails and waits for Redis at most the configured timeout: when Redis cannot tell, the view counts.
     */
    public void record(long questionId, String reader) {
        if (firstViewInWindow(questionId, reader)) {
            pending.merge(questionId, 1L, Long::sum);
            recorded.increment();
            if (stopped) {
                flush(); // a request that ends after the shutdown flush
            }
        }
    }

    private boolean firstViewInWindow(long questionId, String reader) {
        try {
            var reply = redis.execute("SET", SEEN_PREFIX + questionId + ":" + reader, "1", "NX", "PX",
                    Long.toString(config.dedupWindow().toMillis())).await().atMost(config.redisTimeout());
            return reply != null; // nil: the key was there, the reader was counted already
        } catch (RuntimeException e) {
            Log.debugf("View of question %d counted without dedup (Redis unavailable): %s", questionId, e.getMessage());
            return true;
        }
    }

    @Scheduled(every = "${qa.views.flush-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void scheduledFlush() {
        flush();
    }

    void start(@Observes StartupEvent event) {
        stopped = false;
    }

    /** A normal stop writes what this instance counted. */
    void flushAtShutdown(@Observes ShutdownEvent event) {
        stopped = true;
        flush();
        long left = pendingViews();
        if (left > 0) {
            Log.warnf("%d question views could not be written at shutdown and are lost", left);
        }
    }

    /** Adds the counted views to the database in one statement; answers how many were written (0 on failure). */
    public long flush() {
        List<Long> ids = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        // remove() hands each count over atomically: a view recorded meanwhile starts a new entry for the next flush.
        for (Long id : pending.keySet().stream().sorted().toList()) {
            Long n = pending.remove(id);
            if (n != null) {
                ids.add(id);
                counts.add(n);
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        long total = counts.stream().mapToLong(Long::longValue).sum();
        try {
            write(ids, counts);
        } catch (SQLException | RuntimeException e) {
            for (int i = 0; i < ids.size(); i++) {
                pending.merge(ids.get(i), counts.get(i), Long::sum);
            }
            Log.warnf("%d question views not written yet, kept for the next flush: %s", total, e.getMessage());
            return 0;
        }
        flushed.increment(total);
        return total;
    }

    private void write(List<Long> ids, List<Long> counts) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    // a vote holds its question's row briefly; a row held longer should not hold up the flush
                    s.execute("SET LOCAL lock_timeout = " + config.lockTimeout().toMillis());
                }
                try (PreparedStatement ps = c.prepareStatement(FLUSH)) {
                    ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    ps.setArray(2, c.createArrayOf("bigint", counts.toArray()));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Views counted on this instance and not yet written. */
    public long pendingViews() {
        return pending.values().stream().mapToLong(Long::longValue).sum();
    }
}
