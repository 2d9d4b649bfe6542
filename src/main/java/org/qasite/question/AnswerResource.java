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

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.Ids;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.QuestionMsg;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/**
 * An answer's permanent address, and the plain-form "accept" and "unaccept" buttons (the page's script uses the JSON
 * API instead).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AnswerResource {

    private final CurrentMember me;
    private final AnswerService answers;

    AnswerResource(CurrentMember me, AnswerService answers) {
        this.me = me;
        this.answers = answers;
    }

    /** An answer's permanent address: the page of its question where it stands (newest first), scrolled to it. */
    @GET
    @Path("answers/{id}")
    public Response permalink(@RestPath String id) {
        Long readerId = me.id();
        Answer answer = DeletedPosts.require(Answer.require(id), readerId);
        long page = Answer.countNewerThan(answer, readerId) / QuestionResource.ANSWERS_PER_PAGE + 1;
        return Response.seeOther(URI.create(answer.question.path() + (page > 1 ? "?page=" + page : "")
                + "#answer-" + answer.id)).build();
    }

    @POST
    @Path("answers/{id}/accept")
    @Authenticated
    public Response accept(@RestPath String id) {
        Answer answer = answers.accept(me.id(), Ids.parse(id, "answer"));
        return Response.seeOther(URI.create("/answers/" + answer.id))
                .cookie(Flash.set(ReaderLocale.wordsNow(QuestionMsg.class).answer_accepted_flash()))
                .build();
    }

    @POST
    @Path("answers/{id}/unaccept")
    @Authenticated
    public Response unaccept(@RestPath String id) {
        Answer answer = answers.unaccept(me.id(), Ids.parse(id, "answer"));
        return Response.seeOther(URI.create("/answers/" + answer.id))
                .cookie(Flash.set(Messages.accept(ReaderLocale.current()).unaccepted_flash()))
                .build();
    }

    /** A visitor: to the login page, and back to the answer once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        String message = uri.getPath().endsWith("/unaccept")
                ? Messages.accept(ReaderLocale.current()).unaccept_login()
                : ReaderLocale.wordsNow(QuestionMsg.class).answer_accept_login();
        return LoginRedirect.to(message, "/answers/" + uri.getPathParameters().getFirst("id"));
    }
}
