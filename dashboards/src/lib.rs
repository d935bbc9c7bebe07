//! Hearth's dashboards: everything staff see — sign-in, and the facilitator, manager,
//! funder and admin pages — rendered on the server with askama, usable without
//! JavaScript, on a phone, a desktop and paper.
//!
//! What it owns: staff accounts and their sign-in sessions, who may see what (roles
//! scoped to programs), and how released figures are drawn (charts are SVG from plotters,
//! QR codes SVG from `qrcode`).
//!
//! What it must never do: read a response. Every figure comes from a stored release
//! through `analytics::view`; the one live number, the count of responses so far of an
//! open session, is the session's counter, shown only to the staff account that opened it
//! (`domain::catalog::Session::live_count`). It does not import the analytics pipeline, and
//! participant routes never pass through its session layer. The one write of answers
//! here is paper forms typed in by data entry (`paper`), through the collector's one entry
//! point for staff, `collector::paper::save_stack` (the participant form's checks and
//! insert path); nothing reads them back. It never imports `collector::web` or any other
//! crate's routes: the HTTP pieces both sides share are in `domain::http`.

pub mod access;
pub mod account;
mod actions;
mod admin;
pub mod api;
mod attempts;
mod attention;
mod auth;
pub mod charts;
mod device;
mod facilitator;
pub mod factor;
mod first_release;
mod funder;
mod hashing;
mod home;
pub mod links;
mod manager;
pub mod notify;
mod once;
mod page;
mod paper;
mod password;
mod releases;
mod second_factor;
mod session_store;
pub mod sso;
mod words;

use std::sync::Arc;

use axum::Router;
use axum::extract::FromRef;
use axum::middleware;
use axum::routing::{get, post};
use axum_csrf::{CsrfConfig, Key, SameSite};
use domain::{Store, hex};
use tower_sessions::{Expiry, SessionManagerLayer};

pub use access::Area;
pub use account::{Role, StaffUser};
pub use api::ApiLimit;
pub use auth::{ONE_TIME_PASSWORD_HOURS, SignInLimits};
pub use factor::FactorKey;

/// The dashboards' part of the application state.
#[derive(Clone)]
pub struct Dashboards {
    pub store: Store,
    /// Where participants' links and QR codes point, and whether phones can follow them.
    pub address: links::PublicAddress,
    /// Hours after a month ends before `hearth serve` releases it by itself (see
    /// `analytics::schedule`): what pages say about when figures come.
    pub release_grace_hours: u32,
    /// Whether release digests can be sent (an SMTP server is set up: `hearth::notify`).
    pub mail: bool,
    csrf: CsrfConfig,
    secure_cookies: bool,
    limits: SignInLimits,
    /// Signs the tokens of browsers that have signed in before (`device`).
    device: device::DeviceKey,
    /// Seals authenticator secrets (`factor`); `None`: they are stored as they are.
    factor_key: Option<FactorKey>,
    releases: releases::ReleaseCache,
    /// Single sign-on, when set up (`with_single_sign_on`).
    sso: Option<Arc<sso::SingleSignOn>>,
    /// Requests per API token, counted in this process (`api`).
    api: api::Limiter,
}

impl std::fmt::Debug for Dashboards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dashboards")
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}

impl Dashboards {
    /// Builds the state over a migrated store: reads (or makes, on first start) the
    /// secrets staff forms are protected with. `address` is where links point (a
    /// [`links::PublicAddress`], or a base URL already chosen); cookies are `Secure` when
    /// it is https.
    pub async fn new(
        store: Store,
        address: impl Into<links::PublicAddress>,
        limits: SignInLimits,
    ) -> Result<Dashboards, sqlx::Error> {
        let address = address.into();
        let key = secret(&store, "csrf_key", 64).await?;
        let salt = secret(&store, "csrf_salt", 32).await?;
        let device_key = secret(&store, "device_key", 32).await?;
        let secure_cookies = address.is_https();
        let csrf = CsrfConfig::default()
            .with_key(Some(Key::from(&key)))
            .with_salt(hex::encode(&salt))
            .with_cookie_name("hearth_csrf")
            .with_cookie_path("/staff")
            .with_http_only(true)
            .with_secure(secure_cookies)
            .with_cookie_same_site(SameSite::Strict)
            .with_lifetime(time::Duration::hours(12));
        Ok(Dashboards {
            store,
            address,
            release_grace_hours: analytics::schedule::DEFAULT_GRACE_HOURS,
            mail: false,
            csrf,
            secure_cookies,
            limits,
            device: device::DeviceKey::new(device_key),
            factor_key: None,
            releases: releases::ReleaseCache::default(),
            sso: None,
            api: api::Limiter::new(ApiLimit::default()),
        })
    }

    /// Offers "Sign in with your work account" through an OpenID provider (`sso`).
    pub fn with_single_sign_on(
        mut self,
        settings: sso::SsoSettings,
    ) -> Result<Dashboards, sso::SsoError> {
        self.sso = Some(sso::build(settings, &self.address)?);
        Ok(self)
    }

    /// Seals authenticator secrets under `key` from now on (every instance on one store
    /// must be given the same key).
    pub fn with_second_factor_key(mut self, key: Option<FactorKey>) -> Dashboards {
        self.factor_key = key;
        self
    }

    /// Limits each API token to `limit` requests a minute (in this process).
    pub fn with_api_limit(mut self, limit: ApiLimit) -> Dashboards {
        self.api = api::Limiter::new(limit);
        self
    }

    /// Loads recent releases into memory in the background (needs a tokio runtime).
    pub fn spawn_warm_up(&self) {
        let (releases, store) = (self.releases.clone(), self.store.clone());
        tokio::spawn(async move {
            match releases.warm(&store).await {
                Ok(n) => tracing::debug!(releases = n, "releases loaded for the staff pages"),
                Err(error) => tracing::warn!(error = %error, "could not preload releases"),
            }
        });
    }
}

/// A server secret of `len` random bytes, made once and shared by every instance.
async fn secret(store: &Store, name: &str, len: usize) -> Result<Vec<u8>, sqlx::Error> {
    use rand::RngExt;
    let fresh: Vec<u8> = (0..len).map(|_| rand::rng().random()).collect();
    sqlx::query(
        "insert into staff_secret (name, value) values ($1, $2) on conflict (name) do nothing",
    )
    .bind(name)
    .bind(hex::encode(&fresh))
    .execute(store.pool())
    .await?;
    let stored: String = sqlx::query_scalar("select value from staff_secret where name = $1")
        .bind(name)
        .fetch_one(store.pool())
        .await?;
    hex::decode(&stored)
        .ok_or_else(|| sqlx::Error::Decode(format!("staff_secret.{name} is not hex").into()))
}

/// Every staff page: `/staff/…`. Sign-in sessions and CSRF checks cover these routes
/// only; participant routes never see a staff cookie or set one.
pub fn routes<S>(state: &Dashboards) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Dashboards: FromRef<S>,
{
    let sessions = SessionManagerLayer::new(session_store::StaffSessions(state.store.clone()))
        .with_name("hearth_staff")
        .with_path("/staff")
        .with_http_only(true)
        .with_same_site(tower_sessions::cookie::SameSite::Lax)
        .with_secure(state.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(8)));
    Router::new()
        .route("/staff", get(home::home))
        .route(
            "/staff/sign-in",
            get(auth::sign_in_form).post(auth::sign_in),
        )
        .route(
            "/staff/sign-in/code",
            get(second_factor::code_form).post(second_factor::code),
        )
        .route("/staff/sign-out", post(auth::sign_out))
        .route("/staff/sso", get(sso::start))
        .route(sso::CALLBACK_PATH, get(sso::callback))
        .route(
            "/staff/sessions",
            get(facilitator::sessions).post(facilitator::open),
        )
        .route("/staff/sessions/{code}", get(facilitator::session))
        .route("/staff/sessions/{code}/tickets", get(facilitator::tickets))
        .route(
            "/staff/sessions/{code}/close",
            get(facilitator::confirm_close).post(facilitator::close),
        )
        .route(
            "/staff/sessions/{code}/replace-cards",
            get(facilitator::confirm_replace).post(facilitator::replace),
        )
        .route("/staff/sessions/{code}/paper", get(paper::print))
        .route("/staff/entry", get(paper::sessions))
        .route("/staff/entry/{code}", get(paper::entry).post(paper::enter))
        .route("/staff/programs/{program}", get(manager::overview))
        .route(
            "/staff/programs/{program}/circles/{circle}",
            get(manager::circle),
        )
        .route("/staff/programs/{program}/report", get(manager::report))
        .route("/staff/programs/{program}/csv", get(manager::csv))
        .route(
            "/staff/programs/{program}/dictionary.csv",
            get(manager::dictionary),
        )
        .route(
            "/staff/programs/{program}/actions",
            get(actions::list).post(actions::create),
        )
        .route(
            "/staff/programs/{program}/actions/{id}",
            get(actions::show).post(actions::edit),
        )
        .route(
            "/staff/programs/{program}/actions/{id}/publish",
            post(actions::publish),
        )
        .route(
            "/staff/programs/{program}/actions/{id}/archive",
            get(actions::confirm_archive).post(actions::archive),
        )
        .route("/staff/reports", get(funder::reports))
        .route("/staff/reports/{quarter}", get(funder::report))
        .route("/staff/reports/{quarter}/csv", get(funder::csv))
        .route(
            "/staff/reports/{quarter}/dictionary.csv",
            get(funder::dictionary),
        )
        .route("/staff/admin", get(admin::catalog))
        .route("/staff/admin/programs", post(admin::add_program))
        .route("/staff/admin/circles", post(admin::add_circle))
        .route(
            "/staff/admin/programs/{id}/rename",
            get(admin::rename_program_form).post(admin::rename_program),
        )
        .route(
            "/staff/admin/programs/{id}/language",
            get(admin::program_language_form).post(admin::set_program_language),
        )
        .route(
            "/staff/admin/circles/{id}/rename",
            get(admin::rename_circle_form).post(admin::rename_circle),
        )
        .route(
            "/staff/admin/{kind}/{id}/archive",
            get(admin::confirm_archive).post(admin::archive),
        )
        .route(
            "/staff/admin/{kind}/{id}/restore",
            get(admin::confirm_restore).post(admin::restore),
        )
        .route("/staff/admin/crisis-line", post(admin::set_crisis_line))
        .route(
            "/staff/admin/users",
            get(admin::users).post(admin::add_user),
        )
        .route(
            "/staff/admin/users/{id}",
            get(admin::edit_user).post(admin::change_user),
        )
        // reset-password, deactivate, remove, reset-second-factor: each asks first.
        .route(
            "/staff/admin/users/{id}/{action}",
            get(admin::confirm_user_action).post(admin::user_action),
        )
        .route(
            "/staff/admin/users/{id}/reactivate",
            post(admin::reactivate_user),
        )
        .route(
            "/staff/account",
            get(password::account_page).post(password::change_password),
        )
        .route("/staff/account/language", post(password::set_language))
        .route("/staff/account/digests", post(password::set_digests))
        .route(
            "/staff/account/second-factor",
            get(second_factor::page).post(second_factor::start),
        )
        .route(
            "/staff/account/second-factor/confirm",
            post(second_factor::confirm),
        )
        .route(
            "/staff/account/second-factor/remove",
            post(second_factor::remove),
        )
        .route(
            "/staff/admin/second-factor",
            post(admin::require_second_factor),
        )
        .route(
            "/staff/admin/privacy",
            get(admin::privacy).post(admin::set_privacy),
        )
        .route("/staff/admin/privacy/preview", post(admin::preview_privacy))
        .route("/staff/admin/retention", post(admin::set_retention))
        .route("/staff/admin/ledger", get(admin::ledger))
        .route("/staff/admin/audit", get(admin::audit))
        .route(
            "/staff/admin/api-tokens",
            get(admin::api_tokens).post(admin::add_api_token),
        )
        .route(
            "/staff/admin/api-tokens/{id}/revoke",
            get(admin::confirm_revoke).post(admin::revoke_api_token),
        )
        .route(
            "/staff/admin/webhooks",
            get(admin::webhooks).post(admin::add_webhook),
        )
        .route(
            "/staff/admin/webhooks/{id}/remove",
            get(admin::confirm_remove_webhook).post(admin::remove_webhook),
        )
        .route("/staff/admin/single-sign-on", get(admin::single_sign_on))
        .route("/staff/assets/staff.css", get(page::stylesheet))
        .route("/staff/", get(page::not_found))
        .route("/staff/{*rest}", get(page::not_found).post(page::not_found))
        .layer(middleware::from_fn_with_state(
            state.csrf.clone(),
            auth::csrf_guard,
        ))
        // Outside the CSRF guard, so its refusals speak the browser's language too.
        .layer(middleware::from_fn(words::with_language))
        .layer(sessions)
        .layer(middleware::from_fn(domain::http::security_headers))
}
