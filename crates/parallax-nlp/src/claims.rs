//! Count claims: {killed, security forces, (18, ∞), attributed to none}.
//!
//! Each counted quantity is tied to the nearest predicate word of its clause (killed,
//! wounded, arrested, deployed, …) and to a normalised group read from what is counted
//! (officers → security forces, protestors → protesters, soldiers → troops). Its
//! attribution is the speaker of the quote it sits in, or the source named in its
//! sentence ("according to …", "X said …", "…, police say").

use crate::lexicon;
use crate::text_util::stem;
use parallax_core::layer::{Claims, Entities, Quantities, Quotes, Sentences};
use parallax_core::{
    Claim, ClaimKind, Document, EntityLabel, EntityMention, LayerKind, Quantity, QuantityKind, Quote, Source, Span, Stage, StageError,
};

pub struct ClaimExtractor;

impl Stage for ClaimExtractor {
    fn name(&self) -> &'static str {
        "claims"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Sentences, LayerKind::Entities, LayerKind::Quantities, LayerKind::Quotes]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Claims]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text().as_str();
        let claims =
            find_claims(text, doc.layer::<Sentences>()?, doc.layer::<Quantities>()?, doc.layer::<Quotes>()?, doc.layer::<Entities>()?);
        doc.set_layer::<Claims>(claims)?;
        Ok(())
    }
}

/// Predicate words: (word, kind, normalised predicate).
const PREDICATES: &[(&str, ClaimKind, &str)] = &[
    ("killed", ClaimKind::Casualty, "killed"),
    ("killing", ClaimKind::Casualty, "killed"),
    ("kill", ClaimKind::Casualty, "killed"),
    ("dead", ClaimKind::Casualty, "killed"),
    ("died", ClaimKind::Casualty, "killed"),
    ("die", ClaimKind::Casualty, "killed"),
    ("deaths", ClaimKind::Casualty, "killed"),
    ("death", ClaimKind::Casualty, "killed"),
    ("slain", ClaimKind::Casualty, "killed"),
    ("fatalities", ClaimKind::Casualty, "killed"),
    ("lives", ClaimKind::Casualty, "killed"),
    ("wounded", ClaimKind::Casualty, "injured"),
    ("wounding", ClaimKind::Casualty, "injured"),
    ("injured", ClaimKind::Casualty, "injured"),
    ("injuring", ClaimKind::Casualty, "injured"),
    ("injuries", ClaimKind::Casualty, "injured"),
    ("hurt", ClaimKind::Casualty, "injured"),
    ("icu", ClaimKind::Casualty, "in intensive care"),
    ("intensive", ClaimKind::Casualty, "in intensive care"),
    ("hospitalised", ClaimKind::Casualty, "in hospital"),
    ("hospitalized", ClaimKind::Casualty, "in hospital"),
    ("hospital", ClaimKind::Casualty, "in hospital"),
    ("missing", ClaimKind::Casualty, "missing"),
    ("arrested", ClaimKind::Detention, "detained"),
    ("arresting", ClaimKind::Detention, "detained"),
    ("arrests", ClaimKind::Detention, "detained"),
    ("detained", ClaimKind::Detention, "detained"),
    ("detaining", ClaimKind::Detention, "detained"),
    ("detentions", ClaimKind::Detention, "detained"),
    ("custody", ClaimKind::Detention, "detained"),
    ("deployed", ClaimKind::Deployment, "deployed"),
    ("deploying", ClaimKind::Deployment, "deployed"),
    ("deployment", ClaimKind::Deployment, "deployed"),
    ("sent", ClaimKind::Deployment, "deployed"),
    ("sending", ClaimKind::Deployment, "deployed"),
    ("dispatched", ClaimKind::Deployment, "deployed"),
    ("arrived", ClaimKind::Deployment, "deployed"),
    ("stationed", ClaimKind::Deployment, "deployed"),
    ("protested", ClaimKind::Participation, "took part"),
    ("rallied", ClaimKind::Participation, "took part"),
    ("marched", ClaimKind::Participation, "took part"),
    ("gathered", ClaimKind::Participation, "took part"),
    ("strike", ClaimKind::Participation, "took part"),
];

/// Head nouns of armed forces; a count of them with no other predicate is a deployment.
const TROOP_NOUNS: &[&str] =
    &["troop", "soldier", "peacekeeper", "paratrooper", "force", "unit", "personnel", "servicemen", "serviceman", "military", "army"];
/// Head nouns of police and security forces.
const SECURITY_NOUNS: &[&str] = &["police", "policeman", "policemen", "officer", "security", "guard", "gendarme"];
/// Head nouns (and labels) for crowds and those the authorities oppose.
const CROWD_NOUNS: &[&str] = &[
    "protester",
    "protestor",
    "demonstrator",
    "striker",
    "worker",
    "docker",
    "rioter",
    "criminal",
    "bandit",
    "terrorist",
    "robber",
    "looter",
    "militant",
    "hooligan",
    "agitator",
    "saboteur",
    "gang",
    "activist",
    "insurgent",
    "extremist",
];

/// Finds count claims.
pub fn find_claims(
    text: &str,
    sentences: &[parallax_core::Sentence],
    quantities: &[Quantity],
    quotes: &[Quote],
    entities: &[EntityMention],
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for quantity in quantities.iter().filter(|q| q.kind == QuantityKind::Count) {
        let Some(sentence) = sentences.iter().map(|s| s.span).find(|s| s.contains(quantity.span)) else { continue };
        let clause = clause_around(text, sentence, quantity.span);
        let Some((kind, predicate)) = nearest_predicate(text, clause, quantity) else { continue };
        let subject = subject_group(text, clause, quantity, kind);
        let attribution = quotes
            .iter()
            .find(|q| q.content.contains(quantity.span))
            .and_then(|q| q.source.clone())
            .or_else(|| attribution_in(text, sentence, quantity.span, entities));
        claims.push(Claim {
            kind,
            predicate: predicate.to_owned(),
            subject,
            value: Some(quantity.value),
            value_span: Some(quantity.span),
            evidence: sentence,
            attribution,
        });
    }
    claims
}

/// The clause of `sentence` holding `at`: bounded by ";", ", while", " while ", ", but".
fn clause_around(text: &str, sentence: Span, at: Span) -> Span {
    let body = &text[sentence.range()];
    let mut start = sentence.start();
    let mut end = sentence.end();
    for separator in ["; ", ", while ", " while ", ", but ", ", whereas "] {
        for (i, _) in body.match_indices(separator) {
            let cut = sentence.start() + i;
            if cut + separator.len() <= at.start() && cut + separator.len() > start {
                start = cut + separator.len();
            } else if cut >= at.end() && cut < end {
                end = cut;
            }
        }
    }
    Span::new(start, end).unwrap_or(sentence)
}

/// Lower-cased words of `span` with their spans.
fn lower_words(text: &str, span: Span) -> Vec<(Span, String)> {
    let body = &text[span.range()];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices().chain(std::iter::once((body.len(), ' '))) {
        let is_word = c.is_alphanumeric() || c == '-';
        match (start, is_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                if let Ok(sp) = Span::new(span.start() + s, span.start() + i) {
                    out.push((sp, body[s..i].to_lowercase()));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The predicate nearest to the quantity in its clause; ties go to the word after it.
fn nearest_predicate(text: &str, clause: Span, quantity: &Quantity) -> Option<(ClaimKind, &'static str)> {
    let words = lower_words(text, clause);
    let position = words.iter().position(|(s, _)| s.end() > quantity.span.start()).unwrap_or(words.len());
    let end_position = words.iter().position(|(s, _)| s.start() >= quantity.span.end()).unwrap_or(words.len());
    let mut best: Option<(usize, ClaimKind, &'static str)> = None;
    for (k, (_, word)) in words.iter().enumerate() {
        let Some(&(_, kind, predicate)) = PREDICATES.iter().find(|(w, _, _)| w == word) else { continue };
        let distance = if k >= end_position {
            (k - end_position) * 2
        } else if k < position {
            (position - k) * 2 + 1
        } else {
            continue;
        };
        if best.map_or(true, |(d, _, _)| distance < d) {
            best = Some((distance, kind, predicate));
        }
    }
    if let Some((_, kind, predicate)) = best {
        return Some((kind, predicate));
    }
    // "2,500 soldiers in Kazakhstan", "the peacekeepers are about 2,500": a count of troops.
    let counted_is_troops = quantity.counted_head.as_deref().is_some_and(|h| TROOP_NOUNS.contains(&stem(h).as_str()));
    let clause_names_troops = quantity.counted.is_none() && words.iter().any(|(_, w)| TROOP_NOUNS.contains(&stem(w).as_str()));
    (counted_is_troops || clause_names_troops).then_some((ClaimKind::Deployment, "deployed"))
}

/// The normalised group a claim is about.
fn subject_group(text: &str, clause: Span, quantity: &Quantity, kind: ClaimKind) -> String {
    let counted: Vec<String> = match quantity.counted {
        Some(span) => lower_words(text, span).into_iter().map(|(_, w)| stem(&w)).collect(),
        None => Vec::new(),
    };
    let words: Vec<String> = if counted.is_empty() && kind == ClaimKind::Deployment {
        lower_words(text, clause).into_iter().map(|(_, w)| stem(&w)).collect()
    } else {
        counted
    };
    let any = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if kind == ClaimKind::Deployment && any(TROOP_NOUNS) {
        "troops".to_owned()
    } else if any(SECURITY_NOUNS) || (kind == ClaimKind::Casualty && any(TROOP_NOUNS)) {
        "security forces".to_owned()
    } else if any(CROWD_NOUNS) {
        "protesters".to_owned()
    } else if kind == ClaimKind::Deployment {
        "troops".to_owned()
    } else {
        "people".to_owned()
    }
}

/// The source a sentence gives for a figure: "according to X", "X said (that) …" before
/// the figure, or "…, X say(s)/said." at the end.
fn attribution_in(text: &str, sentence: Span, at: Span, entities: &[EntityMention]) -> Option<Source> {
    let body = &text[sentence.range()];
    let lower = body.to_lowercase();
    if let Some(i) = lower.find("according to ") {
        let start = sentence.start() + i + "according to ".len();
        let rest = &text[start..sentence.end()];
        let len = rest.find([',', '.', ';']).unwrap_or(rest.len());
        let span = crate::text_util::trimmed(text, start, start + len)?;
        return Some(source(text, span, entities));
    }
    let words = lower_words(text, sentence);
    // "…, police say." / "…, officials said."
    let n = words.len();
    if n >= 2 && lexicon::is_speech_verb(&text[words[n - 1].0.range()]) && words[n - 1].0.start() > at.end() {
        let before_subject = &text[sentence.start()..words[n - 2].0.start()];
        if before_subject.trim_end().ends_with(',') {
            let span = Span::new(words[n - 2].0.start(), words[n - 2].0.end()).ok()?;
            return Some(source(text, span, entities));
        }
    }
    // "X said …" before the figure.
    let originals: Vec<&str> = words.iter().map(|(s, _)| &text[s.range()]).collect();
    let verb = (0..words.len()).find(|&k| {
        let (s, w) = &words[k];
        s.end() <= at.start() && lexicon::is_speech_cue(&originals, k) && !matches!(w.as_str(), "called" | "described" | "accused")
    })?;
    if verb == 0 {
        return None;
    }
    let mut first = verb;
    while first > 0 {
        let gap = &text[words[first - 1].0.end()..words[first].0.start()];
        let word = words[first - 1].1.as_str();
        if gap.contains([',', ';', '.']) || matches!(word, "while" | "and" | "but" | "that" | "however") || verb - first >= 7 {
            break;
        }
        first -= 1;
    }
    let mut last = verb - 1;
    while last > first && matches!(words[last].1.as_str(), "also" | "has" | "have" | "had" | "recently" | "reportedly") {
        last -= 1;
    }
    let span = Span::new(words[first].0.start(), words[last].0.end()).ok()?;
    Some(source(text, span, entities))
}

fn source(text: &str, span: Span, entities: &[EntityMention]) -> Source {
    let inside: Vec<&EntityMention> = entities.iter().filter(|e| span.contains(e.span)).collect();
    let best = inside
        .iter()
        .find(|e| e.label == EntityLabel::Person)
        .or_else(|| inside.iter().rev().find(|e| e.label == EntityLabel::Organisation))
        .or_else(|| inside.iter().find(|e| e.label == EntityLabel::Place));
    let canonical = best.map(|e| e.canonical.clone()).or_else(|| {
        let phrase = text[span.range()].trim_start_matches(|c: char| !c.is_alphanumeric());
        let phrase = phrase.strip_prefix("the ").or_else(|| phrase.strip_prefix("The ")).unwrap_or(phrase);
        Some(phrase.to_lowercase())
    });
    Source { span, canonical }
}
