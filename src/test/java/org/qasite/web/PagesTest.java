package org.qasite.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** Every page renders, for a visitor and for a member, with the right column; wrong addresses get clear errors. */
@QuarkusTest
class PagesTest {

    @Inject
    TestData data;

    Member author;
    Question question;
    String tag;

    @BeforeEach
    void setUp() {
        author = data.member("pages");
        tag = TestData.uniqueName("tag").toLowerCase();
        question = data.question(author, "How do pages render here?", tag);
        data.answer(data.member("helper"), question, "Like this: **bold** answer.");
    }

    List<String> publicPages() {
        return List.of("/", "/hot", "/tag/" + tag, question.path(),
                question.path() + "?sort=votes", "/signup", "/login", "/members/" + author.username);
    }

    @Test
    void everyPageRendersForAVisitorWithTheRightColumn() {
        WebSession visitor = WebSession.visitor();
        for (String path : publicPages()) {
            visitor.get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(hasElement("#popular-tags"), hasElement("#best-members"), hasElement("#login-link[href^=/login]"));
        }
    }

    @Test
    void everyPageRendersForAMemberWithTheirMenu() {
        Member member = data.member("reader");
        WebSession session = WebSession.loggedIn(member.username);
        for (String path : publicPages().stream().filter(p -> !p.equals("/login") && !p.equals("/signup")).toList()) {
            session.get(path).then().statusCode(200)
                    .body(hasElement("#popular-tags"), hasElement("nav .header-name", equalTo(member.displayName)),
                            hasElement("form[action=/logout]"));
        }
        session.get("/ask").then().statusCode(200).body(hasElement("input[name=title]"));
        session.get("/settings").then().statusCode(200).body(hasField("email", equalTo(member.email)));
    }

    @Test
    void theQuestionPageShowsTheQuestionItsAnswersAndTheHooks() {
        WebSession.visitor().get(question.path()).then().statusCode(200)
                .body("html.head.title", containsString("How do pages render here?"))
                .body(hasElement("#answers [data-answer-id]"),
                        hasElement("[data-answer-id] .post-body strong", equalTo("bold")),
                        hasElement("[data-vote-for=question-" + question.id + "]"), hasElement("[data-score]"),
                        hasElement("#answer-form"), not(hasElement("#answers-empty")));
    }

    @Test
    void aQuestionWithoutAnswersShowsTheEmptyState() {
        Question empty = data.question(author, "Nobody has answered this yet?", tag);
        WebSession.visitor().get(empty.path()).then().statusCode(200)
                .body(hasElement("#answers-empty"));
    }

    @Test
    void listsShowTheNewQuestionWithItsTags() {
        WebSession.visitor().get("/").then().statusCode(200)
                .body(hasElement("a[href='" + question.path() + "']"), hasElement("a[href=/tag/" + tag + "]"));
        WebSession.visitor().get("/tag/" + tag).then().statusCode(200)
                .body(hasElement("h1", equalTo("Questions tagged [" + tag + "]")),
                        hasElement("a[href='" + question.path() + "']"));
    }

    @Test
    void aFlashMessageIsShownOnce() {
        Member member = data.member("flash");
        WebSession session = WebSession.loggedIn(member.username);
        String token = session.csrfToken();
        session.request().multiPart("email", member.email).multiPart("display_name", "Flashy")
                .multiPart("csrf-token", token).post("/settings").then().statusCode(303);
        session.get("/settings").then().statusCode(200)
                .body(hasElement(".alert[role=status]", equalTo("Your settings are saved.")));
        session.get("/settings").then().statusCode(200).body(not(hasText(containsString("Your settings are saved."))));
    }

    @Test
    void aFlashCookieTheSiteDidNotWriteIsIgnored() {
        WebSession.visitor().request().cookie("qa-flash", "%ZZ%").get("/").then().statusCode(200)
                .body(hasElement("#popular-tags"));
    }

    @Test
    void membersOnTheLoginOrSignupPageAreSentHome() {
        WebSession session = WebSession.loggedIn(author.username);
        session.get("/login").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"));
        session.get("/signup").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"));
    }

    @Test
    void aVisitorWhoLogsInToAskComesBackToTheAskForm() {
        WebSession visitor = WebSession.visitor();
        visitor.get("/ask").then().statusCode(303);
        io.restassured.response.Response login = visitor.request().contentType(io.restassured.http.ContentType.URLENC)
                .formParam("username", author.username).formParam("password", TestData.PASSWORD).post("/login");
        assertThat(login.statusCode(), equalTo(303));
        assertThat(login.header("Location"), org.hamcrest.Matchers.endsWith("/ask"));
    }

    @Test
    void visitorsAreSentToTheLoginPageForMemberPages() {
        for (String path : List.of("/ask", "/settings")) {
            WebSession.visitor().get(path).then().statusCode(303).header("Location", containsString("/login"));
        }
    }

    @Test
    void missingThingsAreA404PageWithAMessage() {
        WebSession visitor = WebSession.visitor();
        visitor.get("/questions/999999999").then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no question 999999999")));
        visitor.get("/questions/abc").then().statusCode(404).body(hasErrorMessage(containsString("There is no question")));
        visitor.get("/members/nobody-" + System.nanoTime()).then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no member")));
        visitor.get("/tag/no-such-tag-" + System.nanoTime()).then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no tag")));
        visitor.get("/no/such/page").then().statusCode(404)
                .body(hasErrorMessage(containsString("There is nothing at this address")));
        // bytes PostgreSQL cannot store are just another name that does not exist
        visitor.request().urlEncodingEnabled(false).get("/members/a%00b").then().statusCode(404);
        visitor.request().urlEncodingEnabled(false).get("/tag/a%00b").then().statusCode(404);
        visitor.request().urlEncodingEnabled(false).get("/api/v1/questions?tag=a%00b").then().statusCode(404);
    }

    @Test
    void wrongPageNumbersAreExplained() {
        WebSession visitor = WebSession.visitor();
        visitor.get("/?page=abc").then().statusCode(404).body(hasErrorMessage(containsString("There is no page “abc”")));
        visitor.get("/?page=0").then().statusCode(404).body(hasErrorMessage(containsString("pages are numbered from 1")));
        visitor.get("/?page=-3").then().statusCode(404);
        visitor.get("/?page=99999999").then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no page 99999999")));
        visitor.get(question.path() + "?page=5").then().statusCode(404)
                .body(hasErrorMessage(containsString("this list has 1 page.")));
        visitor.get("/?page=1").then().statusCode(200);
    }

    @Test
    void relativeTimesCarryTheExactTimeOnHover() {
        WebSession.visitor().get(question.path()).then().statusCode(200)
                .body(hasElement("time[title^=20][title$=UTC]", equalTo("just now")));
    }

    @Test
    void theApiErrorsAreJson() {
        WebSession.visitor().request().get("/api/v1/questions/999999999").then().statusCode(404)
                .contentType(containsString("application/json"))
                .body("error", equalTo("There is no question 999999999. It may have been removed."));
    }
}
