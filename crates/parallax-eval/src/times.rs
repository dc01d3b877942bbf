//! Time expressions against TempEval-3's TimeBank and AQUAINT (TimeML `.tml` files).
//!
//! Each document's `<TEXT>` is stripped of its tags (the gold `TIMEX3` spans are kept as
//! byte ranges of the stripped text), analysed by the whole pipeline with the `<DCT>` as
//! publication date, and the times layer is compared with the gold expressions, as
//! TempEval-3 scores them:
//! - relaxed: a prediction matches a gold expression it overlaps (one to one);
//! - strict: the spans are equal;
//! - value and type: matched pairs whose TIMEX3 value (type) is equal count as true
//!   positives, over all predictions and all gold expressions.
//!
//! Documents are split by a hash of their name: one in five is in the held-out `test`
//! split, which rule development must not look at; the rest form `dev`.
//!
//! `score_predictions` scores another system's TimeML output (HeidelTime's, written by
//! `bench/heideltime/run_heideltime.py`) on the same documents with the same `compare`.

use crate::score::Counts;
use crate::{read_to_string, EvalError};
use parallax_core::layer::Times;
use parallax_core::{Document, Metadata};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Which documents to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Dev,
    Test,
    All,
}

impl Split {
    /// Whether the document named `stem` belongs to this split.
    pub fn contains(self, stem: &str) -> bool {
        let held_out = fnv1a(stem) % 5 == 0;
        match self {
            Split::Dev => !held_out,
            Split::Test => held_out,
            Split::All => true,
        }
    }
}

/// A stable 64-bit FNV-1a hash, so that the split never changes between runs or machines.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// Scores of one run.
#[derive(Clone, Debug, Default)]
pub struct TimeReport {
    pub documents: usize,
    pub relaxed: Counts,
    pub strict: Counts,
    pub value: Counts,
    pub kind: Counts,
    pub failures: Vec<String>,
    /// What went wrong, for rule development on the dev split.
    pub errors: Vec<TimeError>,
}

/// One missed, spurious or wrongly valued expression.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeError {
    /// "missed", "spurious" or "value".
    pub kind: &'static str,
    /// The text as written: "predicted | gold" for a wrong value.
    pub surface: String,
    pub predicted: String,
    pub gold: String,
    /// The document's file stem and the words around the expression, to see why.
    pub document: String,
    pub context: String,
}

/// A gold expression: byte range in the stripped text, type and value.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldTime {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// A TimeML document: creation date, stripped text and gold expressions.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeMl {
    pub creation_date: Option<String>,
    pub text: String,
    pub gold: Vec<GoldTime>,
}

/// Scores Parallax on the `.tml` files under `data_dir` (recursively) that fall in `split`.
pub fn evaluate(data_dir: &Path, split: Split) -> Result<TimeReport, EvalError> {
    let pipeline = parallax_nlp::default_pipeline().map_err(|e| EvalError::Pipeline(e.to_string()))?;
    score_documents(data_dir, split, |path, parsed| {
        let meta = Metadata { published: parsed.creation_date.clone(), input: Some(path.display().to_string()), ..Metadata::default() };
        let doc = Document::new(path.display().to_string(), parsed.text.clone(), meta);
        let doc = match pipeline.run(doc) {
            Ok(doc) => doc,
            Err(error) => return Ok(Err(error.to_string())),
        };
        let predicted = doc
            .layer::<Times>()
            .unwrap_or(&[])
            .iter()
            .map(|t| GoldTime {
                start: t.span.start(),
                end: t.span.end(),
                kind: format!("{:?}", t.kind).to_uppercase(),
                value: t.value.clone(),
            })
            .collect();
        Ok(Ok(predicted))
    })
}

/// Scores another system's output on the documents of `split`: for each gold document,
/// `predictions_dir/<stem>.tml`, a TimeML file whose `<TEXT>` holds the system's `TIMEX3`
/// tags. Its text without tags must be the gold's byte for byte, so that the spans line up;
/// a missing file or a different text is an error naming the file.
pub fn score_predictions(data_dir: &Path, predictions_dir: &Path, split: Split) -> Result<TimeReport, EvalError> {
    score_documents(data_dir, split, |path, gold| {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let file = predictions_dir.join(format!("{stem}.tml"));
        let format_error = |message: String| EvalError::Format { path: file.display().to_string(), message };
        if !file.is_file() {
            return Err(format_error(format!("missing: no prediction for {}", path.display())));
        }
        let predicted = parse_timeml(&read_to_string(&file)?).map_err(format_error)?;
        if let Some(at) = first_difference(&predicted.text, &gold.text) {
            return Err(format_error(format!(
                "its text without tags differs from the gold text of {} at byte {at}: {:?} where the gold has {:?}",
                path.display(),
                excerpt(&predicted.text, at),
                excerpt(&gold.text, at)
            )));
        }
        Ok(Ok(predicted.gold))
    })
}

/// A system's expressions for one document, or why it failed on that document (counted as
/// missing every gold expression, and reported).
type Predicted = Result<Vec<GoldTime>, String>;

/// Reads the gold documents of `split`, asks `predict` for each one's expressions (in
/// parallel) and adds up the scores.
fn score_documents<F>(data_dir: &Path, split: Split, predict: F) -> Result<TimeReport, EvalError>
where
    F: Fn(&Path, &TimeMl) -> Result<Predicted, EvalError> + Sync,
{
    let mut files = Vec::new();
    collect_tml(data_dir, &mut files)?;
    files.retain(|path| path.file_stem().and_then(|s| s.to_str()).is_some_and(|stem| split.contains(stem)));
    if files.is_empty() {
        return Err(EvalError::Format { path: data_dir.display().to_string(), message: "no .tml files in this split".into() });
    }
    type Scored = (Counts, Counts, Counts, Counts, Option<String>, Vec<TimeError>);
    let scored: Vec<Result<Scored, EvalError>> = files
        .par_iter()
        .map(|path| {
            let parsed =
                parse_timeml(&read_to_string(path)?).map_err(|message| EvalError::Format { path: path.display().to_string(), message })?;
            let predicted = match predict(path, &parsed)? {
                Ok(predicted) => predicted,
                Err(failure) => {
                    let missed = Counts { gold: parsed.gold.len(), ..Counts::default() };
                    return Ok((missed, missed, missed, missed, Some(failure), Vec::new()));
                }
            };
            let (relaxed, strict, value, kind) = compare(&predicted, &parsed.gold);
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let errors = describe_errors(stem, &parsed.text, &predicted, &parsed.gold);
            Ok((relaxed, strict, value, kind, None, errors))
        })
        .collect();
    let mut report = TimeReport { documents: files.len(), ..TimeReport::default() };
    for result in scored {
        let (relaxed, strict, value, kind, failure, errors) = result?;
        report.errors.extend(errors);
        report.relaxed.add(relaxed);
        report.strict.add(strict);
        report.value.add(value);
        report.kind.add(kind);
        report.failures.extend(failure);
    }
    Ok(report)
}

/// The byte offset where two texts first differ, if they do.
fn first_difference(a: &str, b: &str) -> Option<usize> {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    (common < a.len().max(b.len())).then_some(common)
}

/// Up to twenty characters of `text` from byte `at` (or from the character holding it).
fn excerpt(text: &str, mut at: usize) -> String {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[at..].chars().take(20).collect()
}

fn collect_tml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io { path: dir.display().to_string(), source })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_tml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// One-to-one greedy matching by overlap, then the four scores.
fn compare(predicted: &[GoldTime], gold: &[GoldTime]) -> (Counts, Counts, Counts, Counts) {
    let mut used = vec![false; predicted.len()];
    let (mut relaxed, mut strict, mut value, mut kind) = (0, 0, 0, 0);
    for g in gold {
        let found = (0..predicted.len()).find(|&k| !used[k] && predicted[k].start < g.end && g.start < predicted[k].end);
        if let Some(k) = found {
            used[k] = true;
            let p = &predicted[k];
            relaxed += 1;
            strict += usize::from(p.start == g.start && p.end == g.end);
            value += usize::from(p.value == g.value);
            kind += usize::from(p.kind == g.kind);
        }
    }
    let counts = |tp| Counts { true_positives: tp, predicted: predicted.len(), gold: gold.len() };
    (counts(relaxed), counts(strict), counts(value), counts(kind))
}

/// Missed, spurious and wrongly valued expressions, with their text and context.
fn describe_errors(document: &str, text: &str, predicted: &[GoldTime], gold: &[GoldTime]) -> Vec<TimeError> {
    let surface = |t: &GoldTime| text.get(t.start..t.end).unwrap_or("").to_owned();
    let overlapping = |a: &GoldTime, b: &GoldTime| a.start < b.end && b.start < a.end;
    let error = |kind, at: &GoldTime, surface: String, predicted: &str, gold: &str| TimeError {
        kind,
        surface,
        predicted: predicted.to_owned(),
        gold: gold.to_owned(),
        document: document.to_owned(),
        context: context(text, at.start, at.end),
    };
    let mut errors = Vec::new();
    for g in gold {
        match predicted.iter().find(|p| overlapping(p, g)) {
            None => errors.push(error("missed", g, surface(g), "", &g.value)),
            Some(p) if p.value != g.value => errors.push(error("value", g, format!("{} | {}", surface(p), surface(g)), &p.value, &g.value)),
            Some(_) => {}
        }
    }
    for p in predicted.iter().filter(|p| !gold.iter().any(|g| overlapping(p, g))) {
        errors.push(error("spurious", p, surface(p), &p.value, ""));
    }
    errors
}

/// About sixty bytes of text either side of `start..end`, on one line, the expression in
/// brackets.
fn context(text: &str, start: usize, end: usize) -> String {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let (Some(before), Some(inside), Some(after)) = (text.get(from..start), text.get(start..end), text.get(end..to)) else {
        return String::new();
    };
    format!("{before}[{inside}]{after}").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a TimeML document: the DCT's value, the `<TEXT>` without tags (entities decoded),
/// and the `TIMEX3` elements inside it.
pub fn parse_timeml(document: &str) -> Result<TimeMl, String> {
    let creation_date = document.find("<DCT>").and_then(|i| attribute(&document[i..], "value")).map(|v| v.chars().take(10).collect());
    let start = document.find("<TEXT>").ok_or("no <TEXT> element")? + "<TEXT>".len();
    let end = document[start..].find("</TEXT>").ok_or("<TEXT> is not closed")? + start;
    let body = &document[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(at) = rest.find(['<', '&']) {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('&') {
            let semi = rest.find(';').filter(|&semi| semi <= 8).unwrap_or(0);
            let decoded = match &rest[..=semi] {
                "&amp;" => "&",
                "&lt;" => "<",
                "&gt;" => ">",
                "&quot;" => "\"",
                "&apos;" => "'",
                _ => &rest[..=semi],
            };
            text.push_str(decoded);
            rest = &rest[semi + 1..];
            continue;
        }
        let close = rest.find('>').ok_or("unterminated tag")?;
        let tag = &rest[..=close];
        if tag.starts_with("<TIMEX3") {
            let kind = attribute(tag, "type").unwrap_or_default();
            let value = attribute(tag, "value").unwrap_or_default();
            if tag.ends_with("/>") {
                // An empty TIMEX3 marks an implicit time with no text of its own.
            } else {
                open = Some((text.len(), kind, value));
            }
        } else if tag.starts_with("</TIMEX3") {
            if let Some((from, kind, value)) = open.take() {
                gold.push(GoldTime { start: from, end: text.len(), kind, value });
            }
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    Ok(TimeMl { creation_date, text, gold })
}

/// The value of `name="…"` in a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let to = tag[from..].find('"')? + from;
    Some(tag[from..to].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_timeml_text_and_gold_spans() {
        let doc = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Stocks fell &amp; rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT>"#;
        let parsed = parse_timeml(doc).unwrap();
        assert_eq!(parsed.creation_date.as_deref(), Some("1998-01-08"));
        assert_eq!(parsed.text, "Stocks fell & rose yesterday.");
        let g = &parsed.gold[0];
        assert_eq!((&parsed.text[g.start..g.end], g.kind.as_str(), g.value.as_str()), ("yesterday", "DATE", "1998-01-07"));
    }

    #[test]
    fn scores_relaxed_strict_and_values() {
        let t = |start, end, value: &str| GoldTime { start, end, kind: "DATE".into(), value: value.into() };
        let (relaxed, strict, value, _) = compare(&[t(0, 5, "a"), t(10, 12, "x")], &[t(0, 4, "a"), t(20, 30, "b")]);
        assert_eq!((relaxed.true_positives, strict.true_positives, value.true_positives), (1, 0, 1));
        assert_eq!((relaxed.predicted, relaxed.gold), (2, 2));
    }

    #[test]
    fn scores_another_systems_files_and_refuses_a_missing_file_or_another_text() {
        let dir = std::env::temp_dir().join(format!("parallax-timeml-{}", std::process::id()));
        let (gold_dir, predictions_dir) = (dir.join("gold"), dir.join("predicted"));
        std::fs::create_dir_all(gold_dir.join("TimeBank")).unwrap();
        std::fs::create_dir_all(&predictions_dir).unwrap();
        let dct = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>"#;
        let yesterday = r#"<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>"#;
        let gold =
            format!(r#"{dct}<TEXT>Up &amp; down {yesterday} for <TIMEX3 tid="t2" type="DURATION" value="P1W">a week</TIMEX3>.</TEXT>"#);
        let predicted =
            format!(r#"{dct}<TEXT>Up &amp; down {yesterday} for a <TIMEX3 tid="t9" type="DURATION" value="P7D">week</TIMEX3>.</TEXT>"#);
        let prediction = predictions_dir.join("doc.tml");
        std::fs::write(gold_dir.join("TimeBank/doc.tml"), gold).unwrap();
        std::fs::write(&prediction, &predicted).unwrap();
        let report = score_predictions(&gold_dir, &predictions_dir, Split::All);
        std::fs::write(&prediction, predicted.replace("down", "dawn")).unwrap();
        let other_text = score_predictions(&gold_dir, &predictions_dir, Split::All);
        std::fs::remove_file(&prediction).unwrap();
        let missing = score_predictions(&gold_dir, &predictions_dir, Split::All);
        std::fs::remove_dir_all(&dir).unwrap();

        let report = report.unwrap();
        let true_positives = [report.relaxed, report.strict, report.value, report.kind].map(|c| c.true_positives);
        assert_eq!((report.documents, true_positives, report.value.predicted, report.value.gold), (1, [2, 1, 1, 2], 2, 2));
        let (other_text, missing) = (other_text.unwrap_err().to_string(), missing.unwrap_err().to_string());
        assert!(other_text.starts_with(&prediction.display().to_string()) && other_text.contains("at byte 6"), "{other_text}");
        assert!(missing.starts_with(&prediction.display().to_string()) && missing.contains("missing"), "{missing}");
    }

    #[test]
    fn the_split_is_stable_and_about_a_fifth() {
        let names: Vec<String> = (0..1000).map(|i| format!("doc{i}")).collect();
        let held_out = names.iter().filter(|n| Split::Test.contains(n)).count();
        assert!((150..250).contains(&held_out), "{held_out}");
        assert!(names.iter().all(|n| Split::Test.contains(n) != Split::Dev.contains(n)));
    }
}
