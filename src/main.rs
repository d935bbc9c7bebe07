//! The `hearth` command: configuration, CLI and wiring only.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};

use analytics::period::Period;
use analytics::person::Neighbour;
use analytics::progress::Bars;
use analytics::release::{self, ReleaseOptions};
use analytics::suppression::Audience;
use analytics::view::{self, ExportFormat};
use anyhow::Context;
use chrono::{Local, NaiveDate, TimeZone};
use clap::{Args, Parser, Subcommand, ValueEnum};
use collector::Settings;
use dashboards::SignInLimits;
use dashboards::account::{self, NewUser, PasswordKind, Role};
use dashboards::links::{DEFAULT_BIND, PublicAddress};
use domain::Store;
use domain::audit::Actor;
use domain::catalog::{self, NewSession};
use domain::code::SessionCode;
use hearth::demo::DemoError;
use hearth::{AppState, PeerlessListener, app, redact_url, serve_with};

#[derive(Parser)]
#[command(
    name = "hearth",
    version,
    about = "Anonymous session feedback and climate analytics for peer-support programs"
)]
struct Cli {
    /// Database URL: `sqlite:FILE` (embedded, created when missing) or `postgres://…`.
    #[arg(
        long,
        env = "HEARTH_DATABASE_URL",
        default_value = "sqlite:hearth.db",
        global = true,
        hide_env_values = true
    )]
    database_url: String,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service (migrates the database first).
    Serve(ServeArgs),
    /// Apply the database migrations and exit.
    Migrate,
    /// Participant translations an organization adds without rebuilding (see
    /// docs/translating.md).
    #[command(subcommand)]
    Translations(TranslationsCommand),
    /// Open or close a session.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Release a closed period (`--period 2026-10` or `--period 2026-Q4`), or list releases.
    Release(ReleaseArgs),
    /// Send a released period's digests to staff now (`--dry-run` prints them).
    Digest(DigestArgs),
    /// Export a stored release (released data only) as a tidy table.
    Export(ExportArgs),
    /// Privacy settings and the accuracy they give.
    #[command(subcommand)]
    Privacy(PrivacyCommand),
    /// Staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Tokens of the read-only API of released figures (`/api/v1`).
    #[command(subcommand)]
    ApiToken(ApiTokenCommand),
    /// Fill an empty database with a synthetic demo network, print one sign-in per role,
    /// and serve it.
    Demo(DemoArgs),
    /// How long raw answers are kept: per month, whether they still are and when they go.
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Write a consistent copy of the database (safe while `hearth serve` runs), after
    /// applying retention. SQLite: a database file; PostgreSQL: a pg_dump archive.
    Backup(BackupArgs),
    /// Bring a fresh database (a SQLite file that does not exist yet, or an empty
    /// PostgreSQL database) up from a backup, then migrate it.
    Restore(RestoreArgs),
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Per month: its sessions as the catalog lists them, and whether its answers are still
    /// kept and when they go (or when they went) — never how many answers.
    Status,
    /// Delete now what is due (`hearth serve` does this every hour by itself).
    Apply,
}

#[derive(Args)]
struct BackupArgs {
    /// The file to write (must not exist yet).
    #[arg(long)]
    out: std::path::PathBuf,
}

#[derive(Args)]
struct RestoreArgs {
    /// A file written by `hearth backup`.
    file: std::path::PathBuf,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a staff account; the password is asked for (or read from standard input) and,
    /// unless --permanent, must be replaced by its owner at their first sign-in.
    Add(UserAddArgs),
    /// Remove a staff account's authenticator app and recovery codes (a lost phone, when
    /// no other admin can reset it on the users page), and sign it out everywhere.
    ResetSecondFactor(UserEmailArgs),
}

#[derive(Subcommand)]
enum ApiTokenCommand {
    /// Make a token; its text is printed once (only its SHA-256 is stored).
    Add(ApiTokenAddArgs),
    /// Every token: name, audience, program, the day it was made and last used, and
    /// whether it is revoked (never its text).
    List,
    /// Revoke a token: every request with it is refused from now on.
    Revoke(ApiTokenNameArgs),
}

#[derive(Args)]
struct ApiTokenAddArgs {
    /// What the token is for ("Board dashboard"); names are unique.
    #[arg(long)]
    name: String,
    /// Whose view it reads: a program's manager's (needs --program) or a funder's.
    #[arg(long, value_enum)]
    audience: AudienceArg,
    /// The program it is scoped to (needed for a manager; a funder's without one reads
    /// every program).
    #[arg(long)]
    program: Option<String>,
}

#[derive(Args)]
struct ApiTokenNameArgs {
    /// The token's name.
    #[arg(long)]
    name: String,
}

#[derive(Args)]
struct UserEmailArgs {
    /// The account's email.
    #[arg(long)]
    email: String,
}

#[derive(Args)]
struct UserAddArgs {
    /// The account's email, with which its owner signs in.
    #[arg(long)]
    email: String,
    /// What the account may do: admin (everything but the facilitator's desk), manager
    /// (a program's figures), facilitator (a program's sessions), funder (reports),
    /// data-entry (types in a program's paper forms).
    #[arg(long, value_enum)]
    role: RoleArg,
    /// The program a manager, facilitator or data-entry account works in (a funder's is
    /// optional).
    #[arg(long)]
    program: Option<String>,
    /// Keep the password as the account's own. Without it, the password given here works
    /// for the first sign-in only, where its owner must choose their own.
    #[arg(long)]
    permanent: bool,
}

// The three value enums below exist so that clap lists and checks the allowed values;
// the command that takes one maps it onto its domain type at once, and the crates never
// see them. Their variants carry no doc comments on purpose: one would turn `--help`'s
// `[possible values: …]` line into a described list.

/// `--role`: a staff role (dashboards' `Role`).
#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Admin,
    Manager,
    Facilitator,
    Funder,
    DataEntry,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Role {
        match role {
            RoleArg::Admin => Role::Admin,
            RoleArg::Manager => Role::Manager,
            RoleArg::Facilitator => Role::Facilitator,
            RoleArg::Funder => Role::Funder,
            RoleArg::DataEntry => Role::DataEntry,
        }
    }
}

/// `--audience`: whose view an export is (analytics' `Audience`).
#[derive(Clone, Copy, Debug, ValueEnum)]
enum AudienceArg {
    Manager,
    Funder,
}

impl From<AudienceArg> for Audience {
    fn from(audience: AudienceArg) -> Audience {
        match audience {
            AudienceArg::Manager => Audience::Manager,
            AudienceArg::Funder => Audience::Funder,
        }
    }
}

/// `--format`: the file format of an export (analytics' `ExportFormat`).
#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Csv,
    Parquet,
    Json,
}

impl From<FormatArg> for ExportFormat {
    fn from(format: FormatArg) -> ExportFormat {
        match format {
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Parquet => ExportFormat::Parquet,
            FormatArg::Json => ExportFormat::Json,
        }
    }
}

/// Where Hearth listens and where the links it prints and draws point: the commands that
/// serve or print links take these, the others do not. (Every setting read from the
/// environment has `hide_env_values`: `--help` names the variable, and never shows its
/// value, or `NAME=` when it is unset.)
#[derive(Args)]
struct LinkArgs {
    /// Address to listen on (`hearth serve`). Links and QR codes point to it unless
    /// --base-url is given: 127.0.0.1 is this computer only, and 0.0.0.0 (every network
    /// address) names no host a link could use.
    #[arg(long, env = "HEARTH_BIND", default_value = DEFAULT_BIND, hide_env_values = true)]
    bind: String,

    /// The address people open on their phones, which participants' links and QR codes
    /// point to, e.g. https://feedback.example.org (staff cookies are Secure when it is
    /// https). Without it, links point to --bind.
    #[arg(long, env = "HEARTH_BASE_URL", hide_env_values = true)]
    base_url: Option<String>,
}

impl LinkArgs {
    /// The one rule ([`PublicAddress::choose`]) for the bind address as given.
    fn address(&self) -> anyhow::Result<PublicAddress> {
        Ok(PublicAddress::choose(self.base_url.as_deref(), &self.bind)?)
    }

    /// The same rule for a server that has bound `local` (the port it really has).
    fn address_bound(&self, local: std::net::SocketAddr) -> anyhow::Result<PublicAddress> {
        Ok(PublicAddress::choose(
            self.base_url.as_deref(),
            &local.to_string(),
        )?)
    }
}

#[derive(Args)]
struct DemoArgs {
    #[command(flatten)]
    links: LinkArgs,
    /// Only make the demo data and accounts; do not serve.
    #[arg(long)]
    no_serve: bool,
    /// The seed the synthetic network is drawn from.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

#[derive(Subcommand)]
enum TranslationsCommand {
    /// Check a directory of translations (`CODE/participant.ftl`, `CODE/staff.ftl`) against
    /// English: reports missing, extra and malformed messages; exits with an error when a
    /// file would stop `hearth serve --translations DIR` from starting.
    Check {
        /// The directory, laid out as the built-in one: `so/participant.ftl`,
        /// `es/staff.ftl`, ….
        dir: PathBuf,
    },
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
struct ReleaseArgs {
    /// The closed month (2026-10) or quarter (2026-Q4) to release.
    #[arg(long)]
    period: Option<Period>,
    #[command(subcommand)]
    command: Option<ReleaseCommand>,
}

#[derive(Subcommand)]
enum ReleaseCommand {
    /// List the stored releases and their privacy spend.
    List,
}

#[derive(Args)]
struct ExportArgs {
    /// The released period to export.
    #[arg(long)]
    period: Period,
    /// Whose view: managers (every level), or funders (program level and up, quarterly,
    /// with the funder threshold).
    #[arg(long, value_enum)]
    audience: AudienceArg,
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    format: FormatArg,
    /// Write to this file instead of standard output; the data dictionary (every column
    /// and measure in plain words) is written beside it as FILE.dictionary.csv.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
enum PrivacyCommand {
    /// Show the privacy settings in force.
    Show,
    /// Change a privacy setting (floors are enforced), e.g. `privacy.budget 0.5`.
    Set { name: String, value: String },
    /// Print the margins of error the settings and the measurement plan give, per level,
    /// and how well one person is protected who answers 1, 2, 4 or 5 times in a month.
    Accuracy {
        /// Circles per program to assume.
        #[arg(long, default_value_t = 5)]
        circles: usize,
        /// Programs in the portfolio to assume.
        #[arg(long, default_value_t = 3)]
        programs: usize,
    },
    /// Print the measurement plan: what each month's release measures, where, with which
    /// share of the budget, and why.
    Plan,
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    links: LinkArgs,

    #[command(flatten)]
    sign_in: SignInArgs,

    /// The crisis line on the thanks page, in every language, where an admin has set none.
    /// The page shows, in the participant's language: the program's line (set on the admin
    /// catalog page), else the organization's, else this flag, else the catalog's
    /// translated default ("call or text 988" in the US).
    #[arg(long, env = "HEARTH_CRISIS_LINE", hide_env_values = true)]
    crisis_line: Option<String>,

    /// Hours after a period ends before `serve` releases it by itself (its sessions must
    /// also have closed).
    #[arg(
        long,
        env = "HEARTH_RELEASE_GRACE_HOURS",
        default_value_t = analytics::schedule::DEFAULT_GRACE_HOURS,
        hide_env_values = true
    )]
    release_grace_hours: u32,

    /// Requests each API token may make per minute, counted by each `hearth serve`
    /// process on its own (docs/api.md); more are answered 429.
    #[arg(
        long,
        env = "HEARTH_API_REQUESTS_PER_MINUTE",
        default_value_t = dashboards::ApiLimit::default().0,
        hide_env_values = true
    )]
    api_requests_per_minute: std::num::NonZeroU32,

    #[command(flatten)]
    sso: SsoArgs,

    #[command(flatten)]
    mail: MailArgs,

    #[command(flatten)]
    limits: LimitArgs,

    /// A directory of translations read at start (`CODE/participant.ftl` and
    /// `CODE/staff.ftl`, see docs/translating.md): a new language, or messages overriding a
    /// built-in one. A file
    /// that `hearth translations check DIR` refuses stops the start, naming file and line.
    #[arg(long, env = "HEARTH_TRANSLATIONS", hide_env_values = true)]
    translations: Option<PathBuf>,

    /// Fill an empty database with the demo network first (see `hearth demo`).
    #[arg(long)]
    demo: bool,

    /// The seed of the demo network.
    #[arg(long, default_value_t = 2026, hide = true)]
    demo_seed: u64,
}

/// Release digests by e-mail (docs/deploy.md, "Release digests"). Credentials come from
/// HEARTH_SMTP_USERNAME and HEARTH_SMTP_PASSWORD only, never a flag, and are never printed.
#[derive(Args, Default, Clone)]
struct MailArgs {
    /// The SMTP server digests go through: smtp://host:25, smtps://host:465, or
    /// smtp://host:587?tls=required for STARTTLS. None: no digests are queued.
    #[arg(long, env = "HEARTH_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,

    /// The address digests come from.
    #[arg(
        long,
        env = "HEARTH_MAIL_FROM",
        default_value = "hearth@localhost",
        hide_env_values = true
    )]
    mail_from: String,
}

impl MailArgs {
    fn mailer(&self) -> anyhow::Result<Option<hearth::notify::Mailer>> {
        self.smtp_url
            .as_deref()
            .map(|url| hearth::notify::Mailer::new(url, &self.mail_from))
            .transpose()
    }
}

#[derive(Args)]
struct DigestArgs {
    /// The released month (2026-10) or quarter (2026-Q4) whose digests to send.
    #[arg(long)]
    period: Period,

    /// Print the digests instead of sending them.
    #[arg(long)]
    dry_run: bool,

    #[command(flatten)]
    mail: MailArgs,

    #[command(flatten)]
    links: LinkArgs,
}

/// Single sign-on with OpenID Connect: staff sign in with their work account. The
/// client secret is read from the environment only (HEARTH_OIDC_CLIENT_SECRET), never a
/// flag, and never printed.
#[derive(Args, Default)]
struct SsoArgs {
    /// Single sign-on: the OpenID provider's issuer, e.g.
    /// https://login.microsoftonline.com/TENANT/v2.0 or https://accounts.google.com (Hearth
    /// reads ISSUER/.well-known/openid-configuration). The sign-in page then offers "Sign
    /// in with your work account". Register BASE_URL/staff/sso/callback as the redirect URI
    /// at the provider (needs --base-url); put the client secret in
    /// HEARTH_OIDC_CLIENT_SECRET (none: a public client, PKCE only).
    #[arg(
        long,
        env = "HEARTH_OIDC_ISSUER",
        hide_env_values = true,
        requires_all = ["oidc_client_id", "oidc_domains"]
    )]
    oidc_issuer: Option<String>,

    /// The client id Hearth is registered under at the provider.
    #[arg(long, env = "HEARTH_OIDC_CLIENT_ID", hide_env_values = true)]
    oidc_client_id: Option<String>,

    /// The e-mail domains the provider may sign in, comma-separated (example.org). A
    /// verified e-mail of one of them signs in to the existing Hearth account of that
    /// e-mail, with its Hearth role; anyone else is refused.
    #[arg(
        long,
        env = "HEARTH_OIDC_DOMAINS",
        value_delimiter = ',',
        hide_env_values = true
    )]
    oidc_domains: Vec<String>,

    /// Let a verified e-mail of those domains with no Hearth account get one at its first
    /// sign-in, with this role (and program): ROLE or ROLE:PROGRAM, e.g.
    /// "facilitator:Peer Bridges"; never admin. Without it, nobody gets an account by
    /// signing in: an admin adds them.
    #[arg(long, env = "HEARTH_OIDC_NEW_ACCOUNTS", hide_env_values = true)]
    oidc_new_accounts: Option<String>,
}

impl SsoArgs {
    /// The settings, when single sign-on is asked for.
    fn settings(&self) -> Option<dashboards::sso::SsoSettings> {
        let issuer = self.oidc_issuer.clone().filter(|i| !i.trim().is_empty())?;
        Some(dashboards::sso::SsoSettings {
            issuer,
            client_id: self.oidc_client_id.clone().unwrap_or_default(),
            client_secret: std::env::var("HEARTH_OIDC_CLIENT_SECRET").ok(),
            domains: self.oidc_domains.clone(),
            new_accounts: self.oidc_new_accounts.clone(),
        })
    }
}

/// What one client can hold of the server (see docs/deploy.md, "Timeouts and
/// connections").
#[derive(Args, Clone, Copy)]
struct LimitArgs {
    /// Seconds a client has to send a request's headers, on a new connection or on one
    /// kept open after its last answer; a slower connection is closed.
    #[arg(
        long,
        env = "HEARTH_HEADER_TIMEOUT",
        default_value_t = hearth::ServeLimits::DEFAULT_HEADER_SECONDS,
        value_parser = clap::value_parser!(u64).range(1..=3600),
        hide_env_values = true
    )]
    header_timeout: u64,

    /// Seconds a request's body may pause between two pieces; a longer pause (a half-sent
    /// body) refuses the request and closes its connection.
    #[arg(
        long,
        env = "HEARTH_BODY_TIMEOUT",
        default_value_t = hearth::ServeLimits::DEFAULT_BODY_SECONDS,
        value_parser = clap::value_parser!(u64).range(1..=3600),
        hide_env_values = true
    )]
    body_timeout: u64,

    /// Seconds, from its headers on, for a request to be read and answered, however its
    /// body trickles in; a slower one is answered 408 Request Timeout and its connection
    /// closed. Keep it above 40 (a submission may wait that long for the database).
    #[arg(
        long,
        env = "HEARTH_REQUEST_TIMEOUT",
        default_value_t = hearth::ServeLimits::DEFAULT_REQUEST_SECONDS,
        value_parser = clap::value_parser!(u64).range(1..=3600),
        hide_env_values = true
    )]
    request_timeout: u64,

    /// Connections served at once; more wait, unaccepted, until one closes. Keep it below
    /// the open-files limit (`ulimit -n`) less the database connections.
    #[arg(
        long,
        env = "HEARTH_MAX_CONNECTIONS",
        default_value_t = hearth::ServeLimits::DEFAULT_MAX_CONNECTIONS,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000),
        hide_env_values = true
    )]
    max_connections: usize,
}

impl From<LimitArgs> for hearth::ServeLimits {
    fn from(args: LimitArgs) -> hearth::ServeLimits {
        hearth::ServeLimits {
            header_timeout: std::time::Duration::from_secs(args.header_timeout),
            body_timeout: std::time::Duration::from_secs(args.body_timeout),
            request_timeout: std::time::Duration::from_secs(args.request_timeout),
            max_connections: args.max_connections,
        }
    }
}

impl Default for LimitArgs {
    fn default() -> LimitArgs {
        let limits = hearth::ServeLimits::default();
        LimitArgs {
            header_timeout: limits.header_timeout.as_secs(),
            body_timeout: limits.body_timeout.as_secs(),
            request_timeout: limits.request_timeout.as_secs(),
            max_connections: limits.max_connections,
        }
    }
}

/// Staff sign-in settings of `hearth serve`.
#[derive(Args)]
struct SignInArgs {
    /// Hours a one-time password (an admin's reset, a first password) works, once, from
    /// when it was made.
    #[arg(
        long,
        env = "HEARTH_ONE_TIME_PASSWORD_HOURS",
        default_value_t = dashboards::ONE_TIME_PASSWORD_HOURS,
        hide_env_values = true,
        value_parser = clap::value_parser!(u64).range(1..=24 * 30)
    )]
    one_time_password_hours: u64,

    /// The key that seals staff's authenticator-app secrets in the database: 64 hex digits
    /// (`openssl rand -hex 32`), the same for every instance. Without it they are stored
    /// unsealed, and a copy of the database is enough to make their codes.
    #[arg(long, env = "HEARTH_SECOND_FACTOR_KEY", hide_env_values = true)]
    second_factor_key: Option<String>,
}

impl SignInArgs {
    fn limits(&self) -> SignInLimits {
        SignInLimits {
            one_time_password_lifetime: std::time::Duration::from_secs(
                self.one_time_password_hours * 3600,
            ),
            ..SignInLimits::default()
        }
    }

    fn factor_key(&self) -> anyhow::Result<Option<dashboards::FactorKey>> {
        self.second_factor_key
            .as_deref()
            .map(dashboards::FactorKey::parse)
            .transpose()
            .map_err(|e| anyhow::anyhow!("--second-factor-key (HEARTH_SECOND_FACTOR_KEY): {e}"))
    }
}

#[derive(Subcommand)]
enum SessionCommand {
    /// Open a session for a circle; prints its code, link and any ticket links.
    Open(SessionOpenArgs),
    /// Close a session early.
    Close {
        /// The session code, e.g. K7QM-42.
        code: String,
    },
}

#[derive(Args)]
struct SessionOpenArgs {
    /// Program name: the program of that name whatever its letter case, else a new one.
    #[arg(long)]
    program: String,
    /// Circle name within the program: the circle of that name whatever its letter case,
    /// else a new one.
    #[arg(long)]
    circle: String,
    /// The meeting's date, YYYY-MM-DD (default today): the only date its responses carry.
    #[arg(long)]
    date: Option<NaiveDate>,
    /// Most responses accepted (default 40, or the number of tickets).
    #[arg(long)]
    capacity: Option<u32>,
    /// Hours the session accepts responses (default 24).
    #[arg(long)]
    hours: Option<u32>,
    /// Require single-use tickets, and print this many ticket links.
    #[arg(long)]
    tickets: Option<u32>,
    /// For a shared tablet: also print a kiosk link, whose form comes back empty for the
    /// next person after each answer, and which stops working when the session closes.
    /// Not with --tickets.
    #[arg(long)]
    kiosk: bool,
    #[command(flatten)]
    links: LinkArgs,
}

/// Runs the command; a failure is one clear line on standard error and exit status 1.
fn main() -> std::process::ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Parses the command line, opens and migrates the store, and hands the command to its
/// function. Commands that print text return it, and it is printed here only once the
/// command has succeeded: a failure prints nothing on standard output.
async fn run() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let cli = Cli::parse();
    // Before connecting: connecting would create the (fresh) target.
    if let Command::Restore(args) = &cli.command {
        return restore(&cli.database_url, args).await;
    }
    // Needs no database (and must not create one).
    if let Command::Translations(TranslationsCommand::Check { dir }) = &cli.command {
        return check_translations(dir);
    }
    let store = Store::connect(&cli.database_url)
        .await
        .with_context(|| format!("opening {}", redact_url(&cli.database_url)))?;
    store.migrate().await?;

    match cli.command {
        Command::Migrate => print_out(&format!("migrated {}\n", redact_url(&cli.database_url))),
        Command::Serve(args) => serve_command(store, args, &cli.database_url).await?,
        Command::Demo(args) => demo_command(store, args, &cli.database_url).await?,
        Command::User(UserCommand::Add(args)) => print_out(&user_add(&store, args).await?),
        Command::ApiToken(command) => print_out(&api_token(&store, command).await?),
        Command::User(UserCommand::ResetSecondFactor(args)) => {
            let reset = dashboards::factor::reset_by_email(&store, Actor::CommandLine, &args.email)
                .await
                .map_err(anyhow::Error::msg)?;
            print_out(&if reset {
                format!(
                    "reset the second factor of {}: they were signed out, and sign in with their password alone\n",
                    args.email.trim().to_lowercase()
                )
            } else {
                format!(
                    "{} has no second factor: nothing was changed\n",
                    args.email.trim().to_lowercase()
                )
            })
        }
        Command::Session(SessionCommand::Open(args)) => {
            print_out(&session_open(&store, args).await?);
        }
        Command::Session(SessionCommand::Close { code }) => {
            print_out(&session_close(&store, &code).await?);
        }
        Command::Release(ReleaseArgs {
            command: Some(ReleaseCommand::List),
            ..
        }) => print_out(&release_list(&store).await?),
        Command::Release(ReleaseArgs {
            period: Some(period),
            ..
        }) => print_out(&release_period(&store, period).await?),
        Command::Release(ReleaseArgs {
            period: None,
            command: None,
        }) => anyhow::bail!(
            "say which period to release (--period 2026-10 or --period 2026-Q4), or `hearth release list`"
        ),
        Command::Export(args) => export(&store, args).await?,
        Command::Digest(args) => print_out(&digest(store, args).await?),
        Command::Privacy(command) => print_out(&privacy(&store, command).await?),
        Command::Retention(command) => print_out(&retention(&store, command).await?),
        Command::Backup(args) => print_out(&backup(&store, args).await?),
        Command::Restore(_) | Command::Translations(_) => unreachable!("handled before connecting"),
    }
    Ok(())
}

/// `hearth serve`: binds its address first (a refused address or base URL is said at
/// once), the demo network when asked for (an already filled store is served as it is),
/// then the service.
/// `hearth translations check DIR`: the report on standard output; an error (exit 1)
/// when a file would stop `serve`.
fn check_translations(dir: &Path) -> anyhow::Result<()> {
    let report = domain::translations::check(dir, &domain::i18n::Lang::built_in_codes())?;
    print_out(&report.to_string());
    anyhow::ensure!(
        !report.is_broken(),
        "{}: a file above would stop `hearth serve` from starting",
        dir.display()
    );
    Ok(())
}

/// Reads and installs `--translations DIR` before anything is served.
fn install_translations(dir: &Path) -> anyhow::Result<()> {
    let report = domain::translations::install(dir, &domain::i18n::Lang::built_in_codes())
        .with_context(|| {
            format!(
                "translations in {} (--translations, HEARTH_TRANSLATIONS)",
                dir.display()
            )
        })?;
    for language in &report.languages {
        tracing::info!(
            translations.code = %language.code,
            translations.overrides = language.overrides_built_in,
            translations.missing = language.missing.len(),
            "translation loaded"
        );
    }
    Ok(())
}

async fn serve_command(store: Store, args: ServeArgs, database_url: &str) -> anyhow::Result<()> {
    args.links.address()?;
    if let Some(dir) = &args.translations {
        install_translations(dir)?;
    }
    if let Some(line) = &args.crisis_line {
        // The one rule for staff text, as the admin page's crisis lines are checked.
        domain::text::check(
            line.trim(),
            domain::text::Shape::Line,
            "the crisis line (--crisis-line, HEARTH_CRISIS_LINE)",
        )?;
    }
    let bound = bind(&args.links.bind).await?;
    let address = args.links.address_bound(bound.1)?;
    if args.demo {
        match make_demo(&store, args.demo_seed, &address).await {
            Err(error) if matches!(error.downcast_ref(), Some(DemoError::NotEmpty)) => {
                eprintln!("the database already holds programs: serving it as it is");
            }
            made => made?,
        }
    }
    run_server(store, bound, args, address, database_url).await
}

/// `hearth demo`: the demo network (refused on a store that has programs), then the
/// service with its default settings unless `--no-serve`.
async fn demo_command(store: Store, args: DemoArgs, database_url: &str) -> anyhow::Result<()> {
    let mut address = args.links.address()?;
    let bound = if args.no_serve {
        None
    } else {
        let bound = bind(&args.links.bind).await?;
        address = args.links.address_bound(bound.1)?;
        Some(bound)
    };
    make_demo(&store, args.seed, &address).await?;
    let Some(bound) = bound else {
        return Ok(());
    };
    let serve_args = ServeArgs {
        links: args.links,
        sign_in: SignInArgs {
            one_time_password_hours: dashboards::ONE_TIME_PASSWORD_HOURS,
            second_factor_key: None,
        },
        crisis_line: None,
        release_grace_hours: analytics::schedule::DEFAULT_GRACE_HOURS,
        api_requests_per_minute: dashboards::ApiLimit::default().0,
        sso: SsoArgs::default(),
        mail: MailArgs::default(),
        limits: LimitArgs::default(),
        translations: None,
        demo: false,
        demo_seed: args.seed,
    };
    run_server(store, bound, serve_args, address, database_url).await
}

/// Binds the address to listen on, with the error said in its terms.
async fn bind(addr: &str) -> anyhow::Result<(PeerlessListener, std::net::SocketAddr)> {
    PeerlessListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr} (--bind, HEARTH_BIND)"))
}

/// Says on standard error, where a link is printed, that phones cannot follow it.
fn warn_about_links(address: &PublicAddress) {
    if let Some(warning) = address.warning() {
        eprintln!("warning: {warning}");
    }
}

/// `hearth user add`: the account as added, e.g. `added a@example.org as manager of P` (the
/// role as people read it: "data entry").
async fn user_add(store: &Store, args: UserAddArgs) -> anyhow::Result<String> {
    // `NewUser::new` takes the role as text, as the staff form sends it; clap has already
    // refused any other value, so this key always parses.
    let role = Role::from(args.role);
    let new = NewUser::new(&args.email, role.key(), args.program.as_deref())?;
    let password = read_password(&args.email)?;
    let kind = if args.permanent {
        PasswordKind::Own
    } else {
        PasswordKind::MustChange
    };
    let user = account::add_account(store, Actor::CommandLine, &new, password, kind).await?;
    if kind == PasswordKind::MustChange {
        eprintln!(
            "{} will choose their own password when they first sign in (--permanent keeps this one)",
            user.email
        );
    }
    Ok(format!(
        "added {} as {}{}\n",
        user.email,
        user.role,
        user.program.map(|p| format!(" of {p}")).unwrap_or_default()
    ))
}

/// `hearth session open`: the session's code, circle and date, what it matched or made of
/// the names typed, how many responses it takes until when, its link, and one link per
/// ticket. Links follow the same rule as the served pages ([`PublicAddress::choose`]), and
/// a warning goes to standard error when phones cannot follow them.
async fn session_open(store: &Store, args: SessionOpenArgs) -> anyhow::Result<String> {
    let address = args.links.address()?;
    let date = args.date.unwrap_or_else(|| Local::now().date_naive());
    let new = NewSession::new(
        &args.program,
        &args.circle,
        date,
        args.capacity,
        args.hours,
        args.tickets,
    )?;
    let new = if args.kiosk { new.for_tablet()? } else { new };
    let by = Some(domain::audit::Actor::CommandLine);
    let opened = catalog::open_session_by(store, &new, by)
        .await
        .map_err(|e| match e.is_archived() {
            true => anyhow::anyhow!(
                "{e} (an admin can restore it on the staff site's Programs and circles page)"
            ),
            false => e.into(),
        })?;
    let (session, tickets) = (opened.session, opened.tickets);
    let until = Local
        .timestamp_opt(session.closes_at, 0)
        .single()
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let mut out = String::new();
    writeln!(
        out,
        "session {} · {} · {} · {}",
        session.code, session.program, session.circle, session.held_on
    )?;
    for (what, new, typed, stored) in [
        (
            "program",
            opened.program.is_new(),
            args.program.trim(),
            &session.program,
        ),
        (
            "circle",
            opened.circle.is_new(),
            args.circle.trim(),
            &session.circle,
        ),
    ] {
        if new {
            writeln!(out, "created the {what} “{stored}” (it is new)")?;
        } else if typed != stored {
            writeln!(
                out,
                "matched the {what} “{stored}” (you typed “{typed}”; names are matched whatever their letter case)"
            )?;
        }
    }
    writeln!(
        out,
        "accepts up to {} responses until {until}",
        session.capacity
    )?;
    warn_about_links(&address);
    let Some(link) = address.link(&format!("/s/{}", session.code)) else {
        // No host to name: the code (and the tickets' codes) still work, typed in at the
        // address people open, once there is one.
        writeln!(
            out,
            "no link: set HEARTH_BASE_URL (or --base-url) to the address people open"
        )?;
        if !tickets.is_empty() {
            writeln!(out, "ticket codes (each works once):")?;
            for ticket in tickets {
                writeln!(out, "{}", ticket.grouped())?;
            }
        }
        return Ok(out);
    };
    writeln!(out, "link {link}")?;
    if let Some(token) = &session.kiosk {
        writeln!(
            out,
            "kiosk link (open it on the shared tablet; it stops working when the session closes) {link}/kiosk/{}",
            token.as_str()
        )?;
    }
    if !tickets.is_empty() {
        writeln!(out, "tickets (each works once):")?;
        for ticket in tickets {
            writeln!(out, "{link}?ticket={}", ticket.as_str())?;
        }
    }
    Ok(out)
}

/// `hearth session close`: closes the session and seals what has closed.
async fn session_close(store: &Store, code: &str) -> anyhow::Result<String> {
    let parsed = SessionCode::parse(code)
        .with_context(|| format!("{code:?} is not a session code (like K7QM-42)"))?;
    let by = domain::audit::Actor::CommandLine;
    let closed_now = catalog::close_session_by(store, &parsed, by).await?;
    collector::seal::seal_closed_sessions(store, catalog::now_unix()).await?;
    Ok(if closed_now {
        format!("session {parsed} closed\n")
    } else {
        format!("session {parsed} was closed already\n")
    })
}

/// `hearth release list`: one line per release, its ledger entries beneath it, then
/// the loss of one response per program and month.
async fn release_list(store: &Store) -> anyhow::Result<String> {
    let mut out = String::new();
    let releases = view::list_releases(store).await?;
    if releases.is_empty() {
        writeln!(out, "no releases yet")?;
    }
    let ledger = view::ledger(store).await?;
    for r in releases {
        let released = chrono::DateTime::from_timestamp(r.released_at, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default();
        writeln!(
            out,
            "{} · {} cells · {} · plan {} · thresholds {}/{} · {} · released {released}",
            r.period,
            r.cells,
            r.mechanism.key(),
            r.plan,
            r.manager_threshold,
            r.funder_threshold,
            r.code_version
        )?;
        if r.period.is_quarter() && r.plan >= 2 {
            writeln!(
                out,
                "    the sums of its released months: nothing measured, nothing spent"
            )?;
        }
        for l in ledger.iter().filter(|l| l.period == r.period) {
            writeln!(
                out,
                "    {:<18} {:<11} {}={:<8} scale {:<10} {} over {} cells",
                l.level.key(),
                l.group.key(),
                l.unit,
                l.spend,
                l.scale,
                l.sensitivity,
                l.cells
            )?;
        }
    }
    let losses = analytics::ledger::losses(&mut *store.pool().acquire().await?).await?;
    if !losses.is_empty() {
        let names: std::collections::HashMap<domain::ProgramId, String> = catalog::programs(store)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        writeln!(
            out,
            "loss per program and month (ε at δ = 1e-6 by the tight conversion): of one answer; \
             of a person's answers, up to as many as the month was planned for; of a weekly attender's 4 answers:"
        )?;
        for ((program, month), loss) in losses {
            let planned = loss.person(loss.answers_per_person, Neighbour::AddOrRemove)?;
            let weekly = loss.person(4, Neighbour::AddOrRemove)?;
            writeln!(
                out,
                "    {month} {:<28} {}={:<8} ε={:.2} · planned for {} answer{}: ε={:.2} · 4 answers: ε={:.2}",
                names.get(&program).map_or("?", String::as_str),
                loss.unit,
                loss.spend,
                loss.epsilon(),
                loss.answers_per_person,
                if loss.answers_per_person == 1 {
                    ""
                } else {
                    "s"
                },
                planned.epsilon,
                weekly.epsilon,
            )?;
        }
    }
    Ok(out)
}

/// `hearth digest --period P [--dry-run]`: a released period's digests, sent now or printed.
async fn digest(store: Store, args: DigestArgs) -> anyhow::Result<String> {
    let mailer = args.mail.mailer()?;
    if mailer.is_none() && !args.dry_run {
        anyhow::bail!(
            "no SMTP server: set HEARTH_SMTP_URL (or --smtp-url), or print them with --dry-run"
        );
    }
    let dash =
        dashboards::Dashboards::new(store, args.links.address()?, SignInLimits::default()).await?;
    let Some(digests) = hearth::notify::digests_of(&dash, args.period).await? else {
        anyhow::bail!(
            "{} has not been released (see `hearth release list`): no digest sent",
            args.period
        );
    };
    let mut out = String::new();
    let Some(mailer) = mailer.filter(|_| !args.dry_run) else {
        for d in &digests {
            out.push_str(&format!(
                "To: {}\nSubject: {}\n\n{}\n",
                d.to, d.subject, d.text
            ));
        }
        out.push_str(&format!(
            "{} digests for {} (not sent: --dry-run)\n",
            digests.len(),
            args.period
        ));
        return Ok(out);
    };
    let mut sent = 0;
    for d in &digests {
        let outcome = mailer.send(d).await;
        if outcome.delivered {
            sent += 1;
        } else {
            out.push_str(&format!("not sent to {}: {}\n", d.to, outcome.status));
        }
    }
    domain::audit::record(
        store_pool(&dash),
        domain::audit::Entry::new(
            domain::audit::Actor::CommandLine,
            domain::audit::Action::DigestsSent,
            &format!("digest for {} sent to {sent} staff", args.period),
        ),
    )
    .await?;
    out.push_str(&format!(
        "digest for {} sent to {sent} of {} staff\n",
        args.period,
        digests.len()
    ));
    Ok(out)
}

fn store_pool(dash: &dashboards::Dashboards) -> &sqlx::AnyPool {
    dash.store.pool()
}

/// `hearth release --period P`: one line summing up the release.
async fn release_period(store: &Store, period: Period) -> anyhow::Result<String> {
    let today = chrono::Utc::now().date_naive();
    let summary = release::release_watched(
        store,
        period,
        today,
        &ReleaseOptions::new(),
        &Bars::on_terminal(),
    )
    .await?;
    Ok(format!(
        "released {} · {} cells · {} per response for its month: {} · {:.1}s\n",
        summary.period,
        summary.cells,
        summary.unit,
        summary.spend_per_response_month,
        summary.timings.0 + summary.timings.1
    ))
}

/// `hearth export`: the release's table for the audience, to standard output or to
/// `--out` with the data dictionary beside it. Written as bytes, not through
/// `print_out`: a Parquet export is not text.
async fn export(store: &Store, args: ExportArgs) -> anyhow::Result<()> {
    let Some(stored) = view::load_release(store, args.period).await? else {
        anyhow::bail!(
            "{} has not been released (see `hearth release list`)",
            args.period
        );
    };
    let mut frame = view::export_frame(&stored, args.audience.into())?;
    let format = ExportFormat::from(args.format);
    let what = format!(
        "{} for the {:?} audience as {:?}",
        args.period, args.audience, args.format
    )
    .to_lowercase();
    domain::audit::record(
        store.pool(),
        domain::audit::Entry::new(
            domain::audit::Actor::CommandLine,
            domain::audit::Action::Exported,
            &what,
        ),
    )
    .await?;
    match args.out {
        Some(path) => {
            let mut file = std::fs::File::create(&path)
                .with_context(|| format!("creating {}", path.display()))?;
            view::write_export(&mut frame, format, &mut file)?;
            let mut name = path.into_os_string();
            name.push(".dictionary.csv");
            let mut dictionary = std::fs::File::create(&name)
                .with_context(|| format!("creating {}", name.to_string_lossy()))?;
            view::write_export(
                &mut view::dictionary_frame()?,
                ExportFormat::Csv,
                &mut dictionary,
            )?;
        }
        None => {
            let mut buffer = Vec::new();
            view::write_export(&mut frame, format, &mut buffer)?;
            // A reader that went away (`| head`) is not an error, as in `print_out`.
            let _ = std::io::stdout().lock().write_all(&buffer);
        }
    }
    Ok(())
}

/// `hearth privacy …`: the settings in force, a change to one, and the accuracy and
/// measurement plan they give.
async fn privacy(store: &Store, command: PrivacyCommand) -> anyhow::Result<String> {
    use analytics::budget::{load_settings, save_setting};
    Ok(match command {
        PrivacyCommand::Show => {
            let mut out = String::new();
            for (name, value) in load_settings(store).await?.entries() {
                writeln!(out, "{name} = {value}")?;
            }
            let days = analytics::retention::load_days(store).await?;
            writeln!(out, "{} = {days}", analytics::retention::SETTING)?;
            out
        }
        PrivacyCommand::Set { name, value } if name == analytics::retention::SETTING.key() => {
            let days = analytics::retention::parse_days(&value)?;
            let actor = domain::audit::Actor::CommandLine;
            match analytics::retention::save_days(store, days, actor).await? {
                None => format!("{name} was {days} already; nothing changed\n"),
                Some(old) => format!(
                    "{name} set ({old} → {days} days): raw answers go {days} days after their month and quarter are both released\n"
                ),
            }
        }
        PrivacyCommand::Set { name, value } => {
            let before = load_settings(store).await?;
            let after =
                save_setting(store, &name, &value, domain::audit::Actor::CommandLine).await?;
            let mut out = format!("{name} set; it applies to releases from now on\n");
            if before.answers_per_person != after.answers_per_person {
                writeln!(
                    out,
                    "Note: the budget {} {} now protects one person answering up to {} times a month: \
                     each answer gets {} {}. See `hearth privacy accuracy` for what that does to the margins.",
                    after.mechanism.unit(),
                    after.budget,
                    after.answers_per_person,
                    after.mechanism.unit(),
                    after.per_response_budget()?,
                )?;
            }
            if before.mechanism != after.mechanism {
                // The budget's number stays, but its unit changed: say so, never silently.
                writeln!(
                    out,
                    "Note: the budget {} is now read in {} (it was in {}), which changes the noise: \
                     see `hearth privacy accuracy`, and set privacy.budget in {} if needed.",
                    after.budget,
                    after.mechanism.unit(),
                    before.mechanism.unit(),
                    after.mechanism.unit()
                )?;
            }
            out
        }
        PrivacyCommand::Accuracy { circles, programs } => {
            let settings = load_settings(store).await?;
            format!(
                "{}\n{}",
                analytics::plan::accuracy_markdown(
                    &settings,
                    analytics::plan::Shape { circles, programs },
                )?,
                analytics::person::table_markdown(&settings)?
            )
        }
        PrivacyCommand::Plan => analytics::plan::plan_markdown(&load_settings(store).await?)?,
    })
}

/// `hearth retention status|apply`.
async fn retention(store: &Store, command: RetentionCommand) -> anyhow::Result<String> {
    use analytics::retention;
    let days = retention::load_days(store).await?;
    let mut out = String::new();
    match command {
        RetentionCommand::Status => {
            writeln!(
                out,
                "raw answers are deleted {days} days after their month and its quarter are both released ({} = {days})",
                retention::SETTING
            )?;
            let months = retention::status(store, days).await?;
            if months.is_empty() {
                writeln!(out, "no sessions yet")?;
            }
            for month in months {
                writeln!(out, "{}  {}", month.month, month.describe(days))?;
            }
        }
        RetentionCommand::Apply => {
            let now = chrono::Utc::now().timestamp();
            let applied = retention::apply(store, now, domain::audit::Actor::CommandLine).await?;
            if applied.months.is_empty() {
                writeln!(out, "nothing is due: no answers deleted")?;
            } else {
                writeln!(
                    out,
                    "deleted the raw answers of {}; releases are unchanged",
                    applied.describe()
                )?;
            }
        }
    }
    Ok(out)
}

/// `hearth backup --out FILE`.
async fn backup(store: &Store, args: BackupArgs) -> anyhow::Result<String> {
    let summary = hearth::backup::backup(store, &args.out).await?;
    let mut out = String::new();
    if !summary.retention.months.is_empty() {
        writeln!(
            out,
            "retention first: deleted the raw answers of {}",
            summary.retention.describe()
        )?;
    }
    writeln!(
        out,
        "backup written to {} ({} bytes); keep it no longer than docs/deploy.md says",
        args.out.display(),
        summary.bytes
    )?;
    Ok(out)
}

/// `hearth restore FILE`: restores, then migrates and says what the database holds.
async fn restore(database_url: &str, args: &RestoreArgs) -> anyhow::Result<()> {
    hearth::backup::restore(database_url, &args.file).await?;
    let store = Store::connect(database_url)
        .await
        .with_context(|| format!("opening {}", redact_url(database_url)))?;
    store.migrate().await?;
    let releases = view::list_releases(&store).await?.len();
    let accounts: i64 = sqlx::query_scalar("select count(*) from staff_user")
        .fetch_one(store.pool())
        .await?;
    store.close().await;
    print_out(&format!(
        "restored {} into {}: {releases} releases, {accounts} staff accounts; staff sign in again\n",
        args.file.display(),
        redact_url(database_url)
    ));
    Ok(())
}

/// Serves the app on the bound listener until a shutdown signal, releasing due periods in
/// the background. Says at start-up, loudly, what would waste a facilitator's evening:
/// links phones cannot follow, and no account to sign in with.
async fn run_server(
    store: Store,
    (listener, local): (PeerlessListener, std::net::SocketAddr),
    args: ServeArgs,
    address: PublicAddress,
    database_url: &str,
) -> anyhow::Result<()> {
    analytics::schedule::spawn_auto_release(store.clone(), args.release_grace_hours);
    let limits = hearth::ServeLimits::from(args.limits);
    let no_account = !account::any_account(&store).await?;
    let factor_key = args.sign_in.factor_key()?;
    if factor_key.is_none() {
        tracing::warn!(
            "no HEARTH_SECOND_FACTOR_KEY: staff authenticator secrets are stored unsealed (see docs/deploy.md)"
        );
    }
    let mut state = AppState::new(
        store,
        Settings {
            crisis_line: args.crisis_line,
        },
        address.clone(),
        args.sign_in.limits(),
    )
    .await?;
    state.dashboards = state
        .dashboards
        .with_second_factor_key(factor_key)
        .with_api_limit(dashboards::ApiLimit(args.api_requests_per_minute));
    state.dashboards.release_grace_hours = args.release_grace_hours;
    if let Some(settings) = args.sso.settings() {
        let issuer = settings.issuer.clone();
        state.dashboards = state.dashboards.with_single_sign_on(settings)?;
        tracing::info!(
            "single sign-on through {issuer}: register {} as the redirect URI there",
            address
                .link(dashboards::sso::CALLBACK_PATH)
                .unwrap_or_default()
        );
    }
    state.dashboards.spawn_warm_up();
    let mailer = args.mail.mailer()?;
    state.dashboards.mail = mailer.is_some();
    if mailer.is_none() {
        tracing::info!("no HEARTH_SMTP_URL: release digests are not sent (webhooks still are)");
    }
    hearth::notify::Notifier::new(state.dashboards.clone(), mailer)?.spawn();
    // Said before the line that announces the port: whoever watches for that line (a
    // test, a supervisor) has seen these by then.
    match (address.base(), address.warning()) {
        (Some(base), None) => tracing::info!("participants' links and QR codes point to {base}"),
        (_, Some(warning)) => tracing::warn!("{warning}"),
        (None, None) => {}
    }
    if no_account {
        tracing::warn!(
            "Hearth has no staff account yet: make the first admin with `{}` (same database settings), then sign in at /staff/sign-in",
            account::FIRST_ADMIN
        );
    }
    tracing::info!(database = %redact_url(database_url), "Hearth is listening on http://{local} (staff pages at /staff)");
    serve_with(listener, app(state), shutdown_signal(), limits).await?;
    Ok(())
}

/// Fills the (empty) store with the demo network and prints the accounts.
async fn make_demo(store: &Store, seed: u64, address: &PublicAddress) -> anyhow::Result<()> {
    let today = Local::now().date_naive();
    let started = std::time::Instant::now();
    let summary =
        hearth::demo::generate(store, today, seed, std::io::stderr().is_terminal()).await?;
    let mut out = String::new();
    writeln!(
        out,
        "demo network ready: 3 programs, 12 circles, {} sessions, {} responses, {} releases ({}–{}) in {:.1}s",
        summary.sessions,
        summary.responses,
        summary.releases.len(),
        summary.releases.first().map(String::as_str).unwrap_or(""),
        summary.releases.last().map(String::as_str).unwrap_or(""),
        started.elapsed().as_secs_f64()
    )?;
    match address.link("/staff/sign-in") {
        Some(sign_in) => writeln!(out, "sign in at {sign_in} with one of these demo accounts:")?,
        None => writeln!(
            out,
            "sign in at /staff/sign-in, on the address of this computer that you open, with one of these demo accounts:"
        )?,
    }
    for a in &summary.accounts {
        writeln!(out, "{:<12} {:<28} {}", a.role.label(), a.email, a.password)?;
    }
    print_out(&out);
    Ok(())
}

/// A new account's password: asked twice at a terminal, else one line of standard input.
/// Never a flag, so it stays out of shell history and process lists.
fn read_password(email: &str) -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!("password for {email}: "))?;
        let again = rpassword::prompt_password("again: ")?;
        anyhow::ensure!(
            first == again,
            "the two passwords differ; nothing was added"
        );
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// Prints command output; a reader that went away (`| head`) is not an error.
/// `hearth api-token add|list|revoke`: the same rules and audit entries as the admin's
/// page (`dashboards::api::token`).
async fn api_token(store: &Store, command: ApiTokenCommand) -> anyhow::Result<String> {
    use dashboards::api::token;
    Ok(match command {
        ApiTokenCommand::Add(args) => {
            let audience = match args.audience {
                AudienceArg::Manager => "manager",
                AudienceArg::Funder => "funder",
            };
            let new = token::NewToken::new(&args.name, audience, args.program.as_deref())?;
            let (made, text) = token::add(store, Actor::CommandLine, &new).await?;
            format!(
                "made API token {:?} ({}, {})\n{}\nIt is shown only this once: Hearth keeps only its SHA-256.\n",
                made.name,
                made.audience.key(),
                made.program.as_deref().unwrap_or("all programs"),
                text.expose()
            )
        }
        ApiTokenCommand::List => {
            let mut out = String::from("name\taudience\tprogram\tmade\tlast used\trevoked\n");
            for t in token::list(store).await? {
                let day =
                    |d: Option<chrono::NaiveDate>| d.map_or("-".to_owned(), |d| d.to_string());
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\n",
                    t.name,
                    t.audience.key(),
                    t.program.as_deref().unwrap_or("all programs"),
                    t.created_on,
                    day(t.last_used_on),
                    day(t.revoked_on),
                ));
            }
            out
        }
        ApiTokenCommand::Revoke(args) => {
            token::revoke_by_name(store, Actor::CommandLine, &args.name).await?;
            format!("revoked API token {:?}\n", args.name.trim())
        }
    })
}

fn print_out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
