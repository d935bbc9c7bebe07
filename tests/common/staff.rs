//! A small released network with fixed catalog ids and seeded noise, staff accounts with
//! known passwords, and signing in through the real routes — for the dashboard tests.
#![allow(dead_code)]

use analytics::period::Period;
use analytics::release::{self, ReleaseOptions};
use axum::Router;
use chrono::NaiveDate;
use collector::Settings;
use dashboards::account::{self, NewUser};
use domain::Store;
// The typed ids, for the test files that name one.
use domain::catalog::{self, NewSession};
use domain::instrument::{Answers, Helped, Hindered, Item, Rating};
#[allow(unused_imports)]
pub use domain::{ActionId, CircleId, ProgramId, SessionId, StaffId};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

// Re-exported for the test files that sign staff in; others include this module unused.
#[allow(unused_imports)]
pub use super::http::{Jar, Page, get, get_in, post, post_in, token};

pub const PROGRAM_A: ProgramId = ProgramId::new(101);
pub const PROGRAM_B: ProgramId = ProgramId::new(202);
/// A busy circle of program A.
pub const CIRCLE_A1: CircleId = CircleId::new(1011);
/// A circle of program A too small to show.
pub const CIRCLE_A2: CircleId = CircleId::new(1012);
/// Another circle of program A.
pub const CIRCLE_A3: CircleId = CircleId::new(1013);
pub const CIRCLE_B1: CircleId = CircleId::new(2021);
pub const QUARTER: &str = "2026-Q3";
pub const PASSWORD: &str = "correct horse battery staple";

/// Emails of the test accounts, by name.
pub const ADMIN: &str = "admin@test.hearth";
pub const MANAGER_A: &str = "manager-a@test.hearth";
pub const MANAGER_B: &str = "manager-b@test.hearth";
pub const FACILITATOR_A: &str = "facilitator-a@test.hearth";
pub const FUNDER: &str = "funder@test.hearth";

/// Program A ("Riverside") with a busy and a tiny circle, program B ("Hillside") with one
/// circle; weekly sessions in July–September 2026; the three months and the quarter
/// released with seeded noise; one account per role plus a manager of B.
pub async fn seed_network(store: &Store) {
    for (id, name) in [(PROGRAM_A, "Riverside"), (PROGRAM_B, "Hillside")] {
        sqlx::query("insert into program (id, name) values ($1, $2)")
            .bind(id)
            .bind(name)
            .execute(store.pool())
            .await
            .unwrap();
    }
    let circles = [
        (
            CIRCLE_A1,
            PROGRAM_A,
            "Riverside",
            "Monday Circle",
            9usize,
            4.1,
        ),
        (CIRCLE_A2, PROGRAM_A, "Riverside", "Tiny Circle", 1, 3.8),
        (CIRCLE_A3, PROGRAM_A, "Riverside", "Thursday Circle", 6, 3.7),
        (CIRCLE_B1, PROGRAM_B, "Hillside", "Hill Circle", 8, 3.4),
    ];
    for (id, program, _, name, _, _) in circles {
        sqlx::query("insert into circle (id, program_id, name) values ($1, $2, $3)")
            .bind(id)
            .bind(program)
            .bind(name)
            .execute(store.pool())
            .await
            .unwrap();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(42);
    for month in 7..=9 {
        for day in [3, 10, 17, 24] {
            for (_, _, program, circle, n, mean) in circles {
                let date = NaiveDate::from_ymd_opt(2026, month, day).unwrap();
                let new = NewSession::new(program, circle, date, Some(40), None, None).unwrap();
                let (session, _) = catalog::open_session(store, &new).await.unwrap();
                let answers: Vec<Answers> = (0..n).map(|_| answer(&mut rng, mean)).collect();
                collector::commit::insert_synthetic(store, session.id, &answers)
                    .await
                    .unwrap();
                catalog::close_session(store, &session.code).await.unwrap();
            }
        }
    }
    collector::seal::seal_closed_sessions(store, catalog::now_unix())
        .await
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for (k, period) in ["2026-07", "2026-08", "2026-09", QUARTER]
        .into_iter()
        .enumerate()
    {
        let period: Period = period.parse().unwrap();
        release::release(
            store,
            period,
            today,
            &ReleaseOptions::seeded(100 + k as u64),
        )
        .await
        .unwrap();
    }
    for (email, role, program) in [
        (ADMIN, "admin", None),
        (MANAGER_A, "manager", Some("Riverside")),
        (MANAGER_B, "manager", Some("Hillside")),
        (FACILITATOR_A, "facilitator", Some("Riverside")),
        (FUNDER, "funder", None),
    ] {
        account::add_user(
            store,
            &NewUser::new(email, role, program).unwrap(),
            PASSWORD.into(),
        )
        .await
        .unwrap();
    }
}

fn answer(rng: &mut ChaCha8Rng, mean: f64) -> Answers {
    let mut a = Answers::default();
    let person: f64 = rng.random_range(-0.8..0.8);
    for item in Item::ALL {
        let r = (mean + person + rng.random_range(-0.7..0.7))
            .round()
            .clamp(1.0, 5.0) as u8;
        a.set_rating(item, Rating::try_from(r).ok());
    }
    a.first_time = Some(rng.random_bool(0.3));
    if rng.random_bool(0.6) {
        a.set_helped(Helped::ALL[0]);
    }
    if rng.random_bool(0.15) {
        a.set_hindered(Hindered::ALL[0]);
    }
    a
}

/// The whole app as a router, for `oneshot` requests without a socket.
pub async fn router(store: &Store) -> Router {
    let state = hearth::AppState::new(
        store.clone(),
        Settings::default(),
        "https://hearth.test",
        dashboards::SignInLimits::default(),
    )
    .await
    .unwrap();
    hearth::app(state)
}

/// Signs in through the sign-in form with the test password; the browser's cookies.
pub async fn sign_in(app: &Router, email: &str) -> Jar {
    super::http::sign_in(app, email, PASSWORD).await
}

/// Sets the signed-in account's staff language under "Your account" (a code, or "" for
/// the browser's), as its owner does; the form's answer.
pub async fn choose_language(app: &Router, jar: &mut Jar, lang: &str) -> Page {
    let account = get(app, jar, "/staff/account").await;
    let token = token(&account.body);
    post(
        app,
        jar,
        "/staff/account/language",
        &[("authenticity_token", &token), ("lang", lang)],
    )
    .await
}

/// Signs `email` in, with the account's pages in Spanish.
pub async fn sign_in_spanish(app: &Router, email: &str) -> Jar {
    let mut jar = sign_in(app, email).await;
    let saved = choose_language(app, &mut jar, "es").await;
    assert_eq!(
        saved.status,
        axum::http::StatusCode::SEE_OTHER,
        "{}",
        saved.body
    );
    jar
}

/// A figure written with a decimal comma between tags ("3,9 "), not "3.9".
pub fn has_decimal_comma(body: &str) -> bool {
    body.as_bytes().windows(5).any(|w| {
        w[0] == b'>'
            && w[1].is_ascii_digit()
            && w[2] == b','
            && w[3].is_ascii_digit()
            && w[4] == b' '
    })
}

/// What a staff page answers a request with, in the role × page matrices: the page, 403,
/// or off to the sign-in form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expect {
    Ok,
    Forbidden,
    SignIn,
}

/// The outcome of a request for the matrices; any other answer fails the test.
pub fn outcome(page: &Page) -> Expect {
    match page.status {
        axum::http::StatusCode::OK => Expect::Ok,
        axum::http::StatusCode::FORBIDDEN => Expect::Forbidden,
        axum::http::StatusCode::SEE_OTHER
            if page
                .location
                .as_deref()
                .is_some_and(|l| l.starts_with("/staff/sign-in?next=")) =>
        {
            Expect::SignIn
        }
        other => panic!("unexpected {other}: {}", page.body),
    }
}

/// The id of the staff account with this email.
pub async fn staff_id(store: &Store, email: &str) -> StaffId {
    sqlx::query_scalar("select id from staff_user where email = $1")
        .bind(email)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// The value of a form's hidden field `name` (the first in the page).
pub fn hidden<'a>(html: &'a str, name: &str) -> &'a str {
    let marker = format!("name=\"{name}\" value=\"");
    let at = html.find(&marker).expect("a form with that field") + marker.len();
    &html[at..at + html[at..].find('"').unwrap()]
}

/// Where a ticket card prints its code.
const CARD_CODE: &str = "class=\"ticket-code code\">";

/// Every ticket card's code on a page, as stored (without the card's dashes).
pub fn card_codes(html: &str) -> Vec<String> {
    html.split(CARD_CODE)
        .skip(1)
        .map(|rest| rest[..rest.find('<').unwrap()].replace('-', ""))
        .collect()
}

/// Sends the desk's "Open a session" form for circle A1, today, with `extra` fields
/// (capacity, tickets, kiosk): the answer, a 303 to the new session's page or cards.
pub async fn open_at_desk(app: &Router, jar: &mut Jar, extra: &[(&str, &str)]) -> Page {
    let desk = get(app, jar, "/staff/sessions").await;
    let circle = CIRCLE_A1.to_string();
    let today = chrono::Local::now().date_naive().to_string();
    let mut fields = vec![
        ("authenticity_token", super::http::token(&desk.body)),
        ("once", hidden(&desk.body, "once").to_owned()),
        ("circle", circle),
        ("held_on", today),
    ];
    fields.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post(app, jar, "/staff/sessions", &fields).await
}
