package org.qasite.question;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** The question's author takes the accepted mark back: the page's button and {@code DELETE /api/v1/answers/{id}/accept}. */
@QuarkusTest
class UnacceptTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestData data;

    Member author;
    Member answerer;
    Question question;
    Answer answer;

    @BeforeEach
    void setUp() {
        author = data.member("unaccept-author");
        answerer = data.member("unaccept-answerer");
        question = data.question(author, "Can an accepted answer be unaccepted?");
        answer = data.answer(answerer, question, "Yes, by the author of the question.");
    }

    long accepted() {
        return data.count("SELECT coalesce(accepted_answer_id, 0) FROM question WHERE id = ?1", question.id);
    }

    @Test
    void theAuthorUnacceptsThroughTheApiAndThePageOffersAcceptAgain() {
        WebSession session = WebSession.loggedIn(author.username);
        session.postJson("/api/v1/answers/" + answer.id + "/accept", Map.of()).then().statusCode(200);
        // accepted: the page offers "Unaccept", not a dead "Accept this answer"
        session.get(question.path()).then()
                .body(hasElement("article#answer-" + answer.id + ".accepted"))
                .body(hasElement("#answer-" + answer.id + " form[data-unaccept-form]:not(.d-none) button", equalTo("Unaccept")))
                .body(hasElement("#answer-" + answer.id + " form[data-accept-form].d-none"))
                .body(not(hasElement("#answer-" + answer.id + " button[disabled]")));

        session.request().accept("application/json").delete("/api/v1/answers/" + answer.id + "/accept").then()
                .statusCode(200).body("questionId", equalTo(question.id.intValue()))
                .body("acceptedAnswerId", nullValue());
        assertThat(accepted(), equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'answer.unaccepted'"
                + " AND (payload->>'answerId')::bigint = ?1", answer.id), equalTo(1L));
        session.get(question.path()).then()
                .body(not(hasElement("article#answer-" + answer.id + ".accepted")))
                .body(hasElement("#answer-" + answer.id + " form[data-accept-form]:not(.d-none) button",
                        equalTo("Accept this answer")))
                .body(hasElement("#answer-" + answer.id + " form[data-unaccept-form].d-none"));
        session.get("/api/v1/answers/" + answer.id).then().body("accepted", equalTo(false));
    }

    @Test
    void theFormUnacceptsAndSaysSo() {
        WebSession session = WebSession.loggedIn(author.username);
        session.postForm("/answers/" + answer.id + "/accept", Map.of()).then().statusCode(303);
        session.postForm("/answers/" + answer.id + "/unaccept", Map.of()).then().statusCode(303)
                .header("Location", containsString("/answers/" + answer.id));
        assertThat(accepted(), equalTo(0L));
        session.get(question.path()).then()
                .body(hasElement("[data-flash]", equalTo("The answer is no longer marked as accepted.")));
    }

    @Test
    void onlyTheQuestionsAuthorMayUnaccept() {
        WebSession.loggedIn(author.username).postJson("/api/v1/answers/" + answer.id + "/accept", Map.of()).then()
                .statusCode(200);
        WebSession other = WebSession.loggedIn(answerer.username);
        other.request().accept("application/json").delete("/api/v1/answers/" + answer.id + "/accept").then()
                .statusCode(403).body("error", equalTo("Only the author of the question can unaccept an answer."));
        other.postForm("/answers/" + answer.id + "/unaccept", Map.of()).then().statusCode(403)
                .body(hasErrorMessage(containsString("Only the author of the question can unaccept an answer.")));
        WebSession visitor = WebSession.visitor();
        visitor.request().accept("application/json").delete("/api/v1/answers/" + answer.id + "/accept").then()
                .statusCode(401);
        visitor.postForm("/answers/" + answer.id + "/unaccept", Map.of()).then().statusCode(303)
                .header("Location", containsString("/login"));
        assertThat("still accepted", accepted(), equalTo(answer.id));
        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'answer.unaccepted'"
                + " AND (payload->>'answerId')::bigint = ?1", answer.id), equalTo(0L));
    }

    @Test
    void anAnswerThatIsNotTheAcceptedOneIsAConflict() {
        Answer other = data.answer(data.member("unaccept-other"), question, "Another answer, not accepted.");
        WebSession session = WebSession.loggedIn(author.username);
        session.postJson("/api/v1/answers/" + answer.id + "/accept", Map.of()).then().statusCode(200);
        session.request().accept("application/json").delete("/api/v1/answers/" + other.id + "/accept").then()
                .statusCode(409).body("error", equalTo("This answer is not the accepted one: there is nothing to unaccept."));
        session.postForm("/answers/" + other.id + "/unaccept", Map.of()).then().statusCode(409)
                .body(hasErrorMessage(containsString("there is nothing to unaccept")));
        assertThat("the accepted answer keeps its mark", accepted(), equalTo(answer.id));
        session.request().accept("application/json").delete("/api/v1/answers/999999999/accept").then()
                .statusCode(404).body("error", equalTo("There is no answer 999999999."));
    }

    @Test
    void unacceptingNotifiesNobody() {
        WebSession session = WebSession.loggedIn(author.username);
        session.postJson("/api/v1/answers/" + answer.id + "/accept", Map.of()).then().statusCode(200);
        await().atMost(WAIT).until(() -> notifications(answerer), n -> n == 1);
        session.request().accept("application/json").delete("/api/v1/answers/" + answer.id + "/accept").then()
                .statusCode(200);
        // Another answer accepted after it: once its notification is made, the unaccept before it was handled too.
        Member second = data.member("unaccept-second");
        Answer later = data.answer(second, question, "A second answer, accepted after the unaccept.");
        session.postJson("/api/v1/answers/" + later.id + "/accept", Map.of()).then().statusCode(200);
        await().atMost(WAIT).until(() -> notifications(second), n -> n == 1);
        assertThat("the first answerer heard of the accept only", notifications(answerer), equalTo(1L));
    }

    long notifications(Member member) {
        return data.count("SELECT count(*) FROM notification WHERE member_id = ?1 AND kind = 'accepted'", member.id);
    }
}
