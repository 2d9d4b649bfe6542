package org.qasite.markdown;

/**
 * Where commonmark writes a text's HTML: it stops the rendering as soon as the HTML outgrows its budget, so a text
 * over budget never costs more than the budget's worth of work and memory.
 */
final class BoundedHtml implements Appendable {

    /** Thrown out of the renderer when the budget is used up; it carries no stack trace, which nobody would read. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super(null, null, false, false);
        }
    }

    private final StringBuilder html = new StringBuilder();
    private final int budget;

    BoundedHtml(int budget) {
        this.budget = budget;
    }

    @Override
    public Appendable append(CharSequence text) {
        CharSequence s = text == null ? "null" : text;
        return append(s, 0, s.length());
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) {
        CharSequence s = text == null ? "null" : text;
        if (html.length() + (end - start) > budget) {
            throw new Exceeded();
        }
        html.append(s, start, end);
        return this;
    }

    @Override
    public Appendable append(char c) {
        if (html.length() + 1 > budget) {
            throw new Exceeded();
        }
        html.append(c);
        return this;
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
