//! The embedded backend: one SQLite file in WAL mode, with an FTS5 index over titles and
//! texts kept in step by triggers.
//!
//! One writer connection (behind a mutex; every write is a `BEGIN IMMEDIATE` transaction,
//! so other processes wait on `busy_timeout` rather than fail) and a pool of reader
//! connections, which WAL lets read while the writer writes.

use crate::model::*;
use crate::pool::Pool;
use crate::ranking;
use crate::stories::{self, Neighbour, SavedStory, StoryTx, Touched, MAX_LOOKUP_KEYS, NEIGHBOURS_PER_ENTITY};
use crate::time::now_millis;
use crate::{content_hash, query_words, split_snippet, Backend, Result, Store, StoreError, MARK_END, MARK_START, MAX_ATTEMPTS};
use parallax_core::Document;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// Pages of FTS5 merging [`Store::tidy_search_index`] does per article stored.
const MERGE_PAGES_PER_ARTICLE: usize = 8;

/// The schema version this code writes (`PRAGMA user_version`).
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = r#"
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    input TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    text TEXT NOT NULL,
    document TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'done', 'failed')),
    failure TEXT,
    story_id INTEGER,
    claimed_by TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    processed_count INTEGER NOT NULL DEFAULT 0,
    ingested_at INTEGER NOT NULL,
    processed_at INTEGER
);
CREATE INDEX articles_queue ON articles (status, id);
CREATE INDEX articles_story ON articles (story_id, id);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    article_count INTEGER NOT NULL,
    outlet_count INTEGER NOT NULL,
    fact_count INTEGER NOT NULL,
    disputed_count INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    brief TEXT NOT NULL
);
CREATE INDEX stories_recent ON stories (updated_at DESC, id DESC);

CREATE TABLE article_entities (
    entity TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (entity, article_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_article ON article_entities (article_id);

CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO meta (key, value) VALUES ('corpus_version', 0);

CREATE TABLE input_failures (
    input TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    at INTEGER NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'id', tokenize = 'porter unicode61'
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"#;

const SUMMARY_COLUMNS: &str =
    "id, status, story_id, url, input, outlet, title, published, language, failure, ingested_at, attempts, processed_count, claimed_by";

/// Readers kept open for concurrent reads: SQLite reads use the CPU, so a few per core.
fn readers() -> usize {
    std::thread::available_parallelism().map_or(4, |n| (2 * n.get()).max(4))
}

pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Pool<Connection>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish()
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database file at `path` and its directory.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Directory { path: dir.display().to_string(), source })?;
        }
        let mut writer = connect(&path)?;
        migrate(&mut writer)?;
        let reader_path = path.clone();
        Ok(SqliteStore { path, writer: Mutex::new(writer), readers: Pool::new(readers(), move || connect(&reader_path)) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in an immediate (write-locking) transaction on the writer connection.
    fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let tx = writer.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let reader = self.readers.get()?;
        f(&reader)
    }
}

fn connect(path: &Path) -> Result<Connection> {
    let connection = Connection::open(path)?;
    connection.busy_timeout(Duration::from_secs(30))?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    // In WAL mode, NORMAL keeps the database consistent across a crash of the process or
    // the machine; the last transactions may be rolled back after a power cut.
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    // Reads through a memory map instead of read() calls and copies; the map is shared
    // by every connection through the operating system's page cache.
    connection.pragma_update(None, "mmap_size", 1i64 << 30)?;
    connection.pragma_update(None, "cache_size", -16_000)?;
    // Without the planner's stability guarantee, SQLite recompiles a statement whenever a
    // parameter its plan looked at is bound again — every `LIMIT ?` is one —, which cost
    // searches a third of their time in parsing and planning.
    connection.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(connection)
}

fn migrate(connection: &mut Connection) -> Result<()> {
    let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew { found: version, known: SCHEMA_VERSION });
    }
    if version == 0 {
        tx.execute_batch(SCHEMA)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    }
    tx.commit()?;
    Ok(())
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        status: Status::parse(&row.get::<_, String>(1)?),
        story: row.get(2)?,
        url: row.get(3)?,
        input: row.get(4)?,
        outlet: row.get(5)?,
        title: row.get(6)?,
        published: row.get(7)?,
        language: row.get(8)?,
        failure: row.get(9)?,
        ingested_at: row.get(10)?,
        attempts: row.get(11)?,
        analyses: row.get(12)?,
        worker: row.get(13)?,
    })
}

fn story_summary_from_row(row: &Row<'_>) -> rusqlite::Result<StorySummary> {
    Ok(StorySummary {
        id: row.get(0)?,
        title: row.get(1)?,
        articles: row.get(2)?,
        outlets: row.get(3)?,
        facts: row.get(4)?,
        disputed: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

const STORY_COLUMNS: &str = "id, title, article_count, outlet_count, fact_count, disputed_count, updated_at";

fn lease_millis(lease: Duration) -> i64 {
    i64::try_from(lease.as_millis()).unwrap_or(i64::MAX / 4)
}

/// Story grouping over an open SQLite transaction.
struct SqliteStories<'c> {
    connection: &'c Connection,
}

impl StoryTx for SqliteStories<'_> {
    fn insert_entities(&mut self, article: ArticleId, keys: &[String]) -> Result<()> {
        let mut insert = self.connection.prepare_cached("INSERT OR IGNORE INTO article_entities (entity, article_id) VALUES (?1, ?2)")?;
        for key in keys {
            insert.execute(params![key, article])?;
        }
        Ok(())
    }

    fn neighbours(&mut self, article: ArticleId, keys: &[String]) -> Result<Vec<Neighbour>> {
        // One index range scan per key, newest first, unioned: SQLite has no LATERAL join.
        let lookups = keys.len().min(MAX_LOOKUP_KEYS);
        let recent: Vec<String> = (0..lookups)
            .map(|k| format!("SELECT article_id FROM (SELECT article_id FROM article_entities WHERE entity = ?{} AND article_id <> ?2 ORDER BY article_id DESC LIMIT ?3)", k + 4))
            .collect();
        let sql = format!(
            "WITH candidates (article_id) AS ({})
             SELECT a.story_id,
                 (SELECT count(*) FROM article_entities x WHERE x.article_id = c.article_id AND x.entity IN (SELECT value FROM json_each(?1))),
                 (SELECT count(*) FROM article_entities x WHERE x.article_id = c.article_id)
             FROM candidates c JOIN articles a ON a.id = c.article_id
             WHERE a.story_id IS NOT NULL",
            recent.join(" UNION ")
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let keys_json = serde_json::to_string(keys)?;
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&keys_json, &article, &NEIGHBOURS_PER_ENTITY];
        values.extend(keys[..lookups].iter().map(|k| k as &dyn rusqlite::ToSql));
        let rows =
            statement.query_map(values.as_slice(), |row| Ok(Neighbour { story: row.get(0)?, shared: row.get(1)?, keys: row.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn create_story(&mut self, now: i64) -> Result<StoryId> {
        self.connection.execute(
            "INSERT INTO stories (title, article_count, outlet_count, fact_count, disputed_count, updated_at, brief)
             VALUES ('', 0, 0, 0, 0, ?1, '{}')",
            params![now],
        )?;
        Ok(self.connection.last_insert_rowid())
    }

    fn merge_story_into(&mut self, from: StoryId, into: StoryId) -> Result<()> {
        self.connection.execute("UPDATE articles SET story_id = ?1 WHERE story_id = ?2", params![into, from])?;
        self.connection.execute("DELETE FROM stories WHERE id = ?1", params![from])?;
        Ok(())
    }

    fn set_article_story(&mut self, article: ArticleId, story: StoryId) -> Result<()> {
        self.connection.execute("UPDATE articles SET story_id = ?1 WHERE id = ?2", params![story, article])?;
        Ok(())
    }

    fn story_documents(&mut self, story: StoryId) -> Result<Vec<Document>> {
        let mut statement = self.connection.prepare_cached("SELECT document FROM articles WHERE story_id = ?1 ORDER BY id")?;
        let rows = statement.query_map(params![story], |row| row.get::<_, String>(0))?;
        let mut docs = Vec::new();
        for json in rows {
            docs.push(serde_json::from_str(&json?)?);
        }
        Ok(docs)
    }

    fn save_story(&mut self, story: StoryId, saved: &SavedStory) -> Result<()> {
        self.connection.execute(
            "UPDATE stories SET title = ?2, article_count = ?3, outlet_count = ?4, fact_count = ?5, disputed_count = ?6,
                 updated_at = max(?7, updated_at + 1), brief = ?8 WHERE id = ?1",
            params![story, saved.title, saved.articles, saved.outlets, saved.facts, saved.disputed, saved.updated_at, saved.brief_json],
        )?;
        Ok(())
    }
}

impl Store for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn concurrency(&self) -> usize {
        readers()
    }

    fn enqueue(&self, docs: &[Document]) -> Result<Vec<Enqueued>> {
        self.write(|tx| {
            let now = now_millis();
            let mut find = tx.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1 OR (?2 IS NOT NULL AND url = ?2) LIMIT 1")?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO articles (url, content_hash, input, outlet, title, published, language, text, document, status, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending', ?10)",
            )?;
            let mut clear_failure = tx.prepare_cached("DELETE FROM input_failures WHERE input = ?1")?;
            let mut outcomes = Vec::with_capacity(docs.len());
            for doc in docs {
                let hash = content_hash(doc.text().as_str());
                let meta = &doc.meta;
                if let Some(id) = find.query_row(params![hash, meta.url], |row| row.get(0)).optional()? {
                    outcomes.push(Enqueued::Duplicate(id));
                    continue;
                }
                insert.execute(params![
                    meta.url,
                    hash,
                    meta.input,
                    meta.outlet,
                    meta.title,
                    meta.published,
                    meta.language,
                    doc.text().as_str(),
                    serde_json::to_string(doc)?,
                    now
                ])?;
                outcomes.push(Enqueued::New(tx.last_insert_rowid()));
                bump_corpus_version(tx)?;
                if let Some(input) = &meta.input {
                    clear_failure.execute(params![input])?;
                }
            }
            Ok(outcomes)
        })
    }

    fn record_input_failure(&self, input: &str, reason: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO input_failures (input, reason, at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (input) DO UPDATE SET reason = excluded.reason, at = excluded.at",
                params![input, reason, now_millis()],
            )?;
            Ok(())
        })
    }

    fn claim(&self, worker: &str, limit: usize, lease: Duration) -> Result<Vec<Claimed>> {
        self.write(|tx| {
            let now = now_millis();
            tx.execute(
                "UPDATE articles SET status = 'failed', failure = ?2, claimed_by = NULL, lease_until = NULL, processed_at = ?1
                 WHERE status = 'processing' AND lease_until < ?1 AND attempts >= ?3",
                params![now, abandoned_reason(), MAX_ATTEMPTS],
            )?;
            let mut statement = tx.prepare_cached(
                "UPDATE articles SET status = 'processing', claimed_by = ?1, lease_until = ?2, attempts = attempts + 1
                 WHERE id IN (SELECT id FROM articles
                              WHERE status = 'pending' OR (status = 'processing' AND lease_until < ?3)
                              ORDER BY id LIMIT ?4)
                 RETURNING id, document",
            )?;
            let rows = statement.query_map(params![worker, now + lease_millis(lease), now, limit as i64], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
            })?;
            let mut claimed = Vec::new();
            for row in rows {
                let (id, json) = row?;
                let mut doc: Document = serde_json::from_str(&json)?;
                doc.id = id.to_string();
                claimed.push(Claimed { id, doc });
            }
            claimed.sort_by_key(|c| c.id);
            Ok(claimed)
        })
    }

    fn claim_article(&self, worker: &str, id: ArticleId, lease: Duration) -> Result<Option<Claimed>> {
        self.write(|tx| {
            let now = now_millis();
            let claimed = tx
                .prepare_cached(
                    "UPDATE articles SET status = 'processing', claimed_by = ?1, lease_until = ?2, attempts = attempts + 1
                     WHERE id = ?4 AND (status = 'pending' OR (status = 'processing' AND lease_until < ?3 AND attempts < ?5))
                     RETURNING document",
                )?
                .query_row(params![worker, now + lease_millis(lease), now, id, MAX_ATTEMPTS], |row| row.get::<_, String>(0))
                .optional()?;
            match claimed {
                Some(json) => {
                    let mut doc: Document = serde_json::from_str(&json)?;
                    doc.id = id.to_string();
                    Ok(Some(Claimed { id, doc }))
                }
                None => Ok(None),
            }
        })
    }

    fn heartbeat(&self, worker: &str, ids: &[ArticleId], lease: Duration) -> Result<usize> {
        self.write(|tx| {
            let until = now_millis() + lease_millis(lease);
            let mut statement =
                tx.prepare_cached("UPDATE articles SET lease_until = ?1 WHERE id = ?2 AND status = 'processing' AND claimed_by = ?3")?;
            let mut held = 0;
            for id in ids {
                held += statement.execute(params![until, id, worker])?;
            }
            Ok(held)
        })
    }

    fn complete(&self, worker: &str, results: Vec<(ArticleId, Analysis)>) -> Result<Vec<Completion>> {
        self.write(|tx| {
            let now = now_millis();
            let mut touched = Touched::default();
            let mut completions = Vec::with_capacity(results.len());
            for (id, analysis) in results {
                let held: Option<i64> = tx
                    .query_row("SELECT id FROM articles WHERE id = ?1 AND status = 'processing' AND claimed_by = ?2", params![id, worker], |row| row.get(0))
                    .optional()?;
                if held.is_none() {
                    completions.push(Completion::LeaseLost);
                    continue;
                }
                match analysis {
                    Ok(mut doc) => {
                        doc.id = id.to_string();
                        let meta = &doc.meta;
                        tx.execute(
                            "UPDATE articles SET status = 'done', document = ?2, title = ?3, outlet = ?4, published = ?5, language = ?6,
                                 failure = NULL, claimed_by = NULL, lease_until = NULL, processed_count = processed_count + 1, processed_at = ?7
                             WHERE id = ?1",
                            params![id, serde_json::to_string(&doc)?, meta.title, meta.outlet, meta.published, meta.language, now],
                        )?;
                        let story = stories::assign(&mut SqliteStories { connection: tx }, id, &doc, now, &mut touched)?;
                        completions.push(Completion::Stored { story });
                    }
                    Err(reason) => {
                        tx.execute(
                            "UPDATE articles SET status = 'failed', failure = ?2, claimed_by = NULL, lease_until = NULL,
                                 processed_count = processed_count + 1, processed_at = ?3
                             WHERE id = ?1",
                            params![id, reason, now],
                        )?;
                        completions.push(Completion::Failed);
                    }
                }
            }
            stories::rebuild_touched(&mut SqliteStories { connection: tx }, touched, now)?;
            if completions.iter().any(|c| *c != Completion::LeaseLost) {
                bump_corpus_version(tx)?;
            }
            Ok(completions)
        })
    }

    fn counts(&self) -> Result<Counts> {
        self.read(|connection| {
            let mut counts = Counts::default();
            let mut statement = connection.prepare_cached("SELECT status, count(*) FROM articles GROUP BY status")?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let n: i64 = row.get(1)?;
                match Status::parse(&row.get::<_, String>(0)?) {
                    Status::Pending => counts.pending = n,
                    Status::Processing => counts.processing = n,
                    Status::Done => counts.done = n,
                    Status::Failed => counts.failed = n,
                }
            }
            counts.stories = connection.query_row("SELECT count(*) FROM stories", [], |row| row.get(0))?;
            counts.input_failures = connection.query_row("SELECT count(*) FROM input_failures", [], |row| row.get(0))?;
            Ok(counts)
        })
    }

    fn corpus_version(&self) -> Result<i64> {
        self.read(|connection| {
            Ok(connection.prepare_cached("SELECT value FROM meta WHERE key = 'corpus_version'")?.query_row([], |row| row.get(0))?)
        })
    }

    fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StorySummary>> {
        self.read(|connection| {
            let mut statement = connection
                .prepare_cached(&format!("SELECT {STORY_COLUMNS} FROM stories ORDER BY updated_at DESC, id DESC LIMIT ?1 OFFSET ?2"))?;
            let rows = statement.query_map(params![limit as i64, offset as i64], story_summary_from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn story_summary(&self, id: StoryId) -> Result<Option<StorySummary>> {
        self.read(|connection| {
            Ok(connection
                .prepare_cached(&format!("SELECT {STORY_COLUMNS} FROM stories WHERE id = ?1"))?
                .query_row(params![id], story_summary_from_row)
                .optional()?)
        })
    }

    fn story(&self, id: StoryId) -> Result<Option<StoryRecord>> {
        self.read(|connection| {
            let found = connection
                .prepare_cached(&format!("SELECT {STORY_COLUMNS}, brief FROM stories WHERE id = ?1"))?
                .query_row(params![id], |row| Ok((story_summary_from_row(row)?, row.get::<_, String>(7)?)))
                .optional()?;
            let Some((summary, brief)) = found else { return Ok(None) };
            let mut statement =
                connection.prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM articles WHERE story_id = ?1 ORDER BY id"))?;
            let article_list = statement.query_map(params![id], summary_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Some(StoryRecord { summary, brief: serde_json::from_str(&brief)?, article_list }))
        })
    }

    fn article(&self, id: ArticleId) -> Result<Option<ArticleRecord>> {
        self.read(|connection| {
            let found = connection
                .prepare_cached(&format!("SELECT {SUMMARY_COLUMNS}, document FROM articles WHERE id = ?1"))?
                .query_row(params![id], |row| Ok((summary_from_row(row)?, row.get::<_, String>(14)?)))
                .optional()?;
            match found {
                Some((summary, json)) => Ok(Some(ArticleRecord { summary, document: serde_json::from_str(&json)? })),
                None => Ok(None),
            }
        })
    }

    fn story_articles(&self, id: StoryId) -> Result<Vec<ArticleRecord>> {
        self.read(|connection| {
            let mut statement =
                connection.prepare_cached(&format!("SELECT {SUMMARY_COLUMNS}, document FROM articles WHERE story_id = ?1 ORDER BY id"))?;
            let rows = statement.query_map(params![id], |row| Ok((summary_from_row(row)?, row.get::<_, String>(14)?)))?;
            let mut records = Vec::new();
            for row in rows {
                let (summary, json) = row?;
                records.push(ArticleRecord { summary, document: serde_json::from_str(&json)? });
            }
            Ok(records)
        })
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words = query_words(query);
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let expression = fts_expression(&words);
        self.read(|connection| {
            // One read transaction: the statements below see one snapshot, and take the
            // database's shared lock once rather than once each. It only reads, so ending it
            // with a rollback (when dropped, whatever happened) loses nothing.
            let snapshot = connection.unchecked_transaction()?;
            search_snapshot(&snapshot, &words, &expression, limit)
        })
    }

    fn failures(&self) -> Result<Vec<Failure>> {
        self.read(|connection| {
            let mut statement = connection.prepare_cached(
                "SELECT id, coalesce(input, url, ''), coalesce(failure, ''), coalesce(processed_at, ingested_at) FROM articles WHERE status = 'failed'
                 UNION ALL
                 SELECT NULL, input, reason, at FROM input_failures
                 ORDER BY 4, 2",
            )?;
            let rows = statement.query_map([], |row| Ok(Failure { article: row.get(0)?, input: row.get(1)?, reason: row.get(2)?, at: row.get(3)? }))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn tidy_search_index(&self, articles: usize) -> Result<()> {
        if articles == 0 {
            return Ok(());
        }
        // A negative budget merges segments of any level (down to one), writing about that
        // many pages; an article adds well under one page of index, so this budget merges a
        // whole index once every twentieth of its size has been added.
        let pages = i64::try_from(articles.saturating_mul(MERGE_PAGES_PER_ARTICLE)).unwrap_or(i64::MAX).min(1 << 30);
        self.write(|tx| {
            tx.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?1)", params![-pages])?;
            Ok(())
        })
    }

    fn export(&self, sink: &mut dyn FnMut(ExportRecord) -> Result<()>) -> Result<()> {
        self.read(|connection| {
            // One read transaction, so that the export is one consistent snapshot.
            connection.execute_batch("BEGIN")?;
            let result = export_snapshot(connection, sink);
            connection.execute_batch("COMMIT")?;
            result
        })
    }
}

fn export_snapshot(connection: &Connection, sink: &mut dyn FnMut(ExportRecord) -> Result<()>) -> Result<()> {
    let mut articles = connection.prepare(&format!("SELECT {SUMMARY_COLUMNS}, document FROM articles ORDER BY id"))?;
    let mut rows = articles.query([])?;
    while let Some(row) = rows.next()? {
        let summary = summary_from_row(row)?;
        let document = serde_json::from_str(&row.get::<_, String>(14)?)?;
        sink(ExportRecord::Article(Box::new(ArticleRecord { summary, document })))?;
    }
    let mut stories = connection.prepare("SELECT id, brief FROM stories ORDER BY id")?;
    let mut rows = stories.query([])?;
    while let Some(row) = rows.next()? {
        let brief = serde_json::from_str(&row.get::<_, String>(1)?)?;
        sink(ExportRecord::Story { id: row.get(0)?, brief: Box::new(brief) })?;
    }
    let mut failures = connection.prepare("SELECT input, reason, at FROM input_failures ORDER BY input")?;
    let mut rows = failures.query([])?;
    while let Some(row) = rows.next()? {
        sink(ExportRecord::InputFailure { input: row.get(0)?, reason: row.get(1)?, at: row.get(2)? })?;
    }
    Ok(())
}

fn search_snapshot(connection: &Connection, words: &[String], expression: &str, limit: usize) -> Result<Vec<SearchHit>> {
    // The matches without ranking cost little however common a word is (FTS5 walks the
    // posting lists together); only when they are few are they ranked here.
    let matches: Vec<i64> = connection
        .prepare_cached(&format!("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT {}", ranking::RANKED_HERE + 1))?
        .query_map(params![expression], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if matches.is_empty() {
        return Ok(Vec::new());
    }
    if matches.len() <= ranking::RANKED_HERE {
        if let Some(hits) = search_few(connection, words, expression, matches.len(), limit)? {
            return Ok(hits);
        }
    }
    search_ranked_by_fts5(connection, expression, limit)
}

/// The FTS5 query for `words` (already free of syntax): each word a quoted phrase, all
/// required.
fn fts_expression(words: &[String]) -> String {
    words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ")
}

/// Ranking and snippets by FTS5 (`bm25()`, `snippet()`): the path for queries with many
/// matches, where reading whole posting lists is needed anyway.
fn search_ranked_by_fts5(connection: &Connection, expression: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let mut statement = connection.prepare_cached(
        "SELECT a.id, a.story_id, a.title, a.outlet, snippet(articles_fts, 1, ?2, ?3, '…', 24)
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
         WHERE articles_fts MATCH ?1 ORDER BY rank",
    )?;
    // FTS5 ranks every match before returning the first, so stopping after `limit` rows
    // costs what a `LIMIT` would.
    let rows = statement.query_map(params![expression, MARK_START.to_string(), MARK_END.to_string()], |row| {
        let (snippet, highlights) = split_snippet(&row.get::<_, String>(4)?);
        Ok(SearchHit { article: row.get(0)?, story: row.get(1)?, title: row.get(2)?, outlet: row.get(3)?, snippet, highlights })
    })?;
    Ok(rows.take(limit).collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Ranking and snippets computed in [`ranking`] for a query with at most
/// [`ranking::RANKED_HERE`] matches: what FTS5 is asked for costs in proportion to the
/// matches and to the rarer words, never to a common word's whole posting list. `None`
/// when the index statistics cannot be read or the matches grew meanwhile (the caller
/// then asks FTS5 to rank).
fn search_few(connection: &Connection, words: &[String], expression: &str, matches: usize, limit: usize) -> Result<Option<Vec<SearchHit>>> {
    let averages: Option<Vec<u8>> =
        connection.prepare_cached("SELECT block FROM articles_fts_data WHERE id = 1")?.query_row([], |row| row.get(0)).optional()?;
    let Some(stats) = averages.as_deref().and_then(ranking::IndexStats::from_averages_record) else { return Ok(None) };
    let mut idfs = Vec::with_capacity(words.len());
    let mut id_range = None;
    for word in words {
        if words.len() == 1 {
            // The matches of a one-word query are the word's documents, all counted.
            idfs.push(ranking::idf(stats, matches as f64));
            break;
        }
        let (counted, last): (usize, Option<i64>) = connection
            .prepare_cached(&format!(
                "SELECT count(*), max(rowid) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT {})",
                ranking::DF_SAMPLE
            ))?
            .query_row(params![format!("\"{word}\"")], |row| Ok((row.get::<_, i64>(0)? as usize, row.get(1)?)))?;
        let df = match last {
            Some(last) if counted >= ranking::DF_SAMPLE => {
                let (first_id, last_id) = match id_range {
                    Some(range) => range,
                    None => *id_range.insert(
                        connection
                            .prepare_cached(
                                "SELECT coalesce((SELECT min(id) FROM articles), 0), coalesce((SELECT max(id) FROM articles), 0)",
                            )?
                            .query_row([], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)))?,
                    ),
                };
                ranking::estimated_df(counted, last, first_id, last_id, stats.rows)
            }
            _ => counted as f64,
        };
        idfs.push(ranking::idf(stats, df));
    }
    let mut statement = connection.prepare_cached(&format!(
        "SELECT a.id, a.story_id, a.title, a.outlet, highlight(articles_fts, 0, ?2, ?3), highlight(articles_fts, 1, ?2, ?3), d.sz
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid JOIN articles_fts_docsize d ON d.id = articles_fts.rowid
         WHERE articles_fts MATCH ?1 LIMIT {}",
        ranking::RANKED_HERE + 1
    ))?;
    let mut rows = statement.query(params![expression, MARK_START.to_string(), MARK_END.to_string()])?;
    let mut scored = Vec::new();
    while let Some(row) = rows.next()? {
        let column = |index| -> rusqlite::Result<ranking::MarkedColumn> {
            let (text, marks) = split_snippet(row.get::<_, Option<String>>(index)?.as_deref().unwrap_or(""));
            Ok(ranking::MarkedColumn { text, marks })
        };
        let columns = [column(4)?, column(5)?];
        let Some(row_tokens) = ranking::row_tokens(&row.get::<_, Vec<u8>>(6)?) else { return Ok(None) };
        let score = ranking::bm25(stats, &idfs, &columns, row_tokens as f64, words);
        let hit = SearchHit {
            article: row.get(0)?,
            story: row.get(1)?,
            title: row.get(2)?,
            outlet: row.get(3)?,
            snippet: String::new(),
            highlights: Vec::new(),
        };
        scored.push((score, hit, columns));
    }
    if scored.len() > ranking::RANKED_HERE {
        return Ok(None);
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.article.cmp(&b.1.article)));
    scored.truncate(limit);
    Ok(Some(
        scored
            .into_iter()
            .map(|(_, mut hit, [_, text])| {
                (hit.snippet, hit.highlights) = ranking::snippet(&text, words);
                hit
            })
            .collect(),
    ))
}

fn bump_corpus_version(connection: &Connection) -> Result<()> {
    connection.prepare_cached("UPDATE meta SET value = value + 1 WHERE key = 'corpus_version'")?.execute([])?;
    Ok(())
}

pub(crate) fn abandoned_reason() -> String {
    format!("analysis did not finish after {MAX_ATTEMPTS} attempts: each worker that took it died or lost its lease")
}
