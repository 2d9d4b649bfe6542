package org.qasite.demo;

import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.qasite.demo.DemoDataFiller.TableResult;

/** Writes a demo plan's rows above the reserved ids: each table with COPY, then the accepted answers. */
final class DemoRows {

    private final Connection connection;
    private final CopyManager copy;
    private final PrintStream progress;
    private final DemoPlan plan;
    private final DemoIds ids;
    /** Drawn from table after table: the order in which the tables are written is part of what a seed gives. */
    private final SplittableRandom text;

    DemoRows(Connection connection, PrintStream progress, DemoPlan plan, DemoIds ids, SplittableRandom text)
            throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.progress = progress;
        this.plan = plan;
        this.ids = ids;
        this.text = text;
    }

    TableResult members(String passwordHash) throws SQLException {
        return copyTable("member", "id, username, email, display_name, password_hash, role, mail_answer, created_at,"
                + " email_verified_at",
                plan.members, (rows, bar) -> {
                    for (int m = 0; m < plan.members; m++) {
                        long id = ids.member() + 1 + m;
                        // Answer mail instantly, so that answering a demo question shows its mail in maildev; the
                        // addresses are on the reserved .invalid domain, so a real SMTP server delivers them nowhere.
                        // They count as confirmed, as mail about answers goes only to confirmed addresses.
                        rows.add(id).add("demo-" + id).add("demo-" + id + "@demo.invalid").add(DemoText.displayName(text))
                                .add(passwordHash).add("member").add("instant").addTime(plan.memberCreated[m])
                                .addTime(plan.memberCreated[m]).endRow();
                        bar.step();
                    }
                });
    }

    TableResult tags(List<String> names) throws SQLException {
        return copyTable("tag", "id, name", plan.tags, (rows, bar) -> {
            for (int t = 0; t < plan.tags; t++) {
                rows.add(ids.tag() + 1 + t).add(names.get(t)).endRow();
                bar.step();
            }
        });
    }

    /**
     * Copies the questions with the trigger that counts title words turned off for this transaction, then counts the
     * new titles' words in one statement. Row by row, every question would update the rows of the common words again
     * (thousands of versions of one row in one transaction, each update walking them all): 100,000 questions took
     * longer than half an hour that way. The table stays locked until the fill commits.
     */
    TableResult questions() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE question DISABLE TRIGGER question_title_words");
        }
        TableResult copied = copyQuestions();
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO title_word (word, questions)"
                    + " SELECT w, count(*) FROM question, title_words(title) AS w"
                    + " WHERE id BETWEEN " + (ids.question() + 1) + " AND " + (ids.question() + plan.questions)
                    + " GROUP BY w ORDER BY w"
                    + " ON CONFLICT (word) DO UPDATE SET questions = title_word.questions + EXCLUDED.questions");
            statement.execute("ALTER TABLE question ENABLE TRIGGER question_title_words");
        }
        return copied;
    }

    private TableResult copyQuestions() throws SQLException {
        return copyTable("question", "id, author_id, title, body, body_html, created_at, rating, answer_count, view_count",
                plan.questions, (rows, bar) -> {
                    for (int q = 0; q < plan.questions; q++) {
                        DemoText.Body body = DemoText.questionBody(text);
                        rows.add(ids.question() + 1 + q).add(ids.member() + 1 + plan.questionAuthor[q])
                                .add(DemoText.title(text)).add(body.markdown()).add(body.html())
                                .addTime(plan.questionCreated[q]).add(plan.questionRating[q])
                                .add(plan.questionAnswerCount[q]).add(plan.questionViews[q]).endRow();
                        bar.step();
                    }
                });
    }

    /**
     * Copies the tags of the questions with the trigger that counts each tag's questions turned off, then adds the
     * new rows to the tags' counts in one statement (the demo questions are not deleted).
     */
    TableResult questionTags() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE question_tag DISABLE TRIGGER question_tag_counts");
        }
        TableResult copied = copyQuestionTags();
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE tag t SET questions = t.questions + c.n FROM (SELECT tag_id, count(*) AS n"
                    + " FROM question_tag WHERE question_id BETWEEN " + (ids.question() + 1) + " AND "
                    + (ids.question() + plan.questions) + " GROUP BY tag_id) c WHERE t.id = c.tag_id");
            statement.execute("ALTER TABLE question_tag ENABLE TRIGGER question_tag_counts");
        }
        return copied;
    }

    private TableResult copyQuestionTags() throws SQLException {
        return copyTable("question_tag", "question_id, tag_id", plan.questionTagList.length, (rows, bar) -> {
            for (int q = 0; q < plan.questions; q++) {
                for (int i = plan.questionTagStart[q]; i < plan.questionTagStart[q + 1]; i++) {
                    rows.add(ids.question() + 1 + q).add(ids.tag() + 1 + plan.questionTagList[i]).endRow();
                    bar.step();
                }
            }
        });
    }

    TableResult answers() throws SQLException {
        return copyTable("answer", "id, question_id, author_id, body, body_html, created_at, rating", plan.answers,
                (rows, bar) -> {
                    for (int a = 0; a < plan.answers; a++) {
                        DemoText.Body body = DemoText.answerBody(text);
                        rows.add(ids.answer() + 1 + a).add(ids.question() + 1 + plan.answerQuestion[a])
                                .add(ids.member() + 1 + plan.answerAuthor[a]).add(body.markdown()).add(body.html())
                                .addTime(plan.answerCreated[a]).add(plan.answerRating[a]).endRow();
                        bar.step();
                    }
                });
    }

    TableResult questionVotes() throws SQLException {
        return votes("question_vote", "question_id", ids.question(), plan.questionCreated, plan.questionVoteStart,
                plan.questionVoteList);
    }

    TableResult answerVotes() throws SQLException {
        return votes("answer_vote", "answer_id", ids.answer(), plan.answerCreated, plan.answerVoteStart,
                plan.answerVoteList);
    }

    private TableResult votes(String table, String postColumn, long postBase, long[] postCreated, int[] starts,
            int[] votes) throws SQLException {
        return copyTable(table, postColumn + ", member_id, value, created_at", votes.length, (rows, bar) -> {
            for (int p = 0; p < postCreated.length; p++) {
                for (int i = starts[p]; i < starts[p + 1]; i++) {
                    int vote = votes[i];
                    rows.add(postBase + 1 + p).add(ids.member() + 1 + DemoPlan.voter(vote)).add(DemoPlan.value(vote))
                            .addTime(plan.voteTime(text, postCreated[p], vote)).endRow();
                    bar.step();
                }
            }
        });
    }

    /** Streams one table's {@code total} rows with COPY under a progress bar named after the table. */
    private TableResult copyTable(String table, String columns, long total, TableRows writer) throws SQLException {
        try (CopyWriter rows = new CopyWriter(copy, table, columns)) {
            Progress bar = new Progress(progress, table, total);
            writer.write(rows, bar);
            return new TableResult(table, rows.finish(), bar.finish());
        }
    }

    /** Writes a table's rows, stepping the bar once a row. */
    private interface TableRows {
        void write(CopyWriter rows, Progress bar) throws SQLException;
    }

    /**
     * Tells each question's author of the answers others gave, as the notifications group does for new ones, so that
     * the demo members' inboxes are not empty: the answers of the last three days unread, the older ones read an hour
     * after they came.
     */
    TableResult notifications() throws SQLException {
        Progress bar = new Progress(progress, "notification", 1);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO notification (member_id, event_id, kind, question_id, answer_id, actor_id, created_at, read_at)
                SELECT q.author_id, gen_random_uuid(), 'answer', q.id, a.id, a.author_id, a.created_at,
                       CASE WHEN a.created_at < now() - interval '3 days' THEN a.created_at + interval '1 hour' END
                FROM answer a JOIN question q ON q.id = a.question_id
                WHERE a.id BETWEEN ? AND ? AND a.author_id <> q.author_id""")) {
            insert.setLong(1, ids.answer() + 1);
            insert.setLong(2, ids.answer() + plan.answers);
            long made = insert.executeUpdate();
            bar.step();
            return new TableResult("notification", made, bar.finish());
        }
    }

    /**
     * Sets the accepted answers and answers how many were set. They are set once the answers exist: question and answer
     * reference each other, and the foreign keys are checked row by row, so neither table can be loaded with its
     * reference in place.
     */
    long acceptAnswers() throws SQLException {
        List<Long> questionIds = new ArrayList<>();
        List<Long> answerIds = new ArrayList<>();
        for (int q = 0; q < plan.questions; q++) {
            if (plan.questionAccepted[q] >= 0) {
                questionIds.add(ids.question() + 1 + q);
                answerIds.add(ids.answer() + 1 + plan.questionAccepted[q]);
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE question q SET accepted_answer_id = a.answer_id"
                + " FROM unnest(?, ?) AS a(question_id, answer_id) WHERE q.id = a.question_id")) {
            Array questions = connection.createArrayOf("bigint", questionIds.toArray());
            Array answers = connection.createArrayOf("bigint", answerIds.toArray());
            update.setArray(1, questions);
            update.setArray(2, answers);
            return update.executeUpdate();
        }
    }
}
