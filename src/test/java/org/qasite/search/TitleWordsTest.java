package org.qasite.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.qasite.member.Member;
import org.qasite.question.Question;
import org.qasite.testsupport.TestData;

import io.quarkus.test.junit.QuarkusTest;

/** The title words behind "did you mean" follow concurrent asking and editing without a deadlock or a wrong count. */
@QuarkusTest
class TitleWordsTest {

    static final int ROUNDS = 150;

    @Inject
    TestData data;

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
        for (String word : List.of(a, b, c, d, e)) {
            long titles = data.count("SELECT count(*) FROM question WHERE deleted_at IS NULL"
                    + " AND ?1 IN (SELECT title_words(title))", word);
            long kept = data.count("SELECT coalesce(sum(questions), 0) FROM title_word WHERE word = ?1", word);
            assertThat(word, kept, equalTo(titles));
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
