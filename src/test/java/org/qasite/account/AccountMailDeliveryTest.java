package org.qasite.account;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Maildev;
import org.qasite.testsupport.ProxiedServices;
import org.qasite.testsupport.RealServicesProfile;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The account mails end to end through a real SMTP server (maildev), and while Redis or the SMTP server is away: each
 * mail arrives once, and its link works once.
 */
@QuarkusTest
@TestProfile(RealServicesProfile.class)
class AccountMailDeliveryTest {

    private static final Pattern LINK = Pattern
            .compile("http://qa\\.example\\.org(/(?:reset-password|verify-email)\\?token=[A-Za-z0-9_-]+)");
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String NEW_PASSWORD = "violet trumpet harbour lantern";

    @Inject
    TestData data;

    /** Injected by {@link ProxiedServices}. */
    ProxiedServices.Proxies proxies;

    final Maildev maildev = Maildev.local();

    @AfterEach
    void bringTheServersBack() {
        // A failed test must not leave the next one without Redis or SMTP. (No request here needs the stream's Redis.)
        proxies.restoreAll();
    }

    @Test
    void aResetMailArrivesOnceAndItsLinkWorksOnce() {
        Member member = memberWithOwnAddress("reset");
        WebSession before = WebSession.loggedIn(member.username);
        askForReset(member.email);
        String link = linkIn(theOnlyMail(member.email));

        WebSession visitor = WebSession.visitor();
        visitor.get(link).then().statusCode(200);
        visitor.postForm("/reset-password", Map.of("token", token(link), "password", NEW_PASSWORD, "password_confirm",
                NEW_PASSWORD)).then().statusCode(303);
        before.get("/settings").then().statusCode(303);
        WebSession.visitor().request().contentType(ContentType.URLENC).formParam("username", member.username)
                .formParam("password", TestData.PASSWORD).post("/login").then().statusCode(303)
                .header("Location", containsString("error"));
        WebSession.loggedIn(null, member.username, NEW_PASSWORD).get("/settings").then().statusCode(200);
        visitor.get(link).then().statusCode(410);
        assertThat(maildev.to(member.email), hasSize(1));
    }

    @Test
    void aSignUpsConfirmationMailArrivesOnceAndItsLinkConfirms() {
        String username = TestData.uniqueName("newcomer");
        String email = username + "-" + UUID.randomUUID() + "@example.org";
        WebSession visitor = WebSession.visitor();
        visitor.request().multiPart("username", username).multiPart("email", email).multiPart("password", NEW_PASSWORD)
                .multiPart("password_confirm", NEW_PASSWORD).multiPart("csrf-token", visitor.csrfToken())
                .post("/signup").then().statusCode(303);
        String link = linkIn(theOnlyMail(email));
        WebSession.visitor().get(link).then().statusCode(200)
                .body(hasElement("[data-email-confirmed]", containsString(email)));
        assertThat(data.count("SELECT count(*) FROM member WHERE username = ?1 AND email_verified_at IS NOT NULL",
                username), equalTo(1L));
        assertThat(maildev.to(email), hasSize(1));
    }

    @Test
    void aResetAskedForWhileRedisIsDownIsMailedOnceWhenItIsBack() {
        Member member = memberWithOwnAddress("redis-down");
        proxies.redis().cut();
        askForReset(member.email);
        assertThat("the request waits in the outbox", data.count("SELECT count(*) FROM outbox WHERE type ="
                + " 'password-reset.requested' AND published_at IS NULL AND payload->>'email' = ?1", member.email),
                equalTo(1L));
        assertThat(maildev.to(member.email), empty());

        proxies.redis().restore();
        String link = linkIn(theOnlyMail(member.email));
        WebSession.visitor().get(link).then().statusCode(200);
    }

    @Test
    void aResetMailQueuedWhileSmtpIsDownIsSentOnceWhenItIsBack() {
        Member member = memberWithOwnAddress("smtp-down");
        proxies.smtp().cut();
        askForReset(member.email);
        await("a failed attempt").atMost(DELIVERY).until(() -> data.count("SELECT count(*) FROM mail_log WHERE"
                + " recipient_id = ?1 AND status = 'pending' AND attempts > 0", member.id), n -> n == 1);
        assertThat(maildev.to(member.email), empty());

        proxies.smtp().restore();
        String link = linkIn(theOnlyMail(member.email));
        WebSession.visitor().get(link).then().statusCode(200);
    }

    private static void askForReset(String email) {
        WebSession.visitor().postForm("/forgot-password", Map.of("email", email)).then().statusCode(303);
    }

    /** Waits for the one mail to the address, and for its row to be marked sent: then no second one can come. */
    private Maildev.Mail theOnlyMail(String address) {
        List<Maildev.Mail> mails = await("a mail to " + address).atMost(DELIVERY).until(() -> maildev.to(address),
                m -> !m.isEmpty());
        await("the mail marked sent").atMost(DELIVERY).until(() -> data.count("SELECT count(*) FROM mail_log WHERE"
                + " recipient = ?1 AND status = 'pending'", address), n -> n == 0);
        assertThat(maildev.to(address), hasSize(1));
        return mails.get(0);
    }

    private static String linkIn(Maildev.Mail mail) {
        Matcher m = LINK.matcher(mail.text());
        assertThat("a link in " + mail.text(), m.find(), equalTo(true));
        assertThat(mail.html(), hasElement("a[href='" + m.group() + "']"));
        return m.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** A member whose address no other test, run or person sharing the maildev server uses. */
    private Member memberWithOwnAddress(String prefix) {
        Member member = data.member(prefix);
        String email = prefix + "-" + UUID.randomUUID() + "@example.org";
        data.execute("UPDATE member SET email = ?1 WHERE id = ?2", email, member.id);
        member.email = email;
        return member;
    }
}
