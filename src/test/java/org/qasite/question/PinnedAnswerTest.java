package org.qasite.question;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The best answer at a glance: on a question's first page, the accepted answer (or the top-voted one) pinned above
 * the newest-first list when that page does not show it.
 */
@QuarkusTest
class PinnedAnswerTest {

    @Inject
    TestData data;

    /** A question with one more answer than a page holds: the first of them, the oldest, is on page 2. */
    List<Answer> questionWithTwoPages(Question question) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i <= QuestionResource.ANSWERS_PER_PAGE; i++) {
            answers.add(data.answer(data.member("answerer"), question, "Answer number " + i + " to the question."));
            data.execute("UPDATE answer SET created_at = now() - make_interval(mins => ?1) WHERE id = ?2",
                    100 - i, answers.get(i).id);
        }
        return answers;
    }

    static Document page(String path) {
        return Pages.document(given().get(path).then().statusCode(200).extract().response());
    }

    static void noDuplicateIds(Document page) {
        List<String> ids = page.select("[id]").eachAttr("id");
        assertThat("ids are unique", new HashSet<>(ids).size(), equalTo(ids.size()));
    }

    @Test
    void anAcceptedAnswerOnALaterPageIsPinnedOnTheFirst() {
        Question question = data.question(data.member("asker"), "Which answer was accepted, and where is it?");
        List<Answer> answers = questionWithTwoPages(question);
        Answer oldest = answers.get(0);
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", oldest.id, question.id);

        Document first = page("/questions/" + question.id);
        Element pinned = Pages.one(first, "#pinned-answer");
        assertThat(pinned.attr("data-pinned-answer"), equalTo(oldest.id.toString()));
        assertThat(pinned, hasElement("h3", equalTo("✓Accepted answer")));
        assertThat(pinned, hasElement(".post-body", equalTo("Answer number 0 to the question.")));
        assertThat(pinned, hasElement("a[href='/answers/" + oldest.id + "']"));
        assertThat("the list stays newest first, without it", first.select("#answers [data-answer-id]").eachAttr(
                "data-answer-id").get(0), equalTo(answers.get(answers.size() - 1).id.toString()));
        assertThat(first.select("[data-answer-id='" + oldest.id + "']"), hasSize(0));
        assertThat("the pinned block replaces the small link", first.select("[data-accepted-link]"), hasSize(0));
        assertThat("the pinned copy has no forms", pinned.select("form, [data-vote-for]"), hasSize(0));
        noDuplicateIds(first);

        Document second = page("/questions/" + question.id + "?page=2");
        assertThat(second.select("#pinned-answer"), hasSize(0));
        assertThat(second, hasElement("#answers [data-answer-id='" + oldest.id + "']"));
    }

    @Test
    void anAcceptedAnswerOnThePageIsNotRepeated() {
        Question question = data.question(data.member("asker"), "An accepted answer that is on the first page");
        List<Answer> answers = questionWithTwoPages(question);
        Answer newest = answers.get(answers.size() - 1);
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", newest.id, question.id);

        Document first = page("/questions/" + question.id);
        assertThat(first.select("#pinned-answer"), hasSize(0));
        assertThat(first.select("[data-answer-id='" + newest.id + "']"), hasSize(1));
        assertThat(first.select(".post-body:contains(Answer number " + (answers.size() - 1) + " to)"), hasSize(1));
        noDuplicateIds(first);
    }

    @Test
    void withoutAnAcceptedAnswerTheTopVotedOneWithAPositiveScoreIsPinned() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Nothing accepted, but one answer is liked");
        List<Answer> answers = questionWithTwoPages(question);
        page("/questions/" + question.id); // nothing voted yet
        assertThat(page("/questions/" + question.id).select("#pinned-answer"), hasSize(0));

        data.execute("UPDATE answer SET rating = 3 WHERE id = ?1", answers.get(0).id);
        data.execute("UPDATE answer SET rating = -2 WHERE id = ?1", answers.get(1).id);
        Element pinned = Pages.one(page("/questions/" + question.id), "#pinned-answer");
        assertThat(pinned.attr("data-pinned-answer"), equalTo(answers.get(0).id.toString()));
        assertThat(pinned, hasElement("h3", equalTo("Top-voted answer")));
        assertThat(pinned, hasElement("[data-pinned-score]", equalTo("+3 votes")));

        // deleted, it is pinned no more
        data.execute("UPDATE answer SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", answers.get(0).id);
        data.execute("UPDATE question SET answer_count = answer_count - 1 WHERE id = ?1", question.id);
        assertThat(page("/questions/" + question.id), not(hasElement("#pinned-answer")));
        assertThat(page("/questions/" + question.id), hasElement("#answers", containsString("Answer number 1")));
    }
}
