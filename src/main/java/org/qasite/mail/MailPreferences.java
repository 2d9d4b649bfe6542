package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;

/** Switches a member's mail about new answers, or about new comments, on or off from a signed link, without a login. */
@ApplicationScoped
class MailPreferences {

    private final UnsubscribeLinks links;

    MailPreferences(UnsubscribeLinks links) {
        this.links = links;
    }

    /** Answers the member whose link it is, with the preference set; 404 for a link that is not genuine. */
    @Transactional
    Member setNotifyAnswers(String memberId, String signature, boolean notify) {
        Member member = find(memberId, signature);
        member.mailAnswer = notify ? MailFrequency.INSTANT : MailFrequency.NEVER;
        return member;
    }

    /** As {@link #setNotifyAnswers}, for mail about comments on the member's posts. */
    @Transactional
    Member setNotifyComments(String memberId, String signature, boolean notify) {
        Member member = find(UnsubscribeLinks.Topic.COMMENTS, memberId, signature);
        member.mailComment = notify ? MailFrequency.INSTANT : MailFrequency.NEVER;
        return member;
    }

    /** The member whose link it is; 404 for a link that is not genuine. */
    @Transactional
    Member find(String memberId, String signature) {
        return find(UnsubscribeLinks.Topic.ANSWERS, memberId, signature);
    }

    /** The member whose link of this kind it is; 404 for a link that is not genuine. */
    @Transactional
    Member find(UnsubscribeLinks.Topic topic, String memberId, String signature) {
        long id;
        try {
            id = Long.parseLong(memberId);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (!links.verify(topic, id, signature)) {
            throw invalid();
        }
        Member member = Member.findById(id);
        if (member == null) {
            throw invalid();
        }
        return member;
    }

    private static QaException invalid() {
        return QaException.notFound("This unsubscribe link is not valid. You can switch mail off in your settings.");
    }
}
