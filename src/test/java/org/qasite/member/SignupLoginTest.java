package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class SignupLoginTest {

    @Inject
    TestData data;

    Response signup(WebSession session, String username, String email, String password, String confirm) {
        String token = session.csrfToken();
        return session.request().multiPart("username", username).multiPart("email", email)
                .multiPart("password", password).multiPart("password_confirm", confirm)
                .multiPart("csrf-token", token).post("/signup");
    }

    long members(String username) {
        return data.count("SELECT count(*) FROM member WHERE lower(username) = lower(?1)", username);
    }

    @Test
    void signUpThenLogInThenLogOut() {
        String username = TestData.uniqueName("newcomer");
        WebSession session = WebSession.visitor();
        Response signedUp = signup(session, username, username + "@example.org", "s3cret-pass", "s3cret-pass");
        signedUp.then().statusCode(303).header("Location", endsWith("/"));
        assertThat("signing up logs the member in", signedUp.getDetailedCookie("qa-session"), notNullValue());
        assertThat(members(username), equalTo(1L));
        String hash = data.count("SELECT 1 FROM member WHERE username = ?1 AND password_hash LIKE '$2a$12$%'",
                username) == 1 ? "bcrypt-12" : "other";
        assertThat("password stored as bcrypt with cost 12", hash, equalTo("bcrypt-12"));

        session.get("/").then().body(hasText(containsString("Your account is ready and you are logged in.")));
        session.get("/settings").then().statusCode(200).body(hasField("email", equalTo(username + "@example.org")));
        session.postForm("/logout", Map.of()).then().statusCode(303);

        Response login = session.request().contentType(ContentType.URLENC).formParam("username", username.toUpperCase())
                .formParam("password", "s3cret-pass").post("/login");
        assertThat(login.statusCode(), equalTo(303));
        assertThat(login.getDetailedCookie("qa-session"), notNullValue());
        session.get("/settings").then().statusCode(200).body(hasField("email", equalTo(username + "@example.org")));

        Response logout = session.postForm("/logout", Map.of());
        assertThat(logout.statusCode(), equalTo(303));
        assertThat(logout.getDetailedCookie("qa-session").getMaxAge(), equalTo(0L));
        session.get("/settings").then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void badSignupsAreRefusedAndNothingIsSaved() {
        WebSession session = WebSession.visitor();
        String username = TestData.uniqueName("bad");
        signup(session, "", "", "", "").then().statusCode(400).body(hasText(containsString("Choose a username.")),
                hasText(containsString("Enter your email address.")), hasText(containsString("Choose a password.")));
        signup(session, username, "not-an-email", "s3cret-pass", "s3cret-pass").then().statusCode(400)
                .body(hasText(containsString("This is not a valid email address.")), hasField("username", equalTo(username)));
        signup(session, username, username + "@example.org", "short", "short").then().statusCode(400)
                .body(hasText(containsString("The password must be 8 to 72 characters long.")));
        signup(session, username, username + "@example.org", "s3cret-pass", "other-pass").then().statusCode(400)
                .body(hasText(containsString("The two passwords differ.")));
        signup(session, "has space!", username + "@example.org", "s3cret-pass", "s3cret-pass").then().statusCode(400)
                .body(hasText(containsString("Latin letters (A-Z, a-z), digits, and _ . - only")));
        // letters of another script are refused, and the message says which letters are meant
        signup(session, "тестер", username + "@example.org", "s3cret-pass", "s3cret-pass").then().statusCode(400)
                .body(hasText(containsString("Latin letters (A-Z, a-z), digits, and _ . - only")));
        signup(session, "x".repeat(31), username + "@example.org", "s3cret-pass", "s3cret-pass").then()
                .statusCode(400).body(hasText(containsString("3 to 30 characters")));
        assertThat(members(username), equalTo(0L));
    }

    @Test
    void aTakenUsernameOrEmailIsRefused() {
        Member existing = data.member("taken");
        WebSession session = WebSession.visitor();
        signup(session, existing.username.toUpperCase(), "fresh-" + existing.email, "s3cret-pass", "s3cret-pass")
                .then().statusCode(400).body(hasText(containsString("This username is taken.")));
        signup(session, TestData.uniqueName("fresh"), existing.email.toUpperCase(), "s3cret-pass", "s3cret-pass")
                .then().statusCode(400).body(hasText(containsString("An account with this email address exists already.")));
        assertThat(members(existing.username), equalTo(1L));
    }

    @Test
    void namesThatPassForTheSiteAreReserved() {
        WebSession session = WebSession.visitor();
        for (String name : List.of("admin", "Administrator", "moderator", "Admin_", "admin.1", "ad-min", "adm1n",
                "support", "deleted-member")) {
            String email = TestData.uniqueName("reserved") + "@example.org";
            Response refused = signup(session, name, email, "s3cret-pass", "s3cret-pass");
            refused.then().statusCode(400).body(
                    hasText(containsString("This name is reserved for the site. Choose another one.")),
                    hasField("username", equalTo(name)), hasField("email", equalTo(email)));
            assertThat(name, members(name), equalTo(0L));
        }
    }

    @Test
    void weakPasswordsAreRefusedWithTheFormKept() {
        WebSession session = WebSession.visitor();
        String username = TestData.uniqueName("grace-hopper");
        String email = "ada.lovelace@example.org";
        for (String[] weak : new String[][] { { "12345678", "This password is too easy to guess" },
                { "P@ssw0rd1", "This password is too easy to guess" },
                { username, "The password must not contain your username." },
                { "My-" + username.toUpperCase() + "!", "The password must not contain your username." },
                { "ada.lovelace.1815", "The password must not contain your email address." } }) {
            String page = signup(session, username, email, weak[0], weak[0]).then().statusCode(400)
                    .body(hasText(containsString(weak[1])), hasField("username", equalTo(username)),
                            hasField("email", equalTo(email)))
                    .extract().asString();
            assertThat("the password fields come back empty", page, not(hasElement("input[type=password][value]")));
        }
        assertThat(members(username), equalTo(0L));
    }

    @Test
    void aUsernameThatAnotherMemberShowsAsIsTaken() {
        Member shown = data.member("shown");
        String name = TestData.uniqueName("grace");
        WebSession member = WebSession.loggedIn(shown.username);
        member.request().multiPart("email", shown.email).multiPart("display_name", name)
                .multiPart("csrf-token", member.csrfToken()).post("/settings").then().statusCode(303);
        signup(WebSession.visitor(), name.toUpperCase(), "fresh-" + name + "@example.org", "s3cret-pass",
                "s3cret-pass").then().statusCode(400).body(hasText(containsString("This username is taken.")));
        assertThat(members(name), equalTo(0L));
    }

    @Test
    void signupWithoutCsrfTokenIsRefused() {
        String username = TestData.uniqueName("forged");
        WebSession session = WebSession.visitor();
        session.get("/signup");
        session.request().multiPart("username", username).multiPart("email", username + "@example.org")
                .multiPart("password", "s3cret-pass").multiPart("password_confirm", "s3cret-pass").post("/signup")
                .then().statusCode(400).body(hasErrorMessage(containsString("security token is missing")));
        assertThat(members(username), equalTo(0L));
    }

    @Test
    void aFailedLoginSaysTheSameForAnUnknownUserAndAWrongPasswordAndKeepsTheName() {
        Member member = data.member("login");
        String unknown = "nobody-" + System.nanoTime();
        Response wrongPassword = WebSession.visitor().request().contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", "wrong-password").post("/login");
        Response unknownUser = WebSession.visitor().request().contentType(ContentType.URLENC)
                .formParam("username", unknown).formParam("password", "wrong-password").post("/login");
        Response nulUser = WebSession.visitor().request().contentType(ContentType.URLENC)
                .formParam("username", "a\u0000b").formParam("password", "wrong-password").post("/login");
        assertThat(nulUser.statusCode(), equalTo(303));
        assertThat(nulUser.header("Location"), equalTo("/login?error=true"));
        assertThat(wrongPassword.statusCode(), equalTo(303));
        assertThat(unknownUser.statusCode(), equalTo(303));
        // the same answer, with the name typed kept for the form
        assertThat(wrongPassword.header("Location"), equalTo("/login?error=true&username=" + member.username));
        assertThat(unknownUser.header("Location"), equalTo("/login?error=true&username=" + unknown));
        assertThat(wrongPassword.getDetailedCookie("qa-session"), equalTo(null));
        String page = WebSession.visitor().get(wrongPassword.header("Location")).then().statusCode(200).extract()
                .asString();
        assertThat(page, hasText(containsString("Wrong username or password.")));
        assertThat(page, hasField("username", equalTo(member.username)));
    }

    @Test
    void afterFiveFailuresTheNextTryWaitsEvenWithTheRightPassword() {
        Member member = data.member("guessed");
        for (int i = 0; i < 5; i++) {
            Response wrong = WebSession.visitor().request().contentType(ContentType.URLENC)
                    .formParam("username", member.username).formParam("password", "guess-" + i).post("/login");
            assertThat(wrong.statusCode(), equalTo(303));
            assertThat(wrong.header("Location"), containsString("error"));
            assertThat(wrong.header("Retry-After"), equalTo(null));
        }
        WebSession visitor = WebSession.visitor();
        Response right = visitor.request().contentType(ContentType.URLENC).formParam("username", member.username.toUpperCase())
                .formParam("password", TestData.PASSWORD).post("/login");
        assertThat(right.statusCode(), equalTo(303));
        assertThat(right.getDetailedCookie("qa-session"), equalTo(null));
        // the test profile's first delay is a minute, so that this holds however slow the machine
        assertThat(Integer.parseInt(right.header("Retry-After")), org.hamcrest.Matchers.both(
                org.hamcrest.Matchers.greaterThan(30)).and(org.hamcrest.Matchers.lessThanOrEqualTo(60)));
        visitor.get(right.header("Location")).then().statusCode(200)
                .body(hasText(containsString("Too many failed logins for this name. Try again in")))
                .body(not(hasText(containsString("Wrong username or password."))));
    }

    @Test
    void anApiCallWithTheSessionCookieActsAsTheMember() {
        Member member = data.member("api");
        WebSession session = WebSession.loggedIn(member.username);
        session.postJson("/api/v1/questions",
                Map.of("title", "Asked through the JSON API", "body", "The body of a question sent as JSON.", "tags",
                        java.util.List.of("api", "json")))
                .then().statusCode(201).header("Location", startsWith("http"))
                .body("author.username", equalTo(member.username)).body("tags", org.hamcrest.Matchers.contains("api", "json"));
    }
}
