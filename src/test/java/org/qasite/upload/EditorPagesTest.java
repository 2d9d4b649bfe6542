package org.qasite.upload;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every form with a Markdown text (ask, answer, edit a question, edit an answer) has the editor: its toolbar of real
 * buttons, the upload's words and limits, and the lengths the server accepts for the counters.
 */
@QuarkusTest
class EditorPagesTest {

    @Inject
    TestData data;

    static void hasTheEditor(Document page, int min, int max) {
        Element editor = Pages.one(page, "[data-editor]");
        assertThat(editor.select("[data-editor-toolbar] button").stream().map(b -> b.attr("type")).distinct().toList(),
                contains("button"));
        assertThat(editor.select("[data-editor-toolbar] button").stream().map(b -> b.select(".visually-hidden").isEmpty()
                ? b.text()
                : b.select(".visually-hidden").text()).toList(),
                contains("Bold", "Italic", "Code", "Code block", "Link", "Image", "Bulleted list", "Quote",
                        "⇧Upload a picture"));
        Element body = Pages.one(editor, "textarea[name=body]");
        assertThat(body.attr("data-min") + "-" + body.attr("data-max"), equalTo(min + "-" + max));
        assertThat(body.hasAttr("maxlength"), equalTo(false));
        Element words = Pages.one(page, "[data-editor-words]");
        assertThat(words.attr("data-upload-max-size"), equalTo("2 MB"));
        assertThat(words.attr("data-text-upload-not-image"),
                equalTo("%name was not uploaded: it is not a PNG, JPEG, GIF or WebP picture."));
        assertThat(Pages.one(editor, "[data-editor-hint]").text(),
                equalTo("Paste, drop or pick a picture: PNG, JPEG, GIF or WebP, at most 2 MB."));
    }

    static void hasTheTitleAndTagHelpers(Document page) {
        Element title = Pages.one(page, "input#title");
        assertThat(title.attr("data-min") + "-" + title.attr("data-max"),
                equalTo(Question.MIN_TITLE + "-" + Question.MAX_TITLE));
        assertThat("the title is not cut silently", title.hasAttr("maxlength"), equalTo(false));
        Element tags = Pages.one(page, "input#tags[data-tag-complete]");
        assertThat(Pages.one(tags.parent(), "[role=listbox]").id(), equalTo("tags-suggestions"));
    }

    @Test
    void theAskAndEditFormsAndTheAnswerFormHaveTheEditor() {
        Member author = data.member("editor");
        Question question = data.question(author, "A question to edit with the editor");
        Answer answer = data.answer(author, question, "An answer to edit with the editor");
        WebSession session = WebSession.loggedIn(author.username);

        Document ask = Pages.document(session.get("/ask").then().statusCode(200).extract().asString());
        hasTheEditor(ask, Question.MIN_BODY, Question.MAX_BODY);
        hasTheTitleAndTagHelpers(ask);
        Pages.one(ask, "#similar-questions");

        Document edit = Pages.document(session.get("/questions/" + question.id + "/edit").then().statusCode(200)
                .extract().asString());
        hasTheEditor(edit, Question.MIN_BODY, Question.MAX_BODY);
        hasTheTitleAndTagHelpers(edit);

        Document page = Pages.document(session.get(session.questionPath(question.id)).then().statusCode(200).extract()
                .asString());
        hasTheEditor(page, Answer.MIN_BODY, Answer.MAX_BODY);

        Document answerEdit = Pages.document(session.get("/answers/" + answer.id + "/edit").then().statusCode(200)
                .extract().asString());
        hasTheEditor(answerEdit, Answer.MIN_BODY, Answer.MAX_BODY);
    }

    @Test
    void theEditorSpeaksTheReadersLanguage() {
        Member author = data.member("editor");
        Document ask = Pages.document(WebSession.loggedIn(author.username).request().header("Accept-Language", "ru")
                .get("/ask").then().statusCode(200).extract().asString());
        assertThat(ask.select("[data-editor-toolbar] .visually-hidden").eachText(),
                contains("Жирный", "Курсив", "Код", "Блок кода", "Ссылка", "Картинка", "Список", "Цитата"));
        assertThat(Pages.one(ask, "[data-editor-words]").attr("data-text-upload-too-large"),
                equalTo("%name не загружен: файл больше %size."));
        assertThat(Pages.one(ask, "[data-editor-words]").attr("data-upload-max-size"), equalTo("2 МБ"));
        assertThat(Pages.one(ask, "[data-editor-hint]").text(),
                equalTo("Вставьте, перетащите или выберите картинку: PNG, JPEG, GIF или WebP, не больше 2 МБ."));
    }
}
