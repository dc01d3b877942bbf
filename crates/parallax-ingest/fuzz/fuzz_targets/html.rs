//! HTML bytes → charset decoding → parsing → main-text extraction and metadata. The first
//! line of the input is used as the page's URL (for URL date patterns and link
//! resolution), the rest as the page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(0);
    let url = String::from_utf8_lossy(&data[..split]);
    let page = &data[split..];
    let decoded = parallax_ingest::charset::decode_html(page, Some("text/html"));
    let extracted = parallax_ingest::extract(&decoded.text, Some(&url));
    for block in &extracted.blocks {
        assert!(extracted.text.get(block.range.clone()).is_some());
    }
    let _ = parallax_ingest::from_html(page, "fuzz", "fuzz".into(), Some(&url));
});
