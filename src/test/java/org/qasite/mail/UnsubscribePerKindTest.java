package org.qasite.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.member.NotificationKind;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Each kind of notification, and each digest, has its own signed unsubscribe link: opening it shows a button, posting
 * to it (the button, or a mail program's one click) sets that kind, or every kind of the digest, to "never" and
 * nothing else; a forged link or another kind's signature changes nothing.
 */
@QuarkusTest
class UnsubscribePerKindTest {

    @Inject
    TestData data;

    @Inject
    UnsubscribeLinks links;

    /** The member's six preferences, in the order of the kinds. */
    String preferences(Member member) {
        return data.text("SELECT concat_ws(',', mail_answer, mail_followed_answer, mail_comment, mail_mention,"
                + " mail_accepted, mail_tag_question) FROM member WHERE id = ?1", member.id);
    }

    @Test
    void eachKindsLinkShowsItsPageAndOneClickSwitchesOffThatKindAlone() {
        for (NotificationKind kind : NotificationKind.values()) {
            Member member = data.member("unsub-kind");
            data.execute("UPDATE member SET mail_followed_answer = 'instant', mail_tag_question = 'weekly' WHERE id = ?1",
                    member.id);
            String before = preferences(member);
            String path = links.path(UnsubscribeLinks.Topic.of(kind), member.id);
            String name = kind.field().substring("mail_".length());

            WebSession.visitor().get(path).then().statusCode(200)
                    .body(hasElement("h1", startsWith("Stop mail about ")), hasElement("[data-unsubscribe]"));
            assertThat("opening the link changes nothing", preferences(member), equalTo(before));

            RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                    .header("Origin", "https://webmail.example.net").body("List-Unsubscribe=One-Click").post(path)
                    .then().statusCode(200).body(containsString("Unsubscribed from mail about"));
            assertThat(kind + " alone is off", preferences(member), equalTo(before.replaceFirst(
                    "^((?:[a-z]+,){" + kind.ordinal() + "})[a-z]+", "$1never")));
            assertThat(data.text("SELECT " + kind.field() + " FROM member WHERE id = ?1", member.id), equalTo("never"));
            WebSession.visitor().get(path).then().statusCode(200)
                    .body(hasElement("h1", equalTo("You are unsubscribed")), hasElement("[data-unsubscribed]"));

            // and on again from the page, as the kind comes by default
            WebSession.visitor().postForm(path + "/resubscribe", Map.of()).then().statusCode(303)
                    .header("Location", endsWith(path));
            assertThat(name, data.text("SELECT " + kind.field() + " FROM member WHERE id = ?1", member.id),
                    equalTo(kind.defaultFrequency.value()));
        }
    }

    @Test
    void thePageSpeaksTheReadersLanguage() {
        Member member = data.member("unsub-ru");
        String path = links.path(UnsubscribeLinks.Topic.ACCEPTED, member.id);
        WebSession.visitor().request().header("Accept-Language", "ru").get(path).then().statusCode(200)
                .body(hasElement("title", startsWith("Письма о принятых ответах")),
                        hasElement("h1", equalTo("Больше не получать письма о принятых ответах?")),
                        hasElement("[data-unsubscribe]", equalTo("Отписаться")));
        RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click").post(path).then().statusCode(200);
        WebSession.visitor().request().header("Accept-Language", "ru").get(path).then().statusCode(200)
                .body(hasElement("h1", equalTo("Вы отписались")), hasElement("[data-unsubscribed]",
                        equalTo(member.displayName + ", вы больше не получаете письма о принятых ответах.")));
    }

    @Test
    void theLinksOfMailSentBeforeKeepTheirPathsAndWork() {
        Member member = data.member("unsub-old");
        assertThat(links.path(UnsubscribeLinks.Topic.ANSWERS, member.id), startsWith("/unsubscribe/" + member.id + "/"));
        assertThat(links.path(UnsubscribeLinks.Topic.COMMENTS, member.id),
                startsWith("/unsubscribe-comments/" + member.id + "/"));
        assertThat(links.path(UnsubscribeLinks.Topic.ANSWERS, member.id), equalTo(links.path(member.id)));

        RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .post(links.path(UnsubscribeLinks.Topic.COMMENTS, member.id) + "?from=page").then().statusCode(303);
        RestAssured.given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post(links.path(member.id)).then().statusCode(200)
                .body(equalTo("Unsubscribed from mail about new answers.\n"));
        assertThat(preferences(member), equalTo("never,daily,never,instant,instant,daily"));
    }

    @Test
    void aDigestsLinkSwitchesOffEveryKindAtThatFrequencyAndSaysSo() {
        Member member = data.member("unsub-digest");
        data.execute("UPDATE member SET mail_answer = 'daily', mail_mention = 'weekly' WHERE id = ?1", member.id);
        String path = links.path(UnsubscribeLinks.Topic.DAILY_DIGEST, member.id);
        assertThat(path, startsWith("/unsubscribe-daily/" + member.id + "/"));

        WebSession.visitor().get(path).then().statusCode(200)
                .body(hasElement("h1", equalTo("Stop the daily digest?")));
        RestAssured.given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(path).then()
                .statusCode(200).body(containsString("Unsubscribed from the daily digest"));

        // answers, followed answers and tag questions came daily; the weekly and instant kinds stay
        assertThat(preferences(member), equalTo("never,never,instant,weekly,instant,never"));
        WebSession.visitor().get(path).then().statusCode(200)
                .body(hasElement("h1", equalTo("You are unsubscribed")),
                        hasElement("[data-unsubscribed]", containsString("every kind of notification that came in it"
                                + " is set to “Never”")));
        String weekly = links.path(UnsubscribeLinks.Topic.WEEKLY_DIGEST, member.id);
        WebSession.visitor().get(weekly).then().statusCode(200).body(hasElement("h1", equalTo("Stop the weekly digest?")));
    }

    @Test
    void aForgedLinkOrAnotherKindsSignatureIsRefusedAndChangesNothing() {
        Member member = data.member("unsub-forged");
        String before = preferences(member);
        String mention = links.path(UnsubscribeLinks.Topic.MENTIONS, member.id);
        String signature = mention.substring(mention.lastIndexOf('/') + 1);
        for (String path : new String[] { "/unsubscribe-mention/" + member.id + "/AAAAAAAAAAAAAAAAAAAAAA",
                "/unsubscribe-accepted/" + member.id + "/" + signature,
                "/unsubscribe-daily/" + member.id + "/" + signature,
                "/unsubscribe/" + member.id + "/" + signature,
                "/unsubscribe-mention/" + (member.id + 1) + "/" + signature }) {
            WebSession.visitor().get(path).then().statusCode(404).body(hasErrorMessage(containsString("not valid")));
            RestAssured.given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(path).then()
                    .statusCode(404);
        }
        WebSession.visitor().get("/unsubscribe-nothing/" + member.id + "/" + signature).then().statusCode(404)
                .body(hasErrorMessage(containsString("not valid")));
        assertThat(preferences(member), equalTo(before));
    }
}
