package org.qasite.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.AnswerInput;
import org.qasite.question.AnswerService;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxTest {

    @Inject
    TestData data;

    @Inject
    EntityManager em;

    @Inject
    AnswerService answers;

    @Inject
    EventStream stream;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    /** The outbox rows of a type whose payload has the given field value, oldest first: {event_id, payload}. */
    List<Object[]> outbox(String type, String field, long value) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT event_id::text, payload::text FROM outbox WHERE type = ?1 AND (payload->>?2)::bigint = ?3 ORDER BY id",
                Object[].class).setParameter(1, type).setParameter(2, field).setParameter(3, value).getResultList());
    }

    StreamMessage<String, String, String> onStream(String eventId) {
        return stream.redis().stream(String.class, String.class, String.class)
                .xrange(stream.key(), StreamRange.of("-", "+")).stream()
                .filter(m -> eventId.equals(m.payload().get("id"))).findFirst().orElse(null);
    }

    @Test
    void anAnswerRecordsItsEventInItsTransactionAndTheRelayPublishesIt() throws Exception {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Which event does an answer make?");
        WebSession answerer = WebSession.loggedIn(data.member("answerer").username);
        answerer.postForm("/questions/" + question.id + "/answers", Map.of("body", "This one, on the stream."))
                .then().statusCode(303);
        long answerId = data.count("SELECT max(id) FROM answer WHERE question_id = ?1", question.id);

        List<Object[]> rows = outbox("answer.created", "answerId", answerId);
        assertThat(rows.size(), equalTo(1));
        String eventId = (String) rows.get(0)[0];
        JsonNode payload = json.readTree((String) rows.get(0)[1]);
        assertThat(payload.get("questionId").asLong(), equalTo(question.id));
        assertThat(payload.get("questionAuthorId").asLong(), equalTo(asker.id));

        StreamMessage<String, String, String> entry = await().atMost(Duration.ofSeconds(10))
                .until(() -> onStream(eventId), e -> e != null);
        assertThat(entry.payload().get("type"), equalTo("answer.created"));
        assertThat(entry.payload().get("v"), equalTo("1"));
        assertThat(json.readTree(entry.payload().get("payload")).get("answerId").asLong(), equalTo(answerId));
        assertThat("marked published with the entry id",
                data.count("SELECT count(*) FROM outbox WHERE event_id = cast(?1 as uuid) AND stream_id = ?2", eventId,
                        entry.id()),
                equalTo(1L));
    }

    @Test
    void aRolledBackAnswerLeavesNoEvent() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Does a rolled back answer publish anything?");
        Member answerer = data.member("answerer");

        QuarkusTransaction.begin();
        long answerId = answers.answer(answerer.id, question.id, new AnswerInput("Written, then rolled back.")).id;
        QuarkusTransaction.rollback();

        assertThat(data.count("SELECT count(*) FROM answer WHERE id = ?1", answerId), equalTo(0L));
        assertThat(outbox("answer.created", "answerId", answerId).size(), equalTo(0));
        assertThat(data.count("SELECT count(*) FROM outbox WHERE (payload->>'questionId')::bigint = ?1", question.id),
                equalTo(0L));
        relay.drain();
        assertThat("nothing about the question reached the stream",
                stream.redis().stream(String.class, String.class, String.class)
                        .xrange(stream.key(), StreamRange.of("-", "+")).stream()
                        .anyMatch(m -> m.payload().getOrDefault("payload", "")
                                .matches(".*\"questionId\": ?" + question.id + "\\b.*")),
                equalTo(false));
    }

    @Test
    void questionsVotesAndAcceptsRecordTheirEvents() throws Exception {
        Member asker = data.member("asker");
        WebSession askerSession = WebSession.loggedIn(asker.username);
        askerSession.postForm("/ask", Map.of("title", "Which events does a question make?", "body",
                "A question, a vote and an accept should each make one.", "tags", "events outbox"))
                .then().statusCode(303);
        long questionId = data.count("SELECT max(id) FROM question WHERE author_id = ?1", asker.id);
        List<Object[]> asked = outbox("question.created", "questionId", questionId);
        assertThat(asked.size(), equalTo(1));
        assertThat(json.readTree((String) asked.get(0)[1]).get("tags").toString(), equalTo("[\"events\",\"outbox\"]"));

        Member answerer = data.member("answerer");
        long answerId = data.answer(answerer, em.find(Question.class, questionId), "An answer to vote on.").id;
        WebSession voter = WebSession.loggedIn(data.member("voter").username);
        voter.postJson("/api/v1/answers/" + answerId + "/vote", Map.of("value", 1)).then().statusCode(200);
        List<Object[]> votes = outbox("vote.cast", "postId", answerId);
        assertThat(votes.size(), equalTo(1));
        JsonNode vote = json.readTree((String) votes.get(0)[1]);
        assertThat(vote.get("target").asText(), equalTo("answer"));
        assertThat(vote.get("questionId").asLong(), equalTo(questionId));
        assertThat(vote.get("authorId").asLong(), equalTo(answerer.id));
        assertThat(vote.get("score").asInt(), equalTo(1));

        askerSession.postJson("/api/v1/answers/" + answerId + "/accept", Map.of()).then().statusCode(200);
        List<Object[]> accepts = outbox("answer.accepted", "answerId", answerId);
        assertThat(accepts.size(), equalTo(1));
        assertThat(json.readTree((String) accepts.get(0)[1]).get("answerAuthorId").asLong(), equalTo(answerer.id));
        // Accepting the same answer again changes nothing and records nothing.
        askerSession.postJson("/api/v1/answers/" + answerId + "/accept", Map.of()).then().statusCode(200);
        assertThat(outbox("answer.accepted", "answerId", answerId).size(), equalTo(1));
        assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> onStream((String) accepts.get(0)[0]),
                e -> e != null), notNullValue());
    }
}
