package org.qasite.markdown.highlight;

/**
 * Splits source code into tokens by a {@link Grammar}, left to right in one pass: every step consumes at least one
 * character and looks back at most one, so a block costs time in proportion to its length whatever it contains (no
 * regular expression, nothing a hostile text can make backtrack). A string or block comment left open runs to the end
 * of its line or of the block, as an editor would show it.
 */
final class CodeScanner extends OnePass {

    private final Grammar grammar;
    private int braces;

    private CodeScanner(Grammar grammar, String code, Tokens out) {
        super(code, out);
        this.grammar = grammar;
    }

    static void scan(Grammar grammar, String code, Tokens out) {
        new CodeScanner(grammar, code, out).run();
    }

    private void run() {
        int n = code.length();
        int i = 0;
        while (i < n) {
            int end = tokenAt(i);
            if (end > i) {
                i = end;
                continue;
            }
            char c = code.charAt(i);
            if (c == '{') {
                braces++;
            } else if (c == '}' && braces > 0) {
                braces--;
            }
            i++;
        }
        flush(n);
    }

    /** The end of the token that starts at {@code i}, written out; {@code i} itself when none does. */
    private int tokenAt(int i) {
        char c = code.charAt(i);
        if (grammar.preprocessor() && c == '#' && onlySpaceBefore(i)) {
            return emit(i, lineEnd(i), Kind.META);
        }
        for (int k = 0; k + 1 < grammar.blockComments().size(); k += 2) {
            String open = grammar.blockComments().get(k);
            if (code.startsWith(open, i)) {
                int close = code.indexOf(grammar.blockComments().get(k + 1), i + open.length());
                return emit(i, close < 0 ? code.length() : close + grammar.blockComments().get(k + 1).length(),
                        Kind.COMMENT);
            }
        }
        for (String line : grammar.lineComments()) {
            if (code.startsWith(line, i) && (!grammar.shellVariables() || i == 0
                    || Character.isWhitespace(code.charAt(i - 1)))) {
                return emit(i, lineEnd(i), Kind.COMMENT);
            }
        }
        for (String quote : grammar.longQuotes()) {
            if (code.startsWith(quote, i)) {
                int close = code.indexOf(quote, i + quote.length());
                return emit(i, close < 0 ? code.length() : close + quote.length(), Kind.STRING);
            }
        }
        if (grammar.quotes().indexOf(c) >= 0) {
            int end = stringEnd(i, c);
            return emit(i, end, grammar.keys() && nextNonSpace(end) == ':' ? Kind.ATTRIBUTE : Kind.STRING);
        }
        if (isDigit(c) || (c == '.' && i + 1 < code.length() && isDigit(code.charAt(i + 1)))) {
            if (i > 0 && isIdentifierPart(code.charAt(i - 1))) {
                return i; // the tail of a name such as "x1" is consumed with the name
            }
            int j = i + 1;
            while (j < code.length() && (isIdentifierPart(code.charAt(j)) || code.charAt(j) == '.'
                    || code.charAt(j) == '%')) {
                j++;
            }
            return emit(i, j, Kind.NUMBER);
        }
        if (c == '@' && grammar.annotations() && i + 1 < code.length() && isIdentifierStart(code.charAt(i + 1))) {
            int j = i + 1;
            while (j < code.length() && (isIdentifierPart(code.charAt(j)) || code.charAt(j) == '.')) {
                j++;
            }
            return emit(i, j, Kind.META);
        }
        if (c == '$' && grammar.shellVariables()) {
            return variableAt(i);
        }
        if (c == '#' && grammar.properties() && braces > 0) {
            int j = i + 1;
            while (j < code.length() && Character.digit(code.charAt(j), 16) >= 0) {
                j++;
            }
            return j > i + 1 ? emit(i, j, Kind.NUMBER) : i;
        }
        if (isIdentifierStart(c)) {
            int j = i + 1;
            while (j < code.length() && isIdentifierPart(code.charAt(j))) {
                j++;
            }
            Kind kind = grammar.kindOf(code.substring(i, j));
            if (kind == null && grammar.properties() && braces > 0 && nextNonSpace(j) == ':') {
                kind = Kind.ATTRIBUTE;
            }
            if (kind == null) {
                return j; // a plain name: consumed whole, so that no keyword is found inside it
            }
            return emit(i, j, kind);
        }
        if (c == '!' && grammar.properties() && code.startsWith("important", i + 1)) {
            return emit(i, i + 10, Kind.KEYWORD);
        }
        return i;
    }

    private int stringEnd(int start, char quote) {
        boolean escapes = grammar.rawQuotes().indexOf(quote) < 0;
        boolean multiline = grammar.multilineQuotes().indexOf(quote) >= 0;
        int j = start + 1;
        while (j < code.length()) {
            char ch = code.charAt(j);
            if (ch == '\\' && escapes) {
                j += 2;
                continue;
            }
            if (ch == quote) {
                return j + 1;
            }
            if (ch == '\n' && !multiline) {
                return j;
            }
            j++;
        }
        return code.length();
    }

    private int variableAt(int i) {
        int n = code.length();
        if (i + 1 >= n) {
            return i;
        }
        char next = code.charAt(i + 1);
        int j;
        if (next == '{') {
            // to the closing brace or the end of the line, whichever comes first: what is looked at is consumed
            j = i + 2;
            while (j < n && code.charAt(j) != '}' && code.charAt(j) != '\n') {
                j++;
            }
            if (j < n && code.charAt(j) == '}') {
                j++;
            }
        } else if (isIdentifierStart(next)) {
            j = i + 2;
            while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_')) {
                j++;
            }
        } else if (isDigit(next) || "@#?$!*-".indexOf(next) >= 0) {
            j = i + 2;
        } else {
            return i;
        }
        return emit(i, j, Kind.VARIABLE);
    }

    private boolean onlySpaceBefore(int i) {
        for (int j = i - 1; j >= 0 && code.charAt(j) != '\n'; j--) {
            if (code.charAt(j) != ' ' && code.charAt(j) != '\t') {
                return false;
            }
        }
        return true;
    }

    private int lineEnd(int i) {
        int end = code.indexOf('\n', i);
        return end < 0 ? code.length() : end;
    }

    private char nextNonSpace(int from) {
        for (int j = from; j < code.length(); j++) {
            char ch = code.charAt(j);
            if (ch != ' ' && ch != '\t') {
                return ch;
            }
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || grammar.extraIdentifier().indexOf(c) >= 0 && c != '-';
    }

    private boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || grammar.extraIdentifier().indexOf(c) >= 0;
    }
}
