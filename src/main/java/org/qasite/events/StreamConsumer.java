package org.qasite.events;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;

/**
 * Reads one consumer group of the event stream on a thread of its own (or when polled) and gives each entry to the
 * group's handler:
 * <ul>
 * <li>creates the group when it is missing (also after Redis lost its data), reads with XREADGROUP in batches and acks
 * what the handler finished ({@link EntryHandling});</li>
 * <li>at each recovery interval, retries failed entries, takes over what a stopped consumer left pending and
 * dead-letters entries that used up their deliveries ({@link PendingRecovery}), refreshes the group's lag and pending
 * count ({@link ConsumerMetrics}) and forgets stopped consumers ({@link StoppedConsumers}).</li>
 * </ul>
 * The consumer's name is the instance id, so instances share a group's work.
 */
public class StreamConsumer {

    private final String group;
    private final String consumer;
    private final EventStream stream;
    private final StreamCommands<String, String, String> streams;
    private final EventsConfig.Consumer config;
    private final ConsumerMetrics metrics;
    private final EntryHandling handling;
    private final PendingRecovery recovery;
    private final StoppedConsumers stopped;

    private volatile boolean running;
    private volatile boolean paused;
    private volatile boolean parked;
    private volatile long nextRecovery;
    private volatile Thread thread;
    private boolean groupReady;

    public StreamConsumer(EventHandler handler, String consumer, EventStream stream, EventsConfig.Consumer config,
            MeterRegistry registry) {
        this.group = handler.group();
        this.consumer = consumer;
        this.stream = stream;
        this.streams = stream.redis().stream(String.class, String.class, String.class);
        this.config = config;
        this.metrics = new ConsumerMetrics(group, registry);
        this.handling = new EntryHandling(handler, stream, config, metrics, () -> running);
        this.recovery = new PendingRecovery(group, consumer, stream, config, handling, metrics);
        this.stopped = new StoppedConsumers(stream, group, consumer, config.forgetIdle());
    }

    public String group() {
        return group;
    }

    public String consumerName() {
        return consumer;
    }

    /** Starts reading on a thread of its own; a polled group is started without one, for {@link #pollOnce()}. */
    public void start(boolean ownThread) {
        running = true;
        if (ownThread) {
            thread = Thread.ofPlatform().name("stream-" + group).daemon().start(this::loop);
        }
    }

    /**
     * For a polled group: handles what the stream holds for the group now (without waiting for more), retries and
     * takes over pending entries when due, and answers how many entries were handled. Called by one scheduled job,
     * never at the same time as itself.
     */
    public int pollOnce() {
        try {
            prepare();
            int handled = 0;
            while (true) {
                List<StreamMessage<String, String, String>> batch = streams.xreadgroup(group, consumer, stream.key(),
                        ">", new XReadGroupArgs().count(config.batchSize()));
                handling.handleAll(batch);
                handled += batch == null ? 0 : batch.size();
                if (batch == null || batch.size() < config.batchSize()) {
                    return handled;
                }
            }
        } catch (RuntimeException e) {
            if (isMissingGroup(e)) {
                groupReady = false;
            }
            throw e;
        }
    }

    /** Stops reading; the entry in hand is finished and acked first. */
    public void stop(Duration wait) {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops reading until {@link #resume()}; answers once the consumer holds no entry and is not reading. */
    public void pause() {
        paused = true;
        long deadline = System.nanoTime() + config.block().plusSeconds(10).toNanos();
        while (!parked && running && System.nanoTime() < deadline) {
            sleep(10);
        }
    }

    public void resume() {
        parked = false;
        paused = false;
    }

    /** Looks at pending entries (retries, take-overs, dead letters) on the next turn instead of at its interval. */
    public void recoverSoon() {
        nextRecovery = 0;
    }

    public long processedCount() {
        return metrics.processedCount();
    }

    public long deadLetteredCount() {
        return metrics.deadLetteredCount();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            if (paused) {
                parked = true;
                sleep(20);
                continue;
            }
            parked = false;
            try {
                prepare();
                List<StreamMessage<String, String, String>> batch = streams.xreadgroup(group, consumer, stream.key(), ">",
                        new XReadGroupArgs().count(config.batchSize()).block(config.block()));
                handling.handleAll(batch);
                failures = 0;
            } catch (Throwable e) {
                // Whatever goes wrong, the thread lives on: a consumer that died would stop its group on this instance.
                if (isMissingGroup(e)) {
                    groupReady = false; // Redis lost its data, or someone deleted the group
                    continue;
                }
                failures++;
                if (failures == 1 || failures % 30 == 0) {
                    Log.warnf("Consumer group %s cannot read the stream (%d tries): %s", group, failures, e.getMessage());
                }
                sleep(Math.min(5000, 100L << Math.min(failures, 6)));
            }
        }
    }

    /** Before a read: the group exists, and pending entries and metrics are looked at when due. */
    private void prepare() {
        if (!groupReady) {
            createGroup();
        }
        if (System.currentTimeMillis() >= nextRecovery) {
            nextRecovery = System.currentTimeMillis() + config.recoverInterval().toMillis();
            recovery.recover();
            metrics.refresh(stream);
            stopped.forget();
        }
    }

    private void createGroup() {
        try {
            streams.xgroupCreate(stream.key(), group, "0", new XGroupCreateArgs().mkstream());
            Log.infof("Created consumer group %s on %s", group, stream.key());
        } catch (RuntimeException e) {
            if (e.getMessage() == null || !e.getMessage().contains("BUSYGROUP")) {
                throw e;
            }
        }
        groupReady = true;
    }

    private static boolean isMissingGroup(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOGROUP")) {
                return true;
            }
        }
        return false;
    }

    /** Waits, keeping an interruption for the caller to see. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
