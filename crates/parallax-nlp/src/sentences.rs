//! Sentence segmentation.
//!
//! Sentences never cross a block (line) boundary and never enter boilerplate. Inside a
//! block a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after
//! it) when whitespace follows and the next word starts like a sentence: an uppercase
//! letter, a digit, or an opening quote. A period after a known abbreviation, an initial
//! ("Antony J. Blinken") or a dotted acronym ("U.S.") does not end a sentence unless the
//! next word is a typical sentence opener.
//!
//! Invariant (tested with arbitrary input): sentence spans are ordered, disjoint, trimmed,
//! lie inside blocks, and cover every non-whitespace byte of every non-boilerplate block.

use crate::lexicon::{ABBREVIATIONS, SENTENCE_STARTERS};
use crate::text_util::{is_closing_quote, is_opening_quote, trimmed};
use parallax_core::layer::{Blocks, Boilerplate, Sentences};
use parallax_core::{Document, LayerKind, Sentence, Span, Stage, StageError};

pub struct SentenceSplitter;

impl Stage for SentenceSplitter {
    fn name(&self) -> &'static str {
        "sentences"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Blocks, LayerKind::Boilerplate]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Sentences]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text().as_str();
        let furniture: Vec<Span> = doc.layer::<Boilerplate>()?.iter().map(|b| b.span).collect();
        let mut sentences = Vec::new();
        for block in doc.layer::<Blocks>()? {
            if furniture.iter().any(|f| f.overlaps(block.span)) {
                continue;
            }
            sentences.extend(split_block(text, block.span).into_iter().map(|span| Sentence { span }));
        }
        sentences.sort_by_key(|s| s.span.start());
        doc.set_layer::<Sentences>(sentences)?;
        Ok(())
    }
}

/// Splits one block of `text` into trimmed sentence spans.
pub fn split_block(text: &str, block: Span) -> Vec<Span> {
    let Some(body) = text.get(block.range()) else { return Vec::new() };
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they close.
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if is_closing_quote(next) || matches!(next, ')' | ']' | '.' | '!' | '?') {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if ends_sentence(body, i, c, end) {
            spans.extend(trimmed(text, block.start() + start, block.start() + end));
            start = end;
        }
    }
    spans.extend(trimmed(text, block.start() + start, block.end()));
    spans
}

/// Whether the punctuation `mark` at `at`, with its closers running to `end`, ends a
/// sentence in `body`.
fn ends_sentence(body: &str, at: usize, mark: char, end: usize) -> bool {
    let rest = &body[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() || after_space.is_empty() {
        // No whitespace after it ("U.S.-led", "3.5"), or the end of the block.
        return false;
    }
    let next_word: &str = after_space.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    let Some(first) = next_word.chars().next() else { return false };
    let starts_like_sentence = first.is_uppercase() || first.is_ascii_digit() || is_opening_quote(first) || first == '(';
    if !starts_like_sentence {
        return false;
    }
    if mark != '.' || end > at + 1 {
        return true;
    }
    let word_before = body[..at].rsplit(|c: char| c.is_whitespace() || c == '(' || is_opening_quote(c)).next().unwrap_or("");
    if word_before.is_empty() {
        return true;
    }
    let is_initial = word_before.chars().count() == 1 && word_before.chars().all(char::is_uppercase);
    let is_abbreviation = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word_before));
    let is_dotted_acronym = word_before.contains('.') && word_before.chars().all(|c| c.is_alphabetic() || c == '.');
    if is_initial || is_abbreviation {
        return false;
    }
    if is_dotted_acronym {
        let next_clean = next_word.trim_matches(|c: char| !c.is_alphanumeric());
        return SENTENCE_STARTERS.contains(&next_clean);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::analyse;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        let block = Span::new(0, text.len()).unwrap();
        split_block(text, block).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn splits_news_sentences() {
        assert_eq!(
            split("U.S. Secretary of State Antony J. Blinken spoke on Thursday. He left. “It is over,” she said."),
            ["U.S. Secretary of State Antony J. Blinken spoke on Thursday.", "He left.", "“It is over,” she said."]
        );
        assert_eq!(split("Gen. Ola met Dr. Kim at 3.5 km. It rained."), ["Gen. Ola met Dr. Kim at 3.5 km.", "It rained."]);
        assert_eq!(split("“What talks can we hold?” he asked. Nobody knew."), ["“What talks can we hold?” he asked.", "Nobody knew."]);
        assert_eq!(split("They left the U.S. The next day they flew."), ["They left the U.S.", "The next day they flew."]);
        assert_eq!(split("people are suffering. . This must stop."), ["people are suffering. .", "This must stop."]);
        assert_eq!(split("He said: “We leave. Then we fight.”"), ["He said: “We leave.", "Then we fight.”"]);
    }

    /// Checks the tiling invariant for `text`.
    fn assert_tiles(text: &str) {
        let mut doc = Document::new("p", text, Default::default());
        crate::structure::PlainTextStructure.annotate(&mut doc).unwrap();
        SentenceSplitter.annotate(&mut doc).unwrap();
        let sentences = doc.layer::<Sentences>().unwrap();
        let furniture: Vec<Span> = doc.layer::<Boilerplate>().unwrap().iter().map(|b| b.span).collect();
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for sentence in sentences {
            let span = sentence.span;
            assert!(span.start() >= last_end, "sentences overlap or are out of order");
            assert!(!span.is_empty() && span.end() <= text.len());
            let slice = doc.slice(span);
            assert_eq!(slice, slice.trim(), "sentence is not trimmed");
            assert!(!furniture.iter().any(|f| f.overlaps(span)), "sentence enters boilerplate");
            covered[span.range()].iter_mut().for_each(|c| *c = true);
            last_end = span.end();
        }
        for f in &furniture {
            covered[f.range()].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in text.char_indices() {
            assert!(c.is_whitespace() || covered[i], "byte {i} ({c:?}) is in no sentence and no boilerplate");
        }
        let _ = analyse(text);
    }

    #[test]
    fn tiles_a_tricky_text() {
        assert_tiles("Head line here\n\nImage source,X\n“Go.” He left…  Then?\r\n. . .\n\u{2028}x");
    }

    proptest! {
        #[test]
        fn sentences_tile_the_text_outside_boilerplate(text in "\\PC{0,200}") {
            assert_tiles(&text);
        }

        #[test]
        fn sentences_tile_sentence_like_text(text in "([A-Z][a-z]{0,6}[ .!?“”\"\n]{1,3}){0,40}") {
            assert_tiles(&text);
        }
    }
}
