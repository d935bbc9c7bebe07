//! Participant languages and their message catalogs (Fluent, in `collector/locales/`).
//!
//! The language is chosen by the participant with `?lang=xx` on every page, so no cookie is
//! ever needed; without it, the browser's Accept-Language picks among the ones we have.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps arguments in Unicode isolation marks by default; plain HTML pages
        // do not need them and they would show up in copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static ES: LanguageIdentifier = langid!("es");

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The first language of an Accept-Language header that we have (q-values are ignored:
    /// browsers list languages in preference order).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| tag.trim().split('-').next())
            .find_map(Lang::from_code)
    }

    /// `?lang=` when present and known, else Accept-Language, else English.
    pub fn choose(query: Option<&str>, accept_language: Option<&str>) -> Lang {
        query
            .and_then(Lang::from_code)
            .or_else(|| accept_language.and_then(Lang::from_accept_language))
            .unwrap_or_default()
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        }
    }

    pub fn tr(self) -> Tr {
        Tr(self)
    }
}

/// Message lookup for one language; templates call `t.get("key")`.
#[derive(Clone, Copy, Debug)]
pub struct Tr(pub Lang);

impl Tr {
    pub fn lang(&self) -> Lang {
        self.0
    }

    pub fn get(&self, key: &str) -> String {
        LOCALES.lookup(self.0.id(), key)
    }

    /// A message with one argument, e.g. `t.with("form-group", "circle", name)`.
    pub fn with(&self, key: &str, name: &str, value: &str) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> =
            HashMap::from([(Cow::Owned(name.to_owned()), FluentValue::from(value))]);
        LOCALES.lookup_with_args(self.0.id(), key, &args)
    }

    /// A message with several text arguments.
    pub fn args(&self, key: &str, args: &[(&str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Owned((*name).to_owned()), FluentValue::from(*value)))
            .collect();
        LOCALES.lookup_with_args(self.0.id(), key, &args)
    }

    /// A date written out in this language, e.g. "Tuesday 3 November 2026" or
    /// "martes 3 de noviembre de 2026".
    pub fn long_date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let weekday = self.get(&format!("weekday-{}", date.weekday().number_from_monday()));
        let month = self.get(&format!("month-{}", date.month()));
        self.args(
            "date-long",
            &[
                ("weekday", &weekday),
                ("day", &date.day().to_string()),
                ("month", &month),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// A message with a number argument (plural rules apply).
    pub fn count(&self, key: &str, name: &str, value: i64) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> =
            HashMap::from([(Cow::Owned(name.to_owned()), FluentValue::from(value))]);
        LOCALES.lookup_with_args(self.0.id(), key, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(lang: &str) -> Vec<String> {
        let path = format!(
            "{}/locales/{lang}/participant.ftl",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with([' ', '#', '.', '*', '[']) && l.contains(" ="))
            .map(|l| l.split(" =").next().unwrap().trim().to_owned())
            .collect()
    }

    #[test]
    fn every_language_has_every_english_message() {
        let mut english = keys("en");
        english.sort();
        assert!(
            english.len() > 40,
            "catalog parse found only {}",
            english.len()
        );
        for lang in Lang::ALL {
            let mut own = keys(lang.code());
            own.sort();
            assert_eq!(own, english, "{} differs from English", lang.code());
            for key in &english {
                assert!(
                    !lang.tr().get(key).is_empty(),
                    "{} renders {key} empty",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn the_query_wins_then_accept_language_then_english() {
        assert_eq!(Lang::choose(Some("es"), Some("en-US")), Lang::Es);
        assert_eq!(
            Lang::choose(None, Some("es-MX,es;q=0.9,en;q=0.5")),
            Lang::Es
        );
        assert_eq!(Lang::choose(Some("xx"), Some("fr-FR, en;q=0.5")), Lang::En);
        assert_eq!(Lang::choose(None, None), Lang::En);
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        assert_eq!(Lang::En.tr().long_date(day), "Tuesday 3 November 2026");
        assert_eq!(
            Lang::Es.tr().long_date(day),
            "martes 3 de noviembre de 2026"
        );
        let sunday = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        assert_eq!(
            Lang::Es.tr().long_date(sunday),
            "domingo 31 de enero de 2027"
        );
    }

    #[test]
    fn arguments_are_interpolated_without_isolation_marks() {
        let text = Lang::En.tr().with("form-group", "circle", "Tuesday");
        assert!(text.contains("Tuesday"));
        assert!(!text.contains('\u{2068}'));
    }
}
