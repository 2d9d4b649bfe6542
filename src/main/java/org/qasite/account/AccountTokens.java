package org.qasite.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.member.Member;

/**
 * Makes and checks the tokens of account links: 256 random bits, of which the database keeps only the SHA-256 hash
 * (a copy of the table opens no account). A new link of a purpose replaces the member's older ones of that purpose.
 */
@ApplicationScoped
public class AccountTokens {

    /** A token as it is sent: 32 bytes, base64url without padding. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A new link: its row and the token to put in the mail (nowhere else). */
    public record Issued(long id, String token) {
    }

    private final AccountConfig config;
    private final EntityManager em;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(AccountConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    /** A new link of this purpose for the member and address; the member's earlier ones of the purpose stop working. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(String purpose, long memberId, String email) {
        em.createNativeQuery("UPDATE account_token SET replaced_at = now() WHERE member_id = ?1 AND purpose = ?2"
                + " AND used_at IS NULL AND replaced_at IS NULL").setParameter(1, memberId).setParameter(2, purpose)
                .executeUpdate();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        AccountToken row = new AccountToken();
        row.purpose = purpose;
        row.memberId = memberId;
        row.email = email;
        row.tokenHash = hash(token);
        row.expiresAt = Instant.now().plus(AccountToken.PASSWORD_RESET.equals(purpose) ? config.resetLinkLifetime()
                : config.verificationLinkLifetime());
        row.persist();
        return new Issued(row.id, token);
    }

    /** Whether the link of this row still works: a mail whose link does not is not worth sending. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isValid(long id) {
        AccountToken row = AccountToken.findById(id);
        return row != null && row.state() == AccountToken.State.VALID && ofLiveMember(row);
    }

    /** The row of a token as a link carried it, of this purpose; null when there is none (unknown, altered, garbage). */
    @Transactional(Transactional.TxType.MANDATORY)
    AccountToken find(String token, String purpose) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return null;
        }
        AccountToken row = AccountToken.findByHash(hash(token));
        return row != null && row.purpose.equals(purpose) && ofLiveMember(row) ? row : null;
    }

    /** A link of an account deleted since opens nothing, and its mail is not sent. */
    private static boolean ofLiveMember(AccountToken row) {
        Member member = Member.findById(row.memberId);
        return member != null && !member.isDeleted();
    }

    /**
     * Marks the token used, in the caller's transaction, if it is still valid: of two requests with one token (a double
     * click, a copy), one wins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean use(AccountToken row) {
        int used = em.createNativeQuery("UPDATE account_token SET used_at = now() WHERE id = ?1 AND used_at IS NULL"
                + " AND replaced_at IS NULL AND expires_at > now()").setParameter(1, row.id).executeUpdate();
        return used == 1;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
