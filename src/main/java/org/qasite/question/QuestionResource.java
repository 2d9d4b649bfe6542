package org.qasite.question;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

    QuestionResource(CurrentMember me, AnswerService answers, VoteService votes, ViewCounter views,
            Readers readers, EventStream events, Event<QuestionOpened> opened) {
        this.opened = opened;
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
        // Before the question, as in load(): its answer count and its answers are then never older than the position.
        Position position = events.currentPosition();
        // Read once, with what the page shows of it, for the slug and for the page.
        Question question = DeletedPosts.require(Question.requireForPage(id), me.id());
        if (!question.slug().equals(slug)) {
            return toCanonical(question, uri); // a title edited since the link was made, or a mistyped slug
        }
        String address = ClientAddress.of(request);
        String readerKey = readers.of(me.id(), address);
        QuestionPage questionPage = load(position, question, page, sort, comments);
        if (request.method() == HttpMethod.GET) { // HEAD is answered by this method too, and is not a view
            views.record(questionPage.question().id, readerKey);
            if (questionPage.reader() != null) {
                opened.fire(new QuestionOpened(questionPage.reader().id, questionPage.question().id));
            }
        }
        return Response.ok(Templates.show(questionPage, "", Map.of(), null)).build();
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
