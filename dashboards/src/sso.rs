//! Single sign-on with OpenID Connect: staff sign in with their work account (Microsoft
//! 365, Google Workspace, Okta, Keycloak… any certified OpenID provider).
//!
//! Whoever runs Hearth names the provider (`--oidc-issuer`, `--oidc-client-id`, the
//! secret in `HEARTH_OIDC_CLIENT_SECRET`) and the e-mail domains it may vouch for
//! (`--oidc-domains`). The flow is the authorization code flow with PKCE (S256), a fresh
//! `state` and `nonce` per attempt kept in the staff session (in the store, so any instance
//! can finish what another started), and the ID token checked by the `openidconnect` crate:
//! signature against the provider's published keys, issuer, audience, expiry and nonce.
//! The provider's discovery document must name the issuer Hearth was given.
//!
//! What it maps: the ID token's e-mail (or the userinfo endpoint's), only when the
//! provider says it is verified (`email_verified`, or Entra's `xms_edov` where that is
//! absent) and only in a listed domain, to the existing Hearth account of that e-mail —
//! whose role and program stay Hearth's. An active account signs in through
//! [`crate::auth::complete_sign_in`], the same door as a password. Nobody gets an account by
//! signing in, unless whoever runs Hearth allowed it (`--oidc-new-accounts
//! ROLE[:PROGRAM]`, never admin); then with that role. A deactivated account is refused
//! here as at the password form.
//!
//! What it never does: keep or log a token (the access token is used once, for the
//! userinfo endpoint when the ID token carries no e-mail, and dropped), keep
//! anything about a person who has no account (their refusal is audited as "unknown", as a
//! wrong e-mail at the password form), or read a client address.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::{self, Action, Actor, Entry};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreProviderMetadata, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, IssuerUrl,
    Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse, reqwest,
};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;
use tower_sessions::Session;

use crate::Dashboards;
use crate::account::{self, AccountError, NewUser, PasswordKind, Role};
use crate::auth::{Csrf, complete_sign_in, safe_next};
use crate::links::PublicAddress;
use crate::page::{Chrome, StaffError, render_with};

/// Where the provider sends people back to: register `{base URL}` + this at the provider.
pub const CALLBACK_PATH: &str = "/staff/sso/callback";
/// The staff-session key of a sign-in under way.
const PENDING_KEY: &str = "sso_pending";
/// How long someone may take at their provider's sign-in page.
const PENDING_FOR: Duration = Duration::from_secs(15 * 60);
/// How long the provider's discovery document and signing keys are kept before being
/// fetched again (providers rotate keys, announcing new ones well ahead).
const METADATA_FOR: Duration = Duration::from_secs(10 * 60);
/// The audit detail of a sign-in through the provider.
const HOW: &str = "single sign-on";

/// What `hearth serve` is told about single sign-on, as given.
#[derive(Clone)]
pub struct SsoSettings {
    /// The issuer: its discovery document is `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    /// `None`: a public client (PKCE only).
    pub client_secret: Option<String>,
    /// The e-mail domains the provider may vouch for (`example.org`).
    pub domains: Vec<String>,
    /// `ROLE` or `ROLE:PROGRAM`: the account a verified e-mail of a listed domain gets
    /// when it has none. `None`: nobody gets an account by signing in.
    pub new_accounts: Option<String>,
}

/// Never prints the secret.
impl std::fmt::Debug for SsoSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SsoSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "***"))
            .field("domains", &self.domains)
            .field("new_accounts", &self.new_accounts)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SsoError {
    #[error(
        "the OpenID issuer (--oidc-issuer or HEARTH_OIDC_ISSUER) {0:?} is not a web address: give the provider's issuer, like https://login.example.org/realms/staff"
    )]
    Issuer(String),
    #[error("single sign-on needs a client id (--oidc-client-id or HEARTH_OIDC_CLIENT_ID)")]
    ClientId,
    #[error(
        "single sign-on needs the e-mail domains the provider may sign in (--oidc-domains or HEARTH_OIDC_DOMAINS, like example.org,example.com)"
    )]
    NoDomain,
    #[error("{0:?} is not an e-mail domain (--oidc-domains), like example.org")]
    Domain(String),
    #[error(
        "single sign-on needs a base URL (--base-url or HEARTH_BASE_URL): the provider sends people back to it"
    )]
    NoBaseUrl,
    #[error(
        "--oidc-new-accounts {0:?}: give a role other than admin, with its program where it needs one, like facilitator:Peer Bridges ({1})"
    )]
    NewAccounts(String, String),
}

/// Single sign-on as configured, with the provider's metadata once fetched.
pub(crate) struct SingleSignOn {
    issuer: IssuerUrl,
    client_id: ClientId,
    secret: Option<ClientSecret>,
    redirect: RedirectUrl,
    domains: Vec<String>,
    new_accounts: Option<NewAccounts>,
    http: reqwest::Client,
    metadata: Mutex<Option<(CoreProviderMetadata, Instant)>>,
}

/// The account someone of a listed domain gets when they have none.
#[derive(Clone, Debug)]
struct NewAccounts {
    role: Role,
    program: Option<String>,
}

impl SingleSignOn {
    /// Checks the settings; fetches nothing yet (the provider may be down at start).
    pub(crate) fn new(
        settings: SsoSettings,
        address: &PublicAddress,
    ) -> Result<SingleSignOn, SsoError> {
        let issuer = IssuerUrl::new(settings.issuer.trim().to_owned())
            .ok()
            .filter(|i| matches!(i.url().scheme(), "https" | "http"))
            .ok_or_else(|| SsoError::Issuer(settings.issuer.clone()))?;
        let client_id = settings.client_id.trim();
        if client_id.is_empty() {
            return Err(SsoError::ClientId);
        }
        let redirect = address
            .link(CALLBACK_PATH)
            .and_then(|l| RedirectUrl::new(l).ok())
            .ok_or(SsoError::NoBaseUrl)?;
        let domains = settings
            .domains
            .iter()
            .flat_map(|d| d.split(','))
            .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
            .filter(|d| !d.is_empty())
            .map(|d| {
                if is_domain(&d) {
                    Ok(d)
                } else {
                    Err(SsoError::Domain(d))
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        if domains.is_empty() {
            return Err(SsoError::NoDomain);
        }
        let new_accounts = settings
            .new_accounts
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(parse_new_accounts)
            .transpose()?;
        // No redirects: a token endpoint that redirects could be made to leak the code.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .expect("a TLS backend is compiled in");
        Ok(SingleSignOn {
            issuer,
            client_id: ClientId::new(client_id.to_owned()),
            secret: settings
                .client_secret
                .filter(|s| !s.is_empty())
                .map(ClientSecret::new),
            redirect,
            domains,
            new_accounts,
            http,
            metadata: Mutex::new(None),
        })
    }

    /// The provider's discovery document (with its keys), fetched at most every
    /// [`METADATA_FOR`]. The crate refuses a document whose `issuer` is not ours.
    async fn client(&self, fresh: bool) -> Result<DiscoveredClient, Refusal> {
        let mut cached = self.metadata.lock().await;
        let metadata = match cached.as_ref() {
            Some((metadata, at)) if !fresh && at.elapsed() < METADATA_FOR => metadata.clone(),
            _ => {
                let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
                    .await
                    .map_err(|error| {
                        tracing::warn!(sso.issuer = %self.issuer.as_str(), error = %error, "single sign-on: the provider's discovery document was refused");
                        Refusal::Provider
                    })?;
                *cached = Some((metadata.clone(), Instant::now()));
                metadata
            }
        };
        Ok(DiscoveredClient::from_provider_metadata(
            metadata,
            self.client_id.clone(),
            self.secret.clone(),
        )
        .set_redirect_uri(self.redirect.clone()))
    }

    /// Whether the provider may vouch for `email`.
    fn serves(&self, email: &str) -> bool {
        email
            .rsplit_once('@')
            .is_some_and(|(_, domain)| self.domains.iter().any(|d| d == domain))
    }
}

/// What the admin page shows of the settings (never the secret).
pub(crate) struct Summary {
    pub issuer: String,
    pub client_id: String,
    pub has_secret: bool,
    /// Comma-separated.
    pub domains: String,
    /// "role facilitator, program Peer Bridges", when accounts may be made.
    pub new_accounts: Option<String>,
}

impl SingleSignOn {
    pub(crate) fn summary(&self) -> Summary {
        Summary {
            issuer: self.issuer.as_str().to_owned(),
            client_id: self.client_id.as_str().to_owned(),
            has_secret: self.secret.is_some(),
            domains: self.domains.join(", "),
            new_accounts: self.new_accounts.as_ref().map(|n| match &n.program {
                Some(p) => format!("role {}, program {p}", n.role),
                None => format!("role {}", n.role),
            }),
        }
    }
}

/// The one claim beyond the standard ones that Hearth reads: Microsoft Entra ID's
/// `xms_edov` ("e-mail domain owner verified"), which Entra sends, as an optional claim,
/// instead of `email_verified`. Read loosely (`true`, `"true"`, `1`): a claim of another
/// shape counts as not verified rather than failing the whole token.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
struct HearthClaims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    xms_edov: Option<serde_json::Value>,
}

impl openidconnect::AdditionalClaims for HearthClaims {}

impl HearthClaims {
    fn domain_owner_verified(&self) -> bool {
        match &self.xms_edov {
            Some(serde_json::Value::Bool(b)) => *b,
            Some(serde_json::Value::Number(n)) => n.as_i64() == Some(1),
            Some(serde_json::Value::String(s)) => s == "true" || s == "1",
            _ => false,
        }
    }
}

type HearthTokenResponse = openidconnect::StandardTokenResponse<
    openidconnect::IdTokenFields<
        HearthClaims,
        openidconnect::EmptyExtraTokenFields,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >,
    CoreTokenType,
>;

/// The client after discovery: an authorization endpoint, and a token endpoint that the
/// document may or may not have named (checked when used).
type DiscoveredClient = openidconnect::Client<
    HearthClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    openidconnect::StandardErrorResponse<CoreErrorResponseType>,
    HearthTokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;

fn is_domain(d: &str) -> bool {
    d.len() <= 253
        && d.contains('.')
        && d.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

fn parse_new_accounts(given: &str) -> Result<NewAccounts, SsoError> {
    let bad = |why: String| SsoError::NewAccounts(given.to_owned(), why);
    let (role, program) = match given.split_once(':') {
        Some((role, program)) => (role.trim(), Some(program.trim())),
        None => (given.trim(), None),
    };
    if Role::parse(role) == Some(Role::Admin) {
        return Err(bad(
            "an admin account is only ever made by another admin".into()
        ));
    }
    // The same rule as every other account: a role with the program it needs.
    // (The program's existence is checked at the first sign-in it serves.)
    NewUser::new("new@example.org", role, program).map_err(|e| bad(e.to_string()))?;
    Ok(NewAccounts {
        role: Role::parse(role).ok_or_else(|| bad("no such role".into()))?,
        program: program.filter(|p| !p.is_empty()).map(str::to_owned),
    })
}

/// A sign-in under way, in the staff session until the provider sends the person back.
#[derive(Serialize, Deserialize)]
struct Pending {
    state: String,
    nonce: String,
    pkce_verifier: String,
    next: String,
    started_unix: i64,
}

/// Why a sign-in through the provider was refused: each a page a person can act on.
#[derive(Debug)]
enum Refusal {
    NotSetUp,
    NoPending,
    State,
    ProviderSaid(String),
    Provider,
    Token,
    Unverified,
    NoEmail,
    Domain,
    NoAccount,
    Deactivated,
}

impl Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Refusal::NotSetUp => StatusCode::NOT_FOUND,
            Refusal::NoPending | Refusal::State | Refusal::ProviderSaid(_) => {
                StatusCode::BAD_REQUEST
            }
            Refusal::Provider => StatusCode::BAD_GATEWAY,
            Refusal::Token
            | Refusal::Unverified
            | Refusal::NoEmail
            | Refusal::Domain
            | Refusal::NoAccount
            | Refusal::Deactivated => StatusCode::FORBIDDEN,
        }
    }

    /// What the page says, in the page's language.
    fn message(&self) -> String {
        let t = crate::words::tr();
        let key = match self {
            Refusal::NotSetUp => "sso-refused-not-set-up",
            Refusal::NoPending => "sso-refused-no-pending",
            Refusal::State => "sso-refused-state",
            Refusal::ProviderSaid(code) => {
                return t.with("sso-refused-provider-said", "code", code);
            }
            Refusal::Provider => "sso-refused-provider",
            Refusal::Token => "sso-refused-token",
            Refusal::Unverified => "sso-refused-unverified",
            Refusal::NoEmail => "sso-refused-no-email",
            Refusal::Domain => "sso-refused-domain",
            Refusal::NoAccount => "sso-refused-no-account",
            Refusal::Deactivated => "sign-in-refused-deactivated",
        };
        t.get(key)
    }

    /// What the audit trail says of it (no token, no e-mail of a non-account).
    fn detail(&self) -> &'static str {
        match self {
            Refusal::NotSetUp | Refusal::NoPending => "single sign-on: no sign-in under way",
            Refusal::State => "single sign-on: state did not match",
            Refusal::ProviderSaid(_) => "single sign-on: the provider refused",
            Refusal::Provider => "single sign-on: the provider could not be used",
            Refusal::Token => "single sign-on: ID token refused",
            Refusal::Unverified => "single sign-on: e-mail not verified",
            Refusal::NoEmail => "single sign-on: no e-mail",
            Refusal::Domain => "single sign-on: e-mail domain not accepted",
            Refusal::NoAccount => "single sign-on: no account has that email",
            Refusal::Deactivated => "single sign-on: account deactivated",
        }
    }
}

#[derive(askama::Template)]
#[template(path = "sso_refused.html")]
struct RefusedPage {
    chrome: Chrome,
    message: String,
}

async fn refuse(
    dash: &Dashboards,
    csrf: Csrf,
    refusal: Refusal,
    account: Option<&str>,
) -> Result<Response, StaffError> {
    // Only refusals after the provider answered are audited: a stale or forged return
    // (no sign-in under way) says nothing about anyone.
    if !matches!(refusal, Refusal::NotSetUp | Refusal::NoPending) {
        let (actor, subject) = match account {
            Some(email) => (Actor::Staff(email), email),
            None => (Actor::Unknown, ""),
        };
        audit::record(
            dash.store.pool(),
            Entry::new(actor, Action::SignInFailed, subject).detail(refusal.detail()),
        )
        .await?;
    }
    tracing::info!(sso.refused = refusal.detail(), "single sign-on refused");
    let page = RefusedPage {
        chrome: Chrome::new(crate::words::tr().get("sso-refused-title"), None, &csrf.0),
        message: refusal.message(),
    };
    render_with(csrf.0, &page).map(|r| (refusal.status(), r).into_response())
}

#[derive(Deserialize)]
pub(crate) struct StartQuery {
    next: Option<String>,
}

/// `GET /staff/sso`: off to the provider, with a fresh state, nonce and PKCE challenge.
pub(crate) async fn start(
    State(dash): State<Dashboards>,
    session: Session,
    csrf: Csrf,
    Query(query): Query<StartQuery>,
) -> Result<Response, StaffError> {
    let Some(sso) = dash.sso.clone() else {
        return refuse(&dash, csrf, Refusal::NotSetUp, None).await;
    };
    let client = match sso.client(false).await {
        Ok(client) => client,
        Err(refusal) => return refuse(&dash, csrf, refusal, None).await,
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .set_pkce_challenge(challenge)
        .url();
    let pending = Pending {
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
        next: safe_next(query.next.as_deref()).to_owned(),
        started_unix: domain::catalog::now_unix(),
    };
    session.insert(PENDING_KEY, pending).await?;
    Ok(Redirect::to(url.as_str()).into_response())
}

#[derive(Deserialize)]
pub(crate) struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /staff/sso/callback`: the provider sends the person back with a code (or an
/// error). The sign-in under way is taken out of the session first, so a return is used
/// once whatever happens next.
pub(crate) async fn callback(
    State(dash): State<Dashboards>,
    session: Session,
    csrf: Csrf,
    headers: axum::http::HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, StaffError> {
    let Some(sso) = dash.sso.clone() else {
        return refuse(&dash, csrf, Refusal::NotSetUp, None).await;
    };
    let pending: Option<Pending> = session.remove(PENDING_KEY).await?;
    let now = domain::catalog::now_unix();
    let Some(pending) =
        pending.filter(|p| now.saturating_sub(p.started_unix) <= PENDING_FOR.as_secs() as i64)
    else {
        return refuse(&dash, csrf, Refusal::NoPending, None).await;
    };
    match verify(&sso, pending_checks(&pending, &query)).await {
        Ok(email) => sign_in_as(&dash, &sso, &session, &headers, csrf, &email, &pending.next).await,
        Err(refusal) => refuse(&dash, csrf, refusal, None).await,
    }
}

/// What the callback must match: the state first (before any request to the provider).
fn pending_checks<'a>(
    pending: &'a Pending,
    query: &'a CallbackQuery,
) -> Result<(&'a Pending, &'a str), Refusal> {
    let state_matches = query
        .state
        .as_deref()
        .is_some_and(|s| constant_time_eq(s.as_bytes(), pending.state.as_bytes()));
    if !state_matches {
        return Err(Refusal::State);
    }
    if let Some(error) = query.error.as_deref() {
        // Only the standard error code is shown, cut to a safe alphabet.
        let code: String = error
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            .take(40)
            .collect();
        return Err(Refusal::ProviderSaid(code));
    }
    match query.code.as_deref() {
        Some(code) if !code.is_empty() => Ok((pending, code)),
        _ => Err(Refusal::ProviderSaid("no code".into())),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Exchanges the code (with the PKCE verifier) and verifies the ID token: signature,
/// issuer, audience, expiry and nonce (`IdToken::claims`). Answers the verified e-mail.
async fn verify(
    sso: &SingleSignOn,
    checked: Result<(&Pending, &str), Refusal>,
) -> Result<String, Refusal> {
    let (pending, code) = checked?;
    let client = sso.client(false).await?;
    let request = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|_| Refusal::Provider)?
        .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()));
    let tokens = request.request_async(&sso.http).await.map_err(|error| {
        // The error names the kind of failure and the provider's error code, never a token.
        tracing::warn!(error = %error, "single sign-on: the code exchange failed");
        Refusal::Token
    })?;
    let id_token = tokens.id_token().ok_or(Refusal::Token)?;
    let nonce = Nonce::new(pending.nonce.clone());
    let claims: openidconnect::IdTokenClaims<HearthClaims, CoreGenderClaim> =
        match id_token.claims(&client.id_token_verifier(), &nonce) {
            Ok(claims) => claims.clone(),
            // Keys may have rotated since the document was fetched: fetch it once more.
            Err(ClaimsVerificationError::SignatureVerification(_)) => {
                let client = sso.client(true).await?;
                id_token
                    .claims(&client.id_token_verifier(), &nonce)
                    .map_err(token_refused)?
                    .clone()
            }
            Err(error) => return Err(token_refused(error)),
        };
    // The e-mail is in the ID token (Google, Okta, Keycloak), or — from providers that
    // keep the ID token small, as the OpenID spec's own default does — at the userinfo
    // endpoint, whose answer the crate checks is about the same subject.
    let (email, verified) = match claims.email() {
        Some(email) => (
            email.as_str().to_owned(),
            verified(claims.email_verified(), claims.additional_claims()),
        ),
        None => {
            let info: openidconnect::UserInfoClaims<HearthClaims, CoreGenderClaim> = client
                .user_info(
                    tokens.access_token().clone(),
                    Some(claims.subject().clone()),
                )
                .map_err(|_| Refusal::NoEmail)?
                .request_async(&sso.http)
                .await
                .map_err(|error| {
                    tracing::warn!(error = %error, "single sign-on: the userinfo request failed");
                    Refusal::Provider
                })?;
            let email = info.email().ok_or(Refusal::NoEmail)?;
            (
                email.as_str().to_owned(),
                verified(info.email_verified(), info.additional_claims()),
            )
        }
    };
    if verified != Some(true) {
        return Err(Refusal::Unverified);
    }
    let email = account::normalize_email(&email).map_err(|_| Refusal::NoEmail)?;
    if !sso.serves(&email) {
        return Err(Refusal::Domain);
    }
    Ok(email)
}

/// Whether the provider vouches for the e-mail: `email_verified`, or — only where that
/// claim is absent — Entra's `xms_edov`.
fn verified(email_verified: Option<bool>, extra: &HearthClaims) -> Option<bool> {
    email_verified.or_else(|| extra.domain_owner_verified().then_some(true))
}

fn token_refused(error: ClaimsVerificationError) -> Refusal {
    // The kind only: the messages may quote claim values.
    let kind = match error {
        ClaimsVerificationError::InvalidNonce(_) => "nonce",
        ClaimsVerificationError::InvalidIssuer(_) => "issuer",
        ClaimsVerificationError::InvalidAudience(_) => "audience",
        ClaimsVerificationError::Expired(_) => "expired",
        ClaimsVerificationError::SignatureVerification(_) => "signature",
        _ => "other",
    };
    tracing::warn!(sso.token = kind, "single sign-on: the ID token was refused");
    Refusal::Token
}

/// The verified e-mail's account, signed in; or, where allowed, a new one first.
async fn sign_in_as(
    dash: &Dashboards,
    sso: &SingleSignOn,
    session: &Session,
    headers: &axum::http::HeaderMap,
    csrf: Csrf,
    email: &str,
    next: &str,
) -> Result<Response, StaffError> {
    let found = account::find_account_by_email(&dash.store, email).await?;
    let account = match (found, &sso.new_accounts) {
        (Some((account, _)), _) if account.active => account,
        (Some((account, _)), _) => {
            let email = account.user.email.clone();
            return refuse(dash, csrf, Refusal::Deactivated, Some(&email)).await;
        }
        (None, None) => return refuse(dash, csrf, Refusal::NoAccount, None).await,
        (None, Some(new)) => match add_account(dash, new, email).await? {
            Some(account) => account,
            None => return refuse(dash, csrf, Refusal::NoAccount, None).await,
        },
    };
    // A new session id at sign-in, as after a password. The provider's own second factor
    // stands for Hearth's: a single sign-on goes straight in.
    session.cycle_id().await?;
    complete_sign_in(dash, session, headers, &account, HOW, next).await
}

/// Makes the account whoever runs Hearth allowed: its password is random and shown to
/// nobody (its owner signs in through the provider; an admin can reset it). `None` when
/// the rule no longer fits (its program was renamed away).
async fn add_account(
    dash: &Dashboards,
    new: &NewAccounts,
    email: &str,
) -> Result<Option<account::Account>, StaffError> {
    let Ok(user) = NewUser::new(email, new.role.key(), new.program.as_deref()) else {
        return Ok(None);
    };
    let password = format!(
        "{}-{}",
        account::one_time_password(),
        account::one_time_password()
    );
    match account::add_account(
        &dash.store,
        Actor::Staff(email),
        &user,
        password,
        PasswordKind::Own,
    )
    .await
    {
        Ok(_) => {}
        // Made meanwhile by another sign-in of the same person: use it.
        Err(AccountError::Taken(_)) => {}
        Err(AccountError::UnknownProgram(program)) => {
            tracing::warn!(sso.program = %program, "single sign-on: --oidc-new-accounts names no program");
            return Ok(None);
        }
        Err(error) => return Err(StaffError::internal(error)),
    }
    Ok(account::find_account_by_email(&dash.store, email)
        .await?
        .map(|(account, _)| account)
        .filter(|a| a.active))
}

/// Turns settings into the state's single sign-on, for [`Dashboards::with_single_sign_on`].
pub(crate) fn build(
    settings: SsoSettings,
    address: &PublicAddress,
) -> Result<Arc<SingleSignOn>, SsoError> {
    SingleSignOn::new(settings, address).map(Arc::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> SsoSettings {
        SsoSettings {
            issuer: "https://login.example.org".into(),
            client_id: "hearth".into(),
            client_secret: Some("s3cret".into()),
            domains: vec!["Example.org, @staff.example.org".into()],
            new_accounts: None,
        }
    }

    #[test]
    fn settings_are_checked_and_the_secret_never_printed() {
        let address = PublicAddress::from("https://hearth.example.org");
        let sso = SingleSignOn::new(settings(), &address).unwrap();
        assert_eq!(
            sso.redirect.as_str(),
            "https://hearth.example.org/staff/sso/callback"
        );
        assert!(sso.serves("lee@example.org"));
        assert!(sso.serves("lee@staff.example.org"));
        assert!(!sso.serves("lee@example.org.evil.test"));
        assert!(!sso.serves("lee@notexample.org"));
        assert!(!format!("{:?}", settings()).contains("s3cret"));

        let no_base = SingleSignOn::new(settings(), &PublicAddress::no_host());
        assert!(matches!(no_base, Err(SsoError::NoBaseUrl)));
        for (bad, expected) in [
            (
                SsoSettings {
                    issuer: "login.example.org".into(),
                    ..settings()
                },
                "issuer",
            ),
            (
                SsoSettings {
                    client_id: " ".into(),
                    ..settings()
                },
                "client id",
            ),
            (
                SsoSettings {
                    domains: vec![],
                    ..settings()
                },
                "e-mail domains",
            ),
            (
                SsoSettings {
                    domains: vec!["exa mple.org".into()],
                    ..settings()
                },
                "not an e-mail domain",
            ),
            (
                SsoSettings {
                    new_accounts: Some("admin".into()),
                    ..settings()
                },
                "only ever made by another admin",
            ),
            (
                SsoSettings {
                    new_accounts: Some("manager".into()),
                    ..settings()
                },
                "must belong to a program",
            ),
            (
                SsoSettings {
                    new_accounts: Some("wizard".into()),
                    ..settings()
                },
                "not a role",
            ),
        ] {
            let error = SingleSignOn::new(bad, &address)
                .err()
                .expect("refused")
                .to_string();
            assert!(error.contains(expected), "{error}");
        }
        let allowed = SsoSettings {
            new_accounts: Some("facilitator:Peer Bridges".into()),
            ..settings()
        };
        let new = SingleSignOn::new(allowed, &address)
            .unwrap()
            .new_accounts
            .unwrap();
        assert_eq!(
            (new.role, new.program.as_deref()),
            (Role::Facilitator, Some("Peer Bridges"))
        );
    }

    #[test]
    fn email_verified_decides_and_entras_claim_only_stands_in_for_it() {
        let edov = |v: serde_json::Value| HearthClaims { xms_edov: Some(v) };
        let none = HearthClaims::default();
        assert_eq!(verified(Some(true), &none), Some(true));
        assert_eq!(verified(Some(false), &edov(true.into())), Some(false));
        assert_eq!(verified(None, &none), None);
        for yes in [
            serde_json::json!(true),
            serde_json::json!("true"),
            serde_json::json!(1),
        ] {
            assert_eq!(verified(None, &edov(yes.clone())), Some(true), "{yes}");
        }
        for no in [
            serde_json::json!(false),
            serde_json::json!("yes"),
            serde_json::json!(0),
            serde_json::json!({}),
        ] {
            assert_eq!(verified(None, &edov(no.clone())), None, "{no}");
        }
    }

    #[test]
    fn a_return_must_carry_the_state_of_the_sign_in_under_way() {
        let pending = Pending {
            state: "abc".into(),
            nonce: "n".into(),
            pkce_verifier: "v".into(),
            next: "/staff".into(),
            started_unix: 0,
        };
        let query = |state: Option<&str>, code: Option<&str>, error: Option<&str>| CallbackQuery {
            state: state.map(Into::into),
            code: code.map(Into::into),
            error: error.map(Into::into),
        };
        assert!(matches!(
            pending_checks(&pending, &query(Some("abd"), Some("c"), None)),
            Err(Refusal::State)
        ));
        assert!(matches!(
            pending_checks(&pending, &query(None, Some("c"), None)),
            Err(Refusal::State)
        ));
        // An error is believed only with the right state (else anyone could show it).
        assert!(matches!(
            pending_checks(&pending, &query(Some("x"), None, Some("access_denied"))),
            Err(Refusal::State)
        ));
        match pending_checks(
            &pending,
            &query(Some("abc"), None, Some("access_denied<script>")),
        ) {
            Err(Refusal::ProviderSaid(code)) => assert_eq!(code, "access_deniedscript"),
            _ => panic!("an error from the provider is a refusal"),
        }
        assert!(matches!(
            pending_checks(&pending, &query(Some("abc"), Some("c"), None)),
            Ok((_, "c"))
        ));
    }
}
