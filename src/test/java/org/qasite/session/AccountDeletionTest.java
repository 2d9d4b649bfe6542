package org.qasite.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasText;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.events.OutboxRelay;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.stats.StatsRefresher;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class AccountDeletionTest {

    /** A stored picture: what it holds does not matter to these tests, only whether it is served. */
    private static final String AVATAR_HASH = "ab".repeat(32);

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @Inject
    StatsRefresher refresher;

    static Response delete(WebSession session, String password) {
        return session.postForm("/settings/delete", Map.of("password", password));
    }

    /** The member's row as it is stored, with what a deletion clears. */
    String row(Member member) {
        return data.text("SELECT concat_ws('|', username, coalesce(email, '-'), display_name,"
                + " CASE WHEN password_hash IS NULL THEN '-' ELSE 'hash' END, coalesce(avatar_hash, '-'),"
                + " concat_ws(',', mail_answer, mail_followed_answer, mail_comment, mail_mention, mail_accepted,"
                + " mail_tag_question),"
                + " CASE WHEN deleted_at IS NULL THEN 'here' ELSE 'deleted' END) FROM member WHERE id = ?1", member.id);
    }

    @Test
    void aWrongPasswordDeletesNothingAndSaysSoBesideTheField() {
        Member member = data.member("keeper");
        WebSession session = WebSession.loggedIn(member.username);
        String before = row(member);

        delete(session, "not my password").then().statusCode(400)
                .body(hasElement("#delete_password-error",
                        equalTo("This is not your password: your account is not deleted.")))
                .body(hasElement("#delete_password.is-invalid"));
        delete(session, "").then().statusCode(400)
                .body(hasElement("#delete_password-error", equalTo("Enter your password to delete your account.")));

        assertThat(row(member), equalTo(before));
        session.get("/settings").then().statusCode(200).body(hasElement("#delete-account-form"));
        session.get("/members/" + member.username).then().statusCode(200);
    }

    @Test
    void wrongPasswordsAreSlowedDownLikeFailedLogins() {
        Member member = data.member("guessed");
        WebSession session = WebSession.loggedIn(member.username);
        for (int i = 0; i < 5; i++) {
            delete(session, "guess " + i).then().statusCode(400);
        }
        // Past the free failures, even the right password waits: the form tells no guess apart while it waits.
        delete(session, TestData.PASSWORD).then().statusCode(429).header("Retry-After", not(nullValue()))
                .body(hasElement("#delete_password-error", containsString("Too many wrong passwords. Try again in")));
        assertThat(row(member), containsString("|here"));
        // the login form of this browser counts the same failures
        session.request().contentType(ContentType.URLENC).formParam("username", member.username)
                .formParam("password", TestData.PASSWORD).post("/login").then().statusCode(303)
                .header("Location", containsString("error=true"));
    }

    @Test
    void visitorsAreSentToLogIn() {
        WebSession.visitor().postForm("/settings/delete", Map.of("password", "anything")).then().statusCode(303)
                .header("Location", containsString("/login"));
        Member member = data.member("forged");
        WebSession.loggedIn(member.username).postFormWithoutToken("/settings/delete",
                Map.of("password", TestData.PASSWORD)).then().statusCode(400);
        assertThat(row(member), containsString("|here"));
    }

    @Test
    void aDeletedAccountLeavesItsPostsUnderDeletedMemberAndNothingPersonal() {
        Member member = data.member("leaver");
        data.execute("INSERT INTO avatar (hash, content_type, size, data) VALUES (?1, 'image/png', 3, '\\x010203')"
                + " ON CONFLICT DO NOTHING", AVATAR_HASH);
        data.execute("UPDATE member SET avatar_hash = ?1 WHERE id = ?2", AVATAR_HASH, member.id);
        Question own = data.question(member, "A question that outlives its author");
        Member other = data.member("stayer");
        Question others = data.question(other, "A question answered by someone who leaves");
        WebSession session = WebSession.loggedIn(member.username);
        WebSession laptop = WebSession.loggedIn(member.username);
        session.postForm("/questions/" + others.id + "/answers", Map.of("body", "An answer that stays."))
                .then().statusCode(303);
        given().get("/avatars/" + AVATAR_HASH).then().statusCode(200);

        delete(session, TestData.PASSWORD).then().statusCode(303).header("Location", equalTo("/"));

        // this browser is logged out and told so, the others too, and a copy of a cookie is worth nothing
        session.get("/").then().statusCode(200).body(hasText(containsString("Your account is deleted.")))
                .body(hasElement("#login-link[href^=/login]"));
        session.get("/settings").then().statusCode(303).header("Location", containsString("/login"));
        laptop.get("/settings").then().statusCode(303).header("Location", containsString("/login"));
        given().redirects().follow(false).cookie("qa-session", laptop.sessionCookie()).get("/settings").then()
                .statusCode(303);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("username", member.username)
                .formParam("password", TestData.PASSWORD).post("/login").then().statusCode(303)
                .header("Location", containsString("error=true"));

        // nothing personal is left: not in the row, not on a page, not the picture
        assertThat(row(member),
                equalTo("deleted:" + member.id + "|-|deleted member|-|-|" + "never,".repeat(5) + "never|deleted"));
        given().get("/members/" + member.username).then().statusCode(404)
                .body(hasErrorMessage(containsString(member.username)));
        given().get("/avatars/" + AVATAR_HASH).then().statusCode(404);
        given().get("/avatars/default/" + member.username + ".svg").then().statusCode(404);
        for (Question question : List.of(own, others)) {
            given().get(question.path()).then().statusCode(200)
                    .body(hasElement("[data-deleted-author]", equalTo("deleted member")))
                    .body(not(hasElement("a[href='/members/" + member.username + "']")))
                    .body(not(hasElement("a[href^='/members/deleted']")))
                    .body(not(hasText(containsString(member.displayName))));
        }
        given().get("/").then().statusCode(200).body(not(hasText(containsString(member.displayName))));
        given().get("/search?q=outlives").then().statusCode(200)
                .body(hasElement("[data-deleted-author]", equalTo("deleted member")))
                .body(not(hasText(containsString(member.displayName))));
        given().get("/avatars/deleted.svg").then().statusCode(200).contentType("image/svg+xml");

        // someone answers their question: no mail goes to the address they had
        WebSession.loggedIn(other.username).postForm("/questions/" + own.id + "/answers",
                Map.of("body", "Answered after its author left.")).then().statusCode(303);
        Member asker = data.member("sentinel-asker");
        Question later = data.question(asker, "A later question");
        WebSession.loggedIn(data.member("sentinel-answerer").username)
                .postForm("/questions/" + later.id + "/answers", Map.of("body", "A later answer.")).then()
                .statusCode(303);
        // events reach the mail group in order: once the later answer's mail came, the earlier one was handled
        await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.getMailsSentTo(asker.email), m -> !m.isEmpty());
        assertThat(mailbox.getMailsSentTo(member.email), hasSize(0));
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE recipient_id = ?1", member.id), equalTo(0L));
    }

    @Test
    void theBestMembersForgetADeletedMember() {
        Member star = data.member("star-leaver");
        Question question = data.question(star, "A question everybody liked");
        data.execute("UPDATE question SET rating = 100000 WHERE id = ?1", question.id);
        relay.drain();
        refresher.refreshAll();
        assertThat(bestMemberNames(), hasItem(star.username));

        delete(WebSession.loggedIn(star.username), TestData.PASSWORD).then().statusCode(303);
        relay.drain();
        refresher.poll();

        assertThat(bestMemberNames(), not(hasItem(star.username)));
        String widget = given().get("/").then().statusCode(200).extract().asString();
        assertThat(widget, not(hasText(containsString(star.displayName))));
        assertThat(widget, not(hasElement("#best-members a[href^='/members/deleted']")));
    }

    static List<String> bestMemberNames() {
        return given().get("/api/v1/stats/best-members").then().statusCode(200).extract().jsonPath()
                .getList("username");
    }

    @Test
    void theUsernameOfADeletedAccountStaysTaken() {
        Member member = data.member("reserved");
        delete(WebSession.loggedIn(member.username), TestData.PASSWORD).then().statusCode(303);

        WebSession visitor = WebSession.visitor();
        String token = visitor.csrfToken();
        visitor.request().multiPart("username", member.username.toUpperCase())
                .multiPart("email", "new-" + member.email).multiPart("password", "another s3cret pass")
                .multiPart("password_confirm", "another s3cret pass").multiPart("csrf-token", token).post("/signup")
                .then().statusCode(400).body(hasText(containsString("This username is taken.")));
        assertThat(data.count("SELECT count(*) FROM member WHERE email = ?1", "new-" + member.email), equalTo(0L));
        // nor can another member show as it
        Member other = data.member("mimic");
        WebSession mimic = WebSession.loggedIn(other.username);
        String mimicToken = mimic.csrfToken();
        mimic.request().multiPart("email", other.email).multiPart("display_name", member.username)
                .multiPart("csrf-token", mimicToken).post("/settings").then().statusCode(400)
                .body(hasText(containsString("Another member uses this name.")));
    }

    @Test
    void anAccountDeletedOnAnotherInstancePostsNothingWithTheSessionStillHeldHere() {
        Member member = data.member("elsewhere");
        Question question = data.question(data.member("asked-elsewhere"), "A question answered before a deletion");
        WebSession session = WebSession.loggedIn(member.username);
        String answers = "/api/v1/questions/" + question.id + "/answers";
        // this instance reads the session and trusts it for the session cache's lifetime (5 s)
        session.postJson(answers, Map.of("body", "An answer while the account exists.")).then().statusCode(201);

        // deleted as on another instance: in the database, without this instance's session cache being told
        data.execute("UPDATE member SET deleted_at = now(), username = 'deleted:' || id, email = NULL, password_hash = NULL,"
                + " avatar_hash = NULL WHERE id = ?1", member.id);
        data.execute("UPDATE member_session SET ended_at = now() WHERE member_id = ?1", member.id);

        session.postJson(answers, Map.of("body", "An answer after the account is gone.")).then().statusCode(401)
                .body(containsString("Log in"));
        session.postJson("/api/v1/questions", Map.of("title", "A question asked after the account is gone", "body",
                "The body of a question that nobody should be able to ask any more.", "tags", List.of("testing")))
                .then().statusCode(401);
        session.postJson("/api/v1/questions/" + question.id + "/comments",
                Map.of("body", "A comment after the account is gone.")).then().statusCode(401);
        assertThat(data.count("SELECT count(*) FROM answer WHERE author_id = ?1", member.id), equalTo(1L));
        assertThat(data.count("SELECT count(*) FROM question WHERE author_id = ?1", member.id), equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM comment WHERE author_id = ?1", member.id), equalTo(0L));
    }
}
