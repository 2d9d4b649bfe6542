package org.qasite.question;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qasite.member.CurrentMember;
import org.qasite.refusal.DuplicatePost;
import org.qasite.refusal.QaException;
import org.qasite.tag.TagNames;
import org.qasite.text.i18n.WriteMsg;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.Forms;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;

/** The ask form. */
@Path("/ask")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AskResource {

    /** What the ask form shows again after a refusal. */
    public record AskForm(String title, String body, String tags) {
        static final AskForm EMPTY = new AskForm("", "", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(AskForm form, Map<String, String> errors, String formError);
    }

    private final CurrentMember me;
    private final QuestionService questions;
    private final ReaderLocale reader;

    AskResource(CurrentMember me, QuestionService questions, ReaderLocale reader) {
        this.me = me;
        this.reader = reader;
        this.questions = questions;
    }

    @GET
    public Response askForm() {
        return Response.ok(Templates.ask(AskForm.EMPTY, Map.of(), null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@RestForm String title, @RestForm String body, @RestForm String tags) {
        try {
            Question question = questions.ask(me.id(), new AskInput(title, body, TagNames.split(tags)));
            return Response.seeOther(URI.create(question.path()))
                    .cookie(Flash.set(reader.words(WriteMsg.class).ask_posted())).build();
        } catch (DuplicatePost e) {
            return Response.seeOther(URI.create(e.url())).cookie(Flash.set(e.getMessage())).build();
        } catch (QaException e) {
            AskForm form = new AskForm(Forms.orEmpty(title), Forms.orEmpty(body), Forms.orEmpty(tags));
            return Response.status(e.status()).entity(Templates.ask(form, Forms.fieldErrors(e), reader.formError(e))).build();
        }
    }

    /** A visitor: to the login page, and back here once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e) {
        return LoginRedirect.to(reader.words(WriteMsg.class).ask_login(), "/ask");
    }
}
