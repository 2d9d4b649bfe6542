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

import org.qasite.member.MailFrequency;
import org.qasite.member.NotificationKind;
import org.qasite.secrets.SiteKeys;
import org.qasite.web.Site;

/**
 * Signed one-click unsubscribe links, one per kind of notification and one per digest:
 * {@code /unsubscribe/{memberId}/{signature}} for mail about answers to one's questions,
 * {@code /unsubscribe-comments/{memberId}/{signature}} for mail about comments (the two paths of the mail sent before
 * there were more kinds), {@code /unsubscribe-<kind>/...} for the other kinds and {@code /unsubscribe-daily/...},
 * {@code /unsubscribe-weekly/...} for the digests. They need no login and do not expire; the HMAC makes them impossible
 * to forge for another member, and each topic's signature works for that topic alone.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** What a link unsubscribes from: one kind of notification, or one digest. */
    public enum Topic {
        ANSWERS("answers", NotificationKind.ANSWER, null, "/unsubscribe/"),
        FOLLOWED_ANSWERS("followed-answer", NotificationKind.FOLLOWED_ANSWER, null, null),
        COMMENTS("comments", NotificationKind.COMMENT, null, null),
        MENTIONS("mention", NotificationKind.MENTION, null, null),
        ACCEPTED("accepted", NotificationKind.ACCEPTED, null, null),
        TAG_QUESTIONS("tag-question", NotificationKind.TAG_QUESTION, null, null),
        DAILY_DIGEST("daily", null, MailFrequency.DAILY, null),
        WEEKLY_DIGEST("weekly", null, MailFrequency.WEEKLY, null);

        final String purpose;
        final String prefix;
        /** The kind this link switches off, or null for a digest. */
        public final NotificationKind kind;
        /** The digest this link switches off (every kind at that frequency), or null. */
        public final MailFrequency digest;

        Topic(String name, NotificationKind kind, MailFrequency digest, String prefix) {
            this.purpose = "unsubscribe-" + name + ":";
            this.prefix = prefix != null ? prefix : "/unsubscribe-" + name + "/";
            this.kind = kind;
            this.digest = digest;
        }

        /** The path before the member's id: {@code /unsubscribe-mention/}. */
        public String prefix() {
            return prefix;
        }

        public static Topic of(NotificationKind kind) {
            for (Topic topic : values()) {
                if (topic.kind == kind) {
                    return topic;
                }
            }
            throw new IllegalArgumentException("No unsubscribe link for " + kind);
        }

        public static Topic digest(MailFrequency frequency) {
            return switch (frequency) {
                case DAILY -> DAILY_DIGEST;
                case WEEKLY -> WEEKLY_DIGEST;
                default -> throw new IllegalArgumentException("No digest is sent " + frequency.value());
            };
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
