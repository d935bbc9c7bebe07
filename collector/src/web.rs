//! Participant routes: enter a code, answer, see what was kept.
//!
//! # Privacy
//! These handlers read no client address and no User-Agent, set no cookie, and log
//! nothing about the request or its answers (`skip_all`, no fields). Accept-Language is
//! read only to pick the page language and is never kept. A store failure is logged once
//! by `domain::http::log_internal_errors` with the error alone: handlers return
//! `error::ParticipantError`, which draws every error page and is the one place that
//! hands an error on to be logged.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::commit::{Committer, Pending, Refusal};
use crate::once::{FormKey, FormToken};
use crate::submission::{MAX_BODY_BYTES, Problem, Rejected, Submission, parse_form};
use domain::SessionId;
use domain::catalog::{self, Session, SessionState, TicketState, now_unix};
use domain::code::{SessionCode, Ticket, TicketHash};
use domain::http::{security_headers, versioned_url};
use domain::i18n::{Lang, Tr};
use domain::instrument::{Answers, Helped, Hindered, Item};
use domain::store::Store;
use error::{At, Kind, ParticipantError, Redraw, Shown};

mod error;

/// Settings of the participant pages.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The crisis line for every language when an admin has set none (for the program or
    /// the organization, see [`domain::crisis`]); without it, the catalog's translated one.
    pub crisis_line: Option<String>,
}

/// The collector's part of the application state.
#[derive(Clone, Debug)]
pub struct Collector {
    pub store: Store,
    pub committer: Committer,
    pub settings: Arc<Settings>,
    sessions: SessionCache,
    /// The key form tokens are signed with, read from the store once (see [`crate::once`]).
    form_key: Arc<tokio::sync::OnceCell<FormKey>>,
}

/// Sessions recently looked up by the submit path, for [`SESSION_CACHE_TTL`].
///
/// Only a hint: the writer re-checks window, capacity and closing inside the commit, so a
/// stale entry can at worst let a refusal come from the writer instead of here.
#[derive(Clone, Debug, Default)]
struct SessionCache(Arc<std::sync::Mutex<CachedSessions>>);

/// Sessions by code, with when each was read.
type CachedSessions = std::collections::HashMap<String, (std::time::Instant, Session)>;

const SESSION_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(2);
const SESSION_CACHE_MAX: usize = 10_000;

impl SessionCache {
    /// The entries. A panic elsewhere while they were held leaves at worst a stale entry,
    /// which the writer's own checks make harmless: so a poisoned lock is used as it is.
    fn entries(&self) -> std::sync::MutexGuard<'_, CachedSessions> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    async fn find(
        &self,
        store: &Store,
        code: &SessionCode,
    ) -> Result<Option<Session>, sqlx::Error> {
        let now = std::time::Instant::now();
        if let Some((at, session)) = self.entries().get(code.as_str())
            && now.duration_since(*at) < SESSION_CACHE_TTL
        {
            return Ok(Some(session.clone()));
        }
        let found = catalog::find_session(store, code).await?;
        if let Some(session) = &found {
            let mut map = self.entries();
            if map.len() >= SESSION_CACHE_MAX {
                map.retain(|_, (at, _)| now.duration_since(*at) < SESSION_CACHE_TTL);
            }
            map.insert(code.as_str().to_owned(), (now, session.clone()));
        }
        Ok(found)
    }
}

impl Collector {
    /// Builds the state and starts the writer task (needs a tokio runtime).
    pub fn new(store: Store, settings: Settings) -> Collector {
        let committer = Committer::start(store.clone());
        store.spawn_checkpointer();
        crate::seal::spawn_sealer(store.clone());
        Collector {
            store,
            committer,
            settings: Arc::new(settings),
            sessions: SessionCache::default(),
            form_key: Arc::default(),
        }
    }

    /// The key form tokens are signed with: made or read once, then kept.
    async fn form_key(&self) -> Result<&FormKey, sqlx::Error> {
        self.form_key
            .get_or_try_init(|| FormKey::load(&self.store))
            .await
    }
}

/// The participant pages, `/healthz` and the stylesheet.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Collector: FromRef<S>,
{
    Router::new()
        .route("/", get(home))
        .route("/s/{code}", get(form).post(submit))
        .route("/s/{code}/thanks", get(thanks))
        .route(
            "/s/{code}/kiosk/{token}",
            get(kiosk_form).post(kiosk_submit),
        )
        .route("/s/{code}/kiosk/{token}/next", get(kiosk_thanks))
        .route("/privacy", get(privacy))
        .route("/healthz", get(healthz))
        .route("/assets/participant.css", get(stylesheet))
        .fallback(page_not_found)
        .layer(middleware::from_fn(security_headers))
}

// ---------------------------------------------------------------------------------------
// Page context

/// What every page needs: the language and the links to switch it.
struct Page {
    t: Tr,
    langs: Vec<LangLink>,
    stylesheet: &'static str,
}

const STYLESHEET: &str = include_str!("../assets/participant.css");

fn stylesheet_url() -> &'static str {
    static URL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    URL.get_or_init(|| versioned_url("/assets/participant.css", STYLESHEET))
}

/// Text staff wrote, in the language they wrote it in (which may not be the page's): the
/// page marks it with `lang` (and `dir`), so it is read and laid out in its own language.
struct Written {
    lang: Lang,
    text: String,
}

struct LangLink {
    code: &'static str,
    name: &'static str,
    dir: &'static str,
    href: String,
    current: bool,
}

impl Page {
    /// `path` is the page's own path; `keep` are query parameters the language switch
    /// carries along (the ticket on a form link).
    fn new(lang: Lang, path: &str, keep: &[(&str, &str)]) -> Page {
        let langs = Lang::all()
            .into_iter()
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                dir: l.dir().as_str(),
                href: href(path, l, keep),
                current: l == lang,
            })
            .collect();
        Page {
            t: lang.tr(),
            langs,
            stylesheet: stylesheet_url(),
        }
    }
}

fn href(path: &str, lang: Lang, keep: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("lang", lang.code());
    for (name, value) in keep {
        query.append_pair(name, value);
    }
    format!("{path}?{}", query.finish())
}

/// Reads one query parameter leniently: a bad query never fails a participant page.
fn query_param(raw: &Option<String>, name: &str) -> Option<String> {
    form_urlencoded::parse(raw.as_deref()?.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The page's language: `?lang=`, then Accept-Language, then `program_default` (the
/// program's setting, on pages of one of its sessions), then English.
///
/// # Privacy
/// Accept-Language is read here, for this response only: it is not stored, logged or
/// passed on (the page's own links carry the choice as `?lang=`).
fn choose_lang(raw: &Option<String>, headers: &HeaderMap, program_default: Option<Lang>) -> Lang {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Lang::choose(query_param(raw, "lang").as_deref(), accept, program_default)
}

/// The language the link itself asked for (`?lang=` naming one we have), if any.
fn linked_lang(raw: &Option<String>) -> Option<Lang> {
    query_param(raw, "lang")
        .as_deref()
        .and_then(Lang::from_code)
}

fn render(status: StatusCode, template: &impl Template) -> Result<Response, ParticipantError> {
    Ok((status, Html(template.render()?)).into_response())
}

// ---------------------------------------------------------------------------------------
// Templates

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    code: String,
    problem: Option<String>,
    /// The language the link asked for, carried to the form (see [`home`]).
    linked: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    page: Page,
    title: String,
    message: String,
}

#[derive(Template)]
#[template(path = "thanks.html")]
struct ThanksPage {
    page: Page,
    crisis: String,
    /// What staff did after hearing this circle ("you said, we did"), if published: in the
    /// page's language where staff wrote it in that one, else in English (marked so).
    you_said: Option<Written>,
}

/// The answer to a form sent again after it stored its answers (see [`crate::once`]).
#[derive(Template)]
#[template(path = "saved.html")]
struct SavedPage {
    page: Page,
    /// On a kiosk: the link to a fresh form for the next person.
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "privacy.html")]
struct PrivacyPage {
    page: Page,
    /// How long answers are kept after their month and quarter are released.
    retention_days: i64,
    /// How many answers a month from one person the noise is set to protect.
    answers_per_person: i64,
}

/// A ticketed session's first page: the ticket code, before the form.
#[derive(Template)]
#[template(path = "ticket.html")]
struct TicketPage {
    page: Page,
    action: String,
    circle: String,
    ticket: String,
    problem: Option<String>,
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    page: Page,
    action: String,
    circle: Option<String>,
    ticketed: bool,
    ticket: String,
    problems: Vec<String>,
    /// Shown calmly instead of as a problem: a form sent with nothing answered.
    note: Option<String>,
    items: Vec<Question>,
    first_time: Question,
    choices: Vec<Question>,
    /// Served on a shared tablet (see [`kiosk_form`]): the form says so.
    kiosk: bool,
    /// The form's token (see [`crate::once`]), sent back in a hidden field so this drawing
    /// of the form stores once; empty only when no key could be read.
    once: String,
    /// What staff did after hearing this circle ("you said, we did"), if published: in the
    /// page's language where staff wrote it in that one, else in English (marked so).
    you_said: Option<Written>,
    /// Where to turn in a crisis, on a shared tablet's form: its thanks page goes back to
    /// the form by itself, so the line stays within reach there too.
    crisis: Option<String>,
}

/// One question as the form shows it, with what the participant had chosen.
struct Question {
    key: &'static str,
    legend: String,
    options: Vec<Choice>,
    problem: bool,
}

struct Choice {
    value: &'static str,
    label: String,
    checked: bool,
}

const SCALE_VALUES: [&str; 5] = ["1", "2", "3", "4", "5"];

impl FormPage {
    fn new(
        lang: Lang,
        code: &SessionCode,
        session: Option<&Session>,
        submission: &Submission,
        problems: &[Problem],
        messages: Vec<String>,
    ) -> FormPage {
        let t = lang.tr();
        let answers: &Answers = &submission.answers;
        let flagged = |key: &str| problems.contains(&Problem::OutOfRange(field_key(key)));
        let scale: Vec<String> = (1..=5).map(|n| t.get(&format!("scale-{n}"))).collect();
        let items = Item::ALL
            .into_iter()
            .map(|item| Question {
                key: item.key(),
                legend: t.get(&format!("item-{}", item.key())),
                options: SCALE_VALUES
                    .iter()
                    .zip(&scale)
                    .enumerate()
                    .map(|(i, (value, label))| Choice {
                        value,
                        label: label.clone(),
                        checked: answers.rating(item).map(|r| usize::from(r.get())) == Some(i + 1),
                    })
                    .collect(),
                problem: flagged(item.key()),
            })
            .collect();
        // A question of options: its legend and labels are `{key}-legend`, `{key}-{value}`.
        let options = |key: &'static str, options: Vec<(&'static str, bool)>| Question {
            key,
            legend: t.get(&format!("{key}-legend")),
            options: options
                .into_iter()
                .map(|(value, checked)| Choice {
                    value,
                    label: t.get(&format!("{key}-{value}")),
                    checked,
                })
                .collect(),
            problem: flagged(key),
        };
        let first_time = options(
            "first_time",
            vec![
                ("yes", answers.first_time == Some(true)),
                ("no", answers.first_time == Some(false)),
            ],
        );
        let helped = options(
            Helped::COLUMN_PREFIX,
            Helped::ALL
                .iter()
                .map(|&c| (c.key(), answers.helped(c)))
                .collect(),
        );
        let hindered = options(
            Hindered::COLUMN_PREFIX,
            Hindered::ALL
                .iter()
                .map(|&c| (c.key(), answers.hindered(c)))
                .collect(),
        );
        let ticket = submission.ticket.clone().unwrap_or_default();
        let path = format!("/s/{code}");
        let keep: Vec<(&str, &str)> = if ticket.is_empty() {
            vec![]
        } else {
            vec![("ticket", ticket.as_str())]
        };
        FormPage {
            page: Page::new(lang, &path, &keep),
            action: href(&path, lang, &[]),
            circle: session.map(|s| s.circle.clone()),
            ticketed: session.map_or(!ticket.is_empty(), |s| s.ticketed),
            ticket,
            problems: messages,
            note: problems
                .contains(&Problem::NothingAnswered)
                .then(|| t.get(Problem::NothingAnswered.message_key())),
            items,
            first_time,
            choices: vec![helped, hindered],
            kiosk: false,
            once: String::new(),
            you_said: None,
            crisis: None,
        }
    }

    /// The same form on a kiosk link: it posts back to that link, and its language
    /// switch stays on it.
    fn in_kiosk(mut self, lang: Lang, kiosk_path: &str) -> FormPage {
        self.page = Page::new(lang, kiosk_path, &[]);
        self.action = href(kiosk_path, lang, &[]);
        self.kiosk = true;
        self
    }
}

/// Problem keys are `&'static str`; map a question key to the one the parser used.
fn field_key(key: &str) -> &'static str {
    Item::from_key(key).map(Item::key).unwrap_or(match key {
        "first_time" => "first_time",
        "helped" => "helped",
        "hindered" => "hindered",
        _ => "",
    })
}

// ---------------------------------------------------------------------------------------
// Handlers

/// The home page, with the code as typed and what was wrong with it.
fn home_page(lang: Lang, typed: &str, linked: Option<Lang>, problem: Option<String>) -> HomePage {
    HomePage {
        page: Page::new(lang, "/", &[]),
        code: typed.chars().take(16).collect(),
        problem,
        linked: linked.map(Lang::code),
    }
}

/// A ticketed session's ticket page, with the ticket as typed and what was wrong with it.
fn ticket_page(
    lang: Lang,
    path: &str,
    circle: &str,
    typed: &str,
    problem: Option<String>,
) -> TicketPage {
    TicketPage {
        page: Page::new(lang, path, &[]),
        action: path.to_owned(),
        circle: circle.to_owned(),
        ticket: typed.to_owned(),
        problem,
    }
}

#[tracing::instrument(name = "participant.home", skip_all)]
async fn home(
    State(c): State<Collector>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ParticipantError> {
    let at = At::new(choose_lang(&raw, &headers, None), "/");
    // Carried to the form only when the link chose it: otherwise the form page chooses
    // afresh, and a session's program default can apply there.
    let linked = linked_lang(&raw);
    let typed = query_param(&raw, "code").unwrap_or_default();
    if typed.trim().is_empty() {
        return render(StatusCode::OK, &home_page(at.lang, &typed, linked, None));
    }
    let on_home = |error: ParticipantError| {
        error.on(Shown::Home {
            typed: typed.clone(),
            linked,
        })
    };
    let code = SessionCode::parse(&typed).ok_or_else(|| on_home(at.fail(Kind::NotFound)))?;
    at.found(catalog::find_session(&c.store, &code).await)
        .map_err(on_home)?;
    Ok(Redirect::to(&match linked {
        Some(lang) => href(&format!("/s/{code}"), lang, &[]),
        None => format!("/s/{code}"),
    })
    .into_response())
}

#[tracing::instrument(name = "participant.form", skip_all)]
async fn form(
    State(c): State<Collector>,
    code: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ParticipantError> {
    let lang = choose_lang(&raw, &headers, None);
    let Ok(Path(code)) = code else {
        return Err(At::new(lang, "/").fail(Kind::NotFound));
    };
    let at = At::new(lang, format!("/s/{code}"));
    let code = SessionCode::parse(&code).ok_or_else(|| at.fail(Kind::NotFound))?;
    let session = at.found(catalog::find_session(&c.store, &code).await)?;
    let at = at.in_lang(choose_lang(&raw, &headers, session.default_lang));
    let lang = at.lang;
    match session.state(now_unix()) {
        SessionState::Open => {}
        state => return Err(at.fail(Kind::Gone(state))),
    }
    let typed: Option<String> =
        query_param(&raw, "ticket").map(|t| t.trim().chars().take(40).collect());
    let ticket = if session.ticketed {
        match check_ticket(&c, &session, typed.as_deref()).await {
            Ok(Some(ticket)) => Some(ticket.as_str().to_owned()),
            Ok(None) => {
                let page = ticket_page(lang, &at.path, &session.circle, "", None);
                return render(StatusCode::OK, &page);
            }
            Err(kind) => {
                return Err(at.fail(kind).on(Shown::Ticket {
                    circle: session.circle.clone(),
                    typed: typed.unwrap_or_default(),
                }));
            }
        }
    } else {
        typed
    };
    let key = c.form_key().await.map_err(|error| at.fail(error))?;
    let submission = Submission {
        ticket,
        ..Submission::default()
    };
    let mut page = FormPage::new(lang, &code, Some(&session), &submission, &[], vec![]);
    page.once = key.issue(session.id).as_str().to_owned();
    page.you_said = you_said(&c, session.id, lang).await;
    render(StatusCode::OK, &page)
}

/// The ticket of a ticketed session's link, checked before the form is shown, so a
/// participant learns about a mistyped or used card before answering rather than after.
/// `None` when none was typed: the ticket page asks for it.
///
/// # Privacy
/// Checking reads the ticket's row and writes nothing: the card stays unused until a
/// form is sent with it, and no trace of the check is kept. It says no more than sending
/// the form would: unknown (also for another session's ticket) or already used.
async fn check_ticket(
    c: &Collector,
    session: &Session,
    typed: Option<&str>,
) -> Result<Option<Ticket>, Kind> {
    let typed = match typed {
        None => return Ok(None),
        Some("") => return Err(Kind::TicketEmpty),
        Some(typed) => typed,
    };
    let ticket = Ticket::parse(typed).ok_or(Refusal::TicketUnknown)?;
    match catalog::ticket_state(&c.store, session.id, &ticket.hash()).await? {
        Some(TicketState::Unused) => Ok(Some(ticket)),
        Some(TicketState::Used) => Err(Refusal::TicketUsed.into()),
        None => Err(Refusal::TicketUnknown.into()),
    }
}

/// The outcome of reading a request body.
enum ReadForm {
    Read(Result<Submission, Rejected>),
    TooLarge,
}

async fn read_form(headers: &HeaderMap, body: Body) -> ReadForm {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES) {
        return ReadForm::TooLarge;
    }
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .starts_with("application/x-www-form-urlencoded")
        });
    let bytes = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            let too_large = std::error::Error::source(&error)
                .is_some_and(|e| e.is::<http_body_util::LengthLimitError>());
            return if too_large {
                ReadForm::TooLarge
            } else {
                ReadForm::Read(Err(Rejected {
                    partial: Submission::default(),
                    problems: vec![Problem::Malformed],
                }))
            };
        }
    };
    if !is_form {
        return ReadForm::Read(Err(Rejected {
            partial: Submission::default(),
            problems: vec![Problem::Malformed],
        }));
    }
    ReadForm::Read(parse_form(&bytes))
}

#[tracing::instrument(name = "participant.submit", skip_all)]
async fn submit(
    State(c): State<Collector>,
    code: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ParticipantError> {
    let lang = choose_lang(&raw, &headers, None);
    let Ok(Path(code)) = code else {
        return Err(At::new(lang, "/").fail(Kind::NotFound));
    };
    submit_to(c, lang, &code, None, &headers, body).await
}

/// Takes one submission for the session of `code`: from its plain link, or (with
/// `kiosk`, the token as typed) from its kiosk link, which must still open it.
///
/// In the order a participant should hear about them: the session (and the kiosk link),
/// the form's token, the checks the handler can make ([`screen`]), then the writer's.
/// Anything short of stored draws the form again with everything valid it carried
/// (see [`Reply`]), or a page about the session.
async fn submit_to(
    c: Collector,
    lang: Lang,
    code: &str,
    kiosk: Option<&str>,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, ParticipantError> {
    let at = At::new(lang, format!("/s/{code}"));
    let code = SessionCode::parse(code).ok_or_else(|| at.fail(Kind::NotFound))?;
    let parsed = read_form(headers, body).await;
    let mut reply = Reply::new(at, code, kiosk, &parsed);
    let session = c
        .sessions
        .find(&c.store, &reply.form.code)
        .await
        .map_err(|error| reply.fail(None, error))?
        .ok_or_else(|| reply.fail(None, Kind::NotFound))?;
    if let Some(token) = kiosk
        && !session.kiosk_open(token, now_unix())
    {
        return Err(reply.at.fail(kiosk_refused(&session)));
    }
    let once = reply.check_once(&c, &session).await?;
    let ticket = match screen(
        &session,
        &parsed,
        &once,
        reply.form.submission.ticket.as_deref(),
    ) {
        Ok(ticket) => ticket,
        // Sent again after it was stored (the browser's "send again?" after a refusal,
        // say, when the session is full by now): already sent, which shows none of what
        // it carried. A store that cannot answer gets the refusal as it stands.
        Err(_) if stored_before(&c, &once).await => {
            return Err(reply.fail(Some(&session), Refusal::AlreadySent));
        }
        Err(kind) => return Err(reply.fail(Some(&session), kind)),
    };
    let pending = Pending {
        session_id: session.id,
        ticketed: session.ticketed,
        ticket,
        form: match &once {
            Once::Sent(token) => Some(token.hash()),
            Once::Missing | Once::Bad => None,
        },
        answers: reply.form.submission.answers.clone(),
    };
    c.committer
        .submit(pending)
        .await
        .map_err(|error| reply.fail(Some(&session), error))?;
    Ok(reply.stored())
}

/// What a submission's form token turned out to be (see [`crate::once`]).
enum Once {
    /// Made for this session by the store's key.
    Sent(FormToken),
    /// None: a page drawn before forms carried one. Taken as before, so no one who had
    /// the form open across an upgrade loses their answers.
    Missing,
    /// Not this session's: cut short, altered, made up, or another session's.
    Bad,
}

impl Once {
    fn check(key: &FormKey, session_id: SessionId, sent: Option<&str>) -> Once {
        match sent {
            None => Once::Missing,
            Some(sent) => key.verify(session_id, sent).map_or(Once::Bad, Once::Sent),
        }
    }
}

/// Whether this form has stored its answers already (`false` when the store cannot say).
async fn stored_before(c: &Collector, once: &Once) -> bool {
    match once {
        Once::Sent(token) => crate::once::was_sent(&c.store, &token.hash())
            .await
            .unwrap_or(false),
        Once::Missing | Once::Bad => false,
    }
}

/// The checks the handler makes before a submission reaches the writer, in the order a
/// participant should hear about them; the ticket's hash when they pass.
fn screen(
    session: &Session,
    parsed: &ReadForm,
    once: &Once,
    ticket: Option<&str>,
) -> Result<Option<TicketHash>, Kind> {
    match session.state(now_unix()) {
        SessionState::Open => {}
        state => return Err(Kind::Gone(state)),
    }
    match parsed {
        ReadForm::TooLarge => return Err(Kind::TooLarge),
        // Refused like any other bad input, before a ticket is looked at or a place taken.
        ReadForm::Read(Err(_)) => return Err(Kind::Problems),
        ReadForm::Read(Ok(_)) => {}
    }
    if let Once::Bad = once {
        return Err(Kind::FormUnknown);
    }
    match (ticket, session.ticketed) {
        (_, false) => Ok(None),
        (None, true) => Err(Refusal::TicketRequired.into()),
        (Some(raw), true) => Ticket::parse(raw)
            .map(|ticket| Some(ticket.hash()))
            .ok_or(Refusal::TicketUnknown.into()),
    }
}

/// A submission on its way: where it was sent, and its form as it would be drawn again.
struct Reply {
    /// The request's language and the session's plain path.
    at: At,
    form: Redraw,
}

impl Reply {
    fn new(at: At, code: SessionCode, kiosk: Option<&str>, parsed: &ReadForm) -> Reply {
        let (submission, problems) = match parsed {
            ReadForm::Read(Ok(s)) => (s.clone(), vec![]),
            ReadForm::Read(Err(r)) => (r.partial.clone(), r.problems.clone()),
            ReadForm::TooLarge => (Submission::default(), vec![]),
        };
        Reply {
            at,
            form: Redraw {
                kiosk_path: kiosk.map(|token| format!("/s/{code}/kiosk/{token}")),
                code,
                once: submission.once.clone().unwrap_or_default(),
                submission,
                problems,
                session: None,
            },
        }
    }

    /// The form's token checked against the store's key. The form drawn again carries
    /// the one sent when it is the session's, a fresh one otherwise.
    async fn check_once(
        &mut self,
        c: &Collector,
        session: &Session,
    ) -> Result<Once, ParticipantError> {
        let key = c
            .form_key()
            .await
            .map_err(|error| self.fail(Some(session), error))?;
        let once = Once::check(key, session.id, self.form.submission.once.as_deref());
        self.form.once = match &once {
            Once::Sent(token) => token.as_str().to_owned(),
            Once::Missing | Once::Bad => key.issue(session.id).as_str().to_owned(),
        };
        Ok(once)
    }

    /// Not stored, for `kind`: said on the form drawn again, or on a page of its own.
    fn fail(&self, session: Option<&Session>, kind: impl Into<Kind>) -> ParticipantError {
        let form = Redraw {
            session: session.cloned(),
            ..self.form.clone()
        };
        self.at.fail(kind).on(Shown::Form(Box::new(form)))
    }

    /// Stored: on to the thanks page. A kiosk's is its own: it goes back to an empty
    /// form by itself.
    fn stored(&self) -> Response {
        let lang = self.at.lang;
        match &self.form.kiosk_path {
            Some(kiosk_path) => Redirect::to(&href(&format!("{kiosk_path}/next"), lang, &[])),
            None => Redirect::to(&href(&format!("/s/{}/thanks", self.form.code), lang, &[])),
        }
        .into_response()
    }
}

#[tracing::instrument(name = "participant.thanks", skip_all)]
async fn thanks(
    State(c): State<Collector>,
    code: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ParticipantError> {
    let lang = choose_lang(&raw, &headers, None);
    let Ok(Path(code)) = code else {
        return Err(At::new(lang, "/").fail(Kind::NotFound));
    };
    let path = format!("/s/{code}/thanks");
    let Some(code) = SessionCode::parse(&code) else {
        return Err(At::new(lang, path).fail(Kind::NotFound));
    };
    let session = c.sessions.find(&c.store, &code).await.ok().flatten();
    let lang = choose_lang(
        &raw,
        &headers,
        session.as_ref().and_then(|s| s.default_lang),
    );
    let crisis = crisis_line(&c, &code, lang).await;
    let you_said = match session {
        Some(session) => you_said(&c, session.id, lang).await,
        None => None,
    };
    render(
        StatusCode::OK,
        &ThanksPage {
            page: Page::new(lang, &path, &[]),
            crisis,
            you_said,
        },
    )
}

// ---------------------------------------------------------------------------------------
// Kiosk mode: one tablet passed around the room

/// How long the kiosk's thanks page stays before it goes back to an empty form.
pub const KIOSK_RETURN_SECONDS: u32 = 12;

#[derive(Template)]
#[template(path = "kiosk_thanks.html")]
struct KioskThanksPage {
    page: Page,
    crisis: String,
    /// The kiosk link without a language: the next person starts in the tablet's own.
    next: String,
    seconds: u32,
    returning: String,
    /// The person asked for more time: no timed return (WCAG 2.2.1, a time limit the
    /// user can turn off), only the "next person" button.
    stay: bool,
    /// This page without its timed return.
    stay_href: String,
}

/// The answer to a kiosk link that does not open its session: closed (window passed,
/// closed early, or sealed and its token erased) is said as for the plain link; a token
/// that was never the session's is "not found", as an unknown code is.
fn kiosk_refused(session: &Session) -> Kind {
    match session.state(now_unix()) {
        SessionState::Closed => Kind::Gone(SessionState::Closed),
        _ => Kind::NotFound,
    }
}

/// The session a kiosk link opens — its code, token, session and plain path — or the
/// page that refuses it. Read afresh, not from the submit path's cache, so a closed
/// session's link shows "closed" at once, on every page.
async fn kiosk_session(
    c: &Collector,
    params: Result<Path<(String, String)>, PathRejection>,
    lang: Lang,
) -> Result<(SessionCode, String, Session, At), ParticipantError> {
    let Ok(Path((code, token))) = params else {
        return Err(At::new(lang, "/").fail(Kind::NotFound));
    };
    let at = At::new(lang, format!("/s/{code}"));
    let code = SessionCode::parse(&code).ok_or_else(|| at.fail(Kind::NotFound))?;
    let session = at.found(catalog::find_session(&c.store, &code).await)?;
    if !session.kiosk_open(&token, now_unix()) {
        return Err(at.fail(kiosk_refused(&session)));
    }
    Ok((code, token, session, at))
}

/// The form on a shared tablet.
///
/// # Privacy
/// Nothing one person answers may reach the next. The form is always drawn empty (never
/// from a query, a cookie or the previous submission); the answers travel in the POST
/// body only, and a success answers with a redirect to a page that holds none of them,
/// so no answer is ever in an address, the tablet's history or a page the back button can
/// bring back. Every page is `no-store` (the [`security_headers`] layer), which also keeps
/// them out of the browser's back/forward cache; the form has `autocomplete="off"`, so
/// the browser neither suggests earlier answers nor restores the form's state when it is
/// reached again through history. The link's token is checked on every request (see
/// [`Session::kiosk_open`]): once the session closes, the link shows only "closed".
#[tracing::instrument(name = "participant.kiosk.form", skip_all)]
async fn kiosk_form(
    State(c): State<Collector>,
    params: Result<Path<(String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ParticipantError> {
    let lang = choose_lang(&raw, &headers, None);
    let (code, token, session, at) = kiosk_session(&c, params, lang).await?;
    let at = at.in_lang(choose_lang(&raw, &headers, session.default_lang));
    let lang = at.lang;
    if session.state(now_unix()) == SessionState::Full {
        return Err(at.fail(Kind::Gone(SessionState::Full)));
    }
    let key = c.form_key().await.map_err(|error| at.fail(error))?;
    let kiosk_path = format!("/s/{code}/kiosk/{token}");
    let mut page = FormPage::new(
        lang,
        &code,
        Some(&session),
        &Submission::default(),
        &[],
        vec![],
    )
    .in_kiosk(lang, &kiosk_path);
    // Each drawing its own token: the next person's form is a new form.
    page.once = key.issue(session.id).as_str().to_owned();
    page.you_said = you_said(&c, session.id, lang).await;
    page.crisis = Some(crisis_line(&c, &code, lang).await);
    render(StatusCode::OK, &page)
}

#[tracing::instrument(name = "participant.kiosk.submit", skip_all)]
async fn kiosk_submit(
    State(c): State<Collector>,
    params: Result<Path<(String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ParticipantError> {
    let lang = choose_lang(&raw, &headers, None);
    let Ok(Path((code, token))) = params else {
        return Err(At::new(lang, "/").fail(Kind::NotFound));
    };
    submit_to(c, lang, &code, Some(&token), &headers, body).await
}

/// The kiosk's thanks page: what was kept, the crisis line, and a big "next person"
/// button; after [`KIOSK_RETURN_SECONDS`] it goes back to an empty form by itself (a
/// meta refresh: no script), unless the person asks for more time (`?stay=1`, a link on
/// the page: someone reading slowly, or the crisis line, is not cut off). It is drawn from the session alone: it cannot show the
/// answers, as it never has them. `Clear-Site-Data: "cache"` asks the browser to drop
/// anything it kept of the earlier pages, the back/forward cache included.
#[tracing::instrument(name = "participant.kiosk.thanks", skip_all)]
async fn kiosk_thanks(
    State(c): State<Collector>,
    params: Result<Path<(String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ParticipantError> {
    let lang = choose_lang(&raw, &headers, None);
    let (code, token, session, _) = kiosk_session(&c, params, lang).await?;
    let lang = choose_lang(&raw, &headers, session.default_lang);
    let crisis = crisis_line(&c, &code, lang).await;
    let next = format!("/s/{code}/kiosk/{token}");
    let stay = query_param(&raw, "stay").is_some_and(|v| v == "1");
    let mut response = render(
        StatusCode::OK,
        &KioskThanksPage {
            page: Page::new(
                lang,
                &format!("{next}/next"),
                if stay { &[("stay", "1")] } else { &[] },
            ),
            stay_href: href(&format!("{next}/next"), lang, &[("stay", "1")]),
            stay,
            crisis,
            next,
            seconds: KIOSK_RETURN_SECONDS,
            returning: lang.tr().count(
                "kiosk-returning",
                "seconds",
                i64::from(KIOSK_RETURN_SECONDS),
            ),
        },
    )
    .unwrap_or_else(IntoResponse::into_response);
    response.headers_mut().insert(
        header::HeaderName::from_static("clear-site-data"),
        HeaderValue::from_static("\"cache\""),
    );
    Ok(response)
}

/// The circle's published "you said, we did" line, in `lang` where translated. If the
/// store cannot answer, the page is shown without it rather than as an error.
async fn you_said(c: &Collector, session_id: SessionId, lang: Lang) -> Option<Written> {
    domain::actions::published_for_session(&c.store, session_id, lang)
        .await
        .map(|line| line.map(|(lang, text)| Written { lang, text }))
        .unwrap_or_else(|error| {
            tracing::warn!(%error, "published action not read; the page is shown without it");
            None
        })
}

/// The line the thanks page shows: the program's, else the organization's (both set by an
/// admin, in `lang`), else the `--crisis-line` flag, else the catalog's translation. The
/// session comes from the cache the submit just filled; the lines take one lookup. If the
/// store cannot answer, the page still shows a line (the default) rather than an error.
async fn crisis_line(c: &Collector, code: &SessionCode, lang: Lang) -> String {
    let set = async {
        let program = c.sessions.find(&c.store, code).await?.map(|s| s.program_id);
        domain::crisis::set_line(&c.store, program, lang).await
    };
    let set = set.await.unwrap_or_else(|error| {
        tracing::warn!(%error, "crisis line not read; the default is shown");
        None
    });
    set.or_else(|| c.settings.crisis_line.clone())
        .unwrap_or_else(|| lang.tr().get("thanks-crisis"))
}

/// Any other path: the same friendly 404 page.
async fn page_not_found(RawQuery(raw): RawQuery, headers: HeaderMap) -> ParticipantError {
    At::new(choose_lang(&raw, &headers, None), "/").fail(Kind::NoSuchPage)
}

#[tracing::instrument(name = "participant.privacy", skip_all)]
async fn privacy(
    State(c): State<Collector>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ParticipantError> {
    let lang = choose_lang(&raw, &headers, None);
    render(
        StatusCode::OK,
        &PrivacyPage {
            page: Page::new(lang, "/privacy", &[]),
            retention_days: retention_days(&c.store).await,
            answers_per_person: answers_per_person(&c.store).await,
        },
    )
}

/// The answers a person the releases are planned for, as participants are told: the
/// setting `analytics::budget` divides the budget by, or the default when the store does
/// not answer — the page never fails over it.
async fn answers_per_person(store: &Store) -> i64 {
    let m = domain::settings::answers_per_person::load(store)
        .await
        .unwrap_or(domain::settings::answers_per_person::DEFAULT);
    i64::from(m)
}

/// The retention time participants are told: the one `analytics::retention` applies, or
/// the default when the store does not answer — the page never fails over it.
async fn retention_days(store: &Store) -> i64 {
    let days = domain::settings::retention::load_days(store)
        .await
        .unwrap_or(domain::settings::retention::DEFAULT_DAYS);
    i64::from(days)
}

async fn healthz(State(c): State<Collector>) -> Response {
    if c.store.is_healthy().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "store unavailable").into_response()
    }
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        STYLESHEET,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use chrono::NaiveDate;
    use tower::ServiceExt;

    use super::*;
    use domain::catalog::NewSession;

    async fn app() -> (Router, Session, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::connect(&format!("sqlite:{}", dir.path().join("h.db").display()))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let new = NewSession::new("p", "c", date, None, None, None).unwrap();
        let (session, _) = catalog::open_session(&store, &new).await.unwrap();
        let router = routes().with_state(Collector::new(store, Settings::default()));
        (router, session, dir)
    }

    async fn body_text(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        String::from_utf8(bytes.to_vec())
            .unwrap()
            .replace("&#39;", "'")
    }

    #[test]
    fn the_stylesheet_names_no_physical_side_so_right_to_left_pages_mirror() {
        // Comments may say "left"; rules may not.
        let mut rules = String::new();
        let mut rest = STYLESHEET;
        while let Some(start) = rest.find("/*") {
            rules.push_str(&rest[..start]);
            let end = rest[start..].find("*/").expect("closed comment");
            rest = &rest[start + end + 2..];
        }
        rules.push_str(rest);
        for side in ["left", "right"] {
            assert!(
                !rules.contains(side),
                "participant.css uses `{side}`: use inline-start/end or start/end"
            );
        }
        assert!(rules.contains("inline-start"));
    }

    #[tokio::test]
    async fn a_streamed_body_over_the_limit_is_413_without_a_content_length() {
        let (router, session, _dir) = app().await;
        let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
            (0..20).map(|_| Ok(vec![b'a'; 1024])).collect();
        let request = Request::post(format!("/s/{}", session.code))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from_stream(futures_util::stream::iter(chunks)))
            .unwrap();
        let response = router.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            body_text(response)
                .await
                .contains("more than this form can take")
        );
    }

    #[tokio::test]
    async fn a_body_that_is_not_a_form_is_422_and_the_page_still_renders() {
        let (router, session, _dir) = app().await;
        let request = Request::post(format!("/s/{}?lang=es", session.code))
            .header("content-type", "text/plain")
            .body(Body::from("belong=4"))
            .unwrap();
        let response = router.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.headers().get("set-cookie").is_none());
        assert!(
            body_text(response)
                .await
                .contains("No pudimos leer lo que se envió")
        );
    }

    #[tokio::test]
    async fn accept_language_picks_the_page_language_when_the_link_does_not() {
        let (router, session, _dir) = app().await;
        let request = Request::get(format!("/s/{}", session.code))
            .header("accept-language", "es-MX,es;q=0.9")
            .body(Body::empty())
            .unwrap();
        let html = body_text(router.clone().oneshot(request).await.unwrap()).await;
        assert!(html.contains(r#"<html lang="es" dir="ltr">"#));
        let request = Request::get(format!("/s/{}?lang=en", session.code))
            .header("accept-language", "es-MX")
            .body(Body::empty())
            .unwrap();
        let html = body_text(router.oneshot(request).await.unwrap()).await;
        assert!(html.contains(r#"<html lang="en" dir="ltr">"#));
    }

    #[tokio::test]
    async fn the_language_switch_keeps_the_ticket() {
        let (router, session, _dir) = app().await;
        let request = Request::get(format!("/s/{}?ticket=ABCDEFGHJKMNPQRSTUVW", session.code))
            .body(Body::empty())
            .unwrap();
        let html = body_text(router.oneshot(request).await.unwrap()).await;
        assert!(
            html.contains(&format!(
                r#"href="/s/{}?lang=es&#38;ticket=ABCDEFGHJKMNPQRSTUVW""#,
                session.code
            )),
            "{html}"
        );
    }
}
