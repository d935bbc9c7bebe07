//! End to end through the real `hearth` binary: the CLI, what a run writes to its logs,
//! and that a 303 survives the process being killed.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::TestDb;

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");

fn hearth(db: &TestDb, args: &[&str]) -> std::process::Output {
    Command::new(HEARTH)
        .args(args)
        .env("HEARTH_DATABASE_URL", &db.url)
        .env("HEARTH_BASE_URL", "https://feedback.example.org/")
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

/// A `hearth serve` child on an ephemeral port, with everything it logs collected.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(db: &TestDb, rust_log: Option<&str>) -> Server {
        let mut command = Command::new(HEARTH);
        command
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env("HEARTH_DATABASE_URL", &db.url)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        match rust_log {
            Some(level) => command.env("RUST_LOG", level),
            None => command.env_remove("RUST_LOG"),
        };
        let mut child = command.spawn().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (port_tx, port_rx) = std::sync::mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let (log, port_tx) = (log.clone(), port_tx.clone());
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    // Captured before the port is announced, so a snapshot taken once the
                    // server is up always holds the start-up line.
                    {
                        let mut log = log.lock().unwrap();
                        log.push_str(&line);
                        log.push('\n');
                    }
                    if let Some(rest) = line.split("listening on http://127.0.0.1:").nth(1) {
                        let digits: String =
                            rest.chars().take_while(char::is_ascii_digit).collect();
                        let _ = port_tx.send(digits.parse::<u16>().unwrap());
                    }
                }
            });
        }
        let port = port_rx
            .recv_timeout(Duration::from_secs(60))
            .expect("hearth serve did not start");
        Server { child, port, log }
    }

    /// A request over a plain socket, so the test knows the client's own address.
    /// Returns (status, body, the client's local port).
    fn request(&self, method: &str, path: &str, body: &str) -> (u16, String, u16) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let client_port = stream.local_addr().unwrap().port();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: CanaryBrowser/9.1 (LogProbe)\r\n\
             X-Forwarded-For: 203.0.113.77\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        (status, response, client_port)
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    fn stop(mut self) -> String {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.child.try_wait().unwrap().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::thread::sleep(Duration::from_millis(100));
        self.log()
    }
}

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
    assert!(
        collector::code::SessionCode::parse(&code).is_some(),
        "{code}"
    );
    assert_eq!(tickets.len(), 3);
    for line in &tickets {
        let prefix = format!("https://feedback.example.org/s/{code}?ticket=");
        assert!(line.starts_with(&prefix), "{line}");
        assert!(
            collector::code::Ticket::parse(&line[prefix.len()..]).is_some(),
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
    let server = Server::start(db, None);
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
    let server = Server::start(db, Some("trace"));
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
    ] {
        assert!(!log.contains(needle), "{needle} in the log");
    }
    for needle in forbidden_answers {
        assert!(!log.contains(needle), "answer text {needle:?} in the log");
    }
}

async fn responses_answered_303_survive_a_kill(db: &TestDb) {
    let (code, _) = open_session(db, &["--capacity", "200"]);
    let mut server = Server::start(db, None);
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
