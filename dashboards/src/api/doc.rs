//! The OpenAPI document of the API, generated from the handlers' annotations (utoipa),
//! served at `/api/v1/openapi.json` without a token: it describes, it holds no figure.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::error::{ApiError, ErrorBody};
use super::read;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Hearth API",
        description = "Released figures of Hearth, read-only: what a signed-in manager or funder sees. \
                       Send a token made by an admin as `Authorization: Bearer hearth_…`.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(read::releases, read::cells, read::dictionary, openapi),
    components(schemas(
        read::ReleaseList,
        read::ReleaseEntry,
        read::Cells,
        read::Cell,
        read::Words,
        read::Meaning,
        ErrorBody
    )),
    modifiers(&BearerToken)
)]
struct ApiDoc;

/// The `token` security scheme the paths name: a bearer token.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "token",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
            );
        }
    }
}

pub(crate) fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// This document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "dictionary",
    responses((status = 200, description = "The OpenAPI 3.1 document of this API", content_type = "application/json"))
)]
pub(crate) async fn openapi() -> Result<Response, ApiError> {
    let json = document().to_pretty_json()?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        json,
    )
        .into_response())
}
