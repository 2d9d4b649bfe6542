package org.qasite.markdown;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The raw tags Markdown has no syntax for (keys, superscript, subscript, a collapsible section) come out as elements;
 * any other raw HTML, and these tags with attributes, stay the text they were written as.
 */
class AllowedTagsTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.toSafeHtml(markdown));
    }

    @Test
    void keysSuperscriptsAndSubscriptsAreElements() {
        Document html = render("Press <kbd>Ctrl</kbd>+<KBD>C</KBD>: x<sup>2</sup> and H<sub>2</sub>O");
        assertThat(html.select("p > kbd").eachText(), equalTo(List.of("Ctrl", "C")));
        assertThat(html, hasElement("p > sup", equalTo("2")));
        assertThat(html, hasElement("p > sub", equalTo("2")));
        assertThat(html.text(), equalTo("Press Ctrl+C: x2 and H2O"));
    }

    @Test
    void detailsAndSummaryMakeACollapsibleSectionWithMarkdownInside() {
        Document html = render("<details>\n<summary>Why <kbd>Esc</kbd>?</summary>\n\nBecause **vim**.\n\n</details>\n\n"
                + "<details open>\n<summary>Open</summary>\n\nshown\n\n</details>");
        assertThat(html.select("details").size(), equalTo(2));
        assertThat(html, hasElement("details > summary", equalTo("Why Esc?")));
        assertThat(html, hasElement("details > summary > kbd", equalTo("Esc")));
        assertThat(html, hasElement("details > p > strong", equalTo("vim")));
        assertThat(html, hasElement("details[open] > summary", equalTo("Open")));
        assertThat(html.select("details").get(0).hasAttr("open"), equalTo(false));
    }

    @Test
    void otherRawHtmlAndAttributesStayText() {
        Document html = render("<kbd onclick=\"alert(1)\">x</kbd> <b>bold</b> <span>s</span>\n\n<div>block</div>\n\n"
                + "<details ontoggle=\"alert(1)\">\n<summary>s</summary>\n\n</details>");
        assertThat(html.select("kbd, b, span, div, [onclick], [ontoggle]"), empty());
        assertThat(html.text(), equalTo("<kbd onclick=\"alert(1)\">x</kbd> <b>bold</b> <span>s</span> <div>block</div> "
                + "<details ontoggle=\"alert(1)\"> s </details>"));
    }

    @Test
    void aClosingTagWithNothingToCloseIsText() {
        assertThat(render("a</sup> b<sub>1</sub></sub>").text(), equalTo("a</sup> b1</sub>"));
    }

    @Test
    void commentsHaveKeysSuperscriptsAndSubscriptsButNoSections() {
        Document html = Jsoup.parseBodyFragment(new InlineMarkdown()
                .toSafeHtml("Press <kbd>Esc</kbd>, x<sup>2</sup>, H<sub>2</sub>O <details><summary>s</summary></details>"));
        assertThat(html, hasElement("kbd", equalTo("Esc")));
        assertThat(html, hasElement("sup", equalTo("2")));
        assertThat(html, hasElement("sub", equalTo("2")));
        assertThat(html.select("details, summary"), empty());
        assertThat(html.text(), equalTo("Press Esc, x2, H2O <details><summary>s</summary></details>"));
    }

    @Test
    void insideCodeTheTagsAreText() {
        Document html = render("`<kbd>x</kbd>`\n\n```\n<sup>1</sup>\n```");
        assertThat(html.select("kbd, sup"), empty());
        assertThat(html, hasElement("p > code", equalTo("<kbd>x</kbd>")));
    }
}
