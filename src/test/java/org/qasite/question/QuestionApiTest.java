package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Management;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuestionApiTest {

    @Inject
    TestData data;

    @Test
    void listsAndReadsQuestions() {
        Member author = data.member("api");
        String tag = TestData.uniqueName("apitag").toLowerCase();
        Question question = data.question(author, "Listed through the JSON API", tag);
        WebSession visitor = WebSession.visitor();
        visitor.get("/api/v1/questions?tag=" + tag).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].title", equalTo("Listed through the JSON API")).body("items[0].tags", contains(tag));
        visitor.get("/api/v1/questions").then().statusCode(200).body("items.id", hasItem(question.id.intValue()));
        visitor.get("/api/v1/questions?sort=hot").then().statusCode(200);
        visitor.get("/api/v1/questions/" + question.id).then().statusCode(200)
                .body("author.username", equalTo(author.username)).body("url", equalTo(question.path()));
        visitor.get("/api/v1/questions?page=0").then().statusCode(404)
                .body("error", equalTo("There is no page “0”: pages are numbered from 1."));
        visitor.get("/api/v1/questions?tag=no-such-tag-" + System.nanoTime()).then().statusCode(404)
                .contentType(containsString("json"));
    }

    @Test
    void askingThroughTheApiValidatesLikeTheForm() {
        Member member = data.member("apiask");
        WebSession session = WebSession.loggedIn(member.username);
        session.postJson("/api/v1/questions", Map.of("title", "short", "body", "", "tags", List.of("bad tag!")))
                .then().statusCode(400).body("error", equalTo("Please correct the marked fields."))
                .body("details", hasItem("title: The title must be 10 to 150 characters long."))
                .body("details", hasItem("body: Describe your question."))
                .body("details", hasItem(containsString("is not a valid tag")));
        session.request().contentType("application/json").body("{not json").post("/api/v1/questions").then()
                .statusCode(400).contentType(containsString("json"));
        WebSession.visitor().postJson("/api/v1/questions",
                Map.of("title", "A title long enough", "body", "A body long enough to ask.", "tags", List.of("x")))
                .then().statusCode(401).body("error", equalTo("Log in to ask a question."));
        assertThat(data.count("SELECT count(*) FROM question WHERE author_id = ?1", member.id), equalTo(0L));
    }

    @Test
    void theApiFoldsTagsAndRefusesLookAlikesLikeTheForm() {
        Member member = data.member("apitags");
        WebSession session = WebSession.loggedIn(member.username);
        session.postJson("/api/v1/questions", Map.of("title", "Tags in fullwidth letters", "body",
                "A body long enough to ask.", "tags", List.of("\uFF4A\uFF41\uFF56\uFF41", "JAVA", "C#")))
                .then().statusCode(201).body("tags", containsInAnyOrder("java", "c#"));
        session.postJson("/api/v1/questions", Map.of("title", "A look-alike of a tag", "body",
                "A body long enough to ask.", "tags", List.of("j\u0430va")))
                .then().statusCode(400).body("error", equalTo("Please correct the marked fields."))
                .body("details", hasItem("tags: \u201Cj\u0430va\u201D mixes Latin and Cyrillic letters, which can"
                        + " look alike: write a tag in one script."));
        session.postJson("/api/v1/questions", Map.of("title", "\u200B".repeat(12), "body", "A body long enough to ask.",
                "tags", List.of("java"))).then().statusCode(400).body("details", hasItem("title: Enter a title."));
        assertThat(data.count("SELECT count(*) FROM question WHERE author_id = ?1", member.id), equalTo(1L));
    }

    @Test
    void theApiIsDescribedByOpenApiOnTheManagementInterface() {
        Management.request().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/questions/{id}/answers"), containsString("/api/v1/answers/{id}/vote"),
                        containsString("/api/v1/answers/{id}/accept"), containsString("/api/v1/stats/popular-tags"))
                // and nothing else: no page, no form (they answer with HTML and redirects)
                .body("paths.keySet()", everyItem(startsWith("/api/v1/")));
        // Swagger UI: beside it in tests (dev mode serves both on the site's port, the production build has no Swagger UI).
        Management.request().get("/q/swagger-ui/").then().statusCode(200);
    }
}
