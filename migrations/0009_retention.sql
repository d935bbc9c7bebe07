-- Retention: raw responses are deleted once their month and its quarter are both
-- released and the retention time (the `retention.days` setting) has passed. This table
-- says, per month, that it happened: when the last deletion ran and how many sessions'
-- answers it deleted in all. Never participant data: a month, a time of a scheduled run
-- (not of any submission) and a count of sessions, which the catalog holds anyway.
create table retention_month (
    month text primary key,
    deleted_at bigint not null,
    sessions integer not null
);
