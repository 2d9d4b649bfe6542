package org.qasite.web.guard;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Requests another site could make a member's browser send are refused, and so are bodies that cannot be read. */
@QuarkusTest
class RequestGuardTest {

    @Inject
    TestData data;

    Member author;
    Question question;
    Answer answer;
    WebSession session;

    @BeforeEach
    void setUp() {
        author = data.member("guarded");
        question = data.question(author, "Can another site act for me?");
        answer = data.answer(data.member("other"), question, "Not here.");
        session = WebSession.loggedIn(author.username);
    }

    long accepted() {
        return data.count("SELECT coalesce(accepted_answer_id, 0) FROM question WHERE id = ?1", question.id);
    }

    @Test
    void aForeignOriginCannotLogInVoteOrAccept() {
        Response login = WebSession.visitor().request().header("Origin", "https://evil.example")
                .contentType(ContentType.URLENC).formParam("username", author.username)
                .formParam("password", TestData.PASSWORD).post("/login");
        assertThat(login.statusCode(), equalTo(403));
        assertThat(login.getDetailedCookie("qa-session"), nullValue());
        session.request().header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(Map.of()).post("/api/v1/answers/" + answer.id + "/accept").then().statusCode(403)
                .body("error", equalTo("Requests from other sites are not accepted here."));
        session.request().header("Sec-Fetch-Site", "cross-site").contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/answers/" + answer.id + "/accept").then().statusCode(403);
        assertThat(accepted(), equalTo(0L));
        // the site's own pages are welcome
        String origin = io.restassured.RestAssured.baseURI.replaceFirst("/$", "") + ":" + io.restassured.RestAssured.port;
        session.request().header("Origin", origin).header("Sec-Fetch-Site", "same-origin")
                .contentType(ContentType.JSON).body(Map.of()).post("/api/v1/answers/" + answer.id + "/accept")
                .then().statusCode(200);
        assertThat(accepted(), equalTo(answer.id));
    }

    @Test
    void behindAProxyThePublicOriginIsWelcome() {
        // the proxy forwards to an internal address; the browser's Origin is the site's public address
        session.request().header("Host", "10.0.0.5:8080").header("Origin", "http://qa.example.org")
                .contentType(ContentType.JSON).body(Map.of()).post("/api/v1/answers/" + answer.id + "/accept").then()
                .statusCode(200);
        session.request().header("Origin", "http://qa.example.org:80").contentType(ContentType.JSON)
                .body(Map.of("value", 1)).post("/api/v1/questions/" + question.id + "/vote").then().statusCode(403)
                .body("error", equalTo("You cannot vote on your own question.")); // past the guard: refused for its own reason
        session.request().header("Origin", "http://qa.example.org.evil.example").contentType(ContentType.JSON)
                .body(Map.of()).post("/api/v1/answers/" + answer.id + "/accept").then().statusCode(403)
                .body("error", equalTo("Requests from other sites are not accepted here."));
    }

    @Test
    void bodiesOfTheWrongTypeAreRefused() {
        session.request().contentType("text/plain").body("x").post("/answers/" + answer.id + "/accept").then()
                .statusCode(400).body(hasErrorMessage(containsString("only accepts forms sent from the site")));
        session.request().contentType("text/plain").body("x").post("/api/v1/answers/" + answer.id + "/accept").then()
                .statusCode(415).body("error", equalTo("Send JSON: Content-Type: application/json."));
        session.request().contentType("application/json").body("{}").post("/logout").then().statusCode(400);
        assertThat(accepted(), equalTo(0L));
        session.get("/settings").then().statusCode(200); // still logged in
    }

    @Test
    void unreadableBodiesAre400NotErrors() {
        String token = session.csrfToken();
        session.request().contentType("application/x-www-form-urlencoded").body("title=%ZZ&csrf-token=" + token)
                .post("/ask").then().statusCode(400).body(hasErrorMessage(containsString("could not be understood")));
        session.postJson("/api/v1/answers/" + answer.id + "/vote", Map.of("value", 1.7)).then().statusCode(400)
                .body("error", containsString("valid JSON"));
        session.postJson("/api/v1/answers/" + answer.id + "/vote", Map.of("value", "-1")).then().statusCode(400);
        assertThat(data.count("SELECT rating FROM answer WHERE id = ?1", answer.id), equalTo(0L));
    }

    @Test
    void absurdlyNestedMarkdownIsRefusedWithAMessage() {
        session.postJson("/api/v1/questions/" + question.id + "/answers", Map.of("body", "> ".repeat(8000) + "x"))
                .then().statusCode(400).body("details[0]", containsString("nested too deeply"));
        assertThat(data.count("SELECT count(*) FROM answer WHERE question_id = ?1", question.id), equalTo(1L));
    }
}
