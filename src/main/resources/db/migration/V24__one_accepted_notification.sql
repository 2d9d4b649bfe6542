-- An answer's author hears that it was accepted once, whatever number of times the asker accepts, unaccepts and
-- accepts it again. Repeats made before this rule go (with their mail, if it is still waiting); the first one stays.
DELETE FROM notification n
WHERE n.kind = 'accepted'
  AND EXISTS (SELECT 1 FROM notification o
              WHERE o.kind = 'accepted' AND o.answer_id = n.answer_id AND o.member_id = n.member_id AND o.id < n.id);
CREATE UNIQUE INDEX notification_accepted_once_idx ON notification (answer_id, member_id) WHERE kind = 'accepted';
