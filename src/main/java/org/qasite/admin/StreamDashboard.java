package org.qasite.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.events.EventStream;
import org.qasite.events.OutboxRelay;
import org.qasite.events.StreamConsumer;
import org.qasite.events.StreamConsumers;
import org.qasite.events.StreamInfo;
import org.qasite.mail.MailLog;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XPendingSummary;

/**
 * What the stream dashboard shows, read fresh on each call: the consumer groups of the event stream, the outbox and
 * mail backlogs, the dead letters and the throughput of the last hour. What can be done about a dead letter is in
 * {@link DeadLetterActions}.
 */
@ApplicationScoped
public class StreamDashboard {

    /** Dead letters listed, newest first. */
    static final int DEAD_LETTERS_SHOWN = 50;
    /** Oldest pending entries listed per group. */
    static final int PENDING_SHOWN = 10;
    static final int THROUGHPUT_MINUTES = 60;

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
                DeadLetterActions.missingEventFields(f).isEmpty());
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
