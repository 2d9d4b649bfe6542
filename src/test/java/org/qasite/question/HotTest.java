package org.qasite.question;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/** "Hot" ranks by recent activity: fresh votes and answers outweigh a high score earned long ago. */
@QuarkusTest
class HotTest {

    @Inject
    TestData data;

    @Inject
    HotScores hot;

    @AfterEach
    void asBetweenTwoRecomputes() {
        // Other classes expect a question they just asked (score 1, its own asking) on the first page of /hot, as
        // it is between two scheduled recomputes; the scores computed here would push it down.
        data.execute("UPDATE question SET hot_score = 0 WHERE hot_score <> 0 AND created_at < now() - interval '1 second'");
    }

    static List<Long> hotIds(String path) {
        return Pages.document(given().get(path).then().statusCode(200).extract().response())
                .select("#questions [data-question-summary]").stream()
                .map(e -> Long.valueOf(e.attr("data-question-summary"))).toList();
    }

    void vote(Member voter, Question question, int value, String age) {
        data.execute("INSERT INTO question_vote (question_id, member_id, value, created_at)"
                + " VALUES (?1, ?2, ?3, now() - CAST(?4 AS interval))", question.id, voter.id, (short) value, age);
    }

    @Test
    void anOldQuestionWithAHighScoreRanksBelowARecentOneWithFreshActivity() {
        String tag = "hot" + System.nanoTime() % 100_000_000;
        Member author = data.member("asker");
        Question old = data.question(author, "A question asked months ago, much liked then", tag);
        data.execute("UPDATE question SET created_at = now() - interval '300 days', rating = 12 WHERE id = ?1", old.id);
        for (int i = 0; i < 12; i++) {
            vote(data.member("old-voter"), old, 1, "299 days");
        }
        Question lastWeek = data.question(author, "A question from six days ago with two votes then", tag);
        data.execute("UPDATE question SET created_at = now() - interval '6 days', rating = 2 WHERE id = ?1",
                lastWeek.id);
        vote(data.member("voter"), lastWeek, 1, "6 days");
        vote(data.member("voter"), lastWeek, 1, "6 days");
        Question fresh = data.question(author, "A question from today with an answer and a vote", tag);
        data.execute("UPDATE question SET created_at = now() - interval '3 hours', rating = 1 WHERE id = ?1", fresh.id);
        data.answer(data.member("answerer"), fresh, "An answer written just now to the fresh question.");
        vote(data.member("voter"), fresh, 1, "1 hour");

        hot.recompute();

        assertThat(hotIds("/tag/" + tag + "?sort=hot"), contains(fresh.id, lastWeek.id, old.id));
        // site-wide, other questions (other tests', demo data) may rank above it: it is on the page its score puts it
        long above = data.count("SELECT count(*) FROM question WHERE deleted_at IS NULL"
                + " AND hot_score > (SELECT hot_score FROM question WHERE id = ?1)", fresh.id);
        List<Long> site = hotIds("/hot?page=" + (above / 20 + 1));
        assertThat("on /hot", site.indexOf(fresh.id), greaterThan(-1));
        List<Integer> api = given().get("/api/v1/questions?sort=hot&tag=" + tag).then().statusCode(200).extract()
                .jsonPath().getList("items.id");
        assertThat(api, contains(fresh.id.intValue(), lastWeek.id.intValue(), old.id.intValue()));
        assertThat("the all-time order is the other way", old.id, lessThan(fresh.id));

        // the old question's score is nothing: its activity is older than the window
        assertThat(data.count("SELECT count(*) FROM question WHERE id = ?1 AND hot_score = 0", old.id),
                org.hamcrest.Matchers.equalTo(1L));
    }

    @Test
    void recentViewsCountAndFadeWithTime() {
        String tag = "hotv" + System.nanoTime() % 100_000_000;
        Member author = data.member("asker");
        Question viewed = data.question(author, "A question many people read today", tag);
        Question quiet = data.question(author, "A question nobody reads any more", tag);
        data.execute("UPDATE question SET created_at = now() - interval '2 days' WHERE id IN (?1, ?2)", viewed.id,
                quiet.id);
        data.execute("UPDATE question SET view_count = view_count + 200 WHERE id = ?1", viewed.id);

        hot.recompute();
        assertThat(hotIds("/tag/" + tag + "?sort=hot"), contains(viewed.id, quiet.id));

        // the same views, counted long ago: a day's half-lives later they weigh next to nothing
        data.execute("UPDATE question SET hot_at = now() - interval '20 days' WHERE id = ?1", viewed.id);
        data.execute("UPDATE question SET view_count = view_count + 1 WHERE id = ?1", quiet.id);
        hot.recompute();
        assertThat(hotIds("/tag/" + tag + "?sort=hot"), contains(quiet.id, viewed.id));
    }

    /** A quiet question only decays between two recomputes: its row is not written again for that. */
    @Test
    void aRecomputeWithNothingNewWritesNoRow() {
        String tag = "hotq" + System.nanoTime() % 100_000_000;
        Member author = data.member("asker");
        Question active = data.question(author, "A question with an answer and a vote today", tag);
        data.answer(data.member("answerer"), active, "An answer to the question with activity today.");
        vote(data.member("voter"), active, 1, "1 hour");
        Question viewed = data.question(author, "A question read a lot yesterday", tag);
        data.execute("UPDATE question SET created_at = now() - interval '1 day', view_count = view_count + 50"
                + " WHERE id = ?1", viewed.id);
        hot.recompute();
        String versions = "SELECT string_agg(xmin::text, ',' ORDER BY id) FROM question WHERE id IN (?1, ?2)";
        String before = data.text(versions, active.id, viewed.id);
        assertThat(data.count("SELECT count(*) FROM question WHERE id IN (?1, ?2) AND hot_score > 1", active.id,
                viewed.id), org.hamcrest.Matchers.equalTo(2L));

        hot.recompute();
        assertThat(data.text(versions, active.id, viewed.id), org.hamcrest.Matchers.equalTo(before));

        // something new is written
        data.execute("UPDATE question SET view_count = view_count + 10 WHERE id = ?1", viewed.id);
        String touched = data.text(versions, active.id, viewed.id);
        hot.recompute();
        assertThat(data.text(versions, active.id, viewed.id), org.hamcrest.Matchers.not(touched));
    }
}
