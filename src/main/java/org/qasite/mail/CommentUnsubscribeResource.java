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
 * The unsubscribe link of the mail about comments, as {@link UnsubscribeResource} is for mail about answers: opening it
 * changes nothing, its button (or a mail program's one-click post, {@link OneClickUnsubscribeRoute}) does.
 */
@Path("/unsubscribe-comments/{member}/{signature}")
@Produces(MediaType.TEXT_HTML)
public class CommentUnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(Member member, String path);
    }

    private final MailPreferences preferences;
    private final UnsubscribeLinks links;

    CommentUnsubscribeResource(MailPreferences preferences, UnsubscribeLinks links) {
        this.preferences = preferences;
        this.links = links;
    }

    @GET
    public TemplateInstance unsubscribe(@RestPath String member, @RestPath String signature) {
        Member m = preferences.find(UnsubscribeLinks.Topic.COMMENTS, member, signature);
        return Templates.unsubscribe(m, links.path(UnsubscribeLinks.Topic.COMMENTS, m.id));
    }

    @POST
    @Path("resubscribe")
    public Response resubscribe(@RestPath String member, @RestPath String signature) {
        Member m = preferences.setNotifyComments(member, signature, true);
        return Response.seeOther(URI.create(links.path(UnsubscribeLinks.Topic.COMMENTS, m.id)))
                .cookie(Flash.set("You will get mail about new comments on your posts again.")).build();
    }
}
