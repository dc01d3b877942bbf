//! URLs, feeds and OPML through `read_inputs`, against a local HTTP server.

use parallax_ingest::{read_inputs, InputError};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

/// Serves `routes` (path → content type and body) for `connections` requests.
fn serve(routes: HashMap<&'static str, (&'static str, String)>, connections: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for _ in 0..connections {
            let Ok((mut stream, _)) = listener.accept() else { return };
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]).into_owned();
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let response = match routes.get(path.as_str()) {
                Some((content_type, body)) => {
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    )
                }
                None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_owned(),
            };
            let _ = stream.write_all(response.as_bytes());
        }
    });
    base
}

fn page() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour-strike.html")).unwrap()
}

const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Port reopens</title><link>https://wire.example/1</link><description>The port reopened on Wednesday after talks with the union.</description></item>
</channel></rss>"#;

#[test]
fn urls_are_fetched_and_read_by_content() {
    let routes = HashMap::from([("/story", ("text/html; charset=utf-8", page())), ("/feed", ("application/rss+xml", RSS.to_owned()))]);
    let base = serve(routes, 3);
    let inputs: Vec<PathBuf> = ["/story", "/feed", "/missing"].iter().map(|p| PathBuf::from(format!("{base}{p}"))).collect();
    let batch = read_inputs(&inputs);
    assert_eq!(batch.loaded.len(), 2, "{:?}", batch.errors);
    let story = &batch.loaded[0].doc;
    assert!(story.text().as_str().starts_with("Harbour strike spreads to second port\n\nDock workers"));
    assert_eq!(story.meta.input.as_deref(), Some(format!("{base}/story").as_str()));
    assert!(story.id.starts_with('u'));
    let entry = &batch.loaded[1].doc;
    assert_eq!(entry.text().as_str(), "Port reopens\n\nThe port reopened on Wednesday after talks with the union.");
    assert_eq!(entry.meta.outlet.as_deref(), Some("Wire"));
    assert!(
        matches!(&batch.errors[..], [InputError::Fetch { url, reason }] if url.ends_with("/missing") && reason.contains("404")),
        "{:?}",
        batch.errors
    );
}

#[test]
fn an_opml_file_fetches_its_feeds() {
    let base = serve(HashMap::from([("/feed", ("application/rss+xml", RSS.to_owned()))]), 2);
    let dir = std::env::temp_dir().join(format!("parallax-ingest-opml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let opml = format!(
        r#"<?xml version="1.0"?><opml version="2.0"><body><outline text="Wire" type="rss" xmlUrl="{base}/feed"/><outline text="Gone" type="rss" xmlUrl="{base}/gone"/></body></opml>"#
    );
    std::fs::write(dir.join("feeds.opml"), opml).unwrap();
    let batch = read_inputs(&[dir.join("feeds.opml")]);
    assert_eq!(batch.loaded.len(), 1);
    assert_eq!(batch.loaded[0].doc.meta.title.as_deref(), Some("Port reopens"));
    assert_eq!(batch.errors.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
