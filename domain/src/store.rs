//! The database: one pool over SQLite (embedded default) or PostgreSQL (scale-out), chosen
//! by the URL, and the one portable migration set in `migrations/`.

use std::time::Duration;

use log::LevelFilter;
use rand::RngExt;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, ConnectOptions, Executor};

/// Every migration of the workspace, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL (expected sqlite:… or postgres://…)")]
    UnsupportedUrl,
    #[error("cannot connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// A handle to the database, cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// The URL connected to, for bulk readers that need their own connection. May hold a
    /// password: never print it.
    url: String,
}

impl Store {
    /// Connects to `url`. A SQLite file is created when missing and runs in WAL mode with
    /// `synchronous = full`, so a committed response survives a crash or power loss.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        install_default_drivers();
        let (backend, url) = if url.starts_with("sqlite:") {
            let url = if url.contains("mode=") || url.contains(":memory:") {
                url.to_owned()
            } else if url.contains('?') {
                format!("{url}&mode=rwc")
            } else {
                format!("{url}?mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_owned())
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        // Statement logs would put a timestamped line next to every submission: off.
        let options: AnyConnectOptions = url
            .parse::<AnyConnectOptions>()
            .map_err(StoreError::Connect)?
            .log_statements(LevelFilter::Off)
            .log_slow_statements(LevelFilter::Off, Duration::ZERO);
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Postgres {
                        // A statement that hangs fails instead, so no participant waits on it.
                        conn.execute("set statement_timeout = '15s'").await?;
                    }
                    if backend == Backend::Sqlite {
                        conn.execute(
                            "pragma journal_mode = wal; pragma synchronous = full; \
                             pragma busy_timeout = 5000; pragma foreign_keys = on; \
                             pragma wal_autocheckpoint = 0; pragma cache_size = -65536; \
                             pragma secure_delete = on;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        Ok(Store { pool, backend, url })
    }

    /// SQLite only: moves the write-ahead log into the database file every second, off the
    /// commit path. (Automatic checkpoints are off on every connection: they would run
    /// inside whichever commit crossed the threshold and stall every submission waiting on
    /// it.) A passive checkpoint never blocks readers or the writer. The task ends when the
    /// pool is closed.
    pub fn spawn_checkpointer(&self) {
        if self.backend != Backend::Sqlite {
            return;
        }
        let pool = self.pool.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            while !pool.is_closed() {
                tick.tick().await;
                if let Err(error) = sqlx::query("pragma wal_checkpoint(passive)")
                    .execute(&pool)
                    .await
                    && !pool.is_closed()
                {
                    tracing::warn!(error = %error, "checkpoint failed");
                }
            }
        });
    }

    /// SQLite only: writes the write-ahead log into the database file and empties it, so
    /// older page images (arrival order, deleted answers) no longer sit in the log. It
    /// waits for readers (the busy timeout) and is tried again a few times, since a
    /// checkpoint that a reader holds up reports "busy" instead of failing; returns whether
    /// the log was emptied. On PostgreSQL it does nothing and returns true.
    pub async fn empty_write_ahead_log(&self) -> Result<bool, sqlx::Error> {
        if self.backend != Backend::Sqlite {
            return Ok(true);
        }
        for _ in 0..20 {
            let row = sqlx::query("pragma wal_checkpoint(truncate)")
                .fetch_one(&self.pool)
                .await?;
            let busy: i64 = sqlx::Row::try_get(&row, 0)?;
            if busy == 0 {
                return Ok(true);
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        Ok(false)
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Begins a transaction that is going to write, holding the write lock from its start.
    ///
    /// On SQLite, `begin immediate`: a deferred transaction (`begin`, what
    /// [`AnyPool::begin`] sends) that reads first takes the write lock only at its first
    /// write, and if another connection holds the lock or has written since that read,
    /// SQLite answers "database is locked" at once, without waiting out the busy timeout
    /// (waiting could not help: the read is already stale). `begin immediate` takes the
    /// lock at the start instead, waiting for it like any write. On PostgreSQL, a plain
    /// `begin`: row locks are taken as the statements run, and a read never blocks a write.
    /// A transaction whose first statement writes takes the lock there, waiting for it,
    /// and needs none of this; every write transaction in Hearth begins here all the same,
    /// so none can start reading first by a later edit and fail this way.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("begin immediate").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// The database URL (may hold a password: never print it).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The SQLite database file, for bulk readers (`None` on PostgreSQL or in memory).
    pub fn sqlite_path(&self) -> Option<&str> {
        let rest = self.url.strip_prefix("sqlite:")?;
        let rest = rest.strip_prefix("//").unwrap_or(rest);
        let path = rest.split('?').next().unwrap_or_default();
        (!path.is_empty() && !path.contains(":memory:")).then_some(path)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// True when the database answers a trivial query.
    ///
    /// Answers within a second: a health check that waited for the pool's acquire timeout
    /// would make a load balancer take every instance out while the database is down,
    /// and serve its own bare error instead of Hearth's page that keeps a participant's
    /// answers on the form.
    pub async fn is_healthy(&self) -> bool {
        let probe = sqlx::query("select 1").execute(&self.pool);
        matches!(
            tokio::time::timeout(Duration::from_secs(1), probe).await,
            Ok(Ok(_))
        )
    }

    /// Closes every connection; later queries fail as "unavailable".
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A fresh random row id: positive and within 31 bits, so it fits `integer` on both stores.
/// Inserts that use it say `on conflict (id) do nothing` and draw again on a collision.
pub fn random_id() -> i32 {
    rand::rng().random_range(1..=i32::MAX)
}

/// `rows` cut into chunks of the given sizes, each as large as what is left allows
/// (`sizes` largest first and ending in 1), so a bulk insert prepares only a few statement
/// shapes.
pub fn chunked<'a, T>(mut rows: &'a [T], sizes: &'static [usize]) -> impl Iterator<Item = &'a [T]> {
    std::iter::from_fn(move || {
        let size = *sizes.iter().find(|&&c| c <= rows.len())?;
        let (chunk, rest) = rows.split_at(size);
        rows = rest;
        Some(chunk)
    })
}
