package org.qasite.question;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.limit.RateLimiter;
import org.qasite.markdown.InlineMarkdown;
import org.qasite.member.Member;
import org.qasite.refusal.DuplicatePost;
import org.qasite.refusal.InputValidator;
import org.qasite.refusal.QaException;
import org.qasite.text.InputText;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Refusals;

/** Writes and deletes comments, each with its event in the same transaction. */
@ApplicationScoped
public class CommentService {

    /** The post a comment goes on: a question, or an answer. */
    public record Target(boolean onAnswer, long id) {

        public static Target question(long id) {
            return new Target(false, id);
        }

        public static Target answer(long id) {
            return new Target(true, id);
        }

        public String key() {
            return (onAnswer ? "answer-" : "question-") + id;
        }
    }

    private final InputValidator validator;
    private final InlineMarkdown markdown;
    private final RateLimiter rateLimiter;
    private final Outbox outbox;

    CommentService(InputValidator validator, InlineMarkdown markdown, RateLimiter rateLimiter, Outbox outbox) {
        this.validator = validator;
        this.markdown = markdown;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
    }

    /** Saves the comment and its event; refuses a missing post (404), a deleted one (409) and text out of bounds (400). */
    @Transactional
    public Comment comment(long authorId, Target target, CommentInput raw) {
        CommentInput input = new CommentInput(InputText.block(raw.body()));
        // The post and its question shared, in the order a deletion locks them: a deletion under way waits for this
        // comment or this comment sees it; two comments do not wait for each other.
        EntityManager em = Comment.getEntityManager();
        Post post = target.onAnswer() ? em.find(Answer.class, target.id(), LockModeType.PESSIMISTIC_READ)
                : em.find(Question.class, target.id(), LockModeType.PESSIMISTIC_READ);
        if (post == null) {
            throw QaException.notFound(target.onAnswer() ? Refusals.now().no_answer(target.id())
                    : Refusals.now().no_question(target.id()));
        }
        Question question = post instanceof Answer answer
                ? em.find(Question.class, answer.question.id, LockModeType.PESSIMISTIC_READ)
                : (Question) post;
        if (post.isDeleted() || question.isDeleted()) {
            throw QaException.conflict(post.isDeleted() && post instanceof Answer ? Refusals.now().answer_deleted()
                    : Refusals.now().question_deleted());
        }
        validator.check(validator.errors(input));
        Member author = Member.lockForPosting(authorId, LoginAction.COMMENT);
        // After the member's posting lock: a second send of the same comment waits until the first committed, and finds it.
        Long answerId = target.onAnswer() ? target.id() : null;
        Comment repeat = Comment.findRepeat(authorId, question.id, answerId, input.body(),
                DuplicatePost.windowStart());
        if (repeat != null) {
            throw new DuplicatePost(Refusals.now().duplicate_comment(), "/comments/" + repeat.id);
        }
        Comment comment = new Comment();
        comment.questionId = question.id;
        comment.answerId = answerId;
        comment.author = author;
        comment.body = input.body();
        Mentions.Linked linked = Mentions.link(markdown.toSafeHtml(input.body()), ThreadPeople.of(question.id));
        comment.bodyHtml = linked.html();
        comment.persist();
        outbox.record(EventType.COMMENT_CREATED, new Payloads.CommentCreated(comment.id, question.id,
                comment.answerId, authorId, post.author.id, linked.mentionedIds()));
        // Counted once the writes went through: a refusal rolls them back, a failed write costs no quota.
        rateLimiter.acquire(RateLimiter.Action.COMMENT, authorId);
        return comment;
    }

    /** Deletes a comment of the member's own (soft); someone else's is 403, one deleted already 409. */
    @Transactional
    public Comment delete(long memberId, long commentId) {
        Comment comment = Comment.findById(commentId, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null) {
            throw QaException.notFound(Refusals.now().no_comment(commentId));
        }
        if (!comment.author.id.equals(memberId)) {
            throw QaException.forbidden(Refusals.now().comment_delete_only_author());
        }
        if (comment.isDeleted()) {
            throw QaException.conflict(Refusals.now().comment_deleted_already());
        }
        comment.deletedAt = Instant.now();
        outbox.record(EventType.COMMENT_DELETED,
                new Payloads.CommentDeleted(comment.id, comment.questionId, comment.answerId, memberId));
        return comment;
    }
}
