//! The SQLite backend ranks queries with few matches itself (`src/ranking.rs`) instead of
//! with FTS5's `bm25()`: these tests hold that path to FTS5's own answers on the same file —
//! the same matches, in the order `bm25()` gives when every word's frequency is counted,
//! and snippets that mark only the query's words.

use parallax_core::{Document, Metadata};
use parallax_store::testing::synthetic_corpus;
use parallax_store::{SqliteStore, Store};
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn sources() -> Vec<(String, String)> {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut sources = Vec::new();
    for story in ["harbour-strike", "valley-earthquake"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(examples.join(story)).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            sources.push((path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    sources
}

/// A store holding `count` synthetic articles (pending: the index covers every article),
/// each titled with its first line, and the file's path.
fn corpus(dir: &Path, count: usize) -> (SqliteStore, PathBuf) {
    let path = dir.join("search.db");
    let store = SqliteStore::open(&path).unwrap();
    let docs: Vec<Document> = synthetic_corpus(&sources(), count)
        .into_iter()
        .map(|(name, text)| {
            let title = text.lines().next().map(str::to_string);
            Document::new(name.clone(), text, Metadata { input: Some(name), title, ..Metadata::default() })
        })
        .collect();
    store.enqueue(&docs).unwrap();
    (store, path)
}

/// FTS5's own ranking: (article, rank), best first.
fn fts5_ranking(path: &Path, query: &str) -> Vec<(i64, f64)> {
    let expression: Vec<String> = query.split_whitespace().map(|w| format!("\"{}\"", w.to_lowercase())).collect();
    let connection = Connection::open(path).unwrap();
    let mut statement = connection.prepare("SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank").unwrap();
    statement.query_map([expression.join(" ")], |row| Ok((row.get(0)?, row.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

/// Renamed entity names of the corpus (words such as `Sarvicpimuri`), rare by construction.
fn names(count: usize) -> Vec<String> {
    let mut names = BTreeSet::new();
    for (_, text) in synthetic_corpus(&sources(), count) {
        names.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 9 && w.chars().next().is_some_and(char::is_uppercase))
                .map(str::to_string),
        );
    }
    names.into_iter().collect()
}

fn assert_snippet_marks_query_words(query: &str, hit: &parallax_store::SearchHit) {
    for range in &hit.highlights {
        let marked = hit.snippet[range.start..range.end].to_lowercase();
        assert!(
            query.split_whitespace().any(|w| marked.starts_with(&w.to_lowercase()[..4.min(w.len())])),
            "`{marked}` marked for {query:?} in {:?}",
            hit.snippet
        );
    }
}

#[test]
fn few_matches_are_ranked_as_fts5_ranks_them() {
    let dir = tempfile::tempdir().unwrap();
    // 120 articles: every word occurs in fewer than 256, so every frequency is counted.
    let (store, path) = corpus(dir.path(), 120);
    let names = names(120);
    assert!(names.len() > 50);
    let mut queries = Vec::new();
    for (i, name) in names.iter().enumerate().step_by(7) {
        queries.push(name.clone());
        queries.push(format!("earthquake {name}"));
        queries.push(format!("harbour workers {name}"));
        queries.push(format!("{name} {}", names[(i * 31 + 5) % names.len()]));
    }
    // Ordinary words with a few dozen matches, in titles and texts.
    queries.extend(["magnitude", "dock strike", "rescuers", "union harbour"].map(str::to_string));
    let mut ranked_here = 0;
    for query in &queries {
        let expected = fts5_ranking(&path, query);
        let hits = store.search(query, 100).unwrap();
        let ids: BTreeSet<i64> = hits.iter().map(|h| h.article).collect();
        assert_eq!(ids, expected.iter().map(|e| e.0).collect(), "the matches of {query:?}");
        if expected.len() <= 64 {
            ranked_here += 1;
        }
        // In FTS5's order: each hit's rank (lower is better) is no better than the previous.
        let rank_of = |id: i64| expected.iter().find(|e| e.0 == id).unwrap().1;
        for pair in hits.windows(2) {
            let (a, b) = (rank_of(pair[0].article), rank_of(pair[1].article));
            assert!(
                a <= b + 1e-9 * a.abs().max(1.0),
                "{query:?}: article {} (rank {a}) before {} (rank {b})",
                pair[0].article,
                pair[1].article
            );
        }
        for hit in &hits {
            assert_snippet_marks_query_words(query, hit);
            assert!(!hit.snippet.is_empty());
        }
        // A one-word query's passage shows the word (or the title does).
        if let (Some(first), false) = (hits.first(), query.contains(' ')) {
            let shown =
                !first.highlights.is_empty() || first.title.as_deref().is_some_and(|t| t.to_lowercase().contains(&query.to_lowercase()));
            assert!(shown, "{query:?}: {first:?}");
        }
    }
    assert!(ranked_here > queries.len() / 2, "most queries take the path under test ({ranked_here} of {})", queries.len());
}

#[test]
fn common_words_keep_their_matches_and_many_matches_keep_fts5_ranking() {
    let dir = tempfile::tempdir().unwrap();
    // 640 articles: "strike" occurs in more than 256, so its frequency is estimated.
    let (store, path) = corpus(dir.path(), 640);
    assert!(fts5_ranking(&path, "strike").len() > 256);
    let names = names(640);
    for name in names.iter().step_by(97) {
        let query = format!("strike {name}");
        let expected = fts5_ranking(&path, &query);
        let hits = store.search(&query, 100).unwrap();
        assert_eq!(hits.iter().map(|h| h.article).collect::<BTreeSet<_>>(), expected.iter().map(|e| e.0).collect(), "{query:?}");
        for hit in &hits {
            assert_snippet_marks_query_words(&query, hit);
        }
    }
    // More than 64 matches: FTS5 ranks, exactly as before.
    let expected = fts5_ranking(&path, "strike");
    let hits = store.search("strike", 20).unwrap();
    assert_eq!(hits.iter().map(|h| h.article).collect::<Vec<_>>(), expected[..20].iter().map(|e| e.0).collect::<Vec<_>>());
}

fn segments(path: &Path) -> i64 {
    Connection::open(path).unwrap().query_row("SELECT count(DISTINCT segid) FROM articles_fts_idx", [], |row| row.get(0)).unwrap()
}

#[test]
fn tidying_merges_the_index_and_changes_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("search.db");
    let store = SqliteStore::open(&path).unwrap();
    // One transaction per article: one index segment each, merged by FTS5 only in part.
    for (name, text) in synthetic_corpus(&sources(), 80) {
        store.enqueue(&[Document::new(name.clone(), text, Metadata { input: Some(name), ..Metadata::default() })]).unwrap();
    }
    let before = segments(&path);
    assert!(before > 1, "{before} segments");
    let queries = ["strike", "earthquake rescuers", "harbour", "police union"];
    let answers: Vec<_> = queries.iter().map(|q| store.search(q, 100).unwrap()).collect();
    // A small budget merges part of the index; the merge goes on at the next call.
    store.tidy_search_index(1).unwrap();
    store.tidy_search_index(80).unwrap();
    assert_eq!(segments(&path), 1);
    let connection = Connection::open(&path).unwrap();
    connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')", []).unwrap();
    for (query, answer) in queries.iter().zip(&answers) {
        assert_eq!(&store.search(query, 100).unwrap(), answer, "{query:?}");
    }
    store.tidy_search_index(0).unwrap();
}
