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

/// Writes the records of every input that could be read; returns how many inputs failed.
pub fn run(inputs: &[PathBuf], format: ExtractFormat, out: &mut dyn Write, report: &dyn Fn(&str)) -> Result<usize> {
    let batch = parallax_ingest::read_inputs(inputs);
    for error in &batch.errors {
        report(&error.to_string());
    }
    for loaded in &batch.loaded {
        for warning in &loaded.warnings {
            report(&format!("warning: {warning}"));
        }
    }
    match format {
        ExtractFormat::Json => {
            let records: Vec<serde_json::Value> = batch.loaded.iter().map(|l| record(&l.doc)).collect();
            serde_json::to_writer_pretty(&mut *out, &records)?;
            writeln!(out)?;
        }
        ExtractFormat::Jsonl => {
            for loaded in &batch.loaded {
                serde_json::to_writer(&mut *out, &record(&loaded.doc))?;
                writeln!(out)?;
            }
        }
        ExtractFormat::Text => {
            for (i, loaded) in batch.loaded.iter().enumerate() {
                let doc = &loaded.doc;
                if i > 0 {
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
    }
    out.flush()?;
    Ok(batch.errors.len())
}
