package org.qasite.edit;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.qasite.member.CurrentMember;
import org.qasite.question.Answer;
import org.qasite.question.AnswerApi.AnswerView;
import org.qasite.question.DeletedPosts;
import org.qasite.question.Question;
import org.qasite.question.QuestionApi.AuthorView;
import org.qasite.question.QuestionApi.QuestionView;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.LoginAction;

/** Edits and revision histories through the JSON API. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Edits")
public class EditApi {

    /** {@code revision}: the one the client read (a newer one is a 409); without it, the current one. */
    public record QuestionEditRequest(String title, String body, List<String> tags, String summary, Integer revision) {
    }

    public record AnswerEditRequest(String body, String summary, Integer revision) {
    }

    /** One revision; {@code title} and {@code tags} are null for an answer's. */
    public record RevisionView(int revision, AuthorView author, Instant createdAt, String summary, String title,
            String body, List<String> tags, Integer rollbackOf) {

        static RevisionView of(History.Entry e) {
            return new RevisionView(e.revision(), AuthorView.of(e.author()), e.createdAt(), e.summary(), e.title(),
                    e.body(), e.tags(), e.rollbackOf());
        }
    }

    private final CurrentMember me;
    private final QuestionEditService questionEdits;
    private final AnswerEditService answerEdits;

    EditApi(CurrentMember me, QuestionEditService questionEdits, AnswerEditService answerEdits) {
        this.me = me;
        this.questionEdits = questionEdits;
        this.answerEdits = answerEdits;
    }

    @PUT
    @Path("questions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a question (its author): a new revision; 409 when `revision` is no longer the current one")
    public QuestionView editQuestion(@RestPath String id, QuestionEditRequest request) {
        long memberId = me.require(LoginAction.EDIT).id;
        long questionId = Ids.parse(id, "question");
        if (request == null) {
            throw QaException.badRequest("Send a JSON object with title, body and tags.");
        }
        questionEdits.edit(memberId, questionId, new QuestionEdit(request.title(), request.body(), request.tags(),
                request.summary(), request.revision()));
        return QuestionView.of(Question.requireForPage(id));
    }

    @PUT
    @Path("answers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit an answer (its author): a new revision; 409 when `revision` is no longer the current one")
    public AnswerView editAnswer(@RestPath String id, AnswerEditRequest request) {
        long memberId = me.require(LoginAction.EDIT).id;
        long answerId = Ids.parse(id, "answer");
        if (request == null) {
            throw QaException.badRequest("Send a JSON object with the body of the answer.");
        }
        answerEdits.edit(memberId, answerId, new AnswerEdit(request.body(), request.summary(), request.revision()));
        Answer saved = Answer.require(id);
        return AnswerView.of(saved, saved.question);
    }

    @GET
    @Path("questions/{id}/revisions")
    @Operation(summary = "A question's revisions, newest first")
    public List<RevisionView> questionRevisions(@RestPath String id) {
        Question question = DeletedPosts.require(Question.requireForPage(id), me.id());
        return History.of(question, null).entries().stream().map(RevisionView::of).toList();
    }

    @GET
    @Path("answers/{id}/revisions")
    @Operation(summary = "An answer's revisions, newest first")
    public List<RevisionView> answerRevisions(@RestPath String id) {
        Answer answer = DeletedPosts.require(Answer.require(id), me.id());
        return History.of(answer, null).entries().stream().map(RevisionView::of).toList();
    }
}
