-- Sent as it is by StatsQueries and by the benchmarks (bench/stats-explain.sh, bench/baseline).
-- Popular tags, the 10 tags with the most questions asked in the last 3 months (deleted questions do not count).
-- Counted per tag id first and only then joined to the tag names (unique, so the same groups). The join and the
-- aggregate handle narrow rows, and only the few thousand counted tags meet the tag table.
SELECT t.name, c.questions
FROM (SELECT qt.tag_id, count(*) AS questions
      FROM question q
      JOIN question_tag qt ON qt.question_id = q.id
      WHERE q.created_at > now() - interval '3 months' AND q.deleted_at IS NULL
      GROUP BY qt.tag_id) c
JOIN tag t ON t.id = c.tag_id
ORDER BY c.questions DESC, t.name
LIMIT 10
