package org.qasite.edit;

import java.net.URI;
import java.util.Map;

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
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.QuestionMsg;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.Forms;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** The edit form of an answer. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AnswerEditResource {

    /** What the form shows: the text to edit and the revision it is based on. */
    public record Form(String body, String summary, int revision) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Answer answer, Form form, Map<String, String> errors, String formError,
                Conflict conflict);
    }

    private final CurrentMember me;
    private final AnswerEditService edits;

    AnswerEditResource(CurrentMember me, AnswerEditService edits) {
        this.me = me;
        this.edits = edits;
    }

    @GET
    @Path("answers/{id}/edit")
    public Response editForm(@RestPath String id) {
        Answer answer = Answer.require(id);
        EditChecks.mayChange(me.getMember(), answer);
        Form form = new Form(answer.body, "", answer.revision);
        return Response.ok(Templates.edit(answer, form, Map.of(), null, null)).build();
    }

    @POST
    @Path("answers/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@RestPath String id, @RestForm String body, @RestForm String summary,
            @RestForm String revision) {
        long answerId = Ids.parse(id, "answer");
        Integer base = FormRevision.parse(revision);
        try {
            Answer answer = edits.edit(me.id(), answerId, new AnswerEdit(body, summary, base));
            return Response.seeOther(URI.create(answer.question.path() + "#answer-" + answerId))
                    .cookie(Flash.set(ReaderLocale.wordsNow(QuestionMsg.class).edit_saved())).build();
        } catch (EditConflict e) {
            Answer answer = Answer.require(id);
            Form form = new Form(Forms.orEmpty(body), Forms.orEmpty(summary), e.currentRevision());
            return Response.status(409)
                    .entity(Templates.edit(answer, form, Map.of(), e.getMessage(), Conflict.of(answer, e))).build();
        } catch (QaException e) {
            if (e.status() != 400 && e.status() != 429) { // 429: too many edits, the text comes back too
                throw e; // not this form's input: someone else's answer, a deleted one, none
            }
            Answer answer = Answer.require(id);
            Form form = new Form(Forms.orEmpty(body), Forms.orEmpty(summary), base == null ? answer.revision : base);
            return Response.status(e.status())
                    .entity(Templates.edit(answer, form, Forms.fieldErrors(e), e.getMessage(), null)).build();
        }
    }

    /** A visitor: to the login page, and back to the form once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        return LoginRedirect.to(ReaderLocale.wordsNow(QuestionMsg.class).edit_login(),
                "/answers/" + uri.getPathParameters().getFirst("id") + "/edit");
    }
}
