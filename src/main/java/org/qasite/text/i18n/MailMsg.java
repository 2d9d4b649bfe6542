package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the mails about comments and accounts, in English, used as {mail:key(args)} in the mail templates.
 * Russian: messages/mail_ru.properties (MessageKeysTest checks both have every key). A mail is in its recipient's
 * language (Member.mailLocale()), not the language of the request that queued it.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMsg {

    // ---- a new comment
    @Message("New comment on {#if onAnswer}your answer to {/if}{title}")
    String comment_title(boolean onAnswer, String title);

    @Message("New comment on your {#if onAnswer}answer to{#else}question{/if} \"{title}\"")
    String comment_subject(boolean onAnswer, String title);

    @Message("{name}")
    String comment_by(String name);

    @Message("commented on your {#if onAnswer}answer to{#else}question{/if}")
    String comment_after(boolean onAnswer);

    @Message("Read the comment")
    String comment_read();

    @Message("You get this mail because you posted on")
    String comment_because_before();

    @Message("from mail about new comments (no login needed).")
    String comment_unsubscribe_after();

    @Message("Unsubscribe from mail about new comments (no login needed)")
    String comment_unsubscribe();

    // ---- password reset
    @Message("Reset your password on {site}")
    String reset_subject(String site);

    @Message("Someone asked to reset the password of your account")
    String reset_asked();

    @Message("on")
    String on_site();

    @Message("To choose a new password, follow this link within {validFor}:")
    String reset_follow(String validFor);

    @Message("Choose a new password")
    String reset_button();

    @Message("Or copy this address into your browser:")
    String reset_copy();

    @Message("The link works once, and only the newest link you asked for works. Setting a new password logs you out everywhere.")
    String reset_once();

    @Message("If you did not ask for this, ignore this mail: your password stays as it is.")
    String reset_ignore();

    @Message("Link expired?")
    String reset_expired();

    @Message("Ask for a new one")
    String reset_ask_new();

    // ---- email address changed
    @Message("The email address of your account on {site} changed")
    String changed_subject(String site);

    @Message("The email address of your account")
    String changed_address();

    @Message("is now")
    String changed_now();

    @Message("This address gets no more mail from {site}.")
    String changed_no_more(String site);

    @Message("If you did not make this change, someone else may have your password: contact the administrators of")
    String changed_not_you();

    @Message("at once.")
    String changed_at_once();
}
