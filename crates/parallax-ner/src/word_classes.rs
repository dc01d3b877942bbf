//! Word classes: each of 21,745 common lower-case English words in one of 64 coarse and one
//! of 512 fine classes, found by spherical k-means over all-MiniLM-L6-v2's input word
//! embeddings (`models/word-classes/`, its `MODEL_CARD.md` and `derive.py`). Words that mean
//! alike share a class ("said", "stated", "argued", "insisted"), so a feature over the class
//! carries what training saw of one word to the others. The table is compiled in and read
//! once, on first use.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::features::FnvHasher;

static TABLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/word-classes/en-minilm.tsv"));

/// A word's two classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordClass {
    /// One of 64.
    pub coarse: u16,
    /// One of 512.
    pub fine: u16,
}

impl WordClass {
    /// The class of a word the table lacks.
    pub const NONE: WordClass = WordClass { coarse: u16::MAX, fine: u16::MAX };
    /// The class of the positions before and after a sentence.
    pub const BOUNDARY: WordClass = WordClass { coarse: u16::MAX - 1, fine: u16::MAX - 1 };
}

type ClassMap = HashMap<&'static str, WordClass, BuildHasherDefault<FnvHasher>>;

/// The classes of a lower-case word, `None` for words the table lacks (rare words, names,
/// numbers, punctuation).
pub fn word_class(lower: &str) -> Option<WordClass> {
    static CLASSES: OnceLock<ClassMap> = OnceLock::new();
    CLASSES.get_or_init(|| parse(TABLE)).get(lower).copied()
}

/// `word<TAB>coarse<TAB>fine` lines; a malformed line is skipped (the table is ours and a
/// test pins that every line parses).
fn parse(table: &'static str) -> ClassMap {
    table
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let word = fields.next()?;
            let coarse = fields.next()?.parse().ok()?;
            let fine = fields.next()?.parse().ok()?;
            Some((word, WordClass { coarse, fine }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_parses() {
        assert_eq!(parse(TABLE).len(), TABLE.lines().count());
    }

    #[test]
    fn verbs_of_saying_share_a_class_and_weekdays_another() {
        let said = word_class("said").unwrap();
        assert_eq!(word_class("stated").unwrap().fine, said.fine);
        assert_eq!(word_class("insisted").unwrap().fine, said.fine);
        assert_eq!(word_class("tuesday").unwrap().coarse, word_class("monday").unwrap().coarse);
        assert_ne!(word_class("monday").unwrap().coarse, said.coarse);
        assert_eq!(word_class("Said"), None, "the table is lower case");
        assert_eq!(word_class("xqzv"), None);
    }
}
