package org.qasite.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes the notifications of events for their recipients, a batch of {@code fan-out-batch} members (by member id) per
 * event at a time, in the consumer's transaction and in one statement for all the events of one kind that a batch of
 * entries holds: their notification rows (none twice, by event and member, nor a second "accepted" for the same answer
 * and member) and the instant mails of those whose preference for the kind says so. The caller then
 * {@linkplain #announce announces} what was made, for one event or for a whole batch of entries: a
 * {@code notifications.created} event that brings the count to their open pages. When an event's batch was full
 * (more may remain), the same transaction records a {@code notifications.fan-out} event that takes its fan-out on from
 * the batch's last member: the rest of a tag with thousands of followers comes through the stream batch by batch,
 * behind the events already waiting, so no fan-out holds up the group for long or makes a huge transaction. A delivery
 * of the event (or of a continuation) after a crash makes only what is missing.
 */
@ApplicationScoped
class FanOut {

    /** Where the notifications point, and who caused them. */
    record Target(long questionId, Long answerId, Long commentId, long actorId) {
    }

    /**
     * What a kind of event tells, as SQL over the columns of the event's row {@code e} ({@code e.question},
     * {@code e.answer}, {@code e.comment}, {@code e.actor}, {@code e.owner}, {@code e.mentioned}): {@code subject}
     * answers a row while what the event is about still stands (a post not deleted since, an accept not undone), or
     * nobody is told; {@code recipients} answers {@code (member_id, kind)} rows, at most one per member.
     */
    record Rule(String subject, String recipients) {
    }

    /**
     * One event's batch of recipients after member {@code after} (0 for the first): the event it is of (whose id, type
     * and payload a continuation carries), where the notifications point, the member the event is above all for
     * ({@code owner}: the asker, the post's author, the accepted answer's author; null when none) and the members a
     * comment mentions.
     */
    record Delivery(Source event, long after, Target target, Long owner, List<Long> mentioned) {

        /** Which delivery it is: the same event and place is the same batch of recipients. */
        String key() {
            return FanOut.key(event.eventId(), after);
        }
    }

    /** The key of an event's batch of recipients after member {@code after}. */
    private static String key(Object eventId, long after) {
        return eventId + "/" + after;
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final NotificationsConfig config;
    private final ObjectMapper json;

    FanOut(EntityManager em, Outbox outbox, NotificationsConfig config, ObjectMapper json) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
    }

    /**
     * Makes the notifications of the deliveries, all of events of one kind told by {@code rule}, in one statement, and
     * records the continuation of each delivery whose batch was full. The actor is never among the recipients. Answers
     * the notifications made, for the caller to {@link #announce}.
     */
    List<Payloads.Made> deliver(Rule rule, List<Delivery> deliveries) {
        // The same entry twice in a consumer's batch (delivered again) is one delivery: its batch counts once.
        Map<String, Delivery> unique = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            unique.putIfAbsent(delivery.key(), delivery);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            Made made = make(rule, unique.values());
            for (Delivery delivery : unique.values()) {
                Batch batch = made.batches().get(delivery.key());
                if (batch != null && batch.scanned() >= config.fanOutBatch()) {
                    // Its id is derived from the next batch's key: a batch done twice records its continuation once.
                    Source event = delivery.event();
                    UUID next = UUID.nameUUIDFromBytes(key(event.eventId(), batch.last()).getBytes(StandardCharsets.UTF_8));
                    outbox.recordOnce(next, EventType.NOTIFICATIONS_FAN_OUT,
                            new Payloads.FanOutContinued(event.eventId(), event.type(), event.payload(), batch.last()));
                }
            }
            return made.notifications();
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

    /** {@code last}: the largest member id of a delivery's batch; {@code scanned}: its recipients. */
    private record Batch(long last, int scanned) {
    }

    /** The batches by delivery (event id and {@code after}), and the notifications made. */
    private record Made(Map<String, Batch> batches, List<Payloads.Made> notifications) {
    }

    private Made make(Rule rule, Collection<Delivery> deliveries) {
        ArrayNode rows = json.createArrayNode();
        for (Delivery delivery : deliveries) {
            Target target = delivery.target();
            ObjectNode row = rows.addObject()
                    .put("event", delivery.event().eventId().toString())
                    .put("after", delivery.after())
                    .put("question", target.questionId())
                    .put("answer", target.answerId())
                    .put("comment", target.commentId())
                    .put("actor", target.actorId())
                    .put("owner", delivery.owner());
            delivery.mentioned().forEach(row.putArray("mentioned")::add);
        }
        // One statement, one round trip for all the deliveries: for each, whether the subject stands and its batch of
        // recipients; the rows made for those that exist and lack one, the instant mails of these rows, and each
        // batch's end.
        List<?> result = em.createNativeQuery("""
                WITH e AS (SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS e(event uuid, after bigint,
                               question bigint, answer bigint, comment bigint, actor bigint, owner bigint, mentioned bigint[])),
                r AS (SELECT e.event, e.after, e.question, e.answer, e.comment, e.actor, x.member_id, x.kind
                      FROM e CROSS JOIN LATERAL (
                          SELECT y.member_id, y.kind FROM (%s) y
                          WHERE EXISTS (%s) AND y.member_id > e.after AND y.member_id <> e.actor
                          ORDER BY y.member_id LIMIT :batch) x),
                ins AS (INSERT INTO notification (member_id, event_id, kind, question_id, answer_id, comment_id, actor_id)
                        SELECT r.member_id, r.event, r.kind, r.question, r.answer, r.comment, r.actor
                        FROM r JOIN member m ON m.id = r.member_id AND m.deleted_at IS NULL
                        ON CONFLICT DO NOTHING
                        RETURNING id, member_id, kind, event_id),
                mail AS (%s)
                SELECT 0 AS row_kind, CAST(r.event AS text) AS event, r.after AS a, max(r.member_id) AS b, count(*) AS c
                FROM r GROUP BY r.event, r.after
                UNION ALL SELECT 1, NULL, 0, ins.id, ins.member_id FROM ins
                """.formatted(rule.recipients(), rule.subject(), INSTANT_MAIL))
                .setParameter("rows", rows.toString())
                .setParameter("batch", config.fanOutBatch())
                .getResultList();
        Map<String, Batch> batches = new HashMap<>();
        List<Payloads.Made> made = new ArrayList<>();
        for (Object row : result) {
            Object[] cells = (Object[]) row;
            if (((Number) cells[0]).intValue() == 0) {
                batches.put(key(cells[1], ((Number) cells[2]).longValue()),
                        new Batch(((Number) cells[3]).longValue(), ((Number) cells[4]).intValue()));
            } else {
                made.add(new Payloads.Made(((Number) cells[4]).longValue(), ((Number) cells[3]).longValue()));
            }
        }
        return new Made(batches, made);
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
            SELECT CASE WHEN ins.kind IN ('answer', 'comment') THEN ins.event_id END, 'notification', ins.id, m.id, m.email
            FROM ins
            JOIN member m ON m.id = ins.member_id
            JOIN member_mail p ON p.member_id = ins.member_id AND p.kind = ins.kind
            WHERE p.frequency = 'instant' AND m.email_verified_at IS NOT NULL
            ON CONFLICT DO NOTHING""";
}
