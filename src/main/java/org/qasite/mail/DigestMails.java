package org.qasite.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.member.NotificationKind;
import org.qasite.notification.Digests;
import org.qasite.notification.Inbox;
import org.qasite.question.Slug;
import org.qasite.web.Site;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;

/**
 * The mail of a daily or weekly digest, rendered when it is sent: the notifications of its period still unread and
 * still wanted in it, grouped by question; none left, no mail.
 */
@ApplicationScoped
public class DigestMails {

    /** The lines about one question. */
    public record Group(String title, String url, List<Line> lines) {
    }

    /** One notification: who did what, and where it leads. */
    public record Line(String text, String url) {
    }

    /** The link that switches one kind's mail off. */
    public record KindLink(String label, String url) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final Site site;
    private final UnsubscribeLinks unsubscribe;
    private final Digests digests;

    DigestMails(Site site, UnsubscribeLinks unsubscribe, Digests digests) {
        this.site = site;
        this.unsubscribe = unsubscribe;
        this.digests = digests;
    }

    MailTemplateInstance compose(MailLog mail, Member recipient) {
        Digests.Contents digest = mail.digestId == null ? null : digests.contents(mail.digestId);
        if (digest == null || digest.items().isEmpty() || !recipient.isEmailVerified()) {
            return null;
        }
        Map<Long, Group> groups = new LinkedHashMap<>();
        for (Inbox.Item item : digest.items()) {
            groups.computeIfAbsent(item.questionId(), q -> new Group(item.questionTitle(),
                    site.absoluteUrl(Slug.path(q, item.questionTitle())), new ArrayList<>()))
                    .lines().add(new Line(line(item), site.absoluteUrl(item.url())));
        }
        List<KindLink> kindLinks = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            if (recipient.mailFor(kind) == digest.frequency()) {
                kindLinks.add(new KindLink(kind.label,
                        unsubscribe.url(UnsubscribeLinks.Topic.of(kind), recipient.id)));
            }
        }
        boolean daily = digest.frequency() == MailFrequency.DAILY;
        String name = daily ? "daily digest" : "weekly digest";
        String period = daily ? DAY.format(digest.period().start().atOffset(ZoneOffset.UTC))
                : "the week of " + DAY.format(digest.period().start().atOffset(ZoneOffset.UTC));
        int count = digest.items().size();
        mail.recipient = recipient.email;
        String unsubscribeUrl = unsubscribe.url(UnsubscribeLinks.Topic.digest(digest.frequency()), recipient.id);
        Mail headers = new Mail()
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return Mails.Templates.digest(recipient.displayName, name, period, count, List.copyOf(groups.values()),
                kindLinks, unsubscribeUrl, site.absoluteUrl("/settings"), site.getName(), site.getBaseUrl())
                .mail(headers)
                .to(recipient.email)
                .subject("Your " + name + ": " + count + " unread notification" + (count == 1 ? "" : "s") + " on "
                        + site.getName());
    }

    private static String line(Inbox.Item item) {
        String who = item.actorName();
        return switch (item.kind()) {
            case ANSWER -> who + " answered your question";
            case FOLLOWED_ANSWER -> who + " answered";
            case COMMENT -> who + " commented on your " + (item.answerId() != null ? "answer" : "question");
            case MENTION -> who + " mentioned you in a comment";
            case ACCEPTED -> who + " accepted your answer";
            case TAG_QUESTION -> who + " asked this question in a tag you follow";
        };
    }
}
