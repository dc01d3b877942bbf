//! # parallax-store
//!
//! The corpus store: articles with their full annotated [`Document`], the stories they are
//! grouped into with one brief each, and every article that could not be analysed with
//! the reason. Two backends behave the same and pass the same test suite
//! (`tests/suite.rs`):
//!
//! - [`SqliteStore`]: one embedded file (WAL, FTS5 full-text search), the default, in the
//!   user's data directory ([`default_location`]).
//! - [`PostgresStore`]: a shared server named by a `postgres://` URL, for a web server and
//!   any number of workers on any number of machines.
//!
//! Work is handed out through the database: [`Store::enqueue`] stores raw articles as
//! *pending*, [`Store::claim`] leases a batch to one worker, [`Store::complete`] stores
//! the analysis and regroups the stories in one transaction, and only if the worker still
//! holds the lease. A worker that dies stops renewing its lease ([`Store::heartbeat`]); its
//! articles are claimed again once the lease runs out. [`worker::run_worker`] is that loop.
//!
//! The crate does no printing; progress is reported through callbacks.

pub mod model;
mod pool;
pub mod postgres;
mod ranking;
pub mod sqlite;
mod stories;
pub mod testing;
pub mod time;
pub mod worker;

pub use model::*;
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;
pub use stories::entity_keys;

use parallax_core::Document;
use std::path::PathBuf;
use std::time::Duration;

/// The environment variable naming the database (a file path or a `postgres://` URL).
pub const DB_ENV: &str = "PARALLAX_DB";

/// After this many claims without a completion (each one a worker that died or lost its
/// lease while analysing the article) an article is marked failed instead of retried, so
/// that an article that kills its worker cannot stop the queue.
pub const MAX_ATTEMPTS: i64 = 5;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] ::postgres::Error),
    #[error("stored JSON is unreadable: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot create the database directory {path}: {source}")]
    Directory { path: String, source: std::io::Error },
    #[error("no database location: set {DB_ENV}, XDG_DATA_HOME or HOME, or pass --db")]
    NoLocation,
    #[error("the database was written by a newer Parallax (schema {found}, this one knows {known})")]
    SchemaTooNew { found: i64, known: i64 },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Which kind of database a store is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The storage interface both backends implement. Every method is one transaction (or a
/// read of one consistent snapshot); a crash leaves the database as it was before the call
/// or after it, never between.
pub trait Store: Send + Sync {
    fn backend(&self) -> Backend;

    /// How many calls the store serves at once (its connections): callers running many
    /// calls in parallel should queue beyond this rather than block more threads.
    fn concurrency(&self) -> usize;

    /// Stores raw (unanalysed) documents as pending. An article whose URL or whose text
    /// (by SHA-256) is already stored is not stored again: it is reported as a duplicate
    /// of the stored one, so ingesting the same input twice changes nothing.
    fn enqueue(&self, docs: &[Document]) -> Result<Vec<Enqueued>>;

    /// Records an input that could not even be read as an article (missing, binary,
    /// empty…). Recording the same input again replaces its reason.
    fn record_input_failure(&self, input: &str, reason: &str) -> Result<()>;

    /// Leases up to `limit` pending articles (and articles whose lease ran out) to `worker`
    /// for `lease`. Each claimed document's `id` is the article's id in the store.
    fn claim(&self, worker: &str, limit: usize, lease: Duration) -> Result<Vec<Claimed>>;

    /// Leases one particular article to `worker` if it is pending (or its lease ran out);
    /// `None` when it is done, failed, or held by another worker.
    fn claim_article(&self, worker: &str, id: ArticleId, lease: Duration) -> Result<Option<Claimed>>;

    /// Extends `worker`'s leases on `ids`; returns how many it still held.
    fn heartbeat(&self, worker: &str, ids: &[ArticleId], lease: Duration) -> Result<usize>;

    /// Stores analyses in one transaction: each analysed document (or the reason it could
    /// not be analysed), the stories regrouped and their briefs rebuilt. An article whose
    /// lease `worker` no longer holds is left alone ([`Completion::LeaseLost`]).
    fn complete(&self, worker: &str, results: Vec<(ArticleId, Analysis)>) -> Result<Vec<Completion>>;

    fn counts(&self) -> Result<Counts>;

    /// A number that grows whenever an article is added or analysed, so that anything
    /// derived from search results can be cached until it changes.
    fn corpus_version(&self) -> Result<i64>;

    /// Stories, most recently updated first.
    fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StorySummary>>;

    /// One story's list line; cheap, for checking whether a cached page is current
    /// (`updated_at` grows with every change to the story).
    fn story_summary(&self, id: StoryId) -> Result<Option<StorySummary>>;

    /// One story with its brief and the summaries of its articles.
    fn story(&self, id: StoryId) -> Result<Option<StoryRecord>>;

    /// One article with its (annotated, when analysed) document.
    fn article(&self, id: ArticleId) -> Result<Option<ArticleRecord>>;

    /// The articles of a story with their documents, in id order.
    fn story_articles(&self, id: StoryId) -> Result<Vec<ArticleRecord>>;

    /// Full-text search over titles and texts, best match first. Words are matched with
    /// English stemming and must all occur; punctuation in `query` is not syntax.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;

    /// Articles that could not be analysed and inputs that could not be read.
    fn failures(&self) -> Result<Vec<Failure>>;

    /// Everything, for JSON Lines export: articles in id order, then stories, then input
    /// failures. Streams; `sink` errors stop the export.
    fn export(&self, sink: &mut dyn FnMut(ExportRecord) -> Result<()>) -> Result<()>;

    /// Tidies the search index after `articles` were stored, with work in proportion to
    /// them: SQLite merges the FTS5 index's segments (each write transaction adds one, and
    /// every search reads every segment; a merge interrupted by the budget goes on at the
    /// next call), PostgreSQL leaves its GIN index to autovacuum. Workers call it when the
    /// queue runs dry ([`worker::run_worker`]).
    fn tidy_search_index(&self, articles: usize) -> Result<()>;
}

/// Opens the store `location` names: a `postgres://` or `postgresql://` URL, or a path to
/// an SQLite file (created, with its directory, if missing).
pub fn open(location: &str) -> Result<Box<dyn Store>> {
    if is_postgres_url(location) {
        Ok(Box::new(PostgresStore::connect(location)?))
    } else {
        Ok(Box::new(SqliteStore::open(location)?))
    }
}

pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// Where the database is when `--db` is not given: `$PARALLAX_DB`, else
/// `$XDG_DATA_HOME/parallax/parallax.db`, else `$HOME/.local/share/parallax/parallax.db`.
pub fn default_location() -> Result<String> {
    if let Some(db) = std::env::var_os(DB_ENV).filter(|v| !v.is_empty()) {
        return Ok(db.to_string_lossy().into_owned());
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|home| PathBuf::from(home).join(".local/share")))
        .ok_or(StoreError::NoLocation)?;
    Ok(data.join("parallax").join("parallax.db").to_string_lossy().into_owned())
}

/// The SHA-256 of an article's text, hex-encoded: the identity used to recognise the same
/// article ingested twice under different names.
pub fn content_hash(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The Snowball English stop words, as PostgreSQL's `english` configuration ignores them.
const STOP_WORDS: &str = include_str!("english.stop");

/// Splits a user's query into words for full-text search. Punctuation and operators are
/// dropped so that no query is a syntax error on either backend, and English stop words
/// are dropped on both so that both backends require the same words.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.lines().any(|stop| stop == w))
        .take(16)
        .collect()
}

/// Markers the backends put around matched words in snippets; they are private-use
/// characters, removed again by [`split_snippet`].
pub(crate) const MARK_START: char = '\u{E000}';
pub(crate) const MARK_END: char = '\u{E001}';

/// Turns a marked snippet into text plus the byte ranges of the matched words.
pub(crate) fn split_snippet(marked: &str) -> (String, Vec<HighlightRange>) {
    // Copies the text between markers in slices: a whole article passes through here when
    // SQLite ranks a search itself.
    let mut text = String::with_capacity(marked.len());
    let mut highlights = Vec::new();
    let mut open = None;
    let mut rest = marked;
    while let Some(at) = rest.find([MARK_START, MARK_END]) {
        text.push_str(&rest[..at]);
        let marker = rest[at..].chars().next().unwrap_or(MARK_START);
        if marker == MARK_START {
            open = Some(text.len());
        } else if let Some(start) = open.take() {
            highlights.push(HighlightRange { start, end: text.len() });
        }
        rest = &rest[at + marker.len_utf8()..];
    }
    text.push_str(rest);
    (text, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_lose_their_markers_and_keep_ranges() {
        let (text, ranges) = split_snippet("a \u{E000}strike\u{E001} at the \u{E000}port\u{E001}");
        assert_eq!(text, "a strike at the port");
        assert_eq!(ranges, vec![HighlightRange { start: 2, end: 8 }, HighlightRange { start: 16, end: 20 }]);
        // An end without a start marks nothing; a start without an end is dropped.
        let (text, ranges) = split_snippet("\u{E001}é \u{E000}x\u{E001}\u{E000}");
        assert_eq!((text.as_str(), ranges), ("é x", vec![HighlightRange { start: 3, end: 4 }]));
    }

    #[test]
    fn query_words_drop_syntax() {
        assert_eq!(query_words("\"Tokayev\" OR airport*  (NEAR"), vec!["tokayev", "airport", "near"]);
        assert!(query_words("\"*^").is_empty());
    }

    #[test]
    fn content_hash_is_sha256() {
        assert_eq!(content_hash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
