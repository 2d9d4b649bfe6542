-- Full-text search over questions: title (weight A) and body (weight B) in one stored vector, with a GIN index.
-- The text search configuration is the setting qa.search.config (a Flyway placeholder): the default, russian, stems
-- Russian words with the Snowball Russian stemmer and Latin-letter words with the English one, so both languages
-- find their other word forms. Changing it later takes a migration that recreates the column and its index.
ALTER TABLE question ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('${search_config}'::regconfig, title), 'A')
    || setweight(to_tsvector('${search_config}'::regconfig, body), 'B')
) STORED;
CREATE INDEX question_search_idx ON question USING gin (search_vector);
