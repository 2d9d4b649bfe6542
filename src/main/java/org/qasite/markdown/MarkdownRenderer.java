package org.qasite.markdown;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.qasite.markdown.highlight.Kind;
import org.qasite.refusal.InvalidInput;
import org.qasite.text.i18n.Refusals;

/**
 * Turns member-written Markdown into HTML that is safe to show unescaped: commonmark renders it, then the OWASP
 * sanitizer keeps only formatting elements and http(s)/mailto links, so no script or event handler survives. A text
 * that would cost more than its budget ({@link MarkdownConfig}: table cells, HTML per character) is refused before it
 * costs much: the tables are counted before parsing, the HTML as it is written.
 * <p>
 * Parsing is linear in the text with commonmark-java 0.32 (0.24 scanned to the end of the text for every {@code <}:
 * 30,000 characters of {@code "<\n"} took seconds), so no pattern needs rewriting before the parser.
 */
@Singleton
public class MarkdownRenderer {

    static final PolicyFactory POLICY = Sanitizers.FORMATTING
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
                    // the few raw tags a post may use (AllowedHtml), and the highlighter's tokens in code blocks
                    .allowElements("kbd", "sup", "sub", "details", "summary")
                    .allowAttributes("open").matching(false, "", "open").onElements("details")
                    .allowElements("span")
                    .allowAttributes("class").matching(Kind.CLASSES).onElements("span")
                    .withPostprocessor(new CodeSpansOnly())
                    .toFactory());

    /** Quote markers or indentation at the start of one line, beyond anything a real post needs. */
    static final int MAX_DEPTH = 100;

    private final MarkdownConfig config;
    private final Parser parser;
    private final HtmlRenderer renderer;
    /** The same without highlighting, for a text whose highlighted code would outgrow its budget. */
    private final HtmlRenderer plainRenderer;

    @Inject
    MarkdownRenderer(MarkdownConfig config) {
        this.config = config;
        List<Extension> extensions = List.of(
                // The parser's own cap, per table: a second line behind the count of all tables in checkTables.
                TablesExtension.builder().maxCells(config.maxTableCells()).build(),
                StrikethroughExtension.create(),
                // "www." addresses stay text, as before commonmark-java 0.27 made them links by default: stored
                // posts and new ones read the same.
                AutolinkExtension.builder().linkTypes(AutolinkType.URL, AutolinkType.EMAIL).build());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .nodeRendererFactory(AllowedHtml::new).nodeRendererFactory(HighlightedCode::new).build();
        this.plainRenderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .nodeRendererFactory(AllowedHtml::new).build();
    }

    /** A renderer with the default budget, for use outside the application (tests, tools). */
    public MarkdownRenderer() {
        this(MarkdownConfig.defaults());
    }

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
     * @throws InvalidInput for text nested so deeply (thousands of quote or list levels) that it cannot be rendered,
     *         and for text over its budget: too wide or too many table cells, or more HTML than its length allows
     */
    public String toSafeHtml(String markdown) {
        String text = markdown == null ? "" : markdown;
        if (tooDeep(text)) {
            throw tooDeepToShow();
        }
        checkTables(text);
        int budget = htmlBudget(text.length());
        Node document = parse(text);
        String safe = render(document, renderer, budget);
        if (safe == null) {
            // Highlighting adds markup to every token: a text that fits only without it is shown without it.
            safe = render(document, plainRenderer, budget);
        }
        if (safe == null) {
            throw tooMuchHtml(budget);
        }
        return safe;
    }

    private Node parse(String text) {
        try {
            return parser.parse(text);
        } catch (StackOverflowError e) {
            throw tooDeepToShow(); // a shape the scan above did not foresee
        } catch (IllegalArgumentException e) {
            // the tables extension's own cap (one table over max-table-cells), which checkTables counts first
            throw tooManyCells(-1);
        }
    }

    /** The sanitized HTML of a document, or null when it does not fit the budget. */
    private String render(Node document, HtmlRenderer renderer, int budget) {
        BoundedHtml html = new BoundedHtml(budget);
        try {
            renderer.render(document, html);
        } catch (StackOverflowError e) {
            throw tooDeepToShow();
        } catch (BoundedHtml.Exceeded e) {
            return null;
        } catch (IllegalArgumentException e) {
            throw tooManyCells(-1);
        }
        // The sanitizer takes the HTML apart and writes it anew (some characters become longer entities): its
        // output is what pages show, so the budget holds for it too.
        String safe = POLICY.sanitize(html.toString());
        return safe.length() > budget ? null : safe;
    }

    /** The most HTML a text of this length may render to. */
    int htmlBudget(int textLength) {
        return htmlBudget(config, textLength);
    }

    static int htmlBudget(MarkdownConfig config, int textLength) {
        return (int) Math.min(Integer.MAX_VALUE - 8,
                Math.max(config.htmlMinimum(), (long) config.htmlPerCharacter() * textLength));
    }

    private void checkTables(String text) {
        if (text.indexOf('|') < 0) {
            return; // no table without a pipe: most posts
        }
        TableScan.Result tables = TableScan.of(text);
        if (tables.widestTable() > config.maxTableColumns()) {
            throw InvalidInput.of("body",
                    Refusals.forField().table_too_wide(config.maxTableColumns(), tables.widestTable()));
        }
        if (tables.cells() > config.maxTableCells()) {
            throw tooManyCells(tables.cells());
        }
    }

    /** {@code found}: how many cells the text's tables have, or -1 when the count stopped at the cap. */
    private InvalidInput tooManyCells(long found) {
        return InvalidInput.of("body", Refusals.forField().table_too_many_cells(Refusals.fieldNumber(config.maxTableCells()),
                found < 0 ? null : Refusals.fieldNumber(found)));
    }

    static InvalidInput tooMuchHtml(int budget) {
        return InvalidInput.of("body", Refusals.forField().text_too_much_html(Refusals.fieldNumber(budget)));
    }

    static InvalidInput tooDeepToShow() {
        return InvalidInput.of("body", Refusals.forField().text_too_deep());
    }
}
