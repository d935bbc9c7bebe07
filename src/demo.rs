//! The demo network: a realistic synthetic year of a small peer-support organisation,
//! released like real data, with one account per role — so anyone can try Hearth in one
//! command and see every page filled in.
//!
//! Three programs, twelve circles, weekly sessions for thirteen months. Each circle has
//! its own size and climate, drifting over the year; a few are troubled for a while (a
//! dip in safety, more "someone took over"), one starts mid-year, and the smallest often
//! fall under the threshold — so the pages show trends, hidden cells and "no data" as a
//! real network would. All of it is drawn with `rand_distr` from a seed.

use analytics::period::Period;
use analytics::release::{self, ReleaseOptions};
use chrono::{Datelike, Duration, NaiveDate};
use dashboards::account::{self, NewUser, Role};
use domain::Store;
use domain::audit::Actor;
use domain::catalog::{self, NewSession};
use domain::instrument::{Answers, Helped, Hindered, Item, Rating};
use indicatif::{ProgressBar, ProgressStyle};
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use rand_distr::{Bernoulli, Distribution, Normal, Poisson};

/// One circle of the demo network.
struct CircleSpec {
    program: &'static str,
    name: &'static str,
    /// Mean attendance per meeting.
    attendance: f64,
    /// Mean rating before drift, on 1–5.
    climate: f64,
    /// Change of the mean rating over the year.
    drift: f64,
    /// Months (0-based from the first) in which the circle struggles.
    troubled: Option<(u32, u32)>,
    /// The month it starts meeting.
    starts: u32,
}

const fn circle(
    program: &'static str,
    name: &'static str,
    attendance: f64,
    climate: f64,
    drift: f64,
) -> CircleSpec {
    CircleSpec {
        program,
        name,
        attendance,
        climate,
        drift,
        troubled: None,
        starts: 0,
    }
}

fn network() -> Vec<CircleSpec> {
    const RIVER: &str = "Riverside Peer Support";
    const YOUTH: &str = "Youth Voices";
    const RECOVERY: &str = "Recovery Together";
    vec![
        circle(RIVER, "Monday Evening Circle", 11.0, 3.9, 0.2),
        CircleSpec {
            troubled: Some((5, 8)),
            ..circle(RIVER, "Grief and Loss", 8.0, 3.8, 0.0)
        },
        circle(RIVER, "Parents Together", 9.0, 4.1, 0.1),
        circle(RIVER, "Saturday Drop-in", 13.0, 3.6, 0.3),
        CircleSpec {
            starts: 6,
            ..circle(RIVER, "New Arrivals", 6.0, 3.7, 0.4)
        },
        circle(YOUTH, "Teen Talk", 10.0, 3.7, 0.2),
        CircleSpec {
            troubled: Some((2, 4)),
            ..circle(YOUTH, "Queer Youth Circle", 7.0, 4.0, 0.1)
        },
        circle(YOUTH, "Campus Connect", 12.0, 3.5, -0.2),
        circle(YOUTH, "Young Carers", 4.5, 4.2, 0.0),
        circle(RECOVERY, "Morning Recovery", 12.0, 4.0, 0.1),
        CircleSpec {
            troubled: Some((8, 11)),
            ..circle(RECOVERY, "Family Circle", 8.0, 3.9, -0.1)
        },
        circle(RECOVERY, "Harm Reduction Peers", 9.0, 3.6, 0.2),
    ]
}

/// The demo's sign-in details, one account per role.
pub struct DemoAccount {
    pub role: Role,
    pub email: String,
    pub password: String,
}

/// What the demo made.
pub struct DemoSummary {
    pub accounts: Vec<DemoAccount>,
    pub responses: u64,
    pub sessions: u64,
    pub releases: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "this database already has programs; the demo only fills an empty one (try --database-url sqlite:hearth-demo.db)"
    )]
    NotEmpty,
    #[error(transparent)]
    Catalog(#[from] catalog::CatalogError),
    #[error(transparent)]
    Account(#[from] account::AccountError),
    #[error(transparent)]
    Release(#[from] release::ReleaseError),
    #[error(transparent)]
    Action(#[from] domain::actions::ActionError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// One synthetic response from a circle whose climate today is `mean`.
fn response(rng: &mut ChaCha8Rng, mean: f64, troubled: bool, first_time: f64) -> Answers {
    let person = Normal::new(0.0, 0.55)
        .expect("a constant, positive spread")
        .sample(rng);
    let noise = Normal::new(0.0, 0.45).expect("a constant, positive spread");
    let skip = Bernoulli::new(0.04).expect("a constant probability");
    let mut answers = Answers::default();
    for item in Item::ALL {
        if skip.sample(rng) {
            continue;
        }
        // Safety items suffer most in a troubled stretch; being heard a little too.
        let dip = match (troubled, item) {
            (true, Item::SafeToShare | Item::NotJudged | Item::Confidential) => -0.9,
            (true, Item::Heard) => -0.5,
            (true, _) => -0.3,
            _ => 0.0,
        };
        let raw = mean + person + dip + noise.sample(rng);
        let rating = raw.round().clamp(1.0, 5.0) as u8;
        answers.set_rating(item, Rating::try_from(rating).ok());
    }
    answers.first_time = match rng.random_range(0.0..1.0) {
        x if x < 0.08 => None,
        x if x < 0.08 + first_time => Some(true),
        _ => Some(false),
    };
    let good = ((mean + person - 2.5) / 2.5).clamp(0.05, 0.95);
    for (&choice, base) in Helped::ALL.iter().zip([0.65, 0.45, 0.3, 0.5, 0.4]) {
        if rng.random_bool((base * good * 1.3_f64).clamp(0.02, 0.95)) {
            answers.set_helped(choice);
        }
    }
    for (&choice, base) in Hindered::ALL.iter().zip([0.12, 0.1, 0.06, 0.05, 0.1]) {
        let p = if troubled {
            base * 3.0
        } else {
            base * (1.2 - good)
        };
        if rng.random_bool(p.clamp(0.01, 0.9)) {
            answers.set_hindered(choice);
        }
    }
    answers
}

/// Fills an empty store with the demo network as of `today`: thirteen months of weekly
/// sessions ending with the last full month, released month by month and quarter by
/// quarter, and one account per role.
pub async fn generate(
    store: &Store,
    today: NaiveDate,
    seed: u64,
    show_progress: bool,
) -> Result<DemoSummary, DemoError> {
    let programs: i64 = sqlx::query_scalar("select count(*) from program")
        .fetch_one(store.pool())
        .await?;
    if programs > 0 {
        return Err(DemoError::NotEmpty);
    }
    let this_month =
        NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("a first of the month");
    let first = (0..13).fold(this_month, |d, _| {
        (d - Duration::days(1)).with_day(1).expect("day 1")
    });
    let year = Year { first, this_month };
    let (responses, sessions) = meet_for_a_year(store, year, seed, show_progress).await?;
    let releases = release_in_order(store, year, today, seed).await?;
    record_actions(store, first).await?;
    let accounts = add_accounts(store).await?;
    Ok(DemoSummary {
        accounts,
        responses,
        sessions,
        releases,
    })
}

/// The demo's year: from the first of `first` to the day before `this_month` begins.
#[derive(Clone, Copy)]
struct Year {
    first: NaiveDate,
    this_month: NaiveDate,
}

/// Every circle of the network meets weekly through the year (some weeks not), its
/// sessions answered and closed, then sealed. Returns (responses, sessions).
async fn meet_for_a_year(
    store: &Store,
    year: Year,
    seed: u64,
    show_progress: bool,
) -> Result<(u64, u64), DemoError> {
    let Year { first, this_month } = year;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let specs = network();
    let weeks = ((this_month - first).num_days() / 7) as u64;
    let bar = if show_progress {
        ProgressBar::new(weeks * specs.len() as u64).with_style(
            ProgressStyle::with_template("{msg:24} {bar:32} {pos}/{len} sessions")
                .expect("a template"),
        )
    } else {
        ProgressBar::hidden()
    };
    bar.set_message("meeting for a year");
    let (mut responses, mut sessions) = (0u64, 0u64);
    for (k, spec) in specs.iter().enumerate() {
        catalog::add_program(store, spec.program, Actor::CommandLine).await?;
        let mut day = first + Duration::days((k % 6) as i64);
        while day < this_month {
            let month = ((day.year() - first.year()) * 12 + day.month() as i32
                - first.month() as i32) as u32;
            bar.inc(1);
            let week_day = day;
            day += Duration::days(7);
            // Some weeks a circle does not meet.
            if month < spec.starts || rng.random_bool(0.08) {
                continue;
            }
            let answered = meet(store, spec, week_day, month, &mut rng).await?;
            responses += answered;
            sessions += 1;
        }
    }
    bar.finish_and_clear();
    collector::seal::seal_closed_sessions(store, catalog::now_unix()).await?;
    Ok((responses, sessions))
}

/// One session of a circle, `month` months into the year: opened, answered by most of
/// those who came, closed. Returns how many answered.
async fn meet(
    store: &Store,
    spec: &CircleSpec,
    held_on: NaiveDate,
    month: u32,
    rng: &mut ChaCha8Rng,
) -> Result<u64, DemoError> {
    let progress = f64::from(month) / 12.0;
    let troubled = spec.troubled.is_some_and(|(a, b)| (a..=b).contains(&month));
    let mean = spec.climate
        + spec.drift * progress
        + Normal::new(0.0, 0.12)
            .expect("a constant, positive spread")
            .sample(rng);
    let came = Poisson::new(spec.attendance)
        .expect("every demo circle's attendance is positive")
        .sample(rng) as u32;
    let answered = (0..came).filter(|_| rng.random_bool(0.8)).count();
    let first_time = if month < spec.starts + 2 { 0.5 } else { 0.12 };
    let new = NewSession::new(spec.program, spec.name, held_on, Some(40), Some(24), None)?;
    let (session, _) = catalog::open_session(store, &new).await?;
    let answers: Vec<Answers> = (0..answered)
        .map(|_| response(rng, mean, troubled, first_time))
        .collect();
    collector::commit::insert_synthetic(store, session.id, &answers).await?;
    catalog::close_session(store, &session.code).await?;
    Ok(answers.len() as u64)
}

/// Releases the year's months in order, each quarter once its months are out. Returns the
/// periods released.
async fn release_in_order(
    store: &Store,
    year: Year,
    today: NaiveDate,
    seed: u64,
) -> Result<Vec<String>, DemoError> {
    let Year { first, this_month } = year;
    let mut releases = vec![];
    let mut month = Period::month_of(first);
    'months: while month.start() < this_month {
        let mut due = vec![month];
        let quarter = month.quarter();
        if quarter.end() <= this_month && quarter.months().last() == Some(&month) {
            due.push(quarter);
        }
        for period in due {
            let summary = match release::release(
                store,
                period,
                today,
                &ReleaseOptions::seeded(seed ^ releases.len() as u64),
            )
            .await
            {
                Ok(summary) => summary,
                // In the first 72 hours of a month, last month's sessions still take
                // paper forms: `hearth serve` releases it when it is due.
                Err(release::ReleaseError::PaperForms { .. }) => break 'months,
                Err(error) => return Err(error.into()),
            };
            releases.push(summary.period.to_string());
        }
        month = Period::month_of(month.end());
    }
    Ok(releases)
}

/// One account per role, each with a fresh passphrase.
async fn add_accounts(store: &Store) -> Result<Vec<DemoAccount>, DemoError> {
    let mut accounts = vec![];
    for (role, program) in [
        (Role::Admin, None),
        (Role::Manager, Some("Riverside Peer Support")),
        (Role::Facilitator, Some("Riverside Peer Support")),
        (Role::Funder, None),
    ] {
        let email = format!("{}@demo.hearth", role.key());
        let password = dashboards::account::one_time_password();
        account::add_user(
            store,
            &NewUser::new(&email, role.key(), program)?,
            password.clone(),
        )
        .await?;
        accounts.push(DemoAccount {
            role,
            email,
            password,
        });
    }
    Ok(accounts)
}

/// What the demo's managers did about the troubled stretches: an action (on the 10th of the
/// month, `month` counted from the first) for a circle, and the line its participants are
/// told, if any (English, Spanish).
/// (program, circle, month, what was done, what participants are told in English and Spanish)
type DemoAction = (
    &'static str,
    &'static str,
    u32,
    &'static str,
    Option<(&'static str, &'static str)>,
);

const ACTIONS: [DemoAction; 4] = [
    (
        "Riverside Peer Support",
        "Grief and Loss",
        7,
        "We start every meeting by reading the ground rules together, and the facilitator checks in with anyone who has not spoken before we close.",
        Some((
            "You told us meetings did not always feel safe. We now start every meeting by reading our ground rules together.",
            "Nos dijeron que las reuniones no siempre se sentían seguras. Ahora empezamos cada reunión leyendo juntos nuestras reglas.",
        )),
    ),
    (
        "Riverside Peer Support",
        "",
        9,
        "All facilitators took the refresher training on holding space for strong feelings.",
        None,
    ),
    (
        "Youth Voices",
        "Queer Youth Circle",
        4,
        "Moved the meeting to the quiet room upstairs, with a door that closes.",
        Some((
            "You told us the room felt exposed. We now meet in a quieter room with a door that closes.",
            "Nos dijeron que la sala se sentía expuesta. Ahora nos reunimos en una sala más tranquila, con puerta.",
        )),
    ),
    (
        "Recovery Together",
        "Family Circle",
        10,
        "Added a second facilitator to Family Circle and split the group in two for the check-in.",
        None,
    ),
];

/// Records [`ACTIONS`] as the command line, as a manager would on the actions page.
async fn record_actions(store: &Store, first: NaiveDate) -> Result<(), DemoError> {
    use domain::actions::{self, Draft};
    let programs = catalog::programs(store).await?;
    for (program, circle, month, body, told) in ACTIONS {
        let Some(program) = programs.iter().find(|p| p.name == program) else {
            continue;
        };
        let circle_id = catalog::circles(store, Some(program.id))
            .await?
            .into_iter()
            .find(|c| c.name == circle)
            .map(|c| c.id);
        let taken_on = first
            .checked_add_months(chrono::Months::new(month))
            .and_then(|d| d.with_day(10))
            .expect("a date in the demo year");
        let draft = Draft {
            circle_id,
            body: body.to_owned(),
            taken_on,
        };
        let id = actions::record(store, program.id, &draft, Actor::CommandLine).await?;
        if let Some((en, es)) = told {
            let action = actions::find(store, program.id, id)
                .await?
                .expect("just recorded");
            let lines = (en.to_owned(), Some(es.to_owned()));
            actions::publish(store, &action, Some(lines), Actor::CommandLine).await?;
        }
    }
    Ok(())
}
