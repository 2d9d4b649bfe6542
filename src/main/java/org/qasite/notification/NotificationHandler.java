package org.qasite.notification;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.events.EventHandler;
import org.qasite.events.EventLogContext;
import org.qasite.events.EventType;
import org.qasite.events.Payloads;
import org.qasite.events.Position;
import org.qasite.events.StreamEvent;
import org.qasite.question.QuestionFollow;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Consumer group {@code notifications}: turns events into notifications.
 * <ul>
 * <li>{@code answer.created}: "answer" for the question's author, "followed-answer" for the question's other
 * followers;</li>
 * <li>{@code comment.created}: "comment" for the author of the post, "mention" for the members it mentions;</li>
 * <li>{@code answer.accepted}: "accepted" for the answer's author, if the answer is still the accepted one, and once
 * per answer however often it is accepted again;</li>
 * <li>{@code question.created}: "tag-question" for the followers of its tags.</li>
 * </ul>
 * Nobody is told of what they did themselves, nor of a post deleted by the time the event is handled. A second delivery
 * of an event makes nothing twice ({@link FanOut}); a large fan-out goes on in {@code notifications.fan-out} entries.
 */
@ApplicationScoped
public class NotificationHandler implements EventHandler {

    public static final String GROUP = "notifications";

    private final EntityManager em;
    private final ObjectMapper json;
    private final FanOut fanOut;
    private final UpgradeMail upgradeMail;
    private final NotificationsConfig config;
    private volatile Instant startedAt;

    NotificationHandler(EntityManager em, ObjectMapper json, FanOut fanOut, UpgradeMail upgradeMail,
            NotificationsConfig config) {
        this.em = em;
        this.json = json;
        this.fanOut = fanOut;
        this.upgradeMail = upgradeMail;
        this.config = config;
    }

    @Override
    public String group() {
        return GROUP;
    }

    /**
     * Its effects are all in the database, and an entry makes at most one batch of notifications (the rest of a large
     * fan-out comes as further entries): a batch of entries shares one commit.
     */
    @Override
    public boolean batchInOneTransaction() {
        return true;
    }

    /** An entry handled alone: its notifications, their mails and their announcement commit together. */
    @Override
    @Transactional(rollbackOn = Exception.class)
    public void handle(StreamEvent event) throws Exception {
        fanOut.announce(deliver(deliveries(List.of(event))));
    }

    /**
     * The notifications of a whole batch of entries are made with one statement for each kind of event among them, and
     * announced together (a {@code fan-out-batch} of them an event), in the consumer's transaction.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void handleBatch(List<StreamEvent> events) throws Exception {
        fanOut.announce(deliver(deliveries(events)));
    }

    /** The fan-outs the entries ask for; mails the events of the upgrade's window on the way. */
    private List<FanOut.Delivery> deliveries(List<StreamEvent> events) throws Exception {
        List<FanOut.Delivery> deliveries = new ArrayList<>(events.size());
        for (StreamEvent event : events) {
            try (EventLogContext logged = EventLogContext.enter(event.eventId(), event.type())) {
                if (event.is(EventType.NOTIFICATIONS_FAN_OUT)) {
                    Payloads.FanOutContinued more = json.readValue(event.payload(), Payloads.FanOutContinued.class);
                    if (KINDS.containsKey(more.type())) { // a continuation of a kind this build does not know: skipped
                        deliveries.add(delivery(new FanOut.Source(more.eventId(), more.type(), more.payload()),
                                more.after()));
                    }
                } else if (KINDS.containsKey(event.type())) {
                    if (isNew(event)) {
                        deliveries.add(delivery(new FanOut.Source(event.eventId(), event.type(), event.payload()), 0));
                    } else if (isJustBefore(event)) {
                        upgradeMail(event);
                    }
                }
            }
        }
        return deliveries;
    }

    /**
     * Makes the notifications of the deliveries, one statement per kind of event (a continuation goes with the kind of
     * the event it continues), the kinds in the order they first come in the batch; answers them, to be announced.
     */
    private List<Payloads.Made> deliver(List<FanOut.Delivery> deliveries) {
        Map<String, List<FanOut.Delivery>> byType = new LinkedHashMap<>();
        for (FanOut.Delivery delivery : deliveries) {
            byType.computeIfAbsent(delivery.event().type(), type -> new ArrayList<>()).add(delivery);
        }
        List<Payloads.Made> made = new ArrayList<>();
        byType.forEach((type, ofType) -> made.addAll(fanOut.deliver(KINDS.get(type).rule(), ofType)));
        return made;
    }

    /** The batch of the event's recipients after member {@code after}. */
    private FanOut.Delivery delivery(FanOut.Source event, long after) throws IOException {
        return KINDS.get(event.type()).delivery().read(json, event, after);
    }

    /** Reads an event's payload into the delivery of its recipients after member {@code after}. */
    @FunctionalInterface
    private interface PayloadReader {
        FanOut.Delivery read(ObjectMapper json, FanOut.Source event, long after) throws IOException;
    }

    /** What a kind of event tells ({@link FanOut.Rule}), and how its payload gives the row {@code e} the rule reads. */
    private record Kind(FanOut.Rule rule, PayloadReader delivery) {
    }

    /**
     * The kinds of event that notifications are made of. An accept undone (or moved to another answer) by the time the
     * event is handled is no news; one that stands is told once per answer ever (a unique index), so accepting again
     * after an unaccept tells nobody again.
     */
    private static final Map<String, Kind> KINDS = Map.of(
            EventType.ANSWER_CREATED.wireName, new Kind(new FanOut.Rule("""
                    SELECT 1 FROM answer a JOIN question q ON q.id = a.question_id
                    WHERE a.id = e.answer AND a.deleted_at IS NULL AND q.deleted_at IS NULL""",
                    "SELECT f.member_id, CASE WHEN f.member_id = e.owner THEN 'answer' ELSE 'followed-answer' END"
                            + " AS kind FROM (" + QuestionFollow.followersSql("e.question") + ") f"),
                    (json, event, after) -> {
                        Payloads.AnswerCreated answer = json.readValue(event.payload(), Payloads.AnswerCreated.class);
                        return new FanOut.Delivery(event, after,
                                new FanOut.Target(answer.questionId(), answer.answerId(), null, answer.authorId()),
                                answer.questionAuthorId(), List.of());
                    }),
            EventType.COMMENT_CREATED.wireName, new Kind(new FanOut.Rule("""
                    SELECT 1 FROM comment c JOIN question q ON q.id = c.question_id
                    LEFT JOIN answer a ON a.id = c.answer_id
                    WHERE c.id = e.comment AND c.deleted_at IS NULL AND q.deleted_at IS NULL
                          AND (a.id IS NULL OR a.deleted_at IS NULL)""", """
                    SELECT e.owner AS member_id, 'comment' AS kind
                    UNION ALL SELECT m.id, 'mention' FROM member m WHERE m.id = ANY (e.mentioned) AND m.id <> e.owner
                    """),
                    (json, event, after) -> {
                        Payloads.CommentCreated comment = json.readValue(event.payload(), Payloads.CommentCreated.class);
                        return new FanOut.Delivery(event, after, new FanOut.Target(comment.questionId(),
                                comment.answerId(), comment.commentId(), comment.authorId()), comment.postAuthorId(),
                                comment.mentionedIds() == null ? List.of() : comment.mentionedIds());
                    }),
            EventType.ANSWER_ACCEPTED.wireName, new Kind(new FanOut.Rule("""
                    SELECT 1 FROM answer a JOIN question q ON q.id = a.question_id AND q.accepted_answer_id = a.id
                    WHERE a.id = e.answer AND a.deleted_at IS NULL AND q.deleted_at IS NULL""",
                    "SELECT e.owner AS member_id, 'accepted' AS kind"),
                    (json, event, after) -> {
                        Payloads.AnswerAccepted accepted = json.readValue(event.payload(), Payloads.AnswerAccepted.class);
                        return new FanOut.Delivery(event, after, new FanOut.Target(accepted.questionId(),
                                accepted.answerId(), null, accepted.questionAuthorId()), accepted.answerAuthorId(),
                                List.of());
                    }),
            EventType.QUESTION_CREATED.wireName, new Kind(new FanOut.Rule(
                    "SELECT 1 FROM question q WHERE q.id = e.question AND q.deleted_at IS NULL", """
                            SELECT DISTINCT tf.member_id, 'tag-question' AS kind
                            FROM question_tag qt JOIN tag_follow tf ON tf.tag_id = qt.tag_id
                            WHERE qt.question_id = e.question
                            """),
                    (json, event, after) -> {
                        Payloads.QuestionCreated question = json.readValue(event.payload(), Payloads.QuestionCreated.class);
                        return new FanOut.Delivery(event, after,
                                new FanOut.Target(question.questionId(), null, null, question.authorId()), null,
                                List.of());
                    }));

    /**
     * Whether the event was published after notifications existed: the group reads the stream from its start, and
     * the events before are not news any more.
     */
    private boolean isNew(StreamEvent event) {
        return Position.parse(event.streamId()).millis() >= startedAt().toEpochMilli();
    }

    /**
     * Whether the event was published within {@code qa.notifications.upgrade-window} before notifications existed: the
     * retired {@code mail} group may not have mailed it yet. Older events are left alone (their mail went out long ago;
     * mailing them now would only surprise).
     */
    private boolean isJustBefore(StreamEvent event) {
        return Position.parse(event.streamId()).millis() >= startedAt().minus(config.upgradeWindow()).toEpochMilli();
    }

    private void upgradeMail(StreamEvent event) throws Exception {
        if (event.is(EventType.ANSWER_CREATED)) {
            upgradeMail.answer(event.eventId(), json.readValue(event.payload(), Payloads.AnswerCreated.class));
        } else if (event.is(EventType.COMMENT_CREATED)) {
            upgradeMail.comment(event.eventId(), json.readValue(event.payload(), Payloads.CommentCreated.class));
        }
    }

    private Instant startedAt() {
        Instant start = startedAt;
        if (start == null) {
            start = QuarkusTransaction.joiningExisting().call(() -> (Instant) em
                    .createNativeQuery("SELECT started_at FROM notification_start", Instant.class).getSingleResult());
            startedAt = start;
        }
        return start;
    }

    /** Reads when notifications began again at the next event (for tests that move it). */
    void forgetStart() {
        startedAt = null;
    }
}
