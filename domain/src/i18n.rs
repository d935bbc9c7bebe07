//! Participant languages and their message catalogs (Fluent, in `domain/locales/`).
//!
//! The language of a page is chosen, in this order, by `?lang=xx` in its link (every link
//! and form on a page carries it, so no cookie is ever needed), the browser's
//! Accept-Language (read for this request only: never stored, never logged), the
//! program's default language (an admin setting, for pages that belong to a session),
//! and English. See [`Lang::choose`] and docs/translating.md.
//!
//! Every built-in language is compiled in from `locales/{code}/participant.ftl`; a
//! language that is not English says in its header whether it is machine-drafted and
//! awaiting review. Languages written right to left ([`Lang::is_rtl`]) get
//! `dir="rtl"` on the page and Fluent's isolation marks around arguments, so a session
//! code or a circle's Latin name keeps its own direction inside Arabic text.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::{FluentArgs, FluentValue};
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps arguments in Unicode isolation marks by default. Left-to-right pages
        // do not need them (and they would show up in copied text); right-to-left pages
        // do: a code like K7QM-42 inside Arabic text would otherwise be reordered to
        // 42-K7QM by the bidi algorithm.
        customise: |bundle| {
            let rtl = bundle.locales.first().is_some_and(|l| is_rtl_code(l.language.as_str()));
            bundle.set_use_isolating(rtl)
        },
    };
}

pub use crate::translations::is_rtl_code;
use crate::translations::{self, Added};

static EN: LanguageIdentifier = langid!("en");
static ES: LanguageIdentifier = langid!("es");
static FR: LanguageIdentifier = langid!("fr");
static AR: LanguageIdentifier = langid!("ar");
static ZH: LanguageIdentifier = langid!("zh");
static UK: LanguageIdentifier = langid!("uk");

/// A participant language: a built-in one (compiled in), or one an organization added at
/// start from a directory of translations ([`crate::translations`]). Stored settings hold
/// its [`Lang::code`] as text, never a number or a column per language, so languages can
/// be added without a migration.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Lang(u16);

#[allow(non_upper_case_globals)]
impl Lang {
    pub const En: Lang = Lang(0);
    pub const Es: Lang = Lang(1);
    pub const Fr: Lang = Lang(2);
    pub const Ar: Lang = Lang(3);
    /// Simplified Chinese (`zh`, `zh-CN`, `zh-SG`, `zh-Hans`).
    pub const Zh: Lang = Lang(4);
    pub const Uk: Lang = Lang(5);
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

/// The direction a language is written in, for `dir` attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

impl Lang {
    /// Every built-in language, in the order the language switch lists them.
    pub const BUILT_IN: [Lang; 6] = [Lang::En, Lang::Es, Lang::Fr, Lang::Ar, Lang::Zh, Lang::Uk];

    /// Every language on offer: the built-in ones, then those added at start (by code).
    pub fn all() -> Vec<Lang> {
        let added = (0..new_languages().count()).map(|i| Lang((Lang::BUILT_IN.len() + i) as u16));
        Lang::BUILT_IN.into_iter().chain(added).collect()
    }

    /// The codes of the built-in languages (a translation file for one overrides it).
    pub fn built_in_codes() -> Vec<&'static str> {
        Lang::BUILT_IN.iter().map(|l| l.code()).collect()
    }

    /// The added catalog of a language: the whole catalog of an added language, the
    /// overriding messages of a built-in one.
    fn catalog(self) -> Option<&'static Added> {
        match (self.0 as usize).checked_sub(Lang::BUILT_IN.len()) {
            Some(i) => new_languages().nth(i),
            None => translations::added().iter().find(|a| a.code == self.code()),
        }
    }

    /// The languages printed on a ticket card when its program has no default language: a
    /// card is a few centimetres wide, so it carries two (English, and the program's
    /// default in place of Spanish when set); the form it opens offers every language.
    pub const CARDS: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::Uk => "uk",
            added => added.catalog().map_or("en", |a| a.code),
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
            Lang::Zh => "简体中文",
            Lang::Uk => "Українська",
            added => added
                .catalog()
                .and_then(|a| a.native_name)
                .unwrap_or(added.code()),
        }
    }

    /// Its name in English, for staff pages (which are in English).
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Spanish",
            Lang::Fr => "French",
            Lang::Ar => "Arabic",
            Lang::Zh => "Chinese (Simplified)",
            Lang::Uk => "Ukrainian",
            added => added
                .catalog()
                .and_then(|a| a.english_name)
                .unwrap_or(added.native_name()),
        }
    }

    pub fn is_rtl(self) -> bool {
        is_rtl_code(self.code())
    }

    pub fn dir(self) -> Dir {
        if self.is_rtl() { Dir::Rtl } else { Dir::Ltr }
    }

    /// The language of an exact code as links and settings write it (`?lang=ar`), any case.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::all()
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language a BCP 47 tag from a browser asks for, if we have it: the primary
    /// subtag decides (`fr-CA` is French, `ar-SA` Arabic), except that Chinese in
    /// traditional script (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) is not offered the
    /// simplified catalog: the browser's next choice is asked instead.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let mut subtags = tag.trim().split(['-', '_']);
        let lang = Lang::from_code(subtags.next()?)?;
        if lang == Lang::Zh {
            let mut rest = subtags.map(str::to_ascii_lowercase);
            let traditional = ["hant", "tw", "hk", "mo"];
            let script_or_region = rest.next();
            if script_or_region.is_some_and(|s| traditional.contains(&s.as_str())) {
                return None;
            }
        }
        Some(lang)
    }

    /// The most preferred language of an Accept-Language header that we have: entries in
    /// order of their q-value (ties keep the browser's order), `q=0` ("not this one")
    /// never chosen, `*` ignored.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        Lang::from_accept_language_among(header, |_| true)
    }

    /// The languages staff pages are written in (`locales/{code}/staff.ftl`): staff pages
    /// are offered in these only, so a browser asking for French gets its next choice among
    /// them, then English. Every one of them carries every English staff message (a test
    /// checks it).
    pub const STAFF: [Lang; 2] = [Lang::En, Lang::Es];

    /// The languages staff pages are offered in: the built-in [`Lang::STAFF`], then the
    /// languages an organization added at start with a `staff.ftl` of their own
    /// ([`crate::translations`]; a message it lacks is shown in English).
    pub fn staff() -> Vec<Lang> {
        let added = Lang::all()
            .into_iter()
            .skip(Lang::BUILT_IN.len())
            .filter(|l| l.catalog().is_some_and(|a| a.has_staff));
        Lang::STAFF.into_iter().chain(added).collect()
    }

    /// Staff pages are offered in this language ([`Lang::staff`]).
    pub fn is_staff(self) -> bool {
        // The built-in ones without building the list (most requests).
        Lang::STAFF.contains(&self) || Lang::staff().contains(&self)
    }

    /// The language of a staff page: the account's own setting ("Your account") when it
    /// has one, else the most preferred staff language of the browser's Accept-Language
    /// (read for this request only: never stored, never logged), else English.
    pub fn choose_staff(account: Option<Lang>, accept_language: Option<&str>) -> Lang {
        account
            .filter(|l| l.is_staff())
            .or_else(|| {
                accept_language.and_then(|h| Lang::from_accept_language_among(h, Lang::is_staff))
            })
            .unwrap_or_default()
    }

    /// [`Lang::from_accept_language`] among the languages `offered` accepts.
    fn from_accept_language_among(header: &str, offered: impl Fn(Lang) -> bool) -> Option<Lang> {
        let mut ranked: Vec<(u16, usize, &str)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .next()
                    .map_or(Some(1000), parse_q)?;
                (q > 0 && !tag.is_empty() && tag != "*").then_some((q, i, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked
            .into_iter()
            .find_map(|(_, _, tag)| Lang::from_tag(tag).filter(|l| offered(*l)))
    }

    /// `?lang=` when present and known, else Accept-Language, else the program's default
    /// language (for a page of one of its sessions), else English.
    pub fn choose(
        query: Option<&str>,
        accept_language: Option<&str>,
        program_default: Option<Lang>,
    ) -> Lang {
        query
            .and_then(Lang::from_code)
            .or_else(|| accept_language.and_then(Lang::from_accept_language))
            .or(program_default)
            .unwrap_or_default()
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
            Lang::Fr => &FR,
            Lang::Ar => &AR,
            Lang::Zh => &ZH,
            Lang::Uk => &UK,
            added => added.catalog().map_or(&EN, |a| &a.id),
        }
    }

    pub fn tr(self) -> Tr {
        Tr(self)
    }
}

/// Added catalogs of languages that are not built in, in code order.
fn new_languages() -> impl Iterator<Item = &'static Added> {
    translations::added()
        .iter()
        .filter(|a| !Lang::BUILT_IN.iter().any(|l| l.code() == a.code))
}

/// A q-value in thousandths (`0.8` → 800); `None` when it is not one.
fn parse_q(q: &str) -> Option<u16> {
    let q = q.trim();
    let (whole, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac: u16 = format!("{frac:0<3}").parse().ok()?;
    match whole {
        "0" => Some(frac),
        "1" if frac == 0 => Some(1000),
        _ => None,
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
        self.message(key, Vec::new())
    }

    /// A message with one argument, e.g. `t.with("form-group", "circle", name)`.
    pub fn with(&self, key: &str, name: &str, value: &str) -> String {
        self.message(key, vec![(name, FluentValue::from(value))])
    }

    /// A message with several text arguments.
    pub fn args(&self, key: &str, args: &[(&str, &str)]) -> String {
        let args = args
            .iter()
            .map(|(name, value)| (*name, FluentValue::from(*value)))
            .collect();
        self.message(key, args)
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
        self.message(key, vec![(name, FluentValue::from(value))])
    }

    /// A message with a number argument (plural rules apply) and text arguments beside it.
    pub fn count_args(&self, key: &str, count: (&str, i64), args: &[(&str, &str)]) -> String {
        let mut all = vec![(count.0, FluentValue::from(count.1))];
        all.extend(args.iter().map(|(n, v)| (*n, FluentValue::from(*v))));
        self.message(key, all)
    }

    /// The message from the language's added catalog when it has it (an organization's
    /// own file, or its override of a built-in message), else from the built-in catalog
    /// of the language, else English's.
    fn message(&self, key: &str, args: Vec<(&str, FluentValue<'_>)>) -> String {
        if let Some(added) = self.0.catalog() {
            let fluent_args = (!args.is_empty()).then(|| {
                let mut fa = FluentArgs::new();
                for (name, value) in &args {
                    fa.set(name.to_string(), value.clone());
                }
                fa
            });
            if let Some(text) = added.lookup(key, fluent_args.as_ref()) {
                return text;
            }
        }
        let id = if Lang::BUILT_IN.contains(&self.0) {
            self.0.id()
        } else {
            &EN
        };
        if args.is_empty() {
            return LOCALES.lookup(id, key);
        }
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .into_iter()
            .map(|(name, value)| (Cow::Owned(name.to_owned()), value))
            .collect();
        LOCALES.lookup_with_args(id, key, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_templates::fluent_bundle::FluentResource;

    fn source(lang: &str) -> String {
        source_of(lang, "participant")
    }

    fn source_of(lang: &str, catalog: &str) -> String {
        let path = format!(
            "{}/locales/{lang}/{catalog}.ftl",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path).unwrap()
    }

    /// Each message of a catalog with its whole text (value, variants, attributes).
    fn messages(lang: &str) -> Vec<(String, String)> {
        messages_of(&source(lang))
    }

    fn messages_of(source: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for line in source.lines() {
            let starts_message =
                !line.starts_with([' ', '#', '.', '*', '[', '}']) && line.contains(" =");
            if starts_message {
                let (key, rest) = line.split_once(" =").unwrap();
                out.push((key.trim().to_owned(), rest.to_owned()));
            } else if let Some((_, text)) = out.last_mut()
                && !line.starts_with('#')
            {
                text.push('\n');
                text.push_str(line);
            }
        }
        out
    }

    fn keys(lang: &str) -> Vec<String> {
        let mut keys: Vec<String> = messages(lang).into_iter().map(|(k, _)| k).collect();
        keys.sort();
        keys
    }

    /// The `$variables` a message's text uses, sorted and deduplicated.
    fn variables(text: &str) -> Vec<String> {
        let mut vars: Vec<String> = text
            .split('$')
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect()
            })
            .collect();
        vars.sort();
        vars.dedup();
        vars
    }

    #[test]
    fn every_language_has_every_english_message() {
        let english = keys("en");
        assert!(
            english.len() > 40,
            "catalog parse found only {}",
            english.len()
        );
        for lang in Lang::BUILT_IN {
            let own = keys(lang.code());
            let missing: Vec<&String> = english.iter().filter(|k| !own.contains(k)).collect();
            let extra: Vec<&String> = own.iter().filter(|k| !english.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in English {extra:?}",
                lang.code()
            );
            for key in &english {
                let text = lang.tr().args(
                    key,
                    &[
                        ("circle", "x"),
                        ("code", "x"),
                        ("date", "x"),
                        ("example", "x"),
                        ("weekday", "x"),
                        ("day", "1"),
                        ("month", "x"),
                        ("year", "2026"),
                    ],
                );
                assert!(
                    !text.trim().is_empty(),
                    "{} renders {key} empty",
                    lang.code()
                );
            }
        }
    }

    fn staff_keys(lang: &str) -> Vec<String> {
        let mut keys: Vec<String> = messages_of(&source_of(lang, "staff"))
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        keys.sort();
        keys
    }

    /// Issue 20, item 6 for staff pages: every staff language carries every English staff
    /// message and none English lacks; the messages parse, use English's arguments, and
    /// share no name with a participant message (both files load into one bundle).
    #[test]
    fn every_staff_language_has_every_english_staff_message() {
        let english = staff_keys("en");
        assert!(
            english.len() > 40,
            "staff parse found only {}",
            english.len()
        );
        let participant = keys("en");
        let shared: Vec<&String> = english.iter().filter(|k| participant.contains(k)).collect();
        assert!(
            shared.is_empty(),
            "staff keys also in participant.ftl: {shared:?}"
        );
        let english_text: HashMap<String, String> =
            messages_of(&source_of("en", "staff")).into_iter().collect();
        for lang in Lang::STAFF {
            let source = source_of(lang.code(), "staff");
            if let Err((_, errors)) = FluentResource::try_new(source.clone()) {
                panic!("{}/staff.ftl: {errors:?}", lang.code());
            }
            let own = staff_keys(lang.code());
            let missing: Vec<&String> = english.iter().filter(|k| !own.contains(k)).collect();
            let extra: Vec<&String> = own.iter().filter(|k| !english.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}/staff.ftl: missing {missing:?}, not in English {extra:?}",
                lang.code()
            );
            for (key, text) in messages_of(&source) {
                assert_eq!(
                    variables(&text),
                    variables(&english_text[&key]),
                    "{}/staff.ftl: {key} uses other arguments than English",
                    lang.code()
                );
            }
            if lang != Lang::En {
                assert!(
                    source.contains("Status:"),
                    "{}/staff.ftl: no Status: header",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn staff_pages_follow_the_account_then_the_browser_then_english() {
        assert_eq!(Lang::choose_staff(Some(Lang::Es), Some("en-US")), Lang::Es);
        assert_eq!(Lang::choose_staff(Some(Lang::En), Some("es-MX")), Lang::En);
        assert_eq!(Lang::choose_staff(None, Some("es-MX,es;q=0.9")), Lang::Es);
        // French has no staff catalog: the browser's next choice among staff languages.
        assert_eq!(Lang::choose_staff(None, Some("fr-FR, es;q=0.5")), Lang::Es);
        assert_eq!(Lang::choose_staff(None, Some("fr-FR")), Lang::En);
        // A participant-only language stored by mistake does not stick.
        assert_eq!(Lang::choose_staff(Some(Lang::Ar), Some("es")), Lang::Es);
        assert_eq!(Lang::choose_staff(None, None), Lang::En);
    }

    #[test]
    fn every_translation_uses_the_same_arguments_as_english() {
        let english: HashMap<String, String> = messages("en").into_iter().collect();
        for lang in Lang::BUILT_IN {
            for (key, text) in messages(lang.code()) {
                let Some(en) = english.get(&key) else {
                    continue;
                };
                assert_eq!(
                    variables(&text),
                    variables(en),
                    "{}: {key} uses other arguments than English",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_catalog_parses_without_a_fluent_error() {
        for lang in Lang::BUILT_IN {
            if let Err((_, errors)) = FluentResource::try_new(source(lang.code())) {
                panic!("{}/participant.ftl: {errors:?}", lang.code());
            }
        }
    }

    #[test]
    fn a_fluent_syntax_error_is_caught_by_the_parse_check() {
        let broken = "good = fine\nbad = { $open\nalso-bad\n".to_owned();
        assert!(FluentResource::try_new(broken).is_err());
    }

    #[test]
    fn every_catalog_but_english_says_how_it_was_written() {
        for lang in Lang::BUILT_IN.into_iter().filter(|l| *l != Lang::En) {
            let header: String = source(lang.code())
                .lines()
                .take_while(|l| l.starts_with('#') || l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                header.contains("Status:"),
                "{}: the header must say whether it is reviewed (Status: …)",
                lang.code()
            );
        }
    }

    #[test]
    fn the_query_wins_then_accept_language_then_the_program_then_english() {
        assert_eq!(Lang::choose(Some("es"), Some("en-US"), None), Lang::Es);
        assert_eq!(
            Lang::choose(None, Some("es-MX,es;q=0.9,en;q=0.5"), None),
            Lang::Es
        );
        assert_eq!(
            Lang::choose(Some("xx"), Some("de-DE, fr;q=0.5"), None),
            Lang::Fr
        );
        assert_eq!(Lang::choose(Some("xx"), Some("de-DE"), None), Lang::En);
        assert_eq!(Lang::choose(None, Some("de-DE"), Some(Lang::Ar)), Lang::Ar);
        assert_eq!(Lang::choose(None, None, Some(Lang::Uk)), Lang::Uk);
        assert_eq!(Lang::choose(None, Some("fr"), Some(Lang::Uk)), Lang::Fr);
        assert_eq!(Lang::choose(Some("ZH"), None, Some(Lang::Uk)), Lang::Zh);
        assert_eq!(Lang::choose(None, None, None), Lang::En);
    }

    #[test]
    fn region_subtags_and_q_values_are_honoured() {
        assert_eq!(Lang::from_accept_language("zh-CN,zh;q=0.9"), Some(Lang::Zh));
        assert_eq!(Lang::from_accept_language("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("ar-SA,en;q=0.8"), Some(Lang::Ar));
        assert_eq!(Lang::from_accept_language("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_accept_language("zh-Hans-CN"), Some(Lang::Zh));
        // Traditional Chinese is not given the simplified catalog; the next choice is.
        assert_eq!(Lang::from_accept_language("zh-TW,en;q=0.5"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("zh-Hant"), None);
        // Preference by q-value, not position; q=0 means "not this".
        assert_eq!(
            Lang::from_accept_language("en;q=0.4, ar;q=0.9"),
            Some(Lang::Ar)
        );
        assert_eq!(
            Lang::from_accept_language("es;q=0, fr;q=0.1"),
            Some(Lang::Fr)
        );
        assert_eq!(Lang::from_accept_language("*, fr;q=0.5"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("de, nl"), None);
        assert_eq!(Lang::from_accept_language("fr;q=oops, es"), Some(Lang::Es));
    }

    #[test]
    fn arabic_is_right_to_left_and_the_others_are_not() {
        let rtl: Vec<Lang> = Lang::BUILT_IN.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, vec![Lang::Ar]);
        assert_eq!(Lang::Ar.dir().as_str(), "rtl");
        assert!(is_rtl_code("fa-AF") && is_rtl_code("prs") && !is_rtl_code("so"));
    }

    #[test]
    fn arguments_in_right_to_left_text_are_isolated_and_elsewhere_not() {
        let arabic = Lang::Ar.tr().with("form-group", "circle", "Tuesday 7pm");
        assert!(arabic.contains("\u{2068}Tuesday 7pm\u{2069}"), "{arabic}");
        let french = Lang::Fr.tr().with("form-group", "circle", "Mardi");
        assert!(french.contains("Mardi") && !french.contains('\u{2068}'));
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        assert_eq!(Lang::En.tr().long_date(day), "Tuesday 3 November 2026");
        assert_eq!(
            Lang::Es.tr().long_date(day),
            "martes 3 de noviembre de 2026"
        );
        assert_eq!(Lang::Fr.tr().long_date(day), "mardi 3 novembre 2026");
        assert_eq!(Lang::Zh.tr().long_date(day), "2026年11月3日 星期二");
        assert_eq!(Lang::Uk.tr().long_date(day), "вівторок, 3 листопада 2026");
        let sunday = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        assert_eq!(
            Lang::Es.tr().long_date(sunday),
            "domingo 31 de enero de 2027"
        );
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let uk = |n| Lang::Uk.tr().count("privacy-how-long", "days", n);
        assert!(uk(1).contains("1 день"), "{}", uk(1));
        assert!(uk(3).contains("3 дні"), "{}", uk(3));
        assert!(uk(90).contains("90 днів"), "{}", uk(90));
        let fr = Lang::Fr.tr().count("kiosk-returning", "seconds", 12);
        assert!(fr.contains("12 secondes"), "{fr}");
    }

    #[test]
    fn arguments_are_interpolated_without_isolation_marks() {
        let text = Lang::En.tr().with("form-group", "circle", "Tuesday");
        assert!(text.contains("Tuesday"));
        assert!(!text.contains('\u{2068}'));
    }
}
