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
}
