//! Feature extraction: each token becomes a list of 64-bit feature hashes.
//!
//! A feature is a template number and a few strings (the lower-case word, its shape, a
//! neighbour, …) hashed together with FNV-1a and a final mix, so that the same feature
//! has the same hash on every platform and in every run: the model file stores hashes,
//! never strings. Three sources of evidence feed the templates:
//! - the token and its neighbours in the sentence (words, shapes, affixes, capitalisation,
//!   position),
//! - the document ([`DocumentContext`]): how the same word is capitalised elsewhere in it
//!   (which tells a name in an all-capitals headline or at the start of a sentence from a
//!   common word) and which labels the tagger gave it in earlier sentences,
//! - a [`Gazetteer`] of known phrases with their labels.

use crate::tags::Label;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::word_classes::{word_class, WordClass};

/// FNV-1a for the short string keys of a document's word tables: faster than SipHash,
/// and these tables face no adversary.
#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FeatureHasher::OFFSET } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(FeatureHasher::PRIME);
        }
        self.0 = h;
    }
}

/// Passes already-mixed 64-bit hashes through unchanged.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type WordMap<V> = HashMap<String, V, BuildHasherDefault<FnvHasher>>;
type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// Builds one feature hash: a template number, then bytes and strings, then
/// [`FeatureHasher::finish`]. Public so that other taggers built on this crate's model
/// (the attribution tagger in `parallax-nlp`) hash their features the same stable way.
#[derive(Clone, Copy)]
pub struct FeatureHasher(u64);

impl FeatureHasher {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub fn new(template: u8) -> Self {
        FeatureHasher(Self::OFFSET).byte(template)
    }

    pub fn byte(mut self, b: u8) -> Self {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(Self::PRIME);
        self
    }

    pub fn u16(self, v: u16) -> Self {
        let [high, low] = v.to_be_bytes();
        self.byte(high).byte(low)
    }

    pub fn str(mut self, s: &str) -> Self {
        for &b in s.as_bytes() {
            self = self.byte(b);
        }
        // A separator that cannot occur in UTF-8, so that ("ab", "c") and ("a", "bc") differ.
        self.byte(0xff)
    }

    pub fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// SplitMix64's finaliser: spreads FNV's weak low bits over the whole word.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The lower-case form of a word with every digit replaced by `0`, so that "1996" and
/// "1997" share their features.
pub fn normalise(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

/// The word's shape: `X` for an upper-case letter, `x` lower-case, `d` digit, other
/// characters as they are, runs longer than four cut to four ("Blackburn" → "Xxxxx").
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let class = char_class(c);
        if class == last {
            run += 1;
        } else {
            last = class;
            run = 1;
        }
        if run <= 4 {
            out.push(class);
        }
    }
    out
}

/// The shape with every run collapsed to one character ("Blackburn" → "Xx", "1996-08-22"
/// → "d-d-d").
pub fn short_shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in word.chars() {
        let class = char_class(c);
        if class != last {
            out.push(class);
            last = class;
        }
    }
    out
}

fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Whether the word starts with a capital letter.
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_lowercase_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Whether most letters of the sentence are capitals: a headline in capitals tells nothing
/// by its capitalisation.
pub fn is_all_caps_sentence(words: &[&str]) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in words.iter().flat_map(|w| w.chars()) {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper >= 4 && upper > 3 * lower
}

/// Whether the sentence is written in Title Case, as many headlines are ("Azerbaijan Accuses
/// Armenian Troops of Firing on Border Posts Near Syunik"): at least four capitalised words,
/// no word in lower case but the short articles, conjunctions and prepositions headline styles
/// leave small, at most one comma and no brackets (a list of names is no headline), and not
/// in capitals throughout.
pub fn is_title_case_sentence(words: &[&str]) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "but", "or", "nor", "for", "yet", "so", "at", "by", "in", "of", "on", "to", "up", "as", "off", "per",
        "via", "vs", "'s",
    ];
    let capitalised = words.iter().filter(|w| is_capitalised(w) && w.chars().any(char::is_lowercase)).count();
    let commas = words.iter().filter(|w| **w == ",").count();
    capitalised >= 4
        && commas <= 1
        && !words.iter().any(|w| matches!(*w, "(" | ")" | "[" | "]"))
        && words.iter().all(|w| !is_lowercase_word(w) || SMALL.contains(w))
        && !is_all_caps_sentence(words)
}

/// How a word is written elsewhere in the document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct CaseProfile {
    /// Capitalised where capitalisation means something (not first in the sentence, not
    /// in a capitals headline).
    capitalised: u16,
    /// Written in lower case anywhere.
    lowercase: u16,
}

/// What the tagger knows about the document a sentence belongs to.
#[derive(Clone, Debug, Default)]
pub struct DocumentContext {
    case_profiles: WordMap<CaseProfile>,
    /// Labels given in earlier sentences to capitalised occurrences of a word: counts of
    /// `O`, PER, ORG, LOC, MISC.
    history: WordMap<[u16; 5]>,
    /// Labels a first pass over the whole document gave to capitalised occurrences of a
    /// word (same counts as `history`), for a second pass that sees later mentions too.
    first_pass: WordMap<[u16; 5]>,
    /// The words around the capitalised occurrences of a word anywhere in the document
    /// (hashes of "previous word" and "next word" features, at most
    /// [`MAX_AGGREGATED_CONTEXTS`] each): "Clinton" in a headline learns from "President
    /// Clinton said" further down.
    contexts: WordMap<Vec<u64>>,
}

/// How many distinct neighbour features a word collects from its document.
const MAX_AGGREGATED_CONTEXTS: usize = 16;

impl DocumentContext {
    /// Reads the capitalisation of every word of the document's sentences.
    pub fn new<'a, S: AsRef<[&'a str]>>(sentences: &[S]) -> DocumentContext {
        let mut case_profiles: WordMap<CaseProfile> = WordMap::default();
        let mut contexts: WordMap<Vec<u64>> = WordMap::default();
        for sentence in sentences {
            let words = sentence.as_ref();
            let headline = is_all_caps_sentence(words);
            for (i, word) in words.iter().enumerate() {
                if is_capitalised(word) && word.chars().any(char::is_lowercase) {
                    let seen = contexts.entry(normalise(word)).or_default();
                    let prev = if i == 0 { BOUNDARY.to_owned() } else { normalise(words[i - 1]) };
                    let next = words.get(i + 1).map_or_else(|| BOUNDARY.to_owned(), |w| normalise(w));
                    for hash in [FeatureHasher::new(28).str(&prev).finish(), FeatureHasher::new(29).str(&next).finish()] {
                        if seen.len() < MAX_AGGREGATED_CONTEXTS && !seen.contains(&hash) {
                            seen.push(hash);
                        }
                    }
                }
                if is_lowercase_word(word) {
                    case_profiles.entry(normalise(word)).or_default().lowercase += 1;
                } else if is_capitalised(word) && i > 0 && !headline && !matches!(words[i - 1], "\"" | "(" | ":" | "-" | "--" | "'") {
                    let profile = case_profiles.entry(normalise(word)).or_default();
                    profile.capitalised = profile.capitalised.saturating_add(1);
                }
            }
        }
        DocumentContext { case_profiles, history: WordMap::default(), first_pass: WordMap::default(), contexts }
    }

    /// Records the tags the tagger gave one sentence, for the sentences after it.
    pub fn remember(&mut self, words: &[&str], tags: &[crate::tags::Tag]) {
        count_labels(&mut self.history, words, tags);
    }

    /// Starts a second pass: the tags of the first pass over every sentence become a
    /// document-wide feature, and the sentence-by-sentence memory starts again.
    pub fn start_second_pass<'a, S: AsRef<[&'a str]>>(&mut self, sentences: &[S], tags: &[Vec<crate::tags::Tag>]) {
        self.first_pass.clear();
        for (words, tags) in sentences.iter().zip(tags) {
            count_labels(&mut self.first_pass, words.as_ref(), tags);
        }
        self.history.clear();
    }

    /// 0 unseen, 1 only capitalised, 2 only lower case, 3 both.
    fn case_class(&self, normalised: &str) -> u8 {
        match self.case_profiles.get(normalised) {
            None => 0,
            Some(p) => match (p.capitalised > 0, p.lowercase > 0) {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            },
        }
    }

    /// The label most often given to the word before (0 = `O`), if it was seen.
    fn remembered_label(&self, normalised: &str) -> Option<u8> {
        self.history.get(normalised).map(majority_label)
    }

    /// The label the first pass gave the word most often in the whole document.
    fn first_pass_label(&self, normalised: &str) -> Option<u8> {
        self.first_pass.get(normalised).map(majority_label)
    }
}

fn count_labels(counts: &mut WordMap<[u16; 5]>, words: &[&str], tags: &[crate::tags::Tag]) {
    for (word, tag) in words.iter().zip(tags) {
        if !is_capitalised(word) {
            continue;
        }
        let slot = tag.label().map_or(0, |l| 1 + l as usize);
        let entry = counts.entry(normalise(word)).or_default();
        entry[slot] = entry[slot].saturating_add(1);
    }
}

/// The most frequent entity label (1–4), or 0 when the word was never in an entity. An
/// entity label wins over `O`: one mention as a name is strong evidence.
fn majority_label(counts: &[u16; 5]) -> u8 {
    let best_entity = (1..5).max_by_key(|&k| (counts[k], std::cmp::Reverse(k))).filter(|&k| counts[k] > 0);
    best_entity.unwrap_or(0) as u8
}

/// A list a gazetteer phrase comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GazetteerList {
    /// Entities of a labelled corpus, under their label.
    Entity(Label),
    FirstName,
    LastName,
    Place,
}

impl GazetteerList {
    /// The list's bit in [`Gazetteer::lookup`]'s result.
    pub fn mask(self) -> u8 {
        1 << self.bit()
    }

    fn bit(self) -> u8 {
        match self {
            GazetteerList::Entity(label) => label as u8,
            GazetteerList::FirstName => 4,
            GazetteerList::LastName => 5,
            GazetteerList::Place => 6,
        }
    }
}

/// Known phrases (up to [`Gazetteer::MAX_WORDS`] words, compared in lower case) with the
/// lists they are on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gazetteer {
    /// 48-bit hash of the normalised phrase → bit set of [`GazetteerList`]s.
    entries: HashKeyed<u8>,
}

impl Gazetteer {
    pub const MAX_WORDS: usize = 4;

    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Bits of a phrase hash that are kept (and stored in a model file).
    pub const HASH_BITS: u32 = 48;

    fn phrase_hash<S: AsRef<str>>(words: &[S]) -> u64 {
        let norms: Vec<String> = words.iter().map(|w| normalise(w.as_ref())).collect();
        Self::normalised_phrase_hash(&norms)
    }

    fn normalised_phrase_hash<S: AsRef<str>>(norms: &[S]) -> u64 {
        let mut h = FeatureHasher::new(0xee);
        for w in norms {
            h = h.str(w.as_ref());
        }
        h.finish() & ((1 << Self::HASH_BITS) - 1)
    }

    /// Adds a phrase to a list; phrases longer than [`Gazetteer::MAX_WORDS`] are ignored.
    pub fn insert<S: AsRef<str>>(&mut self, words: &[S], list: GazetteerList) {
        if words.is_empty() || words.len() > Self::MAX_WORDS {
            return;
        }
        *self.entries.entry(Self::phrase_hash(words)).or_default() |= 1 << list.bit();
    }

    /// Adds every phrase of `other`.
    pub fn extend(&mut self, other: &Gazetteer) {
        for (&hash, &bits) in &other.entries {
            *self.entries.entry(hash).or_default() |= bits;
        }
    }

    /// Reads a word list, one phrase a line (words separated by spaces; blank lines and
    /// lines starting with `#` skipped).
    pub fn insert_lines(&mut self, text: &str, list: GazetteerList) {
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            self.insert(&words, list);
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The list bits of a phrase (0 when it is on no list).
    pub fn lookup<S: AsRef<str>>(&self, words: &[S]) -> u8 {
        self.entries.get(&Self::phrase_hash(words)).copied().unwrap_or(0)
    }

    /// The stored form: (phrase hash, label bits), sorted.
    pub fn entries(&self) -> Vec<(u64, u8)> {
        let mut entries: Vec<(u64, u8)> = self.entries.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        entries
    }

    pub fn from_entries(entries: impl IntoIterator<Item = (u64, u8)>) -> Gazetteer {
        Gazetteer { entries: entries.into_iter().collect() }
    }

    /// For each token, the (list, position) pairs of the gazetteer phrases that cover it,
    /// as bit `4 * list + position` (B, I, L, U).
    #[cfg(test)]
    fn matches(&self, words: &[&str]) -> Vec<u32> {
        let norms: Vec<String> = words.iter().map(|w| normalise(w)).collect();
        self.matches_normalised(words, &norms)
    }

    /// [`Gazetteer::matches`] with the words' normalised forms already at hand.
    fn matches_normalised(&self, words: &[&str], norms: &[String]) -> Vec<u32> {
        let mut out = vec![0u32; words.len()];
        if self.entries.is_empty() {
            return out;
        }
        for start in 0..words.len() {
            // Phrases start with a capitalised word or a number; nothing else is worth a look.
            if !words[start].chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
                continue;
            }
            for len in 1..=Self::MAX_WORDS.min(words.len() - start) {
                let Some(&bits) = self.entries.get(&Self::normalised_phrase_hash(&norms[start..start + len])) else { continue };
                for label in 0..8u32 {
                    if bits & (1 << label) == 0 {
                        continue;
                    }
                    for (k, slot) in out[start..start + len].iter_mut().enumerate() {
                        let position = if len == 1 {
                            3
                        } else if k == 0 {
                            0
                        } else if k + 1 == len {
                            2
                        } else {
                            1
                        };
                        *slot |= 1 << (4 * label + position);
                    }
                }
            }
        }
        out
    }
}

/// The features of the tokens of one sentence: token `i` has
/// `hashes[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    pub hashes: Vec<u64>,
    pub offsets: Vec<usize>,
}

impl SentenceFeatures {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn token(&self, i: usize) -> &[u64] {
        &self.hashes[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Per-token strings that several templates share.
struct TokenView {
    norm: String,
    shape: String,
    short: String,
}

const BOUNDARY: &str = "<s>";

/// Computes the features of every token of `words` into `out` (cleared first): the
/// [`static_features`] of each token followed by its [`dynamic_features`].
pub fn sentence_features(words: &[&str], doc: &DocumentContext, gazetteer: &Gazetteer, out: &mut SentenceFeatures) {
    let mut fixed = SentenceFeatures::default();
    let mut dynamic = SentenceFeatures::default();
    static_features(words, doc, gazetteer, &mut fixed);
    dynamic_features(words, doc, &mut dynamic);
    out.hashes.clear();
    out.offsets.clear();
    out.offsets.push(0);
    for i in 0..fixed.len() {
        out.hashes.extend_from_slice(fixed.token(i));
        out.hashes.extend_from_slice(dynamic.token(i));
        out.offsets.push(out.hashes.len());
    }
}

/// Whether token `i` opens its sentence (after an opening quote or bracket at most).
fn is_first(words: &[&str], i: usize) -> bool {
    i == 0 || (i == 1 && matches!(words[0], "\"" | "(" | "-" | "'"))
}

/// The features that depend on what the tagger decided elsewhere in the document (earlier
/// sentences, a first pass): they change between passes, the others do not.
pub fn dynamic_features(words: &[&str], doc: &DocumentContext, out: &mut SentenceFeatures) {
    out.hashes.clear();
    out.offsets.clear();
    out.offsets.push(0);
    let headline = is_all_caps_sentence(words);
    let f = FeatureHasher::new;
    for (i, word) in words.iter().enumerate() {
        if is_capitalised(word) && (!doc.history.is_empty() || !doc.first_pass.is_empty()) {
            let norm = normalise(word);
            let short = short_shape(word);
            let opens = is_first(words, i) || headline;
            if let Some(label) = doc.remembered_label(&norm) {
                out.hashes.push(f(24).byte(label).finish());
                out.hashes.push(f(25).byte(label).str(&short).byte(u8::from(opens)).finish());
            }
            if let Some(label) = doc.first_pass_label(&norm) {
                out.hashes.push(f(33).byte(label).finish());
                out.hashes.push(f(34).byte(label).str(&short).byte(u8::from(opens)).finish());
            }
        }
        out.offsets.push(out.hashes.len());
    }
}

/// The features that stay the same for a sentence of a given document whatever the
/// tagger decides: the token, its neighbours, its document's capitalisation and
/// contexts, and the gazetteer.
pub fn static_features(words: &[&str], doc: &DocumentContext, gazetteer: &Gazetteer, out: &mut SentenceFeatures) {
    out.hashes.clear();
    out.offsets.clear();
    out.offsets.push(0);
    let views: Vec<TokenView> = words.iter().map(|w| TokenView { norm: normalise(w), shape: shape(w), short: short_shape(w) }).collect();
    let headline = is_all_caps_sentence(words);
    let norms: Vec<String> = views.iter().map(|v| v.norm.clone()).collect();
    let gazetteer_hits = gazetteer.matches_normalised(words, &norms);
    // Positions outside the sentence read as its boundary.
    let within = |i: isize| usize::try_from(i).ok().filter(|&i| i < views.len());
    let norm_at = |i: isize| within(i).map_or(BOUNDARY, |i| views[i].norm.as_str());
    let short_at = |i: isize| within(i).map_or(BOUNDARY, |i| views[i].short.as_str());
    let classes: Vec<WordClass> = views.iter().map(|v| word_class(&v.norm).unwrap_or(WordClass::NONE)).collect();
    let class_at = |i: isize| within(i).map_or(WordClass::BOUNDARY, |i| classes[i]);
    for (i, view) in views.iter().enumerate() {
        let word = words[i];
        let h = &mut out.hashes;
        let at = i as isize;
        let f = FeatureHasher::new;
        h.push(f(0).finish());
        h.push(f(1).str(&view.norm).finish());
        h.push(f(2).str(word).finish());
        h.push(f(3).str(&view.shape).finish());
        h.push(f(4).str(&view.short).finish());
        // Affixes of up to four characters, sliced at character boundaries.
        let boundaries: Vec<usize> = view.norm.char_indices().map(|(b, _)| b).chain(std::iter::once(view.norm.len())).collect();
        let char_count = boundaries.len() - 1;
        for n in 1..=4.min(char_count) {
            let prefix = &view.norm[..boundaries[n]];
            let suffix = &view.norm[boundaries[char_count - n]..];
            h.push(f(5).byte(n as u8).str(prefix).finish());
            h.push(f(6).byte(n as u8).str(suffix).finish());
        }
        h.push(f(7).str(norm_at(at - 1)).finish());
        h.push(f(8).str(norm_at(at + 1)).finish());
        h.push(f(9).str(norm_at(at - 2)).finish());
        h.push(f(10).str(norm_at(at + 2)).finish());
        h.push(f(11).str(short_at(at - 1)).finish());
        h.push(f(12).str(short_at(at + 1)).finish());
        h.push(f(13).str(short_at(at - 1)).str(&view.short).finish());
        h.push(f(14).str(&view.short).str(short_at(at + 1)).finish());
        h.push(f(15).str(short_at(at - 1)).str(&view.short).str(short_at(at + 1)).finish());
        h.push(f(16).str(norm_at(at - 1)).str(&view.norm).finish());
        h.push(f(17).str(&view.norm).str(norm_at(at + 1)).finish());
        h.push(f(18).str(norm_at(at - 1)).str(&view.short).finish());
        h.push(f(19).str(&view.short).str(norm_at(at + 1)).finish());
        let first = is_first(words, i);
        h.push(f(20).byte(u8::from(first)).byte(u8::from(headline)).str(&view.short).finish());
        h.push(f(21).byte(u8::from(i + 1 == words.len())).str(&view.short).finish());
        h.push(f(22).byte(words.len().min(5) as u8).byte(u8::from(headline)).finish());
        let case_class = doc.case_class(&view.norm);
        h.push(f(23).byte(case_class).str(&view.short).byte(u8::from(first || headline)).finish());
        if let Some(contexts) = doc.contexts.get(&view.norm) {
            h.extend_from_slice(contexts);
        }
        h.push(f(30).str(norm_at(at - 2)).str(norm_at(at - 1)).finish());
        h.push(f(31).str(norm_at(at + 1)).str(norm_at(at + 2)).finish());
        h.push(f(32).str(norm_at(at - 1)).str(norm_at(at + 1)).finish());
        let (left, here, right) = (class_at(at - 1), classes[i], class_at(at + 1));
        h.push(f(40).u16(here.fine).finish());
        h.push(f(41).u16(left.fine).finish());
        h.push(f(42).u16(right.fine).finish());
        h.push(f(43).u16(here.fine).str(&view.short).finish());
        h.push(f(44).u16(left.coarse).u16(here.coarse).u16(right.coarse).finish());
        let hits = gazetteer_hits[i];
        if hits != 0 {
            for bit in 0..32u8 {
                if hits & (1 << bit) != 0 {
                    h.push(f(26).byte(bit).finish());
                    h.push(f(27).byte(bit).byte(u8::from(is_capitalised(word))).finish());
                }
            }
        }
        out.offsets.push(out.hashes.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{Position, Tag};

    fn features(words: &[&str], doc: &DocumentContext) -> SentenceFeatures {
        let mut out = SentenceFeatures::default();
        sentence_features(words, doc, &Gazetteer::new(), &mut out);
        out
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Blackburn"), "Xxxxx");
        assert_eq!(shape("EU"), "XX");
        assert_eq!(shape("1996-08-22"), "dddd-dd-dd");
        assert_eq!(short_shape("1996-08-22"), "d-d-d");
        assert_eq!(short_shape("McDonald's"), "XxXx'x");
        assert_eq!(normalise("Year-1996"), "year-0000");
    }

    #[test]
    fn every_token_gets_features_and_hashes_are_stable() {
        let words = ["Peter", "Blackburn", "visited", "Bonn", "."];
        let doc = DocumentContext::new(&[&words[..]]);
        let a = features(&words, &doc);
        let b = features(&words, &doc);
        assert_eq!(a.len(), words.len());
        assert_eq!(a.hashes, b.hashes);
        assert!(a.token(0).len() > 20);
        // The same word in the same context has the same features; a different word does not.
        let other = features(&["Paul", "Blackburn", "visited", "Bonn", "."], &doc);
        assert_ne!(a.token(0), other.token(0));
        assert_eq!(a.token(4), other.token(4));
        // Pinned: the hash of the bias feature never changes, or shipped models break.
        assert_eq!(a.token(0)[0], FeatureHasher::new(0).finish());
        assert_eq!(FeatureHasher::new(0).finish(), 0x25fc_6dd3_6ce0_4b20, "{:#x}", FeatureHasher::new(0).finish());
    }

    #[test]
    fn document_case_and_history() {
        let headline = ["BLACKBURN", "WINS", "IN", "BONN"];
        let body = ["Peter", "Blackburn", "won", "the", "race", "in", "Bonn", "."];
        let mut doc = DocumentContext::new(&[&headline[..], &body[..]]);
        assert!(is_all_caps_sentence(&headline));
        assert!(!is_all_caps_sentence(&body));
        assert_eq!(doc.case_class("blackburn"), 1);
        assert_eq!(doc.case_class("wins"), 0);
        assert_eq!(doc.case_class("the"), 2);
        let person = Tag::new(Label::Person, Position::Unit);
        doc.remember(&["Blackburn", "said"], &[person, Tag::OUTSIDE]);
        assert_eq!(doc.remembered_label("blackburn"), Some(1));
        assert_eq!(doc.remembered_label("said"), None);
        let before = features(&headline, &DocumentContext::new(&[&headline[..], &body[..]]));
        let after = features(&headline, &doc);
        assert!(after.token(0).len() > before.token(0).len());
    }

    #[test]
    fn gazetteer_marks_phrase_positions() {
        let mut gazetteer = Gazetteer::new();
        gazetteer.insert(&["New", "York"], GazetteerList::Entity(Label::Location));
        gazetteer.insert_lines("# places\nReuters\n\n", GazetteerList::Place);
        let hits = gazetteer.matches(&["In", "NEW", "YORK", ",", "Reuters", "said"]);
        let loc = Label::Location as u32;
        let org = 6;
        assert_eq!(hits[0], 0);
        assert_eq!(hits[1], 1 << (4 * loc));
        assert_eq!(hits[2], 1 << (4 * loc + 2));
        assert_eq!(hits[4], 1 << (4 * org + 3));
        assert_eq!(hits[5], 0);
    }
}
