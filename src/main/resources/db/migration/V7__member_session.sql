-- Logins that can end: the session cookie names a row here, and a request is logged in only while the row is active.
-- Logging out, "log out everywhere" and a password change or reset end rows; the cookie alone proves nothing then.
CREATE TABLE member_session (
    id           uuid         PRIMARY KEY,
    member_id    bigint       NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    last_seen_at timestamptz  NOT NULL DEFAULT now(),
    ended_at     timestamptz,
    user_agent   varchar(300) NOT NULL DEFAULT '',
    address      varchar(64)  NOT NULL DEFAULT ''
);
-- A member's active sessions (ending them all, listing them).
CREATE INDEX member_session_member_active ON member_session (member_id) WHERE ended_at IS NULL;
-- The clean-up of old rows.
CREATE INDEX member_session_last_seen ON member_session (last_seen_at);
