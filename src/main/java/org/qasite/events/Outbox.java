package org.qasite.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records events in the transaction of the change they describe: the event exists if and only if the change was
 * committed. The relay publishes it to the stream once the transaction committed.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Fired for each recorded event; the relay observes it after a successful commit, and so do the pages this instance
     * keeps, which the event may have made stale.
     */
    public record Appended(UUID eventId, EventType type, Object payload) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Event<Appended> appended;

    Outbox(EntityManager em, ObjectMapper json, Event<Appended> appended) {
        this.em = em;
        this.json = json;
        this.appended = appended;
    }

    /** Adds the event to the caller's transaction and answers its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventType type, Object payload) {
        UUID eventId = UUID.randomUUID();
        insert(eventId, type, payload, "");
        return eventId;
    }

    /**
     * Adds the event with an id the caller derived from what it is about, unless the outbox holds that id already
     * (the caller did the same work twice, as a consumer does for an entry delivered again): then nothing is added.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOnce(UUID eventId, EventType type, Object payload) {
        insert(eventId, type, payload, " ON CONFLICT (event_id) DO NOTHING");
    }

    private void insert(UUID eventId, EventType type, Object payload, String onConflict) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be written as JSON: " + payload, e);
        }
        int added = em.createNativeQuery(
                "INSERT INTO outbox (event_id, type, version, payload) VALUES (?1, ?2, ?3, ?4)" + onConflict)
                .setParameter(1, eventId)
                .setParameter(2, type.wireName)
                .setParameter(3, type.version)
                .setParameter(4, body)
                .executeUpdate();
        if (added > 0) {
            appended.fire(new Appended(eventId, type, payload));
        }
    }
}
