//! Errors that render themselves: what a participant request can end in other than what it
//! asked for, as the translated page that says so.
//!
//! A handler returns `Result<Response, ParticipantError>` and uses `?`. The error carries
//! what its page needs: where the request was ([`At`]: the page's language and path), what
//! went wrong ([`Kind`], which sets the status), and where the participant is told
//! ([`Shown`]: a page of its own, the home page's code box, the ticket page, or the form
//! drawn again with everything valid it carried).
//!
//! # Privacy
//! A store error, or a page that could not be drawn, is handed to
//! [`domain::http::log_internal_errors`] as an [`InternalError`] — here, in
//! [`ParticipantError::into_response`], and nowhere else on the participant side — with the
//! error alone. Nothing about the request, and none of the answers a form carried, is
//! logged: `Debug` on a form to draw again prints none of its fields.

use std::sync::Arc;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::{FormPage, MessagePage, Page, SavedPage};
use crate::commit::{CommitError, Refusal};
use crate::submission::{Problem, Submission};
use domain::catalog::{Session, SessionState};
use domain::code::SessionCode;
use domain::http::InternalError;
use domain::i18n::Lang;

/// A participant request that did not get what it asked for, as the page that says so.
#[derive(Debug, thiserror::Error)]
#[error("{kind}")]
pub(crate) struct ParticipantError {
    at: At,
    kind: Kind,
    shown: Shown,
}

/// Where a participant page is: the language it is drawn in and its own path (which its
/// language switch links to). What an error needs to be drawn as that page's.
#[derive(Clone, Debug)]
pub(crate) struct At {
    pub lang: Lang,
    pub path: String,
}

impl At {
    pub fn new(lang: Lang, path: impl Into<String>) -> At {
        At {
            lang,
            path: path.into(),
        }
    }

    /// The same page in another language (once a session's program default is known).
    pub fn in_lang(self, lang: Lang) -> At {
        At { lang, ..self }
    }

    /// `kind`, on a page of its own here.
    pub fn fail(&self, kind: impl Into<Kind>) -> ParticipantError {
        ParticipantError {
            at: self.clone(),
            kind: kind.into(),
            shown: Shown::Alone,
        }
    }

    /// What a lookup found, or the page saying it found nothing ([`Kind::NotFound`]) or
    /// could not look ([`Kind::Unavailable`]).
    pub fn found<T>(&self, lookup: Result<Option<T>, sqlx::Error>) -> Result<T, ParticipantError> {
        lookup
            .map_err(|error| self.fail(error))?
            .ok_or_else(|| self.fail(Kind::NotFound))
    }
}

/// What went wrong, which sets the status of the page.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Kind {
    /// 404: no session has this code, or the link is not one of a session's.
    #[error("no such session")]
    NotFound,
    /// 404: no participant page has this path.
    #[error("no such page")]
    NoSuchPage,
    /// 410: the session exists and takes no more answers (closed or full).
    #[error("the session takes no more answers ({0:?})")]
    Gone(SessionState),
    /// 503: the store did not answer; its error is logged.
    #[error("the store did not answer: {0}")]
    Unavailable(#[from] sqlx::Error),
    /// The submission was refused, by the writer or by the checks before it: as
    /// [`Kind::NotFound`] or [`Kind::Gone`] for the session's refusals; 403 for a ticket
    /// missing or unknown, 409 for a used one. A form that stored its answers already is
    /// not a failure to the participant: a calm page, 200, that shows none of them.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// 422: the form's own problems, which the form drawn again lists.
    #[error("the form has problems")]
    Problems,
    /// 422: the form's token is not one made for this session.
    #[error("the form's token is not this session's")]
    FormUnknown,
    /// 413: a body larger than any form.
    #[error("the body is larger than a form")]
    TooLarge,
    /// 422: the ticket page was sent with no ticket in it.
    #[error("no ticket was typed")]
    TicketEmpty,
    /// 503: not stored, and never will be from this submission (the writer has logged why).
    #[error("the answers were not stored")]
    NotStored,
    /// 202: perhaps stored. Not a 503, which would promise nothing was kept: the form asks
    /// not to send again (a second copy would count twice, unless the form has a token).
    #[error("the store did not confirm whether the answers were stored")]
    Uncertain,
    /// 500: a page could not be drawn. Opaque to the client; its error is logged.
    #[error("a page could not be drawn: {0}")]
    Page(#[from] askama::Error),
}

impl From<CommitError> for Kind {
    fn from(error: CommitError) -> Kind {
        match error {
            CommitError::Refused(refusal) => Kind::Refused(refusal),
            CommitError::Unavailable => Kind::NotStored,
            CommitError::Uncertain => Kind::Uncertain,
        }
    }
}

/// A page that could not be drawn: opaque to the client, so it needs no language.
impl From<askama::Error> for ParticipantError {
    fn from(error: askama::Error) -> ParticipantError {
        At::new(Lang::default(), "/").fail(error)
    }
}

impl Kind {
    fn status(&self) -> StatusCode {
        match self {
            Kind::NotFound | Kind::NoSuchPage | Kind::Refused(Refusal::UnknownSession) => {
                StatusCode::NOT_FOUND
            }
            Kind::Gone(_) | Kind::Refused(Refusal::Closed | Refusal::Full) => StatusCode::GONE,
            Kind::Unavailable(_) | Kind::NotStored => StatusCode::SERVICE_UNAVAILABLE,
            Kind::Refused(Refusal::TicketRequired | Refusal::TicketUnknown) => {
                StatusCode::FORBIDDEN
            }
            Kind::Refused(Refusal::TicketUsed) => StatusCode::CONFLICT,
            Kind::Refused(Refusal::AlreadySent) => StatusCode::OK,
            Kind::Problems | Kind::FormUnknown | Kind::TicketEmpty => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Kind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Kind::Uncertain => StatusCode::ACCEPTED,
            Kind::Page(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error to log, for the kinds that have one nobody logged yet.
    fn cause(&self) -> Option<String> {
        match self {
            Kind::Unavailable(error) => Some(error.to_string()),
            Kind::Page(error) => Some(error.to_string()),
            _ => None,
        }
    }

    /// Whether the form drawn again says it (else it has a page of its own).
    fn on_the_form(&self) -> bool {
        matches!(
            self,
            Kind::Unavailable(_)
                | Kind::NotStored
                | Kind::Uncertain
                | Kind::TooLarge
                | Kind::Problems
                | Kind::FormUnknown
                | Kind::Refused(
                    Refusal::TicketRequired | Refusal::TicketUnknown | Refusal::TicketUsed
                )
        )
    }

    /// The message catalog keys that say it: on the form drawn again with its `problems`,
    /// or elsewhere (`None`), where a store that did not answer has read nothing rather
    /// than kept the answers. None for the kinds whose page says it all (saved, opaque).
    fn message_keys(&self, problems: Option<&[Problem]>) -> Vec<&'static str> {
        let key = match self {
            Kind::NotFound | Kind::Refused(Refusal::UnknownSession) => "problem-session-unknown",
            Kind::NoSuchPage => "problem-not-found",
            Kind::Gone(SessionState::Full) | Kind::Refused(Refusal::Full) => "problem-session-full",
            Kind::Gone(_) | Kind::Refused(Refusal::Closed) => "problem-session-closed",
            Kind::Unavailable(_) if problems.is_none() => "problem-unavailable-read",
            Kind::Unavailable(_) | Kind::NotStored => "problem-unavailable",
            Kind::Uncertain => "problem-uncertain",
            Kind::TooLarge => "problem-too-large",
            Kind::Problems => return problem_keys(problems.unwrap_or_default()),
            Kind::FormUnknown => "problem-form-unknown",
            Kind::TicketEmpty => "problem-ticket-empty",
            Kind::Refused(Refusal::TicketRequired) => "problem-ticket-required",
            Kind::Refused(Refusal::TicketUnknown) => "problem-ticket-unknown",
            Kind::Refused(Refusal::TicketUsed) => "problem-ticket-used",
            Kind::Refused(Refusal::AlreadySent) | Kind::Page(_) => return vec![],
        };
        vec![key]
    }
}

/// A form's problems as message keys, each once. Nothing answered is the form's calm note,
/// not one of its problems.
fn problem_keys(problems: &[Problem]) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = Vec::new();
    for key in problems
        .iter()
        .filter(|p| **p != Problem::NothingAnswered)
        .map(Problem::message_key)
    {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Where the participant is told. A kind the page cannot say (a session that is gone,
/// on the form) gets a page of its own instead.
#[derive(Debug)]
pub(crate) enum Shown {
    /// A page of its own: a title and the message.
    Alone,
    /// Beside the home page's code box, with the code as typed (not found, unavailable).
    Home {
        typed: String,
        /// The language the link asked for, carried to the form.
        linked: Option<Lang>,
    },
    /// On a ticketed session's ticket page, with the ticket as typed (empty, unknown,
    /// used).
    Ticket { circle: String, typed: String },
    /// On the submission's form, drawn again.
    Form(Box<Redraw>),
}

/// A submission that did not store: its form, to draw again with everything valid it
/// carried, and the token to send it with.
#[derive(Clone)]
pub(crate) struct Redraw {
    pub code: SessionCode,
    /// On a kiosk link: that link, which the form posts back to.
    pub kiosk_path: Option<String>,
    pub submission: Submission,
    pub problems: Vec<Problem>,
    /// The token the form drawn again carries: the one sent when it was the session's, so
    /// a retry and any later "send again?" are the same form; a fresh one otherwise.
    pub once: String,
    /// The session, once found: its circle and whether it takes tickets.
    pub session: Option<Session>,
}

/// Holds answers: never printed.
impl std::fmt::Debug for Redraw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redraw").finish_non_exhaustive()
    }
}

impl ParticipantError {
    /// The same error, told on `shown` where that page can say it.
    pub fn on(self, shown: Shown) -> ParticipantError {
        ParticipantError { shown, ..self }
    }

    /// The page's HTML; `None` for an opaque page.
    fn draw(&self) -> Result<Option<String>, askama::Error> {
        let At { lang, path } = &self.at;
        let (lang, t) = (*lang, lang.tr());
        let problem = || self.kind.message_keys(None).first().map(|key| t.get(key));
        let html = match (&self.kind, &self.shown) {
            (Kind::Page(_), _) => return Ok(None),
            // On a kiosk the saved page's language switch stays on the kiosk link.
            (Kind::Refused(Refusal::AlreadySent), shown) => {
                let next = match shown {
                    Shown::Form(form) => form.kiosk_path.clone(),
                    _ => None,
                };
                SavedPage {
                    page: Page::new(lang, next.as_deref().unwrap_or(path), &[]),
                    next,
                }
                .render()?
            }
            (Kind::NotFound | Kind::Unavailable(_), Shown::Home { typed, linked }) => {
                super::home_page(lang, typed, *linked, problem()).render()?
            }
            (
                Kind::TicketEmpty | Kind::Refused(Refusal::TicketUnknown | Refusal::TicketUsed),
                Shown::Ticket { circle, typed },
            ) => super::ticket_page(lang, path, circle, typed, problem()).render()?,
            (kind, Shown::Form(form)) if kind.on_the_form() => {
                let messages = kind
                    .message_keys(Some(&form.problems))
                    .iter()
                    .map(|key| t.get(key))
                    .collect();
                let mut page = FormPage::new(
                    lang,
                    &form.code,
                    form.session.as_ref(),
                    &form.submission,
                    &form.problems,
                    messages,
                );
                if let Some(kiosk_path) = &form.kiosk_path {
                    page = page.in_kiosk(lang, kiosk_path);
                }
                page.once = form.once.clone();
                page.render()?
            }
            _ => MessagePage {
                page: Page::new(lang, path, &[]),
                title: t.get("problem-title"),
                message: problem().unwrap_or_default(),
            }
            .render()?,
        };
        Ok(Some(html))
    }
}

impl IntoResponse for ParticipantError {
    /// The page, with the status of its kind. A 5xx whose cause nobody logged yet carries
    /// it as the response's [`InternalError`], for the middleware to log once.
    fn into_response(self) -> Response {
        let status = self.kind.status();
        let (mut response, cause) = match self.draw() {
            Ok(Some(html)) => ((status, Html(html)).into_response(), self.kind.cause()),
            Ok(None) => (opaque(status), self.kind.cause()),
            Err(error) => {
                let cause = match self.kind.cause() {
                    Some(cause) => format!("{cause} (and its page could not be drawn: {error})"),
                    None => error.to_string(),
                };
                (opaque(StatusCode::INTERNAL_SERVER_ERROR), Some(cause))
            }
        };
        if let Some(cause) = cause
            && response.status().is_server_error()
        {
            response
                .extensions_mut()
                .insert(InternalError(Arc::new(cause)));
        }
        response
    }
}

/// A page that says only its status, for an error whose cause the client must not see.
fn opaque(status: StatusCode) -> Response {
    (status, status.canonical_reason().unwrap_or("error")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::instrument::{Item, Rating};

    fn logged(response: &Response) -> Option<String> {
        response
            .extensions()
            .get::<InternalError>()
            .map(|InternalError(error)| error.to_string())
    }

    #[test]
    fn every_kind_has_its_status_and_only_a_5xx_with_a_cause_is_handed_on_to_be_logged() {
        let cases = [
            (Kind::NotFound, StatusCode::NOT_FOUND, false),
            (Kind::NoSuchPage, StatusCode::NOT_FOUND, false),
            (Kind::Gone(SessionState::Closed), StatusCode::GONE, false),
            (Kind::Gone(SessionState::Full), StatusCode::GONE, false),
            (
                Kind::Unavailable(sqlx::Error::PoolClosed),
                StatusCode::SERVICE_UNAVAILABLE,
                true,
            ),
            (Refusal::UnknownSession.into(), StatusCode::NOT_FOUND, false),
            (Refusal::Closed.into(), StatusCode::GONE, false),
            (Refusal::Full.into(), StatusCode::GONE, false),
            (Refusal::TicketRequired.into(), StatusCode::FORBIDDEN, false),
            (Refusal::TicketUnknown.into(), StatusCode::FORBIDDEN, false),
            (Refusal::TicketUsed.into(), StatusCode::CONFLICT, false),
            (Refusal::AlreadySent.into(), StatusCode::OK, false),
            (Kind::Problems, StatusCode::UNPROCESSABLE_ENTITY, false),
            (Kind::FormUnknown, StatusCode::UNPROCESSABLE_ENTITY, false),
            (Kind::TooLarge, StatusCode::PAYLOAD_TOO_LARGE, false),
            (Kind::TicketEmpty, StatusCode::UNPROCESSABLE_ENTITY, false),
            // The writer has logged why already.
            (Kind::NotStored, StatusCode::SERVICE_UNAVAILABLE, false),
            (Kind::Uncertain, StatusCode::ACCEPTED, false),
            (
                Kind::Page(askama::Error::Fmt),
                StatusCode::INTERNAL_SERVER_ERROR,
                true,
            ),
        ];
        for (kind, status, handed_on) in cases {
            let name = format!("{kind:?}");
            let response = At::new(Lang::Es, "/s/ABCD-EFGH").fail(kind).into_response();
            assert_eq!(response.status(), status, "{name}");
            assert_eq!(logged(&response).is_some(), handed_on, "{name}");
        }
    }

    #[test]
    fn what_is_logged_is_the_error_alone() {
        let at = At::new(Lang::Es, "/s/ABCD-EFGH?ticket=ABCDEFGHJKMNPQRSTUVW");
        let response = at.fail(sqlx::Error::PoolClosed).into_response();
        assert_eq!(
            logged(&response).as_deref(),
            Some(sqlx::Error::PoolClosed.to_string().as_str())
        );
    }

    #[test]
    fn a_form_to_draw_again_never_prints_its_answers() {
        let mut submission = Submission::default();
        submission
            .answers
            .set_rating(Item::Belong, Rating::try_from(4).ok());
        submission.ticket = Some("ABCDEFGHJKMNPQRSTUVW".into());
        let form = Redraw {
            code: SessionCode::generate(),
            kiosk_path: None,
            submission,
            problems: vec![],
            once: String::new(),
            session: None,
        };
        let error = At::new(Lang::En, "/s/ABCD-EFGH")
            .fail(Kind::NotStored)
            .on(Shown::Form(Box::new(form)));
        let printed = format!("{error:?} {error}");
        assert!(!printed.contains("ABCDEFGHJKMNPQRSTUVW") && !printed.contains("Belong"));
        assert!(printed.contains("Redraw"), "{printed}");
    }
}
