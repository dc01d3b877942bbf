//! # parallax-embed
//!
//! Optional sentence embeddings for Parallax: a sentence-transformers BERT directory
//! (`config.json`, `model.safetensors`, `vocab.txt`; all-MiniLM-L6-v2 is the one Parallax
//! installs) loaded with candle and run on the CPU. [`Embedder::embed`] tokenizes a batch
//! ([`tokenizer::WordPieceTokenizer`]), runs the encoder, mean-pools the token vectors over
//! the attention mask and L2-normalises them, so the cosine of two embeddings
//! ([`cosine`]) is their dot product.
//!
//! Parallax works without a model: nothing here is needed unless the caller loads one.
//! No printing; the only I/O is reading the model directory given to [`Embedder::load`].

pub mod testing;
pub mod tokenizer;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::{Path, PathBuf};
use tokenizer::{VocabError, WordPieceTokenizer};

/// The longest sequence embedded, markers included: all-MiniLM-L6-v2's `max_seq_length`.
/// Longer texts are truncated, as sentence-transformers does.
pub const MAX_TOKENS: usize = 256;

/// How many sentences go through the encoder at once. Sentences are sorted by length
/// first, so a batch pads little.
const BATCH_SIZE: usize = 32;

/// The files a model directory must hold.
pub const CONFIG_FILE: &str = "config.json";
pub const WEIGHTS_FILE: &str = "model.safetensors";
pub const VOCAB_FILE: &str = "vocab.txt";

/// Where Parallax keeps the model when `$PARALLAX_MODEL_DIR` does not say: the model's
/// folder under the data directory the corpus store also uses.
pub const MODEL_DIR_ENV: &str = "PARALLAX_MODEL_DIR";
pub const MODEL_NAME: &str = "all-MiniLM-L6-v2";

/// Why a model could not be loaded or run. Every loading error names its file.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path} is not a BERT configuration: {source}")]
    Config { path: PathBuf, source: serde_json::Error },
    #[error("{path}: {source}")]
    Vocab { path: PathBuf, source: VocabError },
    #[error("{path} has {found} tokens but {config} declares a vocabulary of {declared}")]
    VocabSize { path: PathBuf, found: usize, config: PathBuf, declared: usize },
    #[error("{path} does not hold the weights of the model {config} describes: {source}")]
    Weights { path: PathBuf, config: PathBuf, source: Box<candle_core::Error> },
    #[error("the model failed on a batch: {0}")]
    Inference(#[source] Box<candle_core::Error>),
}

// candle's error is large; boxed, `EmbedError` stays small on the happy path.
impl From<candle_core::Error> for EmbedError {
    fn from(error: candle_core::Error) -> Self {
        EmbedError::Inference(Box::new(error))
    }
}

/// A loaded sentence-embedding model.
pub struct Embedder {
    model: BertModel,
    tokenizer: WordPieceTokenizer,
    device: Device,
    dimension: usize,
    max_tokens: usize,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder").field("dimension", &self.dimension).field("max_tokens", &self.max_tokens).finish_non_exhaustive()
    }
}

impl Embedder {
    /// Loads a sentence-transformers BERT directory. The weights are memory-mapped
    /// by candle's safetensors reader and copied into tensors once.
    pub fn load(dir: &Path) -> Result<Self, EmbedError> {
        let config_path = dir.join(CONFIG_FILE);
        let vocab_path = dir.join(VOCAB_FILE);
        let weights_path = dir.join(WEIGHTS_FILE);
        let read = |path: &Path| std::fs::read_to_string(path).map_err(|source| EmbedError::Read { path: path.to_owned(), source });
        let config: Config =
            serde_json::from_str(&read(&config_path)?).map_err(|source| EmbedError::Config { path: config_path.clone(), source })?;
        let tokenizer =
            WordPieceTokenizer::from_vocab(&read(&vocab_path)?).map_err(|source| EmbedError::Vocab { path: vocab_path.clone(), source })?;
        if tokenizer.vocab_size() > config.vocab_size {
            return Err(EmbedError::VocabSize {
                path: vocab_path,
                found: tokenizer.vocab_size(),
                config: config_path,
                declared: config.vocab_size,
            });
        }
        // Checked here so that a missing file is an I/O error naming it, not a candle error.
        std::fs::metadata(&weights_path).map_err(|source| EmbedError::Read { path: weights_path.clone(), source })?;
        let device = Device::Cpu;
        let weights_error =
            |source| EmbedError::Weights { path: weights_path.clone(), config: config_path.clone(), source: Box::new(source) };
        let weights = candle_core::safetensors::load(&weights_path, &device).map_err(weights_error)?;
        let model = BertModel::load(VarBuilder::from_tensors(weights, DType::F32, &device), &config).map_err(weights_error)?;
        Ok(Self { model, tokenizer, device, dimension: config.hidden_size, max_tokens: MAX_TOKENS.min(config.max_position_embeddings) })
    }

    /// The length of every embedding.
    pub fn dimension(&self) -> usize {
        self.dimension
    }

    /// One unit-length embedding per sentence, in the order given.
    pub fn embed(&self, sentences: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let encoded: Vec<Vec<u32>> = sentences.iter().map(|s| self.tokenizer.encode(s, self.max_tokens)).collect();
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        order.sort_by_key(|&i| encoded[i].len());
        let mut out = vec![Vec::new(); sentences.len()];
        for batch in order.chunks(BATCH_SIZE) {
            let rows: Vec<&[u32]> = batch.iter().map(|&i| encoded[i].as_slice()).collect();
            for (&i, embedding) in batch.iter().zip(self.embed_batch(&rows)?) {
                out[i] = embedding;
            }
        }
        Ok(out)
    }

    fn embed_batch(&self, rows: &[&[u32]]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        let mut ids = Vec::with_capacity(rows.len() * width);
        let mut mask = Vec::with_capacity(rows.len() * width);
        for row in rows {
            ids.extend_from_slice(row);
            ids.extend(std::iter::repeat_n(self.tokenizer.pad_id(), width - row.len()));
            mask.extend(std::iter::repeat_n(1u32, row.len()));
            mask.extend(std::iter::repeat_n(0u32, width - row.len()));
        }
        let ids = Tensor::from_vec(ids, (rows.len(), width), &self.device)?;
        let mask = Tensor::from_vec(mask, (rows.len(), width), &self.device)?;
        let token_types = ids.zeros_like()?;
        let hidden = self.model.forward(&ids, &token_types, Some(&mask))?;
        // Mean over the real tokens: sum(hidden × mask) / sum(mask), then L2-normalise.
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?;
        let mean = summed.broadcast_div(&counts)?;
        let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12f32, f32::MAX)?;
        Ok(mean.broadcast_div(&norms)?.to_vec2::<f32>()?)
    }
}

/// The cosine of two vectors (0 when either is zero). For [`Embedder`]'s unit vectors it
/// is their dot product.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    let denominator = norm(a) * norm(b);
    if denominator == 0.0 {
        0.0
    } else {
        dot / denominator
    }
}

/// The model directory Parallax uses: `$PARALLAX_MODEL_DIR` when set, else
/// `$XDG_DATA_HOME/parallax/models/all-MiniLM-L6-v2`, else
/// `~/.local/share/parallax/models/all-MiniLM-L6-v2` (beside the default corpus store).
/// `None` when neither variable nor a home directory is known.
pub fn default_model_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(MODEL_DIR_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|home| PathBuf::from(home).join(".local/share")))?;
    Some(data.join("parallax").join("models").join(MODEL_NAME))
}

/// Whether `dir` holds the three files a model needs (it may still fail to load).
pub fn is_installed(dir: &Path) -> bool {
    [CONFIG_FILE, WEIGHTS_FILE, VOCAB_FILE].iter().all(|f| dir.join(f).is_file())
}
