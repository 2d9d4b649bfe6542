package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Settings: password, sessions, email address and deleting the account. English here, Russian in
 * messages/settings_ru.properties (MessageKeysTest checks both have every key).
 */
@MessageBundle(value = "settings", locale = "en")
public interface SettingsMsg {
    // ---- settings: password, sessions, email, deletion
    @Message("Current password")
    String pw_current();

    @Message("New password")
    String pw_new();

    @Message("8 to 72 characters, not easy to guess: a few unrelated words make a strong password.")
    String pw_help();

    @Message("New password again")
    String pw_new_again();

    @Message("Your other sessions end when the password changes; this browser stays logged in.")
    String pw_sessions_end();

    @Message("Change password")
    String pw_submit();

    @Message("Sessions")
    String sessions_heading();

    @Message("Where your account is logged in. A browser you do not know, or no longer use? End its session: it has to log in again.")
    String sessions_help();

    @Message("This browser")
    String sessions_this();

    @Message("Logged in on a computer you no longer use, or lost a phone? End every session of your account, this one included: each browser has to log in again.")
    String sessions_all_help();

    @Message("Log out everywhere")
    String sessions_all();

    @Message("started")
    String sessions_started();

    @Message("last seen")
    String sessions_last_seen();

    @Message("now")
    String sessions_now();

    @Message("End")
    String sessions_end();

    @Message("End the session of {browser} at {address}")
    String sessions_end_label(String browser, String address);

    @Message("Email address")
    String email_heading();

    @Message("is confirmed.")
    String email_confirmed();

    @Message("is not confirmed yet: open the link we mailed to it. Until then the site sends it no mail about answers.")
    String email_unconfirmed();

    @Message("Send the link again")
    String email_resend();

    @Message("Waiting for confirmation:")
    String email_pending_before();

    @Message("becomes your address when you open the link we mailed to it.")
    String email_pending_after();

    @Message("Delete account")
    String delete_heading();

    @Message("Your password")
    String delete_password();

    @Message("Delete my account")
    String delete_submit();

    @Message("Deleting your account cannot be undone. It removes your email address, your display name, your picture and your password: nobody can log in to it any more, and the site sends you no more mail. Every browser logged in to it is logged out.")
    String delete_help();

    @Message("Your questions, answers and votes stay, shown as by “deleted member”, without a link to you. Your username stays reserved: nobody else can sign up with it.")
    String delete_help_posts();
}
