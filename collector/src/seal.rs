//! Sealing: once a session has closed, its responses are rewritten in random order with
//! fresh random ids, and its tickets and sent-form hashes are deleted.
//!
//! # Privacy
//! While a session is open its rows sit where they were written, and the physical layout
//! can betray arrival order: SQLite allocates each new record below the previous one
//! inside a page, and PostgreSQL appends rows to its heap and stamps each with the writing
//! transaction's id. Sealing erases that: every response of the session is deleted and
//! written again, in one transaction and in shuffled order, so positions and transaction
//! ids say nothing about who answered first; with the tickets deleted, nothing of the
//! ticket mode remains; with the sent-form hashes deleted ([`crate::once`]), nothing says
//! which forms were sent; a kiosk session's link token is erased with the seal. On SQLite, `secure_delete` zeroes the old records and the
//! write-ahead log is truncated afterwards. On PostgreSQL the old row versions stay in the
//! table file until VACUUM reuses their space (see docs/privacy.md).

use std::time::Duration;

use rand::seq::SliceRandom;
use sqlx::{AnyConnection, Connection, Row};

use crate::commit::{StoredResponse, insert_responses, response_columns};
use domain::SessionId;
use domain::instrument::{Answers, Helped, Hindered, Item, Rating, VERSION};
use domain::store::Store;

/// How often `hearth serve` looks for closed sessions to seal.
pub const SEAL_EVERY: Duration = Duration::from_secs(60);

/// Seals every closed, unsealed session. Returns how many were sealed.
pub async fn seal_closed_sessions(store: &Store, now: i64) -> Result<usize, sqlx::Error> {
    let ids: Vec<SessionId> = sqlx::query_scalar(
        "select id from session where sealed = 0 and (closed = 1 or closes_at <= $1)",
    )
    .bind(now)
    .fetch_all(store.pool())
    .await?;
    let mut sealed = 0;
    for id in ids {
        if seal_session(store, id).await? {
            sealed += 1;
        }
    }
    // Old page images of the session live in the write-ahead log until it is emptied; a
    // reader can hold that up, so it is retried (and tried again at the next seal).
    if sealed > 0 && !store.empty_write_ahead_log().await? {
        tracing::warn!("seal: the write-ahead log stayed busy; it is emptied at the next seal");
    }
    Ok(sealed)
}

/// Seals one session; `false` when another process sealed it first.
async fn seal_session(store: &Store, session_id: SessionId) -> Result<bool, sqlx::Error> {
    let mut conn = store.pool().acquire().await?;
    let mut tx = conn.begin().await?;
    let sealed = seal_in(&mut tx, session_id, &[]).await?;
    tx.commit().await?;
    Ok(sealed)
}

/// Seals an unsealed session inside the caller's transaction, writing `extra` (answers of
/// this instrument version) in the same shuffle as the session's own responses; `false`,
/// with nothing written, when it is sealed already. Paper forms typed in after a session
/// closed come this way ([`crate::paper::save_stack`]): they join a sealed session only
/// by resealing it whole, so no row of them sits apart from the others.
pub(crate) async fn seal_in(
    tx: &mut AnyConnection,
    session_id: SessionId,
    extra: &[Answers],
) -> Result<bool, sqlx::Error> {
    // Claiming the session first also stops the committer: it takes no place in a sealed
    // session, and on PostgreSQL it waits on this row lock until the seal commits.
    // The kiosk link goes with the seal: after the meeting it opens nothing, anywhere.
    let claimed = sqlx::query(
        "update session set sealed = 1, kiosk_token = null where id = $1 and sealed = 0",
    )
    .bind(session_id)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() == 0 {
        return Ok(false);
    }
    let columns = &response_columns()[2..]; // all but id and session_id
    let sql = format!(
        "select {} from response where session_id = $1",
        columns.join(", ")
    );
    let rows = sqlx::query(&sql)
        .bind(session_id)
        .fetch_all(&mut *tx)
        .await?;
    let mut kept: Vec<(i16, Answers)> = Vec::with_capacity(rows.len());
    for row in &rows {
        let mut answers = Answers::default();
        for item in Item::ALL {
            let value: Option<i16> = row.try_get(item.key())?;
            answers.set_rating(
                item,
                value
                    .and_then(|v| u8::try_from(v).ok())
                    .and_then(|v| Rating::try_from(v).ok()),
            );
        }
        let first_time: Option<i16> = row.try_get("first_time")?;
        answers.first_time = first_time.map(|v| v == 1);
        for &choice in Helped::ALL {
            if row.try_get::<i16, _>(choice.column().as_str())? != 0 {
                answers.set_helped(choice);
            }
        }
        for &choice in Hindered::ALL {
            if row.try_get::<i16, _>(choice.column().as_str())? != 0 {
                answers.set_hindered(choice);
            }
        }
        kept.push((row.try_get("instrument_version")?, answers));
    }
    kept.extend(extra.iter().map(|answers| (VERSION, answers.clone())));
    sqlx::query("delete from response where session_id = $1")
        .bind(session_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("delete from ticket where session_id = $1")
        .bind(session_id)
        .execute(&mut *tx)
        .await?;
    crate::once::erase(tx, session_id).await?;
    kept.shuffle(&mut rand::rng());
    let rewritten: Vec<StoredResponse<'_>> = kept
        .iter()
        .map(|(version, answers)| StoredResponse {
            session_id,
            version: *version,
            answers,
        })
        .collect();
    insert_responses(tx, &rewritten).await?;
    Ok(true)
}

/// Runs [`seal_closed_sessions`] every [`SEAL_EVERY`] until the pool closes.
pub fn spawn_sealer(store: Store) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SEAL_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        while !store.pool().is_closed() {
            tick.tick().await;
            if let Err(error) = seal_closed_sessions(&store, domain::catalog::now_unix()).await
                && !store.pool().is_closed()
            {
                tracing::warn!(error = %error, "sealing closed sessions failed");
            }
        }
    });
}
