package org.qasite.markdown;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The inline-only Markdown of comments. */
class InlineMarkdownTest {

    final InlineMarkdown markdown = new InlineMarkdown();

    @Test
    void codeLinksBoldAndItalicAreKept() {
        String html = markdown.toSafeHtml("Use `git log`, **not** *that*: [docs](https://git-scm.com/docs)");
        // the sanitizer writes the rel values in no fixed order
        assertThat(html.replaceAll(" rel=\"[^\"]*\"", ""), equalTo("Use <code>git log</code>, <strong>not</strong>"
                + " <em>that</em>: <a href=\"https://git-scm.com/docs\">docs</a>"));
        Element link = Jsoup.parseBodyFragment(html).selectFirst("a");
        assertThat(List.of(link.attr("rel").split(" ")), containsInAnyOrder("nofollow", "ugc"));
    }

    @Test
    void blocksAndImagesStayText() {
        assertThat(markdown.toSafeHtml("# Title"), equalTo("# Title"));
        assertThat(markdown.toSafeHtml("- one\n- two"), equalTo("- one\n- two"));
        assertThat(markdown.toSafeHtml("> quoted"), equalTo("&gt; quoted"));
        assertThat(markdown.toSafeHtml("![a cat](https://example.org/cat.png)"),
                equalTo("![a cat](https://example.org/cat.png)"));
        assertThat(markdown.toSafeHtml("```\ncode\n```"), not(containsString("<pre")));
        assertThat(markdown.toSafeHtml("one\n\ntwo"), equalTo("one two"));
    }

    @Test
    void nothingUnsafeSurvives() {
        String html = markdown.toSafeHtml("<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=y>");
        assertThat(html, not(containsString("<script")));
        assertThat(html, not(containsString("javascript:")));
        assertThat(html, not(containsString("<img")));
    }
}
