package org.qasite.edit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.limit.RateLimiter;
import org.qasite.markdown.MarkdownRenderer;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.AnswerInput;
import org.qasite.question.AnswerService;
import org.qasite.question.OutdatedHtml;
import org.qasite.question.Question;
import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;

/** Edits and rollbacks of answers: each one a new revision, never one saved over an edit its author did not see. */
@ApplicationScoped
public class AnswerEditService {

    private final AnswerService answers;
    private final MarkdownRenderer markdown;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;

    AnswerEditService(AnswerService answers, MarkdownRenderer markdown, Outbox outbox, RateLimiter rateLimiter) {
        this.answers = answers;
        this.markdown = markdown;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
    }

    @Transactional
    public Answer edit(long editorId, long answerId, AnswerEdit edit) {
        Answer answer = lock(answerId);
        Member editor = Member.findById(editorId);
        EditChecks.mayChange(editor, answer);
        Map<String, String> errors = new LinkedHashMap<>();
        AnswerInput input = null;
        try {
            input = answers.validate(new AnswerInput(edit.body()));
        } catch (InvalidInput e) {
            errors.putAll(e.fieldErrors());
        }
        String summary = EditChecks.summary(edit.summary(), errors);
        EditChecks.check(errors);
        EditChecks.isCurrent(answer, edit.baseRevision(), "answer");
        save(answer, editor, input.body(), summary, null);
        return answer;
    }

    /** A new revision with the text of revision {@code to}; the summary says so unless the member wrote one. */
    @Transactional
    public Answer rollback(long editorId, long answerId, int to, Integer baseRevision, String rawSummary) {
        Answer answer = lock(answerId);
        Member editor = Member.findById(editorId);
        EditChecks.mayChange(editor, answer);
        EditChecks.isCurrent(answer, baseRevision, "answer");
        AnswerRevision old = to < answer.revision ? AnswerRevision.findRevision(answerId, to) : null;
        if (old == null) {
            throw to == answer.revision ? EditChecks.nothingChanged() : EditChecks.noSuchRevision("answer", to);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String summary = EditChecks.summary(rawSummary, errors);
        EditChecks.check(errors);
        save(answer, editor, old.body, summary == null ? "Rolled back to revision " + to : summary, to);
        return answer;
    }

    private static Answer lock(long answerId) {
        Answer answer = Answer.getEntityManager().find(Answer.class, answerId, LockModeType.PESSIMISTIC_WRITE);
        if (answer == null) {
            throw QaException.notFound("There is no answer " + answerId + ".");
        }
        // Its question shared, after the answer as a deletion locks them: a deletion of the question under way waits
        // for this edit, or this edit sees it.
        Answer.getEntityManager().find(Question.class, answer.question.id, LockModeType.PESSIMISTIC_READ);
        return answer;
    }

    private void save(Answer answer, Member editor, String body, String summary, Integer rollbackOf) {
        if (body.equals(answer.body)) {
            throw EditChecks.nothingChanged();
        }
        if (AnswerRevision.count("answerId", answer.id) == 0) {
            // the answer as its author wrote it, kept before the first edit replaces it
            AnswerRevision first = revision(answer, answer.author, answer.body);
            first.createdAt = answer.createdAt;
            first.persist();
        }
        Instant now = Instant.now();
        answer.body = body;
        answer.bodyHtml = markdown.toSafeHtml(body);
        answer.htmlVersion = OutdatedHtml.CURRENT; // rendered now: the background job need not do it again
        answer.revision++;
        answer.editedAt = now;
        answer.editedBy = editor;
        AnswerRevision next = revision(answer, editor, body);
        next.summary = summary;
        next.rollbackOf = rollbackOf;
        next.createdAt = now;
        next.persist();
        outbox.record(EventType.ANSWER_EDITED, new Payloads.AnswerEdited(answer.id, answer.question.id,
                answer.author.id, editor.id, answer.revision));
        // Counted once the writes went through: a refusal rolls them back, a failed write costs no quota.
        rateLimiter.acquire(RateLimiter.Action.EDIT, editor.id);
    }

    private static AnswerRevision revision(Answer answer, Member author, String body) {
        AnswerRevision revision = new AnswerRevision();
        revision.answerId = answer.id;
        revision.revision = answer.revision;
        revision.author = author;
        revision.body = body;
        return revision;
    }
}
