package org.qasite.web.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Error pages and the refusals forms show speak the reader's language; the JSON API keeps English for its clients. */
@QuarkusTest
class RefusalLanguageTest {

    private static final String RUSSIAN = "ru-RU,ru;q=0.9";

    @Inject
    TestData data;

    @Test
    void aPageThatIsNotThereSaysSoInRussian() {
        Response response = given().header("Accept-Language", RUSSIAN).get("/no-such-page-here/at-all");
        assertThat(response.statusCode(), equalTo(404));
        Document page = Pages.document(response);
        assertThat(Pages.one(page, "h1").text(), equalTo("Страница не найдена"));
        assertThat(Pages.one(page, "[data-error-message]").text(), equalTo("По этому адресу ничего нет."));
    }

    @Test
    void editingSomeoneElsesAnswerIsRefusedInTheReadersLanguage() {
        Member author = data.member("refusal-author");
        Question question = data.question(author, "Whose answer may be edited, in which words?");
        Answer answer = data.answer(author, question, "An answer only its author may edit.");
        WebSession other = WebSession.loggedIn(data.member("refusal-other").username);

        Response russian = other.request().header("Accept-Language", RUSSIAN).get("/answers/" + answer.id + "/edit");
        assertThat(russian.statusCode(), equalTo(403));
        Document page = Pages.document(russian);
        assertThat(Pages.one(page, "h1").text(), equalTo("Нет доступа"));
        assertThat(Pages.one(page, "[data-error-message]").text(),
                equalTo("Изменить этот ответ может только его автор."));

        Response english = other.get("/answers/" + answer.id + "/edit");
        assertThat(english.statusCode(), equalTo(403));
        assertThat(Pages.one(Pages.document(english), "[data-error-message]").text(),
                equalTo("Only the author of this answer can edit it."));
    }

    @Test
    void theApiAnswersInEnglishWhateverTheBrowserAsks() {
        Member author = data.member("refusal-api");
        Question question = data.question(author, "Does the API refuse in English for a Russian browser?");
        Answer answer = data.answer(author, question, "An answer someone else tries to edit over the API.");
        Response response = WebSession.loggedIn(data.member("refusal-api-other").username).request()
                .header("Accept-Language", RUSSIAN).get("/api/v1/no-such-endpoint/" + answer.id);
        assertThat(response.statusCode(), equalTo(404));
        assertThat(response.jsonPath().getString("error"), equalTo("There is nothing at this address."));
    }

    @Test
    void aDeletedQuestionAMissingFeedAndAMissingSitemapAreRefusedInRussian() {
        Question question = data.question(data.member("refusal-deleted"), "Which words say this question is gone?");
        data.execute("UPDATE question SET deleted_at = now() WHERE id = ?1", question.id);
        Response deleted = given().header("Accept-Language", RUSSIAN).redirects().follow(true)
                .get("/questions/" + question.id);
        assertThat(deleted.statusCode(), equalTo(404));
        assertThat(Pages.one(Pages.document(deleted), "[data-error-message]").text(),
                equalTo("Вопрос " + question.id + " удалён автором."));

        Response feed = given().header("Accept-Language", RUSSIAN).get("/feeds/tag/no-such-tag-ru");
        assertThat(feed.statusCode(), equalTo(404));
        assertThat(Pages.one(Pages.document(feed), "[data-error-message]").text(), equalTo("Метки no-such-tag-ru нет."));

        Response sitemap = given().header("Accept-Language", RUSSIAN).get("/sitemaps/none.xml");
        assertThat(sitemap.statusCode(), equalTo(404));
        assertThat(Pages.one(Pages.document(sitemap), "[data-error-message]").text(),
                equalTo("Карты сайта none.xml нет."));
    }

    @Test
    void theLineAfterAskingForAPasswordResetIsInRussian() {
        WebSession visitor = WebSession.visitor();
        String token = visitor.csrfToken();
        visitor.request().header("Accept-Language", RUSSIAN).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("email", "nobody-ru@example.org").formParam("csrf-token", token).post("/forgot-password")
                .then().statusCode(303);
        Document page = Pages.document(visitor.request().header("Accept-Language", RUSSIAN).get("/forgot-password"));
        assertThat(Pages.one(page, "[data-flash]").text(), equalTo("Если адрес nobody-ru@example.org принадлежит"
                + " какой-либо учётной записи, на него уже отправлена ссылка для выбора нового пароля"
                + " (загляните и в папку «Спам»)."));
    }

    @Test
    void aPageOfAListThatDoesNotExistIsRefusedInRussian() {
        Response response = given().header("Accept-Language", RUSSIAN).get("/users?page=zero");
        assertThat(response.statusCode(), equalTo(404));
        assertThat(Pages.one(Pages.document(response), "[data-error-message]").text(),
                equalTo("Страницы «zero» нет: страницы нумеруются с 1."));
    }
}
