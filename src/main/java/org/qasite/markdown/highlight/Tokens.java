package org.qasite.markdown.highlight;

/** Where a scanner writes a code block: runs of plain text and classed tokens, in order, covering all of it. */
public interface Tokens {

    void plain(CharSequence text);

    /** @param kind one of the {@link Kind}s; the text is still raw, the receiver escapes it */
    void token(Kind kind, CharSequence text);
}
