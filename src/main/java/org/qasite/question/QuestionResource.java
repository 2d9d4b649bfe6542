package org.qasite.question;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import org.qasite.refusal.QaException;
import org.qasite.tag.Tag;
import org.qasite.tag.TagNames;
import org.qasite.views.Readers;
import org.qasite.views.ViewCounter;
import org.qasite.vote.VoteService;
import org.qasite.web.page.Flash;
import org.qasite.web.page.Forms;
import org.qasite.web.page.LoginRedirect;
import org.qasite.web.page.Pager;
import org.qasite.web.page.TemplateExtensions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/** The question lists, the question page and the ask form. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class QuestionResource {

    static final int QUESTIONS_PER_PAGE = 20;
    public static final int ANSWERS_PER_PAGE = 10;

    /** What the ask form shows again after a refusal. */
    public record AskForm(String title, String body, String tags) {
        static final AskForm EMPTY = new AskForm("", "", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String heading, String tab, List<Question> questions, Pager pager,
                String emptyText);

        static native TemplateInstance show(QuestionPage page, String answerBody, Map<String, String> errors,
                String formError);

        static native TemplateInstance ask(AskForm form, Map<String, String> errors, String formError);

        static native TemplateInstance show$answer(Answer a, QuestionPage page);
    }

    /** One answer as the question page shows it, for the reader the page stands for: what live readers receive. */
    public static TemplateInstance answerFragment(Answer answer, QuestionPage page) {
        return Templates.show$answer(answer, page);
    }

    private final CurrentMember me;
    private final QuestionService questions;
    private final VoteService votes;
    private final ViewCounter views;
    private final Readers readers;
    private final EventStream events;

    QuestionResource(CurrentMember me, QuestionService questions, VoteService votes, ViewCounter views,
            Readers readers, EventStream events) {
        this.me = me;
        this.questions = questions;
        this.votes = votes;
        this.views = views;
        this.readers = readers;
        this.events = events;
    }

    @GET
    public TemplateInstance newest(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.count(), QUESTIONS_PER_PAGE, "/", null);
        return Templates.list("Newest questions", "new", Question.listNewest(pager.panache()), pager,
                "No questions yet. Be the first to ask one!");
    }

    @GET
    @Path("hot")
    public TemplateInstance hot(@RestQuery String page) {
        Pager pager = Pager.of(page, Question.count(), QUESTIONS_PER_PAGE, "/hot", null);
        return Templates.list("Hot questions", "hot", Question.listHot(pager.panache()), pager,
                "No questions yet. Be the first to ask one!");
    }

    @GET
    @Path("tag/{name}")
    public TemplateInstance tagged(@RestPath String name, @RestQuery String page) {
        Tag tag = Tag.findByName(name.toLowerCase(Locale.ROOT)).orElseThrow(
                () -> QaException.notFound("There is no tag \u201C" + name + "\u201D yet."));
        Pager pager = Pager.of(page, Question.countByTag(tag), QUESTIONS_PER_PAGE,
                "/tag/" + TemplateExtensions.pathSegment(tag.name), null);
        return Templates.list("Questions tagged [" + tag.name + "]", "tag", Question.listByTag(tag, pager.panache()),
                pager, "No questions with this tag.");
    }

    @GET
    @Path("questions/{id}")
    public TemplateInstance show(@RestPath String id, @RestQuery String page, @RestQuery String sort,
            HttpServerRequest request) {
        String address = ClientAddress.of(request);
        String readerKey = readers.of(me.id(), address);
        QuestionPage questionPage = load(id, page, sort);
        if (request.method() == HttpMethod.GET) { // HEAD is answered by this method too, and is not a view
            views.record(questionPage.question().id, readerKey);
        }
        return Templates.show(questionPage, "", Map.of(), null);
    }

    QuestionPage load(String rawId, String page, String rawSort) {
        // Read before the answers: every answer the page misses comes after it in the stream, and the page's script
        // asks for exactly those when it connects.
        Position position = events.currentPosition();
        Question question = Question.requireForPage(rawId);
        Answer.Sort sort = Answer.Sort.parse(rawSort);
        Pager pager = Pager.of(page, question.answerCount, ANSWERS_PER_PAGE, "/questions/" + question.id,
                sort == Answer.Sort.VOTES ? "sort=votes" : null);
        List<Answer> answers = Answer.listForQuestion(question, sort, pager.panache());
        Member reader = me.getMember();
        int myQuestionVote = 0;
        Map<Long, Integer> myAnswerVotes = Map.of();
        if (reader != null) {
            myQuestionVote = votes.myVotes(VoteService.Target.QUESTION, reader.id, List.of(question.id))
                    .getOrDefault(question.id, 0);
            myAnswerVotes = votes.myVotes(VoteService.Target.ANSWER, reader.id, answers.stream().map(a -> a.id).toList());
        }
        return new QuestionPage(question, answers, pager, sort, reader, myQuestionVote, myAnswerVotes,
                position == null ? null : position.toString());
    }

    @GET
    @Path("ask")
    @Authenticated
    public Response askForm() {
        return Response.ok(Templates.ask(AskForm.EMPTY, Map.of(), null)).build();
    }

    @POST
    @Path("ask")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@RestForm String title, @RestForm String body, @RestForm String tags) {
        try {
            Question question = questions.ask(me.id(), new AskInput(title, body, TagNames.split(tags)));
            return Response.seeOther(URI.create("/questions/" + question.id))
                    .cookie(Flash.set("Your question is posted.")).build();
        } catch (DuplicatePost e) {
            return Response.seeOther(URI.create(e.url())).cookie(Flash.set(e.getMessage())).build();
        } catch (QaException e) {
            AskForm form = new AskForm(Forms.orEmpty(title), Forms.orEmpty(body), Forms.orEmpty(tags));
            return Response.status(e.status()).entity(Templates.ask(form, Forms.fieldErrors(e), e.getMessage())).build();
        }
    }

    /** Renders the question page again with the answer form's values and errors. */
    public Response showWithAnswerErrors(String questionId, String body, QaException e) {
        QuestionPage page = load(questionId, null, null);
        return Response.status(e.status())
                .entity(Templates.show(page, Forms.orEmpty(body), Forms.fieldErrors(e), e.getMessage()))
                .build();
    }

    /** A visitor on the ask page: to the login page, and back here once logged in. */
    @ServerExceptionMapper
    Response visitor(UnauthorizedException e) {
        return LoginRedirect.to("Log in to ask a question.", "/ask");
    }
}
