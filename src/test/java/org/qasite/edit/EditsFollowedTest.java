package org.qasite.edit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.events.OutboxRelay;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.stats.StatsQueries;
import org.qasite.stats.StatsRefresher;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** The right column and search follow an edit: new tags count for their tags, new words are found, old ones not. */
@QuarkusTest
class EditsFollowedTest {

    @Inject
    TestData data;

    @Inject
    StatsQueries stats;

    @Inject
    StatsRefresher refresher;

    @Inject
    OutboxRelay relay;

    static int popularTagCount(String tag) {
        List<Map<String, Object>> tags = given().get("/api/v1/stats/popular-tags").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return tags.stream().filter(t -> tag.equals(t.get("name"))).mapToInt(t -> (Integer) t.get("questions"))
                .findFirst().orElse(0);
    }

    static List<Integer> searchIds(String words) {
        return given().queryParam("q", words).get("/api/v1/search/suggest").then().statusCode(200).extract().jsonPath()
                .getList("id");
    }

    @Test
    void anEditOfTheTagsAndTheTitleMovesTheQuestionInTheRightColumnAndInSearch() {
        Member author = data.member("retagger");
        String before = "was-" + System.nanoTime() % 1_000_000;
        String after = "now-" + System.nanoTime() % 1_000_000;
        String oldWord = "zqoldword" + System.nanoTime() % 1_000_000;
        String newWord = "zqnewword" + System.nanoTime() % 1_000_000;
        // Enough questions for both tags to be among the ten popular ones, whatever earlier tests left.
        List<StatsQueries.PopularTag> top = stats.popularTags();
        int many = Math.max(3, top.size() < 10 ? 0 : (int) top.get(9).questions() + 2);
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            questions.add(data.question(author, "Retagged question " + i + " " + oldWord, before));
            data.question(author, "Question " + i + " that stays with its tag", after);
        }
        relay.drain();
        refresher.poll();
        refresher.refreshAll();
        assertThat(popularTagCount(before), equalTo(many));
        assertThat(popularTagCount(after), equalTo(many));
        Question moved = questions.get(0);
        assertThat(searchIds(oldWord), hasItem(moved.id.intValue()));

        WebSession.loggedIn(author.username).request().contentType("application/json")
                .body(Map.of("title", "Retagged question 0 " + newWord, "body",
                        "The body of the question, long enough to be one.", "tags", List.of(after)))
                .put("/api/v1/questions/" + moved.id).then().statusCode(200);

        // The stats group reads the edit's event and recomputes the popular tags, as its schedule would.
        relay.drain();
        refresher.poll();
        assertThat(popularTagCount(before), equalTo(many - 1));
        assertThat(popularTagCount(after), equalTo(many + 1));
        assertThat("the new title is found", searchIds(newWord), hasItem(moved.id.intValue()));
        assertThat("the old title is not", searchIds(oldWord), not(hasItem(moved.id.intValue())));
    }
}
