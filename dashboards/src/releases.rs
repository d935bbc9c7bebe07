//! Stored releases as pages read them. A release never changes once stored, so a loaded
//! one is kept in memory by its id: a page costs the same whether the store holds a
//! thousand responses or ten million, because it never looks at responses at all.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use analytics::figures;
use analytics::measure::RESPONSES;
use analytics::suppression::{Audience, Status};
use analytics::view::{self, Figure, Release, ReleaseInfo, StoredCell};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use collector::Store;
use collector::audit::{self, Action, Actor};

use crate::account::StaffUser;
use crate::charts::Point;
use crate::page::StaffError;

/// The most releases kept in memory (a few years of months and quarters).
const MAX_KEPT: usize = 96;

#[derive(Clone, Default)]
pub(crate) struct ReleaseCache(Arc<Mutex<HashMap<i32, Arc<Release>>>>);

impl ReleaseCache {
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
            let hit = self.0.lock().unwrap().get(&info.id).cloned();
            let release = match hit {
                Some(hit) => {
                    let names = match &names {
                        Some(names) => names,
                        None => names.insert(collector::catalog::names(store).await?),
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
    fn renamed(&self, hit: Arc<Release>, names: &collector::catalog::Names) -> Arc<Release> {
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
        self.0
            .lock()
            .unwrap()
            .insert(renamed.info.id, renamed.clone());
        renamed
    }

    async fn load(&self, store: &Store, info: &ReleaseInfo) -> Result<Arc<Release>, sqlx::Error> {
        let loaded = Arc::new(view::load(store, info.clone()).await?);
        let mut kept = self.0.lock().unwrap();
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert(loaded.info.id, loaded.clone());
        Ok(loaded)
    }
}

/// Whether a kept release's cells carry the catalog's current names.
fn names_hold(release: &Release, names: &collector::catalog::Names) -> bool {
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
        return vec![Point::NoData; names.len()];
    };
    match cell.status(audience) {
        Status::NotReleased => return vec![Point::NoData; names.len()],
        Status::Hidden => return vec![Point::Hidden; names.len()],
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
        .map(|name| find(name).map_or(Point::NoData, |f| point(f, responses)))
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
        None => vec![Point::NoData; names.len()],
    }
}

/// A figure as a page shows it: hidden; too uncertain to read (its noise range is wider
/// than [`Figure::readable`] allows: no number, so a noisy 100 % never passes for a solid
/// one); or its value with its ranges. `responses` is its cell's released count.
fn point(figure: &Figure, responses: Option<f64>) -> Point {
    if figure.hidden {
        return Point::Hidden;
    }
    match (figure.value, figure.margin) {
        (Some(value), Some(margin)) if figure.readable() => Point::Value {
            value,
            margin,
            sampling: figure.combined,
        },
        (Some(_), Some(_)) => Point::Uncertain { responses },
        _ => Point::NoData,
    }
}

/// Whether any of these figures lacks a range with sampling (releases of the first
/// measurement plan kept none): the page then says its bars show the noise range there.
pub(crate) fn lacks_sampling<'a>(points: impl IntoIterator<Item = &'a Point>) -> bool {
    points
        .into_iter()
        .any(|p| matches!(p, Point::Value { sampling: None, .. }))
}

/// A period and the day its release was stored, as the report states it.
pub(crate) struct ReleasedOn {
    /// "July 2026", or "2026-Q3".
    pub name: String,
    /// "22 November 2026", and the same as `2026-11-22` for `<time datetime>`.
    pub date: String,
    pub iso: String,
}

impl ReleasedOn {
    pub fn of(info: &ReleaseInfo) -> ReleasedOn {
        let at = chrono::DateTime::from_timestamp(info.released_at, 0);
        ReleasedOn {
            name: if info.period.is_quarter() {
                info.period.to_string()
            } else {
                info.period.start().format("%B %Y").to_string()
            },
            date: at.map_or_else(String::new, |t| t.format("%-d %B %Y").to_string()),
            iso: at.map_or_else(String::new, |t| t.format("%Y-%m-%d").to_string()),
        }
    }
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
        &mut view::dictionary_frame()?,
        view::ExportFormat::Csv,
        &mut out,
    )?;
    attachment(out, filename)
}

/// What a figure can be, by how it is written: a "%" 0–100, a mean (with decimals) 1–5, a
/// count 0 and up.
fn bounds(unit: &str, places: usize) -> (f64, f64) {
    match (unit, places) {
        ("%", _) => (0.0, 100.0),
        (_, 0) => (0.0, f64::INFINITY),
        _ => (1.0, 5.0),
    }
}

/// A figure as a table cell shows it: the only place figures become words.
pub(crate) struct Shown {
    pub text: String,
    /// "± 3", the 90 % range from the noise; for a figure too uncertain to read, its
    /// cell's responses ("(21 responses)"), which say why.
    pub margin: String,
    /// "± 9 with sampling", the 90 % range counting who happened to answer too, where the
    /// release has it.
    pub sampling: Option<String>,
    kind: ShownKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ShownKind {
    Value,
    Uncertain,
    Hidden,
    NoData,
}

impl Shown {
    /// `unit` is "%" for percentages, "" for counts and means.
    pub fn of(point: Point, unit: &str, places: usize) -> Shown {
        let words = |text: &str, margin: String, kind| Shown {
            text: text.to_owned(),
            margin,
            sampling: None,
            kind,
        };
        match point {
            Point::Value {
                value,
                margin,
                sampling,
            } => {
                let (low, high) = bounds(unit, places);
                let range = |m: f64| {
                    let (a, b) = ((value - m).max(low), (value + m).min(high));
                    format!("{a:.places$}–{b:.places$}{unit}")
                };
                // Counts are never below zero, so a figure at a bound (100 %: no "not
                // positive" left after rounding) may be off by more than its ± suggests
                // on that side: its range reads true where a point would not.
                let clipped = value - margin < low || value + margin > high;
                let (text, margin, sampling) = if clipped {
                    (
                        range(margin),
                        String::new(),
                        sampling.map(|s| format!("{} with sampling", range(s))),
                    )
                } else {
                    (
                        format!("{value:.places$}{unit}"),
                        format!("± {margin:.places$}"),
                        sampling.map(|s| format!("± {s:.places$} with sampling")),
                    )
                };
                Shown {
                    text,
                    margin,
                    sampling,
                    kind: ShownKind::Value,
                }
            }
            Point::Uncertain { responses } => words(
                "too uncertain to read",
                responses.map_or_else(String::new, |n| format!("({n:.0} responses)")),
                ShownKind::Uncertain,
            ),
            // Not "fewer than k": a larger cell can be hidden too, so that a small one
            // cannot be worked out by subtraction. The page's legend says both.
            Point::Hidden => words(
                "hidden to protect anonymity",
                String::new(),
                ShownKind::Hidden,
            ),
            Point::NoData => words("no data", String::new(), ShownKind::NoData),
        }
    }

    /// The short words of a crowded table (circles × twelve months), which a legend
    /// beside it spells out: "too uncertain", "hidden", "–".
    pub fn brief(mut self) -> Shown {
        match self.kind {
            ShownKind::Value => {}
            ShownKind::Uncertain => {
                self.text = "too uncertain".into();
                self.margin.clear();
            }
            ShownKind::Hidden => self.text = "hidden".into(),
            ShownKind::NoData => self.text = "–".into(),
        }
        self
    }

    pub fn is_value(&self) -> bool {
        self.kind == ShownKind::Value
    }

    /// The class that styles the words standing in for a number.
    pub fn class(&self) -> &'static str {
        match self.kind {
            ShownKind::Value => "",
            ShownKind::Uncertain => "uncertain-cell",
            ShownKind::Hidden => "hidden-cell",
            ShownKind::NoData => "no-data",
        }
    }
}

/// The plain-language note on noise that every figure page carries: what a ± covers, what
/// "with sampling" adds and when to use it, and what "too uncertain to read" means (its
/// thresholds are the ones [`Figure::readable`] applies).
pub(crate) static NOISE_LINE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "Every number here had a little random noise added once, when it was released, so \
         that it shows little about any one person's answers. “72% ± 3”: the noise moved that \
         figure by at most 3 points, 9 times out of 10. “± 9 with sampling” also counts the \
         chance in who happened to come and answer: use it, and the chart bars that show it, \
         to compare months, circles or programs — a smaller difference may be chance. \
         A figure near 0% or 100% is shown as its range (“91–100%”): counts are never below \
         zero, so a 100% may hide a few answers that were not positive. \
         “Too uncertain to read” stands for a figure whose noise range is wider than ±{pct:.0} \
         points (±{mean:.1} on a 1–5 mean).",
        pct = figures::READABLE_PCT_MARGIN,
        mean = figures::READABLE_MEAN_MARGIN,
    )
});

/// Said on a page where some figure has no range with sampling.
pub(crate) const NOISE_ONLY_LINE: &str = "Figures released under the first measurement plan have no range with sampling: they and their chart bars show the noise range only.";

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
        assert!(!wide.readable());
        let shown = Shown::of(point(&wide, Some(12.0)), "%", 0);
        assert_eq!(shown.text, "too uncertain to read");
        assert_eq!(shown.margin, "(12 responses)");
        assert!(!shown.is_value() && shown.sampling.is_none());
        assert!(!format!("{}{}", shown.text, shown.margin).contains("100"));
        assert_eq!(shown.brief().text, "too uncertain");

        let wide_mean = figure(Kind::Mean, 4.3, 0.8, Some(0.9));
        assert_eq!(
            Shown::of(point(&wide_mean, None), "", 1).text,
            "too uncertain to read"
        );
    }

    #[test]
    fn a_readable_figure_shows_its_noise_range_and_its_range_with_sampling() {
        let solid = figure(Kind::Percent, 72.4, 3.2, Some(9.1));
        let shown = Shown::of(point(&solid, Some(30.0)), "%", 0);
        assert_eq!((shown.text.as_str(), shown.margin.as_str()), ("72%", "± 3"));
        assert_eq!(shown.sampling.as_deref(), Some("± 9 with sampling"));
        assert!(!lacks_sampling(&[point(&solid, None)]));
        // A release of the first plan has the noise range only, and the page says so.
        let first_plan = figure(Kind::Percent, 72.4, 3.2, None);
        assert_eq!(Shown::of(point(&first_plan, None), "%", 0).sampling, None);
        assert!(lacks_sampling(&[point(&first_plan, None)]));
    }

    #[test]
    fn a_figure_at_a_bound_reads_as_its_range() {
        // 100 % can come from a true 90 %: counts are never below zero.
        let top = figure(Kind::Percent, 100.0, 8.6, Some(11.2));
        let shown = Shown::of(point(&top, Some(40.0)), "%", 0);
        assert_eq!(shown.text, "91–100%");
        assert_eq!(shown.margin, "");
        assert_eq!(shown.sampling.as_deref(), Some("89–100% with sampling"));
        let low_mean = figure(Kind::Mean, 1.2, 0.4, Some(0.45));
        assert_eq!(Shown::of(point(&low_mean, None), "", 1).text, "1.0–1.6");
        // A count is not bounded above, and a figure inside its bounds keeps its ±.
        assert_eq!(
            Shown::of(
                Point::Value {
                    value: 40.0,
                    margin: 3.0,
                    sampling: None
                },
                "",
                0
            )
            .text,
            "40"
        );
    }

    #[test]
    fn hidden_wins_over_everything_else() {
        let mut hidden = figure(Kind::Percent, 50.0, 3.0, Some(9.0));
        hidden.hidden = true;
        assert_eq!(point(&hidden, Some(40.0)), Point::Hidden);
        assert_eq!(Shown::of(Point::Hidden, "%", 0).brief().text, "hidden");
    }
}
