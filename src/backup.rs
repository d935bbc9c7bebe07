//! Backups and restores: a consistent copy of a running Hearth, and a fresh instance
//! brought up from one.
//!
//! SQLite: `VACUUM INTO` copies the database inside one read transaction, so the copy is
//! the database as it stood at one instant — every transaction committed before that
//! instant is in it whole, none committed after is in it at all — while `hearth serve`
//! goes on taking submissions (in WAL mode a reader never blocks the writer). The copy is
//! written beside the target under a temporary name, checked, and renamed into place, so a
//! half-written backup never carries the target's name.
//!
//! PostgreSQL: `pg_dump` (custom format) does the same from one repeatable-read snapshot;
//! `hearth backup` runs it when it is installed and says how to install it when not. The
//! connection settings reach it through the `PG*` environment variables, never the
//! command line, where other users of the machine could read a password.
//!
//! # Privacy
//! A backup honours retention by construction: `hearth backup` applies retention first
//! (what is due is deleted from the live database, with its audit entry), and a copy holds
//! only rows that exist. It holds no staff sign-in session (they are credentials, and
//! emptied in the copy: after a restore everyone signs in again) and no sign-in attempt
//! counts. It still holds every answer not yet past retention: keep backups only as long
//! as docs/deploy.md says, or a backup outlives the promise retention makes.

use std::path::{Path, PathBuf};
use std::process::Command;

use domain::audit::Actor;
use domain::{Backend, Store};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{ConnectOptions, Connection, Executor};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists already: choose a new file name (a backup never overwrites a file)")]
    Exists(PathBuf),
    #[error(
        "{0} exists already: restore brings up a fresh instance, so give it a database that does not exist yet"
    )]
    TargetExists(String),
    #[error("{0} is not a Hearth backup: {1}")]
    NotABackup(PathBuf, String),
    #[error(
        "the PostgreSQL database to restore into is not empty (it has {0} tables): create an empty one (createdb) and restore into it"
    )]
    TargetNotEmpty(i64),
    #[error(
        "{0} was not found. On PostgreSQL, `hearth {1}` runs {0} from the PostgreSQL client tools \
         (Debian/Ubuntu: apt install postgresql-client; its major version must be at least the server's). \
         Or run it yourself: see docs/deploy.md, “Backups”."
    )]
    ToolMissing(&'static str, &'static str),
    #[error("{0} failed ({1}); nothing was written under the backup's name")]
    ToolFailed(&'static str, String),
    #[error("the database URL cannot be read: {0}")]
    Url(String),
    #[error("an in-memory database has nothing to back up or restore into")]
    InMemory,
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// What a backup holds, to print.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub bytes: u64,
    /// Months whose answers retention deleted just before the copy.
    pub retention: analytics::retention::Applied,
}

/// Writes a consistent copy of the store to `out` (a new file), after applying retention.
pub async fn backup(store: &Store, out: &Path) -> Result<Summary, BackupError> {
    if out.exists() {
        return Err(BackupError::Exists(out.to_owned()));
    }
    let retention =
        analytics::retention::apply(store, chrono::Utc::now().timestamp(), Actor::CommandLine)
            .await?;
    let partial = partial_name(out);
    let _ = std::fs::remove_file(&partial);
    let written = match store.backend() {
        Backend::Sqlite => sqlite_backup(store, &partial).await,
        Backend::Postgres => pg_backup(store.url(), &partial),
    };
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(error);
    }
    std::fs::File::open(&partial)?.sync_all()?;
    std::fs::rename(&partial, out)?;
    Ok(Summary {
        bytes: std::fs::metadata(out)?.len(),
        retention,
    })
}

fn partial_name(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}

async fn sqlite_backup(store: &Store, partial: &Path) -> Result<(), BackupError> {
    if store.sqlite_path().is_none() {
        return Err(BackupError::InMemory);
    }
    let target = partial
        .to_str()
        .ok_or_else(|| BackupError::Url("the backup's file name is not UTF-8".into()))?;
    // One statement, one read transaction: the copy is one instant of the database.
    sqlx::query("vacuum into $1")
        .bind(target)
        .execute(store.pool())
        .await?;
    // Sign-in sessions are credentials and sign-in attempts are of no use after a restore.
    let mut copy = SqliteConnectOptions::new()
        .filename(partial)
        .journal_mode(SqliteJournalMode::Delete)
        .disable_statement_logging()
        .connect()
        .await?;
    copy.execute(
        "pragma secure_delete = on; delete from staff_session; delete from sign_in_attempt;",
    )
    .await?;
    copy.execute("vacuum").await?;
    let check: String = sqlx::query_scalar("pragma integrity_check")
        .fetch_one(&mut copy)
        .await?;
    copy.close().await?;
    if check != "ok" {
        return Err(BackupError::ToolFailed("the copy's integrity check", check));
    }
    Ok(())
}

/// The `PG*` environment a client tool needs to reach `url`'s database, password included.
fn pg_env(url: &str) -> Result<Vec<(&'static str, String)>, BackupError> {
    let parsed = url::Url::parse(url).map_err(|e| BackupError::Url(e.to_string()))?;
    let decode = |s: &str| {
        url::form_urlencoded::parse(format!("x={s}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    let mut env = vec![];
    if let Some(host) = parsed.host_str() {
        env.push(("PGHOST", host.to_owned()));
    }
    if let Some(port) = parsed.port() {
        env.push(("PGPORT", port.to_string()));
    }
    if !parsed.username().is_empty() {
        env.push(("PGUSER", decode(parsed.username())));
    }
    if let Some(password) = parsed.password() {
        env.push(("PGPASSWORD", decode(password)));
    }
    let database = parsed.path().trim_start_matches('/');
    if !database.is_empty() {
        env.push(("PGDATABASE", decode(database)));
    }
    for (key, value) in parsed.query_pairs() {
        match key.as_ref() {
            "sslmode" => env.push(("PGSSLMODE", value.into_owned())),
            "sslrootcert" => env.push(("PGSSLROOTCERT", value.into_owned())),
            _ => {}
        }
    }
    Ok(env)
}

fn run_tool(
    tool: &'static str,
    command: &'static str,
    url: &str,
    args: &[&std::ffi::OsStr],
) -> Result<(), BackupError> {
    let output = Command::new(tool)
        .args(args)
        .env_remove("PGSERVICE")
        .envs(pg_env(url)?)
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => BackupError::ToolMissing(tool, command),
            _ => BackupError::Io(e),
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(BackupError::ToolFailed(tool, stderr.trim().to_owned()));
    }
    Ok(())
}

fn pg_backup(url: &str, partial: &Path) -> Result<(), BackupError> {
    run_tool(
        "pg_dump",
        "backup",
        url,
        &[
            "--format=custom".as_ref(),
            "--no-owner".as_ref(),
            "--no-privileges".as_ref(),
            // Credentials, as in the SQLite copy: the restored tables are empty.
            "--exclude-table-data=staff_session".as_ref(),
            "--exclude-table-data=sign_in_attempt".as_ref(),
            "--file".as_ref(),
            partial.as_os_str(),
        ],
    )
}

/// Brings a fresh database at `url` up from the backup `file`: a SQLite file that does
/// not exist yet, or an empty PostgreSQL database. The caller migrates it afterwards (a
/// backup from an older Hearth is brought up to date the way any database is).
pub async fn restore(url: &str, file: &Path) -> Result<(), BackupError> {
    if !file.is_file() {
        return Err(BackupError::NotABackup(
            file.to_owned(),
            "no such file".into(),
        ));
    }
    if url.starts_with("sqlite:") {
        let rest = url.strip_prefix("sqlite:").unwrap_or_default();
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() || path.contains(":memory:") {
            return Err(BackupError::InMemory);
        }
        let target = PathBuf::from(path);
        for existing in [path.to_owned(), format!("{path}-wal")] {
            if Path::new(&existing).exists() {
                return Err(BackupError::TargetExists(existing));
            }
        }
        let partial = partial_name(&target);
        std::fs::copy(file, &partial)?;
        let checked = check_sqlite_backup(&partial).await;
        if let Err(error) = checked {
            let _ = std::fs::remove_file(&partial);
            return Err(match error {
                BackupError::Database(e) => BackupError::NotABackup(file.to_owned(), e.to_string()),
                other => other,
            });
        }
        std::fs::File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, &target)?;
        Ok(())
    } else {
        // The target must be empty: a restore never merges into live data.
        let store = Store::connect(url)
            .await
            .map_err(|e| BackupError::Url(e.to_string()))?;
        let tables: i64 = sqlx::query_scalar(
            "select count(*) from information_schema.tables where table_schema = 'public'",
        )
        .fetch_one(store.pool())
        .await?;
        store.close().await;
        if tables > 0 {
            return Err(BackupError::TargetNotEmpty(tables));
        }
        // Without --dbname pg_restore would print SQL instead of restoring; the name alone
        // (no password) is safe on the command line.
        let database = pg_env(url)?
            .into_iter()
            .find(|(k, _)| *k == "PGDATABASE")
            .map(|(_, v)| v)
            .unwrap_or_else(|| "postgres".into());
        run_tool(
            "pg_restore",
            "restore",
            url,
            &[
                "--no-owner".as_ref(),
                "--no-privileges".as_ref(),
                "--exit-on-error".as_ref(),
                "--single-transaction".as_ref(),
                "--dbname".as_ref(),
                database.as_ref(),
                file.as_os_str(),
            ],
        )
    }
}

async fn check_sqlite_backup(path: &Path) -> Result<(), BackupError> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .disable_statement_logging()
        .connect()
        .await?;
    let check: String = sqlx::query_scalar("pragma integrity_check")
        .fetch_one(&mut conn)
        .await?;
    let migrations: i64 = sqlx::query_scalar(
        "select count(*) from sqlite_master where name in ('_sqlx_migrations', 'response', 'data_release')",
    )
    .fetch_one(&mut conn)
    .await?;
    conn.close().await?;
    if check != "ok" {
        return Err(BackupError::NotABackup(path.to_owned(), check));
    }
    if migrations != 3 {
        return Err(BackupError::NotABackup(
            path.to_owned(),
            "it holds no Hearth tables".into(),
        ));
    }
    Ok(())
}
