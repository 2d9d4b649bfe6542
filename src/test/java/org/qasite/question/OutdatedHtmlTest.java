package org.qasite.question;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.qasite.testsupport.Pages.hasElement;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;
import org.qasite.testsupport.WebSession;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Posts stored before code highlighting (and before keys and collapsible sections were allowed) show them once the
 * background job has rendered them again; new posts need no second rendering, and a post over today's budget keeps
 * what it showed.
 */
@QuarkusTest
class OutdatedHtmlTest {

    @Inject
    TestData data;

    @Inject
    OutdatedHtml outdated;

    @Test
    void anOldAnswerWithCodeIsHighlightedAfterTheJobRan() {
        Question question = data.question(data.member("old-asker"), "How did people write code blocks back then?");
        Answer answer = data.answer(data.member("old-answerer"), question,
                "Like this:\n\n```sql\nSELECT 1;\n```\n\nPress <kbd>Enter</kbd>.");
        assertThat("a new answer is current at once",
                data.count("SELECT html_version FROM answer WHERE id = ?1", answer.id), equalTo(1L));
        // as the renderer before highlighting stored it
        data.execute("UPDATE answer SET html_version = 0, body_html = ?1 WHERE id = ?2",
                "<p>Like this:</p>\n<pre><code class=\"language-sql\">SELECT 1;\n</code></pre>\n"
                        + "<p>Press &lt;kbd&gt;Enter&lt;/kbd&gt;.</p>",
                answer.id);
        Document before = page(question);
        assertThat(before.select("#answers pre span").size(), equalTo(0));

        assertThat(outdated.renderAll(), greaterThanOrEqualTo(1));

        Document after = page(question);
        assertThat(after, hasElement("#answers pre > code.language-sql > span.hl-k", equalTo("SELECT")));
        assertThat(after, hasElement("#answers kbd", equalTo("Enter")));
        assertThat(data.count("SELECT html_version FROM answer WHERE id = ?1", answer.id), equalTo(1L));
        assertThat("nothing is left to do", outdated.renderAll(), equalTo(0));
    }

    @Test
    void anOldPostOverTodaysBudgetKeepsWhatItShows() {
        Question question = data.question(data.member("old-big-asker"), "A question stored long ago");
        String notice = "<p><em>This question is too large to show as it was written.</em></p>";
        data.execute("UPDATE question SET html_version = 0, body = ?1, body_html = ?2 WHERE id = ?3",
                "| a ".repeat(60) + "|\n" + "|---".repeat(60) + "|\n", notice, question.id);

        outdated.renderAll();

        assertThat(data.text("SELECT body_html FROM question WHERE id = ?1", question.id), equalTo(notice));
        assertThat(data.count("SELECT html_version FROM question WHERE id = ?1", question.id), equalTo(1L));
    }

    private static Document page(Question question) {
        return Pages.document(WebSession.visitor().get(question.path()).then().statusCode(200).extract().response());
    }
}
