package org.qasite.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.member.Member;
import org.qasite.member.NotificationKind;
import org.qasite.question.QuestionOpened;
import org.qasite.question.Slug;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

/**
 * A member's notifications as the inbox shows them, their unread count, and marking them read. A notification whose
 * question, answer or comment was deleted is left out of both, so the count always agrees with the list.
 */
@ApplicationScoped
public class Inbox {

    /** One line of the inbox. */
    public record Item(long id, NotificationKind kind, long questionId, String questionTitle, Long answerId,
            Long commentId, String actorName, String actorUsername, Instant createdAt, boolean unread) {

        /** Whether the actor deleted their account since: their row's name is the English stand-in. */
        public boolean actorDeleted() {
            return Member.isTombstone(actorUsername);
        }

        /** Where the notification leads: the answer, the comment or the question. */
        public String url() {
            if (commentId != null) {
                return "/comments/" + commentId;
            }
            if (answerId != null) {
                // The answer's own address finds the page of the question it is on now, however many came after it.
                return "/answers/" + answerId;
            }
            return Slug.path(questionId, questionTitle);
        }
    }

    /** The notifications the member may see: their targets exist and are not deleted. */
    static final String VISIBLE = """
            FROM notification n
            JOIN question q ON q.id = n.question_id AND q.deleted_at IS NULL
            JOIN member actor ON actor.id = n.actor_id
            LEFT JOIN answer a ON a.id = n.answer_id
            LEFT JOIN comment c ON c.id = n.comment_id
            WHERE (a.id IS NULL OR a.deleted_at IS NULL) AND (c.id IS NULL OR c.deleted_at IS NULL)
            """;
    /**
     * The same notifications as {@link #VISIBLE}, for counting: no join, only the few deleted posts looked up (partial
     * indexes of migration V18), so that counting a hundred unread notifications of each of hundreds of members stays
     * cheap.
     */
    private static final String COUNTED = """
            FROM notification n
            WHERE NOT EXISTS (SELECT 1 FROM question q WHERE q.id = n.question_id AND q.deleted_at IS NOT NULL)
              AND (n.answer_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM answer a WHERE a.id = n.answer_id AND a.deleted_at IS NOT NULL))
              AND (n.comment_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM comment c WHERE c.id = n.comment_id AND c.deleted_at IS NOT NULL))
            """;
    static final String COLUMNS = """
            SELECT n.id, n.kind, n.question_id, q.title, n.answer_id, n.comment_id, actor.display_name,
                   CAST(actor.username AS text), n.created_at, n.read_at IS NULL
            """;

    private final EntityManager em;
    private final Outbox outbox;

    Inbox(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** The member's notifications, newest first, {@code limit} of them from {@code offset}. */
    @Transactional
    public List<Item> list(long memberId, int offset, int limit) {
        return rows(em.createNativeQuery(COLUMNS + VISIBLE + " AND n.member_id = :member ORDER BY n.id DESC")
                .setParameter("member", memberId).setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    @Transactional
    public long count(long memberId) {
        return ((Number) em.createNativeQuery("SELECT count(*) " + COUNTED + " AND n.member_id = :member")
                .setParameter("member", memberId).getSingleResult()).longValue();
    }

    /**
     * Unread notifications are counted up to this many ({@code 99+} on the badge): the count is read on every page of a
     * member, and must not cost more for one who never reads.
     */
    public static final int UNREAD_CAP = 100;

    /** The member's unread notifications, up to {@link #UNREAD_CAP}. */
    @Transactional
    public long unread(long memberId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM (SELECT 1 " + COUNTED
                + " AND n.member_id = :member AND n.read_at IS NULL LIMIT " + UNREAD_CAP + ") x")
                .setParameter("member", memberId).getSingleResult()).longValue();
    }

    /** What a count shows as: the number, or {@code 99+} from the cap on. */
    public static String unreadText(long count) {
        return count >= UNREAD_CAP ? (UNREAD_CAP - 1) + "+" : Long.toString(count);
    }

    /** The unread counts of these members (zero included), each up to {@link #UNREAD_CAP}. */
    @Transactional
    public Map<Long, Long> unread(Collection<Long> memberIds) {
        Map<Long, Long> counts = new HashMap<>();
        memberIds.forEach(id -> counts.put(id, 0L));
        if (memberIds.isEmpty()) {
            return counts;
        }
        List<?> rows = em.createNativeQuery("SELECT m.id, (SELECT count(*) FROM (SELECT 1 " + COUNTED
                + " AND n.member_id = m.id AND n.read_at IS NULL LIMIT " + UNREAD_CAP + ") x)"
                + " FROM member m WHERE m.id IN (:members)")
                .setParameter("members", memberIds).getResultList();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            counts.put(((Number) cells[0]).longValue(), ((Number) cells[1]).longValue());
        }
        return counts;
    }

    /** These notifications as lines (those whose targets are gone left out), in the order of their ids. */
    @Transactional
    public List<Item> items(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return rows(em.createNativeQuery(COLUMNS + VISIBLE + " AND n.id IN (:ids) ORDER BY n.id")
                .setParameter("ids", ids).getResultList());
    }

    /**
     * Marks the member's notifications read: those of {@code ids}, or all when it is empty. An id that is not one of
     * the member's notifications is a 404, and then nothing is marked. Answers how many were unread.
     */
    @Transactional
    public int markRead(long memberId, Collection<Long> ids) {
        int changed;
        if (ids.isEmpty()) {
            changed = em.createNativeQuery(
                    "UPDATE notification SET read_at = now() WHERE member_id = :member AND read_at IS NULL")
                    .setParameter("member", memberId).executeUpdate();
        } else {
            long mine = ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM notification WHERE member_id = :member AND id IN (:ids)")
                    .setParameter("member", memberId).setParameter("ids", ids).getSingleResult()).longValue();
            if (mine < ids.stream().distinct().count()) {
                throw QaException.notFound(Refusals.now().no_notification());
            }
            changed = em.createNativeQuery("""
                    UPDATE notification SET read_at = now()
                    WHERE member_id = :member AND id IN (:ids) AND read_at IS NULL""")
                    .setParameter("member", memberId).setParameter("ids", ids).executeUpdate();
        }
        told(memberId, changed);
        return changed;
    }

    /** Opening a question marks the member's notifications about it read. */
    void opened(@Observes QuestionOpened opened) {
        markQuestionRead(opened.memberId(), opened.questionId());
    }

    /** Marks the member's notifications about the question read, writing nothing when none is unread. */
    @Transactional
    public int markQuestionRead(long memberId, long questionId) {
        boolean any = !em.createNativeQuery("""
                SELECT 1 FROM notification WHERE member_id = :member AND question_id = :question AND read_at IS NULL""")
                .setParameter("member", memberId).setParameter("question", questionId).setMaxResults(1)
                .getResultList().isEmpty();
        if (!any) {
            return 0;
        }
        int changed = em.createNativeQuery("""
                UPDATE notification SET read_at = now()
                WHERE member_id = :member AND question_id = :question AND read_at IS NULL""")
                .setParameter("member", memberId).setParameter("question", questionId).executeUpdate();
        told(memberId, changed);
        return changed;
    }

    /** The member's other open pages hear of it through the stream, on every instance. */
    private void told(long memberId, int changed) {
        if (changed > 0) {
            outbox.record(EventType.NOTIFICATIONS_READ, new Payloads.NotificationsRead(memberId));
        }
    }

    static List<Item> rows(List<?> rows) {
        List<Item> items = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            items.add(new Item(((Number) c[0]).longValue(), NotificationKind.parse((String) c[1]),
                    ((Number) c[2]).longValue(), (String) c[3], c[4] == null ? null : ((Number) c[4]).longValue(),
                    c[5] == null ? null : ((Number) c[5]).longValue(), (String) c[6], (String) c[7], instant(c[8]),
                    Boolean.TRUE.equals(c[9])));
        }
        return items;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}
