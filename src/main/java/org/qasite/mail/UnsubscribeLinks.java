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
 * Signed one-click unsubscribe links: {@code /unsubscribe/{memberId}/{signature}} for mail about answers,
 * {@code /unsubscribe-comments/{memberId}/{signature}} for mail about comments. They need no login and do not expire;
 * the HMAC makes them impossible to forge for another member, and each kind's signature works for that kind alone.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** What a link unsubscribes from. */
    public enum Topic {
        ANSWERS("unsubscribe-answers:", "/unsubscribe/"),
        COMMENTS("unsubscribe-comments:", "/unsubscribe-comments/");

        final String purpose;
        final String prefix;

        Topic(String purpose, String prefix) {
            this.purpose = purpose;
            this.prefix = prefix;
        }
    }

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
        return url(Topic.ANSWERS, memberId);
    }

    public String path(long memberId) {
        return path(Topic.ANSWERS, memberId);
    }

    public boolean verify(long memberId, String signature) {
        return verify(Topic.ANSWERS, memberId, signature);
    }

    public String url(Topic topic, long memberId) {
        return site.absoluteUrl(path(topic, memberId));
    }

    public String path(Topic topic, long memberId) {
        return topic.prefix + memberId + "/" + signature(key, topic, memberId);
    }

    public boolean verify(Topic topic, long memberId, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        boolean current = MessageDigest.isEqual(signature(key, topic, memberId).getBytes(StandardCharsets.US_ASCII),
                given);
        // Only links about answers were sent before keys were derived per purpose.
        return current || topic == Topic.ANSWERS && earlierKey != null && MessageDigest
                .isEqual(signature(earlierKey, topic, memberId).getBytes(StandardCharsets.US_ASCII), given);
    }

    private static String signature(SecretKey key, Topic topic, long memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((topic.purpose + memberId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, SIGNATURE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
