package org.qasite.mail;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.member.NotificationKind;
import org.qasite.notification.Notification;
import org.qasite.question.Answer;
import org.qasite.question.Comment;
import org.qasite.question.Question;
import org.qasite.web.Site;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;

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
        String actorName = actor == null ? "Someone" : actor.displayName;
        // The answer's own address finds the page of the question it is on when the mail is read.
        String answerUrl = answer == null ? null : site.absoluteUrl("/answers/" + answer.id);
        Notice notice = switch (kind) {
            case FOLLOWED_ANSWER -> new Notice("New answer to a question you follow: \"" + question.title + "\"",
                    "answered a question you follow:", answer.bodyHtml, answerUrl, "Read the answer",
                    "you follow this question");
            case MENTION -> new Notice(actorName + " mentioned you on \"" + question.title + "\"",
                    "mentioned you in a comment on", comment.bodyHtml, site.absoluteUrl("/comments/" + comment.id),
                    "Read the comment", "someone mentioned you");
            case ACCEPTED -> new Notice("Your answer to \"" + question.title + "\" was accepted",
                    "accepted your answer to", answer.bodyHtml, answerUrl, "See your answer",
                    "you answered this question");
            case TAG_QUESTION -> new Notice("New question in a tag you follow: \"" + question.title + "\"",
                    "asked a question tagged " + question.tags.stream().map(t -> t.name).collect(Collectors.joining(", "))
                            + ":",
                    question.bodyHtml, site.absoluteUrl(question.path()), "Read the question",
                    "you follow one of its tags");
            default -> throw new IllegalStateException("Not a kind of its own template: " + kind);
        };
        mail.recipient = recipient.email;
        UnsubscribeLinks.Topic topic = UnsubscribeLinks.Topic.of(kind);
        String unsubscribeUrl = unsubscribe.url(topic, recipient.id);
        Mail headers = new Mail()
                .addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return Mails.Templates.notice(recipient.displayName, actorName, notice.action(), question.title,
                Mails.excerpt(notice.html(), config.excerptLength()), notice.url(), notice.linkLabel(), notice.reason(),
                UnsubscribeResource.Kind.of(topic).about(), unsubscribeUrl, site.getName(), site.getBaseUrl())
                .mail(headers)
                .to(recipient.email)
                .subject(notice.subject());
    }

    /** The words and the link of one kind's mail. */
    private record Notice(String subject, String action, String html, String url, String linkLabel, String reason) {
    }
}
