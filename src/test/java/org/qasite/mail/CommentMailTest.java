package org.qasite.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class CommentMailTest {

    private static final Pattern UNSUBSCRIBE = Pattern
            .compile("http://qa\\.example\\.org(/unsubscribe-comments/\\d+/[\\w-]+)");

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    long comment(Member author, String postPath, String body) {
        return WebSession.loggedIn(author.username).postJson("/api/v1/" + postPath + "/comments", Map.of("body", body))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    List<Mail> mailsTo(Member member) {
        return mailbox.getMailsSentTo(member.email);
    }

    List<Mail> awaitMails(Member member, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(member), mails -> mails.size() >= count);
    }

    /** The mail group handles events in stream order: once a later comment's mail came, every earlier one was handled. */
    void awaitEverythingBeforeHandled() {
        Member asker = data.member("sentinel-asker");
        comment(data.member("sentinel-commenter"), "questions/" + data.question(asker, "A later question").id,
                "A later comment, mailed.");
        awaitMails(asker, 1);
    }

    @Test
    void thePostsAuthorGetsOneMailWithTheCommentAndAnUnsubscribeLink() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "Why <comments> & mail?");
        Member answerer = data.member("answerer");
        Answer answer = data.answer(answerer, question, "Because people like to know.");
        Member commenter = data.member("commenter");
        long id = comment(commenter, "answers/" + answer.id, "Nice **answer**, but what about retries?");

        Mail mail = awaitMails(answerer, 1).get(0);
        assertThat(mail.getSubject(), equalTo("New comment on your answer to \"Why <comments> & mail?\""));
        String link = "http://qa.example.org/comments/" + id;
        assertThat(mail.getHtml(), hasElement("a[href='" + link + "']", equalTo("Read the comment")));
        assertThat(mail.getHtml(), hasElement("strong", equalTo("Display " + commenter.username)));
        assertThat(mail.getHtml(), hasElement("blockquote", equalTo("Nice answer, but what about retries?")));
        assertThat(mail.getText(), containsString("Read the comment: " + link));
        Matcher unsubscribe = UNSUBSCRIBE.matcher(mail.getText());
        assertThat(unsubscribe.find(), equalTo(true));
        assertThat(mail.getHeaders().get("List-Unsubscribe"), equalTo(List.of("<" + unsubscribe.group() + ">")));
        assertThat(mailsTo(asker), hasSize(0));

        // the link leads to the comment
        WebSession.visitor().get("/comments/" + id).then().statusCode(303)
                .header("Location", containsString("#comment-" + id));
        // one click unsubscribes from mail about comments, not from mail about answers
        RestAssured.given().redirects().follow(false).formParam("List-Unsubscribe", "One-Click")
                .post(unsubscribe.group(1)).then().statusCode(200);
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_comment = 'never'"
                + " AND mail_answer = 'instant'",
                answerer.id), equalTo(1L));
        RestAssured.given().get(unsubscribe.group(1)).then().statusCode(200)
                .body(hasElement("[data-unsubscribed]", containsString("no longer get mail about new comments")));
        RestAssured.given().get("/unsubscribe-comments/" + answerer.id + "/forged").then().statusCode(404);
    }

    @Test
    void noMailForOnesOwnCommentWhenSwitchedOffOrWhenTheCommentIsGone() {
        Member asker = data.member("asker");
        Question own = data.question(asker, "May I comment on my own question?");
        comment(asker, "questions/" + own.id, "Yes, and nobody is mailed about it.");
        Member quiet = data.member("quiet");
        data.execute("UPDATE member SET mail_comment = 'never' WHERE id = ?1", quiet.id);
        comment(data.member("commenter"), "questions/" + data.question(quiet, "Please do not mail me").id,
                "A comment nobody is mailed about.");

        awaitEverythingBeforeHandled();
        assertThat(mailsTo(asker), hasSize(0));
        assertThat(mailsTo(quiet), hasSize(0));
    }

    @Test
    void theCommentsPreferenceIsSavedFromTheSettingsAndShownAgain() {
        Member member = data.member("prefs");
        WebSession session = WebSession.loggedIn(member.username);
        assertThat(session.get("/settings").then().statusCode(200).extract().asString(),
                hasElement("select[name=mail_comment] option[value=instant][selected]"));
        session.request().multiPart("email", member.email).multiPart("display_name", member.displayName)
                .multiPart("mail_answer", "instant").multiPart("mail_comment", "never")
                .multiPart("csrf-token", session.csrfToken())
                .post("/settings").then().statusCode(303);
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_comment = 'never'"
                + " AND mail_answer = 'instant'",
                member.id), equalTo(1L));
        // a refused form keeps the choice as it was sent
        String refused = session.request().multiPart("email", "not an address").multiPart("display_name", "x")
                .multiPart("mail_comment", "daily").multiPart("csrf-token", session.csrfToken()).post("/settings").then()
                .statusCode(400).extract().asString();
        assertThat(refused, hasElement("select[name=mail_comment] option[value=daily][selected]"));
    }
}
