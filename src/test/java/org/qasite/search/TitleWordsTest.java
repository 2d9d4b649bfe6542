package org.qasite.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.CountFolds;
import org.qasite.question.Question;
import org.qasite.testsupport.Pages;
import org.qasite.testsupport.TestData;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The title words behind "did you mean" follow concurrent asking and editing without a deadlock or a wrong count. */
@QuarkusTest
class TitleWordsTest {

    static final int ROUNDS = 150;

    @Inject
    TestData data;

    @Inject
    CountFolds folds;

    @Inject
    AgroalDataSource dataSource;

    /** Letters only: title words keep no digits. */
    static String letters(long n) {
        StringBuilder s = new StringBuilder();
        for (char c : Long.toString(n, 26).toCharArray()) {
            s.append((char) (Character.isDigit(c) ? 'a' + (c - '0') : c + 10));
        }
        return s.toString();
    }

    @Test
    void editsAndQuestionsAskedMeanwhileTakeTheirWordsInOneOrder() throws Exception {
        String tail = letters(System.nanoTime() % 100_000_000);
        String a = "wa" + tail, b = "wb" + tail, c = "wc" + tail, d = "wd" + tail, e = "we" + tail;
        Member author = data.member("worded");
        Question edited = data.question(author, b + " " + d);
        Question other = data.question(author, c + " " + e);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        // Each edit gives up the words of one title and takes those of another; the questions asked meanwhile take
        // words that cross them, so that the old rule (old words locked first, new ones after) meets them in the
        // other order.
        pool.submit(() -> run(start, failures, i -> data.execute("UPDATE question SET title = ?1 WHERE id = ?2",
                i % 2 == 0 ? a + " " + c : b + " " + d, edited.id)));
        pool.submit(() -> run(start, failures, i -> data.execute("UPDATE question SET title = ?1 WHERE id = ?2",
                i % 2 == 0 ? a + " " + d : c + " " + e, other.id)));
        pool.submit(() -> run(start, failures, i -> data.question(author, i % 2 == 0 ? a + " " + d : e + " " + b)));
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES), equalTo(true));

        assertThat(failures.stream().map(Throwable::toString).toList(), empty());
        folds.fold();
        for (String word : List.of(a, b, c, d, e)) {
            long titles = data.count("SELECT count(*) FROM question WHERE deleted_at IS NULL"
                    + " AND ?1 IN (SELECT title_words(title))", word);
            long kept = data.count("SELECT coalesce(sum(questions), 0) FROM title_word WHERE word = ?1", word);
            assertThat(word, kept, equalTo(titles));
        }
    }

    @Test
    void twoQuestionsAskedAtOnceWithACommonWordDoNotWaitForEachOther() throws Exception {
        String common = "wf" + letters(System.nanoTime() % 100_000_000);
        Member author = data.member("worded");
        data.question(author, "Folding the " + common + " once"); // the word has its row in title_word
        folds.fold();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insertQuestion(first, author, "Asking about " + common + " first");
            // Before, the first asking transaction held the row of the word until it committed: this one waited.
            try (Statement statement = second.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '10s'");
            }
            insertQuestion(second, author, "Asking about " + common + " second");
            second.commit();
            first.commit();
        }
        folds.fold();
        assertThat(data.count("SELECT questions FROM title_word WHERE word = ?1", common), equalTo(3L));
        assertThat(data.count("SELECT count(*) FROM title_word_delta WHERE word = ?1", common), equalTo(0L));
    }

    @Test
    void aNewTitlesWordIsOfferedBeforeAndAfterTheFold() {
        String word = "wg" + letters(System.nanoTime() % 100_000_000);
        String typo = word.substring(0, 3) + word.substring(4); // a letter left out
        data.question(data.member("worded"), "Spelling " + word + " right");
        assertThat(suggestion(typo), equalTo(word));
        folds.fold();
        assertThat(data.count("SELECT questions FROM title_word WHERE word = ?1", word), equalTo(1L));
        assertThat(suggestion(typo), equalTo(word));
    }

    private static String suggestion(String typed) {
        Document page = Pages.document(given().get("/search?q=" + typed).then().statusCode(200).extract().response());
        return Pages.one(page, "#search-did-you-mean a").text();
    }

    private static void insertQuestion(Connection connection, Member author, String title) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO question (author_id, title, body,"
                + " body_html, created_at) VALUES (?, ?, 'A body.', '<p>A body.</p>', now())")) {
            insert.setLong(1, author.id);
            insert.setString(2, title);
            insert.executeUpdate();
        }
    }

    interface Round {
        void run(int i);
    }

    private static void run(CountDownLatch start, List<Throwable> failures, Round round) {
        try {
            start.await();
            for (int i = 0; i < ROUNDS && failures.isEmpty(); i++) {
                round.run(i);
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }
}
