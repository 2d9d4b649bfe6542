package org.qasite.markdown;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
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
 * <p>
 * Parsing is linear in the text with commonmark-java 0.32 (0.24 scanned to the end of the text for every {@code <}:
 * 30,000 characters of {@code "<\n"} took seconds), so no pattern needs rewriting before the parser.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            // "www." addresses stay text, as before commonmark-java 0.27 made them links by default: stored posts and
            // new ones read the same.
            AutolinkExtension.builder().linkTypes(AutolinkType.URL, AutolinkType.EMAIL).build());

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

    /** Quote markers or indentation at the start of one line, beyond anything a real post needs. */
    static final int MAX_DEPTH = 100;
    private static final String TOO_DEEP = "The text is nested too deeply (quotes or lists inside each other) to be shown.";

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    /**
     * Whether a line opens more than {@link #MAX_DEPTH} quotes or list items at its start ("> > > ...", "- - - ...")
     * or is indented by more than four times that: the shapes that nest commonmark's parser deep enough to exhaust the
     * stack.
     */
    static boolean tooDeep(String markdown) {
        if (markdown == null) {
            return false;
        }
        for (String line : markdown.split("\n", -1)) {
            int markers = 0;
            int spaces = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                boolean listMarker = (c == '-' || c == '*' || c == '+') && i + 1 < line.length()
                        && line.charAt(i + 1) == ' ';
                if (c == '>' || listMarker) {
                    markers++;
                } else if (c == ' ' || c == '\t') {
                    spaces++;
                } else {
                    break;
                }
            }
            if (markers > MAX_DEPTH || spaces > MAX_DEPTH * 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * @throws InvalidInput for text nested so deeply (thousands of quote or list levels) that it cannot be rendered
     */
    public String toSafeHtml(String markdown) {
        if (tooDeep(markdown)) {
            throw InvalidInput.of("body", TOO_DEEP);
        }
        String html;
        try {
            html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        } catch (StackOverflowError e) {
            throw InvalidInput.of("body", TOO_DEEP); // a shape the scan above did not foresee
        }
        return POLICY.sanitize(html);
    }
}
