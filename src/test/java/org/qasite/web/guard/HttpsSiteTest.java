package org.qasite.web.guard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A site whose public address is https: browsers are told to stay on https, and no cookie travels over plain http. */
@QuarkusTest
@TestProfile(HttpsSiteTest.PublicHttps.class)
class HttpsSiteTest {

    public static class PublicHttps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qa.site.base-url", "https://qa.example.org");
        }
    }

    @Inject
    TestData data;

    @Test
    void pagesSendHstsAndEveryCookieIsSecure() {
        Response page = given().get("/signup");
        assertThat(page.header("Strict-Transport-Security"), equalTo("max-age=31536000"));
        assertThat(page.getDetailedCookie("qa-csrf").isSecured(), equalTo(true));

        Member member = data.member("secure");
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", TestData.PASSWORD).post("/login");
        assertThat(login.statusCode(), equalTo(303));
        for (String name : List.of("qa-session", "qa-device", "qa-csrf")) {
            assertThat(name, login.getDetailedCookie(name).isSecured(), equalTo(true));
            assertThat(name, login.getDetailedCookie(name).getSameSite(), equalTo("Lax"));
        }
        Response refused = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", member.username).formParam("password", "wrong password").post("/login");
        Response flash = given().redirects().follow(false).get("/ask");
        assertThat(flash.getDetailedCookie("qa-flash").isSecured(), equalTo(true));
        assertThat(flash.getDetailedCookie("qa-return-to").isSecured(), equalTo(true));
        assertThat(refused.statusCode(), equalTo(303));
    }
}
