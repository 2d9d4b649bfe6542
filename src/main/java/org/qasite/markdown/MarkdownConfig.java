package org.qasite.markdown;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;

/**
 * The budget of member-written Markdown: how large the tables and the rendered HTML of one text may be. Texts are at
 * most 30,000 characters; the limits below are set so that no real post reaches them, only texts built to multiply
 * their size (MarkdownBudgetTest holds both kinds at the limit; bench/markdown.sh times them).
 */
@ConfigMapping(prefix = "qa.markdown")
public interface MarkdownConfig {

    /**
     * Columns of one table. GFM pads every row to the header's width, so the header sets what each row costs; no
     * screen shows 50 columns.
     */
    @WithDefault("50")
    int maxTableColumns();

    /**
     * Cells of all the tables of one text together, every row counted as wide as its header. A cell written out takes
     * three characters at least ({@code "| x"}), so 30,000 characters hold 10,000 of them: only rows padded to a wide
     * header get past that.
     */
    @WithDefault("10000")
    int maxTableCells();

    /**
     * Characters of HTML per character of text. Real posts stay under 6: prose 1, links 3, a code block dense with
     * {@code <}, {@code &} or {@code "} 4.5 to 5 (each becomes an entity of 4 to 6 characters), a right-aligned table of
     * one-digit cells 5.9. 10 leaves room to spare and bounds a 30,000-character text to 300,000 characters of HTML;
     * only degenerate text goes past it (empty lists and quotes, one after the other).
     */
    @WithDefault("10")
    int htmlPerCharacter();

    /** HTML a text may always render to, however short: a few lines may rightly expand more than 10 times. */
    @WithDefault("32768")
    int htmlMinimum();

    /** The defaults above, for a renderer made outside the application (tests, tools). */
    static MarkdownConfig defaults() {
        return new SmallRyeConfigBuilder().withMapping(MarkdownConfig.class).build()
                .getConfigMapping(MarkdownConfig.class);
    }
}
