package org.qasite.question;

import static io.restassured.RestAssured.given;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Everything hanging off a deleted question leaves with it: its comments, its answers' comments and revisions, the
 * people of its thread. Its author still reads them all.
 */
@QuarkusTest
class DeletedThreadTest {

    @Inject
    TestData data;

    @Test
    void theCommentsRevisionsAndPeopleOfADeletedQuestionAreGoneForOthers() {
        Member asker = data.member("thread-asker");
        Member answerer = data.member("thread-answerer");
        Question question = data.question(asker, "Which parts of a thread leave with its question?");
        Answer answer = data.answer(answerer, question, "The comments and the revisions of its answers.");
        WebSession askerSession = WebSession.loggedIn(asker.username);
        WebSession answererSession = WebSession.loggedIn(answerer.username);
        askerSession.postJson("/api/v1/answers/" + answer.id + "/comments",
                Map.of("body", "A comment under the answer, by the asker.")).then().statusCode(201);
        answererSession.postJson("/api/v1/questions/" + question.id + "/comments",
                Map.of("body", "A comment under the question, by the answerer.")).then().statusCode(201);
        long commentId = data.count("SELECT max(id) FROM comment WHERE question_id = ?1", question.id);
        answererSession.request().contentType("application/json")
                .body(Map.of("body", "The comments and the revisions of its answers, edited."))
                .put("/api/v1/answers/" + answer.id).then().statusCode(200);
        String[] paths = { "/api/v1/questions/" + question.id + "/comments", "/api/v1/answers/" + answer.id + "/comments",
                "/api/v1/comments/" + commentId, "/api/v1/questions/" + question.id + "/participants?q=thread",
                "/api/v1/answers/" + answer.id + "/revisions", "/answers/" + answer.id + "/revisions" };
        for (String path : paths) {
            given().get(path).then().statusCode(200);
        }

        askerSession.request().delete("/api/v1/questions/" + question.id).then().statusCode(204);

        for (String path : paths) {
            WebSession.visitor().get(path).then().statusCode(404);
            answererSession.get(path).then().statusCode(404);
            askerSession.get(path).then().statusCode(200);
        }
    }
}
