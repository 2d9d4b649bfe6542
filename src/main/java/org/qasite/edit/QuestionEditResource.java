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
import org.qasite.question.Question;
import org.qasite.question.QuestionService;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.tag.TagNames;
import org.qasite.text.i18n.QuestionMsg;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.Forms;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** The edit form of a question. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class QuestionEditResource {

    /** What the form shows: the text to edit and the revision it is based on. */
    public record Form(String title, String body, String tags, String summary, int revision) {

        static Form of(Question question) {
            return new Form(question.title, question.body, String.join(" ", QuestionService.tagNames(question)), "",
                    question.revision);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Question question, Form form, Map<String, String> errors, String formError,
                Conflict conflict);
    }

    private final CurrentMember me;
    private final QuestionEditService edits;

    QuestionEditResource(CurrentMember me, QuestionEditService edits) {
        this.me = me;
        this.edits = edits;
    }

    @GET
    @Path("questions/{id}/edit")
    public Response editForm(@RestPath String id) {
        Question question = Question.requireForPage(id);
        EditChecks.mayChange(me.getMember(), question, "question");
        return Response.ok(Templates.edit(question, Form.of(question), Map.of(), null, null)).build();
    }

    @POST
    @Path("questions/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@RestPath String id, @RestForm String title, @RestForm String body, @RestForm String tags,
            @RestForm String summary, @RestForm String revision) {
        long questionId = Ids.parse(id, "question");
        Integer base = FormRevision.parse(revision);
        try {
            Question edited = edits.edit(me.id(), questionId,
                    new QuestionEdit(title, body, TagNames.split(tags), summary, base));
            return Response.seeOther(URI.create(edited.path()))
                    .cookie(Flash.set(ReaderLocale.wordsNow(QuestionMsg.class).edit_saved())).build();
        } catch (EditConflict e) {
            Question question = Question.requireForPage(id);
            Form form = new Form(Forms.orEmpty(title), Forms.orEmpty(body), Forms.orEmpty(tags), Forms.orEmpty(summary),
                    e.currentRevision());
            return Response.status(409).entity(Templates.edit(question, form, Map.of(), e.getMessage(),
                    Conflict.of(question, e))).build();
        } catch (QaException e) {
            if (e.status() != 400 && e.status() != 429) { // 429: too many edits, the text comes back too
                throw e; // not this form's input: someone else's question, a deleted one, none
            }
            Question question = Question.requireForPage(id);
            Form form = new Form(Forms.orEmpty(title), Forms.orEmpty(body), Forms.orEmpty(tags), Forms.orEmpty(summary),
                    base == null ? question.revision : base);
            return Response.status(e.status())
                    .entity(Templates.edit(question, form, Forms.fieldErrors(e), e.getMessage(), null)).build();
        }
    }

    /** A visitor: to the login page, and back to the form once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        return LoginRedirect.to(ReaderLocale.wordsNow(QuestionMsg.class).edit_login(),
                "/questions/" + uri.getPathParameters().getFirst("id") + "/edit");
    }
}
