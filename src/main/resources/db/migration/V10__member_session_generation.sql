-- Raised whenever all of a member's sessions are ended: a login checked before (its bcrypt takes a while) starts its
-- session only if the generation it read is still the member's, so it cannot outlive "log out everywhere".
ALTER TABLE member ADD COLUMN session_generation bigint NOT NULL DEFAULT 0;
