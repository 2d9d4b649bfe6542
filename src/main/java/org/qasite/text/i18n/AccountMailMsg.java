package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The account mails: the address confirmation, the password reset and the notice of a changed address, in the
 * recipient's language. Russian: messages/accountmail_ru.properties (MessageKeysTest checks both have every key).
 */
@MessageBundle(value = "accountmail", locale = "en")
public interface AccountMailMsg {
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

    // ---- account mail
    @Message("Confirm your email address on {site}")
    String verify_subject(String site);

    @Message("You asked to use")
    String verify_change_before();

    @Message("as the email address of your account on")
    String verify_account_on();

    @Message("The change takes effect when you confirm it within {validFor}:")
    String verify_change_within(String validFor);

    @Message("Please confirm that")
    String verify_confirm_before();

    @Message("is the email address of your account on")
    String verify_is_account_on();

    @Message("Follow this link within {validFor}:")
    String verify_follow_within(String validFor);

    @Message("Confirm my address")
    String verify_button();

    @Message("Or copy this address into your browser:")
    String mail_copy_link();

    @Message("Until the address is confirmed, {site} sends no mail about answers to it.")
    String verify_until(String site);

    @Message("If you did not ask for this, ignore this mail: nothing changes.")
    String verify_ignore();

    @Message("{n} {#if n == 1}hour{#else}hours{/if}")
    String duration_hours(long n);

    @Message("{n} {#if n == 1}minute{#else}minutes{/if}")
    String duration_minutes(long n);
}
