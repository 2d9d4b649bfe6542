package org.qasite.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes the notifications of one event for its recipients, in batches of {@code fan-out-batch} members by member id,
 * each batch one transaction (the first may be the consumer's, see {@link #deliver}): its
 * notification rows (none twice, by event and member), the instant mails of those
 * whose preference for the kind says so, and one {@code notifications.created} event that brings the count to their
 * open pages. A delivery of the event after a crash starts again from the first batch and makes only what is missing.
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
     * {@code recipients} is SQL that answers {@code (member_id, kind)} rows (at most one per member) with the named
     * {@code params}; the actor is never among the recipients. Answers how many notifications were made.
     */
    int deliver(UUID eventId, Target target, String recipients, Map<String, Object> params) {
        int made = 0;
        long after = 0;
        for (boolean first = true;; first = false) {
            long from = after;
            // The first batch joins the consumer's transaction of several entries, if there is one (the common event,
            // with a recipient or two, then costs no commit of its own); each further batch commits on its own, so a
            // tag with thousands of followers never makes one huge transaction that holds the group's other entries and
            // the recipients' live counts until its end. Should the joined transaction roll back, the entries are
            // handled again one by one, and what the batches committed is not made twice.
            Callable<Batch> step = () -> batch(eventId, target, recipients, params, from);
            Batch batch = first ? QuarkusTransaction.joiningExisting().call(step)
                    : QuarkusTransaction.requiringNew().call(step);
            made += batch.made();
            if (batch.last() == null) {
                return made;
            }
            after = batch.last();
        }
    }

    /** {@code last}: the largest member id of the batch, null when there was nobody left. */
    private record Batch(Long last, int made) {
    }

    private Batch batch(UUID eventId, Target target, String recipients, Map<String, Object> params, long after) {
        // One statement: the batch of recipients, the rows made for those that exist and lack one, and the batch's end.
        Query query = em.createNativeQuery("""
                WITH r AS (SELECT member_id, kind FROM (%s) x WHERE member_id > :after AND member_id <> :actor
                           ORDER BY member_id LIMIT :batch),
                ins AS (INSERT INTO notification (member_id, event_id, kind, question_id, answer_id, comment_id, actor_id)
                        SELECT r.member_id, :event, r.kind, :question, CAST(:answer AS bigint), CAST(:comment AS bigint), :actor
                        FROM r JOIN member m ON m.id = r.member_id AND m.deleted_at IS NULL
                        ON CONFLICT (event_id, member_id) DO NOTHING
                        RETURNING id, member_id)
                SELECT 0 AS row_kind, (SELECT max(member_id) FROM r) AS a, 0 AS b
                UNION ALL SELECT 1, id, member_id FROM ins
                """.formatted(recipients))
                .setParameter("after", after)
                .setParameter("actor", target.actorId())
                .setParameter("batch", config.fanOutBatch())
                .setParameter("event", eventId)
                .setParameter("question", target.questionId())
                .setParameter("answer", target.answerId())
                .setParameter("comment", target.commentId());
        params.forEach(query::setParameter);
        Long last = null;
        List<Payloads.Made> made = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            if (((Number) cells[0]).intValue() == 0) {
                last = cells[1] == null ? null : ((Number) cells[1]).longValue();
            } else {
                made.add(new Payloads.Made(((Number) cells[2]).longValue(), ((Number) cells[1]).longValue()));
            }
        }
        if (last == null) {
            return new Batch(null, 0);
        }
        queueInstantMail(eventId, after, last);
        if (!made.isEmpty()) {
            outbox.record(EventType.NOTIFICATIONS_CREATED, new Payloads.NotificationsCreated(made));
        }
        return new Batch(last, made.size());
    }

    /**
     * Queues a mail for each notification of the batch whose recipient wants this kind instantly and has a confirmed
     * address; never twice (the notification's mail is unique). The mail about an answer to one's question or a comment
     * on one's post carries the event's id too, as it did before notifications: what was mailed then is not mailed
     * again.
     */
    private void queueInstantMail(UUID eventId, long after, long last) {
        em.createNativeQuery("""
                INSERT INTO mail_log (event_id, kind, notification_id, recipient_id, recipient)
                SELECT CASE WHEN n.kind IN ('answer', 'comment') THEN n.event_id END, 'notification', n.id, m.id, m.email
                FROM notification n
                JOIN member m ON m.id = n.member_id
                JOIN member_mail p ON p.member_id = n.member_id AND p.kind = n.kind
                WHERE n.event_id = :event AND n.member_id > :after AND n.member_id <= :last AND p.frequency = 'instant'
                      AND m.deleted_at IS NULL AND m.email_verified_at IS NOT NULL
                ON CONFLICT DO NOTHING
                """)
                .setParameter("event", eventId)
                .setParameter("after", after)
                .setParameter("last", last)
                .executeUpdate();
    }
}
