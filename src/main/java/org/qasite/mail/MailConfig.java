package org.qasite.mail;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Mail to members: the queue's schedule and retries, and the key that signs unsubscribe links. */
@ConfigMapping(prefix = "qa.mail")
public interface MailConfig {

    /** How often due mail is looked for and sent. */
    @WithDefault("1s")
    String sendInterval();

    /** Mails sent per round at most. */
    @WithDefault("100")
    int batchSize();

    /** A mail the SMTP server refused this many times is given up (status failed). */
    @WithDefault("12")
    int maxAttempts();

    /** Wait after a failed attempt; doubles with each attempt. */
    @WithDefault("30s")
    Duration retryBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("30m")
    Duration maxBackoff();

    /** How long one mail may take to send before it counts as failed. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Characters of the answer quoted in the mail. */
    @WithDefault("300")
    int excerptLength();

    /**
     * Signs unsubscribe links (HMAC-SHA256). Unset: a key derived from the site's secret for this purpose alone.
     * Changing it breaks the links in mail already sent.
     */
    Optional<String> linkKey();

    /**
     * The key links were signed with before keys were derived per purpose: the site's secret itself. Links signed with
     * it are still accepted (only when {@link #linkKey()} is unset, as it was then), so mail already sent keeps working.
     */
    String earlierLinkKey();
}
