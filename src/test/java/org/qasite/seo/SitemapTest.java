package org.qasite.seo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.quarkus.test.junit.QuarkusTest;

/** robots.txt and the sitemaps: what a search engine's crawler reads first. */
@QuarkusTest
class SitemapTest {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String BASE = "http://qa.example.org";

    @Inject
    TestData data;

    private static Document xml(String path) {
        byte[] body = given().get(path).then().statusCode(200).contentType(containsString("xml")).extract().asByteArray();
        return Xml.parse(body);
    }

    /** Every URL of every sitemap page the index lists, with its lastmod. */
    private static Map<String, String> allUrls() {
        Document index = xml("/sitemap.xml");
        assertThat(index.getDocumentElement().getLocalName(), equalTo("sitemapindex"));
        assertThat(index.getDocumentElement().getNamespaceURI(), equalTo(NS));
        List<String> pages = new ArrayList<>();
        for (Element sitemap : Xml.elements(index, NS, "sitemap")) {
            pages.add(Xml.childText(sitemap, NS, "loc"));
        }
        assertThat(pages, hasItem(BASE + "/sitemaps/questions-1.xml"));
        Map<String, String> urls = new HashMap<>();
        for (String page : pages) {
            assertThat(page, startsWith(BASE + "/sitemaps/"));
            Document urlset = xml(page.substring(BASE.length()));
            assertThat(urlset.getDocumentElement().getLocalName(), equalTo("urlset"));
            for (Element url : Xml.elements(urlset, NS, "url")) {
                urls.put(Xml.childText(url, NS, "loc"), Xml.childText(url, NS, "lastmod"));
            }
        }
        return urls;
    }

    @Test
    void theSitemapsListEveryQuestionAtItsAddressWithItsLastActivity() {
        Member author = data.member("mapped");
        Question answered = data.question(author, "Which sitemap format do crawlers read?", "sitemaps");
        Answer answer = data.answer(data.member("mapper"), answered, "The sitemaps.org protocol, in XML.");
        Question deleted = data.question(author, "A question its author deleted from the map", "sitemaps");
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", deleted.id);
        data.execute("UPDATE answer SET created_at = now() + interval '1 hour' WHERE id = ?1", answer.id);

        Map<String, String> urls = allUrls();
        String lastmod = urls.get(BASE + answered.path());
        assertThat("the question, at its canonical absolute address", lastmod, notNullValue());
        assertThat("its last activity is its answer's", Instant.parse(lastmod),
                greaterThanOrEqualTo(answered.createdAt.plusSeconds(3000)));
        assertThat(urls.keySet(), not(hasItem(BASE + deleted.path())));
    }

    @Test
    @jakarta.transaction.Transactional
    void eachPageStartsAfterTheLastQuestionOfThePageBefore() {
        Member author = data.member("paged");
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            asked.add(data.question(author, "A question of the paged sitemap number " + i, "sitemaps").id);
        }
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = author_id WHERE id = ?1 OR id = ?2",
                asked.get(1), asked.get(4));
        List<Long> listed = data.longs("SELECT id FROM question WHERE deleted_at IS NULL ORDER BY id");
        List<Long> paged = new ArrayList<>();
        for (int page = 0; page * 3 < listed.size() + 3; page++) {
            List<Question.Activity> rows = Question.listForSitemap(page * 3L, 3);
            assertThat(rows.size(), equalTo(Math.max(0, Math.min(3, listed.size() - page * 3))));
            rows.forEach(r -> paged.add(r.id()));
        }
        assertThat("every listed question once, in order, across pages of three", paged, equalTo(listed));
    }

    @Test
    void aSitemapPagePastTheEndIsNotFound() {
        given().get("/sitemaps/questions-999999.xml").then().statusCode(404);
        given().get("/sitemaps/questions-0.xml").then().statusCode(404);
        given().get("/sitemaps/whatever.xml").then().statusCode(404);
    }

    @Test
    void robotsOpenThePagesAndCloseThePrivateAndEndlessOnes() {
        String robots = given().get("/robots.txt").then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
        List<String> lines = robots.lines().map(String::strip).toList();
        assertThat(lines, hasItem("User-agent: *"));
        for (String path : List.of("/search", "/ask", "/settings", "/notifications", "/admin", "/api/", "/login",
                "/signup")) {
            assertThat(lines, hasItem("Disallow: " + path));
        }
        assertThat(lines, not(hasItem("Disallow: /")));
        assertThat(lines, hasItem("Sitemap: " + BASE + "/sitemap.xml"));
    }
}
