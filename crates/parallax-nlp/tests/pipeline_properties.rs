//! Properties of the whole default pipeline on arbitrary input.

use parallax_core::layer::{Boilerplate, Sentences};
use parallax_core::{Document, LayerKind, Metadata};
use proptest::prelude::*;

/// Runs the default pipeline and checks what must hold for any input.
fn check(text: &str) {
    let pipeline = parallax_nlp::default_pipeline().expect("the default pipeline builds");
    let doc = pipeline.run(Document::new("p", text, Metadata::default())).expect("no stage fails on any text");
    for &kind in LayerKind::ALL {
        assert!(doc.has_layer(kind), "layer {kind} is computed");
    }
    // Every span of every layer lies inside the article: a JSON round trip re-checks them.
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).expect("every span fits the text");
    assert_eq!(back, doc);
    // Sentences are disjoint, ordered, outside boilerplate, and with the boilerplate cover
    // every non-whitespace byte.
    let furniture: Vec<_> = doc.layer::<Boilerplate>().unwrap().iter().map(|b| b.span).collect();
    let mut covered = vec![false; text.len()];
    let mut last_end = 0;
    for sentence in doc.layer::<Sentences>().unwrap() {
        assert!(sentence.span.start() >= last_end && !sentence.span.is_empty());
        assert!(!furniture.iter().any(|f| f.overlaps(sentence.span)));
        covered[sentence.span.range()].iter_mut().for_each(|c| *c = true);
        last_end = sentence.span.end();
    }
    for f in &furniture {
        covered[f.range()].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "byte {i} of {text:?} is in no sentence");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_text(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn news_shaped_text(text in "([A-Z][a-z]{1,8}|[0-9,]{1,6}|more than|about|dozens|said|“|”|\"|\\.|,|\n| ){0,80}") {
        check(&text);
    }

    /// Speaker labels, dash signatures, no-break and thin spaces, compounds, currencies,
    /// units and web addresses: the marks the quote and quantity readers look around.
    #[test]
    fn quote_and_quantity_shaped_text(
        text in "([A-Z]{2,8}|[A-Z][a-z]{1,8}|[0-9,.]{1,6}| said |:|―|—|–|--|“|”|\"|'|’s|\u{a0}|\u{2009}|-|pro-|-backed|-mile|\\$|€|%|USD|km2|www\\.|://|@|\n\n|\n|,|\\.| ){0,120}"
    ) {
        check(&text);
    }
}

#[test]
fn edge_cases() {
    for text in [
        "",
        " ",
        "\n\n",
        "“",
        "”“",
        ".",
        "Mr.",
        "U.S.",
        "\u{feff}Head\r\nBody.",
        "a\u{0}b",
        "“Unclosed quote said X",
        "1,,000 more than",
        "“-\u{a0}\"―P",
    ] {
        check(text);
    }
}
