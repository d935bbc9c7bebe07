-- Kiosk sessions: a session a facilitator opened "for a shared tablet".
--
-- `kiosk_token` is a random secret (null for an ordinary session). The kiosk link
-- `/s/{code}/kiosk/{token}` serves the session's form on a tablet passed from person to
-- person: after each answer it comes back by itself to a fresh, empty form. The token is
-- what makes that link different from the plain one: it is not on the code, the QR code
-- or any card, so a person who saw the code cannot open a kiosk page, and it is refused
-- once the session closes and set back to null when the session is sealed, so the link
-- means nothing after the meeting. Catalog data, not participant data.
alter table session add column kiosk_token text;
