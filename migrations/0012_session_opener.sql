-- Who opened a session at the staff desk: the staff account's id, or null for a session
-- opened from the command line (or by an account since removed: removing an account sets
-- its sessions' `opened_by` to null in the same transaction). Staff data, not participant
-- data: it names the facilitator or manager who ran the meeting, never anyone who
-- answered. It is kept so that a session's live count of responses is shown to that one
-- person, while the session is open, and to nobody else (see docs/privacy.md).
alter table session add column opened_by integer references staff_user (id);
