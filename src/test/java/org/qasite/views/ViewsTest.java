package org.qasite.views;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.OtherAddress;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Question views: once per reader (a member, or a visitor's address whatever the browser) and hour, kept in memory
 * until a flush adds them to the database.
 */
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

    @Inject
    Readers readers;

    @TestHTTPResource("/")
    URI base;

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
        return session.request().header("User-Agent", userAgent).get(question.path()).then()
                .statusCode(200);
    }

    /** A GET of the question page from another address, which the site counts as another reader. */
    void viewFrom(String address, String userAgent) {
        HttpResponse<String> page = OtherAddress.get(address, base.getPort(), question.path(), userAgent);
        assertThat(page.body(), page.statusCode(), equalTo(200));
    }

    @Test
    void thirtyBrowsersFromOneAddressAreOneView() {
        for (int i = 0; i < 30; i++) {
            view(WebSession.visitor(), "Mozilla/5.0 (X11; Linux x86_64; rv:" + (100 + i) + ".0) Firefox/" + (100 + i));
        }
        assertThat(counter.pendingViews(), equalTo(1L));
        viewFrom("127.0.0.2", FIREFOX); // another address is another reader
        assertThat(counter.flush(), equalTo(2L));
        assertThat(viewCount(), equalTo(2L));
    }

    @Test
    void anIpv6AddressCountsByItsNetwork() {
        // A subscriber is given a whole /64 and may take a new address in it for every request.
        assertThat(readers.visitor("2001:db8:1:2::1"), equalTo(readers.visitor("2001:db8:1:2:ffff:1234:5678:9abc")));
        assertThat(readers.visitor("2001:db8:1:2::1"), not(equalTo(readers.visitor("2001:db8:1:3::1"))));
        assertThat(readers.visitor("::ffff:192.0.2.7"), equalTo(readers.visitor("192.0.2.7")));
        assertThat(readers.visitor("192.0.2.7"), not(equalTo(readers.visitor("192.0.2.8"))));
        assertThat("the address itself is nowhere in the key", readers.visitor("192.0.2.7"),
                not(containsString("192")));
        assertThat(readers.of(42L, "192.0.2.7"), equalTo("m42"));
    }

    @Test
    void aVisitorReloadingCountsOnceAndNothingIsWrittenBeforeTheFlush() {
        WebSession visitor = WebSession.visitor();
        for (int i = 0; i < 4; i++) {
            view(visitor, FIREFOX);
        }
        view(visitor, FIREFOX).body(hasElement("[data-view-count=0]", equalTo("Viewed 0 times")));
        assertThat(viewCount(), equalTo(0L));
        assertThat(counter.pendingViews(), equalTo(1L));

        assertThat(counter.flush(), equalTo(1L));

        assertThat(viewCount(), equalTo(1L));
        view(visitor, FIREFOX).body(hasElement("[data-view-count=1]", equalTo("Viewed 1 time")));
        WebSession.visitor().get("/tag/" + tag).then().statusCode(200)
                .body(hasElement("[data-view-count=1][title='1 view']"));
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
            view(WebSession.visitor(), CHROME); // another browser at the same address: the same visitor
            viewFrom("127.0.0.2", FIREFOX); // the same browser at another address: another visitor
        }
        view(aliceSession, CHROME); // a member is one reader whichever browser they use

        assertThat(counter.flush(), equalTo(4L));

        assertThat(viewCount(), equalTo(4L));
        view(aliceSession, FIREFOX).body(hasElement("[data-view-count=4]", equalTo("Viewed 4 times")));
        for (String list : new String[] { "/", "/hot", "/tag/" + tag }) {
            WebSession.visitor().get(list).then().statusCode(200)
                    .body(hasElement("[data-view-count=4][title='4 views']"));
        }
        WebSession.visitor().get("/api/v1/questions/" + question.id).then().statusCode(200)
                .body("views", equalTo(4));
    }

    @Test
    void theApiHeadRequestsAndMissingQuestionsAreNoViews() {
        WebSession visitor = WebSession.visitor();
        visitor.request().head(question.path()).then().statusCode(200);
        visitor.get("/api/v1/questions/" + question.id).then().statusCode(200).body("views", equalTo(0));
        visitor.get("/questions/" + question.id + "999").then().statusCode(404);

        assertThat(counter.pendingViews(), equalTo(0L));
        assertThat(counter.flush(), equalTo(0L));
        assertThat(viewCount(), equalTo(0L));
    }

    @Test
    void aFlushThatFailsKeepsItsCountsForTheNext() throws Exception {
        view(WebSession.visitor(), FIREFOX);
        viewFrom("127.0.0.2", CHROME);

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

        viewFrom("127.0.0.3", "curl/8.14");
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
            viewFrom("127.0.0.2", CHROME);
            assertThat(viewCount(), equalTo(2L));
            assertThat(counter.pendingViews(), equalTo(0L));
        } finally {
            counter.start(null);
        }
    }
}
