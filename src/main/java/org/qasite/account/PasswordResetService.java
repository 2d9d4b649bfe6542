package org.qasite.account;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.limit.ClientAddress;
import org.qasite.limit.RateLimiter;
import org.qasite.member.Member;
import org.qasite.member.MemberConfig;
import org.qasite.member.PasswordPolicy;
import org.qasite.refusal.InputValidator;
import org.qasite.text.InputText;
import org.qasite.text.i18n.Refusals;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Password reset by mail. A request does the same for every address, a member's or not: it records an event, and the
 * {@code account-mail} consumer finds the member, makes the link and queues the mail. So the answer and its time say
 * nothing about which addresses have accounts.
 */
@ApplicationScoped
public class PasswordResetService {

    private final InputValidator validator;
    private final RateLimiter rateLimiter;
    private final Outbox outbox;
    private final AccountTokens tokens;
    private final PasswordPolicy passwords;
    private final MemberConfig memberConfig;

    PasswordResetService(InputValidator validator, RateLimiter rateLimiter, Outbox outbox, AccountTokens tokens,
            PasswordPolicy passwords, MemberConfig memberConfig) {
        this.validator = validator;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
        this.tokens = tokens;
        this.passwords = passwords;
        this.memberConfig = memberConfig;
    }

    /** Asks for a reset link to the address, from a client at this network address; answers the address as read. */
    @Transactional
    public String request(String rawEmail, String clientAddress) {
        ForgotInput input = new ForgotInput(InputText.line(rawEmail));
        validator.check(validator.errors(input));
        rateLimiter.acquire(RateLimiter.Action.PASSWORD_RESET, ClientAddress.network(clientAddress));
        outbox.record(EventType.PASSWORD_RESET_REQUESTED, new Payloads.PasswordResetRequested(input.email()));
        return input.email();
    }

    /** The member whose valid reset link this is; refused with what is wrong with the link otherwise. */
    @Transactional
    public Member check(String token) {
        AccountToken row = validLink(token);
        return Member.findById(row.memberId);
    }

    /**
     * Sets the password of the link's member and uses the link up; answers the member, whose sessions the caller ends.
     * A refused password leaves the link as it was.
     */
    @Transactional
    public Member reset(String token, String password, String passwordConfirm) {
        AccountToken row = validLink(token);
        Member member = Member.findById(row.memberId);
        Map<String, String> errors = new LinkedHashMap<>();
        String problem = passwords.problem(password, member.username, member.email);
        if (problem != null) {
            errors.put("password", problem);
        } else if (!password.equals(passwordConfirm)) {
            errors.put("password_confirm", Refusals.now().passwords_differ());
        }
        validator.check(errors);
        if (!tokens.use(row)) {
            throw LinkRefusal.of(AccountToken.State.USED, AccountToken.PASSWORD_RESET);
        }
        member.passwordHash = BcryptUtil.bcryptHash(password, Math.max(12, memberConfig.bcryptCost()));
        if (member.email.equalsIgnoreCase(row.email) && member.emailVerifiedAt == null) {
            member.emailVerifiedAt = java.time.Instant.now(); // the link reached this address
        }
        return member;
    }

    private AccountToken validLink(String token) {
        AccountToken row = tokens.find(token, AccountToken.PASSWORD_RESET);
        if (row == null) {
            throw LinkRefusal.unknown(AccountToken.PASSWORD_RESET);
        }
        if (row.state() != AccountToken.State.VALID) {
            throw LinkRefusal.of(row.state(), AccountToken.PASSWORD_RESET);
        }
        if (Member.findById(row.memberId) == null) {
            throw LinkRefusal.unknown(AccountToken.PASSWORD_RESET);
        }
        return row;
    }
}
