package org.qasite.question;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.DuplicatePost;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** The answer form and the plain-form "accept" button (the page's script uses the JSON API instead). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AnswerResource {

    private final CurrentMember me;
    private final AnswerService answers;
    private final QuestionResource questionPages;

    AnswerResource(CurrentMember me, AnswerService answers, QuestionResource questionPages) {
        this.me = me;
        this.answers = answers;
        this.questionPages = questionPages;
    }

    @POST
    @Path("questions/{id}/answers")
    @Authenticated
    public Response answer(@RestPath String id, @RestForm String body) {
        long questionId = Ids.parse(id, "question");
        try {
            Answer answer = answers.answer(me.id(), questionId, new AnswerInput(body));
            return Response.seeOther(URI.create("/questions/" + questionId + "#answer-" + answer.id))
                    .cookie(Flash.set("Your answer is posted.")).build();
        } catch (DuplicatePost e) {
            return Response.seeOther(URI.create(e.url())).cookie(Flash.set(e.getMessage())).build();
        } catch (QaException e) {
            if (e.status() == 404) {
                throw e;
            }
            return questionPages.showWithAnswerErrors(id, body, e);
        }
    }

    /** An answer's permanent address: the page of its question where it stands (newest first), scrolled to it. */
    @GET
    @Path("answers/{id}")
    public Response permalink(@RestPath String id) {
        Answer answer = Answer.require(id);
        long page = Answer.countNewerThan(answer) / QuestionResource.ANSWERS_PER_PAGE + 1;
        return Response.seeOther(URI.create("/questions/" + answer.question.id + (page > 1 ? "?page=" + page : "")
                + "#answer-" + answer.id)).build();
    }

    @POST
    @Path("answers/{id}/accept")
    @Authenticated
    public Response accept(@RestPath String id) {
        Answer answer = answers.accept(me.id(), Ids.parse(id, "answer"));
        return Response.seeOther(URI.create("/answers/" + answer.id)).cookie(Flash.set("You accepted this answer."))
                .build();
    }

    /** A visitor: to the login page, and back to the question or answer they were on once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, SimpleResourceInfo method, UriInfo uri) {
        String id = uri.getPathParameters().getFirst("id");
        return "accept".equals(method.getMethodName())
                ? LoginRedirect.to("Log in to accept an answer.", "/answers/" + id)
                : LoginRedirect.to("Log in to answer.", "/questions/" + id);
    }
}
