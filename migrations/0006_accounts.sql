-- Staff accounts that can be switched off, and passwords that must be replaced.
--
-- `active` (1 or 0, as the collector's flags are stored): a deactivated account is kept
-- (its email stays readable in the audit trail and it can be reactivated) but cannot sign
-- in, and its open sign-in sessions stop working on their next request.
-- `must_change_password` (1 or 0): the account's password was set by someone else (an
-- admin's one-time password, a first password, `hearth user add`); until its owner
-- chooses their own, every staff page leads to the change-password page.
-- Accounts that exist already stay active and keep their passwords.
alter table staff_user add column active integer not null default 1;
alter table staff_user add column must_change_password integer not null default 0;
