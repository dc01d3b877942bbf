//! Prints each page's precision and recall for a predictions file, to compare the Rust
//! metric with `eval_extraction.py` page by page:
//! `cargo run --release -p parallax-ingest --example score_pages -- GROUND_TRUTH.json PRED.json`.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let truth = parallax_ingest::benchmark::load_truth(std::path::Path::new(&args[1])).expect("ground truth");
    let predicted: BTreeMap<String, String> = parallax_ingest::benchmark::load_truth(std::path::Path::new(&args[2])).expect("predictions");
    for (id, text) in &truth {
        let counts = parallax_ingest::benchmark::page_counts(text, predicted.get(id).map_or("", String::as_str));
        println!("{id} {:.6} {:.6}", counts.precision(), counts.recall());
    }
    let scores = parallax_ingest::benchmark::score(&truth, &predicted);
    println!("total {:.6} {:.6} {:.6}", scores.precision, scores.recall, scores.f1);
}
