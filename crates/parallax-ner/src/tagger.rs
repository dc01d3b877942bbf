//! Tagging: features, emission scores from the [`Model`], and Viterbi over BILOU tags.

use crate::features::{dynamic_features, static_features, DocumentContext, SentenceFeatures};
use crate::model::{Model, ModelError, Transitions};
use crate::tags::{bilou_spans, Label, Tag, TAG_COUNT};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The model trained on CoNLL-2003 English news that ships with Parallax (see
/// `models/ner/MODEL_CARD.md`).
static ENGLISH_NEWS: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner/en-news.bin"));

/// For each tag, the tags that may come right before it in a well-formed BILOU sequence
/// (`(count, tags)`, the first `count` entries used). Viterbi visits only these: an inside
/// or last tag has two, the others nine, where a full table has seventeen.
fn predecessors() -> &'static [(usize, [u8; TAG_COUNT]); TAG_COUNT] {
    static PREDECESSORS: OnceLock<[(usize, [u8; TAG_COUNT]); TAG_COUNT]> = OnceLock::new();
    PREDECESSORS.get_or_init(|| {
        let mut table = [(0, [0u8; TAG_COUNT]); TAG_COUNT];
        for (b, (count, tags)) in table.iter_mut().enumerate() {
            for a in (0..TAG_COUNT).filter(|&a| tag(a).can_precede(tag(b))) {
                tags[*count] = a as u8;
                *count += 1;
            }
        }
        table
    })
}

fn tag(index: usize) -> Tag {
    Tag::from_index(index).unwrap_or_default()
}

/// The best well-formed BILOU sequence for the given emission scores (first-order
/// Viterbi). Ties go to the lower tag index, so the result is deterministic.
pub fn viterbi(emissions: &[[f32; TAG_COUNT]], transitions: &Transitions) -> Vec<Tag> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let predecessors = predecessors();
    let mut score = [f32::NEG_INFINITY; TAG_COUNT];
    for t in 0..TAG_COUNT {
        if tag(t).can_start() {
            score[t] = transitions.start[t] + emissions[0][t];
        }
    }
    let mut back = vec![[0u8; TAG_COUNT]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; TAG_COUNT];
        for (b, (count, before)) in predecessors.iter().enumerate() {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for &a in &before[..*count] {
                let s = score[a as usize] + transitions.between[a as usize][b];
                if s > best {
                    best = s;
                    arg = a;
                }
            }
            next[b] = best + emissions[i][b];
            back[i][b] = arg;
        }
        score = next;
    }
    let mut best = f32::NEG_INFINITY;
    let mut last = 0usize;
    for (t, &score) in score.iter().enumerate() {
        if !tag(t).can_end() {
            continue;
        }
        let s = score + transitions.end[t];
        if s > best {
            best = s;
            last = t;
        }
    }
    let mut out = vec![Tag::OUTSIDE; n];
    out[n - 1] = tag(last);
    for i in (1..n).rev() {
        last = back[i][last] as usize;
        out[i - 1] = tag(last);
    }
    out
}

/// Typographic quotes, dashes and ellipses as the ASCII the training text uses ("Reuters’"
/// → "Reuters'"), so that they do not look like unknown words.
pub fn fold_typography(word: &str) -> Cow<'_, str> {
    if word.is_ascii() || !word.contains(['‘', '’', '“', '”', '–', '—', '…']) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '‘' | '’' => out.push('\''),
            '“' | '”' => out.push('"'),
            '–' | '—' => out.push('-'),
            '…' => out.push_str("..."),
            other => out.push(other),
        }
    }
    Cow::Owned(out)
}

/// A named-entity tagger over tokenised documents.
#[derive(Clone, Debug)]
pub struct Tagger {
    model: Model,
}

/// An entity found by [`Tagger::entities`]: tokens `start..end` of sentence `sentence`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaggedEntity {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub label: Label,
}

impl Tagger {
    pub fn new(model: Model) -> Tagger {
        Tagger { model }
    }

    /// The tagger with the model that ships in the repository, loaded once.
    pub fn english_news() -> Result<&'static Tagger, ModelError> {
        static TAGGER: OnceLock<Result<Tagger, ModelError>> = OnceLock::new();
        TAGGER.get_or_init(|| Model::from_bytes(ENGLISH_NEWS).map(Tagger::new)).as_ref().map_err(Clone::clone)
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// BILOU tags for every token of a document's sentences, in order. Sentences are tagged
    /// one after another: what the tagger decided about a word in an earlier sentence is a
    /// feature for the same word later in the document. The context rules of [`crate::rules`]
    /// then correct the last pass.
    pub fn tag_document<S: AsRef<[W]>, W: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<Tag>> {
        let folded: Vec<Vec<Cow<str>>> =
            sentences.iter().map(|s| s.as_ref().iter().map(|w| fold_typography(w.as_ref())).collect()).collect();
        let folded = self.lower_title_case_words(folded);
        let words: Vec<Vec<&str>> = folded.iter().map(|s| s.iter().map(AsRef::as_ref).collect()).collect();
        let mut context = DocumentContext::new(&words);
        let mut features = SentenceFeatures::default();
        // The scores of the features that no pass changes, computed once per sentence.
        let fixed: Vec<Vec<[f32; TAG_COUNT]>> = words
            .iter()
            .map(|sentence| {
                static_features(sentence, &context, &self.model.gazetteer, &mut features);
                let mut scores = Vec::new();
                self.model.emissions(&features, &mut scores);
                scores
            })
            .collect();
        let mut emissions = Vec::new();
        let mut out = Vec::with_capacity(words.len());
        for pass in 1..=self.model.passes {
            if pass > 1 {
                context.start_second_pass(&words, &out);
                out.clear();
            }
            for (sentence, fixed) in words.iter().zip(&fixed) {
                dynamic_features(sentence, &context, &mut features);
                emissions.clear();
                emissions.extend_from_slice(fixed);
                self.model.add_emissions(&features, &mut emissions);
                let tags = viterbi(&emissions, &self.model.transitions);
                context.remember(sentence, &tags);
                out.push(tags);
            }
        }
        for (sentence, tags) in words.iter().zip(&mut out) {
            crate::rules::apply(sentence, tags, &self.model.gazetteer);
        }
        out
    }

    /// A Title Case headline capitalises common words ("Clashes Between Rival Militias Shut
    /// Tripoli's Only Working Airport"), which the tagger would read as one long name. In a
    /// document whose first sentence is such a headline, a capitalised word after the first is written in lower case for the tagger
    /// when the rest of the document writes it so more often than capitalised, or, with no
    /// such evidence, when it is a common word (of the word-class table) that the gazetteer
    /// knows as no entity, place or first name, if at least two words are. Names stay:
    /// "Tripoli", "Syunik", "Taliban".
    fn lower_title_case_words<'a>(&self, mut sentences: Vec<Vec<Cow<'a, str>>>) -> Vec<Vec<Cow<'a, str>>> {
        // Only the headline, the document's first sentence: a line of names or a signature
        // further down ("New York Commodities Desk") looks the same.
        fn words<'s>(sentence: &'s [Cow<'_, str>]) -> Vec<&'s str> {
            sentence.iter().map(AsRef::as_ref).collect()
        }
        if !sentences.first().is_some_and(|headline| crate::features::is_title_case_sentence(&words(headline))) {
            return sentences;
        }
        let (headline, rest) = sentences.split_at_mut(1);
        let headline = &mut headline[0];
        // (capitalised after the first word, lower case) in the other sentences.
        let mut written: std::collections::HashMap<String, (u32, u32)> = std::collections::HashMap::new();
        for sentence in rest.iter().filter(|s| !crate::features::is_all_caps_sentence(&words(s))) {
            for (i, word) in sentence.iter().enumerate() {
                let first = word.chars().next();
                if first.is_some_and(char::is_lowercase) {
                    written.entry(word.to_lowercase()).or_default().1 += 1;
                } else if i > 0 && first.is_some_and(char::is_uppercase) && word.chars().skip(1).all(char::is_lowercase) {
                    written.entry(word.to_lowercase()).or_default().0 += 1;
                }
            }
        }
        use crate::features::GazetteerList;
        let named = Label::ALL
            .iter()
            .fold(GazetteerList::Place.mask() | GazetteerList::FirstName.mask(), |bits, &label| bits | GazetteerList::Entity(label).mask());
        let lowered: Vec<usize> = (1..headline.len()).filter(|&i| self.is_common_in_title(&headline[i], &written, named)).collect();
        // One common word may be a name's ("Hospitality" in "Homegate Hospitality Inc"); a
        // headline has several.
        if lowered.len() >= 2 {
            for i in lowered {
                headline[i] = Cow::Owned(headline[i].to_lowercase());
            }
        }
        sentences
    }

    /// Whether `word` of a Title Case sentence is a common word (see
    /// [`Tagger::lower_title_case_words`]).
    fn is_common_in_title(&self, word: &str, written: &std::collections::HashMap<String, (u32, u32)>, named: u8) -> bool {
        let mut letters = word.chars();
        if !letters.next().is_some_and(char::is_uppercase) || !letters.all(char::is_lowercase) {
            return false;
        }
        let lower = word.to_lowercase();
        match written.get(&lower) {
            Some(&(capitalised, lowercase)) if capitalised != lowercase => lowercase > capitalised,
            _ => crate::word_classes::word_class(&lower).is_some() && self.model.gazetteer.lookup(&[word]) & named == 0,
        }
    }

    /// The entities of a document's sentences, in order.
    pub fn entities<S: AsRef<[W]>, W: AsRef<str>>(&self, sentences: &[S]) -> Vec<TaggedEntity> {
        let mut out = Vec::new();
        for (sentence, tags) in self.tag_document(sentences).iter().enumerate() {
            out.extend(bilou_spans(tags).into_iter().map(|(start, end, label)| TaggedEntity { sentence, start, end, label }));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{Label, Position};

    fn scores(pairs: &[(Tag, f32)]) -> [f32; TAG_COUNT] {
        let mut row = [0.0; TAG_COUNT];
        for &(t, s) in pairs {
            row[t.index()] = s;
        }
        row
    }

    #[test]
    fn typography_is_folded_to_ascii() {
        assert_eq!(fold_typography("Reuters’"), "Reuters'");
        assert_eq!(fold_typography("“Peace”—now…"), "\"Peace\"-now...");
        assert!(matches!(fold_typography("Zürich"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_title_case_headline_is_read_with_its_common_words_in_lower_case() {
        let tagger = Tagger::english_news().unwrap();
        let headline = "Clashes Between Rival Militias Shut Tripoli 's Only Working Airport";
        let body = "Fighting between armed groups closed the only working airport in the Libyan capital , Tripoli , on Monday .";
        let document = [headline.split(' ').collect::<Vec<&str>>(), body.split(' ').collect()];
        let entities = tagger.entities(&document);
        let in_headline: Vec<(&str, Label)> = entities
            .iter()
            .filter(|e| e.sentence == 0)
            .map(|e| (document[0][e.start..e.end].last().copied().unwrap_or_default(), e.label))
            .collect();
        assert_eq!(in_headline, [("Tripoli", Label::Location)], "{entities:?}");
        // A line of names further down is left as written.
        assert!(!crate::features::is_title_case_sentence(&[
            "Wood", ",", "Loren", "Roberts", ",", "Steve", "Stricker", ",", "Brian", "Claar"
        ]));
        assert!(crate::features::is_title_case_sentence(&headline.split(' ').collect::<Vec<&str>>()));
    }

    #[test]
    fn viterbi_of_nothing_is_nothing() {
        assert!(viterbi(&[], &Transitions::default()).is_empty());
    }

    #[test]
    fn viterbi_repairs_ill_formed_best_tags() {
        // Token by token the best tags would be B-PER, O: not well formed. Viterbi must
        // pick a legal sequence, here U-PER then O.
        let b = Tag::new(Label::Person, Position::Begin);
        let u = Tag::new(Label::Person, Position::Unit);
        let emissions = [scores(&[(b, 3.0), (u, 2.0)]), scores(&[(Tag::OUTSIDE, 1.0)])];
        assert_eq!(viterbi(&emissions, &Transitions::default()), [u, Tag::OUTSIDE]);
    }

    #[test]
    fn viterbi_uses_transitions() {
        let b = Tag::new(Label::Location, Position::Begin);
        let l = Tag::new(Label::Location, Position::Last);
        let u = Tag::new(Label::Location, Position::Unit);
        // Alone, each token prefers U-LOC; a strong B→L transition makes it one entity.
        let emissions = [scores(&[(u, 2.0), (b, 1.5)]), scores(&[(u, 2.0), (l, 1.5)])];
        assert_eq!(viterbi(&emissions, &Transitions::default()), [u, u]);
        let mut transitions = Transitions::default();
        transitions.between[b.index()][l.index()] = 2.0;
        assert_eq!(viterbi(&emissions, &transitions), [b, l]);
    }

    #[test]
    fn viterbi_output_is_always_well_formed() {
        // Pseudo-random scores: every decoded sequence must be legal BILOU.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 1000) as f32 / 100.0 - 5.0
        };
        for len in 1..12 {
            let emissions: Vec<[f32; TAG_COUNT]> = (0..len).map(|_| std::array::from_fn(|_| next())).collect();
            let mut transitions = Transitions::default();
            transitions.between.iter_mut().flatten().for_each(|v| *v = next());
            let tags = viterbi(&emissions, &transitions);
            assert!(tags[0].can_start() && tags[len - 1].can_end(), "{tags:?}");
            assert!(tags.windows(2).all(|w| w[0].can_precede(w[1])), "{tags:?}");
        }
    }
}
