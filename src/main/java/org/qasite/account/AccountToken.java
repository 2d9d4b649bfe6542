package org.qasite.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The link of an account mail, known by the hash of its token alone. */
@Entity
@Table(name = "account_token")
public class AccountToken extends PanacheEntityBase {

    public static final String PASSWORD_RESET = "password-reset";
    public static final String EMAIL_VERIFICATION = "email-verification";

    /** What a link is worth when it is opened. */
    public enum State {
        VALID,
        EXPIRED,
        USED,
        REPLACED
    }

    @Id
    @SequenceGenerator(name = "account_token_seq", sequenceName = "account_token_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_token_seq")
    public Long id;

    public String purpose;

    @Column(name = "member_id")
    public long memberId;

    @Column(columnDefinition = "citext")
    public String email;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    public State state() {
        if (usedAt != null) {
            return State.USED;
        }
        if (replacedAt != null) {
            return State.REPLACED;
        }
        return expiresAt.isAfter(Instant.now()) ? State.VALID : State.EXPIRED;
    }

    static AccountToken findByHash(byte[] hash) {
        return find("tokenHash", hash).firstResult();
    }

    /** The member's latest open link that would confirm an address other than the member's own: a pending change. */
    static AccountToken findPendingChange(long memberId, String currentEmail) {
        return find("memberId = ?1 and purpose = ?2 and email <> ?3 and usedAt is null and replacedAt is null"
                + " and expiresAt > ?4 order by id desc", memberId, EMAIL_VERIFICATION, currentEmail, Instant.now())
                .firstResult();
    }
}
