-- The language a staff account's pages are in (issue 20, item 4): a language code as
-- the catalogs name it (`es`), or null to follow the browser's Accept-Language (read per
-- request, never stored). Text, like program.default_lang, so languages can be added
-- without a migration. Staff data: nothing about any participant.
alter table staff_user add column lang text;
