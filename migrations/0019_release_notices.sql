-- Release notices (issue 21): digests by e-mail to staff and webhooks on release. Nothing
-- here is about participants: a notice names a released period, a staff account or an
-- admin's URL, and the bookkeeping of its delivery.

-- Whether a staff account gets release digests by e-mail ("Your account"); on by default.
alter table staff_user add column digests integer not null default 1;

-- A URL an admin registered to hear of each release, and the secret its POSTs are signed
-- with (HMAC-SHA256, shown to the admin once).
create table webhook (
    id integer primary key,
    url text not null,
    secret text not null,
    created_at bigint not null
);

-- The releases whose notices have been queued: one row per period, inserted in the same
-- transaction as its outbox rows, so a release is announced once however many instances
-- run. Releases stored before this migration are taken as announced (nothing is sent
-- for them).
create table release_notice (
    period text primary key,
    queued_at bigint not null,
    -- 1 once the period's digest (and webhook) summary is in the audit trail.
    digests_audited integer not null default 0,
    webhooks_audited integer not null default 0
);
insert into release_notice (period, queued_at, digests_audited, webhooks_audited)
    select period, released_at, 1, 1 from data_release;

-- The outbox: one message to deliver. `kind` is digest (target: a staff account's id) or
-- webhook (target: a webhook's id); `payload` is what is needed to make the message at
-- delivery time (the period; a webhook's JSON body), never an e-mail body. `state` is
-- pending, sending (claimed by one instance until `next_attempt_at`), sent or failed;
-- `last_status` is the last attempt's outcome (an HTTP status, "sent", or an error).
create table outbox (
    id integer primary key,
    kind text not null,
    target integer not null,
    period text not null,
    payload text not null,
    attempts integer not null default 0,
    next_attempt_at bigint not null,
    state text not null,
    last_status text not null default '',
    updated_at bigint not null
);
create index outbox_due on outbox (state, next_attempt_at);
