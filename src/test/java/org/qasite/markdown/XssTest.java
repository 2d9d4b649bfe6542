package org.qasite.markdown;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/** Hostile Markdown never comes back as live script, event handlers or script URLs. */
@QuarkusTest
class XssTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "![img](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">a</a>",
            "<svg/onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onmouseover=\"alert(1)\">hover</p>",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<object data=\"x\"></object><embed src=\"x\">",
            "```\n</code><script>alert(1)</script>\n```",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<form action=\"https://evil.example\"><input name=a></form>",
            "<<script>script>alert(1)<</script>/script>");

    /** Live markup: a dangerous element, an event handler or style inside a tag, a script or data URL in a link. */
    static final Pattern LIVE_SCRIPT = Pattern.compile(
            "<(script|iframe|object|embed|svg|math|form|style|input)\\b|<[^>]*\\s(on[a-z]+|style)\\s*=|"
                    + "(href|src)\\s*=\\s*[\"']?\\s*(javascript|vbscript|data):",
            Pattern.CASE_INSENSITIVE);
    /** The same live markup as elements and attributes of a page's document, as the browser would run them. */
    static final String LIVE_ELEMENTS = "script, iframe, object, embed, svg, math, form, style, input, [^on], [style], "
            + "[href~=(?i)^\\s*(javascript|vbscript|data):], [src~=(?i)^\\s*(javascript|vbscript|data):]";

    @Inject
    TestData data;

    @Inject
    MarkdownRenderer renderer;

    @Test
    void theRendererNeutralisesEveryPayload() {
        for (String payload : PAYLOADS) {
            String html = renderer.toSafeHtml(payload);
            assertThat(payload + " -> " + html, LIVE_SCRIPT.matcher(html).find(), equalTo(false));
        }
    }

    @Test
    void nestingIsCappedBeforeParsing() {
        assertThat(MarkdownRenderer.tooDeep("> ".repeat(101) + "x"), equalTo(true));
        assertThat(MarkdownRenderer.tooDeep("- ".repeat(101) + "x"), equalTo(true));
        assertThat(MarkdownRenderer.tooDeep(" ".repeat(401) + "x"), equalTo(true));
        assertThat(MarkdownRenderer.tooDeep("> > > quoted\n\n- a\n  - b\n" + "-".repeat(500)), equalTo(false));
        assertThat(MarkdownRenderer.tooDeep("> ".repeat(100) + "x"), equalTo(false));
        assertThat(renderer.toSafeHtml("> ".repeat(100) + "x"), hasElement("blockquote"));
    }

    @Test
    void theRendererKeepsOrdinaryFormatting() {
        String html = renderer.toSafeHtml("# Title\n\n**bold** _it_ `code` ~~gone~~\n\n- a\n- b\n\n"
                + "| h |\n|---|\n| c |\n\n[link](https://example.org) https://auto.example.org\n\n```java\nint x;\n```");
        assertThat(html, hasElement("h1", equalTo("Title")));
        assertThat(html, hasElement("strong", equalTo("bold")));
        assertThat(html, hasElement("em", equalTo("it")));
        assertThat(html, hasElement("code", equalTo("code")));
        assertThat(html, hasElement("del", equalTo("gone")));
        assertThat(html, hasElement("li", equalTo("a")));
        assertThat(html, hasElement("table"));
        assertThat(html, hasElement("a[href=https://example.org][rel=nofollow]"));
        assertThat(html, hasElement("a[href=https://auto.example.org]"));
        assertThat(html, hasElement("code[class=language-java]", startsWith("int x;")));
    }

    @Test
    void postedPayloadsComeBackEscapedOnThePage() {
        Member member = data.member("xss");
        Question question = data.question(data.member("asker"), "A question under attack");
        WebSession session = WebSession.loggedIn(member.username);
        String all = String.join("\n\n", PAYLOADS);
        session.postForm("/questions/" + question.id + "/answers", Map.of("body", all)).then().statusCode(303);
        Document page = Pages.document(WebSession.visitor().get(question.path()).then().statusCode(200)
                .extract().response());
        Element answer = Pages.one(page, "#answers [data-answer-id] .post-body");
        assertThat(answer.html(), answer.select(LIVE_ELEMENTS), empty());
        assertThat(answer, not(hasElement("img[src=x]")));
        String preview = WebSession.visitor().postJson("/api/v1/markdown/preview", Map.of("text", all)).then()
                .statusCode(200).extract().path("html");
        assertThat(preview, LIVE_SCRIPT.matcher(preview).find(), equalTo(false));
    }
}
