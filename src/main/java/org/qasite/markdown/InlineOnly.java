package org.qasite.markdown;

import java.util.Set;

import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders what no inline text may contain as text: an image as the Markdown that wrote it, a paragraph without its
 * element (paragraphs after the first start after a space). Only paragraphs reach it: the inline parser knows no other
 * block.
 */
class InlineOnly implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    InlineOnly(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Paragraph.class, Image.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof Image image) {
            html.text("![" + altText(image) + "](" + image.getDestination() + ")");
            return;
        }
        if (node.getPrevious() != null) {
            html.text(" ");
        }
        renderChildren(node);
    }

    private void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }

    private static String altText(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else {
                text.append(altText(child));
            }
        }
        return text.toString();
    }
}
