package org.qasite.edit;

import java.util.Map;

import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Post;
import org.qasite.question.PostRights;
import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;
import org.qasite.text.InputText;

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
                throw QaException.notFound("There is no such " + what + ". It may have been removed.");
            }
            throw QaException.forbidden("Only the author of this " + what + " can edit it.");
        }
        if (post.isDeleted()) {
            throw QaException.conflict("This " + what + " was deleted; undelete it first.");
        }
    }

    /** As {@link #mayChange(Member, Post, String)}, and an answer to a deleted question is not edited either. */
    static void mayChange(Member editor, Answer answer) {
        mayChange(editor, answer, "answer");
        if (answer.question.isDeleted()) {
            throw QaException.conflict("The question of this answer was deleted: its answers cannot be edited.");
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
            errors.put("summary", "The summary must be at most " + MAX_SUMMARY + " characters long.");
        }
        return summary.isEmpty() ? null : summary;
    }

    static void check(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    static QaException nothingChanged() {
        return QaException.badRequest("Nothing changed: the text is the same as the current revision.");
    }

    static QaException noSuchRevision(String what, int revision) {
        return QaException.notFound("There is no earlier revision " + revision + " of this " + what + ".");
    }
}
