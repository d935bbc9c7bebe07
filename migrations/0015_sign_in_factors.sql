-- Staff sign-in that an IT reviewer signs off (issue 19): one-time passwords that are
-- one-time, and a second factor. Nothing here is about participants.

-- `one_time_set_at`: when a password someone else set (`must_change_password = 1`) was
-- set, in Unix seconds; it stops working a configurable time later (72 hours by default).
-- Null for an account's own password (and for one-time passwords set before this
-- migration, which keep working until used). `one_time_used` (1 or 0): the one-time
-- password has signed in once; it never signs in again, and only an admin's reset makes a
-- new one.
alter table staff_user add column one_time_set_at bigint;
alter table staff_user add column one_time_used integer not null default 0;

-- An account's authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps).
-- `secret` is the shared secret, sealed with AES-256-GCM under a key from the environment
-- (`v1:` + hex of nonce and ciphertext) when `hearth serve` has one, else `plain:` + hex
-- (docs/deploy.md says what that means). `confirmed` (1 or 0): its owner has typed a code
-- from it; an unconfirmed row is an enrolment in progress and asks nothing at sign-in.
-- `last_step`: the 30-second step of the last code accepted, so no code works twice.
-- Holds no device name, address or time of use.
create table staff_totp (
    user_id integer primary key references staff_user (id) on delete cascade,
    secret text not null,
    confirmed integer not null default 0,
    last_step bigint not null default 0
);

-- Recovery codes for signing in without the app: the SHA-256 (hex) of each code, shown
-- once at enrolment; a code is deleted when it is used.
create table staff_recovery_code (
    user_id integer not null references staff_user (id) on delete cascade,
    hash text not null,
    primary key (user_id, hash)
);

-- Sign-in rules an admin sets for everyone: `second_factor.required` = `1` when admins and
-- managers must have a second factor.
create table staff_policy (
    name text primary key,
    value text not null
);
