package org.qasite.mail;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.member.Member;
import org.qasite.web.page.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The unsubscribe link of the mail, no login needed. Opening it shows one button that switches mail about new answers
 * off (or, once off, one that switches it back on): opening a link changes nothing, because mail scanners open links
 * before the reader does. The button, and mail programs' one-click unsubscribe (RFC 8058), post to the same address;
 * see {@link OneClickUnsubscribeRoute}.
 */
@Path("/unsubscribe/{member}/{signature}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(Member member, String path);
    }

    private final MailPreferences preferences;
    private final UnsubscribeLinks links;

    UnsubscribeResource(MailPreferences preferences, UnsubscribeLinks links) {
        this.preferences = preferences;
        this.links = links;
    }

    @GET
    public TemplateInstance unsubscribe(@RestPath String member, @RestPath String signature) {
        Member m = preferences.find(member, signature);
        return Templates.unsubscribe(m, links.path(m.id));
    }

    @POST
    @Path("resubscribe")
    public Response resubscribe(@RestPath String member, @RestPath String signature) {
        Member m = preferences.setNotifyAnswers(member, signature, true);
        return Response.seeOther(URI.create(links.path(m.id)))
                .cookie(Flash.set("You will get mail about new answers to your questions again.")).build();
    }
}
