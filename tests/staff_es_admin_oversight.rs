//! The admin pages about privacy and oversight in Spanish (issue 20, item 4), on SQLite and
//! on PostgreSQL: an admin whose account says Spanish reads the privacy settings, their
//! preview, the privacy ledger, the audit trail, single sign-on and a program's participant
//! language in Spanish, with no English a template or handler wrote; refusals and notes
//! after a POST are Spanish too. The audit trail's stored entries stay as written.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::Router;
use axum::http::StatusCode;
use common::TestDb;
use common::http::Page;
use common::staff::*;

on_both_stores!(
    an_admin_reads_the_privacy_and_oversight_pages_in_spanish,
    refusals_and_notes_on_the_privacy_and_language_pages_are_in_spanish,
);

/// An admin whose account says Spanish.
async fn spanish_admin(app: &Router) -> Jar {
    sign_in_spanish(app, ADMIN).await
}

fn assert_spanish(page: &Page, what: &str, spanish: &[&str], english: &[&str]) {
    let body = &page.body;
    assert!(body.contains("<html lang=\"es\">"), "{what}: {body}");
    for s in spanish {
        assert!(body.contains(s), "{s:?} missing from {what}: {body}");
    }
    for e in english {
        assert!(!body.contains(e), "{e:?} left in English on {what}: {body}");
    }
}

async fn an_admin_reads_the_privacy_and_oversight_pages_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = spanish_admin(&app).await;

    let privacy = get(&app, &mut admin, "/staff/admin/privacy").await;
    assert_eq!(privacy.status, StatusCode::OK);
    assert_spanish(
        &privacy,
        "the privacy settings",
        &[
            "<h1>Configuración de privacidad</h1>",
            "<legend>Tipo de ruido</legend>",
            "Presupuesto de privacidad, en ρ",
            "Qué tan protegida está una persona",
            "(para lo que está previsto el presupuesto)",
            "Guardar el tiempo de conservación",
            "Cómo se gasta el presupuesto: el plan de medición",
            "aria-label=\"Precisión por nivel (tabla)\"",
            "<td>el mes de un círculo</td>",
            "informe de financiadores: medias de las afirmaciones de todos los programas",
        ],
        &[
            "Privacy settings</h1>",
            "a circle&#39;s month",
            "funder report:",
            "the eight statements",
            "Kind of noise",
            "How well one person is protected",
            "Preview the change",
            "Save the retention time",
            "What these settings mean for accuracy",
        ],
    );

    let ledger = get(&app, &mut admin, "/staff/admin/ledger").await;
    assert_eq!(ledger.status, StatusCode::OK);
    assert_spanish(
        &ledger,
        "the ledger",
        &[
            "<h1>Registro de privacidad</h1>",
            "Qué significa un presupuesto gastado por completo.",
            "Presupuesto vigente: rho = 1 al mes por persona que responde hasta 1 vez.",
            "<th scope=\"col\">Gastado por una respuesta</th>",
            "1 respuesta</td>",
            "Cada gasto, por publicación",
            "previsto para 1 respuesta por persona",
            "aria-label=\"Gastos de 2026-",
        ],
        &[
            "Privacy ledger",
            "Spent per program and month",
            "Every spend, by release",
            "Nothing released yet.",
            " spends · planned for",
        ],
    );

    let audit = get(&app, &mut admin, "/staff/admin/audit").await;
    assert_eq!(audit.status, StatusCode::OK);
    assert_spanish(
        &audit,
        "the audit trail",
        &[
            "<h1>Auditoría</h1>",
            "<legend>Mostrar solo</legend>",
            "Cualquier acción",
            "Hasta (inclusive)",
            "Quitar el filtro",
            "data-label=\"Cuándo\"",
        ],
        &[
            "Audit trail</h1>",
            "Show only",
            "Clear the filter",
            "data-label=\"When\"",
            "matching entries",
        ],
    );
    let filtered = get(&app, &mut admin, "/staff/admin/audit?from=yesterday").await;
    assert_spanish(
        &filtered,
        "a refused audit filter",
        &[
            "Se dejó fuera una parte del filtro:",
            "no es una fecha: escriba la primera fecha como año-mes-día",
        ],
        &["is not a date"],
    );

    let sso = get(&app, &mut admin, "/staff/admin/single-sign-on").await;
    assert_eq!(sso.status, StatusCode::OK);
    assert_spanish(
        &sso,
        "single sign-on",
        &[
            "<h1>Inicio de sesión único</h1>",
            "El inicio de sesión único no está configurado",
            "Quien administra Hearth lo configura en el servidor",
        ],
        &["is not set up", "Whoever runs Hearth"],
    );

    let language = get(
        &app,
        &mut admin,
        &format!("/staff/admin/programs/{PROGRAM_A}/language"),
    )
    .await;
    assert_eq!(language.status, StatusCode::OK);
    assert_spanish(
        &language,
        "a program's participant language",
        &[
            "Idioma de participantes <span class=\"sub\">de Riverside</span>",
            "Idioma predeterminado de participantes",
            "Dejarlo como está",
        ],
        &["Participants choose their language", "Keep it as it is"],
    );
}

/// The privacy form's fields, as the page sends them.
fn privacy_fields<'a>(token: &'a str, budget: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("authenticity_token", token),
        ("mechanism", "gaussian"),
        ("budget", budget),
        ("budget_unit", "rho"),
        ("manager_threshold", "5"),
        ("funder_threshold", "10"),
        ("answers_per_person", "1"),
    ]
}

async fn refusals_and_notes_on_the_privacy_and_language_pages_are_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = spanish_admin(&app).await;
    let page = get(&app, &mut admin, "/staff/admin/privacy").await;
    let t = token(&page.body);

    let refused = post(
        &app,
        &mut admin,
        "/staff/admin/privacy/preview",
        &privacy_fields(&t, "lots"),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_spanish(
        &refused,
        "a refused budget",
        &[
            "<strong>No se guardó nada.</strong> Corrija esto",
            "El presupuesto de privacidad debe ser un número mayor que 0",
        ],
        &["Nothing was saved", "The privacy budget must be"],
    );

    let preview = post(
        &app,
        &mut admin,
        "/staff/admin/privacy/preview",
        &privacy_fields(&t, "0.5"),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK);
    assert_spanish(
        &preview,
        "the preview",
        &[
            "<h1>Revise la nueva configuración de privacidad</h1>",
            "<strong>Presupuesto de privacidad</strong>: 1 → 0.5",
            "Por ejemplo, el mes de un círculo con 30 respuestas",
            "Guardar esta configuración",
        ],
        &[
            "Check the new privacy settings",
            "For example",
            "Save these settings",
        ],
    );

    let retention = post(
        &app,
        &mut admin,
        "/staff/admin/retention",
        &[("authenticity_token", &t), ("days", "soon")],
    )
    .await;
    assert_eq!(retention.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_spanish(
        &retention,
        "a refused retention time",
        &["“soon” no es un número entero de días"],
        &["is not a whole number of days"],
    );
    let kept = post(
        &app,
        &mut admin,
        "/staff/admin/retention",
        &[("authenticity_token", &t), ("days", "30")],
    )
    .await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER, "{}", kept.body);
    let noted = get(&app, &mut admin, "/staff/admin/privacy").await;
    assert_spanish(
        &noted,
        "the retention note",
        &["Se guardó: las respuestas sin procesar se conservan ahora 30 días"],
        &["Saved: raw answers"],
    );

    let path = format!("/staff/admin/programs/{PROGRAM_A}/language");
    let unknown = post(
        &app,
        &mut admin,
        &path,
        &[("authenticity_token", &t), ("lang", "xx")],
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_spanish(
        &unknown,
        "a language Hearth does not have",
        &["Elija uno de los idiomas de la lista."],
        &["Choose one of the languages listed."],
    );
}
