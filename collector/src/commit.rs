//! Committing responses: group commit through one writer task.
//!
//! Every accepted response is in a committed transaction before its participant is told
//! so (the handler answers 303 only after [`Committer::submit`] returns `Ok`). To make
//! that affordable with a durable store (`synchronous = full` on SQLite), submissions that
//! arrive together are committed together: the writer takes whatever is queued, up to
//! [`MAX_BATCH`], and commits it in one transaction. Each submission's checks (window,
//! capacity, ticket) are conditional updates inside that transaction, so they hold across
//! any number of `hearth serve` instances sharing one PostgreSQL.
//!
//! If a batch fails as a whole, each of its submissions is retried alone, so one bad
//! submission cannot take others down with it; a submission that still fails is reported
//! as [`CommitError::Unavailable`] and nothing of it is stored.
//!
//! # Privacy
//! Nothing here logs a session, a ticket or an answer; the one log line (a failed batch)
//! says only that the store failed.

use std::sync::OnceLock;

use sqlx::AnyConnection;
use tokio::sync::{mpsc, oneshot};

use crate::catalog::now_unix;
use crate::code::TicketHash;
use crate::instrument::{Answers, Helped, Hindered, Item, VERSION};
use crate::store::{Store, random_id};

/// The most submissions committed in one transaction.
pub const MAX_BATCH: usize = 256;

/// Why a well-formed submission was not stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("unknown session")]
    UnknownSession,
    #[error("session closed")]
    Closed,
    #[error("session full")]
    Full,
    #[error("ticket required")]
    TicketRequired,
    #[error("unknown ticket")]
    TicketUnknown,
    #[error("ticket already used")]
    TicketUsed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommitError {
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("the store is unavailable")]
    Unavailable,
}

/// One submission on its way to the store.
#[derive(Clone, Debug)]
pub struct Pending {
    pub session_id: i32,
    pub ticketed: bool,
    pub ticket: Option<TicketHash>,
    pub answers: Answers,
}

struct Job {
    pending: Pending,
    reply: oneshot::Sender<Result<(), CommitError>>,
}

/// The handle handlers use; clones share one writer.
#[derive(Clone, Debug)]
pub struct Committer {
    jobs: mpsc::Sender<Job>,
}

impl Committer {
    /// Starts the writer task on the current tokio runtime.
    pub fn start(store: Store) -> Committer {
        let (jobs, queue) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(write_loop(store, queue));
        Committer { jobs }
    }

    /// Stores one response. `Ok` means it is committed.
    pub async fn submit(&self, pending: Pending) -> Result<(), CommitError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { pending, reply })
            .await
            .map_err(|_| CommitError::Unavailable)?;
        answer.await.unwrap_or(Err(CommitError::Unavailable))
    }
}

async fn write_loop(store: Store, mut queue: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let pending: Vec<&Pending> = batch.iter().map(|job| &job.pending).collect();
        let outcomes = match commit_batch(&store, &pending).await {
            Ok(outcomes) => outcomes,
            Err(error) => {
                tracing::error!(error = %error, batch.size = batch.len(), "committing a batch failed; retrying one by one");
                let mut outcomes = Vec::with_capacity(pending.len());
                for one in &pending {
                    outcomes.push(match commit_batch(&store, std::slice::from_ref(one)).await {
                        Ok(mut single) => single.remove(0),
                        Err(_) => Err(CommitError::Unavailable),
                    });
                }
                outcomes
            }
        };
        for (job, outcome) in batch.drain(..).zip(outcomes) {
            // A participant who gave up waiting is gone; their response is stored anyway.
            let _ = job.reply.send(outcome);
        }
    }
}

/// Applies every submission in one transaction; refusals are per submission and leave
/// nothing behind. Returns an error only when the transaction as a whole failed, in which
/// case nothing of the batch is stored.
async fn commit_batch(
    store: &Store,
    batch: &[&Pending],
) -> Result<Vec<Result<(), CommitError>>, sqlx::Error> {
    let now = now_unix();
    let mut tx = store.pool().begin().await?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for pending in batch {
        outcomes.push(apply(&mut tx, pending, now).await?.map_err(CommitError::from));
    }
    tx.commit().await?;
    Ok(outcomes)
}

async fn apply(
    conn: &mut AnyConnection,
    pending: &Pending,
    now: i64,
) -> Result<Result<(), Refusal>, sqlx::Error> {
    if pending.ticketed && pending.ticket.is_none() {
        return Ok(Err(Refusal::TicketRequired));
    }
    let counted = sqlx::query(
        "update session set received = received + 1 \
         where id = $1 and closed = 0 and closes_at > $2 and received < capacity",
    )
    .bind(pending.session_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if counted.rows_affected() == 0 {
        return Ok(Err(why_not_open(conn, pending.session_id, now).await?));
    }
    if let (true, Some(hash)) = (pending.ticketed, &pending.ticket) {
        let used = sqlx::query(
            "update ticket set used = 1 where hash = $1 and session_id = $2 and used = 0",
        )
        .bind(hash.as_str())
        .bind(pending.session_id)
        .execute(&mut *conn)
        .await?;
        if used.rows_affected() == 0 {
            let known: Option<i32> =
                sqlx::query_scalar("select used from ticket where hash = $1 and session_id = $2")
                    .bind(hash.as_str())
                    .bind(pending.session_id)
                    .fetch_optional(&mut *conn)
                    .await?;
            sqlx::query("update session set received = received - 1 where id = $1")
                .bind(pending.session_id)
                .execute(&mut *conn)
                .await?;
            return Ok(Err(if known.is_some() { Refusal::TicketUsed } else { Refusal::TicketUnknown }));
        }
    }
    insert_response(conn, pending.session_id, &pending.answers).await?;
    Ok(Ok(()))
}

async fn why_not_open(conn: &mut AnyConnection, session_id: i32, now: i64) -> Result<Refusal, sqlx::Error> {
    let state: Option<(i32, i64)> =
        sqlx::query_as("select closed, closes_at from session where id = $1")
            .bind(session_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(match state {
        None => Refusal::UnknownSession,
        Some((closed, closes_at)) if closed != 0 || closes_at <= now => Refusal::Closed,
        Some(_) => Refusal::Full,
    })
}

/// `insert into response (id, session_id, instrument_version, <items>, first_time,
/// <helped_*>, <hindered_*>) values ($1, …) on conflict (id) do nothing`, built once from
/// the instrument so the column list can never drift from it.
fn insert_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let columns: Vec<String> = ["id", "session_id", "instrument_version"]
            .into_iter()
            .map(str::to_owned)
            .chain(Item::ALL.iter().map(|i| i.key().to_owned()))
            .chain(std::iter::once("first_time".to_owned()))
            .chain(Helped::ALL.iter().map(|c| c.column()))
            .chain(Hindered::ALL.iter().map(|c| c.column()))
            .collect();
        let params: Vec<String> = (1..=columns.len()).map(|n| format!("${n}")).collect();
        format!(
            "insert into response ({}) values ({}) on conflict (id) do nothing",
            columns.join(", "),
            params.join(", ")
        )
    })
}

async fn insert_response(
    conn: &mut AnyConnection,
    session_id: i32,
    answers: &Answers,
) -> Result<(), sqlx::Error> {
    loop {
        let mut query = sqlx::query(insert_sql())
            .bind(random_id())
            .bind(session_id)
            .bind(VERSION);
        for item in Item::ALL {
            query = query.bind(answers.rating(item).map(|r| i16::from(r.get())));
        }
        query = query.bind(answers.first_time.map(i16::from));
        for &choice in Helped::ALL {
            query = query.bind(i16::from(answers.helped(choice)));
        }
        for &choice in Hindered::ALL {
            query = query.bind(i16::from(answers.hindered(choice)));
        }
        // A random id that collides with an existing one inserts nothing: draw again.
        if query.execute(&mut *conn).await?.rows_affected() == 1 {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_insert_names_every_answer_column_once() {
        let sql = insert_sql();
        assert!(sql.contains("belong, welcome, heard, safe_to_share, not_judged, confidential, own_pace, better, first_time"));
        assert!(sql.contains("helped_ground_rules") && sql.contains("hindered_rushed"));
        assert!(sql.contains("$23)"));
        assert!(!sql.contains("$24"));
    }
}
