package org.qasite.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qasite.demo.DemoDataFiller.IdRange;
import org.qasite.demo.DemoDataFiller.Result;
import org.qasite.demo.DemoDataFiller.TableResult;
import org.qasite.markdown.MarkdownRenderer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs the filler against the test database. Other test classes share that database, so every check is limited to the
 * ids the runs reported, and the rows are removed again afterwards.
 */
@QuarkusTest
class DemoDataFillerTest {

    private static final int RATIO = 5;
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    @Inject
    DemoDataFiller filler;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MarkdownRenderer markdown;

    private final List<Result> runs = new ArrayList<>();

    @AfterEach
    void removeDemoRows() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (Result run : runs) {
                // Votes, tags of questions and answers go with their question (ON DELETE CASCADE).
                delete(connection, "DELETE FROM question WHERE id BETWEEN ? AND ?", run.questions());
                delete(connection, "DELETE FROM tag WHERE id BETWEEN ? AND ?", run.tags());
                delete(connection, "DELETE FROM member WHERE id BETWEEN ? AND ?", run.members());
            }
        }
        runs.clear();
    }

    private Result fill(int ratio, boolean ifEmpty) throws SQLException {
        Result result = filler.fill(ratio, ifEmpty, QUIET);
        runs.add(result);
        return result;
    }

    @Test
    void fillsConsistentDemoData() throws SQLException {
        Result result = fill(RATIO, false);
        assertFalse(result.skipped());
        IdRange members = result.members();
        IdRange questions = result.questions();
        IdRange answers = result.answers();
        IdRange tags = result.tags();

        assertEquals(RATIO, count("SELECT count(*) FROM member WHERE id BETWEEN ? AND ?", members));
        assertEquals(RATIO, count("SELECT count(*) FROM tag WHERE id BETWEEN ? AND ?", tags));
        assertEquals(10 * RATIO, count("SELECT count(*) FROM question WHERE id BETWEEN ? AND ?", questions));
        assertEquals(100 * RATIO, count("SELECT count(*) FROM answer WHERE id BETWEEN ? AND ?", answers));
        assertEquals(200 * RATIO,
                count("SELECT count(*) FROM question_vote WHERE question_id BETWEEN ? AND ?", questions)
                        + count("SELECT count(*) FROM answer_vote WHERE answer_id BETWEEN ? AND ?", answers));
        long tagged = count("SELECT count(*) FROM question_tag WHERE question_id BETWEEN ? AND ?", questions);
        assertTrue(tagged >= 10 * RATIO && tagged <= 50 * RATIO, "1 to 5 tags per question: " + tagged);
        assertEquals(0, count("SELECT count(*) FROM question_tag WHERE question_id BETWEEN ? AND ?"
                + " AND tag_id NOT BETWEEN " + tags.first() + " AND " + tags.last(), questions),
                "demo questions only use demo tags");
        // What the run reports is what is in the database.
        assertEquals(List.of((long) RATIO, (long) RATIO, 10L * RATIO, tagged, 100L * RATIO),
                result.tables().stream().limit(5).map(TableResult::rows).toList());
        assertEquals(200 * RATIO, result.tables().get(5).rows() + result.tables().get(6).rows());
        // Each question's author has a notification of every answer another member gave: the inbox is not empty.
        long byOthers = count("SELECT count(*) FROM answer a JOIN question q ON q.id = a.question_id"
                + " WHERE a.id BETWEEN ? AND ? AND a.author_id <> q.author_id", answers);
        assertTrue(byOthers > 0);
        assertEquals(byOthers, result.tables().get(7).rows());
        assertEquals(byOthers, count("SELECT count(*) FROM notification n JOIN answer a ON a.id = n.answer_id"
                + " JOIN question q ON q.id = a.question_id WHERE a.id BETWEEN ? AND ? AND n.kind = 'answer'"
                + " AND n.member_id = q.author_id AND n.actor_id = a.author_id", answers));

        // Denormalised counters equal the rows they count.
        assertEquals(0, count("SELECT count(*) FROM tag t WHERE t.id BETWEEN ? AND ? AND t.questions <>"
                + " (SELECT count(*) FROM question_tag qt WHERE qt.tag_id = t.id)", tags));
        assertEquals(0, count("SELECT count(*) FROM tag_count_delta WHERE tag_id BETWEEN ? AND ?", tags));
        assertEquals(0, count("SELECT count(*) FROM question q WHERE q.id BETWEEN ? AND ? AND q.rating <>"
                + " (SELECT coalesce(sum(v.value), 0) FROM question_vote v WHERE v.question_id = q.id)", questions));
        assertEquals(0, count("SELECT count(*) FROM question q WHERE q.id BETWEEN ? AND ? AND q.answer_count <>"
                + " (SELECT count(*) FROM answer a WHERE a.question_id = q.id)", questions));
        assertEquals(0, count("SELECT count(*) FROM question q WHERE q.id BETWEEN ? AND ? AND q.view_count <="
                + " q.answer_count + (SELECT count(*) FROM question_vote v WHERE v.question_id = q.id)", questions),
                "every demo question was viewed more often than it was answered or voted on");
        assertEquals(0, count("SELECT count(*) FROM answer a WHERE a.id BETWEEN ? AND ? AND a.rating <>"
                + " (SELECT coalesce(sum(v.value), 0) FROM answer_vote v WHERE v.answer_id = a.id)", answers));
        assertTrue(count("SELECT count(*) FROM question WHERE id BETWEEN ? AND ? AND rating <> 0", questions) > 0,
                "the counters are not all zero");

        // Nobody votes on their own post; votes and answers come after what they are about.
        assertEquals(0, count("SELECT count(*) FROM question_vote v JOIN question q ON q.id = v.question_id"
                + " WHERE q.id BETWEEN ? AND ? AND v.member_id = q.author_id", questions));
        assertEquals(0, count("SELECT count(*) FROM answer_vote v JOIN answer a ON a.id = v.answer_id"
                + " WHERE a.id BETWEEN ? AND ? AND v.member_id = a.author_id", answers));
        assertEquals(0, count("SELECT count(*) FROM answer a JOIN question q ON q.id = a.question_id"
                + " WHERE a.id BETWEEN ? AND ? AND a.created_at <= q.created_at", answers));
        assertEquals(0, count("SELECT count(*) FROM question_vote v JOIN question q ON q.id = v.question_id"
                + " WHERE q.id BETWEEN ? AND ? AND v.created_at < q.created_at", questions));
        assertEquals(0, count("SELECT count(*) FROM question WHERE id BETWEEN ? AND ?"
                + " AND created_at NOT BETWEEN now() - interval '366 days' AND now()", questions));

        // Question ids grow with the creation time (the tag page orders by id).
        assertEquals(0, count("SELECT count(*) FROM (SELECT created_at, lag(created_at) OVER (ORDER BY id) AS before"
                + " FROM question WHERE id BETWEEN ? AND ?) t WHERE created_at < before", questions));

        // Accepted answers answer their own question, and some questions have one.
        assertEquals(0, count("SELECT count(*) FROM question q JOIN answer a ON a.id = q.accepted_answer_id"
                + " WHERE q.id BETWEEN ? AND ? AND a.question_id <> q.id", questions));
        assertTrue(result.acceptedAnswers() > 0);
        assertEquals(result.acceptedAnswers(),
                count("SELECT count(*) FROM question WHERE id BETWEEN ? AND ? AND accepted_answer_id IS NOT NULL",
                        questions));

        // The demo titles' words are counted as the trigger counts an asked question's, and the trigger is on again.
        // What the site reads is title_word plus the changes not folded yet (other tests' questions leave some).
        assertEquals(0, value("SELECT count(*) FROM (SELECT w, count(*) AS n FROM question, title_words(title) AS w"
                + " WHERE deleted_at IS NULL GROUP BY w) c FULL JOIN (SELECT word, sum(n) AS n FROM"
                + " (SELECT word, questions AS n FROM title_word UNION ALL SELECT word, d FROM title_word_delta) AS x"
                + " GROUP BY word HAVING sum(n) <> 0) t ON t.word = c.w WHERE t.n IS DISTINCT FROM c.n"),
                "title_word counts every live question's title words");
        assertEquals(1, value("SELECT count(*) FROM pg_trigger WHERE tgname = 'question_title_words'"
                + " AND tgenabled = 'O'"));

        // The HTML is what the site would render from the Markdown.
        for (String table : List.of("question", "answer")) {
            IdRange range = table.equals("question") ? questions : answers;
            List<String[]> bodies = strings("SELECT body, body_html FROM " + table + " WHERE id BETWEEN ? AND ?", range);
            assertEquals(range.last() - range.first() + 1, bodies.size());
            for (String[] body : bodies) {
                assertEquals(markdown.toSafeHtml(body[0]), body[1]);
            }
        }

        // Members can log in with the demo password and have valid, unique names.
        List<String[]> rows = strings("SELECT username, password_hash FROM member WHERE id BETWEEN ? AND ? ORDER BY id",
                members);
        // by id, not by name: "demo-100" sorts before "demo-96"
        assertEquals("demo-" + members.first(), rows.get(0)[0]);
        for (String[] row : rows) {
            assertTrue(row[0].matches("[A-Za-z0-9_.\\-]{3,30}"), row[0]);
        }
        assertTrue(BcryptUtil.matches(DemoDataFiller.DEMO_PASSWORD, rows.get(0)[1]));
        assertEquals(1, count("SELECT count(DISTINCT password_hash) FROM member WHERE id BETWEEN ? AND ?", members));

        // The sequences continue after the demo rows, so the site's next insert gets a free id.
        assertTrue(value("SELECT last_value FROM member_id_seq") >= members.last());
        assertTrue(value("SELECT last_value FROM answer_id_seq") >= answers.last());

        // A second run adds above the first one, with tag names that do not collide.
        Result second = fill(3, false);
        assertTrue(second.members().first() > members.last());
        assertTrue(second.tags().first() > tags.last());
        assertEquals(30, count("SELECT count(*) FROM question WHERE id BETWEEN ? AND ?", second.questions()));

        // With --if-empty nothing is added, since there are members now.
        long before = value("SELECT count(*) FROM member");
        assertTrue(fill(2, true).skipped());
        assertEquals(before, value("SELECT count(*) FROM member"));
    }

    private static void delete(Connection connection, String sql, IdRange range) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, range.first());
            statement.setLong(2, range.last());
            statement.executeUpdate();
        }
    }

    private long count(String sql, IdRange range) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, range.first());
            statement.setLong(2, range.last());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long value(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String[]> strings(String sql, IdRange range) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, range.first());
            statement.setLong(2, range.last());
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
            return rows;
        }
    }
}
