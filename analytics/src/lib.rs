//! Hearth's analytics: the pipeline that turns stored responses into releases.
pub mod sampler;
