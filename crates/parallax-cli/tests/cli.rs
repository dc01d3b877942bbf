//! End-to-end tests of the `parallax` binary on the team's own example stories.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the binary with no sentence model, whatever the machine has installed, so the
/// snapshots are of the wording-only brief.
fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(repo())
        .env("PARALLAX_MODEL_DIR", repo().join("target/no-sentence-model-here"))
        .output()
        .expect("the parallax binary runs")
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&output.stderr)))
}

fn validator(schema: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("schema").join(schema)).expect("schema file exists");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value) {
    let errors: Vec<String> = validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path)).take(10).collect();
    assert!(errors.is_empty(), "schema violations:\n{}", errors.join("\n"));
}

#[test]
fn brief_of_the_example_story_matches_its_snapshot() {
    let output = parallax(&["brief", "examples/harbour-strike/"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    insta::assert_snapshot!("harbour_strike_brief", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn briefs_of_the_disaster_and_conflict_stories_match_their_snapshots() {
    for (story, snapshot) in [
        ("examples/valley-earthquake/", "valley_earthquake_brief"),
        ("examples/tessal-floods/", "tessal_floods_brief"),
        ("examples/qarvel-market/", "qarvel_market_brief"),
        ("examples/cyclone-dara/", "cyclone_dara_brief"),
        ("examples/varnia-border/", "varnia_border_brief"),
        ("examples/dravosk-protests/", "dravosk_protests_brief"),
        ("examples/qadira-swap/", "qadira_swap_brief"),
        ("examples/merrow-tanker/", "merrow_tanker_brief"),
        ("examples/veskar-hospital/", "veskar_hospital_brief"),
        ("examples/lirenia-election/", "lirenia_election_brief"),
        ("examples/corvania-rates/", "corvania_rates_brief"),
        ("examples/pelora-shipwreck/", "pelora_shipwreck_brief"),
        ("examples/kurgi-abduction/", "kurgi_abduction_brief"),
        ("examples/sarvelo-cholera/", "sarvelo_cholera_brief"),
        ("examples/drevik-explosion/", "drevik_explosion_brief"),
        ("examples/selvana-crash/", "selvana_crash_brief"),
        ("examples/dunmere-strike/", "dunmere_strike_brief"),
        ("examples/sarybel-prison/", "sarybel_prison_brief"),
    ] {
        let output = parallax(&["brief", story]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        insta::assert_snapshot!(snapshot, String::from_utf8_lossy(&output.stdout));
    }
}

#[test]
fn markdown_brief_has_every_verdict_section() {
    let output = parallax(&["brief", "--format", "markdown", "examples/harbour-strike/"]);
    let text = String::from_utf8_lossy(&output.stdout);
    for section in ["## Agreed", "## Compatible", "## Disputed", "## Single-source", "## Who said what", "## Framing", "## Timeline"] {
        assert!(text.contains(section), "missing {section}");
    }
}

#[test]
fn json_briefs_follow_the_schema_and_cite_real_sentences() {
    let brief_schema = validator("brief.schema.json");
    let single = stdout_json(&parallax(&["brief", "--format", "json", "examples/harbour-strike/"]));
    assert!(single.is_object(), "one story gives one brief object");
    assert_valid(&brief_schema, &single);
    let several = stdout_json(&parallax(&["brief", "--format", "json", "examples/"]));
    assert_valid(&brief_schema, &several);
    let briefs = several.as_array().expect("several stories give an array of briefs");
    assert!(briefs.len() >= 2, "the two example stories are told apart");
    for brief in std::iter::once(&single).chain(briefs) {
        assert_evidence_is_traceable(brief);
    }
}

/// Every evidence span of a brief slices its article's text to exactly the evidence text: the
/// file itself for plain text, the text `parallax annotate` reads out of an HTML page.
fn assert_evidence_is_traceable(brief: &Value) {
    let text_of_input = |input: &str| {
        if input.ends_with(".html") {
            stdout_json(&parallax(&["annotate", input]))["text"].as_str().unwrap().to_owned()
        } else {
            std::fs::read_to_string(repo().join(input)).unwrap()
        }
    };
    let texts: Vec<(String, String)> = brief["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap().to_owned(), text_of_input(a["input"].as_str().unwrap())))
        .collect();
    let text_of = |id: &str| &texts.iter().find(|(i, _)| i == id).expect("cited article is listed").1;
    let check = |article: &str, evidence: &Value| {
        let (start, end) = (evidence["span"]["start"].as_u64().unwrap() as usize, evidence["span"]["end"].as_u64().unwrap() as usize);
        assert_eq!(text_of(article).get(start..end), evidence["text"].as_str(), "evidence of {article} does not match its span");
    };
    let mut checked = 0;
    for fact in brief["facts"].as_array().unwrap() {
        for report in fact["reports"].as_array().unwrap() {
            check(report["article"].as_str().unwrap(), &report["evidence"]);
            checked += 1;
        }
    }
    for quote in brief["quotes"].as_array().unwrap() {
        for report in quote["reports"].as_array().unwrap() {
            check(report["article"].as_str().unwrap(), &report["content"]);
            checked += 1;
        }
    }
    for entry in brief["timeline"].as_array().unwrap() {
        check(entry["article"].as_str().unwrap(), &entry["evidence"]);
    }
    assert!(checked > 0, "a brief of a real story cites something");
}

#[test]
fn annotate_keeps_the_input_text_and_follows_the_schema() {
    let path = "examples/harbour-strike/03_dockside-dispatch.txt";
    let output = parallax(&["annotate", path, "--format", "json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let doc = stdout_json(&output);
    assert_valid(&validator("document.schema.json"), &doc);
    let input = std::fs::read_to_string(repo().join(path)).unwrap();
    assert_eq!(doc["text"].as_str(), Some(input.as_str()), "text is the input exactly");
    let layers = doc["layers"].as_object().unwrap();
    for layer in ["blocks", "boilerplate", "sentences", "tokens", "entities", "quantities", "times", "quotes", "claims", "framing"] {
        assert!(layers.contains_key(layer), "layer {layer} is missing");
    }
    assert!(!layers["boilerplate"].as_array().unwrap().is_empty(), "the blog's furniture is marked");
}

#[test]
fn a_bad_input_is_named_and_the_rest_goes_on() {
    let dir = std::env::temp_dir().join(format!("parallax-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    let binary = dir.join("junk.txt");
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&binary, b"\x00\x01\x02binary\x00junk").unwrap();
    let output = parallax(&[
        "brief",
        "examples/harbour-strike/01_coastline-herald.txt",
        empty.to_str().unwrap(),
        binary.to_str().unwrap(),
        "no/such/file.txt",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "partial failure exits 1: {stderr}");
    for name in ["empty.txt", "junk.txt", "no/such/file.txt"] {
        assert!(stderr.contains(name), "stderr names {name}: {stderr}");
    }
    assert!(String::from_utf8_lossy(&output.stdout).contains("Story 1"), "the good article still gets a brief");

    let output = parallax(&["brief", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "nothing readable exits 2");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2_and_help_explains() {
    assert_eq!(parallax(&["brief"]).status.code(), Some(2));
    assert_eq!(parallax(&["brief", "--format", "yaml", "examples/"]).status.code(), Some(2));
    assert_eq!(parallax(&["brief", "--published", "07/01/2022", "examples/"]).status.code(), Some(2));
    let help = parallax(&["brief", "--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--format"));
}

#[test]
fn ner_tags_a_conll_file_token_for_token() {
    let dir = std::env::temp_dir().join(format!("parallax-ner-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("tiny.conllu");
    let text = "0\t-DOCSTART-\tO\n\n\
                0\tInterior\tO\n1\tMinister\tO\n2\tPetra\tB-PER\n3\tHalvik\tI-PER\n4\tarrived\tO\n5\tin\tO\n6\tKestria\tB-LOC\n7\t.\tO\n\n\
                0\tHalvik\tB-PER\n1\tsaid\tO\n2\tnothing\tO\n3\t.\tO\n";
    std::fs::write(&input, text).unwrap();
    let output = parallax(&["ner", "--conll", input.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let gold: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), gold.len(), "{stdout}");
    for (ours, theirs) in lines.iter().zip(&gold) {
        // Same index and token on every line, blank lines in the same places.
        assert_eq!(ours.rsplit_once('\t').map(|(head, _)| head), theirs.rsplit_once('\t').map(|(head, _)| head), "{stdout}");
    }
    assert!(stdout.contains("2\tPetra\tB-PER\n3\tHalvik\tI-PER"), "{stdout}");
    assert!(stdout.contains("6\tKestria\tB-LOC"), "{stdout}");
    assert!(stdout.contains("0\tHalvik\tB-PER"), "{stdout}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("tokens/s"));
}

#[test]
fn train_ner_writes_a_model_that_loads_and_names_a_missing_word_list() {
    let dir = std::env::temp_dir().join(format!("parallax-train-cli-{}", std::process::id()));
    let (data, lists) = (dir.join("conll"), dir.join("lists"));
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&lists).unwrap();
    let sentence = "0\tPetra\tB-PER\n1\tHalvik\tI-PER\n2\tvisited\tO\n3\tKestria\tB-LOC\n4\t.\tO\n\n";
    std::fs::write(data.join("train.conllu"), format!("0\t-DOCSTART-\tO\n\n{}", sentence.repeat(3))).unwrap();
    std::fs::write(lists.join("first_names.txt"), "Petra\n").unwrap();
    std::fs::write(lists.join("last_names.txt"), "Halvik\n").unwrap();
    let out = dir.join("model/tiny.bin");
    let args = |lists: &Path| {
        let args = ["train", "ner", "--data", data.to_str().unwrap(), "--gazetteers", lists.to_str().unwrap()];
        parallax(&[&args[..], &["--out", out.to_str().unwrap(), "--epochs", "2", "--gazetteer-folds", "0"]].concat())
    };
    let missing = args(&lists);
    assert_eq!(missing.status.code(), Some(2), "{}", String::from_utf8_lossy(&missing.stderr));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("places.txt"));
    std::fs::write(lists.join("places.txt"), "Kestria\n").unwrap();
    let trained = args(&lists);
    let bytes = std::fs::read(&out);
    std::fs::remove_dir_all(&dir).ok();
    assert!(trained.status.success(), "{}", String::from_utf8_lossy(&trained.stderr));
    assert!(String::from_utf8_lossy(&trained.stderr).contains("epoch  2"));
    let model = parallax_ner::Model::from_bytes(&bytes.unwrap()).expect("the written model loads");
    assert!(model.feature_count() > 0);
}

#[test]
fn eval_numbers_scores_specs_and_names_failures() {
    let dir = std::env::temp_dir().join(format!("parallax-eval-numbers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let number = r#"[
        {"Input": "two thirds", "Results": [{"Text": "two thirds", "Start": 0, "End": 9, "Resolution": {"value": "0.666666666666667"}}]},
        {"Input": "seven", "Results": [{"Text": "seven", "Start": 0, "End": 4, "Resolution": {"value": "8"}}]}
    ]"#;
    let range =
        r#"[{"Input": "more than 30", "Results": [{"Text": "more than 30", "Start": 0, "End": 11, "Resolution": {"value": "(30,)"}}]}]"#;
    std::fs::write(dir.join("Number-English-NumberModel.json"), number).expect("a spec file");
    std::fs::write(dir.join("Number-English-NumberRangeModel.json"), range).expect("a spec file");
    let output = parallax(&["eval", "numbers", "--verbose", "--data", dir.to_str().expect("a UTF-8 path")]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("NumberModel") && text.contains("1/2"), "{text}");
    assert!(text.contains("NumberRangeModel") && text.contains("1/1"), "{text}");
    assert!(text.contains("\"seven\""), "the failing case is listed: {text}");

    let missing = parallax(&["eval", "numbers", "--data", "no/such/directory"]);
    assert_eq!(missing.status.code(), Some(2));
}
