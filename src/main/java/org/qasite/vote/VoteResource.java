package org.qasite.vote;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.Ids;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** Vote buttons as plain forms, for browsers without JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Authenticated
public class VoteResource {

    private final CurrentMember me;
    private final VoteService votes;

    VoteResource(CurrentMember me, VoteService votes) {
        this.me = me;
        this.votes = votes;
    }

    @POST
    @Path("questions/{id}/vote")
    public Response voteQuestion(@RestPath String id, @RestForm String value) {
        long questionId = Ids.parse(id, "question");
        votes.vote(VoteService.Target.QUESTION, questionId, me.id(), parseValue(value));
        return Response.seeOther(URI.create("/questions/" + questionId))
                .cookie(Flash.set(ReaderLocale.words().flash_vote_counted()))
                .build();
    }

    @POST
    @Path("answers/{id}/vote")
    public Response voteAnswer(@RestPath String id, @RestForm String value) {
        long answerId = Ids.parse(id, "answer");
        votes.vote(VoteService.Target.ANSWER, answerId, me.id(), parseValue(value));
        // the answer's permanent address finds the page it is on
        return Response.seeOther(URI.create("/answers/" + answerId))
                .cookie(Flash.set(ReaderLocale.words().flash_vote_counted())).build();
    }

    /** A visitor: to the login page, and back to the question or answer they wanted to vote on once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        return LoginRedirect.to(Refusals.loginTo(LoginAction.VOTE), uri.getPath().substring(0, uri.getPath().lastIndexOf('/')));
    }

    static Integer parseValue(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null; // the service answers with the rule for votes
        }
    }
}
