package org.qasite.markdown;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.qasite.testsupport.Pages.hasElement;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qasite.refusal.InvalidInput;

/**
 * Every text at the size limit gets its answer fast and within its budget: rendered HTML no larger than the budget, or
 * a refusal that says what is over it.
 * <p>
 * "Fast" is asserted on the CPU time of the rendering thread, not on the clock: on a machine shared with other builds
 * the clock also counts the time the thread waits for a CPU. The bound, one second per text, is generous on purpose:
 * with the budget the worst of these texts costs tens of milliseconds, where commonmark-java 0.24 took 0.4 to 1.4 s of
 * CPU (the quadratic ones) and seconds for the padded table on the same machine; a tighter bound would only trip over
 * JIT compilation and garbage collection on a busy machine.
 */
class MarkdownBudgetTest {

    static final long CPU_BOUND_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static final MarkdownRenderer renderer = new MarkdownRenderer();

    @BeforeAll
    static void warmUp() {
        // The first texts of a JVM pay for class loading and the interpreter; a real site has rendered many before.
        for (int i = 0; i < 200; i++) {
            renderer.toSafeHtml("# Title " + i + "\n\nSome **bold** text, `code`, a [link](https://example.org).\n\n"
                    + "| a | b |\n|---|---|\n| 1 | 2 |\n\n```java\nint x = 1 < 2 ? 3 : 4;\n```\n");
        }
    }

    static Stream<BudgetTexts.Text> allTexts() {
        return Stream.concat(BudgetTexts.ATTACKS.stream(), BudgetTexts.LEGITIMATE.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTexts")
    void eachTextGetsABoundedAnswerFast(BudgetTexts.Text text) {
        long start = THREADS.getCurrentThreadCpuTime();
        String html = null;
        InvalidInput refusal = null;
        try {
            html = renderer.toSafeHtml(text.markdown());
        } catch (InvalidInput e) {
            refusal = e;
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        assertThat(text + ": CPU time of rendering (ns)", cpu, lessThan(CPU_BOUND_NANOS));
        if (text.refusal() == null) {
            assertThat(text + " renders, not refused: " + (refusal == null ? "" : refusal.fieldErrors()),
                    refusal == null, equalTo(true));
            assertThat(text + ": HTML within its budget", html.length(),
                    lessThanOrEqualTo(renderer.htmlBudget(text.markdown().length())));
        } else {
            assertThat(text + " is refused, not rendered", refusal != null, equalTo(true));
            assertThat(refusal.fieldErrors().get("body"), startsWith(text.refusal()));
        }
    }

    @Test
    void theAttacksAreAtTheSizeLimit() {
        for (BudgetTexts.Text text : BudgetTexts.ATTACKS) {
            assertThat(text.name(), text.markdown().length(),
                    text.name().contains("1.8 KB") ? equalTo(1_800) : equalTo(BudgetTexts.LIMIT));
        }
    }

    @Test
    void textThatRendersTooLargeIsRefusedWithItsBudget() {
        // An empty quote costs 26 characters of HTML for 3 of text: a short text still renders, under the minimum.
        assertThat(renderer.toSafeHtml(">\n\n".repeat(100)), hasElement("blockquote"));
        // 30,000 characters of e-mail addresses expand 8 times: within the budget.
        String addresses = BudgetTexts.fill("", "a@b.cc ", "", BudgetTexts.LIMIT);
        assertThat(renderer.toSafeHtml(addresses).length(), lessThanOrEqualTo(renderer.htmlBudget(addresses.length())));
        // Empty list items with alternating markers, each a list of its own, expand 10.5 times: over it.
        InvalidInput refusal = refusal("-\n+\n".repeat(BudgetTexts.LIMIT / 4));
        assertThat(refusal.fieldErrors().get("body"), startsWith("This text would make a page too large to show "
                + "(more than 300,000 characters of HTML for its length)."));
    }

    @Test
    void theBudgetGrowsWithTheTextAboveItsMinimum() {
        assertThat(renderer.htmlBudget(0), equalTo(32_768));
        assertThat(renderer.htmlBudget(3_000), equalTo(32_768));
        assertThat(renderer.htmlBudget(30_000), equalTo(300_000));
    }

    @Test
    void tablesWithinTheLimitsRenderAsBefore() {
        String html = renderer.toSafeHtml("| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 |\n\nafter");
        assertThat(html, hasElement("th[align=left]", equalTo("a")));
        assertThat(html, hasElement("td[align=right]", equalTo("2")));
        assertThat(html, hasElement("td[align=left]:matchesOwn(^3$) + td[align=right]:empty")); // padded
        assertThat(html, hasElement("p", equalTo("after")));
        String widest = "|a".repeat(50) + "|\n" + "|-".repeat(50) + "|\n" + "|x".repeat(50) + "|\n";
        assertThat(renderer.toSafeHtml(widest), hasElement("td:not([align])", equalTo("x")));
        assertThat(refusal("|a".repeat(51) + "|\n" + "|-".repeat(51) + "|\n").fieldErrors().get("body"),
                equalTo("A table may have at most 50 columns; this text has one with 51. Put wide data in a code block."));
    }

    @Test
    void addressesStartingWithWwwStayText() {
        // As with commonmark-java 0.24: posts written before the upgrade read the same.
        assertThat(renderer.toSafeHtml("see www.example.org"), equalTo("<p>see www.example.org</p>\n"));
        assertThat(renderer.toSafeHtml("see https://example.org"), hasElement("a[href=https://example.org]"));
    }

    @Test
    void theScanFindsTablesWhereverTheParserDoes() {
        assertThat(TableScan.of("|a|b|\n|-|-|\n|1|2|\n").cells(), equalTo(4L));
        assertThat(TableScan.of("|a|b|\r\n|-|-|\r\n|1|2|").cells(), equalTo(4L));
        assertThat(TableScan.of("|a|b|\r|-|-|\r|1|2|").cells(), equalTo(4L));
        assertThat(TableScan.of("> |a|b|\n> |:-:|-|\nlazy\n").cells(), equalTo(4L));
        assertThat(TableScan.of("- item\n\n  |a|b|\n  |-|-|\n  x\n\ntext\n").cells(), equalTo(4L));
        // A narrow table ended by a heading, then a wide one: its lines count at the wider width.
        assertThat(TableScan.of("|a|\n|-|\n# h\n|a|b|c|\n|-|-|-|\n|1|\n|2|\n").cells(), equalTo(1L + 1 + 1 + 3 + 3 + 3));
        assertThat(TableScan.of("no | table\nhere\n").cells(), equalTo(0L));
        assertThat(TableScan.of("a\n---\n").cells(), equalTo(0L)); // a heading, not a table
    }

    /**
     * Many random texts made of table syntax, quotes, lists, headings, fences and line ends: the scan never counts
     * fewer cells, or a narrower table, than the parser builds. (The parser's own cap is only a second line.)
     */
    @Test
    void theScanNeverCountsFewerCellsThanTheParserBuilds() {
        List<String> pieces = List.of("|", "|a", "|-", "|:-", "-:", "-", ":", " ", "\t", "a", "\\|", "`|`", "\n", "\n",
                "\n", "\r\n", "\r", "> ", ">", "- ", "1. ", "  ", "    ", "# h\n", "```\n", "~~~\n", "\n\n", "<div>\n",
                "***\n", "[x]: /u\n", "a|b");
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 5 + random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String markdown = text.toString();
            long[] built = new long[2]; // cells, widest row
            parser.parse(markdown).accept(new AbstractVisitor() {
                @Override
                public void visit(CustomNode node) {
                    if (node instanceof TableCell) {
                        built[0]++;
                    } else if (node instanceof TableRow) {
                        int cells = 0;
                        for (var cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                            cells++;
                        }
                        built[1] = Math.max(built[1], cells);
                    }
                    visitChildren(node);
                }
            });
            TableScan.Result scan = TableScan.of(markdown);
            assertThat(markdown, scan.cells(), greaterThanOrEqualTo(built[0]));
            assertThat(markdown, (long) scan.widestTable(), greaterThanOrEqualTo(built[1]));
        }
    }

    private static InvalidInput refusal(String markdown) {
        try {
            renderer.toSafeHtml(markdown);
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("not refused: " + markdown.substring(0, Math.min(80, markdown.length())));
    }
}
