package org.qasite.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventStream;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.AdminMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.Refusals;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;

/** The two things an administrator can do about a dead letter: put its event back on the stream, or discard it. */
@ApplicationScoped
public class DeadLetterActions {

    /** The fields of an event entry, the ones a retry puts back on the stream. */
    private static final List<String> EVENT_FIELDS = List.of(EventStream.FIELD_ID, EventStream.FIELD_TYPE,
            EventStream.FIELD_VERSION, EventStream.FIELD_PAYLOAD);
    /** A stream entry id: milliseconds and a sequence number. */
    private static final Pattern ENTRY_ID = Pattern.compile("[0-9]{1,19}-[0-9]{1,19}");

    /** What a retry or discard did. {@code newEntryId} is the retried entry's id on the event stream. */
    public record Action(String entryId, String outcome, String newEntryId, String message) {
    }

    private final EventStream stream;
    private final StreamCommands<String, String, String> streams;

    DeadLetterActions(EventStream stream) {
        this.stream = stream;
        this.streams = stream.redis().stream(String.class, String.class, String.class);
    }

    /**
     * Puts the dead letter's event (fields id, type, v, payload) back on the event stream and removes it from the
     * dead letters. Every consumer group sees the event again; the handlers skip events they handled already.
     */
    public Action retry(String entryId) {
        StreamMessage<String, String, String> entry = requireDeadLetter(entryId);
        List<String> missing = missingEventFields(entry.payload());
        if (!missing.isEmpty()) {
            throw QaException.conflict(words().refusal_lacks_fields(entryId, String.join(", ", missing)));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        EVENT_FIELDS.forEach(name -> fields.put(name, entry.payload().get(name)));
        // Published before it is deleted: if the delete fails, the event may be delivered twice but is never lost.
        String newId;
        try {
            newId = stream.publish(fields);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        stream.countThroughput(EventStream.PUBLISHED, 1);
        Log.infof("Dead letter %s (event %s, %s) retried as %s on %s", entryId, fields.get(EventStream.FIELD_ID),
                fields.get(EventStream.FIELD_TYPE), newId, stream.key());
        String message = words().flash_retried(entryId, stream.key(), newId);
        try {
            streams.xdel(stream.deadLetterKey(), entryId);
        } catch (RuntimeException e) {
            Log.warnf("Retried dead letter %s not removed from %s: %s", entryId, stream.deadLetterKey(), e.getMessage());
            message += words().flash_retried_not_removed();
        }
        return new Action(entryId, "retried", newId, message);
    }

    /** Deletes the dead letter for good. */
    public Action discard(String entryId) {
        requireDeadLetter(entryId);
        int deleted;
        try {
            deleted = streams.xdel(stream.deadLetterKey(), entryId);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (deleted == 0) {
            throw noSuchDeadLetter(entryId); // discarded or retried meanwhile by someone else
        }
        Log.infof("Dead letter %s discarded from %s", entryId, stream.deadLetterKey());
        return new Action(entryId, "discarded", null, words().flash_discarded(entryId));
    }

    private StreamMessage<String, String, String> requireDeadLetter(String entryId) {
        if (entryId == null || !ENTRY_ID.matcher(entryId).matches()) {
            throw noSuchDeadLetter(entryId);
        }
        List<StreamMessage<String, String, String>> found;
        try {
            found = streams.xrange(stream.deadLetterKey(), StreamRange.of(entryId, entryId), 1);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (found.isEmpty()) {
            throw noSuchDeadLetter(entryId);
        }
        return found.get(0);
    }

    private QaException noSuchDeadLetter(String entryId) {
        return QaException.notFound(words().refusal_no_dead_letter(entryId, stream.deadLetterKey()));
    }

    private static QaException unavailable(RuntimeException e) {
        Log.warnf("Dead letter action failed: %s", e.getMessage());
        return new QaException(503, words().refusal_unavailable(), List.of(), Duration.ofSeconds(5));
    }

    /**
     * The words of the request's language: the reader's on the dashboard page, English for the JSON API unless the
     * page's script asks for the reader's (X-Qa-Language), as for every refusal.
     */
    private static AdminMsg words() {
        return Messages.bundle(AdminMsg.class, Refusals.locale());
    }

    static List<String> missingEventFields(Map<String, String> fields) {
        return EVENT_FIELDS.stream().filter(name -> fields.get(name) == null).toList();
    }
}
