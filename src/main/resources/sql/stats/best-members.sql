-- Sent as it is by StatsQueries and by the benchmarks (bench/stats-explain.sh, bench/baseline).
-- Best members, the 10 members whose questions and answers of the last 7 days have the highest total rating (ties,
-- the most recent post first). An index-only scan of question_created_idx and answer_created_idx (V4, V15).
-- Deleted posts, and the answers of deleted questions, do not count (their author may undelete them: then they do).
SELECT m.username::text, m.display_name, m.avatar_hash, p.score
FROM (SELECT author_id, sum(rating) AS score, max(created_at) AS latest
      FROM (SELECT author_id, rating, created_at FROM question
            WHERE created_at > now() - interval '7 days' AND deleted_at IS NULL
            UNION ALL
            SELECT author_id, rating, created_at FROM answer
            WHERE created_at > now() - interval '7 days' AND deleted_at IS NULL
                  -- few, found from question_deleted_idx (V15)
                  AND question_id NOT IN (SELECT id FROM question WHERE deleted_at IS NOT NULL)) posts
      -- members who deleted their account are no longer listed (their posts stay, under "deleted member")
      WHERE author_id NOT IN (SELECT id FROM member WHERE deleted_at IS NOT NULL)
      GROUP BY author_id
      ORDER BY score DESC, latest DESC
      LIMIT 10) p
JOIN member m ON m.id = p.author_id
ORDER BY p.score DESC, p.latest DESC
