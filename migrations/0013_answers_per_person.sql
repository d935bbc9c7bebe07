-- Person-level budgets (issue 17): the number of answers a month one person's budget was
-- planned for (the setting privacy.answers_per_person) when a ledger row was spent. The
-- row's `budget` is then the budget of one answer: the person's budget ÷ m² under the
-- discrete Gaussian, ÷ m under the discrete Laplace. Rows written before this hold 1: their
-- budget protected one answer. Staff-side accounting only; nothing here is participant data.
alter table ledger add column answers_per_person integer not null default 1;
