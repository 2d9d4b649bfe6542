package org.qasite.question;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.member.CurrentMember;
import org.qasite.member.Member;
import org.qasite.question.QuestionApi.AuthorView;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.text.InputText;
import org.qasite.text.i18n.LoginAction;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentApi {

    /** How many people the comment box suggests after an "@". */
    static final int SUGGESTIONS = 8;

    /** @param postId the post it is on: {@code question-{id}} or {@code answer-{id}} */
    public record CommentView(long id, String postId, AuthorView author, String body, String bodyHtml,
            Instant createdAt) {

        static CommentView of(Comment c) {
            return new CommentView(c.id, c.postKey(),
                    new AuthorView(c.author.username, c.author.displayName, c.author.avatarUrl()), c.body, c.bodyHtml,
                    c.createdAt);
        }
    }

    public record CommentRequest(String body) {
    }

    public record Participant(String username, String displayName) {
    }

    private final CurrentMember me;
    private final CommentService comments;

    CommentApi(CurrentMember me, CommentService comments) {
        this.me = me;
        this.comments = comments;
    }

    @GET
    @Path("questions/{id}/comments")
    @Operation(summary = "The comments on a question (not those on its answers), oldest first")
    public List<CommentView> ofQuestion(@RestPath String id) {
        Question question = DeletedPosts.require(Question.require(id), me.id());
        return Comment.listForPost(question.id, null).stream().map(CommentView::of).toList();
    }

    @GET
    @Path("answers/{id}/comments")
    @Operation(summary = "The comments on an answer, oldest first")
    public List<CommentView> ofAnswer(@RestPath String id) {
        Answer answer = DeletedPosts.require(Answer.require(id), me.id());
        return Comment.listForPost(answer.question.id, answer.id).stream().map(CommentView::of).toList();
    }

    @POST
    @Path("questions/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a question (members)")
    public Response onQuestion(@RestPath String id, CommentRequest request) {
        return comment(CommentService.Target.question(Ids.parse(id, "question")), request);
    }

    @POST
    @Path("answers/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on an answer (members)")
    public Response onAnswer(@RestPath String id, CommentRequest request) {
        return comment(CommentService.Target.answer(Ids.parse(id, "answer")), request);
    }

    @GET
    @Path("comments/{id}")
    @Operation(summary = "One comment")
    public CommentView get(@RestPath String id) {
        long commentId = Ids.parse(id, "comment");
        Comment comment = Comment.findById(commentId);
        if (comment == null || comment.isDeleted()) {
            throw QaException.notFound("There is no comment " + commentId + ".");
        }
        // A comment on a deleted post is gone with it, for everyone but the post's author.
        if (comment.answerId != null) {
            DeletedPosts.require(Answer.<Answer> findById(comment.answerId), me.id());
        } else {
            DeletedPosts.require(Question.<Question> findById(comment.questionId), me.id());
        }
        return CommentView.of(comment);
    }

    @DELETE
    @Path("comments/{id}")
    @Operation(summary = "Delete a comment of one's own")
    public Response delete(@RestPath String id) {
        long memberId = me.require(LoginAction.DELETE_COMMENT).id;
        comments.delete(memberId, Ids.parse(id, "comment"));
        return Response.noContent().build();
    }

    @GET
    @Path("questions/{id}/participants")
    @Operation(summary = "People of a question's thread whose username or name starts with q: whom a comment can mention")
    public List<Participant> participants(@RestPath String id, @RestQuery String q) {
        long questionId = DeletedPosts.require(Question.require(id), me.id()).id;
        String prefix = InputText.clean(q).strip();
        if (prefix.startsWith("@")) {
            prefix = prefix.substring(1);
        }
        if (prefix.length() > Member.MAX_USERNAME) {
            return List.of();
        }
        return ThreadPeople.matching(questionId, prefix, SUGGESTIONS).stream()
                .map(m -> new Participant(m.username, m.displayName)).toList();
    }

    private Response comment(CommentService.Target target, CommentRequest request) {
        long memberId = me.requireId(LoginAction.COMMENT);
        if (request == null) {
            throw QaException.badRequest("Send a JSON object with the body of the comment.");
        }
        Comment comment = comments.comment(memberId, target, new CommentInput(request.body()));
        Comment saved = Comment.findWithAuthor(comment.id);
        return Response.created(URI.create("/api/v1/comments/" + comment.id)).entity(CommentView.of(saved)).build();
    }
}
