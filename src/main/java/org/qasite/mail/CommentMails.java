package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Comment;
import org.qasite.question.Question;
import org.qasite.text.i18n.Messages;
import org.qasite.web.Site;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;

/** The mail about a new comment on the recipient's question or answer, rendered when it is sent. */
@ApplicationScoped
class CommentMails {

    private final Site site;
    private final UnsubscribeLinks unsubscribe;
    private final MailConfig config;

    CommentMails(Site site, UnsubscribeLinks unsubscribe, MailConfig config) {
        this.site = site;
        this.unsubscribe = unsubscribe;
        this.config = config;
    }

    /**
     * The mail of this queued row; null when it is no longer worth sending: the recipient switched it off or has no
     * confirmed address any more, or the comment, its post or the question was deleted since.
     */
    MailTemplateInstance compose(MailLog mail, Member recipient) {
        Comment comment = mail.commentId == null ? null : Comment.findById(mail.commentId);
        if (recipient.mailComment != MailFrequency.INSTANT || !recipient.isEmailVerified() || comment == null
                || comment.isDeleted()) {
            return null;
        }
        Question question = Question.findById(comment.questionId);
        Answer answer = comment.answerId == null ? null : Answer.findById(comment.answerId);
        if (question == null || question.isDeleted() || answer != null && answer.isDeleted()) {
            return null;
        }
        mail.recipient = recipient.email;
        String commentUrl = site.absoluteUrl("/comments/" + comment.id);
        String unsubscribeUrl = unsubscribe.url(UnsubscribeLinks.Topic.COMMENTS, recipient.id);
        String subject = Messages.mail(recipient.mailLocale()).comment_subject(answer != null, question.title);
        Mail headers = MailSubjects.withSubject(new Mail()
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), subject);
        return Mails.Templates.newComment(recipient.displayName, question.title, answer != null,
                comment.author.nameIn(recipient.mailLocale()), MailExcerpt.of(comment.bodyHtml, config.excerptLength()),
                commentUrl,
                unsubscribeUrl, site.getName(), site.getBaseUrl())
                .mail(headers)
                // rendered outside any request: in the recipient's language
                .setAttribute(TemplateInstance.LOCALE, recipient.mailLocale())
                .to(recipient.email);
    }
}
