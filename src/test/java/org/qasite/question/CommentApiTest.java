package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CommentApiTest {

    @Inject
    TestData data;

    @Test
    void commentsAreWrittenListedAndDeletedThroughTheApi() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Is there an API for comments?");
        Answer answer = data.answer(data.member("answerer"), question, "Yes, there is one.");
        Member commenter = data.member("commenter");
        WebSession session = WebSession.loggedIn(commenter.username);

        Response created = session.postJson("/api/v1/answers/" + answer.id + "/comments",
                Map.of("body", "Thanks, *that* helps a lot."));
        created.then().statusCode(201).body("postId", equalTo("answer-" + answer.id))
                .body("author.username", equalTo(commenter.username)).body("body", equalTo("Thanks, *that* helps a lot."))
                .body("bodyHtml", equalTo("Thanks, <em>that</em> helps a lot."));
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location"), endsWith("/api/v1/comments/" + id));
        WebSession.visitor().get("/api/v1/comments/" + id).then().statusCode(200).body("id", equalTo((int) id));
        session.postJson("/api/v1/questions/" + question.id + "/comments", Map.of("body", "A comment on the question."))
                .then().statusCode(201).body("postId", equalTo("question-" + question.id));

        WebSession.visitor().get("/api/v1/answers/" + answer.id + "/comments").then().statusCode(200)
                .body("id", contains((int) id)).body("[0].createdAt", org.hamcrest.Matchers.notNullValue());
        WebSession.visitor().get("/api/v1/questions/" + question.id + "/comments").then().statusCode(200)
                .body("body", contains("A comment on the question."));

        session.request().delete("/api/v1/comments/" + id).then().statusCode(204);
        WebSession.visitor().get("/api/v1/answers/" + answer.id + "/comments").then().statusCode(200)
                .body("", hasSize(0));
        WebSession.visitor().get("/api/v1/comments/" + id).then().statusCode(404);
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() {
        Question question = data.question(data.member("asker"), "What does the API refuse?");
        WebSession session = WebSession.loggedIn(data.member("commenter").username);
        WebSession.visitor().postJson("/api/v1/questions/" + question.id + "/comments",
                Map.of("body", "A comment from a visitor.")).then().statusCode(401)
                .body("error", equalTo("Log in to comment."));
        session.postJson("/api/v1/questions/" + question.id + "/comments", Map.of("body", "Short")).then()
                .statusCode(400).body("details[0]", equalTo("body: A comment must be 15 to 600 characters long."));
        session.postJson("/api/v1/questions/999999999/comments", Map.of("body", "A comment on nothing.")).then()
                .statusCode(404);
        session.postJson("/api/v1/answers/x/comments", Map.of("body", "A comment on nothing.")).then().statusCode(404);
        WebSession.visitor().get("/api/v1/answers/999999999/comments").then().statusCode(404);
        WebSession.visitor().request().delete("/api/v1/comments/1").then().statusCode(401);
        session.request().delete("/api/v1/comments/999999999").then().statusCode(404);
        assertThat(data.count("SELECT count(*) FROM comment WHERE question_id = ?1", question.id), equalTo(0L));
    }

    @Test
    void participantsAreThePeopleOfTheThread() {
        Member asker = data.member("pa-asker");
        Question question = data.question(asker, "Who takes part in this thread?");
        Member answerer = data.member("pa-answerer");
        data.answer(answerer, question, "An answer by a participant.");
        Member commenter = data.member("pa-commenter");
        WebSession.loggedIn(commenter.username).postJson("/api/v1/questions/" + question.id + "/comments",
                Map.of("body", "A comment by a participant.")).then().statusCode(201);
        data.member("pa-outsider");

        List<String> all = WebSession.visitor().get("/api/v1/questions/" + question.id + "/participants?q=pa-")
                .then().statusCode(200).extract().jsonPath().getList("username");
        assertThat(all, contains(answerer.username, asker.username, commenter.username));
        WebSession.visitor().get("/api/v1/questions/" + question.id + "/participants?q=" + answerer.username)
                .then().statusCode(200).body("username", contains(answerer.username))
                .body("displayName", contains("Display " + answerer.username));
        assertThat(WebSession.visitor().get("/api/v1/questions/" + question.id + "/participants?q=%25").then()
                .statusCode(200).extract().jsonPath().getList("username"), empty());
    }
}
