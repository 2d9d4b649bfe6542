package org.qasite.markdown.highlight;

import java.util.Set;

/**
 * YAML, line by line: keys, quoted strings, comments, anchors and aliases, document markers, and values that are
 * numbers or literals. Block scalars ({@code |}, {@code >}) stay plain.
 */
final class YamlScanner extends OnePass {

    private static final Set<String> LITERALS = Set.of("true", "false", "null", "yes", "no", "on", "off", "~",
            "True", "False", "Null", "TRUE", "FALSE", "NULL");

    private YamlScanner(String code, Tokens out) {
        super(code, out);
    }

    static void scan(String code, Tokens out) {
        new YamlScanner(code, out).run();
    }

    private void run() {
        int i = 0;
        while (i < code.length()) {
            int end = code.indexOf('\n', i);
            end = end < 0 ? code.length() : end;
            line(i, end);
            i = end + 1;
        }
        flush(code.length());
    }

    private void line(int start, int end) {
        String text = code.substring(start, end);
        if (text.equals("---") || text.equals("...")) {
            emit(start, end, Kind.META);
            return;
        }
        int i = start;
        while (i < end && code.charAt(i) == ' ') {
            i++;
        }
        while (i + 1 < end && code.charAt(i) == '-' && code.charAt(i + 1) == ' ') {
            i += 2; // list items, nested ones too
            while (i < end && code.charAt(i) == ' ') {
                i++;
            }
        }
        int colon = keyEnd(i, end);
        if (colon > i) {
            emit(i, colon, Kind.ATTRIBUTE);
            i = colon + 1;
        }
        value(i, end);
    }

    /** Where the key that starts at {@code i} ends (its ":" followed by a space or the line's end), or {@code i}. */
    private int keyEnd(int i, int end) {
        if (i >= end || "\"'#&*!|>{[".indexOf(code.charAt(i)) >= 0) {
            return i;
        }
        for (int j = i; j < end; j++) {
            char c = code.charAt(j);
            if (c == ':' && (j + 1 == end || code.charAt(j + 1) == ' ')) {
                return j;
            }
            if (c == '#' && code.charAt(j - 1) == ' ') {
                return i;
            }
        }
        return i;
    }

    private void value(int from, int end) {
        int i = from;
        int wordStart = -1;
        while (i < end) {
            char c = code.charAt(i);
            if (c == '#' && (i == from || code.charAt(i - 1) == ' ')) {
                word(wordStart, i);
                emit(i, end, Kind.COMMENT);
                return;
            }
            if ((c == '"' || c == '\'') && wordStart < 0) {
                int j = i + 1;
                while (j < end && code.charAt(j) != c) {
                    j += c == '"' && code.charAt(j) == '\\' ? 2 : 1;
                }
                i = emit(i, Math.min(j + 1, end), Kind.STRING);
                continue;
            }
            if ((c == '&' || c == '*') && wordStart < 0 && i + 1 < end && code.charAt(i + 1) != ' ') {
                int j = i + 1;
                while (j < end && code.charAt(j) != ' ') {
                    j++;
                }
                i = emit(i, j, Kind.VARIABLE);
                continue;
            }
            if (c == ' ' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                word(wordStart, i);
                wordStart = -1;
            } else if (wordStart < 0) {
                wordStart = i;
            }
            i++;
        }
        word(wordStart, end);
    }

    /** A bare word of a value: a number or a literal gets its class, any other word stays plain. */
    private void word(int start, int end) {
        if (start < 0 || end <= start) {
            return;
        }
        String word = code.substring(start, end);
        if (LITERALS.contains(word)) {
            emit(start, end, Kind.LITERAL);
        } else if (isNumber(word)) {
            emit(start, end, Kind.NUMBER);
        }
    }

    private static boolean isNumber(String word) {
        int i = word.startsWith("-") || word.startsWith("+") ? 1 : 0;
        if (i >= word.length() || !Character.isDigit(word.charAt(i))) {
            return false;
        }
        for (; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != '_' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }
}
