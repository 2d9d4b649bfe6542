-- Which renderer wrote a post's stored HTML. Rows that exist now were written before code blocks were highlighted
-- (and before <kbd>, <sup>, <sub>, <details> were allowed): they get 0 and are rendered again in the background
-- (org.qasite.question.OutdatedHtml); rows written from now on get the current version by default. A renderer change
-- that should reach stored posts raises the default in a migration of its own.
ALTER TABLE question ADD COLUMN html_version smallint NOT NULL DEFAULT 0;
ALTER TABLE question ALTER COLUMN html_version SET DEFAULT 1;
ALTER TABLE answer ADD COLUMN html_version smallint NOT NULL DEFAULT 0;
ALTER TABLE answer ALTER COLUMN html_version SET DEFAULT 1;
-- Small once the backlog is done: only outdated rows are in them.
CREATE INDEX question_html_outdated_idx ON question (id) WHERE html_version < 1;
CREATE INDEX answer_html_outdated_idx ON answer (id) WHERE html_version < 1;
