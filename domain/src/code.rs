//! Session codes and single-use tickets: short, typeable, unambiguous.

use std::fmt;

use rand::RngExt;
use sha2::{Digest, Sha256};

/// Characters a person can read aloud and type without confusion: no 0/O, 1/I/L.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

const CODE_LEN: usize = 6;
const TICKET_LEN: usize = 20;

/// A session code such as `K7QM-42`: six characters of [`ALPHABET`], shown with a dash.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SessionCode(String);

impl SessionCode {
    pub fn generate() -> Self {
        SessionCode(random_string(CODE_LEN))
    }

    /// Reads a code as a person might type it: any case, with or without the dash or
    /// spaces. Returns `None` for anything that cannot be a code.
    pub fn parse(input: &str) -> Option<Self> {
        typed(input, CODE_LEN).map(SessionCode)
    }

    /// The canonical stored form (no dash).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SessionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", &self.0[..4], &self.0[4..])
    }
}

/// What a person typed, as stored: without dashes and spaces, in capitals; `None` unless
/// it is `len` characters of [`ALPHABET`].
fn typed(input: &str, len: usize) -> Option<String> {
    let cleaned: String = input
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\t'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (cleaned.len() == len && cleaned.bytes().all(|b| ALPHABET.contains(&b))).then_some(cleaned)
}

/// A single-use ticket as printed on a card. Only its [`TicketHash`] is ever stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Ticket(String);

impl Ticket {
    pub fn generate() -> Self {
        Ticket(random_string(TICKET_LEN))
    }

    /// Reads a ticket as a person might type it from a card: any case, with or without
    /// the dashes or spaces the card groups it with.
    pub fn parse(input: &str) -> Option<Self> {
        typed(input, TICKET_LEN).map(Ticket)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ticket as a card prints it, in four groups of five: `ABCDE-FGHJK-MNPQR-STUVW`.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(5)
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("-")
    }

    pub fn hash(&self) -> TicketHash {
        TicketHash(crate::hex::encode(&Sha256::digest(self.0.as_bytes())))
    }
}

/// Tickets are bearer secrets: never print one by accident.
impl fmt::Debug for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Ticket(..)")
    }
}

/// SHA-256 of a ticket, hex. A ticket carries ~99 bits of entropy, so an unsalted hash
/// cannot be reversed by enumeration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketHash(String);

impl TicketHash {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn random_string(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_read_in_any_case_with_or_without_dash() {
        let code = SessionCode::parse("k7qm-42").unwrap();
        assert_eq!(code.as_str(), "K7QM42");
        assert_eq!(code.to_string(), "K7QM-42");
        assert_eq!(SessionCode::parse(" K7QM 42 "), Some(code));
    }

    #[test]
    fn ambiguous_or_wrong_length_codes_are_refused() {
        assert_eq!(SessionCode::parse("K7QM-4"), None);
        assert_eq!(SessionCode::parse("K7QM-420"), None);
        assert_eq!(SessionCode::parse("K0QM-42"), None); // zero is not in the alphabet
        assert_eq!(SessionCode::parse("KIQM-42"), None);
        assert_eq!(SessionCode::parse("../etc"), None);
    }

    #[test]
    fn generated_codes_and_tickets_parse_back() {
        for _ in 0..100 {
            let code = SessionCode::generate();
            assert_eq!(SessionCode::parse(&code.to_string()), Some(code));
            let ticket = Ticket::generate();
            assert_eq!(Ticket::parse(ticket.as_str()).as_ref(), Some(&ticket));
        }
    }

    #[test]
    fn a_ticket_hash_is_stable_and_hides_the_ticket() {
        let t = Ticket::parse("23456789ABCDEFGHJKMN").unwrap();
        assert_eq!(t.hash(), t.hash());
        assert_eq!(t.hash().as_str().len(), 64);
        assert!(!t.hash().as_str().contains(t.as_str()));
        assert_eq!(format!("{t:?}"), "Ticket(..)");
    }

    #[test]
    fn a_ticket_is_read_as_typed_from_its_card() {
        let t = Ticket::parse("23456789ABCDEFGHJKMN").unwrap();
        assert_eq!(t.grouped(), "23456-789AB-CDEFG-HJKMN");
        assert_eq!(Ticket::parse(&t.grouped()), Some(t.clone()));
        assert_eq!(Ticket::parse(" 23456 789ab cdefg hjkmn "), Some(t));
        assert_eq!(Ticket::parse("23456-789AB-CDEFG-HJKM"), None);
        assert_eq!(Ticket::parse("23456-789AB-CDEFG-HJKM0"), None);
    }
}
