//! `parallax train ner` and `parallax train attribution`: the one commands that reproduce
//! the shipped models, byte for byte, from the public training data.
//!
//! The training itself is library code (`parallax_ner::training`, which does no I/O, and
//! `parallax_eval::attribution`, which reads PolNeAR); this module reads the inputs, prints
//! progress to standard error and writes the model file.

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use parallax_eval::attribution::{cue_counts, training_material};
use parallax_ner::conll;
use parallax_ner::features::{Gazetteer, GazetteerList, SentenceFeatures};
use parallax_ner::tags::Tag;
use parallax_ner::training::{
    evaluate, train, train_fixed, training_documents, Counts, EpochReport, FixedTrainingConfig, SecondPass, TrainingConfig,
    TrainingDocument,
};
use parallax_ner::{Label, Model, Tagger};
use parallax_nlp::attribution::cue_lexicon;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the named-entity model (`models/ner/en-news.bin`) on CoNLL-2003.
    ///
    /// Reads `train.conllu` from the data folder and the word lists first_names.txt,
    /// last_names.txt and places.txt. `val.conllu`, when present, is only scored after each
    /// epoch; it never changes the model. With the default settings the output is the
    /// shipped model, byte for byte; rebuild afterwards, since the model is compiled in.
    Ner(NerArgs),
    /// Train the attribution tagger (`models/attribution/en-polnear.bin`) on PolNeAR.
    ///
    /// Reads only the `train/` split (the first annotator's file of each article), never
    /// `dev/`. With the default settings the output is the shipped model, byte for byte;
    /// rebuild afterwards and score it with `parallax eval attribution --split dev`.
    Attribution(AttributionArgs),
}

#[derive(Args)]
pub struct NerArgs {
    /// The CoNLL-2003 folder; defaults to $PARALLAX_DATA/ner/conll2003.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, value_name = "FILE", default_value = "models/ner/en-news.bin")]
    out: PathBuf,
    /// The folder of word lists; defaults to `gazetteers` beside the output file.
    #[arg(long, value_name = "DIR")]
    gazetteers: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainingConfig::default().epochs)]
    epochs: usize,
    /// Seed of the document order.
    #[arg(long, default_value_t = TrainingConfig::default().seed)]
    seed: u64,
    /// Averaged weights of smaller magnitude are dropped from the model.
    #[arg(long, default_value_t = TrainingConfig::default().min_weight)]
    min_weight: f32,
    /// Folds for the jackknifed gazetteer of training entities; 0 for none.
    #[arg(long, default_value_t = TrainingConfig::default().gazetteer_folds)]
    gazetteer_folds: usize,
    /// Perceptrons trained on their own document orders and averaged.
    #[arg(long, default_value_t = TrainingConfig::default().ensemble)]
    ensemble: usize,
    /// Tag each document once instead of twice (the second pass sees the first's labels).
    #[arg(long)]
    one_pass: bool,
    /// Do not score `val.conllu` after each epoch.
    #[arg(long)]
    no_val: bool,
}

#[derive(Args)]
pub struct AttributionArgs {
    /// The PolNeAR folder (with train/); defaults to $PARALLAX_DATA/attribution/polnear.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, value_name = "FILE", default_value = "models/attribution/en-polnear.bin")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = SHIPPED_ATTRIBUTION.epochs)]
    epochs: usize,
    /// Seed of the paragraph order.
    #[arg(long, default_value_t = SHIPPED_ATTRIBUTION.seed)]
    seed: u64,
    /// Averaged weights of smaller magnitude are dropped from the model.
    #[arg(long, default_value_t = SHIPPED_ATTRIBUTION.min_weight)]
    min_weight: f32,
    /// Features seen on fewer training tokens are never learned.
    #[arg(long, default_value_t = SHIPPED_ATTRIBUTION.min_feature_count)]
    min_feature_count: u32,
    /// Tag each paragraph once (the shipped model tags it twice, the second pass seeing the
    /// first pass's tags).
    #[arg(long)]
    one_pass: bool,
}

/// The settings of the shipped attribution model.
const SHIPPED_ATTRIBUTION: FixedTrainingConfig = FixedTrainingConfig { epochs: 20, seed: 2016, min_weight: 3.75, min_feature_count: 10 };

/// A word joins the attribution cue lexicon when it opens a gold cue this many times…
const CUE_MIN_COUNT: u32 = 3;
/// … and in at least this share of its occurrences.
const CUE_MIN_SHARE: f32 = 0.2;

pub fn run(which: TrainCommand, data_root: &Path) -> Result<()> {
    match which {
        TrainCommand::Ner(args) => ner(args, data_root),
        TrainCommand::Attribution(args) => attribution(args, data_root),
    }
}

#[allow(clippy::print_stderr)]
fn ner(args: NerArgs, data_root: &Path) -> Result<()> {
    let data = args.data.unwrap_or_else(|| data_root.join("ner/conll2003"));
    let config = TrainingConfig {
        epochs: args.epochs,
        seed: args.seed,
        min_weight: args.min_weight,
        gazetteer_folds: args.gazetteer_folds,
        two_pass: !args.one_pass,
        ensemble: args.ensemble,
    };
    let gazetteer_dir = args.gazetteers.unwrap_or_else(|| args.out.parent().unwrap_or(Path::new(".")).join("gazetteers"));
    let general = read_gazetteers(&gazetteer_dir)?;
    let train_docs = read_conll_documents(&data.join("train.conllu"))?;
    let val_path = data.join("val.conllu");
    let val_docs = if !args.no_val && val_path.exists() { Some(read_conll_documents(&val_path)?) } else { None };
    let tokens: usize = train_docs.iter().flat_map(|d| &d.sentences).map(|s| s.words.len()).sum();
    eprintln!("train ner: {} documents, {tokens} tokens; {config:?}", train_docs.len());
    eprintln!("train ner: {} general gazetteer phrases from {}", general.len(), gazetteer_dir.display());
    let started = Instant::now();
    let model = train(&train_docs, &general, &config, &mut |report, model| {
        eprintln!("member {} {}", report.member, epoch_line(report, model, "sentences", started));
        if let Some(val) = &val_docs {
            eprintln!("          val: {}", ner_summary(&evaluate(&Tagger::new(model.clone()), val)));
        }
    });
    if let Some(val) = &val_docs {
        eprintln!("final model val: {}", ner_summary(&evaluate(&Tagger::new(model.clone()), val)));
    }
    write_model("train ner", &model, &args.out, started)
}

#[allow(clippy::print_stderr)]
fn attribution(args: AttributionArgs, data_root: &Path) -> Result<()> {
    let data = args.data.unwrap_or_else(|| data_root.join("attribution/polnear"));
    let config = FixedTrainingConfig {
        epochs: args.epochs,
        seed: args.seed,
        min_weight: args.min_weight,
        min_feature_count: args.min_feature_count,
    };
    let started = Instant::now();
    let counts = cue_counts(&data, "train")?;
    let lexicon = cue_lexicon(counts.iter().map(|(w, &c)| (w.as_str(), c)), CUE_MIN_COUNT, CUE_MIN_SHARE);
    eprintln!("train attribution: cue lexicon of {} words ({:.0?})", lexicon.len(), started.elapsed());
    let material = training_material(&data, "train", &lexicon)?;
    eprintln!(
        "train attribution: {} articles, {} paragraphs, {} tokens; {} gold span pieces, {} not on token boundaries, {} outside every paragraph; {config:?}",
        material.articles,
        material.sequences.len(),
        material.tokens,
        material.pieces,
        material.misaligned,
        material.unplaced,
    );
    let second_pass = |k: usize, first: &[Tag], out: &mut SentenceFeatures| material.contexts[k].features(first, out);
    let second_pass: Option<&SecondPass> = if args.one_pass { None } else { Some(&second_pass) };
    let mut model = train_fixed(&material.sequences, &config, second_pass, &mut |report, model| {
        eprintln!("{}", epoch_line(report, model, "paragraphs", started));
    });
    model.gazetteer = lexicon;
    write_model("train attribution", &model, &args.out, started)
}

fn read_conll_documents(path: &Path) -> Result<Vec<TrainingDocument>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let sentences = conll::parse(&text).with_context(|| format!("reading {}", path.display()))?;
    training_documents(&sentences).with_context(|| format!("reading {}", path.display()))
}

fn read_gazetteers(dir: &Path) -> Result<Gazetteer> {
    let mut gazetteer = Gazetteer::new();
    for (file, list) in
        [("first_names.txt", GazetteerList::FirstName), ("last_names.txt", GazetteerList::LastName), ("places.txt", GazetteerList::Place)]
    {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading the word list {}", path.display()))?;
        gazetteer.insert_lines(&text, list);
    }
    Ok(gazetteer)
}

fn ner_summary(counts: &Counts) -> String {
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

/// One epoch's progress: how many training sequences (`unit`) were still tagged wrong.
fn epoch_line(report: &EpochReport, model: &Model, unit: &str, started: Instant) -> String {
    format!(
        "epoch {:>2}: {} of {} {unit} wrong, {} features seen, {} kept, {:.0?}",
        report.epoch,
        report.mistakes,
        report.sentences,
        report.features,
        model.feature_count(),
        started.elapsed()
    )
}

/// Writes the model file, creating its folder, and says what was written.
#[allow(clippy::print_stderr)]
fn write_model(tool: &str, model: &Model, out: &Path, started: Instant) -> Result<()> {
    let bytes = model.to_bytes();
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("{tool}: wrote {} ({} bytes, {} features) in {:.0?}", out.display(), bytes.len(), model.feature_count(), started.elapsed());
    Ok(())
}
