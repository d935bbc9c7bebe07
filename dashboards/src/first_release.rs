//! Before the first release: what a program's (or circle's) page says while no month of it
//! has been released — when its first figures come — in place of charts, tables and a
//! legend that would read "hidden: fewer than 0 responses".
//!
//! # Privacy
//! It says only what the catalog and the release schedule say: whether a release holds a
//! cell of it, and the month of its first session. Never a count.

use analytics::period::Period;
use analytics::schedule::due_at;
use askama::Template;
use axum::response::Response;
use chrono::NaiveDate;
use domain::{CircleId, ProgramId};

use crate::Dashboards;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError};

/// The program, or one of its circles, whose page is asked for.
pub(crate) struct Whose<'a> {
    pub program_id: ProgramId,
    pub program: &'a str,
    /// A circle of the program: its id and name.
    pub circle: Option<(CircleId, &'a str)>,
    pub archived_on: Option<NaiveDate>,
}

#[derive(Template)]
#[template(path = "first_release.html")]
struct FirstReleasePage {
    chrome: Chrome,
    program_id: ProgramId,
    program: String,
    circle: Option<String>,
    archived_on: Option<NaiveDate>,
    /// "No month of Riverside has been released yet."
    none_yet: String,
    /// When the first release comes, in words.
    when: String,
}

/// The empty state's page when no release holds a cell of `whose` yet; `None` when some
/// release does (the page draws its figures, hidden or shown).
pub(crate) async fn page(
    dash: &Dashboards,
    signed: &Signed,
    whose: Whose<'_>,
) -> Result<Option<Response>, StaffError> {
    let circle_id = whose.circle.map(|(id, _)| id);
    if analytics::view::ever_released(&dash.store, whose.program_id, circle_id).await? {
        return Ok(None);
    }
    let first = domain::catalog::first_session_on(&dash.store, whose.program_id, circle_id)
        .await?
        .map(Period::month_of);
    let name = whose.circle.map_or(whose.program, |(_, name)| name);
    let page = FirstReleasePage {
        chrome: signed.chrome(match whose.circle {
            Some((_, circle)) => format!("{circle} — {}", whose.program),
            None => format!("{} — overview", whose.program),
        }),
        program_id: whose.program_id,
        program: whose.program.to_owned(),
        circle: whose.circle.map(|(_, name)| name.to_owned()),
        archived_on: whose.archived_on,
        none_yet: format!(
            "No month of {name} has been released yet, so there are no figures to show."
        ),
        when: when(first, dash.release_grace_hours, chrono::Utc::now()),
    };
    signed.render(&page).map(Some)
}

/// When the first release comes: `grace_hours` after the end of the month of the first
/// session (`first`), as `hearth serve` releases each month by itself
/// (`analytics::schedule`).
fn when(first: Option<Period>, grace_hours: u32, now: chrono::DateTime<chrono::Utc>) -> String {
    let Some(month) = first else {
        return format!(
            "It has held no session yet. Each month is released by itself {grace_hours} hours \
             after it ends; the first figures come after the first month in which it meets."
        );
    };
    let name = month.start().format("%B %Y");
    let due = due_at(month, grace_hours);
    if due > now {
        format!(
            "The first release, of {name}, comes on {} or soon after: Hearth releases each \
             month by itself {grace_hours} hours after it ends, once that month's sessions \
             have all closed.",
            due.format("%-d %B %Y")
        )
    } else {
        format!(
            "The first release, of {name}, was due on {}: it runs by itself within the hour \
             once that month's sessions have all closed (an admin can also run it with \
             `hearth release --period {month}`).",
            due.format("%-d %B %Y")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32) -> chrono::DateTime<chrono::Utc> {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_utc()
    }

    #[test]
    fn the_first_release_comes_72_hours_after_the_first_month_ends() {
        let november: Period = "2026-11".parse().unwrap();
        let said = when(Some(november), 72, at(2026, 11, 20));
        assert!(said.contains("of November 2026"), "{said}");
        assert!(said.contains("72 hours"), "{said}");
        assert!(said.contains("on 4 December 2026 or soon after"), "{said}");
        let late = when(Some(november), 72, at(2026, 12, 10));
        assert!(late.contains("was due on 4 December 2026"), "{late}");
        let none = when(None, 24, at(2026, 12, 10));
        assert!(
            none.contains("no session yet") && none.contains("24 hours"),
            "{none}"
        );
    }
}
