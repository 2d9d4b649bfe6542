package org.qasite.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.events.OutboxRelay;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StatsCacheTest {

    @Inject
    TestData data;

    @Inject
    EntityManager em;

    @Inject
    StatsCache cache;

    @Inject
    StatsQueries queries;

    @Inject
    StatsRefresher refresher;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Inject
    @RedisClientName("cache")
    RedisDataSource redis;

    @Inject
    @RedisClientName("locks")
    RedisDataSource locks;

    static List<String> popularTagNames() {
        return given().get("/api/v1/stats/popular-tags").then().statusCode(200).extract().jsonPath().getList("name");
    }

    static List<String> bestMemberNames() {
        return given().get("/api/v1/stats/best-members").then().statusCode(200).extract().jsonPath()
                .getList("username");
    }

    /** The right column's widget as the home page shows it to a visitor. */
    static Element widgetOnThePage(String id) {
        Document page = Pages.document(WebSession.visitor().get("/").then().statusCode(200).extract().response());
        return Pages.one(page, "section#" + id);
    }

    void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    /** Questions with the tag, written straight to the database (no event), so only a refresh can show them. */
    List<Question> questionsTagged(String tag, int count) {
        Member author = data.member("tagger");
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            questions.add(data.question(author, "Tagged " + tag + " " + i, tag));
        }
        return questions;
    }

    /** One more question than the tenth popular tag has, so a tag with that many enters the widget. */
    int enoughForTheTopTen() {
        List<StatsQueries.PopularTag> top = queries.popularTags();
        return top.size() < 10 ? 1 : (int) top.get(9).questions() + 1;
    }

    /** Reads what earlier tests left on the stream and refreshes, so that only this test's event marks a widget. */
    void startFromAFreshCache() {
        relay.drain();
        refresher.poll();
        refresher.refreshAll();
    }

    @Test
    void popularTagsChangeOnceTheJobReadTheQuestionsEvent() {
        startFromAFreshCache();
        String tag = "cached-" + System.nanoTime() % 1_000_000;
        questionsTagged(tag, enoughForTheTopTen());
        assertThat("served from the cache until the job ran", popularTagNames(), not(hasItem(tag)));
        assertThat("the page's widget as well", widgetOnThePage("popular-tags"), not(hasElement("a[href='/tag/" + tag + "']")));

        Member asker = data.member("asker");
        WebSession.loggedIn(asker.username).postForm("/ask", Map.of("title", "One more question about " + tag,
                "body", "Asked through the site, so an event says a question was asked.", "tags", tag))
                .then().statusCode(303);
        relay.drain();
        refresher.poll();

        assertThat(popularTagNames(), hasItem(tag));
        assertThat(widgetOnThePage("popular-tags"), hasElement("a[href='/tag/" + tag + "']"));
    }

    @Test
    void bestMembersChangeOnceTheJobReadTheVoteEvent() {
        startFromAFreshCache();
        Member star = data.member("star");
        Question question = data.question(star, "A question everybody likes");
        List<StatsQueries.BestMember> best = queries.bestMembers();
        long top = best.isEmpty() ? 0 : best.get(0).score();
        sql("UPDATE question SET rating = ?1 WHERE id = ?2", (int) top + 100, question.id);
        assertThat("served from the cache until the job ran", bestMemberNames(), not(hasItem(star.username)));
        assertThat("the page's widget as well", widgetOnThePage("best-members"),
                not(hasElement("a[href='/members/" + star.username + "']")));

        WebSession.loggedIn(data.member("fan").username)
                .postJson("/api/v1/questions/" + question.id + "/vote", Map.of("value", 1)).then().statusCode(200);
        relay.drain();
        refresher.poll();

        assertThat(bestMemberNames().stream().findFirst().orElse("(none)"), equalTo(star.username));
        assertThat(widgetOnThePage("best-members"), hasElement("a[href='/members/" + star.username + "']"));
    }

    @Test
    void onlyTheHolderOfTheLockRecomputes() {
        startFromAFreshCache();
        String tag = "locked-" + System.nanoTime() % 1_000_000;
        questionsTagged(tag, enoughForTheTopTen());
        // Another instance is recomputing: it holds the lock, which expires if that instance dies.
        locks.value(String.class).set(StatsRefresher.LOCK_KEY, "another-instance",
                new io.quarkus.redis.datasource.value.SetArgs().px(java.time.Duration.ofSeconds(30)));
        try {
            refresher.refreshAll();
            assertThat("no recompute without the lock", popularTagNames(), not(hasItem(tag)));
        } finally {
            locks.key().del(StatsRefresher.LOCK_KEY);
        }
        // The widget stayed marked: the next turn, with the lock free, recomputes it.
        refresher.poll();
        assertThat(popularTagNames(), hasItem(tag));
        assertThat("the lock is released after the recompute", locks.key().exists(StatsRefresher.LOCK_KEY),
                equalTo(false));
    }

    @Test
    void aMissIsComputedOnceForTwentyConcurrentRequests() throws Exception {
        redis.key().del(Widget.POPULAR_TAGS.cacheKey());
        long before = cache.computedCount(Widget.POPULAR_TAGS);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().get("/api/v1/stats/popular-tags").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(), equalTo(200));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat("one query for twenty requests", cache.computedCount(Widget.POPULAR_TAGS) - before, equalTo(1L));
        assertThat("and the cache filled", redis.key().exists(Widget.POPULAR_TAGS.cacheKey()), equalTo(true));
    }

    @Test
    void aStuckWidgetQueryDoesNotFailThePage() throws Exception {
        List<String> before = popularTagNames();
        redis.key().del(Widget.POPULAR_TAGS.cacheKey());
        try (Connection locker = dataSource.getConnection()) {
            // Another transaction holds question_tag (a migration, say): the widget's query waits for it.
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE question_tag IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            List<String> during = popularTagNames();
            long millis = (System.nanoTime() - started) / 1_000_000;
            locker.rollback();
            assertThat("the last value seen, instead of an error", during, equalTo(before));
            assertThat("within the query timeout, not for as long as the lock", millis < 10_000, equalTo(true));
        }
        WebSession.visitor().get("/").then().statusCode(200).body(hasElement("#popular-tags"));
    }

    @Test
    void aQuestionOlderThanThreeMonthsDoesNotCount() {
        String tag = "window-" + System.nanoTime() % 1_000_000;
        List<Question> questions = questionsTagged(tag, enoughForTheTopTen());
        List<Long> ids = questions.stream().map(q -> q.id).toList();
        sql("UPDATE question SET created_at = now() - interval '3 months 1 day' WHERE id = ANY(?1)",
                (Object) ids.toArray(Long[]::new));
        assertThat(queries.popularTags().stream().map(StatsQueries.PopularTag::name).toList(), not(hasItem(tag)));
        sql("UPDATE question SET created_at = now() - interval '3 months' + interval '1 day' WHERE id = ANY(?1)",
                (Object) ids.toArray(Long[]::new));
        assertThat(queries.popularTags().stream().map(StatsQueries.PopularTag::name).toList(), hasItem(tag));
    }

    @Test
    void aPostOlderThanSevenDaysDoesNotCount() {
        Member old = data.member("old-timer");
        Question question = data.question(old, "An old favourite");
        List<StatsQueries.BestMember> best = queries.bestMembers();
        long top = best.isEmpty() ? 0 : best.get(0).score();
        sql("UPDATE question SET rating = ?1, created_at = now() - interval '7 days 1 hour' WHERE id = ?2",
                (int) top + 100, question.id);
        assertThat(queries.bestMembers().stream().map(StatsQueries.BestMember::username).toList(),
                not(hasItem(old.username)));
        sql("UPDATE question SET created_at = now() - interval '7 days' + interval '1 hour' WHERE id = ?1",
                question.id);
        assertThat(queries.bestMembers().get(0).username(), equalTo(old.username));
    }
}
