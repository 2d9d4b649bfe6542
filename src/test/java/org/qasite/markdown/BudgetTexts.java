package org.qasite.markdown;

import java.util.List;

/**
 * Texts at the 30,000-character limit: those that cost the renderer of commonmark-java 0.24 seconds of CPU or
 * megabytes of HTML, and the most expansive shapes real posts take.
 */
final class BudgetTexts {

    static final int LIMIT = 30_000;

    /** A text, and the start of the message that refuses it (null: it renders). */
    record Text(String name, String markdown, String refusal) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String TOO_WIDE = "A table may have at most 50 columns";
    static final String TOO_MANY_CELLS = "The tables of a text may have at most 10,000 cells";

    private BudgetTexts() {
    }

    /** {@code unit} repeated up to {@code length} characters, then {@code end}, to exactly {@code length} in all. */
    static String fill(String start, String unit, String end, int length) {
        StringBuilder text = new StringBuilder(start);
        while (text.length() + unit.length() + end.length() <= length) {
            text.append(unit);
        }
        text.append(end);
        while (text.length() < length) {
            text.append(' ');
        }
        return text.toString();
    }

    /** A table of this many columns with a one-letter header each, then one-letter lines, which GFM pads to rows. */
    static String paddedTable(int columns, int length) {
        return fill("|a".repeat(columns) + "|\n" + "|-".repeat(columns) + "|\n", "a\n", "", length);
    }

    static final List<Text> ATTACKS = List.of(
            // Issue 14, item 1, taken to the limit: 2,000 columns and 11,000 lines would be 22 million cells.
            new Text("table 2,000 columns wide", paddedTable(2000, LIMIT), TOO_WIDE),
            // The 1.8 KB answer whose 300 x 300 table made its question page 820 KB.
            new Text("300 x 300 table in 1.8 KB", paddedTable(300, 1_800), TOO_WIDE),
            new Text("table 50 columns wide, 14,899 lines", paddedTable(50, LIMIT), TOO_MANY_CELLS),
            new Text("table 40 columns wide in 1.8 KB", paddedTable(40, 1_800), TOO_MANY_CELLS),
            // Small tables, each within every limit, many of them.
            new Text("123 tables of 1,000 cells", fill("", paddedTable(10, 242) + "\n", "", LIMIT), TOO_MANY_CELLS),
            new Text("padded table in a quote", fill("> " + "|a".repeat(50) + "|\n> " + "|-".repeat(50) + "|\n",
                    "a\n", "", LIMIT), TOO_MANY_CELLS),
            // Issue 14, item 2: quadratic in commonmark-java 0.24 (issue 447 and its kin).
            new Text("\"<\\n\" x 15,000", "<\n".repeat(LIMIT / 2), null),
            new Text("\"\u2039\" x 30,000", "\u2039".repeat(LIMIT), null),
            new Text("\"<a\" x 15,000", "<a".repeat(LIMIT / 2), null),
            new Text("\"x <!--\" x 5,000", "x <!--".repeat(LIMIT / 6), null),
            new Text("\"a**b\" + \"c* \" x 9,998", fill("a**b", "c* ", "", LIMIT), null));

    /** Real posts at their most expansive: each must render. */
    static final List<Text> LEGITIMATE = List.of(
            new Text("code block of < and &", fill("```\n", "<&", "\n```", LIMIT), null),
            new Text("code block of XML", fill("```xml\n", "<item key=\"a&amp;b\" value='c'/>\n", "```", LIMIT), null),
            new Text("list of links", fill("", "- https://example.org/questions/12345\n", "", LIMIT), null),
            new Text("table of 2 columns", fill("| a | b |\n|---|---|\n", "| 12 | 34 |\n", "", LIMIT), null),
            new Text("right-aligned table of 6 columns",
                    fill("| a | b | c | d | e | f |\n|--:|--:|--:|--:|--:|--:|\n", "| 1 | 2 | 3 | 4 | 5 | 6 |\n", "",
                            LIMIT),
                    null),
            new Text("prose", fill("", "A sentence of prose, with some words in it. ", "", LIMIT), null));
}
