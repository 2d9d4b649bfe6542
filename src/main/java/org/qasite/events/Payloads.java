package org.qasite.events;

import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON payloads of the events, version 1. Consumers read current data from the database by these ids. */
public final class Payloads {

    /** An event about a question or something on its page (an answer, a vote, a comment): what its page shows changed. */
    public interface OnQuestion {
        long questionId();
    }

    private Payloads() {
    }

    @RegisterForReflection
    public record QuestionCreated(long questionId, long authorId, List<String> tags) implements OnQuestion {
    }

    @RegisterForReflection
    public record AnswerCreated(long answerId, long questionId, long authorId, long questionAuthorId) implements OnQuestion {
    }

    /** {@code target} is "question" or "answer"; {@code value} the new vote (0 when withdrawn). */
    @RegisterForReflection
    public record VoteCast(String target, long postId, long questionId, long authorId, long voterId, int value,
            int score) implements OnQuestion {
    }

    @RegisterForReflection
    public record AnswerAccepted(long answerId, long questionId, long questionAuthorId,
            long answerAuthorId) implements OnQuestion {
    }

    @RegisterForReflection
    public record AnswerUnaccepted(long answerId, long questionId, long questionAuthorId,
            long answerAuthorId) implements OnQuestion {
    }

    /** A member deleted their account: their name and picture are gone from their posts and from the right column. */
    @RegisterForReflection
    public record MemberDeleted(long memberId) {
    }

    /** Someone asked for a reset link for this address, which may belong to no member: the consumer finds out. */
    @RegisterForReflection
    public record PasswordResetRequested(String email) {
    }

    /** A link should confirm this address of the member: at sign-up, on request, or a new address in the settings. */
    @RegisterForReflection
    public record EmailVerificationRequested(long memberId, String email) {
    }

    /** The member's address changed (the new one confirmed); the old one gets a notice. */
    @RegisterForReflection
    public record EmailChanged(long memberId, String oldEmail, String newEmail) {
    }

    /** A question edited (or rolled back) to {@code revision} by {@code editorId}. */
    @RegisterForReflection
    public record QuestionEdited(long questionId, long authorId, long editorId, int revision) implements OnQuestion {
    }

    /** An answer edited (or rolled back) to {@code revision} by {@code editorId}. */
    @RegisterForReflection
    public record AnswerEdited(long answerId, long questionId, long authorId, long editorId,
            int revision) implements OnQuestion {
    }

    /** A question deleted or undeleted (by type) by {@code byId}. */
    @RegisterForReflection
    public record QuestionDeleted(long questionId, long authorId, long byId) implements OnQuestion {
    }

    /** An answer deleted or undeleted (by type) by {@code byId}. */
    @RegisterForReflection
    public record AnswerDeleted(long answerId, long questionId, long authorId, long byId) implements OnQuestion {
    }

    /**
     * A comment on a question ({@code answerId} null) or an answer; {@code postAuthorId} wrote the post, and
     * {@code mentionedIds} are the members its {@code @name}s named.
     */
    @RegisterForReflection
    public record CommentCreated(long commentId, long questionId, Long answerId, long authorId, long postAuthorId,
            List<Long> mentionedIds) implements OnQuestion {
    }

    /** A comment deleted by its author. */
    @RegisterForReflection
    public record CommentDeleted(long commentId, long questionId, Long answerId, long authorId) implements OnQuestion {
    }

    /** Notifications just made, at most a batch of them, each for one member. */
    @RegisterForReflection
    public record NotificationsCreated(List<Made> made) {
    }

    /** One notification of {@link NotificationsCreated}. */
    @RegisterForReflection
    public record Made(long memberId, long notificationId) {
    }

    /** The member read some or all of their notifications. */
    @RegisterForReflection
    public record NotificationsRead(long memberId) {
    }

    /**
     * The fan-out of the event {@code eventId} (of {@code type}, with its {@code payload}) goes on after member {@code after}.
     */
    @RegisterForReflection
    public record FanOutContinued(UUID eventId, String type, String payload, long after) {
    }
}
