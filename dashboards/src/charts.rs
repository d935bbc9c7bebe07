//! Charts as SVG, drawn with plotters. Each chart is an image with a text alternative;
//! the page puts the same figures in a table beside it, so nothing is only in a picture.
//!
//! A released figure is one of three things, and every chart keeps them apart: a value
//! with its 90 % margin of error, a hidden cell (fewer than k responses), or no data (no
//! session was held, or the period is not released yet).

use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One released figure as a chart shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Point {
    Value { value: f64, margin: f64 },
    Hidden,
    NoData,
}

impl Point {
    pub fn value(&self) -> Option<f64> {
        match self {
            Point::Value { value, .. } => Some(*value),
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

const FONT: &str = "sans-serif";

/// Chart failures are drawing bugs, not user errors.
pub type ChartResult = Result<String, String>;

fn fail(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Makes plotters' fixed-size SVG scale with the page, and gives it a text alternative.
fn finish(svg: String, label: &str) -> String {
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    match svg.find("<svg") {
        Some(at) => {
            let (head, rest) = svg.split_at(at + 4);
            let rest = rest.replacen(" width=\"", " data-width=\"", 1).replacen(
                " height=\"",
                " data-height=\"",
                1,
            );
            format!("{head} class=\"chart\" role=\"img\" aria-label=\"{label}\"{rest}")
        }
        None => svg,
    }
}

/// The last index of `n` segments: plotters' segmented integer ranges include their end.
fn last(n: i32) -> i32 {
    (n - 1).max(1)
}

/// A month on an axis: `Mar`, with the year on the first month and on each January
/// (`Jan 26`), so twelve labels fit side by side.
fn month_label(months: &[String], v: &SegmentValue<i32>) -> String {
    let SegmentValue::CenterOf(i) = v else {
        return String::new();
    };
    let Some(month) = months.get(*i as usize) else {
        return String::new();
    };
    let label = short_month(month);
    if *i == 0 || month.ends_with("-01") {
        label
    } else {
        label.split(' ').next().unwrap_or_default().to_owned()
    }
}

/// `2026-03` → `Mar 26`.
pub fn short_month(period: &str) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match period.split_once('-') {
        Some((y, m)) if m.len() == 2 => match m.parse::<usize>() {
            Ok(k @ 1..=12) => format!("{} {}", NAMES[k - 1], &y[y.len().saturating_sub(2)..]),
            _ => period.to_owned(),
        },
        _ => period.to_owned(),
    }
}

/// Months along the bottom, a value up the side (with `unit` after it), light gridlines.
fn monthly_mesh(
    chart: &mut ChartContext<
        '_,
        SVGBackend<'_>,
        Cartesian2d<SegmentedCoord<RangedCoordi32>, RangedCoordf64>,
    >,
    months: &[String],
    unit: &str,
) -> Result<(), String> {
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .y_labels(5)
        .y_label_formatter(&|v| format!("{v:.0}{unit}"))
        .x_labels(months.len())
        .x_label_formatter(&|v| month_label(months, v))
        .label_style((FONT, 16).into_font().color(&INK))
        .axis_style(MUTED)
        .draw()
        .map_err(fail)
}

/// One panel per series: "% positive" by month with 90 % error bars. Hidden months get a
/// grey "hidden" mark on the axis; months without data are left empty.
pub fn trend(
    label: &str,
    months: &[String],
    series: &[(&str, RGBColor, Vec<Point>)],
) -> ChartResult {
    let mut svg = String::new();
    let n = months.len().max(1) as i32;
    {
        let root = SVGBackend::with_string(&mut svg, (640, 230 * series.len().max(1) as u32))
            .into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let panels = root.split_evenly((series.len().max(1), 1));
        for ((name, color, points), area) in series.iter().zip(panels.iter()) {
            let mut chart = ChartBuilder::on(area)
                .margin(10)
                .caption(*name, (FONT, 19).into_font().color(&INK))
                .x_label_area_size(28)
                .y_label_area_size(48)
                .build_cartesian_2d((0..last(n)).into_segmented(), 0f64..100f64)
                .map_err(fail)?;
            monthly_mesh(&mut chart, months, "%")?;
            let at = |i: usize| SegmentValue::CenterOf(i as i32);
            // Lines join consecutive released values only: a gap stays a gap.
            for pair in points.windows(2).enumerate() {
                if let (i, [Point::Value { value: a, .. }, Point::Value { value: b, .. }]) = pair {
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            vec![(at(i), *a), (at(i + 1), *b)],
                            color.stroke_width(2),
                        )))
                        .map_err(fail)?;
                }
            }
            for (i, p) in points.iter().enumerate() {
                match *p {
                    Point::Value { value, margin } => {
                        let (lo, hi) = ((value - margin).max(0.0), (value + margin).min(100.0));
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
                    Point::Hidden => {
                        chart
                            .draw_series([note(
                                "hidden",
                                (at(i), 4.0),
                                12,
                                MUTED,
                                Pos::new(HPos::Center, VPos::Bottom),
                            )])
                            .map_err(fail)?;
                    }
                    Point::NoData => {}
                }
            }
        }
        root.present().map_err(fail)?;
    }
    Ok(finish(svg, label))
}

/// A cell of a heatmap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Heat {
    Value(f64),
    Hidden,
    NoData,
}

/// Rows × months, each cell coloured by a 0–100 value and printed with it; hidden cells
/// are grey with "hidden", cells without data are white with "–".
pub fn heatmap(
    label: &str,
    rows: &[String],
    months: &[String],
    cells: &[Vec<Heat>],
) -> ChartResult {
    let mut svg = String::new();
    let (nr, nc) = (rows.len().max(1) as i32, months.len().max(1) as i32);
    let longest = rows.iter().map(|r| r.chars().count()).max().unwrap_or(4) as u32;
    let left = (longest * 8 + 16).clamp(60, 220);
    {
        let root =
            SVGBackend::with_string(&mut svg, (left + 56 * nc as u32 + 20, 34 * nr as u32 + 50))
                .into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(30)
            .y_label_area_size(left)
            .build_cartesian_2d(
                (0..last(nc)).into_segmented(),
                (0..last(nr)).into_segmented(),
            )
            .map_err(fail)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(months.len())
            .x_label_formatter(&|v| month_label(months, v))
            .y_labels(rows.len())
            .y_label_formatter(&|v| match v {
                // Row 0 at the top.
                SegmentValue::CenterOf(i) => rows
                    .get((nr - 1 - *i) as usize)
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .label_style((FONT, 16).into_font().color(&INK))
            .axis_style(MUTED)
            .draw()
            .map_err(fail)?;
        for (r, row) in cells.iter().enumerate() {
            let y = nr - 1 - r as i32;
            for (c, heat) in row.iter().enumerate() {
                let c = c as i32;
                let (fill, text, ink) = match *heat {
                    Heat::Value(v) => {
                        let (fill, dark) = heat_colour(v);
                        (fill, format!("{v:.0}"), if dark { WHITE } else { INK })
                    }
                    Heat::Hidden => (HIDDEN_FILL, "hidden".to_owned(), INK),
                    Heat::NoData => (WHITE, "–".to_owned(), MUTED),
                };
                let mut cell = Rectangle::new(
                    [
                        (SegmentValue::Exact(c), SegmentValue::Exact(y)),
                        (SegmentValue::Exact(c + 1), SegmentValue::Exact(y + 1)),
                    ],
                    fill.filled(),
                );
                cell.set_margin(1, 1, 1, 1);
                chart.draw_series([cell]).map_err(fail)?;
                chart
                    .draw_series([note(
                        text,
                        (SegmentValue::CenterOf(c), SegmentValue::CenterOf(y)),
                        if matches!(heat, Heat::Hidden) { 10 } else { 13 },
                        ink,
                        Pos::new(HPos::Center, VPos::Center),
                    )])
                    .map_err(fail)?;
            }
        }
        root.present().map_err(fail)?;
    }
    Ok(finish(svg, label))
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

/// Horizontal bars of a 0–100 value with 90 % error bars; hidden bars say so.
pub fn bars(label: &str, bars: &[Bar], color: RGBColor) -> ChartResult {
    let mut svg = String::new();
    let n = bars.len().max(1) as i32;
    let longest = bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(4) as u32;
    let left = (longest * 9 + 16).clamp(60, 280);
    {
        let root = SVGBackend::with_string(&mut svg, (560, 38 * n as u32 + 50)).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .margin_right(28)
            .x_label_area_size(28)
            .y_label_area_size(left)
            .build_cartesian_2d(0f64..100f64, (0..last(n)).into_segmented())
            .map_err(fail)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .x_labels(6)
            .x_label_formatter(&|v| format!("{v:.0}%"))
            .y_labels(bars.len())
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => bars
                    .get((n - 1 - *i) as usize)
                    .map(|b| b.label.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .label_style((FONT, 16).into_font().color(&INK))
            .axis_style(MUTED)
            .draw()
            .map_err(fail)?;
        for (k, bar) in bars.iter().enumerate() {
            let y = n - 1 - k as i32;
            match bar.point {
                Point::Value { value, margin } => {
                    let mut rect = Rectangle::new(
                        [
                            (0.0, SegmentValue::Exact(y)),
                            (value.clamp(0.0, 100.0), SegmentValue::Exact(y + 1)),
                        ],
                        color.filled(),
                    );
                    rect.set_margin(7, 7, 0, 0);
                    chart.draw_series([rect]).map_err(fail)?;
                    let (lo, hi) = ((value - margin).max(0.0), (value + margin).min(100.0));
                    chart
                        .draw_series([PathElement::new(
                            vec![
                                (lo, SegmentValue::CenterOf(y)),
                                (hi, SegmentValue::CenterOf(y)),
                            ],
                            INK.stroke_width(1),
                        )])
                        .map_err(fail)?;
                    chart
                        .draw_series([note(
                            format!("{value:.0}%"),
                            (hi.min(88.0) + 1.5, SegmentValue::CenterOf(y)),
                            12,
                            INK,
                            Pos::new(HPos::Left, VPos::Center),
                        )])
                        .map_err(fail)?;
                }
                Point::Hidden | Point::NoData => {
                    let text = if bar.point == Point::Hidden {
                        "hidden to protect anonymity"
                    } else {
                        "no data"
                    };
                    chart
                        .draw_series([note(
                            text,
                            (1.0, SegmentValue::CenterOf(y)),
                            12,
                            MUTED,
                            Pos::new(HPos::Left, VPos::Center),
                        )])
                        .map_err(fail)?;
                }
            }
        }
        root.present().map_err(fail)?;
    }
    Ok(finish(svg, label))
}

/// Stacked monthly counts: returning (pale) under first-time (deep). Hidden months say so.
pub fn stacked_counts(
    label: &str,
    months: &[String],
    first: &[Point],
    returning: &[Point],
) -> ChartResult {
    let mut svg = String::new();
    let n = months.len().max(1) as i32;
    let top = first
        .iter()
        .zip(returning)
        .map(|(a, b)| a.value().unwrap_or(0.0).max(0.0) + b.value().unwrap_or(0.0).max(0.0))
        .fold(10.0, f64::max)
        * 1.1;
    {
        let root = SVGBackend::with_string(&mut svg, (640, 250)).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d((0..last(n)).into_segmented(), 0f64..top)
            .map_err(fail)?;
        monthly_mesh(&mut chart, months, "")?;
        let pale = RGBColor(140, 178, 222);
        for i in 0..months.len() {
            let x = i as i32;
            match (first.get(i), returning.get(i)) {
                (Some(Point::Value { value: f, .. }), Some(Point::Value { value: r, .. })) => {
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
                (Some(Point::Hidden), _) | (_, Some(Point::Hidden)) => {
                    chart
                        .draw_series([note(
                            "hidden",
                            (SegmentValue::CenterOf(x), top * 0.04),
                            11,
                            MUTED,
                            Pos::new(HPos::Center, VPos::Bottom),
                        )])
                        .map_err(fail)?;
                }
                _ => {}
            }
        }
        root.present().map_err(fail)?;
    }
    Ok(finish(svg, label))
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
            Point::Value {
                value: 72.0,
                margin: 6.0,
            },
            Point::Hidden,
            Point::NoData,
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
            &[vec![Heat::Value(80.0), Heat::Hidden, Heat::NoData]],
        )
        .unwrap()
        .replace('\n', "");
        assert!(heat.contains(">80<") && heat.contains(">hidden<") && heat.contains(">–<"));
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
        assert_eq!(heat_colour(0.0), HEAT_BANDS[0]);
        assert_eq!(heat_colour(59.9), HEAT_BANDS[2]);
        assert_eq!(heat_colour(100.0), HEAT_BANDS[4]);
    }

    #[test]
    fn months_read_as_short_names() {
        assert_eq!(short_month("2026-03"), "Mar 26");
        assert_eq!(short_month("2026-Q1"), "2026-Q1");
    }
}
