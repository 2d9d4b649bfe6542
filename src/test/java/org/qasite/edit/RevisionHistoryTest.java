package org.qasite.edit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class RevisionHistoryTest {

    @Inject
    TestData data;

    Member author;
    Question question;
    WebSession session;

    @BeforeEach
    void setUp() {
        author = data.member("historian");
        question = data.question(author, "What does the history of a question show?", "history");
        session = WebSession.loggedIn(author.username);
    }

    void edit(String title, String body, String tags, int revision) {
        session.postForm("/questions/" + question.id + "/edit",
                Map.of("title", title, "body", body, "tags", tags, "revision", String.valueOf(revision))).then()
                .statusCode(303);
    }

    @Test
    void aQuestionNeverEditedHasOneRevision() {
        Document page = Pages.document(WebSession.visitor().get("/questions/" + question.id + "/revisions").then()
                .statusCode(200).extract().asString());
        assertThat(page.select("[data-revision]").eachAttr("data-revision"), contains("1"));
        assertThat(Pages.one(page, "[data-revision=1] [data-revision-title]").text(), equalTo(question.title));
        assertThat(page.select("[data-revision] ins, [data-revision] del").size(), equalTo(0));
        assertThat(page.select("[data-rollback-form]").size(), equalTo(0));
    }

    @Test
    void eachRevisionShowsItsDifferencesNewestFirstAndTheAuthorCanRollBack() {
        edit("What does the whole history of a question show?", "A new body with <script>alert(1)</script> in it.",
                "history revisions", 1);
        edit("What does the whole history of a question show?", "A newer body with <script>alert(1)</script> in it.",
                "history revisions", 2);

        Document page = Pages.document(session.get("/questions/" + question.id + "/revisions").then().statusCode(200)
                .extract().asString());
        assertThat(page.select("[data-revision]").eachAttr("data-revision"), contains("3", "2", "1"));
        Element second = Pages.one(page, "[data-revision=2]");
        assertThat(Pages.one(second, "[data-revision-title] ins").text(), equalTo("whole"));
        assertThat(Pages.one(second, "[data-revision-tags] ins").text(), equalTo("revisions"));
        assertThat(second.select("[data-revision-body] ins").text(), containsString("<script>alert(1)</script>"));
        assertThat("member text is never markup", page.select("[data-revision-body] script").size(), equalTo(0));
        assertThat(Pages.one(page, "[data-revision=3] [data-revision-body] ins").text(), equalTo("newer"));
        assertThat(Pages.one(page, "[data-revision=3] [data-revision-body] del").text(), equalTo("new"));
        assertThat(Pages.one(page, "[data-revision=3]").select("[data-current-revision]").size(), equalTo(1));
        assertThat(page.select("[data-revision=3] [data-rollback-form]").size(), equalTo(0));
        Element rollback = Pages.one(page, "[data-revision=1] form[data-rollback-form]");
        assertThat(rollback.attr("action"), equalTo("/questions/" + question.id + "/revisions/1/rollback"));
        assertThat(rollback.select("input[name=csrf-token]").size(), equalTo(1));
        WebSession.visitor().get("/questions/" + question.id + "/revisions").then()
                .body(not(hasElement("[data-rollback-form]")), hasElement("[data-revision=1]"));

        Response rolledBack = session.postForm("/questions/" + question.id + "/revisions/1/rollback",
                Map.of("revision", "3"));
        rolledBack.then().statusCode(303).header("Location", containsString(question.path()));
        assertThat(data.text("SELECT title || '|' || body FROM question WHERE id = ?1", question.id),
                equalTo(question.title + "|" + question.body));
        assertThat(data.text("SELECT summary || '|' || rollback_of FROM question_revision WHERE question_id = ?1 AND"
                + " revision = 4", question.id), equalTo("Rolled back to revision 1|1"));
        assertThat(data.count("SELECT count(*) FROM question_tag qt JOIN tag t ON t.id = qt.tag_id WHERE qt.question_id"
                + " = ?1", question.id), equalTo(1L));
        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'question.edited' AND (payload->>'questionId')"
                + "::bigint = ?1 AND (payload->>'revision')::int = 4", question.id), equalTo(1L));
        session.get("/questions/" + question.id + "/revisions").then()
                .body(hasElement("[data-revision=4] [data-revision-summary]", containsString("Rolled back to revision 1")));
    }

    @Test
    void rollbackRefusals() {
        edit("What does the whole history of a question show?", question.body, "history", 1);
        WebSession other = WebSession.loggedIn(data.member("vandal").username);
        other.postForm("/questions/" + question.id + "/revisions/1/rollback", Map.of("revision", "2")).then()
                .statusCode(403).body(hasErrorMessage(equalTo("Only the author of this question can edit it.")));
        WebSession.visitor().postForm("/questions/" + question.id + "/revisions/1/rollback", Map.of("revision", "2"))
                .then().statusCode(303).header("Location", containsString("/login"));
        session.postForm("/questions/" + question.id + "/revisions/1/rollback", Map.of("revision", "1")).then()
                .statusCode(409).body(hasErrorMessage(containsString("Someone else edited this question")));
        session.postForm("/questions/" + question.id + "/revisions/2/rollback", Map.of("revision", "2")).then()
                .statusCode(400).body(hasErrorMessage(containsString("Nothing changed")));
        session.postForm("/questions/" + question.id + "/revisions/7/rollback", Map.of("revision", "2")).then()
                .statusCode(404);
        assertThat(data.count("SELECT revision FROM question WHERE id = ?1", question.id), equalTo(2L));
    }

    @Test
    void aDeletedPostsHistoryIsItsAuthorsAlone() {
        Answer answer = data.answer(author, question, "An answer that will be deleted.");
        data.execute("UPDATE answer SET deleted_at = now(), deleted_by = ?1 WHERE id = ?2", author.id, answer.id);
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = ?1 WHERE id = ?2", author.id, question.id);
        WebSession.visitor().get("/questions/" + question.id + "/revisions").then().statusCode(404);
        WebSession.visitor().get("/answers/" + answer.id + "/revisions").then().statusCode(404);
        WebSession.visitor().get("/api/v1/answers/" + answer.id + "/revisions").then().statusCode(404);
        session.get("/questions/" + question.id + "/revisions").then().statusCode(200)
                .body(hasElement("[data-revision=1]"));
        session.get("/answers/" + answer.id + "/revisions").then().statusCode(200)
                .body(hasElement("[data-revision=1] [data-revision-body]", equalTo("An answer that will be deleted.")));
    }

    @Test
    void anAnswersHistoryAndRollback() {
        Answer answer = data.answer(author, question, "The answer as first written.");
        session.postForm("/answers/" + answer.id + "/edit", Map.of("body", "The answer as rewritten.", "revision", "1"))
                .then().statusCode(303);
        Document page = Pages.document(WebSession.visitor().get("/answers/" + answer.id + "/revisions").asString());
        assertThat(page.select("[data-revision]").eachAttr("data-revision"), contains("2", "1"));
        assertThat(Pages.one(page, "[data-revision=2] [data-revision-body] ins").text(), equalTo("rewritten"));
        assertThat(Pages.one(page, "[data-revision=2] [data-revision-body] del").text(), equalTo("first written"));
        session.postForm("/answers/" + answer.id + "/revisions/1/rollback", Map.of("revision", "2", "summary",
                "The first was better")).then().statusCode(303)
                .header("Location", containsString("#answer-" + answer.id));
        assertThat(data.text("SELECT body FROM answer WHERE id = ?1", answer.id), equalTo("The answer as first written."));
        assertThat(data.text("SELECT summary FROM answer_revision WHERE answer_id = ?1 AND revision = 3", answer.id),
                equalTo("The first was better"));
    }
}
