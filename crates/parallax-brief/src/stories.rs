//! Stories: articles about the same events, grouped.
//!
//! A first, naive grouping: two articles belong together when they share enough named
//! entities (Jaccard similarity of their entity sets, places and people weighing the
//! same), joined transitively. Groups keep input order; stories are ordered by their
//! first article.

use crate::union_find::DisjointSets;
use parallax_core::layer::Entities;
use parallax_core::Document;
use std::collections::BTreeSet;

/// Minimum Jaccard similarity of two articles' entity sets to join them.
pub const LINK_THRESHOLD: f64 = 0.15;

/// Groups `docs` into stories; each story is a list of indices into `docs`.
pub fn group_stories(docs: &[&Document]) -> Vec<Vec<usize>> {
    let sets_of_entities: Vec<BTreeSet<String>> =
        docs.iter().map(|d| d.layer::<Entities>().unwrap_or(&[]).iter().map(|e| e.canonical.to_lowercase()).collect()).collect();
    let mut sets = DisjointSets::new(docs.len());
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            if jaccard(&sets_of_entities[i], &sets_of_entities[j]) >= LINK_THRESHOLD {
                sets.union(i, j);
            }
        }
    }
    sets.groups()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    shared / a.union(b).count() as f64
}
