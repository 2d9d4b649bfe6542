package org.qasite.web.i18n;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasField;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Which language a page comes in: the member's setting, else the browser's Accept-Language, else English. */
@QuarkusTest
class ReaderLanguageTest {

    @Inject
    TestData data;

    @Test
    void aBrowserAskingForRussianReadsTheSiteInRussian() {
        WebSession.visitor().request().header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8").get("/login").then()
                .statusCode(200).body(hasElement("html[lang=ru]"), hasElement("nav a[href=/]", equalTo("Новые")),
                        hasElement("#login-link", equalTo("Войти")), hasElement("label[for=password]", equalTo("Пароль")));
    }

    @Test
    void englishWithoutAHeaderAndForALanguageTheSiteDoesNotHave() {
        WebSession.visitor().get("/login").then().statusCode(200)
                .body(hasElement("html[lang=en]"), hasElement("nav a[href=/]", equalTo("New")));
        WebSession.visitor().request().header("Accept-Language", "de-DE,fr;q=0.9").get("/login").then().statusCode(200)
                .body(hasElement("html[lang=en]"), hasElement("#login-link", equalTo("Log in")));
    }

    @Test
    void theBestOfTheSitesLanguagesByTheBrowsersWeights() {
        WebSession.visitor().request().header("Accept-Language", "de, ru;q=0.8, en;q=0.5").get("/login").then()
                .statusCode(200).body(hasElement("html[lang=ru]"));
    }

    @Test
    void countsAndRelativeTimesInRussian() {
        Member author = data.member("i18n");
        Question question = data.question(author, "Как настроить пул соединений?", "postgresql");
        data.execute("UPDATE question SET view_count = 1234, created_at = ?2 WHERE id = ?1", question.id,
                Instant.now().minus(Duration.ofHours(3)));
        WebSession.visitor().request().header("Accept-Language", "ru").get(question.path()).then()
                .statusCode(200)
                // thousands apart as Russian writes them (a no-break space, which the HTML reader may make a space)
                .body(hasElement("[data-view-count]",
                        anyOf(equalTo("Просмотрен 1\u00a0234 раза"), equalTo("Просмотрен 1 234 раза"))),
                        hasElement("article.question time", equalTo("3 часа назад")));
    }

    @Test
    void theMembersChoiceWinsOverTheBrowser() {
        Member member = data.member("i18n");
        WebSession session = WebSession.loggedIn(member.username);
        session.request().header("Accept-Language", "ru").multiPart("email", member.email)
                .multiPart("display_name", member.displayName).multiPart("locale", "en")
                .multiPart("csrf-token", session.csrfToken()).post("/settings").then().statusCode(303);
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND locale = 'en'", member.id), equalTo(1L));
        session.request().header("Accept-Language", "ru").get("/settings").then().statusCode(200)
                .body(hasElement("html[lang=en]"), hasElement("[data-flash]", equalTo("Your settings are saved.")),
                        hasElement("select[name=locale] option[value=en][selected]"));

        session.request().multiPart("email", member.email).multiPart("display_name", member.displayName)
                .multiPart("locale", "ru").multiPart("csrf-token", session.csrfToken()).post("/settings").then()
                .statusCode(303);
        session.get("/settings").then().statusCode(200).body(hasElement("html[lang=ru]"),
                hasElement("[data-flash]", equalTo("Настройки сохранены.")),
                hasElement("label[for=locale]", equalTo("Язык")),
                hasElement("label[for=mail_answer]", equalTo("Новый ответ на мой вопрос")),
                hasElement("select[name=mail_answer] option[value=never]", equalTo("Никогда")));
    }

    @Test
    void aLanguageTheSiteDoesNotHaveIsRefusedAndNothingIsSaved() {
        Member member = data.member("i18n");
        WebSession session = WebSession.loggedIn(member.username);
        session.request().header("Accept-Language", "ru").multiPart("email", member.email)
                .multiPart("display_name", "Another Name").multiPart("locale", "de")
                .multiPart("csrf-token", session.csrfToken()).post("/settings").then().statusCode(400)
                .body(hasElement("#locale-error", equalTo("Выберите один из предложенных языков.")),
                        hasElement("[role=alert]", equalTo("Исправьте отмеченные поля.")),
                        hasField("display_name", equalTo("Another Name")));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND locale IS NULL AND display_name = ?2",
                member.id, member.displayName), equalTo(1L));
    }

    @Test
    void validationMessagesFollowTheMembersChoiceWithoutAnyHeader() {
        Member member = data.member("i18n");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", member.id);
        WebSession session = WebSession.loggedIn(member.username);
        session.request().multiPart("email", "broken@").multiPart("display_name", member.displayName)
                .multiPart("csrf-token", session.csrfToken()).post("/settings").then().statusCode(400)
                .body(hasElement("html[lang=ru]"),
                        hasElement("#email-error", equalTo("Это не похоже на адрес электронной почты.")));

        // and English for a member who chose it, whatever the browser asks
        data.execute("UPDATE member SET locale = 'en' WHERE id = ?1", member.id);
        session.request().header("Accept-Language", "ru").multiPart("email", "broken@")
                .multiPart("display_name", member.displayName).multiPart("csrf-token", session.csrfToken())
                .post("/settings").then().statusCode(400)
                .body(hasElement("#email-error", equalTo("This is not a valid email address.")));
    }

    @Test
    void aSignupRefusedInJavaComesBackInRussianToo() {
        Member taken = data.member("i18n");
        WebSession session = WebSession.visitor();
        String token = session.csrfToken();
        session.request().header("Accept-Language", "ru").multiPart("username", taken.username)
                .multiPart("email", "someone-else@example.org").multiPart("password", "qwerty123")
                .multiPart("password_confirm", "qwerty123").multiPart("csrf-token", token).post("/signup").then()
                .statusCode(400)
                .body(hasElement("#username-error", equalTo("Это имя пользователя уже занято. Выберите другое.")),
                        hasElement("#password-error", startsWith("Этот пароль слишком легко угадать")),
                        hasElement("[role=alert]", equalTo("Исправьте отмеченные поля.")));
    }

    @Test
    void flashMessagesInTheReadersLanguage() {
        Member member = data.member("i18n");
        Question question = data.question(data.member("i18n"), "Что такое MVCC?", "postgresql");
        WebSession session = WebSession.loggedIn(member.username);
        session.request().header("Accept-Language", "ru").contentType(ContentType.URLENC)
                .formParam("csrf-token", session.csrfToken()).post("/questions/" + question.id + "/follow").then()
                .statusCode(303);
        session.request().header("Accept-Language", "ru").get(question.path()).then().statusCode(200)
                .body(hasElement("[data-flash]",
                        equalTo("Вы подписаны на этот вопрос: новые ответы появятся в ваших уведомлениях.")),
                        hasElement("[data-follow-for=question-" + question.id + "]", equalTo("Вы подписаны на вопрос")));
    }

    @Test
    void aFailedFormComesBackWithRussianMessages() {
        Member member = data.member("i18n");
        WebSession session = WebSession.loggedIn(member.username);
        session.request().header("Accept-Language", "ru").contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("title", "").formParam("body", "коротко").formParam("tags", "java")
                .formParam("csrf-token", session.csrfToken()).post("/ask").then().statusCode(400)
                .body(hasElement("#title-error", equalTo("Введите заголовок.")));
    }
}
