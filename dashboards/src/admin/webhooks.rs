//! Webhooks on release (`crate::notify::webhook`): an admin registers a receiver's URL
//! (its signing secret shown once, on the page the form leads to, then gone), sees every
//! URL and the delivery log (one row per release and receiver: never per response or per
//! session), and removes a URL after a confirmation. The page also says whether release
//! digests can go out at all (an SMTP server is set up). Every change is audited
//! (`notify::webhook`).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::Actor;
use domain::catalog::now_unix;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::notify::outbox::{self, Kind, Message, State as Delivery};
use crate::notify::webhook::WebhookError;
use crate::notify::webhook::{self, Webhook};
use crate::page::{Chrome, StaffError};
use crate::words::tr;

const WEBHOOKS: &str = "/staff/admin/webhooks";
/// The note shown once after a change.
const NOTE_KEY: &str = "admin.webhooks.note";
/// A new URL's secret waiting to be shown, once.
const SHOWN_KEY: &str = "admin.webhooks.shown";
/// Rows of the delivery log shown.
const LOG_ROWS: i64 = 50;

/// A new webhook's URL and secret, between the POST that made it and the one page that
/// shows it.
#[derive(Serialize, Deserialize)]
struct Shown {
    url: String,
    secret: String,
}

/// One row of the delivery log, in words.
struct LogRow {
    period: String,
    receiver: String,
    state: String,
    attempts: i32,
    last_status: String,
    when: String,
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "admin_webhooks.html")]
struct WebhooksPage {
    chrome: Chrome,
    mail_ready: bool,
    hooks: Vec<(Webhook, String)>,
    log: Vec<LogRow>,
    note: Option<String>,
    shown: Option<Shown>,
    problem: Option<String>,
    typed: String,
}

/// Unix seconds as a UTC minute ("2026-12-05 14:03 UTC"): staff bookkeeping of
/// deliveries, never anything of a participant.
fn minute(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0).map_or_else(
        || "—".to_owned(),
        |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

fn log_row(message: Message, hooks: &[Webhook]) -> LogRow {
    let receiver = hooks
        .iter()
        .find(|h| h.id == message.target)
        .map_or_else(|| tr().get("webhooks-receiver-removed"), |h| h.url.clone());
    let state = tr().get(match message.state {
        Delivery::Pending => "webhooks-state-pending",
        Delivery::Sending => "webhooks-state-sending",
        Delivery::Sent => "webhooks-state-sent",
        Delivery::Failed => "webhooks-state-failed",
    });
    let next = (message.state == Delivery::Pending).then(|| minute(message.next_attempt_at));
    LogRow {
        period: message.period,
        receiver,
        state,
        attempts: message.attempts,
        last_status: message.last_status,
        when: minute(message.updated_at),
        next,
    }
}

async fn webhooks_page(
    dash: &Dashboards,
    signed: &Signed,
    typed: String,
    problem: Option<String>,
) -> Result<WebhooksPage, StaffError> {
    let list = webhook::list(&dash.store).await?;
    let log = outbox::recent(&dash.store, Kind::Webhook, LOG_ROWS)
        .await?
        .into_iter()
        .map(|m| log_row(m, &list))
        .collect();
    let hooks = list
        .into_iter()
        .map(|h| {
            let made = minute(h.created_at);
            (h, made)
        })
        .collect();
    Ok(WebhooksPage {
        chrome: signed.chrome(tr().get("webhooks-title")),
        mail_ready: dash.mail,
        hooks,
        log,
        note: None,
        shown: None,
        problem,
        typed,
    })
}

pub(crate) async fn webhooks(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let mut page = webhooks_page(&dash, &signed, String::new(), None).await?;
    page.note = staff.remove(NOTE_KEY).await?;
    page.shown = staff.remove(SHOWN_KEY).await?;
    signed.render(&page)
}

#[derive(Deserialize)]
pub(crate) struct WebhookForm {
    #[serde(default)]
    url: String,
}

pub(crate) async fn add_webhook(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Form(form): Form<WebhookForm>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let actor = Actor::Staff(&signed.user.email);
    match webhook::add(&dash.store, &form.url, actor, now_unix()).await? {
        Ok((hook, secret)) => {
            let shown = Shown {
                url: hook.url,
                secret,
            };
            staff.insert(SHOWN_KEY, shown).await?;
            Ok(Redirect::to(WEBHOOKS).into_response())
        }
        Err(problem) => {
            let page = webhooks_page(&dash, &signed, form.url, Some(url_problem(&problem))).await?;
            signed.refuse(&page)
        }
    }
}

/// Why a typed address was refused, in the page's language.
fn url_problem(error: &WebhookError) -> String {
    let t = tr();
    match error {
        WebhookError::NotAUrl => t.get("webhooks-error-not-a-url"),
        WebhookError::Scheme => t.get("webhooks-error-scheme"),
        WebhookError::Credentials => t.get("webhooks-error-credentials"),
        WebhookError::TooLong => t.with(
            "webhooks-error-too-long",
            "max",
            &webhook::MAX_URL.to_string(),
        ),
        WebhookError::Duplicate => t.get("webhooks-error-duplicate"),
    }
}

#[derive(Template)]
#[template(path = "admin_webhook_remove.html")]
struct RemovePage {
    chrome: Chrome,
    hook: Webhook,
}

async fn find(dash: &Dashboards, id: i32) -> Result<Webhook, StaffError> {
    webhook::list(&dash.store)
        .await?
        .into_iter()
        .find(|h| h.id == id)
        .ok_or(StaffError::NotFound)
}

pub(crate) async fn confirm_remove_webhook(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(id): Path<i32>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let hook = find(&dash, id).await?;
    signed.render(&RemovePage {
        chrome: signed.chrome(tr().get("webhooks-remove-title")),
        hook,
    })
}

pub(crate) async fn remove_webhook(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: Session,
    Path(id): Path<i32>,
) -> Result<Response, StaffError> {
    signed.require(Area::Admin)?;
    let actor = Actor::Staff(&signed.user.email);
    let hook = find(&dash, id).await?;
    if webhook::remove(&dash.store, id, actor, now_unix()).await? {
        let note = tr().with("webhooks-removed", "url", &hook.url);
        staff.insert(NOTE_KEY, note).await?;
    }
    Ok(Redirect::to(WEBHOOKS).into_response())
}
