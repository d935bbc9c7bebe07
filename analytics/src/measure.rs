//! What a release counts: disjoint histograms, in each of which one response moves
//! exactly one count, and the response total that every histogram of a cell sums to.
//!
//! Each index is counted as positive / not positive / not scored; each item as its five
//! answers and skipped; first time as yes / no / skipped; each "what helped" and "what got
//! in the way" option as ticked / not ticked. So a cell's `responses` is the sum of any of
//! its histograms, and a "% positive" is positive over (positive + not positive): its
//! numerator and denominator are different counts, with independent noise.
//!
//! # Names
//! A measure is named by a [`Measure`], never by a string: a count a release stores
//! (`first_time_yes`, `belong_4`) or a figure derived from counts (`belonging_pct_positive`,
//! `better_mean`). Only this module makes one — a constant ([`Measure::RESPONSES`],
//! [`Measure::FIRST_TIME_YES`], …), a constructor from the instrument's typed keys
//! ([`Measure::positive`]`(Index::Belonging)`, [`Measure::mean`]`(Item::Better)`), or
//! [`Measure::stored`] reading a name back from the release tables — so a misspelt measure
//! does not compile, and a stored name that is no measure is an error where it is read
//! ([`crate::view::load`]), not a figure silently missing. The tables keep their text
//! names; [`Measure::name`] is that text. Figures leave the crate with their name as text
//! ([`crate::view::Figure::measure`]); code outside that picks figures by name compares
//! with a `Measure`'s [`Measure::name`].

use std::fmt;
use std::sync::OnceLock;

use domain::i18n::{Lang, Tr};
use domain::instrument::{Helped, Hindered, Index, Item};

/// The name of a measure: a count a release stores, or a figure derived from counts (see
/// the module docs). Ordered as its name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Measure(&'static str);

impl Measure {
    /// The derived total of a cell: the sum of each of its histograms.
    pub const RESPONSES: Measure = Measure("responses");
    pub const FIRST_TIME_YES: Measure = Measure("first_time_yes");
    pub const FIRST_TIME_NO: Measure = Measure("first_time_no");
    pub const FIRST_TIME_SKIPPED: Measure = Measure("first_time_skipped");
    /// `Measure::pct_positive(Index::Belonging)`, as a constant for constant lists.
    pub const BELONGING_PCT_POSITIVE: Measure = Measure("belonging_pct_positive");
    /// `Measure::pct_positive(Index::Safety)`, as a constant for constant lists.
    pub const SAFETY_PCT_POSITIVE: Measure = Measure("safety_pct_positive");
    /// `Measure::mean(Item::Better)`, as a constant for constant lists.
    pub const BETTER_MEAN: Measure = Measure("better_mean");

    /// Its name, as the release tables, exports and figures write it.
    pub const fn name(self) -> &'static str {
        self.0
    }

    /// The measure a release stores under `name`: one of [`measures`], or an index's
    /// `_scored` count, which releases of the first plan stored. `None` for any other name.
    pub fn stored(name: &str) -> Option<Measure> {
        let measure = Measure::known(name)?;
        let scored = Index::ALL
            .into_iter()
            .any(|i| measure == Measure::scored(i));
        (position(measure).is_some() || scored).then_some(measure)
    }

    /// An index's positive count: responses whose score is positive.
    pub fn positive(index: Index) -> Measure {
        Measure::of(index.key(), "positive")
    }

    pub fn not_positive(index: Index) -> Measure {
        Measure::of(index.key(), "not_positive")
    }

    pub fn not_scored(index: Index) -> Measure {
        Measure::of(index.key(), "not_scored")
    }

    /// Responses with a score for an index (positive + not positive): derived under the
    /// measurement plan, stored by the first plan.
    pub fn scored(index: Index) -> Measure {
        Measure::of(index.key(), "scored")
    }

    /// An index's "% positive" (derived).
    pub fn pct_positive(index: Index) -> Measure {
        Measure::of(index.key(), "pct_positive")
    }

    /// The counts of an item's answers 1 to 5, in that order.
    pub fn answers(item: Item) -> [Measure; 5] {
        ["1", "2", "3", "4", "5"].map(|answer| Measure::of(item.key(), answer))
    }

    pub fn skipped(item: Item) -> Measure {
        Measure::of(item.key(), "skipped")
    }

    /// An item's mean answer (derived).
    pub fn mean(item: Item) -> Measure {
        Measure::of(item.key(), "mean")
    }

    /// Responses that ticked the option: named as its column is (`helped_listened`).
    pub fn ticked(choice: Choice) -> Measure {
        Measure::known(&choice.column()).expect("every option's column is a measure")
    }

    pub fn unticked(choice: Choice) -> Measure {
        Measure::of(&choice.column(), "unticked")
    }

    /// The share of responses that ticked the option, in % (derived).
    pub fn pct(choice: Choice) -> Measure {
        Measure::of(&choice.column(), "pct")
    }

    /// `{key}_{suffix}`, which [`names`] lists for every key of the instrument.
    fn of(key: &str, suffix: &str) -> Measure {
        Measure::known(&format!("{key}_{suffix}"))
            .expect("every measure of the instrument's keys is listed in names()")
    }

    /// The measure of a name [`names`] lists.
    fn known(name: &str) -> Option<Measure> {
        let names = names();
        let at = names.binary_search_by(|n| n.as_str().cmp(name)).ok()?;
        Some(Measure(names[at].as_str()))
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// The name of [`Measure::RESPONSES`], for code that compares figures' names as text.
pub const RESPONSES: &str = Measure::RESPONSES.name();

/// Every measure's name, sorted: what a [`Measure`] points into. Each rule here has its
/// constructor in `impl Measure`.
fn names() -> &'static [String] {
    static ALL: OnceLock<Vec<String>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<String> = [
            Measure::RESPONSES,
            Measure::FIRST_TIME_YES,
            Measure::FIRST_TIME_NO,
            Measure::FIRST_TIME_SKIPPED,
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        for index in Index::ALL {
            for suffix in [
                "positive",
                "not_positive",
                "not_scored",
                "scored",
                "pct_positive",
            ] {
                all.push(format!("{}_{suffix}", index.key()));
            }
        }
        for item in Item::ALL {
            for suffix in ["1", "2", "3", "4", "5", "skipped", "mean"] {
                all.push(format!("{}_{suffix}", item.key()));
            }
        }
        for choice in Choice::all() {
            let column = choice.column();
            all.push(format!("{column}_unticked"));
            all.push(format!("{column}_pct"));
            all.push(column);
        }
        all.sort_unstable();
        all
    })
}

/// An option of "what helped" or "what got in the way".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Helped(Helped),
    Hindered(Hindered),
}

impl Choice {
    /// Every option: what helped, then what got in the way, each in the form's order.
    pub fn all() -> impl Iterator<Item = Choice> {
        let helped = Helped::ALL.iter().map(|&c| Choice::Helped(c));
        helped.chain(Hindered::ALL.iter().map(|&c| Choice::Hindered(c)))
    }

    /// Its column: the database's, and the name of the measure that counts it.
    pub fn column(self) -> String {
        match self {
            Choice::Helped(c) => c.column(),
            Choice::Hindered(c) => c.column(),
        }
    }

    /// Its question's key in the form's messages (`helped`, `hindered`).
    fn question(self) -> &'static str {
        match self {
            Choice::Helped(_) => "helped",
            Choice::Hindered(_) => "hindered",
        }
    }

    /// Its own key in the form's messages (`listened`).
    fn key(self) -> &'static str {
        match self {
            Choice::Helped(c) => c.key(),
            Choice::Hindered(c) => c.key(),
        }
    }
}

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
    /// Its bins, in order.
    pub bins: Vec<Measure>,
}

impl Histogram {
    /// The positions of its bins in [`measures`].
    pub fn positions(&self) -> Vec<usize> {
        self.bins
            .iter()
            .map(|&bin| position(bin).expect("measures() lists every histogram's bins"))
            .collect()
    }
}

/// Every histogram, in a fixed order.
pub fn histograms() -> &'static [Histogram] {
    static ALL: OnceLock<Vec<Histogram>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = Vec::new();
        for index in Index::ALL {
            all.push(Histogram {
                name: index.key().into(),
                group: Group::Indices,
                bins: vec![
                    Measure::positive(index),
                    Measure::not_positive(index),
                    Measure::not_scored(index),
                ],
            });
        }
        for item in Item::ALL {
            let mut bins = Measure::answers(item).to_vec();
            bins.push(Measure::skipped(item));
            all.push(Histogram {
                name: item.key().into(),
                group: Group::Items,
                bins,
            });
        }
        all.push(Histogram {
            name: "first_time".into(),
            group: Group::FirstTime,
            bins: vec![
                Measure::FIRST_TIME_YES,
                Measure::FIRST_TIME_NO,
                Measure::FIRST_TIME_SKIPPED,
            ],
        });
        for choice in Choice::all() {
            all.push(Histogram {
                name: choice.column(),
                group: Group::Choices,
                bins: vec![Measure::ticked(choice), Measure::unticked(choice)],
            });
        }
        all
    })
}

/// Every measure a release may store, in a fixed order: `responses`, then every
/// histogram's bins.
pub fn measures() -> &'static [Measure] {
    static ALL: OnceLock<Vec<Measure>> = OnceLock::new();
    ALL.get_or_init(|| {
        std::iter::once(Measure::RESPONSES)
            .chain(histograms().iter().flat_map(|h| h.bins.iter().copied()))
            .collect()
    })
}

/// Every figure derived from counts, in a fixed order: each index's scored count and
/// "% positive", each item's mean, each option's share of responses.
pub fn derived() -> impl Iterator<Item = Measure> {
    Index::ALL
        .into_iter()
        .flat_map(|i| [Measure::scored(i), Measure::pct_positive(i)])
        .chain(Item::ALL.map(Measure::mean))
        .chain(Choice::all().map(Measure::pct))
}

/// Position of a measure in [`measures`] (`None` for a derived one).
pub fn position(measure: Measure) -> Option<usize> {
    measures().iter().position(|&m| m == measure)
}

/// The histogram a measure is a bin of, with the bin's position in it.
pub fn bin_of(measure: Measure) -> Option<(&'static Histogram, usize)> {
    histograms()
        .iter()
        .find_map(|h| h.bins.iter().position(|&b| b == measure).map(|i| (h, i)))
}

/// A measure in plain words, for the data dictionary of exports: each statement, option
/// and question in the words the participant read (the English form), each index with
/// the statements that make it up — never an internal name.
pub fn describe(measure: Measure) -> String {
    describe_in(measure, Lang::En)
}

/// [`describe`] in a staff language (the data dictionary's `meaning` column): the words
/// come from the staff catalog (`dict-*`), the statements and options from the
/// participant form of the same language.
pub fn describe_in(measure: Measure, lang: Lang) -> String {
    let w = Words(lang.tr());
    if measure == Measure::RESPONSES {
        return w.0.get("dict-responses");
    }
    let words = match bin_of(measure) {
        Some((h, i)) => describe_bin(&w, h, i),
        None => describe_derived(&w, measure),
    };
    words.unwrap_or_else(|| measure.to_string())
}

/// The catalog a description is written from.
struct Words(Tr);

impl Words {
    fn say(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.0.args(key, args)
    }

    /// A message of the participant form in this language.
    fn form(&self, key: &str) -> String {
        self.0.get(key)
    }

    /// What a manager calls an index.
    fn index(&self, index: Index) -> String {
        self.0.get(&format!("index-{}", index.key()))
    }

    /// "the 3 belonging statements “I felt like I belonged in this group today.”, … and …".
    fn index_statements(&self, index: Index) -> String {
        let quoted: Vec<String> = index
            .items()
            .map(|item| self.statement(item.key()))
            .collect();
        let list = match quoted.split_last() {
            Some((last, rest)) if !rest.is_empty() => self.say(
                "dict-list-and",
                &[("rest", &rest.join(", ")), ("last", last)],
            ),
            _ => quoted.concat(),
        };
        self.say(
            "dict-statements",
            &[
                ("n", &quoted.len().to_string()),
                ("index", &self.index(index)),
                ("list", &list),
            ],
        )
    }

    /// A statement as the form words it: “I could share as much or as little as I wanted.”
    fn statement(&self, key: &str) -> String {
        format!("“{}”", self.form(&format!("item-{key}")))
    }

    /// An option with its question: “Someone took over” under “What got in the way?”.
    fn option(&self, choice: Choice) -> String {
        let (question, key) = (choice.question(), choice.key());
        let legend = self.form(&format!("{question}-legend"));
        // The question without its "Pick any that fit."
        let asked = legend.split_inclusive('?').next().unwrap_or(&legend);
        self.say(
            "dict-option",
            &[
                ("option", &self.form(&format!("{question}-{key}"))),
                ("question", asked),
            ],
        )
    }
}

/// Bin `i` of histogram `h` in plain words.
fn describe_bin(w: &Words, h: &Histogram, i: usize) -> Option<String> {
    Some(match h.group {
        Group::Indices => {
            let index = index_of(&h.name)?;
            let (words, made_of) = (w.index(index), w.index_statements(index));
            let least = index.min_answered().to_string();
            let all = index.items().count().to_string();
            let key = match i {
                0 => "dict-index-positive",
                1 => "dict-index-not-positive",
                _ => "dict-index-unscored",
            };
            w.say(
                key,
                &[
                    ("index", &words),
                    ("statements", &made_of),
                    ("least", &least),
                    ("all", &all),
                ],
            )
        }
        Group::Items => {
            let statement = w.statement(&h.name);
            match i {
                5 => w.say(
                    "dict-item-skipped",
                    &[("statement", &statement), ("skip", &w.form("scale-skip"))],
                ),
                _ => w.say(
                    "dict-item-answer",
                    &[
                        ("n", &(i + 1).to_string()),
                        ("label", &w.form(&format!("scale-{}", i + 1))),
                        ("statement", &statement),
                    ],
                ),
            }
        }
        Group::FirstTime => {
            let question = w.form("first_time-legend");
            match i {
                0 | 1 => {
                    let answer = w.form(if i == 0 {
                        "first_time-yes"
                    } else {
                        "first_time-no"
                    });
                    w.say(
                        "dict-first-answer",
                        &[("answer", &answer), ("question", &question)],
                    )
                }
                _ => w.say("dict-first-skipped", &[("question", &question)]),
            }
        }
        Group::Choices => {
            let choice = Choice::all().find(|c| c.column() == h.name)?;
            let key = if i == 0 {
                "dict-ticked"
            } else {
                "dict-not-ticked"
            };
            w.say(key, &[("option", &w.option(choice))])
        }
    })
}

/// A derived figure in plain words.
fn describe_derived(w: &Words, measure: Measure) -> Option<String> {
    for index in Index::ALL {
        if measure == Measure::scored(index) {
            return Some(w.say("dict-scored", &[("index", &w.index(index))]));
        }
        if measure == Measure::pct_positive(index) {
            return Some(w.say(
                "dict-pct-positive",
                &[
                    ("index", &w.index(index)),
                    ("statements", &w.index_statements(index)),
                ],
            ));
        }
    }
    if let Some(item) = Item::ALL.into_iter().find(|&i| measure == Measure::mean(i)) {
        return Some(w.say("dict-mean", &[("statement", &w.statement(item.key()))]));
    }
    let choice = Choice::all().find(|&c| measure == Measure::pct(c))?;
    Some(w.say("dict-pct", &[("option", &w.option(choice))]))
}

/// The index a histogram or measure key names (`belonging`, `safety`).
fn index_of(key: &str) -> Option<Index> {
    Index::ALL.into_iter().find(|i| i.key() == key)
}

/// What a manager calls an index, in English.
pub fn index_words(index: Index) -> String {
    Words(Lang::En.tr()).index(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_has_78_counts_with_unique_names() {
        let all = measures();
        assert_eq!(all.len(), 1 + 2 * 3 + 8 * 6 + 3 + 10 * 2);
        let mut names: Vec<&str> = all.iter().map(|m| m.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
        assert_eq!(position(Measure::positive(Index::Belonging)), Some(1));
        assert_eq!(bin_of(Measure::skipped(Item::Belong)).unwrap().1, 5);
    }

    #[test]
    fn measures_keep_the_names_releases_are_stored_under() {
        let mut expected = vec!["responses".to_owned()];
        for index in Index::ALL {
            let k = index.key();
            expected.extend([
                format!("{k}_positive"),
                format!("{k}_not_positive"),
                format!("{k}_not_scored"),
            ]);
        }
        for item in Item::ALL {
            let k = item.key();
            expected.extend((1..=5).map(|b| format!("{k}_{b}")));
            expected.push(format!("{k}_skipped"));
        }
        expected
            .extend(["first_time_yes", "first_time_no", "first_time_skipped"].map(String::from));
        for column in Helped::ALL
            .iter()
            .map(|c| c.column())
            .chain(Hindered::ALL.iter().map(|c| c.column()))
        {
            expected.extend([column.clone(), format!("{column}_unticked")]);
        }
        let names: Vec<&str> = measures().iter().map(|m| m.name()).collect();
        assert_eq!(names, expected);
        for name in &expected {
            assert_eq!(
                Measure::stored(name).map(Measure::name),
                Some(name.as_str())
            );
        }
    }

    #[test]
    fn derived_figures_keep_their_names_and_are_never_read_as_stored() {
        let constants = [
            (
                Measure::BELONGING_PCT_POSITIVE,
                Measure::pct_positive(Index::Belonging),
            ),
            (
                Measure::SAFETY_PCT_POSITIVE,
                Measure::pct_positive(Index::Safety),
            ),
            (Measure::BETTER_MEAN, Measure::mean(Item::Better)),
        ];
        for (constant, made) in constants {
            assert_eq!(constant, made);
        }
        for index in Index::ALL {
            let k = index.key();
            assert_eq!(
                Measure::pct_positive(index).name(),
                format!("{k}_pct_positive")
            );
            assert_eq!(Measure::scored(index).name(), format!("{k}_scored"));
            // The first plan stored `_scored`; nothing stores a "% positive".
            assert_eq!(
                Measure::stored(&format!("{k}_scored")),
                Some(Measure::scored(index))
            );
            assert_eq!(Measure::stored(&format!("{k}_pct_positive")), None);
        }
        for item in Item::ALL {
            assert_eq!(Measure::mean(item).name(), format!("{}_mean", item.key()));
        }
        for choice in Choice::all() {
            assert_eq!(
                Measure::pct(choice).name(),
                format!("{}_pct", choice.column())
            );
        }
        assert_eq!(Measure::stored("first_tme_yes"), None);
        assert_eq!(Measure::stored(""), None);
    }

    #[test]
    fn every_measure_has_words_of_its_own() {
        for measure in measures().iter().copied().chain(derived()) {
            let words = describe(measure);
            assert_ne!(words, measure.name(), "{measure} has no words");
        }
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
