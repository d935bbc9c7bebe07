//! Sign-in attempts per allowance, counted in the store so that every `hearth serve`
//! instance sees the same count: N instances must not allow N times the attempts.
//!
//! An allowance is named by a bucket: an account's email (the allowance every browser it
//! has not signed in from shares), a known browser's device token (`device`), or an
//! account's second-factor codes. The caller picks the bucket; this module only counts.
//!
//! A sliding window over two fixed one-minute windows: an attempt is allowed while the
//! attempts of this minute, plus those of the previous minute weighted by how much of it
//! is still inside the last sixty seconds, stay within the limit. Each attempt is one
//! upsert that returns the new count, atomic on both stores.
//!
//! # Privacy
//!
//! A bucket is kept as a SHA-256 of its name, never its text (someone may type a password
//! into the email field), for at most two minutes. No bucket is ever a client address.

use domain::Store;
use sha2::{Digest, Sha256};

fn key(bucket: &str) -> String {
    domain::hex::encode(&Sha256::digest(bucket.trim().to_lowercase().as_bytes()))
}

/// Takes one attempt from `bucket` at `now` (Unix seconds): whether it is within
/// `per_minute`. A refused attempt still counts, so hammering does not open the window.
pub(crate) async fn take(
    store: &Store,
    bucket: &str,
    per_minute: u32,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let (minute, into) = (now.div_euclid(60), now.rem_euclid(60));
    let account = key(bucket);
    let mut tx = store.begin_write().await?;
    sqlx::query("delete from sign_in_attempt where minute < $1")
        .bind(minute - 1)
        .execute(&mut *tx)
        .await?;
    let current: i32 = sqlx::query_scalar(
        "insert into sign_in_attempt (account, minute, attempts) values ($1, $2, 1) \
         on conflict (account, minute) do update set attempts = sign_in_attempt.attempts + 1 \
         returning attempts",
    )
    .bind(&account)
    .bind(minute)
    .fetch_one(&mut *tx)
    .await?;
    let previous: Option<i32> = sqlx::query_scalar(
        "select attempts from sign_in_attempt where account = $1 and minute = $2",
    )
    .bind(&account)
    .bind(minute - 1)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    let weighted = f64::from(previous.unwrap_or(0)) * (60 - into) as f64 / 60.0;
    Ok(weighted + f64::from(current) <= f64::from(per_minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn store() -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::connect(&format!("sqlite:{}", dir.path().join("a.db").display()))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        (store, dir)
    }

    #[tokio::test]
    async fn five_a_minute_then_no_then_yes_again() {
        let (store, _dir) = store().await;
        let t0 = 6_000_000; // the start of a minute
        for k in 0..5 {
            assert!(take(&store, "A@x.org", 5, t0 + k).await.unwrap(), "{k}");
        }
        assert!(!take(&store, "a@x.org ", 5, t0 + 10).await.unwrap());
        // Another account is not affected.
        assert!(take(&store, "b@x.org", 5, t0 + 10).await.unwrap());
        // Half a minute into the next: 6 × ½ = 3 of the last minute still count.
        assert!(take(&store, "a@x.org", 5, t0 + 90).await.unwrap());
        assert!(take(&store, "a@x.org", 5, t0 + 91).await.unwrap());
        assert!(!take(&store, "a@x.org", 5, t0 + 92).await.unwrap());
        // Two minutes on, all is forgotten and the old rows are gone.
        assert!(take(&store, "a@x.org", 5, t0 + 240).await.unwrap());
        let rows: i64 = sqlx::query_scalar("select count(*) from sign_in_attempt")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(rows, 1);
        let texts: Vec<String> = sqlx::query_scalar("select account from sign_in_attempt")
            .fetch_all(store.pool())
            .await
            .unwrap();
        assert!(texts.iter().all(|t| !t.contains('@')));
    }
}
