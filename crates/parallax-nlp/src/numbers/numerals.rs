//! Numbers written with digits: grouping, decimals, exponents, suffixes and slash
//! fractions. Signs are read by the caller.

use super::lexicon::{suffix_multiplier, vulgar_fraction};
use super::tokens::{is_word_char, Kind, Toks, GROUP_SPACES};

/// The most digit groups one numeral has ("1,000,000,000,000,000,000,000" has eight).
const MAX_GROUPS: usize = 8;

/// What a numeral is, which decides whether number words may follow it ("2.5 million")
/// or it stands alone ("10k", "1e10", "3/4").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    Integer,
    Decimal,
    /// Digits with a multiplier suffix ("10k", "1.2b").
    Suffixed,
    /// Exponent notation ("1e10", "1.1^23", "1.3x10^6").
    Power,
    /// A slash or vulgar fraction ("3/4", "2 1/4", "⅔", "2½").
    Fraction,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Numeral {
    /// The token index after the numeral.
    pub end: usize,
    pub value: f64,
    pub form: Form,
    /// The multiplier of a suffix ("k" is 1000), 1 when there is none.
    pub scale: f64,
}

impl Numeral {
    /// True when no scale word or number word may extend the numeral.
    pub fn is_terminal(&self) -> bool {
        matches!(self.form, Form::Suffixed | Form::Power | Form::Fraction)
    }
}

/// The numeral starting at token `i`, using no token at or after `limit`. `None` when
/// there is none, including when the digits run into letters ("29km", "4th", "1m"), which
/// makes them part of a word rather than a number.
pub(super) fn parse_numeral(t: &Toks, i: usize, limit: usize) -> Option<Numeral> {
    if i >= limit {
        return None;
    }
    let start = t.start(i);
    if t.char_before(start).is_some_and(is_word_char) {
        return None;
    }
    let (value, end, form) = match t.kind(i)? {
        Kind::Mark => {
            let c = t.mark(i)?;
            if let Some(value) = vulgar_fraction(c) {
                return checked(t, Numeral { end: i + 1, value, form: Form::Fraction, scale: 1.0 });
            }
            // ".08": a decimal without its integral part, only after whitespace.
            if c != '.' || !t.char_before(start).is_none_or(char::is_whitespace) || i + 1 >= limit || !t.is_digits(i + 1) {
                return None;
            }
            if t.is_mark(i + 2, '.') && t.is_digits(i + 3) {
                return None;
            }
            (parse_decimal("0", Some(t.str(i + 1)))?, i + 2, Form::Decimal)
        }
        Kind::Digits => {
            // After "192." or "22," the digits continue a sequence that was not one number
            // ("192.168.1.2", "22,24,26"): each part is an integer of its own.
            let continues = matches!(t.char_before(start), Some(',' | '.'))
                && start >= 2
                && t.char_before(start - 1).is_some_and(|c| c.is_ascii_digit());
            if continues {
                // A sequence glued to letters ("USD115.5") has no numbers at all.
                let head = t.text[..start].trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
                if head.chars().next_back().is_some_and(is_word_char) {
                    return None;
                }
                return checked(t, Numeral { end: i + 1, value: parse_decimal(t.str(i), None)?, form: Form::Integer, scale: 1.0 });
            }
            grouped(t, i, limit)?
        }
        _ => return None,
    };
    let mut numeral = Numeral { end, value, form, scale: 1.0 };
    if let Some((value, end)) = power(t, end, value, limit) {
        return checked(t, Numeral { end, value, form: Form::Power, scale: 1.0 });
    }
    if form == Form::Integer && end == i + 1 {
        if let Some(fraction) = fraction_after_integer(t, i, limit) {
            return checked(t, fraction);
        }
    }
    let after = t.skip_space(end);
    if after < limit && t.kind(after) == Some(Kind::Word) {
        if let Some(multiplier) = suffix_multiplier(t.str(after)) {
            numeral = Numeral { end: after + 1, value: value * multiplier, form: Form::Suffixed, scale: multiplier };
        }
    }
    checked(t, numeral)
}

/// The numeral, if it ends on a word boundary and its value is finite.
fn checked(t: &Toks, numeral: Numeral) -> Option<Numeral> {
    let end = t.end_before(numeral.end);
    if t.char_at(end).is_some_and(is_word_char) || !numeral.value.is_finite() {
        return None;
    }
    Some(numeral)
}

fn parse_decimal(integral: &str, fraction: Option<&str>) -> Option<f64> {
    let text = match fraction {
        Some(fraction) => format!("{integral}.{fraction}"),
        None => integral.to_owned(),
    };
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// Digits with their group and decimal separators, read from token `i`: "1,234,567",
/// "1 234 567", "12,34,567.89" (Indian grouping), "1.111,11" (European), "4.800", "1,3"
/// (a decimal comma). A run that is no single number ("22,24,26,31", "192.168.1.2")
/// gives its first group only; the others are read when the scanner reaches them.
fn grouped(t: &Toks, i: usize, limit: usize) -> Option<(f64, usize, Form)> {
    let mut groups = vec![i];
    let mut seps: Vec<char> = Vec::new();
    let mut j = i;
    while j + 2 < limit && t.is_digits(j + 2) && groups.len() <= MAX_GROUPS {
        let sep = match t.kind(j + 1) {
            Some(Kind::Mark) => t.mark(j + 1).filter(|c| matches!(c, ',' | '.')),
            Some(Kind::Space) => {
                let space = t.str(j + 1);
                let single = space.chars().count() == 1 && space.chars().all(|c| GROUP_SPACES.contains(&c));
                (single && t.str(j + 2).len() == 3).then_some(' ')
            }
            _ => None,
        };
        let Some(sep) = sep else { break };
        if !accepts(&seps, sep, t.str(i).len()) {
            break;
        }
        seps.push(sep);
        groups.push(j + 2);
        j += 2;
    }
    // "1 234 5678" or "555 123 4567" is not one number spaced in thousands, and no
    // written number has more than eight groups: longer runs are lists, read part by part.
    let too_long = groups.len() > MAX_GROUPS;
    if too_long || (seps.last() == Some(&' ') && t.is_space(j + 1) && t.is_digits(j + 2)) {
        groups.truncate(1);
        seps.clear();
    }
    let group = |k: usize| t.str(groups[k]);
    let joined = |n: usize| (0..n).map(group).collect::<String>();
    let lengths_are = |range: std::ops::Range<usize>, len: usize| range.into_iter().all(|k| group(k).len() == len);
    let first_len = group(0).len();
    let (integral, fraction, used) = match seps.first() {
        None => (group(0).to_owned(), None, 1),
        Some(',') => {
            let commas = seps.iter().filter(|&&c| c == ',').count();
            let has_point = seps.last() == Some(&'.');
            let int_groups = commas + 1;
            let standard = (1..=3).contains(&first_len) && lengths_are(1..int_groups, 3);
            let indian =
                int_groups >= 3 && (1..=2).contains(&first_len) && lengths_are(1..int_groups - 1, 2) && group(int_groups - 1).len() == 3;
            if standard || indian {
                (joined(int_groups), has_point.then(|| group(int_groups)), groups.len())
            } else if commas == 1 && !has_point {
                (group(0).to_owned(), Some(group(1)), 2)
            } else {
                (group(0).to_owned(), None, 1)
            }
        }
        Some('.') => {
            let points = seps.iter().filter(|&&c| c == '.').count();
            let has_comma = seps.last() == Some(&',');
            let int_groups = points + 1;
            let european = (1..=3).contains(&first_len) && lengths_are(1..int_groups, 3);
            if european && has_comma {
                (joined(int_groups), Some(group(int_groups)), groups.len())
            } else if european && points >= 2 {
                (joined(int_groups), None, int_groups)
            } else if points == 1 {
                (group(0).to_owned(), Some(group(1)), 2)
            } else {
                (group(0).to_owned(), None, 1)
            }
        }
        Some(_) => {
            let int_groups = seps.iter().filter(|&&c| c == ' ').count() + 1;
            let has_decimal = seps.last() != Some(&' ');
            (joined(int_groups), has_decimal.then(|| group(int_groups)), groups.len())
        }
    };
    let value = parse_decimal(&integral, fraction)?;
    let form = if fraction.is_some() { Form::Decimal } else { Form::Integer };
    Some((value, groups[used - 1] + 1, form))
}

/// Whether separator `sep` may follow `seps` in one numeral. The first separator sets
/// the family (comma, point or space grouping); one separator of another kind may then
/// end the numeral as its decimal separator. Space grouping needs a first group of at
/// most three digits.
fn accepts(seps: &[char], sep: char, first_len: usize) -> bool {
    let Some(&family) = seps.first() else {
        return sep != ' ' || first_len <= 3;
    };
    if seps.last() != Some(&family) {
        return false;
    }
    if sep == family {
        return true;
    }
    sep != ' '
}

/// Exponent notation after a mantissa ending before token `end`: "e10", "e+14", "^23",
/// "^--23" (signs multiply), "x10^6", "×10^-4".
fn power(t: &Toks, end: usize, mantissa: f64, limit: usize) -> Option<(f64, usize)> {
    if end >= limit {
        return None;
    }
    if t.is_word(end, "e") {
        let (exponent, after) = exponent(t, end + 1, limit)?;
        return Some((mantissa * 10f64.powf(exponent), after));
    }
    if t.is_mark(end, '^') {
        let (exponent, after) = exponent(t, end + 1, limit)?;
        return Some((mantissa.powf(exponent), after));
    }
    let times = t.skip_space(end);
    if times < limit && (t.is_word(times, "x") || t.is_mark(times, '×')) {
        let ten = t.skip_space(times + 1);
        if ten + 1 < limit && t.str(ten) == "10" && t.is_mark(ten + 1, '^') {
            let (exponent, after) = exponent(t, ten + 2, limit)?;
            return Some((mantissa * 10f64.powf(exponent), after));
        }
    }
    None
}

/// Signs and digits of an exponent starting at token `k`.
fn exponent(t: &Toks, mut k: usize, limit: usize) -> Option<(f64, usize)> {
    let mut negative = false;
    while k < limit {
        match t.mark(k) {
            Some('+') => {}
            Some('-' | '\u{2212}') => negative = !negative,
            _ => break,
        }
        k += 1;
    }
    if k >= limit || !t.is_digits(k) {
        return None;
    }
    let digits = t.str(k);
    if digits.len() > 6 {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    Some((if negative { -value } else { value }, k + 1))
}

/// A fraction starting with the integer at token `i`: "3/4", a mixed number "2 1/4" or
/// "2  1/4", or digits with a vulgar fraction "2½", "2 ½".
fn fraction_after_integer(t: &Toks, i: usize, limit: usize) -> Option<Numeral> {
    if let Some((value, end)) = slash(t, i, limit) {
        return Some(Numeral { end, value, form: Form::Fraction, scale: 1.0 });
    }
    let whole: f64 = t.str(i).parse().ok()?;
    let next = t.skip_space(i + 1);
    if next >= limit {
        return None;
    }
    if let Some(part) = t.mark(next).and_then(vulgar_fraction) {
        return Some(Numeral { end: next + 1, value: whole + part, form: Form::Fraction, scale: 1.0 });
    }
    if next > i + 1 && t.is_digits(next) {
        let (part, end) = slash(t, next, limit)?;
        if part < 1.0 && t.char_before(t.start(next)).is_some() {
            return Some(Numeral { end, value: whole + part, form: Form::Fraction, scale: 1.0 });
        }
    }
    None
}

/// "a/b" with `a` at token `i`: not inside a date or a chain of numbers ("5/17/2018",
/// "2222-2222/2222"), and never over zero.
fn slash(t: &Toks, i: usize, limit: usize) -> Option<(f64, usize)> {
    if i + 2 >= limit || !t.is_mark(i + 1, '/') || !t.is_digits(i + 2) {
        return None;
    }
    let start = t.start(i);
    match t.char_before(start) {
        Some('/') => return None,
        Some('-') if start >= 2 && t.char_before(start - 1).is_some_and(|c| c.is_ascii_digit()) => return None,
        _ => {}
    }
    let after = i + 3;
    if t.is_mark(after, '/') || (matches!(t.mark(after), Some('.' | ',')) && t.is_digits(after + 1)) {
        return None;
    }
    let numerator: f64 = t.str(i).parse().ok()?;
    let denominator: f64 = t.str(i + 2).parse().ok()?;
    if denominator == 0.0 {
        return None;
    }
    Some((numerator / denominator, after))
}
