package org.qasite.edit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AnswerEditTest {

    @Inject
    TestData data;

    Member author;
    Question question;
    Answer answer;
    WebSession session;

    @BeforeEach
    void setUp() {
        author = data.member("answer-editor");
        question = data.question(data.member("asker"), "Where do edited answers show up?");
        answer = data.answer(author, question, "The first words of this answer.");
        session = WebSession.loggedIn(author.username);
    }

    long revision() {
        return data.count("SELECT revision FROM answer WHERE id = ?1", answer.id);
    }

    long rows() {
        return data.count("SELECT count(*) FROM answer_revision WHERE answer_id = ?1", answer.id);
    }

    long events() {
        return data.count("SELECT count(*) FROM outbox WHERE type = 'answer.edited' AND (payload->>'answerId')::bigint = ?1",
                answer.id);
    }

    @Test
    void theAuthorEditsAndThePageShowsTheNewTextAtOnce() {
        String hook = "[data-answer-id=" + answer.id + "]";
        // rendered (and kept) before the edit: the page after it must not show the kept fragment
        session.get(question.path()).then().body(hasElement(hook + " .post-body",
                equalTo("The first words of this answer.")), not(hasElement(hook + " [data-revisions-for]")));
        WebSession.visitor().get(question.path()).then().statusCode(200);

        session.get("/answers/" + answer.id + "/edit").then().statusCode(200)
                .body(hasField("body", equalTo("The first words of this answer.")), hasField("revision", equalTo("1")),
                        hasField("summary", equalTo("")));
        Response saved = session.postForm("/answers/" + answer.id + "/edit",
                Map.of("body", "The **better** words of this answer.", "summary", "Bold", "revision", "1"));
        saved.then().statusCode(303);
        assertThat(saved.header("Location"), endsWith(question.path() + "#answer-" + answer.id));
        assertThat(revision(), equalTo(2L));
        assertThat(rows(), equalTo(2L));
        assertThat(data.text("SELECT body FROM answer_revision WHERE answer_id = ?1 AND revision = 1", answer.id),
                equalTo("The first words of this answer."));
        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'answer.edited' AND (payload->>'answerId')::bigint"
                + " = ?1 AND (payload->>'questionId')::bigint = ?2 AND (payload->>'revision')::int = 2", answer.id,
                question.id), equalTo(1L));

        session.get(question.path()).then()
                .body(hasText(containsString("Your edit is saved.")),
                        hasElement(hook + " .post-body strong", equalTo("better")),
                        hasElement(hook + " [data-edit-for=answer-" + answer.id + "][href='/answers/" + answer.id + "/edit']"),
                        hasElement(hook + " a[data-revisions-for=answer-" + answer.id + "][href='/answers/" + answer.id
                                + "/revisions']", equalTo("edited just now by " + author.displayName)));
        WebSession.visitor().get(question.path()).then()
                .body(hasElement(hook + " .post-body strong", equalTo("better")),
                        not(hasElement("[data-edit-for=answer-" + answer.id + "]")),
                        hasElement(hook + " [data-revisions-for=answer-" + answer.id + "]"));
        WebSession.loggedIn(data.member("other").username).get(question.path()).then()
                .body(not(hasElement("[data-edit-for=answer-" + answer.id + "]")));
    }

    @Test
    void refusalsLeaveTheAnswerAsItWas() {
        WebSession other = WebSession.loggedIn(data.member("stranger").username);
        other.get("/answers/" + answer.id + "/edit").then().statusCode(403)
                .body(hasErrorMessage(equalTo("Only the author of this answer can edit it.")));
        other.postForm("/answers/" + answer.id + "/edit", Map.of("body", "Someone else's words.", "revision", "1"))
                .then().statusCode(403);
        WebSession.visitor().postForm("/answers/" + answer.id + "/edit", Map.of("body", "A visitor's words."))
                .then().statusCode(303).header("Location", containsString("/login"));
        session.postForm("/answers/" + answer.id + "/edit", Map.of("body", " ", "summary", "kept", "revision", "1"))
                .then().statusCode(400).body(hasElement("#body-error", equalTo("Write your answer.")),
                        hasField("summary", equalTo("kept")));
        session.postForm("/answers/" + answer.id + "/edit", Map.of("body", "x".repeat(30_001), "revision", "1"))
                .then().statusCode(400)
                .body(hasElement("#body-error", equalTo("The answer must be 2 to 30000 characters long.")));
        session.postForm("/answers/" + answer.id + "/edit",
                Map.of("body", "The first words of this answer.", "revision", "1")).then().statusCode(400)
                .body(hasText(containsString("Nothing changed")));
        session.get("/answers/999999999/edit").then().statusCode(404);
        data.execute("UPDATE answer SET deleted_at = now(), deleted_by = ?1 WHERE id = ?2", author.id, answer.id);
        session.postForm("/answers/" + answer.id + "/edit", Map.of("body", "Words for a deleted answer.", "revision", "1"))
                .then().statusCode(409).body(hasErrorMessage(equalTo("This answer was deleted; undelete it first.")));
        assertThat(revision(), equalTo(1L));
        assertThat(rows(), equalTo(0L));
        assertThat(events(), equalTo(0L));
    }

    @Test
    void anAnswerToADeletedQuestionIsNotEdited() {
        data.execute("UPDATE question SET deleted_at = now() WHERE id = ?1", question.id);
        String message = "The question of this answer was deleted: its answers cannot be edited.";
        session.get("/answers/" + answer.id + "/edit").then().statusCode(409).body(hasErrorMessage(equalTo(message)));
        session.postForm("/answers/" + answer.id + "/edit", Map.of("body", "Words for a deleted question.")).then()
                .statusCode(409).body(hasErrorMessage(equalTo(message)));
        assertThat(revision(), equalTo(1L));
    }

    @Test
    void aConflictShowsTheOtherEditAndKeepsMyText() {
        session.postForm("/answers/" + answer.id + "/edit",
                Map.of("body", "The first words of this answer, and a second thought.", "revision", "1")).then()
                .statusCode(303);
        session.postForm("/answers/" + answer.id + "/edit",
                Map.of("body", "My own rewrite of the answer.", "revision", "1")).then().statusCode(409)
                .body(hasField("body", equalTo("My own rewrite of the answer.")), hasField("revision", equalTo("2")),
                        hasElement("[data-edit-conflict] ins", containsString("second thought")),
                        hasElement("[role=alert]", containsString("Nothing was saved")));
        assertThat(revision(), equalTo(2L));
    }

    @Test
    void editingTooFastAnswers429WithTheTextKept() {
        for (int i = 1; i <= 30; i++) {
            session.request().contentType("application/json").body(Map.of("body", "Edit number " + i + " of the answer."))
                    .put("/api/v1/answers/" + answer.id).then().statusCode(200);
        }
        session.postForm("/answers/" + answer.id + "/edit",
                Map.of("body", "Edit number 31 of the answer.", "summary", "", "revision", "31")).then()
                .statusCode(429)
                .body(hasText(containsString("You are going too fast: at most 30 edits per 10 minutes")))
                .body(hasField("body", equalTo("Edit number 31 of the answer.")));
        assertThat("nothing of the refused edit was written", revision(), equalTo(31L));
        assertThat(rows(), equalTo(31L));
        assertThat(events(), equalTo(30L));
    }
}
