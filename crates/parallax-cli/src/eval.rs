//! `parallax eval extraction`: the main-text extraction benchmark.
//!
//! Reads every `html/*.html.gz` of a benchmark directory, extracts each page's main text
//! on one thread (timing only decoding and extraction), writes the predictions file that
//! `eval_extraction.py` reads, and prints the same precision, recall and F1, plus pages
//! per second.

use anyhow::{Context, Result};
use parallax_ingest::benchmark;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Scores an existing predictions file (another tool's, say) with the same metric.
pub fn score_file(data: &Path, predictions: &Path, stdout: &mut dyn Write) -> Result<()> {
    let truth = benchmark::load_truth(&data.join("ground-truth.json"))?;
    let predicted = benchmark::load_truth(predictions)?;
    let scores = benchmark::score(&truth, &predicted);
    writeln!(
        stdout,
        "pages {}  missing {}  precision {:.3}  recall {:.3}  F1 {:.3}",
        scores.pages, scores.missing, scores.precision, scores.recall, scores.f1
    )?;
    Ok(())
}

pub fn extraction(data: &Path, out: Option<&PathBuf>, stdout: &mut dyn Write) -> Result<()> {
    let pages =
        benchmark::load_pages(&data.join("html")).with_context(|| format!("reading the benchmark pages under {}", data.display()))?;
    if pages.is_empty() {
        anyhow::bail!("{}: no *.html.gz pages found", data.join("html").display());
    }
    let truth = benchmark::load_truth(&data.join("ground-truth.json"))?;
    let mut predicted = BTreeMap::new();
    let mut spent = Duration::ZERO;
    let bytes: usize = pages.iter().map(|(_, page)| page.len()).sum();
    for (id, page) in &pages {
        let start = Instant::now();
        let decoded = parallax_ingest::charset::decode_html(page, None);
        let extracted = parallax_ingest::extract(&decoded.text, None);
        spent += start.elapsed();
        predicted.insert(id.clone(), extracted.text);
    }
    if let Some(out) = out {
        let json: serde_json::Map<String, serde_json::Value> =
            predicted.iter().map(|(id, text)| (id.clone(), serde_json::json!({ "articleBody": text }))).collect();
        let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
        let mut writer = std::io::BufWriter::new(file);
        serde_json::to_writer(&mut writer, &json)?;
        writer.flush()?;
    }
    let scores = benchmark::score(&truth, &predicted);
    let seconds = spent.as_secs_f64().max(1e-9);
    writeln!(
        stdout,
        "pages {}  missing {}  precision {:.3}  recall {:.3}  F1 {:.3}",
        scores.pages, scores.missing, scores.precision, scores.recall, scores.f1
    )?;
    writeln!(
        stdout,
        "parallax: {} pages, {:.1} MB of HTML in {:.3} s = {:.1} pages/s (one thread, decoding and extraction only)",
        pages.len(),
        bytes as f64 / 1e6,
        seconds,
        pages.len() as f64 / seconds
    )?;
    Ok(())
}
