package org.qasite.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The site's keys, one per purpose, all derived from the one configured secret ({@code QA_SESSION_KEY}) with HKDF: a
 * key that leaks through one use (a visitor hash, a mail link) tells nothing about the others, and operators keep a
 * single secret. Changing a purpose's label changes its key.
 */
@Singleton
public class SiteKeys {

    /** What each key is for; the label is the HKDF "info" and must never change once in use. */
    public enum Purpose {
        /** Encrypts and authenticates the session cookie (AES-256-GCM). */
        SESSION_COOKIE("qa-site session cookie v1"),
        /** Signs the one-click unsubscribe links in mail (HMAC-SHA256). */
        MAIL_LINKS("qa-site mail links v1"),
        /** Makes visitors' addresses opaque for view counts and presence (HMAC-SHA256). */
        VISITORS("qa-site visitors v1"),
        /** Makes the browsers and addresses that logged in to an account opaque (HMAC-SHA256). */
        KNOWN_DEVICES("qa-site known devices v1"),
        /** Seals the token of an account mail's link (AES-256-GCM) while the mail waits in the queue. */
        ACCOUNT_MAIL_TOKENS("qa-site account mail tokens v1");

        final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    /** A fixed salt: the secret is already high-entropy; the salt only separates this site's use of it. */
    private static final byte[] SALT = "qa-site key derivation".getBytes(StandardCharsets.UTF_8);
    static final int MIN_SECRET_LENGTH = 32;

    private final byte[] pseudoRandomKey;

    @Inject
    SiteKeys(SecretConfig config) {
        this(config.key());
    }

    SiteKeys(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("QA_SESSION_KEY (qa.secrets.key) must be at least " + MIN_SECRET_LENGTH
                    + " characters long: every key of the site is derived from it.");
        }
        this.pseudoRandomKey = Hkdf.extract(SALT, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** 32 bytes of key material for the purpose; the same on every instance that shares the secret. */
    public byte[] bytes(Purpose purpose) {
        return Hkdf.expand(pseudoRandomKey, purpose.label.getBytes(StandardCharsets.UTF_8), 32);
    }

    /** The purpose's key for an algorithm: "HmacSHA256" (signatures, keyed hashes) or "AES" (encryption). */
    public SecretKey key(Purpose purpose, String algorithm) {
        byte[] bytes = bytes(purpose);
        try {
            return new SecretKeySpec(bytes, algorithm);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
