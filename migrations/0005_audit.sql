-- The audit trail: an append-only record of what staff (and the scheduler, and the
-- command line) did — sign-ins and failed sign-ins, accounts, settings with their old and
-- new values, the catalog, sessions opened and closed, releases and exports.
--
-- It never holds anything a participant sent: no answer, no response count of a session
-- still open, nothing about a participant's device or time. `actor` is a staff email, or
-- a word for the system ("scheduler", "command line"); `subject` names what was acted on
-- (an account's email, a program, a session code, a setting); `detail` is staff-written
-- or generated text (old → new values). Hearth's code only ever inserts here.
create table staff_audit (
    id integer primary key,
    at_ms bigint not null,
    actor text not null,
    action text not null,
    subject text not null,
    detail text not null
);
create index staff_audit_at on staff_audit (at_ms);
