//! Release digests: one e-mail per staff member who may see figures, per released period,
//! for what they may see. A manager gets their program's month (its headline figures in
//! the words and ranges the pages use, and what needs attention); a funder that the
//! quarter's report is ready, with its link; an admin the ledger lines the release spent
//! and what needs attention across programs. Facilitators and data entry get none.
//!
//! Each digest has a plain-text and an HTML part made from the same lines, and a last
//! line saying how to stop them. [`compose`] takes the language to write in; every digest
//! is in English for now (staff pages are not translated yet), and the parameter is where
//! an account's language will be passed once accounts have one.

use analytics::budget::Level;
use analytics::measure::Measure;
use analytics::period::Period;
use analytics::suppression::Audience;
use analytics::view;
use askama::Template;
use domain::catalog;
use domain::i18n::Lang;
use domain::{ProgramId, StaffId};

use crate::Dashboards;
use crate::account::Role;
use crate::page::StaffError;

/// One digest, ready for the mail transport.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digest {
    /// The staff account's address.
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A part of a digest: a heading and its lines (each with an optional link).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Section {
    heading: String,
    lines: Vec<Line>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Line {
    text: String,
    link: Option<String>,
}

impl Line {
    fn plain(text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            link: None,
        }
    }
}

#[derive(Template)]
#[template(path = "digest.html")]
struct DigestHtml<'a> {
    lang: &'a str,
    title: &'a str,
    sections: &'a [Section],
    stop: &'a Line,
}

/// The headline figures a digest gives, with their names on the pages.
const HEADLINES: [(Measure, &str); 3] = [
    (Measure::BELONGING_PCT_POSITIVE, "Belonging (% positive)"),
    (
        Measure::SAFETY_PCT_POSITIVE,
        "Emotional safety (% positive)",
    ),
    (
        Measure::BETTER_MEAN,
        "Leaving better than they came (mean of 1–5)",
    ),
];

/// The digest of `period` for the staff account `account`, in `lang` (English for now:
/// see the module's note), or `None` when the account gets none for it (its role sees no
/// figures of that kind of period, it turned digests off, or it is deactivated).
pub async fn compose(
    dash: &Dashboards,
    account: StaffId,
    period: Period,
    lang: Lang,
) -> Result<Option<Digest>, ComposeError> {
    compose_in(dash, account, period, lang)
        .await
        .map_err(|e| ComposeError(format!("{e:?}")))
}

/// A digest could not be written (the store failed, or a release could not be read).
#[derive(Debug, thiserror::Error)]
#[error("could not write the digest: {0}")]
pub struct ComposeError(String);

async fn compose_in(
    dash: &Dashboards,
    account: StaffId,
    period: Period,
    lang: Lang,
) -> Result<Option<Digest>, StaffError> {
    let row: Option<(String, String, Option<ProgramId>, i32, i32)> = sqlx::query_as(
        "select email, role, program_id, active, digests from staff_user where id = $1",
    )
    .bind(account)
    .fetch_optional(dash.store.pool())
    .await?;
    let Some((email, role, program, active, digests)) = row else {
        return Ok(None);
    };
    let Some(role) = Role::parse(&role) else {
        return Ok(None);
    };
    if active != 1 || digests != 1 || !super::outbox::gets_digest(role, period.is_quarter()) {
        return Ok(None);
    }
    let Some(release) = view::load_release(&dash.store, period).await? else {
        return Ok(None);
    };
    let link = |path: &str| dash.address.link(path);
    let (subject, sections) = match role {
        Role::Manager => {
            let Some(program) = program else {
                return Ok(None);
            };
            manager(dash, &release, program, &link).await?
        }
        Role::Funder => funder(period, &link),
        Role::Admin => admin(dash, period, &link).await?,
        Role::Facilitator | Role::DataEntry => return Ok(None),
    };
    let stop = Line {
        text: "You get this e-mail because release digests are on for your Hearth account. To stop them, turn them off on “Your account”.".to_owned(),
        link: link("/staff/account"),
    };
    Ok(Some(Digest {
        to: email,
        text: text(&subject, &sections, &stop),
        html: DigestHtml {
            lang: lang.code(),
            title: &subject,
            sections: &sections,
            stop: &stop,
        }
        .render()
        .map_err(StaffError::internal)?,
        subject,
    }))
}

fn text(title: &str, sections: &[Section], stop: &Line) -> String {
    let mut out = format!("{title}\n\n");
    for section in sections {
        out.push_str(&format!("{}\n", section.heading));
        for line in &section.lines {
            out.push_str(&format!("- {}\n", line.text));
            if let Some(link) = &line.link {
                out.push_str(&format!("  {link}\n"));
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("--\n{}\n", stop.text));
    if let Some(link) = &stop.link {
        out.push_str(&format!("{link}\n"));
    }
    out
}

type Links<'a> = dyn Fn(&str) -> Option<String> + Sync + 'a;

async fn manager(
    dash: &Dashboards,
    release: &view::Release,
    program: ProgramId,
    link: &Links<'_>,
) -> Result<(String, Vec<Section>), StaffError> {
    let period = release.info.period;
    let name = catalog::programs(&dash.store)
        .await?
        .into_iter()
        .find(|p| p.id == program)
        .map_or_else(|| "your program".to_owned(), |p| p.name);
    let cell = release
        .cells
        .iter()
        .find(|c| c.key.level == Level::ProgramMonth && c.key.program_id == Some(program));
    let mut figures = Vec::new();
    match cell {
        None => figures.push(Line::plain(format!(
            "{name} held no sessions in {period}: it has no figures this month."
        ))),
        Some(cell) => {
            for (measure, label) in HEADLINES {
                let words = release
                    .figure(cell, Audience::Manager, measure)
                    .map_or_else(|| "no data".to_owned(), |f| said(&f.reading().words()));
                figures.push(Line::plain(format!("{label}: {words}")));
            }
            figures.push(Line::plain(
                "Ranges are 90 % margins of error: the noise added to protect anonymity (and, where shown, the chance in who answered).",
            ));
        }
    }
    figures.push(Line {
        text: format!("{name}'s overview"),
        link: link(&format!("/staff/programs/{program}")),
    });
    let attention = crate::attention::attention(dash, Some(program)).await?;
    let sections = vec![
        Section {
            heading: format!("{name} in {period}"),
            lines: figures,
        },
        attention_section(&attention, link(&format!("/staff/programs/{program}"))),
        actions_section(
            &domain::actions::list(&dash.store, program).await?,
            period,
            link(&format!("/staff/programs/{program}/actions")),
        ),
    ];
    Ok((
        format!("Hearth: {name}'s figures for {period} are released"),
        sections,
    ))
}

/// The program's actions ("you said, we did") a manager follows up: those taken in the
/// released period, and those still waiting to be told to participants (recorded, not
/// archived, with no line published on the form).
fn actions_section(
    actions: &[domain::actions::ActionTaken],
    period: analytics::period::Period,
    link: Option<String>,
) -> Section {
    let current = actions.iter().filter(|a| !a.archived());
    let taken: Vec<_> = current
        .clone()
        .filter(|a| a.taken_on >= period.start() && a.taken_on < period.end())
        .collect();
    let untold = current.filter(|a| !a.published()).count();
    let mut lines = vec![Line::plain(match taken.len() {
        0 => format!("No action was recorded as taken in {period}."),
        1 => format!("1 action was recorded as taken in {period}:"),
        n => format!("{n} actions were recorded as taken in {period}:"),
    })];
    lines.extend(taken.iter().map(|a| {
        let scope = a.circle.as_deref().unwrap_or("the whole program");
        Line::plain(format!("{} ({scope}, {})", a.body, a.taken_on))
    }));
    lines.push(Line::plain(match untold {
        0 => "Every current action has been told to participants.".to_owned(),
        1 => "1 action is not yet told to participants: add its line so they see what changed.".to_owned(),
        n => format!("{n} actions are not yet told to participants: add their lines so they see what changed."),
    }));
    lines.push(Line {
        text: "Actions".to_owned(),
        link,
    });
    Section {
        heading: "Actions".to_owned(),
        lines,
    }
}

/// A figure's words as the pages print them: "72 % ± 4", "too uncertain to read".
fn said(words: &analytics::figures::Words) -> String {
    let mut out = words.text.clone();
    if !words.margin.is_empty() {
        out.push(' ');
        out.push_str(&words.margin);
    }
    if let Some(sampling) = &words.sampling {
        out.push_str(&format!(" ({sampling})"));
    }
    out
}

fn attention_section(attention: &crate::attention::Attention, link: Option<String>) -> Section {
    let mut lines: Vec<Line> = attention
        .drops
        .iter()
        .map(|a| Line::plain(format!("Fell: {} — {}", a.name, a.text)))
        .chain(
            attention
                .rises
                .iter()
                .map(|a| Line::plain(format!("Rose: {} — {}", a.name, a.text))),
        )
        .collect();
    if lines.is_empty() {
        lines.push(Line::plain(
            "Nothing needs attention: no change larger than the noise and chance can explain.",
        ));
    }
    lines.push(Line {
        text: "What needs attention, and how it is decided".to_owned(),
        link,
    });
    Section {
        heading: "What needs attention".to_owned(),
        lines,
    }
}

fn funder(period: Period, link: &Links<'_>) -> (String, Vec<Section>) {
    let sections = vec![Section {
        heading: format!("The report for {period}"),
        lines: vec![Line {
            text: format!("The quarterly report for {period} is ready to read and download."),
            link: link(&format!("/staff/reports/{period}")),
        }],
    }];
    (
        format!("Hearth: the report for {period} is ready"),
        sections,
    )
}

async fn admin(
    dash: &Dashboards,
    period: Period,
    link: &Links<'_>,
) -> Result<(String, Vec<Section>), StaffError> {
    let spent: Vec<Line> = view::ledger(&dash.store)
        .await?
        .into_iter()
        .filter(|l| l.period == period)
        .map(|l| {
            Line::plain(format!(
                "{} {}: {}={} over {} cells",
                l.level.key(),
                l.group.key(),
                l.unit,
                l.spend,
                l.cells
            ))
        })
        .collect();
    let mut ledger = if spent.is_empty() {
        vec![Line::plain(format!(
            "{period} is the sum of its released months: nothing measured, nothing spent."
        ))]
    } else {
        spent
    };
    ledger.push(Line {
        text: "The privacy ledger".to_owned(),
        link: link("/staff/admin/ledger"),
    });
    let attention = crate::attention::attention(dash, None).await?;
    let sections = vec![
        Section {
            heading: format!("The ledger for {period}"),
            lines: ledger,
        },
        attention_section(&attention, link("/staff")),
    ];
    Ok((format!("Hearth: {period} is released"), sections))
}
