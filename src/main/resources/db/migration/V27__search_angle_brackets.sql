-- The text search parser takes "<section>" or "</aside>" for markup and leaves it out of a vector: on a site about code
-- the names of elements and tags were not searchable. "<", "</", ">" and "/>" are read as spaces now, in the stored
-- vectors and in the full search's query (SearchService), so "<section>" holds the word "section". PostgreSQL 15
-- cannot change a generated column's expression: each vector and its index are made again (the tables are rewritten
-- once).
ALTER TABLE question DROP COLUMN search_vector;
ALTER TABLE question ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('${search_config}'::regconfig, regexp_replace(title, '</?|/?>', ' ', 'g')), 'A')
    || setweight(to_tsvector('${search_config}'::regconfig, regexp_replace(body, '</?|/?>', ' ', 'g')), 'B')
) STORED;
CREATE INDEX question_search_idx ON question USING gin (search_vector);

ALTER TABLE question DROP COLUMN title_vector;
ALTER TABLE question ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('${search_config}'::regconfig, regexp_replace(title, '</?|/?>', ' ', 'g'))
) STORED;
CREATE INDEX question_title_search_idx ON question USING gin (title_vector);

ALTER TABLE answer DROP COLUMN search_vector;
ALTER TABLE answer ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('${search_config}'::regconfig, regexp_replace(body, '</?|/?>', ' ', 'g'))
) STORED;
CREATE INDEX answer_search_idx ON answer USING gin (search_vector);
