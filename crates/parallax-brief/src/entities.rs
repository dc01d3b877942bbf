//! Entities across articles: one canonical name per real-world entity.
//!
//! Per-article canonical names are merged when they are equal, when one is the surname of
//! another person, when a surname differs by one letter from exactly one known surname
//! (a misspelling, "Brinken" ↔ "Blinken"), or when one organisation name is the acronym of
//! another, or when a bare name is that of the one river, lake or range of the story that
//! carries it ("the Tessal" ↔ "Tessal River"). The canonical name of a merged entity is its
//! most complete form.

use crate::union_find::DisjointSets;
use parallax_core::layer::Entities;
use parallax_core::{Document, EntityLabel};
use parallax_nlp::entities::{edit_distance_at_most_one, initials, is_acronym};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One entity of the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusEntity {
    pub canonical: String,
    pub label: EntityLabel,
    /// Surface forms seen.
    pub aliases: BTreeSet<String>,
    /// Ids of the articles that mention it.
    pub articles: BTreeSet<String>,
    pub mentions: usize,
}

/// The merged entities and a map from each per-article canonical name to the corpus one.
#[derive(Debug, Default)]
pub struct EntityIndex {
    pub entities: Vec<CorpusEntity>,
    canonical_of: HashMap<String, String>,
}

impl EntityIndex {
    /// The corpus-wide canonical name for a per-article canonical name (itself if unknown).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.canonical_of.get(name).map_or(name, String::as_str)
    }

    /// A speaker's corpus-wide name: [`EntityIndex::canonical`] of its per-article name, or,
    /// when that names no entity, the one person of the story whose surname is the single
    /// capitalised word the article wrote ("Odeh, the rebels' spokesman" in an article that
    /// never gives his first name, beside "Karim Odeh" in another). Two people with that
    /// surname, or none, leave the speaker as it was.
    pub fn speaker(&self, name: &str, written: Option<&str>) -> String {
        let canonical = self.canonical(name);
        if self.entities.iter().any(|e| e.canonical == canonical) {
            return canonical.to_owned();
        }
        // "the defence ministry" is the story's one "Ministry of Defence".
        if let Some(ministry) = self.ministry_named(canonical) {
            return ministry.to_owned();
        }
        let head = written.and_then(|w| w.split(',').next()).map(str::trim).unwrap_or_default();
        let surname = head.chars().next().is_some_and(char::is_uppercase)
            && head.chars().count() >= 3
            && head.chars().all(|c| c.is_alphabetic() || c == '-')
            && !parallax_nlp::lexicon::contains_ci(parallax_nlp::lexicon::STOPWORDS, head);
        if !surname {
            return canonical.to_owned();
        }
        let mut people = self
            .entities
            .iter()
            .filter(|e| e.label == EntityLabel::Person && e.canonical.contains(' ') && e.canonical.rsplit(' ').next() == Some(head));
        match (people.next(), people.next()) {
            (Some(person), None) => person.canonical.clone(),
            _ => canonical.to_owned(),
        }
    }

    /// The one organisation of the story named "Ministry of X" (or "Ministry of the X"), for a
    /// speaker described as "X ministry".
    fn ministry_named(&self, described: &str) -> Option<&str> {
        let lower = described.to_lowercase();
        let field_words = lower.strip_suffix(" ministry")?;
        if field_words.is_empty() || field_words.split(' ').count() > 2 {
            return None;
        }
        // "the emergencies ministry" is the "Ministry of Emergency Situations".
        let field = ministry_field(&lower);
        let mut named = self.entities.iter().filter(|e| {
            e.label == EntityLabel::Organisation
                && e.canonical.to_lowercase().starts_with("ministry of ")
                && ministry_field(&e.canonical) == field
        });
        match (named.next(), named.next()) {
            (Some(ministry), None) => Some(&ministry.canonical),
            _ => None,
        }
    }

    /// The forms an entity was written in, by its corpus-wide name (none when unknown).
    pub fn aliases_of<'a>(&'a self, canonical: &'a str) -> impl Iterator<Item = &'a str> {
        self.entities.iter().filter(move |e| e.canonical == canonical).flat_map(|e| e.aliases.iter().map(String::as_str))
    }

    /// Merges the entity layers of `docs`.
    pub fn build(docs: &[&Document]) -> EntityIndex {
        // (name, label) → (aliases, articles, mentions)
        let mut names: BTreeMap<String, (EntityLabel, BTreeSet<String>, BTreeSet<String>, usize)> = BTreeMap::new();
        let mut label_votes: HashMap<String, BTreeMap<EntityLabel, usize>> = HashMap::new();
        let mut titles: HashMap<String, BTreeSet<String>> = HashMap::new();
        for doc in docs {
            for mention in doc.layer::<Entities>().unwrap_or(&[]) {
                let entry = names.entry(mention.canonical.clone()).or_insert_with(|| (mention.label, BTreeSet::new(), BTreeSet::new(), 0));
                // "the Northern Brigades' spokesman": the name without its possessive mark.
                let written = doc.slice(mention.span);
                let written =
                    if written.ends_with("s'") || written.ends_with("s’") { written.trim_end_matches(['\'', '’']) } else { written };
                entry.1.insert(written.to_owned());
                if let Some(title_span) = mention.title.filter(|_| mention.label == EntityLabel::Person) {
                    let title = doc.slice(title_span);
                    {
                        titles.entry(mention.canonical.clone()).or_default().insert(title.to_lowercase());
                        // "U.S. Secretary of State" and "U.S. Secretary of State Blinken" (a
                        // one-word title alone, "President", names no one).
                        // "Health Minister Dr." alone is "Health Minister": an honorific
                        // belongs with the name.
                        let office = parallax_nlp::lexicon::HONORIFICS
                            .iter()
                            .find_map(|honorific| title.strip_suffix(honorific).map(str::trim_end))
                            .unwrap_or(title);
                        if office.contains(' ') {
                            entry.1.insert(office.to_owned());
                        }
                        entry.1.insert(doc.text().as_str()[title_span.start()..mention.span.end()].to_owned());
                    }
                }
                entry.2.insert(doc.id.clone());
                entry.3 += 1;
                *label_votes.entry(mention.canonical.clone()).or_default().entry(mention.label).or_insert(0) += 1;
            }
        }
        // A name's type is the one most of its mentions carry (ties: the first type met).
        for (name, entry) in names.iter_mut() {
            if let Some(votes) = label_votes.get(name) {
                let best =
                    votes.iter().max_by_key(|(label, count)| (**count, std::cmp::Reverse(**label != entry.0))).map(|(label, _)| *label);
                entry.0 = best.unwrap_or(entry.0);
            }
        }
        let keys: Vec<String> = names.keys().cloned().collect();
        let mut sets = DisjointSets::new(keys.len());
        let surnames: Vec<(usize, &str)> = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| names[*k].0 == EntityLabel::Person && k.contains(' '))
            .map(|(i, k)| (i, k.rsplit(' ').next().unwrap_or(k)))
            .collect();
        for (i, key) in keys.iter().enumerate() {
            let label = names[key].0;
            if label == EntityLabel::Person && !key.contains(' ') {
                let exact: Vec<usize> = surnames.iter().filter(|(_, s)| *s == key).map(|(j, _)| *j).collect();
                let near: Vec<usize> = surnames
                    .iter()
                    // Or romanised two ways ("Ershov" beside "Gennadi Yershov").
                    .filter(|(_, s)| {
                        key.chars().count() >= 5 && (edit_distance_at_most_one(s, key) || romanisation_key(s) == romanisation_key(key))
                    })
                    .map(|(j, _)| *j)
                    .collect();
                // Two people share the surname: the one written with the same title.
                let titled: Vec<usize> = exact
                    .iter()
                    .copied()
                    .filter(|&j| titles.get(key).zip(titles.get(&keys[j])).is_some_and(|(a, b)| !a.is_disjoint(b)))
                    .collect();
                let target = if exact.len() == 1 {
                    Some(exact[0])
                } else if titled.len() == 1 {
                    Some(titled[0])
                } else if exact.is_empty() && distinct_people(&near, &keys) == 1 {
                    Some(near[0])
                } else {
                    None
                };
                if let Some(j) = target {
                    sets.union(i, j);
                }
            }
            // "QNA" is the Qadira News Agency, even where the tagger read it as a place ("QNA: 90
            // handed over" in a headline).
            if (label == EntityLabel::Organisation || (label == EntityLabel::Place && is_acronym(key))) && !key.contains(' ') {
                let acronym = key.replace('.', "");
                let matches: Vec<usize> =
                    keys.iter().enumerate().filter(|(_, k)| k.contains(' ') && initials(k) == acronym).map(|(j, _)| j).collect();
                if matches.len() == 1 {
                    sets.union(i, matches[0]);
                }
            }
            if label != EntityLabel::Person && !key.contains(' ') {
                // "the Tessal" is the Tessal River: a bare name is the one river, lake or range
                // of the story that carries it, whatever type the tagger gave it.
                let features: Vec<usize> = keys
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| k.split_once(' ').is_some_and(|(first, rest)| first == key && GEOGRAPHIC_FEATURES.contains(&rest)))
                    .map(|(j, _)| j)
                    .collect();
                if let [feature] = features[..] {
                    sets.union(i, feature);
                }
            }
            if label == EntityLabel::Person && key.contains(' ') {
                // Full names one letter apart in the surname, with the same first name or, when
                // both are long, a first name one letter apart (`same_person_spelling`).
                // Two letters apart, as transliterations are ("Radomir Kastelic", "Radomir
                // Kastelitz"), when the context agrees: the same first name and the same title.
                // An office of two words or more ("transport minister"), not a rank alone
                // ("general", "minister") that many share. So are a first name spelt two
                // ways with the same surname and office ("ministry spokesman Idriss Valkar",
                // "ministry spokesman Idris Valkar").
                let same_title = |other: &String| {
                    titles.get(key).zip(titles.get(other)).is_some_and(|(a, b)| a.intersection(b).any(|title| title.contains(' ')))
                };
                for (j, other) in keys.iter().enumerate().skip(i + 1) {
                    let person = names[other].0 == EntityLabel::Person;
                    let same_office = || same_title(other) || same_rank(titles.get(key), titles.get(other));
                    let context_agrees = transliterated(key, other) && same_title(other)
                        || (first_name_variant(key, other) || romanised_variant(key, other)) && same_office();
                    // Folded alike by a consonant of romanisation ("Zhunusova", "Junusova"), or
                    // only by "y"/"i" and doubled letters with the same office ("Gennady",
                    // "Gennadi Yershov"; not "Thomas Meyer" and "Thomas Meier").
                    let romanised_alike = romanised(key, other) && (romanised_consonant(key, other) || same_office());
                    if person && (same_person_spelling(key, other) || romanised_alike || context_agrees) {
                        sets.union(i, j);
                    }
                }
            }
        }
        // "Emergencies Ministry" and "Ministry of Emergency Situations": one ministry, by its
        // field; "Norvalis", "Norvalis Agrochemical Company" and "Norvalis Agrochemical Company
        // JSC": one company, by its name without the legal form, or by its first word when no
        // other name of the story opens with it.
        let organisations: Vec<usize> = (0..keys.len()).filter(|&i| names[&keys[i]].0 == EntityLabel::Organisation).collect();
        let mut by_core: HashMap<String, usize> = HashMap::new();
        for &i in &organisations {
            let core = ministry_field(&keys[i]).map(|field| format!("ministry:{field}")).unwrap_or_else(|| company_core(&keys[i]));
            match by_core.get(&core) {
                Some(&j) => sets.union(i, j),
                None => {
                    by_core.insert(core, i);
                }
            }
        }
        for &i in organisations.iter().filter(|&&i| !keys[i].contains(' ')) {
            let opening: Vec<usize> =
                (0..keys.len()).filter(|&j| keys[j].contains(' ') && keys[j].split(' ').next() == Some(keys[i].as_str())).collect();
            if !opening.is_empty()
                && opening
                    .iter()
                    .all(|&j| parallax_nlp::lexicon::is_company_name(&keys[j]) && company_core(&keys[j]) == company_core(&keys[opening[0]]))
            {
                sets.union(i, opening[0]);
            }
        }
        // "Dockworkers’ Federation" and "Dockworkers' Federation": one name in two typographies.
        let mut folded: HashMap<String, usize> = HashMap::new();
        for (i, key) in keys.iter().enumerate() {
            let fold: String = key.chars().filter(|c| c.is_alphanumeric() || *c == ' ').flat_map(char::to_lowercase).collect();
            match folded.get(&fold) {
                Some(&j) => sets.union(i, j),
                None => {
                    folded.insert(fold, i);
                }
            }
        }
        let groups = sets.groups();
        let mut index = EntityIndex::default();
        for members in &groups {
            let best = members
                .iter()
                .copied()
                // More words first; then a form in mixed case over one in capitals ("Sarifa",
                // not a dateline's "SARIFA"); then the most mentioned.
                .max_by_key(|&m| {
                    let mixed_case = keys[m].chars().any(char::is_lowercase);
                    (keys[m].split(' ').count().min(3), mixed_case, names[&keys[m]].3, std::cmp::Reverse(keys[m].clone()))
                })
                .unwrap_or(members[0]);
            let canonical = keys[best].clone();
            let mut entity = CorpusEntity {
                canonical: canonical.clone(),
                label: names[&keys[best]].0,
                aliases: BTreeSet::new(),
                articles: BTreeSet::new(),
                mentions: 0,
            };
            for &m in members {
                let (_, aliases, articles, count) = &names[&keys[m]];
                entity.aliases.extend(aliases.iter().cloned());
                entity.articles.extend(articles.iter().cloned());
                entity.mentions += count;
                index.canonical_of.insert(keys[m].clone(), canonical.clone());
            }
            // "KESSA" in a dateline, "Kazakh authorities" beside "Kazakh Authorities": a form that
            // differs from the canonical name only in case is no other name.
            let folded = canonical.to_lowercase();
            entity.aliases.retain(|alias| alias.to_lowercase() != folded);
            index.entities.push(entity);
        }
        index
            .entities
            .sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(b.mentions.cmp(&a.mentions)).then(a.canonical.cmp(&b.canonical)));
        index
    }
}

/// A company's name without its legal form: "Norvalis Agrochemical Company JSC" → "norvalis
/// agrochemical company".
fn company_core(name: &str) -> String {
    let mut words: Vec<&str> = name.split(' ').collect();
    while words.len() > 1 && words.last().is_some_and(|w| parallax_nlp::lexicon::LEGAL_FORMS.contains(w)) {
        words.pop();
    }
    words.join(" ").to_lowercase()
}

/// The field of a ministry named "X Ministry" or "Ministry of (the) X", in one form.
fn ministry_field(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let field = lower
        .strip_prefix("ministry of ")
        .map(|rest| rest.strip_prefix("the ").unwrap_or(rest))
        .or_else(|| lower.strip_suffix(" ministry"))?;
    (!field.is_empty() && field.split(' ').count() <= 3).then(|| crate::build::office_field(&field.split(' ').collect::<Vec<&str>>()))
}

/// Words that make a name a geographic feature ("Tessal River", "Aral Sea"), which its
/// bare name ("the Tessal") also names.
const GEOGRAPHIC_FEATURES: &[&str] = &["River", "Lake", "Sea", "Mountains", "Valley", "Gulf", "Strait", "Bay", "Desert", "Canal"];

/// How many people the candidate names are, one name romanised two ways counted once
/// ("Gennady Yershov", "Gennadi Yershov").
fn distinct_people(candidates: &[usize], keys: &[String]) -> usize {
    candidates.iter().map(|&c| keys[c].split(' ').map(romanisation_key).collect::<Vec<_>>()).collect::<BTreeSet<_>>().len()
}

/// Two full names with the same first name whose surnames, seven letters or more, differ by
/// at most two letters after a shared beginning of five ("Kastelic", "Kastelitz").
fn transliterated(a: &str, b: &str) -> bool {
    let (Some((first_a, last_a)), Some((first_b, last_b))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else { return false };
    let (x, y): (Vec<char>, Vec<char>) = (last_a.chars().collect(), last_b.chars().collect());
    let prefix = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
    let suffix = x[prefix..].iter().rev().zip(y[prefix..].iter().rev()).take_while(|(p, q)| p == q).count();
    let apart = x.len().max(y.len()) - prefix - suffix;
    first_a == first_b && last_a != last_b && x.len().min(y.len()) >= 7 && prefix >= 5 && apart <= 2
}

/// The same surname with first names one letter longer or shorter, four letters or more
/// ("Idriss Valkar", "Idris Valkar"; not "Marko" and "Mirko", nor "Mark" and "Mary", who are
/// as often two people), so the caller also asks for the same office or rank.
fn first_name_variant(a: &str, b: &str) -> bool {
    let (Some((first_a, last_a)), Some((first_b, last_b))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else { return false };
    let (length_a, length_b) = (first_a.chars().count(), first_b.chars().count());
    last_a == last_b && length_a.abs_diff(length_b) == 1 && length_a.min(length_b) >= 4 && edit_distance_at_most_one(first_a, first_b)
}

/// A word of a name folded over the ways one name is romanised: "zh" and "dzh" as "j"
/// ("Zhunusova", "Junusova"), "kh" as "h", "y" as "i" ("Gennady", "Gennadi"; "Aliya",
/// "Alia"), a first "ye" as "e" ("Yershov", "Ershov"), doubled letters once.
fn romanisation_key(word: &str) -> String {
    let lower = word.to_lowercase();
    let lower = lower.strip_prefix("ye").map_or_else(|| lower.clone(), |rest| format!("e{rest}"));
    let folded = lower.replace("dzh", "j").replace("zh", "j").replace("dj", "j").replace("kh", "h").replace('y', "i");
    let mut key = String::with_capacity(folded.len());
    for c in folded.chars() {
        if !key.ends_with(c) {
            key.push(c);
        }
    }
    key
}

/// Two full names of the same words, romanised two ways ("Aliya Zhunusova", "Aliya
/// Junusova"; "Gennady Yershov", "Gennadi Yershov"), each word of both long enough to tell.
fn romanised(a: &str, b: &str) -> bool {
    let (words_a, words_b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    a != b
        && words_a.len() == words_b.len()
        && words_a.len() >= 2
        && words_a
            .iter()
            .zip(&words_b)
            .all(|(x, y)| x.chars().count().min(y.chars().count()) >= 4 && romanisation_key(x) == romanisation_key(y))
}

/// Whether two names differ in a consonant that romanisations write two ways: "zh" or "kh"
/// in one and not the other.
fn romanised_consonant(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    ["zh", "kh", "dj"].iter().any(|pair| a.contains(pair) != b.contains(pair))
}

/// The same surname romanised two ways and first names a letter apart ("Rustam Azhibekov",
/// "Rustem Ajibekov"), so the caller also asks for the same office or rank.
fn romanised_variant(a: &str, b: &str) -> bool {
    let (Some((first_a, last_a)), Some((first_b, last_b))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else { return false };
    last_a.chars().count() >= 5
        && romanisation_key(last_a) == romanisation_key(last_b)
        && first_a.chars().count() >= 4
        && edit_distance_at_most_one(&romanisation_key(first_a), &romanisation_key(first_b))
}

/// Whether two people's titles share a military or police rank, abbreviated or not ("Gen.",
/// "Maj. Gen.", "Major General").
fn same_rank(a: Option<&BTreeSet<String>>, b: Option<&BTreeSet<String>>) -> bool {
    const RANKS: &[(&str, &str)] = &[
        ("gen", "general"),
        ("col", "colonel"),
        ("lt", "lieutenant"),
        ("capt", "captain"),
        ("sgt", "sergeant"),
        ("adm", "admiral"),
        ("cmdr", "commander"),
        ("brig", "brigadier"),
        ("maj", "major"),
    ];
    let rank = |title: &String| {
        let last = title.split_whitespace().last()?.trim_end_matches('.');
        RANKS.iter().find(|(short, long)| last == *short || last == *long).map(|(_, long)| *long)
    };
    let ranks =
        |set: Option<&BTreeSet<String>>| set.map(|titles| titles.iter().filter_map(rank).collect::<BTreeSet<_>>()).unwrap_or_default();
    !ranks(a).is_disjoint(&ranks(b))
}

/// Two full names of one person spelt two ways: the same first name and surnames one letter
/// apart ("Antony Blinken", "Antony Brinken"), or both names one letter apart ("Katarina
/// Lindqvist", "Katharina Lindquist"). One surname with two first names a letter apart
/// ("Mark Jones", "Mary Jones") is two people.
fn same_person_spelling(a: &str, b: &str) -> bool {
    let (Some((first_a, last_a)), Some((first_b, last_b))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else { return false };
    let near_surname = last_a != last_b && last_a.chars().count() >= 5 && edit_distance_at_most_one(last_a, last_b);
    // Both names a letter apart only when both are long ("Maria Lopez" and "Marta Lopes" may
    // be two people).
    let long = first_a.chars().count() >= 6 && last_a.chars().count() >= 7;
    let near_first = long && !first_a.contains(' ') && edit_distance_at_most_one(first_a, first_b);
    near_surname && (first_a == first_b || near_first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{EntityMention, Span};

    /// An article whose entities are the `(written name, label)` pairs, each its own
    /// canonical name.
    fn article(id: &str, names: &[(&str, EntityLabel)]) -> Document {
        let text = names.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(". ");
        let mut doc = Document::new(id, text.as_str(), Default::default());
        let mut start = 0;
        let mut mentions = Vec::new();
        for (name, label) in names {
            let span = Span::new(start, start + name.len()).unwrap();
            mentions.push(EntityMention { span, label: *label, canonical: (*name).to_owned(), title: None });
            start += name.len() + 2;
        }
        doc.set_layer::<Entities>(mentions).unwrap();
        doc
    }

    #[test]
    fn a_bare_name_is_the_one_river_that_carries_it() {
        let first = article("a", &[("Tessal River", EntityLabel::Place), ("Tessal City", EntityLabel::Place)]);
        let second = article("b", &[("Tessal", EntityLabel::Organisation), ("Tessal Dam Company", EntityLabel::Organisation)]);
        let index = EntityIndex::build(&[&first, &second]);
        assert_eq!(index.canonical("Tessal"), "Tessal River");
        assert_eq!(index.canonical("Tessal City"), "Tessal City");
        // Two features of one name: the bare name is neither.
        let third =
            article("c", &[("Ural", EntityLabel::Place), ("Ural River", EntityLabel::Place), ("Ural Mountains", EntityLabel::Place)]);
        assert_eq!(EntityIndex::build(&[&third]).canonical("Ural"), "Ural");
    }

    #[test]
    fn a_ministry_described_by_its_field_is_the_one_named_in_full() {
        let doc = article("a", &[("Ministry of Defence", EntityLabel::Organisation), ("Omar Zaydan", EntityLabel::Person)]);
        let index = EntityIndex::build(&[&doc]);
        assert_eq!(index.speaker("defence ministry", Some("The defence ministry")), "Ministry of Defence");
        assert_eq!(index.speaker("interior ministry", Some("the interior ministry")), "interior ministry");
    }

    #[test]
    fn an_acronym_the_tagger_read_as_a_place_is_the_organisation() {
        let doc =
            article("a", &[("QNA", EntityLabel::Place), ("Qadira News Agency", EntityLabel::Organisation), ("Qadira", EntityLabel::Place)]);
        let index = EntityIndex::build(&[&doc]);
        assert_eq!(index.canonical("QNA"), "Qadira News Agency");
        assert_eq!(index.canonical("Qadira"), "Qadira");
    }

    #[test]
    fn an_alias_is_written_without_its_possessive_mark() {
        let doc = article("a", &[("Northern Brigades’", EntityLabel::Organisation)]);
        let index = EntityIndex::build(&[&doc]);
        let aliases: Vec<&str> = index.entities[0].aliases.iter().map(String::as_str).collect();
        assert_eq!(aliases, ["Northern Brigades"]);
    }

    #[test]
    fn full_names_spelt_two_ways_are_one_person() {
        assert!(same_person_spelling("Antony Blinken", "Antony Brinken"));
        assert!(same_person_spelling("Katarina Lindqvist", "Katharina Lindquist"));
        assert!(!same_person_spelling("Mark Jones", "Mary Jones"), "one family name, two people");
        assert!(transliterated("Radomir Kastelic", "Radomir Kastelitz"));
        assert!(!transliterated("Radomir Kastelic", "Milan Kastelitz"), "another first name");
        assert!(first_name_variant("Idriss Valkar", "Idris Valkar"));
        let titles = |list: &[&str]| list.iter().map(|t| (*t).to_owned()).collect::<BTreeSet<String>>();
        assert!(same_rank(Some(&titles(&["gen."])), Some(&titles(&["major general"]))));
        assert!(!same_rank(Some(&titles(&["col."])), Some(&titles(&["major general"]))));
        assert!(!first_name_variant("Idris Valkar", "Idris Valkor"), "the surname must agree");
        assert!(!first_name_variant("Ann Jones", "Anna Jones"), "first names of four letters or more");
        assert!(!first_name_variant("Marko Petrovic", "Mirko Petrovic"), "another letter is another name");
        assert!(!transliterated("Erik Larsen", "Erik Lassen"), "short surnames");
        assert!(!same_person_spelling("Anna Lindqvist", "Hanna Lindquist"), "first names too short to tell");
        assert!(!same_person_spelling("Maria Lopez", "Marta Lopes"), "short names a letter apart may be two people");
        assert!(romanised("Aliya Zhunusova", "Aliya Junusova"));
        assert!(romanised("Gennady Yershov", "Gennadi Ershov"));
        assert!(!romanised("Ivan Petrov", "Ivan Petrova"), "another name");
        assert!(!romanised("Li Wei", "Li Wey"), "words too short to tell");
        assert!(romanised_variant("Rustam Azhibekov", "Rustem Ajibekov"));
        assert!(!romanised_variant("Rustam Azhibekov", "Rustam Azhibayev"));
        assert!(romanised_consonant("Aliya Zhunusova", "Aliya Junusova"));
        assert!(!romanised_consonant("Thomas Meyer", "Thomas Meier"), "y and i alone need the same office");
    }

    #[test]
    fn a_surname_alone_romanised_another_way_is_the_one_person() {
        let a = article("a", &[("Gennadi Yershov", EntityLabel::Person)]);
        let b = article("b", &[("Ershov", EntityLabel::Person)]);
        let index = EntityIndex::build(&[&a, &b]);
        assert_eq!(index.entities.len(), 1, "{:?}", index.entities);
    }

    #[test]
    fn a_name_in_capitals_is_no_alias_of_itself() {
        let doc = article("a", &[("Kessa", EntityLabel::Place), ("KESSA", EntityLabel::Place)]);
        let index = EntityIndex::build(&[&doc]);
        assert_eq!(index.entities.len(), 1, "one place, whatever its case");
        assert!(index.entities[0].aliases.is_empty(), "{:?}", index.entities[0].aliases);
        // A dateline's capitals are not the name, whichever article comes first.
        let dateline = article("b", &[("KESSA", EntityLabel::Place)]);
        let body = article("c", &[("Kessa", EntityLabel::Place)]);
        assert_eq!(EntityIndex::build(&[&dateline, &body]).entities[0].canonical, "Kessa");
    }

    #[test]
    fn a_speaker_written_by_surname_alone_is_the_one_person_with_that_surname() {
        let first = article("a", &[("Karim Odeh", EntityLabel::Person), ("Irina Tolmach", EntityLabel::Person)]);
        let index = EntityIndex::build(&[&first]);
        // The quotes layer describes a speaker it found no entity for in lower case.
        assert_eq!(index.speaker("odeh", Some("Odeh, the rebels' spokesman")), "Karim Odeh");
        assert_eq!(index.speaker("tolmach", Some("Tolmach")), "Irina Tolmach");
        assert_eq!(index.speaker("rebels' spokesman", Some("the rebels' spokesman")), "rebels' spokesman");
        // Two people with the surname: neither.
        let second = article("b", &[("Karim Odeh", EntityLabel::Person), ("Lina Odeh", EntityLabel::Person)]);
        assert_eq!(EntityIndex::build(&[&second]).speaker("odeh", Some("Odeh")), "odeh");
    }
}
