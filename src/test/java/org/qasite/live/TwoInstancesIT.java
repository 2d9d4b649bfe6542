package org.qasite.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.qasite.testsupport.Cluster;
import org.qasite.testsupport.Maildev;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.SiteProcess;
import org.qasite.testsupport.WebSession;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * Two instances of the packaged site on one PostgreSQL database and one Redis, as behind a load balancer: an answer
 * posted on one instance reaches the readers of the question on both, the presence count adds up the readers of all
 * instances (a reader with pages on both counted once), the question's author gets one mail, whichever instance's consumer
 * handles the event, and an edit made on one instance replaces the answer in place for the readers on both.
 * <p>
 * Uses the database {@code qa_it} (emptied at start; {@code bin/services} creates it), Redis databases 5, 6 and 7
 * (streams, cache, locks; flushed at start; see the constants for other ones) and the maildev server on
 * 127.0.0.1:1025/1080. The instances are started by {@code bin/cluster}, as {@link ClusterIT}'s are; this test talks to
 * them directly, not through nginx.
 */
class TwoInstancesIT {

    // Where the test runs, unless QA_IT_DB_URL, QA_IT_REDIS_URL, QA_IT_REDIS_DATABASES and QA_IT_PORT (nginx's;
    // the instances' are the next two, their management interfaces' the two after; 0: any free ones) say otherwise.
    private static final String DB_URL = envOr("QA_IT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/qa_it");
    private static final String DB_USER = envOr("QA_DB_USER", "qa");
    private static final String DB_PASSWORD = envOr("QA_DB_PASSWORD", "qa");
    private static final String REDIS_URL = envOr("QA_IT_REDIS_URL", "redis://127.0.0.1:6379");
    private static final int[] REDIS_DATABASES = Cluster.databases(envOr("QA_IT_REDIS_DATABASES", "5,6,7"));
    private static final int PORT = Integer.parseInt(envOr("QA_IT_PORT", "0"));
    /** Plain http, as the test talks to the site: with an https address every cookie would be Secure. */
    private static final String BASE_URL = "http://qa.example.org";
    private static final String PASSWORD = "two-instances-password";

    /** Generous: presence is coalesced about once a second, a mail takes well under a second. */
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    /** How long no second mail must arrive after the first. */
    private static final Duration NO_SECOND_MAIL = Duration.ofSeconds(5);

    private static final Pattern QUESTION_LOCATION = Pattern.compile("/questions/(\\d+)/[a-z0-9-]+");
    private static final Pattern ANSWER_LOCATION = Pattern.compile("/questions/\\d+/[a-z0-9-]+#answer-(\\d+)");

    private static Cluster cluster;
    private static SiteProcess siteA;
    private static SiteProcess siteB;
    private static RestAssuredConfig otherTestsConfig;

    private final Maildev maildev = Maildev.local();

    /** Shows the end of both instances' output when the test fails, where the cause usually is. */
    @RegisterExtension
    static final TestWatcher SITE_LOGS = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printTails();
        }
    };

    @BeforeAll
    static void startTwoInstances() {
        otherTestsConfig = RestAssured.config;
        // A request an instance never answers fails the test instead of hanging it.
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 60_000));
        Path logs = Path.of(System.getProperty("qa.it.log-dir", "target/two-instances"));
        // Both start together: Flyway's lock lets one of them migrate the empty database while the other waits.
        cluster = Cluster.start(logs, PORT, DB_URL, REDIS_URL, REDIS_DATABASES, Map.of("QA_DB_USER", DB_USER,
                "QA_DB_PASSWORD", DB_PASSWORD, "QA_SMTP_HOST", "127.0.0.1", "QA_SMTP_PORT", "1025", "QA_BASE_URL",
                BASE_URL));
        siteA = cluster.app1();
        siteB = cluster.app2();
    }

    @AfterAll
    static void stopBothInstances() {
        RestAssured.config = otherTestsConfig;
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anAnswerPostedOnOneInstanceReachesTheViewersOnBothIsMailedOnceAndItsEditFollows() {
        String authorEmail = "two-instances-asker-" + UUID.randomUUID() + "@example.org";
        String author = signUp(siteA, "asker", authorEmail);
        // Mail about answers goes to confirmed addresses: the author opens the link of the mail, as a person would.
        WebSession.visitor(siteA.baseUrl()).get(maildev.confirmationPath(authorEmail)).then().statusCode(200);
        String answerer = signUp(siteB, "answerer", "two-instances-answerer-" + UUID.randomUUID() + "@example.org");

        WebSession asker = WebSession.loggedIn(siteA.baseUrl(), author, PASSWORD);
        mailMeAboutAnswers(asker);
        Response asked = asker.postForm("/ask",
                Map.of("title", "How do two instances share one stream " + UUID.randomUUID() + "?", "body",
                        "Every instance should see every answer, and the author gets one mail.", "tags",
                        "redis streams"));
        asked.then().statusCode(303);
        long questionId = idIn(asked, QUESTION_LOCATION);
        String questionPage = java.net.URI.create(asked.header("Location")).getRawPath();

        // Two readers, each from an address of their own (any 127.x.y.z reaches the instances); the one on A has the
        // question open on B too, in another tab: one reader on two instances is still one.
        String questionPath = "/ws/questions/" + questionId;
        try (LiveViewer onA = LiveViewer.from("the viewer on A", "127.0.0.2", siteA.webSocket(questionPath));
                LiveViewer onB = LiveViewer.from("the viewer on B", "127.0.0.3", siteB.webSocket(questionPath));
                LiveViewer secondTab = LiveViewer.from("the viewer on A, in a tab on B", "127.0.0.2",
                        siteB.webSocket(questionPath))) {
            // Presence adds up the readers of every instance, each once.
            await("two readers counted on both instances").atMost(DELIVERY).untilAsserted(() -> {
                for (LiveViewer viewer : List.of(onA, onB, secondTab)) {
                    assertThat(viewer.toString(), viewer.viewers(), is(Optional.of(2)));
                }
            });

            String marker = UUID.randomUUID().toString();
            Response answered = WebSession.loggedIn(siteA.baseUrl(), answerer, PASSWORD).postForm(
                    "/questions/" + questionId + "/answers",
                    Map.of("body", "Read it with XREAD on each instance: x < y & <b>not bold</b> " + marker));
            answered.then().statusCode(303);
            long answerId = idIn(answered, ANSWER_LOCATION);

            // Posted on A, it reaches the viewer on B through the stream, and A's own viewer too.
            await("the answer live on both instances").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(onB.toString(), onB.answerFrames(answerId), not(empty()));
                assertThat(onA.toString(), onA.answerFrames(answerId), not(empty()));
            });
            Element shown = answerBodyOnPage(siteA, questionId, answerId);
            assertThat("the page escapes the answer's HTML", shown, hasText(containsString("<b>not bold</b>")));
            for (LiveViewer viewer : List.of(onA, onB)) {
                JsonNode frame = viewer.answerFrames(answerId).get(0);
                assertThat(frame.toString(), frame.path("position").asText(), matchesPattern("\\d+-\\d+"));
                assertThat(frame.toString(), frame.path("answers").asInt(), is(1));
                String html = frame.path("html").asText();
                assertThat("the answer as the page shows it", Pages.one(Pages.document(html),
                        "[data-answer-id=" + answerId + "] .post-body").html(), equalTo(shown.html()));
                assertThat(html, hasText(containsString(marker)));
                assertThat("no markup from the answer's text", html, not(hasElement("b")));
            }

            await("a mail to the question's author").atMost(DELIVERY).until(() -> maildev.notices(authorEmail).size(),
                    n -> n >= 1);
            // The only fixed wait: a second mail, from the other instance's consumer, would arrive within it.
            await("still one mail " + NO_SECOND_MAIL + " later").during(NO_SECOND_MAIL)
                    .atMost(NO_SECOND_MAIL.plus(DELIVERY)).until(() -> maildev.notices(authorEmail).size(), n -> n == 1);
            List<Maildev.Mail> mails = maildev.notices(authorEmail);
            assertThat("exactly one mail about the answer", mails, hasSize(1));
            assertThat(mails.get(0).text(),
                    containsString(BASE_URL + questionPage + "#answer-" + answerId));

            // Its author edits the answer through B's form: the readers on both instances get it in place, as A's page
            // now shows it.
            String edit = "Edited on the other instance: XREAD on each, x > y & <i>not italic</i> " + marker;
            WebSession.loggedIn(siteB.baseUrl(), answerer, PASSWORD).postForm("/answers/" + answerId + "/edit",
                    Map.of("body", edit, "summary", "Clearer", "revision", "1")).then().statusCode(303);
            await("the edit live on both instances").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(onA.toString(), onA.answerFrames("answer-updated", answerId), not(empty()));
                assertThat(onB.toString(), onB.answerFrames("answer-updated", answerId), not(empty()));
            });
            Element editedOnPage = answerBodyOnPage(siteA, questionId, answerId);
            assertThat("the page shows the edit", editedOnPage, hasText(containsString("<i>not italic</i>")));
            for (LiveViewer viewer : List.of(onA, onB)) {
                String html = viewer.answerFrames("answer-updated", answerId).get(0).path("html").asText();
                assertThat("the edited answer as the page shows it", Pages.one(Pages.document(html),
                        "[data-answer-id=" + answerId + "] .post-body").html(), equalTo(editedOnPage.html()));
                assertThat("no markup from the edit's text", html, not(hasElement("i")));
            }

            // The reader on B leaves: A's reader is alone again, on both instances.
            onB.close();
            await("one reader counted on A and B").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(onA.toString(), onA.viewers(), is(Optional.of(1)));
                assertThat(secondTab.toString(), secondTab.viewers(), is(Optional.of(1)));
            });
        }
    }

    @Test
    void aNotificationReachesTheMembersPagesOnBothInstancesAndReadingItOnOneClearsBoth() {
        String asker = signUp(siteA, "notified", "two-instances-notified-" + UUID.randomUUID() + "@example.org");
        String answerer = signUp(siteB, "notifier", "two-instances-notifier-" + UUID.randomUUID() + "@example.org");
        WebSession askerSession = WebSession.loggedIn(siteA.baseUrl(), asker, PASSWORD);
        Response asked = askerSession.postForm("/ask",
                Map.of("title", "Which instance tells me of an answer " + UUID.randomUUID() + "?", "body",
                        "Every instance should push the count to the pages connected to it.", "tags", "redis"));
        asked.then().statusCode(303);
        long questionId = idIn(asked, QUESTION_LOCATION);

        // The asker has one page open on each instance: one socket on A, one on B, with the same session.
        try (LiveViewer tabOnA = LiveViewer.member("the asker's tab on A", siteA.baseUrl(), askerSession.sessionCookie());
                LiveViewer tabOnB = LiveViewer.member("the asker's tab on B", siteB.baseUrl(),
                        askerSession.sessionCookie())) {
            await("both tabs greeted with the count").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(tabOnA.toString(), tabOnA.unread(), is(Optional.of(0)));
                assertThat(tabOnB.toString(), tabOnB.unread(), is(Optional.of(0)));
            });

            // Answered through B: the notifications group (on whichever instance) makes the row, and each instance
            // pushes it to its own tab.
            Response answered = WebSession.loggedIn(siteB.baseUrl(), answerer, PASSWORD).postForm(
                    "/questions/" + questionId + "/answers",
                    Map.of("body", "Each instance reads the whole stream and pushes to the sockets it holds."));
            answered.then().statusCode(303);
            long answerId = idIn(answered, ANSWER_LOCATION);
            await("the notification and the count on both tabs").atMost(DELIVERY).untilAsserted(() -> {
                for (LiveViewer tab : List.of(tabOnA, tabOnB)) {
                    assertThat(tab.toString(), tab.unread(), is(Optional.of(1)));
                    assertThat(tab.toString(), tab.notificationFrames(), hasSize(1));
                    assertThat(tab.notificationFrames().get(0).path("html").asText(),
                            containsString("/answers/" + answerId));
                }
            });
            Document inboxOnB = Pages.document(WebSession.visitor(siteB.baseUrl()).request()
                    .cookie("qa-session", askerSession.sessionCookie()).get("/notifications").then().statusCode(200)
                    .extract().response());
            assertThat(inboxOnB.select("[data-notification-id]"), hasSize(1));

            // Opening the question on A marks it read: the tab on B hears of it too.
            askerSession.get(askerSession.questionPath(questionId)).then().statusCode(200);
            await("the count back to 0 on both tabs").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(tabOnA.toString(), tabOnA.unread(), is(Optional.of(0)));
                assertThat(tabOnB.toString(), tabOnB.unread(), is(Optional.of(0)));
            });
            assertThat("one notification, made once", tabOnB.notificationFrames(), hasSize(1));
        }
    }

    @Test
    void aSessionEndedOnOneInstanceEndsOnTheOtherWithinTheCacheTime() {
        String member = signUp(siteA, "leaver", "two-instances-leaver-" + UUID.randomUUID() + "@example.org");
        WebSession onA = WebSession.loggedIn(siteA.baseUrl(), member, PASSWORD);
        String cookie = onA.sessionCookie();
        // the same cookie is good on B: both instances share the secret and the sessions
        RestAssured.given().baseUri(siteB.baseUrl()).redirects().follow(false).cookie("qa-session", cookie)
                .get("/settings").then().statusCode(200);

        onA.postForm("/logout", Map.of()).then().statusCode(303);
        RestAssured.given().baseUri(siteA.baseUrl()).redirects().follow(false).cookie("qa-session", cookie)
                .get("/settings").then().statusCode(303);
        // B trusts what it read for qa.session.cache-ttl (5 s), then reads the session again
        await("the ended session refused on B").atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> RestAssured.given().baseUri(siteB.baseUrl()).redirects().follow(false)
                        .cookie("qa-session", cookie).get("/settings").then().statusCode(303));
    }

    /** Signs up through the site's form, as a person would, and answers the username. */
    private static String signUp(SiteProcess site, String prefix, String email) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession visitor = WebSession.visitor(site.baseUrl());
        String token = visitor.csrfToken();
        visitor.request().multiPart("username", username).multiPart("email", email).multiPart("password", PASSWORD)
                .multiPart("password_confirm", PASSWORD).multiPart("csrf-token", token).post("/signup").then()
                .statusCode(303);
        return username;
    }

    /** Switches on mail about answers in the settings, unless it is on already (the default). */
    private static void mailMeAboutAnswers(WebSession member) {
        Document settings = Pages.document(member.get("/settings").then().statusCode(200).extract().response());
        if (!notifies(settings)) {
            String token = member.csrfToken();
            Element email = settings.selectFirst("input[name=email][value]");
            assertThat("the settings form shows the email address", email, notNullValue());
            member.request().multiPart("email", email.attr("value")).multiPart("mail_answer", "instant")
                    .multiPart("csrf-token", token).post("/settings").then().statusCode(303);
        }
        assertThat("mail about answers is on", notifies(Pages.document(member.get("/settings"))), is(true));
    }

    private static boolean notifies(Document settingsPage) {
        return !settingsPage.select("select[name=mail_answer] option[value=instant][selected]").isEmpty();
    }

    /** The answer's text as the question page renders it (its {@code .post-body}). */
    private static Element answerBodyOnPage(SiteProcess site, long questionId, long answerId) {
        WebSession visitor = WebSession.visitor(site.baseUrl());
        Document page = Pages.document(visitor.get(visitor.questionPath(questionId)).then()
                .statusCode(200).extract().response());
        return Pages.one(page, "[data-answer-id=" + answerId + "] .post-body");
    }

    private static long idIn(Response redirect, Pattern location) {
        String header = redirect.header("Location");
        assertThat(header, matchesPattern(".*" + location.pattern()));
        Matcher m = location.matcher(header);
        m.find();
        return Long.parseLong(m.group(1));
    }

    private static void printTails() {
        if (cluster != null) {
            System.out.println(cluster.tails());
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
