//! API tokens: made by an admin (on a page or with `hearth api-token add`), shown once,
//! stored hashed, listed with the day they were last used, revoked.
//!
//! # Privacy and security
//! A token is 256 random bits from a cryptographically secure generator (`rand::rng`), written as
//! `hearth_` and 64 hex digits. Only its SHA-256 is stored. A fast hash is right here,
//! unlike for passwords: a token is not chosen by a person, so there is nothing to guess
//! from a list, and 2²⁵⁶ candidates cannot be tried however fast each try is. The hash is
//! looked up by the database and compared again in constant time
//! (`factor::constant_time_eq`). Use is stored as a day (`last_used_on`), never a time, and
//! nothing about the caller (no address, no agent) is stored or logged.

use chrono::NaiveDate;
use domain::audit::{self, Action, Actor, Entry};
use domain::store::random_id;
use domain::{ProgramId, Store, hex};
use rand::RngExt;
use sha2::{Digest, Sha256};

use crate::factor::constant_time_eq;

/// What a token's text begins with, so a leaked one is recognisable (and searchable).
pub const PREFIX: &str = "hearth_";

/// Who a token reads as: what a signed-in person of that role sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// A program's manager: its months (circles and the program) and quarters.
    Manager,
    /// A funder: program-level quarters, of one program or all.
    Funder,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Manager, Audience::Funder];

    pub fn key(self) -> &'static str {
        match self {
            Audience::Manager => "manager",
            Audience::Funder => "funder",
        }
    }

    pub fn from_key(key: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The suppression thresholds and statuses the token's figures follow.
    pub fn figures(self) -> analytics::suppression::Audience {
        match self {
            Audience::Manager => analytics::suppression::Audience::Manager,
            Audience::Funder => analytics::suppression::Audience::Funder,
        }
    }
}

/// A token as listed: never its text or its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i32,
    pub name: String,
    pub audience: Audience,
    pub program_id: Option<ProgramId>,
    /// The program's name, when it has one.
    pub program: Option<String>,
    pub created_on: NaiveDate,
    pub last_used_on: Option<NaiveDate>,
    pub revoked_on: Option<NaiveDate>,
}

/// The text of a token, as made: shown once, then dropped. `Debug` does not show it.
pub struct TokenText(String);

impl TokenText {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for TokenText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenText(…)")
    }
}

/// A token to be made, checked: a name, an audience, and the program it is scoped to.
#[derive(Clone, Debug)]
pub struct NewToken {
    name: String,
    audience: Audience,
    program: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("Give the token a name, so you can tell it apart in the list.")]
    NoName,
    #[error("The name is too long: 80 characters at most.")]
    LongName,
    #[error("{0}.")]
    Text(domain::text::TextError),
    #[error("{0:?} is not an audience: choose manager or funder.")]
    Audience(String),
    #[error("A manager token needs a program: it sees what that program's manager sees.")]
    ManagerWithoutProgram,
    #[error("There is no program called {0:?}.")]
    NoProgram(String),
    #[error("There is already a token called {0:?}: choose another name.")]
    Taken(String),
    #[error("There is no token called {0:?} that is still in use.")]
    NotFound(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl NewToken {
    /// Checks what an admin typed: a name (one line, the house rule for names), an
    /// audience key, and a program's name (needed for a manager, optional for a funder).
    pub fn new(name: &str, audience: &str, program: Option<&str>) -> Result<NewToken, TokenError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(TokenError::NoName);
        }
        if name.chars().count() > 80 {
            return Err(TokenError::LongName);
        }
        domain::text::check(name, domain::text::Shape::Name, "The token's name")
            .map_err(TokenError::Text)?;
        let audience = Audience::from_key(audience.trim())
            .ok_or_else(|| TokenError::Audience(audience.to_owned()))?;
        let program = program.map(str::trim).filter(|p| !p.is_empty());
        if audience == Audience::Manager && program.is_none() {
            return Err(TokenError::ManagerWithoutProgram);
        }
        Ok(NewToken {
            name: name.to_owned(),
            audience,
            program: program.map(str::to_owned),
        })
    }
}

/// The SHA-256 of a token's text, in hex: what is stored and looked up.
fn hash(text: &str) -> String {
    hex::encode(&Sha256::digest(text.as_bytes()))
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn day(text: Option<String>) -> Result<Option<NaiveDate>, sqlx::Error> {
    text.map(|t| {
        t.parse()
            .map_err(|_| sqlx::Error::Decode(format!("api_token: {t:?} is not a day").into()))
    })
    .transpose()
}

/// Makes a token and records it in the audit trail, in one transaction; its text is
/// returned once and kept nowhere.
pub async fn add(
    store: &Store,
    by: Actor<'_>,
    new: &NewToken,
) -> Result<(ApiToken, TokenText), TokenError> {
    let secret: [u8; 32] = rand::rng().random();
    let text = TokenText(format!("{PREFIX}{}", hex::encode(&secret)));
    let mut tx = store.begin_write().await?;
    let (program_id, program) = match &new.program {
        None => (None, None),
        Some(name) => {
            let found: Option<(ProgramId, String)> =
                sqlx::query_as("select id, name from program where lower(name) = lower($1)")
                    .bind(name)
                    .fetch_optional(&mut *tx)
                    .await?;
            let (id, name) = found.ok_or_else(|| TokenError::NoProgram(name.clone()))?;
            (Some(id), Some(name))
        }
    };
    let taken: Option<i32> = sqlx::query_scalar("select id from api_token where name = $1")
        .bind(&new.name)
        .fetch_optional(&mut *tx)
        .await?;
    if taken.is_some() {
        return Err(TokenError::Taken(new.name.clone()));
    }
    let created_on = today();
    let id = loop {
        let id = random_id();
        let inserted = sqlx::query(
            "insert into api_token (id, name, audience, program_id, token_hash, created_on) \
             values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing",
        )
        .bind(id)
        .bind(&new.name)
        .bind(new.audience.key())
        .bind(program_id)
        .bind(hash(text.expose()))
        .bind(created_on.to_string())
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            break id;
        }
    };
    let detail = match &program {
        Some(p) => format!("audience {}, program {p}", new.audience.key()),
        None => format!("audience {}, all programs", new.audience.key()),
    };
    audit::commit(
        tx,
        Entry::new(by, Action::ApiTokenAdded, &new.name).detail(&detail),
    )
    .await?;
    let token = ApiToken {
        id,
        name: new.name.clone(),
        audience: new.audience,
        program_id,
        program,
        created_on,
        last_used_on: None,
        revoked_on: None,
    };
    Ok((token, text))
}

const COLUMNS: &str = "t.id, t.name, t.audience, t.program_id, p.name, t.created_on, \
                       t.last_used_on, t.revoked_on";

type Row = (
    i32,
    String,
    String,
    Option<ProgramId>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

/// A [`Row`] and the token's hash.
type WithHash = (
    i32,
    String,
    String,
    Option<ProgramId>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    String,
);

fn token_of(row: Row) -> Result<ApiToken, sqlx::Error> {
    let (id, name, audience, program_id, program, created, used, revoked) = row;
    Ok(ApiToken {
        id,
        audience: Audience::from_key(&audience).ok_or_else(|| {
            sqlx::Error::Decode(format!("api_token.audience {audience:?}").into())
        })?,
        name,
        program_id,
        program,
        created_on: day(Some(created))?.expect("a day was given"),
        last_used_on: day(used)?,
        revoked_on: day(revoked)?,
    })
}

/// Every token, in use first, then by name.
pub async fn list(store: &Store) -> Result<Vec<ApiToken>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "select {COLUMNS} from api_token t left join program p on p.id = t.program_id \
         order by (t.revoked_on is not null), t.name"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.into_iter().map(token_of).collect()
}

/// One token by id (revoked or not).
pub async fn find(store: &Store, id: i32) -> Result<Option<ApiToken>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "select {COLUMNS} from api_token t left join program p on p.id = t.program_id \
         where t.id = $1"
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await?;
    row.map(token_of).transpose()
}

/// Revokes the token in use called `name` (from the command line).
pub async fn revoke_by_name(store: &Store, by: Actor<'_>, name: &str) -> Result<(), TokenError> {
    let id: Option<i32> =
        sqlx::query_scalar("select id from api_token where name = $1 and revoked_on is null")
            .bind(name.trim())
            .fetch_optional(store.pool())
            .await?;
    let id = id.ok_or_else(|| TokenError::NotFound(name.to_owned()))?;
    revoke(store, by, id).await
}

/// Revokes a token from today on; it is refused from its next request. Revoking one
/// revoked already changes nothing and records nothing.
pub async fn revoke(store: &Store, by: Actor<'_>, id: i32) -> Result<(), TokenError> {
    let mut tx = store.begin_write().await?;
    let name: Option<String> =
        sqlx::query_scalar("select name from api_token where id = $1 and revoked_on is null")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let name = name.ok_or_else(|| TokenError::NotFound(id.to_string()))?;
    sqlx::query("update api_token set revoked_on = $1 where id = $2")
        .bind(today().to_string())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::commit(tx, Entry::new(by, Action::ApiTokenRevoked, &name)).await?;
    Ok(())
}

/// The token in use whose text this is, or `None` (unknown, revoked, or not a token's
/// shape). Marks it used today — a write only on its first use of a day.
pub async fn authenticate(store: &Store, text: &str) -> Result<Option<ApiToken>, sqlx::Error> {
    let well_formed = text
        .strip_prefix(PREFIX)
        .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
    if !well_formed {
        return Ok(None);
    }
    let hashed = hash(text);
    let row: Option<WithHash> = sqlx::query_as(&format!(
        "select {COLUMNS}, t.token_hash from api_token t left join program p on p.id = t.program_id \
         where t.token_hash = $1 and t.revoked_on is null"
    ))
    .bind(&hashed)
    .fetch_optional(store.pool())
    .await?;
    let Some((id, name, audience, program_id, program, created, used, revoked, stored)) = row
    else {
        return Ok(None);
    };
    if !constant_time_eq(stored.as_bytes(), hashed.as_bytes()) {
        return Ok(None);
    }
    let row = (
        id, name, audience, program_id, program, created, used, revoked,
    );
    let mut token = token_of(row)?;
    let today = today();
    // One write a day per token: every other request only reads.
    if token.last_used_on != Some(today) {
        sqlx::query("update api_token set last_used_on = $1 where id = $2")
            .bind(today.to_string())
            .bind(token.id)
            .execute(store.pool())
            .await?;
        token.last_used_on = Some(today);
    }
    Ok(Some(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manager_token_needs_a_program_and_names_follow_the_house_rule() {
        assert!(matches!(
            NewToken::new("board", "manager", None),
            Err(TokenError::ManagerWithoutProgram)
        ));
        assert!(matches!(
            NewToken::new("=cmd", "funder", None),
            Err(TokenError::Text(_))
        ));
        assert!(matches!(
            NewToken::new("x", "admin", None),
            Err(TokenError::Audience(_))
        ));
        assert!(matches!(
            NewToken::new("  ", "funder", None),
            Err(TokenError::NoName)
        ));
        assert!(NewToken::new("Board dashboard", "funder", Some(" ")).is_ok());
    }

    #[test]
    fn the_hash_is_sha256_in_hex_and_the_text_is_not_in_debug() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let t = TokenText("hearth_secret".into());
        assert!(!format!("{t:?}").contains("secret"));
    }
}
