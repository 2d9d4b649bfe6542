-- Answers are searchable: their own stored vector (weight D, the lowest) with a GIN index, so that a search finds the
-- questions whose answers have the words without reading every answer.
ALTER TABLE answer ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('${search_config}'::regconfig, body)
) STORED;
CREATE INDEX answer_search_idx ON answer USING gin (search_vector);

-- "Did you mean": the words of the titles of the questions that are not deleted, with how many titles have each, and a
-- trigram index for similarity (pg_trgm is a trusted extension: the owner of the database may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE title_word (
    word      text    PRIMARY KEY,
    questions integer NOT NULL
);
CREATE INDEX title_word_trgm_idx ON title_word USING gin (word gin_trgm_ops);

-- The words of a title as the list keeps them: lower case, letters only (digits and one-letter words correct nothing).
CREATE FUNCTION title_words(title text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
    SELECT DISTINCT w FROM regexp_split_to_table(lower(title), '[^[:alpha:]]+') AS w WHERE length(w) BETWEEN 2 AND 40
$$;

-- Kept by the database in the same transaction as the question's own change, whichever code (asking, editing,
-- rolling back, deleting, the demo filler) writes it: the list never goes stale and needs no schedule.
CREATE FUNCTION title_word_follow() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- One statement, in word order, for every word that changes (a word in both titles is not touched): the rows two
    -- transactions share are locked in the same order by both, so an edit and a question asked meanwhile never
    -- deadlock, as they could with the old words locked first and the new ones after.
    INSERT INTO title_word (word, questions)
    SELECT w, sum(d) FROM (SELECT unnest(gone) AS w, -1 AS d UNION ALL SELECT unnest(came), 1) AS delta
     GROUP BY w HAVING sum(d) <> 0 ORDER BY w
    ON CONFLICT (word) DO UPDATE SET questions = title_word.questions + EXCLUDED.questions;
    -- Only rows this transaction has just locked above.
    DELETE FROM title_word WHERE questions <= 0 AND word = ANY (gone) AND NOT word = ANY (came);
    RETURN NULL;
END
$$;
CREATE TRIGGER question_title_words AFTER INSERT OR DELETE ON question FOR EACH ROW EXECUTE FUNCTION title_word_follow();
CREATE TRIGGER question_title_words_change AFTER UPDATE OF title, deleted_at ON question FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION title_word_follow();

INSERT INTO title_word (word, questions)
SELECT w, count(*) FROM question, title_words(title) AS w WHERE deleted_at IS NULL GROUP BY w;
