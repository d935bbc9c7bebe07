-- Actions staff take after reading the figures ("we start every meeting by reading the
-- ground rules"), for one circle or (circle_id null) a whole program, on the day
-- `taken_on` (YYYY-MM-DD). Staff text only: nothing here was sent by a participant, and
-- nothing says who answered what.
-- `archived_on` (YYYY-MM-DD) is set when staff archive it; it then leaves the pages and
-- the charts but stays here for the audit trail.
-- `published_en` / `published_es`: the one short line participants of the circle (or of
-- every circle of the program) are told on the form and thanks page ("You told us
-- meetings felt rushed. We now keep the last ten minutes for check-out."), in English and
-- optionally Spanish; null while it is not published. It never holds a figure.
create table action_taken (
    id integer primary key,
    program_id integer not null references program (id),
    circle_id integer references circle (id),
    body text not null,
    taken_on text not null,
    recorded_by text not null,
    archived_on text,
    published_en text,
    published_es text
);
create index action_taken_program on action_taken (program_id);
create index action_taken_circle on action_taken (circle_id);
