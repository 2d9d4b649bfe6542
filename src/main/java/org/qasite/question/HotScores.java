package org.qasite.question;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.qasite.lock.RedisLocks;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Recomputes "hot": each question's score is the sum of its recent activity, each part halved for every half-life
 * of age: its own asking (1), each answer not deleted ({@code answerWeight}), each vote on it or on its answers (its
 * value), and its views ({@code viewWeight} each, counted as a decayed running total since views carry no time).
 * Activity older than the window counts nothing. Ranking by a score taken at one moment orders questions as the
 * decayed sum would at any later moment until the next recompute, so a stored column serves /hot from an index.
 * One instance at a time recomputes, under a lock in the locks database.
 */
@ApplicationScoped
public class HotScores {

    static final String LOCK_KEY = "qa:lock:hot-scores";

    /**
     * Scores that moved by less than this share of themselves (or by less than 0.001) are not written: a quiet question
     * only decays, by a fraction of a percent between two recomputes, and rewriting every row each time (hot_score is
     * indexed, so no update is HOT) costs far more than a ranking a few percent behind its decay until the next write.
     * Views not yet counted stay uncounted (hot_views_seen is not moved), so they add up until they matter.
     */
    static final double EPSILON = 0.02;

    /** :h half-life in seconds, :w window in seconds, :a answer weight, :v view weight, :e {@link #EPSILON}. */
    private static final String RECOMPUTE = """
            WITH recent AS (
                SELECT q.id AS question_id, q.created_at AS at, 1.0 AS weight
                  FROM question q WHERE q.created_at > now() - make_interval(secs => :w) AND q.deleted_at IS NULL
                UNION ALL
                SELECT a.question_id, a.created_at, :a
                  FROM answer a WHERE a.created_at > now() - make_interval(secs => :w) AND a.deleted_at IS NULL
                UNION ALL
                SELECT v.question_id, v.created_at, v.value
                  FROM question_vote v WHERE v.created_at > now() - make_interval(secs => :w)
                UNION ALL
                SELECT a.question_id, v.created_at, v.value
                  FROM answer_vote v JOIN answer a ON a.id = v.answer_id
                 WHERE v.created_at > now() - make_interval(secs => :w) AND a.deleted_at IS NULL
            ), scores AS (
                SELECT question_id, sum(weight * power(0.5, extract(epoch FROM now() - at) / :h)) AS score
                  FROM recent GROUP BY question_id
            ), views AS (
                SELECT q.id, q.hot_views * power(0.5, extract(epoch FROM now() - q.hot_at) / :h) + (q.view_count - q.hot_views_seen) AS hot_views,
                       q.view_count
                  FROM question q WHERE q.hot_views > 0.01 OR q.view_count > q.hot_views_seen
                     OR q.id IN (SELECT question_id FROM scores) OR q.hot_score <> 0
            ), fresh AS (
                SELECT v.id, v.view_count, CASE WHEN v.hot_views > 0.01 THEN v.hot_views ELSE 0 END AS hot_views,
                       coalesce(s.score, 0) + :v * (CASE WHEN v.hot_views > 0.01 THEN v.hot_views ELSE 0 END) AS score
                  FROM views v LEFT JOIN scores s ON s.question_id = v.id
            )
            UPDATE question q
               SET hot_score = f.score, hot_views = f.hot_views, hot_views_seen = f.view_count, hot_at = now()
              FROM fresh f
             WHERE q.id = f.id
               AND (abs(f.score - q.hot_score) > greatest(:e * abs(q.hot_score), 0.001) OR (f.score = 0 AND q.hot_score <> 0))
            """;

    private final EntityManager em;
    private final HotConfig config;
    private final RedisLocks locks;

    HotScores(EntityManager em, HotConfig config, RedisLocks locks) {
        this.em = em;
        this.config = config;
        this.locks = locks;
    }

    @Scheduled(every = "${qa.hot.interval}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        locks.runExclusively(LOCK_KEY, config.lockTtl(), () -> {
            try {
                recompute();
            } catch (RuntimeException e) {
                Log.warnf("Hot scores not recomputed: %s", e);
            }
        });
    }

    /** Recomputes every score that changed; returns how many rows it wrote. */
    @Transactional
    public int recompute() {
        return em.createNativeQuery(RECOMPUTE)
                .setParameter("h", (double) config.halfLife().toSeconds())
                .setParameter("w", (double) config.window().toSeconds())
                .setParameter("a", config.answerWeight())
                .setParameter("v", config.viewWeight())
                .setParameter("e", EPSILON)
                .executeUpdate();
    }
}
