//! What an API request can fail with, as JSON: `{"error": "…"}` with the status that says
//! why. An internal error is opaque to the client and logged once by the app's middleware,
//! as on the staff pages.

use std::sync::Arc;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error the API answers with.
#[derive(Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    /// What went wrong, in plain words.
    #[schema(example = "No token: send the header Authorization: Bearer hearth_…")]
    pub error: String,
}

#[derive(Debug)]
pub(crate) enum ApiError {
    /// No token, or one that is unknown or revoked.
    Unauthorized(&'static str),
    /// Nothing there, or nothing this token may read (the two are not told apart).
    NotFound,
    /// A route that does not exist.
    NoRoute,
    BadRequest(String),
    /// Over the token's rate: try again after this many seconds.
    TooMany(u64),
    Internal(String),
}

impl<E: std::error::Error> From<E> for ApiError {
    fn from(error: E) -> ApiError {
        ApiError::Internal(error.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::Unauthorized(message) => {
                let mut response = body(StatusCode::UNAUTHORIZED, message.to_owned());
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"hearth\""),
                );
                return response;
            }
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "Not found: no such release, or not one this token may read.".to_owned(),
            ),
            ApiError::NoRoute => (
                StatusCode::NOT_FOUND,
                "There is no such API route: /api/v1/openapi.json lists them.".to_owned(),
            ),
            ApiError::BadRequest(message) => (StatusCode::BAD_REQUEST, message),
            ApiError::TooMany(seconds) => {
                let mut response = body(
                    StatusCode::TOO_MANY_REQUESTS,
                    format!("Too many requests with this token: try again in {seconds} seconds."),
                );
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                return response;
            }
            ApiError::Internal(error) => {
                let mut response = body(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal server error.".to_owned(),
                );
                response
                    .extensions_mut()
                    .insert(domain::http::InternalError(Arc::new(error)));
                return response;
            }
        };
        body(status, message)
    }
}

fn body(status: StatusCode, error: String) -> Response {
    (status, Json(ErrorBody { error })).into_response()
}

/// Any route under `/api/v1` that does not exist.
pub(crate) async fn no_route() -> ApiError {
    ApiError::NoRoute
}
