//! Paper forms, for groups without phones: the facilitator's desk prints a one-page form
//! for a session (in each participant language), and a data-entry account types a stack
//! of filled-in forms into the same session.
//!
//! The printed form carries the session's code, the same statements and the same "what
//! we keep" words as the participant pages (from their message catalogs), with numbered
//! boxes. The entry page is built for the keyboard: four short fields of digits per form,
//! Enter adds the form to the stack, and the stack is saved at once, all or none, under
//! the session's capacity, through the collector's own checks and insert path
//! (`collector::paper::save_stack`) — the one place this crate writes a response. Forms
//! come in after their meeting, so a session takes them while it is open and for
//! `collector::paper::PAPER_DAYS` days after it closes, never past its month's release;
//! the close confirmation and the entry pages say until when.
//!
//! A refused form or stack stores nothing, and the page says exactly what it still holds,
//! unsaved; the last form of the stack is shown before it can be taken off.
//!
//! # Privacy
//! The stack lives in the entry page itself (hidden fields of a `no-store` page) until it
//! is saved, never in the staff session or any table. Saving shuffles it and stores
//! nothing about when, in which order or by whom the forms were typed; the only trace of
//! the typist is one audit entry per stack: "typed in paper forms for session X", without
//! how many (a count of answers, kept forever, would be an exact count outside the
//! releases). Data entry sees whether a session has room or is full, never how much room:
//! room is capacity minus the session's count.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use collector::paper::{self, MAX_STACK, NotSaved, Takes, Typed};
use domain::ProgramId;
use domain::audit::{Action, Actor, Entry};
use domain::catalog::{self, Session, SessionState, now_unix};
use domain::code::SessionCode;
use domain::i18n::Lang;
use domain::instrument::{Helped, Hindered, Item};
use serde::Deserialize;
use tower_sessions::Session as StaffSession;

use crate::Dashboards;
use crate::access::Area;
use crate::auth::Signed;
use crate::once;
use crate::page::{Chrome, StaffError, local_time};
use crate::words;

// ---------------------------------------------------------------------------------------
// The printed form

#[derive(Template)]
#[template(path = "paper_form.html")]
struct PaperPage {
    chrome: Chrome,
    code: String,
    lang: &'static str,
    /// `rtl` for a language written right to left: the sheet mirrors (statements at the
    /// right, boxes 1 to 5 from right to left), the boxes' numbers stay 1–5.
    dir: &'static str,
    langs: Vec<(&'static str, &'static str, bool)>,
    w: PaperWords,
}

/// Everything the sheet says, in one participant language.
struct PaperWords {
    /// The heading of the statements' column, for screen readers (from the staff
    /// catalog, so English for a language without one).
    statement: String,
    title: String,
    session: String,
    group: String,
    intro: String,
    how: String,
    scale: Vec<String>,
    items: Vec<String>,
    first_time: String,
    yes: String,
    no: String,
    helped: String,
    helped_options: Vec<String>,
    hindered: String,
    hindered_options: Vec<String>,
    kept_heading: String,
    kept: String,
    not_kept_heading: String,
    not_kept: String,
    /// How well the answers are protected, for the number of answers a month the
    /// releases are planned for (the privacy page's words, shortened).
    protected: String,
    typed: String,
    no_name: String,
    crisis: String,
}

fn paper_words(
    lang: Lang,
    session: &Session,
    crisis: Option<String>,
    answers_per_person: u32,
) -> PaperWords {
    let t = lang.tr();
    PaperWords {
        statement: t.get("col-statement"),
        title: t.get("form-title"),
        session: t.args(
            "paper-session",
            &[
                ("code", &session.code.to_string()),
                ("date", &t.long_date(session.held_on)),
            ],
        ),
        group: t.with("form-group", "circle", &session.circle),
        intro: t.get("form-intro"),
        how: t.get("paper-how"),
        scale: (1..=5).map(|n| t.get(&format!("scale-{n}"))).collect(),
        items: Item::ALL
            .iter()
            .map(|i| t.get(&format!("item-{}", i.key())))
            .collect(),
        first_time: t.get("first_time-legend"),
        yes: t.get("first_time-yes"),
        no: t.get("first_time-no"),
        helped: t.get("helped-legend"),
        helped_options: Helped::ALL
            .iter()
            .map(|c| t.get(&format!("helped-{}", c.key())))
            .collect(),
        hindered: t.get("hindered-legend"),
        hindered_options: Hindered::ALL
            .iter()
            .map(|c| t.get(&format!("hindered-{}", c.key())))
            .collect(),
        kept_heading: t.get("thanks-kept-heading"),
        kept: t.get("thanks-kept"),
        not_kept_heading: t.get("thanks-not-kept-heading"),
        not_kept: t.get("paper-not-kept"),
        protected: t.count("paper-protected", "times", i64::from(answers_per_person)),
        typed: t.get("paper-typed"),
        no_name: t.get("paper-no-name"),
        crisis: crisis.unwrap_or_else(|| t.get("thanks-crisis")),
    }
}

#[derive(Deserialize)]
pub(crate) struct LangQuery {
    #[serde(default)]
    lang: String,
}

/// The one-page paper form of a session, for the session's own staff (as the desk is, and
/// answering as the desk does: another program's code is not found).
/// Printing a blank form changes nothing and shows no secret, so it leaves no audit entry.
pub(crate) async fn print(
    State(dash): State<Dashboards>,
    signed: Signed,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> Result<Response, StaffError> {
    // The desk's rule: another program's session is "not found", as an unknown code is,
    // so the page never confirms that a code exists elsewhere.
    let session = crate::facilitator::own_session(&dash, &signed, &code).await?;
    let lang = Lang::from_code(&query.lang).unwrap_or(Lang::En);
    let crisis = domain::crisis::set_line(&dash.store, Some(session.program_id), lang).await?;
    let page = PaperPage {
        chrome: signed.chrome(words::tr().with(
            "paper-form-title",
            "code",
            &session.code.to_string(),
        )),
        code: session.code.to_string(),
        lang: lang.code(),
        dir: lang.dir().as_str(),
        langs: Lang::all()
            .into_iter()
            .map(|l| (l.code(), l.native_name(), l == lang))
            .collect(),
        w: paper_words(
            lang,
            &session,
            crisis,
            domain::settings::answers_per_person::load(&dash.store).await?,
        ),
    };
    signed.render(&page)
}

async fn find(dash: &Dashboards, code: &str) -> Result<Session, StaffError> {
    let code = SessionCode::parse(code).ok_or(StaffError::NotFound)?;
    catalog::find_session(&dash.store, &code)
        .await?
        .ok_or(StaffError::NotFound)
}

// ---------------------------------------------------------------------------------------
// Typing in a stack of forms

/// The signed-in data-entry account's program, or 403.
fn entry_program(signed: &Signed) -> Result<ProgramId, StaffError> {
    let program = signed.user.program_id.ok_or(StaffError::Forbidden)?;
    signed.require(Area::PaperEntry(program))?;
    Ok(program)
}

/// The session of `code` if it is in the typist's program; another program's is "not
/// found", as an unknown code is.
async fn entry_session(
    dash: &Dashboards,
    signed: &Signed,
    code: &str,
) -> Result<Session, StaffError> {
    let program = entry_program(signed)?;
    let session = find(dash, code).await?;
    if session.program_id != program {
        return Err(StaffError::NotFound);
    }
    Ok(session)
}

struct OpenRow {
    code: String,
    circle: String,
    held_on: String,
    /// Full (no room left) rather than with room; never how much room.
    full: bool,
    /// Closed online: only its paper forms are still taken.
    closed: bool,
    /// Until when its paper forms can be typed in (the latest, while it is open).
    until: String,
}

#[derive(Template)]
#[template(path = "paper_sessions.html")]
struct EntrySessionsPage {
    chrome: Chrome,
    sessions: Vec<OpenRow>,
    paper_days: i64,
}

/// The program's sessions that take paper forms: open, or closed less than
/// [`paper::PAPER_DAYS`] ago (and before their month's release); full ones too, marked.
pub(crate) async fn sessions(
    State(dash): State<Dashboards>,
    signed: Signed,
) -> Result<Response, StaffError> {
    let program = entry_program(&signed)?;
    let now = now_unix();
    let sessions = catalog::recent_sessions(&dash.store, program, 30)
        .await?
        .into_iter()
        .filter(|s| Takes::of(s, now) != Takes::Over)
        .map(|s| OpenRow {
            code: s.code.to_string(),
            circle: s.circle.clone(),
            held_on: s.held_on.to_string(),
            full: Takes::of(&s, now) == Takes::Full,
            closed: s.state(now) == SessionState::Closed,
            until: local_time(paper::paper_until(&s)),
        })
        .collect();
    let page = EntrySessionsPage {
        chrome: signed.chrome(words::tr().get("nav-paper")),
        sessions,
        paper_days: paper::PAPER_DAYS,
    };
    signed.render(&page)
}

/// What refused a form or a stack, and what is still on the page.
struct Refused {
    /// "This form was not added to the stack." or "Nothing was saved."
    heading: String,
    problems: Vec<String>,
    /// What is kept, not saved, when there is anything: said exactly.
    kept: Option<String>,
}

#[derive(Template)]
#[template(path = "paper_entry.html")]
struct EntryPage {
    chrome: Chrome,
    code: String,
    circle: String,
    held_on: String,
    /// Whether it takes forms in a word: "room", "full" or "over"; never how much room.
    takes: &'static str,
    /// Closed online (its window ended, or it was closed early).
    closed: bool,
    /// Until when its paper forms can be typed in: the latest, while it is open.
    until: String,
    paper_days: i64,
    /// The forms typed so far, not saved yet, as the page carries them.
    stack: Vec<String>,
    /// The last form of the stack in words, to see before taking it off.
    last: Option<String>,
    /// The form being typed, kept when it has a problem.
    current: Typed,
    refused: Option<Refused>,
    /// What was just added, taken off or saved, said once.
    note: Option<String>,
    once: String,
    statements: Vec<String>,
    helped: Vec<String>,
    hindered: Vec<String>,
}

const NOTE_KEY: &str = "paper.note";

/// A typed form as the page shows it back: its four fields' digits, "none" for an empty one.
fn digits_of(typed: &Typed) -> String {
    let t = words::tr();
    let none = t.get("paper-entry-digits-none");
    let or_none = |d: &str| {
        if d.is_empty() {
            none.clone()
        } else {
            d.to_owned()
        }
    };
    t.args(
        "paper-entry-digits",
        &[
            ("ratings", &or_none(&typed.ratings)),
            ("first", &or_none(&typed.first_time)),
            ("helped", &or_none(&typed.helped)),
            ("hindered", &or_none(&typed.hindered)),
        ],
    )
}

/// A count of forms for a plural message.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// What a refusal leaves on the page, in one sentence: the stack's forms (and the form in
/// the fields) are kept, not saved.
fn kept_words(stack: usize, current: &Typed, adding: bool) -> Option<String> {
    let t = words::tr();
    match (stack, adding || current.is_blank()) {
        (0, true) => None,
        (0, false) => Some(t.get("paper-entry-kept-fields")),
        (n, true) => Some(t.count("paper-entry-kept-stack", "n", count(n))),
        (n, false) => Some(t.count("paper-entry-kept-both", "n", count(n))),
    }
}

/// What the entry page carries from one request to the next, in its own fields: the stack
/// typed so far (encoded forms, not saved), the form in the fields, and the `once` token
/// naming the stack.
struct Carried {
    stack: Vec<String>,
    current: Typed,
    once: String,
}

impl Carried {
    /// An empty stack and empty fields, under a fresh token.
    fn fresh() -> Carried {
        Carried {
            stack: vec![],
            current: Typed::default(),
            once: once::token(),
        }
    }
}

fn entry_page(
    signed: &Signed,
    session: &Session,
    carried: Carried,
    refused: Option<Refused>,
    note: Option<String>,
) -> EntryPage {
    // The statements and options in the page's language, from the participant catalog.
    let t = words::tr();
    let now = now_unix();
    EntryPage {
        chrome: signed.chrome(t.with("paper-entry-title", "code", &session.code.to_string())),
        code: session.code.to_string(),
        circle: session.circle.clone(),
        held_on: session.held_on.to_string(),
        takes: match Takes::of(session, now) {
            Takes::Room => "room",
            Takes::Full => "full",
            Takes::Over => "over",
        },
        closed: session.state(now) == SessionState::Closed,
        until: local_time(paper::paper_until(session)),
        paper_days: paper::PAPER_DAYS,
        last: carried
            .stack
            .last()
            .and_then(|f| Typed::decode(f))
            .map(|f| digits_of(&f)),
        stack: carried.stack,
        current: carried.current,
        refused,
        note,
        once: carried.once,
        statements: Item::ALL
            .iter()
            .map(|i| t.get(&format!("item-{}", i.key())))
            .collect(),
        helped: Helped::ALL
            .iter()
            .map(|c| t.get(&format!("helped-{}", c.key())))
            .collect(),
        hindered: Hindered::ALL
            .iter()
            .map(|c| t.get(&format!("hindered-{}", c.key())))
            .collect(),
    }
}

pub(crate) async fn entry(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: StaffSession,
    Path(code): Path<String>,
) -> Result<Response, StaffError> {
    let session = entry_session(&dash, &signed, &code).await?;
    let note: Option<String> = staff.remove(NOTE_KEY).await?;
    let page = entry_page(&signed, &session, Carried::fresh(), None, note);
    signed.render(&page)
}

/// What the entry form's button asks for (its `do` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EntryAction {
    /// Enter: add the form in the fields to the stack (anything but "undo" or "save").
    Add,
    /// Take the last form off the stack.
    Undo,
    /// Save the stack, with the form in the fields when one is typed.
    Save,
}

impl EntryAction {
    fn parse(sent: &str) -> EntryAction {
        match sent {
            "undo" => EntryAction::Undo,
            "save" => EntryAction::Save,
            _ => EntryAction::Add,
        }
    }
}

/// The entry form as sent: the button, and what the page carries (`form`, repeated, is
/// the stack so far).
struct EntryForm {
    action: EntryAction,
    carried: Carried,
}

impl EntryForm {
    /// Reads the form; a stack sent without a `once` token gets a fresh one.
    fn read(raw: &[u8]) -> EntryForm {
        let field = |name: &str| {
            form_urlencoded::parse(raw)
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        };
        let stack: Vec<String> = form_urlencoded::parse(raw)
            .filter(|(k, _)| k == "form")
            .map(|(_, v)| v.into_owned())
            .take(MAX_STACK + 1)
            .collect();
        let once = field("once");
        EntryForm {
            action: EntryAction::parse(&field("do")),
            carried: Carried {
                stack,
                current: Typed::new(
                    &field("ratings"),
                    &field("first_time"),
                    &field("helped"),
                    &field("hindered"),
                ),
                once: if once.is_empty() { once::token() } else { once },
            },
        }
    }
}

/// Why a stack was not saved, in the typist's words.
fn not_saved_words(refusal: NotSaved, session: &Session) -> String {
    let t = words::tr();
    match refusal {
        NotSaved::Full => t.get("paper-entry-full-refused"),
        NotSaved::Over { until } => t.args(
            "paper-entry-over-refused",
            &[
                ("until", &local_time(until)),
                ("days", &paper::PAPER_DAYS.to_string()),
            ],
        ),
        NotSaved::Released => t.with(
            "paper-entry-released-refused",
            "month",
            &domain::locale::month_year(t.lang(), session.held_on),
        ),
    }
}

/// Adds a form to the stack (re-drawing the page: nothing is stored yet), drops the last
/// one, or saves the stack (post/redirect/get, once per stack: `once` names the stack, and
/// the same stack sent again is not stored twice). A refusal stores nothing and says
/// exactly what is still on the page, unsaved.
pub(crate) async fn enter(
    State(dash): State<Dashboards>,
    signed: Signed,
    staff: StaffSession,
    Path(code): Path<String>,
    axum::extract::RawForm(raw): axum::extract::RawForm,
) -> Result<Response, StaffError> {
    let session = entry_session(&dash, &signed, &code).await?;
    let EntryForm { action, carried } = EntryForm::read(&raw);
    let entering = Entering {
        signed: &signed,
        session: &session,
        action,
    };
    let typed = match reread(&carried.stack) {
        Ok(typed) => typed,
        Err(problem) => {
            let dropped = Carried {
                stack: vec![],
                ..carried
            };
            return entering.refuse(dropped, vec![problem]);
        }
    };
    let saved_before = once::led_to(&staff, &carried.once).await?.is_some();
    match action {
        EntryAction::Undo => entering.undo(carried),
        // The stack was saved already (a reload, a double press): nothing more is stored.
        EntryAction::Add | EntryAction::Save if saved_before => {
            Ok(Redirect::to(&entering.address()).into_response())
        }
        EntryAction::Add => entering.add(carried),
        EntryAction::Save => save(&dash, &staff, &entering, carried, typed).await,
    }
}

/// Every form of the stack, read again: the page is the client's, not a store. One that
/// cannot be read drops the stack, with this problem.
fn reread(stack: &[String]) -> Result<Vec<Typed>, String> {
    let mut typed: Vec<Typed> = Vec::with_capacity(stack.len());
    for (n, token) in stack.iter().enumerate() {
        match Typed::decode(token).map(|t| (t.answers().map(|_| ()), t)) {
            Some((Ok(()), t)) => typed.push(t),
            _ => {
                return Err(words::tr().with("paper-entry-unreadable", "n", &(n + 1).to_string()));
            }
        }
    }
    Ok(typed)
}

/// One request to the entry page: who types, into which session, asking for what.
struct Entering<'a> {
    signed: &'a Signed,
    session: &'a Session,
    action: EntryAction,
}

impl Entering<'_> {
    /// The session's entry page.
    fn address(&self) -> String {
        format!("/staff/entry/{}", self.session.code)
    }

    /// The page again with what it carries and a note, if any.
    fn show(&self, carried: Carried, note: Option<String>) -> Result<Response, StaffError> {
        let page = entry_page(self.signed, self.session, carried, None, note);
        self.signed.render(&page)
    }

    /// The page again with what refused the form or the stack, as 422: nothing is stored,
    /// and the page says what it still holds.
    fn refuse(&self, carried: Carried, problems: Vec<String>) -> Result<Response, StaffError> {
        let adding = self.action == EntryAction::Add;
        let refused = Refused {
            heading: words::tr().get(if adding {
                "paper-entry-not-added"
            } else {
                "paper-entry-nothing-saved"
            }),
            problems,
            kept: kept_words(carried.stack.len(), &carried.current, adding),
        };
        let page = entry_page(self.signed, self.session, carried, Some(refused), None);
        self.signed.refuse(&page)
    }

    /// Takes the last form off the stack.
    fn undo(&self, mut carried: Carried) -> Result<Response, StaffError> {
        let note = carried
            .stack
            .pop()
            .and_then(|f| Typed::decode(&f))
            .map(|f| {
                words::tr().args(
                    "paper-entry-took-off",
                    &[
                        ("n", &(carried.stack.len() + 1).to_string()),
                        ("form", &digits_of(&f)),
                        ("left", &carried.stack.len().to_string()),
                    ],
                )
            });
        self.show(carried, note)
    }

    /// Adds the form in the fields to the stack, and empties the fields for the next.
    fn add(&self, mut carried: Carried) -> Result<Response, StaffError> {
        if carried.current.is_blank() {
            let problem = words::tr().get("paper-entry-type-first");
            return self.refuse(carried, vec![problem]);
        }
        if let Err(problems) = carried.current.answers() {
            return self.refuse(carried, problems);
        }
        if carried.stack.len() >= MAX_STACK {
            let problem = words::tr().with("paper-entry-stack-full", "max", &MAX_STACK.to_string());
            return self.refuse(carried, vec![problem]);
        }
        carried.stack.push(carried.current.encode());
        let note =
            Some(words::tr().with("paper-entry-added", "n", &carried.stack.len().to_string()));
        carried.current = Typed::default();
        self.show(carried, note)
    }
}

/// The forms a save stores: the stack's, and the form in the fields when one is typed (it
/// is part of the stack); or what refuses the save.
fn to_save(current: &Typed, mut typed: Vec<Typed>) -> Result<Vec<Typed>, Vec<String>> {
    if !current.is_blank() {
        if let Err(problems) = current.answers() {
            let t = words::tr();
            let mut problems: Vec<String> = problems
                .into_iter()
                .map(|p| t.with("paper-entry-in-fields", "problem", &p))
                .collect();
            if !typed.is_empty() {
                problems.push(t.count("paper-entry-correct-it", "n", count(typed.len())));
            }
            return Err(problems);
        }
        typed.push(current.clone());
    }
    if typed.is_empty() {
        return Err(vec![words::tr().get("paper-entry-stack-empty")]);
    }
    if typed.len() > MAX_STACK {
        return Err(vec![words::tr().with(
            "paper-entry-save-at-most",
            "max",
            &MAX_STACK.to_string(),
        )]);
    }
    Ok(typed)
}

/// Saves the stack, all or none, with one audit entry, then leads back to the entry page
/// with a note (post/redirect/get); a refusal stores nothing.
async fn save(
    dash: &Dashboards,
    staff: &StaffSession,
    entering: &Entering<'_>,
    carried: Carried,
    typed: Vec<Typed>,
) -> Result<Response, StaffError> {
    let typed = match to_save(&carried.current, typed) {
        Ok(typed) => typed,
        Err(problems) => return entering.refuse(carried, problems),
    };
    let session = entering.session;
    let answers: Vec<_> = typed.iter().filter_map(|t| t.answers().ok()).collect();
    let subject = session.code.to_string();
    // Without how many: see the module's privacy note.
    let detail = format!(
        "{} / {}, {}: a stack of paper forms typed in (how many is not recorded)",
        session.program, session.circle, session.held_on
    );
    let entry = Entry::new(
        Actor::Staff(&entering.signed.user.email),
        Action::PaperFormsEntered,
        &subject,
    )
    .detail(&detail);
    match paper::save_stack(&dash.store, session, &answers, entry).await? {
        Ok(()) => {
            tracing::info!(session.code = %session.code, "paper forms typed in");
            let at = entering.address();
            once::remember(staff, &carried.once, &at).await?;
            let note = words::tr().count("paper-entry-saved", "n", count(answers.len()));
            staff.insert(NOTE_KEY, note).await?;
            Ok(Redirect::to(&at).into_response())
        }
        Err(refusal) => {
            let problem = not_saved_words(refusal, session);
            entering.refuse(carried, vec![problem])
        }
    }
}
