//! "Release digests" on "Your account" (issue 21), on SQLite and on PostgreSQL: a manager,
//! a funder and an admin see the setting (on by default) and can turn digests off and on
//! again; a value that is not offered is refused with nothing stored; a facilitator, whose
//! role sees no figures, gets no setting and cannot store one. That the worker honours the
//! setting is tested in tests/notify.rs.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use axum::Router;
use axum::http::StatusCode;
use common::TestDb;
use common::http::{Jar, Page, get, post, token};
use common::staff::*;
use domain::Store;

on_both_stores!(
    staff_who_see_figures_turn_digests_off_and_on,
    a_choice_not_offered_or_a_role_without_figures_stores_nothing,
);

async fn choose(app: &Router, jar: &mut Jar, value: &str) -> Page {
    let account = get(app, jar, "/staff/account").await;
    let token = token(&account.body);
    post(
        app,
        jar,
        "/staff/account/digests",
        &[("authenticity_token", &token), ("digests", value)],
    )
    .await
}

async fn stored(store: &Store, email: &str) -> i32 {
    sqlx::query_scalar("select digests from staff_user where email = $1")
        .bind(email)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

async fn staff_who_see_figures_turn_digests_off_and_on(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    for email in [MANAGER_A, FUNDER, ADMIN] {
        let mut jar = sign_in(&app, email).await;
        let page = get(&app, &mut jar, "/staff/account").await;
        assert!(
            page.body.contains("Release digests"),
            "{email}: {}",
            page.body
        );
        assert!(
            page.body.contains(r#"<option value="on" selected>"#),
            "{email}: digests are on by default"
        );
        // No SMTP server in these tests: the page says nothing is sent yet.
        assert!(page.body.contains("No mail server is set up"), "{email}");

        let off = choose(&app, &mut jar, "off").await;
        assert_eq!(off.status, StatusCode::SEE_OTHER, "{email}: {}", off.body);
        assert_eq!(stored(&store, email).await, 0, "{email}");
        let page = get(&app, &mut jar, "/staff/account").await;
        assert!(page.body.contains("You will get no digests."), "{email}");
        assert!(
            page.body.contains(r#"<option value="off" selected>"#),
            "{email}"
        );

        let on = choose(&app, &mut jar, "on").await;
        assert_eq!(on.status, StatusCode::SEE_OTHER, "{email}");
        assert_eq!(stored(&store, email).await, 1, "{email}");
    }
}

async fn a_choice_not_offered_or_a_role_without_figures_stores_nothing(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut manager = sign_in(&app, MANAGER_A).await;
    let refused = choose(&app, &mut manager, "weekly").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Choose one of the two options. Nothing was changed.")
    );
    assert_eq!(stored(&store, MANAGER_A).await, 1);

    let mut facilitator = sign_in(&app, FACILITATOR_A).await;
    let page = get(&app, &mut facilitator, "/staff/account").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Release digests"), "{}", page.body);
    let refused = choose(&app, &mut facilitator, "off").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Your role sees no figures"));
    assert_eq!(stored(&store, FACILITATOR_A).await, 1);
}
