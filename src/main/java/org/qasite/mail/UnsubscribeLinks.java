package org.qasite.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.qasite.secrets.SiteKeys;
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

    private final SecretKey key;
    /** The key of links sent before keys were derived per purpose (the site's secret itself): still honoured. */
    private final SecretKey earlierKey;
    private final Site site;

    UnsubscribeLinks(MailConfig config, SiteKeys keys, Site site) {
        this.key = config.linkKey().<SecretKey> map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .orElseGet(() -> keys.key(SiteKeys.Purpose.MAIL_LINKS, "HmacSHA256"));
        this.earlierKey = config.linkKey().isPresent() ? null
                : new SecretKeySpec(config.earlierLinkKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        boolean current = MessageDigest.isEqual(signature(key, memberId).getBytes(StandardCharsets.US_ASCII), given);
        return current || earlierKey != null
                && MessageDigest.isEqual(signature(earlierKey, memberId).getBytes(StandardCharsets.US_ASCII), given);
    }

    private String signature(long memberId) {
        return signature(key, memberId);
    }

    private static String signature(SecretKey key, long memberId) {
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
