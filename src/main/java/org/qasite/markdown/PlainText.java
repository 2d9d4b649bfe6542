package org.qasite.markdown;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The words a reader sees in a Markdown text, as one line of plain text: no backticks, fences, link targets, image
 * addresses, table pipes or HTML tags. For excerpts in lists, search snippets, feed summaries and meta descriptions,
 * which are escaped wherever they are shown.
 */
public final class PlainText {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create());
    /** Parsers are safe to share between threads. */
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    /** White space, and characters no text shows (see {@link #collapse}). */
    private static final Pattern NOT_TEXT = Pattern.compile("[\\s\\u00A0\\p{Cc}\\p{Cs}\\uFFFE\\uFFFF]+");

    private PlainText() {
    }

    /** The whole text, blocks separated by one space, runs of white space as one. */
    public static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (MarkdownRenderer.tooDeep(markdown)) {
            return collapse(markdown); // a shape the parser cannot take (refused when posted): its characters as they are
        }
        StringBuilder out = new StringBuilder(markdown.length());
        try {
            PARSER.parse(markdown).accept(new Words(out));
        } catch (StackOverflowError e) {
            return collapse(markdown);
        }
        return collapse(out.toString());
    }

    /**
     * The start of the text, at most {@code max} characters, cut at a word boundary with "…" when there was more.
     */
    public static String excerpt(String markdown, int max) {
        return cut(of(markdown), max);
    }

    /** The text cut to at most {@code max} characters (code points), at a word boundary where there is one. */
    public static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max);
        int space = text.lastIndexOf(' ', end);
        if (space > end / 2) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    /**
     * White space as one space, and what InputText.clean keeps out of stored text as a space too: the parser decodes
     * character references ({@code &#1;}) after the text was cleaned, and control characters, U+FFFE/U+FFFF and lone
     * surrogates are not allowed in XML (a feed reader rejects the whole feed) and U+0002/U+0003 mark search matches.
     */
    private static String collapse(String text) {
        return NOT_TEXT.matcher(text).replaceAll(" ").strip();
    }

    /** Collects text, code and image descriptions; leaves out link targets, HTML and markup. */
    private static final class Words extends AbstractVisitor {
        private final StringBuilder out;

        Words(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock block) {
            out.append(' ').append(block.getLiteral()).append(' ');
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            out.append(' ').append(block.getLiteral()).append(' ');
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HtmlInline html) {
            // tags are not words
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(' ');
        }

        @Override
        public void visit(Image image) {
            visitChildren(image); // its description, not its address
        }

        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            if (node instanceof TableCell) {
                out.append(' ');
            }
        }

        @Override
        protected void visitChildren(Node parent) {
            super.visitChildren(parent);
            if (parent instanceof Block) {
                out.append(' ');
            }
        }
    }
}
