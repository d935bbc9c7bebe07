//! What every staff page shares: the frame (title, navigation, sign-out form), errors as
//! pages, the stylesheet. The home page is `home`.

use std::sync::Arc;

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum_csrf::CsrfToken;

use crate::access::{Area, allowed};
use crate::account::{Role, StaffUser};
use crate::words::{self, T};

/// The frame around a page's content.
pub(crate) struct Chrome {
    pub title: String,
    pub stylesheet: &'static str,
    /// The token every form on the page sends back as `authenticity_token`.
    pub csrf: String,
    pub user: Option<StaffUser>,
    pub nav: Vec<NavLink>,
    /// The page's text in its language (see [`crate::words`]).
    pub t: T,
}

pub(crate) struct NavLink {
    pub href: String,
    pub label: String,
}

impl Chrome {
    pub fn new(title: impl Into<String>, user: Option<&StaffUser>, csrf: &CsrfToken) -> Chrome {
        let tr = words::tr();
        let mut nav = vec![];
        if let Some(user) = user {
            nav.push(NavLink {
                href: "/staff".into(),
                label: tr.get("nav-home"),
            });
            if let Some(p) = user.program_id {
                if allowed(user, Area::Program(p)) {
                    nav.push(NavLink {
                        href: format!("/staff/programs/{p}"),
                        label: tr.get("nav-overview"),
                    });
                }
                if allowed(user, Area::Sessions(p)) {
                    nav.push(NavLink {
                        href: "/staff/sessions".into(),
                        label: tr.get("nav-sessions"),
                    });
                }
                if allowed(user, Area::PaperEntry(p)) {
                    nav.push(NavLink {
                        href: "/staff/entry".into(),
                        label: tr.get("nav-paper"),
                    });
                }
            }
            if allowed(user, Area::Reports) {
                nav.push(NavLink {
                    href: "/staff/reports".into(),
                    label: tr.get("nav-reports"),
                });
            }
            if user.role == Role::Admin {
                nav.push(NavLink {
                    href: "/staff/admin".into(),
                    label: tr.get("nav-programs"),
                });
                nav.push(NavLink {
                    href: "/staff/admin/users".into(),
                    label: tr.get("nav-users"),
                });
                nav.push(NavLink {
                    href: "/staff/admin/privacy".into(),
                    label: tr.get("nav-privacy"),
                });
                nav.push(NavLink {
                    href: "/staff/admin/ledger".into(),
                    label: tr.get("nav-ledger"),
                });
                nav.push(NavLink {
                    href: "/staff/admin/audit".into(),
                    label: tr.get("nav-audit"),
                });
                nav.push(NavLink {
                    href: "/staff/admin/api-tokens".into(),
                    label: tr.get("nav-api-tokens"),
                });
                nav.push(NavLink {
                    href: "/staff/admin/webhooks".into(),
                    label: tr.get("nav-webhooks"),
                });
                nav.push(NavLink {
                    href: "/staff/admin/single-sign-on".into(),
                    label: tr.get("nav-sso"),
                });
            }
            nav.push(NavLink {
                href: "/staff/account".into(),
                label: tr.get("nav-account"),
            });
        }
        Chrome {
            title: title.into(),
            stylesheet: stylesheet_url(),
            csrf: csrf.authenticity_token().unwrap_or_default(),
            user: user.cloned(),
            nav,
            t: words::t(),
        }
    }

    /// A frame with no navigation and no forms (error pages).
    fn bare(title: &str) -> Chrome {
        Chrome {
            title: title.to_owned(),
            stylesheet: stylesheet_url(),
            csrf: String::new(),
            user: None,
            nav: vec![],
            t: words::t(),
        }
    }
}

/// What a staff request can fail with. Client errors are pages a person can read; an
/// internal error is opaque to the client and logged once by the app's middleware.
#[derive(Debug)]
pub(crate) enum StaffError {
    Forbidden,
    NotFound,
    BadRequest(String),
    Csrf,
    Internal(String),
}

impl StaffError {
    /// An internal error from something that is not a `std::error::Error` (a chart's
    /// drawing message).
    pub fn internal(error: impl std::fmt::Display) -> StaffError {
        StaffError::Internal(error.to_string())
    }
}

/// Any error of a library or of Hearth's own crates is an internal error here, so a
/// handler can use `?` on it (as the axum examples and realworld-axum-sqlx do). Client
/// errors are never made this way: they are the variants above, chosen where they arise.
impl<E: std::error::Error> From<E> for StaffError {
    fn from(error: E) -> StaffError {
        StaffError::internal(error)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    message: String,
}

impl IntoResponse for StaffError {
    fn into_response(self) -> Response {
        let tr = words::tr();
        let (status, title, message) = match self {
            StaffError::Forbidden => (
                StatusCode::FORBIDDEN,
                tr.get("error-forbidden-title"),
                tr.get("error-forbidden"),
            ),
            StaffError::NotFound => (
                StatusCode::NOT_FOUND,
                tr.get("error-not-found-title"),
                tr.get("error-not-found"),
            ),
            StaffError::BadRequest(message) => (
                StatusCode::BAD_REQUEST,
                tr.get("error-bad-request-title"),
                message,
            ),
            StaffError::Csrf => (
                StatusCode::FORBIDDEN,
                tr.get("error-csrf-title"),
                tr.get("error-csrf"),
            ),
            StaffError::Internal(error) => {
                let mut response =
                    (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response();
                response
                    .extensions_mut()
                    .insert(domain::http::InternalError(Arc::new(error)));
                return response;
            }
        };
        let page = ErrorPage {
            chrome: Chrome::bare(&title),
            message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, title).into_response(),
        }
    }
}

/// An error's message as a sentence a person reads on a page: capitalised, with a full stop.
/// A refused catalog change as a page says it: the problem, and where an admin puts it
/// right when that is a page of this site.
pub(crate) fn catalog_problem(error: domain::catalog::CatalogError) -> String {
    use domain::catalog::{CatalogError as E, MAX_CAPACITY, MAX_HOURS};
    let tr = crate::words::tr();
    let mut text = match &error {
        E::Capacity => tr.with("catalog-err-capacity", "max", &MAX_CAPACITY.to_string()),
        E::Hours => tr.with("catalog-err-hours", "max", &MAX_HOURS.to_string()),
        E::Tickets => tr.with("catalog-err-tickets", "max", &MAX_CAPACITY.to_string()),
        E::UnknownCode(code) => tr.with("catalog-err-unknown-code", "code", code),
        E::Released(period) => tr.with("catalog-err-released", "period", period),
        E::Date => tr.get("catalog-err-date"),
        E::ArchivedProgram(name) => tr.with("catalog-err-archived-program", "name", name),
        E::ArchivedCircle(name) => tr.with("catalog-err-archived-circle", "name", name),
        E::ProgramNameTaken(name) => tr.with("catalog-err-program-taken", "name", name),
        E::CircleNameTaken(name) => tr.with("catalog-err-circle-taken", "name", name),
        E::KioskTickets => tr.get("catalog-err-kiosk-tickets"),
        E::UnknownProgram => tr.get("catalog-err-unknown-program"),
        E::UnknownCircle => tr.get("catalog-err-unknown-circle"),
        // Names and text checks carry the field's English name; the database's own words.
        E::Text(e) => text_problem(e),
        E::EmptyName(_) | E::LongName(_) | E::Database(_) => sentence(&error),
    };
    if error.is_archived() {
        text.push(' ');
        text.push_str(&tr.get("catalog-err-restore-hint"));
    }
    text
}

/// Text refused for an invisible or unsafe character, as the page's language says it: the
/// same sentence as the domain's English (`domain::text`), with the field named in the
/// page's language when it is one Hearth knows.
pub(crate) fn text_problem(error: &domain::text::TextError) -> String {
    use domain::text::Problem;
    let tr = crate::words::tr();
    let what = match error.what.as_str() {
        "the program name" => tr.get("text-what-program-name"),
        "the circle name" => tr.get("text-what-circle-name"),
        "the action" => tr.get("text-what-action"),
        "the English line" => tr.get("text-what-english-line"),
        "the Spanish line" => tr.get("text-what-spanish-line"),
        "The token's name" => tr.get("text-what-token-name"),
        other => match other
            .strip_suffix(" line")
            .and_then(|l| l.strip_prefix("the "))
        {
            Some(language) => tr.with("text-what-crisis-line", "language", language),
            None => other.to_owned(),
        },
    };
    let code = |c: char| format!("U+{:04X}", u32::from(c));
    sentence(match error.problem {
        Problem::LineBreak => tr.with("text-line-break", "what", &what),
        Problem::Tab => tr.with("text-tab", "what", &what),
        Problem::Control(c) => tr.args("text-control", &[("what", &what), ("code", &code(c))]),
        Problem::Direction(c) => tr.args("text-direction", &[("what", &what), ("code", &code(c))]),
        Problem::FormulaStart(c) => {
            tr.args("text-formula", &[("what", &what), ("char", &c.to_string())])
        }
    })
}

pub(crate) fn sentence(message: impl std::fmt::Display) -> String {
    let text = message.to_string();
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return text,
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// A moment as the staff pages show it, in the server's time zone and the page's language:
/// "3 Mar 2026, 18:30", "3 mar 2026, 18:30" (when a session closes, until when its paper
/// forms are taken).
pub(crate) fn local_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| {
            let t = t.with_timezone(&chrono::Local);
            let day = domain::locale::day_short_month_year(crate::words::lang(), t.date_naive());
            format!("{day}, {}", t.format("%H:%M"))
        })
        .unwrap_or_default()
}

/// Renders a page and sets the CSRF cookie its forms' tokens are checked against.
pub(crate) fn render_with(
    csrf: CsrfToken,
    template: &impl Template,
) -> Result<Response, StaffError> {
    let html = template.render()?;
    Ok((csrf, Html(html)).into_response())
}

const STYLESHEET: &str = include_str!("../assets/staff.css");

fn stylesheet_url() -> &'static str {
    static URL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    URL.get_or_init(|| domain::http::versioned_url("/staff/assets/staff.css", STYLESHEET))
}

pub(crate) async fn stylesheet() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// Any other `/staff/…` address: a staff 404, with the staff headers.
pub(crate) async fn not_found() -> StaffError {
    StaffError::NotFound
}

/// A destructive action's form: it acts only when sent by its confirmation page's button
/// (`confirm=yes`); anything else is led to that page.
#[derive(serde::Deserialize)]
pub(crate) struct Confirmed {
    #[serde(default)]
    confirm: String,
}

impl Confirmed {
    pub(crate) fn is_confirmed(&self) -> bool {
        self.confirm == "yes"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::catalog::CatalogError as E;
    use domain::i18n::Lang;

    fn every_worded_error() -> Vec<E> {
        vec![
            E::Capacity,
            E::Hours,
            E::Tickets,
            E::UnknownCode("K7QM-42".into()),
            E::Released("2026-10".into()),
            E::Date,
            E::ArchivedProgram("Peer Bridges".into()),
            E::ArchivedCircle("Tuesday".into()),
            E::ProgramNameTaken("Peer Bridges".into()),
            E::CircleNameTaken("Tuesday".into()),
            E::KioskTickets,
            E::UnknownProgram,
            E::UnknownCircle,
        ]
    }

    /// The catalog's English says what the domain's message said, word for word, and the
    /// restore hint follows an archived program or circle.
    #[tokio::test]
    async fn a_moment_reads_as_before_in_english_and_with_spanish_months() {
        let unix = 1_772_562_600; // 2026-03-03 18:30 UTC: in March in every time zone
        let plain = chrono::DateTime::from_timestamp(unix, 0)
            .unwrap()
            .with_timezone(&chrono::Local)
            .format("%-d %b %Y, %H:%M")
            .to_string();
        let english = crate::words::in_language(Lang::En, async { local_time(unix) }).await;
        assert_eq!(english, plain);
        let spanish = crate::words::in_language(Lang::Es, async { local_time(unix) }).await;
        assert_eq!(spanish, plain.replace("Mar", "mar"));
    }

    /// Every refused text reads, in English, as `domain::text` words it, whatever the
    /// field; on a Spanish page in Spanish, with Hearth's own fields named in Spanish.
    #[tokio::test]
    async fn refused_text_reads_as_before_in_english_and_in_spanish_on_a_spanish_page() {
        use domain::text::{Problem, TextError};
        let fields = [
            "the program name",
            "the circle name",
            "the action",
            "the English line",
            "the Spanish line",
            "The token's name",
            "the Español line",
            "the wording",
        ];
        let problems = [
            Problem::LineBreak,
            Problem::Tab,
            Problem::Control('\u{1b}'),
            Problem::Direction('\u{202e}'),
            Problem::FormulaStart('='),
        ];
        for what in fields {
            for problem in problems {
                let error = TextError {
                    what: what.to_owned(),
                    problem,
                };
                let english = crate::words::in_language(Lang::En, async { text_problem(&error) });
                assert_eq!(english.await, sentence(&error));
                let spanish = crate::words::in_language(Lang::Es, async { text_problem(&error) });
                let spanish = spanish.await;
                assert_ne!(spanish, sentence(&error));
                if what != "the wording" {
                    assert!(!spanish.to_lowercase().contains(what), "{spanish}");
                }
            }
        }
        let circle = TextError {
            what: "the circle name".to_owned(),
            problem: Problem::FormulaStart('='),
        };
        let spanish = crate::words::in_language(Lang::Es, async { text_problem(&circle) });
        assert_eq!(
            spanish.await,
            "El nombre del círculo no puede empezar con «=»: una hoja de cálculo que abra una \
             exportación lo leería como una fórmula. Empiécelo con una letra o un número."
        );
    }

    #[tokio::test]
    async fn a_refused_catalog_change_reads_as_before_in_english() {
        for error in every_worded_error() {
            let mut before = sentence(&error);
            if error.is_archived() {
                before.push_str(" An admin can restore it on the Programs and circles page.");
            }
            let now = crate::words::in_language(Lang::En, async { catalog_problem(error) }).await;
            assert_eq!(now, before);
        }
    }

    #[tokio::test]
    async fn a_refused_catalog_change_reads_in_spanish_on_a_spanish_page() {
        for error in every_worded_error() {
            let english = sentence(&error);
            let spanish =
                crate::words::in_language(Lang::Es, async { catalog_problem(error) }).await;
            assert_ne!(spanish, english);
        }
        let archived = crate::words::in_language(Lang::Es, async {
            catalog_problem(E::ArchivedCircle("Martes".into()))
        })
        .await;
        assert_eq!(
            archived,
            "El círculo «Martes» está archivado: no admite sesiones nuevas. Una persona con rol \
             de administración puede restaurarlo en la página Programas y círculos."
        );
    }
}
