//! # parallax-ner
//!
//! A statistical named-entity tagger for English news, small enough to ship in the
//! repository and fast enough to run on every article: hashed sparse features
//! ([`features`]), an averaged structured perceptron with first-order Viterbi over BILOU
//! tags ([`tagger`]) followed by context rules ([`rules`]), quantised weights in a compact file ([`model`]), and the code that
//! trains it ([`training`]) from CoNLL-style files ([`conll`]).
//!
//! [`Tagger::english_news`] loads the model that ships with Parallax
//! (`models/ner/en-news.bin`, see its `MODEL_CARD.md`). The library does no I/O — the
//! shipped model is compiled in, other models are read from bytes — and prints nothing.

pub mod conll;
pub mod features;
pub mod model;
pub mod rules;
pub mod tagger;
pub mod tags;
pub mod training;
pub mod word_classes;

pub use model::{Model, ModelError};
pub use tagger::{TaggedEntity, Tagger};
pub use tags::{Label, Tag};
