package org.qasite.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A failed login takes as long for a name nobody has as for a member's: the answer's time does not tell which names
 * exist. Not a speed limit: the two kinds of failure are compared with each other, alternately, by their medians; a
 * login that skipped the password hash for unknown names answered in a fifth of the time.
 */
@QuarkusTest
class LoginTimingTest {

    @Inject
    TestData data;

    static long failedLoginNanos(String username) {
        long start = System.nanoTime();
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("username", username)
                .formParam("password", "not the password").post("/login").then().statusCode(303);
        return System.nanoTime() - start;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void anUnknownNameFailsAsSlowlyAsAWrongPassword() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        failedLoginNanos(TestData.uniqueName("warm-up")); // the stand-in hash is made by the first unknown name
        for (int i = 0; i < 7; i++) {
            // a fresh member each time: a name's own failures are not to slow it down here
            Member member = data.member("timed");
            known.add(failedLoginNanos(member.username));
            unknown.add(failedLoginNanos(TestData.uniqueName("nobody")));
        }
        double ratio = (double) median(unknown) / median(known);
        assertThat("median time of an unknown name's failure over a known one's", ratio,
                both(greaterThan(0.6)).and(lessThan(1.7)));
    }
}
