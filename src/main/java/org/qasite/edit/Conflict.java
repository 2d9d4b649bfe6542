package org.qasite.edit;

import java.time.Instant;

import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;

/**
 * What the other edit changed, shown beside the member's own text when their edit was based on an older revision: from
 * the revision they started from to the current one. The differences are null when the base revision is not one of the
 * post's (a form made up by hand).
 */
public record Conflict(int baseRevision, int currentRevision, Member editor, Instant editedAt, WordDiff title,
        WordDiff tags, WordDiff body) {

    static Conflict of(Question question, EditConflict e) {
        QuestionRevision base = QuestionRevision.findRevision(question.id, e.baseRevision());
        QuestionRevision now = QuestionRevision.findRevision(question.id, question.revision);
        if (base == null || now == null) {
            return new Conflict(e.baseRevision(), question.revision, question.editedBy, question.editedAt, null, null,
                    null);
        }
        return new Conflict(e.baseRevision(), question.revision, now.author, now.createdAt,
                WordDiff.between(base.title, now.title), WordDiff.between(base.tags, now.tags),
                WordDiff.between(base.body, now.body));
    }

    static Conflict of(Answer answer, EditConflict e) {
        AnswerRevision base = AnswerRevision.findRevision(answer.id, e.baseRevision());
        AnswerRevision now = AnswerRevision.findRevision(answer.id, answer.revision);
        if (base == null || now == null) {
            return new Conflict(e.baseRevision(), answer.revision, answer.editedBy, answer.editedAt, null, null, null);
        }
        return new Conflict(e.baseRevision(), answer.revision, now.author, now.createdAt, null, null,
                WordDiff.between(base.body, now.body));
    }

    /** Whether the differences can be shown. */
    public boolean hasDifferences() {
        return body != null;
    }
}
