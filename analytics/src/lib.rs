//! Hearth's analytics: the pipeline that turns stored responses into releases.
pub mod budget;
pub mod measure;
pub mod period;
pub(crate) mod pipeline;
pub mod sampler;
