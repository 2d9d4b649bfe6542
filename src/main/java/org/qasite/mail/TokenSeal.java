package org.qasite.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import jakarta.inject.Singleton;

import org.qasite.secrets.SiteKeys;

/**
 * Seals the token of an account link while its mail waits in the queue (AES-256-GCM, a key of its own): the database
 * holds the token only in this form, and only until the mail is sent. The seal is bound to the token's row, so it
 * cannot be moved to another mail.
 */
@Singleton
class TokenSeal {

    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    TokenSeal(SiteKeys keys) {
        this.key = keys.key(SiteKeys.Purpose.ACCOUNT_MAIL_TOKENS, "AES");
    }

    String seal(long tokenId, String token) {
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, tokenId, iv);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[IV_LENGTH + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_LENGTH);
            System.arraycopy(sealed, 0, out, IV_LENGTH, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The token, or null when the seal was changed, made for another row or with another key. */
    String open(long tokenId, String sealed) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(sealed);
            if (raw.length <= IV_LENGTH) {
                return null;
            }
            byte[] iv = java.util.Arrays.copyOf(raw, IV_LENGTH);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, tokenId, iv);
            return new String(cipher.doFinal(raw, IV_LENGTH, raw.length - IV_LENGTH), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private Cipher cipher(int mode, long tokenId, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("account_token:" + tokenId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
