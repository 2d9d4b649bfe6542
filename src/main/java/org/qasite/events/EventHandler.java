package org.qasite.events;

/**
 * A consumer group's work: every bean implementing this gets a {@link StreamConsumer} on its group. The handler must
 * be idempotent by event id: an entry can be delivered again (a retry, a take-over, a republished outbox row).
 */
public interface EventHandler {

    /** The consumer group's name, unique per handler. */
    String group();

    /** Handles one event; an exception leaves it pending, to be retried with backoff and dead-lettered at last. */
    void handle(StreamEvent event) throws Exception;
}
