//! # parallax-ingest
//!
//! Turns what the user names on the command line into [`Document`]s: files and
//! directories (walked in sorted order) of plain text. Every input either becomes a
//! document or an [`InputError`] that names it; one bad input never stops the others.
//! This crate reads files but never prints.

pub mod benchmark;
pub mod charset;
pub mod extract;
pub mod html;
pub mod meta;

pub use extract::{extract, Extracted, TextBlock, TextBlockKind};

use parallax_core::{Document, Metadata};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Inputs larger than this are refused rather than analysed.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// File extensions read when walking a directory.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];

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
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())) {
            files.push(path);
        } else {
            batch.skipped.push(path);
        }
    }
}

/// Reads one plain-text file into a document whose text is the file's bytes as UTF-8.
pub fn read_file(path: &Path, ids: &mut HashSet<String>) -> Result<Loaded, InputError> {
    let name = path.display().to_string();
    let size = fs::metadata(path).map_err(|source| InputError::Io { path: name.clone(), source })?.len();
    if size > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge { path: name, size, max: MAX_INPUT_BYTES });
    }
    let bytes = fs::read(path).map_err(|source| InputError::Io { path: name.clone(), source })?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article");
    from_bytes(&bytes, &name, unique_id(stem, ids))
}

/// Makes a document from raw bytes read from `input`.
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
