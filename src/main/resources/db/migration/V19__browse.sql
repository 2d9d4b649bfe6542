-- Browsing: the tag list and a tag's description, unanswered questions, and "hot" by recent activity.

-- A tag's description, shown on its page when set (editing it comes later).
ALTER TABLE tag ADD COLUMN description text CHECK (length(description) <= 2000);
-- /tags?q= matches the start of a name without case: a prefix LIKE on lower(name) uses this index.
CREATE INDEX tag_name_prefix_idx ON tag (lower(name) text_pattern_ops);

-- "Hot" by recent activity, recomputed on a schedule (org.qasite.question.HotScores): hot_score is the decayed sum of
-- the question's recent votes, answers and views; hot_views the decayed count of views, hot_views_seen the view count
-- it was last brought up to, at hot_at. Views counted before this migration are not recent.
ALTER TABLE question
    ADD COLUMN hot_score double precision NOT NULL DEFAULT 0,
    ADD COLUMN hot_views double precision NOT NULL DEFAULT 0,
    ADD COLUMN hot_views_seen bigint NOT NULL DEFAULT 0,
    ADD COLUMN hot_at timestamptz NOT NULL DEFAULT now();
UPDATE question SET hot_views_seen = view_count;
CREATE INDEX question_hot_score_idx ON question (hot_score DESC, created_at DESC, id DESC) WHERE deleted_at IS NULL;
-- The recompute reads the votes of the last days.
CREATE INDEX question_vote_created_idx ON question_vote (created_at);
CREATE INDEX answer_vote_created_idx ON answer_vote (created_at);

-- /unanswered: newest first among the questions without a (non-deleted) answer.
CREATE INDEX question_unanswered_idx ON question (created_at DESC, id DESC) WHERE answer_count = 0 AND deleted_at IS NULL;
ALTER TABLE question ALTER COLUMN hot_score SET DEFAULT 1; -- a question just asked: its own creation, undecayed
