package org.qasite.events;

import java.util.Map;

import org.jboss.logging.MDC;

/**
 * The event a thread is working on, logged with everything it logs meanwhile ({@code eventId} and {@code eventType} in
 * the log record's MDC), so that one event can be followed from the outbox through every consumer and instance.
 * Used in a try-with-resources block, which takes the event out of the MDC again.
 */
public final class EventLogContext implements AutoCloseable {

    static final String EVENT_ID = "eventId";
    static final String EVENT_TYPE = "eventType";

    private static final EventLogContext OPEN = new EventLogContext();

    private EventLogContext() {
    }

    /** Puts the event in the MDC; a null id or type (a malformed entry) is left out. */
    public static EventLogContext enter(Object eventId, String type) {
        if (eventId != null) {
            MDC.put(EVENT_ID, eventId.toString());
        }
        if (type != null) {
            MDC.put(EVENT_TYPE, type);
        }
        return OPEN;
    }

    /** The event of a stream entry, by its fields. */
    public static EventLogContext enter(Map<String, String> fields) {
        return enter(fields.get(EventStream.FIELD_ID), fields.get(EventStream.FIELD_TYPE));
    }

    @Override
    public void close() {
        MDC.remove(EVENT_ID);
        MDC.remove(EVENT_TYPE);
    }
}
