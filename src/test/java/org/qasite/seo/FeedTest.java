package org.qasite.seo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;
import org.qasite.testsupport.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.quarkus.test.junit.QuarkusTest;

/** The Atom feeds, read as a feed reader reads them. */
@QuarkusTest
class FeedTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String BASE = "http://qa.example.org";

    @Inject
    TestData data;

    private static Document feed(String path) {
        byte[] body = given().get(path).then().statusCode(200).contentType(startsWith("application/atom+xml"))
                .extract().asByteArray();
        Document feed = Xml.parse(body);
        Element root = feed.getDocumentElement();
        assertThat(root.getLocalName(), equalTo("feed"));
        assertThat(root.getNamespaceURI(), equalTo(ATOM));
        Instant.parse(Xml.childText(root, ATOM, "updated")); // RFC 3339
        assertThat(Xml.childText(root, ATOM, "id"), startsWith(BASE + "/feeds/"));
        return feed;
    }

    /** The entry whose link leads to this address, failing when there is none. */
    private static Element entry(Document feed, String href) {
        for (Element entry : Xml.elements(feed, ATOM, "entry")) {
            for (Element link : Xml.elements(entry, ATOM, "link")) {
                if (href.equals(link.getAttribute("href"))) {
                    return entry;
                }
            }
        }
        throw new AssertionError("no entry links to " + href);
    }

    private Question question(String title, String body, String tag) {
        Question q = data.question(data.member("fed"), title, tag);
        data.execute("UPDATE question SET body = ?1 WHERE id = ?2", body, q.id);
        return q;
    }

    @Test
    void theNewestQuestionsWithPlainSummariesAndAuthors() {
        Question q = question("Can a feed carry <b>markup</b> & ampersands?",
                "Some `code` and a [link](https://example.org/x) & <b>bold</b> text.", "feeds");
        Element entry = entry(feed("/feeds/questions"), BASE + q.path());
        assertThat(Xml.childText(entry, ATOM, "title"), equalTo("Can a feed carry <b>markup</b> & ampersands?"));
        assertThat(Xml.childText(entry, ATOM, "id"), equalTo(BASE + "/questions/" + q.id));
        String summary = Xml.childText(entry, ATOM, "summary");
        assertThat(summary, containsString("Some code and a link & bold text."));
        assertThat(summary, not(containsString("`")));
        assertThat(Xml.childText(entry, ATOM, "name"), startsWith("Display fed-"));
        Instant.parse(Xml.childText(entry, ATOM, "updated"));
        Instant.parse(Xml.childText(entry, ATOM, "published"));
    }

    @Test
    void aTagsFeedHasItsQuestionsOnly() {
        String tag = "feedtag" + System.nanoTime() % 100000;
        Question tagged = question("A question in a feed of its tag", "Long enough body for the question.", tag);
        Question other = question("A question of another tag entirely", "Long enough body for the question.", "other");
        Document feed = feed("/feeds/tag/" + tag);
        entry(feed, BASE + tagged.path());
        List<String> links = Xml.elements(feed, ATOM, "link").stream().map(l -> l.getAttribute("href")).toList();
        assertThat(links, not(hasItem(BASE + other.path())));
        assertThat(links, hasItem(BASE + "/tag/" + tag));
        given().get("/feeds/tag/no-such-tag-" + System.nanoTime()).then().statusCode(404);
    }

    @Test
    void aTagsFeedIsFoundWhateverTheCaseOfItsName() {
        String tag = "feedcase" + System.nanoTime() % 100000;
        Question tagged = question("A question in a feed asked in capitals", "Long enough body for the question.", tag);
        entry(feed("/feeds/tag/" + tag.toUpperCase(java.util.Locale.ROOT)), BASE + tagged.path());
    }

    /** A body with references to control characters: a strict reader must still take the whole feed. */
    @Test
    void controlCharactersWrittenAsReferencesLeaveTheFeedValid() {
        Question q = question("A question with odd character references", "Before &#1; between &#x2; after &#xFFFE; end.",
                "feeds");
        Answer answer = data.answer(data.member("feedcontrol"), q, "Answer &#3; with &#x1F; controls.");
        Element entry = entry(feed("/feeds/questions"), BASE + q.path());
        assertThat(Xml.childText(entry, ATOM, "summary"), equalTo("Before between after end."));
        Element fromAnswer = entry(feed("/feeds/questions/" + q.id), BASE + q.path() + "#answer-" + answer.id);
        assertThat(Xml.childText(fromAnswer, ATOM, "summary"), equalTo("Answer with controls."));
    }

    @Test
    void aQuestionsFeedHasItsAnswers() {
        Question q = question("Which answers does a question feed carry?", "Long enough body for the question.", "feeds");
        Member answerer = data.member("feedanswer");
        Answer first = data.answer(answerer, q, "The first answer, with **bold** words.");
        Answer second = data.answer(answerer, q, "The second answer.");
        Document feed = feed("/feeds/questions/" + q.id);
        assertThat(Xml.elements(feed, ATOM, "entry").size(), equalTo(2));
        Element entry = entry(feed, BASE + q.path() + "#answer-" + first.id);
        assertThat(Xml.childText(entry, ATOM, "summary"), equalTo("The first answer, with bold words."));
        entry(feed, BASE + q.path() + "#answer-" + second.id);

        given().get("/feeds/questions/" + (q.id + 1_000_000)).then().statusCode(404);
        given().get("/feeds/questions/abc").then().statusCode(404);
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", q.id);
        given().get("/feeds/questions/" + q.id).then().statusCode(404);
    }

    @Test
    void pagesPointToTheirFeeds() {
        String tag = "feedlink" + System.nanoTime() % 100000;
        Question q = question("Does the page tell readers about its feed?", "Long enough body for the question.", tag);
        WebSession.visitor().get("/").then().statusCode(200)
                .body(hasElement("link[rel=alternate][type=application/atom+xml][href=/feeds/questions]"));
        WebSession.visitor().get("/tag/" + tag).then().statusCode(200)
                .body(hasElement("link[rel=alternate][type=application/atom+xml][href=/feeds/tag/" + tag + "]"));
        WebSession.visitor().get(q.path()).then().statusCode(200)
                .body(hasElement("link[rel=alternate][type=application/atom+xml][href=/feeds/questions/" + q.id + "]"));
    }
}
