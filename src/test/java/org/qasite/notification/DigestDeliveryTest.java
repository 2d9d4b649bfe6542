package org.qasite.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Maildev;
import org.qasite.testsupport.RealServicesProfile;
import org.qasite.testsupport.TestData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A daily digest end to end through a real SMTP server (maildev): it arrives, once, however often the job runs. */
@QuarkusTest
@TestProfile(RealServicesProfile.class)
class DigestDeliveryTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    TestData data;

    @Inject
    Digests digests;

    final Maildev maildev = Maildev.local();

    @Test
    void aDailyDigestArrivesOnce() {
        Member reader = data.member("digest-smtp");
        String email = "digest-smtp-" + UUID.randomUUID() + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> Member.update("email = ?1 where id = ?2", email, reader.id));
        Member answerer = data.member("digest-smtp-answerer");
        Question question = data.question(data.member("digest-smtp-asker"), "Does the digest reach the mailbox?");
        Answer answer = data.answer(answerer, question, "It does, through SMTP.");
        Instant day = Instant.parse("2022-01-18T00:00:00Z");
        data.count("""
                INSERT INTO notification (member_id, event_id, kind, question_id, answer_id, actor_id, created_at)
                VALUES (?1, gen_random_uuid(), 'followed-answer', ?2, ?3, ?4, CAST(?5 AS timestamptz)) RETURNING id""",
                reader.id,
                question.id, answer.id, answerer.id, day.plusSeconds(3_600));

        Instant now = Instant.parse("2022-01-19T06:00:00Z");
        digests.run(now);
        digests.run(now);

        await("the digest sent").atMost(DELIVERY).until(() -> data.count(
                "SELECT count(*) FROM mail_log WHERE recipient_id = ?1 AND kind = 'digest' AND status = 'sent'",
                reader.id), n -> n == 1L);
        await("the digest in the mailbox").atMost(DELIVERY).until(() -> maildev.to(email), m -> !m.isEmpty());
        digests.run(now.plus(Duration.ofDays(1)));
        List<Maildev.Mail> mails = maildev.to(email);
        assertThat(mails, hasSize(1));
        Maildev.Mail mail = mails.get(0);
        assertThat(mail.subject(), containsString("Your daily digest: 1 unread notification"));
        assertThat(mail.html(), hasElement("[data-digest-question]", equalTo("Does the digest reach the mailbox?")));
        assertThat(mail.html(), hasElement("a[href='http://qa.example.org/answers/" + answer.id + "']",
                equalTo(answerer.displayName + " answered")));
        assertThat(mail.headers().get("list-unsubscribe"), containsString("/unsubscribe-daily/" + reader.id + "/"));
        assertThat(mail.headers().get("list-unsubscribe-post"), equalTo("List-Unsubscribe=One-Click"));
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE recipient_id = ?1", reader.id), equalTo(1L));
    }
}
