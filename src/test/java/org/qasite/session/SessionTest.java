package org.qasite.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.qasite.testsupport.Pages.hasElement;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasField;
import static org.qasite.testsupport.Pages.hasText;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class SessionTest {

    @Inject
    TestData data;

    @Inject
    SessionCookie cookies;

    @Inject
    SessionConfig config;

    @Inject
    Sessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginConfig loginConfig;

    /** A request that carries only this session cookie, as a copy of it would be used elsewhere. */
    static Response withCookie(String cookie, String path) {
        return given().redirects().follow(false).cookie("qa-session", cookie).get(path);
    }

    static String sessionCookie(Member member) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("username", member.username)
                .formParam("password", TestData.PASSWORD).post("/login").getCookie("qa-session");
    }

    @Test
    void aCookieCopiedBeforeLogoutOpensNothingAfterIt() {
        Member member = data.member("leaver");
        WebSession session = WebSession.loggedIn(member.username);
        String cookie = session.sessionCookie();
        withCookie(cookie, "/settings").then().statusCode(200).body(hasField("email", equalTo(member.email)));

        Response logout = session.postForm("/logout", Map.of());
        assertThat(logout.statusCode(), equalTo(303));
        assertThat(logout.getDetailedCookie("qa-session").getMaxAge(), equalTo(0L));
        assertThat("the CSRF cookie is rotated at logout", logout.getDetailedCookie("qa-csrf").getMaxAge(),
                equalTo(0L));

        Response replayed = withCookie(cookie, "/settings");
        assertThat(replayed.statusCode(), equalTo(303));
        assertThat(replayed.header("Location"), containsString("/login"));
        assertThat("the dead cookie is cleared", replayed.getDetailedCookie("qa-session").getMaxAge(), equalTo(0L));
        assertThat(data.count("SELECT count(*) FROM member_session WHERE member_id = ?1 AND ended_at IS NULL",
                member.id), equalTo(0L));
    }

    @Test
    void logOutEverywhereEndsEverySessionOfTheMember() {
        Member member = data.member("everywhere");
        Member other = data.member("bystander");
        String laptop = sessionCookie(member);
        String phone = sessionCookie(member);
        String someoneElse = sessionCookie(other);
        withCookie(laptop, "/settings").then().statusCode(200).body(hasElement("button", equalTo("Log out everywhere")));
        withCookie(phone, "/settings").then().statusCode(200);

        WebSession browser = WebSession.loggedIn(member.username);
        Response ended = browser.postForm("/settings/sessions/end", Map.of());
        assertThat(ended.statusCode(), equalTo(303));
        assertThat(ended.header("Location"), equalTo("/login"));
        browser.get("/login").then().statusCode(200)
                .body(hasText(containsString("You are logged out everywhere: 3 sessions ended.")));

        withCookie(laptop, "/settings").then().statusCode(303);
        withCookie(phone, "/settings").then().statusCode(303);
        browser.get("/settings").then().statusCode(303);
        withCookie(someoneElse, "/settings").then().statusCode(200);
        // and a new login works as before
        WebSession.loggedIn(member.username).get("/settings").then().statusCode(200);
    }

    @Test
    void loginRotatesTheCsrfCookieSoATokenSeenBeforeIsWorthNothing() {
        Member member = data.member("rotated");
        WebSession session = WebSession.visitor();
        String before = session.csrfToken();
        Response login = session.request().contentType(ContentType.URLENC).formParam("username", member.username)
                .formParam("password", TestData.PASSWORD).post("/login");
        assertThat(login.statusCode(), equalTo(303));
        assertThat(login.getDetailedCookie("qa-csrf").getMaxAge(), equalTo(0L));
        String after = session.csrfToken();
        assertThat(after, not(equalTo(before)));
        session.request().contentType(ContentType.URLENC).formParam("csrf-token", before)
                .post("/settings/sessions/end").then().statusCode(400)
                .body(hasErrorMessage(containsString("security token is missing or has expired")));
        session.get("/settings").then().statusCode(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndLastsNoLongerThanTheSession() {
        Member member = data.member("flags");
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", TestData.PASSWORD).post("/login");
        io.restassured.http.Cookie cookie = login.getDetailedCookie("qa-session");
        assertThat(cookie.isHttpOnly(), equalTo(true));
        assertThat(cookie.getSameSite(), equalTo("Lax"));
        assertThat("the public address of the tests is http", cookie.isSecured(), equalTo(false));
        assertThat(cookie.getMaxAge(), equalTo(config.idleTimeout().toSeconds()));
        assertThat(login.getDetailedCookie("qa-device"), notNullValue());
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndAfterItsAbsoluteLifetime() {
        Member member = data.member("expiring");
        SessionCookie.Value fresh = cookies.decode(sessionCookie(member));
        Instant now = Instant.now();
        withCookie(cookies.encode(fresh), "/settings").then().statusCode(200);

        SessionCookie.Value idle = new SessionCookie.Value(fresh.sessionId(), fresh.memberId(), fresh.createdAt(),
                now.minus(config.idleTimeout()).minusSeconds(60));
        Response idleAnswer = withCookie(cookies.encode(idle), "/settings");
        assertThat(idleAnswer.statusCode(), equalTo(303));
        assertThat(idleAnswer.getDetailedCookie("qa-session").getMaxAge(), equalTo(0L));

        SessionCookie.Value old = new SessionCookie.Value(fresh.sessionId(), fresh.memberId(),
                now.minus(config.absoluteLifetime()).minusSeconds(60), now);
        withCookie(cookies.encode(old), "/settings").then().statusCode(303);

        // the database's own start time counts too, whatever the cookie says
        String second = sessionCookie(member);
        data.count("WITH u AS (UPDATE member_session SET created_at = now() - interval '31 days' WHERE id = ?1 "
                + "RETURNING 1) SELECT count(*) FROM u", cookies.decode(second).sessionId());
        withCookie(second, "/settings").then().statusCode(303);
    }

    @Test
    void aCookieInUseIsRenewedAndItsSessionMarkedSeen() {
        Member member = data.member("renewed");
        SessionCookie.Value fresh = cookies.decode(sessionCookie(member));
        Response early = withCookie(cookies.encode(fresh), "/settings");
        early.then().statusCode(200);
        assertThat("renewed only once per interval", early.getCookie("qa-session"), nullValue());
        data.count("WITH u AS (UPDATE member_session SET last_seen_at = now() - interval '1 day' WHERE id = ?1 "
                + "RETURNING 1) SELECT count(*) FROM u", fresh.sessionId());
        SessionCookie.Value due = new SessionCookie.Value(fresh.sessionId(), fresh.memberId(), fresh.createdAt(),
                Instant.now().minus(config.renewInterval()).minusSeconds(5));
        Response renewed = withCookie(cookies.encode(due), "/settings");
        renewed.then().statusCode(200);
        SessionCookie.Value next = cookies.decode(renewed.getCookie("qa-session"));
        assertThat(next.sessionId(), equalTo(fresh.sessionId()));
        assertThat(Duration.between(due.renewedAt(), next.renewedAt()).toSeconds(),
                greaterThan(config.renewInterval().toSeconds()));
        assertThat(
                data.count("SELECT count(*) FROM member_session WHERE id = ?1 AND last_seen_at > now() - interval '1 minute'",
                        fresh.sessionId()),
                equalTo(1L));
        // pictures and other shared responses never carry it
        withCookie(cookies.encode(due), "/avatars/default/" + member.username + ".svg").then().statusCode(200)
                .header("Set-Cookie", nullValue());
    }

    @Test
    void aForgedOrBrokenCookieIsAVisitorsRequest() {
        Member member = data.member("forger");
        SessionCookie.Value real = cookies.decode(sessionCookie(member));
        String encoded = cookies.encode(real);
        char[] flipped = encoded.toCharArray();
        flipped[20] = flipped[20] == 'A' ? 'B' : 'A';
        for (String forged : new String[] { new String(flipped), "x", "", "%%%", "a".repeat(5000),
                cookies.encode(new SessionCookie.Value(UUID.randomUUID(), real.memberId(), Instant.now(), Instant.now())),
                cookies.encode(new SessionCookie.Value(real.sessionId(), real.memberId() + 1, Instant.now(),
                        Instant.now())) }) {
            Response answer = withCookie(forged, "/settings");
            assertThat("cookie " + forged.substring(0, Math.min(30, forged.length())), answer.statusCode(),
                    equalTo(303));
        }
        withCookie(encoded, "/").then().statusCode(200).body(hasElement("nav .header-name", equalTo(member.displayName)));
    }

    @Test
    void aBrowserIsTheOwnersFromItsFirstLoginOnSoStrangersFailuresNeverHoldItUp() {
        Member member = data.member("firstlogin");
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", TestData.PASSWORD).post("/login");
        assertThat(login.statusCode(), equalTo(303));
        String device = login.getCookie("qa-device");
        assertThat(device, notNullValue());
        // strangers fail on the name from many addresses, and many times from one address
        long at = System.currentTimeMillis();
        for (int i = 0; i < loginConfig.freeFailuresPerName() + 5; i++) {
            throttle.tryLogin(member.username, new LoginThrottle.Origin("192.0.2." + i, null), UUID.randomUUID().toString(),
                    at + i);
        }
        long after = at + loginConfig.freeFailuresPerName() + 10;
        assertThat("a new browser waits", throttle.tryLogin(member.username,
                new LoginThrottle.Origin("198.51.100.77", null), UUID.randomUUID().toString(), after), notNullValue());
        // the browser that logged in, from a network it never used, and from a stranger's address, goes ahead
        assertThat(throttle.tryLogin(member.username, new LoginThrottle.Origin("198.51.100.77", device),
                UUID.randomUUID().toString(), after), nullValue());
        assertThat(throttle.tryLogin(member.username, new LoginThrottle.Origin("192.0.2.3", device),
                UUID.randomUUID().toString(), after), nullValue());
        // and it keeps its id: the next login sets the same cookie again, for another 90 days
        Response again = given().redirects().follow(false).cookie("qa-device", device).contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", TestData.PASSWORD).post("/login");
        assertThat(again.getCookie("qa-device"), equalTo(device));
        assertThat(again.getDetailedCookie("qa-device").getMaxAge(), equalTo(loginConfig.knownDeviceLifetime().toSeconds()));
    }

    @Test
    void loggingInAgainEndsTheSessionTheBrowserHad() {
        Member member = data.member("twice");
        String first = sessionCookie(member);
        Response second = given().redirects().follow(false).cookie("qa-session", first).contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", TestData.PASSWORD).post("/login");
        assertThat(second.statusCode(), equalTo(303));
        withCookie(first, "/settings").then().statusCode(303);
        withCookie(second.getCookie("qa-session"), "/settings").then().statusCode(200);
    }

    @Test
    void aLoginCheckedBeforeAllSessionsWereEndedStartsNone() {
        Member member = data.member("inflight");
        long generation = data.count("SELECT session_generation FROM member WHERE id = ?1", member.id);
        sessions.endAll(member.id); // "log out everywhere" while the login's password was being checked
        assertThat(sessions.start(member.id, generation, "test", "127.0.0.1"), nullValue());
        assertThat(data.count("SELECT count(*) FROM member_session WHERE member_id = ?1", member.id), equalTo(0L));
        assertThat(sessions.start(member.id, generation + 1, "test", "127.0.0.1"), notNullValue());
    }

    @Test
    void sessionsAskedAboutTogetherAnswerAsEachAlone() {
        Member member = data.member("together");
        Member other = data.member("together-other");
        long generation = data.count("SELECT session_generation FROM member WHERE id = ?1", member.id);
        UUID kept = sessions.start(member.id, generation, "test", "127.0.0.1");
        UUID ended = sessions.start(member.id, generation, "test", "127.0.0.1");
        UUID elsewhere = sessions.start(other.id,
                data.count("SELECT session_generation FROM member WHERE id = ?1", other.id), "test", "127.0.0.1");
        UUID unknown = UUID.randomUUID();
        assertThat(sessions.inForce(List.of(kept, ended, elsewhere, unknown)),
                equalTo(Set.of(kept, ended, elsewhere)));

        sessions.end(ended); // on this instance: counts at once, cached or not
        assertThat(sessions.inForce(List.of(kept, ended, elsewhere, unknown)),
                equalTo(Set.of(kept, elsewhere)));
        sessions.endAll(other.id);
        assertThat(sessions.inForce(List.of(kept, ended, elsewhere)), equalTo(Set.of(kept)));
    }
}
