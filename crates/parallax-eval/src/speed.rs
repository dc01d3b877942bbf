//! Throughput of the whole per-article pipeline on one thread: every stage from structure
//! to framing, on a folder of plain-text articles, in tokens per second.

use crate::{read_to_string, EvalError};
use parallax_core::layer::Tokens;
use parallax_core::{Document, Metadata};
use std::path::{Path, PathBuf};

/// One run's measurements.
#[derive(Clone, Debug, Default)]
pub struct SpeedReport {
    pub articles: usize,
    pub tokens: usize,
    pub seconds: f64,
}

impl SpeedReport {
    pub fn tokens_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.tokens as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// Runs the default pipeline over every `.txt` file under `dir`, `rounds` times, on the
/// calling thread only; reading the files is not timed.
pub fn measure(dir: &Path, rounds: usize) -> Result<SpeedReport, EvalError> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    let texts: Vec<String> = files.iter().map(|f| read_to_string(f)).collect::<Result<_, _>>()?;
    let pipeline = parallax_nlp::default_pipeline().map_err(|e| EvalError::Pipeline(e.to_string()))?;
    let mut report = SpeedReport::default();
    let started = std::time::Instant::now();
    for _ in 0..rounds.max(1) {
        for (i, text) in texts.iter().enumerate() {
            let doc = pipeline
                .run(Document::new(i.to_string(), text.clone(), Metadata::default()))
                .map_err(|e| EvalError::Pipeline(e.to_string()))?;
            report.tokens += doc.layer::<Tokens>().map_or(0, <[_]>::len);
            report.articles += 1;
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io { path: dir.display().to_string(), source })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}
