//! Staff accounts: who may sign in, with which role, scoped to which program.
//!
//! Passwords are hashed with argon2id (a salted PHC string) and never stored, logged or
//! echoed. Hashing and checking run off the async runtime: they are slow on purpose.

use std::fmt;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use collector::Store;
use collector::store::random_id;
use sqlx::Row;

/// What a staff member may do. Managers and facilitators are scoped to one program;
/// a funder to one program or the whole portfolio; an admin to everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Admin,
    Manager,
    Facilitator,
    Funder,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Manager, Role::Facilitator, Role::Funder];

    pub fn key(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Facilitator => "facilitator",
            Role::Funder => "funder",
        }
    }

    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key.trim())
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
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
    #[error("{0:?} is not a role (admin, manager, facilitator or funder)")]
    Role(String),
    #[error("a {0} must belong to a program")]
    NeedsProgram(Role),
    #[error("an admin sees every program; leave the program out")]
    AdminProgram,
    #[error("no program is named {0:?}")]
    UnknownProgram(String),
    #[error("an account with the email {0:?} already exists")]
    Taken(String),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A signed-in (or listed) staff member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffUser {
    pub id: i32,
    pub email: String,
    pub role: Role,
    pub program_id: Option<i32>,
    pub program: Option<String>,
}

/// An email, trimmed and lower-cased: the account's key.
pub fn normalize_email(email: &str) -> Result<String, AccountError> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && matches!(email.split_once('@'), Some((local, domain)) if !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.'))
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email)
    } else {
        Err(AccountError::Email(email))
    }
}

fn check_password(password: &str) -> Result<(), AccountError> {
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
        let role = Role::parse(role).ok_or_else(|| AccountError::Role(role.to_owned()))?;
        let program = program
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        match (role, &program) {
            (Role::Admin, Some(_)) => return Err(AccountError::AdminProgram),
            (Role::Manager | Role::Facilitator, None) => {
                return Err(AccountError::NeedsProgram(role));
            }
            _ => {}
        }
        Ok(NewUser {
            email,
            role,
            program,
        })
    }
}

/// Adds an account. The password is checked for length and hashed here.
pub async fn add_user(
    store: &Store,
    new: &NewUser,
    password: String,
) -> Result<StaffUser, AccountError> {
    check_password(&password)?;
    let program_id = match &new.program {
        None => None,
        Some(name) => Some(
            sqlx::query_scalar::<_, i32>("select id from program where name = $1")
                .bind(name)
                .fetch_optional(store.pool())
                .await?
                .ok_or_else(|| AccountError::UnknownProgram(name.clone()))?,
        ),
    };
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))??;
    loop {
        let id = random_id();
        let inserted = sqlx::query(
            "insert into staff_user (id, email, password_hash, role, program_id) \
             values ($1, $2, $3, $4, $5) on conflict do nothing",
        )
        .bind(id)
        .bind(&new.email)
        .bind(&hash)
        .bind(new.role.key())
        .bind(program_id)
        .execute(store.pool())
        .await?;
        if inserted.rows_affected() == 1 {
            return Ok(StaffUser {
                id,
                email: new.email.clone(),
                role: new.role,
                program_id,
                program: new.program.clone(),
            });
        }
        if find_by_email(store, &new.email).await?.is_some() {
            return Err(AccountError::Taken(new.email.clone()));
        }
    }
}

const SELECT: &str = "select u.id, u.email, u.role, u.program_id, p.name as program, u.password_hash \
                      from staff_user u left join program p on p.id = u.program_id";

fn user_of(row: &sqlx::any::AnyRow) -> Result<StaffUser, sqlx::Error> {
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

/// The account of an email, with its password hash.
pub async fn find_by_email(
    store: &Store,
    email: &str,
) -> Result<Option<(StaffUser, String)>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} where u.email = $1"))
        .bind(email)
        .fetch_optional(store.pool())
        .await?;
    row.map(|r| Ok((user_of(&r)?, r.try_get("password_hash")?)))
        .transpose()
}

pub async fn find_by_id(store: &Store, id: i32) -> Result<Option<StaffUser>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT} where u.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    row.as_ref().map(user_of).transpose()
}

pub async fn list_users(store: &Store) -> Result<Vec<StaffUser>, sqlx::Error> {
    let rows = sqlx::query(&format!("{SELECT} order by u.role, u.email"))
        .fetch_all(store.pool())
        .await?;
    rows.iter().map(user_of).collect()
}

/// Removes an account and ends its sign-in sessions' use (the next request finds no
/// account and signs out).
pub async fn remove_user(store: &Store, id: i32) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("delete from staff_user where id = $1")
        .bind(id)
        .execute(store.pool())
        .await?
        .rows_affected()
        == 1)
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
