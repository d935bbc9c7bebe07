//! The language of a staff page and the helper its templates call for text (issue 20,
//! item 4). Staff text lives in the same Fluent catalogs as participant text
//! (`domain/locales/{code}/staff.ftl` beside `participant.ftl`, loaded by
//! [`domain::i18n`]); this module only chooses the language per request and hands
//! templates a [`T`] whose messages come out ready for HTML.
//!
//! The language is chosen once per request by [`with_language`] (the browser's
//! Accept-Language, read for this request and then dropped: never stored, never logged)
//! and replaced by the account's own setting when a signed-in request finds one
//! ([`use_account_language`]). It lives in a task-local for the request's handler, so an
//! error page or a flash message deep in a handler speaks the page's language without
//! every function taking it.

use std::cell::Cell;

use askama::filters::Safe;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use domain::i18n::{Lang, Tr};

tokio::task_local! {
    static LANG: Cell<Lang>;
}

/// The language of the staff page being made (English outside a request).
pub(crate) fn lang() -> Lang {
    LANG.try_with(Cell::get).unwrap_or_default()
}

/// Message lookup in the page's language, as plain text (for handlers).
pub(crate) fn tr() -> Tr {
    lang().tr()
}

/// The page's template helper in the page's language.
pub(crate) fn t() -> T {
    T(lang().tr())
}

/// Middleware over every staff route: the page's language from Accept-Language until an
/// account says otherwise. The header is read here and not kept.
pub(crate) async fn with_language(request: Request, next: Next) -> Response {
    let accept = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = Lang::choose_staff(None, accept);
    LANG.scope(Cell::new(lang), next.run(request)).await
}

/// A signed-in request: the account's language setting, when it has one, wins over the
/// browser's.
pub(crate) fn use_account_language(account: Option<Lang>) {
    if let Some(lang) = account.filter(|l| Lang::STAFF.contains(l)) {
        let _ = LANG.try_with(|c| c.set(lang));
    }
}

/// What staff templates call for text: `t.get("key")`, `t.with("key", "name", value)`.
///
/// Staff catalogs are trusted text written like the templates were (built-in, or a
/// translation file an organization installs on its server), and may hold the typographic
/// characters the English pages always printed as they are (’, “”, –), so a message is
/// written into the page unescaped; every argument, which may come from a person (a
/// program's or circle's name), is HTML-escaped before it is put into the message.
#[derive(Clone, Copy, Debug)]
pub(crate) struct T(pub Tr);

impl T {
    pub fn lang(&self) -> Lang {
        self.0.lang()
    }

    pub fn code(&self) -> &'static str {
        self.0.lang().code()
    }

    pub fn get(&self, key: impl AsRef<str>) -> Safe<String> {
        Safe(self.0.get(key.as_ref()))
    }

    pub fn with(&self, key: &str, name: &str, value: impl std::fmt::Display) -> Safe<String> {
        Safe(self.0.with(key, name, &escape(&value.to_string())))
    }

    /// A message with two arguments.
    pub fn with2(
        &self,
        key: &str,
        a: &str,
        a_value: impl std::fmt::Display,
        b: &str,
        b_value: impl std::fmt::Display,
    ) -> Safe<String> {
        self.args(key, &[(a, &a_value), (b, &b_value)])
    }

    pub fn args(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> Safe<String> {
        let escaped: Vec<(&str, String)> = args
            .iter()
            .map(|(name, value)| (*name, escape(&value.to_string())))
            .collect();
        let pairs: Vec<(&str, &str)> = escaped.iter().map(|(n, v)| (*n, v.as_str())).collect();
        Safe(self.0.args(key, &pairs))
    }

    /// A message with a number (plural rules apply).
    pub fn count(&self, key: &str, name: &str, n: impl Count) -> Safe<String> {
        Safe(self.0.count(key, name, n.count()))
    }
}

/// A whole number a template hands a plural message (templates pass references).
pub(crate) trait Count {
    fn count(&self) -> i64;
}

macro_rules! count {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
        impl Count for &$t {
            fn count(&self) -> i64 {
                i64::try_from(**self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
count!(usize, i64, i32, u32);

/// Text as HTML: the five characters askama escapes, escaped the way it does.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&#38;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_escaped_and_messages_are_not() {
        let t = T(Lang::En.tr());
        let text = t.with("ov-archived-on", "date", "<b>'x'</b>").0;
        assert!(
            text.contains("&#60;b&#62;&#39;x&#39;&#60;/b&#62;"),
            "{text}"
        );
    }

    #[test]
    fn the_escape_matches_askamas() {
        let mine = escape("a&b<c>\"d'");
        let theirs = askama::filters::escape("a&b<c>\"d'", askama::filters::Html)
            .unwrap()
            .to_string();
        assert_eq!(mine, theirs);
    }
}
