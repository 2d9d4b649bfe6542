package org.qasite.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Slug;
import org.qasite.testsupport.ApiPosts;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The instant mail of the kinds of notification that came with notifications (the mail about answers and comments is
 * in {@link AnswerMailTest} and {@link CommentMailTest}): its subject, excerpt, link and unsubscribe link, and that a
 * mail queued is not sent when the member no longer wants it, or its comment is gone, by the time its turn comes.
 */
@QuarkusTest
class NotificationMailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SITE = "http://qa.example.org";

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Test
    void anAnswerToAFollowedQuestionIsMailedAtOnceWhenTheMemberChoseSo() {
        Member asker = data.member("nm-asker");
        Member follower = data.member("nm-follower");
        Member answerer = data.member("nm-answerer");
        long question = ApiPosts.ask(asker, "How is a followed question's answer mailed?", "nm-follow");
        data.execute("INSERT INTO question_follow (member_id, question_id, following) VALUES (?1, ?2, true)",
                follower.id, question);
        setMail(follower, "mail_followed_answer", "instant");

        long answer = ApiPosts.answer(answerer, question, "Like this: **at once**, when you chose so in your settings.");

        Mail mail = awaitOneMail(follower);
        String link = SITE + "/answers/" + answer;
        assertThat(mail.getSubject(),
                equalTo("New answer to a question you follow: \"How is a followed question's answer mailed?\""));
        assertThat(mail.getHtml(), hasElement("strong", equalTo(answerer.displayName)));
        assertThat(mail.getHtml(), hasElement("a[href='" + link + "']", equalTo("Read the answer")));
        assertThat(mail.getHtml(), hasElement("blockquote",
                equalTo("Like this: at once, when you chose so in your settings.")));
        assertThat(mail.getText(), containsString("Read the answer: " + link));
        assertUnsubscribe(mail, "/unsubscribe-followed-answer/" + follower.id + "/");
    }

    @Test
    void aMentionIsMailedWithTheCommentAndItsLink() {
        Member asker = data.member("nm-asker");
        Member mentioned = data.member("nm-mentioned");
        Member commenter = data.member("nm-commenter");
        long question = ApiPosts.ask(asker, "Who is mentioned in this comment?", "nm-mention");
        // one can mention the people of the question's thread
        ApiPosts.answer(mentioned, question, "An answer by the member who will be mentioned.");

        long comment = WebSession.loggedIn(commenter.username).postJson("/api/v1/questions/" + question + "/comments",
                Map.of("body", "@" + mentioned.username + " knows the answer to this one."))
                .then().statusCode(201).extract().jsonPath().getLong("id");

        Mail mail = awaitOneMail(mentioned);
        assertThat(mail.getSubject(),
                equalTo(commenter.displayName + " mentioned you on \"Who is mentioned in this comment?\""));
        assertThat(mail.getHtml(), hasElement("a[href='" + SITE + "/comments/" + comment + "']",
                equalTo("Read the comment")));
        assertThat(mail.getHtml(), hasElement("blockquote", containsString("knows the answer to this one.")));
        assertUnsubscribe(mail, "/unsubscribe-mention/" + mentioned.id + "/");
    }

    @Test
    void anAcceptedAnswerIsMailedToItsAuthor() {
        Member asker = data.member("nm-asker");
        Member answerer = data.member("nm-answerer");
        long question = ApiPosts.ask(asker, "Which answer will be accepted here?", "nm-accept");
        long answer = ApiPosts.answer(answerer, question, "This one, because it is right.");

        WebSession.loggedIn(asker.username).postJson("/api/v1/answers/" + answer + "/accept", Map.of()).then()
                .statusCode(200);

        Mail mail = awaitOneMail(answerer);
        assertThat(mail.getSubject(), equalTo("Your answer to \"Which answer will be accepted here?\" was accepted"));
        assertThat(mail.getHtml(), hasElement("strong", equalTo(asker.displayName)));
        assertThat(mail.getHtml(), hasElement("a[href='" + SITE + "/answers/" + answer + "']",
                equalTo("See your answer")));
        assertThat(mail.getText(), containsString("This one, because it is right."));
        assertUnsubscribe(mail, "/unsubscribe-accepted/" + answerer.id + "/");
    }

    @Test
    void aNewQuestionInAFollowedTagIsMailedAtOnceWhenTheMemberChoseSo() {
        Member asker = data.member("nm-asker");
        Member fan = data.member("nm-fan");
        String tag = "nm-" + UUID.randomUUID().toString().substring(0, 8);
        // made without an event, so that its own question.created cannot reach the fan after they follow the tag
        data.question(asker, "A first question that makes the tag exist", tag);
        data.execute("INSERT INTO tag_follow (member_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2", fan.id, tag);
        setMail(fan, "mail_tag_question", "instant");

        long question = ApiPosts.ask(asker, "A new question the fan of the tag hears of", tag);

        Mail mail = awaitOneMail(fan);
        assertThat(mail.getSubject(),
                equalTo("New question in a tag you follow: \"A new question the fan of the tag hears of\""));
        assertThat(mail.getHtml(),
                hasElement("a[href='" + SITE + Slug.path(question, "A new question the fan of the tag hears of") + "']",
                        equalTo("Read the question")));
        assertThat(mail.getText(), containsString("asked a question tagged " + tag));
        assertUnsubscribe(mail, "/unsubscribe-tag-question/" + fan.id + "/");
    }

    @Test
    void aQueuedMailIsSkippedWhenThePreferenceBecameNeverOrTheCommentWasDeletedBeforeItsTurn() {
        Member asker = data.member("nm-asker");
        Member changed = data.member("nm-changed");
        Member deleted = data.member("nm-deleted");
        Member commenter = data.member("nm-commenter");
        // their mentions wait for the digest: no mail queued yet
        setMail(changed, "mail_mention", "daily");
        setMail(deleted, "mail_mention", "daily");
        long question = ApiPosts.ask(asker, "Which queued mails are not sent after all?", "nm-skip");
        ApiPosts.answer(changed, question, "An answer, so that this member can be mentioned.");
        ApiPosts.answer(deleted, question, "Another answer, so that this member can be mentioned too.");
        WebSession session = WebSession.loggedIn(commenter.username);
        session.postJson("/api/v1/questions/" + question + "/comments",
                Map.of("body", "@" + changed.username + " changes their mind.")).then().statusCode(201);
        long gone = session.postJson("/api/v1/questions/" + question + "/comments",
                Map.of("body", "@" + deleted.username + " will not see this comment.")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        await().atMost(WAIT).until(() -> data.count("SELECT count(*) FROM notification WHERE member_id IN (?1, ?2)"
                + " AND kind = 'mention'", changed.id, deleted.id), n -> n == 2L);

        // the mails as if queued while the preference was "instant", and changed (or the comment deleted) since
        QuarkusTransaction.requiringNew().run(() -> {
            queue(changed);
            setMail(changed, "mail_mention", "never");
            setMail(deleted, "mail_mention", "instant");
            queue(deleted);
            data.execute("UPDATE comment SET deleted_at = now() WHERE id = ?1", gone);
        });

        for (Member member : List.of(changed, deleted)) {
            await().atMost(WAIT).until(() -> data.text("SELECT status FROM mail_log WHERE recipient_id = ?1",
                    member.id), "skipped"::equals);
            assertThat(mailbox.getMailsSentTo(member.email), hasSize(0));
        }
    }

    @Test
    void aMailThatCannotBeComposedDoesNotHoldUpTheMailsQueuedBehindIt() {
        Member asker = data.member("nm-asker");
        Member broken = data.member("nm-broken");
        // a row no composer knows, first in the queue
        data.execute("""
                INSERT INTO mail_log (event_id, kind, recipient_id, recipient, next_attempt_at)
                VALUES (gen_random_uuid(), 'no-such-kind', ?1, ?2, now() - interval '1 minute')""", broken.id,
                broken.email);
        long question = ApiPosts.ask(asker, "Is my mail held up by a broken one?", "nm-broken");

        ApiPosts.answer(data.member("nm-answerer"), question, "No, the broken mail waits for its next attempt.");

        assertThat(awaitOneMail(asker).getSubject(), equalTo("New answer to \"Is my mail held up by a broken one?\""));
        // tried, and tried again later (then given up), never sent
        assertThat(data.text("SELECT concat(status <> 'sent', ' ', attempts > 0, ' ', last_error) FROM mail_log"
                + " WHERE recipient_id = ?1", broken.id), containsString("t t IllegalStateException: Mail"));
    }

    private void queue(Member member) {
        data.execute("""
                INSERT INTO mail_log (kind, notification_id, recipient_id, recipient)
                SELECT 'notification', id, member_id, ?2 FROM notification WHERE member_id = ?1 AND kind = 'mention'""",
                member.id,
                member.email);
    }

    private void assertUnsubscribe(Mail mail, String pathStart) {
        String header = mail.getHeaders().get("List-Unsubscribe").get(0);
        assertThat(header, matchesPattern("<" + SITE + pathStart.replace("/", "\\/") + "[\\w-]+>"));
        String url = header.substring(1, header.length() - 1);
        assertThat(mail.getHtml(), hasElement("a[href='" + url + "']", equalTo("Unsubscribe")));
        assertThat(mail.getHeaders().get("List-Unsubscribe-Post"), equalTo(List.of("List-Unsubscribe=One-Click")));
        // the link works, for that kind
        WebSession.visitor().get(url.substring(SITE.length())).then().statusCode(200);
    }

    private void setMail(Member member, String column, String frequency) {
        data.execute("UPDATE member SET " + column + " = ?1 WHERE id = ?2", frequency, member.id);
    }

    private Mail awaitOneMail(Member member) {
        List<Mail> mails = await().atMost(WAIT).until(() -> mailbox.getMailsSentTo(member.email), m -> !m.isEmpty());
        assertThat(mails, hasSize(1));
        return mails.get(0);
    }
}
