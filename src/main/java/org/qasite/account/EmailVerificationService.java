package org.qasite.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.limit.RateLimiter;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

/**
 * Confirms members' addresses by a link mail (sent at sign-up, on request, and for a new address in the settings). A
 * new address replaces the old one only when its link is opened; the old address then gets a notice.
 */
@ApplicationScoped
public class EmailVerificationService {

    /** What a confirmed link did: the address it confirmed, and whether that changed the member's address. */
    public record Confirmed(Member member, String email, boolean changed) {
    }

    private final AccountTokens tokens;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;

    EmailVerificationService(AccountTokens tokens, Outbox outbox, RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
    }

    /** Sends the member a new link for the current address (a few an hour); false when it is confirmed already. */
    @Transactional
    public boolean sendAgain(long memberId) {
        Member member = Member.findById(memberId);
        if (member == null) {
            throw QaException.notFound(Refusals.now().account_gone());
        }
        if (member.isEmailVerified()) {
            return false;
        }
        rateLimiter.acquire(RateLimiter.Action.VERIFICATION_MAIL, memberId);
        outbox.record(EventType.EMAIL_VERIFICATION_REQUESTED,
                new Payloads.EmailVerificationRequested(memberId, member.email));
        return true;
    }

    /** Confirms the address the link was sent to; refused with what is wrong with the link. */
    @Transactional
    public Confirmed confirm(String token) {
        AccountToken row = tokens.find(token, AccountToken.EMAIL_VERIFICATION);
        if (row == null) {
            throw LinkRefusal.unknown(AccountToken.EMAIL_VERIFICATION);
        }
        Member member = Member.findById(row.memberId);
        if (member == null) {
            throw LinkRefusal.unknown(AccountToken.EMAIL_VERIFICATION);
        }
        if (row.state() == AccountToken.State.USED && member.email.equalsIgnoreCase(row.email)
                && member.isEmailVerified()) {
            return new Confirmed(member, row.email, false); // opened again (or by a mail scanner first): still true
        }
        if (row.state() != AccountToken.State.VALID) {
            throw LinkRefusal.of(row.state(), AccountToken.EMAIL_VERIFICATION);
        }
        boolean change = !member.email.equalsIgnoreCase(row.email);
        if (change && Member.existsEmail(row.email, member.id)) {
            throw QaException.conflict(Refusals.now().email_taken_now_stays(row.email, member.email));
        }
        if (!tokens.use(row)) {
            throw LinkRefusal.of(AccountToken.State.USED, AccountToken.EMAIL_VERIFICATION);
        }
        String oldEmail = member.email;
        boolean oldVerified = member.isEmailVerified();
        member.email = row.email;
        member.emailVerifiedAt = Instant.now();
        try {
            member.flush();
        } catch (PersistenceException e) {
            throw QaException.conflict(Refusals.now().email_taken_now(row.email));
        }
        // An address that was never confirmed may not be the member's: it gets no notice.
        if (change && oldVerified) {
            outbox.record(EventType.EMAIL_CHANGED, new Payloads.EmailChanged(member.id, oldEmail, row.email));
        }
        return new Confirmed(member, row.email, change);
    }

    /** The new address waiting for its link to be opened, or null. */
    @Transactional
    public String pendingEmail(Member member) {
        AccountToken pending = AccountToken.findPendingChange(member.id, member.email);
        return pending == null ? null : pending.email;
    }
}
