package org.qasite.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.events.EventStream;
import org.qasite.events.EventsConfig;
import org.qasite.events.StreamConsumer;
import org.qasite.events.StreamConsumers;
import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.Maildev;
import org.qasite.testsupport.ProxiedServices;
import org.qasite.testsupport.RealServicesProfile;
import org.qasite.testsupport.RefusingSmtpServer;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The mail about a new answer, end to end through a real SMTP server (maildev), and what happens to it when Redis or
 * the SMTP server goes away for a while: nothing is lost and nothing arrives twice.
 */
@QuarkusTest
@TestProfile(RealServicesProfile.class)
class MailDeliveryTest {

    /** The consumer group that queues the mail (with the notification it is about). */
    private static final String MAIL_GROUP = "notifications";
    private static final String BASE_URL = "http://qa.example.org";
    private static final Pattern ANSWER_LINK = Pattern
            .compile(Pattern.quote(BASE_URL) + "/questions/\\d+/[a-z0-9-]+#answer-\\d+");
    private static final Pattern UNSUBSCRIBE_LINK = Pattern
            .compile(Pattern.quote(BASE_URL) + "(/unsubscribe/\\d+/[A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: on a busy two-core machine a mail takes well under a second, a recovery a few seconds. */
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    TestData data;

    @Inject
    StreamConsumers consumers;

    @Inject
    EventsConfig events;

    @Inject
    @RedisClientName("streams")
    RedisDataSource redis;

    /** Injected by {@link ProxiedServices}. */
    ProxiedServices.Proxies proxies;

    final Maildev maildev = Maildev.local();
    private RestAssuredConfig otherTestsConfig;

    @BeforeEach
    void boundEveryRequest() {
        // A request the application never answers, with a server taken away, fails the test instead of hanging it.
        otherTestsConfig = RestAssured.config;
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 60_000));
    }

    @AfterEach
    void bringTheServersBack() {
        RestAssured.config = otherTestsConfig;
        // A failed test must not leave the next one without Redis, SMTP or a mail consumer.
        proxies.restoreAll();
        consumers.get(MAIL_GROUP).resume();
    }

    @Test
    void anAnswerSendsTheAuthorOneMailWithLinksAndUnsubscribeHeaders() {
        Member author = memberWithOwnAddress("asker");
        Question question = data.question(author, "Why does my mail never arrive " + UUID.randomUUID() + "?");
        Member answerer = data.member("answerer");

        Response posted = WebSession.loggedIn(answerer.username).postForm("/questions/" + question.id + "/answers",
                Map.of("body", "Check the **SMTP** settings first."));
        posted.then().statusCode(303);
        long answerId = answerIdOf(posted);

        Maildev.Mail mail = theOnlyMail(author, 1).get(0);
        String link = BASE_URL + question.path() + "#answer-" + answerId;
        assertThat(mail.subject(), containsString(question.title));
        assertThat(mail.html(), hasElement("a[href='" + link + "']"));
        assertThat(mail.text(), containsString(link));
        assertThat(mail.text(), containsString("Check the SMTP settings first."));
        String unsubscribe = unsubscribeUrl(mail);
        assertThat(mail.html(), hasElement("a[href='" + unsubscribe + "']"));
        assertThat(mail.headers().get("list-unsubscribe"), equalTo("<" + unsubscribe + ">"));
        assertThat(mail.headers().get("list-unsubscribe-post"), equalTo("List-Unsubscribe=One-Click"));
        assertThat("the mailer really went through the SMTP proxy", proxies.smtp().connectionsAccepted() > 0,
                is(true));
    }

    @Test
    void emojiInTheTitleArriveInTheSubject() {
        Member author = memberWithOwnAddress("emoji");
        // Characters outside the Basic Multilingual Plane, with Hebrew and Cyrillic, long enough for several encoded words.
        Question question = data.question(author, "Why does 🚀 launch fail with 🎉, עברית and кириллица? " + UUID.randomUUID());
        WebSession.loggedIn(data.member("answerer").username).postForm("/questions/" + question.id + "/answers",
                Map.of("body", "Because of the rocket.")).then().statusCode(303);

        Maildev.Mail mail = theOnlyMail(author, 1).get(0);
        assertThat(mail.subject(), containsString(question.title));
        assertThat(mail.subject(), not(containsString("??")));
    }

    @Test
    void theUnsubscribeLinkAndTheOneClickPostSwitchMailOff() {
        Member author = memberWithOwnAddress("unsubscriber");
        Question question = data.question(author, "How do I stop the mail " + UUID.randomUUID() + "?");
        WebSession.loggedIn(data.member("answerer").username)
                .postForm("/questions/" + question.id + "/answers", Map.of("body", "With the link in the mail."))
                .then().statusCode(303);
        String path = UNSUBSCRIBE_LINK.matcher(unsubscribeUrl(theOnlyMail(author, 1).get(0))).replaceFirst("$1");

        // Opening the link in a browser, without logging in, shows a button and changes nothing yet ...
        WebSession.visitor().get(path).then().statusCode(200)
                .body(hasElement("h1", equalTo("Stop mail about new answers?")));
        assertThat(notifies(author), is(true));
        // ... which switches mail off
        given().redirects().follow(false).contentType(ContentType.URLENC).post(path + "?from=page").then()
                .statusCode(303);
        WebSession.visitor().get(path).then().statusCode(200).body(hasElement("h1", equalTo("You are unsubscribed")));
        assertThat(notifies(author), is(false));

        // ... and changing one's mind on the page it shows
        WebSession.visitor().postForm(path + "/resubscribe", Map.of()).then().statusCode(303);
        assertThat(notifies(author), is(true));

        // The mail program's one-click button (RFC 8058): no session, no CSRF token
        given().redirects().follow(false).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post(path).then().statusCode(200);
        assertThat(notifies(author), is(false));

        // A link whose signature was changed is refused both ways, and changes nothing
        setNotifies(author, true);
        String tampered = path.substring(0, path.length() - 1) + (path.endsWith("A") ? "B" : "A");
        WebSession.visitor().get(tampered).then().statusCode(404);
        given().redirects().follow(false).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post(tampered).then().statusCode(404);
        assertThat(notifies(author), is(true));
    }

    @Test
    void answersPostedWhileRedisIsDownAreAllSavedAndMailedOnceWhenItIsBack() throws Exception {
        Member author = memberWithOwnAddress("popular-asker");
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            questions.add(data.question(author, "Popular question " + i + " " + UUID.randomUUID()));
        }
        // 10 answers each stays well under the limit of 20 answers per member in 10 minutes.
        List<Member> answerers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answerers.add(data.member("answerer"));
        }

        proxies.redis().cut();
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<List<Integer>>> members = new ArrayList<>();
            for (Member answerer : answerers) {
                members.add(pool.submit(() -> answerTenTimes(answerer, questions)));
            }
            for (Future<List<Integer>> member : members) {
                statuses.addAll(member.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses, hasSize(100));
        statuses.forEach(status -> assertThat(status, is(oneOf(201, 303))));
        assertThat(data.count("SELECT count(*) FROM answer a JOIN question q ON q.id = a.question_id"
                + " WHERE q.author_id = ?1", author.id), equalTo(100L));
        assertThat("every event waits in the outbox", unpublishedAnswerEvents(author), equalTo(100L));
        assertThat(maildev.to(author.email), empty());

        proxies.redis().restore();
        List<Maildev.Mail> mails = theOnlyMail(author, 100);
        Set<String> links = new TreeSet<>();
        mails.forEach(m -> links.add(answerLink(m)));
        Set<String> expected = new TreeSet<>();
        for (Question q : questions) {
            for (Number id : answerIds(q)) {
                expected.add(BASE_URL + q.path() + "#answer-" + id);
            }
        }
        assertThat("one mail per answer, none twice", links, equalTo(expected));
        assertThat(unpublishedAnswerEvents(author), equalTo(0L));
    }

    @Test
    void anEntryLeftPendingByAStoppedConsumerIsTakenOverAndMailedOnce() {
        Member author = memberWithOwnAddress("asker");
        Question question = data.question(author, "Who picks up after a crash " + UUID.randomUUID() + "?");
        WebSession answerer = WebSession.loggedIn(data.member("answerer").username);
        StreamConsumer mailConsumer = consumers.get(MAIL_GROUP);
        var streams = redis.stream(String.class, String.class, String.class);

        mailConsumer.pause();
        long answerId;
        try {
            answerId = answerer.postJson("/api/v1/questions/" + question.id + "/answers",
                    Map.of("body", "Another instance will send this.")).then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            await("the event on the stream").atMost(DELIVERY).until(
                    () -> data.count("SELECT count(*) FROM outbox WHERE (payload->>'answerId')::bigint = ?1"
                            + " AND published_at IS NOT NULL", answerId),
                    n -> n == 1);
            // Another instance reads the entry and stops before it acks.
            List<StreamMessage<String, String, String>> read = streams.xreadgroup(MAIL_GROUP,
                    "crashed-instance", events.stream(), ">", new XReadGroupArgs().count(1000));
            assertThat("the stopped consumer holds the answer's event",
                    read.stream().map(m -> answerIdIn(m.payload().get(EventStream.FIELD_PAYLOAD))).toList(),
                    hasItem(answerId));
            assertThat("the entry waits unacked on the stopped consumer",
                    streams.xpending(events.stream(), MAIL_GROUP).getConsumers().getOrDefault("crashed-instance", 0L),
                    greaterThanOrEqualTo(1L));
        } finally {
            mailConsumer.resume();
        }

        Maildev.Mail mail = theOnlyMail(author, 1).get(0);
        assertThat(answerLink(mail), equalTo(BASE_URL + question.path() + "#answer-" + answerId));
        await("an empty pending list of the mail group").atMost(DELIVERY).until(
                () -> streams.xpending(events.stream(), MAIL_GROUP).getPendingCount(), n -> n == 0);
    }

    @Test
    void mailsQueuedWhileSmtpIsDownAreSentOnceWhenItIsBack() {
        Member author = memberWithOwnAddress("asker");
        Question question = data.question(author, "Where did my mail go " + UUID.randomUUID() + "?");
        WebSession answerer = WebSession.loggedIn(data.member("answerer").username);

        proxies.smtp().cut();
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 10; i++) {
            long id = answerer.postJson("/api/v1/questions/" + question.id + "/answers",
                    Map.of("body", "Answer " + i + " while the mail server is away.")).then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            expected.add(BASE_URL + question.path() + "#answer-" + id);
        }
        // Every queued mail was tried and refused, and waits for another attempt.
        await("a failed attempt on every mail").atMost(DELIVERY).until(
                () -> data.count("SELECT count(*) FROM mail_log WHERE recipient_id = ?1 AND status = 'pending'"
                        + " AND attempts > 0", author.id),
                n -> n == 10);
        assertThat(maildev.to(author.email), empty());

        proxies.smtp().restore();
        List<Maildev.Mail> mails = theOnlyMail(author, 10);
        Set<String> links = new TreeSet<>();
        mails.forEach(m -> links.add(answerLink(m)));
        assertThat("one mail per answer, none twice", links, equalTo(expected));
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE recipient_id = ?1 AND status <> 'sent'", author.id),
                equalTo(0L));
    }

    @Test
    void aMailRefusedForGoodIsGivenUpAtOnceAndLaterMailStillGoesOut() throws Exception {
        Member author = memberWithOwnAddress("asker");
        Question question = data.question(author, "Is my address wrong " + UUID.randomUUID() + "?");
        WebSession answerer = WebSession.loggedIn(data.member("answerer").username);

        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            proxies.smtp().retarget(refusing.port());
            answerer.postJson("/api/v1/questions/" + question.id + "/answers", Map.of("body", "Refused for good."))
                    .then().statusCode(201);
            // Given up after the refusal, not retried max-attempts times with backoff.
            await("the refused mail given up").atMost(DELIVERY).until(
                    () -> data.count("SELECT count(*) FROM mail_log WHERE recipient_id = ?1 AND status = 'failed'"
                            + " AND last_error LIKE '550%' AND attempts <= 2", author.id),
                    n -> n == 1);
        } finally {
            proxies.smtp().restore();
        }
        // The refusal did not open the circuit breaker: the next mail goes out at once.
        long second = answerer.postJson("/api/v1/questions/" + question.id + "/answers",
                Map.of("body", "This one reaches a real server.")).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        assertThat(answerLink(theOnlyMail(author, 1).get(0)),
                equalTo(BASE_URL + question.path() + "#answer-" + second));
    }

    /**
     * Waits for {@code count} mails to the member and for the mail log to show them all sent, then answers the mails
     * maildev holds for the address: exactly {@code count}, or the test fails.
     */
    private List<Maildev.Mail> theOnlyMail(Member recipient, int count) {
        await(count + " mails to " + recipient.email).atMost(DELIVERY).until(() -> maildev.to(recipient.email).size(),
                n -> n >= count);
        await(count + " mails logged as sent").atMost(DELIVERY).until(
                () -> data.count("SELECT count(*) FROM mail_log WHERE recipient_id = ?1 AND status = 'sent'",
                        recipient.id),
                n -> n >= count);
        List<Maildev.Mail> mails = maildev.to(recipient.email);
        assertThat(mails, hasSize(count));
        return mails;
    }

    private List<Integer> answerTenTimes(Member answerer, List<Question> questions) {
        WebSession session = WebSession.loggedIn(answerer.username);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Question q = questions.get((int) ((answerer.id + i) % questions.size()));
            String body = "Answer " + i + " of " + answerer.username + ", written while Redis is away.";
            // Half through the form, half through the API: both must save the answer without Redis.
            Response r = i % 2 == 0
                    ? session.postForm("/questions/" + q.id + "/answers", Map.of("body", body))
                    : session.postJson("/api/v1/questions/" + q.id + "/answers", Map.of("body", body));
            statuses.add(r.statusCode());
        }
        return statuses;
    }

    private long unpublishedAnswerEvents(Member questionAuthor) {
        return data.count("SELECT count(*) FROM outbox WHERE type = 'answer.created' AND published_at IS NULL"
                + " AND (payload->>'questionAuthorId')::bigint = ?1", questionAuthor.id);
    }

    @SuppressWarnings("unchecked")
    private List<Number> answerIds(Question question) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Number>) Member.getEntityManager()
                .createNativeQuery("SELECT id FROM answer WHERE question_id = ?1").setParameter(1, question.id)
                .getResultList());
    }

    /** A member whose address no other test, run or person sharing the maildev server uses. */
    private Member memberWithOwnAddress(String prefix) {
        Member member = data.member(prefix);
        String email = prefix + "-" + UUID.randomUUID() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> Member.update("email = ?1 where id = ?2", email, member.id));
        member.email = email;
        return member;
    }

    private boolean notifies(Member member) {
        return data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_answer = 'instant'", member.id) == 1;
    }

    private void setNotifies(Member member, boolean notify) {
        QuarkusTransaction.requiringNew()
                .run(() -> Member.update("mailAnswer = ?1 where id = ?2", notify ? MailFrequency.INSTANT : MailFrequency.NEVER,
                        member.id));
    }

    private static long answerIdOf(Response formPost) {
        String location = formPost.header("Location");
        return Long.parseLong(location.substring(location.indexOf("#answer-") + "#answer-".length()));
    }

    private static long answerIdIn(String payload) {
        try {
            return JSON.readTree(payload).path("answerId").asLong();
        } catch (JsonProcessingException e) {
            throw new AssertionError("an event payload that is not JSON: " + payload, e);
        }
    }

    private static String answerLink(Maildev.Mail mail) {
        Matcher m = ANSWER_LINK.matcher(mail.text());
        assertThat("a link to the answer in " + mail.text(), m.find(), is(true));
        return m.group();
    }

    private static String unsubscribeUrl(Maildev.Mail mail) {
        Matcher m = UNSUBSCRIBE_LINK.matcher(mail.text());
        assertThat("an unsubscribe link in " + mail.text(), m.find(), is(true));
        return m.group();
    }
}
