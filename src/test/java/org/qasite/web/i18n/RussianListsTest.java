package org.qasite.web.i18n;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.question.QuestionResource;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** The lists, tags, members, profiles and search in Russian, with the plural form each count needs. */
@QuarkusTest
class RussianListsTest {

    @Inject
    TestData data;

    static Document russian(String path) {
        return Pages.document(WebSession.visitor().request().header("Accept-Language", "ru-RU,ru;q=0.9").get(path)
                .then().statusCode(200).extract().response());
    }

    static String text(Element page, String selector) {
        return Pages.one(page, selector).text();
    }

    static String prefix() {
        return "ru" + System.nanoTime() % 100_000_000;
    }

    @Test
    void theSiteWideListsHaveRussianHeadingsAndTabs() {
        Document newest = russian("/");
        assertThat(text(newest, "h1"), equalTo("Новые вопросы"));
        assertThat(text(newest, "[data-list-tabs] [data-tab=new]"), equalTo("Новые"));
        assertThat(text(newest, "[data-list-tabs] [data-tab=unanswered]"), equalTo("Без ответа"));
        assertThat(text(russian("/hot"), "h1"), equalTo("Горячие вопросы"));
        assertThat(text(russian("/unanswered"), "h1"), equalTo("Вопросы без ответа"));
        assertThat(Pages.one(newest, "meta[name=description]").attr("content"), startsWith("Вопросы и ответы на сайте "));
    }

    @Test
    void thePinnedAnswerInRussian() {
        Question question = data.question(data.member("ruasker"), "Какой ответ принят и где он?", prefix());
        Answer oldest = null;
        for (int i = 0; i <= QuestionResource.ANSWERS_PER_PAGE; i++) {
            Answer answer = data.answer(data.member("ruanswerer"), question, "Ответ номер " + i + " на вопрос.");
            data.execute("UPDATE answer SET created_at = now() - make_interval(mins => ?1), rating = ?3 WHERE id = ?2",
                    100 - i, answer.id, i == 0 ? 22 : 0);
            oldest = oldest == null ? answer : oldest;
        }

        Document page = russian(question.path());
        // the words the live script shows, with the form each count takes
        Element alert = Pages.one(page, "[data-live-alert]");
        assertThat(alert.attr("data-text-one"), equalTo("Опубликован %n новый ответ."));
        assertThat(alert.attr("data-text-few"), equalTo("Опубликовано %n новых ответа."));
        assertThat(alert.attr("data-text-many"), equalTo("Опубликовано %n новых ответов."));
        Element pinned = Pages.one(page, "#pinned-answer");
        assertThat(text(pinned, "h3"), equalTo("Ответ с наибольшим числом голосов"));
        assertThat(text(pinned, "[data-pinned-score]"), equalTo("+22 голоса"));
        assertThat(text(pinned, "a[href='/answers/" + oldest.id + "']"), equalTo("Перейти к этому ответу среди остальных"));
        data.execute("UPDATE question SET accepted_answer_id = ?1 WHERE id = ?2", oldest.id, question.id);
        assertThat(text(Pages.one(russian(question.path()), "#pinned-answer"), "h3"), equalTo("✓Принятый ответ"));
    }

    @Test
    void aTagPageCountsItsQuestionsAnswersVotesAndFollowersInRussian() {
        String tag = prefix();
        Member author = data.member("ruauthor");
        Question answered = data.question(author, "Как настроить пул соединений?", tag);
        data.question(author, "Почему запрос выполняется медленно?", tag);
        List<Answer> answers = List.of(data.answer(author, answered, "Первый ответ, достаточно длинный."),
                data.answer(author, answered, "Второй ответ, тоже достаточно длинный."));
        data.execute("UPDATE question SET accepted_answer_id = ?2, rating = 1, view_count = 5 WHERE id = ?1", answered.id,
                answers.get(0).id);
        for (String name : List.of("rufan", "rufan", "rufan", "rufan", "rufan")) {
            data.execute("INSERT INTO tag_follow (member_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2",
                    data.member(name).id, tag);
        }

        Document page = russian("/tag/" + tag);
        assertThat(text(page, "h1"), equalTo("Вопросы с меткой [" + tag + "]"));
        assertThat(text(page, "[data-tag-description]"), equalTo("Вопросы по теме " + tag + "."));
        assertThat(text(page, "[data-followers]"), equalTo("5 подписчиков"));
        assertThat(page, hasElement("p", startsWith("2 вопроса")));
        Element summary = Pages.one(page, "[data-question-summary=" + answered.id + "]");
        assertThat(text(summary, ".stats > div:nth-child(1)"), equalTo("+1 голос"));
        assertThat(text(summary, "[data-accepted]"), equalTo("✓Есть принятый ответ, 2 ответа"));
        assertThat(text(summary, "[data-view-count]"), equalTo("5 просмотров"));
        assertThat(summary.text(), containsString("вопрос задан"));

        Document none = russian("/tag/" + tag + "?sort=unanswered&page=1");
        assertThat(text(none, "[data-list-tabs] .active"), equalTo("Без ответа"));

        WebSession.visitor().request().header("Accept-Language", "ru").get("/tag/" + tag + "-none").then()
                .statusCode(404).body(hasElement("[data-error-message]", equalTo("Метки «" + tag + "-none» пока нет.")));
    }

    @Test
    void theTagListSaysHowManyTagsMatchInRussian() {
        String p = prefix();
        Member author = data.member("rutagger");
        data.question(author, "Вопрос с двумя метками", p + "-a", p + "-b");
        data.question(author, "Вопрос с одной меткой", p + "-c");
        Document page = russian("/tags?q=" + p);
        assertThat(text(page, "h1"), equalTo("Метки"));
        assertThat(text(page, "[data-tag-total]"), equalTo("3 метки"));
        assertThat(text(russian("/tags?q=" + p + "-a"), "[data-tag-total]"), equalTo("1 метка"));
        // what the reader typed comes back as typed: escaped once, not twice
        assertThat(text(russian("/tags?q=" + p + "<b>\""), "#tags-empty"), equalTo("Нет меток, начинающихся с «" + p
                + "<b>\"»."));
    }

    @Test
    void membersAndAProfileInRussian() {
        Member member = data.member("ruprofile");
        Question mine = data.question(member, "Мой единственный вопрос", prefix());
        for (int i = 0; i < 21; i++) {
            data.answer(member, mine, "Ответ номер " + i + ", достаточно длинный.");
        }

        Document users = russian("/users?q=" + member.username);
        assertThat(text(users, "h1"), equalTo("Участники"));
        assertThat(users, hasElement("p", equalTo("1 участник")));
        Element row = Pages.one(users, "[data-member='" + member.username + "']");
        assertThat(text(row, "[data-member-questions]"), equalTo("1 вопрос"));
        assertThat(text(row, "[data-member-answers]"), equalTo("21 ответ"));
        assertThat(row.text(), containsString("регистрация:"));

        Document profile = russian("/members/" + member.username);
        assertThat(profile, hasElement(".small", equalTo("1 вопрос · 21 ответ")));
        assertThat(text(profile, "#member-questions-heading"), equalTo("Вопросы"));
        assertThat(text(profile, "#member-answers-heading"), equalTo("Ответы"));
        WebSession.visitor().request().header("Accept-Language", "ru").get("/members/" + member.username + "-gone")
                .then().statusCode(404).body(hasElement("[data-error-message]",
                        equalTo("Участника «" + member.username + "-gone» нет.")));
    }

    @Test
    void searchCountsItsResultsAndOffersACorrectionInRussian() {
        // a word no other test has: Russian letters, from the clock
        StringBuilder letters = new StringBuilder("кракозябр");
        for (long t = System.nanoTime(); letters.length() < 14; t /= 20) {
            letters.append((char) ('а' + t % 20));
        }
        String word = letters.toString();
        Member author = data.member("rusearch");
        for (String title : List.of("Первая " + word + " в заголовке", "Вторая " + word + " в заголовке")) {
            data.question(author, title, prefix());
        }
        Document found = russian("/search?q=" + word);
        assertThat(text(found, "h1"), equalTo("Поиск"));
        assertThat(text(found, "#search-count"), equalTo("2 вопроса"));
        assertThat(found.select(".search-hit").first().text(), containsString("0 голосов · 0 ответов · задан"));
        assertThat(found.select(".search-hit").first().text(), containsString(" · автор: Display rusearch"));

        Document none = russian("/search?q=" + word.substring(0, 5) + "я" + word.substring(5));
        assertThat(text(none, "#search-none"), equalTo("Ничего не найдено. Попробуйте меньше слов или другие слова."));
        assertThat(text(none, "#search-did-you-mean"), equalTo("Возможно, вы имели в виду " + word + "?"));
        assertThat(text(russian("/search"), "#search-empty"), equalTo("Введите, что вы ищете."));
    }
}
