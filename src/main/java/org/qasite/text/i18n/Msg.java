package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The layout's words in English (header, menu, the page scripts' words, times, the right column, the line after a
 * form), used in templates as {msg:key(args)} and checked against the templates when the site is built. The other
 * areas have bundles of their own in this package (question, write, account, settings, inbox, mail, browse,
 * refusal...). Russian: messages/msg_ru.properties, which must have every key (MessageKeysTest).
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    /** The language tag of these words, for {@code <html lang>}. */
    @Message("en")
    String lang();

    // ---- layout (main.html) and error page
    @Message("Skip to content")
    String skip_to_content();

    // ---- the words the page scripts show, on <body> (web/app/words.js reads them; %n, %min, %max are numbers)
    @Message("That did not work. Please try again.")
    String script_retry();

    @Message("The preview is not available right now.")
    String script_preview_unavailable();

    @Message("Draft restored.")
    String script_draft_restored();

    @Message("Discard")
    String script_draft_discard();

    @Message("People of this thread")
    String script_thread_people();

    @Message("%n / %max characters")
    String script_counter();

    @Message("%n / %max characters (at least %min)")
    String script_counter_short();

    @Message("Toggle navigation")
    String nav_toggle();

    @Message("New")
    String nav_new();

    @Message("Hot")
    String nav_hot();

    @Message("Unanswered")
    String nav_unanswered();

    @Message("Tags")
    String nav_tags();

    @Message("Users")
    String nav_users();

    @Message("Ask a question")
    String nav_ask();

    @Message("Search questions")
    String search_label();

    @Message("Search…")
    String search_placeholder();

    @Message("Suggestions")
    String search_suggestions();

    @Message("Admin")
    String nav_admin();

    @Message("Notifications")
    String nav_notifications();

    @Message("unread")
    String nav_unread();

    @Message("Settings")
    String nav_settings();

    @Message("Log out")
    String nav_logout();

    @Message("Log in")
    String nav_login();

    @Message("Sign up")
    String nav_signup();

    @Message("Go to the newest questions")
    String error_home_link();

    // ---- relative and exact times
    @Message("just now")
    String ago_now();

    @Message("{n} {#if n == 1}minute{#else}minutes{/if} ago")
    String ago_minutes(long n);

    @Message("{n} {#if n == 1}hour{#else}hours{/if} ago")
    String ago_hours(long n);

    @Message("yesterday")
    String ago_yesterday();

    @Message("{n} {#if n == 1}day{#else}days{/if} ago")
    String ago_days(long n);

    @Message("{n} {#if n == 1}month{#else}months{/if} ago")
    String ago_months(long n);

    @Message("{n} {#if n == 1}year{#else}years{/if} ago")
    String ago_years(long n);

    /** A pattern of java.time's DateTimeFormatter for the exact time, in UTC. */
    @Message("yyyy-MM-dd HH:mm:ss 'UTC'")
    String exact_pattern();

    // ---- the right column
    @Message("Popular tags")
    String widget_popular_tags();

    @Message("No questions in the last 3 months.")
    String widget_no_questions();

    @Message("Best members this week")
    String widget_best_members();

    @Message("No posts in the last 7 days.")
    String widget_no_posts();

    // ---- the line shown after a form's redirect (flash)
    @Message("You are logged out everywhere: {n} {#if n == 1}session{#else}sessions{/if} ended. Log in again to go on.")
    String flash_logged_out_everywhere(int n);

    @Message("The session is ended: that browser is logged out.")
    String flash_session_ended();

    @Message("Log in to end your sessions.")
    String sessions_login();

    @Message("Your account is deleted. Your questions and answers stay, under “{name}”.")
    String flash_account_deleted(String name);

    @Message("If an account uses {address}, a link to choose a new password is on its way there (look in the spam folder too).")
    String flash_reset_sent(String address);

    @Message("Your password is changed, and every session of your account ended. Log in with the new password.")
    String flash_password_reset();

    @Message("The {#if question}question{#else}answer{/if} is rolled back to revision {to}.")
    String flash_rolled_back(boolean question, int to);

    @Message("Your vote is counted.")
    String flash_vote_counted();

    @Message("Please correct the marked fields.")
    String form_correct_fields();

    /** The name a deleted account's posts show; the member row keeps it in English (Member.DELETED_NAME). */
    @Message("deleted member")
    String deleted_member();
}
