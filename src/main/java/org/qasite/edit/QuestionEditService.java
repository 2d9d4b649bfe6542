package org.qasite.edit;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.qasite.question.AskInput;
import org.qasite.question.OutdatedHtml;
import org.qasite.question.Question;
import org.qasite.question.QuestionService;
import org.qasite.refusal.InvalidInput;
import org.qasite.refusal.QaException;
import org.qasite.tag.TagRepository;

/** Edits and rollbacks of questions: each one a new revision, never one saved over an edit its author did not see. */
@ApplicationScoped
public class QuestionEditService {

    private final QuestionService questions;
    private final MarkdownRenderer markdown;
    private final TagRepository tags;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;

    QuestionEditService(QuestionService questions, MarkdownRenderer markdown, TagRepository tags, Outbox outbox,
            RateLimiter rateLimiter) {
        this.questions = questions;
        this.markdown = markdown;
        this.tags = tags;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
    }

    @Transactional
    public Question edit(long editorId, long questionId, QuestionEdit edit) {
        Question question = lock(questionId);
        Member editor = Member.findById(editorId);
        EditChecks.mayChange(editor, question, "question");
        Map<String, String> errors = new LinkedHashMap<>();
        AskInput input = null;
        try {
            input = questions.validate(new AskInput(edit.title(), edit.body(), edit.tags()));
        } catch (InvalidInput e) {
            errors.putAll(e.fieldErrors());
        }
        String summary = EditChecks.summary(edit.summary(), errors);
        EditChecks.check(errors);
        EditChecks.isCurrent(question, edit.baseRevision(), "question");
        save(question, editor, input, summary, null);
        return question;
    }

    /** A new revision with the text of revision {@code to}; the summary says so unless the member wrote one. */
    @Transactional
    public Question rollback(long editorId, long questionId, int to, Integer baseRevision, String rawSummary) {
        Question question = lock(questionId);
        Member editor = Member.findById(editorId);
        EditChecks.mayChange(editor, question, "question");
        EditChecks.isCurrent(question, baseRevision, "question");
        QuestionRevision old = to < question.revision ? QuestionRevision.findRevision(questionId, to) : null;
        if (old == null) {
            throw to == question.revision ? EditChecks.nothingChanged() : EditChecks.noSuchRevision("question", to);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String summary = EditChecks.summary(rawSummary, errors);
        EditChecks.check(errors);
        AskInput input = new AskInput(old.title, old.body, old.tagList());
        save(question, editor, input, summary == null ? "Rolled back to revision " + to : summary, to);
        return question;
    }

    private static Question lock(long questionId) {
        Question question = Question.getEntityManager().find(Question.class, questionId, LockModeType.PESSIMISTIC_WRITE);
        if (question == null) {
            throw QaException.notFound("There is no question " + questionId + ".");
        }
        return question;
    }

    private void save(Question question, Member editor, AskInput input, String summary, Integer rollbackOf) {
        List<String> current = QuestionService.tagNames(question);
        if (input.title().equals(question.title) && input.body().equals(question.body)
                && sorted(input.tags()).equals(sorted(current))) {
            throw EditChecks.nothingChanged();
        }
        if (QuestionRevision.count("questionId", question.id) == 0) {
            // the post as its author wrote it, kept before the first edit replaces it
            QuestionRevision first = revision(question, question.author, question.title, question.body, current);
            first.createdAt = question.createdAt;
            first.persist();
        }
        Instant now = Instant.now();
        question.title = input.title();
        question.body = input.body();
        question.bodyHtml = markdown.toSafeHtml(input.body());
        question.htmlVersion = OutdatedHtml.CURRENT; // rendered now: the background job need not do it again
        question.tags = tags.findOrCreate(input.tags());
        question.revision++;
        question.editedAt = now;
        question.editedBy = editor;
        QuestionRevision next = revision(question, editor, input.title(), input.body(), input.tags());
        next.summary = summary;
        next.rollbackOf = rollbackOf;
        next.createdAt = now;
        next.persist();
        outbox.record(EventType.QUESTION_EDITED,
                new Payloads.QuestionEdited(question.id, question.author.id, editor.id, question.revision));
        // Counted once the writes went through: a refusal rolls them back, a failed write costs no quota.
        rateLimiter.acquire(RateLimiter.Action.EDIT, editor.id);
    }

    private static QuestionRevision revision(Question question, Member author, String title, String body,
            List<String> tagNames) {
        QuestionRevision revision = new QuestionRevision();
        revision.questionId = question.id;
        revision.revision = question.revision;
        revision.author = author;
        revision.title = title;
        revision.body = body;
        revision.tags = String.join(" ", tagNames);
        return revision;
    }

    private static List<String> sorted(List<String> names) {
        String[] copy = names.toArray(String[]::new);
        Arrays.sort(copy);
        return List.of(copy);
    }
}
