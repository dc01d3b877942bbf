//! Numeric intervals for counts and other quantities.
//!
//! "more than 18" is `(18, ∞)`, "18" is `[18, 18]`, "dozens" is a documented range. Two
//! reports of the same fact are compared through these intervals: equal intervals agree,
//! overlapping ones are compatible, disjoint ones dispute each other.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A closed, open or half-open interval of reals; `high = None` is unbounded above.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: f64,
    /// `None` when the interval is open above ("more than 18").
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

impl Interval {
    /// The single value `[value, value]`.
    pub fn exact(value: f64) -> Interval {
        Interval { low: value, high: Some(value), low_inclusive: true, high_inclusive: true }
    }

    /// `[low, high]`.
    pub fn closed(low: f64, high: f64) -> Interval {
        Interval { low: low.min(high), high: Some(low.max(high)), low_inclusive: true, high_inclusive: true }
    }

    /// `(low, ∞)` when `inclusive` is false, `[low, ∞)` otherwise.
    pub fn above(low: f64, inclusive: bool) -> Interval {
        Interval { low, high: None, low_inclusive: inclusive, high_inclusive: false }
    }

    /// `[0, high)` when `inclusive` is false, `[0, high]` otherwise.
    pub fn below(high: f64, inclusive: bool) -> Interval {
        Interval { low: 0.0, high: Some(high), low_inclusive: true, high_inclusive: inclusive }
    }

    /// True when the interval holds exactly one value.
    pub fn is_exact(&self) -> bool {
        self.high == Some(self.low) && self.low_inclusive && self.high_inclusive
    }

    /// True when some number lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        lower_below_upper(self, other) && lower_below_upper(other, self)
    }

    /// True when every number of `other` lies in `self`.
    pub fn contains(&self, other: &Interval) -> bool {
        let low_ok = self.low < other.low || (self.low == other.low && (self.low_inclusive || !other.low_inclusive));
        let high_ok = match (self.high, other.high) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => b < a || (a == b && (self.high_inclusive || !other.high_inclusive)),
        };
        low_ok && high_ok
    }
}

/// True when `a`'s lower end lies below `b`'s upper end, so that the two can meet.
fn lower_below_upper(a: &Interval, b: &Interval) -> bool {
    match b.high {
        None => true,
        Some(high) => a.low < high || (a.low == high && a.low_inclusive && b.high_inclusive),
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_exact() {
            return write!(f, "{}", format_number(self.low));
        }
        let open = if self.low_inclusive { '[' } else { '(' };
        match self.high {
            None => write!(f, "{open}{}, ∞)", format_number(self.low)),
            Some(high) => {
                let close = if self.high_inclusive { ']' } else { ')' };
                write!(f, "{open}{}, {}{close}", format_number(self.low), format_number(high))
            }
        }
    }
}

/// Formats a count without a trailing ".0" and with thousands separators.
pub fn format_number(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        return format!("{value}");
    }
    let digits = format!("{}", value.abs() as u64);
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if value < 0.0 {
        grouped.insert(0, '-');
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_eighteen_does_not_meet_eighteen() {
        let more_than = Interval::above(18.0, false);
        assert!(!more_than.overlaps(&Interval::exact(18.0)));
        assert!(more_than.overlaps(&Interval::exact(19.0)));
        assert!(Interval::above(18.0, true).overlaps(&Interval::exact(18.0)));
    }

    #[test]
    fn containment_respects_open_ends() {
        let dozens = Interval::closed(24.0, 99.0);
        assert!(dozens.contains(&Interval::exact(26.0)));
        assert!(!dozens.contains(&Interval::above(30.0, false)));
        assert!(Interval::above(0.0, true).contains(&Interval::above(30.0, false)));
    }

    #[test]
    fn displays_counts_plainly() {
        assert_eq!(Interval::exact(2500.0).to_string(), "2,500");
        assert_eq!(Interval::above(18.0, false).to_string(), "(18, ∞)");
        assert_eq!(format_number(1234567.0), "1,234,567");
    }
}
