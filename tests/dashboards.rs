//! Staff pages through the real router (no socket): who may see what, sign-in, CSRF,
//! program scope, the facilitator desk, admin settings with floors, and snapshots of the
//! rendered pages over a seeded release. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode;
use common::TestDb;
use common::staff::*;

use Expect::*;

/// Every staff page, for every role (and signed out): allowed, 403, or off to sign-in.
async fn the_role_page_matrix_holds(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let a = format!("/staff/programs/{PROGRAM_A}");
    let a1 = format!("/staff/programs/{PROGRAM_A}/circles/{CIRCLE_A1}");
    let b = format!("/staff/programs/{PROGRAM_B}");
    let b1 = format!("/staff/programs/{PROGRAM_B}/circles/{CIRCLE_B1}");
    let report = format!("/staff/reports/{QUARTER}");
    let csv = format!("/staff/reports/{QUARTER}/csv");
    let dictionary = format!("/staff/reports/{QUARTER}/dictionary.csv");
    let a_report = format!("/staff/programs/{PROGRAM_A}/report");
    let a_csv = format!("/staff/programs/{PROGRAM_A}/csv");
    let a_dictionary = format!("/staff/programs/{PROGRAM_A}/dictionary.csv");
    let b_report = format!("/staff/programs/{PROGRAM_B}/report");
    let b_csv = format!("/staff/programs/{PROGRAM_B}/csv");
    //            path                     signed out  admin      manager A  manager B  facilitator A funder
    let matrix: Vec<(&str, [Expect; 6])> = vec![
        ("/staff", [SignIn, Ok, Ok, Ok, Ok, Ok]),
        (
            "/staff/sessions",
            [SignIn, Forbidden, Ok, Ok, Ok, Forbidden],
        ),
        (&a, [SignIn, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        (&a1, [SignIn, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        (&b, [SignIn, Ok, Forbidden, Ok, Forbidden, Forbidden]),
        (&b1, [SignIn, Ok, Forbidden, Ok, Forbidden, Forbidden]),
        (&a_report, [SignIn, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        (&a_csv, [SignIn, Ok, Ok, Forbidden, Forbidden, Forbidden]),
        (
            &a_dictionary,
            [SignIn, Ok, Ok, Forbidden, Forbidden, Forbidden],
        ),
        (&b_report, [SignIn, Ok, Forbidden, Ok, Forbidden, Forbidden]),
        (&b_csv, [SignIn, Ok, Forbidden, Ok, Forbidden, Forbidden]),
        (
            "/staff/reports",
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Ok],
        ),
        (&report, [SignIn, Ok, Forbidden, Forbidden, Forbidden, Ok]),
        (&csv, [SignIn, Ok, Forbidden, Forbidden, Forbidden, Ok]),
        (
            &dictionary,
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Ok],
        ),
        (
            "/staff/admin",
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            "/staff/admin/users",
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            "/staff/admin/privacy",
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            "/staff/admin/ledger",
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            "/staff/admin/audit",
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
        (
            "/staff/admin/single-sign-on",
            [SignIn, Ok, Forbidden, Forbidden, Forbidden, Forbidden],
        ),
    ];
    let mut jars = vec![Jar::default()];
    for email in [ADMIN, MANAGER_A, MANAGER_B, FACILITATOR_A, FUNDER] {
        jars.push(sign_in(&app, email).await);
    }
    let mut checked = 0;
    for (path, expected) in &matrix {
        for (who, (jar, want)) in jars.iter_mut().zip(expected).enumerate() {
            let page = get(&app, jar, path).await;
            let got = match page.status {
                StatusCode::OK => Ok,
                StatusCode::FORBIDDEN => Forbidden,
                StatusCode::SEE_OTHER
                    if page
                        .location
                        .as_deref()
                        .is_some_and(|l| l.starts_with("/staff/sign-in?next=")) =>
                {
                    SignIn
                }
                other => panic!("{path} as #{who}: unexpected {other}"),
            };
            assert_eq!(
                got, *want,
                "{path} as #{who} (0 signed out, 1 admin, 2 manager A, 3 manager B, 4 facilitator A, 5 funder)"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, matrix.len() * 6);
}

/// A manager of A who types B's URL sees nothing of B — not its name, not its circles.
async fn a_manager_of_one_program_sees_nothing_of_another(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, MANAGER_A).await;
    let own = get(&app, &mut jar, &format!("/staff/programs/{PROGRAM_A}")).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(
        own.body.contains("Monday Circle")
            && !own.body.contains("Hill Circle")
            && !own.body.contains("Hillside")
    );
    for path in [
        format!("/staff/programs/{PROGRAM_B}"),
        format!("/staff/programs/{PROGRAM_B}/circles/{CIRCLE_B1}"),
        // B's circle under A's program id: still not A's.
        format!("/staff/programs/{PROGRAM_A}/circles/{CIRCLE_B1}"),
        format!("/staff/reports/{QUARTER}/csv"),
    ] {
        let page = get(&app, &mut jar, &path).await;
        assert!(
            matches!(page.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{path}: {}",
            page.status
        );
        assert!(
            !page.body.contains("Hill Circle") && !page.body.contains("Hillside"),
            "{path} leaked B"
        );
    }
}

/// Every state-changing form needs the token of the signed-in browser's CSRF cookie.
async fn forms_without_a_valid_csrf_token_change_nothing(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let programs = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from program")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    let before = programs().await;
    let mut admin = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut admin, "/staff/admin").await;
    let good = token(&page.body);

    // No token, a made-up token, and another browser's token: refused, nothing stored.
    let mut other = Jar::default();
    let other_token = token(&get(&app, &mut other, "/staff/sign-in").await.body);
    for fields in [
        vec![("name", "Sneaky")],
        vec![("name", "Sneaky"), ("authenticity_token", "AAAA")],
        vec![
            ("name", "Sneaky"),
            ("authenticity_token", other_token.as_str()),
        ],
    ] {
        let refused = post(&app, &mut admin, "/staff/admin/programs", &fields).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(refused.body.contains("This form has expired"));
    }
    // A cross-site post carries no cookies at all.
    let mut stranger = Jar::default();
    let refused = post(
        &app,
        &mut stranger,
        "/staff/admin/programs",
        &[("name", "Sneaky"), ("authenticity_token", &good)],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(programs().await, before);

    let added = post(
        &app,
        &mut admin,
        "/staff/admin/programs",
        &[("name", "Lakeside"), ("authenticity_token", &good)],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(programs().await, before + 1);

    // Sign-in itself is a form: a login CSRF is refused too.
    let mut fresh = Jar::default();
    let refused = post(
        &app,
        &mut fresh,
        "/staff/sign-in",
        &[("email", ADMIN), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

/// One sign-in attempt with the form's token.
async fn attempt(
    app: &axum::Router,
    jar: &mut Jar,
    token: &str,
    email: &str,
    password: &str,
) -> Page {
    post(
        app,
        jar,
        "/staff/sign-in",
        &[
            ("authenticity_token", token),
            ("email", email),
            ("password", password),
        ],
    )
    .await
}

/// Sign-in: wrong passwords are refused alike for known and unknown emails, sessions are
/// HttpOnly SameSite cookies on /staff, and repeated guesses at one account are limited.
async fn sign_in_is_guarded(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = Jar::default();
    let form = get(&app, &mut jar, "/staff/sign-in").await;
    let csp = form
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'")
            && !csp.contains("script-src")
            && csp.contains("default-src 'none'")
    );
    assert_eq!(form.headers.get("referrer-policy").unwrap(), "no-referrer");
    let csrf_cookie = form
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csrf_cookie.contains("HttpOnly")
            && csrf_cookie.contains("SameSite=Strict")
            && csrf_cookie.contains("Secure"),
        "{csrf_cookie}"
    );
    let t = token(&form.body);
    for email in [ADMIN, "nobody@test.hearth"] {
        let refused = attempt(&app, &mut jar, &t, email, "wrong password!").await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
        assert!(refused.body.contains("do not match an account"));
    }
    // Five attempts a minute per account: the next is refused even with the right password.
    for _ in 0..4 {
        attempt(&app, &mut jar, &t, ADMIN, "wrong again!!").await;
    }
    let limited = attempt(&app, &mut jar, &t, ADMIN, PASSWORD).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    // Another account is not held up by it.
    let ok = attempt(&app, &mut jar, &t, FUNDER, PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let session = ok
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("hearth_staff="))
        .unwrap();
    assert!(
        session.contains("HttpOnly")
            && session.contains("SameSite=Lax")
            && session.contains("Path=/staff")
            && session.contains("Secure"),
        "{session}"
    );
    // The next= parameter never leads off the staff site, nor into a header.
    let mut j = Jar::default();
    for next in [
        "https://evil.example/",
        "/staff%0d%0aX:1",
        "//evil.example/staff",
    ] {
        let f = get(&app, &mut j, &format!("/staff/sign-in?next={next}")).await;
        assert_eq!(f.status, StatusCode::OK, "{next}");
        assert!(f.body.contains("name=\"next\" value=\"/staff\""), "{next}");
    }
    // Unknown staff addresses are staff 404s, with the staff headers.
    let missing = get(&app, &mut j, "/staff/no/such/page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.headers.get("x-frame-options").unwrap(), "DENY");
    // Signing out ends the session.
    let home = get(&app, &mut jar, "/staff").await;
    let out = post(
        &app,
        &mut jar,
        "/staff/sign-out",
        &[("authenticity_token", &token(&home.body))],
    )
    .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&app, &mut jar, "/staff").await.status,
        StatusCode::SEE_OTHER
    );
}

/// The facilitator opens a session for their circle, sees its code, link, QR code and a
/// count, prints ticket cards once, and cannot open or see sessions of another program.
async fn the_facilitator_desk_opens_sessions_for_its_own_program(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let desk = get(&app, &mut jar, "/staff/sessions").await;
    assert!(desk.body.contains("Monday Circle") && !desk.body.contains("Hill Circle"));
    // Closed sessions show no count on the desk.
    assert!(
        !desk.body.contains(" of 40<")
            && desk
                .body
                .contains("<td>closed</td><td><span class=\"hint\">not shown</span>")
    );
    let today = chrono::Local::now().date_naive().to_string();
    let far = (chrono::Local::now().date_naive() + chrono::Duration::days(30)).to_string();
    let t = token(&desk.body);
    let circle = CIRCLE_A1.to_string();
    let sessions = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from session")
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    let first = sessions().await;
    let fields = [
        ("authenticity_token", t.as_str()),
        ("once", hidden(&desk.body, "once")),
        ("circle", &circle),
        ("held_on", today.as_str()),
    ];
    let opened = post(&app, &mut jar, "/staff/sessions", &fields).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert_eq!(sessions().await, first + 1);
    let at = opened.location.unwrap();
    let page = get(&app, &mut jar, &at).await;
    let code = at.rsplit('/').next().unwrap();
    assert!(page.body.contains(&format!("https://hearth.test/s/{code}")));
    assert!(page.body.contains("<svg class=\"qr\" role=\"img\""));
    // Its opener sees its count, and is told that only they do.
    assert!(page.body.contains("Responses so far: <strong>0</strong>"));
    assert!(page.body.contains("Only you see this count"));
    // The same form sent again (a double click, a browser re-sending it) leads to the
    // same page and opens nothing.
    let again = post(&app, &mut jar, "/staff/sessions", &fields).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(again.location.as_deref(), Some(at.as_str()));
    assert_eq!(sessions().await, first + 1);

    // Ticket cards: the POST redirects (303) to a GET page that shows them once, one QR
    // and link per card; until then they wait in the staff session, and only until then.
    let desk = get(&app, &mut jar, "/staff/sessions").await;
    let fields = [
        ("authenticity_token", t.as_str()),
        ("once", hidden(&desk.body, "once")),
        ("circle", &circle),
        ("held_on", today.as_str()),
        ("tickets", "3"),
    ];
    let cards = post(&app, &mut jar, "/staff/sessions", &fields).await;
    assert_eq!(cards.status, StatusCode::SEE_OTHER);
    assert_eq!(sessions().await, first + 2);
    let at = cards.location.unwrap();
    assert!(
        at.starts_with("/staff/sessions/") && at.ends_with("/tickets"),
        "{at}"
    );
    let staff_sessions = || async {
        sqlx::query_scalar::<_, String>("select data from staff_session")
            .fetch_all(store.pool())
            .await
            .unwrap()
            .concat()
    };
    let shown = get(&app, &mut jar, &at).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert_eq!(shown.body.matches("<li class=\"ticket\">").count(), 3);
    assert_eq!(shown.body.matches(CARD_CODE).count(), 3);
    assert_eq!(shown.headers.get("cache-control").unwrap(), "no-store");
    assert!(shown.body.contains("shown only once"));
    let ticket = card_code(&shown.body);
    let ticket = ticket.as_str();
    assert!(ticket.len() >= 8, "{ticket}");
    assert!(
        !staff_sessions().await.contains(ticket),
        "a card shown is no longer kept anywhere"
    );
    // A reload shows no card again and opens nothing; it says why.
    let reload = get(&app, &mut jar, &at).await;
    assert_eq!(reload.status, StatusCode::OK);
    assert_eq!(reload.body.matches(CARD_CODE).count(), 0);
    assert!(reload.body.contains("cannot be shown again"));
    assert_eq!(reload.headers.get("cache-control").unwrap(), "no-store");
    // Sending the form again leads to the same page, with no new cards and no new session.
    let again = post(&app, &mut jar, "/staff/sessions", &fields).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(again.location.as_deref(), Some(at.as_str()));
    assert_eq!(sessions().await, first + 2);
    let shown_again = get(&app, &mut jar, &at).await;
    assert_eq!(shown_again.body.matches(CARD_CODE).count(), 0);

    // Before they are shown, the cards wait in the staff session (so the check above can
    // fail): open another ticketed session and look before following the redirect.
    let desk = get(&app, &mut jar, "/staff/sessions").await;
    let waiting = post(
        &app,
        &mut jar,
        "/staff/sessions",
        &[
            ("authenticity_token", t.as_str()),
            ("once", hidden(&desk.body, "once")),
            ("circle", &circle),
            ("held_on", today.as_str()),
            ("tickets", "1"),
        ],
    )
    .await;
    assert_eq!(waiting.status, StatusCode::SEE_OTHER);
    let kept = staff_sessions().await;
    let shown = get(&app, &mut jar, &waiting.location.unwrap()).await;
    let ticket = card_code(&shown.body);
    let ticket = ticket.as_str();
    assert!(kept.contains(ticket));
    assert!(!staff_sessions().await.contains(ticket));

    // A circle of program B, a bad date, a bad number: refused with a message, nothing opened.
    let before = sessions().await;
    let b1 = CIRCLE_B1.to_string();
    for (fields, message) in [
        (
            vec![("circle", b1.as_str()), ("held_on", today.as_str())],
            "Choose one of your program",
        ),
        (
            vec![("circle", circle.as_str()), ("held_on", "23/11/2026")],
            "YYYY-MM-DD",
        ),
        (
            vec![
                ("circle", circle.as_str()),
                ("held_on", today.as_str()),
                ("capacity", "lots"),
            ],
            "whole number",
        ),
        (
            vec![
                ("circle", circle.as_str()),
                ("held_on", today.as_str()),
                ("capacity", "5000"),
            ],
            "Capacity must be between",
        ),
        (
            vec![("circle", circle.as_str()), ("held_on", far.as_str())],
            "within 7 days of today",
        ),
        (
            vec![
                ("circle", circle.as_str()),
                ("held_on", today.as_str()),
                ("tickets", "201"),
            ],
            "at most 200 ticket cards",
        ),
    ] {
        let mut fields = fields;
        fields.push(("authenticity_token", &t));
        let refused = post(&app, &mut jar, "/staff/sessions", &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains(message), "{message}");
    }
    assert_eq!(sessions().await, before);

    // A session of program B, by its code: not found, as an unknown code is.
    let b_code: String =
        sqlx::query_scalar("select s.code from session s where s.circle_id = $1 limit 1")
            .bind(CIRCLE_B1)
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(
        get(&app, &mut jar, &format!("/staff/sessions/{b_code}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, &mut jar, "/staff/sessions/ZZZZ-ZZ").await.status,
        StatusCode::NOT_FOUND
    );
    let close = post(
        &app,
        &mut jar,
        &format!("/staff/sessions/{b_code}/close"),
        &[("authenticity_token", &t), ("confirm", "yes")],
    )
    .await;
    assert_eq!(close.status, StatusCode::NOT_FOUND);
    let still_open: i32 = sqlx::query_scalar("select closed from session where code = $1")
        .bind(&b_code)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(
        still_open, 1,
        "it was closed by the seed, and nothing changed it"
    );

    // No session can join a month that is released already (from the desk or the CLI).
    let late = domain::catalog::NewSession::new(
        "Riverside",
        "Monday Circle",
        chrono::NaiveDate::from_ymd_opt(2026, 8, 5).unwrap(),
        None,
        None,
        None,
    )
    .unwrap();
    let refused = domain::catalog::open_session(&store, &late).await;
    assert!(
        matches!(refused, Err(domain::catalog::CatalogError::Released(ref p)) if p == "2026-08"),
        "{refused:?}"
    );
}

/// Where a ticket card prints its code.
const CARD_CODE: &str = "class=\"ticket-code code\">";

/// The first ticket card's code, as stored (without the dashes the card groups it with).
fn card_code(html: &str) -> String {
    let at = html.find(CARD_CODE).expect("a ticket card") + CARD_CODE.len();
    html[at..at + html[at..].find('<').unwrap()].replace('-', "")
}

/// The value of a form's hidden field `name` (the first in the page).
fn hidden<'a>(html: &'a str, name: &str) -> &'a str {
    let marker = format!("name=\"{name}\" value=\"");
    let at = html.find(&marker).expect("a form with that field") + marker.len();
    &html[at..at + html[at..].find('"').unwrap()]
}

/// "Close the session now" leads to a confirmation page (a GET, no JavaScript needed);
/// only its own form closes the session, and a closed session shows no code, QR or link.
async fn closing_a_session_takes_a_confirmation_and_hides_its_code(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    let desk = get(&app, &mut jar, "/staff/sessions").await;
    let t = token(&desk.body);
    let circle = CIRCLE_A1.to_string();
    let today = chrono::Local::now().date_naive().to_string();
    let opened = post(
        &app,
        &mut jar,
        "/staff/sessions",
        &[
            ("authenticity_token", t.as_str()),
            ("circle", &circle),
            ("held_on", &today),
        ],
    )
    .await;
    let at = opened.location.unwrap();
    let code = at.rsplit('/').next().unwrap().to_owned();
    let closed = || async {
        // Stored without the dash the pages show.
        sqlx::query_scalar::<_, i32>("select closed from session where code = $1")
            .bind(code.replace('-', ""))
            .fetch_one(store.pool())
            .await
            .unwrap()
    };
    let confirm_at = format!("/staff/sessions/{code}/close");
    let page = get(&app, &mut jar, &at).await;
    assert!(page.body.contains(&format!("href=\"{confirm_at}\"")));
    assert!(
        !page
            .body
            .contains(&format!("method=\"post\" action=\"{confirm_at}\""))
    );

    // The old one-click POST, without the confirmation's field: sent to confirm, not closed.
    let unconfirmed = post(&app, &mut jar, &confirm_at, &[("authenticity_token", &t)]).await;
    assert_eq!(unconfirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(unconfirmed.location.as_deref(), Some(confirm_at.as_str()));
    assert_eq!(closed().await, 0);

    // The confirmation page asks, with its own form and token; answering it closes.
    let confirm = get(&app, &mut jar, &confirm_at).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.body.contains("cannot be opened again"));
    assert!(
        confirm
            .body
            .contains(&format!("method=\"post\" action=\"{confirm_at}\""))
    );
    assert_eq!(closed().await, 0, "asking changes nothing");
    let done = post(
        &app,
        &mut jar,
        &confirm_at,
        &[
            ("authenticity_token", &token(&confirm.body)),
            ("confirm", hidden(&confirm.body, "confirm")),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location.as_deref(), Some(at.as_str()));
    assert_eq!(closed().await, 1);

    // Closed: said so, with no big code, no QR code, no link, and nothing left to close.
    let page = get(&app, &mut jar, &at).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<strong>closed</strong></p>"));
    assert!(
        page.body
            .contains("Its code and link no longer take answers.")
    );
    assert!(!page.body.contains("big-code"));
    assert!(!page.body.contains("class=\"qr\""));
    assert!(!page.body.contains(&format!("/s/{code}")));
    assert!(!page.body.contains(&confirm_at));
    let again = get(&app, &mut jar, &confirm_at).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(again.location.as_deref(), Some(at.as_str()));
}

/// Admin: privacy settings refuse values below their floors, with a message, and keep
/// the stored value; users can be added with a role and program, and removed.
async fn admin_settings_keep_their_floors(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut jar, "/staff/admin/privacy").await;
    let t = token(&page.body);
    let form = |manager: &'static str, funder: &'static str, budget: &'static str| {
        vec![
            ("authenticity_token", t.clone()),
            ("mechanism", "gaussian".to_owned()),
            ("budget_unit", "rho".to_owned()),
            ("budget", budget.to_owned()),
            ("manager_threshold", manager.to_owned()),
            ("funder_threshold", funder.to_owned()),
        ]
    };
    for (fields, problem) in [
        (
            form("2", "11", "1"),
            "smallest group managers see must be a whole number of at least 3",
        ),
        (
            form("5", "0", "1"),
            "smallest group funders see must be a whole number of at least 3",
        ),
        (
            form("5", "11", "-1"),
            "privacy budget must be a number above 0",
        ),
    ] {
        for path in ["/staff/admin/privacy/preview", "/staff/admin/privacy"] {
            let mut fields = fields.clone();
            fields.push(("confirm", "yes".to_owned()));
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let refused = post(&app, &mut jar, path, &fields).await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {fields:?}"
            );
            assert!(refused.body.contains("class=\"problem\""));
            assert!(refused.body.contains(problem), "{problem}");
        }
    }
    let stored: Option<String> =
        sqlx::query_scalar("select value from setting where name = 'privacy.manager_threshold'")
            .fetch_optional(store.pool())
            .await
            .unwrap();
    assert_eq!(stored, None, "nothing below the floor was stored");
    let mut fields = form("7", "11", "1");
    fields.push(("confirm", "yes".to_owned()));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = post(&app, &mut jar, "/staff/admin/privacy", &fields).await;
    // Post/redirect/get: the note "Saved" is shown by the GET, once.
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(saved.location.as_deref(), Some("/staff/admin/privacy"));
    let shown = get(&app, &mut jar, "/staff/admin/privacy").await;
    assert!(
        shown
            .body
            .contains("Saved. Smallest group managers see: 5 responses → 7 responses")
    );
    assert!(
        shown
            .body
            .contains("id=\"manager_threshold\" name=\"manager_threshold\" value=\"7\"")
    );
    let reload = get(&app, &mut jar, "/staff/admin/privacy").await;
    assert!(!reload.body.contains("Saved."));

    let users = get(&app, &mut jar, "/staff/admin/users").await;
    let program = PROGRAM_B.to_string();
    let bad = post(
        &app,
        &mut jar,
        "/staff/admin/users",
        &[
            ("authenticity_token", &t),
            ("email", "new@test.hearth"),
            ("role", "manager"),
            ("program", ""),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("must belong to a program"));
    let short = post(
        &app,
        &mut jar,
        "/staff/admin/users",
        &[
            ("authenticity_token", &t),
            ("email", "new@test.hearth"),
            ("role", "manager"),
            ("program", &program),
            ("password", "short"),
        ],
    )
    .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let added = post(
        &app,
        &mut jar,
        "/staff/admin/users",
        &[
            ("authenticity_token", &token(&users.body)),
            ("email", "New@Test.Hearth"),
            ("role", "manager"),
            ("program", &program),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    // A first password set by an admin leads to choosing one's own before anything else
    // (tests/staff_accounts.rs has the rest of that story).
    let mut newcomer = sign_in(&app, "new@test.hearth").await;
    let forced = get(&app, &mut newcomer, &format!("/staff/programs/{PROGRAM_B}")).await;
    assert_eq!(forced.location.as_deref(), Some("/staff/account"));
    let own = "a password of my very own";
    let form = get(&app, &mut newcomer, "/staff/account").await;
    let changed = post(
        &app,
        &mut newcomer,
        "/staff/account",
        &[
            ("authenticity_token", &token(&form.body)),
            ("current", PASSWORD),
            ("new", own),
            ("again", own),
        ],
    )
    .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&app, &mut newcomer, &format!("/staff/programs/{PROGRAM_B}"))
            .await
            .status,
        StatusCode::OK
    );
    let id: i32 = sqlx::query_scalar("select id from staff_user where email = 'new@test.hearth'")
        .fetch_one(store.pool())
        .await
        .unwrap();
    let removed = post(
        &app,
        &mut jar,
        &format!("/staff/admin/users/{id}/remove"),
        &[("authenticity_token", &t), ("confirm", "yes")],
    )
    .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    // Their open session is worth nothing now.
    assert_eq!(
        get(&app, &mut newcomer, &format!("/staff/programs/{PROGRAM_B}"))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

/// Admin: the crisis line, organization-wide and per program, per participant language;
/// saved with post/redirect/get and a one-off note; too long a line is refused and nothing
/// stored; every other role gets 403 and changes nothing.
async fn an_admin_sets_the_crisis_line_per_language_and_program(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let stored = |name: &'static str| {
        let store = store.clone();
        async move {
            sqlx::query_scalar::<_, String>("select value from setting where name = $1")
                .bind(name)
                .fetch_optional(store.pool())
                .await
                .unwrap()
        }
    };
    let mut jar = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut jar, "/staff/admin").await;
    assert!(page.body.contains("Where to turn in a crisis"));
    assert!(
        page.body
            .contains("<label for=\"crisis-org-en\">Crisis line in English</label>")
    );
    assert!(
        page.body
            .contains("<label for=\"crisis-org-es\">Crisis line in Español</label>")
    );
    let a_en = format!("crisis-{PROGRAM_A}-en");
    assert!(page.body.contains(&format!("<label for=\"{a_en}\">")));
    let t = token(&page.body);

    let saved = post(
        &app,
        &mut jar,
        "/staff/admin/crisis-line",
        &[
            ("authenticity_token", &t),
            ("program", ""),
            ("line.en", "  Call the warmline: 555-0100. "),
            ("line.es", "Llama a la línea: 555-0100."),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(saved.location.as_deref(), Some("/staff/admin"));
    assert_eq!(
        stored("crisis_line.en").await.as_deref(),
        Some("Call the warmline: 555-0100.")
    );
    assert_eq!(
        stored("crisis_line.es").await.as_deref(),
        Some("Llama a la línea: 555-0100.")
    );
    let shown = get(&app, &mut jar, "/staff/admin").await;
    assert!(
        shown
            .body
            .contains("Saved the crisis line for the whole organization.")
    );
    assert!(
        shown
            .body
            .contains("value=\"Call the warmline: 555-0100.\"")
    );
    let reload = get(&app, &mut jar, "/staff/admin").await;
    assert!(!reload.body.contains("Saved the crisis line"));

    // A program's line; an empty field keeps (or returns to) the default.
    let program = PROGRAM_A.to_string();
    let saved = post(
        &app,
        &mut jar,
        "/staff/admin/crisis-line",
        &[
            ("authenticity_token", &t),
            ("program", &program),
            ("line.en", "Call 211 (Riverside county)."),
            ("line.es", ""),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let key_en = format!("crisis_line.program.{PROGRAM_A}.en");
    let key_es = format!("crisis_line.program.{PROGRAM_A}.es");
    let program_line = |key: String| {
        let store = store.clone();
        async move {
            sqlx::query_scalar::<_, String>("select value from setting where name = $1")
                .bind(key)
                .fetch_optional(store.pool())
                .await
                .unwrap()
        }
    };
    assert_eq!(
        program_line(key_en.clone()).await.as_deref(),
        Some("Call 211 (Riverside county).")
    );
    assert_eq!(program_line(key_es.clone()).await, None);

    // Too long, or not a program: refused with a message, nothing changed.
    let long = "9".repeat(301);
    for (program, line) in [(program.as_str(), long.as_str()), ("999999", "Call 211.")] {
        let refused = post(
            &app,
            &mut jar,
            "/staff/admin/crisis-line",
            &[
                ("authenticity_token", &t),
                ("program", program),
                ("line.en", line),
                ("line.es", "Llama al 211."),
            ],
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("class=\"problem\""));
    }
    assert_eq!(
        program_line(key_en.clone()).await.as_deref(),
        Some("Call 211 (Riverside county).")
    );
    assert_eq!(program_line(key_es.clone()).await, None);

    // Markup is kept as typed and shown as text, never as HTML.
    post(
        &app,
        &mut jar,
        "/staff/admin/crisis-line",
        &[
            ("authenticity_token", &t),
            ("program", &program),
            ("line.en", "<script>alert(1)</script>"),
            ("line.es", ""),
        ],
    )
    .await;
    let page = get(&app, &mut jar, "/staff/admin").await;
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(page.body.contains("&#60;script&#62;alert(1)"));

    // Without its CSRF token the form changes nothing, like every staff form.
    let refused = post(
        &app,
        &mut jar,
        "/staff/admin/crisis-line",
        &[("program", ""), ("line.en", "Sneaky."), ("line.es", "")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("This form has expired"));

    // Every other role: 403, nothing changed.
    for email in [MANAGER_A, MANAGER_B, FACILITATOR_A, FUNDER] {
        let mut other = sign_in(&app, email).await;
        let home = get(&app, &mut other, "/staff").await;
        let refused = post(
            &app,
            &mut other,
            "/staff/admin/crisis-line",
            &[
                ("authenticity_token", &token(&home.body)),
                ("program", ""),
                ("line.en", "Call someone else."),
                ("line.es", ""),
            ],
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{email}");
    }
    assert_eq!(
        stored("crisis_line.en").await.as_deref(),
        Some("Call the warmline: 555-0100.")
    );
    assert_eq!(
        stored("crisis_line.es").await.as_deref(),
        Some("Llama a la línea: 555-0100.")
    );
}

/// A path id that is not a number is refused before any handler runs, as it was when the
/// ids were bare `i32`s: the typed ids deserialise through `i32`, so the rejection (400,
/// and its text) is the one `Path<i32>` gave.
async fn a_path_id_that_is_not_a_number_is_refused_as_before(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let mut admin = sign_in(&app, ADMIN).await;
    for (as_admin, path, segment) in [
        (false, "/staff/programs/abc".to_owned(), "abc"),
        (
            false,
            format!("/staff/programs/{PROGRAM_A}/circles/x1"),
            "x1",
        ),
        (
            false,
            format!("/staff/programs/{PROGRAM_A}/actions/1.5"),
            "1.5",
        ),
        (true, "/staff/admin/users/me".to_owned(), "me"),
        (
            true,
            "/staff/admin/programs/99999999999/rename".to_owned(),
            "99999999999",
        ),
    ] {
        let jar = if as_admin { &mut admin } else { &mut manager };
        let page = get(&app, jar, &path).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(
            page.body.starts_with("Invalid URL: Cannot parse")
                && page.body.contains(&format!("`{segment}`"))
                && page.body.ends_with("to a `i32`"),
            "{path}: {}",
            page.body
        );
    }
}

on_both_stores!(
    the_role_page_matrix_holds,
    a_manager_of_one_program_sees_nothing_of_another,
    a_path_id_that_is_not_a_number_is_refused_as_before,
    forms_without_a_valid_csrf_token_change_nothing,
    sign_in_is_guarded,
    the_facilitator_desk_opens_sessions_for_its_own_program,
    closing_a_session_takes_a_confirmation_and_hides_its_code,
    admin_settings_keep_their_floors,
    an_admin_sets_the_crisis_line_per_language_and_program,
);

/// A page with what changes between runs taken out: CSRF tokens, release dates, and each
/// chart replaced by its text alternative (the tables beside them carry the same figures).
fn stable(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<svg") {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find("</svg>")
            .map(|e| at + e + 6)
            .unwrap_or(rest.len());
        let svg = &rest[at..end];
        let label = svg
            .split("aria-label=\"")
            .nth(1)
            .and_then(|l| l.split('"').next())
            .unwrap_or("");
        out.push_str(&format!("[chart: {label}]"));
        rest = &rest[end..];
    }
    out.push_str(rest);
    let mut lines = vec![];
    for line in out.lines() {
        let line = if let Some(at) = line.find("name=\"authenticity_token\" value=\"") {
            let end = at + 33 + line[at + 33..].find('"').unwrap();
            format!("{}[token]{}", &line[..at + 33], &line[end..])
        } else {
            line.to_owned()
        };
        let line = match line.find("staff.css?v=") {
            Some(at) => format!("{}staff.css?v=[hash]{}", &line[..at], &line[at + 24..]),
            None => line,
        };
        let line = undated(&line);
        lines.push(line);
    }
    lines.join("\n")
}

/// A line with the contents of each `<time datetime="…">…</time>` (a release date, which
/// is the day the test ran) replaced by `[date]`.
fn undated(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("<time datetime=\"") {
        let Some(end) = rest[at..].find("</time>").map(|e| at + e) else {
            break;
        };
        out.push_str(&rest[..at]);
        out.push_str("<time datetime=\"[date]\">[date]</time>");
        rest = &rest[end + 7..];
    }
    out.push_str(rest);
    out
}

/// The rendered manager overview, funder report and funder CSV over a seeded release. A
/// change to a figure, a label or what is hidden shows up here.
#[tokio::test]
async fn pages_render_the_seeded_release_as_snapshotted() {
    let db = TestDb::sqlite().await;
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let overview = get(&app, &mut manager, &format!("/staff/programs/{PROGRAM_A}")).await;
    assert_eq!(overview.status, StatusCode::OK);
    assert!(
        overview
            .body
            .contains("fewer than 5 responses — hidden to protect anonymity"),
        "the legend says what hidden means"
    );
    assert!(
        overview
            .body
            .contains("<span class=\"hidden-cell\">hidden</span>"),
        "the tiny circle is hidden"
    );
    assert!(overview.body.contains("no data"));
    insta::assert_snapshot!("manager_overview", stable(&overview.body));
    let safety = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}?heat=safety"),
    )
    .await;
    assert!(
        safety
            .body
            .contains("Riverside: emotional safety % positive, circle by month")
    );
    assert!(
        safety
            .body
            .contains("<strong aria-current=\"true\">Emotional safety</strong>")
    );
    let circle = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}/circles/{CIRCLE_A2}"),
    )
    .await;
    insta::assert_snapshot!("manager_tiny_circle", stable(&circle.body));

    let mut funder = sign_in(&app, FUNDER).await;
    let report = get(&app, &mut funder, &format!("/staff/reports/{QUARTER}")).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(
        !report.body.contains("Monday Circle") && !report.body.contains("Tiny Circle"),
        "nothing below program level"
    );
    // Funders never see circles: the report speaks of them only in its technical
    // appendix, where the ledger's names are explained.
    let page = stable(&report.body);
    let plain = &page[..page.find("id=\"technical-appendix\"").unwrap()];
    assert!(!plain.to_lowercase().contains("circle"), "{plain}");
    insta::assert_snapshot!("funder_report", stable(&report.body));
    let csv = get(&app, &mut funder, &format!("/staff/reports/{QUARTER}/csv")).await;
    assert_eq!(
        csv.headers.get("content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    assert!(
        csv.body
            .lines()
            .skip(1)
            .all(|l| l.contains("program_quarter") || l.contains("portfolio_quarter"))
    );
    insta::assert_snapshot!("funder_csv", csv.body);

    // The report links the data dictionary, which names every measure of the CSV.
    let link = format!("/staff/reports/{QUARTER}/dictionary.csv");
    assert!(report.body.contains(&format!("href=\"{link}\"")));
    let dictionary = get(&app, &mut funder, &link).await;
    assert_eq!(dictionary.status, StatusCode::OK);
    assert_eq!(
        dictionary.headers.get("content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    let mut lines = dictionary.body.lines();
    assert_eq!(lines.next(), Some("measure,meaning"));
    let named: Vec<&str> = lines.filter_map(|l| l.split(',').next()).collect();
    let mut rows = csv.body.lines();
    for column in rows.next().unwrap().split(',') {
        assert!(
            named.contains(&format!("column {column}").as_str()),
            "{column}"
        );
    }
    for row in rows {
        let measure = row.split(',').nth(5).unwrap();
        assert!(
            named.contains(&measure),
            "{measure} is not in the dictionary"
        );
    }
}

/// A manager's printable program report and CSV over a seeded release: the report is
/// linked from the overview and snapshotted; the CSV holds the program's own released
/// cells only — its circles' months, its months, its quarter — with whole counts.
#[tokio::test]
async fn a_manager_prints_and_exports_their_own_program_only() {
    let db = TestDb::sqlite().await;
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let overview = get(&app, &mut manager, &format!("/staff/programs/{PROGRAM_A}")).await;
    let report_link = format!("/staff/programs/{PROGRAM_A}/report");
    let csv_link = format!("/staff/programs/{PROGRAM_A}/csv");
    assert!(overview.body.contains(&format!("href=\"{report_link}\"")));
    assert!(overview.body.contains(&format!("href=\"{csv_link}\"")));

    let report = get(&app, &mut manager, &report_link).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(report.body.contains(&format!("href=\"{csv_link}\"")));
    assert!(
        report
            .body
            .contains("fewer than 5 responses — hidden to protect anonymity"),
        "the legend carries the manager threshold"
    );
    assert!(report.body.contains("with sampling"));
    assert!(
        !report.body.contains("Hillside") && !report.body.contains("All programs"),
        "nothing of another program or of the portfolio"
    );
    insta::assert_snapshot!("manager_program_report", stable(&report.body));

    let csv = get(&app, &mut manager, &csv_link).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        csv.headers.get("content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    let mut lines = csv.body.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(
        header,
        [
            "program",
            "circle",
            "period",
            "months",
            "level",
            "measure",
            "count",
            "value",
            "margin_of_error",
            "margin_with_sampling",
            "status"
        ]
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let mut levels = std::collections::BTreeSet::new();
    for row in &rows {
        assert_eq!(row[0], "Riverside", "{row:?}");
        assert!(
            ["circle_month", "program_month", "program_quarter"].contains(&row[4]),
            "{row:?}"
        );
        levels.insert(row[4]);
        if !row[6].is_empty() {
            assert!(row[6].parse::<i64>().is_ok(), "a whole count: {row:?}");
        }
    }
    assert_eq!(levels.len(), 3, "circles' months, months and the quarter");
    assert!(rows.iter().any(|r| r[2] == QUARTER
        && r[3] == "2026-07 2026-08 2026-09"
        && r[4] == "program_quarter"));
    assert!(rows.iter().any(|r| r[5] == "responses" && !r[6].is_empty()));
    assert!(
        rows.iter().any(|r| r[10] == "hidden"),
        "the tiny circle is marked hidden"
    );

    let dictionary = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}/dictionary.csv"),
    )
    .await;
    assert_eq!(dictionary.status, StatusCode::OK);
    let named: Vec<&str> = dictionary
        .body
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    for row in &rows {
        assert!(
            named.contains(&row[5]),
            "{} is not in the dictionary",
            row[5]
        );
    }

    // Another program's manager may open none of it.
    let mut other = sign_in(&app, MANAGER_B).await;
    for path in [&report_link, &csv_link] {
        assert_eq!(
            get(&app, &mut other, path).await.status,
            StatusCode::FORBIDDEN
        );
    }
}

/// Every figure a page prints with its noise margin — "72% ± 3", "3.9 ± 0.2", "61 ± 4",
/// "3.8 ± < 0.1" (read as 0) — as (value, margin).
fn printed_figures(html: &str) -> Vec<(String, f64)> {
    let marker = " <span class=\"moe\">± ";
    let parts: Vec<&str> = html.split(marker).collect();
    parts
        .windows(2)
        .map(|pair| {
            let value = pair[0].rsplit('>').next().unwrap().to_owned();
            let margin = match pair[1].split_once("</span>").unwrap().0.trim() {
                m if m.starts_with("&lt;") || m.starts_with('<') => 0.0,
                m => m.parse().unwrap(),
            };
            (value, margin)
        })
        .collect()
}

/// A month released under a small budget is too noisy to read at circle and program level:
/// its figures say so in words — in the tables, the heatmap and its table — and no
/// percentage or mean is printed with a margin wider than the pages call readable.
#[tokio::test]
async fn a_figure_too_uncertain_to_read_is_worded_not_numbered() {
    let db = TestDb::sqlite().await;
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut admin, "/staff/admin/privacy").await;
    let saved = post(
        &app,
        &mut admin,
        "/staff/admin/privacy",
        &[
            ("authenticity_token", &token(&page.body)),
            ("mechanism", "gaussian"),
            ("budget_unit", "rho"),
            ("budget", "0.02"),
            ("manager_threshold", "5"),
            ("funder_threshold", "11"),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    // October: the Monday Circle meets four times, nine answers each, all agreeing.
    for day in [1, 8, 15, 22] {
        meets(
            &store,
            "Riverside",
            "Monday Circle",
            (2026, 10, day),
            &[4; 9],
        )
        .await;
    }
    release(&store, &["2026-10"], (2026, 11, 22), 7).await;

    let mut manager = sign_in(&app, MANAGER_A).await;
    let overview = get(&app, &mut manager, &format!("/staff/programs/{PROGRAM_A}")).await;
    assert_eq!(overview.status, StatusCode::OK);
    let body = &overview.body;
    let october = body
        .split("<th scope=\"row\">Oct 26</th>")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("an October row in the trend table");
    assert!(
        october.contains("<span class=\"uncertain-cell\">too uncertain to read</span>"),
        "{october}"
    );
    assert!(
        !october.contains('%'),
        "no percentage for October: {october}"
    );
    let monday = body
        .split("circles/1011\">Monday Circle</a></th>")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .expect("the Monday Circle's heatmap row");
    assert!(
        monday.ends_with("<td><span class=\"uncertain-cell\">too uncertain</span></td>"),
        "{monday}"
    );
    // The heatmap draws the cell hatched with a word, not coloured with a number.
    assert!(body.replace('\n', "").contains(">uncertain<"));
    let printed = printed_figures(body);
    assert!(printed.iter().any(|(v, _)| v.ends_with('%')) && printed.len() > 20);
    for (value, margin) in printed {
        let limit = if value.ends_with('%') {
            15.0
        } else if value.contains('.') {
            0.5
        } else {
            continue; // counts are always readable
        };
        assert!(
            margin <= limit,
            "printed although too wide: {value} ± {margin}"
        );
    }
}

/// The part of a report from its technical appendix to the end of that section, and the
/// rest of the page around it.
fn split_technical(html: &str) -> (&str, String) {
    let start = html
        .find("<section class=\"appendix technical\"")
        .expect("a technical appendix");
    let end = start + html[start..].find("</section>").expect("its end");
    (
        &html[start..end],
        format!("{}{}", &html[..start], &html[end..]),
    )
}

/// The quarters in the trend table of one program (or "All programs") of a report.
fn trend_quarters(html: &str, name: &str) -> Vec<String> {
    let trend = html
        .split("<section id=\"trend\">")
        .nth(1)
        .and_then(|t| t.split("</section>").next())
        .expect("a quarter-by-quarter section");
    let Some(block) = trend
        .split("<div class=\"quarter-trend\">")
        .find(|b| b.contains(&format!("<h3>{name}</h3>")))
    else {
        return vec![];
    };
    block
        .split("<th scope=\"row\">")
        .skip(1)
        .map(|r| r.split(' ').next().unwrap().to_owned())
        .collect()
}

/// The funder report speaks plain words outside its technical appendix, which holds (and
/// explains) the exact parameters; it shows when the quarter and each of its months were
/// released; and its quarter-by-quarter trend has a row for every released quarter up to
/// the one shown, for each program the funder may see and all programs — only their own
/// program for a funder scoped to one.
#[tokio::test]
async fn the_funder_report_is_plain_dated_and_has_a_quarterly_trend() {
    let db = TestDb::sqlite().await;
    let store = db.store().await;
    seed_network(&store).await;
    // A second quarter: October–December, every circle weekly.
    for month in 10..=12 {
        for day in [5, 12, 19, 26] {
            for (program, circle, rating) in [
                ("Riverside", "Monday Circle", 4),
                ("Riverside", "Thursday Circle", 3),
                ("Hillside", "Hill Circle", 5),
            ] {
                meets(&store, program, circle, (2026, month, day), &[rating; 8]).await;
            }
        }
    }
    let q4 = ["2026-10", "2026-11", "2026-12", "2026-Q4"];
    release(&store, &q4, (2027, 1, 20), 200).await;
    // Releases made on other days than the test's: July early in August, the quarter in
    // October.
    for (period, day) in [("2026-07", (2026, 8, 4)), (QUARTER, (2026, 10, 5))] {
        let at = chrono::NaiveDate::from_ymd_opt(day.0, day.1, day.2)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp();
        sqlx::query("update data_release set released_at = $1 where period = $2")
            .bind(at)
            .bind(period)
            .execute(store.pool())
            .await
            .unwrap();
    }
    dashboards::account::add_user(
        &store,
        &dashboards::account::NewUser::new("funder-a@test.hearth", "funder", Some("Riverside"))
            .unwrap(),
        PASSWORD.into(),
    )
    .await
    .unwrap();
    let app = router(&store).await;
    let mut funder = sign_in(&app, FUNDER).await;
    let q4 = get(&app, &mut funder, "/staff/reports/2026-Q4").await;
    assert_eq!(q4.status, StatusCode::OK);
    let q3 = get(&app, &mut funder, &format!("/staff/reports/{QUARTER}")).await;
    assert_eq!(q3.status, StatusCode::OK);

    for page in [&q3.body, &q4.body] {
        let (technical, plain) = split_technical(page);
        for key in [
            "portfolio_quarter",
            "program_quarter",
            "circle_month",
            "discrete_gaussian",
            "rho =",
            "ρ =",
            "Noise scale",
        ] {
            assert!(!plain.contains(key), "{key} outside the technical appendix");
        }
        // The appendix names the parameters and says what they are.
        assert!(technical.starts_with(
            "<section class=\"appendix technical\" id=\"technical-appendix\">\n<h2>Technical appendix"
        ));
        for said in [
            "<code>discrete_gaussian</code>: the discrete Gaussian mechanism",
            "<code>portfolio_quarter</code> cell (all programs' quarter)",
            "measured by ρ (<code>rho</code>)",
            "At most ρ = 1 (ε ≈ 7.8) for any one answer",
            "ε at δ = 10⁻⁶ by the conversion",
            "planned for a person answering up to 1 time a month",
            "every week (4 answers, which can fall in the same counts) is at ρ = 16 (ε ≈ 44.3)",
            "whose content changed (which moves two counts, not one) at ρ = 2 (ε ≈ 11.7)",
            "Threshold k = 11",
            "<td>ρ = 27/100</td>",
        ] {
            assert!(
                technical.replace(" class=\"nowrap\"", "").contains(said),
                "the appendix lacks {said}"
            );
        }
    }

    // Each period's own release date, as a date a reader can check against the ledger.
    let released = q4
        .body
        .split("<p class=\"released\">")
        .nth(1)
        .and_then(|p| p.split("</p>").next())
        .unwrap();
    for month in [
        "October 2026 on <time",
        "November 2026 on <time",
        "December 2026 on <time",
    ] {
        assert!(released.contains(month), "{released}");
    }
    assert_eq!(
        released.matches("<time datetime=\"").count(),
        4,
        "{released}"
    );
    let released_q3 = q3
        .body
        .split("<p class=\"released\">")
        .nth(1)
        .and_then(|p| p.split("</p>").next())
        .unwrap();
    assert!(
        released_q3.starts_with(
            "This quarter's figures were released on <time datetime=\"2026-10-05\">5 October 2026</time>"
        ),
        "{released_q3}"
    );
    assert!(
        released_q3.contains("July 2026 on <time datetime=\"2026-08-04\">4 August 2026</time>"),
        "{released_q3}"
    );
    assert!(!released_q3.contains("August 2026 on <time datetime=\"2026-08-04\""));
    let list = get(&app, &mut funder, "/staff/reports").await;
    assert!(list.body.contains(
        "Report 2026-Q3</a> <span class=\"sub\">July–September 2026</span> <span class=\"hint\">released <time datetime=\"2026-10-05\">5 October 2026</time>"
    ));
    assert!(!q4.body.contains("Released 30 November 2026"));

    // The trend: every released quarter up to the one shown, for each program and all.
    for name in ["Hillside", "Riverside", "All programs"] {
        assert_eq!(
            trend_quarters(&q4.body, name),
            ["2026-Q3", "2026-Q4"],
            "{name}"
        );
        assert_eq!(trend_quarters(&q3.body, name), ["2026-Q3"], "{name}");
    }
    let trend = q4.body.split("id=\"trend\"").nth(1).unwrap();
    assert!(trend.contains("aria-label=\"Riverside: belonging and safety, % positive by quarter"));

    // A funder scoped to Riverside sees Riverside's trend only.
    let mut scoped = sign_in(&app, "funder-a@test.hearth").await;
    let own = get(&app, &mut scoped, "/staff/reports/2026-Q4").await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(
        trend_quarters(&own.body, "Riverside"),
        ["2026-Q3", "2026-Q4"]
    );
    assert!(trend_quarters(&own.body, "Hillside").is_empty());
    assert!(trend_quarters(&own.body, "All programs").is_empty());
    assert!(!own.body.contains("Hillside"), "nothing of another program");
}

/// A closed session of `circle` on the day `(year, month, day)`, with one response per
/// rating given, each giving that rating to every statement.
async fn meets(
    store: &domain::Store,
    program: &str,
    circle: &str,
    (year, month, day): (i32, u32, u32),
    ratings: &[u8],
) {
    use domain::instrument::{Answers, Item, Rating};
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap();
    let new =
        domain::catalog::NewSession::new(program, circle, date, Some(40), None, None).unwrap();
    let (session, _) = domain::catalog::open_session(store, &new).await.unwrap();
    let answers: Vec<Answers> = ratings
        .iter()
        .map(|&rating| {
            let mut answers = Answers::default();
            for item in Item::ALL {
                answers.set_rating(item, Rating::try_from(rating).ok());
            }
            answers
        })
        .collect();
    collector::commit::insert_synthetic(store, session.id, &answers)
        .await
        .unwrap();
    domain::catalog::close_session(store, &session.code)
        .await
        .unwrap();
}

/// Seals the closed sessions and releases `periods` in order as of `today`, with noise
/// seeded from `seed` on.
async fn release(store: &domain::Store, periods: &[&str], today: (i32, u32, u32), seed: u64) {
    collector::seal::seal_closed_sessions(store, domain::catalog::now_unix())
        .await
        .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(today.0, today.1, today.2).unwrap();
    for (k, period) in periods.iter().enumerate() {
        analytics::release::release(
            store,
            period.parse().unwrap(),
            today,
            &analytics::release::ReleaseOptions::seeded(seed + k as u64),
        )
        .await
        .unwrap();
    }
}

on_both_stores!(
    every_figure_reads_one_way_on_every_page_chart_and_export,
    an_action_keeps_one_number_on_every_page,
    a_quarter_missing_a_month_names_the_months_it_holds,
);

/// Text without tags, with the entities a page or chart writes read back.
fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rows (header row first) of the table in the region labelled `label`, each cell as
/// plain text; `None` when the page has no such table.
fn table(html: &str, label: &str) -> Option<Vec<Vec<String>>> {
    let start = html.find(&format!("aria-label=\"{label}\""))?;
    let end = start + html[start..].find("</table>")?;
    let rows = html[start..end]
        .split("<tr")
        .skip(1)
        .map(|row| {
            row.split("<t")
                .skip(1)
                .filter(|c| c.starts_with('h') || c.starts_with('d'))
                .map(|c| plain(&format!("<t{}", c.split("</t").next().unwrap())))
                .collect()
        })
        .collect();
    Some(rows)
}

/// "Aug 26" → "2026-08".
fn period_of(label: &str) -> Option<String> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (month, year) = label.split_once(' ')?;
    let m = NAMES.iter().position(|n| *n == month)? + 1;
    Some(format!("20{year}-{m:02}"))
}

/// What a page's words for a figure say the export's `status` must be.
fn status_on_page(text: &str) -> &'static str {
    if text.starts_with("too uncertain") {
        "too_uncertain"
    } else if text.starts_with("hidden") {
        "hidden"
    } else if text == "–" || text == "no data" {
        "no_data"
    } else {
        "shown"
    }
}

/// A CSV export, looked up by (level, program or circle, period, measure) → status.
struct Export(std::collections::HashMap<(String, String, String, String), String>);

impl Export {
    fn parse(csv: &str) -> Export {
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let (program, circle, period, level, measure, status) = (
            at("program"),
            at("circle"),
            at("period"),
            at("level"),
            at("measure"),
            at("status"),
        );
        let mut rows = std::collections::HashMap::new();
        for line in lines {
            let row: Vec<&str> = line.split(',').collect();
            let name = if row[circle].is_empty() {
                row[program]
            } else {
                row[circle]
            };
            rows.insert(
                (
                    row[level].to_owned(),
                    name.to_owned(),
                    row[period].to_owned(),
                    row[measure].to_owned(),
                ),
                row[status].to_owned(),
            );
        }
        Export(rows)
    }

    /// Checks that the export says what the page shows for one figure; returns 1 when a
    /// row was compared (a figure shown as "no data" may have no row at all).
    fn agrees(
        &self,
        (level, name, period, measure): (&str, &str, &str, &str),
        shown: &str,
    ) -> usize {
        let expected = status_on_page(shown);
        let key = (
            level.to_owned(),
            name.to_owned(),
            period.to_owned(),
            measure.to_owned(),
        );
        match self.0.get(&key) {
            Some(status) => {
                assert_eq!(status, expected, "{key:?}: the page shows “{shown}”");
                1
            }
            None => {
                assert_eq!(
                    expected, "no_data",
                    "{key:?} is not exported, the page shows “{shown}”"
                );
                0
            }
        }
    }
}

/// Every "±" of a page's text with the word before it, where a figure at a bound or a
/// margin of nothing would show: "100 ±", "0% ±", "5.0 ±", "± 0", "±0.0".
fn bounds_with_a_plus_minus(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut found = vec![];
    for (k, word) in words.iter().enumerate() {
        let Some(at) = word.find('±') else { continue };
        let before = if at > 0 {
            &word[..at]
        } else {
            k.checked_sub(1).map_or("", |b| words[b])
        };
        let after = match &word[at + '±'.len_utf8()..] {
            "" => words.get(k + 1).copied().unwrap_or(""),
            rest => rest,
        };
        let at_bound = ["100%", "0%", "100", "0", "100.0", "0.0", "1.0", "5.0"].contains(&before);
        let nothing = after
            .trim_matches(|c: char| c == '0' || c == '.')
            .is_empty();
        if at_bound || nothing {
            found.push(format!("{before} ±{after}"));
        }
    }
    found
}

/// The texts of the chart labelled `…label…`, in the order they are drawn.
fn chart_texts(html: &str, label: &str) -> Vec<String> {
    let start = html.find(label).expect("the chart");
    let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let inner = t.split_once('>').unwrap().1;
            plain(inner.split("</text>").next().unwrap())
        })
        .collect()
}

/// The texts of the heatmap's cells, in the order they are drawn (row by row), after its
/// row and month labels.
fn heatmap_texts(html: &str, rows: usize, months: usize) -> Vec<String> {
    let texts = chart_texts(html, "% positive, circle by month");
    texts[rows + months..].to_vec()
}

/// What the heatmap draws for a cell its table shows as `text`: the same figure without
/// its unit, in one or two lines.
fn drawn_as(text: &str) -> Vec<String> {
    match status_on_page(text) {
        "too_uncertain" => return vec!["uncertain".into()],
        "hidden" => return vec!["hidden".into()],
        "no_data" => return vec!["–".into()],
        _ => {}
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let value = words[0].trim_end_matches('%').to_owned();
    match words.get(1) {
        Some(&"±") => {
            let margin = match words[2] {
                "<" => format!("<{}", words[3]),
                m => m.to_owned(),
            };
            vec![value, format!("±{margin}")]
        }
        _ => vec![value],
    }
}

/// A released network with a month that reads every way: the seeded July–September, and
/// an October in which the Monday Circle agrees to a person (100 % positive, readable)
/// and the Thursday Circle has a handful of answers (too uncertain to read). Every staff page that shows a released figure, and both exports, agree: no
/// figure reads "100 ±", "0 ±" or "± 0"; every figure printed with a ± is within the
/// readable limit; the heatmap draws exactly what its table says; and the CSV's `status`
/// is what the pages show, figure by figure.
async fn every_figure_reads_one_way_on_every_page_chart_and_export(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    for day in [5, 12, 19, 26] {
        for (circle, answers) in [("Monday Circle", 9), ("Thursday Circle", 3)] {
            // The Monday Circle all agree; the Thursday Circle's few answers are mixed.
            let ratings: Vec<u8> = (0..answers)
                .map(|k| match circle {
                    "Thursday Circle" => (2 + (k + day) % 4) as u8,
                    _ => 5,
                })
                .collect();
            meets(&store, "Riverside", circle, (2026, 10, day), &ratings).await;
        }
    }
    release(&store, &["2026-10"], (2026, 11, 22), 7).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let mut pages = vec![];
    for program in [PROGRAM_A, PROGRAM_B] {
        let base = format!("/staff/programs/{program}");
        for path in [
            base.clone(),
            format!("{base}?heat=safety"),
            format!("{base}/report"),
        ] {
            pages.push((path.clone(), get(&app, &mut admin, &path).await.body));
        }
    }
    for (program, circle) in [
        (PROGRAM_A, CIRCLE_A1),
        (PROGRAM_A, CIRCLE_A2),
        (PROGRAM_A, CIRCLE_A3),
        (PROGRAM_B, CIRCLE_B1),
    ] {
        let path = format!("/staff/programs/{program}/circles/{circle}");
        pages.push((path.clone(), get(&app, &mut admin, &path).await.body));
    }
    let mut funder = sign_in(&app, FUNDER).await;
    let report = get(&app, &mut funder, &format!("/staff/reports/{QUARTER}"))
        .await
        .body;
    pages.push(("funder report".into(), report.clone()));

    // No figure at a bound with a ±, no margin of nothing, and nothing printed wider than
    // the limit the legend states.
    for (path, html) in &pages {
        assert_eq!(
            bounds_with_a_plus_minus(&plain(html)),
            Vec::<String>::new(),
            "{path}"
        );
        assert!(
            html.contains("is wider than ±15 points (±0.5 on a 1–5 mean)"),
            "{path}: the limit is stated"
        );
        for (value, margin) in printed_figures(html) {
            let limit = if value.ends_with('%') {
                15.0
            } else if value.contains('.') {
                0.5
            } else {
                continue;
            };
            assert!(
                margin <= limit,
                "{path}: {value} ± {margin} is printed although too uncertain"
            );
        }
    }

    // Each page's figures against the exports, cell by cell.
    let csv = |path: String| {
        let app = app.clone();
        let mut jar = admin.clone();
        async move { Export::parse(&get(&app, &mut jar, &path).await.body) }
    };
    let mut compared = 0;
    let mut seen = std::collections::BTreeSet::new();
    let trend = ["responses", "belonging_pct_positive", "safety_pct_positive"];
    for (program, name, circles) in [
        (
            PROGRAM_A,
            "Riverside",
            vec![CIRCLE_A1, CIRCLE_A2, CIRCLE_A3],
        ),
        (PROGRAM_B, "Hillside", vec![CIRCLE_B1]),
    ] {
        let export = csv(format!("/staff/programs/{program}/csv")).await;
        let page = |path: String| pages.iter().find(|(p, _)| *p == path).unwrap().1.clone();
        for (heat, measure) in [
            ("", "belonging_pct_positive"),
            ("?heat=safety", "safety_pct_positive"),
        ] {
            let html = page(format!("/staff/programs/{program}{heat}"));
            let rows = table(&html, "Circles by month (table)").unwrap();
            let months: Vec<String> = rows[0][1..].iter().map(|m| period_of(m).unwrap()).collect();
            let drawn: Vec<String> = rows[1..]
                .iter()
                .flat_map(|row| row[1..].iter().flat_map(|text| drawn_as(text)))
                .collect();
            assert_eq!(
                heatmap_texts(&html, rows.len() - 1, months.len()),
                drawn,
                "{name}{heat}: the heatmap draws what its table says"
            );
            for row in &rows[1..] {
                for (text, month) in row[1..].iter().zip(&months) {
                    compared += export.agrees(("circle_month", &row[0], month, measure), text);
                    seen.insert(status_on_page(text));
                }
            }
            let rows = table(&html, "Belonging and safety by month (table)").unwrap();
            for row in &rows[1..] {
                for (text, measure) in row[1..].iter().zip(trend) {
                    compared += export.agrees(
                        ("program_month", name, &period_of(&row[0]).unwrap(), measure),
                        text,
                    );
                }
            }
            compared += statements_agree(&html, &export, "program_month", name);
        }
        for circle in circles {
            let html = page(format!("/staff/programs/{program}/circles/{circle}"));
            let circle_name = plain(
                html.split("<h1>")
                    .nth(1)
                    .unwrap()
                    .split("<span")
                    .next()
                    .unwrap(),
            );
            let rows = table(&html, "Figures by month (table)").unwrap();
            for row in &rows[1..] {
                for (text, measure) in row[1..].iter().zip(trend) {
                    compared += export.agrees(
                        (
                            "circle_month",
                            &circle_name,
                            &period_of(&row[0]).unwrap(),
                            measure,
                        ),
                        text,
                    );
                    seen.insert(status_on_page(text));
                }
            }
            compared += statements_agree(&html, &export, "circle_month", &circle_name);
        }
        let html = page(format!("/staff/programs/{program}/report"));
        let rows = table(&html, "The latest quarter (table)").unwrap();
        let quarter = [
            "responses",
            "belonging_pct_positive",
            "safety_pct_positive",
            "better_mean",
        ];
        for (text, measure) in rows[1][1..].iter().zip(quarter) {
            compared += export.agrees(("program_quarter", name, QUARTER, measure), text);
        }
    }
    let export = csv(format!("/staff/reports/{QUARTER}/csv")).await;
    let rows = table(&report, "Programs at a glance (table)").unwrap();
    for row in &rows[1..] {
        let (level, name) = match row[0].as_str() {
            "All programs" => ("portfolio_quarter", "all programs"),
            other => ("program_quarter", other),
        };
        let quarter = [
            "responses",
            "belonging_pct_positive",
            "safety_pct_positive",
            "better_mean",
        ];
        for (text, measure) in row[1..].iter().zip(quarter) {
            compared += export.agrees((level, name, QUARTER, measure), text);
        }
    }
    assert!(compared > 150, "only {compared} figures compared");
    for status in ["shown", "too_uncertain", "hidden"] {
        assert!(
            seen.contains(status),
            "no {status} figure among {seen:?}: the test would prove little"
        );
    }
    let riverside = &pages[0].1;
    assert!(
        plain(riverside).contains("–100 "),
        "the Monday Circle's October reads as a range up to 100"
    );
}

/// The statements table of a page against the export: each month column's means, and for
/// the recent months the table leaves out (none of their statements could be read), or
/// the sentence that stands for the whole table, a status that is not `shown`.
fn statements_agree(html: &str, export: &Export, level: &str, name: &str) -> usize {
    let mut compared = 0;
    let Some(rows) = table(html, "Statements by month (table)") else {
        assert!(html.contains("the mean answers to the statements are too uncertain to read"));
        return 0;
    };
    for (col, heading) in rows[0].iter().enumerate().skip(1) {
        let Some(month) = period_of(heading) else {
            continue; // the months together: not a released cell of its own
        };
        for (k, item) in domain::instrument::Item::ALL.iter().enumerate() {
            compared += export.agrees(
                (level, name, &month, &format!("{}_mean", item.key())),
                &rows[k + 1][col],
            );
        }
    }
    compared
}

/// An action keeps its number on the program page, on its circle's page, on the list of
/// actions and on the trend charts, however many of the program's actions a page shows:
/// numbered oldest first within the program, not per page.
async fn an_action_keeps_one_number_on_every_page(db: &TestDb) {
    use domain::actions::{self, Draft};
    use domain::audit::Actor;
    let store = db.store().await;
    seed_network(&store).await;
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let mut ids = vec![];
    for (circle, taken_on, body) in [
        (
            None,
            day(8, 10),
            "All facilitators took the refresher training.",
        ),
        (
            Some(CIRCLE_A1),
            day(9, 10),
            "We read the ground rules at the start.",
        ),
        (Some(CIRCLE_A3), day(7, 14), "Moved to a quieter room."),
    ] {
        let draft = Draft {
            circle_id: circle,
            body: body.into(),
            taken_on,
        };
        ids.push(
            actions::record(&store, PROGRAM_A, &draft, Actor::CommandLine)
                .await
                .unwrap(),
        );
    }
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    // The number each page gives each action it lists.
    let numbers = |html: &str| -> Vec<(ActionId, String)> {
        html.split("<span class=\"mark\">")
            .skip(1)
            .map(|item| {
                let number = item.split('<').next().unwrap().to_owned();
                let id = item
                    .split("/actions/")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                (id.parse().unwrap(), number)
            })
            .collect()
    };
    let a = format!("/staff/programs/{PROGRAM_A}");
    let mut pages = vec![];
    for path in [
        a.clone(),
        format!("{a}/circles/{CIRCLE_A1}"),
        format!("{a}/circles/{CIRCLE_A3}"),
        format!("{a}/actions"),
    ] {
        pages.push(get(&app, &mut manager, &path).await.body);
    }
    let [program, monday, thursday, list] = &pages[..] else {
        unreachable!("four pages")
    };
    // Oldest first: the Thursday Circle's July action, the program's August one, the
    // Monday Circle's September one.
    let expected = [(ids[2], "A1"), (ids[0], "A2"), (ids[1], "A3")];
    let number_of = |id: ActionId| {
        expected
            .iter()
            .find(|(i, _)| *i == id)
            .unwrap()
            .1
            .to_owned()
    };
    for (page, html, listed) in [
        ("program", program, vec![ids[0]]),
        ("Monday Circle", monday, vec![ids[1], ids[0]]),
        ("Thursday Circle", thursday, vec![ids[0], ids[2]]),
        ("actions", list, vec![ids[1], ids[0], ids[2]]),
    ] {
        let got = numbers(html);
        assert_eq!(
            got.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            listed,
            "{page}"
        );
        for (id, number) in got {
            assert_eq!(number, number_of(id), "{page}: action {id}");
        }
    }
    // Each action's own page says its number too.
    for (id, number) in expected {
        let page = get(&app, &mut manager, &format!("{a}/actions/{id}")).await;
        assert!(
            page.body.contains(&format!("<h1>{number}: Action of ")),
            "{number}"
        );
    }
    // The charts mark the same numbers.
    let marks = |html: &str| -> Vec<String> {
        let mut marks: Vec<String> = chart_texts(html, "belonging and safety, % positive by month")
            .into_iter()
            .filter(|t| t.len() == 2 && t.starts_with('A'))
            .collect();
        marks.sort();
        marks.dedup();
        marks
    };
    assert_eq!(marks(program), ["A2"]);
    assert_eq!(marks(monday), ["A2", "A3"]);
    assert_eq!(marks(thursday), ["A1", "A2"]);
}

/// A quarter whose first month had no sessions (as the demo's first quarter) says which
/// months it holds wherever it is named: the funder's report, its trend and its CSV, the
/// list of reports, and the manager's overview, program report and CSV.
async fn a_quarter_missing_a_month_names_the_months_it_holds(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    // No session anywhere in October 2026; November and December as usual.
    for month in [11, 12] {
        for d in [2, 9, 16, 23] {
            for (program, circle) in [("Riverside", "Monday Circle"), ("Hillside", "Hill Circle")] {
                meets(&store, program, circle, (2026, month, d), &[4; 10]).await;
            }
        }
    }
    release(
        &store,
        &["2026-11", "2026-12", "2026-Q4"],
        (2027, 1, 20),
        300,
    )
    .await;
    let app = router(&store).await;
    let mut funder = sign_in(&app, FUNDER).await;
    let report = get(&app, &mut funder, "/staff/reports/2026-Q4").await.body;
    assert!(
        plain(&report).contains("sessions in November and December 2026 only, program by program"),
        "the report's opening names its months"
    );
    assert!(!report.contains("October–December 2026") && !report.contains("Oct–Dec 2026"));
    let trend = plain(report.split("id=\"trend\"").nth(1).unwrap());
    assert!(
        trend.contains("2026-Q3 Jul–Sep 2026"),
        "a whole quarter reads as one: {trend}"
    );
    assert!(trend.contains("2026-Q4 Nov and Dec 2026 only"), "{trend}");
    assert!(
        trend.contains("2026-Q3 2026-Q4*")
            && trend.contains("On the charts, 2026-Q4* holds November and December 2026 only."),
        "the trend chart's axis stars the quarter, and the note under it names its months: {trend}"
    );
    let list = plain(&get(&app, &mut funder, "/staff/reports").await.body);
    assert!(
        list.contains("Report 2026-Q4 November and December 2026 only"),
        "{list}"
    );
    assert!(
        list.contains("Report 2026-Q3 July–September 2026"),
        "{list}"
    );
    let csv = get(&app, &mut funder, "/staff/reports/2026-Q4/csv")
        .await
        .body;
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let months = header.iter().position(|h| *h == "months").unwrap();
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.split(',').nth(months) == Some("2026-11 2026-12"))
    );

    let mut manager = sign_in(&app, MANAGER_A).await;
    let overview = plain(
        &get(&app, &mut manager, &format!("/staff/programs/{PROGRAM_A}"))
            .await
            .body,
    );
    assert!(
        overview.contains(
            "Share of responses in 2026-Q4 (November and December 2026 only) that ticked"
        ),
        "{overview}"
    );
    let own = plain(
        &get(
            &app,
            &mut manager,
            &format!("/staff/programs/{PROGRAM_A}/report"),
        )
        .await
        .body,
    );
    assert!(own.contains("latest released quarter, 2026-Q4 (November and December 2026 only)"));
    let csv = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}/csv"),
    )
    .await
    .body;
    assert!(
        csv.lines()
            .any(|l| l.contains(",2026-Q4,2026-11 2026-12,program_quarter,"))
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",2026-Q3,2026-07 2026-08 2026-09,program_quarter,"))
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",2026-11,2026-11,program_month,"))
    );
}
