package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.util.Map;

import jakarta.inject.Inject;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The ask form: the happy path, and every kind of bad input leaves the database as it was. */
@QuarkusTest
class AskTest {

    @Inject
    TestData data;

    Member member;
    WebSession session;

    @BeforeEach
    void setUp() {
        member = data.member("asker");
        session = WebSession.loggedIn(member.username);
    }

    long myQuestions() {
        return data.count("SELECT count(*) FROM question WHERE author_id = ?1", member.id);
    }

    Response ask(String title, String body, String tags) {
        return session.postForm("/ask", Map.of("title", title, "body", body, "tags", tags));
    }

    @Test
    void aMemberAsksAndLandsOnTheQuestion() {
        Response response = ask("How do I join two tables in SQL?", "I have two tables and want **both** rows.",
                "SQL, postgresql  joins");
        response.then().statusCode(303).header("Location", containsString("/questions/"));
        String location = response.header("Location");
        session.get(location.substring(location.indexOf("/questions/"))).then().statusCode(200)
                .body("html.head.title", startsWith("How do I join two tables in SQL?"))
                .body(hasText(containsString("Your question is posted.")),
                        hasElement(".question .post-body strong", equalTo("both")), hasElement("a[href=/tag/sql]"),
                        hasElement("a[href=/tag/postgresql]"), hasElement("a[href=/tag/joins]"));
        assertThat(myQuestions(), equalTo(1L));
    }

    void assertRefused(Response response, int status, String message, Matcher<Object> shownAgain) {
        response.then().statusCode(status).body(hasText(containsString(message)));
        if (shownAgain != null) {
            response.then().body(shownAgain);
        }
        assertThat("nothing is written", myQuestions(), equalTo(0L));
    }

    @Test
    void sendingTheSameQuestionAgainPostsItOnce() {
        Response first = ask("The same question sent twice", "Back button, then submit once more.", "twice");
        first.then().statusCode(303);
        Response again = ask("The same question sent twice", "Back button, then submit once more.", "twice");
        again.then().statusCode(303).header("Location", equalTo(first.header("Location")));
        session.get(again.header("Location").replaceFirst("^https?://[^/]+", "")).then()
                .body(hasText(containsString("You posted this question already")));
        assertThat(myQuestions(), equalTo(1L));
    }

    @Test
    void emptyFieldsAreRefusedWithTheirMessages() {
        Response response = ask("", "", "");
        assertRefused(response, 400, "Enter a title.", null);
        response.then().body(hasText(containsString("Describe your question.")),
                hasText(containsString("Add at least one tag")));
    }

    @Test
    void aTooShortOrTooLongTitleIsRefusedAndTheFormKeepsItsValues() {
        assertRefused(ask("Short?", "A body that is long enough to be asked.", "java"), 400,
                "The title must be 10 to 150 characters long.",
                hasField("body", equalTo("A body that is long enough to be asked.")));
        assertRefused(ask("x".repeat(151), "A body that is long enough to be asked.", "java"), 400,
                "The title must be 10 to 150 characters long.", hasField("tags", equalTo("java")));
    }

    @Test
    void badTagSyntaxIsRefused() {
        assertRefused(ask("A perfectly good title here", "A body that is long enough to be asked.", "java, <b>bold</b>"),
                400, "is not a valid tag", hasField("title", equalTo("A perfectly good title here")));
        assertRefused(ask("A perfectly good title here", "A body that is long enough to be asked.", "a b c d e f"), 400,
                "Use at most 5 tags; you gave 6.", null);
        assertRefused(ask("A perfectly good title here", "A body that is long enough to be asked.", "-dash"), 400,
                "is not a valid tag", null);
        assertRefused(ask("A perfectly good title here", "A body that is long enough to be asked.",
                "t".repeat(36)), 400, "is not a valid tag", null);
    }

    @Test
    void aOneMegabyteBodyIsRefused() {
        assertRefused(ask("A perfectly good title here", "x".repeat(1024 * 1024), "java"), 400,
                "The question must be 20 to 30000 characters long.", null);
    }

    @Test
    void emojiRtlAndControlCharactersAreHandled() {
        String title = "שאלה בעברית 🚀 with émoji";
        Response response = ask(title, "مرحبا بالعالم — body with\u0000 NUL and 🎉 emoji.", "unicode");
        response.then().statusCode(303);
        String location = response.header("Location");
        session.get(location.substring(location.indexOf("/questions/"))).then().statusCode(200)
                .body(hasElement("h1", equalTo(title)), hasElement(".question .post-body", containsString("مرحبا بالعالم")),
                        hasElement(".question .post-body", containsString("🎉")), not(containsString("\u0000")));
        assertThat(myQuestions(), equalTo(1L));
    }

    @Test
    void brokenUtf8IsStoredWithoutFailing() {
        byte[] body = "title=Broken+bytes+in+this+title&body=Some+body+text+long+enough+%FF%FE+here&tags=utf8"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String token = session.csrfToken();
        Response response = session.request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1) + "&csrf-token=" + token)
                .post("/ask");
        assertThat(response.statusCode(), equalTo(303));
        assertThat(myQuestions(), equalTo(1L));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Response response = session.postFormWithoutToken("/ask",
                Map.of("title", "A perfectly good title here", "body", "A body that is long enough.", "tags", "java"));
        assertRefused(response, 400, "security token is missing", null);
    }

    @Test
    void aVisitorIsSentToTheLoginPage() {
        WebSession visitor = WebSession.visitor();
        long before = data.count("SELECT count(*) FROM question");
        visitor.postForm("/ask", Map.of("title", "A perfectly good title here", "body", "A body that is long enough.",
                "tags", "java")).then().statusCode(303).header("Location", containsString("/login"));
        visitor.get("/login").then().body(hasText(containsString("Log in to ask a question.")));
        assertThat(data.count("SELECT count(*) FROM question"), equalTo(before));
    }

    @Test
    void membersAskingAtOnceWithTheSameNewTagsInAnyOrderAllSucceed() throws Exception {
        String base = TestData.uniqueName("t").toLowerCase();
        String forward = base + "a " + base + "b " + base + "c " + base + "d " + base + "e";
        String backward = base + "e " + base + "d " + base + "c " + base + "b " + base + "a";
        java.util.List<WebSession> askers = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            askers.add(WebSession.loggedIn(data.member("racer").username));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < askers.size(); i++) {
                WebSession asker = askers.get(i);
                String tags = i % 2 == 0 ? forward : backward;
                calls.add(() -> asker.postForm("/ask", Map.of("title", "Racing to create the same tags",
                        "body", "Two members, the same new tags, at the same moment.", "tags", tags)).statusCode());
            }
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get(), equalTo(303));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.count("SELECT count(*) FROM tag WHERE name LIKE ?1", base + "_"), equalTo(5L));
        assertThat(data.count("SELECT count(*) FROM question_tag qt JOIN tag t ON t.id = qt.tag_id WHERE t.name LIKE ?1",
                base + "_"), equalTo(50L));
    }

    @Test
    void aTagWithAHashLinksToItsPage() {
        ask("How do I read a file in C#?", "A body that is long enough to be asked.", "c#").then().statusCode(303);
        WebSession.visitor().get("/").then().body(hasElement("a[href='/tag/c%23']", equalTo("c#")));
        WebSession.visitor().request().urlEncodingEnabled(false).get("/tag/c%23").then().statusCode(200)
                .body(hasElement("h1", equalTo("Questions tagged [c#]")));
    }

    @Test
    void askingTooFastAnswers429() {
        for (int i = 1; i <= 5; i++) {
            ask("Question number " + i + " of a busy member", "A body that is long enough to be asked.", "busy")
                    .then().statusCode(303);
        }
        ask("Question number 6 of a busy member", "A body that is long enough to be asked.", "busy").then()
                .statusCode(429).body(hasText(containsString("You are going too fast: at most 5 questions per 10 minutes")))
                .body(hasField("title", equalTo("Question number 6 of a busy member")));
        assertThat(myQuestions(), equalTo(5L));
    }

    @Test
    void aTitleOrBodyOfInvisibleCharactersIsRefused() {
        assertRefused(ask("\u200B".repeat(12), "A body that is long enough to be asked.", "java"), 400, "Enter a title.",
                hasField("body", equalTo("A body that is long enough to be asked.")));
        assertRefused(ask("\u202E\u2060\u3164".repeat(5), "A body that is long enough to be asked.", "java"), 400,
                "Enter a title.", null);
        assertRefused(ask("A perfectly good title here", "\u200B\u00A0\n".repeat(30), "java"), 400,
                "Describe your question.", hasField("title", equalTo("A perfectly good title here")));
    }

    @Test
    void bidiOverridesAreDroppedAndEmojiKept() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        Response response = ask("Why does \u202Etxt.exe\u202C open a program? " + family,
                "The attachment \u202Egpj.exe\u202C ran. " + family + " Is it safe?", "security");
        response.then().statusCode(303);
        assertThat(data.count("SELECT count(*) FROM question WHERE author_id = ?1 AND title = ?2 AND body = ?3",
                member.id, "Why does txt.exe open a program? " + family,
                "The attachment gpj.exe ran. " + family + " Is it safe?"), equalTo(1L));
    }

    @Test
    void fullwidthAndCapitalTagsAreTheTagItself() {
        String base = TestData.uniqueName("w").toLowerCase();
        String fullwidth = base.chars().mapToObj(c -> Character.toString(c - '!' + '\uFF01')).reduce("", String::concat);
        ask("Tagged in fullwidth letters", "A body that is long enough to be asked.",
                fullwidth + ", " + base.toUpperCase() + " \uFF4A\uFF41\uFF56\uFF41").then().statusCode(303);
        assertThat(data.count("""
                SELECT count(*) FROM question q JOIN question_tag qt ON qt.question_id = q.id JOIN tag t ON t.id = qt.tag_id
                WHERE q.author_id = ?1 AND t.name IN (?2, 'java')""", member.id, base), equalTo(2L));
        assertThat(data.count("SELECT count(*) FROM tag WHERE name = ?1 OR name = ?2", fullwidth, "\uFF4A\uFF41\uFF56\uFF41"),
                equalTo(0L));
    }

    @Test
    void aTagMixingLookAlikeScriptsIsRefused() {
        long tags = data.count("SELECT count(*) FROM tag");
        assertRefused(ask("A perfectly good title here", "A body that is long enough to be asked.", "j\u0430va"), 400,
                "\u201Cj\u0430va\u201D mixes Latin and Cyrillic letters, which can look alike: write a tag in one script.",
                hasField("title", equalTo("A perfectly good title here")));
        assertThat("no tag made", data.count("SELECT count(*) FROM tag"), equalTo(tags));
    }

    @Test
    void tagPagesFindTheTagInAnyFormAndKeepTagsMadeBeforeTheRules() {
        String base = TestData.uniqueName("p").toLowerCase();
        data.question(member, "Tagged the ordinary way", base);
        String fullwidth = base.chars().mapToObj(c -> Character.toString(c - '!' + '\uFF01')).reduce("", String::concat);
        WebSession.visitor().get("/tag/" + fullwidth).then().statusCode(200)
                .body(hasElement("h1", equalTo("Questions tagged [" + base + "]")),
                        hasElement("#questions a", equalTo("Tagged the ordinary way")));
        String legacy = "j\u0430va-" + base; // a look-alike made before tags were checked for them
        data.question(member, "Tagged before the rules", legacy);
        WebSession.visitor().get("/tag/" + legacy).then().statusCode(200)
                .body(hasElement("#questions a", equalTo("Tagged before the rules")));
    }
}
