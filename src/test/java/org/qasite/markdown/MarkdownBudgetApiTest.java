package org.qasite.markdown;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasField;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qasite.limit.ClientAddress;
import org.qasite.limit.RateLimitConfig;
import org.qasite.limit.RateLimiter;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.refusal.QaException;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Member text over its budget is refused where members write it (the preview, the ask and answer forms, the JSON API)
 * with a message and nothing stored; the preview is rate-limited per session and per address.
 */
@QuarkusTest
class MarkdownBudgetApiTest {

    static final String PREVIEW = "/api/v1/markdown/preview";

    @Inject
    TestData data;

    @Inject
    MarkdownRenderer renderer;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimitConfig limits;

    @Inject
    @RedisClientName("cache")
    RedisDataSource cache;

    /** The test's writer: a member, whose previews count for them alone (visitors count by address, all tests'). */
    static WebSession writer;

    WebSession writer() {
        if (writer == null) {
            writer = WebSession.loggedIn(data.member("budget-writer").username);
        }
        return writer;
    }

    static Response preview(WebSession session, String text) {
        return session.postJson(PREVIEW, Map.of("text", text));
    }

    /** The networks a test client on loopback may come from, as the limits count them. */
    static final List<String> LOOPBACK = List.of(ClientAddress.network("127.0.0.1"),
            ClientAddress.network("0:0:0:0:0:0:0:1"));

    static Stream<BudgetTexts.Text> allTexts() {
        return Stream.concat(BudgetTexts.ATTACKS.stream(), BudgetTexts.LEGITIMATE.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTexts")
    void thePreviewAnswersEachTextWithinItsBudget(BudgetTexts.Text text) {
        Response response = preview(writer(), text.markdown());
        if (text.refusal() == null) {
            response.then().statusCode(200);
            assertThat(text + ": HTML within its budget", response.<String> path("html").length(),
                    lessThanOrEqualTo(renderer.htmlBudget(text.markdown().length())));
        } else {
            response.then().statusCode(400).contentType(ContentType.JSON).body("error", startsWith(text.refusal()));
            assertThat(text + ": a short answer", response.asByteArray().length, lessThan(1_000));
        }
    }

    @Test
    void theAskFormComesBackWithTheTextAndTheMessage() {
        Member member = data.member("budget-asker");
        WebSession session = WebSession.loggedIn(member.username);
        String body = BudgetTexts.paddedTable(300, 1_800);
        Response response = session.postForm("/ask",
                Map.of("title", "A table that is far too wide", "body", body, "tags", "tables"));
        response.then().statusCode(400).body(
                hasField("body", equalTo(body)),
                hasElement("#body-error", startsWith("A table may have at most 50 columns; this text has one with 300.")),
                hasField("title", equalTo("A table that is far too wide")));
        assertThat("nothing is stored", data.count("SELECT count(*) FROM question WHERE author_id = ?1", member.id),
                equalTo(0L));
    }

    @Test
    void theAnswerFormComesBackWithTheTextAndTheMessage() {
        Member member = data.member("budget-answerer");
        Question question = data.question(data.member("budget-question"), "A question about tables");
        WebSession session = WebSession.loggedIn(member.username);
        String body = BudgetTexts.paddedTable(40, 1_800);
        Response response = session.postForm("/questions/" + question.id + "/answers", Map.of("body", body));
        response.then().statusCode(400).body(
                hasField("body", equalTo(body)), hasElement("#body-error", startsWith(BudgetTexts.TOO_MANY_CELLS)));
        assertThat("nothing is stored", data.count("SELECT count(*) FROM answer WHERE question_id = ?1", question.id),
                equalTo(0L));
    }

    @Test
    void theJsonApiRefusesWithTheFieldAndItsMessage() {
        Member member = data.member("budget-api");
        WebSession session = WebSession.loggedIn(member.username);
        session.postJson("/api/v1/questions", Map.of("title", "A table that is far too wide", "body",
                BudgetTexts.paddedTable(2000, BudgetTexts.LIMIT), "tags", List.of("tables"))).then().statusCode(400)
                .body("details", hasItem(startsWith("body: " + BudgetTexts.TOO_WIDE)));
        assertThat("nothing is stored", data.count("SELECT count(*) FROM question WHERE author_id = ?1", member.id),
                equalTo(0L));
    }

    @Test
    void aMembersPreviewsAreLimitedAndThe429SaysWhenToComeBack() {
        Member member = data.member("budget-typist");
        WebSession session = WebSession.loggedIn(member.username);
        int limit = limits.preview().limit();
        for (int i = 0; i < limit; i++) {
            preview(session, "preview " + i).then().statusCode(200);
        }
        Response refused = preview(session, "one too many");
        refused.then().statusCode(429).contentType(ContentType.JSON).body("error",
                startsWith("You are going too fast: at most " + limit + " previews per minute. Try again in "));
        assertThat(Integer.parseInt(refused.header("Retry-After")),
                allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(60)));
        // The count is the member's: another member at the same address goes on.
        preview(writer(), "another member").then().statusCode(200);
    }

    @Test
    void visitorsAreLimitedByTheirNetwork() {
        try {
            LOOPBACK.forEach(network -> useUp(RateLimiter.Action.PREVIEW, "visitor:" + network));
            preview(WebSession.visitor(), "a").then().statusCode(429)
                    .body("error", startsWith("You are going too fast: at most " + limits.preview().limit() + " previews"))
                    .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
            // A member at the same address has a count of their own.
            preview(writer(), "a").then().statusCode(200);
        } finally {
            // Other tests preview as visitors from this address too.
            LOOPBACK.forEach(network -> cache.key().del("qa:rate:preview:visitor:" + network));
        }
        preview(WebSession.visitor(), "a").then().statusCode(200);
    }

    @Test
    void anAddressIsLimitedForEveryoneBehindIt() {
        try {
            LOOPBACK.forEach(network -> useUp(RateLimiter.Action.PREVIEW_ADDRESS, network));
            preview(writer(), "a").then().statusCode(429).body("error", startsWith(
                    "You are going too fast: at most " + limits.previewAddress().limit() + " previews from your network"))
                    .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
        } finally {
            LOOPBACK.forEach(network -> cache.key().del("qa:rate:preview_address:" + network));
        }
        preview(writer(), "a").then().statusCode(200);
    }

    /**
     * Takes every action the window allows for the subject, as if it had been used up. The count starts empty: actions
     * of earlier tests would leave the window moments later and make room again.
     */
    private void useUp(RateLimiter.Action action, String subject) {
        cache.key().del("qa:rate:" + action.name().toLowerCase(Locale.ROOT) + ":" + subject);
        for (int i = 0; i < 10_000; i++) {
            try {
                limiter.acquire(action, subject);
            } catch (QaException e) {
                return;
            }
        }
        throw new AssertionError("the limit of " + action + " was never reached");
    }
}
