//! The audit trail, for admins: who did what and when, newest first, with filters.
//!
//! # Privacy
//!
//! The trail holds staff actions only (see `domain::audit`): this page shows staff
//! emails, catalog names, session codes, setting values and file names — never anything a
//! participant sent.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use domain::audit::{self, Action, Filter};
use serde::Deserialize;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError};

/// At most this many entries on one page; a narrower filter reaches older ones.
const SHOWN: i64 = 200;

/// The filter as the form sends it: every field may be empty.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    action: String,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    from: String,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    to: String,
    #[serde(default)]
    text: String,
}

struct Row {
    at: String,
    iso: String,
    actor: String,
    action: String,
    subject: String,
    detail: String,
}

struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    chrome: Chrome,
    query: AuditQuery,
    actors: Vec<Choice>,
    actions: Vec<Choice>,
    rows: Vec<Row>,
    problems: Vec<String>,
    /// Whether more entries match than are shown.
    more: bool,
    shown: i64,
}

/// A date typed in the filter; `problem` is the message key that says it is not one.
fn day(text: &str, problem: &str, problems: &mut Vec<String>) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(day) => Some(day),
        Err(_) => {
            problems.push(crate::words::tr().with(problem, "text", text));
            None
        }
    }
}

fn start_ms(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc()
        .timestamp_millis()
}

impl AuditQuery {
    /// The store's filter, and what was wrong with the form (a wrong field is left out
    /// of the filter and said so, rather than failing the page).
    fn filter(&self) -> (Filter, Vec<String>) {
        let mut problems = vec![];
        let action = match self.action.trim() {
            "" => None,
            key => {
                let action = Action::parse(key);
                if action.is_none() {
                    problems.push(crate::words::tr().with("audit-not-an-action", "key", key));
                }
                action
            }
        };
        let since_ms = day(&self.from, "audit-not-a-date-first", &mut problems).map(start_ms);
        let until_ms = day(&self.to, "audit-not-a-date-last", &mut problems)
            .and_then(|d| d.succ_opt())
            .map(start_ms);
        let filter = Filter {
            actor: Some(self.actor.trim().to_owned()).filter(|a| !a.is_empty()),
            action,
            since_ms,
            until_ms,
            text: Some(self.text.trim().to_owned()).filter(|t| !t.is_empty()),
        };
        (filter, problems)
    }
}

pub(crate) async fn audit(
    State(dash): State<Dashboards>,
    signed: Signed,
    Query(query): Query<AuditQuery>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let (filter, problems) = query.filter();
    let mut entries = audit::list(&dash.store, &filter, SHOWN + 1).await?;
    let more = entries.len() as i64 > SHOWN;
    entries.truncate(SHOWN as usize);
    let rows = entries
        .into_iter()
        .map(|e| {
            let at = DateTime::<Utc>::from_timestamp_millis(e.at_ms).unwrap_or_default();
            Row {
                at: format!(
                    "{}, {}",
                    domain::locale::day_short_month_year(crate::words::lang(), at.date_naive()),
                    at.format("%H:%M:%S UTC")
                ),
                iso: at.to_rfc3339(),
                actor: e.actor,
                action: e
                    .action
                    .map_or_else(|| e.action_key.clone(), |a| a.label().to_owned()),
                subject: e.subject,
                detail: e.detail,
            }
        })
        .collect();
    let actors = audit::actors(&dash.store)
        .await?
        .into_iter()
        .map(|a| Choice {
            selected: a == query.actor.trim(),
            label: a.clone(),
            value: a,
        })
        .collect();
    let actions = Action::ALL
        .into_iter()
        .map(|a| Choice {
            value: a.key().to_owned(),
            label: a.label().to_owned(),
            selected: Some(a) == filter.action,
        })
        .collect();
    signed.render(&AuditPage {
        chrome: signed.chrome(crate::words::tr().get("audit-title")),
        query,
        actors,
        actions,
        rows,
        problems,
        more,
        shown: SHOWN,
    })
}
