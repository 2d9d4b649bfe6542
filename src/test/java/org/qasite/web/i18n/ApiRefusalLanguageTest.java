package org.qasite.web.i18n;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The JSON API refuses in English for programs, and in the reader's language for the site's own page scripts, which
 * say so with {@code X-Qa-Language: reader} and show the refusal to the reader.
 */
@QuarkusTest
class ApiRefusalLanguageTest {

    private static final String RUSSIAN = "ru-RU,ru;q=0.9";

    @Inject
    TestData data;

    private static RequestSpecification json(WebSession session) {
        return session.request().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    @Test
    void aVoteOnOnesOwnQuestionIsRefusedInTheReadersLanguageOnlyWhenThePageScriptAsks() {
        Member member = data.member("api-lang");
        Question question = data.question(member, "May I vote on my own question, in which words?");
        WebSession session = WebSession.loggedIn(member.username);
        String url = "/api/v1/questions/" + question.id + "/vote";

        json(session).header("Accept-Language", RUSSIAN).header("X-Qa-Language", "reader").body(Map.of("value", 1))
                .post(url).then().statusCode(403).body("error", equalTo("Нельзя голосовать за свой вопрос."))
                .header("Vary", containsString("X-Qa-Language")); // no cache gives one reader's words to another
        json(session).header("Accept-Language", RUSSIAN).body(Map.of("value", 1)).post(url).then().statusCode(403)
                .body("error", equalTo("You cannot vote on your own question."));
        json(session).header("X-Qa-Language", "reader").body(Map.of("value", 1)).post(url).then().statusCode(403)
                .body("error", equalTo("You cannot vote on your own question."));
    }

    @Test
    void theMembersOwnSettingCountsForThePageScriptsAndNotForPrograms() {
        Member member = data.member("api-lang-setting");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", member.id);
        Question question = data.question(member, "Does my setting reach the API's refusals?");
        WebSession session = WebSession.loggedIn(member.username);
        String url = "/api/v1/questions/" + question.id + "/vote";

        json(session).header("X-Qa-Language", "reader").body(Map.of("value", 1)).post(url).then().statusCode(403)
                .body("error", equalTo("Нельзя голосовать за свой вопрос."));
        json(session).body(Map.of("value", 1)).post(url).then().statusCode(403)
                .body("error", equalTo("You cannot vote on your own question."));
    }

    @Test
    void aVoteOverTheLimitIsRefusedInRussianForThePageScriptAndInEnglishForAProgram() {
        Question question = data.question(data.member("api-lang-asker"), "How fast may a Russian reader vote?");
        WebSession voter = WebSession.loggedIn(data.member("api-lang-voter").username);
        String url = "/api/v1/questions/" + question.id + "/vote";
        for (int i = 1; i <= 60; i++) {
            json(voter).body(Map.of("value", i % 2)).post(url).then().statusCode(200);
        }
        json(voter).header("Accept-Language", RUSSIAN).header("X-Qa-Language", "reader").body(Map.of("value", 1))
                .post(url).then().statusCode(429)
                .body("error", startsWith("Слишком быстро: голоса — не больше 60 в минуту. Попробуйте снова через "));
        json(voter).header("Accept-Language", RUSSIAN).body(Map.of("value", 1)).post(url).then().statusCode(429)
                .body("error", startsWith("You are going too fast: at most 60 votes per minute."));
    }

    @Test
    void everyFieldsProblemFollowsTheReaderInTheDetailsAsBeanValidationsDo() {
        WebSession session = WebSession.loggedIn(data.member("api-lang-fields").username);
        json(session).header("Accept-Language", RUSSIAN).body(Map.of("title", "", "body", "", "tags", List.of()))
                .post("/api/v1/questions").then().statusCode(400)
                .body("error", equalTo("Please correct the marked fields.")) // the refusal itself: English for programs
                .body("details", hasItems("title: Введите заголовок.", "body: Опишите свой вопрос.",
                        "tags: Добавьте хотя бы одну метку (например: java, sql)."));
        json(session).body(Map.of("title", "", "body", "", "tags", List.of())).post("/api/v1/questions").then()
                .statusCode(400).body("details", hasItem("tags: Add at least one tag (for example: java, sql)."));
        // a vote's value, and a body's table, whose problems the services find themselves
        Question question = data.question(data.member("api-lang-asker2"), "Which vote values are there, in Russian?");
        json(session).header("Accept-Language", RUSSIAN).body(Map.of("value", 7))
                .post("/api/v1/questions/" + question.id + "/vote").then().statusCode(400)
                .body("details", hasItem("value: Голос — это 1 (за), -1 (против) или 0 (отозвать)."));
        String wide = "|" + "a|".repeat(60) + "\n|" + "-|".repeat(60) + "\n";
        json(session).header("Accept-Language", RUSSIAN).body(Map.of("body", "A wide table:\n\n" + wide))
                .post("/api/v1/questions/" + question.id + "/answers").then().statusCode(400)
                .body("details", hasItem(startsWith("body: В таблице может быть не больше")));
    }

    @Test
    void aMissingQuestionOverTheApiFollowsTheSameRule() {
        given404("reader", "Вопроса 999999999 нет. Возможно, он удалён.");
        given404(null, "There is no question 999999999. It may have been removed.");
    }

    private static void given404(String header, String message) {
        RequestSpecification request = WebSession.visitor().request().header("Accept-Language", RUSSIAN);
        if (header != null) {
            request.header("X-Qa-Language", header);
        }
        request.accept(ContentType.JSON).get("/api/v1/questions/999999999").then().statusCode(404)
                .body("error", equalTo(message));
    }
}
