//! The English words of numbers and what each means to the grammar.

/// What one word means to the number grammar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum WordClass {
    /// zero (nought, naught) to nine.
    Unit(u8),
    /// ten to nineteen.
    Teen(u8),
    /// twenty, thirty, … ninety.
    Tens(u8),
    /// A multiplier: hundred, thousand, million, billion, trillion, lakh, crore, dozen.
    /// `plural` for "hundreds", "dozens", …, which end a number ("3 dozens").
    Scale {
        value: f64,
        plural: bool,
    },
    /// "a", "an": one, before a scale word or a fraction ("a hundred", "a third").
    Article,
    And,
    /// "point", the spoken decimal separator.
    Point,
    Of,
    /// "half" (`plural`: "halves").
    Half {
        plural: bool,
    },
    /// "quarter" (`plural`: "quarters").
    Quarter {
        plural: bool,
    },
    /// An ordinal, the denominator of a spoken fraction: "third", "fifths", "hundredth".
    /// `round` for hundredth, thousandth, …, which never end a compound ordinal.
    Ordinal {
        value: f64,
        plural: bool,
        round: bool,
    },
    /// "minus", "negative".
    Sign,
    /// Every other word.
    Other,
}

const UNITS: &[(&str, u8)] = &[
    ("zero", 0),
    ("nought", 0),
    ("naught", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
];

const TEENS: &[(&str, u8)] = &[
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: &[(&str, u8)] =
    &[("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90)];

/// Scale words with their plurals. "lakh" (10^5) and "crore" (10^7) are the Indian
/// scale words used in Indian English news; "dz"/"doz" abbreviate "dozen".
const SCALES: &[(&str, &str, f64)] = &[
    ("hundred", "hundreds", 1e2),
    ("thousand", "thousands", 1e3),
    ("million", "millions", 1e6),
    ("billion", "billions", 1e9),
    ("trillion", "trillions", 1e12),
    ("lakh", "lakhs", 1e5),
    ("lac", "lacs", 1e5),
    ("crore", "crores", 1e7),
    ("dozen", "dozens", 12.0),
    ("dz", "dzs", 12.0),
    ("doz", "dozs", 12.0),
];

/// Ordinals that can be the denominator of a fraction, singular and plural.
const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
];

const ROUND_ORDINALS: &[(&str, f64)] =
    &[("hundredth", 1e2), ("thousandth", 1e3), ("millionth", 1e6), ("billionth", 1e9), ("trillionth", 1e12)];

/// Classifies one word (letters only), in any case.
pub(crate) fn classify_word(word: &str) -> WordClass {
    // No number word is longer than "seventeenths"; longer words need no lower-casing.
    if word.len() > 14 || !word.is_ascii() {
        return WordClass::Other;
    }
    let lower = word.to_ascii_lowercase();
    let lower = lower.as_str();
    if let Some(&(_, n)) = UNITS.iter().find(|(w, _)| *w == lower) {
        return WordClass::Unit(n);
    }
    if let Some(&(_, n)) = TEENS.iter().find(|(w, _)| *w == lower) {
        return WordClass::Teen(n);
    }
    if let Some(&(_, n)) = TENS.iter().find(|(w, _)| *w == lower) {
        return WordClass::Tens(n);
    }
    if let Some(&(_, _, value)) = SCALES.iter().find(|(w, _, _)| *w == lower) {
        return WordClass::Scale { value, plural: false };
    }
    if let Some(&(_, _, value)) = SCALES.iter().find(|(_, p, _)| *p == lower) {
        return WordClass::Scale { value, plural: true };
    }
    match lower {
        "a" | "an" => return WordClass::Article,
        "and" => return WordClass::And,
        "point" => return WordClass::Point,
        "of" => return WordClass::Of,
        "half" => return WordClass::Half { plural: false },
        "halves" => return WordClass::Half { plural: true },
        "quarter" => return WordClass::Quarter { plural: false },
        "quarters" => return WordClass::Quarter { plural: true },
        "minus" | "negative" => return WordClass::Sign,
        _ => {}
    }
    let (stem, plural) = match lower.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (lower, false),
    };
    if let Some(&(_, value)) = ORDINALS.iter().find(|(w, _)| *w == stem) {
        return WordClass::Ordinal { value, plural, round: false };
    }
    if let Some(&(_, value)) = ROUND_ORDINALS.iter().find(|(w, _)| *w == stem) {
        return WordClass::Ordinal { value, plural, round: true };
    }
    WordClass::Other
}

/// The multiplier of a suffix written right after digits ("10k", "2.33 k", "10M", "1.2b",
/// "10G", "1MM", "2mil", "10 bln", "10 tln"). Lower-case "m", "g" and "t" alone are
/// metres, grams and tonnes, and "mm" millimetres, so those letters count only in
/// capitals.
pub(super) fn suffix_multiplier(word: &str) -> Option<f64> {
    match word {
        "k" | "K" => return Some(1e3),
        "M" | "MM" => return Some(1e6),
        "G" | "b" | "B" => return Some(1e9),
        "T" => return Some(1e12),
        _ => {}
    }
    if word.len() < 2 || word.len() > 4 {
        return None;
    }
    match word.to_ascii_lowercase().as_str() {
        "mn" | "mln" | "mil" | "mio" => Some(1e6),
        "bn" | "bln" | "bil" => Some(1e9),
        "tn" | "tln" | "trn" => Some(1e12),
        _ => None,
    }
}

/// The value of a vulgar-fraction character ("½", "⅔").
pub(super) fn vulgar_fraction(c: char) -> Option<f64> {
    let (n, d) = match c {
        '½' => (1.0, 2.0),
        '⅓' => (1.0, 3.0),
        '⅔' => (2.0, 3.0),
        '¼' => (1.0, 4.0),
        '¾' => (3.0, 4.0),
        '⅕' => (1.0, 5.0),
        '⅖' => (2.0, 5.0),
        '⅗' => (3.0, 5.0),
        '⅘' => (4.0, 5.0),
        '⅙' => (1.0, 6.0),
        '⅚' => (5.0, 6.0),
        '⅐' => (1.0, 7.0),
        '⅛' => (1.0, 8.0),
        '⅜' => (3.0, 8.0),
        '⅝' => (5.0, 8.0),
        '⅞' => (7.0, 8.0),
        '⅑' => (1.0, 9.0),
        '⅒' => (1.0, 10.0),
        '↉' => (0.0, 3.0),
        _ => return None,
    };
    Some(n / d)
}

/// Currency signs: a number right after one is an amount, never a ratio's numerator
/// ("$2000 over 3 years").
pub(super) fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽' | '₸' | '₩' | '₺' | '₪' | '₦' | '¢')
}

/// Words after which "one" is a pronoun, not a number ("the one you mentioned", "which
/// one", "no one").
pub(super) const ONE_PRONOUN_AFTER: &[&str] =
    &["the", "this", "that", "which", "each", "every", "any", "another", "other", "no", "what", "whichever", "whatever"];

/// Nouns of time: "over two years" and "in 3 years" say when, not what fraction.
pub(super) const DURATION_NOUNS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "season",
    "seasons",
    "term",
    "terms",
    "period",
    "periods",
    "night",
    "nights",
    "generation",
    "generations",
];
