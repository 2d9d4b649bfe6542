package org.qasite.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.InboxRows;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The inbox through the JSON API: the list with its count, marking read, and what is refused. */
@QuarkusTest
class NotificationApiTest {

    @Inject
    TestData data;

    @Inject
    InboxRows rows;

    Member me;
    Member ann;
    Question question;
    Answer answer;
    WebSession session;

    @BeforeEach
    void setUp() {
        me = data.member("api-inbox");
        ann = data.member("ann");
        question = data.question(me, "How does the API list my notifications?");
        answer = data.answer(ann, question, "Newest first, twenty a page, with the unread count.");
        session = WebSession.loggedIn(me.username);
    }

    @Test
    void theListIsNewestFirstWithEverythingAClientNeeds() {
        Instant now = Instant.now();
        long older = rows.make(me, "answer", question.id, answer.id, null, ann, now.minus(1, ChronoUnit.HOURS));
        long newer = rows.make(me, "mention", question.id, null, null, ann, now);
        data.execute("UPDATE notification SET read_at = now() WHERE id = ?1", older);

        session.get("/api/v1/notifications").then().statusCode(200).contentType(ContentType.JSON)
                .body("unread", equalTo(1), "page", equalTo(1), "pages", equalTo(1))
                .body("items.id", equalTo(List.of((int) newer, (int) older)))
                .body("items[0].kind", equalTo("mention"), "items[0].unread", equalTo(true),
                        "items[0].url", equalTo(question.path()),
                        "items[0].answerId", nullValue(), "items[0].commentId", nullValue())
                .body("items[1].kind", equalTo("answer"), "items[1].unread", equalTo(false),
                        "items[1].questionId", equalTo(question.id.intValue()),
                        "items[1].questionTitle", equalTo(question.title),
                        "items[1].answerId", equalTo(answer.id.intValue()),
                        "items[1].url", equalTo("/answers/" + answer.id),
                        "items[1].actor.username", equalTo(ann.username),
                        "items[1].actor.displayName", equalTo(ann.displayName),
                        "items[1].createdAt", containsString("T"));
    }

    @Test
    void markingOneAndThenAllAnswersTheCount() {
        long a = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());
        long b = rows.make(me, "mention", question.id, null, null, ann, Instant.now());
        long c = rows.make(me, "accepted", question.id, answer.id, null, ann, Instant.now());

        session.postJson("/api/v1/notifications/read", Map.of("ids", List.of(a))).then().statusCode(200)
                .body("unread", equalTo(2));
        assertThat(rows.isUnread(a), equalTo(false));
        assertThat(rows.isUnread(b), equalTo(true));

        session.postJson("/api/v1/notifications/read", Map.of("ids", List.of())).then().statusCode(200)
                .body("unread", equalTo(0));
        assertThat(rows.isUnread(b) || rows.isUnread(c), equalTo(false));
    }

    @Test
    void withoutABodyAllAreMarkedRead() {
        rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());
        rows.make(me, "mention", question.id, null, null, ann, Instant.now());

        session.request().accept(ContentType.JSON).contentType(ContentType.JSON).post("/api/v1/notifications/read")
                .then().statusCode(200).body("unread", equalTo(0));
        assertThat(rows.unreadRows(me), equalTo(0L));
    }

    @Test
    void anIdThatIsNotTheMembersIsNotFoundAndNothingIsMarked() {
        Member other = data.member("other");
        long theirs = rows.make(other, "answer", question.id, answer.id, null, ann, Instant.now());
        long mine = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());

        session.postJson("/api/v1/notifications/read", Map.of("ids", List.of(mine, theirs))).then().statusCode(404)
                .contentType(ContentType.JSON).body("error", equalTo("There is no such notification."));

        assertThat(rows.isUnread(mine), equalTo(true));
        assertThat(rows.isUnread(theirs), equalTo(true));
    }

    @Test
    void malformedBodiesAreRefusedWith400AndMarkNothing() {
        long mine = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());

        for (String body : List.of("{\"ids\":[\"abc\"]}", "{\"ids\":\"1\"}", "{\"ids\":[1.5]}", "{\"ids\":[null]}",
                "{\"ids\":", "[1]")) {
            session.request().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                    .post("/api/v1/notifications/read").then().statusCode(400).contentType(ContentType.JSON)
                    .body("error", org.hamcrest.Matchers.notNullValue());
        }
        List<Long> many = java.util.stream.LongStream.rangeClosed(1, NotificationApi.MAX_IDS + 1).boxed().toList();
        session.postJson("/api/v1/notifications/read", Map.of("ids", many)).then().statusCode(400)
                .body("error", containsString("At most"));
        assertThat(rows.isUnread(mine), equalTo(true));
    }

    @Test
    void aVisitorGets401() {
        WebSession visitor = WebSession.visitor();
        visitor.request().accept(ContentType.JSON).get("/api/v1/notifications").then().statusCode(401)
                .contentType(ContentType.JSON).body("error", equalTo("Log in to see your notifications."));
        visitor.postJson("/api/v1/notifications/read", Map.of()).then().statusCode(401)
                .body("error", equalTo("Log in to mark notifications read."));
    }

    @Test
    void pagesAndAPagePastTheEnd() {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        for (int i = 0; i < 21; i++) {
            rows.make(me, "answer", question.id, answer.id, null, ann, start.plusSeconds(i));
        }
        session.get("/api/v1/notifications?page=2").then().statusCode(200).body("items", hasSize(1),
                "page", equalTo(2), "pages", equalTo(2), "unread", equalTo(21));
        session.request().accept(ContentType.JSON).get("/api/v1/notifications?page=3").then().statusCode(404)
                .contentType(ContentType.JSON).body("error", equalTo("There is no page 3: this list has 2 pages."));
    }

    @Test
    void aNotificationWhoseAnswerWasDeletedIsLeftOutAndTheCountAgrees() {
        Answer gone = data.answer(ann, question, "An answer deleted before its notification was read.");
        long kept = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());
        rows.make(me, "answer", question.id, gone.id, null, ann, Instant.now());
        data.execute("UPDATE answer SET deleted_at = now() WHERE id = ?1", gone.id);

        session.get("/api/v1/notifications").then().statusCode(200).body("items.id", equalTo(List.of((int) kept)),
                "unread", equalTo(1));
    }
}
