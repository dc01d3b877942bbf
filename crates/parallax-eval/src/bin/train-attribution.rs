//! `train-attribution`: trains the attribution tagger (`parallax_nlp::attribution`) on
//! PolNeAR's training split and writes the model file.
//!
//! ```sh
//! cargo run --release -p parallax-eval --bin train-attribution -- \
//!     --data ../shared/data/attribution/polnear --out models/attribution/en-polnear.bin
//! ```
//!
//! Reads only `train/` (never `dev/`); the first annotator's file of each article. With
//! the default settings the output is the shipped model, byte for byte. Score it with
//! `parallax eval attribution --split dev` after rebuilding.
#![allow(clippy::print_stderr)]

use parallax_eval::attribution::{cue_counts, training_material};
use parallax_ner::training::{train_fixed, FixedTrainingConfig};
use parallax_nlp::attribution::cue_lexicon;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: train-attribution --data DIR --out FILE [--epochs N] [--seed N] [--min-weight X] [--min-feature-count N]";

/// A word joins the cue lexicon when it opens a gold cue this many times…
const CUE_MIN_COUNT: u32 = 3;
/// … and in at least this share of its occurrences.
const CUE_MIN_SHARE: f32 = 0.2;

/// The settings of the shipped model.
fn default_config() -> FixedTrainingConfig {
    FixedTrainingConfig { epochs: 12, seed: 2016, min_weight: 0.5, min_feature_count: 10 }
}

fn run() -> Result<(), String> {
    let mut data = None;
    let mut out = None;
    let mut config = default_config();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => data = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--epochs" => config.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--seed" => config.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--min-feature-count" => config.min_feature_count = value()?.parse().map_err(|e| format!("--min-feature-count: {e}"))?,
            "--min-weight" => config.min_weight = value()?.parse().map_err(|e| format!("--min-weight: {e}"))?,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let (data, out) = (data.ok_or(USAGE)?, out.ok_or(USAGE)?);
    let started = Instant::now();
    let counts = cue_counts(&data, "train").map_err(|e| e.to_string())?;
    let lexicon = cue_lexicon(counts.iter().map(|(w, &c)| (w.as_str(), c)), CUE_MIN_COUNT, CUE_MIN_SHARE);
    eprintln!("train-attribution: cue lexicon of {} words ({:.0?})", lexicon.len(), started.elapsed());
    let material = training_material(&data, "train", &lexicon).map_err(|e| e.to_string())?;
    eprintln!(
        "train-attribution: {} articles, {} paragraphs, {} tokens; {} gold span pieces, {} not on token boundaries, {} outside every paragraph; {:?} ({:.0?})",
        material.articles,
        material.sequences.len(),
        material.tokens,
        material.pieces,
        material.misaligned,
        material.unplaced,
        config,
        started.elapsed()
    );
    let model = train_fixed(&material.sequences, &config, &mut |report, model| {
        eprintln!(
            "epoch {:>2}: {} of {} paragraphs wrong, {} features seen, {} kept, {:.0?}",
            report.epoch,
            report.mistakes,
            report.sentences,
            report.features,
            model.feature_count(),
            started.elapsed()
        );
    });
    let mut model = model;
    model.gazetteer = lexicon;
    let bytes = model.to_bytes();
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "train-attribution: wrote {} ({} bytes, {} features) in {:.0?}",
        out.display(),
        bytes.len(),
        model.feature_count(),
        started.elapsed()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train-attribution: {message}");
            ExitCode::from(2)
        }
    }
}
