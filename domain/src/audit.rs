//! The audit trail: one append-only entry per staff action, shown to admins.
//!
//! Every staff-visible change — a sign-in (or a failed one), an account added, changed,
//! deactivated or removed, a setting changed (old and new values), a program or circle
//! added, renamed or archived, a session opened or closed, a release, an export — leaves
//! exactly one entry, written in the same transaction as the change where there is one.
//! This module only inserts and reads: nothing in Hearth updates or deletes an entry.
//!
//! # Privacy
//!
//! An entry names a staff member (or the system) and what they acted on; it never holds
//! anything a participant sent. Callers pass catalog names, session codes, setting values
//! and staff emails only, and a failed sign-in with an email that matches no account is
//! recorded without the text typed (it could be a password typed in the wrong field).
//! Staff actions are timed (to the millisecond, for order); participants' submissions
//! never reach this table, so its times say nothing about when anyone answered.

use std::fmt;

use sqlx::{Any, Executor, Row};

use crate::Store;
use crate::store::random_id;

/// What was done. The key is what is stored; the label is what admins read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    SignIn,
    SignInFailed,
    PasswordChanged,
    PasswordReset,
    AccountAdded,
    AccountChanged,
    AccountDeactivated,
    AccountReactivated,
    AccountRemoved,
    SettingChanged,
    ProgramAdded,
    ProgramRenamed,
    ProgramArchived,
    ProgramRestored,
    CircleAdded,
    CircleRenamed,
    CircleArchived,
    CircleRestored,
    SessionOpened,
    SessionClosed,
    TicketsShown,
    TicketsReplaced,
    Released,
    Exported,
    PaperFormsEntered,
    RetentionApplied,
    ActionRecorded,
    ActionChanged,
    ActionArchived,
    ActionPublished,
    SecondFactorEnrolled,
    SecondFactorRemoved,
    SecondFactorReset,
    ApiTokenAdded,
    ApiTokenRevoked,
    DigestsSent,
    WebhooksDelivered,
    WebhookAdded,
    WebhookRemoved,
}

impl Action {
    pub const ALL: [Action; 39] = [
        Action::SignIn,
        Action::SignInFailed,
        Action::PasswordChanged,
        Action::PasswordReset,
        Action::AccountAdded,
        Action::AccountChanged,
        Action::AccountDeactivated,
        Action::AccountReactivated,
        Action::AccountRemoved,
        Action::SettingChanged,
        Action::ProgramAdded,
        Action::ProgramRenamed,
        Action::ProgramArchived,
        Action::ProgramRestored,
        Action::CircleAdded,
        Action::CircleRenamed,
        Action::CircleArchived,
        Action::CircleRestored,
        Action::SessionOpened,
        Action::SessionClosed,
        Action::TicketsShown,
        Action::TicketsReplaced,
        Action::Released,
        Action::Exported,
        Action::PaperFormsEntered,
        Action::RetentionApplied,
        Action::ActionRecorded,
        Action::ActionChanged,
        Action::ActionArchived,
        Action::ActionPublished,
        Action::SecondFactorEnrolled,
        Action::SecondFactorRemoved,
        Action::SecondFactorReset,
        Action::ApiTokenAdded,
        Action::ApiTokenRevoked,
        Action::DigestsSent,
        Action::WebhooksDelivered,
        Action::WebhookAdded,
        Action::WebhookRemoved,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Action::SignIn => "sign_in",
            Action::SignInFailed => "sign_in_failed",
            Action::PasswordChanged => "password_changed",
            Action::PasswordReset => "password_reset",
            Action::AccountAdded => "account_added",
            Action::AccountChanged => "account_changed",
            Action::AccountDeactivated => "account_deactivated",
            Action::AccountReactivated => "account_reactivated",
            Action::AccountRemoved => "account_removed",
            Action::SettingChanged => "setting_changed",
            Action::ProgramAdded => "program_added",
            Action::ProgramRenamed => "program_renamed",
            Action::ProgramArchived => "program_archived",
            Action::ProgramRestored => "program_restored",
            Action::CircleAdded => "circle_added",
            Action::CircleRenamed => "circle_renamed",
            Action::CircleArchived => "circle_archived",
            Action::CircleRestored => "circle_restored",
            Action::SessionOpened => "session_opened",
            Action::SessionClosed => "session_closed",
            Action::TicketsShown => "tickets_shown",
            Action::TicketsReplaced => "tickets_replaced",
            Action::Released => "released",
            Action::Exported => "exported",
            Action::PaperFormsEntered => "paper_forms_entered",
            Action::RetentionApplied => "retention_applied",
            Action::ActionRecorded => "action_recorded",
            Action::ActionChanged => "action_changed",
            Action::ActionArchived => "action_archived",
            Action::ActionPublished => "action_published",
            Action::SecondFactorEnrolled => "second_factor_enrolled",
            Action::SecondFactorRemoved => "second_factor_removed",
            Action::SecondFactorReset => "second_factor_reset",
            Action::ApiTokenAdded => "api_token_added",
            Action::ApiTokenRevoked => "api_token_revoked",
            Action::DigestsSent => "digests_sent",
            Action::WebhooksDelivered => "webhooks_delivered",
            Action::WebhookAdded => "webhook_added",
            Action::WebhookRemoved => "webhook_removed",
        }
    }

    /// In plain words, for the admin's page.
    pub fn label(self) -> &'static str {
        match self {
            Action::SignIn => "Signed in",
            Action::SignInFailed => "Failed sign-in",
            Action::PasswordChanged => "Changed own password",
            Action::PasswordReset => "Reset a password",
            Action::AccountAdded => "Added an account",
            Action::AccountChanged => "Changed an account",
            Action::AccountDeactivated => "Deactivated an account",
            Action::AccountReactivated => "Reactivated an account",
            Action::AccountRemoved => "Removed an account",
            Action::SettingChanged => "Changed a setting",
            Action::ProgramAdded => "Added a program",
            Action::ProgramRenamed => "Renamed a program",
            Action::ProgramArchived => "Archived a program",
            Action::ProgramRestored => "Restored a program",
            Action::CircleAdded => "Added a circle",
            Action::CircleRenamed => "Renamed a circle",
            Action::CircleArchived => "Archived a circle",
            Action::CircleRestored => "Restored a circle",
            Action::SessionOpened => "Opened a session",
            Action::SessionClosed => "Closed a session",
            Action::TicketsShown => "Printed ticket cards",
            Action::TicketsReplaced => "Replaced unused ticket cards",
            Action::Released => "Released a period",
            Action::Exported => "Downloaded an export",
            Action::PaperFormsEntered => "Typed in paper forms",
            Action::RetentionApplied => "Deleted answers past their retention time",
            Action::ActionRecorded => "Recorded an action",
            Action::ActionChanged => "Changed an action",
            Action::ActionArchived => "Archived an action",
            Action::ActionPublished => "Changed what participants are told about an action",
            Action::SecondFactorEnrolled => "Set up a second factor",
            Action::SecondFactorRemoved => "Removed own second factor",
            Action::SecondFactorReset => "Reset someone's second factor",
            Action::ApiTokenAdded => "Made an API token",
            Action::ApiTokenRevoked => "Revoked an API token",
            Action::DigestsSent => "Sent a release's digests",
            Action::WebhooksDelivered => "Delivered a release's webhooks",
            Action::WebhookAdded => "Registered a webhook",
            Action::WebhookRemoved => "Removed a webhook",
        }
    }

    pub fn parse(key: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.key() == key)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Who did it: a staff member (by email) or a part of the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor<'a> {
    Staff(&'a str),
    /// A failed sign-in with an email that matches no account: the text typed is not kept.
    Unknown,
    /// The automatic schedule of `hearth serve` (releases and retention).
    Scheduler,
    /// A `hearth` command run on the server.
    CommandLine,
}

impl Actor<'_> {
    pub fn as_stored(&self) -> &str {
        match self {
            Actor::Staff(email) => email,
            Actor::Unknown => "(no such account)",
            Actor::Scheduler => "(schedule)",
            Actor::CommandLine => "(command line)",
        }
    }
}

/// One entry to write.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub actor: Actor<'a>,
    pub action: Action,
    /// What was acted on: an account's email, a program or circle name, a session code,
    /// a setting's name, a period.
    pub subject: &'a str,
    /// Old → new values, or other staff-side detail.
    pub detail: &'a str,
}

impl<'a> Entry<'a> {
    pub fn new(actor: Actor<'a>, action: Action, subject: &'a str) -> Entry<'a> {
        Entry {
            actor,
            action,
            subject,
            detail: "",
        }
    }

    pub fn detail(self, detail: &'a str) -> Entry<'a> {
        Entry { detail, ..self }
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Records `entry` in the transaction `tx` that made the change it tells of, and commits
/// both: an audited change and its entry are stored together or not at all.
pub async fn commit(
    mut tx: sqlx::Transaction<'_, Any>,
    entry: Entry<'_>,
) -> Result<(), sqlx::Error> {
    record(&mut *tx, entry).await?;
    tx.commit().await
}

/// Writes one entry, on a connection or transaction (so it commits with the change it
/// records) or on the pool.
pub async fn record<'c, E>(executor: E, entry: Entry<'_>) -> Result<(), sqlx::Error>
where
    E: Executor<'c, Database = Any>,
{
    // A random id collides once in two billion draws; the index on time keeps the order.
    sqlx::query(
        "insert into staff_audit (id, at_ms, actor, action, subject, detail) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(random_id())
    .bind(now_ms())
    .bind(entry.actor.as_stored())
    .bind(entry.action.key())
    .bind(entry.subject)
    .bind(entry.detail)
    .execute(executor)
    .await?;
    Ok(())
}

/// One stored entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub at_ms: i64,
    pub actor: String,
    /// `None` for a key this version does not know (written by a newer one).
    pub action: Option<Action>,
    pub action_key: String,
    pub subject: String,
    pub detail: String,
}

/// What the admin filters by; empty fields match everything.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub actor: Option<String>,
    pub action: Option<Action>,
    /// Entries at or after this time (ms since the epoch).
    pub since_ms: Option<i64>,
    /// Entries before this time.
    pub until_ms: Option<i64>,
    /// A piece of text the subject or detail holds (case-insensitive).
    pub text: Option<String>,
}

/// The newest entries first, at most `limit`.
pub async fn list(store: &Store, filter: &Filter, limit: i64) -> Result<Vec<Stored>, sqlx::Error> {
    let text = filter
        .text
        .as_deref()
        .map(|t| format!("%{}%", t.to_lowercase()));
    let rows = sqlx::query(
        "select at_ms, actor, action, subject, detail from staff_audit \
         where ($1 is null or actor = $1) and ($2 is null or action = $2) \
           and ($3 is null or at_ms >= $3) and ($4 is null or at_ms < $4) \
           and ($5 is null or lower(subject) like $5 or lower(detail) like $5) \
         order by at_ms desc, id desc limit $6",
    )
    .bind(filter.actor.as_deref())
    .bind(filter.action.map(Action::key))
    .bind(filter.since_ms)
    .bind(filter.until_ms)
    .bind(text)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    rows.into_iter()
        .map(|row| {
            let action_key: String = row.try_get("action")?;
            Ok(Stored {
                at_ms: row.try_get("at_ms")?,
                actor: row.try_get("actor")?,
                action: Action::parse(&action_key),
                action_key,
                subject: row.try_get("subject")?,
                detail: row.try_get("detail")?,
            })
        })
        .collect()
}

/// The actors that appear in the trail, for the admin's filter.
pub async fn actors(store: &Store) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("select distinct actor from staff_audit order by actor")
        .fetch_all(store.pool())
        .await
}
