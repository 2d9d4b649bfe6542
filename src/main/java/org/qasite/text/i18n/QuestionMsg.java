package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The question page: the question, its answers, comments, votes and follows. English here, Russian in
 * messages/question_ru.properties (MessageKeysTest checks both have every key).
 */
@MessageBundle(value = "question", locale = "en")
public interface QuestionMsg {
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
}
