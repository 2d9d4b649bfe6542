package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The question page reuses rendered answers: every reader still sees their own tokens and the answers as they are now. */
@QuarkusTest
class AnswerFragmentsTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    TestData data;

    @Inject
    AnswerFragments fragments;

    Member asker;
    Member answerer;
    Question question;
    Answer first;
    Answer second;

    @BeforeEach
    void setUp() {
        asker = data.member("asker");
        answerer = data.member("answerer");
        question = data.question(asker, "Which answers does the page render again?");
        first = data.answer(answerer, question, "The first answer, voted on later.");
        second = data.answer(answerer, question, "The second answer, accepted later.");
    }

    String page(WebSession reader) {
        return reader.get("/questions/" + question.id).then().statusCode(200).extract().asString();
    }

    static List<String> tokens(String html) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(html);
        while (m.find()) {
            tokens.add(m.group(1));
        }
        return tokens;
    }

    static String answer(String html, Answer answer) {
        int start = html.lastIndexOf("<article", html.indexOf("data-answer-id=\"" + answer.id + "\""));
        assertThat("answer " + answer.id + " is on the page", start, greaterThan(0));
        return html.substring(start, html.indexOf("</article>", start));
    }

    @Test
    void everyReaderFindsTheirOwnTokenInEveryAnswer() {
        WebSession visitor = WebSession.visitor();
        WebSession otherVisitor = WebSession.visitor();
        WebSession voter = WebSession.loggedIn(data.member("voter").username);
        page(visitor);
        int kept = fragments.count();

        // The question's vote form is rendered for each page; each answer's form comes from the kept fragments.
        List<String> visitorTokens = tokens(page(visitor));
        List<String> otherTokens = tokens(page(otherVisitor));
        String voterPage = page(voter);
        List<String> voterTokens = tokens(voterPage);
        assertThat(visitorTokens, hasSize(3));
        assertThat(visitorTokens, everyItem(equalTo(visitorTokens.get(0))));
        assertThat(otherTokens, hasSize(3));
        assertThat(otherTokens, everyItem(equalTo(otherTokens.get(0))));
        assertThat(otherTokens.get(0), not(equalTo(visitorTokens.get(0))));
        assertThat(voterTokens, everyItem(equalTo(voterTokens.get(0))));
        assertThat("the visitors' answers were rendered once", fragments.count(), equalTo(kept));

        // The form of an answer, with the token found in it, is accepted.
        List<String> answerTokens = tokens(answer(voterPage, first));
        assertThat(answerTokens, hasSize(1));
        voter.request().contentType(ContentType.URLENC).formParam("value", "1")
                .formParam("csrf-token", answerTokens.get(0)).post("/answers/" + first.id + "/vote").then()
                .statusCode(303);
        assertThat(data.count("SELECT rating FROM answer WHERE id = ?1", first.id), equalTo(1L));
    }

    @Test
    void votesAcceptanceAndNewNamesShowAtOnce() {
        WebSession visitor = WebSession.visitor();
        WebSession voter = WebSession.loggedIn(data.member("voter").username);
        WebSession questionAuthor = WebSession.loggedIn(asker.username);
        WebSession answerAuthor = WebSession.loggedIn(answerer.username);
        assertThat(answer(page(visitor), first), containsString("data-score aria-live=\"polite\">0<"));
        assertThat(answer(page(voter), first), not(containsString("aria-pressed=\"true\"")));

        voter.postJson("/api/v1/answers/" + first.id + "/vote", Map.of("value", 1)).then().statusCode(200);
        assertThat(answer(page(visitor), first), containsString("data-score aria-live=\"polite\">1<"));
        assertThat(answer(page(visitor), first), not(containsString("aria-pressed=\"true\"")));
        assertThat(answer(page(voter), first), containsString("aria-pressed=\"true\""));
        assertThat(answer(page(voter), second), not(containsString("aria-pressed=\"true\"")));

        assertThat(answer(page(questionAuthor), second), containsString("Accept this answer</button>"));
        questionAuthor.postJson("/api/v1/answers/" + second.id + "/accept", Map.of()).then().statusCode(200);
        assertThat(answer(page(visitor), second), containsString("border-bottom accepted\""));
        assertThat(answer(page(visitor), first), not(containsString("border-bottom accepted\"")));
        assertThat(answer(page(questionAuthor), second), containsString("disabled>Accept this answer</button>"));
        assertThat(answer(page(visitor), second), not(containsString("Accept this answer")));

        assertThat(answer(page(answerAuthor), first), containsString("You cannot vote on your own post"));
        assertThat(answer(page(visitor), first), not(containsString("You cannot vote on your own post")));
        answerAuthor.request().multiPart("email", answerer.email).multiPart("display_name", "Renamed Answerer")
                .multiPart("csrf-token", answerAuthor.csrfToken()).post("/settings").then().statusCode(303);
        assertThat(answer(page(visitor), first), containsString(">Renamed Answerer</a>"));
        assertThat(answer(page(visitor), second), containsString(">Renamed Answerer</a>"));
    }
}
