//! Protection per person (issue 17): the admin plans the budget for how often one person
//! may answer in a month; bad values are refused with nothing saved; the preview says what
//! it does to a circle's figures; a month released afterwards spends a smaller part of the
//! budget per answer and keeps the plan it was made under in the ledger, while months
//! released before keep theirs; the command line and the participants' privacy page say
//! the same. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a test or benchmark harness: a panic is the failure

use crate::common;

use analytics::period::Period;
use analytics::person::Neighbour;
use analytics::release::{self, ReleaseOptions};
use analytics::sampler::Rational;
use axum::http::StatusCode;
use chrono::NaiveDate;
use common::staff::*;
use common::{TestDb, run_hearth};
use domain::audit::{self, Action, Filter};
use domain::catalog::{self, NewSession};
use domain::instrument::{Answers, Item, Rating};

const SETTING: &str = "privacy.answers_per_person";

fn fields<'a>(token: &'a str, answers: &'a str, confirm: bool) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("authenticity_token", token),
        ("mechanism", "gaussian"),
        ("budget_unit", "rho"),
        ("budget", "1"),
        ("manager_threshold", "5"),
        ("funder_threshold", "11"),
        ("answers_per_person", answers),
    ];
    if confirm {
        f.push(("confirm", "yes"));
    }
    f
}

async fn stored(store: &domain::Store) -> Option<String> {
    sqlx::query_scalar("select value from setting where name = $1")
        .bind(SETTING)
        .fetch_optional(store.pool())
        .await
        .unwrap()
}

async fn setting_entries(store: &domain::Store) -> Vec<audit::Stored> {
    audit::list(
        store,
        &Filter {
            action: Some(Action::SettingChanged),
            ..Default::default()
        },
        100,
    )
    .await
    .unwrap()
}

/// October 2026: four weekly sessions of the Monday Circle, 9 answers each, closed and
/// sealed, then released.
async fn release_october(store: &domain::Store) {
    for day in [5, 12, 19, 26] {
        let date = NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
        let new =
            NewSession::new("Riverside", "Monday Circle", date, Some(40), None, None).unwrap();
        let (session, _) = catalog::open_session(store, &new).await.unwrap();
        let mut answers = Answers::default();
        for item in Item::ALL {
            answers.set_rating(item, Rating::try_from(4).ok());
        }
        collector::commit::insert_synthetic(store, session.id, &vec![answers; 9])
            .await
            .unwrap();
        catalog::close_session(store, &session.code).await.unwrap();
    }
    collector::seal::seal_closed_sessions(store, catalog::now_unix())
        .await
        .unwrap();
    let period: Period = "2026-10".parse().unwrap();
    release::release(
        store,
        period,
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        &ReleaseOptions::seeded(7),
    )
    .await
    .unwrap();
}

async fn the_budget_can_be_planned_per_person(db: &TestDb) {
    let store = db.store().await;
    seed_network(&store).await;
    let app = router(&store).await;
    let mut admin = sign_in(&app, ADMIN).await;

    // The settings page states the protection of a person, for the settings in force.
    let page = get(&app, &mut admin, "/staff/admin/privacy").await;
    assert_eq!(page.status, StatusCode::OK);
    let t = token(&page.body);
    for said in [
        "How well one person is protected",
        "1 (what the budget is planned for)",
        "ρ = 1 (ε ≈ 7.8)",
        "ρ = 2 (ε ≈ 11.7)",
        "ρ = 16 (ε ≈ 44.3)",
        "name=\"answers_per_person\" value=\"1\"",
    ] {
        assert!(page.body.contains(said), "the privacy page lacks {said:?}");
    }

    // Bad values: 422 with the reason, on the preview and on the confirmed save alike, and
    // nothing stored or recorded.
    for bad in ["0", "9", "2.5", "1/4", "4 a week", ""] {
        for (path, confirm) in [
            ("/staff/admin/privacy/preview", false),
            ("/staff/admin/privacy", true),
        ] {
            let refused = post(&app, &mut admin, path, &fields(&t, bad, confirm)).await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {bad:?}"
            );
            assert!(
                refused
                    .body
                    .contains("Answers one person may give in a month:")
                    && refused.body.contains("a whole number from 1 to 8"),
                "{path} {bad:?}: the reason is not said"
            );
        }
    }
    assert_eq!(stored(&store).await, None, "a refused value was stored");
    assert!(setting_entries(&store).await.is_empty());

    // The preview says what planning for weekly attenders does, saving nothing.
    let preview = post(
        &app,
        &mut admin,
        "/staff/admin/privacy/preview",
        &fields(&t, "4", false),
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK);
    let body = preview.body.replace("&#x2F;", "/");
    for said in [
        "Answers one person may give in a month</strong>: 1 answer → 4 answers",
        "one person who answers up to 4 times a month",
        "about 4.0 times noisier",
        "What helps: ticket cards",
        "reading programs by quarter rather than circles by month",
        "name=\"answers_per_person\" value=\"4\"",
    ] {
        assert!(body.contains(said), "the preview lacks {said:?}");
    }
    // The person table: four answers go from ρ = 16 to the whole budget, ρ = 1.
    assert!(body.contains("<td>ρ = 16 (ε ≈ 44.3)</td><td class=\"changed\">ρ = 1 (ε ≈ 7.8)</td>"));
    assert_eq!(stored(&store).await, None, "the preview saved");

    // Confirmed: stored, one audit entry, the note once.
    let saved = post(
        &app,
        &mut admin,
        "/staff/admin/privacy",
        &fields(&t, "4", true),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(stored(&store).await.as_deref(), Some("4"));
    let entries = setting_entries(&store).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].subject, SETTING);
    assert_eq!(entries[0].detail, "1 → 4");
    let shown = get(&app, &mut admin, "/staff/admin/privacy").await;
    assert!(
        shown
            .body
            .contains("Answers one person may give in a month: 1 answer → 4 answers"),
        "no saved note"
    );
    assert!(shown.body.contains("4 (what the budget is planned for)"));
    // Sent again: nothing more stored or recorded.
    post(
        &app,
        &mut admin,
        "/staff/admin/privacy",
        &fields(&t, "4", true),
    )
    .await;
    assert_eq!(setting_entries(&store).await.len(), 1);

    // October, released after the change, spends a sixteenth per answer; September keeps
    // the whole budget per answer it was released under.
    release_october(&store).await;
    let mut conn = store.pool().acquire().await.unwrap();
    let losses = analytics::ledger::losses(&mut conn).await.unwrap();
    drop(conn);
    let october = &losses[&(PROGRAM_A, "2026-10".to_owned())];
    assert_eq!(october.spend, "1/16".parse::<Rational>().unwrap());
    assert_eq!(october.answers_per_person, 4);
    let weekly = october.person(4, Neighbour::AddOrRemove).unwrap();
    assert_eq!(weekly.loss, Rational::integer(1));
    let september = &losses[&(PROGRAM_A, "2026-09".to_owned())];
    assert_eq!(september.spend, Rational::integer(1));
    assert_eq!(september.answers_per_person, 1);
    assert_eq!(
        september.person(4, Neighbour::AddOrRemove).unwrap().loss,
        Rational::integer(16)
    );
    let budgets: Vec<(String, i32)> = sqlx::query_as(
        "select distinct l.budget, l.answers_per_person from ledger l join data_release r on r.id = l.release_id \
         where r.period = '2026-10'",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    assert_eq!(budgets, [("1/16".to_owned(), 4)]);

    // The ledger page says which plan each month was spent under, and what it means for a
    // weekly attender: October's four answers at the budget, September's at 16 times it.
    let ledger = get(&app, &mut admin, "/staff/admin/ledger").await;
    let body = ledger.body.replace("&#x2F;", "/").replace("&#39;", "'");
    assert!(body.contains(
        "2026-10 · 10 spends · planned for 4 answers a person; each answer's budget rho = 1/16"
    ));
    assert!(body.contains(
        "2026-09 · 10 spends · planned for 1 answer a person; each answer's budget rho = 1"
    ));
    let row = |month: &str| {
        let at = body
            .find(&format!(
                "<tr><td class=\"nowrap\">{month}</td><th scope=\"row\">Riverside</th>"
            ))
            .unwrap_or_else(|| panic!("no ledger row for {month}"));
        body[at..at + body[at..].find("</tr>").unwrap()].to_owned()
    };
    let (oct, sep) = (row("2026-10"), row("2026-09"));
    assert!(
        oct.contains("<td>rho = 1/16</td><td>1.7</td><td>4 answers</td><td>7.8</td><td>7.8</td>"),
        "{oct}"
    );
    assert!(
        sep.contains("<td>1 answer</td><td>7.8</td><td>44.3</td><td>11.7</td>"),
        "{sep}"
    );

    // The participants are told, in words, what the releases are planned for.
    let participant = get(&app, &mut admin, "/privacy").await;
    let said = participant.body.replace("&#39;", "'");
    assert!(
        said.contains("protect up to 4 answers a month from each person, so someone who comes every week is covered"),
        "the participant page does not say the plan"
    );
    for jargon in ["ρ", "ε", "epsilon", "rho", "differential"] {
        assert!(!said.contains(jargon), "participants read {jargon:?}");
    }
    let spanish = get(&app, &mut admin, "/privacy?lang=es").await;
    assert!(
        spanish
            .body
            .contains("proteger hasta 4 respuestas al mes de cada persona")
    );

    // The command line: the person table, and the same refusal for a bad value.
    let accuracy = run_hearth(db, &["privacy", "accuracy"]);
    assert!(accuracy.status.success());
    let printed = String::from_utf8_lossy(&accuracy.stdout);
    assert!(
        printed.contains("| 4 (planned) | 1 | 7.77 | 2 | 11.69 |"),
        "{printed}"
    );
    assert!(printed.contains("| 1 | 0.0625 | "), "{printed}");
    let refused = run_hearth(db, &["privacy", "set", SETTING, "9"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("whole number from 1 to 8"), "{said}");
    assert_eq!(stored(&store).await.as_deref(), Some("4"));
}

on_both_stores!(the_budget_can_be_planned_per_person);

/// Before any change: one answer a month is what the participants' page says is protected,
/// and that answering every week is protected less — never that no answer can be worked
/// out.
#[tokio::test]
async fn participants_are_told_that_weekly_answers_are_protected_less() {
    let db = TestDb::sqlite().await;
    let store = db.store().await;
    let app = router(&store).await;
    let mut jar = Default::default();
    for (lang, said) in [
        ("en", "4 answers change a total 4 times as much as one"),
        ("es", "4 respuestas cambian un total 4 veces más que una"),
    ] {
        let page = get(&app, &mut jar, &format!("/privacy?lang={lang}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let body = page.body.replace("&#39;", "'");
        assert!(body.contains(said), "{lang}: {said:?} missing");
        assert!(!body.contains("can be worked out"));
        assert!(!body.contains("se pueda deducir"));
    }
}
