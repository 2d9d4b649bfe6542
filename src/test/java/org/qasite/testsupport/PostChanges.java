package org.qasite.testsupport;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.markdown.MarkdownRenderer;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Comment;
import org.qasite.question.Post;
import org.qasite.question.Question;

/**
 * Edits, deletions and comments made the way the site makes them: the change and its event in one transaction. A
 * stand-in for the edit, delete and comment services in tests about what follows from their events; tests may call
 * those services instead once they exist, without changing anything else.
 */
@ApplicationScoped
public class PostChanges {

    private final Outbox outbox;
    private final MarkdownRenderer markdown;

    PostChanges(Outbox outbox, MarkdownRenderer markdown) {
        this.outbox = outbox;
        this.markdown = markdown;
    }

    /** The answer's new text, as its next revision, by {@code editorId}. */
    @Transactional
    public void editAnswer(long answerId, long editorId, String body) {
        Answer answer = Answer.findById(answerId);
        edit(answer, editorId, body);
        outbox.record(EventType.ANSWER_EDITED, new Payloads.AnswerEdited(answer.id, answer.question.id,
                answer.author.id, editorId, answer.revision));
    }

    /** The question's new text, as its next revision, by {@code editorId}. */
    @Transactional
    public void editQuestion(long questionId, long editorId, String body) {
        Question question = Question.findById(questionId);
        edit(question, editorId, body);
        outbox.record(EventType.QUESTION_EDITED,
                new Payloads.QuestionEdited(question.id, question.author.id, editorId, question.revision));
    }

    private void edit(Post post, long editorId, String body) {
        post.body = body;
        post.bodyHtml = markdown.toSafeHtml(body);
        post.revision++;
        post.editedAt = Instant.now();
        post.editedBy = Member.findById(editorId);
    }

    /** Deletes the answer (soft), one answer fewer on its question. */
    @Transactional
    public void deleteAnswer(long answerId, long byId) {
        Answer answer = Answer.findById(answerId);
        answer.deletedAt = Instant.now();
        answer.deletedBy = byId;
        answer.question.answerCount--;
        outbox.record(EventType.ANSWER_DELETED,
                new Payloads.AnswerDeleted(answer.id, answer.question.id, answer.author.id, byId));
    }

    @Transactional
    public void undeleteAnswer(long answerId, long byId) {
        Answer answer = Answer.findById(answerId);
        answer.deletedAt = null;
        answer.deletedBy = null;
        answer.question.answerCount++;
        outbox.record(EventType.ANSWER_UNDELETED,
                new Payloads.AnswerDeleted(answer.id, answer.question.id, answer.author.id, byId));
    }

    @Transactional
    public void deleteQuestion(long questionId, long byId) {
        Question question = Question.findById(questionId);
        question.deletedAt = Instant.now();
        question.deletedBy = byId;
        outbox.record(EventType.QUESTION_DELETED, new Payloads.QuestionDeleted(question.id, question.author.id, byId));
    }

    @Transactional
    public void undeleteQuestion(long questionId, long byId) {
        Question question = Question.findById(questionId);
        question.deletedAt = null;
        question.deletedBy = null;
        outbox.record(EventType.QUESTION_UNDELETED,
                new Payloads.QuestionDeleted(question.id, question.author.id, byId));
    }

    /** A comment by {@code authorId} on the question ({@code answerId} null) or on one of its answers. */
    @Transactional
    public Comment comment(long authorId, long questionId, Long answerId, String body) {
        Comment comment = new Comment();
        comment.questionId = questionId;
        comment.answerId = answerId;
        comment.author = Member.findById(authorId);
        comment.body = body;
        comment.bodyHtml = markdown.toSafeHtml(body);
        comment.persist();
        long postAuthorId = answerId == null ? Question.<Question> findById(questionId).author.id
                : Answer.<Answer> findById(answerId).author.id;
        outbox.record(EventType.COMMENT_CREATED,
                new Payloads.CommentCreated(comment.id, questionId, answerId, authorId, postAuthorId, List.of()));
        return comment;
    }

    @Transactional
    public void deleteComment(long commentId) {
        Comment comment = Comment.findById(commentId);
        comment.deletedAt = Instant.now();
        outbox.record(EventType.COMMENT_DELETED, new Payloads.CommentDeleted(comment.id, comment.questionId,
                comment.answerId, comment.author.id));
    }
}
