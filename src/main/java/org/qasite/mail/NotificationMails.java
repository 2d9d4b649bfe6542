package org.qasite.mail;

import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.member.NotificationKind;
import org.qasite.notification.Notification;
import org.qasite.question.Answer;
import org.qasite.question.Comment;
import org.qasite.question.Question;
import org.qasite.text.i18n.MailMsg;
import org.qasite.text.i18n.Messages;
import org.qasite.web.Site;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;

/**
 * The instant mail about one notification, rendered when it is sent: the mail about an answer to one's question and a
 * comment on one's post are those of before notifications ({@link AnswerMails}, {@link CommentMails}); the other kinds
 * share one template.
 */
@ApplicationScoped
class NotificationMails {

    private final Site site;
    private final UnsubscribeLinks unsubscribe;
    private final MailConfig config;
    private final AnswerMails answerMails;
    private final CommentMails commentMails;

    NotificationMails(Site site, UnsubscribeLinks unsubscribe, MailConfig config, AnswerMails answerMails,
            CommentMails commentMails) {
        this.site = site;
        this.unsubscribe = unsubscribe;
        this.config = config;
        this.answerMails = answerMails;
        this.commentMails = commentMails;
    }

    /**
     * The mail of this queued row; null when it is no longer worth sending: the recipient no longer wants this kind
     * instantly or has no confirmed address, or the notification's question, answer or comment was deleted or is gone.
     */
    MailTemplateInstance compose(MailLog mail, Member recipient) {
        Notification n = mail.notificationId == null ? null : Notification.findById(mail.notificationId);
        NotificationKind kind = n == null ? null : NotificationKind.parse(n.kind);
        if (kind == null || recipient.mailFor(kind) != MailFrequency.INSTANT || !recipient.isEmailVerified()) {
            return null;
        }
        // the log says what the mail was about, as the mail of before did
        mail.answerId = n.answerId;
        mail.commentId = n.commentId;
        if (kind == NotificationKind.ANSWER) {
            return answerMails.compose(mail, recipient);
        }
        if (kind == NotificationKind.COMMENT) {
            return commentMails.compose(mail, recipient);
        }
        Question question = Question.findById(n.questionId);
        Answer answer = n.answerId == null ? null : Answer.findById(n.answerId);
        Comment comment = n.commentId == null ? null : Comment.findById(n.commentId);
        if (question == null || question.isDeleted() || n.answerId != null && (answer == null || answer.isDeleted())
                || n.commentId != null && (comment == null || comment.isDeleted())) {
            return null;
        }
        Member actor = Member.findById(n.actorId);
        Locale locale = recipient.mailLocale();
        MailMsg words = Messages.mail(locale);
        // null for an account gone or deleted: the words say "Someone" in the recipient's language
        String actorName = actor == null || actor.isDeleted() ? null : actor.displayName;
        // The answer's own address finds the page of the question it is on when the mail is read.
        String answerUrl = answer == null ? null : site.absoluteUrl("/answers/" + answer.id);
        Notice notice = switch (kind) {
            case FOLLOWED_ANSWER -> new Notice(words.notice_followed_subject(question.title),
                    words.notice_followed_action(), answer.bodyHtml, answerUrl, words.notice_read_answer(),
                    words.notice_followed_reason());
            case MENTION -> new Notice(words.notice_mention_subject(actorName, question.title),
                    words.notice_mention_action(), comment.bodyHtml, site.absoluteUrl("/comments/" + comment.id),
                    words.comment_read(), words.notice_mention_reason());
            case ACCEPTED -> new Notice(words.notice_accepted_subject(question.title), words.notice_accepted_action(),
                    answer.bodyHtml, answerUrl, words.notice_see_answer(), words.notice_accepted_reason());
            case TAG_QUESTION -> new Notice(words.notice_tag_subject(question.title),
                    words.notice_tag_action(
                            question.tags.stream().map(t -> t.name).collect(Collectors.joining(", "))),
                    question.bodyHtml, site.absoluteUrl(question.path()), words.notice_read_question(),
                    words.notice_tag_reason());
            default -> throw new IllegalStateException("Not a kind of its own template: " + kind);
        };
        mail.recipient = recipient.email;
        UnsubscribeLinks.Topic topic = UnsubscribeLinks.Topic.of(kind);
        String unsubscribeUrl = unsubscribe.url(topic, recipient.id);
        Mail headers = MailSubjects.withSubject(new Mail()
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), notice.subject());
        return Mails.Templates.notice(recipient.displayName, actorName, notice.action(), question.title,
                MailExcerpt.of(notice.html(), config.excerptLength()), notice.url(), notice.linkLabel(), notice.reason(),
                UnsubscribeResource.Kind.of(topic, words).about(), unsubscribeUrl, site.getName(), site.getBaseUrl())
                .setAttribute(TemplateInstance.LOCALE, locale)
                .mail(headers)
                .to(recipient.email);
    }

    /** The words and the link of one kind's mail. */
    private record Notice(String subject, String action, String html, String url, String linkLabel, String reason) {
    }
}
