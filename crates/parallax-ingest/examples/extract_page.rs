//! Prints the main text and metadata of one HTML page (`.html` or `.html.gz`), for
//! inspecting the extractor: `cargo run --example extract_page -- PAGE [--debug]`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Read;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract_page PAGE.html[.gz] [--debug]");
        std::process::exit(2);
    };
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let bytes = if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(raw.as_slice()).read_to_end(&mut out).unwrap_or_else(|e| panic!("{path}: {e}"));
        out
    } else {
        raw
    };
    let decoded = parallax_ingest::charset::decode_html(&bytes, None);
    if std::env::args().any(|a| a == "--debug") {
        for line in parallax_ingest::extract::debug_blocks(&decoded.text) {
            println!("{line}");
        }
        return;
    }
    let extracted = parallax_ingest::extract(&decoded.text, None);
    println!("{:#?}\n----\n{}", extracted.meta, extracted.text);
}
