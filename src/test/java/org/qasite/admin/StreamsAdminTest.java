package org.qasite.admin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasText;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.events.EventStream;
import org.qasite.member.Member;
import org.qasite.testsupport.Management;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The stream dashboard: who may see it, what it shows, and what Retry and Discard do to a dead letter. */
@QuarkusTest
class StreamsAdminTest {

    /** A consumer group of the test's own, holding an entry it never acknowledges. */
    static final String STUCK_GROUP = "stuck-test";

    @Inject
    TestData data;

    @Inject
    EventStream stream;

    StreamCommands<String, String, String> streams;
    Member admin;

    @BeforeEach
    void setUp() {
        streams = stream.redis().stream(String.class, String.class, String.class);
        admin = data.admin("admin");
    }

    @AfterEach
    void dropStuckGroup() {
        stream.redis().execute("XGROUP", "DESTROY", stream.key(), STUCK_GROUP); // no error when it does not exist
    }

    /** A dead letter as the notifications group's consumer writes it after its last failed delivery. */
    String deadLetter(String eventId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EventStream.FIELD_ID, eventId);
        fields.put(EventStream.FIELD_TYPE, "vote.cast");
        fields.put(EventStream.FIELD_VERSION, "1");
        fields.put(EventStream.FIELD_PAYLOAD, "{\"target\":\"question\",\"postId\":1,\"questionId\":1,\"authorId\":1,"
                + "\"voterId\":2,\"value\":1,\"score\":1}");
        fields.put("group", "notifications");
        fields.put("source-id", "1700000000000-0");
        fields.put("deliveries", "5");
        fields.put("error", "IllegalStateException: <b>SMTP</b> refused the recipient");
        fields.put("failed-at", Instant.now().toString());
        return streams.xadd(stream.deadLetterKey(), fields);
    }

    boolean inDeadLetters(String entryId) {
        return !streams.xrange(stream.deadLetterKey(), StreamRange.of(entryId, entryId)).isEmpty();
    }

    /** The entries of the event stream that carry this event id. */
    List<StreamMessage<String, String, String>> onStream(String eventId) {
        return streams.xrevrange(stream.key(), StreamRange.of("+", "-"), 500).stream()
                .filter(m -> eventId.equals(m.payload().get(EventStream.FIELD_ID))).toList();
    }

    @Test
    void aVisitorIsSentToTheLoginPageAndComesBackAfterwards() {
        WebSession visitor = WebSession.visitor();
        Response page = visitor.get("/admin/streams");
        assertThat(page.statusCode(), equalTo(303));
        assertThat(page.header("Location"), containsString("/login"));
        visitor.get("/login").then().statusCode(200).body(hasText(containsString("Log in with an administrator")));
        Response login = visitor.request().contentType(ContentType.URLENC)
                .formParam("username", admin.username).formParam("password", TestData.PASSWORD).post("/login");
        assertThat(login.header("Location"), endsWith("/admin/streams"));
        WebSession.visitor().get("/api/v1/admin/streams").then().statusCode(401)
                .body("error", equalTo("Log in with an administrator's account first."));
    }

    @Test
    void aMemberWhoIsNotAnAdministratorIsRefusedWithA403() {
        Member member = data.member("nonadmin");
        WebSession session = WebSession.loggedIn(member.username);
        session.get("/admin/streams").then().statusCode(403).contentType(containsString("text/html"))
                .body("html.head.title", containsString("Not allowed"))
                .body(hasElement("h1.h3", equalTo("Not allowed")),
                        hasErrorMessage(containsString("The stream dashboard is for administrators only.")),
                        hasText(containsString("make-admin command")), not(hasElement("[data-group]")));
        session.get("/api/v1/admin/streams").then().statusCode(403)
                .body("error", equalTo("Only administrators may use the stream dashboard."));
        String entry = deadLetter(UUID.randomUUID().toString());
        session.postForm("/admin/streams/dlq/" + entry + "/discard", Map.of()).then().statusCode(403);
        session.postJson("/api/v1/admin/streams/dlq/" + entry + "/retry", Map.of()).then()
                .statusCode(403);
        assertThat(inDeadLetters(entry), equalTo(true));
    }

    @Test
    void anAdministratorSeesGroupsPendingEntriesBacklogsDeadLettersAndTheChart() {
        String eventId = UUID.randomUUID().toString();
        String entry = deadLetter(eventId);
        streams.xgroupCreate(stream.key(), STUCK_GROUP, "$", new XGroupCreateArgs().mkstream());
        String stuck = stream.publish(Map.of(EventStream.FIELD_ID, UUID.randomUUID().toString(),
                EventStream.FIELD_TYPE, "question.created", EventStream.FIELD_VERSION, "1",
                EventStream.FIELD_PAYLOAD, "{}"));
        streams.xreadgroup(STUCK_GROUP, "test-consumer", stream.key(), ">", new XReadGroupArgs().count(10));

        WebSession session = WebSession.loggedIn(admin.username);
        String html = session.get("/admin/streams").then().statusCode(200)
                .body("html.head.title", containsString("Event streams")).extract().asString();
        assertThat(html, hasElement("#admin-link"));
        // the notifications group (which queues the mail), with its lag and pending count, and the test group with its
        // unacknowledged entry; the retired mail group is gone
        assertThat(html, hasElement("[data-group=notifications] [data-lag]"));
        assertThat(html, hasElement("[data-group=notifications] [data-pending]"));
        assertThat(html, not(hasElement("[data-group=mail]")));
        String group = "[data-group='" + STUCK_GROUP + "']";
        assertThat(html, hasElement(group + " [data-pending-entry='" + stuck + "']"));
        assertThat(html, hasElement(group + " td", equalTo("test-consumer")));
        // backlogs from PostgreSQL
        assertThat(html, hasElement("[data-outbox-unpublished]"));
        assertThat(html, hasElement("[data-mail-status=pending]"));
        // the dead letter, its error escaped (the reader sees the tags as text), with both buttons carrying the CSRF
        // token
        String deadLetter = "[data-dead-letter='" + entry + "']";
        assertThat(html, hasElement(deadLetter));
        assertThat(html, hasElement(deadLetter + " code", equalTo(eventId)));
        assertThat(html, hasElement(deadLetter + " .dead-letter-error",
                containsString("<b>SMTP</b> refused the recipient")));
        assertThat(html, hasElement("form[action='/admin/streams/dlq/" + entry + "/retry'] input[name=csrf-token]"));
        assertThat(html, hasElement("form[action='/admin/streams/dlq/" + entry + "/discard'] input[name=csrf-token]"));
        assertThat(html, hasText(containsString("every consumer group sees it again")));
        // the chart: one labelled SVG row per series, drawn on the server
        assertThat(html, hasElement("svg[role=img][aria-labelledby=throughput-row-0]"));
        assertThat(html, hasElement("title#throughput-row-0", startsWith("published: ")));
        assertThat(html, hasElement("[data-series=notifications]"));
        assertThat(html, hasElement("#throughput-summary", startsWith("Entries per minute over the last 60 minutes")));
    }

    @Test
    void theJsonApiGivesTheSameData() {
        String eventId = UUID.randomUUID().toString();
        String entry = deadLetter(eventId);
        WebSession session = WebSession.loggedIn(admin.username);
        session.get("/api/v1/admin/streams").then().statusCode(200)
                .body("stream", equalTo("qa:events"))
                .body("redisError", equalTo(null))
                .body("groups.name", hasItem("notifications"))
                .body("outbox.unpublished", notNullValue())
                .body("mail.byStatus.keySet()", hasItems("pending", "sent", "failed", "skipped"))
                .body("deadLetters.stream", equalTo("qa:events:dlq"))
                .body("deadLetters.newest[0].entryId", equalTo(entry))
                .body("deadLetters.newest[0].eventId", equalTo(eventId))
                .body("deadLetters.newest[0].group", equalTo("notifications"))
                .body("deadLetters.newest[0].type", equalTo("vote.cast"))
                .body("deadLetters.newest[0].deliveries", equalTo(5))
                .body("deadLetters.newest[0].retryable", equalTo(true))
                .body("throughput.minutes", equalTo(60))
                .body("throughput.series.name", hasItems("published", "notifications"))
                .body("throughput.series[0].perMinute", hasSize(60));
    }

    @Test
    void retryPutsTheEventBackOnTheStreamAndRemovesTheDeadLetter() {
        String eventId = UUID.randomUUID().toString();
        String entry = deadLetter(eventId);
        WebSession session = WebSession.loggedIn(admin.username);
        Response retried = session.postForm("/admin/streams/dlq/" + entry + "/retry", Map.of());
        assertThat(retried.statusCode(), equalTo(303));
        assertThat(retried.header("Location"), endsWith("/admin/streams"));
        session.get("/admin/streams").then().statusCode(200)
                .body(hasElement(".alert[role=status]", containsString("Dead letter " + entry + " is back on qa:events")),
                        not(hasElement("[data-dead-letter='" + entry + "']")));

        assertThat(inDeadLetters(entry), equalTo(false));
        List<StreamMessage<String, String, String>> republished = onStream(eventId);
        assertThat(republished, hasSize(1));
        Map<String, String> fields = republished.get(0).payload();
        assertThat(fields.keySet(), equalTo(Set.of("id", "type", "v", "payload")));
        assertThat(fields.get("type"), equalTo("vote.cast"));
        assertThat(fields.get("payload"), startsWith("{\"target\":\"question\""));
    }

    @Test
    void theApiRetriesAndDiscards() {
        String eventId = UUID.randomUUID().toString();
        String toRetry = deadLetter(eventId);
        String toDiscard = deadLetter(UUID.randomUUID().toString());
        WebSession session = WebSession.loggedIn(admin.username);

        String newId = session.postJson("/api/v1/admin/streams/dlq/" + toRetry + "/retry", Map.of()).then().statusCode(200)
                .body("outcome", equalTo("retried")).body("entryId", equalTo(toRetry)).extract().path("newEntryId");
        assertThat(onStream(eventId).get(0).id(), equalTo(newId));
        assertThat(inDeadLetters(toRetry), equalTo(false));

        session.postJson("/api/v1/admin/streams/dlq/" + toDiscard + "/discard", Map.of()).then().statusCode(200)
                .body("outcome", equalTo("discarded")).body("newEntryId", equalTo(null));
        assertThat(inDeadLetters(toDiscard), equalTo(false));

        // curl -X POST -H 'Content-Type: application/json' without a body, as docs/operations.md shows
        session.request().contentType(ContentType.JSON)
                .post("/api/v1/admin/streams/dlq/" + toDiscard + "/discard").then().statusCode(404)
                .body("error", containsString("retried or discarded already"));
        session.postJson("/api/v1/admin/streams/dlq/" + toDiscard + "/discard", Map.of()).then().statusCode(404)
                .body("error", containsString("There is no dead letter \u201C" + toDiscard + "\u201D"));
    }

    @Test
    void discardDeletesTheDeadLetterWithoutPublishingIt() {
        String eventId = UUID.randomUUID().toString();
        String entry = deadLetter(eventId);
        WebSession session = WebSession.loggedIn(admin.username);
        session.postForm("/admin/streams/dlq/" + entry + "/discard", Map.of()).then().statusCode(303);
        session.get("/admin/streams").then().statusCode(200)
                .body(hasElement(".alert[role=status]", containsString("Dead letter " + entry + " is discarded.")));
        assertThat(inDeadLetters(entry), equalTo(false));
        assertThat(onStream(eventId), emptyIterable());
    }

    @Test
    void anUnknownOrMalformedDeadLetterIsA404WithAMessage() {
        WebSession session = WebSession.loggedIn(admin.username);
        session.postForm("/admin/streams/dlq/1-999999/retry", Map.of()).then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(hasErrorMessage(containsString("There is no dead letter \u201C1-999999\u201D in qa:events:dlq")));
        session.postForm("/admin/streams/dlq/not-an-id/discard", Map.of()).then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no dead letter \u201Cnot-an-id\u201D")));
        session.postJson("/api/v1/admin/streams/dlq/1-999999/retry", Map.of()).then().statusCode(404)
                .body("error", containsString("There is no dead letter"));
        session.postJson("/api/v1/admin/streams/dlq/abc/discard", Map.of()).then().statusCode(404)
                .contentType(containsString("json"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String eventId = UUID.randomUUID().toString();
        String entry = deadLetter(eventId);
        WebSession session = WebSession.loggedIn(admin.username);
        session.postFormWithoutToken("/admin/streams/dlq/" + entry + "/retry", Map.of()).then().statusCode(400)
                .body(hasErrorMessage(containsString("security token is missing")));
        session.postFormWithoutToken("/admin/streams/dlq/" + entry + "/discard", Map.of()).then().statusCode(400);
        assertThat(inDeadLetters(entry), equalTo(true));
        assertThat(onStream(eventId), emptyIterable());
    }

    @Test
    void aDeadLetterWithoutItsEventFieldsCanOnlyBeDiscarded() {
        String entry = streams.xadd(stream.deadLetterKey(), Map.of("group", "notifications", "source-id", "1-1", "deliveries",
                "5", "error", "IllegalArgumentException: Entry 1-1 lacks one of the fields id, type, v, payload",
                "failed-at", Instant.now().toString(), "type", "answer.created"));
        WebSession session = WebSession.loggedIn(admin.username);
        session.get("/admin/streams").then().statusCode(200)
                .body(hasElement("[data-dead-letter='" + entry + "']"),
                        not(hasElement("form[action='/admin/streams/dlq/" + entry + "/retry']")),
                        hasElement("form[action='/admin/streams/dlq/" + entry + "/discard']"));
        session.postJson("/api/v1/admin/streams/dlq/" + entry + "/retry", Map.of()).then().statusCode(409)
                .body("error", equalTo("Dead letter " + entry + " lacks the field(s) id, v, payload, so it would "
                        + "fail again: discard it instead."));
        assertThat(inDeadLetters(entry), equalTo(true));
        session.postJson("/api/v1/admin/streams/dlq/" + entry + "/discard", Map.of()).then().statusCode(200);
        assertThat(inDeadLetters(entry), equalTo(false));
    }

    @Test
    void theRoleTakesEffectWithoutLoggingInAgainAndTheHeaderLinkFollowsIt() {
        Member member = data.member("promoted");
        WebSession session = WebSession.loggedIn(member.username);
        session.get("/").then().statusCode(200).body(not(hasElement("#admin-link")));
        session.get("/admin/streams").then().statusCode(403);
        data.makeAdmin(member);
        // an instance trusts what it read of a session (its member's role included) for qa.session.cache-ttl
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(
                () -> session.get("/admin/streams").then().statusCode(200));
        session.get("/").then().statusCode(200).body(hasElement("a#admin-link[href=/admin/streams]"));
    }

    @Test
    void theApiIsDescribedInOpenApiAndThePageIsNot() {
        String openApi = Management.request().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        assertThat(openApi, containsString("/api/v1/admin/streams/dlq/{entryId}/retry"));
        assertThat(openApi, containsString("/api/v1/admin/streams/dlq/{entryId}/discard"));
        assertThat(openApi, not(containsString("\"/admin/streams")));
    }
}
