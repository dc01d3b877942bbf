//! Quotes in news sentences: the whole pipeline's quotes layer against the team's
//! hand-labelled items (`data/news-quotes/{dev,test}.jsonl`, compiled in), or any file of the
//! same form.
//!
//! Each line is `{"id": n, "text": item, "quotes": [...]}`; an item is one or two sentences,
//! and each of its attributions names, as written in the text, its `source` (the head name or
//! shortest complete noun phrase: "Ana Lupo", "a spokeswoman for the ministry", "she"), the
//! whole phrase when it is longer (`source_full`: "Health Minister Ana Lupo, who …"), its
//! `cue` ("said", "according to", "warned") and its `content` (without quotation marks or
//! the closing punctuation). A split quotation is one record per stretch of quoted text.
//! Items that attribute nothing have an empty list.
//!
//! Each item is read as the body of a one-paragraph article under a neutral headline. The
//! quotes a brief may credit (all but the tentative ones) are matched one to one with the
//! gold attributions by the words their contents share (Jaccard at least 0.3, best first).
//! A matched quote's source is right when its text is the gold `source` or `source_full`
//! (closing commas aside) or its resolved speaker is the gold `source` (the first alone is
//! also counted: the span as written, which a resolved name may hide); its cue is right when
//! it ends with the gold cue's last word ("later said" for "said", "was reported" for
//! "reported", "said:" for "said").

use crate::score::Counts;
use crate::EvalError;
use parallax_core::layer::Quotes;
use parallax_core::{Document, Metadata, Quote};
use serde_json::Value;
use std::collections::HashSet;

/// The development items shipped with the crate.
pub const DEV: &str = include_str!("../data/news-quotes/dev.jsonl");
/// The held-out items shipped with the crate.
pub const TEST: &str = include_str!("../data/news-quotes/test.jsonl");

/// One labelled attribution, its parts as written.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldQuote {
    pub source: String,
    pub source_full: Option<String>,
    pub cue: String,
    pub content: String,
}

/// One labelled item.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub id: u64,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

/// A quote as the pipeline read it, its parts as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FoundQuote {
    pub source: String,
    pub speaker: Option<String>,
    pub cue: String,
    pub content: String,
}

/// What went wrong with one item, for `--verbose`.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    pub id: u64,
    pub text: String,
    /// "missed", "spurious", "source" or "cue".
    pub what: &'static str,
    pub expected: Option<GoldQuote>,
    pub found: Option<FoundQuote>,
}

/// Scores of one run.
#[derive(Clone, Debug, Default)]
pub struct NewsQuoteReport {
    pub items: usize,
    /// Attributions found: a credited quote matched to a gold one by its content.
    pub found: Counts,
    /// Of the gold attributions: found with the right source (as written or resolved), with
    /// the source span as written, with the right cue.
    pub source_right: usize,
    pub source_written: usize,
    pub cue_right: usize,
    /// Items the pipeline failed on, with the reason.
    pub failures: Vec<String>,
    pub faults: Vec<Fault>,
}

/// Reads a labelled file: one JSON object per line, blank lines skipped. Every part of an
/// attribution must occur in its item's text.
pub fn parse_cases(text: &str) -> Result<Vec<Case>, EvalError> {
    crate::parse_json_lines(text, "news quotes", parse_case)
}

fn parse_case(value: &Value) -> Result<Case, String> {
    let id = value["id"].as_u64().ok_or("no numeric \"id\"")?;
    let text = value["text"].as_str().ok_or("no \"text\"")?.to_owned();
    let items = value["quotes"].as_array().ok_or("no \"quotes\" list")?;
    let part = |item: &Value, key: &str| -> Result<Option<String>, String> {
        match item[key].as_str() {
            Some(part) if text.contains(part) => Ok(Some(part.to_owned())),
            Some(part) => Err(format!("{key} {part:?} does not occur in item {id}")),
            None => Ok(None),
        }
    };
    let quotes = items
        .iter()
        .map(|item| {
            let required = |key: &str| part(item, key)?.ok_or_else(|| format!("an attribution of item {id} without \"{key}\""));
            Ok(GoldQuote {
                source: required("source")?,
                source_full: part(item, "source_full")?,
                cue: required("cue")?,
                content: required("content")?,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Case { id, text, quotes })
}

/// Runs the whole pipeline on every item and scores its credited quotes.
pub fn evaluate(cases: &[Case]) -> Result<NewsQuoteReport, EvalError> {
    let pipeline = parallax_nlp::default_pipeline().map_err(|e| EvalError::Pipeline(e.to_string()))?;
    let mut report = NewsQuoteReport { items: cases.len(), ..NewsQuoteReport::default() };
    for case in cases {
        let text = format!("News item {}\n\n{}\n", case.id, case.text);
        let doc = Document::new(format!("item-{}", case.id), text, Metadata::default());
        let found = match pipeline.run(doc) {
            Ok(doc) => found_quotes(&doc),
            Err(error) => {
                report.failures.push(format!("item {}: {error}", case.id));
                Vec::new()
            }
        };
        score_item(case, &found, &mut report);
    }
    Ok(report)
}

/// The quotes a brief may credit, their parts as written.
fn found_quotes(doc: &Document) -> Vec<FoundQuote> {
    let Ok(quotes) = doc.layer::<Quotes>() else { return Vec::new() };
    Quote::credited(quotes)
        .iter()
        .map(|q| FoundQuote {
            source: q.source.as_ref().map(|s| doc.slice(s.span).to_owned()).unwrap_or_default(),
            speaker: q.source.as_ref().and_then(|s| s.canonical.clone()),
            cue: q.cue.map(|cue| doc.slice(cue).to_owned()).unwrap_or_default(),
            content: doc.slice(q.content).to_owned(),
        })
        .collect()
}

/// The words of a content, lower case, without the punctuation around them.
fn content_words(content: &str) -> HashSet<String> {
    content.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| !w.is_empty()).collect()
}

fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (content_words(a), content_words(b));
    let union = a.union(&b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(&b).count() as f64 / union as f64
    }
}

/// The source as written: the gold `source` or `source_full`, closing commas aside.
fn source_is_written(gold: &GoldQuote, found: &FoundQuote) -> bool {
    let written = found.source.trim().trim_end_matches([',', ':']);
    written == gold.source || gold.source_full.as_deref() == Some(written)
}

fn source_is_right(gold: &GoldQuote, found: &FoundQuote) -> bool {
    source_is_written(gold, found) || found.speaker.as_deref() == Some(gold.source.as_str())
}

fn cue_is_right(gold: &GoldQuote, found: &FoundQuote) -> bool {
    let last = |cue: &str| cue.trim_end_matches([',', ':']).rsplit(' ').next().unwrap_or_default().to_lowercase();
    !found.cue.is_empty() && last(&found.cue) == last(&gold.cue)
}

fn score_item(case: &Case, found: &[FoundQuote], report: &mut NewsQuoteReport) {
    report.found.predicted += found.len();
    report.found.gold += case.quotes.len();
    let fault = |what, expected: Option<&GoldQuote>, found: Option<&FoundQuote>| Fault {
        id: case.id,
        text: case.text.clone(),
        what,
        expected: expected.cloned(),
        found: found.cloned(),
    };
    // Every pair that shares enough words, best first, matched one to one.
    let mut pairs: Vec<(f64, usize, usize)> = case
        .quotes
        .iter()
        .enumerate()
        .flat_map(|(g, gold)| found.iter().enumerate().map(move |(f, quote)| (overlap(&gold.content, &quote.content), g, f)))
        .filter(|&(score, _, _)| score >= 0.3)
        .collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gold_used, mut found_used) = (vec![None; case.quotes.len()], vec![false; found.len()]);
    for (_, g, f) in pairs {
        if gold_used[g].is_none() && !found_used[f] {
            gold_used[g] = Some(f);
            found_used[f] = true;
        }
    }
    for (gold, matched) in case.quotes.iter().zip(&gold_used) {
        let Some(f) = *matched else {
            report.faults.push(fault("missed", Some(gold), None));
            continue;
        };
        report.found.true_positives += 1;
        let (source, cue) = (source_is_right(gold, &found[f]), cue_is_right(gold, &found[f]));
        report.source_right += usize::from(source);
        report.source_written += usize::from(source_is_written(gold, &found[f]));
        report.cue_right += usize::from(cue);
        if !source {
            report.faults.push(fault("source", Some(gold), Some(&found[f])));
        }
        if !cue {
            report.faults.push(fault("cue", Some(gold), Some(&found[f])));
        }
    }
    for (quote, _) in found.iter().zip(&found_used).filter(|(_, used)| !**used) {
        report.faults.push(fault("spurious", None, Some(quote)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_items_parse() {
        assert!(parse_cases(DEV).unwrap().len() >= 100);
        assert!(parse_cases(TEST).unwrap().len() >= 100);
    }

    #[test]
    fn a_part_that_is_not_in_the_text_is_refused() {
        let line = r#"{"id": 1, "text": "Police said five died.", "quotes": [{"source": "Army", "cue": "said", "content": "five died"}]}"#;
        assert!(parse_cases(line).is_err());
    }

    #[test]
    fn an_item_is_scored_by_its_credited_quotes() {
        let line = r#"{"id": 1, "text": "Police said on Monday that five people had died in the fire.", "quotes": [{"source": "Police", "cue": "said", "content": "five people had died in the fire"}]}"#;
        let report = evaluate(&parse_cases(line).unwrap()).unwrap();
        assert_eq!(report.found.true_positives, 1);
        assert_eq!((report.source_right, report.source_written, report.cue_right), (1, 1, 1));
        let nothing = r#"{"id": 2, "text": "The said property was seized by bailiffs.", "quotes": []}"#;
        let report = evaluate(&parse_cases(nothing).unwrap()).unwrap();
        assert_eq!(report.found.gold, 0);
    }
}
