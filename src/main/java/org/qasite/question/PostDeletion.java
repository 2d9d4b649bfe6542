package org.qasite.question;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

/**
 * Soft deletion and undeletion of questions and answers. The post's row is locked for the transaction, so two requests
 * about one post are applied one after the other; the change and its event are written in the same transaction.
 *
 * <p>
 * A deleted answer leaves its question's answer count. When it was the accepted answer, the question loses its accepted
 * mark, and undeleting the answer does not bring the mark back: the question's author decides again.
 */
@ApplicationScoped
public class PostDeletion {

    private final EntityManager em;
    private final Outbox outbox;

    PostDeletion(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional
    public Question deleteQuestion(long memberId, long questionId) {
        Question question = lockQuestion(questionId);
        DeletionRules.checkMayDelete(memberId, question);
        if (question.isDeleted()) {
            throw QaException.conflict(Refusals.now().deleted_already("question"));
        }
        question.deletedAt = Instant.now();
        question.deletedBy = memberId;
        outbox.record(EventType.QUESTION_DELETED, new Payloads.QuestionDeleted(question.id, question.author.id, memberId));
        return question;
    }

    @Transactional
    public Question undeleteQuestion(long memberId, long questionId) {
        Question question = lockQuestion(questionId);
        DeletionRules.checkMayUndelete(memberId, question, "question");
        if (!question.isDeleted()) {
            throw QaException.conflict(Refusals.now().not_deleted("question"));
        }
        question.deletedAt = null;
        question.deletedBy = null;
        outbox.record(EventType.QUESTION_UNDELETED, new Payloads.QuestionDeleted(question.id, question.author.id, memberId));
        return question;
    }

    @Transactional
    public Answer deleteAnswer(long memberId, long answerId) {
        Answer answer = lockAnswer(answerId);
        DeletionRules.checkMayDelete(memberId, answer);
        if (answer.isDeleted()) {
            throw QaException.conflict(Refusals.now().deleted_already("answer"));
        }
        answer.deletedAt = Instant.now();
        answer.deletedBy = memberId;
        // Relative to the stored values, as AnswerService counts: concurrent answers never lose a count, and an accept
        // of this answer that committed meanwhile is undone too.
        em.createNativeQuery("UPDATE question SET answer_count = answer_count - 1, accepted_answer_id ="
                + " CASE WHEN accepted_answer_id = ?2 THEN NULL ELSE accepted_answer_id END WHERE id = ?1")
                .setParameter(1, answer.question.id).setParameter(2, answer.id).executeUpdate();
        outbox.record(EventType.ANSWER_DELETED, payload(answer, memberId));
        return answer;
    }

    @Transactional
    public Answer undeleteAnswer(long memberId, long answerId) {
        Answer answer = lockAnswer(answerId);
        DeletionRules.checkMayUndelete(memberId, answer, "answer");
        if (!answer.isDeleted()) {
            throw QaException.conflict(Refusals.now().not_deleted("answer"));
        }
        answer.deletedAt = null;
        answer.deletedBy = null;
        em.createNativeQuery("UPDATE question SET answer_count = answer_count + 1 WHERE id = ?1")
                .setParameter(1, answer.question.id).executeUpdate();
        outbox.record(EventType.ANSWER_UNDELETED, payload(answer, memberId));
        return answer;
    }

    private static Payloads.AnswerDeleted payload(Answer answer, long byId) {
        return new Payloads.AnswerDeleted(answer.id, answer.question.id, answer.author.id, byId);
    }

    private Question lockQuestion(long id) {
        Question question = em.find(Question.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (question == null) {
            throw QaException.notFound(Refusals.now().no_post_id("question", id));
        }
        return question;
    }

    private Answer lockAnswer(long id) {
        Answer answer = em.find(Answer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (answer == null) {
            throw QaException.notFound(Refusals.now().no_post_id("answer", id));
        }
        return answer;
    }
}
