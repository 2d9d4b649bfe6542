package org.qasite.vote;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class VoteTest {

    @Inject
    TestData data;

    Member author;
    Question question;
    Answer answer;
    WebSession voter;

    @BeforeEach
    void setUp() {
        author = data.member("author");
        question = data.question(author, "Is this worth a vote?");
        answer = data.answer(author, question, "An answer worth voting on.");
        voter = WebSession.loggedIn(data.member("voter").username);
    }

    long answerRating() {
        return data.count("SELECT rating FROM answer WHERE id = ?1", answer.id);
    }

    long questionRating() {
        return data.count("SELECT rating FROM question WHERE id = ?1", question.id);
    }

    @Test
    void aMemberVotesChangesAndWithdraws() {
        String url = "/api/v1/answers/" + answer.id + "/vote";
        voter.postJson(url, Map.of("value", 1)).then().statusCode(200).body("score", equalTo(1))
                .body("myVote", equalTo(1));
        voter.postJson(url, Map.of("value", -1)).then().statusCode(200).body("score", equalTo(-1));
        voter.postJson(url, Map.of("value", 0)).then().statusCode(200).body("score", equalTo(0));
        assertThat(data.count("SELECT count(*) FROM answer_vote WHERE answer_id = ?1", answer.id), equalTo(0L));
        voter.postJson("/api/v1/questions/" + question.id + "/vote", Map.of("value", 1)).then().statusCode(200)
                .body("score", equalTo(1));
        assertThat(questionRating(), equalTo(1L));
    }

    @Test
    void aDoubleVoteIsRefusedAndCountsOnce() {
        String url = "/api/v1/answers/" + answer.id + "/vote";
        voter.postJson(url, Map.of("value", 1)).then().statusCode(200);
        voter.postJson(url, Map.of("value", 1)).then().statusCode(409)
                .body("error", equalTo("You have already voted up on this answer."));
        voter.postJson("/api/v1/questions/" + question.id + "/vote", Map.of("value", 0)).then().statusCode(409)
                .body("error", equalTo("You have not voted on this question."));
        assertThat(answerRating(), equalTo(1L));
        assertThat(data.count("SELECT count(*) FROM answer_vote WHERE answer_id = ?1", answer.id), equalTo(1L));
    }

    @Test
    void votingOnYourOwnPostIsRefused() {
        WebSession self = WebSession.loggedIn(author.username);
        self.postJson("/api/v1/answers/" + answer.id + "/vote", Map.of("value", 1)).then().statusCode(403)
                .body("error", equalTo("You cannot vote on your own answer."));
        self.postJson("/api/v1/questions/" + question.id + "/vote", Map.of("value", 1)).then().statusCode(403)
                .body("error", equalTo("You cannot vote on your own question."));
        assertThat(answerRating(), equalTo(0L));
        assertThat(questionRating(), equalTo(0L));
    }

    @Test
    void badVotesAreRefused() {
        voter.postJson("/api/v1/answers/" + answer.id + "/vote", Map.of("value", 5)).then().statusCode(400)
                .body("details[0]", equalTo("value: A vote is 1 (up), -1 (down) or 0 (withdraw)."));
        voter.postJson("/api/v1/answers/999999999/vote", Map.of("value", 1)).then().statusCode(404)
                .body("error", equalTo("There is no answer 999999999."));
        WebSession.visitor().postJson("/api/v1/answers/" + answer.id + "/vote", Map.of("value", 1)).then()
                .statusCode(401).body("error", equalTo("Log in to vote."));
        assertThat(answerRating(), equalTo(0L));
    }

    @Test
    void thePlainFormVotesAndRedirectsBack() {
        voter.postForm("/answers/" + answer.id + "/vote", Map.of("value", "1")).then().statusCode(303)
                .header("Location", containsString("/answers/" + answer.id));
        assertThat(answerRating(), equalTo(1L));
        voter.get(question.path()).then()
                .body(hasElement("[data-vote-for=answer-" + answer.id + "][data-vote='1'][aria-pressed=true]"));
        voter.postFormWithoutToken("/answers/" + answer.id + "/vote", Map.of("value", "-1")).then().statusCode(400);
        assertThat(answerRating(), equalTo(1L));
    }

    @Test
    void votingTooFastAnswers429AndKeepsTheLastCountedVote() {
        String url = "/api/v1/answers/" + answer.id + "/vote";
        for (int i = 1; i <= 60; i++) {
            voter.postJson(url, Map.of("value", i % 2)).then().statusCode(200);
        }
        voter.postJson(url, Map.of("value", 1)).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", containsString("You are going too fast: at most 60 votes per"));
        assertThat(answerRating(), equalTo(0L)); // the 60th vote withdrew; the refused one changed nothing
    }

    @Test
    void fiftyParallelVotesLeaveAnExactScore() throws Exception {
        List<WebSession> voters = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            voters.add(WebSession.loggedIn(data.member("crowd").username));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < voters.size(); i++) {
                WebSession session = voters.get(i);
                int value = i % 5 == 0 ? -1 : 1; // 10 down, 40 up
                calls.add(() -> session.postJson("/api/v1/answers/" + answer.id + "/vote", Map.of("value", value))
                        .statusCode());
                // the same member voting twice at once: exactly one of the two counts
                if (i < 5) {
                    calls.add(() -> session.postJson("/api/v1/answers/" + answer.id + "/vote", Map.of("value", value))
                            .statusCode());
                }
            }
            int ok = 0;
            int conflicts = 0;
            for (Future<Integer> result : pool.invokeAll(calls)) {
                int status = result.get();
                if (status == 200) {
                    ok++;
                } else if (status == 409) {
                    conflicts++;
                }
            }
            assertThat(ok, equalTo(50));
            assertThat(conflicts, equalTo(5));
        } finally {
            pool.shutdownNow();
        }
        assertThat(answerRating(), equalTo(30L));
        assertThat(data.count("SELECT coalesce(sum(value), 0) FROM answer_vote WHERE answer_id = ?1", answer.id),
                equalTo(30L));
        assertThat(data.count("SELECT count(*) FROM answer_vote WHERE answer_id = ?1", answer.id), equalTo(50L));
    }
}
