package org.qasite.question;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.qasite.events.EventType;
import org.qasite.events.Outbox;
import org.qasite.events.Payloads;
import org.qasite.limit.RateLimiter;
import org.qasite.markdown.MarkdownRenderer;
import org.qasite.member.Member;
import org.qasite.refusal.DuplicatePost;
import org.qasite.refusal.InputValidator;
import org.qasite.tag.TagNames;
import org.qasite.tag.TagRepository;
import org.qasite.text.InputText;
import org.qasite.text.i18n.LoginAction;
import org.qasite.text.i18n.RefusalMsg;
import org.qasite.text.i18n.Refusals;

@ApplicationScoped
public class QuestionService {

    private final InputValidator validator;
    private final MarkdownRenderer markdown;
    private final TagRepository tags;
    private final RateLimiter rateLimiter;
    private final Outbox outbox;

    QuestionService(InputValidator validator, MarkdownRenderer markdown, TagRepository tags, RateLimiter rateLimiter,
            Outbox outbox) {
        this.validator = validator;
        this.markdown = markdown;
        this.tags = tags;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
    }

    /** Cleans and checks the input; a problem with any field throws before anything is written. */
    public AskInput validate(AskInput raw) {
        AskInput input = new AskInput(InputText.line(raw.title()), InputText.block(raw.body()),
                TagNames.normalise(raw.tags()));
        Map<String, String> errors = validator.errors(input);
        TagNames.Problem tagProblem = TagNames.check(input.tags());
        if (tagProblem != null) {
            errors.put("tags", say(tagProblem, Refusals.forField()));
        }
        validator.check(errors);
        return input;
    }

    @Transactional
    public Question ask(long authorId, AskInput raw) {
        AskInput input = validate(raw);
        Member author = Member.lockForPosting(authorId, LoginAction.ASK);
        Question repeat = Question.findRepeat(authorId, input.title(), input.body(), DuplicatePost.windowStart());
        if (repeat != null) {
            throw new DuplicatePost(Refusals.now().duplicate_question(), repeat.path());
        }
        Question question = new Question();
        question.author = author;
        question.title = input.title();
        question.body = input.body();
        question.bodyHtml = markdown.toSafeHtml(input.body());
        question.tags = tags.findOrCreate(input.tags());
        question.persist();
        outbox.record(EventType.QUESTION_CREATED,
                new Payloads.QuestionCreated(question.id, authorId, input.tags()));
        // Counted once the writes went through: a refusal rolls them back, a failed write costs no quota.
        rateLimiter.acquire(RateLimiter.Action.ASK, authorId);
        return question;
    }

    /** A problem with the tags field in the reader's words. */
    static String say(TagNames.Problem problem, RefusalMsg words) {
        return switch (problem) {
            case TagNames.Problem.None none -> words.tags_none();
            case TagNames.Problem.TooMany many -> words.tags_too_many(TagNames.MAX_TAGS, many.given());
            case TagNames.Problem.Invalid invalid -> words.tag_invalid(invalid.name(), TagNames.MAX_LENGTH);
            case TagNames.Problem.MixedScripts mixed ->
                words.tag_mixed(mixed.name(), Refusals.scripts(words, mixed.scripts()));
        };
    }

    public static List<String> tagNames(Question question) {
        return question.tags.stream().map(t -> t.name).toList();
    }
}
