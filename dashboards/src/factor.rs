//! The second factor: an authenticator app (TOTP, RFC 6238 — HMAC-SHA-1, six digits,
//! 30-second steps, one step of clock drift either way) and recovery codes.
//!
//! Enrolling makes a 160-bit secret, stored unconfirmed until its owner types a code from
//! the app; confirming makes ten recovery codes, shown once and stored as SHA-256 hashes
//! (each is about 50 random bits, so a fast hash is enough; a code is deleted when used).
//! A code is accepted once: the step of the last accepted code is kept, and only a later
//! step signs in again.
//!
//! The secret is sealed with AES-256-GCM under [`FactorKey`] (from the environment, never
//! the database) when `hearth serve` has one, so a database dump alone cannot make codes.
//! Without a key it is stored as it is, marked `plain:`, and `hearth serve` says so at
//! start; a key given later seals each secret at its next use.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use domain::StaffId;
use domain::audit::{self, Action, Actor, Entry};
use domain::{Store, hex};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, TOTP};

use crate::account::{self, Role};

/// Seconds in a step, and the steps of drift accepted either way.
const STEP: u64 = 30;
const DRIFT: u64 = 1;
/// Recovery codes made at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// The setting that makes a second factor required for admins and managers.
const REQUIRED: &str = "second_factor.required";

/// The key that seals authenticator secrets: 32 bytes, given as 64 hex digits.
#[derive(Clone)]
pub struct FactorKey(Aes256Gcm);

impl std::fmt::Debug for FactorKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FactorKey(…)")
    }
}

impl FactorKey {
    /// Parses 64 hex digits (`openssl rand -hex 32`).
    pub fn parse(text: &str) -> Result<FactorKey, String> {
        let bytes = hex::decode(text.trim())
            .filter(|b| b.len() == 32)
            .ok_or("the second-factor key must be 64 hexadecimal digits (openssl rand -hex 32)")?;
        Ok(FactorKey(
            Aes256Gcm::new_from_slice(&bytes).map_err(|e| e.to_string())?,
        ))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FactorError {
    #[error("a stored second-factor secret could not be opened: {0}")]
    Sealed(&'static str),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Seals a secret for storage (see the module doc).
fn seal(secret: &[u8], key: Option<&FactorKey>) -> String {
    match key {
        None => format!("plain:{}", hex::encode(secret)),
        Some(FactorKey(cipher)) => {
            let nonce: [u8; 12] = rand::random();
            let sealed = cipher
                .encrypt(Nonce::from_slice(&nonce), secret)
                .expect("AES-GCM encrypts any short secret");
            format!("v1:{}{}", hex::encode(&nonce), hex::encode(&sealed))
        }
    }
}

/// Opens a stored secret.
fn open(stored: &str, key: Option<&FactorKey>) -> Result<Vec<u8>, FactorError> {
    if let Some(plain) = stored.strip_prefix("plain:") {
        return hex::decode(plain).ok_or(FactorError::Sealed("not hexadecimal"));
    }
    let sealed = stored
        .strip_prefix("v1:")
        .and_then(hex::decode)
        .filter(|b| b.len() > 12)
        .ok_or(FactorError::Sealed("unknown format"))?;
    let FactorKey(cipher) = key.ok_or(FactorError::Sealed(
        "it is sealed, and this server has no second-factor key (HEARTH_SECOND_FACTOR_KEY)",
    ))?;
    cipher
        .decrypt(Nonce::from_slice(&sealed[..12]), &sealed[12..])
        .map_err(|_| FactorError::Sealed("the second-factor key is not the one it was sealed with"))
}

fn totp(secret: &[u8]) -> TOTP {
    TOTP::new_unchecked(Algorithm::SHA1, 6, 0, STEP, secret.to_vec())
}

/// The code the app shows at `time` (Unix seconds).
pub fn code_at(secret: &[u8], time: u64) -> String {
    totp(secret).generate(time)
}

/// The step (`time / 30`) whose code `code` is, within a step of drift of `now`, if it is
/// later than `after` (no code is accepted twice).
fn matching_step(secret: &[u8], code: &str, now: u64, after: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret);
    let origin = now / STEP;
    (origin.saturating_sub(DRIFT)..=origin + DRIFT)
        .filter(|step| *step > after)
        .find(|step| {
            let expected = totp.generate(step * STEP);
            constant_time_eq(expected.as_bytes(), code.as_bytes())
        })
}

pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The secret as people type it into an app by hand: base32, in groups of four.
pub fn secret_text(secret: &[u8]) -> String {
    let b32 = base32_encode(secret);
    b32.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// RFC 4648 base32 without padding (what `otpauth://` URLs carry).
fn base32_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            out.push(ALPHABET[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Reads a secret typed as base32 (spaces and case ignored), as an app would.
pub fn secret_from_text(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = vec![];
    let (mut buffer, mut bits) = (0u32, 0);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = ALPHABET
            .iter()
            .position(|&a| a == c.to_ascii_uppercase() as u8)?;
        buffer = (buffer << 5) | value as u32;
        bits += 5;
        if bits >= 8 {
            out.push((buffer >> (bits - 8)) as u8);
            bits -= 8;
        }
        buffer &= (1 << bits) - 1;
    }
    Some(out)
}

/// The `otpauth://` URL an app reads from the QR code.
pub fn otpauth_url(secret: &[u8], email: &str) -> String {
    let label: String = form_urlencoded::byte_serialize(format!("Hearth:{email}").as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!(
        "otpauth://totp/{label}?secret={}&issuer=Hearth&algorithm=SHA1&digits=6&period={STEP}",
        base32_encode(secret)
    )
}

fn recovery_hash(code: &str) -> String {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    hex::encode(&Sha256::digest(normal.as_bytes()))
}

/// A recovery code: two groups of five from the one-time password's alphabet.
fn recovery_code() -> String {
    use rand::RngExt;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let mut group = || -> String {
        (0..5)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
            .collect()
    };
    format!("{}-{}", group(), group())
}

/// What an account's second factor looks like now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    None,
    /// Enrolment started: the secret to show (QR and text) until a code confirms it.
    Pending(Vec<u8>),
    /// Set up, with this many recovery codes left.
    Enrolled {
        recovery_left: i64,
    },
}

pub async fn standing(
    store: &Store,
    user: StaffId,
    key: Option<&FactorKey>,
) -> Result<Standing, FactorError> {
    let row: Option<(String, i32)> =
        sqlx::query_as("select secret, confirmed from staff_totp where user_id = $1")
            .bind(user)
            .fetch_optional(store.pool())
            .await?;
    Ok(match row {
        None => Standing::None,
        Some((secret, 0)) => Standing::Pending(open(&secret, key)?),
        Some(_) => Standing::Enrolled {
            recovery_left: sqlx::query_scalar(
                "select count(*) from staff_recovery_code where user_id = $1",
            )
            .bind(user)
            .fetch_one(store.pool())
            .await?,
        },
    })
}

/// Starts (or starts again) enrolling an app: a fresh, unconfirmed secret. Refused
/// (`false`) when one is confirmed already.
pub async fn start(
    store: &Store,
    user: StaffId,
    key: Option<&FactorKey>,
) -> Result<bool, FactorError> {
    let secret: [u8; 20] = rand::random();
    let mut tx = store.begin_write().await?;
    sqlx::query("delete from staff_totp where user_id = $1 and confirmed = 0")
        .bind(user)
        .execute(&mut *tx)
        .await?;
    let added = sqlx::query(
        "insert into staff_totp (user_id, secret, confirmed, last_step) values ($1, $2, 0, 0) \
         on conflict (user_id) do nothing",
    )
    .bind(user)
    .bind(seal(&secret, key))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(added.rows_affected() == 1)
}

/// Confirms an enrolment with a code from the app: the recovery codes (to show once), or
/// `None` when the code is wrong or there is no enrolment in progress. Recorded.
pub async fn confirm(
    store: &Store,
    email: &str,
    user: StaffId,
    code: &str,
    now: u64,
    key: Option<&FactorKey>,
) -> Result<Option<Vec<String>>, FactorError> {
    let Some(stored): Option<String> =
        sqlx::query_scalar("select secret from staff_totp where user_id = $1 and confirmed = 0")
            .bind(user)
            .fetch_optional(store.pool())
            .await?
    else {
        return Ok(None);
    };
    let secret = open(&stored, key)?;
    let Some(step) = matching_step(&secret, code, now, 0) else {
        return Ok(None);
    };
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| recovery_code()).collect();
    let mut tx = store.begin_write().await?;
    let done = sqlx::query(
        "update staff_totp set confirmed = 1, last_step = $1, secret = $2 \
         where user_id = $3 and confirmed = 0",
    )
    .bind(step as i64)
    .bind(seal(&secret, key))
    .bind(user)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    sqlx::query("delete from staff_recovery_code where user_id = $1")
        .bind(user)
        .execute(&mut *tx)
        .await?;
    for code in &codes {
        sqlx::query("insert into staff_recovery_code (user_id, hash) values ($1, $2)")
            .bind(user)
            .bind(recovery_hash(code))
            .execute(&mut *tx)
            .await?;
    }
    audit::record(
        &mut *tx,
        Entry::new(Actor::Staff(email), Action::SecondFactorEnrolled, email).detail(&format!(
            "authenticator app; {RECOVERY_CODES} recovery codes"
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(codes))
}

/// How a second step was passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Passed {
    Code,
    /// A recovery code, used up; this many are left.
    Recovery {
        left: i64,
    },
}

/// Checks what was typed at the second step: a code from the app (accepted once), or a
/// recovery code (deleted as it is used). `None`: neither.
pub async fn verify(
    store: &Store,
    user: StaffId,
    typed: &str,
    now: u64,
    key: Option<&FactorKey>,
) -> Result<Option<Passed>, FactorError> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "select secret, last_step from staff_totp where user_id = $1 and confirmed = 1",
    )
    .bind(user)
    .fetch_optional(store.pool())
    .await?;
    let Some((stored, last_step)) = row else {
        return Ok(None);
    };
    let secret = open(&stored, key)?;
    if let Some(step) = matching_step(&secret, typed, now, last_step.max(0) as u64) {
        // Conditional, so the same code sent twice at once signs in once. A secret stored
        // before the server had a key is sealed now.
        let taken = sqlx::query(
            "update staff_totp set last_step = $1, secret = $2 where user_id = $3 and last_step < $1",
        )
        .bind(step as i64)
        .bind(if key.is_some() && stored.starts_with("plain:") {
            seal(&secret, key)
        } else {
            stored.clone()
        })
        .bind(user)
        .execute(store.pool())
        .await?;
        return Ok((taken.rows_affected() == 1).then_some(Passed::Code));
    }
    let used = sqlx::query("delete from staff_recovery_code where user_id = $1 and hash = $2")
        .bind(user)
        .bind(recovery_hash(typed))
        .execute(store.pool())
        .await?;
    if used.rows_affected() != 1 {
        return Ok(None);
    }
    let left = sqlx::query_scalar("select count(*) from staff_recovery_code where user_id = $1")
        .bind(user)
        .fetch_one(store.pool())
        .await?;
    Ok(Some(Passed::Recovery { left }))
}

/// Removes an account's second factor (app and recovery codes), by `by`, recorded as
/// `action`: removed by its owner, or reset by someone else — which also signs the
/// account out everywhere, in the same transaction. `false` when there was none.
pub async fn remove(
    store: &Store,
    by: Actor<'_>,
    subject: &str,
    user: StaffId,
    action: Action,
) -> Result<bool, sqlx::Error> {
    let mut tx = store.begin_write().await?;
    let had = sqlx::query("delete from staff_totp where user_id = $1 and confirmed = 1")
        .bind(user)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if !had {
        return Ok(false);
    }
    account::forget_second_factor(&mut tx, user).await?;
    if action == Action::SecondFactorReset {
        crate::session_store::end_sessions(&mut tx, user).await?;
    }
    audit::record(
        &mut *tx,
        Entry::new(by, action, subject).detail("authenticator app and recovery codes"),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Resets the second factor of the account with `email`, for `hearth user
/// reset-second-factor` (an admin who lost theirs, or a lost `HEARTH_SECOND_FACTOR_KEY`):
/// `false` when it had none.
pub async fn reset_by_email(store: &Store, by: Actor<'_>, email: &str) -> Result<bool, String> {
    let email = account::normalize_email(email).map_err(|e| e.to_string())?;
    let user = account::find_by_email(store, &email)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account has the email {email}"))?
        .0;
    remove(store, by, &user.email, user.id, Action::SecondFactorReset)
        .await
        .map_err(|e| e.to_string())
}

/// Whether admins and managers must have a second factor.
pub async fn required(store: &Store) -> Result<bool, sqlx::Error> {
    let value: Option<String> =
        sqlx::query_scalar("select value from staff_policy where name = $1")
            .bind(REQUIRED)
            .fetch_optional(store.pool())
            .await?;
    Ok(value.as_deref() == Some("1"))
}

/// Sets [`required`], by `by`, recorded; `false` when it already was so.
pub async fn set_required(store: &Store, by: &str, on: bool) -> Result<bool, sqlx::Error> {
    if required(store).await? == on {
        return Ok(false);
    }
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "insert into staff_policy (name, value) values ($1, $2) \
         on conflict (name) do update set value = excluded.value",
    )
    .bind(REQUIRED)
    .bind(if on { "1" } else { "0" })
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Entry::new(Actor::Staff(by), Action::SettingChanged, REQUIRED).detail(if on {
            "a second factor is required for admins and managers"
        } else {
            "a second factor is optional for everyone"
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Whether a role must have a second factor when [`required`] is on.
pub fn role_must_have(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Manager)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 seed "12345678901234567890", 8-digit codes; the
    /// six-digit codes an app shows are their last six digits.
    #[test]
    fn codes_match_the_rfc_6238_test_vectors() {
        let seed = b"12345678901234567890";
        for (time, eight) in [
            (59, "94287082"),
            (1111111109, "07081804"),
            (1111111111, "14050471"),
            (1234567890, "89005924"),
            (2000000000, "69279037"),
            (20000000000, "65353130"),
        ] {
            assert_eq!(code_at(seed, time), eight[2..], "T = {time}");
            let full = TOTP::new_unchecked(Algorithm::SHA1, 8, 0, 30, seed.to_vec());
            assert_eq!(full.generate(time), eight, "T = {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_within_one_step_of_drift_and_only_once() {
        let secret = b"12345678901234567890";
        let now = 1111111111;
        let code = code_at(secret, now);
        let step = now / 30;
        assert_eq!(matching_step(secret, &code, now, 0), Some(step));
        assert_eq!(
            matching_step(secret, &format!("{} {}", &code[..3], &code[3..]), now, 0),
            Some(step)
        );
        assert_eq!(
            matching_step(secret, &code, now + 30, 0),
            Some(step),
            "a step late"
        );
        assert_eq!(
            matching_step(secret, &code, now + 90, 0),
            None,
            "three steps late"
        );
        assert_eq!(
            matching_step(secret, &code, now, step),
            None,
            "used already"
        );
        assert_eq!(matching_step(secret, "12345", now, 0), None);
        assert_eq!(matching_step(secret, "abcdef", now, 0), None);
    }

    #[test]
    fn secrets_are_sealed_under_the_key_and_open_only_with_it() {
        let key = FactorKey::parse(&"ab".repeat(32)).unwrap();
        let other = FactorKey::parse(&"cd".repeat(32)).unwrap();
        let secret = b"12345678901234567890";
        let sealed = seal(secret, Some(&key));
        assert!(sealed.starts_with("v1:"));
        assert!(!sealed.contains(&hex::encode(secret)));
        assert_eq!(open(&sealed, Some(&key)).unwrap(), secret);
        assert!(open(&sealed, Some(&other)).is_err());
        assert!(open(&sealed, None).is_err());
        assert_eq!(open(&seal(secret, None), Some(&key)).unwrap(), secret);
        assert!(FactorKey::parse("short").is_err());
    }

    #[test]
    fn the_secret_reads_as_base32_and_the_url_names_hearth() {
        // RFC 4648's test vector.
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(secret_from_text("mzxw 6ytb oi").unwrap(), b"foobar");
        let secret = b"12345678901234567890";
        assert_eq!(
            secret_text(secret),
            "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"
        );
        let url = otpauth_url(secret, "ana@x.org");
        assert_eq!(
            url,
            "otpauth://totp/Hearth%3Aana%40x.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Hearth&algorithm=SHA1&digits=6&period=30"
        );
        assert_eq!(recovery_hash("ABCDE-fghjk"), recovery_hash(" abcde fghjk "));
    }
}
