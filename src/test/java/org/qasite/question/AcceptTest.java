package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AcceptTest {

    @Inject
    TestData data;

    Member author;
    Question question;
    Answer first;
    Answer second;

    @BeforeEach
    void setUp() {
        author = data.member("author");
        question = data.question(author, "Which answer is right?");
        first = data.answer(data.member("one"), question, "The first answer.");
        second = data.answer(data.member("two"), question, "The second answer.");
    }

    long accepted() {
        return data.count("SELECT coalesce(accepted_answer_id, 0) FROM question WHERE id = ?1", question.id);
    }

    @Test
    void theAuthorAcceptsAndChangesTheAcceptedAnswer() {
        WebSession session = WebSession.loggedIn(author.username);
        session.postJson("/api/v1/answers/" + first.id + "/accept", Map.of()).then().statusCode(200)
                .body("acceptedAnswerId", equalTo(first.id.intValue()));
        assertThat(accepted(), equalTo(first.id));
        session.postForm("/answers/" + second.id + "/accept", Map.of()).then().statusCode(303)
                .header("Location", containsString("/answers/" + second.id));
        assertThat(accepted(), equalTo(second.id));
        session.get(question.path()).then()
                .body(hasElement("article#answer-" + second.id + ".accepted"));
    }

    @Test
    void onlyTheAuthorMayAccept() {
        WebSession other = WebSession.loggedIn(data.member("other").username);
        other.postJson("/api/v1/answers/" + first.id + "/accept", Map.of()).then().statusCode(403)
                .body("error", equalTo("Only the author of the question can accept an answer."));
        other.postForm("/answers/" + first.id + "/accept", Map.of()).then().statusCode(403)
                .body(hasErrorMessage(containsString("Only the author of the question can accept an answer.")));
        WebSession.visitor().postJson("/api/v1/answers/" + first.id + "/accept", Map.of()).then().statusCode(401);
        assertThat(accepted(), equalTo(0L));
        // the accept button is only shown to the author
        other.get(question.path()).then().body(org.hamcrest.Matchers.not(hasElement("[data-accept-form]")));
    }

    @Test
    void acceptingAMissingAnswerIs404() {
        WebSession.loggedIn(author.username).postJson("/api/v1/answers/999999999/accept", Map.of()).then()
                .statusCode(404).body("error", equalTo("There is no answer 999999999."));
    }
}
