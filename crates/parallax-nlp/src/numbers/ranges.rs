//! Comparatives and ranges of numbers: "more than 30", "at most 100 and at least 20",
//! "between 20 and 30", "from 200 to 300", "1000-5000", "500 or more", ">= 30".

use super::tokens::{is_hyphen, Toks};
use super::words::{parse_number_at, parse_ordinal_at, Options};
use super::RangeEnd;

/// A range found in the text, by token indices.
#[derive(Clone, Copy, Debug)]
pub(super) struct FoundRange {
    pub start: usize,
    pub end: usize,
    pub low: Option<RangeEnd>,
    pub high: Option<RangeEnd>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cmp {
    More,
    MoreEq,
    Less,
    LessEq,
    Equal,
}

impl Cmp {
    fn or_equal(self) -> Cmp {
        match self {
            Cmp::More => Cmp::MoreEq,
            Cmp::Less => Cmp::LessEq,
            other => other,
        }
    }

    /// The opposite bound, for "no more than" (at most) and "no less than" (at least).
    fn negated(self) -> Cmp {
        match self {
            Cmp::More | Cmp::MoreEq => Cmp::LessEq,
            Cmp::Less | Cmp::LessEq => Cmp::MoreEq,
            Cmp::Equal => Cmp::Equal,
        }
    }

    fn is_lower_bound(self) -> bool {
        matches!(self, Cmp::More | Cmp::MoreEq)
    }

    fn is_upper_bound(self) -> bool {
        matches!(self, Cmp::Less | Cmp::LessEq)
    }
}

/// A comparative with its number: "more than 30" is `(More, 30)`.
#[derive(Clone, Copy, Debug)]
struct OneSided {
    start: usize,
    end: usize,
    cmp: Cmp,
    value: f64,
}

impl OneSided {
    fn range(self) -> FoundRange {
        let end = |inclusive| Some(RangeEnd { value: self.value, inclusive });
        let (low, high) = match self.cmp {
            Cmp::More => (end(false), None),
            Cmp::MoreEq => (end(true), None),
            Cmp::Less => (None, end(false)),
            Cmp::LessEq => (None, end(true)),
            Cmp::Equal => (end(true), end(true)),
        };
        FoundRange { start: self.start, end: self.end, low, high }
    }
}

const MORE_WORDS: &[&str] = &["more", "greater", "bigger", "higher", "larger"];
const LESS_WORDS: &[&str] = &["less", "fewer", "lower", "smaller"];
const MORE_VERBS: &[&str] = &["exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "surpassing"];
const EQUAL_WORDS: &[&str] = &["equal", "equals", "equaling", "equalling"];
const TILL_WORDS: &[&str] = &["to", "through", "thru", "till", "until"];

/// All ranges of the text, in order and without overlap.
pub(super) fn find_ranges(t: &Toks) -> Vec<FoundRange> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t.in_link(i) {
            i += 1;
            continue;
        }
        if let Some(range) = range_at(t, i) {
            found.push(range);
            i = range.end.max(i + 1);
            continue;
        }
        // The words inside a number start no range of their own.
        i = number(t, i, true, t.len()).map_or(i + 1, |found| found.end.max(i + 1));
    }
    found
}

fn range_at(t: &Toks, i: usize) -> Option<FoundRange> {
    if let Some(range) = between(t, i).or_else(|| from_to(t, i)) {
        return Some(range);
    }
    let first = match one_sided(t, i) {
        Some(first) => first,
        None => match number_first(t, i)? {
            Ok(range) => return Some(range),
            Err(first) => first,
        },
    };
    if let Some(k) = connector_after(t, first.end) {
        let second = one_sided(t, k).or_else(|| number_first(t, k).and_then(Result::err));
        if let Some(range) = second.and_then(|second| combine(first, second)) {
            return Some(range);
        }
    }
    Some(first.range())
}

fn word_in(t: &Toks, i: usize, words: &[&str]) -> bool {
    words.iter().any(|word| t.is_word(i, word))
}

/// A number read as the end of a range.
#[derive(Clone, Copy, Debug)]
struct End {
    value: f64,
    /// The token index after it.
    end: usize,
    /// Its final scale word or suffix, 1 when none.
    scale: f64,
}

fn number(t: &Toks, i: usize, in_fractions: bool, limit: usize) -> Option<End> {
    let options = Options { limit, in_fractions, previous_end: None };
    parse_number_at(t, i, &options).map(|found| End { value: found.value, end: found.end, scale: found.scale })
}

/// A number, or "the" and an ordinal ("the tenth", "the 15th").
fn number_or_ordinal(t: &Toks, i: usize, in_fractions: bool, limit: usize) -> Option<End> {
    if let Some(j) = t.is_word(i, "the").then_some(i + 1).filter(|&j| t.is_space(j)) {
        let ordinal = || parse_ordinal_at(t, j + 1, limit).map(|(value, end)| End { value, end, scale: 1.0 });
        return number(t, j + 1, in_fractions, limit).or_else(ordinal);
    }
    number(t, i, in_fractions, limit)
}

/// The two ends of "a to b" as values: a bare lower end takes the scale of the upper one
/// when it is below the upper end's own digits ("2 to 3 million", "5-10 billion"), not
/// otherwise ("200 to 3 million").
fn range_ends(low: End, high: End) -> (f64, f64) {
    if low.scale == 1.0 && high.scale > 1.0 && low.value > 0.0 && low.value < high.value / high.scale {
        return (low.value * high.scale, high.value);
    }
    (low.value, high.value)
}

fn number_follows(t: &Toks, end: usize) -> bool {
    number_or_ordinal(t, t.skip_space(end), true, t.len()).is_some()
}

/// "or" and then what `then` reads, after a space.
fn or_then<T>(t: &Toks, end: usize, then: impl Fn(&Toks, usize) -> Option<T>) -> Option<T> {
    let k = t.spaced_word(end, "or")?;
    if !t.is_space(k) {
        return None;
    }
    then(t, k + 1)
}

/// "more than", "less", "above", "under", "exceeding", "in excess of".
fn base_comparator(t: &Toks, i: usize) -> Option<(Cmp, usize)> {
    let with_than = |cmp| Some((cmp, t.spaced_word(i + 1, "than").unwrap_or(i + 1)));
    if word_in(t, i, MORE_WORDS) {
        return with_than(Cmp::More);
    }
    if word_in(t, i, LESS_WORDS) {
        return with_than(Cmp::Less);
    }
    if word_in(t, i, &["above", "over"]) || word_in(t, i, MORE_VERBS) {
        return Some((Cmp::More, i + 1));
    }
    if word_in(t, i, &["below", "under"]) {
        return Some((Cmp::Less, i + 1));
    }
    t.words(i, &["in", "excess", "of"]).map(|end| (Cmp::More, end))
}

/// "equal", "equal to", "equals", "equaling to".
fn equal_comparator(t: &Toks, i: usize) -> Option<usize> {
    if !word_in(t, i, EQUAL_WORDS) {
        return None;
    }
    Some(t.spaced_word(i + 1, "to").or_else(|| t.spaced_word(i + 1, "than")).unwrap_or(i + 1))
}

/// "at least", "at most", "up to", "no less than", "not more than", "not exceeding".
fn bound_comparator(t: &Toks, i: usize) -> Option<(Cmp, usize)> {
    if let Some(end) = t.words(i, &["at", "least"]) {
        return Some((Cmp::MoreEq, end));
    }
    if let Some(end) = t.words(i, &["at", "most"]).or_else(|| t.words(i, &["up", "to"])) {
        return Some((Cmp::LessEq, end));
    }
    if word_in(t, i, &["no", "not"]) && t.is_space(i + 1) {
        let (cmp, end) = base_comparator(t, i + 2)?;
        return Some((cmp.negated(), end));
    }
    None
}

/// `<`, `>`, `<=`, `< =`, `>=`, `≤`, `≥`, `=`; never `<>`, `=>` or `=<`.
fn symbol_comparator(t: &Toks, i: usize) -> Option<(Cmp, usize)> {
    let symbol = t.mark(i)?;
    if matches!(t.char_before(t.start(i)), Some('<' | '>' | '=' | '≤' | '≥')) {
        return None;
    }
    let (cmp, end) = match symbol {
        '≥' => (Cmp::MoreEq, i + 1),
        '≤' => (Cmp::LessEq, i + 1),
        '>' | '<' => {
            let strict = if symbol == '>' { Cmp::More } else { Cmp::Less };
            let k = t.skip_space(i + 1);
            if t.is_mark(k, '=') {
                (strict.or_equal(), k + 1)
            } else {
                (strict, i + 1)
            }
        }
        '=' => (Cmp::Equal, i + 1),
        _ => return None,
    };
    if matches!(t.mark(t.skip_space(end)), Some('<' | '>' | '=')) {
        return None;
    }
    Some((cmp, end))
}

/// A comparative before a number, with "or equal" forms: "higher or equal than",
/// "greater than or equal to", "equal to or less than", "at least or equal to".
fn comparator(t: &Toks, i: usize) -> Option<(Cmp, usize)> {
    if let Some(found) = symbol_comparator(t, i) {
        return Some(found);
    }
    if let Some((cmp, end)) = bound_comparator(t, i) {
        return Some((cmp, or_then(t, end, equal_comparator).unwrap_or(end)));
    }
    if let Some((cmp, end)) = base_comparator(t, i) {
        return Some(match or_then(t, end, equal_comparator) {
            Some(end) => (cmp.or_equal(), end),
            None => (cmp, end),
        });
    }
    let end = equal_comparator(t, i)?;
    let either = |t: &Toks, k: usize| base_comparator(t, k).or_else(|| bound_comparator(t, k));
    Some(match or_then(t, end, either) {
        Some((cmp, end)) if cmp != Cmp::Equal => (cmp.or_equal(), end),
        _ => (Cmp::Equal, end),
    })
}

/// A comparative and its number, with a trailing "or equal (to)" or, after "equal to",
/// "or less"/"or more" when no number follows: "less than 5000 or equal", "equal to 5000
/// or more than". After a comparative "2 in 5" is not a fraction.
fn one_sided(t: &Toks, i: usize) -> Option<OneSided> {
    let (mut cmp, after) = comparator(t, i)?;
    let End { value, mut end, .. } = number_or_ordinal(t, t.skip_space(after), false, t.len())?;
    match cmp {
        Cmp::More | Cmp::Less => {
            if let Some(or_end) = or_then(t, end, equal_comparator).filter(|&e| !number_follows(t, e)) {
                cmp = cmp.or_equal();
                end = or_end;
            }
        }
        Cmp::Equal => {
            if let Some((direction, or_end)) = or_then(t, end, base_comparator).filter(|&(_, e)| !number_follows(t, e)) {
                cmp = direction.or_equal();
                end = or_end;
            }
        }
        _ => {}
    }
    Some(OneSided { start: i, end, cmp, value })
}

/// A number followed by a second one ("20 to 30", "1000-5000", "20~100") or by "or
/// more", "and more", "or less", "or greater than" (with no number after it).
/// `Ok` is a two-number range, `Err` a one-sided comparative.
fn number_first(t: &Toks, i: usize) -> Option<Result<FoundRange, OneSided>> {
    let first = number(t, i, true, t.len())?;
    if let Some((k, is_mark)) = till_after(t, first.end) {
        if let Some(second) = number_or_ordinal(t, k, true, t.len()) {
            let chained = is_mark && in_chain(t, i, second.end);
            let (low, high) = range_ends(first, second);
            if low < high && !chained {
                return Some(Ok(two_sided(i, second.end, low, high)));
            }
            return None;
        }
    }
    let (cmp, end) = suffix_comparator(t, first.end)?;
    Some(Err(OneSided { start: i, end, cmp, value: first.value }))
}

/// "[low, high)", the reading of "between", "from … to" and "a-b".
fn two_sided(start: usize, end: usize, low: f64, high: f64) -> FoundRange {
    FoundRange { start, end, low: Some(RangeEnd { value: low, inclusive: true }), high: Some(RangeEnd { value: high, inclusive: false }) }
}

/// "to", "through", "-", "–", "~", an unspaced "—" after a number ending before token `end`; the
/// token index where the second number starts, and whether the connector is a mark.
fn till_after(t: &Toks, end: usize) -> Option<(usize, bool)> {
    let k = t.skip_space(end);
    if let Some(mark) = t.mark(k) {
        let mut after = k + 1;
        if t.is_mark(after, mark) {
            after += 1;
        }
        // An em dash between spaces sets off a parenthesis ("four in 10 — 38 percent").
        let spaced = k > end || t.is_space(after);
        if is_hyphen(mark) || matches!(mark, '–' | '~' | '〜') || (mark == '—' && !spaced) {
            return Some((t.skip_space(after), true));
        }
        return None;
    }
    (k > end && word_in(t, k, TILL_WORDS) && t.is_space(k + 1)).then_some((k + 2, false))
}

/// True when the numbers of "a-b" are part of a longer chain ("+1-222-2222/2222"):
/// a phone number or a code, not a range.
fn in_chain(t: &Toks, start: usize, end: usize) -> bool {
    let before = t.char_before(t.start(start));
    let after = t.char_at(t.end_before(end));
    let after_next = t.char_at(t.end_before(end) + 1);
    matches!(before, Some('+' | '-' | '/' | '\u{2212}'))
        || (matches!(after, Some('-' | '/')) && after_next.is_some_and(|c| c.is_ascii_digit()))
}

/// "or more", "and more", "or greater than", "or less", "or fewer", "or above" after a
/// number ending before token `end`, when no number follows.
fn suffix_comparator(t: &Toks, end: usize) -> Option<(Cmp, usize)> {
    if !t.is_space(end) || !word_in(t, end + 1, &["or", "and"]) || !t.is_space(end + 2) {
        return None;
    }
    let k = end + 3;
    let cmp = if word_in(t, k, MORE_WORDS) || word_in(t, k, &["above", "over"]) {
        Cmp::MoreEq
    } else if word_in(t, k, LESS_WORDS) || word_in(t, k, &["below", "under"]) {
        Cmp::LessEq
    } else {
        return None;
    };
    let end = t.spaced_word(k + 1, "than").unwrap_or(k + 1);
    (!number_follows(t, end)).then_some((cmp, end))
}

/// ", ", " and ", " but " between two comparatives; the index after it.
fn connector_after(t: &Toks, end: usize) -> Option<usize> {
    let k = t.skip_space(end);
    if t.is_mark(k, ',') {
        return Some(t.skip_space(k + 1));
    }
    (k > end && word_in(t, k, &["and", "but"]) && t.is_space(k + 1)).then_some(k + 2)
}

/// Two comparatives of opposite directions as one range, when it is not empty: "more
/// than 10 and less than 20" is (10, 20); "more than 40 and less than 10" stays two.
fn combine(first: OneSided, second: OneSided) -> Option<FoundRange> {
    let (lower, upper) = if first.cmp.is_lower_bound() && second.cmp.is_upper_bound() {
        (first, second)
    } else if first.cmp.is_upper_bound() && second.cmp.is_lower_bound() {
        (second, first)
    } else {
        return None;
    };
    let low = RangeEnd { value: lower.value, inclusive: lower.cmp == Cmp::MoreEq };
    let high = RangeEnd { value: upper.value, inclusive: upper.cmp == Cmp::LessEq };
    let non_empty = low.value < high.value || (low.value == high.value && low.inclusive && high.inclusive);
    non_empty.then_some(FoundRange { start: first.start, end: second.end, low: Some(low), high: Some(high) })
}

/// "between 20 and 30", "between the tenth and the fifteenth": `[20, 30)`. The first
/// number may not swallow the "and" ("between two hundred and three hundred"); of the
/// "and"s that could separate the ends, the last one whose left side is one whole number
/// is taken ("between one hundred and fifty and two hundred" is `[150, 200)`).
fn between(t: &Toks, i: usize) -> Option<FoundRange> {
    if !t.is_word(i, "between") || !t.is_space(i + 1) {
        return None;
    }
    let j = i + 2;
    let last = (j + 60).min(t.len());
    (j + 1..last).rev().find_map(|and| {
        if !(t.is_word(and, "and") && t.is_space(and - 1) && t.is_space(and + 1)) {
            return None;
        }
        let first = number_or_ordinal(t, j, true, and - 1).filter(|first| first.end == and - 1)?;
        let second = number_or_ordinal(t, and + 2, true, t.len())?;
        let (low, high) = range_ends(first, second);
        (low < high).then(|| two_sided(i, second.end, low, high))
    })
}

/// "from 200 to 300", "from one thousand to one thousand and five hundred".
fn from_to(t: &Toks, i: usize) -> Option<FoundRange> {
    if !t.is_word(i, "from") || !t.is_space(i + 1) {
        return None;
    }
    let first = number_or_ordinal(t, i + 2, true, t.len())?;
    let (k, is_mark) = till_after(t, first.end)?;
    let second = number_or_ordinal(t, k, true, t.len())?;
    let chained = is_mark && in_chain(t, i + 2, second.end);
    let (low, high) = range_ends(first, second);
    (low < high && !chained).then(|| two_sided(i, second.end, low, high))
}
