package org.qasite.markdown;

import java.util.Map;
import java.util.Set;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;
import org.qasite.markdown.highlight.Kind;
import org.qasite.markdown.highlight.Languages;
import org.qasite.markdown.highlight.Tokens;

/**
 * A fenced code block that names a language the site knows ({@code ```java}) comes out as commonmark writes it, its
 * tokens wrapped in {@code <span class="hl-…">}; any other block is left to commonmark. Done while rendering, so the
 * stored HTML carries the highlighting and readers' browsers run nothing for it.
 */
class HighlightedCode implements NodeRenderer {

    private final HtmlWriter html;

    HighlightedCode(HtmlNodeRendererContext context) {
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        FencedCodeBlock block = (FencedCodeBlock) node;
        String language = language(block.getInfo());
        html.line();
        html.tag("pre");
        html.tag("code", language.isEmpty() ? Map.of() : Map.of("class", "language-" + language));
        String code = block.getLiteral();
        if (Languages.isKnown(language)) {
            Languages.highlight(language, code, new Tokens() {
                @Override
                public void plain(CharSequence text) {
                    html.text(text.toString());
                }

                @Override
                public void token(Kind kind, CharSequence text) {
                    html.raw("<span class=\"" + kind.cssClass + "\">");
                    html.text(text.toString());
                    html.raw("</span>");
                }
            });
        } else {
            html.text(code);
        }
        html.tag("/code");
        html.tag("/pre");
        html.line();
    }

    /** The first word of the info string, as commonmark takes it. */
    static String language(String info) {
        if (info == null || info.isBlank()) {
            return "";
        }
        String trimmed = info.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
