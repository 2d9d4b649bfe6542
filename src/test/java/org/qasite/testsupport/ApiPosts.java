package org.qasite.testsupport;

import java.util.List;
import java.util.Map;

import org.qasite.member.Member;

/**
 * Questions, answers and comments posted through the JSON API as their members would: each records its event, so the
 * consumers (notifications, mail, live) see it. For tests about what those consumers do.
 */
public final class ApiPosts {

    private ApiPosts() {
    }

    /** Asks as the member, with a body made of the title; answers the question's id. */
    public static long ask(Member asker, String title, String... tags) {
        String location = WebSession.loggedIn(asker.username).postJson("/api/v1/questions",
                Map.of("title", title, "body", "The body of the question: " + title + ", with enough words.",
                        "tags", List.of(tags)))
                .then().statusCode(201).extract().header("Location");
        return idAtEnd(location);
    }

    /** Answers the question as the member; answers the answer's id. */
    public static long answer(Member answerer, long questionId, String body) {
        String location = WebSession.loggedIn(answerer.username)
                .postJson("/api/v1/questions/" + questionId + "/answers", Map.of("body", body))
                .then().statusCode(201).extract().header("Location");
        return idAtEnd(location);
    }

    /** Comments as the member on the post of the API path ({@code /api/v1/answers/7/comments} …). */
    public static void comment(Member author, String path, String body) {
        WebSession.loggedIn(author.username).postJson(path, Map.of("body", body)).then().statusCode(201);
    }

    private static long idAtEnd(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
