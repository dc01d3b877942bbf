//! HTML pages as inputs: recognised by name and by content, gzip read, main text and
//! metadata extracted, blocks provided, furniture left out.

use parallax_core::layer::{Blocks, Boilerplate};
use parallax_core::BlockKind;
use parallax_ingest::{read_inputs, InputError};
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A fresh scratch directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const FURNITURE: &[&str] = &[
    "Skip to content",
    "Home",
    "Image source",
    "By Lena",
    "Related",
    "Unions in Eastland",
    "Share this",
    "The following two tabs",
    "is from Port Caldera and has covered",
    "Leave a Reply",
    "long comment",
    "Most read",
    "Copyright",
];

#[test]
fn an_html_page_becomes_a_document_with_blocks_and_metadata() {
    let batch = read_inputs(&[fixture("harbour-strike.html")]);
    assert!(batch.errors.is_empty(), "{:?}", batch.errors);
    let doc = &batch.loaded[0].doc;
    let text = doc.text().as_str();
    assert!(text.starts_with("Harbour strike spreads to second port\n\nDock workers in Port Caldera walked out on Monday"), "{text}");
    assert!(text.contains("country’s second port") && text.contains("“several hundred”"), "entities decoded: {text}");
    for furniture in FURNITURE {
        assert!(!text.contains(furniture), "furniture {furniture:?} left in {text}");
    }
    let blocks = doc.layer::<Blocks>().unwrap();
    let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
    use BlockKind::*;
    assert_eq!(kinds, [Headline, Paragraph, Paragraph, Heading, Paragraph, Paragraph]);
    assert_eq!(doc.slice(blocks[3].span), "Wages cut");
    assert!(doc.layer::<Boilerplate>().unwrap().is_empty());
    let meta = &doc.meta;
    assert_eq!(meta.title.as_deref(), Some("Harbour strike spreads to second port"));
    assert_eq!(meta.authors, ["Lena Ostrova"]);
    assert_eq!(meta.published.as_deref(), Some("2031-03-04T09:30:00Z"));
    assert_eq!(meta.outlet.as_deref(), Some("Coastline Herald"));
    assert_eq!(meta.url.as_deref(), Some("https://herald.example/news/2031/03/04/harbour-strike"));
    assert_eq!(meta.language.as_deref(), Some("en"));
}

#[test]
fn html_is_recognised_by_content_and_gzip_is_read_from_directories() {
    let dir = scratch("sniff");
    let page = std::fs::read(fixture("harbour-strike.html")).unwrap();
    std::fs::write(dir.join("saved-page"), &page).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&page).unwrap();
    std::fs::create_dir(dir.join("archive")).unwrap();
    std::fs::write(dir.join("archive/page.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.join("archive/broken.html.gz"), b"\x1f\x8b\x08\x00not really gzip").unwrap();
    std::fs::write(dir.join("archive/notes.pdf"), b"%PDF-1.4").unwrap();

    let explicit = read_inputs(&[dir.join("saved-page")]);
    assert!(explicit.loaded[0].doc.text().as_str().starts_with("Harbour strike spreads"), "sniffed as HTML without an extension");

    let walked = read_inputs(&[dir.join("archive")]);
    assert_eq!(walked.loaded.len(), 1);
    assert_eq!(walked.loaded[0].doc.id, "page");
    assert!(walked.loaded[0].doc.text().as_str().starts_with("Harbour strike spreads"));
    assert!(matches!(&walked.errors[..], [InputError::Gzip { path, .. }] if path.ends_with("broken.html.gz")), "{:?}", walked.errors);
    assert_eq!(walked.skipped.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_page_without_article_text_is_a_named_error() {
    let dir = scratch("empty");
    std::fs::write(dir.join("menu.html"), "<html><body><nav><a href='/'>Home</a></nav></body></html>").unwrap();
    let batch = read_inputs(&[dir.join("menu.html")]);
    assert!(matches!(&batch.errors[..], [InputError::NoArticleText { path }] if path.ends_with("menu.html")), "{:?}", batch.errors);
    let _ = std::fs::remove_dir_all(&dir);
}
