//! The instrument: the items a participant is asked, the answers they can give, and the
//! scoring rules that every later stage (analytics, reports) shares.
//!
//! Item keys are stable identifiers: they name form fields, database columns and release
//! measures alike, so a key never changes meaning. A change of wording or of items makes a
//! new [`VERSION`]; every stored response records the version it was answered under.

use std::fmt;

/// The instrument version new responses are recorded under.
pub const VERSION: i16 = 1;

/// A 1–5 agreement rating (strongly disagree … strongly agree).
///
/// Only constructed through [`Rating::try_from`], so any `Rating` held by inner code is valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rating(u8);

impl Rating {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Rating {
    type Error = OutOfRange;

    fn try_from(value: u8) -> Result<Self, OutOfRange> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Rating(value))
        } else {
            Err(OutOfRange)
        }
    }
}

/// A value outside the scale of its item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange;

/// The eight rated items, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Belong,
    Welcome,
    Heard,
    SafeToShare,
    NotJudged,
    Confidential,
    OwnPace,
    Better,
}

impl Item {
    pub const ALL: [Item; 8] = [
        Item::Belong,
        Item::Welcome,
        Item::Heard,
        Item::SafeToShare,
        Item::NotJudged,
        Item::Confidential,
        Item::OwnPace,
        Item::Better,
    ];

    /// The stable key: form field, database column and release measure name.
    pub const fn key(self) -> &'static str {
        match self {
            Item::Belong => "belong",
            Item::Welcome => "welcome",
            Item::Heard => "heard",
            Item::SafeToShare => "safe_to_share",
            Item::NotJudged => "not_judged",
            Item::Confidential => "confidential",
            Item::OwnPace => "own_pace",
            Item::Better => "better",
        }
    }

    pub fn from_key(key: &str) -> Option<Item> {
        Item::ALL.into_iter().find(|item| item.key() == key)
    }

    /// Position in [`Item::ALL`], used to index per-item arrays.
    pub const fn position(self) -> usize {
        self as usize
    }

    pub const fn index(self) -> Option<Index> {
        match self {
            Item::Belong | Item::Welcome | Item::Heard => Some(Index::Belonging),
            Item::SafeToShare | Item::NotJudged | Item::Confidential | Item::OwnPace => {
                Some(Index::Safety)
            }
            Item::Better => None,
        }
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A scored construct made of several items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Index {
    Belonging,
    Safety,
}

impl Index {
    pub const ALL: [Index; 2] = [Index::Belonging, Index::Safety];

    pub const fn key(self) -> &'static str {
        match self {
            Index::Belonging => "belonging",
            Index::Safety => "safety",
        }
    }

    pub fn items(self) -> impl Iterator<Item = Item> {
        Item::ALL
            .into_iter()
            .filter(move |item| item.index() == Some(self))
    }

    /// How many of the index's items must be answered for the index to be scored: at
    /// least two thirds of them, rounded up (MHSIP convention).
    pub fn min_answered(self) -> usize {
        (2 * self.items().count()).div_ceil(3)
    }
}

/// The mean above which an index counts as positive (MHSIP: mean > 3.5).
/// Compared exactly: `sum / answered > 7/2` is `2 * sum > 7 * answered`.
pub fn is_positive(sum: u32, answered: u32) -> bool {
    2 * sum > 7 * answered
}

/// Declares a multi-select question: its options, their keys and the column prefix.
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The database column (and release measure) that counts this option.
            pub const COLUMN_PREFIX: &'static str = $prefix;

            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|c| c.key() == key)
            }

            pub fn column(self) -> String {
                format!("{}_{}", Self::COLUMN_PREFIX, self.key())
            }

            const fn bit(self) -> u8 {
                1 << (self as u8)
            }
        }
    };
}

choices!(
    /// What helped today (multi-select).
    Helped, "helped", {
        Listened => "listened",
        Stories => "stories",
        GroundRules => "ground_rules",
        Welcome => "welcome",
        Facilitator => "facilitator",
    }
);

choices!(
    /// What got in the way today (multi-select).
    Hindered, "hindered", {
        Dominated => "dominated",
        Advice => "advice",
        Judged => "judged",
        Privacy => "privacy",
        Rushed => "rushed",
    }
);

/// One participant's answers. Every field may be empty: every item can be skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    ratings: [Option<Rating>; 8],
    /// `Some(true)`: first time at this group; `Some(false)`: returning; `None`: skipped.
    pub first_time: Option<bool>,
    helped: u8,
    hindered: u8,
}

impl Answers {
    pub fn rating(&self, item: Item) -> Option<Rating> {
        self.ratings[item.position()]
    }

    pub fn set_rating(&mut self, item: Item, rating: Option<Rating>) {
        self.ratings[item.position()] = rating;
    }

    pub fn helped(&self, choice: Helped) -> bool {
        self.helped & choice.bit() != 0
    }

    pub fn set_helped(&mut self, choice: Helped) {
        self.helped |= choice.bit();
    }

    pub fn hindered(&self, choice: Hindered) -> bool {
        self.hindered & choice.bit() != 0
    }

    pub fn set_hindered(&mut self, choice: Hindered) {
        self.hindered |= choice.bit();
    }

    /// True when nothing at all was answered.
    pub fn is_empty(&self) -> bool {
        *self == Answers::default()
    }

    /// The index score of this response: `Some((sum, answered))` when at least two thirds
    /// of the index's items were answered, else `None` (not scored).
    pub fn index_score(&self, index: Index) -> Option<(u32, u32)> {
        let answered: Vec<u32> = index
            .items()
            .filter_map(|item| self.rating(item))
            .map(|r| u32::from(r.get()))
            .collect();
        (answered.len() >= index.min_answered())
            .then(|| (answered.iter().sum(), answered.len() as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_outside_one_to_five_are_refused() {
        assert!(Rating::try_from(0).is_err());
        assert!(Rating::try_from(6).is_err());
        assert_eq!(Rating::try_from(3).map(Rating::get), Ok(3));
    }

    #[test]
    fn every_item_key_round_trips_and_is_unique() {
        for item in Item::ALL {
            assert_eq!(Item::from_key(item.key()), Some(item));
            assert_eq!(Item::ALL[item.position()], item);
        }
        assert_eq!(Item::from_key("bogus"), None);
    }

    #[test]
    fn indices_need_two_thirds_of_their_items() {
        assert_eq!(Index::Belonging.items().count(), 3);
        assert_eq!(Index::Belonging.min_answered(), 2);
        assert_eq!(Index::Safety.items().count(), 4);
        assert_eq!(Index::Safety.min_answered(), 3);
    }

    #[test]
    fn an_index_is_scored_only_with_enough_answers() {
        let mut a = Answers::default();
        a.set_rating(Item::Belong, Rating::try_from(4).ok());
        assert_eq!(a.index_score(Index::Belonging), None);
        a.set_rating(Item::Heard, Rating::try_from(5).ok());
        assert_eq!(a.index_score(Index::Belonging), Some((9, 2)));
    }

    #[test]
    fn positive_means_a_mean_strictly_above_three_and_a_half() {
        assert!(!is_positive(7, 2)); // mean 3.5
        assert!(is_positive(8, 2)); // mean 4.0
        assert!(!is_positive(10, 3)); // 3.33
        assert!(is_positive(11, 3)); // 3.67
    }

    #[test]
    fn multi_select_choices_are_independent() {
        let mut a = Answers::default();
        a.set_helped(Helped::Stories);
        a.set_hindered(Hindered::Rushed);
        assert!(a.helped(Helped::Stories));
        assert!(!a.helped(Helped::Listened));
        assert!(a.hindered(Hindered::Rushed));
        assert_eq!(Helped::GroundRules.column(), "helped_ground_rules");
        assert!(!a.is_empty());
    }
}
