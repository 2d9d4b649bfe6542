package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.events.EventHandler;
import org.qasite.events.EventType;
import org.qasite.events.Payloads;
import org.qasite.events.StreamEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Consumer group {@code mail}: for each new answer, queues one mail to the question's author, unless they wrote the
 * answer, switched notifications off or have not confirmed their address, or the answer or its question was deleted;
 * and the same for each new comment, to the author of the post it is on. The mail log's unique event id makes a second
 * delivery of the event a no-op; the {@link MailSender} sends what is queued. (Comments share the group rather than
 * having one of their own: a new group would start at the end of the stream, and the comments written before it
 * existed would get no mail.)
 */
@ApplicationScoped
class PostMailHandler implements EventHandler {

    static final String GROUP = "mail";

    private final EntityManager em;
    private final ObjectMapper json;

    PostMailHandler(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public String group() {
        return GROUP;
    }

    /** Its only effect is the mail_log row: a batch of entries can share one commit. */
    @Override
    public boolean batchInOneTransaction() {
        return true;
    }

    @Override
    @Transactional
    public void handle(StreamEvent event) throws Exception {
        if (event.is(EventType.COMMENT_CREATED)) {
            comment(event);
            return;
        }
        if (!event.is(EventType.ANSWER_CREATED)) {
            return;
        }
        Payloads.AnswerCreated answer = json.readValue(event.payload(), Payloads.AnswerCreated.class);
        if (answer.authorId() == answer.questionAuthorId()) {
            return;
        }
        // One statement: the recipient must exist (not deleted), want the mail and have confirmed the address;
        // nothing to mail about when the answer is gone (the foreign key would refuse the row anyway), or when it or its
        // question was deleted by then.
        em.createNativeQuery("""
                INSERT INTO mail_log (event_id, kind, answer_id, recipient_id, recipient)
                SELECT ?1, ?2, a.id, m.id, m.email FROM answer a JOIN question q ON q.id = a.question_id, member m
                WHERE a.id = ?3 AND m.id = ?4 AND m.notify_answers AND m.deleted_at IS NULL
                      AND m.email_verified_at IS NOT NULL AND a.deleted_at IS NULL AND q.deleted_at IS NULL
                ON CONFLICT (event_id) DO NOTHING
                """)
                .setParameter(1, event.eventId())
                .setParameter(2, MailLog.KIND_NEW_ANSWER)
                .setParameter(3, answer.answerId())
                .setParameter(4, answer.questionAuthorId())
                .executeUpdate();
    }

    private void comment(StreamEvent event) throws Exception {
        Payloads.CommentCreated comment = json.readValue(event.payload(), Payloads.CommentCreated.class);
        if (comment.authorId() == comment.postAuthorId()) {
            return;
        }
        // As above; a comment deleted by now is not worth a mail (its post's deletion the sender checks).
        em.createNativeQuery("""
                INSERT INTO mail_log (event_id, kind, comment_id, recipient_id, recipient)
                SELECT ?1, ?2, c.id, m.id, m.email FROM comment c, member m
                WHERE c.id = ?3 AND c.deleted_at IS NULL AND m.id = ?4 AND m.notify_comments AND m.deleted_at IS NULL
                      AND m.email_verified_at IS NOT NULL
                ON CONFLICT (event_id) DO NOTHING
                """)
                .setParameter(1, event.eventId())
                .setParameter(2, MailLog.KIND_NEW_COMMENT)
                .setParameter(3, comment.commentId())
                .setParameter(4, comment.postAuthorId())
                .executeUpdate();
    }
}
