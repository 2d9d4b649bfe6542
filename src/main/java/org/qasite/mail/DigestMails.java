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
import org.qasite.text.i18n.AccountMsg;
import org.qasite.text.i18n.MailMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.text.i18n.SiteLocales;
import org.qasite.web.Site;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;

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
    /** Russian names the day by its date alone: "за 7 декабря 2026", "за неделю с 7 декабря 2026". */
    private static final DateTimeFormatter DAY_RU = DateTimeFormatter.ofPattern("d MMMM yyyy", SiteLocales.RUSSIAN);

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
        Locale locale = recipient.mailLocale();
        MailMsg words = Messages.mail(locale);
        Map<Long, Group> groups = new LinkedHashMap<>();
        for (Inbox.Item item : digest.items()) {
            groups.computeIfAbsent(item.questionId(), q -> new Group(item.questionTitle(),
                    site.absoluteUrl(Slug.path(q, item.questionTitle())), new ArrayList<>()))
                    .lines().add(new Line(line(item, words), site.absoluteUrl(item.url())));
        }
        List<KindLink> kindLinks = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            if (recipient.mailFor(kind) == digest.frequency()) {
                kindLinks.add(new KindLink(Messages.bundle(AccountMsg.class, locale).mail_kind(kind.name()),
                        unsubscribe.url(UnsubscribeLinks.Topic.of(kind), recipient.id)));
            }
        }
        boolean daily = digest.frequency() == MailFrequency.DAILY;
        String day = (SiteLocales.from(locale).equals(SiteLocales.RUSSIAN) ? DAY_RU : DAY)
                .format(digest.period().start().atOffset(ZoneOffset.UTC));
        String period = daily ? day : words.digest_week(day);
        int count = digest.items().size();
        mail.recipient = recipient.email;
        String unsubscribeUrl = unsubscribe.url(UnsubscribeLinks.Topic.digest(digest.frequency()), recipient.id);
        String subject = words.digest_subject(daily, count, site.getName());
        Mail headers = MailSubjects.withSubject(new Mail()
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), subject);
        return Mails.Templates.digest(recipient.displayName, daily, period, count, List.copyOf(groups.values()),
                kindLinks, unsubscribeUrl, site.absoluteUrl("/settings"), site.getName(), site.getBaseUrl())
                .setAttribute(TemplateInstance.LOCALE, locale)
                .mail(headers)
                .to(recipient.email);
    }

    private static String line(Inbox.Item item, MailMsg words) {
        // a deleted account's row says "deleted member" in English: the line says "Someone" in the mail's language
        String who = Member.isTombstone(item.actorUsername()) ? null : item.actorName();
        return switch (item.kind()) {
            case ANSWER -> words.digest_answer(who);
            case FOLLOWED_ANSWER -> words.digest_followed_answer(who);
            case COMMENT -> words.digest_comment(who, item.answerId() != null);
            case MENTION -> words.digest_mention(who);
            case ACCEPTED -> words.digest_accepted(who);
            case TAG_QUESTION -> words.digest_tag_question(who);
        };
    }
}
