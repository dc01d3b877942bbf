//! Byte spans into an article's text.
//!
//! A [`Span`] is a half-open byte range `start..end` with `start <= end`. The only way to
//! get one that is known to fit a text is [`Text::span`], which also checks that both ends
//! fall on UTF-8 character boundaries; [`crate::Document`] re-checks every span it is given
//! (and every span it deserialises), so a span stored in a document always slices its text.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into some text, with `start <= end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    start: usize,
    end: usize,
}

/// Why a span was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("span {start}..{end} is reversed")]
    Reversed { start: usize, end: usize },
    #[error("span {start}..{end} ends past the text's {len} bytes")]
    OutOfBounds { start: usize, end: usize, len: usize },
    #[error("span {start}..{end} does not fall on character boundaries")]
    NotCharBoundary { start: usize, end: usize },
}

impl Span {
    /// A span with `start <= end`; it is checked against a text only when it enters a
    /// [`crate::Document`] or is made by [`Text::span`].
    pub fn new(start: usize, end: usize) -> Result<Span, SpanError> {
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        Ok(Span { start, end })
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// Checks this span against `text`.
    pub fn check(self, text: &str) -> Result<Span, SpanError> {
        let (start, end) = (self.start, self.end);
        if end > text.len() {
            return Err(SpanError::OutOfBounds { start, end, len: text.len() });
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(SpanError::NotCharBoundary { start, end });
        }
        Ok(self)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct RawSpan {
            start: usize,
            end: usize,
        }
        let raw = RawSpan::deserialize(deserializer)?;
        Span::new(raw.start, raw.end).map_err(serde::de::Error::custom)
    }
}

/// An article's text. It hands out spans that are known to fit it, and slices by span
/// without ever panicking.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    pub fn new(text: impl Into<String>) -> Text {
        Text(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A span of this text, checked for bounds and character boundaries.
    pub fn span(&self, range: Range<usize>) -> Result<Span, SpanError> {
        Span::new(range.start, range.end)?.check(&self.0)
    }

    /// The whole text as a span.
    pub fn full_span(&self) -> Span {
        Span { start: 0, end: self.0.len() }
    }

    /// The text under `span`; the empty string for a span that does not fit (which a span
    /// stored in a [`crate::Document`] never is).
    pub fn slice(&self, span: Span) -> &str {
        self.0.get(span.range()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_reversed_out_of_bounds_and_split_characters() {
        let text = Text::new("héllo");
        assert_eq!(Span::new(3, 2), Err(SpanError::Reversed { start: 3, end: 2 }));
        assert!(matches!(text.span(0..9), Err(SpanError::OutOfBounds { .. })));
        assert!(matches!(text.span(0..2), Err(SpanError::NotCharBoundary { .. })));
        assert_eq!(text.slice(text.span(0..3).unwrap()), "hé");
    }

    #[test]
    fn deserialising_a_reversed_span_fails() {
        assert!(serde_json::from_str::<Span>(r#"{"start":4,"end":1}"#).is_err());
        let span: Span = serde_json::from_str(r#"{"start":1,"end":4}"#).unwrap();
        assert_eq!(span.range(), 1..4);
    }
}
