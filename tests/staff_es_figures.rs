//! The figure pages managers and funders read, in Spanish (issue 20, item 4), on SQLite
//! and on PostgreSQL: the printable program report, the actions (list, page, archiving,
//! and the notes after each POST), a program's page before its first release, and the
//! funder's reports — each with `<html lang="es">`, Spanish words, figures written the
//! Spanish way, and none of the English the page printed before.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode;
use common::TestDb;
use common::staff::*;

on_both_stores!(
    a_spanish_manager_reads_the_program_report_in_spanish,
    a_spanish_manager_records_and_archives_an_action_in_spanish,
    a_program_before_its_first_release_says_so_in_spanish,
    a_spanish_funder_reads_the_portfolio_report_in_spanish,
);

fn has_all(page: &str, what: &str, spanish: &[&str], english: &[&str]) {
    for words in spanish {
        assert!(
            page.contains(words),
            "{words:?} missing from {what}: {page}"
        );
    }
    for words in english {
        assert!(
            !page.contains(words),
            "{words:?} left in English on {what}: {page}"
        );
    }
}

async fn a_spanish_manager_reads_the_program_report_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in_spanish(&app, MANAGER_A).await;
    let report = get(
        &app,
        &mut manager,
        &format!("/staff/programs/{PROGRAM_A}/report"),
    )
    .await;
    assert_eq!(report.status, StatusCode::OK);
    let body = &report.body;
    has_all(
        body,
        "the program report",
        &[
            "<html lang=\"es\">",
            "<span class=\"sub\">informe del programa</span>",
            "en el último trimestre publicado, 2026-Q3 (julio–septiembre de 2026)",
            "y mes a mes de julio de 2026 a septiembre de 2026",
            "El último trimestre",
            "2026-Q3 se publicó el <time",
            "“Me voy mejor”, media de 1 a 5",
            "Mes a mes",
            "en los últimos 3 meses publicados",
            "Afirmación por afirmación",
            "julio, agosto y septiembre de 2026 en conjunto",
            "Cómo leer este informe",
            "Diccionario de datos (CSV)",
            "no se publicó nada del programa en ese periodo",
            "pertenencia y seguridad, % positivo por mes",
        ],
        &[
            "program report",
            "The latest quarter",
            "Month by month",
            "How to read this report",
            "was released on",
            "Data dictionary",
            "taken together",
            "% positive by month",
        ],
    );
    assert!(body.contains("\u{a0}%"), "no Spanish percent sign: {body}");
    assert!(has_decimal_comma(body), "no decimal comma: {body}");
}

async fn a_spanish_manager_records_and_archives_an_action_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in_spanish(&app, MANAGER_A).await;
    let list_path = format!("/staff/programs/{PROGRAM_A}/actions");
    let list = get(&app, &mut manager, &list_path).await;
    assert_eq!(list.status, StatusCode::OK);
    has_all(
        &list.body,
        "the actions",
        &[
            "<html lang=\"es\">",
            "Acciones registradas",
            "Todavía no hay ninguna acción registrada.",
            "Todo el programa",
            "Círculo Monday Circle",
            "Registrar la acción",
        ],
        &["Recorded actions", "The whole program", "Day it was taken"],
    );
    let csrf = token(&list.body);
    let circle = CIRCLE_A1.to_string();

    // A problem is said in Spanish, and nothing is recorded.
    let refused = post(
        &app,
        &mut manager,
        &list_path,
        &[
            ("authenticity_token", &csrf),
            ("circle", &circle),
            ("body", ""),
            ("taken_on", "2026-08-05"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("Escriba qué se hizo."),
        "{}",
        refused.body
    );

    let recorded = post(
        &app,
        &mut manager,
        &list_path,
        &[
            ("authenticity_token", &csrf),
            ("circle", &circle),
            ("body", "Leemos las normas al empezar"),
            ("taken_on", "2026-08-05"),
        ],
    )
    .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.body);
    let action_path = recorded.location.unwrap();
    let page = get(&app, &mut manager, &action_path).await;
    assert_eq!(page.status, StatusCode::OK);
    has_all(
        &page.body,
        "the action's page",
        &[
            "<html lang=\"es\">",
            "Se registró la acción.",
            "Acción del 5 de agosto de 2026",
            "círculo Monday Circle",
            "Antes y después",
            "Contarlo a las personas participantes",
            "Cambiar la acción",
            "Archivar esta acción…",
        ],
        &[
            "Recorded the action",
            "Before and after",
            "Tell participants",
            "Action of",
            "About ",
            "Too little released data",
        ],
    );
    assert!(
        page.body.contains("Alrededor de") || page.body.contains("muy pocos datos publicados"),
        "{}",
        page.body
    );

    let confirm = get(&app, &mut manager, &format!("{action_path}/archive")).await;
    has_all(
        &confirm.body,
        "the archive page",
        &[
            "¿Archivar la acción del 5 de agosto de 2026?",
            "Archivar la acción",
            "Conservarla",
        ],
        &["Archive the action", "Keep it"],
    );
    let archived = post(
        &app,
        &mut manager,
        &format!("{action_path}/archive"),
        &[
            ("authenticity_token", &token(&confirm.body)),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(archived.status, StatusCode::SEE_OTHER, "{}", archived.body);
    let list = get(&app, &mut manager, &list_path).await;
    assert!(
        list.body
            .contains("Se archivó la acción del 2026-08-05. Ya no aparece en los gráficos."),
        "{}",
        list.body
    );
}

async fn a_program_before_its_first_release_says_so_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    sqlx::query("insert into program (id, name) values (303, 'Lakeside')")
        .execute(store.pool())
        .await
        .unwrap();
    let app = router(&store).await;
    let mut admin = sign_in_spanish(&app, ADMIN).await;
    let page = get(&app, &mut admin, "/staff/programs/303").await;
    assert_eq!(page.status, StatusCode::OK);
    has_all(
        &page.body,
        "the first-release page",
        &[
            "<html lang=\"es\">",
            "<span class=\"sub\">resumen del programa</span>",
            "Todavía no hay cifras",
            "Todavía no se ha publicado ningún mes de Lakeside",
            "Todavía no ha tenido ninguna sesión.",
        ],
        &["No figures yet", "has been released yet", "no session yet"],
    );
}

async fn a_spanish_funder_reads_the_portfolio_report_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut funder = sign_in_spanish(&app, FUNDER).await;
    let list = get(&app, &mut funder, "/staff/reports").await;
    has_all(
        &list.body,
        "the reports",
        &["<html lang=\"es\">", "Informes trimestrales"],
        &["Quarterly reports"],
    );
    let report = get(&app, &mut funder, &format!("/staff/reports/{QUARTER}")).await;
    assert_eq!(report.status, StatusCode::OK);
    let body = &report.body;
    has_all(
        body,
        "the portfolio report",
        &[
            "<html lang=\"es\">",
            "Informe del conjunto de programas",
            "en julio–septiembre de 2026, programa por programa",
            "Las cifras de este trimestre se publicaron el",
            "Los programas de un vistazo",
            "Todos los programas",
            "Trimestre a trimestre",
            "Qué significa “±”",
            "Apéndice técnico: parámetros exactos de privacidad",
            "el mecanismo",
            "el mes de un programa",
            "pertenencia y seguridad (% positivo)",
            "supera ±15 puntos en un porcentaje o ±0,5 en una media de 1 a 5",
            "Pertenencia, 2026-Q3, % positivo por programa",
        ],
        &[
            "Portfolio report",
            "Programs at a glance",
            "All programs",
            "Technical appendix",
            "Quarter by quarter",
            "a program's month",
            "% positive by program",
        ],
    );
    assert!(body.contains("\u{a0}%"), "no Spanish percent sign: {body}");
    assert!(has_decimal_comma(body), "no decimal comma: {body}");
}
