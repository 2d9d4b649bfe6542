package org.qasite.testsupport;

import java.util.function.Function;

import org.hamcrest.Description;
import org.hamcrest.DiagnosingMatcher;
import org.hamcrest.Matcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import io.restassured.response.Response;

/**
 * Reads a page as a browser does, from its document rather than from the string of its markup: which elements it has,
 * their attributes and the text a reader sees in them (spaces collapsed, entities decoded).
 */
public final class Pages {

    private Pages() {
    }

    public static Document document(String html) {
        return Jsoup.parse(html);
    }

    public static Document document(Response response) {
        return document(response.asString());
    }

    /** The one element of the page that the CSS selector finds; fails if it finds none or several. */
    public static Element one(Element page, String selector) {
        Elements found = page.select(selector);
        if (found.size() != 1) {
            throw new AssertionError("expected one element " + selector + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * A page (its HTML, as {@code body(...)} hands it over, or a part of its document: the element itself counts) with at
     * least one element that the selector finds.
     */
    public static Matcher<Object> hasElement(String selector) {
        return elements(selector, null, null, null);
    }

    /** A page with at least one element that the selector finds and whose text, as a reader sees it, matches. */
    public static Matcher<Object> hasElement(String selector, Matcher<? super String> text) {
        return elements(selector, "text", Element::text, text);
    }

    /** A page with a form field of this name (an input, a text area) whose value, as the form would send it, matches. */
    public static Matcher<Object> hasField(String name, Matcher<? super String> value) {
        return elements("[name=" + name + "]", "value", Pages::value, value);
    }

    /** What a form sends for the field: a text area's text as it is, line breaks and all, else the value attribute. */
    private static String value(Element field) {
        return field.is("textarea") ? field.wholeText() : field.attr("value");
    }

    /** An error page whose message ({@code [data-error-message]}) matches. */
    public static Matcher<Object> hasErrorMessage(Matcher<? super String> message) {
        return hasElement("[data-error-message]", message);
    }

    /** A page (or a part of it) whose text, all of it as a reader sees it, matches. */
    public static Matcher<Object> hasText(Matcher<? super String> text) {
        return elements(null, "text", Element::text, text);
    }

    /** Finds the elements of a page, or takes the page itself when the selector is null. */
    private static Matcher<Object> elements(String selector, String what, Function<Element, String> read,
            Matcher<? super String> expected) {
        String name = selector == null ? "the page" : "an element " + selector;
        return new DiagnosingMatcher<>() {
            @Override
            protected boolean matches(Object page, Description mismatch) {
                Element root;
                if (page instanceof Element element) {
                    root = element;
                } else if (page instanceof String html) {
                    root = document(html);
                } else {
                    mismatch.appendText("not a page: ").appendValue(page);
                    return false;
                }
                Elements found = selector == null ? new Elements(root) : root.select(selector);
                if (found.isEmpty()) {
                    mismatch.appendText("no element " + selector);
                    return false;
                }
                if (expected != null && found.stream().noneMatch(e -> expected.matches(read.apply(e)))) {
                    mismatch.appendText("the " + what + " of " + name + " was ").appendValueList("", ", ", "",
                            found.stream().map(read).toList());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(name);
                if (expected != null) {
                    description.appendText(" whose " + what + " is ").appendDescriptionOf(expected);
                }
            }
        };
    }
}
