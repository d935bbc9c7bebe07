//! Requests per token, limited in memory (governor's GCRA, keyed by token id): a token
//! over its rate is answered 429 with `Retry-After`. The limit is per `hearth serve`
//! process: behind a balancer with n instances a token gets up to n times the rate
//! (docs/api.md says so).

use std::num::NonZeroU32;
use std::sync::Arc;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::error::ApiError;

/// Requests a token may make per minute (and at once, in a burst).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApiLimit(pub NonZeroU32);

impl Default for ApiLimit {
    /// 60 a minute: a dashboard refreshing every few seconds fits, a scraper does not.
    fn default() -> ApiLimit {
        ApiLimit(NonZeroU32::new(60).expect("60 is not zero"))
    }
}

#[derive(Clone)]
pub(crate) struct Limiter(Arc<DefaultKeyedRateLimiter<i32>>);

impl Limiter {
    pub fn new(limit: ApiLimit) -> Limiter {
        Limiter(Arc::new(RateLimiter::keyed(Quota::per_minute(limit.0))))
    }

    /// Counts a request of token `id`; too many: how long to wait, in whole seconds.
    pub fn check(&self, id: i32) -> Result<(), ApiError> {
        // Tokens not seen for a while are forgotten, so the map stays as small as the
        // number of tokens in use.
        if self.0.len() > 1024 {
            self.0.retain_recent();
        }
        self.0.check_key(&id).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::TooMany(wait.as_secs() + 1)
        })
    }
}
