package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;

@QuarkusTest
class SettingsTest {

    @Inject
    TestData data;

    @Test
    void aMemberChangesNameAndNotificationsAndANewEmailWaitsForItsLink() {
        Member member = data.member("settings");
        WebSession session = WebSession.loggedIn(member.username);
        String token = session.csrfToken();
        session.request().multiPart("email", "new-" + member.email)
                .multiPart(new MultiPartSpecBuilder("Zoë Новая").controlName("display_name").charset("UTF-8").build())
                .multiPart("mail_answer", "never").multiPart("csrf-token", token).post("/settings").then().statusCode(303);
        // the new address becomes the member's when its link is opened (account/EmailVerificationTest)
        session.get("/settings").then().statusCode(200).body(hasText(containsString("Your settings are saved.")))
                .body(hasText(containsString("A link is on its way to new-" + member.email)))
                .body(hasField("email", equalTo(member.email)), hasField("display_name", equalTo("Zoë Новая")))
                .body(hasElement("select[name=mail_answer] option[selected]", equalTo("Never")));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND mail_answer = 'never' AND email = ?2",
                member.id, member.email), equalTo(1L));
    }

    @Test
    void badSettingsAreShownAgainWithTheirValues() {
        Member member = data.member("settings");
        Member other = data.member("settings");
        WebSession session = WebSession.loggedIn(member.username);
        String token = session.csrfToken();
        session.request().multiPart("email", "broken@").multiPart("display_name", "x".repeat(51))
                .multiPart("csrf-token", token).post("/settings").then().statusCode(400)
                .body(hasText(containsString("This is not a valid email address.")),
                        hasText(containsString("The display name must be at most 50 characters long.")),
                        hasField("email", equalTo("broken@")));
        token = session.csrfToken();
        session.request().multiPart("email", other.email).multiPart("display_name", "Fine")
                .multiPart("csrf-token", token).post("/settings").then().statusCode(400)
                .body(hasText(containsString("Another account uses this email address.")));
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND email = ?2 AND display_name = ?3",
                member.id, member.email, member.displayName), equalTo(1L));
    }

    @Test
    void aMailChoiceThatIsNoFrequencyIsRefusedAndTheFormComesBackWithItsValues() {
        Member member = data.member("settings");
        WebSession session = WebSession.loggedIn(member.username);
        session.request().multiPart("email", member.email).multiPart("display_name", "Another Name")
                .multiPart("mail_answer", "hourly").multiPart("mail_comment", "weekly")
                .multiPart("csrf-token", session.csrfToken()).post("/settings").then().statusCode(400)
                .body(hasElement("#mailChosen-error",
                        equalTo("Choose how often mail comes for each kind of notification.")),
                        hasField("display_name", equalTo("Another Name")),
                        hasElement("select[name=mail_comment] option[value=weekly][selected]"),
                        hasElement("select[name=mail_followed_answer] option[value=daily][selected]"));
        assertThat("nothing saved", data.count("SELECT count(*) FROM member WHERE id = ?1 AND display_name = ?2"
                + " AND mail_answer = 'instant' AND mail_comment = 'instant'", member.id, member.displayName),
                equalTo(1L));
    }

    Response saveDisplayName(WebSession session, Member member, String displayName) {
        return session.request().multiPart("email", member.email)
                .multiPart(new MultiPartSpecBuilder(displayName).controlName("display_name").charset("UTF-8").build())
                .multiPart("csrf-token", session.csrfToken()).post("/settings");
    }

    String storedDisplayName(Member member) {
        return data.text("SELECT display_name FROM member WHERE id = ?1", member.id);
    }

    @Test
    void bidiControlsAndInvisibleCharactersAreDroppedFromTheDisplayName() {
        Member member = data.member("settings");
        WebSession session = WebSession.loggedIn(member.username);
        String coder = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"; // woman, skin tone, joiner, laptop
        saveDisplayName(session, member, "\u202EGrace\u202C \u200BHopper\u2060 " + coder).then().statusCode(303);
        assertThat(storedDisplayName(member), equalTo("Grace Hopper " + coder));
    }

    @Test
    void aDisplayNameOfInvisibleCharactersIsRefused() {
        Member member = data.member("settings");
        WebSession session = WebSession.loggedIn(member.username);
        for (String invisible : List.of("\u200B\u200B\u200B", "\u202E\u2066\u200F", "\u3164\u3164", "\u00A0\u00A0")) {
            saveDisplayName(session, member, invisible).then().statusCode(400)
                    .body(hasText(containsString("Enter the name to show beside your posts.")));
        }
        assertThat(storedDisplayName(member), equalTo(member.displayName));
    }

    @Test
    void aNameAnotherMemberShowsOrLogsInWithIsRefused() {
        Member member = data.member("namesake");
        Member other = data.member("namesake");
        WebSession session = WebSession.loggedIn(member.username);
        String fullwidthUsername = other.username.chars()
                .mapToObj(c -> Character.toString(c >= '!' && c <= '~' ? c - '!' + '\uFF01' : c)).reduce("", String::concat);
        for (String copy : List.of(other.displayName, other.displayName.toUpperCase(), " " + other.displayName + " ",
                other.username, other.username.toUpperCase(), fullwidthUsername)) {
            saveDisplayName(session, member, copy).then().statusCode(400)
                    .body(hasText(containsString("Another member uses this name. Choose another one.")));
        }
        assertThat(storedDisplayName(member), equalTo(member.displayName));
        // one's own username is one's own
        saveDisplayName(session, member, member.username.toUpperCase()).then().statusCode(303);
        assertThat(storedDisplayName(member), equalTo(member.username.toUpperCase()));
    }

    @Test
    void reservedAndLookAlikeNamesAreRefused() {
        Member member = data.member("settings");
        WebSession session = WebSession.loggedIn(member.username);
        for (String reserved : List.of("Moderator", "Site Admin", "\uFF21\uFF44\uFF4D\uFF49\uFF4E", "Deleted member")) {
            saveDisplayName(session, member, reserved).then().statusCode(400)
                    .body(hasText(containsString("This name is reserved for the site. Choose another one.")));
        }
        saveDisplayName(session, member, "\u0410lice Cooper").then().statusCode(400) // Cyrillic A
                .body(hasText(containsString("\u201C\u0410lice\u201D mixes Latin and Cyrillic letters, which can look alike")));
        assertThat(storedDisplayName(member), equalTo(member.displayName));
    }

    @Test
    void aNameKeptAsItWasStaysThoughAnotherMemberHasItToo() {
        Member member = data.member("settings");
        Member other = data.member("settings");
        data.execute("UPDATE member SET display_name = ?1 WHERE id = ?2", other.displayName, member.id);
        WebSession session = WebSession.loggedIn(member.username);
        session.request().multiPart("email", member.email).multiPart("display_name", other.displayName)
                .multiPart("mail_answer", "instant").multiPart("csrf-token", session.csrfToken()).post("/settings").then()
                .statusCode(303);
        assertThat(data.count("SELECT count(*) FROM member WHERE id = ?1 AND display_name = ?2 AND mail_answer = 'instant'",
                member.id, other.displayName), equalTo(1L));
    }
}
