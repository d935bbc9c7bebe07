//! Translations an organization adds without rebuilding: a directory laid out as the
//! built-in one (`{code}/participant.ftl`, e.g. `so/participant.ftl` for Somali, and
//! `{code}/staff.ftl` for staff pages), read once at start (`hearth serve --translations
//! DIR`), and checked first (`hearth translations check DIR`). See docs/translating.md.
//!
//! A file for a built-in language (`es/participant.ftl`, `es/staff.ftl`) overrides that
//! language's messages one by one; a directory for a new code adds a language to every
//! switcher (its `participant.ftl` must name it), and with a `staff.ftl` also to the staff
//! languages of "Your account". A message a file lacks falls back to the built-in catalog
//! of its language, then to English. A file that does not parse, uses a `$variable`
//! English's message does not, or (a new language) does not name itself is refused with
//! its file and line: Hearth does not start with it.
//!
//! This module is a leaf: [`crate::i18n`] asks it for added catalogs; it knows languages
//! only by their codes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fluent_syntax::ast;
use fluent_templates::LanguageIdentifier;
use fluent_templates::fluent_bundle::concurrent::FluentBundle;
use fluent_templates::fluent_bundle::{FluentArgs, FluentResource};

/// A catalog file of a language: the participant pages' or the staff pages'.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Part {
    #[default]
    Participant,
    Staff,
}

impl Part {
    const ALL: [Part; 2] = [Part::Participant, Part::Staff];

    /// The file's name in a language's directory.
    pub fn file_name(self) -> &'static str {
        match self {
            Part::Participant => "participant.ftl",
            Part::Staff => "staff.ftl",
        }
    }

    /// English's messages of this part, the reference a file is checked against.
    fn english(self) -> &'static Messages {
        match self {
            Part::Participant => &ENGLISH_PARTICIPANT,
            Part::Staff => &ENGLISH_STAFF,
        }
    }
}

/// A catalog's own name for its language ("Soomaali"): required of a new language, for
/// the language switch.
pub const NAME_KEY: &str = "language-name";
/// The language's name in English ("Somali"), for staff pages.
pub const ENGLISH_NAME_KEY: &str = "language-name-english";

/// Languages (ISO 639 primary subtags) written right to left: the built-in Arabic, and
/// the ones an organization is likeliest to add (Persian/Dari, Pashto, Urdu, Hebrew,
/// Sorani Kurdish, Yiddish, Dhivehi, Sindhi, Uyghur), so an added language gets
/// `dir="rtl"` by its code.
pub fn is_rtl_code(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    [
        "ar", "fa", "prs", "ps", "ur", "he", "ckb", "yi", "dv", "sd", "ug",
    ]
    .iter()
    .any(|rtl| rtl.eq_ignore_ascii_case(primary))
}

/// One catalog read from the directory, ready to answer lookups.
pub struct Added {
    /// The directory's name, lowercased: what `?lang=` and settings hold.
    pub code: &'static str,
    pub id: LanguageIdentifier,
    /// Its own name (required for a new language; a built-in one keeps its own).
    pub native_name: Option<&'static str>,
    pub english_name: Option<&'static str>,
    /// It has staff messages of its own (a `staff.ftl`).
    pub has_staff: bool,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Added {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Added").field("code", &self.code).finish()
    }
}

impl Added {
    /// The message `key` formatted with `args`, when this catalog has it.
    pub fn lookup(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

static ADDED: OnceLock<Vec<Added>> = OnceLock::new();

/// The catalogs installed at start, in code order (none when no directory was given).
pub fn added() -> &'static [Added] {
    ADDED.get().map(Vec::as_slice).unwrap_or_default()
}

/// Why a directory of translations was refused.
#[derive(Debug, thiserror::Error)]
pub enum TranslationError {
    #[error("{path}: {error}")]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{0}")]
    Broken(Report),
    #[error("translations were already installed in this process")]
    AlreadyInstalled,
}

/// One thing wrong with a file, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is the whole file's.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

/// What a check found in one language's file.
#[derive(Clone, Debug, Default)]
pub struct LanguageReport {
    pub code: String,
    pub part: Part,
    pub file: PathBuf,
    /// A built-in language this file overrides message by message.
    pub overrides_built_in: bool,
    /// English messages this file lacks (they fall back, so they are reported, not refused).
    pub missing: Vec<String>,
    /// Messages English does not have (never shown).
    pub extra: Vec<String>,
    /// What refuses the file.
    pub problems: Vec<Problem>,
}

/// What a check found in a directory.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub languages: Vec<LanguageReport>,
}

impl Report {
    pub fn is_broken(&self) -> bool {
        self.languages.iter().any(|l| !l.problems.is_empty())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.languages.is_empty() {
            return writeln!(
                f,
                "no catalogs found (expected CODE/participant.ftl or CODE/staff.ftl)"
            );
        }
        for l in &self.languages {
            let kind = if l.overrides_built_in {
                "overrides the built-in catalog"
            } else {
                "adds a language"
            };
            let verdict = if l.problems.is_empty() {
                "ok"
            } else {
                "REFUSED"
            };
            writeln!(f, "{} ({}): {kind}: {verdict}", l.code, l.file.display())?;
            for p in &l.problems {
                writeln!(f, "  error: {p}")?;
            }
            let english = l.part.english().0.len();
            if l.overrides_built_in {
                let own = english - l.missing.len();
                writeln!(f, "  overrides {own} of its {english} messages")?;
            } else if !l.missing.is_empty() {
                writeln!(
                    f,
                    "  missing {} of English's {english} messages (shown in English): {}",
                    l.missing.len(),
                    l.missing.join(", ")
                )?;
            }
            if !l.extra.is_empty() {
                writeln!(
                    f,
                    "  {} messages English does not have (never shown): {}",
                    l.extra.len(),
                    l.extra.join(", ")
                )?;
            }
        }
        Ok(())
    }
}

/// Checks every catalog under `dir` against English without installing anything.
/// `built_in` holds the codes compiled in (a file for one of them overrides it).
pub fn check(dir: &Path, built_in: &[&str]) -> Result<Report, TranslationError> {
    Ok(read_dir(dir, built_in)?.0)
}

/// Checks the catalogs under `dir` and installs them for this process, once; a broken
/// file refuses them all (nothing installed).
pub fn install(dir: &Path, built_in: &[&str]) -> Result<Report, TranslationError> {
    let (report, added) = read_dir(dir, built_in)?;
    if report.is_broken() {
        return Err(TranslationError::Broken(report));
    }
    ADDED
        .set(added)
        .map_err(|_| TranslationError::AlreadyInstalled)?;
    Ok(report)
}

fn read_dir(dir: &Path, built_in: &[&str]) -> Result<(Report, Vec<Added>), TranslationError> {
    let read_error = |path: &Path| {
        let path = path.to_owned();
        move |error| TranslationError::Read { path, error }
    };
    let mut languages: BTreeMap<String, Vec<(Part, PathBuf)>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).map_err(read_error(dir))? {
        let entry = entry.map_err(read_error(dir))?;
        let code = entry.file_name().to_string_lossy().to_lowercase();
        for part in Part::ALL {
            let file = entry.path().join(part.file_name());
            if entry.path().is_dir() && file.is_file() {
                languages
                    .entry(code.clone())
                    .or_default()
                    .push((part, file));
            }
        }
    }
    let mut report = Report::default();
    let mut added = Vec::new();
    for (code, files) in languages {
        let overrides = built_in.contains(&code.as_str());
        let mut resources = Vec::new();
        let first = report.languages.len();
        for (part, file) in files {
            let source = std::fs::read_to_string(&file).map_err(read_error(&file))?;
            let (language, resource) = read_one(&code, part, &file, source, overrides);
            report.languages.push(language);
            resources.push((part, resource));
        }
        let reports = &mut report.languages[first..];
        if !overrides {
            must_name_itself(reports, dir, &code, &resources);
        }
        if reports.iter().all(|l| l.problems.is_empty()) {
            match catalog(&code, resources) {
                Ok(catalog) => added.push(catalog),
                Err(message) => reports[0].problems.push(Problem {
                    file: reports[0].file.clone(),
                    line: 0,
                    message,
                }),
            }
        }
    }
    Ok((report, added))
}

/// A new language must say its own name in its participant.ftl (the language switch shows
/// it), so it must have one.
fn must_name_itself(
    reports: &mut [LanguageReport],
    dir: &Path,
    code: &str,
    resources: &[(Part, FluentResource)],
) {
    let named = resources
        .iter()
        .any(|(part, r)| *part == Part::Participant && Messages::of(r).has(NAME_KEY));
    if named {
        return;
    }
    let has_participant = resources.iter().any(|(part, _)| *part == Part::Participant);
    let message = if has_participant {
        format!(
            "a new language must name itself: add `{NAME_KEY} = …` (its own name) and `{ENGLISH_NAME_KEY} = …`"
        )
    } else {
        format!(
            "a new language needs its participant pages first: add {}",
            dir.join(code).join(Part::Participant.file_name()).display()
        )
    };
    let at = reports
        .iter()
        .position(|l| l.part == Part::Participant)
        .unwrap_or_default();
    if let Some(report) = reports.get_mut(at) {
        report.problems.push(Problem {
            file: report.file.clone(),
            line: 0,
            message,
        });
    }
}

static ENGLISH_PARTICIPANT: std::sync::LazyLock<Messages> =
    std::sync::LazyLock::new(|| english_messages(include_str!("../locales/en/participant.ftl")));

static ENGLISH_STAFF: std::sync::LazyLock<Messages> =
    std::sync::LazyLock::new(|| english_messages(include_str!("../locales/en/staff.ftl")));

fn english_messages(source: &str) -> Messages {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    Messages::of(&resource)
}

/// Checks one file against English's messages of its part, and reads it.
fn read_one(
    code: &str,
    part: Part,
    file: &Path,
    source: String,
    overrides: bool,
) -> (LanguageReport, FluentResource) {
    let english = part.english();
    let mut report = LanguageReport {
        code: code.to_owned(),
        part,
        file: file.to_owned(),
        overrides_built_in: overrides,
        ..LanguageReport::default()
    };
    let problem = |line: usize, message: String| Problem {
        file: file.to_owned(),
        line,
        message,
    };
    if code.parse::<LanguageIdentifier>().is_err() {
        report.problems.push(problem(
            0,
            format!("{code:?} is not a language code (the directory's name must be one, e.g. so, tl, fa)"),
        ));
    }
    let resource = match FluentResource::try_new(source) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                // The line the broken entry starts on (the parser's own position can be
                // the end of the file, where it gave up looking for a closing brace).
                let start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
                let line = line_of(resource.source(), start);
                report
                    .problems
                    .push(problem(line, format!("Fluent syntax: {error}")));
            }
            resource
        }
    };
    let own = Messages::of(&resource);
    report.missing = english.keys().filter(|k| !own.has(k)).cloned().collect();
    report.extra = own.keys().filter(|k| !english.has(k)).cloned().collect();
    for (key, (line, vars)) in &own.0 {
        if let Some((_, english_vars)) = english.0.get(key) {
            let unknown: Vec<&String> = vars.difference(english_vars).collect();
            if !unknown.is_empty() {
                report.problems.push(problem(
                    line_of(resource.source(), *line),
                    format!("{key} uses {unknown:?}, which English's {key} does not give"),
                ));
            }
        }
    }
    (report, resource)
}

/// The catalog of one language from its checked files (one bundle, as the built-in
/// catalogs are); an error when a message is defined twice across them.
fn catalog(code: &str, resources: Vec<(Part, FluentResource)>) -> Result<Added, String> {
    let id: LanguageIdentifier = code.parse().map_err(|e| format!("{e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
    bundle.set_use_isolating(is_rtl_code(code));
    let has_staff = resources.iter().any(|(part, _)| *part == Part::Staff);
    for (_, resource) in resources {
        // Parsed cleanly, so only a message defined twice lands here.
        bundle
            .add_resource(resource)
            .map_err(|errors| format!("{errors:?}"))?;
    }
    let mut added = Added {
        code: leak(code.to_owned()),
        id,
        native_name: None,
        english_name: None,
        has_staff,
        bundle,
    };
    added.native_name = added.lookup(NAME_KEY, None).map(leak);
    added.english_name = added.lookup(ENGLISH_NAME_KEY, None).map(leak);
    Ok(added)
}

/// Installed once per process, for its whole life.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn line_of(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())].matches('\n').count() + 1
}

/// Each message of a resource: where it starts (byte offset) and the `$variables` it uses.
struct Messages(BTreeMap<String, (usize, BTreeSet<String>)>);

impl Messages {
    fn of(resource: &FluentResource) -> Messages {
        let mut out = BTreeMap::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                let patterns = m.value.iter().chain(m.attributes.iter().map(|a| &a.value));
                for pattern in patterns {
                    pattern_vars(pattern, &mut vars);
                }
                let start = offset_in(resource.source(), m.id.name);
                out.insert(m.id.name.to_owned(), (start, vars));
            }
        }
        Messages(out)
    }

    fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }
}

/// Where a slice of `source` begins in it (the AST borrows from the source).
fn offset_in(source: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(source.as_ptr() as usize)
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (code, text) in files {
            std::fs::create_dir_all(dir.path().join(code)).unwrap();
            std::fs::write(dir.path().join(code).join("participant.ftl"), text).unwrap();
        }
        dir
    }

    #[test]
    fn a_new_language_with_a_name_passes_and_reports_what_it_lacks() {
        let dir = dir_with(&[(
            "so",
            "language-name = Soomaali\nlanguage-name-english = Somali\nhome-start = Bilow\nnot-in-english = x\n",
        )]);
        let report = check(dir.path(), &["en", "es"]).unwrap();
        assert!(!report.is_broken(), "{report}");
        let so = &report.languages[0];
        assert_eq!(so.code, "so");
        assert!(!so.overrides_built_in);
        assert!(so.missing.contains(&"home-title".to_owned()));
        assert!(!so.missing.contains(&"home-start".to_owned()));
        assert_eq!(so.extra, ["not-in-english"]);
    }

    #[test]
    fn a_syntax_error_is_refused_with_its_file_and_line() {
        let dir = dir_with(&[(
            "tl",
            "language-name = Tagalog\nhome-start = Simulan\nhome-title = { $broken\n",
        )]);
        let report = check(dir.path(), &["en"]).unwrap();
        assert!(report.is_broken());
        let text = report.to_string();
        assert!(text.contains("tl/participant.ftl:3:"), "{text}");
        assert!(text.contains("REFUSED"), "{text}");
    }

    #[test]
    fn a_variable_english_does_not_give_is_refused() {
        let dir = dir_with(&[("es", "\n\nhome-start = Empezar { $nombre }\n")]);
        let report = check(dir.path(), &["en", "es"]).unwrap();
        let text = report.to_string();
        assert!(report.is_broken(), "{text}");
        assert!(
            text.contains("es/participant.ftl:3: home-start uses"),
            "{text}"
        );
        assert!(report.languages[0].overrides_built_in);
    }

    #[test]
    fn a_new_language_that_does_not_name_itself_is_refused() {
        let dir = dir_with(&[("so", "home-start = Bilow\n")]);
        let report = check(dir.path(), &["en"]).unwrap();
        assert!(report.is_broken());
        assert!(report.to_string().contains(NAME_KEY));
    }

    #[test]
    fn every_english_message_is_read_with_its_variables() {
        let english = Part::Participant.english();
        assert!(english.0.len() > 40);
        let (_, vars) = &english.0["home-code-hint"];
        assert!(vars.contains("example"), "{vars:?}");
        let staff = Part::Staff.english();
        assert!(staff.0.len() > 200);
        let (_, vars) = &staff.0["account-new-hint"];
        assert!(vars.contains("min") && vars.contains("max"), "{vars:?}");
    }

    fn write(dir: &Path, code: &str, part: Part, text: &str) {
        std::fs::create_dir_all(dir.join(code)).unwrap();
        std::fs::write(dir.join(code).join(part.file_name()), text).unwrap();
    }

    #[test]
    fn a_staff_file_is_checked_against_english_staff_messages() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "es", Part::Staff, "staff-sign-out = Salir\n");
        let report = check(dir.path(), &["en", "es"]).unwrap();
        let text = report.to_string();
        assert!(!report.is_broken(), "{text}");
        let es = &report.languages[0];
        assert_eq!((es.part, es.overrides_built_in), (Part::Staff, true));
        assert!(
            text.contains("es (") && text.contains("staff.ftl"),
            "{text}"
        );
        assert!(es.missing.contains(&"account-new-hint".to_owned()));

        // A variable English's staff message does not give, with its file and line.
        write(
            dir.path(),
            "es",
            Part::Staff,
            "\naccount-new-hint = { $minimo }\n",
        );
        let text = check(dir.path(), &["en", "es"]).unwrap().to_string();
        assert!(
            text.contains("es/staff.ftl:2: account-new-hint uses"),
            "{text}"
        );
    }

    #[test]
    fn a_new_language_with_staff_pages_names_itself_in_its_participant_file() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "so", Part::Staff, "staff-sign-out = Ka bax\n");
        let alone = check(dir.path(), &["en"]).unwrap();
        assert!(alone.is_broken());
        assert!(
            alone
                .to_string()
                .contains("needs its participant pages first"),
            "{alone}"
        );
        write(
            dir.path(),
            "so",
            Part::Participant,
            "language-name = Soomaali\nlanguage-name-english = Somali\n",
        );
        let both = check(dir.path(), &["en"]).unwrap();
        assert!(!both.is_broken(), "{both}");
        assert_eq!(both.languages.len(), 2);
        let (_, added) = read_dir(dir.path(), &["en"]).unwrap();
        assert!(added[0].has_staff);
        assert_eq!(
            added[0].lookup("staff-sign-out", None).as_deref(),
            Some("Ka bax")
        );
    }
}
