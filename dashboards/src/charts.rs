//! Charts as SVG, drawn with plotters. Each chart is an image with a text alternative;
//! the page puts the same figures in a table beside it, so nothing is only in a picture.
//!
//! A released figure reads one way everywhere — [`Reading`], the rule tables and exports
//! follow too — and every chart keeps its kinds apart: a value with its 90 % ranges (at 0
//! or 100 %, its range), a value too uncertain to read (drawn hatched, never as a solid
//! mark or colour), a hidden cell (fewer than k responses), or no data (no session was
//! held, or the period is not released yet). A heatmap cell prints what its table cell
//! prints — the value and its noise range, or the range at a bound — while error bars show
//! the range *with sampling* where a release has it: charts are where figures are compared.

pub use analytics::figures::{Kind, Reading};
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One released figure as a chart or a table shows it: how it reads, and — for a figure
/// too uncertain to read — its cell's released count of responses, which says why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub reading: Reading,
    pub responses: Option<f64>,
}

impl Point {
    pub const HIDDEN: Point = Point::of(Reading::Hidden);
    pub const NO_DATA: Point = Point::of(Reading::NoData);

    pub const fn of(reading: Reading) -> Point {
        Point {
            reading,
            responses: None,
        }
    }

    /// A "% positive" or a share, as the release gives it (tests and callers that build
    /// points by hand go through the same rule).
    pub fn percent(value: f64, margin: f64, sampling: Option<f64>) -> Point {
        Point::of(Reading::of(
            Kind::Percent,
            Some(value),
            Some(margin),
            sampling,
            false,
        ))
    }

    /// The value, where a number is shown.
    pub fn value(&self) -> Option<f64> {
        self.reading.value()
    }

    pub fn is_uncertain(&self) -> bool {
        self.reading == Reading::TooUncertain
    }

    /// The half-width a chart draws: the range with sampling where the release has it
    /// (charts are where months, circles and programs are compared), else the noise range.
    pub fn range(&self) -> Option<f64> {
        match self.reading {
            Reading::Value {
                margin, sampling, ..
            }
            | Reading::NearBound {
                margin, sampling, ..
            } => Some(sampling.unwrap_or(margin)),
            _ => None,
        }
    }
}

/// A piece of text in a chart, anchored at `pos` of `at`.
fn note<C>(
    text: impl Into<String>,
    at: C,
    size: i32,
    colour: RGBColor,
    pos: Pos,
) -> Text<'static, C, String> {
    Text::new(
        text.into(),
        at,
        (FONT, size).into_font().color(&colour).pos(pos),
    )
}

/// Dark enough for text and lines on white (contrast ≥ 4.5:1).
pub const BLUE: RGBColor = RGBColor(31, 95, 168);
pub const RUST: RGBColor = RGBColor(166, 72, 24);
const INK: RGBColor = RGBColor(33, 37, 41);
const GRID: RGBColor = RGBColor(222, 226, 230);
const MUTED: RGBColor = RGBColor(92, 99, 106);
const HIDDEN_FILL: RGBColor = RGBColor(233, 236, 239);
/// The stripes of a figure too uncertain to read, on white: dark text still reads on them
/// at 4.5:1 (tested), and they look like no band of the heatmap's scale.
const HATCH: RGBColor = RGBColor(173, 181, 189);

const FONT: &str = "sans-serif";

/// The size of every label, in plotters' units: SVG sets text at size / 1.24, so 16 is
/// 12.9 px where a chart is drawn 1:1. Each layout is shown only where it is drawn at
/// 15/16 of its size or more (see [`Layout`]), so no label is below 12 px on screen.
const TEXT: i32 = 16;
/// The small words in a heatmap's cell (its ±, "uncertain"): 12.1 px, as the heatmap is
/// always shown 1:1.
const SMALL: i32 = 15;
/// A chart's title over a panel.
const CAPTION: i32 = 19;

/// The layouts a chart is drawn in. A page gets both a wide and a narrow drawing of each
/// chart, and staff.css shows the one that fits the chart's container (a container query:
/// the narrow one below 37.5rem, 600 px, where the wide one would be shrunk below 15/16).
/// A heatmap is drawn once, at its own size, in a container that scrolls sideways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    Wide,
    /// For a phone: [`NARROW`] pixels wide, axis labels turned upright where they would
    /// overlap, fewer ticks.
    Narrow,
    /// Drawn at its pixel size, never scaled on screen.
    Natural,
}

/// The narrow layout's width: a 390 px phone's column (358 px) shows it about 1:1.
const NARROW: u32 = 360;

impl Layout {
    fn class(self) -> &'static str {
        match self {
            Layout::Wide => "chart chart-wide",
            Layout::Narrow => "chart chart-narrow",
            Layout::Natural => "chart chart-natural",
        }
    }

    /// The canvas width: `wide` for the wide layout, [`NARROW`] for the narrow one.
    fn width(self, wide: u32) -> u32 {
        match self {
            Layout::Narrow => NARROW,
            _ => wide,
        }
    }
}

/// Whether `chars` characters of [`TEXT`] fit in `room` pixels side by side, at 7.2
/// pixels a character (digits and lower case of a sans-serif at 12.9 px, a little over).
fn fits(chars: f64, room: f64) -> bool {
    chars * 7.2 <= room
}

/// The chart in its wide and narrow layouts, one after the other, both with `label`.
fn both(label: &str, draw: impl Fn(Layout) -> Result<String, ChartError>) -> ChartResult {
    Ok(format!(
        "{}{}",
        finish(draw(Layout::Wide)?, label, Layout::Wide),
        finish(draw(Layout::Narrow)?, label, Layout::Narrow)
    ))
}

/// Chart failures are drawing bugs, not user errors.
pub type ChartResult = Result<String, ChartError>;

/// A drawing failure: a bug in a chart, never a user error.
#[derive(Debug, thiserror::Error)]
#[error("drawing a chart: {0}")]
pub struct ChartError(String);

fn fail(e: impl std::fmt::Display) -> ChartError {
    ChartError(e.to_string())
}

/// Makes plotters' fixed-size SVG scale with the page (keeping its width where it is
/// drawn at its own size), marks its layout, and gives it a text alternative.
fn finish(svg: String, label: &str, layout: Layout) -> String {
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    match svg.find("<svg") {
        Some(at) => {
            let (head, rest) = svg.split_at(at + 4);
            let rest = match layout {
                Layout::Natural => rest.to_owned(),
                _ => rest.replacen(" width=\"", " data-width=\"", 1),
            }
            .replacen(" height=\"", " data-height=\"", 1);
            let class = layout.class();
            format!("{head} class=\"{class}\" role=\"img\" aria-label=\"{label}\"{rest}")
        }
        None => svg,
    }
}

/// A whole image (or a panel of it), in pixels.
type Canvas<'b> = DrawingArea<SVGBackend<'b>, plotters::coord::Shift>;

/// A chart with months (or quarters) along the bottom and a value up the side.
type MonthlyChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<SegmentedCoord<RangedCoordi32>, RangedCoordf64>>;

/// A chart of horizontal bars: a value along the bottom, one row a bar.
type BarChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, SegmentedCoord<RangedCoordi32>>>;

/// The last index of `n` segments: plotters' segmented integer ranges include their end.
fn last(n: i32) -> i32 {
    (n - 1).max(1)
}

/// Diagonal stripes filling the pixel rectangle from `(x0, y0)` to `(x1, y1)`, `step`
/// pixels apart: the mark of a figure too uncertain to read.
fn hatch(
    area: &Canvas<'_>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    step: i32,
) -> Result<(), ChartError> {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (y0, y1) = (y0.min(y1), y0.max(y1));
    let (w, h) = (x1 - x0, y1 - y0);
    let mut d = step;
    while d < w + h {
        // The points with (x − x0) + (y0' − y) = d, from the left or bottom edge to the top
        // or right edge.
        let from = (x0 + (d - h).max(0), y1 - (d - (d - h).max(0)));
        let to = (x0 + d.min(w), y1 - (d - d.min(w)));
        area.draw(&PathElement::new(vec![from, to], HATCH.stroke_width(1)))
            .map_err(fail)?;
        d += step;
    }
    Ok(())
}

/// A month on an axis: `Mar`, with the year on the first month and on each January
/// (`Jan 26`), so twelve labels fit side by side. Anything else (a quarter, "2025-Q4 (Nov
/// and Dec)") is written as given.
fn month_label(months: &[String], v: &SegmentValue<i32>) -> String {
    let SegmentValue::CenterOf(i) = v else {
        return String::new();
    };
    let Some(month) = months.get(*i as usize) else {
        return String::new();
    };
    let label = short_month(month);
    if *i == 0 || month.ends_with("-01") || label == *month {
        label
    } else {
        label.split(' ').next().unwrap_or_default().to_owned()
    }
}

/// `2026-03` → `Mar 26` (`nov 26` in Spanish: the staff catalog's `month-short-N`).
pub fn short_month(period: &str) -> String {
    match period.split_once('-') {
        Some((y, m)) if m.len() == 2 => match m.parse::<usize>() {
            Ok(k @ 1..=12) => format!(
                "{} {}",
                crate::words::tr().get(&format!("month-short-{k}")),
                &y[y.len().saturating_sub(2)..]
            ),
            _ => period.to_owned(),
        },
        _ => period.to_owned(),
    }
}

/// Months along the bottom — upright when side by side they would overlap — a value up
/// the side (with `unit` after it), light gridlines.
fn monthly_mesh(
    chart: &mut MonthlyChart<'_, '_>,
    months: &[String],
    unit: &str,
    upright: bool,
) -> Result<(), ChartError> {
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .y_labels(5)
        .y_label_formatter(&|v| format!("{v:.0}{unit}"))
        .x_labels(months.len())
        // Upright labels are drawn below: plotters would centre them on the axis.
        .x_label_formatter(&|v| match upright {
            true => String::new(),
            false => month_label(months, v),
        })
        .label_style((FONT, TEXT).into_font().color(&INK))
        .axis_style(MUTED)
        .draw()
        .map_err(fail)?;
    if upright {
        let font = (FONT, TEXT)
            .into_font()
            .transform(FontTransform::Rotate270)
            .color(&INK)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let foot = chart.y_range().start;
        let labels = (0..months.len()).map(|i| {
            let at = SegmentValue::CenterOf(i as i32);
            let text = month_label(months, &at);
            EmptyElement::at((at, foot)) + Text::new(text, (0, 8), font.clone())
        });
        chart.draw_series(labels).map_err(fail)?;
    }
    Ok(())
}

/// Whether a monthly axis across `plot` pixels needs its labels upright: two neighbours
/// ("Dec 25" and "Jan 26", or "2026-Q3" and "2026-Q4") would touch, side by side.
fn upright_months(months: &[String], plot: f64) -> bool {
    let column = plot / months.len().max(1) as f64;
    let widths: Vec<f64> = (0..months.len())
        .map(|i| {
            month_label(months, &SegmentValue::CenterOf(i as i32))
                .chars()
                .count() as f64
        })
        .collect();
    widths
        .windows(2)
        .any(|pair| !fits((pair[0] + pair[1]) / 2.0, column - 3.0))
}

/// One panel per series: "% positive" by month with 90 % error bars (with sampling, see
/// [`Point::range`]). A month too uncertain to read is a hatched column with no dot, and
/// no line runs through it; hidden months get a grey "hidden" mark on the axis; months
/// without data are left empty.
pub fn trend(
    label: &str,
    months: &[String],
    series: &[(&str, RGBColor, Vec<Point>)],
) -> ChartResult {
    trend_marked(label, months, series, &[])
}

/// [`trend`] with moments marked on it: an upright line at each `(month index, "A1")` —
/// the actions staff took — labelled at its top so a table beside the chart can say
/// which is which.
pub fn trend_marked(
    label: &str,
    months: &[String],
    series: &[(&str, RGBColor, Vec<Point>)],
    marks: &[(usize, String)],
) -> ChartResult {
    both(label, |layout| draw_trend(layout, months, series, marks))
}

/// [`trend_marked`] in one layout.
fn draw_trend(
    layout: Layout,
    months: &[String],
    series: &[(&str, RGBColor, Vec<Point>)],
    marks: &[(usize, String)],
) -> Result<String, ChartError> {
    let mut svg = String::new();
    let n = months.len().max(1) as i32;
    let width = layout.width(640);
    // The plot's width between the value labels and the right margin, and each month's.
    let plot = f64::from(width) - 68.0;
    let column = plot / f64::from(n);
    let upright = upright_months(months, plot);
    {
        // A phone's panels are lower, so both fit on its screen (and a printed page holds
        // more of them), with room for upright months.
        let panel = match (layout, upright) {
            (Layout::Narrow, false) => 180,
            (Layout::Narrow, true) => 200,
            _ => 230,
        };
        let root = SVGBackend::with_string(&mut svg, (width, panel * series.len().max(1) as u32))
            .into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let panels = root.split_evenly((series.len().max(1), 1));
        for ((name, color, points), area) in series.iter().zip(panels.iter()) {
            let mut chart = ChartBuilder::on(area)
                .margin(10)
                .caption(*name, (FONT, CAPTION).into_font().color(&INK))
                .x_label_area_size(if upright { 58 } else { 28 })
                .y_label_area_size(48)
                .build_cartesian_2d((0..last(n)).into_segmented(), 0f64..100f64)
                .map_err(fail)?;
            monthly_mesh(&mut chart, months, &percent_sign(), upright)?;
            draw_marks(&mut chart, months, marks)?;
            draw_readings(&root, &mut chart, *color, points, column)?;
        }
        root.present().map_err(fail)?;
    }
    Ok(svg)
}

/// The moments marked on a trend panel: an upright line at each `(month index, "A1")` on
/// it, labelled at its top.
fn draw_marks(
    chart: &mut MonthlyChart<'_, '_>,
    months: &[String],
    marks: &[(usize, String)],
) -> Result<(), ChartError> {
    let at = |i: usize| SegmentValue::CenterOf(i as i32);
    for (i, name) in marks.iter().filter(|(i, _)| *i < months.len()) {
        chart
            .draw_series([PathElement::new(
                vec![(at(*i), 0.0), (at(*i), 94.0)],
                INK.mix(0.55).stroke_width(2),
            )])
            .map_err(fail)?;
        chart
            .draw_series([note(
                name.clone(),
                (at(*i), 95.0),
                TEXT,
                INK,
                Pos::new(HPos::Center, VPos::Bottom),
            )])
            .map_err(fail)?;
    }
    Ok(())
}

/// One series on its trend panel: lines between consecutive readable months, a dot with
/// its error bar at each, and a word at the foot of each month too uncertain to read
/// (hatched, on `root`) or hidden. Months `column` pixels wide.
fn draw_readings(
    root: &Canvas<'_>,
    chart: &mut MonthlyChart<'_, '_>,
    color: RGBColor,
    points: &[Point],
    column: f64,
) -> Result<(), ChartError> {
    let at = |i: usize| SegmentValue::CenterOf(i as i32);
    // Lines join consecutive released values only: a gap stays a gap.
    for (i, pair) in points.windows(2).enumerate() {
        if let (Some(a), Some(b)) = (pair[0].value(), pair[1].value()) {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(at(i), a), (at(i + 1), b)],
                    color.stroke_width(2),
                )))
                .map_err(fail)?;
        }
    }
    for (i, p) in points.iter().enumerate() {
        match p.reading {
            Reading::Value { value, .. } | Reading::NearBound { value, .. } => {
                let range = p.range().unwrap_or(0.0);
                let (lo, hi) = ((value - range).max(0.0), (value + range).min(100.0));
                chart
                    .draw_series([PathElement::new(
                        vec![(at(i), lo), (at(i), hi)],
                        color.stroke_width(1),
                    )])
                    .map_err(fail)?;
                chart
                    .draw_series([Circle::new((at(i), value), 4, color.filled())])
                    .map_err(fail)?;
            }
            Reading::TooUncertain | Reading::Hidden => {
                let (word, ink) = if p.is_uncertain() {
                    let x = i as i32;
                    // Backend (whole-image) pixels: drawn on the root, not the panel.
                    hatch(
                        root,
                        chart.backend_coord(&(SegmentValue::Exact(x), 100.0)),
                        chart.backend_coord(&(SegmentValue::Exact(x + 1), 0.0)),
                        8,
                    )?;
                    (uncertain_word(), INK)
                } else {
                    (hidden_word(), MUTED)
                };
                chart
                    .draw_series([column_note(&word, (at(i), 4.0), ink, column)])
                    .map_err(fail)?;
            }
            Reading::NoData => {}
        }
    }
    Ok(())
}

/// The sign on a chart's percentage axis in the page's language: "%", or a no-break
/// space and "%" in Spanish.
fn percent_sign() -> String {
    domain::locale::percent_sign(crate::words::lang())
}

/// The word a chart writes on a figure too uncertain to read ("uncertain"), in the page's
/// language: the chart's own legend and table say the rest.
fn uncertain_word() -> String {
    crate::words::tr().get("chart-uncertain")
}

/// The word a chart writes on a hidden figure ("hidden"), in the page's language.
fn hidden_word() -> String {
    crate::words::tr().get("reading-brief-hidden")
}

/// A note at the foot of a chart's column (a month or a quarter) `room` pixels wide: across
/// it where it fits, else upright, reading up from the foot.
fn column_note<C>(text: &str, at: C, colour: RGBColor, room: f64) -> Text<'static, C, String> {
    let (font, pos) = match fits(text.chars().count() as f64, room - 4.0) {
        true => (
            (FONT, TEXT).into_font(),
            Pos::new(HPos::Center, VPos::Bottom),
        ),
        false => (
            (FONT, TEXT).into_font().transform(FontTransform::Rotate270),
            Pos::new(HPos::Left, VPos::Center),
        ),
    };
    Text::new(text.to_owned(), at, font.color(&colour).pos(pos))
}

/// Rows × months. A readable cell is coloured by its 0–100 value and printed as its table
/// cell is ([`Reading::compact`]): the value with, beneath, the small ± of its noise range
/// — the range the "too uncertain" limit judges — or, at 0 or 100 %, its range ("91–100").
/// A cell too uncertain to read is hatched on white and says "uncertain", so it is never
/// coloured like a solid value; hidden cells are grey with "hidden", cells without data
/// white with "–".
///
/// Drawn on a plain pixel grid rather than plotters' segmented axes, whose single-segment
/// range is degenerate: a program with one circle gets one full-height row.
pub fn heatmap(
    label: &str,
    rows: &[String],
    months: &[String],
    cells: &[Vec<Point>],
) -> ChartResult {
    // Wide enough for "uncertain" and tall enough for a figure over its ± in text of
    // 12 px or more: the heatmap is shown at its own size, scrolling sideways on a phone.
    const CELL: (i32, i32) = (68, 46);
    let mut svg = String::new();
    let (nr, nc) = (rows.len().max(1) as i32, months.len().max(1) as i32);
    let longest = rows.iter().map(|r| r.chars().count()).max().unwrap_or(4) as i32;
    let left = (longest * 8 + 16).clamp(60, 220);
    // The grid's top-left corner and bottom edge.
    let (x0, y0) = (8 + left, 8);
    let bottom = y0 + CELL.1 * nr;
    {
        let root = SVGBackend::with_string(
            &mut svg,
            ((x0 + CELL.0 * nc + 12) as u32, (bottom + 42) as u32),
        )
        .into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let text = |t: String, at: (i32, i32), size: i32, ink: RGBColor, pos: Pos| {
            Text::new(t, at, (FONT, size).into_font().color(&ink).pos(pos))
        };
        let centre = Pos::new(HPos::Center, VPos::Center);
        for (r, name) in rows.iter().enumerate() {
            let y = y0 + CELL.1 * r as i32 + CELL.1 / 2;
            root.draw(&PathElement::new(vec![(x0 - 3, y), (x0, y)], MUTED))
                .map_err(fail)?;
            root.draw(&text(
                name.clone(),
                (x0 - 6, y),
                TEXT,
                INK,
                Pos::new(HPos::Right, VPos::Center),
            ))
            .map_err(fail)?;
        }
        for c in 0..nc {
            let x = x0 + CELL.0 * c + CELL.0 / 2;
            root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + 3)], MUTED))
                .map_err(fail)?;
            let name = month_label(months, &SegmentValue::CenterOf(c));
            root.draw(&text(
                name,
                (x, bottom + 6),
                TEXT,
                INK,
                Pos::new(HPos::Center, VPos::Top),
            ))
            .map_err(fail)?;
        }
        root.draw(&PathElement::new(
            vec![(x0, y0), (x0, bottom), (x0 + CELL.0 * nc, bottom)],
            MUTED,
        ))
        .map_err(fail)?;
        for (r, row) in cells.iter().enumerate() {
            for (c, point) in row.iter().enumerate() {
                let (left, top) = (x0 + CELL.0 * c as i32 + 1, y0 + CELL.1 * r as i32 + 1);
                let (right, low) = (left + CELL.0 - 2, top + CELL.1 - 2);
                let (fill, ink) = match point.reading {
                    Reading::Value { value, .. } | Reading::NearBound { value, .. } => {
                        let (fill, dark) = heat_colour(value);
                        (fill, if dark { WHITE } else { INK })
                    }
                    Reading::Hidden => (HIDDEN_FILL, INK),
                    Reading::TooUncertain => (WHITE, INK),
                    Reading::NoData => (WHITE, MUTED),
                };
                root.draw(&Rectangle::new([(left, top), (right, low)], fill.filled()))
                    .map_err(fail)?;
                let mid = ((left + right) / 2, (top + low) / 2);
                let words = |t: &str, size| text(t.to_owned(), mid, size, ink, centre);
                match (point.reading, point.reading.compact()) {
                    (_, Some((value, margin))) if !margin.is_empty() => {
                        root.draw(&text(value, (mid.0, mid.1 - 8), TEXT, ink, centre))
                            .map_err(fail)?;
                        root.draw(&text(margin, (mid.0, mid.1 + 10), SMALL, ink, centre))
                            .map_err(fail)?;
                    }
                    // A range at a bound, "91–100", on one line.
                    (_, Some((range, _))) => root.draw(&words(&range, TEXT)).map_err(fail)?,
                    (Reading::TooUncertain, None) => {
                        hatch(&root, (left, top), (right, low), 6)?;
                        root.draw(&words(&uncertain_word(), SMALL)).map_err(fail)?;
                    }
                    (Reading::Hidden, None) => {
                        root.draw(&words(&hidden_word(), SMALL)).map_err(fail)?
                    }
                    (_, None) => root.draw(&words("–", TEXT)).map_err(fail)?,
                }
            }
        }
        root.present().map_err(fail)?;
    }
    Ok(finish(svg, label, Layout::Natural))
}

/// The heatmap's five bands (0–20 %, … 80–100 %), pale to deep, each with the text colour
/// that reads on it at 4.5:1 or better; the page's legend uses the same bands
/// (`.heat-0` … `.heat-4` in staff.css). A continuous scale would put its middle tones
/// where neither dark nor white text reads.
pub const HEAT_BANDS: [(RGBColor, bool); 5] = [
    (RGBColor(241, 245, 251), false),
    (RGBColor(211, 224, 242), false),
    (RGBColor(169, 193, 228), false),
    (RGBColor(63, 111, 176), true),
    (RGBColor(21, 62, 117), true),
];

/// The band of a 0–100 value, and whether its text is white.
fn heat_colour(v: f64) -> (RGBColor, bool) {
    HEAT_BANDS[((v / 20.0).floor().max(0.0) as usize).min(4)]
}

/// One bar of a bar chart.
pub struct Bar {
    pub label: String,
    pub point: Point,
}

/// Horizontal bars of a 0–100 value with 90 % error bars (with sampling, see
/// [`Point::range`]); bars too uncertain to read, hidden or without data say so in words
/// and draw no bar.
pub fn bars(label: &str, bars: &[Bar], color: RGBColor) -> ChartResult {
    both(label, |layout| draw_bars(layout, bars, color))
}

/// [`bars`] in one layout: the wide one with the labels at the left of the bars, the
/// narrow one with each label over its bar, so bar and words both get the whole width.
fn draw_bars(layout: Layout, bars: &[Bar], color: RGBColor) -> Result<String, ChartError> {
    let mut svg = String::new();
    let n = bars.len().max(1) as i32;
    let over = layout == Layout::Narrow;
    let longest = bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(4) as u32;
    // Narrow: room for half of the "0%" under the axis.
    let left = match over {
        true => 14,
        false => (longest * 9 + 16).clamp(60, 280),
    };
    let rows = BarRows::of(over);
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width(560), rows.height * n as u32 + 50))
                .into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .margin_right(if over { 40 } else { 28 })
            .x_label_area_size(28)
            .y_label_area_size(left)
            .build_cartesian_2d(0f64..100f64, (0..last(n)).into_segmented())
            .map_err(fail)?;
        let pct = percent_sign();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .x_labels(if over { 3 } else { 6 })
            .x_label_formatter(&|v| format!("{v:.0}{pct}"))
            .y_labels(bars.len())
            .y_label_formatter(&|v| match v {
                // Over its bar in the narrow layout, drawn below.
                _ if over => String::new(),
                SegmentValue::CenterOf(i) => bars
                    .get((n - 1 - *i) as usize)
                    .map(|b| b.label.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .label_style((FONT, TEXT).into_font().color(&INK))
            .axis_style(MUTED)
            .draw()
            .map_err(fail)?;
        for (k, bar) in bars.iter().enumerate() {
            draw_bar(&root, &chart, bar, n - 1 - k as i32, color, rows)?;
        }
        root.present().map_err(fail)?;
    }
    Ok(svg)
}

/// How a bar chart's rows are laid out: the narrow layout's labels over their bars.
#[derive(Clone, Copy)]
struct BarRows {
    over: bool,
    /// A row's height in pixels.
    height: u32,
    /// How far a bar starts below its row's top (under its label).
    label_room: i32,
}

impl BarRows {
    fn of(over: bool) -> BarRows {
        let (height, label_room) = if over { (52, 21) } else { (38, 7) };
        BarRows {
            over,
            height,
            label_room,
        }
    }
}

/// One bar of [`draw_bars`], in row `y` counted from the bottom: its label over it in the
/// narrow layout, then the bar with its error bar and its words — or, for a figure that
/// cannot be drawn, the words alone.
fn draw_bar(
    root: &Canvas<'_>,
    chart: &BarChart<'_, '_>,
    bar: &Bar,
    y: i32,
    color: RGBColor,
    rows: BarRows,
) -> Result<(), ChartError> {
    // The row's top and bottom in pixels, and the middle of its bar.
    let (x0, top) = chart.backend_coord(&(0.0, SegmentValue::Exact(y + 1)));
    let (_, bottom) = chart.backend_coord(&(0.0, SegmentValue::Exact(y)));
    let middle = (top + rows.label_room + bottom - 7) / 2;
    let at = |v: f64| (chart.backend_coord(&(v, SegmentValue::Exact(y))).0, middle);
    if rows.over {
        root.draw(&note(
            bar.label.clone(),
            (x0, top + 4),
            TEXT,
            INK,
            Pos::new(HPos::Left, VPos::Top),
        ))
        .map_err(fail)?;
    }
    match bar.point.reading {
        Reading::Value { value, .. } | Reading::NearBound { value, .. } => {
            let end = at(value.clamp(0.0, 100.0)).0;
            root.draw(&Rectangle::new(
                [(x0, top + rows.label_room), (end, bottom - 7)],
                color.filled(),
            ))
            .map_err(fail)?;
            let range = bar.point.range().unwrap_or(0.0);
            let (lo, hi) = ((value - range).max(0.0), (value + range).min(100.0));
            root.draw(&PathElement::new(vec![at(lo), at(hi)], INK.stroke_width(1)))
                .map_err(fail)?;
            // The same words as the table beside it: "72%", or "91–100%" at a bound.
            let words = bar.point.reading.words_in(crate::words::lang()).text;
            let room = if words.contains('–') { 76.0 } else { 88.0 };
            root.draw(&note(
                words,
                at(hi.min(room) + 1.5),
                TEXT,
                INK,
                Pos::new(HPos::Left, VPos::Center),
            ))
            .map_err(fail)?;
        }
        Reading::TooUncertain | Reading::Hidden | Reading::NoData => {
            root.draw(&note(
                bar.point.reading.words_in(crate::words::lang()).text,
                at(1.0),
                TEXT,
                MUTED,
                Pos::new(HPos::Left, VPos::Center),
            ))
            .map_err(fail)?;
        }
    }
    Ok(())
}

/// Stacked monthly counts: returning (pale) under first-time (deep). Hidden months say so.
pub fn stacked_counts(
    label: &str,
    months: &[String],
    first: &[Point],
    returning: &[Point],
) -> ChartResult {
    both(label, |layout| {
        draw_stacked(layout, months, first, returning)
    })
}

/// [`stacked_counts`] in one layout.
fn draw_stacked(
    layout: Layout,
    months: &[String],
    first: &[Point],
    returning: &[Point],
) -> Result<String, ChartError> {
    let mut svg = String::new();
    let n = months.len().max(1) as i32;
    let width = layout.width(640);
    let plot = f64::from(width) - 68.0;
    let column = plot / f64::from(n);
    let upright = upright_months(months, plot);
    let top = first
        .iter()
        .zip(returning)
        .map(|(a, b)| a.value().unwrap_or(0.0).max(0.0) + b.value().unwrap_or(0.0).max(0.0))
        .fold(10.0, f64::max)
        * 1.1;
    {
        let root = SVGBackend::with_string(&mut svg, (width, if upright { 280 } else { 250 }))
            .into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(if upright { 58 } else { 28 })
            .y_label_area_size(48)
            .build_cartesian_2d((0..last(n)).into_segmented(), 0f64..top)
            .map_err(fail)?;
        monthly_mesh(&mut chart, months, "", upright)?;
        let pale = RGBColor(140, 178, 222);
        for i in 0..months.len() {
            let x = i as i32;
            let (f, r) = (first.get(i), returning.get(i));
            let (fv, rv) = (f.and_then(|p| p.value()), r.and_then(|p| p.value()));
            let is = |p: Option<&Point>, reading: Reading| p.is_some_and(|p| p.reading == reading);
            match (fv, rv) {
                (Some(f), Some(r)) => {
                    let (f, r) = (f.max(0.0), r.max(0.0));
                    for (from, to, colour) in [(0.0, r, pale), (r, r + f, BLUE)] {
                        let mut rect = Rectangle::new(
                            [
                                (SegmentValue::Exact(x), from),
                                (SegmentValue::Exact(x + 1), to),
                            ],
                            colour.filled(),
                        );
                        rect.set_margin(0, 0, 8, 8);
                        chart.draw_series([rect]).map_err(fail)?;
                    }
                }
                _ if is(f, Reading::Hidden) || is(r, Reading::Hidden) => {
                    chart
                        .draw_series([column_note(
                            &hidden_word(),
                            (SegmentValue::CenterOf(x), top * 0.04),
                            MUTED,
                            column,
                        )])
                        .map_err(fail)?;
                }
                // Released counts are always readable; should one ever not be, it says so
                // rather than drawing a stack.
                _ if is(f, Reading::TooUncertain) || is(r, Reading::TooUncertain) => {
                    chart
                        .draw_series([column_note(
                            &uncertain_word(),
                            (SegmentValue::CenterOf(x), top * 0.04),
                            INK,
                            column,
                        )])
                        .map_err(fail)?;
                }
                _ => {}
            }
        }
        root.present().map_err(fail)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_scalable_labelled_svg_without_script() {
        let months = vec![
            "2026-01".to_owned(),
            "2026-02".to_owned(),
            "2026-03".to_owned(),
        ];
        let points = vec![
            Point::percent(72.0, 6.0, Some(11.0)),
            Point::HIDDEN,
            Point::NO_DATA,
        ];
        let svg = trend(
            "Belonging by month",
            &months,
            &[("Belonging", BLUE, points)],
        )
        .unwrap()
        .replace('\n', "");
        assert!(svg.contains("role=\"img\"") && svg.contains("aria-label=\"Belonging by month\""));
        assert!(svg.contains("viewBox"), "scales with the page");
        let root = &svg[..svg.find('>').unwrap()];
        assert!(
            !root.contains(" width=\"") && !root.contains(" height=\""),
            "no fixed size: {root}"
        );
        assert!(svg.contains(">hidden<"), "a hidden month is marked");
        assert!(svg.contains("Jan 26"));
        assert!(!svg.contains("<script"));
        let heat = heatmap(
            "Heat",
            &["Circle A".into()],
            &months,
            &[vec![
                Point::percent(80.0, 6.0, Some(12.0)),
                Point::HIDDEN,
                Point::NO_DATA,
            ]],
        )
        .unwrap()
        .replace('\n', "");
        assert!(heat.contains(">80<") && heat.contains(">hidden<") && heat.contains(">–<"));
        assert!(
            heat.contains(">±6<") && !heat.contains(">±12<"),
            "a cell shows the noise range its table cell shows, which the limit judges"
        );
    }

    #[test]
    fn a_program_with_one_circle_gets_one_full_height_row() {
        let months = vec!["2026-01".to_owned()];
        let solid = Point::percent(70.0, 5.0, Some(12.0));
        let svg = heatmap("H", &["Hill Circle".into()], &months, &[vec![solid]])
            .unwrap()
            .replace('\n', "");
        let fill = &band_fills()[3];
        let cell = svg
            .split("<rect")
            .find(|r| r.contains(fill.as_str()))
            .expect("the cell");
        let height: i32 = cell
            .split("height=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(height >= 40, "{cell}");
        assert!(svg.contains(">70<") && svg.contains(">±5<") && svg.contains(">Hill Circle<"));
    }

    /// The colours (as plotters writes them) a heatmap cell could be filled with.
    fn band_fills() -> Vec<String> {
        HEAT_BANDS
            .iter()
            .map(|(c, _)| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2))
            .collect()
    }

    #[test]
    fn a_figure_too_uncertain_to_read_is_drawn_without_a_number_or_a_colour() {
        let months = vec!["2026-01".to_owned(), "2026-02".to_owned()];
        let solid = Point::percent(100.0, 9.0, Some(11.0));
        let uncertain = Point {
            reading: Reading::TooUncertain,
            responses: Some(12.0),
        };
        let heat = heatmap(
            "Heat",
            &["Circle A".into()],
            &months,
            &[vec![uncertain, uncertain]],
        )
        .unwrap()
        .replace('\n', "")
        .to_uppercase();
        assert!(heat.contains(">UNCERTAIN<"));
        assert!(
            !heat.contains(">100<") && !heat.contains("91–100"),
            "no number for an uncertain cell"
        );
        for fill in band_fills() {
            assert!(
                !heat.contains(&fill),
                "an uncertain cell is coloured {fill}"
            );
        }
        // The same figure read solidly is coloured and printed: at 100 %, as its range.
        let heat = heatmap(
            "Heat",
            &["Circle A".into()],
            &months,
            &[vec![solid, uncertain]],
        )
        .unwrap()
        .replace('\n', "")
        .to_uppercase();
        assert!(heat.contains(">91–100<") && heat.contains(&band_fills()[4]));
        assert!(
            !heat.contains(">100<") && !heat.contains(">±9<"),
            "no “100 ± 9”"
        );

        // In a trend the uncertain month has no dot and no line through it, and is hatched
        // in whichever panel it is, in both layouts.
        let series = vec![solid, uncertain];
        let both_layouts = trend(
            "T",
            &months,
            &[
                ("Belonging", BLUE, series.clone()),
                ("Safety", RUST, series),
            ],
        )
        .unwrap()
        .replace('\n', "");
        let layouts: Vec<&str> = both_layouts
            .split_inclusive("</svg>")
            .filter(|s| s.contains("<svg"))
            .collect();
        assert_eq!(layouts.len(), 2, "wide and narrow");
        for svg in layouts {
            a_trend_hatches_its_uncertain_month(svg);
        }
        let bars_svg = bars(
            "B",
            &[Bar {
                label: "Being listened to".into(),
                point: uncertain,
            }],
            BLUE,
        )
        .unwrap()
        .replace('\n', "");
        assert!(bars_svg.contains(">too uncertain to read<"));
        assert!(
            !bars_svg.to_uppercase().contains("#1F5FA8"),
            "no bar is drawn"
        );
    }

    /// One layout of the trend of a solid and an uncertain month, in two panels.
    fn a_trend_hatches_its_uncertain_month(svg: &str) {
        let height: f64 = svg
            .split("viewBox=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.split_whitespace().nth(3))
            .unwrap()
            .parse()
            .unwrap();
        let panel = height / 2.0;
        assert_eq!(
            svg.matches("<circle").count(),
            2,
            "one dot per panel, for the solid month"
        );
        assert_eq!(svg.matches(">uncertain<").count(), 2);
        let hatch = format!("stroke=\"#{:02X}{:02X}{:02X}\"", HATCH.0, HATCH.1, HATCH.2);
        let hatch_ys: Vec<f64> = svg
            .split("<polyline")
            .filter(|p| p.contains(&hatch))
            .flat_map(|p| {
                let points = p
                    .split("points=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                points
                    .split_whitespace()
                    .map(|xy| xy.split(',').nth(1).unwrap().parse::<f64>().unwrap())
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(
            hatch_ys.iter().any(|y| *y < panel),
            "hatched in the first panel"
        );
        assert!(
            hatch_ys.iter().any(|y| (panel..height).contains(y)),
            "hatched in the second panel"
        );
        assert!(hatch_ys.iter().all(|y| *y <= height), "inside the image");
    }

    /// WCAG contrast of two colours.
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let lum = |c: RGBColor| {
            let ch = |x: u8| {
                let x = f64::from(x) / 255.0;
                if x <= 0.03928 {
                    x / 12.92
                } else {
                    ((x + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn every_heat_band_keeps_its_text_readable() {
        for (fill, white) in HEAT_BANDS {
            let ink = if white { WHITE } else { INK };
            assert!(
                contrast(fill, ink) >= 4.5,
                "{fill:?}: {:.2}",
                contrast(fill, ink)
            );
        }
        // Text on the stripes of an uncertain cell reads as well as on the white between.
        assert!(contrast(HATCH, INK) >= 4.5, "{:.2}", contrast(HATCH, INK));
        assert!(contrast(HIDDEN_FILL, INK) >= 4.5);
        assert_eq!(heat_colour(0.0), HEAT_BANDS[0]);
        assert_eq!(heat_colour(59.9), HEAT_BANDS[2]);
        assert_eq!(heat_colour(100.0), HEAT_BANDS[4]);
    }

    /// A wide or narrow drawing is shown only where it is drawn at 15/16 of its size or
    /// more, a heatmap 1:1 (see [`Layout`] and staff.css): at these sizes every label of
    /// every chart is 12 px or more on screen.
    #[test]
    fn every_label_is_large_enough_to_read_where_its_drawing_is_shown() {
        let months: Vec<String> = (1..=12).map(|m| format!("2026-{m:02}")).collect();
        let kind = |k: usize| match k % 4 {
            0 => Point::percent(64.0, 4.0, Some(9.0)),
            1 => Point {
                reading: Reading::TooUncertain,
                responses: Some(7.0),
            },
            2 => Point::HIDDEN,
            _ => Point::NO_DATA,
        };
        let series: Vec<Point> = (0..months.len()).map(kind).collect();
        let bar_list: Vec<Bar> = (0..5)
            .map(|k| Bar {
                label: "Hearing others' stories".into(),
                point: kind(k),
            })
            .collect();
        let charts = [
            trend_marked(
                "T",
                &months,
                &[
                    ("Belonging — % positive", BLUE, series.clone()),
                    ("Emotional safety — % positive", RUST, series.clone()),
                ],
                &[(3, "A1".to_owned())],
            ),
            stacked_counts("S", &months, &series, &series),
            bars("B", &bar_list, BLUE),
            heatmap(
                "H",
                &["Monday Evening Circle".into()],
                &months,
                std::slice::from_ref(&series),
            ),
        ];
        for chart in charts {
            let chart = chart.unwrap();
            for svg in chart
                .split_inclusive("</svg>")
                .filter(|s| s.contains("<svg"))
            {
                let least = match svg.contains("chart-natural") {
                    true => 12.0,
                    false => 12.0 * 16.0 / 15.0,
                };
                let sizes = svg
                    .split("font-size=\"")
                    .skip(1)
                    .map(|rest| rest.split('"').next().unwrap().parse::<f64>().unwrap());
                let mut any = false;
                for size in sizes {
                    assert!(size >= least, "{size} < {least} in {svg}");
                    any = true;
                }
                assert!(any, "no text in {svg}");
            }
        }
    }

    #[test]
    fn months_read_as_short_names() {
        assert_eq!(short_month("2026-03"), "Mar 26");
        assert_eq!(short_month("2026-Q1"), "2026-Q1");
    }
}
