-- The text search parser takes "<section>" or "</aside>" for markup and leaves it out of a vector: on a site about code
-- the names of elements and tags were not searchable. "<", "</", ">" and "/>" are read as spaces now, in the stored
-- vectors and in the full search's query (SearchService), so "<section>" holds the word "section". PostgreSQL 15
-- cannot change a generated column's expression: the vectors are made again, each table's in one statement (one
-- rewrite of the table), then their indexes, and the planner's statistics of the new columns.
ALTER TABLE question
    DROP COLUMN search_vector,
    DROP COLUMN title_vector,
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('${search_config}'::regconfig, regexp_replace(title, '</?|/?>', ' ', 'g')), 'A')
        || setweight(to_tsvector('${search_config}'::regconfig, regexp_replace(body, '</?|/?>', ' ', 'g')), 'B')
    ) STORED,
    ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('${search_config}'::regconfig, regexp_replace(title, '</?|/?>', ' ', 'g'))
    ) STORED;
CREATE INDEX question_search_idx ON question USING gin (search_vector);
CREATE INDEX question_title_search_idx ON question USING gin (title_vector);

ALTER TABLE answer
    DROP COLUMN search_vector,
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('${search_config}'::regconfig, regexp_replace(body, '</?|/?>', ' ', 'g'))
    ) STORED;
CREATE INDEX answer_search_idx ON answer USING gin (search_vector);

ANALYZE question;
ANALYZE answer;
