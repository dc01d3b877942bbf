//! Quantities in news sentences: the quantities stage against the team's hand-labelled
//! sentences (`data/news-quantities/{dev,test}.jsonl`, compiled in), or any file of the
//! same form.
//!
//! Each line is `{"text": sentence, "quantities": [...]}`; a quantity names its span by
//! its text (and `occurrence`, 1-based, when that text comes more than once), its interval
//! (`low`, `high`, `null` when open), `approx`, `kind`, the currency code of a sum (`unit`)
//! and the head of a counted noun (`head`, `null` when nothing is counted). Labels follow
//! the intervals documented in `parallax_nlp::quantities`; the sentences hold many numbers
//! that are not quantities (years, dates, clock times, ordinals, names such as "F-16").
//!
//! A found quantity is right when its span is the gold span exactly and its interval,
//! `approx`, kind, currency code (sums) and counted head (counts) all agree.

use crate::score::Counts;
use crate::EvalError;
use parallax_core::{Quantity, QuantityKind, Span};
use parallax_nlp::quantities::find_quantities;
use serde_json::Value;

/// The development sentences shipped with the crate.
pub const DEV: &str = include_str!("../data/news-quantities/dev.jsonl");
/// The held-out sentences shipped with the crate.
pub const TEST: &str = include_str!("../data/news-quantities/test.jsonl");

/// One labelled quantity, its span resolved to byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldQuantity {
    pub span: Span,
    pub low: f64,
    pub high: Option<f64>,
    pub approx: bool,
    pub kind: QuantityKind,
    pub unit: Option<String>,
    pub head: Option<String>,
}

/// One labelled sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub text: String,
    pub quantities: Vec<GoldQuantity>,
}

/// What differs between a found quantity and the gold one at the same span.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    pub sentence: String,
    pub surface: String,
    pub expected: String,
    pub found: String,
}

/// Scores of one run.
#[derive(Clone, Debug, Default)]
pub struct QuantityReport {
    pub sentences: usize,
    /// Spans alone; its true positives are the quantities found with the right span.
    pub span: Counts,
    /// Span, interval, approx, kind, currency and counted head all right.
    pub full: Counts,
    /// Of the quantities found with the right span: how many have each part right.
    pub interval_right: usize,
    pub kind_right: usize,
    /// Sums with the right span, and how many of them have the right currency code.
    pub sums: usize,
    pub unit_right: usize,
    /// Counts with the right span, and how many of them have the right counted head.
    pub counts: usize,
    pub head_right: usize,
    pub mismatches: Vec<Mismatch>,
}

/// Reads a labelled file: one JSON object per line, blank lines skipped.
pub fn parse_cases(text: &str) -> Result<Vec<Case>, EvalError> {
    crate::parse_json_lines(text, "news quantities", parse_case)
}

fn parse_case(value: &Value) -> Result<Case, String> {
    let text = value["text"].as_str().ok_or("no \"text\"")?.to_owned();
    let items = value["quantities"].as_array().ok_or("no \"quantities\" list")?;
    let quantities = items.iter().map(|item| parse_quantity(&text, item)).collect::<Result<_, _>>()?;
    Ok(Case { text, quantities })
}

fn parse_quantity(sentence: &str, item: &Value) -> Result<GoldQuantity, String> {
    let surface = item["text"].as_str().ok_or("a quantity without \"text\"")?;
    let occurrence = item["occurrence"].as_u64().unwrap_or(1).max(1) as usize;
    let start = sentence
        .match_indices(surface)
        .nth(occurrence - 1)
        .map(|(start, _)| start)
        .ok_or_else(|| format!("{surface:?} does not occur {occurrence} time(s) in {sentence:?}"))?;
    let span = Span::new(start, start + surface.len()).map_err(|e| e.to_string())?;
    let kind = match item["kind"].as_str() {
        Some("count") => QuantityKind::Count,
        Some("money") => QuantityKind::Money,
        Some("percentage") => QuantityKind::Percentage,
        Some("measure") => QuantityKind::Measure,
        other => return Err(format!("{surface:?}: kind {other:?} is not count, money, percentage or measure")),
    };
    let low = item["low"].as_f64().ok_or_else(|| format!("{surface:?}: no \"low\""))?;
    let string = |key: &str| item[key].as_str().map(str::to_owned);
    Ok(GoldQuantity {
        span,
        low,
        high: item["high"].as_f64(),
        approx: item["approx"].as_bool().unwrap_or(false),
        kind,
        unit: string("unit").filter(|_| kind == QuantityKind::Money),
        head: string("head").filter(|_| kind == QuantityKind::Count),
    })
}

/// Runs the quantities stage on every sentence and scores it.
pub fn evaluate(cases: &[Case]) -> QuantityReport {
    let mut report = QuantityReport { sentences: cases.len(), ..QuantityReport::default() };
    for case in cases {
        let whole = Span::new(0, case.text.len()).expect("a span of the whole sentence");
        let found = find_quantities(&case.text, whole);
        score_sentence(case, &found, &mut report);
    }
    report
}

fn score_sentence(case: &Case, found: &[Quantity], report: &mut QuantityReport) {
    for counts in [&mut report.span, &mut report.full] {
        counts.predicted += found.len();
        counts.gold += case.quantities.len();
    }
    let surface = |span: Span| case.text[span.range()].to_owned();
    for gold in &case.quantities {
        let Some(got) = found.iter().find(|q| q.span == gold.span) else {
            report.mismatches.push(Mismatch {
                sentence: case.text.clone(),
                surface: surface(gold.span),
                expected: describe_gold(gold),
                found: "missed".to_owned(),
            });
            continue;
        };
        report.span.true_positives += 1;
        let interval = close(got.value.low, gold.low) && ends_match(got.value.high, gold.high) && got.approx == gold.approx;
        let kind = got.kind == gold.kind;
        let unit = gold.kind != QuantityKind::Money || got.unit == gold.unit;
        let head = gold.kind != QuantityKind::Count || got.counted_head == gold.head;
        report.interval_right += usize::from(interval);
        report.kind_right += usize::from(kind);
        if gold.kind == QuantityKind::Money {
            report.sums += 1;
            report.unit_right += usize::from(unit);
        }
        if gold.kind == QuantityKind::Count {
            report.counts += 1;
            report.head_right += usize::from(head);
        }
        if interval && kind && unit && head {
            report.full.true_positives += 1;
        } else {
            report.mismatches.push(Mismatch {
                sentence: case.text.clone(),
                surface: surface(gold.span),
                expected: describe_gold(gold),
                found: describe_found(got),
            });
        }
    }
    for got in found.iter().filter(|q| !case.quantities.iter().any(|gold| gold.span == q.span)) {
        report.mismatches.push(Mismatch {
            sentence: case.text.clone(),
            surface: surface(got.span),
            expected: "none".to_owned(),
            found: describe_found(got),
        });
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn ends_match(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn describe(low: f64, high: Option<f64>, approx: bool, kind: QuantityKind, unit: Option<&str>, head: Option<&str>) -> String {
    let high = high.map_or_else(|| "open".to_owned(), |h| h.to_string());
    let approx = if approx { " approx" } else { "" };
    let extra = match kind {
        QuantityKind::Money => format!(" {}", unit.unwrap_or("no currency")),
        QuantityKind::Count => format!(" head {}", head.unwrap_or("none")),
        _ => String::new(),
    };
    format!("[{low}, {high}]{approx} {kind:?}{extra}").to_lowercase()
}

fn describe_gold(gold: &GoldQuantity) -> String {
    describe(gold.low, gold.high, gold.approx, gold.kind, gold.unit.as_deref(), gold.head.as_deref())
}

fn describe_found(got: &Quantity) -> String {
    describe(got.value.low, got.value.high, got.approx, got.kind, got.unit.as_deref(), got.counted_head.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{"text": "More than 18 police officers and about $5 million were lost in 2022.", "quantities": [{"text": "More than 18", "low": 18, "high": null, "approx": false, "kind": "count", "head": "officers"}, {"text": "about $5 million", "low": 5000000, "high": 5000000, "approx": true, "kind": "money", "unit": "USD"}]}

{"text": "The F-16 landed at 10:30 on 6 January.", "quantities": []}"#;

    #[test]
    fn shipped_files_parse() {
        for file in [DEV, TEST] {
            let cases = parse_cases(file).expect("the shipped sentences parse");
            assert!(cases.len() >= 50, "{} sentences", cases.len());
        }
    }

    #[test]
    fn scores_a_small_file() {
        let cases = parse_cases(SMALL).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].quantities[1].span, Span::new(33, 49).unwrap());
        let report = evaluate(&cases);
        assert_eq!((report.span.true_positives, report.span.gold, report.span.predicted), (2, 2, 2));
        assert_eq!((report.full.true_positives, report.head_right, report.unit_right), (2, 1, 1));
        assert!(report.mismatches.is_empty(), "{:?}", report.mismatches);
    }

    #[test]
    fn a_wrong_part_or_a_missing_span_is_reported() {
        let wrong = SMALL
            .replace("\"head\": \"officers\"", "\"head\": \"police\"")
            .replace("$5 million\", \"low\": 5000000", "$5 million\", \"low\": 4000000");
        let report = evaluate(&parse_cases(&wrong).unwrap());
        assert_eq!((report.span.true_positives, report.full.true_positives), (2, 0));
        assert_eq!((report.interval_right, report.head_right), (1, 0));
        assert_eq!(report.mismatches.len(), 2);
        assert!(parse_cases(r#"{"text": "No number.", "quantities": [{"text": "12", "low": 12, "kind": "count"}]}"#).is_err());
        assert!(parse_cases(r#"{"text": "12 dogs", "quantities": [{"text": "12", "low": 12, "kind": "dogs"}]}"#).is_err());
    }
}
