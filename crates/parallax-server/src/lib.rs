//! # parallax-server
//!
//! The web server over a [`parallax_store::Store`]: a JSON API under `/api/` (documented
//! in `openapi.yaml` at the repository root) and server-rendered HTML pages (story list,
//! story page with the brief beside its articles, search, article view, failures).
//!
//! [`app`] builds the whole [`Router`] from an [`AppState`], so tests drive it with
//! `tower::ServiceExt::oneshot` without a socket; [`serve`] binds it.
//!
//! Invariants: everything taken from an article or a request is escaped in HTML
//! ([`html::esc`]); pages carry no script and are sent with a Content-Security-Policy
//! forbidding scripts; write endpoints exist only when a token is configured and then
//! require it; internal errors are reported to [`AppState::on_error`] and never shown to
//! the client. The crate does not print.

pub mod api;
pub mod html;
mod pages;

use axum::body::Bytes;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Router;
use parallax_core::Pipeline;
use parallax_store::{SearchHit, Store, StoryId};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

/// How the server is started.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Where to listen; `127.0.0.1:8080` by default in the CLI.
    pub bind: SocketAddr,
    /// Enables the write endpoints, which then require `Authorization: Bearer TOKEN`.
    pub token: Option<String>,
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub token: Option<Arc<str>>,
    /// Analyses articles posted to the write endpoint.
    pub pipeline: Arc<Pipeline>,
    /// Receives internal errors (the binary logs them); clients see only a generic message.
    pub on_error: Arc<dyn Fn(&str) + Send + Sync>,
    pages: Arc<PageCache>,
    store_calls: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, token: Option<String>, pipeline: Arc<Pipeline>) -> AppState {
        let store_calls = Arc::new(tokio::sync::Semaphore::new(store.concurrency().max(1)));
        AppState {
            store,
            token: token.map(Into::into),
            pipeline,
            on_error: Arc::new(|_| {}),
            pages: Arc::new(PageCache::default()),
            store_calls,
        }
    }

    pub fn with_error_sink(mut self, on_error: impl Fn(&str) + Send + Sync + 'static) -> AppState {
        self.on_error = Arc::new(on_error);
        self
    }
}

/// Rendered story pages, keyed by story and its `updated_at`, which grows whenever a
/// story changes, and search results, keyed by query and the corpus version, which grows
/// whenever an article is added or analysed: nothing stale is served, and nothing is
/// computed twice between two changes.
#[derive(Default)]
pub(crate) struct PageCache {
    stories: Mutex<HashMap<StoryId, (i64, Bytes)>>,
    /// Search results by (normalised query, limit), valid for one corpus version.
    searches: Mutex<HashMap<SearchKey, CachedSearch>>,
}

/// Search results and the corpus version they were computed at.
type CachedSearch = (i64, Arc<Vec<SearchHit>>);

/// A normalised query and a result limit.
type SearchKey = (String, usize);

/// Story pages kept at most; past this the cache is emptied and refilled.
const CACHED_STORY_PAGES: usize = 4096;

impl PageCache {
    pub(crate) fn get(&self, story: StoryId, version: i64) -> Option<Bytes> {
        let pages = self.stories.lock().unwrap_or_else(PoisonError::into_inner);
        pages.get(&story).filter(|(v, _)| *v == version).map(|(_, page)| page.clone())
    }

    pub(crate) fn put(&self, story: StoryId, version: i64, page: Bytes) {
        let mut pages = self.stories.lock().unwrap_or_else(PoisonError::into_inner);
        if pages.len() >= CACHED_STORY_PAGES {
            pages.clear();
        }
        pages.insert(story, (version, page));
    }

    /// The search cache's key: the query's words, lower-cased, and the limit.
    fn search_key(query: &str, limit: usize) -> SearchKey {
        (query.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(), limit)
    }

    pub(crate) fn search(&self, query: &str, limit: usize, version: i64) -> Option<Arc<Vec<SearchHit>>> {
        let searches = self.searches.lock().unwrap_or_else(PoisonError::into_inner);
        searches.get(&PageCache::search_key(query, limit)).filter(|(v, _)| *v == version).map(|(_, hits)| hits.clone())
    }

    pub(crate) fn put_search(&self, query: &str, limit: usize, version: i64, hits: Arc<Vec<SearchHit>>) {
        let mut searches = self.searches.lock().unwrap_or_else(PoisonError::into_inner);
        if searches.len() >= CACHED_SEARCHES {
            searches.clear();
        }
        searches.insert(PageCache::search_key(query, limit), (version, hits));
    }

    /// Search through the cache: results are reused until the corpus changes.
    pub(crate) fn cached_search(&self, store: &dyn Store, query: &str, limit: usize) -> parallax_store::Result<Arc<Vec<SearchHit>>> {
        let version = store.corpus_version()?;
        if let Some(hits) = self.search(query, limit, version) {
            return Ok(hits);
        }
        let hits = Arc::new(store.search(query, limit)?);
        self.put_search(query, limit, version, hits.clone());
        Ok(hits)
    }
}

/// Search results kept at most; past this the cache is emptied and refilled.
const CACHED_SEARCHES: usize = 16_384;

/// The whole application: JSON API, pages and the stylesheet.
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(pages::router())
        .nest("/api", api::router())
        .route("/static/style.css", axum::routing::get(stylesheet))
        .with_state(state)
}

async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8"))], html::STYLESHEET).into_response()
}

impl AppState {
    /// Runs a store call on the blocking pool (store calls block on disk or network), at
    /// most as many at once as the store has connections: more would only wait as blocked
    /// threads, while this makes them wait as cheap tasks.
    pub(crate) async fn blocking<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
        let _permit = self.store_calls.acquire().await.map_err(|e| AppError::Internal(format!("the store gate closed: {e}")))?;
        tokio::task::spawn_blocking(f).await.map_err(|e| AppError::Internal(format!("a store task failed: {e}")))
    }
}

/// Errors a handler returns. Internal ones are reported to [`AppState::on_error`] by the
/// handler's caller and shown to the client only as a generic message.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("write endpoints are disabled: start the server with a token to enable them")]
    WritesDisabled,
    #[error("missing or wrong bearer token")]
    Unauthorized,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<parallax_store::StoreError> for AppError {
    fn from(error: parallax_store::StoreError) -> AppError {
        AppError::Internal(error.to_string())
    }
}

/// Binds `config.bind` and serves until the process ends.
pub async fn serve(config: ServerConfig, state: AppState) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(config.bind).await?;
    axum::serve(listener, app(state)).await
}

/// [`serve`] on a runtime of its own, for the CLI.
pub fn serve_blocking(config: ServerConfig, store: Arc<dyn Store>, on_error: impl Fn(&str) + Send + Sync + 'static) -> std::io::Result<()> {
    let pipeline = parallax_nlp::default_pipeline().map_err(std::io::Error::other)?;
    let state = AppState::new(store, config.token.clone(), Arc::new(pipeline)).with_error_sink(on_error);
    tokio::runtime::Builder::new_multi_thread().enable_all().build()?.block_on(serve(config, state))
}
