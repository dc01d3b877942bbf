//! Named entities: found and typed by the statistical tagger of `parallax-ner`, named by
//! rules.
//!
//! The tagger (an averaged perceptron trained on CoNLL-2003 news, see
//! `models/ner/MODEL_CARD.md`) reads the article's tokens and finds the spans of people,
//! organisations, places and other names (MISC). The rules then do what the tagger does
//! not: a demonym tagged MISC becomes a NORP group named by its country ("Kazakh" →
//! Kazakhstan), a demonym or place heading an institution stays one organisation ("Russian
//! foreign ministry", "Ministry of Interior of Kazakhstan"), titles in front of a name are
//! kept for canonical names, and bare titles ("the U.S. Secretary of State") name their
//! holder. Within the article a surname, a near-miss spelling of a surname, an acronym or a
//! bare title resolves to the fuller name seen elsewhere in it.
//!
//! The rule-based recogniser that came first (runs of capitalised tokens typed by word
//! lists, titles, speech verbs and place prepositions) still proposes the candidates that
//! the rules above need, and is the whole recogniser should the model ever fail to load.

use crate::lexicon::{self, contains_ci};
use crate::text_util::is_capitalised;
use parallax_core::layer::{Entities, Sentences, Tokens};
use parallax_core::{Document, EntityLabel, EntityMention, LayerKind, Span, Stage, StageError, Token, TokenKind};
use std::borrow::Cow;
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
        let mut mentions = find_entities(doc.text().as_str(), doc.layer::<Sentences>()?, doc.layer::<Tokens>()?);
        if let Some(outlet) = doc.meta.outlet.as_deref() {
            name_the_outlet(doc.text().as_str(), outlet, &mut mentions);
        }
        doc.set_layer::<Entities>(mentions)?;
        Ok(())
    }
}

/// "told Zhana Dauys", "court records seen by the Echo": the article's own outlet, named in
/// full or, after "the", by the last word of a longer name ("The Sarybel Echo"), is that
/// organisation, whatever the tagger made of an unknown name.
fn name_the_outlet(text: &str, outlet: &str, mentions: &mut [EntityMention]) {
    let full = outlet.strip_prefix("The ").unwrap_or(outlet);
    let last_word = full.rsplit(' ').next().filter(|_| full.contains(' '));
    for mention in mentions.iter_mut() {
        let written = &text[mention.span.range()];
        let after_the = text[..mention.span.start()].trim_end().rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
        // A one-word name ("The Hill", "The Sun") only after "the": "Fiona Hill said" is a person.
        let whole = (written == full || written == outlet) && (full.contains(' ') || after_the);
        if whole || after_the && last_word == Some(written) {
            mention.label = EntityLabel::Organisation;
            mention.canonical = full.to_owned();
            mention.title = None;
        }
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

/// Finds entity mentions in the sentences of `text` with the statistical tagger.
pub fn find_entities(text: &str, sentences: &[parallax_core::Sentence], tokens: &[Token]) -> Vec<EntityMention> {
    find_entities_with(text, sentences, tokens, Recogniser::Statistical)
}

/// Which recogniser proposes and types the entity spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recogniser {
    /// The tagger of `parallax-ner`, completed by the rules (the default).
    Statistical,
    /// The rules alone (capitalised runs typed by word lists), for comparison.
    RulesOnly,
}

/// Finds entity mentions in the sentences of `text` with the given recogniser.
pub fn find_entities_with(
    text: &str,
    sentences: &[parallax_core::Sentence],
    tokens: &[Token],
    recogniser: Recogniser,
) -> Vec<EntityMention> {
    let lowercase_words: HashSet<&str> =
        tokens.iter().map(|t| &text[t.span.range()]).filter(|w| w.chars().next().is_some_and(char::is_lowercase)).collect();
    let mut sentence_words: Vec<Vec<Word>> = Vec::with_capacity(sentences.len());
    let mut token_index = 0;
    for sentence in sentences {
        while token_index < tokens.len() && tokens[token_index].span.start() < sentence.span.start() {
            token_index += 1;
        }
        let first = token_index;
        while token_index < tokens.len() && tokens[token_index].span.end() <= sentence.span.end() {
            token_index += 1;
        }
        sentence_words
            .push(tokens[first..token_index].iter().map(|t| Word { span: t.span, text: &text[t.span.range()], kind: t.kind }).collect());
    }
    let rule_candidates: Vec<Vec<Candidate>> = sentence_words.iter().map(|words| sentence_candidates(words, &lowercase_words)).collect();
    let tagger = match recogniser {
        Recogniser::Statistical => parallax_ner::Tagger::english_news().ok(),
        Recogniser::RulesOnly => None,
    };
    let mut candidates: Vec<Candidate> = match tagger {
        Some(tagger) => {
            let model_input: Vec<ModelTokens> = sentence_words.iter().map(|words| ModelTokens::new(words)).collect();
            let texts: Vec<&[Cow<str>]> = model_input.iter().map(|m| m.texts.as_slice()).collect();
            let tags = tagger.tag_document(&texts);
            sentence_words
                .iter()
                .zip(rule_candidates)
                .zip(model_input.iter().zip(&tags))
                .flat_map(|((words, rules), (input, tags))| {
                    let found: Vec<_> = parallax_ner::tags::bilou_spans(tags)
                        .into_iter()
                        .filter_map(|(start, end, label)| input.words(start, end, label))
                        .collect();
                    merge_with_rules(words, rules, &found)
                })
                .collect()
        }
        // The shipped model is tested to load; this keeps the stage total regardless.
        None => rule_candidates.into_iter().flatten().collect(),
    };
    // "New York-based": a compound that ends a longer name ("New York") names nothing alone.
    let ends_a_name = |words: &[Word], k: usize| {
        k.checked_sub(1).is_some_and(|j| {
            let before = words[j].text;
            is_capitalised(before) && !lexicon::DETERMINERS.contains(&before.to_lowercase().as_str())
        })
    };
    let compounds: Vec<Candidate> = sentence_words
        .iter()
        .flat_map(|words| words.iter().enumerate().filter(|&(k, _)| !ends_a_name(words, k)).filter_map(|(_, word)| name_in_compound(word)))
        .filter(|c| !candidates.iter().any(|other| other.span.overlaps(c.span)))
        .collect();
    if !compounds.is_empty() {
        candidates.extend(compounds);
        candidates.sort_by_key(|c| c.span.start());
    }
    places_in_pairs(&sentence_words, &mut candidates);
    // "US$4.5 million", "HK$20": letters glued to a dollar sign are a currency, not a country;
    // "(Eastwind)" in a dateline is the outlet that filed the story, not one it is about.
    let datelines: Vec<(Span, Option<Span>)> = sentences
        .iter()
        .filter_map(|s| {
            let dateline = crate::text_util::dateline(&text[s.span.range()])?;
            let outlet = dateline.outlet.and_then(|o| Span::new(s.span.start() + o.start, s.span.start() + o.end).ok());
            Some((Span::new(s.span.start(), s.span.start() + dateline.len).ok()?, outlet))
        })
        .collect();
    candidates.retain(|c| !text[c.span.end()..].starts_with('$') && !datelines.iter().any(|(_, o)| o.is_some_and(|o| o.overlaps(c.span))));
    // "TERNOVO, Kelvania (AFP) —": the other names of a dateline say where it was filed.
    // "Kelvania's defence ministry", "Kelvania's president": a single name whose ministry,
    // army or president it is, and that names no person in full, is a country.
    let surnames: HashSet<String> = candidates
        .iter()
        .filter(|c| c.label == EntityLabel::Person && c.name.contains(' '))
        .filter_map(|c| c.name.rsplit(' ').next())
        // "Bashar al-Assad" is "Assad" alone.
        .flat_map(|last| [last.to_owned(), last.rsplit('-').next().unwrap_or(last).to_owned()])
        .collect();
    let states_institution = |c: &Candidate| {
        let after = &text[c.span.end()..];
        let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")) else { return false };
        const STATE: &[&str] = &[
            "ministry",
            "minister",
            "government",
            "army",
            "military",
            "parliament",
            "navy",
            "embassy",
            "president",
            "capital",
            "forces",
            "central",
        ];
        !c.name.contains(' ')
            && !surnames.contains(c.name.as_str())
            && rest.split_whitespace().take(2).any(|w| STATE.contains(&w.trim_end_matches([',', '.', ';', ':']).to_lowercase().as_str()))
    };
    let countries: Vec<usize> = (0..candidates.len())
        // An organisation's name too, unless an acronym ("the EU's parliament").
        .filter(|&i| match candidates[i].label {
            EntityLabel::Person => candidates[i].title.is_none(),
            EntityLabel::Organisation => {
                candidates[i].name.chars().skip(1).all(char::is_lowercase) && !parallax_ner::rules::is_known_name(&candidates[i].name)
            }
            _ => false,
        })
        .filter(|&i| {
            // After the place in capitals and its comma, written in mixed case ("Kelvania",
            // "N.H."): not the words of a heading in capitals ("SANDERS HAS ADVANTAGE -").
            let c = &candidates[i];
            let in_dateline = datelines.iter().any(|(line, _)| {
                line.contains(c.span) && text[line.start()..c.span.start()].contains(',') && c.name.chars().any(char::is_lowercase)
            });
            in_dateline || states_institution(c)
        })
        .collect();
    for i in countries {
        candidates[i].label = EntityLabel::Place;
    }
    // "PORT ALVERA, 14 May (SSN) -": the words in capitals that open a dateline, up to its
    // comma, are the place it was filed from, whatever the tagger made of them ("ALVERA" as a
    // person), named in mixed case.
    for (line, _) in &datelines {
        let Some(head) = text[line.range()].find(',').and_then(|end| Span::new(line.start(), line.start() + end).ok()) else { continue };
        let words = &text[head.range()];
        if words.chars().any(char::is_lowercase) || !words.chars().any(char::is_alphabetic) {
            continue;
        }
        candidates.retain(|c| !c.span.overlaps(head));
        let name = title_case(&words.to_lowercase());
        candidates.push(Candidate { span: head, label: EntityLabel::Place, name, title: None, title_only: false });
    }
    candidates.sort_by_key(|c| c.span.start());
    // "Army destroys rebel depot": a headline's capitalised common noun names no one; nor does
    // an office ("The Commissioner of Police, Garba Yero, said"): a person holds it.
    candidates.retain(|c| {
        let office = c.name.split_once(" of ").is_some_and(|(role, _)| {
            matches!(role, "Commissioner" | "Minister" | "Secretary" | "Director" | "Chief" | "Head" | "Governor" | "Inspector General")
        });
        !(c.label == EntityLabel::Organisation && (office || !c.name.contains(' ') && lexicon::is_institution_noun(&c.name.to_lowercase())))
    });
    let surnames = full_name_surnames(&candidates);
    surnames_are_people(&mut candidates, &surnames);
    common_words_opening_sentences(&sentence_words, &lowercase_words, &surnames, &mut candidates);
    people_in_apposition(text, &mut candidates);
    storms_by_name(&mut candidates);
    one_type_per_place(&mut candidates);
    short_names_of_companies(text, &mut candidates);
    places_of_demonyms(&mut candidates, tokens.iter().map(|t| &text[t.span.range()]));
    let mut mentions = canonicalise(candidates);
    aliases_known_as(text, &mut mentions);
    for mention in mentions.iter_mut().filter(|m| m.label == EntityLabel::Person) {
        mention.title = title_before(text, mention.span.start());
    }
    mentions
}

/// The name inside a hyphenated compound that names a side: "Hamas" in "Hamas-run", "Iran"
/// in "Iran-backed", "Russia" (the group of Russians) in "pro-Russian". The tagger sees the
/// compound as one word and CoNLL-2003 tags it MISC, so the name would otherwise be lost.
/// A demonym is a group named by its country, a listed place a place, anything else an
/// organisation — unless the compound says where ("-based", "-made"). The tails are
/// `parallax_ner::rules::COMPOUND_TAILS`, shared with the tagger's rule.
fn name_in_compound(word: &Word) -> Option<Candidate> {
    let (name, offset) = parallax_ner::rules::compound_parts(word.text)?;
    if name.chars().count() < 2 || !name.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-')) {
        return None;
    }
    let start = word.span.start() + offset;
    let span = Span::new(start, start + name.len()).ok()?;
    // "London-based", "Panama-flagged", "Iran-made": where something is, not who runs it, so
    // a name no list knows is not taken for an organisation.
    let of_a_place = word.text.rsplit_once('-').is_some_and(|(_, tail)| matches!(tail, "based" | "flagged" | "made" | "built" | "style"));
    let candidate = if let Some(country) = lexicon::demonym_place(name) {
        group(span, country)
    } else if let Some(known) = lexicon::canonical_place(name) {
        place(span, known.to_owned())
    } else if of_a_place {
        return None;
    } else {
        org(span, lexicon::canonical_org(name).map_or_else(|| name.to_owned(), str::to_owned))
    };
    Some(candidate)
}

/// "Varnia-Toskar border", "the Russia-Ukraine war": two places joined by a hyphen are two
/// places, when a list knows each or the article names each elsewhere as a place; whatever
/// the tagger made of the pair (one place, a MISC name, nothing) gives way.
fn places_in_pairs(sentence_words: &[Vec<Word>], candidates: &mut Vec<Candidate>) {
    let named: HashSet<String> = candidates.iter().filter(|c| c.label == EntityLabel::Place).map(|c| c.name.clone()).collect();
    let is_place = |part: &str| lexicon::canonical_place(part).map(str::to_owned).or_else(|| named.contains(part).then(|| part.to_owned()));
    let mut pairs = Vec::new();
    for word in sentence_words.iter().flatten() {
        let Some((first, second)) = word.text.split_once('-') else { continue };
        let capitalised = |part: &str| part.chars().count() >= 3 && is_capitalised(part) && part.chars().all(char::is_alphabetic);
        if !capitalised(first) || !capitalised(second) {
            continue;
        }
        let (Some(a), Some(b)) = (is_place(first), is_place(second)) else { continue };
        let start = word.span.start();
        let second_start = start + first.len() + 1;
        if let (Ok(a_span), Ok(b_span)) = (Span::new(start, start + first.len()), Span::new(second_start, second_start + second.len())) {
            pairs.push((word.span, place(a_span, a), place(b_span, b)));
        }
    }
    if pairs.is_empty() {
        return;
    }
    candidates.retain(|c| !pairs.iter().any(|(pair, _, _)| pair.overlaps(c.span)));
    candidates.extend(pairs.into_iter().flat_map(|(_, a, b)| [a, b]));
    candidates.sort_by_key(|c| c.span.start());
}

/// A name whose demonym the text also uses is a place ("Kestria" beside "Kestrian"), and
/// the demonym names a group belonging to it. This reaches countries and regions that no
/// word list knows.
fn places_of_demonyms<'a>(candidates: &mut [Candidate], words: impl Iterator<Item = &'a str>) {
    // "Fatima Karimi" beside "Karim", "Margaret Chin" beside "Chinese": a word of a person
    // named in full is neither a demonym nor a demonym's place.
    let person_words: HashSet<String> = candidates
        .iter()
        .filter(|c| c.label == EntityLabel::Person && c.name.contains(' '))
        .flat_map(|c| c.name.split(' ').map(str::to_string))
        .collect();
    let capitalised: HashSet<&str> = words.filter(|w| is_capitalised(w) && !person_words.contains(*w)).collect();
    // Singular and plural: "Kestrian", "Kestrians".
    let demonyms_of = |name: &str| -> Vec<String> {
        let mut forms = crate::text_util::demonym_forms(name);
        let plurals: Vec<String> = forms.iter().filter(|f| !f.ends_with("ese")).map(|f| format!("{f}s")).collect();
        forms.extend(plurals);
        forms
    };
    // A people is named by its country ("Russian" → Russia) and stays a people.
    let places: HashSet<String> = candidates
        .iter()
        .filter(|c| c.label != EntityLabel::Group && !c.name.contains(' ') && c.name.chars().count() >= 4)
        .filter(|c| !person_words.contains(&c.name))
        .filter(|c| demonyms_of(&c.name).iter().any(|d| capitalised.contains(d.as_str())))
        .map(|c| c.name.clone())
        .collect();
    for candidate in candidates.iter_mut().filter(|c| c.label != EntityLabel::Group) {
        if places.contains(&candidate.name) {
            candidate.label = EntityLabel::Place;
            candidate.title = None;
            candidate.title_only = false;
        } else if let Some(place) = places.iter().find(|place| demonyms_of(place).contains(&candidate.name)) {
            candidate.label = EntityLabel::Group;
            candidate.name = place.clone();
        }
    }
}

/// A sentence's tokens as the tagger's training text had them: "’s" a token of its own,
/// "J." and "Gen." one token with their period.
struct ModelTokens<'a> {
    texts: Vec<Cow<'a, str>>,
    /// The words (first, last) each model token comes from.
    words: Vec<(usize, usize)>,
    /// Whether the model token is a possessive split off its word.
    possessive: Vec<bool>,
}

impl<'a> ModelTokens<'a> {
    fn new(words: &[Word<'a>]) -> ModelTokens<'a> {
        let mut tokens = ModelTokens { texts: Vec::new(), words: Vec::new(), possessive: Vec::new() };
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            let next_is_period = words.get(i + 1).is_some_and(|n| n.text == "." && n.span.start() == w.span.end());
            let abbreviation =
                (w.text.chars().count() == 1 && w.text.chars().all(char::is_uppercase)) || contains_ci(lexicon::ABBREVIATIONS, w.text);
            if next_is_period && abbreviation {
                tokens.push(Cow::Owned(format!("{}.", w.text)), (i, i + 1), false);
                i += 2;
                continue;
            }
            // A plural possessive inside a name: "Dockworkers’ Federation".
            let next_is_apostrophe = words.get(i + 1).is_some_and(|n| matches!(n.text, "’" | "'") && n.span.start() == w.span.end());
            if next_is_apostrophe && w.text.ends_with('s') && w.is_cap() {
                tokens.push(Cow::Owned(format!("{}'", w.text)), (i, i + 1), false);
                i += 2;
                continue;
            }
            let bare = w.bare();
            if bare.len() < w.text.len() {
                tokens.push(Cow::Borrowed(bare), (i, i), false);
                tokens.push(Cow::Borrowed("'s"), (i, i), true);
            } else {
                tokens.push(Cow::Borrowed(w.text), (i, i), false);
            }
            i += 1;
        }
        tokens
    }

    fn push(&mut self, text: Cow<'a, str>, words: (usize, usize), possessive: bool) {
        self.texts.push(text);
        self.words.push(words);
        self.possessive.push(possessive);
    }

    /// The word range of model tokens `start..end`, without a trailing possessive; `None`
    /// for an entity that is only a possessive.
    fn words(&self, start: usize, mut end: usize, label: parallax_ner::Label) -> Option<(usize, usize, parallax_ner::Label)> {
        while end > start && self.possessive[end - 1] {
            end -= 1;
        }
        (end > start).then(|| (self.words[start].0, self.words[end - 1].1 + 1, label))
    }
}

/// The candidates of one sentence from the tagger's entities (`start..end` token ranges):
/// typed by the tagger, named and completed by the rule candidates of the same sentence.
fn merge_with_rules(words: &[Word], rules: Vec<Candidate>, found: &[(usize, usize, parallax_ner::Label)]) -> Vec<Candidate> {
    use parallax_ner::Label;
    let spans: Vec<(Span, Label)> = found.iter().map(|&(start, end, label)| (span_of(&words[start..end]), label)).collect();
    let inside = |outer: Span, inner: Span| outer.start() <= inner.start() && inner.end() <= outer.end();
    let mut out = Vec::new();
    // A rule organisation that holds a tagged organisation or demonym and overlaps no
    // other entity keeps its fuller span: "Russian foreign ministry" (MISC + words),
    // "Ministry of Interior of Kazakhstan" (ORG + LOC).
    let mut taken = vec![false; found.len()];
    for candidate in &rules {
        if candidate.label != EntityLabel::Organisation || candidate.title_only {
            continue;
        }
        let overlapping: Vec<usize> = (0..spans.len()).filter(|&k| spans[k].0.overlaps(candidate.span)).collect();
        let holds_anchor = overlapping.iter().any(|&k| matches!(spans[k].1, Label::Organisation | Label::Misc));
        let all_inside = overlapping.iter().all(|&k| inside(candidate.span, spans[k].0) && !taken[k]);
        let larger = overlapping.iter().all(|&k| spans[k].0 != candidate.span);
        // The words the rules add must be institution words or connectors ("foreign
        // ministry", "of", "Ministry"), not a headline's verbs ("COLORADO AT ST LOUIS").
        let adds_only_institution_words =
            words.iter().filter(|w| inside(candidate.span, w.span) && !overlapping.iter().any(|&k| inside(spans[k].0, w.span))).all(|w| {
                let lower = w.bare().to_lowercase();
                lexicon::ORG_NOUNS.contains(&lower.as_str())
                    || matches!(lower.as_str(), "of" | "for" | "the" | "foreign" | "interior" | "defence" | "defense" | "state")
                    || contains_ci(lexicon::ORG_HEADS, w.bare())
                    || contains_ci(lexicon::ORG_STARTS, w.bare())
            });
        if holds_anchor && all_inside && larger && adds_only_institution_words {
            overlapping.iter().for_each(|&k| taken[k] = true);
            out.push(candidate.clone());
        }
    }
    for (k, &(start, end, label)) in found.iter().enumerate() {
        if taken[k] {
            continue;
        }
        let run = &words[start..end];
        let span = spans[k].0;
        // A title the tagger took into the name ("Secretary of State Antony Blinken" read as
        // "State Antony Blinken"): the rules' titled person wins when only title words
        // are left over. Not against an organisation the tagger read by its head noun
        // ("General Staff", "Defence Forces"). "Staff" is checked here rather than listed in
        // ORG_HEADS, whose other readers would take "Chief of Staff" for an organisation.
        let org_head = run.last().is_some_and(|w| w.bare() == "Staff" || contains_ci(lexicon::ORG_HEADS, w.bare()));
        let titled = rules.iter().find(|c| {
            !(label == Label::Organisation && org_head)
                && c.label == EntityLabel::Person
                && !c.title_only
                && c.title.is_some()
                && c.span != span
                && inside(span, c.span)
                && c.span.end() == span.end()
                && run
                    .iter()
                    .take_while(|w| w.span.start() < c.span.start())
                    .all(|w| is_title_word(w.text) || rules.iter().any(|place| place.span == w.span && place.label == EntityLabel::Place))
        });
        if let Some(person) = titled {
            // "Kharkiv Governor Oleh Syniehubov": the place before the title stays a place.
            out.extend(
                rules
                    .iter()
                    .filter(|place| {
                        place.label == EntityLabel::Place && inside(span, place.span) && place.span.end() <= person.span.start()
                    })
                    .cloned(),
            );
            out.push(person.clone());
            continue;
        }
        // Title words alone ("Interior" in "Interior Minister Petra Halvik") are not a name.
        let before_a_name = words.get(end).is_some_and(|w| w.is_cap());
        if label != Label::Person && before_a_name && run.iter().all(|w| is_title_word(w.text)) {
            continue;
        }
        // Names shaped like places ("Port Vessant", "Ambrel Valley", "North Basin") are
        // places: news from 1996 called many football clubs by their towns, and the tagger
        // leans to organisations for such names it has never seen.
        // Names in capitals (headlines, sports tables) are left to the tagger, which has
        // seen many of them.
        let in_capitals = run.iter().all(|w| !w.text.chars().any(char::is_lowercase));
        let place_shaped = run.len() > 1
            && !in_capitals
            && (contains_ci(lexicon::PLACE_STARTS, run[0].text) || contains_ci(lexicon::PLACE_HEADS, run[run.len() - 1].bare()));
        // Not an organisation the tagger's rules read by what it does: "Aid Sea, a charity
        // that …", "Aid Sea said …".
        let acts_as_organisation = label == Label::Organisation && {
            let after: Vec<&str> = words[end..].iter().take(8).map(|w| w.text).collect();
            after.first().is_some_and(|w| lexicon::is_speech_verb(w))
                || after.first() == Some(&",") && parallax_ner::rules::describes_organisation(&after[1..])
        };
        let label = if place_shaped && !acts_as_organisation && !run.iter().any(|w| contains_ci(lexicon::ORG_HEADS, w.bare())) {
            Label::Location
        } else {
            label
        };
        let name = joined(run);
        let candidate = match label {
            Label::Person => {
                // The rules know the title in front of the name, for canonical names.
                let title =
                    rules.iter().find(|c| c.label == EntityLabel::Person && !c.title_only && c.span == span).and_then(|c| c.title.clone());
                // "Kharkiv Governor Oleh Syniehubov" with only the name tagged: the place the
                // rules read in front of the title is kept, as when the tagger took it all.
                if title.is_some() {
                    out.extend(
                        rules
                            .iter()
                            .filter(|place| place.label == EntityLabel::Place && place.span.end() <= span.start())
                            .filter(|place| !spans.iter().any(|(tagged, _)| tagged.overlaps(place.span)))
                            .filter(|place| {
                                words
                                    .iter()
                                    .filter(|w| place.span.end() <= w.span.start() && w.span.end() <= span.start())
                                    .all(|w| is_title_word(w.text))
                            })
                            .cloned(),
                    );
                }
                Candidate { span, label: EntityLabel::Person, name, title, title_only: false }
            }
            Label::Location => match (lexicon::canonical_place(&name), run.len(), lexicon::demonym_place(run[0].bare())) {
                (Some(known), _, _) => place(span, known.to_owned()),
                // A demonym read as a place ("Somali police") is a people, named by its country.
                (None, 1, Some(country)) => group(span, country),
                _ => place(span, name),
            },
            Label::Organisation => {
                let name = lexicon::canonical_org(&name).map_or(name, str::to_owned);
                org(span, name)
            }
            Label::Misc => match (run.len(), lexicon::demonym_place(run[0].bare())) {
                // Nationalities are NORP, named by their country; a storm's name is an event
                // named with its storm word ("Cyclone Dara"); other MISC names (products,
                // works) have no label here.
                (1, Some(country)) => group(span, country),
                (1, None) if start > 0 && parallax_ner::rules::is_storm_word(words[start - 1].text) => {
                    // "Tropical Storm Alberto", "Super Typhoon Haiyan".
                    let first = if start > 1 && matches!(words[start - 2].text, "Tropical" | "Super") { start - 2 } else { start - 1 };
                    let storm_words: Vec<String> = words[first..start].iter().map(|w| title_case(w.text)).collect();
                    let name = format!("{} {}", storm_words.join(" "), joined(run));
                    Candidate { span: span_of(&words[first..end]), label: EntityLabel::Event, name, title: None, title_only: false }
                }
                _ => continue,
            },
        };
        out.push(candidate);
    }
    // Bare titles name their holder by role ("the U.S. Secretary of State said"); the
    // tagger does not tag them.
    let kept: Vec<Span> = out.iter().map(|c| c.span).collect();
    out.extend(rules.into_iter().filter(|c| c.title_only && c.title.is_some() && !kept.iter().any(|s| s.overlaps(c.span))));
    out.sort_by_key(|c| c.span.start());
    out
}

/// "Dara survivors" after "Cyclone Dara": a storm's name alone is the storm, whatever the
/// tagger made of it.
fn storms_by_name(candidates: &mut [Candidate]) {
    let storms: Vec<String> = candidates.iter().filter(|c| c.label == EntityLabel::Event).map(|c| c.name.clone()).collect();
    for c in candidates.iter_mut().filter(|c| c.label != EntityLabel::Event && !c.name.contains(' ')) {
        if let Some(storm) = storms.iter().find(|s| s.rsplit(' ').next() == Some(c.name.as_str())) {
            c.label = EntityLabel::Event;
            c.name = storm.clone();
            c.title = None;
            c.title_only = false;
        }
    }
}

/// A word that can be part of a title in front of a name.
fn is_title_word(word: &str) -> bool {
    lexicon::is_person_title(word) || matches!(word, "of" | "State" | "the")
}

/// "Norvalis, the company that owns the plant," beside "Norvalis Agrochemical Company JSC":
/// the first word of a company's registered name, alone, is that company, whatever the
/// tagger made of it (a place, a person), and takes its full name.
fn short_names_of_companies(text: &str, candidates: &mut [Candidate]) {
    let companies: Vec<String> = candidates
        .iter()
        .filter(|c| c.label == EntityLabel::Organisation && c.name.split(' ').count() >= 2)
        .filter(|c| lexicon::is_company_name(&c.name))
        .map(|c| c.name.clone())
        .collect();
    // "Tessal" beside "Tessal River" and "Tessal Dam Company" may be either: only a word that
    // opens no other name of the article, and that an apposition once calls a company
    // ("Norvalis, the company that owns the plant,"), is the company's, wherever it stands.
    let longer: Vec<String> = candidates.iter().filter(|c| c.name.contains(' ')).map(|c| c.name.clone()).collect();
    let described: HashSet<String> = candidates
        .iter()
        .filter(|c| !c.name.contains(' '))
        .filter(|c| {
            // The few words after the name, not the rest of the article.
            let rest: String = text[c.span.end()..].trim_start_matches([',', ' ']).chars().take(16).collect::<String>().to_lowercase();
            ["the company", "a company", "which owns", "the firm", "the operator", "the owner"].iter().any(|d| rest.starts_with(d))
        })
        .map(|c| c.name.clone())
        .collect();
    for c in candidates.iter_mut().filter(|c| described.contains(&c.name) && c.title.is_none() && !c.title_only) {
        let opens = |name: &&String| name.split(' ').next() == Some(c.name.as_str());
        let others = longer.iter().filter(opens).filter(|name| !companies.contains(name)).count();
        let mut full = companies.iter().filter(opens);
        if let (Some(name), None, 0) = (full.next(), full.next(), others) {
            c.label = EntityLabel::Organisation;
            c.name = name.clone();
        }
    }
}

/// "Airstrikes hit Khan Younis … fighting in Khan Younis": a name the article uses as a
/// place is a place wherever the tagger read it as a person without a title.
fn one_type_per_place(candidates: &mut [Candidate]) {
    let places: HashSet<String> = candidates.iter().filter(|c| c.label == EntityLabel::Place).map(|c| c.name.clone()).collect();
    for c in candidates.iter_mut() {
        if c.label == EntityLabel::Person && c.title.is_none() && !c.title_only && places.contains(&c.name) {
            c.label = EntityLabel::Place;
        }
    }
}

/// The surnames of the people an article names in full ("Blinken" of "Antony J. Blinken"),
/// read before one-word names are settled (`surnames_are_people` and
/// `common_words_opening_sentences` change only one-word candidates).
fn full_name_surnames(candidates: &[Candidate]) -> Vec<String> {
    candidates
        .iter()
        .filter(|c| c.label == EntityLabel::Person && !c.title_only && c.name.split(' ').count() >= 2)
        .filter_map(|c| without_initials(&c.name).rsplit(' ').next().map(str::to_owned))
        .collect()
}

/// A one-word organisation or place that is the surname of a person named in full in the
/// article, or a one-letter misspelling of one, is that person ("Brinken warned", after
/// "Antony Blinken").
fn surnames_are_people(candidates: &mut [Candidate], surnames: &[String]) {
    for c in candidates.iter_mut() {
        let single = !c.name.contains(' ') && c.name.chars().count() >= 4;
        if !single || !matches!(c.label, EntityLabel::Organisation | EntityLabel::Place) {
            continue;
        }
        let is_surname = surnames.iter().any(|s| *s == c.name || (c.name.chars().count() >= 5 && edit_distance_at_most_one(s, &c.name)));
        if is_surname {
            c.label = EntityLabel::Person;
        }
    }
}

/// "Shipping traffic through the strait fell …": a single word the tagger read as a person
/// where it opens a sentence, and that the article also writes in lower case ("busiest
/// shipping lanes"), is that common word — unless it is the surname of a person named in
/// full ("Rose said …" after "Tom Rose").
fn common_words_opening_sentences(
    sentence_words: &[Vec<Word>],
    lowercase_words: &HashSet<&str>,
    surnames: &[String],
    candidates: &mut Vec<Candidate>,
) {
    let openings: HashSet<usize> =
        sentence_words.iter().filter_map(|words| words.iter().find(|w| w.kind == TokenKind::Word)).map(|w| w.span.start()).collect();
    candidates.retain(|c| {
        let common = c.label == EntityLabel::Person
            && !c.name.contains(' ')
            && c.title.is_none()
            && openings.contains(&c.span.start())
            && lowercase_words.contains(c.name.to_lowercase().as_str());
        !common || surnames.contains(&c.name)
    });
}

/// "Brek, the interior minister, told …": a one-word name that no list knows as a place,
/// followed by a description of one person's role, is that person.
fn people_in_apposition(text: &str, candidates: &mut [Candidate]) {
    for c in candidates.iter_mut() {
        let single = !c.name.contains(' ') && c.name.chars().any(char::is_lowercase);
        if !single || !matches!(c.label, EntityLabel::Organisation | EntityLabel::Place) || lexicon::canonical_place(&c.name).is_some() {
            continue;
        }
        let after = &text[c.span.end()..];
        let Some(rest) = ["the ", "a ", "an "].iter().find_map(|d| after.strip_prefix(", ").and_then(|r| r.strip_prefix(d))) else {
            continue;
        };
        let phrase = &rest[..rest.find([',', '.', ';', '\n']).unwrap_or(rest.len())];
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let head = words
            .iter()
            .position(|w| matches!(*w, "of" | "for" | "at" | "in"))
            .map_or(words.last(), |k| k.checked_sub(1).and_then(|k| words.get(k)));
        let one_person = head.is_some_and(|h| h.ends_with("man") || (!h.ends_with('s') && lexicon::ROLE_NOUNS.contains(h)));
        if words.len() <= 5 && one_person {
            c.label = EntityLabel::Person;
        }
    }
}

/// The words of a run as written, the last without its possessive.
fn joined(ws: &[Word]) -> String {
    let mut s = String::new();
    for (k, w) in ws.iter().enumerate() {
        // Follow the text's own spacing: "J." and "Dockworkers’" stay joined.
        if k > 0 && w.span.start() != ws[k - 1].span.end() {
            s.push(' ');
        }
        s.push_str(if k + 1 == ws.len() { w.bare() } else { w.text });
    }
    s
}

/// The span of a run, the last word without its possessive.
fn span_of(ws: &[Word]) -> Span {
    let last = ws[ws.len() - 1];
    let end = last.span.start() + last.bare().len();
    Span::new(ws[0].span.start(), end).unwrap_or(ws[0].span)
}

#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    span: Span,
    text: &'a str,
    kind: TokenKind,
}

impl<'a> Word<'a> {
    fn bare(&self) -> &'a str {
        match self.text.strip_suffix("’s").or_else(|| self.text.strip_suffix("'s")) {
            Some(bare) if !bare.is_empty() => bare,
            _ => self.text,
        }
    }

    fn is_cap(&self) -> bool {
        self.kind == TokenKind::Word && is_capitalised(self.text)
    }

    fn is_acronym(&self) -> bool {
        parallax_ner::rules::is_acronym(self.bare())
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
            let continues_name = w.is_cap() && !prev.text.ends_with("’s") && !prev.text.ends_with("'s");
            // "Ministry of Interior", "Secretary of State".
            let connector = matches!(w.text, "of" | "for") && next_is_cap && connects(&words[start..end]);
            // "Antony J. Blinken".
            let initial = w.text == "." && prev.text.chars().count() == 1 && prev.is_cap() && next_is_cap;
            // "Dockworkers’ Federation": a plural possessive inside a name.
            let possessive = matches!(w.text, "’" | "'")
                && prev.is_cap()
                && prev.text.ends_with('s')
                && w.span.start() == prev.span.end()
                && next_is_cap;
            if !(continues_name || connector || initial || possessive) {
                break;
            }
            end += 1;
        }
        let mut run = &words[start..end];
        // A capitalised article is not part of a name; and once it is dropped, the rest of
        // the run no longer stands at the start of the sentence.
        let starts_sentence = Some(start) == first_word && !(run.len() > 1 && matches!(run[0].text, "The" | "A" | "An"));
        if run.len() > 1 && matches!(run[0].text, "The" | "A" | "An") {
            run = &run[1..];
        }
        if starts_sentence && !run.is_empty() {
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
        out.push(place(span_of(run), lexicon::canonical_place(&whole).unwrap_or(&whole).to_owned()));
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
                out.push(group(span_of(run), place));
            }
            return out;
        }
    }
    // Leading places, demonyms and titles: "U.S. Secretary of State Antony Blinken". A
    // place no list knows stands before a title too ("Kharkiv Governor Oleh Syniehubov");
    // it is a place when the title governs one ("Governor", "Mayor").
    let mut k = 0;
    let mut title_start = None;
    if let Some(place) = unknown_place_before_title(run) {
        out.extend(place);
        k = 1;
    }
    while k < run.len() {
        let w = run[k].text;
        let is_place = is_known_place(&run[k]);
        let is_title = lexicon::is_person_title(w) || (w == "of" && k > 0) || (w == "State" && k > 0);
        if is_place
            && k + 1 < run.len()
            && (lexicon::is_person_title(run[k + 1].text) || run[k].is_acronym() || lexicon::place_of_demonym(w).is_some())
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
        out.push(place(span, name));
    } else if has_title || speaks || (name_part.len() >= 2 && name_part.len() <= 4 && name_part.iter().all(|w| !w.is_acronym())) {
        out.push(Candidate { span, label: EntityLabel::Person, name, title, title_only: false });
    } else if before.is_some_and(|b| matches!(b, "in" | "from" | "to" | "of" | "near" | "across" | "at" | "into" | "outside")) {
        out.push(place(span, name));
    } else if name_part.len() == 1 {
        // An unknown single word: kept as a person only if a fuller name explains it later.
        out.push(Candidate { span, label: EntityLabel::Person, name, title: None, title_only: true });
    } else {
        out.push(org(span, name));
    }
    out
}

/// Titles that name the holder of a place's office: the word before them is the place.
const TERRITORIAL_TITLES: &[&str] = &["Governor", "Gov.", "Mayor"];

/// A first word no list knows, right before a capitalised title and a name ("Kharkiv
/// Governor Oleh Syniehubov", "Police Chief Ana Ruiz"): `Some(Some(place))` when the title
/// governs a place, `Some(None)` when the word is only passed over, `None` when the run
/// does not start so.
fn unknown_place_before_title(run: &[Word]) -> Option<Option<Candidate>> {
    let [first, title, name, ..] = run else { return None };
    let is_title = |w: &Word| w.is_cap() && lexicon::is_person_title(w.text);
    if is_known_place(first) || is_title(first) || !is_title(title) || !name.is_cap() || is_title(name) || first.is_acronym() {
        return None;
    }
    let territorial = TERRITORIAL_TITLES.contains(&title.text);
    Some(territorial.then(|| place(first.span, first.bare().to_owned())))
}

fn org(span: Span, name: String) -> Candidate {
    Candidate { span, label: EntityLabel::Organisation, name, title: None, title_only: false }
}

fn place(span: Span, name: String) -> Candidate {
    Candidate { span, label: EntityLabel::Place, name, title: None, title_only: false }
}

/// A people (NORP), named by its country.
fn group(span: Span, country: &str) -> Candidate {
    Candidate { span, label: EntityLabel::Group, name: country.to_owned(), title: None, title_only: false }
}

/// Whether `word` is a place or a demonym that the lexicon knows ("Kazakhstan", "Kazakh").
fn is_known_place(word: &Word) -> bool {
    lexicon::canonical_place(word.bare()).is_some() || lexicon::place_of_demonym(word.text).is_some()
}

/// Each word of `words` with its first letter in capitals ("defence ministry" → "Defence
/// Ministry").
pub(crate) fn title_case(words: &str) -> String {
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
    let full_people: Vec<FullName> = candidates
        .iter()
        .filter(|c| c.label == EntityLabel::Person && !c.title_only && c.name.split(' ').count() >= 2)
        .map(|c| FullName { at: c.span.start(), name: without_initials(&c.name), title: c.title.as_deref() })
        .collect();
    // Where each surname is first written, alone or in a full name.
    let mut first_mentions: HashMap<&str, usize> = HashMap::new();
    for c in candidates.iter().filter(|c| c.label == EntityLabel::Person) {
        let surname = c.name.rsplit(' ').next().unwrap_or(&c.name);
        let first = first_mentions.entry(surname).or_insert(c.span.start());
        *first = (*first).min(c.span.start());
    }
    // `name` as `c` is written (its surname, or without initials) resolved to a full name.
    let resolve = |name: &str, c: &Candidate| {
        let at = c.span.start();
        let first = first_mentions.get(name).is_none_or(|&first| first >= at);
        resolve_person(name, at, first.then_some(c.title.as_deref()), &full_people)
    };
    let titled_names: HashSet<&str> =
        candidates.iter().filter(|c| c.label == EntityLabel::Person && !c.title_only).map(|c| c.name.as_str()).collect();
    let mut title_holder: HashMap<String, String> = HashMap::new();
    for c in &candidates {
        if let (Some(title), false) = (&c.title, c.title_only) {
            title_holder.entry(title.clone()).or_insert_with(|| resolve(&without_initials(&c.name), c));
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
                let resolved = resolve(&c.name, c);
                if resolved == c.name && !titled_names.contains(c.name.as_str()) {
                    continue;
                }
                (EntityLabel::Person, resolved)
            }
            EntityLabel::Person => (EntityLabel::Person, resolve(&without_initials(&c.name), c)),
            EntityLabel::Organisation => {
                let expansion = org_names.iter().find(|full| initials(full) == c.name.replace('.', ""));
                let name = expansion.map_or_else(|| c.name.clone(), |e| (*e).to_owned());
                (EntityLabel::Organisation, national_ministry(&name).unwrap_or(name))
            }
            label => (label, c.name.clone()),
        };
        mentions.push(EntityMention { span: c.span, label, canonical, title: None });
    }
    // A place or a person in capitals ("MAROVKA, Dravia (Reuters) -" in a dateline, "FALLIN:"
    // in a transcript) is the name the article writes in mixed case, when it does; an
    // acronym ("ISIS" beside "Isis") stays as written.
    let written: HashMap<String, String> = mentions
        .iter()
        .filter(|m| m.canonical.chars().any(char::is_lowercase))
        .map(|m| (m.canonical.to_lowercase(), m.canonical.clone()))
        .collect();
    for m in &mut mentions {
        let capitals = matches!(m.label, EntityLabel::Place | EntityLabel::Person)
            && m.canonical.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !m.canonical.chars().any(char::is_lowercase);
        if let Some(name) = written.get(&m.canonical.to_lowercase()).filter(|_| capitals) {
            m.canonical = name.clone();
        }
    }
    mentions.sort_by_key(|m| m.span.start());
    mentions.dedup_by(|a, b| a.span.overlaps(b.span));
    mentions
}

/// "Mohamed Hamdan Dagalo, known as Hemedti": the alias names the entity before it, there and
/// wherever the article uses it alone ("Hemedti denied …").
fn aliases_known_as(text: &str, mentions: &mut [EntityMention]) {
    const CUES: &[&str] = &[", known as", ", also known as", ", better known as", ", nicknamed", ", widely known as"];
    let mut renamed: Vec<(String, String)> = Vec::new();
    for pair in mentions.windows(2) {
        let [named, alias] = pair else { continue };
        let between = text[named.span.end()..alias.span.start()].trim_end_matches([' ', '"', '“', '\'', '‘']);
        if CUES.contains(&between) && named.label == alias.label && named.canonical != alias.canonical {
            renamed.push((alias.canonical.clone(), named.canonical.clone()));
        }
    }
    for mention in mentions.iter_mut() {
        if let Some((_, name)) = renamed.iter().find(|(alias, _)| *alias == mention.canonical) {
            mention.canonical = name.clone();
        }
    }
}

/// "Ministry of Interior of Kazakhstan", "Ministry of the Interior of Kazakhstan" → "Kazakh
/// Interior Ministry"; "Ministry of Foreign Affairs of Russia" → "Russian Foreign Ministry":
/// the form other outlets write, so that the names meet.
pub fn national_ministry(name: &str) -> Option<String> {
    let rest = name.strip_prefix("Ministry of ")?;
    let (field, country) = rest.rsplit_once(" of ")?;
    let field = field.strip_prefix("the ").unwrap_or(field);
    let field = field.strip_suffix(" Affairs").unwrap_or(field);
    let demonym = lexicon::demonym_of(country.strip_prefix("the ").unwrap_or(country))?;
    let single_word = !field.is_empty() && !field.contains(' ') && field.chars().next().is_some_and(char::is_uppercase);
    single_word.then(|| format!("{demonym} {field} Ministry"))
}

/// "NLF", "U.S.": an acronym, as the tagger's rules read one.
pub use parallax_ner::rules::is_acronym;

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

/// A person named in full, where, and with the title in front of the name.
struct FullName<'a> {
    at: usize,
    name: String,
    title: Option<&'a str>,
}

/// A surname (or a one-letter misspelling of one) resolves to the last full name with it
/// introduced before `at`. The first mention of a surname (`first_title` is `Some`, holding
/// its title if it has one) may come before the full name: a headline's "President Danescu
/// wins" above the body's "President Aurel Danescu", "Ilescu's campaign said …" before "Mara
/// Ilescu told supporters". It is the one full name with that surname further on, if there
/// is only one and it carries the same title or the surname none ("Interior Minister Halvik"
/// is not the "Jonas Halvik, a rigger," of a later paragraph).
fn resolve_person(name: &str, at: usize, first_title: Option<Option<&str>>, full_people: &[FullName]) -> String {
    if name.contains(' ') {
        return name.to_owned();
    }
    let surname = |full: &str| full.rsplit(' ').next().unwrap_or(full).to_owned();
    let earlier = || full_people.iter().filter(|p| p.at < at);
    if let Some(p) = earlier().rfind(|p| surname(&p.name) == name) {
        return p.name.clone();
    }
    if name.chars().count() >= 5 {
        let mut near: Vec<&String> = earlier().filter(|p| edit_distance_at_most_one(&surname(&p.name), name)).map(|p| &p.name).collect();
        near.sort();
        near.dedup();
        if near.len() == 1 {
            return near[0].clone();
        }
    }
    let Some(title) = first_title else { return name.to_owned() };
    let mut later: Vec<&String> =
        full_people.iter().filter(|p| (title.is_none() || p.title == title) && surname(&p.name) == name).map(|p| &p.name).collect();
    later.sort();
    later.dedup();
    match later.as_slice() {
        [only] => (*only).clone(),
        _ => name.to_owned(),
    }
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

/// The title written just before a person's name: capitalised titles, the places they
/// are of, and "of" between them ("U.S. Secretary of State", "Kazakhstan President").
pub fn title_before(text: &str, name_start: usize) -> Option<Span> {
    let is_title = |w: &str| lexicon::is_person_title(w) && w.chars().next().is_some_and(char::is_uppercase);
    let mut from = None;
    let mut rest = text[..name_start].trim_end();
    let mut later = "";
    loop {
        // After the last whitespace character, which may be wider than a byte (U+00A0).
        let space = rest.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &rest[space..];
        if word.is_empty() {
            break;
        }
        // "Migration Minister": a ministry's field, whichever it is; "Tarvosa State Governor":
        // the state's name.
        let field = matches!(later, "Minister" | "State")
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic);
        if is_title(word) || field || lexicon::canonical_place(word).is_some() || lexicon::place_of_demonym(word).is_some() {
            from = Some(space);
            later = word;
        } else if word != "of" {
            break;
        }
        if space == 0 {
            break;
        }
        rest = rest[..space].trim_end();
    }
    let from = from?;
    let title = text[from..name_start].trim_end();
    let span = Span::new(from, from + title.len()).ok()?;
    title.split(' ').any(is_title).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences::SentenceSplitter, structure::PlainTextStructure, tokens::Tokenizer};

    #[test]
    fn titles_before_a_name_are_read_back_to_the_first_title_or_place() {
        let text = "Later U.S. Secretary of State Antony Blinken spoke, and Kazakhstan President Tokayev too.";
        let at = |name: &str| text.find(name).unwrap();
        let title = |name: &str| title_before(text, at(name)).map(|span| &text[span.range()]);
        assert_eq!(title("Antony"), Some("U.S. Secretary of State"));
        assert_eq!(title("Tokayev"), Some("Kazakhstan President"));
        let field = "said Migration Minister Elena Drakou";
        assert_eq!(title_before(field, field.find("Elena").unwrap()).map(|span| &field[span.range()]), Some("Migration Minister"));
        let state = "said Tarvosa State Governor Hadiza Lemu";
        assert_eq!(title_before(state, state.find("Hadiza").unwrap()).map(|span| &state[span.range()]), Some("Tarvosa State Governor"));
        assert_eq!(title_before("the leader of Kazakhstan Tokayev", 27), None, "a place alone is no title");
        assert_eq!(title_before("Tokayev", 0), None);
        let wide_space = "the pollster\u{a0}President Pat Caddell";
        assert_eq!(title_before(wide_space, wide_space.find("Pat").unwrap()).map(|s| &wide_space[s.range()]), Some("President"));
        // The stage records it on the person's mention, outside the name.
        let doc = annotated(text);
        let blinken = doc.layer::<Entities>().unwrap().iter().find(|e| e.canonical == "Antony Blinken").expect("Blinken is found");
        assert_eq!(blinken.title.map(|span| doc.slice(span)), Some("U.S. Secretary of State"));
    }

    fn annotated(text: &str) -> Document {
        let mut doc = Document::new("t", text, Default::default());
        for stage in [&PlainTextStructure as &dyn Stage, &SentenceSplitter, &Tokenizer, &EntityRecognizer] {
            stage.annotate(&mut doc).unwrap();
        }
        doc
    }

    #[test]
    fn letters_before_a_dollar_sign_are_a_currency() {
        let doc = annotated("The United Nations released US$4.5 million and HK$20 million for Velmora.");
        let names: Vec<&str> = doc.layer::<Entities>().unwrap().iter().map(|m| m.canonical.as_str()).collect();
        assert!(!names.contains(&"United States"), "{names:?}");
        assert!(names.contains(&"United Nations"), "{names:?}");
    }

    fn entities(text: &str) -> Vec<(String, &'static str, String)> {
        let doc = annotated(text);
        doc.layer::<Entities>().unwrap().iter().map(|e| (doc.slice(e.span).to_owned(), e.label.as_str(), e.canonical.clone())).collect()
    }

    fn has(found: &[(String, &'static str, String)], surface: &str, label: &str, canonical: &str) -> bool {
        found.iter().any(|(s, l, c)| s == surface && *l == label && c == canonical)
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_person() {
        let text = "The operator, Greyline Shipping, said the body of one of the missing sailors had been recovered.\n\n\
                    Shipping traffic through the strait fell by nearly a third on Wednesday, according to tracking data. \
                    It is one of the busiest shipping lanes. Tom Rose spoke. Rose said prices rose.";
        let found = entities(text);
        assert!(!found.iter().any(|(s, _, _)| s == "Shipping"), "{found:?}");
        assert!(has(&found, "Rose", "PERSON", "Tom Rose"), "a surname stays: {found:?}");
    }

    #[test]
    fn staffs_aliases_and_admin_units_in_conflict_reporting() {
        let found = entities(
            "Ukraine's General Staff said fighting went on in Donetsk region. \
             The RSF, led by Mohamed Hamdan Dagalo, known as Hemedti, attacked towns in North Darfur state.",
        );
        assert!(has(&found, "General Staff", "ORG", "General Staff"), "{found:?}");
        assert!(!found.iter().any(|(s, _, _)| s == "Staff"), "{found:?}");
        assert!(has(&found, "Hemedti", "PERSON", "Mohamed Hamdan Dagalo"), "the alias names the man: {found:?}");
        assert!(has(&found, "North Darfur", "LOC", "North Darfur"), "{found:?}");
    }

    #[test]
    fn a_country_no_list_knows_is_a_place_by_its_dateline_or_its_ministry() {
        let found = entities("TERNOVO, Kelvania (AFP) — Fighting went on. Kelvania says order is restored.");
        assert!(has(&found, "Kelvania", "LOC", "Kelvania"), "{found:?}");
        let found = entities("Kelvania says order is restored. Kelvania's defence ministry said the army had retaken the town.");
        let labels: Vec<&str> = found.iter().filter(|(s, _, _)| s == "Kelvania").map(|(_, label, _)| *label).collect();
        assert_eq!(labels, ["LOC", "LOC"], "{found:?}");
        let found = entities(
            "Corvania raises interest rate to 21% as currency slides\n\nALDERHAVEN, Sept 3 (Northgate Wire) - Corvania's central bank \
             raised its main interest rate by 4 percentage points to 21% on Thursday.",
        );
        let labels: Vec<&str> = found.iter().filter(|(s, _, _)| s == "Corvania").map(|(_, label, _)| *label).collect();
        assert!(labels.iter().all(|l| *l == "LOC"), "a country's central bank: {found:?}");
        // An organisation's minister: its name is a country's, unless the team's list knows it.
        let found = entities("Ships searched off Pelora. Pelora's migration minister declared mourning.");
        assert!(found.iter().filter(|(s, _, _)| s == "Pelora").all(|(_, label, _)| *label == "LOC"), "{found:?}");
        let found = entities("Hezbollah's military wing fired rockets.");
        assert!(has(&found, "Hezbollah", "ORG", "Hezbollah"), "{found:?}");
        // A name shaped like a sea that speaks or is described as a charity is an organisation.
        let found =
            entities("Survivors said so, according to Aid Sea, a charity that runs a rescue ship in the area. Aid Sea said it had called.");
        assert!(found.iter().filter(|(s, _, _)| s == "Aid Sea").all(|(_, label, _)| *label == "ORG"), "{found:?}");
        // An office is no organisation: its holder speaks.
        let found = entities("The Commissioner of Police, Garba Yero, said two suspects had been arrested.");
        assert!(!found.iter().any(|(s, _, _)| s.starts_with("Commissioner")), "{found:?}");
        assert!(has(&found, "Garba Yero", "PERSON", "Garba Yero"), "{found:?}");
        // A person's government stays the person's.
        let found = entities("President Bashar al-Assad spoke. Assad's government denied the attack.");
        assert!(!has(&found, "Assad", "LOC", "Assad"), "{found:?}");
    }

    #[test]
    fn a_name_in_capitals_is_the_name_the_article_writes() {
        let found = entities("MAROVKA, Dravia (Reuters) - Shells hit a market in Marovka on Tuesday. NATO said nothing.");
        assert!(has(&found, "MAROVKA", "LOC", "Marovka"), "{found:?}");
        // An acronym stays as written.
        let found = entities("ISIS claimed the attack. Isis fighters were seen in the town.");
        assert!(has(&found, "ISIS", "ORG", "ISIS"), "{found:?}");
    }

    #[test]
    fn a_name_used_as_a_place_is_a_place_throughout() {
        let found = entities("Airstrikes hit Khan Younis overnight. Fighting continued in Khan Younis on Tuesday.");
        let labels: Vec<&str> = found.iter().filter(|(s, _, _)| s == "Khan Younis").map(|(_, label, _)| *label).collect();
        assert_eq!(labels, ["LOC", "LOC"], "{found:?}");
    }

    #[test]
    fn names_inside_hyphenated_compounds() {
        let found = entities(
            "The Tarvel-run health ministry said 12 people died. Kestria-backed militias and Kazakh-led units clashed with pro-Russian \
             fighters, but a well-known commander and a three-year-old girl were unhurt.",
        );
        assert!(has(&found, "Tarvel", "ORG", "Tarvel"), "{found:?}");
        assert!(has(&found, "Kazakh", "NORP", "Kazakhstan"), "{found:?}");
        assert!(has(&found, "Russian", "NORP", "Russia"), "{found:?}");
        assert!(found.iter().any(|(s, _, _)| s == "Kestria"), "{found:?}");
        assert!(!found.iter().any(|(s, _, _)| s.contains('-') || s == "well" || s == "three"), "{found:?}");
        let found =
            entities("The New York-based group said Vessant-made drones hit a Dorvan-flagged tanker. Al-Tarvel-linked fighters fled.");
        assert!(has(&found, "Al-Tarvel", "ORG", "Al-Tarvel"), "a name with a hyphen of its own: {found:?}");
        assert!(!found.iter().any(|(s, _, _)| s == "York" || s == "Vessant" || s == "Dorvan"), "{found:?}");
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
        // A headline's surname above the body's full name is that person.
        let found = entities("President Danescu wins landslide\n\nPresident Aurel Danescu has won the election.");
        assert!(has(&found, "Danescu", "PERSON", "Aurel Danescu"), "{found:?}");
        // Two full names with that surname later: which one is unknown.
        let found = entities("President Voss wins\n\nPresident Mira Voss beat President Anton Voss in the vote.");
        assert!(has(&found, "Voss", "PERSON", "Voss"), "{found:?}");
        // Nor is a later full name without the title the same person, nor one after a
        // mention of the surname that it does not resolve.
        let found = entities("Interior Minister Halvik spoke. Later Halvik left.\n\nJonas Halvik, a docker, was hurt.");
        assert_eq!(found.iter().filter(|(_, _, c)| c == "Halvik").count(), 2, "{found:?}");
        let found = entities("Ilescu's campaign said it had the protocols. Mara Ilescu told supporters she would stay.");
        assert!(has(&found, "Ilescu", "PERSON", "Mara Ilescu"), "{found:?}");
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
        assert_eq!(national_ministry("Ministry of Interior of Kazakhstan").as_deref(), Some("Kazakh Interior Ministry"));
        assert_eq!(national_ministry("Ministry of Foreign Affairs of the Russia").as_deref(), Some("Russian Foreign Ministry"));
        assert_eq!(national_ministry("Ministry of Health"), None);
        assert!(has(&found, "Kazakh police", "ORG", "Kazakh Police"), "{found:?}");
    }

    #[test]
    fn an_alias_known_as_names_the_entity_before_it() {
        let found =
            entities("RSF commander Mohamed Hamdan Dagalo, known as Hemedti, spoke. Later Hemedti denied it. Eritrean troops left.");
        assert_eq!(found.iter().filter(|(_, _, c)| c == "Mohamed Hamdan Dagalo").count(), 3, "{found:?}");
        assert!(has(&found, "Eritrean", "NORP", "Eritrea"), "{found:?}");
    }

    #[test]
    fn a_capitalised_institution_noun_alone_names_no_one() {
        let found = entities("Army Destroys Rebel Depot Near Qarvel\n\nPolice said the depot was empty.");
        assert!(!found.iter().any(|(text, _, _)| text == "Army" || text == "Police"), "{found:?}");
    }

    #[test]
    fn a_name_whose_people_the_text_names_in_the_plural_is_a_place() {
        let found = entities("Maruvia's civil war goes on. About 60% of Maruvians support a settlement.");
        assert!(has(&found, "Maruvia", "LOC", "Maruvia"), "{found:?}");
        // "-i" and "-ese" demonyms as "Pakistani" and "Sudanese".
        let found = entities(
            "The Kavrani armed forces struck at night. Foreign Minister Sadik Omaran said Kavran will not leave a single attack unanswered.",
        );
        assert!(has(&found, "Kavran", "LOC", "Kavran"), "{found:?}");
    }

    #[test]
    fn a_people_named_by_its_country_stays_a_people() {
        let found = entities("Russian shelling killed 12 civilians. Russia denied it.");
        assert!(has(&found, "Russian", "NORP", "Russia"), "{found:?}");
        assert!(has(&found, "Russia", "LOC", "Russia"), "{found:?}");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let found = entities("According to officials, the port closed. However, Dana Ruiz stayed.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(has(&found, "Dana Ruiz", "PERSON", "Dana Ruiz"));
    }

    #[test]
    fn tagger_finds_names_that_capitalisation_alone_misses() {
        let found = entities(
            "Rescue teams reached Almaty on Friday, Ines Kovar of the Red Cross said. \
             Monday's talks in Brussels were cancelled.",
        );
        assert!(has(&found, "Almaty", "LOC", "Almaty"), "{found:?}");
        assert!(has(&found, "Ines Kovar", "PERSON", "Ines Kovar"), "{found:?}");
        assert!(has(&found, "Red Cross", "ORG", "Red Cross"), "{found:?}");
        assert!(has(&found, "Brussels", "LOC", "Brussels"), "{found:?}");
        assert!(!found.iter().any(|(surface, _, _)| surface.starts_with("Monday")), "{found:?}");
    }

    #[test]
    fn rules_keep_titles_and_institutions_around_tagged_names() {
        let found = entities(
            "U.S. Secretary of State Antony Blinken spoke on Thursday. The Russian foreign ministry replied. \
             But Brinken warned reporters.",
        );
        assert!(has(&found, "Antony Blinken", "PERSON", "Antony Blinken"), "{found:?}");
        assert!(has(&found, "Russian foreign ministry", "ORG", "Russian Foreign Ministry"), "{found:?}");
        assert!(has(&found, "Brinken", "PERSON", "Antony Blinken"), "{found:?}");
        assert!(!found.iter().any(|(surface, _, _)| surface.contains("State Antony")), "{found:?}");
    }

    #[test]
    fn a_place_no_list_knows_before_a_territorial_title() {
        let found = entities("Kharkiv Governor Oleh Syniehubov said two people were killed in Kupiansk.");
        assert!(has(&found, "Oleh Syniehubov", "PERSON", "Oleh Syniehubov"), "{found:?}");
        assert!(has(&found, "Kharkiv", "LOC", "Kharkiv"), "{found:?}");
        let found = entities("Police Chief Ana Ruiz said the road was closed.");
        assert!(has(&found, "Ana Ruiz", "PERSON", "Ana Ruiz"), "{found:?}");
        let found = entities("Gunmen stormed a hotel in Mogadishu, Somali police spokesman Abdifatah Aden Hassan said.");
        // "<demonym> police" is an organisation (lexicon::ORG_NOUNS), the spokesman a person.
        assert!(has(&found, "Somali police", "ORG", "Somali Police"), "{found:?}");
        assert!(has(&found, "Abdifatah Aden Hassan", "PERSON", "Abdifatah Aden Hassan"), "{found:?}");
    }

    #[test]
    fn rules_only_recogniser_is_still_available() {
        let text = "Dana Ruiz visited Valdoria.";
        let mut doc = Document::new("t", text, Default::default());
        for stage in [&PlainTextStructure as &dyn Stage, &SentenceSplitter, &Tokenizer] {
            stage.annotate(&mut doc).unwrap();
        }
        let sentences = doc.layer::<Sentences>().unwrap();
        let tokens = doc.layer::<Tokens>().unwrap();
        let rules = find_entities_with(text, sentences, tokens, Recogniser::RulesOnly);
        assert!(rules.iter().any(|e| &text[e.span.range()] == "Dana Ruiz" && e.label == EntityLabel::Person), "{rules:?}");
    }

    #[test]
    fn a_storm_is_an_event_and_its_name_alone_is_the_storm() {
        let found = entities("Cyclone Dara tore through the province. Dara survivors wait for help.");
        assert!(has(&found, "Cyclone Dara", "EVENT", "Cyclone Dara"), "{found:?}");
        assert!(has(&found, "Dara", "EVENT", "Cyclone Dara"), "{found:?}");
        let found = entities("Tropical Storm Alberto weakened on Monday.");
        assert!(has(&found, "Tropical Storm Alberto", "EVENT", "Tropical Storm Alberto"), "{found:?}");
        assert!(!found.iter().any(|(_, label, _)| *label == "PERSON"), "{found:?}");
    }

    #[test]
    fn a_single_name_before_a_persons_role_is_that_person() {
        let found = entities("Brek, the interior minister, told state television that the army had delivered food.");
        assert!(has(&found, "Brek", "PERSON", "Brek"), "{found:?}");
        // A place described as a place stays one.
        let found = entities("Kessa, the regional capital, was flooded.");
        assert!(has(&found, "Kessa", "LOC", "Kessa"), "{found:?}");
    }

    #[test]
    fn two_places_joined_by_a_hyphen_are_two_places() {
        let found =
            entities("Fighting went on near Ostrel, in Varnia, and in Toskar. Observers count 22 dead in Varnia-Toskar border fighting.");
        assert!(has(&found, "Varnia", "LOC", "Varnia") && has(&found, "Toskar", "LOC", "Toskar"), "{found:?}");
        assert!(!found.iter().any(|(surface, _, _)| surface.contains('-')), "{found:?}");
        let found = entities("The Russia-Ukraine war entered its fifth year.");
        assert!(has(&found, "Russia", "LOC", "Russia") && has(&found, "Ukraine", "LOC", "Ukraine"), "{found:?}");
        // A hyphenated name whose parts are no places stays as it was.
        let found = entities("Jean-Pierre Lacroix spoke in New York.");
        assert!(found.iter().any(|(surface, label, _)| surface == "Jean-Pierre Lacroix" && *label == "PERSON"), "{found:?}");
    }

    #[test]
    fn edit_distance() {
        assert!(edit_distance_at_most_one("Blinken", "Brinken"));
        assert!(edit_distance_at_most_one("Marnova", "Marnov"));
        assert!(!edit_distance_at_most_one("Marnova", "Mornavo"));
    }
}
