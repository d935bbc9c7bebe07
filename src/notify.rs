//! Delivering release notices: the worker `hearth serve` runs, and the mail and HTTP
//! clients it delivers with. What is queued, claimed and recorded is
//! `dashboards::notify::outbox`; what a digest says is `dashboards::notify::digest`.
//!
//! Every minute the worker queues the notices of releases not yet announced (a release
//! made by the schedule, by `hearth release` or by another instance) and delivers the
//! messages that are due. A delivery that fails is retried after 1 min, 5 min, 30 min,
//! 2 h and 12 h, then marked failed; a release never waits for any of it. Nothing is
//! logged about a recipient, and the SMTP password is never printed.

use std::time::Duration;

use analytics::period::Period;
use dashboards::Dashboards;
use dashboards::notify::digest::{self, Digest};
use dashboards::notify::outbox::{self, Kind, Message, Outcome};
use dashboards::notify::webhook;
use domain::StaffId;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

/// How long one delivery may take before it counts as failed.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// How often the worker looks for work.
pub const TICK: Duration = Duration::from_secs(60);

/// The environment variables SMTP credentials are read from (never flags: a flag shows in
/// the process list).
pub const SMTP_USERNAME: &str = "HEARTH_SMTP_USERNAME";
pub const SMTP_PASSWORD: &str = "HEARTH_SMTP_PASSWORD";

/// Sends digests over SMTP.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for `url` (`smtp://host:25`, `smtps://host:465`, `smtp://host:587?tls=required`
    /// for STARTTLS; lettre's `from_url`), sending from `from`, with credentials from
    /// `HEARTH_SMTP_USERNAME` / `HEARTH_SMTP_PASSWORD` when set.
    pub fn new(url: &str, from: &str) -> anyhow::Result<Mailer> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| anyhow::anyhow!("--mail-from {from:?} is not an e-mail address: {e}"))?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| {
            anyhow::anyhow!("--smtp-url is not an smtp:// or smtps:// address: {e}")
        })?;
        if let (Ok(user), Ok(password)) =
            (std::env::var(SMTP_USERNAME), std::env::var(SMTP_PASSWORD))
        {
            builder = builder.credentials(Credentials::new(user, password));
        }
        Ok(Mailer {
            transport: builder.timeout(Some(DELIVERY_TIMEOUT)).build(),
            from,
        })
    }

    /// Sends one digest (plain text and HTML, as alternatives).
    pub async fn send(&self, digest: &Digest) -> Outcome {
        let to: Mailbox = match digest.to.parse() {
            Ok(to) => to,
            Err(_) => return failed("the account's address is not one SMTP takes"),
        };
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(digest.subject.as_str())
            .multipart(MultiPart::alternative_plain_html(
                digest.text.clone(),
                digest.html.clone(),
            ));
        let message = match message {
            Ok(message) => message,
            Err(e) => return failed(&format!("could not build the message: {e}")),
        };
        match self.transport.send(message).await {
            Ok(_) => Outcome {
                delivered: true,
                status: "sent".to_owned(),
            },
            Err(e) => failed(&format!("SMTP: {e}")),
        }
    }
}

fn failed(status: &str) -> Outcome {
    Outcome {
        delivered: false,
        status: status.to_owned(),
    }
}

/// Queues and delivers release notices.
#[derive(Clone, Debug)]
pub struct Notifier {
    dash: Dashboards,
    mailer: Option<Mailer>,
    http: reqwest::Client,
}

/// What one run of the worker did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    /// Periods whose notices were queued.
    pub announced: Vec<String>,
    /// Messages attempted, and of them delivered.
    pub attempted: usize,
    pub delivered: usize,
}

impl Notifier {
    /// A notifier over the dashboards' state (its store, base URL and digest words); no
    /// `mailer`: digests are neither queued nor sent, webhooks still are.
    pub fn new(dash: Dashboards, mailer: Option<Mailer>) -> anyhow::Result<Notifier> {
        let http = reqwest::Client::builder()
            .timeout(DELIVERY_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent("Hearth")
            .build()?;
        Ok(Notifier { dash, mailer, http })
    }

    /// Queues new releases' notices and delivers every message due at `now` (unix
    /// seconds). Tests drive this with their own clock.
    pub async fn run_once(&self, now: i64) -> Result<Run, sqlx::Error> {
        let store = &self.dash.store;
        let announced =
            outbox::queue_released(store, self.mailer.is_some(), self.dash.address.base(), now)
                .await?;
        let mut run = Run {
            announced,
            ..Run::default()
        };
        for seen in outbox::due(store, now, 100).await? {
            let Some(claimed) = outbox::claim(store, &seen, now).await? else {
                continue;
            };
            let outcome = self.deliver(&claimed, now).await;
            run.attempted += 1;
            run.delivered += usize::from(outcome.delivered);
            outbox::finish(store, &claimed, &outcome, now).await?;
        }
        Ok(run)
    }

    async fn deliver(&self, message: &Message, now: i64) -> Outcome {
        match message.kind {
            Kind::Webhook => self.post(message, now).await,
            Kind::Digest => self.mail(message).await,
        }
    }

    async fn mail(&self, message: &Message) -> Outcome {
        let Some(mailer) = &self.mailer else {
            return failed("no SMTP server is set up");
        };
        let Ok(period) = message.period.parse::<Period>() else {
            return failed("not a period");
        };
        match digest::compose(&self.dash, StaffId::new(message.target), period).await {
            Ok(Some(digest)) => mailer.send(&digest).await,
            Ok(None) => Outcome {
                delivered: true,
                status: outbox::SKIPPED.to_owned(),
            },
            Err(_) => failed("could not read the release to write the digest"),
        }
    }

    async fn post(&self, message: &Message, now: i64) -> Outcome {
        let target = match webhook::target(&self.dash.store, message.target).await {
            Ok(Some(target)) => target,
            Ok(None) => return failed("webhook removed"),
            Err(_) => return failed("could not read the webhook"),
        };
        let (url, secret) = target;
        let signature = webhook::signature(&secret, now, &message.payload);
        let sent = self
            .http
            .post(url)
            .header("content-type", "application/json")
            .header(webhook::SIGNATURE_HEADER, signature)
            .body(message.payload.clone())
            .send()
            .await;
        match sent {
            Ok(response) => Outcome {
                delivered: response.status().is_success(),
                status: format!("HTTP {}", response.status().as_u16()),
            },
            Err(e) if e.is_timeout() => failed("no answer in time"),
            Err(e) => failed(&format!("could not connect: {}", e.without_url())),
        }
    }

    /// Runs [`Notifier::run_once`] every [`TICK`] until the store closes.
    pub fn spawn(self) {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(TICK);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            while !self.dash.store.pool().is_closed() {
                tick.tick().await;
                let now = chrono::Utc::now().timestamp();
                match self.run_once(now).await {
                    Ok(run) if !run.announced.is_empty() || run.attempted > 0 => {
                        tracing::info!(
                            notices.announced = run.announced.join(", "),
                            notices.attempted = run.attempted,
                            notices.delivered = run.delivered,
                            "release notices"
                        )
                    }
                    Ok(_) => {}
                    Err(error) if !self.dash.store.pool().is_closed() => {
                        tracing::warn!(error = %error, "release notices failed")
                    }
                    Err(_) => {}
                }
            }
        });
    }
}

/// `hearth digest --period P`: every digest of a released period, composed now; `None`
/// when the period is not released.
pub async fn digests_of(dash: &Dashboards, period: Period) -> anyhow::Result<Option<Vec<Digest>>> {
    if analytics::view::load_release(&dash.store, period)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let ids: Vec<StaffId> = sqlx::query_scalar("select id from staff_user order by email")
        .fetch_all(dash.store.pool())
        .await?;
    let mut digests = Vec::new();
    for id in ids {
        if let Some(d) = digest::compose(dash, id, period).await? {
            digests.push(d);
        }
    }
    Ok(Some(digests))
}
