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

/// Reads a labelled file of one JSON object per line, blank lines skipped, each object read
/// by `parse`; an error names `what` and the line.
pub(crate) fn parse_json_lines<T>(
    text: &str,
    what: &str,
    parse: impl Fn(&serde_json::Value) -> Result<T, String>,
) -> Result<Vec<T>, EvalError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let error = |message: String| EvalError::Format { path: format!("{what}, line {}", i + 1), message };
            let value: serde_json::Value = serde_json::from_str(line).map_err(|e| error(e.to_string()))?;
            parse(&value).map_err(error)
        })
        .collect()
}
