//! The `hearth` command: configuration, CLI and wiring only.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};

use anyhow::Context;
use chrono::{Local, NaiveDate, TimeZone};
use clap::{Args, Parser, Subcommand};
use collector::catalog::{self, NewSession};
use collector::code::SessionCode;
use collector::{Settings, Store};
use hearth::{AppState, PeerlessListener, app, redact_url, serve};

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

    /// The public address of this Hearth, used in printed links.
    #[arg(
        long,
        env = "HEARTH_BASE_URL",
        default_value = "http://127.0.0.1:8080",
        global = true
    )]
    base_url: String,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service (migrates the database first).
    Serve(ServeArgs),
    /// Apply the database migrations and exit.
    Migrate,
    /// Open or close a session.
    #[command(subcommand)]
    Session(SessionCommand),
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "HEARTH_BIND", default_value = "127.0.0.1:8080")]
    bind: String,

    /// Replaces the crisis line on the thanks page (default: the catalog's, "call or
    /// text 988" in the US).
    #[arg(long, env = "HEARTH_CRISIS_LINE")]
    crisis_line: Option<String>,
}

#[derive(Subcommand)]
enum SessionCommand {
    /// Open a session for a circle; prints its code, link and any ticket links.
    Open {
        /// Program name (created when new).
        #[arg(long)]
        program: String,
        /// Circle name within the program (created when new).
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
    },
    /// Close a session early.
    Close {
        /// The session code, e.g. K7QM-42.
        code: String,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let cli = Cli::parse();
    let base_url = cli.base_url.trim_end_matches('/').to_owned();
    let store = Store::connect(&cli.database_url)
        .await
        .with_context(|| format!("opening {}", redact_url(&cli.database_url)))?;
    store.migrate().await?;

    match cli.command {
        Command::Migrate => {
            print_out(&format!("migrated {}\n", redact_url(&cli.database_url)));
        }
        Command::Serve(args) => {
            let (listener, local) = PeerlessListener::bind(&args.bind)
                .await
                .with_context(|| format!("binding {}", args.bind))?;
            let state = AppState::new(
                store,
                Settings {
                    crisis_line: args.crisis_line,
                },
            );
            tracing::info!(database = %redact_url(&cli.database_url), "Hearth is listening on http://{local}");
            serve(listener, app(state), shutdown_signal()).await?;
        }
        Command::Session(SessionCommand::Open {
            program,
            circle,
            date,
            capacity,
            hours,
            tickets,
        }) => {
            let date = date.unwrap_or_else(|| Local::now().date_naive());
            let new = NewSession::new(&program, &circle, date, capacity, hours, tickets)?;
            let (session, tickets) = catalog::open_session(&store, &new).await?;
            let until = Local
                .timestamp_opt(session.closes_at, 0)
                .single()
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            let link = format!("{base_url}/s/{}", session.code);
            let mut out = String::new();
            writeln!(
                out,
                "session {} · {} · {} · {}",
                session.code, session.program, session.circle, session.held_on
            )?;
            writeln!(
                out,
                "accepts up to {} responses until {until}",
                session.capacity
            )?;
            writeln!(out, "link {link}")?;
            if !tickets.is_empty() {
                writeln!(out, "tickets (each works once):")?;
                for ticket in tickets {
                    writeln!(out, "{link}?ticket={}", ticket.as_str())?;
                }
            }
            print_out(&out);
        }
        Command::Session(SessionCommand::Close { code }) => {
            let parsed = SessionCode::parse(&code)
                .with_context(|| format!("{code:?} is not a session code (like K7QM-42)"))?;
            catalog::close_session(&store, &parsed).await?;
            collector::seal::seal_closed_sessions(&store, catalog::now_unix()).await?;
            print_out(&format!("session {parsed} closed\n"));
        }
    }
    Ok(())
}

/// Prints command output; a reader that went away (`| head`) is not an error.
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
