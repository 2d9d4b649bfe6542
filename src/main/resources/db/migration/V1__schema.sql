-- Members, their avatars, questions, answers, tags and votes.
-- Counters on question/answer rows are kept by the write that changes them, in its transaction.

-- Usernames and emails compare without case (login as "Alice" or "alice"), in the database itself.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE avatar (
    hash         varchar(64) PRIMARY KEY,          -- SHA-256 of the content, hex
    content_type varchar(32) NOT NULL,
    size         integer     NOT NULL,
    data         bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE member (
    id            bigserial PRIMARY KEY,
    username      citext       NOT NULL CHECK (length(username) <= 30),
    email         citext       NOT NULL CHECK (length(email) <= 254),
    display_name  varchar(50)  NOT NULL,
    password_hash varchar(100) NOT NULL,
    role          varchar(20)  NOT NULL DEFAULT 'member',
    avatar_hash   varchar(64) REFERENCES avatar (hash),
    notify_answers boolean     NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX member_username_key ON member (username);
CREATE UNIQUE INDEX member_email_key ON member (email);

CREATE TABLE tag (
    id   bigserial PRIMARY KEY,
    name varchar(35) NOT NULL UNIQUE
);

CREATE TABLE question (
    id                 bigserial PRIMARY KEY,
    author_id          bigint       NOT NULL REFERENCES member (id),
    title              varchar(150) NOT NULL,
    body               text         NOT NULL,
    body_html          text         NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    rating             integer      NOT NULL DEFAULT 0,
    answer_count       integer      NOT NULL DEFAULT 0,
    accepted_answer_id bigint
);
-- "/" (newest first), "/hot" (rating), a member's questions, the 7-day/3-month windows.
CREATE INDEX question_created_idx ON question (created_at DESC, id DESC);
CREATE INDEX question_hot_idx ON question (rating DESC, created_at DESC, id DESC);
CREATE INDEX question_author_idx ON question (author_id, created_at DESC);

CREATE TABLE question_tag (
    question_id bigint NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    tag_id      bigint NOT NULL REFERENCES tag (id),
    PRIMARY KEY (question_id, tag_id)
);
-- "/tag/{name}": question ids grow with creation time, so this index gives newest first.
CREATE INDEX question_tag_tag_idx ON question_tag (tag_id, question_id DESC);

CREATE TABLE answer (
    id          bigserial PRIMARY KEY,
    question_id bigint      NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    author_id   bigint      NOT NULL REFERENCES member (id),
    body        text        NOT NULL,
    body_html   text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    rating      integer     NOT NULL DEFAULT 0
);
-- A question's answers, newest first or by votes; a member's answers; the 7-day window.
CREATE INDEX answer_question_new_idx ON answer (question_id, created_at DESC, id DESC);
CREATE INDEX answer_question_votes_idx ON answer (question_id, rating DESC, created_at DESC, id DESC);
CREATE INDEX answer_author_idx ON answer (author_id, created_at DESC);
CREATE INDEX answer_created_idx ON answer (created_at);

ALTER TABLE question
    ADD CONSTRAINT question_accepted_answer_fk FOREIGN KEY (accepted_answer_id) REFERENCES answer (id) ON DELETE SET NULL;

CREATE TABLE question_vote (
    question_id bigint      NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    member_id   bigint      NOT NULL REFERENCES member (id),
    value       smallint    NOT NULL CHECK (value IN (-1, 1)),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (question_id, member_id)
);
CREATE INDEX question_vote_member_idx ON question_vote (member_id);

CREATE TABLE answer_vote (
    answer_id  bigint      NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
    member_id  bigint      NOT NULL REFERENCES member (id),
    value      smallint    NOT NULL CHECK (value IN (-1, 1)),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (answer_id, member_id)
);
CREATE INDEX answer_vote_member_idx ON answer_vote (member_id);
