package org.qasite.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.ApiPosts;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Answers published shortly before notifications existed (the upgrade, with the retired mail group's backlog) still get
 * their mail, once, and make no notification; older ones get nothing. The start of notifications is moved for the test.
 */
@QuarkusTest
class UpgradeMailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestData data;

    @Inject
    NotificationHandler handler;

    String startedAt;

    @BeforeEach
    void keepStart() {
        startedAt = data.text("SELECT CAST(started_at AS text) FROM notification_start");
    }

    @AfterEach
    void restoreStart() {
        data.execute("UPDATE notification_start SET started_at = CAST(?1 AS timestamptz)", startedAt);
        handler.forgetStart();
    }

    @Test
    void anAnswerJustBeforeTheUpgradeIsMailedOnceAndMakesNoNotification() {
        // Notifications begin in ten minutes: an answer now is one the retired group might not have mailed.
        moveStart("10 minutes");
        Member asker = data.member("up-asker");
        Member answerer = data.member("up-answerer");
        long question = ApiPosts.ask(asker, "Is the answer of the upgrade's last minutes still mailed?", "upgrade");

        long answer = ApiPosts.answer(answerer, question, "Yes, by its event id, once.");

        await("the mail of before queued").atMost(WAIT).until(() -> data.count(
                "SELECT count(*) FROM mail_log WHERE kind = 'new-answer' AND answer_id = ?1 AND recipient_id = ?2",
                answer, asker.id), n -> n == 1);
        // A later answer through the same group shows the first was handled by then.
        moveStart("-10 minutes");
        long later = ApiPosts.answer(data.member("up-later"), question, "A later answer, with notifications on.");
        await().atMost(WAIT).until(() -> data.count(
                "SELECT count(*) FROM notification WHERE answer_id = ?1 AND member_id = ?2", later, asker.id), n -> n == 1);
        assertThat("no notification for the answer of before", data.count(
                "SELECT count(*) FROM notification WHERE answer_id = ?1", answer), equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE answer_id = ?1", answer), equalTo(1L));
    }

    @Test
    void anAnswerLongBeforeTheUpgradeGetsNothing() {
        moveStart("2 hours");
        Member asker = data.member("up-asker");
        Member answerer = data.member("up-answerer");
        long question = ApiPosts.ask(asker, "Is an answer from long before the upgrade mailed now?", "upgrade");

        long answer = ApiPosts.answer(answerer, question, "No: its mail went out long ago.");
        moveStart("-10 minutes");
        long later = ApiPosts.answer(data.member("up-later"), question, "A later answer, with notifications on.");

        await().atMost(WAIT).until(() -> data.count(
                "SELECT count(*) FROM notification WHERE answer_id = ?1 AND member_id = ?2", later, asker.id), n -> n == 1);
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE answer_id = ?1", answer), equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM notification WHERE answer_id = ?1", answer), equalTo(0L));
    }

    /** Notifications begin this long from now ("10 minutes", "-10 minutes"). */
    private void moveStart(String fromNow) {
        data.execute("UPDATE notification_start SET started_at = now() + CAST(?1 AS interval)", fromNow);
        handler.forgetStart();
    }
}
