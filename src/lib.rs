//! Hearth: anonymous session feedback and climate analytics for peer-support programs.
//!
//! This crate only wires the areas together: the collector's participant routes and the
//! staff dashboards into one router over one state, the server that runs it, and the
//! synthetic demo network. Each area owns its routes, queries and templates.

pub mod backup;
pub mod demo;
pub mod notify;

use std::io;
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::FromRef;
use axum::http::StatusCode;
use axum::middleware;
use axum::serve::Listener;
use collector::{Collector, Settings};
use dashboards::{Dashboards, SignInLimits};
use domain::Store;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

/// The one application state; each area takes its part through `FromRef`.
#[derive(Clone, Debug)]
pub struct AppState {
    pub collector: Collector,
    pub dashboards: Dashboards,
}

impl FromRef<AppState> for Dashboards {
    fn from_ref(state: &AppState) -> Dashboards {
        state.dashboards.clone()
    }
}

impl FromRef<AppState> for Collector {
    fn from_ref(state: &AppState) -> Collector {
        state.collector.clone()
    }
}

impl AppState {
    /// Builds the state over a migrated store (starts the response writer). `address` is
    /// where participants' links and QR codes point: a chosen
    /// [`dashboards::links::PublicAddress`], or a base URL such as `https://hearth.test`.
    pub async fn new(
        store: Store,
        settings: Settings,
        address: impl Into<dashboards::links::PublicAddress>,
        limits: SignInLimits,
    ) -> Result<AppState, sqlx::Error> {
        Ok(AppState {
            dashboards: Dashboards::new(store.clone(), address, limits).await?,
            collector: Collector::new(store, settings),
        })
    }
}

/// The whole application. There is deliberately no access-log layer: participant
/// requests are never logged. 5xx causes are logged once, without request details.
pub fn app(state: AppState) -> Router {
    collector::routes()
        .merge(dashboards::routes(&state.dashboards))
        .merge(dashboards::api::routes())
        .layer(middleware::from_fn(domain::http::log_internal_errors))
        .with_state(state)
}

/// A TCP listener that forgets each peer's address as it accepts the connection, so no
/// handler, extractor or middleware can ever see, log or store a client address.
pub struct PeerlessListener(TcpListener);

impl PeerlessListener {
    pub async fn bind(addr: &str) -> io::Result<(PeerlessListener, SocketAddr)> {
        let listener = TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        Ok((PeerlessListener(listener), local))
    }
}

impl Listener for PeerlessListener {
    type Io = TcpStream;
    type Addr = ();

    async fn accept(&mut self) -> (TcpStream, ()) {
        let (io, _peer) = Listener::accept(&mut self.0).await;
        let _ = io.set_nodelay(true);
        (io, ())
    }

    fn local_addr(&self) -> io::Result<()> {
        Ok(())
    }
}

/// What one client can hold of the server, and for how long (`hearth serve
/// --header-timeout --body-timeout --request-timeout --max-connections`; docs/deploy.md,
/// "Timeouts and connections").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServeLimits {
    /// A request's headers must have arrived this long after the connection began to wait
    /// for them (a new connection, or one kept alive after its last answer); else the
    /// connection is closed. hyper's `header_read_timeout`.
    pub header_timeout: Duration,
    /// A request's body may pause this long between two pieces; a longer pause (a
    /// half-sent body) fails its reading, the request is refused and its connection
    /// closed. tower-http's `RequestBodyTimeoutLayer`.
    pub body_timeout: Duration,
    /// From its headers on, a request must have been read and answered within this time
    /// (a body sent a byte at a time included); else it is answered 408 Request Timeout
    /// and its connection closed. tower-http's `TimeoutLayer`. Longer than the slowest
    /// answer Hearth gives: a submission may wait 10 s for the writer, then up to 30 s to
    /// learn whether an interrupted commit landed (`collector::commit`).
    pub request_timeout: Duration,
    /// Connections served at once. Further ones wait in the listen queue, unaccepted (they
    /// hold no file descriptor of the server), until one closes.
    pub max_connections: usize,
}

impl ServeLimits {
    pub const DEFAULT_HEADER_SECONDS: u64 = 10;
    pub const DEFAULT_BODY_SECONDS: u64 = 10;
    pub const DEFAULT_REQUEST_SECONDS: u64 = 60;
    pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
}

impl Default for ServeLimits {
    fn default() -> ServeLimits {
        ServeLimits {
            header_timeout: Duration::from_secs(ServeLimits::DEFAULT_HEADER_SECONDS),
            body_timeout: Duration::from_secs(ServeLimits::DEFAULT_BODY_SECONDS),
            request_timeout: Duration::from_secs(ServeLimits::DEFAULT_REQUEST_SECONDS),
            max_connections: ServeLimits::DEFAULT_MAX_CONNECTIONS,
        }
    }
}

/// Serves `app` with the default [`ServeLimits`] until `shutdown` resolves, then finishes
/// the requests in flight (each accepted response is committed before its 303 goes out).
pub async fn serve(
    listener: PeerlessListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    serve_with(listener, app, shutdown, ServeLimits::default()).await
}

/// [`serve`] within `limits`. axum's own `serve` takes no settings (its documentation
/// sends whoever needs them to hyper), so this is its loop with hyper's HTTP/1 connection
/// builder, given a timer for its header timeout; tower-http's timeouts for a request's
/// body (between its pieces) and for the whole of it; a semaphore permit per connection,
/// taken before accepting (as tokio's `Semaphore` documents for limiting incoming
/// requests); and hyper-util's graceful shutdown. Nothing here sees or logs a client
/// address (the listener has dropped it) or anything of a request.
pub async fn serve_with(
    mut listener: PeerlessListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    limits: ServeLimits,
) -> io::Result<()> {
    let app = app
        .layer(RequestBodyTimeoutLayer::new(limits.body_timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut shutdown = pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let io = tokio::select! {
            (io, ()) = Listener::accept(&mut listener) => io,
            () = &mut shutdown => break,
        };
        let connection =
            http.serve_connection(TokioIo::new(io), TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // An error here is a client that went away or took too long: nothing to say
            // about it, and nothing about the client may be said.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// A database URL fit to print: any password is replaced by `***`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn passwords_never_reach_the_terminal() {
        assert_eq!(
            redact_url("postgres://hearth:s3cret@db:5432/h"),
            "postgres://hearth:***@db:5432/h"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
        assert_eq!(redact_url("sqlite:hearth.db"), "sqlite:hearth.db");
    }
}
