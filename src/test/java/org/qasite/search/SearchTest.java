package org.qasite.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasText;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SearchTest {

    @Inject
    TestData data;

    @Inject
    EntityManager em;

    /** The question ids on the results page, in order. */
    private static List<Long> results(String q) {
        Document page = Pages.document(given().queryParam("q", q).get("/search").then().statusCode(200).extract()
                .response());
        return page.select(".search-hit[data-question-id]").eachAttr("data-question-id").stream().map(Long::valueOf)
                .toList();
    }

    private Question question(String title, String body, String... tags) {
        Member author = data.member("searcher");
        Question q = data.question(author, title, tags);
        setBody(q.id, body);
        return q;
    }

    @Transactional
    void setBody(long id, String body) {
        em.createNativeQuery("UPDATE question SET body = ?1 WHERE id = ?2").setParameter(1, body).setParameter(2, id)
                .executeUpdate();
    }

    @Transactional
    void setRating(long id, int rating) {
        em.createNativeQuery("UPDATE question SET rating = ?1 WHERE id = ?2").setParameter(1, rating).setParameter(2, id)
                .executeUpdate();
    }

    @Test
    void aTitleMatchRanksAboveABodyMatchAndRatingBreaksTies() {
        String word = "zephyrine" + System.nanoTime() % 100000;
        // Created first, so that without its rating it would come last among equals (ties go to the newest).
        Question inTitleRated = question("Why is " + word + " slow?", "Another body without the word.");
        Question inBody = question("Something else entirely", "The " + word + " appears only down here in the body.");
        Question inTitle = question("How does " + word + " work?", "A body without the word.");
        setRating(inTitleRated.id, 25);

        assertThat(results(word), equalTo(List.of(inTitleRated.id, inTitle.id, inBody.id)));
    }

    @Test
    void wordsFindTheirOtherFormsInEnglishAndInRussian() {
        Question russian = question("Где задать вопрос о базе данных?", "Мой вопрос про индексы и планировщик.");
        Question english = question("Which answer explains cover density?", "Looking for an answer about ranking.");
        assertThat(results("вопросы"), hasItem(russian.id));
        assertThat(results("answers"), hasItem(english.id));
        assertThat(results("answers"), not(hasItem(russian.id)));
    }

    @Test
    void matchesAreHighlightedAndMemberTextIsEscaped() {
        String word = "quillwort" + System.nanoTime() % 100000;
        question("A <script>alert(1)</script> " + word + " title", "Body with <b>tags</b> and the " + word + " in it.");
        given().queryParam("q", word).get("/search").then().statusCode(200)
                .body(hasElement(".search-hit mark", equalTo(word)),
                        // the escaping itself, in the bytes sent
                        not(containsString("<script>alert(1)")), containsString("&lt;script&gt;"),
                        not(containsString("<b>tags")));
    }

    @Test
    void aQuotedPhraseKeepsItsWordOrderAndATagFilters() {
        String word = "bryozoan" + System.nanoTime() % 100000;
        Question ordered = question(word + " red green lamp", "Body one.", "colours");
        Question reversed = question(word + " green red lamp", "Body two.", "lamps");
        assertThat(results(word + " \"red green\""), equalTo(List.of(ordered.id)));
        assertThat(results(word + " [lamps]"), equalTo(List.of(reversed.id)));
        assertThat(results("[lamps] " + word), equalTo(List.of(reversed.id)));
        assertThat(results(word + " -green").size(), equalTo(0));
    }

    @Test
    void namesInAngleBracketsAreWordsNotMarkupLeftOut() {
        String word = "flexquux" + System.nanoTime() % 100000;
        Question question = question("Why is my <section> element not centered with " + word + "?",
                "The `<aside>` next to it stays put, and `</figcaption>` too (inline HTML is not shown, code is).");
        Member answerer = data.member("bracketer");
        data.answer(answerer, question, "Wrap the " + word + " in a <dialog> element.");
        // the same in what is typed: "<word>" alone would be markup, and nothing would be searched
        for (String q : List.of("section " + word, "<" + word + ">", "</" + word + ">", "aside " + word,
                "figcaption " + word, "dialog " + word)) {
            assertThat(q, results(q), equalTo(List.of(question.id)));
        }
        // and marked in the title and the snippet, the brackets shown as written
        given().queryParam("q", "section aside " + word).get("/search").then().statusCode(200)
                .body(hasElement(".search-hit mark", equalTo("section")), hasElement(".search-hit mark", equalTo("aside")),
                        hasText(containsString("Why is my <section> element")), hasText(containsString("The <aside> next")),
                        not(containsString("\u200B")));
        given().queryParam("q", "<section> " + word.substring(0, 6)).get("/api/v1/search/suggest").then()
                .statusCode(200).body("id", hasItem(question.id.intValue()));
    }

    @Test
    void tagsAloneListTheirQuestionsNewestFirst() {
        String tag = "tagonly" + System.nanoTime() % 100000;
        Question older = question("First of the tagged ones", "Body one.", tag);
        Question both = question("Second of the tagged ones", "Body two.", tag, "lamps");
        question("Not tagged so", "Body three.", "lamps");
        assertThat(results("[" + tag + "]"), equalTo(List.of(both.id, older.id)));
        assertThat(results("[" + tag + "] [lamps]"), equalTo(List.of(both.id)));
        given().queryParam("q", "[" + tag + "]").get("/search").then().statusCode(200)
                .body(hasElement("#search-count", containsString("2")));
        // a page past the last is not there, as for words
        given().queryParam("q", "[" + tag + "]").queryParam("page", 2).get("/search").then().statusCode(404);
        assertThat(results("[nosuchtag" + System.nanoTime() % 100000 + "]"), equalTo(List.of()));
    }

    @Test
    void anythingTypedIsSafe() {
        for (String hostile : List.of("'&|!:*()", "a & | b", "!!!", ":*", "(((", "\"", "[", "[]", "' OR 1=1 --",
                "\\", "<>", "-", "a:*B", "%", "\u0000x", "[" + "x".repeat(300) + "]", "the")) {
            // the search page itself, which either ran the query or asks for one (not an error page with the header)
            given().queryParam("q", hostile).get("/search").then().statusCode(200)
                    .body(hasElement("#search-page-input"), hasElement("#search-count, #search-empty"));
        }
        given().queryParam("q", "anything").queryParam("page", "abc").get("/search").then().statusCode(404);
    }

    @Test
    void theFullTextQueryUsesTheGinIndex() {
        assertThat(plan("SELECT q.id FROM question q, websearch_to_tsquery(CAST('russian' AS regconfig), 'вопрос answer')"
                + " AS query(q) WHERE q.search_vector @@ query.q"), containsString("question_search_idx"));
    }

    @Transactional
    String plan(String sql) {
        // A handful of test rows would be read faster without the index: tell the planner scans are dear, as they
        // are on a real table.
        em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> lines = em.createNativeQuery("EXPLAIN " + sql).getResultList();
        String plan = String.join("\n", lines);
        assertThat(plan, not(containsString("Seq Scan on question")));
        return plan;
    }

    @Test
    void suggestionsMatchTitleWordsTheLastOneAsAPrefix() {
        String word = "zqxwbalancer" + System.nanoTime() % 100000;
        Question match = question("Configuring " + word + " pools", "Body.");
        question("Something else", "The body mentions " + word + " but the title does not.");
        for (int i = 0; i < 10; i++) {
            question("Tuning " + word + " number " + i, "Body " + i + ".");
        }
        given().queryParam("q", "configuring " + word.substring(0, 7)).get("/api/v1/search/suggest").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(match.id.intValue()))
                .body("[0].title", equalTo("Configuring " + word + " pools"))
                .body("[0].titleHtml", hasElement("mark"))
                .body("[0].answers", equalTo(0));
        given().queryParam("q", word).get("/api/v1/search/suggest").then().statusCode(200).body("size()", equalTo(8));
        given().queryParam("q", "unrelated " + word).get("/api/v1/search/suggest").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void suggestionsNeedTwoLettersAndAcceptAnything() {
        given().queryParam("q", "a").get("/api/v1/search/suggest").then().statusCode(200).body("size()", equalTo(0));
        for (String hostile : List.of("'&|!:*()", ":*", "a & b | !c", "\\", "' OR 1=1 --", "<script>", "")) {
            given().queryParam("q", hostile).get("/api/v1/search/suggest").then().statusCode(200);
        }
        given().get("/api/v1/search/suggest").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void suggestionsUseTheTitleIndex() {
        assertThat(plan("SELECT q.id FROM question q WHERE q.title_vector @@ (to_tsquery('russian', 'answer')"
                + " || to_tsquery('simple', 'answer:*'))"), containsString("question_title_search_idx"));
    }

    @Test
    void anEmptySearchShowsTheFormAndTheHeaderHasTheBox() {
        given().get("/search").then().statusCode(200).body(hasElement("#search-empty"));
        given().get("/").then().statusCode(200).body(hasElement("#search-input"));
        assertThat(results("").size(), lessThan(1));
    }
}
