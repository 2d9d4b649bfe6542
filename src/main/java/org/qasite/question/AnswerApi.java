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
import org.qasite.question.QuestionApi.AuthorView;
import org.qasite.question.QuestionApi.PageView;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.LoginAction;
import org.qasite.web.page.Pager;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Answers")
public class AnswerApi {

    /** {@code revision} is the one an edit (PUT) sends back to be sure it replaces what the client read. */
    public record AnswerView(long id, long questionId, String body, String bodyHtml, AuthorView author,
            Instant createdAt, int rating, boolean accepted, String url, int revision, Instant editedAt,
            AuthorView editor) {

        public static AnswerView of(Answer a, Question q) {
            return new AnswerView(a.id, q.id, a.body, a.bodyHtml, AuthorView.of(a.author), a.createdAt, a.rating,
                    a.id.equals(q.acceptedAnswerId), q.path() + "#answer-" + a.id, a.revision, a.editedAt,
                    AuthorView.of(a.editedBy));
        }
    }

    public record AnswerRequest(String body) {
    }

    /** {@code acceptedAnswerId} is null once the question has no accepted answer (after an unaccept). */
    public record AcceptView(long questionId, Long acceptedAnswerId) {
    }

    private final CurrentMember me;
    private final AnswerService answers;

    AnswerApi(CurrentMember me, AnswerService answers) {
        this.me = me;
        this.answers = answers;
    }

    @GET
    @Path("questions/{id}/answers")
    @Operation(summary = "A page of a question's answers (newest first, or sort=votes), or the answers after a given one")
    public PageView<AnswerView> list(@RestPath String id, @RestQuery String page, @RestQuery String sort,
            @RestQuery String after) {
        Question question = DeletedPosts.require(Question.require(id), null);
        if (after != null) {
            long afterId;
            try {
                afterId = Long.parseLong(after.strip());
            } catch (NumberFormatException e) {
                throw QaException.badRequest("after must be the id of an answer.");
            }
            List<Answer> items = Answer.listAfter(question, afterId, 100);
            return new PageView<>(items.stream().map(a -> AnswerView.of(a, question)).toList(), 1, 1, items.size());
        }
        Answer.Sort order = Answer.Sort.parse(sort);
        Pager pager = Pager.of(page, question.answerCount, QuestionResource.ANSWERS_PER_PAGE, "", null);
        return PageView.of(Answer.listForQuestion(question, order, pager.panache()).stream()
                .map(a -> AnswerView.of(a, question)).toList(), pager);
    }

    @POST
    @Path("questions/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question (members)")
    public Response answer(@RestPath String id, AnswerRequest request) {
        long memberId = me.requireId(LoginAction.ANSWER);
        long questionId = Ids.parse(id, "question");
        if (request == null) {
            throw QaException.badRequest("Send a JSON object with the body of the answer.");
        }
        Answer answer = answers.answer(memberId, questionId, new AnswerInput(request.body()));
        return Response.created(URI.create("/api/v1/answers/" + answer.id)).entity(AnswerView.of(answer, answer.question))
                .build();
    }

    @GET
    @Path("answers/{id}")
    @Operation(summary = "One answer (a deleted one, or one of a deleted question, is not found)")
    public AnswerView get(@RestPath String id) {
        Answer answer = DeletedPosts.require(Answer.require(id), null);
        return AnswerView.of(answer, answer.question);
    }

    @POST
    @Path("answers/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark an answer as the accepted one (the question's author only)")
    public AcceptView accept(@RestPath String id) {
        long memberId = me.require(LoginAction.ACCEPT).id;
        Answer answer = answers.accept(memberId, Ids.parse(id, "answer"));
        return new AcceptView(answer.question.id, answer.id);
    }

    @DELETE
    @Path("answers/{id}/accept")
    @Operation(summary = "Take the accepted mark back (the question's author only; 409 when the answer is not the accepted one)")
    public AcceptView unaccept(@RestPath String id) {
        long memberId = me.require(LoginAction.UNACCEPT).id;
        Answer answer = answers.unaccept(memberId, Ids.parse(id, "answer"));
        return new AcceptView(answer.question.id, null);
    }
}
