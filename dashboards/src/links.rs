//! Where participants' links and QR codes point: the public address of this Hearth, and
//! whether a phone in the room can follow it.
//!
//! One rule, [`PublicAddress::choose`], for every place a link is made — the facilitator's
//! desk (session page, ticket cards, kiosk link), `hearth serve`'s start-up, `hearth
//! session open` and the demo: the base URL given (`--base-url`, `HEARTH_BASE_URL`), else
//! `http://` and the address Hearth listens on (`--bind`, `HEARTH_BIND`). A printed card
//! whose link leads nowhere is wasted, so an address a phone cannot reach — this computer
//! itself (127.0.0.1, localhost), or every interface (0.0.0.0), which names no host at all —
//! is said out loud, in words a facilitator can act on ([`PublicAddress::warning`]).

use std::net::IpAddr;

use url::{Host, Url};

/// What `hearth serve` listens on unless told otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// An example of a base URL, for messages.
const EXAMPLE: &str = "https://feedback.example.org";

/// The address links point to, and how far it reaches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicAddress {
    /// Without a trailing slash (`https://feedback.example.org`,
    /// `https://example.org/hearth`); `None` when no host can be named.
    base: Option<String>,
    reach: Reach,
}

/// Who can follow a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// A named host or a network address: phones on that network (or the internet) can.
    Phones,
    /// A loopback address (127.0.0.1, ::1, localhost): only the computer Hearth runs on.
    ThisComputer,
    /// No host to name: bound to every interface (0.0.0.0, ::) with no base URL.
    NoHost,
}

#[derive(Debug, thiserror::Error)]
pub enum AddressError {
    #[error(
        "the base URL (--base-url or HEARTH_BASE_URL) {0:?} is not a web address: give the address people open, starting with https:// or http://, like {EXAMPLE}"
    )]
    BaseUrl(String),
    #[error(
        "the address to listen on (--bind or HEARTH_BIND) {0:?} is not a host and port, like 127.0.0.1:8080 or 0.0.0.0:8080"
    )]
    Bind(String),
}

impl PublicAddress {
    /// The rule for every link Hearth prints or draws: the base URL given (an empty one is
    /// not given), else `http://` and `bind`, the address Hearth listens on (as bound, for
    /// a server that has bound its port). A base URL must be an http(s) address with a
    /// host and no query; a path is kept (`https://example.org/hearth`).
    pub fn choose(base_url: Option<&str>, bind: &str) -> Result<PublicAddress, AddressError> {
        match base_url.map(str::trim).filter(|b| !b.is_empty()) {
            Some(given) => {
                let bad = || AddressError::BaseUrl(given.to_owned());
                let url = Url::parse(given).map_err(|_| bad())?;
                if !matches!(url.scheme(), "http" | "https")
                    || url.host().is_none()
                    || url.query().is_some()
                    || url.fragment().is_some()
                    || !url.username().is_empty()
                    || url.password().is_some()
                {
                    return Err(bad());
                }
                Ok(PublicAddress::of(&url))
            }
            None => {
                let bad = || AddressError::Bind(bind.to_owned());
                let url = Url::parse(&format!("http://{}", bind.trim())).map_err(|_| bad())?;
                if url.host().is_none()
                    || url.port().is_none() && !bind.trim().ends_with(":80")
                    || url.path() != "/"
                    || url.query().is_some()
                    || url.fragment().is_some()
                    || !url.username().is_empty()
                {
                    return Err(bad());
                }
                // Port 0 asks the system for any free port: no link can name it.
                if url.port() == Some(0) {
                    return Ok(PublicAddress::no_host());
                }
                Ok(PublicAddress::of(&url))
            }
        }
    }

    /// An address nobody can follow: there is no link to show.
    pub fn no_host() -> PublicAddress {
        PublicAddress {
            base: None,
            reach: Reach::NoHost,
        }
    }

    fn of(url: &Url) -> PublicAddress {
        let reach = match url.host() {
            Some(Host::Ipv4(ip)) => reach_of(IpAddr::V4(ip)),
            Some(Host::Ipv6(ip)) => reach_of(IpAddr::V6(ip)),
            Some(Host::Domain(name)) => {
                let name = name.trim_end_matches('.').to_ascii_lowercase();
                if name == "localhost" || name.ends_with(".localhost") {
                    Reach::ThisComputer
                } else {
                    Reach::Phones
                }
            }
            None => Reach::NoHost,
        };
        PublicAddress {
            base: (reach != Reach::NoHost).then(|| url.as_str().trim_end_matches('/').to_owned()),
            reach,
        }
    }

    /// The base every link starts with, without a trailing slash; `None` when there is no
    /// host to name.
    pub fn base(&self) -> Option<&str> {
        self.base.as_deref()
    }

    /// The link to `path` (which starts with `/`), if there is one.
    pub fn link(&self, path: &str) -> Option<String> {
        self.base.as_ref().map(|base| format!("{base}{path}"))
    }

    pub fn reach(&self) -> Reach {
        self.reach
    }

    /// Whether links are https (staff cookies are then `Secure`).
    pub fn is_https(&self) -> bool {
        self.base
            .as_ref()
            .is_some_and(|b| b.starts_with("https://"))
    }

    /// What to tell whoever runs Hearth (at start, in English) when phones cannot follow
    /// the links: `None` when they can.
    pub fn warning(&self) -> Option<String> {
        self.warning_in(domain::i18n::Lang::En.tr())
    }

    /// [`PublicAddress::warning`] in a staff page's language, for the facilitator's session page.
    pub fn warning_in(&self, tr: domain::i18n::Tr) -> Option<String> {
        match self.reach {
            Reach::Phones => None,
            Reach::ThisComputer => Some(tr.args(
                "links-this-computer",
                &[
                    ("base", self.base.as_deref().unwrap_or_default()),
                    ("example", EXAMPLE),
                ],
            )),
            Reach::NoHost => Some(tr.with("links-no-host", "example", EXAMPLE)),
        }
    }
}

/// The address of an already chosen base URL (as the app state is given it): what
/// [`PublicAddress::choose`] makes of it, and no link at all when it is empty or not a web
/// address.
impl From<&str> for PublicAddress {
    fn from(base_url: &str) -> PublicAddress {
        if base_url.trim().is_empty() {
            return PublicAddress::no_host();
        }
        PublicAddress::choose(Some(base_url), DEFAULT_BIND).unwrap_or_else(|_| Self::no_host())
    }
}

fn reach_of(ip: IpAddr) -> Reach {
    if ip.is_unspecified() {
        Reach::NoHost
    } else if ip.is_loopback() {
        Reach::ThisComputer
    } else {
        Reach::Phones
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_no_base_url_links_point_to_the_bind_address_and_say_phones_cannot_reach_loopback() {
        let a = PublicAddress::choose(None, "127.0.0.1:18081").unwrap();
        assert_eq!(a.base(), Some("http://127.0.0.1:18081"));
        assert_eq!(
            a.link("/s/K7QM-42").as_deref(),
            Some("http://127.0.0.1:18081/s/K7QM-42")
        );
        assert_eq!(a.reach(), Reach::ThisComputer);
        let warning = a.warning().unwrap();
        assert!(
            warning.starts_with("Phones cannot reach this link"),
            "{warning}"
        );
        assert!(warning.contains("HEARTH_BASE_URL"), "{warning}");
        // An empty base URL (an empty environment variable) is no base URL.
        assert_eq!(
            PublicAddress::choose(Some(" "), "127.0.0.1:18081").unwrap(),
            a
        );
        for loopback in ["localhost:8080", "[::1]:8080", "127.0.0.2:9000"] {
            let a = PublicAddress::choose(None, loopback).unwrap();
            assert_eq!(a.reach(), Reach::ThisComputer, "{loopback}");
            assert!(a.warning().is_some(), "{loopback}");
        }
    }

    #[test]
    fn every_interface_names_no_host_so_there_is_no_link_and_a_warning() {
        for bind in ["0.0.0.0:8080", "[::]:8080", "127.0.0.1:0"] {
            let a = PublicAddress::choose(None, bind).unwrap();
            assert_eq!(a.base(), None, "{bind}");
            assert_eq!(a.link("/s/K7QM-42"), None, "{bind}");
            assert_eq!(a.reach(), Reach::NoHost, "{bind}");
            let warning = a.warning().unwrap();
            assert!(warning.contains("no link or QR code"), "{warning}");
            assert!(warning.contains("HEARTH_BASE_URL"), "{warning}");
        }
        // Given as a base URL, it is no better.
        let a = PublicAddress::choose(Some("http://0.0.0.0:8080"), DEFAULT_BIND).unwrap();
        assert_eq!((a.base(), a.reach()), (None, Reach::NoHost));
    }

    #[test]
    fn a_public_base_url_is_used_as_given_without_a_warning() {
        for bind in ["127.0.0.1:8080", "0.0.0.0:8080"] {
            let a = PublicAddress::choose(Some("https://feedback.example.org/"), bind).unwrap();
            assert_eq!(a.base(), Some("https://feedback.example.org"));
            assert_eq!(
                a.link("/s/K7QM-42").as_deref(),
                Some("https://feedback.example.org/s/K7QM-42")
            );
            assert_eq!(a.reach(), Reach::Phones);
            assert_eq!(a.warning(), None);
            assert!(a.is_https());
        }
        // A path is kept; a network address on the bind is reachable on that network.
        let a = PublicAddress::choose(Some("https://example.org/hearth/"), "").unwrap();
        assert_eq!(
            a.link("/s/X").as_deref(),
            Some("https://example.org/hearth/s/X")
        );
        let lan = PublicAddress::choose(None, "192.168.1.20:8080").unwrap();
        assert_eq!(lan.base(), Some("http://192.168.1.20:8080"));
        assert_eq!(lan.warning(), None);
        assert!(!lan.is_https());
    }

    #[test]
    fn a_base_url_or_bind_that_is_no_address_is_refused_with_what_to_give() {
        for bad in [
            "feedback.example.org",
            "ftp://example.org",
            "https://",
            "https://example.org/?a=1",
            "https://user:pw@example.org",
        ] {
            let error = PublicAddress::choose(Some(bad), DEFAULT_BIND).unwrap_err();
            assert!(
                error.to_string().contains("like https://"),
                "{bad}: {error}"
            );
        }
        for bad in ["", "8080", "127.0.0.1", "127.0.0.1:8080/x"] {
            let error = PublicAddress::choose(None, bad).unwrap_err();
            assert!(
                error.to_string().contains("host and port"),
                "{bad:?}: {error}"
            );
        }
        // The app state takes an already chosen address: empty or bad means no link.
        assert_eq!(PublicAddress::from(""), PublicAddress::no_host());
        assert_eq!(
            PublicAddress::from("https://hearth.test").base(),
            Some("https://hearth.test")
        );
    }
}
