-- Forms that send once (issue 18): every participant form page carries a token in a
-- hidden field, a random nonce with an HMAC of it and the session under the key below.
-- Drawing a form writes nothing; only a form that stored a response leaves a row, so the
-- same form sent again (a double tap, the back button, the browser's "send again?"
-- prompt) stores nothing more. See collector/src/once.rs.

-- The key form tokens are signed with: 32 random bytes, hex, made by the first
-- `hearth serve` that draws a form and shared by every instance on this store. One row.
-- Holds nothing about any participant or page.
create table form_key (
    id integer primary key check (id = 1),
    secret text not null
);

-- The SHA-256 of each form token that stored a response, with its session. Deliberately
-- holds no link to any response (no response column, nothing shared with one), no time,
-- and no order: every batch that adds a hash deletes its session's hashes and writes them
-- all again in random order, so neither position nor PostgreSQL's transaction id (xmin)
-- pairs a hash with a response or says which came first. Forms drawn but never sent leave
-- nothing here, so nothing counts how many people opened a form. A session's rows are
-- deleted when it is sealed (and by retention, with its answers).
create table form_sent (
    hash text primary key,
    session_id integer not null references session (id)
);
