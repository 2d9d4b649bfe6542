package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.text.i18n.Messages;
import org.qasite.web.Site;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;

/** The mail about a new answer to the recipient's question, rendered when it is sent. */
@ApplicationScoped
class AnswerMails {

    private final Site site;
    private final UnsubscribeLinks unsubscribe;
    private final MailConfig config;

    AnswerMails(Site site, UnsubscribeLinks unsubscribe, MailConfig config) {
        this.site = site;
        this.unsubscribe = unsubscribe;
        this.config = config;
    }

    /**
     * The mail of this queued row (its {@code answer_id}); null when it is no longer worth sending: the recipient
     * switched it off or has no confirmed address any more, or the answer or its question was deleted since.
     */
    MailTemplateInstance compose(MailLog mail, Member recipient) {
        Answer answer = mail.answerId == null ? null : Answer.findById(mail.answerId);
        if (recipient.mailAnswer != MailFrequency.INSTANT || !recipient.isEmailVerified() || answer == null
                || answer.isDeleted() || answer.question.isDeleted()) {
            return null;
        }
        mail.recipient = recipient.email;
        String answerUrl = site.absoluteUrl(answer.question.path() + "#answer-" + answer.id);
        String unsubscribeUrl = unsubscribe.url(UnsubscribeLinks.Topic.ANSWERS, recipient.id);
        String subject = Messages.mail(recipient.mailLocale()).mail_new_answer_subject(answer.question.title);
        Mail headers = MailSubjects.withSubject(new Mail()
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), subject);
        return Mails.Templates.newAnswer(recipient.displayName, answer.question.title,
                answer.author.nameIn(recipient.mailLocale()),
                MailExcerpt.of(answer.bodyHtml, config.excerptLength()), answerUrl, unsubscribeUrl, site.getName(),
                site.getBaseUrl())
                .setAttribute(TemplateInstance.LOCALE, recipient.mailLocale())
                .mail(headers)
                .to(recipient.email);
    }
}
