//! The small tokenisation the number scanner works on: runs of letters, runs of ASCII
//! digits, runs of whitespace, and single other characters. Tokens tile the text, so
//! every token boundary is a character boundary and adjacency ("10k", "29km") is a
//! matter of one token ending where the next begins.

use super::lexicon::{classify_word, WordClass};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of alphabetic characters.
    Word,
    /// A run of ASCII digits.
    Digits,
    /// A run of whitespace without a line break.
    Space,
    /// A run of whitespace holding a line break: numbers never continue across it.
    Break,
    /// Any other single character.
    Mark,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// What a word token means to the number grammar (`Other` for every other token).
    pub class: WordClass,
}

pub(super) struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Per token: true inside a web address or an e-mail address, whose digits are no
    /// numbers to read.
    in_link: Vec<bool>,
}

/// Characters that may group digits in threes: space, no-break space, narrow no-break
/// space, thin space, figure space.
pub(super) const GROUP_SPACES: &[char] = &[' ', '\u{a0}', '\u{202f}', '\u{2009}', '\u{2007}'];

fn kind_of(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Digits
    } else if c.is_alphabetic() {
        Kind::Word
    } else if matches!(c, '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}') {
        Kind::Break
    } else if c.is_whitespace() {
        Kind::Space
    } else {
        Kind::Mark
    }
}

impl<'a> Toks<'a> {
    pub fn new(text: &'a str) -> Toks<'a> {
        let mut toks: Vec<Tok> = Vec::new();
        for (start, c) in text.char_indices() {
            let kind = kind_of(c);
            let end = start + c.len_utf8();
            if let Some(last) = toks.last_mut() {
                let joins = match (last.kind, kind) {
                    (Kind::Word, Kind::Word) | (Kind::Digits, Kind::Digits) => true,
                    (Kind::Space | Kind::Break, Kind::Space | Kind::Break) => {
                        if kind == Kind::Break {
                            last.kind = Kind::Break;
                        }
                        true
                    }
                    _ => false,
                };
                if joins {
                    last.end = end;
                    continue;
                }
            }
            toks.push(Tok { start, end, kind, class: WordClass::Other });
        }
        for tok in &mut toks {
            if tok.kind == Kind::Word {
                tok.class = classify_word(&text[tok.start..tok.end]);
            }
        }
        let links = link_spans(text);
        let mut next_link = 0;
        let in_link = toks
            .iter()
            .map(|tok| {
                while links.get(next_link).is_some_and(|&(_, end)| end <= tok.start) {
                    next_link += 1;
                }
                links.get(next_link).is_some_and(|&(start, end)| start <= tok.start && tok.end <= end)
            })
            .collect();
        Toks { text, toks, in_link }
    }

    /// True when token `i` lies inside a web or e-mail address.
    pub fn in_link(&self, i: usize) -> bool {
        self.in_link.get(i).copied().unwrap_or(false)
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|tok| tok.kind)
    }

    pub fn str(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |tok| &self.text[tok.start..tok.end])
    }

    pub fn class(&self, i: usize) -> WordClass {
        self.toks.get(i).map_or(WordClass::Other, |tok| tok.class)
    }

    /// True when token `i` is the word `word`, in any case.
    pub fn is_word(&self, i: usize, word: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.str(i).eq_ignore_ascii_case(word)
    }

    /// The character of a mark token.
    pub fn mark(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(tok) if tok.kind == Kind::Mark => self.text[tok.start..].chars().next(),
            _ => None,
        }
    }

    pub fn is_mark(&self, i: usize, c: char) -> bool {
        self.mark(i) == Some(c)
    }

    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Digits)
    }

    pub fn is_space(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Space)
    }

    /// The index after an optional same-line space at `i`.
    pub fn skip_space(&self, i: usize) -> usize {
        if self.is_space(i) {
            i + 1
        } else {
            i
        }
    }

    /// The index of the word after a required same-line space at `i`, when that word is
    /// `word`: the index after it.
    pub fn spaced_word(&self, i: usize, word: &str) -> Option<usize> {
        (self.is_space(i) && self.is_word(i + 1, word)).then_some(i + 2)
    }

    /// Matches `words` one after another, separated by same-line spaces, starting at `i`;
    /// returns the index after the last.
    pub fn words(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut j = i;
        for (n, word) in words.iter().enumerate() {
            if n > 0 {
                if !self.is_space(j) {
                    return None;
                }
                j += 1;
            }
            if !self.is_word(j, word) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The character just before byte `pos`.
    pub fn char_before(&self, pos: usize) -> Option<char> {
        self.text.get(..pos).and_then(|head| head.chars().next_back())
    }

    /// The character at byte `pos`.
    pub fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|tail| tail.chars().next())
    }

    /// The start byte of token `i`, or the end of the text.
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |tok| tok.start)
    }

    /// The end byte of token `i - 1`, i.e. where the tokens before `i` end.
    pub fn end_before(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.toks.get(i - 1).map_or(self.text.len(), |tok| tok.end)
        }
    }

    /// The last token before `i` that is not same-line whitespace.
    pub fn previous_solid(&self, i: usize) -> Option<usize> {
        let mut j = i.checked_sub(1)?;
        if self.is_space(j) {
            j = j.checked_sub(1)?;
        }
        Some(j)
    }
}

/// True for characters that make a word continue: letters, digits of any script, `_`.
/// Scripts written without spaces between words (Han, kana) do not continue a number:
/// "100元" is a hundred.
pub(super) fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || c == '_') && !is_unspaced_script(c)
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
}

/// Hyphens that join number words ("twenty-one", "fifty - two").
pub(super) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Signs that make a written number negative.
pub(super) fn is_minus(c: char) -> bool {
    matches!(c, '-' | '\u{2212}')
}

/// The byte ranges of web addresses ("https://…", "www.…") and e-mail addresses: runs of
/// non-whitespace holding "://", starting with "www.", or holding "@" before a ".".
pub(crate) fn link_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (pos, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(pos),
            (true, Some(from)) => {
                let chunk = &text[from..pos];
                let email = chunk.find('@').is_some_and(|at| at > 0 && chunk[at..].contains('.'));
                let web = chunk.contains("://") || chunk.get(..4).is_some_and(|head| head.eq_ignore_ascii_case("www."));
                if web || email {
                    spans.push((from, pos));
                }
                start = None;
            }
            _ => {}
        }
    }
    spans
}
