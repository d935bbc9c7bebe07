-- Archiving programs and circles. A program or circle that has stopped meeting is
-- archived rather than deleted: its sessions and every release that counted them stay
-- as they are (released figures are keyed by its id), and it takes no new sessions.
-- `archived_on` is the day an admin archived it (YYYY-MM-DD, like `session.held_on`),
-- null while it is active; restoring it sets it back to null. Catalog data, not
-- participant data.
alter table program add column archived_on text;
alter table circle add column archived_on text;
