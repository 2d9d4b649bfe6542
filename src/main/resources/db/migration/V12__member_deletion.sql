-- A member may delete their account: the row stays (their posts and votes point at it) but loses what is personal.
-- Its username becomes a tombstone no signup can choose ("deleted:<id>"), the old name is kept only as the SHA-256 of
-- its lower case, so that nobody can sign up as them (or show as them) later; email and password hash go.
ALTER TABLE member
    ADD COLUMN deleted_at timestamptz,
    ADD COLUMN former_username_sha256 varchar(64),
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN password_hash DROP NOT NULL,
    ADD CONSTRAINT member_deleted_has_no_personal_data CHECK (deleted_at IS NULL
        OR (email IS NULL AND password_hash IS NULL AND avatar_hash IS NULL AND NOT notify_answers)),
    ADD CONSTRAINT member_has_email_and_password CHECK (deleted_at IS NOT NULL
        OR (email IS NOT NULL AND password_hash IS NOT NULL));
CREATE UNIQUE INDEX member_former_username_key ON member (former_username_sha256)
    WHERE former_username_sha256 IS NOT NULL;
-- The best members leave deleted accounts out (sql/stats/best-members.sql): they are few, found from this index.
CREATE INDEX member_deleted_idx ON member (id) WHERE deleted_at IS NOT NULL;
