//! "Needs attention": the alerts of the latest released quarter (see
//! [`analytics::alerts`]) as managers and admins read them, each with its evidence in plain
//! words and a link to the circle or program it is about.
//!
//! # Privacy
//! Alerts are computed from the released months the pages already read (through the
//! release cache), with the manager's suppression: a hidden month never alerts, and the
//! page says nothing of circles that were not tested.

use analytics::alerts::{self, Alert};
use analytics::view;
use domain::{CircleId, ProgramId};

use crate::Dashboards;
use crate::page::StaffError;

/// Enough released months for two complete quarters whatever the month.
const MONTHS: usize = 8;

/// One alert as a page shows it.
pub(crate) struct AlertLine {
    /// The circle's page, or the program overview.
    pub href: String,
    /// "Grief and Loss" or "Peer Support as a whole".
    pub name: String,
    /// The evidence, as a sentence.
    pub text: String,
}

/// The flagged alerts of the latest released quarter: drops ("needs attention") and rises,
/// of one program or (`None`) of every program.
pub(crate) struct Attention {
    pub drops: Vec<AlertLine>,
    pub rises: Vec<AlertLine>,
    /// "2026-Q3": the quarter tested, when there was one to test.
    pub quarter: Option<String>,
    /// How alerts are made, in plain words.
    pub line: String,
}

impl Attention {
    /// Only the alerts about one circle.
    pub fn of_circle(self, circle: CircleId) -> Attention {
        let keep = |a: &AlertLine| a.href.ends_with(&format!("/circles/{circle}"));
        Attention {
            drops: self.drops.into_iter().filter(keep).collect(),
            rises: self.rises.into_iter().filter(keep).collect(),
            ..self
        }
    }
}

fn line(alert: &Alert, with_program: bool) -> AlertLine {
    let s = &alert.subject;
    let href = match s.circle_id {
        Some(c) => format!("/staff/programs/{}/circles/{c}", s.program_id),
        None => format!("/staff/programs/{}", s.program_id),
    };
    let as_a_whole = || crate::words::tr().with("attn-as-a-whole", "program", &s.program);
    AlertLine {
        href,
        name: match (&s.circle, with_program) {
            (Some(c), true) => format!("{}: {c}", s.program),
            (Some(c), false) => c.clone(),
            (None, _) => as_a_whole(),
        },
        text: evidence(alert, s.circle.clone().unwrap_or_else(as_a_whole)),
    }
}

/// The evidence of an alert as a sentence in the page's language (in English, the
/// sentence [`Alert::evidence`] says): "Belonging in Grief and Loss fell from about 78 % to
/// about 52 % between 2026-Q2 and 2026-Q3; a drop this large happens by chance less than
/// 1 time in 20, counting the noise added for privacy and the chance in who answered."
fn evidence(alert: &Alert, subject: String) -> String {
    let lang = crate::words::lang();
    let tr = lang.tr();
    let c = &alert.comparison;
    let index = match alert.index {
        domain::instrument::Index::Belonging => tr.get("ov-belonging"),
        domain::instrument::Index::Safety => tr.get("ov-safety"),
    };
    let chance = match c.chance_words() {
        Some("less than 1 time in 1,000") => tr.get("action-chance-1000"),
        Some("less than 1 time in 100") => tr.get("action-chance-100"),
        Some("less than 1 time in 20") => tr.get("action-chance-20"),
        Some(other) => other.to_owned(),
        None => tr.get("attn-chance-more"),
    };
    let whole = |x: f64| domain::locale::localize(lang, &format!("{x:.0}"));
    tr.args(
        if alert.fell() {
            "attn-fell"
        } else {
            "attn-rose"
        },
        &[
            ("index", &index),
            ("subject", &subject),
            ("before", &whole(c.before)),
            ("after", &whole(c.after)),
            ("from", &alert.before.to_string()),
            ("to", &alert.after.to_string()),
            ("chance", &chance),
        ],
    )
}

/// The alerts of `program` (or of every program), from the latest released months.
pub(crate) async fn attention(
    dash: &Dashboards,
    program: Option<ProgramId>,
) -> Result<Attention, StaffError> {
    let infos = view::list_releases(&dash.store).await?;
    let months: Vec<_> = infos.iter().filter(|i| !i.period.is_quarter()).collect();
    let recent = &months[months.len().saturating_sub(MONTHS)..];
    let loaded = dash.releases.get_many(&dash.store, recent).await?;
    let refs: Vec<&view::Release> = loaded.iter().map(|r| r.as_ref()).collect();
    let tested = alerts::quarter_alerts(&refs);
    let quarter = tested.first().map(|a| a.after.to_string());
    let (mut drops, mut rises) = (vec![], vec![]);
    for alert in tested
        .iter()
        .filter(|a| a.flagged && program.is_none_or(|p| a.subject.program_id == p))
    {
        if alert.fell() {
            drops.push((alert.comparison.change(), line(alert, program.is_none())));
        } else {
            rises.push((-alert.comparison.change(), line(alert, program.is_none())));
        }
    }
    // The largest changes first.
    drops.sort_by(|a, b| a.0.total_cmp(&b.0));
    rises.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(Attention {
        drops: drops.into_iter().map(|(_, l)| l).collect(),
        rises: rises.into_iter().map(|(_, l)| l).collect(),
        quarter,
        line: crate::words::tr().get("attn-how"),
    })
}
