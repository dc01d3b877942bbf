//! HTML bytes → charset decoding → parsing → main-text extraction and metadata.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = parallax_ingest::charset::decode_html(data, None);
    let extracted = parallax_ingest::extract(&decoded.text, Some("https://example.org/2020/01/02/page"));
    for block in &extracted.blocks {
        assert!(extracted.text.get(block.range.clone()).is_some());
    }
    let _ = parallax_ingest::from_html(data, "fuzz", "fuzz".into(), None);
});
