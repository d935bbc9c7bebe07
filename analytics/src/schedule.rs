//! The scheduler: `hearth serve` releases every period that is due, by itself.

use crate::period::Period;
use crate::release::{ReleaseError, ReleaseOptions, already_released, release};
use domain::Store;

/// Hours after a period ends before `hearth serve` releases it by itself, unless
/// `--release-grace-hours` says otherwise: time for late paper forms to be typed in and for
/// the last sessions to close.
pub const DEFAULT_GRACE_HOURS: u32 = 72;

/// When `period` is due for release: `grace_hours` after it ends (its last day's end,
/// UTC). [`release_due`] releases it at its first run from then on, once its sessions
/// have closed.
pub fn due_at(period: Period, grace_hours: u32) -> chrono::DateTime<chrono::Utc> {
    period
        .end()
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc()
        + chrono::Duration::hours(i64::from(grace_hours))
}

/// Releases every period that is due: ended at least `grace_hours` ago, with sessions,
/// and not released yet; months before their quarter. A period whose sessions are still
/// open or still take paper forms is left for later, silently; one that would overspend is
/// left for later and said so in the log.
pub async fn release_due(store: &Store, grace_hours: u32) -> Result<Vec<Period>, ReleaseError> {
    let months: Vec<String> =
        sqlx::query_scalar("select distinct substr(held_on, 1, 7) from session order by 1")
            .fetch_all(store.pool())
            .await?;
    let mut candidates: Vec<Period> = Vec::new();
    for month in months {
        let Ok(month) = month.parse::<Period>() else {
            continue;
        };
        candidates.push(month);
        if !candidates.contains(&month.quarter()) {
            candidates.push(month.quarter());
        }
    }
    // Months first within each quarter: a quarter ends with its last month.
    candidates.sort_by_key(|p| (p.end(), p.is_quarter()));
    let now = chrono::Utc::now();
    let mut released = Vec::new();
    for period in candidates {
        if due_at(period, grace_hours) > now || already_released(store, period).await? {
            continue;
        }
        match release(
            store,
            period,
            now.date_naive(),
            &ReleaseOptions::seedless_quiet(),
        )
        .await
        {
            Ok(_) => {
                tracing::info!(release.period = %period, "released");
                released.push(period);
            }
            Err(
                ReleaseError::SessionsOpen { .. }
                | ReleaseError::PaperForms { .. }
                | ReleaseError::AlreadyReleased(_),
            ) => {}
            Err(error) => {
                tracing::warn!(release.period = %period, error = %error, "automatic release refused")
            }
        }
    }
    Ok(released)
}

/// Runs [`release_due`] and then retention ([`crate::retention::apply`]) at start and
/// every hour, until the pool closes.
pub fn spawn_auto_release(store: Store, grace_hours: u32) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        while !store.pool().is_closed() {
            tick.tick().await;
            if let Err(error) = release_due(&store, grace_hours).await
                && !store.pool().is_closed()
            {
                tracing::warn!(error = %error, "automatic releases failed");
            }
            // After the releases: a period released just now starts its retention time.
            let now = chrono::Utc::now().timestamp();
            match crate::retention::apply(&store, now, domain::audit::Actor::Scheduler).await {
                Ok(applied) if !applied.months.is_empty() => {
                    tracing::info!(
                        retention.months = %applied.describe(),
                        "retention: raw answers deleted"
                    )
                }
                Ok(_) => {}
                Err(error) if !store.pool().is_closed() => {
                    tracing::warn!(error = %error, "retention run failed")
                }
                Err(_) => {}
            }
        }
    });
}
