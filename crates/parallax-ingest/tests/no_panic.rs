//! Every reader is total: arbitrary input gives output or an error, never a panic, and the
//! extractor's output keeps its invariants.

use parallax_ingest::{charset, extract, feed, jsonl, warc};
use proptest::prelude::*;

/// Strings that look like markup often enough to reach the interesting paths.
fn markupish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<div class=\"share\">",
        "</div>",
        "<a href=x>",
        "</a>",
        "<li>",
        "<table><tr><td>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&#x1F600;",
        "&bogus",
        "<h2>",
        "</h2>",
        "<br>",
        "<span>",
        "<",
        ">",
        "\"",
        "'",
        " ",
        "\n",
        "text words here, more. ",
        "é",
        "\u{0}",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(str::to_owned), ".{0,12}"], 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn extraction_is_total_and_its_blocks_tile_the_text(html in markupish()) {
        let extracted = extract(&html, Some("https://example.org/2020/01/02/x"));
        let text = &extracted.text;
        prop_assert_eq!(text.as_str(), text.trim());
        let mut expected_start = 0;
        for block in &extracted.blocks {
            prop_assert_eq!(block.range.start, expected_start);
            prop_assert!(text.is_char_boundary(block.range.end));
            expected_start = block.range.end + 2;
        }
        if !extracted.blocks.is_empty() {
            prop_assert_eq!(expected_start, text.len() + 2);
        }
    }

    #[test]
    fn byte_readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = charset::decode_html(&bytes, Some("text/html; charset=\"x"));
        let _ = feed::read_feed(&bytes, "f", &mut |k| k.to_owned());
        let _ = feed::opml_feed_urls(&bytes);
        let _ = warc::http_response(&bytes);
        for record in warc::WarcReader::new(bytes.as_slice()) {
            let _ = record;
        }
        let _ = jsonl::parse_line(&String::from_utf8_lossy(&bytes), "j", "id".into());
    }

    #[test]
    fn warc_like_input_never_panics(body in ".{0,200}", length in 0u64..400, tail in ".{0,50}") {
        let archive = format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {length}\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{body}\r\n\r\nWARC/1.0\r\n{tail}");
        for record in warc::WarcReader::new(archive.as_bytes()).flatten() {
            let _ = warc::http_response(&record.body);
        }
    }
}
