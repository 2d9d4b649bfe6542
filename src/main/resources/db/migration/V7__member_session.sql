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
-- Raised whenever all of a member's sessions are ended: a login checked before (its bcrypt takes a while) starts its
-- session only if the generation it read is still the member's, so it cannot outlive "log out everywhere".
ALTER TABLE member ADD COLUMN session_generation bigint NOT NULL DEFAULT 0;

-- A member's active sessions (ending them all).
CREATE INDEX member_session_member_active ON member_session (member_id) WHERE ended_at IS NULL;
-- The clean-up of old rows.
CREATE INDEX member_session_last_seen ON member_session (last_seen_at);
