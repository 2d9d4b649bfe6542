package org.qasite.markdown;

/**
 * Counts the cells a text's tables would have, in one pass over the text and before the parser builds them: GFM pads
 * every row to the header's width, so 12 KB of a 2,000-column header followed by 2,000 one-letter lines make four
 * million cells (36 MB of HTML). The count errs on the high side only, never on the low one, so no shape of table
 * slips past it:
 * <ul>
 * <li>a table starts at a delimiter row ({@code |---|:-:|}, allowing any {@code >} and indentation before it, so
 * tables in quotes and lists count) under a line with a pipe; its width is the number of column specs in the delimiter
 * row (the header never has more);</li>
 * <li>every line up to the next blank line counts as a row of that width, whether it has pipes or not (the parser takes
 * a line without any as a row too) and even where the parser would have ended the table earlier;</li>
 * <li>a delimiter row inside a table may start a wider one (the line above it becomes its header), or be a row of
 * the table: it counts as the wider of the two, and so do the lines after it.</li>
 * </ul>
 * Lines end at {@code \n}, {@code \r} or both, as they do for the parser.
 */
final class TableScan {

    /** The widest table found and the cells of all tables together. */
    record Result(int widestTable, long cells) {
    }

    private TableScan() {
    }

    static Result of(String text) {
        int widest = 0;
        long cells = 0;
        int columns = 0; // width of the table being read; 0 outside a table
        boolean previousHasPipe = false;
        int n = text.length();
        int start = 0;
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int from = start;
            while (from < end && (text.charAt(from) == ' ' || text.charAt(from) == '\t' || text.charAt(from) == '>')) {
                from++;
            }
            boolean hasPipe = false;
            boolean delimiterChars = true; // only | - : and blanks after the prefix
            boolean hasDash = false;
            int specs = 0; // runs of - and :
            boolean inSpec = false;
            for (int i = from; i < end; i++) {
                char c = text.charAt(i);
                if (c == '-' || c == ':') {
                    hasDash |= c == '-';
                    if (!inSpec) {
                        specs++;
                        inSpec = true;
                    }
                    continue;
                }
                inSpec = false;
                if (c == '|') {
                    hasPipe = true;
                } else if (c != ' ' && c != '\t') {
                    delimiterChars = false;
                }
            }
            if (from == end) { // a blank line ends any table
                columns = 0;
            } else if (previousHasPipe && delimiterChars && hasPipe && hasDash) {
                // Either the delimiter row of a new table, whose header (the line above) has at most `specs` cells,
                // or, inside a table, just one more row of it: counted as the larger of the two.
                columns = Math.max(columns, specs);
                widest = Math.max(widest, specs);
                cells += columns;
            } else if (columns > 0) {
                cells += columns;
            }
            previousHasPipe = hasPipe;
            if (end == n) {
                break;
            }
            start = end + (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        return new Result(widest, cells);
    }
}
