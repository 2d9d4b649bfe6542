package org.qasite.mail;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.web.page.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The unsubscribe links of the mail about answers and about comments, no login needed. Opening one shows one button
 * that switches that mail off (or, once off, one that switches it back on): opening a link changes nothing, because
 * mail scanners open links before the reader does. The button, and mail programs' one-click unsubscribe (RFC 8058),
 * post to the same address; see {@link OneClickUnsubscribeRoute}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    /** One kind of mail, in the page's words. */
    public record Kind(UnsubscribeLinks.Topic topic, String about, String sentWhen, String whose) {

        static final Kind ANSWERS = new Kind(UnsubscribeLinks.Topic.ANSWERS, "new answers",
                "someone answers one of your questions", "to your questions");
        static final Kind COMMENTS = new Kind(UnsubscribeLinks.Topic.COMMENTS, "new comments",
                "someone comments on one of your questions or answers", "on your posts");

        boolean wanted(Member member) {
            return (topic == UnsubscribeLinks.Topic.COMMENTS ? member.mailComment : member.mailAnswer) != MailFrequency.NEVER;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(Member member, String path, Kind kind, boolean subscribed);
    }

    private final MailPreferences preferences;
    private final UnsubscribeLinks links;

    UnsubscribeResource(MailPreferences preferences, UnsubscribeLinks links) {
        this.preferences = preferences;
        this.links = links;
    }

    @GET
    @Path("unsubscribe/{member}/{signature}")
    public TemplateInstance answers(@RestPath String member, @RestPath String signature) {
        return page(Kind.ANSWERS, member, signature);
    }

    @POST
    @Path("unsubscribe/{member}/{signature}/resubscribe")
    public Response resubscribeAnswers(@RestPath String member, @RestPath String signature) {
        return resubscribe(Kind.ANSWERS, preferences.setNotifyAnswers(member, signature, true));
    }

    @GET
    @Path("unsubscribe-comments/{member}/{signature}")
    public TemplateInstance comments(@RestPath String member, @RestPath String signature) {
        return page(Kind.COMMENTS, member, signature);
    }

    @POST
    @Path("unsubscribe-comments/{member}/{signature}/resubscribe")
    public Response resubscribeComments(@RestPath String member, @RestPath String signature) {
        return resubscribe(Kind.COMMENTS, preferences.setNotifyComments(member, signature, true));
    }

    private TemplateInstance page(Kind kind, String member, String signature) {
        Member m = preferences.find(kind.topic(), member, signature);
        return Templates.unsubscribe(m, links.path(kind.topic(), m.id), kind, kind.wanted(m));
    }

    private Response resubscribe(Kind kind, Member member) {
        return Response.seeOther(URI.create(links.path(kind.topic(), member.id)))
                .cookie(Flash.set("You will get mail about " + kind.about() + " " + kind.whose() + " again.")).build();
    }
}
