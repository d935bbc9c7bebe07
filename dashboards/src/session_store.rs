//! Staff sign-in sessions, kept in the store so every `hearth serve` on it shares them.
//!
//! tower-sessions does the session work (ids, cookies, expiry, cycling the id at sign-in);
//! this is only its storage over Hearth's `Any` pool, on SQLite and PostgreSQL alike —
//! and [`end_sessions`], which signs an account out everywhere (a password changed or
//! reset, an account deactivated or removed).

use async_trait::async_trait;
use domain::StaffId;
use domain::Store;
use sqlx::AnyConnection;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

/// Where a staff session holds the id of the account signed in on it (the session data
/// is JSON such as `{"staff":123,…}`): written at sign-in (`auth`), read on every signed-in
/// request, and looked for by [`end_sessions`].
pub(crate) const SESSION_KEY: &str = "staff";

#[derive(Clone, Debug)]
pub struct StaffSessions(pub Store);

fn backend(error: sqlx::Error) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

#[async_trait]
impl SessionStore for StaffSessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let data = serde_json::to_string(&record.data)
            .map_err(|e| session_store::Error::Encode(e.to_string()))?;
        // Sign-ins are rare: each one also clears the sessions that have expired.
        sqlx::query("delete from staff_session where expires_at <= $1")
            .bind(OffsetDateTime::now_utc().unix_timestamp())
            .execute(self.0.pool())
            .await
            .map_err(backend)?;
        // A colliding id (2^-128) inserts nothing: draw another.
        loop {
            let inserted = sqlx::query(
                "insert into staff_session (id, data, expires_at) values ($1, $2, $3) on conflict (id) do nothing",
            )
            .bind(record.id.to_string())
            .bind(&data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(self.0.pool())
            .await
            .map_err(backend)?;
            if inserted.rows_affected() == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Updates a session that exists. A session deleted meanwhile ([`end_sessions`], or
    /// expired and cleared) stays deleted: a request still running on it when its account
    /// was signed out everywhere cannot write it back.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = serde_json::to_string(&record.data)
            .map_err(|e| session_store::Error::Encode(e.to_string()))?;
        sqlx::query("update staff_session set data = $2, expires_at = $3 where id = $1")
            .bind(record.id.to_string())
            .bind(data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(self.0.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let row: Option<(String, i64)> = sqlx::query_as(
            "select data, expires_at from staff_session where id = $1 and expires_at > $2",
        )
        .bind(id.to_string())
        .bind(now)
        .fetch_optional(self.0.pool())
        .await
        .map_err(backend)?;
        let Some((data, expires_at)) = row else {
            return Ok(None);
        };
        Ok(Some(Record {
            id: *id,
            data: serde_json::from_str(&data)
                .map_err(|e| session_store::Error::Decode(e.to_string()))?,
            expiry_date: OffsetDateTime::from_unix_timestamp(expires_at)
                .map_err(|e| session_store::Error::Decode(e.to_string()))?,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        sqlx::query("delete from staff_session where id = $1")
            .bind(id.to_string())
            .execute(self.0.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }
}

/// Ends every sign-in session of an account, on a transaction or connection (so it
/// commits with the change that calls for it). Their cookies then lead to the sign-in
/// page, on every `hearth serve` sharing the store.
pub(crate) async fn end_sessions(
    conn: &mut AnyConnection,
    account: StaffId,
) -> Result<(), sqlx::Error> {
    // The session data is JSON such as `{"staff":123,…}`: the text filter only narrows the
    // rows read; the parsed value decides.
    let rows: Vec<(String, String)> =
        sqlx::query_as("select id, data from staff_session where data like $1")
            .bind(format!("%\"{}\":{account}%", SESSION_KEY))
            .fetch_all(&mut *conn)
            .await?;
    for (id, data) in rows {
        let holder = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&data)
            .ok()
            .and_then(|map| map.get(SESSION_KEY).and_then(|v| v.as_i64()));
        if holder == Some(i64::from(account.get())) {
            sqlx::query("delete from staff_session where id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
