package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the question lists, tags, members, profiles, search and the pinned answer, used in templates as
 * {browse:key(args)}. Kept apart from {@link Msg} so each area's words stay in a file of readable size. Russian:
 * messages/browse_ru.properties, which must have every key (MessageKeysTest). Nouns after a count are messages of
 * their own ({@code question_noun(n)}), so the number can be formatted in the reader's locale by the template.
 */
@MessageBundle(value = "browse", locale = "en")
public interface BrowseMsg {

    // ---- nouns after a count
    @Message("{#if n == 1}question{#else}questions{/if}")
    String question_noun(long n);

    /** For a long count (an int one, a question's answers, has {@code msg:answer_noun}). */
    @Message("{#if n == 1}answer{#else}answers{/if}")
    String answer_noun(long n);

    @Message("{#if n == 1 || n == -1}vote{#else}votes{/if}")
    String vote_noun(int n);

    @Message("{#if n == 1}view{#else}views{/if}")
    String view_noun(long n);

    @Message("{#if n == 1}follower{#else}followers{/if}")
    String follower_noun(long n);

    @Message("{#if n == 1}tag{#else}tags{/if}")
    String tag_noun(long n);

    @Message("{#if n == 1}member{#else}members{/if}")
    String member_noun(long n);

    // ---- question lists (QuestionListResource/list.html)
    @Message("Questions tagged [{tag}]")
    String list_tagged(String tag);

    @Message("Hot questions")
    String list_hot();

    @Message("Unanswered questions")
    String list_unanswered();

    @Message("Newest questions")
    String list_newest();

    @Message("Newest questions tagged {tag}")
    String list_tag_feed(String tag);

    @Message("Order of the questions")
    String list_tabs_label();

    @Message("New")
    String tab_new();

    @Message("Hot")
    String tab_hot();

    @Message("Unanswered")
    String tab_unanswered();

    @Message("Ask a question")
    String list_ask();

    @Message("Questions about {tag}.")
    String tag_description_fallback(String tag);

    @Message("Every question here has an answer.")
    String list_empty_unanswered();

    @Message("No questions with this tag.")
    String list_empty_tag();

    @Message("No questions yet. Be the first to ask one!")
    String list_empty();

    @Message("There is no tag “{name}” yet.")
    String tag_not_found(String name);

    // ---- one question in a list (tags/question-summary.html)
    @Message("Has an accepted answer,")
    String summary_accepted();

    @Message("asked")
    String summary_asked();

    // ---- tags (TagListResource/tags.html)
    @Message("Tags")
    String tags_title();

    @Message("A tag groups questions on one subject. Follow one from its page to hear of new questions.")
    String tags_intro();

    @Message("Filter by name")
    String tags_filter();

    @Message("e.g. java")
    String tags_filter_placeholder();

    @Message("Order")
    String order();

    @Message("Most used")
    String tags_sort_popular();

    @Message("Name")
    String tags_sort_name();

    @Message("Show")
    String show();

    @Message("No tag starts with “{q}”.")
    String tags_none_match(String q);

    @Message("No tags yet: they come with the first question.")
    String tags_none();

    // ---- members (MemberListResource/users.html)
    @Message("Users")
    String users_title();

    @Message("Username starts with")
    String users_filter();

    @Message("Newest members")
    String users_sort_newest();

    @Message("Username")
    String users_sort_name();

    @Message("No member’s username starts with “{q}”.")
    String users_none_match(String q);

    @Message("No members yet.")
    String users_none();

    @Message("{n} rating")
    String users_rating(String n);

    @Message("joined")
    String users_joined();

    @Message("active")
    String users_active();

    // ---- a member's profile (ProfileResource/profile.html)
    @Message("member since")
    String profile_since();

    @Message("Questions")
    String profile_questions();

    @Message("Answers")
    String profile_answers();

    @Message("No questions yet.")
    String profile_no_questions();

    @Message("No answers yet.")
    String profile_no_answers();

    @Message("There is no member “{username}”.")
    String member_not_found(String username);

    // ---- search (SearchResource/search.html)
    @Message("Search")
    String search_title();

    @Message("Search: {q}")
    String search_title_for(String q);

    @Message("Search questions")
    String search_label();

    @Message("Words, \"a phrase\", [tag]")
    String search_placeholder();

    @Message("Search")
    String search_submit();

    @Message("Words find their other forms (answers → answer, вопросы → вопрос); put a phrase in quotes, a tag in square brackets:")
    String search_help();

    @Message("[postgresql] \"full text\"")
    String search_help_example();

    @Message("-word")
    String search_help_word();

    @Message("leaves a word out.")
    String search_help_exclude();

    @Message("Type what you are looking for.")
    String search_empty();

    @Message("More than {n}")
    String search_more_than(String n);

    @Message("tagged")
    String search_tagged(int tags);

    @Message("From an answer:")
    String search_from_answer();

    @Message("asked")
    String search_asked();

    @Message("by")
    String search_by();

    @Message("No questions match. Try fewer or other words.")
    String search_none();

    @Message("Did you mean")
    String search_did_you_mean();

    // ---- the pinned answer on a question's first page (QuestionResource/show.html)
    @Message("Accepted answer")
    String pinned_accepted();

    @Message("Top-voted answer")
    String pinned_top_voted();

    @Message("answered")
    String pinned_answered();

    @Message("Go to this answer among the others")
    String pinned_go();

    // ---- the page head (main.html, show.html)
    @Message("Questions and answers on {site}, newest first.")
    String head_description(String site);

    @Message("Newest questions")
    String head_feed();

    // ---- words the page's scripts show, given to them in data-* attributes; %s / %n: where the script puts the
    // query / the count
    @Message("See all results for “%s”")
    String js_search_all();

    @Message("Questions and answers with these words, the last one as the start of a word")
    String js_search_prefix();

    @Message("No unread notifications.")
    String js_unread_none();

    @Message("{#if n == 1}%n unread notification.{#else}%n unread notifications.{/if}")
    String js_unread(int n);

    @Message("More than 99 unread notifications.")
    String js_unread_more();

    @Message("A new answer was posted.")
    String js_new_answer();

    @Message("{#if n == 1}%n new answer was posted.{#else}%n new answers were posted.{/if}")
    String js_new_answers(int n);

    @Message("See the newest answers")
    String js_see_newest();

    @Message("The question changed while this page was away.")
    String js_question_changed();

    @Message("Reload the page")
    String js_reload();

    @Message("This answer was deleted.")
    String js_answer_deleted();

    @Message("This question was deleted.")
    String js_question_deleted();

    @Message("Answers to this question")
    String head_feed_answers();

    @Message("{#if all}All your notifications are{#else}The notification is{/if} marked read.")
    String notifications_marked_read(boolean all);

    /** The title of a question's Atom feed. */
    @Message("Answers to {title}")
    String feed_answers_to(String title);

    /** The title of one answer in a question's Atom feed. */
    @Message("Answer by {name} to {title}")
    String feed_answer_by(String name, String title);
}
