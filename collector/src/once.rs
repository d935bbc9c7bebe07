//! Forms that send once.
//!
//! Every participant form page carries a token in a hidden field (`once`): a random nonce
//! and an HMAC-SHA256 of the session's id and that nonce, under a key kept in the database
//! (`form_key`, made at random the first time any instance draws a form, and shared by
//! every `hearth serve` on the store). Drawing a form writes nothing. When a response is
//! stored, the SHA-256 of its form's token is stored in the same transaction (`form_sent`),
//! so the same form sent again — a double tap, the back button, the browser's "send
//! again?" prompt after a refusal or an outage — finds its hash there, stores nothing, and
//! is told calmly that the answers were already saved. A refused submission writes no
//! hash, so it can be fixed and sent again.
//!
//! A token belongs to one drawing of a form, so the browser must not dress a new drawing
//! as the old one: pages are `no-store`, and a browser that draws the form again when the
//! participant goes back (rather than showing the page it kept) would restore the ticked
//! answers into a form with a new token. Every participant form therefore has
//! `autocomplete="off"` (as the kiosk's had): going back shows either the very page that
//! was sent, whose token is used, or an empty form.
//!
//! A token is an idempotency key, not a permission: anyone can draw a fresh form, so it
//! does not stop a person answering twice on purpose (single-use tickets do that). A form
//! sent without a token (a page drawn before tokens existed) is taken as before.
//!
//! # Privacy
//! A token is 128 random bits and a tag: nothing about who drew the form, when, or how
//! many forms were drawn. It travels only in the form body, is never logged and never
//! stored; only its hash is, and only for a form that stored a response, so rows are
//! bounded by the session's capacity and say nothing about pages opened. The hash sits in
//! its own table with no response column. On PostgreSQL every row carries the id of the
//! transaction that last wrote it (`xmin`), and the physical order of rows follows the
//! order they were written, on both stores; so the batch that adds a session's hashes
//! deletes all of them and writes them again in random order (see [`rewrite`]): they all
//! carry the latest transaction's id, in an order unrelated to arrival, and none can be
//! paired with the response it came with. Sealing deletes them.

use std::fmt;

use rand::seq::SliceRandom;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use domain::SessionId;
use domain::hex;
use domain::store::Store;

const NONCE_BYTES: usize = 16;
const TAG_BYTES: usize = 16;

/// The length of a token as a form carries it: nonce and tag, in hex.
pub const TOKEN_LEN: usize = 2 * (NONCE_BYTES + TAG_BYTES);

/// What the tag signs before the session and the nonce, so a tag made for anything else
/// with the same key can never pass as a form's.
const CONTEXT: &[u8] = b"hearth participant form v1\0";

/// The key form tokens are signed with, shared by every instance through the store.
#[derive(Clone)]
pub struct FormKey([u8; 32]);

/// A key is a secret: never print it.
impl fmt::Debug for FormKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FormKey(..)")
    }
}

impl FormKey {
    /// The store's key, made at random by whichever instance asks first.
    pub async fn load(store: &Store) -> Result<FormKey, sqlx::Error> {
        let fresh: [u8; 32] = rand::random();
        sqlx::query("insert into form_key (id, secret) values (1, $1) on conflict (id) do nothing")
            .bind(hex::encode(&fresh))
            .execute(store.pool())
            .await?;
        let stored: String = sqlx::query_scalar("select secret from form_key where id = 1")
            .fetch_one(store.pool())
            .await?;
        hex::decode(&stored)
            .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
            .map(FormKey)
            .ok_or_else(|| sqlx::Error::Decode("form_key.secret is not 32 bytes of hex".into()))
    }

    /// A fresh token for one drawing of the form of session `session_id`.
    pub fn issue(&self, session_id: SessionId) -> FormToken {
        let nonce: [u8; NONCE_BYTES] = rand::random();
        let tag = self.tag(session_id, &nonce);
        FormToken(format!("{}{}", hex::encode(&nonce), hex::encode(&tag)))
    }

    /// The token a form of session `session_id` was sent with, if this key made it for
    /// that session; `None` for anything else (cut short, altered, made up, or another
    /// session's).
    pub fn verify(&self, session_id: SessionId, sent: &str) -> Option<FormToken> {
        if sent.len() != TOKEN_LEN {
            return None;
        }
        let bytes = hex::decode(sent)?;
        let (nonce, tag) = bytes.split_at(NONCE_BYTES);
        let expected = self.tag(session_id, nonce);
        let differs = expected
            .iter()
            .zip(tag)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        (differs == 0).then(|| FormToken(sent.to_ascii_lowercase()))
    }

    fn tag(&self, session_id: SessionId, nonce: &[u8]) -> [u8; TAG_BYTES] {
        let mut message = Vec::with_capacity(CONTEXT.len() + 4 + nonce.len());
        message.extend_from_slice(CONTEXT);
        message.extend_from_slice(&session_id.get().to_be_bytes());
        message.extend_from_slice(nonce);
        let mac = hmac_sha256(&self.0, &message);
        let mut tag = [0u8; TAG_BYTES];
        tag.copy_from_slice(&mac[..TAG_BYTES]);
        tag
    }
}

/// A form's token as it was drawn or sent, checked. Only its [`FormHash`] is ever stored.
#[derive(Clone, PartialEq, Eq)]
pub struct FormToken(String);

impl FormToken {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn hash(&self) -> FormHash {
        FormHash(hex::encode(&Sha256::digest(self.0.as_bytes())))
    }
}

/// Tokens stay out of logs: never print one by accident.
impl fmt::Debug for FormToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FormToken(..)")
    }
}

/// SHA-256 of a form token, hex: what `form_sent` holds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FormHash(String);

impl FormHash {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether the form with this hash has stored a response (and its session is not sealed).
pub async fn was_sent(store: &Store, hash: &FormHash) -> Result<bool, sqlx::Error> {
    let found: i64 = sqlx::query_scalar("select count(*) from form_sent where hash = $1")
        .bind(hash.as_str())
        .fetch_one(store.pool())
        .await?;
    Ok(found > 0)
}

/// The hashes of the forms that stored a response in session `session_id`.
pub(crate) async fn sent_in(
    conn: &mut AnyConnection,
    session_id: SessionId,
) -> Result<Vec<FormHash>, sqlx::Error> {
    let hashes: Vec<String> =
        sqlx::query_scalar("select hash from form_sent where session_id = $1")
            .bind(session_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(hashes.into_iter().map(FormHash).collect())
}

/// Rows per insert: only these few statement shapes are ever prepared.
const CHUNKS: [usize; 3] = [64, 8, 1];

/// Makes `hashes` the session's whole set of sent forms: deletes its rows and writes them
/// all again, in random order, in the caller's transaction.
///
/// # Privacy
/// This is what keeps a hash from being paired with its response: every row of the
/// session is written by the same transaction as the newest responses, so on PostgreSQL
/// they all carry its `xmin`, and their order in the table (SQLite's records within a page,
/// PostgreSQL's heap) is a shuffle, not arrival. The cost is one rewrite of at most the
/// session's capacity of rows per batch, as with tickets.
pub(crate) async fn rewrite(
    conn: &mut AnyConnection,
    session_id: SessionId,
    mut hashes: Vec<FormHash>,
) -> Result<(), sqlx::Error> {
    erase(conn, session_id).await?;
    hashes.shuffle(&mut rand::rng());
    for chunk in domain::store::chunked(&hashes, &CHUNKS) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql = format!(
            "insert into form_sent (hash, session_id) values {}",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for hash in chunk {
            query = query.bind(hash.as_str()).bind(session_id);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Deletes every sent-form hash of session `session_id` (sealing; a rewrite).
pub(crate) async fn erase(
    conn: &mut AnyConnection,
    session_id: SessionId,
) -> Result<(), sqlx::Error> {
    sqlx::query("delete from form_sent where session_id = $1")
        .bind(session_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// HMAC-SHA256 (RFC 2104), from the `hmac` crate.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2_hmac::Sha256> as Mac>::new_from_slice(key)
        .expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> FormKey {
        FormKey([7; 32])
    }

    #[test]
    fn hmac_matches_the_rfc_4231_vectors() {
        let cases: [(&[u8], &[u8], &str); 3] = [
            (
                &[0x0b; 20],
                b"Hi There",
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            ),
            (
                b"Jefe",
                b"what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            ),
            (
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            ),
        ];
        for (key, message, expected) in cases {
            assert_eq!(hex::encode(&hmac_sha256(key, message)), expected);
        }
    }

    #[test]
    fn a_token_passes_for_its_session_only() {
        let token = key().issue(SessionId::new(41));
        assert_eq!(token.as_str().len(), TOKEN_LEN);
        assert_eq!(
            key().verify(SessionId::new(41), token.as_str()),
            Some(token.clone())
        );
        assert_eq!(
            key().verify(SessionId::new(41), &token.as_str().to_ascii_uppercase()),
            Some(token.clone()),
            "hex is read in either case"
        );
        assert_eq!(
            key().verify(SessionId::new(42), token.as_str()),
            None,
            "another session's"
        );
        assert_eq!(
            FormKey([8; 32]).verify(SessionId::new(41), token.as_str()),
            None,
            "another key's"
        );
    }

    #[test]
    fn altered_short_or_made_up_tokens_fail() {
        let token = key().issue(SessionId::new(41));
        let text = token.as_str();
        for at in [0, NONCE_BYTES * 2, TOKEN_LEN - 1] {
            let flipped = if &text[at..=at] == "0" { "1" } else { "0" };
            let altered = format!("{}{flipped}{}", &text[..at], &text[at + 1..]);
            assert_eq!(
                key().verify(SessionId::new(41), &altered),
                None,
                "changed at {at}"
            );
        }
        for bad in [
            "",
            &text[..TOKEN_LEN - 2],
            &format!("{text}00"),
            &"z".repeat(TOKEN_LEN),
            &"é".repeat(TOKEN_LEN / 2),
        ] {
            assert_eq!(key().verify(SessionId::new(41), bad), None, "{bad:?}");
        }
    }

    #[test]
    fn tokens_are_fresh_and_never_printed() {
        let (a, b) = (
            key().issue(SessionId::new(41)),
            key().issue(SessionId::new(41)),
        );
        assert_ne!(a, b);
        assert_ne!(a.hash(), b.hash());
        assert_eq!(a.hash().as_str().len(), 64);
        assert!(!a.hash().as_str().contains(a.as_str()));
        assert_eq!(format!("{a:?}"), "FormToken(..)");
        assert_eq!(format!("{:?}", key()), "FormKey(..)");
    }
}
