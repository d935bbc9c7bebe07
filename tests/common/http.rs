//! Requests to the whole app as a router, without a socket (`oneshot`), with a browser's
//! cookie jar and the staff sign-in — shared by the dashboard tests and the dashboards
//! benchmark (`benches/dashboards.rs` includes this file).
#![allow(dead_code)]

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

/// A browser's cookies, as far as the tests need them.
#[derive(Clone, Default, Debug)]
pub struct Jar(pub BTreeMap<String, String>);

impl Jar {
    pub fn header(&self) -> String {
        self.0
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn take(&mut self, response: &axum::http::Response<Body>) {
        for value in response.headers().get_all(header::SET_COOKIE) {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.0.insert(name.to_owned(), value.to_owned());
        }
    }
}

/// A response as the tests read it.
pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

pub async fn send(app: &Router, jar: &mut Jar, request: Request<Body>) -> Page {
    let response = app.clone().oneshot(request).await.unwrap();
    jar.take(&response);
    let status = response.status();
    let headers = response.headers().clone();
    let location = headers
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_owned());
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Page {
        status,
        location,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get(app: &Router, jar: &mut Jar, path: &str) -> Page {
    let request = Request::get(path)
        .header(header::COOKIE, jar.header())
        .body(Body::empty())
        .unwrap();
    send(app, jar, request).await
}

pub async fn post(app: &Router, jar: &mut Jar, path: &str, fields: &[(&str, &str)]) -> Page {
    post_in(app, jar, None, path, fields).await
}

/// A GET from a browser that asks for `accept_language`.
pub async fn get_in(app: &Router, jar: &mut Jar, path: &str, accept_language: &str) -> Page {
    let request = Request::get(path)
        .header(header::COOKIE, jar.header())
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap();
    send(app, jar, request).await
}

/// A form posted by a browser that asks for `accept_language` (none: no such header).
pub async fn post_in(
    app: &Router,
    jar: &mut Jar,
    accept_language: Option<&str>,
    path: &str,
    fields: &[(&str, &str)],
) -> Page {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let mut request = Request::post(path)
        .header(header::COOKIE, jar.header())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(lang) = accept_language {
        request = request.header(header::ACCEPT_LANGUAGE, lang);
    }
    send(app, jar, request.body(Body::from(body)).unwrap()).await
}

/// The CSRF token of the first form on a page (base64: nothing in it is HTML-escaped).
pub fn token(html: &str) -> String {
    let marker = "name=\"authenticity_token\" value=\"";
    let at = html.find(marker).expect("a form with a token") + marker.len();
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// Signs in through the sign-in form, as a browser does; returns the browser's cookies
/// (`hearth_csrf` and `hearth_staff`).
pub async fn sign_in(app: &Router, email: &str, password: &str) -> Jar {
    let mut jar = Jar::default();
    let form = get(app, &mut jar, "/staff/sign-in").await;
    assert_eq!(form.status, StatusCode::OK);
    let token = token(&form.body);
    let done = post(
        app,
        &mut jar,
        "/staff/sign-in",
        &[
            ("authenticity_token", &token),
            ("email", email),
            ("password", password),
        ],
    )
    .await;
    assert_eq!(
        done.status,
        StatusCode::SEE_OTHER,
        "signing in as {email}: {}",
        done.body
    );
    jar
}
