package org.qasite.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.web.Site;

/**
 * Signed one-click unsubscribe links: {@code /unsubscribe/{memberId}/{signature}}. They need no login and do not
 * expire; the HMAC makes them impossible to forge for another member.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    private static final String PURPOSE = "unsubscribe-answers:";
    /** 128 bits of the HMAC, base64url: short enough for a link, far too long to guess. */
    private static final int SIGNATURE_BYTES = 16;

    private final SecretKeySpec key;
    private final Site site;

    UnsubscribeLinks(MailConfig config, Site site) {
        this.key = new SecretKeySpec(config.linkKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.site = site;
    }

    public String url(long memberId) {
        return site.absoluteUrl(path(memberId));
    }

    public String path(long memberId) {
        return "/unsubscribe/" + memberId + "/" + signature(memberId);
    }

    public boolean verify(long memberId, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = signature(memberId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(long memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((PURPOSE + memberId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, SIGNATURE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
