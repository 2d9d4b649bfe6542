package org.qasite.question;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.qasite.member.CurrentMember;
import org.qasite.member.Member;
import org.qasite.refusal.QaException;
import org.qasite.text.i18n.LoginAction;
import org.qasite.web.page.Pager;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Questions")
public class QuestionApi {

    public record AuthorView(String username, String displayName, String avatarUrl) {

        /** The member as the API shows them, or null for none (a post never edited has no editor). */
        public static AuthorView of(Member member) {
            return member == null ? null : new AuthorView(member.username, member.displayName, member.avatarUrl());
        }
    }

    /** {@code revision} is the one an edit (PUT) sends back to be sure it replaces what the client read. */
    public record QuestionView(long id, String title, String body, String bodyHtml, AuthorView author,
            Instant createdAt, int rating, int answerCount, long views, Long acceptedAnswerId, List<String> tags,
            String url, int revision, Instant editedAt, AuthorView editor) {

        public static QuestionView of(Question q) {
            return new QuestionView(q.id, q.title, q.body, q.bodyHtml, AuthorView.of(q.author), q.createdAt, q.rating,
                    q.answerCount, q.viewCount, q.acceptedAnswerId, QuestionService.tagNames(q), q.path(),
                    q.revision, q.editedAt, AuthorView.of(q.editedBy));
        }
    }

    public record PageView<T>(List<T> items, int page, int pages, long total) {
        public static <T> PageView<T> of(List<T> items, Pager pager) {
            return new PageView<>(items, pager.page(), pager.pages(), pager.total());
        }
    }

    public record AskRequest(String title, String body, List<String> tags) {
    }

    private final CurrentMember me;
    private final QuestionService questions;

    QuestionApi(CurrentMember me, QuestionService questions) {
        this.me = me;
        this.questions = questions;
    }

    @GET
    @Path("questions")
    @Operation(summary = "A page of questions: newest first, or by recent activity (sort=hot), or those without an answer"
            + " (sort=unanswered); optionally one tag's")
    public PageView<QuestionView> list(@RestQuery String page, @RestQuery String sort, @RestQuery String tag) {
        List<Question> items;
        Pager pager;
        if (tag != null && !tag.isBlank()) {
            org.qasite.tag.Tag found = org.qasite.tag.Tag.findByName(tag.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> QaException.notFound("There is no tag \u201C" + tag + "\u201D."));
            Question.ListSort order = QuestionListResource.tagSort(sort);
            pager = Pager.of(page, Question.countByTag(found, order), QuestionListResource.QUESTIONS_PER_PAGE, "", null);
            items = Question.listByTag(found, order, pager.panache());
        } else if ("unanswered".equals(sort)) {
            pager = Pager.of(page, Question.countUnanswered(), QuestionListResource.QUESTIONS_PER_PAGE, "", null);
            items = Question.listUnanswered(pager.panache());
        } else {
            pager = Pager.of(page, Question.countListed(), QuestionListResource.QUESTIONS_PER_PAGE, "", null);
            items = "hot".equals(sort) ? Question.listHot(pager.panache()) : Question.listNewest(pager.panache());
        }
        return PageView.of(items.stream().map(QuestionView::of).toList(), pager);
    }

    @GET
    @Path("questions/{id}")
    @Operation(summary = "One question (a deleted one is not found)")
    public QuestionView get(@RestPath String id) {
        return QuestionView.of(DeletedPosts.require(Question.require(id), null));
    }

    @POST
    @Path("questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask a question (members)")
    public Response ask(AskRequest request) {
        long memberId = me.requireId(LoginAction.ASK);
        if (request == null) {
            throw QaException.badRequest("Send a JSON object with title, body and tags.");
        }
        Question question = questions.ask(memberId, new AskInput(request.title(), request.body(), request.tags()));
        return Response.created(URI.create("/api/v1/questions/" + question.id))
                .entity(QuestionView.of(Question.findById(question.id))).build();
    }
}
