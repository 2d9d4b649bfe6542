package org.qasite.account;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PasswordResetTest {

    static final Pattern RESET_LINK = Pattern.compile("http://qa\\.example\\.org/reset-password\\?token=([A-Za-z0-9_-]+)");
    static final String NEW_PASSWORD = "violet trumpet harbour lantern";

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    static void askForReset(String email) {
        WebSession.visitor().postForm("/forgot-password", Map.of("email", email)).then().statusCode(303)
                .header("Location", endsWithPath("/forgot-password"));
    }

    static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.anyOf(equalTo(path), org.hamcrest.Matchers.endsWith(path));
    }

    List<Mail> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.getMailsSentTo(address),
                mails -> mails.size() >= count);
    }

    static String token(Mail mail) {
        Matcher m = RESET_LINK.matcher(mail.getText());
        assertThat("a reset link in " + mail.getText(), m.find(), equalTo(true));
        return m.group(1);
    }

    static String path(String token) {
        return "/reset-password?token=" + token;
    }

    @Test
    void theAnswerIsTheSameForAnAddressNobodyHas() {
        Member member = data.member("forgetful");
        String nobody = "nobody-" + member.username + "@example.com";
        var known = WebSession.visitor().postForm("/forgot-password", Map.of("email", member.email));
        var unknown = WebSession.visitor().postForm("/forgot-password", Map.of("email", nobody));
        known.then().statusCode(303);
        unknown.then().statusCode(303).header("Location", equalTo(known.header("Location")));
        String knownFlash = URLDecoder.decode(known.getCookie("qa-flash"), StandardCharsets.UTF_8);
        String unknownFlash = URLDecoder.decode(unknown.getCookie("qa-flash"), StandardCharsets.UTF_8);
        assertThat(unknownFlash.replace(nobody, member.email), equalTo(knownFlash));

        Mail mail = awaitMails(member.email, 1).get(0);
        assertThat(mail.getSubject(), equalTo("Reset your password on Q&A"));
        assertThat(mail.getHtml(), hasElement("a[href='http://qa.example.org" + path(token(mail)) + "']",
                equalTo("Choose a new password")));
        assertThat(mail.getText(), containsString(member.username));
        assertThat(mailbox.getMailsSentTo(nobody), hasSize(0));
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE recipient = ?1", nobody), equalTo(0L));
    }

    @Test
    void theLinkSetsANewPasswordOnceAndEndsEverySession() {
        Member member = data.member("reset");
        WebSession before = WebSession.loggedIn(member.username);
        before.get("/settings").then().statusCode(200);
        askForReset(member.email);
        String token = token(awaitMails(member.email, 1).get(0));

        WebSession visitor = WebSession.visitor();
        visitor.get(path(token)).then().statusCode(200).body(hasElement("[data-reset-username]",
                equalTo(member.username)), hasField("token", equalTo(token)));
        // a refused password keeps the link working, and shows no password again
        visitor.postForm("/reset-password", Map.of("token", token, "password", "password1", "password_confirm",
                "password1")).then().statusCode(400).body(hasText(containsString("too easy to guess")),
                        hasField("password", equalTo("")), hasField("token", equalTo(token)));
        visitor.postForm("/reset-password", Map.of("token", token, "password", NEW_PASSWORD, "password_confirm",
                NEW_PASSWORD + "!")).then().statusCode(400).body(hasText(containsString("The two passwords differ.")));

        visitor.postForm("/reset-password", Map.of("token", token, "password", NEW_PASSWORD, "password_confirm",
                NEW_PASSWORD)).then().statusCode(303).header("Location", containsString("/login?username="));
        // the session from before is over, the old password no longer works, the new one does
        before.get("/settings").then().statusCode(303).header("Location", containsString("/login"));
        WebSession.visitor().request().contentType(ContentType.URLENC).formParam("username", member.username)
                .formParam("password", TestData.PASSWORD).post("/login").then().statusCode(303)
                .header("Location", containsString("error"));
        WebSession.loggedIn(null, member.username, NEW_PASSWORD);

        // the link works once
        visitor.get(path(token)).then().statusCode(410).body(hasElement("[data-link-refused]",
                containsString("used already")));
        visitor.postForm("/reset-password", Map.of("token", token, "password", "another " + NEW_PASSWORD,
                "password_confirm", "another " + NEW_PASSWORD)).then().statusCode(410);
        WebSession.loggedIn(null, member.username, NEW_PASSWORD);
    }

    @Test
    void aSecondLinkMakesTheFirstInvalid() {
        Member member = data.member("twice");
        askForReset(member.email);
        String first = token(awaitMails(member.email, 1).get(0));
        askForReset(member.email);
        String second = token(awaitMails(member.email, 2).get(1));
        assertThat(second, not(equalTo(first)));
        WebSession.visitor().get(path(first)).then().statusCode(410)
                .body(hasElement("[data-link-refused]", containsString("A newer link was sent")));
        WebSession.visitor().get(path(second)).then().statusCode(200);
    }

    @Test
    void unknownAlteredAndExpiredLinksGetAClearPage() {
        Member member = data.member("expired");
        askForReset(member.email);
        String token = token(awaitMails(member.email, 1).get(0));
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String bad : List.of("", "x", altered, "%00", "a".repeat(2000), token + token)) {
            WebSession.visitor().request().queryParam("token", bad).get("/reset-password").then().statusCode(400)
                    .body(hasElement("[data-link-refused]", containsString("This link is not valid")));
        }
        WebSession.visitor().get("/reset-password").then().statusCode(400);
        WebSession.visitor().postForm("/reset-password", Map.of("token", altered, "password", NEW_PASSWORD,
                "password_confirm", NEW_PASSWORD)).then().statusCode(400);

        data.execute("UPDATE account_token SET expires_at = now() - interval '1 second' WHERE member_id = ?1",
                member.id);
        WebSession.visitor().get(path(token)).then().statusCode(410)
                .body(hasElement("[data-link-refused]", containsString("expired")), hasElement("a[href='/forgot-password']"));
        WebSession.visitor().postForm("/reset-password", Map.of("token", token, "password", NEW_PASSWORD,
                "password_confirm", NEW_PASSWORD)).then().statusCode(410);
        assertThat("the password did not change", data.count("SELECT count(*) FROM member WHERE id = ?1"
                + " AND password_hash = (SELECT password_hash FROM member WHERE id = ?1)", member.id), equalTo(1L));
        WebSession.loggedIn(member.username);
    }

    @Test
    void aLinkOfAnAccountDeletedSinceOpensNothing() {
        Member member = data.member("gone");
        askForReset(member.email);
        String token = token(awaitMails(member.email, 1).get(0));
        WebSession.loggedIn(member.username).postForm("/settings/delete", Map.of("password", TestData.PASSWORD))
                .then().statusCode(303);
        WebSession.visitor().get(path(token)).then().statusCode(400)
                .body(hasElement("[data-link-refused]", containsString("This link is not valid")));
        WebSession.visitor().postForm("/reset-password", Map.of("token", token, "password", NEW_PASSWORD,
                "password_confirm", NEW_PASSWORD)).then().statusCode(400);
        assertThat("the deleted account got no password", data.count(
                "SELECT count(*) FROM member WHERE id = ?1 AND deleted_at IS NOT NULL AND password_hash IS NULL",
                member.id), equalTo(1L));
    }

    @Test
    void theTokenIsStoredOnlyAsItsHash() {
        Member member = data.member("hashed");
        askForReset(member.email);
        String token = token(awaitMails(member.email, 1).get(0));
        String hash = HexFormat.of().formatHex(AccountTokens.hash(token));
        assertThat(data.count("SELECT count(*) FROM account_token WHERE member_id = ?1 AND encode(token_hash, 'hex') = ?2",
                member.id, hash), equalTo(1L));
        assertThat("nowhere in the clear", data.count("SELECT count(*) FROM outbox WHERE payload::text LIKE ?1",
                "%" + token + "%")
                + data.count("SELECT count(*) FROM account_token WHERE encode(token_hash, 'escape')"
                        + " LIKE ?1", "%" + token + "%"),
                equalTo(0L));
        await().atMost(Duration.ofSeconds(10)).until(() -> data.count("SELECT count(*) FROM mail_log WHERE"
                + " recipient_id = ?1 AND status = 'sent' AND sealed_token IS NULL", member.id), n -> n == 1);
    }

    @Test
    void requestsForOneAccountAreLimited() {
        Member member = data.member("limited");
        // three mails an hour (the setting) ...
        for (int i = 1; i <= 3; i++) {
            askForReset(member.email);
            awaitMails(member.email, i);
        }
        // ... then the answer stays the same, and no mail goes out
        askForReset(member.email);
        askForReset(member.email);
        await().atMost(Duration.ofSeconds(20)).until(() -> data.count("SELECT count(*) FROM mail_log WHERE"
                + " recipient_id = ?1 AND status = 'skipped'", member.id), n -> n == 2);
        assertThat(mailbox.getMailsSentTo(member.email), hasSize(3));
        assertThat(data.count("SELECT count(*) FROM account_token WHERE member_id = ?1", member.id), equalTo(3L));
    }

    @Test
    void badAddressesComeBackWithTheirMessage() {
        WebSession.visitor().postForm("/forgot-password", Map.of("email", "broken@")).then().statusCode(400)
                .body(hasText(containsString("This is not a valid email address.")), hasField("email", equalTo("broken@")));
        WebSession.visitor().postForm("/forgot-password", Map.of("email", " ")).then().statusCode(400)
                .body(hasText(containsString("Enter the email address of your account.")));
        WebSession.visitor().get("/login").then().statusCode(200)
                .body(hasElement("a[href='/forgot-password']", equalTo("Forgot password?")));
    }
}
