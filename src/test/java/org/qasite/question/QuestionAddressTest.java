package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.qasite.testsupport.Pages.hasElement;

import java.net.InetAddress;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;
import org.qasite.web.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** A question's readable address, /questions/{id}/{slug}, and the old ones that lead to it. */
@QuarkusTest
class QuestionAddressTest {

    @Inject
    TestData data;

    Member author;
    Question question;

    @BeforeEach
    void setUp() {
        author = data.member("addressed");
        question = data.question(author, "How do I tune PostgreSQL's work_mem?", "postgresql");
    }

    private static String location(Response response) {
        return java.net.URI.create(response.header("Location")).getRawPath()
                + (java.net.URI.create(response.header("Location")).getRawQuery() == null ? ""
                        : "?" + java.net.URI.create(response.header("Location")).getRawQuery());
    }

    @Test
    void theReadableAddressShowsTheQuestion() {
        assertThat(question.path(), equalTo("/questions/" + question.id + "/how-do-i-tune-postgresql-s-work-mem"));
        WebSession.visitor().get(question.path()).then().statusCode(200)
                .body(hasElement("h1", equalTo("How do I tune PostgreSQL's work_mem?")));
    }

    @Test
    void theBareAddressMovesPermanentlyToTheReadableOneWithItsQuery() {
        Response bare = WebSession.visitor().get("/questions/" + question.id);
        bare.then().statusCode(301);
        assertThat(location(bare), equalTo(question.path()));

        Response paged = WebSession.visitor().get("/questions/" + question.id + "?page=2&sort=votes");
        paged.then().statusCode(301);
        assertThat(location(paged), equalTo(question.path() + "?page=2&sort=votes"));
    }

    @Test
    void aWrongOrOldSlugMovesToTheRightOne() {
        Response wrong = WebSession.visitor().get("/questions/" + question.id + "/some-other-title?sort=votes");
        wrong.then().statusCode(301);
        assertThat(location(wrong), equalTo(question.path() + "?sort=votes"));

        data.execute("UPDATE question SET title = ?1 WHERE id = ?2", "How do I size shared_buffers?", question.id);
        Response old = WebSession.visitor().get(question.path());
        old.then().statusCode(301);
        assertThat(location(old), equalTo("/questions/" + question.id + "/how-do-i-size-shared-buffers"));
    }

    /**
     * Characters that the HTTP layer lets through in a query but a strict URI parser refuses ([ ] as in a search for
     * a tag, sent unencoded): the redirect still comes, with the query kept. The ones the HTTP layer itself refuses
     * ({ } | and a bare %) get its 400 before any route, never a 500. Sent as raw bytes: ordinary clients encode them.
     */
    @Test
    void oddCharactersInTheQueryStillMoveToTheReadableAddress() {
        RawHttp http = new RawHttp(RestAssured.port, InetAddress.getLoopbackAddress());
        for (String sent : List.of("/questions/" + question.id + "?q=[java]",
                "/questions/" + question.id + "/old-slug?tags=[a][b]&page=2", "/questions/" + question.id + "?x=[%41]")) {
            RawHttp.Reply moved = http.send("GET", sent, List.of(), null);
            assertThat(sent, moved.status(), equalTo(301));
            java.net.URI location = java.net.URI.create(moved.header("Location"));
            assertThat(sent, location.getRawPath(), equalTo(question.path()));
            assertThat(sent, location.getQuery(), equalTo(sent.substring(sent.indexOf('?') + 1).replace("%41", "A")));
        }
        for (String refused : List.of("?utm={x}", "?a=b|c", "/old-slug?q=100%")) {
            assertThat(refused, http.send("GET", "/questions/" + question.id + refused, List.of(), null).status(),
                    lessThan(500));
        }
    }

    @Test
    void theQuestionsOwnSubPagesKeepTheirAddresses() {
        WebSession session = WebSession.loggedIn(author.username);
        session.get("/questions/" + question.id + "/edit").then().statusCode(200).body(hasElement("#edit-form"));
        session.get("/questions/" + question.id + "/revisions").then().statusCode(200);
        // its links lead to the readable address
        session.get("/questions/" + question.id + "/edit").then()
                .body(hasElement("a[href='" + question.path() + "']"));
    }

    @Test
    void aMissingQuestionIsNotFoundAtEitherAddress() {
        long missing = question.id + 1_000_000;
        WebSession.visitor().get("/questions/" + missing).then().statusCode(404);
        WebSession.visitor().get("/questions/" + missing + "/how-do-i-tune").then().statusCode(404);
        WebSession.visitor().get("/questions/abc/how-do-i-tune").then().statusCode(404);
    }

    @Test
    void aDeletedQuestionsTitleIsNotGivenAway() {
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", question.id);
        Response bare = WebSession.visitor().get("/questions/" + question.id);
        bare.then().statusCode(404);
        WebSession.visitor().get(question.path()).then().statusCode(404);
    }

    @Test
    void anAnswersPermalinkLeadsToTheReadableAddress() {
        Answer answer = data.answer(data.member("permalinked"), question, "Set it per session for big sorts.");
        Response permalink = WebSession.visitor().get("/answers/" + answer.id);
        permalink.then().statusCode(303);
        assertThat(permalink.header("Location"), endsWith(question.path() + "#answer-" + answer.id));
    }

    @Test
    void listsLinkToTheReadableAddress() {
        WebSession.visitor().get("/tag/postgresql").then().statusCode(200)
                .body(hasElement("a[href='" + question.path() + "']"));
    }
}
