package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
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

/** Who may delete and undelete which post, what it answers, and that a refusal writes nothing. */
@QuarkusTest
class DeletionTest {

    @Inject
    TestData data;

    Member asker;
    Member answerer;
    Question question;
    Answer answer;

    @BeforeEach
    void setUp() {
        asker = data.member("del-asker");
        answerer = data.member("del-answerer");
        question = data.question(asker, "Can a question be taken back?");
        answer = data.answer(answerer, question, "Yes, by its author, while nobody found an answer useful.");
    }

    long deletedQuestions() {
        return data.count("SELECT count(*) FROM question WHERE id = ?1 AND deleted_at IS NOT NULL", question.id);
    }

    long deletedAnswers() {
        return data.count("SELECT count(*) FROM answer WHERE id = ?1 AND deleted_at IS NOT NULL", answer.id);
    }

    long answerCount() {
        return data.count("SELECT answer_count FROM question WHERE id = ?1", question.id);
    }

    long events(String type, String field, long id) {
        return data.count("SELECT count(*) FROM outbox WHERE type = ?1 AND (payload->>?2)::bigint = ?3", type, field, id);
    }

    @Test
    void theAuthorDeletesAndUndeletesTheirQuestionThroughTheForms() {
        WebSession session = WebSession.loggedIn(asker.username);
        session.postForm("/questions/" + question.id + "/delete", Map.of()).then().statusCode(303)
                .header("Location", containsString(question.path()));
        assertThat(deletedQuestions(), equalTo(1L));
        assertThat(data.count("SELECT deleted_by FROM question WHERE id = ?1", question.id), equalTo(asker.id));
        assertThat(events("question.deleted", "questionId", question.id), equalTo(1L));
        // its author still sees it, marked, with Undelete
        session.get(question.path()).then().statusCode(200)
                .body(hasElement("[data-deleted-for='question-" + question.id + "']", containsString("deleted")))
                .body(hasElement("[data-undelete-for='question-" + question.id + "']"))
                .body(not(hasElement("form#answer-form")));

        session.postForm("/questions/" + question.id + "/undelete", Map.of()).then().statusCode(303)
                .header("Location", containsString(question.path()));
        assertThat(deletedQuestions(), equalTo(0L));
        assertThat(events("question.undeleted", "questionId", question.id), equalTo(1L));
        session.get(question.path()).then().statusCode(200)
                .body(not(hasElement("[data-deleted-for]")))
                .body(hasElement("[data-delete-for='question-" + question.id + "']"));
    }

    @Test
    void theAuthorDeletesAndUndeletesTheirAnswerAndItsCountFollows() {
        WebSession session = WebSession.loggedIn(answerer.username);
        // the answer's fragment as its author sees it is cached now: deleting it must not leave it stale
        session.get(question.path()).then().body(hasElement("[data-delete-for='answer-" + answer.id + "']"));
        session.postForm("/answers/" + answer.id + "/delete", Map.of()).then().statusCode(303)
                .header("Location", containsString("/answers/" + answer.id));
        assertThat(deletedAnswers(), equalTo(1L));
        assertThat(answerCount(), equalTo(0L));
        assertThat(events("answer.deleted", "answerId", answer.id), equalTo(1L));
        session.get(question.path()).then().statusCode(200)
                .body(hasElement("[data-answer-id='" + answer.id + "'] [data-deleted-for='answer-" + answer.id + "']"))
                .body(hasElement("[data-undelete-for='answer-" + answer.id + "']"))
                .body(not(hasElement("[data-delete-for='answer-" + answer.id + "']")));
        WebSession.loggedIn(asker.username).get(question.path()).then().statusCode(200)
                .body(not(hasElement("[data-answer-id='" + answer.id + "']"))).body(hasElement("#answers-empty"));
        WebSession.visitor().get("/answers/" + answer.id).then().statusCode(404)
                .body(hasErrorMessage(containsString("was deleted")));

        session.postForm("/answers/" + answer.id + "/undelete", Map.of()).then().statusCode(303);
        assertThat(deletedAnswers(), equalTo(0L));
        assertThat(answerCount(), equalTo(1L));
        assertThat(events("answer.undeleted", "answerId", answer.id), equalTo(1L));
        WebSession.visitor().get(question.path()).then().statusCode(200)
                .body(hasElement("[data-answer-id='" + answer.id + "']")).body(not(hasElement("[data-deleted-for]")));
    }

    @Test
    void theApiDeletesAndUndeletes() {
        WebSession session = WebSession.loggedIn(answerer.username);
        session.request().delete("/api/v1/answers/" + answer.id).then().statusCode(204);
        assertThat(deletedAnswers(), equalTo(1L));
        session.request().get("/api/v1/answers/" + answer.id).then().statusCode(404)
                .body("error", equalTo("Answer " + answer.id + " was deleted by its author."));
        session.postJson("/api/v1/answers/" + answer.id + "/undelete", Map.of()).then().statusCode(204);
        assertThat(deletedAnswers(), equalTo(0L));

        WebSession mine = WebSession.loggedIn(asker.username);
        Question other = data.question(asker, "A question without answers");
        mine.request().delete("/api/v1/questions/" + other.id).then().statusCode(204);
        mine.request().get("/api/v1/questions/" + other.id).then().statusCode(404)
                .body("error", equalTo("Question " + other.id + " was deleted by its author."));
        mine.postJson("/api/v1/questions/" + other.id + "/undelete", Map.of()).then().statusCode(204);
        mine.request().get("/api/v1/questions/" + other.id).then().statusCode(200);
    }

    @Test
    void someoneElsesPostIsNotTheirsToDeleteOrUndelete() {
        WebSession other = WebSession.loggedIn(data.member("del-other").username);
        other.request().delete("/api/v1/questions/" + question.id).then().statusCode(403)
                .body("error", equalTo("Only the author of this question can delete it."));
        other.postForm("/answers/" + answer.id + "/delete", Map.of()).then().statusCode(403)
                .body(hasErrorMessage(containsString("Only the author of this answer can delete it.")));
        assertThat(deletedQuestions() + deletedAnswers(), equalTo(0L));

        WebSession.loggedIn(answerer.username).request().delete("/api/v1/answers/" + answer.id).then().statusCode(204);
        other.postJson("/api/v1/answers/" + answer.id + "/undelete", Map.of()).then().statusCode(403)
                .body("error", equalTo("Only the author of this answer can undelete it."));
        assertThat(deletedAnswers(), equalTo(1L));
        assertThat(events("answer.undeleted", "answerId", answer.id), equalTo(0L));
    }

    @Test
    void aQuestionWithAnUpvotedOrAcceptedAnswerTakesAModerator() {
        data.execute("UPDATE answer SET rating = 1 WHERE id = ?1", answer.id);
        WebSession session = WebSession.loggedIn(asker.username);
        session.request().delete("/api/v1/questions/" + question.id).then().statusCode(409)
                .body("error", equalTo("This question has an upvoted answer: only a moderator can delete it now."));
        data.execute("UPDATE answer SET rating = 0 WHERE id = ?1", answer.id);
        session.postJson("/api/v1/answers/" + answer.id + "/accept", Map.of()).then().statusCode(200);
        session.postForm("/questions/" + question.id + "/delete", Map.of()).then().statusCode(409)
                .body(hasErrorMessage(containsString("an accepted answer: only a moderator can delete it now")));
        assertThat(deletedQuestions(), equalTo(0L));
        assertThat(events("question.deleted", "questionId", question.id), equalTo(0L));
    }

    @Test
    void deletingTwiceOrUndeletingALivePostIsAConflict() {
        WebSession session = WebSession.loggedIn(answerer.username);
        session.postJson("/api/v1/answers/" + answer.id + "/undelete", Map.of()).then().statusCode(409)
                .body("error", equalTo("This answer is not deleted."));
        session.request().delete("/api/v1/answers/" + answer.id).then().statusCode(204);
        session.request().delete("/api/v1/answers/" + answer.id).then().statusCode(409)
                .body("error", equalTo("This answer is deleted already."));
        assertThat("counted out once", answerCount(), equalTo(0L));
        assertThat(events("answer.deleted", "answerId", answer.id), equalTo(1L));

        WebSession asking = WebSession.loggedIn(asker.username);
        asking.postForm("/questions/" + question.id + "/undelete", Map.of()).then().statusCode(409)
                .body(hasErrorMessage(containsString("This question is not deleted.")));
        asking.postForm("/questions/" + question.id + "/delete", Map.of()).then().statusCode(303);
        asking.postForm("/questions/" + question.id + "/delete", Map.of()).then().statusCode(409)
                .body(hasErrorMessage(containsString("This question is deleted already.")));
        assertThat(events("question.deleted", "questionId", question.id), equalTo(1L));
    }

    @Test
    void visitorsAreSentToLogInAndMissingPostsAre404() {
        WebSession visitor = WebSession.visitor();
        visitor.postForm("/questions/" + question.id + "/delete", Map.of()).then().statusCode(303)
                .header("Location", containsString("/login"));
        visitor.request().delete("/api/v1/answers/" + answer.id).then().statusCode(401);
        assertThat(deletedQuestions() + deletedAnswers(), equalTo(0L));
        WebSession member = WebSession.loggedIn(asker.username);
        member.request().delete("/api/v1/questions/999999999").then().statusCode(404)
                .body("error", equalTo("There is no question 999999999."));
        member.postForm("/answers/abc/undelete", Map.of()).then().statusCode(404);
    }

    @Test
    void anAcceptedAnswerDeletedByItsAuthorLosesTheMarkForGood() {
        WebSession asking = WebSession.loggedIn(asker.username);
        asking.postJson("/api/v1/answers/" + answer.id + "/accept", Map.of()).then().statusCode(200);
        WebSession answering = WebSession.loggedIn(answerer.username);
        answering.request().delete("/api/v1/answers/" + answer.id).then().statusCode(204);
        assertThat(data.count("SELECT count(*) FROM question WHERE id = ?1 AND accepted_answer_id IS NULL", question.id),
                equalTo(1L));
        answering.postJson("/api/v1/answers/" + answer.id + "/undelete", Map.of()).then().statusCode(204);
        assertThat("undelete does not bring the mark back",
                data.count("SELECT count(*) FROM question WHERE id = ?1 AND accepted_answer_id IS NULL", question.id),
                equalTo(1L));
    }

    @Test
    void aDeletedPostTakesNoVotesAnswersOrAccepts() {
        Member voter = data.member("del-voter");
        WebSession.loggedIn(answerer.username).request().delete("/api/v1/answers/" + answer.id).then().statusCode(204);
        WebSession voting = WebSession.loggedIn(voter.username);
        voting.postJson("/api/v1/answers/" + answer.id + "/vote", Map.of("value", 1)).then().statusCode(409)
                .body("error", equalTo("This answer was deleted: it takes no votes."));
        WebSession.loggedIn(asker.username).postJson("/api/v1/answers/" + answer.id + "/accept", Map.of()).then()
                .statusCode(409).body("error", equalTo("This answer was deleted: it cannot be accepted."));

        WebSession.loggedIn(asker.username).request().delete("/api/v1/questions/" + question.id).then().statusCode(204);
        voting.postJson("/api/v1/questions/" + question.id + "/vote", Map.of("value", 1)).then().statusCode(409)
                .body("error", equalTo("This question was deleted: it takes no votes."));
        voting.postJson("/api/v1/questions/" + question.id + "/answers", Map.of("body", "Too late for this one.")).then()
                .statusCode(409).body("error", equalTo("This question was deleted: it takes no answers."));
        voting.get(question.path()).then().statusCode(404)
                .body(hasErrorMessage(containsString("Question " + question.id + " was deleted by its author.")));
        assertThat(data.count("SELECT count(*) FROM answer WHERE question_id = ?1", question.id), equalTo(1L));
        assertThat(data.count("SELECT count(*) FROM question_vote WHERE question_id = ?1", question.id), equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM answer_vote WHERE answer_id = ?1", answer.id), equalTo(0L));
    }
}
