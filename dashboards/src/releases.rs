//! Stored releases as pages read them. A release never changes once stored, so a loaded
//! one is kept in memory by its id: a page costs the same whether the store holds a
//! thousand responses or ten million, because it never looks at responses at all.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use analytics::suppression::{Audience, Status};
use analytics::view::{self, Release, ReleaseInfo, StoredCell};
use collector::Store;

use crate::charts::Point;

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

    /// The release of `info`, from memory or loaded once.
    pub async fn get(
        &self,
        store: &Store,
        info: &ReleaseInfo,
    ) -> Result<Arc<Release>, sqlx::Error> {
        if let Some(hit) = self.0.lock().unwrap().get(&info.id) {
            return Ok(hit.clone());
        }
        let loaded = view::load(store, info.clone()).await?;
        let loaded = Arc::new(loaded);
        let mut kept = self.0.lock().unwrap();
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert(loaded.info.id, loaded.clone());
        Ok(loaded)
    }
}

/// Figures of one cell for an audience, by measure name; `None` cell means no data.
pub(crate) fn points(
    release: &Release,
    cell: Option<&StoredCell>,
    audience: Audience,
    names: &[&str],
) -> Vec<Point> {
    let Some(cell) = cell else {
        return vec![Point::NoData; names.len()];
    };
    let status = match audience {
        Audience::Manager => cell.manager,
        Audience::Funder => cell.funder,
    };
    match status {
        Status::NotReleased => return vec![Point::NoData; names.len()],
        Status::Hidden => return vec![Point::Hidden; names.len()],
        Status::Shown => {}
    }
    let figures = release.figures(cell, audience);
    names
        .iter()
        .map(|name| match figures.iter().find(|f| f.measure == *name) {
            Some(f) if f.hidden => Point::Hidden,
            Some(f) => match (f.value, f.margin) {
                (Some(value), Some(margin)) => Point::Value { value, margin },
                _ => Point::NoData,
            },
            None => Point::NoData,
        })
        .collect()
}

/// A figure as a table cell shows it.
pub(crate) struct Shown {
    pub text: String,
    pub margin: String,
    pub kind: ShownKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ShownKind {
    Value,
    Hidden,
    NoData,
}

impl Shown {
    /// `unit` is "%" for percentages, "" for counts and means.
    pub fn of(point: Point, unit: &str, places: usize) -> Shown {
        match point {
            Point::Value { value, margin } => Shown {
                text: format!("{value:.places$}{unit}"),
                margin: format!("± {margin:.places$}"),
                kind: ShownKind::Value,
            },
            // Not "fewer than k": a larger cell can be hidden too, so that a small one
            // cannot be worked out by subtraction. The page's legend says both.
            Point::Hidden => Shown {
                text: "hidden to protect anonymity".to_owned(),
                margin: String::new(),
                kind: ShownKind::Hidden,
            },
            Point::NoData => Shown {
                text: "no data".into(),
                margin: String::new(),
                kind: ShownKind::NoData,
            },
        }
    }

    pub fn is_value(&self) -> bool {
        self.kind == ShownKind::Value
    }

    pub fn is_hidden(&self) -> bool {
        self.kind == ShownKind::Hidden
    }
}

/// A share of responses (in %) from a noisy count and a noisy total: the margin is the
/// count's, scaled (the total's noise is small beside it at any shown size).
pub(crate) fn share(count: Point, total: Point) -> Point {
    match (count, total) {
        (Point::Value { value, margin }, Point::Value { value: n, .. }) if n >= 1.0 => {
            Point::Value {
                value: (100.0 * value.max(0.0) / n).clamp(0.0, 100.0),
                margin: (100.0 * margin / n).min(100.0),
            }
        }
        (Point::Hidden, _) | (_, Point::Hidden) => Point::Hidden,
        _ => Point::NoData,
    }
}

/// The plain-language line on noise that every figure page carries.
pub(crate) const NOISE_LINE: &str = "Every number here had a little random noise added once, when its period was released, so that no one's answers can be worked out from it. The bars and ± show the range the true value lies in 9 times out of 10; small groups have wide ranges.";
