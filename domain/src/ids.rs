//! Row ids as types: a program's id is a [`ProgramId`], never a bare number, so passing a
//! circle's id where a program's is wanted fails to compile.
//!
//! Each is a transparent wrapper of the stored `integer`: it binds and reads as an `i32`
//! through `sqlx` (on the `Any` driver both stores use), serialises as the bare number,
//! prints as the number (in URLs and audit details) and parses from it (`FromStr`, for a
//! path segment). [`get`](ProgramId::get) shows the number to the few places that must
//! do arithmetic or hand it to a library that wants an `i32`.

use std::fmt;
use std::num::ParseIntError;
use std::str::FromStr;

macro_rules! row_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone,
            Copy,
            Debug,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            sqlx::Type,
            serde::Serialize,
            serde::Deserialize,
        )]
        #[sqlx(transparent)]
        #[serde(transparent)]
        pub struct $name(i32);

        impl $name {
            /// The id of a stored row, as read from its `id` column.
            pub const fn new(id: i32) -> Self {
                Self(id)
            }

            /// The stored number, for the few places that must see it.
            pub const fn get(self) -> i32 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }
    };
}

row_id!(
    /// A row of `program`.
    ProgramId
);
row_id!(
    /// A row of `circle` (a group within a program).
    CircleId
);
row_id!(
    /// A row of `session` (one meeting of a circle).
    SessionId
);
row_id!(
    /// A row of `staff_user`.
    StaffId
);
row_id!(
    /// A row of `action_taken` ("you said, we did").
    ActionId
);
row_id!(
    /// A row of `data_release`.
    ReleaseId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_parses_as_the_number() {
        let id = ProgramId::new(42);
        assert_eq!(id.to_string(), "42");
        assert_eq!("42".parse::<ProgramId>(), Ok(id));
        assert_eq!(id.get(), 42);
        assert!("4x".parse::<CircleId>().is_err());
        assert!("".parse::<SessionId>().is_err());
        assert!("99999999999".parse::<StaffId>().is_err());
    }

    #[tokio::test]
    async fn binds_and_reads_as_an_integer_on_the_any_driver() {
        sqlx::any::install_default_drivers();
        // One connection: each connection to `sqlite::memory:` is a database of its own.
        let pool = sqlx::any::AnyPoolOptions::new()
            .max_connections(1)
            .connect("sqlite::memory:")
            .await
            .expect("an in-memory SQLite database");
        sqlx::query("create table t (id integer primary key, program_id integer)")
            .execute(&pool)
            .await
            .expect("create");
        sqlx::query("insert into t (id, program_id) values ($1, $2)")
            .bind(CircleId::new(7))
            .bind(Some(ProgramId::new(3)))
            .execute(&pool)
            .await
            .expect("insert");
        let (id, program): (CircleId, Option<ProgramId>) =
            sqlx::query_as("select id, program_id from t")
                .fetch_one(&pool)
                .await
                .expect("read back");
        assert_eq!((id, program), (CircleId::new(7), Some(ProgramId::new(3))));
    }
}
