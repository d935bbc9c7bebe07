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
use domain::i18n::Tr;
use domain::locale;
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
    let tr = crate::words::tr();
    let page = FirstReleasePage {
        chrome: signed.chrome(match whose.circle {
            Some((_, circle)) => format!("{circle} — {}", whose.program),
            None => tr.with("first-release-overview-title", "program", whose.program),
        }),
        program_id: whose.program_id,
        program: whose.program.to_owned(),
        circle: whose.circle.map(|(_, name)| name.to_owned()),
        archived_on: whose.archived_on,
        none_yet: tr.with("first-release-none-yet", "name", name),
        when: when(tr, first, dash.release_grace_hours, chrono::Utc::now()),
    };
    signed.render(&page).map(Some)
}

/// When the first release comes: `grace_hours` after the end of the month of the first
/// session (`first`), as `hearth serve` releases each month by itself
/// (`analytics::schedule`).
fn when(
    tr: Tr,
    first: Option<Period>,
    grace_hours: u32,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let hours = grace_hours.to_string();
    let Some(month) = first else {
        return tr.with("first-release-no-session", "hours", &hours);
    };
    let lang = tr.lang();
    let name = locale::month_year(lang, month.start());
    let due = due_at(month, grace_hours);
    let day = locale::day_month_year(lang, due.date_naive());
    let key = if due > now {
        "first-release-comes"
    } else {
        "first-release-was-due"
    };
    tr.args(
        key,
        &[
            ("month", &name),
            ("day", &day),
            ("hours", &hours),
            ("period", &month.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::i18n::Lang;

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
        let said = when(Lang::En.tr(), Some(november), 72, at(2026, 11, 20));
        assert!(said.contains("of November 2026"), "{said}");
        assert!(said.contains("72 hours"), "{said}");
        assert!(said.contains("on 4 December 2026 or soon after"), "{said}");
        let late = when(Lang::En.tr(), Some(november), 72, at(2026, 12, 10));
        assert!(late.contains("was due on 4 December 2026"), "{late}");
        let none = when(Lang::En.tr(), None, 24, at(2026, 12, 10));
        assert!(
            none.contains("no session yet") && none.contains("24 hours"),
            "{none}"
        );
    }
}
