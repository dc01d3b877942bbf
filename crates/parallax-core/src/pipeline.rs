//! Stages and the pipeline that composes them.
//!
//! A [`Stage`] declares the layers it requires and the layers it provides. A [`Pipeline`]
//! is built once — the build fails with a typed error when a stage needs a layer that no
//! earlier stage provides — and then applied to many documents in parallel. One article's
//! failure (an error or even a panic inside a stage) is reported with the article's name,
//! and the rest of the batch goes on.

use crate::document::{Document, LayerSpanError};
use crate::layer::{LayerKind, MissingLayer};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Why a stage could not annotate a document.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error(transparent)]
    MissingLayer(#[from] MissingLayer),
    #[error(transparent)]
    InvalidSpan(#[from] LayerSpanError),
    #[error("{0}")]
    Failed(String),
}

/// One step of analysis: reads some layers of a document and adds others.
pub trait Stage: Send + Sync {
    /// A short, stable name for messages ("sentences").
    fn name(&self) -> &'static str;
    /// Layers that must be present before this stage runs.
    fn requires(&self) -> &'static [LayerKind];
    /// Layers this stage sets.
    fn provides(&self) -> &'static [LayerKind];
    /// Adds this stage's layers to `doc`.
    fn annotate(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// Why a pipeline could not be built.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PipelineError {
    #[error("stage `{stage}` requires the {layer} layer, which no earlier stage provides")]
    Unsatisfied { stage: &'static str, layer: LayerKind },
}

/// Why one article failed, naming the article.
#[derive(Debug, thiserror::Error)]
#[error("{article}: stage `{stage}` failed: {reason}")]
pub struct ArticleError {
    /// The article's input path, URL or id.
    pub article: String,
    pub stage: &'static str,
    pub reason: String,
}

/// Stages composed once, in an order where every requirement is met.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.stages.iter().map(|s| s.name())).finish()
    }
}

impl Pipeline {
    /// Composes `stages` in order. `given` names the layers the input documents already
    /// carry (an HTML reader may provide blocks and boilerplate, for example).
    pub fn new(given: &[LayerKind], stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut available: BTreeSet<LayerKind> = given.iter().copied().collect();
        for stage in &stages {
            if let Some(&layer) = stage.requires().iter().find(|layer| !available.contains(layer)) {
                return Err(PipelineError::Unsatisfied { stage: stage.name(), layer });
            }
            available.extend(stage.provides().iter().copied());
        }
        Ok(Pipeline { stages })
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage on one document. A stage whose layers the document already has
    /// (for example from its reader) is skipped, so that richer readers win.
    pub fn run(&self, mut doc: Document) -> Result<Document, ArticleError> {
        for stage in &self.stages {
            if stage.provides().iter().all(|&kind| doc.has_layer(kind)) && !stage.provides().is_empty() {
                continue;
            }
            let outcome = catch_unwind(AssertUnwindSafe(|| stage.annotate(&mut doc)));
            let reason = match outcome {
                Ok(Ok(())) => continue,
                Ok(Err(error)) => error.to_string(),
                Err(panic) => format!("internal error: {}", panic_message(&panic)),
            };
            return Err(ArticleError { article: doc.display_name().to_owned(), stage: stage.name(), reason });
        }
        Ok(doc)
    }

    /// Runs the pipeline over many documents in parallel, keeping their order; each result
    /// stands alone, so one failure never stops the batch. `on_done` is called once per
    /// document as it finishes (for progress bars).
    pub fn run_batch(&self, docs: Vec<Document>, on_done: &(dyn Fn() + Sync)) -> Vec<Result<Document, ArticleError>> {
        docs.into_par_iter()
            .map(|doc| {
                let result = self.run(doc);
                on_done();
                result
            })
            .collect()
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(message) = panic.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = panic.downcast_ref::<String>() {
        message.clone()
    } else {
        "a stage panicked".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Sentence;
    use crate::document::Metadata;
    use crate::layer::Sentences;

    struct WholeTextSentence;
    impl Stage for WholeTextSentence {
        fn name(&self) -> &'static str {
            "whole-text"
        }
        fn requires(&self) -> &'static [LayerKind] {
            &[]
        }
        fn provides(&self) -> &'static [LayerKind] {
            &[LayerKind::Sentences]
        }
        fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
            let span = doc.text().full_span();
            doc.set_layer::<Sentences>(vec![Sentence { span }])?;
            Ok(())
        }
    }

    struct NeedsTokens;
    impl Stage for NeedsTokens {
        fn name(&self) -> &'static str {
            "needs-tokens"
        }
        fn requires(&self) -> &'static [LayerKind] {
            &[LayerKind::Tokens]
        }
        fn provides(&self) -> &'static [LayerKind] {
            &[LayerKind::Entities]
        }
        fn annotate(&self, _doc: &mut Document) -> Result<(), StageError> {
            Ok(())
        }
    }

    struct PanicsOnBoom;
    impl Stage for PanicsOnBoom {
        fn name(&self) -> &'static str {
            "panics"
        }
        fn requires(&self) -> &'static [LayerKind] {
            &[LayerKind::Sentences]
        }
        fn provides(&self) -> &'static [LayerKind] {
            &[LayerKind::Claims]
        }
        fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
            assert!(!doc.text().as_str().contains("boom"), "boom");
            doc.set_layer::<crate::layer::Claims>(Vec::new())?;
            Ok(())
        }
    }

    #[test]
    fn an_unmet_requirement_fails_at_build_time() {
        let error = Pipeline::new(&[], vec![Box::new(NeedsTokens)]).unwrap_err();
        assert_eq!(error, PipelineError::Unsatisfied { stage: "needs-tokens", layer: LayerKind::Tokens });
        assert!(Pipeline::new(&[LayerKind::Tokens], vec![Box::new(NeedsTokens)]).is_ok());
    }

    #[test]
    fn one_failing_article_does_not_stop_the_batch() {
        let pipeline = Pipeline::new(&[], vec![Box::new(WholeTextSentence), Box::new(PanicsOnBoom)]).unwrap();
        let docs = ["fine", "boom", "also fine"].iter().map(|text| Document::new(*text, *text, Metadata::default())).collect();
        let results = pipeline.run_batch(docs, &|| {});
        assert!(results[0].is_ok() && results[2].is_ok());
        let error = results[1].as_ref().unwrap_err();
        assert_eq!((error.article.as_str(), error.stage), ("boom", "panics"));
        assert!(error.reason.contains("boom"));
    }
}
