package org.qasite.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasText;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.events.EventStream;
import org.qasite.markdown.MarkdownRenderer;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class AnswerMailTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("http://qa\\.example\\.org(/unsubscribe/\\d+/[\\w-]+)");

    @Inject
    TestData data;

    @Inject
    UnsubscribeLinks links;

    @Inject
    MockMailbox mailbox;

    @Inject
    EventStream stream;

    @Inject
    MarkdownRenderer markdown;

    long answer(Member author, Question question, String body) {
        WebSession.loggedIn(author.username)
                .postForm("/questions/" + question.id + "/answers", Map.of("body", body)).then().statusCode(303);
        return data.count("SELECT max(id) FROM answer WHERE question_id = ?1 AND author_id = ?2", question.id, author.id);
    }

    List<Mail> mailsTo(Member member) {
        return mailbox.getMailsSentTo(member.email);
    }

    List<Mail> awaitMails(Member member, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(member), mails -> mails.size() >= count);
    }

    /**
     * Events are handled in stream order by the mail group: once a later answer's mail arrived, every earlier answer
     * was handled too, so "no mail" can be asserted without waiting for an arbitrary time.
     */
    void awaitEverythingBeforeHandled() {
        Member asker = data.member("sentinel-asker");
        answer(data.member("sentinel-answerer"), data.question(asker, "A later question"), "A later answer.");
        awaitMails(asker, 1);
    }

    @Test
    void theMailFitsAPhoneAndADarkReaderAndKeepsCodeAsABlock() {
        Member asker = data.member("phone-asker");
        Question question = data.question(asker, "How do I read a stream from the start?");
        answer(data.member("phone-answerer"), question,
                "Use XRANGE:\n\n```java\nvar entries = redis.xrange(\"qa:events\", \"-\", \"+\");\nfor (var e : entries) {\n"
                        + "    handle(e);\n}\n```\n\nThen go live.");

        Mail mail = awaitMails(asker, 1).get(0);
        String html = mail.getHtml();
        assertThat("as wide as the phone", html,
                hasElement("meta[name=viewport][content='width=device-width, initial-scale=1']"));
        assertThat("ready for a dark reader", html, hasElement("meta[name=color-scheme][content='light dark']"));
        Document document = Jsoup.parse(html);
        assertThat(document.selectFirst("style").data(), containsString("@media (prefers-color-scheme: dark)"));
        assertThat("the code is a block of its own lines", html, hasElement("blockquote pre"));
        Element code = document.selectFirst("blockquote pre");
        assertThat(code.wholeText(),
                equalTo("var entries = redis.xrange(\"qa:events\", \"-\", \"+\");\nfor (var e : entries) {\n"
                        + "    handle(e);\n}"));
        assertThat("and wraps rather than widening the mail", code.attr("style"), containsString("white-space:pre-wrap"));
        assertThat(html, hasElement("blockquote p", equalTo("Use XRANGE:")));
        assertThat(html, hasElement("blockquote p", equalTo("Then go live.")));
        assertThat("the text part quotes it as before", mail.getText(), containsString("Use XRANGE: var entries"));
    }

    @Test
    void aQuotedCodeBlockIsCutAtALineWithinTheExcerpt() {
        MailExcerpt excerpt = MailExcerpt.of(markdown.toSafeHtml("Intro.\n\n```\n" + "line\n".repeat(100) + "```\n\nAfter."),
                40);
        assertThat(excerpt.blocks(), hasSize(2));
        assertThat(excerpt.blocks().get(0), equalTo(new MailExcerpt.Block(false, "Intro.")));
        assertThat(excerpt.blocks().get(1).code(), equalTo(true));
        assertThat(excerpt.blocks().get(1).text(), equalTo("line\n".repeat(7) + "…"));
    }

    @Test
    void theQuestionsAuthorGetsOneMailWithTheAnswerAndAnUnsubscribeLink() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "How do <streams> & groups work?");
        Member answerer = data.member("answerer");
        long answerId = answer(answerer, question,
                "Each **group** gets every entry once; consumers in a group share them. " + "More words. ".repeat(60));

        Mail mail = awaitMails(asker, 1).get(0);
        String link = "http://qa.example.org" + question.path() + "#answer-" + answerId;
        assertThat(mail.getSubject(), equalTo("New answer to \"How do <streams> & groups work?\""));
        // the title escaped: the reader sees its angle brackets and ampersand as text
        assertThat(mail.getHtml(), hasElement("a[href='" + link + "']", equalTo("How do <streams> & groups work?")));
        assertThat(mail.getHtml(), hasElement("strong", equalTo("Display " + answerer.username)));
        assertThat(mail.getHtml(), hasElement("a[href='" + link + "']", equalTo("Read the answer")));
        assertThat("the excerpt is the answer's text, without markup", mail.getHtml(),
                hasElement("blockquote", containsString("Each group gets every entry once")));
        assertThat("the excerpt is cut", mail.getHtml(), not(hasText(containsString("More words. ".repeat(40)))));
        assertThat(mail.getText(), containsString("Each group gets every entry once"));
        assertThat(mail.getText(), containsString("Read the answer: " + link));
        assertThat(mail.getText(), containsString("How do <streams> & groups work?"));

        Matcher unsubscribe = UNSUBSCRIBE.matcher(mail.getText());
        assertThat(unsubscribe.find(), equalTo(true));
        assertThat(mail.getHtml(), hasElement("a[href='" + unsubscribe.group() + "']", equalTo("Unsubscribe")));
        assertThat(mail.getHeaders().get("List-Unsubscribe"), equalTo(List.of("<" + unsubscribe.group() + ">")));
        assertThat(mail.getHeaders().get("List-Unsubscribe-Post"), equalTo(List.of("List-Unsubscribe=One-Click")));

        // The mail is handed to SMTP inside the transaction that marks it sent, so the mark follows a moment later.
        await().atMost(Duration.ofSeconds(10)).until(
                () -> data.count("SELECT count(*) FROM mail_log WHERE answer_id = ?1 AND status = 'sent'", answerId),
                n -> n == 1L);
    }

    @Test
    void noMailForAnAnswerToOnesOwnQuestionOrWhenSwitchedOff() {
        Member asker = data.member("asker");
        answer(asker, data.question(asker, "Can I answer myself?"), "Yes, and nobody is mailed about it.");
        Member quiet = data.member("quiet");
        data.count("UPDATE member SET mail_answer = 'never' WHERE id = ?1 RETURNING 1", quiet.id);
        answer(data.member("answerer"), data.question(quiet, "Please do not mail me"), "Not mailed.");

        awaitEverythingBeforeHandled();
        assertThat(mailsTo(asker), hasSize(0));
        assertThat(mailsTo(quiet), hasSize(0));
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE recipient_id IN (?1, ?2)", asker.id, quiet.id),
                equalTo(0L));
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMail() {
        Member asker = data.member("asker");
        Question question = data.question(asker, "What if an event comes twice?");
        long answerId = answer(data.member("answerer"), question, "It is mailed once.");
        awaitMails(asker, 1);
        // What a relay that died between XADD and marking the row would do: publish the same event again.
        String eventId = await().atMost(Duration.ofSeconds(10)).until(() -> stream.redis()
                .stream(String.class, String.class, String.class)
                .xrange(stream.key(), io.quarkus.redis.datasource.stream.StreamRange.of("-", "+")).stream()
                .filter(m -> m.payload().get("payload").matches(".*\"answerId\": ?" + answerId + "\\b.*"))
                .findFirst().map(m -> m.payload()).orElse(null), m -> m != null).get("id");
        Map<String, String> again = Map.of("id", eventId, "type", "answer.created", "v", "1", "payload",
                "{\"answerId\":" + answerId + ",\"questionId\":" + question.id + ",\"authorId\":0,\"questionAuthorId\":"
                        + asker.id + "}");
        stream.publish(again);
        stream.publish(again);

        awaitEverythingBeforeHandled();
        assertThat(mailsTo(asker), hasSize(1));
        assertThat(data.count("SELECT count(*) FROM mail_log WHERE event_id = cast(?1 as uuid)", eventId), equalTo(1L));
    }

    @Test
    void theUnsubscribeLinkSwitchesMailOffWithoutLogin() {
        Member asker = data.member("asker");
        answer(data.member("answerer"), data.question(asker, "Where is the unsubscribe link?"), "In the footer.");
        Matcher link = UNSUBSCRIBE.matcher(awaitMails(asker, 1).get(0).getText());
        assertThat(link.find(), equalTo(true));
        String path = link.group(1);

        // Opening the link changes nothing (mail scanners open links): it shows one button.
        WebSession visitor = WebSession.visitor();
        String page = visitor.get(path).then().statusCode(200).extract().asString();
        assertThat(page, hasElement("h1", equalTo("Stop mail about new answers?")));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_answer = 'instant'", asker.id), equalTo(1L));
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded").body("")
                .post(path + "?from=page").then().statusCode(303).header("Location", endsWith(path));
        assertThat(visitor.get(path).then().statusCode(200).extract().asString(),
                hasElement("h1", equalTo("You are unsubscribed")));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_answer = 'never'", asker.id), equalTo(1L));
        answer(data.member("answerer"), data.question(asker, "Another question after unsubscribing"), "Not mailed.");
        awaitEverythingBeforeHandled();
        assertThat(mailsTo(asker), hasSize(1));

        // "Mail me again" from the same page.
        visitor.postForm(path + "/resubscribe", Map.of()).then().statusCode(303).header("Location", endsWith(path));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_answer = 'instant'", asker.id), equalTo(1L));
    }

    @Test
    void mailProgramsUnsubscribeWithOneClickPost() {
        Member asker = data.member("asker");
        answer(data.member("answerer"), data.question(asker, "Does one-click work?"), "It should.");
        Matcher link = UNSUBSCRIBE.matcher(awaitMails(asker, 1).get(0).getText());
        assertThat(link.find(), equalTo(true));

        // RFC 8058: the mail program posts this body, with no session and no CSRF token.
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "https://webmail.example.net").body("List-Unsubscribe=One-Click").post(link.group(1))
                .then().statusCode(200).body(containsString("Unsubscribed"));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_answer = 'never'", asker.id), equalTo(1L));
    }

    @Test
    void linksSignedBeforeKeysWereDerivedStillWorkAndNewOnesUseTheirOwnKey() throws Exception {
        Member member = data.member("oldmail");
        // as mail sent by an earlier version signed it: with the site's secret itself
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("qa.secrets.key", String.class)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        String earlier = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(
                mac.doFinal(("unsubscribe-answers:" + member.id).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                16));
        String path = "/unsubscribe/" + member.id + "/" + earlier;
        assertThat("a new link is not signed with the secret itself", links.path(member.id), not(equalTo(path)));
        WebSession.visitor().get(path).then().statusCode(200)
                .body(hasElement("h1", equalTo("Stop mail about new answers?")));
        WebSession.visitor().get(links.path(member.id)).then().statusCode(200);
    }

    @Test
    void aForgedUnsubscribeLinkChangesNothing() {
        Member member = data.member("victim");
        String forged = "/unsubscribe/" + member.id + "/AAAAAAAAAAAAAAAAAAAAAA";
        WebSession.visitor().get(forged).then().statusCode(404).body(hasErrorMessage(containsString("not valid")));
        RestAssured.given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .post(forged).then().statusCode(404).body(hasErrorMessage(containsString("not valid")));
        WebSession.visitor().get("/unsubscribe/abc/def").then().statusCode(404);
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_answer = 'instant'", member.id), equalTo(1L));
    }

    @Test
    void theExcerptShowsEmojiAndSymbolsAsTheMemberWroteThem() {
        String html = markdown.toSafeHtml("🚀 Use `m = new ObjectMapper();` & ask \"why\" @ me — it's <fine>");
        assertThat(Mails.excerpt(html, 300), equalTo("🚀 Use m = new ObjectMapper(); & ask \"why\" @ me — it's <fine>"));
        assertThat("a cut never splits an emoji", Mails.excerpt(markdown.toSafeHtml("😀".repeat(200)), 21),
                equalTo("😀".repeat(10) + "…"));
    }

    @Test
    void theExcerptIsPlainTextCutAtAWord() {
        assertThat(Mails.excerpt("<p>Use <code>a &lt; b</code> &amp; more</p><p>Second</p>", 100),
                equalTo("Use a < b & more Second"));
        assertThat(Mails.excerpt("<p>" + "word ".repeat(100) + "</p>", 23), equalTo("word word word word…"));
    }
}
