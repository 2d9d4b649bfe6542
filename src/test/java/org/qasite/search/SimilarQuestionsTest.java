package org.qasite.search;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The ask form's similar questions: a whole title finds the questions that share some of its words. */
@QuarkusTest
class SimilarQuestionsTest {

    @Inject
    TestData data;

    static ValidatableResponse similar(String title) {
        return WebSession.visitor().request().accept(ContentType.JSON).queryParam("title", title)
                .get("/api/v1/search/similar").then();
    }

    @Test
    void aLongRealTitleFindsTheQuestionsSharingSeveralOfItsWordsBestFirst() {
        String word = "frobnicator" + System.nanoTime() % 1_000_000;
        Member author = data.member("similar-api");
        Question close = data.question(author, "Why does the " + word + " cache leak memory under load?");
        Question far = data.question(author, "Configuring the " + word + " logging format");
        Question deleted = data.question(author, "The " + word + " cache leaks memory under heavy load");
        data.execute("UPDATE question SET deleted_at = now() WHERE id = ?1", deleted.id);

        String title = "My " + word + " cache keeps leaking memory after every deployment under production load";
        similar(title).statusCode(200).body("id", hasItem(close.id.intValue()))
                .body("id[0]", equalTo(close.id.intValue())) // more shared words first
                .body("id", hasItem(far.id.intValue()))
                .body("id", not(hasItem(deleted.id.intValue())))
                .body("size()", lessThanOrEqualTo(SimilarQuestions.LIMIT))
                .body("find { it.id == " + close.id + " }.title", equalTo(close.title))
                .body("find { it.id == " + close.id + " }.path", equalTo(org.qasite.question.Slug.path(close.id,
                        close.title)))
                .body("find { it.id == " + close.id + " }.titleHtml", org.hamcrest.Matchers.containsString(
                        "<mark>" + word + "</mark>"))
                .body("find { it.id == " + close.id + " }.answers", equalTo(0));
        // the header's suggestions need every word, so the same title finds nothing there
        WebSession.visitor().request().accept(ContentType.JSON).queryParam("q", title).get("/api/v1/search/suggest")
                .then().statusCode(200).body("id", not(hasItem(close.id.intValue())));
    }

    /** Very long titles up to what the HTTP layer takes in an address (past it, it answers 414 itself). */
    @Test
    void hostileOrEmptyTitlesAnswerCalmly() {
        String word = "quuxifier" + System.nanoTime() % 1_000_000;
        Question question = data.question(data.member("similar-hostile"), "How to reset the " + word + " state");
        String[] titles = { "", "   ", "!", "'", "\"" + word + "\"", word + " & | ! ( ) : * <-> '' \\", "a:* | b",
                "!!" + word + ":*", "(" + word + " | ) & !", "' OR 1=1 --", word + "\u0000 state",
                "x".repeat(3_000), (word + " ").repeat(150), "<script>alert(1)</script>" };
        for (String title : titles) {
            similar(title).statusCode(200).body("size()", lessThanOrEqualTo(SimilarQuestions.LIMIT));
        }
        similar("\"" + word + "\" & (reset | !!):*").statusCode(200).body("id", contains(question.id.intValue()));
        WebSession.visitor().request().accept(ContentType.JSON).get("/api/v1/search/similar").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
