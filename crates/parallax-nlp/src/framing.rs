//! Framing: the labels an article uses for each actor, and in whose voice.
//!
//! A label is a word or phrase from a lexicon of actor labels ("protesters",
//! "terrorists", "peacekeepers", "troops", "regime"). Its voice is the speaker's when it lies inside
//! a quote, the outlet's own otherwise; a label wrapped alone in quotation marks is a
//! scare quote — the outlet holding the word at a distance.

use crate::claims::opponents_are_armed;
use crate::quotes::quoted_passages;
use parallax_core::layer::{Blocks, Framing, Quotes, Sentences};
use parallax_core::{Document, FramingLabel, LayerKind, Quote, QuoteKind, Span, Stage, StageError, Voice};

pub struct FramingFinder;

impl Stage for FramingFinder {
    fn name(&self) -> &'static str {
        "framing"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Blocks, LayerKind::Sentences, LayerKind::Quotes]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Framing]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text().as_str();
        let labels = find_labels(text, doc.layer::<Blocks>()?, doc.layer::<Sentences>()?, &Quote::credited(doc.layer::<Quotes>()?));
        doc.set_layer::<Framing>(labels)?;
        Ok(())
    }
}

/// The actor of a label that names the authorities' opponents without saying whether they
/// are a crowd or an armed group; resolved per article by [`opponents_are_armed`].
const OPPONENTS: &str = "opponents";

/// Actor labels: (phrase, actor). Longer phrases come first so that they win.
pub const ACTOR_LABELS: &[(&str, &str)] = &[
    ("trained and organized armed formations", OPPONENTS),
    ("terrorist militias", "fighters"),
    ("armed formations", OPPONENTS),
    ("armed criminals", "protesters"),
    ("armed gangs", OPPONENTS),
    ("international terrorists", OPPONENTS),
    ("criminals and murderers", "protesters"),
    ("peacekeeping forces", "troops"),
    ("peacekeeping force", "troops"),
    ("security forces", "security forces"),
    ("protesters", "protesters"),
    ("protestors", "protesters"),
    ("demonstrators", "protesters"),
    ("strikers", "protesters"),
    ("rioters", "protesters"),
    ("terrorists", OPPONENTS),
    ("terrorist", OPPONENTS),
    ("bandits", OPPONENTS),
    ("robbers", "protesters"),
    // A riot's or a kidnapping's: as "terrorists", by what the article is about.
    ("criminals", OPPONENTS),
    ("murderers", "protesters"),
    ("looters", "protesters"),
    ("hooligans", "protesters"),
    ("agitators", "protesters"),
    ("saboteurs", "protesters"),
    ("provocateurs", "protesters"),
    ("extremists", OPPONENTS),
    ("thugs", "protesters"),
    ("mob", "protesters"),
    ("militants", "fighters"),
    ("insurgents", "fighters"),
    ("rebels", "fighters"),
    ("rebel", "fighters"),
    ("militias", "fighters"),
    ("militia", "fighters"),
    ("militiamen", "fighters"),
    ("fighters", "fighters"),
    ("gunmen", "fighters"),
    ("kidnappers", "fighters"),
    ("abductors", "fighters"),
    ("guerrillas", "fighters"),
    ("jihadists", "fighters"),
    ("separatists", "fighters"),
    ("peacekeepers", "troops"),
    ("peacekeeping", "troops"),
    ("troops", "troops"),
    ("soldiers", "troops"),
    ("paratroopers", "troops"),
    ("occupiers", "troops"),
    ("invaders", "troops"),
    ("police", "security forces"),
    // People who cross borders: "illegal migrants" against "migrants", "refugees" and
    // "asylum seekers" (the article "refugee" names an agency, "the UN refugee agency").
    ("illegal migrants", "migrants"),
    ("illegal immigrants", "migrants"),
    ("irregular migrants", "migrants"),
    ("undocumented migrants", "migrants"),
    ("economic migrants", "migrants"),
    ("illegal aliens", "migrants"),
    ("illegal crossers", "migrants"),
    ("migrants", "migrants"),
    ("immigrants", "migrants"),
    ("refugees", "migrants"),
    ("asylum seekers", "migrants"),
    ("asylum-seekers", "migrants"),
    // Loaded names for a government; its plain names ("the government", "the authorities")
    // are no label.
    // "the terrorist regime in Tazrit": a loaded name for a government, not for fighters.
    ("terrorist regime", "government"),
    ("terror regime", "government"),
    ("criminal regime", "government"),
    ("terrorist state", "government"),
    ("puppet government", "government"),
    ("regime", "government"),
    ("junta", "government"),
    ("dictatorship", "government"),
];

/// The labels of [`ACTOR_LABELS`] whose first word is `word` (lower-case), longest first.
fn labels_starting_with(word: &str) -> Option<&'static [(&'static str, &'static str)]> {
    static BY_FIRST_WORD: std::sync::OnceLock<std::collections::HashMap<&str, Vec<(&str, &str)>>> = std::sync::OnceLock::new();
    let map = BY_FIRST_WORD.get_or_init(|| {
        let mut map: std::collections::HashMap<&str, Vec<(&str, &str)>> = std::collections::HashMap::new();
        for &(phrase, actor) in ACTOR_LABELS {
            let first = phrase.split(|c: char| !c.is_alphabetic()).next().unwrap_or(phrase);
            map.entry(first).or_default().push((phrase, actor));
        }
        for candidates in map.values_mut() {
            candidates.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        }
        map
    });
    map.get(word).map(Vec::as_slice)
}

/// Finds actor labels in sentences.
pub fn find_labels(
    text: &str,
    blocks: &[parallax_core::Block],
    sentences: &[parallax_core::Sentence],
    quotes: &[Quote],
) -> Vec<FramingLabel> {
    let passages: Vec<Span> = blocks.iter().flat_map(|b| quoted_passages(text, b.span)).map(|p| p.inner).collect();
    let mut labels: Vec<FramingLabel> = Vec::new();
    let armed = std::cell::OnceCell::new();
    for sentence in sentences {
        let body = &text[sentence.span.range()];
        let lower = body.to_lowercase();
        if lower.len() != body.len() {
            // Lower-casing changed byte lengths (rare scripts): offsets would not map back.
            continue;
        }
        // Each word is looked up once by the labels that start with it; the longest there wins.
        let mut i = 0;
        while i < lower.len() {
            let rest = &lower[i..];
            let word_len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
            if word_len == 0 {
                i += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let starts_word = !lower[..i].ends_with(char::is_alphanumeric);
            let found = labels_starting_with(&rest[..word_len]).filter(|_| starts_word).and_then(|candidates| {
                candidates.iter().find(|(phrase, _)| rest.starts_with(phrase) && !rest[phrase.len()..].starts_with(char::is_alphabetic))
            });
            let Some(&(phrase, actor)) = found else {
                i += word_len;
                continue;
            };
            i += phrase.len();
            let start = sentence.span.start() + i - phrase.len();
            let Ok(span) = Span::new(start, start + phrase.len()) else { continue };
            let quote = quotes.iter().find(|q| q.content.contains(span));
            let scare_quoted = passages.iter().any(|p| {
                let inner = text[p.range()].trim().trim_end_matches(['.', ',']);
                p.contains(span) && inner.split_whitespace().count() <= 3
            });
            let in_long_passage = passages.iter().any(|p| p.contains(span) && text[p.range()].split_whitespace().count() > 3);
            // "the Sarrow Front, which it calls a terrorist organisation": a label a verb of
            // naming gives is its subject's word, the speaker's of the sentence when it has one.
            let named = named_by_verb(&lower[..i - phrase.len()]);
            let speaker_of_sentence = || {
                quotes
                    .iter()
                    .find(|q| q.cue.is_some_and(|c| sentence.span.contains(c)))
                    .and_then(|q| q.source.as_ref().and_then(|s| s.canonical.clone()))
            };
            let voice = match quote {
                Some(q) if q.kind != QuoteKind::Indirect || !scare_quoted => {
                    Voice::Quoted { speaker: q.source.as_ref().and_then(|s| s.canonical.clone()) }
                }
                None if named => Voice::Quoted { speaker: speaker_of_sentence() },
                // Inside quotation marks that no speaker could be found for: still not the outlet's voice.
                None if in_long_passage => Voice::Quoted { speaker: None },
                _ => Voice::Own,
            };
            let actor = match actor {
                OPPONENTS if *armed.get_or_init(|| opponents_are_armed(text)) => "fighters",
                OPPONENTS => "protesters",
                actor => actor,
            };
            labels.push(FramingLabel { span, actor: actor.to_owned(), term: phrase.to_owned(), voice, scare_quoted });
        }
    }
    labels.sort_by_key(|l| l.span.start());
    labels
}

/// Whether the clause before a label (lower-case) names it with a verb of naming, at most
/// six words before it: "which it calls a", "called the demonstrators", "described the group
/// as". "so-called" is the outlet's own distance.
fn named_by_verb(before: &str) -> bool {
    const NAMING_AS: &[&str] =
        &["describe", "describes", "described", "regard", "regards", "regarded", "designate", "designates", "designated"];
    // The label's own opening quotation mark ("calls the government a “terrorist regime”").
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\''));
    let clause = before.rsplit([',', ';', ':', '.', '“', '”', '"']).next().unwrap_or(before);
    let words: Vec<&str> = clause.split(|c: char| !c.is_alphabetic() && c != '-').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    let Some(verb) = (n.saturating_sub(6)..n).rev().find(|&k| {
        crate::lexicon::VERBS_OF_NAMING.contains(&words[k])
            || (words[k] == "as" && k > 0 && words[..k].iter().rev().take(4).any(|w| NAMING_AS.contains(w)))
    }) else {
        return false;
    };
    // Between the verb and the label: nothing, an article, or the object named ("them", "the
    // demonstrators"); "called the troops “peacekeepers”" names the troops, and "troops" is
    // the outlet's word.
    let article = |w: &str| matches!(w, "a" | "an");
    let pronoun = |w: &str| matches!(w, "them" | "him" | "her" | "it" | "us" | "me");
    let determiner = |w: &str| matches!(w, "the" | "these" | "those" | "its" | "their" | "his" | "her");
    match &words[verb + 1..] {
        [] => true,
        [one] => article(one) || pronoun(one),
        [object, second] => (pronoun(object) && article(second)) || (determiner(object) && !article(second)),
        // "calls the Kavrani government a “terrorist regime”": the object named, then the label.
        [first, .., last] => determiner(first) && article(last),
    }
}

#[cfg(test)]
mod tests {
    use crate::default_pipeline;
    use parallax_core::layer::Framing;
    use parallax_core::Document;

    /// (term, actor) of every label of `text`.
    fn labels(text: &str) -> Vec<(String, String)> {
        let doc = default_pipeline().unwrap().run(Document::new("t", text, Default::default())).unwrap();
        doc.layer::<Framing>().unwrap().iter().map(|l| (l.term.clone(), l.actor.clone())).collect()
    }

    #[test]
    fn a_label_given_by_a_verb_of_naming_is_not_the_outlets_own() {
        let voices = |text: &str| {
            let doc = default_pipeline().unwrap().run(Document::new("t", text, Default::default())).unwrap();
            doc.layer::<Framing>().unwrap().iter().map(|l| (l.term.clone(), l.voice.clone())).collect::<Vec<_>>()
        };
        let found =
            voices("The defence ministry accused the Sarrow Front, which it calls a terrorist organisation, of launching the drones.");
        assert!(found.iter().all(|(_, v)| *v != parallax_core::Voice::Own), "{found:?}");
        let found = voices("State television, which routinely calls the Kavrani government a \"terrorist regime\", said five died.");
        assert!(found.iter().all(|(_, v)| *v != parallax_core::Voice::Own), "{found:?}");
        let found = voices("The president called the demonstrators terrorists.");
        assert_eq!(found.last().map(|(_, v)| *v == parallax_core::Voice::Own), Some(false), "{found:?}");
        let found = voices("Russia has also called the troops peacekeepers. The so-called rebels shelled the town.");
        assert_eq!(found.first().map(|(t, v)| (t.as_str(), *v == parallax_core::Voice::Own)), Some(("troops", true)), "{found:?}");
        assert!(found.iter().any(|(t, v)| t == "peacekeepers" && *v != parallax_core::Voice::Own), "{found:?}");
        assert_eq!(found.last().map(|(t, v)| (t.as_str(), *v == parallax_core::Voice::Own)), Some(("rebels", true)), "{found:?}");
    }

    #[test]
    fn terrorists_are_the_protesters_of_unrest_and_the_fighters_of_a_war() {
        let unrest = labels("Protesters filled the square for a third day. The president called the demonstrators terrorists.");
        assert!(unrest.contains(&("terrorists".to_owned(), "protesters".to_owned())), "{unrest:?}");
        let war = labels("Rebels shelled the town. The ministry said its troops had killed 40 terrorists and two militia leaders.");
        assert!(war.contains(&("terrorists".to_owned(), "fighters".to_owned())), "{war:?}");
        assert!(war.contains(&("rebels".to_owned(), "fighters".to_owned())), "{war:?}");
        // A kidnapping is no riot: its "terrorists" and "criminals" are armed men.
        let kidnapping = labels("Terrorists abducted 102 pupils. \"These criminals will be hunted down,\" the governor said.");
        assert!(kidnapping.iter().all(|(_, actor)| actor == "fighters"), "{kidnapping:?}");
        let talks = labels("\"The regime wants a photo opportunity,\" she said. The government denied it.");
        assert_eq!(talks, [("regime".to_owned(), "government".to_owned())]);
        // "The terrorist regime in Tazrit" is a government's name, not fighters'.
        let strike = labels("Drones hit the plant overnight when the terrorist regime in Tazrit attacked the city.");
        assert_eq!(strike, [("terrorist regime".to_owned(), "government".to_owned())]);
    }

    #[test]
    fn people_who_cross_borders_are_migrants_by_whatever_name() {
        let found =
            labels("A vessel carrying illegal migrants sank. Refugees and asylum-seekers were taken to the UN refugee agency's centre.");
        let expected = [("illegal migrants", "migrants"), ("refugees", "migrants"), ("asylum-seekers", "migrants")];
        assert_eq!(found, expected.map(|(t, a)| (t.to_owned(), a.to_owned())));
    }
}
