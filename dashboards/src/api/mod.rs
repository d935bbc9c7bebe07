//! The read-only JSON API of released figures, under `/api/v1`, for a funder's or a
//! program's own tools: the releases a token may read, their cells (JSON, or CSV on
//! request) and the data dictionary, described by an OpenAPI document at
//! `/api/v1/openapi.json` (generated from these handlers with utoipa).
//!
//! A token (`token`) reads as a signed-in person of its audience and program: the same
//! stored releases through [`crate::releases::ReleaseCache`], scoped by the same rules as
//! the manager's and the funder's pages (`manager::own_cells`, `funder::seen_by`), and
//! its rows are the rows of every CSV export (`analytics::view::export_rows`). Nothing is
//! computed per request beyond what those pages do; no response is read.
//!
//! No token, or a wrong or revoked one: 401 with a JSON error. A release the token may
//! not read, or one that does not exist: 404, the same answer. Requests are limited per
//! token, in this process (`limit`). No CORS header is sent: a browser page of another
//! site cannot read the API (docs/api.md).
//!
//! # Privacy
//! Like the staff pages, the API logs nothing about a request and stores only the day a
//! token was last used.

mod doc;
mod error;
mod limit;
mod read;
pub mod token;

use axum::Router;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use axum::middleware;
use axum::routing::{MethodRouter, any, get};

pub use limit::ApiLimit;
pub(crate) use limit::Limiter;

use crate::Dashboards;
use error::ApiError;
use token::ApiToken;

/// Every route of the API, as served and as the OpenAPI document must list them.
fn table<S>() -> Vec<(&'static str, MethodRouter<S>)>
where
    S: Clone + Send + Sync + 'static,
    Dashboards: FromRef<S>,
{
    vec![
        ("/api/v1/releases", get(read::releases)),
        ("/api/v1/releases/{period}/cells", get(read::cells)),
        ("/api/v1/dictionary", get(read::dictionary)),
        ("/api/v1/openapi.json", get(doc::openapi)),
    ]
}

/// The routes under `/api/v1`, with the security headers every response of Hearth has;
/// no session layer, no cookies, no CORS.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Dashboards: FromRef<S>,
{
    let mut router = Router::new();
    for (path, method) in table::<S>() {
        router = router.route(path, method);
    }
    router
        .route("/api/v1", any(error::no_route))
        .route("/api/v1/", any(error::no_route))
        .route("/api/v1/{*rest}", any(error::no_route))
        .layer(middleware::from_fn(domain::http::security_headers))
}

/// The token a request carries, checked, within its rate: every handler but the OpenAPI
/// document takes one.
pub(crate) struct Caller(pub ApiToken);

impl<S> FromRequestParts<S> for Caller
where
    S: Send + Sync,
    Dashboards: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Caller, ApiError> {
        let dash = Dashboards::from_ref(state);
        let text = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or(ApiError::Unauthorized(
                "No token: send the header Authorization: Bearer hearth_…",
            ))?
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(ApiError::Unauthorized(
                "The Authorization header must be: Bearer hearth_…",
            ))?;
        let token = token::authenticate(&dash.store, text)
            .await?
            .ok_or(ApiError::Unauthorized(
                "This token is not known, or it has been revoked.",
            ))?;
        dash.api.check(token.id)?;
        Ok(Caller(token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_served_is_in_the_openapi_document() {
        let document = doc::document();
        let listed: Vec<&String> = document.paths.paths.keys().collect();
        let served: Vec<&str> = table::<Dashboards>().into_iter().map(|(p, _)| p).collect();
        for path in &served {
            assert!(listed.iter().any(|l| l == path), "{path} is not documented");
        }
        for path in listed {
            assert!(served.contains(&path.as_str()), "{path} is not served");
        }
    }
}
