package org.qasite.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.qasite.member.CurrentMember;

import io.quarkus.logging.Log;

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
            try {
                count = member == null ? 0L : inbox.unread(member);
            } catch (RuntimeException e) {
                // the page itself matters more than its badge; the script's socket brings the count when it can
                Log.debugf("Unread count not read: %s", e.getMessage());
                count = 0L;
            }
        }
        return count;
    }

    /** What the badge shows: the count ({@code 99+} from {@link Inbox#UNREAD_CAP} on), or nothing at 0. */
    public String getText() {
        long n = getCount();
        return n == 0 ? "" : Inbox.unreadText(n);
    }
}
