//! BERT's uncased WordPiece tokenizer, read from a `vocab.txt`.
//!
//! It reproduces what `BertTokenizer(do_lower_case=True)` (and the `tokenizers` crate's
//! `BertNormalizer` + `BertPreTokenizer` + `WordPiece`) do: control characters dropped and
//! whitespace unified, CJK ideographs split off, accents stripped (NFD, combining marks
//! removed), lowercase; words split at whitespace and at every punctuation character; each
//! word greedily split into the longest vocabulary pieces from its start, continuations
//! prefixed `##`, a word with no split (or longer than 100 characters) becoming `[UNK]`.
//! The sequence is `[CLS] pieces… [SEP]`, truncated to a maximum length.

use std::collections::HashMap;
use unicode_general_category::{get_general_category, GeneralCategory};
use unicode_normalization::UnicodeNormalization;

/// Longer words are one `[UNK]`, as in BERT.
const MAX_CHARS_PER_WORD: usize = 100;

/// The special tokens a BERT vocabulary must hold.
const SPECIAL: [&str; 4] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"];

/// A vocabulary and the ids of its special tokens.
#[derive(Debug, Clone)]
pub struct WordPieceTokenizer {
    ids: HashMap<String, u32>,
    pad: u32,
    unk: u32,
    cls: u32,
    sep: u32,
}

/// Why a vocabulary was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VocabError {
    #[error("the vocabulary has no {0} token")]
    MissingSpecial(&'static str),
    #[error("the vocabulary is empty")]
    Empty,
}

impl WordPieceTokenizer {
    /// Reads a `vocab.txt`: one token per line, its id the line number from 0.
    pub fn from_vocab(text: &str) -> Result<Self, VocabError> {
        let mut ids = HashMap::new();
        for (id, token) in text.lines().enumerate() {
            let token = token.trim_end_matches('\r');
            // A repeated token keeps its first id, as BERT's loader does.
            ids.entry(token.to_owned()).or_insert(id as u32);
        }
        if ids.is_empty() {
            return Err(VocabError::Empty);
        }
        let special = |name: &'static str| ids.get(name).copied().ok_or(VocabError::MissingSpecial(name));
        let [pad, unk, cls, sep] = [special(SPECIAL[0])?, special(SPECIAL[1])?, special(SPECIAL[2])?, special(SPECIAL[3])?];
        Ok(Self { ids, pad, unk, cls, sep })
    }

    /// The id that pads a sequence (`[PAD]`).
    pub fn pad_id(&self) -> u32 {
        self.pad
    }

    /// How many tokens the vocabulary holds.
    pub fn vocab_size(&self) -> usize {
        self.ids.len()
    }

    /// The ids of `[CLS] pieces… [SEP]`, at most `max_len` of them (at least the two
    /// markers): pieces past the limit are dropped.
    pub fn encode(&self, text: &str, max_len: usize) -> Vec<u32> {
        let room = max_len.max(2) - 2;
        let mut out = vec![self.cls];
        for word in pre_tokenize(&normalize(text)) {
            if out.len() > room {
                break;
            }
            self.word_pieces(&word, &mut out);
        }
        out.truncate(room + 1);
        out.push(self.sep);
        out
    }

    /// The token strings of a text, without the markers; for tests and debugging.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let by_id: HashMap<u32, &str> = self.ids.iter().map(|(t, &id)| (id, t.as_str())).collect();
        let ids = self.encode(text, usize::MAX);
        ids[1..ids.len() - 1].iter().map(|id| by_id.get(id).copied().unwrap_or("[UNK]").to_owned()).collect()
    }

    /// Greedy longest-match-first split of one word into vocabulary pieces.
    fn word_pieces(&self, word: &str, out: &mut Vec<u32>) {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > MAX_CHARS_PER_WORD {
            out.push(self.unk);
            return;
        }
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut candidate = String::new();
        while start < chars.len() {
            let mut end = chars.len();
            let mut found = None;
            while start < end {
                candidate.clear();
                if start > 0 {
                    candidate.push_str("##");
                }
                candidate.extend(&chars[start..end]);
                if let Some(&id) = self.ids.get(&candidate) {
                    found = Some(id);
                    break;
                }
                end -= 1;
            }
            match found {
                Some(id) => pieces.push(id),
                None => {
                    out.push(self.unk);
                    return;
                }
            }
            start = end;
        }
        out.extend(pieces);
    }
}

/// BERT's normaliser for uncased models.
fn normalize(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || is_control(c) {
            continue;
        }
        if is_chinese_char(c) {
            cleaned.push(' ');
            cleaned.push(c);
            cleaned.push(' ');
        } else if is_whitespace(c) {
            cleaned.push(' ');
        } else {
            cleaned.push(c);
        }
    }
    cleaned.nfd().filter(|&c| get_general_category(c) != GeneralCategory::NonspacingMark).flat_map(char::to_lowercase).collect()
}

/// Splits at whitespace (dropped) and around every punctuation character (kept alone).
fn pre_tokenize(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if is_whitespace(c) || is_punctuation(c) {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            if is_punctuation(c) {
                words.push(c.to_string());
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn is_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || c.is_whitespace()
}

/// Unicode's "other" categories (Cc, Cf, Co, Cs, Cn), except the whitespace controls.
fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    use GeneralCategory::*;
    matches!(get_general_category(c), Control | Format | PrivateUse | Surrogate | Unassigned)
}

/// ASCII symbols count as punctuation for BERT (`$`, `+`, `^`, …), as do Unicode's P* categories.
fn is_punctuation(c: char) -> bool {
    if c.is_ascii_punctuation() {
        return true;
    }
    use GeneralCategory::*;
    matches!(
        get_general_category(c),
        ConnectorPunctuation
            | DashPunctuation
            | OpenPunctuation
            | ClosePunctuation
            | InitialPunctuation
            | FinalPunctuation
            | OtherPunctuation
    )
}

/// The CJK ideograph blocks BERT splits into single characters.
fn is_chinese_char(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VOCAB: &str = "[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\nport\nwill\nre\n##open\nopen\non\nthursday\n,\n.\n\"\nsab\n##ote\n##ur\n##s\ncafe\nun\n##aff\n##able\n'\n$\n5\n##0\n中\n";

    fn tokenizer() -> WordPieceTokenizer {
        WordPieceTokenizer::from_vocab(VOCAB).unwrap()
    }

    #[test]
    fn words_are_lowercased_split_at_punctuation_and_into_pieces() {
        let t = tokenizer();
        assert_eq!(t.tokens("The port will REOPEN, on Thursday."), ["the", "port", "will", "re", "##open", ",", "on", "thursday", "."]);
        assert_eq!(t.tokens("\"Saboteurs\""), ["\"", "sab", "##ote", "##ur", "##s", "\""]);
        assert_eq!(t.tokens("it's $50"), ["[UNK]", "'", "[UNK]", "$", "5", "##0"]);
    }

    #[test]
    fn accents_are_stripped_and_controls_dropped() {
        let t = tokenizer();
        assert_eq!(t.tokens("Café\u{0000}\u{200b}"), ["cafe"]);
        assert_eq!(t.tokens("Cafe\u{301}\tthe\u{a0}port"), ["cafe", "the", "port"]);
    }

    #[test]
    fn a_word_without_a_full_split_is_one_unknown() {
        let t = tokenizer();
        // "unaffable" splits fully; "unaffablex" leaves an "x" no piece covers.
        assert_eq!(t.tokens("unaffable unaffablex"), ["un", "##aff", "##able", "[UNK]"]);
        assert_eq!(t.tokens(&"a".repeat(101)), ["[UNK]"]);
    }

    #[test]
    fn cjk_ideographs_stand_alone() {
        assert_eq!(tokenizer().tokens("port中port"), ["port", "中", "port"]);
    }

    #[test]
    fn sequences_carry_the_markers_and_are_truncated() {
        let t = tokenizer();
        assert_eq!(t.encode("the port", 256), [2, 4, 5, 3]);
        assert_eq!(t.encode("", 256), [2, 3]);
        assert_eq!(t.encode("the port will reopen", 4), [2, 4, 5, 3]);
        // A word's pieces are cut too when they cross the limit.
        assert_eq!(t.encode("reopen", 3), [2, 7, 3]);
        assert_eq!(t.encode("the port", 0), [2, 3]);
    }

    #[test]
    fn a_vocabulary_needs_the_special_tokens() {
        assert_eq!(WordPieceTokenizer::from_vocab("[PAD]\n[UNK]\n[CLS]\n").unwrap_err(), VocabError::MissingSpecial("[SEP]"));
        assert_eq!(WordPieceTokenizer::from_vocab("").unwrap_err(), VocabError::Empty);
    }
}
