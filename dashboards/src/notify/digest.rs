//! Release digests: one e-mail per staff member who may see figures, per released period,
//! for what they may see. A manager gets their program's month (its headline figures in
//! the words and ranges the pages use, and what needs attention); a funder that the
//! quarter's report is ready, with its link; an admin the ledger lines the release spent
//! and what needs attention across programs. Facilitators and data entry get none.
//!
//! Each digest has a plain-text and an HTML part made from the same lines, and a last
//! line saying how to stop them. A digest is written in its account's language (the
//! setting on "Your account"; English when it has none, since no browser is there to ask),
//! with the words, numbers and months of the staff pages in that language
//! (`digest-*` in `domain/locales/{code}/staff.ftl`).

use analytics::budget::Level;
use analytics::measure::Measure;
use analytics::period::Period;
use analytics::suppression::Audience;
use analytics::view;
use askama::Template;
use domain::catalog;
use domain::i18n::{Lang, Tr};
use domain::locale;
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
    your_account: &'a str,
}

/// The headline figures a digest gives, with the keys of their names.
const HEADLINES: [(Measure, &str); 3] = [
    (Measure::BELONGING_PCT_POSITIVE, "digest-headline-belonging"),
    (Measure::SAFETY_PCT_POSITIVE, "digest-headline-safety"),
    (Measure::BETTER_MEAN, "digest-headline-better"),
];

/// The digest of `period` for the staff account `account`, in the account's language, or
/// `None` when the account gets none for it (its role sees no figures of that kind of
/// period, it turned digests off, or it is deactivated).
pub async fn compose(
    dash: &Dashboards,
    account: StaffId,
    period: Period,
) -> Result<Option<Digest>, ComposeError> {
    compose_in(dash, account, period)
        .await
        .map_err(|e| ComposeError(format!("{e:?}")))
}

/// A digest could not be written (the store failed, or a release could not be read).
#[derive(Debug, thiserror::Error)]
#[error("could not write the digest: {0}")]
pub struct ComposeError(String);

/// The account's row as a digest needs it: address, role, program, active, digests on,
/// language.
type Recipient = (String, String, Option<ProgramId>, i32, i32, Option<String>);

async fn compose_in(
    dash: &Dashboards,
    account: StaffId,
    period: Period,
) -> Result<Option<Digest>, StaffError> {
    let row: Option<Recipient> = sqlx::query_as(
        "select email, role, program_id, active, digests, lang from staff_user where id = $1",
    )
    .bind(account)
    .fetch_optional(dash.store.pool())
    .await?;
    let Some(recipient) = row else {
        return Ok(None);
    };
    let lang = Lang::choose_staff(recipient.5.as_deref().and_then(Lang::from_code), None);
    crate::words::in_language(lang, write(dash, recipient, period)).await
}

/// The digest of an account, in the language set for this task.
async fn write(
    dash: &Dashboards,
    (email, role, program, active, digests, _): Recipient,
    period: Period,
) -> Result<Option<Digest>, StaffError> {
    let tr = crate::words::tr();
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
            manager(dash, tr, &release, program, &link).await?
        }
        Role::Funder => funder(tr, period, &link),
        Role::Admin => admin(dash, tr, period, &link).await?,
        Role::Facilitator | Role::DataEntry => return Ok(None),
    };
    let stop = Line {
        text: tr.get("digest-stop"),
        link: link("/staff/account"),
    };
    Ok(Some(Digest {
        to: email,
        text: text(&subject, &sections, &stop),
        html: DigestHtml {
            lang: tr.lang().code(),
            title: &subject,
            sections: &sections,
            stop: &stop,
            your_account: &tr.get("digest-your-account"),
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

/// A period as a digest names it: "September 2026" ("septiembre de 2026"), or "2026-Q3"
/// as the reports name a quarter.
fn period_words(tr: Tr, period: Period) -> String {
    if period.is_quarter() {
        period.to_string()
    } else {
        locale::month_year(tr.lang(), period.start())
    }
}

async fn manager(
    dash: &Dashboards,
    tr: Tr,
    release: &view::Release,
    program: ProgramId,
    link: &Links<'_>,
) -> Result<(String, Vec<Section>), StaffError> {
    let month = period_words(tr, release.info.period);
    let name = catalog::programs(&dash.store)
        .await?
        .into_iter()
        .find(|p| p.id == program)
        .map_or_else(|| tr.get("digest-your-program"), |p| p.name);
    let named = |key: &str| tr.args(key, &[("program", &name), ("period", &month)]);
    let cell = release
        .cells
        .iter()
        .find(|c| c.key.level == Level::ProgramMonth && c.key.program_id == Some(program));
    let mut figures = Vec::new();
    match cell {
        None => figures.push(Line::plain(named("digest-no-sessions"))),
        Some(cell) => {
            for (measure, label) in HEADLINES {
                let words = release
                    .figure(cell, Audience::Manager, measure)
                    .map_or_else(
                        || tr.get("reading-no-data"),
                        |f| said(&f.reading().words_in(tr.lang())),
                    );
                let label = tr.get(label);
                figures.push(Line::plain(
                    tr.args("digest-figure", &[("label", &label), ("words", &words)]),
                ));
            }
            figures.push(Line::plain(tr.get("digest-ranges")));
        }
    }
    figures.push(Line {
        text: named("digest-overview"),
        link: link(&format!("/staff/programs/{program}")),
    });
    let attention = crate::attention::attention(dash, Some(program)).await?;
    let sections = vec![
        Section {
            heading: named("digest-program-in"),
            lines: figures,
        },
        attention_section(tr, &attention, link(&format!("/staff/programs/{program}"))),
        actions_section(
            tr,
            &domain::actions::list(&dash.store, program).await?,
            release.info.period,
            link(&format!("/staff/programs/{program}/actions")),
        ),
    ];
    Ok((named("digest-manager-subject"), sections))
}

/// The program's actions ("you said, we did") a manager follows up: those taken in the
/// released period, and those still waiting to be told to participants (recorded, not
/// archived, with no line published on the form).
fn actions_section(
    tr: Tr,
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
    let month = period_words(tr, period);
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let mut lines = vec![Line::plain(tr.count_args(
        "digest-actions-taken",
        ("n", count(taken.len())),
        &[("period", &month)],
    ))];
    let whole_program = tr.get("digest-whole-program");
    lines.extend(taken.iter().map(|a| {
        let scope = a.circle.as_deref().unwrap_or(&whole_program);
        let date = locale::day_month_year(tr.lang(), a.taken_on);
        Line::plain(tr.args(
            "digest-action",
            &[("action", &a.body), ("scope", scope), ("date", &date)],
        ))
    }));
    lines.push(Line::plain(tr.count("digest-untold", "n", count(untold))));
    lines.push(Line {
        text: tr.get("digest-actions"),
        link,
    });
    Section {
        heading: tr.get("digest-actions"),
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

fn attention_section(
    tr: Tr,
    attention: &crate::attention::Attention,
    link: Option<String>,
) -> Section {
    let line = |key: &str, a: &crate::attention::AlertLine| {
        Line::plain(tr.args(key, &[("name", &a.name), ("text", &a.text)]))
    };
    let mut lines: Vec<Line> = attention
        .drops
        .iter()
        .map(|a| line("digest-fell", a))
        .chain(attention.rises.iter().map(|a| line("digest-rose", a)))
        .collect();
    if lines.is_empty() {
        lines.push(Line::plain(tr.get("digest-nothing-needs-attention")));
    }
    lines.push(Line {
        text: tr.get("digest-attention-link"),
        link,
    });
    Section {
        heading: tr.get("digest-attention"),
        lines,
    }
}

fn funder(tr: Tr, period: Period, link: &Links<'_>) -> (String, Vec<Section>) {
    let named = |key: &str| tr.with(key, "period", &period_words(tr, period));
    let sections = vec![Section {
        heading: named("digest-report-for"),
        lines: vec![Line {
            text: named("digest-report-ready"),
            link: link(&format!("/staff/reports/{period}")),
        }],
    }];
    (named("digest-funder-subject"), sections)
}

async fn admin(
    dash: &Dashboards,
    tr: Tr,
    period: Period,
    link: &Links<'_>,
) -> Result<(String, Vec<Section>), StaffError> {
    let named = |key: &str| tr.with(key, "period", &period_words(tr, period));
    let spent: Vec<Line> = view::ledger(&dash.store)
        .await?
        .into_iter()
        .filter(|l| l.period == period)
        .map(|l| {
            Line::plain(tr.count_args(
                "digest-ledger-line",
                ("cells", l.cells.into()),
                &[
                    ("level", l.level.key()),
                    ("group", l.group.key()),
                    ("unit", &l.unit),
                    ("spend", &l.spend),
                ],
            ))
        })
        .collect();
    let mut ledger = if spent.is_empty() {
        vec![Line::plain(named("digest-quarter-spends-nothing"))]
    } else {
        spent
    };
    ledger.push(Line {
        text: tr.get("digest-ledger"),
        link: link("/staff/admin/ledger"),
    });
    let attention = crate::attention::attention(dash, None).await?;
    let sections = vec![
        Section {
            heading: named("digest-ledger-for"),
            lines: ledger,
        },
        attention_section(tr, &attention, link("/staff")),
    ];
    Ok((named("digest-admin-subject"), sections))
}
