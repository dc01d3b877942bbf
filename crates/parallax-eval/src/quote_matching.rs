//! Matching one speaker's reports across outlets: the brief's lexical rule alone against
//! the lexical rule or an embedding cosine at a threshold, on the team's labelled pairs
//! (`data/quote-pairs.tsv`, compiled in).
//!
//! The threshold is chosen on the `dev` pairs (the highest F1, the higher threshold on a
//! tie) and the `test` pairs are scored with it, so the test figure is not tuned on.

use crate::score;
use parallax_brief::StatementEmbedder;
use std::time::Instant;

/// The labelled pairs shipped with the crate.
pub const PAIRS: &str = include_str!("../data/quote-pairs.tsv");

/// One labelled pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub split: Split,
    pub same: bool,
    pub a: String,
    pub b: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Dev,
    Test,
}

/// A malformed line of the pairs file.
#[derive(Debug, thiserror::Error)]
#[error("quote pairs, line {line}: {message}")]
pub struct PairsError {
    pub line: usize,
    pub message: String,
}

/// Reads the tab-separated pairs: `split`, `same`/`different`, report A, report B; `#`
/// starts a comment line.
pub fn parse_pairs(text: &str) -> Result<Vec<Pair>, PairsError> {
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |message: &str| PairsError { line: i + 1, message: message.to_owned() };
        let fields: Vec<&str> = line.split('\t').collect();
        let [split, label, a, b] = fields[..] else { return Err(error("expected 4 tab-separated fields")) };
        let split = match split {
            "dev" => Split::Dev,
            "test" => Split::Test,
            _ => return Err(error("the split is neither dev nor test")),
        };
        let same = match label {
            "same" => true,
            "different" => false,
            _ => return Err(error("the label is neither same nor different")),
        };
        pairs.push(Pair { split, same, a: a.to_owned(), b: b.to_owned() });
    }
    Ok(pairs)
}

/// The scores of one matcher on one split.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Confusion {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub true_negatives: usize,
}

impl Confusion {
    fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.true_positives += 1,
            (true, false) => self.false_positives += 1,
            (false, true) => self.false_negatives += 1,
            (false, false) => self.true_negatives += 1,
        }
    }

    /// Precision, recall and F1 of the "same" label.
    pub fn scores(&self) -> score::Counts {
        score::Counts {
            true_positives: self.true_positives,
            predicted: self.true_positives + self.false_positives,
            gold: self.true_positives + self.false_negatives,
        }
    }
}

/// What `evaluate` reports.
#[derive(Debug, Clone)]
pub struct QuoteMatchingReport {
    pub dev_pairs: usize,
    pub test_pairs: usize,
    /// Lexical rule alone, on dev and on test.
    pub lexical: [Confusion; 2],
    /// With embeddings: the threshold chosen on dev, and lexical-or-cosine on dev and test.
    pub with_embeddings: Option<EmbeddingScores>,
}

#[derive(Debug, Clone)]
pub struct EmbeddingScores {
    pub threshold: f32,
    pub combined: [Confusion; 2],
    /// Cosine alone at the same threshold, on dev and test: how much the lexical rule adds.
    pub cosine_alone: [Confusion; 2],
    /// The embedder's own threshold (the one the brief uses) and the combined scores there.
    pub brief_threshold: f32,
    pub combined_at_brief_threshold: [Confusion; 2],
    /// Every distinct report embedded, and how long it took.
    pub sentences: usize,
    pub seconds: f64,
    /// The cosine of every pair, in file order (for `--verbose`).
    pub cosines: Vec<f32>,
}

/// Scores the lexical rule and, with an embedder, the lexical rule or cosine ≥ threshold.
pub fn evaluate(pairs: &[Pair], embedder: Option<&dyn StatementEmbedder>) -> Result<QuoteMatchingReport, String> {
    let split_index = |p: &Pair| usize::from(p.split == Split::Test);
    let lexical_predictions: Vec<bool> = pairs.iter().map(|p| parallax_brief::build::same_statement_by_wording(&p.a, &p.b)).collect();
    let mut lexical = [Confusion::default(); 2];
    for (pair, &predicted) in pairs.iter().zip(&lexical_predictions) {
        lexical[split_index(pair)].add(predicted, pair.same);
    }
    let with_embeddings = match embedder {
        None => None,
        Some(embedder) => {
            let mut texts: Vec<&str> = pairs.iter().flat_map(|p| [p.a.as_str(), p.b.as_str()]).collect();
            texts.sort_unstable();
            texts.dedup();
            let started = Instant::now();
            let vectors = embedder.embed(&texts)?;
            let seconds = started.elapsed().as_secs_f64();
            let vector = |text: &str| texts.binary_search(&text).ok().map(|i| &vectors[i]);
            let cosines: Vec<f32> = pairs
                .iter()
                .map(|p| match (vector(&p.a), vector(&p.b)) {
                    (Some(a), Some(b)) => a.iter().zip(b).map(|(x, y)| x * y).sum(),
                    _ => 0.0,
                })
                .collect();
            let score = |threshold: f32, use_lexical: bool| {
                let mut counts = [Confusion::default(); 2];
                for ((pair, &lexical), &cosine) in pairs.iter().zip(&lexical_predictions).zip(&cosines) {
                    counts[split_index(pair)].add((use_lexical && lexical) || cosine >= threshold, pair.same);
                }
                counts
            };
            // Candidate thresholds: every dev cosine, so the best cut is among them.
            let mut candidates: Vec<f32> = pairs.iter().zip(&cosines).filter(|(p, _)| p.split == Split::Dev).map(|(_, &c)| c).collect();
            candidates.push(1.01);
            let mut best = (f64::MIN, 1.01f32);
            for &threshold in &candidates {
                let f1 = score(threshold, true)[0].scores().f1();
                if f1 > best.0 || (f1 == best.0 && threshold > best.1) {
                    best = (f1, threshold);
                }
            }
            let threshold = best.1;
            Some(EmbeddingScores {
                threshold,
                combined: score(threshold, true),
                cosine_alone: score(threshold, false),
                brief_threshold: embedder.threshold(),
                combined_at_brief_threshold: score(embedder.threshold(), true),
                sentences: texts.len(),
                seconds,
                cosines,
            })
        }
    };
    Ok(QuoteMatchingReport {
        dev_pairs: pairs.iter().filter(|p| p.split == Split::Dev).count(),
        test_pairs: pairs.iter().filter(|p| p.split == Split::Test).count(),
        lexical,
        with_embeddings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_pairs_parse_and_have_both_labels_in_both_splits() {
        let pairs = parse_pairs(PAIRS).unwrap();
        for split in [Split::Dev, Split::Test] {
            for same in [true, false] {
                assert!(pairs.iter().filter(|p| p.split == split && p.same == same).count() >= 10, "{split:?} {same}");
            }
        }
    }

    #[test]
    fn malformed_lines_are_errors_naming_the_line() {
        assert_eq!(parse_pairs("# c\ndev\tsame\ta").unwrap_err().line, 2);
        assert!(parse_pairs("dev\tmaybe\ta\tb").is_err());
    }

    /// A fake embedder whose vectors say "same" for pairs sharing a first word.
    struct FirstWord;
    impl StatementEmbedder for FirstWord {
        fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
            Ok(texts.iter().map(|t| if t.starts_with("his") { vec![1.0, 0.0] } else { vec![0.0, 1.0] }).collect())
        }
        fn threshold(&self) -> f32 {
            0.5
        }
    }

    #[test]
    fn the_threshold_is_chosen_on_dev_and_scored_on_test() {
        let pairs = parse_pairs(
            "dev\tsame\this soldiers stay out\this men guard the port\n\
             dev\tdifferent\tthe port opens\this men guard the port\n\
             test\tsame\this a\this b\n\
             test\tdifferent\tthe x\this y\n",
        )
        .unwrap();
        let report = evaluate(&pairs, Some(&FirstWord)).unwrap();
        assert_eq!(report.lexical[0].true_positives, 0);
        let scores = report.with_embeddings.unwrap();
        assert!((scores.threshold - 1.0).abs() < 1e-6);
        assert_eq!(scores.combined[1], Confusion { true_positives: 1, false_positives: 0, false_negatives: 0, true_negatives: 1 });
    }
}
