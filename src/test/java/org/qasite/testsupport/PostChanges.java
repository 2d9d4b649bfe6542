package org.qasite.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.edit.AnswerEdit;
import org.qasite.edit.AnswerEditService;
import org.qasite.edit.QuestionEdit;
import org.qasite.edit.QuestionEditService;
import org.qasite.question.Comment;
import org.qasite.question.CommentInput;
import org.qasite.question.CommentService;
import org.qasite.question.PostDeletion;
import org.qasite.question.Question;

/**
 * Edits, deletions and comments made through the site's own services, as its pages and API make them, in the short
 * form tests about what follows from their events need.
 */
@ApplicationScoped
public class PostChanges {

    private final QuestionEditService questionEdits;
    private final AnswerEditService answerEdits;
    private final PostDeletion deletion;
    private final CommentService comments;

    PostChanges(QuestionEditService questionEdits, AnswerEditService answerEdits, PostDeletion deletion,
            CommentService comments) {
        this.questionEdits = questionEdits;
        this.answerEdits = answerEdits;
        this.deletion = deletion;
        this.comments = comments;
    }

    /** The answer's new text, as its next revision, by {@code editorId}. */
    public void editAnswer(long answerId, long editorId, String body) {
        answerEdits.edit(editorId, answerId, new AnswerEdit(body, null, null));
    }

    /** The question's new body (title and tags as they are), as its next revision, by {@code editorId}. */
    @Transactional
    public void editQuestion(long questionId, long editorId, String body) {
        Question question = Question.findById(questionId);
        questionEdits.edit(editorId, questionId,
                new QuestionEdit(question.title, body, question.tags.stream().map(t -> t.name).toList(), null, null));
    }

    public void deleteAnswer(long answerId, long byId) {
        deletion.deleteAnswer(byId, answerId);
    }

    public void undeleteAnswer(long answerId, long byId) {
        deletion.undeleteAnswer(byId, answerId);
    }

    public void deleteQuestion(long questionId, long byId) {
        deletion.deleteQuestion(byId, questionId);
    }

    public void undeleteQuestion(long questionId, long byId) {
        deletion.undeleteQuestion(byId, questionId);
    }

    /** A comment by {@code authorId} on the question ({@code answerId} null) or on one of its answers. */
    public Comment comment(long authorId, long questionId, Long answerId, String body) {
        return comments.comment(authorId,
                answerId == null ? CommentService.Target.question(questionId) : CommentService.Target.answer(answerId),
                new CommentInput(body));
    }

    /** Deletes the comment, as its author does. */
    @Transactional
    public void deleteComment(long commentId) {
        Comment comment = Comment.findById(commentId);
        comments.delete(comment.author.id, commentId);
    }
}
