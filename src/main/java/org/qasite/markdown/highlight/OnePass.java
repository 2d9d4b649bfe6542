package org.qasite.markdown.highlight;

/**
 * What the scanners share: one pass over a code block that hands each token to {@link Tokens} as it is found, and the
 * plain text between tokens as one run.
 */
abstract class OnePass {

    final String code;
    private final Tokens out;
    /** Where the text not yet written starts: everything before it went out, plain or as a token. */
    private int plainStart;

    OnePass(String code, Tokens out) {
        this.code = code;
        this.out = out;
    }

    /** Writes the plain text before start, then code[start, end) as a token; returns where the token ended. */
    final int emit(int start, int end, Kind kind) {
        int stop = Math.min(end, code.length());
        flush(start);
        if (stop > start) {
            out.token(kind, code.subSequence(start, stop));
        }
        plainStart = Math.max(plainStart, stop);
        return stop;
    }

    /** Writes the text not yet written, up to upTo, as plain text. */
    final void flush(int upTo) {
        if (upTo > plainStart) {
            out.plain(code.subSequence(plainStart, upTo));
        }
        plainStart = Math.max(plainStart, upTo);
    }
}
