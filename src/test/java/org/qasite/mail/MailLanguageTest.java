package org.qasite.mail;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.ApiPosts;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

/** A mail is written in its recipient's language, whoever's request caused it. */
@QuarkusTest
class MailLanguageTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Test
    void aMemberWhoChoseRussianGetsTheCommentMailInRussian() {
        Member asker = data.member("mail-ru-asker");
        Question question = data.question(asker, "Which language is the comment mail in?");
        Member answerer = data.member("mail-ru");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", answerer.id);
        Answer answer = data.answer(answerer, question, "An answer whose author reads Russian.");
        // the commenter's browser asks for English: the mail goes by its recipient
        long id = WebSession.loggedIn(data.member("mail-ru-commenter").username).request()
                .header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("body", "A comment mailed in Russian.")).post("/api/v1/answers/" + answer.id + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        Mail mail = await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.getMailsSentTo(answerer.email),
                mails -> !mails.isEmpty()).get(0);
        assertThat(mail.getSubject(),
                equalTo("Новый комментарий к вашему ответу на вопрос «Which language is the comment mail in?»"));
        String link = "http://qa.example.org/comments/" + id;
        assertThat(mail.getHtml(), hasElement("a[href='" + link + "']", equalTo("Читать комментарий")));
        assertThat(Pages.one(Pages.document(mail.getHtml()), "html").attr("lang"), equalTo("ru"));
        assertThat(mail.getText(), containsString("Читать комментарий: " + link));
        assertThat(mail.getText(), containsString("Отписаться от писем о новых комментариях"));
        assertThat(mail.getText(), not(containsString("Read the comment")));
    }

    @Test
    void aMemberWhoChoseRussianGetsTheMailAboutTheirAcceptedAnswerInRussian() {
        Member asker = data.member("mail-ru-accepter");
        Member answerer = data.member("mail-ru-accepted");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", answerer.id);
        long question = ApiPosts.ask(asker, "Which language is the accepted mail in?", "mail-ru-accept");
        long answer = ApiPosts.answer(answerer, question, "An answer accepted for a reader of Russian.");

        WebSession.loggedIn(asker.username).request().header("Accept-Language", "en").contentType("application/json")
                .body(Map.of()).post("/api/v1/answers/" + answer + "/accept").then().statusCode(200);

        Mail mail = await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.getMailsSentTo(answerer.email),
                mails -> !mails.isEmpty()).get(0);
        assertThat(mail.getSubject(), equalTo("Ваш ответ на вопрос «Which language is the accepted mail in?» принят"));
        assertThat(mail.getHtml(), hasElement("strong", equalTo("Пользователь " + asker.displayName)));
        assertThat(mail.getHtml(), hasElement("a[href='http://qa.example.org/answers/" + answer + "']",
                equalTo("Посмотреть ваш ответ")));
        assertThat(Pages.one(Pages.document(mail.getHtml()), "html").attr("lang"), equalTo("ru"));
        assertThat(mail.getText(), containsString("вы ответили на этот вопрос на сайте"));
        assertThat(mail.getText(),
                containsString("Больше не получать письма о принятых ответах (входить на сайт не нужно): "));
        assertThat(mail.getText(), not(containsString("Hello")));
    }
}
