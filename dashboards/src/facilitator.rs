//! The facilitator's desk: open a session for a circle, show its code, link and QR code,
//! print ticket cards, and watch the count of responses so far — a count only.
//!
//! The same rules as `hearth session open` apply (`NewSession` checks them), and the desk
//! adds two of its own: the meeting is within a week of today, and at most
//! [`MAX_CARDS`] cards are printed at once. Tickets are shown once, on the page the
//! desk redirects to after opening the session; the catalog keeps only their hashes, and
//! until that page is drawn the cards wait in the staff session (see [`cards_key`]).
//!
//! Every form here follows post/redirect/get: a POST that succeeds answers 303 with a
//! page to GET, so reloading a page never sends a form again (it once opened a second
//! session with new cards). Only a refused form is rendered in answer to its POST, as 422.
//!
//! # Privacy
//! The count of responses is shown while a session is open, for the facilitator to know
//! whether to remind the group; once it closes, the count is not shown here (a closed
//! circle-month's size is the release's business, noisy and suppressed).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use collector::catalog::{
    self, CatalogError, CircleEntry, NewSession, Session, SessionState, now_unix,
};
use collector::code::SessionCode;
use qrcode::QrCode;
use qrcode::render::svg;
use serde::Deserialize;
use tower_sessions::Session as StaffSession;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::page::{Chrome, StaffError, sentence};

/// A QR code of `text` as inline SVG that scales with the page.
pub fn qr_svg(text: &str, label: &str) -> Result<String, StaffError> {
    let code = QrCode::new(text.as_bytes())?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    let start = image.find("<svg").unwrap_or(0);
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Ok(image[start..].replacen(
        "<svg",
        &format!("<svg class=\"qr\" role=\"img\" aria-label=\"{label}\""),
        1,
    ))
}

fn own_program(signed: &Signed) -> Result<(i32, String), StaffError> {
    match (signed.user.program_id, &signed.user.program) {
        (Some(id), Some(name)) => {
            signed.require(Area::Sessions(id))?;
            Ok((id, name.clone()))
        }
        _ => Err(StaffError::Forbidden),
    }
}

struct SessionRow {
    code: String,
    circle: String,
    held_on: String,
    state: &'static str,
    /// `None` once the session has closed.
    received: Option<u32>,
    capacity: u32,
}

/// The most ticket cards the desk prints at once (the CLI allows a full session's worth).
const MAX_CARDS: u32 = 200;

/// How far from today a meeting opened at the desk may be.
const DESK_DAYS: i64 = 7;

/// The count of responses, while the session takes them.
fn live_count(session: &Session) -> Option<u32> {
    (session.state(now_unix()) != SessionState::Closed).then_some(session.received)
}

fn state_word(session: &Session) -> &'static str {
    match session.state(now_unix()) {
        SessionState::Open => "open",
        SessionState::Full => "full",
        SessionState::Closed => "closed",
    }
}

#[derive(Template)]
#[template(path = "sessions.html")]
struct SessionsPage {
    chrome: Chrome,
    program: String,
    circles: Vec<CircleEntry>,
    today: String,
    problem: Option<String>,
    form: OpenForm,
    /// A fresh [`OpenForm::once`] for each rendering of the form.
    once: String,
    sessions: Vec<SessionRow>,
}

#[derive(Clone, Default, Deserialize)]
pub(crate) struct OpenForm {
    #[serde(default)]
    circle: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    hours: String,
    #[serde(default)]
    tickets: String,
    /// Names this one rendering of the form, so the same form sent again (a double
    /// click, a browser that re-sends it) leads to the session it opened the first time
    /// instead of opening another. Never carried over into a re-rendered form.
    #[serde(default)]
    once: String,
}

async fn sessions_page(
    dash: &Dashboards,
    signed: &Signed,
    form: OpenForm,
    problem: Option<String>,
) -> Result<SessionsPage, StaffError> {
    let (program_id, program) = own_program(signed)?;
    let circles = catalog::open_circles(&dash.store, program_id).await?;
    let sessions = catalog::recent_sessions(&dash.store, program_id, 30)
        .await?
        .iter()
        .map(|s| SessionRow {
            code: s.code.to_string(),
            circle: s.circle.clone(),
            held_on: s.held_on.to_string(),
            state: state_word(s),
            received: live_count(s),
            capacity: s.capacity,
        })
        .collect();
    Ok(SessionsPage {
        chrome: signed.chrome("Sessions"),
        program,
        circles,
        today: chrono::Local::now().date_naive().to_string(),
        problem,
        form,
        once: format!("{:032x}", rand::random::<u128>()),
        sessions,
    })
}

pub(crate) async fn sessions(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    let page = sessions_page(&dash, &signed, OpenForm::default(), None).await?;
    signed.render(&page)
}

fn optional_number(field: &str, what: &str) -> Result<Option<u32>, String> {
    let field = field.trim();
    if field.is_empty() {
        return Ok(None);
    }
    field
        .parse()
        .map(Some)
        .map_err(|_| format!("{what} must be a whole number."))
}

#[derive(Template)]
#[template(path = "tickets.html")]
struct TicketsPage {
    chrome: Chrome,
    session: SessionView,
    cards: Vec<(String, String)>,
}

pub(crate) async fn open(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: StaffSession,
    Form(form): Form<OpenForm>,
) -> Result<Response, StaffError> {
    let (program_id, program) = own_program(&signed)?;
    let mut opened: Vec<(String, String)> = staff.get(OPENED_KEY).await?.unwrap_or_default();
    if let Some((_, to)) = opened
        .iter()
        .find(|(once, _)| !form.once.is_empty() && *once == form.once)
    {
        return Ok(Redirect::to(to).into_response());
    }
    let circles = catalog::open_circles(&dash.store, program_id).await?;
    let checked = (|| {
        let circle = form
            .circle
            .trim()
            .parse::<i32>()
            .ok()
            .and_then(|id| circles.iter().find(|c| c.id == id))
            .ok_or_else(|| "Choose one of your program's circles.".to_owned())?;
        let date = NaiveDate::parse_from_str(form.held_on.trim(), "%Y-%m-%d")
            .map_err(|_| "Give the session's date as YYYY-MM-DD.".to_owned())?;
        let today = chrono::Local::now().date_naive();
        if (date - today).num_days().abs() > DESK_DAYS {
            return Err(format!(
                "The meeting's date must be within {DESK_DAYS} days of today."
            ));
        }
        let capacity = optional_number(&form.capacity, "Capacity")?;
        let hours = optional_number(&form.hours, "Hours open")?;
        let tickets = optional_number(&form.tickets, "Tickets")?;
        if tickets.is_some_and(|n| n > MAX_CARDS) {
            return Err(format!("Print at most {MAX_CARDS} ticket cards at a time."));
        }
        NewSession::new(&program, &circle.name, date, capacity, hours, tickets).map_err(sentence)
    })();
    let new = match checked {
        Ok(new) => new,
        Err(problem) => {
            let page = sessions_page(&dash, &signed, form, Some(problem)).await?;
            return signed
                .render(&page)
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response());
        }
    };
    let (session, tickets) = match catalog::open_session(&dash.store, &new).await {
        Ok(opened) => opened,
        Err(CatalogError::Database(e)) => return Err(e.into()),
        Err(e) => {
            let page = sessions_page(&dash, &signed, form, Some(sentence(e))).await?;
            return signed
                .render(&page)
                .map(|r| (StatusCode::UNPROCESSABLE_ENTITY, r).into_response());
        }
    };
    tracing::info!(session.code = %session.code, "session opened from the facilitator desk");
    let to = if tickets.is_empty() {
        format!("/staff/sessions/{}", session.code)
    } else {
        let tickets: Vec<String> = tickets.iter().map(|t| t.as_str().to_owned()).collect();
        staff.insert(&cards_key(&session.code), tickets).await?;
        format!("/staff/sessions/{}/tickets", session.code)
    };
    if !form.once.is_empty() {
        opened.push((form.once, to.clone()));
        let excess = opened.len().saturating_sub(OPENED_KEPT);
        opened.drain(..excess);
        staff.insert(OPENED_KEY, opened).await?;
    }
    Ok(Redirect::to(&to).into_response())
}

/// The forms this staff member sent that opened a session, as `(once, where it led)`:
/// the same form sent again is redirected there, and opens nothing. This catches a form
/// sent again after its answer came back, not two copies racing each other.
const OPENED_KEY: &str = "facilitator.opened";

/// How many of those are remembered: enough for a desk's morning.
const OPENED_KEPT: usize = 20;

/// Where a session's ticket cards wait, in the staff member's sign-in session, between the
/// POST that opens it and the one GET that shows them.
///
/// # Privacy
/// A card is a bearer secret. It waits in the staff session (stored server-side, behind
/// the sign-in cookie) only until that GET, which removes it before drawing the page; a
/// facilitator who never follows the redirect leaves it there until they sign out or
/// the sign-in session expires (8 hours idle) and is cleared. Nothing else ever holds a card in the clear.
fn cards_key(code: &SessionCode) -> String {
    format!("facilitator.cards.{code}")
}

/// The ticket cards of a session just opened, shown once: the GET takes them out of the
/// staff session, so a reload shows a page saying they were shown already (and opens
/// nothing). Served `no-store` like every staff page.
pub(crate) async fn tickets(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: StaffSession,
    Path(code): Path<String>,
) -> Result<Response, StaffError> {
    let session = own_session(&dash, &signed, &code).await?;
    let tickets: Vec<String> = staff
        .remove(&cards_key(&session.code))
        .await?
        .unwrap_or_default();
    let view = session_view(&dash, &session)?;
    let base = view.link.clone();
    // Drawing a few hundred QR codes is CPU work: off the async runtime.
    let cards = tokio::task::spawn_blocking(move || {
        tickets
            .iter()
            .map(|t| {
                let link = format!("{base}?ticket={t}");
                let qr = qr_svg(&link, "QR code of this card's single-use link")?;
                Ok((link, qr))
            })
            .collect::<Result<Vec<_>, StaffError>>()
    })
    .await??;
    let page = TicketsPage {
        chrome: signed.chrome(format!("Ticket cards · {}", session.code)),
        session: view,
        cards,
    };
    signed.render(&page)
}

struct SessionView {
    code: String,
    circle: String,
    held_on: String,
    link: String,
    qr: String,
    state: &'static str,
    /// `None` once the session has closed.
    received: Option<u32>,
    capacity: u32,
    closes: String,
    ticketed: bool,
}

fn session_view(dash: &Dashboards, s: &Session) -> Result<SessionView, StaffError> {
    let link = format!("{}/s/{}", dash.base_url, s.code);
    Ok(SessionView {
        code: s.code.to_string(),
        circle: s.circle.clone(),
        held_on: s.held_on.to_string(),
        qr: qr_svg(&link, &format!("QR code of the link to session {}", s.code))?,
        link,
        state: state_word(s),
        received: live_count(s),
        capacity: s.capacity,
        closes: chrono::DateTime::from_timestamp(s.closes_at, 0)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%-d %b %Y, %H:%M")
                    .to_string()
            })
            .unwrap_or_default(),
        ticketed: s.ticketed,
    })
}

#[derive(Template)]
#[template(path = "session.html")]
struct SessionPage {
    chrome: Chrome,
    session: SessionView,
}

/// The session of `code`, if it belongs to the signed-in person's program. Another
/// program's session is "not found", as an unknown code is: the desk does not confirm
/// which codes exist elsewhere.
async fn own_session(
    dash: &Dashboards,
    signed: &Signed,
    code: &str,
) -> Result<Session, StaffError> {
    let (program_id, _) = own_program(signed)?;
    let code = SessionCode::parse(code).ok_or(StaffError::NotFound)?;
    let session = catalog::find_session(&dash.store, &code)
        .await?
        .ok_or(StaffError::NotFound)?;
    if session.program_id != program_id {
        return Err(StaffError::NotFound);
    }
    Ok(session)
}

pub(crate) async fn session(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(code): Path<String>,
) -> Result<Response, StaffError> {
    let session = own_session(&dash, &signed, &code).await?;
    let page = SessionPage {
        chrome: signed.chrome(format!("Session {}", session.code)),
        session: session_view(&dash, &session)?,
    };
    signed.render(&page)
}

#[derive(Template)]
#[template(path = "session_close.html")]
struct ClosePage {
    chrome: Chrome,
    session: SessionView,
}

/// "Close the session now?": a page of its own, so closing takes a second, deliberate
/// step that works without JavaScript. A closed session has nothing to confirm.
pub(crate) async fn confirm_close(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(code): Path<String>,
) -> Result<Response, StaffError> {
    let session = own_session(&dash, &signed, &code).await?;
    if session.state(now_unix()) == SessionState::Closed {
        return Ok(Redirect::to(&format!("/staff/sessions/{}", session.code)).into_response());
    }
    let page = ClosePage {
        chrome: signed.chrome(format!("Close session {}?", session.code)),
        session: session_view(&dash, &session)?,
    };
    signed.render(&page)
}

#[derive(Deserialize)]
pub(crate) struct CloseForm {
    /// Sent only by the confirmation page's button.
    #[serde(default)]
    confirm: String,
}

/// Closes a session, but only from the confirmation page: a POST without its `confirm`
/// field (an old page's button, a stray request) is sent to that page instead.
pub(crate) async fn close(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(code): Path<String>,
    Form(form): Form<CloseForm>,
) -> Result<Response, StaffError> {
    let session = own_session(&dash, &signed, &code).await?;
    if form.confirm != "yes" {
        return Ok(
            Redirect::to(&format!("/staff/sessions/{}/close", session.code)).into_response(),
        );
    }
    catalog::close_session(&dash.store, &session.code).await?;
    tracing::info!(session.code = %session.code, "session closed from the facilitator desk");
    Ok(Redirect::to(&format!("/staff/sessions/{}", session.code)).into_response())
}
