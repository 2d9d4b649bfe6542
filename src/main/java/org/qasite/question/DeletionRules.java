package org.qasite.question;

import org.qasite.refusal.QaException;

/**
 * Who may delete and undelete which post. Today a post's author, within limits; moderators (a later issue) get their
 * own branch in {@link #checkMayDelete(long, Question)}, where the limits on an author stop.
 */
final class DeletionRules {

    private DeletionRules() {
    }

    /** An answer: its author, at any time. */
    static void checkMayDelete(long memberId, Answer answer) {
        if (!PostRights.isAuthor(memberId, answer)) {
            throw QaException.forbidden("Only the author of this answer can delete it.");
        }
    }

    /**
     * A question: its author, while no answer of it has a positive score and none is accepted. After that the answers
     * belong to the site as much as to the asker, and deleting the question would take them away.
     */
    static void checkMayDelete(long memberId, Question question) {
        if (!PostRights.isAuthor(memberId, question)) {
            throw QaException.forbidden("Only the author of this question can delete it.");
        }
        if (question.isDeleted()) {
            return; // the caller says it is deleted already
        }
        if (question.acceptedAnswerId != null) {
            throw QaException.conflict("This question has an accepted answer: only a moderator can delete it now.");
        }
        if (Answer.count("question = ?1 and rating > 0 and deletedAt is null", question) > 0) {
            throw QaException.conflict("This question has an upvoted answer: only a moderator can delete it now.");
        }
    }

    /** Its author only. */
    static void checkMayUndelete(long memberId, Post post, String what) {
        if (!PostRights.isAuthor(memberId, post)) {
            throw QaException.forbidden("Only the author of this " + what + " can undelete it.");
        }
    }
}
