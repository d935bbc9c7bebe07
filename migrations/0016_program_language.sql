-- The participant language a program's pages fall back to (issue 20): when neither the
-- link (`?lang=`) nor the browser's Accept-Language names a language Hearth has, the
-- form, thanks and kiosk pages of the program's sessions are in this one. A language
-- code as the participant pages write it (`ar`, `fr`, `zh`…), or null for English; text,
-- not one column per language, so languages can be added without a migration. Staff
-- data about the program: nothing about any participant, and no participant's language
-- is ever stored.
-- (0016, not 0015: the `signin` branch adds 0015_sign_in_factors.sql.)
alter table program add column default_lang text;
