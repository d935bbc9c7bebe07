-- Hearth staff schema: the accounts of people who run programs, their sign-in sessions,
-- and the server secret that signs staff forms. Nothing here is about participants: a
-- staff row holds an email, an argon2 hash, a role and the program it is scoped to.

-- A staff account. `role` is admin, manager, facilitator or funder; managers and
-- facilitators belong to one program, funders to one program or (null) the portfolio,
-- admins to none. `password_hash` is a PHC string (argon2id, salted); the password itself
-- is never stored or logged.
create table staff_user (
    id integer primary key,
    email text not null unique,
    password_hash text not null,
    role text not null,
    program_id integer references program (id)
);

-- Staff sign-in sessions (tower-sessions records): the session id, its JSON data (the
-- signed-in account's id) and when it expires. Participants never get a session.
create table staff_session (
    id text primary key,
    data text not null,
    expires_at bigint not null
);

-- Server secrets, made at random on first start: the key that encrypts the CSRF cookie
-- and the salt its form tokens are derived with. Shared by every `hearth serve` on the
-- same store, so a form served by one instance is accepted by another.
create table staff_secret (
    name text primary key,
    value text not null
);
