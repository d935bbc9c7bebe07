//! The facilitator's desk: open a session for a circle, show its code, link and QR code,
//! print ticket cards (and replace the unused ones), watch the count of responses so far
//! — a count only, and only of a session one opened oneself — and close it.
//!
//! The same rules as `hearth session open` apply (`NewSession` checks them), and the desk
//! adds two of its own: the meeting is within a week of today, and at most
//! [`MAX_CARDS`] cards are printed at once. Tickets are shown once, on the page the
//! desk redirects to after opening the session; the catalog keeps only their hashes, and
//! until that page is drawn the cards wait in the staff session (see [`cards_key`]).
//!
//! Each of these actions leaves one entry in the audit trail (`domain::audit`): opened,
//! cards shown, cards replaced, closed — with catalog names, dates and numbers the
//! facilitator chose, never the count of responses.
//!
//! Every form here follows post/redirect/get: a POST that succeeds answers 303 with a
//! page to GET, so reloading a page never sends a form again (it once opened a second
//! session with new cards). Only a refused form is rendered in answer to its POST, as 422.
//!
//! # Privacy
//! The count of responses is shown to the staff member who opened the session, while it
//! is open, for them to know whether to remind the group ([`Session::live_count`]); every
//! other account of the program sees its state only (open, full or closed). Once it
//! closes, nobody sees the count (a closed circle-month's size is the release's business,
//! noisy and suppressed). Replacing unused cards is the opener's too: how many cards are
//! still unused tells how many have answered with one.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use collector::paper;
use domain::audit::{self, Action, Actor, Entry};
use domain::catalog::{
    self, CatalogError, CircleEntry, NewSession, ReplaceError, Session, SessionState, now_unix,
};
use domain::code::{SessionCode, Ticket};
use domain::i18n::Lang;
use domain::{CircleId, ProgramId};
use qrcode::QrCode;
use qrcode::render::svg;
use serde::Deserialize;
use tower_sessions::Session as StaffSession;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::once;
use crate::page::{Chrome, Confirmed, StaffError, catalog_problem, local_time, sentence};
use crate::words;

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

fn own_program(signed: &Signed) -> Result<(ProgramId, String), StaffError> {
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
    /// The message key of its state (see [`state_key`]).
    state: &'static str,
    closed: bool,
    /// The count of responses, for its opener while it is not closed (see
    /// [`Session::live_count`]); `None` for everyone else.
    count: Option<u32>,
    capacity: u32,
}

/// The most ticket cards the desk prints at once (the CLI allows a full session's worth).
const MAX_CARDS: u32 = 200;

/// How far from today a meeting opened at the desk may be.
const DESK_DAYS: i64 = 7;

/// A session's state in a word (the key of its message), which is all anyone but its
/// opener sees of its count: open, full, or closed — with "(was full)" when it closed
/// full, so a closed session keeps the state it ended in.
pub(crate) fn state_key(session: &Session) -> &'static str {
    match session.state(now_unix()) {
        SessionState::Open => "session-state-open",
        SessionState::Full => "session-state-full",
        SessionState::Closed if session.filled() => "session-state-closed-full",
        SessionState::Closed => "session-state-closed",
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
    /// "yes" when the session is for a shared tablet (a kiosk link).
    #[serde(default)]
    kiosk: String,
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
    let now = now_unix();
    let sessions = catalog::recent_sessions(&dash.store, program_id, 30)
        .await?
        .iter()
        .map(|s| SessionRow {
            code: s.code.to_string(),
            circle: s.circle.clone(),
            held_on: s.held_on.to_string(),
            state: state_key(s),
            closed: s.state(now) == SessionState::Closed,
            count: s.live_count(signed.user.id, now),
            capacity: s.capacity,
        })
        .collect();
    Ok(SessionsPage {
        chrome: signed.chrome(words::tr().get("nav-sessions")),
        program,
        circles,
        today: chrono::Local::now().date_naive().to_string(),
        problem,
        form,
        once: once::token(),
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

/// A number field left empty, or a whole number; `not_a_number` is the message key that
/// says which field is not one.
fn optional_number(field: &str, not_a_number: &str) -> Result<Option<u32>, String> {
    let field = field.trim();
    if field.is_empty() {
        return Ok(None);
    }
    field
        .parse()
        .map(Some)
        .map_err(|_| words::tr().get(not_a_number))
}

#[derive(Template)]
#[template(path = "tickets.html")]
struct TicketsPage {
    chrome: Chrome,
    session: SessionView,
    /// Whether these are the fresh cards of a replacement.
    replacement: bool,
    /// What every card says, in each participant language.
    words: Vec<CardWords>,
    cards: Vec<Card>,
}

/// One ticket card: the QR code of its single-use link, and its code to type.
struct Card {
    qr: Option<String>,
    code: String,
}

/// The words of a card in one participant language, from the participant pages' catalog.
struct CardWords {
    lang: &'static str,
    dir: &'static str,
    date: String,
    title: String,
    how: String,
    promise: String,
}

/// A card has room for two languages: English and the program's default participant
/// language (Spanish when it has none, or it is English). The form the card opens offers
/// every language.
fn card_words(held_on: NaiveDate, program_default: Option<Lang>) -> Vec<CardWords> {
    let second = program_default
        .filter(|l| *l != Lang::En)
        .unwrap_or(Lang::CARDS[1]);
    [Lang::CARDS[0], second]
        .into_iter()
        .map(|lang| {
            let t = lang.tr();
            CardWords {
                lang: lang.code(),
                dir: lang.dir().as_str(),
                date: t.long_date(held_on),
                title: t.get("card-title"),
                how: t.get("card-how"),
                promise: t.get("card-promise"),
            }
        })
        .collect()
}

/// Cards waiting in the staff session to be shown once (see [`cards_key`]).
#[derive(Default, serde::Serialize, Deserialize)]
struct WaitingCards {
    tickets: Vec<String>,
    /// Fresh cards of a replacement, rather than those of a session just opened.
    replacement: bool,
}

pub(crate) async fn open(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: StaffSession,
    Form(form): Form<OpenForm>,
) -> Result<Response, StaffError> {
    let (program_id, program) = own_program(&signed)?;
    if let Some(to) = once::led_to(&staff, &form.once).await? {
        return Ok(Redirect::to(&to).into_response());
    }
    let circles = catalog::open_circles(&dash.store, program_id).await?;
    let checked = (|| {
        let circle = form
            .circle
            .trim()
            .parse::<CircleId>()
            .ok()
            .and_then(|id| circles.iter().find(|c| c.id == id))
            .ok_or_else(|| words::tr().get("sessions-choose-circle"))?;
        let date = NaiveDate::parse_from_str(form.held_on.trim(), "%Y-%m-%d")
            .map_err(|_| words::tr().get("sessions-date-format"))?;
        let today = chrono::Local::now().date_naive();
        if (date - today).num_days().abs() > DESK_DAYS {
            return Err(words::tr().with("sessions-date-near", "days", &DESK_DAYS.to_string()));
        }
        let capacity = optional_number(&form.capacity, "sessions-capacity-number")?;
        let hours = optional_number(&form.hours, "sessions-hours-number")?;
        let tickets = optional_number(&form.tickets, "sessions-tickets-number")?;
        if tickets.is_some_and(|n| n > MAX_CARDS) {
            return Err(words::tr().with("sessions-max-cards", "n", &MAX_CARDS.to_string()));
        }
        let new = NewSession::new(&program, &circle.name, date, capacity, hours, tickets)
            .map_err(sentence)?
            .opened_by(signed.user.id);
        if form.kiosk == "yes" {
            new.for_tablet().map_err(sentence)
        } else {
            Ok(new)
        }
    })();
    let new = match checked {
        Ok(new) => new,
        Err(problem) => {
            let page = sessions_page(&dash, &signed, form, Some(problem)).await?;
            return signed.refuse(&page);
        }
    };
    let by = Actor::Staff(&signed.user.email);
    let (session, tickets) = match catalog::open_session_by(&dash.store, &new, Some(by)).await {
        Ok(opened) => (opened.session, opened.tickets),
        Err(CatalogError::Database(e)) => return Err(e.into()),
        Err(e) => {
            let page = sessions_page(&dash, &signed, form, Some(catalog_problem(e))).await?;
            return signed.refuse(&page);
        }
    };
    tracing::info!(session.code = %session.code, "session opened from the facilitator desk");
    let to = if tickets.is_empty() {
        format!("/staff/sessions/{}", session.code)
    } else {
        let waiting = WaitingCards {
            tickets: tickets.iter().map(|t| t.as_str().to_owned()).collect(),
            replacement: false,
        };
        staff.insert(&cards_key(&session.code), waiting).await?;
        format!("/staff/sessions/{}/tickets", session.code)
    };
    once::remember(&staff, &form.once, &to).await?;
    Ok(Redirect::to(&to).into_response())
}

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
    let key = cards_key(&session.code);
    let waiting: WaitingCards = staff.get(&key).await?.unwrap_or_default();
    if !waiting.tickets.is_empty() {
        // Recorded before the cards leave the staff session: if the entry cannot be
        // written, the page fails and a reload still has them.
        let detail = if waiting.replacement {
            "fresh cards after a replacement (how many is not recorded)".to_owned()
        } else {
            format!("{} cards", waiting.tickets.len())
        };
        let subject = session.code.to_string();
        audit::record(
            dash.store.pool(),
            Entry::new(
                Actor::Staff(&signed.user.email),
                Action::TicketsShown,
                &subject,
            )
            .detail(&detail),
        )
        .await?;
        staff.remove::<WaitingCards>(&key).await?;
    }
    let view = session_view(&dash, &session, &signed)?;
    let base = view.link.clone();
    let tickets = waiting.tickets;
    let qr_label = words::tr().get("tickets-qr-label");
    // Drawing a few hundred QR codes is CPU work: off the async runtime.
    let cards = tokio::task::spawn_blocking(move || {
        tickets
            .iter()
            .filter_map(|t| Ticket::parse(t))
            .map(|t| {
                // Without an address phones can open, a card carries its code only.
                let qr = base
                    .as_ref()
                    .map(|base| {
                        let link = format!("{base}?ticket={}", t.as_str());
                        qr_svg(&link, &qr_label)
                    })
                    .transpose()?;
                Ok(Card {
                    qr,
                    code: t.grouped(),
                })
            })
            .collect::<Result<Vec<_>, StaffError>>()
    })
    .await??;
    let page = TicketsPage {
        chrome: signed.chrome(words::tr().with("tickets-title", "code", &session.code.to_string())),
        words: card_words(session.held_on, session.default_lang),
        session: view,
        replacement: waiting.replacement,
        cards,
    };
    signed.render(&page)
}

struct SessionView {
    code: String,
    circle: String,
    held_on: String,
    /// The session's link and its QR code; `None` when Hearth knows no address phones can
    /// open (see `warning`).
    link: Option<String>,
    qr: Option<String>,
    /// Said wherever the link or QR code is shown (never printed on the cards) when phones
    /// cannot follow them: see [`crate::links::PublicAddress::warning`].
    warning: Option<String>,
    /// The message key of its state (see [`state_key`]).
    state: &'static str,
    /// Open (not full, not closed): its page says until when.
    open: bool,
    closed: bool,
    /// The count of responses, for its opener while it is not closed; `None` for everyone
    /// else.
    count: Option<u32>,
    capacity: u32,
    closes: String,
    ticketed: bool,
    /// Whether the viewer may replace its unused cards now (see [`replaceable`]).
    replaceable: bool,
    /// The kiosk link, for a session opened for a shared tablet, while it is not closed.
    kiosk: Option<String>,
}

fn session_view(
    dash: &Dashboards,
    s: &Session,
    viewer: &Signed,
) -> Result<SessionView, StaffError> {
    let link = dash.address.link(&format!("/s/{}", s.code));
    let closed = s.state(now_unix()) == SessionState::Closed;
    Ok(SessionView {
        code: s.code.to_string(),
        circle: s.circle.clone(),
        held_on: s.held_on.to_string(),
        qr: link
            .as_ref()
            .map(|link| {
                let label = words::tr().with("session-qr-label", "code", &s.code.to_string());
                qr_svg(link, &label)
            })
            .transpose()?,
        // A closed session's page shows no link, so nothing to warn about.
        warning: dash.address.warning_in(words::tr()).filter(|_| !closed),
        state: state_key(s),
        open: s.state(now_unix()) == SessionState::Open,
        closed,
        count: s.live_count(viewer.user.id, now_unix()),
        capacity: s.capacity,
        closes: local_time(s.closes_at),
        ticketed: s.ticketed,
        replaceable: replaceable(s, viewer),
        kiosk: s
            .kiosk
            .as_ref()
            .filter(|_| !closed)
            .and_then(|token| Some(format!("{}/kiosk/{}", link.as_ref()?, token.as_str()))),
        link,
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
/// which codes exist elsewhere. The paper form of a session (`paper::print`) answers by this
/// same rule.
pub(crate) async fn own_session(
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
        chrome: signed.chrome(words::tr().with("session-title", "code", &session.code.to_string())),
        session: session_view(&dash, &session, &signed)?,
    };
    signed.render(&page)
}

/// What the close confirmation says of paper forms: how long, after closing now, they can
/// still be typed in.
fn after_closing(session: &Session, now: i64) -> String {
    let closes = session.closes_at.min(now);
    let until = paper::paper_until_of(session.held_on, closes);
    let t = words::tr();
    let month = domain::locale::month_year(t.lang(), session.held_on);
    let days = paper::PAPER_DAYS.to_string();
    if until <= closes {
        let released = local_time(paper::month_released_at(session.held_on));
        t.args(
            "session-close-paper-none",
            &[("month", &month), ("released", &released)],
        )
    } else if until < closes + paper::PAPER_DAYS * 86_400 {
        t.args(
            "session-close-paper-sooner",
            &[
                ("until", &local_time(until)),
                ("month", &month),
                ("days", &days),
            ],
        )
    } else {
        t.args(
            "session-close-paper-days",
            &[("days", &days), ("until", &local_time(until))],
        )
    }
}

#[derive(Template)]
#[template(path = "session_close.html")]
struct ClosePage {
    chrome: Chrome,
    session: SessionView,
    /// How long its paper forms can still be typed in once it is closed.
    paper: String,
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
        chrome: signed.chrome(words::tr().with(
            "session-close-title",
            "code",
            &session.code.to_string(),
        )),
        session: session_view(&dash, &session, &signed)?,
        paper: after_closing(&session, now_unix()),
    };
    signed.render(&page)
}

/// Closes a session, but only from the confirmation page: a POST without its `confirm`
/// field (an old page's button, a stray request) is sent to that page instead.
pub(crate) async fn close(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(code): Path<String>,
    Form(form): Form<Confirmed>,
) -> Result<Response, StaffError> {
    let session = own_session(&dash, &signed, &code).await?;
    if !form.is_confirmed() {
        return Ok(
            Redirect::to(&format!("/staff/sessions/{}/close", session.code)).into_response(),
        );
    }
    if session.state(now_unix()) != SessionState::Closed {
        let by = Actor::Staff(&signed.user.email);
        if catalog::close_session_by(&dash.store, &session.code, by).await? {
            tracing::info!(session.code = %session.code, "session closed from the facilitator desk");
        }
    }
    Ok(Redirect::to(&format!("/staff/sessions/{}", session.code)).into_response())
}

#[derive(Template)]
#[template(path = "session_replace.html")]
struct ReplacePage {
    chrome: Chrome,
    session: SessionView,
    unused: u32,
    /// A fresh [`ReplaceForm::once`] for this rendering of the form.
    once: String,
}

/// Whether `viewer` can replace a session's cards now: a ticketed session that takes
/// answers, and that they opened.
///
/// # Privacy
/// The confirmation page says how many cards are unused and the fresh cards are as many:
/// with the number printed, that is how many have answered with a card. So it is the
/// opener's, as the live count is; anyone else is led back to the session's page, which
/// says whose it is to do.
fn replaceable(session: &Session, viewer: &Signed) -> bool {
    session.ticketed
        && session.state(now_unix()) == SessionState::Open
        && session.opened_by == Some(viewer.user.id)
}

/// "Replace the unused cards?": a page of its own, as closing has, since the cards in
/// people's hands stop working. A session whose cards cannot be replaced has nothing to
/// confirm.
pub(crate) async fn confirm_replace(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(code): Path<String>,
) -> Result<Response, StaffError> {
    let session = own_session(&dash, &signed, &code).await?;
    if !replaceable(&session, &signed) {
        return Ok(Redirect::to(&format!("/staff/sessions/{}", session.code)).into_response());
    }
    let unused = catalog::unused_tickets(&dash.store, session.id).await?;
    let page = ReplacePage {
        chrome: signed.chrome(words::tr().with(
            "session-replace-title",
            "code",
            &session.code.to_string(),
        )),
        session: session_view(&dash, &session, &signed)?,
        unused,
        once: once::token(),
    };
    signed.render(&page)
}

#[derive(Deserialize)]
pub(crate) struct ReplaceForm {
    /// Sent only by the confirmation page's button.
    #[serde(default)]
    confirm: String,
    /// Names one rendering of the confirmation page, as [`OpenForm::once`] does: the
    /// same form sent again leads to where the first one did and replaces nothing.
    #[serde(default)]
    once: String,
}

/// Voids the unused cards of an open ticketed session and shows as many fresh ones,
/// once; only from the confirmation page.
pub(crate) async fn replace(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: StaffSession,
    Path(code): Path<String>,
    Form(form): Form<ReplaceForm>,
) -> Result<Response, StaffError> {
    let session = own_session(&dash, &signed, &code).await?;
    let confirm_at = format!("/staff/sessions/{}/replace-cards", session.code);
    let session_at = format!("/staff/sessions/{}", session.code);
    if form.confirm != "yes" || form.once.is_empty() {
        return Ok(Redirect::to(&confirm_at).into_response());
    }
    if let Some(to) = once::led_to(&staff, &form.once).await? {
        return Ok(Redirect::to(&to).into_response());
    }
    if !replaceable(&session, &signed) {
        return Ok(Redirect::to(&session_at).into_response());
    }
    let by = Actor::Staff(&signed.user.email);
    let tickets = match catalog::replace_unused_tickets(&dash.store, session.id, by).await {
        Ok(tickets) => tickets,
        Err(ReplaceError::Database(e)) => return Err(e.into()),
        Err(ReplaceError::NotOpen | ReplaceError::NotTicketed) => {
            return Ok(Redirect::to(&session_at).into_response());
        }
    };
    let to = if tickets.is_empty() {
        session_at
    } else {
        tracing::info!(session.code = %session.code, "unused ticket cards replaced at the facilitator desk");
        let waiting = WaitingCards {
            tickets: tickets.iter().map(|t| t.as_str().to_owned()).collect(),
            replacement: true,
        };
        staff.insert(&cards_key(&session.code), waiting).await?;
        format!("/staff/sessions/{}/tickets", session.code)
    };
    once::remember(&staff, &form.once, &to).await?;
    Ok(Redirect::to(&to).into_response())
}
