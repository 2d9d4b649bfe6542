package org.qasite.markdown;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.qasite.web.InvalidInput;

/**
 * Turns member-written Markdown into HTML that is safe to show unescaped: commonmark renders it, then the OWASP
 * sanitizer keeps only formatting elements and http(s)/mailto links, so no script or event handler survives.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create());

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href", "title").onElements("a")
                    .allowStandardUrlProtocols()
                    .requireRelNofollowOnLinks()
                    .allowElements("img")
                    .allowAttributes("src", "alt", "title").onElements("img")
                    .allowUrlProtocols("https", "http")
                    .allowElements("pre", "code", "hr", "br", "del", "s")
                    .allowAttributes("class").matching(Pattern.compile("language-[a-zA-Z0-9_+#-]{1,30}")).onElements("code")
                    .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
                    .allowAttributes("align").matching(false, "left", "right", "center").onElements("th", "td")
                    .toFactory());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    /**
     * @throws InvalidInput for text nested so deeply (thousands of quote or list levels) that it cannot be rendered
     */
    public String toSafeHtml(String markdown) {
        String html;
        try {
            html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        } catch (StackOverflowError e) {
            throw InvalidInput.of("body", "The text is nested too deeply (quotes or lists inside each other) to be shown.");
        }
        return POLICY.sanitize(html);
    }
}
