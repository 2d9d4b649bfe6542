package org.qasite.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.nodes.Element;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.restassured.RestAssured;

/**
 * Who sends the hostile requests, through {@link RawHttp}: a visitor or a logged-in member, each with their cookies, the
 * CSRF token of their pages, and a question, an answer and a tag of the site that the rest of a request can name.
 */
final class Visits {

    record Visit(String role, String cookies, String token, Member member, Question question, Answer answer, String tag) {

        Visit withCookie(String cookie) {
            return new Visit(role, cookies.isEmpty() ? cookie : cookies + "; " + cookie, token, member, question, answer,
                    tag);
        }
    }

    final RawHttp http;
    final String tokenField = config("quarkus.rest-csrf.form-field-name");
    private final TestData data;

    Visits(TestData data) {
        this.data = data;
        try {
            // the port is known once the application is up; the address is the walk's own, so that limits per address
            // (sign-up, preview, login) count its requests apart from every other test's
            this.http = new RawHttp(RestAssured.port, InetAddress.getByName("127.0.0.77"));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    Visit visitor() {
        Member owner = data.member("walk-owner");
        String tag = TestData.uniqueName("walk").toLowerCase(Locale.ROOT);
        Question question = data.question(owner, "What does the site answer to a hostile visitor?", tag);
        Answer answer = data.answer(data.member("walk-helper"), question, "Something with a message, never a 500.");
        Map<String, String> jar = new LinkedHashMap<>();
        String token = token(jar, "/login");
        return new Visit("visitor", cookies(jar), token, owner, question, answer, tag);
    }

    /** A member of their own (each has their own rate limits), with a question of theirs and an answer to it. */
    Visit member(String prefix, boolean admin) {
        Member member = admin ? data.admin(prefix) : data.member(prefix);
        String tag = TestData.uniqueName("walk").toLowerCase(Locale.ROOT);
        Question question = data.question(member, "What does the site answer to a hostile member?", tag);
        Answer answer = data.answer(data.member("walk-helper"), question, "Something with a message, never a 500.");
        // logs in as the login page's form does, its token included (whether or not the login checks one)
        Map<String, String> jar = new LinkedHashMap<>();
        String loginToken = token(jar, "/login");
        RawHttp.Reply login = http.send("POST", "/login", List.of(new String[] { "Cookie", cookies(jar) },
                new String[] { "Content-Type", HostileBodies.FORM }),
                HostileBodies.ascii("username="
                        + HostileBodies.enc(member.username) + "&password=" + HostileBodies.enc(TestData.PASSWORD) + "&"
                        + tokenField + "=" + HostileBodies.enc(loginToken)));
        keep(jar, login);
        // a walk that silently ran as a visitor would prove nothing about members
        int settings = http.send("GET", "/settings", List.<String[]> of(new String[] { "Cookie", cookies(jar) }), null)
                .status();
        if (settings != 200) {
            throw new AssertionError("the login of " + member.username + " does not open /settings: " + login.status()
                    + ", then " + settings);
        }
        String token = token(jar, "/");
        return new Visit(admin ? "admin" : "member", cookies(jar), token, member, question, answer, tag);
    }

    /** The CSRF token of a page's forms; the cookies the page sets go into the jar. */
    private String token(Map<String, String> jar, String page) {
        List<String[]> headers = jar.isEmpty() ? List.of() : List.<String[]> of(new String[] { "Cookie", cookies(jar) });
        RawHttp.Reply reply = http.send("GET", page, headers, null);
        keep(jar, reply);
        Element token = Pages.document(reply.text()).selectFirst("input[name=" + tokenField + "][value]");
        if (token == null) {
            throw new AssertionError("no CSRF token on " + page);
        }
        return token.attr("value");
    }

    private static void keep(Map<String, String> jar, RawHttp.Reply reply) {
        for (String setCookie : reply.all("Set-Cookie")) {
            String[] pair = setCookie.split(";", 2)[0].split("=", 2);
            boolean expired = pair.length < 2 || pair[1].isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
            if (expired) {
                jar.remove(pair[0].strip());
            } else {
                jar.put(pair[0].strip(), pair[1]);
            }
        }
    }

    private static String cookies(Map<String, String> jar) {
        StringBuilder s = new StringBuilder();
        jar.forEach((name, value) -> s.append(s.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return s.toString();
    }

    /** Sends as the visit: its cookies, and the Content-Type if there is a body. */
    RawHttp.Reply send(Visit visit, String method, String target, String contentType, byte[] body,
            String[]... extraHeaders) {
        List<String[]> headers = new ArrayList<>();
        if (!visit.cookies().isEmpty()) {
            headers.add(new String[] { "Cookie", visit.cookies() });
        }
        if (contentType != null) {
            headers.add(new String[] { "Content-Type", contentType });
        }
        headers.addAll(List.of(extraHeaders));
        return http.send(method, target, headers, body);
    }

    /** A form with the visit's CSRF token, url-encoded; {@code fields} is already encoded ("body=x&value=1"). */
    RawHttp.Reply postForm(Visit visit, String target, String fields) {
        return send(visit, "POST", target, HostileBodies.FORM, HostileBodies.ascii(
                (fields.isEmpty() ? "" : fields + "&") + tokenField + "=" + HostileBodies.enc(visit.token())));
    }

    RawHttp.Reply postJson(Visit visit, String target, String json) {
        return send(visit, "POST", target, HostileBodies.JSON, HostileBodies.ascii(json));
    }

    /** "name=value" of the cookie the answer sets, or null. */
    static String cookie(RawHttp.Reply reply, String name) {
        return reply.all("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).filter(c -> c.startsWith(name + "="))
                .findFirst().orElse(null);
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
