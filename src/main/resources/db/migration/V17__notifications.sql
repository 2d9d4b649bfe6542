-- Notifications: an inbox fed by the consumer group "notifications", follows of questions and tags, and mail per kind
-- of notification (instantly, in a daily or weekly digest, or never).

-- How a member wants mail about each kind of notification. The two switches of before become the first two kinds.
ALTER TABLE member
    ADD COLUMN mail_answer          varchar(10) NOT NULL DEFAULT 'instant',
    ADD COLUMN mail_followed_answer varchar(10) NOT NULL DEFAULT 'daily',
    ADD COLUMN mail_comment         varchar(10) NOT NULL DEFAULT 'instant',
    ADD COLUMN mail_mention         varchar(10) NOT NULL DEFAULT 'instant',
    ADD COLUMN mail_accepted        varchar(10) NOT NULL DEFAULT 'instant',
    ADD COLUMN mail_tag_question    varchar(10) NOT NULL DEFAULT 'daily';
UPDATE member SET mail_answer = CASE WHEN notify_answers THEN 'instant' ELSE 'never' END,
                  mail_comment = CASE WHEN notify_comments THEN 'instant' ELSE 'never' END
    WHERE NOT notify_answers OR NOT notify_comments;
UPDATE member SET mail_followed_answer = 'never', mail_mention = 'never', mail_accepted = 'never',
                  mail_tag_question = 'never'
    WHERE deleted_at IS NOT NULL;
ALTER TABLE member
    DROP CONSTRAINT member_deleted_has_no_personal_data,
    DROP COLUMN notify_answers,
    DROP COLUMN notify_comments,
    ADD CONSTRAINT member_deleted_has_no_personal_data CHECK (deleted_at IS NULL
        OR (email IS NULL AND password_hash IS NULL AND avatar_hash IS NULL)),
    ADD CONSTRAINT member_mail_frequency CHECK (
        mail_answer IN ('instant', 'daily', 'weekly', 'never')
        AND mail_followed_answer IN ('instant', 'daily', 'weekly', 'never')
        AND mail_comment IN ('instant', 'daily', 'weekly', 'never')
        AND mail_mention IN ('instant', 'daily', 'weekly', 'never')
        AND mail_accepted IN ('instant', 'daily', 'weekly', 'never')
        AND mail_tag_question IN ('instant', 'daily', 'weekly', 'never'));

-- The same preferences as rows, (member, kind, frequency), for the SQL that queues mail and digests.
CREATE VIEW member_mail AS
SELECT m.id AS member_id, k.kind, k.frequency
FROM member m
CROSS JOIN LATERAL (VALUES ('answer', m.mail_answer), ('followed-answer', m.mail_followed_answer),
                           ('comment', m.mail_comment), ('mention', m.mail_mention),
                           ('accepted', m.mail_accepted), ('tag-question', m.mail_tag_question)) AS k (kind, frequency);

-- A member follows the questions they asked, answered or commented on without a row here; a row follows another
-- question, or (following = false) unfollows one of theirs, which a later answer or comment does not undo.
CREATE TABLE question_follow (
    member_id   bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    question_id bigint      NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    following   boolean     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (member_id, question_id)
);
CREATE INDEX question_follow_question_idx ON question_follow (question_id, member_id);

CREATE TABLE tag_follow (
    member_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    tag_id     bigint      NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (member_id, tag_id)
);
-- The fan-out of a new question walks a tag's followers in batches, by member id.
CREATE INDEX tag_follow_tag_idx ON tag_follow (tag_id, member_id);

-- One row per recipient of an event: a second delivery of the event makes none.
CREATE TABLE notification (
    id          bigserial PRIMARY KEY,
    member_id   bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    event_id    uuid        NOT NULL,
    kind        varchar(20) NOT NULL
        CHECK (kind IN ('answer', 'followed-answer', 'comment', 'mention', 'accepted', 'tag-question')),
    question_id bigint      NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    answer_id   bigint REFERENCES answer (id) ON DELETE CASCADE,
    comment_id  bigint REFERENCES comment (id) ON DELETE CASCADE,
    actor_id    bigint      NOT NULL REFERENCES member (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    UNIQUE (event_id, member_id)
);
-- The inbox, newest first.
CREATE INDEX notification_member_idx ON notification (member_id, id DESC);
-- The unread count, and "opening the question marks its notifications read".
CREATE INDEX notification_unread_idx ON notification (member_id, question_id) WHERE read_at IS NULL;
-- The digests of a period.
CREATE INDEX notification_unread_created_idx ON notification (created_at) WHERE read_at IS NULL;

-- Events published before notifications existed are not turned into any: the new consumer group reads the stream
-- from its start, and their mail went out the way it did then.
CREATE TABLE notification_start (
    started_at timestamptz NOT NULL
);
INSERT INTO notification_start VALUES (now());

-- One digest per member, frequency and period, whatever the number of instances, restarts or crashes.
CREATE TABLE digest (
    id           bigserial PRIMARY KEY,
    member_id    bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    frequency    varchar(10) NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    period_start timestamptz NOT NULL,
    period_end   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (member_id, frequency, period_start)
);

-- A mail about one notification, or a digest: several members' mails may come of one event, so the event id is left
-- out of these (it stays unique where present: the mail about an answer to one's question, or a comment on one's post,
-- carries it, as it did before, so that nothing mailed before is mailed again).
ALTER TABLE mail_log
    ALTER COLUMN event_id DROP NOT NULL,
    ADD COLUMN notification_id bigint UNIQUE REFERENCES notification (id) ON DELETE CASCADE,
    ADD COLUMN digest_id       bigint UNIQUE REFERENCES digest (id) ON DELETE CASCADE,
    ADD CONSTRAINT mail_log_has_a_cause CHECK (event_id IS NOT NULL OR notification_id IS NOT NULL
        OR digest_id IS NOT NULL);
