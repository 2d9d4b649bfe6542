package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.ApiPosts;
import org.qasite.testsupport.OtherAddress;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;
import org.qasite.views.ViewCounter;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Question pages kept for visitors: every visitor gets the same page with a token of their own that their forms
 * accept, a member never gets it, and whatever a member changes on the page shows to the next visitor at once. The time
 * to live is long here, so that only a change can be what retires a page.
 */
@QuarkusTest
@TestProfile(VisitorPagesTest.Kept.class)
class VisitorPagesTest {

    public static class Kept implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qa.site.visitor-page-cache", "16M", "qa.site.visitor-page-ttl", "10m");
        }
    }

    @Inject
    TestData data;

    @Inject
    ViewCounter views;

    @TestHTTPResource("/")
    URI base;

    Member author;
    Member reader;
    long questionId;
    String path;

    @BeforeEach
    void setUp() {
        author = data.member("kept");
        reader = data.member("keptreader");
        questionId = ApiPosts.ask(author, "Which pages does the site keep for visitors?", "caching");
        path = WebSession.visitor().questionPath(questionId);
    }

    @Test
    void everyVisitorGetsThePageWithTheirOwnWorkingToken() {
        WebSession first = WebSession.visitor();
        WebSession second = WebSession.visitor();
        Response firstPage = first.get(path);
        Response secondPage = second.get(path);
        String firstToken = token(firstPage);
        String secondToken = token(secondPage);
        assertThat(firstToken, not(equalTo(secondToken)));
        assertThat(firstToken, equalTo(firstPage.getCookie("qa-csrf")));
        assertThat(secondToken, equalTo(secondPage.getCookie("qa-csrf")));
        assertThat(secondPage.asString().replace(secondToken, "T"), equalTo(firstPage.asString().replace(firstToken, "T")));
        assertThat(secondPage.contentType(), startsWith("text/html"));

        // The vote form of the kept page leads the second visitor to the login page, not to a refused request.
        Response vote = second.request().contentType(ContentType.URLENC).formParam("value", "1")
                .formParam("csrf-token", secondToken).post("/questions/" + questionId + "/vote");
        assertThat(vote.asString(), vote.statusCode(), equalTo(303));
        assertThat(vote.header("Location"), containsString("/login"));
    }

    @Test
    void membersNeverGetTheVisitorsPage() {
        WebSession.visitor().get(path).then().statusCode(200);
        // What no event announces stays as the visitors' page shows it until it expires; a member reads it afresh.
        data.execute("UPDATE question SET body_html = '<p>Changed behind the site''s back.</p>' WHERE id = ?1", questionId);
        assertThat(WebSession.visitor().get(path).asString(), not(containsString("behind the site")));
        String membersPage = WebSession.loggedIn(reader.username).get(path).asString();
        assertThat(membersPage, containsString("Changed behind the site"));
        assertThat(membersPage, Pages.hasElement("#notifications-link"));
    }

    @Test
    void whatMembersChangeShowsToTheNextVisitorAtOnce() {
        assertThat(WebSession.visitor().get(path).asString(), hasElement("#answers-empty"));

        long answerId = ApiPosts.answer(reader, questionId, "Pages that visitors read, until something on them changes.");
        assertThat(WebSession.visitor().get(path).asString(), hasElement("[data-answer-id=\"" + answerId + "\"]"));

        WebSession.loggedIn(reader.username).postJson("/api/v1/questions/" + questionId + "/vote", Map.of("value", 1))
                .then().statusCode(200);
        assertThat(score(WebSession.visitor().get(path), "question-" + questionId), equalTo("1"));

        ApiPosts.comment(reader, "/api/v1/answers/" + answerId + "/comments", "A comment that every visitor sees.");
        assertThat(WebSession.visitor().get(path).asString(), containsString("A comment that every visitor sees."));

        WebSession.loggedIn(author.username).request().contentType(ContentType.JSON)
                .body(Map.of("title", "Which pages does the site keep for visitors?",
                        "body", "An edited body, long enough to be a question of its own.", "tags", List.of("caching")))
                .put("/api/v1/questions/" + questionId).then().statusCode(200);
        assertThat(WebSession.visitor().get(path).asString(), containsString("An edited body"));

        WebSession.loggedIn(author.username).request().delete("/api/v1/questions/" + questionId).then().statusCode(204);
        WebSession.visitor().get(path).then().statusCode(404);
    }

    @Test
    void eachLanguageHasItsOwnPageAndAMessageIsShownOnce() {
        WebSession visitor = WebSession.visitor();
        String english = visitor.request().header("Accept-Language", "en").get(path).asString();
        String russian = visitor.request().header("Accept-Language", "ru").get(path).asString();
        assertThat(Pages.document(english).select("html").attr("lang"), equalTo("en"));
        assertThat(Pages.document(russian).select("html").attr("lang"), equalTo("ru"));
        assertThat(Pages.document(visitor.request().header("Accept-Language", "en").get(path).asString())
                .select("html").attr("lang"), equalTo("en"));

        String withMessage = WebSession.visitor().request().cookie("qa-flash", "You%20are%20logged%20out.").get(path)
                .asString();
        assertThat(withMessage, hasElement("[data-flash]"));
        assertThat(WebSession.visitor().get(path).asString(), not(hasElement("[data-flash]")));
    }

    @Test
    void aKeptPageIsStillAViewOfEachVisitor() {
        views.flush();
        for (String address : List.of("127.0.0.21", "127.0.0.22", "127.0.0.23")) {
            viewFrom(address);
            viewFrom(address); // the same visitor again: one view
        }
        WebSession.visitor().request().head(path).then().statusCode(200); // not a view
        views.flush();
        assertThat(data.count("SELECT view_count FROM question WHERE id = ?1", questionId), equalTo(3L));
    }

    private static String token(Response page) {
        assertThat(page.asString(), page.statusCode(), equalTo(200));
        return Pages.document(page).select("input[name=csrf-token]").first().attr("value");
    }

    private static String score(Response page, String post) {
        Document document = Pages.document(page);
        return document.select("[data-vote-for=\"" + post + "\"]").first().closest("[data-vote-widget]")
                .select("[data-score]").text();
    }

    /** A GET from another loopback address, which the site counts as another visitor. */
    private void viewFrom(String address) {
        HttpResponse<String> page = OtherAddress.get(address, base.getPort(), path, "Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(page.body(), page.statusCode(), equalTo(200));
    }
}
