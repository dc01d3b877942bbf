//! Event claims: who did what to whom, where — {deployed, troops, place Kazakhstan},
//! {asked for help, Kassym-Jomart Tokayev, with CSTO}, {retook, airport}.
//!
//! Each [`Frame`] is a kind of event news reports of unrest, conflict and diplomacy state
//! over and over: a set of trigger words, sometimes a companion word that must follow the
//! trigger closely ("asked … for help", "spoke … with"), and a condition on the clause
//! (a word for armed forces must be there for a deployment; a word for protests for a
//! cause of protests). The claim's `subject` is what events of the frame are aligned on
//! across articles: a fixed group ("troops", "protests"), the canonical entity that acts
//! ("Kassym-Jomart Tokayev"), the object noun ("airport") or the people who met. Invariants:
//! every event claim's evidence is the sentence holding its trigger, and an event stated
//! inside a quote is attributed to that quote's speaker.

use crate::claims::{clause_around, lower_words, ARMED_GROUP_NOUNS, CROWD_NOUNS, OPPONENT_LABELS, TROOP_NOUNS, WEAPONS};
use crate::text_util::stem;
use parallax_core::{Claim, ClaimKind, EntityLabel, EntityMention, Quote, Sentence, Span, TimeExpression};

/// What identifies an event of a frame across articles.
#[derive(Clone, Copy, PartialEq)]
enum Subject {
    /// A fixed group named by the frame.
    Group(&'static str),
    /// The nearest entity before the trigger: the one who acts.
    Actor,
    /// The noun phrase after the trigger: what was acted on.
    Object,
    /// Everyone named on both sides of the trigger, in name order.
    Parties,
    /// What the companion word names: ("emergency", "state of emergency").
    Companion(&'static [(&'static str, &'static str)]),
    /// The nearest organisation before the trigger ("The CSTO, composed of …").
    Organisation,
}

/// A condition on the clause around the trigger.
#[derive(Clone, Copy, PartialEq)]
enum Needs {
    Nothing,
    /// A word for armed forces (troops, soldiers, paratroopers, units …).
    Troops,
    /// A word for protests or unrest.
    Protests,
    /// A word for armed forces, armed groups or weapons ("aircraft", "missiles", "rebels").
    Armed,
    /// [`Needs::Armed`] or [`Needs::Protests`]: "Rebels seized the town", "Protesters stormed
    /// the airport", but not "Cruz captured Texas".
    ArmedOrProtests,
    /// A word for armed forces, or a verb of staying whose subject the previous sentence
    /// names as armed forces ("They will stay … for weeks").
    TroopsOrStaying,
    /// A verb of staying or being stationed, not in the perfect, with armed forces in the
    /// clause or named by the sentence before ("They will stay … for weeks").
    Staying,
}

struct Frame {
    /// The normalised predicate.
    action: &'static str,
    /// Lower-case trigger words, or two-word phrases written "limited period".
    triggers: &'static [&'static str],
    /// Words of which one must follow the trigger within [`COMPANION_WINDOW`] words.
    companions: &'static [&'static str],
    needs: Needs,
    subject: Subject,
}

const COMPANION_WINDOW: usize = 5;

const FRAMES: &[Frame] = &[
    Frame {
        action: "deployed",
        triggers: &[
            "deployed",
            "deploy",
            "deploying",
            "deployment",
            "arrived",
            "arrive",
            "arriving",
            "arrival",
            "entered",
            "entering",
            "sent",
            "sending",
            "dispatched",
            "stationed",
            "landed",
        ],
        companions: &[],
        needs: Needs::Troops,
        subject: Subject::Group("troops"),
    },
    Frame {
        action: "deployment is temporary",
        triggers: &["temporary", "temporarily", "limited period", "limited time", "short-term"],
        companions: &[],
        needs: Needs::TroopsOrStaying,
        subject: Subject::Group("troops"),
    },
    // A stay's length says it is temporary only of a stay: not "the depot had been used for
    // months to refuel military convoys".
    Frame {
        action: "deployment is temporary",
        triggers: &["for weeks", "for days", "for months"],
        companions: &[],
        needs: Needs::Staying,
        subject: Subject::Group("troops"),
    },
    Frame {
        action: "asked for help",
        triggers: &[
            "asked",
            "ask",
            "asks",
            "asking",
            "requested",
            "request",
            "requests",
            "requesting",
            "sought",
            "seek",
            "seeks",
            "seeking",
            "appealed",
            "appeal",
            "appeals",
            "appealing",
            "demanded",
            "demand",
            "demands",
            "demanding",
        ],
        companions: &["help", "assistance", "aid", "support", "intervention", "reinforcements"],
        needs: Needs::Nothing,
        subject: Subject::Actor,
    },
    Frame {
        action: "declared",
        triggers: &["declared", "declares", "declaring", "proclaimed", "proclaims", "imposed", "imposes", "imposing", "introduced"],
        companions: &["emergency", "curfew", "martial"],
        needs: Needs::Nothing,
        subject: Subject::Companion(&[("emergency", "state of emergency"), ("curfew", "curfew"), ("martial", "martial law")]),
    },
    Frame {
        action: "opened fire",
        triggers: &["opened fire", "opening fire", "open fire", "opens fire"],
        companions: &[],
        needs: Needs::Nothing,
        subject: Subject::Group("security forces"),
    },
    Frame {
        action: "ordered to fire",
        triggers: &["ordered", "orders", "order", "authorised", "authorized", "authorising", "authorizing", "allowed", "permitted"],
        companions: &["fire", "shoot", "shooting", "kill"],
        needs: Needs::Nothing,
        subject: Subject::Actor,
    },
    Frame {
        action: "has members",
        triggers: &["composed of", "made up", "consists of", "consisting of", "member states", "member countries", "member nations"],
        companions: &[],
        needs: Needs::Nothing,
        subject: Subject::Organisation,
    },
    Frame {
        action: "triggered",
        triggers: &["triggered", "sparked", "prompted", "fuelled", "fueled", "ignited", "provoked"],
        companions: &[],
        needs: Needs::Protests,
        subject: Subject::Group("protests"),
    },
    Frame {
        action: "retook",
        triggers: &["retook", "retake", "retaking", "recaptured", "recapture", "recapturing", "regained"],
        companions: &[],
        needs: Needs::Nothing,
        subject: Subject::Object,
    },
    // Taking a place is not taking it back: protesters seized the airport, the army retook it.
    // No bare "storm" or "capture": "The storm destroyed 300 homes".
    Frame {
        action: "seized",
        triggers: &["seized", "seize", "seizing", "captured", "capturing", "stormed", "storming", "overran", "overrun"],
        companions: &[],
        needs: Needs::ArmedOrProtests,
        subject: Subject::Object,
    },
    // "Israeli aircraft struck a school", "rebels attacked a cargo ship": a strike on what is
    // named after the verb, when the clause names an armed actor or a weapon ("The
    // earthquake struck the valley" is no attack). No "striking": "striking dock workers".
    Frame {
        action: "attacked",
        triggers: &[
            "attacked",
            "attacking",
            "struck",
            "shelled",
            "shelling",
            "bombed",
            "bombing",
            "bombarded",
            "targeted",
            "targeting",
            "raided",
            "hit",
        ],
        companions: &[],
        needs: Needs::Armed,
        subject: Subject::Object,
    },
    Frame {
        action: "spoke with",
        triggers: &["spoke", "speaks", "talked", "met", "meets", "phoned"],
        companions: &["with", "to"],
        needs: Needs::Nothing,
        subject: Subject::Parties,
    },
];

/// Words for protests and unrest.
const PROTEST_WORDS: &[&str] = &["protest", "unrest", "riot", "demonstration", "rally", "uprising", "strike", "clash", "disturbance"];
/// Verbs of staying, whose subject a pronoun may carry over from the previous sentence.
const STAY_WORDS: &[&str] = &["stay", "staying", "stays", "remain", "remaining", "remains", "intervene", "intervening"];
/// Words that end the object noun phrase after a trigger.
const PHRASE_ENDS: &[&str] = &[
    "from", "in", "on", "at", "by", "with", "after", "before", "and", "or", "to", "for", "of", "during", "as", "while", "that", "which",
    "near", "outside", "inside", "off", "along", "across", "around", "into",
    // "targeted a rebel command post several hundred metres away": a measure of where.
    "several", "some", "about", "hundreds", "dozens", "few",
];
/// Directions: written in lower case they say where, not what ("hit villages east of the
/// town"); capitalised they begin a name ("the North Basin terminal").
const DIRECTIONS: &[&str] = &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"];
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "some", "control"];

/// Finds the event claims of an article.
pub fn find_events(
    text: &str,
    sentences: &[Sentence],
    entities: &[EntityMention],
    times: &[TimeExpression],
    quotes: &[Quote],
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let words = lower_words(text, sentence.span);
        for frame in FRAMES {
            for (at, trigger) in triggers_in(&words, frame) {
                if denied(&words, at) {
                    continue;
                }
                let clause = clause_around(text, sentence.span, trigger);
                let clause_words: Vec<String> = words.iter().filter(|(s, _)| clause.contains(*s)).map(|(_, w)| stem(w)).collect();
                let previous = index.checked_sub(1).map(|i| sentences[i].span);
                if !needs_met(frame.needs, &clause_words, text, previous) {
                    continue;
                }
                if !frame.companions.is_empty() && !companion_follows(&words, at, frame.companions) {
                    continue;
                }
                let in_clause: Vec<&EntityMention> = entities.iter().filter(|e| clause.contains(e.span)).collect();
                let before: Vec<&EntityMention> = in_clause.iter().copied().filter(|e| e.span.end() <= trigger.start()).collect();
                let after: Vec<&EntityMention> = in_clause.iter().copied().filter(|e| e.span.start() >= trigger.end()).collect();
                let attribution = quotes.iter().find(|q| q.content.contains(trigger)).and_then(|q| q.source.clone());
                // "The leader of Kazakhstan said he ordered …": the pronoun is the speaker.
                let pronoun_before = at.checked_sub(1).is_some_and(|i| matches!(words[i].1.as_str(), "he" | "she" | "i" | "we"));
                let speaker = attribution.as_ref().and_then(|a| a.canonical.clone()).filter(|_| pronoun_before);
                let subject = match frame.subject {
                    Subject::Group(group) => Some(group.to_owned()),
                    Subject::Actor => speaker.or_else(|| {
                        before
                            .iter()
                            .rev()
                            .find(|e| matches!(e.label, EntityLabel::Person | EntityLabel::Organisation | EntityLabel::Place))
                            .map(|e| e.canonical.clone())
                    }),
                    // A named object is its entity: "retook Ternovo" is about Ternovo.
                    Subject::Object => object_after(text, &words, at).map(|(span, head)| {
                        // The object may stand before a passive trigger: "Pellar was struck".
                        in_clause
                            .iter()
                            .find(|e| e.span.contains(span) && matches!(e.label, EntityLabel::Place | EntityLabel::Organisation))
                            .map_or(head, |e| e.canonical.clone())
                    }),
                    Subject::Organisation => {
                        before.iter().rev().find(|e| e.label == EntityLabel::Organisation).map(|e| e.canonical.clone())
                    }
                    Subject::Parties => parties(&before, &after),
                    Subject::Companion(names) => words
                        .iter()
                        .skip(at + 1)
                        .take(COMPANION_WINDOW)
                        .find_map(|(_, w)| names.iter().find(|(c, _)| *c == w).map(|(_, n)| (*n).to_owned())),
                };
                let Some(subject) = subject else { continue };
                let mut participants: Vec<String> = in_clause.iter().map(|e| e.canonical.clone()).collect();
                participants.sort();
                participants.dedup();
                let place = after
                    .iter()
                    .find(|e| e.label == EntityLabel::Place && introduces_place(text, trigger, e.span))
                    .filter(|e| frame.subject != Subject::Object || !another_object_before(text, trigger, e.span))
                    .map(|e| e.canonical.clone());
                let time = times.iter().find(|t| clause.contains(t.span) || sentence.span.contains(t.span)).map(|t| t.value.clone());
                claims.push(Claim {
                    kind: ClaimKind::Event,
                    predicate: frame.action.to_owned(),
                    subject,
                    value: None,
                    value_span: None,
                    evidence: sentence.span,
                    attribution,
                    participants,
                    place,
                    time,
                });
            }
        }
    }
    // One claim per frame, subject and sentence: "sent … have arrived" is one deployment.
    claims.dedup_by(|b, a| a.evidence == b.evidence && a.predicate == b.predicate && a.subject == b.subject);
    claims
}

/// "arrived in Kazakhstan", "entered Kazakhstan", "sent to the border region of Kazakhstan": a
/// place the event happened in, rather than a name qualifying someone ("Kazakhstan Foreign
/// Minister").
fn introduces_place(text: &str, trigger: Span, place: Span) -> bool {
    const PLACE_WORDS: &[&str] = &["in", "into", "to", "at", "near", "inside", "across", "entered", "entering", "of"];
    let between = &text[trigger.end()..place.start()];
    // "on the coast south of Dunmere" is outside Dunmere.
    let lower = between.to_lowercase();
    if DIRECTIONS.iter().any(|d| lower.trim_end().ends_with(&format!("{d} of"))) {
        return false;
    }
    let last = between.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty() && *w != "the");
    match last {
        None => text[trigger.range()].to_lowercase().starts_with("enter"),
        Some(word) => PLACE_WORDS.contains(&word.to_lowercase().as_str()),
    }
}

/// Whether a second object or a clause stands between the trigger and a place: "struck the
/// plant and a fuel depot in the port of Pellar" places the depot, not the plant.
fn another_object_before(text: &str, trigger: Span, place: Span) -> bool {
    let between = &text[trigger.end()..place.start()];
    between.contains(" and ") || between.contains([',', ';'])
}

/// Positions and spans of the frame's triggers among `words`.
fn triggers_in(words: &[(Span, String)], frame: &Frame) -> Vec<(usize, Span)> {
    let mut found = Vec::new();
    for (i, (span, word)) in words.iter().enumerate() {
        // Most words start no trigger: one byte rules them out before any string comparison.
        let Some(&first) = word.as_bytes().first() else { continue };
        for trigger in frame.triggers.iter().filter(|t| t.as_bytes().first() == Some(&first)) {
            // "opened fire": the word is the trigger, or its first word followed by the second.
            let Some(rest) = trigger.strip_prefix(word.as_str()) else { continue };
            let end = match rest.strip_prefix(' ') {
                Some(second) if words.get(i + 1).is_some_and(|(_, next)| next == second) => words[i + 1].0.end(),
                None if rest.is_empty() => span.end(),
                _ => continue,
            };
            if let Ok(span) = Span::new(span.start(), end) {
                found.push((i, span));
            }
        }
    }
    found
}

/// Whether the trigger at `at` is denied, negated or only attempted: "denied targeting
/// civilians", "did not attack", "never sent troops" (a "n't" leaves the word "t"), "tried to
/// seize".
fn denied(words: &[(Span, String)], at: usize) -> bool {
    let denial = |w: &str| matches!(w, "denied" | "denies" | "deny" | "denying" | "rejected" | "rejects" | "dismissed" | "dismisses");
    let negated = words[at.saturating_sub(2)..at].iter().any(|(_, w)| matches!(w.as_str(), "not" | "never" | "t") || denial(w));
    // "rejected what it called fabricated reports that its artillery had hit a hospital": the
    // act is what the rejected reports say.
    let before: Vec<&str> = words[at.saturating_sub(12)..at].iter().map(|(_, w)| w.as_str()).collect();
    let rejected_report = before.iter().rposition(|w| *w == "that").is_some_and(|that| {
        that > 0
            && matches!(before[that - 1], "reports" | "claims" | "allegations" | "accusations" | "suggestions")
            && before[..that - 1].iter().any(|w| denial(w))
    });
    // "tried to seize government buildings": an attempt, not the act.
    let attempted = at >= 2
        && words[at - 1].1 == "to"
        && matches!(
            words[at - 2].1.as_str(),
            "tried" | "tries" | "trying" | "attempted" | "attempting" | "sought" | "threatened" | "planned" | "wanted"
        );
    negated || rejected_report || attempted
}

/// `previous` is the sentence before, read only when a verb of staying needs its subject.
fn needs_met(needs: Needs, clause: &[String], text: &str, previous: Option<Span>) -> bool {
    let has = |list: &[&str], words: &[String]| words.iter().any(|w| list.contains(&w.as_str()));
    // "hit Unit 3, the ammonia section": a plant's unit is no armed one.
    let troops = |clause: &[String]| clause.iter().any(|w| w != "unit" && TROOP_NOUNS.contains(&w.as_str()));
    let armed = |clause: &[String]| troops(clause) || has(ARMED_GROUP_NOUNS, clause) || has(WEAPONS, clause);
    let protests = |clause: &[String]| {
        has(PROTEST_WORDS, clause) || has(CROWD_NOUNS, clause) || has(OPPONENT_LABELS, clause) || has(ARMED_GROUP_NOUNS, clause)
    };
    // Armed forces named by the sentence before, for a verb of staying whose subject is there.
    let troops_before =
        || previous.is_some_and(|p| has(TROOP_NOUNS, &lower_words(text, p).into_iter().map(|(_, w)| stem(&w)).collect::<Vec<_>>()));
    match needs {
        Needs::Nothing => true,
        Needs::Troops => has(TROOP_NOUNS, clause),
        Needs::Armed => armed(clause),
        Needs::Protests => protests(clause),
        Needs::ArmedOrProtests => armed(clause) || protests(clause),
        Needs::TroopsOrStaying => has(TROOP_NOUNS, clause) || (has(STAY_WORDS, clause) && troops_before()),
        Needs::Staying => {
            // "have been stationed there for months" tells how long, not that it will end.
            let perfect = has(&["been"], clause);
            let staying = has(STAY_WORDS, clause) || has(&["deployed", "stationed", "based"], clause);
            staying && !perfect && (has(TROOP_NOUNS, clause) || troops_before())
        }
    }
}

fn companion_follows(words: &[(Span, String)], at: usize, companions: &[&str]) -> bool {
    words.iter().skip(at + 1).take(COMPANION_WINDOW).any(|(_, w)| companions.contains(&stem(w).as_str()))
}

/// The head of the noun phrase after the trigger and where it is written: "retaking the
/// airport from …" → "airport"; "regained control of Ternovo" → "ternovo".
fn object_after(text: &str, words: &[(Span, String)], at: usize) -> Option<(Span, String)> {
    // "the tanks that were hit contained", "the two tanks hit were empty": a passive
    // participle's object stands before it.
    let be = |k: usize| words.get(k).is_some_and(|(_, w)| BE_FORMS.contains(&w.as_str()));
    // A participle after "be" ("the tanks that were hit"), not a progressive ("artillery
    // was shelling villages"), or one followed by its agent ("hit by enemy drones"). A "be"
    // after the trigger proves nothing: "What the drones hit was a depot".
    let participle = !words[at].1.ends_with("ing");
    let by = words.get(at + 1).is_some_and(|(_, w)| w == "by");
    let passive = participle && (at.checked_sub(1).is_some_and(be) || by);
    if passive && !words.get(at + 1).is_some_and(|(_, w)| DETERMINERS.contains(&w.as_str())) {
        return object_before(text, words, at);
    }
    let start = at + 1;
    // A mark between two words ends the phrase: "struck the plant, killing four".
    let unbroken = |k: usize| k == start || !text[words[k - 1].0.end()..words[k].0.start()].contains([',', ';', ':', '.', '(', ')']);
    let phrase: Vec<&(Span, String)> = (start..words.len())
        .skip_while(|&k| DETERMINERS.contains(&words[k].1.as_str()) || words[k].1 == "of" || words[k].1 == "control")
        .take_while(|&k| {
            let (span, w) = &words[k];
            unbroken(k)
                && !(PHRASE_ENDS.contains(&w.as_str())
                    || BE_FORMS.contains(&w.as_str())
                    || (DIRECTIONS.contains(&w.as_str()) && text[span.range()].starts_with(char::is_lowercase)))
        })
        .take(4)
        .map(|k| &words[k])
        .collect();
    // "Kallos shelling kills 9, army says": a noun of striking followed by its verb has no
    // object; a number after it is a count, not a thing struck.
    if phrase.first().is_some_and(|(_, w)| {
        w.chars().any(|c| c.is_ascii_digit())
            || matches!(w.as_str(), "kills" | "killed" | "kill" | "wounds" | "wounded" | "hits" | "leaves" | "left")
    }) {
        return None;
    }
    let (span, head) = phrase.last()?;
    // "attacked the tanker Marlin Dawn": a name that ends the phrase is the object, as written.
    let capitalised = |span: &Span| text[span.range()].starts_with(char::is_uppercase);
    let name_length = phrase.iter().rev().take_while(|(span, _)| capitalised(span)).count();
    if name_length > 0 && name_length < phrase.len() {
        let first = phrase[phrase.len() - name_length].0;
        return Some((*span, text[first.start()..span.end()].to_owned()));
    }
    Some((*span, stem(head)))
}

/// Forms of "be", which end an object phrase and make a participle passive.
const BE_FORMS: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];

/// The noun a passive participle at `at` is said of: "the tanks (that were) hit" → "tank".
fn object_before(text: &str, words: &[(Span, String)], at: usize) -> Option<(Span, String)> {
    let skip = |w: &str| BE_FORMS.contains(&w) || matches!(w, "that" | "which" | "who" | "had" | "have" | "has" | "reportedly" | "also");
    let k = (0..at).rev().find(|&k| !skip(&words[k].1))?;
    let (span, word) = &words[k];
    let noun = word.chars().all(char::is_alphabetic) && word.len() > 2 && !DETERMINERS.contains(&word.as_str());
    // Nothing but a mark may stand between the noun and the participle's auxiliary.
    let joined = !text[span.end()..words[at].0.start()].contains([',', ';', ':', '.']);
    (noun && joined).then(|| (*span, stem(word)))
}

/// "Blinken spoke … with Foreign Minister Mukhtar Tileuberdi" → both, in name order.
fn parties(before: &[&EntityMention], after: &[&EntityMention]) -> Option<String> {
    let is_party = |e: &&&EntityMention| matches!(e.label, EntityLabel::Person | EntityLabel::Organisation);
    let first = before.iter().rev().find(is_party)?;
    let second = after.iter().find(is_party)?;
    let mut names = [first.canonical.as_str(), second.canonical.as_str()];
    names.sort_unstable();
    (names[0] != names[1]).then(|| names.join(" – "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_pipeline;
    use parallax_core::layer::Claims;
    use parallax_core::Document;

    fn events(text: &str) -> Vec<(String, String, Option<String>)> {
        let doc = default_pipeline().unwrap().run(Document::new("t", text, Default::default())).unwrap();
        doc.layer::<Claims>()
            .unwrap()
            .iter()
            .filter(|c| c.kind == ClaimKind::Event)
            .map(|c| (c.predicate.clone(), c.subject.clone(), c.place.clone()))
            .collect()
    }

    fn has(found: &[(String, String, Option<String>)], predicate: &str, subject: &str) -> bool {
        found.iter().any(|(p, s, _)| p == predicate && s == subject)
    }

    #[test]
    fn a_deployment_needs_a_word_for_armed_forces() {
        let found = events("Orlenian troops arrived in Vessantia on Monday. A letter arrived in the post.");
        assert_eq!(found.iter().filter(|(p, _, _)| p == "deployed").count(), 1, "{found:?}");
        assert!(found.iter().any(|(p, s, place)| p == "deployed" && s == "troops" && place.as_deref() == Some("Vessantia")), "{found:?}");
    }

    #[test]
    fn a_passive_strike_is_on_what_stands_before_it() {
        let found = events("Officials said the two tanks hit by enemy drones were empty.");
        assert!(has(&found, "attacked", "tank"), "{found:?}");
        let found = events("It could not say what the tanks that were hit by drones contained.");
        assert!(has(&found, "attacked", "tank") && !has(&found, "attacked", "contained"), "{found:?}");
        // Neither a "be" after the trigger nor a progressive makes it passive.
        let found = events("What the drones hit was a fuel depot. Kavrani artillery was shelling villages.");
        assert!(!has(&found, "attacked", "drone") && has(&found, "attacked", "village"), "{found:?}");
        // A named object before a passive trigger is its entity, as after an active one.
        let passive = events("On Tuesday, Kharkiv was struck by missiles.");
        let active = events("On Tuesday, missiles struck Kharkiv.");
        assert!(has(&passive, "attacked", "Kharkiv"), "{passive:?}");
        assert_eq!(passive.iter().map(|(_, s, _)| s).collect::<Vec<_>>(), active.iter().map(|(_, s, _)| s).collect::<Vec<_>>());
        // A mark ends the object: "struck the plant, killing four".
        let found = events("Kavrani forces struck the plant with drones, killing four people.");
        assert!(has(&found, "attacked", "plant") && !has(&found, "attacked", "killing"), "{found:?}");
    }

    #[test]
    fn a_place_belongs_to_the_nearest_object() {
        let found = events("Kavrani forces struck the Dunmere power plant and a fuel depot in the port of Pellar with drones.");
        assert!(found.iter().any(|(p, s, place)| p == "attacked" && s == "plant" && place.is_none()), "{found:?}");
        let found = events("Drones hit the fuel depot on the coast south of Dunmere.");
        assert!(found.iter().any(|(p, s, place)| p == "attacked" && s == "depot" && place.is_none()), "{found:?}");
    }

    #[test]
    fn a_named_object_is_its_entity() {
        let found = events("The army said its forces had regained control of Ternovo after heavy fighting.");
        assert!(has(&found, "retook", "Ternovo"), "{found:?}");
        let found = events("Rebels retook the airport on Sunday.");
        assert!(has(&found, "retook", "airport"), "{found:?}");
    }

    #[test]
    fn a_request_for_help_is_read_with_its_actor() {
        let found = events("President Marta Ilves requested the alliance's assistance late on Tuesday.");
        assert!(has(&found, "asked for help", "Marta Ilves"), "{found:?}");
        let found = events("President Marta Ilves asked the minister a question about the harbour.");
        assert!(!found.iter().any(|(p, _, _)| p == "asked for help"), "no companion word, no request for help: {found:?}");
    }

    #[test]
    fn a_temporary_stay_is_carried_by_a_pronoun_from_the_sentence_before() {
        let found = events("About 300 soldiers crossed the border. They will stay in the region for weeks if needed.");
        assert!(has(&found, "deployment is temporary", "troops"), "{found:?}");
        let found = events("The talks went well. They will stay in the city for weeks.");
        assert!(!has(&found, "deployment is temporary", "troops"), "{found:?}");
        // A length of time is no stay's unless something stays.
        let found = events("The depot had been used for months to refuel military convoys, the ministry said.");
        assert!(!has(&found, "deployment is temporary", "troops"), "{found:?}");
        let found = events("The soldiers will remain in the capital for months.");
        assert!(has(&found, "deployment is temporary", "troops"), "{found:?}");
    }

    #[test]
    fn causes_of_protests_and_retaken_places() {
        let found = events("Protests triggered by rising bread prices spread to the capital.");
        assert!(has(&found, "triggered", "protests"), "{found:?}");
        let found = events("Soldiers helped the army in retaking the airport from the protesters on Friday.");
        assert!(has(&found, "retook", "airport"), "{found:?}");
        let found = events("Israeli aircraft struck a school in Khan Younis on Tuesday.");
        assert!(has(&found, "attacked", "school"), "{found:?}");
        let found = events("Militants attacked an army post near Gao on Sunday.");
        assert!(has(&found, "attacked", "post"), "{found:?}");
        let found = events("Sarrow Front terrorists attacked the tanker Marlin Dawn with drones before dawn on Tuesday.");
        assert!(has(&found, "attacked", "Marlin Dawn"), "a named vessel: {found:?}");
        let found = events("Colonel Solt said Dorvian artillery had targeted \"a rebel command post\" several hundred metres away.");
        assert!(has(&found, "attacked", "post"), "{found:?}");
        let found = events("A magnitude 6.4 earthquake struck the valley before dawn.");
        assert!(!found.iter().any(|(p, _, _)| p == "attacked"), "no armed actor, no attack: {found:?}");
        let found = events("Protesters stormed the airport on Wednesday.");
        assert!(has(&found, "seized", "airport") && !has(&found, "retook", "airport"), "{found:?}");
        let found = events("Cruz captured Texas and Oklahoma, and Rubio seized the opportunity.");
        assert!(!found.iter().any(|(p, _, _)| p == "seized"), "no armed actor and no crowd: {found:?}");
    }

    #[test]
    fn a_denied_or_negated_act_is_no_event() {
        let found = events("The army said it had struck a depot and denied targeting civilians.");
        assert!(has(&found, "attacked", "depot") && !has(&found, "attacked", "civilian"), "{found:?}");
        let found = events("Truce frays as Kallos shelling kills 9, army says");
        assert!(!found.iter().any(|(p, _, _)| p == "attacked"), "{found:?}");
        let found = events("According to the militia, scores of government shells hit villages east of the town.");
        assert!(!found.iter().any(|(_, s, _)| s == "east"), "{found:?}");
        let found = events("The ministry rejected what it called fabricated reports that its artillery had hit a hospital in Veskar.");
        assert!(!found.iter().any(|(p, _, _)| p == "attacked"), "{found:?}");
        let found = events("The militia did not attack the convoy, its commander said.");
        assert!(!found.iter().any(|(p, _, _)| p == "attacked"), "{found:?}");
        let found = events("The government has never sent troops to the border region of Orlenia.");
        assert!(!found.iter().any(|(p, _, _)| p == "deployed"), "{found:?}");
        let found = events("Several hundred provocateurs tried to seize government buildings.");
        assert!(found.is_empty(), "an attempt is no act: {found:?}");
    }

    #[test]
    fn emergencies_and_shootings() {
        let found = events("The president declared a state of emergency in the city late on Monday.");
        assert!(has(&found, "declared", "state of emergency"), "{found:?}");
        let found = events("The president declared that the talks were over.");
        assert!(!found.iter().any(|(p, _, _)| p == "declared"), "{found:?}");
        let found = events("A video showed government forces opening fire on protesters.");
        assert!(has(&found, "opened fire", "security forces"), "{found:?}");
        let found = events("President Ondrej Vasko ordered the security forces to fire without warning.");
        assert!(!found.iter().any(|(p, _, _)| p == "opened fire"), "{found:?}");
        assert!(has(&found, "ordered to fire", "Ondrej Vasko"), "{found:?}");
    }

    #[test]
    fn an_alliance_and_its_members() {
        let found = events("The Tidewater Security Compact, composed of Orlenia, Kestria and Pellagos, met on Friday.");
        assert!(has(&found, "has members", "Tidewater Security Compact"), "{found:?}");
        let found = events("Soldiers came from other TSC member states; Orlenia and Pellagos sent units.");
        assert!(has(&found, "has members", "TSC"), "{found:?}");
        let found = events("The committee was made up of volunteers.");
        assert!(!found.iter().any(|(p, _, _)| p == "has members"), "no organisation named: {found:?}");
    }

    #[test]
    fn a_meeting_names_both_parties() {
        let found = events("Foreign Minister Anna Brandt spoke on Thursday with her counterpart Lukas Varga about the crisis.");
        assert!(has(&found, "spoke with", "Anna Brandt – Lukas Varga"), "{found:?}");
        let found = events("Some of the people I talked to were happy.");
        assert!(!found.iter().any(|(p, _, _)| p == "spoke with"), "{found:?}");
    }
}
