//! The statistical attribution tagger: who said what, as spans.
//!
//! Each paragraph (block) is one sequence of tokens. A tagger built on `parallax-ner`'s
//! model (hashed features, averaged perceptron, first-order Viterbi over well-formed
//! BILOU) marks three kinds of span, in the PolNeAR scheme: the **source** (who says,
//! thinks or shows something: "Trump", "a campaign aide", "the poll"), the **cue** (the
//! words that introduce it: "said", "according to", "told reporters", ":") and the
//! **content** (what is attributed). [`pair`] then joins each cue to the nearest source of
//! its sentence and the nearest unclaimed content of its paragraph.
//!
//! The tagger reuses the entity model's four label slots: source, cue and content are
//! stored as the slots of PER, ORG and LOC ([`Role::label`]); the fourth is unused.
//! Features depend on the text, the entity layer and the speech-verb lexicon, never on
//! the tagger's own decisions, so they are computed once ([`block_features`]). A second
//! pass adds features read from the first pass's tags ([`PassContext::features`]); the
//! trainer (`parallax train attribution`) tags each paragraph in both passes the same
//! way, so it learns from exactly what tagging sees.
//!
//! The shipped model is `models/attribution/en-polnear.bin` (see its `MODEL_CARD.md`).

use crate::lexicon;
use crate::quotes::quoted_passages;
use parallax_core::{Block, EntityLabel, EntityMention, Sentence, Span, Token};
use parallax_ner::features::{short_shape, FeatureHasher, Gazetteer, GazetteerList, SentenceFeatures};
use parallax_ner::model::{Model, ModelError};
use parallax_ner::tagger::viterbi;
use parallax_ner::tags::{bilou_spans, Label, Position, Tag, TAG_COUNT};
use parallax_ner::word_classes::{word_class, WordClass};
use std::sync::OnceLock;

static SHIPPED: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/attribution/en-polnear.bin"));

/// What a span is in an attribution relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Source,
    Cue,
    Content,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

    /// The model's label slot for this role.
    pub fn label(self) -> Label {
        match self {
            Role::Source => Label::Person,
            Role::Cue => Label::Organisation,
            Role::Content => Label::Location,
        }
    }

    pub fn of_label(label: Label) -> Option<Role> {
        match label {
            Label::Person => Some(Role::Source),
            Label::Organisation => Some(Role::Cue),
            Label::Location => Some(Role::Content),
            Label::Misc => None,
        }
    }
}

/// One block's tokens with what the features read.
#[derive(Clone, Debug, Default)]
pub struct BlockView<'a> {
    /// Token spans in the text, in order.
    pub tokens: Vec<Span>,
    words: Vec<&'a str>,
    lower: Vec<String>,
    /// First token and one past the last token of each token's sentence.
    sentence_bounds: Vec<(u32, u32)>,
    /// Inside a pair of quotation marks (the marks themselves excluded).
    in_quote: Vec<bool>,
    /// The entity label of the token and whether it opens the mention.
    entity: Vec<Option<(EntityLabel, bool)>>,
    /// A word of the speech-verb lexicon used as a verb.
    cue_word: Vec<bool>,
    /// A word of the model's cue lexicon (words that are often cues in the training data),
    /// set by [`BlockView::mark_cues`].
    cue_lexicon: Vec<bool>,
}

impl<'a> BlockView<'a> {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        self.words[i]
    }

    /// The sentence (its first token) that token `i` belongs to.
    pub fn sentence_of(&self, i: usize) -> u32 {
        self.sentence_bounds[i].0
    }

    /// Marks the words of a cue lexicon ([`cue_lexicon`]); they and the speech verbs are the
    /// cue words the distance features measure from.
    pub fn mark_cues(&mut self, lexicon: &Gazetteer) {
        for (i, word) in self.lower.iter().enumerate() {
            self.cue_lexicon[i] = lexicon.lookup(&[word]) & CUE_BIT != 0;
            if self.cue_lexicon[i] {
                self.cue_word[i] = true;
            }
        }
    }

    /// The first token and one past the last token of token `i`'s sentence.
    pub fn sentence_range(&self, i: usize) -> (usize, usize) {
        let (first, end) = self.sentence_bounds[i];
        (first as usize, end as usize)
    }

    /// The text span of tokens `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end {
            return None;
        }
        Span::new(self.tokens.get(start)?.start(), self.tokens.get(end.checked_sub(1)?)?.end()).ok()
    }
}

/// The views of every block that holds tokens, in text order.
pub fn block_views<'a>(
    text: &'a str,
    blocks: &[Block],
    sentences: &[Sentence],
    tokens: &[Token],
    entities: &[EntityMention],
) -> Vec<BlockView<'a>> {
    let mut views = Vec::new();
    let (mut t, mut s, mut e) = (0, 0, 0);
    for block in blocks {
        let mut view = BlockView::default();
        let passages = quoted_passages(text, block.span);
        while s < sentences.len() && sentences[s].span.end() <= block.span.end() {
            let sentence = sentences[s].span;
            s += 1;
            if !block.span.contains(sentence) {
                continue;
            }
            while t < tokens.len() && tokens[t].span.start() < sentence.start() {
                t += 1;
            }
            let first = view.tokens.len() as u32;
            let mut words: Vec<&str> = Vec::new();
            while t < tokens.len() && tokens[t].span.end() <= sentence.end() {
                let span = tokens[t].span;
                let word = &text[span.range()];
                // "He’s claiming", "She’ll present", "Trump's claim": PolNeAR's spans part a
                // clitic from its word, as the Penn Treebank does.
                let parts = clitic_start(word).and_then(|at| {
                    Some((Span::new(span.start(), span.start() + at).ok()?, Span::new(span.start() + at, span.end()).ok()?, at))
                });
                if let Some((head, clitic, at)) = parts {
                    words.extend([&word[..at], &word[at..]]);
                    view.tokens.extend([head, clitic]);
                } else {
                    words.push(word);
                    view.tokens.push(span);
                }
                t += 1;
            }
            let last = view.tokens.len() as u32;
            for (k, word) in words.iter().enumerate() {
                let index = first as usize + k;
                let span = view.tokens[index];
                view.words.push(word);
                view.lower.push(word.to_lowercase());
                view.sentence_bounds.push((first, last));
                view.in_quote.push(passages.iter().any(|p| p.inner.contains(span)));
                while e < entities.len() && entities[e].span.end() <= span.start() {
                    e += 1;
                }
                let entity = entities[e..]
                    .iter()
                    .take_while(|m| m.span.start() < span.end())
                    .find(|m| m.span.contains(span))
                    .map(|m| (m.label, m.span.start() == span.start()));
                view.entity.push(entity);
                view.cue_word.push(word == &"according" || lexicon::is_speech_cue(&words, k));
                view.cue_lexicon.push(false);
            }
        }
        if !view.tokens.is_empty() {
            views.push(view);
        }
    }
    views
}

/// Where a clitic ("’s", "'ll", "’re", "'ve", "’d", "'m") starts in a word that ends with
/// one after at least one letter: "He’s" parts at 2. "n't" stays with its verb, as
/// PolNeAR's cues keep "didn't know".
fn clitic_start(word: &str) -> Option<usize> {
    const CLITICS: &[&str] = &["s", "ll", "re", "ve", "d", "m"];
    let at = word.rfind(['\'', '’'])?;
    let clitic = &word[at + word[at..].chars().next()?.len_utf8()..];
    let head_is_word = word[..at].chars().last().is_some_and(char::is_alphabetic);
    (head_is_word && CLITICS.iter().any(|c| c.eq_ignore_ascii_case(clitic))).then_some(at)
}

/// The bit of the cue lexicon in the model's gazetteer (the list of the cue slot).
const CUE_BIT: u8 = 1 << (Label::Organisation as u8);

/// The cue lexicon of a corpus: every word that is the first word of a cue at least
/// `min_count` times and in at least `min_share` of its occurrences. `counts` holds, per
/// lower-case word, (occurrences as a cue's first word, occurrences).
pub fn cue_lexicon<'a>(counts: impl IntoIterator<Item = (&'a str, (u32, u32))>, min_count: u32, min_share: f32) -> Gazetteer {
    let mut lexicon = Gazetteer::new();
    for (word, (cue, all)) in counts {
        if cue >= min_count && cue as f32 >= min_share * all as f32 {
            lexicon.insert(&[word], GazetteerList::Entity(Role::Cue.label()));
        }
    }
    lexicon
}

/// A distance in tokens as a small bucket: 1, 2, 3–4, 5–8, 9–16, more; 0 for none.
fn distance_bucket(distance: Option<usize>) -> u8 {
    match distance {
        None => 0,
        Some(0..=1) => 1,
        Some(2) => 2,
        Some(3..=4) => 3,
        Some(5..=8) => 4,
        Some(9..=16) => 5,
        Some(_) => 6,
    }
}

const BOUNDARY: &str = "<s>";

/// The features of every token of a block, into `out` (cleared first).
pub fn block_features(view: &BlockView, out: &mut SentenceFeatures) {
    out.hashes.clear();
    out.offsets.clear();
    out.offsets.push(0);
    let n = view.len();
    let f = FeatureHasher::new;
    // The nearest cue word before and after each token, within its sentence.
    let mut cue_before: Vec<Option<usize>> = vec![None; n];
    let mut cue_after: Vec<Option<usize>> = vec![None; n];
    let mut last = None;
    for (i, slot) in cue_before.iter_mut().enumerate() {
        if i > 0 && view.sentence_bounds[i].0 != view.sentence_bounds[i - 1].0 {
            last = None;
        }
        *slot = last.map(|c| i - c);
        if view.cue_word[i] {
            last = Some(i);
        }
    }
    let mut next = None;
    for i in (0..n).rev() {
        if i + 1 < n && view.sentence_bounds[i].0 != view.sentence_bounds[i + 1].0 {
            next = None;
        }
        cue_after[i] = next.map(|c: usize| c - i);
        if view.cue_word[i] {
            next = Some(i);
        }
    }
    let shapes: Vec<String> = view.words.iter().map(|w| short_shape(w)).collect();
    let classes: Vec<WordClass> = view.lower.iter().map(|w| word_class(w).unwrap_or(WordClass::NONE)).collect();
    for i in 0..n {
        let (first, end) = view.sentence_bounds[i];
        let (first, end) = (first as usize, end as usize);
        // Positions outside the token's sentence read as its boundary.
        let within = |k: isize| usize::try_from(k).ok().filter(|k| (first..end).contains(k));
        let word_at = |k: isize| within(k).map_or(BOUNDARY, |k| view.lower[k].as_str());
        let shape_at = |k: isize| within(k).map_or(BOUNDARY, |k| shapes[k].as_str());
        let class_at = |k: isize| within(k).map_or(WordClass::BOUNDARY, |k| classes[k]);
        let at = i as isize;
        let w0 = word_at(at);
        let quote = view.in_quote[i];
        let is_mark = matches!(view.words[i], "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»");
        let sentence_has_cue = (first..end).any(|k| view.cue_word[k]);
        let entity = view.entity[i].map_or(0, |(label, opens)| 1 + 2 * label as u8 + u8::from(opens));
        let before = distance_bucket(cue_before[i]);
        let after = distance_bucket(cue_after[i]);
        let suffix: String = w0.chars().rev().take(3).collect();
        let h = &mut out.hashes;
        h.push(f(0).finish());
        h.push(f(1).str(w0).finish());
        h.push(f(2).str(word_at(at - 1)).finish());
        h.push(f(3).str(word_at(at + 1)).finish());
        h.push(f(4).str(word_at(at - 2)).finish());
        h.push(f(5).str(word_at(at + 2)).finish());
        h.push(f(6).str(word_at(at - 1)).str(w0).finish());
        h.push(f(7).str(w0).str(word_at(at + 1)).finish());
        h.push(f(8).str(&shapes[i]).finish());
        h.push(f(9).str(&suffix).finish());
        h.push(f(10).byte(u8::from(view.cue_word[i])).byte(u8::from(quote)).byte(u8::from(is_mark)).finish());
        h.push(f(11).byte(entity).finish());
        h.push(f(12).byte(entity).byte(before).byte(after).finish());
        h.push(f(13).byte(before).byte(after).byte(u8::from(quote)).finish());
        h.push(f(14).byte(before).str(w0).finish());
        h.push(f(15).byte(after).str(w0).finish());
        h.push(f(16).byte(u8::from(quote)).str(w0).finish());
        h.push(f(17).str(shape_at(at - 1)).str(&shapes[i]).str(shape_at(at + 1)).finish());
        h.push(f(18).byte(distance_bucket(Some(i - first))).byte(distance_bucket(Some(end - i))).byte(u8::from(sentence_has_cue)).finish());
        h.push(f(19).byte(u8::from(sentence_has_cue)).str(w0).finish());
        h.push(f(20).byte(u8::from(i == first)).str(w0).byte(u8::from(quote)).finish());
        h.push(f(21).str(word_at(at - 1)).byte(u8::from(view.cue_word[i])).str(word_at(at + 1)).finish());
        let cue_left = cue_before[i].map_or(BOUNDARY, |d| view.lower[i - d].as_str());
        let cue_right = cue_after[i].map_or(BOUNDARY, |d| view.lower[i + d].as_str());
        h.push(f(22).str(cue_left).byte(before).finish());
        h.push(f(23).str(cue_right).byte(after).finish());
        h.push(f(24).str(word_at(at - 1)).str(w0).str(word_at(at + 1)).finish());
        h.push(f(25).str(word_at(at - 3)).finish());
        h.push(f(26).str(word_at(at + 3)).finish());
        h.push(f(27).byte(u8::from(view.cue_lexicon[i])).byte(entity).byte(u8::from(quote)).finish());
        let (left, here, right) = (class_at(at - 1), class_at(at), class_at(at + 1));
        h.push(f(28).u16(here.fine).finish());
        h.push(f(29).u16(left.fine).finish());
        h.push(f(30).u16(right.fine).finish());
        h.push(f(31).u16(left.coarse).u16(here.coarse).u16(right.coarse).finish());
        h.push(f(32).u16(cue_before[i].map_or(WordClass::BOUNDARY, |d| classes[i - d]).fine).byte(before).finish());
        h.push(f(33).u16(cue_after[i].map_or(WordClass::BOUNDARY, |d| classes[i + d]).fine).byte(after).finish());
        h.push(f(34).u16(here.fine).byte(u8::from(quote)).byte(entity).finish());
        out.offsets.push(out.hashes.len());
    }
}

/// What the second pass reads of a block, owned (for training): each token's sentence and
/// lower-case word.
#[derive(Clone, Debug, Default)]
pub struct PassContext {
    sentence_bounds: Vec<(u32, u32)>,
    lower: Vec<String>,
}

impl PassContext {
    /// [`second_pass_features`] of this block.
    pub fn features(&self, first: &[Tag], out: &mut SentenceFeatures) {
        second_pass_features(&self.sentence_bounds, &self.lower, first, out);
    }
}

impl BlockView<'_> {
    /// The part of the view the second pass reads, owned.
    pub fn pass_context(&self) -> PassContext {
        PassContext { sentence_bounds: self.sentence_bounds.clone(), lower: self.lower.clone() }
    }
}

/// The features of the second pass over a block (each token's sentence bounds and
/// lower-case word), read from the first pass's tags into `out` (cleared first): the role
/// tags around each token, which roles its sentence holds, the distance to the nearest
/// tagged cue and source either side, and the word of that cue.
fn second_pass_features(sentence_bounds: &[(u32, u32)], lower: &[String], first: &[Tag], out: &mut SentenceFeatures) {
    out.hashes.clear();
    out.offsets.clear();
    out.offsets.push(0);
    let n = first.len().min(lower.len());
    let f = FeatureHasher::new;
    let role_of = |tag: Tag| tag.label().and_then(Role::of_label);
    let is = |i: usize, role: Role| role_of(first[i]) == Some(role);
    // The nearest token of a role before / after each token, in its sentence.
    let nearest = |role: Role, forward: bool| -> Vec<Option<usize>> {
        let mut found = vec![None; n];
        let mut last = None;
        let order: Box<dyn Iterator<Item = usize>> = if forward { Box::new(0..n) } else { Box::new((0..n).rev()) };
        for i in order {
            let j = if forward { i.wrapping_sub(1) } else { i + 1 };
            if j < n && sentence_bounds[j] != sentence_bounds[i] {
                last = None;
            }
            found[i] = last;
            if is(i, role) {
                last = Some(i);
            }
        }
        found
    };
    let (cue_before, cue_after) = (nearest(Role::Cue, true), nearest(Role::Cue, false));
    let (source_before, source_after) = (nearest(Role::Source, true), nearest(Role::Source, false));
    let tag_at = |k: isize| -> u8 {
        if k < 0 || k >= n as isize {
            255
        } else {
            first[k as usize].index() as u8
        }
    };
    let role_at = |k: isize| -> u8 {
        if k < 0 || k >= n as isize {
            255
        } else {
            role_of(first[k as usize]).map_or(0, |r| 1 + r as u8)
        }
    };
    for i in 0..n {
        let (start, end) = sentence_bounds[i];
        let holds = |role: Role| (start as usize..end as usize).any(|k| is(k, role));
        let at = i as isize;
        let before_cue = distance_bucket(cue_before[i].map(|c| i - c));
        let after_cue = distance_bucket(cue_after[i].map(|c| c - i));
        let before_source = distance_bucket(source_before[i].map(|c| i - c));
        let after_source = distance_bucket(source_after[i].map(|c| c - i));
        let cue_word = |c: Option<usize>| c.map_or(BOUNDARY, |c| lower[c].as_str());
        let w0 = lower[i].as_str();
        let h = &mut out.hashes;
        h.push(f(100).byte(tag_at(at)).finish());
        h.push(f(101).byte(tag_at(at - 1)).byte(tag_at(at)).finish());
        h.push(f(102).byte(tag_at(at)).byte(tag_at(at + 1)).finish());
        h.push(f(103).byte(role_at(at - 2)).byte(role_at(at - 1)).byte(role_at(at + 1)).byte(role_at(at + 2)).finish());
        h.push(f(104).byte(u8::from(holds(Role::Source))).byte(u8::from(holds(Role::Cue))).byte(u8::from(holds(Role::Content))).finish());
        h.push(f(105).byte(before_cue).byte(after_cue).byte(role_at(at)).finish());
        h.push(f(106).byte(before_source).byte(after_source).byte(role_at(at)).finish());
        h.push(f(107).str(cue_word(cue_before[i])).byte(before_cue).finish());
        h.push(f(108).str(cue_word(cue_after[i])).byte(after_cue).finish());
        h.push(f(109).str(w0).byte(role_at(at)).finish());
        h.push(f(110).byte(before_cue).byte(after_cue).byte(before_source).byte(after_source).finish());
        out.offsets.push(out.hashes.len());
    }
}

/// A tagged span: tokens `start..end` of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleSpan {
    pub role: Role,
    pub start: usize,
    pub end: usize,
}

/// The BILOU tags of gold spans given as token ranges. Cues win over sources and sources
/// over contents where they overlap (a content that holds another attribution's source
/// and cue keeps the tokens around them, as separate pieces).
pub fn gold_tags(len: usize, spans: &[RoleSpan]) -> Vec<Tag> {
    let mut owner: Vec<Option<(Role, usize)>> = vec![None; len];
    let mut order: Vec<(usize, &RoleSpan)> = spans.iter().enumerate().collect();
    order.sort_by_key(|(_, s)| match s.role {
        Role::Cue => 0,
        Role::Source => 1,
        Role::Content => 2,
    });
    for (id, span) in order {
        for slot in owner.iter_mut().take(span.end.min(len)).skip(span.start) {
            if slot.is_none() {
                *slot = Some((span.role, id));
            }
        }
    }
    let mut tags = vec![Tag::OUTSIDE; len];
    let mut i = 0;
    while i < len {
        let Some((role, id)) = owner[i] else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < len && owner[j] == Some((role, id)) {
            j += 1;
        }
        let label = role.label();
        if j - i == 1 {
            tags[i] = Tag::new(label, Position::Unit);
        } else {
            tags[i] = Tag::new(label, Position::Begin);
            for tag in &mut tags[i + 1..j - 1] {
                *tag = Tag::new(label, Position::Inside);
            }
            tags[j - 1] = Tag::new(label, Position::Last);
        }
        i = j;
    }
    tags
}

/// The attribution tagger.
#[derive(Clone, Debug)]
pub struct AttributionTagger {
    model: Model,
}

impl AttributionTagger {
    pub fn new(model: Model) -> AttributionTagger {
        AttributionTagger { model }
    }

    /// The tagger with the model that ships in the repository, loaded once.
    pub fn shipped() -> Result<&'static AttributionTagger, ModelError> {
        static TAGGER: OnceLock<Result<AttributionTagger, ModelError>> = OnceLock::new();
        TAGGER.get_or_init(|| Model::from_bytes(SHIPPED).map(AttributionTagger::new)).as_ref().map_err(Clone::clone)
    }

    /// The cue lexicon the model was trained with.
    pub fn lexicon(&self) -> &Gazetteer {
        &self.model.gazetteer
    }

    /// The source, cue and content spans of a block (marked with [`Self::lexicon`]), in order.
    pub fn tag(&self, view: &BlockView) -> Vec<RoleSpan> {
        let mut features = SentenceFeatures::default();
        block_features(view, &mut features);
        let mut emissions: Vec<[f32; TAG_COUNT]> = Vec::new();
        self.model.emissions(&features, &mut emissions);
        let mut tags = viterbi(&emissions, &self.model.transitions);
        if self.model.passes > 1 {
            let mut extra = SentenceFeatures::default();
            second_pass_features(&view.sentence_bounds, &view.lower, &tags, &mut extra);
            // The first pass's scores are the second pass's base: only its features are added.
            self.model.add_emissions(&extra, &mut emissions);
            tags = viterbi(&emissions, &self.model.transitions);
        }
        bilou_spans(&tags)
            .into_iter()
            .filter_map(|(start, end, label)| Some(RoleSpan { role: Role::of_label(label)?, start, end }))
            .collect()
    }
}

/// One attribution relation in a block, as token ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relation {
    pub source: Option<(usize, usize)>,
    pub cue: (usize, usize),
    pub content: Option<(usize, usize)>,
}

/// Token distance between two ranges (0 when they touch or overlap).
fn gap(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// Joins the tagged spans of a block into relations: every cue takes the nearest source of
/// its sentence (a source may serve several cues: "X said …, adding …"), and contents are
/// given to cues one to one, nearest pairs first, a content in the cue's sentence before
/// one further away.
pub fn pair(view: &BlockView, spans: &[RoleSpan]) -> Vec<Relation> {
    let of = |role: Role| -> Vec<(usize, usize)> { spans.iter().filter(|s| s.role == role).map(|s| (s.start, s.end)).collect() };
    let (cues, sources, contents) = (of(Role::Cue), of(Role::Source), of(Role::Content));
    let mut relations: Vec<Relation> = cues
        .iter()
        .map(|&cue| {
            let sentence = view.sentence_of(cue.0);
            let source = sources
                .iter()
                .filter(|s| view.sentence_of(s.0) == sentence)
                .min_by_key(|&&s| (gap(s, cue), usize::from(s.0 > cue.0)))
                .copied();
            Relation { source, cue, content: None }
        })
        .collect();
    let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (c, relation) in relations.iter().enumerate() {
        let sentence = view.sentence_of(relation.cue.0);
        for (k, &content) in contents.iter().enumerate() {
            let other_sentence = usize::from((content.0..content.1).all(|i| view.sentence_of(i) != sentence));
            candidates.push((other_sentence, gap(content, relation.cue), c, k));
        }
    }
    candidates.sort_unstable();
    let mut content_taken = vec![false; contents.len()];
    for (_, _, c, k) in candidates {
        if relations[c].content.is_none() && !content_taken[k] {
            relations[c].content = Some(contents[k]);
            content_taken[k] = true;
        }
    }
    relations
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clitic_parts_from_its_word() {
        assert_eq!(clitic_start("He’s"), Some(2));
        assert_eq!(clitic_start("She'll"), Some(3));
        assert_eq!(clitic_start("Trump's"), Some(5));
        assert_eq!(clitic_start("they’re"), Some(4));
        for word in ["didn't", "O'Brien", "’s", "rock'n'roll", "said"] {
            assert_eq!(clitic_start(word), None, "{word}");
        }
    }

    fn view_of(words: &[&'static str], sentence_lengths: &[usize]) -> BlockView<'static> {
        let mut view = BlockView::default();
        let mut at = 0;
        let mut first = 0u32;
        for &len in sentence_lengths {
            for _ in 0..len {
                let word = words[view.tokens.len()];
                view.tokens.push(Span::new(at, at + word.len()).unwrap());
                at += word.len() + 1;
                view.words.push(word);
                view.lower.push(word.to_lowercase());
                view.sentence_bounds.push((first, first + len as u32));
                view.in_quote.push(false);
                view.entity.push(None);
                view.cue_word.push(lexicon::is_speech_verb(word));
                view.cue_lexicon.push(false);
            }
            first += len as u32;
        }
        view
    }

    #[test]
    fn gold_tags_prefer_cues_and_sources_inside_contents() {
        let spans = [
            RoleSpan { role: Role::Content, start: 2, end: 7 },
            RoleSpan { role: Role::Source, start: 0, end: 1 },
            RoleSpan { role: Role::Cue, start: 1, end: 2 },
            RoleSpan { role: Role::Source, start: 3, end: 5 },
        ];
        let tags = gold_tags(8, &spans);
        let spans = bilou_spans(&tags);
        assert_eq!(
            spans,
            vec![
                (0, 1, Label::Person),
                (1, 2, Label::Organisation),
                (2, 3, Label::Location),
                (3, 5, Label::Person),
                (5, 7, Label::Location)
            ]
        );
    }

    #[test]
    fn pairing_shares_sources_and_gives_each_content_once() {
        // "Ana said the port is shut , adding talks failed ." and a second sentence whose
        // cue has no source.
        let words = ["Ana", "said", "the", "port", "is", "shut", ",", "adding", "talks", "failed", ".", "reports", "said", "nothing", "."];
        let view = view_of(&words, &[11, 4]);
        let span = |role, start, end| RoleSpan { role, start, end };
        let spans = [
            span(Role::Source, 0, 1),
            span(Role::Cue, 1, 2),
            span(Role::Content, 2, 6),
            span(Role::Cue, 7, 8),
            span(Role::Content, 8, 10),
            span(Role::Cue, 12, 13),
        ];
        let relations = pair(&view, &spans);
        assert_eq!(
            relations,
            vec![
                Relation { source: Some((0, 1)), cue: (1, 2), content: Some((2, 6)) },
                Relation { source: Some((0, 1)), cue: (7, 8), content: Some((8, 10)) },
                Relation { source: None, cue: (12, 13), content: None },
            ]
        );
    }

    #[test]
    fn the_shipped_model_loads_and_reads_a_plain_report() {
        use crate::{entities::EntityRecognizer, sentences::SentenceSplitter, structure::PlainTextStructure, tokens::Tokenizer};
        use parallax_core::layer::{Blocks, Entities, Sentences, Tokens};
        use parallax_core::{Document, Stage};
        let tagger = AttributionTagger::shipped().expect("the shipped model loads");
        let text = "Harbour strike enters third week\n\nThe mayor said on Monday that the port would reopen next week.";
        let mut doc = Document::new("t", text, Default::default());
        for stage in [&PlainTextStructure as &dyn Stage, &SentenceSplitter, &Tokenizer, &EntityRecognizer] {
            stage.annotate(&mut doc).unwrap();
        }
        let layers = (doc.layer::<Blocks>().unwrap(), doc.layer::<Sentences>().unwrap(), doc.layer::<Tokens>().unwrap());
        let mut views = block_views(text, layers.0, layers.1, layers.2, doc.layer::<Entities>().unwrap());
        let view = views.last_mut().unwrap();
        view.mark_cues(tagger.lexicon());
        let relations = pair(view, &tagger.tag(view));
        let slice = |range: Option<(usize, usize)>| range.and_then(|(a, b)| view.span(a, b)).map(|s| &text[s.range()]);
        let read: Vec<(Option<&str>, Option<&str>)> = relations.iter().map(|r| (slice(r.source), slice(Some(r.cue)))).collect();
        assert_eq!(read, [(Some("The mayor"), Some("said"))], "{relations:?}");
        assert!(slice(relations[0].content).is_some_and(|c| c.contains("the port would reopen")), "{relations:?}");
    }

    #[test]
    fn distance_buckets_grow() {
        let buckets: Vec<u8> = [None, Some(1), Some(2), Some(4), Some(8), Some(16), Some(40)].map(distance_bucket).to_vec();
        assert_eq!(buckets, [0, 1, 2, 3, 4, 5, 6]);
    }
}
