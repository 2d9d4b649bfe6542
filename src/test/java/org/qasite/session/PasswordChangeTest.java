package org.qasite.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class PasswordChangeTest {

    static final String NEW_PASSWORD = "quiet lantern orbit 42";

    @Inject
    TestData data;

    @Inject
    LoginConfig loginConfig;

    static Response login(String username, String password) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("username", username)
                .formParam("password", password).post("/login");
    }

    static boolean logsIn(String username, String password) {
        return login(username, password).getCookie("qa-session") != null;
    }

    static Map<String, String> change(String current, String password, String confirm) {
        return Map.of("current_password", current, "password", password, "password_confirm", confirm);
    }

    @Test
    void aWrongCurrentPasswordAWeakNewOneOrAMismatchShowTheFormAgainAndChangeNothing() {
        Member member = data.member("pwrefused");
        String hash = data.text("SELECT password_hash FROM member WHERE id = ?1", member.id);
        WebSession browser = WebSession.loggedIn(member.username);
        String elsewhere = SessionTest.sessionCookie(member);

        browser.postForm("/settings/password", change("not my password", NEW_PASSWORD, NEW_PASSWORD)).then()
                .statusCode(400)
                .body(hasElement("#current_password-error", equalTo("This is not your current password.")))
                .body(hasElement("h1", equalTo("Settings")))
                .body(hasField("email", equalTo(member.email)));
        browser.postForm("/settings/password", change(TestData.PASSWORD, "password123", "password123")).then()
                .statusCode(400).body(hasElement("#password-error", containsString("too easy to guess")));
        browser.postForm("/settings/password", change(TestData.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!")).then()
                .statusCode(400)
                .body(hasElement("#password_confirm-error", equalTo("The two passwords differ.")));
        browser.postForm("/settings/password", change("", "", "")).then().statusCode(400)
                .body(hasElement("#current_password-error", equalTo("Enter your current password.")))
                .body(hasElement("#password-error", equalTo("Choose a password.")));

        assertThat(data.text("SELECT password_hash FROM member WHERE id = ?1", member.id), equalTo(hash));
        assertThat(logsIn(member.username, NEW_PASSWORD), equalTo(false));
        assertThat(logsIn(member.username, TestData.PASSWORD), equalTo(true));
        SessionTest.withCookie(elsewhere, "/settings").then().statusCode(200);
        browser.get("/settings").then().statusCode(200);
    }

    @Test
    void aNewPasswordEndsTheOtherSessionsAndKeepsThisOne() {
        Member member = data.member("pwchange");
        WebSession browser = WebSession.loggedIn(member.username);
        String phone = SessionTest.sessionCookie(member);
        SessionTest.withCookie(phone, "/settings").then().statusCode(200);

        Response changed = browser.postForm("/settings/password",
                change(TestData.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(changed.statusCode(), equalTo(303));
        assertThat(changed.header("Location"), equalTo("/settings"));
        browser.get("/settings").then().statusCode(200)
                .body(hasText(containsString("Your password is changed. Your 1 other session is ended.")));

        SessionTest.withCookie(phone, "/settings").then().statusCode(303);
        browser.get("/settings").then().statusCode(200).body(hasField("email", equalTo(member.email)));
        assertThat(logsIn(member.username, TestData.PASSWORD), equalTo(false));
        assertThat(logsIn(member.username, NEW_PASSWORD), equalTo(true));
    }

    @Test
    void theNewPasswordMustDifferFromTheCurrentOne() {
        Member member = data.member("pwsame");
        WebSession browser = WebSession.loggedIn(member.username);
        browser.postForm("/settings/password", change(TestData.PASSWORD, TestData.PASSWORD, TestData.PASSWORD)).then()
                .statusCode(400).body(hasElement("#password-error", containsString("This is your current password")));
    }

    @Test
    void wrongCurrentPasswordsAreSlowedDownLikeFailedLogins() {
        Member member = data.member("pwguess");
        WebSession browser = WebSession.loggedIn(member.username);
        for (int i = 0; i < loginConfig.freeFailures(); i++) {
            browser.postForm("/settings/password", change("guess " + i, NEW_PASSWORD, NEW_PASSWORD)).then()
                    .statusCode(400);
        }
        Response held = browser.postForm("/settings/password", change(TestData.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(held.statusCode(), equalTo(429));
        assertThat(held.header("Retry-After"), notNullValue());
        held.then().body(hasElement("#current_password-error", containsString("Too many wrong passwords")));
        assertThat("the password is not changed while held up", logsIn(member.username, TestData.PASSWORD),
                equalTo(true));
    }

    @Test
    void aVisitorIsSentToLogIn() {
        Response answer = WebSession.visitor().postForm("/settings/password",
                change(TestData.PASSWORD, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(answer.statusCode(), equalTo(303));
        assertThat(answer.header("Location"), containsString("/login"));
    }
}
