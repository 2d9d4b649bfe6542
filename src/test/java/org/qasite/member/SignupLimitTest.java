package org.qasite.member;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.http.conn.params.ConnRoutePNames;
import org.junit.jupiter.api.Test;
import org.qasite.limit.RateLimitConfig;
import org.qasite.limit.RateLimiter;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * Accounts per address. Every other test signs up from 127.0.0.1, where the test configuration allows many; this one
 * sends its sign-ups from addresses of its own (any 127.x.y.z reaches the site on Linux' loopback), fills their window
 * through the limiter up to the last allowed sign-up, and so needs no more real sign-ups than the edge takes.
 */
@QuarkusTest
class SignupLimitTest {

    /** A fresh loopback address for each use, so that a second run in the same boot starts with an empty window. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(2);
    private static final String PASSWORD = "s3cret-pass";

    @Inject
    TestData data;
    @Inject
    RateLimiter limiter;
    @Inject
    RateLimitConfig config;
    @TestHTTPResource("/")
    URL site;

    static String freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "127.0." + (n / 250) + "." + (2 + n % 250);
    }

    /** The sign-up form sent from this address, as a browser on that machine would send it. */
    Response signup(String from, String username, String password, String confirm) {
        // the loopback address itself, not "localhost", which may be ::1 and cannot be reached from 127.0.0.x
        WebSession session = WebSession.visitor("http://127.0.0.1:" + site.getPort());
        String token = session.csrfToken();
        return session.request().config(sentFrom(from)).multiPart("username", username)
                .multiPart("email", username + "@example.org").multiPart("password", password)
                .multiPart("password_confirm", confirm).multiPart("csrf-token", token).post("/signup");
    }

    static RestAssuredConfig sentFrom(String address) {
        try {
            return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam(ConnRoutePNames.LOCAL_ADDRESS, InetAddress.getByName(address)));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    long members(String username) {
        return data.count("SELECT count(*) FROM member WHERE lower(username) = lower(?1)", username);
    }

    @Test
    void anAddressThatMadeItsAccountsWaitsAndIsToldHowLong() {
        String address = freshAddress();
        RateLimitConfig.Limit limit = config.signup();
        for (int i = 1; i < limit.limit(); i++) { // the earlier sign-ups of this address
            limiter.acquire(RateLimiter.Action.SIGNUP, address);
        }
        String last = TestData.uniqueName("last");
        signup(address, last, PASSWORD, PASSWORD).then().statusCode(303);
        assertThat(members(last), equalTo(1L));

        // A typo is answered as always: refused forms do not count, before or after the limit.
        String extra = TestData.uniqueName("extra");
        signup(address, extra, PASSWORD, "other-pass").then().statusCode(400)
                .body(hasText(containsString("The two passwords differ.")));

        Response tooMany = signup(address, extra, PASSWORD, PASSWORD);
        String page = tooMany.then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body(hasText(containsString("at most " + limit.limit() + " sign-ups from one address per "
                        + RateLimiter.describe(limit.window()))), hasText(containsString("Try again in")))
                .body(hasField("username", equalTo(extra)), hasField("email", equalTo(extra + "@example.org")))
                .extract().asString();
        assertThat("the password is not shown again", page, not(containsString(PASSWORD)));
        assertThat(Long.parseLong(tooMany.header("Retry-After")), org.hamcrest.Matchers.lessThanOrEqualTo(
                limit.window().toSeconds()));
        assertThat(members(extra), equalTo(0L));

        // The limit is the address's: someone elsewhere signs up as usual.
        signup(freshAddress(), extra, PASSWORD, PASSWORD).then().statusCode(303);
        assertThat(members(extra), equalTo(1L));
    }
}
