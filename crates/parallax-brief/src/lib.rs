//! # parallax-brief
//!
//! Cross-article analysis over documents that `parallax-nlp` has annotated: stories
//! ([`stories::group_stories`]), entities merged across articles ([`entities::EntityIndex`]),
//! facts aligned with verdicts, quotes by speaker, framing by outlet and a timeline
//! ([`build::build_brief`]), and the brief's renderers ([`render::render`], JSON through
//! serde). No I/O beyond the writer it is given; no printing.

pub mod build;
pub mod entities;
pub mod html;
pub mod model;
pub mod render;
pub mod stories;
pub mod union_find;

pub use build::{build_brief, build_brief_with_copies, build_brief_with_options, BriefOptions, StatementEmbedder};
pub use html::render_html;
pub use model::{Brief, Verdict, SCHEMA_VERSION};
pub use render::{render, Style};
pub use stories::group_stories;

use parallax_core::Document;

/// Groups `docs` into stories and builds one brief per story. Articles identified as not
/// English are left out of the analysis, which is English-only, and named in every brief's
/// notes.
pub fn briefs(docs: &[&Document]) -> Vec<Brief> {
    briefs_with_options(docs, &BriefOptions::default())
}

/// [`briefs`] with [`BriefOptions`] (a statement embedder, say).
pub fn briefs_with_options(docs: &[&Document], options: &BriefOptions) -> Vec<Brief> {
    let (english, other): (Vec<&Document>, Vec<&Document>) =
        docs.iter().partition(|d| d.meta.language.as_deref().is_none_or(|language| language == "en"));
    let left_out: Vec<String> =
        other.iter().map(|d| format!("{} ({})", d.display_name(), d.meta.language.as_deref().unwrap_or("unknown"))).collect();
    let (stories, duplicate_of) = stories::group(&english);
    stories
        .iter()
        .enumerate()
        .map(|(i, story)| {
            let members: Vec<&Document> = story.iter().map(|&k| english[k]).collect();
            let copies: std::collections::HashMap<String, String> = story
                .iter()
                .filter_map(|&k| duplicate_of[k].map(|original| (english[k].id.clone(), english[original].id.clone())))
                .collect();
            let mut brief = build_brief_with_options(i + 1, &members, &copies, options);
            if !left_out.is_empty() {
                brief.notes.push(format!("Left out of this English-only analysis: {}.", left_out.join(", ")));
            }
            if !copies.is_empty() {
                brief.notes.push(format!(
                    "Near-copies of another article (counted as their original's outlet): {}.",
                    copies.iter().map(|(copy, original)| format!("{copy} of {original}")).collect::<Vec<_>>().join(", ")
                ));
            }
            brief
        })
        .collect()
}
