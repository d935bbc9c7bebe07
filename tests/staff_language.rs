//! Staff pages in Spanish (issue 20, item 4), on SQLite and on PostgreSQL: a manager whose
//! account says Spanish reads the overview and the CSV data dictionary in Spanish; with no
//! setting the browser's Accept-Language picks the language, and the account's setting wins
//! over it; a language that is not offered is refused and nothing is stored; and the real
//! server logs nothing of the language choice (no header, no code).

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::{StatusCode, header};
use common::TestDb;
use common::staff::*;
use domain::Store;

on_both_stores!(
    a_manager_whose_account_says_spanish_reads_the_overview_and_dictionary_in_spanish,
    the_browser_picks_the_language_until_the_account_says_otherwise,
    a_language_not_offered_is_refused_and_nothing_is_stored,
);

async fn stored_language(store: &Store, email: &str) -> Option<String> {
    sqlx::query_scalar("select lang from staff_user where email = $1")
        .bind(email)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn a_manager_whose_account_says_spanish_reads_the_overview_and_dictionary_in_spanish(
    db: &TestDb,
) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let saved = choose_language(&app, &mut manager, "es").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        stored_language(&store, MANAGER_A).await.as_deref(),
        Some("es")
    );
    let account = get(&app, &mut manager, "/staff/account").await;
    assert!(
        account.body.contains("Se guardó su idioma."),
        "{}",
        account.body
    );
    assert!(
        account
            .body
            .contains("<option value=\"es\" lang=\"es\" selected>")
    );

    // No Accept-Language at all: the account alone makes the page Spanish.
    let overview = get(&app, &mut manager, &format!("/staff/programs/{PROGRAM_A}")).await;
    assert_eq!(overview.status, StatusCode::OK);
    let body = &overview.body;
    for spanish in [
        "<html lang=\"es\">",
        "resumen del programa",
        "Resumen del programa",
        "Mi cuenta",
        "Cerrar sesión",
        "coordinación",
        "Pertenencia y seguridad emocional",
        "Círculos por mes",
        "Afirmación por afirmación",
        "Requiere atención",
        "Las cifras en una tabla",
        "menos de 5 respuestas; se oculta para proteger el anonimato",
        "con muestreo",
        "<span class=\"hidden-cell\">oculta</span>",
        "<th scope=\"row\">jul 26</th>",
    ] {
        assert!(
            body.contains(spanish),
            "{spanish:?} missing from the overview: {body}"
        );
    }
    // Figures with a decimal comma and CLDR's `es` percent sign (a no-break space before %).
    assert!(body.contains("\u{a0}%"), "no Spanish percent sign: {body}");
    assert!(
        body.contains(",") && has_decimal_comma(body),
        "no decimal comma in a statement mean: {body}"
    );
    for english in [
        "program overview",
        "Belonging and emotional safety",
        "too uncertain to read",
        "with sampling",
        ">Sign out<",
        "<html lang=\"en\">",
    ] {
        assert!(
            !body.contains(english),
            "{english:?} left in English: {body}"
        );
    }

    let home = get(&app, &mut manager, "/staff").await;
    assert!(
        home.body
            .contains("Inició sesión como coordinación de programa"),
        "{}",
        home.body
    );

    let circle = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}/circles/{CIRCLE_A1}"),
    )
    .await;
    assert_eq!(circle.status, StatusCode::OK);
    assert!(
        circle.body.contains("<span class=\"sub\">círculo</span>"),
        "{}",
        circle.body
    );
    assert!(circle.body.contains("Cifras por mes"), "{}", circle.body);

    let dictionary = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}/dictionary.csv"),
    )
    .await;
    assert_eq!(dictionary.status, StatusCode::OK);
    let csv = &dictionary.body;
    // Column and measure names stay machine-readable; their meanings are Spanish.
    assert!(csv.starts_with("measure,meaning\n"), "{csv}");
    assert!(csv.contains("column program,"), "{csv}");
    assert!(
        csv.contains("pct_positive_belonging,") || csv.contains("belonging_pct_positive,"),
        "{csv}"
    );
    for spanish in [
        "respuestas en la celda (la suma de todos los histogramas de abajo)",
        "el mes (2026-10) o el trimestre (2026-Q4)",
        "supera ±15 puntos en un %, ±0,5 en una media",
        "afirmaciones de pertenencia",
        "mayor que 3,5",
        "(derivada)",
    ] {
        assert!(
            csv.contains(spanish),
            "{spanish:?} missing from the dictionary: {csv}"
        );
    }
    assert!(!csv.contains("responses in the cell"), "{csv}");
}

async fn the_browser_picks_the_language_until_the_account_says_otherwise(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;

    // Signed out: the sign-in page follows the browser.
    let sign_in_es = get_in(
        &app,
        &mut Jar::default(),
        "/staff/sign-in",
        "es-MX,es;q=0.9,en;q=0.5",
    )
    .await;
    assert!(
        sign_in_es.body.contains("<html lang=\"es\">"),
        "{}",
        sign_in_es.body
    );
    assert!(
        sign_in_es.body.contains("Iniciar sesión"),
        "{}",
        sign_in_es.body
    );
    // French has no staff pages: the browser's next choice among staff languages.
    let sign_in_fr = get_in(
        &app,
        &mut Jar::default(),
        "/staff/sign-in",
        "fr-FR, es;q=0.4",
    )
    .await;
    assert!(sign_in_fr.body.contains("<html lang=\"es\">"));
    let sign_in_de = get_in(&app, &mut Jar::default(), "/staff/sign-in", "de-DE").await;
    assert!(sign_in_de.body.contains("<html lang=\"en\">"));

    let mut manager = sign_in(&app, MANAGER_A).await;
    let path = format!("/staff/programs/{PROGRAM_A}");
    let spanish = get_in(&app, &mut manager, &path, "es-ES").await;
    assert!(spanish.body.contains("<html lang=\"es\">"));
    assert!(spanish.body.contains("Pertenencia y seguridad emocional"));
    let english = get(&app, &mut manager, &path).await;
    assert!(english.body.contains("<html lang=\"en\">"));
    assert!(english.body.contains("Belonging and emotional safety"));
    // Nothing of the browser's choice was stored.
    assert_eq!(stored_language(&store, MANAGER_A).await, None);

    // The account's setting wins over the browser's.
    let saved = choose_language(&app, &mut manager, "en").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let still_english = get_in(&app, &mut manager, &path, "es-MX").await;
    assert!(still_english.body.contains("<html lang=\"en\">"));
    assert!(
        still_english
            .body
            .contains("Belonging and emotional safety")
    );
    // Back to "your browser's language": the browser decides again.
    let cleared = choose_language(&app, &mut manager, "").await;
    assert_eq!(cleared.status, StatusCode::SEE_OTHER);
    assert_eq!(stored_language(&store, MANAGER_A).await, None);
    let spanish_again = get_in(&app, &mut manager, &path, "es-MX").await;
    assert!(spanish_again.body.contains("<html lang=\"es\">"));
}

async fn a_language_not_offered_is_refused_and_nothing_is_stored(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    for bad in ["fr", "xx", "es'--"] {
        let refused = choose_language(&app, &mut manager, bad).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(
            refused
                .body
                .contains("Choose one of the languages listed. Nothing was changed."),
            "{}",
            refused.body
        );
        assert_eq!(stored_language(&store, MANAGER_A).await, None);
    }
}

/// The real `hearth serve`, at debug level, through a signed-out page, a sign-in and an
/// overview in Spanish by Accept-Language, and a saved account language: the log has the
/// sign-in, and nothing of the language choice.
#[tokio::test]
async fn the_real_server_logs_nothing_of_the_language_choice() {
    let db = TestDb::sqlite().await;
    let store = db.store().await;
    seed_network(&store).await;
    drop(store);
    let server = common::server::Server::start(&db.url, Some("debug"));
    let base = format!("http://127.0.0.1:{}", server.port);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let accept = "es-MX,es;q=0.9";
    let mut cookies: Vec<String> = Vec::new();
    let keep = |cookies: &mut Vec<String>, response: &reqwest::Response| {
        for value in response.headers().get_all(header::SET_COOKIE) {
            let pair = value
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_owned();
            let name = pair.split('=').next().unwrap().to_owned();
            cookies.retain(|c| !c.starts_with(&format!("{name}=")));
            cookies.push(pair);
        }
    };
    let form = client
        .get(format!("{base}/staff/sign-in"))
        .header(header::ACCEPT_LANGUAGE, accept)
        .send()
        .await
        .unwrap();
    keep(&mut cookies, &form);
    let html = form.text().await.unwrap();
    assert!(html.contains("<html lang=\"es\">"), "{html}");
    let signed = client
        .post(format!("{base}/staff/sign-in"))
        .header(header::ACCEPT_LANGUAGE, accept)
        .header(header::COOKIE, cookies.join("; "))
        .form(&[
            ("authenticity_token", token(&html).as_str()),
            ("email", MANAGER_A),
            ("password", PASSWORD),
            ("next", "/staff"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    keep(&mut cookies, &signed);
    let overview = client
        .get(format!("{base}/staff/programs/{PROGRAM_A}"))
        .header(header::ACCEPT_LANGUAGE, accept)
        .header(header::COOKIE, cookies.join("; "))
        .send()
        .await
        .unwrap();
    assert_eq!(overview.status(), StatusCode::OK);
    keep(&mut cookies, &overview);
    let account = client
        .get(format!("{base}/staff/account"))
        .header(header::COOKIE, cookies.join("; "))
        .send()
        .await
        .unwrap();
    keep(&mut cookies, &account);
    let account_html = account.text().await.unwrap();
    let saved = client
        .post(format!("{base}/staff/account/language"))
        .header(header::COOKIE, cookies.join("; "))
        .form(&[
            ("authenticity_token", token(&account_html).as_str()),
            ("lang", "es"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let log = server.stop();
    assert!(log.contains("staff signed in"), "{log}");
    let lower = log.to_lowercase();
    for said in [
        "es-mx",
        "accept-language",
        "lang=",
        "español",
        "spanish",
        "\"es\"",
    ] {
        assert!(!lower.contains(said), "{said:?} in the log: {log}");
    }
}
