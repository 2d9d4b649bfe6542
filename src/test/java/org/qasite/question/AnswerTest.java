package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AnswerTest {

    @Inject
    TestData data;

    Question question;
    Member answerer;
    WebSession session;

    @BeforeEach
    void setUp() {
        question = data.question(data.member("asker"), "What is a good answer test?");
        answerer = data.member("answerer");
        session = WebSession.loggedIn(answerer.username);
    }

    long answers() {
        return data.count("SELECT count(*) FROM answer WHERE question_id = ?1", question.id);
    }

    long answerCount() {
        return data.count("SELECT answer_count FROM question WHERE id = ?1", question.id);
    }

    @Test
    void anAnswerIsSavedCountedAndShownFirst() {
        Answer earlier = data.answer(data.member("early"), question, "An earlier answer.");
        Response response = session.postForm("/questions/" + question.id + "/answers",
                Map.of("body", "Use `EXPLAIN` and read the plan."));
        response.then().statusCode(303);
        long answerId = data.count("SELECT max(id) FROM answer WHERE question_id = ?1", question.id);
        assertThat(response.header("Location"), endsWith(question.path() + "#answer-" + answerId));
        assertThat(answers(), equalTo(2L));
        assertThat(answerCount(), equalTo(2L));
        String page = session.get(question.path()).then().statusCode(200)
                .body(hasText(containsString("Your answer is posted.")),
                        hasElement("[data-answer-id=" + answerId + "] .post-body code", equalTo("EXPLAIN")))
                .extract().asString();
        assertThat("newest answer first", Pages.document(page).select("#answers [data-answer-id]")
                .eachAttr("data-answer-id"), contains(String.valueOf(answerId), String.valueOf(earlier.id)));
    }

    @Test
    void anEmptyOrHugeAnswerIsRefusedAndTheFormKeepsTheText() {
        session.postForm("/questions/" + question.id + "/answers", Map.of("body", "   ")).then().statusCode(400)
                .body(hasText(containsString("Write your answer.")), hasElement("#answer-form"));
        session.postForm("/questions/" + question.id + "/answers", Map.of("body", "y".repeat(1024 * 1024))).then()
                .statusCode(400).body(hasText(containsString("The answer must be 2 to 30000 characters long.")));
        assertThat(answers(), equalTo(0L));
        assertThat(answerCount(), equalTo(0L));
    }

    @Test
    void answeringTooFastAnswers429WithTheTextKept() {
        for (int i = 1; i <= 20; i++) {
            session.postJson("/api/v1/questions/" + question.id + "/answers", Map.of("body", "Answer number " + i))
                    .then().statusCode(201);
        }
        session.postForm("/questions/" + question.id + "/answers", Map.of("body", "Answer number 21")).then()
                .statusCode(429).body(hasText(containsString("You are going too fast: at most 20 answers per 10 minutes")))
                .body(hasField("body", equalTo("Answer number 21")));
        assertThat(answers(), equalTo(20L));
        assertThat(answerCount(), equalTo(20L));
    }

    @Test
    void anAnswersPermanentAddressFindsItsPage() {
        Answer oldest = data.answer(data.member("old"), question, "The oldest answer.");
        for (int i = 0; i < 10; i++) {
            data.answer(data.member("newer"), question, "A newer answer " + i);
        }
        WebSession.visitor().get("/answers/" + oldest.id).then().statusCode(303)
                .header("Location", endsWith(question.path() + "?page=2#answer-" + oldest.id));
        WebSession.visitor().get(question.path() + "?page=2").then().statusCode(200)
                .body(hasElement("[data-answer-id=" + oldest.id + "]"));
        WebSession.visitor().get("/answers/999999999").then().statusCode(404);
    }

    @Test
    void sendingTheSameAnswerAgainPostsItOnce() {
        Map<String, String> form = Map.of("body", "Submitted, then submitted again after going back.");
        session.postForm("/questions/" + question.id + "/answers", form).then().statusCode(303);
        Response again = session.postForm("/questions/" + question.id + "/answers", form);
        again.then().statusCode(303).header("Location", containsString("/answers/"));
        session.get(question.path()).then().body(hasText(containsString("You posted this answer already")));
        assertThat(answers(), equalTo(1L));
        assertThat(answerCount(), equalTo(1L));
        session.postJson("/api/v1/questions/" + question.id + "/answers", form).then().statusCode(409)
                .body("error", equalTo("You posted this answer already: here it is."));
        // a double click: both sends at the same moment still make one answer
        Map<String, String> twice = Map.of("body", "Sent twice at the same moment.");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> sends = java.util.Collections.nCopies(4,
                    () -> session.postJson("/api/v1/questions/" + question.id + "/answers", twice).statusCode());
            int created = 0;
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(sends)) {
                created += status.get() == 201 ? 1 : 0;
            }
            assertThat(created, equalTo(1));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers(), equalTo(2L));
    }

    @Test
    void aVisitorWhoLogsInToAnswerComesBackToTheQuestion() {
        WebSession visitor = WebSession.visitor();
        Response refused = visitor.postForm("/questions/" + question.id + "/answers", Map.of("body", "Hello"));
        refused.then().statusCode(303).header("Location", containsString("/login"));
        Response login = visitor.request().contentType(io.restassured.http.ContentType.URLENC)
                .formParam("username", answerer.username).formParam("password", TestData.PASSWORD).post("/login");
        assertThat(login.statusCode(), equalTo(303));
        assertThat(login.header("Location"), endsWith("/questions/" + question.id));
    }

    @Test
    void answeringAMissingQuestionIs404() {
        session.postForm("/questions/999999999/answers", Map.of("body", "Hello there")).then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no question 999999999.")));
        session.postForm("/questions/nope/answers", Map.of("body", "Hello there")).then().statusCode(404);
    }

    @Test
    void aVisitorOrAForgedFormCannotAnswer() {
        WebSession.visitor().postForm("/questions/" + question.id + "/answers", Map.of("body", "Anonymous answer"))
                .then().statusCode(303).header("Location", containsString("/login"));
        session.postFormWithoutToken("/questions/" + question.id + "/answers", Map.of("body", "Forged answer"))
                .then().statusCode(400).body(hasErrorMessage(containsString("security token is missing")));
        assertThat(answers(), equalTo(0L));
    }

    @Test
    void theApiAnswers201WithLocationAndJsonErrors() {
        session.postJson("/api/v1/questions/" + question.id + "/answers", Map.of("body", "Via the API."))
                .then().statusCode(201).header("Location", containsString("/api/v1/answers/"))
                .body("body", equalTo("Via the API.")).body("author.username", equalTo(answerer.username));
        session.postJson("/api/v1/questions/" + question.id + "/answers", Map.of("body", "")).then().statusCode(400)
                .body("error", equalTo("Please correct the marked fields."))
                .body("details[0]", equalTo("body: Write your answer."));
        WebSession.visitor().postJson("/api/v1/questions/" + question.id + "/answers", Map.of("body", "Anonymous"))
                .then().statusCode(401).body("error", equalTo("Log in to answer."));
        assertThat(answers(), equalTo(1L));
        WebSession.visitor().get("/api/v1/questions/" + question.id + "/answers").then().statusCode(200)
                .body("items[0].body", equalTo("Via the API.")).body("total", equalTo(1));
        WebSession.visitor().get("/api/v1/questions/" + question.id + "/answers?after=0").then().statusCode(200)
                .body("items[0].body", equalTo("Via the API."));
        WebSession.visitor().get("/api/v1/questions/" + question.id + "/answers?after=abc").then().statusCode(400)
                .body("error", equalTo("after must be the id of an answer."));
    }
}
