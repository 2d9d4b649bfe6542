package org.qasite.limit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often a member may ask, answer, vote and preview Markdown, and how many accounts one address may make. (Failed
 * logins slow down on their own terms: qa.login.)
 */
@ConfigMapping(prefix = "qa.rate-limit")
public interface RateLimitConfig {

    Limit ask();

    Limit answer();

    /** Comments on questions and answers, counted apart from answers: they are shorter and come faster. */
    Limit comment();

    /** Edits and rollbacks of one's posts: each is a revision, an event and a new rendering for every reader. */
    Limit edit();

    Limit vote();

    /** Follows and unfollows of questions and tags: each is cheap, but a script could fill the tables with them. */
    Limit follow();

    /**
     * Accounts made from one address: scripted sign-ups would also get around every per-member limit. Only sign-ups
     * that pass the form's checks count, so a typo costs nothing.
     */
    Limit signup();

    /**
     * Markdown previews per session (a member; a visitor, who has no session, by network address): the editor asks for
     * one when typing pauses, so this only needs to stay above the fastest typing.
     */
    Limit preview();

    /** Markdown previews from one address (an IPv6 /64), all sessions together: several people may share it. */
    Limit previewAddress();

    /**
     * Password reset requests from one address (an IPv6 /64), whatever address they name: a refusal says nothing about
     * which addresses are members'.
     */
    Limit passwordReset();

    /**
     * Reset mails to one account, whoever asks: past it a request is answered as any other and no mail goes out (a
     * refusal would tell that the address is a member's).
     */
    Limit passwordResetAccount();

    /** Links that confirm an address, per member: sent again from the settings, or for a new address. */
    Limit verificationMail();

    /** Pictures uploaded for posts, per member: each one is stored for good. */
    Limit upload();

    interface Limit {
        /** At most this many actions ... */
        @WithDefault("10")
        int limit();

        /** ... in each window of this length. */
        @WithDefault("10M")
        Duration window();
    }
}
