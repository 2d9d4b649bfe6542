package org.qasite.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.qasite.member.CurrentMember;

/** The header's count of the member's unread notifications: read once per page, and only for a member. */
@Named("unread")
@RequestScoped
public class UnreadBadge {

    private final CurrentMember me;
    private final Inbox inbox;
    private Long count;

    UnreadBadge(CurrentMember me, Inbox inbox) {
        this.me = me;
        this.inbox = inbox;
    }

    /** The unread count, 0 for a visitor. */
    public long getCount() {
        if (count == null) {
            Long member = me.id();
            count = member == null ? 0L : inbox.unread(member);
        }
        return count;
    }

    /** What the badge shows: the count, or nothing at 0. */
    public String getText() {
        long n = getCount();
        return n == 0 ? "" : Long.toString(n);
    }
}
