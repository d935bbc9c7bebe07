//! Known browsers: a browser that has signed in to an account keeps its own allowance of
//! sign-in attempts for that account, so a stranger spending the account's shared
//! allowance (every unknown browser's) cannot lock its owner out.
//!
//! The browser carries a cookie, `hearth_device`, holding up to [`KEPT`] tokens, one per
//! account signed in from it: a random nonce and an HMAC-SHA-256 of the nonce and the
//! account's id under a server key (`staff_secret.device_key`, shared by every instance).
//! A token counts only for the account it was made for, so signing in to one's own account
//! gives no allowance at anyone else's. The cookie is HttpOnly, SameSite=Strict, sent to
//! the sign-in pages only, and kept a year.
//!
//! # Privacy
//!
//! Nothing about the browser is stored: no address, no User-Agent, no list of devices.
//! The server keeps only attempt counts under a hash of the nonce, for two minutes
//! (`attempts`). The token is not a credential: it signs nobody in.

use axum::http::HeaderMap;
use axum::http::header::{COOKIE, SET_COOKIE};
use domain::StaffId;
use hmac::{Hmac, Mac};
use sha2_hmac::Sha256;

pub(crate) const COOKIE_NAME: &str = "hearth_device";
/// How many accounts one browser is remembered for (a shared office computer).
const KEPT: usize = 4;

/// The server key device tokens are signed with.
#[derive(Clone)]
pub(crate) struct DeviceKey(Vec<u8>);

impl DeviceKey {
    pub(crate) fn new(bytes: Vec<u8>) -> DeviceKey {
        DeviceKey(bytes)
    }

    fn mac(&self, account: StaffId, nonce: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key");
        mac.update(format!("{account}.{nonce}").as_bytes());
        domain::hex::encode(&mac.finalize().into_bytes())
    }

    fn valid_for(&self, account: StaffId, token: &str) -> Option<String> {
        let (nonce, sent) = token.split_once('.')?;
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key");
        mac.update(format!("{account}.{nonce}").as_bytes());
        let sent = domain::hex::decode(sent)?;
        mac.verify_slice(&sent).ok().map(|()| nonce.to_owned())
    }

    /// The nonce of the token this browser holds for `account`, if it holds a valid one.
    pub(crate) fn recognise(&self, headers: &HeaderMap, account: StaffId) -> Option<String> {
        tokens(headers)
            .iter()
            .find_map(|t| self.valid_for(account, t))
    }

    /// The `Set-Cookie` value that remembers this browser for `account` (and the other
    /// accounts it was remembered for, newest first, at most [`KEPT`]).
    pub(crate) fn remember(&self, headers: &HeaderMap, account: StaffId, secure: bool) -> String {
        let nonce = format!("{:032x}", rand::random::<u128>());
        let mut kept = vec![format!("{nonce}.{}", self.mac(account, &nonce))];
        kept.extend(
            tokens(headers)
                .into_iter()
                .filter(|t| self.valid_for(account, t).is_none())
                .take(KEPT - 1),
        );
        format!(
            "{COOKIE_NAME}={}; Path=/staff/sign-in; Max-Age=31536000; HttpOnly; SameSite=Strict{}",
            kept.join(":"),
            if secure { "; Secure" } else { "" }
        )
    }
}

/// The tokens in a request's `hearth_device` cookie.
fn tokens(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, _)| *name == COOKIE_NAME)
        .flat_map(|(_, value)| value.split(':').map(str::to_owned).collect::<Vec<_>>())
        .filter(|t| t.len() <= 200)
        .take(KEPT)
        .collect()
}

/// Adds the cookie that remembers this browser to a response.
pub(crate) fn set_on(response: &mut axum::response::Response, cookie: String) {
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(SET_COOKIE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_cookie(set_cookie: &str) -> HeaderMap {
        let pair = set_cookie.split(';').next().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, format!("other=1; {pair}").parse().unwrap());
        headers
    }

    #[test]
    fn a_token_counts_for_its_own_account_only() {
        let key = DeviceKey::new(vec![7; 32]);
        let cookie = key.remember(&HeaderMap::new(), StaffId::new(5), true);
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        assert!(cookie.contains("Secure") && cookie.contains("Path=/staff/sign-in"));
        let headers = with_cookie(&cookie);
        assert!(key.recognise(&headers, StaffId::new(5)).is_some());
        assert!(
            key.recognise(&headers, StaffId::new(6)).is_none(),
            "not another account's"
        );
        assert!(
            DeviceKey::new(vec![8; 32])
                .recognise(&headers, StaffId::new(5))
                .is_none(),
            "not under another key"
        );
        // A second account on the same browser keeps the first.
        let both = key.remember(&headers, StaffId::new(6), true);
        let headers = with_cookie(&both);
        assert!(
            key.recognise(&headers, StaffId::new(5)).is_some()
                && key.recognise(&headers, StaffId::new(6)).is_some()
        );
        // Signing in to 5 again replaces its token rather than adding one.
        let again = key.remember(&headers, StaffId::new(5), true);
        assert_eq!(again.split(';').next().unwrap().matches(':').count(), 1);
        // Tampered: refused.
        let bad = cookie.replacen(".", ".00", 1);
        assert!(key.recognise(&with_cookie(&bad), StaffId::new(5)).is_none());
    }
}
