//! Multi-article inputs: WARC (plain and gzip, streamed) and JSON Lines, each malformed
//! record reported with its input and skipped.

use parallax_ingest::{read_inputs, InputError};
use std::io::Write;
use std::path::PathBuf;

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-archives-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn page(n: usize) -> String {
    format!(
        "<html><head><title>Story {n} about the harbour</title></head><body><article>\
         <p>Paragraph one of story {n}: dock workers walked out on Monday, halting traffic at the port.</p>\
         <p>Paragraph two of story {n}: the union said the strike would go on until wages were restored.</p>\
         </article></body></html>"
    )
}

fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out =
        format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n", block.len()).into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len()).into_bytes();
    http.extend_from_slice(body);
    record("response", uri, &http)
}

/// One gzip member per record, as Common Crawl writes them.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for record in records {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(record).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

#[test]
fn a_warc_gz_streams_html_responses_and_skips_a_corrupt_record() {
    let dir = scratch("warc");
    let mut records = vec![record("warcinfo", "", b"software: test\r\n")];
    for n in 0..5 {
        records.push(record("request", &format!("https://news.example/{n}"), b"GET / HTTP/1.1\r\n\r\n"));
        records.push(response(&format!("https://news.example/{n}"), "text/html; charset=utf-8", page(n).as_bytes()));
        if n == 2 {
            records.push(b"WARC/1.1\r\nWARC-Type: response\r\nno colon on this header line\r\n\r\n".to_vec());
            records.push(response("https://news.example/logo.png", "image/png", b"\x89PNG\r\n"));
        }
    }
    let latin1 = b"<html><body><article><p>Caf\xe9 owners on the quay said the strike had emptied their terraces all week long.</p></article></body></html>";
    records.push(response("https://news.example/latin", "text/html; charset=iso-8859-1", latin1));
    std::fs::write(dir.join("crawl.warc.gz"), gzip_members(&records)).unwrap();
    std::fs::write(dir.join("crawl-plain.warc"), records.concat()).unwrap();

    for file in ["crawl.warc.gz", "crawl-plain.warc"] {
        let batch = read_inputs(&[dir.join(file)]);
        let titles: Vec<&str> = batch.loaded.iter().filter_map(|l| l.doc.meta.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                "Story 0 about the harbour",
                "Story 1 about the harbour",
                "Story 2 about the harbour",
                "Story 3 about the harbour",
                "Story 4 about the harbour"
            ]
        );
        assert_eq!(batch.loaded.len(), 6);
        assert_eq!(batch.loaded[0].doc.meta.url.as_deref(), Some("https://news.example/0"));
        assert!(batch.loaded[5].doc.text().as_str().starts_with("Café owners"), "charset from the HTTP header");
        assert!(
            matches!(&batch.errors[..], [InputError::Record { path, reason }] if path.ends_with(file) && reason.contains("colon")),
            "{:?}",
            batch.errors
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_lines_give_one_document_per_line_and_name_bad_lines() {
    let dir = scratch("jsonl");
    let lines = [
        r#"{"url":"https://wire.example/a","title":"Port strike spreads","text":"Dock workers walked out on Monday.","published":"2031-03-04","source":"Wire"}"#,
        r#"{"url":"https://wire.example/b", "text": "#,
        "",
        r#"{"title":"Bridge closed","html":"<article><p>The council closed the old bridge after engineers found cracks in two supports.</p></article>"}"#,
    ];
    std::fs::write(dir.join("articles.jsonl"), lines.join("\n")).unwrap();
    let batch = read_inputs(std::slice::from_ref(&dir));
    assert_eq!(batch.loaded.len(), 2);
    let first = &batch.loaded[0].doc;
    assert_eq!(first.text().as_str(), "Port strike spreads\n\nDock workers walked out on Monday.");
    assert_eq!(first.meta.outlet.as_deref(), Some("Wire"));
    assert!(batch.loaded[1].doc.text().as_str().ends_with("found cracks in two supports."));
    assert!(matches!(&batch.errors[..], [InputError::Record { path, .. }] if path.ends_with("articles.jsonl:2")), "{:?}", batch.errors);
    let _ = std::fs::remove_dir_all(&dir);
}
