package org.qasite.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Mail comes in its recipient's language (their setting), whatever language the member who caused it reads. */
@QuarkusTest
class RussianMailTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Test
    void aMemberWhoChoseRussianGetsTheNewAnswerMailInRussian() {
        Member asker = data.member("ru-asker");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", asker.id);
        Question question = data.question(asker, "Как настроить пул соединений?");
        Member answerer = data.member("en-answerer");
        WebSession answering = WebSession.loggedIn(answerer.username);
        // the answerer reads English: the mail is the asker's, in their language
        answering.request().header("Accept-Language", "en").contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("body", "Возьмите HikariCP и задайте maximumPoolSize.")
                .formParam("csrf-token", answering.csrfToken()).post("/questions/" + question.id + "/answers").then()
                .statusCode(303);

        Mail mail = await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.getMailsSentTo(asker.email),
                mails -> !mails.isEmpty()).get(0);
        assertThat(mail.getSubject(), equalTo("Новый ответ на вопрос «Как настроить пул соединений?»"));
        assertThat(mail.getHtml(), hasElement("html[lang=ru]"));
        assertThat(mail.getHtml(), hasElement("strong", equalTo("Пользователь Display " + answerer.username)));
        assertThat(mail.getHtml(), hasElement("a", equalTo("Читать ответ")));
        assertThat(mail.getText(), containsString("Здравствуйте, " + asker.displayName + "!"));
        assertThat(mail.getText(), containsString("ответил на ваш вопрос «Как настроить пул соединений?»:"));
    }

    @Test
    void aSignupFromABrowserAskingForRussianGetsItsConfirmationMailInRussian() {
        String username = TestData.uniqueName("ru-signup");
        String email = username + "@example.org";
        WebSession session = WebSession.visitor();
        String token = session.csrfToken();
        session.request().header("Accept-Language", "ru-RU,ru;q=0.9").multiPart("username", username)
                .multiPart("email", email).multiPart("password", "lazurnyi bereg 1987")
                .multiPart("password_confirm", "lazurnyi bereg 1987").multiPart("csrf-token", token).post("/signup")
                .then().statusCode(303);
        assertThat(data.count("SELECT count(*) FROM member WHERE username = ?1 AND signup_locale = 'ru'", username),
                equalTo(1L));

        Mail mail = await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.getMailsSentTo(email),
                mails -> !mails.isEmpty()).get(0);
        assertThat(mail.getSubject(), containsString("Подтвердите адрес электронной почты на сайте"));
        assertThat(mail.getHtml(), hasElement("a", equalTo("Подтвердить адрес")));
        assertThat(mail.getText(), containsString("Перейдите по ссылке в течение 24 часов:"));
    }

    @Test
    void withoutAChoiceMailComesInTheLanguageTheMemberSignedUpIn() {
        Member asker = data.member("plain-asker");
        data.execute("UPDATE member SET signup_locale = 'ru' WHERE id = ?1", asker.id);
        Question question = data.question(asker, "Why does my pool run dry?");
        Member answerer = data.member("plain-answerer");
        WebSession.loggedIn(answerer.username)
                .postForm("/questions/" + question.id + "/answers", Map.of("body", "Or close what you borrow."))
                .then().statusCode(303);
        Mail mail = await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.getMailsSentTo(asker.email),
                mails -> !mails.isEmpty()).get(0);
        assertThat(mail.getSubject(), equalTo("Новый ответ на вопрос «Why does my pool run dry?»"));
    }
}
