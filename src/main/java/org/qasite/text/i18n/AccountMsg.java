package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The lines the account pages leave after a form (a changed password, a confirmation link sent again), in English.
 * Russian: messages/account_ru.properties.
 */
@MessageBundle(value = "account", locale = "en")
public interface AccountMsg {

    @Message("Your password is changed.{#if ended == 1} Your 1 other session is ended.{#else if ended > 1} Your {ended} other sessions are ended.{/if}")
    String password_changed(int ended);

    @Message("A new link is on its way to {email}. Only the newest link works.")
    String verification_sent(String email);

    @Message("Your email address is confirmed already.")
    String email_confirmed_already();

    // ---- account pages
    @Message("Forgot password")
    String forgot_title();

    @Message("Forgot your password?")
    String forgot_heading();

    @Message("Enter the email address of your account: we mail it a link to choose a new password.")
    String forgot_help();

    @Message("Mail me a link")
    String forgot_submit();

    @Message("Back to log in")
    String forgot_back();

    @Message("Choose a new password")
    String reset_title();

    @Message("Set the new password")
    String reset_submit();

    @Message("For the account")
    String reset_for();

    @Message("Every session of the account ends: you log in again with the new password.")
    String reset_sessions();

    @Message("Email address confirmed")
    String confirmed_title();

    @Message("Back to your settings")
    String confirmed_back();

    @Message("Your account now uses")
    String confirmed_changed();

    @Message("is confirmed")
    String confirmed_is();

    @Message("mail from the site goes there.")
    String confirmed_mail_goes();

    @Message("This link does not work")
    String link_refused_title();

    @Message("Ask for a new link")
    String link_refused_new();

    @Message("Logged in, you can send a new link from your")
    String link_refused_settings();

    @Message("settings")
    String link_refused_settings_link();

    // ---- login, signup, settings
    @Message("Username")
    String form_username();

    @Message("Email")
    String form_email();

    @Message("Password")
    String form_password();

    @Message("Wrong username or password.")
    String login_failed();

    @Message("Forgot password?")
    String login_forgot();

    @Message("New here?")
    String login_new_here();

    @Message("Password again")
    String signup_password_again();

    @Message("At least 8 characters; not a common password, and not your username or email address. A few unrelated words make a strong one.")
    String signup_password_help();

    @Message("Picture (optional)")
    String signup_picture();

    @Message("PNG, JPEG, GIF or WebP, at most 1 MB.")
    String picture_help();

    @Message("Create my account")
    String signup_submit();

    @Message("Already a member?")
    String signup_already();

    @Message("Display name")
    String settings_display_name();

    @Message("Your picture")
    String settings_your_picture();

    @Message("New picture")
    String settings_new_picture();

    @Message("Remove my picture")
    String settings_remove_picture();

    @Message("Language")
    String settings_language();

    @Message("Automatic (as your browser asks)")
    String settings_language_auto();

    @Message("The site and its mail come in this language.")
    String settings_language_help();

    @Message("Email me about")
    String settings_mail_legend();

    @Message("Everything also appears in your")
    String settings_mail_help_before();

    @Message("notifications")
    String settings_mail_help_link();

    @Message(". Digests list what you have not read yet, grouped by question.")
    String settings_mail_help_after();

    /** A kind of notification (member.NotificationKind, by its name) in the settings' mail choices. */
    @Message("{#if kind == 'ANSWER'}A new answer to my question{#else if kind == 'FOLLOWED_ANSWER'}A new answer to a question I follow"
            + "{#else if kind == 'COMMENT'}A comment on my question or answer{#else if kind == 'MENTION'}A comment that mentions me"
            + "{#else if kind == 'ACCEPTED'}My answer accepted{#else}A new question in a tag I follow{/if}")
    String mail_kind(String kind);

    /** How often mail comes (member.MailFrequency, by its name). */
    @Message("{#if frequency == 'INSTANT'}Instantly{#else if frequency == 'DAILY'}Daily digest"
            + "{#else if frequency == 'WEEKLY'}Weekly digest{#else}Never{/if}")
    String mail_frequency(String frequency);

    @Message("Save")
    String form_save();

    @Message("Log in to change your settings.")
    String settings_login();

    @Message("Your settings are saved.")
    String settings_saved();

    @Message("Your settings are saved. A link is on its way to {email}: your address changes when you open it.")
    String settings_saved_email(String email);

    @Message("Welcome, {username}! Your account is ready{#if loggedIn} and you are logged in{#else}: log in to start{/if}. A link to confirm your email address is on its way to {email}.")
    String signup_welcome(String username, boolean loggedIn, String email);

    // ---- refusals of the member forms (made in Java)
    @Message("This name is reserved for the site. Choose another one.")
    String name_reserved();

    @Message("The two passwords differ.")
    String passwords_differ();

    @Message("This username is taken. Choose another one.")
    String username_taken();

    @Message("An account with this email address exists already.")
    String email_exists();

    @Message("This username or email address was just taken. Choose another one.")
    String username_just_taken();

    @Message("Another account uses this email address.")
    String email_used();

    @Message("Another member uses this name. Choose another one.")
    String name_in_use();

    @Message("Choose a password.")
    String password_required();

    @Message("The password must be 8 to 72 characters long.")
    String password_length();

    @Message("The password is too long: at most 72 bytes (fewer characters outside ASCII).")
    String password_bytes();

    @Message("The password must not contain your username.")
    String password_has_username();

    @Message("The password must not contain your email address.")
    String password_has_email();

    @Message("This password is too easy to guess: it is a common password or close to one (a word with digits, a keyboard row, a date). Choose another one; a few unrelated words make a strong password.")
    String password_weak();

}
