-- Mail about a comment on one's post: the mail log names the comment, as it names the answer of an answer mail.
ALTER TABLE mail_log ADD COLUMN comment_id bigint REFERENCES comment (id) ON DELETE CASCADE;
