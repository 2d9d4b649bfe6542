package org.qasite.markdown;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.qasite.refusal.InvalidInput;

/**
 * Inline Markdown only, for comments: code spans, links, bold, italic, strikethrough and raw {@code <kbd>},
 * {@code <sup>}, {@code <sub>}; headings, lists, quotes and
 * images stay the text they were written as, paragraphs run on in one line. Sanitized like posts (see
 * {@link MarkdownRenderer}), with the same budget of HTML per character, and links with {@code rel="nofollow ugc"}.
 */
@Singleton
public class InlineMarkdown {

    /** Everything a block would need is gone: the renderer writes none of it, and this keeps it so. */
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href", "title").onElements("a")
                    .allowStandardUrlProtocols()
                    .requireRelsOnLinks("nofollow", "ugc")
                    .allowElements("code", "br", "del", "s", "kbd", "sup", "sub")
                    .toFactory());

    private final MarkdownConfig config;
    private final Parser parser;
    private final HtmlRenderer renderer;

    @Inject
    InlineMarkdown(MarkdownConfig config) {
        this.config = config;
        List<Extension> extensions = List.of(StrikethroughExtension.create(),
                AutolinkExtension.builder().linkTypes(AutolinkType.URL, AutolinkType.EMAIL).build());
        // No block type at all: "# title", "- item", "> quote" and indented code stay the text they are.
        this.parser = Parser.builder().extensions(extensions).enabledBlockTypes(Set.of()).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .nodeRendererFactory(InlineOnly::new)
                .nodeRendererFactory(context -> new AllowedHtml(context, AllowedHtml.INLINE_TAG)).build();
    }

    /** With the default budget, for use outside the application (tests, tools). */
    public InlineMarkdown() {
        this(MarkdownConfig.defaults());
    }

    /** @throws InvalidInput for text over its budget of HTML */
    public String toSafeHtml(String markdown) {
        String text = markdown == null ? "" : markdown;
        int budget = MarkdownRenderer.htmlBudget(config, text.length());
        BoundedHtml html = new BoundedHtml(budget);
        try {
            renderer.render(parser.parse(text), html);
        } catch (StackOverflowError e) {
            throw MarkdownRenderer.tooDeepToShow();
        } catch (BoundedHtml.Exceeded e) {
            throw MarkdownRenderer.tooMuchHtml(budget);
        }
        String safe = POLICY.sanitize(html.toString().strip());
        if (safe.length() > budget) {
            throw MarkdownRenderer.tooMuchHtml(budget);
        }
        return safe;
    }
}
