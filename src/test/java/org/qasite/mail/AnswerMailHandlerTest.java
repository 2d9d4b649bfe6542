package org.qasite.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.events.EventStream;
import org.qasite.events.EventType;
import org.qasite.events.StreamConsumer;
import org.qasite.events.StreamConsumers;
import org.qasite.member.Member;
import org.qasite.notification.NotificationHandler;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The notifications group (which queues the mail about answers) handles a batch of entries in one transaction, and entry by
 * entry when one of them fails.
 */
@QuarkusTest
class AnswerMailHandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestData data;

    @Inject
    EventStream stream;

    @Inject
    StreamConsumers consumers;

    StreamConsumer consumer;
    Member asker;
    Member answerer;
    Question question;

    @BeforeEach
    void setUp() {
        consumer = consumers.get(NotificationHandler.GROUP);
        asker = data.member("mail-asker");
        answerer = data.member("mail-answerer");
        question = data.question(asker, "Which mails does a batch of answers queue?");
    }

    @AfterEach
    void resume() {
        consumer.resume();
    }

    @Test
    void aBatchOfEntriesSharesOneTransaction() {
        List<UUID> events = new ArrayList<>();
        consumer.pause();
        for (int i = 0; i < 3; i++) {
            events.add(publish(answerCreated(data.answer(answerer, question, "Batched answer " + i + "."))));
        }
        consumer.resume();

        await("three mails logged").atMost(WAIT).until(() -> mails(events), n -> n == 3);
        assertThat("one transaction", transactions(events), equalTo(1L));
    }

    @Test
    void aFailingEntryLeavesTheOthersHandledOnceEach() {
        List<UUID> events = new ArrayList<>();
        long deadLetters = consumer.deadLetteredCount();
        consumer.pause();
        events.add(publish(answerCreated(data.answer(answerer, question, "Answer before the broken entry."))));
        publish("not JSON");
        events.add(publish(answerCreated(data.answer(answerer, question, "Answer after the broken entry."))));
        consumer.resume();

        await("two mails logged").atMost(WAIT).until(() -> mails(events), n -> n == 2);
        assertThat("each entry in its own transaction", transactions(events), equalTo(2L));
        // The broken entry is never acked: it is retried, then moved to the dead-letter stream.
        await("the broken entry dead-lettered").atMost(WAIT).until(consumer::deadLetteredCount, n -> n > deadLetters);
        assertThat(mails(events), equalTo(2L));
    }

    String answerCreated(Answer answer) {
        return "{\"answerId\":%d,\"questionId\":%d,\"authorId\":%d,\"questionAuthorId\":%d}".formatted(answer.id,
                question.id, answerer.id, asker.id);
    }

    UUID publish(String payload) {
        UUID eventId = UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EventStream.FIELD_ID, eventId.toString());
        fields.put(EventStream.FIELD_TYPE, EventType.ANSWER_CREATED.wireName);
        fields.put(EventStream.FIELD_VERSION, Integer.toString(EventType.ANSWER_CREATED.version));
        fields.put(EventStream.FIELD_PAYLOAD, payload);
        stream.publish(fields);
        return eventId;
    }

    long mails(List<UUID> events) {
        return events.stream().mapToLong(e -> data.count("SELECT count(*) FROM mail_log WHERE event_id = ?1", e)).sum();
    }

    /**
     * How many transactions inserted the events' mail_log rows: {@code created_at} defaults to {@code now()}, the start
     * of the inserting transaction (unlike {@code xmin}, which the sender's later update changes).
     */
    long transactions(List<UUID> events) {
        String params = IntStream.rangeClosed(1, events.size()).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
        return data.count("SELECT count(DISTINCT created_at) FROM mail_log WHERE event_id IN (" + params + ")",
                events.toArray());
    }
}
