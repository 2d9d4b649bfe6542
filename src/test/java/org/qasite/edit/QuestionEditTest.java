package org.qasite.edit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.question.Slug;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class QuestionEditTest {

    @Inject
    TestData data;

    Member author;
    Question question;
    WebSession session;

    @BeforeEach
    void setUp() {
        author = data.member("editor");
        question = data.question(author, "How do I edit a question well?", "editing");
        session = WebSession.loggedIn(author.username);
    }

    Map<String, String> form(String title, String body, String tags, String revision) {
        Map<String, String> form = new HashMap<>();
        form.put("title", title);
        form.put("body", body);
        form.put("tags", tags);
        form.put("revision", revision);
        return form;
    }

    long revision() {
        return data.count("SELECT revision FROM question WHERE id = ?1", question.id);
    }

    long rows() {
        return data.count("SELECT count(*) FROM question_revision WHERE question_id = ?1", question.id);
    }

    long events() {
        return data.count("SELECT count(*) FROM outbox WHERE type = 'question.edited'"
                + " AND (payload->>'questionId')::bigint = ?1", question.id);
    }

    @Test
    void theAuthorEditsAndBothRevisionsAreKept() {
        session.get("/questions/" + question.id + "/edit").then().statusCode(200)
                .body(hasField("title", equalTo("How do I edit a question well?")),
                        hasField("body", equalTo(question.body)), hasField("tags", equalTo("editing")),
                        hasField("summary", equalTo("")), hasField("revision", equalTo("1")),
                        hasElement("#edit-form textarea[data-markdown]"), hasElement("#body-preview"));

        Map<String, String> edit = form("How do I edit a question really well?", "A new body, with `code` in it.",
                "editing revisions", "1");
        edit.put("summary", "Clearer title");
        Response saved = session.postForm("/questions/" + question.id + "/edit", edit);
        saved.then().statusCode(303);
        // the address follows the new title
        String edited = Slug.path(question.id, "How do I edit a question really well?");
        assertThat(saved.header("Location"), endsWith(edited));

        assertThat(revision(), equalTo(2L));
        assertThat(rows(), equalTo(2L));
        assertThat("the first revision is the question as its author wrote it", data.text(
                "SELECT title || '|' || tags || '|' || (author_id = ?2)::text || '|' || (created_at = (SELECT created_at"
                        + " FROM question WHERE id = ?1))::text FROM question_revision WHERE question_id = ?1 AND revision = 1",
                question.id, author.id), equalTo("How do I edit a question well?|editing|true|true"));
        assertThat(data.text("SELECT summary FROM question_revision WHERE question_id = ?1 AND revision = 2",
                question.id), equalTo("Clearer title"));
        assertThat(data.count("SELECT count(*) FROM question WHERE id = ?1 AND edited_by = ?2 AND edited_at IS NOT NULL"
                + " AND body_html LIKE '%<code>code</code>%'", question.id, author.id), equalTo(1L));
        assertThat(data.count("SELECT count(*) FROM outbox WHERE type = 'question.edited' AND (payload->>'questionId')::bigint"
                + " = ?1 AND (payload->>'revision')::int = 2 AND (payload->>'editorId')::bigint = ?2", question.id,
                author.id), equalTo(1L));

        session.get(edited).then().statusCode(200)
                .body(hasText(containsString("Your edit is saved.")),
                        hasElement("h1", equalTo("How do I edit a question really well?")),
                        hasElement(".question .post-body code", equalTo("code")),
                        hasElement("a[href='/tag/revisions']"),
                        hasElement("[data-edit-for=question-" + question.id + "][href='/questions/" + question.id + "/edit']"),
                        hasElement("[data-revisions-for=question-" + question.id + "]",
                                equalTo("edited just now by " + author.displayName)));
    }

    @Test
    void onlyTheAuthorSeesTheEditLinkAndEveryoneTheEditedLine() {
        String hook = "[data-edit-for=question-" + question.id + "]";
        session.get(question.path()).then().body(hasElement(hook))
                .body(not(hasElement("[data-revisions-for=question-" + question.id + "]")));
        WebSession.visitor().get(question.path()).then().body(not(hasElement(hook)));
        WebSession other = WebSession.loggedIn(data.member("reader").username);
        other.get(question.path()).then().body(not(hasElement(hook)));

        session.postForm("/questions/" + question.id + "/edit",
                form("How do I edit a question well, again?", question.body, "editing", "1")).then().statusCode(303);
        WebSession.visitor().get(Slug.path(question.id, "How do I edit a question well, again?")).then()
                .body(not(hasElement(hook))).body(hasElement(
                        "a[data-revisions-for=question-" + question.id + "][href='/questions/" + question.id + "/revisions']",
                        equalTo("edited just now by " + author.displayName)));
    }

    @Test
    void someoneElseOrAVisitorCannotEdit() {
        WebSession other = WebSession.loggedIn(data.member("stranger").username);
        other.get("/questions/" + question.id + "/edit").then().statusCode(403)
                .body(hasErrorMessage(equalTo("Only the author of this question can edit it.")));
        other.postForm("/questions/" + question.id + "/edit",
                form("A title that someone else wrote", "A body that someone else wrote.", "editing", "1")).then()
                .statusCode(403).body(hasErrorMessage(equalTo("Only the author of this question can edit it.")));
        WebSession.visitor().get("/questions/" + question.id + "/edit").then().statusCode(303)
                .header("Location", containsString("/login"));
        WebSession.visitor().postForm("/questions/" + question.id + "/edit",
                form("A title that a visitor wrote", "A body that a visitor wrote.", "editing", "1")).then()
                .statusCode(303).header("Location", containsString("/login"));
        session.postFormWithoutToken("/questions/" + question.id + "/edit",
                form("A title of a forged form", "A body of a forged form.", "editing", "1")).then().statusCode(400);
        session.get("/questions/999999999/edit").then().statusCode(404);
        assertThat(revision(), equalTo(1L));
        assertThat(rows(), equalTo(0L));
        assertThat(events(), equalTo(0L));
    }

    @Test
    void badInputComesBackWithTheTextAndItsMessages() {
        Map<String, String> empty = form("", "   ", "editing", "1");
        empty.put("summary", "why");
        session.postForm("/questions/" + question.id + "/edit", empty).then().statusCode(400)
                .body(hasElement("#title-error", equalTo("Enter a title.")),
                        hasElement("#body-error", equalTo("Describe your question.")),
                        hasField("summary", equalTo("why")), hasField("tags", equalTo("editing")),
                        hasField("revision", equalTo("1")));
        Map<String, String> tooLong = form("A title long enough for this", "b".repeat(30_001), "editing", "1");
        tooLong.put("summary", "s".repeat(301));
        session.postForm("/questions/" + question.id + "/edit", tooLong).then().statusCode(400)
                .body(hasElement("#body-error", equalTo("The question must be 20 to 30000 characters long.")),
                        hasElement("#summary-error", equalTo("The summary must be at most 300 characters long.")));
        session.postForm("/questions/" + question.id + "/edit", form("A title long enough for this",
                "A body long enough for a question.", "", "1")).then().statusCode(400).body(hasElement("#tags-error"));
        session.postForm("/questions/" + question.id + "/edit", form(question.title, question.body, "editing", "1"))
                .then().statusCode(400)
                .body(hasText(containsString("Nothing changed: the text is the same as the current revision.")));
        session.postForm("/questions/" + question.id + "/edit", form("A title long enough for this",
                "A body long enough for a question.", "editing", "one")).then().statusCode(400)
                .body(hasErrorMessage(containsString("does not say which revision")));
        assertThat(revision(), equalTo(1L));
        assertThat(rows(), equalTo(0L));
        assertThat(events(), equalTo(0L));
    }

    @Test
    void aDeletedQuestionIsNotEdited() {
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = ?1 WHERE id = ?2", author.id, question.id);
        session.get("/questions/" + question.id + "/edit").then().statusCode(409)
                .body(hasErrorMessage(equalTo("This question was deleted; undelete it first.")));
        session.postForm("/questions/" + question.id + "/edit",
                form("A title for a deleted question", "A body for a deleted question.", "editing", "1")).then()
                .statusCode(409).body(hasErrorMessage(equalTo("This question was deleted; undelete it first.")));
        // to anyone else a deleted question is not there at all
        WebSession.loggedIn(data.member("someone-else").username).get("/questions/" + question.id + "/edit").then()
                .statusCode(404);
        assertThat(revision(), equalTo(1L));
        assertThat(events(), equalTo(0L));
    }

    @Test
    void anEditBasedOnAnOlderRevisionComesBackWithTheOtherEditsChanges() {
        session.postForm("/questions/" + question.id + "/edit", form("How do I edit a question well?",
                "Body of the other edit, with an added sentence.", "editing", "1")).then().statusCode(303);

        Map<String, String> mine = form("My own title for this question", "My own body, typed while they edited.",
                "editing", "1");
        Response conflict = session.postForm("/questions/" + question.id + "/edit", mine);
        conflict.then().statusCode(409)
                .body(hasField("title", equalTo("My own title for this question")),
                        hasField("body", equalTo("My own body, typed while they edited.")),
                        hasField("revision", equalTo("2")),
                        hasElement("[role=alert]", containsString("Someone else edited this question")),
                        hasElement("[data-edit-conflict] ins", containsString("other")),
                        hasElement("[data-edit-conflict] del", containsString("How")));
        assertThat(revision(), equalTo(2L));
        assertThat(data.text("SELECT body FROM question WHERE id = ?1", question.id),
                equalTo("Body of the other edit, with an added sentence."));

        // sent again from the form as it came back: a deliberate choice, saved
        mine.put("revision", "2");
        session.postForm("/questions/" + question.id + "/edit", mine).then().statusCode(303);
        assertThat(revision(), equalTo(3L));
        assertThat(rows(), equalTo(3L));
    }

    @Test
    void twoEditsAtOnceBasedOnTheSameRevisionSaveOneAndRefuseTheOther() throws Exception {
        WebSession second = WebSession.loggedIn(author.username);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> edits = new ArrayList<>();
        for (WebSession s : List.of(session, second)) {
            String n = s == session ? "one" : "two";
            String token = s.csrfToken();
            edits.add(() -> {
                start.await();
                return s.request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                        .formParams(form("Concurrent edit number " + n, "The body of concurrent edit " + n + ".",
                                "editing", "1"))
                        .formParam("csrf-token", token).post("/questions/" + question.id + "/edit").statusCode();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> edit : edits) {
                results.add(pool.submit(edit));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            statuses.sort(null);
            assertThat(statuses, equalTo(List.of(303, 409)));
        } finally {
            pool.shutdownNow();
        }
        assertThat(revision(), equalTo(2L));
        assertThat(rows(), equalTo(2L));
        assertThat(events(), equalTo(1L));
        String title = data.text("SELECT title FROM question WHERE id = ?1", question.id);
        assertThat(data.text("SELECT title FROM question_revision WHERE question_id = ?1 AND revision = 2", question.id),
                equalTo(title));
    }

    @Test
    void theFormIsThePageOfTheQuestionWithItsHistoryLink() {
        Document page = Pages.document(session.get("/questions/" + question.id + "/edit"));
        assertThat(Pages.one(page, "#edit-form").attr("action"), equalTo("/questions/" + question.id + "/edit"));
        assertThat(Pages.one(page, "#edit-form input[name=csrf-token]").attr("value").isEmpty(), equalTo(false));
        assertThat(page.select("a[href='/questions/" + question.id + "/revisions']").size(), equalTo(1));
    }
}
