package org.qasite.account;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasText;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EmailVerificationTest {

    static final Pattern VERIFY_LINK = Pattern.compile("http://qa\\.example\\.org(/verify-email\\?token=[A-Za-z0-9_-]+)");
    static final String PASSWORD = "violet trumpet harbour lantern";

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    List<Mail> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.getMailsSentTo(address),
                mails -> mails.size() >= count);
    }

    static String link(Mail mail) {
        Matcher m = VERIFY_LINK.matcher(mail.getText());
        assertThat("a confirmation link in " + mail.getText(), m.find(), equalTo(true));
        return m.group(1);
    }

    void signUp(String username) {
        WebSession visitor = WebSession.visitor();
        visitor.request().multiPart("username", username).multiPart("email", username + "@example.org")
                .multiPart("password", PASSWORD).multiPart("password_confirm", PASSWORD)
                .multiPart("csrf-token", visitor.csrfToken()).post("/signup").then().statusCode(303);
    }

    long answer(Member author, Question question, String body) {
        WebSession.loggedIn(author.username)
                .postForm("/questions/" + question.id + "/answers", Map.of("body", body)).then().statusCode(303);
        return data.count("SELECT max(id) FROM answer WHERE question_id = ?1 AND author_id = ?2", question.id, author.id);
    }

    /** The mail group handles events in stream order: once a later answer's mail arrived, the earlier were handled. */
    void awaitEverythingBeforeHandled() {
        Member asker = data.member("sentinel-asker");
        answer(data.member("sentinel-answerer"), data.question(asker, "A later question"), "A later answer.");
        awaitMails(asker.email, 1);
    }

    @Test
    void aNewMemberConfirmsTheAddressBeforeGettingMailAboutAnswers() {
        String username = TestData.uniqueName("newcomer");
        String email = username + "@example.org";
        signUp(username);
        long memberId = data.count("SELECT id FROM member WHERE username = ?1", username);
        Mail mail = awaitMails(email, 1).get(0);
        assertThat(mail.getSubject(), equalTo("Confirm your email address on Q&A"));
        String link = link(mail);
        assertThat(mail.getHtml(), hasElement("a[href='http://qa.example.org" + link + "']", equalTo("Confirm my address")));

        WebSession member = WebSession.loggedIn(null, username, PASSWORD);
        member.get("/settings").then().statusCode(200).body(hasElement("[data-email-verified=false]"),
                hasElement("#resend-verification-form button", equalTo("Send the link again")));
        Member newcomer = new Member();
        newcomer.id = memberId;
        newcomer.username = username;
        Question question = data.question(newcomer, "Will I hear about answers?");
        answer(data.member("answerer"), question, "Not before you confirm.");
        awaitEverythingBeforeHandled();
        assertThat("no mail about answers to an unconfirmed address", mailbox.getMailsSentTo(email), hasSize(1));

        member.get(link).then().statusCode(200).body(hasElement("[data-email-confirmed]", containsString(email)));
        member.get("/settings").then().statusCode(200).body(hasElement("[data-email-verified=true]"));
        // opened again (a mail scanner may have been first): still confirmed
        WebSession.visitor().get(link).then().statusCode(200);
        answer(data.member("answerer"), question, "Now you hear about it.");
        assertThat(awaitMails(email, 2).get(1).getSubject(), containsString("New answer"));
    }

    @Test
    void aNewAddressCountsOnceConfirmedAndTheOldOneGetsANotice() {
        Member member = data.member("mover");
        String newEmail = "moved-" + member.email;
        WebSession session = WebSession.loggedIn(member.username);
        session.request().multiPart("email", newEmail).multiPart("display_name", member.displayName)
                .multiPart("csrf-token", session.csrfToken()).post("/settings").then().statusCode(303);
        String link = link(awaitMails(newEmail, 1).get(0));
        assertThat(data.text("SELECT email::text FROM member WHERE id = ?1", member.id), equalTo(member.email));
        session.get("/settings").then().statusCode(200).body(hasElement("[data-email-pending]", containsString(newEmail)),
                hasElement("[data-email-verified=true]", containsString(member.email)));
        assertThat("nothing to the old address yet", mailbox.getMailsSentTo(member.email), hasSize(0));

        session.get(link).then().statusCode(200).body(hasElement("[data-email-confirmed]", containsString(newEmail)));
        assertThat(data.text("SELECT email::text FROM member WHERE id = ?1", member.id), equalTo(newEmail));
        Mail notice = awaitMails(member.email, 1).get(0);
        assertThat(notice.getSubject(), equalTo("The email address of your account on Q&A changed"));
        assertThat(notice.getText(), containsString(newEmail));
        session.get("/settings").then().statusCode(200).body(hasElement("[data-email-verified=true]",
                containsString(newEmail)));
        session.get(link).then().statusCode(200); // opened again: the same answer
    }

    @Test
    void anAddressAnotherMemberTookMeanwhileStaysTheirs() {
        Member member = data.member("slow");
        Member quick = data.member("quick");
        String wanted = "wanted-" + member.email;
        WebSession session = WebSession.loggedIn(member.username);
        session.request().multiPart("email", wanted).multiPart("display_name", member.displayName)
                .multiPart("csrf-token", session.csrfToken()).post("/settings").then().statusCode(303);
        String link = link(awaitMails(wanted, 1).get(0));
        data.execute("UPDATE member SET email = ?1 WHERE id = ?2", wanted, quick.id);
        session.get(link).then().statusCode(409).body(hasElement("[data-link-refused]",
                containsString("Another account uses " + wanted)));
        assertThat(data.text("SELECT email::text FROM member WHERE id = ?1", member.id), equalTo(member.email));
    }

    @Test
    void theLinkIsSentAgainOnRequestAFewTimesAnHour() {
        Member member = data.member("unconfirmed");
        data.execute("UPDATE member SET email_verified_at = NULL WHERE id = ?1", member.id);
        WebSession session = WebSession.loggedIn(member.username);
        for (int i = 1; i <= 5; i++) {
            session.postForm("/settings/email/verify", Map.of()).then().statusCode(303);
            session.get("/settings").then().body(hasText(containsString("A new link is on its way to " + member.email)));
            awaitMails(member.email, i);
        }
        session.postForm("/settings/email/verify", Map.of()).then().statusCode(303);
        session.get("/settings").then().body(hasText(containsString("You are going too fast")));
        // only the newest link works
        List<Mail> mails = mailbox.getMailsSentTo(member.email);
        session.get(link(mails.get(0))).then().statusCode(410);
        session.get(link(mails.get(4))).then().statusCode(200);
        session.postForm("/settings/email/verify", Map.of()).then().statusCode(303);
        session.get("/settings").then().body(hasText(containsString("Your email address is confirmed already.")));
        WebSession.visitor().get("/verify-email?token=nonsense").then().statusCode(400)
                .body(hasElement("[data-link-refused]", containsString("This link is not valid")));
    }
}
