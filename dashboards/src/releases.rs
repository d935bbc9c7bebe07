//! Stored releases as pages read them. A release never changes once stored, so a loaded
//! one is kept in memory by its id: a page costs the same whether the store holds a
//! thousand responses or ten million, because it never looks at responses at all.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use analytics::figures;
use analytics::measure::RESPONSES;
use analytics::period::Period;
use analytics::suppression::{Audience, Status};
use analytics::view::{self, Figure, Release, ReleaseInfo, StoredCell};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Datelike;
use domain::ReleaseId;
use domain::Store;
use domain::audit::{self, Action, Actor};
use domain::i18n::Lang;
use domain::locale;

use crate::account::StaffUser;
use crate::charts::{Point, Reading};
use crate::page::StaffError;

/// The most releases kept in memory (a few years of months and quarters).
const MAX_KEPT: usize = 96;

#[derive(Clone, Default)]
pub(crate) struct ReleaseCache(Arc<Mutex<HashMap<ReleaseId, Arc<Release>>>>);

impl ReleaseCache {
    /// The kept releases, locked. Nothing panics while holding the lock (it only looks up,
    /// inserts into or clears the map), so it is never poisoned.
    fn kept(&self) -> MutexGuard<'_, HashMap<ReleaseId, Arc<Release>>> {
        self.0
            .lock()
            .expect("the release cache is never poisoned: nothing panics holding it")
    }

    /// Loads the newest releases into memory (as many as are kept), so the first staff
    /// page after a start does not wait for them. Returns how many were loaded.
    pub async fn warm(&self, store: &Store) -> Result<usize, sqlx::Error> {
        let infos = view::list_releases(store).await?;
        let mut loaded = 0;
        for info in infos.iter().rev().take(MAX_KEPT) {
            self.get(store, info).await?;
            loaded += 1;
        }
        Ok(loaded)
    }

    /// The release of `info`, from memory or loaded once (see [`ReleaseCache::get_many`]).
    pub async fn get(
        &self,
        store: &Store,
        info: &ReleaseInfo,
    ) -> Result<Arc<Release>, sqlx::Error> {
        let mut got = self.get_many(store, &[info]).await?;
        Ok(got.pop().expect("one release asked, one given"))
    }

    /// The releases of `infos`, in order, from memory or loaded once. A release's figures
    /// never change, but the names of its programs and circles may (an admin renames one;
    /// the figures are keyed by id): kept releases are given the current names, here and
    /// on every other server sharing the store, for one small query of the catalog per
    /// call, made only when a kept release is used.
    pub async fn get_many(
        &self,
        store: &Store,
        infos: &[&ReleaseInfo],
    ) -> Result<Vec<Arc<Release>>, sqlx::Error> {
        let mut names = None;
        let mut out = vec![];
        for &info in infos {
            let hit = self.kept().get(&info.id).cloned();
            let release = match hit {
                Some(hit) => {
                    let names = match &names {
                        Some(names) => names,
                        None => names.insert(domain::catalog::names(store).await?),
                    };
                    self.renamed(hit, names)
                }
                None => self.load(store, info).await?,
            };
            out.push(release);
        }
        Ok(out)
    }

    /// A kept release under the catalog's current names (kept again when they changed).
    fn renamed(&self, hit: Arc<Release>, names: &domain::catalog::Names) -> Arc<Release> {
        if names_hold(&hit, names) {
            return hit;
        }
        let mut renamed = (*hit).clone();
        for cell in &mut renamed.cells {
            if let Some(id) = cell.key.program_id {
                cell.program = names.programs.get(&id).cloned();
            }
            if let Some(id) = cell.key.circle_id {
                cell.circle = names.circles.get(&id).cloned();
            }
        }
        let renamed = Arc::new(renamed);
        self.kept().insert(renamed.info.id, renamed.clone());
        renamed
    }

    async fn load(&self, store: &Store, info: &ReleaseInfo) -> Result<Arc<Release>, sqlx::Error> {
        let loaded = Arc::new(view::load(store, info.clone()).await?);
        let mut kept = self.kept();
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert(loaded.info.id, loaded.clone());
        Ok(loaded)
    }
}

/// Whether a kept release's cells carry the catalog's current names.
fn names_hold(release: &Release, names: &domain::catalog::Names) -> bool {
    release.cells.iter().all(|c| {
        c.key
            .program_id
            .is_none_or(|id| names.programs.get(&id) == c.program.as_ref())
            && c.key
                .circle_id
                .is_none_or(|id| names.circles.get(&id) == c.circle.as_ref())
    })
}

/// Figures of one cell for an audience, by measure name, as pages show them; `None` cell
/// means no data. The one place a [`Figure`] becomes what a page shows.
pub(crate) fn points(
    release: &Release,
    cell: Option<&StoredCell>,
    audience: Audience,
    names: &[&str],
) -> Vec<Point> {
    let Some(cell) = cell else {
        return vec![Point::NO_DATA; names.len()];
    };
    match cell.status(audience) {
        Status::NotReleased => return vec![Point::NO_DATA; names.len()],
        Status::Hidden => return vec![Point::HIDDEN; names.len()],
        Status::Shown => {}
    }
    named(&release.figures(cell, audience), names)
}

/// The points of the named figures among a cell's figures (no data where it has none).
fn named(figures: &[Figure], names: &[&str]) -> Vec<Point> {
    let find = |name: &str| figures.iter().find(|f| f.measure == name);
    let responses = find(RESPONSES).filter(|f| !f.hidden).and_then(|f| f.value);
    names
        .iter()
        .map(|name| find(name).map_or(Point::NO_DATA, |f| point(f, responses)))
        .collect()
}

/// Figures of several months of one cell taken together (see [`view::pooled_figures`]):
/// no data when none of them is shown.
pub(crate) fn pooled_points(
    cells: &[&StoredCell],
    audience: Audience,
    names: &[&str],
) -> Vec<Point> {
    match view::pooled_figures(cells, audience) {
        Some(figures) => named(&figures, names),
        None => vec![Point::NO_DATA; names.len()],
    }
}

/// A figure as a page shows it: how it reads ([`Figure::reading`], the rule the exports'
/// `status` follows too) and, when it is too uncertain to read, its cell's released count
/// of responses, which says why. `responses` is that count.
fn point(figure: &Figure, responses: Option<f64>) -> Point {
    let reading = figure.reading();
    Point {
        reading,
        responses: responses.filter(|_| reading == Reading::TooUncertain),
    }
}

/// Whether any of these figures lacks a range with sampling (releases of the first
/// measurement plan kept none): the page then says its bars show the noise range there.
pub(crate) fn lacks_sampling<'a>(points: impl IntoIterator<Item = &'a Point>) -> bool {
    points.into_iter().any(|p| {
        matches!(
            p.reading,
            Reading::Value { sampling: None, .. } | Reading::NearBound { sampling: None, .. }
        )
    })
}

/// A period and the day its release was stored, as the report states it.
pub(crate) struct ReleasedOn {
    /// "July 2026", or "2026-Q3".
    pub name: String,
    /// For a quarter, the months it holds: "July–September 2026", or "November and
    /// December 2025 only" (see [`months_words`]); empty for a month.
    pub months: String,
    /// "22 November 2026", and the same as `2026-11-22` for `<time datetime>`.
    pub date: String,
    pub iso: String,
}

impl ReleasedOn {
    /// A loaded release, which knows the months it holds.
    pub fn of(release: &Release) -> ReleasedOn {
        ReleasedOn::with_months(&release.info, release.months())
    }

    /// A release from a list of every period released (from [`view::list_releases`]),
    /// which says which months a quarter holds.
    pub fn listed(info: &ReleaseInfo, released: &[ReleaseInfo]) -> ReleasedOn {
        let periods: Vec<Period> = released.iter().map(|i| i.period).collect();
        ReleasedOn::with_months(info, &view::months_of(info.period, &periods))
    }

    fn with_months(info: &ReleaseInfo, months: &[Period]) -> ReleasedOn {
        let at = chrono::DateTime::from_timestamp(info.released_at, 0);
        let quarter = info.period.is_quarter();
        ReleasedOn {
            name: if quarter {
                info.period.to_string()
            } else {
                locale::month_year(crate::words::lang(), info.period.start())
            },
            months: if quarter {
                months_words(info.period, months, false)
            } else {
                String::new()
            },
            date: at.map_or_else(String::new, |t| {
                locale::day_month_year(crate::words::lang(), t.date_naive())
            }),
            iso: at.map_or_else(String::new, |t| t.format("%Y-%m-%d").to_string()),
        }
    }
}

/// The months a quarter's figures come from, in words: "July–September 2026" for a whole
/// quarter ("Jul–Sep 2026" `short`, to fit a phone's table). A quarter missing a month —
/// the first quarter of a network that started mid-quarter, say — names the months it
/// holds, "November and December 2025 only", so it is never read as three months.
pub(crate) fn months_words(quarter: Period, months: &[Period], short: bool) -> String {
    let lang = crate::words::lang();
    let whole = quarter.months();
    match months {
        [] => String::new(),
        held if held == whole.as_slice() => {
            format!(
                "{}–{}",
                month_name(lang, &held[0], false, short),
                month_name(lang, &held[held.len() - 1], true, short)
            )
        }
        held => lang
            .tr()
            .with("months-only", "months", &months_list(held, short)),
    }
}

/// A month in words, with its year or without, full or short.
fn month_name(lang: Lang, p: &Period, with_year: bool, short: bool) -> String {
    match (with_year, short) {
        (true, false) => locale::month_year(lang, p.start()),
        (true, true) => locale::short_month_year(lang, p.start()),
        (false, false) => locale::month(lang, p.start()),
        (false, true) => locale::short_month(lang, p.start()),
    }
}

/// Months in words, oldest first: "September, October and November 2026", "December 2025
/// and January 2026" when they span two years ("Sep, Oct and Nov 2026" `short`).
pub(crate) fn months_list(months: &[Period], short: bool) -> String {
    let lang = crate::words::lang();
    let one_year = months
        .windows(2)
        .all(|w| w[0].start().year() == w[1].start().year());
    let words: Vec<String> = months
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let with_year = !one_year || k + 1 == months.len();
            month_name(lang, m, with_year, short)
        })
        .collect();
    match words.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => lang.tr().args(
            "dict-list-and",
            &[("rest", &rest.join(", ")), ("last", last)],
        ),
        None => String::new(),
    }
}

/// A quarter with its months, as a sentence names it: "2026-Q3 (July–September 2026)",
/// "2025-Q4 (November and December 2025 only)".
pub(crate) fn quarter_name(release: &Release) -> String {
    format!(
        "{} ({})",
        release.info.period,
        months_words(release.info.period, release.months(), false)
    )
}

/// An export of released figures as a download named `filename`, recorded in the audit
/// trail (who downloaded which file; never its content).
pub(crate) async fn csv_download(
    store: &Store,
    user: &StaffUser,
    out: Vec<u8>,
    filename: &str,
) -> Result<Response, StaffError> {
    audit::record(
        store.pool(),
        audit::Entry::new(Actor::Staff(&user.email), Action::Exported, filename),
    )
    .await?;
    attachment(out, filename)
}

/// CSV bytes as a download named `filename`.
fn attachment(out: Vec<u8>, filename: &str) -> Result<Response, StaffError> {
    let disposition = format!("attachment; filename=\"{filename}\"");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)?,
            ),
        ],
        out,
    )
        .into_response())
}

/// The data dictionary of the exports (every column and measure in plain words) as a CSV
/// download named `filename`.
pub(crate) fn dictionary_download(filename: &str) -> Result<Response, StaffError> {
    let mut out = Vec::new();
    view::write_export(
        &mut view::dictionary_frame_in(crate::words::lang())?,
        view::ExportFormat::Csv,
        &mut out,
    )?;
    attachment(out, filename)
}

/// A figure as a table cell shows it: its [`Reading`] in words
/// ([`analytics::figures::Reading::words`]), the only place figures become words.
pub(crate) struct Shown {
    pub text: String,
    /// "± 3", the 90 % range from the noise ("± < 1" where it rounds to nothing; empty for
    /// a range at a bound); for a figure too uncertain to read, its cell's responses
    /// ("(21 responses)"), which say why.
    pub margin: String,
    /// "± 9 with sampling", the 90 % range counting who happened to answer too, where the
    /// release has it ("88–100% with sampling" where it reaches a bound).
    pub sampling: Option<String>,
    reading: Reading,
}

impl Shown {
    pub fn of(point: Point) -> Shown {
        let lang = crate::words::lang();
        let words = point.reading.words_in(lang);
        let margin = match point.reading {
            Reading::TooUncertain => point.responses.map_or_else(String::new, |n| {
                let n = domain::locale::number(lang, n, 0);
                lang.tr().with("reading-responses", "n", &n)
            }),
            _ => words.margin,
        };
        Shown {
            text: words.text,
            margin,
            sampling: words.sampling,
            reading: point.reading,
        }
    }

    /// The short words of a crowded table (circles × twelve months), which a legend
    /// beside it spells out: "too uncertain", "hidden", "–".
    pub fn brief(mut self) -> Shown {
        match self.reading {
            Reading::Value { .. } | Reading::NearBound { .. } => {}
            Reading::TooUncertain => {
                self.text = crate::words::tr().get("reading-brief-uncertain");
                self.margin.clear();
            }
            // Not "fewer than k": a larger cell can be hidden too, so that a small one
            // cannot be worked out by subtraction. The page's legend says both.
            Reading::Hidden => self.text = crate::words::tr().get("reading-brief-hidden"),
            Reading::NoData => self.text = "–".into(),
        }
        self
    }

    /// Whether a number is shown (a value, or a range at a bound).
    pub fn is_value(&self) -> bool {
        self.reading.is_read()
    }

    /// The class that styles the words standing in for a number.
    pub fn class(&self) -> &'static str {
        match self.reading {
            Reading::Value { .. } | Reading::NearBound { .. } => "",
            Reading::TooUncertain => "uncertain-cell",
            Reading::Hidden => "hidden-cell",
            Reading::NoData => "no-data",
        }
    }
}

/// The plain-language note on noise that every figure page carries: what a ± covers, what
/// "with sampling" adds and when to use it, and what "too uncertain to read" means (its
/// thresholds are the ones [`Figure::reading`] applies).
pub(crate) fn noise_line() -> String {
    let lang = crate::words::lang();
    lang.tr().args(
        "noise-line",
        &[
            (
                "pct",
                &locale::number(lang, figures::READABLE_PCT_MARGIN, 0),
            ),
            (
                "mean",
                &locale::number(lang, figures::READABLE_MEAN_MARGIN, 1),
            ),
        ],
    )
}

/// The limits of [`noise_line`], for the legends that repeat them.
pub(crate) use analytics::figures::{
    READABLE_MEAN_MARGIN as READABLE_MEAN, READABLE_PCT_MARGIN as READABLE_PCT,
};

/// Said on a page where some figure has no range with sampling.
pub(crate) fn noise_only_line() -> String {
    crate::words::tr().get("noise-only-line")
}

#[cfg(test)]
mod tests {
    use super::*;
    use analytics::view::Kind;

    fn figure(kind: Kind, value: f64, margin: f64, combined: Option<f64>) -> Figure {
        Figure {
            measure: "belonging_pct_positive".into(),
            kind,
            value: Some(value),
            margin: Some(margin),
            combined,
            hidden: false,
        }
    }

    #[test]
    fn a_figure_too_wide_to_read_is_worded_not_numbered() {
        let wide = figure(Kind::Percent, 100.0, 27.0, Some(31.0));
        assert_eq!(wide.reading(), Reading::TooUncertain);
        let shown = Shown::of(point(&wide, Some(12.0)));
        assert_eq!(shown.text, "too uncertain to read");
        assert_eq!(shown.margin, "(12 responses)");
        assert!(!shown.is_value() && shown.sampling.is_none());
        assert!(!format!("{}{}", shown.text, shown.margin).contains("100"));
        assert_eq!(shown.brief().text, "too uncertain");

        let wide_mean = figure(Kind::Mean, 4.3, 0.8, Some(0.9));
        assert_eq!(
            Shown::of(point(&wide_mean, None)).text,
            "too uncertain to read"
        );
    }

    #[test]
    fn a_readable_figure_shows_its_noise_range_and_its_range_with_sampling() {
        let solid = figure(Kind::Percent, 72.4, 3.2, Some(9.1));
        let shown = Shown::of(point(&solid, Some(30.0)));
        assert_eq!((shown.text.as_str(), shown.margin.as_str()), ("72%", "± 3"));
        assert_eq!(shown.sampling.as_deref(), Some("± 9 with sampling"));
        assert!(!lacks_sampling(&[point(&solid, None)]));
        // A release of the first plan has the noise range only, and the page says so.
        let first_plan = figure(Kind::Percent, 72.4, 3.2, None);
        assert_eq!(Shown::of(point(&first_plan, None)).sampling, None);
        assert!(lacks_sampling(&[point(&first_plan, None)]));
    }

    #[test]
    fn a_figure_at_a_bound_reads_as_its_range() {
        // 100 % can come from a true 90 %: counts are never below zero.
        let top = figure(Kind::Percent, 100.0, 8.6, Some(11.2));
        let shown = Shown::of(point(&top, Some(40.0)));
        assert_eq!(shown.text, "91–100%");
        assert_eq!(shown.margin, "");
        assert_eq!(shown.sampling.as_deref(), Some("88–100% with sampling"));
        assert!(shown.is_value());
        let low_mean = figure(Kind::Mean, 1.2, 0.4, Some(0.45));
        assert_eq!(Shown::of(point(&low_mean, None)).text, "1.0–1.6");
        // A count is not bounded above, and a figure inside its bounds keeps its ±.
        let mut count = figure(Kind::Count, 40.0, 3.0, None);
        count.measure = "responses".into();
        assert_eq!(Shown::of(point(&count, None)).text, "40");
    }

    #[test]
    fn a_quarter_missing_a_month_names_the_months_it_holds() {
        let q4: Period = "2025-Q4".parse().unwrap();
        let all = q4.months();
        assert_eq!(months_words(q4, &all, false), "October–December 2025");
        assert_eq!(months_words(q4, &all, true), "Oct–Dec 2025");
        assert_eq!(
            months_words(q4, &all[1..], false),
            "November and December 2025 only"
        );
        assert_eq!(months_words(q4, &all[1..], true), "Nov and Dec 2025 only");
        assert_eq!(months_words(q4, &all[2..], true), "Dec 2025 only");
        // Months across a new year name both years; within one, the year once.
        let jan: Period = "2026-01".parse().unwrap();
        assert_eq!(
            months_list(&[all[1], all[2], jan], false),
            "November 2025, December 2025 and January 2026"
        );
        assert_eq!(months_list(&all, true), "Oct, Nov and Dec 2025");
        let gap = [all[0], all[2]];
        assert_eq!(
            months_words(q4, &gap, false),
            "October and December 2025 only"
        );
    }

    #[test]
    fn hidden_wins_over_everything_else() {
        let mut hidden = figure(Kind::Percent, 50.0, 3.0, Some(9.0));
        hidden.hidden = true;
        assert_eq!(point(&hidden, Some(40.0)), Point::HIDDEN);
        assert_eq!(Shown::of(Point::HIDDEN).brief().text, "hidden");
    }
}
