//! Retention: once a month and its quarter are both released, Hearth never needs that
//! month's raw responses again, so after the retention time it deletes them.
//!
//! Every page, report and export reads releases (see [`crate::view`]); a period is
//! released once and never again (`data_release.period` is unique, and the catalog refuses
//! a session in a released month). So the responses of a month whose month release and
//! quarter release are both stored feed nothing any more. Keeping them only adds risk: a
//! stolen database or backup would hold every answer ever given.
//!
//! What is deleted, per month whose time has come: the responses of its sessions, their
//! tickets and sent-form hashes (sealing deleted them already; any left go too), and the
//! sessions' response counters (`session.received`, an exact count per session, needed
//! only while a session is open). What is kept: the sessions themselves (catalog: circle,
//! date, code), every release and the ledger. Commit markers are left alone: each holds one random token
//! and nothing about any answer, at most one per running writer, and that writer deletes
//! it with its next batch — deleting it under the writer would break its exactly-once
//! check.
//!
//! # Privacy
//! A month is touched only when both its releases are stored: a period not yet released
//! still needs its responses, and nothing here can make it unreleasable by accident. On
//! SQLite, `secure_delete` (on for every connection, see `domain::store`) overwrites
//! the deleted records with zeros, and a truncating checkpoint then copies the zeroed pages
//! into the database file and empties the write-ahead log, which held earlier images of
//! those pages. On PostgreSQL the table is vacuumed after the delete so the dead rows'
//! space is reclaimed and reused; their bytes stay in the table's pages until reused
//! (docs/privacy.md says so, and what to do about it). The audit entry of a run names the
//! months and nothing else: no count of answers, nor of sessions that had answers (a
//! session with none would show as the difference), since the trail is kept forever and
//! every count staff see must come from a release. [`status`] likewise reads the catalog
//! and the releases, never the responses: per month, its sessions as the catalog lists
//! them, when its answers go or went.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::audit::{self, Action, Actor, Entry};
use domain::settings;
use domain::{Backend, Store};
use sqlx::{AnyConnection, Executor};

use crate::period::Period;

pub use domain::settings::retention::{DEFAULT_DAYS, MAX_DAYS, SETTING, load_days};

const DAY: i64 = 86_400;

#[derive(Debug, thiserror::Error)]
pub enum RetentionError {
    #[error(
        "retention.days: {0:?} is not a whole number of days from 0 to {MAX_DAYS} \
         (answers are deleted that many days after their month and quarter are both released)"
    )]
    Invalid(String),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// Parses a retention time as typed: a whole number of days, 0 to [`MAX_DAYS`].
pub fn parse_days(value: &str) -> Result<u32, RetentionError> {
    domain::settings::retention::days_of(value)
        .ok_or_else(|| RetentionError::Invalid(value.trim().to_owned()))
}

/// Stores the retention time, by `actor`, with one audit entry ("old → new") in the same
/// transaction; nothing stored or recorded when it was already in force. Returns the old
/// value when it changed.
pub async fn save_days(
    store: &Store,
    days: u32,
    actor: Actor<'_>,
) -> Result<Option<u32>, RetentionError> {
    let mut tx = store.begin_write().await?;
    let stored = settings::stored(&mut *tx, SETTING).await?;
    let old = stored
        .and_then(|v| parse_days(&v).ok())
        .unwrap_or(DEFAULT_DAYS);
    if old == days {
        return Ok(None);
    }
    settings::put(&mut *tx, SETTING, &days.to_string()).await?;
    let detail = format!("{old} days → {days} days");
    audit::commit(
        tx,
        Entry::new(actor, Action::SettingChanged, SETTING.key()).detail(&detail),
    )
    .await?;
    Ok(Some(old))
}

/// What is kept of one month, and when it goes: read from the catalog, the releases and
/// the retention runs, never from the responses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthStatus {
    pub month: Period,
    /// When the month's release and its quarter's release were stored (Unix seconds).
    pub month_released_at: Option<i64>,
    pub quarter_released_at: Option<i64>,
    /// The month's sessions, as the catalog lists them (whether or not anyone answered).
    pub sessions: i64,
    /// When its answers may be deleted: both releases stored, plus the retention time.
    /// `None` while either release is missing.
    pub deletable_at: Option<i64>,
    /// When retention last ran for this month (its answers deleted), if it has.
    pub deleted_at: Option<i64>,
}

impl MonthStatus {
    /// The month's status in one line of plain words, for `hearth retention status`.
    pub fn describe(&self, days: u32) -> String {
        let quarter = self.month.quarter();
        let sessions = format!(
            "{} session{} in the catalog",
            self.sessions,
            plural(self.sessions)
        );
        let answers = match (
            self.deleted_at,
            self.month_released_at,
            self.quarter_released_at,
        ) {
            (Some(at), _, _) => format!("answers deleted {}", utc(at)),
            (None, None, _) => format!(
                "answers kept until {} and {quarter} are both released, then {days} days",
                self.month
            ),
            (None, Some(_), None) => {
                format!("{quarter} not released yet: answers kept until it is, then {days} days")
            }
            (None, Some(_), Some(_)) => format!(
                "answers kept: they go at the first hourly run after {}",
                utc(self.deletable_at.unwrap_or_default())
            ),
        };
        format!("{sessions} · {answers}")
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn utc(at: i64) -> String {
    DateTime::<Utc>::from_timestamp(at, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// The day its answers may go, for pages (`None` while a release is missing).
pub fn deletable_on(status: &MonthStatus) -> Option<NaiveDate> {
    status
        .deletable_at
        .and_then(|at| DateTime::<Utc>::from_timestamp(at, 0))
        .map(|t| t.date_naive())
}

/// A two-column query (a period, a time) as a map: when each period was released, or
/// when retention ran for each month.
async fn keyed(store: &Store, sql: &str) -> Result<HashMap<String, i64>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(sql).fetch_all(store.pool()).await?;
    Ok(rows.into_iter().collect())
}

/// Every month with sessions, oldest first.
pub async fn status(store: &Store, days: u32) -> Result<Vec<MonthStatus>, sqlx::Error> {
    let released = keyed(store, "select period, released_at from data_release").await?;
    let catalog: Vec<(String, i64)> = sqlx::query_as(
        "select substr(held_on, 1, 7), cast(count(*) as bigint) from session \
         group by substr(held_on, 1, 7)",
    )
    .fetch_all(store.pool())
    .await?;
    let deleted = keyed(store, "select month, deleted_at from retention_month").await?;
    let mut months: Vec<MonthStatus> = Vec::new();
    for (month, sessions) in catalog {
        let Ok(period) = month.parse::<Period>() else {
            continue;
        };
        let month_released_at = released.get(&month).copied();
        let quarter_released_at = released.get(&period.quarter().to_string()).copied();
        let deletable_at = month_released_at
            .zip(quarter_released_at)
            .map(|(m, q)| m.max(q) + i64::from(days) * DAY);
        months.push(MonthStatus {
            month: period,
            month_released_at,
            quarter_released_at,
            sessions,
            deletable_at,
            deleted_at: deleted.get(&month).copied(),
        });
    }
    months.sort_by_key(|m| m.month);
    Ok(months)
}

/// What one run did: the months whose answers it deleted. No count: see the module's
/// privacy note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub months: Vec<Period>,
    /// SQLite: whether the write-ahead log was emptied afterwards (`false` when readers
    /// kept it busy through every try; the next run tries again).
    pub log_truncated: bool,
}

impl Applied {
    /// "2026-07, 2026-08" — the audit entry's subject, the CLI line and the log.
    pub fn describe(&self) -> String {
        self.months
            .iter()
            .map(Period::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Deletes the raw answers of every month whose month and quarter releases are both
/// stored and whose retention time has passed by `now` (Unix seconds), in one
/// transaction with one audit entry by `actor` naming the months. Each such month is
/// applied once — whether or not it had answers, so which months are named says nothing
/// about them — and again only if something of it is left (a restored backup). A run that
/// finds nothing to do changes nothing and records nothing (the hourly schedule would
/// otherwise fill the audit trail with empty runs).
///
/// Several `hearth serve` instances may run this at once: the transaction takes the
/// release lock first, so they run one after the other and the second finds nothing.
pub async fn apply(store: &Store, now: i64, actor: Actor<'_>) -> Result<Applied, sqlx::Error> {
    let days = load_days(store).await?;
    let due = due_months(store, now, days).await?;
    let mut applied = Applied::default();
    if due.is_empty() {
        return Ok(applied);
    }
    let mut tx = store.begin_write().await?;
    if store.backend() == Backend::Postgres {
        // A large month may take longer than the pool's 15 s statement limit.
        tx.execute("set local statement_timeout = '600s'").await?;
    }
    sqlx::query("update release_lock set id = id where id = 1")
        .execute(&mut *tx)
        .await?;
    for month in due {
        if delete_month(&mut tx, month, now).await? {
            applied.months.push(month);
        }
    }
    if applied.months.is_empty() {
        tx.rollback().await?;
        return Ok(applied);
    }
    let subject = applied.describe();
    let detail = format!(
        "Deleted the raw answers of these months and their sessions' counters, {days} days after each month and its quarter were released. Releases are unchanged."
    );
    audit::commit(
        tx,
        Entry::new(actor, Action::RetentionApplied, &subject).detail(&detail),
    )
    .await?;
    applied.log_truncated = scrub(store).await?;
    Ok(applied)
}

/// The months whose answers may go by `now`, oldest first: both their releases stored
/// `days` ago or more. Candidates come from the catalog alone (small): a month retention
/// has not run for, or a session still counting its answers or not sealed (it may hold
/// answers or tickets; one emptied by retention is neither). No hourly scan of the
/// responses.
async fn due_months(store: &Store, now: i64, days: u32) -> Result<Vec<Period>, sqlx::Error> {
    let months: Vec<String> = sqlx::query_scalar(
        "select distinct substr(held_on, 1, 7) from session where received <> 0 or sealed = 0 \
         or substr(held_on, 1, 7) not in (select month from retention_month)",
    )
    .fetch_all(store.pool())
    .await?;
    let released = keyed(store, "select period, released_at from data_release").await?;
    let mut due: Vec<Period> = months
        .iter()
        .filter_map(|m| m.parse::<Period>().ok())
        .filter(|m| {
            let month = released.get(&m.to_string());
            let quarter = released.get(&m.quarter().to_string());
            month
                .zip(quarter)
                .is_some_and(|(a, b)| *a.max(b) + i64::from(days) * DAY <= now)
        })
        .collect();
    due.sort();
    Ok(due)
}

/// Deletes one due month's answers, tickets and sent-form hashes and zeroes its sessions'
/// counters, inside the run's transaction, and records the run for the month. Returns
/// whether the month was applied: not when its releases are missing after all, nor when
/// retention ran for it before and nothing of it was left.
async fn delete_month(
    conn: &mut AnyConnection,
    month: Period,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let month_key = month.to_string();
    // Checked again under the lock: both releases stored (they are never deleted, but
    // this is the promise the whole module rests on).
    let releases: i64 = sqlx::query_scalar(
        "select cast(count(*) as bigint) from data_release where period = $1 or period = $2",
    )
    .bind(&month_key)
    .bind(month.quarter().to_string())
    .fetch_one(&mut *conn)
    .await?;
    if releases != 2 {
        return Ok(false);
    }
    // Only sessions that take nothing more (a released month's always have closed).
    let sessions = "select id from session where substr(held_on, 1, 7) = $1 \
                    and (closed = 1 or closes_at <= $2)";
    let catalogued: i64 = sqlx::query_scalar(&format!(
        "select cast(count(*) as bigint) from ({sessions}) s"
    ))
    .bind(&month_key)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let recorded: i64 =
        sqlx::query_scalar("select cast(count(*) as bigint) from retention_month where month = $1")
            .bind(&month_key)
            .fetch_one(&mut *conn)
            .await?;
    // How many rows went decides only whether there was anything to do; it is
    // recorded nowhere.
    let mut deleted = 0;
    for table in ["response", "ticket", "form_sent"] {
        deleted += sqlx::query(&format!(
            "delete from {table} where session_id in ({sessions})"
        ))
        .bind(&month_key)
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    }
    let counters = sqlx::query(
        "update session set received = 0, sealed = 1 \
         where substr(held_on, 1, 7) = $1 and (closed = 1 or closes_at <= $2) \
         and (received <> 0 or sealed = 0)",
    )
    .bind(&month_key)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if recorded != 0 && deleted == 0 && counters == 0 {
        return Ok(false);
    }
    // `sessions`: the month's sessions as the catalog lists them, not those that had
    // answers.
    sqlx::query(
        "insert into retention_month (month, deleted_at, sessions) values ($1, $2, $3) \
         on conflict (month) do update set deleted_at = excluded.deleted_at, \
         sessions = excluded.sessions",
    )
    .bind(&month_key)
    .bind(now)
    .bind(catalogued as i32)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// After a deletion: makes the deleted bytes go from the files.
///
/// SQLite: the deleting transaction's pages (zeroed by `secure_delete`) are in the
/// write-ahead log; a truncating checkpoint writes them over the old pages in the database
/// file and empties the log, which also held earlier images of those pages with the
/// answers in them. It waits for readers (the busy timeout) and is tried again a few
/// times; returns whether the log was emptied. PostgreSQL: `vacuum` the tables, so the
/// dead rows' space is reclaimed (run without the pool's statement limit).
pub async fn scrub(store: &Store) -> Result<bool, sqlx::Error> {
    match store.backend() {
        Backend::Sqlite => {
            let emptied = store.empty_write_ahead_log().await?;
            if !emptied {
                tracing::warn!(
                    "retention: the write-ahead log stayed busy; it is emptied on the next run"
                );
            }
            Ok(emptied)
        }
        Backend::Postgres => {
            let mut conn = store.pool().acquire().await?;
            conn.execute("set statement_timeout = 0").await?;
            let vacuumed = async {
                conn.execute("vacuum response").await?;
                conn.execute("vacuum ticket").await?;
                conn.execute("vacuum form_sent").await?;
                conn.execute("vacuum session").await
            }
            .await;
            conn.execute("set statement_timeout = '15s'").await?;
            vacuumed?;
            Ok(true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_days_are_whole_days_within_bounds() {
        assert_eq!(parse_days(" 90 ").unwrap(), 90);
        assert_eq!(parse_days("0").unwrap(), 0);
        assert_eq!(parse_days("3650").unwrap(), 3650);
        for bad in ["", "-1", "3651", "1.5", "ninety", "90 days"] {
            assert!(parse_days(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
