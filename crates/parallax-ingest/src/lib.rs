//! # parallax-ingest
//!
//! Turns what the user names on the command line into [`Document`]s: plain-text files,
//! HTML pages (`.html`, `.htm`, gzip-compressed `.html.gz`, or any file whose content
//! starts like HTML), and directories of them (walked in sorted order). Every input
//! either becomes a document or an [`InputError`] that names it; one bad input never
//! stops the others. This crate reads files but never prints.
//!
//! For an HTML page, the document's text is the headline followed by the extracted main
//! text ([`extract`]), and the reader provides the `blocks` layer (headline, headings,
//! paragraphs) and an empty `boilerplate` layer (furniture is left out of the text), so
//! the plain-text structure stage is skipped. Metadata (outlet, URL, headline, authors,
//! publication time, language) comes from the page.

pub mod benchmark;
pub mod charset;
pub mod extract;
pub mod html;
pub mod meta;

pub use extract::{extract, Extracted, TextBlock, TextBlockKind};

use parallax_core::layer::{Blocks, Boilerplate as BoilerplateLayer};
use parallax_core::{Block, BlockKind, Document, Metadata, Span};
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Inputs larger than this are refused rather than analysed.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// File extensions read when walking a directory (`.html.gz` and `.htm.gz` too).
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml"];

/// Why an input could not be read, naming the input.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: empty input, nothing to analyse")]
    Empty { path: String },
    #[error("{path}: looks like binary data, not text")]
    Binary { path: String },
    #[error("{path}: {size} bytes is larger than the {max}-byte limit")]
    TooLarge { path: String, size: u64, max: u64 },
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error("{path}: not valid gzip data: {source}")]
    Gzip { path: String, source: std::io::Error },
    #[error("{path}: no article text found in the HTML page")]
    NoArticleText { path: String },
}

/// A document read from an input, with any warnings about how it was read.
#[derive(Debug)]
pub struct Loaded {
    pub doc: Document,
    pub warnings: Vec<String>,
}

/// What reading a list of inputs produced.
#[derive(Debug, Default)]
pub struct Batch {
    pub loaded: Vec<Loaded>,
    pub errors: Vec<InputError>,
    /// Files passed over while walking directories (not a text format).
    pub skipped: Vec<PathBuf>,
}

/// Reads every input: files directly, directories walked recursively in sorted order.
pub fn read_inputs(inputs: &[PathBuf]) -> Batch {
    let mut batch = Batch::default();
    let mut ids = HashSet::new();
    for input in inputs {
        if input.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files, &mut batch);
            for file in files {
                push(read_file(&file, &mut ids), &mut batch);
            }
        } else if input.exists() {
            push(read_file(input, &mut ids), &mut batch);
        } else {
            batch.errors.push(InputError::NotFound { path: input.display().to_string() });
        }
    }
    batch
}

fn push(result: Result<Loaded, InputError>, batch: &mut Batch) {
    match result {
        Ok(loaded) => batch.loaded.push(loaded),
        Err(error) => batch.errors.push(error),
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, batch: &mut Batch) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            batch.errors.push(InputError::Io { path: dir.display().to_string(), source });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, batch);
        } else if is_readable_name(&path) {
            files.push(path);
        } else {
            batch.skipped.push(path);
        }
    }
}

/// Whether a directory walk takes this file: a text or HTML extension, possibly
/// followed by `.gz`.
fn is_readable_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').is_some_and(|(_, ext)| TEXT_EXTENSIONS.contains(&ext))
}

/// Reads one file (gzip-compressed when its name ends in `.gz`) into a document: HTML
/// when its name or its content says so, plain text otherwise.
pub fn read_file(path: &Path, ids: &mut HashSet<String>) -> Result<Loaded, InputError> {
    let name = path.display().to_string();
    let size = fs::metadata(path).map_err(|source| InputError::Io { path: name.clone(), source })?.len();
    if size > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { path: name, size, max: MAX_INPUT_BYTES });
    }
    let raw = fs::read(path).map_err(|source| InputError::Io { path: name.clone(), source })?;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("article").to_ascii_lowercase();
    let (bytes, file_name) = match file_name.strip_suffix(".gz") {
        Some(inner) => (gunzip(&raw, &name)?, inner.to_owned()),
        None => (raw, file_name),
    };
    let stem = file_name.split('.').next().filter(|s| !s.is_empty()).unwrap_or("article");
    let id = unique_id(stem, ids);
    let html_by_name = [".html", ".htm", ".xhtml"].iter().any(|ext| file_name.ends_with(ext));
    if html_by_name || looks_like_html(&bytes) {
        from_html(&bytes, &name, id, None)
    } else {
        from_bytes(&bytes, &name, id)
    }
}

/// Decompresses gzip data (several members allowed), refusing more than
/// [`MAX_INPUT_BYTES`] of output.
fn gunzip(raw: &[u8], name: &str) -> Result<Vec<u8>, InputError> {
    let mut out = Vec::new();
    let mut decoder = flate2::read::MultiGzDecoder::new(raw).take(MAX_INPUT_BYTES + 1);
    decoder.read_to_end(&mut out).map_err(|source| InputError::Gzip { path: name.to_owned(), source })?;
    if out.len() as u64 > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { path: name.to_owned(), size: out.len() as u64, max: MAX_INPUT_BYTES });
    }
    Ok(out)
}

/// Content sniffing: after an optional byte-order mark and white space, the bytes start
/// with `<!doctype html`, `<html`, `<head`, `<body`, an HTML comment or an XML
/// declaration followed by an `<html` element early on.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let head: Vec<u8> = bytes[start..bytes.len().min(start + 1024)].to_ascii_lowercase();
    let starts = |prefix: &[u8]| head.starts_with(prefix);
    if starts(b"<!doctype html") || starts(b"<html") || starts(b"<head") || starts(b"<body") {
        return true;
    }
    (starts(b"<?xml") || starts(b"<!--") || starts(b"<!doctype")) && memchr::memmem::find(&head, b"<html").is_some()
}

/// Makes a document from an HTML page read from `input` (a path or URL); `url` is the
/// page's address when known.
pub fn from_html(bytes: &[u8], input: &str, id: String, url: Option<&str>) -> Result<Loaded, InputError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty { path: input.to_owned() });
    }
    let decoded = charset::decode_html(bytes, None);
    let mut warnings = Vec::new();
    if decoded.had_errors {
        warnings.push(format!("{input}: bytes invalid in {} were replaced with U+FFFD", decoded.encoding));
    }
    let extracted = extract::extract(&decoded.text, url);
    if extracted.text.is_empty() {
        return Err(InputError::NoArticleText { path: input.to_owned() });
    }
    Ok(Loaded { doc: document_from_extracted(extracted, input, id, url), warnings })
}

/// The document for an extracted page: the headline (when known) as the first block,
/// then the main text's blocks.
pub fn document_from_extracted(extracted: Extracted, input: &str, id: String, url: Option<&str>) -> Document {
    let Extracted { text: body, blocks: body_blocks, meta: page } = extracted;
    let mut text = String::with_capacity(body.len() + 256);
    let mut blocks = Vec::with_capacity(body_blocks.len() + 1);
    if let Some(title) = page.title.as_deref().filter(|t| !t.is_empty() && !t.contains('\n')) {
        text.push_str(title);
        blocks.push((0..text.len(), BlockKind::Headline));
        text.push_str("\n\n");
    }
    let offset = text.len();
    text.push_str(&body);
    for block in body_blocks {
        let kind = match block.kind {
            TextBlockKind::Heading => BlockKind::Heading,
            TextBlockKind::Paragraph => BlockKind::Paragraph,
        };
        blocks.push((block.range.start + offset..block.range.end + offset, kind));
    }
    let meta = Metadata {
        input: Some(input.to_owned()),
        outlet: page.site_name,
        url: page.canonical_url.or_else(|| url.map(str::to_owned)),
        title: page.title,
        authors: page.authors,
        published: page.published,
        language: page.language,
    };
    let mut doc = Document::new(id, text, meta);
    let blocks: Vec<Block> =
        blocks.into_iter().filter_map(|(range, kind)| Span::new(range.start, range.end).ok().map(|span| Block { span, kind })).collect();
    // The spans were made from the text just built, on its paragraph boundaries; a
    // failure here would be a bug in this function, and the document stays usable
    // without the layers (the plain-text stage then computes them).
    if doc.set_layer::<Blocks>(blocks).is_ok() {
        let _ = doc.set_layer::<BoilerplateLayer>(Vec::new());
    }
    doc
}

/// Makes a document from raw bytes of plain text read from `input`.
pub fn from_bytes(bytes: &[u8], input: &str, id: String) -> Result<Loaded, InputError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty { path: input.to_owned() });
    }
    if looks_binary(bytes) {
        return Err(InputError::Binary { path: input.to_owned() });
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            warnings.push(format!("{input}: not valid UTF-8; undecodable bytes were replaced with U+FFFD"));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let meta = Metadata { input: Some(input.to_owned()), ..Metadata::default() };
    Ok(Loaded { doc: Document::new(id, text, meta), warnings })
}

/// Text has no NUL bytes and few control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&b| b < 0x09 || (b > 0x0d && b < 0x20)).count();
    sample.contains(&0) || controls * 20 > sample.len()
}

/// `stem`, or `stem-2`, `stem-3`… when taken.
fn unique_id(stem: &str, ids: &mut HashSet<String>) -> String {
    let mut id = stem.to_owned();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_inputs_are_named_errors() {
        assert!(matches!(from_bytes(b"  \n", "e.txt", "e".into()), Err(InputError::Empty { .. })));
        assert!(matches!(from_bytes(b"PK\x03\x04\0\0junk", "z.txt", "z".into()), Err(InputError::Binary { .. })));
        let loaded = from_bytes(b"caf\xe9 story\n", "l.txt", "l".into()).unwrap();
        assert_eq!(loaded.doc.text().as_str(), "caf\u{fffd} story\n");
        assert_eq!(loaded.warnings.len(), 1);
    }

    #[test]
    fn text_is_the_input_exactly() {
        let input = "Headline\r\n\r\n  Body “quoted” — text.\n";
        let loaded = from_bytes(input.as_bytes(), "t.txt", "t".into()).unwrap();
        assert_eq!(loaded.doc.text().as_str(), input);
    }

    #[test]
    fn ids_stay_unique() {
        let mut ids = HashSet::new();
        assert_eq!(unique_id("a", &mut ids), "a");
        assert_eq!(unique_id("a", &mut ids), "a-2");
    }
}
