-- Display names no longer hold bidi controls or invisible characters (InputText.line drops them from what members
-- type): the names chosen before lose them too, and one left with nothing visible becomes the member's username.
-- The joiners U+200C and U+200D stay, as emoji sequences and some scripts need them.
UPDATE member
SET display_name = regexp_replace(display_name, '[\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\uFEFF]',
                                  '', 'g')
WHERE display_name ~ '[\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\uFEFF]';
UPDATE member SET display_name = username::text WHERE btrim(display_name) = '';

-- No member may show the name another one shows or logs in with: a new display name (or a new member's username)
-- is compared with every member's display name as folded here (NFKC, then lower case: "ＡＬＩＣＥ" and "alice" are one
-- name). Member.nameInUse uses exactly this expression, so that the comparison is answered from this index.
CREATE INDEX member_display_name_folded_idx ON member (lower(normalize(display_name, NFKC)));
