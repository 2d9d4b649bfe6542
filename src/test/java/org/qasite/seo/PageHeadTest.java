package org.qasite.seo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** What link previews and search engines read in a page's head, and the site's icon. */
@QuarkusTest
class PageHeadTest {

    static final String BASE = "http://qa.example.org";

    @Inject
    TestData data;

    private static String meta(Document page, String selector) {
        return Pages.one(page.head(), selector).attr("content");
    }

    @Test
    void aQuestionPageDescribesItselfInPlainText() {
        Question q = data.question(data.member("described"), "How do previews describe a question?", "previews");
        String body = "Use `EXPLAIN ANALYZE` and read the **plan**:\n\n```sql\nSELECT 1;\n```\n\n"
                + "![a diagram](https://example.org/d.png) | a | b |\n" + "word ".repeat(60);
        data.execute("UPDATE question SET body = ?1 WHERE id = ?2", body, q.id);
        Document page = Pages.document(WebSession.visitor().get(q.path()).then().statusCode(200).extract().response());

        String description = meta(page, "meta[name=description]");
        assertThat(description, startsWith("Use EXPLAIN ANALYZE and read the plan: SELECT 1; a diagram"));
        assertThat(description, not(containsString("`")));
        assertThat(description, not(containsString("](")));
        assertThat(description.length(), lessThanOrEqualTo(161));
        assertThat(description, endsWith("…"));
        assertThat(meta(page, "meta[property=og:description]"), equalTo(description));
        assertThat(meta(page, "meta[property=og:title]"), equalTo("How do previews describe a question?"));
        assertThat(meta(page, "meta[property=og:type]"), equalTo("article"));
        assertThat(meta(page, "meta[property=og:url]"), equalTo(BASE + q.path()));
        assertThat(meta(page, "meta[property=og:site_name]"), equalTo("Q&A"));
        assertThat(Pages.one(page.head(), "link[rel=canonical]").attr("href"), equalTo(BASE + q.path()));
    }

    @Test
    void listsHaveADescriptionAndEveryPageTheIcon() {
        Document list = Pages.document(WebSession.visitor().get("/").then().statusCode(200).extract().response());
        assertThat(meta(list, "meta[name=description]"), containsString("Questions and answers"));
        assertThat(Pages.one(list.head(), "link[rel=icon]").attr("href"), equalTo("/favicon.svg"));

        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("svg"));
        given().redirects().follow(false).get("/favicon.ico").then().statusCode(301)
                .header("Location", endsWith("/favicon.svg"));
    }
}
