//! Named entities from capitalisation, titles, word lists and context.
//!
//! A first, rule-based recogniser: runs of capitalised tokens (with "of"/"for" inside
//! organisation names, initials such as "J."), sentence-initial common words dropped,
//! titles stripped from person names, then typed by organisation heads and starts, a
//! place and demonym list, titles, speech verbs and place prepositions. Within the article
//! a surname, a near-miss spelling of a surname, an acronym or a bare title resolves to the
//! fuller name seen elsewhere in it.

use crate::lexicon::{self, contains_ci};
use crate::text_util::is_capitalised;
use parallax_core::layer::{Entities, Sentences, Tokens};
use parallax_core::{Document, EntityLabel, EntityMention, LayerKind, Span, Stage, StageError, Token, TokenKind};
use std::collections::{HashMap, HashSet};

pub struct EntityRecognizer;

impl Stage for EntityRecognizer {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Sentences, LayerKind::Tokens]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Entities]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let mentions = find_entities(doc.text().as_str(), doc.layer::<Sentences>()?, doc.layer::<Tokens>()?);
        doc.set_layer::<Entities>(mentions)?;
        Ok(())
    }
}

/// A candidate before canonical names are settled.
#[derive(Clone, Debug)]
struct Candidate {
    span: Span,
    label: EntityLabel,
    name: String,
    /// The title phrase in front of a person's name ("U.S. Secretary of State").
    title: Option<String>,
    /// A bare title that names someone by role only.
    title_only: bool,
}

/// Finds entity mentions in the sentences of `text`.
pub fn find_entities(text: &str, sentences: &[parallax_core::Sentence], tokens: &[Token]) -> Vec<EntityMention> {
    let lowercase_words: HashSet<&str> =
        tokens.iter().map(|t| &text[t.span.range()]).filter(|w| w.chars().next().is_some_and(char::is_lowercase)).collect();
    let mut candidates = Vec::new();
    let mut token_index = 0;
    for sentence in sentences {
        while token_index < tokens.len() && tokens[token_index].span.start() < sentence.span.start() {
            token_index += 1;
        }
        let first = token_index;
        while token_index < tokens.len() && tokens[token_index].span.end() <= sentence.span.end() {
            token_index += 1;
        }
        let words: Vec<Word> =
            tokens[first..token_index].iter().map(|t| Word { span: t.span, text: &text[t.span.range()], kind: t.kind }).collect();
        candidates.extend(sentence_candidates(&words, &lowercase_words));
    }
    canonicalise(candidates)
}

#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    span: Span,
    text: &'a str,
    kind: TokenKind,
}

impl Word<'_> {
    fn bare(&self) -> &str {
        self.text.strip_suffix("’s").or_else(|| self.text.strip_suffix("'s")).unwrap_or(self.text)
    }

    fn is_cap(&self) -> bool {
        self.kind == TokenKind::Word && is_capitalised(self.text)
    }

    fn is_acronym(&self) -> bool {
        let bare = self.bare().replace('.', "");
        (2..=6).contains(&bare.len()) && bare.chars().all(|c| c.is_ascii_uppercase())
    }
}

/// Runs of capitalised words in one sentence, typed.
fn sentence_candidates(words: &[Word], lowercase_words: &HashSet<&str>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let first_word = words.iter().position(|w| w.kind == TokenKind::Word);
    let mut i = 0;
    while i < words.len() {
        if !words[i].is_cap() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < words.len() {
            let w = &words[end];
            let prev = &words[end - 1];
            let next_is_cap = words.get(end + 1).is_some_and(Word::is_cap);
            let extends = (w.is_cap() && !prev.text.ends_with("’s") && !prev.text.ends_with("'s"))
                || (matches!(w.text, "of" | "for") && next_is_cap && connects(&words[start..end]))
                || (w.text == "." && prev.text.chars().count() == 1 && prev.is_cap() && next_is_cap);
            if extends {
                end += 1;
            } else if matches!(w.text, "’" | "'")
                && prev.is_cap()
                && prev.text.ends_with('s')
                && w.span.start() == prev.span.end()
                && next_is_cap
            {
                // "Dockworkers’ Federation": a plural possessive inside a name.
                end += 1;
            } else {
                break;
            }
        }
        let mut run = &words[start..end];
        if run.len() > 1 && matches!(run[0].text, "The" | "A" | "An") {
            run = &run[1..];
        }
        if Some(start) == first_word && !run.is_empty() {
            let opener = run[0].bare();
            let lower = opener.to_lowercase();
            let is_common = contains_ci(lexicon::STOPWORDS, opener) || lowercase_words.contains(lower.as_str());
            let is_known = lexicon::canonical_place(opener).is_some() || lexicon::place_of_demonym(opener).is_some();
            if is_common && !is_known {
                run = &run[1..];
            }
        }
        let before = words[..start].iter().rev().find(|w| w.kind == TokenKind::Word).map(|w| w.text);
        let after = words.get(end).map(|w| w.text);
        out.extend(classify(run, before, after, words.get(end..).unwrap_or(&[])));
        i = end;
    }
    out
}

/// Whether "of"/"for" may continue this run: inside organisation names and titles
/// ("Ministry of Interior", "Secretary of State").
fn connects(run: &[Word]) -> bool {
    run.iter().any(|w| contains_ci(lexicon::ORG_STARTS, w.text) || matches!(w.text, "Secretary" | "Minister" | "Ministry"))
}

/// Types a run of capitalised words, splitting off leading places, demonyms and titles.
fn classify(run: &[Word], before: Option<&str>, after: Option<&str>, rest: &[Word]) -> Vec<Candidate> {
    let mut out = Vec::new();
    if run.is_empty() {
        return out;
    }
    let joined = |ws: &[Word]| -> String {
        let mut s = String::new();
        for (k, w) in ws.iter().enumerate() {
            // Follow the text's own spacing: "J." and "Dockworkers’" stay joined.
            if k > 0 && w.span.start() != ws[k - 1].span.end() {
                s.push(' ');
            }
            s.push_str(if k + 1 == ws.len() { w.bare() } else { w.text });
        }
        s
    };
    let span_of = |ws: &[Word]| {
        let last = ws[ws.len() - 1];
        let end = last.span.start() + last.bare().len();
        Span::new(ws[0].span.start(), end).unwrap_or(ws[0].span)
    };
    let whole = joined(run);
    let last = run[run.len() - 1].bare();

    // Organisations by their head or first word, and known aliases.
    if contains_ci(lexicon::ORG_HEADS, last) || contains_ci(lexicon::ORG_STARTS, run[0].text) {
        out.push(org(span_of(run), whole));
        return out;
    }
    if let Some(org_name) = lexicon::canonical_org(&whole) {
        out.push(Candidate {
            span: span_of(run),
            label: EntityLabel::Organisation,
            name: org_name.to_owned(),
            title: None,
            title_only: false,
        });
        return out;
    }
    // A whole run that is a place or a demonym.
    if lexicon::canonical_place(&whole).or_else(|| lexicon::country_of_capital(&whole)).is_some() {
        out.push(Candidate {
            span: span_of(run),
            label: EntityLabel::Place,
            name: lexicon::canonical_place(&whole).unwrap_or(&whole).to_owned(),
            title: None,
            title_only: false,
        });
        return out;
    }
    if run.len() == 1 {
        if let Some(place) = lexicon::place_of_demonym(last) {
            // "Russian foreign ministry": a demonym heading a lower-case institution.
            let institution: Vec<&Word> =
                rest.iter().take(3).take_while(|w| w.kind == TokenKind::Word && w.text.chars().all(char::is_lowercase)).collect();
            if let Some(head) = institution.iter().position(|w| contains_ci(lexicon::ORG_NOUNS, w.text)) {
                let words_in: Vec<&str> = institution[..=head].iter().map(|w| w.text).collect();
                let name = format!("{} {}", last, title_case(&words_in.join(" ")));
                let span = Span::new(run[0].span.start(), institution[head].span.end()).unwrap_or(run[0].span);
                out.push(org(span, name));
            } else {
                out.push(Candidate {
                    span: span_of(run),
                    label: EntityLabel::Group,
                    name: place.to_owned(),
                    title: None,
                    title_only: false,
                });
            }
            return out;
        }
    }
    // Leading places, demonyms and titles: "U.S. Secretary of State Antony Blinken".
    let mut k = 0;
    let mut title_start = None;
    while k < run.len() {
        let w = run[k].text;
        let is_place = lexicon::canonical_place(run[k].bare()).is_some() || lexicon::place_of_demonym(w).is_some();
        let is_title = contains_ci(lexicon::PERSON_TITLES, w) || (w == "of" && k > 0) || (w == "State" && k > 0);
        if is_place
            && k + 1 < run.len()
            && (contains_ci(lexicon::PERSON_TITLES, run[k + 1].text) || run[k].is_acronym() || lexicon::place_of_demonym(w).is_some())
        {
            let label = if lexicon::place_of_demonym(w).is_some() { EntityLabel::Group } else { EntityLabel::Place };
            let name = lexicon::canonical_place(run[k].bare()).or_else(|| lexicon::place_of_demonym(w)).unwrap_or(w);
            if title_start.is_none() {
                out.push(Candidate { span: span_of(&run[k..=k]), label, name: name.to_owned(), title: None, title_only: false });
            }
            k += 1;
        } else if is_title {
            title_start.get_or_insert(k);
            k += 1;
        } else {
            break;
        }
    }
    let title = title_start.map(|_| joined(&run[..k]));
    let name_part = &run[k..];
    if name_part.is_empty() {
        if let Some(title) = title {
            if title_start.is_some() && run.len() >= 2 {
                out.push(Candidate {
                    span: span_of(run),
                    label: EntityLabel::Person,
                    name: title.clone(),
                    title: Some(title),
                    title_only: true,
                });
            }
        }
        return out;
    }
    let name = joined(name_part);
    let span = span_of(name_part);
    let has_title = title_start.is_some() || before.is_some_and(|b| contains_ci(lexicon::ROLE_NOUNS, b));
    let speaks = after.is_some_and(lexicon::is_speech_verb);
    let after_place_preposition = before.is_some_and(|b| lexicon::PLACE_PREPOSITIONS.contains(&b));
    let place_shaped =
        contains_ci(lexicon::PLACE_STARTS, name_part[0].text) || contains_ci(lexicon::PLACE_HEADS, name_part[name_part.len() - 1].bare());
    if name_part.len() == 1 && name_part[0].is_acronym() {
        out.push(org(span, name));
    } else if !has_title && (place_shaped || (after_place_preposition && !speaks)) {
        out.push(Candidate { span, label: EntityLabel::Place, name, title: None, title_only: false });
    } else if has_title || speaks || (name_part.len() >= 2 && name_part.len() <= 4 && name_part.iter().all(|w| !w.is_acronym())) {
        out.push(Candidate { span, label: EntityLabel::Person, name, title, title_only: false });
    } else if before.is_some_and(|b| matches!(b, "in" | "from" | "to" | "of" | "near" | "across" | "at" | "into" | "outside")) {
        out.push(Candidate { span, label: EntityLabel::Place, name, title: None, title_only: false });
    } else if name_part.len() == 1 {
        // An unknown single word: kept as a person only if a fuller name explains it later.
        out.push(Candidate { span, label: EntityLabel::Person, name, title: None, title_only: true });
    } else {
        out.push(org(span, name));
    }
    out
}

fn org(span: Span, name: String) -> Candidate {
    Candidate { span, label: EntityLabel::Organisation, name, title: None, title_only: false }
}

fn title_case(words: &str) -> String {
    words
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Settles canonical names within the article: surnames, near-miss surnames, acronyms and
/// bare titles resolve to the fullest name seen; unresolved guesses are dropped.
fn canonicalise(candidates: Vec<Candidate>) -> Vec<EntityMention> {
    // Full names in text order: a bare surname refers to the last full name with that
    // surname introduced before it (so that "Halvik" early in an article is not taken for a
    // different Halvik introduced later).
    let full_people: Vec<(usize, String)> = candidates
        .iter()
        .filter(|c| c.label == EntityLabel::Person && !c.title_only && c.name.split(' ').count() >= 2)
        .map(|c| (c.span.start(), without_initials(&c.name)))
        .collect();
    let resolve = |name: &str, at: usize| resolve_person(name, at, &full_people);
    let titled_names: HashSet<&str> =
        candidates.iter().filter(|c| c.label == EntityLabel::Person && !c.title_only).map(|c| c.name.as_str()).collect();
    let mut title_holder: HashMap<String, String> = HashMap::new();
    for c in &candidates {
        if let (Some(title), false) = (&c.title, c.title_only) {
            title_holder.entry(title.clone()).or_insert_with(|| resolve(&without_initials(&c.name), c.span.start()));
        }
    }
    let org_names: Vec<&str> =
        candidates.iter().filter(|c| c.label == EntityLabel::Organisation && c.name.contains(' ')).map(|c| c.name.as_str()).collect();
    let mut mentions = Vec::new();
    for c in &candidates {
        let (label, canonical) = match c.label {
            EntityLabel::Person if c.title_only && c.title.is_some() => match title_holder.get(c.title.as_deref().unwrap_or("")) {
                Some(person) => (EntityLabel::Person, person.clone()),
                None => continue,
            },
            EntityLabel::Person if c.title_only => {
                // An unknown capitalised word counts as a person only when a surer mention
                // of that person (a full name, or a titled name) explains it.
                let resolved = resolve(&c.name, c.span.start());
                if resolved == c.name && !titled_names.contains(c.name.as_str()) {
                    continue;
                }
                (EntityLabel::Person, resolved)
            }
            EntityLabel::Person => (EntityLabel::Person, resolve(&without_initials(&c.name), c.span.start())),
            EntityLabel::Organisation => {
                let expansion = org_names.iter().find(|full| initials(full) == c.name.replace('.', ""));
                (EntityLabel::Organisation, expansion.map_or_else(|| c.name.clone(), |e| (*e).to_owned()))
            }
            label => (label, c.name.clone()),
        };
        mentions.push(EntityMention { span: c.span, label, canonical });
    }
    mentions.sort_by_key(|m| m.span.start());
    mentions.dedup_by(|a, b| a.span.overlaps(b.span));
    mentions
}

/// "Antony J. Blinken" → "Antony Blinken".
pub fn without_initials(name: &str) -> String {
    let kept: Vec<&str> = name
        .split(' ')
        .filter(|w| !(w.len() <= 2 && w.chars().next().is_some_and(char::is_uppercase) && (w.len() == 1 || w.ends_with('.'))))
        .collect();
    if kept.is_empty() {
        name.to_owned()
    } else {
        kept.join(" ").replace(" .", "")
    }
}

/// A surname (or a one-letter misspelling of one) resolves to the last full name with it
/// introduced before `at`.
fn resolve_person(name: &str, at: usize, full_people: &[(usize, String)]) -> String {
    if name.contains(' ') {
        return name.to_owned();
    }
    let surname = |full: &str| full.rsplit(' ').next().unwrap_or(full).to_owned();
    let earlier = || full_people.iter().filter(|(position, _)| *position < at);
    if let Some((_, full)) = earlier().rfind(|(_, full)| surname(full) == name) {
        return full.clone();
    }
    if name.chars().count() >= 5 {
        let mut near: Vec<&String> =
            earlier().filter(|(_, full)| edit_distance_at_most_one(&surname(full), name)).map(|(_, full)| full).collect();
        near.sort();
        near.dedup();
        if near.len() == 1 {
            return near[0].clone();
        }
    }
    name.to_owned()
}

/// Initials of the capitalised words ("Collective Security Treaty Organization" → "CSTO").
pub fn initials(name: &str) -> String {
    name.split([' ', '-']).filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect()
}

/// True when `a` and `b` differ by at most one substitution, insertion or deletion.
pub fn edit_distance_at_most_one(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    a.len().max(b.len()) - prefix - suffix <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences::SentenceSplitter, structure::PlainTextStructure, tokens::Tokenizer};

    fn entities(text: &str) -> Vec<(String, &'static str, String)> {
        let mut doc = Document::new("t", text, Default::default());
        for stage in [&PlainTextStructure as &dyn Stage, &SentenceSplitter, &Tokenizer, &EntityRecognizer] {
            stage.annotate(&mut doc).unwrap();
        }
        doc.layer::<Entities>().unwrap().iter().map(|e| (doc.slice(e.span).to_owned(), e.label.as_str(), e.canonical.clone())).collect()
    }

    fn has(found: &[(String, &'static str, String)], surface: &str, label: &str, canonical: &str) -> bool {
        found.iter().any(|(s, l, c)| s == surface && *l == label && c == canonical)
    }

    #[test]
    fn people_with_titles_initials_surnames_and_misspellings() {
        let found = entities(
            "U.S. Secretary of State Ilsa K. Marnova spoke on Thursday. Later Marnova left. \
             But Marmova warned reporters. The U.S. Secretary of State said nothing more.",
        );
        assert!(has(&found, "Ilsa K. Marnova", "PERSON", "Ilsa Marnova"), "{found:?}");
        assert!(has(&found, "Marnova", "PERSON", "Ilsa Marnova"), "{found:?}");
        assert!(has(&found, "Marmova", "PERSON", "Ilsa Marnova"), "{found:?}");
        assert!(has(&found, "U.S.", "LOC", "United States"), "{found:?}");
    }

    #[test]
    fn organisations_acronyms_and_demonyms() {
        let found = entities(
            "The Northern Maritime Compact sent troops. NMC units arrived in Valdoria. \
             The Eastland foreign ministry objected, and the Ministry of Interior of Valdoria said nothing. Kazakh police watched.",
        );
        assert!(has(&found, "Northern Maritime Compact", "ORG", "Northern Maritime Compact"), "{found:?}");
        assert!(has(&found, "NMC", "ORG", "Northern Maritime Compact"), "{found:?}");
        assert!(has(&found, "Valdoria", "LOC", "Valdoria"), "{found:?}");
        assert!(has(&found, "Ministry of Interior of Valdoria", "ORG", "Ministry of Interior of Valdoria"), "{found:?}");
        assert!(has(&found, "Kazakh police", "ORG", "Kazakh Police"), "{found:?}");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let found = entities("According to officials, the port closed. However, Dana Ruiz stayed.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(has(&found, "Dana Ruiz", "PERSON", "Dana Ruiz"));
    }

    #[test]
    fn edit_distance() {
        assert!(edit_distance_at_most_one("Blinken", "Brinken"));
        assert!(edit_distance_at_most_one("Marnova", "Marnov"));
        assert!(!edit_distance_at_most_one("Marnova", "Mornavo"));
    }
}
