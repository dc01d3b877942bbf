//! The real loading code on a tiny random BERT that the test builds and saves: shapes,
//! unit norm, determinism, padding independence, and typed errors naming the file.

use parallax_embed::testing::{write_tiny_model, TINY_HIDDEN as HIDDEN};
use parallax_embed::{cosine, EmbedError, Embedder};
use std::path::Path;

fn tiny() -> (tempfile::TempDir, Embedder) {
    let dir = tempfile::tempdir().unwrap();
    write_tiny_model(dir.path());
    let embedder = Embedder::load(dir.path()).unwrap();
    (dir, embedder)
}

#[test]
fn embeddings_have_the_model_width_and_unit_norm() {
    let (_dir, embedder) = tiny();
    assert_eq!(embedder.dimension(), HIDDEN);
    let sentences = ["the port will reopen on thursday", "saboteurs", "", "they sent an army , the union said ."];
    let embeddings = embedder.embed(&sentences).unwrap();
    assert_eq!(embeddings.len(), sentences.len());
    for e in &embeddings {
        assert_eq!(e.len(), HIDDEN);
        let norm: f32 = e.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "norm {norm}");
    }
}

#[test]
fn embedding_is_deterministic_and_independent_of_the_batch() {
    let (_dir, embedder) = tiny();
    let long = "the minister said the port will reopen on thursday and order has been restored";
    let alone = embedder.embed(&[long]).unwrap();
    // In a batch with shorter sentences the long one is padded against nothing, the short
    // ones are padded: mean pooling over the mask must make padding invisible.
    let batch = embedder.embed(&["curfew", long, "the union asked for a wage rise"]).unwrap();
    let again = embedder.embed(&["curfew", long, "the union asked for a wage rise"]).unwrap();
    assert_eq!(batch, again);
    assert!(cosine(&alone[0], &batch[1]) > 0.9999);
    let short_alone = embedder.embed(&["curfew"]).unwrap();
    assert!(cosine(&short_alone[0], &batch[0]) > 0.9999);
}

#[test]
fn identical_sentences_have_cosine_one() {
    let (_dir, embedder) = tiny();
    let e = embedder.embed(&["soldiers will stay out of the city centre", "soldiers will stay out of the city centre", "curfew"]).unwrap();
    assert!((cosine(&e[0], &e[1]) - 1.0).abs() < 1e-5);
    assert!(cosine(&e[0], &e[2]) < 0.99999);
}

#[test]
fn long_texts_are_truncated_to_the_model_positions() {
    let (_dir, embedder) = tiny();
    // 200 words, beyond the tiny model's 64 positions: truncated, not an error.
    let long = "the port will reopen ".repeat(50);
    let e = embedder.embed(&[long.as_str()]).unwrap();
    assert_eq!(e[0].len(), HIDDEN);
}

#[test]
fn loading_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = Embedder::load(dir.path()).unwrap_err();
    assert!(matches!(&err, EmbedError::Read { path, .. } if path.ends_with("config.json")), "{err}");

    write_tiny_model(dir.path());
    std::fs::write(dir.path().join("vocab.txt"), "[PAD]\n[UNK]\n").unwrap();
    let err = Embedder::load(dir.path()).unwrap_err();
    assert!(matches!(&err, EmbedError::Vocab { path, .. } if path.ends_with("vocab.txt")), "{err}");

    write_tiny_model(dir.path());
    std::fs::write(dir.path().join("model.safetensors"), b"not safetensors").unwrap();
    let err = Embedder::load(dir.path()).unwrap_err();
    assert!(err.to_string().contains("model.safetensors"), "{err}");

    write_tiny_model(dir.path());
    std::fs::write(dir.path().join("config.json"), "{\"hidden_size\": 32}").unwrap();
    let err = Embedder::load(dir.path()).unwrap_err();
    assert!(matches!(&err, EmbedError::Config { path, .. } if path.ends_with("config.json")), "{err}");
}

/// With the real model installed (`PARALLAX_MODEL_DIR`), paraphrases are closer than
/// unrelated statements; skipped otherwise.
#[test]
fn the_real_model_ranks_a_paraphrase_above_another_statement() {
    let Some(dir) = std::env::var_os("PARALLAX_MODEL_DIR") else { return };
    let embedder = Embedder::load(Path::new(&dir)).unwrap();
    assert_eq!(embedder.dimension(), 384);
    let e = embedder
        .embed(&[
            "his soldiers will stay out of the city centre",
            "his soldiers would guard the harbour rather than police the city",
            "the stabilisation mission would last no more than thirty days",
        ])
        .unwrap();
    assert!(cosine(&e[0], &e[1]) > cosine(&e[0], &e[2]));
}
