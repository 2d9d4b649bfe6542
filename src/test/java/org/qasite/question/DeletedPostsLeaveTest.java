package org.qasite.question;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.events.OutboxRelay;
import org.qasite.member.Member;
import org.qasite.stats.StatsQueries;
import org.qasite.stats.StatsRefresher;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** A deleted post leaves every page, list, count, search and figure, and undeleting it brings it all back. */
@QuarkusTest
class DeletedPostsLeaveTest {

    @Inject
    TestData data;

    @Inject
    StatsQueries stats;

    @Inject
    StatsRefresher refresher;

    @Inject
    OutboxRelay relay;

    /** Where a question is listed, each checked for a link to it. */
    static List<String> listings(Member author, String tag, String word) {
        return List.of("/", "/hot", "/tag/" + tag, "/members/" + author.username, "/search?q=" + word);
    }

    static void assertListed(String page, long questionId, boolean listed) {
        var html = WebSession.visitor().get(page).then().statusCode(200);
        // the canonical address, /questions/{id}/{slug}
        html.body(listed ? hasElement("a[href^='/questions/" + questionId + "/']")
                : not(hasElement("a[href^='/questions/" + questionId + "/']")));
    }

    static List<Integer> apiListIds(String query) {
        return given().get("/api/v1/questions" + query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    static int popularTagCount(String tag) {
        List<Map<String, Object>> tags = given().get("/api/v1/stats/popular-tags").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return tags.stream().filter(t -> tag.equals(t.get("name"))).mapToInt(t -> (Integer) t.get("questions"))
                .findFirst().orElse(0);
    }

    static List<String> bestMembers() {
        return given().get("/api/v1/stats/best-members").then().statusCode(200).extract().jsonPath().getList("username");
    }

    /** Publishes what the site wrote and lets the stats group read it, as its schedule would. */
    void statsConsumerRan() {
        relay.drain();
        refresher.poll();
    }

    @Test
    void aDeletedQuestionLeavesListsSearchTheApiAndTheRightColumn() {
        Member author = data.member("leaver");
        Member star = data.member("leaving-star"); // the deleted question is all they wrote
        String word = "zqdeleted" + System.nanoTime() % 1_000_000;
        String tag = "gone-" + System.nanoTime() % 1_000_000;
        List<StatsQueries.PopularTag> top = stats.popularTags();
        int many = Math.max(3, top.size() < 10 ? 0 : (int) top.get(9).questions() + 2);
        List<Question> tagged = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            tagged.add(data.question(i == many - 1 ? star : author, "Question " + i + " about " + word, tag));
        }
        Question question = tagged.get(many - 1); // the newest: first in every list
        List<StatsQueries.BestMember> best = stats.bestMembers();
        long topScore = best.isEmpty() ? 0 : best.get(0).score();
        data.execute("UPDATE question SET rating = ?1 WHERE id = ?2", (int) topScore + 1_000_000, question.id);
        statsConsumerRan();
        refresher.refreshAll();
        assertThat(popularTagCount(tag), equalTo(many));
        assertThat(bestMembers(), hasItem(star.username));
        for (String page : listings(star, tag, word)) {
            assertListed(page, question.id, true);
        }

        WebSession.loggedIn(star.username).request().delete("/api/v1/questions/" + question.id).then().statusCode(204);

        for (String page : listings(star, tag, word)) {
            assertListed(page, question.id, false);
        }
        WebSession.visitor().get("/members/" + star.username).then()
                .body(hasElement("main", containsString("0 questions")));
        given().queryParam("q", "question " + (many - 1) + " about " + word).get("/api/v1/search/suggest").then()
                .statusCode(200)
                .body("size()", equalTo(0));
        assertThat(apiListIds(""), not(hasItem(question.id.intValue())));
        assertThat(apiListIds("?sort=hot"), not(hasItem(question.id.intValue())));
        given().get("/api/v1/questions?tag=" + tag).then().statusCode(200).body("total", equalTo(many - 1));
        given().get("/api/v1/questions/" + question.id + "/answers").then().statusCode(404);
        WebSession.visitor().get(question.path()).then().statusCode(404);
        statsConsumerRan();
        assertThat("the question's event had the figures recomputed", popularTagCount(tag), equalTo(many - 1));
        assertThat(bestMembers(), not(hasItem(star.username)));

        WebSession.loggedIn(star.username).postJson("/api/v1/questions/" + question.id + "/undelete", Map.of()).then()
                .statusCode(204);
        for (String page : listings(star, tag, word)) {
            assertListed(page, question.id, true);
        }
        given().queryParam("q", "question " + (many - 1) + " about " + word).get("/api/v1/search/suggest").then()
                .statusCode(200)
                .body("[0].id", equalTo(question.id.intValue()));
        statsConsumerRan();
        assertThat(popularTagCount(tag), equalTo(many));
        assertThat(bestMembers(), hasItem(star.username));
    }

    @Test
    void aDeletedAnswerLeavesItsQuestionTheCountsAndTheProfileButItsAuthorStillSeesIt() {
        Member asker = data.member("leave-asker");
        Member answerer = data.member("leave-answerer");
        Question question = data.question(asker, "Which answers stay on the page?");
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < QuestionResource.ANSWERS_PER_PAGE + 1; i++) {
            answers.add(data.answer(i == 0 ? answerer : data.member("leave-other"), question, "Answer number " + i + "."));
        }
        Answer oldest = answers.get(0); // newest first: alone on the second page
        WebSession.loggedIn(answerer.username).request().delete("/api/v1/answers/" + oldest.id).then().statusCode(204);

        String selector = "[data-answer-id='" + oldest.id + "']";
        WebSession visitor = WebSession.visitor();
        visitor.get(question.path()).then().statusCode(200)
                .body(hasElement("[data-answer-count]", equalTo("" + QuestionResource.ANSWERS_PER_PAGE)))
                .body(not(hasElement("a[href='" + question.path() + "?page=2']")));
        visitor.get(question.path() + "?page=2").then().body(not(hasElement(selector)));
        given().get("/api/v1/questions/" + question.id + "/answers").then().statusCode(200)
                .body("total", equalTo(QuestionResource.ANSWERS_PER_PAGE)).body("pages", equalTo(1))
                .body("items.id", not(hasItem(oldest.id.intValue())));
        given().get("/api/v1/questions/" + question.id + "/answers?after=0").then().statusCode(200)
                .body("items.id", not(hasItem(oldest.id.intValue())));
        given().get("/api/v1/questions/" + question.id).then().body("answerCount",
                equalTo(QuestionResource.ANSWERS_PER_PAGE));
        visitor.get("/members/" + answerer.username).then()
                .body(not(hasElement("a[href='/answers/" + oldest.id + "']")))
                .body(hasElement("main", containsString("0 answers")));

        // its author: the answer in its place, on the second page, marked and with Undelete
        WebSession author = WebSession.loggedIn(answerer.username);
        author.get("/answers/" + oldest.id).then().statusCode(303)
                .header("Location", containsString(question.path() + "?page=2#answer-" + oldest.id));
        author.get(question.path() + "?page=2").then().statusCode(200)
                .body(hasElement(selector + " [data-undelete-for='answer-" + oldest.id + "']"));

        author.postJson("/api/v1/answers/" + oldest.id + "/undelete", Map.of()).then().statusCode(204);
        visitor.get(question.path() + "?page=2").then().body(hasElement(selector))
                .body(not(hasElement("[data-deleted-for]")));
        visitor.get("/members/" + answerer.username).then().body(hasElement("a[href='/answers/" + oldest.id + "']"));
    }
}
