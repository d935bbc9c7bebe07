//! Webhooks on release: URLs an admin registered, each with its own secret, and the one
//! POST each gets per release: `{period, level, released_at, url}`, signed with
//! HMAC-SHA256 in a `Hearth-Signature: t=<unix seconds>,v1=<hex>` header over
//! `"<t>.<body>"` (the timestamp lets a receiver refuse a replayed request). Nothing is
//! ever sent per response or per session. docs/webhooks.md says how to check a signature.

use domain::Store;
use domain::audit::{self, Action, Actor, Entry};
use domain::hex;
use domain::store::random_id;
use hmac::{Hmac, Mac};
use sha2_hmac::Sha256;

/// The header a delivery's signature travels in.
pub const SIGNATURE_HEADER: &str = "Hearth-Signature";

/// Longest URL accepted.
pub const MAX_URL: usize = 2000;

/// A registered URL (its secret stays in the store; it is shown once, when made).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Webhook {
    pub id: i32,
    pub url: String,
    pub created_at: i64,
}

/// Why a URL is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WebhookError {
    #[error("Type the receiver's full address, starting with https:// or http://.")]
    NotAUrl,
    #[error("Only http:// and https:// addresses can receive webhooks.")]
    Scheme,
    #[error(
        "Addresses with a user name or password in them are not accepted: the signature is how the receiver knows the request is Hearth's."
    )]
    Credentials,
    #[error("That address is longer than {MAX_URL} characters.")]
    TooLong,
    #[error("That address is registered already.")]
    Duplicate,
}

/// Checks a typed URL: http or https, a host, no credentials. Private and loopback hosts
/// are allowed (organizations run internal receivers: docs/webhooks.md).
pub fn parse_url(typed: &str) -> Result<url::Url, WebhookError> {
    let typed = typed.trim();
    if typed.chars().count() > MAX_URL {
        return Err(WebhookError::TooLong);
    }
    let url = url::Url::parse(typed).map_err(|_| WebhookError::NotAUrl)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(WebhookError::Scheme);
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(WebhookError::NotAUrl);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(WebhookError::Credentials);
    }
    Ok(url)
}

/// Registers a URL and returns it with its new secret (64 hex digits), to be shown once.
pub async fn add(
    store: &Store,
    typed: &str,
    actor: Actor<'_>,
    now: i64,
) -> Result<Result<(Webhook, String), WebhookError>, sqlx::Error> {
    let url = match parse_url(typed) {
        Ok(url) => url.to_string(),
        Err(e) => return Ok(Err(e)),
    };
    let secret = {
        use rand::RngExt;
        let bytes: Vec<u8> = (0..32).map(|_| rand::rng().random()).collect();
        hex::encode(&bytes)
    };
    let mut tx = store.begin_write().await?;
    let taken: Option<i32> = sqlx::query_scalar("select id from webhook where url = $1")
        .bind(&url)
        .fetch_optional(&mut *tx)
        .await?;
    if taken.is_some() {
        return Ok(Err(WebhookError::Duplicate));
    }
    let id = loop {
        let id = random_id();
        let done = sqlx::query(
            "insert into webhook (id, url, secret, created_at) values ($1, $2, $3, $4) \
             on conflict (id) do nothing",
        )
        .bind(id)
        .bind(&url)
        .bind(&secret)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if done == 1 {
            break id;
        }
    };
    audit::commit(tx, Entry::new(actor, Action::WebhookAdded, &url)).await?;
    Ok(Ok((
        Webhook {
            id,
            url,
            created_at: now,
        },
        secret,
    )))
}

/// Every registered URL, oldest first.
pub async fn list(store: &Store) -> Result<Vec<Webhook>, sqlx::Error> {
    let rows: Vec<(i32, String, i64)> =
        sqlx::query_as("select id, url, created_at from webhook order by created_at, id")
            .fetch_all(store.pool())
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, url, created_at)| Webhook {
            id,
            url,
            created_at,
        })
        .collect())
}

/// A webhook's URL and secret, for a delivery; `None` once it is removed.
pub async fn target(store: &Store, id: i32) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("select url, secret from webhook where id = $1")
        .bind(id)
        .fetch_optional(store.pool())
        .await
}

/// Removes a URL; its undelivered messages are marked failed ("webhook removed").
/// `false` when there was no such webhook.
pub async fn remove(
    store: &Store,
    id: i32,
    actor: Actor<'_>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = store.begin_write().await?;
    let url: Option<String> = sqlx::query_scalar("select url from webhook where id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(url) = url else {
        return Ok(false);
    };
    sqlx::query("delete from webhook where id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "update outbox set state = 'failed', last_status = 'webhook removed', updated_at = $1 \
         where kind = 'webhook' and target = $2 and state in ('pending', 'sending')",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::commit(tx, Entry::new(actor, Action::WebhookRemoved, &url)).await?;
    Ok(true)
}

/// The JSON body for a release: `period` ("2026-10" or "2026-Q4"), `level` ("month" or
/// "quarter"), `released_at` (the release's stored time, RFC 3339, UTC) and `url` (its
/// page at the base URL, or null when Hearth has no base URL).
pub fn body(period: &str, released_at: i64, base: Option<&str>) -> String {
    let quarter = period.contains('Q');
    let path = if quarter {
        format!("/staff/reports/{period}")
    } else {
        "/staff".to_owned()
    };
    let released_at = chrono::DateTime::from_timestamp(released_at, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    serde_json::json!({
        "period": period,
        "level": if quarter { "quarter" } else { "month" },
        "released_at": released_at,
        "url": base.map(|b| format!("{b}{path}")),
    })
    .to_string()
}

/// The `Hearth-Signature` value for `body` sent at `t` (unix seconds) under `secret`.
pub fn signature(secret: &str, t: i64, body: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(format!("{t}.{body}").as_bytes());
    format!("t={t},v1={}", hex::encode(&mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_http_or_https_with_a_host_and_no_credentials() {
        assert!(parse_url("https://hooks.example.org/hearth").is_ok());
        assert!(parse_url("http://10.0.0.5:8080/in").is_ok());
        assert_eq!(parse_url("ftp://x.org/"), Err(WebhookError::Scheme));
        assert_eq!(parse_url("not a url"), Err(WebhookError::NotAUrl));
        assert_eq!(
            parse_url("https://u:p@x.org/"),
            Err(WebhookError::Credentials)
        );
        let long = format!("https://x.org/{}", "a".repeat(MAX_URL));
        assert_eq!(parse_url(&long), Err(WebhookError::TooLong));
    }

    #[test]
    fn the_signature_is_hmac_sha256_over_time_dot_body() {
        // RFC 4231, test case 2: the HMAC this module uses is the standard one.
        let mut mac = Hmac::<Sha256>::new_from_slice(b"Jefe").expect("key");
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(&mac.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let sig = signature("Jefe", 12, "what do ya want for nothing?");
        assert_ne!(
            sig,
            format!("t=12,v1=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        );
        assert!(sig.starts_with("t=12,v1=") && sig.len() == "t=12,v1=".len() + 64);
    }

    #[test]
    fn the_body_names_the_period_level_time_and_link() {
        let quarter: serde_json::Value =
            serde_json::from_str(&body("2026-Q4", 1_800_000_000, Some("https://h.test")))
                .expect("json");
        assert_eq!(quarter["period"], "2026-Q4");
        assert_eq!(quarter["level"], "quarter");
        assert_eq!(quarter["released_at"], "2027-01-15T08:00:00Z");
        assert_eq!(quarter["url"], "https://h.test/staff/reports/2026-Q4");
        let month: serde_json::Value =
            serde_json::from_str(&body("2026-10", 0, None)).expect("json");
        assert_eq!(month["level"], "month");
        assert!(month["url"].is_null());
    }
}
