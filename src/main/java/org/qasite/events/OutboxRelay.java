package org.qasite.events;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

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
 * <p>
 * This class is the relay's thread and its schedules; each batch is one transaction of {@link OutboxPublisher},
 * {@link OutboxBacklog} counts what waits, and {@link OutboxCleanup} deletes old published rows.
 */
@ApplicationScoped
public class OutboxRelay {

    private final EventsConfig config;
    private final OutboxPublisher publisher;
    private final OutboxBacklog backlog;
    private final OutboxCleanup cleanup;
    private final BlockingQueue<Boolean> kicks = new ArrayBlockingQueue<>(1);
    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(EventsConfig config, EventStream stream, DataSource dataSource, MeterRegistry registry) {
        this.config = config;
        this.publisher = new OutboxPublisher(config, stream, dataSource, registry);
        this.backlog = new OutboxBacklog(dataSource, registry);
        this.cleanup = new OutboxCleanup(dataSource, config);
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
        backlog.refresh();
        kick();
    }

    @Scheduled(every = "${qa.events.relay.cleanup-interval}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = EventsDisabled.class)
    void cleanUp() {
        cleanup.cleanUp();
    }

    /** Asks the relay thread to publish what is pending; never blocks. */
    public void kick() {
        kicks.offer(Boolean.TRUE);
    }

    /** Rows not yet published, as of the last count. */
    public long backlog() {
        return backlog.rows();
    }

    /** Counts the unpublished rows and the age of the oldest; also used by the dashboard. */
    public Backlog readBacklog() {
        return backlog.read();
    }

    public record Backlog(long rows, Instant oldest) {
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
            int n = publisher.publishBatch();
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

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
