package org.qasite.events;

/** The kinds of event on the stream, with their names on the wire and schema versions. */
public enum EventType {
    QUESTION_CREATED("question.created", 1),
    ANSWER_CREATED("answer.created", 1),
    VOTE_CAST("vote.cast", 1),
    ANSWER_ACCEPTED("answer.accepted", 1),
    /** The question's author took the accepted mark away: nobody is notified. */
    ANSWER_UNACCEPTED("answer.unaccepted", 1),
    MEMBER_DELETED("member.deleted", 1),
    PASSWORD_RESET_REQUESTED("password-reset.requested", 1),
    EMAIL_VERIFICATION_REQUESTED("email-verification.requested", 1),
    EMAIL_CHANGED("email.changed", 1),
    QUESTION_EDITED("question.edited", 1),
    ANSWER_EDITED("answer.edited", 1),
    QUESTION_DELETED("question.deleted", 1),
    ANSWER_DELETED("answer.deleted", 1),
    QUESTION_UNDELETED("question.undeleted", 1),
    ANSWER_UNDELETED("answer.undeleted", 1),
    COMMENT_CREATED("comment.created", 1),
    COMMENT_DELETED("comment.deleted", 1),
    /** Notifications made for members (a batch of one event's recipients): their open pages update the count. */
    NOTIFICATIONS_CREATED("notifications.created", 1),
    /**
     * The rest of a fan-out: the notifications of an event for its recipients after the member {@code after}, one
     * batch per entry, so that other events are handled between the batches of a tag with many followers.
     */
    NOTIFICATIONS_FAN_OUT("notifications.fan-out", 1),
    /** A member read notifications: their other open pages update the count. */
    NOTIFICATIONS_READ("notifications.read", 1);

    public final String wireName;
    public final int version;

    EventType(String wireName, int version) {
        this.wireName = wireName;
        this.version = version;
    }
}
