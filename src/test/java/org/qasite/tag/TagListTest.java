package org.qasite.tag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.CountFolds;
import org.qasite.question.Question;
import org.qasite.testsupport.Management;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/** /tags: every tag with the number of its questions that are shown, filtered by the start of the name, in pages. */
@QuarkusTest
class TagListTest {

    @Inject
    TestData data;

    @Inject
    CountFolds folds;

    static String prefix() {
        return "tl" + System.nanoTime() % 100_000_000;
    }

    static Document tagsPage(String query) {
        return Pages.document(given().get("/tags" + query).then().statusCode(200).extract().response());
    }

    static List<String> names(Document page) {
        return page.select("#tag-list [data-tag]").stream().map(e -> e.attr("data-tag")).toList();
    }

    static String count(Document page, String tag) {
        Element item = Pages.one(page, "[data-tag='" + tag + "']");
        return Pages.one(item, "[data-tag-count]").attr("data-tag-count");
    }

    @Test
    void eachTagShowsHowManyShownQuestionsCarryItMostUsedFirst() {
        String p = prefix();
        Member author = data.member("tagger");
        data.question(author, "The first question with two tags", p + "-alpha", p + "-beta");
        data.question(author, "The second question with one tag", p + "-alpha");
        Question deleted = data.question(author, "A question deleted since", p + "-alpha", p + "-beta");
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", deleted.id);

        Document page = tagsPage("?q=" + p);
        assertThat(names(page), contains(p + "-alpha", p + "-beta"));
        assertThat(count(page, p + "-alpha"), equalTo("2"));
        assertThat(count(page, p + "-beta"), equalTo("1"));
        assertThat(Pages.one(page, "[data-tag='" + p + "-beta'] a").attr("href"), equalTo("/tag/" + p + "-beta"));
        assertThat(page, hasElement("[data-tag-total]", equalTo("2 tags")));

        assertThat("by name", names(tagsPage("?sort=name&q=" + p)), contains(p + "-alpha", p + "-beta"));
    }

    @Test
    void theFilterMatchesTheStartOfTheNameInAnyCaseAndNothingElse() {
        String p = prefix();
        Member author = data.member("tagger");
        data.question(author, "A question about filtering tags", p + "-redis", "x" + p);

        assertThat(names(tagsPage("?q=" + p.toUpperCase())), contains(p + "-redis"));
        assertThat("the middle of a name does not match", names(tagsPage("?q=" + p.substring(1))), hasSize(0));
        Document none = tagsPage("?q=" + p + "%25");
        assertThat(names(none), hasSize(0));
        assertThat(none, hasElement("#tags-empty", containsString("No tag starts with")));
        assertThat("% matches itself", names(tagsPage("?q=%25")), hasSize(0));
        assertThat(names(tagsPage("?q=" + "x".repeat(200))), hasSize(0));
        assertThat("the form keeps what was typed", Pages.one(tagsPage("?q=" + p), "#tag-filter").attr("value"),
                equalTo(p));
    }

    @Test
    void theCountsFollowDeletionsRestoresAndRemovedTagsBeforeAndAfterTheyAreFolded() {
        String p = prefix();
        Member author = data.member("tagger");
        Question kept = data.question(author, "A question that keeps its tags", p + "-gamma", p + "-delta");
        Question restored = data.question(author, "A question deleted and then restored", p + "-gamma");
        Question removed = data.question(author, "A question removed for good", p + "-delta", p + "-gamma");
        data.question(author, "A question that only the folded count knows", p + "-delta");
        assertThat(count(tagsPage("?q=" + p), p + "-gamma"), equalTo("3"));

        data.execute("UPDATE question SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", restored.id);
        assertThat(count(tagsPage("?q=" + p), p + "-gamma"), equalTo("2"));
        data.execute("UPDATE question SET deleted_at = NULL, deleted_by = NULL WHERE id = ?1", restored.id);
        data.execute("DELETE FROM question WHERE id = ?1", removed.id);
        data.execute("DELETE FROM question_tag WHERE question_id = ?1 AND tag_id = (SELECT id FROM tag WHERE name = ?2)",
                kept.id, p + "-gamma");
        Document before = tagsPage("?q=" + p);
        assertThat(names(before), contains(p + "-delta", p + "-gamma"));
        assertThat(count(before, p + "-delta"), equalTo("2"));
        assertThat(count(before, p + "-gamma"), equalTo("1"));

        folds.fold();
        assertThat("nothing left to fold", data.count("SELECT count(*) FROM tag_count_delta d JOIN tag t"
                + " ON t.id = d.tag_id WHERE t.name LIKE ?1", p + "%"), equalTo(0L));
        assertThat(data.count("SELECT questions FROM tag WHERE name = ?1", p + "-delta"), equalTo(2L));
        Document after = tagsPage("?q=" + p);
        assertThat(names(after), contains(p + "-delta", p + "-gamma"));
        assertThat(count(after, p + "-delta"), equalTo("2"));
        assertThat(count(after, p + "-gamma"), equalTo("1"));

        // a tag row moved to another tag (as a merge of tags would)
        data.execute("INSERT INTO tag (name) VALUES (?1)", p + "-zeta");
        data.execute("UPDATE question_tag SET tag_id = (SELECT id FROM tag WHERE name = ?1) WHERE question_id = ?2",
                p + "-zeta", restored.id);
        assertThat(names(tagsPage("?q=" + p)), contains(p + "-delta", p + "-zeta", p + "-gamma"));
        folds.fold();
        Document moved = tagsPage("?q=" + p);
        assertThat(names(moved), contains(p + "-delta", p + "-zeta", p + "-gamma"));
        assertThat(count(moved, p + "-zeta"), equalTo("1"));
        assertThat(count(moved, p + "-gamma"), equalTo("0"));
    }

    @Test
    void theListIsPagedAndAPagePastTheEndIsNotFound() {
        String p = prefix();
        data.execute("INSERT INTO tag (name) SELECT ?1 || '-' || lpad(g::text, 2, '0') FROM generate_series(1, 61) g", p);

        Document first = tagsPage("?sort=name&q=" + p);
        assertThat(names(first), hasSize(TagListResource.TAGS_PER_PAGE));
        assertThat(names(first).get(0), equalTo(p + "-01"));
        assertThat("the next page keeps the filter and the order",
                Pages.one(first, "a[rel=next]").attr("href"), equalTo("/tags?page=2&q=" + p + "&sort=name"));
        assertThat(names(tagsPage("?page=2&q=" + p + "&sort=name")), contains(p + "-61"));
        given().get("/tags?page=3&q=" + p).then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no page 3")));
        given().get("/tags?page=abc").then().statusCode(404);
    }

    @Test
    void theApiGivesTheSameTagsWithTheirCounts() {
        String p = prefix();
        Member author = data.member("tagger");
        data.question(author, "A question for the tag API", p + "-api");
        given().get("/api/v1/tags?q=" + p).then().statusCode(200)
                .body("items.name", contains(p + "-api"))
                .body("items[0].questions", equalTo(1))
                .body("total", equalTo(1)).body("page", equalTo(1)).body("pages", equalTo(1));
        given().get("/api/v1/tags?q=" + p + "&page=2").then().statusCode(404).body("error", containsString("page 2"));
        Management.request().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/api/v1/tags"));
    }
}
