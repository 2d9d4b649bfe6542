package org.qasite.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.jsoup.nodes.Element;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser-like client: keeps its cookies, and sends the CSRF token with its forms as a page would. */
public class WebSession {

    private final CookieFilter cookies = new CookieFilter();
    /** The site's address, or null for rest-assured's default (the application under {@code @QuarkusTest}). */
    private final String baseUri;
    /** The session cookie the login set, as a copy of it could be taken. */
    private String sessionCookie;

    private WebSession(String baseUri) {
        this.baseUri = baseUri;
    }

    public static WebSession visitor() {
        return new WebSession(null);
    }

    /** A visitor of the site at this address, such as a site process started by the test itself. */
    public static WebSession visitor(String baseUri) {
        return new WebSession(baseUri);
    }

    /** Logs in with the password that {@link TestData} gives its members. */
    public static WebSession loggedIn(String username) {
        return new WebSession(null).logIn(username, TestData.PASSWORD);
    }

    /** Logs in on the site at this address. */
    public static WebSession loggedIn(String baseUri, String username, String password) {
        return new WebSession(baseUri).logIn(username, password);
    }

    private WebSession logIn(String username, String password) {
        Response login = request().contentType(ContentType.URLENC).formParam("username", username)
                .formParam("password", password).post("/login");
        if (login.statusCode() != 303 || login.getDetailedCookie("qa-session") == null) {
            throw new AssertionError("login of " + username + " failed: " + login.statusCode());
        }
        sessionCookie = login.getCookie("qa-session");
        return this;
    }

    /** The value of the session cookie this session's login got. */
    public String sessionCookie() {
        return sessionCookie;
    }

    public RequestSpecification request() {
        RequestSpecification request = given().filter(cookies).redirects().follow(false);
        return baseUri == null ? request : request.baseUri(baseUri);
    }

    public Response get(String path) {
        return request().get(path);
    }

    /**
     * The canonical address of a question page ({@code /questions/{id}/{slug}}) as this session is sent to it from the
     * bare {@code /questions/{id}}: for tests that know only the question's id.
     */
    public String questionPath(long questionId) {
        Response bare = get("/questions/" + questionId);
        if (bare.statusCode() != 301) {
            throw new AssertionError("/questions/" + questionId + " answered " + bare.statusCode() + ", not 301");
        }
        return java.net.URI.create(bare.header("Location")).getRawPath();
    }

    /** The CSRF token of a page's forms, as the browser would find it (a member's in the logout form). */
    public String csrfToken() {
        Response login = get("/login");
        String html = login.statusCode() == 200 ? login.asString() : get("/").asString();
        Element token = Pages.document(html).selectFirst("input[name=csrf-token][value]");
        if (token == null) {
            throw new AssertionError("no CSRF token on the page");
        }
        return token.attr("value");
    }

    /** Posts a url-encoded form with its CSRF token. */
    public Response postForm(String path, Map<String, ?> fields) {
        String token = csrfToken();
        return request().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields)
                .formParam("csrf-token", token).post(path);
    }

    /** Posts a url-encoded form without a CSRF token, as a forged cross-site form would. */
    public Response postFormWithoutToken(String path, Map<String, ?> fields) {
        csrfToken(); // has the CSRF cookie, like a member who visited the site before
        return request().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields).post(path);
    }

    public Response postJson(String path, Object body) {
        return request().contentType(ContentType.JSON).accept(ContentType.JSON).body(body).post(path);
    }
}
