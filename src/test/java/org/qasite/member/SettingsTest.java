package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.TestData;
import org.qasite.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;

@QuarkusTest
class SettingsTest {

    @Inject
    TestData data;

    @Test
    void aMemberChangesNameEmailAndNotifications() {
        Member member = data.member("settings");
        WebSession session = WebSession.loggedIn(member.username);
        String token = session.csrfToken();
        session.request().multiPart("email", "new-" + member.email)
                .multiPart(new MultiPartSpecBuilder("Zoë Новая").controlName("display_name").charset("UTF-8").build())
                .multiPart("csrf-token", token).post("/settings").then().statusCode(303);
        session.get("/settings").then().statusCode(200).body(containsString("Your settings are saved."))
                .body(containsString("new-" + member.email), containsString("Zoë Новая"))
                .body(org.hamcrest.Matchers.not(containsString("checked")));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND NOT notify_answers", member.id),
                equalTo(1L));
    }

    @Test
    void badSettingsAreShownAgainWithTheirValues() {
        Member member = data.member("settings");
        Member other = data.member("settings");
        WebSession session = WebSession.loggedIn(member.username);
        String token = session.csrfToken();
        session.request().multiPart("email", "broken@").multiPart("display_name", "x".repeat(51))
                .multiPart("csrf-token", token).post("/settings").then().statusCode(400)
                .body(containsString("This is not a valid email address."),
                        containsString("The display name must be at most 50 characters long."),
                        containsString("value=\"broken@\""));
        token = session.csrfToken();
        session.request().multiPart("email", other.email).multiPart("display_name", "Fine")
                .multiPart("csrf-token", token).post("/settings").then().statusCode(400)
                .body(containsString("Another account uses this email address."));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND email = ?2 AND display_name = ?3",
                member.id, member.email, member.displayName), equalTo(1L));
    }
}
