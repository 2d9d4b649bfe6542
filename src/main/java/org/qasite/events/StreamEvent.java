package org.qasite.events;

import java.util.Map;
import java.util.UUID;

/** One entry of the event stream, as a handler sees it. */
public record StreamEvent(String streamId, UUID eventId, String type, int version, String payload) {

    /** Reads an entry's fields; an entry that lacks one is refused (and ends in the dead-letter stream). */
    public static StreamEvent of(String streamId, Map<String, String> fields) {
        String id = fields.get(EventStream.FIELD_ID);
        String type = fields.get(EventStream.FIELD_TYPE);
        String version = fields.get(EventStream.FIELD_VERSION);
        String payload = fields.get(EventStream.FIELD_PAYLOAD);
        if (id == null || type == null || version == null || payload == null) {
            throw new IllegalArgumentException("Entry " + streamId + " lacks one of the fields id, type, v, payload");
        }
        try {
            return new StreamEvent(streamId, UUID.fromString(id), type, Integer.parseInt(version), payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Entry " + streamId + " has a malformed id or version", e);
        }
    }

    public boolean is(EventType eventType) {
        return eventType.wireName.equals(type);
    }
}
