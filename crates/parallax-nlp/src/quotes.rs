//! Quotes: direct, mixed and indirect, with speaker, cue and content.
//!
//! Quotation marks are paired within a paragraph, so a quote may span sentences. A quoted
//! passage is speech when a speech verb stands next to it (`“…,” X said`, `X said: “…”`,
//! `said X`) or when it opens a paragraph right after a quote by the same speaker (a
//! continuation). A short quoted fragment inside reported speech makes a mixed quote; a
//! short quoted phrase with no speech around it is not a quote (it may be a scare quote,
//! which the framing stage reads). Indirect speech is "X said that …" without marks.
//! Speakers resolve to canonical entities; "he"/"she" resolve to the last person named.

use crate::lexicon::{self, contains_ci};
use crate::text_util::words;
use parallax_core::layer::{Blocks, Entities, Quotes, Sentences};
use parallax_core::{Document, EntityLabel, EntityMention, LayerKind, Quote, QuoteKind, Source, Span, Stage, StageError};

pub struct QuoteFinder;

impl Stage for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Blocks, LayerKind::Sentences, LayerKind::Entities]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Quotes]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text().as_str();
        let quotes = find_quotes(text, doc.layer::<Blocks>()?, doc.layer::<Sentences>()?, doc.layer::<Entities>()?);
        doc.set_layer::<Quotes>(quotes)?;
        Ok(())
    }
}

/// A pair of quotation marks and what lies between them.
#[derive(Clone, Copy, Debug)]
pub struct QuotedPassage {
    /// From the opening mark to the closing mark, inclusive.
    pub outer: Span,
    /// Between the marks.
    pub inner: Span,
}

/// Pairs quotation marks inside `block`: curly marks by direction, straight double marks
/// alternately. An unclosed quote runs to the end of the block.
pub fn quoted_passages(text: &str, block: Span) -> Vec<QuotedPassage> {
    let Some(body) = text.get(block.range()) else { return Vec::new() };
    let base = block.start();
    let mut passages = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in body.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((i, c)),
            (None, '"') => open = Some((i, c)),
            (Some((start, opener)), '”' | '»' | '"') if opener != '"' || c == '"' => {
                let (Ok(outer), Ok(inner)) =
                    (Span::new(base + start, base + i + c.len_utf8()), Span::new(base + start + opener.len_utf8(), base + i))
                else {
                    continue;
                };
                passages.push(QuotedPassage { outer, inner });
                open = None;
            }
            (Some((start, opener)), '“') if opener == '“' => open = Some((i, c)).or(Some((start, opener))),
            _ => {}
        }
    }
    if let Some((start, opener)) = open {
        if let (Ok(outer), Ok(inner)) = (Span::new(base + start, block.end()), Span::new(base + start + opener.len_utf8(), block.end())) {
            if !inner.is_empty() {
                passages.push(QuotedPassage { outer, inner });
            }
        }
    }
    passages
}

/// A quote being assembled, with its speaker phrase.
struct Found {
    quote: Quote,
    block: usize,
}

/// Finds quotes in the article.
pub fn find_quotes(
    text: &str,
    blocks: &[parallax_core::Block],
    sentences: &[parallax_core::Sentence],
    entities: &[EntityMention],
) -> Vec<Quote> {
    let mut found: Vec<Found> = Vec::new();
    for (block_index, block) in blocks.iter().enumerate() {
        let block_sentences: Vec<Span> = sentences.iter().map(|s| s.span).filter(|s| block.span.contains(*s)).collect();
        if block_sentences.is_empty() {
            continue;
        }
        let passages = quoted_passages(text, block.span);
        let mut covered: Vec<Span> = Vec::new();
        for passage in &passages {
            let content = trim_span(text, passage.inner);
            let Some(content) = content else { continue };
            // The sentence where the quote opens, and the one where it closes.
            let opening = block_sentences.iter().copied().find(|s| s.overlaps(passage.outer)).unwrap_or(block.span);
            let closing = block_sentences.iter().copied().rev().find(|s| s.overlaps(passage.outer)).unwrap_or(block.span);
            let word_count = words(&text[content.range()]).count();
            let before = speaker_before(text, passage.outer, opening, entities);
            let after = speaker_after(text, passage.outer, closing.cover(passage.outer), entities);
            // "X said, “…”" is explicit; otherwise "“…,” X said"; otherwise a cue further back.
            let attribution = match before {
                Some(b) if b.2 => Some(b),
                other => after.or(other),
            };
            let follows_quote = text[block.span.start()..passage.outer.start()].trim().is_empty()
                || found.last().is_some_and(|f| {
                    f.block == block_index
                        && f.quote.content.end() <= passage.outer.start()
                        && text[f.quote.content.end()..passage.outer.start()].split_whitespace().count() <= 6
                });
            let previous_speaker = found
                .last()
                .filter(|f| f.block + 1 >= block_index && f.quote.kind == QuoteKind::Direct)
                .and_then(|f| f.quote.source.clone());
            let (kind, source, cue) = match attribution {
                Some((source, cue, adjacent)) if word_count >= 4 && adjacent => (QuoteKind::Direct, Some(source), Some(cue)),
                Some((source, cue, _)) => (QuoteKind::Mixed, Some(source), Some(cue)),
                None if follows_quote && word_count >= 6 && previous_speaker.is_some() => (QuoteKind::Direct, previous_speaker, None),
                None if word_count >= 8 => (QuoteKind::Direct, None, None),
                None => continue,
            };
            let sentence = opening;
            covered.push(sentence);
            found.push(Found { quote: Quote { kind, source, cue, content }, block: block_index });
        }
        for &sentence in &block_sentences {
            if covered.iter().any(|c| c.overlaps(sentence)) {
                continue;
            }
            if let Some(quote) = indirect_quote(text, sentence, entities) {
                found.push(Found { quote, block: block_index });
            }
        }
    }
    resolve_pronouns(text, &mut found, entities);
    found.into_iter().map(|f| f.quote).collect()
}

fn trim_span(text: &str, span: Span) -> Option<Span> {
    crate::text_util::trimmed(text, span.start(), span.end()).map(|s| {
        let inner = &text[s.range()];
        let trimmed = inner.trim_end_matches([',', ' ']);
        Span::new(s.start(), s.start() + trimmed.len()).unwrap_or(s)
    })
}

/// `“…,” X said` or `“…,” said X`: the speaker after the closing mark. Returns the source,
/// the cue, and whether the cue sits right by the quote (a full direct quote).
fn speaker_after(text: &str, quote: Span, limit: Span, entities: &[EntityMention]) -> Option<(Source, Span, bool)> {
    let after = text.get(quote.end()..limit.end())?;
    let trimmed = after.trim_start_matches([',', ' ', '\u{a0}']);
    let offset = quote.end() + (after.len() - trimmed.len());
    let ws = word_spans(trimmed, offset);
    let first = ws.first()?;
    let second = ws.get(1);
    if lexicon::is_speech_verb(&text[first.range()]) {
        // "said X": the speaker runs to the next punctuation.
        let speaker_end = ws.iter().skip(1).take_while(|w| !text[w.range()].ends_with(['.', ','])).count() + 1;
        let last = ws.get(speaker_end.min(ws.len() - 1))?;
        let speaker = Span::new(second?.start(), last.end()).ok()?;
        let speaker = Span::new(speaker.start(), speaker.start() + text[speaker.range()].trim_end_matches(['.', ',']).len()).ok()?;
        return Some((source_for(text, speaker, entities), *first, true));
    }
    // "X said", X being up to six words.
    let word_texts: Vec<&str> = ws.iter().map(|w| &text[w.range()]).collect();
    let verb = (0..ws.len().min(7)).find(|&k| lexicon::is_speech_cue(&word_texts, k))?;
    if verb == 0 {
        return None;
    }
    let mut last = verb - 1;
    while last > 0 && matches!(&text[ws[last].range()], "has" | "have" | "had" | "also" | "then") {
        last -= 1;
    }
    let speaker = Span::new(ws[0].start(), ws[last].end()).ok()?;
    let cue = Span::new(ws[verb].start(), ws[verb].start() + text[ws[verb].range()].trim_end_matches(['.', ',']).len()).ok()?;
    let speaker_text = &text[speaker.range()];
    if speaker_text.contains(['“', '"', '.']) {
        return None;
    }
    Some((source_for(text, speaker, entities), cue, true))
}

/// `X said: “…”` or `X said that … “…”`: the speaker before the opening mark, in the same
/// sentence. `adjacent` is false when words stand between cue and quote (a mixed quote).
fn speaker_before(text: &str, quote: Span, sentence: Span, entities: &[EntityMention]) -> Option<(Source, Span, bool)> {
    let before = text.get(sentence.start()..quote.start())?;
    let ws = word_spans(before, sentence.start());
    let word_texts: Vec<&str> = ws.iter().map(|w| &text[w.range()]).collect();
    let verb = (0..ws.len()).rev().find(|&k| lexicon::is_speech_cue(&word_texts, k))?;
    let cue_word = ws[verb];
    let cue = Span::new(cue_word.start(), cue_word.start() + text[cue_word.range()].trim_end_matches([',', ':']).len()).ok()?;
    let between = text[cue.end()..quote.start()].trim();
    // "warned in a speech to reporters: “…”" introduces the quote as directly as "said, “…”".
    let adjacent = between.trim_matches([',', ':']).trim().is_empty() || between.ends_with(':');
    let subject = subject_before(text, &ws[..verb], entities)?;
    Some((source_for(text, subject, entities), cue, adjacent))
}

/// The subject noun phrase before a verb: the nearest entity mention, or else the words
/// back to a clause boundary.
fn subject_before(text: &str, ws: &[Span], entities: &[EntityMention]) -> Option<Span> {
    let last = *ws.last()?;
    // "Nikol Pashinyan, the chairman of …, announced": a comma right before the verb closes
    // an apposition, so the subject is the sentence's first phrase.
    if text[last.range()].ends_with(',') {
        let first_comma = ws.iter().position(|w| text[w.range()].ends_with(','))?;
        if first_comma + 1 < ws.len() {
            let end = ws[first_comma].start() + text[ws[first_comma].range()].trim_end_matches(',').len();
            let head = Span::new(ws[0].start(), end).ok()?;
            // "A docker, Jonas Reed, said": the apposition holds the name.
            let named_in_head = entities.iter().any(|e| e.label == EntityLabel::Person && head.contains(e.span));
            let named_later =
                entities.iter().find(|e| e.label == EntityLabel::Person && e.span.start() >= end && e.span.end() <= last.end());
            return match named_later {
                Some(person) if !named_in_head => Some(person.span),
                _ => Some(head),
            };
        }
    }
    let mut start = ws.len() - 1;
    while start > 0 {
        let prev = &text[ws[start - 1].range()];
        let word = prev.trim_end_matches(',');
        let closes_clause = prev.ends_with([',', '.', '”', '"', ';', ':']);
        if closes_clause || matches!(word, "and" | "but" | "while" | "While" | "that" | "when") {
            break;
        }
        start -= 1;
        if ws.len() - start > 8 {
            break;
        }
    }
    // A leading conjunction or adverb is not part of the subject ("But Blinken said").
    while start + 1 < ws.len() && matches!(&text[ws[start].range()], "But" | "And" | "While" | "However," | "Meanwhile," | "Yet" | "So") {
        start += 1;
    }
    let mut phrase = Span::new(ws[start].start(), last.end()).ok()?;
    // Skip adverbs between subject and verb ("Russia has also said").
    let phrase_words: Vec<Span> = ws[start..].to_vec();
    let trimmed_end = phrase_words.iter().rposition(|w| {
        !matches!(
            &text[w.range()],
            "also" | "has" | "have" | "had" | "then" | "later" | "again" | "further" | "reportedly" | "released" | "a" | "statement"
        )
    });
    if let Some(end) = trimmed_end {
        phrase = Span::new(phrase.start(), phrase_words[end].end()).ok()?;
    }
    // "…, calling it “nonsense” and said": a phrase with no name and no description falls
    // back to the last person named earlier in the sentence.
    let first_word = text[phrase.range()].split_whitespace().next().map(str::to_lowercase);
    let is_description =
        matches!(first_word.as_deref(), Some("a" | "an" | "the" | "one" | "two" | "some" | "he" | "she" | "they" | "it" | "we" | "i"));
    let has_entity = entities.iter().any(|e| phrase.contains(e.span));
    if !has_entity && !is_description {
        let sentence_start = ws[0].start();
        let person = entities
            .iter()
            .rev()
            .find(|e| e.label == EntityLabel::Person && e.span.start() >= sentence_start && e.span.end() <= phrase.start());
        if let Some(person) = person {
            return Some(person.span);
        }
    }
    (!text[phrase.range()].is_empty()).then_some(phrase)
}

/// "X said that …" with no quotation marks: an indirect quote.
fn indirect_quote(text: &str, sentence: Span, entities: &[EntityMention]) -> Option<Quote> {
    let body = &text[sentence.range()];
    if body.contains(['“', '”', '"']) {
        return None;
    }
    let ws = word_spans(body, sentence.start());
    for (k, w) in ws.iter().enumerate().skip(1) {
        // "said that …", and "told me that …" / "told reporters that …".
        let that_at = match (ws.get(k + 1).map(|n| &text[n.range()]), ws.get(k + 2).map(|n| &text[n.range()])) {
            (Some("that"), _) => k + 1,
            (Some(_), Some("that")) => k + 2,
            _ => continue,
        };
        let word_texts: Vec<&str> = ws.iter().map(|w| &text[w.range()]).collect();
        if !lexicon::is_speech_cue(&word_texts, k) {
            continue;
        }
        let subject = subject_before(text, &ws[..k], entities)?;
        let content_start = ws[that_at].end();
        let content = crate::text_util::trimmed(text, content_start, sentence.end())?;
        let content = Span::new(content.start(), content.start() + text[content.range()].trim_end_matches(['.', '!']).len()).ok()?;
        if words(&text[content.range()]).count() < 3 {
            return None;
        }
        return Some(Quote { kind: QuoteKind::Indirect, source: Some(source_for(text, subject, entities)), cue: Some(*w), content });
    }
    None
}

/// A source for the speaker phrase at `span`: the person, organisation or place entity
/// inside it when there is one.
fn source_for(text: &str, span: Span, entities: &[EntityMention]) -> Source {
    let inside: Vec<&EntityMention> = entities.iter().filter(|e| span.contains(e.span)).collect();
    let best = inside
        .iter()
        .find(|e| e.label == EntityLabel::Person)
        .or_else(|| inside.iter().rev().find(|e| e.label == EntityLabel::Organisation))
        .or_else(|| inside.iter().find(|e| e.label == EntityLabel::Place));
    // "An EU spokesperson", "the leader of Kazakhstan": a role, not the organisation or
    // place named inside it.
    let phrase = text[span.range()].to_lowercase();
    let is_role = phrase.split(|c: char| !c.is_alphanumeric()).any(|w| contains_ci(lexicon::ROLE_NOUNS, w));
    match best {
        Some(e) if e.label == EntityLabel::Person || !is_role => Source { span, canonical: Some(e.canonical.clone()) },
        _ if is_role => Source { span, canonical: Some(description(&phrase)) },
        _ => Source { span, canonical: None },
    }
}

/// A speaker description without its article: "An EU spokesperson" → "EU spokesperson".
fn description(phrase: &str) -> String {
    let trimmed = phrase.trim_end_matches([',', '.']);
    let rest = ["a ", "an ", "the "].iter().find_map(|d| trimmed.strip_prefix(d)).unwrap_or(trimmed);
    rest.to_owned()
}

/// Resolves "he"/"she"/"they" speakers to the previous quote's speaker or the last person
/// mentioned before the quote.
fn resolve_pronouns(text: &str, found: &mut [Found], entities: &[EntityMention]) {
    for i in 0..found.len() {
        let Some(source) = &found[i].quote.source else { continue };
        let word = text[source.span.range()].to_lowercase();
        if !matches!(word.as_str(), "he" | "she" | "they") {
            continue;
        }
        let at = source.span.start();
        let last_person =
            entities.iter().rfind(|e| e.label == EntityLabel::Person && e.span.end() <= at).map(|e| (e.span.start(), e.canonical.clone()));
        let previous = found[..i].iter().rev().find_map(|f| {
            let s = f.quote.source.as_ref()?;
            let written = text[s.span.range()].to_lowercase();
            let name = s.canonical.clone().or_else(|| (!matches!(written.as_str(), "he" | "she" | "they")).then(|| description(&written)));
            name.map(|n| (s.span.start(), Some(n)))
        });
        let canonical = match (last_person, previous) {
            (Some((a, person)), Some((b, _))) if a >= b => Some(person),
            (_, Some((_, speaker))) => speaker,
            (Some((_, person)), None) => Some(person),
            (None, None) => None,
        };
        if let Some(source) = &mut found[i].quote.source {
            source.canonical = canonical;
        }
    }
}

/// Spans of whitespace-separated words in `s`, which starts at `offset` in the text.
fn word_spans(s: &str, offset: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(st), true) => {
                spans.extend(Span::new(offset + st, offset + i).ok());
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        spans.extend(Span::new(offset + st, offset + s.len()).ok());
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{entities::EntityRecognizer, sentences::SentenceSplitter, structure::PlainTextStructure, tokens::Tokenizer};

    fn quotes(text: &str) -> Vec<(QuoteKind, String, Option<String>, String)> {
        let mut doc = Document::new("t", text, Default::default());
        for stage in [&PlainTextStructure as &dyn Stage, &SentenceSplitter, &Tokenizer, &EntityRecognizer, &QuoteFinder] {
            stage.annotate(&mut doc).unwrap();
        }
        doc.layer::<Quotes>()
            .unwrap()
            .iter()
            .map(|q| {
                let source = q.source.as_ref().map(|s| doc.slice(s.span).to_owned()).unwrap_or_default();
                (q.kind, source, q.source.as_ref().and_then(|s| s.canonical.clone()), doc.slice(q.content).to_owned())
            })
            .collect()
    }

    #[test]
    fn direct_quotes_with_speaker_after_and_before() {
        let got = quotes("Interior Minister Petra Halvik spoke. “The port will reopen on Thursday,” Halvik said.\nA docker, Jonas Reed, said: “We will not go back to work for these wages.”");
        assert_eq!(got[0], (QuoteKind::Direct, "Halvik".into(), Some("Petra Halvik".into()), "The port will reopen on Thursday".into()));
        assert_eq!(got[1].0, QuoteKind::Direct);
        assert_eq!(got[1].2.as_deref(), Some("Jonas Reed"));
    }

    #[test]
    fn pronoun_speakers_continuations_and_mixed_quotes() {
        let got = quotes(
            "Mayor Ana Duval visited the docks.\n“We want calm in the city and in the port,” she said.\n“Nobody should be hurt for asking for fair pay, nobody at all.”\nDuval said that police would “show restraint” at the gates.",
        );
        assert_eq!(got[0].2.as_deref(), Some("Ana Duval"), "{got:?}");
        assert_eq!((got[1].0, got[1].2.as_deref()), (QuoteKind::Direct, Some("Ana Duval")), "{got:?}");
        assert_eq!((got[2].0, got[2].2.as_deref(), got[2].3.as_str()), (QuoteKind::Mixed, Some("Ana Duval"), "show restraint"), "{got:?}");
    }

    #[test]
    fn indirect_quotes_and_scare_quotes() {
        let got = quotes(
            "The Interior Ministry said that 31 workers had died in the clashes.\nTroops began a “stabilisation mission” on Tuesday.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].2.as_deref()), (QuoteKind::Indirect, Some("Interior Ministry")));
    }
}
