package org.qasite.question;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.limit.RateLimiter;
import org.qasite.markdown.MarkdownRenderer;
import org.qasite.member.Member;
import org.qasite.refusal.DuplicatePost;
import org.qasite.refusal.InputValidator;
import org.qasite.refusal.QaException;
import org.qasite.text.InputText;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;

@ApplicationScoped
public class AnswerService {

    private final InputValidator validator;
    private final MarkdownRenderer markdown;
    private final RateLimiter rateLimiter;
    private final Outbox outbox;

    AnswerService(InputValidator validator, MarkdownRenderer markdown, RateLimiter rateLimiter, Outbox outbox) {
        this.validator = validator;
        this.markdown = markdown;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
    }

    public AnswerInput validate(AnswerInput raw) {
        AnswerInput input = new AnswerInput(InputText.block(raw.body()));
        validator.check(validator.errors(input));
        return input;
    }

    /**
     * Saves the answer and counts it on its question, in one transaction. The answer comes back with its question and
     * author loaded.
     */
    @Transactional
    public Answer answer(long authorId, long questionId, AnswerInput raw) {
        AnswerInput input = validate(raw);
        // Locked: a question deleted meanwhile takes no answer.
        Question question = Question.getEntityManager().find(Question.class, questionId, LockModeType.PESSIMISTIC_WRITE);
        if (question == null) {
            throw QaException.notFound(Refusals.now().no_question(questionId));
        }
        DeletedPosts.refuseIfDeleted(question, RefusalMsg::deleted_takes_no_answers);
        Member author = Member.lockForPosting(authorId, LoginAction.ANSWER);
        Answer repeat = Answer.findRepeat(authorId, questionId, input.body(), DuplicatePost.windowStart());
        if (repeat != null) {
            throw new DuplicatePost(Refusals.now().duplicate_answer(), "/answers/" + repeat.id);
        }
        Answer answer = new Answer();
        answer.question = question;
        // Loaded (not a reference) and the time as the database keeps it: the caller answers with the saved answer,
        // its question and author as they are here, without reading them again after the commit.
        answer.author = author;
        answer.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        answer.body = input.body();
        answer.bodyHtml = markdown.toSafeHtml(input.body());
        answer.persist();
        // An UPDATE relative to the stored value, so concurrent answers never lose a count. Plain SQL: a query in
        // Hibernate's language is translated again at every call.
        Question.getEntityManager().createNativeQuery("UPDATE question SET answer_count = answer_count + 1 WHERE id = ?1")
                .setParameter(1, questionId).executeUpdate();
        outbox.record(EventType.ANSWER_CREATED,
                new Payloads.AnswerCreated(answer.id, questionId, authorId, question.author.id));
        // Counted once the writes went through: a refusal rolls them back, a failed write costs no quota.
        rateLimiter.acquire(RateLimiter.Action.ANSWER, authorId);
        return answer;
    }

    /** Marks the answer as the one that solved the question; only the question's author may, and may change it. */
    @Transactional
    public Answer accept(long memberId, long answerId) {
        Answer answer = Answer.findById(answerId);
        if (answer == null) {
            throw QaException.notFound(Refusals.now().no_answer(answerId));
        }
        Question question = Question.getEntityManager().find(Question.class, answer.question.id,
                LockModeType.PESSIMISTIC_WRITE);
        // Read again under the question's lock: a deletion of the answer that committed meanwhile is seen (one still
        // under way waits for this lock, then takes the accepted mark away with the answer).
        Answer.getEntityManager().refresh(answer);
        if (!question.author.id.equals(memberId)) {
            throw QaException.forbidden(Refusals.now().accept_only_asker());
        }
        DeletedPosts.refuseIfDeleted(question, RefusalMsg::deleted_question_no_accept);
        DeletedPosts.refuseIfDeleted(answer, RefusalMsg::deleted_answer_no_accept);
        if (!answer.id.equals(question.acceptedAnswerId)) {
            question.acceptedAnswerId = answer.id;
            outbox.record(EventType.ANSWER_ACCEPTED,
                    new Payloads.AnswerAccepted(answer.id, question.id, memberId, answer.author.id));
        }
        return answer;
    }

    /**
     * Takes the accepted mark away from the answer, leaving the question without an accepted answer; only the
     * question's author may. Its event tells nobody (no notification): it keeps the record of what changed.
     */
    @Transactional
    public Answer unaccept(long memberId, long answerId) {
        Answer answer = Answer.findById(answerId);
        if (answer == null) {
            throw QaException.notFound(Refusals.now().no_answer(answerId));
        }
        Question question = Question.getEntityManager().find(Question.class, answer.question.id,
                LockModeType.PESSIMISTIC_WRITE);
        if (!question.author.id.equals(memberId)) {
            throw QaException.forbidden(Refusals.now().unaccept_only_asker());
        }
        DeletedPosts.refuseIfDeleted(question, RefusalMsg::deleted_question_no_unaccept);
        // A second click, another tab or a stale page: said plainly rather than taking another answer's mark away.
        if (!answer.id.equals(question.acceptedAnswerId)) {
            throw QaException.conflict(Refusals.now().unaccept_not_accepted());
        }
        question.acceptedAnswerId = null;
        outbox.record(EventType.ANSWER_UNACCEPTED,
                new Payloads.AnswerUnaccepted(answer.id, question.id, memberId, answer.author.id));
        return answer;
    }
}
