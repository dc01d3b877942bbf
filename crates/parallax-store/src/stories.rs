//! Grouping articles into stories as they arrive, and rebuilding the brief of each story
//! an arrival touches.
//!
//! The grouping is the one `parallax_brief::stories::group_by_entity_links` computes over a whole batch —
//! two articles are linked when the Jaccard similarity of their entity sets reaches
//! `parallax_brief::stories::LINK_THRESHOLD`, and stories are the linked components — but
//! computed incrementally: a new article is compared only with the stored articles that
//! share an entity with it (found through the `article_entities` index, at most
//! [`NEIGHBOURS_PER_ENTITY`] recent ones per entity),
//! and every story it links to is merged into the oldest. The test suite checks that the
//! partition equals `group_by_entity_links` over the same articles.
//!
//! Both backends run this code inside the transaction of [`crate::Store::complete`]
//! through [`StoryTx`]; PostgreSQL serialises it with an advisory lock so that two workers
//! completing at once cannot both miss the link between their articles.

use crate::{ArticleId, Result, StoryId};
use parallax_brief::stories::LINK_THRESHOLD;
use parallax_brief::Verdict;
use parallax_core::Document;
use std::collections::{BTreeSet, HashSet};

/// The keys an article is grouped by: `parallax_brief::stories::link_keys`, the same sets
/// `parallax_brief::stories::group_by_entity_links` compares.
pub fn entity_keys(doc: &Document) -> Vec<String> {
    parallax_brief::stories::link_keys(doc).into_iter().collect()
}

/// Whether the English-only analysis takes this article (unknown language counts as
/// English, as in `parallax_brief::briefs`).
pub(crate) fn is_analysed_language(doc: &Document) -> bool {
    doc.meta.language.as_deref().is_none_or(|language| language == "en")
}

/// A stored article that shares at least one entity with the one being grouped: its
/// story, how many of the new article's keys it has, and how many keys it has in all.
pub(crate) struct Neighbour {
    pub story: StoryId,
    pub shared: i64,
    pub keys: i64,
}

/// For each of its entities, a new article is compared with at most this many stored
/// articles naming it, the most recent ones, so that grouping one article costs the same
/// in a corpus of a million as in one of a thousand, however common its entities (a
/// country, a news agency, a weekday). News stories are local in time, so the recent
/// articles are the ones that matter; an article older than this many mentions of every
/// entity the two share is the only case where grouping departs from `group_by_entity_links`.
pub const NEIGHBOURS_PER_ENTITY: i64 = 200;

/// At most this many of an article's entities are used to look for neighbours (all of
/// them count in the similarity); SQLite allows 500 terms in one compound query.
pub(crate) const MAX_LOOKUP_KEYS: usize = 400;

/// A story's row as saved after its brief is rebuilt.
pub(crate) struct SavedStory {
    pub title: String,
    pub articles: i64,
    pub outlets: i64,
    pub facts: i64,
    pub disputed: i64,
    pub updated_at: i64,
    pub brief_json: String,
}

/// The operations story grouping needs, inside one open transaction.
pub(crate) trait StoryTx {
    fn insert_entities(&mut self, article: ArticleId, keys: &[String]) -> Result<()>;
    /// Grouped articles other than `article` among the [`NEIGHBOURS_PER_ENTITY`] most recent
    /// naming each of `keys` (the first [`MAX_LOOKUP_KEYS`]), with their counts of shared
    /// and all keys.
    fn neighbours(&mut self, article: ArticleId, keys: &[String]) -> Result<Vec<Neighbour>>;
    fn create_story(&mut self, now: i64) -> Result<StoryId>;
    /// Moves every article of `from` to `into` and deletes `from`.
    fn merge_story_into(&mut self, from: StoryId, into: StoryId) -> Result<()>;
    fn set_article_story(&mut self, article: ArticleId, story: StoryId) -> Result<()>;
    /// The documents of a story's articles, in id order.
    fn story_documents(&mut self, story: StoryId) -> Result<Vec<Document>>;
    fn save_story(&mut self, story: StoryId, saved: &SavedStory) -> Result<()>;
}

/// Stories touched by a transaction, whose briefs must be rebuilt before it commits.
#[derive(Default)]
pub(crate) struct Touched(BTreeSet<StoryId>);

/// Puts a newly analysed article in its story, merging the stories it links; returns the
/// story, or `None` for an article the English-only analysis leaves out.
pub(crate) fn assign(tx: &mut dyn StoryTx, article: ArticleId, doc: &Document, now: i64, touched: &mut Touched) -> Result<Option<StoryId>> {
    if !is_analysed_language(doc) {
        return Ok(None);
    }
    let keys = entity_keys(doc);
    let mut linked: BTreeSet<StoryId> = BTreeSet::new();
    if !keys.is_empty() {
        tx.insert_entities(article, &keys)?;
        for neighbour in tx.neighbours(article, &keys)? {
            if jaccard(keys.len() as i64, &neighbour) >= LINK_THRESHOLD {
                linked.insert(neighbour.story);
            }
        }
    }
    let story = match linked.pop_first() {
        None => tx.create_story(now)?,
        Some(oldest) => {
            for other in linked {
                tx.merge_story_into(other, oldest)?;
                touched.0.remove(&other);
            }
            oldest
        }
    };
    tx.set_article_story(article, story)?;
    touched.0.insert(story);
    Ok(Some(story))
}

/// Jaccard similarity of two key sets from their sizes and the size of their intersection.
fn jaccard(own: i64, other: &Neighbour) -> f64 {
    let union = own + other.keys - other.shared;
    if own == 0 || other.keys == 0 || union <= 0 {
        return 0.0;
    }
    other.shared as f64 / union as f64
}

/// Rebuilds the brief of every touched story.
pub(crate) fn rebuild_touched(tx: &mut dyn StoryTx, touched: Touched, now: i64) -> Result<()> {
    for story in touched.0 {
        let docs = tx.story_documents(story)?;
        let refs: Vec<&Document> = docs.iter().collect();
        let brief = parallax_brief::build_brief(usize::try_from(story).unwrap_or(usize::MAX), &refs);
        let outlets: HashSet<&str> = docs.iter().filter_map(|d| d.meta.outlet.as_deref()).collect();
        let saved = SavedStory {
            title: brief.story.title.clone(),
            articles: docs.len() as i64,
            outlets: outlets.len() as i64,
            facts: brief.facts.len() as i64,
            disputed: brief.facts.iter().filter(|f| f.verdict == Verdict::Disputed).count() as i64,
            updated_at: now,
            brief_json: serde_json::to_string(&brief)?,
        };
        tx.save_story(story, &saved)?;
    }
    Ok(())
}
