//! What an admin sees of single sign-on: whether it is set up, with which provider, the
//! redirect URI to register there, which e-mail domains it may sign in, and whether it may
//! make accounts. Read-only: the provider and the client secret are server settings
//! (`hearth serve --oidc-*`, `HEARTH_OIDC_CLIENT_SECRET`), the same on every instance;
//! the secret is never shown, only whether one is set.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError};

#[derive(Template)]
#[template(path = "admin_sso.html")]
struct SsoPage {
    chrome: Chrome,
    /// `None`: not set up.
    setup: Option<crate::sso::Summary>,
    /// The redirect URI to register, when there is a base URL.
    redirect_uri: Option<String>,
}

pub(crate) async fn single_sign_on(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let page = SsoPage {
        chrome: signed.chrome(crate::words::tr().get("admin-sso-title")),
        setup: dash.sso.as_ref().map(|sso| sso.summary()),
        redirect_uri: dash.address.link(crate::sso::CALLBACK_PATH),
    };
    signed.render(&page)
}
