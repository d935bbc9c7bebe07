//! Hearth: anonymous session feedback and climate analytics for peer-support programs.
//!
//! This crate only wires the areas together: the collector's participant routes and the
//! staff dashboards into one router over one state, the server that runs it, and the
//! synthetic demo network. Each area owns its routes, queries and templates.

pub mod backup;
pub mod demo;

use std::io;
use std::net::SocketAddr;

use axum::Router;
use axum::extract::FromRef;
use axum::middleware;
use axum::serve::Listener;
use collector::{Collector, Settings, Store};
use dashboards::{Dashboards, SignInLimits};
use tokio::net::{TcpListener, TcpStream};

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
        .layer(middleware::from_fn(collector::web::log_internal_errors))
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

/// Serves `app` until `shutdown` resolves, then finishes the requests in flight (each
/// accepted response is committed before its 303 goes out).
pub async fn serve(
    listener: PeerlessListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
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
