-- Releases under the measurement plan (plan 2): every release records the plan it was
-- made under (1: the first plan, every level measured on its own; 2: disjoint histograms
-- measured per the plan and fitted to add up), and, for plan 2, the noise of each cell's
-- released counts, which pages need for margins of error. Releases already stored keep
-- plan 1 and are read as they are.
alter table data_release add column plan integer not null default 1;

-- The noise of a plan-2 cell's released counts: for `responses`, its variance; for each
-- measure group (`indices`, `items`, `first_time`, `choices`), the variance of each of
-- its counts, the covariance of two counts of one histogram, and the covariance of a
-- count with `responses`. Public: derived from the plan's noise scales, never from data.
create table release_noise (
    release_id integer not null,
    cell integer not null,
    name text not null,
    variance double precision not null,
    covariance double precision not null,
    with_total double precision not null,
    primary key (release_id, cell, name),
    foreign key (release_id, cell) references release_cell (release_id, cell)
);
