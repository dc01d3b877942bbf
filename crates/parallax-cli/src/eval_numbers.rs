//! `parallax eval numbers`: scores `parallax_nlp::numbers` against the English number
//! specs of Microsoft Recognizers-Text (`Number-English-NumberModel.json` and
//! `Number-English-NumberRangeModel.json`), and the quantities stage
//! (`parallax_nlp::quantities`) against its percentage, currency and dimension specs.
//!
//! A quantity is compared without its qualifier ("about $ 14 million" is found as "$ 14
//! million", as the specs write it) and its written amount is one end of its interval
//! ("more than 10 miles" holds 10 as its open lower end); only quantities of the model's kind
//! (percentage, money, measure) count.
//!
//! Each spec is a JSON list of cases `{Input, NotSupported?, Results: [{Text, Start, End,
//! Resolution: {value}}]}` where `Start` and `End` are inclusive UTF-16 indices. A case
//! passes when the set of (start, end, value) found equals the expected set exactly;
//! numbers compare with a relative tolerance (the specs print fifteen significant
//! digits), intervals by their brackets and ends. Cases whose `NotSupported` names every
//! implementation (dotnet, javascript, java, python) are expected of nobody: they are
//! counted apart.
//!
//! The currency spec also names the ISO 4217 code of a sum when its written currency
//! settles it (`Resolution.isoCurrency`: "USD" for "US dollars", none for a bare "$"): each
//! such sum found with the same span is also checked for that code as its `unit`.

use anyhow::{bail, Context, Result};
use parallax_core::{QuantityKind, Span};
use parallax_nlp::numbers::{find_number_ranges, find_numbers};
use parallax_nlp::quantities::find_quantities;
use parallax_nlp::text_util::word_spans;
use serde_json::Value;
use std::fmt;
use std::path::{Path, PathBuf};

/// The implementations a spec case can be marked as not supported by.
const IMPLEMENTATIONS: &[&str] = &["dotnet", "javascript", "java", "python"];

/// The spec directory under the data root.
const DATA_SUBDIR: &str = "numbers/recognizers-text";

/// The models scored, with their spec files.
const MODELS: &[(Model, &str)] = &[
    (Model::Number, "Number-English-NumberModel.json"),
    (Model::NumberRange, "Number-English-NumberRangeModel.json"),
    (Model::Percent, "Number-English-PercentModel.json"),
    (Model::Currency, "NumberWithUnit-English-CurrencyModel.json"),
    (Model::Dimension, "NumberWithUnit-English-DimensionModel.json"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    Number,
    NumberRange,
    Percent,
    Currency,
    Dimension,
}

impl Model {
    /// The kind of quantity a quantity model's spec holds; `None` for the number models.
    fn quantity_kind(self) -> Option<QuantityKind> {
        match self {
            Model::Number | Model::NumberRange => None,
            Model::Percent => Some(QuantityKind::Percentage),
            Model::Currency => Some(QuantityKind::Money),
            Model::Dimension => Some(QuantityKind::Measure),
        }
    }
}

impl fmt::Display for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Model::Number => "NumberModel",
            Model::NumberRange => "NumberRangeModel",
            Model::Percent => "PercentModel",
            Model::Currency => "CurrencyModel",
            Model::Dimension => "DimensionModel",
        })
    }
}

/// The default spec directory: `$PARALLAX_DATA/numbers/recognizers-text`, with
/// `PARALLAX_DATA` defaulting to `../shared/data`.
pub fn default_dir() -> PathBuf {
    let root = std::env::var_os("PARALLAX_DATA").map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from);
    root.join(DATA_SUBDIR)
}

/// A resolved value: a number, or an interval with optional ends `(value, inclusive)`.
#[derive(Clone, Debug)]
pub enum Resolved {
    Number(f64),
    Interval {
        low: Option<(f64, bool)>,
        high: Option<(f64, bool)>,
    },
    /// A quantity's interval, whose written amount is one of its ends.
    Ends(f64, Option<f64>),
    Unreadable(String),
}

impl Resolved {
    fn matches(&self, other: &Resolved) -> bool {
        let ends = |a: Option<(f64, bool)>, b: Option<(f64, bool)>| match (a, b) {
            (None, None) => true,
            (Some((x, i)), Some((y, j))) => i == j && close(x, y),
            _ => false,
        };
        match (self, other) {
            (Resolved::Number(a), Resolved::Number(b)) => close(*a, *b),
            (Resolved::Interval { low: a, high: b }, Resolved::Interval { low: c, high: d }) => ends(*a, *c) && ends(*b, *d),
            (Resolved::Number(a), Resolved::Ends(low, high)) | (Resolved::Ends(low, high), Resolved::Number(a)) => {
                close(*a, *low) || high.is_some_and(|high| close(*a, high))
            }
            _ => false,
        }
    }
}

impl fmt::Display for Resolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Resolved::Number(value) => write!(f, "{}", parallax_nlp::numbers::format_value(*value)),
            Resolved::Interval { low, high } => {
                let end = |end: Option<(f64, bool)>| end.map(|(value, inclusive)| parallax_nlp::numbers::RangeEnd { value, inclusive });
                f.write_str(&parallax_nlp::numbers::format_interval(end(*low), end(*high)))
            }
            Resolved::Ends(low, high) => match high {
                Some(high) if close(*low, *high) => write!(f, "{}", parallax_nlp::numbers::format_value(*low)),
                Some(high) => write!(f, "{}–{}", parallax_nlp::numbers::format_value(*low), parallax_nlp::numbers::format_value(*high)),
                None => write!(f, "{}–", parallax_nlp::numbers::format_value(*low)),
            },
            Resolved::Unreadable(text) => write!(f, "{text:?} (unreadable)"),
        }
    }
}

/// Equal up to the fifteen significant digits the specs print.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Reads "12.5", "1E-12", "30%", "(20,35]", "[30,)", "(,100]".
fn resolve(text: &str) -> Resolved {
    let text = text.trim();
    let unreadable = || Resolved::Unreadable(text.to_owned());
    let (Some(open), Some(close)) = (text.chars().next(), text.chars().next_back()) else { return unreadable() };
    if matches!(open, '(' | '[') && matches!(close, ')' | ']') && text.len() >= 3 {
        let inner = &text[1..text.len() - 1];
        let Some((low, high)) = inner.split_once(',') else { return unreadable() };
        let end = |part: &str, inclusive: bool| -> Result<Option<(f64, bool)>, ()> {
            let part = part.trim();
            if part.is_empty() {
                return Ok(None);
            }
            part.parse::<f64>().map(|value| Some((value, inclusive))).map_err(|_| ())
        };
        return match (end(low, open == '['), end(high, close == ']')) {
            (Ok(low), Ok(high)) => Resolved::Interval { low, high },
            _ => unreadable(),
        };
    }
    // A percentage is written "100%".
    text.strip_suffix('%').unwrap_or(text).parse::<f64>().map_or_else(|_| unreadable(), Resolved::Number)
}

/// One result, expected or found: inclusive UTF-16 indices, as in the specs.
#[derive(Clone, Debug)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Resolved,
    /// The ISO 4217 code: the spec's `isoCurrency`, or the `unit` Parallax gives a sum.
    pub currency: Option<String>,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..={} {:?} {}", self.start, self.end, self.text, self.value)
    }
}

/// A case that did not pass.
#[derive(Debug)]
pub struct Failure {
    pub input: String,
    /// True when the case is expected (not marked unsupported by every implementation).
    pub expected_case: bool,
    pub expected: Vec<Item>,
    pub found: Vec<Item>,
}

/// The score of one model.
#[derive(Debug)]
pub struct ModelReport {
    pub model: Model,
    pub expected_cases: usize,
    pub expected_passed: usize,
    pub unsupported_cases: usize,
    pub unsupported_passed: usize,
    pub failures: Vec<Failure>,
    /// Sums whose spec names an ISO code and that were found with their span: how many,
    /// and how many carry that code as their unit.
    pub currency_codes: CodeScore,
}

/// How many sums with an ISO code in the spec were found, and how many with that code.
#[derive(Debug, Default)]
pub struct CodeScore {
    pub found: usize,
    pub right: usize,
    /// The first few found with another unit: (text, expected code, unit given).
    pub wrong: Vec<(String, String, Option<String>)>,
}

/// Scores the models on the specs in `dir`. The two number specs must be there; a quantity
/// model whose spec is missing is left out of the report.
pub fn evaluate(dir: &Path) -> Result<Vec<ModelReport>> {
    MODELS
        .iter()
        .filter(|&&(model, file)| model.quantity_kind().is_none() || dir.join(file).exists())
        .map(|&(model, file)| {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let cases: Value =
                serde_json::from_str(text.trim_start_matches('\u{feff}')).with_context(|| format!("parsing {}", path.display()))?;
            let Some(cases) = cases.as_array() else { bail!("{}: expected a JSON list of cases", path.display()) };
            Ok(score(model, cases))
        })
        .collect()
}

fn score(model: Model, cases: &[Value]) -> ModelReport {
    let mut report = ModelReport {
        model,
        expected_cases: 0,
        expected_passed: 0,
        unsupported_cases: 0,
        unsupported_passed: 0,
        failures: Vec::new(),
        currency_codes: CodeScore::default(),
    };
    for case in cases {
        let input = case.get("Input").and_then(Value::as_str).unwrap_or_default();
        let expected_case = !unsupported_everywhere(case.get("NotSupported").and_then(Value::as_str).unwrap_or_default());
        let expected = expected_items(case);
        let found: Vec<Item> = match model {
            Model::Number => {
                find_numbers(input).into_iter().map(|m| item(input, m.span.start(), m.span.end(), Resolved::Number(m.value))).collect()
            }
            Model::NumberRange => find_number_ranges(input)
                .into_iter()
                .map(|m| {
                    let end = |end: Option<parallax_nlp::numbers::RangeEnd>| end.map(|e| (e.value, e.inclusive));
                    item(input, m.span.start(), m.span.end(), Resolved::Interval { low: end(m.low), high: end(m.high) })
                })
                .collect(),
            Model::Percent | Model::Currency | Model::Dimension => {
                let kind = model.quantity_kind();
                let whole = Span::new(0, input.len()).expect("a span of the whole input");
                find_quantities(input, whole)
                    .into_iter()
                    .filter(|q| Some(q.kind) == kind)
                    .map(|q| {
                        // The span without its qualifier ("about", "more than").
                        let skip = q.qualifier.as_deref().map_or(0, |qualifier| qualifier.split_whitespace().count());
                        let words = word_spans(&input[q.span.range()], q.span.start());
                        let start = words.get(skip).map_or(q.span.start(), |word| word.start());
                        Item { currency: q.unit, ..item(input, start, q.span.end(), Resolved::Ends(q.value.low, q.value.high)) }
                    })
                    .collect()
            }
        };
        for want in expected.iter().filter(|want| want.currency.is_some()) {
            let Some(got) = found.iter().find(|got| got.start == want.start && got.end == want.end) else { continue };
            report.currency_codes.found += 1;
            if got.currency == want.currency {
                report.currency_codes.right += 1;
            } else {
                report.currency_codes.wrong.push((want.text.clone(), want.currency.clone().unwrap_or_default(), got.currency.clone()));
            }
        }
        let passed = same_set(&expected, &found);
        match (expected_case, passed) {
            (true, true) => report.expected_passed += 1,
            (false, true) => report.unsupported_passed += 1,
            _ => {}
        }
        if expected_case {
            report.expected_cases += 1;
        } else {
            report.unsupported_cases += 1;
        }
        if !passed {
            report.failures.push(Failure { input: input.to_owned(), expected_case, expected, found });
        }
    }
    report
}

/// True when `not_supported` ("javascript, java") names every implementation.
fn unsupported_everywhere(not_supported: &str) -> bool {
    let named: Vec<String> = not_supported.split(',').map(|name| name.trim().to_ascii_lowercase()).collect();
    IMPLEMENTATIONS.iter().all(|implementation| named.iter().any(|name| name == implementation))
}

fn expected_items(case: &Value) -> Vec<Item> {
    let results = case.get("Results").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    results
        .iter()
        .map(|result| {
            let index = |key: &str| result.get(key).and_then(Value::as_u64).unwrap_or_default() as usize;
            let value = result.get("Resolution").and_then(|r| r.get("value")).and_then(Value::as_str).unwrap_or_default();
            Item {
                start: index("Start"),
                end: index("End"),
                text: result.get("Text").and_then(Value::as_str).unwrap_or_default().to_owned(),
                value: resolve(value),
                currency: result.get("Resolution").and_then(|r| r.get("isoCurrency")).and_then(Value::as_str).map(str::to_owned),
            }
        })
        .collect()
}

/// An item for the byte span `start..end` of `input`, in inclusive UTF-16 indices.
fn item(input: &str, start: usize, end: usize, value: Resolved) -> Item {
    let utf16 = |byte: usize| input.get(..byte).map_or(0, |head| head.encode_utf16().count());
    Item {
        start: utf16(start),
        end: utf16(end).saturating_sub(1),
        text: input.get(start..end).unwrap_or_default().to_owned(),
        value,
        currency: None,
    }
}

/// True when every expected item is found once and nothing else is.
fn same_set(expected: &[Item], found: &[Item]) -> bool {
    if expected.len() != found.len() {
        return false;
    }
    let mut used = vec![false; found.len()];
    expected.iter().all(|want| {
        let hit = found
            .iter()
            .enumerate()
            .position(|(k, got)| !used[k] && got.start == want.start && got.end == want.end && got.value.matches(&want.value));
        if let Some(k) = hit {
            used[k] = true;
        }
        hit.is_some()
    })
}

/// Writes the scores, and the failures when `verbose`.
pub fn write_report(reports: &[ModelReport], verbose: bool, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let percent = |passed: usize, cases: usize| if cases == 0 { 0.0 } else { 100.0 * passed as f64 / cases as f64 };
    let line = |out: &mut dyn std::io::Write, report: &ModelReport| {
        writeln!(
            out,
            "{:<18} {:>4}/{:<4} expected cases pass  {:5.1}%   (+{} of {} marked unsupported by every implementation)",
            report.model.to_string(),
            report.expected_passed,
            report.expected_cases,
            percent(report.expected_passed, report.expected_cases),
            report.unsupported_passed,
            report.unsupported_cases,
        )
    };
    let numbers = || reports.iter().filter(|r| r.model.quantity_kind().is_none());
    for report in numbers() {
        line(out, report)?;
    }
    let passed: usize = numbers().map(|r| r.expected_passed).sum();
    let cases: usize = numbers().map(|r| r.expected_cases).sum();
    writeln!(out, "{:<18} {:>4}/{:<4} expected cases pass  {:5.1}%", "combined", passed, cases, percent(passed, cases))?;
    let quantities: Vec<&ModelReport> = reports.iter().filter(|r| r.model.quantity_kind().is_some()).collect();
    if !quantities.is_empty() {
        writeln!(out, "quantities stage (money, percentage, measure; span without qualifier, amount at an end of the interval):")?;
        for report in quantities {
            line(out, report)?;
        }
        for report in reports.iter().filter(|r| r.currency_codes.found > 0) {
            let codes = &report.currency_codes;
            writeln!(
                out,
                "{:<18} {:>4}/{:<4} sums found whose spec names an ISO code carry it as their unit  {:5.1}%",
                "  currency codes",
                codes.right,
                codes.found,
                percent(codes.right, codes.found)
            )?;
            if verbose {
                for (text, code, unit) in &codes.wrong {
                    writeln!(out, "    {text:?}: {code} expected, {} given", unit.as_deref().unwrap_or("no unit"))?;
                }
            }
        }
    }
    if verbose {
        for report in reports {
            for failure in &report.failures {
                let mark = if failure.expected_case { "" } else { " (unsupported everywhere)" };
                writeln!(out, "\n{} failure{mark}: {:?}", report.model, failure.input)?;
                writeln!(out, "  expected: {}", list(&failure.expected))?;
                writeln!(out, "  found:    {}", list(&failure.found))?;
            }
        }
    }
    Ok(())
}

fn list(items: &[Item]) -> String {
    if items.is_empty() {
        return "nothing".to_owned();
    }
    items.iter().map(Item::to_string).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_and_intervals() {
        assert!(resolve("0.666666666666667").matches(&Resolved::Number(2.0 / 3.0)));
        assert!(resolve("1E-12").matches(&Resolved::Number(1e-12)));
        assert!(resolve("(20,35]").matches(&Resolved::Interval { low: Some((20.0, false)), high: Some((35.0, true)) }));
        assert!(resolve("(,30)").matches(&Resolved::Interval { low: None, high: Some((30.0, false)) }));
        assert!(!resolve("[30,)").matches(&Resolved::Interval { low: Some((30.0, false)), high: None }));
    }

    #[test]
    fn a_case_is_unsupported_only_when_every_implementation_says_so() {
        assert!(unsupported_everywhere("dotnet, javascript, java, python"));
        assert!(unsupported_everywhere("python,java, javascript,dotnet"));
        assert!(!unsupported_everywhere("javascript, java, python"));
        assert!(!unsupported_everywhere(""));
    }

    #[test]
    fn quantities_are_scored_without_their_qualifier_and_by_their_kind() {
        let cases: Value = serde_json::from_str(
            r#"[{"Input": "bills of about $ 14 million , it said .", "Results": [{"Text": "$ 14 million", "Start": 15, "End": 26, "Resolution": {"value": "14000000", "unit": "Dollar"}}]},
                {"Input": "it rose 5 % .", "Results": []},
                {"Input": "more than 30 percent", "Results": [{"Text": "30 percent", "Start": 10, "End": 19, "Resolution": {"value": "30%"}}]}]"#,
        )
        .unwrap();
        let currency = score(Model::Currency, cases.as_array().unwrap());
        assert_eq!((currency.expected_passed, currency.expected_cases), (2, 3), "{:?}", currency.failures);
        let percent = score(Model::Percent, cases.as_array().unwrap());
        assert_eq!(percent.expected_passed, 1, "{:?}", percent.failures);
    }

    #[test]
    fn sums_are_checked_for_the_iso_code_the_spec_names() {
        let cases: Value = serde_json::from_str(
            r#"[{"Input": "it paid 40 euros and 5 US dollars and $ 3 .", "Results": [
                  {"Text": "40 euros", "Start": 8, "End": 15, "Resolution": {"value": "40", "unit": "Euro", "isoCurrency": "EUR"}},
                  {"Text": "5 us dollars", "Start": 21, "End": 32, "Resolution": {"value": "5", "unit": "United States dollar", "isoCurrency": "USD"}},
                  {"Text": "$ 3", "Start": 38, "End": 40, "Resolution": {"value": "3", "unit": "Dollar"}}]}]"#,
        )
        .unwrap();
        let report = score(Model::Currency, cases.as_array().unwrap());
        assert_eq!((report.currency_codes.right, report.currency_codes.found), (2, 2), "{:?}", report.currency_codes.wrong);
    }

    #[test]
    fn indices_are_inclusive_utf16() {
        let found = item("the result is ⅔", 14, 17, Resolved::Number(2.0 / 3.0));
        assert_eq!((found.start, found.end), (14, 14));
    }

    #[test]
    fn scores_a_small_spec() {
        let cases: Value = serde_json::from_str(
            r#"[{"Input": "two thirds", "Results": [{"Text": "two thirds", "Start": 0, "End": 9, "Resolution": {"value": "0.666666666666667"}}]},
                {"Input": "hundred thousand", "NotSupported": "dotnet, javascript, java, python", "Results": [{"Text": "hundred thousand", "Start": 0, "End": 15, "Resolution": {"value": "100000"}}]}]"#,
        )
        .unwrap();
        let report = score(Model::Number, cases.as_array().unwrap());
        assert_eq!((report.expected_passed, report.expected_cases, report.unsupported_cases), (1, 1, 1));
    }
}
