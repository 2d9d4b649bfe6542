package org.qasite.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Gives and takes the administrator role; the make-admin command calls it, the site itself never does. */
@ApplicationScoped
public class Admins {

    public enum Outcome {
        GRANTED,
        ALREADY_ADMIN,
        REVOKED,
        NOT_ADMIN,
        NO_SUCH_MEMBER
    }

    /** What happened, and the sentence that tells the operator. */
    public record Change(Outcome outcome, String message) {
        public boolean failed() {
            return outcome == Outcome.NO_SUCH_MEMBER;
        }
    }

    @Transactional
    public Change grant(String username) {
        Member member = Member.findByUsername(username).orElse(null);
        if (member == null) {
            return noSuchMember(username);
        }
        if (member.isAdmin()) {
            return new Change(Outcome.ALREADY_ADMIN, member.username + " is an administrator already; nothing changed.");
        }
        member.role = Member.ROLE_ADMIN;
        return new Change(Outcome.GRANTED,
                member.username + " is now an administrator: the stream dashboard is at /admin/streams.");
    }

    @Transactional
    public Change revoke(String username) {
        Member member = Member.findByUsername(username).orElse(null);
        if (member == null) {
            return noSuchMember(username);
        }
        if (!member.isAdmin()) {
            return new Change(Outcome.NOT_ADMIN, member.username + " is not an administrator; nothing changed.");
        }
        member.role = Member.ROLE_MEMBER;
        return new Change(Outcome.REVOKED, member.username + " is no longer an administrator.");
    }

    private static Change noSuchMember(String username) {
        return new Change(Outcome.NO_SUCH_MEMBER, "There is no member \u201C" + username + "\u201D. Members sign up "
                + "on the site first; usernames are compared without case.");
    }
}
