package org.qasite.views;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.TestData;
import org.qasite.WebSession;
import org.qasite.member.Member;
import org.qasite.question.Question;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Question views: once per visitor and hour, kept in memory until a flush adds them to the database. */
@QuarkusTest
class ViewsTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36";

    @Inject
    TestData data;

    @Inject
    ViewCounter counter;

    @Inject
    DataSource dataSource;

    Member author;
    Question question;
    String tag;

    @BeforeEach
    void setUp() {
        counter.flush(); // views that other tests left pending
        author = data.member("viewed");
        tag = TestData.uniqueName("views").toLowerCase();
        question = data.question(author, "How often is this question viewed?", tag);
    }

    long viewCount() {
        return data.count("SELECT view_count FROM question WHERE id = ?1", question.id);
    }

    ValidatableResponse view(WebSession session, String userAgent) {
        return session.request().header("User-Agent", userAgent).get("/questions/" + question.id).then()
                .statusCode(200);
    }

    @Test
    void aVisitorReloadingCountsOnceAndNothingIsWrittenBeforeTheFlush() {
        WebSession visitor = WebSession.visitor();
        for (int i = 0; i < 4; i++) {
            view(visitor, FIREFOX);
        }
        view(visitor, FIREFOX).body(containsString("data-view-count=\"0\""), containsString("Viewed 0 times"));
        assertThat(viewCount(), equalTo(0L));
        assertThat(counter.pendingViews(), equalTo(1L));

        assertThat(counter.flush(), equalTo(1L));

        assertThat(viewCount(), equalTo(1L));
        view(visitor, FIREFOX).body(containsString("Viewed 1 time<"));
        WebSession.visitor().get("/tag/" + tag).then().statusCode(200)
                .body(containsString("data-view-count=\"1\""), containsString("1 view\""));
        assertThat(counter.pendingViews(), equalTo(0L));
    }

    @Test
    void differentMembersAndVisitorsCountSeparately() {
        Member alice = data.member("alice");
        Member bob = data.member("bob");
        WebSession aliceSession = WebSession.loggedIn(alice.username);
        WebSession bobSession = WebSession.loggedIn(bob.username);
        for (int i = 0; i < 3; i++) {
            view(aliceSession, FIREFOX);
            view(bobSession, FIREFOX); // the same address and browser as alice, but another member
            view(WebSession.visitor(), FIREFOX);
            view(WebSession.visitor(), CHROME); // another browser at the same address
        }
        view(aliceSession, CHROME); // a member is one visitor whichever browser they use

        assertThat(counter.flush(), equalTo(4L));

        assertThat(viewCount(), equalTo(4L));
        view(aliceSession, FIREFOX).body(containsString("Viewed 4 times"));
        for (String list : new String[] { "/", "/hot", "/tag/" + tag }) {
            WebSession.visitor().get(list).then().statusCode(200)
                    .body(containsString("data-view-count=\"4\""), containsString("4 views\""));
        }
        WebSession.visitor().get("/api/v1/questions/" + question.id).then().statusCode(200)
                .body("views", equalTo(4));
    }

    @Test
    void theApiHeadRequestsAndMissingQuestionsAreNoViews() {
        WebSession visitor = WebSession.visitor();
        visitor.request().head("/questions/" + question.id).then().statusCode(200);
        visitor.get("/api/v1/questions/" + question.id).then().statusCode(200).body("views", equalTo(0));
        visitor.get("/questions/" + question.id + "999").then().statusCode(404);

        assertThat(counter.pendingViews(), equalTo(0L));
        assertThat(counter.flush(), equalTo(0L));
        assertThat(viewCount(), equalTo(0L));
    }

    @Test
    void aFlushThatFailsKeepsItsCountsForTheNext() throws Exception {
        view(WebSession.visitor(), FIREFOX);
        view(WebSession.visitor(), CHROME);

        // another transaction holds the question's row longer than a flush waits for it
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM question WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, question.id);
                lock.executeQuery().close();
            }
            assertThat(counter.flush(), equalTo(0L));
            assertThat(counter.pendingViews(), equalTo(2L));
            c.rollback();
        }
        assertThat(viewCount(), equalTo(0L));

        view(WebSession.visitor(), "curl/8.14");
        assertThat(counter.flush(), equalTo(3L));
        assertThat(viewCount(), equalTo(3L));
        assertThat(counter.pendingViews(), equalTo(0L));
    }

    @Test
    void stoppingWritesTheViewsCountedSoFar() {
        view(WebSession.visitor(), FIREFOX);
        try {
            counter.flushAtShutdown(null);
            assertThat(viewCount(), equalTo(1L));

            // a request still in flight after the shutdown flush is written at once
            view(WebSession.visitor(), CHROME);
            assertThat(viewCount(), equalTo(2L));
            assertThat(counter.pendingViews(), equalTo(0L));
        } finally {
            counter.start(null);
        }
    }
}
