package org.qasite.admin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasText;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.events.EventStream;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The stream dashboard speaks the administrator's language; its JSON API stays English unless a page script asks. */
@QuarkusTest
class StreamsAdminRussianTest {

    @Inject
    TestData data;

    @Inject
    EventStream stream;

    /** A dead letter as a group's consumer writes it after its last failed delivery. */
    String deadLetter() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EventStream.FIELD_ID, UUID.randomUUID().toString());
        fields.put(EventStream.FIELD_TYPE, "vote.cast");
        fields.put(EventStream.FIELD_VERSION, "1");
        fields.put(EventStream.FIELD_PAYLOAD, "{}");
        fields.put("group", "notifications");
        fields.put("deliveries", "5");
        fields.put("error", "IllegalStateException: refused");
        fields.put("failed-at", Instant.now().toString());
        return stream.redis().stream(String.class, String.class, String.class).xadd(stream.deadLetterKey(), fields);
    }

    @Test
    void anAdministratorReadingRussianByTheirBrowserSeesTheDashboardInRussian() {
        Member admin = data.admin("admin-ru");
        String entry = deadLetter();
        WebSession session = WebSession.loggedIn(admin.username);

        session.request().header("Accept-Language", "ru").get("/admin/streams").then().statusCode(200)
                .body(hasElement("h1", equalTo("Потоки событий")))
                .body(hasElement("#outbox-heading", equalTo("Outbox")))
                .body(hasElement("#mail-heading", equalTo("Очередь писем")))
                .body(hasElement("#groups-heading", equalTo("Группы потребителей")))
                .body(hasElement("#throughput-heading", equalTo("Пропускная способность за последний час")))
                .body(hasElement("#throughput-summary", containsString("Записи в минуту за последние 60 мин.")))
                .body(hasElement("#dlq-heading", containsString("Недоставленные")))
                .body(hasElement("[data-dead-letter='" + entry + "'] button", equalTo("Повторить")))
                .body(hasElement("[data-dead-letter='" + entry + "'] button.btn-outline-danger", equalTo("Удалить")))
                .body(hasElement("a[href='/admin/streams']", equalTo("Обновить")))
                .body(not(hasText(containsString("Consumer groups"))));

        String token = session.csrfToken();
        session.request().header("Accept-Language", "ru").contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("csrf-token", token).post("/admin/streams/dlq/" + entry + "/discard").then()
                .statusCode(303);
        session.request().header("Accept-Language", "ru").get("/admin/streams").then().statusCode(200)
                .body(hasElement(".alert[role=status]",
                        equalTo("Недоставленная запись " + entry + " удалена.")));

        // a refusal on the page too
        session.request().header("Accept-Language", "ru").contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("csrf-token", token).post("/admin/streams/dlq/" + entry + "/retry").then()
                .statusCode(404).body(hasErrorMessage(containsString("Недоставленной записи «" + entry + "»")));
    }

    @Test
    void theMembersLanguageSettingIsFollowedAndTheApiStaysEnglishUnlessAsked() {
        Member admin = data.admin("admin-setting-ru");
        data.execute("UPDATE member SET locale = 'ru' WHERE id = ?1", admin.id);
        String entry = deadLetter();
        WebSession session = WebSession.loggedIn(admin.username);

        session.get("/admin/streams").then().statusCode(200)
                .body(hasElement("h1", equalTo("Потоки событий")))
                .body(hasElement("#groups-heading", equalTo("Группы потребителей")));

        session.postJson("/api/v1/admin/streams/dlq/1-999999/retry", Map.of()).then().statusCode(404)
                .body("error", containsString("There is no dead letter"));
        String discarded = session.request().header("X-Qa-Language", "reader").contentType(ContentType.JSON)
                .accept(ContentType.JSON).body(Map.of())
                .post("/api/v1/admin/streams/dlq/" + entry + "/discard").then().statusCode(200).extract()
                .path("message");
        assertThat(discarded, equalTo("Недоставленная запись " + entry + " удалена."));
    }
}
