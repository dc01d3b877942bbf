//! The shipped model: feature weights, tag transitions and a gazetteer, and its file format.
//!
//! Weights are stored sparsely and quantised: one record per feature that matters, with a
//! 48-bit feature hash, a bit mask of the tags it scores, a one-byte scale (eighth octaves) and
//! one `i8` per scored tag. In memory every kept feature has a dense row of [`TAG_COUNT`]
//! `i8` values and its scale, found through an open-addressing table whose slots hold the key
//! and the row together: one cache miss to probe, one to read the row, on tables small enough
//! to stay mostly in cache. A row's scores are `value × scale`, the same `f32` products
//! whether they are computed when a row is read or ahead of time. A model built in memory by
//! the trainer is quantised the same way at once, so what the trainer measures is what ships.
//!
//! File layout (little-endian): magic `PXNER\0`, `u16` format version, `u32` feature
//! version; `u8` number of passes over a document (1 or 2); `u32` gazetteer size and per entry a 48-bit phrase hash and a `u8` list set;
//! `(TAG_COUNT + 2) × TAG_COUNT` `f32` transition scores (start row, end row, then the
//! matrix); `u32` row count and the rows sorted by hash.

use crate::features::{Gazetteer, SentenceFeatures};
use crate::tags::TAG_COUNT;

const MAGIC: &[u8; 6] = b"PXNER\0";
const FORMAT_VERSION: u16 = 3;
/// Changes whenever feature extraction changes in a way that invalidates trained weights.
pub const FEATURE_VERSION: u32 = 3;
const KEY_BITS: u32 = 48;
const KEY_MASK: u64 = (1 << KEY_BITS) - 1;
const EMPTY: u64 = u64::MAX;

/// Why a model file cannot be used.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a Parallax NER model (bad magic number)")]
    BadMagic,
    #[error("model format version {0} is not supported (expected {FORMAT_VERSION})")]
    UnsupportedFormat(u16),
    #[error("the model was trained for feature version {0}, this build extracts version {FEATURE_VERSION}: retrain it")]
    FeatureVersion(u32),
    #[error("the model file is truncated")]
    Truncated,
    #[error("the model file is corrupt: {0}")]
    Corrupt(&'static str),
}

/// Transition scores: `start[t]` to open a sentence with `t`, `end[t]` to close one,
/// `between[a][b]` for `b` right after `a`.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    pub start: [f32; TAG_COUNT],
    pub end: [f32; TAG_COUNT],
    pub between: [[f32; TAG_COUNT]; TAG_COUNT],
}

impl Default for Transitions {
    fn default() -> Self {
        Transitions { start: [0.0; TAG_COUNT], end: [0.0; TAG_COUNT], between: [[0.0; TAG_COUNT]; TAG_COUNT] }
    }
}

/// A trained tagger model.
#[derive(Clone, Debug)]
pub struct Model {
    /// 2 when the document is tagged twice, the second pass seeing the first pass's labels
    /// for every mention of a word; 1 otherwise.
    pub passes: u8,
    pub transitions: Transitions,
    pub gazetteer: Gazetteer,
    /// Open-addressing table of 48-bit keys (`EMPTY` where free) with their rows.
    slots: Vec<Slot>,
    /// Sorted keys with their quantised records, for writing back out.
    records: Vec<Record>,
}

/// A slot of the table: a key and its row, together in 32 bytes so that a lookup reads one
/// cache line.
#[derive(Clone, Copy, Debug)]
#[repr(align(32))]
struct Slot {
    key: u64,
    row: Row,
}

/// One feature's scores: `values[t] × scale` for tag `t`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Row {
    scale: f32,
    values: [i8; TAG_COUNT],
}

impl Row {
    /// The score of tag `tag`.
    #[cfg(test)]
    fn score(&self, tag: usize) -> f32 {
        f32::from(self.values[tag]) * self.scale
    }

    fn add_to(&self, scores: &mut [f32; TAG_COUNT]) {
        for (s, &v) in scores.iter_mut().zip(&self.values) {
            *s += f32::from(v) * self.scale;
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Record {
    key: u64,
    mask: u32,
    exponent: u8,
    values: Vec<i8>,
}

impl Record {
    fn scale(&self) -> f32 {
        exponent_scale(self.exponent)
    }
}

/// `2^((e - 128) / 8)`: eighth-octave steps, enough to keep the quantisation error of a
/// row's largest weight under one percent of it.
fn exponent_scale(exponent: u8) -> f32 {
    (2.0f32).powf((f32::from(exponent) - 128.0) / 8.0)
}

/// Quantises one row: the smallest scale that fits its largest weight into an `i8`.
fn quantise(key: u64, row: &[f32; TAG_COUNT], min_weight: f32) -> Option<Record> {
    let largest = row.iter().fold(0.0f32, |m, v| m.max(v.abs()));
    if largest < min_weight || largest == 0.0 {
        return None;
    }
    let mut exponent = 0u8;
    while exponent < 255 && largest / exponent_scale(exponent) > 127.0 {
        exponent += 1;
    }
    let scale = exponent_scale(exponent);
    let mut mask = 0u32;
    let mut values = Vec::new();
    for (tag, &v) in row.iter().enumerate() {
        let q = (v / scale).round().clamp(-127.0, 127.0) as i8;
        if q != 0 && v.abs() >= min_weight {
            mask |= 1 << tag;
            values.push(q);
        }
    }
    (mask != 0).then_some(Record { key: key & KEY_MASK, mask, exponent, values })
}

impl Model {
    /// Builds a model from trained weights, dropping every weight whose magnitude is below
    /// `min_weight` and quantising the rest.
    pub fn from_weights(
        rows: impl IntoIterator<Item = (u64, [f32; TAG_COUNT])>,
        transitions: Transitions,
        gazetteer: Gazetteer,
        min_weight: f32,
    ) -> Model {
        let mut records: Vec<Record> = rows.into_iter().filter_map(|(key, row)| quantise(key, &row, min_weight)).collect();
        records.sort_by_key(|r| r.key);
        // Two features whose hashes agree on 48 bits share a row; keep the first.
        records.dedup_by_key(|r| r.key);
        Model::from_records(records, transitions, gazetteer)
    }

    fn from_records(records: Vec<Record>, transitions: Transitions, gazetteer: Gazetteer) -> Model {
        let capacity = (records.len() * 2).next_power_of_two().max(16);
        let empty = Row { scale: 0.0, values: [0; TAG_COUNT] };
        let mut slots = vec![Slot { key: EMPTY, row: empty }; capacity];
        for record in &records {
            let mut slot = (record.key as usize) & (capacity - 1);
            while slots[slot].key != EMPTY {
                slot = (slot + 1) & (capacity - 1);
            }
            let mut values = [0i8; TAG_COUNT];
            let mut stored = record.values.iter();
            for (tag, value) in values.iter_mut().enumerate() {
                if record.mask & (1 << tag) != 0 {
                    *value = *stored.next().unwrap_or(&0);
                }
            }
            slots[slot] = Slot { key: record.key, row: Row { scale: record.scale(), values } };
        }
        Model { passes: 1, transitions, gazetteer, slots, records }
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.records.len()
    }

    fn row(&self, hash: u64) -> Option<&Row> {
        let key = hash & KEY_MASK;
        let mask = self.slots.len() - 1;
        let mut slot = (key as usize) & mask;
        loop {
            let found = &self.slots[slot];
            if found.key == key {
                return Some(&found.row);
            }
            if found.key == EMPTY {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Tag scores of every token: the sum of the rows of its features.
    pub fn emissions(&self, features: &SentenceFeatures, out: &mut Vec<[f32; TAG_COUNT]>) {
        out.clear();
        out.resize(features.len(), [0.0; TAG_COUNT]);
        self.add_emissions(features, out);
    }

    /// Adds the rows of each token's features to its scores (`scores[i]` for token `i`).
    pub fn add_emissions(&self, features: &SentenceFeatures, scores: &mut [[f32; TAG_COUNT]]) {
        let mask = self.slots.len() - 1;
        for (i, scores) in scores.iter_mut().enumerate().take(features.len()) {
            // Touch every home slot first: the loads are independent, so their cache misses
            // overlap instead of each waiting for the probe before it.
            let touched = features.token(i).iter().fold(0u64, |acc, &hash| acc ^ self.slots[(hash & KEY_MASK) as usize & mask].key);
            std::hint::black_box(touched);
            for &hash in features.token(i) {
                if let Some(row) = self.row(hash) {
                    row.add_to(scores);
                }
            }
        }
    }

    /// The model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.push(self.passes);
        let entries = self.gazetteer.entries();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (hash, bits) in entries {
            out.extend_from_slice(&hash.to_le_bytes()[..6]);
            out.push(bits);
        }
        let t = &self.transitions;
        for v in t.start.iter().chain(&t.end).chain(t.between.iter().flatten()) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(self.records.len() as u32).to_le_bytes());
        for r in &self.records {
            out.extend_from_slice(&r.key.to_le_bytes()[..6]);
            out.extend_from_slice(&r.mask.to_le_bytes()[..3]);
            out.push(r.exponent);
            out.extend(r.values.iter().map(|&v| v as u8));
        }
        out
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let format = u16::from_le_bytes(reader.array()?);
        if format != FORMAT_VERSION {
            return Err(ModelError::UnsupportedFormat(format));
        }
        let features = u32::from_le_bytes(reader.array()?);
        if features != FEATURE_VERSION {
            return Err(ModelError::FeatureVersion(features));
        }
        let [passes] = reader.array()?;
        if !(1..=2).contains(&passes) {
            return Err(ModelError::Corrupt("the number of passes is not 1 or 2"));
        }
        let gazetteer_size = u32::from_le_bytes(reader.array()?) as usize;
        let mut entries = Vec::with_capacity(gazetteer_size.min(bytes.len() / 9));
        for _ in 0..gazetteer_size {
            let mut hash = [0u8; 8];
            hash[..6].copy_from_slice(reader.take(6)?);
            let hash = u64::from_le_bytes(hash);
            let [bits] = reader.array()?;
            entries.push((hash, bits));
        }
        let mut transitions = Transitions::default();
        for v in transitions.start.iter_mut().chain(transitions.end.iter_mut()).chain(transitions.between.iter_mut().flatten()) {
            *v = f32::from_le_bytes(reader.array()?);
            if !v.is_finite() {
                return Err(ModelError::Corrupt("a transition score is not finite"));
            }
        }
        let row_count = u32::from_le_bytes(reader.array()?) as usize;
        let mut records = Vec::with_capacity(row_count.min(bytes.len() / 11));
        for _ in 0..row_count {
            let mut key = [0u8; 8];
            key[..6].copy_from_slice(reader.take(6)?);
            let mut mask = [0u8; 4];
            mask[..3].copy_from_slice(reader.take(3)?);
            let mask = u32::from_le_bytes(mask);
            if mask == 0 || mask >> TAG_COUNT != 0 {
                return Err(ModelError::Corrupt("a row scores no tag or an unknown tag"));
            }
            let [exponent] = reader.array()?;
            let values = reader.take(mask.count_ones() as usize)?.iter().map(|&b| b as i8).collect();
            let record = Record { key: u64::from_le_bytes(key), mask, exponent, values };
            if records.last().is_some_and(|last: &Record| last.key >= record.key) {
                return Err(ModelError::Corrupt("rows are not sorted by feature hash"));
            }
            records.push(record);
        }
        if reader.at != bytes.len() {
            return Err(ModelError::Corrupt("trailing bytes after the last row"));
        }
        let mut model = Model::from_records(records, transitions, Gazetteer::from_entries(entries));
        model.passes = passes;
        Ok(model)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(ModelError::Truncated)?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::Label;

    fn small_model() -> Model {
        let mut row = [0.0f32; TAG_COUNT];
        row[0] = 1.5;
        row[3] = -0.25;
        row[7] = 0.001;
        let mut transitions = Transitions::default();
        transitions.between[1][2] = 2.0;
        let mut gazetteer = Gazetteer::new();
        gazetteer.insert(&["Bonn"], crate::features::GazetteerList::Entity(Label::Location));
        Model::from_weights([(42u64, row), (7u64, [0.0; TAG_COUNT])], transitions, gazetteer, 0.01)
    }

    #[test]
    fn quantised_weights_are_close_and_small_ones_dropped() {
        let model = small_model();
        assert_eq!(model.feature_count(), 1, "the all-zero row is dropped");
        let row = model.row(42).unwrap();
        assert!((row.score(0) - 1.5).abs() < 0.02, "{row:?}");
        assert!((row.score(3) + 0.25).abs() < 0.02, "{row:?}");
        assert_eq!(row.score(7), 0.0, "below the threshold");
        assert!(model.row(7).is_none());
    }

    #[test]
    fn file_round_trip() {
        let model = small_model();
        let bytes = model.to_bytes();
        let loaded = Model::from_bytes(&bytes).unwrap();
        assert_eq!(loaded.records, model.records);
        assert_eq!(loaded.row(42), model.row(42));
        assert_eq!(loaded.transitions, model.transitions);
        assert_eq!(loaded.gazetteer, model.gazetteer);
        assert_eq!(loaded.to_bytes(), bytes);
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        let bytes = small_model().to_bytes();
        assert_eq!(Model::from_bytes(b"nope").unwrap_err(), ModelError::Truncated);
        assert_eq!(Model::from_bytes(b"NOTAMODEL").unwrap_err(), ModelError::BadMagic);
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Model::from_bytes(&longer).is_err());
    }
}
