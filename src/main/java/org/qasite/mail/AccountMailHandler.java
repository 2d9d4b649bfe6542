package org.qasite.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.account.AccountToken;
import org.qasite.account.AccountTokens;
import org.qasite.events.EventHandler;
import org.qasite.events.EventType;
import org.qasite.events.Payloads;
import org.qasite.events.StreamEvent;
import org.qasite.limit.RateLimiter;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Consumer group {@code account-mail}: queues the mails of accounts (a reset link, a link that confirms an address, the
 * notice to an old address). The link's token is made here, not in the request: the event carries no secret, and a
 * request for an address nobody has costs the same as one for a member's. The mail log's unique event id makes a
 * second delivery a no-op, token included; the {@link MailSender} sends what is queued.
 */
@ApplicationScoped
class AccountMailHandler implements EventHandler {

    static final String GROUP = "account-mail";

    private final EntityManager em;
    private final ObjectMapper json;
    private final AccountTokens tokens;
    private final TokenSeal seal;
    private final RateLimiter rateLimiter;

    AccountMailHandler(EntityManager em, ObjectMapper json, AccountTokens tokens, TokenSeal seal,
            RateLimiter rateLimiter) {
        this.em = em;
        this.json = json;
        this.tokens = tokens;
        this.seal = seal;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    @Transactional
    public void handle(StreamEvent event) throws Exception {
        if (event.is(EventType.PASSWORD_RESET_REQUESTED)) {
            var request = json.readValue(event.payload(), Payloads.PasswordResetRequested.class);
            Member member = Member.findByEmail(request.email()).orElse(null);
            if (member != null) {
                queueLink(event, MailLog.KIND_PASSWORD_RESET, member, member.email, AccountToken.PASSWORD_RESET);
            }
        } else if (event.is(EventType.EMAIL_VERIFICATION_REQUESTED)) {
            var request = json.readValue(event.payload(), Payloads.EmailVerificationRequested.class);
            Member member = Member.findById(request.memberId());
            if (member != null && member.isDeleted()) {
                return; // the account is gone: no link, no mail
            }
            boolean current = member != null && member.email.equalsIgnoreCase(request.email());
            // nothing to confirm: confirmed already, or an address another member took meanwhile
            if (member != null && !(current && member.isEmailVerified())
                    && (current || !Member.existsEmail(request.email(), member.id))) {
                queueLink(event, MailLog.KIND_EMAIL_VERIFICATION, member, request.email(),
                        AccountToken.EMAIL_VERIFICATION);
            }
        } else if (event.is(EventType.EMAIL_CHANGED)) {
            var change = json.readValue(event.payload(), Payloads.EmailChanged.class);
            queue(event, MailLog.KIND_EMAIL_CHANGED, change.memberId(), change.oldEmail());
        }
    }

    /** Queues a mail with a new link; a reset link only within the account's limit (else the request is dropped). */
    private void queueLink(StreamEvent event, String kind, Member member, String recipient, String purpose) {
        MailLog mail = queue(event, kind, member.id, recipient);
        if (mail == null) {
            return;
        }
        if (MailLog.KIND_PASSWORD_RESET.equals(kind)) {
            try {
                rateLimiter.acquire(RateLimiter.Action.PASSWORD_RESET_ACCOUNT, member.id);
            } catch (QaException e) {
                // The requester was told the same as for any address: a refusal here would tell that it is a member's.
                mail.status = MailLog.SKIPPED;
                mail.lastError = e.getMessage();
                return;
            }
        }
        AccountTokens.Issued issued = tokens.issue(purpose, member.id, recipient);
        mail.tokenId = issued.id();
        mail.sealedToken = seal.seal(issued.id(), issued.token());
    }

    /** The event's mail row, new; null when the event was handled before. */
    private MailLog queue(StreamEvent event, String kind, long memberId, String recipient) {
        int inserted = em.createNativeQuery("""
                INSERT INTO mail_log (event_id, kind, recipient_id, recipient)
                SELECT ?1, ?2, m.id, ?4 FROM member m WHERE m.id = ?3
                ON CONFLICT (event_id) DO NOTHING
                """)
                .setParameter(1, event.eventId())
                .setParameter(2, kind)
                .setParameter(3, memberId)
                .setParameter(4, recipient)
                .executeUpdate();
        return inserted == 1 ? MailLog.findByEventId(event.eventId()) : null;
    }
}
