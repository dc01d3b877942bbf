//! The model that ships in `models/ner/` loads and tags text it has never seen sensibly.
//! The sentences are written for this test (fictional names), not taken from any corpus.

use parallax_ner::{Label, Tagger};

fn entities(sentences: &[&str]) -> Vec<(String, &'static str)> {
    let tokenised: Vec<Vec<&str>> = sentences.iter().map(|s| s.split(' ').collect()).collect();
    let tagger = Tagger::english_news().expect("the shipped model loads");
    tagger.entities(&tokenised).into_iter().map(|e| (tokenised[e.sentence][e.start..e.end].join(" "), e.label.as_str())).collect()
}

#[test]
fn shipped_model_finds_people_places_and_organisations() {
    let found = entities(&["Interior Minister Petra Halvik visited Port Vessant with officials of the Tidewater Security Compact ."]);
    assert!(found.contains(&("Petra Halvik".to_owned(), "PER")), "{found:?}");
    assert!(found.contains(&("Tidewater Security Compact".to_owned(), "ORG")), "{found:?}");
    // The span is right, but the label is a known weakness: in CoNLL-2003's training text
    // "Port" starts organisations (the football club Port Vale) more often than places, so
    // the model may call an unknown "Port X" an organisation. Only the span is pinned here.
    assert!(found.iter().any(|(text, label)| text == "Port Vessant" && matches!(*label, "LOC" | "ORG")), "{found:?}");
    // In the same document the surname alone is remembered as a person.
    let found = entities(&[
        "Interior Minister Petra Halvik visited Port Vessant with officials of the Tidewater Security Compact .",
        "Halvik flew to Vessant on Monday and met the mayor of Kestria .",
    ]);
    assert!(found.contains(&("Halvik".to_owned(), "PER")), "{found:?}");
    let label_of = |name: &str| found.iter().find(|(text, _)| text == name).map(|(_, label)| *label);
    assert_eq!(label_of("Vessant"), label_of("Port Vessant"), "one name, one label: {found:?}");
    assert!(found.contains(&("Kestria".to_owned(), "LOC")), "{found:?}");
}

#[test]
fn shipped_model_remembers_names_across_a_document() {
    let found = entities(&[
        "KESTRIA STRIKE LEADER ODRAN MELVAY DETAINED",
        "Police in Kestria detained strike leader Odran Melvay on Tuesday , the Dockworkers Union said .",
        "Melvay had led the strike for three weeks .",
    ]);
    assert!(found.contains(&("Odran Melvay".to_owned(), "PER")), "{found:?}");
    assert!(found.contains(&("Melvay".to_owned(), "PER")), "{found:?}");
    assert!(found.contains(&("Kestria".to_owned(), "LOC")), "{found:?}");
    assert!(found.iter().any(|(text, label)| text.contains("Dockworkers") && *label == "ORG"), "{found:?}");
}

#[test]
fn shipped_model_leaves_plain_sentences_alone() {
    let found = entities(&["The talks will resume after the holiday , officials said ."]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(Label::Person.as_str(), "PER");
}

#[test]
fn shipped_model_is_small() {
    let bytes = include_bytes!("../../../models/ner/en-news.bin");
    assert!(bytes.len() < 2 * 1024 * 1024, "{} bytes", bytes.len());
    assert!(Tagger::english_news().unwrap().model().feature_count() > 10_000);
}
