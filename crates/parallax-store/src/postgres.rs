//! The shared backend: PostgreSQL, named by a `postgres://` URL.
//!
//! Work is handed out with `FOR UPDATE SKIP LOCKED`, so any number of workers on any
//! number of machines claim disjoint batches without waiting on each other. Leases are
//! timed by the database's clock (`parallax_now_ms()`), never a worker's, so clock skew
//! between machines cannot hand one article to two live workers. Story grouping inside
//! [`Store::complete`] holds a transaction-scoped advisory lock, so that two workers
//! completing related articles at once cannot both miss the link between them.
//! Full-text search uses a stored, generated `tsvector` (English configuration, title
//! weighted above text) with a GIN index. Connections are plain TCP or Unix sockets
//! (no TLS).

use crate::model::*;
use crate::pool::Pool;
use crate::sqlite::abandoned_reason;
use crate::stories::{self, Neighbour, SavedStory, StoryTx, Touched, MAX_LOOKUP_KEYS, NEIGHBOURS_PER_ENTITY};
use crate::{content_hash, query_words, split_snippet, Backend, Result, Store, StoreError, MARK_END, MARK_START, MAX_ATTEMPTS};
use parallax_core::Document;
use postgres::{Client, NoTls, Row, Transaction};
use std::time::Duration;

const SCHEMA_VERSION: i64 = 1;

/// Advisory-lock keys (arbitrary, fixed): one for migrations, one for story grouping.
const MIGRATION_LOCK: i64 = 0x5041_5241_4c4c_0001;
const GROUPING_LOCK: i64 = 0x5041_5241_4c4c_0002;

/// The text indexed for search is cut here: a `tsvector` is limited to 1 MiB.
const SEARCH_TEXT_CHARS: i64 = 200_000;

fn schema() -> String {
    format!(
        r#"
CREATE OR REPLACE FUNCTION parallax_now_ms() RETURNS bigint LANGUAGE sql VOLATILE AS
    $$ SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint $$;

CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
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
    story_id BIGINT,
    claimed_by TEXT,
    lease_until BIGINT,
    attempts BIGINT NOT NULL DEFAULT 0,
    processed_count BIGINT NOT NULL DEFAULT 0,
    ingested_at BIGINT NOT NULL,
    processed_at BIGINT,
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', left(text, {SEARCH_TEXT_CHARS})), 'B')
    ) STORED
);
CREATE INDEX articles_queue ON articles (status, id);
CREATE INDEX articles_story ON articles (story_id, id);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE stories (
    id BIGSERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    article_count BIGINT NOT NULL,
    outlet_count BIGINT NOT NULL,
    fact_count BIGINT NOT NULL,
    disputed_count BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    brief TEXT NOT NULL
);
CREATE INDEX stories_recent ON stories (updated_at DESC, id DESC);

CREATE TABLE article_entities (
    entity TEXT NOT NULL,
    article_id BIGINT NOT NULL,
    PRIMARY KEY (entity, article_id)
);
CREATE INDEX article_entities_article ON article_entities (article_id);

INSERT INTO parallax_meta (key, value) VALUES ('corpus_version', 0);

CREATE TABLE input_failures (
    input TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    at BIGINT NOT NULL
);
"#
    )
}

const BUMP_CORPUS_VERSION: &str = "UPDATE parallax_meta SET value = value + 1 WHERE key = 'corpus_version'";

const SUMMARY_COLUMNS: &str =
    "id, status, story_id, url, input, outlet, title, published, language, failure, ingested_at, attempts, processed_count, claimed_by";
const STORY_COLUMNS: &str = "id, title, article_count, outlet_count, fact_count, disputed_count, updated_at";

/// Connections kept open per store.
const CONNECTIONS: usize = 16;

pub struct PostgresStore {
    pool: Pool<Client>,
    connections: usize,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to the database `url` names and creates the schema if it is missing.
    pub fn connect(url: &str) -> Result<PostgresStore> {
        PostgresStore::connect_with(url, CONNECTIONS)
    }

    /// As [`PostgresStore::connect`], keeping at most `connections` open.
    pub fn connect_with(url: &str, connections: usize) -> Result<PostgresStore> {
        let mut first = Client::connect(url, NoTls)?;
        migrate(&mut first)?;
        let url = url.to_owned();
        let pool = Pool::new(connections, move || Ok(Client::connect(&url, NoTls)?));
        drop(first);
        Ok(PostgresStore { pool, connections })
    }

    fn with_client<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        let mut client = self.pool.get()?;
        let result = f(&mut client);
        if result.is_err() && client.is_closed() {
            client.discard();
        }
        result
    }

    fn transaction<T>(&self, f: impl FnOnce(&mut Transaction<'_>) -> Result<T>) -> Result<T> {
        self.with_client(|client| {
            let mut tx = client.transaction()?;
            let value = f(&mut tx)?;
            tx.commit()?;
            Ok(value)
        })
    }
}

fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS parallax_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)")?;
    let version: i64 = tx.query_opt("SELECT value FROM parallax_meta WHERE key = 'schema_version'", &[])?.map_or(0, |row| row.get(0));
    if version > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew { found: version, known: SCHEMA_VERSION });
    }
    if version == 0 {
        tx.batch_execute(&schema())?;
        tx.execute("INSERT INTO parallax_meta (key, value) VALUES ('schema_version', $1)", &[&SCHEMA_VERSION])?;
    }
    tx.commit()?;
    Ok(())
}

fn summary_from_row(row: &Row) -> ArticleSummary {
    ArticleSummary {
        id: row.get(0),
        status: Status::parse(row.get(1)),
        story: row.get(2),
        url: row.get(3),
        input: row.get(4),
        outlet: row.get(5),
        title: row.get(6),
        published: row.get(7),
        language: row.get(8),
        failure: row.get(9),
        ingested_at: row.get(10),
        attempts: row.get(11),
        analyses: row.get(12),
        worker: row.get(13),
    }
}

fn story_summary_from_row(row: &Row) -> StorySummary {
    StorySummary {
        id: row.get(0),
        title: row.get(1),
        articles: row.get(2),
        outlets: row.get(3),
        facts: row.get(4),
        disputed: row.get(5),
        updated_at: row.get(6),
    }
}

fn lease_millis(lease: Duration) -> i64 {
    i64::try_from(lease.as_millis()).unwrap_or(i64::MAX / 4)
}

fn now(tx: &mut Transaction<'_>) -> Result<i64> {
    Ok(tx.query_one("SELECT parallax_now_ms()", &[])?.get(0))
}

struct PgStories<'a, 'c> {
    tx: &'a mut Transaction<'c>,
}

impl StoryTx for PgStories<'_, '_> {
    fn insert_entities(&mut self, article: ArticleId, keys: &[String]) -> Result<()> {
        self.tx.execute(
            "INSERT INTO article_entities (entity, article_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING",
            &[&keys, &article],
        )?;
        Ok(())
    }

    fn neighbours(&mut self, article: ArticleId, keys: &[String]) -> Result<Vec<Neighbour>> {
        let lookups = &keys[..keys.len().min(MAX_LOOKUP_KEYS)];
        let rows = self.tx.query(
            "WITH candidates AS (
                 SELECT DISTINCT r.article_id FROM unnest($4::text[]) AS own (entity)
                 CROSS JOIN LATERAL (SELECT p.article_id FROM article_entities p
                                     WHERE p.entity = own.entity AND p.article_id <> $2
                                     ORDER BY p.article_id DESC LIMIT $3) r)
             SELECT a.story_id,
                 (SELECT count(*) FROM article_entities x WHERE x.article_id = c.article_id AND x.entity = ANY($1)),
                 (SELECT count(*) FROM article_entities x WHERE x.article_id = c.article_id)
             FROM candidates c JOIN articles a ON a.id = c.article_id
             WHERE a.story_id IS NOT NULL",
            &[&keys, &article, &NEIGHBOURS_PER_ENTITY, &lookups],
        )?;
        Ok(rows.iter().map(|row| Neighbour { story: row.get(0), shared: row.get(1), keys: row.get(2) }).collect())
    }

    fn create_story(&mut self, now: i64) -> Result<StoryId> {
        let row = self.tx.query_one(
            "INSERT INTO stories (title, article_count, outlet_count, fact_count, disputed_count, updated_at, brief)
             VALUES ('', 0, 0, 0, 0, $1, '{}') RETURNING id",
            &[&now],
        )?;
        Ok(row.get(0))
    }

    fn merge_story_into(&mut self, from: StoryId, into: StoryId) -> Result<()> {
        self.tx.execute("UPDATE articles SET story_id = $1 WHERE story_id = $2", &[&into, &from])?;
        self.tx.execute("DELETE FROM stories WHERE id = $1", &[&from])?;
        Ok(())
    }

    fn set_article_story(&mut self, article: ArticleId, story: StoryId) -> Result<()> {
        self.tx.execute("UPDATE articles SET story_id = $1 WHERE id = $2", &[&story, &article])?;
        Ok(())
    }

    fn story_documents(&mut self, story: StoryId) -> Result<Vec<Document>> {
        let rows = self.tx.query("SELECT document FROM articles WHERE story_id = $1 ORDER BY id", &[&story])?;
        let mut docs = Vec::with_capacity(rows.len());
        for row in rows {
            docs.push(serde_json::from_str(row.get::<_, &str>(0))?);
        }
        Ok(docs)
    }

    fn save_story(&mut self, story: StoryId, saved: &SavedStory) -> Result<()> {
        self.tx.execute(
            "UPDATE stories SET title = $2, article_count = $3, outlet_count = $4, fact_count = $5, disputed_count = $6,
                 updated_at = greatest($7, updated_at + 1), brief = $8 WHERE id = $1",
            &[&story, &saved.title, &saved.articles, &saved.outlets, &saved.facts, &saved.disputed, &saved.updated_at, &saved.brief_json],
        )?;
        Ok(())
    }
}

impl Store for PostgresStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn concurrency(&self) -> usize {
        self.connections
    }

    fn enqueue(&self, docs: &[Document]) -> Result<Vec<Enqueued>> {
        self.transaction(|tx| {
            let now = now(tx)?;
            let find = tx.prepare("SELECT id FROM articles WHERE content_hash = $1 OR ($2::text IS NOT NULL AND url = $2) LIMIT 1")?;
            // ON CONFLICT DO NOTHING: another ingester may store the same article between our
            // look-up and our insert; then the look-up is repeated.
            let insert = tx.prepare(
                "INSERT INTO articles (url, content_hash, input, outlet, title, published, language, text, document, status, ingested_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10)
                 ON CONFLICT DO NOTHING RETURNING id",
            )?;
            let mut outcomes = Vec::with_capacity(docs.len());
            for doc in docs {
                let hash = content_hash(doc.text().as_str());
                let meta = &doc.meta;
                if let Some(row) = tx.query_opt(&find, &[&hash, &meta.url])? {
                    outcomes.push(Enqueued::Duplicate(row.get(0)));
                    continue;
                }
                let json = serde_json::to_string(doc)?;
                let inserted = tx.query_opt(
                    &insert,
                    &[
                        &meta.url,
                        &hash,
                        &meta.input,
                        &meta.outlet,
                        &meta.title,
                        &meta.published,
                        &meta.language,
                        &doc.text().as_str(),
                        &json,
                        &now,
                    ],
                )?;
                match inserted {
                    Some(row) => {
                        outcomes.push(Enqueued::New(row.get(0)));
                        tx.execute(BUMP_CORPUS_VERSION, &[])?;
                        if let Some(input) = &meta.input {
                            tx.execute("DELETE FROM input_failures WHERE input = $1", &[input])?;
                        }
                    }
                    None => {
                        let row = tx.query_one(&find, &[&hash, &meta.url])?;
                        outcomes.push(Enqueued::Duplicate(row.get(0)));
                    }
                }
            }
            Ok(outcomes)
        })
    }

    fn record_input_failure(&self, input: &str, reason: &str) -> Result<()> {
        self.transaction(|tx| {
            tx.execute(
                "INSERT INTO input_failures (input, reason, at) VALUES ($1, $2, parallax_now_ms())
                 ON CONFLICT (input) DO UPDATE SET reason = excluded.reason, at = excluded.at",
                &[&input, &reason],
            )?;
            Ok(())
        })
    }

    fn claim(&self, worker: &str, limit: usize, lease: Duration) -> Result<Vec<Claimed>> {
        self.transaction(|tx| {
            tx.execute(
                "UPDATE articles SET status = 'failed', failure = $1, claimed_by = NULL, lease_until = NULL, processed_at = parallax_now_ms()
                 WHERE id IN (SELECT id FROM articles
                              WHERE status = 'processing' AND lease_until < parallax_now_ms() AND attempts >= $2
                              FOR UPDATE SKIP LOCKED)",
                &[&abandoned_reason(), &MAX_ATTEMPTS],
            )?;
            let rows = tx.query(
                "UPDATE articles SET status = 'processing', claimed_by = $1, lease_until = parallax_now_ms() + $2, attempts = attempts + 1
                 WHERE id IN (SELECT id FROM articles
                              WHERE status = 'pending' OR (status = 'processing' AND lease_until < parallax_now_ms())
                              ORDER BY id LIMIT $3
                              FOR UPDATE SKIP LOCKED)
                 RETURNING id, document",
                &[&worker, &lease_millis(lease), &(limit as i64)],
            )?;
            let mut claimed = Vec::with_capacity(rows.len());
            for row in rows {
                let id: i64 = row.get(0);
                let mut doc: Document = serde_json::from_str(row.get::<_, &str>(1))?;
                doc.id = id.to_string();
                claimed.push(Claimed { id, doc });
            }
            claimed.sort_by_key(|c| c.id);
            Ok(claimed)
        })
    }

    fn claim_article(&self, worker: &str, id: ArticleId, lease: Duration) -> Result<Option<Claimed>> {
        self.transaction(|tx| {
            let row = tx.query_opt(
                "UPDATE articles SET status = 'processing', claimed_by = $1, lease_until = parallax_now_ms() + $2, attempts = attempts + 1
                 WHERE id IN (SELECT id FROM articles
                              WHERE id = $3 AND (status = 'pending' OR (status = 'processing' AND lease_until < parallax_now_ms() AND attempts < $4))
                              FOR UPDATE SKIP LOCKED)
                 RETURNING document",
                &[&worker, &lease_millis(lease), &id, &MAX_ATTEMPTS],
            )?;
            match row {
                Some(row) => {
                    let mut doc: Document = serde_json::from_str(row.get::<_, &str>(0))?;
                    doc.id = id.to_string();
                    Ok(Some(Claimed { id, doc }))
                }
                None => Ok(None),
            }
        })
    }

    fn heartbeat(&self, worker: &str, ids: &[ArticleId], lease: Duration) -> Result<usize> {
        self.transaction(|tx| {
            let held = tx.execute(
                "UPDATE articles SET lease_until = parallax_now_ms() + $1
                 WHERE id = ANY($2) AND status = 'processing' AND claimed_by = $3",
                &[&lease_millis(lease), &ids, &worker],
            )?;
            Ok(usize::try_from(held).unwrap_or(usize::MAX))
        })
    }

    fn complete(&self, worker: &str, results: Vec<(ArticleId, Analysis)>) -> Result<Vec<Completion>> {
        self.transaction(|tx| {
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&GROUPING_LOCK])?;
            let now = now(tx)?;
            let mut touched = Touched::default();
            let mut completions = Vec::with_capacity(results.len());
            for (id, analysis) in results {
                let held = tx.query_opt("SELECT id FROM articles WHERE id = $1 AND status = 'processing' AND claimed_by = $2 FOR UPDATE", &[&id, &worker])?;
                if held.is_none() {
                    completions.push(Completion::LeaseLost);
                    continue;
                }
                match analysis {
                    Ok(mut doc) => {
                        doc.id = id.to_string();
                        let json = serde_json::to_string(&doc)?;
                        let meta = &doc.meta;
                        tx.execute(
                            "UPDATE articles SET status = 'done', document = $2, title = $3, outlet = $4, published = $5, language = $6,
                                 failure = NULL, claimed_by = NULL, lease_until = NULL, processed_count = processed_count + 1, processed_at = $7
                             WHERE id = $1",
                            &[&id, &json, &meta.title, &meta.outlet, &meta.published, &meta.language, &now],
                        )?;
                        let story = stories::assign(&mut PgStories { tx }, id, &doc, now, &mut touched)?;
                        completions.push(Completion::Stored { story });
                    }
                    Err(reason) => {
                        tx.execute(
                            "UPDATE articles SET status = 'failed', failure = $2, claimed_by = NULL, lease_until = NULL,
                                 processed_count = processed_count + 1, processed_at = $3
                             WHERE id = $1",
                            &[&id, &reason, &now],
                        )?;
                        completions.push(Completion::Failed);
                    }
                }
            }
            stories::rebuild_touched(&mut PgStories { tx }, touched, now)?;
            if completions.iter().any(|c| *c != Completion::LeaseLost) {
                tx.execute(BUMP_CORPUS_VERSION, &[])?;
            }
            Ok(completions)
        })
    }

    fn counts(&self) -> Result<Counts> {
        self.with_client(|client| {
            let mut counts = Counts::default();
            for row in client.query("SELECT status, count(*) FROM articles GROUP BY status", &[])? {
                let n: i64 = row.get(1);
                match Status::parse(row.get(0)) {
                    Status::Pending => counts.pending = n,
                    Status::Processing => counts.processing = n,
                    Status::Done => counts.done = n,
                    Status::Failed => counts.failed = n,
                }
            }
            counts.stories = client.query_one("SELECT count(*) FROM stories", &[])?.get(0);
            counts.input_failures = client.query_one("SELECT count(*) FROM input_failures", &[])?.get(0);
            Ok(counts)
        })
    }

    fn corpus_version(&self) -> Result<i64> {
        self.with_client(|client| Ok(client.query_one("SELECT value FROM parallax_meta WHERE key = 'corpus_version'", &[])?.get(0)))
    }

    fn stories(&self, limit: usize, offset: usize) -> Result<Vec<StorySummary>> {
        self.with_client(|client| {
            let rows = client.query(
                &format!("SELECT {STORY_COLUMNS} FROM stories ORDER BY updated_at DESC, id DESC LIMIT $1 OFFSET $2"),
                &[&(limit as i64), &(offset as i64)],
            )?;
            Ok(rows.iter().map(story_summary_from_row).collect())
        })
    }

    fn story_summary(&self, id: StoryId) -> Result<Option<StorySummary>> {
        self.with_client(|client| {
            Ok(client
                .query_opt(&format!("SELECT {STORY_COLUMNS} FROM stories WHERE id = $1"), &[&id])?
                .as_ref()
                .map(story_summary_from_row))
        })
    }

    fn story(&self, id: StoryId) -> Result<Option<StoryRecord>> {
        self.with_client(|client| {
            let mut tx = client.build_transaction().read_only(true).isolation_level(postgres::IsolationLevel::RepeatableRead).start()?;
            let Some(row) = tx.query_opt(&format!("SELECT {STORY_COLUMNS}, brief FROM stories WHERE id = $1"), &[&id])? else {
                return Ok(None);
            };
            let summary = story_summary_from_row(&row);
            let brief = serde_json::from_str(row.get::<_, &str>(7))?;
            let rows = tx.query(&format!("SELECT {SUMMARY_COLUMNS} FROM articles WHERE story_id = $1 ORDER BY id"), &[&id])?;
            let article_list = rows.iter().map(summary_from_row).collect();
            tx.commit()?;
            Ok(Some(StoryRecord { summary, brief, article_list }))
        })
    }

    fn article(&self, id: ArticleId) -> Result<Option<ArticleRecord>> {
        self.with_client(|client| {
            let Some(row) = client.query_opt(&format!("SELECT {SUMMARY_COLUMNS}, document FROM articles WHERE id = $1"), &[&id])? else {
                return Ok(None);
            };
            Ok(Some(ArticleRecord { summary: summary_from_row(&row), document: serde_json::from_str(row.get::<_, &str>(14))? }))
        })
    }

    fn story_articles(&self, id: StoryId) -> Result<Vec<ArticleRecord>> {
        self.with_client(|client| {
            let rows =
                client.query(&format!("SELECT {SUMMARY_COLUMNS}, document FROM articles WHERE story_id = $1 ORDER BY id"), &[&id])?;
            let mut records = Vec::with_capacity(rows.len());
            for row in rows {
                records.push(ArticleRecord { summary: summary_from_row(&row), document: serde_json::from_str(row.get::<_, &str>(14))? });
            }
            Ok(records)
        })
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words = query_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let options =
            format!("StartSel=\"{MARK_START}\", StopSel=\"{MARK_END}\", MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=\"…\"");
        self.with_client(|client| {
            let rows = client.query(
                "SELECT id, story_id, title, outlet, ts_headline('english', left(text, $4::int), q, $3)
                 FROM (SELECT id, story_id, title, outlet, text, q, ts_rank(search, q) AS rank
                       FROM articles, plainto_tsquery('english', $1) q
                       WHERE search @@ q
                       ORDER BY rank DESC, id LIMIT $2) hits
                 ORDER BY rank DESC, id",
                &[&words.join(" "), &(limit as i64), &options, &(SEARCH_TEXT_CHARS as i32)],
            )?;
            Ok(rows
                .iter()
                .map(|row| {
                    let (snippet, highlights) = split_snippet(row.get(4));
                    SearchHit { article: row.get(0), story: row.get(1), title: row.get(2), outlet: row.get(3), snippet, highlights }
                })
                .collect())
        })
    }

    fn failures(&self) -> Result<Vec<Failure>> {
        self.with_client(|client| {
            let rows = client.query(
                "SELECT id, coalesce(input, url, ''), coalesce(failure, ''), coalesce(processed_at, ingested_at) AS at FROM articles WHERE status = 'failed'
                 UNION ALL
                 SELECT NULL, input, reason, at FROM input_failures
                 ORDER BY 4, 2",
                &[],
            )?;
            Ok(rows.iter().map(|row| Failure { article: row.get(0), input: row.get(1), reason: row.get(2), at: row.get(3) }).collect())
        })
    }

    fn tidy_search_index(&self, _articles: usize) -> Result<()> {
        // The GIN index's pending list is merged by autovacuum (and by inserts past
        // `gin_pending_list_limit`); nothing to do here.
        Ok(())
    }

    fn export(&self, sink: &mut dyn FnMut(ExportRecord) -> Result<()>) -> Result<()> {
        self.with_client(|client| {
            // One repeatable-read snapshot, read through a cursor so that memory stays flat.
            let mut tx = client.build_transaction().read_only(true).isolation_level(postgres::IsolationLevel::RepeatableRead).start()?;
            let articles = tx.bind(&format!("SELECT {SUMMARY_COLUMNS}, document FROM articles ORDER BY id"), &[])?;
            loop {
                let rows = tx.query_portal(&articles, 256)?;
                if rows.is_empty() {
                    break;
                }
                for row in rows {
                    let document = serde_json::from_str(row.get::<_, &str>(14))?;
                    sink(ExportRecord::Article(Box::new(ArticleRecord { summary: summary_from_row(&row), document })))?;
                }
            }
            let stories = tx.bind("SELECT id, brief FROM stories ORDER BY id", &[])?;
            loop {
                let rows = tx.query_portal(&stories, 256)?;
                if rows.is_empty() {
                    break;
                }
                for row in rows {
                    let brief = serde_json::from_str(row.get::<_, &str>(1))?;
                    sink(ExportRecord::Story { id: row.get(0), brief: Box::new(brief) })?;
                }
            }
            for row in tx.query("SELECT input, reason, at FROM input_failures ORDER BY input", &[])? {
                sink(ExportRecord::InputFailure { input: row.get(0), reason: row.get(1), at: row.get(2) })?;
            }
            tx.commit()?;
            Ok(())
        })
    }
}
