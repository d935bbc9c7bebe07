//! What the committer relies on to resolve an unconfirmed commit (collector/src/commit.rs):
//! claiming a batch's marker — `insert … on conflict (token) do nothing` from another
//! connection — waits for a transaction still in flight that inserted the same token, and
//! then answers truly: nothing inserted if that transaction committed (the batch is
//! stored), one row if it rolled back (the batch is not, and now never can be). On SQLite
//! and PostgreSQL.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use std::time::Duration;

use common::TestDb;
use sqlx::Connection;

const CLAIM: &str = "insert into commit_marker (token) values ($1) on conflict (token) do nothing";

async fn a_claim_waits_for_the_commit_in_flight_and_answers_truly(db: &TestDb) {
    let store = db.store().await;
    for commit in [true, false] {
        let token = format!("marker-{commit}");
        let mut writer = sqlx::AnyConnection::connect(&db.url).await.unwrap();
        let mut batch = writer.begin().await.unwrap();
        sqlx::query("insert into commit_marker (token) values ($1)")
            .bind(&token)
            .execute(&mut *batch)
            .await
            .unwrap();
        let pool = store.pool().clone();
        let claimed_token = token.clone();
        let claim = tokio::spawn(async move {
            sqlx::query(CLAIM)
                .bind(&claimed_token)
                .execute(&pool)
                .await
                .map(|done| done.rows_affected())
        });
        // The batch's transaction is still open: the claim must not have answered.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(
            !claim.is_finished(),
            "the claim read around an open transaction"
        );
        if commit {
            batch.commit().await.unwrap();
        } else {
            batch.rollback().await.unwrap();
        }
        let inserted = tokio::time::timeout(Duration::from_secs(10), claim)
            .await
            .expect("the claim answers once the batch ends")
            .unwrap()
            .unwrap();
        assert_eq!(inserted, if commit { 0 } else { 1 }, "committed: {commit}");
    }
}

on_both_stores!(a_claim_waits_for_the_commit_in_flight_and_answers_truly);
