-- Events leave through an outbox written in the transaction of the change they describe; mail to members is
-- queued in a log keyed by the event that caused it, so a redelivered event never sends a second mail.

CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,                -- publication order
    event_id     uuid        NOT NULL UNIQUE,
    type         varchar(40) NOT NULL,
    version      smallint    NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    stream_id    varchar(40)                           -- the entry id Redis gave it
);
-- The relay's queue, and the clean-up of published rows after the retention period.
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE mail_log (
    id              bigserial PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,       -- at most one mail per event
    kind            varchar(30) NOT NULL,              -- which mail: 'new-answer'
    answer_id       bigint      REFERENCES answer (id) ON DELETE CASCADE,
    recipient_id    bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    recipient       citext      NOT NULL,              -- the address when the mail was queued
    status          varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
-- The sender's queue: due mail in order.
CREATE INDEX mail_log_due_idx ON mail_log (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX mail_log_created_idx ON mail_log (created_at);
