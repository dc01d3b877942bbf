//! The HTML pages.

use crate::{html, AppError, AppState};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(story_list))
        .route("/stories/{id}", get(story))
        .route("/articles/{id}", get(article))
        .route("/search", get(search))
        .route("/failures", get(failures))
}

/// Pages allow only their own stylesheet: no script of any origin, no frames, no plugins.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

fn html_response(status: StatusCode, body: impl Into<axum::body::Body>) -> Response {
    let mut response = (status, body.into()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// Turns a handler's result into a page; internal errors go to the error sink only.
fn page(state: &AppState, result: Result<Response, AppError>) -> Response {
    match result {
        Ok(response) => response,
        Err(AppError::NotFound(what)) => html_response(StatusCode::NOT_FOUND, html::not_found(&what)),
        Err(AppError::BadRequest(why)) => html_response(StatusCode::BAD_REQUEST, html::not_found(&why)),
        Err(error) => {
            (state.on_error)(&error.to_string());
            html_response(StatusCode::INTERNAL_SERVER_ERROR, html::error_page())
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct ListParams {
    #[serde(default)]
    offset: usize,
}

const STORIES_PER_PAGE: usize = 50;

async fn story_list(State(state): State<AppState>, Query(params): Query<ListParams>) -> Response {
    let store = state.store.clone();
    let result = state
        .blocking(move || -> Result<String, AppError> {
            let stories = store.stories(STORIES_PER_PAGE, params.offset)?;
            let counts = store.counts()?;
            Ok(html::story_list(&stories, &counts, params.offset, STORIES_PER_PAGE))
        })
        .await;
    page(&state, result.and_then(|r| r).map(|body| html_response(StatusCode::OK, body)))
}

async fn story(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    let store = state.store.clone();
    let cache = state.pages.clone();
    let result = state
        .blocking(move || -> Result<Bytes, AppError> {
            let Some(summary) = store.story_summary(id)? else {
                return Err(AppError::NotFound(format!(
                    "There is no story {id}: it may have been merged into another as articles arrived."
                )));
            };
            if let Some(cached) = cache.get(id, summary.updated_at) {
                return Ok(cached);
            }
            let Some(story) = store.story(id)? else { return Err(AppError::NotFound(format!("There is no story {id}."))) };
            let articles = store.story_articles(id)?;
            let rendered = Bytes::from(html::story_page(&story, &articles));
            cache.put(id, story.summary.updated_at, rendered.clone());
            Ok(rendered)
        })
        .await;
    page(&state, result.and_then(|r| r).map(|body| html_response(StatusCode::OK, body)))
}

async fn article(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    let store = state.store.clone();
    let result = state
        .blocking(move || -> Result<String, AppError> {
            match store.article(id)? {
                Some(record) => Ok(html::article_page(&record)),
                None => Err(AppError::NotFound(format!("There is no article {id}."))),
            }
        })
        .await;
    page(&state, result.and_then(|r| r).map(|body| html_response(StatusCode::OK, body)))
}

#[derive(Deserialize)]
pub(crate) struct SearchParams {
    #[serde(default)]
    q: String,
}

const SEARCH_RESULTS: usize = 30;

async fn search(State(state): State<AppState>, Query(params): Query<SearchParams>) -> Response {
    let store = state.store.clone();
    let cache = state.pages.clone();
    let result = state
        .blocking(move || -> Result<String, AppError> {
            if params.q.trim().is_empty() {
                return Ok(html::search_page(&params.q, &[]));
            }
            let hits = cache.cached_search(&*store, &params.q, SEARCH_RESULTS)?;
            Ok(html::search_page(&params.q, &hits))
        })
        .await;
    page(&state, result.and_then(|r| r).map(|body| html_response(StatusCode::OK, body)))
}

async fn failures(State(state): State<AppState>) -> Response {
    let store = state.store.clone();
    let result = state.blocking(move || -> Result<String, AppError> { Ok(html::failures_page(&store.failures()?)) }).await;
    page(&state, result.and_then(|r| r).map(|body| html_response(StatusCode::OK, body)))
}
