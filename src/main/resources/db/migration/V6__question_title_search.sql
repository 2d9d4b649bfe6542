-- Suggestions as one types match the words of titles only: a smaller vector and index than the full one (V5), so
-- that short prefixes and common words stay fast.
ALTER TABLE question ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('${search_config}'::regconfig, title)
) STORED;
CREATE INDEX question_title_search_idx ON question USING gin (title_vector);
