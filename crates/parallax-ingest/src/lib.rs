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
pub mod feed;
pub mod fetch;
pub mod html;
pub mod jsonl;
pub mod meta;
pub mod warc;

pub use extract::{extract, Extracted, TextBlock, TextBlockKind};

use parallax_core::layer::{Blocks, Boilerplate as BoilerplateLayer};
use parallax_core::{Block, BlockKind, Document, Metadata, Span};
use std::collections::HashSet;
use std::fs;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// Inputs larger than this are refused rather than analysed.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// File extensions read when walking a directory, each also with `.gz` after it.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "warc", "xml", "rss", "atom", "opml"];

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
    /// One record of a multi-article input (a WARC record, a JSON Lines line) failed; the
    /// rest of the input is still read.
    #[error("{path}: {reason}")]
    Record { path: String, reason: String },
    #[error("{url}: {reason}")]
    Fetch { url: String, reason: String },
    #[error("{path}: not a feed, an OPML list or an HTML page")]
    UnknownXml { path: String },
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

/// One thing that reading inputs produced, in input order.
// Items are moved once, from the reader to the visitor; boxing the document would cost an
// allocation per article for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Item {
    Loaded(Loaded),
    Error(InputError),
    /// A file passed over while walking a directory (not a readable format).
    Skipped(PathBuf),
}

/// Reads every input: files directly, directories walked recursively in sorted order.
pub fn read_inputs(inputs: &[PathBuf]) -> Batch {
    let mut batch = Batch::default();
    visit_inputs(inputs, &mut |item| match item {
        Item::Loaded(loaded) => batch.loaded.push(loaded),
        Item::Error(error) => batch.errors.push(error),
        Item::Skipped(path) => batch.skipped.push(path),
    });
    batch
}

/// Reads every input and hands each document, error or skipped file to `visit` as soon as
/// it is read, so that archives of many articles stream through in bounded memory.
pub fn visit_inputs(inputs: &[PathBuf], visit: &mut dyn FnMut(Item)) {
    let mut ids = HashSet::new();
    let fetch_config = fetch::FetchConfig::default();
    for input in inputs {
        if let Some(url) = input.to_str().filter(|s| fetch::is_url(s)) {
            read_url(url, &fetch_config, true, &mut ids, visit);
        } else if input.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files, visit);
            for file in files {
                read_path(&file, &mut ids, visit);
            }
        } else if input.exists() {
            read_path(input, &mut ids, visit);
        } else {
            visit(Item::Error(InputError::NotFound { path: input.display().to_string() }));
        }
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, visit: &mut dyn FnMut(Item)) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            visit(Item::Error(InputError::Io { path: dir.display().to_string(), source }));
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
            walk(&path, files, visit);
        } else if is_readable_name(&path) {
            files.push(path);
        } else {
            visit(Item::Skipped(path));
        }
    }
}

/// Reads one file of any supported kind. WARC archives (recognised by their first bytes,
/// compressed or not) are streamed record by record; other files are read whole (up to
/// [`MAX_INPUT_BYTES`]) and recognised by content: JSON Lines, HTML, else plain text.
fn read_path(path: &Path, ids: &mut HashSet<String>, visit: &mut dyn FnMut(Item)) {
    let name = path.display().to_string();
    match open_maybe_gzip(path) {
        Ok(mut reader) => match reader.fill_buf() {
            Ok(head) if head.starts_with(b"WARC/") => return read_warc(reader, &name, ids, visit),
            Ok(_) => {}
            Err(source) => return visit(Item::Error(InputError::Gzip { path: name, source })),
        },
        Err(source) => return visit(Item::Error(InputError::Io { path: name, source })),
    }
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    match read_whole(path) {
        Ok(bytes) => {
            let source = Source { name: &name, file_name: &file_name, url: None, content_type: None };
            read_bytes(&bytes, &source, ids, visit);
        }
        Err(error) => visit(Item::Error(error)),
    }
}

/// Where bytes came from: for messages, ids and recognising the format.
struct Source<'a> {
    /// The path or URL, for messages and `Metadata::input`.
    name: &'a str,
    /// The file name (lower-case, `.gz` kept), or the URL's last path segment.
    file_name: &'a str,
    url: Option<&'a str>,
    content_type: Option<&'a str>,
}

/// Recognises the format of a whole input by content (and name) and reads it: WARC, JSON
/// Lines, OPML (whose feeds are fetched), RSS / Atom / JSON feeds, HTML, else plain text.
fn read_bytes(bytes: &[u8], source: &Source, ids: &mut HashSet<String>, visit: &mut dyn FnMut(Item)) {
    let file_name = source.file_name.strip_suffix(".gz").unwrap_or(source.file_name);
    let has_ext = |exts: &[&str]| exts.iter().any(|ext| file_name.ends_with(ext));
    let content_type = source.content_type.unwrap_or("").to_ascii_lowercase();
    if bytes.starts_with(b"WARC/") {
        return read_warc(bytes, source.name, ids, visit);
    }
    if has_ext(&[".jsonl", ".ndjson"]) || jsonl::looks_like_json_lines(bytes) {
        return read_json_lines(bytes, source.name, ids, visit);
    }
    if has_ext(&[".opml"]) || feed::looks_like_opml(bytes) {
        let config = fetch::FetchConfig::default();
        for url in feed::opml_feed_urls(bytes) {
            read_url(&url, &config, false, ids, visit);
        }
        return;
    }
    if has_ext(&[".rss", ".atom"]) || content_type.contains("rss") || content_type.contains("atom") || feed::looks_like_feed(bytes) {
        let mut make_id = |key: &str| unique_id(&url_id(key), ids);
        match feed::read_feed(bytes, source.name, &mut make_id) {
            Ok(entries) => {
                for entry in entries {
                    visit(match entry {
                        Ok(doc) => Item::Loaded(Loaded { doc, warnings: Vec::new() }),
                        Err(reason) => Item::Error(InputError::Record { path: source.name.to_owned(), reason }),
                    });
                }
            }
            Err(reason) => visit(Item::Error(InputError::Record { path: source.name.to_owned(), reason })),
        }
        return;
    }
    let stem = file_name.split('.').next().filter(|s| !s.is_empty());
    let id = match (source.url, stem) {
        (Some(url), _) => unique_id(&url_id(url), ids),
        (None, stem) => unique_id(stem.unwrap_or("article"), ids),
    };
    let result = if has_ext(&[".html", ".htm", ".xhtml"]) || content_type.contains("html") || looks_like_html(bytes) {
        from_html_with(bytes, source.name, id, source.url, source.content_type)
    } else if has_ext(&[".xml"]) {
        Err(InputError::UnknownXml { path: source.name.to_owned() })
    } else {
        from_bytes(bytes, source.name, id)
    };
    visit(match result {
        Ok(loaded) => Item::Loaded(loaded),
        Err(error) => Item::Error(error),
    });
}

/// Fetches a URL and reads what comes back like a file: a page, a feed, an OPML list
/// (whose feeds are fetched in turn when `follow_opml`), JSON Lines or a WARC.
fn read_url(url: &str, config: &fetch::FetchConfig, follow_opml: bool, ids: &mut HashSet<String>, visit: &mut dyn FnMut(Item)) {
    let fetched = match fetch::fetch(url, config) {
        Ok(fetched) => fetched,
        Err(reason) => return visit(Item::Error(InputError::Fetch { url: url.to_owned(), reason })),
    };
    if !follow_opml && feed::looks_like_opml(&fetched.body) {
        return visit(Item::Error(InputError::Fetch {
            url: url.to_owned(),
            reason: "an OPML list inside an OPML list is not followed".into(),
        }));
    }
    let body = if fetched.body.starts_with(&[0x1f, 0x8b]) {
        match gunzip(&fetched.body, url) {
            Ok(body) => body,
            Err(error) => return visit(Item::Error(error)),
        }
    } else {
        fetched.body
    };
    let path = fetched.url.split(['?', '#']).next().unwrap_or("");
    let last_segment = path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    let source =
        Source { name: &fetched.url, file_name: &last_segment, url: Some(&fetched.url), content_type: fetched.content_type.as_deref() };
    read_bytes(&body, &source, ids, visit);
}

/// A buffered reader over a file, decompressing it when it starts with the gzip magic.
fn open_maybe_gzip(path: &Path) -> std::io::Result<Box<dyn std::io::BufRead>> {
    let mut file = std::io::BufReader::new(fs::File::open(path)?);
    let gzip = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gzip { Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file))) } else { Box::new(file) })
}

/// The whole file, decompressed when gzip, refused above [`MAX_INPUT_BYTES`].
fn read_whole(path: &Path) -> Result<Vec<u8>, InputError> {
    let name = path.display().to_string();
    let size = fs::metadata(path).map_err(|source| InputError::Io { path: name.clone(), source })?.len();
    if size > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { path: name, size, max: MAX_INPUT_BYTES });
    }
    let raw = fs::read(path).map_err(|source| InputError::Io { path: name.clone(), source })?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        gunzip(&raw, &name)
    } else {
        Ok(raw)
    }
}

/// Streams a WARC archive: every `response` record with an HTML payload becomes a
/// document (its URL from `WARC-Target-URI`, its charset from the HTTP header); other
/// records are passed over; a malformed record is reported and skipped.
fn read_warc(reader: impl BufRead, name: &str, ids: &mut HashSet<String>, visit: &mut dyn FnMut(Item)) {
    for record in warc::WarcReader::new(reader) {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                visit(Item::Error(InputError::Record { path: name.to_owned(), reason: error.to_string() }));
                continue;
            }
        };
        if !record.header("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response")) {
            continue;
        }
        let uri = record.header("WARC-Target-URI").unwrap_or("").trim_matches(['<', '>']).to_owned();
        let record_name = format!("{name} (record at byte {}, {uri})", record.offset);
        let response = match warc::http_response(&record.body) {
            Ok(response) => response,
            Err(reason) => {
                visit(Item::Error(InputError::Record { path: record_name, reason }));
                continue;
            }
        };
        let content_type = response.header("Content-Type").unwrap_or("").to_ascii_lowercase();
        let is_html = content_type.contains("html") || (content_type.is_empty() && looks_like_html(&response.body));
        if response.status != 200 || !is_html {
            continue;
        }
        let id = unique_id(&url_id(&uri), ids);
        let url = (!uri.is_empty()).then_some(uri.as_str());
        visit(match from_html_with(&response.body, name, id, url, Some(&content_type)) {
            Ok(loaded) => Item::Loaded(loaded),
            Err(InputError::NoArticleText { .. }) => {
                Item::Error(InputError::Record { path: record_name, reason: "no article text found in the HTML page".into() })
            }
            Err(error) => Item::Error(error),
        });
    }
}

/// Reads JSON Lines: one document per valid line, one error per bad line.
fn read_json_lines(bytes: &[u8], name: &str, ids: &mut HashSet<String>, visit: &mut dyn FnMut(Item)) {
    let text = String::from_utf8_lossy(bytes);
    let stem = Path::new(name).file_name().and_then(|n| n.to_str()).and_then(|n| n.split('.').next()).unwrap_or("line").to_owned();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_name = format!("{name}:{}", index + 1);
        let id = unique_id(&format!("{stem}-{}", index + 1), ids);
        visit(match jsonl::parse_line(line, name, id) {
            Ok(doc) => Item::Loaded(Loaded { doc, warnings: Vec::new() }),
            Err(reason) => Item::Error(InputError::Record { path: line_name, reason }),
        });
    }
}

/// A short stable id for a URL: `u` and 16 hex digits of its FNV-1a hash.
pub fn url_id(url: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in url.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("u{hash:016x}")
}

/// Whether a directory walk takes this file: a text or HTML extension, possibly
/// followed by `.gz`.
fn is_readable_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').is_some_and(|(_, ext)| TEXT_EXTENSIONS.contains(&ext))
}

/// Reads one single-article file (gzip-compressed or not) into a document: HTML when its
/// name or its content says so, plain text otherwise.
pub fn read_file(path: &Path, ids: &mut HashSet<String>) -> Result<Loaded, InputError> {
    let bytes = read_whole(path)?;
    document_from_file_bytes(&bytes, path, &path.display().to_string(), ids)
}

fn document_from_file_bytes(bytes: &[u8], path: &Path, name: &str, ids: &mut HashSet<String>) -> Result<Loaded, InputError> {
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("article").to_ascii_lowercase();
    let file_name = file_name.strip_suffix(".gz").unwrap_or(&file_name);
    let stem = file_name.split('.').next().filter(|s| !s.is_empty()).unwrap_or("article");
    let id = unique_id(stem, ids);
    let html_by_name = [".html", ".htm", ".xhtml"].iter().any(|ext| file_name.ends_with(ext));
    if html_by_name || looks_like_html(bytes) {
        from_html(bytes, name, id, None)
    } else {
        from_bytes(bytes, name, id)
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
    from_html_with(bytes, input, id, url, None)
}

/// [`from_html`] with the HTTP `Content-Type` header, whose charset wins over the page's.
pub fn from_html_with(bytes: &[u8], input: &str, id: String, url: Option<&str>, content_type: Option<&str>) -> Result<Loaded, InputError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty { path: input.to_owned() });
    }
    let decoded = charset::decode_html(bytes, content_type);
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
    let header = text_header(&text);
    let meta = Metadata { input: Some(input.to_owned()), published: header.published, authors: header.authors, ..Metadata::default() };
    Ok(Loaded { doc: Document::new(id, text, meta), warnings })
}

/// What the first lines of a plain-text article say about it.
#[derive(Debug, Default, PartialEq)]
struct TextHeader {
    published: Option<String>,
    authors: Vec<String>,
}

/// Reads a publication date and a byline from the first lines of a plain-text article:
/// "Published: 3 March 2024", "Date: 2024-03-03", "Posted on March 3, 2024", a line that is
/// only a date, "By Jane Doe and Sam Ode". The text itself is not changed.
fn text_header(text: &str) -> TextHeader {
    let mut header = TextHeader::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()).take(8) {
        let lower = line.to_ascii_lowercase();
        let labelled = ["published:", "published on", "published", "date:", "posted:", "posted on", "posted"]
            .iter()
            .find_map(|label| lower.strip_prefix(label).map(|_| &line[label.len()..]));
        if header.published.is_none() && line.len() <= 60 {
            // A labelled date, or a line that is a date and nothing else.
            let candidate = labelled.unwrap_or(line);
            let only_date = labelled.is_some() || candidate.split_whitespace().count() <= 4;
            if let Some(date) = only_date.then(|| meta::normalise_date(candidate)).flatten() {
                header.published = Some(date);
                continue;
            }
        }
        if header.authors.is_empty() && line.len() <= 80 {
            if let Some(names) = line.strip_prefix("By ") {
                let authors: Vec<String> = names
                    .split([',', '&'])
                    .flat_map(|part| part.split(" and "))
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned)
                    .collect();
                let all_names = authors
                    .iter()
                    .all(|n| n.split_whitespace().count() <= 4 && n.split_whitespace().all(|w| w.starts_with(char::is_uppercase)));
                if all_names && !authors.is_empty() {
                    header.authors = authors;
                }
            }
        }
    }
    header
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
    fn a_plain_text_header_gives_date_and_byline() {
        let header =
            text_header("Clashes in the north\n\nBy Amina Yusuf and Tom Hale\nPublished: 3 March 2024\n\nMilitants attacked a post.");
        assert_eq!(header.published.as_deref(), Some("2024-03-03"));
        assert_eq!(header.authors, ["Amina Yusuf", "Tom Hale"]);
        assert_eq!(text_header("Talks\n\nMarch 3, 2024\n\nBody.").published.as_deref(), Some("2024-03-03"));
        // A date inside a sentence is no publication date, and a sentence is no byline.
        let header = text_header("Talks resumed on 3 March 2024 after a long pause in the fighting near the border.\nBy the end of the day, nothing had changed.");
        assert_eq!(header, TextHeader::default());
        let loaded = from_bytes(b"Talks\n\nDate: 2024-03-03\n\nBody text here.", "t.txt", "t".into()).unwrap();
        assert_eq!(loaded.doc.meta.published.as_deref(), Some("2024-03-03"));
        assert_eq!(loaded.doc.text().as_str(), "Talks\n\nDate: 2024-03-03\n\nBody text here.", "the text is the input exactly");
    }

    #[test]
    fn ids_stay_unique() {
        let mut ids = HashSet::new();
        assert_eq!(unique_id("a", &mut ids), "a");
        assert_eq!(unique_id("a", &mut ids), "a-2");
    }
}
