//! The facilitator's desk: open a session for a circle, show its code, link and QR code,
//! print ticket cards, and watch the count of responses so far — a count only.
//!
//! The same rules as `hearth session open` apply (`NewSession` checks them), and the desk
//! adds two of its own: the meeting is within a week of today, and at most
//! [`MAX_CARDS`] cards are printed at once. Tickets exist only in the page that opens the
//! session: the store keeps their hashes.
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
}

async fn sessions_page(
    dash: &Dashboards,
    signed: &Signed,
    form: OpenForm,
    problem: Option<String>,
) -> Result<SessionsPage, StaffError> {
    let (program_id, program) = own_program(signed)?;
    let circles = catalog::circles(&dash.store, Some(program_id)).await?;
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
    Form(form): Form<OpenForm>,
) -> Result<Response, StaffError> {
    let (program_id, program) = own_program(&signed)?;
    let circles = catalog::circles(&dash.store, Some(program_id)).await?;
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
    if tickets.is_empty() {
        return Ok(Redirect::to(&format!("/staff/sessions/{}", session.code)).into_response());
    }
    let view = session_view(&dash, &session)?;
    let base = view.link.clone();
    // Drawing a few hundred QR codes is CPU work: off the async runtime.
    let cards = tokio::task::spawn_blocking(move || {
        tickets
            .iter()
            .map(|t| {
                let link = format!("{base}?ticket={}", t.as_str());
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

pub(crate) async fn close(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(code): Path<String>,
) -> Result<Response, StaffError> {
    let session = own_session(&dash, &signed, &code).await?;
    catalog::close_session(&dash.store, &session.code).await?;
    Ok(Redirect::to(&format!("/staff/sessions/{}", session.code)).into_response())
}
