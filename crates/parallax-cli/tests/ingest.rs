//! End-to-end tests of `parallax extract`, `parallax eval extraction`, and HTML inputs to
//! `annotate`, on pages the team wrote.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PAGE: &str = "crates/parallax-ingest/tests/fixtures/harbour-strike.html";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).current_dir(repo()).output().expect("the parallax binary runs")
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&output.stderr)))
}

#[test]
fn extract_prints_one_record_per_page_and_names_bad_inputs() {
    let output = parallax(&["extract", PAGE, "no/such/page.html", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "a missing input makes the run partial");
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/page.html"));
    let records = stdout_json(&output);
    let record = &records.as_array().unwrap()[0];
    assert_eq!(record["title"], "Harbour strike spreads to second port");
    assert_eq!(record["site"], "Coastline Herald");
    assert_eq!(record["authors"][0], "Lena Ostrova");
    assert_eq!(record["published"], "2031-03-04T09:30:00Z");
    assert_eq!(record["language"], "en");
    assert_eq!(record["url"], "https://herald.example/news/2031/03/04/harbour-strike");
    let text = record["text"].as_str().unwrap();
    assert!(text.starts_with("Dock workers in Port Caldera"), "{text}");
    assert!(!text.contains("Leave a Reply"));

    let jsonl = parallax(&["extract", PAGE, "--format", "jsonl"]);
    assert!(jsonl.status.success());
    assert_eq!(String::from_utf8_lossy(&jsonl.stdout).lines().count(), 1);
}

#[test]
fn annotate_reads_html_with_the_readers_blocks() {
    let output = parallax(&["annotate", PAGE]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let doc = stdout_json(&output);
    assert!(doc["text"].as_str().unwrap().starts_with("Harbour strike spreads to second port\n\nDock workers"));
    let blocks = doc["layers"]["blocks"].as_array().unwrap();
    assert_eq!(blocks[0]["kind"], "headline");
    assert!(blocks.iter().any(|b| b["kind"] == "heading"));
    assert!(doc["layers"]["sentences"].as_array().is_some_and(|s| !s.is_empty()));
}

#[test]
fn eval_extraction_scores_predictions_like_the_python_script() {
    let dir = std::env::temp_dir().join(format!("parallax-cli-eval-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("html")).unwrap();
    std::fs::copy(repo().join(PAGE), dir.join("html/page.html")).unwrap();
    let truth = serde_json::json!({ "page": { "articleBody": "Dock workers in Port Caldera walked out on Monday, halting traffic at the country’s second port for the first time in a decade." } });
    std::fs::write(dir.join("ground-truth.json"), truth.to_string()).unwrap();
    let out = dir.join("pred.json");
    let output = parallax(&["eval", "extraction", "--data", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    // Every true shingle is found (recall 1); the rest of the article lowers precision.
    assert!(stdout.contains("pages 1  missing 0") && stdout.contains("recall 1.000"), "{stdout}");
    assert!(stdout.contains("pages/s"), "{stdout}");
    let predictions: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(predictions["page"]["articleBody"].as_str().unwrap().starts_with("Dock workers"));
    // Scoring the truth itself gives a perfect score.
    let truth_file = dir.join("ground-truth.json");
    let perfect = parallax(&["eval", "extraction", "--data", dir.to_str().unwrap(), "--score", truth_file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&perfect.stdout).contains("precision 1.000  recall 1.000  F1 1.000"), "{perfect:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
