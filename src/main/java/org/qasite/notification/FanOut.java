package org.qasite.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes the notifications of one event for its recipients, a batch of {@code fan-out-batch} members (by member id) at
 * a time, in the consumer's transaction: their notification rows (none twice, by event and member, nor a second
 * "accepted" for the same answer and member) and the instant mails of those whose preference for the kind says so.
 * The caller then {@linkplain #announce announces} what was made, for one event or for a whole batch of entries: a
 * {@code notifications.created} event that brings the count to their open pages. When recipients remain, the same
 * transaction records a {@code notifications.fan-out} event that takes the fan-out on from the batch's last member: the
 * rest of a tag with thousands of followers comes through the stream batch by batch, behind the events already waiting,
 * so no fan-out holds up the group for long or makes a huge transaction. A delivery of the event (or of a continuation)
 * after a crash makes only what is missing.
 */
@ApplicationScoped
class FanOut {

    /** Where the notifications point, and who caused them. */
    record Target(long questionId, Long answerId, Long commentId, long actorId) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final NotificationsConfig config;

    FanOut(EntityManager em, Outbox outbox, NotificationsConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Makes the notifications of the batch of recipients after member {@code after} (0 for the first), and records
     * the continuation when the batch was full. {@code subject} is SQL that answers a row while what the event is about
     * still stands (a post not deleted since, an accept not undone): otherwise nobody is told. {@code recipients} is SQL
     * that answers {@code (member_id, kind)} rows (at most one per member); the actor is never among the recipients.
     * Both read the named {@code params}. {@code event} is the entry the notifications are made of: its id, type and
     * payload are what a continuation carries. Answers the notifications made, for the caller to {@link #announce}.
     */
    List<Payloads.Made> deliver(Source event, long after, Target target, String subject, String recipients,
            Map<String, Object> params) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Batch batch = batch(event.eventId(), target, subject, recipients, params, after);
            if (batch.scanned() >= config.fanOutBatch()) {
                // Its id is derived from the event and the place: a batch done twice records its continuation once.
                UUID next = UUID.nameUUIDFromBytes((event.eventId() + "/" + batch.last()).getBytes(StandardCharsets.UTF_8));
                outbox.recordOnce(next, EventType.NOTIFICATIONS_FAN_OUT,
                        new Payloads.FanOutContinued(event.eventId(), event.type(), event.payload(), batch.last()));
            }
            return batch.made();
        });
    }

    /**
     * Records the {@code notifications.created} events of what was made, in the caller's transaction: at most
     * {@code fan-out-batch} notifications an event, so that an entry of the stream stays as small as one fan-out batch
     * makes it. The consumer announces what a whole batch of entries made at once: a burst of answers makes about one
     * such entry for the relay to publish and the groups to read per batch, not one per answer.
     */
    void announce(List<Payloads.Made> made) {
        int size = config.fanOutBatch();
        for (int from = 0; from < made.size(); from += size) {
            outbox.record(EventType.NOTIFICATIONS_CREATED,
                    new Payloads.NotificationsCreated(List.copyOf(made.subList(from, Math.min(made.size(), from + size)))));
        }
    }

    /** The event a fan-out is of: the original entry's id, type and payload. */
    record Source(UUID eventId, String type, String payload) {
    }

    /** {@code last}: the largest member id of the batch (0 when it was empty); {@code scanned}: its recipients. */
    private record Batch(long last, int scanned, List<Payloads.Made> made) {
    }

    private Batch batch(UUID eventId, Target target, String subject, String recipients, Map<String, Object> params,
            long after) {
        // One statement, one round trip per entry: whether the subject stands, the batch of recipients, the rows made
        // for those that exist and lack one, the instant mails of these rows, and the batch's end.
        Query query = em.createNativeQuery("""
                WITH r AS (SELECT member_id, kind FROM (%s) x
                           WHERE EXISTS (%s) AND member_id > :after AND member_id <> :actor
                           ORDER BY member_id LIMIT :batch),
                ins AS (INSERT INTO notification (member_id, event_id, kind, question_id, answer_id, comment_id, actor_id)
                        SELECT r.member_id, :event, r.kind, :question, CAST(:answer AS bigint), CAST(:comment AS bigint), :actor
                        FROM r JOIN member m ON m.id = r.member_id AND m.deleted_at IS NULL
                        ON CONFLICT DO NOTHING
                        RETURNING id, member_id, kind),
                mail AS (%s)
                SELECT 0 AS row_kind, (SELECT max(member_id) FROM r) AS a, (SELECT count(*) FROM r) AS b
                UNION ALL SELECT 1, id, member_id FROM ins
                """.formatted(recipients, subject, INSTANT_MAIL))
                .setParameter("after", after)
                .setParameter("actor", target.actorId())
                .setParameter("batch", config.fanOutBatch())
                .setParameter("event", eventId)
                .setParameter("question", target.questionId())
                .setParameter("answer", target.answerId())
                .setParameter("comment", target.commentId());
        params.forEach(query::setParameter);
        long last = 0;
        int scanned = 0;
        List<Payloads.Made> made = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            if (((Number) cells[0]).intValue() == 0) {
                last = cells[1] == null ? 0 : ((Number) cells[1]).longValue();
                scanned = ((Number) cells[2]).intValue();
            } else {
                made.add(new Payloads.Made(((Number) cells[2]).longValue(), ((Number) cells[1]).longValue()));
            }
        }
        return new Batch(last, scanned, made);
    }

    /**
     * Queues a mail for each notification the statement made whose recipient wants this kind instantly and has a
     * confirmed address; never twice (the notification's mail is unique). The mail about an answer to one's question or
     * a comment on one's post carries the event's id too, as it did before notifications: what was mailed then is not
     * mailed again. Only the rows made now are looked at: a notification made by an earlier delivery of the event was
     * committed together with its mail.
     */
    private static final String INSTANT_MAIL = """
            INSERT INTO mail_log (event_id, kind, notification_id, recipient_id, recipient)
            SELECT CASE WHEN ins.kind IN ('answer', 'comment') THEN CAST(:event AS uuid) END, 'notification', ins.id, m.id, m.email
            FROM ins
            JOIN member m ON m.id = ins.member_id
            JOIN member_mail p ON p.member_id = ins.member_id AND p.kind = ins.kind
            WHERE p.frequency = 'instant' AND m.email_verified_at IS NOT NULL
            ON CONFLICT DO NOTHING""";
}
