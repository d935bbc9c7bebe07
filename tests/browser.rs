//! Hearth in a real browser: headless Chromium (Debian's) opens each page at a phone and a
//! desktop width, saves a screenshot to `target/browser-shots/`, checks that nothing
//! scrolls sideways, and runs axe-core; any serious or critical accessibility violation
//! fails the test. The participant pages are driven by `tests/browser/a11y.mjs`; the staff
//! pages by `tests/browser/staff.mjs`, which signs in as each role through the sign-in
//! form first (playwright-core, axe-core from the npm registry; `.ci/run` installs both
//! and Chromium).

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::server::Server;

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

fn hearth(db: &str, args: &[&str]) -> String {
    let out = Command::new(HEARTH)
        .args(args)
        .env("HEARTH_DATABASE_URL", db)
        .env("HEARTH_BASE_URL", "")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether Chromium, node and the npm tools are here; under CI=true they must be.
fn browser_ready(tools: &Path) -> bool {
    let ready = tools.join("node_modules/axe-core").exists()
        && tools.join("node_modules/playwright-core").exists()
        && Path::new("/usr/bin/chromium").exists()
        && Command::new("node").arg("--version").output().is_ok();
    if !ready {
        assert!(
            !in_ci(),
            "browser tests need Chromium, node and `npm ci` in tests/browser under CI=true"
        );
        eprintln!(
            "SKIPPED: install chromium and run `npm ci` in tests/browser to run the browser checks"
        );
    }
    ready
}

/// Runs one of the node checkers and fails the test with its report unless it passed.
fn run_checker(script: &Path, port: u16, shots: &Path, args: &[String]) -> String {
    run_checker_with(script, port, shots, args, &[])
}

/// As [`run_checker`], with environment variables for the checker.
fn run_checker_with(
    script: &Path,
    port: u16,
    shots: &Path,
    args: &[String],
    env: &[(&str, &str)],
) -> String {
    let checked = Command::new("node")
        .envs(env.iter().copied())
        .arg(script)
        .arg(format!("http://127.0.0.1:{port}"))
        .arg(shots)
        .args(args)
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
    println!("{report}");
    assert!(checked.status.success(), "browser checks failed:\n{report}");
    report
}

/// Fills the database with the seeded network of `common::staff` (accounts, programs,
/// released months).
fn seed(db: &str) {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = domain::Store::connect(db).await.unwrap();
        store.migrate().await.unwrap();
        common::staff::seed_network(&store).await;
        store.close().await;
    });
}

/// The checkers' folder, where screenshots go, and a fresh SQLite database; `None` when
/// the browser tools are missing (outside CI).
fn setup() -> Option<(PathBuf, PathBuf, tempfile::TempDir, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tools = root.join("tests/browser");
    if !browser_ready(&tools) {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("hearth.db").display());
    Some((tools, root.join("target/browser-shots"), dir, db))
}

#[test]
fn participant_pages_pass_axe_on_phone_and_desktop_in_chromium() {
    let Some((tools, shots, _dir, db)) = setup() else {
        return;
    };
    // Sessions of Peer Bridges opened from the CLI: its output, whose second word is the code.
    let open = |circle: &str, more: &[&str]| {
        let args = [
            &[
                "session",
                "open",
                "--program",
                "Peer Bridges",
                "--circle",
                circle,
            ][..],
            more,
        ]
        .concat();
        hearth(&db, &args)
    };
    let code_of = |opened: &str| opened.split_whitespace().nth(1).unwrap().to_owned();
    let code = code_of(&open("Tuesday Evening", &[]));
    let ticketed = open("Thursday", &["--tickets", "1"]);
    let ticketed_code = code_of(&ticketed);
    // A plain session that the "twice" view sends to, twice per viewport.
    let twice_code = code_of(&open("Saturday", &[]));
    let ticket_path = ticketed
        .lines()
        .find(|l| l.contains("?ticket="))
        .and_then(|l| l.find("/s/").map(|at| l[at..].trim().to_owned()))
        .unwrap();

    let server = Server::start(&db, None);
    let port = server.port;
    let pages = [
        "home=/".to_owned(),
        format!("form=/s/{code}"),
        format!("form-es=/s/{code}?lang=es"),
        format!("refused-es=post:/s/{code}?lang=es"),
        format!("ticket={ticket_path}"),
        format!("ticket-ask=/s/{ticketed_code}"),
        format!("ticket-wrong-es=/s/{ticketed_code}?lang=es&ticket=ZZZZZ"),
        format!("thanks=/s/{code}/thanks"),
        "privacy=/privacy?lang=es".to_owned(),
        "not-found=/s/ZZZZ-ZZ".to_owned(),
        format!("twice=twice:/s/{twice_code}"),
    ];
    let report = run_checker(&tools.join("a11y.mjs"), port, &shots, &pages);
    server.stop();
    assert!(
        report.contains(&format!(
            "{} page views checked, 0 serious",
            pages.len() * 2
        )),
        "{report}"
    );
    assert!(shots.join("form-phone.png").exists() && shots.join("refused-es-desktop.png").exists());
    // Each viewport sent its form twice (Send, Back, Send): one response each.
    let stored: i64 = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = domain::Store::connect(&db).await.unwrap();
        let n = sqlx::query_scalar(
            "select count(*) from response r join session s on s.id = r.session_id \
             join circle c on c.id = s.circle_id where c.name = 'Saturday'",
        )
        .fetch_one(store.pool())
        .await
        .unwrap();
        store.close().await;
        n
    });
    assert_eq!(stored, 2, "a form sent again after Back is stored once");
}

/// Issue 20: the participant pages in Arabic, right to left, at phone, tablet and desktop
/// widths — home, form, a refused form, the ticket pages, thanks, privacy, not found, the
/// kiosk's form and thanks — and the form and thanks page in every other language (at phone
/// and desktop widths): axe,
/// no sideways scrolling, and `a11y.mjs`'s direction checks (the scale's 1 at the start of
/// the line, the right in Arabic; the keyboard's "next" arrow toward the line's end;
/// codes left to right). Screenshots: `target/browser-shots/{form-,}rtl-*.png`, `*-lang-*.png`.
#[test]
fn participant_pages_in_arabic_mirror_at_three_widths_and_every_language_passes_axe() {
    let Some((tools, shots, _dir, db)) = setup() else {
        return;
    };
    let open = |circle: &str, extra: &[&str]| {
        let mut args = vec![
            "session",
            "open",
            "--program",
            "Peer Bridges",
            "--circle",
            circle,
        ];
        args.extend_from_slice(extra);
        hearth(&db, &args)
    };
    let opened = open("Tuesday Evening", &[]);
    let code = opened.split_whitespace().nth(1).unwrap().to_owned();
    let ticketed = open("Thursday", &["--tickets", "1"]);
    let ticketed_code = ticketed.split_whitespace().nth(1).unwrap().to_owned();
    let ticket_path = ticketed
        .lines()
        .find(|l| l.contains("?ticket="))
        .and_then(|l| l.find("/s/").map(|at| l[at..].trim().to_owned()))
        .unwrap();
    let kiosk = open("Saturday", &["--kiosk"]);
    let kiosk_link = kiosk
        .lines()
        .find(|l| l.starts_with("kiosk link"))
        .and_then(|l| l.split_whitespace().last())
        .unwrap();
    let kiosk_path = kiosk_link[kiosk_link.find("/s/").unwrap()..].to_owned();

    let server = Server::start(&db, None);
    let pages = vec![
        "rtl-home=/?lang=ar".to_owned(),
        format!("form-rtl=/s/{code}?lang=ar"),
        format!("rtl-refused=post:/s/{code}?lang=ar"),
        format!("rtl-ticket={ticket_path}&lang=ar"),
        format!("rtl-ticket-wrong=/s/{ticketed_code}?lang=ar&ticket=ZZZZZ"),
        format!("rtl-thanks=/s/{code}/thanks?lang=ar"),
        "rtl-privacy=/privacy?lang=ar".to_owned(),
        "rtl-not-found=/s/ZZZZ-ZZ?lang=ar".to_owned(),
        format!("form-rtl-kiosk={kiosk_path}?lang=ar"),
        format!("rtl-kiosk-next={kiosk_path}/next?lang=ar&stay=1"),
    ];
    let report = run_checker_with(
        &tools.join("a11y.mjs"),
        server.port,
        &shots,
        &pages,
        &[("HEARTH_VIEWPORTS", "all")],
    );
    assert!(
        report.contains(&format!(
            "{} page views checked, 0 serious",
            pages.len() * 3
        )),
        "{report}"
    );
    // Every other language, left to right like the English pages: phone and desktop.
    let mut others = Vec::new();
    for lang in domain::i18n::Lang::BUILT_IN {
        let code_ = lang.code();
        if lang != domain::i18n::Lang::Ar {
            others.push(format!("form-lang-{code_}=/s/{code}?lang={code_}"));
            others.push(format!("lang-thanks-{code_}=/s/{code}/thanks?lang={code_}"));
        }
    }
    let report = run_checker(&tools.join("a11y.mjs"), server.port, &shots, &others);
    server.stop();
    assert!(
        report.contains(&format!(
            "{} page views checked, 0 serious",
            others.len() * 2
        )),
        "{report}"
    );
    assert!(
        shots.join("form-rtl-phone.png").exists()
            && shots.join("form-rtl-tablet.png").exists()
            && shots.join("form-rtl-desktop.png").exists()
    );
}

/// Each role signs in through the form, opens its main pages (the manager overview and
/// program report and the funder report among them) and gets them without an
/// accessibility problem.
#[test]
fn each_role_signs_in_and_its_pages_pass_axe_in_chromium() {
    use common::staff::*;
    let Some((tools, shots, _dir, db)) = setup() else {
        return;
    };
    seed(&db);
    // Single sign-on set up (its provider is never contacted here), so the admin's page
    // about it is checked as admins of such an organization see it. No base URL: links
    // follow the bound address, as the checker verifies.
    let server = Server::start_with_env(
        &db,
        None,
        &[
            ("HEARTH_OIDC_ISSUER", "http://127.0.0.1:9/never-contacted"),
            ("HEARTH_OIDC_CLIENT_ID", "hearth"),
            ("HEARTH_OIDC_DOMAINS", "test.hearth"),
        ],
    );
    let account = |name: &str, email: &str, paths: &[String]| {
        format!("{name}={email}:{PASSWORD}:{}", paths.join(","))
    };
    let accounts = [
        account(
            "admin",
            ADMIN,
            &[
                "/staff".into(),
                "/staff/admin".into(),
                "/staff/admin/users".into(),
                "/staff/admin/privacy".into(),
                "/staff/admin/ledger".into(),
                "/staff/admin/audit".into(),
                "/staff/admin/api-tokens".into(),
                "/staff/admin/webhooks".into(),
                "/staff/account".into(),
                "/staff/admin/single-sign-on".into(),
            ],
        ),
        account(
            "manager",
            MANAGER_A,
            &[
                format!("/staff/programs/{PROGRAM_A}"),
                format!("/staff/programs/{PROGRAM_A}/circles/{CIRCLE_A1}"),
                format!("/staff/programs/{PROGRAM_A}/report"),
            ],
        ),
        account(
            "facilitator",
            FACILITATOR_A,
            &[
                "/staff/sessions".into(),
                "open:0".into(),
                "confirm-close".into(),
                "open:4".into(),
            ],
        ),
        account(
            "funder",
            FUNDER,
            &["/staff/reports".into(), format!("/staff/reports/{QUARTER}")],
        ),
    ];
    let report = run_checker(&tools.join("staff.mjs"), server.port, &shots, &accounts);
    assert!(
        report.contains("38 staff page views checked, 0 problems"),
        "{report}"
    );
    // The figure pages again from a Spanish-speaking browser: the same checks (axe, no
    // sideways scrolling, no figure against its legend, read with decimal commas and
    // "72 %"), and every page in Spanish.
    let spanish = [
        account(
            "es-manager",
            MANAGER_A,
            &[
                format!("/staff/programs/{PROGRAM_A}"),
                format!("/staff/programs/{PROGRAM_A}/report"),
                format!("/staff/programs/{PROGRAM_A}/actions"),
            ],
        ),
        account("es-funder", FUNDER, &[format!("/staff/reports/{QUARTER}")]),
    ];
    let report = run_checker_with(
        &tools.join("staff.mjs"),
        server.port,
        &shots,
        &spanish,
        &[("HEARTH_LOCALE", "es-MX")],
    );
    server.stop();
    assert!(
        report.contains("8 staff page views checked, 0 problems"),
        "{report}"
    );
    assert!(
        shots.join("staff-manager-0-phone.png").exists()
            && shots.join("staff-funder-1-desktop.png").exists()
    );
}

/// The admin's account, catalog and privacy pages, confirmation pages included, and the
/// forced change of a reset password: `accounts.mjs` and `catalog.mjs` at phone and
/// desktop widths, with axe, no sideways scrolling, and every button on screen.
#[test]
fn admin_account_catalog_and_privacy_pages_pass_axe_in_chromium() {
    use common::staff::*;
    let Some((tools, shots, _dir, db)) = setup() else {
        return;
    };
    seed(&db);
    let server = Server::start(&db, None);
    let accounts = run_checker(
        &tools.join("accounts.mjs"),
        server.port,
        &shots,
        &[
            ADMIN.to_owned(),
            PASSWORD.to_owned(),
            FACILITATOR_A.to_owned(),
        ],
    );
    let catalog = run_checker(
        &tools.join("catalog.mjs"),
        server.port,
        &shots,
        &[
            ADMIN.to_owned(),
            PASSWORD.to_owned(),
            PROGRAM_A.to_string(),
            CIRCLE_A3.to_string(),
        ],
    );
    server.stop();
    assert!(
        accounts.contains("18 account page views checked, 0 problems"),
        "{accounts}"
    );
    assert!(
        catalog.contains("20 catalog and privacy page views checked, 0 problems"),
        "{catalog}"
    );
}

/// The second factor (`tests/browser/factor.mjs`): setting up an authenticator app (QR
/// code and key, a wrong code refused, the recovery codes), signing in with a code (a wrong
/// one refused), and the admin's users, edit and reset pages — at phone and desktop widths,
/// with axe, no sideways scrolling.
#[test]
fn second_factor_pages_pass_axe_in_chromium() {
    use common::staff::*;
    let Some((tools, shots, _dir, db)) = setup() else {
        return;
    };
    seed(&db);
    let server = Server::start(&db, None);
    let report = run_checker(
        &tools.join("factor.mjs"),
        server.port,
        &shots,
        &[
            ADMIN.to_owned(),
            PASSWORD.to_owned(),
            MANAGER_A.to_owned(),
            FUNDER.to_owned(),
        ],
    );
    server.stop();
    assert!(
        report.contains("22 second-factor page views checked, 0 problems"),
        "{report}"
    );
}

/// Kiosk mode on a shared tablet (`tests/browser/kiosk.mjs`): the kiosk pages pass axe at
/// phone, tablet and desktop widths; one person answers, the thanks page returns to an
/// empty form by itself, and the next person finds none of the first person's answers
/// through back, forward, reload or the "next person" button.
#[test]
fn a_kiosk_shows_the_next_person_nothing_of_the_last_in_chromium() {
    let Some((tools, shots, _dir, db)) = setup() else {
        return;
    };
    let opened = hearth(
        &db,
        &[
            "session",
            "open",
            "--program",
            "Peer Bridges",
            "--circle",
            "Tuesday Evening",
            "--kiosk",
        ],
    );
    let link = opened
        .lines()
        .find(|l| l.starts_with("kiosk link"))
        .and_then(|l| l.split_whitespace().last())
        .unwrap();
    let path = &link[link.find("/s/").unwrap()..];
    let server = Server::start(&db, None);
    let report = run_checker(
        &tools.join("kiosk.mjs"),
        server.port,
        &shots,
        &[path.to_owned()],
    );
    server.stop();
    assert!(report.contains("kiosk: 0 problems"), "{report}");
    assert!(shots.join("kiosk-returned-tablet.png").exists());
}

/// Issue 12 and 11's staff pages at phone, tablet and desktop widths: the data-entry
/// role's session list and entry page, the facilitator's paper form in both languages,
/// (and in Arabic, right to left), and the manager's actions; then the paper form printed
/// to PDF by Chromium fits one page at A4 and at US Letter in every participant language
/// (pdfinfo counts them).
#[test]
fn entry_paper_and_actions_pages_pass_axe_and_the_paper_form_prints_on_one_page() {
    use common::staff::*;
    let Some((tools, shots, _dir, db)) = setup() else {
        return;
    };
    let code = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = domain::Store::connect(&db).await.unwrap();
        store.migrate().await.unwrap();
        seed_network(&store).await;
        dashboards::account::add_user(
            &store,
            &dashboards::account::NewUser::new(
                "entry-a@test.hearth",
                "data_entry",
                Some("Riverside"),
            )
            .unwrap(),
            PASSWORD.into(),
        )
        .await
        .unwrap();
        let today = chrono::Utc::now().date_naive();
        let new = domain::catalog::NewSession::new(
            "Riverside",
            "Monday Circle",
            today,
            Some(30),
            None,
            None,
        )
        .unwrap();
        let (session, _) = domain::catalog::open_session(&store, &new).await.unwrap();
        store.close().await;
        session.code.as_str().to_owned()
    });
    let server = Server::start(&db, None);
    // Every participant language prints on one page.
    let languages: Vec<&str> = domain::i18n::Lang::BUILT_IN
        .into_iter()
        .map(|l| l.code())
        .collect();
    let accounts = [
        format!("entry=entry-a@test.hearth:{PASSWORD}:/staff/entry,/staff/entry/{code}"),
        format!(
            "paper={FACILITATOR_A}:{PASSWORD}:/staff/sessions/{code}/paper,/staff/sessions/{code}/paper?lang=es,/staff/sessions/{code}/paper?lang=ar"
        ),
        format!("actions={MANAGER_A}:{PASSWORD}:/staff/programs/{PROGRAM_A}/actions"),
    ];
    let report = run_checker_with(
        &tools.join("staff.mjs"),
        server.port,
        &shots,
        &accounts,
        &[("HEARTH_VIEWPORTS", "all")],
    );
    assert!(
        report.contains("18 staff page views checked, 0 problems"),
        "{report}"
    );
    run_checker(
        &tools.join("paper.mjs"),
        server.port,
        &shots,
        &[
            FACILITATOR_A.to_owned(),
            PASSWORD.to_owned(),
            code.clone(),
            languages.join(","),
        ],
    );
    server.stop();
    for lang in &languages {
        for format in ["A4", "Letter"] {
            let pdf = shots.join(format!("paper-{lang}-{format}.pdf"));
            let info = Command::new("pdfinfo")
                .arg(&pdf)
                .output()
                .expect("pdfinfo (poppler-utils)");
            let info = String::from_utf8_lossy(&info.stdout);
            let pages = info
                .lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .map(str::trim)
                .unwrap_or("?");
            assert_eq!(pages, "1", "{lang} {format}: {info}");
        }
    }
}

/// Issue 18 over the demo network (a year of months, three programs, recorded actions):
/// `tests/browser/phone.mjs` opens the manager's overview, circle page and board report
/// and the funder's quarterly report at 390 and 1280 px — every chart label is 12 px or
/// more, nothing wide runs off the screen unless it scrolls and shows that it does, and the
/// manager's pages start with a chart on the first screen; then `print.mjs` prints the
/// board report and the funder report to PDF at A4 and US Letter, and no page ends with a
/// heading (or a heading and the paragraph introducing its chart or table).
#[test]
fn figure_pages_read_on_a_phone_and_reports_print_without_stranded_headings() {
    let Some((tools, shots, _dir, db)) = setup() else {
        return;
    };
    let accounts = hearth(&db, &["demo", "--no-serve"]);
    let password = |role: &str| {
        accounts
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .find(|w| w.len() == 3 && w[0] == role)
            .map(|w| format!("{}:{}", w[1], w[2]))
            .unwrap_or_else(|| panic!("no {role} in {accounts}"))
    };
    let (program, circle, quarter) = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = domain::Store::connect(&db).await.unwrap();
        let program = domain::catalog::programs(&store)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Riverside Peer Support")
            .unwrap()
            .id;
        let circle = domain::catalog::circles(&store, Some(program))
            .await
            .unwrap()[0]
            .id;
        let quarter = analytics::view::list_releases(&store)
            .await
            .unwrap()
            .into_iter()
            .rfind(|r| r.period.is_quarter())
            .unwrap()
            .period;
        store.close().await;
        (program, circle, quarter)
    });
    let (manager, funder) = (password("manager"), password("funder"));
    let (overview, report) = (
        format!("/staff/programs/{program}"),
        format!("/staff/programs/{program}/report"),
    );
    let server = Server::start(&db, None);
    let phone = run_checker(
        &tools.join("phone.mjs"),
        server.port,
        &shots,
        &[
            format!("manager={manager}:lead:{overview},lead:{overview}/circles/{circle},{report}"),
            format!("funder={funder}:/staff/reports/{quarter}"),
        ],
    );
    let printed = run_checker(
        &tools.join("print.mjs"),
        server.port,
        &shots,
        &[
            format!("board={manager}:{report}"),
            format!("funder={funder}:/staff/reports/{quarter}"),
        ],
    );
    server.stop();
    assert!(
        phone.contains("8 figure page views checked, 0 problems"),
        "{phone}"
    );
    assert!(
        printed.contains("4 printed reports checked, 0 problems"),
        "{printed}"
    );
    let files: Vec<String> = std::fs::read_dir(&shots)
        .unwrap()
        .map(|f| f.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for name in ["board", "funder"] {
        for format in ["A4", "Letter"] {
            let pages = format!("print-{name}-{format}-");
            assert!(files.contains(&format!("print-{name}-{format}.pdf")));
            assert!(
                files
                    .iter()
                    .filter(|f| f.starts_with(&pages) && f.ends_with(".png"))
                    .count()
                    >= 2,
                "{name} at {format} prints on more than one page"
            );
        }
    }
}
