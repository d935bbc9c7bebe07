//! Staff pages through the real router (no socket): who may see what, sign-in, CSRF,
//! program scope, the facilitator desk, admin settings with floors, and snapshots of the
//! rendered pages over a seeded release. On SQLite and PostgreSQL.

mod common;

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
    let late = collector::catalog::NewSession::new(
        "Riverside",
        "Monday Circle",
        chrono::NaiveDate::from_ymd_opt(2026, 8, 5).unwrap(),
        None,
        None,
        None,
    )
    .unwrap();
    let refused = collector::catalog::open_session(&store, &late).await;
    assert!(
        matches!(refused, Err(collector::catalog::CatalogError::Released(ref p)) if p == "2026-08"),
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

on_both_stores!(
    the_role_page_matrix_holds,
    a_manager_of_one_program_sees_nothing_of_another,
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
        let measure = row.split(',').nth(4).unwrap();
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
            ["circle_month", "program_month", "program_quarter"].contains(&row[3]),
            "{row:?}"
        );
        levels.insert(row[3]);
        if !row[5].is_empty() {
            assert!(row[5].parse::<i64>().is_ok(), "a whole count: {row:?}");
        }
    }
    assert_eq!(levels.len(), 3, "circles' months, months and the quarter");
    assert!(
        rows.iter()
            .any(|r| r[2] == QUARTER && r[3] == "program_quarter")
    );
    assert!(rows.iter().any(|r| r[4] == "responses" && !r[5].is_empty()));
    assert!(
        rows.iter().any(|r| r[9] == "hidden"),
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
            named.contains(&row[4]),
            "{} is not in the dictionary",
            row[4]
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

/// Every figure a page prints with its noise margin — "72% ± 3", "3.9 ± 0.2", "61 ± 4" —
/// as (value, margin).
fn printed_figures(html: &str) -> Vec<(String, f64)> {
    let marker = " <span class=\"moe\">± ";
    let parts: Vec<&str> = html.split(marker).collect();
    parts
        .windows(2)
        .map(|pair| {
            let value = pair[0].rsplit('>').next().unwrap().to_owned();
            let margin = pair[1].split('<').next().unwrap().trim().parse().unwrap();
            (value, margin)
        })
        .collect()
}

/// A month released under a small budget is too noisy to read at circle and program level:
/// its figures say so in words — in the tables, the heatmap and its table — and no
/// percentage or mean is printed with a margin wider than the pages call readable.
#[tokio::test]
async fn a_figure_too_uncertain_to_read_is_worded_not_numbered() {
    use collector::instrument::{Answers, Item, Rating};
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
        let date = chrono::NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
        let new = collector::catalog::NewSession::new(
            "Riverside",
            "Monday Circle",
            date,
            Some(40),
            None,
            None,
        )
        .unwrap();
        let (session, _) = collector::catalog::open_session(&store, &new)
            .await
            .unwrap();
        let mut answers = Answers::default();
        for item in Item::ALL {
            answers.set_rating(item, Rating::try_from(4).ok());
        }
        collector::commit::insert_synthetic(&store, session.id, &vec![answers; 9])
            .await
            .unwrap();
        collector::catalog::close_session(&store, &session.code)
            .await
            .unwrap();
    }
    collector::seal::seal_closed_sessions(&store, collector::catalog::now_unix())
        .await
        .unwrap();
    analytics::release::release(
        &store,
        "2026-10".parse().unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        &analytics::release::ReleaseOptions::seeded(7),
    )
    .await
    .unwrap();

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
        .split("<section class=\"break\" id=\"trend\">")
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
    use collector::instrument::{Answers, Item, Rating};
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
                let date = chrono::NaiveDate::from_ymd_opt(2026, month, day).unwrap();
                let new = collector::catalog::NewSession::new(
                    program,
                    circle,
                    date,
                    Some(40),
                    None,
                    None,
                )
                .unwrap();
                let (session, _) = collector::catalog::open_session(&store, &new)
                    .await
                    .unwrap();
                let mut answers = Answers::default();
                for item in Item::ALL {
                    answers.set_rating(item, Rating::try_from(rating).ok());
                }
                collector::commit::insert_synthetic(&store, session.id, &vec![answers; 8])
                    .await
                    .unwrap();
                collector::catalog::close_session(&store, &session.code)
                    .await
                    .unwrap();
            }
        }
    }
    collector::seal::seal_closed_sessions(&store, collector::catalog::now_unix())
        .await
        .unwrap();
    for (k, period) in ["2026-10", "2026-11", "2026-12", "2026-Q4"]
        .into_iter()
        .enumerate()
    {
        analytics::release::release(
            &store,
            period.parse().unwrap(),
            chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap(),
            &analytics::release::ReleaseOptions::seeded(200 + k as u64),
        )
        .await
        .unwrap();
    }
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
        "Report 2026-Q3</a> <span class=\"hint\">released <time datetime=\"2026-10-05\">5 October 2026</time>"
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
