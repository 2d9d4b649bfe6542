-- The unread counts of notifications leave out those whose question, answer or comment was deleted: they look the
-- deleted ones up in these small indexes instead of joining every notification to its posts.
CREATE INDEX answer_deleted_idx ON answer (id) WHERE deleted_at IS NOT NULL;
CREATE INDEX comment_deleted_idx ON comment (id) WHERE deleted_at IS NOT NULL;
