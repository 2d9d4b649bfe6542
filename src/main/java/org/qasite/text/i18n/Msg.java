package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The site's words in English, used in templates as {msg:key(args)} and checked against the templates when the site is
 * built. Russian: messages/msg_ru.properties, which must have every key (MessageKeysTest).
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

    // ---- the question page
    @Message("Asked")
    String question_asked();

    @Message("by")
    String question_by();

    @Message("Viewed {n} {#if count == 1}time{#else}times{/if}")
    String question_viewed(String n, long count);

    @Message("People who have this question open now")
    String question_viewers_title();

    @Message("Live updates paused, reconnecting…")
    String question_live_paused();

    @Message("✓ See the accepted answer")
    String question_see_accepted();

    @Message("Follow")
    String follow_label();

    @Message("{#if n == 1}answer{#else}answers{/if}")
    String answer_noun(int n);

    @Message("Newest")
    String answers_newest();

    @Message("Votes")
    String answers_votes();

    @Message("No answers yet. Do you know the answer?")
    String answers_none();

    @Message("Your answer")
    String answer_yours();

    @Message("This question is deleted: it takes no answers.")
    String answer_question_deleted();

    @Message("Answer (Markdown)")
    String answer_markdown();

    @Message("Post your answer")
    String answer_submit();

    @Message("Log in")
    String answer_login();

    @Message("or")
    String answer_or();

    @Message("sign up")
    String answer_signup();

    @Message(" to answer.")
    String answer_to_answer();

    @Message("Your answer is posted.")
    String answer_posted();

    @Message("Log in to answer.")
    String answer_login_to();

    @Message("You accepted this answer.")
    String answer_accepted_flash();

    @Message("Log in to accept an answer.")
    String answer_accept_login();

    @Message("Your comment is posted.")
    String comment_posted();

    @Message("Your comment is deleted.")
    String comment_deleted();

    @Message("Log in to comment.")
    String comment_login();

    @Message("Edit")
    String post_edit();

    @Message("edited")
    String post_edited();

    @Message("✓ Accepted answer")
    String answer_accepted();

    @Message("Accept this answer")
    String answer_accept();

    @Message("answered")
    String answer_answered();

    @Message("Vote up")
    String vote_up();

    @Message("Vote down")
    String vote_down();

    @Message("You cannot vote on your own post")
    String vote_own();

    @Message("Pages")
    String pager_label();

    @Message("Previous")
    String pager_previous();

    @Message("Next")
    String pager_next();

    @Message("Show {n} more {#if n == 1}comment{#else}comments{/if}")
    String comments_more(int n);

    @Message("Add a comment")
    String comments_add();

    @Message("Your comment")
    String comments_your();

    @Message("{min}–{max} characters; `code`, **bold**, *italic*, [links](https://…), @name")
    String comments_help(int min, int max);

    @Message("Add comment")
    String comments_submit();

    @Message("Log in to comment")
    String comments_login();

    @Message("Delete")
    String post_delete();

    @Message("Undelete")
    String post_undelete();

    @Message("This {#if target == 'answer'}answer{#else}question{/if} is deleted: only you can see it.")
    String post_deleted(String target);

    @Message("Delete this {#if target == 'answer'}answer{#else}question{/if}? Only you will see it, and you can undelete it.")
    String post_delete_confirm(String target);

    @Message("{#if following}Stop being told of {#else}Be told of {/if}{#if what == 'tag'}new questions with this tag{#else}new answers to this question{/if} in your notifications")
    String follow_title(boolean following, String what);

    @Message("{#if following}Following{#else}Follow{/if}{#if what == 'tag'} [{name}]{#else} question{/if}")
    String follow_button(boolean following, String what, Object name);

    // ---- asking and editing
    @Message("Title")
    String ask_title();

    @Message("What is your question? Be specific.")
    String ask_title_placeholder();

    @Message("Details (Markdown)")
    String ask_details();

    @Message("Tags")
    String ask_tags();

    @Message("e.g. java, postgresql")
    String ask_tags_placeholder();

    @Message("1 to 5 tags, separated by commas or spaces: letters, digits and + # . -")
    String ask_tags_help();

    @Message("Post your question")
    String ask_submit();

    @Message("Your question is posted.")
    String ask_posted();

    @Message("Log in to ask a question.")
    String ask_login();

    @Message("Edit:")
    String edit_title_prefix();

    @Message("Edit your question")
    String edit_question();

    @Message("Edit your answer")
    String edit_answer();

    @Message("Revision {n} of")
    String edit_revision_of(int n);

    @Message("Revision {n} of your answer to")
    String edit_answer_revision_of(int n);

    @Message("History")
    String edit_history();

    @Message("Edit summary")
    String edit_summary();

    @Message("(optional)")
    String edit_optional();

    @Message("What did you change, and why?")
    String edit_summary_placeholder();

    @Message("Save your edit")
    String edit_save();

    @Message("Cancel")
    String edit_cancel();

    @Message("History of the question")
    String history_of_question();

    @Message("History of an answer")
    String history_of_answer();

    @Message("Revision {n}")
    String history_revision(int n);

    @Message("Current")
    String history_current();

    @Message("Rollback to this revision")
    String history_rollback();

    @Message("saved")
    String conflict_saved();

    @Message("changed since you began (revision {n}):")
    String conflict_since(int n);

    @Message("Your text is still in the form below. Saving it now replaces revision {n}: merge their changes into it first if you want to keep them.")
    String conflict_help(int n);

    @Message("Markdown: **bold**, *italic*, `code`, ``` fenced blocks ```, [links](https://…), lists and tables.")
    String markdown_help();

    @Message("Preview")
    String markdown_preview();

    @Message("The preview appears here as you type.")
    String markdown_preview_empty();

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

    // ---- the right column
    @Message("Popular tags")
    String widget_popular_tags();

    @Message("No questions in the last 3 months.")
    String widget_no_questions();

    @Message("Best members this week")
    String widget_best_members();

    @Message("No posts in the last 7 days.")
    String widget_no_posts();

    // ---- notifications
    @Message("Mark all read")
    String inbox_mark_all();

    @Message("Mark read")
    String inbox_mark_read();

    @Message("New")
    String inbox_new();

    @Message(", unread:")
    String inbox_new_hidden();

    @Message("No notifications yet. Answers to your questions, comments on your posts, mentions and new questions in the tags you follow will show up here.")
    String inbox_empty();

    /** Before the actor's name: nothing in English. */
    @Message("")
    String notification_actor_prefix();

    @Message("answered your question")
    String notification_answer();

    @Message("answered a question you follow:")
    String notification_followed_answer();

    @Message("commented on your answer to")
    String notification_comment_answer();

    @Message("commented on your question")
    String notification_comment_question();

    @Message("mentioned you in a comment on")
    String notification_mention();

    @Message("accepted your answer to")
    String notification_accepted();

    @Message("asked")
    String notification_tag_question();

    @Message("in a tag you follow")
    String notification_in_followed_tag();

    // ---- mail (in the recipient's language)
    @Message("Hello {name},")
    String mail_hello(String name);

    @Message("\"{title}\"")
    String mail_quoted(String title);

    @Message("New answer to {title}")
    String mail_new_answer_title(String title);

    @Message("New answer to \"{title}\"")
    String mail_new_answer_subject(String title);

    /** The answer's author: Russian says "Пользователь …", so that the verb agrees whoever answered. */
    @Message("{name}")
    String mail_answer_by(String name);

    @Message("answered your question")
    String mail_answer_after();

    @Message("Read the answer")
    String mail_read_answer();

    @Message("You get this mail because you asked this question on {site}")
    String mail_because_asked(String site);

    @Message("You get this mail because you asked this question on")
    String mail_because_asked_before();

    @Message("Unsubscribe")
    String mail_unsubscribe();

    @Message("Unsubscribe from mail about new answers (no login needed)")
    String mail_unsubscribe_answers();

    @Message("from mail about new answers (no login needed).")
    String mail_unsubscribe_answers_after();

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

    // ---- flash messages of following, deletion, editing and logout
    @Message("You follow this question: new answers appear in your notifications.")
    String follow_question_on();

    @Message("You no longer follow this question.")
    String follow_question_off();

    @Message("You follow [{tag}]: new questions with it appear in your notifications.")
    String follow_tag_on(String tag);

    @Message("You no longer follow [{tag}].")
    String follow_tag_off(String tag);

    @Message("Log in to follow a tag.")
    String follow_tag_login();

    @Message("Log in to follow a question.")
    String follow_question_login();

    @Message("Your question is deleted. Only you can see it now, here, and Undelete brings it back.")
    String deleted_question();

    @Message("Your question is back.")
    String undeleted_question();

    @Message("Your answer is deleted. Only you can see it now, and Undelete brings it back.")
    String deleted_answer();

    @Message("Your answer is back.")
    String undeleted_answer();

    @Message("Log in to delete or undelete your post.")
    String deletion_login();

    @Message("Your edit is saved.")
    String edit_saved();

    @Message("Log in to edit.")
    String edit_login();

    @Message("You are logged out.")
    String logged_out();

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

    @Message("Please correct the marked fields.")
    String form_correct_fields();
}
