package org.qasite.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;

/**
 * Gives a consumer group's entries to its handler and acks, in one call, those it finished: a batch in one database
 * transaction when the handler allows it, else (or when that failed) entry by entry, waiting out a database outage in
 * place. Remembers the last error of each entry that failed, for its dead letter.
 */
final class EntryHandling {

    private static final int MAX_REMEMBERED_ERRORS = 1_000;

    private final EventHandler handler;
    private final String group;
    private final EventStream stream;
    private final StreamCommands<String, String, String> streams;
    private final EventsConfig.Consumer config;
    private final ConsumerMetrics metrics;
    private final BooleanSupplier running;
    private final Map<String, String> lastErrors = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED_ERRORS;
        }
    });

    /** {@code running}: whether the consumer still runs; an entry waits for the database only while it does. */
    EntryHandling(EventHandler handler, EventStream stream, EventsConfig.Consumer config, ConsumerMetrics metrics,
            BooleanSupplier running) {
        this.handler = handler;
        this.group = handler.group();
        this.stream = stream;
        this.streams = stream.redis().stream(String.class, String.class, String.class);
        this.config = config;
        this.metrics = metrics;
        this.running = running;
    }

    /** The last error of an entry that failed here, or null; forgotten once asked for. */
    String takeLastError(String entryId) {
        return lastErrors.remove(entryId);
    }

    /** Handles the entries and acks those that succeeded, in one call. */
    void handleAll(List<StreamMessage<String, String, String>> batch) {
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
            metrics.processed(done.size());
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
                List<StreamEvent> events = new ArrayList<>(batch.size());
                for (StreamMessage<String, String, String> message : batch) {
                    events.add(StreamEvent.of(message.id(), message.payload()));
                }
                try {
                    handler.handleBatch(events);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
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
            metrics.handlerTime(share);
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
                metrics.failed();
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastErrors.put(message.id(), error);
                if (!isDatabaseUnreachable(e) || !running.getAsBoolean()) {
                    Log.warnf("Consumer group %s failed on entry %s: %s", group, message.id(), error);
                    return false;
                }
                if (outage == 0 || outage % 20 == 0) {
                    Log.warnf("Consumer group %s waits for the database (entry %s): %s", group, message.id(), error);
                }
                StreamConsumer.sleep(
                        Math.min(config.maxBackoff().toMillis(), config.retryBackoff().toMillis() << Math.min(outage, 10)));
            } finally {
                metrics.handlerTime(System.nanoTime() - start);
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
}
