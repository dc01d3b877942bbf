//! Attribution (quotes and reported speech) against PolNeAR.
//!
//! For every article of a split, Parallax's quotes layer is compared with the annotated
//! attribution relations of one annotator (the first file in name order when an article
//! has two). Scores, micro-averaged over the split:
//! - source and cue: exact match of the character span (multiset intersection);
//! - both: relations whose source and cue both match exactly;
//! - content: a predicted content counts when it overlaps a gold content (one to one), and
//!   separately the share of content characters both sides cover.
//!
//! The articles of the split that several people annotated are also scored annotator
//! against annotator, the same way, over every pair of annotators (one file as if
//! predicted): how far two people agree under these exact-span measures is the ceiling any
//! system can be held to.

use crate::brat::{parse_relations, CharSpan, Relation};
use crate::score::{multiset_overlap, Counts};
use crate::{read_to_string, EvalError};
use parallax_core::layer::Quotes;
use parallax_core::{Document, Metadata, Quote, Span};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// Scores of one evaluation run.
#[derive(Clone, Debug, Default)]
pub struct AttributionReport {
    pub articles: usize,
    pub source: Counts,
    pub cue: Counts,
    pub source_and_cue: Counts,
    pub content_overlap: Counts,
    pub content_characters: Counts,
    /// Annotators scored against each other, on the articles several people annotated.
    pub agreement: Agreement,
    /// Annotation lines that could not be read.
    pub malformed_lines: usize,
    /// Articles the pipeline failed on, with the reason.
    pub failures: Vec<String>,
}

/// Annotator against annotator on the articles two or more people annotated, every pair of
/// annotators of an article scored (one as if predicted, the other as gold) and summed.
#[derive(Clone, Debug, Default)]
pub struct Agreement {
    pub articles: usize,
    /// Pairs of annotators scored.
    pub pairs: usize,
    pub source: Counts,
    pub cue: Counts,
    pub content_overlap: Counts,
}

/// Evaluates the quotes layer on `data_dir/<split>/{text,attributions}`.
pub fn evaluate(data_dir: &Path, split: &str) -> Result<AttributionReport, EvalError> {
    let split_dir = data_dir.join(split);
    let annotations = annotation_files(&split_dir.join("attributions"))?;
    let pipeline = parallax_nlp::default_pipeline().map_err(|e| EvalError::Pipeline(e.to_string()))?;
    let per_article: Vec<Result<ArticleScore, EvalError>> = annotations
        .par_iter()
        .map(|(stem, ann_path)| {
            let text_path = split_dir.join("text").join(format!("{stem}.txt"));
            let text = read_to_string(&text_path)?;
            let (gold, malformed) = parse_relations(&read_to_string(ann_path)?);
            let doc = Document::new(stem.clone(), text, Metadata { input: Some(text_path.display().to_string()), ..Metadata::default() });
            match pipeline.run(doc) {
                Ok(doc) => Ok(ArticleScore::compare(&predicted_relations(&doc), &gold, malformed)),
                Err(error) => Ok(ArticleScore { failure: Some(error.to_string()), malformed, ..ArticleScore::default() }),
            }
        })
        .collect();
    let mut report = AttributionReport::default();
    for score in per_article {
        let score = score?;
        report.articles += 1;
        report.malformed_lines += score.malformed;
        report.failures.extend(score.failure);
        report.source.add(score.source);
        report.cue.add(score.cue);
        report.source_and_cue.add(score.source_and_cue);
        report.content_overlap.add(score.content_overlap);
        report.content_characters.add(score.content_characters);
    }
    for paths in annotation_sets(&split_dir.join("attributions"))?.values().filter(|paths| paths.len() >= 2) {
        let annotators = paths.iter().map(|path| Ok(parse_relations(&read_to_string(path)?).0)).collect::<Result<Vec<_>, EvalError>>()?;
        report.agreement.articles += 1;
        for (k, first) in annotators.iter().enumerate() {
            for second in &annotators[k + 1..] {
                let score = ArticleScore::compare(second, first, 0);
                report.agreement.pairs += 1;
                report.agreement.source.add(score.source);
                report.agreement.cue.add(score.cue);
                report.agreement.content_overlap.add(score.content_overlap);
            }
        }
    }
    Ok(report)
}

/// One annotation file per article: `<stem>_<annotator>.ann`, the first in name order.
pub fn annotation_files(dir: &Path) -> Result<BTreeMap<String, std::path::PathBuf>, EvalError> {
    Ok(annotation_sets(dir)?.into_iter().filter_map(|(stem, paths)| Some((stem, paths.into_iter().next()?))).collect())
}

/// Every annotation file of each article (`<stem>_<annotator>.ann`), in name order.
fn annotation_sets(dir: &Path) -> Result<BTreeMap<String, Vec<std::path::PathBuf>>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io { path: dir.display().to_string(), source })?;
    let mut paths: Vec<std::path::PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "ann")).collect();
    paths.sort();
    let mut files = BTreeMap::new();
    for path in paths {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let stem = name.rsplit_once('_').map_or(name, |(stem, _)| stem).to_owned();
        files.entry(stem).or_insert_with(Vec::new).push(path);
    }
    if files.is_empty() {
        return Err(EvalError::Format { path: dir.display().to_string(), message: "no .ann files".into() });
    }
    Ok(files)
}

/// The quotes layer as relations in character offsets. A quote that continues another
/// (`Quote::continues`) adds its content to the relation of the nearest quote with the same
/// source span that continues none, as PolNeAR's discontinuous contents do.
pub fn predicted_relations(doc: &Document) -> Vec<Relation> {
    let text = doc.text().as_str();
    let to_chars = CharIndex::new(text);
    let span = |s: Span| vec![(to_chars.of(s.start()), to_chars.of(s.end()))];
    let quotes = doc.layer::<Quotes>().unwrap_or(&[]);
    let relation =
        |q: &Quote| Relation { source: q.source.as_ref().map(|s| span(s.span)), cue: q.cue.map(span), content: Some(span(q.content)) };
    // (position in the layer, relation) of every quote that opens a relation.
    let mut relations: Vec<(usize, Relation)> =
        quotes.iter().enumerate().filter(|(_, q)| !q.continues).map(|(i, q)| (i, relation(q))).collect();
    for (i, quote) in quotes.iter().enumerate().filter(|(_, q)| q.continues) {
        let source = quote.source.as_ref().map(|s| span(s.span));
        let nearest = relations.iter_mut().filter(|(_, r)| source.is_some() && r.source == source).min_by_key(|(j, _)| j.abs_diff(i));
        match nearest.and_then(|(_, r)| r.content.as_mut()) {
            Some(content) => content.extend(span(quote.content)),
            None => relations.push((i, relation(quote))),
        }
    }
    relations.sort_by_key(|(i, _)| *i);
    relations.into_iter().map(|(_, r)| r).collect()
}

/// The training material of one split for the attribution tagger
/// (`parallax_nlp::attribution`): one sequence per paragraph, its features and the BILOU
/// tags of the gold source, cue and content spans (each piece of a discontinuous span on
/// its own), read from the first annotator's file of each article.
#[derive(Debug, Default)]
pub struct TrainingMaterial {
    pub sequences: Vec<parallax_ner::training::FixedSequence>,
    /// What the second pass reads of each sequence's block.
    pub contexts: Vec<parallax_nlp::attribution::PassContext>,
    pub articles: usize,
    pub tokens: usize,
    /// Gold span pieces that begin or end inside a token (kept, widened to whole tokens).
    pub misaligned: usize,
    /// Gold span pieces that lie in no paragraph's tokens (dropped).
    pub unplaced: usize,
    pub pieces: usize,
}

/// Runs the language layers under the quotes on every article of `data_dir/<split>` and
/// hands `each` its paragraph views with the gold span pieces of each view (as token
/// ranges), the number of pieces not on token boundaries, and the number in no paragraph.
fn with_gold_views<R: Send>(
    data_dir: &Path,
    split: &str,
    each: impl Fn(&mut [parallax_nlp::attribution::BlockView], &[Vec<parallax_nlp::attribution::RoleSpan>], usize, usize, usize) -> R + Sync,
) -> Result<Vec<R>, EvalError> {
    use parallax_core::layer::{Blocks, Entities, Sentences, Tokens};
    use parallax_nlp::attribution::{block_views, Role, RoleSpan};
    let split_dir = data_dir.join(split);
    let annotations = annotation_files(&split_dir.join("attributions"))?;
    let stages: Vec<Box<dyn parallax_core::Stage>> = vec![
        Box::new(parallax_nlp::structure::PlainTextStructure),
        Box::new(parallax_nlp::sentences::SentenceSplitter),
        Box::new(parallax_nlp::tokens::Tokenizer),
        Box::new(parallax_nlp::entities::EntityRecognizer),
    ];
    let pipeline =
        parallax_core::Pipeline::new(&[] as &[parallax_core::LayerKind], stages).map_err(|e| EvalError::Pipeline(e.to_string()))?;
    annotations
        .par_iter()
        .map(|(stem, ann_path)| {
            let text_path = split_dir.join("text").join(format!("{stem}.txt"));
            let text = read_to_string(&text_path)?;
            let (gold, _) = parse_relations(&read_to_string(ann_path)?);
            let doc = Document::new(stem.clone(), text, Metadata::default());
            let doc = pipeline.run(doc).map_err(|e| EvalError::Pipeline(e.to_string()))?;
            let text = doc.text().as_str();
            let to_byte: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
            let mut pieces: Vec<(Role, usize, usize)> = Vec::new();
            for relation in &gold {
                for (role, span) in [(Role::Source, &relation.source), (Role::Cue, &relation.cue), (Role::Content, &relation.content)] {
                    for &(start, end) in span.iter().flatten() {
                        if let (Some(&start), Some(&end)) = (to_byte.get(start), to_byte.get(end)) {
                            pieces.push((role, start, end));
                        }
                    }
                }
            }
            let missing = |e: parallax_core::MissingLayer| EvalError::Pipeline(e.to_string());
            let mut views = block_views(
                text,
                doc.layer::<Blocks>().map_err(missing)?,
                doc.layer::<Sentences>().map_err(missing)?,
                doc.layer::<Tokens>().map_err(missing)?,
                doc.layer::<Entities>().map_err(missing)?,
            );
            let mut placed = vec![false; pieces.len()];
            let mut misaligned = 0;
            let mut spans_of_views = Vec::new();
            for view in &views {
                let mut spans = Vec::new();
                for (k, &(role, start, end)) in pieces.iter().enumerate() {
                    let first = view.tokens.partition_point(|t| t.end() <= start);
                    let last = view.tokens.partition_point(|t| t.start() < end);
                    if first >= last {
                        continue;
                    }
                    placed[k] = true;
                    if view.tokens[first].start() != start || view.tokens[last - 1].end() != end {
                        misaligned += 1;
                    }
                    spans.push(RoleSpan { role, start: first, end: last });
                }
                spans_of_views.push(spans);
            }
            let unplaced = placed.iter().filter(|p| !**p).count();
            Ok(each(&mut views, &spans_of_views, pieces.len(), misaligned, unplaced))
        })
        .collect()
}

/// Per lower-case word of `data_dir/<split>`: (times it is the first word of a gold cue,
/// times it occurs), for [`parallax_nlp::attribution::cue_lexicon`].
pub fn cue_counts(data_dir: &Path, split: &str) -> Result<BTreeMap<String, (u32, u32)>, EvalError> {
    let per_article = with_gold_views(data_dir, split, |views, spans, _, _, _| {
        let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for (view, spans) in views.iter().zip(spans) {
            let firsts: Vec<usize> = spans.iter().filter(|s| s.role == parallax_nlp::attribution::Role::Cue).map(|s| s.start).collect();
            for i in 0..view.len() {
                let entry = counts.entry(view.word(i).to_lowercase()).or_default();
                entry.1 += 1;
                if firsts.contains(&i) {
                    entry.0 += 1;
                }
            }
        }
        counts
    })?;
    let mut total: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for counts in per_article {
        for (word, (cue, all)) in counts {
            let entry = total.entry(word).or_default();
            entry.0 += cue;
            entry.1 += all;
        }
    }
    Ok(total)
}

/// Builds the [`TrainingMaterial`] of `data_dir/<split>`, cue words marked from `lexicon`.
pub fn training_material(data_dir: &Path, split: &str, lexicon: &parallax_ner::features::Gazetteer) -> Result<TrainingMaterial, EvalError> {
    use parallax_nlp::attribution::{block_features, gold_tags};
    let per_article = with_gold_views(data_dir, split, |views, spans, pieces, misaligned, unplaced| {
        let mut material = TrainingMaterial { articles: 1, pieces, misaligned, unplaced, ..TrainingMaterial::default() };
        for (view, spans) in views.iter_mut().zip(spans) {
            view.mark_cues(lexicon);
            let mut features = parallax_ner::features::SentenceFeatures::default();
            block_features(view, &mut features);
            material.tokens += view.len();
            material.sequences.push(parallax_ner::training::FixedSequence { features, tags: gold_tags(view.len(), spans) });
            material.contexts.push(view.pass_context());
        }
        material
    })?;
    let mut material = TrainingMaterial::default();
    for article in per_article {
        material.sequences.extend(article.sequences);
        material.contexts.extend(article.contexts);
        material.articles += article.articles;
        material.tokens += article.tokens;
        material.misaligned += article.misaligned;
        material.unplaced += article.unplaced;
        material.pieces += article.pieces;
    }
    Ok(material)
}

/// Byte offset → character offset.
struct CharIndex {
    char_starts: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        CharIndex { char_starts: text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect() }
    }

    fn of(&self, byte: usize) -> usize {
        self.char_starts.partition_point(|&start| start < byte)
    }
}

#[derive(Clone, Debug, Default)]
struct ArticleScore {
    source: Counts,
    cue: Counts,
    source_and_cue: Counts,
    content_overlap: Counts,
    content_characters: Counts,
    malformed: usize,
    failure: Option<String>,
}

impl ArticleScore {
    fn compare(predicted: &[Relation], gold: &[Relation], malformed: usize) -> ArticleScore {
        let exact = |pick: fn(&Relation) -> Option<CharSpan>| {
            let p: Vec<CharSpan> = predicted.iter().filter_map(pick).collect();
            let g: Vec<CharSpan> = gold.iter().filter_map(pick).collect();
            Counts { true_positives: multiset_overlap(&p, &g), predicted: p.len(), gold: g.len() }
        };
        let both = |r: &Relation| Some((r.source.clone()?, r.cue.clone()?));
        let p_both: Vec<_> = predicted.iter().filter_map(both).collect();
        let g_both: Vec<_> = gold.iter().filter_map(both).collect();
        ArticleScore {
            source: exact(|r| r.source.clone()),
            cue: exact(|r| r.cue.clone()),
            source_and_cue: Counts { true_positives: multiset_overlap(&p_both, &g_both), predicted: p_both.len(), gold: g_both.len() },
            content_overlap: content_overlap(predicted, gold),
            content_characters: content_characters(predicted, gold),
            malformed,
            failure: None,
        }
    }
}

fn overlaps(a: &CharSpan, b: &CharSpan) -> bool {
    a.iter().any(|&(s1, e1)| b.iter().any(|&(s2, e2)| s1 < e2 && s2 < e1))
}

/// One-to-one overlap matching of contents, greedy in gold order.
fn content_overlap(predicted: &[Relation], gold: &[Relation]) -> Counts {
    let p: Vec<&CharSpan> = predicted.iter().filter_map(|r| r.content.as_ref()).collect();
    let g: Vec<&CharSpan> = gold.iter().filter_map(|r| r.content.as_ref()).collect();
    let mut used = vec![false; p.len()];
    let mut matched = 0;
    for gold_content in &g {
        if let Some(k) = (0..p.len()).find(|&k| !used[k] && overlaps(p[k], gold_content)) {
            used[k] = true;
            matched += 1;
        }
    }
    Counts { true_positives: matched, predicted: p.len(), gold: g.len() }
}

/// Characters inside predicted contents, gold contents, and both.
fn content_characters(predicted: &[Relation], gold: &[Relation]) -> Counts {
    let cover = |relations: &[Relation]| -> std::collections::BTreeSet<usize> {
        relations.iter().filter_map(|r| r.content.as_ref()).flat_map(|span| span.iter().flat_map(|&(s, e)| s..e)).collect()
    };
    let (p, g) = (cover(predicted), cover(gold));
    Counts { true_positives: p.intersection(&g).count(), predicted: p.len(), gold: g.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_maps_multibyte_text() {
        let index = CharIndex::new("a“b”c");
        assert_eq!((index.of(0), index.of(1), index.of(4), index.of(5), index.of(8)), (0, 1, 2, 3, 4));
    }

    #[test]
    fn annotation_files_keep_every_annotator_of_an_article() {
        let dir = std::env::temp_dir().join(format!("parallax-polnear-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["a_x_1.ann", "a_x_2.ann", "b_3.ann", "notes.txt"] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let sets = annotation_sets(&dir).unwrap();
        let firsts = annotation_files(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(sets.iter().map(|(stem, paths)| (stem.as_str(), paths.len())).collect::<Vec<_>>(), [("a_x", 2), ("b", 1)]);
        assert!(firsts["a_x"].ends_with("a_x_1.ann"));
    }

    #[test]
    fn a_continuing_quote_adds_its_content_to_its_speakers_relation() {
        let text = "“It was chaos,” said Ana Ruiz. “Nobody knew.” Police said more.";
        let mut doc = Document::new("t", text, Default::default());
        let at = |part: &str| {
            let start = text.find(part).unwrap();
            Span::new(start, start + part.len()).unwrap()
        };
        let source = |part: &str| Some(parallax_core::Source { span: at(part), canonical: None });
        let quote = |source, cue: Option<Span>, content: &str, continues| Quote {
            kind: parallax_core::QuoteKind::Direct,
            source,
            cue,
            content: at(content),
            tentative: false,
            continues,
        };
        doc.set_layer::<Quotes>(vec![
            quote(source("Ana Ruiz"), Some(at("said Ana")), "It was chaos", false),
            quote(source("Ana Ruiz"), None, "Nobody knew.", true),
            quote(source("Police"), Some(at("said more")), "more", false),
        ])
        .unwrap();
        let relations = predicted_relations(&doc);
        let chars = |part: &str| {
            let start = text[..text.find(part).unwrap()].chars().count();
            (start, start + part.chars().count())
        };
        assert_eq!(relations.len(), 2);
        assert_eq!(relations[0].content, Some(vec![chars("It was chaos"), chars("Nobody knew.")]));
        assert_eq!(relations[1].source, Some(vec![chars("Police")]));
        // Words left open before the paragraph that names their speaker join the later quote.
        doc.set_layer::<Quotes>(vec![
            quote(source("Ana Ruiz"), None, "It was chaos", true),
            quote(source("Ana Ruiz"), Some(at("said Ana")), "Nobody knew.", false),
        ])
        .unwrap();
        let relations = predicted_relations(&doc);
        assert_eq!(relations.len(), 1);
        assert_eq!(relations[0].content, Some(vec![chars("Nobody knew."), chars("It was chaos")]));
    }

    #[test]
    fn exact_and_overlap_scores() {
        let r = |s: (usize, usize), c: (usize, usize), t: (usize, usize)| Relation {
            source: Some(vec![s]),
            cue: Some(vec![c]),
            content: Some(vec![t]),
        };
        let gold = [r((0, 5), (6, 10), (11, 30))];
        let predicted = [r((0, 5), (6, 9), (12, 20))];
        let score = ArticleScore::compare(&predicted, &gold, 0);
        assert_eq!((score.source.true_positives, score.cue.true_positives, score.content_overlap.true_positives), (1, 0, 1));
        assert_eq!(score.content_characters.true_positives, 8);
    }
}
