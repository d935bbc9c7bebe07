//! What a release counts: disjoint histograms, in each of which one response moves
//! exactly one count, and the response total that every histogram of a cell sums to.
//!
//! Each index is counted as positive / not positive / not scored; each item as its five
//! answers and skipped; first time as yes / no / skipped; each "what helped" and "what got
//! in the way" option as ticked / not ticked. So a cell's `responses` is the sum of any of
//! its histograms, and a "% positive" is positive over (positive + not positive): its
//! numerator and denominator are different counts, with independent noise.

use domain::instrument::{Helped, Hindered, Index, Item};

/// Measures are measured in groups of histograms; each group has its own sensitivity
/// (how much adding or removing one response can change its counts) and its own shares of
/// the budget in the measurement plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Indices,
    Items,
    FirstTime,
    Choices,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Indices,
        Group::Items,
        Group::FirstTime,
        Group::Choices,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Group::Indices => "indices",
            Group::Items => "items",
            Group::FirstTime => "first_time",
            Group::Choices => "choices",
        }
    }

    pub fn from_key(key: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.key() == key)
    }

    /// What a manager would call it.
    pub fn label(self) -> &'static str {
        match self {
            Group::Indices => "belonging and safety (% positive)",
            Group::Items => "the eight statements (answers 1–5 or skipped)",
            Group::FirstTime => "first time or returning",
            Group::Choices => "what helped and what got in the way",
        }
    }

    /// The group's histograms.
    pub fn histograms(self) -> impl Iterator<Item = &'static Histogram> {
        histograms().iter().filter(move |h| h.group == self)
    }

    /// L1 sensitivity: one response added or removed moves exactly one count of each of the
    /// group's histograms by one, so the group's counts move by the number of histograms.
    pub fn l1(self) -> u128 {
        self.histograms().count() as u128
    }

    /// Squared L2 sensitivity. Every count moves by at most 1, so it equals the L1 bound.
    pub fn l2_squared(self) -> u128 {
        self.l1()
    }
}

/// One histogram: its bins partition the responses of a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    /// `belonging`, `belong`, `first_time`, `helped_listened`, …
    pub name: String,
    pub group: Group,
    /// The measure names of its bins, in order.
    pub bins: Vec<String>,
}

/// Every histogram, in a fixed order.
pub fn histograms() -> &'static [Histogram] {
    static ALL: std::sync::OnceLock<Vec<Histogram>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = Vec::new();
        for index in Index::ALL {
            let k = index.key();
            all.push(Histogram {
                name: k.into(),
                group: Group::Indices,
                bins: vec![
                    format!("{k}_positive"),
                    format!("{k}_not_positive"),
                    format!("{k}_not_scored"),
                ],
            });
        }
        for item in Item::ALL {
            let k = item.key();
            let mut bins: Vec<String> = (1..=5).map(|b| format!("{k}_{b}")).collect();
            bins.push(format!("{k}_skipped"));
            all.push(Histogram {
                name: k.into(),
                group: Group::Items,
                bins,
            });
        }
        all.push(Histogram {
            name: "first_time".into(),
            group: Group::FirstTime,
            bins: vec![
                "first_time_yes".into(),
                "first_time_no".into(),
                "first_time_skipped".into(),
            ],
        });
        let options = Helped::ALL
            .iter()
            .map(|c| c.column())
            .chain(Hindered::ALL.iter().map(|c| c.column()));
        for column in options {
            all.push(Histogram {
                bins: vec![column.clone(), format!("{column}_unticked")],
                name: column,
                group: Group::Choices,
            });
        }
        all
    })
}

/// The derived total of a cell: the sum of each of its histograms.
pub const RESPONSES: &str = "responses";

/// Every measure a release may store, in a fixed order: `responses`, then every
/// histogram's bins.
pub fn measures() -> &'static [String] {
    static ALL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        std::iter::once(RESPONSES.to_owned())
            .chain(histograms().iter().flat_map(|h| h.bins.iter().cloned()))
            .collect()
    })
}

/// Position of a measure in [`measures`].
pub fn position(name: &str) -> Option<usize> {
    measures().iter().position(|m| m == name)
}

/// The histogram a measure is a bin of, with the bin's position in it.
pub fn bin_of(name: &str) -> Option<(&'static Histogram, usize)> {
    histograms()
        .iter()
        .find_map(|h| h.bins.iter().position(|b| b == name).map(|i| (h, i)))
}

/// A measure in plain words, for the data dictionary of exports: each statement, option
/// and question in the words the participant read (the English form), each index with
/// the statements that make it up — never an internal name.
pub fn describe(name: &str) -> String {
    if name == RESPONSES {
        return "responses in the cell (the sum of every histogram below)".into();
    }
    if let Some((h, i)) = bin_of(name) {
        return match h.group {
            Group::Indices => {
                let Some(index) = index_of(&h.name) else {
                    return name.to_owned();
                };
                let (words, made_of) = (index_words(index), index_statements(index));
                let least = index.min_answered();
                let all = index.items().count();
                match i {
                    0 => format!(
                        "responses whose {words} score is positive: the mean of their answers to {made_of} is above 3.5, with at least {least} of the {all} answered"
                    ),
                    1 => format!(
                        "responses whose {words} score is not positive: the mean of their answers to {made_of} is 3.5 or below, with at least {least} of the {all} answered"
                    ),
                    _ => format!(
                        "responses with too few {words} statements answered to score it: fewer than {least} of the {all} ({made_of})"
                    ),
                }
            }
            Group::Items => {
                let statement = statement(&h.name);
                match i {
                    5 => format!(
                        "responses that skipped the statement {statement} (left it blank or chose “{}”)",
                        english("scale-skip")
                    ),
                    _ => format!(
                        "responses that answered {} (“{}”, on a scale from 1 = strongly disagree to 5 = strongly agree) to the statement {statement}",
                        i + 1,
                        english(&format!("scale-{}", i + 1))
                    ),
                }
            }
            Group::FirstTime => {
                let question = english("first_time-legend");
                match i {
                    0 => format!(
                        "responses that answered “{}” to “{question}”",
                        english("first_time-yes")
                    ),
                    1 => format!(
                        "responses that answered “{}” to “{question}”",
                        english("first_time-no")
                    ),
                    _ => format!("responses that skipped the question “{question}”"),
                }
            }
            Group::Choices => match i {
                0 => format!("responses that ticked {}", option(&h.name)),
                _ => format!("responses that did not tick {}", option(&h.name)),
            },
        };
    }
    if let Some(index) = name.strip_suffix("_pct_positive").and_then(index_of) {
        return format!(
            "% of scored responses whose {} score is positive: the mean of their answers to {} is above 3.5 (derived)",
            index_words(index),
            index_statements(index)
        );
    }
    if let Some(key) = name.strip_suffix("_mean") {
        return format!(
            "mean answer (1 = strongly disagree … 5 = strongly agree) to the statement {} over those who answered it (derived)",
            statement(key)
        );
    }
    if let Some(key) = name.strip_suffix("_pct") {
        return format!("% of responses that ticked {} (derived)", option(key));
    }
    name.to_owned()
}

/// A message of the English participant form.
fn english(key: &str) -> String {
    domain::i18n::Lang::En.tr().get(key)
}

/// The index a histogram or measure key names (`belonging`, `safety`).
fn index_of(key: &str) -> Option<Index> {
    Index::ALL.into_iter().find(|i| i.key() == key)
}

/// What a manager calls an index.
pub fn index_words(index: Index) -> &'static str {
    match index {
        Index::Belonging => "belonging",
        Index::Safety => "emotional safety",
    }
}

/// "the 3 belonging statements “I felt like I belonged in this group today.”, … and …".
fn index_statements(index: Index) -> String {
    let quoted: Vec<String> = index
        .items()
        .map(|item| format!("“{}”", english(&format!("item-{}", item.key()))))
        .collect();
    let list = match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    };
    format!(
        "the {} {} statements {list}",
        quoted.len(),
        index_words(index)
    )
}

/// A statement as the form words it: “I could share as much or as little as I wanted.”
fn statement(key: &str) -> String {
    format!("“{}”", english(&format!("item-{key}")))
}

/// An option (its column, `hindered_dominated`) with its question: “Someone took over”
/// under “What got in the way?”.
fn option(column: &str) -> String {
    let (question, key) = match Helped::ALL.iter().find(|c| c.column() == column) {
        Some(c) => ("helped", c.key()),
        None => match Hindered::ALL.iter().find(|c| c.column() == column) {
            Some(c) => ("hindered", c.key()),
            None => return format!("“{column}”"),
        },
    };
    let legend = english(&format!("{question}-legend"));
    // The question without its "Pick any that fit."
    let asked = legend.split_inclusive('?').next().unwrap_or(&legend);
    format!(
        "“{}” under “{asked}”",
        english(&format!("{question}-{key}"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_has_78_counts_with_unique_names() {
        let all = measures();
        assert_eq!(all.len(), 1 + 2 * 3 + 8 * 6 + 3 + 10 * 2);
        let mut names: Vec<&str> = all.iter().map(String::as_str).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
        assert_eq!(position("belonging_positive"), Some(1));
        assert_eq!(bin_of("belong_skipped").unwrap().1, 5);
    }

    #[test]
    fn one_response_moves_one_count_per_histogram() {
        assert_eq!(Group::Indices.l1(), 2);
        assert_eq!(Group::Items.l1(), 8);
        assert_eq!(Group::FirstTime.l1(), 1);
        assert_eq!(Group::Choices.l1(), 10);
        for h in histograms() {
            assert!(h.bins.len() >= 2, "{}", h.name);
        }
    }
}
