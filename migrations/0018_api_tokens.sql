-- Tokens for the read-only API of released figures (`/api/v1`, issue 21). Nothing here is
-- about participants.
--
-- A token sees what a signed-in person of its `audience` ('manager' or 'funder') and
-- program sees: a manager token always has a `program_id`; a funder token has one or none
-- (all programs). `token_hash` is the SHA-256 (hex) of the token's text: the text itself
-- is shown once, when the token is made, and never stored. `created_on`, `last_used_on`
-- and `revoked_on` are days (YYYY-MM-DD), never times: the table does not say when in a
-- day anything read the API. A revoked token is kept (its name stays readable in the list
-- and the audit trail) and is refused like an unknown one.
create table api_token (
    id integer primary key,
    name text not null unique,
    audience text not null,
    program_id integer references program (id),
    token_hash text not null unique,
    created_on text not null,
    last_used_on text,
    revoked_on text
);
