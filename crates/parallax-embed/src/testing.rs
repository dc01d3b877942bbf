//! A tiny random BERT written to a folder, for tests of the loading code here and in the
//! crates that use it: no test needs the real model or the network.

use candle_core::{DType, Device};
use candle_nn::{VarBuilder, VarMap};
use candle_transformers::models::bert::{BertModel, Config};
use std::path::Path;

/// The words of the tiny model's vocabulary, besides the special tokens and punctuation.
const WORDS: &str = "the port will reopen on thursday soldiers stay out of city centre guard harbour rather than police \
    minister said saboteurs workers strike were not defending their wages union asked for a wage rise and they sent an army \
    curfew night ten order has been restored";

/// The width of the tiny model's embeddings.
pub const TINY_HIDDEN: usize = 32;

/// Writes config.json, vocab.txt and model.safetensors of a 2-layer BERT with random
/// weights into `dir`; returns the vocabulary size.
///
/// # Panics
/// When `dir` cannot be written: this is test support, not library code.
pub fn write_tiny_model(dir: &Path) -> usize {
    let mut vocab: Vec<String> = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "\"", "##s", "##ed"].map(String::from).to_vec();
    vocab.extend(WORDS.split_whitespace().map(String::from));
    std::fs::write(dir.join("vocab.txt"), vocab.join("\n") + "\n").expect("the tiny model is written");
    let config = serde_json::json!({
        "architectures": ["BertModel"],
        "attention_probs_dropout_prob": 0.1,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": TINY_HIDDEN,
        "initializer_range": 0.02,
        "intermediate_size": 64,
        "layer_norm_eps": 1e-12,
        "max_position_embeddings": 64,
        "model_type": "bert",
        "num_attention_heads": 4,
        "num_hidden_layers": 2,
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "type_vocab_size": 2,
        "vocab_size": vocab.len(),
    });
    std::fs::write(dir.join("config.json"), serde_json::to_string_pretty(&config).expect("the tiny model is written"))
        .expect("the tiny model is written");
    let parsed: Config = serde_json::from_value(config).expect("the tiny model is written");
    let varmap = VarMap::new();
    // Loading through a VarMap creates every weight the model needs, randomly initialised.
    BertModel::load(VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu), &parsed).expect("the tiny model is written");
    varmap.save(dir.join("model.safetensors")).expect("the tiny model is written");
    vocab.len()
}
