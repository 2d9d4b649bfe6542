package org.qasite.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The results page agrees with the suggestions, shows plain snippets, finds answers' words and offers a correction when
 * nothing matches.
 */
@QuarkusTest
class SearchAgreementTest {

    @Inject
    TestData data;

    private static Document page(String q) {
        return Pages.document(given().queryParam("q", q).get("/search").then().statusCode(200).extract().response());
    }

    private static List<Long> results(String q) {
        return page(q).select(".search-hit[data-question-id]").eachAttr("data-question-id").stream().map(Long::valueOf)
                .toList();
    }

    private Question question(String title, String body, String... tags) {
        Question q = data.question(data.member("agreeing"), title, tags);
        data.execute("UPDATE question SET body = ?1 WHERE id = ?2", body, q.id);
        return q;
    }

    @Test
    void everySuggestionForAnUnfinishedWordIsAmongTheResults() {
        question("Connection pool exhausted under load", "The pool runs dry after an hour.");
        question("How big should a connection pool be?", "Sizing it for twenty clients.");
        question("Closing a connection returns it to the pool", "Or does it?");
        List<Integer> suggested = given().queryParam("q", "connection poo").get("/api/v1/search/suggest").then()
                .statusCode(200).extract().jsonPath().getList("id");
        assertThat(suggested.size() >= 3, equalTo(true));
        List<Long> found = results("connection poo");
        assertThat(suggested.stream().map(Integer::longValue).toList(), everyItem(in(found)));
        // a quoted or negated last word is not a prefix
        assertThat(results("connection \"poo\""), empty());
    }

    @Test
    void snippetsArePlainTextWithTheMatchesMarked() {
        String word = "snippetword" + System.nanoTime() % 100000;
        question("A question about its snippet", "Run `" + word + " --fast` first:\n\n```bash\nls -la\n```\n\n"
                + "![screenshot of " + word + "](https://example.org/shot.png)\n\n| col | " + word
                + " |\n|---|---|\n| 1 | 2 |\n");
        Element snippet = Pages.one(page(word), ".search-snippet");
        String text = snippet.text();
        assertThat(text, containsString(word + " --fast"));
        for (String markup : List.of("`", "```", "![", "](", "|", "shot.png")) {
            assertThat(text, not(containsString(markup)));
        }
        assertThat(snippet.select("mark").eachText(), hasItem(word));
    }

    /** Search marks matches with U+0002 and U+0003: a body that writes them as references must not move the marks. */
    @Test
    void controlCharactersInABodyLeaveTheMarksBalanced() {
        String word = "balancedword" + System.nanoTime() % 100000;
        question("A question whose body hides markers", "Here &#3; is " + word + " then &#2; more &#2; text.");
        Element snippet = Pages.one(page(word), ".search-snippet");
        assertThat(snippet.select("mark").eachText(), equalTo(List.of(word)));
        assertThat(snippet.text(), containsString("Here is " + word + " then more text"));
    }

    /** websearch_to_tsquery drops an `or` at the end of its text: the words around it must still be alternatives. */
    @Test
    void anOrBeforeTheLastWordFindsEitherWord() {
        long n = System.nanoTime() % 100000;
        String one = "redisword" + n;
        String other = "postgresword" + n;
        Question first = question("A question about the first store", "It names " + one + " alone.");
        Question second = question("A question about the second store", "It names " + other + " alone.");
        for (String q : List.of(one + " or " + other, one + " OR " + other, one + " or " + other.substring(0, 12))) {
            List<Long> found = results(q);
            assertThat(q, found, hasItem(first.id));
            assertThat(q, found, hasItem(second.id));
        }
        // without `or` both words are needed
        assertThat(results(one + " " + other), empty());
    }

    /** One letter matches the start of too many words to be a prefix: it is a word of its own. */
    @Test
    void aOneLetterLastWordIsNoPrefix() {
        String tag = "oneletter" + System.nanoTime() % 100000;
        Question q = question("Questions about xylophones", "Xylophones and their mallets.", tag);
        assertThat(results("[" + tag + "] xy"), equalTo(List.of(q.id)));
        assertThat(results("[" + tag + "] x"), empty());
    }

    @Test
    void anAnswersWordsFindItsQuestionBelowTheQuestionsThatHaveThem() {
        String word = "answerword" + System.nanoTime() % 100000;
        Member answerer = data.member("answering");
        Question byAnswer = question("A question whose answer knows the word", "Nothing in here.");
        data.answer(answerer, byAnswer, "The trick is " + word + ", set before the first query.");
        Question byBody = question("A question that names it itself", "My body says " + word + " once.");
        Question deletedAnswer = question("A question whose answer was deleted", "Nothing in here either.");
        Answer gone = data.answer(answerer, deletedAnswer, "Deleted: " + word + ".");
        data.execute("UPDATE answer SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", gone.id);

        Document page = page(word);
        assertThat(page.select(".search-hit").eachAttr("data-question-id").stream().map(Long::valueOf).toList(),
                equalTo(List.of(byBody.id, byAnswer.id)));
        Element fromAnswer = Pages.one(page, ".search-hit[data-question-id=" + byAnswer.id + "] .search-snippet");
        assertThat(fromAnswer.select("[data-from-answer]"), hasSize(1));
        assertThat(fromAnswer.select("mark").eachText(), hasItem(word));
        assertThat(Pages.one(page, "#search-count").text(), containsString("2 questions"));
    }

    @Test
    void aMisspelledSearchOffersTheTitlesWords() {
        question("Tuning the connection pool of a web app", "Pool sizes and timeouts.");
        Document none = page("conection pool");
        assertThat(none.select(".search-hit"), empty());
        Element suggestion = Pages.one(none, "#search-did-you-mean a");
        assertThat(suggestion.text(), equalTo("connection pool"));
        String href = suggestion.attr("href");
        assertThat(href, equalTo("/search?q=connection+pool"));
        assertThat(results("connection pool"), not(empty()));
        // a search that finds something offers nothing
        assertThat(page("connection pool").select("#search-did-you-mean"), empty());
        // nor does one whose words no title resembles
        assertThat(page("qqxzvvjj").select("#search-did-you-mean"), empty());
    }

    @Test
    void theWordListFollowsEditsAndDeletions() {
        String word = "zeppelinwords";
        Question q = question("Mooring a " + word + " safely", "Body about mooring.");
        assertThat(Pages.one(page("zepelinwords"), "#search-did-you-mean a").text(), equalTo(word));
        data.execute("UPDATE question SET title = 'Mooring a blimp safely' WHERE id = ?1", q.id);
        assertThat(page("zepelinwords").select("#search-did-you-mean"), empty());
        data.execute("UPDATE question SET title = ?1 WHERE id = ?2", "Mooring a " + word + " safely", q.id);
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", q.id);
        assertThat(page("zepelinwords").select("#search-did-you-mean"), empty());
        assertThat(data.count("SELECT count(*) FROM title_word WHERE word = ?1", word), equalTo(0L));
    }
}
