package org.qasite.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.web.HostileBodies.Body;
import org.qasite.web.SiteRoutes.Field;
import org.qasite.web.SiteRoutes.Route;
import org.qasite.web.Verdict.Trial;
import org.qasite.web.Visits.Visit;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Walks every route of the site with hostile input, as a visitor, as a member and (where a role is needed) as an
 * administrator: malformed ids in each path parameter, malformed query parameters, bodies of the wrong type or shape,
 * forms with and without their CSRF token, and methods the route does not take. No answer may be a server error, and
 * every refusal says why. Routes are found in the code (see {@link SiteRoutes}): a new one is walked without a change
 * here. Each hostile value is tried in each position with the rest of the request valid, not in every combination.
 */
@QuarkusTest
class HostileInputTest {

    /** Path segments as they go on the wire: %-escapes are sent as written, broken ones included. */
    static final List<String> HOSTILE_SEGMENTS = List.of("a%20b", "%7B", "%5E", "%00", "-1", "0", "99999999999999999999",
            "1.5", "a".repeat(2000), "..%2F", "..%2F..%2Fsettings", "%2e%2e", "%C3%A9t%C3%A9", "%D9%A1", "%F0%9F%98%80",
            "%E2%80%AE1", "%FF", "%", "%zz", "1%0d%0aSet-Cookie:%20x=1", "%3Cb%3E", "", "+1", "1;a=b", "1%2C2", "%20");
    static final List<String> HOSTILE_QUERY = List.of("-1", "0", "abc", "99999999999", "99999999999999999999", "1.5",
            "%00", "%", "%FF", "x".repeat(2000), "", "%0d%0a", "1%2C2", "%E2%80%AE", "0-0");
    /** Parameters many pages read; tried on every page whether it declares them or not. */
    static final List<String> COMMON_QUERY = List.of("page", "sort", "since");
    static final List<String> COMMON_VALUES = List.of("-1", "abc", "99999999999", "%", "%FF", "0-0", "9999999999999-0");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    @Inject
    TestData data;

    @Inject
    RegisteredRoutes registered;

    Visits visits;
    String tokenField;

    @BeforeEach
    void connect() {
        visits = new Visits(data);
        tokenField = visits.tokenField;
    }

    @Test
    void noRouteAnswersHostileInputWithAServerErrorOrWithoutAMessage() {
        List<Route> routes = routes();
        Set<String> found = new LinkedHashSet<>();
        routes.forEach(r -> found.add(r.method() + " " + r.template()));
        // the walk is only as good as the routes it finds: these must be among them
        assertThat(found, hasItems("POST /questions/{id}/answers", "POST /answers/{id}/accept",
                "POST /api/v1/markdown/preview", "POST /api/v1/answers/{id}/vote", "GET /ws/questions/{id}",
                "POST /login", "POST /logout", "GET /avatars/{hash}", "POST /unsubscribe/{member}/{signature}"));
        assertThat(found.stream().filter(r -> r.startsWith("GET /static/")).count(), greaterThan(0L));

        long start = System.nanoTime();
        Verdict verdict = Verdict.start();
        Visit visitor = visits.visitor();
        Visit member = visits.member("walker", false);
        Visit admin = null;
        for (Route route : routes) {
            walk(verdict, route, visitor, true);
            walk(verdict, route, route.changesState() ? visits.member("walker", false) : member, false);
            if (route.restricted()) {
                admin = route.changesState() || admin == null ? visits.member("walk-admin", true) : admin;
                walk(verdict, route, admin, false);
            }
        }
        wrongMethods(verdict, routes, visitor);
        wrongMethods(verdict, routes, member);
        System.out.printf("Hostile input: %d routes, %d requests in %d s, %d answered badly%n", routes.size(),
                verdict.count(), (System.nanoTime() - start) / 1_000_000_000, verdict.failures().size());
        if (!verdict.failures().isEmpty()) {
            System.out.println(verdict.table(Integer.MAX_VALUE));
            throw new AssertionError(verdict.table(60) + "(the whole table is in the test's output)");
        }
    }

    // ---- the routes -----------------------------------------------------------------------------------------

    List<Route> routes() {
        List<Route> routes = new ArrayList<>(SiteRoutes.inCode());
        for (Route route : registered.routes()) {
            addIfNew(routes, route);
        }
        // the form login is answered by the security layer, not by a resource
        addIfNew(routes, new Route("POST", "/login", SiteRoutes.Body.FORM, List.of(), List.of(),
                List.of(new Field("username", String.class, false), new Field("password", String.class, false)), false,
                "form login"));
        addIfNew(routes, new Route("POST", "/logout", SiteRoutes.Body.FORM, List.of(), List.of(), List.of(), false,
                "logout"));
        // the static files the pages link to, each with its name as a parameter
        Document front = Pages.document(visits.http.send("GET", "/", List.of(), null).text());
        for (Element asset : front.select("[src^=/static/], [href^=/static/]")) {
            String path = asset.attr(asset.hasAttr("src") ? "src" : "href").split("[?#]", 2)[0];
            int slash = path.lastIndexOf('/');
            staticNames.put(path.substring(0, slash) + "/{file}", path.substring(slash + 1));
        }
        staticNames.keySet().forEach(template -> addIfNew(routes, new Route("GET", template, SiteRoutes.Body.NONE,
                List.of("file"), List.of(), List.of(), false, "static file")));
        return routes;
    }

    private final Map<String, String> staticNames = new LinkedHashMap<>();

    private static void addIfNew(List<Route> routes, Route route) {
        if (routes.stream().noneMatch(r -> r.method().equals(route.method()) && r.template().equals(route.template()))) {
            routes.add(route);
        }
    }

    // ---- the walk -------------------------------------------------------------------------------------------

    /** Each hostile value in each position of one route, the rest of the request valid. */
    void walk(Verdict verdict, Route route, Visit visit, boolean visitorExtras) {
        String target = SiteRoutes.fill(route.template(), p -> valid(route, p, visit));
        Body valid = bodies(route, visit, false).get(0);
        // path parameters
        for (String param : route.pathParams()) {
            for (String hostile : HOSTILE_SEGMENTS) {
                String t = SiteRoutes.fill(route.template(), p -> p.equals(param) ? hostile : valid(route, p, visit));
                send(verdict, visit, route.method(), t, valid.what(), valid);
            }
        }
        for (String t : List.of(target + "/", target + ";a=b", target + "%2F", "/" + target,
                target.toUpperCase(Locale.ROOT))) {
            send(verdict, visit, route.method(), t, valid.what(), valid);
        }
        // query parameters: the route's own, and on pages the common ones
        Set<String> names = new LinkedHashSet<>(route.queryParams());
        if (!route.changesState()) {
            names.addAll(COMMON_QUERY);
        }
        for (String name : names) {
            for (String value : route.queryParams().contains(name) ? HOSTILE_QUERY : COMMON_VALUES) {
                send(verdict, visit, route.method(), target + "?" + name + "=" + value, valid.what(), valid);
            }
            send(verdict, visit, route.method(), target + "?" + name + "=1&" + name + "=2", valid.what(), valid);
            send(verdict, visit, route.method(), target + "?" + name, valid.what(), valid);
        }
        // bodies
        if (route.body() != SiteRoutes.Body.NONE) {
            for (Body body : bodies(route, visit, visitorExtras)) {
                send(verdict, visit, route.method(), target, body.what(), body);
            }
        }
        if (visitorExtras) {
            headers(verdict, route, visit, target, valid);
        }
    }

    /** Headers a client may get wrong, and a body too large that comes without a length. */
    void headers(Verdict verdict, Route route, Visit visit, String target, Body valid) {
        // the last one is the default of Java's HttpURLConnection
        for (String accept : List.of("application/xml", "???", "text/html;q=abc",
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")) {
            send(verdict, visit, route.method(), target, "Accept: " + accept, valid, new String[] { "Accept", accept });
        }
        for (String host : List.of("evil.example", "[::1", "127.0.0.1:99999", "a_b:1", "a%2fb", "%41",
                "evil.example%00")) {
            send(verdict, visit, route.method(), target, "Host: " + host, valid, new String[] { "Host", host });
        }
        for (String cookie : List.of("garbage", "qa-flash=%", "qa-flash=\"unclosed", "qa-flash=%E2%80%AE%3Cb%3E",
                "qa-session=garbage", "qa-return-to=not a uri", "qa-csrf=" + "x".repeat(5000))) {
            send(verdict, visit.withCookie(cookie), route.method(), target, "Cookie: " + cookie, valid);
        }
        if (route.body() != SiteRoutes.Body.NONE) {
            Body big = new Body("5 MB in chunks", valid.contentType(), new byte[HostileBodies.OVERSIZED]);
            send(verdict, visit, route.method(), target, big.what(), big,
                    new String[] { "Transfer-Encoding", "chunked" });
        }
    }

    /** PUT, DELETE, PATCH (and GET or POST) where the address does not take them: with and without a body. */
    void wrongMethods(Verdict verdict, List<Route> routes, Visit visit) {
        Map<String, Set<String>> served = new LinkedHashMap<>();
        routes.forEach(r -> served.computeIfAbsent(r.template(), t -> new LinkedHashSet<>()).add(r.method()));
        served.forEach((template, methods) -> {
            Route any = routes.stream().filter(r -> r.template().equals(template)).findFirst().orElseThrow();
            String target = SiteRoutes.fill(template, p -> valid(any, p, visit));
            for (String method : METHODS) {
                if (methods.contains(method)) {
                    continue;
                }
                Body none = new Body("no body", null, null);
                send(verdict, visit, method, target, none.what(), none);
                if (!method.equals("GET")) {
                    Body body = any.api() ? new Body("{}", HostileBodies.JSON, HostileBodies.ascii("{}"))
                            : HostileBodies.form("form with its token", Map.of(), tokenField, visit.token());
                    send(verdict, visit, method, target, body.what(), body);
                }
            }
        });
    }

    private void send(Verdict verdict, Visit visit, String method, String target, String what, Body body,
            String[]... extraHeaders) {
        RawHttp.Reply reply = visits.send(visit, method, target, body.contentType(), body.bytes(), extraHeaders);
        verdict.record(new Trial(visit.role(), method, target, body.contentType(), what), reply);
    }

    private List<Body> bodies(Route route, Visit visit, boolean oversized) {
        return switch (route.body()) {
            case NONE -> List.of(new Body("no body", null, null));
            case FORM -> HostileBodies.forForm(route.fields(), f -> validText(f, visit), tokenField, visit.token(),
                    oversized);
            case MULTIPART -> HostileBodies.forMultipart(route.fields(), f -> validText(f, visit), tokenField,
                    visit.token(), oversized);
            case JSON -> HostileJson.forJson(route.fields(), f -> validJson(f, visit), tokenField, visit.token(),
                    oversized);
        };
    }

    // ---- valid values for the rest of a request -------------------------------------------------------------

    /** A valid value for a path parameter, %-encoded: the visit's question, answer, member or tag, by the address. */
    String valid(Route route, String param, Visit visit) {
        if (param.equals("file") && staticNames.containsKey(route.template())) {
            return staticNames.get(route.template());
        }
        String template = route.template();
        String before = template.substring(0, template.indexOf("{" + param)).replaceAll("/+$", "");
        before = before.substring(before.lastIndexOf('/') + 1);
        if (param.toLowerCase(Locale.ROOT).contains("username") || before.equals("members")) {
            return HostileBodies.enc(visit.member().username);
        }
        return switch (before) {
            case "questions" -> String.valueOf(visit.question().id);
            case "answers" -> String.valueOf(visit.answer().id);
            case "tag", "tags" -> HostileBodies.enc(visit.tag());
            case "unsubscribe" -> String.valueOf(visit.member().id);
            default -> "1";
        };
    }

    /** A valid form value by the field's name; fields the walk cannot know get a plain word. */
    static String validText(Field field, Visit visit) {
        String name = field.name().toLowerCase(Locale.ROOT);
        if (name.contains("body") || name.equals("text")) {
            return "A walk through every route: this text is valid **Markdown**, long enough to be accepted.";
        }
        if (name.contains("title")) {
            return "How does every route answer hostile input?";
        }
        if (name.contains("tag")) {
            return visit.tag();
        }
        return name.equals("value") ? "1" : "walk";
    }

    static String validJson(Field field, Visit visit) {
        Class<?> type = field.type();
        if (type == String.class) {
            return "\"" + validText(field, visit).replace("\"", "\\\"") + "\"";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "1";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "[\"" + visit.tag() + "\"]";
        }
        return "{}";
    }
}
