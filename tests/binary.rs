//! End to end through the real `hearth` binary: the CLI, what a run writes to its logs,
//! and that a 303 survives the process being killed.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::process::Command;
use std::time::Duration;

use common::TestDb;
use common::server::Server;

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");

use common::run_hearth as hearth;

fn open_session(db: &TestDb, extra: &[&str]) -> (String, Vec<String>) {
    let mut args = vec![
        "session",
        "open",
        "--program",
        "Peer Bridges",
        "--circle",
        "Tuesday Evening",
        "--date",
        "2026-11-03",
    ];
    args.extend_from_slice(extra);
    let out = hearth(db, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let code = stdout.split_whitespace().nth(1).unwrap().to_owned();
    let tickets = stdout
        .lines()
        .filter(|l| l.contains("?ticket="))
        .map(str::to_owned)
        .collect();
    (code, tickets)
}

on_both_stores!(
    session_open_prints_the_code_link_and_one_line_per_ticket,
    bad_session_settings_are_refused_and_create_nothing,
    a_run_logs_no_client_address_no_agent_and_no_answer,
    responses_answered_303_survive_a_kill,
);

async fn session_open_prints_the_code_link_and_one_line_per_ticket(db: &TestDb) {
    let migrated = hearth(db, &["migrate"]);
    assert!(migrated.status.success());
    let (code, tickets) = open_session(db, &["--tickets", "3", "--hours", "2"]);
    assert!(domain::code::SessionCode::parse(&code).is_some(), "{code}");
    assert_eq!(tickets.len(), 3);
    for line in &tickets {
        let prefix = format!("https://feedback.example.org/s/{code}?ticket=");
        assert!(line.starts_with(&prefix), "{line}");
        assert!(
            domain::code::Ticket::parse(&line[prefix.len()..]).is_some(),
            "{line}"
        );
    }
    let plain = hearth(
        db,
        &[
            "session",
            "open",
            "--program",
            "Peer Bridges",
            "--circle",
            "Tuesday Evening",
        ],
    );
    let stdout = String::from_utf8(plain.stdout).unwrap();
    assert!(
        stdout.contains("link https://feedback.example.org/s/"),
        "{stdout}"
    );
    assert!(stdout.contains("accepts up to 40 responses"), "{stdout}");
    assert!(!stdout.contains("ticket"));

    let store = db.store().await;
    let programs: i64 = sqlx::query_scalar("select count(*) from program")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(programs, 1, "the program was created twice");
    let closed = hearth(db, &["session", "close", &code.to_lowercase()]);
    assert!(closed.status.success());
    let flag: i32 = sqlx::query_scalar("select closed from session where code = $1")
        .bind(code.replace('-', ""))
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(flag, 1);
}

async fn bad_session_settings_are_refused_and_create_nothing(db: &TestDb) {
    for args in [
        &["session", "open", "--program", " ", "--circle", "c"][..],
        &[
            "session",
            "open",
            "--program",
            "p",
            "--circle",
            "c",
            "--capacity",
            "0",
        ],
        &[
            "session",
            "open",
            "--program",
            "p",
            "--circle",
            "c",
            "--hours",
            "100000",
        ],
        &[
            "session",
            "open",
            "--program",
            "p",
            "--circle",
            "c",
            "--date",
            "2026-13-01",
        ],
        &[
            "session",
            "open",
            "--program",
            "p",
            "--circle",
            "c",
            "--tickets",
            "0",
        ],
    ] {
        let out = hearth(db, args);
        assert!(!out.status.success(), "{args:?} was accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.len() > 10 && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
    }
    let unknown = hearth(db, &["session", "close", "ZZZZ-ZZ"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no session has the code ZZZZ-ZZ"));
    let store = db.store().await;
    let programs: i64 = sqlx::query_scalar("select count(*) from program")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(programs, 0);
}

async fn a_run_logs_no_client_address_no_agent_and_no_answer(db: &TestDb) {
    let (code, _) = open_session(db, &[]);
    let answers =
        "belong=5&welcome=4&heard=3&safe_to_share=2&first_time=yes&helped=stories&hindered=advice";
    let forbidden_answers = [
        "belong",
        "welcome",
        "safe_to_share",
        "stories",
        "advice",
        "canary-answer-51f3",
    ];

    // At the default level a run logs its start and nothing per request at all: no line
    // can carry a client, an answer or the time of a submission.
    let server = Server::start(&db.url, None);
    let before = server.log();
    let mut clients = vec![];
    for _ in 0..3 {
        let (status, _, port) = server.request("POST", &format!("/s/{code}"), answers);
        assert_eq!(status, 303);
        clients.push(port);
    }
    let (status, _, port) = server.request(
        "POST",
        &format!("/s/{code}"),
        "belong=7&note=canary-answer-51f3",
    );
    assert_eq!(status, 422);
    clients.push(port);
    assert_eq!(
        server.request("GET", &format!("/s/{code}?lang=es"), "").0,
        200
    );
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(server.log(), before, "participant requests were logged");
    let log = server.stop();
    assert!(
        log.contains("listening on"),
        "the log capture saw nothing: {log}"
    );

    // Turned all the way up, the logs still hold no client address, agent or answer.
    let server = Server::start(&db.url, Some("trace"));
    for body in [answers, "belong=7&note=canary-answer-51f3"] {
        clients.push(server.request("POST", &format!("/s/{code}"), body).2);
    }
    clients.push(server.request("GET", &format!("/s/{code}"), "").2);
    let log = server.stop();
    assert!(
        log.contains("listening on"),
        "the log capture saw nothing: {log}"
    );
    for port in clients {
        assert!(
            !log.contains(&format!(":{port}")),
            "client port {port} in the log"
        );
    }
    for needle in [
        "CanaryBrowser",
        "LogProbe",
        "203.0.113.77",
        "User-Agent",
        "user-agent",
        "x-forwarded-for",
        // The browser's language is read for one page and never logged (issue 20).
        "Canarylang",
        "accept-language",
        "Accept-Language",
    ] {
        assert!(!log.contains(needle), "{needle} in the log");
    }
    for needle in forbidden_answers {
        assert!(!log.contains(needle), "answer text {needle:?} in the log");
    }
}

async fn responses_answered_303_survive_a_kill(db: &TestDb) {
    let (code, _) = open_session(db, &["--capacity", "200"]);
    let mut server = Server::start(&db.url, None);
    let accepted = (0..40)
        .filter(|n| {
            server
                .request(
                    "POST",
                    &format!("/s/{code}"),
                    &format!("belong={}", n % 5 + 1),
                )
                .0
                == 303
        })
        .count();
    assert_eq!(accepted, 40);
    // No graceful shutdown: the process dies at once.
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    let store = db.store().await;
    let stored: i64 = sqlx::query_scalar("select count(*) from response")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(stored, accepted as i64);
}

/// `hearth demo` fills an empty store with a released network and prints one line per
/// role — role, email, password — that signs in; it refuses a store that has programs.
async fn the_demo_prints_one_working_account_per_role(db: &TestDb) {
    let out = hearth(db, &["demo", "--no-serve"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("demo network ready: 3 programs, 12 circles"),
        "{stdout}"
    );
    let store = db.store().await;
    let mut roles = vec![];
    for line in stdout.lines().filter(|l| l.contains("@demo.hearth")) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [role, email, password] = fields[..] else {
            panic!("{line}")
        };
        let (user, hash) = dashboards::account::find_by_email(&store, email)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.role.key(), role);
        assert!(
            dashboards::account::password_matches(password, &hash),
            "{email}"
        );
        roles.push(role.to_owned());
    }
    assert_eq!(roles, ["admin", "manager", "facilitator", "funder"]);
    let releases = analytics::view::list_releases(&store).await.unwrap();
    assert!(
        releases.len() >= 12,
        "a year of months and its quarters: {}",
        releases.len()
    );
    let again = hearth(db, &["demo", "--no-serve"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has programs"));
}

/// `hearth user add` reads the password from standard input (never a flag), hashes it,
/// and refuses a manager without a program.
async fn user_add_reads_the_password_from_stdin(db: &TestDb) {
    use std::io::Write;
    use std::process::Stdio;
    let add = |args: &[&str], input: &str| {
        let mut child = Command::new(HEARTH)
            .args(args)
            .env("HEARTH_DATABASE_URL", &db.url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let refused = add(
        &[
            "user",
            "add",
            "--email",
            "m@example.org",
            "--role",
            "manager",
        ],
        "a long enough password\n",
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("must belong to a program"));
    let added = add(
        &[
            "user",
            "add",
            "--email",
            "Admin@Example.org",
            "--role",
            "admin",
        ],
        "a long enough password\n",
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&added.stdout),
        "added admin@example.org as admin\n"
    );
    let store = db.store().await;
    let (_, hash) = dashboards::account::find_by_email(&store, "admin@example.org")
        .await
        .unwrap()
        .unwrap();
    assert!(hash.starts_with("$argon2id$") && !hash.contains("a long enough password"));
    assert!(dashboards::account::password_matches(
        "a long enough password",
        &hash
    ));
    let short = add(
        &[
            "user",
            "add",
            "--email",
            "b@example.org",
            "--role",
            "funder",
        ],
        "short\n",
    );
    assert!(!short.status.success());
}

/// A directory of translations (issue 20, item 5): a new language (Somali), a new
/// right-to-left one (Dari, `prs`), and an override of one built-in Spanish message.
fn translations_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (code, text) in files {
        let (code, file) = code.split_once('/').unwrap_or((code, "participant.ftl"));
        std::fs::create_dir_all(dir.path().join(code)).unwrap();
        std::fs::write(dir.path().join(code).join(file), text).unwrap();
    }
    dir
}

async fn a_translation_dropped_in_a_directory_is_served_without_rebuilding(db: &TestDb) {
    let dir = translations_dir(&[
        (
            "so",
            "language-name = Soomaali\nlanguage-name-english = Somali\n\
             home-title = Noo sheeg sidaad u dareentay kooxda\nhome-start = Bilow\n\
             form-group = Kooxda: { $circle }\n",
        ),
        (
            "prs",
            "language-name = دری\nlanguage-name-english = Dari\nhome-start = شروع\n",
        ),
        ("es", "home-start = ¡Empecemos!\n"),
        // Staff pages: one reviewed Spanish message, and Somali staff pages begun.
        ("es/staff.ftl", "sign-in-title = Acceso del personal\n"),
        ("so/staff.ftl", "sign-in-title = Soo gal\n"),
    ]);
    let (code, _) = open_session(db, &[]);
    let path = dir.path().to_str().unwrap();
    let server = Server::start_with_env(&db.url, None, &[("HEARTH_TRANSLATIONS", path)]);

    let (status, home, _) = server.request("GET", "/?lang=so", "");
    assert_eq!(status, 200);
    assert!(home.contains(r#"<html lang="so" dir="ltr">"#), "{home}");
    assert!(home.contains("Noo sheeg sidaad u dareentay kooxda"));
    assert!(home.contains(">Bilow<"), "{home}");
    // A message the file lacks is English's, never blank or a key.
    assert!(
        home.contains("Type the code your group shows you."),
        "{home}"
    );
    // Every switcher lists the added languages in their own names.
    for name in ["Soomaali", "دری", "English", "العربية"] {
        assert!(home.contains(name), "{name} not in the switcher");
    }

    let (status, form, _) = server.request("GET", &format!("/s/{code}?lang=so"), "");
    assert_eq!(status, 200);
    assert!(form.contains("Kooxda: "), "{form}");

    // Added right-to-left by its code.
    let (_, dari, _) = server.request("GET", "/?lang=prs", "");
    assert!(dari.contains(r#"<html lang="prs" dir="rtl">"#), "{dari}");

    // An override changes one Spanish message; the rest stay the built-in Spanish.
    let (_, spanish, _) = server.request("GET", "/?lang=es", "");
    assert!(spanish.contains("¡Empecemos!"), "{spanish}");
    assert!(spanish.contains("Escribe el código"), "{spanish}");

    // Staff pages: the Spanish override, the rest built-in Spanish; Somali offered to a
    // browser that asks for it, with English where its file has no message yet.
    let (_, sign_in, _) = server.request_in("es-MX", "GET", "/staff/sign-in", "");
    assert!(sign_in.contains("Acceso del personal"), "{sign_in}");
    assert!(sign_in.contains("Contraseña"), "{sign_in}");
    let (_, somali, _) = server.request_in("so, en;q=0.5", "GET", "/staff/sign-in", "");
    assert!(somali.contains(r#"<html lang="so""#), "{somali}");
    assert!(somali.contains("Soo gal"), "{somali}");
    assert!(somali.contains("Password"), "{somali}");
    server.stop();

    // Without the directory, Somali is not on offer.
    let server = Server::start(&db.url, None);
    let (_, plain, _) = server.request("GET", "/?lang=so", "");
    assert!(plain.contains(r#"<html lang="en""#));
    assert!(!plain.contains("Soomaali"));
    server.stop();
}

async fn a_broken_translation_stops_the_start_naming_its_file_and_line(db: &TestDb) {
    let dir = translations_dir(&[(
        "tl",
        "language-name = Tagalog\nhome-start = Simulan\nhome-title = { $oops\n",
    )]);
    let path = dir.path().to_str().unwrap();
    let checked = hearth(db, &["translations", "check", path]);
    assert!(!checked.status.success());
    let out = String::from_utf8_lossy(&checked.stdout);
    assert!(out.contains("tl/participant.ftl:3: Fluent syntax"), "{out}");
    assert!(out.contains("REFUSED"), "{out}");

    let started = hearth(
        db,
        &["serve", "--bind", "127.0.0.1:0", "--translations", path],
    );
    assert!(
        !started.status.success(),
        "served with a broken translation"
    );
    let err = String::from_utf8_lossy(&started.stderr);
    assert!(err.contains("tl/participant.ftl:3"), "{err}");
    assert!(!err.contains("listening on"), "{err}");

    // Once fixed, the check passes and reports what the file lacks.
    std::fs::write(
        dir.path().join("tl/participant.ftl"),
        "language-name = Tagalog\nhome-start = Simulan\n",
    )
    .unwrap();
    let checked = hearth(db, &["translations", "check", path]);
    let out = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{out}");
    assert!(out.contains("tl") && out.contains("missing"), "{out}");
}

on_both_stores!(
    the_demo_prints_one_working_account_per_role,
    user_add_reads_the_password_from_stdin,
    a_translation_dropped_in_a_directory_is_served_without_rebuilding,
    a_broken_translation_stops_the_start_naming_its_file_and_line
);
