package org.qasite.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.events.OutboxRelay;
import org.qasite.events.StreamConsumer;
import org.qasite.events.StreamConsumers;
import org.qasite.member.Member;
import org.qasite.notification.NotificationHandler;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** An answer deleted before its mail was queued is not mailed about; nor is one to a question deleted by then. */
@QuarkusTest
class DeletedAnswerMailTest {

    @Inject
    TestData data;

    @Inject
    StreamConsumers consumers;

    @Inject
    OutboxRelay relay;

    StreamConsumer consumer;

    @AfterEach
    void resume() {
        if (consumer != null) {
            consumer.resume();
        }
    }

    long answer(Member author, Question question, String body) {
        WebSession.loggedIn(author.username)
                .postForm("/questions/" + question.id + "/answers", Map.of("body", body)).then().statusCode(303);
        return data.count("SELECT max(id) FROM answer WHERE question_id = ?1 AND author_id = ?2", question.id, author.id);
    }

    long mailLog(long answerId) {
        return data.count("SELECT count(*) FROM mail_log WHERE answer_id = ?1", answerId);
    }

    @Test
    void noMailAboutAnAnswerDeletedBeforeTheMailGroupReadIt() {
        Member asker = data.member("mail-del-asker");
        Member answerer = data.member("mail-del-answerer");
        Question question = data.question(asker, "Is a deleted answer mailed about?");
        Member otherAsker = data.member("mail-del-other-asker");
        Question other = data.question(otherAsker, "Whose question stays?");
        Question gone = data.question(otherAsker, "Which question goes away?");

        consumer = consumers.get(NotificationHandler.GROUP);
        consumer.pause();
        long deleted = answer(answerer, question, "An answer its author thinks better of.");
        long toDeletedQuestion = answer(answerer, gone, "An answer to a question that goes away.");
        WebSession.loggedIn(answerer.username).request().delete("/api/v1/answers/" + deleted).then().statusCode(204);
        WebSession.loggedIn(otherAsker.username).request().delete("/api/v1/questions/" + gone.id).then().statusCode(204);
        long kept = answer(answerer, other, "An answer that stays.");
        relay.drain();
        consumer.resume();

        // handled in stream order: once the later answer's mail is logged, the earlier ones were handled
        await().atMost(Duration.ofSeconds(20)).until(() -> mailLog(kept), n -> n == 1L);
        assertThat(mailLog(deleted), equalTo(0L));
        assertThat(mailLog(toDeletedQuestion), equalTo(0L));
    }
}
