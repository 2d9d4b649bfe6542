package org.qasite.mail;

import java.net.URI;
import java.util.Arrays;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.member.NotificationKind;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.MailMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.Refusals;
import org.qasite.text.i18n.SiteLocales;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The unsubscribe links of the mail about each kind of notification and of the digests, no login needed. Opening one
 * shows one button that switches that mail off (or, once a kind is off, one that switches it back on): opening a link
 * changes nothing, because mail scanners open links before the reader does. The button, and mail programs' one-click
 * unsubscribe (RFC 8058), post to the same address; see {@link OneClickUnsubscribeRoute}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    /** One topic of mail in the reader's words: its title, "Stop {about}?", "you get a mail when {sentWhen}". */
    public record Kind(UnsubscribeLinks.Topic topic, String title, String about, String sentWhen, String whose) {

        /** In English: the one-click answer to mail programs. */
        static Kind of(UnsubscribeLinks.Topic topic) {
            return of(topic, Messages.mail(SiteLocales.ENGLISH));
        }

        static Kind of(UnsubscribeLinks.Topic topic, MailMsg words) {
            String name = topic.name();
            return new Kind(topic, words.topic_title(name), words.topic_about(name), words.topic_sent_when(name),
                    words.topic_whose(name));
        }

        public boolean digest() {
            return topic.digest != null;
        }

        /** Whether the member still gets this mail: the kind is not "never", or some kind comes in this digest. */
        boolean wanted(Member member) {
            if (topic.kind != null) {
                return member.mailFor(topic.kind) != MailFrequency.NEVER;
            }
            return Arrays.stream(NotificationKind.values()).anyMatch(k -> member.mailFor(k) == topic.digest);
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
        return page(UnsubscribeLinks.Topic.ANSWERS, member, signature);
    }

    @POST
    @Path("unsubscribe/{member}/{signature}/resubscribe")
    public Response resubscribeAnswers(@RestPath String member, @RestPath String signature) {
        return resubscribe(UnsubscribeLinks.Topic.ANSWERS, member, signature);
    }

    /** {@code /unsubscribe-comments/...}, {@code /unsubscribe-mention/...}, {@code /unsubscribe-daily/...} and the like. */
    @GET
    @Path("unsubscribe-{topic}/{member}/{signature}")
    public TemplateInstance other(@RestPath String topic, @RestPath String member, @RestPath String signature) {
        return page(topic(topic), member, signature);
    }

    @POST
    @Path("unsubscribe-{topic}/{member}/{signature}/resubscribe")
    public Response resubscribeOther(@RestPath String topic, @RestPath String member, @RestPath String signature) {
        return resubscribe(topic(topic), member, signature);
    }

    private static UnsubscribeLinks.Topic topic(String name) {
        String prefix = "/unsubscribe-" + name + "/";
        return Arrays.stream(UnsubscribeLinks.Topic.values()).filter(t -> t.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> QaException.notFound(Refusals.now().bad_unsubscribe_link()));
    }

    private TemplateInstance page(UnsubscribeLinks.Topic topic, String member, String signature) {
        Member m = preferences.find(topic, member, signature);
        Kind kind = Kind.of(topic, Messages.mail(ReaderLocale.current()));
        return Templates.unsubscribe(m, links.path(topic, m.id), kind, kind.wanted(m));
    }

    private Response resubscribe(UnsubscribeLinks.Topic topic, String memberId, String signature) {
        if (topic.kind == null) {
            // which kinds a digest gathered is not known any more: they are chosen again in the settings
            throw QaException.notFound(Refusals.now().digest_resubscribe());
        }
        Member member = preferences.resubscribe(topic, memberId, signature);
        MailMsg words = Messages.mail(ReaderLocale.current());
        Kind kind = Kind.of(topic, words);
        return Response.seeOther(URI.create(links.path(topic, member.id)))
                .cookie(Flash.set(words.unsub_resubscribed(kind.about(), kind.whose())))
                .build();
    }
}
