//! `parallax extract`: the main text and metadata of each input, one record per page.

use anyhow::Result;
use parallax_core::layer::Blocks;
use parallax_core::{BlockKind, Document};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExtractFormat {
    /// One JSON array of records.
    Json,
    /// One JSON record per line.
    Jsonl,
    /// The headline, a metadata line and the main text of each page, separated by blank lines.
    Text,
}

/// One page's record: where it came from, what it says about itself, and its main text.
fn record(doc: &Document) -> serde_json::Value {
    json!({
        "input": doc.meta.input,
        "url": doc.meta.url,
        "title": doc.meta.title,
        "authors": doc.meta.authors,
        "published": doc.meta.published,
        "site": doc.meta.outlet,
        "language": doc.meta.language,
        "text": body(doc),
    })
}

/// The text after the headline block, when the reader marked one.
fn body(doc: &Document) -> &str {
    let text = doc.text().as_str();
    match doc.layer::<Blocks>().ok().and_then(|blocks| blocks.first()) {
        Some(first) if first.kind == BlockKind::Headline => text[first.span.end()..].trim_start(),
        _ => text,
    }
}

/// What an extract run produced.
pub struct Counts {
    pub written: usize,
    pub failures: usize,
}

/// Writes the record of every page as soon as it is read (so that an archive streams
/// through in bounded memory); returns how many records were written and how many inputs
/// or records failed.
pub fn run(inputs: &[PathBuf], format: ExtractFormat, out: &mut dyn Write, report: &dyn Fn(&str)) -> Result<Counts> {
    let mut failures = 0;
    let mut written = 0usize;
    let mut write_error: Option<std::io::Error> = None;
    if matches!(format, ExtractFormat::Json) {
        write!(out, "[")?;
    }
    parallax_ingest::visit_inputs(inputs, &mut |item| {
        if write_error.is_some() {
            return;
        }
        let doc = match item {
            parallax_ingest::Item::Loaded(loaded) => {
                for warning in &loaded.warnings {
                    report(&format!("warning: {warning}"));
                }
                loaded.doc
            }
            parallax_ingest::Item::Error(error) => {
                failures += 1;
                report(&error.to_string());
                return;
            }
            parallax_ingest::Item::Skipped(_) => return,
        };
        if let Err(error) = write_page(&doc, format, written, out) {
            write_error = Some(error);
        }
        written += 1;
    });
    if let Some(error) = write_error {
        return Err(error.into());
    }
    if matches!(format, ExtractFormat::Json) {
        writeln!(out, "{}]", if written > 0 { "\n" } else { "" })?;
    }
    out.flush()?;
    Ok(Counts { written, failures })
}

fn write_page(doc: &Document, format: ExtractFormat, index: usize, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        ExtractFormat::Json => {
            write!(out, "{}\n  ", if index > 0 { "," } else { "" })?;
            serde_json::to_writer(&mut *out, &record(doc))?;
        }
        ExtractFormat::Jsonl => {
            serde_json::to_writer(&mut *out, &record(doc))?;
            writeln!(out)?;
        }
        ExtractFormat::Text => {
            if index > 0 {
                writeln!(out)?;
            }
            writeln!(out, "# {}", doc.meta.title.as_deref().unwrap_or("(no headline)"))?;
            let unknown = "unknown";
            writeln!(
                out,
                "{} — {} — {} — {}",
                doc.meta.outlet.as_deref().unwrap_or(unknown),
                if doc.meta.authors.is_empty() { unknown.to_owned() } else { doc.meta.authors.join(", ") },
                doc.meta.published.as_deref().unwrap_or("date unknown"),
                doc.meta.url.as_deref().or(doc.meta.input.as_deref()).unwrap_or(unknown),
            )?;
            writeln!(out)?;
            writeln!(out, "{}", body(doc))?;
        }
    }
    Ok(())
}
