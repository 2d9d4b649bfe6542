package org.qasite.edit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Management;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class EditApiTest {

    @Inject
    TestData data;

    static ValidatableResponse put(WebSession session, String path, Object body) {
        return session.request().contentType(ContentType.JSON).accept(ContentType.JSON).body(body).put(path).then();
    }

    @Test
    void aQuestionIsEditedWithTheRevisionItWasReadAt() {
        Member author = data.member("api-editor");
        Question question = data.question(author, "Edited through the JSON API", "api");
        WebSession session = WebSession.loggedIn(author.username);
        WebSession.visitor().get("/api/v1/questions/" + question.id).then().body("revision", equalTo(1))
                .body("editedAt", nullValue()).body("editor", nullValue());

        Map<String, Object> edit = new HashMap<>(Map.of("title", "Edited through the JSON API, twice", "body",
                "A body long enough for the API.", "tags", List.of("api", "edits"), "revision", 1));
        put(session, "/api/v1/questions/" + question.id, edit).statusCode(200).body("revision", equalTo(2))
                .body("title", equalTo("Edited through the JSON API, twice")).body("tags", contains("api", "edits"))
                .body("editedAt", notNullValue()).body("editor.username", equalTo(author.username));

        edit.put("title", "An edit based on the first revision");
        put(session, "/api/v1/questions/" + question.id, edit).statusCode(409)
                .body("details", contains("currentRevision: 2"));
        edit.remove("revision");
        edit.put("summary", "Without a revision: on the current one");
        put(session, "/api/v1/questions/" + question.id, edit).statusCode(200).body("revision", equalTo(3));
        put(session, "/api/v1/questions/" + question.id, edit).statusCode(400)
                .body("error", equalTo("Nothing changed: the text is the same as the current revision."));

        put(session, "/api/v1/questions/" + question.id, Map.of("title", "", "body", "", "tags", List.of())).statusCode(400)
                .body("error", equalTo("Please correct the marked fields."))
                .body("details", hasItem("title: Enter a title.")).body("details", hasItem("body: Describe your question."));
        put(WebSession.visitor(), "/api/v1/questions/" + question.id, edit).statusCode(401)
                .body("error", equalTo("Log in to edit."));
        put(WebSession.loggedIn(data.member("api-other").username), "/api/v1/questions/" + question.id, edit)
                .statusCode(403).body("error", equalTo("Only the author of this question can edit it."));
        session.request().contentType(ContentType.JSON).body("{broken").put("/api/v1/questions/" + question.id).then()
                .statusCode(400);

        WebSession.visitor().get("/api/v1/questions/" + question.id + "/revisions").then().statusCode(200)
                .body("revision", contains(3, 2, 1)).body("[0].summary", equalTo("Without a revision: on the current one"))
                .body("[0].title", equalTo("An edit based on the first revision")).body("[2].tags", contains("api"))
                .body("[2].author.username", equalTo(author.username)).body("[1].rollbackOf", nullValue());
        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'question.edited' AND (payload->>'questionId')"
                + "::bigint = ?1", question.id), equalTo(2L));
    }

    @Test
    void theOpenApiDocumentDescribesTheEdits() {
        Management.request().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/questions/{id}'.put.summary", containsString("Edit a question"))
                .body("paths.'/api/v1/answers/{id}'.put.summary", containsString("Edit an answer"))
                .body("paths.'/api/v1/questions/{id}/revisions'.get.summary", containsString("revisions"))
                .body("paths.'/api/v1/answers/{id}/revisions'.get.summary", containsString("revisions"));
    }

    @Test
    void anAnswerIsEditedAndItsRevisionsListed() {
        Member author = data.member("api-answerer");
        Question question = data.question(data.member("api-asker"), "An answer edited through the API");
        Answer answer = data.answer(author, question, "Answer as first written.");
        WebSession session = WebSession.loggedIn(author.username);
        put(session, "/api/v1/answers/" + answer.id, Map.of("body", "Answer as rewritten.", "revision", 1)).statusCode(200)
                .body("revision", equalTo(2)).body("body", equalTo("Answer as rewritten."))
                .body("editor.username", equalTo(author.username));
        WebSession.visitor().get("/api/v1/answers/" + answer.id).then().body("revision", equalTo(2));
        put(session, "/api/v1/answers/" + answer.id, Map.of("body", "Based on an old one.", "revision", 1)).statusCode(409)
                .body("details", contains("currentRevision: 2"));
        put(session, "/api/v1/answers/" + answer.id, Map.of("body", "")).statusCode(400)
                .body("details", contains("body: Write your answer."));
        put(session, "/api/v1/answers/999999999", Map.of("body", "No such answer.")).statusCode(404);
        WebSession.visitor().get("/api/v1/answers/" + answer.id + "/revisions").then().statusCode(200)
                .body("revision", contains(2, 1)).body("[1].body", equalTo("Answer as first written."))
                .body("[1].title", nullValue());
    }
}
