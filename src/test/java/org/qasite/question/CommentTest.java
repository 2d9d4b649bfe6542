package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CommentTest {

    @Inject
    TestData data;

    Member asker;
    Question question;
    Member answerer;
    Answer answer;
    Member commenter;
    WebSession session;

    @BeforeEach
    void setUp() {
        asker = data.member("asker");
        question = data.question(asker, "How do comments work here?");
        answerer = data.member("answerer");
        answer = data.answer(answerer, question, "An answer that people comment on.");
        commenter = data.member("commenter");
        session = WebSession.loggedIn(commenter.username);
    }

    long comments() {
        return data.count("SELECT count(*) FROM comment WHERE question_id = ?1", question.id);
    }

    long commentEvents() {
        return data.count("SELECT count(*) FROM outbox WHERE type LIKE 'comment.%' AND payload->>'questionId' = ?1",
                String.valueOf(question.id));
    }

    String payload(String type, long commentId) {
        return data.text("SELECT payload::text FROM outbox WHERE type = ?1 AND payload->>'commentId' = ?2", type,
                String.valueOf(commentId));
    }

    long lastComment() {
        return data.count("SELECT max(id) FROM comment WHERE question_id = ?1", question.id);
    }

    Document page(WebSession who, String path) {
        return Pages.document(who.get(path).then().statusCode(200).extract().response());
    }

    @Test
    void aCommentOnTheQuestionIsSavedWithItsEventAndShownUnderIt() {
        Response response = session.postForm("/questions/" + question.id + "/comments",
                Map.of("body", "Which **version** do you use, `17` or `21`?"));
        response.then().statusCode(303);
        long id = lastComment();
        assertThat(response.header("Location"), endsWith(question.path() + "#comment-" + id));
        assertThat(commentEvents(), equalTo(1L));
        assertThat(payload("comment.created", id).replace(" ", ""), containsString("\"postAuthorId\":" + asker.id));

        Document page = page(session, question.path());
        Element comment = Pages.one(page, "[data-comments-for=question-" + question.id + "] [data-comment-id=" + id + "]");
        assertThat(comment.id(), equalTo("comment-" + id));
        assertThat(comment.select("strong").text(), equalTo("version"));
        assertThat(comment.select("code").eachText(), contains("17", "21"));
        assertThat(comment.select("a[href=/members/" + commenter.username + "]").text(),
                equalTo("Display " + commenter.username));
        assertThat(comment.select("time").attr("datetime"), not(equalTo("")));
        assertThat("its author may delete it", comment.select("form[action=/comments/" + id + "/delete] button").text(),
                equalTo("Delete"));
        assertThat(page, hasText(containsString("Your comment is posted.")));
        assertThat("someone else has no Delete button",
                page(WebSession.loggedIn(asker.username), question.path())
                        .select("[data-comment-id=" + id + "] form"),
                empty());
        assertThat(page(WebSession.visitor(), question.path()).select("[data-comment-id=" + id + "] form"),
                empty());
    }

    @Test
    void everyPostHasAListAndAFormEvenWithoutComments() {
        Document page = page(session, question.path());
        for (String key : List.of("question-" + question.id, "answer-" + answer.id)) {
            assertThat(Pages.one(page, "[data-comments-for=" + key + "]").children(), empty());
            Element form = Pages.one(page, "form[data-comment-form-for=" + key + "]");
            assertThat(form.attr("method"), equalTo("post"));
            assertThat(form.select("input[name=_csrf], input[type=hidden]"), not(empty()));
            assertThat(form.select("textarea[name=body]"), hasSize(1));
            assertThat(form.parent().tagName(), equalTo("details"));
            assertThat(form.parent().selectFirst("summary").text(), equalTo("Add a comment"));
            assertThat(form.select("[data-comment-counter]"), hasSize(1));
        }
        Document visitor = page(WebSession.visitor(), question.path());
        assertThat(visitor.select("form[data-comment-form-for]"), empty());
        assertThat(visitor.select("[data-comments-for]"), hasSize(2));
        assertThat(visitor.select("a[data-login-to-comment]").first().attr("href"), containsString("/login?return="));
    }

    @Test
    void aCommentOnAnAnswerGoesUnderTheAnswerAndBackToIt() {
        Response response = session.postForm("/answers/" + answer.id + "/comments",
                Map.of("body", "This answer needs an example."));
        long id = lastComment();
        response.then().statusCode(303).header("Location", endsWith(question.path() + "#comment-" + id));
        assertThat(data.count("SELECT answer_id FROM comment WHERE id = ?1", id), equalTo(answer.id));
        Document page = page(session, question.path());
        assertThat(page.select("[data-answer-id=" + answer.id + "] [data-comments-for=answer-" + answer.id
                + "] [data-comment-id=" + id + "]"), hasSize(1));
        assertThat(page.select("[data-comments-for=question-" + question.id + "] [data-comment-id]"), empty());
        session.get("/comments/" + id).then().statusCode(303)
                .header("Location", endsWith(question.path() + "#comment-" + id));
    }

    @Test
    void aTooShortOrTooLongCommentComesBackInItsFormWithTheMessage() {
        Response shortOne = session.postForm("/answers/" + answer.id + "/comments", Map.of("body", "  Too short.  "));
        shortOne.then().statusCode(400);
        Document page = Pages.document(shortOne);
        Element form = Pages.one(page, "form[data-comment-form-for=answer-" + answer.id + "]");
        assertThat(form.selectFirst("textarea[name=body]").text(), equalTo("Too short."));
        assertThat(form.select("[data-comment-error]").text(), equalTo("A comment must be 15 to 600 characters long."));
        assertThat("that box is open", form.parent().hasAttr("open"), equalTo(true));
        assertThat("the other one is not",
                Pages.one(page, "form[data-comment-form-for=question-" + question.id + "]").parent().hasAttr("open"),
                equalTo(false));

        String tooLong = "x".repeat(601);
        Response longOne = session.postForm("/questions/" + question.id + "/comments", Map.of("body", tooLong));
        longOne.then().statusCode(400);
        Element questionForm = Pages.one(Pages.document(longOne), "form[data-comment-form-for=question-" + question.id + "]");
        assertThat(questionForm.selectFirst("textarea").text(), equalTo(tooLong));
        assertThat(questionForm.select("[data-comment-error]").text(),
                equalTo("A comment must be 15 to 600 characters long."));
        session.postForm("/questions/" + question.id + "/comments", Map.of("body", "\u200b\u200b ")).then()
                .statusCode(400).body(hasText(containsString("Write your comment.")));

        assertThat(comments(), equalTo(0L));
        assertThat(commentEvents(), equalTo(0L));
    }

    @Test
    void noCommentOnADeletedOrMissingPostNorFromAVisitor() {
        data.execute("UPDATE answer SET deleted_at = now(), deleted_by = ?1 WHERE id = ?2", answerer.id, answer.id);
        session.postJson("/api/v1/answers/" + answer.id + "/comments", Map.of("body", "A comment on a deleted answer."))
                .then().statusCode(409).body("error", equalTo("This answer was deleted."));
        session.postForm("/answers/999999999/comments", Map.of("body", "A comment on nothing at all.")).then()
                .statusCode(404);
        session.postForm("/questions/999999999/comments", Map.of("body", "A comment on nothing at all.")).then()
                .statusCode(404);
        session.postForm("/questions/abc/comments", Map.of("body", "A comment on nothing at all.")).then()
                .statusCode(404);
        WebSession.visitor().postForm("/questions/" + question.id + "/comments",
                Map.of("body", "A comment from nobody in particular.")).then().statusCode(303)
                .header("Location", containsString("/login"));
        session.postFormWithoutToken("/questions/" + question.id + "/comments",
                Map.of("body", "A comment without its token.")).then().statusCode(400);
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = ?1 WHERE id = ?2", asker.id, question.id);
        session.postJson("/api/v1/questions/" + question.id + "/comments", Map.of("body", "On a deleted question."))
                .then().statusCode(409).body("error", equalTo("This question was deleted."));
        assertThat(comments(), equalTo(0L));
        assertThat(commentEvents(), equalTo(0L));
    }

    @Test
    void theSameCommentSentTwicePostsOnceAndLeadsToIt() {
        Map<String, String> form = Map.of("body", "Sent twice by the back button.");
        session.postForm("/answers/" + answer.id + "/comments", form).then().statusCode(303);
        long id = lastComment();
        session.postForm("/answers/" + answer.id + "/comments", form).then().statusCode(303)
                .header("Location", endsWith("/comments/" + id));
        session.get(question.path()).then().body(hasText(containsString("You posted this comment already")));
        session.postJson("/api/v1/answers/" + answer.id + "/comments", form).then().statusCode(409)
                .body("error", equalTo("You posted this comment already: here it is."))
                .body("details[0]", equalTo("/comments/" + id));
        assertThat(comments(), equalTo(1L));
        assertThat(commentEvents(), equalTo(1L));

        // the same words on another post, or from someone else, make a comment of their own
        session.postForm("/questions/" + question.id + "/comments", form).then().statusCode(303);
        WebSession.loggedIn(asker.username).postForm("/answers/" + answer.id + "/comments", form).then()
                .statusCode(303);
        assertThat(comments(), equalTo(3L));
        // and so do they once the first was deleted
        session.postForm("/comments/" + id + "/delete", Map.of()).then().statusCode(303);
        session.postForm("/answers/" + answer.id + "/comments", form).then().statusCode(303);
        assertThat(comments(), equalTo(4L));

        // a double click: sends at the same moment still make one comment
        Map<String, String> twice = Map.of("body", "Sent four times at the same moment.");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sends = Collections.nCopies(4,
                    () -> session.postJson("/api/v1/questions/" + question.id + "/comments", twice).statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(sends)) {
                statuses.add(status.get());
            }
            assertThat(statuses.stream().filter(s -> s == 201).count(), equalTo(1L));
            assertThat(statuses.stream().filter(s -> s == 409).count(), equalTo(3L));
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(comments(), equalTo(5L));
    }

    @Test
    void theAuthorDeletesTheirCommentOnceAndNobodyElseCan() {
        session.postForm("/questions/" + question.id + "/comments", Map.of("body", "A comment I will regret."))
                .then().statusCode(303);
        long id = lastComment();
        WebSession other = WebSession.loggedIn(asker.username);
        other.postForm("/comments/" + id + "/delete", Map.of()).then().statusCode(403);
        other.request().delete("/api/v1/comments/" + id).then().statusCode(403)
                .body("error", equalTo("Only its author can delete a comment."));
        assertThat(data.text("SELECT deleted_at::text FROM comment WHERE id = ?1", id), nullValue());

        session.postForm("/comments/" + id + "/delete", Map.of()).then().statusCode(303)
                .header("Location", endsWith(question.path() + "#comments-question-" + question.id));
        assertThat(payload("comment.deleted", id), not(nullValue()));
        session.postForm("/comments/" + id + "/delete", Map.of()).then().statusCode(409)
                .body(hasText(containsString("This comment was deleted already.")));
        session.request().delete("/api/v1/comments/" + id).then().statusCode(409);
        assertThat(page(session, question.path()).select("[data-comment-id=" + id + "]"), empty());
        assertThat("the row stays", comments(), equalTo(1L));
        WebSession.visitor().get("/comments/" + id).then().statusCode(404);
    }

    @Test
    void onlyTheFirstFiveAreShownAndTheLinkShowsTheRest() {
        for (int i = 1; i <= 7; i++) {
            data.execute("INSERT INTO comment (question_id, answer_id, author_id, body, body_html, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?4, now() + make_interval(secs => ?5))", question.id, answer.id,
                    commenter.id, "Comment number " + i, i);
        }
        Document page = page(WebSession.visitor(), question.path());
        String key = "answer-" + answer.id;
        assertThat(page.select("[data-comments-for=" + key + "] [data-comment-id]").eachText().stream()
                .map(t -> t.substring(0, t.indexOf(" –"))).toList(),
                contains("Comment number 1", "Comment number 2", "Comment number 3", "Comment number 4",
                        "Comment number 5"));
        Element more = Pages.one(page, "a[data-comments-more=" + key + "]");
        assertThat(more.text(), equalTo("Show 2 more comments"));
        assertThat(more.attr("href"), containsString("comments=" + key));

        Document all = page(WebSession.visitor(), more.attr("href").replaceAll("#.*", ""));
        assertThat(all.select("[data-comments-for=" + key + "] [data-comment-id]"), hasSize(7));
        assertThat(all.select("a[data-comments-more]"), empty());

        // A new comment, the eighth, is shown where the redirect leads.
        Response posted = session.postForm("/answers/" + answer.id + "/comments", Map.of("body", "Comment number eight."));
        assertThat(posted.header("Location"), containsString("comments=" + key + "#comment-" + lastComment()));
    }

    @Test
    void markdownInACommentStaysInline() {
        session.postForm("/questions/" + question.id + "/comments",
                Map.of("body", "# Not a heading ![alt](https://example.org/x.png) and [a link](https://example.org)"))
                .then().statusCode(303);
        long id = lastComment();
        Element body = Pages.one(page(session, question.path()), "#comment-" + id + " .comment-body");
        assertThat(body.select("h1, img, p, ul"), empty());
        assertThat(body.text(), containsString("# Not a heading ![alt](https://example.org/x.png)"));
        assertThat(body.selectFirst("a[href=https://example.org]").attr("rel"), containsString("ugc"));
    }

    @Test
    void mentionsOfPeopleOfTheThreadAreLinkedAndInTheEvent() {
        Member stranger = data.member("stranger");
        session.postForm("/questions/" + question.id + "/comments",
                Map.of("body", "@" + answerer.username + " and @" + asker.username + ", not @" + stranger.username
                        + " nor `@" + answerer.username + "`."))
                .then().statusCode(303);
        long id = lastComment();
        Element body = Pages.one(page(session, question.path()), "#comment-" + id + " .comment-body");
        assertThat(body.select("a[data-mention]").eachAttr("href"),
                contains("/members/" + answerer.username, "/members/" + asker.username));
        assertThat(body.select("code a"), empty());
        assertThat(body.text(), containsString("@" + stranger.username));
        assertThat(payload("comment.created", id).replace(" ", ""),
                containsString("\"mentionedIds\":[" + answerer.id + "," + asker.id + "]"));
    }

    @Test
    void aReaderWhoSawTheAnswerBeforeSeesItsNewCommentAndNoDeleteButtonOfAnother() {
        WebSession reader = WebSession.loggedIn(asker.username);
        assertThat(page(reader, question.path()).select("[data-comments-for=answer-" + answer.id
                + "] [data-comment-id]"), empty());
        session.postForm("/answers/" + answer.id + "/comments", Map.of("body", "A comment after the first look."))
                .then().statusCode(303);
        long id = lastComment();
        Document again = page(reader, question.path());
        assertThat(again.select("[data-comments-for=answer-" + answer.id + "] [data-comment-id=" + id + "]"), hasSize(1));
        assertThat(again.select("[data-comment-id=" + id + "] form"), empty());
        assertThat(page(session, question.path()).select("[data-comment-id=" + id + "] form"), hasSize(1));
        // and once deleted, it is gone for the reader too
        session.postForm("/comments/" + id + "/delete", Map.of()).then().statusCode(303);
        assertThat(page(reader, question.path()).select("[data-comment-id=" + id + "]"), empty());
    }

    @Test
    void commentingTooFastAnswers429WithTheTextKept() {
        for (int i = 1; i <= 30; i++) {
            session.postJson("/api/v1/questions/" + question.id + "/comments", Map.of("body", "Quick comment number " + i))
                    .then().statusCode(201);
        }
        session.postForm("/questions/" + question.id + "/comments", Map.of("body", "Quick comment number 31")).then()
                .statusCode(429)
                .body(hasText(containsString("You are going too fast: at most 30 comments per 10 minutes")))
                .body(hasElement("form[data-comment-form-for=question-" + question.id + "] textarea",
                        equalTo("Quick comment number 31")));
        assertThat(comments(), equalTo(30L));
    }
}
