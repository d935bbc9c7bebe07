//! Shared end-to-end harness: a fresh database per test (a SQLite file in a temp dir, or
//! a new PostgreSQL database that is dropped afterwards) and the app on port 0.
#![allow(dead_code)]

pub mod cluster;
pub mod http;
pub mod server;
pub mod staff;

use std::net::SocketAddr;

use collector::Settings;
use domain::Store;
use domain::catalog::{self, NewSession, Session};
use domain::code::Ticket;
use sqlx::{Connection, Executor, PgConnection};

/// The PostgreSQL server tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("HEARTH_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg_database: Option<String>,
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("hearth.db").display());
        TestDb {
            url,
            _dir: Some(dir),
            pg_database: None,
        }
    }

    /// A fresh, empty PostgreSQL database. `None` (the test is skipped, loudly) when the
    /// server cannot be reached, except under `CI=true`, where that fails the test.
    pub async fn postgres() -> Option<TestDb> {
        TestDb::postgres_on(&postgres_admin_url()).await
    }

    /// A fresh database on the PostgreSQL server at `admin` (as [`TestDb::postgres`]).
    pub async fn postgres_on(admin: &str) -> Option<TestDb> {
        let admin = admin.to_owned();
        let mut conn = match PgConnection::connect(&admin).await {
            Ok(conn) => conn,
            Err(error) if !in_ci() => {
                eprintln!(
                    "SKIPPED: PostgreSQL at {admin} is unreachable ({error}); set CI=true to make this fail"
                );
                return None;
            }
            Err(error) => panic!("PostgreSQL at {admin} is unreachable under CI=true: {error}"),
        };
        let name = format!("hearth_test_{:016x}", rand::random::<u64>());
        conn.execute(format!("create database {name}").as_str())
            .await
            .unwrap();
        let (base, _) = admin.rsplit_once('/').unwrap();
        Some(TestDb {
            url: format!("{base}/{name}"),
            _dir: None,
            pg_database: Some(name),
        })
    }

    pub async fn store(&self) -> Store {
        let store = Store::connect(&self.url).await.unwrap();
        store.migrate().await.unwrap();
        store
    }
}

impl Drop for TestDb {
    /// Drops the PostgreSQL database even when the test panicked.
    fn drop(&mut self) {
        let Some(name) = self.pg_database.take() else {
            return;
        };
        let admin = postgres_admin_url();
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(mut conn) = PgConnection::connect(&admin).await {
                    let _ = conn
                        .execute(format!("drop database if exists {name} with (force)").as_str())
                        .await;
                }
            });
        })
        .join();
    }
}

/// Runs a test body once on SQLite and once on PostgreSQL:
/// `on_both_stores!(name);` over `async fn name(db: &TestDb)`.
#[macro_export]
macro_rules! on_both_stores {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn on_sqlite() {
                let db = $crate::common::TestDb::sqlite().await;
                super::$name(&db).await;
            }
            #[tokio::test]
            async fn on_postgres() {
                let Some(db) = $crate::common::TestDb::postgres().await else { return };
                super::$name(&db).await;
            }
        }
    )+};
}

/// The app serving on 127.0.0.1:0 inside the test's runtime.
pub struct TestApp {
    pub addr: SocketAddr,
    pub store: Store,
    pub client: reqwest::Client,
}

impl TestApp {
    pub async fn spawn(db: &TestDb) -> TestApp {
        let store = db.store().await;
        let state = hearth::AppState::new(
            store.clone(),
            Settings::default(),
            "http://hearth.test",
            dashboards::SignInLimits::default(),
        )
        .await
        .unwrap();
        let (listener, addr) = hearth::PeerlessListener::bind("127.0.0.1:0").await.unwrap();
        tokio::spawn(hearth::serve(
            listener,
            hearth::app(state),
            std::future::pending(),
        ));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestApp {
            addr,
            store,
            client,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn open_session(
        &self,
        capacity: Option<u32>,
        tickets: Option<u32>,
    ) -> (Session, Vec<Ticket>) {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let new = NewSession::new(
            "Peer Bridges",
            "Tuesday Evening",
            date,
            capacity,
            None,
            tickets,
        )
        .unwrap();
        catalog::open_session(&self.store, &new).await.unwrap()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn post_form(&self, path: &str, body: impl Into<String>) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.into())
            .send()
            .await
            .unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(self.store.pool())
            .await
            .unwrap()
    }

    pub async fn responses(&self) -> i64 {
        self.count("select count(*) from response").await
    }
}

/// Every participant response: no cookie, no caching, no referrer, a strict CSP.
pub fn assert_anonymous_headers(response: &reqwest::Response) {
    let headers = response.headers();
    assert!(
        headers.get("set-cookie").is_none(),
        "a participant route set a cookie"
    );
    assert_eq!(headers.get("cache-control").unwrap(), "no-store");
    assert_eq!(headers.get("referrer-policy").unwrap(), "no-referrer");
    assert!(
        headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
}

/// The page as a reader sees its text: HTML apostrophes unescaped. Fails on any message
/// key missing from the catalogs.
pub async fn text(response: reqwest::Response) -> String {
    let html = response.text().await.unwrap().replace("&#39;", "'");
    assert!(
        !html.contains("Unknown localization"),
        "a message key is missing: {html}"
    );
    html
}

/// The token (`once`) of the participant form on a page: what a browser sends back with it.
pub fn form_token(html: &str) -> String {
    let marker = r#"name="once" value=""#;
    let at = html.find(marker).expect("a form with a token") + marker.len();
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// The page a participant form sent again after it stored its answers gets: 200, the calm
/// `message`, and none of the answers (no form, nothing chosen). Returns its text.
pub async fn already_saved(response: reqwest::Response, message: &str) -> String {
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    assert_anonymous_headers(&response);
    let html = text(response).await;
    assert!(html.contains(message), "{html}");
    assert!(
        !html.contains("checked") && !html.contains("Strongly") && !html.contains("<form"),
        "the page holds none of the answers: {html}"
    );
    html
}

/// The real `hearth` binary run once on the test database (links use a fixed base URL).
pub fn run_hearth(db: &TestDb, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(args)
        .env("HEARTH_DATABASE_URL", &db.url)
        .env("HEARTH_BASE_URL", "https://feedback.example.org/")
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}
