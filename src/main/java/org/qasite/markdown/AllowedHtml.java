package org.qasite.markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Raw HTML in a post stays the text it was written as, except the few plain tags Markdown has no syntax for:
 * {@code <kbd>}, {@code <sup>}, {@code <sub>}, {@code <details>} (optionally {@code open}) and {@code <summary>}, with
 * no other attribute. Those pass as elements (the sanitizer checks them again); everything around them is escaped.
 */
class AllowedHtml implements NodeRenderer {

    /** The tags of posts. */
    static final Pattern TAG = Pattern.compile("</?(?:kbd|sup|sub|summary)>|<details(?: open)?>|</details>",
            Pattern.CASE_INSENSITIVE);
    /** The tags of comments, which hold no block. */
    static final Pattern INLINE_TAG = Pattern.compile("</?(?:kbd|sup|sub)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_START = Pattern.compile("\\s*</?(?:details|summary)\\b",
            Pattern.CASE_INSENSITIVE);

    private final HtmlWriter html;
    private final Pattern tags;
    /** How many of each tag this text opened and has not closed yet (a renderer serves one text). */
    private final Map<String, Integer> open = new HashMap<>();

    AllowedHtml(HtmlNodeRendererContext context) {
        this(context, TAG);
    }

    AllowedHtml(HtmlNodeRendererContext context, Pattern tags) {
        this.html = context.getWriter();
        this.tags = tags;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(HtmlInline.class, HtmlBlock.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof HtmlInline inline) {
            write(inline.getLiteral());
            return;
        }
        String literal = ((HtmlBlock) node).getLiteral();
        html.line();
        // A block of <details> and <summary> is the element itself; any other block is text, in a paragraph as
        // before.
        boolean element = BLOCK_START.matcher(literal).lookingAt();
        if (!element) {
            html.tag("p");
        }
        write(literal);
        if (!element) {
            html.tag("/p");
        }
        html.line();
    }

    private void write(String literal) {
        Matcher tag = tags.matcher(literal);
        int last = 0;
        while (tag.find()) {
            String written = tag.group().toLowerCase(Locale.ROOT);
            String name = written.replaceAll("[</>]| open", "");
            boolean closing = written.startsWith("</");
            if (closing && open.getOrDefault(name, 0) == 0) {
                continue; // a closing tag with nothing to close is text, as written
            }
            if (tag.start() > last) {
                html.text(literal.substring(last, tag.start()));
            }
            open.merge(name, closing ? -1 : 1, Integer::sum);
            html.raw(written);
            last = tag.end();
        }
        if (last < literal.length()) {
            html.text(literal.substring(last));
        }
    }
}
