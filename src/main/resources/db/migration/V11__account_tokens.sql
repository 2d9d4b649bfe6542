-- Accounts people can recover and trust: password reset and email verification by a link mail.

-- When the member's address was confirmed by a link; null while it is not. Mail about answers goes only to confirmed
-- addresses. Members from before verification existed count as verified (they have been receiving mail all along).
ALTER TABLE member ADD COLUMN email_verified_at timestamptz;
UPDATE member SET email_verified_at = created_at;

-- The links of account mails. Only a hash of the token is stored: the token itself exists in the mail alone (and,
-- until that mail is sent, sealed with a key of its own in mail_log).
CREATE TABLE account_token (
    id          bigserial   PRIMARY KEY,
    purpose     varchar(20) NOT NULL CHECK (purpose IN ('password-reset', 'email-verification')),
    member_id   bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    email       citext      NOT NULL,                -- the address the link was sent to (and, to verify, confirms)
    token_hash  bytea       NOT NULL UNIQUE,         -- SHA-256 of the token
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    replaced_at timestamptz                          -- a newer link of the same purpose was sent
);
-- A member's open links of a purpose, which a new one replaces.
CREATE INDEX account_token_open_idx ON account_token (member_id, purpose) WHERE used_at IS NULL AND replaced_at IS NULL;
CREATE INDEX account_token_expires_idx ON account_token (expires_at);

-- Account mails are queued in the mail log like the mail about answers: the link's token row, and the token sealed
-- (AES-GCM) until the mail is sent, then erased.
ALTER TABLE mail_log
    ADD COLUMN token_id     bigint REFERENCES account_token (id) ON DELETE CASCADE,
    ADD COLUMN sealed_token text;
