//! Context rules applied to the tagger's last pass: where the words around a name settle
//! its type more surely than a model trained on 1996 wire copy does, the rules retype it.
//!
//! Each rule reads only the sentence's words, its tags and the model's gazetteer, and keeps
//! the sequence well-formed BILOU. They are written for conflict reporting, where the
//! tagger meets places, armed groups and noms de guerre it has never seen:
//! - a name right before a lower-case word for an administrative unit ("Donetsk region",
//!   "North Darfur state", "Masisi territory") is a place, unless the tagger read it as a
//!   nationality ("the Kurdish region");
//! - a name read as a person right after "in", "near" or "outside", or after a noun of
//!   place and "of" ("residents of Deir al-Balah", "north of Bakhmut"), is a place, and so
//!   is one followed by a comma and a short phrase ending in a noun of place ("Wad Madani,
//!   Sudan's second-largest city") or set off by commas after "the capital" or "the town";
//! - the name after "PERSON, known as" (or "nicknamed", "better known as") names the same
//!   person ("Mohamed Hamdan Dagalo, known as Hemedti"); after an organisation, the same
//!   organisation ("the Security Service of Ukraine, known as the SBU");
//! - a hyphenated compound of a name ("Hamas-run", "Iran-backed", "Saudi-led", "pro-Russian")
//!   is one MISC token, as CoNLL-2003 tags it;
//! - "General Staff" and "Joint Staff" are organisations, never a person called Staff;
//! - a one-word place that no list knows as a place but the training text knew as MISC is
//!   a nationality ("Qatari mediators"), and an unknown acronym of four or more capitals
//!   read as a place is an organisation ("UKMTO", "MONUSCO");
//! - the names in `models/ner/known_names.tsv` — armed groups, security services, international
//!   agencies and aid groups that conflict reporting names every day, the platforms statements
//!   are posted on, and peoples and faiths — take their listed type, unless the tagger read
//!   them inside a longer name. The 1996 training text never saw most of them ("Hezbollah",
//!   "Tatmadaw", "UNRWA", "Rohingya"). The list is the team's, written from general
//!   knowledge; only names that are not also common words or surnames are on it.

use crate::features::{is_capitalised, Gazetteer, GazetteerList};
use crate::tags::{bilou_spans, Label, Position, Tag};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Names whose type conflict reporting settles: `models/ner/known_names.tsv`, one name a
/// line with its label (ORG or MISC), as the tokenizer splits it.
const KNOWN_NAMES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner/known_names.tsv"));

/// Known names by their first word: each name's words and label.
type KnownNames = HashMap<&'static str, Vec<(Vec<&'static str>, Label)>>;

/// [`KNOWN_NAMES`] by first word, each with its words and label, longest first. Lines
/// that are blank, comments (`#`) or carry no known label are skipped.
fn known_names_by_first_word() -> &'static KnownNames {
    static INDEX: OnceLock<KnownNames> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = KnownNames::new();
        for line in KNOWN_NAMES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let Some((name, label)) = line.split_once('\t') else { continue };
            let label = match label.trim() {
                "ORG" => Label::Organisation,
                "MISC" => Label::Misc,
                _ => continue,
            };
            let words: Vec<&str> = name.split(' ').collect();
            index.entry(words[0]).or_default().push((words, label));
        }
        for names in index.values_mut() {
            names.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        index
    })
}

/// Whether `name` (its words joined by spaces, as the tokenizer splits them) is a name of
/// the team's list: an armed group or an agency, never a country.
pub fn is_known_name(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or(name);
    known_names_by_first_word().get(first).is_some_and(|names| names.iter().any(|(words, _)| words.join(" ") == name))
}

/// Lower-case words for administrative units that follow a place's name.
const ADMIN_UNITS: &[&str] = &[
    "region",
    "regions",
    "province",
    "provinces",
    "oblast",
    "oblasts",
    "governorate",
    "governorates",
    "state",
    "states",
    "district",
    "districts",
    "subdistrict",
    "regency",
    "upazila",
    "territory",
    "township",
    "department",
    "prefecture",
    "municipality",
    "county",
    "coast",
    "coastline",
    "border",
    "valley",
    "highlands",
];

/// Words after a hyphen that make a compound of the name before it: "Hamas-run",
/// "Iran-backed", "Panama-flagged", "Russian-speaking". Shared by the tagger's rule here and
/// the entity stage of `parallax-nlp`, which reads the name out of the compound.
pub const COMPOUND_TAILS: &[&str] = &[
    "administered",
    "affiliated",
    "aligned",
    "allied",
    "appointed",
    "backed",
    "based",
    "brokered",
    "built",
    "controlled",
    "dominated",
    "financed",
    "flagged",
    "funded",
    "held",
    "imposed",
    "inspired",
    "led",
    "linked",
    "made",
    "occupied",
    "owned",
    "ruled",
    "run",
    "speaking",
    "sponsored",
    "style",
    "supported",
];

/// Words between "," and the alias: "known as", "also known as", "nicknamed".
const ALIAS_CUES: &[&[&str]] = &[
    &["known", "as"],
    &["also", "known", "as"],
    &["better", "known", "as"],
    &["widely", "known", "as"],
    &["popularly", "known", "as"],
    &["nicknamed"],
];

/// Applies the context rules to one sentence's BILOU tags in place.
pub fn apply(words: &[&str], tags: &mut [Tag], gazetteer: &Gazetteer) {
    debug_assert_eq!(words.len(), tags.len());
    let mut spans = bilou_spans(tags);
    places_before_admin_units(words, &mut spans, gazetteer);
    places_after_locatives(words, &mut spans);
    places_in_apposition(words, &mut spans);
    aliases(words, &mut spans);
    compounds_of_names(words, &mut spans, gazetteer);
    staffs(words, &mut spans);
    offices_of_state(words, &mut spans);
    fields_of_ministers(words, &mut spans);
    linked_organisations(words, &mut spans);
    expanded_acronyms(words, &mut spans);
    media_operations_and_groups(words, &mut spans, gazetteer);
    common_acronyms(words, &mut spans);
    name_particles(words, &mut spans);
    unknown_places(words, &mut spans, gazetteer);
    known_names(words, &mut spans);
    named_storms(words, &mut spans);
    waters_and_vessels(words, &mut spans);
    numbered_units(words, &mut spans);
    joined_state_names(words, &mut spans);
    spans.sort_unstable();
    tags.fill(Tag::OUTSIDE);
    for (start, end, label) in spans {
        if end - start == 1 {
            tags[start] = Tag::new(label, Position::Unit);
        } else {
            tags[start] = Tag::new(label, Position::Begin);
            tags[start + 1..end - 1].fill(Tag::new(label, Position::Inside));
            tags[end - 1] = Tag::new(label, Position::Last);
        }
    }
}

type Span = (usize, usize, Label);

/// "Donetsk region", "North Darfur state", "the Poonch district": a person, an organisation
/// or a name not shaped like a nationality before an admin unit is a place. Nationalities
/// stay ("the Indian state of Assam", "the Kurdish region").
fn places_before_admin_units(words: &[&str], spans: &mut [Span], gazetteer: &Gazetteer) {
    for span in spans.iter_mut() {
        let (start, end, label) = *span;
        let unit_follows = words.get(end).is_some_and(|w| ADMIN_UNITS.contains(w));
        // "the Jarinje crossing", "the Komadougou Yobe river": a site, which an organisation
        // may own ("a UN camp"), so only a person or a name that is no nationality retypes.
        let site_follows = words.get(end).is_some_and(|w| SITE_NOUNS.contains(w));
        let misc_place = label == Label::Misc && !words[start..end].iter().any(|w| looks_like_demonym(w));
        // "the Rusizi river", "the Enguri bridge": few nationalities stand before a site, so
        // a name shaped like one is the site's unless a list knows it as a nationality or it
        // ends as most do ("the Congolese river port").
        let strong_demonym = |w: &&str| ["ese", "ian", "ean", "ish"].iter().any(|suffix| w.ends_with(suffix));
        let misc_site = label == Label::Misc
            && gazetteer.lookup(&words[start..end]) & GazetteerList::Entity(Label::Misc).mask() == 0
            && !words[start..end].iter().any(strong_demonym);
        if unit_follows && (matches!(label, Label::Person | Label::Organisation) || misc_place)
            || site_follows && (label == Label::Person || misc_place || misc_site)
        {
            span.2 = Label::Location;
        }
    }
}

/// Names the tagger splits in two that are one: "Democratic Republic" and "Congo" in "the
/// Democratic Republic of Congo" are one place; "Papua New Guinea" and "Defence Force" one
/// organisation, a state's armed force or coast guard by its full name; a name that ends on
/// "No." takes its number.
fn joined_state_names(words: &[&str], spans: &mut Vec<Span>) {
    const FORCE_HEADS: &[&str] = &["Defence", "Defense", "Coast", "Armed"];
    const FORCE_TAILS: &[&str] = &["Force", "Forces", "Guard", "Army", "Navy", "Police"];
    spans.sort_unstable();
    let mut i = 0;
    while i + 1 < spans.len() {
        let (start, end, label) = spans[i];
        let (next_start, next_end, next_label) = spans[i + 1];
        let gap = &words[end..next_start];
        let republic = label == Label::Location
            && next_label == Label::Location
            && matches!(words[end - 1], "Republic" | "Kingdom")
            && matches!(gap, ["of"] | ["of", "the"]);
        let force = label == Label::Location
            && next_label == Label::Organisation
            && gap.is_empty()
            && FORCE_HEADS.contains(&words[next_start])
            && FORCE_TAILS.contains(&words[next_end - 1]);
        if republic || force {
            spans[i] = (start, next_end, next_label);
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
    // "Correctional Colony No. 14": the number a name ends on is part of it.
    for span in spans.iter_mut() {
        let numbered = span.2 != Label::Person
            && matches!(words[span.1 - 1], "No." | "No" | "Number")
            && words.get(span.1).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
        if numbered {
            span.1 += 1;
        }
    }
}

/// "the 6th Infantry Division", "the 47th Mechanised Brigade": the ordinal is part of a
/// military unit's name.
fn numbered_units(words: &[&str], spans: &mut [Span]) {
    const UNITS: &[&str] = &["Division", "Brigade", "Battalion", "Regiment", "Corps", "Army", "Fleet", "Squadron"];
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
    };
    for i in 0..spans.len() {
        let (start, end, label) = spans[i];
        let free = start > 0 && !spans.iter().any(|s| s.0 < start && start - 1 < s.1);
        if label == Label::Organisation && free && UNITS.contains(&words[end - 1]) && ordinal(words[start - 1]) {
            spans[i].0 -= 1;
        }
    }
}

/// Lower-case nouns of sites after their name ("Zamzam camp", "Kerem Shalom crossing").
/// Not "camp": "the Trump camp" is his campaign.
const SITE_NOUNS: &[&str] = &["crossing", "river", "bridge", "checkpoint", "airport", "dam"];

/// Lower-case nouns of a settled place: the name they follow with "of" ("the outskirts of
/// Kherson") or that ends an apposition to it ("Wad Madani, Sudan's second-largest city")
/// is a place.
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "capital",
    "village",
    "port",
    "island",
    "islands",
    "province",
    "region",
    "district",
    "governorate",
    "stronghold",
    "enclave",
    "suburb",
    "suburbs",
    "outskirts",
    "neighbourhood",
    "neighborhood",
    "camp",
    "centre",
    "center",
];

/// Lower-case nouns of organisations that end an apposition to one's name ("Coastwatch, an
/// environmental group").
const ORGANISATION_NOUNS: &[&str] = &[
    "group",
    "organisation",
    "organization",
    "company",
    "firm",
    "charity",
    "agency",
    "network",
    "coalition",
    "movement",
    "party",
    "union",
    "institute",
    "operator",
    "broadcaster",
    "newspaper",
    "watchdog",
    "ngo",
    "utility",
    "manufacturer",
    "bank",
    "insurer",
    "airline",
    "association",
    "federation",
    "council",
    "ministry",
];

/// Capitalised last words of companies' names: "Greyline Shipping" is no person.
const COMPANY_TAILS: &[&str] = &[
    "Shipping",
    "Airlines",
    "Airways",
    "Holdings",
    "Group",
    "Bank",
    "Motors",
    "Logistics",
    "Industries",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Petroleum",
    "Mining",
    "Media",
    "Telecom",
    "Pharmaceuticals",
];

/// Lower-case words of position or residence that, with "of", also make the name after them
/// a place ("residents of Deir al-Balah", "north of Bakhmut").
const POSITIONS_BEFORE_OF: &[&str] = &[
    "residents",
    "inhabitants",
    "streets",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "mayor",
    "governor",
];

/// Words of feeling or conduct that "toward" follows when it names whom they concern, not
/// where someone goes ("anger toward Putin", "a tougher stance towards Hamas"; not "held the
/// line towards Velyka Novosilka", a front).
const ATTITUDES: &[&str] = &[
    "anger",
    "hostility",
    "animosity",
    "resentment",
    "sympathy",
    "attitude",
    "attitudes",
    "policy",
    "policies",
    "stance",
    "posture",
    "rhetoric",
    "aggression",
    "overtures",
    "gestures",
    "gesture",
    "respect",
    "loyalty",
    "hostile",
    "friendly",
    "sympathetic",
    "lenient",
    "warmer",
    "cooler",
    "softer",
    "tougher",
    "generous",
    "feelings",
];

/// "fighting in Khan Younis", "clashes near Beit Hanoun", "residents of Deir al-Balah": a
/// name the tagger read as a person right after a preposition of place, or after a noun of
/// place and "of", is a place (CoNLL-2003 train: 666 places and 16 people after "in", 22
/// and none after "near"). A possessive after it keeps the person ("in Smith's house").
fn places_after_locatives(words: &[&str], spans: &mut Vec<Span>) {
    // "the frontline town of Kallos": a capitalised name the tagger left untagged after a
    // noun of place and "of" is that place.
    let mut found = Vec::new();
    for i in 2..words.len() {
        let of_place = words[i - 1] == "of" && PLACE_NOUNS.iter().any(|noun| *noun == words[i - 2]);
        let name = |k: usize| {
            let w = words[k];
            is_capitalised(w) && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-') && !spans.iter().any(|s| s.0 <= k && k < s.1)
        };
        if !of_place || !name(i) {
            continue;
        }
        let end = (i..words.len()).take_while(|&k| name(k)).last().map_or(i + 1, |k| k + 1);
        found.push((i, end, Label::Location));
    }
    spans.extend(found);
    spans.sort_unstable();
    let possessive = |end: usize| words.get(end).is_some_and(|w| matches!(*w, "'s" | "’s" | "'" | "’"));
    // The end of the last place after a locative, which a name joined by "and" or "or"
    // shares ("in Khan Younis and Rafah": 15 places and 1 person so joined in CoNLL-2003).
    let mut place_end = None;
    for span in spans.iter_mut() {
        let of_place = span.0 > 1
            && words[span.0 - 1] == "of"
            && PLACE_NOUNS.iter().chain(POSITIONS_BEFORE_OF).any(|noun| noun.eq_ignore_ascii_case(words[span.0 - 2]));
        // "moved toward Sirte", but not "anger toward Putin", "its policy towards NATO".
        let toward = span.0 > 1
            && matches!(words[span.0 - 1], "toward" | "towards")
            && !ATTITUDES.iter().any(|w| w.eq_ignore_ascii_case(words[span.0 - 2]));
        let locative = span.0 > 0 && matches!(words[span.0 - 1], "in" | "near" | "outside") || of_place || toward;
        let joined = span.0 > 0 && place_end == Some(span.0 - 1) && matches!(words[span.0 - 1], "and" | "or");
        let retype = match span.2 {
            Label::Person => locative || joined,
            // "the island of Pelora", "the port of Tobruk": a settlement or a territory, not
            // the organisations a stronghold or a camp "of" names.
            // "sank off Pelora": a coast (CoNLL-2003 train: 5 places, 1 organisation after "off").
            Label::Organisation => {
                joined
                    || of_place && !matches!(words[span.0 - 2], "stronghold" | "enclave" | "camp" | "centre" | "center" | "capital")
                    || span.0 > 0 && words[span.0 - 1] == "off"
                    || toward
            }
            // "the frontline town of Kallos" after a headline's "Kallos shelling" (MISC); "near
            // al-Qaim", "in Kallos" (CoNLL-2003 train: 499 places and 9 miscellany, mostly
            // compounds such as "Serb-held", in one word after "in", "near" or "outside" that
            // is no nationality). Not a language or a faith ("in Arabic", "in Islam").
            Label::Misc => {
                let word = words[span.0];
                // Nor a faith ("in Islam", "in Buddhism", "in Christianity") or "in Latin".
                let faith_or_language = ["ic", "ism", "ity"].iter().any(|end| word.ends_with(end))
                    || matches!(
                        word,
                        "Islam" | "Latin" | "Hebrew" | "Hindi" | "Urdu" | "Farsi" | "Dari" | "Pashto" | "Swahili" | "Sanskrit"
                    );
                let name = is_capitalised(word) && !word.contains('-') && !faith_or_language || is_article_name(word);
                (of_place || locative && name) && span.1 - span.0 == 1 && !looks_like_demonym(word)
            }
            _ => false,
        };
        if retype && !possessive(span.1) {
            span.2 = Label::Location;
        }
        place_end = (span.2 == Label::Location && (locative || joined)).then_some(span.1);
    }
}

/// "Wad Madani, Sudan's second-largest city, fell": a name the tagger read as a person,
/// followed by a comma and a phrase of at most six words that ends in a noun of place, is
/// that place. The noun must end the phrase ("Ana Ruiz, a city councillor," stays a person).
fn places_in_apposition(words: &[&str], spans: &mut Vec<Span>) {
    for span in spans.iter_mut().filter(|span| span.2 == Label::Person) {
        if words.get(span.1) != Some(&",") {
            continue;
        }
        // No apposition closes within seven words when a relative clause runs on ("Valenergo,
        // the state-owned utility that runs the plant,"); `describes_organisation` reads it.
        let phrase = apposition_phrase(&words[span.1 + 1..]).unwrap_or_default();
        let length = phrase.len();
        // The head of a noun phrase, not of a clause or a prepositional phrase ("who runs the
        // camp", "a resident of the town").
        let plain = phrase.iter().all(|w| !matches!(*w, "who" | "which" | "that") && !PHRASE_PREPOSITIONS.contains(w));
        if length >= 2 && plain && PLACE_NOUNS.contains(&phrase[length - 1]) {
            span.2 = Label::Location;
        } else if describes_organisation(&words[span.1 + 1..]) {
            // "Coastwatch, an environmental group," is an organisation.
            span.2 = Label::Organisation;
        } else if length >= 2 && plain && VESSEL_NOUNS.contains(&phrase[length - 1]) {
            // "The Marlin Dawn, a Halvenian-flagged vessel," is a ship.
            span.2 = Label::Misc;
        }
    }
    // "Civic Watch, a rights group that monitors arrests, said": capitalised words the tagger
    // left untagged (it does so when one of them is written in lower case elsewhere in the
    // document) are an organisation when such an apposition follows them.
    let mut end = 0;
    while let Some(comma) = words[end..].iter().position(|w| *w == ",").map(|k| end + k) {
        end = comma + 1;
        let start = (0..comma).rev().take_while(|&k| is_capitalised(words[k])).last().unwrap_or(comma);
        let untagged = !spans.iter().any(|s| s.0 < comma && start < s.1);
        if comma - start >= 2 && untagged && describes_organisation(&words[comma + 1..]) {
            spans.push((start, comma, Label::Organisation));
        }
    }
    spans.sort_unstable();
    // "in the capital, Lisca, speaking …": the name set off after a noun of place names it.
    // The apposition closes after the name; "… returned to the town, Ana Ruiz said" is a
    // person who speaks.
    for span in spans.iter_mut().filter(|span| span.2 == Label::Person) {
        let after_place_noun = span.0 >= 3
            && words[span.0 - 1] == ","
            && PLACE_NOUNS.contains(&words[span.0 - 2])
            && matches!(
                words[span.0 - 3].to_lowercase().as_str(),
                "the" | "its" | "their" | "a" | "provincial" | "regional" | "northern" | "southern" | "eastern" | "western"
            );
        // A person's own apposition after it ("…, Ana Ruiz, a nurse, said") makes it a person.
        let person_apposition = words.get(span.1 + 1).is_some_and(|w| matches!(*w, "a" | "an" | "the" | "who"));
        let closes = words.get(span.1).is_none_or(|w| matches!(*w, "," | "." | ";" | ")" | "--")) && !person_apposition;
        if after_place_noun && closes {
            span.2 = Label::Location;
        }
    }
}

/// The words after a name's comma up to the punctuation that closes them, when that comes
/// within seven words: the apposition the rules above read.
fn apposition_phrase<'w, 'a>(after_comma: &'w [&'a str]) -> Option<&'w [&'a str]> {
    let length = after_comma.iter().take(7).position(|w| matches!(*w, "," | "." | ";" | ":" | ")" | "--"))?;
    Some(&after_comma[..length])
}

/// Words that make a phrase after a name's comma a clause or a prepositional phrase rather
/// than a noun phrase whose head ends it ("a resident of the town", "where …").
const PHRASE_PREPOSITIONS: &[&str] = &["where", "of", "in", "at", "from", "near", "for", "with", "to"];

/// Whether the words after a name's comma describe an organisation: "an environmental
/// group,", "a rights group that monitors arrests," — a noun phrase of at most six words
/// with an organisation's noun as its head, before the comma or a relative clause.
pub fn describes_organisation(after_comma: &[&str]) -> bool {
    // The relative clause may run past the seven words ("a charity that runs a rescue ship
    // in the area,"); the noun phrase before it may not.
    let relative = after_comma.iter().take(7).position(|w| matches!(*w, "that" | "which" | "who"));
    let Some(phrase) = apposition_phrase(after_comma).or_else(|| relative.map(|k| &after_comma[..k])) else { return false };
    let head_end = phrase.iter().position(|w| matches!(*w, "that" | "which" | "who")).unwrap_or(phrase.len());
    let noun_phrase = &phrase[..head_end];
    let plain = noun_phrase.iter().all(|w| !PHRASE_PREPOSITIONS.contains(w));
    noun_phrase.len() >= 2
        && plain
        && matches!(noun_phrase[0], "a" | "an" | "the")
        && ORGANISATION_NOUNS.contains(&noun_phrase[noun_phrase.len() - 1])
}

/// "Mohamed Hamdan Dagalo, known as Hemedti": the alias is the same kind of entity as the
/// name before it. The alias is the tagged entity right after the cue, or else the run of
/// capitalised words there (at most three).
fn aliases(words: &[&str], spans: &mut Vec<Span>) {
    let mut added = Vec::new();
    for k in 0..spans.len() {
        let (_, end, label) = spans[k];
        if !matches!(label, Label::Person | Label::Organisation) || words.get(end) != Some(&",") {
            continue;
        }
        let Some(cue) = ALIAS_CUES.iter().find(|cue| words.get(end + 1..end + 1 + cue.len()) == Some(cue)) else {
            continue;
        };
        let mut start = end + 1 + cue.len();
        if words.get(start).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            start += 1;
        }
        if let Some(alias) = spans.iter_mut().find(|s| s.0 == start) {
            alias.2 = label;
        } else if spans.iter().all(|s| s.1 <= start || s.0 > start) {
            let run = words[start.min(words.len())..].iter().take(3).take_while(|w| is_capitalised(w)).count();
            let next_is_free = spans.iter().all(|s| s.0 >= start + run || s.1 <= start);
            if run > 0 && next_is_free {
                added.push((start, start + run, label));
            }
        }
    }
    spans.extend(added);
}

/// "Hamas-run", "Iran-backed", "pro-Russian": one MISC token, as CoNLL-2003 tags such
/// compounds. A name written before it that the tagger closed just before the compound
/// joins it ("New York-based").
fn compounds_of_names(words: &[&str], spans: &mut Vec<Span>, gazetteer: &Gazetteer) {
    for (i, word) in words.iter().enumerate() {
        let Some(name) = compound_name(word, gazetteer) else {
            continue;
        };
        // A capital first in the sentence says nothing ("Family-controlled") unless the
        // name is one some list knows ("Saudi-led").
        if i == 0 && !is_acronym(name) && gazetteer.lookup(&[name]) == 0 {
            continue;
        }
        // A compound that opens a longer name is split off it ("US-backed Syrian Democratic
        // Forces"); one inside or at the end of a longer entity stays as the tagger read it.
        if let Some(k) = spans.iter().position(|s| s.0 == i && s.1 - s.0 > 1 && words.get(i + 1).is_some_and(|w| is_capitalised(w))) {
            spans[k].0 = i + 1;
        }
        if spans.iter().any(|s| s.0 <= i && i < s.1 && s.1 - s.0 > 1) {
            continue;
        }
        spans.retain(|s| !(s.0 == i && s.1 == i + 1));
        let joined = spans.iter().position(|s| s.1 == i && is_capitalised(words[i - 1]) && s.2 != Label::Misc);
        match joined {
            Some(k) => {
                let start = spans[k].0;
                spans.remove(k);
                spans.push((start, i + 1, Label::Misc));
            }
            None => spans.push((i, i + 1, Label::Misc)),
        }
    }
}

/// The name in a compound of a name and where it starts in the word: "Hamas" (0) in
/// "Hamas-run", "Al-Qaeda" in "Al-Qaeda-linked", "Russian" (4) in "pro-Russian". The name is
/// capitalised with a lower-case letter, or an acronym ("US-backed").
pub fn compound_parts(word: &str) -> Option<(&str, usize)> {
    let prefixed = ["pro-", "anti-", "Pro-", "Anti-"].iter().find_map(|p| Some((word.strip_prefix(p)?, p.len())));
    if let Some((rest, offset)) = prefixed {
        return (is_capitalised(rest) && !rest.contains('-')).then_some((rest, offset));
    }
    let (head, tail) = word.rsplit_once('-')?;
    let head_is_name = is_capitalised(head) && head.chars().any(char::is_lowercase) || is_acronym(head);
    (head_is_name && COMPOUND_TAILS.contains(&tail)).then_some((head, 0))
}

/// The name in a compound of a name ([`compound_parts`]), unless the whole word is a listed
/// place: a place name that holds a hyphen and one of the tails is still a place.
fn compound_name<'w>(word: &'w str, gazetteer: &Gazetteer) -> Option<&'w str> {
    let (name, _) = compound_parts(word)?;
    let is_place = gazetteer.lookup(&[word]) & GazetteerList::Place.mask() != 0;
    (!is_place).then_some(name)
}

/// "NLF", "U.S.": two to six capital letters, with dots between them or none.
pub fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| *c != '.').count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// "General Staff", "Joint Staff": an organisation, whatever the tagger made of the words.
fn staffs(words: &[&str], spans: &mut Vec<Span>) {
    for i in 1..words.len() {
        if words[i] != "Staff" || !matches!(words[i - 1], "General" | "Joint") {
            continue;
        }
        let covering: Vec<Span> = spans.iter().copied().filter(|s| s.0 <= i && i - 1 < s.1).collect();
        // A longer name that holds the staff ("the Armed Forces General Staff") stays.
        if covering.iter().any(|s| s.2 == Label::Organisation && s.0 < i && s.1 > i) {
            continue;
        }
        spans.retain(|s| !covering.contains(s));
        let start = covering.iter().map(|s| s.0).min().unwrap_or(i - 1).min(i - 1);
        spans.push((start, i + 1, Label::Organisation));
    }
}

/// "Secretary of State Ilsa Marnova", "Minister of State": "State" belongs to the title, not
/// to a place or a name after it.
fn offices_of_state(words: &[&str], spans: &mut Vec<Span>) {
    for i in 2..words.len() {
        let office = matches!(words[i - 2], "Secretary" | "Secretaries" | "Minister" | "Ministers");
        if words[i] != "State" || words[i - 1] != "of" || !office {
            continue;
        }
        spans.retain(|s| !(s.0 == i && s.1 == i + 1));
        for span in spans.iter_mut().filter(|s| s.0 == i) {
            span.0 = i + 1;
        }
        // What follows the title is its holder: "State Ilsa" + "K. Marnova" is one person.
        let Some(first) = spans.iter().position(|s| s.0 == i + 1) else { continue };
        let (_, end, _) = spans[first];
        if let Some(person) = spans.iter().position(|s| s.0 == end && s.2 == Label::Person) {
            let person_end = spans[person].1;
            spans[first] = (i + 1, person_end, Label::Person);
            spans.remove(person);
        }
    }
}

/// Fields of government that name a minister's office ("Defence Minister").
const MINISTER_FIELDS: &[&str] = &["Defence", "Defense", "Interior", "Foreign", "Finance", "Justice", "Health", "Economy", "Energy"];

/// "Halvenian Defence Minister Ruth Aldane": an organisation ending in a field of government
/// right before "Minister" is part of the title, not a name; a nationality left before it is
/// one (MISC, as CoNLL-2003 tags "German Foreign Minister").
fn fields_of_ministers(words: &[&str], spans: &mut Vec<Span>) {
    let mut k = 0;
    while k < spans.len() {
        let (start, end, label) = spans[k];
        let title_follows = words.get(end).is_some_and(|w| matches!(*w, "Minister" | "Ministers"));
        // Any one capitalised word ("Migration Minister"), not an acronym ("EU Ministers").
        let field = MINISTER_FIELDS.contains(&words[end - 1]) || end - start == 1 && !is_acronym(words[start]);
        if label != Label::Organisation || !title_follows || !field {
            k += 1;
            continue;
        }
        if end - start == 2 && looks_like_demonym(words[start]) {
            spans[k] = (start, start + 1, Label::Misc);
            k += 1;
        } else {
            spans.remove(k);
        }
    }
}

/// What an organisation named "… for the <purpose>" is for.
const PURPOSES: &[&str] = &[
    "Safeguard",
    "Defence",
    "Defense",
    "Protection",
    "Promotion",
    "Liberation",
    "Development",
    "Advancement",
    "Restoration",
    "Salvation",
    "Preservation",
    "Prevention",
    "Reconstruction",
    "Rights",
    "Peace",
    "Justice",
    "Democracy",
    "Freedom",
    "Unity",
    "Change",
    "Progress",
    "Relief",
    "Reform",
    "Human",
    "Independence",
    "Coordination",
];

/// "National Council for the Safeguard of the Homeland", "Strategic Framework for the
/// Defence of the People": an organisation name, "for" or "for the" and a purpose that the
/// tagger read as another name are one name (it breaks long names at their function words).
/// "the Labasa Constituency for the National Federation Party" stays two.
fn linked_organisations(words: &[&str], spans: &mut Vec<Span>) {
    // "the Committee for the Protection of Journalists": the tagger may leave the first name,
    // an institution's capitalised head, untagged; it joins as if tagged.
    let heads: Vec<Span> = (1..words.len())
        .filter(|&i| words[i] == "for" && INSTITUTION_HEADS.contains(&words[i - 1]) && !spans.iter().any(|s| s.0 < i && i - 1 < s.1))
        .map(|i| (i - 1, i, Label::Organisation))
        .collect();
    spans.extend(&heads);
    spans.sort_unstable();
    let mut i = 0;
    while i + 1 < spans.len() {
        let (start, end, label) = spans[i];
        let (next_start, next_end, next_label) = spans[i + 1];
        let link = &words[end..next_start.max(end)];
        let linked = matches!(link, ["for"] | ["for", "the"]) && PURPOSES.contains(&words[next_start]);
        if label == Label::Organisation && next_label == Label::Organisation && linked {
            spans[i] = (start, next_end, Label::Organisation);
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
    // A head added above that joined nothing was never a name of its own.
    spans.retain(|s| !heads.contains(s));
}

/// "the European Union Mission in Armenia (EUMA)", "the UN Support Mission in Libya
/// (UNSMIL)": an organisation, a linking word and a name, then an acronym in brackets whose
/// letters are the initials of all of them, are one organisation.
fn expanded_acronyms(words: &[&str], spans: &mut Vec<Span>) {
    spans.sort_unstable();
    let mut i = 0;
    while i + 1 < spans.len() {
        let (start, _, label) = spans[i];
        // The names after the organisation's, each joined to the one before by a link word
        // or nothing ("UN | Mission | in | South Sudan"), up to one that the acronym follows.
        let mut last = None;
        for j in (i + 1..spans.len()).filter(|_| label == Label::Organisation) {
            let (gap_start, gap_end) = (spans[j - 1].1, spans[j].0.max(spans[j - 1].1));
            if !matches!(&words[gap_start..gap_end], [] | ["in" | "for" | "of" | "to" | "on"]) {
                break;
            }
            let end = spans[j].1;
            let acronym = match &words[end.min(words.len())..] {
                ["(", acronym, ")", ..] if is_acronym(acronym) => Some(acronym.replace('.', "")),
                _ => None,
            };
            if acronym.is_some_and(|a| initials_spell(&words[start..end], &a)) {
                last = Some(j);
                break;
            }
        }
        match last {
            Some(j) => {
                spans[i] = (start, spans[j].1, Label::Organisation);
                spans.drain(i + 1..=j);
            }
            None => i += 1,
        }
    }
    // "the Committee on Tribal Unity ( CoTU )": the acronym in brackets that spells an
    // organisation's name is that organisation, in mixed case too.
    for i in 0..spans.len() {
        let (start, end, label) = spans[i];
        let Some(["(", acronym, ")"]) = words.get(end..end + 3) else { continue };
        let capitals = acronym.chars().filter(char::is_ascii_uppercase).count();
        let shaped = capitals >= 2 && acronym.len() <= 8 && acronym.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
        if label == Label::Organisation && shaped && initials_spell(&words[start..end], &acronym.replace('.', "").to_uppercase()) {
            spans.retain(|s| s.1 <= end + 1 || s.0 >= end + 2);
            spans.push((end + 1, end + 2, Label::Organisation));
        }
    }
    spans.sort_unstable();
}

/// Nouns of groups after which a name is the group's ("the militia Arambai Tenggol").
const GROUP_NOUNS: &[&str] = &["group", "militia", "faction", "gang", "outfit", "movement"];

/// Nouns of news media after which a name is the outlet's ("the Kurdish broadcaster Rudaw",
/// "the state news agency AzerTac").
const MEDIA_NOUNS: &[&str] = &["broadcaster", "agency", "newspaper", "channel", "website", "outlet"];

/// Names the tagger reads as places or miscellany that are organisations or operations by the
/// words around them: after a noun of media ("the broadcaster Rudaw"); "Radio" with the name
/// after it ("Radio Ndeke Luka", "Radio Pakistan"); a name before "group" that is not a
/// nationality ("the Wagner group"). "Operation" with capitalised words after it is a
/// military operation, miscellany as in CoNLL-2003 ("Operation Hadin Kai").
fn media_operations_and_groups(words: &[&str], spans: &mut Vec<Span>, gazetteer: &Gazetteer) {
    for span in spans.iter_mut() {
        let (start, end, label) = *span;
        let before = start.checked_sub(1).map(|k| words[k]);
        // "the Interpressnews agency", "the Yonhap news agency": before one, when the name is
        // no nationality ("the Russian news agency").
        let media_follows = |k: usize| words.get(k).is_some_and(|w| matches!(*w, "agency" | "broadcaster" | "newspaper"));
        // Not a place ("The Moscow newspaper Kommersant").
        let before_media = label == Label::Misc
            && (media_follows(end) || words.get(end) == Some(&"news") && media_follows(end + 1))
            && !words[start..end].iter().any(|w| looks_like_demonym(w));
        let after_media = before.is_some_and(|w| MEDIA_NOUNS.contains(&w)) || before_media;
        // Not a compound ("the Islamic State-linked group").
        let group =
            words.get(end) == Some(&"group") && !words[end - 1].contains('-') && !words[start..end].iter().any(|w| looks_like_demonym(w));
        // "the Meitei group Arambai Tenggol": the name a noun of armed or political groups
        // introduces.
        // Not a person's name ("the faction Netanyahu leads", "the group Ahmed Hassan said").
        let known_person = || {
            label == Label::Person
                && (gazetteer.lookup(&[words[start]]) & GazetteerList::FirstName.mask() != 0
                    || gazetteer.lookup(&[words[end - 1]]) & GazetteerList::LastName.mask() != 0)
        };
        let after_group = before.is_some_and(|w| GROUP_NOUNS.contains(&w)) && !known_person();
        if matches!(label, Label::Location | Label::Misc) && after_media || label != Label::Organisation && (group || after_group) {
            span.2 = Label::Organisation;
        }
        if words[start] == "Radio" && end - start > 1 {
            span.2 = Label::Organisation;
        } else if before == Some("Radio") && matches!(label, Label::Location | Label::Person | Label::Organisation) {
            *span = (start - 1, end, Label::Organisation);
        } else if before == Some("Operation") {
            *span = (start - 1, end, Label::Misc);
        }
    }
    // A wire dateline: "KABUL, Afghanistan (AP) —", "COTABATO CITY, Philippines (AP) —". Its
    // words in capitals are the place, and the agency in brackets an organisation.
    let in_capitals = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '.' | '\'' | '’'));
    let place_end = words.iter().take(4).position(|w| !in_capitals(w)).filter(|&k| k >= 1 && words[0].len() >= 3);
    let dash = |k: usize| words.get(k).is_some_and(|w| matches!(*w, "-" | "--" | "—" | "–"));
    // "CHISINAU (AFP) —": the agency in brackets right after the place.
    let agency_follows = place_end.is_some_and(|k| {
        words.get(k) == Some(&"(") && words.get(k + 1).is_some_and(|w| is_capitalised(w)) && words.get(k + 2) == Some(&")") && dash(k + 3)
    });
    let comma = place_end.is_some_and(|k| words.get(k) == Some(&","));
    let dateline = comma || agency_follows;
    if let Some(k) = place_end.filter(|&k| dateline && (k > 1 || agency_follows)) {
        spans.retain(|s| s.0 >= k);
        spans.push((0, k, Label::Location));
        // The country or state after it, which the wrong span may have held.
        // Not a date ("JUBA, Jan. 12 (AFP) -").
        let calendar = |w: &str| w.len() >= 3 && CALENDAR_NAMES.iter().any(|name| name.starts_with(w.trim_end_matches('.')));
        let country =
            if comma { words[k + 1..].iter().take_while(|w| w.starts_with(char::is_uppercase) && !calendar(w)).count() } else { 0 };
        if country > 0 && !spans.iter().any(|s| s.0 < k + 1 + country && k + 1 < s.1) {
            spans.push((k + 1, k + 1 + country, Label::Location));
        }
    }
    if let Some(open) = words.iter().position(|w| *w == "(").filter(|&k| dateline && k <= 8) {
        let agency = words.get(open + 1).filter(|w| w.chars().next().is_some_and(char::is_uppercase));
        let closed = words.get(open + 2) == Some(&")") && dash(open + 3);
        if agency.is_some() && closed && !spans.iter().any(|s| s.0 <= open + 1 && open + 1 < s.1) {
            spans.push((open + 1, open + 2, Label::Organisation));
        }
    }
    // "said in a post on X": the platform.
    for i in 2..words.len() {
        let posted = matches!(words[i - 2], "post" | "posted" | "said" | "wrote" | "statement" | "message" | "account");
        if words[i] == "X" && words[i - 1] == "on" && posted && !spans.iter().any(|s| s.0 <= i && i < s.1) {
            spans.push((i, i + 1, Label::Organisation));
        }
    }
    // "Operation Hadin Kai" that the tagger left untagged.
    for i in 0..words.len().saturating_sub(1) {
        let capitalised = |k: usize| words.get(k).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if words[i] == "Operation" && capitalised(i + 1) && !spans.iter().any(|s| s.0 <= i + 1 && i < s.1) {
            let end = (i + 1..words.len()).take_while(|&k| capitalised(k)).last().map_or(i + 2, |k| k + 1);
            spans.push((i, end, Label::Misc));
        }
    }
}

/// Whether `acronym` is the initials of `words`: every letter of a word in capitals ("UN"),
/// the first of a capitalised word, and the first of a lower-case word or nothing.
fn initials_spell(words: &[&str], acronym: &str) -> bool {
    let Some((word, rest)) = words.split_first() else { return acronym.is_empty() };
    if is_acronym(word) {
        let letters = word.replace('.', "");
        return acronym.strip_prefix(letters.as_str()).is_some_and(|tail| initials_spell(rest, tail));
    }
    let Some(first) = word.chars().next() else { return initials_spell(rest, acronym) };
    let spelt = acronym.chars().next().is_some_and(|a| a == first.to_ascii_uppercase())
        && initials_spell(rest, &acronym[acronym.chars().next().map_or(0, char::len_utf8)..]);
    spelt || first.is_lowercase() && initials_spell(rest, acronym)
}

/// Capitalised heads of institutions' names ("Committee for the Protection of …").
const INSTITUTION_HEADS: &[&str] = &[
    "Committee",
    "Council",
    "Office",
    "Commission",
    "Centre",
    "Center",
    "Coalition",
    "Alliance",
    "Front",
    "Movement",
    "Organisation",
    "Organization",
    "Union",
    "Association",
    "Foundation",
    "Institute",
    "Fund",
    "Agency",
    "Network",
    "Doctors",
    "Physicians",
    "Lawyers",
    "Reporters",
    "Journalists",
    "Campaign",
    "Society",
    "League",
    "Party",
];

/// Acronyms of common nouns, which name no one: "in the ICU", "an IED", "CCTV footage".
const COMMON_ACRONYMS: &[&str] = &[
    "ATM", "ATMs", "CCTV", "CEO", "CEOs", "CFO", "DNA", "GDP", "GPS", "ICU", "ICUs", "IDP", "IDPs", "IED", "IEDs", "POW", "POWs", "RPG",
    "RPGs", "SUV", "SUVs", "UAV", "UAVs",
];

/// A name that is one acronym of a common noun is no entity.
/// Lower-case words inside personal names: "Staffan de Mistura", "Mohammed bin Salman",
/// "Ursula von der Leyen".
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "da", "di", "del", "della", "la", "las", "los", "van", "von", "der", "den", "du", "dos", "das",
    "ter", "ten",
];

/// Particles that mark a personal name even when the tagger found no part of it as one.
const SURE_NAME_PARTICLES: &[&str] = &["bin", "ibn", "bint", "van", "von"];

/// "al-Burhan", "el-Sisi": an Arabic article joined to a capitalised name.
fn is_article_name(word: &str) -> bool {
    ["al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"]
        .iter()
        .any(|article| word.strip_prefix(article).is_some_and(|rest| rest.starts_with(char::is_uppercase)))
}

/// "Abdel Fattah el-Sisi", "Ursula von der Leyen": a person's name runs on over lower-case
/// particles to the capitalised name after them, taking any name the tagger found there
/// ("Leyen" as an organisation). A capitalised word before "bin", "ibn", "van" or "von"
/// opens a person's name even when the tagger found no part of it as one.
fn name_particles(words: &[&str], spans: &mut Vec<Span>) {
    let capitalised = |i: usize| words.get(i).is_some_and(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase));
    // The end of the name that particles from `from` lead to, if any.
    let particles_to_name = |from: usize| {
        let mut k = from;
        while words.get(k).is_some_and(|w| NAME_PARTICLES.contains(w)) {
            k += 1;
        }
        if k > from && capitalised(k) {
            return Some(k + 1);
        }
        words.get(from).is_some_and(|w| is_article_name(w)).then_some(from + 1)
    };
    let person_after_particles = |spans: &[Span], from: usize| {
        let k = (from..words.len()).find(|&k| !NAME_PARTICLES.contains(&words[k])).unwrap_or(words.len());
        k > from && spans.iter().any(|s| s.0 == k && s.2 == Label::Person)
    };
    let mut i = 0;
    while i < words.len() {
        let person = spans.iter().position(|s| s.0 == i && s.2 == Label::Person);
        let (start, end) = match person {
            Some(p) => (spans[p].0, spans[p].1),
            // "María de los Ángeles Quiñónez": one capitalised word the tagger read as some
            // other name, then particles before a person's name.
            None if capitalised(i) && person_after_particles(spans, i + 1) => (i, i + 1),
            // An untagged capitalised word, then a sure particle.
            None if capitalised(i)
                && !spans.iter().any(|s| s.0 <= i && i < s.1)
                && words.get(i + 1).is_some_and(|w| SURE_NAME_PARTICLES.contains(w)) =>
            {
                (i, i + 1)
            }
            None => {
                i += 1;
                continue;
            }
        };
        let Some(name_end) = particles_to_name(end) else {
            i = end;
            continue;
        };
        // The whole name that opens after the particles ("de los | Ángeles Quiñónez").
        let name_end = spans.iter().find(|s| s.0 == name_end - 1).map_or(name_end, |s| s.1.max(name_end));
        spans.retain(|s| s.1 <= start || s.0 >= name_end);
        spans.push((start, name_end, Label::Person));
        i = name_end;
    }
    // "Mahamat Idriss | Déby Itno": two people's names side by side are one name (CoNLL-2003
    // train never puts two people's names together without a word or mark between them).
    spans.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans.drain(..) {
        match merged.last_mut() {
            Some(last) if last.2 == Label::Person && span.2 == Label::Person && last.1 == span.0 => last.1 = span.1,
            _ => merged.push(span),
        }
    }
    *spans = merged;
}

fn common_acronyms(words: &[&str], spans: &mut Vec<Span>) {
    spans.retain(|&(start, end, _)| !(end == start + 1 && COMMON_ACRONYMS.contains(&words[start])));
}

/// One-word places that no list knows as a place: a word the training text tagged MISC
/// is a nationality ("Qatari", "Ugandan"); an acronym of four or more capitals outside a
/// headline is an organisation ("UKMTO", "MONUSCO").
fn unknown_places(words: &[&str], spans: &mut [Span], gazetteer: &Gazetteer) {
    let headline = crate::features::is_all_caps_sentence(words);
    for span in spans.iter_mut().filter(|s| s.2 == Label::Location && s.1 - s.0 == 1) {
        let word = words[span.0];
        let lists = gazetteer.lookup(&[word]);
        if lists & (GazetteerList::Place.mask() | GazetteerList::Entity(Label::Location).mask()) != 0 {
            continue;
        }
        // "Qatari mediators": shaped like a nationality, before a lower-case word that is
        // not an admin unit ("Yunnan province").
        let next = words.get(span.1).copied().unwrap_or("");
        let before_a_noun = next.chars().next().is_some_and(char::is_lowercase) && !ADMIN_UNITS.contains(&next);
        // "Ugandan troops", "Egyptian and Qatari mediators", "Ecuadorean prisons": the people
        // of a listed place, its name the word without its ending or with an "a" for it.
        let of_a_place = || {
            let trimmed = ["ean", "ian", "ese", "an", "i", "n"].iter().filter_map(|suffix| word.strip_suffix(suffix));
            let mut stems = trimmed.map(str::to_owned).chain([format!("{word}a")]);
            stems.any(|stem| stem.len() >= 3 && gazetteer.lookup(&[&stem]) & GazetteerList::Place.mask() != 0)
        };
        if (lists & GazetteerList::Entity(Label::Misc).mask() != 0 || of_a_place()) && looks_like_demonym(word) && before_a_noun {
            span.2 = Label::Misc;
        } else if !headline && span.0 > 0 && word.len() >= 4 && word.chars().all(|c| c.is_ascii_uppercase()) {
            // Not first in the sentence, where datelines name places in capitals.
            span.2 = Label::Organisation;
        }
    }
}

/// Words that name a storm when a capitalised name follows ("Hurricane Edouard").
const STORM_WORDS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm"];

/// Whether a word names a storm before its name ("Cyclone", "hurricane").
pub fn is_storm_word(word: &str) -> bool {
    STORM_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether a word ends as nationalities do ("Qatari", "Ugandan", "Toskarian", "Danish",
/// "Dravese").
pub fn looks_like_demonym(word: &str) -> bool {
    ["an", "ese", "i", "ish"].iter().any(|suffix| word.ends_with(suffix))
}

const CALENDAR_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Hurricane Edouard", "cyclone Daniella", "Tropical Storm Alberto": the name after a storm
/// word is a storm (MISC, as CoNLL-2003 tags it, the storm word outside), never a person.
/// Weekdays and months after the word are times ("the storm Tuesday").
fn named_storms(words: &[&str], spans: &mut Vec<Span>) {
    for i in 1..words.len() {
        let name = words[i];
        let after_storm_word = is_storm_word(words[i - 1]);
        let is_name = crate::features::is_capitalised(name)
            && name.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && !CALENDAR_NAMES.contains(&name);
        if !after_storm_word || !is_name {
            continue;
        }
        // An organisation named for storms ("National Hurricane Center") stays.
        let storm_opens = |k: usize| matches!(words[k], "Tropical" | "Super") || is_storm_word(words[k]);
        if matches!(name, "Center" | "Centre")
            || spans.iter().any(|s| s.0 < i && i < s.1 && s.2 == Label::Organisation && !storm_opens(s.0))
        {
            continue;
        }
        spans.retain(|s| s.1 < i || s.0 > i);
        spans.push((i, i + 1, Label::Misc));
    }
}

/// Words that open the name of a body of water or a landform with "of" ("Strait of Hormuz",
/// "Gulf of Aden") or end one ("Red Sea", "Mekong River").
const WATER_OPENERS: &[&str] = &["Strait", "Straits", "Gulf", "Sea", "Bay", "Lake", "Cape", "Isle", "Mount"];
const WATER_TAILS: &[&str] =
    &["Strait", "Sea", "River", "Lake", "Bay", "Channel", "Ocean", "Island", "Islands", "Mountains", "Desert", "Swamp", "Delta"];
/// Nouns of vessels after which a capitalised name is the vessel's ("the tanker Marlin Dawn").
const VESSEL_NOUNS: &[&str] =
    &["tanker", "ship", "vessel", "freighter", "frigate", "destroyer", "ferry", "yacht", "trawler", "warship", "cruiser", "submarine"];

/// "Greyline Shipping": a person's name that ends as companies' do is the company.
/// "the Strait of Merrow", "the Merrow Sea": a name the tagger read as a person or
/// organisation that a word of water or land opens with "of", or ends, is a place; "the
/// tanker Marlin Dawn": a name right after a noun of vessels is the vessel (MISC, as
/// CoNLL-2003 tags ships), never a person.
fn waters_and_vessels(words: &[&str], spans: &mut [Span]) {
    for span in spans.iter_mut().filter(|s| matches!(s.2, Label::Person | Label::Organisation | Label::Location)) {
        let (start, end, label) = *span;
        if label == Label::Person && end - start >= 2 && COMPANY_TAILS.contains(&words[end - 1]) {
            span.2 = Label::Organisation;
            continue;
        }
        let opens = end - start >= 3 && WATER_OPENERS.contains(&words[start]) && words[start + 1] == "of";
        let ends = end - start >= 2 && WATER_TAILS.contains(&words[end - 1]);
        // "Aid Sea, a charity that runs a rescue ship," and "Aid Sea said …": a sea neither
        // is a charity nor speaks.
        let organisation = words.get(end) == Some(&",") && describes_organisation(&words[end + 1..])
            || words.get(end).is_some_and(|w| matches!(*w, "said" | "says" | "told"))
                && (start == 0 || !matches!(words[start - 1], "the" | "in" | "on" | "of" | "off" | "across" | "into" | "from"));
        if (opens || ends) && organisation {
            span.2 = Label::Organisation;
        } else if label == Label::Location {
            continue;
        } else if opens || ends {
            span.2 = Label::Location;
        } else if start > 0 && VESSEL_NOUNS.contains(&words[start - 1]) {
            span.2 = Label::Misc;
        }
    }
}

/// The names of [`KNOWN_NAMES`] take their type; a tagged entity that only overlaps one
/// gives way, one that holds it whole and is longer stays ("the Hezbollah Media Office").
fn known_names(words: &[&str], spans: &mut Vec<Span>) {
    let index = known_names_by_first_word();
    let mut i = 0;
    while i < words.len() {
        let found =
            index.get(words[i]).and_then(|names| names.iter().find(|(name, _)| words.get(i..i + name.len()) == Some(name.as_slice())));
        let Some((name, label)) = found else {
            i += 1;
            continue;
        };
        let end = i + name.len();
        // "WHO IS TO BLAME?": an acronym that is also a word names nothing in a capitals headline.
        let also_a_word = name.len() == 1 && crate::word_classes::word_class(&name[0].to_lowercase()).is_some();
        if also_a_word && crate::features::is_all_caps_sentence(words) {
            i = end;
            continue;
        }
        // "Amhara region" is the region, not the people.
        if *label == Label::Misc && words.get(end).is_some_and(|w| ADMIN_UNITS.contains(w)) {
            i = end;
            continue;
        }
        let inside_longer = spans.iter().any(|s| s.0 <= i && end <= s.1 && s.1 - s.0 > end - i);
        if !inside_longer {
            spans.retain(|s| s.1 <= i || s.0 >= end);
            spans.push((i, end, *label));
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{bilou_to_bio, bio_to_bilou, parse_bio};

    fn check(words: &str, before: &str, after: &str) {
        let words: Vec<&str> = words.split(' ').collect();
        let bio: Vec<_> = before.split(' ').map(|t| parse_bio(t).unwrap()).collect();
        let mut tags = bio_to_bilou(&bio);
        let mut gazetteer = Gazetteer::new();
        gazetteer.insert(&["Ivano-Frankivsk"], GazetteerList::Place);
        gazetteer.insert(&["Qatari"], GazetteerList::Entity(Label::Misc));
        gazetteer.insert(&["Kyiv"], GazetteerList::Place);
        gazetteer.insert(&["Uganda"], GazetteerList::Place);
        gazetteer.insert(&["Ahmed"], GazetteerList::FirstName);
        apply(&words, &mut tags, &gazetteer);
        assert_eq!(bilou_to_bio(&tags).join(" "), after);
    }

    #[test]
    fn a_persons_name_runs_on_over_particles() {
        check("met Abdel Fattah el-Sisi in Cairo", "O B-PER I-PER O O B-LOC", "O B-PER I-PER I-PER O B-LOC");
        check("Ursula von der Leyen spoke", "O O O B-ORG O", "B-PER I-PER I-PER I-PER O");
        check("Staffan de Mistura arrived", "B-PER O O O", "B-PER I-PER I-PER O");
        // No name after the particle, or no person before an unsure one: nothing changes.
        check("Smith de facto leader", "B-PER O O O", "B-PER O O O");
        check("Universidad de la Republica", "B-ORG I-ORG O O", "B-ORG I-ORG O O");
    }

    #[test]
    fn a_name_after_a_storm_word_is_a_storm() {
        check("Cyclone Dara tore through", "B-PER I-PER O O", "O B-MISC O O");
        check("by Hurricane Dolly .", "O O B-PER O", "O O B-MISC O");
        check("the cyclone Daniella alert", "O O O O", "O O B-MISC O");
        check("the storm Tuesday", "O O O", "O O O");
        check("the National Hurricane Center said", "O B-ORG I-ORG I-ORG O", "O B-ORG I-ORG I-ORG O");
        check("the Hurricane Center said", "O O O O", "O O O O");
        check("Tropical Storm Alberto weakened", "B-ORG I-ORG I-ORG O", "O O B-MISC O");
    }

    #[test]
    fn names_before_admin_units_are_places() {
        check("in North Darfur state .", "O B-PER I-PER O O", "O B-LOC I-LOC O O");
        check("the Lower Shabelle region", "O B-ORG I-ORG O", "O B-LOC I-LOC O");
        check("the Kurdish region", "O B-MISC O", "O B-MISC O");
        check("Smith District Council", "B-PER B-ORG I-ORG", "B-PER B-ORG I-ORG");
        check("the Bosnian Serb territory", "O B-MISC I-MISC O", "O B-MISC I-MISC O");
        // A site: a name shaped like a nationality that no list knows as one.
        check("crossed the Rusizi river", "O O B-MISC O", "O O B-LOC O");
        check("the Qatari river", "O B-MISC O", "O B-MISC O");
        check("the Congolese river port", "O B-MISC O O", "O B-MISC O O");
    }

    #[test]
    fn a_name_after_a_preposition_of_place_that_is_no_nationality_is_a_place() {
        check("a base near al-Qaim in Iraq", "O O O B-MISC O B-LOC", "O O O B-LOC O B-LOC");
        check("elder in Kallos said", "O O B-MISC O", "O O B-LOC O");
        check("in Arabic and in Serb-held towns", "O B-MISC O O B-MISC O", "O B-MISC O O B-MISC O");
        check("in Kurdish", "O B-MISC", "O B-MISC");
        check("forbidden in Islam and in Latin", "O O B-MISC O O B-MISC", "O O B-MISC O O B-MISC");
    }

    #[test]
    fn names_split_in_two_are_one() {
        check("the Democratic Republic of Congo said", "O B-LOC I-LOC O B-LOC O", "O B-LOC I-LOC I-LOC I-LOC O");
        check("the Papua New Guinea Defence Force said", "O B-LOC I-LOC I-LOC B-ORG I-ORG O", "O B-ORG I-ORG I-ORG I-ORG I-ORG O");
        check("Russia and Ukraine Defence Force", "B-LOC O B-LOC B-ORG I-ORG", "B-LOC O B-ORG I-ORG I-ORG");
        check("stormed Correctional Colony No. 14 in", "O B-ORG I-ORG I-ORG O O", "O B-ORG I-ORG I-ORG I-ORG O");
    }

    #[test]
    fn agencies_and_datelines() {
        check("CHISINAU ( AFP ) — Moldova said", "B-ORG O B-ORG O O B-LOC O", "B-LOC O B-ORG O O B-LOC O");
        check("NATO ( AFP ) said", "B-ORG O B-ORG O O", "B-ORG O B-ORG O O");
        check("told the Interpressnews agency", "O O B-MISC O", "O O B-ORG O");
        check("the Russian news agency", "O B-MISC O O", "O B-MISC O O");
        check("The Moscow newspaper Kommersant", "O B-LOC O B-ORG", "O B-LOC O B-ORG");
    }

    #[test]
    fn people_after_a_preposition_of_place_are_places() {
        check("fighting in Khan Younis .", "O O B-PER I-PER O", "O O B-LOC I-LOC O");
        check("clashes near Beit Hanoun", "O O B-PER I-PER", "O O B-LOC I-LOC");
        check("in Smith 's house", "O B-PER O O", "O B-PER O O");
        check("came across Jack Lesmana", "O O B-PER I-PER", "O O B-PER I-PER");
        check("Residents of Deir al-Balah said", "O O B-PER I-PER O", "O O B-LOC I-LOC O");
        check("north of Bakhmut", "O O B-PER", "O O B-LOC");
        check("friends of Jack Lesmana", "O O B-PER I-PER", "O O B-PER I-PER");
        check("Wad Madani , Sudan 's second-largest city , fell", "B-PER I-PER O B-LOC O O O O O", "B-LOC I-LOC O B-LOC O O O O O");
        check("Ana Ruiz , a city councillor , said", "B-PER I-PER O O O O O O", "B-PER I-PER O O O O O O");
        check("Ana Ruiz , who runs the camp .", "B-PER I-PER O O O O O O", "B-PER I-PER O O O O O O");
        check("Ana Ruiz , a resident of the town .", "B-PER I-PER O O O O O O O", "B-PER I-PER O O O O O O O");
        check("in the capital , Lisca , speaking", "O O O O B-PER O O", "O O O O B-LOC O O");
        check("returned to the town , Ana Ruiz said", "O O O O O B-PER I-PER O", "O O O O O B-PER I-PER O");
        check("left the camp , Ana Ruiz , a nurse", "O O O O B-PER I-PER O O O", "O O O O B-PER I-PER O O O");
        check("in Khan Younis and Rafah", "O B-PER I-PER O B-ORG", "O B-LOC I-LOC O B-LOC");
        // A name of the team's list keeps its listed type.
        check("in Gaza and Hamas said", "O B-LOC O B-ORG O", "O B-LOC O B-ORG O");
        check("off the island of Pelora", "O O O O B-ORG", "O O O O B-LOC");
        check("the port of Tobruk", "O O O B-ORG", "O O O B-LOC");
        check("a stronghold of Hamas", "O O O B-ORG", "O O O B-ORG");
        check("capsized off Pelora", "O O B-ORG", "O O B-LOC");
    }

    #[test]
    fn organisations_joined_by_for_are_one_name() {
        check(
            "the National Council for the Safeguard of the Homeland said",
            "O B-ORG I-ORG O O B-ORG I-ORG I-ORG I-ORG O",
            "O B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG I-ORG I-ORG O",
        );
        check("Doctors for Peace", "B-ORG O B-ORG", "B-ORG I-ORG I-ORG");
        check(
            "the Committee for the Protection of Journalists said",
            "O O O O B-ORG I-ORG I-ORG O",
            "O B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG O",
        );
        check("Support for the Reform Party", "O O O B-ORG I-ORG", "O O O B-ORG I-ORG");
        // A head the tagger named alone stays a name when nothing joins it.
        check("Doctors for years", "B-ORG O O", "B-ORG O O");
        // A name after "for" that is no purpose, other links, a place: apart.
        check("Labasa Constituency for the National Party", "B-ORG I-ORG O O B-ORG I-ORG", "B-ORG I-ORG O O B-ORG I-ORG");
        check("the UN and NATO", "O B-ORG O B-ORG", "O B-ORG O B-ORG");
        check("Hamas for Gaza", "B-ORG O B-LOC", "B-ORG O B-LOC");
    }

    #[test]
    fn an_alias_takes_the_type_of_the_name_before_it() {
        check("Mohamed Dagalo , known as Hemedti , said", "B-PER I-PER O O O B-ORG O O", "B-PER I-PER O O O B-PER O O");
        check("Jimmy Cherizier , better known as Barbecue", "B-PER I-PER O O O O O", "B-PER I-PER O O O O B-PER");
        check("the Security Service , known as the SBU", "O B-ORG I-ORG O O O O B-LOC", "O B-ORG I-ORG O O O O B-ORG");
        check("the force , known as Operation Comfort", "O O O O O B-MISC I-MISC", "O O O O O B-MISC I-MISC");
    }

    #[test]
    fn compounds_of_names_are_misc() {
        check("the Hamas-run ministry", "O O O", "O B-MISC O");
        check("US-backed forces", "B-ORG O", "B-MISC O");
        check("the pro-Russian separatists", "O O O", "O B-MISC O");
        check("New York-based bank", "B-LOC O O", "B-MISC I-MISC O");
        check("army-held areas", "O O", "O O");
        check("in Ivano-Frankivsk", "O B-LOC", "O B-LOC");
        check("the Islamic State-linked group", "O B-MISC I-MISC O", "O B-MISC I-MISC O");
        check("the US-backed Syrian Forces", "O B-ORG I-ORG I-ORG", "O B-MISC B-ORG I-ORG");
        check("Family-controlled firms", "O O", "O O");
    }

    #[test]
    fn unknown_one_word_places_are_nationalities_or_acronyms() {
        check("Qatari mediators in Kyiv", "B-LOC O O B-LOC", "B-MISC O O B-LOC");
        check("the UKMTO agency", "O B-LOC O", "O B-ORG O");
        check("FIGHTING IN KYIV AND DONBAS", "O O B-LOC O B-LOC", "O O B-LOC O B-LOC");
    }

    #[test]
    fn every_line_of_the_known_names_list_is_read() {
        let lines = KNOWN_NAMES.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        let read: usize = known_names_by_first_word().values().map(Vec::len).sum();
        assert_eq!(read, lines, "a line without a tab or with a label other than ORG or MISC");
    }

    #[test]
    fn known_names_take_their_type_unless_inside_a_longer_name() {
        check("Hezbollah fired rockets", "B-PER O O", "B-ORG O O");
        check("the Rohingya refugees", "O B-LOC O", "O B-MISC O");
        check("Hayat Tahrir al-Sham fighters", "B-PER I-PER O O", "B-ORG I-ORG I-ORG O");
        check("the Hezbollah Media Office", "O B-ORG I-ORG I-ORG", "O B-ORG I-ORG I-ORG");
        check("Islamic Jihad said", "B-MISC O O", "B-ORG I-ORG O");
        check("the Amhara region", "O B-LOC O", "O B-LOC O");
    }

    #[test]
    fn waters_are_places_and_vessels_are_no_people() {
        check("in the Strait of Merrow early", "O O B-ORG I-ORG I-ORG O", "O O B-LOC I-LOC I-LOC O");
        check("the Merrow Sea coast", "O B-PER I-PER O", "O B-LOC I-LOC O");
        check("the tanker Marlin Dawn was hit", "O O B-PER I-PER O O", "O O B-MISC I-MISC O O");
        check("the Gulf Cooperation Council", "O B-ORG I-ORG I-ORG", "O B-ORG I-ORG I-ORG");
        check("operator Greyline Shipping said", "O B-PER I-PER O", "O B-ORG I-ORG O");
        check("said Coastwatch , an environmental group ,", "O B-PER O O O O O", "O B-ORG O O O O O");
        check("said Ana Ruiz , a party member ,", "O B-PER I-PER O O O O O", "O B-PER I-PER O O O O O");
        check("The Marlin Dawn , a flagged vessel ,", "O B-PER I-PER O O O O O", "O B-MISC I-MISC O O O O O");
        check(
            "Civic Watch , a rights group that monitors arrests , said",
            "B-PER I-PER O O O O O O O O O",
            "B-ORG I-ORG O O O O O O O O O",
        );
        check("Civic Watch , a rights group that monitors arrests , said", "O O O O O O O O O O O", "B-ORG I-ORG O O O O O O O O O");
        check("On Monday , a rights group said", "O O O O O O O", "O O O O O O O");
        check("Ana Ruiz , a member of the group ,", "O O O O O O O O O", "O O O O O O O O O");
        check(
            "to Aid Sea , a charity that runs a rescue ship in the area .",
            "O B-LOC I-LOC O O O O O O O O O O O O",
            "O B-ORG I-ORG O O O O O O O O O O O O",
        );
        check("Aid Sea said", "B-PER I-PER O", "B-ORG I-ORG O");
        check("ships in the Red Sea said", "O O O B-LOC I-LOC O", "O O O B-LOC I-LOC O");
    }

    #[test]
    fn an_untagged_name_after_a_noun_of_place_and_of_is_that_place() {
        check("in the frontline town of Kallos overnight", "O O O O O O O", "O O O O O B-LOC O");
        check("the city of Port Vessant", "O O O O O", "O O O B-LOC I-LOC");
        check("the Town of Kallos", "O O O O", "O O O O");
        check("the town of Kallos", "O O O B-MISC", "O O O B-LOC");
    }

    #[test]
    fn a_field_before_minister_is_part_of_the_title() {
        check("Halvenian Defence Minister Ruth Aldane", "B-ORG I-ORG O B-PER I-PER", "B-MISC O O B-PER I-PER");
        check("Defence Minister Ruth Aldane", "B-ORG O B-PER I-PER", "O O B-PER I-PER");
        check("Migration Minister Elena Drakou", "B-ORG O B-PER I-PER", "O O B-PER I-PER");
        check("EU Ministers met", "B-ORG O O", "B-ORG O O");
        check("the Defence Ministry said", "O B-ORG I-ORG O", "O B-ORG I-ORG O");
        check("drones launched from the Sarrow coast", "O O O O B-ORG O", "O O O O B-LOC O");
    }

    #[test]
    fn general_staff_is_an_organisation() {
        check("Ukraine 's General Staff said", "B-LOC O O B-PER O", "B-LOC O B-ORG I-ORG O");
        check("the Joint Staff", "O B-ORG I-ORG", "O B-ORG I-ORG");
    }

    #[test]
    fn acronyms_of_common_nouns_are_no_names() {
        check("dozens in the ICU", "O O O B-ORG", "O O O O");
        check("an IED hit the UN convoy", "O B-MISC O O B-ORG O", "O O O O B-ORG O");
    }

    #[test]
    fn media_operations_and_groups_by_the_words_around_them() {
        check("the Kurdish broadcaster Rudaw said", "O B-MISC O B-LOC O", "O B-MISC O B-ORG O");
        check("speaking to Radio Ndeke Luka", "O O B-LOC I-LOC I-LOC", "O O B-ORG I-ORG I-ORG");
        check("quoted by Radio Pakistan", "O O O B-LOC", "O O B-ORG I-ORG");
        check("a spokesman for Operation Hadin Kai said", "O O O O B-PER I-PER O", "O O O B-MISC I-MISC I-MISC O");
        check("as part of Operation Claw-Lock", "O O O O O", "O O O B-MISC I-MISC");
        check("the Wagner group", "O B-MISC O", "O B-ORG O");
        check("the Meitei group Arambai Tenggol denied", "O B-MISC O B-PER I-PER O", "O B-MISC O B-ORG I-ORG O");
        check("the army 's 6th Infantry Division", "O O O O B-ORG I-ORG", "O O O B-ORG I-ORG I-ORG");
        check("Mahamat Idriss Déby Itno flew", "B-PER I-PER B-PER I-PER O", "B-PER I-PER I-PER I-PER O");
        check("María de los Ángeles Quiñónez waited", "B-ORG O O B-PER I-PER O", "B-PER I-PER I-PER I-PER I-PER O");
        check("the Jarinje crossing", "O B-MISC O", "O B-LOC O");
        check("a Kurdish camp", "O B-MISC O", "O B-MISC O");
        check("The Trump camp said", "O B-PER O O", "O B-PER O O");
        check("a spokesman for the group Ahmed Hassan said", "O O O O O B-PER I-PER O", "O O O O O B-PER I-PER O");
        check("the Liguasan Swamp", "O B-PER I-PER", "O B-LOC I-LOC");
        check("The Wagner group , which", "O B-PER O O O", "O B-ORG O O O");
        check("KABUL , Afghanistan ( AP ) — Jets struck", "B-LOC O B-LOC O O O O O O", "B-LOC O B-LOC O B-ORG O O O O");
        check("COTABATO CITY , Philippines ( AP ) — Troops", "B-ORG I-ORG I-ORG I-ORG O O O O O", "B-LOC I-LOC O B-LOC O B-ORG O O O");
        check("said in a post on X that", "O O O O O O O", "O O O O O B-ORG O");
        check("Ugandan troops repelled", "B-LOC O O", "B-MISC O O");
        check("a Kurdish group", "O B-MISC O", "O B-MISC O");
        check("the Poonch district of Kashmir", "O B-MISC O O B-LOC", "O B-LOC O O B-LOC");
        check("moved units toward Sirte", "O O O B-ORG", "O O O B-LOC");
        check("anger toward Putin", "O O B-PER", "O O B-PER");
        check("its policy towards NATO", "O O O B-ORG", "O O O B-ORG");
    }

    #[test]
    fn an_acronym_in_brackets_joins_the_name_it_spells() {
        check(
            "the European Union Mission in Armenia ( EUMA ) said",
            "O B-ORG I-ORG I-ORG O B-LOC O B-ORG O O",
            "O B-ORG I-ORG I-ORG I-ORG I-ORG O B-ORG O O",
        );
        check("UN Support Mission in Libya ( UNSMIL )", "B-ORG I-ORG I-ORG O B-LOC O B-ORG O", "B-ORG I-ORG I-ORG I-ORG I-ORG O B-ORG O");
        check("the Red Cross in Geneva ( ICRC )", "O B-ORG I-ORG O B-LOC O B-ORG O", "O B-ORG I-ORG O B-LOC O B-ORG O");
        check("Committee on Tribal Unity ( CoTU ) said", "B-ORG I-ORG I-ORG I-ORG O B-MISC O O", "B-ORG I-ORG I-ORG I-ORG O B-ORG O O");
        check(
            "The UN Mission in South Sudan ( UNMISS )",
            "O B-ORG B-MISC O B-LOC I-LOC O B-ORG O",
            "O B-ORG I-ORG I-ORG I-ORG I-ORG O B-ORG O",
        );
        assert!(initials_spell(&["Committee", "to", "Protect", "Journalists"], "CPJ"));
        assert!(!initials_spell(&["Committee", "to", "Protect"], "CPJ"));
    }

    #[test]
    fn state_in_an_office_is_no_place() {
        check("Secretary of State said", "O O B-LOC O", "O O O O");
        check("Secretary of State Ilsa K. Marnova", "O O B-LOC I-LOC B-PER I-PER", "O O O B-PER I-PER I-PER");
        check("Secretary of State Ilsa spoke", "O O B-LOC I-LOC O", "O O O B-LOC O");
        check("the State of Texas", "O B-LOC I-LOC I-LOC", "O B-LOC I-LOC I-LOC");
    }
}
