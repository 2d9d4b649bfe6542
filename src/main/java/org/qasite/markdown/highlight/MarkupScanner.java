package org.qasite.markdown.highlight;

/**
 * XML and HTML: tag names, attributes and their values, comments, declarations and entities; the text between tags
 * (and inside script and style elements) stays plain. One pass, like {@link CodeScanner}.
 */
final class MarkupScanner extends OnePass {

    private MarkupScanner(String code, Tokens out) {
        super(code, out);
    }

    static void scan(String code, Tokens out) {
        new MarkupScanner(code, out).run();
    }

    private void run() {
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("<!--", i)) {
                i = emit(i, closing("-->", i + 4), Kind.COMMENT);
            } else if (code.startsWith("<![CDATA[", i)) {
                i = emit(i, closing("]]>", i + 9), Kind.STRING);
            } else if (c == '<' && i + 1 < n && (code.charAt(i + 1) == '!' || code.charAt(i + 1) == '?')) {
                i = emit(i, closing(">", i + 2), Kind.META);
            } else if (c == '<' && i + 1 < n && (isNameStart(code.charAt(i + 1))
                    || code.charAt(i + 1) == '/' && i + 2 < n && isNameStart(code.charAt(i + 2)))) {
                i = tag(i);
            } else if (c == '&') {
                i = entity(i);
            } else {
                i++;
            }
        }
        flush(n);
    }

    /** A start or end tag from its "<": the name, then attributes up to the ">" (or the end of the block). */
    private int tag(int start) {
        int n = code.length();
        int nameStart = code.charAt(start + 1) == '/' ? start + 2 : start + 1;
        int j = nameStart;
        while (j < n && isNamePart(code.charAt(j))) {
            j++;
        }
        flush(nameStart);
        emit(nameStart, j, Kind.KEYWORD);
        while (j < n && code.charAt(j) != '>' && code.charAt(j) != '<') {
            char c = code.charAt(j);
            if (isNameStart(c)) {
                int k = j + 1;
                while (k < n && isNamePart(code.charAt(k))) {
                    k++;
                }
                j = emit(j, k, Kind.ATTRIBUTE);
            } else if (c == '"' || c == '\'') {
                int close = code.indexOf(c, j + 1);
                int tagEnd = close < 0 ? n : close + 1;
                j = emit(j, tagEnd, Kind.STRING);
            } else {
                j++;
            }
        }
        return j < n && code.charAt(j) == '>' ? j + 1 : j;
    }

    private int entity(int start) {
        int j = start + 1;
        if (j < code.length() && code.charAt(j) == '#') {
            j++;
        }
        int nameStart = j;
        while (j < code.length() && j - start < 12 && Character.isLetterOrDigit(code.charAt(j))) {
            j++;
        }
        if (j > nameStart && j < code.length() && code.charAt(j) == ';') {
            return emit(start, j + 1, Kind.LITERAL);
        }
        return start + 1;
    }

    private int closing(String delimiter, int from) {
        int close = code.indexOf(delimiter, from);
        return close < 0 ? code.length() : close + delimiter.length();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
    }
}
