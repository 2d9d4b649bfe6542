package org.qasite.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.ProxiedServices;
import org.qasite.testsupport.RealServicesProfile;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With the cache's Redis cut off, pages still render, right column included, and members can still post. */
@QuarkusTest
@TestProfile(RealServicesProfile.class)
class CacheDownTest {

    @Inject
    TestData data;

    @Inject
    StatsCache stats;

    ProxiedServices.Proxies proxies;

    @AfterEach
    void bringRedisBack() {
        proxies.restoreAll();
    }

    @Test
    void pagesRenderWithTheRightColumnWhileTheCacheIsDown() {
        Member asker = data.member("asker");
        String tag = "resilience-" + System.nanoTime() % 1_000_000;
        Question question = data.question(asker, "Does the site work without its cache?", tag);
        // What the scheduled refresh does (off in tests): the cache and this instance now hold the widgets as they are,
        // whatever pages of earlier tests saw before this question existed.
        stats.refresh(Widget.POPULAR_TAGS);
        stats.refresh(Widget.BEST_MEMBERS);
        proxies.cache().cut();

        for (String path : new String[] { "/", "/hot", "/tag/" + tag, question.path() }) {
            WebSession.visitor().get(path).then().statusCode(200)
                    .body(hasElement("#popular-tags"), hasElement("#best-members"));
        }
        // The widget itself, not an empty box: the last value this instance saw, or computed from the database.
        WebSession.visitor().get("/api/v1/stats/popular-tags").then().statusCode(200)
                .body("size()", greaterThan(0));
        // Rate limits and view counts live in the cache too; posting still works.
        WebSession.loggedIn(data.member("answerer").username)
                .postForm("/questions/" + question.id + "/answers", Map.of("body", "Yes, from the database."))
                .then().statusCode(303);
        assertThat(data.count("SELECT count(*) FROM answer WHERE question_id = ?1", question.id), equalTo(1L));
    }
}
