//! A general recogniser of written numbers and number ranges in English text.
//!
//! [`find_numbers`] finds every number a reader would resolve to a value, as a byte span,
//! an `f64` and a textual resolution; [`find_number_ranges`] finds comparatives and
//! ranges and resolves them to intervals in the notation `(20,35]`, `[30,)`, `(,100]`.
//! Both are hand-written scanners over a small tokenisation (letters, digits, spaces,
//! single marks), use no regular expressions, never panic on any input and return spans
//! on character boundaries, in order and without overlap.
//!
//! This module is the general layer. The news-oriented quantity stage
//! ([`crate::quantities`]) decides separately which numbers are counts worth comparing
//! (it skips years, ages, "Gate 4", …); this module reads every number.
//!
//! # Numbers
//!
//! | construction | examples | value |
//! |---|---|---|
//! | digits and groups | `1,234,567`, `1 234 567`, `1 234 567` (narrow no-break space), `12,34,567.89` (Indian), `1.111,11` (European) | 1234567, …, 1111.11 |
//! | decimals | `4.800`, `.08`, `1,3` and `5,00` (a single decimal comma) | 4.8, 0.08, 1.3, 5 |
//! | negatives | `-1`, `- 1 4/5`, `minus five`, `negative one over 20` | -1, -1.8, -5, -0.05 |
//! | suffixes | `10k`, `2.33 k`, `10M`, `1.2b`, `10G`, `1MM`, `2mil`, `10 bln`, `10 tln` | 10000, … |
//! | scale words | `2 million`, `322 hundred`, `13 lakh`, `three lakh crore`, `3 dozens`, `half a dozen` | 2e6, 32200, 1.3e6, 3e12, 36, 6 |
//! | number words | `twenty-one trillion and three hundred`, `fifty - two`, `4 thousand 3 hundred and 21` | 21000000000300, 52, 4321 |
//! | spoken decimals | `two hundred point zero three`, `nought point eleven` | 200.03, 0.11 |
//! | fractions | `3/4`, `2 1/4`, `⅔`, `two thirds`, `one and a half`, `a trillionth`, `twenty twenty fifths`, `one over three`, `1 in twenty-one`, `two thirds of a million` | 0.75, 2.25, … |
//! | powers | `1e10`, `-12e-1`, `1.1^23`, `1.3x10^6` | 1e10, -1.2, … |
//!
//! Digits are grouped in thousands by commas, by points (European, when a decimal comma
//! follows or there are several groups of three) or by one space; a run of groups that
//! is not one number ("22,24,26,31", "192.168.1.2", "5/17/2018", "+1-222-2222") is read
//! as its separate integers. Digits that run into letters are no number at all ("29km",
//! "180ml", "4th"); lower-case "m", "g", "t" and "mm" after digits are units, so "1m"
//! is nothing while "10M" is ten million.
//!
//! Number words combine in groups of a term and scale words: a scale word multiplies its
//! term and every earlier group of a smaller scale ("two hundred and two thousand" is
//! 202,000); a scale already used ends the number ("3 hundred and 2 hundred" is two
//! numbers). "a"/"an" count only before a scale word or a fraction. "one" after a
//! determiner is a pronoun ("the one you mentioned", "which one"). Ordinals are not
//! numbers ("first class", "twenty-first") except as the denominator of a fraction.
//!
//! Spoken fractions take the longest compound ordinal that leaves a numerator ("one
//! hundred thirty fifths" is 100/35, "one hundred thirty-two fifths" 132/5); an integer
//! and "and" before the numerator make a mixed number when the numerator is below the
//! denominator ("one hundred and three quarters" is 100.75, "one hundred and thirty
//! fifths" 130/5). "in" and "out of" make a fraction only of a part ("1 in 21", but "12
//! in six boxes" is two numbers); nothing right after a currency sign is a numerator.
//!
//! # Ranges
//!
//! | phrase | interval |
//! |---|---|
//! | more than, greater than, higher than, larger than, bigger than, above, over, exceed(s/ed/ing), surpass…, in excess of, `>` | `(a,)` |
//! | at least, no less than, no fewer than, … or equal to, `>=`, `≥`, "a or more", "a and more", "a or greater (than)" | `[a,)` |
//! | less than, fewer than, lower than, smaller than, below, under, `<` | `(,a)` |
//! | at most, no more than, up to, not exceeding, … or equal to, `<=`, `≤`, "a or less", "a or fewer" | `(,a]` |
//! | equal to, equals, equaling to, `=` | `[a,a]` |
//! | between a and b, from a to b, a to/through b, a-b, a–b, a~b | `[a,b)` |
//!
//! Two comparatives of opposite directions joined by "and", "but" or a comma make one
//! range when it is not empty ("larger than 10 and smaller than 20" is `(10,20)`, "at
//! most 100 and at least 20" `[20,100]`); otherwise they stay two. A range whose ends
//! are out of order ("1995-01", "from 200 to 300 in 2008" where "300 in 2008" is a
//! fraction) is no range. After a comparative, "in" is not a fraction ("more than 30000
//! in 2009"). The ends of a range may be ordinals after "the" ("between the tenth and the
//! fifteenth"). A bare lower end takes the scale word or suffix of the upper end when it
//! is below the upper end's digits ("2 to 3 million" is `[2000000,3000000)`, "200 to 3
//! million" stays `[200,3000000)`).

mod lexicon;
mod numerals;
mod ranges;
mod tokens;
mod words;

use parallax_core::Span;
pub(crate) use tokens::link_spans;
use tokens::Toks;
use words::{parse_number_at, Options};

/// How a number is written, as far as its value goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberSubtype {
    /// A whole value ("1,234", "5.00", "two million").
    Integer,
    /// A value with a fractional part written as a decimal ("4.8", "two point five").
    Decimal,
    /// A fraction ("3/4", "two thirds", "1 in 21", "⅔"), whatever its value.
    Fraction,
    /// Exponent notation ("1e10", "1.1^23").
    Power,
}

/// One number in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    /// Byte span of the number as written, sign included.
    pub span: Span,
    pub value: f64,
    /// The value as text: digits for whole values below 10^15, otherwise fifteen
    /// significant digits ("0.666666666666667", "1E-12").
    pub resolution: String,
    pub subtype: NumberSubtype,
}

/// One end of a range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RangeEnd {
    pub value: f64,
    pub inclusive: bool,
}

/// One comparative or range in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberRangeMention {
    /// Byte span from the first word of the comparative to the end of its last number
    /// or word ("more than 5000 or equal to").
    pub span: Span,
    /// `None` when the range is unbounded below.
    pub low: Option<RangeEnd>,
    /// `None` when the range is unbounded above.
    pub high: Option<RangeEnd>,
    /// The interval in the notation `(20,35]`, `[30,)`, `(,100]`, `[20,20]`.
    pub resolution: String,
}

/// Every number in `text`, in order and without overlap.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let t = Toks::new(text);
    let mut found = Vec::new();
    let mut options = Options::new(&t);
    let mut i = 0;
    while i < t.len() {
        if t.in_link(i) {
            i += 1;
            continue;
        }
        match parse_number_at(&t, i, &options) {
            Some(number) if number.end > i => {
                if let Ok(span) = Span::new(t.start(i), t.end_before(number.end)) {
                    found.push(NumberMention {
                        span,
                        value: number.value,
                        resolution: format_value(number.value),
                        subtype: number.subtype,
                    });
                }
                options.previous_end = Some(number.end);
                i = number.end;
            }
            _ => i += 1,
        }
    }
    found
}

/// Every comparative and range of numbers in `text`, in order and without overlap.
pub fn find_number_ranges(text: &str) -> Vec<NumberRangeMention> {
    let t = Toks::new(text);
    ranges::find_ranges(&t)
        .into_iter()
        .filter_map(|range| {
            let span = Span::new(t.start(range.start), t.end_before(range.end)).ok()?;
            Some(NumberRangeMention { span, low: range.low, high: range.high, resolution: format_interval(range.low, range.high) })
        })
        .collect()
}

/// An integer written in words, found by [`SpokenIntegers::at`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct SpokenInteger {
    /// Absolute byte offset of its end.
    pub end: usize,
    pub value: f64,
    /// The largest scale word in it ("two million" → 10^6), 1 without one.
    pub scale: f64,
    /// Its words, "and" included: 1 for "one", 4 for "one hundred and five".
    pub words: usize,
}

/// Reads integers written in words inside one text, for a caller with its own scanner
/// (the quantity stage). Built once per text; each lookup is a binary search.
pub(crate) struct SpokenIntegers<'a> {
    toks: Toks<'a>,
    offset: usize,
}

impl<'a> SpokenIntegers<'a> {
    /// Over `slice`, which starts at byte `offset` of the caller's text.
    pub(crate) fn new(slice: &'a str, offset: usize) -> SpokenIntegers<'a> {
        SpokenIntegers { toks: Toks::new(slice), offset }
    }

    /// The integer written in words from absolute byte `start` ("twenty-six", "one
    /// hundred and five", "a dozen", "half a million"); no digits, fractions or signs.
    pub(crate) fn at(&self, start: usize) -> Option<SpokenInteger> {
        let local = start.checked_sub(self.offset)?;
        let i = self.toks.toks.binary_search_by_key(&local, |tok| tok.start).ok()?;
        let (end, value, scale, lexemes) = words::spoken_integer(&self.toks, i)?;
        Some(SpokenInteger { end: self.toks.end_before(end) + self.offset, value, scale, words: lexemes })
    }
}

/// `(20,35]`, `[30,)`, `(,100]`.
pub fn format_interval(low: Option<RangeEnd>, high: Option<RangeEnd>) -> String {
    let (open, low) = match low {
        Some(end) => (if end.inclusive { '[' } else { '(' }, format_value(end.value)),
        None => ('(', String::new()),
    };
    let (close, high) = match high {
        Some(end) => (if end.inclusive { ']' } else { ')' }, format_value(end.value)),
        None => (')', String::new()),
    };
    format!("{open}{low},{high}{close}")
}

/// A value as text: digits for whole values below 10^15, otherwise fifteen significant
/// digits, in positional notation from 10^-7 on and as "1.2732E+15" or "1E-12" beyond.
pub fn format_value(value: f64) -> String {
    if !value.is_finite() {
        return format!("{value}");
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{value:.0}");
    }
    let scientific = format!("{:.14e}", value.abs());
    let Some((mantissa, exponent)) = scientific.split_once('e') else { return format!("{value}") };
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.trim_end_matches('0') {
        "" => "0",
        trimmed => trimmed,
    };
    let sign = if value < 0.0 { "-" } else { "" };
    if (-7..15).contains(&exponent) {
        let body = if exponent >= 0 {
            let whole = exponent as usize + 1;
            if digits.len() <= whole {
                format!("{digits}{}", "0".repeat(whole - digits.len()))
            } else {
                format!("{}.{}", &digits[..whole], &digits[whole..])
            }
        } else {
            format!("0.{}{digits}", "0".repeat((-exponent - 1) as usize))
        };
        return format!("{sign}{body}");
    }
    let (head, tail) = digits.split_at(1);
    let point = if tail.is_empty() { String::new() } else { format!(".{tail}") };
    let exponent_sign = if exponent < 0 { '-' } else { '+' };
    format!("{sign}{head}{point}E{exponent_sign}{:02}", exponent.abs())
}

#[cfg(test)]
mod tests;
