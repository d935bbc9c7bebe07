//! Hearth's analytics: the pipeline that turns stored responses into releases — immutable
//! tables of protected cells, one per closed period — with exact integer noise,
//! suppression, and a ledger of every privacy spend; and the read side that views and
//! exports use.
//!
//! What it must never do: let a raw response, or a count without noise, leave the crate
//! (only `pipeline` reads responses, and it is private); compute anything per request
//! (releases run in batch); import axum.

pub mod budget;
pub mod measure;
pub mod period;
pub(crate) mod pipeline;
pub mod release;
pub mod sampler;
pub mod suppression;
pub mod view;

pub use pipeline::CellKey;
