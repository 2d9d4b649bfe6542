package org.qasite.events;

import java.util.List;

/**
 * A consumer group's work: every bean implementing this gets a {@link StreamConsumer} on its group. The handler must
 * be idempotent by event id: an entry can be delivered again (a retry, a take-over, a republished outbox row).
 */
public interface EventHandler {

    /** The consumer group's name, unique per handler. */
    String group();

    /** Handles one event; an exception leaves it pending, to be retried with backoff and dead-lettered at last. */
    void handle(StreamEvent event) throws Exception;

    /**
     * Handles the entries of a batch, in their order, in the one transaction of {@link #batchInOneTransaction()}; by
     * default one by one. A handler overrides it to do once per batch what it would otherwise do for every entry, with
     * the same effects as {@link #handle} would have entry by entry: when the batch fails, its transaction is rolled
     * back and its entries go to {@link #handle} one by one.
     */
    default void handleBatch(List<StreamEvent> events) throws Exception {
        for (StreamEvent event : events) {
            try (EventLogContext logged = EventLogContext.enter(event.eventId(), event.type())) {
                handle(event);
            }
        }
    }

    /**
     * Whether the consumer may handle a batch of entries in one database transaction that the handler joins: one
     * commit for the batch instead of one per entry. When an entry fails, that transaction is rolled back and the
     * entries are handled again one by one, each in a transaction of its own. Only for handlers whose every effect is
     * in the database.
     */
    default boolean batchInOneTransaction() {
        return false;
    }

    /**
     * Whether the group is read by a scheduled job calling {@link StreamConsumer#pollOnce()} instead of by a thread of
     * its own that waits for entries: for work that is batched on a schedule anyway.
     */
    default boolean polled() {
        return false;
    }
}
