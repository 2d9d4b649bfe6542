package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasText;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The question page reuses rendered answers: every reader still sees their own tokens and the answers as they are now. */
@QuarkusTest
class AnswerFragmentsTest {

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

    Document page(WebSession reader) {
        return Pages.document(reader.get(question.path()).then().statusCode(200).extract().response());
    }

    /** The CSRF tokens of the forms in this part of the page. */
    static List<String> tokens(Element part) {
        return part.select("input[name=csrf-token]").eachAttr("value");
    }

    static Element answer(Document page, Answer answer) {
        return Pages.one(page, "article[data-answer-id=" + answer.id + "]");
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
        Document voterPage = page(voter);
        List<String> voterTokens = tokens(voterPage);
        assertThat(visitorTokens, hasSize(3));
        assertThat(visitorTokens, everyItem(equalTo(visitorTokens.get(0))));
        assertThat(otherTokens, hasSize(3));
        assertThat(otherTokens, everyItem(equalTo(otherTokens.get(0))));
        assertThat(otherTokens.get(0), not(equalTo(visitorTokens.get(0))));
        assertThat(voterTokens, everyItem(equalTo(voterTokens.get(0))));
        assertThat("the visitors' answers were rendered once", fragments.count(), equalTo(kept));

        // The forms of an answer, with the token found in them, are accepted: its vote form from the kept fragment
        // and its comment box, rendered for the reader apart from it, carry the same token.
        List<String> answerTokens = tokens(answer(voterPage, first));
        assertThat(answerTokens, hasSize(2));
        assertThat(answerTokens, everyItem(equalTo(answerTokens.get(0))));
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
        assertThat(answer(page(visitor), first), hasElement("[data-score][aria-live=polite]", equalTo("0")));
        assertThat(answer(page(voter), first), not(hasElement("[aria-pressed=true]")));

        voter.postJson("/api/v1/answers/" + first.id + "/vote", Map.of("value", 1)).then().statusCode(200);
        assertThat(answer(page(visitor), first), hasElement("[data-score][aria-live=polite]", equalTo("1")));
        assertThat(answer(page(visitor), first), not(hasElement("[aria-pressed=true]")));
        assertThat(answer(page(voter), first), hasElement("[aria-pressed=true]"));
        assertThat(answer(page(voter), second), not(hasElement("[aria-pressed=true]")));

        assertThat(answer(page(questionAuthor), second), hasElement("button", equalTo("Accept this answer")));
        questionAuthor.postJson("/api/v1/answers/" + second.id + "/accept", Map.of()).then().statusCode(200);
        assertThat(answer(page(visitor), second), hasElement("article.accepted"));
        assertThat(answer(page(visitor), first), not(hasElement("article.accepted")));
        // accepted: the author is offered Unaccept in its place (no disabled Accept button any more)
        assertThat(answer(page(questionAuthor), second),
                hasElement("form[data-unaccept-form]:not(.d-none) button", equalTo("Unaccept")));
        assertThat(answer(page(questionAuthor), second), hasElement("form[data-accept-form].d-none"));
        assertThat(answer(page(questionAuthor), first),
                hasElement("form[data-accept-form]:not(.d-none) button", equalTo("Accept this answer")));
        assertThat(answer(page(visitor), second), not(hasText(containsString("Accept this answer"))));

        assertThat(answer(page(answerAuthor), first), hasElement("[title='You cannot vote on your own post']"));
        assertThat(answer(page(visitor), first), not(hasElement("[title='You cannot vote on your own post']")));
        answerAuthor.request().multiPart("email", answerer.email).multiPart("display_name", "Renamed Answerer")
                .multiPart("csrf-token", answerAuthor.csrfToken()).post("/settings").then().statusCode(303);
        assertThat(answer(page(visitor), first), hasElement("a", equalTo("Renamed Answerer")));
        assertThat(answer(page(visitor), second), hasElement("a", equalTo("Renamed Answerer")));
    }
}
