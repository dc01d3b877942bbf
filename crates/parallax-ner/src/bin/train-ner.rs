//! `train-ner`: trains the NER model from CoNLL-style files and writes the model file.
//!
//! ```sh
//! cargo run --release -p parallax-ner --bin train-ner -- \
//!     --data ../shared/data/ner/conll2003 --out models/ner/en-news.bin
//! ```
//!
//! Reads `train.conllu` from the data folder (and `val.conllu`, if there, only to print
//! validation scores after each epoch: it never changes the model). With the default
//! settings the output is the shipped model, byte for byte.
#![allow(clippy::print_stderr)]

use parallax_ner::conll;
use parallax_ner::features::{Gazetteer, GazetteerList};
use parallax_ner::training::{evaluate, train, training_documents, Counts, TrainingConfig, TrainingDocument};
use parallax_ner::{Label, Tagger};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str =
    "usage: train-ner --data DIR --out FILE [--gazetteers DIR] [--epochs N] [--seed N] [--min-weight X] [--gazetteer-folds N] [--one-pass] [--ensemble N] [--no-val]

--gazetteers defaults to the folder `gazetteers` beside the output file; it holds the word
lists first_names.txt, last_names.txt and places.txt (a missing list is an error).";

struct Args {
    data: PathBuf,
    out: PathBuf,
    gazetteers: Option<PathBuf>,
    config: TrainingConfig,
    validate: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut data = None;
    let mut out = None;
    let mut gazetteers = None;
    let mut config = TrainingConfig::default();
    let mut validate = true;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => data = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--gazetteers" => gazetteers = Some(PathBuf::from(value()?)),
            "--epochs" => config.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--seed" => config.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--min-weight" => config.min_weight = value()?.parse().map_err(|e| format!("--min-weight: {e}"))?,
            "--gazetteer-folds" => config.gazetteer_folds = value()?.parse().map_err(|e| format!("--gazetteer-folds: {e}"))?,
            "--no-val" => validate = false,
            "--one-pass" => config.two_pass = false,
            "--ensemble" => config.ensemble = value()?.parse().map_err(|e| format!("--ensemble: {e}"))?,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(Args { data: data.ok_or(USAGE)?, out: out.ok_or(USAGE)?, gazetteers, config, validate })
}

fn read_documents(path: &Path) -> Result<Vec<TrainingDocument>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sentences = conll::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    training_documents(&sentences).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_gazetteers(dir: &Path) -> Result<Gazetteer, String> {
    let mut gazetteer = Gazetteer::new();
    for (file, list) in
        [("first_names.txt", GazetteerList::FirstName), ("last_names.txt", GazetteerList::LastName), ("places.txt", GazetteerList::Place)]
    {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        gazetteer.insert_lines(&text, list);
    }
    Ok(gazetteer)
}

fn summary(counts: &Counts) -> String {
    let f = |labels: &[Label]| counts.scores(labels).2;
    format!(
        "PER {:.3} ORG {:.3} LOC {:.3} MISC {:.3} | PER+ORG+LOC {:.4} | all {:.4}",
        f(&[Label::Person]),
        f(&[Label::Organisation]),
        f(&[Label::Location]),
        f(&[Label::Misc]),
        counts.f1_per_org_loc(),
        f(&Label::ALL)
    )
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let gazetteer_dir = match &args.gazetteers {
        Some(dir) => dir.clone(),
        None => args.out.parent().unwrap_or(Path::new(".")).join("gazetteers"),
    };
    let general = read_gazetteers(&gazetteer_dir)?;
    let train_docs = read_documents(&args.data.join("train.conllu"))?;
    let val_path = args.data.join("val.conllu");
    let val_docs = if args.validate && val_path.exists() { Some(read_documents(&val_path)?) } else { None };
    let tokens: usize = train_docs.iter().flat_map(|d| &d.sentences).map(|s| s.words.len()).sum();
    eprintln!("train-ner: {} documents, {tokens} tokens; {:?}", train_docs.len(), args.config);
    let started = Instant::now();
    eprintln!("train-ner: {} general gazetteer phrases from {}", general.len(), gazetteer_dir.display());
    let model = train(&train_docs, &general, &args.config, &mut |report, model| {
        let mut line = format!(
            "member {} epoch {:>2}: {} of {} sentences wrong, {} features seen, {} kept, {:.0?}",
            report.member,
            report.epoch,
            report.mistakes,
            report.sentences,
            report.features,
            model.feature_count(),
            started.elapsed()
        );
        if let Some(val) = &val_docs {
            let tagger = Tagger::new(model.clone());
            line.push_str(&format!("\n          val: {}", summary(&evaluate(&tagger, val))));
        }
        eprintln!("{line}");
    });
    if let Some(val) = &val_docs {
        eprintln!("final model val: {}", summary(&evaluate(&Tagger::new(model.clone()), val)));
    }
    let bytes = model.to_bytes();
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!(
        "train-ner: wrote {} ({} bytes, {} features) in {:.0?}",
        args.out.display(),
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
            eprintln!("train-ner: {message}");
            ExitCode::from(2)
        }
    }
}
