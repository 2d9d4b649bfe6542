package org.qasite.question;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/** The question lists: unanswered, the tabs of the site and of a tag, a tag's description, and what a row shows. */
@QuarkusTest
class QuestionListsTest {

    @Inject
    TestData data;

    static Document page(String path) {
        return Pages.document(given().get(path).then().statusCode(200).extract().response());
    }

    static List<Long> listed(Document page) {
        return page.select("#questions [data-question-summary]").stream()
                .map(e -> Long.valueOf(e.attr("data-question-summary"))).toList();
    }

    static String tag() {
        return "ql" + System.nanoTime() % 100_000_000;
    }

    @Test
    void unansweredListsOnlyQuestionsWithoutAShownAnswerNewestFirst() {
        String tag = tag();
        Member author = data.member("asker");
        Question answered = data.question(author, "A question that has an answer", tag);
        data.answer(data.member("answerer"), answered, "Here is the answer to it.");
        Question older = data.question(author, "An older question nobody answered", tag);
        Question newer = data.question(author, "A newer question nobody answered", tag);

        List<Long> site = listed(page("/unanswered"));
        assertThat(site, not(hasItem(answered.id)));
        assertThat(site.indexOf(newer.id) < site.indexOf(older.id) && site.indexOf(older.id) >= 0, equalTo(true));
        assertThat("one tag's unanswered", listed(page("/tag/" + tag + "?sort=unanswered")),
                contains(newer.id, older.id));
        assertThat("one tag's newest", listed(page("/tag/" + tag)), contains(newer.id, older.id, answered.id));
        given().get("/unanswered?page=100000").then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no page 100000")));
    }

    @Test
    void theSiteTabsMarkTheActiveOne() {
        for (String tab : List.of("new", "hot", "unanswered")) {
            Document page = page(tab.equals("new") ? "/" : "/" + tab);
            Element active = Pages.one(page, "[data-list-tabs] a.active");
            assertThat(active.attr("data-tab"), equalTo(tab));
            assertThat(active.attr("aria-current"), equalTo("page"));
            assertThat(page.select("[data-list-tabs] a[aria-current]").size(), equalTo(1));
        }
        assertThat(Pages.one(page("/hot"), "[data-list-tabs] a[data-tab=unanswered]").attr("href"),
                equalTo("/unanswered"));
    }

    @Test
    void aTagsTabsKeepTheTagAndMarkTheActiveOne() {
        String tag = tag();
        data.question(data.member("asker"), "A question so that the tag exists", tag);
        for (String sort : List.of("new", "hot", "unanswered")) {
            Document page = page("/tag/" + tag + (sort.equals("new") ? "" : "?sort=" + sort));
            List<String> hrefs = page.select("[data-list-tabs] a").eachAttr("href");
            assertThat(hrefs, contains("/tag/" + tag, "/tag/" + tag + "?sort=hot", "/tag/" + tag + "?sort=unanswered"));
            Element active = Pages.one(page, "[data-list-tabs] a.active");
            assertThat(active.attr("data-tab"), equalTo(sort));
            assertThat(active.attr("aria-current"), equalTo("page"));
            assertThat(page, hasElement("h1", equalTo("Questions tagged [" + tag + "]")));
        }
        given().get("/tag/no-such-tag-" + System.nanoTime()).then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no tag")));
        given().get("/tag/" + tag + "?sort=hot&page=2").then().statusCode(404);
    }

    @Test
    void aTagPageShowsItsDescriptionOrANeutralLine() {
        String tag = tag();
        data.question(data.member("asker"), "A question so that the tag exists", tag);
        assertThat(page("/tag/" + tag), hasElement("[data-tag-description]", equalTo("Questions about " + tag + ".")));
        data.execute("UPDATE tag SET description = ?1 WHERE name = ?2", "An in-memory store <b>not bold</b>.", tag);
        assertThat(page("/tag/" + tag), hasElement("[data-tag-description]",
                equalTo("An in-memory store <b>not bold</b>.")));
    }

    @Test
    void aRowShowsAPlainTextExcerptAndTheAcceptedStateInWords() {
        String tag = tag();
        Member author = data.member("asker");
        Question question = data.question(author, "A question with Markdown in its body", tag);
        data.execute("UPDATE question SET body = ?1 WHERE id = ?2",
                "Calling `pool.get()` **blocks**:\n\n```java\nvar c = pool.get();\n```\n\n![diagram](/x.png) | a | b |",
                question.id);
        Question accepted = data.question(author, "A question with an accepted answer", tag);
        Answer answer = data.answer(data.member("answerer"), accepted, "The accepted answer to it.");
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", answer.id, accepted.id);

        Document page = page("/tag/" + tag);
        Element row = Pages.one(page, "[data-question-summary='" + question.id + "']");
        String excerpt = Pages.one(row, "[data-excerpt]").text();
        assertThat(excerpt, startsWith("Calling pool.get() blocks:"));
        assertThat(excerpt, containsString("var c = pool.get();"));
        assertThat(excerpt, not(containsString("`")));
        assertThat(excerpt, not(containsString("**")));
        assertThat(row.select("[data-accepted]").size(), equalTo(0));

        Element acceptedRow = Pages.one(page, "[data-question-summary='" + accepted.id + "']");
        Element mark = Pages.one(acceptedRow, "[data-accepted]");
        assertThat(Pages.one(mark, ".visually-hidden").text(), equalTo("Has an accepted answer,"));
        assertThat(Pages.one(mark, "[aria-hidden=true]").text(), equalTo("✓"));
        assertThat(Pages.one(acceptedRow, "time").attr("title"), not(equalTo("")));
        assertThat(page.select("#questions time").eachAttr("datetime"), everyItem(not(equalTo(""))));
    }
}
