//! The frontline's pages in Spanish (issue 20, item 4), on SQLite and on PostgreSQL: the
//! facilitator's desk (sessions, a session, its ticket cards, closing it, replacing its
//! cards, the paper form's frame), typing in paper forms, the second factor and the second
//! step of signing in, and the sign-in refusals (password and single sign-on), each read
//! by an account whose setting says Spanish (or, before signing in, a browser asking for
//! Spanish), with refusals and notes after a POST in Spanish too and no English left of
//! what each page says.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::Router;
use axum::http::StatusCode;
use common::TestDb;
use common::http::Page;
use common::staff::*;
use dashboards::account::{self, NewUser};
use dashboards::factor;

on_both_stores!(
    a_spanish_facilitator_runs_the_desk_in_spanish,
    a_spanish_typist_types_in_paper_forms_in_spanish,
    the_second_factor_and_the_sign_in_refusals_are_in_spanish,
);

const TYPIST_A: &str = "typist-a@test.hearth";

/// The account's language set to `lang` under "Your account", as its owner does.
async fn choose(app: &Router, jar: &mut Jar, lang: &str) {
    let saved = choose_language(app, jar, lang).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
}

/// A request from a browser that asks for Spanish.
async fn get_es(app: &Router, jar: &mut Jar, path: &str) -> Page {
    get_in(app, jar, path, "es-MX,es;q=0.9").await
}

async fn post_es(app: &Router, jar: &mut Jar, path: &str, fields: &[(&str, &str)]) -> Page {
    post_in(app, jar, Some("es-MX,es;q=0.9"), path, fields).await
}

/// `page` is a Spanish page saying each of `spanish` and none of `english`.
fn in_spanish(what: &str, page: &Page, spanish: &[&str], english: &[&str]) {
    let body = &page.body;
    assert!(
        body.contains("<html lang=\"es\">"),
        "{what} is not in Spanish: {body}"
    );
    for s in spanish {
        assert!(body.contains(s), "{s:?} missing from {what}: {body}");
    }
    for e in english {
        assert!(!body.contains(e), "{e:?} still on {what}: {body}");
    }
}

async fn a_spanish_facilitator_runs_the_desk_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut jar = sign_in(&app, FACILITATOR_A).await;
    choose(&app, &mut jar, "es").await;

    let desk = get(&app, &mut jar, "/staff/sessions").await;
    assert_eq!(desk.status, StatusCode::OK);
    in_spanish(
        "the desk",
        &desk,
        &[
            "<title>Sesiones",
            "Abrir una sesión",
            "Fecha de la reunión",
            "Para una tableta compartida",
            "Sesiones recientes",
        ],
        &["Open a session", "Date of the meeting", "Recent sessions"],
    );

    // A refused form says why in Spanish, and the page stays Spanish.
    let refused = open_at_desk(&app, &mut jar, &[("capacity", "many")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_spanish(
        "the refused desk",
        &refused,
        &["El máximo de respuestas debe ser un número entero."],
        &["must be a whole number"],
    );

    // Opened with ticket cards: the cards are shown once, the frame in Spanish.
    let opened = open_at_desk(&app, &mut jar, &[("tickets", "3")]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let cards_at = opened.location.unwrap();
    let code = cards_at
        .trim_start_matches("/staff/sessions/")
        .trim_end_matches("/tickets")
        .to_owned();
    let cards = get(&app, &mut jar, &cards_at).await;
    assert_eq!(card_codes(&cards.body).len(), 3);
    in_spanish(
        "the ticket cards",
        &cards,
        &[
            &format!("Tarjetas de {code}"),
            "Imprímalas ahora: se muestran una sola vez.",
            "3 tarjetas, una por persona.",
            "Código QR del enlace de un solo uso de esta tarjeta",
        ],
        &[
            "Print these now",
            "cards, one per person",
            "single-use link",
        ],
    );
    let again = get(&app, &mut jar, &cards_at).await;
    in_spanish(
        "the cards shown already",
        &again,
        &[
            "Estas tarjetas se mostraron una vez",
            "La sesión en sí no cambia.",
        ],
        &["were shown once", "The session itself is unchanged."],
    );

    let session_at = format!("/staff/sessions/{code}");
    let session = get(&app, &mut jar, &session_at).await;
    in_spanish(
        "the session",
        &session,
        &[
            "<strong>abierta</strong> hasta el ",
            "Respuestas hasta ahora: <strong>0</strong> de 3.",
            "Reemplazar las tarjetas sin usar…",
            "Imprima formularios en papel",
            "Cerrar la sesión ahora…",
            &format!("aria-label=\"Código de la sesión {code}\""),
        ],
        &[
            "Responses so far",
            "Close the session now",
            "No phone?",
            ">open<",
        ],
    );

    let replace = get(&app, &mut jar, &format!("{session_at}/replace-cards")).await;
    in_spanish(
        "replacing the cards",
        &replace,
        &[
            "¿Reemplazar las tarjetas sin usar de",
            "las 3 tarjetas que aún no se han usado dejan de funcionar ahora",
            "Conservar las tarjetas que tengo",
        ],
        &["Replace the unused cards", "Keep the cards I have"],
    );

    let paper = get(&app, &mut jar, &format!("{session_at}/paper?lang=fr")).await;
    in_spanish(
        "the paper form's frame",
        &paper,
        &[
            "Formulario en papel",
            "Imprima esta página (una hoja por persona). Idioma:",
            "Los formularios que se devuelvan los captura una cuenta de captura de datos.",
        ],
        &["Print this page", "Forms that come back"],
    );

    let close = get(&app, &mut jar, &format!("{session_at}/close")).await;
    in_spanish(
        "closing the session",
        &close,
        &[
            &format!("¿Cerrar la sesión <span class=\"code\">{code}</span>?"),
            "Una vez cerrada, su código",
            "formularios en papel",
            "Dejarla abierta",
        ],
        &["Once closed", "Paper forms", "Keep it open"],
    );
    let closed = post(
        &app,
        &mut jar,
        &format!("{session_at}/close"),
        &[
            ("authenticity_token", &token(&close.body)),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let session = get(&app, &mut jar, &session_at).await;
    in_spanish(
        "the closed session",
        &session,
        &[
            "<strong>cerrada</strong>",
            "Su código y su enlace ya no aceptan respuestas.",
        ],
        &["no longer take answers"],
    );
}

async fn a_spanish_typist_types_in_paper_forms_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    account::add_user(
        &store,
        &NewUser::new(TYPIST_A, "data_entry", Some("Riverside")).unwrap(),
        PASSWORD.into(),
    )
    .await
    .unwrap();
    let today = chrono::Local::now().date_naive();
    let new =
        domain::catalog::NewSession::new("Riverside", "Monday Circle", today, None, None, None)
            .unwrap();
    let (session, _) = domain::catalog::open_session(&store, &new).await.unwrap();
    let app = router(&store).await;
    let mut jar = sign_in(&app, TYPIST_A).await;
    choose(&app, &mut jar, "es").await;

    let list = get(&app, &mut jar, "/staff/entry").await;
    in_spanish(
        "the sessions that take paper forms",
        &list,
        &[
            "<h1>Capturar formularios en papel</h1>",
            "Elija la sesión de la que vienen los formularios",
            "tiene espacio",
            "como máximo (abierta ahora)",
        ],
        &["Choose the session", "has room", "at the latest"],
    );

    let at = format!("/staff/entry/{}", session.code);
    let page = get(&app, &mut jar, &at).await;
    in_spanish(
        "the entry page",
        &page,
        &[
            "Afirmaciones 1–8",
            "Qué significan los números",
            "Todavía no hay formularios en el lote.",
            "Guardar el lote (0 formularios)",
            // The statements in the page's language, from the participant catalog.
            "Qué se guarda: solo las marcas",
        ],
        &["Statements 1–8", "What the numbers mean", "Save the stack"],
    );

    let fields = entry(&page.body, &[("do", "add")]);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let empty = post(&app, &mut jar, &at, &fields).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_spanish(
        "a form refused",
        &empty,
        &[
            "Este formulario no se agregó al lote.",
            "Escriba primero los dígitos del formulario",
        ],
        &["was not added", "Type the form's digits first"],
    );

    let fields = entry(&page.body, &[("ratings", "55555555"), ("do", "add")]);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let added = post(&app, &mut jar, &at, &fields).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    in_spanish(
        "a form added",
        &added,
        &[
            "Formulario 1 agregado al lote (todavía sin guardar).",
            "Último formulario del lote (formulario 1): <span class=\"code\">afirmaciones 55555555 · primera vez ninguno",
            "Guardar el lote (1 formulario)",
            "Quitar el formulario 1",
            "<strong>1 formulario capturado, todavía sin guardar.</strong>",
        ],
        &[
            "added to the stack",
            "Last form in the stack",
            "Take form 1 off",
        ],
    );

    let fields = entry(&added.body, &[("do", "save")]);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = post(&app, &mut jar, &at, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let after = get(&app, &mut jar, &at).await;
    in_spanish(
        "the note after a save",
        &after,
        &["Se guardó 1 formulario en papel. Puede capturar el lote siguiente."],
        &["Saved 1 paper form"],
    );
}

/// The entry form's fields as the page carries them (token, `once`, the stack), and `fields`.
fn entry<'a>(page: &str, fields: &[(&'a str, &str)]) -> Vec<(&'a str, String)> {
    let mut all = vec![
        ("authenticity_token", token(page)),
        ("once", hidden(page, "once").to_owned()),
    ];
    for f in page.split(r#"name="form" value=""#).skip(1) {
        all.push(("form", f[..f.find('"').unwrap()].to_owned()));
    }
    all.extend(fields.iter().map(|(k, v)| (*k, (*v).to_owned())));
    all
}

async fn the_second_factor_and_the_sign_in_refusals_are_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;

    // Before signing in the browser's language is the page's: a wrong password, and a
    // single sign-on that is not set up here.
    let mut browser = Jar::default();
    let form = get_es(&app, &mut browser, "/staff/sign-in").await;
    let wrong = post_es(
        &app,
        &mut browser,
        "/staff/sign-in",
        &[
            ("authenticity_token", &token(&form.body)),
            ("email", MANAGER_A),
            ("password", "not the password"),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    in_spanish(
        "a wrong password",
        &wrong,
        &["Ese correo electrónico y esa contraseña no corresponden a ninguna cuenta."],
        &["do not match an account"],
    );
    // A form too large for the sign-in page, refused before any handler: in Spanish too.
    let huge = "x".repeat(70 * 1024);
    let too_large = post_es(&app, &mut browser, "/staff/sign-in", &[("email", &huge)]).await;
    assert_eq!(too_large.status, StatusCode::BAD_REQUEST);
    assert!(
        too_large
            .body
            .contains("Ese formulario era demasiado grande."),
        "{}",
        too_large.body
    );
    assert!(!too_large.body.contains("That form was too large"));
    let sso = get_es(&app, &mut browser, "/staff/sso/callback?code=x&state=y").await;
    in_spanish(
        "a single sign-on refused",
        &sso,
        &[
            "<title>No se inició sesión",
            "Volver a la página de inicio de sesión",
        ],
        &["Not signed in", "Back to the sign-in page"],
    );

    // The second factor, set up by a Spanish account.
    let mut jar = sign_in(&app, MANAGER_A).await;
    choose(&app, &mut jar, "es").await;
    let page = get(&app, &mut jar, "/staff/account/second-factor").await;
    in_spanish(
        "the second factor",
        &page,
        &[
            "<h1>Segundo factor</h1>",
            "Un segundo factor mantiene segura su cuenta",
            "Configurar una aplicación de autenticación",
        ],
        &["keeps your account safe", "Set up an authenticator app"],
    );
    let started = post(
        &app,
        &mut jar,
        "/staff/account/second-factor",
        &[("authenticity_token", &token(&page.body))],
    )
    .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let page = get(&app, &mut jar, "/staff/account/second-factor").await;
    in_spanish(
        "setting up the app",
        &page,
        &[
            "1. Agregue Hearth a su aplicación",
            "Código de seis dígitos",
            "Código QR para escanear con una aplicación de autenticación",
        ],
        &[
            "Add Hearth to your app",
            "Six-digit code",
            "QR code to scan",
        ],
    );
    let t = token(&page.body);
    let empty = post(
        &app,
        &mut jar,
        "/staff/account/second-factor/confirm",
        &[("authenticity_token", &t), ("code", "")],
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_spanish(
        "a missing code",
        &empty,
        &["Escriba el código de seis dígitos que su aplicación muestra para Hearth."],
        &["Type the six-digit code"],
    );
    let marker = "class=\"factor-secret\">";
    let at = page.body.find(marker).unwrap() + marker.len();
    let secret =
        factor::secret_from_text(&page.body[at..at + page.body[at..].find('<').unwrap()]).unwrap();
    let now = || domain::catalog::now_unix() as u64;
    let done = post(
        &app,
        &mut jar,
        "/staff/account/second-factor/confirm",
        &[
            ("authenticity_token", &t),
            ("code", &factor::code_at(&secret, now())),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let shown = get(&app, &mut jar, "/staff/account/second-factor").await;
    in_spanish(
        "the recovery codes",
        &shown,
        &["Sus códigos de recuperación", "Se muestran solo esta vez"],
        &["Your recovery codes", "shown only this once"],
    );

    // The second step of signing in, for a browser asking for Spanish.
    let mut browser = Jar::default();
    let form = get_es(&app, &mut browser, "/staff/sign-in").await;
    let first = post_es(
        &app,
        &mut browser,
        "/staff/sign-in",
        &[
            ("authenticity_token", &token(&form.body)),
            ("email", MANAGER_A),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(first.location.as_deref(), Some("/staff/sign-in/code"));
    let code_page = get_es(&app, &mut browser, "/staff/sign-in/code").await;
    in_spanish(
        "the second step",
        &code_page,
        &[
            "<title>Iniciar sesión: código",
            "Iniciar sesión: su código",
            "Su contraseña era correcta.",
            "Empezar de nuevo",
        ],
        &[
            "Sign in: your code",
            "Your password was right",
            "Start again",
        ],
    );
    let missing = post_es(
        &app,
        &mut browser,
        "/staff/sign-in/code",
        &[
            ("authenticity_token", &token(&code_page.body)),
            ("code", " "),
        ],
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_spanish(
        "a missing second-step code",
        &missing,
        &["o uno de sus códigos de recuperación."],
        &["or one of your recovery codes."],
    );
}
