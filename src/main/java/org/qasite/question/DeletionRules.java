package org.qasite.question;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

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
            throw QaException.forbidden(Refusals.now().answer_delete_only_author());
        }
    }

    /**
     * A question: its author, while no answer of it has a positive score and none is accepted. After that the answers
     * belong to the site as much as to the asker, and deleting the question would take them away.
     */
    static void checkMayDelete(long memberId, Question question) {
        if (!PostRights.isAuthor(memberId, question)) {
            throw QaException.forbidden(Refusals.now().question_delete_only_author());
        }
        if (question.isDeleted()) {
            return; // the caller says it is deleted already
        }
        if (question.acceptedAnswerId != null) {
            throw QaException.conflict(Refusals.now().question_has_accepted());
        }
        if (Answer.count("question = ?1 and rating > 0 and deletedAt is null", question) > 0) {
            throw QaException.conflict(Refusals.now().question_has_upvoted());
        }
    }

    /** Its author only. */
    static void checkMayUndelete(long memberId, Post post, String what) {
        if (!PostRights.isAuthor(memberId, post)) {
            throw QaException.forbidden(Refusals.now().undelete_only_author(what));
        }
    }
}
