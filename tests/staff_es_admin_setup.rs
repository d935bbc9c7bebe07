//! The admin's pages for people, programs and connections in Spanish (issue 20, item 4), on
//! SQLite and on PostgreSQL: an admin whose account says Spanish reads users and roles, an
//! account's page and its confirmations, programs and circles with their rename and archive
//! pages, API tokens and webhooks in Spanish — `<html lang="es">`, no English left of the
//! phrases each page is known by — and a refused form and a saved note in Spanish too.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::Router;
use axum::http::StatusCode;
use common::TestDb;
use common::staff::*;

on_both_stores!(
    an_admin_in_spanish_manages_people_in_spanish,
    an_admin_in_spanish_keeps_programs_and_circles_in_spanish,
    an_admin_in_spanish_connects_tokens_and_webhooks_in_spanish,
);

/// The admin, signed in, with their account set to Spanish.
async fn spanish_admin(app: &Router) -> Jar {
    sign_in_spanish(app, ADMIN).await
}

/// A page in Spanish: it says it is, holds every Spanish phrase and none of the English.
fn in_spanish(page: &Page, what: &str, spanish: &[&str], english: &[&str]) {
    let body = &page.body;
    assert!(body.contains("<html lang=\"es\">"), "{what}: {body}");
    for phrase in spanish {
        assert!(
            body.contains(phrase),
            "{phrase:?} missing from {what}: {body}"
        );
    }
    for phrase in english {
        assert!(
            !body.contains(phrase),
            "{phrase:?} left in English on {what}: {body}"
        );
    }
}

async fn an_admin_in_spanish_manages_people_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = spanish_admin(&app).await;

    let users = get(&app, &mut admin, "/staff/admin/users").await;
    assert_eq!(users.status, StatusCode::OK);
    in_spanish(
        &users,
        "the users page",
        &[
            "<h1>Usuarios y funciones</h1>",
            "Cuentas del personal (tabla)",
            "Cambiar función",
            "Restablecer contraseña",
            "Exigir un segundo factor a la administración y a la coordinación",
            "Agregar un usuario",
            "<option value=\"data_entry\">captura de datos</option>",
            "— ninguno —",
        ],
        &[
            "Users and roles",
            "Change role",
            "Reset password",
            "Add a user",
            ">data entry<",
            "First password",
        ],
    );

    // A refused form says why in Spanish; an added account's note is Spanish too.
    let refused = post(
        &app,
        &mut admin,
        "/staff/admin/users",
        &[
            ("authenticity_token", &token(&users.body)),
            ("email", "new@test.hearth"),
            ("role", "manager"),
            ("program", ""),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_spanish(
        &refused,
        "a refused account",
        &["Una cuenta de coordinación debe pertenecer a un programa."],
        &["must belong to a program"],
    );
    let added = post(
        &app,
        &mut admin,
        "/staff/admin/users",
        &[
            ("authenticity_token", &token(&users.body)),
            ("email", "new@test.hearth"),
            ("role", "facilitator"),
            ("program", &PROGRAM_A.to_string()),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let noted = get(&app, &mut admin, "/staff/admin/users").await;
    in_spanish(
        &noted,
        "the users page after an add",
        &[
            "Se agregó a new@test.hearth con la función facilitación de",
            "Contraseña de un solo uso para new@test.hearth",
            "<strong>Solo se muestra esta vez</strong>",
        ],
        &["Added new@test.hearth", "One-time password for"],
    );

    let manager = staff_id(&store, MANAGER_A).await;
    let edit = get(&app, &mut admin, &format!("/staff/admin/users/{manager}")).await;
    assert_eq!(edit.status, StatusCode::OK);
    in_spanish(
        &edit,
        "an account's page",
        &[
            "Ahora: <strong>coordinación</strong>",
            "Función y programa",
            "Guardar función y programa",
            "Restablecer la contraseña…",
            "Desactivar la cuenta…",
        ],
        &["Role and program", "Now:", "Deactivate the account"],
    );

    for (path, spanish, english) in [
        (
            "reset-password",
            "¿Restablecer la contraseña de manager-a@test.hearth?",
            "Reset the password of",
        ),
        (
            "deactivate",
            "¿Desactivar manager-a@test.hearth?",
            "Deactivate manager-a",
        ),
        (
            "remove",
            "¿Eliminar manager-a@test.hearth?",
            "Remove manager-a",
        ),
    ] {
        let confirm = get(
            &app,
            &mut admin,
            &format!("/staff/admin/users/{manager}/{path}"),
        )
        .await;
        assert_eq!(confirm.status, StatusCode::OK, "{path}");
        in_spanish(
            &confirm,
            path,
            &[spanish, ">Cancelar</a>", "coordinación de"],
            &[english, ">Cancel<"],
        );
    }
}

async fn an_admin_in_spanish_keeps_programs_and_circles_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = spanish_admin(&app).await;

    let catalog = get(&app, &mut admin, "/staff/admin").await;
    assert_eq!(catalog.status, StatusCode::OK);
    in_spanish(
        &catalog,
        "the catalog",
        &[
            "<h1>Programas y círculos</h1>",
            "Agregar un programa",
            "Cambiar nombre",
            "Idioma de participantes",
            "A dónde acudir en una crisis",
            "Línea de crisis en Español",
            "Si se deja vacío: la línea incorporada",
            "Toda la organización",
        ],
        &[
            "Programs and circles",
            "Add a program",
            "Where to turn in a crisis",
            "Crisis line in",
            "Left empty",
        ],
    );

    let empty = post(
        &app,
        &mut admin,
        "/staff/admin/programs",
        &[("authenticity_token", &token(&catalog.body)), ("name", " ")],
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_spanish(
        &empty,
        "a refused program",
        &["El nombre del programa no puede estar vacío."],
        &["must not be empty"],
    );
    let added = post(
        &app,
        &mut admin,
        "/staff/admin/programs",
        &[
            ("authenticity_token", &token(&catalog.body)),
            ("name", "Puentes"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let noted = get(&app, &mut admin, "/staff/admin").await;
    in_spanish(
        &noted,
        "the catalog after an add",
        &["Se agregó el programa “Puentes”."],
        &["Added the program"],
    );

    let rename = get(
        &app,
        &mut admin,
        &format!("/staff/admin/circles/{CIRCLE_A1}/rename"),
    )
    .await;
    assert_eq!(rename.status, StatusCode::OK);
    in_spanish(
        &rename,
        "a circle's rename page",
        &[
            "Cambiar el nombre de",
            "<span class=\"sub\">círculo de",
            "Ningún otro círculo de",
            "Conservar el nombre",
        ],
        &["Rename ", "Keep the name", "No other circle"],
    );

    let archive = get(
        &app,
        &mut admin,
        &format!("/staff/admin/programs/{PROGRAM_A}/archive"),
    )
    .await;
    assert_eq!(archive.status, StatusCode::OK);
    in_spanish(
        &archive,
        "a program's archive page",
        &[
            "¿Archivar ",
            "<strong>detiene las sesiones nuevas</strong>:",
            "círculos puede abrir una",
            "Mantenerlo activo",
        ],
        &["stops new sessions", "Keep it active", "Archive a program"],
    );
    let archived = post(
        &app,
        &mut admin,
        &format!("/staff/admin/programs/{PROGRAM_A}/archive"),
        &[
            ("authenticity_token", &token(&archive.body)),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(archived.status, StatusCode::SEE_OTHER, "{}", archived.body);
    let noted = get(&app, &mut admin, "/staff/admin").await;
    in_spanish(
        &noted,
        "the catalog after archiving",
        &["Se archivó “", "archivado el ", "Restaurar"],
        &["Archived “", ">archived "],
    );
    let restore = get(
        &app,
        &mut admin,
        &format!("/staff/admin/programs/{PROGRAM_A}/restore"),
    )
    .await;
    in_spanish(
        &restore,
        "a program's restore page",
        &["¿Restaurar ", "Dejarlo archivado"],
        &["Leave it archived", "lets facilitators open sessions"],
    );
}

async fn an_admin_in_spanish_connects_tokens_and_webhooks_in_spanish(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = spanish_admin(&app).await;

    let tokens = get(&app, &mut admin, "/staff/admin/api-tokens").await;
    assert_eq!(tokens.status, StatusCode::OK);
    in_spanish(
        &tokens,
        "the API tokens page",
        &[
            "<h1>Claves de API</h1>",
            "Todavía no hay claves.",
            "Crear una clave",
            "<option value=\"funder\">financiador</option>",
        ],
        &["No tokens yet", "Make a token", ">funder<"],
    );
    let refused = post(
        &app,
        &mut admin,
        "/staff/admin/api-tokens",
        &[
            ("authenticity_token", &token(&tokens.body)),
            ("name", "herramientas"),
            ("audience", "manager"),
            ("program", ""),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_spanish(
        &refused,
        "a refused token",
        &["Una clave de coordinación necesita un programa"],
        &["needs a program"],
    );
    let made = post(
        &app,
        &mut admin,
        "/staff/admin/api-tokens",
        &[
            ("authenticity_token", &token(&tokens.body)),
            ("name", "Panel"),
            ("audience", "funder"),
            ("program", ""),
        ],
    )
    .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let listed = get(&app, &mut admin, "/staff/admin/api-tokens").await;
    in_spanish(
        &listed,
        "the API tokens page with a token",
        &[
            "Clave Panel",
            "<strong>Solo se muestra esta vez</strong>",
            "todos los programas",
            "Último uso\">nunca<",
        ],
        &["all programs", ">never<", "Revoke<"],
    );
    let id: i32 = sqlx::query_scalar("select id from api_token")
        .fetch_one(store.pool())
        .await
        .unwrap();
    let revoke = get(
        &app,
        &mut admin,
        &format!("/staff/admin/api-tokens/{id}/revoke"),
    )
    .await;
    assert_eq!(revoke.status, StatusCode::OK);
    in_spanish(
        &revoke,
        "a token's revoke page",
        &["¿Revocar Panel?", "Ve como financiador; nunca se ha usado."],
        &["Sees as", "last used", ">Cancel<"],
    );

    let webhooks = get(&app, &mut admin, "/staff/admin/webhooks").await;
    assert_eq!(webhooks.status, StatusCode::OK);
    in_spanish(
        &webhooks,
        "the webhooks page",
        &[
            "<h1>Webhooks y resúmenes</h1>",
            "Todavía no hay webhooks.",
            "Dirección del receptor",
            "Registro de entregas",
        ],
        &["No webhooks yet", "Delivery log", "Receiver’s address"],
    );
    let refused = post(
        &app,
        &mut admin,
        "/staff/admin/webhooks",
        &[
            ("authenticity_token", &token(&webhooks.body)),
            ("url", "ftp://board.example.org/hearth"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    in_spanish(
        &refused,
        "a refused webhook",
        &["Solo las direcciones http:// y https:// pueden recibir webhooks."],
        &["can receive webhooks."],
    );
    let added = post(
        &app,
        &mut admin,
        "/staff/admin/webhooks",
        &[
            ("authenticity_token", &token(&webhooks.body)),
            ("url", "https://board.example.org/hearth"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let shown = get(&app, &mut admin, "/staff/admin/webhooks").await;
    in_spanish(
        &shown,
        "the webhooks page with a webhook",
        &[
            "Secreto de firma para https://board.example.org/hearth",
            ">Eliminar<",
        ],
        &["Signing secret", ">Remove<"],
    );
    let id: i32 = sqlx::query_scalar("select id from webhook")
        .fetch_one(store.pool())
        .await
        .unwrap();
    let remove = get(
        &app,
        &mut admin,
        &format!("/staff/admin/webhooks/{id}/remove"),
    )
    .await;
    assert_eq!(remove.status, StatusCode::OK);
    in_spanish(
        &remove,
        "a webhook's remove page",
        &["¿Eliminar este webhook?", ">Cancelar</a>"],
        &["Remove this webhook?", ">Cancel<"],
    );
    let removed = post(
        &app,
        &mut admin,
        &format!("/staff/admin/webhooks/{id}/remove"),
        &[("authenticity_token", &token(&remove.body))],
    )
    .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let after = get(&app, &mut admin, "/staff/admin/webhooks").await;
    in_spanish(
        &after,
        "the webhooks page after a removal",
        &["Se eliminó https://board.example.org/hearth"],
        &["it hears of no release"],
    );
}
