//! The CoNLL-style files of the NER benchmarks, read from a string (no I/O here).
//!
//! One token a line, `index<TAB>token<TAB>BIO-tag` (the tag column may be missing when a
//! file is only to be tagged), a blank line between sentences, and a sentence made of the
//! single token `-DOCSTART-` between documents.

use crate::tags::{parse_bio, Label};

/// The token that marks the start of a document.
pub const DOCSTART: &str = "-DOCSTART-";

/// One token line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllToken<'a> {
    /// The first column (the token's index in its sentence), as written.
    pub index: &'a str,
    pub word: &'a str,
    /// The gold tag from the last column, if the line has one.
    pub gold: Option<Option<(bool, Label)>>,
}

/// One sentence of a CoNLL file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConllSentence<'a> {
    pub tokens: Vec<ConllToken<'a>>,
}

impl ConllSentence<'_> {
    /// Whether this sentence is the `-DOCSTART-` marker between documents.
    pub fn is_docstart(&self) -> bool {
        self.tokens.len() == 1 && self.tokens[0].word == DOCSTART
    }

    pub fn words(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.word).collect()
    }
}

/// A line that cannot be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: {problem}")]
pub struct ConllError {
    pub line: usize,
    pub problem: String,
}

/// Reads the sentences of a CoNLL-style file. A line with one column is a bare token; a
/// line with two is `index<TAB>token`; with three or more the last column is the tag, and
/// a tag that is not BIO over PER/ORG/LOC/MISC is an error.
pub fn parse(text: &str) -> Result<Vec<ConllSentence<'_>>, ConllError> {
    let mut sentences = Vec::new();
    let mut current = ConllSentence::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let token = match columns.as_slice() {
            [word] => ConllToken { index: "", word, gold: None },
            [index, word] => ConllToken { index, word, gold: None },
            [index, word, .., tag] => {
                let gold = parse_bio(tag).ok_or_else(|| ConllError { line: number + 1, problem: format!("unknown tag `{tag}`") })?;
                ConllToken { index, word, gold: Some(gold) }
            }
            [] => unreachable!("split always yields one column"),
        };
        if token.word.is_empty() {
            return Err(ConllError { line: number + 1, problem: "empty token".to_owned() });
        }
        current.tokens.push(token);
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Groups sentences into documents at the `-DOCSTART-` markers (which are left out). A
/// file without markers is one document.
pub fn documents<'s, 'a>(sentences: &'s [ConllSentence<'a>]) -> Vec<Vec<&'s ConllSentence<'a>>> {
    let mut documents: Vec<Vec<&ConllSentence>> = vec![Vec::new()];
    for sentence in sentences {
        if sentence.is_docstart() {
            if documents.last().is_some_and(|d| !d.is_empty()) {
                documents.push(Vec::new());
            }
        } else if let Some(last) = documents.last_mut() {
            last.push(sentence);
        }
    }
    documents.retain(|d| !d.is_empty());
    documents
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentences_and_documents() {
        let text = "0\t-DOCSTART-\tO\n\n0\tEU\tB-ORG\n1\trejects\tO\n\n0\tPeter\tB-PER\n1\tBlackburn\tI-PER\n\n\
                    0\t-DOCSTART-\tO\n\n0\tBonn\tB-LOC\n";
        let sentences = parse(text).unwrap();
        assert_eq!(sentences.len(), 5);
        assert!(sentences[0].is_docstart());
        assert_eq!(sentences[2].words(), ["Peter", "Blackburn"]);
        assert_eq!(sentences[2].tokens[1].gold, Some(Some((false, Label::Person))));
        let docs = documents(&sentences);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 2);
        assert_eq!(docs[1][0].words(), ["Bonn"]);
    }

    #[test]
    fn rejects_unknown_tags_with_the_line() {
        let error = parse("0\tParis\tB-GPE\n").unwrap_err();
        assert_eq!(error.line, 1);
    }

    #[test]
    fn tags_are_optional() {
        let sentences = parse("0\tParis\n1\tsleeps\n").unwrap();
        assert_eq!(sentences[0].words(), ["Paris", "sleeps"]);
        assert_eq!(sentences[0].tokens[0].gold, None);
    }
}
