package org.qasite.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasText;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.InboxRows;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The row of a deleted account keeps "deleted member" in English; each reader sees that name in their own language
 * beside the posts, comments and edits it leaves.
 */
@QuarkusTest
class DeletedMemberNameTest {

    static final String RUSSIAN_NAME = "удалённый участник";

    @Inject
    TestData data;

    @Inject
    InboxRows inbox;

    @Test
    void aDeletedMembersPostsAreNamedInTheReadersLanguage() {
        Member leaver = data.member("leaver-words");
        Member other = data.member("stayer-words");
        Question own = data.question(leaver, "A question whose author leaves in the end");
        Question others = data.question(other, "A question the leaver answers and edits");
        WebSession session = WebSession.loggedIn(leaver.username);
        session.postForm("/questions/" + others.id + "/answers", Map.of("body", "An answer by someone who leaves."))
                .then().statusCode(303);
        session.postForm("/questions/" + others.id + "/comments", Map.of("body", "A comment by someone who leaves."))
                .then().statusCode(303);
        // an edit by the leaver, as the revision line shows it
        data.execute("UPDATE question SET edited_by = ?1, edited_at = now() WHERE id = ?2", leaver.id, others.id);
        AccountDeletionTest.delete(session, TestData.PASSWORD).then().statusCode(303);

        // stored as before
        assertThat(data.text("SELECT display_name FROM member WHERE id = ?1", leaver.id), equalTo("deleted member"));

        Element russian = Pages.document(given().header("Accept-Language", "ru").get(others.path()).then()
                .statusCode(200).extract().response());
        // the answer's author, the comment's author
        assertThat(names(russian), hasSize(2));
        assertThat(names(russian), everyItem(equalTo(RUSSIAN_NAME)));
        assertThat(russian.select("[data-revisions-for^=question-]").text(), containsString(RUSSIAN_NAME));
        assertThat(russian, not(hasText(containsString("deleted member"))));
        given().header("Accept-Language", "ru").get(own.path()).then().statusCode(200)
                .body(hasElement("[data-deleted-author]", equalTo(RUSSIAN_NAME)));
        given().header("Accept-Language", "ru").get("/search?q=leaves").then().statusCode(200)
                .body(hasElement("[data-deleted-author]", equalTo(RUSSIAN_NAME)));

        String feed = given().header("Accept-Language", "ru").get("/feeds/questions/" + others.id).then()
                .statusCode(200).extract().asString();
        assertThat(feed, containsString("<name>" + RUSSIAN_NAME + "</name>"));
        assertThat(feed, containsString("» — " + RUSSIAN_NAME + "</title>"));

        // a member who reads in Russian by their setting, on a page with forms
        Member reader = data.member("reader-ru");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", reader.id);
        WebSession.loggedIn(reader.username).get(others.path()).then().statusCode(200)
                .body(hasElement("#answer-" + answerOf(leaver) + " [data-deleted-author]", equalTo(RUSSIAN_NAME)));

        // the asker's inbox names who answered in the asker's language
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", other.id);
        inbox.make(other, "answer", others.id, answerOf(leaver), null, leaver, Instant.now());
        WebSession.loggedIn(other.username).get("/notifications").then().statusCode(200)
                .body(hasElement(".notification-actor", equalTo(RUSSIAN_NAME)));

        // English is unchanged
        Element english = Pages.document(given().header("Accept-Language", "en").get(others.path()).then()
                .statusCode(200).extract().response());
        assertThat(names(english), hasSize(2));
        assertThat(names(english), everyItem(equalTo("deleted member")));
        assertThat(english.select("[data-revisions-for^=question-]").text(), containsString("deleted member"));
    }

    private long answerOf(Member author) {
        return data.count("SELECT max(id) FROM answer WHERE author_id = ?1", author.id);
    }

    private static List<String> names(Element page) {
        return page.select("[data-deleted-author]").eachText();
    }
}
