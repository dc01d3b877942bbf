//! JSON Lines: one article per line, `{"url", "title", "text", "published", "source"}`.
//!
//! `text` (or, failing that, `html`, whose main text is extracted) is required; the other
//! fields are optional (`authors` or `author`, and `language`, are read too). Each line is
//! parsed on its own, so a malformed line is one error naming the file and line number and
//! the rest of the file is still read.

use crate::meta::normalise_date;
use parallax_core::{Document, Metadata};
use serde_json::Value;

/// What one line gave: a document, or why not.
pub type LineResult = Result<Document, String>;

/// Parses one JSON Lines record into a document with id `id`, read from `input`.
pub fn parse_line(line: &str, input: &str, id: String) -> LineResult {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let object = value.as_object().ok_or("not a JSON object")?;
    let field = |name: &str| object.get(name).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let url = field("url");
    let title = field("title").or_else(|| field("headline"));
    let body = match field("text").or_else(|| field("body")) {
        Some(text) => text,
        None => match field("html") {
            Some(html) => crate::extract::extract(&html, url.as_deref()).text,
            None => return Err("no \"text\" field".into()),
        },
    };
    if body.trim().is_empty() {
        return Err("empty \"text\"".into());
    }
    let authors = match object.get("authors").or_else(|| object.get("author")) {
        Some(Value::String(name)) => vec![name.trim().to_owned()],
        Some(Value::Array(names)) => {
            names.iter().filter_map(Value::as_str).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
        }
        _ => Vec::new(),
    };
    let published = field("published").or_else(|| field("date")).and_then(|raw| normalise_date(&raw));
    let outlet = field("source").or_else(|| field("outlet")).or_else(|| url.as_deref().and_then(crate::meta::domain).map(str::to_owned));
    // The headline is the text's first line, so that the plain-text stages find it.
    let text = match &title {
        Some(title) if !body.starts_with(title.as_str()) => format!("{title}\n\n{body}"),
        _ => body,
    };
    let meta = Metadata { input: Some(input.to_owned()), outlet, url, title, authors, published, language: field("language") };
    Ok(Document::new(id, text, meta))
}

/// Whether the bytes look like JSON Lines: the first non-blank line is a JSON object.
pub fn looks_like_json_lines(bytes: &[u8]) -> bool {
    let first = bytes.split(|&b| b == b'\n').map(|l| l.trim_ascii()).find(|l| !l.is_empty());
    first.is_some_and(|line| {
        line.starts_with(b"{") && serde_json::from_slice::<Value>(line).is_ok_and(|v| v.get("text").is_some() || v.get("html").is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_becomes_a_document() {
        let line = r#"{"url":"https://wire.example/a","title":"Port strike","text":"Dock workers walked out.","published":"2031-03-04T10:00:00Z","source":"Wire","authors":["Ann Wu"]}"#;
        let doc = parse_line(line, "feed.jsonl:1", "a".into()).unwrap();
        assert_eq!(doc.text().as_str(), "Port strike\n\nDock workers walked out.");
        assert_eq!(doc.meta.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.meta.published.as_deref(), Some("2031-03-04T10:00:00Z"));
        assert_eq!(doc.meta.authors, ["Ann Wu"]);
    }

    #[test]
    fn bad_records_are_errors() {
        assert!(parse_line("{not json", "f", "a".into()).is_err());
        assert!(parse_line("[1,2]", "f", "a".into()).is_err());
        assert!(parse_line(r#"{"title":"no text"}"#, "f", "a".into()).is_err());
        assert!(looks_like_json_lines(b"\n{\"text\": \"x\"}\n{bad"));
        assert!(!looks_like_json_lines(b"{\"a\": 1}"));
    }
}
