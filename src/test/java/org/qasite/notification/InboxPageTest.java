package org.qasite.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.InboxRows;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The inbox page and the header's count, as a member sees them. */
@QuarkusTest
class InboxPageTest {

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
        me = data.member("inbox");
        ann = data.member("ann");
        question = data.question(me, "How do I read my <b>inbox</b>?");
        answer = data.answer(ann, question, "Open it from the header, it is all there.");
        session = WebSession.loggedIn(me.username);
    }

    @Test
    void theInboxListsNotificationsNewestFirstAndMarksTheUnreadInWords() {
        Instant now = Instant.now();
        long oldest = rows.make(me, "answer", question.id, answer.id, null, ann, now.minus(3, ChronoUnit.HOURS));
        long read = rows.make(me, "accepted", question.id, answer.id, null, ann, now.minus(2, ChronoUnit.HOURS));
        long newest = rows.make(me, "mention", question.id, null, null, ann, now.minus(1, ChronoUnit.MINUTES));
        data.execute("UPDATE notification SET read_at = now() WHERE id = ?1", read);

        Document page = Pages.document(session.get("/notifications").then().statusCode(200).extract().response());

        List<Element> items = page.select("[data-notification-id]");
        assertThat(items.stream().map(e -> Long.parseLong(e.attr("data-notification-id"))).toList(),
                equalTo(List.of(newest, read, oldest)));
        Element first = items.get(0);
        assertThat(first.text(), containsString("Display " + ann.username + " mentioned you in a comment on"));
        assertThat("the title is escaped, shown as typed", first.selectFirst("a[data-notification-link]").text(),
                equalTo("How do I read my <b>inbox</b>?"));
        assertThat(first.select("b"), empty());
        assertThat(items.get(2).text(), containsString("answered your question"));
        assertThat(items.get(2).selectFirst("a[data-notification-link]").attr("href"),
                equalTo("/answers/" + answer.id));
        assertThat(items.get(1).text(), containsString("accepted your answer to"));
        // unread: said in words (a "New" badge and text for screen readers), with its own Mark read form
        for (Element unread : List.of(items.get(0), items.get(2))) {
            assertThat(unread.hasClass("unread"), equalTo(true));
            assertThat(unread.text(), containsString("New, unread:"));
            assertThat(unread.select("form[action=/notifications/read] input[name=id]").attr("value"),
                    equalTo(unread.attr("data-notification-id")));
            assertThat(unread.select("form input[name=csrf-token]"), hasSize(1));
            assertThat(unread.select("time[datetime]"), hasSize(1));
        }
        assertThat(items.get(1).hasClass("unread"), equalTo(false));
        assertThat(items.get(1).text(), not(containsString("unread")));
        assertThat(items.get(1).select("form"), empty());
        assertThat(Pages.one(page, "[data-unread]").text(), equalTo("2"));
        assertThat(Pages.one(page, "#inbox-summary").text(), equalTo("2 unread"));
        assertThat(page.select("#mark-all-read button").text(), equalTo("Mark all read"));
    }

    @Test
    void eachKindSaysWhatHappened() {
        Question other = data.question(ann, "Which tag questions reach me?");
        rows.make(me, "followed-answer", other.id, null, null, ann, Instant.now());
        rows.make(me, "comment", question.id, answer.id, null, ann, Instant.now());
        rows.make(me, "comment", question.id, null, null, ann, Instant.now());
        rows.make(me, "tag-question", other.id, null, null, ann, Instant.now());

        Document page = Pages.document(session.get("/notifications").then().statusCode(200).extract().response());

        List<String> lines = page.select("[data-notification-id]").stream().map(Element::text).toList();
        String name = "Display " + ann.username;
        assertThat(lines.get(0), containsString(name + " asked Which tag questions reach me? in a tag you follow"));
        assertThat(lines.get(1), containsString(name + " commented on your question How do I read"));
        assertThat(lines.get(2), containsString(name + " commented on your answer to How do I read"));
        assertThat(lines.get(3), containsString(name + " answered a question you follow: Which tag questions"));
    }

    @Test
    void markOneReadGoesBackToTheSamePageWithAMessage() {
        long a = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());
        long b = rows.make(me, "mention", question.id, null, null, ann, Instant.now());

        Response marked = session.postForm("/notifications/read", Map.of("id", a, "page", "1"));

        marked.then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/notifications"));
        assertThat(rows.isUnread(a), equalTo(false));
        assertThat(rows.isUnread(b), equalTo(true));
        Document page = Pages.document(session.get("/notifications").then().statusCode(200).extract().response());
        assertThat(Pages.one(page, "[data-flash]").text(), equalTo("The notification is marked read."));
        assertThat(Pages.one(page, "[data-notification-id=" + a + "]").hasClass("unread"), equalTo(false));
        assertThat(Pages.one(page, "[data-unread]").text(), equalTo("1"));
    }

    @Test
    void markAllReadEmptiesTheCount() {
        long a = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());
        long b = rows.make(me, "mention", question.id, null, null, ann, Instant.now());

        session.postForm("/notifications/read", Map.of("page", "1")).then().statusCode(303);

        assertThat(rows.isUnread(a) || rows.isUnread(b), equalTo(false));
        Document page = Pages.document(session.get("/notifications").then().statusCode(200).extract().response());
        assertThat(Pages.one(page, "[data-flash]").text(), equalTo("All your notifications are marked read."));
        assertThat(Pages.one(page, "[data-unread]").text(), equalTo(""));
        assertThat(page.select("[data-notification-id].unread"), empty());
        assertThat(page.select("#mark-all-read"), empty());
    }

    @Test
    void anotherMembersNotificationOrAWordIsNotFoundAndNothingIsMarked() {
        Member other = data.member("other");
        long theirs = rows.make(other, "answer", question.id, answer.id, null, ann, Instant.now());
        long mine = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());

        session.postForm("/notifications/read", Map.of("id", theirs)).then().statusCode(404)
                .body(hasErrorMessage(equalTo("There is no such notification.")));
        session.postForm("/notifications/read", Map.of("id", "abc")).then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no notification")));

        assertThat(rows.isUnread(theirs), equalTo(true));
        assertThat(rows.isUnread(mine), equalTo(true));
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndMarksNothing() {
        long mine = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());

        session.postFormWithoutToken("/notifications/read", Map.of("id", mine)).then().statusCode(400);

        assertThat(rows.isUnread(mine), equalTo(true));
    }

    @Test
    void aVisitorIsSentToLogIn() {
        WebSession visitor = WebSession.visitor();
        visitor.get("/notifications").then().statusCode(303).header("Location", endsWithLogin());
        visitor.postForm("/notifications/read", Map.of()).then().statusCode(303).header("Location", endsWithLogin());
    }

    @Test
    void theInboxIsPaginatedAndAPagePastTheEndIsNotFound() {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        long first = 0;
        for (int i = 0; i < 25; i++) {
            long id = rows.make(me, "answer", question.id, answer.id, null, ann, start.plusSeconds(i));
            first = first == 0 ? id : first;
        }

        Document second = Pages.document(session.get("/notifications?page=2").then().statusCode(200).extract()
                .response());
        assertThat(second.select("[data-notification-id]"), hasSize(5));
        assertThat(second.select("[data-notification-id]").last().attr("data-notification-id"),
                equalTo(String.valueOf(first)));
        assertThat(second, hasElement("nav[aria-label=Pages] a[href='/notifications?page=1']"));
        // marking one on page 2 comes back to page 2
        session.postForm("/notifications/read", Map.of("id", first, "page", "2")).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/notifications?page=2"));

        session.get("/notifications?page=3").then().statusCode(404)
                .body(hasErrorMessage(equalTo("There is no page 3: this list has 2 pages.")));
        session.get("/notifications?page=abc").then().statusCode(404);
    }

    @Test
    void anEmptyInboxSaysSo() {
        Document page = Pages.document(session.get("/notifications").then().statusCode(200).extract().response());
        assertThat(page.select("[data-notification-id]"), empty());
        assertThat(Pages.one(page, "#notifications-empty").text(), containsString("No notifications yet."));
        assertThat(Pages.one(page, "[data-unread]").text(), equalTo(""));
    }

    @Test
    void aNotificationWhoseAnswerWasDeletedIsLeftOutAndTheCountAgrees() {
        Answer gone = data.answer(ann, question, "An answer that its author deletes soon after.");
        long kept = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());
        long deleted = rows.make(me, "answer", question.id, gone.id, null, ann, Instant.now());
        data.execute("UPDATE answer SET deleted_at = now() WHERE id = ?1", gone.id);

        Document page = Pages.document(session.get("/notifications").then().statusCode(200).extract().response());

        assertThat(page.select("[data-notification-id]").stream().map(e -> e.attr("data-notification-id")).toList(),
                equalTo(List.of(String.valueOf(kept))));
        assertThat(Pages.one(page, "[data-unread]").text(), equalTo("1"));
        assertThat(Pages.one(page, "#inbox-summary").text(), equalTo("1 unread"));
        assertThat(rows.isUnread(deleted), equalTo(true));
    }

    @Test
    void theHeaderShowsTheCountOnEveryPageOfAMember() {
        rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());
        rows.make(me, "mention", question.id, null, null, ann, Instant.now());

        Document hot = Pages.document(session.get("/hot").then().statusCode(200).extract().response());

        Element link = Pages.one(hot, "a#notifications-link[href=/notifications]");
        assertThat(Pages.one(link, "[data-unread]").text(), equalTo("2"));
        assertThat(link.text(), equalTo("Notifications 2 unread"));
        assertThat(WebSession.visitor().get("/hot").then().extract().asString(), not(containsString("data-unread")));
        Document other = Pages.document(WebSession.loggedIn(ann.username).get("/hot").then().statusCode(200).extract()
                .response());
        assertThat("at 0 the count is empty", Pages.one(other, "[data-unread]").text(), equalTo(""));
        assertThat(Pages.one(other, "#notifications-link").text(), equalTo("Notifications"));
    }

    @Test
    void openingTheQuestionMarksItsNotificationsRead() {
        Question elsewhere = data.question(ann, "A question I follow elsewhere");
        long here = rows.make(me, "answer", question.id, answer.id, null, ann, Instant.now());
        long there = rows.make(me, "followed-answer", elsewhere.id, null, null, ann, Instant.now());

        Document page = Pages.document(session.get(question.path()).then().statusCode(200).extract()
                .response());

        assertThat(rows.isUnread(here), equalTo(false));
        assertThat(rows.isUnread(there), equalTo(true));
        assertThat("the page shows the count without it", Pages.one(page, "[data-unread]").text(), equalTo("1"));
    }

    private static org.hamcrest.Matcher<String> endsWithLogin() {
        return org.hamcrest.Matchers.endsWith("/login");
    }
}
