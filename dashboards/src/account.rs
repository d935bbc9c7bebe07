//! Staff accounts: who may sign in, with which role, scoped to which program.
//!
//! Passwords are hashed with argon2id (a salted PHC string) and never stored, logged or
//! echoed. Hashing and checking run off the async runtime: they are slow on purpose.
//!
//! A password someone else set (an admin's one-time password, a first password, one
//! given with `hearth user add`) is flagged `must_change_password`: it is a one-time
//! password, used up by the sign-in it allows (which leads straight to choosing one's own)
//! and refused after a lifetime (72 hours by default) counted from `one_time_set_at`. An
//! account can be deactivated (kept, but it cannot sign in) and reactivated; there is
//! always at least one active admin. Every change made for a person is recorded in the
//! audit trail in the same transaction as the change.

use std::fmt;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use domain::Store;
use domain::audit::{self, Action, Actor, Entry};
use domain::i18n::Lang;
use domain::store::random_id;
use domain::{ProgramId, StaffId};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::session_store::end_sessions;

/// What a staff member may do. Managers, facilitators and data entry are scoped to one
/// program; a funder to one program or the whole portfolio; an admin to everything.
///
/// Data entry types a program's paper forms in, and does nothing else: a separate role
/// rather than a flag on another one, so the person who types the forms need see no
/// figures, no session desk and no accounts (and a facilitator who saw the room need not
/// be the one who types what it wrote).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Admin,
    Manager,
    Facilitator,
    Funder,
    DataEntry,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Manager,
        Role::Facilitator,
        Role::Funder,
        Role::DataEntry,
    ];

    /// How storage, forms and the command line name it (`data_entry`): never shown to
    /// people, who read [`Role::label`].
    pub fn key(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Facilitator => "facilitator",
            Role::Funder => "funder",
            Role::DataEntry => "data_entry",
        }
    }

    /// How people read it, on every page, message and command output ("data entry", not
    /// its key); `Display` writes it too.
    pub fn label(self) -> &'static str {
        match self {
            Role::DataEntry => "data entry",
            other => other.key(),
        }
    }

    /// The staff catalog's message for its label (`role-data-entry`), for pages.
    pub fn message_key(self) -> String {
        format!("role-{}", self.key().replace('_', "-"))
    }

    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key.trim())
    }
}

/// The [`Role::label`]: what a page or a message says. Storage and forms use the key.
impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{0:?} is not an email address")]
    Email(String),
    #[error("passwords must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long")]
    Password,
    #[error("{0:?} is not a role (admin, manager, facilitator, funder or data entry)")]
    Role(String),
    #[error("a {0} account must belong to a program")]
    NeedsProgram(Role),
    #[error("an admin sees every program; leave the program out")]
    AdminProgram,
    #[error("no program is named {0:?}")]
    UnknownProgram(String),
    #[error("an account with the email {0:?} already exists")]
    Taken(String),
    #[error("there is no such account")]
    NoSuchAccount,
    #[error(
        "there must always be an active admin, and {0} is the only one. Make another account an admin first"
    )]
    LastAdmin(String),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A signed-in (or listed) staff member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffUser {
    pub id: StaffId,
    pub email: String,
    pub role: Role,
    pub program_id: Option<ProgramId>,
    pub program: Option<String>,
}

/// An account with its standing: whether it may sign in, and whether its owner must
/// choose a new password before anything else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub user: StaffUser,
    pub active: bool,
    pub must_change_password: bool,
    /// When a password someone else set was set (Unix seconds), while it is unreplaced.
    pub one_time_set_at: Option<i64>,
    /// The one-time password has signed in once already: it never will again.
    pub one_time_used: bool,
    /// A confirmed authenticator app: sign-in asks for its code after the password.
    pub has_second_factor: bool,
    /// The language its owner chose for staff pages ("Your account"); `None` follows the
    /// browser's Accept-Language.
    pub lang: Option<Lang>,
}

impl Account {
    /// Why its password, though right, may not sign in (`None`: it may). Only a password
    /// someone else set can be used up or expire; `lifetime` is how long one lasts.
    pub fn one_time_refusal(
        &self,
        now: i64,
        lifetime: std::time::Duration,
    ) -> Option<OneTimeRefusal> {
        if !self.must_change_password {
            return None;
        }
        if self.one_time_used {
            return Some(OneTimeRefusal::Used);
        }
        let expired = self
            .one_time_set_at
            .is_some_and(|set| now >= set.saturating_add(lifetime.as_secs() as i64));
        expired.then_some(OneTimeRefusal::Expired)
    }
}

/// Why a right one-time password does not sign in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OneTimeRefusal {
    /// It signed in once already (and its owner left without choosing their own).
    Used,
    /// It is older than its lifetime.
    Expired,
}

/// An email, trimmed and lower-cased: the account's key.
pub fn normalize_email(email: &str) -> Result<String, AccountError> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && matches!(email.split_once('@'), Some((local, domain)) if !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.'))
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || domain::text::changes_direction(c));
    if valid {
        Ok(email)
    } else {
        Err(AccountError::Email(email))
    }
}

pub fn check_password(password: &str) -> Result<(), AccountError> {
    let n = password.chars().count();
    if (MIN_PASSWORD..=MAX_PASSWORD).contains(&n) {
        Ok(())
    } else {
        Err(AccountError::Password)
    }
}

/// Hashes a password with argon2id and a fresh salt (blocking; seconds unoptimised).
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

/// Whether `password` matches a stored hash (blocking).
pub fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash of no one's password, checked when an email is unknown so that a refusal takes
/// as long for an unknown email as for a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        hash_password("no account has this password").expect("argon2 with defaults")
    })
}

/// A role with the program it is scoped to, checked: managers and facilitators need a
/// program, admins have none, funders one or none (the whole portfolio).
fn scope(role: &str, program: Option<&str>) -> Result<(Role, Option<String>), AccountError> {
    let role = Role::parse(role).ok_or_else(|| AccountError::Role(role.to_owned()))?;
    let program = program
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned);
    match (role, &program) {
        (Role::Admin, Some(_)) => Err(AccountError::AdminProgram),
        (Role::Manager | Role::Facilitator | Role::DataEntry, None) => {
            Err(AccountError::NeedsProgram(role))
        }
        _ => Ok((role, program)),
    }
}

/// What `hearth user add` and the admin page ask for, checked.
#[derive(Clone, Debug)]
pub struct NewUser {
    email: String,
    role: Role,
    program: Option<String>,
}

impl NewUser {
    pub fn new(email: &str, role: &str, program: Option<&str>) -> Result<NewUser, AccountError> {
        let email = normalize_email(email)?;
        let (role, program) = scope(role, program)?;
        Ok(NewUser {
            email,
            role,
            program,
        })
    }
}

/// Whether a password set for an account is its owner's own, or one they must replace
/// when they next sign in (an admin's one-time password, a first password given to them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordKind {
    Own,
    MustChange,
}

impl PasswordKind {
    fn flag(self) -> i32 {
        match self {
            PasswordKind::Own => 0,
            PasswordKind::MustChange => 1,
        }
    }
}

/// A password to hand to someone, readable aloud and easy to type: four groups of four
/// from an alphabet without look-alikes (no 0/o, 1/l/i), e.g. `kq7m-2xpf-9wtd-hc4e` —
/// 16 symbols of 31, about 79 bits, and 19 characters (more than [`MIN_PASSWORD`]).
pub fn one_time_password() -> String {
    use rand::RngExt;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..4)
        .map(|_| {
            (0..4)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Checks a password's length and hashes it off the async runtime, in the argon2 queue.
async fn hashed(password: String) -> Result<String, AccountError> {
    check_password(&password)?;
    crate::hashing::run(move || hash_password(&password))
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))?
}

/// Whether `password` matches `hash`, checked off the async runtime in the argon2 queue:
/// a flood of sign-ins waits its turn rather than taking every core.
pub async fn password_matches_queued(password: String, hash: String) -> bool {
    crate::hashing::run(move || password_matches(&password, &hash))
        .await
        .unwrap_or(false)
}

/// Marks an account's one-time password used, at the sign-in it allows: `false` when it
/// already was (two sign-ins racing with it: only one gets through).
pub async fn use_one_time_password(store: &Store, id: StaffId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update staff_user set one_time_used = 1 \
         where id = $1 and must_change_password = 1 and one_time_used = 0",
    )
    .bind(id)
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

async fn program_id(
    conn: &mut AnyConnection,
    program: Option<&str>,
) -> Result<Option<ProgramId>, AccountError> {
    match program {
        None => Ok(None),
        Some(name) => Ok(Some(
            sqlx::query_scalar::<_, ProgramId>("select id from program where name = $1")
                .bind(name)
                .fetch_optional(&mut *conn)
                .await?
                .ok_or_else(|| AccountError::UnknownProgram(name.to_owned()))?,
        )),
    }
}

/// Adds an account whose password is its owner's own, and records nothing: for the demo
/// and test seeds. Anything done for a person goes through [`add_account`].
pub async fn add_user(
    store: &Store,
    new: &NewUser,
    password: String,
) -> Result<StaffUser, AccountError> {
    insert_user(store, None, new, password, PasswordKind::Own).await
}

/// Adds an account and its audit entry (in one transaction), by `by`. The password is
/// checked for length and hashed here; with [`PasswordKind::MustChange`] its owner
/// must replace it at their first sign-in.
pub async fn add_account(
    store: &Store,
    by: Actor<'_>,
    new: &NewUser,
    password: String,
    kind: PasswordKind,
) -> Result<StaffUser, AccountError> {
    insert_user(store, Some(by), new, password, kind).await
}

async fn insert_user(
    store: &Store,
    by: Option<Actor<'_>>,
    new: &NewUser,
    password: String,
    kind: PasswordKind,
) -> Result<StaffUser, AccountError> {
    let hash = hashed(password).await?;
    let mut tx = store.begin_write().await?;
    let program_id = program_id(&mut tx, new.program.as_deref()).await?;
    let id = loop {
        let id = StaffId::new(random_id());
        let inserted = sqlx::query(
            "insert into staff_user (id, email, password_hash, role, program_id, active, must_change_password, one_time_set_at) \
             values ($1, $2, $3, $4, $5, 1, $6, $7) on conflict do nothing",
        )
        .bind(id)
        .bind(&new.email)
        .bind(&hash)
        .bind(new.role.key())
        .bind(program_id)
        .bind(kind.flag())
        .bind((kind == PasswordKind::MustChange).then(domain::catalog::now_unix))
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            break id;
        }
        let taken: Option<StaffId> =
            sqlx::query_scalar("select id from staff_user where email = $1")
                .bind(&new.email)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(AccountError::Taken(new.email.clone()));
        }
    };
    if let Some(by) = by {
        let mut detail = describe(new.role, new.program.as_deref());
        if kind == PasswordKind::MustChange {
            detail.push_str("; must choose their own password at first sign-in");
        }
        audit::record(
            &mut *tx,
            Entry::new(by, Action::AccountAdded, &new.email).detail(&detail),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(StaffUser {
        id,
        email: new.email.clone(),
        role: new.role,
        program_id,
        program: new.program.clone(),
    })
}

/// "role manager, program Riverside", as the audit trail reads it.
fn describe(role: Role, program: Option<&str>) -> String {
    match program {
        Some(p) => format!("role {role}, program {p}"),
        None => format!("role {role}"),
    }
}

const SELECT: &str = "select u.id, u.email, u.role, u.program_id, p.name as program, u.password_hash, \
                      u.active, u.must_change_password, u.one_time_set_at, u.one_time_used, u.lang, \
                      (select count(*) from staff_totp t where t.user_id = u.id and t.confirmed = 1) as factors \
                      from staff_user u left join program p on p.id = u.program_id";

fn user_of(row: &AnyRow) -> Result<StaffUser, sqlx::Error> {
    let role: String = row.try_get("role")?;
    Ok(StaffUser {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        role: Role::parse(&role)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role}").into()))?,
        program_id: row.try_get("program_id")?,
        program: row.try_get("program")?,
    })
}

fn account_of(row: &AnyRow) -> Result<Account, sqlx::Error> {
    Ok(Account {
        user: user_of(row)?,
        active: row.try_get::<i32, _>("active")? != 0,
        must_change_password: row.try_get::<i32, _>("must_change_password")? != 0,
        one_time_set_at: row.try_get("one_time_set_at")?,
        one_time_used: row.try_get::<i32, _>("one_time_used")? != 0,
        has_second_factor: row.try_get::<i64, _>("factors")? > 0,
        lang: row
            .try_get::<Option<String>, _>("lang")?
            .as_deref()
            .and_then(Lang::from_code),
    })
}

/// The account of an email, with its password hash.
pub async fn find_by_email(
    store: &Store,
    email: &str,
) -> Result<Option<(StaffUser, String)>, sqlx::Error> {
    Ok(find_account_by_email(store, email)
        .await?
        .map(|(account, hash)| (account.user, hash)))
}

/// The account of an email, with its standing and password hash (for signing in).
pub async fn find_account_by_email(
    store: &Store,
    email: &str,
) -> Result<Option<(Account, String)>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} where u.email = $1"))
        .bind(email)
        .fetch_optional(store.pool())
        .await?;
    row.map(|r| Ok((account_of(&r)?, r.try_get("password_hash")?)))
        .transpose()
}

pub async fn find_by_id(store: &Store, id: StaffId) -> Result<Option<StaffUser>, sqlx::Error> {
    Ok(find_account(store, id).await?.map(|a| a.user))
}

/// An account with its standing, read from the store on every signed-in request.
pub async fn find_account(store: &Store, id: StaffId) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} where u.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    row.as_ref().map(account_of).transpose()
}

/// Whether an account gets release digests by e-mail (`staff_user.digests`, on unless
/// its owner turned them off on "Your account").
pub async fn digests(store: &Store, id: StaffId) -> Result<bool, sqlx::Error> {
    let on: Option<i32> = sqlx::query_scalar("select digests from staff_user where id = $1")
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    Ok(on == Some(1))
}

/// Turns an account's release digests on or off.
pub async fn set_digests(store: &Store, id: StaffId, on: bool) -> Result<(), sqlx::Error> {
    sqlx::query("update staff_user set digests = $1 where id = $2")
        .bind(i32::from(on))
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Sets (or, with `None`, clears) the language an account's staff pages are in.
pub async fn set_language(
    store: &Store,
    id: StaffId,
    lang: Option<Lang>,
) -> Result<(), sqlx::Error> {
    sqlx::query("update staff_user set lang = $1 where id = $2")
        .bind(lang.map(|l| l.code().to_owned()))
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// The password hash of an account (to check its owner's current password).
pub async fn password_hash(store: &Store, id: StaffId) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("select password_hash from staff_user where id = $1")
        .bind(id)
        .fetch_optional(store.pool())
        .await
}

/// How the first admin of a fresh install is made, on the server: said on the sign-in page
/// and in `hearth serve`'s log while there is no account at all.
pub const FIRST_ADMIN: &str = "hearth user add --email you@example.org --role admin --permanent";

/// Whether any staff account exists (active or not): a fresh install has none, and nobody
/// can sign in until one is made with [`FIRST_ADMIN`].
pub async fn any_account(store: &Store) -> Result<bool, sqlx::Error> {
    let found: Option<StaffId> = sqlx::query_scalar("select id from staff_user limit 1")
        .fetch_optional(store.pool())
        .await?;
    Ok(found.is_some())
}

/// Every account, admins first, then by email.
pub async fn list_accounts(store: &Store) -> Result<Vec<Account>, sqlx::Error> {
    let rows = sqlx::query(&format!("{SELECT} order by u.role, u.email"))
        .fetch_all(store.pool())
        .await?;
    rows.iter().map(account_of).collect()
}

async fn account_in(conn: &mut AnyConnection, id: StaffId) -> Result<Account, AccountError> {
    let row = sqlx::query(&format!("{SELECT} where u.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(AccountError::NoSuchAccount)?;
    Ok(account_of(&row)?)
}

/// Refuses a change that would leave no active admin: `account` is about to be demoted,
/// deactivated or removed. (Two admins demoting each other at the same instant on
/// PostgreSQL could both pass; the command line can always add an admin again.)
async fn keep_an_admin(conn: &mut AnyConnection, account: &Account) -> Result<(), AccountError> {
    if account.user.role != Role::Admin || !account.active {
        return Ok(());
    }
    let others: i64 = sqlx::query_scalar(
        "select count(*) from staff_user where role = 'admin' and active = 1 and id <> $1",
    )
    .bind(account.user.id)
    .fetch_one(&mut *conn)
    .await?;
    if others == 0 {
        Err(AccountError::LastAdmin(account.user.email.clone()))
    } else {
        Ok(())
    }
}

/// Changes an account's role and program (checked as when adding), by `by`. Returns the
/// change in words ("role facilitator → manager, program A → B"), or `None` when nothing
/// changed (and nothing was recorded).
pub async fn change_role(
    store: &Store,
    by: &str,
    id: StaffId,
    role: &str,
    program: Option<&str>,
) -> Result<Option<(StaffUser, String)>, AccountError> {
    let (role, program) = scope(role, program)?;
    let mut tx = store.begin_write().await?;
    let account = account_in(&mut tx, id).await?;
    let program_id = program_id(&mut tx, program.as_deref()).await?;
    let old = &account.user;
    let mut changes = vec![];
    if old.role != role {
        changes.push(format!("role {} → {}", old.role, role));
    }
    if old.program_id != program_id {
        let name = |p: Option<&str>| p.unwrap_or("none").to_owned();
        changes.push(format!(
            "program {} → {}",
            name(old.program.as_deref()),
            name(program.as_deref())
        ));
    }
    if changes.is_empty() {
        return Ok(None);
    }
    if role != Role::Admin {
        keep_an_admin(&mut tx, &account).await?;
    }
    sqlx::query("update staff_user set role = $1, program_id = $2 where id = $3")
        .bind(role.key())
        .bind(program_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let detail = changes.join(", ");
    audit::commit(
        tx,
        Entry::new(Actor::Staff(by), Action::AccountChanged, &old.email).detail(&detail),
    )
    .await?;
    let user = StaffUser {
        role,
        program_id,
        program,
        ..account.user
    };
    Ok(Some((user, detail)))
}

/// Deactivates (`active = false`) or reactivates an account, by `by`. A deactivated
/// account's sign-in sessions end at once. Returns `None` when it already was so (nothing
/// changed, nothing recorded).
pub async fn set_active(
    store: &Store,
    by: &str,
    id: StaffId,
    active: bool,
) -> Result<Option<StaffUser>, AccountError> {
    let mut tx = store.begin_write().await?;
    let account = account_in(&mut tx, id).await?;
    if account.active == active {
        return Ok(None);
    }
    if !active {
        keep_an_admin(&mut tx, &account).await?;
        end_sessions(&mut tx, id).await?;
    }
    sqlx::query("update staff_user set active = $1 where id = $2")
        .bind(i32::from(active))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let action = if active {
        Action::AccountReactivated
    } else {
        Action::AccountDeactivated
    };
    audit::commit(
        tx,
        Entry::new(Actor::Staff(by), action, &account.user.email),
    )
    .await?;
    Ok(Some(account.user))
}

/// Removes an account, by `by`, and ends its sign-in sessions. Its past audit entries stay
/// (they hold its email as text); the sessions it opened stay, with no opener.
pub async fn remove_account(
    store: &Store,
    by: &str,
    id: StaffId,
) -> Result<StaffUser, AccountError> {
    let mut tx = store.begin_write().await?;
    let account = account_in(&mut tx, id).await?;
    keep_an_admin(&mut tx, &account).await?;
    end_sessions(&mut tx, id).await?;
    domain::catalog::forget_opener(&mut tx, id).await?;
    forget_second_factor(&mut tx, id).await?;
    sqlx::query("delete from staff_user where id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut *tx,
        Entry::new(
            Actor::Staff(by),
            Action::AccountRemoved,
            &account.user.email,
        )
        .detail(&describe(
            account.user.role,
            account.user.program.as_deref(),
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(account.user)
}

/// Deletes every second-factor row of an account (`factor`'s app and recovery codes):
/// when the account goes, or its second factor is removed.
pub(crate) async fn forget_second_factor(
    conn: &mut AnyConnection,
    user: StaffId,
) -> Result<(), sqlx::Error> {
    for table in ["staff_totp", "staff_recovery_code"] {
        sqlx::query(&format!("delete from {table} where user_id = $1"))
            .bind(user)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Gives an account a new [`one_time_password`], by `by`: only its hash is stored, the
/// account must choose its own at its next sign-in, and its sign-in sessions end. The
/// password is returned to be shown once.
pub async fn reset_password(
    store: &Store,
    by: &str,
    id: StaffId,
) -> Result<(StaffUser, String), AccountError> {
    let password = one_time_password();
    let hash = hashed(password.clone()).await?;
    let mut tx = store.begin_write().await?;
    let account = account_in(&mut tx, id).await?;
    sqlx::query(
        "update staff_user set password_hash = $1, must_change_password = 1, \
         one_time_set_at = $2, one_time_used = 0 where id = $3",
    )
    .bind(&hash)
    .bind(domain::catalog::now_unix())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    end_sessions(&mut tx, id).await?;
    audit::record(
        &mut *tx,
        Entry::new(Actor::Staff(by), Action::PasswordReset, &account.user.email)
            .detail("one-time password; must choose their own at next sign-in"),
    )
    .await?;
    tx.commit().await?;
    Ok((account.user, password))
}

/// Sets an account's own password (its owner chose it): the must-change flag goes, and
/// every sign-in session of the account ends (the caller gives its own a new id).
pub async fn change_password(
    store: &Store,
    user: &StaffUser,
    password: String,
) -> Result<(), AccountError> {
    let hash = hashed(password).await?;
    let mut tx = store.begin_write().await?;
    let changed = sqlx::query(
        "update staff_user set password_hash = $1, must_change_password = 0, \
         one_time_set_at = null, one_time_used = 0 where id = $2",
    )
    .bind(&hash)
    .bind(user.id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(AccountError::NoSuchAccount);
    }
    end_sessions(&mut tx, user.id).await?;
    audit::record(
        &mut *tx,
        Entry::new(
            Actor::Staff(&user.email),
            Action::PasswordChanged,
            &user.email,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            normalize_email(" Ana@Example.org ").unwrap(),
            "ana@example.org"
        );
        for bad in [
            "",
            "ana",
            "@example.org",
            "ana@example",
            "ana@.org",
            "a na@example.org",
            // A direction override would show "ana@gro.elpmaxe" to an admin reading it.
            "ana@\u{202e}gro.elpmaxe",
            "ana\u{2066}@example.org",
        ] {
            assert!(normalize_email(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn roles_and_programs_must_fit_together() {
        assert!(matches!(
            NewUser::new("a@b.org", "manager", None),
            Err(AccountError::NeedsProgram(Role::Manager))
        ));
        assert!(matches!(
            NewUser::new("a@b.org", "admin", Some("P")),
            Err(AccountError::AdminProgram)
        ));
        assert!(matches!(
            NewUser::new("a@b.org", "owner", None),
            Err(AccountError::Role(_))
        ));
        assert!(NewUser::new("a@b.org", "funder", None).is_ok());
        assert!(NewUser::new("a@b.org", "facilitator", Some("P")).is_ok());
    }

    #[test]
    fn a_password_matches_only_its_own_hash() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(password_matches("correct horse battery", &hash));
        assert!(!password_matches("correct horse battery!", &hash));
        assert!(!password_matches("anything", "not a hash"));
    }
}
