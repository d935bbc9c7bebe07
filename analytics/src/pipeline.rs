//! The first stages of a month's release: the public key set from the catalog, the
//! month's responses loaded into polars, and their true counts per cell.
//!
//! This is the only module that reads raw responses; it is private to the crate. Its true
//! counts are a [`TrueCounts`], whose only way out is [`TrueCounts::measure`], which adds
//! noise: no other code can read a true count, so none can store or print one.

use std::collections::{BTreeMap, HashSet};

use domain::instrument::{Helped, Hindered, Index, Item};
use domain::{Backend, CircleId, ProgramId, SessionId, Store};
use polars::prelude::*;
use rand::Rng;
use rand_distr::Distribution;
use sqlx::Row;

use crate::budget::{Level, Noise};
use crate::measure::{Choice, Group, Measure, bin_of, measures};
use crate::period::Period;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("polars: {0}")]
    Polars(#[from] PolarsError),
    #[error("the PostgreSQL copy stream was malformed: {0}")]
    Copy(&'static str),
    #[error("this database URL cannot be read in bulk: {0}")]
    Url(String),
    #[error("the release's worker thread failed: {0}")]
    Worker(String),
}

/// A session held in the period: where its responses belong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SessionInfo {
    pub id: SessionId,
    pub circle_id: CircleId,
    pub program_id: ProgramId,
    /// `YYYY-MM`
    pub month: String,
}

/// The sessions held in a period, from the catalog.
pub(crate) async fn sessions_in(
    store: &Store,
    period: Period,
) -> Result<Vec<SessionInfo>, sqlx::Error> {
    let rows = sqlx::query(
        "select s.id, s.circle_id, c.program_id, s.held_on from session s join circle c on c.id = s.circle_id \
         where s.held_on >= $1 and s.held_on < $2 order by s.id",
    )
    .bind(period.start().to_string())
    .bind(period.end().to_string())
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let held_on: String = row.try_get("held_on")?;
            Ok(SessionInfo {
                id: row.try_get("id")?,
                circle_id: row.try_get("circle_id")?,
                program_id: row.try_get("program_id")?,
                month: held_on.get(..7).unwrap_or_default().to_owned(),
            })
        })
        .collect()
}

/// A cell of the public key set: a level and the catalog ids that name it. Declared from
/// the catalog (sessions held), never from responses, so no cell's existence depends on
/// anyone having answered.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey {
    pub level: Level,
    pub program_id: Option<ProgramId>,
    pub circle_id: Option<CircleId>,
    pub period: Period,
}

/// Every cell a month's release declares, in a fixed order: each circle that met, each
/// program that met, and the portfolio.
pub(crate) fn key_set(month: Period, sessions: &[SessionInfo]) -> Vec<CellKey> {
    let programs: std::collections::BTreeSet<ProgramId> =
        sessions.iter().map(|s| s.program_id).collect();
    let circles: std::collections::BTreeSet<(ProgramId, CircleId)> = sessions
        .iter()
        .map(|s| (s.program_id, s.circle_id))
        .collect();
    let mut keys: Vec<CellKey> = circles
        .iter()
        .map(|&(p, c)| CellKey {
            level: Level::CircleMonth,
            program_id: Some(p),
            circle_id: Some(c),
            period: month,
        })
        .collect();
    keys.extend(programs.iter().map(|&p| CellKey {
        level: Level::ProgramMonth,
        program_id: Some(p),
        circle_id: None,
        period: month,
    }));
    if !sessions.is_empty() {
        keys.push(CellKey {
            level: Level::PortfolioMonth,
            program_id: None,
            circle_id: None,
            period: month,
        });
    }
    keys.sort();
    keys
}

/// `belong + 6·welcome + 36·heard + …`: the eight ratings (0 = skipped) in one integer,
/// so loading moves three integers a response instead of twenty-two.
fn packed_ratings_sql() -> String {
    Item::ALL
        .iter()
        .enumerate()
        .map(|(k, item)| format!("{} * coalesce({}, 0)", 6i64.pow(k as u32), item.key()))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// `first_time (0 skipped, 1 no, 2 yes) + 3·helped bits + 96·hindered bits`.
fn packed_flags_sql() -> String {
    let bits = |columns: Vec<String>| {
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} * {c}", 1 << i))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    format!(
        "coalesce(first_time + 1, 0) + 3 * ({}) + 96 * ({})",
        bits(Helped::ALL.iter().map(|c| c.column()).collect()),
        bits(Hindered::ALL.iter().map(|c| c.column()).collect()),
    )
}

/// Reads the responses of the given sessions: columns `session_id`, `r` (packed ratings),
/// `f` (packed flags). SQLite is read through rusqlite, PostgreSQL through a binary COPY:
/// both bulk paths, several times faster than decoding row by row through sqlx.
pub(crate) async fn load_responses(
    store: &Store,
    period: Period,
    sessions: &[SessionInfo],
) -> Result<LoadedResponses, PipelineError> {
    let wanted: HashSet<i32> = sessions.iter().map(|s| s.id.get()).collect();
    let (ids, r, f) = match store.backend() {
        Backend::Sqlite => {
            let path = store
                .sqlite_path()
                .ok_or_else(|| PipelineError::Url("an in-memory SQLite database".into()))?
                .to_owned();
            tokio::task::spawn_blocking(move || load_sqlite(&path, &wanted))
                .await
                .map_err(|e| PipelineError::Worker(e.to_string()))??
        }
        Backend::Postgres => load_postgres(store.url(), period).await?,
    };
    Ok(LoadedResponses(DataFrame::new(
        ids.len(),
        vec![
            Column::new("session_id".into(), ids),
            Column::new("r".into(), r),
            Column::new("f".into(), f),
        ],
    )?))
}

type Packed = (Vec<i32>, Vec<i32>, Vec<i32>);

fn load_sqlite(path: &str, wanted: &HashSet<i32>) -> Result<Packed, PipelineError> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // One sequential pass over the table (`+session_id` keeps SQLite off the index: a
    // probe per row in random-id order is slower than the scan); rows of other periods
    // are dropped by the `in` list before their columns are packed. The ids are our own
    // integers, from the catalog.
    let mut ids: Vec<i32> = wanted.iter().copied().collect();
    ids.sort_unstable();
    let list = ids
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let sql = format!(
        "select session_id, {}, {} from response where +session_id in ({list})",
        packed_ratings_sql(),
        packed_flags_sql()
    );
    let mut statement = conn.prepare(&sql)?;
    let mut rows = statement.query([])?;
    let (mut ids, mut r, mut f) = (Vec::new(), Vec::new(), Vec::new());
    while let Some(row) = rows.next()? {
        ids.push(row.get(0)?);
        r.push(row.get(1)?);
        f.push(row.get(2)?);
    }
    Ok((ids, r, f))
}

async fn load_postgres(url: &str, period: Period) -> Result<Packed, PipelineError> {
    use futures_util::StreamExt;
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(url).await?;
    // COPY takes no parameters; the dates are our own, formatted from a Period.
    let sql = format!(
        "copy (select r.session_id, cast({} as integer), cast({} as integer) from response r \
         join session s on s.id = r.session_id where s.held_on >= '{}' and s.held_on < '{}') \
         to stdout (format binary)",
        packed_ratings_sql(),
        packed_flags_sql(),
        period.start(),
        period.end()
    );
    let mut stream = conn.copy_out_raw(&sql).await?;
    let mut parser = CopyParser::default();
    while let Some(chunk) = stream.next().await {
        parser.feed(&chunk?)?;
    }
    drop(stream);
    parser.finish()
}

/// PostgreSQL's binary COPY format, for tuples of three non-null int4 fields.
#[derive(Default)]
struct CopyParser {
    buffer: Vec<u8>,
    header_done: bool,
    ended: bool,
    columns: Packed,
}

impl CopyParser {
    fn feed(&mut self, chunk: &[u8]) -> Result<(), PipelineError> {
        self.buffer.extend_from_slice(chunk);
        let mut at = 0;
        if !self.header_done {
            // 11-byte signature, 4-byte flags, 4-byte extension length, extension.
            if self.buffer.len() < 19 {
                return Ok(());
            }
            if &self.buffer[..11] != b"PGCOPY\n\xff\r\n\0" {
                return Err(PipelineError::Copy("bad signature"));
            }
            let extension = u32::from_be_bytes(four_bytes(&self.buffer, 15)) as usize;
            if self.buffer.len() < 19 + extension {
                return Ok(());
            }
            at = 19 + extension;
            self.header_done = true;
        }
        const TUPLE: usize = 2 + 3 * (4 + 4);
        while !self.ended && self.buffer.len() - at >= 2 {
            let fields = i16::from_be_bytes([self.buffer[at], self.buffer[at + 1]]);
            if fields == -1 {
                self.ended = true;
                at += 2;
                break;
            }
            if fields != 3 {
                return Err(PipelineError::Copy("expected three fields"));
            }
            if self.buffer.len() - at < TUPLE {
                break;
            }
            let mut values = [0i32; 3];
            for (k, value) in values.iter_mut().enumerate() {
                let base = at + 2 + k * 8;
                let len = i32::from_be_bytes(four_bytes(&self.buffer, base));
                if len != 4 {
                    return Err(PipelineError::Copy("expected a non-null int4"));
                }
                *value = i32::from_be_bytes(four_bytes(&self.buffer, base + 4));
            }
            self.columns.0.push(values[0]);
            self.columns.1.push(values[1]);
            self.columns.2.push(values[2]);
            at += TUPLE;
        }
        self.buffer.drain(..at);
        Ok(())
    }

    fn finish(self) -> Result<Packed, PipelineError> {
        if !self.ended {
            return Err(PipelineError::Copy("the stream ended early"));
        }
        Ok(self.columns)
    }
}

/// The four bytes of `bytes` from `at` (which the caller has checked are there).
fn four_bytes(bytes: &[u8], at: usize) -> [u8; 4] {
    [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]
}

/// The indicator columns of each response, in [`measures`] order, as polars expressions
/// over the packed columns (`r`, `f`): summed per cell they are the cell's true counts.
fn indicator_exprs() -> Vec<Expr> {
    let digit = |k: usize| (col("r").floor_div(lit(6i32.pow(k as u32)))) % lit(6i32);
    let flag = |divisor: i32| (col("f").floor_div(lit(divisor)) % lit(2i32)).eq(lit(1i32));
    let mut exprs = vec![lit(1i32).alias(Measure::RESPONSES.name())];
    for index in Index::ALL {
        let items: Vec<usize> = index.items().map(Item::position).collect();
        let answered = items.iter().fold(lit(0i32), |acc, &k| {
            acc + digit(k).gt(lit(0i32)).cast(DataType::Int32)
        });
        let sum = items.iter().fold(lit(0i32), |acc, &k| acc + digit(k));
        let scored = answered.clone().gt_eq(lit(index.min_answered() as i32));
        // positive: mean > 3.5, exactly: 2·sum > 7·answered
        let above = (lit(2i32) * sum).gt(lit(7i32) * answered);
        exprs.push(
            scored
                .clone()
                .and(above.clone())
                .alias(Measure::positive(index).name()),
        );
        exprs.push(
            scored
                .clone()
                .and(above.not())
                .alias(Measure::not_positive(index).name()),
        );
        exprs.push(scored.not().alias(Measure::not_scored(index).name()));
    }
    for item in Item::ALL {
        for (bin, answer) in (1..=5i32).zip(Measure::answers(item)) {
            exprs.push(digit(item.position()).eq(lit(bin)).alias(answer.name()));
        }
        exprs.push(
            digit(item.position())
                .eq(lit(0i32))
                .alias(Measure::skipped(item).name()),
        );
    }
    let first_time = col("f") % lit(3i32);
    exprs.push(
        first_time
            .clone()
            .eq(lit(2i32))
            .alias(Measure::FIRST_TIME_YES.name()),
    );
    exprs.push(
        first_time
            .clone()
            .eq(lit(1i32))
            .alias(Measure::FIRST_TIME_NO.name()),
    );
    exprs.push(
        first_time
            .eq(lit(0i32))
            .alias(Measure::FIRST_TIME_SKIPPED.name()),
    );
    let helped = Helped::ALL
        .iter()
        .enumerate()
        .map(|(i, &c)| (Choice::Helped(c), 3 << i));
    let hindered = Hindered::ALL
        .iter()
        .enumerate()
        .map(|(i, &c)| (Choice::Hindered(c), 96 << i));
    for (choice, divisor) in helped.chain(hindered) {
        exprs.push(flag(divisor).alias(Measure::ticked(choice).name()));
        exprs.push(flag(divisor).not().alias(Measure::unticked(choice).name()));
    }
    exprs
}

/// A month's responses as loaded: opaque outside this module, whose only use of them is
/// [`true_counts`].
pub(crate) struct LoadedResponses(DataFrame);

/// A month's noisy measurements: for every cell, a value for each measure its level
/// measures (`None` where the plan measures nothing), and the noise variance of one count
/// per (level, group) measured. Made only by [`TrueCounts::measure`]; read by the
/// consistency fit.
pub(crate) struct Measured {
    cells: BTreeMap<CellKey, Vec<Option<i64>>>,
    variances: BTreeMap<(Level, Group), f64>,
}

impl Measured {
    pub(crate) fn cells(&self) -> &BTreeMap<CellKey, Vec<Option<i64>>> {
        &self.cells
    }

    pub(crate) fn variances(&self) -> &BTreeMap<(Level, Group), f64> {
        &self.variances
    }
}

/// A month's true counts: for every cell of the key set, a vector in [`measures`] order.
/// Deliberately neither `Clone` nor `Debug`: the one way to read it is [`Self::measure`].
pub(crate) struct TrueCounts(BTreeMap<CellKey, Vec<i64>>);

impl TrueCounts {
    #[cfg(test)]
    pub(crate) fn peek(&self) -> &BTreeMap<CellKey, Vec<i64>> {
        &self.0
    }

    #[cfg(test)]
    pub(crate) fn from_map(counts: BTreeMap<CellKey, Vec<i64>>) -> TrueCounts {
        TrueCounts(counts)
    }

    /// The plan's measurements: each count of a group the plan measures at a cell's level,
    /// plus a fresh draw of that measurement's noise; counts nobody measures are dropped.
    /// Cells in key order, measures in measure order, so a seeded release is the same
    /// whatever order the responses were read in. Nothing is clamped.
    pub(crate) fn measure<R: Rng>(
        self,
        noise: &BTreeMap<(Level, Group), Noise>,
        rng: &mut R,
    ) -> Measured {
        let groups: Vec<Option<Group>> = measures()
            .iter()
            .map(|&m| bin_of(m).map(|(h, _)| h.group))
            .collect();
        let cells = self
            .0
            .into_iter()
            .map(|(key, values)| {
                let noisy = values
                    .iter()
                    .zip(&groups)
                    .map(|(&value, group)| {
                        let draw = match noise.get(&(key.level, (*group)?))? {
                            Noise::Gaussian { dist, .. } => dist.sample(rng),
                            Noise::Laplace { dist, .. } => dist.sample(rng),
                        };
                        Some(value.saturating_add(draw))
                    })
                    .collect();
                (key, noisy)
            })
            .collect();
        Measured {
            cells,
            variances: noise.iter().map(|(k, n)| (*k, n.variance())).collect(),
        }
    }
}

/// True counts per cell of a month's key set, all zeros where no one answered: polars sums
/// the indicators per circle; a program's counts are its circles' sums, the portfolio's its
/// programs'.
pub(crate) fn true_counts(
    month: Period,
    LoadedResponses(responses): LoadedResponses,
    sessions: &[SessionInfo],
    keys: &[CellKey],
) -> Result<TrueCounts, PipelineError> {
    let names: &[Measure] = measures();
    let catalog = DataFrame::new(
        sessions.len(),
        vec![
            Column::new(
                "session_id".into(),
                sessions.iter().map(|s| s.id.get()).collect::<Vec<_>>(),
            ),
            Column::new(
                "circle_id".into(),
                sessions
                    .iter()
                    .map(|s| s.circle_id.get())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "program_id".into(),
                sessions
                    .iter()
                    .map(|s| s.program_id.get())
                    .collect::<Vec<_>>(),
            ),
        ],
    )?;
    let sums: Vec<Expr> = names
        .iter()
        .map(|n| col(n.name()).cast(DataType::Int64).sum().alias(n.name()))
        .collect();
    let frame = responses
        .lazy()
        .join(
            catalog.lazy(),
            [col("session_id")],
            [col("session_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .select([vec![col("circle_id"), col("program_id")], indicator_exprs()].concat())
        .group_by([col("program_id"), col("circle_id")])
        .agg(sums)
        .collect()?;

    let mut counts: BTreeMap<CellKey, Vec<i64>> = keys
        .iter()
        .map(|k| (k.clone(), vec![0; names.len()]))
        .collect();
    let values: Vec<&Int64Chunked> = names
        .iter()
        .map(|n| frame.column(n.name()).and_then(|c| c.i64()))
        .collect::<Result<_, _>>()?;
    let (programs, circles) = (
        frame.column("program_id")?.i32()?,
        frame.column("circle_id")?.i32()?,
    );
    for i in 0..frame.height() {
        let (program, circle) = (
            programs.get(i).map(ProgramId::new),
            circles.get(i).map(CircleId::new),
        );
        let cells = [
            (Level::CircleMonth, program, circle),
            (Level::ProgramMonth, program, None),
            (Level::PortfolioMonth, None, None),
        ];
        for (level, program_id, circle_id) in cells {
            let key = CellKey {
                level,
                program_id,
                circle_id,
                period: month,
            };
            // A group outside the key set cannot happen (both come from the same
            // sessions), but if it did its counts would be dropped, never published.
            if let Some(slot) = counts.get_mut(&key) {
                for (m, column) in values.iter().enumerate() {
                    slot[m] += column.get(i).unwrap_or(0);
                }
            }
        }
    }
    Ok(TrueCounts(counts))
}

/// Per-cell sums computed directly, row by row, for tests: what [`true_counts`] must
/// agree with.
#[cfg(test)]
pub(crate) fn naive_counts(
    answers: &[(i32, domain::instrument::Answers)],
    sessions: &[SessionInfo],
    key: &CellKey,
) -> Vec<i64> {
    let by_id: std::collections::HashMap<i32, &SessionInfo> =
        sessions.iter().map(|s| (s.id.get(), s)).collect();
    let mut out = vec![0i64; measures().len()];
    for (session, a) in answers {
        let s = by_id[session];
        let inside = match key.level {
            Level::CircleMonth => Some(s.circle_id) == key.circle_id,
            Level::ProgramMonth | Level::ProgramQuarter => Some(s.program_id) == key.program_id,
            Level::PortfolioMonth | Level::PortfolioQuarter => true,
        };
        if !inside {
            continue;
        }
        let mut add = |measure: Measure| {
            out[crate::measure::position(measure).expect("a stored measure")] += 1;
        };
        add(Measure::RESPONSES);
        for index in Index::ALL {
            add(match a.index_score(index) {
                Some((sum, n)) if domain::instrument::is_positive(sum, n) => {
                    Measure::positive(index)
                }
                Some(_) => Measure::not_positive(index),
                None => Measure::not_scored(index),
            });
        }
        for item in Item::ALL {
            add(match a.rating(item) {
                Some(r) => Measure::answers(item)[usize::from(r.get()) - 1],
                None => Measure::skipped(item),
            });
        }
        add(match a.first_time {
            Some(true) => Measure::FIRST_TIME_YES,
            Some(false) => Measure::FIRST_TIME_NO,
            None => Measure::FIRST_TIME_SKIPPED,
        });
        for choice in Choice::all() {
            let ticked = match choice {
                Choice::Helped(c) => a.helped(c),
                Choice::Hindered(c) => a.hindered(c),
            };
            add(if ticked {
                Measure::ticked(choice)
            } else {
                Measure::unticked(choice)
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use domain::instrument::{Answers, Rating};
    use rand::{RngExt, SeedableRng};

    use super::*;

    fn random_answers(rng: &mut rand::rngs::ChaCha8Rng) -> Answers {
        let mut a = Answers::default();
        for item in Item::ALL {
            let v: u8 = rng.random_range(0..=5);
            a.set_rating(item, Rating::try_from(v).ok());
        }
        a.first_time = [None, Some(true), Some(false)][rng.random_range(0..3)];
        for &c in Helped::ALL {
            if rng.random::<bool>() {
                a.set_helped(c);
            }
        }
        for &c in Hindered::ALL {
            if rng.random::<bool>() {
                a.set_hindered(c);
            }
        }
        a
    }

    /// Packs answers the way the loaders' SQL does.
    fn pack(a: &Answers) -> (i32, i32) {
        let r = Item::ALL
            .iter()
            .enumerate()
            .map(|(k, i)| 6i32.pow(k as u32) * a.rating(*i).map_or(0, |r| i32::from(r.get())))
            .sum();
        let ft = match a.first_time {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        };
        let h: i32 = Helped::ALL
            .iter()
            .enumerate()
            .map(|(i, c)| i32::from(a.helped(*c)) << i)
            .sum();
        let d: i32 = Hindered::ALL
            .iter()
            .enumerate()
            .map(|(i, c)| i32::from(a.hindered(*c)) << i)
            .sum();
        (r, ft + 3 * h + 96 * d)
    }

    #[test]
    fn polars_counts_match_a_row_by_row_count() {
        let sessions: Vec<SessionInfo> = (0..6)
            .map(|i| SessionInfo {
                id: SessionId::new(100 + i),
                circle_id: CircleId::new(10 + i % 3),
                program_id: ProgramId::new(1 + (10 + i % 3) % 2),
                month: "2026-10".into(),
            })
            .collect();
        let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(5);
        let answers: Vec<(i32, Answers)> = (0..500)
            .map(|_| (100 + rng.random_range(0..6), random_answers(&mut rng)))
            .collect();
        let (ids, (r, f)): (Vec<i32>, (Vec<i32>, Vec<i32>)) =
            answers.iter().map(|(s, a)| (*s, pack(a))).unzip();
        let frame = DataFrame::new(
            ids.len(),
            vec![
                Column::new("session_id".into(), ids),
                Column::new("r".into(), r),
                Column::new("f".into(), f),
            ],
        )
        .unwrap();
        for period in ["2026-10"] {
            let period: Period = period.parse().unwrap();
            let keys = key_set(period, &sessions);
            let counts =
                true_counts(period, LoadedResponses(frame.clone()), &sessions, &keys).unwrap();
            assert_eq!(counts.peek().len(), keys.len());
            for key in &keys {
                assert_eq!(
                    counts.peek()[key],
                    naive_counts(&answers, &sessions, key),
                    "{key:?}"
                );
            }
        }
    }

    #[test]
    fn the_same_responses_in_any_row_order_give_the_same_counts() {
        let sessions: Vec<SessionInfo> = (0..4)
            .map(|i| SessionInfo {
                id: SessionId::new(i),
                circle_id: CircleId::new(10 + i),
                program_id: ProgramId::new(1),
                month: "2026-10".into(),
            })
            .collect();
        let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(8);
        let mut rows: Vec<(i32, (i32, i32))> = (0..300)
            .map(|_| (rng.random_range(0..4), pack(&random_answers(&mut rng))))
            .collect();
        let period: Period = "2026-10".parse().unwrap();
        let keys = key_set(period, &sessions);
        let frame = |rows: &[(i32, (i32, i32))]| {
            DataFrame::new(
                rows.len(),
                vec![
                    Column::new(
                        "session_id".into(),
                        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
                    ),
                    Column::new("r".into(), rows.iter().map(|r| r.1.0).collect::<Vec<_>>()),
                    Column::new("f".into(), rows.iter().map(|r| r.1.1).collect::<Vec<_>>()),
                ],
            )
            .unwrap()
        };
        let before = true_counts(period, LoadedResponses(frame(&rows)), &sessions, &keys).unwrap();
        use rand::seq::SliceRandom;
        rows.shuffle(&mut rng);
        rows.reverse();
        let after = true_counts(period, LoadedResponses(frame(&rows)), &sessions, &keys).unwrap();
        assert_eq!(before.peek(), after.peek());
    }

    #[test]
    fn the_key_set_comes_from_sessions_held_not_from_answers() {
        let sessions = vec![
            SessionInfo {
                id: SessionId::new(1),
                circle_id: CircleId::new(10),
                program_id: ProgramId::new(1),
                month: "2026-10".into(),
            },
            SessionInfo {
                id: SessionId::new(2),
                circle_id: CircleId::new(11),
                program_id: ProgramId::new(1),
                month: "2026-10".into(),
            },
            SessionInfo {
                id: SessionId::new(3),
                circle_id: CircleId::new(20),
                program_id: ProgramId::new(2),
                month: "2026-10".into(),
            },
        ];
        let month = key_set("2026-10".parse().unwrap(), &sessions);
        assert_eq!(
            month
                .iter()
                .filter(|k| k.level == Level::CircleMonth)
                .count(),
            3
        );
        assert_eq!(
            month
                .iter()
                .filter(|k| k.level == Level::ProgramMonth)
                .count(),
            2
        );
        assert_eq!(
            month
                .iter()
                .filter(|k| k.level == Level::PortfolioMonth)
                .count(),
            1
        );
        // With no answers at all, every cell is there, with zero counts.
        let empty = DataFrame::new(
            0,
            vec![
                Column::new("session_id".into(), Vec::<i32>::new()),
                Column::new("r".into(), Vec::<i32>::new()),
                Column::new("f".into(), Vec::<i32>::new()),
            ],
        )
        .unwrap();
        let counts = true_counts(
            "2026-10".parse().unwrap(),
            LoadedResponses(empty),
            &sessions,
            &month,
        )
        .unwrap();
        assert!(counts.peek().values().all(|v| v.iter().all(|&c| c == 0)));
        assert_eq!(counts.peek().len(), 6);
    }

    #[test]
    fn the_copy_parser_reads_split_chunks() {
        let mut bytes = b"PGCOPY\n\xff\r\n\0".to_vec();
        bytes.extend_from_slice(&0u32.to_be_bytes());
        bytes.extend_from_slice(&0u32.to_be_bytes());
        for (a, b, c) in [(1i32, 2, 3), (-4, 5, 1_679_615)] {
            bytes.extend_from_slice(&3i16.to_be_bytes());
            for v in [a, b, c] {
                bytes.extend_from_slice(&4i32.to_be_bytes());
                bytes.extend_from_slice(&v.to_be_bytes());
            }
        }
        bytes.extend_from_slice(&(-1i16).to_be_bytes());
        for split in [1, 5, 17, 30, bytes.len()] {
            let mut parser = CopyParser::default();
            for chunk in bytes.chunks(split) {
                parser.feed(chunk).unwrap();
            }
            let (a, b, c) = parser.finish().unwrap();
            assert_eq!(
                (a, b, c),
                (vec![1, -4], vec![2, 5], vec![3, 1_679_615]),
                "split {split}"
            );
        }
        let mut truncated = CopyParser::default();
        truncated.feed(&bytes[..bytes.len() - 2]).unwrap();
        assert!(truncated.finish().is_err());
    }
}
