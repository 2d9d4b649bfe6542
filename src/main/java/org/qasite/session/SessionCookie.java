package org.qasite.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import jakarta.inject.Singleton;

import org.qasite.secrets.SiteKeys;

/**
 * The session cookie's value: which session and member it is, when the session began and when the cookie was last
 * renewed, encrypted and authenticated with AES-256-GCM under the session key. A value that was changed, made with
 * another key or cut short does not decode.
 */
@Singleton
class SessionCookie {

    /** What a cookie says; {@code renewedAt} is when it was issued or last renewed (the idle deadline runs from it). */
    record Value(UUID sessionId, long memberId, Instant createdAt, Instant renewedAt) {
    }

    private static final byte VERSION = 1;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int PLAIN_LENGTH = 1 + 16 + 8 + 8 + 8;

    private final SecretKey key;
    private final byte[] associatedData;
    private final SecureRandom random = new SecureRandom();

    SessionCookie(SiteKeys keys, SessionConfig config) {
        this.key = keys.key(SiteKeys.Purpose.SESSION_COOKIE, "AES");
        // binds the value to this cookie's name: it cannot be replayed as another cookie of the site
        this.associatedData = config.cookieName().getBytes(StandardCharsets.UTF_8);
    }

    String encode(Value value) {
        ByteBuffer plain = ByteBuffer.allocate(PLAIN_LENGTH).put(VERSION)
                .putLong(value.sessionId().getMostSignificantBits())
                .putLong(value.sessionId().getLeastSignificantBits()).putLong(value.memberId())
                .putLong(value.createdAt().getEpochSecond()).putLong(value.renewedAt().getEpochSecond());
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain.array());
            byte[] out = new byte[IV_LENGTH + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_LENGTH);
            System.arraycopy(sealed, 0, out, IV_LENGTH, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The cookie's content, or null when it is not a cookie this site made with its current key. */
    Value decode(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 200) {
            return null;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cookie);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length != IV_LENGTH + PLAIN_LENGTH + TAG_BITS / 8) {
            return null;
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_LENGTH));
            cipher.updateAAD(associatedData);
            plain = cipher.doFinal(raw, IV_LENGTH, raw.length - IV_LENGTH);
        } catch (GeneralSecurityException e) {
            return null; // changed, or sealed with another key
        }
        ByteBuffer in = ByteBuffer.wrap(plain);
        if (in.get() != VERSION) {
            return null;
        }
        UUID id = new UUID(in.getLong(), in.getLong());
        long memberId = in.getLong();
        Instant created = Instant.ofEpochSecond(in.getLong());
        Instant renewed = Instant.ofEpochSecond(in.getLong());
        return new Value(id, memberId, created, renewed);
    }
}
