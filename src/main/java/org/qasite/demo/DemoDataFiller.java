package org.qasite.demo;

import java.io.PrintStream;
import java.sql.Connection;
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

import org.qasite.markdown.MarkdownRenderer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Fills the database with demo data: ratio N gives N members, N tags, 10·N questions, 100·N answers and 200·N votes
 * spread over the last year (see docs/demo-data.md).
 * <p>
 * Everything is planned in memory ({@link DemoPlan}), then streamed with COPY in one transaction, so a failed run
 * leaves nothing behind. Ids are taken above everything that exists, so the data can be added to a database in use.
 * <p>
 * This class runs the steps in their transaction: {@link DemoIds} reserves the ids, {@link DemoRows} writes the rows.
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
            return DemoSummary.table(this);
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
                statement.execute(
                        "ANALYZE member, tag, question, question_tag, answer, question_vote, answer_vote, notification");
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
        DemoIds ids = DemoIds.reserve(connection, ratio);

        long planStarted = System.nanoTime();
        // Seeded by where the ids start, so the same database state always gets the same data (apart from the dates).
        DemoPlan plan = DemoPlan.create(ratio, SEED ^ ids.member(), System.currentTimeMillis());
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

        DemoRows rows = new DemoRows(connection, progress, plan, ids,
                new SplittableRandom(SEED ^ ids.member() ^ 0x7465787400L));
        List<TableResult> tables = new ArrayList<>();
        tables.add(rows.members(passwordHash));
        tables.add(rows.tags(tagNames));
        tables.add(rows.questions());
        tables.add(rows.questionTags());
        tables.add(rows.answers());
        tables.add(rows.questionVotes());
        tables.add(rows.answerVotes());
        long accepted = rows.acceptAnswers();
        tables.add(rows.notifications());
        return new Result(false, new IdRange(ids.member() + 1, ids.member() + plan.members),
                new IdRange(ids.tag() + 1, ids.tag() + plan.tags),
                new IdRange(ids.question() + 1, ids.question() + plan.questions),
                new IdRange(ids.answer() + 1, ids.answer() + plan.answers), tables, accepted, planSeconds, 0, 0);
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
