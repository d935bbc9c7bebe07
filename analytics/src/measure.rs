//! What a release counts in each cell, and how much one response can change it.

use collector::instrument::{Helped, Hindered, Index, Item};

/// Measures are released in groups; each group has its own share of the budget and its
/// own sensitivity (how much adding or removing one response can change its counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Responses,
    Items,
    Indices,
    FirstTime,
    Choices,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Responses,
        Group::Items,
        Group::Indices,
        Group::FirstTime,
        Group::Choices,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Group::Responses => "responses",
            Group::Items => "items",
            Group::Indices => "indices",
            Group::FirstTime => "first_time",
            Group::Choices => "choices",
        }
    }

    pub fn from_key(key: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.key() == key)
    }

    /// L1 sensitivity: the most the group's counts can change, summed, when one response
    /// is added or removed. One response adds 1 to the response count; 1 to one bin of
    /// each of the 8 items it answered; up to 1 to each index's scored and positive counts;
    /// 1 to one side of the first-time split; 1 to each of up to 10 ticked options.
    pub fn l1(self) -> u128 {
        match self {
            Group::Responses | Group::FirstTime => 1,
            Group::Items => Item::ALL.len() as u128,
            Group::Indices => 2 * Index::ALL.len() as u128,
            Group::Choices => (Helped::ALL.len() + Hindered::ALL.len()) as u128,
        }
    }

    /// Squared L2 sensitivity. Every count moves by at most 1, so it equals the L1 bound.
    pub fn l2_squared(self) -> u128 {
        self.l1()
    }
}

/// One released count: its name (a stable key, as in exports) and its group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    pub name: String,
    pub group: Group,
}

/// Every measure of a cell, in a fixed order (the order of a cell's count vector).
pub fn measures() -> &'static [Measure] {
    static ALL: std::sync::OnceLock<Vec<Measure>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = vec![Measure {
            name: "responses".into(),
            group: Group::Responses,
        }];
        for item in Item::ALL {
            for bin in 1..=5 {
                all.push(Measure {
                    name: format!("{}_{bin}", item.key()),
                    group: Group::Items,
                });
            }
        }
        for index in Index::ALL {
            all.push(Measure {
                name: format!("{}_scored", index.key()),
                group: Group::Indices,
            });
            all.push(Measure {
                name: format!("{}_positive", index.key()),
                group: Group::Indices,
            });
        }
        all.push(Measure {
            name: "first_time_yes".into(),
            group: Group::FirstTime,
        });
        all.push(Measure {
            name: "first_time_no".into(),
            group: Group::FirstTime,
        });
        for &c in Helped::ALL {
            all.push(Measure {
                name: c.column(),
                group: Group::Choices,
            });
        }
        for &c in Hindered::ALL {
            all.push(Measure {
                name: c.column(),
                group: Group::Choices,
            });
        }
        all
    })
}

/// Position of a measure in [`measures`].
pub fn position(name: &str) -> Option<usize> {
    measures().iter().position(|m| m.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_has_57_counts_with_unique_names() {
        let all = measures();
        assert_eq!(all.len(), 1 + 40 + 4 + 2 + 10);
        let mut names: Vec<&str> = all.iter().map(|m| m.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
        assert_eq!(position("belong_1"), Some(1));
        assert_eq!(position("hindered_rushed"), Some(56));
    }

    #[test]
    fn sensitivities_bound_one_responses_reach() {
        // The sum over groups is what one response can move in a cell: 1+8+4+1+10.
        assert_eq!(Group::ALL.iter().map(|g| g.l1()).sum::<u128>(), 24);
        for group in Group::ALL {
            let count = measures().iter().filter(|m| m.group == group).count() as u128;
            assert!(group.l1() <= count, "{group:?}");
        }
    }
}
