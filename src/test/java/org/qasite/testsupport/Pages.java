package org.qasite.testsupport;

import java.util.function.Function;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
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

    /** The elements of the page that the CSS selector finds. */
    public static Elements select(String html, String selector) {
        return document(html).select(selector);
    }

    /** The one element of the page that the CSS selector finds; fails if it finds none or several. */
    public static Element one(Element page, String selector) {
        Elements found = page.select(selector);
        if (found.size() != 1) {
            throw new AssertionError("expected one element " + selector + ", found " + found.size());
        }
        return found.get(0);
    }

    /** A page (its HTML, as {@code body(...)} hands it over) with at least one element that the selector finds. */
    public static Matcher<String> hasElement(String selector) {
        return elements(selector, null, null, null);
    }

    /** A page with at least one element that the selector finds and whose text, as a reader sees it, matches. */
    public static Matcher<String> hasElement(String selector, Matcher<? super String> text) {
        return elements(selector, "text", Element::text, text);
    }

    /** A page with a form field of this name (an input, a text area) whose value, as the form would send it, matches. */
    public static Matcher<String> hasField(String name, Matcher<? super String> value) {
        return elements("[name=" + name + "]", "value", Pages::value, value);
    }

    /** What a form sends for the field: a text area's text as it is, line breaks and all, else the value attribute. */
    public static String value(Element field) {
        return field.is("textarea") ? field.wholeText() : field.attr("value");
    }

    /** An error page whose message ({@code [data-error-message]}) matches. */
    public static Matcher<String> hasErrorMessage(Matcher<? super String> message) {
        return hasElement("[data-error-message]", message);
    }

    /** A page whose text, all of it as a reader sees it, matches. */
    public static Matcher<String> hasText(Matcher<? super String> text) {
        return hasElement("html", text);
    }

    private static Matcher<String> elements(String selector, String what, Function<Element, String> read,
            Matcher<? super String> expected) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(String html, Description mismatch) {
                Elements found = select(html, selector);
                if (found.isEmpty()) {
                    mismatch.appendText("the page has no element " + selector);
                    return false;
                }
                if (expected != null && found.stream().noneMatch(e -> expected.matches(read.apply(e)))) {
                    mismatch.appendText("the " + what + " of " + selector + " was ").appendValueList("", ", ", "",
                            found.stream().map(read).toList());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a page with an element " + selector);
                if (expected != null) {
                    description.appendText(" whose " + what + " is ").appendDescriptionOf(expected);
                }
            }
        };
    }
}
