package org.qasite.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasText;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qasite.member.MailFrequency;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The daily and weekly digests: what one lists, that a period's digest is made once whatever the number of runs or
 * instances, and that nothing is sent when nothing is left unread. Each test works in a period of its own, long past,
 * and runs the job as if it were then.
 */
@QuarkusTest
class DigestTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestData data;

    @Inject
    Digests digests;

    @Inject
    Inbox inbox;

    @Inject
    MockMailbox mailbox;

    @Inject
    @RedisClientName("locks")
    RedisDataSource locks;

    @Test
    void theDailyDigestListsTheDaysUnreadNotificationsGroupedByQuestionAndLeavesReadOnesOut() {
        Member reader = data.member("digest-reader");
        setMail(reader, "mail_answer", MailFrequency.DAILY);
        Member alice = data.member("digest-alice");
        Member bob = data.member("digest-bob");
        Question first = data.question(reader, "Why is my digest grouped by question?");
        Question second = data.question(data.member("digest-other"), "Which question do I follow here?");
        Answer a1 = data.answer(alice, first, "Alice answers the first question.");
        Answer a2 = data.answer(bob, first, "Bob answers the first question too.");
        Answer a3 = data.answer(alice, second, "Alice answers the followed question.");
        Answer readOne = data.answer(bob, second, "Bob's answer that the reader has read already.");
        Instant day = Instant.parse("2021-03-02T00:00:00Z");
        notify(reader, "answer", first, a1, alice, day.plusSeconds(3_600), false);
        notify(reader, "answer", first, a2, bob, day.plusSeconds(7_200), false);
        notify(reader, "followed-answer", second, a3, alice, day.plusSeconds(80_000), false);
        notify(reader, "followed-answer", second, readOne, bob, day.plusSeconds(80_100), true);
        // the first moment of the next day belongs to the next day's digest
        notify(reader, "answer", first, a1, bob, day.plusSeconds(86_400), false);

        digests.run(Instant.parse("2021-03-03T01:00:00Z"));

        assertThat(data.count("SELECT count(*) FROM digest WHERE member_id = ?1 AND period_start = ?2",
                reader.id, day), equalTo(1L));
        Mail mail = awaitOneMail(reader);
        assertThat(mail.getSubject(), equalTo("Your daily digest: 3 unread notifications on " + siteName()));
        Document html = Jsoup.parse(mail.getHtml());
        assertThat(html.select("[data-digest-question]").eachText(),
                equalTo(List.of("Why is my digest grouped by question?", "Which question do I follow here?")));
        assertThat(html.select("[data-digest-line]").eachText(), equalTo(List.of(
                alice.displayName + " answered your question", bob.displayName + " answered your question",
                alice.displayName + " answered")));
        assertThat(html.select("[data-digest-line]").eachAttr("href"), equalTo(List.of(
                "http://qa.example.org/answers/" + a1.id,
                "http://qa.example.org/answers/" + a2.id,
                "http://qa.example.org/answers/" + a3.id)));
        assertThat(mail.getHtml(), hasText(containsString("Tuesday 2 March 2021")));
        assertThat(mail.getText(), containsString(alice.displayName + " answered your question: http://qa.example.org"));
        // the digest's own unsubscribe link switches off the digest; the body offers each kind in it
        assertThat(mail.getHeaders().get("List-Unsubscribe").get(0), containsString("/unsubscribe-daily/" + reader.id + "/"));
        assertThat(mail.getHeaders().get("List-Unsubscribe-Post"), equalTo(List.of("List-Unsubscribe=One-Click")));
        assertThat(html.select("[data-unsubscribe-kind]").eachText(), equalTo(List.of(
                "A new answer to my question", "A new answer to a question I follow", "A new question in a tag I follow")));
        assertThat(html.select("[data-unsubscribe-kind]").eachAttr("href").get(1),
                containsString("/unsubscribe-followed-answer/" + reader.id + "/"));
    }

    @Test
    void aMemberWhoChoseRussianGetsTheDigestInRussian() {
        Member reader = data.member("digest-ru");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", reader.id);
        setMail(reader, "mail_answer", MailFrequency.DAILY);
        Member alice = data.member("digest-ru-alice");
        Question question = data.question(reader, "Which language is my digest in?");
        Answer answer = data.answer(alice, question, "Alice answers a reader of Russian.");
        Instant day = Instant.parse("2021-06-01T00:00:00Z");
        notify(reader, "answer", question, answer, alice, day.plusSeconds(3_600), false);

        digests.run(Instant.parse("2021-06-02T01:00:00Z"));

        Mail mail = awaitOneMail(reader);
        assertThat(mail.getSubject(),
                equalTo("Ваша ежедневная сводка: 1 непрочитанное уведомление на сайте " + siteName()));
        Document html = Jsoup.parse(mail.getHtml());
        assertThat(html.selectFirst("html").attr("lang"), equalTo("ru"));
        assertThat(html.select("[data-digest-line]").eachText(),
                equalTo(List.of("Пользователь " + alice.displayName + " ответил на ваш вопрос")));
        assertThat(html.select("[data-unsubscribe-kind]").eachText(), equalTo(List.of("Новый ответ на мой вопрос",
                "Новый ответ на вопрос, на который я подписан", "Новый вопрос с меткой, на которую я подписан")));
        assertThat(mail.getText(), containsString("Непрочитанные уведомления за 1 июня 2021 (UTC), всего 1:"));
        assertThat(mail.getText(), containsString("Отписаться от ежедневной сводки (входить на сайт не нужно): "));
        assertThat(mail.getText(), not(containsString("Hello")));
    }

    @Test
    void anAnswererWhoDeletedTheirAccountIsSomeoneInTheReadersLanguage() {
        Member reader = data.member("digest-gone");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", reader.id);
        setMail(reader, "mail_answer", MailFrequency.DAILY);
        Member gone = data.member("digest-gone-answerer");
        Question question = data.question(reader, "Who answered me before leaving?");
        Answer answer = data.answer(gone, question, "An answer whose author deletes their account.");
        Instant day = Instant.parse("2021-06-08T00:00:00Z");
        notify(reader, "answer", question, answer, gone, day.plusSeconds(3_600), false);
        // as the account deletion leaves the row
        data.execute("UPDATE member SET username = 'deleted:' || id, display_name = 'deleted member', email = NULL,"
                + " password_hash = NULL, avatar_hash = NULL, deleted_at = now() WHERE id = ?1", gone.id);

        digests.run(Instant.parse("2021-06-09T01:00:00Z"));

        Document html = Jsoup.parse(awaitOneMail(reader).getHtml());
        assertThat(html.select("[data-digest-line]").eachText(), equalTo(List.of("Кто-то ответил на ваш вопрос")));
    }

    @Test
    void theJobRunTwiceMakesOneDigestAndOneMail() {
        Member reader = data.member("digest-twice");
        Instant day = Instant.parse("2021-04-10T00:00:00Z");
        followedAnswers(reader, day, 2);

        Instant now = Instant.parse("2021-04-11T00:30:00Z");
        assertThat(digests.run(now) >= 1, equalTo(true));
        digests.run(now);
        digests.run(now.plus(Duration.ofHours(20))); // later runs look at the same day again

        assertThat(data.count("SELECT count(*) FROM digest WHERE member_id = ?1", reader.id), equalTo(1L));
        assertThat(data.count("SELECT count(*) FROM mail_log l JOIN digest d ON d.id = l.digest_id"
                + " WHERE d.member_id = ?1", reader.id), equalTo(1L));
        awaitOneMail(reader);
        await().atMost(WAIT).until(() -> data.count("SELECT count(*) FROM mail_log WHERE recipient_id = ?1"
                + " AND status = 'sent'", reader.id), n -> n == 1L);
        assertThat(mailbox.getMailsSentTo(reader.email), hasSize(1));
    }

    /**
     * Two instances making the same period's digests at once, past the lock (it expired, or Redis lost it): the first
     * holds its transaction open until the second waits on it in the database; then the second makes nothing.
     */
    @Test
    void twoConcurrentRunsOfThePeriodMakeOneDigest() throws Exception {
        Member reader = data.member("digest-race");
        Instant day = Instant.parse("2021-05-20T00:00:00Z");
        followedAnswers(reader, day, 1);
        Digests.Period period = new Digests.Period(MailFrequency.DAILY, day, day.plus(Duration.ofDays(1)));

        // two threads of their own (the common pool may have one)
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch firstMade = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    List<Long> ids = digests.make(period);
                    firstMade.countDown();
                    secondWaiting.await(30, TimeUnit.SECONDS);
                    return ids;
                }), threads);
        firstMade.await(30, TimeUnit.SECONDS);
        CompletableFuture<List<Long>> second = CompletableFuture
                .supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> digests.make(period)), threads);
        await("the second run waiting for the first one's digest").atMost(WAIT).until(() -> data.count(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO digest%'"),
                n -> n >= 1);
        secondWaiting.countDown();

        try {
            assertThat(first.get(30, TimeUnit.SECONDS), hasSize(1));
            assertThat(second.get(30, TimeUnit.SECONDS), hasSize(0));
        } finally {
            threads.shutdownNow();
        }
        assertThat(data.count("SELECT count(*) FROM digest WHERE member_id = ?1", reader.id), equalTo(1L));
        assertThat(data.count("SELECT count(*) FROM mail_log l JOIN digest d ON d.id = l.digest_id"
                + " WHERE d.member_id = ?1", reader.id), equalTo(1L));
    }

    @Test
    void aMemberWithNothingUnreadGetsNoDigest() {
        Member reader = data.member("digest-none");
        Member quiet = data.member("digest-quiet");
        setMail(quiet, "mail_followed_answer", MailFrequency.NEVER);
        Instant day = Instant.parse("2021-06-15T00:00:00Z");
        List<Long> ids = followedAnswers(reader, day, 2);
        followedAnswers(quiet, day, 1);
        QuarkusTransaction.requiringNew().run(() -> inbox.markRead(reader.id, ids));

        digests.run(Instant.parse("2021-06-16T00:30:00Z"));

        assertThat(data.count("SELECT count(*) FROM digest WHERE member_id IN (?1, ?2)", reader.id, quiet.id),
                equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE recipient_id IN (?1, ?2)", reader.id, quiet.id),
                equalTo(0L));
    }

    @Test
    void theWeeklyDigestGathersAnIsoWeekFromMonday() {
        Member reader = data.member("digest-weekly");
        setMail(reader, "mail_tag_question", MailFrequency.WEEKLY);
        Member asker = data.member("digest-asker");
        Question monday = data.question(asker, "A question asked on Monday morning");
        Question sunday = data.question(asker, "A question asked late on Sunday");
        Question nextWeek = data.question(asker, "A question of the week after");
        Instant week = Instant.parse("2021-08-02T00:00:00Z"); // a Monday
        notify(reader, "tag-question", monday, null, asker, week.plusSeconds(60), false);
        notify(reader, "tag-question", sunday, null, asker, week.plus(Duration.ofDays(7)).minusSeconds(60), false);
        notify(reader, "tag-question", nextWeek, null, asker, week.plus(Duration.ofDays(7)), false);

        // Wednesday of the week after: the week of 2 August ended, the next one did not
        digests.run(Instant.parse("2021-08-11T12:00:00Z"));

        assertThat(data.text("SELECT concat(frequency, ' ', CAST(period_start AT TIME ZONE 'UTC' AS text), ' ',"
                + " CAST(period_end AT TIME ZONE 'UTC' AS text)) FROM digest WHERE member_id = ?1", reader.id),
                equalTo("weekly 2021-08-02 00:00:00 2021-08-09 00:00:00"));
        Mail mail = awaitOneMail(reader);
        assertThat(mail.getSubject(), equalTo("Your weekly digest: 2 unread notifications on " + siteName()));
        assertThat(mail.getHtml(), hasText(containsString("the week of Monday 2 August 2021")));
        assertThat(Jsoup.parse(mail.getHtml()).select("[data-digest-question]").eachText(), equalTo(List.of(
                "A question asked on Monday morning", "A question asked late on Sunday")));
        assertThat(mail.getHtml(), not(hasText(containsString("A question of the week after"))));
        assertThat(mail.getHeaders().get("List-Unsubscribe").get(0), containsString("/unsubscribe-weekly/"));
    }

    @Test
    void aDigestWhoseNotificationsWereAllReadBeforeItsMailWentIsSkipped() {
        Member reader = data.member("digest-read");
        Instant day = Instant.parse("2021-09-07T00:00:00Z");
        List<Long> ids = followedAnswers(reader, day, 2);
        Digests.Period period = new Digests.Period(MailFrequency.DAILY, day, day.plus(Duration.ofDays(1)));

        // made, and read in the inbox, before the sender's next turn
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(digests.make(period), hasSize(1));
            inbox.markRead(reader.id, ids);
        });

        await().atMost(WAIT).until(() -> data.text("SELECT status FROM mail_log WHERE recipient_id = ?1", reader.id),
                "skipped"::equals);
        assertThat(mailbox.getMailsSentTo(reader.email), hasSize(0));
    }

    @Test
    void whileAnotherInstanceHoldsTheLockTheJobMakesNothing() {
        Member reader = data.member("digest-locked");
        Instant day = Instant.parse("2021-10-12T00:00:00Z");
        followedAnswers(reader, day, 1);
        locks.value(String.class).set(Digests.LOCK_KEY, "another-instance");
        try {
            assertThat(digests.run(Instant.parse("2021-10-13T00:30:00Z")), equalTo(-1));
            assertThat(data.count("SELECT count(*) FROM digest WHERE member_id = ?1", reader.id), equalTo(0L));
        } finally {
            locks.key().del(Digests.LOCK_KEY);
        }
        digests.run(Instant.parse("2021-10-13T00:30:00Z"));
        assertThat(data.count("SELECT count(*) FROM digest WHERE member_id = ?1", reader.id), equalTo(1L));
    }

    @Test
    void periodsAreUtcDaysAndIsoWeeksThatEndedAtLeastTheDelayAgo() {
        Duration delay = Duration.ofMinutes(10);
        // Monday 00:05: the delay has not passed since Sunday ended, so Saturday is the last day ready
        Instant monday = Instant.parse("2021-08-09T00:05:00Z");
        assertThat(Digests.ended(MailFrequency.DAILY, monday, delay, 2), equalTo(List.of(
                new Digests.Period(MailFrequency.DAILY, Instant.parse("2021-08-06T00:00:00Z"),
                        Instant.parse("2021-08-07T00:00:00Z")),
                new Digests.Period(MailFrequency.DAILY, Instant.parse("2021-08-07T00:00:00Z"),
                        Instant.parse("2021-08-08T00:00:00Z")))));
        assertThat(Digests.ended(MailFrequency.WEEKLY, monday, delay, 1), equalTo(List.of(
                new Digests.Period(MailFrequency.WEEKLY, Instant.parse("2021-07-26T00:00:00Z"),
                        Instant.parse("2021-08-02T00:00:00Z")))));
        // ten minutes later the week of 2 August is ready too
        assertThat(Digests.ended(MailFrequency.WEEKLY, monday.plus(delay), delay, 1).get(0).start(),
                equalTo(Instant.parse("2021-08-02T00:00:00Z")));
    }

    /** {@code count} unread "followed-answer" notifications (daily by default) of the member, an hour apart. */
    private List<Long> followedAnswers(Member reader, Instant day, int count) {
        Member answerer = data.member("digest-answerer");
        Question question = data.question(data.member("digest-asker"), "A question the reader follows, " + day);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> notify(reader, "followed-answer", question,
                data.answer(answerer, question, "Answer " + i + " to a followed question."), answerer,
                day.plus(Duration.ofHours(i + 1)), false)).toList();
    }

    private long notify(Member member, String kind, Question question, Answer answer, Member actor, Instant at,
            boolean read) {
        return data.count("""
                INSERT INTO notification (member_id, event_id, kind, question_id, answer_id, actor_id, created_at, read_at)
                VALUES (?1, gen_random_uuid(), ?2, ?3, NULLIF(CAST(?4 AS bigint), 0), ?5, CAST(?6 AS timestamptz),
                        CASE WHEN ?7 THEN CAST(?6 AS timestamptz) END)
                RETURNING id""", member.id, kind, question.id, answer == null ? 0L : answer.id, actor.id, at, read);
    }

    private void setMail(Member member, String column, MailFrequency frequency) {
        data.execute("UPDATE member SET " + column + " = ?1 WHERE id = ?2", frequency.value(), member.id);
    }

    private Mail awaitOneMail(Member member) {
        List<Mail> mails = await().atMost(WAIT).until(() -> mailbox.getMailsSentTo(member.email), m -> !m.isEmpty());
        assertThat(mails, hasSize(1));
        return mails.get(0);
    }

    private static String siteName() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("qa.site.name", String.class);
    }
}
