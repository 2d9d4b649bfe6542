-- Deleted posts leave the right column (sql/stats/best-members.sql, popular-tags.sql). Its windows are index-only
-- scans of the created_at indexes (V4); with deleted_at in them (null, so a bit in the row's null bitmap, on all but a
-- few rows) they stay index-only. Answers of a deleted question leave too: the answer index gets the question's id,
-- and the deleted questions, few, are found from a partial index, as deleted members are (V12).
-- Same names and keys as before, so the question lists keep their index (and count the questions they list, those
-- with deleted_at null, by an index-only scan of question_created_idx); a deletion is not a HOT update, and is rare.
DROP INDEX IF EXISTS answer_created_idx;
CREATE INDEX answer_created_idx ON answer (created_at) INCLUDE (author_id, rating, question_id, deleted_at);

DROP INDEX IF EXISTS question_created_idx;
CREATE INDEX question_created_idx ON question (created_at DESC, id DESC) INCLUDE (author_id, rating, deleted_at);

CREATE INDEX question_deleted_idx ON question (id) WHERE deleted_at IS NOT NULL;
