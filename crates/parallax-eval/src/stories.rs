//! Story grouping, scored by B-cubed against a corpus built from the team's own example
//! stories.
//!
//! Each story directory (a folder of `.txt` articles) contributes its articles plus
//! generated variants: the same articles with every specific name (people, organisations,
//! places below the country) consistently renamed, and the country kept — the same kind of
//! event elsewhere in the same country, which must be a story of its own. One article of
//! each story and variant is also republished as a syndicated copy, which must join its
//! original's story. All articles are interleaved before grouping, so grouping is
//! incremental over mixed input, as in a real feed.

use crate::score::Counts;
use crate::{read_to_string, EvalError};
use parallax_brief::stories::group;
use parallax_core::layer::Entities;
use parallax_core::{Document, EntityLabel, Metadata};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

/// Scores of one grouping run.
#[derive(Clone, Debug, Default)]
pub struct StoryReport {
    pub articles: usize,
    pub gold_stories: usize,
    pub predicted_stories: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Syndicated copies recognised as copies of their original.
    pub copies: Counts,
    /// Stories found that mix gold stories: each a list of its articles' headlines and ids.
    pub mixed: Vec<Vec<String>>,
    /// Parts of gold stories left apart from the largest part of their story.
    pub apart: Vec<Vec<String>>,
}

/// Builds the corpus from the story folders under `examples` with `variants` renamed
/// variants each, groups it, and scores it.
pub fn evaluate(examples: &Path, variants: usize) -> Result<StoryReport, EvalError> {
    let pipeline = parallax_nlp::default_pipeline().map_err(|e| EvalError::Pipeline(e.to_string()))?;
    let analyse = |id: String, text: String| {
        pipeline.run(Document::new(id, text, Metadata::default())).map_err(|e| EvalError::Pipeline(e.to_string()))
    };
    // (gold story, copy of, id, text), and each article's place in the interleaved order.
    let mut corpus: Vec<(usize, Option<usize>, String, String)> = Vec::new();
    let mut order_keys: Vec<u64> = Vec::new();
    let mut gold_stories = 0;
    let mut story_dirs: Vec<std::path::PathBuf> = std::fs::read_dir(examples)
        .map_err(|source| EvalError::Io { path: examples.display().to_string(), source })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    story_dirs.sort();
    for (story_index, dir) in story_dirs.iter().enumerate() {
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| EvalError::Io { path: dir.display().to_string(), source })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let originals: Vec<Document> =
            files.iter().map(|f| analyse(f.display().to_string(), read_to_string(f)?)).collect::<Result<_, _>>()?;
        let renamable = renamable_words(&originals);
        // Each story's variants are seeded by its folder's name, so that adding a story
        // leaves the others' variants as they were.
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let story_seed = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        let first_key = order_keys.len();
        for variant in 0..=variants {
            let gold = gold_stories;
            gold_stories += 1;
            let mut first_id = None;
            for doc in &originals {
                let text = if variant == 0 {
                    doc.text().as_str().to_owned()
                } else {
                    rename(doc.text().as_str(), &renamable, story_seed.wrapping_add(variant as u64))
                };
                let id = format!("s{story_index}-v{variant}-{}", corpus.len());
                first_id.get_or_insert((corpus.len(), text.clone()));
                order_keys.push(mix(story_seed ^ mix((order_keys.len() - first_key) as u64)));
                corpus.push((gold, None, id, text));
            }
            if let Some((original, text)) = first_id {
                let id = format!("s{story_index}-v{variant}-copy");
                order_keys.push(mix(story_seed ^ mix((order_keys.len() - first_key) as u64)));
                corpus.push((gold, Some(original), id, format!("{text}\n(Distributed by a wire service.)\n")));
            }
        }
    }
    // Interleave stories deterministically: a fixed permutation of the corpus, each article
    // placed by its story's name, variant and position, so that adding a story leaves the
    // others' relative order as it was.
    let mut order: Vec<usize> = (0..corpus.len()).collect();
    order.sort_by_key(|&i| order_keys[i]);
    let docs: Vec<Document> = order.iter().map(|&i| analyse(corpus[i].2.clone(), corpus[i].3.clone())).collect::<Result<_, _>>()?;
    let refs: Vec<&Document> = docs.iter().collect();
    let (stories, duplicate_of) = group(&refs);
    let mut predicted = vec![0; docs.len()];
    for (story, members) in stories.iter().enumerate() {
        for &m in members {
            predicted[m] = story;
        }
    }
    let gold: Vec<usize> = order.iter().map(|&i| corpus[i].0).collect();
    // The stories found that mix gold stories, and the gold stories found in several parts
    // (each part but the largest), by the first line of each article.
    let headline = |m: &usize| format!("{} ({})", docs[*m].text().as_str().lines().next().unwrap_or_default(), docs[*m].id);
    let mut mixed = Vec::new();
    let mut apart = Vec::new();
    let mut parts_of: BTreeMap<usize, Vec<&Vec<usize>>> = BTreeMap::new();
    for members in &stories {
        let golds: BTreeSet<usize> = members.iter().map(|&m| gold[m]).collect();
        if golds.len() > 1 {
            mixed.push(members.iter().map(headline).collect());
        } else if let Some(&g) = golds.first() {
            parts_of.entry(g).or_default().push(members);
        }
    }
    for parts in parts_of.values_mut().filter(|parts| parts.len() > 1) {
        parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
        apart.extend(parts[1..].iter().map(|p| p.iter().map(headline).collect()));
    }
    let (precision, recall) = b_cubed(&predicted, &gold);
    let mut copies = Counts::default();
    let position_of: HashMap<usize, usize> = order.iter().enumerate().map(|(position, &i)| (i, position)).collect();
    // A copy pair is found when either article is marked as the copy of the other: which
    // one counts as the original depends on which arrived first.
    let gold_pairs: HashSet<(usize, usize)> = order
        .iter()
        .enumerate()
        .filter_map(|(position, &i)| {
            corpus[i].1.map(|original| (position.min(position_of[&original]), position.max(position_of[&original])))
        })
        .collect();
    let found_pairs: HashSet<(usize, usize)> =
        duplicate_of.iter().enumerate().filter_map(|(position, original)| original.map(|o| (position.min(o), position.max(o)))).collect();
    copies.gold = gold_pairs.len();
    copies.predicted = found_pairs.len();
    copies.true_positives = gold_pairs.intersection(&found_pairs).count();
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Ok(StoryReport { articles: docs.len(), gold_stories, predicted_stories: stories.len(), precision, recall, f1, copies, mixed, apart })
}

/// B-cubed precision and recall of a clustering against gold labels.
pub fn b_cubed(predicted: &[usize], gold: &[usize]) -> (f64, f64) {
    let n = predicted.len();
    if n == 0 {
        return (0.0, 0.0);
    }
    let mut by_pair: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut by_predicted: BTreeMap<usize, usize> = BTreeMap::new();
    let mut by_gold: BTreeMap<usize, usize> = BTreeMap::new();
    for (&p, &g) in predicted.iter().zip(gold) {
        *by_pair.entry((p, g)).or_insert(0) += 1;
        *by_predicted.entry(p).or_insert(0) += 1;
        *by_gold.entry(g).or_insert(0) += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (&p, &g) in predicted.iter().zip(gold) {
        let both = by_pair[&(p, g)] as f64;
        precision += both / by_predicted[&p] as f64;
        recall += both / by_gold[&g] as f64;
    }
    (precision / n as f64, recall / n as f64)
}

/// Capitalised words of the articles' entity names that are not countries or demonyms:
/// the words a variant renames.
fn renamable_words(docs: &[Document]) -> HashSet<String> {
    let mut words = HashSet::new();
    for doc in docs {
        for mention in doc.layer::<Entities>().unwrap_or(&[]) {
            if mention.label == EntityLabel::Group {
                continue;
            }
            let surface = doc.slice(mention.span);
            if parallax_nlp::lexicon::canonical_place(surface).is_some() {
                continue;
            }
            for word in surface.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                let is_country =
                    parallax_nlp::lexicon::canonical_place(word).is_some() || parallax_nlp::lexicon::place_of_demonym(word).is_some();
                if word.chars().next().is_some_and(char::is_uppercase) && word.len() > 1 && !is_country {
                    words.insert(word.to_owned());
                }
            }
        }
    }
    words
}

/// `text` with every whole-word occurrence of a renamable word replaced by an invented
/// one, the same word always by the same invention within a variant.
fn rename(text: &str, renamable: &HashSet<String>, seed: u64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut String, word: &str| {
        if renamable.contains(word) {
            out.push_str(&invented_word(word, seed));
        } else if let Some((place, plural)) = demonym_of(word, renamable) {
            // "Varnian", "Corvanians": the people of a renamed place take its new name.
            let invented = invented_word(place, seed);
            let ending = if invented.ends_with(['a', 'e', 'i', 'o', 'u']) { "n" } else { "ian" };
            out.push_str(&format!("{invented}{ending}{}", if plural { "s" } else { "" }));
        } else {
            out.push_str(word);
        }
    };
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || c == '-';
        match (word_start, in_word) {
            (None, true) => word_start = Some(i),
            (Some(start), false) => {
                flush(&mut out, &text[start..i]);
                out.push(c);
                word_start = None;
            }
            (None, false) => out.push(c),
            (Some(_), true) => {}
        }
    }
    if let Some(start) = word_start {
        flush(&mut out, &text[start..]);
    }
    out
}

/// The renamable place whose people `word` names ("Varnian" of "Varnia", "Toskarians" of
/// "Toskar", "Pelorian" of "Pelora"), and whether it is plural.
fn demonym_of<'r>(word: &str, renamable: &'r HashSet<String>) -> Option<(&'r str, bool)> {
    let (singular, plural) = match word.strip_suffix('s') {
        Some(singular) => (singular, true),
        None => (word, false),
    };
    ["ian", "an", "n"]
        .iter()
        .find_map(|suffix| {
            let stem = singular.strip_suffix(suffix).filter(|s| s.len() >= 3)?;
            [format!("{stem}ia"), format!("{stem}a"), stem.to_owned()]
                .into_iter()
                .find_map(|place| renamable.get(&place).map(String::as_str))
        })
        .map(|place| (place, plural))
}

/// A pronounceable invented word standing for `word` in variant `seed`; all-caps words
/// (acronyms) get an invented acronym of the same length.
fn invented_word(word: &str, seed: u64) -> String {
    const SYLLABLES: &[&str] =
        &["ka", "lo", "mir", "ten", "va", "ros", "dun", "el", "sa", "tor", "vik", "ne", "bra", "lin", "ost", "qua", "zel", "pe"];
    let in_capitals = word.chars().all(|c| !c.is_lowercase());
    if in_capitals && word.len() > 5 {
        // A dateline's "ALDERHAVEN" is the "Alderhaven" of the text, in capitals.
        let mut chars = word.chars();
        let titled: String = chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect();
        return invented_word(&titled, seed).to_uppercase();
    }
    let mut state = word.bytes().fold(mix(seed), |h, b| mix(h ^ u64::from(b)));
    if word.len() <= 5 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return word
            .chars()
            .map(|_| {
                state = mix(state);
                (b'A' + (state % 26) as u8) as char
            })
            .collect();
    }
    // Three or four syllables: two variants rarely invent the same name for one word (with
    // two, "Pelora" became "Quaost" in two variants of a story, which then made one story).
    let syllables = 3 + (state % 2) as usize;
    let mut invented = String::new();
    for _ in 0..syllables {
        state = mix(state);
        invented.push_str(SYLLABLES[(state % SYLLABLES.len() as u64) as usize]);
    }
    let mut chars = invented.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b_cubed_of_known_clusterings() {
        assert_eq!(b_cubed(&[0, 0, 1, 1], &[5, 5, 6, 6]), (1.0, 1.0));
        let (p, r) = b_cubed(&[0, 0, 0, 0], &[1, 1, 2, 2]);
        assert!((p - 0.5).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    }

    #[test]
    fn renaming_is_consistent_and_keeps_other_words() {
        let renamable: HashSet<String> = ["Halvik", "TSC"].iter().map(|s| s.to_string()).collect();
        let renamed = rename("Halvik met the TSC. Halvik left Kestria.", &renamable, 7);
        let words: Vec<&str> = renamed.split(' ').collect();
        assert_eq!(words[0], words[4]);
        assert_ne!(words[0], "Halvik");
        assert!(renamed.ends_with("left Kestria."));
        assert_eq!(words[3].trim_end_matches('.').len(), 3);
    }
}
