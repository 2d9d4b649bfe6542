package org.qasite.mail;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.account.AccountConfig;
import org.qasite.account.AccountTokens;
import org.qasite.member.Member;
import org.qasite.text.i18n.AccountMailMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.web.Site;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;

/** The mails of accounts, rendered when they are sent: a link whose token no longer works is not sent at all. */
@ApplicationScoped
class AccountMails {

    private final Site site;
    private final AccountTokens tokens;
    private final TokenSeal seal;
    private final AccountConfig config;

    AccountMails(Site site, AccountTokens tokens, TokenSeal seal, AccountConfig config) {
        this.site = site;
        this.tokens = tokens;
        this.seal = seal;
        this.config = config;
    }

    /** The mail of this queued row, to its address as queued; null when it is not worth sending any more. */
    MailTemplateInstance compose(MailLog mail, Member recipient) {
        String name = recipient.displayName;
        // rendered outside any request: in the recipient's language, not the reader's
        AccountMailMsg words = Messages.bundle(AccountMailMsg.class, recipient.mailLocale());
        MailTemplateInstance message;
        String subject;
        switch (mail.kind) {
            case MailLog.KIND_PASSWORD_RESET -> {
                String token = token(mail);
                if (token == null) {
                    return null;
                }
                message = Mails.Templates.passwordReset(name, recipient.username,
                        site.absoluteUrl("/reset-password?token=" + token),
                        describe(config.resetLinkLifetime(), words),
                        site.absoluteUrl("/forgot-password"), site.getName(), site.getBaseUrl());
                subject = words.reset_subject(site.getName());
            }
            case MailLog.KIND_EMAIL_VERIFICATION -> {
                String token = token(mail);
                if (token == null) {
                    return null;
                }
                boolean change = !recipient.email.equalsIgnoreCase(mail.recipient);
                message = Mails.Templates.verifyEmail(name, mail.recipient, change,
                        site.absoluteUrl("/verify-email?token=" + token), describe(config.verificationLinkLifetime(), words),
                        site.getName(), site.getBaseUrl());
                subject = words.verify_subject(site.getName());
            }
            case MailLog.KIND_EMAIL_CHANGED -> {
                message = Mails.Templates.emailChanged(name, recipient.username, recipient.email,
                        site.getName(), site.getBaseUrl());
                subject = words.changed_subject(site.getName());
            }
            default -> throw new IllegalStateException("Mail " + mail.id + " is of an unknown kind: " + mail.kind);
        }
        // the site's name may hold an emoji
        return message.mail(MailSubjects.withSubject(new Mail(), subject)).setAttribute(TemplateInstance.LOCALE,
                recipient.mailLocale()).to(mail.recipient);
    }

    /** The link's token, while it still works. */
    private String token(MailLog mail) {
        if (mail.tokenId == null || mail.sealedToken == null || !tokens.isValid(mail.tokenId)) {
            return null;
        }
        return seal.open(mail.tokenId, mail.sealedToken);
    }

    /** "1 hour", "24 hours", "30 minutes"; in Russian as "в течение …" needs them ("24 часов"). */
    static String describe(Duration d, AccountMailMsg msg) {
        long minutes = Math.max(1, d.toMinutes());
        return minutes % 60 == 0 ? msg.duration_hours(minutes / 60) : msg.duration_minutes(minutes);
    }
}
