package org.qasite.web.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What every response says about itself: the policy, the cookies' attributes, the addresses it sends browsers to. */
@QuarkusTest
class SecurityHeadersTest {

    @Inject
    TestData data;

    @Test
    void pagesForbidInlineScriptAndForeignFramesAndSayNothingOfHttpsOnAnHttpSite() {
        Response page = given().get("/");
        String policy = page.header("Content-Security-Policy");
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
                "connect-src 'self'")) {
            assertThat(policy, containsString(directive));
        }
        assertThat(policy, not(containsString("unsafe-inline")));
        assertThat(page.header("X-Frame-Options"), equalTo("DENY"));
        assertThat(page.header("X-Content-Type-Options"), equalTo("nosniff"));
        assertThat(page.header("Strict-Transport-Security"), nullValue());
        assertThat("a page's language follows the reader", page.header("Vary"),
                containsString("Accept-Language"));
        // and the pages hold no inline script or style for the policy to refuse
        String html = page.asString();
        assertThat(html, not(hasElement("script:not([src])")));
        assertThat(html, not(hasElement("[style]")));
        assertThat(html, not(hasElement("style")));
    }

    @Test
    void everyCookieIsSameSiteLax() {
        Response page = given().get("/signup");
        assertThat(page.getDetailedCookie("qa-csrf").getSameSite(), equalTo("Lax"));
        assertThat(page.getDetailedCookie("qa-csrf").isSecured(), equalTo(false));
        Member member = data.member("cookies");
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", TestData.PASSWORD).post("/login");
        for (String name : List.of("qa-session", "qa-device", "qa-csrf")) {
            assertThat(name, login.getDetailedCookie(name).getSameSite(), equalTo("Lax"));
        }
        WebSession session = WebSession.loggedIn(member.username);
        Response flash = session.postForm("/logout", Map.of());
        assertThat(flash.getDetailedCookie("qa-flash").getSameSite(), equalTo("Lax"));
    }

    @Test
    void picturesAndBundlesCarryNoCookie() {
        Member member = data.member("pictures");
        // a visitor without any cookie yet: the CSRF filter would hand out its cookie with any response
        given().get("/avatars/default/" + member.username + ".svg").then().statusCode(200)
                .header("Set-Cookie", nullValue()).header("Cache-Control", containsString("max-age"));
        String html = given().get("/").asString();
        Element script = Pages.document(html).selectFirst("script[src]");
        assertThat("the page loads its script from a file", script, notNullValue());
        given().get(script.attr("src")).then().statusCode(200).header("Set-Cookie", nullValue());
    }

    @Test
    void aForgedHostNeverComesBackInALocation() {
        Member author = data.member("host");
        Question question = data.question(author, "Where does the redirect go?");
        var answer = data.answer(data.member("hostanswer"), question, "To a path of this site.");
        Response permalink = given().redirects().follow(false).header("Host", "evil.example")
                .get("/answers/" + answer.id);
        assertThat(permalink.statusCode(), equalTo(303));
        assertThat(permalink.header("Location"), equalTo(question.path() + "#answer-" + answer.id));
        Response ask = given().redirects().follow(false).header("Host", "evil.example:8443").get("/ask");
        assertThat(ask.statusCode(), equalTo(303));
        assertThat(ask.header("Location"), equalTo("/login"));
        // host names Java cannot parse (an "_", a "!") are no way around it
        for (String host : List.of("ev_il.example", "a!b.example:8080", "x.y_z.example")) {
            Response odd = given().redirects().follow(false).header("Host", host).get("/answers/" + answer.id);
            assertThat(host, odd.header("Location"), equalTo(question.path() + "#answer-" + answer.id));
        }
        // a created resource is named by the configured public address
        WebSession session = WebSession.loggedIn(author.username);
        Response created = session.request().header("Host", "evil.example").contentType(ContentType.JSON)
                .body(Map.of("body", "An answer sent with a forged Host header.")).post(
                        "/api/v1/questions/" + question.id + "/answers");
        assertThat(created.statusCode(), equalTo(201));
        assertThat(created.header("Location"), startsWith("http://qa.example.org/api/v1/answers/"));
        Response oddCreated = session.request().header("Host", "ev_il.example").contentType(ContentType.JSON)
                .body(Map.of("body", "Another answer sent with a forged Host header.")).post(
                        "/api/v1/questions/" + question.id + "/answers");
        assertThat(oddCreated.header("Location"), startsWith("http://qa.example.org/api/v1/answers/"));
    }

    @Test
    void aRequestWithoutAnyHostGetsAPathToo() throws java.io.IOException {
        // HTTP/1.0 needs no Host header: the address JAX-RS built then had no host at all ("http:/login")
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /ask HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(answer, startsWith("HTTP/1.0 303"));
            assertThat(answer.toLowerCase(java.util.Locale.ROOT), containsString("\r\nlocation: /login\r\n"));
        }
    }
}
