package org.qasite.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.stream.ClaimedMessages;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XPendingArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;

/**
 * Reads one consumer group of the event stream on a thread of its own and gives each entry to the group's handler:
 * <ul>
 * <li>creates the group when it is missing (also after Redis lost its data), reads with XREADGROUP in batches and acks
 * what the handler finished; a handler that allows it handles a batch in one database transaction (one commit, not one
 * per entry), and entry by entry when one of them fails;</li>
 * <li>retries an entry whose handler failed after a backoff that doubles with each delivery;</li>
 * <li>takes over, with XAUTOCLAIM, entries left pending by a consumer that stopped (a dead instance);</li>
 * <li>after the configured number of deliveries moves the entry, with its last error, to the dead-letter stream and
 * acks it;</li>
 * <li>counts processed, failed and dead-lettered entries and handler time, and reports the group's lag and pending
 * count.</li>
 * </ul>
 * The consumer's name is the instance id, so instances share a group's work.
 */
public class StreamConsumer {

    private static final int DEAD_LETTER_MAX_LENGTH = 10_000;
    /**
     * Removes a consumer from the group only if it still holds nothing and is still idle, checked and done in one
     * atomic step: removing a consumer drops its pending entries, so one that just received an entry must stay.
     * Answers -1 when it stays.
     */
    private static final String FORGET_CONSUMER = """
            for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
              local f = {}
              for i = 1, #c, 2 do f[c[i]] = c[i + 1] end
              if f['name'] == ARGV[2] and f['pending'] == 0 and f['idle'] > tonumber(ARGV[3]) then
                return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
              end
            end
            return -1
            """;
    private static final int MAX_REMEMBERED_ERRORS = 1_000;

    private final EventHandler handler;
    private final String group;
    private final String consumer;
    private final EventStream stream;
    private final StreamCommands<String, String, String> streams;
    private final EventsConfig.Consumer config;

    private final Counter processed;
    private final Counter failed;
    private final Counter deadLettered;
    private final Timer handlerTime;
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong pending = new AtomicLong(-1);
    /** The last error of each entry that failed here, for its dead letter. */
    private final Map<String, String> lastErrors = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED_ERRORS;
        }
    });

    private volatile boolean running;
    private volatile boolean paused;
    private volatile boolean parked;
    private volatile long nextRecovery;
    private volatile Thread thread;
    private boolean groupReady;

    public StreamConsumer(EventHandler handler, String consumer, EventStream stream, EventsConfig.Consumer config,
            MeterRegistry registry) {
        this.handler = handler;
        this.group = handler.group();
        this.consumer = consumer;
        this.stream = stream;
        this.streams = stream.redis().stream(String.class, String.class, String.class);
        this.config = config;
        this.processed = Counter.builder("qa.stream.processed").tag("group", group)
                .description("Entries handled and acked").register(registry);
        this.failed = Counter.builder("qa.stream.failed").tag("group", group)
                .description("Handler failures (each is retried or dead-lettered)").register(registry);
        this.deadLettered = Counter.builder("qa.stream.dead.lettered").tag("group", group)
                .description("Entries moved to the dead-letter stream").register(registry);
        this.handlerTime = Timer.builder("qa.stream.handler").tag("group", group)
                .description("Time spent in the handler per entry").register(registry);
        Gauge.builder("qa.stream.lag", lag, AtomicLong::get).tag("group", group)
                .description("Entries of the stream not yet delivered to the group").register(registry);
        Gauge.builder("qa.stream.pending", pending, AtomicLong::get).tag("group", group)
                .description("Entries delivered to the group and not acked").register(registry);
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
                handleAll(batch);
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
        return (long) processed.count();
    }

    public long deadLetteredCount() {
        return (long) deadLettered.count();
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
                handleAll(batch);
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
            recover();
            refreshMetrics();
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

    /** Handles the entries and acks those that succeeded, in one call. */
    private void handleAll(List<StreamMessage<String, String, String>> batch) {
        if (batch == null || batch.isEmpty()) {
            return;
        }
        List<String> done = batch.size() > 1 && handler.batchInOneTransaction() ? handleInOneTransaction(batch) : null;
        if (done == null) {
            done = new ArrayList<>(batch.size());
            for (StreamMessage<String, String, String> message : batch) {
                if (handle(message)) {
                    done.add(message.id());
                }
            }
        }
        if (!done.isEmpty()) {
            streams.xack(stream.key(), group, done.toArray(String[]::new));
            processed.increment(done.size());
            stream.countThroughput(group, done.size());
        }
    }

    /**
     * Handles every entry in one transaction, which the handler joins, and answers their ids once it committed. Answers
     * null when an entry (or the commit) failed: nothing was committed, and the caller handles the entries one by one,
     * so that the failure stays with its entry. Each entry's handler time is its share of the batch, commit included.
     */
    private List<String> handleInOneTransaction(List<StreamMessage<String, String, String>> batch) {
        long start = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (StreamMessage<String, String, String> message : batch) {
                    try (EventLogContext logged = EventLogContext.enter(message.payload())) {
                        handler.handle(StreamEvent.of(message.id(), message.payload()));
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        } catch (Throwable e) {
            Log.debugf("Consumer group %s handles %d entries one by one after a failure: %s", group, batch.size(),
                    e.getMessage());
            return null;
        }
        long share = (System.nanoTime() - start) / batch.size();
        List<String> done = new ArrayList<>(batch.size());
        for (StreamMessage<String, String, String> message : batch) {
            handlerTime.record(share, TimeUnit.NANOSECONDS);
            lastErrors.remove(message.id());
            done.add(message.id());
        }
        return done;
    }

    /**
     * Handles one entry. When the handler failed because the database could not be reached, the entry is not at fault:
     * it is handled again here, after a growing wait, until the database answers (or the instance stops), so an outage
     * does not use up its deliveries and send it to the dead-letter stream.
     */
    private boolean handle(StreamMessage<String, String, String> message) {
        try (EventLogContext logged = EventLogContext.enter(message.payload())) {
            return handleLogged(message);
        }
    }

    private boolean handleLogged(StreamMessage<String, String, String> message) {
        for (int outage = 0;; outage++) {
            long start = System.nanoTime();
            try {
                handler.handle(StreamEvent.of(message.id(), message.payload()));
                lastErrors.remove(message.id());
                return true;
            } catch (Throwable e) {
                failed.increment();
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastErrors.put(message.id(), error);
                if (!isDatabaseUnreachable(e) || !running) {
                    Log.warnf("Consumer group %s failed on entry %s: %s", group, message.id(), error);
                    return false;
                }
                if (outage == 0 || outage % 20 == 0) {
                    Log.warnf("Consumer group %s waits for the database (entry %s): %s", group, message.id(), error);
                }
                sleep(Math.min(config.maxBackoff().toMillis(), config.retryBackoff().toMillis() << Math.min(outage, 10)));
            } finally {
                handlerTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** A connection problem (SQLState class 08, or a refused or lost connection), not a problem of the entry. */
    static boolean isDatabaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Dead-letters entries that used up their deliveries, retries failed entries whose backoff passed, and takes over
     * what a stopped consumer left pending.
     */
    void recover() {
        List<PendingMessage> waiting = streams.xpending(stream.key(), group, StreamRange.of("-", "+"),
                config.batchSize(), new XPendingArgs().idle(config.retryBackoff()));
        for (PendingMessage p : waiting) {
            Duration idle = p.getDurationSinceLastDelivery();
            boolean mine = consumer.equals(p.getConsumer());
            if (p.getDeliveryCount() >= config.maxDeliveries()) {
                deadLetter(p);
            } else if (mine && idle.compareTo(backoff(p.getDeliveryCount())) >= 0) {
                handleAll(streams.xclaim(stream.key(), group, consumer, backoff(p.getDeliveryCount()),
                        p.getMessageId()));
            }
        }
        String cursor = "0-0";
        for (int round = 0; round < 10; round++) {
            ClaimedMessages<String, String, String> claimed = streams.xautoclaim(stream.key(), group, consumer,
                    config.claimIdle(), cursor, config.batchSize());
            if (!claimed.getMessages().isEmpty()) {
                Log.infof("Consumer group %s took over %d pending entries", group, claimed.getMessages().size());
            }
            handleAll(claimed.getMessages());
            cursor = claimed.getId();
            if ("0-0".equals(cursor)) {
                break;
            }
        }
    }

    /** The wait before delivery number {@code deliveries + 1}: the base backoff doubled per delivery, capped. */
    Duration backoff(int deliveries) {
        long factor = 1L << Math.min(Math.max(deliveries - 1, 0), 20);
        Duration d = config.retryBackoff().multipliedBy(factor);
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    private void deadLetter(PendingMessage p) {
        // Claiming first makes one instance the owner, so an entry is never dead-lettered twice.
        List<StreamMessage<String, String, String>> claimed = streams.xclaim(stream.key(), group, consumer,
                config.retryBackoff(), p.getMessageId());
        if (claimed.isEmpty()) {
            return;
        }
        StreamMessage<String, String, String> message = claimed.get(0);
        Map<String, String> fields = new LinkedHashMap<>(message.payload());
        String error = lastErrors.remove(p.getMessageId());
        fields.put("group", group);
        fields.put("source-id", message.id());
        fields.put("deliveries", Integer.toString(p.getDeliveryCount()));
        fields.put("error", error != null ? error
                : "failed " + p.getDeliveryCount() + " deliveries (last error seen by consumer " + p.getConsumer() + ")");
        fields.put("failed-at", Instant.now().toString());
        streams.xadd(stream.deadLetterKey(),
                new XAddArgs().maxlen((long) DEAD_LETTER_MAX_LENGTH).nearlyExactTrimming(), fields);
        streams.xack(stream.key(), group, message.id());
        deadLettered.increment();
        Log.errorf("Consumer group %s moved entry %s to %s after %d deliveries: %s", group, message.id(),
                stream.deadLetterKey(), p.getDeliveryCount(), fields.get("error"));
    }

    /** Refreshes lag and pending, and forgets the names of stopped instances that left nothing pending. */
    private void refreshMetrics() {
        try {
            for (StreamInfo.Group g : StreamInfo.groups(stream.redis(), stream.key())) {
                if (g.name().equals(group)) {
                    lag.set(g.lag());
                    pending.set(g.pending());
                }
            }
            for (StreamInfo.Consumer c : StreamInfo.consumers(stream.redis(), stream.key(), group)) {
                if (!c.name().equals(consumer) && c.pending() == 0 && c.idleMillis() > config.forgetIdle().toMillis()
                        && stream.redis().execute("EVAL", FORGET_CONSUMER, "1", stream.key(), group, c.name(),
                                Long.toString(config.forgetIdle().toMillis())).toLong() >= 0) {
                    Log.infof("Consumer group %s: removed consumer %s, idle since %d s", group, c.name(),
                            c.idleMillis() / 1000);
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("Stream metrics not refreshed: %s", e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
