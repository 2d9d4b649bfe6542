package org.qasite.web.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasText;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;
import org.qasite.testsupport.Xml;
import org.w3c.dom.Document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The refusals that used to stay English reach a Russian reader (their setting or their browser's Accept-Language) in
 * Russian: tags and names that mix scripts, a deleted post, a wrong password, a missing post, what needs a login, and
 * the feeds' own titles. The JSON API keeps its English.
 */
@QuarkusTest
class RussianRefusalsTest {

    private static final String RUSSIAN = "ru-RU,ru;q=0.9";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject
    TestData data;

    /** A member who chose Russian in their settings, logged in. */
    private WebSession russianMember(Member member) {
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", member.id);
        return WebSession.loggedIn(member.username);
    }

    private static Response post(WebSession session, String path, Map<String, ?> fields) {
        String token = session.csrfToken();
        return session.request().header("Accept-Language", RUSSIAN)
                .contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields).formParam("csrf-token", token)
                .post(path);
    }

    @Test
    void tagsThatMixScriptsOrAreTooManyAreRefusedInRussian() {
        Member member = data.member("ru-tags");
        WebSession session = russianMember(member);
        session.postForm("/ask", Map.of("title", "Какой метке можно верить?", "body",
                "Текст вопроса, достаточно длинный для вопроса.", "tags", "j\u0430va")).then().statusCode(400)
                .body(hasElement("#tags-error", equalTo("В метке «j\u0430va» смешаны письменности (латиница и кириллица),"
                        + " их буквы легко спутать: пишите метку одной письменностью.")));
        session.postForm("/ask", Map.of("title", "Сколько меток можно поставить?", "body",
                "Текст вопроса, достаточно длинный для вопроса.", "tags", "a b c d e f")).then().statusCode(400)
                .body(hasElement("#tags-error", equalTo("Не больше 5 меток, а у вас 6.")));
        session.postForm("/ask", Map.of("title", "Какие знаки допустимы в метке?", "body",
                "Текст вопроса, достаточно длинный для вопроса.", "tags", "<b>")).then().statusCode(400)
                .body(hasElement("#tags-error", startsWith("«<b>» — недопустимая метка")));
        assertThat("nothing is written", data.count("SELECT count(*) FROM question WHERE author_id = ?1", member.id),
                equalTo(0L));
    }

    @Test
    void aDisplayNameThatMixesScriptsIsRefusedInRussian() {
        Member member = data.member("ru-name");
        WebSession session = russianMember(member);
        session.request().multiPart("email", member.email)
                .multiPart(new MultiPartSpecBuilder("\u0410lice Cooper").controlName("display_name").charset("UTF-8")
                        .build())
                .multiPart("csrf-token", session.csrfToken()).post("/settings").then().statusCode(400)
                .body(hasText(containsString("В слове «\u0410lice» смешаны письменности (латиница и кириллица)")));
        assertThat(data.text("SELECT display_name FROM member WHERE id = ?1", member.id), equalTo(member.displayName));
    }

    @Test
    void acceptingAnAnswerOfOnesOwnDeletedQuestionIsRefusedInRussian() {
        Member member = data.member("ru-deleted");
        Question question = data.question(member, "Can a deleted question accept an answer?");
        Answer answer = data.answer(data.member("ru-deleted-answerer"), question, "An answer to a question that goes.");
        data.execute("UPDATE question SET deleted_at = now() WHERE id = ?1", question.id);
        WebSession session = russianMember(member);
        Response refused = session.postForm("/answers/" + answer.id + "/accept", Map.of());
        assertThat(refused.statusCode(), equalTo(409));
        assertThat(Pages.document(refused).text(),
                containsString("Этот вопрос удалён: восстановите его, чтобы принять ответ."));
        assertThat(data.count("SELECT count(*) FROM question WHERE id = ?1 AND accepted_answer_id IS NULL",
                question.id), equalTo(1L));
    }

    @Test
    void aWrongPasswordDoesNotDeleteTheAccountAndSaysSoInRussian() {
        Member member = data.member("ru-delete");
        WebSession session = russianMember(member);
        session.postForm("/settings/delete", Map.of("password", "not my password")).then().statusCode(400)
                .body(hasElement("#delete_password-error", equalTo("Это не ваш пароль: учётная запись не удалена.")));
        session.postForm("/settings/delete", Map.of("password", "")).then().statusCode(400)
                .body(hasElement("#delete_password-error", equalTo("Введите пароль, чтобы удалить учётную запись.")));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND deleted_at IS NULL", member.id),
                equalTo(1L));
    }

    @Test
    void aMissingQuestionAnswerOrCommentIsRefusedInRussianOnAPageAndInEnglishOnTheApi() {
        Response question = given().header("Accept-Language", RUSSIAN).get("/questions/999999999");
        assertThat(question.statusCode(), equalTo(404));
        assertThat(Pages.one(Pages.document(question), "[data-error-message]").text(),
                equalTo("Вопроса 999999999 нет. Возможно, он удалён."));
        Response typed = given().header("Accept-Language", RUSSIAN).get("/questions/abc");
        assertThat(Pages.one(Pages.document(typed), "[data-error-message]").text(), equalTo("Вопроса «abc» нет."));
        Response comment = given().header("Accept-Language", RUSSIAN).redirects().follow(false).get("/comments/999999999");
        assertThat(comment.statusCode(), equalTo(404));
        assertThat(Pages.one(Pages.document(comment), "[data-error-message]").text(),
                equalTo("Комментария 999999999 нет. Возможно, он удалён."));
        given().header("Accept-Language", RUSSIAN).get("/api/v1/questions/999999999").then().statusCode(404)
                .body("error", equalTo("There is no question 999999999. It may have been removed."));
    }

    @Test
    void aVisitorsVoteLeadsToTheLoginPageWithTheReasonInRussian() {
        Question question = data.question(data.member("ru-vote"), "Who may vote on this question?");
        WebSession visitor = WebSession.visitor();
        Response reply = post(visitor, "/questions/" + question.id + "/vote", Map.of("value", "1"));
        assertThat(reply.statusCode(), equalTo(303));
        assertThat(URLDecoder.decode(reply.cookie("qa-flash"), StandardCharsets.UTF_8),
                equalTo("Войдите, чтобы проголосовать."));
        assertThat(data.count("SELECT count(*) FROM question_vote WHERE question_id = ?1", question.id), equalTo(0L));
    }

    @Test
    void theFeedsTitlesAreInTheReadersLanguage() {
        Member author = data.member("ru-feed");
        String tag = TestData.uniqueName("feed").toLowerCase();
        Question question = data.question(author, "Which title does my feed have?", tag);
        for (List<String> feed : List.of(List.of("/feeds/questions", "Новые вопросы"),
                List.of("/feeds/tag/" + tag, "Новые вопросы с меткой " + tag),
                List.of("/feeds/questions/" + question.id, "Ответы на вопрос «Which title does my feed have?»"))) {
            Response russian = given().header("Accept-Language", RUSSIAN).get(feed.get(0));
            assertThat(feed.get(0), russian.statusCode(), equalTo(200));
            Document atom = Xml.parse(russian.asByteArray());
            assertThat(feed.get(0), Xml.elements(atom, ATOM, "title").get(0).getTextContent(), startsWith(feed.get(1)
                    + " · "));
            assertThat(atom.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"),
                    equalTo("ru"));
            assertThat(russian.header("Vary"), containsString("Accept-Language"));
        }
        Document english = Xml.parse(given().get("/feeds/questions").asByteArray());
        assertThat(Xml.elements(english, ATOM, "title").get(0).getTextContent(), startsWith("Newest questions · "));
    }

    @Test
    void theLinesAfterTheAccountAndInboxFormsAreInRussian() {
        Member member = data.member("ru-lines");
        WebSession session = russianMember(member);
        session.postForm("/settings/email/verify", Map.of()).then().statusCode(303);
        session.get("/settings").then().body(hasElement("[data-flash]", equalTo("Ваш адрес почты уже подтверждён.")));
        session.postForm("/notifications/read", Map.of()).then().statusCode(303);
        session.get("/notifications").then()
                .body(hasElement("[data-flash]", equalTo("Все уведомления отмечены прочитанными.")));
        WebSession.visitor().request().header("Accept-Language", RUSSIAN).get("/verify-email?token=nonsense").then()
                .statusCode(400).body(hasElement("[data-link-refused]", startsWith("Эта ссылка недействительна")));
    }
}
