//! Times each step of extraction over a benchmark directory's pages:
//! `cargo run --release -p parallax-ingest --example bench_parts -- DIR/html`.
#![allow(clippy::print_stdout)]

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/extraction/scrapinghub/html".into());
    let pages = parallax_ingest::benchmark::load_pages(std::path::Path::new(&dir)).expect("benchmark pages");
    for _ in 0..3 {
        let start = Instant::now();
        let texts: Vec<String> = pages.iter().map(|(_, bytes)| parallax_ingest::charset::decode_html(bytes, None).text).collect();
        let decode = start.elapsed();
        let start = Instant::now();
        let doms: Vec<parallax_ingest::html::Dom> = texts.iter().map(|t| parallax_ingest::html::Dom::parse(t)).collect();
        let parse = start.elapsed();
        let start = Instant::now();
        let metas: usize = doms.iter().map(|d| parallax_ingest::meta::read(d, None).authors.len()).sum();
        let meta = start.elapsed();
        let start = Instant::now();
        let total: usize = doms.iter().map(|d| parallax_ingest::extract::extract_dom(d, None).text.len()).sum();
        let extract = start.elapsed();
        println!("decode {decode:?}  parse {parse:?}  meta {meta:?}  meta+extract {extract:?}  ({} pages, {metas} {total})", pages.len());
    }
}
