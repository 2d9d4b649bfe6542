-- Per-request costs of the listings (issue 21).

-- /users filters by the start of the username without case: lower(username) LIKE 'prefix%' reads this index.
CREATE INDEX member_username_prefix_idx ON member (lower(username::text) text_pattern_ops);

-- The sitemap pages find their first question by skipping ids in this index only (no question row is read).
CREATE INDEX question_listed_idx ON question (id) WHERE deleted_at IS NULL;

-- Counters that asking must not lock: a question's change appends (key, +1/-1) rows to an insert-only table, which
-- no two transactions ever wait on; CountFolds adds them into the counters on a schedule. Until then readers that
-- need the exact figure add the pending rows themselves (TagList); "did you mean" reads the folded words only.

-- How many questions that are not deleted carry each tag: tag.questions plus its pending rows in tag_count_delta.
ALTER TABLE tag ADD COLUMN questions integer NOT NULL DEFAULT 0;
CREATE TABLE tag_count_delta (
    tag_id bigint  NOT NULL,
    d      integer NOT NULL
);

UPDATE tag t SET questions = c.n
  FROM (SELECT qt.tag_id, count(*) AS n FROM question_tag qt JOIN question q ON q.id = qt.question_id
         WHERE q.deleted_at IS NULL GROUP BY qt.tag_id) c
 WHERE t.id = c.tag_id;

-- A tag added to, taken from or moved between listed questions (a question being deleted for good is counted by the
-- next trigger, before its tags go: the rows removed by the cascade no longer see their question).
CREATE FUNCTION tag_count_follow_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO tag_count_delta (tag_id, d)
        SELECT OLD.tag_id, -1 WHERE EXISTS (SELECT 1 FROM question WHERE id = OLD.question_id AND deleted_at IS NULL);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO tag_count_delta (tag_id, d)
        SELECT NEW.tag_id, 1 WHERE EXISTS (SELECT 1 FROM question WHERE id = NEW.question_id AND deleted_at IS NULL);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER question_tag_counts AFTER INSERT OR UPDATE OR DELETE ON question_tag FOR EACH ROW
    EXECUTE FUNCTION tag_count_follow_tag();

-- A question deleted, restored or removed for good: each of its tags counts one question less or more.
CREATE FUNCTION tag_count_follow_question() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO tag_count_delta (tag_id, d) SELECT tag_id, -1 FROM question_tag WHERE question_id = OLD.id;
        RETURN OLD;
    END IF;
    INSERT INTO tag_count_delta (tag_id, d)
    SELECT tag_id, CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END FROM question_tag WHERE question_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER question_tag_counts_delete BEFORE DELETE ON question FOR EACH ROW WHEN (OLD.deleted_at IS NULL)
    EXECUTE FUNCTION tag_count_follow_question();
CREATE TRIGGER question_tag_counts_change AFTER UPDATE OF deleted_at ON question FOR EACH ROW
    WHEN ((OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION tag_count_follow_question();

-- The title words: the trigger question_title_words (V20) now appends to title_word_delta instead of updating the
-- row of each word, which made two questions asked at once with a common word wait for each other until commit.
CREATE TABLE title_word_delta (
    word text    NOT NULL,
    d    integer NOT NULL
);

CREATE OR REPLACE FUNCTION title_word_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gone text[] := '{}';
    came text[] := '{}';
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
        gone := ARRAY(SELECT title_words(OLD.title));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
        came := ARRAY(SELECT title_words(NEW.title));
    END IF;
    INSERT INTO title_word_delta (word, d)
    SELECT w, sum(d) FROM (SELECT unnest(gone) AS w, -1 AS d UNION ALL SELECT unnest(came), 1) AS delta
     GROUP BY w HAVING sum(d) <> 0;
    RETURN NULL;
END
$$;

-- Adds the pending rows into the counters and removes them, in one transaction; one caller at a time (others return
-- at once). A row appended meanwhile by a transaction that commits later is left for the next fold.
CREATE FUNCTION fold_counts() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    emptied text[];
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('fold_counts')) THEN
        RETURN;
    END IF;
    WITH moved AS (DELETE FROM tag_count_delta RETURNING tag_id, d),
         sums AS (SELECT tag_id, sum(d) AS s FROM moved GROUP BY tag_id HAVING sum(d) <> 0)
    UPDATE tag t SET questions = t.questions + sums.s FROM sums WHERE t.id = sums.tag_id;
    -- In word order, as the rows of title_word are locked (see V20).
    WITH moved AS (DELETE FROM title_word_delta RETURNING word, d),
         kept AS (INSERT INTO title_word (word, questions)
                  SELECT word, sum(d) FROM moved GROUP BY word HAVING sum(d) <> 0 ORDER BY word
                  ON CONFLICT (word) DO UPDATE SET questions = title_word.questions + EXCLUDED.questions
                  RETURNING word, questions)
    SELECT coalesce(array_agg(word), '{}') INTO emptied FROM kept WHERE questions <= 0;
    DELETE FROM title_word WHERE word = ANY (emptied) AND questions <= 0;
END
$$;
