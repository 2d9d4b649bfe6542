package org.qasite.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.qasite.events.Payloads;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The mail of an answer or a comment published shortly before notifications existed, which the retired {@code mail}
 * group may not have queued yet when the site was upgraded (its backlog, an entry pending after an error): queued as
 * that group did, by event id, so that what it queued already is not queued again. Such events make no notification.
 */
@ApplicationScoped
class UpgradeMail {

    private final EntityManager em;

    UpgradeMail(EntityManager em) {
        this.em = em;
    }

    void answer(java.util.UUID eventId, Payloads.AnswerCreated answer) {
        if (answer.authorId() == answer.questionAuthorId()) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery("""
                INSERT INTO mail_log (event_id, kind, answer_id, recipient_id, recipient)
                SELECT ?1, 'new-answer', a.id, m.id, m.email FROM answer a JOIN question q ON q.id = a.question_id, member m
                WHERE a.id = ?2 AND m.id = ?3 AND m.mail_answer = 'instant' AND m.deleted_at IS NULL
                      AND m.email_verified_at IS NOT NULL AND a.deleted_at IS NULL AND q.deleted_at IS NULL
                ON CONFLICT (event_id) DO NOTHING
                """).setParameter(1, eventId).setParameter(2, answer.answerId())
                .setParameter(3, answer.questionAuthorId()).executeUpdate());
    }

    void comment(java.util.UUID eventId, Payloads.CommentCreated comment) {
        if (comment.authorId() == comment.postAuthorId()) {
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery("""
                INSERT INTO mail_log (event_id, kind, comment_id, recipient_id, recipient)
                SELECT ?1, 'new-comment', c.id, m.id, m.email FROM comment c, member m
                WHERE c.id = ?2 AND c.deleted_at IS NULL AND m.id = ?3 AND m.mail_comment = 'instant'
                      AND m.deleted_at IS NULL AND m.email_verified_at IS NOT NULL
                ON CONFLICT (event_id) DO NOTHING
                """).setParameter(1, eventId).setParameter(2, comment.commentId())
                .setParameter(3, comment.postAuthorId()).executeUpdate());
    }
}
