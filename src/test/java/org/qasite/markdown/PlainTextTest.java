package org.qasite.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void markupLeavesOnlyTheWordsAReaderSees() {
        String markdown = """
                # Pool size

                Use `maxPoolSize` with **care**, see [the docs](https://example.org/docs "Docs").
                ![a diagram of the pool](https://example.org/pool.png)

                ```java
                pool.setMax(10);
                ```

                | name | value |
                |------|-------|
                | max  | 10    |

                > quoted <b>bold</b> text
                """;
        assertEquals("Pool size Use maxPoolSize with care, see the docs. a diagram of the pool pool.setMax(10);"
                + " name value max 10 quoted bold text", PlainText.of(markdown));
    }

    @Test
    void anExcerptStopsAtAWordWithAnEllipsis() {
        assertEquals("one two…", PlainText.excerpt("one two three", 10));
        assertEquals("short", PlainText.excerpt("*short*", 10));
        assertEquals("", PlainText.excerpt(null, 10));
    }

    @Test
    void textTooDeepToParseIsKeptAsItsCharacters() {
        String deep = "> ".repeat(MarkdownRenderer.MAX_DEPTH + 1) + "x";
        assertEquals(deep.strip(), PlainText.of(deep));
    }

    /**
     * The parser decodes numeric character references after the input was cleaned: what cleaning drops must not come
     * back that way (XML cannot carry U+0001, and search marks its matches with U+0002 and U+0003).
     */
    @Test
    void characterReferencesBringNoControlCharactersBack() {
        assertEquals("a b c d e f g h", PlainText.of("a &#1; b &#2; c &#x3; d &#127; e &#x85; f &#xFFFE; g &#xFFFF; h"));
        assertEquals("tab and new line stay spaces", PlainText.of("tab&#9;and new&#10;line stay spaces"));
        assertEquals("fenced code", PlainText.of("```\nfenced \u0001code\n```"));
    }
}
