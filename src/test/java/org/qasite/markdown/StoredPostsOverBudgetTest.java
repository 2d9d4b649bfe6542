package org.qasite.markdown;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Answer;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Posts stored before the budget: migration V9 replaces HTML far over it by a notice and leaves every other post as it
 * was. (Flyway ran it on an empty database at start; here its statements run again over posts made for it.)
 */
@QuarkusTest
class StoredPostsOverBudgetTest {

    @Inject
    TestData data;

    @Test
    void htmlFarOverTheBudgetIsReplacedAndOrdinaryPostsStay() throws IOException {
        Member author = data.member("oldposts");
        Question question = data.question(author, "A question from before the budget");
        Answer table = data.answer(author, question, "| a | b |\n|---|---|\n| 1 | 2 |");
        Answer ordinary = data.answer(author, question, "An ordinary answer with `code`.");
        // as a 300×300 table rendered by the old parser: 820 KB of cells from a few KB of text
        data.execute("UPDATE answer SET body_html = ?1 WHERE id = ?2", "<td></td>".repeat(100_000), table.id);
        String ordinaryHtml = data.text("SELECT body_html FROM answer WHERE id = ?1", ordinary.id);
        String questionHtml = data.text("SELECT body_html FROM question WHERE id = ?1", question.id);

        for (String statement : migration().replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                data.execute(statement);
            }
        }

        assertThat(data.text("SELECT body_html FROM answer WHERE id = ?1", table.id),
                equalTo("<p><em>This answer is too large to show as it was written.</em></p>"));
        assertThat("its Markdown stays, for an edit", data.text("SELECT body FROM answer WHERE id = ?1", table.id),
                equalTo("| a | b |\n|---|---|\n| 1 | 2 |"));
        assertThat(data.text("SELECT body_html FROM answer WHERE id = ?1", ordinary.id), equalTo(ordinaryHtml));
        assertThat(data.text("SELECT body_html FROM question WHERE id = ?1", question.id), equalTo(questionHtml));
    }

    private static String migration() throws IOException {
        try (InputStream in = StoredPostsOverBudgetTest.class
                .getResourceAsStream("/db/migration/V9__posts_over_the_html_budget.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
