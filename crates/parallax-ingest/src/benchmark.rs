//! The extraction benchmark's score, computed exactly as `eval_extraction.py` does.
//!
//! Word 4-gram shingles (words are runs of Unicode letters, digits and `_`, like Python's
//! `\w+`), per-page true and false positives and negatives normalised by their sum,
//! precision averaged over pages with a prediction or a match, recall over pages with a
//! truth or a match, and F1 from the two averages.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

/// Why the benchmark's data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BenchmarkError {
    #[error("{path}: cannot read: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: not a ground-truth file ({{id: {{\"articleBody\": text}}}}): {reason}")]
    Truth { path: String, reason: String },
}

/// The pages of a benchmark: every `*.html.gz` (or `*.html`) in `html_dir`, by id (the
/// file name without extensions), decompressed, in sorted order.
pub fn load_pages(html_dir: &Path) -> Result<Vec<(String, Vec<u8>)>, BenchmarkError> {
    let io_error = |path: &Path, source| BenchmarkError::Io { path: path.display().to_string(), source };
    let mut paths: Vec<_> =
        std::fs::read_dir(html_dir).map_err(|e| io_error(html_dir, e))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(id) = name.strip_suffix(".html.gz").or_else(|| name.strip_suffix(".html")) else { continue };
        let raw = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
        let bytes = if name.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(raw.as_slice()).read_to_end(&mut out).map_err(|e| io_error(&path, e))?;
            out
        } else {
            raw
        };
        pages.push((id.to_owned(), bytes));
    }
    Ok(pages)
}

/// Reads `{id: {"articleBody": text, …}}`.
pub fn load_truth(path: &Path) -> Result<BTreeMap<String, String>, BenchmarkError> {
    let raw = std::fs::read(path).map_err(|source| BenchmarkError::Io { path: path.display().to_string(), source })?;
    let truth_error = |reason: String| BenchmarkError::Truth { path: path.display().to_string(), reason };
    let value: serde_json::Value = serde_json::from_slice(&raw).map_err(|e| truth_error(e.to_string()))?;
    let object = value.as_object().ok_or_else(|| truth_error("not a JSON object".into()))?;
    Ok(object.iter().map(|(id, page)| (id.clone(), page.get("articleBody").and_then(|b| b.as_str()).unwrap_or("").to_owned())).collect())
}

/// Precision, recall and F1 over a set of pages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    pub pages: usize,
    pub missing: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Per-page normalised (true positive, false positive, false negative) shares.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageCounts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl PageCounts {
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// Python's `\w` for a `str`: `str.isalnum()` (general categories L* and N*) or the
/// underscore. Rust's `is_alphanumeric` also takes the other alphabetic marks and symbols
/// (combining vowel signs, circled letters such as 'ⓒ'), which Python does not.
fn is_word_char(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric()
        && matches!(
            get_general_category(c),
            G::UppercaseLetter
                | G::LowercaseLetter
                | G::TitlecaseLetter
                | G::ModifierLetter
                | G::OtherLetter
                | G::DecimalNumber
                | G::LetterNumber
                | G::OtherNumber
        )
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).collect()
}

/// Word 4-gram shingles with their counts; a text of one to three words is one shingle.
fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let tokens = words(text);
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let windows = tokens.len().saturating_sub(3).max(1);
    for i in 0..windows {
        let end = (i + 4).min(tokens.len());
        *counts.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

/// The normalised counts of one page.
pub fn page_counts(truth: &str, predicted: &str) -> PageCounts {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (key, &tc) in &t {
        let pc = p.get(key).copied().unwrap_or(0);
        tp += u64::from(tc.min(pc));
        fn_ += u64::from(tc.saturating_sub(pc));
    }
    for (key, &pc) in &p {
        fp += u64::from(pc.saturating_sub(t.get(key).copied().unwrap_or(0)));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return PageCounts { tp: 0.0, fp: 0.0, fn_: 0.0 };
    }
    PageCounts { tp: tp as f64 / sum, fp: fp as f64 / sum, fn_: fn_ as f64 / sum }
}

/// Scores predictions (id → text) against the truth (id → text). A page without a
/// prediction counts as an empty prediction.
pub fn score(truth: &BTreeMap<String, String>, predicted: &BTreeMap<String, String>) -> Scores {
    let counts: Vec<PageCounts> = truth.iter().map(|(id, text)| page_counts(text, predicted.get(id).map_or("", String::as_str))).collect();
    let mean = |values: Vec<f64>| if values.is_empty() { 0.0 } else { values.iter().sum::<f64>() / values.len() as f64 };
    let precision = mean(counts.iter().filter(|c| c.tp + c.fp > 0.0).map(PageCounts::precision).collect());
    let recall = mean(counts.iter().filter(|c| c.tp + c.fn_ > 0.0).map(PageCounts::recall).collect());
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Scores { pages: truth.len(), missing: truth.keys().filter(|id| !predicted.contains_key(*id)).count(), precision, recall, f1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let text = "one two three four five six";
        assert_eq!(page_counts(text, text), PageCounts { tp: 1.0, fp: 0.0, fn_: 0.0 });
        let counts = page_counts(text, "seven eight nine ten");
        assert_eq!((counts.precision(), counts.recall()), (0.0, 0.0));
    }

    #[test]
    fn short_texts_are_one_shingle_and_words_follow_python() {
        assert_eq!(shingles("a b").len(), 1);
        assert!(shingles("").is_empty());
        assert_eq!(words("l'été, 2,500 snake_case — née"), ["l", "été", "2", "500", "snake_case", "née"]);
        // Circled letters and combining vowel signs are alphabetic to Rust but not to Python.
        assert_eq!(words("ⓒ2019 नमस्ते"), ["2019", "नमस", "त"]);
    }

    #[test]
    fn scores_average_over_pages() {
        let truth: BTreeMap<String, String> =
            [("a", "w1 w2 w3 w4 w5 w6 w7"), ("b", "x1 x2 x3 x4 x5")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let predicted: BTreeMap<String, String> =
            [("a", "w1 w2 w3 w4 w5 w6 w7 w8")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let scores = score(&truth, &predicted);
        assert_eq!(scores.missing, 1);
        // Page a: 4 true shingles, 1 false positive → precision 0.8, recall 1; page b: recall 0.
        assert!((scores.precision - 0.8).abs() < 1e-9);
        assert!((scores.recall - 0.5).abs() < 1e-9);
    }
}
