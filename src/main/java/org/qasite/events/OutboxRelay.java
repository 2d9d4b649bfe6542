package org.qasite.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to the stream, oldest first: right after a transaction that recorded events committed, and on
 * a schedule for whatever is still unpublished (Redis was down, a process died between commit and publication). One
 * thread per instance publishes, and a PostgreSQL advisory lock lets one instance at a time do it, so rows are
 * published in the order of their ids. A row may be published twice (the process dies after XADD, before marking it);
 * consumers are idempotent by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key of the relay ("outbox" in ASCII). */
    private static final long LOCK_KEY = 0x6f7574626f78L;

    private final EventsConfig config;
    private final EventStream stream;
    private final DataSource dataSource;
    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();
    private final BlockingQueue<Boolean> kicks = new ArrayBlockingQueue<>(1);
    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(EventsConfig config, EventStream stream, DataSource dataSource, MeterRegistry registry) {
        this.config = config;
        this.stream = stream;
        this.dataSource = dataSource;
        this.published = Counter.builder("qa.outbox.published").description("Events published from the outbox")
                .register(registry);
        Gauge.builder("qa.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published (as of the last sweep)").register(registry);
    }

    void start(@Observes @Priority(EventStream.START_PRIORITY) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
        kick();
    }

    /** Lets the batch in hand finish (so what reached Redis is marked published), then stops the thread. */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        kick(); // wakes the thread if it waits for work
        Thread t = worker;
        if (t != null) {
            try {
                t.join(10_000);
                t.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        kick();
    }

    @Scheduled(every = "${qa.events.relay.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void sweep() {
        refreshBacklog();
        kick();
    }

    @Scheduled(every = "${qa.events.relay.cleanup-interval}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void cleanUp() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(config.relay().retention())));
            int deleted = ps.executeUpdate();
            if (deleted > 0) {
                Log.infof("Removed %d published outbox rows", deleted);
            }
        } catch (SQLException e) {
            Log.warnf("Outbox clean-up failed: %s", e.getMessage());
        }
    }

    /** Asks the relay thread to publish what is pending; never blocks. */
    public void kick() {
        kicks.offer(Boolean.TRUE);
    }

    /** Rows not yet published, as of the last count. */
    public long backlog() {
        return backlog.get();
    }

    /** Counts the unpublished rows and the age of the oldest; also used by the dashboard. */
    public Backlog readBacklog() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*), min(created_at) FROM outbox WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            Backlog b = new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            backlog.set(b.rows());
            return b;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox: " + e.getMessage(), e);
        }
    }

    public record Backlog(long rows, Instant oldest) {
    }

    private void refreshBacklog() {
        try {
            readBacklog();
        } catch (RuntimeException e) {
            Log.debugf("Outbox backlog not counted: %s", e.getMessage());
        }
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                kicks.poll(1, TimeUnit.MINUTES);
                if (!running) {
                    return;
                }
                drain();
                failures = 0;
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // Redis or PostgreSQL unreachable: the rows wait in the outbox; the sweep tries again. Whatever else
                // goes wrong, the thread lives on.
                failures++;
                if (failures == 1 || failures % 60 == 0) {
                    Log.warnf("Outbox relay cannot publish (%d tries): %s", failures, e.getMessage());
                }
                pause(Math.min(5000, 100L << Math.min(failures, 6)));
            }
        }
    }

    /** Publishes batches until nothing is left; answers how many rows went out. */
    public int drain() {
        int total = 0;
        int busyRounds = 0;
        while (true) {
            int n = publishBatch();
            if (n < 0) {
                // Another instance is publishing; it will see our rows too unless it was just finishing.
                if (++busyRounds > 50) {
                    return total;
                }
                pause(20);
                continue;
            }
            total += n;
            if (n < config.relay().batchSize()) {
                return total;
            }
        }
    }

    /** One transaction: the oldest unpublished rows, to the stream, marked. -1 when another instance holds the lock. */
    private int publishBatch() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            c.rollback();
                            return -1;
                        }
                    }
                }
                List<Long> ids = new ArrayList<>();
                List<Map<String, String>> entries = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT id, event_id, type, version, payload::text FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?")) {
                    select.setInt(1, config.relay().batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            Map<String, String> fields = new LinkedHashMap<>();
                            fields.put(EventStream.FIELD_ID, rs.getString(2));
                            fields.put(EventStream.FIELD_TYPE, rs.getString(3));
                            fields.put(EventStream.FIELD_VERSION, Integer.toString(rs.getInt(4)));
                            fields.put(EventStream.FIELD_PAYLOAD, rs.getString(5));
                            ids.add(rs.getLong(1));
                            entries.add(fields);
                        }
                    }
                }
                // One round trip for the batch. Every row that reached Redis is marked, even when another failed, so it
                // is not published twice. (Should Redis refuse one entry and take later ones, which XADD hardly does,
                // the refused one follows in a later batch, after them.)
                EventStream.Published result = stream.publishAll(entries);
                int marked = 0;
                try (PreparedStatement mark = c.prepareStatement(
                        "UPDATE outbox SET published_at = now(), stream_id = ? WHERE id = ?")) {
                    for (int i = 0; i < ids.size(); i++) {
                        String streamId = result.ids().get(i);
                        if (streamId != null) {
                            mark.setString(1, streamId);
                            mark.setLong(2, ids.get(i));
                            mark.addBatch();
                            marked++;
                        }
                    }
                    if (marked > 0) {
                        mark.executeBatch();
                    }
                }
                c.commit();
                published.increment(marked);
                stream.countThroughput(EventStream.PUBLISHED, marked);
                if (result.failure() != null) {
                    throw result.failure();
                }
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox relay database error: " + e.getMessage(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
