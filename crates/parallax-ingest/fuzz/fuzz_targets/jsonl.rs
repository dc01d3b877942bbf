//! JSON Lines bytes → one document or error per line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_ingest::jsonl;

fuzz_target!(|data: &[u8]| {
    let _ = jsonl::looks_like_json_lines(data);
    let text = String::from_utf8_lossy(data);
    for (i, line) in text.lines().enumerate() {
        let _ = jsonl::parse_line(line, "fuzz", format!("line-{i}"));
    }
});
