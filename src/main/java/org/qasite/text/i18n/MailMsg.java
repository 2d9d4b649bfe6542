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

    // ---- the mail about one notification (followed answer, mention, accepted answer, question in a followed tag)
    /**
     * Who did it: Russian says "Пользователь …", so that the verb agrees whoever it was. A null name (a deleted
     * account) is "Someone", as in the lines of a digest.
     */
    @Message("{name ?: 'Someone'}")
    String notice_by(String name);

    @Message("New answer to a question you follow: \"{title}\"")
    String notice_followed_subject(String title);

    @Message("answered a question you follow:")
    String notice_followed_action();

    @Message("you follow this question")
    String notice_followed_reason();

    @Message("{name ?: 'Someone'} mentioned you on \"{title}\"")
    String notice_mention_subject(String name, String title);

    @Message("mentioned you in a comment on")
    String notice_mention_action();

    @Message("someone mentioned you")
    String notice_mention_reason();

    @Message("Your answer to \"{title}\" was accepted")
    String notice_accepted_subject(String title);

    @Message("accepted your answer to")
    String notice_accepted_action();

    @Message("See your answer")
    String notice_see_answer();

    @Message("you answered this question")
    String notice_accepted_reason();

    @Message("New question in a tag you follow: \"{title}\"")
    String notice_tag_subject(String title);

    @Message("asked a question tagged {tags}:")
    String notice_tag_action(String tags);

    @Message("Read the question")
    String notice_read_question();

    @Message("you follow one of its tags")
    String notice_tag_reason();

    @Message("Read the answer")
    String notice_read_answer();

    @Message("You get this mail because {reason} on")
    String notice_because(String reason);

    @Message("Unsubscribe")
    String unsubscribe();

    @Message("from {about} (no login needed).")
    String notice_unsubscribe_after(String about);

    @Message("Unsubscribe from {about} (no login needed)")
    String notice_unsubscribe(String about);

    // ---- the daily and weekly digests
    @Message("Your {#if daily}daily{#else}weekly{/if} digest")
    String digest_title(boolean daily);

    @Message("Your {#if daily}daily{#else}weekly{/if} digest: {count} unread notification{#if count != 1}s{/if} on {site}")
    String digest_subject(boolean daily, int count, String site);

    @Message("{count} {#if count == 1}notification{#else}notifications{/if} of {period} (UTC) you have not read yet:")
    String digest_intro(int count, String period);

    /** The period of a weekly digest, from its first day. */
    @Message("the week of {day}")
    String digest_week(String day);

    @Message("You get this {#if daily}daily{#else}weekly{/if} digest from")
    String digest_because_before(boolean daily);

    /** Follows the site's name without a space (Russian starts with a comma). */
    @Message(" because you chose it in your")
    String digest_because_after();

    @Message("settings")
    String digest_settings();

    @Message("from the {#if daily}daily{#else}weekly{/if} digest (no login needed)")
    String digest_unsubscribe_after(boolean daily);

    @Message(", or from one kind in it:")
    String digest_or_one_kind();

    @Message("Unsubscribe from the {#if daily}daily{#else}weekly{/if} digest (no login needed)")
    String digest_unsubscribe(boolean daily);

    @Message("Stop mail about \"{label}\"")
    String digest_stop_kind(String label);

    @Message("{who ?: 'Someone'} answered your question")
    String digest_answer(String who);

    @Message("{who ?: 'Someone'} answered")
    String digest_followed_answer(String who);

    @Message("{who ?: 'Someone'} commented on your {#if onAnswer}answer{#else}question{/if}")
    String digest_comment(String who, boolean onAnswer);

    @Message("{who ?: 'Someone'} mentioned you in a comment")
    String digest_mention(String who);

    @Message("{who ?: 'Someone'} accepted your answer")
    String digest_accepted(String who);

    @Message("{who ?: 'Someone'} asked this question in a tag you follow")
    String digest_tag_question(String who);

    // ---- a topic of mail, as the unsubscribe page and links name it (the Russian is in the accusative)
    @Message("{#if topic == 'ANSWERS'}mail about new answers{#else if topic == 'FOLLOWED_ANSWERS'}mail about new answers to questions you follow"
            + "{#else if topic == 'COMMENTS'}mail about new comments{#else if topic == 'MENTIONS'}mail about mentions"
            + "{#else if topic == 'ACCEPTED'}mail about accepted answers{#else if topic == 'TAG_QUESTIONS'}mail about new questions in tags you follow"
            + "{#else if topic == 'DAILY_DIGEST'}the daily digest{#else}the weekly digest{/if}")
    String topic_about(String topic);

    @Message("{#if topic == 'ANSWERS'}Mail about new answers{#else if topic == 'FOLLOWED_ANSWERS'}Mail about new answers to questions you follow"
            + "{#else if topic == 'COMMENTS'}Mail about new comments{#else if topic == 'MENTIONS'}Mail about mentions"
            + "{#else if topic == 'ACCEPTED'}Mail about accepted answers{#else if topic == 'TAG_QUESTIONS'}Mail about new questions in tags you follow"
            + "{#else if topic == 'DAILY_DIGEST'}The daily digest{#else}The weekly digest{/if}")
    String topic_title(String topic);

    @Message("{#if topic == 'ANSWERS'}someone answers one of your questions{#else if topic == 'FOLLOWED_ANSWERS'}someone answers a question you follow"
            + "{#else if topic == 'COMMENTS'}someone comments on one of your questions or answers{#else if topic == 'MENTIONS'}someone mentions you in a comment"
            + "{#else if topic == 'ACCEPTED'}the author of a question accepts your answer{#else if topic == 'TAG_QUESTIONS'}someone asks a question in a tag you follow"
            + "{#else if topic == 'DAILY_DIGEST'}a day ended with notifications you have not read{#else}a week ended with notifications you have not read{/if}")
    String topic_sent_when(String topic);

    @Message("{#if topic == 'ANSWERS'}to your questions{#else if topic == 'COMMENTS'}on your posts{/if}")
    String topic_whose(String topic);

    // ---- the unsubscribe page (in the reader's language); about is topic_about, sentWhen topic_sent_when
    @Message("Stop {about}?")
    String unsub_stop(String about);

    @Message("{name}, you get {#if digest}{about} when {sentWhen}{#else}a mail when {sentWhen}{/if}.")
    String unsub_you_get(String name, boolean digest, String about, String sentWhen);

    @Message("Unsubscribing sets every kind of notification that comes in it to “Never”; your inbox keeps them all.")
    String unsub_digest_note();

    @Message("You are unsubscribed")
    String unsub_done_title();

    @Message("{name}, you no longer get {about}: every kind of notification that came in it is set to “Never”. Your inbox still shows them; choose how each kind is mailed in your")
    String unsub_digest_done(String name, String about);

    @Message("settings")
    String unsub_settings();

    @Message("{name}, you no longer get {about}{#if whose} {whose}{/if}.")
    String unsub_done(String name, String about, String whose);

    @Message("Changed your mind? Mail me again")
    String unsub_again();

    @Message("You will get {about}{#if whose} {whose}{/if} again.")
    String unsub_resubscribed(String about, String whose);

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
}
