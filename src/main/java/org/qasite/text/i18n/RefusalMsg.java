package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the site says when it refuses: the error pages and the refusals that forms show, in English. Russian:
 * messages/refusal_ru.properties (MessageKeysTest checks both have every key). Java code asks {@link Refusals#now()};
 * the JSON API keeps English, which its clients may match on.
 */
@MessageBundle(value = "refusal", locale = "en")
public interface RefusalMsg {

    // ---- error pages: titles
    @Message("Not found")
    String title_not_found();

    @Message("Not allowed")
    String title_forbidden();

    @Message("Log in first")
    String title_login();

    @Message("Slow down")
    String title_slow_down();

    @Message("Something went wrong")
    String title_server_error();

    @Message("Request refused")
    String title_refused();

    // ---- error pages: messages
    @Message("The request could not be understood: check that the body is valid JSON of the documented shape.")
    String bad_json();

    @Message("The request could not be understood. If you sent a form, reload the page and try again.")
    String bad_request();

    @Message("Please log in first.")
    String login_first();

    @Message("You are not allowed to do that.")
    String forbidden();

    @Message("There is nothing at this address.")
    String not_found();

    @Message("This address does not accept that method.")
    String method_not_allowed();

    @Message("What you sent is too large.")
    String too_large();

    @Message("This content type is not accepted here.")
    String unsupported_type();

    @Message("This content type is not accepted here: its charset is unknown. Send UTF-8.")
    String unknown_charset();

    @Message("Too many requests. Please slow down.")
    String too_many_requests();

    @Message("The request was refused.")
    String refused();

    @Message("The form could not be read: it has too many fields.")
    String too_many_fields();

    @Message("The request is not valid.")
    String invalid_request();

    @Message("Something went wrong on our side.")
    String server_error();

    @Message("Something went wrong on our side. Please try again.")
    String server_error_try_again();

    // ---- rate limits: "You are going too fast: at most 5 answers per minute. Try again in 40 seconds."
    @Message("You are going too fast: at most {limit} {what} {window}. Try again in {wait}.")
    String rate_limited(int limit, String what, String window, String wait);

    @Message("per minute")
    String rate_per_minute();

    @Message("per {duration}")
    String rate_per(String duration);

    @Message("{n} {#if n == 1}second{#else}seconds{/if}")
    String seconds(long n);

    @Message("{n} minutes")
    String minutes(long n);

    @Message("{n} hours")
    String hours(long n);

    @Message("questions")
    String rate_ask();

    @Message("answers")
    String rate_answer();

    @Message("comments")
    String rate_comment();

    @Message("edits")
    String rate_edit();

    @Message("votes")
    String rate_vote();

    @Message("follows and unfollows")
    String rate_follow();

    @Message("sign-ups from one address")
    String rate_signup();

    @Message("previews")
    String rate_preview();

    @Message("previews from your network")
    String rate_preview_address();

    @Message("password reset requests from your network")
    String rate_password_reset();

    @Message("password reset mails to one account")
    String rate_password_reset_account();

    @Message("picture uploads")
    String rate_upload();

    @Message("links to confirm an email address")
    String rate_verification_mail();

    // ---- posts ({what} is "question" or "answer")
    @Message("There is no question {id}.")
    String no_question(long id);

    @Message("There is no answer {id}.")
    String no_answer(long id);

    @Message("There is no comment {id}.")
    String no_comment(long id);

    @Message("You posted this question already: here it is.")
    String duplicate_question();

    @Message("You posted this answer already: here it is.")
    String duplicate_answer();

    @Message("You posted this comment already: here it is.")
    String duplicate_comment();

    @Message("Only the author of the question can accept an answer.")
    String accept_only_asker();

    @Message("Only the author of the question can unaccept an answer.")
    String unaccept_only_asker();

    @Message("This answer is not the accepted one: there is nothing to unaccept.")
    String unaccept_not_accepted();

    @Message("This answer was deleted.")
    String answer_deleted();

    @Message("This question was deleted.")
    String question_deleted();

    @Message("Only its author can delete a comment.")
    String comment_delete_only_author();

    @Message("This comment was deleted already.")
    String comment_deleted_already();

    @Message("Only the author of this answer can delete it.")
    String answer_delete_only_author();

    @Message("Only the author of this question can delete it.")
    String question_delete_only_author();

    @Message("This question has an accepted answer: only a moderator can delete it now.")
    String question_has_accepted();

    @Message("This question has an upvoted answer: only a moderator can delete it now.")
    String question_has_upvoted();

    @Message("Only the author of this {what} can undelete it.")
    String undelete_only_author(String what);

    @Message("There is no such {what}. It may have been removed.")
    String no_such_post(String what);

    @Message("Only the author of this {what} can edit it.")
    String edit_only_author(String what);

    @Message("This {what} was deleted; undelete it first.")
    String edit_deleted(String what);

    @Message("The question of this answer was deleted: its answers cannot be edited.")
    String edit_question_deleted();

    @Message("The summary must be at most {max} characters long.")
    String summary_too_long(int max);

    @Message("Nothing changed: the text is the same as the current revision.")
    String nothing_changed();

    @Message("There is no earlier revision {revision} of this {what}.")
    String no_such_revision(int revision, String what);

    // ---- votes, deletions, follows, pictures, sessions, unsubscribe links, feeds and sitemaps
    @Message("There is no {what} {id}.")
    String no_post_id(String what, long id);

    @Message("This {what} was deleted: it takes no votes.")
    String vote_deleted(String what);

    @Message("This question was deleted: its answers take no votes.")
    String vote_question_deleted();

    @Message("You cannot vote on your own {what}.")
    String vote_own(String what);

    @Message("This {what} is deleted already.")
    String deleted_already(String what);

    @Message("This {what} is not deleted.")
    String not_deleted(String what);

    @Message("{#if what == 'answer'}Answer{#else}Question{/if} {id} was deleted by its author.")
    String deleted_by_author(String what, long id);

    @Message("There is no question {id}. It may have been removed.")
    String follow_no_question(long id);

    @Message("There is no tag “{name}” yet.")
    String follow_no_tag(String name);

    @Message("There is no such picture.")
    String no_picture();

    @Message("You have no session in force with this id: it may have ended already.")
    String no_session();

    @Message("This unsubscribe link is not valid. You can switch mail off in your settings.")
    String bad_unsubscribe_link();

    @Message("Choose the kinds that come in a digest in your settings.")
    String digest_resubscribe();

    @Message("There is no tag {name}.")
    String feed_no_tag(String name);

    @Message("There is no sitemap {file}.")
    String no_sitemap(String file);

    // ---- logins, passwords and pages
    @Message("Too many failed logins for this name. Try again in {wait}.")
    String too_many_logins(String wait);

    @Message("Too many wrong passwords for this account. Try again in {wait}.")
    String too_many_wrong_passwords(String wait);

    @Message("Too many wrong passwords. Try again in {wait}.")
    String delete_too_many(String wait);

    @Message("There is no page {page}: this list has {pages} {#if pages == 1}page{#else}pages{/if}.")
    String no_page(int page, int pages);

    @Message("There is no page “{raw}”: pages are numbered from 1.")
    String bad_page(String raw);

    // ---- tags and names that mix scripts ({scripts} is "Latin and Cyrillic")
    @Message("Add at least one tag (for example: java, sql).")
    String tags_none();

    @Message("Use at most {max} tags; you gave {given}.")
    String tags_too_many(int max, int given);

    @Message("“{name}” is not a valid tag: use letters, digits and + # . - (starting with a letter or digit, at most {max} characters).")
    String tag_invalid(String name, int max);

    @Message("“{name}” mixes {scripts} letters, which can look alike: write a tag in one script.")
    String tag_mixed(String name, String scripts);

    @Message("“{word}” mixes {scripts} letters, which can look alike: write each word in one script.")
    String name_mixed(String word, String scripts);

    /** A script's name as Java's Character.UnicodeScript spells it ({@code other}: its English name). */
    @Message("{other}")
    String script(String script, String other);

    @Message("{first} and {last}")
    String scripts_and(String first, String last);

    // ---- accounts
    @Message("Your account no longer exists.")
    String account_gone();

    @Message("Another account uses {email} now, so it cannot become yours.")
    String email_taken_now(String email);

    @Message("Another account uses {email} now, so it cannot become yours. Your address stays {current}.")
    String email_taken_now_stays(String email, String current);

    @Message("Enter your password to delete your account.")
    String delete_enter_password();

    @Message("This is not your password: your account is not deleted.")
    String delete_wrong_password();

    @Message("Enter your current password.")
    String password_enter_current();

    @Message("This is not your current password.")
    String password_not_current();

    @Message("This is your current password. Choose a new one.")
    String password_same();

    @Message("The two passwords differ.")
    String passwords_differ();

    // ---- what a deleted post no longer takes
    @Message("This question was deleted: it takes no answers.")
    String deleted_takes_no_answers();

    @Message("This question was deleted: undelete it to accept an answer.")
    String deleted_question_no_accept();

    @Message("This answer was deleted: it cannot be accepted.")
    String deleted_answer_no_accept();

    @Message("This question was deleted: undelete it to change its accepted answer.")
    String deleted_question_no_unaccept();

    // ---- things that are not there
    @Message("There is no comment {id}. It may have been deleted.")
    String no_comment_maybe_deleted(long id);

    @Message("There is no {what} “{raw}”.")
    String no_such_id(String what, String raw);

    @Message("There is no such notification.")
    String no_notification();

    // ---- what needs a login ("Log in to vote.")
    @Message("Log in to {#when action}{#is 'ask'}ask a question{#is 'answer'}answer{#is 'accept'}accept an answer{#is 'unaccept'}take back an accepted mark{#is 'vote'}vote{#is 'edit'}edit{#is 'roll-back'}roll back{#is 'comment'}comment{#is 'delete-comment'}delete a comment{#is 'delete-question'}delete a question{#is 'undelete-question'}undelete a question{#is 'delete-answer'}delete an answer{#is 'undelete-answer'}undelete an answer{#is 'follow-question'}follow a question{#is 'follow-tag'}follow a tag{#is 'notifications'}see your notifications{#is 'mark-read'}mark notifications read{#is 'delete-account'}delete your account{#is 'password'}change your password{#is 'confirm-email'}confirm your email address{#is 'upload'}upload pictures{#else}go on{/when}.")
    String login_to(String action);

    // ---- pictures
    @Message("The picture is too large: at most {size}.")
    String picture_too_large(String size);

    @Message("The picture could not be read. Please try again.")
    String picture_unreadable();

    @Message("The picture must be a PNG, JPEG, GIF or WebP image.")
    String picture_type();

    @Message("The picture could not be read: is the file complete?")
    String picture_incomplete();

    @Message("The picture is too large: at most {max}×{max} pixels, this one is {width}×{height}.")
    String picture_too_many_pixels(int max, int width, int height);

    @Message("You have uploaded {used} of new pictures in the last 24 hours, and this one ({size}) would pass the daily limit of {limit}. Try again in {wait}.")
    String picture_daily_budget(String used, String size, String limit, String wait);

    @Message("Send the picture as the multipart field \"file\".")
    String upload_no_file();

    @Message("The picture is too large: at most {max}, this file is {size}.")
    String upload_too_large(String max, String size);

    @Message("The file is not a picture: a PNG, JPEG, GIF or WebP image is accepted.")
    String upload_not_picture();

    @Message("The picture has too many pixels: at most {max}, this one is {width}×{height}.")
    String upload_too_many_pixels(long max, int width, int height);

    @Message("{n} MB")
    String size_megabytes(String n);

    @Message("{n} KB")
    String size_kilobytes(String n);

    // ---- links from account mails
    @Message("This link is not valid: it may have been cut or changed on its way. Copy the whole link from the mail, or ask for a new one.")
    String link_unknown();

    @Message("This link has expired. Ask for a new one.")
    String link_expired();

    @Message("This link was used already: each link works once. Ask for a new one if you need to.")
    String link_used();

    @Message("A newer link was sent since this one, and only the newest works. Use the link of the latest mail, or ask for a new one.")
    String link_replaced();

    // ---- texts over their budget, edits and requests from elsewhere
    @Message("The text is nested too deeply (quotes or lists inside each other) to be shown.")
    String text_too_deep();

    @Message("A table may have at most {max} columns; this text has one with {found}. Put wide data in a code block.")
    String table_too_wide(int max, int found);

    @Message("The tables of a text may have at most {max} cells, every row counted as wide as its header; this text has {found ?: 'more'}. Shorten the tables, or put the data in a code block.")
    String table_too_many_cells(String max, String found);

    @Message("This text would make a page too large to show (more than {budget} characters of HTML for its length). Shorten it, or use less formatting (tables, links, lists).")
    String text_too_much_html(String budget);

    @Message("The text is too long to preview (at most {max} characters).")
    String preview_too_long(int max);

    @Message("Someone else edited this {what} while you were editing it (revision {current} now, yours was based on {base}). Nothing was saved: look at their changes, then save yours again if you still want to.")
    String edit_conflict(String what, int current, int base);

    @Message("The form does not say which revision it was based on. Reload the page and try again.")
    String form_without_revision();

    @Message("Requests from other sites are not accepted here.")
    String cross_site();

    @Message("A vote is 1 (up), -1 (down) or 0 (withdraw).")
    String vote_value();
}
