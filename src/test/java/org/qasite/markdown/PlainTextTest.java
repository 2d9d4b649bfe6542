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
}
