-- Sign-in attempts per account and minute, counted where every `hearth serve` instance
-- sees them, so several instances do not allow several times the attempts. `account` is a
-- SHA-256 of the email typed (never the text: it could be a password typed in the wrong
-- field); `minute` is a Unix minute. Rows older than two minutes are deleted as new
-- attempts arrive.
create table sign_in_attempt (
    account text not null,
    minute bigint not null,
    attempts integer not null,
    primary key (account, minute)
);
create index sign_in_attempt_minute on sign_in_attempt (minute);
