//! Training: an averaged structured perceptron (Collins 2002) over the features of
//! [`crate::features`], decoded with the same Viterbi as tagging, and the scores used to
//! choose its settings on a validation set.
//!
//! Training is deterministic: documents are visited in an order drawn from a fixed seed,
//! features are hashes, and ties are broken by index. Word-level document memory is built
//! from the model's own predictions while it trains, exactly as when it tags, so that the
//! feature means the same thing at training and at tagging time. Gazetteer features are
//! built by jackknifing: a training document sees only the phrases of the other folds, so
//! the model learns how far a gazetteer entry can be trusted for an unseen text.

use crate::conll::{documents, ConllSentence};
use crate::features::IdentityHasher;
use crate::features::{sentence_features, DocumentContext, Gazetteer, GazetteerList, SentenceFeatures};
use crate::model::{Model, Transitions};
use crate::tagger::{viterbi, Tagger};
use crate::tags::{bilou_spans, bio_to_bilou, Label, Tag, TAG_COUNT};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One sentence with its gold tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingSentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

/// The sentences of one document, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrainingDocument {
    pub sentences: Vec<TrainingSentence>,
}

impl TrainingDocument {
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect()
    }
}

/// A token of a training file has no tag column.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("sentence {sentence} has a token without a tag")]
pub struct MissingTag {
    pub sentence: usize,
}

/// The documents of a parsed CoNLL file, with BILOU tags.
pub fn training_documents(sentences: &[ConllSentence]) -> Result<Vec<TrainingDocument>, MissingTag> {
    let mut out = Vec::new();
    for (number, document) in documents(sentences).into_iter().enumerate() {
        let mut doc = TrainingDocument::default();
        for sentence in document {
            let bio: Option<Vec<_>> = sentence.tokens.iter().map(|t| t.gold).collect();
            let bio = bio.ok_or(MissingTag { sentence: number })?;
            doc.sentences
                .push(TrainingSentence { words: sentence.words().into_iter().map(str::to_owned).collect(), tags: bio_to_bilou(&bio) });
        }
        out.push(doc);
    }
    Ok(out)
}

/// Settings of a training run. The defaults produce the shipped model.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainingConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Weights (after averaging) of smaller magnitude are dropped from the model.
    pub min_weight: f32,
    /// Folds for the jackknifed gazetteer of training entities; 0 for no gazetteer.
    pub gazetteer_folds: usize,
    /// Tag each document twice, the second pass seeing the first pass's labels of every
    /// mention of a word (both passes are trained).
    pub two_pass: bool,
    /// Number of perceptrons, each trained with its own document order (seeds `seed`,
    /// `seed + 1`, …), whose averaged weights are averaged again: the shipped model is
    /// their ensemble, which evens out the luck of one order.
    pub ensemble: usize,
}

impl Default for TrainingConfig {
    fn default() -> Self {
        TrainingConfig { epochs: 12, seed: 2003, min_weight: 0.05, gazetteer_folds: 10, two_pass: true, ensemble: 1 }
    }
}

type FeatureIndex = HashMap<u64, u32, BuildHasherDefault<IdentityHasher>>;

/// Perceptron weights with the running sums that averaging needs: the averaged weight is
/// `w - u / c` where each update `d` at step `c` adds `d` to `w` and `c·d` to `u`.
#[derive(Default)]
struct AveragedWeights {
    index: FeatureIndex,
    w: Vec<[i32; TAG_COUNT]>,
    u: Vec<[i64; TAG_COUNT]>,
    /// Transitions: start row, end row, then the matrix, flattened.
    tw: Vec<i32>,
    tu: Vec<i64>,
}

const TRANSITION_ROWS: usize = TAG_COUNT + 2;

impl AveragedWeights {
    fn new() -> Self {
        AveragedWeights { tw: vec![0; TRANSITION_ROWS * TAG_COUNT], tu: vec![0; TRANSITION_ROWS * TAG_COUNT], ..Default::default() }
    }

    fn emissions(&self, features: &SentenceFeatures, out: &mut Vec<[f32; TAG_COUNT]>) {
        out.clear();
        out.resize(features.len(), [0.0; TAG_COUNT]);
        self.add_emissions(features, out);
    }

    /// Adds the rows of each token's features to its scores (`scores[i]` for token `i`).
    fn add_emissions(&self, features: &SentenceFeatures, scores: &mut [[f32; TAG_COUNT]]) {
        for (i, scores) in scores.iter_mut().enumerate().take(features.len()) {
            let mut sum = [0i32; TAG_COUNT];
            for hash in features.token(i) {
                if let Some(&row) = self.index.get(hash) {
                    for (s, w) in sum.iter_mut().zip(&self.w[row as usize]) {
                        *s += w;
                    }
                }
            }
            for (s, w) in scores.iter_mut().zip(sum) {
                *s += w as f32;
            }
        }
    }

    fn transitions(&self) -> Transitions {
        self.transitions_from(|k| self.tw[k] as f32)
    }

    fn transitions_from(&self, value: impl Fn(usize) -> f32) -> Transitions {
        let mut t = Transitions::default();
        for tag in 0..TAG_COUNT {
            t.start[tag] = value(tag);
            t.end[tag] = value(TAG_COUNT + tag);
            for next in 0..TAG_COUNT {
                t.between[tag][next] = value((2 + tag) * TAG_COUNT + next);
            }
        }
        t
    }

    fn update_feature(&mut self, hash: u64, tag: usize, delta: i32, step: i64) {
        let next = self.w.len() as u32;
        let row = *self.index.entry(hash).or_insert(next) as usize;
        if row == self.w.len() {
            self.w.push([0; TAG_COUNT]);
            self.u.push([0; TAG_COUNT]);
        }
        self.w[row][tag] += delta;
        self.u[row][tag] += step * i64::from(delta);
    }

    fn update_transitions(&mut self, tags: &[Tag], delta: i32, step: i64) {
        let mut bump = |k: usize| {
            self.tw[k] += delta;
            self.tu[k] += step * i64::from(delta);
        };
        if let (Some(first), Some(last)) = (tags.first(), tags.last()) {
            bump(first.index());
            bump(TAG_COUNT + last.index());
        }
        for pair in tags.windows(2) {
            bump((2 + pair[0].index()) * TAG_COUNT + pair[1].index());
        }
    }

    /// The averaged model at step `steps`.
    /// The averaged weights at step `steps`, unquantised.
    fn averaged_weights(&self, steps: i64) -> (HashMap<u64, [f32; TAG_COUNT]>, Transitions) {
        let c = steps.max(1) as f64;
        let average = |w: i32, u: i64| (f64::from(w) - u as f64 / c) as f32;
        let rows = self
            .index
            .iter()
            .map(|(&hash, &row)| {
                let (w, u) = (&self.w[row as usize], &self.u[row as usize]);
                (hash, std::array::from_fn(|t| average(w[t], u[t])))
            })
            .collect();
        (rows, self.transitions_from(|k| average(self.tw[k], self.tu[k])))
    }
}

/// A small deterministic generator (xorshift64*), for the order of documents.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The gazetteer of every entity in the given documents.
pub fn gazetteer_of<'a>(docs: impl IntoIterator<Item = &'a TrainingDocument>) -> Gazetteer {
    let mut gazetteer = Gazetteer::new();
    for doc in docs {
        for sentence in &doc.sentences {
            for (start, end, label) in bilou_spans(&sentence.tags) {
                gazetteer.insert(&sentence.words[start..end], GazetteerList::Entity(label));
            }
        }
    }
    gazetteer
}

/// What one epoch did.
#[derive(Clone, Copy, Debug)]
pub struct EpochReport {
    /// Which perceptron of the ensemble (from 0).
    pub member: usize,
    pub epoch: usize,
    /// Sentences whose predicted tags differed from the gold ones.
    pub mistakes: usize,
    pub sentences: usize,
    pub features: usize,
}

/// Trains a model. `general` holds word lists (names, places) that every document sees;
/// the training entities are added to it by jackknifing. `after_epoch` sees each epoch's
/// report and the averaged model of that ensemble member as it stands (for validation
/// scores); the ensemble of the members' last epochs is returned.
pub fn train(
    docs: &[TrainingDocument],
    general: &Gazetteer,
    config: &TrainingConfig,
    after_epoch: &mut dyn FnMut(&EpochReport, &Model),
) -> Model {
    let with_general = |entities: Gazetteer| {
        let mut gazetteer = general.clone();
        gazetteer.extend(&entities);
        gazetteer
    };
    let full_gazetteer = with_general(if config.gazetteer_folds > 0 { gazetteer_of(docs) } else { Gazetteer::new() });
    let fold_gazetteers: Vec<Gazetteer> = (0..config.gazetteer_folds)
        .map(|fold| with_general(gazetteer_of(docs.iter().enumerate().filter(|(i, _)| i % config.gazetteer_folds != fold).map(|(_, d)| d))))
        .collect();
    let gazetteer_for =
        |doc: usize| if config.gazetteer_folds > 0 { &fold_gazetteers[doc % config.gazetteer_folds] } else { &full_gazetteer };
    let passes = if config.two_pass { 2 } else { 1 };
    let members = config.ensemble.max(1);
    let mut sum: HashMap<u64, [f32; TAG_COUNT]> = HashMap::new();
    let mut transitions_sum = Transitions::default();
    for member in 0..members {
        let seed = config.seed.wrapping_add(member as u64);
        let mut report_epoch = |report: &EpochReport, weights: &AveragedWeights, steps: i64| {
            let (rows, transitions) = weights.averaged_weights(steps);
            let mut model = Model::from_weights(rows, transitions, full_gazetteer.clone(), config.min_weight);
            model.passes = passes;
            after_epoch(&EpochReport { member, ..*report }, &model);
        };
        let (rows, transitions) = train_member(docs, config, seed, &gazetteer_for, &mut report_epoch);
        for (hash, row) in rows {
            let total = sum.entry(hash).or_insert([0.0; TAG_COUNT]);
            for (t, v) in total.iter_mut().zip(row) {
                *t += v / members as f32;
            }
        }
        let t = &mut transitions_sum;
        for (total, v) in t
            .start
            .iter_mut()
            .chain(t.end.iter_mut())
            .chain(t.between.iter_mut().flatten())
            .zip(transitions.start.iter().chain(&transitions.end).chain(transitions.between.iter().flatten()))
        {
            *total += v / members as f32;
        }
    }
    let mut model = Model::from_weights(sum, transitions_sum, full_gazetteer, config.min_weight);
    model.passes = passes;
    model
}

/// Trains one perceptron; returns its averaged weights.
fn train_member<'g>(
    docs: &[TrainingDocument],
    config: &TrainingConfig,
    seed: u64,
    gazetteer_for: &dyn Fn(usize) -> &'g Gazetteer,
    after_epoch: &mut dyn FnMut(&EpochReport, &AveragedWeights, i64),
) -> (HashMap<u64, [f32; TAG_COUNT]>, Transitions) {
    let mut weights = AveragedWeights::new();
    let mut rng = Rng(seed.max(1));
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut step: i64 = 1;
    let mut features = SentenceFeatures::default();
    let mut emissions = Vec::new();
    for epoch in 1..=config.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        let mut sentences = 0;
        for &d in &order {
            let doc = &docs[d];
            let words = doc.words();
            let mut context = DocumentContext::new(&words);
            let gazetteer = gazetteer_for(d);
            let passes = if config.two_pass { 2 } else { 1 };
            let mut first_pass: Vec<Vec<Tag>> = Vec::new();
            for pass in 1..=passes {
                if pass > 1 {
                    context.start_second_pass(&words, &first_pass);
                }
                for (sentence, gold) in words.iter().zip(&doc.sentences) {
                    sentence_features(sentence, &context, gazetteer, &mut features);
                    weights.emissions(&features, &mut emissions);
                    let transitions = weights.transitions();
                    let predicted = viterbi(&emissions, &transitions);
                    if predicted != gold.tags {
                        if pass == passes {
                            mistakes += 1;
                        }
                        for (i, (&p, &g)) in predicted.iter().zip(&gold.tags).enumerate() {
                            if p != g {
                                for &hash in features.token(i) {
                                    weights.update_feature(hash, g.index(), 1, step);
                                    weights.update_feature(hash, p.index(), -1, step);
                                }
                            }
                        }
                        weights.update_transitions(&gold.tags, 1, step);
                        weights.update_transitions(&predicted, -1, step);
                    }
                    context.remember(sentence, &predicted);
                    if pass == 1 && passes > 1 {
                        first_pass.push(predicted);
                    }
                    if pass == passes {
                        sentences += 1;
                    }
                    step += 1;
                }
            }
        }
        let report = EpochReport { member: 0, epoch, mistakes, sentences, features: weights.w.len() };
        after_epoch(&report, &weights, step);
    }
    weights.averaged_weights(step)
}

/// A sequence whose features do not depend on the tagger's own decisions, with its gold
/// tags: what [`train_fixed`] learns from. Other taggers built on this crate's model (the
/// attribution tagger in `parallax-nlp`) compute their features once and train here.
#[derive(Clone, Debug, Default)]
pub struct FixedSequence {
    pub features: SentenceFeatures,
    pub tags: Vec<Tag>,
}

/// Settings of [`train_fixed`].
#[derive(Clone, Debug, PartialEq)]
pub struct FixedTrainingConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Weights (after averaging) of smaller magnitude are dropped from the model.
    pub min_weight: f32,
    /// Features seen on fewer tokens of the training data are never learned: this keeps
    /// the model small and the rare features, which mostly memorise, out of it.
    pub min_feature_count: u32,
}

/// Features of a second pass over sequence `k` (its index in the training slice), computed
/// from the first pass's tags into the given features (cleared first).
pub type SecondPass<'a> = dyn Fn(usize, &[Tag], &mut SentenceFeatures) + 'a;

/// Trains an averaged structured perceptron on sequences with precomputed features, in an
/// order shuffled each epoch from `seed`. The model has no gazetteer; it has two passes
/// when `second_pass` is given: each sequence is then tagged once from its own features,
/// and again with the features `second_pass` reads from those tags added (both taggings
/// are trained; the second pass's own features are learned however rarely seen).
/// `after_epoch` sees each epoch's report and the averaged model as it stands.
/// Deterministic.
pub fn train_fixed(
    sequences: &[FixedSequence],
    config: &FixedTrainingConfig,
    second_pass: Option<&SecondPass>,
    after_epoch: &mut dyn FnMut(&EpochReport, &Model),
) -> Model {
    let mut seen: FeatureIndex = FeatureIndex::default();
    for sequence in sequences {
        for &hash in &sequence.features.hashes {
            *seen.entry(hash).or_default() += 1;
        }
    }
    let build = |weights: &AveragedWeights, steps: i64| {
        let (rows, transitions) = weights.averaged_weights(steps);
        let mut model = Model::from_weights(rows, transitions, Gazetteer::new(), config.min_weight);
        model.passes = if second_pass.is_some() { 2 } else { 1 };
        model
    };
    let learnable = |hash: &u64| seen.get(hash).is_some_and(|&count| count >= config.min_feature_count);
    let mut weights = AveragedWeights::new();
    let mut rng = Rng(config.seed.max(1));
    let mut order: Vec<usize> = (0..sequences.len()).collect();
    let mut step: i64 = 1;
    let mut emissions = Vec::new();
    let mut extra = SentenceFeatures::default();
    for epoch in 1..=config.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &k in &order {
            let sequence = &sequences[k];
            weights.emissions(&sequence.features, &mut emissions);
            let mut predicted = viterbi(&emissions, &weights.transitions());
            let mut wrong = update(&mut weights, sequence, None, &predicted, &learnable, step);
            if let Some(second_pass) = second_pass {
                second_pass(k, &predicted, &mut extra);
                weights.emissions(&sequence.features, &mut emissions);
                weights.add_emissions(&extra, &mut emissions);
                predicted = viterbi(&emissions, &weights.transitions());
                wrong = update(&mut weights, sequence, Some(&extra), &predicted, &learnable, step);
            }
            mistakes += usize::from(wrong);
            step += 1;
        }
        let report = EpochReport { member: 0, epoch, mistakes, sentences: sequences.len(), features: weights.w.len() };
        after_epoch(&report, &build(&weights, step));
    }
    build(&weights, step)
}

/// The perceptron update of one tagging of `sequence` (with the second pass's `extra`
/// features, all learnable); whether the tagging was wrong.
fn update(
    weights: &mut AveragedWeights,
    sequence: &FixedSequence,
    extra: Option<&SentenceFeatures>,
    predicted: &[Tag],
    learnable: &dyn Fn(&u64) -> bool,
    step: i64,
) -> bool {
    if predicted == sequence.tags {
        return false;
    }
    for (i, (&p, &g)) in predicted.iter().zip(&sequence.tags).enumerate() {
        if p != g {
            let own = sequence.features.token(i).iter().filter(|h| learnable(h));
            for &hash in own.chain(extra.map_or(&[][..], |e| e.token(i))) {
                weights.update_feature(hash, g.index(), 1, step);
                weights.update_feature(hash, p.index(), -1, step);
            }
        }
    }
    weights.update_transitions(&sequence.tags, 1, step);
    weights.update_transitions(predicted, -1, step);
    true
}

/// Entity-level counts, per label, as the CoNLL scorer counts them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_positives: [usize; 4],
    pub false_positives: [usize; 4],
    pub false_negatives: [usize; 4],
}

impl Counts {
    /// Precision, recall and F1 over the given labels together.
    pub fn scores(&self, labels: &[Label]) -> (f64, f64, f64) {
        let sum = |counts: &[usize; 4]| labels.iter().map(|&l| counts[l as usize]).sum::<usize>() as f64;
        let (tp, fp, fn_) = (sum(&self.true_positives), sum(&self.false_positives), sum(&self.false_negatives));
        let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        (precision, recall, f1)
    }

    /// F1 over PER, ORG and LOC, the figure the bar is set on.
    pub fn f1_per_org_loc(&self) -> f64 {
        self.scores(&[Label::Person, Label::Organisation, Label::Location]).2
    }
}

/// Tags the documents and counts exact-match entities against their gold tags.
pub fn evaluate(tagger: &Tagger, docs: &[TrainingDocument]) -> Counts {
    let mut counts = Counts::default();
    for doc in docs {
        let predicted = tagger.tag_document(&doc.words());
        for (gold, predicted) in doc.sentences.iter().zip(&predicted) {
            let gold = bilou_spans(&gold.tags);
            let predicted = bilou_spans(predicted);
            for span in &predicted {
                if gold.contains(span) {
                    counts.true_positives[span.2 as usize] += 1;
                } else {
                    counts.false_positives[span.2 as usize] += 1;
                }
            }
            for span in gold.iter().filter(|s| !predicted.contains(s)) {
                counts.false_negatives[span.2 as usize] += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::parse;

    const TINY: &str = "0\t-DOCSTART-\tO\n\n\
        0\tAnna\tB-PER\n1\tBerg\tI-PER\n2\tvisited\tO\n3\tOslo\tB-LOC\n4\t.\tO\n\n\
        0\tBerg\tB-PER\n1\tpraised\tO\n2\tNordic\tB-ORG\n3\tRail\tI-ORG\n4\t.\tO\n\n\
        0\t-DOCSTART-\tO\n\n\
        0\tKarl\tB-PER\n1\tLund\tI-PER\n2\tleft\tO\n3\tBergen\tB-LOC\n4\t.\tO\n\n";

    #[test]
    fn learns_a_tiny_corpus_deterministically() {
        let sentences = parse(TINY).unwrap();
        let docs = training_documents(&sentences).unwrap();
        assert_eq!(docs.len(), 2);
        let config = TrainingConfig { epochs: 8, gazetteer_folds: 2, ..TrainingConfig::default() };
        let mut reports = Vec::new();
        let mut general = Gazetteer::new();
        general.insert(&["Oslo"], GazetteerList::Place);
        let model = train(&docs, &general, &config, &mut |report, _| reports.push(report.mistakes));
        assert_eq!(reports.len(), 8);
        assert_eq!(*reports.last().unwrap(), 0, "the perceptron separates three sentences: {reports:?}");
        let again = train(&docs, &general, &config, &mut |_, _| {});
        assert_eq!(model.to_bytes(), again.to_bytes(), "training is deterministic");
        let counts = evaluate(&Tagger::new(model), &docs);
        assert_eq!(counts.f1_per_org_loc(), 1.0, "{counts:?}");
    }

    #[test]
    fn fixed_features_train_deterministically() {
        // Token features: the word itself; "x" is always a one-token span of the first
        // label, "y z" a two-token span of the second, "o" outside.
        let word = |w: &str| crate::features::FeatureHasher::new(1).str(w).finish();
        let sequence = |words: &[&str], tags: Vec<Tag>| {
            let mut features = SentenceFeatures { hashes: Vec::new(), offsets: vec![0] };
            for w in words {
                features.hashes.push(word(w));
                features.offsets.push(features.hashes.len());
            }
            FixedSequence { features, tags }
        };
        use crate::tags::Position;
        let u = Tag::new(Label::Person, Position::Unit);
        let (b, l) = (Tag::new(Label::Organisation, Position::Begin), Tag::new(Label::Organisation, Position::Last));
        let o = Tag::OUTSIDE;
        let data = [sequence(&["o", "x", "y", "z"], vec![o, u, b, l]), sequence(&["y", "z", "o", "x"], vec![b, l, o, u])];
        let config = FixedTrainingConfig { epochs: 5, seed: 3, min_weight: 0.0, min_feature_count: 1 };
        let mut mistakes = Vec::new();
        let model = train_fixed(&data, &config, None, &mut |report, _| mistakes.push(report.mistakes));
        assert_eq!(*mistakes.last().unwrap(), 0, "{mistakes:?}");
        let again = train_fixed(&data, &config, None, &mut |_, _| {});
        assert_eq!(model.to_bytes(), again.to_bytes());
        // A new sentence made only of transitions the training data shows: a transition the
        // two sentences never hold (U→O after "x") can lose to one they do (U→B).
        let test = sequence(&["o", "x", "y", "z", "o", "x"], vec![o, u, b, l, o, u]);
        let mut emissions = Vec::new();
        model.emissions(&test.features, &mut emissions);
        assert_eq!(viterbi(&emissions, &model.transitions), test.tags);
    }

    #[test]
    fn counts_score_like_the_conll_scorer() {
        let counts = Counts { true_positives: [8, 0, 0, 0], false_positives: [2, 0, 0, 0], false_negatives: [0, 0, 0, 0] };
        let (p, r, f) = counts.scores(&[Label::Person]);
        assert!((p - 0.8).abs() < 1e-9 && (r - 1.0).abs() < 1e-9 && (f - 16.0 / 18.0).abs() < 1e-9);
    }

    #[test]
    fn rng_shuffle_is_a_permutation() {
        let mut items: Vec<usize> = (0..50).collect();
        Rng(7).shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(items, sorted);
    }
}
