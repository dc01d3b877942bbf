//! Stories: articles about the same events, grouped incrementally.
//!
//! [`StoryIndex`] takes articles one at a time and places each in an existing story or a
//! new one; it never splits what it placed, but an article that qualifies for two stories
//! with at least [`MIN_SHARED_ENTITIES`] specific names each merges them (their reports
//! arrived apart):
//! - **Near-duplicates** (syndicated copies, re-published wires) are found first by
//!   MinHash over word 5-shingles with locality-sensitive hashing (16 bands of 4 rows);
//!   an article whose estimated resemblance to an earlier one is at least
//!   [`DUPLICATE_RESEMBLANCE`] joins that article's story and is marked as its copy.
//! - Otherwise the article is scored against the stories that share one of its entities
//!   (an event claim with its place, "attacked post in Gao", counts as one, and so do a
//!   rate's or a count's exact figure with a place, "102 abducted in Kurgi"),
//!   found through an inverted index (entities in more than [`MAX_POSTINGS`] stories are
//!   too common to propose candidates; they still count in the score). Article and story
//!   are vectors over entities, weighted by (1 + ln mentions) × inverse document frequency,
//!   countries and the names many countries' bodies bear ("Interior Ministry", "Central
//!   Election Commission") scaled down by [`BROAD_WEIGHT`]; the names an article repeats are the ones
//!   it is about. The best story by cosine similarity that shares at least
//!   [`MIN_SHARED_ENTITIES`] specific names and scores at least [`JOIN_SCORE`] (or shares
//!   one that the article repeats and scores at least [`SINGLE_NAME_SCORE`]), and has an
//!   article within [`DATE_WINDOW_DAYS`] of the article's date (when both are known)
//!   takes it; a story's vector and norm are updated incrementally.
//! - A name an article writes only in short form (an organisation's acronym, a person's
//!   surname) counts as the full name that an article tied it to, unless two full names
//!   claim it.
//!
//! Two reports of one event share its particular names: people, places below the
//! country, organisations. Two events of one kind (two earthquakes in a month) share
//! little beyond the country, which carries little weight. Cost per article is bounded
//! by its entities times the capped posting lists, so the whole is near-linear.

use parallax_core::layer::{Claims, Entities, Sentences};
use parallax_core::{ClaimKind, Document, EntityLabel};
use std::collections::HashMap;

/// Minimum cosine similarity between an article's entity vector and a story's for the
/// story to take the article.
pub const JOIN_SCORE: f64 = 0.12;
/// An article must share at least this many specific entities (not countries) with a
/// story to join it: one name alone does not make two reports one story.
pub const MIN_SHARED_ENTITIES: usize = 2;
/// A story that shares only one specific name with an article, a name the article repeats,
/// takes it when their cosine similarity reaches this: two short reports about one town
/// ("Kallos", twice in each) are about little else. On the story eval (`parallax eval
/// stories`) 0.3 and 0.25 keep B-cubed precision at 1.000 (F1 0.965 and 0.970; 0.966 without
/// the rule), and 0.2 merges stories (precision 0.977): 0.3 keeps a margin from that.
pub const SINGLE_NAME_SCORE: f64 = 0.3;
/// Countries and their demonyms name where an event happened, not which event: they weigh
/// this much of a specific name.
pub const BROAD_WEIGHT: f64 = 0.3;
/// Minimum estimated resemblance for an article to be a copy of another.
pub const DUPLICATE_RESEMBLANCE: f64 = 0.8;
/// Dated articles join only stories with an article within this many days.
pub const DATE_WINDOW_DAYS: i64 = 4;
/// Entities found in more stories than this do not propose candidates.
pub const MAX_POSTINGS: usize = 64;

const BANDS: usize = 16;
const ROWS: usize = 4;
const SIGNATURE: usize = BANDS * ROWS;

/// What grouping needs to know of an article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleFeatures {
    /// Canonical entity names, lower-cased, each with how often the article mentions it.
    pub entities: Vec<(String, u32)>,
    /// Publication date as days since 1970-01-01, when known.
    pub day: Option<i64>,
    /// MinHash signature of the text's word 5-shingles (empty for very short texts).
    pub signature: Vec<u64>,
    /// Short forms the article ties to a full name, lower-cased: an acronym it wrote for an
    /// organisation ("nlf" → "northern liberation front") and each person's surname ("harrak"
    /// → "yusuf harrak"). Another article that writes only the short form names the same.
    pub short_forms: Vec<(String, String)>,
}

impl ArticleFeatures {
    /// Features of an analysed document (entities layer; text outside boilerplate).
    pub fn from_document(doc: &Document) -> ArticleFeatures {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut short_forms: Vec<(String, String)> = Vec::new();
        for mention in doc.layer::<Entities>().unwrap_or(&[]) {
            let name = mention.canonical.to_lowercase();
            let written = doc.slice(mention.span);
            let acronym =
                mention.label == EntityLabel::Organisation && parallax_nlp::entities::is_acronym(written) && written != mention.canonical;
            let surname = (mention.label == EntityLabel::Person).then(|| name.rsplit_once(' ').map(|(_, last)| last)).flatten();
            let short = if acronym { Some(written.to_lowercase()) } else { surname.map(str::to_owned) };
            if let Some(short) = short.filter(|short| !short_forms.iter().any(|(s, _)| s == short)) {
                short_forms.push((short, name.clone()));
            }
            *counts.entry(name).or_insert(0) += 1;
        }
        for key in claim_keys(doc) {
            counts.entry(key).or_insert(1);
        }
        let mut entities: Vec<(String, u32)> = counts.into_iter().collect();
        entities.sort();
        let body: String = match doc.layer::<Sentences>() {
            Ok(sentences) => sentences.iter().map(|s| doc.slice(s.span)).collect::<Vec<_>>().join(" "),
            Err(_) => doc.text().as_str().to_owned(),
        };
        let day = doc.meta.published_date().and_then(days_since_epoch);
        ArticleFeatures { entities, day, signature: minhash(&body), short_forms }
    }
}

/// Where an article was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub story: usize,
    /// The earlier article (by insertion index) this one is a near-copy of.
    pub duplicate_of: Option<usize>,
}

#[derive(Debug, Default)]
struct Story {
    /// The sum of its articles' entity vectors (weights fixed when each article joined).
    vector: HashMap<u32, f64>,
    /// The squared norm of `vector`, kept up to date as articles join.
    norm2: f64,
    first_day: Option<i64>,
    last_day: Option<i64>,
}

/// An incremental grouping of articles into stories.
#[derive(Debug, Default)]
pub struct StoryIndex {
    entity_ids: HashMap<String, u32>,
    /// Per entity: how many articles mention it.
    document_frequency: Vec<u32>,
    /// Per entity: the stories that hold it.
    postings: Vec<Vec<u32>>,
    stories: Vec<Story>,
    placements: Vec<Placement>,
    /// Per band: bucket hash → articles.
    buckets: Vec<HashMap<u64, Vec<u32>>>,
    signatures: Vec<Vec<u64>>,
    /// Short form → the one full name articles tied it to, or `None` once two full names
    /// claim it (two people called Harrak).
    short_forms: HashMap<String, Option<String>>,
}

impl StoryIndex {
    pub fn new() -> StoryIndex {
        StoryIndex { buckets: vec![HashMap::new(); BANDS], ..StoryIndex::default() }
    }

    /// How many articles have been placed.
    pub fn len(&self) -> usize {
        self.placements.len()
    }

    pub fn is_empty(&self) -> bool {
        self.placements.is_empty()
    }

    /// Learns the short forms an article ties to full names (see
    /// [`ArticleFeatures::short_forms`]); [`StoryIndex::add`] calls it for each article, and a
    /// caller that holds the whole batch may call it for all first.
    pub fn learn_short_forms(&mut self, article: &ArticleFeatures) {
        for (short, full) in &article.short_forms {
            let known = self.short_forms.entry(short.clone()).or_insert_with(|| Some(full.clone()));
            if known.as_ref().is_some_and(|known| known != full) {
                *known = None;
            }
        }
    }

    /// Places one article and returns where it went.
    pub fn add(&mut self, article: &ArticleFeatures) -> Placement {
        let index = self.placements.len() as u32;
        self.learn_short_forms(article);
        // A name written only in short form ("NLF", "Harrak said") counts as its full name.
        let mut entities: Vec<(String, u32)> = Vec::with_capacity(article.entities.len());
        for (name, count) in &article.entities {
            let full = self.short_forms.get(name).and_then(Option::as_ref).unwrap_or(name);
            match entities.iter_mut().find(|(known, _)| known == full) {
                Some((_, total)) => *total += count,
                None => entities.push((full.clone(), *count)),
            }
        }
        let vector: Vec<(u32, f64, bool)> = entities
            .iter()
            .map(|(name, count)| {
                let id = self.intern(name);
                let broad = is_broad(name) || parallax_nlp::lexicon::is_generic_institution(name);
                let weight = (1.0 + f64::from((*count).max(1)).ln()) * self.idf(id) * if broad { BROAD_WEIGHT } else { 1.0 };
                (id, weight, broad)
            })
            .collect();
        let placement = match self.find_duplicate(&article.signature) {
            Some(original) => Placement { story: self.placements[original as usize].story, duplicate_of: Some(original as usize) },
            None => {
                let repeated: Vec<u32> =
                    vector.iter().zip(&entities).filter(|(_, (_, count))| *count >= 2).map(|((id, _, _), _)| *id).collect();
                let qualifying = self.qualifying_stories(&vector, &repeated, article.day);
                let story = qualifying.first().map_or(self.stories.len(), |&(story, _)| story);
                // An article that names two stories' particular names as strongly as a join
                // asks (at least two specific names each) bridges them: they were one story
                // whose reports arrived apart ("Observers count 22 dead in Varnia-Toskar
                // fighting" before the wire that names both the observers and the towns).
                for &(other, bridges) in qualifying.iter().skip(1) {
                    if bridges {
                        self.merge(other, story);
                    }
                }
                Placement { story, duplicate_of: None }
            }
        };
        for &(e, _, _) in &vector {
            self.document_frequency[e as usize] += 1;
        }
        if placement.story == self.stories.len() {
            self.stories.push(Story::default());
        }
        let story_id = placement.story as u32;
        let story = &mut self.stories[placement.story];
        for &(e, weight, _) in &vector {
            let slot = story.vector.entry(e).or_insert(0.0);
            if *slot == 0.0 {
                self.postings[e as usize].push(story_id);
            }
            // ||s + a||² = ||s||² + 2 s·a + ||a||², one entity at a time.
            story.norm2 += 2.0 * *slot * weight + weight * weight;
            *slot += weight;
        }
        if let Some(day) = article.day {
            story.first_day = Some(story.first_day.map_or(day, |d| d.min(day)));
            story.last_day = Some(story.last_day.map_or(day, |d| d.max(day)));
        }
        self.remember_signature(index, &article.signature);
        self.placements.push(placement);
        placement
    }

    /// The stories, each a list of article indices in insertion order (a story merged into
    /// another is left out).
    pub fn stories(&self) -> Vec<Vec<usize>> {
        let mut stories = vec![Vec::new(); self.stories.len()];
        for (i, placement) in self.placements.iter().enumerate() {
            stories[placement.story].push(i);
        }
        stories.retain(|members| !members.is_empty());
        stories
    }

    /// Moves every article of story `from` into story `into`; `from` is left empty.
    fn merge(&mut self, from: usize, into: usize) {
        if from == into {
            return;
        }
        let moved = std::mem::take(&mut self.stories[from]);
        for (e, weight) in moved.vector {
            let postings = &mut self.postings[e as usize];
            postings.retain(|&s| s as usize != from);
            let story = &mut self.stories[into];
            let slot = story.vector.entry(e).or_insert(0.0);
            if *slot == 0.0 {
                postings.push(into as u32);
            }
            story.norm2 += 2.0 * *slot * weight + weight * weight;
            *slot += weight;
        }
        let story = &mut self.stories[into];
        story.first_day = [story.first_day, moved.first_day].into_iter().flatten().min();
        story.last_day = [story.last_day, moved.last_day].into_iter().flatten().max();
        for placement in self.placements.iter_mut().filter(|p| p.story == from) {
            placement.story = into;
        }
    }

    pub fn placements(&self) -> &[Placement] {
        &self.placements
    }

    fn intern(&mut self, entity: &str) -> u32 {
        if let Some(&id) = self.entity_ids.get(entity) {
            return id;
        }
        let id = self.document_frequency.len() as u32;
        self.entity_ids.insert(entity.to_owned(), id);
        self.document_frequency.push(0);
        self.postings.push(Vec::new());
        id
    }

    fn idf(&self, entity: u32) -> f64 {
        let n = self.placements.len() as f64 + 1.0;
        ((n + 1.0) / (f64::from(self.document_frequency[entity as usize]) + 1.0)).ln() + 1.0
    }

    /// The stories the article may join, best first, each with whether it shares at least
    /// [`MIN_SHARED_ENTITIES`] specific names and scores at least [`JOIN_SCORE`].
    /// `repeated`: the entities the article names more than once; a story that shares one
    /// specific name alone must share one of these.
    fn qualifying_stories(&self, article: &[(u32, f64, bool)], repeated: &[u32], day: Option<i64>) -> Vec<(usize, bool)> {
        let article_norm = article.iter().map(|(_, w, _)| w * w).sum::<f64>().sqrt();
        if article_norm == 0.0 {
            return Vec::new();
        }
        // Candidate stories and, per story, the dot product and the specific names shared.
        let mut candidates: HashMap<u32, (f64, usize, bool)> = HashMap::new();
        for &(e, weight, broad) in article {
            let postings = &self.postings[e as usize];
            if postings.len() > MAX_POSTINGS {
                continue;
            }
            for &story in postings {
                let entry = candidates.entry(story).or_insert((0.0, 0, false));
                entry.0 += weight * self.stories[story as usize].vector.get(&e).copied().unwrap_or(0.0);
                entry.1 += usize::from(!broad);
                entry.2 |= !broad && repeated.contains(&e);
            }
        }
        // Entities too common to propose candidates still count for the candidates found.
        let common: Vec<(u32, f64)> =
            article.iter().filter(|(e, _, _)| self.postings[*e as usize].len() > MAX_POSTINGS).map(|&(e, w, _)| (e, w)).collect();
        let mut qualifying = candidates
            .into_iter()
            .filter(|&(story, (_, specific, repeated))| {
                (specific >= MIN_SHARED_ENTITIES || (specific == 1 && repeated)) && self.within_dates(story as usize, day)
            })
            .map(|(story, (dot, specific, _))| {
                let story_state = &self.stories[story as usize];
                let extra: f64 = common.iter().map(|(e, w)| w * story_state.vector.get(e).copied().unwrap_or(0.0)).sum();
                (story as usize, (dot + extra) / (article_norm * story_state.norm2.sqrt()), specific)
            })
            .filter(|&(_, score, specific)| score >= if specific >= MIN_SHARED_ENTITIES { JOIN_SCORE } else { SINGLE_NAME_SCORE })
            .collect::<Vec<_>>();
        qualifying.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        qualifying.into_iter().map(|(story, _, specific)| (story, specific >= MIN_SHARED_ENTITIES)).collect()
    }

    fn within_dates(&self, story: usize, day: Option<i64>) -> bool {
        let story = &self.stories[story];
        match (day, story.first_day, story.last_day) {
            (Some(day), Some(first), Some(last)) => day >= first - DATE_WINDOW_DAYS && day <= last + DATE_WINDOW_DAYS,
            _ => true,
        }
    }

    fn find_duplicate(&self, signature: &[u64]) -> Option<u32> {
        if signature.len() != SIGNATURE {
            return None;
        }
        let mut best: Option<(u32, f64)> = None;
        for (band, buckets) in self.buckets.iter().enumerate() {
            let Some(candidates) = buckets.get(&band_hash(signature, band)) else { continue };
            for &candidate in candidates {
                let resemblance = resemblance(signature, &self.signatures[candidate as usize]);
                if resemblance >= DUPLICATE_RESEMBLANCE && best.is_none_or(|(_, r)| resemblance > r) {
                    best = Some((candidate, resemblance));
                }
            }
        }
        best.map(|(candidate, _)| candidate)
    }

    fn remember_signature(&mut self, index: u32, signature: &[u64]) {
        self.signatures.push(signature.to_vec());
        if signature.len() == SIGNATURE {
            for band in 0..BANDS {
                self.buckets[band].entry(band_hash(signature, band)).or_default().push(index);
            }
        }
    }
}

/// True for countries, their demonyms and capitals, which name where an event happened.
fn is_broad(name: &str) -> bool {
    let titled: String = name.split(' ').map(crate::build::capitalise).collect::<Vec<_>>().join(" ");
    parallax_nlp::lexicon::canonical_place(&titled).is_some()
        || parallax_nlp::lexicon::place_of_demonym(&titled).is_some()
        || parallax_nlp::lexicon::country_of_capital(&titled).is_some()
}

/// Minimum Jaccard similarity of two articles' entity sets for [`group_by_entity_links`]
/// to link them.
pub const LINK_THRESHOLD: f64 = 0.15;

/// The simpler grouping the corpus store keeps incrementally in its database: two
/// articles are linked when the Jaccard similarity of their entity sets reaches
/// [`LINK_THRESHOLD`], and stories are the linked components (indices into `docs`,
/// ordered by first member). It is order-independent, which is what lets the store keep
/// it exactly; [`StoryIndex`], which `parallax brief` uses, separates same-topic events
/// better and recognises copies, and is meant to replace it in the store.
pub fn group_by_entity_links(docs: &[&Document]) -> Vec<Vec<usize>> {
    let sets: Vec<std::collections::BTreeSet<String>> = docs.iter().map(|d| link_keys(d)).collect();
    let mut components = crate::union_find::DisjointSets::new(docs.len());
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let shared = sets[i].intersection(&sets[j]).count();
            let union = sets[i].union(&sets[j]).count();
            if union > 0 && shared as f64 / union as f64 >= LINK_THRESHOLD {
                components.union(i, j);
            }
        }
    }
    components.groups()
}

/// Keys of an article's claims that are as particular to one story as a name, lower-cased.
/// An event with its place ("attacked a post near Gao"): two short reports that share only
/// the place share the event too. A rate with its exact figure in the place the article
/// names most ("inflation 38% in Corvania"), and an exact count of people of at least 20 with
/// each of the three places below the country the article names most ("102 abducted", with
/// Kurgi): a follow-up that names other people gives the figure again.
pub fn claim_keys(doc: &Document) -> Vec<String> {
    let mut places: HashMap<&str, usize> = HashMap::new();
    for mention in doc.layer::<Entities>().unwrap_or(&[]).iter().filter(|m| m.label == EntityLabel::Place) {
        *places.entry(mention.canonical.as_str()).or_insert(0) += 1;
    }
    let mut by_mentions: Vec<(&str, usize)> = places.into_iter().collect();
    by_mentions.sort_by_key(|&(place, n)| (std::cmp::Reverse(n), place));
    let main_place = by_mentions.first().map(|&(place, _)| place);
    let mut keys = Vec::new();
    for claim in doc.layer::<Claims>().unwrap_or(&[]) {
        if let (ClaimKind::Event, Some(place)) = (claim.kind, &claim.place) {
            keys.push(format!("event: {} {} in {}", claim.predicate, claim.subject, place));
        }
        let counted = matches!(claim.kind, ClaimKind::Casualty | ClaimKind::Detention);
        if let (true, Some(value)) = (counted, claim.value.filter(|v| v.is_exact() && v.low >= 20.0)) {
            // Not a country's name, which other events there share.
            for (place, _) in by_mentions.iter().filter(|(place, _)| !is_broad(place)).take(3) {
                keys.push(format!("count: {} {} in {}", claim.predicate, value.low, place));
            }
        }
        let rate = claim.kind == ClaimKind::Measure && claim.predicate == "(%)";
        if let (true, Some(value), Some(place)) = (rate, claim.value.filter(|v| v.is_exact()), main_place) {
            keys.push(format!("rate: {} {} in {}", claim.subject, value.low, place));
        }
    }
    keys.iter_mut().for_each(|k| *k = k.to_lowercase());
    keys.sort();
    keys.dedup();
    keys
}

/// The names [`group_by_entity_links`] compares: the article's entities' canonical names,
/// lower-cased, without the names many countries' bodies bear ("interior ministry"), which
/// would link two countries' elections.
pub fn link_keys(doc: &Document) -> std::collections::BTreeSet<String> {
    doc.layer::<Entities>()
        .unwrap_or(&[])
        .iter()
        .filter(|e| !parallax_nlp::lexicon::is_generic_institution(&e.canonical))
        .map(|e| e.canonical.to_lowercase())
        .collect()
}

/// Groups `docs` into stories (indices into `docs`, in input order).
pub fn group_stories(docs: &[&Document]) -> Vec<Vec<usize>> {
    group(docs).0
}

/// Groups `docs` and says which are near-copies of an earlier one.
pub fn group(docs: &[&Document]) -> (Vec<Vec<usize>>, Vec<Option<usize>>) {
    let mut index = StoryIndex::new();
    let features: Vec<ArticleFeatures> = docs.iter().map(|doc| ArticleFeatures::from_document(doc)).collect();
    for article in &features {
        index.learn_short_forms(article);
    }
    for article in &features {
        index.add(article);
    }
    let duplicates = index.placements().iter().map(|p| p.duplicate_of).collect();
    (index.stories(), duplicates)
}

/// Share of signature positions on which two signatures agree: an estimate of the
/// Jaccard resemblance of the two shingle sets.
fn resemblance(a: &[u64], b: &[u64]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

fn band_hash(signature: &[u64], band: usize) -> u64 {
    signature[band * ROWS..(band + 1) * ROWS].iter().fold(band as u64, |hash, &value| mix(hash ^ value))
}

/// MinHash signature of the lower-cased word 5-shingles of `text`; empty when the text
/// has fewer than five words.
pub fn minhash(text: &str) -> Vec<u64> {
    let words: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.len() < 5 {
        return Vec::new();
    }
    let mut signature = vec![u64::MAX; SIGNATURE];
    for shingle in words.windows(5) {
        let base = shingle.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, word| {
            word.bytes().fold(hash ^ 0x20, |h, byte| (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
        });
        for (k, slot) in signature.iter_mut().enumerate() {
            let value = mix(base ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if value < *slot {
                *slot = value;
            }
        }
    }
    signature
}

/// SplitMix64's finaliser: a fast, well-mixed 64-bit hash step.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
pub fn days_since_epoch(date: &str) -> Option<i64> {
    let year: i64 = date.get(0..4)?.parse().ok()?;
    let month: i64 = date.get(5..7)?.parse().ok()?;
    let day: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(entities: &[&str], day: Option<i64>, text: &str) -> ArticleFeatures {
        ArticleFeatures {
            entities: entities.iter().map(|e| (e.to_lowercase(), 1)).collect(),
            day,
            signature: minhash(text),
            short_forms: Vec::new(),
        }
    }

    #[test]
    fn same_event_joins_and_same_kind_of_event_stays_apart() {
        let mut index = StoryIndex::new();
        let quake_a = index.add(&features(
            &["Ambrel Valley", "Dovrania", "Civil Protection Agency", "Mara Ilic"],
            Some(100),
            "a strong earthquake struck the ambrel valley killing eighty seven people on saturday",
        ));
        let quake_a2 = index.add(&features(
            &["Ambrel Valley", "Dovrania", "Mara Ilic"],
            Some(101),
            "rescuers searched the rubble in the ambrel valley after the quake",
        ));
        let quake_b = index.add(&features(
            &["Teska Valley", "Dovrania", "Red Cross", "Piet Oran"],
            Some(120),
            "a strong earthquake struck the teska valley killing twelve people",
        ));
        assert_eq!(quake_a.story, quake_a2.story);
        assert_ne!(quake_a.story, quake_b.story, "another earthquake in the same country is another story");
    }

    #[test]
    fn exact_figures_with_their_places_are_names_of_the_story() {
        let analyse = |text: &str| parallax_nlp::default_pipeline().unwrap().run(Document::new("t", text, Default::default())).unwrap();
        let follow_up = analyse(
            "Parents say kidnappers demand ransom\n\nThe state has insisted that 102 girls were taken from the school in Kurgi, \
             but the principal, Aisha Bello, said 121 were missing.",
        );
        let features = ArticleFeatures::from_document(&follow_up);
        let keys: Vec<&str> = features.entities.iter().map(|(name, _)| name.as_str()).filter(|n| n.starts_with("count: ")).collect();
        assert!(keys.contains(&"count: abducted 102 in kurgi"), "{keys:?}");
        // Small counts and countries give no key: many events share them.
        let small = analyse("Gunmen abducted 12 pupils in Nigeria on Thursday.");
        let features = ArticleFeatures::from_document(&small);
        assert!(!features.entities.iter().any(|(name, _)| name.starts_with("count: ")), "{:?}", features.entities);
    }

    #[test]
    fn an_article_that_bridges_two_stories_makes_them_one() {
        let mut index = StoryIndex::new();
        index.add(&features(&["Ostrel", "Belgrav", "Border Monitoring Mission"], Some(10), "observers count dead"));
        index.add(&features(&["Darnak", "Arvid Koller", "Ostrel"], Some(10), "troops repel an incursion"));
        index.add(&features(&["Kallos", "Petra Halvik"], Some(10), "another story in another town"));
        assert_eq!(index.stories().len(), 3);
        // The wire names the observers' towns and mission, and the commander and his town.
        index.add(&features(
            &["Ostrel", "Belgrav", "Border Monitoring Mission", "Darnak", "Arvid Koller"],
            Some(10),
            "the wire names everyone",
        ));
        assert_eq!(index.stories(), [vec![0, 1, 3], vec![2]], "one name shared does not bridge: Kallos stays apart");
        assert!(index.placements().iter().take(2).all(|p| p.story == index.placements()[3].story));
    }

    #[test]
    fn a_name_written_only_in_short_form_meets_its_full_name() {
        let full = |names: &[&str], short: &[(&str, &str)]| ArticleFeatures {
            short_forms: short.iter().map(|(s, f)| (s.to_string(), f.to_string())).collect(),
            ..features(names, Some(10), "")
        };
        let wire = full(
            &["Northern Liberation Front", "Yusuf Harrak", "Kafr Sinna", "Qadira", "Bel Harun", "Ines Calder"],
            &[("nlf", "northern liberation front"), ("harrak", "yusuf harrak"), ("calder", "ines calder")],
        );
        let bulletin = features(&["NLF", "Harrak", "Kafr Sinna", "Paolo Brandt", "United Nations"], Some(11), "");
        let mut index = StoryIndex::new();
        let first = index.add(&wire);
        assert_eq!(index.add(&bulletin).story, first.story);
        // Two people with one surname leave the surname alone.
        let bulletin = features(&["NLF", "Harrak", "Paolo Brandt", "United Nations"], Some(11), "");
        let mut index = StoryIndex::new();
        let first = index.add(&wire);
        index.learn_short_forms(&full(&["Omar Harrak"], &[("harrak", "omar harrak")]));
        assert_ne!(index.add(&bulletin).story, first.story);
    }

    #[test]
    fn a_syndicated_copy_is_marked_as_a_duplicate() {
        let text = "Police detained the union leader before dawn on Wednesday, his family said, as troops secured the container terminal and dockers gathered at the gate";
        let mut index = StoryIndex::new();
        let original = index.add(&features(&["Teodor Brankovic"], None, text));
        let copy = index.add(&features(&["Teodor Brankovic"], None, &format!("{text} (Reuters)")));
        assert_eq!(copy, Placement { story: original.story, duplicate_of: Some(0) });
    }

    #[test]
    fn dates_far_apart_keep_stories_apart() {
        let mut index = StoryIndex::new();
        let first = index.add(&features(&["Port Vessant", "Petra Halvik"], Some(10), "strike"));
        let later = index.add(&features(&["Port Vessant", "Petra Halvik"], Some(200), "strike again"));
        assert_ne!(first.story, later.story);
    }

    #[test]
    fn two_short_reports_of_one_attack_share_its_place_and_the_event() {
        let analysed = |id: &str, text: &str| {
            let meta = parallax_core::Metadata { published: Some("2024-03-03".to_owned()), ..Default::default() };
            parallax_nlp::default_pipeline().unwrap().run(Document::new(id, text, meta)).unwrap()
        };
        let first = analysed("a", "Militants attacked an army post near Gao on Sunday, killing 12 soldiers, the army said.");
        let second = analysed("b", "Rebels attacked a military post near Gao on Sunday, according to the army.");
        let third = analysed("c", "Rebels attacked a convoy near Gao on Sunday, the army said.");
        let stories = group_stories(&[&first, &second, &third]);
        assert!(stories.contains(&vec![0, 1]), "one attack on a post near Gao: {stories:?}");
        assert!(stories.contains(&vec![2]), "an attack on a convoy is another event: {stories:?}");
    }

    #[test]
    fn two_short_reports_about_one_town_and_little_else_are_one_story() {
        let counted = |names: &[(&str, u32)], day: i64| ArticleFeatures {
            entities: names.iter().map(|(n, c)| (n.to_lowercase(), *c)).collect(),
            ..features(&[], Some(day), "")
        };
        let mut index = StoryIndex::new();
        let militia = index.add(&counted(&[("Kallos", 2), ("People's Militia of Kallos", 1), ("Arkady Volk", 1)], 10));
        let monitors = index.add(&counted(&[("Kallos", 2), ("Annika Berg", 1)], 11));
        assert_eq!(militia.story, monitors.story);
        // One name shared among many others is not enough.
        let mut index = StoryIndex::new();
        let first = index.add(&counted(&[("Kallos", 1), ("Ana Ruiz", 3), ("Port Vessant", 3), ("Dock Union", 2)], 10));
        let second = index.add(&counted(&[("Kallos", 1), ("Mara Ilic", 3), ("Ambrel Valley", 3), ("Red Cross", 2)], 11));
        assert_ne!(first.story, second.story);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(days_since_epoch("1970-01-01"), Some(0));
        assert_eq!(days_since_epoch("2022-01-07"), Some(18999));
        assert_eq!(days_since_epoch("2022-13-07"), None);
    }
}
