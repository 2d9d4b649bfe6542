package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.member.NotificationKind;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

/** Switches a member's mail about one kind of notification, or one digest, off (or a kind on again) from a signed link. */
@ApplicationScoped
class MailPreferences {

    private final UnsubscribeLinks links;

    MailPreferences(UnsubscribeLinks links) {
        this.links = links;
    }

    /**
     * Switches the topic's mail off: its kind's frequency becomes never, or, for a digest, that of every kind the digest
     * gathers. Answers the member whose link it is; 404 for a link that is not genuine.
     */
    @Transactional
    Member unsubscribe(UnsubscribeLinks.Topic topic, String memberId, String signature) {
        Member member = find(topic, memberId, signature);
        if (topic.kind != null) {
            member.setMailFor(topic.kind, MailFrequency.NEVER);
        } else {
            for (NotificationKind kind : NotificationKind.values()) {
                if (member.mailFor(kind) == topic.digest) {
                    member.setMailFor(kind, MailFrequency.NEVER);
                }
            }
        }
        return member;
    }

    /**
     * Switches the kind's mail back on, as it comes by default (at once for answers to one's questions and comments on
     * one's posts, as before the other kinds existed). A digest's kinds are chosen again in the settings.
     */
    @Transactional
    Member resubscribe(UnsubscribeLinks.Topic topic, String memberId, String signature) {
        Member member = find(topic, memberId, signature);
        if (topic.kind != null) {
            member.setMailFor(topic.kind, topic.kind.defaultFrequency);
        }
        return member;
    }

    /** The member whose link of this topic it is; 404 for a link that is not genuine. */
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
        return QaException.notFound(Refusals.now().bad_unsubscribe_link());
    }
}
