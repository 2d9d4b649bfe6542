package org.qasite.edit;

import java.util.Map;

import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Post;
import org.qasite.question.PostRights;
import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;
import org.qasite.text.InputText;
import org.qasite.text.i18n.Refusals;

/** The refusals every edit and rollback shares, in the order a member meets them. */
final class EditChecks {

    static final int MAX_SUMMARY = 300;

    private EditChecks() {
    }

    /**
     * Someone else's post is a 403, or a 404 once it is deleted (to them it is not there); a deleted one of the
     * editor's own a 409 that says what to do first.
     */
    static void mayChange(Member editor, Post post, String what) {
        if (!PostRights.mayEdit(editor, post)) {
            if (post.isDeleted()) {
                throw QaException.notFound(Refusals.now().no_such_post(what));
            }
            throw QaException.forbidden(Refusals.now().edit_only_author(what));
        }
        if (post.isDeleted()) {
            throw QaException.conflict(Refusals.now().edit_deleted(what));
        }
    }

    /** As {@link #mayChange(Member, Post, String)}, and an answer to a deleted question is not edited either. */
    static void mayChange(Member editor, Answer answer) {
        mayChange(editor, answer, "answer");
        if (answer.question.isDeleted()) {
            throw QaException.conflict(Refusals.now().edit_question_deleted());
        }
    }

    /** An edit based on another revision than the current one would write over an edit its author never saw. */
    static void isCurrent(Post post, Integer baseRevision, String what) {
        if (baseRevision != null && baseRevision != post.revision) {
            throw new EditConflict(what, baseRevision, post.revision);
        }
    }

    /** The summary cleaned like a title, null when empty; a problem goes into {@code errors}. */
    static String summary(String raw, Map<String, String> errors) {
        String summary = InputText.line(raw == null ? "" : raw);
        if (summary.length() > MAX_SUMMARY) {
            errors.put("summary", Refusals.forField().summary_too_long(MAX_SUMMARY));
        }
        return summary.isEmpty() ? null : summary;
    }

    static void check(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    static QaException nothingChanged() {
        return QaException.badRequest(Refusals.now().nothing_changed());
    }

    static QaException noSuchRevision(String what, int revision) {
        return QaException.notFound(Refusals.now().no_such_revision(revision, what));
    }
}
