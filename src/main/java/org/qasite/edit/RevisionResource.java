package org.qasite.edit;

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
import org.qasite.member.CurrentMember;
import org.qasite.question.Answer;
import org.qasite.question.DeletedPosts;
import org.qasite.question.Question;
import org.qasite.refusal.Ids;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.Refusals;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** The revision history of questions and answers, and its rollback buttons. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RevisionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(History history);
    }

    private final CurrentMember me;
    private final QuestionEditService questionEdits;
    private final AnswerEditService answerEdits;

    RevisionResource(CurrentMember me, QuestionEditService questionEdits, AnswerEditService answerEdits) {
        this.me = me;
        this.questionEdits = questionEdits;
        this.answerEdits = answerEdits;
    }

    @GET
    @Path("questions/{id}/revisions")
    public TemplateInstance questionHistory(@RestPath String id) {
        Question question = Question.requireForPage(id);
        return Templates.history(History.of(DeletedPosts.require(question, me.id()), me.getMember()));
    }

    @GET
    @Path("answers/{id}/revisions")
    public TemplateInstance answerHistory(@RestPath String id) {
        Answer answer = Answer.require(id);
        return Templates.history(History.of(DeletedPosts.require(answer, me.id()), me.getMember()));
    }

    @POST
    @Path("questions/{id}/revisions/{revision}/rollback")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollbackQuestion(@RestPath String id, @RestPath String revision, @RestForm("revision") String base,
            @RestForm String summary) {
        long questionId = Ids.parse(id, "question");
        int to = (int) Math.min(Integer.MAX_VALUE, Ids.parse(revision, "revision"));
        Question question = questionEdits.rollback(me.id(), questionId, to, FormRevision.parse(base), summary);
        return Response.seeOther(URI.create(question.path()))
                .cookie(Flash.set(ReaderLocale.words().flash_rolled_back(true, to))).build();
    }

    @POST
    @Path("answers/{id}/revisions/{revision}/rollback")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollbackAnswer(@RestPath String id, @RestPath String revision, @RestForm("revision") String base,
            @RestForm String summary) {
        long answerId = Ids.parse(id, "answer");
        int to = (int) Math.min(Integer.MAX_VALUE, Ids.parse(revision, "revision"));
        Answer answer = answerEdits.rollback(me.id(), answerId, to, FormRevision.parse(base), summary);
        return Response.seeOther(URI.create(answer.question.path() + "#answer-" + answerId))
                .cookie(Flash.set(ReaderLocale.words().flash_rolled_back(false, to))).build();
    }

    /** A visitor: to the login page, and back to the history once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        String path = uri.getPath().replaceAll("/\\d+/rollback$", "").replaceAll("/rollback$", "");
        return LoginRedirect.to(Refusals.loginTo(LoginAction.ROLL_BACK), path);
    }
}
