//! The outbox: one durable row per message, delivered with back-off by whichever
//! `hearth serve` instance claims it first.
//!
//! [`queue_released`] finds released periods not yet announced and, in one write
//! transaction per period, records the announcement and queues a digest per staff member
//! who may see figures (when mail is set up) and a POST per registered webhook. Several
//! instances may run it at once: the announcement's primary key lets one of them through.
//! [`claim`] takes a due row by a compare-and-set on its attempt count, so two instances
//! never send the same message; a claimed row is leased for [`LEASE_SECONDS`] and is due
//! again if its instance dies mid-delivery. [`finish`] records the outcome: sent, or
//! retried after [`BACKOFF_SECONDS`], or failed for good after the last of them.

use domain::Store;
use domain::audit::{self, Action, Actor, Entry};
use domain::store::random_id;
use sqlx::Row;

use crate::account::Role;

/// Waits after the 1st, 2nd, … failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h. A message
/// whose attempt after the last wait fails too is marked failed (shown to admins).
pub const BACKOFF_SECONDS: [i64; 5] = [60, 300, 1800, 7200, 43_200];

/// The status of a digest not sent because its account no longer gets one (turned
/// digests off, deactivated, removed): done, and not counted as sent.
pub const SKIPPED: &str = "not sent: the account no longer gets digests";

/// How long a claimed row belongs to the instance that claimed it.
pub const LEASE_SECONDS: i64 = 600;

/// What a row delivers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Digest,
    Webhook,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Digest => "digest",
            Kind::Webhook => "webhook",
        }
    }

    fn parse(key: &str) -> Result<Kind, sqlx::Error> {
        match key {
            "digest" => Ok(Kind::Digest),
            "webhook" => Ok(Kind::Webhook),
            other => Err(sqlx::Error::Decode(
                format!("outbox kind {other:?} is not known to this version").into(),
            )),
        }
    }
}

/// Where a row stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Pending,
    Sending,
    Sent,
    Failed,
}

impl State {
    pub fn key(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Sending => "sending",
            State::Sent => "sent",
            State::Failed => "failed",
        }
    }

    fn parse(key: &str) -> Result<State, sqlx::Error> {
        [State::Pending, State::Sending, State::Sent, State::Failed]
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| sqlx::Error::Decode(format!("outbox state {key:?} is not known").into()))
    }
}

/// One stored message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: i32,
    pub kind: Kind,
    /// A staff account's id (digest) or a webhook's id.
    pub target: i32,
    pub period: String,
    pub payload: String,
    /// Attempts made so far (including the one under way, once claimed).
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub state: State,
    pub last_status: String,
    pub updated_at: i64,
}

const COLUMNS: &str =
    "id, kind, target, period, payload, attempts, next_attempt_at, state, last_status, updated_at";

fn message(row: &sqlx::any::AnyRow) -> Result<Message, sqlx::Error> {
    Ok(Message {
        id: row.try_get("id")?,
        kind: Kind::parse(&row.try_get::<String, _>("kind")?)?,
        target: row.try_get("target")?,
        period: row.try_get("period")?,
        payload: row.try_get("payload")?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        state: State::parse(&row.try_get::<String, _>("state")?)?,
        last_status: row.try_get("last_status")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// Who gets a digest of a month (`quarter` false) or a quarter: managers their program's
/// month, funders the quarter's report, admins both. Facilitators and data entry see no
/// figures and get none; an account that turned digests off or is deactivated gets none.
pub fn gets_digest(role: Role, quarter: bool) -> bool {
    match role {
        Role::Admin => true,
        Role::Manager => !quarter,
        Role::Funder => quarter,
        Role::Facilitator | Role::DataEntry => false,
    }
}

/// Queues the notices of every release not yet announced; `mail` says whether digests
/// can be sent at all (no SMTP set up: none are queued); `base` is the base URL webhook
/// bodies link to. Returns the periods announced.
pub async fn queue_released(
    store: &Store,
    mail: bool,
    base: Option<&str>,
    now: i64,
) -> Result<Vec<String>, sqlx::Error> {
    let waiting: Vec<(String, i64)> = sqlx::query_as(
        "select period, released_at from data_release \
         where period not in (select period from release_notice) order by period",
    )
    .fetch_all(store.pool())
    .await?;
    let mut announced = Vec::new();
    for (period, released_at) in waiting {
        if queue_one(store, &period, released_at, mail, base, now).await? {
            announced.push(period);
        }
    }
    Ok(announced)
}

async fn queue_one(
    store: &Store,
    period: &str,
    released_at: i64,
    mail: bool,
    base: Option<&str>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = store.begin_write().await?;
    let claimed = sqlx::query(
        "insert into release_notice (period, queued_at) values ($1, $2) \
         on conflict (period) do nothing",
    )
    .bind(period)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if claimed == 0 {
        return Ok(false);
    }
    let quarter = period.contains('Q');
    if mail {
        let staff: Vec<(i32, String)> = sqlx::query_as(
            "select id, role from staff_user where active = 1 and digests = 1 order by id",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (id, role) in staff {
            if Role::parse(&role).is_some_and(|role| gets_digest(role, quarter)) {
                insert(&mut tx, Kind::Digest, id, period, period, now).await?;
            }
        }
    }
    let hooks: Vec<i32> = sqlx::query_scalar("select id from webhook order by id")
        .fetch_all(&mut *tx)
        .await?;
    for hook in hooks {
        let body = super::webhook::body(period, released_at, base);
        insert(&mut tx, Kind::Webhook, hook, period, &body, now).await?;
    }
    tx.commit().await?;
    Ok(true)
}

async fn insert(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    kind: Kind,
    target: i32,
    period: &str,
    payload: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    loop {
        let done = sqlx::query(
            "insert into outbox (id, kind, target, period, payload, attempts, next_attempt_at, \
             state, last_status, updated_at) values ($1, $2, $3, $4, $5, 0, $6, 'pending', '', $6) \
             on conflict (id) do nothing",
        )
        .bind(random_id())
        .bind(kind.key())
        .bind(target)
        .bind(period)
        .bind(payload)
        .bind(now)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if done == 1 {
            return Ok(());
        }
    }
}

/// The rows due at `now` (pending, or claimed by an instance whose lease ran out), at
/// most `limit`, oldest first. Candidates only: take each with [`claim`].
pub async fn due(store: &Store, now: i64, limit: i64) -> Result<Vec<Message>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "select {COLUMNS} from outbox where state in ('pending', 'sending') \
         and next_attempt_at <= $1 order by next_attempt_at, id limit $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(message).collect()
}

/// Claims a due row for one attempt: a compare-and-set on its attempt count, so of two
/// instances that saw the same row, one gets it and the other `None`.
pub async fn claim(
    store: &Store,
    seen: &Message,
    now: i64,
) -> Result<Option<Message>, sqlx::Error> {
    let taken = sqlx::query(
        "update outbox set state = 'sending', attempts = attempts + 1, \
         next_attempt_at = $1, updated_at = $2 \
         where id = $3 and attempts = $4 and state in ('pending', 'sending') \
         and next_attempt_at <= $2",
    )
    .bind(now + LEASE_SECONDS)
    .bind(now)
    .bind(seen.id)
    .bind(seen.attempts)
    .execute(store.pool())
    .await?
    .rows_affected();
    Ok((taken == 1).then(|| Message {
        state: State::Sending,
        attempts: seen.attempts + 1,
        next_attempt_at: now + LEASE_SECONDS,
        updated_at: now,
        ..seen.clone()
    }))
}

/// How one attempt went: `status` is what admins read ("sent", "HTTP 500", an error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub delivered: bool,
    pub status: String,
}

/// Records an attempt on a claimed row: sent; or due again after its back-off; or, after
/// the last, failed. When it was the period's last open row of its kind, the audit trail
/// gets one line for the period ("digest for 2026-10 sent to 4 staff").
pub async fn finish(
    store: &Store,
    claimed: &Message,
    outcome: &Outcome,
    now: i64,
) -> Result<State, sqlx::Error> {
    let wait = usize::try_from(claimed.attempts - 1)
        .ok()
        .and_then(|i| BACKOFF_SECONDS.get(i));
    let (state, next) = match (outcome.delivered, wait) {
        (true, _) => (State::Sent, now),
        (false, Some(wait)) => (State::Pending, now + wait),
        (false, None) => (State::Failed, now),
    };
    let status: String = outcome.status.chars().take(200).collect();
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "update outbox set state = $1, next_attempt_at = $2, last_status = $3, updated_at = $4 \
         where id = $5 and attempts = $6 and state = 'sending'",
    )
    .bind(state.key())
    .bind(next)
    .bind(status)
    .bind(now)
    .bind(claimed.id)
    .bind(claimed.attempts)
    .execute(&mut *tx)
    .await?;
    if matches!(state, State::Sent | State::Failed) {
        audit_when_done(&mut tx, claimed.kind, &claimed.period).await?;
    }
    tx.commit().await?;
    Ok(state)
}

async fn audit_when_done(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    kind: Kind,
    period: &str,
) -> Result<(), sqlx::Error> {
    let counts: Vec<(String, i64)> = sqlx::query_as(
        "select state, count(*) from outbox where period = $1 and kind = $2 and last_status <> $3 \
         group by state",
    )
    .bind(period)
    .bind(kind.key())
    .bind(SKIPPED)
    .fetch_all(&mut **tx)
    .await?;
    let count = |s: State| {
        counts
            .iter()
            .find(|(k, _)| k == s.key())
            .map_or(0, |(_, n)| *n)
    };
    if count(State::Pending) + count(State::Sending) > 0 {
        return Ok(());
    }
    let column = match kind {
        Kind::Digest => "digests_audited",
        Kind::Webhook => "webhooks_audited",
    };
    let first = sqlx::query(&format!(
        "update release_notice set {column} = 1 where period = $1 and {column} = 0"
    ))
    .bind(period)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if first == 0 {
        return Ok(());
    }
    let (sent, failed) = (count(State::Sent), count(State::Failed));
    let (action, subject) = match kind {
        Kind::Digest => (
            Action::DigestsSent,
            format!("digest for {period} sent to {sent} staff"),
        ),
        Kind::Webhook => (
            Action::WebhooksDelivered,
            format!(
                "webhook for {period} delivered to {sent} of {}",
                sent + failed
            ),
        ),
    };
    let detail = if failed > 0 {
        format!("{failed} not delivered after every retry")
    } else {
        String::new()
    };
    audit::record(
        &mut **tx,
        Entry::new(Actor::Scheduler, action, &subject).detail(&detail),
    )
    .await
}

/// The newest rows of a kind, for the admin's delivery log.
pub async fn recent(store: &Store, kind: Kind, limit: i64) -> Result<Vec<Message>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "select {COLUMNS} from outbox where kind = $1 order by updated_at desc, id desc limit $2"
    ))
    .bind(kind.key())
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(message).collect()
}
