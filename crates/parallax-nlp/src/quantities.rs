//! Quantity recognition: the number phrases of a sentence as intervals.
//!
//! Reports of the same event are compared through what they count, so a number phrase is
//! read as an [`Interval`] together with its qualifier, its kind and the noun it counts:
//! "more than 18 police officers" is `(18, ∞)`, qualifier "more than", counted "police
//! officers", head "officers".
//!
//! The recogniser is a hand-written scanner over a small tokenisation of one sentence
//! (words, digit runs and single marks, each knowing whether whitespace precedes it). It
//! never panics on any input and every span it returns lies inside the sentence on
//! character boundaries.
//!
//! # Numbers
//!
//! Digits ("18", "2,500", "1.2"), digits with scale words or suffixes ("1.2 million",
//! "€3bn", "5m", "1.5 lakh", "500 crore") and number words ("twenty-six", "one hundred
//! and five", "a dozen", "two dozen", "half a million", "a quarter of a million", "six-million"), which the general
//! recogniser [`crate::numbers`] reads. Not read as quantities: ordinals ("first",
//! "18th"), a four-digit year 1900–2100 standing alone ("in 2022"; "2,022" or "2000
//! people" are counts), clock times ("10:30", "10.30 am", "0400", "1600 hours"; but "48
//! hours" counts), dates ("6 January"), numbers inside tokens ("F-16", "COVID-19", "G7"),
//! compound adjectives ("22-year-old"), numbers that name things ("Boeing 737", "Ground
//! Zero", "Formula One"), and "one" used as a pronoun or in idioms ("one of them", "no
//! one", "one day", "the one who").
//!
//! # Qualifiers
//!
//! | phrase | interval | approx |
//! |---|---|---|
//! | more than, over, above, in excess of, upwards of, well over, just over | `(N, ∞)` | no |
//! | at least, no fewer than, no less than, not less than, N or more, N-plus, N+ | `[N, ∞)` | no |
//! | fewer than, less than, under | `[0, N)` | no |
//! | up to, at most, no more than, not more than, as many as, as much as | `[0, N]` | no |
//! | about, around, approximately, roughly, some, an estimated, estimated, N or so, N-odd | `[N, N]` | yes |
//! | nearly, almost, close to, just under, just shy of | `[0.9 N, N)` | yes |
//!
//! "Nearly N" is taken to mean within ten per cent below N: it rules out N itself, and a
//! writer who meant half of N would not have said "nearly". The qualifier is stored as
//! written, lower-cased with single spaces ("over" stays "over", so that a reader can see
//! the wording; the interval carries the meaning).
//!
//! # Ranges
//!
//! "between 20 and 30", "from 20 to 30", "20 to 30" and "20-30" are `[20, 30]`, with
//! qualifier "between" or "from" where written; "about 20 to 30" is the same range, approx. A scale word on the upper end carries over
//! to the lower one: "2 to 3 million" is `[2e6, 3e6]`. A "range" whose ends are both years
//! or whose upper end is not above its lower end (a score "3-1") is not a quantity.
//!
//! # Vague quantifiers
//!
//! All are `approx`, with the quantifier (as in [`VAGUE_QUANTIFIERS`]) as qualifier. Upper
//! ends are inclusive except for "millions", whose upper end is a round bound.
//!
//! | quantifier | interval |
//! |---|---|
//! | a couple (of) | `[2, 3]` |
//! | a few | `[2, 9]` |
//! | a handful (of) | `[2, 9]` |
//! | several | `[3, 30]` (deliberately wide: news uses "several" for counts up to a few dozen) |
//! | a number of | `[2, ∞)` |
//! | dozens (of) | `[20, 199]` |
//! | tens of | `[20, 99]` |
//! | scores of | `[40, 199]` |
//! | hundreds (of) | `[200, 1999]` |
//! | thousands (of) | `[2000, 19999]` |
//! | tens of thousands | `[20000, 99999]` |
//! | hundreds of thousands | `[200000, 999999]` |
//! | millions (of) | `[2e6, 2e7)` |
//!
//! "a couple" and "a handful" count only when followed by "of" or a scale word ("a couple
//! hundred"); otherwise they are the nouns ("a couple who married"). A scale word
//! multiplies a quantifier ("several thousand" is `[3000, 30000]`, "a couple of hundred"
//! `[200, 300]`, "hundreds of millions" `[2e8, 1.999e9]`); the qualifier then names both
//! ("several thousand"). A plural quantifier after a
//! determiner ("by the dozens", "in their thousands") is not a count.
//!
//! # Kinds
//!
//! Money: a currency sign or code before the number ("$5 million", "€3bn", "£20", "US$4",
//! "USD 200", "Rs 500 crore") or a currency word after it ("500 euros", "5 million
//! dollars"). Percentage: "30%", "30 per cent", "30 percent", "30pc", "percentage points".
//! Measure: units such as km, kilometres, miles, kg, tonnes, metres, hectares, litres,
//! degrees, mph and km/h. Everything else is a count.
//! The unit is part of the quantity's span; only counts get a counted noun.
//!
//! # Counted noun
//!
//! The noun phrase right after the number: at most four words, skipping "of" after a vague
//! quantifier and an opening quotation mark (the counted span then lies inside the marks),
//! stopping at verbs, prepositions, determiners, adverbs, numbers and punctuation. Trailing
//! participles are dropped ("2,000 detained" counts nothing). Two plural nouns joined by
//! "and" are kept together ("police officers and authorities"); the head is the last word
//! of the first conjunct, lower-cased ("officers"). What follows a plural head is usually a
//! verb ("troops arrive"), so the phrase of a count other than one ends at its last
//! plural-looking word, and there is none without one ("a 6.4 earthquake struck"); after
//! "one", trailing "-s" words are verbs ("one soldier dies"). A longer run of words keeps
//! the four nearest the head.
//!
//! # Not handled
//!
//! Fractions ("two-thirds", "a third of"), negative numbers ("-30 degrees"), digits other
//! than ASCII, ratios ("1 in 5" gives two counts), partitives ("two of the soldiers" has no
//! counted noun), names after a determiner ("the 737 Max"), and durations, which are counts
//! of "years" or "days" like any other.

use crate::numbers::SpokenIntegers;
use crate::units;
use parallax_core::layer::{Quantities, Sentences};
use parallax_core::{Document, Interval, LayerKind, Quantity, QuantityKind, Span, Stage, StageError};

/// Vague quantifiers and their intervals `(phrase, low, high)`; `high = None` is unbounded.
/// Upper ends are inclusive except for the phrases in [`VAGUE_HIGH_EXCLUSIVE`].
pub const VAGUE_QUANTIFIERS: &[(&str, f64, Option<f64>)] = &[
    ("a couple", 2.0, Some(3.0)),
    ("a few", 2.0, Some(9.0)),
    ("a handful", 2.0, Some(9.0)),
    ("several", 3.0, Some(30.0)),
    ("a number of", 2.0, None),
    ("dozens", 20.0, Some(199.0)),
    ("tens of", 20.0, Some(99.0)),
    ("scores of", 40.0, Some(199.0)),
    ("hundreds", 200.0, Some(1999.0)),
    ("thousands", 2000.0, Some(19999.0)),
    ("tens of thousands", 20000.0, Some(99999.0)),
    ("hundreds of thousands", 200000.0, Some(999999.0)),
    ("millions", 2e6, Some(2e7)),
];

/// Vague quantifiers whose upper end is exclusive.
pub const VAGUE_HIGH_EXCLUSIVE: &[&str] = &["millions"];

/// Vague quantifiers that are nouns unless followed by "of" or a scale word.
const VAGUE_NEEDING_OF: &[&str] = &["a couple", "a handful"];

/// The longest counted noun phrase, in words ("and" included).
const MAX_COUNTED_WORDS: usize = 4;

/// Adds the quantities layer, read sentence by sentence.
pub struct QuantityStage;

impl Stage for QuantityStage {
    fn name(&self) -> &'static str {
        "quantities"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Sentences]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Quantities]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text().as_str();
        let mut quantities: Vec<Quantity> =
            doc.layer::<Sentences>()?.iter().flat_map(|sentence| find_quantities(text, sentence.span)).collect();
        counts_in_converted_currencies(text, &mut quantities);
        doc.set_layer::<Quantities>(quantities)?;
        Ok(())
    }
}

/// The quantities inside `text[sentence]`, in order and without overlap. Spans are absolute
/// byte offsets into `text`. A sentence span that does not fit `text` yields nothing.
pub fn find_quantities(text: &str, sentence: Span) -> Vec<Quantity> {
    let Some(slice) = text.get(sentence.range()) else { return Vec::new() };
    let scanner = Scanner { text, tokens: tokenize(slice, sentence.start()), spoken: SpokenIntegers::new(slice, sentence.start()) };
    let mut found = Vec::new();
    let mut i = 0;
    while i < scanner.tokens.len() {
        match scanner.quantity_at(i) {
            Some(Step::Found(quantity, next)) => {
                found.push(quantity);
                i = next.max(i + 1);
            }
            Some(Step::Skip(next)) => i = next.max(i + 1),
            None => i += 1,
        }
    }
    sums_in_local_currency(text, &mut found);
    // No number inside a web or e-mail address is a quantity ("…?q=30%25").
    let may_hold_link =
        || slice.contains("://") || slice.contains('@') || slice.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"www."));
    if !found.is_empty() && may_hold_link() {
        let links = crate::numbers::link_spans(slice);
        found.retain(|q| !links.iter().any(|&(from, to)| q.span.start() < sentence.start() + to && sentence.start() + from < q.span.end()));
    }
    found
}

/// "fined up to 2,000 lestars ($110) each", "450 million marek ($10.7 million)", "60 million
/// marek, about $1.4 million": a count of a noun that a sum in parentheses, or an approximate
/// sum after a comma, converts is a sum in that currency, whatever its name. After a comma the
/// noun must be no common English word ("fined 10 people, about $110 each" stays a count).
fn sums_in_local_currency(text: &str, found: &mut [Quantity]) {
    for i in 1..found.len() {
        let (before, after) = found.split_at_mut(i);
        let (count, sum) = (&mut before[i - 1], &after[0]);
        if count.kind != QuantityKind::Count || sum.kind != QuantityKind::Money {
            continue;
        }
        // The noun counted, or the one word right after the number ("450 million marek").
        let counted = count.counted.or_else(|| word_after(text, count.span.end()).filter(|w| w.end() <= sum.span.start()));
        let Some(counted) = counted else { continue };
        let gap = text.get(counted.end()..sum.span.start()).map(str::trim);
        let closed = text.get(sum.span.end()..).is_some_and(|rest| rest.trim_start().starts_with(')'));
        let noun = &text[counted.range()];
        let uncommon = parallax_ner::word_classes::word_class(&noun.to_lowercase()).is_none();
        let approximate = sum.approx || sum.qualifier.is_some();
        let converted = gap == Some("(") && closed || gap == Some(",") && approximate && uncommon;
        if converted && !noun.contains(' ') {
            make_sum(text, count, counted);
        }
    }
    // "would pay 2.5 million kelars", "fined AeroTarva 40 million kelars", "a payment of 1.3
    // million kelars": what is paid is money, and an uncommon noun counted there a currency
    // ("pay 2,000 workers" stays a count).
    // Sums in an unknown currency run to thousands.
    for count in found.iter_mut().filter(|q| q.kind == QuantityKind::Count && q.value.low >= 1000.0) {
        let counted = count.counted.or_else(|| word_after(text, count.span.end()));
        let Some(counted) = counted.filter(|c| !text[c.range()].contains(' ')) else { continue };
        let noun = &text[counted.range()];
        let lower = noun.to_lowercase();
        let uncommon = parallax_ner::word_classes::word_class(&lower).is_none();
        // "fined 23 motorists", "pay 40,000 pensioners", "cost 3 peacekeepers their lives":
        // people, not a currency.
        let people = crate::lexicon::demonym_place(noun).is_some()
            || ["ers", "ors", "ists", "ians", "ees", "ents", "men"].iter().any(|ending| lower.ends_with(ending));
        if uncommon && !people && paid_before(&text[..count.span.start()]) {
            make_sum(text, count, counted);
        }
    }
}

/// Verbs whose object is a sum paid, and nouns of payments before "of".
const PAY_VERBS: &[&str] = &["pay", "pays", "paid", "paying", "fined", "fine", "owes", "owed", "cost", "costs", "costing", "worth"];
const PAY_NOUNS: &[&str] =
    &["payment", "payments", "fine", "compensation", "advance", "bail", "ransom", "salary", "bonus", "award", "grant"];

/// Whether the text before a number ends in a verb of paying, such a verb and its object's
/// one name ("fined AeroTarva"), or a noun of payment and "of".
fn paid_before(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    let (Some(last), second) = (words.next(), words.next()) else { return false };
    let second = second.unwrap_or_default();
    PAY_VERBS.contains(&last.as_str())
        || last == "of" && PAY_NOUNS.contains(&second.as_str())
        || matches!(second.as_str(), "fined" | "paid" | "pay" | "owes" | "owed")
            && before.trim_end().rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_uppercase))
        // "damage is estimated at more than 2 billion sorins": what damage is put at is money.
        || last == "at" && (crate::claims::DAMAGE_NOUNS.contains(&second.as_str()) || words.take(6).any(|w| crate::claims::DAMAGE_NOUNS.contains(&w.as_str())))
}

/// The alphabetic word after `at`, past white space ("marek" in "450 million marek (…)").
fn word_after(text: &str, at: usize) -> Option<Span> {
    let rest = text.get(at..)?;
    let trimmed = rest.trim_start();
    let word = trimmed.split(|c: char| !c.is_alphabetic()).next().filter(|w| !w.is_empty())?;
    let start = at + (rest.len() - trimmed.len());
    Span::new(start, start + word.len()).ok()
}

/// Makes the count a sum in the currency its noun `currency` names, the noun in its span.
fn make_sum(text: &str, count: &mut Quantity, currency: Span) {
    count.kind = QuantityKind::Money;
    count.span = count.span.cover(currency);
    count.unit = Some(currency_singular(&text[currency.range()]));
    count.counted = None;
    count.counted_head = None;
}

/// The singular of a currency no list knows, in lower case: "mareks" → "marek".
fn currency_singular(word: &str) -> String {
    let lower = word.to_lowercase();
    lower.strip_suffix('s').filter(|stem| stem.len() >= 3).unwrap_or(&lower).to_owned()
}

/// "3 million mareks" in an article that converts the marek elsewhere ("450 million marek
/// ($10.7 million)"): a count of a currency the article has shown to be one is a sum in it.
fn counts_in_converted_currencies(text: &str, quantities: &mut [Quantity]) {
    let local: Vec<String> = quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Money)
        .filter_map(|q| q.unit.as_deref())
        // A name only a conversion made a currency ("marek"), not a code or a known one.
        .filter(|unit| unit.len() >= 3 && unit.chars().all(char::is_alphabetic) && !units::is_currency_word(unit))
        .map(currency_singular)
        .collect();
    if local.is_empty() {
        return;
    }
    for q in quantities.iter_mut().filter(|q| q.kind == QuantityKind::Count) {
        // The noun counted, or the one word right after the number and one space ("60
        // million marek").
        let next_word =
            || word_after(text, q.span.end()).filter(|w| w.start() == q.span.end() + 1 && text[q.span.end()..].starts_with(' '));
        let Some(counted) = q.counted.filter(|c| !text[c.range()].contains(' ')).or_else(next_word) else { continue };
        if local.contains(&currency_singular(&text[counted.range()])) {
            make_sum(text, q, counted);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Tokens

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    /// Letters, with inner apostrophes ("Kazakhstan's").
    Word,
    /// ASCII digits with thousands groups and one decimal point ("2,500", "1.2").
    Digits,
    /// Any other single character.
    Mark,
}

/// A token as an absolute byte range. `joined` is true when no whitespace separates it from
/// the token before, which is what tells "F-16" from "F - 16" and "18th" from "18 th".
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    piece: Piece,
    joined: bool,
}

/// Splits `slice` (which starts at byte `offset` of the text) into tokens.
fn tokenize(slice: &str, offset: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    let mut joined = false;
    while let Some(ch) = char_at(slice, pos) {
        if is_line_break(ch) {
            // A line break ends any phrase: it becomes a mark, so no pattern reads across it.
            tokens.push(Token { start: offset + pos, end: offset + pos + ch.len_utf8(), piece: Piece::Mark, joined });
            joined = false;
            pos += ch.len_utf8();
            continue;
        }
        if ch.is_whitespace() {
            joined = false;
            pos += ch.len_utf8();
            continue;
        }
        let (end, piece) = if ch.is_alphabetic() {
            (word_end(slice, pos), Piece::Word)
        } else if ch.is_ascii_digit() {
            (digits_end(slice, pos), Piece::Digits)
        } else {
            (pos + ch.len_utf8(), Piece::Mark)
        };
        tokens.push(Token { start: offset + pos, end: offset + end, piece, joined });
        joined = true;
        pos = end;
    }
    tokens
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

fn is_line_break(ch: char) -> bool {
    matches!(ch, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_apostrophe(ch: char) -> bool {
    ch == '\'' || ch == '’'
}

/// The end of the word starting at `pos`: letters, and apostrophes between letters.
fn word_end(text: &str, pos: usize) -> usize {
    let mut end = pos;
    while let Some(ch) = char_at(text, end) {
        let inner_apostrophe = is_apostrophe(ch) && char_at(text, end + ch.len_utf8()).is_some_and(char::is_alphabetic);
        if !(ch.is_alphabetic() || inner_apostrophe) {
            break;
        }
        end += ch.len_utf8();
    }
    end
}

/// The end of the number starting at `pos`. A comma belongs to it only before exactly three
/// digits ("2,500" but not "18,19"), a point only before a digit.
fn digits_end(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let run = |from: usize| {
        let mut end = from;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        end
    };
    let mut end = run(pos);
    while bytes.get(end) == Some(&b',') && run(end + 1) == end + 4 {
        end += 4;
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = run(end + 1);
    }
    end
}

/// Words hyphened to a number that make it the size of what follows: "a 3,000-strong force",
/// "a 2,500-member contingent", "a 500-man unit".
fn is_strength_word(word: &str) -> bool {
    ["strong", "member", "man", "person"].iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn is_hyphen(ch: char) -> bool {
    matches!(ch, '-' | '‐' | '‑' | '–' | '—')
}

fn is_opening_quote(ch: char) -> bool {
    matches!(ch, '"' | '“' | '‘' | '\'' | '«' | '„')
}

// ---------------------------------------------------------------------------------------
// Word lists

/// Prefix qualifiers and what they do to the number after them.
const PREFIX_QUALIFIERS: &[(&str, Bound)] = &[
    ("more than", Bound::Above),
    // Only after a verb of rising (see `qualified_at`): "the toll climbs past 240", not "the
    // past 24 hours".
    ("past", Bound::Above),
    ("over", Bound::Above),
    ("above", Bound::Above),
    ("in excess of", Bound::Above),
    ("upwards of", Bound::Above),
    ("well over", Bound::Above),
    ("just over", Bound::Above),
    ("at least", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("not less than", Bound::AtLeast),
    ("fewer than", Bound::Below),
    ("less than", Bound::Below),
    ("under", Bound::Below),
    ("up to", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("as much as", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("not more than", Bound::AtMost),
    ("about", Bound::About),
    ("around", Bound::About),
    ("approximately", Bound::About),
    ("roughly", Bound::About),
    ("some", Bound::About),
    ("an estimated", Bound::About),
    ("estimated", Bound::About),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("close to", Bound::Nearly),
    ("just under", Bound::Nearly),
    ("just shy of", Bound::Nearly),
];

const UNIT_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

const TENS_WORDS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Words that multiply the number before them.
const SCALE_WORDS: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
    ("mn", 1e6),
    ("bn", 1e9),
];

/// Plural scale words that multiply a vague quantifier through "of" ("hundreds of millions").
const PLURAL_SCALE_WORDS: &[(&str, f64)] = &[("thousands", 1e3), ("millions", 1e6), ("billions", 1e9)];

const MONTHS: &str = "January February March April May June July August September October November December Jan Feb Apr Jun Jul Aug \
     Sep Sept Oct Nov Dec";

/// Determiners after which a plural quantifier is a noun, not a count ("by the dozens").
const DETERMINERS: &str = "the their its his her our your my these those";

/// Words before "one" that make it a pronoun ("no one", "the one").
const ONE_PRONOUN_BEFORE: &str = "no the this that any every each which someone anyone";

/// Words after "one" that make it a pronoun or an idiom ("one of them", "one day").
const ONE_IDIOM_AFTER: &str = "of another day time way point side hand who that which by thing night morning evening afternoon another's \
     after";

/// Verbs after which a lone "one" still counts ("one was killed").
const ONE_COUNT_VERBS: &str = "was is has had died dies remains remained";

/// Words before "from" that make what follows an old value ("rose from 87 to 112").
const CHANGE_WORDS: &str = "rose risen rise rises climbed increased jumped grew grown soared surged fell fallen dropped declined \
     decreased slipped plunged went up down";

/// Whether `word` is a verb or adverb of change that can stand before "from" and an old
/// figure ("rose from 87", "up from 87"), ignoring case.
pub(crate) fn is_change_word(word: &str) -> bool {
    listed(CHANGE_WORDS, word)
}

/// Determiners after which a plain year names a year's events ("the 2019 floods").
const YEAR_DETERMINERS: &str = "the this that its his her their our";

/// Words after a number that make it a clock time.
const CLOCK_WORDS: &str = "am pm gmt utc o'clock o’clock";

/// Words after four digits that make them a military clock time ("1600 hours", "0400
/// local"); after other numbers they count ("48 hours").
const MILITARY_CLOCK_WORDS: &str = "hrs hours local zulu";

/// Words that end a counted noun phrase: verbs, prepositions, determiners, pronouns,
/// conjunctions and adverbs that can follow a number.
const STOP_WORDS: &str = "a an the this that these those their his her its our my your them they we he she it i you us who whom whose \
     which what there here each every all some any no none both either neither other others another such own more \
     most less fewer many much few of in on at by for from to with without into onto over under above below after \
     before during since until till near across against among amid amidst around about through throughout via per \
     than as like toward towards within upon beyond behind between outside inside off out up down despite including \
     following according versus vs ago later earlier and or but nor so yet while whereas although though because if \
     when where whether then is are was were be been being am have has had having do does did will would shall \
     should can could may might must said say says saying told tell died die dies dead missing remain remains \
     remained went came got get took take made make left fled fell held hold lost won met ran killed injured \
     wounded arrested detained reported gathered stood not also still just only even already now again too very \
     soon ever never well back away together alone apiece instead altogether overall total \
     dozens hundreds thousands millions billions several";

/// Nouns that are plural without an "s".
const IRREGULAR_PLURALS: &str =
    "people police men women children personnel staff cattle feet teeth mice geese media data militia youth clergy \
     crew folk sheep fish deer aircraft";

/// Plural nouns that modify a noun after them ("rights activists", "arms dealers",
/// "emergency services workers"). After any other plural noun a word ending in "-s" is its
/// verb ("2,750 former employees seeks damages").
const PLURAL_MODIFIERS: &str = "rights arms sales customs goods savings sports weapons explosives drugs narcotics services \
     operations affairs relations communications telecommunications systems parts forces works claims awards parks careers \
     olympics games arts";

/// Words ending in "s" that are not plural nouns.
const SINGULAR_S_WORDS: &str = "news series species bus gas this thus always perhaps";

/// Words ending in "ly" that are nouns or adjectives, not adverbs.
const LY_NON_ADVERBS: &str =
    "family ally rally assembly supply anomaly italy daily elderly belly bully lily jelly monopoly weekly monthly \
     yearly friendly deadly holy only july";

/// Nouns ending in "ing" that are not participles.
const ING_NOUNS: &str = "building buildings wedding meeting morning evening ceiling thing king spring string ring wing sibling \
     offspring darling uprising bombing shooting killing beating gathering briefing ruling hearing warning sitting \
     landing crossing opening being boeing";

fn lookup(list: &[(&str, f64)], word: &str) -> Option<f64> {
    list.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, value)| value)
}

/// True when `word` is one of the space-separated words of `list`, ignoring ASCII case.
/// Word lists are strings so that they stay compact and readable in the source.
fn listed(list: &str, word: &str) -> bool {
    list.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when `phrase` is in `list`, ignoring ASCII case.
fn is_in(list: &[&str], phrase: &str) -> bool {
    list.iter().any(|p| p.eq_ignore_ascii_case(phrase))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word that can be a plural noun: "soldiers", "people", but not "was" or "news".
pub(crate) fn looks_plural(word: &str) -> bool {
    let lower = word.to_lowercase();
    if listed(IRREGULAR_PLURALS, &lower) {
        return true;
    }
    // "servicemen", "gunmen", "fishermen", "policewomen": compounds of "men" and "women".
    if lower.len() > 4 && lower.ends_with("men") && !matches!(lower.as_str(), "specimen" | "abdomen" | "regimen" | "stamen" | "yemen") {
        return true;
    }
    lower.chars().count() >= 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("'s")
        && !lower.ends_with("’s")
        && !listed(STOP_WORDS, &lower)
        && !listed(SINGULAR_S_WORDS, &lower)
}

/// An adverb by form ("reportedly"); short adverbs ("also", "still") are stop words.
fn looks_adverb(lower: &str) -> bool {
    lower.chars().count() > 4 && lower.ends_with("ly") && !listed(LY_NON_ADVERBS, lower)
}

/// A past participle by form ("killed", "armed"); at the end of a phrase after a number it
/// is usually the verb ("2,000 detained").
fn looks_participle(lower: &str) -> bool {
    lower.chars().count() > 4 && lower.ends_with("ed") && !lower.ends_with("eed")
}

/// A present participle by form ("fleeing"), unless it is a common "-ing" noun ("building").
fn looks_present_participle(lower: &str) -> bool {
    lower.chars().count() > 4 && lower.ends_with("ing") && !listed(ING_NOUNS, lower)
}

// ---------------------------------------------------------------------------------------
// Intervals

/// What a qualifier does to the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bound {
    Above,
    AtLeast,
    Below,
    AtMost,
    About,
    Nearly,
}

impl Bound {
    /// The interval for `value` under this qualifier, and whether it is approximate.
    fn interval(self, value: f64) -> (Interval, bool) {
        match self {
            Bound::Above => (Interval::above(value, false), false),
            Bound::AtLeast => (Interval::above(value, true), false),
            Bound::Below => (Interval::below(value, false), false),
            Bound::AtMost => (Interval::below(value, true), false),
            Bound::About => (Interval::exact(value), true),
            // "nearly minus 10 degrees": short of minus 10, on the warm side.
            Bound::Nearly if value < 0.0 => {
                (Interval { low: value, high: Some(0.9 * value), low_inclusive: false, high_inclusive: true }, true)
            }
            Bound::Nearly => (Interval { low: 0.9 * value, high: Some(value), low_inclusive: true, high_inclusive: false }, true),
        }
    }
}

/// The interval of a vague quantifier from [`VAGUE_QUANTIFIERS`], multiplied by `scale`
/// ("several thousand").
fn vague_interval(phrase: &str, low: f64, high: Option<f64>, scale: f64) -> Interval {
    let high_inclusive = high.is_some() && !is_in(VAGUE_HIGH_EXCLUSIVE, phrase);
    Interval { low: low * scale, high: high.map(|h| h * scale), low_inclusive: true, high_inclusive }
}

// ---------------------------------------------------------------------------------------
// Scanner

/// A number as written, before any qualifier: "$5 million", "twenty-six", "30 per cent".
#[derive(Clone, Copy, Debug)]
struct Amount {
    value: f64,
    /// The factor a scale word or suffix applied (1 without one), for ranges like "2 to 3 million".
    scale: f64,
    /// Byte range, currency sign and unit included.
    start: usize,
    end: usize,
    /// The first token (the currency sign if any) and the token after the amount.
    first: usize,
    next: usize,
    kind: QuantityKind,
    /// Where the unit is written, as a byte range: the sign or code before the number
    /// ("US$"), or the words after it ("Australian dollars", "km/h", "per cent").
    unit: Option<(usize, usize)>,
    /// Four plain digits 1900–2100: perhaps a year.
    plain_year: bool,
    /// One or two plain digits 1–31: perhaps a day of the month.
    plain_day: bool,
    /// Written as the single word "one", which is often a pronoun.
    lone_one: bool,
    /// Written with "-plus" or "+" ("18-plus").
    plus: bool,
    /// Written with "-odd" ("20-odd").
    odd: bool,
}

/// What the scanner does at a token.
enum Step {
    /// A quantity, and the token after it.
    Found(Quantity, usize),
    /// Numbers that are no quantity, up to the token given.
    Skip(usize),
}

/// The counted noun phrase of a quantity.
struct Counted {
    span: Span,
    head: String,
}

/// A word with its hyphenated continuations ("anti-government"), as one unit.
#[derive(Clone, Copy, Debug)]
struct WordUnit {
    start: usize,
    end: usize,
    next: usize,
}

struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Numbers written in words, read by the general recogniser.
    spoken: SpokenIntegers<'a>,
}

impl<'a> Scanner<'a> {
    fn token(&self, i: usize) -> Option<Token> {
        self.tokens.get(i).copied()
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let token = self.token(i)?;
        (token.piece == Piece::Word).then(|| self.slice(token.start, token.end))
    }

    /// The word at `i` when whitespace precedes it (or it starts the sentence).
    fn spaced_word(&self, i: usize) -> Option<&'a str> {
        self.token(i).filter(|t| !t.joined).and_then(|_| self.word(i))
    }

    fn word_is(&self, i: usize, word: &str) -> bool {
        self.word(i).is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    fn mark(&self, i: usize) -> Option<char> {
        let token = self.token(i)?;
        if token.piece != Piece::Mark {
            return None;
        }
        self.slice(token.start, token.end).chars().next()
    }

    fn is_joined(&self, i: usize) -> bool {
        self.token(i).is_some_and(|t| t.joined)
    }

    fn is_digits(&self, i: usize) -> bool {
        self.token(i).is_some_and(|t| t.piece == Piece::Digits)
    }

    /// Matches the space-separated words of `phrase` at `i`; the index after them.
    fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        // The first word decides most calls, without splitting the phrase.
        let first = self.word(i)?.as_bytes();
        let head = phrase.as_bytes().get(..first.len())?;
        if !head.eq_ignore_ascii_case(first) || phrase.as_bytes().get(first.len()).is_some_and(|&b| b != b' ') {
            return None;
        }
        let mut at = i;
        for word in phrase.split(' ') {
            let found = if at == i { self.word(at) } else { self.spaced_word(at) };
            if !found.is_some_and(|w| w.eq_ignore_ascii_case(word)) {
                return None;
            }
            at += 1;
        }
        Some(at)
    }

    /// The quantity starting at token `i`, or what to skip.
    fn quantity_at(&self, i: usize) -> Option<Step> {
        let found = self.explicit_range_at(i).or_else(|| self.qualified_at(i)).or_else(|| self.vague_at(i));
        match found {
            Some((quantity, next)) => Some(Step::Found(quantity, next)),
            None => self.bare_at(i),
        }
    }

    /// "between 20 and 30", "from 20 to 30".
    fn explicit_range_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let (opener, joiner) = if self.word_is(i, "between") {
            ("between", "and")
        } else if self.word_is(i, "from") && !self.change_from(i) {
            ("from", "to")
        } else {
            return None;
        };
        let low = self.amount_at(i + 1, true)?;
        if !self.spaced_word(low.next).is_some_and(|w| w.eq_ignore_ascii_case(joiner)) {
            return None;
        }
        let high = self.amount_at(low.next + 1, true)?;
        let (value, measured) = range_of(&low, &high)?;
        let start = self.token(i)?.start;
        let counted = self.counted_for(measured.kind, &value, high.next);
        let quantity = build(start, high.end, value, false, Some(opener.to_string()), self.measured(measured), counted)?;
        Some((quantity, high.next))
    }

    /// The upper end written after `low`, whose phrase starts at token `i`, when the two can
    /// be one range: not after a verb of change ("rose from 87 to 112"), not of clashing
    /// kinds, and not with differing units of one kind ("0.5 percentage points to 3.1 per
    /// cent").
    fn range_end(&self, i: usize, low: &Amount) -> Option<Amount> {
        if i > 0 && self.change_from(i - 1) {
            return None;
        }
        let high = self.range_tail(low)?;
        let (low_unit, high_unit) = (self.measured(low).1, self.measured(&high).1);
        let units_differ = low.kind == high.kind && low_unit.is_some() && high_unit.is_some() && low_unit != high_unit;
        (!kinds_clash(low, &high) && !units_differ).then_some(high)
    }

    /// Whether the "from" at `i` follows a verb of change ("rose from 87 to 112", "up from
    /// 87"): the numbers after it are an old value and a new one, not a range.
    fn change_from(&self, i: usize) -> bool {
        self.word_is(i, "from") && i > 0 && self.word(i - 1).is_some_and(is_change_word)
    }

    /// "more than 18", "about 2,500", "nearly 500".
    fn qualified_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let (phrase, bound, after) = PREFIX_QUALIFIERS
            .iter()
            .filter_map(|&(phrase, bound)| Some((phrase, bound, self.phrase_at(i, phrase)?)))
            .max_by_key(|&(_, _, after)| after)?;
        if self.is_joined(after) {
            return None;
        }
        let rising = |w: &str| {
            ["climbs", "climbed", "rises", "rose", "risen", "soars", "soared", "jumps", "jumped", "pushes", "pushed", "goes", "went"]
                .iter()
                .any(|v| v.eq_ignore_ascii_case(w))
        };
        if phrase == "past" && !(i > 0 && self.word(i - 1).is_some_and(rising)) {
            return None;
        }
        // "handed over 90 prisoners": the particle of a verb, not a bound.
        const TAKE_OVER: &[&str] = &[
            "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes", "took", "taken", "taking", "sign",
            "signed",
        ];
        let takes_over = |w: &str| crate::lexicon::contains_ci(TAKE_OVER, w);
        if phrase == "over" && i > 0 && self.word(i - 1).is_some_and(takes_over) {
            return None;
        }
        // "about minus 4 degrees Celsius": the qualifier before the sign.
        let below_zero = || self.amount_at(after + 1, true).filter(|amount| self.word_is(after, "minus") && amount.value < 0.0);
        let amount = self.amount_at(after, true).or_else(below_zero)?;
        // "at around 4 a.m." is a clock time.
        if self.looks_like_date_or_time(&amount) {
            return None;
        }
        let start = self.token(i)?.start;
        let qualifier = Some(phrase.to_string());
        if bound == Bound::About {
            if let Some(high) = self.range_end(i, &amount) {
                let (value, measured) = range_of(&amount, &high)?;
                let counted = self.counted_for(measured.kind, &value, high.next);
                return Some((build(start, high.end, value, true, qualifier, self.measured(measured), counted)?, high.next));
            }
        }
        let (value, approx) = bound.interval(amount.value);
        let counted = self.counted_for(amount.kind, &value, amount.next);
        Some((build(start, amount.end, value, approx, qualifier, self.measured(&amount), counted)?, amount.next))
    }

    /// "dozens of protesters", "several police", "tens of thousands", "a few hundred".
    fn vague_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let (phrase, low, high, after) = VAGUE_QUANTIFIERS
            .iter()
            .filter_map(|&(phrase, low, high)| Some((phrase, low, high, self.phrase_at(i, phrase)?)))
            .max_by_key(|&(_, _, _, after)| after)?;
        if i > 0 && self.word(i - 1).is_some_and(|w| listed(DETERMINERS, w)) {
            return None;
        }
        let start = self.token(i)?.start;
        let ends_with_of = phrase.ends_with(" of");
        let of_follows = |at: usize| self.spaced_word(at).is_some_and(|w| w.eq_ignore_ascii_case("of"));
        // The span ends at the last word that is not "of": "dozens" in "dozens of".
        let mut end = self.token(if ends_with_of { after - 2 } else { after - 1 })?.end;
        let of_at = if ends_with_of { Some(after - 1) } else { of_follows(after).then_some(after) };
        // A scale word multiplies: "several thousand", "a couple of hundred", "hundreds of millions".
        let scale_after_of = of_at.map(|of| of + 1).and_then(|at| Some((at, self.scale_word_at(at, true)?)));
        let scale_direct = (!ends_with_of).then_some(after).and_then(|at| Some((at, self.scale_word_at(at, false)?)));
        let mut qualifier = phrase.to_string();
        let mut scale = 1.0;
        let mut next = of_at.map_or(after, |of| of + 1);
        if let Some((at, factor)) = scale_after_of.or(scale_direct) {
            let scale_word = self.word(at)?.to_lowercase();
            qualifier = if Some(at) == of_at.map(|of| of + 1) {
                format!("{} of {scale_word}", phrase.trim_end_matches(" of"))
            } else {
                format!("{phrase} {scale_word}")
            };
            scale = factor;
            end = self.token(at)?.end;
            next = if of_follows(at + 1) { at + 2 } else { at + 1 };
        } else if is_in(VAGUE_NEEDING_OF, phrase) && of_at.is_none() {
            return None;
        }
        let value = vague_interval(phrase, low, high, scale);
        let mut measured = (QuantityKind::Count, None);
        let mut counted = self.counted_after(next, false);
        // "millions of dollars": money, in the currency counted.
        if let Some(currency) = counted.as_ref().and_then(|c| units::unit_name(QuantityKind::Money, &c.head)) {
            measured = (QuantityKind::Money, Some(currency));
            counted = None;
        }
        Some((build(start, end, value, true, Some(qualifier), measured, counted)?, next))
    }

    /// The kind of `amount` and the name of its unit ([`units::unit_name`]).
    fn measured(&self, amount: &Amount) -> (QuantityKind, Option<String>) {
        let unit = amount.unit.and_then(|(start, end)| units::unit_name(amount.kind, self.slice(start, end)));
        (amount.kind, unit)
    }

    /// The factor of a scale word at `at` ("hundred"; with `plural`, also "millions").
    fn scale_word_at(&self, at: usize, plural: bool) -> Option<f64> {
        let word = self.spaced_word(at)?;
        let singular = lookup(SCALE_WORDS, word).filter(|_| !word.eq_ignore_ascii_case("mn") && !word.eq_ignore_ascii_case("bn"));
        singular.or_else(|| lookup(PLURAL_SCALE_WORDS, word).filter(|_| plural))
    }

    /// A number with no prefix qualifier: "18 security officials", "20-30", "18 or more".
    fn bare_at(&self, i: usize) -> Option<Step> {
        let amount = self.amount_at(i, true)?;
        if let Some(high) = self.range_end(i, &amount) {
            // "on the night of 12 to 13 November": two days of a month, no count; "a Boeing
            // 737-800": a model.
            if amount.plain_day && high.plain_day && self.looks_like_date_or_time(&high) || self.looks_like_model(&amount, &high) {
                return Some(Step::Skip(high.next));
            }
            match range_of(&amount, &high) {
                Some((value, measured)) => {
                    let counted = self.counted_for(measured.kind, &value, high.next);
                    return Some(Step::Found(
                        build(amount.start, high.end, value, false, None, self.measured(measured), counted)?,
                        high.next,
                    ));
                }
                // "paid $450,000 to 18 families": "to" is a preposition, each number its own.
                None if self.to_between_quantities(&amount, &high) => {}
                // Two numbers that make no range ("3-1", "52 to 48", "2021-2022") are a
                // score, a tally or a span of years: neither is a quantity.
                None => return Some(Step::Skip(high.next)),
            }
        }
        if self.looks_like_date_or_time(&amount)
            || self.looks_like_name(&amount)
            || self.looks_like_age(&amount)
            || self.looks_like_code(&amount)
        {
            return None;
        }
        let (postfix, end, next) = self.postfix_qualifier(&amount);
        // "the 2019 floods": a year after a determiner names its events, even before a plural;
        // a round number stays a count ("its 2000 employees").
        let determiner_before = i > 0 && amount.value % 100.0 != 0.0 && self.word(i - 1).is_some_and(|w| listed(YEAR_DETERMINERS, w));
        if amount.plain_year && postfix.is_none() && (determiner_before || !self.word(next).is_some_and(looks_plural)) {
            return None;
        }
        let (value, approx, qualifier) = match postfix {
            Some((phrase, bound)) => {
                let (value, approx) = bound.interval(amount.value);
                (value, approx, Some(phrase.to_string()))
            }
            None => (Interval::exact(amount.value), false, None),
        };
        let counted = self.counted_for(amount.kind, &value, next);
        if amount.lone_one && !self.one_is_a_count(i, next, counted.is_some()) {
            return None;
        }
        Some(Step::Found(build(amount.start, end, value, approx, qualifier, self.measured(&amount), counted)?, next))
    }

    /// Whether "to" between two numbers that make no range is a preposition: after a sum,
    /// a percentage or a measure, or before a counted plural ("$450,000 to 18 families"),
    /// but not in a tally ("52 to 48").
    fn to_between_quantities(&self, low: &Amount, high: &Amount) -> bool {
        self.spaced_word(low.next).is_some_and(|w| w.eq_ignore_ascii_case("to"))
            && (low.kind != QuantityKind::Count || self.word(high.next).is_some_and(looks_plural))
    }

    /// "or more", "or so", "-plus", "-odd" after a number: the qualifier, the new end and the
    /// token after it.
    fn postfix_qualifier(&self, amount: &Amount) -> (Option<(&'static str, Bound)>, usize, usize) {
        if amount.plus {
            return (Some(("plus", Bound::AtLeast)), amount.end, amount.next);
        }
        if amount.odd {
            return (Some(("odd", Bound::About)), amount.end, amount.next);
        }
        for (phrase, bound) in [("or more", Bound::AtLeast), ("or above", Bound::AtLeast), ("or so", Bound::About)] {
            if self.is_joined(amount.next) {
                break;
            }
            if let Some(next) = self.phrase_at(amount.next, phrase) {
                let end = self.token(next - 1).map_or(amount.end, |t| t.end);
                return (Some((phrase, bound)), end, next);
            }
        }
        (None, amount.end, amount.next)
    }

    /// The upper end of a range written after `low`: "to 30", "-30", "– 30".
    fn range_tail(&self, low: &Amount) -> Option<Amount> {
        let joiner = low.next;
        let is_joiner = self.spaced_word(joiner).is_some_and(|w| w.eq_ignore_ascii_case("to"))
            || self.mark(joiner).is_some_and(|c| matches!(c, '-' | '–' | '‐' | '‑' | '—'));
        if !is_joiner {
            return None;
        }
        // "20-30" is joined on both sides of the dash, "20 - 30" on neither.
        if self.mark(joiner).is_some() && self.is_joined(joiner) != self.is_joined(joiner + 1) {
            return None;
        }
        self.amount_at(joiner + 1, false)
    }

    /// Numbers that are dates ("6 January"), clock times ("10.30 am").
    fn looks_like_date_or_time(&self, amount: &Amount) -> bool {
        let is_month = |w: &str| starts_upper(w) && listed(MONTHS, w);
        let month_before = |at: usize| at > 0 && self.word(at - 1).is_some_and(is_month);
        // "Jan. 5": an abbreviated month with its point.
        let abbreviated_before = amount.first > 0 && self.mark(amount.first - 1) == Some('.') && month_before(amount.first - 1);
        let month_near = month_before(amount.first) || abbreviated_before || self.spaced_word(amount.next).is_some_and(is_month);
        if amount.plain_day && month_near {
            return true;
        }
        if amount.kind != QuantityKind::Count {
            return false;
        }
        let clock_word = self.spaced_word(amount.next).is_some_and(|w| listed(CLOCK_WORDS, w));
        // "1600 hours", "0400 local time", and any four digits with a leading zero ("at 0400").
        let four_digits = (amount.end - amount.start == 4 && self.is_digits(amount.first)).then(|| self.slice(amount.start, amount.end));
        let military = four_digits.is_some_and(|digits| {
            digits.starts_with('0') || self.spaced_word(amount.next).is_some_and(|w| listed(MILITARY_CLOCK_WORDS, w))
        });
        let dotted_clock = self.spaced_word(amount.next).is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p"))
            && self.mark(amount.next + 1) == Some('.')
            && self.is_joined(amount.next + 1);
        clock_word || dotted_clock || military
    }

    /// Digits, or a capitalised number word, after a capitalised word inside the sentence
    /// name a thing: "Boeing 737", "Article 5", "Gate 4", "Ground Zero", "Formula One". A
    /// capitalised word that starts a clause (after a mark) or looks like a verb of a
    /// title-case headline ("Earthquake Kills 87", "Flood Leaves Twelve Dead") does not.
    fn looks_like_name(&self, amount: &Amount) -> bool {
        let named_by_word = !self.is_digits(amount.first) && self.word(amount.first).is_some_and(starts_upper);
        if amount.kind != QuantityKind::Count
            || amount.scale != 1.0
            || !(self.is_digits(amount.first) || named_by_word)
            || amount.first == 0
        {
            return false;
        }
        let before = amount.first - 1;
        let Some(word) = self.word(before) else { return false };
        let after_mark = before > 0 && self.mark(before - 1).is_some_and(|c| !c.is_alphanumeric() && c != ',');
        let lower = word.to_lowercase();
        let verb_like = looks_plural(&lower) || looks_participle(&lower) || looks_present_participle(&lower) || looks_adverb(&lower);
        starts_upper(word) && !after_mark && !listed(STOP_WORDS, word) && !verb_like
    }

    /// "a Boeing 737-800", "the Tupolev 154-M": numbers joined by a hyphen right after a
    /// capitalised word inside a sentence (not "Taking 30-40 hostages" at its start).
    fn looks_like_model(&self, low: &Amount, high: &Amount) -> bool {
        let glued = high.first == low.next + 1 && self.is_joined(low.next) && self.is_joined(high.first);
        let inside = low.first >= 2 && self.word(low.first - 2).is_some();
        glued && inside && self.word(low.first - 1).is_some_and(starts_upper)
    }

    /// An age in commas after a name ("Rafe, 29, grew up") or after "aged" ("a man aged 90").
    fn looks_like_age(&self, amount: &Amount) -> bool {
        let plain_number = amount.kind == QuantityKind::Count && amount.scale == 1.0 && amount.value < 130.0;
        let after_name =
            amount.first >= 2 && self.mark(amount.first - 1) == Some(',') && self.word(amount.first - 2).is_some_and(starts_upper);
        // "the first officer, Mira Halden, 31." ends its sentence with the age: after a full
        // name, not a tally ("Kandahar, 12.", "Liberal Democrats, 72.").
        let full_name = amount.first >= 3
            && self.word(amount.first - 3).is_some_and(starts_upper)
            && self.word(amount.first - 2).is_some_and(|w| !looks_plural(w));
        let in_commas = after_name && (self.mark(amount.next) == Some(',') || full_name && self.mark(amount.next) == Some('.'));
        plain_number && (in_commas || amount.first >= 1 && self.word_is(amount.first - 1, "aged"))
    }

    /// A number that is part of a telephone number or a reference: "call 0800 331 209" (digit
    /// groups side by side, three or more or the first with a leading zero), "case number
    /// 4471/B" (digits, a slash and capitals).
    fn looks_like_code(&self, amount: &Amount) -> bool {
        let digits_at = |i: usize| self.is_digits(i) && !self.is_joined(i);
        let (mut first, mut last) = (amount.first, amount.first);
        while first > 0 && digits_at(first - 1) && digits_at(first) {
            first -= 1;
        }
        while digits_at(last + 1) {
            last += 1;
        }
        let leading_zero =
            self.token(first).is_some_and(|t| self.slice(t.start, t.end).len() >= 3 && self.slice(t.start, t.end).starts_with('0'));
        let grouped = last > first && (last - first >= 2 || leading_zero);
        let reference = self.mark(amount.first + 1) == Some('/')
            && self.is_joined(amount.first + 1)
            && self.is_joined(amount.first + 2)
            && self.word(amount.first + 2).is_some_and(|w| w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()));
        // "the No. 10 bus", "Nos. 4 and 5": a number that labels, not counts.
        let labelled = amount.first >= 2
            && self.mark(amount.first - 1) == Some('.')
            && self.word(amount.first - 2).is_some_and(|w| matches!(w, "No" | "Nos"));
        grouped || reference || labelled
    }

    /// Whether a lone "one" at `i` counts something ("one officer", "one was killed") rather
    /// than being a pronoun or an idiom ("one of them", "no one", "one day").
    fn one_is_a_count(&self, i: usize, next: usize, has_counted: bool) -> bool {
        if i > 0 && self.word(i - 1).is_some_and(|w| listed(ONE_PRONOUN_BEFORE, w)) {
            return false;
        }
        let after = self.word(next);
        if after.is_some_and(|w| listed(ONE_IDIOM_AFTER, w)) {
            return false;
        }
        has_counted || after.is_some_and(|w| listed(ONE_COUNT_VERBS, w))
    }

    /// A number at `i` with its currency sign, scale and unit. With `standalone`, a number
    /// glued to a word or a dash before it ("F-16", "G7") is refused.
    fn amount_at(&self, i: usize, standalone: bool) -> Option<Amount> {
        let (number_at, prefix) = self.currency_prefix(i);
        let money = prefix.is_some();
        let mut amount = match self.digits_amount(number_at, money) {
            Some(amount) => amount,
            None if !money => self.word_amount(number_at)?,
            None => return None,
        };
        if standalone && !self.stands_alone(i) {
            return None;
        }
        if let Some(token) = self.token(i) {
            amount.start = token.start;
        }
        amount.first = i;
        if money {
            amount.kind = QuantityKind::Money;
            amount.unit = prefix;
        }
        self.unit_after(&mut amount);
        // "minus 4 degrees Celsius": below zero.
        if amount.kind == QuantityKind::Measure && i > 0 && self.word_is(i - 1, "minus") {
            amount.value = -amount.value;
            if let Some(minus) = self.token(i - 1) {
                amount.start = minus.start;
            }
        }
        if amount.kind == QuantityKind::Count && i > 0 && self.word_is(i - 1, "magnitude") {
            // "a magnitude 6.4 earthquake": a measure on the Richter or moment scale. The word
            // stays out of the span, as the noun of "a 6.4 earthquake" does, so that the brief
            // shows both as "6.4".
            amount.kind = QuantityKind::Measure;
            amount.unit = self.token(i - 1).map(|t| (t.start, t.end));
        } else if amount.kind == QuantityKind::Count
            && amount.value < 10.0
            && self.slice(amount.start, amount.end).contains('.')
            && self.word(amount.next).is_some_and(units::is_quake_noun)
        {
            // "Saturday's 6.4 earthquake": a magnitude, written with its decimal, where its unit
            // would be the noun it measures ("two earthquakes" are a count); the noun stays out
            // of the quantity's span.
            amount.kind = QuantityKind::Measure;
            amount.unit = self.token(amount.next).map(|t| (t.start, t.end));
        }
        amount.value.is_finite().then_some(amount)
    }

    /// The index of the number after a currency sign or code at `i` ("$", "US$", "USD"),
    /// and where the sign or code is written, if there was one.
    fn currency_prefix(&self, i: usize) -> (usize, Option<(usize, usize)>) {
        let written = |last: usize| Some((self.token(i)?.start, self.token(last)?.end));
        if self.mark(i).is_some_and(units::is_currency_sign) && self.is_digits(i + 1) {
            return (i + 1, written(i));
        }
        // Codes and prefixes are one to three capitals: test that before reading the lists.
        let word = self.word(i).filter(|w| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()));
        // "USD 200", "EUR 1.2 billion".
        if word.is_some_and(units::is_code_before_amounts) && !self.is_joined(i + 1) && self.is_digits(i + 1) {
            return (i + 1, written(i));
        }
        // "Rs 500 crore", "Rs. 40 lakh", "KSh 1.2 billion", "R2.3 billion".
        if let Some(letters) = self.word(i).filter(|w| units::letter_prefix_currency(w).is_some()) {
            let k = if self.mark(i + 1) == Some('.') { i + 2 } else { i + 1 };
            // A lone "R" is a currency only glued to the digits and before a scale word
            // ("R2.3 billion"), not "R 14", "R-14", "the R56 road" or "R0".
            let rand = self.is_joined(k) && k == i + 1 && self.spaced_word(k + 1).is_some_and(|w| lookup(SCALE_WORDS, w).is_some());
            if self.is_digits(k) && (letters != "R" || rand) {
                return (k, written(k - 1));
            }
        }
        // "US$150 million" and "US $150 million".
        if word.is_some_and(units::is_dollar_prefix) && self.mark(i + 1) == Some('$') && self.is_digits(i + 2) {
            return (i + 2, written(i + 1));
        }
        (i, None)
    }

    /// False when the token at `i` is glued to a word, a number or a dash before it.
    fn stands_alone(&self, i: usize) -> bool {
        if i == 0 || !self.is_joined(i) {
            return true;
        }
        match self.token(i - 1).map(|t| t.piece) {
            Some(Piece::Word | Piece::Digits) => false,
            Some(Piece::Mark) => {
                !self.mark(i - 1).is_some_and(|c| is_hyphen(c) || matches!(c, '/' | ':' | '.' | ',' | '#' | '_' | '@' | '&' | '^' | '='))
            }
            None => true,
        }
    }

    /// Digits with what is glued to them and any scale words after them.
    fn digits_amount(&self, i: usize, money: bool) -> Option<Amount> {
        let token = self.token(i)?;
        if token.piece != Piece::Digits {
            return None;
        }
        let raw = self.slice(token.start, token.end);
        let value: f64 = raw.replace(',', "").parse().ok()?;
        let plain = !raw.contains([',', '.']);
        let mut amount = Amount {
            value,
            scale: 1.0,
            start: token.start,
            end: token.end,
            first: i,
            next: i + 1,
            kind: QuantityKind::Count,
            unit: None,
            plain_year: plain && raw.len() == 4 && (1900.0..=2100.0).contains(&value),
            plain_day: plain && raw.len() <= 2 && (1.0..=31.0).contains(&value),
            lone_one: false,
            plus: false,
            odd: false,
        };
        self.glued_suffix(&mut amount, money)?;
        // "10 1/2 miles": a whole number and a fraction before a unit.
        if let Some((fraction, next)) = self.fraction_of_unit(amount.next).filter(|_| plain && amount.next == i + 1 && !money) {
            let value = amount.value + fraction;
            self.take_fraction(&mut amount, value, next)?;
        }
        if amount.scale == 1.0 && amount.kind == QuantityKind::Count {
            self.scale_words(&mut amount);
        }
        Some(amount)
    }

    /// Makes `amount` the number `value` read up to token `next` (a fraction's unit): no
    /// longer a plain year or day.
    fn take_fraction(&self, amount: &mut Amount, value: f64, next: usize) -> Option<()> {
        amount.value = value;
        amount.end = self.token(next - 1)?.end;
        amount.next = next;
        amount.plain_year = false;
        amount.plain_day = false;
        Some(())
    }

    /// A fraction "N/D" of plain digits at `i`, glued together and followed by a spaced unit
    /// of measure: its value and the index of the unit. Without the unit, "1/4" may be a date.
    fn fraction_of_unit(&self, i: usize) -> Option<(f64, usize)> {
        let plain = |at: usize| {
            self.token(at)
                .filter(|t| t.piece == Piece::Digits)
                .map(|t| self.slice(t.start, t.end))
                .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        };
        let (numerator, denominator) = (plain(i)?, plain(i + 2)?);
        if self.mark(i + 1) != Some('/') || !self.is_joined(i + 1) || !self.is_joined(i + 2) || self.is_joined(i + 3) {
            return None;
        }
        self.measure_word_at(i + 3)?;
        let (numerator, denominator): (f64, f64) = (numerator.parse().ok()?, denominator.parse().ok()?);
        (denominator > numerator && denominator > 0.0).then_some((numerator / denominator, i + 3))
    }

    /// Reads what is glued to the digits: a scale ("3bn"), a unit ("10km"), "%", "-plus".
    /// `None` when the glued part makes it no quantity: an ordinal ("18th"), a decade
    /// ("1990s"), a clock time ("10:30"), a compound adjective ("22-year-old").
    fn glued_suffix(&self, amount: &mut Amount, money: bool) -> Option<()> {
        let k = amount.next;
        let Some(token) = self.token(k).filter(|t| t.joined) else { return Some(()) };
        match token.piece {
            Piece::Digits => return None,
            Piece::Word => {
                let suffix = self.slice(token.start, token.end).to_lowercase();
                match suffix.as_str() {
                    "bn" | "b" => self.apply_scale(amount, 1e9),
                    "mn" => self.apply_scale(amount, 1e6),
                    "k" => self.apply_scale(amount, 1e3),
                    "tn" | "trn" => self.apply_scale(amount, 1e12),
                    "m" if money || self.spaced_word(k + 1).is_some_and(looks_plural) => self.apply_scale(amount, 1e6),
                    "m" => amount.kind = QuantityKind::Measure,
                    // "7pc": per cent, as British papers write it.
                    "pc" if !money => amount.kind = QuantityKind::Percentage,
                    s if units::is_glued_unit(s) => amount.kind = QuantityKind::Measure,
                    _ => return None,
                }
                if matches!(amount.kind, QuantityKind::Measure | QuantityKind::Percentage) {
                    amount.unit = Some((token.start, token.end));
                }
                amount.end = token.end;
                amount.next = k + 1;
                self.squared(amount);
                self.per_hour(amount);
            }
            Piece::Mark => {
                let mark = self.mark(k)?;
                let glued_after = self.is_joined(k + 1);
                match mark {
                    '%' => {
                        amount.kind = QuantityKind::Percentage;
                        amount.unit = Some((token.start, token.end));
                        amount.end = token.end;
                        amount.next = k + 1;
                    }
                    '°' => {
                        amount.kind = QuantityKind::Measure;
                        amount.end = token.end;
                        amount.next = k + 1;
                        if glued_after && self.word(k + 1).is_some_and(|w| w == "C" || w == "F") {
                            amount.end = self.token(k + 1)?.end;
                            amount.next = k + 2;
                        }
                        amount.unit = Some((token.start, amount.end));
                    }
                    '+' => {
                        amount.plus = true;
                        amount.end = token.end;
                        amount.next = k + 1;
                    }
                    c if is_hyphen(c) && glued_after => {
                        if self.is_digits(k + 1) {
                            // A range "20-30", read by the caller.
                            return Some(());
                        }
                        let word = self.word(k + 1)?;
                        if word.eq_ignore_ascii_case("plus") {
                            amount.plus = true;
                        } else if word.eq_ignore_ascii_case("odd") {
                            amount.odd = true;
                        } else if is_strength_word(word) {
                            // "a 3,000-strong force": a count of what follows.
                        } else if let Some(factor) = lookup(SCALE_WORDS, word).filter(|&f| f >= 1e6) {
                            self.apply_scale(amount, factor);
                        } else if let Some((kind, unit)) = self.hyphened_unit(k) {
                            amount.kind = kind;
                            amount.unit = self.token(unit).map(|t| (t.start, t.end));
                        } else {
                            return None;
                        }
                        amount.end = self.token(k + 1)?.end;
                        amount.next = k + 2;
                    }
                    '/' if glued_after && self.is_digits(k + 1) => {
                        // "1/4 mile": a fraction before a unit; without the unit, a date or a code.
                        let (value, next) = self.fraction_of_unit(k - 1)?;
                        self.take_fraction(amount, value, next)?;
                    }
                    c if glued_after && self.is_digits(k + 1) && matches!(c, ':' | '/' | '.' | ',' | 'x' | '×') => return None,
                    c if is_apostrophe(c) && glued_after && self.word(k + 1).is_some() => return None,
                    _ => {}
                }
            }
        }
        Some(())
    }

    fn apply_scale(&self, amount: &mut Amount, factor: f64) {
        amount.value *= factor;
        amount.scale *= factor;
        amount.plain_year = false;
        amount.plain_day = false;
    }

    /// "km2", "m3": a power glued to a unit of length makes an area or a volume.
    fn squared(&self, amount: &mut Amount) {
        let k = amount.next;
        let power = self.token(k).filter(|t| t.joined && t.piece == Piece::Digits).map(|t| (t, self.slice(t.start, t.end)));
        if let Some((token, "2" | "3")) = power {
            let runs_on = self.is_joined(k + 1) && self.token(k + 1).is_some_and(|t| matches!(t.piece, Piece::Digits | Piece::Word));
            if !runs_on {
                amount.end = token.end;
                amount.next = k + 1;
                extend_unit(amount);
            }
        }
    }

    /// "km/h", "an hour" or "per hour" after a measure.
    fn per_hour(&self, amount: &mut Amount) {
        let k = amount.next;
        if self.mark(k) == Some('/') && self.is_joined(k) && self.is_joined(k + 1) && self.word_is(k + 1, "h") {
            if let Some(token) = self.token(k + 1) {
                amount.end = token.end;
                amount.next = k + 2;
                extend_unit(amount);
            }
        } else if let Some(next) = self.phrase_at(k, "an hour").or_else(|| self.phrase_at(k, "per hour")) {
            // "188 miles an hour".
            if let Some(token) = self.token(next - 1) {
                amount.end = token.end;
                amount.next = next;
                extend_unit(amount);
            }
        }
    }

    /// Spaced scale words after a number: "1.2 million", "two dozen".
    fn scale_words(&self, amount: &mut Amount) {
        while let Some(factor) = self.spaced_word(amount.next).and_then(|w| lookup(SCALE_WORDS, w)) {
            let Some(token) = self.token(amount.next) else { break };
            self.apply_scale(amount, factor);
            amount.end = token.end;
            amount.next += 1;
        }
    }

    /// A number written in words: "twenty-six", "one hundred and five", "a dozen",
    /// "half a million", read by [`crate::numbers`]. A number word hyphened to another word
    /// is part of a compound ("two-year-old", "two-thirds"), and one that runs into an
    /// apostrophe ("one's") is no number.
    fn word_amount(&self, i: usize) -> Option<Amount> {
        let first = self.token(i).filter(|t| t.piece == Piece::Word)?;
        let spoken = self.spoken.at(first.start)?;
        let next = self.tokens[i..].iter().position(|t| t.end == spoken.end).map(|k| i + k + 1)?;
        let unit = self.hyphened_unit(next);
        let hyphened_word = self.mark(next).is_some_and(is_hyphen) && self.is_joined(next) && self.is_joined(next + 1);
        // "a two-thousand-strong crowd" counts the crowd; "two-year-old" is no count.
        let strength = hyphened_word && self.word(next + 1).is_some_and(is_strength_word);
        if unit.is_none() && hyphened_word && self.word(next + 1).is_some() && !strength {
            return None;
        }
        let (kind, unit, end, next) = match unit {
            Some((kind, last)) => {
                let token = self.token(last)?;
                (kind, Some((token.start, token.end)), token.end, last + 1)
            }
            None if strength => (QuantityKind::Count, None, self.token(next + 1)?.end, next + 2),
            None => (QuantityKind::Count, None, spoken.end, next),
        };
        Some(Amount {
            value: spoken.value,
            scale: spoken.scale,
            start: first.start,
            end,
            first: i,
            next,
            kind,
            unit,
            plain_year: false,
            plain_day: false,
            lone_one: spoken.words == 1 && self.word_is(i, "one"),
            plus: false,
            odd: false,
        })
    }

    /// The unit written after a number, which sets the kind: "per cent", "euros", "km".
    fn unit_after(&self, amount: &mut Amount) {
        if amount.kind != QuantityKind::Count {
            return;
        }
        let k = amount.next;
        let spaced = !self.is_joined(k);
        let (kind, last) = if self.mark(k) == Some('%') {
            (QuantityKind::Percentage, k)
        } else if self.mark(k).is_some_and(units::is_currency_sign) && !self.is_digits(k + 1) {
            // "10 €", "500€": the sign after the amount.
            (QuantityKind::Money, k)
        } else if !spaced {
            return;
        } else if let Some(next) = self.phrase_at(k, "per cent").or_else(|| self.phrase_at(k, "percentage points")) {
            (QuantityKind::Percentage, next - 1)
        } else if self.word_is(k, "percent") || self.word_is(k, "pct") {
            (QuantityKind::Percentage, k)
        } else if self.word(k).is_some_and(units::is_currency_word) {
            (QuantityKind::Money, k)
        } else if let Some(last) = self.country_currency_at(k) {
            (QuantityKind::Money, last)
        } else if let Some(unit) = self.measure_word_at(k) {
            (QuantityKind::Measure, unit)
        } else {
            return;
        };
        let (Some(first), Some(token)) = (self.token(k), self.token(last)) else { return };
        amount.kind = kind;
        amount.unit = Some((first.start, token.end));
        amount.end = token.end;
        amount.next = last + 1;
        if kind == QuantityKind::Measure {
            self.squared(amount);
            self.per_hour(amount);
        }
    }

    /// A unit hyphened to the number before `k` ("a six-mile drive", "a 500-pound bomb", "a
    /// 12-cent dividend"): the kind and the unit's token. "Pound" so written weighs.
    fn hyphened_unit(&self, k: usize) -> Option<(QuantityKind, usize)> {
        if !(self.mark(k).is_some_and(is_hyphen) && self.is_joined(k) && self.is_joined(k + 1)) {
            return None;
        }
        let word = self.word(k + 1)?;
        let kind = if units::is_measure_word(word) || word.eq_ignore_ascii_case("pound") {
            QuantityKind::Measure
        } else if units::is_currency_word(word) {
            QuantityKind::Money
        } else {
            return None;
        };
        Some((kind, k + 1))
    }

    /// The last token of a currency named with its country at `k` ("Australian dollars",
    /// "Hong Kong dollars"): one or two country words, then a currency word.
    fn country_currency_at(&self, k: usize) -> Option<usize> {
        let country = |at: usize| self.spaced_word(at).is_some_and(units::is_currency_country);
        if !country(k) {
            return None;
        }
        let currency = |at: usize| self.spaced_word(at).is_some_and(units::is_currency_word);
        [k + 1, k + 2].into_iter().find(|&at| currency(at) && (at == k + 1 || country(k + 1)))
    }

    /// The last token of a measure unit at `k` ("km", "square kilometres", "degrees Celsius").
    fn measure_word_at(&self, k: usize) -> Option<usize> {
        let unit_at = if (self.word_is(k, "square") || self.word_is(k, "sq") || self.word_is(k, "cubic") || self.word_is(k, "metric"))
            && self.spaced_word(k + 1).is_some_and(units::is_measure_word)
        {
            k + 1
        } else if self.word(k).is_some_and(units::is_measure_word) {
            k
        } else {
            return None;
        };
        let scale_after = ["celsius", "fahrenheit"];
        if self.spaced_word(unit_at + 1).is_some_and(|w| scale_after.iter().any(|s| s.eq_ignore_ascii_case(w))) {
            return Some(unit_at + 1);
        }
        Some(unit_at)
    }

    /// The counted noun phrase after a quantity of `kind` with `value`, ending before token
    /// `next`. Only counts have one.
    fn counted_for(&self, kind: QuantityKind, value: &Interval, next: usize) -> Option<Counted> {
        if kind != QuantityKind::Count {
            return None;
        }
        // "a 3,000-strong force": the size of one body, named in the singular.
        let strength = next.checked_sub(1).and_then(|k| self.word(k)).is_some_and(is_strength_word);
        let singular = (value.is_exact() && value.low == 1.0) || strength;
        self.counted_after(next, singular)
    }

    /// The noun phrase starting at token `k`: "police officers and authorities",
    /// "“armed criminals”" (span inside the marks). `singular` is true after "one".
    fn counted_after(&self, k: usize, singular: bool) -> Option<Counted> {
        let mut at = k;
        if self.mark(at).is_some_and(is_opening_quote) {
            at += 1;
        }
        // "four more patrol boats", "two other soldiers": the count adds to or sets apart a
        // group of the same noun ("ten more than last year" counts nothing).
        let added =
            self.word(at).is_some_and(|w| ["more", "other", "further", "additional", "extra"].iter().any(|a| w.eq_ignore_ascii_case(a)));
        if added && self.word(at + 1).is_some_and(|w| !w.eq_ignore_ascii_case("than")) {
            at += 1;
        }
        // "90 detained members", "40 wounded soldiers", "31 missing sailors": a participle
        // before a plural noun describes it.
        let participle = self
            .word(at)
            .is_some_and(|w| crate::lexicon::contains_ci(&["detained", "arrested", "wounded", "injured", "missing", "dead"], w));
        let plural_after = participle
            && self.word(at + 1).is_some_and(|w| {
                let lower = w.to_lowercase();
                !listed(STOP_WORDS, &lower) && (looks_plural(w) || listed(IRREGULAR_PLURALS, &lower))
            });
        let described_from = (plural_after && !singular).then(|| self.token(at).map(|t| t.start)).flatten();
        if described_from.is_some() {
            at += 1;
        }
        let first = self.noun_phrase(at, MAX_COUNTED_WORDS, singular);
        let last_of_first = *first.last()?;
        let head = self.slice(last_of_first.start, last_of_first.end).to_lowercase();
        let mut end = last_of_first.end;
        let room = MAX_COUNTED_WORDS.saturating_sub(first.len() + 1);
        let and_at = last_of_first.next;
        if !singular && room > 0 && self.spaced_word(and_at).is_some_and(|w| w.eq_ignore_ascii_case("and")) {
            let second = self.noun_phrase(and_at + 1, room, false);
            let starts_with_verb = self.word(and_at + 1).is_some_and(|w| looks_present_participle(&w.to_lowercase()));
            if let Some(last) = second.last().filter(|_| !starts_with_verb) {
                end = last.end;
            }
        }
        let span = Span::new(described_from.unwrap_or(first.first()?.start), end).ok()?;
        Some(Counted { span, head })
    }

    /// The content words from `k` up to the head noun. What follows a plural head is most
    /// likely a verb ("troops arrive"), so a plural phrase ends at its last plural-looking
    /// word and has none without one ("a 6.4 earthquake"); after "one", trailing "-s" words
    /// are verbs ("one soldier dies").
    fn noun_phrase(&self, k: usize, limit: usize, singular: bool) -> Vec<WordUnit> {
        // Read past the limit, then keep the words nearest the head: "12 big old red wooden
        // boats" counts "old red wooden boats".
        let mut units = self.noun_run(k, 2 * MAX_COUNTED_WORDS);
        let unit_is_plural = |unit: &WordUnit| looks_plural(self.slice(unit.start, unit.end));
        if singular {
            while units.len() > 1 && units.last().is_some_and(unit_is_plural) {
                units.pop();
            }
        } else {
            let keep = units.iter().rposition(unit_is_plural).map_or(0, |last| last + 1);
            units.truncate(keep);
        }
        let excess = units.len().saturating_sub(limit);
        units.drain(..excess);
        units
    }

    /// Up to `limit` content words from `k`, trimmed of trailing participles.
    fn noun_run(&self, k: usize, limit: usize) -> Vec<WordUnit> {
        let mut units = Vec::new();
        let mut at = k;
        while units.len() < limit {
            let Some(unit) = self.word_unit(at) else { break };
            let lower = self.slice(unit.start, unit.end).to_lowercase();
            if listed(STOP_WORDS, &lower) || looks_adverb(&lower) || is_number_word(&lower) || listed(MONTHS, &lower) {
                break;
            }
            // "crew members suffered minor burns": a past form after a plural noun is its verb.
            let previous = units.last().map(|last: &WordUnit| self.slice(last.start, last.end).to_lowercase());
            let after_plural = previous.as_deref().is_some_and(looks_plural);
            // "economics students", "electronics makers": a field in "-ics" is no plural.
            let after_plural_head = after_plural
                && previous.as_deref().is_some_and(|last| last.ends_with('s') && !last.ends_with("ics") && !listed(PLURAL_MODIFIERS, last));
            if after_plural && looks_participle(&lower) || after_plural_head && looks_plural(&lower) && !listed(IRREGULAR_PLURALS, &lower) {
                break;
            }
            units.push(unit);
            at = unit.next;
        }
        while let Some(last) = units.last() {
            let lower = self.slice(last.start, last.end).to_lowercase();
            let participle = looks_participle(&lower) || (units.len() > 1 && looks_present_participle(&lower));
            if !participle {
                break;
            }
            units.pop();
        }
        units
    }

    /// The word at `k` with hyphenated continuations ("anti-government", "Russian-led").
    fn word_unit(&self, k: usize) -> Option<WordUnit> {
        let token = self.token(k)?;
        if token.piece != Piece::Word {
            return None;
        }
        let mut end = token.end;
        let mut next = k + 1;
        while self.mark(next).is_some_and(is_hyphen) && self.is_joined(next) && self.is_joined(next + 1) {
            let Some(part) = self.token(next + 1).filter(|t| t.piece == Piece::Word) else { break };
            end = part.end;
            next += 2;
        }
        Some(WordUnit { start: token.start, end, next })
    }
}

fn is_number_word(lower: &str) -> bool {
    lookup(UNIT_WORDS, lower).is_some() || lookup(TENS_WORDS, lower).is_some() || lookup(SCALE_WORDS, lower).is_some()
}

/// "rose 6.2% to $1.45 billion", "up 15% to 415.9 million": a change and a new level, two
/// quantities rather than a range. Ends of two kinds make no range, nor does a percentage
/// with an amount that is none.
fn kinds_clash(low: &Amount, high: &Amount) -> bool {
    let count = QuantityKind::Count;
    (low.kind != count && high.kind != count && low.kind != high.kind)
        || (low.kind == QuantityKind::Percentage && high.kind != QuantityKind::Percentage)
}

/// The interval of a range "low to high" and the end whose kind and unit the range takes
/// ("$20-30 million" is money by its low end, "20-30 km" a measure by its high end), or
/// `None` when it is no range.
fn range_of<'a>(low: &'a Amount, high: &'a Amount) -> Option<(Interval, &'a Amount)> {
    let mut low_value = low.value;
    if low.scale == 1.0 && high.scale > 1.0 && low.value * high.scale <= high.value {
        low_value *= high.scale;
    }
    let years = low.plain_year && high.plain_year;
    if years || !low_value.is_finite() || !high.value.is_finite() || low_value >= high.value {
        return None;
    }
    let measured = if low.kind == QuantityKind::Count { high } else { low };
    Some((Interval::closed(low_value, high.value), measured))
}

/// A unit written after a number that now ends at `amount.end` ("km" read on to "km/h" or
/// "km2") ends there too.
fn extend_unit(amount: &mut Amount) {
    if let Some(unit) = &mut amount.unit {
        unit.1 = amount.end;
    }
}

/// A quantity over bytes `start..end`, of the kind and normalised unit given.
fn build(
    start: usize,
    end: usize,
    value: Interval,
    approx: bool,
    qualifier: Option<String>,
    (kind, unit): (QuantityKind, Option<String>),
    counted: Option<Counted>,
) -> Option<Quantity> {
    let span = Span::new(start, end).ok()?;
    let (counted, counted_head) = match counted {
        Some(c) => (Some(c.span), Some(c.head)),
        None => (None, None),
    };
    Some(Quantity { span, value, approx, qualifier, kind, unit, counted, counted_head })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The quantities of `sentence` taken as a whole text.
    fn find(sentence: &str) -> Vec<Quantity> {
        find_quantities(sentence, Span::new(0, sentence.len()).unwrap())
    }

    /// The single quantity of `sentence`.
    fn one(sentence: &str) -> Quantity {
        let found = find(sentence);
        assert_eq!(found.len(), 1, "{sentence:?} gave {found:#?}");
        found.into_iter().next().unwrap()
    }

    fn span_text(text: &str, span: Span) -> &str {
        &text[span.range()]
    }

    fn counted_text<'t>(text: &'t str, quantity: &Quantity) -> Option<&'t str> {
        quantity.counted.map(|span| span_text(text, span))
    }

    /// The value of the single exact quantity of `sentence`.
    fn exact(sentence: &str) -> f64 {
        let quantity = one(sentence);
        assert!(quantity.value.is_exact(), "{sentence:?} gave {quantity:#?}");
        quantity.value.low
    }

    fn half_open(low: f64, high: f64) -> Interval {
        Interval { low, high: Some(high), low_inclusive: true, high_inclusive: false }
    }

    #[test]
    fn reads_digits() {
        assert_eq!(exact("18 were hurt"), 18.0);
        assert_eq!(exact("2,500 soldiers"), 2500.0);
        assert_eq!(exact("1.2 tonnes"), 1.2);
        assert_eq!(exact("26 died."), 26.0);
        assert_eq!(exact("it cost 1,234,567 to build"), 1234567.0);
    }

    #[test]
    fn reads_scale_words() {
        assert_eq!(exact("1.2 million people"), 1.2e6);
        assert_eq!(exact("3 billion people"), 3e9);
        assert_eq!(exact("20,000 robbers"), 20000.0);
        assert_eq!(exact("20 thousand people"), 20000.0);
        assert_eq!(exact("5m people"), 5e6);
    }

    #[test]
    fn reads_number_words() {
        let words = [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ];
        for (n, word) in words.iter().enumerate() {
            assert_eq!(exact(&format!("{word} soldiers")), (n + 1) as f64, "{word}");
        }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (n, word) in tens.iter().enumerate() {
            assert_eq!(exact(&format!("{word} soldiers")), (n as f64 + 2.0) * 10.0, "{word}");
        }
        assert_eq!(exact("twenty-six people"), 26.0);
        assert_eq!(exact("Twenty six people"), 26.0);
        assert_eq!(exact("one hundred and five people"), 105.0);
        assert_eq!(exact("a hundred people"), 100.0);
        assert_eq!(exact("a thousand people"), 1000.0);
        assert_eq!(exact("a dozen people"), 12.0);
        assert_eq!(exact("two dozen people"), 24.0);
        assert_eq!(exact("half a million people"), 500_000.0);
        assert_eq!(exact("a quarter of a million people"), 250_000.0);
        assert_eq!(exact("three quarters of a billion euros"), 750_000_000.0);
        assert_eq!(exact("two million people"), 2e6);
        assert_eq!(exact("three thousand five hundred people"), 3500.0);
        assert_eq!(exact("six-million people"), 6e6);
        assert_eq!(exact("three lakh people"), 3e5);
        assert_eq!(exact("1.5 lakh families"), 1.5e5);
        for text in ["Rs 500 crore", "Rs. 500 crore", "Rs 500 crores"] {
            let quantity = one(text);
            assert_eq!(
                (quantity.kind, quantity.unit.as_deref(), quantity.value),
                (QuantityKind::Money, Some("INR"), Interval::exact(5e9)),
                "{text}"
            );
            assert_eq!(span_text(text, quantity.span), text);
        }
        // A number word hyphened to another word, or running into an apostrophe, is none.
        assert!(find("a two-year-old boy").is_empty());
        assert!(find("one's own").is_empty());
    }

    #[test]
    fn number_word_spans_cover_the_whole_number() {
        let text = "about one hundred and five people";
        let quantity = one(text);
        assert_eq!(span_text(text, quantity.span), "about one hundred and five");
        assert_eq!(counted_text(text, &quantity), Some("people"));
    }

    #[test]
    fn ordinals_are_not_counts() {
        assert!(find("the first day").is_empty());
        assert!(find("on the 18th floor").is_empty());
        assert!(find("the twenty-first century").is_empty());
        assert!(find("the 1990s were different").is_empty());
    }

    #[test]
    fn years_standing_alone_are_not_counts() {
        assert!(find("in 2022 the protests began").is_empty());
        assert!(find("In 2022, it was calm.").is_empty());
        assert!(find("from 2020 to 2022").is_empty());
        assert!(find("in 2021-2022").is_empty());
        assert_eq!(exact("2,022 people"), 2022.0);
        assert_eq!(exact("2000 people"), 2000.0);
        assert_eq!(one("more than 2000 were arrested").value, Interval::above(2000.0, false));
        assert_eq!(exact("1850 died"), 1850.0);
        assert!(find("The 2019 floods were worse.").is_empty());
        assert!(find("after their 1994 reunion tours").is_empty());
        assert_eq!(exact("the company and its 2000 employees"), 2000.0);
    }

    #[test]
    fn from_after_a_verb_of_change_is_no_range() {
        let values = |text: &str| find(text).iter().map(|q| (q.value.low, q.value.high)).collect::<Vec<_>>();
        assert_eq!(values("The toll rose from 87 to 112."), [(87.0, Some(87.0)), (112.0, Some(112.0))]);
        assert_eq!(values("The toll fell from 112 to 87 people."), [(112.0, Some(112.0)), (87.0, Some(87.0))]);
        assert_eq!(values("It rose to 112, up from 87."), [(112.0, Some(112.0)), (87.0, Some(87.0))]);
        assert_eq!(values("Estimates ranged from 87 to 112."), [(87.0, Some(112.0))]);
    }

    #[test]
    fn to_between_a_sum_and_a_count_is_a_preposition() {
        let found = find("The fund paid $450,000 to 18 families.");
        assert_eq!(
            found.iter().map(|q| (q.kind, q.value.low)).collect::<Vec<_>>(),
            [(QuantityKind::Money, 450000.0), (QuantityKind::Count, 18.0)]
        );
        assert_eq!(find("It gave 500 to 20 families.").len(), 2);
        assert!(find("The Senate voted 52 to 48.").is_empty());
    }

    #[test]
    fn clock_times_and_dates_are_not_counts() {
        assert!(find("at 10:30 on Thursday").is_empty());
        assert!(find("at 10.30 am").is_empty());
        assert!(find("at 5 p.m. local time").is_empty());
        assert!(find("on 6 January").is_empty());
        assert!(find("on January 6, 2022").is_empty());
        assert!(find("The patrol left at 0400 and returned at 1600 hours.").is_empty());
        assert!(find("Shelling began at 2230 local time.").is_empty());
        assert!(find("The fire started at around 4 a.m. on Sunday.").is_empty());
        assert_eq!(one("The truce broke down within 48 hours.").counted_head.as_deref(), Some("hours"));
    }

    #[test]
    fn numbers_inside_tokens_are_not_counts() {
        assert!(find("F-16 jets").is_empty());
        assert!(find("the COVID-19 pandemic").is_empty());
        assert!(find("the G7 summit").is_empty());
        assert!(find("a 22-year-old chef").is_empty());
        assert!(find("a two-year-old girl").is_empty());
        assert!(find("a Boeing 737 crashed").is_empty());
        assert!(find("Police cleared Ground Zero before dawn.").is_empty());
        assert!(find("He raced in Formula One for years.").is_empty());
        assert_eq!(exact("Flood Leaves Twelve Dead"), 12.0);
        assert!(find("U.S. Secretary of State").is_empty());
    }

    #[test]
    fn one_as_a_pronoun_is_not_a_count() {
        assert!(find("One of them was found beheaded by the protestors.").is_empty());
        assert!(find("One of the officers was hurt.").is_empty());
        assert!(find("no one was hurt").is_empty());
        assert!(find("No one was hurt").is_empty());
        assert!(find("one day they left").is_empty());
        assert!(find("the one who left").is_empty());
        assert!(find("at one point").is_empty());
        assert_eq!(exact("one officer died"), 1.0);
        assert_eq!(exact("One was killed."), 1.0);
    }

    #[test]
    fn qualifiers_above() {
        let past = one("Idra death toll climbs past 240");
        assert_eq!(past.value, Interval::above(240.0, false));
        let hours = one("in the past 24 hours");
        assert_eq!(hours.value, Interval::exact(24.0), "the past 24 hours are 24 hours");
        for phrase in ["more than", "over", "above", "in excess of", "upwards of"] {
            let text = format!("{phrase} 18 soldiers");
            let quantity = one(&text);
            assert_eq!(quantity.value, Interval::above(18.0, false), "{phrase}");
            assert_eq!(quantity.qualifier.as_deref(), Some(phrase));
            assert!(!quantity.approx);
            assert_eq!(span_text(&text, quantity.span), format!("{phrase} 18"));
        }
    }

    #[test]
    fn a_participle_before_a_plural_noun_describes_what_is_counted() {
        let text = "handed over 90 detained members of the group";
        let quantity = one(text);
        assert_eq!(quantity.counted_head.as_deref(), Some("members"));
        assert_eq!(span_text(text, quantity.counted.unwrap()), "detained members");
        assert_eq!(one("Police said 12 detained after the march").counted, None);
    }

    #[test]
    fn over_after_a_verb_it_belongs_to_is_no_bound() {
        let text = "The government handed over 90 detained members of the group.";
        let quantity = one(text);
        assert_eq!((span_text(text, quantity.span), quantity.value), ("90", Interval::exact(90.0)));
        assert_eq!(one("Rebels killed over 90 soldiers.").value, Interval::above(90.0, false));
    }

    #[test]
    fn qualifiers_at_least() {
        for phrase in ["at least", "no fewer than"] {
            let quantity = one(&format!("{phrase} 18 soldiers"));
            assert_eq!(quantity.value, Interval::above(18.0, true), "{phrase}");
            assert_eq!(quantity.qualifier.as_deref(), Some(phrase));
        }
        let text = "18 or more soldiers";
        let quantity = one(text);
        assert_eq!(quantity.value, Interval::above(18.0, true));
        assert_eq!(quantity.qualifier.as_deref(), Some("or more"));
        assert_eq!(span_text(text, quantity.span), "18 or more");
        assert_eq!(quantity.counted_head.as_deref(), Some("soldiers"));
        let quantity = one("18-plus soldiers");
        assert_eq!(quantity.value, Interval::above(18.0, true));
        assert_eq!(quantity.qualifier.as_deref(), Some("plus"));
        assert_eq!(quantity.counted_head.as_deref(), Some("soldiers"));
    }

    #[test]
    fn qualifiers_below_and_at_most() {
        for phrase in ["fewer than", "less than", "under"] {
            let quantity = one(&format!("{phrase} 18 soldiers"));
            assert_eq!(quantity.value, Interval::below(18.0, false), "{phrase}");
        }
        for phrase in ["up to", "at most", "no more than"] {
            let quantity = one(&format!("{phrase} 18 soldiers"));
            assert_eq!(quantity.value, Interval::below(18.0, true), "{phrase}");
            assert_eq!(quantity.qualifier.as_deref(), Some(phrase));
        }
    }

    #[test]
    fn qualifiers_about() {
        for phrase in ["about", "around", "approximately", "roughly", "some", "an estimated", "estimated"] {
            let quantity = one(&format!("{phrase} 2,500 soldiers"));
            assert_eq!(quantity.value, Interval::exact(2500.0), "{phrase}");
            assert!(quantity.approx, "{phrase}");
            assert_eq!(quantity.qualifier.as_deref(), Some(phrase));
            assert_eq!(quantity.counted_head.as_deref(), Some("soldiers"));
        }
        assert_eq!(one("More than 18 soldiers").qualifier.as_deref(), Some("more than"));
    }

    #[test]
    fn qualifiers_nearly() {
        for phrase in ["nearly", "almost", "close to", "just under"] {
            let quantity = one(&format!("{phrase} 500 people"));
            assert_eq!(quantity.value, half_open(450.0, 500.0), "{phrase}");
            assert!(quantity.approx);
            assert_eq!(quantity.qualifier.as_deref(), Some(phrase));
        }
    }

    #[test]
    fn ranges() {
        for text in ["between 20 and 30 people", "20-30 people", "20 to 30 people", "from 20 to 30 people", "20–30 people"] {
            let quantity = one(text);
            assert_eq!(quantity.value, Interval::closed(20.0, 30.0), "{text}");
            assert_eq!(quantity.counted_head.as_deref(), Some("people"), "{text}");
        }
        let text = "between 20 and 30 people";
        let quantity = one(text);
        assert_eq!(span_text(text, quantity.span), "between 20 and 30");
        assert_eq!(quantity.qualifier.as_deref(), Some("between"));
        assert_eq!(one("2 to 3 million people").value, Interval::closed(2e6, 3e6));
        assert_eq!(one("two to three million people").value, Interval::closed(2e6, 3e6));
        assert_eq!(one("about 20 to 30 people").value, Interval::closed(20.0, 30.0));
        assert!(one("about 20 to 30 people").approx);
        assert!(find("won 3-1").is_empty());
    }

    #[test]
    fn units_are_named_once_however_written() {
        let unit = |sentence: &str| one(sentence).unit;
        for (sentence, name) in [
            ("The UN released $4.5 million.", "USD"),
            ("The UN released US$4.5 million.", "USD"),
            ("It paid USD 200 each.", "USD"),
            ("It bought C$300 million of bonds.", "CAD"),
            ("The EU pledged €10 million.", "EUR"),
            ("The EU pledged 10 million euros.", "EUR"),
            ("Shares closed at 470 pence.", "pence"),
            ("It lost 5 billion roubles.", "RUB"),
            ("It lost 2 billion tenge.", "KZT"),
            ("A fine of 40 shekels was set.", "ILS"),
            ("It raised 125 million Australian dollars.", "AUD"),
            ("It cost 500 € in all.", "EUR"),
            ("Aid worth millions of dollars arrived.", "USD"),
            ("The convoy was six miles long.", "mi"),
            ("a six-mile convoy", "mi"),
            ("The town lies 40 km away.", "km"),
            ("The town lies 40km away.", "km"),
            ("It covers 190 km2 of land.", "km2"),
            ("It covers 190 square kilometres of land.", "km2"),
            ("Winds reached 120 km/h on the coast.", "km/h"),
            ("Winds reached 75 miles an hour on the coast.", "mph"),
            ("It was 40°C in the shade.", "°C"),
            ("a magnitude 6.4 earthquake", "magnitude"),
            ("Saturday's 6.4 earthquake", "magnitude"),
            ("a 7.2-magnitude quake", "magnitude"),
            ("Prices rose 6.2% in May.", "%"),
            ("Prices rose 6.2 per cent in May.", "%"),
            ("Support fell 3 percentage points.", "pp"),
            ("between 20 and 30 km of road", "km"),
            ("$20-30 million in aid", "USD"),
        ] {
            assert_eq!(unit(sentence).as_deref(), Some(name), "{sentence}");
        }
        assert_eq!(unit("More than 18 police officers were killed."), None);
        assert_eq!(one("Two earthquakes struck the coast.").kind, QuantityKind::Count);
    }

    #[test]
    fn vague_quantifiers_follow_the_table() {
        for &(phrase, low, high) in VAGUE_QUANTIFIERS {
            let text = if phrase.ends_with(" of") { format!("{phrase} soldiers") } else { format!("{phrase} of soldiers") };
            let quantity = one(&text);
            assert_eq!(quantity.value.low, low, "{phrase}");
            assert_eq!(quantity.value.high, high, "{phrase}");
            assert!(quantity.approx);
            assert_eq!(quantity.qualifier.as_deref(), Some(phrase));
            assert_eq!(quantity.counted_head.as_deref(), Some("soldiers"), "{phrase}");
            assert_eq!(span_text(&text, quantity.span), phrase.trim_end_matches(" of"));
        }
        assert!(!one("millions of people").value.high_inclusive);
        assert!(one("dozens of people").value.high_inclusive);
        assert_eq!(one("several police").value, Interval::closed(3.0, 30.0));
        assert_eq!(one("a few soldiers").value, Interval::closed(2.0, 9.0));
    }

    #[test]
    fn dozens_only_as_a_count() {
        let text = "dozens are feared dead";
        let quantity = one(text);
        assert_eq!(span_text(text, quantity.span), "dozens");
        assert_eq!(quantity.counted, None);
        let text = "Dozens killed in clashes";
        assert_eq!(one(text).counted, None);
        assert_eq!(one(text).qualifier.as_deref(), Some("dozens"));
        assert!(find("they came by the dozens").is_empty());
        assert!(find("they came in their thousands").is_empty());
        assert!(find("a couple who married").is_empty());
    }

    #[test]
    fn vague_quantifiers_with_scale_words() {
        let quantity = one("several thousand people");
        assert_eq!(quantity.value, Interval::closed(3000.0, 30000.0));
        assert_eq!(quantity.qualifier.as_deref(), Some("several thousand"));
        assert_eq!(quantity.counted_head.as_deref(), Some("people"));
        let quantity = one("hundreds of millions of dollars");
        assert_eq!(quantity.value, Interval::closed(2e8, 1999e6));
        assert_eq!(quantity.kind, QuantityKind::Money);
        assert_eq!(one("tens of thousands of protesters").value, Interval::closed(20000.0, 99999.0));
    }

    #[test]
    fn money() {
        for text in ["$5 million in aid", "5 million dollars", "€3bn", "£20", "500 euros", "US$4 million"] {
            assert_eq!(one(text).kind, QuantityKind::Money, "{text}");
            assert_eq!(one(text).counted, None, "{text}");
        }
        assert_eq!(exact("$5 million in aid"), 5e6);
        assert_eq!(exact("€3bn"), 3e9);
        assert_eq!(exact("£20"), 20.0);
        let text = "more than $5 million";
        let quantity = one(text);
        assert_eq!(span_text(text, quantity.span), text);
        assert_eq!(quantity.value, Interval::above(5e6, false));
        assert_eq!(span_text("it cost 5 million dollars.", one("it cost 5 million dollars.").span), "5 million dollars");
    }

    #[test]
    fn money_named_by_its_country_code_or_a_sign_after_it() {
        for (text, value) in [
            ("125 million Australian dollars", 125e6),
            ("10,000 Swiss francs", 1e4),
            ("2 billion Hong Kong dollars", 2e9),
            ("470 pence", 470.0),
            ("USD 200", 200.0),
            ("EUR 1.2 billion", 1.2e9),
            ("500 €", 500.0),
            ("a 12-cent dividend", 12.0),
            ("6.25 bitcoins", 6.25),
            ("a US $150 million loan", 150e6),
        ] {
            let quantity = one(text);
            assert_eq!((quantity.kind, quantity.value.low), (QuantityKind::Money, value), "{text}");
        }
        assert_eq!(one("125 million Australian soldiers").kind, QuantityKind::Count);
    }

    #[test]
    fn a_sum_converted_in_parentheses_names_a_currency() {
        let text = "fined up to 2,000 lestars ($110) each";
        let found = find_quantities(text, Span::new(0, text.len()).unwrap());
        let first = &found[0];
        assert_eq!((first.kind, first.unit.as_deref()), (QuantityKind::Money, Some("lestar")));
        assert_eq!(span_text(text, first.span), "up to 2,000 lestars");
        assert_eq!(found[1].unit.as_deref(), Some("USD"));
        // Two counts side by side stay counts.
        let text = "2,000 protesters (300 of them minors)";
        let found = find_quantities(text, Span::new(0, text.len()).unwrap());
        assert!(found.iter().all(|q| q.kind == QuantityKind::Count), "{found:?}");
    }

    #[test]
    fn a_change_and_a_new_level_are_two_quantities_not_a_range() {
        let text = "Sales rose 6.2% to $1.45 billion, and costs fell 3% to 415 million.";
        let kinds: Vec<(QuantityKind, f64)> = find(text).iter().map(|q| (q.kind, q.value.low)).collect();
        assert_eq!(
            kinds,
            [(QuantityKind::Percentage, 6.2), (QuantityKind::Money, 1.45e9), (QuantityKind::Percentage, 3.0), (QuantityKind::Count, 415e6)]
        );
        assert_eq!(one("from 5 to 7% last year").value, Interval::closed(5.0, 7.0));
    }

    #[test]
    fn no_quantity_inside_a_web_address() {
        assert!(find("see https://example.com/search?q=30%25%2020% for details").is_empty());
    }

    #[test]
    fn percentages() {
        for text in ["30%", "30 per cent", "30 percent", "30 %", "30pc"] {
            let quantity = one(text);
            assert_eq!(quantity.kind, QuantityKind::Percentage, "{text}");
            assert_eq!(quantity.value, Interval::exact(30.0));
            assert_eq!(span_text(text, quantity.span), text);
        }
        assert_eq!(one("20-30% of voters").value, Interval::closed(20.0, 30.0));
        assert_eq!(one("20-30% of voters").kind, QuantityKind::Percentage);
        let moved = find("It raised the forecast by 0.5 percentage points to 3.1 per cent.");
        assert_eq!(moved.iter().map(|q| (q.value.low, q.unit.as_deref())).collect::<Vec<_>>(), [(0.5, Some("pp")), (3.1, Some("%"))]);
    }

    #[test]
    fn measures_hyphened_to_their_number_areas_and_speeds() {
        for (text, span, value) in [
            ("a 500-pound bomb", "500-pound", 500.0),
            ("a six-mile convoy", "six-mile", 6.0),
            ("a 2.5-mile stretch", "2.5-mile", 2.5),
            ("16,000 metric tons of grain", "16,000 metric tons", 16e3),
            ("at 188 miles an hour", "188 miles an hour", 188.0),
            ("ranges of 190 km2.", "190 km2", 190.0),
            ("a 1/4 mile oval", "1/4 mile", 0.25),
            ("it takes 10 1/2 miles of cable", "10 1/2 miles", 10.5),
            ("a 75ml bottle", "75ml", 75.0),
            ("it weighed 200lbs", "200lbs", 200.0),
            ("500 MB of files", "500 MB", 500.0),
        ] {
            let quantity = one(text);
            assert_eq!((quantity.kind, span_text(text, quantity.span), quantity.value.low), (QuantityKind::Measure, span, value), "{text}");
        }
        assert!(find("a 22-year-old soldier").is_empty());
    }

    #[test]
    fn measures() {
        for text in [
            "10 km",
            "10km",
            "5 kilometres",
            "3 miles",
            "40 kg",
            "2 tonnes",
            "100 metres",
            "500 hectares",
            "20 litres",
            "30 degrees",
            "60 mph",
            "90 km/h",
            "30 square kilometres",
        ] {
            let quantity = one(text);
            assert_eq!(quantity.kind, QuantityKind::Measure, "{text}");
            assert_eq!(quantity.counted, None);
        }
        let text = "at 90 km/h.";
        assert_eq!(span_text(text, one(text).span), "90 km/h");
    }

    #[test]
    fn counted_noun_phrases() {
        let cases = [
            ("2,500 soldiers", "soldiers", "soldiers"),
            ("more than 18 police officers and authorities have been killed", "police officers and authorities", "officers"),
            ("26 “armed criminals” were killed", "armed criminals", "criminals"),
            ("dozens of protesters", "protesters", "protesters"),
            ("thousands of protestors were arrested", "protestors", "protestors"),
            ("20,000 robbers", "robbers", "robbers"),
            ("about 2,000 people in the past day", "people", "people"),
            ("300 anti-government protesters gathered", "anti-government protesters", "protesters"),
            ("18 People", "People", "people"),
            ("Six Toskarian servicemen died", "Toskarian servicemen", "servicemen"),
            ("three gunmen opened fire", "gunmen", "gunmen"),
        ];
        for (text, counted, head) in cases {
            let quantity = one(text);
            assert_eq!(counted_text(text, &quantity), Some(counted), "{text}");
            assert_eq!(quantity.counted_head.as_deref(), Some(head), "{text}");
        }
    }

    #[test]
    fn a_strength_counts_the_body_it_describes() {
        for (text, value, head) in [
            ("a 3,000-strong force arrived", 3000.0, "force"),
            ("the 2,500-member contingent left", 2500.0, "contingent"),
            ("a two-thousand-strong crowd", 2000.0, "crowd"),
        ] {
            let quantity = one(text);
            assert_eq!(quantity.value.low, value, "{text}");
            assert_eq!(quantity.counted_head.as_deref(), Some(head), "{text}");
        }
        assert!(find("a strong force").is_empty());
    }

    #[test]
    fn no_counted_noun_when_a_verb_follows() {
        for text in ["dozens are feared dead", "the peacekeepers are about 2,500", "more than 700 are wounded", "2,000 detained"] {
            let quantity = one(text);
            assert_eq!(quantity.counted, None, "{text}");
            assert_eq!(quantity.counted_head, None, "{text}");
        }
    }

    #[test]
    fn counted_phrase_has_at_most_four_words() {
        let text = "12 big old red wooden boats";
        let quantity = one(text);
        let counted = counted_text(text, &quantity).unwrap();
        assert!(counted.split(' ').count() <= 4, "{counted}");
    }

    #[test]
    fn sentence_more_than_eighteen_officers() {
        let text = "More than 18 police officers and authorities have been killed, while more than 700 are wounded.";
        let found = find(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(span_text(text, found[0].span), "More than 18");
        assert_eq!(found[0].value, Interval::above(18.0, false));
        assert_eq!(found[0].qualifier.as_deref(), Some("more than"));
        assert_eq!(counted_text(text, &found[0]), Some("police officers and authorities"));
        assert_eq!(found[0].counted_head.as_deref(), Some("officers"));
        assert_eq!(span_text(text, found[1].span), "more than 700");
        assert_eq!(found[1].value, Interval::above(700.0, false));
        assert_eq!(found[1].counted, None);
    }

    #[test]
    fn sentence_armed_criminals() {
        let text = "The Ministry of Interior of Kazakhstan said that so far, 26 “armed criminals” and 18 security officials have been killed in the riots.";
        let found = find(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].value, Interval::exact(26.0));
        assert_eq!(counted_text(text, &found[0]), Some("armed criminals"));
        assert_eq!(found[0].counted_head.as_deref(), Some("criminals"));
        assert_eq!(found[1].value, Interval::exact(18.0));
        assert_eq!(counted_text(text, &found[1]), Some("security officials"));
        assert_eq!(found[1].counted_head.as_deref(), Some("officials"));
    }

    #[test]
    fn sentence_peacekeepers_are_about() {
        let text = "Recently, the Russian RIA news agency reported that the “peacekeepers” are about 2,500";
        let quantity = one(text);
        assert_eq!(span_text(text, quantity.span), "about 2,500");
        assert_eq!(quantity.value, Interval::exact(2500.0));
        assert!(quantity.approx);
        assert_eq!(quantity.qualifier.as_deref(), Some("about"));
        assert_eq!(quantity.counted, None);
    }

    #[test]
    fn sentence_dozens_of_protesters() {
        let text = "Kazakh police reported killing dozens of protesters and detaining more than 2,000 people in the past day.";
        let found = find(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(span_text(text, found[0].span), "dozens");
        assert_eq!(found[0].value, Interval::closed(20.0, 199.0));
        assert_eq!(counted_text(text, &found[0]), Some("protesters"));
        assert_eq!(span_text(text, found[1].span), "more than 2,000");
        assert_eq!(counted_text(text, &found[1]), Some("people"));
    }

    #[test]
    fn sentence_several_police() {
        let text = "There were also reports of several police being killed, with one officer reportedly found beheaded.";
        let found = find(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].qualifier.as_deref(), Some("several"));
        assert_eq!(found[0].counted_head.as_deref(), Some("police"));
        assert_eq!(found[1].value, Interval::exact(1.0));
        assert_eq!(found[1].counted_head.as_deref(), Some("officer"));
    }

    #[test]
    fn sentence_approximately() {
        let text = "The Russian-led force has approximately 2,500 people";
        let quantity = one(text);
        assert_eq!(span_text(text, quantity.span), "approximately 2,500");
        assert_eq!(quantity.counted_head.as_deref(), Some("people"));
    }

    #[test]
    fn sentence_year_then_nearly() {
        let text = "In 2022, nearly 500 people were injured";
        let quantity = one(text);
        assert_eq!(span_text(text, quantity.span), "nearly 500");
        assert_eq!(quantity.value, half_open(450.0, 500.0));
        assert_eq!(quantity.counted_head.as_deref(), Some("people"));
    }

    #[test]
    fn sentence_pronoun_and_title_give_nothing() {
        assert!(find("One of them was found beheaded by the protestors.").is_empty());
        assert!(find("U.S. Secretary of State").is_empty());
    }

    #[test]
    fn tallies_and_scores_are_skipped_whole() {
        assert!(find("The vote was 52 to 48.").is_empty());
        assert!(find("They won 3-1 at home").is_empty());
    }

    #[test]
    fn names_ages_and_magnitudes() {
        assert!(find("They gathered at Gate 4 on Tuesday").is_empty());
        assert!(find("Rafe, 29, grew up by the sea").is_empty());
        assert_eq!(exact("Earthquake Kills 87 In Valley"), 87.0);
        assert!(find("Page 5 of the report").is_empty());
        assert_eq!(exact("Exactly 5 people came"), 5.0);
        let quantity = one("A magnitude 6.4 earthquake struck");
        assert_eq!(quantity.kind, QuantityKind::Measure);
        assert_eq!(quantity.span.len(), "6.4".len(), "the scale's word stays out of the span");
        assert!(find("a man aged 90 was among the dead").is_empty());
        assert!(find("and the first officer, Mira Halden, 31.").is_empty());
        assert_eq!(find("The dead by province: Helmand, 40; Kandahar, 12.").len(), 2, "a tally, no ages");
        assert!(find("on the night of 12 to 13 November").is_empty(), "two days of a month");
        let cold = one("Temperatures of minus 4 degrees Celsius kept the gas low.");
        assert_eq!((cold.value, cold.kind), (Interval::exact(-4.0), QuantityKind::Measure));
        let about = one("It fell to about minus 4 degrees Celsius.");
        assert!(about.approx && about.value == Interval::exact(-4.0), "{about:?}");
        let nearly = one("Nights were nearly minus 10 degrees Celsius.");
        assert_eq!((nearly.value.low, nearly.value.high), (-10.0, Some(-9.0)), "{nearly:?}");
        assert!(find("call the hotline on 0800 331 209 now").is_empty());
        assert!(find("The Boeing 737-800 landed").is_empty(), "a model, no range");
        assert_eq!(exact("Taking 30 hostages, the gunmen fled."), 30.0);
        assert!(find("boarded the No. 10 bus").is_empty());
        let rand = one("Eskor will borrow R2.3 billion to repair plants.");
        assert_eq!((rand.kind, rand.unit.as_deref()), (QuantityKind::Money, Some("ZAR")));
        let shillings = one("The county lost KSh 1.2 billion to ghost workers.");
        assert_eq!((shillings.kind, shillings.unit.as_deref()), (QuantityKind::Money, Some("KES")));
        assert!(find("on the R 14 road").iter().all(|q| q.kind != QuantityKind::Money));
        assert!(find("closed the R56 road").iter().all(|q| q.kind != QuantityKind::Money));
        let crew = one("A couple of crew members suffered minor burns.");
        assert_eq!(crew.counted_head.as_deref(), Some("members"));
        assert_eq!(one("Relatives of the 31 missing sailors waited.").counted_head.as_deref(), Some("sailors"));
        let kelars = one("The government would pay 2.5 million kelars to each family.");
        assert_eq!((kelars.kind, kelars.unit.as_deref()), (QuantityKind::Money, Some("kelar")));
        let fine = one("In 2029 the authority fined AeroTarva 40 million kelars for gaps.");
        assert_eq!((fine.kind, fine.unit.as_deref()), (QuantityKind::Money, Some("kelar")));
        assert_eq!(one("It made a payment of 1.3 million kelars to each family.").kind, QuantityKind::Money);
        assert_eq!(one("The firm would pay 2,000 workers a bonus.").kind, QuantityKind::Count);
        assert_eq!(one("The bill would pay 40,000 pensioners a winter bonus.").kind, QuantityKind::Count);
        assert_eq!(one("Police fined 23 motorists.").kind, QuantityKind::Count);
        assert_eq!(one("The ambush cost 3 peacekeepers their lives.").kind, QuantityKind::Count);
        assert!(find("identified by the case number 4471/B").is_empty());
        assert_eq!(exact("killed 12 people"), 12.0);
        assert_eq!(quantity.counted, None);
        assert!(find("police fired on Jan. 5 at dawn").is_empty());
    }

    #[test]
    fn as_many_as_is_an_upper_bound() {
        let quantity = one("As many as 10,000 people took part.");
        assert_eq!(quantity.value, Interval::below(10000.0, true));
        assert_eq!(quantity.qualifier.as_deref(), Some("as many as"));
    }

    #[test]
    fn a_couple_of_hundred() {
        let text = "A couple of hundred protesters";
        let quantity = one(text);
        assert_eq!(quantity.value, Interval::closed(200.0, 300.0));
        assert_eq!(span_text(text, quantity.span), "A couple of hundred");
        assert_eq!(quantity.qualifier.as_deref(), Some("a couple of hundred"));
        assert_eq!(quantity.counted_head.as_deref(), Some("protesters"));
        assert_eq!(one("a few hundred people").value, Interval::closed(200.0, 900.0));
    }

    #[test]
    fn counted_phrases_end_at_the_head() {
        let cases = [
            ("the government sent 800 soldiers and a field hospital", "soldiers"),
            ("87 people and injuring hundreds", "people"),
            ("two tabs change content", "tabs"),
            ("one soldier dies", "soldier"),
            ("one police officer reportedly died", "police officer"),
            ("12 big old red wooden boats", "old red wooden boats"),
            ("2,750 former employees seeks damages", "former employees"),
            ("40 human rights activists", "human rights activists"),
            ("3,000 police officers", "police officers"),
        ];
        for (text, counted) in cases {
            assert_eq!(counted_text(text, &find(text)[0]), Some(counted), "{text}");
        }
        assert_eq!(one("87 hurt\nImage source").counted, None);
        assert_eq!(one("a 6.4 earthquake struck").counted, None);
    }

    #[test]
    fn spans_are_absolute_and_limited_to_the_sentence() {
        let text = "Intro: 5 people. Then 18 soldiers left. And 7 more.";
        let start = text.find("Then").unwrap();
        let end = text.find(" And").unwrap();
        let found = find_quantities(text, Span::new(start, end).unwrap());
        assert_eq!(found.len(), 1);
        assert_eq!(span_text(text, found[0].span), "18");
        assert_eq!(counted_text(text, &found[0]), Some("soldiers"));
        assert!(find_quantities(text, Span::new(0, text.len() + 5).unwrap()).is_empty());
    }

    #[test]
    fn stage_reads_sentences_and_sets_quantities() {
        let text = "More than 18 officers died. About 2,500 troops arrived.";
        let mut doc = Document::new("a", text, Default::default());
        assert!(QuantityStage.annotate(&mut doc).is_err());
        let sentences = vec![
            parallax_core::Sentence { span: Span::new(0, 27).unwrap() },
            parallax_core::Sentence { span: Span::new(28, text.len()).unwrap() },
        ];
        doc.set_layer::<Sentences>(sentences).unwrap();
        QuantityStage.annotate(&mut doc).unwrap();
        let quantities = doc.layer::<Quantities>().unwrap();
        assert_eq!(quantities.len(), 2);
        assert_eq!(QuantityStage.name(), "quantities");
        assert_eq!(QuantityStage.requires(), &[LayerKind::Sentences]);
        assert_eq!(QuantityStage.provides(), &[LayerKind::Quantities]);
    }

    /// Checks the invariants every answer must keep.
    fn assert_well_formed(text: &str, sentence: Span) {
        for quantity in find_quantities(text, sentence) {
            for span in std::iter::once(quantity.span).chain(quantity.counted) {
                assert!(sentence.contains(span), "{span} outside {sentence} in {text:?}");
                assert!(span.check(text).is_ok(), "{span} not on boundaries in {text:?}");
            }
            if let Some(high) = quantity.value.high {
                assert!(quantity.value.low <= high, "{quantity:?} in {text:?}");
            }
            assert!(quantity.counted.is_some() == quantity.counted_head.is_some());
        }
    }

    /// Pieces that exercise the scanner: numbers, qualifiers, units, quotes and odd marks.
    fn tricky_piece() -> impl Strategy<Value = String> {
        let pieces = vec![
            "18",
            "2,500",
            "1.2",
            "2022",
            "10:30",
            "-",
            "–",
            "to",
            "and",
            "between",
            "from",
            "more",
            "than",
            "about",
            "nearly",
            "one",
            "of",
            "a",
            "half",
            "dozen",
            "dozens",
            "million",
            "bn",
            "$",
            "€",
            "%",
            "per",
            "cent",
            "km",
            "/",
            "h",
            "“",
            "”",
            "\"",
            "people",
            "police",
            "officers",
            "were",
            "killed",
            "twenty",
            "six",
            "hundred",
            "th",
            "plus",
            "or",
            "é",
            "👍",
            "\u{301}",
            ",",
            ".",
            "the",
            "several",
            "tens",
            "thousands",
            "January",
            "am",
            "m",
        ];
        (prop::sample::select(pieces), any::<bool>()).prop_map(|(piece, space)| if space { format!("{piece} ") } else { piece.to_string() })
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics_and_spans_stay_inside(text in any::<String>(), a in any::<usize>(), b in any::<usize>()) {
            assert_well_formed(&text, Span::new(0, text.len()).unwrap());
            let (mut start, mut end) = (a % (text.len() + 1), b % (text.len() + 1));
            if start > end {
                std::mem::swap(&mut start, &mut end);
            }
            // Unchecked sentence spans must not panic either; checked ones must keep the invariants.
            let _ = find_quantities(&text, Span::new(start, end).unwrap());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            assert_well_formed(&text, Span::new(start.min(end), end).unwrap());
        }

        #[test]
        fn number_like_text_keeps_the_invariants(pieces in prop::collection::vec(tricky_piece(), 0..24), prefix in "\\PC{0,3}") {
            let text = format!("{prefix}{}", pieces.concat());
            let start = prefix.len();
            assert_well_formed(&text, Span::new(start, text.len()).unwrap());
        }
    }
}
