//! Bytes as lowercase hexadecimal, and back: how Hearth writes its secrets, tokens and
//! hashes as text (server keys in `staff_secret` and `form_key`, form and device tokens,
//! ticket and recovery-code hashes, asset versions).

/// `bytes` as lowercase hex, two digits a byte.
pub fn encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of hex `text`, in either case; `None` for anything else (an odd length, a
/// character that is not a hex digit).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_go_there_and_back() {
        let bytes = [0x00, 0x0f, 0xa5, 0xff];
        assert_eq!(encode(&bytes), "000fa5ff");
        assert_eq!(decode("000fa5ff"), Some(bytes.to_vec()));
        assert_eq!(decode("000FA5FF"), Some(bytes.to_vec()));
        assert_eq!(decode(""), Some(vec![]));
    }

    #[test]
    fn anything_but_hex_is_refused() {
        for text in ["abc", "zz", "0g", "é0", "0é", "ab cd"] {
            assert_eq!(decode(text), None, "{text:?}");
        }
    }
}
