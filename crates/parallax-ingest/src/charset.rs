//! Turning the bytes of a page into text.
//!
//! The encoding is taken, in order, from a byte-order mark, the HTTP `Content-Type`
//! header when one is known, a `<meta charset>` or `<meta http-equiv="Content-Type">`
//! declaration near the start of the page, and otherwise guessed (valid UTF-8 is
//! UTF-8; anything else goes to `chardetng`). A declared legacy encoding is overridden
//! when the bytes are valid UTF-8 with multi-byte sequences, because servers and
//! templates often declare `iso-8859-1` for pages that are UTF-8. Decoding never fails
//! and never panics: invalid bytes become U+FFFD and are reported.

use encoding_rs::{Encoding, UTF_8};

/// How far into a page a `<meta>` charset declaration is looked for.
const PRESCAN_BYTES: usize = 4096;

/// Text decoded from bytes, with the encoding used and whether bytes were replaced.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub had_errors: bool,
}

/// Decodes an HTML page. `content_type` is the HTTP header's value, when known.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    let declared = content_type.and_then(charset_param).or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]));
    let encoding = match declared {
        // A page cannot really be UTF-16 if its declaration was readable as ASCII.
        Some(encoding) if encoding.name().starts_with("UTF-16") => UTF_8,
        Some(encoding) if encoding != UTF_8 && is_multibyte_utf8(bytes) => UTF_8,
        Some(encoding) => encoding,
        None => guess(bytes),
    };
    decode_with(encoding, bytes)
}

/// Decodes plain text: BOM, then UTF-8 when valid, else a guess.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    decode_with(guess(bytes), bytes)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: encoding.name(), had_errors }
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

fn is_multibyte_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// The `charset=` parameter of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    label_after(&lower.as_bytes()[at + "charset".len()..])
}

/// A charset declared in a `<meta>` tag within `head`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(offset) = memchr::memmem::find(&head[from..], b"<meta") {
        let start = from + offset;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |o| start + o);
        let tag = head[start..end].to_ascii_lowercase();
        if let Some(at) = memchr::memmem::find(&tag, b"charset") {
            if let Some(encoding) = label_after(&tag[at + "charset".len()..]) {
                return Some(encoding);
            }
        }
        from = end.max(start + 1);
    }
    None
}

/// Reads `= "label"` (quotes optional) and looks the label up.
fn label_after(rest: &[u8]) -> Option<&'static Encoding> {
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace()).unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_declaration_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        let decoded = decode_html(page, None);
        assert_eq!(decoded.encoding, "windows-1251");
        assert!(decoded.text.contains("Привет"));
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>caf\xe9";
        assert!(decode_html(page, None).text.ends_with("café"));
    }

    #[test]
    fn header_bom_and_lying_declarations() {
        assert_eq!(decode_html(b"<p>caf\xe9", Some("text/html; charset=latin1")).text, "<p>café");
        assert_eq!(decode_html(b"\xef\xbb\xbf<p>x", Some("text/html; charset=latin1")).text, "<p>x");
        let utf8_declared_latin1 = "<meta charset=iso-8859-1><p>café".as_bytes();
        assert!(decode_html(utf8_declared_latin1, None).text.ends_with("café"));
    }

    #[test]
    fn undeclared_bytes_are_guessed_and_never_panic() {
        let decoded = decode_html("<p>Les élèves ont été très contents de la journée.</p>".as_bytes(), None);
        assert_eq!(decoded.encoding, "UTF-8");
        let latin1 = b"<p>Les \xe9l\xe8ves ont \xe9t\xe9 tr\xe8s contents de la journ\xe9e, d\xe9j\xe0.</p>";
        let decoded = decode_html(latin1, None);
        assert!(decoded.text.contains("élèves"), "{decoded:?}");
        let garbage: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        let _ = decode_html(&garbage, Some("charset=\"utf-8"));
    }
}
