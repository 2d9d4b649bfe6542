-- The right column's best members read the questions and answers of the last 7 days: author, rating and time
-- of each. With author_id and rating in the created_at indexes that window is an index-only scan instead of a
-- visit to every heap page holding a recent post (on 1M answers: about 200 index pages instead of 3,500 pages).
-- Same names and keys as before, so the question lists that order by (created_at DESC, id DESC) keep their index.
-- rating was indexed on both tables already (question_hot_idx, answer_question_votes_idx), so a vote's
-- update of the counter could not be a HOT update before either: the extra columns cost only index size.
-- Popular tags need no new index: the 3-month window is about a quarter of the questions, and a hash join
-- against one pass over question_tag beats looking each question's tags up (see bench/results/stats-explain.md).
DROP INDEX IF EXISTS answer_created_idx;
CREATE INDEX answer_created_idx ON answer (created_at) INCLUDE (author_id, rating);

DROP INDEX IF EXISTS question_created_idx;
CREATE INDEX question_created_idx ON question (created_at DESC, id DESC) INCLUDE (author_id, rating);
