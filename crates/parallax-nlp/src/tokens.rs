//! Tokenisation inside sentences.
//!
//! Words keep internal apostrophes, hyphens and periods ("don't", "Kassym-Jomart",
//! "U.S."), numbers keep their separators ("2,500", "3.5"), and every other
//! non-space character is a token of its own.

use parallax_core::layer::{Sentences, Tokens};
use parallax_core::{Document, LayerKind, Span, Stage, StageError, Token, TokenKind};

pub struct Tokenizer;

impl Stage for Tokenizer {
    fn name(&self) -> &'static str {
        "tokens"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Sentences]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Tokens]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text().as_str();
        let tokens = doc.layer::<Sentences>()?.iter().flat_map(|s| tokenize(text, s.span)).collect();
        doc.set_layer::<Tokens>(tokens)?;
        Ok(())
    }
}

/// Tokens of `text[within]`, with absolute spans.
pub fn tokenize(text: &str, within: Span) -> Vec<Token> {
    let Some(body) = text.get(within.range()) else { return Vec::new() };
    let base = within.start();
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let byte_at = |index: usize| chars.get(index).map_or(body.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let kind;
        let mut j = i + 1;
        if c.is_alphanumeric() {
            kind = if c.is_numeric() { TokenKind::Number } else { TokenKind::Word };
            while j < chars.len() {
                let ch = chars[j].1;
                let next_is_alnum = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                let next_is_digit = chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                if ch.is_alphanumeric()
                    || (matches!(ch, '\'' | '’' | '-' | '‑') && next_is_alnum && kind == TokenKind::Word)
                    || (matches!(ch, ',' | '.') && next_is_digit && kind == TokenKind::Number)
                    || (ch == '.' && next_is_alnum && kind == TokenKind::Word && chars[j - 1].1.is_uppercase())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // Keep the final period of a dotted acronym ("U.S.").
            let word = &body[start..byte_at(j)];
            if kind == TokenKind::Word && word.contains('.') && chars.get(j).is_some_and(|&(_, ch)| ch == '.') {
                j += 1;
            }
        } else {
            kind = if c.is_ascii_punctuation() || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '–' | '«' | '»') {
                TokenKind::Punctuation
            } else {
                TokenKind::Symbol
            };
        }
        let end = byte_at(j);
        if let Ok(span) = Span::new(base + start, base + end) {
            tokens.push(Token { span, kind });
        }
        i = j;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()).unwrap()).iter().map(|t| &text[t.span.range()]).collect()
    }

    #[test]
    fn keeps_words_numbers_and_acronyms_whole() {
        assert_eq!(
            words("U.S. troops (2,500) didn't enter Kassym-Jomart’s 3.5km zone."),
            ["U.S.", "troops", "(", "2,500", ")", "didn't", "enter", "Kassym-Jomart’s", "3.5km", "zone", "."]
        );
    }

    proptest! {
        #[test]
        fn tokens_are_ordered_inside_and_cover_non_space(text in "\\PC{0,120}") {
            let tokens = tokenize(&text, Span::new(0, text.len()).unwrap());
            let mut last = 0;
            for t in &tokens {
                prop_assert!(t.span.start() >= last && t.span.end() <= text.len() && !t.span.is_empty());
                prop_assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
                last = t.span.end();
            }
            let covered: usize = tokens.iter().map(|t| t.span.len()).sum();
            let non_space: usize = text.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum();
            prop_assert_eq!(covered, non_space);
        }
    }
}
