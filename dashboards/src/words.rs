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

/// `work` with its staff language set to `lang`: for what is written outside a request
/// (a release digest, in its account's language).
pub(crate) async fn in_language<F: std::future::Future>(lang: Lang, work: F) -> F::Output {
    LANG.scope(Cell::new(lang), work).await
}

/// A signed-in request: the account's language setting, when it has one, wins over the
/// browser's.
pub(crate) fn use_account_language(account: Option<Lang>) {
    if let Some(lang) = account.filter(|l| l.is_staff()) {
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

    /// Words a page prints the same in every language: names and acronyms.
    const SAME_IN_EVERY_LANGUAGE: &[&str] = &["Hearth", "CSV", "PDF", "JSON", "API", "URL"];

    /// Issue 20, item 4: no staff template writes words of its own. Every word a page shows
    /// (text between tags, and the `aria-label`, `title`, `placeholder` and `alt` a screen
    /// reader or a pointer shows) comes from the staff catalog through `t.get` / `t.with`,
    /// so a Spanish page holds no English a template typed out. Askama's own syntax, tags,
    /// comments, scripts, styles and entities are not words.
    #[test]
    fn staff_templates_write_no_words_of_their_own() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".html"))
            .collect();
        names.sort();
        let mut untranslated = Vec::new();
        for name in &names {
            let source = std::fs::read_to_string(dir.join(name)).unwrap();
            let words = words_of(&source);
            if !words.is_empty() {
                untranslated.push(format!("{name}: {words:?}"));
            }
        }
        assert!(names.len() > 40, "templates found: {names:?}");
        assert!(untranslated.is_empty(), "{}", untranslated.join("\n"));
    }

    /// The probe must see English where it stands.
    #[test]
    fn the_template_probe_finds_words_in_text_and_labels_only() {
        assert_eq!(words_of("<p>{{ t.get(\"x\") }}</p>"), Vec::<String>::new());
        assert_eq!(
            words_of("<a href=\"/x\" aria-label=\"Close it\">{% if a %}&middot;{% endif %}</a>"),
            vec!["Close it"]
        );
        assert_eq!(
            words_of("{# a note #}<b>Hearth CSV</b>"),
            Vec::<String>::new()
        );
        assert_eq!(
            words_of("<script>let x = 1;</script><p>Sign out</p>"),
            vec!["Sign out"]
        );
        assert_eq!(
            words_of("<input title=\"{{ t.get(\"y\") }}\">of {{ n }}"),
            vec!["of"]
        );
    }

    /// The words a template writes itself: runs of letters outside Askama's syntax, tags,
    /// comments, scripts and styles, plus the text of label attributes.
    fn words_of(source: &str) -> Vec<String> {
        let source = cut(source, "{#", "#}", "");
        let source = cut(&source, "<script", "</script>", "");
        let source = cut(&source, "<style", "</style>", "");
        let source = cut(&source, "{%", "%}", " ");
        let source = cut(&source, "{{", "}}", " ");
        let mut text = String::new();
        let mut labels = Vec::new();
        let mut rest = source.as_str();
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            text.push(' ');
            let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
            let tag = &rest[open..close];
            for attribute in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
                let mut from = tag;
                while let Some(at) = from.find(attribute) {
                    let value = &from[at + attribute.len()..];
                    let end = value.find('"').unwrap_or(value.len());
                    labels.push(value[..end].to_string());
                    from = &value[end..];
                }
            }
            rest = &rest[close..];
        }
        text.push_str(rest);
        let text = without_entities(&text);
        let mut phrases = Vec::new();
        for piece in std::iter::once(text).chain(labels) {
            let is_letter = |c: char| c.is_ascii_alphabetic() || c == '\'' || c == '’';
            for phrase in piece.split(|c: char| !(is_letter(c) || c.is_whitespace())) {
                let words: Vec<&str> = phrase
                    .split_whitespace()
                    .filter(|w| {
                        w.chars().filter(char::is_ascii_alphabetic).count() >= 2
                            && !SAME_IN_EVERY_LANGUAGE.contains(w)
                    })
                    .collect();
                if !words.is_empty() {
                    phrases.push(words.join(" "));
                }
            }
        }
        phrases
    }

    /// `text` without HTML entities (`&middot;`, `&#8212;`).
    fn without_entities(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('&') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let name = after.find(';').filter(|&end| {
                end <= 10
                    && after[..end]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '#')
            });
            match name {
                Some(end) => rest = &after[end + 1..],
                None => {
                    out.push('&');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// `source` with every span from `open` to `close` (both included) replaced by `with`.
    fn cut(source: &str, open: &str, close: &str, with: &str) -> String {
        let mut out = String::with_capacity(source.len());
        let mut rest = source;
        while let Some(at) = rest.find(open) {
            out.push_str(&rest[..at]);
            out.push_str(with);
            let after = &rest[at + open.len()..];
            rest = after.find(close).map_or("", |c| &after[c + close.len()..]);
        }
        out.push_str(rest);
        out
    }
}
