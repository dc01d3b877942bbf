//! # parallax-eval
//!
//! Evaluation harnesses that score Parallax's stages against public ground truth. Each
//! harness reads a data set from a directory the caller names (by default under
//! `../shared/data`), runs the stage, and returns a score report; the CLI prints it.
//! This crate reads files but never prints.

pub mod attribution;
pub mod brat;
pub mod news_quantities;
pub mod news_quotes;
pub mod quote_matching;
pub mod scale;
pub mod score;
pub mod speed;
pub mod stories;
pub mod times;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: {message}")]
    Format { path: String, message: String },
    #[error("{0}")]
    Pipeline(String),
}

pub(crate) fn read_to_string(path: &std::path::Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io { path: path.display().to_string(), source })
}
