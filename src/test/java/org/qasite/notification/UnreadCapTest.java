package org.qasite.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.InboxRows;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** A member who never reads: the count stops at 100, shown as 99+, so every page's count costs the same. */
@QuarkusTest
class UnreadCapTest {

    @Inject
    TestData data;

    @Inject
    InboxRows rows;

    @Test
    void theCountStopsAtAHundredAndShowsAs99Plus() {
        Member reader = data.member("cap-reader");
        Member actor = data.member("cap-actor");
        Question question = data.question(reader, "A question with too many notifications to count");
        for (int i = 0; i < 99; i++) {
            rows.make(reader, "answer", question.id, null, null, actor, Instant.now());
        }
        WebSession session = WebSession.loggedIn(reader.username);
        assertThat(session.get("/hot").asString(), hasElement("[data-unread]", equalTo("99")));

        for (int i = 0; i < 31; i++) {
            rows.make(reader, "answer", question.id, null, null, actor, Instant.now());
        }

        assertThat(session.get("/hot").asString(), hasElement("[data-unread]", equalTo("99+")));
        assertThat(session.get("/notifications").asString(), hasElement("[data-inbox-unread]", equalTo("99+")));
        session.request().accept("application/json").get("/api/v1/notifications").then().statusCode(200)
                .body("unread", equalTo(100));
        assertThat("every row is still there, unread", rows.unreadRows(reader), equalTo(130L));
    }
}
