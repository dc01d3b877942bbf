//! The router driven without a socket (`tower::ServiceExt::oneshot`) over a real SQLite
//! store in a temporary directory, filled by the real pipeline.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use parallax_core::{Document, Metadata};
use parallax_server::{app, AppState};
use parallax_store::worker::{run_worker, WorkerConfig};
use parallax_store::{SqliteStore, Store};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use tower::ServiceExt;

/// Text that tries to break out of HTML text, of double- and single-quoted attributes, and
/// of a URL.
const HOSTILE: &str =
    r#"<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2"> ' onmouseover='window.pwned=3' </textarea></title>"#;

struct Fixture {
    _dir: tempfile::TempDir,
    store: Arc<dyn Store>,
    hostile_article: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(dir.path().join("p.db")).unwrap());
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let batch = parallax_ingest::read_inputs(&[examples]);
    let mut docs: Vec<Document> = batch.loaded.into_iter().map(|l| l.doc).collect();
    let hostile_text = format!(
        "Port Vessant strike: {HOSTILE}\n\nThe Kestria government said {HOSTILE} about 40 dock workers were detained in Port Vessant. \"We will not {HOSTILE} yield,\" said Mara Lenk, the union leader.\n"
    );
    let meta = Metadata {
        input: Some(format!("hostile{HOSTILE}.txt")),
        url: Some("javascript:window.pwned=4//\"><script>window.pwned=5</script>".into()),
        outlet: Some(format!("Outlet {HOSTILE}")),
        ..Metadata::default()
    };
    docs.push(Document::new("hostile", hostile_text, meta));
    let ids = store.enqueue(&docs).unwrap();
    let pipeline = parallax_nlp::default_pipeline().unwrap();
    run_worker(&*store, &pipeline, &WorkerConfig::new("test"), &AtomicBool::new(false), &|_| {}).unwrap();
    store.record_input_failure(&format!("broken{HOSTILE}.txt"), &format!("unreadable: {HOSTILE}")).unwrap();
    Fixture { _dir: dir, store, hostile_article: ids.last().unwrap().id() }
}

fn router(fixture: &Fixture, token: Option<&str>) -> Router {
    let pipeline = Arc::new(parallax_nlp::default_pipeline().unwrap());
    app(AppState::new(fixture.store.clone(), token.map(str::to_owned), pipeline).with_error_sink(|e| panic!("internal error: {e}")))
}

async fn get(router: &Router, uri: &str) -> (StatusCode, String, header::HeaderMap) {
    let response = router.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap(), headers)
}

async fn post(router: &Router, uri: &str, token: Option<&str>, body: &str) -> (StatusCode, serde_json::Value) {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let response = router.clone().oneshot(request.body(Body::from(body.to_owned())).unwrap()).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
}

/// The tags and attributes of an HTML page, read the way a browser's tokenizer would
/// (quoted and unquoted attribute values), so that injected markup cannot hide.
fn tags_and_attributes(html: &str) -> (BTreeSet<String>, BTreeSet<String>, Vec<String>) {
    let (mut tags, mut attributes, mut hrefs) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        i += 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |end| i + end + 3);
            continue;
        }
        if i < bytes.len() && (bytes[i] == b'/' || bytes[i] == b'!') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if start == i {
            continue; // "<" followed by something else is text for a browser too
        }
        tags.insert(html[start..i].to_ascii_lowercase());
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                i += 1;
                break;
            }
            let name_start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let name = html[name_start..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let quote = bytes[i];
                    let value_start = i + 1;
                    i = value_start + html[value_start..].find(quote as char).unwrap_or(html.len() - value_start);
                    value = html[value_start..i].to_owned();
                    i += 1;
                } else {
                    let value_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = html[value_start..i].to_owned();
                }
            }
            if name == "href" || name == "action" || name == "src" {
                hrefs.push(value);
            }
            attributes.insert(name);
        }
    }
    (tags, attributes, hrefs)
}

const ALLOWED_TAGS: &[&str] = &[
    "html", "head", "meta", "title", "link", "body", "header", "nav", "main", "a", "form", "input", "button", "h1", "h2", "p", "table",
    "thead", "tbody", "tr", "th", "td", "div", "section", "article", "span", "ul", "ol", "li", "b", "i", "small", "code", "mark", "pre",
    "doctype",
];
const ALLOWED_ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "rel",
    "href",
    "class",
    "action",
    "method",
    "role",
    "type",
    "value",
    "placeholder",
    "aria-label",
    "id",
    "title",
    "html",
];

fn assert_inert(page: &str, html: &str) {
    let (tags, attributes, hrefs) = tags_and_attributes(html);
    let unexpected_tags: Vec<&String> = tags.iter().filter(|t| !ALLOWED_TAGS.contains(&t.as_str())).collect();
    assert!(unexpected_tags.is_empty(), "{page}: unexpected tags {unexpected_tags:?}");
    let unexpected_attributes: Vec<&String> = attributes.iter().filter(|a| !ALLOWED_ATTRIBUTES.contains(&a.as_str())).collect();
    assert!(unexpected_attributes.is_empty(), "{page}: unexpected attributes {unexpected_attributes:?}");
    for href in hrefs {
        let lower = href.to_ascii_lowercase();
        assert!(
            lower.starts_with('/') || lower.starts_with('#') || lower.starts_with("http://") || lower.starts_with("https://"),
            "{page}: href {href}"
        );
    }
    assert!(!html.to_ascii_lowercase().contains("<script"), "{page}: a script tag");
}

#[tokio::test]
async fn hostile_article_text_renders_inert_on_every_page() {
    let fixture = fixture();
    let router = router(&fixture, None);
    let record = fixture.store.article(fixture.hostile_article).unwrap().unwrap();
    let story = record.summary.story.expect("the hostile article is in a story");
    let mut pages = vec![
        "/".to_owned(),
        format!("/stories/{story}"),
        format!("/articles/{}", fixture.hostile_article),
        "/search?q=window+pwned".to_owned(),
        "/search?q=%3Cscript%3Ewindow.pwned%3D6%3C%2Fscript%3E%22%3E%27".to_owned(),
        "/failures".to_owned(),
        "/stories/999999".to_owned(),
    ];
    for other in fixture.store.stories(100, 0).unwrap() {
        pages.push(format!("/stories/{}", other.id));
    }
    for page in &pages {
        let (status, html, headers) = get(&router, page).await;
        assert!(status == StatusCode::OK || status == StatusCode::NOT_FOUND, "{page}: {status}");
        assert_inert(page, &html);
        let csp = headers.get(header::CONTENT_SECURITY_POLICY).unwrap().to_str().unwrap();
        assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"), "{page}: {csp}");
    }
    // The hostile text is shown, as text, where it should be.
    let (_, article, _) = get(&router, &format!("/articles/{}", fixture.hostile_article)).await;
    assert!(article.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;"));
    assert!(article.contains("javascript:window.pwned=4//&quot;&gt;&lt;script&gt;"), "the javascript: URL is shown as text, not linked");
    let (_, search, _) = get(&router, "/search?q=window+pwned").await;
    assert!(search.contains(&format!("/articles/{}", fixture.hostile_article)), "the hostile article is found");
}

#[tokio::test]
async fn pages_show_stories_briefs_articles_and_search() {
    let fixture = fixture();
    let router = router(&fixture, None);
    let (status, list, _) = get(&router, "/").await;
    assert_eq!(status, StatusCode::OK);
    let stories = fixture.store.stories(100, 0).unwrap();
    assert!(stories.len() >= 2);
    for story in &stories {
        assert!(list.contains(&format!("href=\"/stories/{}\"", story.id)));
    }
    let harbour = stories.iter().find(|s| s.title.contains("Kestria")).expect("the harbour strike story");
    let (status, page, _) = get(&router, &format!("/stories/{}", harbour.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Disputed") && page.contains("Who said what") && page.contains("Timeline"));
    assert!(page.contains("class=\"entity\"") || page.contains("entity "), "entities are marked");
    assert!(page.contains("quantity"), "quantities are marked");
    assert!(page.contains("quote"), "quotes are marked");
    // Every citation points at a sentence element on the same page.
    let (_, _, hrefs) = tags_and_attributes(&page);
    let anchors: Vec<&String> = hrefs.iter().filter(|h| h.starts_with('#')).collect();
    assert!(anchors.len() > 5);
    for anchor in anchors {
        assert!(page.contains(&format!("id=\"{}\"", &anchor[1..])), "citation {anchor} has no target");
    }
    // The second request is served from the page cache and is identical.
    assert_eq!(get(&router, &format!("/stories/{}", harbour.id)).await.1, page);

    let record = fixture.store.story(harbour.id).unwrap().unwrap();
    let (status, article, _) = get(&router, &format!("/articles/{}", record.article_list[0].id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(article.contains(&format!("/stories/{}", harbour.id)));

    let (status, search, _) = get(&router, "/search?q=dock+workers").await;
    assert_eq!(status, StatusCode::OK);
    assert!(search.contains("<mark>"));
    assert_eq!(get(&router, "/articles/424242").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&router, "/stories/nope").await.0, StatusCode::BAD_REQUEST);
    let (status, css, headers) = get(&router, "/static/style.css").await;
    assert_eq!(status, StatusCode::OK);
    assert!(css.contains("span.s:target"));
    assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/css"));
}

#[tokio::test]
async fn json_api_serves_the_store_model() {
    let fixture = fixture();
    let router = router(&fixture, None);
    let (status, body, _) = get(&router, "/api/stories").await;
    assert_eq!(status, StatusCode::OK);
    let stories: Vec<parallax_store::StorySummary> = serde_json::from_str(&body).unwrap();
    assert_eq!(stories, fixture.store.stories(50, 0).unwrap());
    let (status, body, _) = get(&router, &format!("/api/stories/{}", stories[0].id)).await;
    assert_eq!(status, StatusCode::OK);
    let story: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(story["brief"]["schema_version"], parallax_brief::SCHEMA_VERSION);
    let (_, body, _) = get(&router, &format!("/api/articles/{}", fixture.hostile_article)).await;
    let article: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(article["status"], "done");
    assert!(article["document"]["layers"]["sentences"].is_array());
    let (_, body, _) = get(&router, "/api/search?q=strike&limit=3").await;
    assert_eq!(serde_json::from_str::<Vec<serde_json::Value>>(&body).unwrap().len(), 3);
    let (_, body, _) = get(&router, "/api/counts").await;
    let counts: parallax_store::Counts = serde_json::from_str(&body).unwrap();
    assert_eq!(counts, fixture.store.counts().unwrap());
    let (_, body, _) = get(&router, "/api/failures").await;
    assert_eq!(serde_json::from_str::<Vec<serde_json::Value>>(&body).unwrap().len(), 1);
    let (status, body, _) = get(&router, "/api/stories/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("error"));
}

#[tokio::test]
async fn writes_are_off_without_a_token_and_need_it_when_on() {
    let fixture = fixture();
    let article = r#"{"text": "Dock workers in Port Vessant ended their strike on Friday, the Kestria union said.", "title": "Strike ends", "url": "https://news.example/ends", "source": "Example News"}"#;
    let read_only = router(&fixture, None);
    assert_eq!(post(&read_only, "/api/articles", Some("anything"), article).await.0, StatusCode::FORBIDDEN);
    let writable = router(&fixture, Some("s3cret"));
    assert_eq!(post(&writable, "/api/articles", None, article).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(post(&writable, "/api/articles", Some("s3cre"), article).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(post(&writable, "/api/articles", Some("s3cret"), "{not json").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(post(&writable, "/api/articles", Some("s3cret"), r#"{"url": "https://news.example/x"}"#).await.0, StatusCode::BAD_REQUEST);
    // A backlog of pending articles is left to the workers: a post analyses only itself.
    let backlog: Vec<Document> =
        (0..2).map(|n| Document::new(format!("b{n}"), format!("Backlog article number {n} about Kestria."), Metadata::default())).collect();
    fixture.store.enqueue(&backlog).unwrap();
    let before = fixture.store.counts().unwrap();
    assert_eq!(before.pending, 2);
    let (_, cached, _) = get(&writable, "/api/search?q=ended+strike+Friday").await;
    assert_eq!(cached, "[]");
    let (status, posted) = post(&writable, "/api/articles", Some("s3cret"), article).await;
    assert_eq!(status, StatusCode::CREATED, "{posted}");
    assert_eq!(posted["outcome"], "new");
    assert_eq!(posted["article"]["status"], "done");
    assert!(posted["article"]["story"].is_i64());
    assert_eq!(fixture.store.counts().unwrap().done, before.done + 1);
    assert_eq!(fixture.store.counts().unwrap().pending, 2, "the backlog is left to the workers");
    let (_, found, _) = get(&writable, "/api/search?q=ended+strike+Friday").await;
    let found: Vec<serde_json::Value> = serde_json::from_str(&found).unwrap();
    assert_eq!(found.len(), 1, "a cached search is not served after the corpus changed");
    assert_eq!(found[0]["article"], posted["id"]);
    let (status, again) = post(&writable, "/api/articles", Some("s3cret"), article).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["outcome"], "duplicate");
    assert_eq!(again["id"], posted["id"]);
    assert_eq!(fixture.store.counts().unwrap().done, before.done + 1);
}

/// Every API route and every field the API returns is documented in `openapi.yaml`.
#[tokio::test]
async fn openapi_documents_every_route_and_field() {
    let spec = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../openapi.yaml")).unwrap();
    for path in
        ["/api/stories:", "/api/stories/{id}:", "/api/articles/{id}:", "/api/articles:", "/api/search:", "/api/failures:", "/api/counts:"]
    {
        assert!(spec.contains(&format!("\n  {path}\n")), "{path} is not documented");
    }
    let fixture = fixture();
    let router = router(&fixture, None);
    let story = fixture.store.stories(1, 0).unwrap()[0].id;
    let mut objects: Vec<serde_json::Value> = Vec::new();
    for uri in [
        "/api/stories".to_owned(),
        format!("/api/stories/{story}"),
        format!("/api/articles/{}", fixture.hostile_article),
        "/api/search?q=strike".to_owned(),
        "/api/failures".to_owned(),
        "/api/counts".to_owned(),
    ] {
        let (status, body, _) = get(&router, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        match serde_json::from_str(&body).unwrap() {
            serde_json::Value::Array(items) => objects.extend(items),
            object => objects.push(object),
        }
    }
    let (_, article_list, _) = get(&router, &format!("/api/stories/{story}")).await;
    let story_json: serde_json::Value = serde_json::from_str(&article_list).unwrap();
    objects.extend(story_json["article_list"].as_array().unwrap().iter().cloned());
    for object in objects {
        for key in object.as_object().unwrap().keys() {
            assert!(spec.contains(&format!(" {key}:")) || spec.contains(&format!("[{key}")), "field `{key}` is not documented");
        }
    }
}
