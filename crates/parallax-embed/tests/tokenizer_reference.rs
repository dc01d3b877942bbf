//! The WordPiece tokenizer against the ids huggingface `tokenizers` gives with
//! all-MiniLM-L6-v2's own tokenizer.json (`tests/data/minilm-token-ids.tsv`). Needs the
//! real vocabulary: runs when `PARALLAX_MODEL_DIR` names an installed model, skips otherwise.

use parallax_embed::tokenizer::WordPieceTokenizer;

#[test]
fn token_ids_match_the_reference_tokenizer() {
    let Some(dir) = std::env::var_os("PARALLAX_MODEL_DIR") else { return };
    let vocab = std::fs::read_to_string(std::path::Path::new(&dir).join("vocab.txt")).unwrap();
    let tokenizer = WordPieceTokenizer::from_vocab(&vocab).unwrap();
    let reference = include_str!("data/minilm-token-ids.tsv");
    let mut checked = 0;
    for line in reference.lines().filter(|l| !l.starts_with('#')) {
        let (text, ids) = line.rsplit_once('\t').unwrap();
        let text = text.replace("\\t", "\t");
        let expected: Vec<u32> = ids.split(' ').map(|id| id.parse().unwrap()).collect();
        assert_eq!(tokenizer.encode(&text, usize::MAX), expected, "{text}");
        checked += 1;
    }
    assert_eq!(checked, 100);
}
