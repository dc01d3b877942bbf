//! # parallax-core
//!
//! The document model every other Parallax crate speaks:
//!
//! - [`Document`]: one article that owns its text and [`Metadata`], with stand-off
//!   annotation [`Layers`].
//! - [`Span`] / [`Text`]: byte ranges that are checked against the text they index.
//! - [`Layer`] marker types ([`layer::Sentences`], [`layer::Entities`], …) and typed access
//!   through [`Document::layer`], which returns [`MissingLayer`] instead of panicking.
//! - [`Stage`] and [`Pipeline`]: stages declare what they require and provide; the pipeline
//!   checks that once, then runs over many documents in parallel.
//!
//! This crate does no I/O and no printing.

pub mod annotation;
pub mod document;
pub mod interval;
pub mod layer;
pub mod pipeline;
pub mod span;

pub use annotation::*;
pub use document::{Document, LayerSpanError, Metadata};
pub use interval::{format_number, Interval};
pub use layer::{Layer, LayerKind, Layers, MissingLayer};
pub use pipeline::{ArticleError, Pipeline, PipelineError, Stage, StageError};
pub use span::{Span, SpanError, Text};
