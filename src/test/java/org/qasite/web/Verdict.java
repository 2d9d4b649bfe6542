package org.qasite.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.qasite.testsupport.Pages;
import org.qasite.web.error.ErrorMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a member would see of an answer to hostile input: never a server error, a stack trace or a blank page; a
 * refusal says why, as JSON {@code {"error": "..."}} under {@code /api/} and as a page with the message elsewhere.
 */
final class Verdict {

    /** One request of the walk, as sent. */
    record Trial(String role, String method, String target, String contentType, String what) {
    }

    record Failure(Trial trial, int status, String problem) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern
            .compile("(?m)^\\s*at [\\w$.]+\\(|Caused by: |\\b(?:java|org|io|com)\\.[\\w.$]+(?:Exception|Error)\\b");
    /** Where the site's pages put a refusal's message: the error page, a form's alert, a field's message. */
    private static final List<String> PAGE_MESSAGES = List.of("[data-error-message]", ".alert.alert-danger",
            ".invalid-feedback");

    private final List<Failure> failures = new ArrayList<>();
    private int count;

    private Verdict() {
    }

    static Verdict start() {
        return new Verdict();
    }

    void record(Trial trial, RawHttp.Reply reply) {
        count++;
        String problem = problem(trial, reply);
        if (problem != null) {
            failures.add(new Failure(trial, reply.status(), problem));
        }
    }

    int count() {
        return count;
    }

    List<Failure> failures() {
        return failures;
    }

    /** Null when the answer is one a member may get; otherwise what is wrong with it. */
    static String problem(Trial trial, RawHttp.Reply reply) {
        String target = trial.target();
        if (reply.status() == 0) {
            return "no answer: " + reply.failure();
        }
        if (reply.status() == 400 && reply.body().length == 0 && !isUri(target)) {
            // A target that is no URI at all (a lone %, %zz, //) never reaches the site: Quarkus' HTTP layer answers
            // 400 without a body before any of the site's code runs (see vertx.disableURIValidation in quarkus-vertx-http).
            return null;
        }
        if (reply.status() == 413 && reply.body().length == 0 && trial.what().contains("in chunks")) {
            // A body sent without a length grows past the limit while it is read: the HTTP layer's reader answers 413
            // and closes the connection itself, before the site can say a word (one with a length gets the message).
            return null;
        }
        String text = reply.text();
        if (reply.status() >= 400 && INTERNALS.matcher(text).find()) {
            return "internals in the answer";
        }
        if (reply.status() >= 500) {
            return "server error";
        }
        if (reply.status() < 400) {
            return null;
        }
        if (reply.body().length == 0) {
            return "empty body";
        }
        String type = String.valueOf(reply.header("Content-Type")).toLowerCase(Locale.ROOT);
        // the address as the site reads it: //api/v1 is /api/v1
        if (ErrorMapper.isApi(target.split("\\?", 2)[0].replaceAll("/{2,}", "/"))) {
            if (!type.startsWith("application/json")) {
                return "not JSON but " + type;
            }
            try {
                JsonNode error = JSON.readTree(text).get("error");
                return error != null && error.isTextual() && !error.asText().isBlank() ? null : "no \"error\" message";
            } catch (Exception e) {
                return "unreadable JSON";
            }
        }
        if (!type.startsWith("text/html")) {
            return "not a page but " + type;
        }
        return pageMessage(text).isBlank() ? "no message on the page" : null;
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The text of the first place of {@link #PAGE_MESSAGES} that the page has, as a reader sees it. */
    static String pageMessage(String html) {
        Document page = Pages.document(html);
        for (String place : PAGE_MESSAGES) {
            Element message = page.selectFirst(place);
            if (message != null) {
                return message.text();
            }
        }
        return "";
    }

    /** The failures as a table to reproduce them from: who, what request, what came back. */
    String table(int maxRows) {
        StringBuilder s = new StringBuilder();
        s.append(failures.size()).append(" of ").append(count).append(" requests were answered badly:\n");
        s.append(String.format("%-8s %-6s %-70s %-40s %-45s %-6s %s%n", "who", "method", "target", "content-type",
                "body", "status", "problem"));
        for (Failure f : failures.subList(0, Math.min(maxRows, failures.size()))) {
            Trial t = f.trial();
            s.append(String.format("%-8s %-6s %-70s %-40s %-45s %-6s %s%n", t.role(), t.method(), shorten(t.target(), 70),
                    shorten(String.valueOf(t.contentType()), 40), shorten(t.what(), 45), f.status(), f.problem()));
        }
        if (failures.size() > maxRows) {
            s.append("... and ").append(failures.size() - maxRows).append(" more\n");
        }
        return s.toString();
    }

    /** Long runs of one character written as a{×2000}, so the row stays readable and the request reproducible. */
    static String shorten(String s, int width) {
        Matcher runs = Pattern.compile("(.)\\1{15,}").matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (runs.find()) {
            out.append(s, last, runs.start()).append(runs.group(1)).append("{×").append(runs.group().length())
                    .append('}');
            last = runs.end();
        }
        out.append(s.substring(last));
        String compact = out.toString();
        return compact.length() <= width ? compact : compact.substring(0, width - 1) + "…";
    }
}
