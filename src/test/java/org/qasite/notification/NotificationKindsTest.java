package org.qasite.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.events.EventStream;
import org.qasite.events.EventType;
import org.qasite.events.Payloads;
import org.qasite.events.StreamEvent;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.ApiPosts;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each kind of notification, made by the notifications group from what members do through the API: who is told, who
 * is not (the one who did it, who unfollowed), and which of them get an instant mail.
 */
@QuarkusTest
class NotificationKindsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestData data;

    @Inject
    EventStream stream;

    @Inject
    NotificationHandler handler;

    @Inject
    ObjectMapper json;

    @Test
    void anAnswerTellsTheAskerAndTheQuestionsFollowersButNotItsAuthorNorWhoUnfollowed() {
        Member asker = data.member("n-asker");
        Member answerer = data.member("n-answerer");
        Member commenter = data.member("n-commenter");
        Member follower = data.member("n-follower");
        Member leaver = data.member("n-leaver");
        long question = ApiPosts.ask(asker, "How do notifications reach the followers of a question?", "notif-a");
        ApiPosts.comment(commenter, "/api/v1/questions/" + question + "/comments", "A comment, so I follow the question now.");
        data.execute("INSERT INTO question_follow (member_id, question_id, following) VALUES (?1, ?2, true)",
                follower.id, question);
        ApiPosts.comment(leaver, "/api/v1/questions/" + question + "/comments", "I comment, then leave the question alone.");
        data.execute("INSERT INTO question_follow (member_id, question_id, following) VALUES (?1, ?2, false)",
                leaver.id, question);
        await().atMost(WAIT).until(() -> kinds(asker), k -> k.equals("comment,comment"));

        long answer = ApiPosts.answer(answerer, question, "An answer that each follower of the question hears of.");

        await("the asker told").atMost(WAIT).until(() -> kinds(asker), k -> k.equals("comment,comment,answer"));
        await("a commenter told").atMost(WAIT).until(() -> kinds(commenter), k -> k.equals("followed-answer"));
        await("a follower told").atMost(WAIT).until(() -> kinds(follower), k -> k.equals("followed-answer"));
        assertThat("who unfollowed is not told", kinds(leaver), equalTo(""));
        assertThat("the answerer is not told of their own answer", kinds(answerer), equalTo(""));
        assertThat(data.count("SELECT count(*) FROM notification WHERE answer_id = ?1 AND actor_id = ?2", answer,
                answerer.id), equalTo(3L));
        // The answer to one's question is mailed instantly by default; one to a followed question waits for the digest.
        assertThat(mails(asker, "answer"), equalTo(1L));
        assertThat(mails(commenter, "followed-answer"), equalTo(0L));
    }

    @Test
    void aCommentTellsThePostsAuthorAndWhomItMentions() {
        Member asker = data.member("n-asker");
        Member answerer = data.member("n-answerer");
        Member commenter = data.member("n-commenter");
        long question = ApiPosts.ask(asker, "Who hears of a comment with a mention in it?", "notif-b");
        long answer = ApiPosts.answer(answerer, question, "An answer that gets a comment mentioning the asker.");
        await().atMost(WAIT).until(() -> kinds(asker), k -> k.equals("answer"));

        ApiPosts.comment(commenter, "/api/v1/answers/" + answer + "/comments",
                "Good point, @" + asker.username + " should read this and @" + commenter.username + " too.");

        await("the answer's author told").atMost(WAIT).until(() -> kinds(answerer), k -> k.equals("comment"));
        await("the mentioned asker told").atMost(WAIT).until(() -> kinds(asker), k -> k.equals("answer,mention"));
        assertThat("nobody is told of their own mention", kinds(commenter), equalTo(""));
        assertThat(mails(answerer, "comment"), equalTo(1L));
        assertThat(mails(asker, "mention"), equalTo(1L));
    }

    @Test
    void anAcceptedAnswerTellsItsAuthor() {
        Member asker = data.member("n-asker");
        Member answerer = data.member("n-answerer");
        long question = ApiPosts.ask(asker, "Who hears that an answer was accepted?", "notif-c");
        long answer = ApiPosts.answer(answerer, question, "The answer that the asker will accept in a moment.");

        WebSession.loggedIn(asker.username).postJson("/api/v1/answers/" + answer + "/accept", Map.of()).then()
                .statusCode(200);

        await("the answerer told").atMost(WAIT).until(() -> kinds(answerer), k -> k.equals("accepted"));
        assertThat(mails(answerer, "accepted"), equalTo(1L));
    }

    @Test
    void acceptingAgainAfterAnUnacceptTellsTheAnswererNoMore() {
        Member asker = data.member("n-asker");
        Member answerer = data.member("n-answerer");
        long question = ApiPosts.ask(asker, "Does accepting twice tell the answerer twice?", "notif-e");
        long answer = ApiPosts.answer(answerer, question, "The answer that the asker accepts, unaccepts and accepts.");
        WebSession session = WebSession.loggedIn(asker.username);
        session.postJson("/api/v1/answers/" + answer + "/accept", Map.of()).then().statusCode(200);
        await("the answerer told").atMost(WAIT).until(() -> kinds(answerer), k -> k.equals("accepted"));

        session.request().accept("application/json").delete("/api/v1/answers/" + answer + "/accept").then().statusCode(200);
        session.postJson("/api/v1/answers/" + answer + "/accept", Map.of()).then().statusCode(200);
        // A later event through the same group shows that the second accept was handled by then.
        ApiPosts.comment(asker, "/api/v1/answers/" + answer + "/comments", "Accepted again, after some doubt.");
        await().atMost(WAIT).until(() -> kinds(answerer), k -> k.endsWith("comment"));

        assertThat(kinds(answerer), equalTo("accepted,comment"));

        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'answer.accepted'"
                + " AND payload ->> 'answerId' = CAST(?1 AS text)", answer), equalTo(2L));
        assertThat(mails(answerer, "accepted"), equalTo(1L));
    }

    @Test
    void anAcceptUndoneBeforeItIsHandledTellsNobody() {
        Member asker = data.member("n-asker");
        Member answerer = data.member("n-answerer");
        long question = ApiPosts.ask(asker, "Who hears of an accept that was taken back at once?", "notif-f");
        long answer = ApiPosts.answer(answerer, question, "The answer accepted and unaccepted before anyone noticed.");
        await().atMost(WAIT).until(() -> kinds(asker), k -> k.equals("answer"));

        // The accept's event reaches the group only after the question has no accepted answer again.
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EventStream.FIELD_ID, UUID.randomUUID().toString());
        fields.put(EventStream.FIELD_TYPE, "answer.accepted");
        fields.put(EventStream.FIELD_VERSION, "1");
        fields.put(EventStream.FIELD_PAYLOAD, "{\"answerId\":" + answer + ",\"questionId\":" + question
                + ",\"questionAuthorId\":" + asker.id + ",\"answerAuthorId\":" + answerer.id + "}");
        stream.publish(fields);
        ApiPosts.comment(asker, "/api/v1/answers/" + answer + "/comments", "A comment after the accept was undone.");
        await().atMost(WAIT).until(() -> kinds(answerer), k -> k.endsWith("comment"));

        assertThat(kinds(answerer), equalTo("comment"));
        assertThat(mails(answerer, "accepted"), equalTo(0L));
    }

    @Test
    void aNewQuestionTellsTheFollowersOfItsTagsOnce() {
        Member asker = data.member("n-asker");
        Member fan = data.member("n-fan");
        Member other = data.member("n-other");
        String tag = "notif-" + UUID.randomUUID().toString().substring(0, 8);
        String second = tag + "-b";
        // made without an event, so that its own question.created cannot reach the fan after they follow the tags
        data.question(asker, "A first question that makes the tags exist", tag, second);
        data.execute("INSERT INTO tag_follow (member_id, tag_id) SELECT ?1, id FROM tag WHERE name IN (?2, ?3)", fan.id,
                tag, second);
        data.execute("INSERT INTO tag_follow (member_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2", asker.id, tag);

        long question = ApiPosts.ask(asker, "A question in two tags that the fan follows", tag, second);

        await("the fan told once").atMost(WAIT).until(() -> kinds(fan), k -> k.equals("tag-question"));
        assertThat(data.count("SELECT count(*) FROM notification WHERE member_id = ?1 AND question_id = ?2", fan.id,
                question), equalTo(1L));
        assertThat("the asker is not told of their own question", kinds(asker), equalTo(""));
        assertThat(kinds(other), equalTo(""));
    }

    @Test
    void theFollowersOfATagAreToldInBatchesThatComeThroughTheStreamOneByOne() {
        Member asker = data.member("n-asker");
        String tag = "notif-" + UUID.randomUUID().toString().substring(0, 8);
        ApiPosts.ask(asker, "A first question that makes the tag exist", tag);
        for (int i = 0; i < 10; i++) {
            Member fan = data.member("n-fan");
            data.execute("INSERT INTO tag_follow (member_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2", fan.id, tag);
        }

        long question = ApiPosts.ask(asker, "A question for ten followers, three to a batch", tag);

        await("ten told").atMost(WAIT).until(() -> data.count(
                "SELECT count(*) FROM notification WHERE question_id = ?1 AND kind = 'tag-question'", question),
                n -> n == 10);
        // Four batches: the question's own entry and three continuations, each one live update of its recipients.
        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'notifications.fan-out'"
                + " AND payload ->> 'eventId' = (SELECT CAST(event_id AS text) FROM notification WHERE question_id = ?1"
                + " LIMIT 1)", question), equalTo(3L));

        // The question's event delivered again: nothing made twice, and no second chain of continuations.
        republish(data.text("SELECT CAST(event_id AS text) FROM outbox WHERE type = 'question.created'"
                + " AND payload ->> 'questionId' = CAST(?1 AS text)", question));
        long later = ApiPosts.ask(asker, "A later question, handled after the repeated event", tag);
        await().atMost(WAIT).until(() -> data.count(
                "SELECT count(*) FROM notification WHERE question_id = ?1", later), n -> n == 10);
        assertThat(data.count("SELECT count(*) FROM notification WHERE question_id = ?1", question), equalTo(10L));
        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'notifications.fan-out'"
                + " AND payload ->> 'eventId' = (SELECT CAST(event_id AS text) FROM notification WHERE question_id = ?1"
                + " LIMIT 1)", question), equalTo(3L));
        String made = "FROM outbox o, jsonb_array_elements(o.payload -> 'made') m WHERE o.type = 'notifications.created'"
                + " AND CAST(m ->> 'notificationId' AS bigint) IN (SELECT id FROM notification WHERE question_id = ?1)";
        assertThat(data.count("SELECT count(*) " + made, question), equalTo(10L));
        assertThat(data.count("SELECT count(DISTINCT o.id) " + made, question), equalTo(4L));
    }

    @Test
    void theNotificationsOfABatchOfEntriesAreAnnouncedTogetherAFanOutBatchAtATime() {
        Member answerer = data.member("n-answerer");
        List<StreamEvent> batch = new ArrayList<>();
        List<Long> askers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Made without events, and handled here as the consumer handles a batch of entries (MeSocketTest has the
            // same through the API and the stream, up to the asker's page).
            Member asker = data.member("n-asker");
            Question question = data.question(asker, "Question " + i + " of a batch of answers", "notif-e");
            Answer answer = data.answer(answerer, question, "An answer " + i + " that one batch of entries handles.");
            batch.add(new StreamEvent(System.currentTimeMillis() + "-0", UUID.randomUUID(),
                    EventType.ANSWER_CREATED.wireName, 1, """
                            {"answerId": %d, "questionId": %d, "authorId": %d, "questionAuthorId": %d}"""
                            .formatted(answer.id, question.id, answerer.id, asker.id)));
            askers.add(asker.id);
        }

        QuarkusTransaction.requiringNew().call(() -> {
            handler.handleBatch(batch);
            return null;
        });

        String made = "FROM outbox o, jsonb_array_elements(o.payload -> 'made') m WHERE o.type = 'notifications.created'"
                + " AND CAST(m ->> 'memberId' AS bigint) IN (?1, ?2, ?3, ?4)";
        assertThat("each asker told of the answer", data.count("SELECT count(*) " + made, askers.toArray()),
                equalTo(4L));
        // fan-out-batch is 3 in the tests: the four notifications in two events, not one event an answer
        assertThat(data.count("SELECT count(DISTINCT o.id) " + made, askers.toArray()), equalTo(2L));
        assertThat("at most a fan-out batch an event", data.count("SELECT max(jsonb_array_length(o.payload -> 'made')) "
                + made, askers.toArray()), equalTo(3L));
    }

    @Test
    void aBatchOfEntriesOfEveryKindTellsEachAsTheyWouldAloneWithOneFanOutBatchPerEvent() throws Exception {
        Member asker = data.member("n-asker");
        Member answerer = data.member("n-answerer");
        Member follower = data.member("n-follower");
        Member commenter = data.member("n-commenter");
        Member mentioned = data.member("n-mentioned");
        // Two recipients of the answer (the asker, a follower): fewer than a fan-out batch (3 in the tests), so the
        // answer's entry records no continuation, however often the batch holds it.
        Question asked = data.question(asker, "A question whose answers and accept come in one batch", "notif-f");
        data.execute("INSERT INTO question_follow (member_id, question_id, following) VALUES (?1, ?2, true)",
                follower.id, asked.id);
        Answer kept = data.answer(answerer, asked, "An answer that stands when its entry is handled.");
        Answer gone = data.answer(answerer, asked, "An answer deleted before its entry is handled.");
        data.execute("UPDATE answer SET deleted_at = now() WHERE id = ?1", gone.id);
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", kept.id, asked.id);
        Question other = data.question(asker, "Another question of the asker's, which gets a comment", "notif-f");
        long comment = data.count("INSERT INTO comment (question_id, author_id, body, body_html)"
                + " VALUES (?1, ?2, 'A comment', '<p>A comment</p>') RETURNING id", other.id, commenter.id);
        // Two new questions whose tags have four followers each: a fan-out batch of each now.
        List<Question> tagged = new ArrayList<>();
        List<List<Long>> fans = new ArrayList<>();
        for (int q = 0; q < 2; q++) {
            String tag = "notif-" + UUID.randomUUID().toString().substring(0, 8);
            tagged.add(data.question(asker, "A new question " + q + " for the followers of its tag", tag));
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Member fan = data.member("n-fan");
                data.execute("INSERT INTO tag_follow (member_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2", fan.id,
                        tag);
                ids.add(fan.id);
            }
            fans.add(ids);
        }
        StreamEvent answered = entry(EventType.ANSWER_CREATED, """
                {"answerId": %d, "questionId": %d, "authorId": %d, "questionAuthorId": %d}"""
                .formatted(kept.id, asked.id, answerer.id, asker.id));
        StreamEvent secondAsked = entry(EventType.QUESTION_CREATED, """
                {"questionId": %d, "authorId": %d, "tags": []}""".formatted(tagged.get(1).id, asker.id));
        List<StreamEvent> batch = List.of(answered,
                entry(EventType.ANSWER_CREATED, """
                        {"answerId": %d, "questionId": %d, "authorId": %d, "questionAuthorId": %d}"""
                        .formatted(gone.id, asked.id, answerer.id, asker.id)),
                entry(EventType.QUESTION_CREATED, """
                        {"questionId": %d, "authorId": %d, "tags": []}""".formatted(tagged.get(0).id, asker.id)),
                entry(EventType.COMMENT_CREATED, """
                        {"commentId": %d, "questionId": %d, "answerId": null, "authorId": %d, "postAuthorId": %d,
                         "mentionedIds": [%d]}""".formatted(comment, other.id, commenter.id, asker.id, mentioned.id)),
                answered, // the same entry again, as a second delivery in the same batch
                entry(EventType.ANSWER_ACCEPTED, """
                        {"answerId": %d, "questionId": %d, "questionAuthorId": %d, "answerAuthorId": %d}"""
                        .formatted(kept.id, asked.id, asker.id, answerer.id)),
                secondAsked,
                // a continuation of the second question's fan-out in the same batch, as after a redelivery: from its
                // second follower on, so that the third is in both batches
                entry(EventType.NOTIFICATIONS_FAN_OUT, json.writeValueAsString(new Payloads.FanOutContinued(
                        secondAsked.eventId(), secondAsked.type(), secondAsked.payload(), fans.get(1).get(1)))));

        QuarkusTransaction.requiringNew().call(() -> {
            handler.handleBatch(batch);
            return null;
        });

        assertThat("the asker: the answer that stands and the comment", kinds(asker), equalTo("answer,comment"));
        assertThat(kinds(follower), equalTo("followed-answer"));
        assertThat("the answerer: the accept, not their own answers", kinds(answerer), equalTo("accepted"));
        assertThat(kinds(mentioned), equalTo("mention"));
        assertThat("the commenter is not told of their comment", kinds(commenter), equalTo(""));
        assertThat("nobody told of the deleted answer", data.count(
                "SELECT count(*) FROM notification WHERE answer_id = ?1", gone.id), equalTo(0L));
        assertThat("one mail about the answer, though its entry came twice, carrying the answer's event",
                data.text("SELECT string_agg(CAST(l.event_id AS text), ',') FROM mail_log l"
                        + " JOIN notification n ON n.id = l.notification_id WHERE n.answer_id = ?1 AND n.kind = 'answer'",
                        kept.id),
                equalTo(answered.eventId().toString()));
        assertThat("the answer's entry, twice in the batch, counted its recipients once", data.count(
                "SELECT count(*) FROM outbox WHERE type = 'notifications.fan-out' AND payload ->> 'eventId' = ?1",
                answered.eventId().toString()), equalTo(0L));
        assertThat("the second question's followers, each told once by the entry and its continuation together",
                data.longs("SELECT member_id FROM notification WHERE question_id = ?1 AND kind = 'tag-question'"
                        + " ORDER BY member_id", tagged.get(1).id),
                equalTo(fans.get(1)));
        for (int q = 0; q < 2; q++) {
            long question = tagged.get(q).id;
            assertThat("the batch of question " + q + "'s followers ended at the third, where one continuation takes on",
                    data.text("SELECT string_agg(payload ->> 'after', ',') FROM outbox WHERE type = 'notifications.fan-out'"
                            + " AND CAST(payload ->> 'payload' AS jsonb) ->> 'questionId' = CAST(?1 AS text)", question),
                    equalTo(String.valueOf(fans.get(q).get(2))));
            // The continuation comes through the stream to the consumer, which tells the fourth follower (of the
            // second question: nobody, already told).
            await().atMost(WAIT).until(() -> data.count("SELECT count(*) FROM notification WHERE question_id = ?1",
                    question), n -> n == 4);
            assertThat(data.longs("SELECT member_id FROM notification WHERE question_id = ?1 AND kind = 'tag-question'"
                    + " ORDER BY member_id", question), equalTo(fans.get(q)));
        }
    }

    @Test
    void aContinuationOfAKindThisBuildDoesNotKnowIsSkipped() throws Exception {
        UUID event = UUID.randomUUID();
        StreamEvent unknown = entry(EventType.NOTIFICATIONS_FAN_OUT, json.writeValueAsString(
                new Payloads.FanOutContinued(event, "poll.created", "{\"pollId\": 1}", 0)));

        assertDoesNotThrow(() -> QuarkusTransaction.requiringNew().call(() -> {
            handler.handleBatch(List.of(unknown));
            return null;
        }));
        assertDoesNotThrow(() -> handler.handle(unknown));
        assertThat(data.count("SELECT count(*) FROM notification WHERE event_id = ?1", event), equalTo(0L));
    }

    private static StreamEvent entry(EventType type, String payload) {
        return new StreamEvent(System.currentTimeMillis() + "-0", UUID.randomUUID(), type.wireName, 1, payload);
    }

    @Test
    void theSameEventTwiceMakesOneNotificationAndOneMail() {
        Member asker = data.member("n-asker");
        Member answerer = data.member("n-answerer");
        long question = ApiPosts.ask(asker, "What does an event delivered twice make?", "notif-d");
        long answer = ApiPosts.answer(answerer, question, "An answer whose event the relay publishes twice.");
        await().atMost(WAIT).until(() -> kinds(asker), k -> k.equals("answer"));
        String eventId = data.text("SELECT CAST(event_id AS text) FROM notification WHERE answer_id = ?1", answer);

        republish(eventId);
        // A later event through the same group shows that the repeated one was handled by then.
        long later = ApiPosts.answer(answerer, question, "A later answer, handled after the repeated event.");
        await().atMost(WAIT).until(() -> kinds(asker), k -> k.equals("answer,answer"));

        assertThat(data.count("SELECT count(*) FROM notification WHERE event_id = CAST(?1 AS uuid)", eventId),
                equalTo(1L));
        assertThat(data.count("SELECT count(*) FROM mail_log l JOIN notification n ON n.id = l.notification_id"
                + " WHERE n.event_id = CAST(?1 AS uuid)", eventId), equalTo(1L));
        assertThat(later > answer, equalTo(true));
    }

    private void republish(String eventId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EventStream.FIELD_ID, eventId);
        fields.put(EventStream.FIELD_TYPE, data.text("SELECT type FROM outbox WHERE event_id = CAST(?1 AS uuid)", eventId));
        fields.put(EventStream.FIELD_VERSION, "1");
        fields.put(EventStream.FIELD_PAYLOAD,
                data.text("SELECT CAST(payload AS text) FROM outbox WHERE event_id = CAST(?1 AS uuid)", eventId));
        stream.publish(fields);
    }

    /** The member's notifications' kinds, in the order of their ids. */
    private String kinds(Member member) {
        return data.text("SELECT coalesce(string_agg(kind, ',' ORDER BY id), '') FROM notification WHERE member_id = ?1",
                member.id);
    }

    private long mails(Member member, String kind) {
        return data.count("SELECT count(*) FROM mail_log l JOIN notification n ON n.id = l.notification_id"
                + " WHERE l.recipient_id = ?1 AND n.kind = ?2", member.id, kind);
    }
}
