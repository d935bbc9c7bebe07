//! The admin's webhook page (issue 21), on SQLite and on PostgreSQL: a receiver's URL is
//! added with its signing secret shown once; a URL that is not http(s), carries a password
//! or is registered already is refused with nothing stored; removing asks first and is
//! audited; only admins reach the page; and the page says that no digests go out while no
//! mail server is set up. Deliveries themselves are tested in tests/notify.rs.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::http::StatusCode;
use common::TestDb;
use common::http::{get, post, token};
use common::staff::*;
use domain::Store;

on_both_stores!(
    an_admin_adds_a_webhook_sees_its_secret_once_and_removes_it,
    bad_addresses_and_other_roles_store_nothing,
);

async fn stored(store: &Store) -> Vec<(String, String)> {
    sqlx::query_as("select url, secret from webhook order by url")
        .fetch_all(store.pool())
        .await
        .unwrap()
}

async fn an_admin_adds_a_webhook_sees_its_secret_once_and_removes_it(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut admin, "/staff/admin/webhooks").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("No mail server is set up"),
        "{}",
        page.body
    );
    assert!(page.body.contains("No webhooks yet."));
    assert!(page.body.contains("Nothing sent yet"));

    let added = post(
        &app,
        &mut admin,
        "/staff/admin/webhooks",
        &[
            ("authenticity_token", &token(&page.body)),
            ("url", "https://board.example.org/hearth"),
        ],
    )
    .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let rows = stored(&store).await;
    assert_eq!(rows.len(), 1);
    let (url, secret) = &rows[0];
    assert_eq!(url, "https://board.example.org/hearth");
    assert_eq!(secret.len(), 64);

    let shown = get(&app, &mut admin, "/staff/admin/webhooks").await;
    assert!(
        shown.body.contains(secret.as_str()),
        "the secret is shown once"
    );
    assert!(shown.body.contains("board.example.org/hearth"));
    let again = get(&app, &mut admin, "/staff/admin/webhooks").await;
    assert!(!again.body.contains(secret.as_str()), "and only once");

    let id: i32 = sqlx::query_scalar("select id from webhook")
        .fetch_one(store.pool())
        .await
        .unwrap();
    let confirm = get(
        &app,
        &mut admin,
        &format!("/staff/admin/webhooks/{id}/remove"),
    )
    .await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.body.contains("Remove this webhook?"));
    assert_eq!(stored(&store).await.len(), 1, "asking removes nothing");
    let removed = post(
        &app,
        &mut admin,
        &format!("/staff/admin/webhooks/{id}/remove"),
        &[("authenticity_token", &token(&confirm.body))],
    )
    .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(stored(&store).await.is_empty());
    let after = get(&app, &mut admin, "/staff/admin/webhooks").await;
    assert!(after.body.contains("it hears of no release from now on"));

    let actions: Vec<String> = sqlx::query_scalar(
        "select action from staff_audit where action like 'webhook%' order by action",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    assert_eq!(actions, ["webhook_added", "webhook_removed"]);
}

async fn bad_addresses_and_other_roles_store_nothing(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;
    let page = get(&app, &mut admin, "/staff/admin/webhooks").await;
    let csrf = token(&page.body);
    for (typed, says) in [
        ("ftp://example.org/x", "Only http:// and https://"),
        ("not a url", "full address"),
        ("https://user:pw@example.org/", "user name or password"),
    ] {
        let refused = post(
            &app,
            &mut admin,
            "/staff/admin/webhooks",
            &[("authenticity_token", &csrf), ("url", typed)],
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
        assert!(refused.body.contains(says), "{typed}: {}", refused.body);
        assert!(stored(&store).await.is_empty(), "{typed}");
    }
    let fields = [
        ("authenticity_token", csrf.as_str()),
        ("url", "https://a.example/"),
    ];
    assert_eq!(
        post(&app, &mut admin, "/staff/admin/webhooks", &fields)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let twice = post(&app, &mut admin, "/staff/admin/webhooks", &fields).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(twice.body.contains("registered already"));
    assert_eq!(stored(&store).await.len(), 1);

    let mut manager = sign_in(&app, MANAGER_A).await;
    let page = get(&app, &mut manager, "/staff/admin/webhooks").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let csrf = token(&get(&app, &mut manager, "/staff/account").await.body);
    let posted = post(
        &app,
        &mut manager,
        "/staff/admin/webhooks",
        &[("authenticity_token", &csrf), ("url", "https://b.example/")],
    )
    .await;
    assert_eq!(posted.status, StatusCode::FORBIDDEN);
    assert_eq!(stored(&store).await.len(), 1);
}
