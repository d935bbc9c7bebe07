-- Hearth collector schema: the catalog (programs, circles, sessions), single-use ticket
-- hashes, and anonymous responses. Portable SQL: the same text runs on SQLite and
-- PostgreSQL. Ids are random positive 31-bit integers chosen by the application (never
-- auto-increment, so no id reveals the order rows arrived in). In SQLite `integer primary
-- key` is the rowid itself, so the rowid is random too.

-- A peer-support program: an organisation's line of groups. Catalog data, not
-- participant data.
create table program (
    id integer primary key,
    name text not null unique
);

-- A circle: a recurring group inside a program.
create table circle (
    id integer primary key,
    program_id integer not null references program (id),
    name text not null,
    unique (program_id, name)
);

-- A session: one meeting of a circle. `held_on` (YYYY-MM-DD) is the only date any of its
-- responses will ever carry. The window and capacity bound how many responses the shared
-- link accepts; `received` counts them (a count only, nothing per response). `sealed` is
-- set once the closed session's responses have been rewritten in random order and its
-- tickets deleted.
create table session (
    id integer primary key,
    code text not null unique,
    circle_id integer not null references circle (id),
    held_on text not null,
    closes_at bigint not null,
    capacity integer not null check (capacity > 0),
    received integer not null default 0 check (received >= 0 and received <= capacity),
    ticketed integer not null default 0,
    closed integer not null default 0,
    sealed integer not null default 0
);
create index session_circle on session (circle_id, held_on);

-- Single-use tickets of ticketed sessions: the SHA-256 of the ticket and whether it has
-- been used. Deliberately holds no link to any response: it cannot say whose answers
-- came with which ticket.
create table ticket (
    hash text primary key,
    session_id integer not null references session (id),
    used integer not null default 0
);

-- One anonymous response. Holds the session, the instrument version and the answers
-- (1-5, null = skipped; first_time 1 = first time, 0 = returning, null = skipped;
-- helped_* / hindered_* 1 = selected). Deliberately holds nothing else: no IP address,
-- no User-Agent, no cookie or device id, no time of submission (the session's date
-- stands for it), and no key that reveals arrival order (the id is random).
create table response (
    id integer primary key,
    session_id integer not null references session (id),
    instrument_version smallint not null,
    belong smallint check (belong between 1 and 5),
    welcome smallint check (welcome between 1 and 5),
    heard smallint check (heard between 1 and 5),
    safe_to_share smallint check (safe_to_share between 1 and 5),
    not_judged smallint check (not_judged between 1 and 5),
    confidential smallint check (confidential between 1 and 5),
    own_pace smallint check (own_pace between 1 and 5),
    better smallint check (better between 1 and 5),
    first_time smallint check (first_time in (0, 1)),
    helped_listened smallint not null default 0,
    helped_stories smallint not null default 0,
    helped_ground_rules smallint not null default 0,
    helped_welcome smallint not null default 0,
    helped_facilitator smallint not null default 0,
    hindered_dominated smallint not null default 0,
    hindered_advice smallint not null default 0,
    hindered_judged smallint not null default 0,
    hindered_privacy smallint not null default 0,
    hindered_rushed smallint not null default 0
);
create index response_session on response (session_id);

-- One row per batch of responses being committed, deleted again right after: after an
-- uncertain commit (the acknowledgement lost), its presence says the batch is stored, so
-- it is never stored twice. A random token and nothing else.
create table commit_marker (
    token text primary key
);
