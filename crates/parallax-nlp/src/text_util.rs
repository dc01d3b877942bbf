//! Small text helpers shared by the stages. Everything works on byte offsets into the
//! article text and never slices inside a character.

use parallax_core::Span;
use std::ops::Range;

/// The span of `text[range]` with surrounding whitespace removed, or `None` when only
/// whitespace is left.
pub fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let slice = text.get(start..end)?;
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    if leading == slice.len() {
        return None;
    }
    Span::new(start + leading, end - trailing).ok()
}

/// The non-empty lines of `text`, trimmed, as spans.
pub fn line_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            spans.extend(trimmed(text, start, i));
            start = i + 1;
        }
    }
    spans.extend(trimmed(text, start, text.len()));
    spans
}

/// Opening quotation marks, straight and typographic.
pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '«' | '„' | '\'')
}

/// Closing quotation marks, straight and typographic.
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '»' | '\'')
}

/// Words of a string: maximal runs of alphanumerics (apostrophes and hyphens inside kept).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// True when the first character is an uppercase letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lower-cases and strips a simple English plural, for matching content words.
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    let lower = lower.strip_suffix("’s").or_else(|| lower.strip_suffix("'s")).unwrap_or(&lower).to_owned();
    if lower.len() > 4 && lower.ends_with("ies") {
        format!("{}y", &lower[..lower.len() - 3])
    } else if lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") {
        lower[..lower.len() - 1].to_owned()
    } else {
        lower
    }
}

/// Spans of whitespace-separated words in `s`, which starts at `offset` in the text.
pub fn word_spans(s: &str, offset: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(st), true) => {
                spans.extend(Span::new(offset + st, offset + i).ok());
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        spans.extend(Span::new(offset + st, offset + s.len()).ok());
    }
    spans
}

/// A dateline that opens a paragraph: "SARVIC, Dovrania (Eastwind) — ", "KABUL (Reuters) - ".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Its length in bytes, dash and spaces included.
    pub len: usize,
    /// Where the outlet in parentheses stands, relative to the start: "Eastwind".
    pub outlet: Option<Range<usize>>,
}

/// The dateline that opens `s`, if one does: at most eight words before a spaced dash, the
/// first a place in capitals ("SARVIC,", "KABUL"), the others capitalised or in parentheses.
pub fn dateline(s: &str) -> Option<Dateline> {
    // Every sentence and quoted content is asked: the first word rules out nearly all of them
    // before the text is searched for a dash.
    let first = s.split_whitespace().next()?.trim_end_matches(',');
    let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !first.chars().any(char::is_lowercase);
    if !capitals {
        return None;
    }
    let (dash, separator) = [" — ", " – ", " -- ", " - "].iter().filter_map(|sep| s.find(sep).map(|at| (at, *sep))).min()?;
    let prefix = &s[..dash];
    let words: Vec<&str> = prefix.split_whitespace().collect();
    // "DAR SALEM, Oct 14 (Continental Wire) -": the day of the month may stand in it.
    let named = words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '(' || c.is_ascii_digit()));
    if words.len() > 8 || !named {
        return None;
    }
    let outlet = prefix.rfind('(').and_then(|open| {
        let close = open + prefix[open..].find(')')?;
        (close > open + 1).then_some(open + 1..close)
    });
    Some(Dateline { len: dash + separator.len(), outlet })
}

/// The singular demonyms a place name may take: "Kestrian" for "Kestria", "Toskarian" for
/// "Toskar", "Velmoran" for "Velmora", "Kavrani" for "Kavran", "Sudanese" for "Sudan";
/// "-y" takes "-ian" ("Italy"), "-a" also "-ese" ("Dravese" for "Drava").
pub(crate) fn demonym_forms(name: &str) -> Vec<String> {
    let mut forms = vec![format!("{name}n"), format!("{name}an"), format!("{name}ian"), format!("{name}i"), format!("{name}ese")];
    if let Some(stem) = name.strip_suffix('y') {
        forms.push(format!("{stem}ian"));
    }
    if let Some(stem) = name.strip_suffix('a') {
        forms.push(format!("{stem}ese"));
    }
    // "Mexico" → "Mexican", "Sarvelo" → "Sarvelan".
    if let Some(stem) = name.strip_suffix('o') {
        forms.push(format!("{stem}an"));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_blank_lines_dropped() {
        let text = "  Head  \n\n body line \r\n";
        let lines: Vec<&str> = line_spans(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(lines, ["Head", "body line"]);
    }

    #[test]
    fn stems_plurals() {
        assert_eq!(stem("Protesters"), "protester");
        assert_eq!(stem("casualties"), "casualty");
        assert_eq!(stem("chaos"), "chao");
        assert_eq!(stem("Russia’s"), "russia");
    }

    #[test]
    fn datelines_and_their_outlets() {
        let wire = "SARVIC, Dovrania (Eastwind) — The toll rose.";
        let found = dateline(wire).unwrap();
        assert_eq!(&wire[found.len..], "The toll rose.");
        assert_eq!(&wire[found.outlet.unwrap()], "Eastwind");
        let found = dateline("DAR VELL, Oct 14 (Continental Wire) - A drone hit a market.").unwrap();
        assert_eq!(found.len, "DAR VELL, Oct 14 (Continental Wire) - ".len());
        let found = dateline("KABUL - Talks resumed.").unwrap();
        assert_eq!((found.len, found.outlet), (8, None));
        assert_eq!(dateline("The toll rose — again — on Sunday."), None, "a lower-case word is no dateline");
        assert_eq!(dateline("NATO said talks — long stalled — would resume."), None);
    }
}
