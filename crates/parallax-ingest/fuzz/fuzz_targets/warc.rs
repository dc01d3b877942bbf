//! WARC bytes → records → HTTP responses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_ingest::warc;

fuzz_target!(|data: &[u8]| {
    for record in warc::WarcReader::new(data).take(1000) {
        if let Ok(record) = record {
            let _ = record.header("WARC-Target-URI");
            let _ = warc::http_response(&record.body);
        }
    }
});
