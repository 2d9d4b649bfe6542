-- Posts that live: edits kept as revisions, soft deletion, comments.

-- A post's current revision number (1 until its first edit) is what an edit form was based on: an edit whose base is
-- no longer the current revision is a conflict, never saved over the other edit. Who edited last, and when, is shown
-- under the post. A deleted post keeps its row (and its votes) and leaves pages, lists, search and figures.
ALTER TABLE question
    ADD COLUMN revision   integer NOT NULL DEFAULT 1,
    ADD COLUMN edited_at  timestamptz,
    ADD COLUMN edited_by  bigint REFERENCES member (id),
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN deleted_by bigint REFERENCES member (id);
ALTER TABLE answer
    ADD COLUMN revision   integer NOT NULL DEFAULT 1,
    ADD COLUMN edited_at  timestamptz,
    ADD COLUMN edited_by  bigint REFERENCES member (id),
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN deleted_by bigint REFERENCES member (id);

-- Every revision of an edited post, the first one (the post as written) included; a post never edited has none, its
-- current text is its first revision. A rollback is a new revision with the text of an older one (rollback_of).
CREATE TABLE question_revision (
    id          bigserial PRIMARY KEY,
    question_id bigint       NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    revision    integer      NOT NULL,
    author_id   bigint       NOT NULL REFERENCES member (id),
    title       varchar(150) NOT NULL,
    body        text         NOT NULL,
    tags        text         NOT NULL, -- the tag names, space separated
    summary     varchar(300),
    rollback_of integer,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (question_id, revision)
);
CREATE TABLE answer_revision (
    id          bigserial PRIMARY KEY,
    answer_id   bigint      NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
    revision    integer     NOT NULL,
    author_id   bigint      NOT NULL REFERENCES member (id),
    body        text        NOT NULL,
    summary     varchar(300),
    rollback_of integer,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (answer_id, revision)
);

-- Comments on a question (answer_id null) or on one of its answers.
CREATE TABLE comment (
    id          bigserial PRIMARY KEY,
    question_id bigint      NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    answer_id   bigint REFERENCES answer (id) ON DELETE CASCADE,
    author_id   bigint      NOT NULL REFERENCES member (id),
    body        text        NOT NULL,
    body_html   text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
-- A question page reads the comments of the question and of its answers on the page, oldest first.
CREATE INDEX comment_thread_idx ON comment (question_id, answer_id, created_at, id);
CREATE INDEX comment_author_idx ON comment (author_id, created_at DESC);

-- Mail about a comment on one's post, like the mail about an answer to one's question.
ALTER TABLE member ADD COLUMN notify_comments boolean NOT NULL DEFAULT true;
