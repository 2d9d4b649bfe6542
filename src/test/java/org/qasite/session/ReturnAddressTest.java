package org.qasite.session;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;
import org.qasite.web.page.LoginRedirect;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every way to the login and signup pages comes back to the page it started from, and only to a page of this site. */
@QuarkusTest
class ReturnAddressTest {

    @Inject
    TestData data;

    static String encoded(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** An account page ({@code /login}, {@code /signup}) reached by a link that comes back to {@code back}. */
    static Response open(WebSession session, String page, String back) {
        return session.request().queryParam("return", back).get(page);
    }

    static Response logIn(WebSession session, String username, String password) {
        return session.request().contentType(ContentType.URLENC).formParam("username", username)
                .formParam("password", password).post("/login");
    }

    Response signUp(WebSession session, String username) {
        String token = session.csrfToken();
        return session.request().multiPart("username", username).multiPart("email", username + "@example.org")
                .multiPart("password", "s3cret-pass").multiPart("password_confirm", "s3cret-pass")
                .multiPart("csrf-token", token).post("/signup");
    }

    @Test
    void theHeaderLinksAndLogInToAnswerCarryTheAddressOfThePage() {
        Member author = data.member("asker");
        Question question = data.question(author, "Where do the login links lead back to?", "links");
        WebSession visitor = WebSession.visitor();
        Document page = Pages.document(visitor.get(question.path() + "?page=1"));
        String here = encoded(question.path() + "?page=1");
        assertThat(Pages.one(page, "#login-link").attr("href"), equalTo("/login?return=" + here));
        assertThat(Pages.one(page, "#signup-link").attr("href"), equalTo("/signup?return=" + here));
        String toAnswer = encoded(question.path() + "#answer-form");
        assertThat(Pages.one(page, "[data-login-to-answer]").attr("href"), equalTo("/login?return=" + toAnswer));
        assertThat(Pages.one(page, "#answer-form a[href^='/signup']").attr("href"),
                equalTo("/signup?return=" + toAnswer));

        // the account pages link without one, so that the address a form or a link left stays
        Document login = Pages.document(visitor.get("/login"));
        assertThat(Pages.one(login, "#login-link").attr("href"), equalTo("/login"));
        assertThat(Pages.one(login, "#signup-link").attr("href"), equalTo("/signup"));
    }

    @Test
    void aLoginComesBackToTheAnswerEvenAfterAWrongPasswordThatKeepsTheName() {
        Member member = data.member("back");
        Member author = data.member("author");
        Question question = data.question(author, "A question to come back to after logging in", "return");
        Answer answer = data.answer(author, question, "The answer the visitor wanted to vote on.");
        WebSession visitor = WebSession.visitor();
        String back = question.path() + "#answer-" + answer.id;
        open(visitor, "/login", back).then().statusCode(200);

        Response wrong = logIn(visitor, member.username, "wrong-password");
        assertThat(wrong.header("Location"), equalTo("/login?error=true&username=" + member.username));
        visitor.get(wrong.header("Location")).then().statusCode(200)
                .body(hasText(containsString("Wrong username or password.")))
                .body(hasField("username", equalTo(member.username)));

        Response right = logIn(visitor, member.username, TestData.PASSWORD);
        assertThat(right.statusCode(), equalTo(303));
        assertThat(right.header("Location"), equalTo(back));
        assertThat("used once", right.getDetailedCookie(LoginRedirect.RETURN_COOKIE).getMaxAge(), equalTo(0L));
        visitor.get("/settings").then().statusCode(200);
    }

    @Test
    void anAddressOfAnotherSiteLeadsToTheFrontPage() {
        Member member = data.member("unsafe");
        for (String elsewhere : List.of("//evil.example", "https://evil.example/questions/1", "/\\evil.example",
                "javascript:alert(1)", "/questions/1\r\nSet-Cookie: a=b")) {
            WebSession visitor = WebSession.visitor();
            Response page = open(visitor, "/login", elsewhere);
            assertThat(elsewhere, page.statusCode(), equalTo(200));
            assertThat(elsewhere, page.getDetailedCookie(LoginRedirect.RETURN_COOKIE).getValue().replace("\"", ""),
                    equalTo("/"));
            assertThat(elsewhere, logIn(visitor, member.username, TestData.PASSWORD).header("Location"), equalTo("/"));
        }
        // a member who is logged in already goes straight to the address, when it is one of the site's
        WebSession loggedIn = WebSession.loggedIn(member.username);
        open(loggedIn, "/login", "/hot").then().statusCode(303).header("Location", endsWith("/hot"));
        open(loggedIn, "/signup", "//evil.example").then().statusCode(303)
                .header("Location", not(containsString("evil")));
    }

    @Test
    void signingUpLogsTheMemberInAndComesBackToThePageOfTheLink() {
        Member author = data.member("asked");
        Question question = data.question(author, "A question a newcomer signs up to answer", "signup");
        Answer answer = data.answer(author, question, "An answer the newcomer wanted to vote on.");
        WebSession newcomer = WebSession.visitor();
        open(newcomer, "/signup", "/answers/" + answer.id).then().statusCode(200);
        String csrfBefore = newcomer.csrfToken();
        String username = TestData.uniqueName("newcomer");

        Response signedUp = signUp(newcomer, username);
        assertThat(signedUp.statusCode(), equalTo(303));
        assertThat(signedUp.header("Location"), endsWith("/answers/" + answer.id));
        assertThat(signedUp.getDetailedCookie("qa-session"), notNullValue());
        assertThat("the CSRF token changes as with a login", signedUp.getDetailedCookie("qa-csrf").getMaxAge(),
                equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM member_session s JOIN member m ON m.id = s.member_id"
                + " WHERE m.username = ?1 AND s.ended_at IS NULL", username), equalTo(1L));

        newcomer.get("/answers/" + answer.id).then().statusCode(303)
                .header("Location", endsWith(question.path() + "#answer-" + answer.id));
        newcomer.get(question.path()).then().statusCode(200)
                .body(hasText(containsString("Welcome, " + username + "!")));
        newcomer.get("/settings").then().statusCode(200).body(hasField("email", equalTo(username + "@example.org")));
        assertThat(newcomer.csrfToken(), not(equalTo(csrfBefore)));
    }

    @Test
    void aRefusedSignupKeepsTheAddressForTheNextTry() {
        WebSession newcomer = WebSession.visitor();
        open(newcomer, "/signup", "/hot").then().statusCode(200);
        String token = newcomer.csrfToken();
        newcomer.request().multiPart("username", "x").multiPart("email", "not-an-email").multiPart("password", "a")
                .multiPart("password_confirm", "b").multiPart("csrf-token", token).post("/signup").then()
                .statusCode(400);
        Response signedUp = signUp(newcomer, TestData.uniqueName("second-try"));
        assertThat(signedUp.statusCode(), equalTo(303));
        assertThat(signedUp.header("Location"), endsWith("/hot"));
    }
}
