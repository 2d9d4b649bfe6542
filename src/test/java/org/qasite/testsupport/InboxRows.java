package org.qasite.testsupport;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.member.Member;

/** Notifications made directly in the database, as the notifications group would have made them, for inbox tests. */
@ApplicationScoped
public class InboxRows {

    private final EntityManager em;

    InboxRows(EntityManager em) {
        this.em = em;
    }

    /** A notification of {@code kind} ("answer", "comment" …) for the member, made at {@code at}; answers its id. */
    @Transactional
    public long make(Member member, String kind, long questionId, Long answerId, Long commentId, Member actor,
            Instant at) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO notification (member_id, event_id, kind, question_id, answer_id, comment_id, actor_id,
                                          created_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS bigint), CAST(?6 AS bigint), ?7, ?8) RETURNING id""")
                .setParameter(1, member.id).setParameter(2, UUID.randomUUID()).setParameter(3, kind)
                .setParameter(4, questionId).setParameter(5, answerId).setParameter(6, commentId)
                .setParameter(7, actor.id).setParameter(8, at).getSingleResult()).longValue();
    }

    /** Whether the notification is still unread. */
    @Transactional
    public boolean isUnread(long notificationId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM notification WHERE id = ?1 AND read_at IS NULL")
                .setParameter(1, notificationId).getSingleResult()).longValue() == 1;
    }

    /** How many of the member's notifications are unread, whatever their targets became. */
    @Transactional
    public long unreadRows(Member member) {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM notification WHERE member_id = ?1 AND read_at IS NULL")
                .setParameter(1, member.id).getSingleResult()).longValue();
    }
}
