package org.qasite.question;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qasite.events.EventStream;
import org.qasite.events.Position;
import org.qasite.limit.ClientAddress;
import org.qasite.member.CurrentMember;
import org.qasite.member.Member;
import org.qasite.refusal.DuplicatePost;
import org.qasite.refusal.Ids;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.QuestionMsg;
import org.qasite.views.Readers;
import org.qasite.views.ViewCounter;
import org.qasite.vote.VoteService;
import org.qasite.web.i18n.ReaderLocale;
import org.qasite.web.page.Flash;
import org.qasite.web.page.FormToken;
import org.qasite.web.page.Forms;
import org.qasite.web.page.LoginRedirect;
import org.qasite.web.page.Pager;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/** The question page, and its answer form (the page's script uses the JSON API instead). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class QuestionResource {

    public static final int ANSWERS_PER_PAGE = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(QuestionPage page, String answerBody, Map<String, String> errors,
                String formError);

        static native TemplateInstance show$answer(Answer a, QuestionPage page);

        static native TemplateInstance show$question(QuestionPage page);

        static native TemplateInstance show$comment(Comment comment, QuestionPage page);

        static native TemplateInstance show$comments(String postKey, QuestionPage page);
    }

    /**
     * One comment as the question page shows it, for {@code page.reader()} (its Delete button only for its author; a
     * null reader is any visitor): what live readers receive. It goes at the end of the list
     * {@code [data-comments-for="{comment.postKey()}"]}.
     */
    public static TemplateInstance commentFragment(Comment comment, QuestionPage page) {
        return Templates.show$comment(comment, page);
    }

    /** The comments of one post with its comment box, as the page shows them under the post. */
    static TemplateInstance commentsFragment(String postKey, QuestionPage page) {
        return Templates.show$comments(postKey, page);
    }

    /**
     * The question itself as the question page shows it, for the reader the page stands for: what live readers receive on an
     * edit.
     */
    public static TemplateInstance questionFragment(QuestionPage page) {
        return Templates.show$question(page);
    }

    /** One answer as the question page shows it, for the reader the page stands for: what live readers receive. */
    public static TemplateInstance answerFragment(Answer answer, QuestionPage page) {
        return Templates.show$answer(answer, page);
    }

    private final CurrentMember me;
    private final AnswerService answers;
    private final VoteService votes;
    private final ViewCounter views;
    private final Readers readers;
    private final EventStream events;
    private final Event<QuestionOpened> opened;
    private final VisitorPages visitorPages;
    private final FormToken formToken;
    private final Flash flash;

    QuestionResource(CurrentMember me, AnswerService answers, VoteService votes, ViewCounter views,
            Readers readers, EventStream events, Event<QuestionOpened> opened, VisitorPages visitorPages,
            FormToken formToken, Flash flash) {
        this.opened = opened;
        this.visitorPages = visitorPages;
        this.formToken = formToken;
        this.flash = flash;
        this.me = me;
        this.answers = answers;
        this.votes = votes;
        this.views = views;
        this.readers = readers;
        this.events = events;
    }

    /**
     * The address without the readable part (old links, hand-typed ones): a permanent redirect to the canonical address,
     * with the query (?page=, ?sort=) kept.
     */
    @GET
    @Path("questions/{id}")
    public Response bare(@RestPath String id, UriInfo uri) {
        return toCanonical(visible(id), uri);
    }

    @GET
    @Path("questions/{id}/{slug}")
    public Response show(@RestPath String id, @RestPath String slug, @RestQuery String page, @RestQuery String sort,
            @RestQuery String comments, HttpServerRequest request, UriInfo uri) {
        VisitorPages.Key visitor = visitorKey(id, request);
        if (visitor != null) {
            byte[] kept = visitorPages.get(visitor, formToken::getValue);
            if (kept != null) {
                countView(visitor.questionId(), null, request);
                return Response.ok(kept, MediaType.TEXT_HTML_TYPE).build();
            }
        }
        long renderedAt = visitorPages.clock();
        // Before the question, as in load(): its answer count and its answers are then never older than the position.
        Position position = events.currentPosition();
        // Read once, with what the page shows of it, for the slug and for the page.
        Question question = DeletedPosts.require(Question.requireForPage(id), me.id());
        if (!question.slug().equals(slug)) {
            return toCanonical(question, uri); // a title edited since the link was made, or a mistyped slug
        }
        QuestionPage questionPage = load(position, question, page, sort, comments);
        countView(questionPage.question().id, questionPage.reader(), request);
        TemplateInstance shown = Templates.show(questionPage, "", Map.of(), null);
        if (visitor == null) {
            return Response.ok(shown).build();
        }
        String standIn = UUID.randomUUID().toString();
        String html = FormToken.renderWithStandIn(standIn, shown::render);
        return Response.ok(visitorPages.keep(visitor, renderedAt, html, standIn, formToken::getValue),
                MediaType.TEXT_HTML_TYPE).build();
    }

    /**
     * The key of the page kept for visitors, when this request may have it: a visitor with no message to show, and
     * the cache is on. Null otherwise (a member's page has their votes and buttons; a message is shown once).
     */
    private VisitorPages.Key visitorKey(String rawId, HttpServerRequest request) {
        if (!visitorPages.enabled() || me.id() != null || flash.getMessage() != null) {
            return null;
        }
        long questionId;
        try {
            questionId = Long.parseLong(rawId);
        } catch (NumberFormatException e) {
            return null; // refused further on
        }
        return new VisitorPages.Key(questionId, request.uri(), ReaderLocale.current());
    }

    /** A GET is a view (HEAD is answered by this method too, and is not); a member's also marks the question read. */
    private void countView(long questionId, Member reader, HttpServerRequest request) {
        if (request.method() != HttpMethod.GET) {
            return;
        }
        views.record(questionId, readers.of(reader == null ? null : reader.id, ClientAddress.of(request)));
        if (reader != null) {
            opened.fire(new QuestionOpened(reader.id, questionId));
        }
    }

    /** The question, unless it is missing or deleted for this reader (its title is then nobody's business). */
    private Question visible(String rawId) {
        return DeletedPosts.require(Question.require(rawId), me.id());
    }

    private static Response toCanonical(Question question, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create(question.path() + (query == null || query.isEmpty() ? "" : "?" + query))).build();
    }

    QuestionPage load(String rawId, String page, String rawSort) {
        return load(rawId, page, rawSort, null);
    }

    /** The page, with every comment of the post {@code showComments} names shown ({@code answer-{id}}, ...). */
    QuestionPage load(String rawId, String page, String rawSort, String showComments) {
        // Read before the answers: every answer the page misses comes after it in the stream, and the page's script
        // asks for exactly those when it connects.
        Position position = events.currentPosition();
        return load(position, DeletedPosts.require(Question.requireForPage(rawId), me.id()), page, rawSort, showComments);
    }

    /** The page of a question read (with its author and tags) after the stream position. */
    private QuestionPage load(Position position, Question question, String page, String rawSort, String showComments) {
        Member reader = me.getMember();
        Long readerId = reader == null ? null : reader.id;
        Answer.Sort sort = Answer.Sort.parse(rawSort);
        Pager pager = Pager.of(page, Answer.countForReader(question, readerId), ANSWERS_PER_PAGE,
                question.path(), sort == Answer.Sort.VOTES ? "sort=votes" : null);
        List<Answer> answers = Answer.listForQuestion(question, sort, pager.panache(), readerId);
        int myQuestionVote = 0;
        Map<Long, Integer> myAnswerVotes = Map.of();
        if (reader != null) {
            myQuestionVote = votes.myVotes(VoteService.Target.QUESTION, reader.id, List.of(question.id))
                    .getOrDefault(question.id, 0);
            myAnswerVotes = votes.myVotes(VoteService.Target.ANSWER, reader.id, answers.stream().map(a -> a.id).toList());
        }
        // One query for the comments of the question and of the answers on this page.
        PageComments comments = PageComments.of(Comment.listForPage(question.id, answers.stream().map(a -> a.id).toList()),
                showComments, pager.url(pager.page()));
        return new QuestionPage(question, answers, pager, sort, reader, myQuestionVote, myAnswerVotes,
                position == null ? null : position.toString(), comments);
    }

    @POST
    @Path("questions/{id}/answers")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@RestPath String id, @RestForm String body) {
        long questionId = Ids.parse(id, "question");
        try {
            Answer answer = answers.answer(me.id(), questionId, new AnswerInput(body));
            return Response.seeOther(URI.create(answer.question.path() + "#answer-" + answer.id))
                    .cookie(Flash.set(ReaderLocale.wordsNow(QuestionMsg.class).answer_posted())).build();
        } catch (DuplicatePost e) {
            return Response.seeOther(URI.create(e.url())).cookie(Flash.set(e.getMessage())).build();
        } catch (QaException e) {
            if (e.status() == 404) {
                throw e;
            }
            QuestionPage page = load(id, null, null);
            return Response.status(e.status())
                    .entity(Templates.show(page, Forms.orEmpty(body), Forms.fieldErrors(e), ReaderLocale.formErrorNow(e)))
                    .build();
        }
    }

    /** A visitor: to the login page, and back to the question once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e, UriInfo uri) {
        // The bare address (no database here): it leads on to the canonical one.
        return LoginRedirect.to(ReaderLocale.wordsNow(QuestionMsg.class).answer_login_to(),
                "/questions/" + uri.getPathParameters().getFirst("id"));
    }
}
