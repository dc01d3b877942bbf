//! # parallax-nlp
//!
//! Per-article analysis stages. Each is a [`parallax_core::Stage`] that reads some layers
//! of a [`parallax_core::Document`] and adds others; [`default_pipeline`] composes them in
//! dependency order. This crate does no I/O and no printing.

pub mod attribution;
pub mod claims;
pub mod entities;
pub mod events;
pub mod framing;
pub mod language;
pub mod lexicon;
pub mod numbers;
pub mod quantities;
pub mod quotes;
pub mod sentences;
pub mod structure;
pub mod text_util;
pub mod times;
pub mod tokens;
pub mod units;

use parallax_core::{LayerKind, Pipeline, PipelineError, Stage};

/// The stages for plain text, in order.
pub fn default_stages() -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(structure::PlainTextStructure),
        Box::new(sentences::SentenceSplitter),
        Box::new(tokens::Tokenizer),
        Box::new(entities::EntityRecognizer),
        Box::new(quantities::QuantityStage),
        Box::new(times::TimeStage),
        Box::new(quotes::QuoteFinder),
        Box::new(claims::ClaimExtractor),
        Box::new(framing::FramingFinder),
    ]
}

/// The default pipeline over documents that carry no layers yet.
pub fn default_pipeline() -> Result<Pipeline, PipelineError> {
    Pipeline::new(&[] as &[LayerKind], default_stages())
}
