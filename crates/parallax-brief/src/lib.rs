//! # parallax-brief
//!
//! Cross-article analysis over documents that `parallax-nlp` has annotated: stories
//! ([`stories::group_stories`]), entities merged across articles ([`entities::EntityIndex`]),
//! facts aligned with verdicts, quotes by speaker, framing by outlet and a timeline
//! ([`build::build_brief`]), and the brief's renderers ([`render::render`], JSON through
//! serde). No I/O beyond the writer it is given; no printing.

pub mod build;
pub mod entities;
pub mod model;
pub mod render;
pub mod stories;

pub use build::build_brief;
pub use model::{Brief, Verdict, SCHEMA_VERSION};
pub use render::{render, Style};
pub use stories::group_stories;

use parallax_core::Document;

/// Groups `docs` into stories and builds one brief per story.
pub fn briefs(docs: &[&Document]) -> Vec<Brief> {
    group_stories(docs)
        .iter()
        .enumerate()
        .map(|(i, story)| {
            let members: Vec<&Document> = story.iter().map(|&k| docs[k]).collect();
            build_brief(i + 1, &members)
        })
        .collect()
}
