//! An article with its text, its metadata and its annotation layers.

use crate::layer::{Layer, LayerKind, Layers, MissingLayer};
use crate::span::{Span, SpanError, Text};
use serde::{Deserialize, Serialize};

/// What is known about an article besides its text. Everything is optional: an unknown
/// publication time is allowed and said so.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metadata {
    /// The path or URL the article was read from.
    pub input: Option<String>,
    /// The outlet's name or domain.
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Publication time as ISO 8601: a date ("2022-01-07") or a date-time with offset.
    pub published: Option<String>,
    /// ISO 639-1 code of the text's language, when known.
    pub language: Option<String>,
}

impl Metadata {
    /// The publication date (its first ten characters as `YYYY-MM-DD`), if given.
    pub fn published_date(&self) -> Option<&str> {
        let published = self.published.as_deref()?;
        let date = published.get(..10)?;
        let bytes = date.as_bytes();
        let digits_at = |r: std::ops::Range<usize>| bytes[r].iter().all(u8::is_ascii_digit);
        (digits_at(0..4) && bytes[4] == b'-' && digits_at(5..7) && bytes[7] == b'-' && digits_at(8..10)).then_some(date)
    }
}

/// A span that does not fit its document, with the layer it was found in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{layer} layer: {source}")]
pub struct LayerSpanError {
    pub layer: LayerKind,
    #[source]
    pub source: SpanError,
}

/// One article: it owns its text; annotations are stand-off spans into it.
///
/// Invariant: every span of every layer lies inside `text` on character boundaries. It is
/// checked when a layer is set and when a document is deserialised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "UncheckedDocument")]
pub struct Document {
    /// A short identifier, unique within a batch (the file stem, or a hash of the URL).
    pub id: String,
    pub meta: Metadata,
    text: Text,
    layers: Layers,
}

#[derive(Deserialize)]
struct UncheckedDocument {
    id: String,
    #[serde(default)]
    meta: Metadata,
    text: Text,
    #[serde(default)]
    layers: Layers,
}

impl TryFrom<UncheckedDocument> for Document {
    type Error = LayerSpanError;

    fn try_from(raw: UncheckedDocument) -> Result<Document, LayerSpanError> {
        let mut first_error = None;
        raw.layers.visit_spans(&mut |layer, span| {
            if first_error.is_none() {
                if let Err(source) = span.check(raw.text.as_str()) {
                    first_error = Some(LayerSpanError { layer, source });
                }
            }
        });
        match first_error {
            Some(error) => Err(error),
            None => Ok(Document { id: raw.id, meta: raw.meta, text: raw.text, layers: raw.layers }),
        }
    }
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, meta: Metadata) -> Document {
        Document { id: id.into(), meta, text: Text::new(text), layers: Layers::default() }
    }

    pub fn text(&self) -> &Text {
        &self.text
    }

    /// The text under `span`.
    pub fn slice(&self, span: Span) -> &str {
        self.text.slice(span)
    }

    pub fn layers(&self) -> &Layers {
        &self.layers
    }

    /// The items of layer `L`, or [`MissingLayer`] when it has not been computed.
    pub fn layer<L: Layer>(&self) -> Result<&[L::Item], MissingLayer> {
        L::slot(&self.layers).as_deref().ok_or(MissingLayer(L::KIND))
    }

    pub fn has_layer(&self, kind: LayerKind) -> bool {
        self.layers.present().contains(&kind)
    }

    /// Sets layer `L`, replacing any earlier value, after checking that every span fits.
    pub fn set_layer<L: Layer>(&mut self, items: Vec<L::Item>) -> Result<(), LayerSpanError> {
        use crate::annotation::Annotation;
        let text = self.text.as_str();
        let mut first_error = None;
        for item in &items {
            item.visit_spans(&mut |span| {
                if first_error.is_none() {
                    if let Err(source) = span.check(text) {
                        first_error = Some(LayerSpanError { layer: L::KIND, source });
                    }
                }
            });
        }
        if let Some(error) = first_error {
            return Err(error);
        }
        *L::slot_mut(&mut self.layers) = Some(items);
        Ok(())
    }

    /// Removes layer `L`, returning it.
    pub fn take_layer<L: Layer>(&mut self) -> Option<Vec<L::Item>> {
        L::slot_mut(&mut self.layers).take()
    }

    /// A human name for messages: the input path or URL when known, else the id.
    pub fn display_name(&self) -> &str {
        self.meta.input.as_deref().or(self.meta.url.as_deref()).unwrap_or(&self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Sentence;
    use crate::layer::Sentences;

    #[test]
    fn a_missing_layer_is_a_typed_error() {
        let doc = Document::new("a", "Hello.", Metadata::default());
        assert_eq!(doc.layer::<Sentences>().unwrap_err(), MissingLayer(LayerKind::Sentences));
    }

    #[test]
    fn a_span_outside_the_text_is_refused() {
        let mut doc = Document::new("a", "Hello.", Metadata::default());
        let bad = vec![Sentence { span: Span::new(0, 40).unwrap() }];
        assert!(doc.set_layer::<Sentences>(bad).is_err());
        assert!(doc.layer::<Sentences>().is_err());
    }

    #[test]
    fn round_trips_through_json_and_rejects_bad_spans() {
        let mut doc = Document::new("a", "Héllo. World.", Metadata::default());
        let sentences = vec![Sentence { span: doc.text().span(0..7).unwrap() }];
        doc.set_layer::<Sentences>(sentences).unwrap();
        let json = serde_json::to_string(&doc).unwrap();
        assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
        let broken = json.replace(r#""end":7"#, r#""end":99"#);
        assert!(serde_json::from_str::<Document>(&broken).is_err());
        let split = json.replace(r#""end":7"#, r#""end":2"#);
        assert!(serde_json::from_str::<Document>(&split).is_err());
    }

    #[test]
    fn published_date_is_read_only_when_well_formed() {
        let meta = |p: &str| Metadata { published: Some(p.into()), ..Metadata::default() };
        assert_eq!(meta("2022-01-07T10:00:00Z").published_date(), Some("2022-01-07"));
        assert_eq!(meta("07/01/2022").published_date(), None);
        assert_eq!(meta("2022").published_date(), None);
    }
}
