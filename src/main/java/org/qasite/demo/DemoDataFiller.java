package org.qasite.demo;

import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.qasite.markdown.MarkdownRenderer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Fills the database with demo data: ratio N gives N members, N tags, 10·N questions, 100·N answers and 200·N votes
 * spread over the last year (see docs/demo-data.md).
 * <p>
 * Everything is planned in memory ({@link DemoPlan}), then streamed with COPY in one transaction, so a failed run
 * leaves nothing behind. Ids are taken above everything that exists, so the data can be added to a database in use.
 */
@ApplicationScoped
public class DemoDataFiller {

    /** The password of every demo member. */
    public static final String DEMO_PASSWORD = "demo-password";
    /** The largest ratio: 100 million answers, about 320 million rows, is far more than a demo needs. */
    public static final int MAX_RATIO = 1_000_000;

    /** Keeps two fill-db runs (say two instances starting with --if-empty) from filling the same database twice. */
    private static final long LOCK_KEY = 0x71612d66696c6cL;
    private static final int BCRYPT_COST = 12;
    private static final long SEED = 20_240_601L;

    private final AgroalDataSource dataSource;
    private final MarkdownRenderer markdown;

    DemoDataFiller(AgroalDataSource dataSource, MarkdownRenderer markdown) {
        this.dataSource = dataSource;
        this.markdown = markdown;
    }

    /** The ids a run used, from first to last; empty when first is greater than last. */
    public record IdRange(long first, long last) {
    }

    /** Rows written to a table, and how long it took. */
    public record TableResult(String table, long rows, double seconds) {
    }

    /** What a run did. */
    public record Result(boolean skipped, IdRange members, IdRange tags, IdRange questions, IdRange answers,
            List<TableResult> tables, long acceptedAnswers, double planSeconds, double analyzeSeconds,
            double seconds) {

        static Result skippedRun() {
            IdRange none = new IdRange(1, 0);
            return new Result(true, none, none, none, none, List.of(), 0, 0, 0, 0);
        }

        public long rows() {
            return tables.stream().mapToLong(TableResult::rows).sum();
        }

        /** A plain-text table of rows and timings per table. */
        public String summary() {
            StringBuilder out = new StringBuilder();
            String format = "%-16s %13s %9s %12s%n";
            out.append(String.format(Locale.ROOT, format, "table", "rows", "seconds", "rows/s"));
            out.append(String.format(Locale.ROOT, format, "(plan in memory)", "", seconds(planSeconds), ""));
            for (TableResult table : tables) {
                out.append(String.format(Locale.ROOT, format, table.table(), count(table.rows()), seconds(table.seconds()),
                        count(Math.round(table.rows() / Math.max(table.seconds(), 1e-3)))));
            }
            out.append(String.format(Locale.ROOT, format, "(accepted)", count(acceptedAnswers), "", ""));
            out.append(String.format(Locale.ROOT, format, "(analyze)", "", seconds(analyzeSeconds), ""));
            out.append(String.format(Locale.ROOT, format, "total", count(rows()), seconds(seconds),
                    count(Math.round(rows() / Math.max(seconds, 1e-3)))));
            return out.toString();
        }

        private static String count(long value) {
            return String.format(Locale.ROOT, "%,d", value);
        }

        private static String seconds(double value) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
    }

    /**
     * Adds the demo data of the given ratio, or does nothing when {@code ifEmpty} is set and there are members already.
     * Progress bars go to {@code progress}.
     */
    public Result fill(int ratio, boolean ifEmpty, PrintStream progress) throws SQLException {
        if (ratio < 1 || ratio > MAX_RATIO) {
            throw new IllegalArgumentException("The ratio must be between 1 and " + MAX_RATIO + ", not " + ratio + ".");
        }
        long started = System.nanoTime();
        checkRenderer();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Result result;
            try {
                result = load(connection, ratio, ifEmpty, progress);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            if (result.skipped()) {
                return result;
            }
            // Outside the loading transaction: the statistics describe committed data, and no lock is held meanwhile.
            Progress bar = new Progress(progress, "analyze", 1);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE member, tag, question, question_tag, answer, question_vote, answer_vote");
            }
            bar.step();
            double analyzeSeconds = bar.finish();
            return new Result(false, result.members(), result.tags(), result.questions(), result.answers(),
                    result.tables(), result.acceptedAnswers(), result.planSeconds(), analyzeSeconds,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private Result load(Connection connection, int ratio, boolean ifEmpty, PrintStream progress) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            if (ifEmpty) {
                try (ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM member)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Result.skippedRun();
                    }
                }
            }
        }
        long memberBase = reserveIds(connection, "member", ratio);
        long tagBase = reserveIds(connection, "tag", ratio);
        long questionBase = reserveIds(connection, "question", 10 * ratio);
        long answerBase = reserveIds(connection, "answer", 100 * ratio);

        long planStarted = System.nanoTime();
        // Seeded by where the ids start, so the same database state always gets the same data (apart from the dates).
        DemoPlan plan = DemoPlan.create(ratio, SEED ^ memberBase, System.currentTimeMillis());
        Set<String> takenTags = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name FROM tag")) {
            while (rs.next()) {
                takenTags.add(rs.getString(1));
            }
        }
        List<String> tagNames = DemoText.tagNames(plan.tags, takenTags);
        // One hash for all members: bcrypt at cost 12 takes a quarter of a second, far too long to repeat per member.
        String passwordHash = BcryptUtil.bcryptHash(DEMO_PASSWORD, BCRYPT_COST);
        double planSeconds = (System.nanoTime() - planStarted) / 1e9;
        progress.printf(Locale.ROOT, "%-14s %,d rows planned in %.1f s%n", "plan", plan.rows(), planSeconds);

        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<TableResult> tables = new ArrayList<>();
        SplittableRandom text = new SplittableRandom(SEED ^ memberBase ^ 0x7465787400L);

        try (CopyWriter rows = new CopyWriter(copy, "member",
                "id, username, email, display_name, password_hash, role, notify_answers, created_at")) {
            Progress bar = new Progress(progress, "member", plan.members);
            for (int m = 0; m < plan.members; m++) {
                long id = memberBase + 1 + m;
                // Answer notifications on, so that answering a demo question shows its mail in maildev; the
                // addresses are on the reserved .invalid domain, so a real SMTP server delivers them nowhere.
                rows.add(id).add("demo-" + id).add("demo-" + id + "@demo.invalid").add(DemoText.displayName(text))
                        .add(passwordHash).add("member").add(true).addTime(plan.memberCreated[m]).endRow();
                bar.step();
            }
            tables.add(new TableResult("member", rows.finish(), bar.finish()));
        }

        try (CopyWriter rows = new CopyWriter(copy, "tag", "id, name")) {
            Progress bar = new Progress(progress, "tag", plan.tags);
            for (int t = 0; t < plan.tags; t++) {
                rows.add(tagBase + 1 + t).add(tagNames.get(t)).endRow();
                bar.step();
            }
            tables.add(new TableResult("tag", rows.finish(), bar.finish()));
        }

        try (CopyWriter rows = new CopyWriter(copy, "question",
                "id, author_id, title, body, body_html, created_at, rating, answer_count, view_count")) {
            Progress bar = new Progress(progress, "question", plan.questions);
            for (int q = 0; q < plan.questions; q++) {
                DemoText.Body body = DemoText.questionBody(text);
                rows.add(questionBase + 1 + q).add(memberBase + 1 + plan.questionAuthor[q]).add(DemoText.title(text))
                        .add(body.markdown()).add(body.html()).addTime(plan.questionCreated[q])
                        .add(plan.questionRating[q]).add(plan.questionAnswerCount[q]).add(plan.questionViews[q]).endRow();
                bar.step();
            }
            tables.add(new TableResult("question", rows.finish(), bar.finish()));
        }

        try (CopyWriter rows = new CopyWriter(copy, "question_tag", "question_id, tag_id")) {
            Progress bar = new Progress(progress, "question_tag", plan.questionTagList.length);
            for (int q = 0; q < plan.questions; q++) {
                for (int i = plan.questionTagStart[q]; i < plan.questionTagStart[q + 1]; i++) {
                    rows.add(questionBase + 1 + q).add(tagBase + 1 + plan.questionTagList[i]).endRow();
                    bar.step();
                }
            }
            tables.add(new TableResult("question_tag", rows.finish(), bar.finish()));
        }

        try (CopyWriter rows = new CopyWriter(copy, "answer",
                "id, question_id, author_id, body, body_html, created_at, rating")) {
            Progress bar = new Progress(progress, "answer", plan.answers);
            for (int a = 0; a < plan.answers; a++) {
                DemoText.Body body = DemoText.answerBody(text);
                rows.add(answerBase + 1 + a).add(questionBase + 1 + plan.answerQuestion[a])
                        .add(memberBase + 1 + plan.answerAuthor[a]).add(body.markdown()).add(body.html())
                        .addTime(plan.answerCreated[a]).add(plan.answerRating[a]).endRow();
                bar.step();
            }
            tables.add(new TableResult("answer", rows.finish(), bar.finish()));
        }

        tables.add(copyVotes(copy, progress, plan, text, "question_vote", "question_id", questionBase,
                plan.questionCreated, plan.questionVoteStart, plan.questionVoteList, memberBase));
        tables.add(copyVotes(copy, progress, plan, text, "answer_vote", "answer_id", answerBase, plan.answerCreated,
                plan.answerVoteStart, plan.answerVoteList, memberBase));

        long accepted = setAcceptedAnswers(connection, plan, questionBase, answerBase);
        return new Result(false, new IdRange(memberBase + 1, memberBase + plan.members),
                new IdRange(tagBase + 1, tagBase + plan.tags), new IdRange(questionBase + 1, questionBase + plan.questions),
                new IdRange(answerBase + 1, answerBase + plan.answers), tables, accepted, planSeconds, 0, 0);
    }

    private static TableResult copyVotes(CopyManager copy, PrintStream progress, DemoPlan plan, SplittableRandom random,
            String table, String postColumn, long postBase, long[] postCreated, int[] starts, int[] votes,
            long memberBase) throws SQLException {
        try (CopyWriter rows = new CopyWriter(copy, table, postColumn + ", member_id, value, created_at")) {
            Progress bar = new Progress(progress, table, votes.length);
            for (int p = 0; p < postCreated.length; p++) {
                for (int i = starts[p]; i < starts[p + 1]; i++) {
                    int vote = votes[i];
                    rows.add(postBase + 1 + p).add(memberBase + 1 + DemoPlan.voter(vote)).add(DemoPlan.value(vote))
                            .addTime(plan.voteTime(random, postCreated[p], vote)).endRow();
                    bar.step();
                }
            }
            return new TableResult(table, rows.finish(), bar.finish());
        }
    }

    /**
     * The accepted answers are set once the answers exist: question and answer reference each other, and the foreign
     * keys are checked row by row, so neither table can be loaded with its reference in place.
     */
    private static long setAcceptedAnswers(Connection connection, DemoPlan plan, long questionBase, long answerBase)
            throws SQLException {
        List<Long> questionIds = new ArrayList<>();
        List<Long> answerIds = new ArrayList<>();
        for (int q = 0; q < plan.questions; q++) {
            if (plan.questionAccepted[q] >= 0) {
                questionIds.add(questionBase + 1 + q);
                answerIds.add(answerBase + 1 + plan.questionAccepted[q]);
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

    /**
     * Returns the highest id used or handed out in the table, and moves its sequence past the {@code count} ids that
     * follow. Setting the sequence first (setval is not undone by a rollback) keeps the site, if it runs meanwhile, from
     * taking one of those ids; a failed run only leaves a gap.
     */
    private static long reserveIds(Connection connection, String table, int count) throws SQLException {
        long base;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT greatest((SELECT coalesce(max(id), 0) FROM " + table
                        + "), (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + table
                        + "_id_seq))")) {
            rs.next();
            base = rs.getLong(1);
        }
        try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?::regclass, ?)")) {
            setval.setString(1, table + "_id_seq");
            setval.setLong(2, base + count);
            setval.execute();
        }
        return base;
    }

    /**
     * Makes sure the HTML written next to each body is what the site's renderer makes of it, on a sample: the demo
     * text avoids all Markdown syntax, but a change to the renderer could still render plain paragraphs differently.
     */
    private void checkRenderer() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 200; i++) {
            DemoText.Body body = i % 2 == 0 ? DemoText.questionBody(random) : DemoText.answerBody(random);
            String expected = markdown.toSafeHtml(body.markdown());
            if (!expected.equals(body.html())) {
                throw new IllegalStateException("The demo text renders differently from the site's Markdown renderer:\n"
                        + body.markdown() + "\nrenders as\n" + expected + "\nnot\n" + body.html());
            }
        }
    }
}
