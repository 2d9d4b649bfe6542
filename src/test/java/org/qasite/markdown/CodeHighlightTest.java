package org.qasite.markdown;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.qasite.testsupport.Pages.hasElement;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Fenced code blocks that name a language are highlighted as they are rendered: their tokens come out in
 * {@code <span class="hl-…">} inside {@code
 *
 *

<pre>
 * <code>}, the text a reader copies is the code as written, and nothing
 * in the code or the language's name can become markup.
 */
class CodeHighlightTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.toSafeHtml(markdown));
    }

    private static List<String> tokens(Document html, String cssClass) {
        return html.select("pre > code > span." + cssClass).stream().map(Element::wholeText).toList();
    }

    @Test
    void aJavaBlockIsHighlightedAndReadsAsWritten() {
        String code = "@Override\npublic String name() { // the name\n    return \"x\" + 42 + null;\n}";
        Document html = render("```java\n" + code + "\n```");
        Element block = html.selectFirst("pre > code.language-java");
        assertThat(block.wholeText(), equalTo(code + "\n"));
        assertThat(tokens(html, "hl-k"), contains("public", "return"));
        assertThat(tokens(html, "hl-t"), contains("String"));
        assertThat(tokens(html, "hl-s"), contains("\"x\""));
        assertThat(tokens(html, "hl-n"), contains("42"));
        assertThat(tokens(html, "hl-l"), contains("null"));
        assertThat(tokens(html, "hl-c"), contains("// the name"));
        assertThat(tokens(html, "hl-m"), contains("@Override"));
    }

    @Test
    void namesContainingKeywordsStayPlain() {
        Document html = render("```js\nconst format = information.forEach(x1 => x1);\n```");
        assertThat(tokens(html, "hl-k"), contains("const"));
        assertThat(tokens(html, "hl-n"), empty());
    }

    @Test
    void blocksWithoutAKnownLanguageStayPlain() {
        for (String fence : List.of("```\n", "```brainfuck\n", "    ")) {
            Document html = render(fence + "if (x) return \"y\";\n" + (fence.startsWith("`") ? "```" : ""));
            assertThat(fence, html.select("pre span"), empty());
            assertThat(fence, html.selectFirst("pre > code").wholeText(), equalTo("if (x) return \"y\";\n"));
        }
        assertThat(render("```brainfuck\n+++\n```"), hasElement("code.language-brainfuck"));
    }

    @Test
    void theLanguageNameIsTakenInAnyCase() {
        assertThat(tokens(render("```SQL\nselect 1 FROM t\n```"), "hl-k"), contains("select", "FROM"));
    }

    @Test
    void eachLanguageHasItsTokens() {
        assertThat(tokens(render("```python\n@cache\ndef f(x):\n    return None  # why\n```"), "hl-k"),
                contains("def", "return"));
        assertThat(tokens(render("```python\ns = '''a\n\"b\"'''\n```"), "hl-s"), contains("'''a\n\"b\"'''"));
        assertThat(tokens(render("```bash\nexport A=1 # set\necho \"$HOME\" ${PATH} a#b\n```"), "hl-v"),
                contains("${PATH}"));
        Document shell = render("```sh\nif [ -f x ]; then echo $HOME; fi # done\n```");
        assertThat(tokens(shell, "hl-k"), contains("if", "then", "fi"));
        assertThat(tokens(shell, "hl-v"), contains("$HOME"));
        assertThat(tokens(shell, "hl-c"), contains("# done"));
        Document json = render("```json\n{\"name\": \"qa\", \"n\": 3, \"ok\": true}\n```");
        assertThat(tokens(json, "hl-a"), contains("\"name\"", "\"n\"", "\"ok\""));
        assertThat(tokens(json, "hl-s"), contains("\"qa\""));
        assertThat(tokens(json, "hl-l"), contains("true"));
        Document yaml = render("```yaml\n---\nname: qa # site\nitems:\n  - port: 8080\n    on: true\n```");
        assertThat(tokens(yaml, "hl-a"), contains("name", "items", "port", "on"));
        assertThat(tokens(yaml, "hl-n"), contains("8080"));
        assertThat(tokens(yaml, "hl-c"), contains("# site"));
        Document xml = render("```xml\n<!-- c --><dependency scope=\"test\">a &amp; b</dependency>\n```");
        assertThat(tokens(xml, "hl-k"), contains("dependency", "dependency"));
        assertThat(tokens(xml, "hl-a"), contains("scope"));
        assertThat(tokens(xml, "hl-s"), contains("\"test\""));
        assertThat(tokens(xml, "hl-c"), contains("<!-- c -->"));
        assertThat(tokens(xml, "hl-l"), contains("&amp;"));
        Document css = render("```css\n@media print { a:hover { color: #fff !important; margin: 0 2px; } }\n```");
        assertThat(tokens(css, "hl-a"), hasItems("color", "margin"));
        assertThat(tokens(css, "hl-n"), contains("#fff", "0", "2px"));
        assertThat(tokens(css, "hl-m"), contains("@media"));
        Document go = render("```go\nfunc main() { s := `raw\nline`; var n int = nil }\n```");
        assertThat(tokens(go, "hl-s"), contains("`raw\nline`"));
        assertThat(tokens(go, "hl-t"), contains("int"));
        Document c = render("```cpp\n#include <vector>\nint main() { return 0; }\n```");
        assertThat(tokens(c, "hl-m"), contains("#include <vector>"));
        assertThat(tokens(c, "hl-t"), contains("int"));
        assertThat(tokens(render("```kotlin\nval s: String = \"\"\"x\"\"\"\n```"), "hl-k"), contains("val"));
        assertThat(tokens(render("```sql\nSELECT id FROM question -- all\nWHERE title = 'it''s'\n```"), "hl-c"),
                contains("-- all"));
    }

    @Test
    void hostileCodeStaysText() {
        String code = "</code></pre><script>alert(1)</script><img src=x onerror=alert(1)>\n\"<b>\" // <i>x</i>";
        for (String language : List.of("html", "js", "java", "yaml", "sh")) {
            Document html = render("```" + language + "\n" + code + "\n```");
            assertThat(language, html.select("script, img, b, i, pre b, [onerror]"), empty());
            assertThat(language, html.selectFirst("pre > code").wholeText(), equalTo(code + "\n"));
        }
    }

    @Test
    void aHostileLanguageNameStaysOutOfTheMarkup() {
        for (String info : List.of("\"><script>alert(1)</script>", "java\" onmouseover=\"alert(1)",
                "hl-k\"><img src=x onerror=alert(1)>", "x&quot;onclick=&quot;alert(1)")) {
            Document html = render("```" + info + "\nint x;\n```");
            assertThat(info, html.select("script, img, [onmouseover], [onclick]"), empty());
            assertThat(info, html.selectFirst("pre > code").wholeText(), equalTo("int x;\n"));
        }
    }

    @Test
    void spansOutsideCodeBlocksNeverSurvive() {
        // Raw spans in a post stay text; markup the highlighter did not make loses its spans in the sanitizer.
        assertThat(render("<span class=\"hl-k\">x</span>").select("span"), empty());
        String sanitized = MarkdownRenderer.POLICY.sanitize("<p><span class=\"hl-k\">a</span></p><code>"
                + "<span class=\"hl-s\">b</span></code><pre><code><span class=\"hl-k\">c</span>"
                + "<span class=\"other\">d</span></code></pre>");
        Document html = Jsoup.parseBodyFragment(sanitized);
        assertThat(html.select("span").stream().map(Element::outerHtml).toList(),
                contains("<span class=\"hl-k\">c</span>"));
        assertThat(html.select("p, code").eachText(), contains("a", "b", "cd"));
    }

    @Test
    void codeTooDenseToHighlightWithinTheBudgetIsShownPlain() {
        // Every character a token of its own: highlighted it would need some 30 characters of HTML per character.
        String dense = "1,".repeat(14_000);
        Document html = render("```js\n" + dense + "\n```");
        assertThat(html.select("pre > code > span"), empty());
        assertThat(html.selectFirst("pre > code").wholeText(), equalTo(dense + "\n"));
    }

    @Test
    void unterminatedStringsAndCommentsRunOnAsTheyWouldInAnEditor() {
        Document html = render("```java\nString s = \"open\nint x; /* never closed\nint y;\n```");
        assertThat(tokens(html, "hl-s"), contains("\"open"));
        assertThat(tokens(html, "hl-c"), contains("/* never closed\nint y;\n"));
        assertThat(tokens(html, "hl-k"), hasItem("int"));
        assertThat(tokens(html, "hl-k"), not(hasItem("y")));
    }
}
