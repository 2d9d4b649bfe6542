package org.qasite.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/** /users lists the members with what they did; a profile pages their questions and their answers apart. */
@QuarkusTest
class MemberListTest {

    @Inject
    TestData data;

    static Document page(String path) {
        return Pages.document(given().get(path).then().statusCode(200).extract().response());
    }

    static List<String> usernames(Document page) {
        return page.select("#user-list [data-member]").eachAttr("data-member");
    }

    @Test
    void eachMemberShowsWhatTheyPostedAndEarnedAndDeletedAccountsAreLeftOut() {
        String prefix = "ul" + System.nanoTime() % 100_000_000;
        Member busy = data.member(prefix + "a");
        Member gone = data.member(prefix + "b");
        Question question = data.question(busy, "A question by a busy member");
        data.execute("UPDATE question SET rating = 4 WHERE id = ?1", question.id);
        Answer answer = data.answer(busy, data.question(gone, "A question by a member who left"), "An answer to it.");
        data.execute("UPDATE answer SET rating = 2 WHERE id = ?1", answer.id);
        data.execute("UPDATE member SET deleted_at = now(), email = NULL, password_hash = NULL, avatar_hash = NULL"
                + " WHERE id = ?1", gone.id);

        Document page = page("/users?q=" + prefix.toUpperCase());
        assertThat(usernames(page), contains(busy.username));
        Element row = Pages.one(page, "[data-member='" + busy.username + "']");
        assertThat(row, hasElement("[data-member-rating]", equalTo("6 rating")));
        assertThat(row, hasElement("[data-member-questions]", equalTo("1 question")));
        assertThat(row, hasElement("[data-member-answers]", equalTo("1 answer")));
        assertThat(row, hasElement("a[href='/members/" + busy.username + "']"));
        assertThat(row.select("time"), hasSize(2));

        assertThat(usernames(page("/users?q=%25" + prefix)), hasSize(0));
        assertThat(page("/users?q=" + prefix + "zz"), hasElement("#users-empty", containsString(prefix + "zz")));
        given().get("/users?page=100000").then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no page 100000")));
    }

    @Test
    void theListIsPaged() {
        String prefix = "up" + System.nanoTime() % 100_000_000;
        for (int i = 0; i <= MemberListResource.MEMBERS_PER_PAGE; i++) {
            data.member(prefix);
        }
        assertThat(usernames(page("/users?q=" + prefix)), hasSize(MemberListResource.MEMBERS_PER_PAGE));
        Document second = page("/users?q=" + prefix + "&page=2");
        assertThat(usernames(second), hasSize(1));
        assertThat(Pages.one(second, "a[rel=prev]").attr("href"), equalTo("/users?page=1&q=" + prefix));
    }

    @Test
    void aProfilePagesItsQuestionsAndItsAnswersEachOnItsOwn() {
        Member member = data.member("prolific");
        Question theirs = null;
        for (int i = 0; i <= ProfileResource.POSTS_PER_PAGE; i++) {
            theirs = data.question(member, "Question number " + i + " of a prolific member");
        }
        data.answer(member, theirs, "Their only answer, to their own question.");
        String profile = "/members/" + member.username;

        Document first = page(profile);
        assertThat(first.select("#member-questions [data-question-id]"), hasSize(ProfileResource.POSTS_PER_PAGE));
        assertThat(first.select("#member-answers [data-answer-link]"), hasSize(1));
        assertThat(Pages.one(first, "#member-questions a[rel=next]").attr("href"),
                equalTo(profile + "?page=2&tab=questions"));
        assertThat("one page of answers: no pager", first.select("#member-answers .pagination"), hasSize(0));

        Document second = page(profile + "?tab=questions&page=2");
        assertThat(second.select("#member-questions [data-question-id]"), hasSize(1));
        assertThat("the answers stay on their first page", second.select("#member-answers [data-answer-link]"),
                hasSize(1));
        assertThat(page(profile + "?tab=answers&page=1").select("#member-questions [data-question-id]"),
                hasSize(ProfileResource.POSTS_PER_PAGE));
        given().get(profile + "?tab=answers&page=2").then().statusCode(404)
                .body(hasErrorMessage(containsString("There is no page 2")));
        given().get(profile + "?page=3").then().statusCode(404);
        given().get(profile + "?page=0").then().statusCode(404);
    }
}
