//! Numbers as phrases: number words and digits joined by scale words, "and", hyphens and
//! "point"; spoken and prepositional fractions; signs. The entry point is
//! [`parse_number_at`].

use super::lexicon::{is_currency_sign, WordClass, DURATION_NOUNS, ONE_PRONOUN_AFTER};
use super::numerals::{parse_numeral, Form, Numeral};
use super::tokens::{is_hyphen, is_minus, is_word_char, Kind, Toks};
use super::NumberSubtype;

/// The longest phrase read at once, in words and numerals. Longer runs of number words
/// are read as several numbers; the bound keeps the scan linear.
const MAX_LEXEMES: usize = 40;

/// Beyond this scale a fraction after "and" is a fraction of the scale ("two million
/// and a half" is 2.5 million) rather than of one ("a hundred and a half" is 100.5).
const FRACTION_OF_SCALE_FROM: f64 = 1e6;

#[derive(Clone, Copy, Debug)]
pub(super) struct Options {
    /// Tokens at or after this index are not used.
    pub limit: usize,
    /// Read "2 in 5" as a fraction. Off after a comparative: "more than 2 in 5" is read
    /// left to right as "more than 2".
    pub in_fractions: bool,
    /// The token index where the previous number ended: a "-" right after a number
    /// ("1000 - 5000", "5k-20k") is a dash, not a minus sign.
    pub previous_end: Option<usize>,
}

impl Options {
    pub fn new(t: &Toks) -> Options {
        Options { limit: t.len(), in_fractions: true, previous_end: None }
    }
}

/// A number read at some token: where it ends and what it is.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    pub end: usize,
    pub value: f64,
    pub subtype: NumberSubtype,
    /// The scale word or suffix the number ends with ("3 million", "20k"), 1 when none:
    /// a range carries it to a bare lower end ("2 to 3 million").
    pub scale: f64,
}

#[derive(Clone, Copy, Debug)]
enum Lx {
    Word(WordClass),
    Numeral(Numeral),
}

/// How a lexeme is joined to the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    Start,
    Space,
    Hyphen,
}

#[derive(Clone, Copy, Debug)]
struct Lexeme {
    lx: Lx,
    /// The token index after the lexeme.
    end: usize,
    gap: Gap,
}

impl Lexeme {
    fn class(&self) -> WordClass {
        match self.lx {
            Lx::Word(class) => class,
            Lx::Numeral(_) => WordClass::Other,
        }
    }

    fn numeral(&self) -> Option<Numeral> {
        match self.lx {
            Lx::Numeral(numeral) => Some(numeral),
            Lx::Word(_) => None,
        }
    }

    fn is(&self, class: WordClass) -> bool {
        self.class() == class
    }
}

/// The number words and numerals from token `i` on, each with how it is joined to the
/// previous one (spaces on one line, or a hyphen with optional spaces).
fn lex_phrase(t: &Toks, i: usize, limit: usize) -> Vec<Lexeme> {
    let mut out: Vec<Lexeme> = Vec::new();
    let mut j = i;
    let mut gap = Gap::Start;
    while j < limit && out.len() < MAX_LEXEMES {
        let lexeme = match t.kind(j) {
            Some(Kind::Word) => {
                let class = t.class(j);
                let touches_digits = t.is_digits(j + 1) || (j > 0 && t.is_digits(j - 1));
                if matches!(class, WordClass::Other | WordClass::Sign) || touches_digits {
                    break;
                }
                Lexeme { lx: Lx::Word(class), end: j + 1, gap }
            }
            // Digits continue a phrase only after "and" or a scale word ("3 hundred and 21").
            Some(Kind::Digits | Kind::Mark)
                if out.last().is_some_and(|l| !matches!(l.class(), WordClass::And | WordClass::Scale { .. })) =>
            {
                break
            }
            Some(Kind::Digits | Kind::Mark) => match parse_numeral(t, j, limit) {
                Some(numeral) => Lexeme { lx: Lx::Numeral(numeral), end: numeral.end, gap },
                None => break,
            },
            _ => break,
        };
        out.push(lexeme);
        j = lexeme.end;
        let mut k = t.skip_space(j);
        if k < limit && t.mark(k).is_some_and(is_hyphen) {
            k = t.skip_space(k + 1);
            gap = Gap::Hyphen;
        } else if k > j {
            gap = Gap::Space;
        } else {
            break;
        }
        j = k;
    }
    out
}

// ---------------------------------------------------------------------------------------
// Integers

/// An integer (or a decimal numeral with scale words) read from the start of a phrase.
#[derive(Clone, Copy, Debug)]
struct IntParse {
    value: f64,
    /// The lexeme index after it.
    end: usize,
    /// The scale word of its last group ("two million" → 1e6), 1 when there is none.
    last_scale: f64,
    /// True when it has no digits.
    words_only: bool,
    /// True when it holds a decimal numeral ("2.5 million").
    decimal: bool,
}

/// One term of a number: what a scale word multiplies, or what "and" adds.
#[derive(Clone, Copy, Debug)]
struct Term {
    value: f64,
    next: usize,
    article: bool,
    numeral: bool,
    decimal: bool,
    zero: bool,
}

fn term_at(lexs: &[Lexeme], k: usize) -> Option<Term> {
    let lexeme = lexs.get(k)?;
    let base = Term { value: 0.0, next: k + 1, article: false, numeral: false, decimal: false, zero: false };
    let unit_at = |n: usize, gaps: &[Gap]| match lexs.get(n) {
        Some(l) if gaps.contains(&l.gap) => match l.class() {
            WordClass::Unit(u) if u > 0 => Some(f64::from(u)),
            _ => None,
        },
        _ => None,
    };
    match lexeme.lx {
        Lx::Word(WordClass::Unit(0)) => Some(Term { zero: true, ..base }),
        Lx::Word(WordClass::Unit(n) | WordClass::Teen(n)) => Some(Term { value: f64::from(n), ..base }),
        Lx::Word(WordClass::Tens(n)) => {
            let tens = f64::from(n);
            if let Some(unit) = unit_at(k + 1, &[Gap::Space, Gap::Hyphen]) {
                return Some(Term { value: tens + unit, next: k + 2, ..base });
            }
            // "twenty and three", but not "fifty and two hundred" (fifty, then two hundred).
            let scale_follows = lexs.get(k + 3).is_some_and(|l| matches!(l.class(), WordClass::Scale { .. }));
            if lexs.get(k + 1).is_some_and(|l| l.is(WordClass::And) && l.gap == Gap::Space) && !scale_follows {
                if let Some(unit) = unit_at(k + 2, &[Gap::Space]) {
                    return Some(Term { value: tens + unit, next: k + 3, ..base });
                }
            }
            Some(Term { value: tens, ..base })
        }
        Lx::Word(WordClass::Article) => {
            let before_scale = lexs.get(k + 1).is_some_and(|l| matches!(l.class(), WordClass::Scale { plural: false, .. }));
            before_scale.then_some(Term { value: 1.0, article: true, ..base })
        }
        Lx::Numeral(numeral) => match numeral.form {
            Form::Integer => Some(Term { value: numeral.value, numeral: true, ..base }),
            Form::Decimal => Some(Term { value: numeral.value, numeral: true, decimal: true, ..base }),
            _ => None,
        },
        Lx::Word(_) => None,
    }
}

/// The longest integer at the start of `lexs`: groups of a term and scale words, joined
/// by optional "and" ("twenty-one trillion and three hundred", "4 thousand 3 hundred and
/// 21", "three lakh crore"). A scale word multiplies its term and every earlier group of
/// a smaller scale ("two hundred and two thousand" is 202,000). A scale that was already
/// used ("3 hundred and 2 hundred") or that has nothing to multiply ends the number
/// before the group that would need it. Zero stands alone; a decimal numeral only starts
/// a number.
fn parse_integer(lexs: &[Lexeme], numerals: bool) -> Option<IntParse> {
    let mut groups: Vec<(f64, f64)> = Vec::new();
    let total = |groups: &[(f64, f64)]| groups.iter().map(|&(value, _)| value).sum::<f64>();
    let mut best: Option<IntParse> = None;
    let mut k = 0;
    let mut first = true;
    let mut words_only = true;
    let mut decimal = false;
    while let Some(term) = term_at(lexs, k) {
        // Nothing adds zero or a decimal to a number: "4 thousand 3 hundred and 0" is two.
        if (term.numeral && !numerals) || (!first && (term.decimal || term.value == 0.0)) {
            break;
        }
        if term.zero {
            if first {
                best = Some(IntParse { value: 0.0, end: k + 1, last_scale: 1.0, words_only: true, decimal: false });
            }
            break;
        }
        let before_group = best;
        words_only &= !term.numeral;
        decimal |= term.decimal;
        k = term.next;
        if !term.article {
            let value = total(&groups) + term.value;
            best = Some(IntParse { value, end: k, last_scale: 1.0, words_only, decimal });
        }
        let mut current = Some(term.value);
        let mut scaled = false;
        let mut stop = false;
        while let Some(lexeme) = lexs.get(k) {
            let WordClass::Scale { value: scale, plural } = lexeme.class() else { break };
            let has_lower = groups.iter().any(|&(_, s)| s < scale);
            let repeated = groups.iter().any(|&(_, s)| s == scale);
            if repeated || (current.is_none() && !has_lower) {
                if current.is_some() {
                    best = before_group;
                }
                stop = true;
                break;
            }
            let lower: f64 = groups.iter().filter(|&&(_, s)| s < scale).map(|&(value, _)| value).sum();
            let value = (lower + current.unwrap_or(0.0)) * scale;
            groups.retain(|&(_, s)| s > scale);
            groups.push((value, scale));
            current = None;
            scaled = true;
            k += 1;
            best = Some(IntParse { value: total(&groups), end: k, last_scale: scale, words_only, decimal });
            if plural {
                stop = true;
                break;
            }
        }
        if stop || !scaled {
            break;
        }
        first = false;
        if lexs.get(k).is_some_and(|l| l.is(WordClass::And)) {
            k += 1;
        }
    }
    best
}

/// `parse_integer` when it reads all of `lexs`.
fn whole_integer(lexs: &[Lexeme], numerals: bool) -> Option<IntParse> {
    parse_integer(lexs, numerals).filter(|parse| parse.end == lexs.len())
}

/// "point" and its digits after a spoken integer: "two hundred point zero three", "nine
/// point nought four", "nought point eleven", "two point five million".
fn point_decimal(lexs: &[Lexeme], integer: &IntParse) -> Option<(f64, usize)> {
    if !integer.words_only || integer.decimal || !lexs.get(integer.end)?.is(WordClass::Point) {
        return None;
    }
    let mut k = integer.end + 1;
    let mut digits = String::new();
    while let Some(lexeme) = lexs.get(k) {
        match lexeme.class() {
            WordClass::Unit(n) if lexeme.gap == Gap::Space => digits.push(char::from(b'0' + n)),
            _ => break,
        }
        k += 1;
    }
    if digits.is_empty() {
        let term = term_at(lexs, k).filter(|term| !term.numeral && !term.article && !term.zero)?;
        digits = format!("{}", term.value);
        k = term.next;
    }
    let mut value = integer.value + format!("0.{digits}").parse::<f64>().ok()?;
    if let Some(WordClass::Scale { value: scale, plural: false }) = lexs.get(k).map(Lexeme::class) {
        value *= scale;
        k += 1;
    }
    Some((value, k))
}

// ---------------------------------------------------------------------------------------
// Fractions

fn is_fraction_noun(class: WordClass) -> bool {
    matches!(class, WordClass::Ordinal { .. } | WordClass::Half { .. } | WordClass::Quarter { .. })
}

/// A spoken fraction at the start of `lexs`, and the lexeme index after it.
///
/// The denominator is an ordinal, "half" or "quarter". When the ordinal is a basic one
/// (not "hundredth", …) number words before it may belong to it: "twenty twenty fifths"
/// is 20/25 and "one one hundred fifth" 1/105. The longest such compound that leaves a
/// numerator is taken, but never one that starts right after "and" or inside a hyphened
/// "ninety-five". A singular denominator needs "a", "an" or "one" ("two millionth" is no
/// fraction); "first" and "second" never stand alone as denominators ("a first class
/// seat", "three seconds").
///
/// Before the numerator, an integer and "and" make a mixed number when the numerator is
/// below the denominator ("twenty and three fifths" is 20.6); otherwise the whole is the
/// numerator ("one hundred and thirty fifths" is 130/5). A scale word after the fraction
/// multiplies it ("two thirds of a million", "half a dozen", "one billion and a half
/// million"); "two million and a half" is a fraction of the million.
fn word_fraction(lexs: &[Lexeme]) -> Option<(f64, usize)> {
    let d = lexs.iter().position(|l| is_fraction_noun(l.class()))?;
    let (denominator, plural, basic) = match lexs[d].class() {
        WordClass::Half { plural } => (2.0, plural, false),
        WordClass::Quarter { plural } => (4.0, plural, false),
        WordClass::Ordinal { value, plural, round } => (value, plural, !round),
        _ => return None,
    };
    if d == 0 {
        let (scale, end) = scale_after(lexs, 1);
        return match lexs[0].class() {
            WordClass::Half { plural: false } => Some((0.5 * scale.unwrap_or(1.0), end)),
            WordClass::Quarter { plural: false } => scale.map(|scale| (0.25 * scale, end)),
            _ => None,
        };
    }
    let numeric = |l: &Lexeme| match l.lx {
        Lx::Numeral(numeral) => matches!(numeral.form, Form::Integer | Form::Decimal),
        Lx::Word(class) => matches!(
            class,
            WordClass::Unit(_) | WordClass::Teen(_) | WordClass::Tens(_) | WordClass::Scale { .. } | WordClass::Article | WordClass::And
        ),
    };
    if !lexs[..d].iter().all(numeric) {
        return None;
    }
    let singular = !plural;
    let mut split = d;
    let mut full_denominator = denominator;
    if basic {
        for s in 1..d {
            if !can_start_denominator(lexs, s) {
                continue;
            }
            let Some(compound) = compound_ordinal(&lexs[s..d], denominator) else { continue };
            if numerator(&lexs[..s], singular).is_some() {
                split = s;
                full_denominator = compound;
                break;
            }
        }
        if split == d && denominator <= 2.0 {
            return None;
        }
    }
    let numerator = numerator(&lexs[..split], singular)?;
    let (scale, end) = scale_after(lexs, d + 1);
    let part = numerator.part / full_denominator;
    let value = match (numerator.whole, scale) {
        (None, None) => part,
        (None, Some(scale)) => part * scale,
        (Some(whole), Some(scale)) if whole.last_scale > scale => whole.value + part * scale,
        (Some(whole), Some(scale)) => (whole.value + part) * scale,
        (Some(whole), None) if numerator.part >= full_denominator => (whole.value + numerator.part) / full_denominator,
        (Some(whole), None) if whole.last_scale >= FRACTION_OF_SCALE_FROM => whole.value + part * whole.last_scale,
        (Some(whole), None) => whole.value + part,
    };
    Some((value, end))
}

/// A scale word after a fraction, optionally after "of" and an article: "half million",
/// "half a dozen", "two thirds of a million".
fn scale_after(lexs: &[Lexeme], k: usize) -> (Option<f64>, usize) {
    let mut j = k;
    if lexs.get(j).is_some_and(|l| l.is(WordClass::Of)) {
        j += 1;
    }
    if lexs.get(j).is_some_and(|l| l.is(WordClass::Article)) {
        j += 1;
    }
    match lexs.get(j).map(Lexeme::class) {
        Some(WordClass::Scale { value, plural: false }) => (Some(value), j + 1),
        _ => (None, k),
    }
}

fn can_start_denominator(lexs: &[Lexeme], s: usize) -> bool {
    let (before, at) = (lexs[s - 1], lexs[s]);
    let bound_unit = matches!(before.class(), WordClass::Tens(_)) && matches!(at.class(), WordClass::Unit(_));
    !(before.is(WordClass::And)
        || at.is(WordClass::And)
        || bound_unit
        || matches!(at.class(), WordClass::Scale { .. })
        || at.numeral().is_some())
}

/// The value of the ordinal `ordinal` with the number words `part` before it, when they
/// make one compound ordinal: "twenty first" (21), "one hundred fifth" (105), "one
/// thousand and twenty first" (1021).
fn compound_ordinal(part: &[Lexeme], ordinal: f64) -> Option<f64> {
    let mut m = part.len();
    let mut add = 0.0;
    if m == 0 {
        return None;
    }
    if ordinal < 10.0 {
        if let WordClass::Tens(tens) = part[m - 1].class() {
            add = f64::from(tens);
            m -= 1;
        }
    }
    if m == 0 {
        return (add > 0.0).then_some(add + ordinal);
    }
    if part[m - 1].is(WordClass::And) {
        m -= 1;
    }
    if m == 0 || !matches!(part[m - 1].class(), WordClass::Scale { plural: false, .. }) {
        return None;
    }
    let base = whole_integer(&part[..m], false)?;
    Some(base.value + add + ordinal)
}

struct Numerator {
    /// The integer before "and" in a mixed number.
    whole: Option<IntParse>,
    part: f64,
}

fn numerator(lexs: &[Lexeme], singular: bool) -> Option<Numerator> {
    if lexs.last()?.is(WordClass::And) {
        return None;
    }
    if let Some(and) = lexs.iter().rposition(|l| l.is(WordClass::And)).filter(|&and| and > 0) {
        let whole = whole_integer(&lexs[..and], true);
        let part = numerator_value(&lexs[and + 1..], singular);
        if let (Some(whole), Some(part)) = (whole, part) {
            return Some(Numerator { whole: Some(whole), part });
        }
    }
    Some(Numerator { whole: None, part: numerator_value(lexs, singular)? })
}

fn numerator_value(lexs: &[Lexeme], singular: bool) -> Option<f64> {
    if let [only] = lexs {
        if only.is(WordClass::Article) {
            return singular.then_some(1.0);
        }
    }
    let value = whole_integer(lexs, false)?.value;
    (!singular || value == 1.0).then_some(value)
}

/// True when the spoken integer that ends at lexeme `end` is the start of an ordinal
/// ("twenty-first", "one hundred and fifth") that is no fraction: then it is no number
/// either. "$ 280 million first preferred notes" keeps its number.
fn starts_ordinal(lexs: &[Lexeme], integer: &IntParse) -> bool {
    let end = integer.end;
    if !integer.words_only {
        return false;
    }
    let ordinal_at = |k: usize| match lexs.get(k).map(Lexeme::class) {
        Some(WordClass::Ordinal { value, round: false, plural: false }) => Some(value),
        _ => None,
    };
    match lexs[end - 1].class() {
        WordClass::Tens(_) => ordinal_at(end).is_some_and(|value| value < 10.0),
        WordClass::Scale { plural: false, .. } => lexs.get(end).is_some_and(|l| l.is(WordClass::And)) && ordinal_at(end + 1).is_some(),
        _ => false,
    }
}

/// "1 over 3", "one out of three", "1 in twenty-one" after the integer `integer` that
/// starts at token `start` and ends before token `end`. "in" and "out of" only make a
/// fraction of a part ("12 in six boxes" is two numbers); no number right after a
/// currency sign is a numerator ("$2000 over 3 years"), and a denominator before a noun
/// of time is a duration ("185,000 over two years").
fn prepositional(t: &Toks, start: usize, end: usize, integer: &IntParse, options: &Options) -> Option<(f64, usize)> {
    if integer.decimal || integer.value.fract() != 0.0 || !t.is_space(end) {
        return None;
    }
    let (after, connector) = if t.is_word(end + 1, "over") {
        (end + 2, "over")
    } else if t.is_word(end + 1, "in") && options.in_fractions {
        (end + 2, "in")
    } else {
        (t.words(end + 1, &["out", "of"])?, "out of")
    };
    if after >= options.limit || !t.is_space(after) {
        return None;
    }
    let head = t.text.get(..t.start(start)).unwrap_or("").trim_end();
    if head.chars().next_back().is_some_and(is_currency_sign) {
        return None;
    }
    let lexs = lex_phrase(t, after + 1, options.limit);
    if lexs.first()?.numeral().is_some_and(|n| n.is_terminal()) {
        return None;
    }
    let denominator = parse_integer(&lexs, true)?;
    if denominator.decimal || denominator.value == 0.0 || denominator.value.fract() != 0.0 {
        return None;
    }
    let proper = match connector {
        "in" => integer.value < denominator.value,
        "out of" => integer.value <= denominator.value,
        _ => true,
    };
    let end = lexs[denominator.end - 1].end;
    let duration = t.is_space(end) && DURATION_NOUNS.iter().any(|noun| t.is_word(end + 1, noun));
    (proper && !duration).then(|| (integer.value / denominator.value, end))
}

// ---------------------------------------------------------------------------------------
// Numbers

fn subtype_of(value: f64) -> NumberSubtype {
    if value.fract() == 0.0 {
        NumberSubtype::Integer
    } else {
        NumberSubtype::Decimal
    }
}

/// The number starting at token `i`, with its sign ("-1", "- 1 4/5", "minus five",
/// "negative one over 20").
pub(super) fn parse_number_at(t: &Toks, i: usize, options: &Options) -> Option<Found> {
    let negate = |found: Found| Found { value: if found.value == 0.0 { 0.0 } else { -found.value }, ..found };
    if i >= options.limit {
        return None;
    }
    match t.kind(i)? {
        Kind::Word if t.class(i) == WordClass::Sign => {
            if !t.is_space(i + 1) {
                return None;
            }
            unsigned(t, i + 2, options).map(negate)
        }
        Kind::Mark if t.mark(i).is_some_and(is_minus) => {
            if !sign_allowed(t, i, options) {
                return None;
            }
            let j = t.skip_space(i + 1);
            if !(t.is_digits(j) || t.is_mark(j, '.')) {
                return None;
            }
            unsigned(t, j, options).map(negate)
        }
        _ => unsigned(t, i, options),
    }
}

/// A "-" is a minus sign unless it follows a number ("1000-5000", "5k - 20k",
/// "+1-222", "82%-12%"), a closing bracket, or touches a word ("SCP-173").
fn sign_allowed(t: &Toks, i: usize, options: &Options) -> bool {
    let closes = |c: char| is_word_char(c) || is_minus(c) || matches!(c, '%' | ')' | ']' | '}' | '°' | '.');
    if t.char_before(t.start(i)).is_some_and(closes) {
        return false;
    }
    match t.previous_solid(i) {
        // A minus set apart by a space after a word is a dash ("mid - 1972").
        Some(p) if t.is_space(i + 1) && t.kind(p) == Some(Kind::Word) => false,
        Some(p) => !t.is_digits(p) && options.previous_end != Some(p + 1),
        None => true,
    }
}

fn unsigned(t: &Toks, i: usize, options: &Options) -> Option<Found> {
    let lexs = lex_phrase(t, i, options.limit);
    let first = lexs.first()?;
    if let Some(numeral) = first.numeral().filter(Numeral::is_terminal) {
        let subtype = match numeral.form {
            Form::Power => NumberSubtype::Power,
            Form::Fraction => NumberSubtype::Fraction,
            _ => subtype_of(numeral.value),
        };
        return Some(Found { end: numeral.end, value: numeral.value, subtype, scale: numeral.scale });
    }
    if let Some((value, k)) = word_fraction(&lexs) {
        let end = lexs[k - 1].end;
        // "a half-century", "a third-party candidate": a compound noun, no fraction.
        let compound = t.mark(end).is_some_and(is_hyphen) && t.kind(end + 1) == Some(Kind::Word);
        if compound {
            return None;
        }
        return Some(Found { end, value, subtype: NumberSubtype::Fraction, scale: 1.0 });
    }
    let integer = parse_integer(&lexs, true)?;
    if starts_ordinal(&lexs, &integer) {
        return None;
    }
    let end = lexs[integer.end - 1].end;
    if let Some((value, end)) = prepositional(t, i, end, &integer, options) {
        return Some(Found { end, value, subtype: NumberSubtype::Fraction, scale: 1.0 });
    }
    if let Some((value, k)) = point_decimal(&lexs, &integer) {
        return Some(Found { end: lexs[k - 1].end, value, subtype: subtype_of(value), scale: 1.0 });
    }
    if integer.end == 1 && first.is(WordClass::Unit(1)) && one_is_pronoun(t, i) {
        return None;
    }
    let scale = if matches!(lexs[integer.end - 1].class(), WordClass::Scale { .. }) { integer.last_scale } else { 1.0 };
    Some(Found { end, value: integer.value, subtype: subtype_of(integer.value), scale })
}

/// "the one you mentioned", "which one", "no one", "one another".
fn one_is_pronoun(t: &Toks, i: usize) -> bool {
    let after_determiner = i >= 2
        && t.is_space(i - 1)
        && t.kind(i - 2) == Some(Kind::Word)
        && ONE_PRONOUN_AFTER.iter().any(|word| t.str(i - 2).eq_ignore_ascii_case(word));
    after_determiner || t.spaced_word(i + 1, "another").is_some()
}

/// An integer written in words at token `i`, for the quantity stage: "twenty-six", "one
/// hundred and five", "a dozen", "three lakh", "half a million". No digits, fractions,
/// decimals or signs. The token index after it, its value, the largest scale word in it
/// (1 without one) and how many words and scale words it has.
pub(super) fn spoken_integer(t: &Toks, i: usize) -> Option<(usize, f64, f64, usize)> {
    let lexs = lex_phrase(t, i, t.len());
    // "half a million", "a quarter of a million", "two thirds of a billion": a fraction of a
    // scale word is a whole number of people or things.
    if let Some(d) = lexs.iter().take(3).position(|l| is_fraction_noun(l.class())) {
        if let (Some(scale), _) = scale_after(&lexs, d + 1) {
            if let Some((value, end)) = word_fraction(&lexs) {
                return Some((lexs[end - 1].end, value, scale, end));
            }
        }
    }
    let integer = parse_integer(&lexs, false)?;
    if starts_ordinal(&lexs, &integer) {
        return None;
    }
    let largest_scale = lexs[..integer.end]
        .iter()
        .filter_map(|l| match l.class() {
            WordClass::Scale { value, .. } => Some(value),
            _ => None,
        })
        .fold(1.0, f64::max);
    Some((lexs[integer.end - 1].end, integer.value, largest_scale, integer.end))
}

/// An ordinal at token `i` ("tenth", "twenty-first", "one hundred and fifth", "10th"),
/// for the ends of ranges ("between the tenth and the fifteenth").
pub(super) fn parse_ordinal_at(t: &Toks, i: usize, limit: usize) -> Option<(f64, usize)> {
    if i + 1 < limit && t.is_digits(i) && t.kind(i + 1) == Some(Kind::Word) {
        let suffix = t.str(i + 1).to_ascii_lowercase();
        let boundary = !t.char_before(t.start(i)).is_some_and(is_word_char) && !t.is_digits(i + 2);
        if boundary && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
            return Some((t.str(i).parse().ok()?, i + 2));
        }
        return None;
    }
    let lexs = lex_phrase(t, i, limit);
    let d = lexs.iter().position(|l| matches!(l.class(), WordClass::Ordinal { plural: false, .. }))?;
    let WordClass::Ordinal { value, round, .. } = lexs[d].class() else { return None };
    let value = match d {
        0 => value,
        _ if round => return None,
        _ => compound_ordinal(&lexs[..d], value)?,
    };
    Some((value, lexs[d].end))
}
