//! The JSON API under `/api/`, documented in `openapi.yaml`. Response bodies are the store's
//! model types (`parallax_store::model`) and the brief (`schema/brief.schema.json`).

use crate::{AppError, AppState};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use parallax_core::{Document, Metadata};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long the server's claim on a posted article lasts while it analyses it.
const ANALYSIS_LEASE: Duration = Duration::from_secs(120);

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/stories", get(stories))
        .route("/stories/{id}", get(story))
        .route("/articles", axum::routing::post(post_article))
        .route("/articles/{id}", get(article))
        .route("/search", get(search))
        .route("/failures", get(failures))
        .route("/counts", get(counts))
}

#[derive(Serialize)]
struct ErrorBody {
    error: String,
}

fn json_response<T: Serialize>(state: &AppState, result: Result<T, AppError>) -> Response {
    let (status, message) = match result {
        Ok(value) => return Json(value).into_response(),
        Err(AppError::NotFound(what)) => (StatusCode::NOT_FOUND, what),
        Err(AppError::BadRequest(why)) => (StatusCode::BAD_REQUEST, why),
        Err(error @ AppError::WritesDisabled) => (StatusCode::FORBIDDEN, error.to_string()),
        Err(error @ AppError::Unauthorized) => {
            let mut response = (StatusCode::UNAUTHORIZED, Json(ErrorBody { error: error.to_string() })).into_response();
            response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
            return response;
        }
        Err(error) => {
            (state.on_error)(&error.to_string());
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error (logged on the server)".to_owned())
        }
    };
    (status, Json(ErrorBody { error: message })).into_response()
}

#[derive(Deserialize)]
struct Page {
    #[serde(default = "default_limit")]
    limit: usize,
    #[serde(default)]
    offset: usize,
}

fn default_limit() -> usize {
    50
}

const MAX_LIMIT: usize = 500;

async fn stories(State(state): State<AppState>, Query(page): Query<Page>) -> Response {
    let store = state.store.clone();
    let result = state.blocking(move || store.stories(page.limit.min(MAX_LIMIT), page.offset)).await;
    json_response(&state, result.and_then(|r| r.map_err(AppError::from)))
}

async fn story(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    let store = state.store.clone();
    let result = state.blocking(move || store.story(id)).await;
    json_response(&state, result.and_then(|r| r?.ok_or_else(|| AppError::NotFound(format!("no story {id}")))))
}

async fn article(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    let store = state.store.clone();
    let result = state.blocking(move || store.article(id)).await;
    json_response(&state, result.and_then(|r| r?.ok_or_else(|| AppError::NotFound(format!("no article {id}")))))
}

#[derive(Deserialize)]
struct SearchParams {
    q: String,
    #[serde(default = "default_search_limit")]
    limit: usize,
}

fn default_search_limit() -> usize {
    20
}

async fn search(State(state): State<AppState>, Query(params): Query<SearchParams>) -> Response {
    let store = state.store.clone();
    let cache = state.pages.clone();
    let result = state.blocking(move || cache.cached_search(&*store, &params.q, params.limit.min(MAX_LIMIT))).await;
    json_response(&state, result.and_then(|r| r.map(|hits| hits.as_slice().to_vec()).map_err(AppError::from)))
}

async fn failures(State(state): State<AppState>) -> Response {
    let store = state.store.clone();
    let result = state.blocking(move || store.failures()).await;
    json_response(&state, result.and_then(|r| r.map_err(AppError::from)))
}

async fn counts(State(state): State<AppState>) -> Response {
    let store = state.store.clone();
    let result = state.blocking(move || store.counts()).await;
    json_response(&state, result.and_then(|r| r.map_err(AppError::from)))
}

/// An article sent to `POST /api/articles`, as in a JSON Lines input.
#[derive(Deserialize)]
pub struct NewArticle {
    pub text: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The outlet's name.
    pub source: Option<String>,
    pub published: Option<String>,
}

/// What `POST /api/articles` did.
#[derive(Serialize)]
pub struct Posted {
    pub id: i64,
    /// `new` or `duplicate`.
    pub outcome: &'static str,
    pub article: parallax_store::ArticleSummary,
}

/// Constant-time comparison, so that the token cannot be guessed byte by byte from timing.
fn same_token(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0
}

fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), AppError> {
    let Some(expected) = &state.token else { return Err(AppError::WritesDisabled) };
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).unwrap_or("");
    if same_token(given.trim().as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(AppError::Unauthorized)
    }
}

/// The largest article text accepted, as for files.
const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;

async fn post_article(State(state): State<AppState>, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    if let Err(error) = authorise(&state, &headers) {
        return json_response::<()>(&state, Err(error));
    }
    let posted: NewArticle = match serde_json::from_slice(&body) {
        Ok(posted) => posted,
        Err(error) => return json_response::<()>(&state, Err(AppError::BadRequest(format!("the body is not an article: {error}")))),
    };
    let Some(text) = posted.text.filter(|t| !t.trim().is_empty()) else {
        return json_response::<()>(
            &state,
            Err(AppError::BadRequest("`text` is required: this server does not fetch URLs itself yet, send the article's text".to_owned())),
        );
    };
    if text.len() > MAX_TEXT_BYTES {
        return json_response::<()>(&state, Err(AppError::BadRequest(format!("the text is larger than {MAX_TEXT_BYTES} bytes"))));
    }
    let meta = Metadata {
        input: posted.url.clone().or_else(|| Some("POST /api/articles".to_owned())),
        outlet: posted.source,
        url: posted.url,
        title: posted.title,
        published: posted.published,
        ..Metadata::default()
    };
    let doc = Document::new("posted", text, meta);
    let store = state.store.clone();
    let pipeline = state.pipeline.clone();
    let result = state
        .blocking(move || -> Result<(StatusCode, Posted), AppError> {
            let outcome = store.enqueue(std::slice::from_ref(&doc))?[0];
            // Analyse this article now, unless a worker already holds it (then it is
            // answered as accepted, still processing).
            let worker = parallax_store::worker::default_worker_name();
            if let Some(claimed) = store.claim_article(&worker, outcome.id(), ANALYSIS_LEASE)? {
                let analysis = pipeline.run(claimed.doc).map_err(|error| error.to_string());
                store.complete(&worker, vec![(claimed.id, analysis)])?;
            }
            let article = store.article(outcome.id())?.ok_or_else(|| AppError::Internal("a stored article vanished".to_owned()))?.summary;
            let finished = matches!(article.status, parallax_store::Status::Done | parallax_store::Status::Failed);
            Ok(match outcome {
                parallax_store::Enqueued::New(id) if finished => (StatusCode::CREATED, Posted { id, outcome: "new", article }),
                parallax_store::Enqueued::New(id) => (StatusCode::ACCEPTED, Posted { id, outcome: "new", article }),
                parallax_store::Enqueued::Duplicate(id) => (StatusCode::OK, Posted { id, outcome: "duplicate", article }),
            })
        })
        .await;
    match result.and_then(|r| r) {
        Ok((status, posted)) => (status, Json(posted)).into_response(),
        Err(error) => json_response::<()>(&state, Err(error)),
    }
}
