-- Hearth analytics schema: releases (immutable protected tables, one per closed period),
-- the privacy ledger, and settings. Nothing here is participant data: releases hold only
-- noisy counts of cells declared from the catalog.

-- Settings that staff may change (privacy budget, weights, thresholds), by name.
create table setting (
    name text primary key,
    value text not null
);

-- A release: computed once for a closed period (`2026-10` or `2026-Q4`), never changed
-- and never computed again. `released_at` is when the release ran (not participant data).
create table data_release (
    id integer primary key,
    period text not null unique,
    mechanism text not null,
    manager_threshold integer not null,
    funder_threshold integer not null,
    code_version text not null,
    released_at bigint not null
);

-- One cell of a release: a level and the catalog ids naming it, with whether managers
-- and funders may see it (`shown`, `hidden`: fewer than the threshold, or hidden to
-- protect a hidden sibling; `not_released`: funders never see below program level).
create table release_cell (
    release_id integer not null references data_release (id),
    cell integer not null,
    level text not null,
    program_id integer,
    circle_id integer,
    period text not null,
    manager_status text not null,
    funder_status text not null,
    primary key (release_id, cell)
);

-- The noisy counts of a cell (clamped to 0 and above), one row per measure, with the
-- first-time split's own suppression per audience.
create table release_count (
    release_id integer not null,
    cell integer not null,
    measure text not null,
    value bigint not null,
    manager_hidden smallint not null,
    funder_hidden smallint not null,
    primary key (release_id, cell, measure),
    foreign key (release_id, cell) references release_cell (release_id, cell)
);

-- The privacy ledger: one row per release, level and measure group: the mechanism, its
-- exact scale and sensitivity, what it spent (ε or ρ, exact), over how many cells.
create table ledger (
    id integer primary key,
    release_id integer not null references data_release (id),
    level text not null,
    measure_group text not null,
    mechanism text not null,
    unit text not null,
    spend text not null,
    scale text not null,
    sensitivity text not null,
    cells integer not null,
    -- The budget in force when this was spent: a later, larger budget does not apply to
    -- the months this row already spent from.
    budget text not null,
    code_version text not null,
    spent_at bigint not null
);

-- Whose budget a ledger row spends: each program and month of responses it covers.
create table ledger_scope (
    ledger_id integer not null references ledger (id),
    program_id integer not null,
    month text not null,
    primary key (ledger_id, program_id, month)
);
create index ledger_scope_budget on ledger_scope (program_id, month);

-- One row, updated first by every release transaction, so releases (from any number of
-- `hearth` processes) check and spend the budget one at a time.
create table release_lock (
    id integer primary key
);
insert into release_lock (id) values (1);
