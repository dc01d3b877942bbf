//! Framing: the labels an article uses for each actor, and in whose voice.
//!
//! A label is a word or phrase from a lexicon of actor labels ("protesters",
//! "terrorists", "peacekeepers", "troops"). Its voice is the speaker's when it lies inside
//! a quote, the outlet's own otherwise; a label wrapped alone in quotation marks is a
//! scare quote — the outlet holding the word at a distance.

use crate::quotes::quoted_passages;
use parallax_core::layer::{Blocks, Framing, Quotes, Sentences};
use parallax_core::{Document, FramingLabel, LayerKind, Quote, QuoteKind, Span, Stage, StageError, Voice};

pub struct FramingFinder;

impl Stage for FramingFinder {
    fn name(&self) -> &'static str {
        "framing"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Blocks, LayerKind::Sentences, LayerKind::Quotes]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Framing]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text().as_str();
        let labels = find_labels(text, doc.layer::<Blocks>()?, doc.layer::<Sentences>()?, &Quote::credited(doc.layer::<Quotes>()?));
        doc.set_layer::<Framing>(labels)?;
        Ok(())
    }
}

/// Actor labels: (phrase, actor). Longer phrases come first so that they win.
pub const ACTOR_LABELS: &[(&str, &str)] = &[
    ("trained and organized armed formations", "protesters"),
    ("armed formations", "protesters"),
    ("armed criminals", "protesters"),
    ("armed gangs", "protesters"),
    ("international terrorists", "protesters"),
    ("criminals and murderers", "protesters"),
    ("peacekeeping forces", "troops"),
    ("peacekeeping force", "troops"),
    ("security forces", "security forces"),
    ("protesters", "protesters"),
    ("protestors", "protesters"),
    ("demonstrators", "protesters"),
    ("strikers", "protesters"),
    ("rioters", "protesters"),
    ("terrorists", "protesters"),
    ("terrorist", "protesters"),
    ("bandits", "protesters"),
    ("robbers", "protesters"),
    ("criminals", "protesters"),
    ("murderers", "protesters"),
    ("looters", "protesters"),
    ("hooligans", "protesters"),
    ("agitators", "protesters"),
    ("saboteurs", "protesters"),
    ("militants", "protesters"),
    ("extremists", "protesters"),
    ("thugs", "protesters"),
    ("mob", "protesters"),
    ("peacekeepers", "troops"),
    ("peacekeeping", "troops"),
    ("troops", "troops"),
    ("soldiers", "troops"),
    ("paratroopers", "troops"),
    ("occupiers", "troops"),
    ("invaders", "troops"),
    ("police", "security forces"),
];

/// Finds actor labels in sentences.
pub fn find_labels(
    text: &str,
    blocks: &[parallax_core::Block],
    sentences: &[parallax_core::Sentence],
    quotes: &[Quote],
) -> Vec<FramingLabel> {
    let passages: Vec<Span> = blocks.iter().flat_map(|b| quoted_passages(text, b.span)).map(|p| p.inner).collect();
    let mut labels: Vec<FramingLabel> = Vec::new();
    for sentence in sentences {
        let body = &text[sentence.span.range()];
        let lower = body.to_lowercase();
        if lower.len() != body.len() {
            // Lower-casing changed byte lengths (rare scripts): offsets would not map back.
            continue;
        }
        for &(phrase, actor) in ACTOR_LABELS {
            for (i, _) in lower.match_indices(phrase) {
                let start = sentence.span.start() + i;
                let end = start + phrase.len();
                let bounded = !lower[..i].ends_with(char::is_alphanumeric) && !lower[i + phrase.len()..].starts_with(char::is_alphabetic);
                let Ok(span) = Span::new(start, end) else { continue };
                if !bounded || labels.iter().any(|l| l.span.overlaps(span)) {
                    continue;
                }
                let quote = quotes.iter().find(|q| q.content.contains(span));
                let scare_quoted = passages.iter().any(|p| {
                    let inner = text[p.range()].trim().trim_end_matches(['.', ',']);
                    p.contains(span) && inner.split_whitespace().count() <= 3
                });
                let in_long_passage = passages.iter().any(|p| p.contains(span) && text[p.range()].split_whitespace().count() > 3);
                let voice = match quote {
                    Some(q) if q.kind != QuoteKind::Indirect || !scare_quoted => {
                        Voice::Quoted { speaker: q.source.as_ref().and_then(|s| s.canonical.clone()) }
                    }
                    // Inside quotation marks that no speaker could be found for: still not the outlet's voice.
                    None if in_long_passage => Voice::Quoted { speaker: None },
                    _ => Voice::Own,
                };
                labels.push(FramingLabel { span, actor: actor.to_owned(), term: phrase.to_owned(), voice, scare_quoted });
            }
        }
    }
    labels.sort_by_key(|l| l.span.start());
    labels
}
