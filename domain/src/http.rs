//! The HTTP pieces both sides share: security headers, the one log line for an internal
//! error, and content-hashed asset URLs. Participant routes (`collector::web`) and staff
//! routes (`dashboards`) both layer these; neither imports the other's web module.
//!
//! # Privacy
//! [`log_internal_errors`] logs the status and the error alone, never anything about the
//! request (no address, no User-Agent, no path with a ticket in it, no answer).

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// An internal error attached to a response, logged once by [`log_internal_errors`].
#[derive(Clone, Debug)]
pub struct InternalError(pub Arc<String>);

/// Logs the [`InternalError`] of a response, once, with nothing about the request.
pub async fn log_internal_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if let Some(InternalError(error)) = response.extensions().get::<InternalError>() {
        tracing::error!(status = response.status().as_u16(), error = %error, "request failed");
    }
    response
}

/// No script, no framing, no referrer, nothing from elsewhere, and no caching (pages can
/// carry a ticket in their URL). The staff pages send the same.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// An asset's URL with a hash of its content, so a changed asset is never served from a
/// phone's cache and an unchanged one never needs fetching again.
pub fn versioned_url(path: &str, content: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(content.as_bytes());
    let short = crate::hex::encode(&digest[..6]);
    format!("{path}?v={short}")
}
