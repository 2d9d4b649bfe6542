package org.qasite.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasErrorMessage;
import static org.qasite.testsupport.Pages.hasText;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SessionListTest {

    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    @Inject
    TestData data;

    @Inject
    SessionCookie cookies;

    /** A browser with its own cookies and User-Agent. */
    static final class Client {
        final CookieFilter cookieJar = new CookieFilter();
        final String userAgent;
        String session;

        Client(String userAgent) {
            this.userAgent = userAgent;
        }

        RequestSpecification request() {
            return given().filter(cookieJar).header("User-Agent", userAgent).redirects().follow(false);
        }

        Client logIn(Member member) {
            session = request().contentType(ContentType.URLENC).formParam("username", member.username)
                    .formParam("password", TestData.PASSWORD).post("/login").getCookie("qa-session");
            assertThat("login of " + member.username, session != null, equalTo(true));
            return this;
        }

        Document settings() {
            Response page = request().get("/settings");
            assertThat(page.statusCode(), equalTo(200));
            return Pages.document(page);
        }

        Response post(String path) {
            String token = settings().selectFirst("input[name=csrf-token]").attr("value");
            return request().contentType(ContentType.URLENC).formParam("csrf-token", token).post(path);
        }
    }

    UUID sessionId(Client client) {
        return cookies.decode(client.session).sessionId();
    }

    static List<String> browsers(Document settings) {
        return settings.select("#session-list [data-session-id] [data-session-browser]").eachText();
    }

    @Test
    void theSettingsPageListsEachLoginWithItsBrowserAndEndingOneLogsThatBrowserOut() {
        Member member = data.member("sessionlist");
        Client laptop = new Client(FIREFOX_LINUX).logIn(member);
        Client office = new Client(CHROME_WINDOWS).logIn(member);

        Document page = laptop.settings();
        assertThat(browsers(page), containsInAnyOrder("Firefox on Linux", "Chrome on Windows"));
        Element mine = Pages.one(page, "#session-list [data-session-current]");
        assertThat(mine.attr("data-session-id"), equalTo(sessionId(laptop).toString()));
        assertThat(mine.text(), containsString("This browser"));
        assertThat("no End beside this browser", mine.select("form").isEmpty(), equalTo(true));
        Element other = Pages.one(page, "#session-list [data-session-id=" + sessionId(office) + "]");
        assertThat(other.selectFirst("[data-session-address]").text(), equalTo("127.0.0.1"));
        assertThat(other.text(), containsString("last seen"));
        assertThat(other.selectFirst("form button").text(), equalTo("End"));
        assertThat(other.selectFirst("form").attr("action"),
                equalTo("/settings/sessions/" + sessionId(office) + "/end"));

        Response ended = laptop.post("/settings/sessions/" + sessionId(office) + "/end");
        assertThat(ended.statusCode(), equalTo(303));
        assertThat(ended.header("Location"), equalTo("/settings"));
        Document after = laptop.settings();
        assertThat(after, hasText(containsString("The session is ended")));
        assertThat(browsers(after), equalTo(List.of("Firefox on Linux")));
        office.request().get("/settings").then().statusCode(303);
        SessionTest.withCookie(office.session, "/settings").then().statusCode(303);
        SessionTest.withCookie(laptop.session, "/settings").then().statusCode(200);
    }

    @Test
    void anotherMembersSessionOrAMalformedIdIsNotFound() {
        Member member = data.member("sessionowner");
        Member stranger = data.member("sessionstranger");
        Client mine = new Client(FIREFOX_LINUX).logIn(member);
        Client theirs = new Client(CHROME_WINDOWS).logIn(stranger);

        for (String id : new String[] { sessionId(theirs).toString(), "not-a-session", "1-1-1-1-1",
                UUID.randomUUID().toString() }) {
            Response refused = mine.post("/settings/sessions/" + id + "/end");
            assertThat(id, refused.statusCode(), equalTo(404));
            refused.then().body(hasErrorMessage(containsString("You have no session in force with this id")));
        }
        assertThat(browsers(theirs.settings()), equalTo(List.of("Chrome on Windows")));
    }

    @Test
    void endingThisBrowsersOwnSessionLogsItOut() {
        Member member = data.member("sessionself");
        Client laptop = new Client(FIREFOX_LINUX).logIn(member);
        Response ended = laptop.post("/settings/sessions/" + sessionId(laptop) + "/end");
        assertThat(ended.statusCode(), equalTo(303));
        assertThat(ended.header("Location"), equalTo("/"));
        SessionTest.withCookie(laptop.session, "/settings").then().statusCode(303);
    }

    @Test
    void aVisitorIsSentToLogIn() {
        Response answer = WebSession.visitor().postForm("/settings/sessions/" + UUID.randomUUID() + "/end", Map.of());
        assertThat(answer.statusCode(), equalTo(303));
        assertThat(answer.header("Location"), containsString("/login"));
    }
}
