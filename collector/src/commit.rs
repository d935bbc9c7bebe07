//! Committing responses: group commit through one writer task.
//!
//! Every accepted response is in a committed transaction before its participant is told
//! so (the handler answers 303 only after [`Committer::submit`] returns `Ok`). To make
//! that affordable with a durable store (`synchronous = full` on SQLite), submissions that
//! arrive together are committed together: the writer takes whatever is queued, up to
//! [`MAX_BATCH`], and commits it in one transaction. Each submission's checks (window,
//! capacity, ticket, form) are conditional updates inside that transaction, so they hold
//! across any number of `hearth serve` instances sharing one PostgreSQL.
//!
//! Failure handling, so that no response is lost, stored twice, or stored behind the back
//! of a participant who was told it was not:
//! - a participant waits at most [`SUBMIT_WAIT`] for the writer to *take* their submission;
//!   one not yet taken by then is withdrawn (never committed later) and answered 503;
//!   one already taken is waited for, since its commit is under way;
//! - each batch writes a random marker row in its transaction; when the commit itself
//!   reports an error, the marker tells whether the batch was stored after all. The writer
//!   *claims* the marker from a fresh connection (inserts the same token): a conflict means
//!   the batch is stored; a claim that commits means it is not, and never can be (its own
//!   insert of the token would now conflict). On PostgreSQL the claim waits for a commit
//!   still in flight instead of reading around it. While the store does not answer, the
//!   writer keeps asking, with back-off, for up to [`MARKER_PATIENCE`]; a batch still
//!   unresolved then is answered [`CommitError::Uncertain`] (neither retried nor called
//!   unsaved), and only a batch known not to be stored is retried or answered `Unavailable`;
//! - a batch that failed is retried one submission at a time only while the store keeps
//!   answering, so one bad submission cannot fail its neighbours, and a store that is down
//!   answers everyone at once.
//!
//! # Privacy
//! Nothing here logs a session, a ticket, an answer or how many submissions a batch held.
//! Within a batch, responses are inserted in random order. Every ticket of a session that
//! used one in a batch is rewritten in the same transaction, and so is every sent-form
//! hash of a session that gained one (see [`crate::once`]), so on PostgreSQL the rows'
//! transaction ids (`xmin`) cannot pair a ticket or a form with the response it came with.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use rand::seq::SliceRandom;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, Connection};
use tokio::sync::{mpsc, oneshot};

use crate::once::FormHash;
use domain::SessionId;
use domain::catalog::now_unix;
use domain::code::TicketHash;
use domain::instrument::{Answers, Helped, Hindered, Item, VERSION};
use domain::store::chunked;
use domain::store::{Backend, Store, random_id};

/// The most submissions committed in one transaction.
pub const MAX_BATCH: usize = 256;

/// How long a participant waits for the writer to take their submission.
pub const SUBMIT_WAIT: Duration = Duration::from_secs(10);

/// How long the writer keeps asking whether a batch whose commit reported an error was
/// stored, while the store does not answer.
pub const MARKER_PATIENCE: Duration = Duration::from_secs(30);

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
    /// This very form (its token) has stored a response already: nothing more is stored.
    #[error("form already sent")]
    AlreadySent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommitError {
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// Not stored, and never will be from this submission.
    #[error("the store is unavailable")]
    Unavailable,
    /// The commit reported an error and the store did not say, within
    /// [`MARKER_PATIENCE`], whether it happened: the response may be stored. Never retried.
    #[error("the store did not confirm whether the response was stored")]
    Uncertain,
}

/// Why a batch failed as a whole.
#[derive(Debug, thiserror::Error)]
enum BatchError {
    /// Nothing of the batch is stored.
    #[error("{0}")]
    NotStored(#[from] sqlx::Error),
    /// The commit reported an error and whether it happened is unknown.
    #[error("commit unconfirmed: {0}")]
    Uncertain(sqlx::Error),
}

/// One submission on its way to the store.
#[derive(Clone, Debug)]
pub struct Pending {
    pub session_id: SessionId,
    pub ticketed: bool,
    pub ticket: Option<TicketHash>,
    /// The hash of the form's token, when the form carried one: stored with the response,
    /// apart from it, so the same form never stores twice (see [`crate::once`]).
    pub form: Option<FormHash>,
    pub answers: Answers,
}

const WAITING: u8 = 0;
const TAKEN: u8 = 1;
const WITHDRAWN: u8 = 2;

struct Job {
    pending: Pending,
    /// WAITING until the writer takes the job (TAKEN) or the participant gives up first
    /// (WITHDRAWN); whichever compare-exchange wins decides.
    state: Arc<AtomicU8>,
    reply: oneshot::Sender<Result<(), CommitError>>,
}

/// The handle handlers use; clones share one writer.
#[derive(Clone, Debug)]
pub struct Committer {
    jobs: mpsc::Sender<Job>,
    wait: Duration,
}

impl Committer {
    /// Starts the writer task on the current tokio runtime.
    pub fn start(store: Store) -> Committer {
        Committer::start_with_wait(store, SUBMIT_WAIT)
    }

    /// As [`Committer::start`], with another wait than [`SUBMIT_WAIT`] (tests).
    pub fn start_with_wait(store: Store, wait: Duration) -> Committer {
        let (jobs, queue) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(write_loop(store, queue));
        Committer { jobs, wait }
    }

    /// Stores one response. `Ok` means it is committed; `Unavailable` means it is not
    /// stored and never will be from this call.
    pub async fn submit(&self, pending: Pending) -> Result<(), CommitError> {
        let (reply, mut answer) = oneshot::channel();
        let state = Arc::new(AtomicU8::new(WAITING));
        let deadline = tokio::time::Instant::now() + self.wait;
        let job = Job {
            pending,
            state: state.clone(),
            reply,
        };
        match tokio::time::timeout_at(deadline, self.jobs.send(job)).await {
            Ok(Ok(())) => {}
            _ => return Err(CommitError::Unavailable),
        }
        if let Ok(outcome) = tokio::time::timeout_at(deadline, &mut answer).await {
            return outcome.unwrap_or(Err(CommitError::Unavailable));
        }
        if state
            .compare_exchange(WAITING, WITHDRAWN, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            return Err(CommitError::Unavailable);
        }
        // The writer took it before we gave up: its commit is under way, bounded by the
        // store's own timeouts. Its outcome is the truth.
        answer.await.unwrap_or(Err(CommitError::Unavailable))
    }
}

/// The writer's own connection, and the marker of its last committed batch (deleted by the
/// next batch's transaction, so a marker costs no commit of its own).
struct Writer {
    conn: Option<PoolConnection<Any>>,
    /// Markers to delete in the next batch's transaction: the last committed batch's, and
    /// those claimed after a failed commit.
    stale_markers: Vec<String>,
    /// How long to keep asking whether a failed commit happened.
    patience: Duration,
    faults: Faults,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer {
            conn: None,
            stale_markers: vec![],
            patience: MARKER_PATIENCE,
            faults: Faults::default(),
        }
    }
}

/// Faults the unit tests inject: a commit that lands but reports an error, and marker
/// claims that fail before the store answers. Nothing in a build outside tests.
#[derive(Default)]
struct Faults {
    #[cfg(test)]
    lose_commit_ack: bool,
    #[cfg(test)]
    claim_failures: std::sync::atomic::AtomicU32,
    #[cfg(test)]
    fail_commit: bool,
}

impl Faults {
    /// The commit's result as the writer sees it.
    #[allow(unused_mut)]
    fn after_commit(&self, mut result: Result<(), sqlx::Error>) -> Result<(), sqlx::Error> {
        #[cfg(test)]
        if self.lose_commit_ack && result.is_ok() {
            result = Err(sqlx::Error::Io(std::io::ErrorKind::ConnectionReset.into()));
        }
        result
    }

    /// Whether a commit should fail (and roll back) before it happens.
    fn fail_before_commit(&self) -> bool {
        #[cfg(test)]
        if self.fail_commit {
            return true;
        }
        false
    }

    /// A simulated store that does not answer a claim yet.
    fn claim_fails(&self) -> bool {
        #[cfg(test)]
        if self
            .claim_failures
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok()
        {
            return true;
        }
        false
    }
}

async fn write_loop(store: Store, mut queue: mpsc::Receiver<Job>) {
    // The writer keeps a connection of its own, so it never queues behind page reads for
    // one; a connection that failed is dropped and a fresh one taken for the next batch.
    let mut conn = Writer::default();
    let mut received = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut received, MAX_BATCH).await > 0 {
        let batch: Vec<Job> = received
            .drain(..)
            .filter(|job| {
                job.state
                    .compare_exchange(WAITING, TAKEN, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
            })
            .collect();
        if batch.is_empty() {
            continue;
        }
        let pending: Vec<&Pending> = batch.iter().map(|job| &job.pending).collect();
        let outcomes = match commit_batch(&store, &mut conn, &pending).await {
            Ok(outcomes) => outcomes,
            Err(BatchError::NotStored(error)) => {
                tracing::error!(error = %error, "committing responses failed");
                conn.conn = None;
                retry_one_by_one(&store, &mut conn, &pending).await
            }
            Err(error @ BatchError::Uncertain(_)) => {
                tracing::error!(error = %error, "a commit of responses is unconfirmed");
                conn.conn = None;
                vec![Err(CommitError::Uncertain); pending.len()]
            }
        };
        for (job, outcome) in batch.into_iter().zip(outcomes) {
            let _ = job.reply.send(outcome);
        }
    }
}

/// After a failed batch: each submission alone, as long as the store keeps answering.
async fn retry_one_by_one(
    store: &Store,
    conn: &mut Writer,
    pending: &[&Pending],
) -> Vec<Result<(), CommitError>> {
    let mut outcomes = Vec::with_capacity(pending.len());
    let mut store_down = false;
    for one in pending {
        if store_down {
            outcomes.push(Err(CommitError::Unavailable));
            continue;
        }
        outcomes.push(match commit_batch(store, conn, std::slice::from_ref(one)).await {
            Ok(mut single) => single.remove(0),
            Err(BatchError::Uncertain(error)) => {
                tracing::error!(error = %error, "a commit of responses is unconfirmed");
                conn.conn = None;
                store_down = true;
                Err(CommitError::Uncertain)
            }
            Err(BatchError::NotStored(error)) => {
                conn.conn = None;
                // Only a constraint violation is this submission's own fault; anything
                // else (a lock, a lost connection) would fail the others too.
                store_down = !matches!(&error, sqlx::Error::Database(e) if e.kind() != sqlx::error::ErrorKind::Other);
                Err(CommitError::Unavailable)
            }
        });
    }
    outcomes
}

/// Applies every submission in one transaction; refusals are per submission and leave
/// nothing behind. Returns an error only when nothing of the batch is stored.
async fn commit_batch(
    store: &Store,
    writer: &mut Writer,
    batch: &[&Pending],
) -> Result<Vec<Result<(), CommitError>>, BatchError> {
    let conn = match &mut writer.conn {
        Some(conn) => conn,
        None => writer.conn.insert(store.pool().acquire().await?),
    };
    let now = now_unix();
    let marker = format!("{:032x}", rand::random::<u128>());
    let mut tx = conn.begin().await?;
    sqlx::query("insert into commit_marker (token) values ($1)")
        .bind(&marker)
        .execute(&mut *tx)
        .await?;
    for stale in &writer.stale_markers {
        sqlx::query("delete from commit_marker where token = $1")
            .bind(stale)
            .execute(&mut *tx)
            .await?;
    }
    let outcomes = apply_batch(&mut tx, store.backend(), batch, now).await?;
    let committed = if writer.faults.fail_before_commit() {
        tx.rollback().await?;
        Err(sqlx::Error::Io(std::io::ErrorKind::BrokenPipe.into()))
    } else {
        writer.faults.after_commit(tx.commit().await)
    };
    if let Err(error) = committed {
        // Did the commit happen although its acknowledgement was lost? The writer's
        // connection is suspect: ask on another one.
        writer.conn = None;
        match claim_marker(store, &writer.faults, writer.patience, &marker).await {
            Some(Claim::Stored) => {}
            Some(Claim::NotStored) => {
                // The claim keeps the token taken; the next batch deletes it (and the
                // stale markers this one would have deleted).
                writer.stale_markers.push(marker);
                return Err(BatchError::NotStored(error));
            }
            None => return Err(BatchError::Uncertain(error)),
        }
    }
    writer.stale_markers = vec![marker];
    Ok(outcomes
        .into_iter()
        .map(|o| o.map_err(CommitError::from))
        .collect())
}

/// What claiming a batch's marker found.
#[derive(Debug, PartialEq, Eq)]
enum Claim {
    Stored,
    NotStored,
}

/// Inserts the batch's marker token from a fresh connection, asking again with back-off
/// while the store does not answer, for up to `patience`; `None` if it never did.
async fn claim_marker(
    store: &Store,
    faults: &Faults,
    patience: Duration,
    marker: &str,
) -> Option<Claim> {
    let deadline = tokio::time::Instant::now() + patience;
    let mut pause = Duration::from_millis(50);
    loop {
        if !faults.claim_fails() {
            let claimed = sqlx::query(
                "insert into commit_marker (token) values ($1) on conflict (token) do nothing",
            )
            .bind(marker)
            .execute(store.pool())
            .await;
            match claimed {
                Ok(done) if done.rows_affected() == 0 => return Some(Claim::Stored),
                Ok(_) => return Some(Claim::NotStored),
                Err(error) => tracing::warn!(error = %error, "asking whether a batch was stored"),
            }
        }
        if tokio::time::Instant::now() + pause > deadline {
            return None;
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(2));
    }
}

/// The checks and writes of a batch, with as few statements as the batch allows.
///
/// Order matters: forms first, so a form sent again is answered "already sent" and touches
/// nothing; then tickets, so a submission with a bad ticket can never take a place from a
/// valid one; then places, one counter update per session (per submission only when a
/// session cannot take its whole group), giving back the ticket of any submission that
/// finds no place; then the forms of what is stored (a refused submission leaves its form
/// unsent, to be fixed and sent again); then the responses, in random order.
async fn apply_batch(
    conn: &mut AnyConnection,
    backend: Backend,
    batch: &[&Pending],
    now: i64,
) -> Result<Vec<Result<(), Refusal>>, sqlx::Error> {
    let mut outcomes: Vec<Result<(), Refusal>> = batch
        .iter()
        .map(|p| {
            if p.ticketed && p.ticket.is_none() {
                Err(Refusal::TicketRequired)
            } else {
                Ok(())
            }
        })
        .collect();
    if backend == Backend::Postgres {
        lock_sessions(conn, batch).await?;
    }
    // Forms: one that has stored a response stores nothing more. Checked before tickets
    // and places, so a form sent again never touches either.
    let forms = SentForms::check(conn, batch, &mut outcomes).await?;
    let ticketed_sessions = use_tickets(conn, batch, &mut outcomes, now).await?;
    take_batch_places(conn, batch, &mut outcomes, now).await?;
    rewrite_tickets(conn, ticketed_sessions).await?;
    forms.record(conn, batch, &mut outcomes).await?;

    let mut accepted: Vec<StoredResponse<'_>> = batch
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| o.is_ok())
        .map(|(p, _)| StoredResponse {
            session_id: p.session_id,
            version: VERSION,
            answers: &p.answers,
        })
        .collect();
    accepted.shuffle(&mut rand::rng());
    insert_responses(conn, &accepted).await?;
    Ok(outcomes)
}

/// PostgreSQL: locks the batch's sessions' rows, by id.
///
/// Lock order, the same everywhere (here, sealing, replacing cards): a session's row
/// before its tickets, sessions by id. Without it, two instances' batches for one
/// ticketed session deadlock on PostgreSQL (each holds one ticket and waits for the
/// other's in the rewrite of [`rewrite_tickets`]), and both batches' participants are
/// told 503. SQLite has one writer at a time and needs no row locks.
async fn lock_sessions(conn: &mut AnyConnection, batch: &[&Pending]) -> Result<(), sqlx::Error> {
    let sessions = batch.iter().map(|p| p.session_id).collect();
    each_session(
        conn,
        "select id from session where id = $1 for update",
        sessions,
    )
    .await
}

/// Runs `statement` (its `$1` a session's id) once for each of `sessions`, in id order.
async fn each_session(
    conn: &mut AnyConnection,
    statement: &'static str,
    mut sessions: Vec<SessionId>,
) -> Result<(), sqlx::Error> {
    sessions.sort_unstable();
    sessions.dedup();
    for session_id in sessions {
        sqlx::query(statement)
            .bind(session_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Tickets: each is used once. Uses the ticket of every submission still going, or
/// refuses it (closed, unknown session, used or unknown ticket); returns the sessions
/// that used one.
async fn use_tickets(
    conn: &mut AnyConnection,
    batch: &[&Pending],
    outcomes: &mut [Result<(), Refusal>],
    now: i64,
) -> Result<Vec<SessionId>, sqlx::Error> {
    let mut ticketed_sessions: Vec<SessionId> = Vec::new();
    for (i, pending) in batch.iter().enumerate() {
        let (Ok(()), true, Some(hash)) = (&outcomes[i], pending.ticketed, &pending.ticket) else {
            continue;
        };
        let used = sqlx::query(
            "update ticket set used = 1 where hash = $1 and session_id = $2 and used = 0",
        )
        .bind(hash.as_str())
        .bind(pending.session_id)
        .execute(&mut *conn)
        .await?;
        if used.rows_affected() == 1 {
            ticketed_sessions.push(pending.session_id);
            continue;
        }
        // A closed session says so first: its tickets may be gone already (sealed).
        let why = why_not_open(conn, pending.session_id, now).await?;
        if let Refusal::Closed | Refusal::UnknownSession = why {
            outcomes[i] = Err(why);
            continue;
        }
        let known: Option<i32> =
            sqlx::query_scalar("select used from ticket where hash = $1 and session_id = $2")
                .bind(hash.as_str())
                .bind(pending.session_id)
                .fetch_optional(&mut *conn)
                .await?;
        outcomes[i] = Err(if known.is_some() {
            Refusal::TicketUsed
        } else {
            Refusal::TicketUnknown
        });
    }
    Ok(ticketed_sessions)
}

/// Places: per session, take all places its submissions need at once, or else one by
/// one; a submission that finds none is refused and its ticket given back.
async fn take_batch_places(
    conn: &mut AnyConnection,
    batch: &[&Pending],
    outcomes: &mut [Result<(), Refusal>],
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut sessions: Vec<SessionId> = batch.iter().map(|p| p.session_id).collect();
    sessions.sort_unstable();
    sessions.dedup();
    for session_id in sessions {
        let members: Vec<usize> = (0..batch.len())
            .filter(|&i| batch[i].session_id == session_id && outcomes[i].is_ok())
            .collect();
        if members.is_empty() || take_places(conn, session_id, members.len(), now).await? {
            continue;
        }
        for taken in 0..members.len() {
            if take_places(conn, session_id, 1, now).await? {
                continue;
            }
            let refusal = why_not_open(conn, session_id, now).await?;
            for &j in &members[taken..] {
                outcomes[j] = Err(refusal);
                if let Some(hash) = batch[j].ticket.as_ref().filter(|_| batch[j].ticketed) {
                    sqlx::query("update ticket set used = 0 where hash = $1 and session_id = $2")
                        .bind(hash.as_str())
                        .bind(session_id)
                        .execute(&mut *conn)
                        .await?;
                }
            }
            break;
        }
    }
    Ok(())
}

/// Every ticket of a session that used one now carries this transaction's id, so the
/// transaction id cannot tell which ticket came with which response.
async fn rewrite_tickets(
    conn: &mut AnyConnection,
    ticketed_sessions: Vec<SessionId>,
) -> Result<(), sqlx::Error> {
    let statement = "update ticket set used = used where session_id = $1";
    each_session(conn, statement, ticketed_sessions).await
}

/// The sent forms of a batch's sessions, between the check and the record.
struct SentForms {
    /// Per session with a form in the batch: the hashes of its forms already stored.
    stored: HashMap<SessionId, Vec<FormHash>>,
    /// `(later, first)`: the same form twice in one batch (a double tap). The later one
    /// takes no place; it gets the first's refusal, or "already sent" if the first stores.
    repeats: Vec<(usize, usize)>,
}

impl SentForms {
    /// Refuses every submission whose form has stored a response already.
    async fn check(
        conn: &mut AnyConnection,
        batch: &[&Pending],
        outcomes: &mut [Result<(), Refusal>],
    ) -> Result<SentForms, sqlx::Error> {
        let mut forms = SentForms {
            stored: HashMap::new(),
            repeats: vec![],
        };
        let mut first_of: HashMap<&FormHash, usize> = HashMap::new();
        for (i, pending) in batch.iter().enumerate() {
            let Some(hash) = &pending.form else {
                continue;
            };
            let stored = match forms.stored.entry(pending.session_id) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(new) => {
                    new.insert(crate::once::sent_in(conn, pending.session_id).await?)
                }
            };
            if stored.contains(hash) {
                outcomes[i] = Err(Refusal::AlreadySent);
            } else if let Some(&first) = first_of.get(hash) {
                forms.repeats.push((i, first));
                outcomes[i] = Err(Refusal::AlreadySent);
            } else {
                first_of.insert(hash, i);
            }
        }
        Ok(forms)
    }

    /// Records the forms of the stored submissions: each session that gained one has all
    /// its hashes rewritten in this transaction ([`crate::once::rewrite`]).
    async fn record(
        self,
        conn: &mut AnyConnection,
        batch: &[&Pending],
        outcomes: &mut [Result<(), Refusal>],
    ) -> Result<(), sqlx::Error> {
        for (later, first) in self.repeats {
            if let Err(refusal) = outcomes[first] {
                outcomes[later] = Err(refusal);
            }
        }
        let mut stored = self.stored;
        let mut gained: Vec<SessionId> = Vec::new();
        for (pending, outcome) in batch.iter().zip(outcomes.iter()) {
            if let (Ok(()), Some(hash)) = (outcome, &pending.form) {
                stored
                    .entry(pending.session_id)
                    .or_default()
                    .push(hash.clone());
                gained.push(pending.session_id);
            }
        }
        gained.sort_unstable();
        gained.dedup();
        for session_id in gained {
            let hashes = stored.remove(&session_id).unwrap_or_default();
            crate::once::rewrite(conn, session_id, hashes).await?;
        }
        Ok(())
    }
}

/// Takes `n` places of an open session, all or none.
async fn take_places(
    conn: &mut AnyConnection,
    session_id: SessionId,
    n: usize,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let taken = sqlx::query(
        "update session set received = received + $2 \
         where id = $1 and closed = 0 and sealed = 0 and closes_at > $3 and received + $2 <= capacity",
    )
    .bind(session_id)
    .bind(n as i32)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(taken.rows_affected() == 1)
}

async fn why_not_open(
    conn: &mut AnyConnection,
    session_id: SessionId,
    now: i64,
) -> Result<Refusal, sqlx::Error> {
    let state: Option<(i32, i32, i64)> =
        sqlx::query_as("select closed, sealed, closes_at from session where id = $1")
            .bind(session_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(match state {
        None => Refusal::UnknownSession,
        Some((closed, sealed, closes_at)) if closed != 0 || sealed != 0 || closes_at <= now => {
            Refusal::Closed
        }
        Some(_) => Refusal::Full,
    })
}

/// The columns of a response row, in insert order, from the instrument itself so the
/// list can never drift from it.
pub(crate) fn response_columns() -> &'static [String] {
    static COLUMNS: OnceLock<Vec<String>> = OnceLock::new();
    COLUMNS.get_or_init(|| {
        ["id", "session_id", "instrument_version"]
            .into_iter()
            .map(str::to_owned)
            .chain(Item::ALL.iter().map(|i| i.key().to_owned()))
            .chain(std::iter::once("first_time".to_owned()))
            .chain(Helped::ALL.iter().map(|c| c.column()))
            .chain(Hindered::ALL.iter().map(|c| c.column()))
            .collect()
    })
}

/// Insert chunk sizes: a batch is inserted in chunks of these sizes, so only these few
/// statement shapes are ever prepared and cached. No larger than 8 rows (176 parameters):
/// binding a parameter makes SQLite scan the statement's parameter names, so the cost of
/// binding one statement grows with the square of its size (measured: at 128 rows that
/// scan was a tenth of the server's time).
const CHUNKS: [usize; 4] = [8, 4, 2, 1];

/// `insert into response (…) values (…), … on conflict (id) do nothing returning id` for
/// `rows` rows.
fn insert_sql(rows: usize) -> &'static str {
    static SQL: OnceLock<Vec<String>> = OnceLock::new();
    let all = SQL.get_or_init(|| {
        let columns = response_columns();
        CHUNKS
            .iter()
            .map(|&rows| {
                let values: Vec<String> = (0..rows)
                    .map(|r| {
                        let params: Vec<String> = (1..=columns.len())
                            .map(|c| format!("${}", r * columns.len() + c))
                            .collect();
                        format!("({})", params.join(", "))
                    })
                    .collect();
                format!(
                    "insert into response ({}) values {} on conflict (id) do nothing returning id",
                    columns.join(", "),
                    values.join(", ")
                )
            })
            .collect()
    });
    &all[CHUNKS
        .iter()
        .position(|&c| c == rows)
        .expect("a chunk size")]
}

/// A response as it is written: its session, its instrument version, its answers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StoredResponse<'a> {
    pub session_id: SessionId,
    pub version: i16,
    pub answers: &'a Answers,
}

/// Inserts the responses, in the order given, with fresh random ids. An id that collides
/// with a stored one inserts nothing (`on conflict do nothing`) and is missing from
/// `returning`: those responses are inserted again with new ids.
pub(crate) async fn insert_responses(
    conn: &mut AnyConnection,
    accepted: &[StoredResponse<'_>],
) -> Result<(), sqlx::Error> {
    let mut remaining: Vec<StoredResponse<'_>> = accepted.to_vec();
    while !remaining.is_empty() {
        let mut retry = Vec::new();
        for chunk in chunked(&remaining, &CHUNKS) {
            let size = chunk.len();
            let ids: Vec<i32> = chunk.iter().map(|_| random_id()).collect();
            let mut query = sqlx::query_scalar::<_, i32>(insert_sql(size));
            for (row, &id) in chunk.iter().zip(&ids) {
                let answers = row.answers;
                query = query.bind(id).bind(row.session_id).bind(row.version);
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
            }
            let stored = query.fetch_all(&mut *conn).await?;
            retry.extend(
                chunk
                    .iter()
                    .zip(&ids)
                    .filter(|(_, id)| !stored.contains(id))
                    .map(|(p, _)| *p),
            );
        }
        remaining = retry;
    }
    Ok(())
}

/// Writes synthetic responses to a session directly, bypassing the live path's tickets,
/// window and capacity checks, in one transaction that also counts them in `received`.
///
/// For the demo network and tests only: real answers come through [`Committer`]. The
/// rows are shuffled and get random ids like any batch; the caller closes the session,
/// and the sealer rewrites it as it does every closed session.
pub async fn insert_synthetic(
    store: &Store,
    session_id: SessionId,
    answers: &[Answers],
) -> Result<(), sqlx::Error> {
    let mut rows: Vec<StoredResponse<'_>> = answers
        .iter()
        .map(|answers| StoredResponse {
            session_id,
            version: VERSION,
            answers,
        })
        .collect();
    rows.shuffle(&mut rand::rng());
    let mut tx = store.begin_write().await?;
    insert_responses(&mut tx, &rows).await?;
    sqlx::query("update session set received = received + $1 where id = $2")
        .bind(rows.len() as i32)
        .bind(session_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Stores a stack of paper forms typed in at the staff desk, all or none, in one
/// transaction with the one audit entry that says a stack was typed in for the session.
///
/// The live path's checks and writes, not a second set: the places come from
/// [`take_places`] (window, closing, sealing and capacity, all at once, so a stack that
/// does not fit stores nothing), a refusal is explained by [`why_not_open`], and the rows
/// are written by [`insert_responses`] in random order with random ids, as a batch of the
/// writer is. Not through the writer task itself, because the audit entry must commit with
/// the rows or not at all. Paper sessions are never ticketed here: a ticket belongs to
/// a link, and a paper form has none.
///
/// # Privacy
/// Nothing records when a form was typed, in which order, or by whom, beyond the one
/// entry for the whole stack (its actor and time, as every staff action's). The caller's
/// entry must not hold anything a form said, nor how many forms there were: the trail is
/// kept forever, and a count of answers in it would be exact and outside the releases.
pub async fn commit_entered(
    store: &Store,
    session_id: SessionId,
    answers: &[Answers],
    entry: domain::audit::Entry<'_>,
) -> Result<Result<(), Refusal>, sqlx::Error> {
    if answers.is_empty() {
        return Ok(Ok(()));
    }
    let mut rows: Vec<StoredResponse<'_>> = answers
        .iter()
        .map(|answers| StoredResponse {
            session_id,
            version: VERSION,
            answers,
        })
        .collect();
    rows.shuffle(&mut rand::rng());
    let mut conn = store.pool().acquire().await?;
    let mut tx = conn.begin().await?;
    let now = now_unix();
    if !take_places(&mut tx, session_id, rows.len(), now).await? {
        let refusal = why_not_open(&mut tx, session_id, now).await?;
        tx.rollback().await?;
        return Ok(Err(refusal));
    }
    insert_responses(&mut tx, &rows).await?;
    domain::audit::commit(tx, entry).await?;
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_insert_names_every_answer_column_once() {
        let sql = insert_sql(1);
        assert!(sql.contains("belong, welcome, heard, safe_to_share, not_judged, confidential, own_pace, better, first_time"));
        assert!(sql.contains("helped_ground_rules") && sql.contains("hindered_rushed"));
        assert!(sql.contains("$22)") && !sql.contains("$23"));
        let two = insert_sql(2);
        assert!(two.contains("$22), ($23,") && two.contains("$44)") && !two.contains("$45"));
    }

    #[test]
    fn every_batch_size_splits_into_chunks() {
        for n in 0..=MAX_BATCH {
            let rows: Vec<usize> = (0..n).collect();
            let parts: Vec<&[usize]> = chunked(&rows, &CHUNKS).collect();
            assert_eq!(parts.concat(), rows, "{n} rows cut and put back");
            assert!(parts.iter().all(|p| CHUNKS.contains(&p.len())));
            assert!(
                parts.len() <= MAX_BATCH / 8 + 3,
                "{n} takes {} statements",
                parts.len()
            );
        }
    }

    async fn store_with(
        sessions: &[(u32, Option<u32>)],
    ) -> (
        Store,
        Vec<(domain::catalog::Session, Vec<domain::code::Ticket>)>,
        tempfile::TempDir,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::connect(&format!("sqlite:{}", dir.path().join("c.db").display()))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let mut opened = vec![];
        for (i, &(capacity, tickets)) in sessions.iter().enumerate() {
            let new = domain::catalog::NewSession::new(
                "p",
                &format!("c{i}"),
                date,
                Some(capacity),
                None,
                tickets,
            )
            .unwrap();
            opened.push(domain::catalog::open_session(&store, &new).await.unwrap());
        }
        (store, opened, dir)
    }

    fn pending(
        session: &domain::catalog::Session,
        ticket: Option<&domain::code::Ticket>,
    ) -> Pending {
        let mut answers = Answers::default();
        answers.set_rating(Item::Heard, domain::instrument::Rating::try_from(4).ok());
        Pending {
            session_id: session.id,
            ticketed: session.ticketed,
            ticket: ticket.map(|t| t.hash()),
            form: None,
            answers,
        }
    }

    #[tokio::test]
    async fn one_batch_refuses_exactly_what_does_not_fit_and_stores_the_rest() {
        let (store, s, _dir) = store_with(&[(3, None), (10, None), (10, None), (5, Some(2))]).await;
        domain::catalog::close_session(&store, &s[2].0.code)
            .await
            .unwrap();
        let (small, open, closed, ticketed) = (&s[0].0, &s[1].0, &s[2].0, &s[3].0);
        let tickets = &s[3].1;
        let batch = vec![
            pending(small, None),
            pending(open, None),
            pending(small, None),
            pending(closed, None),
            pending(small, None),
            pending(small, None),
            pending(open, None),
            pending(small, None),
            pending(ticketed, Some(&tickets[0])),
            pending(ticketed, Some(&tickets[0])),
            pending(ticketed, None),
            pending(ticketed, Some(&domain::code::Ticket::generate())),
        ];
        let refs: Vec<&Pending> = batch.iter().collect();
        let outcomes = commit_batch(&store, &mut Writer::default(), &refs)
            .await
            .unwrap();
        use CommitError::Refused as R;
        assert_eq!(
            outcomes,
            vec![
                Ok(()),
                Ok(()),
                Ok(()),
                Err(R(Refusal::Closed)),
                Ok(()),
                Err(R(Refusal::Full)),
                Ok(()),
                Err(R(Refusal::Full)),
                Ok(()),
                Err(R(Refusal::TicketUsed)),
                Err(R(Refusal::TicketRequired)),
                Err(R(Refusal::TicketUnknown)),
            ]
        );
        let received = |id: SessionId| {
            let pool = store.pool().clone();
            async move {
                sqlx::query_scalar::<_, i32>("select received from session where id = $1")
                    .bind(id)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        assert_eq!(
            (
                received(small.id).await,
                received(open.id).await,
                received(closed.id).await,
                received(ticketed.id).await
            ),
            (3, 2, 0, 1)
        );
        let stored: i64 = sqlx::query_scalar("select count(*) from response")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(stored, 6);
    }

    async fn stored(store: &Store) -> (i64, i64, i64) {
        let count = |sql: &'static str| {
            let pool = store.pool().clone();
            async move {
                sqlx::query_scalar::<_, i64>(sql)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        (
            count("select count(*) from response").await,
            count("select coalesce(sum(received), 0) from session").await,
            count("select count(*) from commit_marker").await,
        )
    }

    /// The commit lands but its acknowledgement is lost: the claim finds the marker, the
    /// batch is answered as stored, and nothing is stored twice.
    #[tokio::test]
    async fn a_commit_whose_answer_is_lost_is_stored_once() {
        let (store, s, _dir) = store_with(&[(10, None)]).await;
        let batch: Vec<Pending> = (0..3).map(|_| pending(&s[0].0, None)).collect();
        let refs: Vec<&Pending> = batch.iter().collect();
        let mut writer = Writer::default();
        writer.faults.lose_commit_ack = true;
        // The store does not answer the first two questions either.
        writer.faults.claim_failures.store(2, Ordering::Release);
        let outcomes = commit_batch(&store, &mut writer, &refs).await.unwrap();
        assert_eq!(outcomes, vec![Ok(()); 3]);
        assert_eq!(stored(&store).await, (3, 3, 1));
        assert_eq!(writer.faults.claim_failures.load(Ordering::Acquire), 0);
        // The next batch (no fault) deletes the marker and stores only itself.
        writer.faults.lose_commit_ack = false;
        let one = [&batch[0]];
        assert_eq!(
            commit_batch(&store, &mut writer, &one).await.unwrap(),
            vec![Ok(())]
        );
        assert_eq!(stored(&store).await, (4, 4, 1));
    }

    /// The commit fails and did not happen: the claim takes the token (so the batch can
    /// never land later), the batch is known not stored and may be retried.
    #[tokio::test]
    async fn a_commit_that_did_not_happen_is_known_not_stored() {
        let (store, s, _dir) = store_with(&[(10, None)]).await;
        let batch: Vec<Pending> = (0..2).map(|_| pending(&s[0].0, None)).collect();
        let refs: Vec<&Pending> = batch.iter().collect();
        let mut writer = Writer::default();
        commit_batch(&store, &mut writer, &refs[..1]).await.unwrap();
        assert_eq!(stored(&store).await, (1, 1, 1));
        writer.faults.fail_commit = true;
        let failed = commit_batch(&store, &mut writer, &refs).await;
        assert!(
            matches!(failed, Err(BatchError::NotStored(_))),
            "{failed:?}"
        );
        // Nothing stored; the claimed token and the previous marker remain until the
        // next batch deletes both.
        assert_eq!(stored(&store).await, (1, 1, 2));
        assert_eq!(writer.stale_markers.len(), 2);
        writer.faults.fail_commit = false;
        commit_batch(&store, &mut writer, &refs).await.unwrap();
        assert_eq!(stored(&store).await, (3, 3, 1));
    }

    /// A store that never answers within the patience: the batch is uncertain, neither
    /// called stored nor retried.
    #[tokio::test]
    async fn a_commit_nobody_can_confirm_is_uncertain() {
        let (store, s, _dir) = store_with(&[(10, None)]).await;
        let batch = [pending(&s[0].0, None)];
        let refs: Vec<&Pending> = batch.iter().collect();
        let mut writer = Writer {
            patience: Duration::from_millis(300),
            ..Writer::default()
        };
        writer.faults.lose_commit_ack = true;
        writer
            .faults
            .claim_failures
            .store(u32::MAX, Ordering::Release);
        let failed = commit_batch(&store, &mut writer, &refs).await;
        assert!(
            matches!(failed, Err(BatchError::Uncertain(_))),
            "{failed:?}"
        );
        // It did land (the fault only lost the answer): stored once, and the writer does
        // not retry an uncertain batch.
        assert_eq!(stored(&store).await.0, 1);
    }

    #[tokio::test]
    async fn a_large_batch_is_stored_whole() {
        let (store, s, _dir) = store_with(&[(1000, None)]).await;
        let batch: Vec<Pending> = (0..MAX_BATCH).map(|_| pending(&s[0].0, None)).collect();
        let refs: Vec<&Pending> = batch.iter().collect();
        let outcomes = commit_batch(&store, &mut Writer::default(), &refs)
            .await
            .unwrap();
        assert!(outcomes.iter().all(Result::is_ok));
        let stored: i64 = sqlx::query_scalar("select count(distinct id) from response")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(stored, MAX_BATCH as i64);
    }

    #[tokio::test]
    async fn a_bad_ticket_never_takes_the_place_of_a_valid_one() {
        let (store, s, _dir) = store_with(&[(1, Some(2)), (1, Some(1))]).await;
        let (one_place, tickets) = (&s[0].0, &s[0].1);
        let fake = domain::code::Ticket::generate();
        let mut writer = Writer::default();
        let batch = [
            pending(one_place, Some(&fake)),
            pending(one_place, Some(&tickets[1])),
        ];
        let refs: Vec<&Pending> = batch.iter().collect();
        let outcomes = commit_batch(&store, &mut writer, &refs).await.unwrap();
        assert_eq!(
            outcomes,
            vec![Err(CommitError::Refused(Refusal::TicketUnknown)), Ok(())]
        );
        // The session is full now; a reused ticket still hears that it was used (409), and
        // a valid unused ticket hears the session is full, keeping its ticket unused.
        let batch = [
            pending(one_place, Some(&tickets[1])),
            pending(one_place, Some(&tickets[0])),
        ];
        let refs: Vec<&Pending> = batch.iter().collect();
        let outcomes = commit_batch(&store, &mut writer, &refs).await.unwrap();
        assert_eq!(
            outcomes,
            vec![
                Err(CommitError::Refused(Refusal::TicketUsed)),
                Err(CommitError::Refused(Refusal::Full))
            ]
        );
        let unused: i64 =
            sqlx::query_scalar("select count(*) from ticket where session_id = $1 and used = 0")
                .bind(one_place.id)
                .fetch_one(store.pool())
                .await
                .unwrap();
        assert_eq!(unused, 1);
        let markers: i64 = sqlx::query_scalar("select count(*) from commit_marker")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(
            markers, 1,
            "each batch removes the marker of the one before"
        );
    }

    /// Forms in one batch: a double tap stores once, a form with no place left stays
    /// unsent (and its double tap hears the same refusal), a stored form sent again is
    /// refused before its ticket is looked at.
    #[tokio::test]
    async fn a_form_stores_once_and_a_refused_one_stays_unsent() {
        let (store, s, _dir) = store_with(&[(2, None), (1, Some(1))]).await;
        let (two_places, ticketed) = (&s[0].0, &s[1].0);
        let key = crate::once::FormKey::load(&store).await.unwrap();
        let with_form = |session: &domain::catalog::Session,
                         ticket: Option<&domain::code::Ticket>,
                         form: &crate::once::FormToken| Pending {
            form: Some(form.hash()),
            ..pending(session, ticket)
        };
        let (a, b, c) = (
            key.issue(two_places.id),
            key.issue(two_places.id),
            key.issue(two_places.id),
        );
        let batch = [
            with_form(two_places, None, &a),
            with_form(two_places, None, &a),
            with_form(two_places, None, &b),
            with_form(two_places, None, &c),
            with_form(two_places, None, &c),
        ];
        let refs: Vec<&Pending> = batch.iter().collect();
        let mut writer = Writer::default();
        let outcomes = commit_batch(&store, &mut writer, &refs).await.unwrap();
        use CommitError::Refused as R;
        assert_eq!(
            outcomes,
            vec![
                Ok(()),
                Err(R(Refusal::AlreadySent)),
                Ok(()),
                Err(R(Refusal::Full)),
                Err(R(Refusal::Full)),
            ]
        );
        let sent = |session_id: SessionId| {
            let pool = store.pool().clone();
            async move {
                let mut hashes: Vec<String> =
                    sqlx::query_scalar("select hash from form_sent where session_id = $1")
                        .bind(session_id)
                        .fetch_all(&pool)
                        .await
                        .unwrap();
                hashes.sort();
                hashes
            }
        };
        let mut expected = vec![a.hash().as_str().to_owned(), b.hash().as_str().to_owned()];
        expected.sort();
        assert_eq!(sent(two_places.id).await, expected);

        let card = &s[1].1[0];
        let form = key.issue(ticketed.id);
        let once = [&with_form(ticketed, Some(card), &form)];
        assert_eq!(
            commit_batch(&store, &mut writer, &once).await.unwrap(),
            vec![Ok(())]
        );
        assert_eq!(
            commit_batch(&store, &mut writer, &once).await.unwrap(),
            vec![Err(R(Refusal::AlreadySent))],
            "the form, not the used card, answers"
        );
        assert_eq!(
            sent(ticketed.id).await,
            vec![form.hash().as_str().to_owned()]
        );
        assert_eq!(stored(&store).await.0, 3);
    }

    #[tokio::test]
    async fn a_submission_withdrawn_after_the_wait_is_never_stored() {
        let (store, s, dir) = store_with(&[(10, None)]).await;
        let committer = Committer::start_with_wait(store.clone(), Duration::from_millis(300));
        // Another connection holds the write lock, so the writer's first batch blocks.
        let url = format!("sqlite:{}", dir.path().join("c.db").display());
        let mut locker = <sqlx::AnyConnection as sqlx::Connection>::connect(&url)
            .await
            .unwrap();
        sqlx::query("begin immediate")
            .execute(&mut locker)
            .await
            .unwrap();
        let first = tokio::spawn({
            let (committer, p) = (committer.clone(), pending(&s[0].0, None));
            async move { committer.submit(p).await }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        let started = std::time::Instant::now();
        let second = committer.submit(pending(&s[0].0, None)).await;
        assert_eq!(second, Err(CommitError::Unavailable));
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "waited {:?}",
            started.elapsed()
        );
        sqlx::query("rollback").execute(&mut locker).await.unwrap();
        // The first was taken before the wait ran out: it commits once the lock is gone.
        assert_eq!(first.await.unwrap(), Ok(()));
        tokio::time::sleep(Duration::from_millis(200)).await;
        let stored: i64 = sqlx::query_scalar("select count(*) from response")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(stored, 1, "the withdrawn submission was stored");
    }
}
