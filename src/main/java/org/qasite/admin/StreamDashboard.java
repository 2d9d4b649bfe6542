package org.qasite.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventStream;
import org.qasite.events.OutboxRelay;
import org.qasite.events.StreamConsumer;
import org.qasite.events.StreamConsumers;
import org.qasite.events.StreamInfo;
import org.qasite.mail.MailLog;
import org.qasite.refusal.QaException;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XPendingSummary;

/**
 * What the stream dashboard shows, read fresh on each call: the consumer groups of the event stream, the outbox and
 * mail backlogs, the dead letters and the throughput of the last hour; and the two things an administrator can do
 * about a dead letter, retry it or discard it.
 */
@ApplicationScoped
public class StreamDashboard {

    /** Dead letters listed, newest first. */
    static final int DEAD_LETTERS_SHOWN = 50;
    /** Oldest pending entries listed per group. */
    static final int PENDING_SHOWN = 10;
    static final int THROUGHPUT_MINUTES = 60;

    /** The fields of an event entry, the ones a retry puts back on the stream. */
    private static final List<String> EVENT_FIELDS = List.of(EventStream.FIELD_ID, EventStream.FIELD_TYPE,
            EventStream.FIELD_VERSION, EventStream.FIELD_PAYLOAD);
    /** A stream entry id: milliseconds and a sequence number. */
    private static final Pattern ENTRY_ID = Pattern.compile("[0-9]{1,19}-[0-9]{1,19}");

    public record Dashboard(Instant at, String stream, Long streamLength, String redisError, List<Group> groups,
            Outbox outbox, MailQueue mail, DeadLetters deadLetters, Throughput throughput) {
    }

    /**
     * @param lag entries of the stream not yet delivered to the group; null when Redis cannot tell
     * @param pending entries delivered to a consumer of the group and not acknowledged yet
     */
    public record Group(String name, Long lag, long pending, String lastDeliveredId, String oldestPendingId,
            String newestPendingId, List<Consumer> consumers, List<PendingEntry> oldestPending) {
    }

    /** @param idleMillis time since the consumer last read or claimed */
    public record Consumer(String name, long pending, long idleMillis) {
    }

    /**
     * @param ageMillis time since the entry was added to the stream
     * @param idleMillis time since it was last delivered
     */
    public record PendingEntry(String entryId, String consumer, long ageMillis, long idleMillis, int deliveries) {
    }

    public record Outbox(long unpublished, Instant oldest, Long oldestAgeMillis) {
    }

    /** @param byStatus mails in each status of the mail log: pending, sent, failed, skipped */
    public record MailQueue(Map<String, Long> byStatus, Instant oldestPending, Long oldestPendingAgeMillis) {
    }

    public record DeadLetters(String stream, long total, List<DeadLetter> newest) {
    }

    /**
     * @param sourceId the entry's id on the event stream when it failed
     * @param group the consumer group whose handler gave up on it
     */
    public record DeadLetter(String entryId, String group, String type, String eventId, Integer deliveries,
            String error, Instant failedAt, String sourceId, String payload, boolean retryable) {
    }

    /** @param firstMinute the start of the oldest minute counted; each series has one count per minute from there */
    public record Throughput(int minutes, Instant firstMinute, List<Series> series) {
    }

    public record Series(String name, long total, long peak, List<Long> perMinute) {
    }

    /** What a retry or discard did. {@code newEntryId} is the retried entry's id on the event stream. */
    public record Action(String entryId, String outcome, String newEntryId, String message) {
    }

    private final EventStream stream;
    private final StreamCommands<String, String, String> streams;
    private final OutboxRelay relay;
    private final StreamConsumers consumers;

    StreamDashboard(EventStream stream, OutboxRelay relay, StreamConsumers consumers) {
        this.stream = stream;
        this.streams = stream.redis().stream(String.class, String.class, String.class);
        this.relay = relay;
        this.consumers = consumers;
    }

    /**
     * Reads everything; when Redis cannot be reached the PostgreSQL parts (outbox, mail) are still shown, since they
     * are what tells whether events are being kept for later.
     */
    public Dashboard read() {
        Instant now = Instant.now();
        OutboxRelay.Backlog backlog = relay.readBacklog();
        Outbox outbox = new Outbox(backlog.rows(), backlog.oldest(), ageMillis(backlog.oldest(), now));
        Instant oldestMail = MailLog.oldestPending();
        MailQueue mail = new MailQueue(MailLog.countsByStatus(), oldestMail, ageMillis(oldestMail, now));

        Long length = null;
        List<Group> groups = List.of();
        DeadLetters deadLetters = new DeadLetters(stream.deadLetterKey(), 0, List.of());
        Throughput throughput = new Throughput(THROUGHPUT_MINUTES, firstMinute(now), List.of());
        String redisError = null;
        try {
            length = streams.xlen(stream.key());
            groups = groups(now);
            deadLetters = deadLetters();
            throughput = throughput(now, groups);
        } catch (RuntimeException e) {
            Log.warnf("Stream dashboard cannot read Redis: %s", e.getMessage());
            redisError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new Dashboard(now, stream.key(), length, redisError, groups, outbox, mail, deadLetters, throughput);
    }

    private List<Group> groups(Instant now) {
        List<Group> groups = new ArrayList<>();
        for (StreamInfo.Group g : StreamInfo.groups(stream.redis(), stream.key())) {
            List<Consumer> members = StreamInfo.consumers(stream.redis(), stream.key(), g.name()).stream()
                    .map(c -> new Consumer(c.name(), c.pending(), c.idleMillis())).toList();
            XPendingSummary summary = streams.xpending(stream.key(), g.name());
            List<PendingEntry> oldest = List.of();
            if (summary.getPendingCount() > 0) {
                oldest = streams.xpending(stream.key(), g.name(), StreamRange.of("-", "+"), PENDING_SHOWN).stream()
                        .map(p -> pendingEntry(p, now)).toList();
            }
            groups.add(new Group(g.name(), g.lag() < 0 ? null : g.lag(), summary.getPendingCount(),
                    g.lastDeliveredId(), summary.getLowestId(), summary.getHighestId(), members, oldest));
        }
        return groups;
    }

    private static PendingEntry pendingEntry(PendingMessage p, Instant now) {
        Instant added = entryTime(p.getMessageId());
        return new PendingEntry(p.getMessageId(), p.getConsumer(),
                added == null ? 0 : Math.max(0, now.toEpochMilli() - added.toEpochMilli()),
                p.getDurationSinceLastDelivery().toMillis(), p.getDeliveryCount());
    }

    private DeadLetters deadLetters() {
        long total = streams.xlen(stream.deadLetterKey());
        List<DeadLetter> newest = streams.xrevrange(stream.deadLetterKey(), StreamRange.of("+", "-"), DEAD_LETTERS_SHOWN)
                .stream().map(StreamDashboard::deadLetter).toList();
        return new DeadLetters(stream.deadLetterKey(), total, newest);
    }

    private static DeadLetter deadLetter(StreamMessage<String, String, String> m) {
        Map<String, String> f = m.payload();
        Integer deliveries = null;
        try {
            deliveries = f.get("deliveries") == null ? null : Integer.valueOf(f.get("deliveries"));
        } catch (NumberFormatException e) {
            // shown as unknown
        }
        Instant failedAt = null;
        try {
            failedAt = f.get("failed-at") == null ? null : Instant.parse(f.get("failed-at"));
        } catch (DateTimeParseException e) {
            // shown as unknown
        }
        return new DeadLetter(m.id(), f.get("group"), f.get(EventStream.FIELD_TYPE), f.get(EventStream.FIELD_ID),
                deliveries, f.get("error"), failedAt, f.get("source-id"), f.get(EventStream.FIELD_PAYLOAD),
                missingEventFields(f).isEmpty());
    }

    private Throughput throughput(Instant now, List<Group> groups) {
        // The published series first, then every group: those in Redis and this instance's own (not created yet).
        Set<String> names = new LinkedHashSet<>();
        names.add(EventStream.PUBLISHED);
        groups.forEach(g -> names.add(g.name()));
        consumers.all().stream().map(StreamConsumer::group).forEach(names::add);
        List<Series> series = new ArrayList<>();
        for (String name : names) {
            List<Long> counts = stream.throughput(name, THROUGHPUT_MINUTES);
            series.add(new Series(name, counts.stream().mapToLong(Long::longValue).sum(),
                    counts.stream().mapToLong(Long::longValue).max().orElse(0), counts));
        }
        return new Throughput(THROUGHPUT_MINUTES, firstMinute(now), series);
    }

    /**
     * Puts the dead letter's event (fields id, type, v, payload) back on the event stream and removes it from the
     * dead letters. Every consumer group sees the event again; the handlers skip events they handled already.
     */
    public Action retry(String entryId) {
        StreamMessage<String, String, String> entry = requireDeadLetter(entryId);
        List<String> missing = missingEventFields(entry.payload());
        if (!missing.isEmpty()) {
            throw QaException.conflict("Dead letter " + entryId + " lacks the field(s) " + String.join(", ", missing)
                    + ", so it would fail again: discard it instead.");
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
        String message = "Dead letter " + entryId + " is back on " + stream.key() + " as " + newId
                + ". Every consumer group will see it again; they skip what they handled already.";
        try {
            streams.xdel(stream.deadLetterKey(), entryId);
        } catch (RuntimeException e) {
            Log.warnf("Retried dead letter %s not removed from %s: %s", entryId, stream.deadLetterKey(), e.getMessage());
            message += " It could not be removed from the dead letters, though: discard it once Redis answers again.";
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
        return new Action(entryId, "discarded", null, "Dead letter " + entryId + " is discarded.");
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
        return QaException.notFound("There is no dead letter \u201C" + entryId + "\u201D in " + stream.deadLetterKey()
                + ": it may have been retried or discarded already.");
    }

    private static QaException unavailable(RuntimeException e) {
        Log.warnf("Dead letter action failed: %s", e.getMessage());
        return new QaException(503, "Redis cannot be reached just now; nothing was changed. Try again in a moment.",
                List.of(), Duration.ofSeconds(5));
    }

    private static List<String> missingEventFields(Map<String, String> fields) {
        return EVENT_FIELDS.stream().filter(name -> fields.get(name) == null).toList();
    }

    /** The time in an entry id (milliseconds since the epoch, before the dash), or null. */
    static Instant entryTime(String entryId) {
        int dash = entryId == null ? -1 : entryId.indexOf('-');
        try {
            return dash <= 0 ? null : Instant.ofEpochMilli(Long.parseLong(entryId.substring(0, dash)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long ageMillis(Instant since, Instant now) {
        return since == null ? null : Math.max(0, Duration.between(since, now).toMillis());
    }

    /** The start of the oldest of the counted minutes: the counters are kept per minute since the epoch. */
    private static Instant firstMinute(Instant now) {
        long minute = now.toEpochMilli() / 60_000;
        return Instant.ofEpochMilli((minute - THROUGHPUT_MINUTES + 1) * 60_000);
    }
}
