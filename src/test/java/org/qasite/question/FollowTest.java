package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The Follow buttons of a question page and of a tag's page, and what they refuse. */
@QuarkusTest
class FollowTest {

    @Inject
    TestData data;

    @Test
    void aMemberFollowsAQuestionAndUnfollowsIt() {
        Member asker = data.member("f-asker");
        Member reader = data.member("f-reader");
        Question question = data.question(asker, "Which questions does a reader follow?");
        WebSession session = WebSession.loggedIn(reader.username);
        String button = "[data-follow-for=question-" + question.id + "]";
        assertThat(session.get(question.path()).asString(), hasElement(button, equalTo("Follow question")));

        Response followed = session.postForm("/questions/" + question.id + "/follow", Map.of());
        followed.then().statusCode(303).header("Location", equalTo(question.path()));
        assertThat(session.get(question.path()).asString(),
                hasElement(button + "[data-following=true]", equalTo("Following question")));
        assertThat(following(reader, question), equalTo("true"));

        session.postForm("/questions/" + question.id + "/unfollow", Map.of()).then().statusCode(303);
        assertThat(session.get(question.path()).asString(),
                hasElement(button + "[data-following=false]", equalTo("Follow question")));
        assertThat(following(reader, question), equalTo("false"));
    }

    @Test
    void theAskerFollowsTheirQuestionUntilTheyUnfollowItAndAnAnswerDoesNotFollowItAgain() {
        Member asker = data.member("f-asker");
        Question question = data.question(asker, "Does an asker follow their own question?");
        WebSession session = WebSession.loggedIn(asker.username);
        String button = "[data-follow-for=question-" + question.id + "]";
        assertThat(session.get(question.path()).asString(),
                hasElement(button + "[data-following=true]", equalTo("Following question")));

        session.postForm("/questions/" + question.id + "/unfollow", Map.of()).then().statusCode(303);
        session.postForm("/questions/" + question.id + "/answers",
                Map.of("body", "The asker answers their own question, which they unfollowed before.")).then()
                .statusCode(303);

        assertThat(session.get(question.path()).asString(),
                hasElement(button + "[data-following=false]", equalTo("Follow question")));
    }

    @Test
    void aMemberFollowsATagFromItsPageAndFromAQuestion() {
        Member asker = data.member("f-asker");
        Member reader = data.member("f-reader");
        String tag = "follow-" + UUID.randomUUID().toString().substring(0, 8);
        Question question = data.question(asker, "A question with a tag to follow", tag);
        WebSession session = WebSession.loggedIn(reader.username);
        String button = "[data-follow-for=tag-" + tag + "]";
        String page = session.get("/tag/" + tag).asString();
        assertThat(page, hasElement(button, equalTo("Follow [" + tag + "]")));
        assertThat(page, hasElement("[data-followers]", equalTo("0 followers")));

        session.postForm("/tag/" + tag + "/follow", Map.of()).then().statusCode(303).header("Location",
                equalTo("/tag/" + tag));
        page = session.get("/tag/" + tag).asString();
        assertThat(page, hasElement(button + "[data-following=true]", equalTo("Following [" + tag + "]")));
        assertThat(page, hasElement("[data-followers]", equalTo("1 follower")));
        assertThat(session.get(question.path()).asString(), hasElement(button + "[data-following=true]"));

        // From the question page's button, back to the question; never to another address.
        session.postForm("/tag/" + tag + "/unfollow", Map.of("back", question.path())).then()
                .statusCode(303).header("Location", equalTo(question.path()));
        session.postForm("/tag/" + tag + "/follow", Map.of("back", "https://elsewhere.example/questions/1")).then()
                .statusCode(303).header("Location", equalTo("/tag/" + tag));
        assertThat(data.count("SELECT count(*) FROM tag_follow f JOIN tag t ON t.id = f.tag_id WHERE t.name = ?1"
                + " AND f.member_id = ?2", tag, reader.id), equalTo(1L));
        // Visitors see how many follow it, and no button.
        String visitorPage = WebSession.visitor().get("/tag/" + tag).asString();
        assertThat(visitorPage, hasElement("[data-followers]", equalTo("1 follower")));
        assertThat(visitorPage, not(hasElement(button)));
    }

    @Test
    void followingWhatDoesNotExistIsA404AndAVisitorIsSentToLogIn() {
        Member asker = data.member("f-asker");
        Member reader = data.member("f-reader");
        Question deleted = data.question(asker, "A question its author deleted");
        data.execute("UPDATE question SET deleted_at = now(), deleted_by = author_id WHERE id = ?1", deleted.id);
        WebSession session = WebSession.loggedIn(reader.username);

        assertThat(session.postForm("/questions/999999999/follow", Map.of()).then().statusCode(404).extract().asString(),
                hasErrorMessage(containsString("There is no question 999999999")));
        session.postForm("/questions/" + deleted.id + "/follow", Map.of()).then().statusCode(404);
        session.postForm("/questions/abc/follow", Map.of()).then().statusCode(404);
        assertThat(session.postForm("/tag/no-such-tag-anywhere/follow", Map.of()).then().statusCode(404).extract()
                .asString(), hasErrorMessage(containsString("There is no tag")));
        assertThat(data.count("SELECT count(*) FROM question_follow WHERE member_id = ?1", reader.id), equalTo(0L));

        Response visitor = WebSession.visitor().postForm("/questions/" + deleted.id + "/follow", Map.of());
        visitor.then().statusCode(303).header("Location", containsString("/login"));
        WebSession.loggedIn(reader.username).postFormWithoutToken("/tag/testing/follow", Map.of()).then()
                .statusCode(400);
    }

    @Test
    void aFloodOfFollowsIsRefused() {
        Member asker = data.member("f-asker");
        Member flooder = data.member("f-flooder");
        Question question = data.question(asker, "A question followed and unfollowed too often");
        WebSession session = WebSession.loggedIn(flooder.username);
        int refusedAt = -1;
        for (int i = 0; i < 70 && refusedAt < 0; i++) {
            Response r = session.postForm("/questions/" + question.id + (i % 2 == 0 ? "/follow" : "/unfollow"), Map.of());
            if (r.statusCode() == 429) {
                refusedAt = i;
                assertThat(r.asString(), hasErrorMessage(containsString("at most 60 follows and unfollows")));
                assertThat(r.header("Retry-After"), not(equalTo(null)));
            } else {
                r.then().statusCode(303);
            }
        }
        assertThat("the 61st in ten minutes is refused", refusedAt, equalTo(60));
    }

    private String following(Member member, Question question) {
        return data.text("SELECT CAST(following AS text) FROM question_follow WHERE member_id = ?1 AND question_id = ?2",
                member.id, question.id);
    }
}
