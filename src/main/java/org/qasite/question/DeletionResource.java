package org.qasite.question;

import java.net.URI;

import jakarta.ws.rs.Consumes;
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
import org.qasite.text.i18n.QuestionMsg;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/**
 * The delete and undelete buttons of a post. Each comes back to the question: the author of a deleted post still sees
 * it there, marked deleted, with its Undelete button.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Authenticated
public class DeletionResource {

    private final CurrentMember me;
    private final PostDeletion deletion;

    DeletionResource(CurrentMember me, PostDeletion deletion) {
        this.me = me;
        this.deletion = deletion;
    }

    @POST
    @Path("questions/{id}/delete")
    public Response deleteQuestion(@RestPath String id) {
        Question question = deletion.deleteQuestion(me.id(), Ids.parse(id, "question"));
        return back(question.path(),
                ReaderLocale.wordsNow(QuestionMsg.class).deleted_question());
    }

    @POST
    @Path("questions/{id}/undelete")
    public Response undeleteQuestion(@RestPath String id) {
        Question question = deletion.undeleteQuestion(me.id(), Ids.parse(id, "question"));
        return back(question.path(), ReaderLocale.wordsNow(QuestionMsg.class).undeleted_question());
    }

    @POST
    @Path("answers/{id}/delete")
    public Response deleteAnswer(@RestPath String id) {
        Answer answer = deletion.deleteAnswer(me.id(), Ids.parse(id, "answer"));
        return back("/answers/" + answer.id,
                ReaderLocale.wordsNow(QuestionMsg.class).deleted_answer());
    }

    @POST
    @Path("answers/{id}/undelete")
    public Response undeleteAnswer(@RestPath String id) {
        Answer answer = deletion.undeleteAnswer(me.id(), Ids.parse(id, "answer"));
        return back("/answers/" + answer.id, ReaderLocale.wordsNow(QuestionMsg.class).undeleted_answer());
    }

    private static Response back(String path, String message) {
        return Response.seeOther(URI.create(path)).cookie(Flash.set(message)).build();
    }

    /** A visitor: to the login page, and back to the post once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        String path = uri.getPath();
        return LoginRedirect.to(ReaderLocale.wordsNow(QuestionMsg.class).deletion_login(),
                path.substring(0, path.lastIndexOf('/')));
    }
}
