//! How story grouping scales: synthetic corpora of 10k to 1M articles.
//!
//! Articles are generated directly as [`ArticleFeatures`] (running the whole language
//! pipeline on a million texts would measure the pipeline, not grouping): stories of
//! 1 to 40 articles, each with its own specific names, one of fifty countries, names from
//! a large pool shared across stories, dates over two years, and 2% syndicated copies.
//! Reports the time, articles per second, peak resident memory and how well the stories
//! were recovered (B-cubed).

use crate::stories::b_cubed;
use parallax_brief::stories::{minhash, ArticleFeatures, StoryIndex};

/// One size's measurements.
#[derive(Clone, Debug)]
pub struct ScaleReport {
    pub articles: usize,
    pub seconds: f64,
    pub peak_rss_mib: Option<f64>,
    pub stories_found: usize,
    pub gold_stories: usize,
    pub b_cubed_f1: f64,
}

/// Generates `articles` synthetic articles, groups them, and measures.
pub fn run(articles: usize, seed: u64) -> ScaleReport {
    let (features, gold, gold_stories) = generate(articles, seed);
    let started = std::time::Instant::now();
    let mut index = StoryIndex::new();
    for article in &features {
        index.add(article);
    }
    let seconds = started.elapsed().as_secs_f64();
    // Read at the end: an article that bridges two stories merges them.
    let stories = index.stories();
    let mut predicted = vec![0; features.len()];
    for (story, members) in stories.iter().enumerate() {
        for &m in members {
            predicted[m] = story;
        }
    }
    let (precision, recall) = b_cubed(&predicted, &gold);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    ScaleReport { articles, seconds, peak_rss_mib: peak_rss_mib(), stories_found: stories.len(), gold_stories, b_cubed_f1: f1 }
}

/// Peak resident set size of this process, from /proc (Linux only).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const COUNTRIES: &[&str] = &[
    "kazakhstan",
    "russia",
    "ukraine",
    "france",
    "germany",
    "kenya",
    "brazil",
    "india",
    "china",
    "japan",
    "mexico",
    "canada",
    "egypt",
    "nigeria",
    "turkey",
    "iran",
    "iraq",
    "syria",
    "israel",
    "spain",
    "italy",
    "poland",
    "sweden",
    "norway",
    "chile",
    "peru",
    "cuba",
    "greece",
    "serbia",
    "georgia",
    "armenia",
    "belarus",
    "moldova",
    "romania",
    "hungary",
    "austria",
    "belgium",
    "denmark",
    "finland",
    "ireland",
    "portugal",
    "morocco",
    "algeria",
    "tunisia",
    "libya",
    "sudan",
    "somalia",
    "ethiopia",
    "uganda",
    "rwanda",
];

/// Features, gold story per article, and the number of gold stories.
fn generate(articles: usize, seed: u64) -> (Vec<ArticleFeatures>, Vec<usize>, usize) {
    let mut rng = Rng(seed);
    let common_pool = 20_000u64;
    let mut features: Vec<ArticleFeatures> = Vec::with_capacity(articles);
    let mut gold = Vec::with_capacity(articles);
    let mut story = 0;
    while features.len() < articles {
        let size = (1 + rng.below(40) * rng.below(40) / 40) as usize;
        let country = COUNTRIES[rng.below(COUNTRIES.len() as u64) as usize];
        let day = rng.below(730) as i64;
        let specific: Vec<String> = (0..8 + rng.below(12)).map(|k| format!("story{story}-name{k}")).collect();
        let story_start = features.len();
        for _ in 0..size {
            if features.len() >= articles {
                break;
            }
            if features.len() > story_start && rng.below(50) == 0 {
                // A syndicated copy of an earlier article of the story.
                let original: ArticleFeatures = features[story_start + rng.below((features.len() - story_start) as u64) as usize].clone();
                features.push(original);
                gold.push(story);
                continue;
            }
            let mut entities: Vec<(String, u32)> = vec![(country.to_owned(), 1 + rng.below(4) as u32)];
            for name in &specific {
                if rng.below(10) < 6 {
                    entities.push((name.clone(), 1 + rng.below(5) as u32));
                }
            }
            for _ in 0..rng.below(4) {
                // Names from a pool shared by all stories: officials, agencies, cities.
                let common = rng.below(common_pool).pow(2) / common_pool;
                entities.push((format!("common{common}"), 1));
            }
            entities.sort();
            entities.dedup_by(|a, b| a.0 == b.0);
            let words: String = (0..60).map(|_| format!("w{} ", rng.below(5_000))).collect();
            features.push(ArticleFeatures {
                entities,
                day: Some(day + rng.below(3) as i64),
                signature: minhash(&words),
                short_forms: Vec::new(),
            });
            gold.push(story);
        }
        story += 1;
    }
    (features, gold, story)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_synthetic_corpus_is_grouped_well() {
        let report = run(2_000, 1);
        assert_eq!(report.articles, 2_000);
        assert!(report.b_cubed_f1 > 0.9, "{report:?}");
    }
}
