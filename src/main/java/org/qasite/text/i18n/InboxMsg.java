package org.qasite.text.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The inbox: notifications and their lines. English here, Russian in messages/inbox_ru.properties (MessageKeysTest checks both
 * have every key).
 */
@MessageBundle(value = "inbox", locale = "en")
public interface InboxMsg {
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
}
