//! Word lists the rule-based stages share. They hold general knowledge of English news
//! text (function words, titles, speech verbs, countries and their demonyms), never
//! anything particular to one story.

/// Abbreviations after which a period does not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "gov", "sen", "rep", "rev", "st", "jr", "sr",
    "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "etc", "inc", "corp",
    "ltd", "co", "dept", "est", "approx", "fig", "mt", "ft", "gov't",
];

/// Words that commonly start a sentence after an abbreviation that can also end one
/// ("… in the U.S. The next day …").
pub const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "When",
    "While",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Meanwhile",
];

/// Function words and other frequent capitalised sentence openers that are not names.
pub const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "if",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "what",
    "when",
    "where",
    "why",
    "how",
    "who",
    "which",
    "while",
    "after",
    "before",
    "during",
    "however",
    "moreover",
    "meanwhile",
    "also",
    "so",
    "some",
    "many",
    "several",
    "most",
    "all",
    "no",
    "not",
    "one",
    "two",
    "three",
    "according",
    "earlier",
    "later",
    "recently",
    "today",
    "yesterday",
    "tomorrow",
    "until",
    "since",
    "about",
    "over",
    "under",
    "more",
    "less",
    "than",
    "then",
    "now",
    "both",
    "each",
    "other",
    "such",
    "even",
    "still",
    "just",
    "only",
    "into",
    "out",
    "up",
    "down",
    "my",
    "your",
    "me",
    "him",
    "them",
    "us",
    "do",
    "does",
    "did",
    "can",
    "could",
    "will",
    "would",
    "should",
    "may",
    "might",
    "must",
    "at",
    "despite",
    "although",
    "though",
    "because",
    "whether",
    "among",
    "against",
    "between",
    "without",
    "within",
    "through",
    "across",
    "around",
];

/// Titles of address, which belong with a name rather than an office ("Health Minister Dr.
/// Elif Karan" holds the office "Health Minister").
pub const HONORIFICS: &[&str] = &["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof."];

/// Whether `word` is a title that may precede a person's name: one of [`PERSON_TITLES`] or
/// [`HONORIFICS`], in any case.
pub fn is_person_title(word: &str) -> bool {
    contains_ci(PERSON_TITLES, word) || contains_ci(HONORIFICS, word)
}

/// Titles and roles that precede a person's name ("President Tokayev"), besides the
/// [`HONORIFICS`].
pub const PERSON_TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Foreign",
    "Interior",
    "Defence",
    "Defense",
    "State",
    "General",
    "Gen",
    "Gen.",
    "Colonel",
    "Col.",
    "Lieutenant",
    "Sergeant",
    "Captain",
    "Admiral",
    "Major",
    "Professor",
    "Sen.",
    "Senator",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Judge",
    "Justice",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Ambassador",
    "Envoy",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Commander",
    "Chief",
    "Deputy",
    "Senior",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Sheikh",
    "Saint",
    "Speaker",
    "Premier",
    "Director",
    "Inspector",
    "Officer",
    "Correspondent",
];

/// Lower-case role nouns that may stand between an organisation and a name
/// ("State Department spokesman Ned Price").
pub const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "correspondent",
    "reporter",
    "minister",
    "secretary",
    "president",
    "leader",
    "chief",
    "head",
    "official",
    "officials",
    "envoy",
    "ambassador",
    "commander",
    "adviser",
    "advisor",
    "editor",
    "analyst",
    "director",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "general",
];

/// Final words that make a capitalised phrase an organisation.
pub const ORG_HEADS: &[&str] = &[
    "Organization",
    "Organisation",
    "Ministry",
    "Office",
    "Department",
    "Agency",
    "Council",
    "Union",
    "Party",
    "Alliance",
    "Committee",
    "Commission",
    "Bank",
    "Court",
    "Army",
    "Police",
    "Parliament",
    "Government",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "Group",
    "Institute",
    "University",
    "Association",
    "Federation",
    "Front",
    "Movement",
    "Service",
    "Services",
    "Forces",
    "Force",
    "Guard",
    "Navy",
    "Assembly",
    "Congress",
    "Senate",
    "Authority",
    "Bureau",
    "Fund",
    "Foundation",
    "Network",
    "Times",
    "Post",
    "News",
    "Press",
    "Network",
    "Broadcasting",
    "Reuters",
    "Compact",
    "Coalition",
    "League",
    "Secretariat",
    "Cabinet",
    "Board",
    "Court",
    "Tribunal",
    "Brigade",
    "Battalion",
    "Regiment",
    "Command",
];

/// Heads of the names of state bodies that every country has ("army" is left out: the
/// "Northern Liberation Army" is a movement's own name).
const STATE_BODY_HEADS: &[&str] =
    &["ministry", "commission", "court", "guard", "parliament", "government", "assembly", "cabinet", "senate"];

/// Whether an organisation's name is one that many countries' bodies bear ("Interior
/// Ministry", "Central Election Commission", "Supreme Court"): a state body's head word
/// after common English words only, with no name of a place or person in it. Such a name
/// says what kind of body speaks, not which story it is. A movement's name of common words
/// ("Northern Liberation Front") is its own.
pub fn is_generic_institution(name: &str) -> bool {
    let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let Some(head) = words.last() else { return false };
    words.len() >= 2
        && STATE_BODY_HEADS.contains(&head.as_str())
        && words.iter().all(|w| parallax_ner::word_classes::word_class(w).is_some())
}

/// First words that make a capitalised phrase an organisation ("Ministry of …").
pub const ORG_STARTS: &[&str] = &["Ministry", "Department", "Office", "Bank", "University", "Council", "Court", "Institute", "House"];

/// Countries and other places with their demonyms: (place, demonym, capital).
pub const PLACES: &[(&str, &str, &str)] = &[
    ("Afghanistan", "Afghan", "Kabul"),
    ("Albania", "Albanian", "Tirana"),
    ("Algeria", "Algerian", "Algiers"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Australia", "Australian", "Canberra"),
    ("Austria", "Austrian", "Vienna"),
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Belgium", "Belgian", "Brussels"),
    ("Bolivia", "Bolivian", "La Paz"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Britain", "British", "London"),
    ("Bulgaria", "Bulgarian", "Sofia"),
    ("Burkina Faso", "Burkinabe", "Ouagadougou"),
    ("Cambodia", "Cambodian", "Phnom Penh"),
    ("Cameroon", "Cameroonian", "Yaoundé"),
    ("Canada", "Canadian", "Ottawa"),
    ("Chad", "Chadian", "N'Djamena"),
    ("Chile", "Chilean", "Santiago"),
    ("China", "Chinese", "Beijing"),
    ("Colombia", "Colombian", "Bogota"),
    ("Congo", "Congolese", "Kinshasa"),
    ("Croatia", "Croatian", "Zagreb"),
    ("Cuba", "Cuban", "Havana"),
    ("Czech Republic", "Czech", "Prague"),
    ("Denmark", "Danish", "Copenhagen"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Eritrea", "Eritrean", "Asmara"),
    ("Estonia", "Estonian", "Tallinn"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Europe", "European", "Brussels"),
    ("Finland", "Finnish", "Helsinki"),
    ("France", "French", "Paris"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Germany", "German", "Berlin"),
    ("Greece", "Greek", "Athens"),
    ("Haiti", "Haitian", "Port-au-Prince"),
    ("Hungary", "Hungarian", "Budapest"),
    ("India", "Indian", "New Delhi"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Iran", "Iranian", "Tehran"),
    ("Iraq", "Iraqi", "Baghdad"),
    ("Ireland", "Irish", "Dublin"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Italy", "Italian", "Rome"),
    ("Japan", "Japanese", "Tokyo"),
    ("Jordan", "Jordanian", "Amman"),
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Kosovo", "Kosovar", "Pristina"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek"),
    ("Latvia", "Latvian", "Riga"),
    ("Lebanon", "Lebanese", "Beirut"),
    ("Libya", "Libyan", "Tripoli"),
    ("Lithuania", "Lithuanian", "Vilnius"),
    ("Mali", "Malian", "Bamako"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Moldova", "Moldovan", "Chisinau"),
    ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Mozambique", "Mozambican", "Maputo"),
    ("Myanmar", "Burmese", "Naypyidaw"),
    ("Netherlands", "Dutch", "Amsterdam"),
    ("New Zealand", "New Zealander", "Wellington"),
    ("Niger", "Nigerien", "Niamey"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("Norway", "Norwegian", "Oslo"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Palestine", "Palestinian", "Ramallah"),
    ("Peru", "Peruvian", "Lima"),
    ("Philippines", "Filipino", "Manila"),
    ("Poland", "Polish", "Warsaw"),
    ("Portugal", "Portuguese", "Lisbon"),
    ("Romania", "Romanian", "Bucharest"),
    ("Russia", "Russian", "Moscow"),
    ("Rwanda", "Rwandan", "Kigali"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Scotland", "Scottish", "Edinburgh"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Somalia", "Somali", "Mogadishu"),
    ("South Africa", "South African", "Pretoria"),
    ("South Korea", "South Korean", "Seoul"),
    ("South Sudan", "South Sudanese", "Juba"),
    ("Spain", "Spanish", "Madrid"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Switzerland", "Swiss", "Bern"),
    ("Syria", "Syrian", "Damascus"),
    ("Taiwan", "Taiwanese", "Taipei"),
    ("Tajikistan", "Tajik", "Dushanbe"),
    ("Thailand", "Thai", "Bangkok"),
    ("Tunisia", "Tunisian", "Tunis"),
    ("Turkey", "Turkish", "Ankara"),
    ("Turkmenistan", "Turkmen", "Ashgabat"),
    ("Uganda", "Ugandan", "Kampala"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("United Kingdom", "British", "London"),
    ("United States", "American", "Washington"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Yemen", "Yemeni", "Sanaa"),
    ("Zimbabwe", "Zimbabwean", "Harare"),
];

/// Short forms of places: (alias, canonical place).
pub const PLACE_ALIASES: &[(&str, &str)] = &[
    ("U.S.", "United States"),
    ("U.S", "United States"),
    ("US", "United States"),
    ("USA", "United States"),
    ("America", "United States"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
];

/// Legal forms that end a company's registered name ("Norvalis Agrochemical Company JSC").
pub const LEGAL_FORMS: &[&str] =
    &["JSC", "Ltd", "Ltd.", "Limited", "Inc", "Inc.", "PLC", "plc", "SA", "AG", "LLC", "Corp", "Corp.", "Co", "Co."];

/// Whether a name ends as a company's: a legal form, "Company", "Corporation" or "Group".
pub fn is_company_name(name: &str) -> bool {
    name.rsplit(' ').next().is_some_and(|last| LEGAL_FORMS.contains(&last) || matches!(last, "Company" | "Corporation" | "Group"))
}

/// Short forms of organisations: (alias, canonical name).
pub const ORG_ALIASES: &[(&str, &str)] = &[
    ("EU", "European Union"),
    ("E.U.", "European Union"),
    ("UN", "United Nations"),
    ("U.N.", "United Nations"),
    ("WHO", "World Health Organization"),
    ("World Health Organisation", "World Health Organization"),
    ("MSF", "Médecins Sans Frontières"),
    ("Doctors Without Borders", "Médecins Sans Frontières"),
    ("ICRC", "International Committee of the Red Cross"),
];

/// Verbs that introduce speech or a claim ("said", "told reporters").
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "warned",
    "warns",
    "asked",
    "asks",
    "wrote",
    "writes",
    "announced",
    "announces",
    "declared",
    "declares",
    "noted",
    "notes",
    "explained",
    "explains",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "argued",
    "argues",
    "urged",
    "urges",
    "tweeted",
    "posted",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "acknowledged",
    "admitted",
    "denied",
    "denies",
    "described",
    "accused",
    "accuses",
    "alleged",
    "alleges",
    "emphasized",
    "emphasised",
    "stressed",
    "reiterated",
    "replied",
    "responded",
    "continued",
    "recalled",
    "concluded",
    "suggested",
    "estimated",
    "vowed",
    "promised",
    "pledged",
    "predicted",
    "questioned",
    "echoed",
    "called",
    "calling",
    "describing",
    "branding",
    "labelling",
    "labeling",
    "characterizing",
    "characterising",
    "dubbing",
    "warning",
    "adding",
    "telling",
    "shown",
    "show",
    "showed",
    "shows",
    "found",
    "finds",
];

/// True when `word` (any case) is in `list`, compared case-insensitively.
pub fn contains_ci(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The demonym of a place ("Kazakhstan" → "Kazakh").
pub fn demonym_of(place: &str) -> Option<&'static str> {
    PLACES.iter().find(|(name, _, _)| *name == place).map(|(_, demonym, _)| *demonym)
}

/// The country of a demonym, singular or plural ("Kazakh", "Russians").
pub fn demonym_place(word: &str) -> Option<&'static str> {
    place_of_demonym(word).or_else(|| word.strip_suffix('s').and_then(place_of_demonym))
}

/// The place a demonym belongs to ("Kazakh" → "Kazakhstan").
pub fn place_of_demonym(word: &str) -> Option<&'static str> {
    PLACES.iter().find(|(_, demonym, _)| *demonym == word).map(|(place, _, _)| *place)
}

/// The canonical name of a place or place alias ("U.S." → "United States").
pub fn canonical_place(name: &str) -> Option<&'static str> {
    PLACE_ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .map(|(_, place)| *place)
        .or_else(|| PLACES.iter().find(|(place, _, _)| *place == name).map(|(place, _, _)| *place))
}

/// The country whose capital is `city` ("Moscow" → "Russia").
pub fn country_of_capital(city: &str) -> Option<&'static str> {
    PLACES.iter().find(|(_, _, capital)| *capital == city).map(|(place, _, _)| *place)
}

/// The canonical name of an organisation alias ("EU" → "European Union").
pub fn canonical_org(name: &str) -> Option<&'static str> {
    ORG_ALIASES.iter().find(|(alias, _)| *alias == name).map(|(_, org)| *org)
}

/// Lower-case nouns that make "<demonym> <noun>" an organisation ("Russian foreign ministry").
pub const ORG_NOUNS: &[&str] =
    &["ministry", "government", "army", "police", "military", "parliament", "navy", "embassy", "authorities", "office"];

/// Whether a lower-case noun names an institution: one of [`ORG_NOUNS`] ("ministry",
/// "police") or [`ORG_KIND_NOUNS`] ("alliance", "agency").
pub fn is_institution_noun(lower: &str) -> bool {
    ORG_NOUNS.contains(&lower) || ORG_KIND_NOUNS.contains(&lower)
}

/// Nouns for a kind of organisation: "the alliance" right after "the Tidewater Security
/// Compact" in one sentence is that organisation.
pub const ORG_KIND_NOUNS: &[&str] = &[
    "alliance",
    "bloc",
    "coalition",
    "organisation",
    "organization",
    "union",
    "group",
    "company",
    "firm",
    "federation",
    "compact",
    "pact",
    "agency",
    "party",
    "movement",
    "service",
    "mission",
    "commission",
    "committee",
    "council",
    "network",
    "foundation",
    "institute",
];

/// True for a speech verb as it stands in running text: lower-case ("said", not "States").
pub fn is_speech_verb(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && SPEECH_VERBS.contains(&word)
}

/// Pronouns that open a relative clause ("Sanders, who has already sent pleas,").
pub const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whom", "whose"];

/// Possessive determiners, lower-case ("his" and "her" are object pronouns too).
pub const POSSESSIVE_DETERMINERS: &[&str] = &["my", "your", "his", "her", "its", "our", "their"];

/// Determiners and possessive determiners, lower-case.
pub const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"];

/// Words besides the determiners after which a speech-verb form is a noun: quantifiers
/// ("any states", "several reports").
pub const NOUN_MARKERS: &[&str] = &["some", "many", "several", "new", "any", "all", "both", "other", "no", "every", "each", "few"];

/// Media and the nouns that make compounds with "show" ("his talk show", "the news show",
/// "state media reports"): a speech-verb form after them is a noun unless it is in the past
/// tense ("State television called the demonstrators …", "state media reported").
pub const MEDIA_MARKERS: &[&str] = &["media", "news", "talk", "reality", "radio", "tv", "television", "weekly", "daily"];

/// True when the word at `index` of `words` is a speech verb used as a verb.
pub fn is_speech_cue(words: &[&str], index: usize) -> bool {
    let Some(word) = words.get(index) else { return false };
    let word = word.trim_end_matches(['.', ',', ':', ';']);
    if !is_speech_verb(word) {
        return rejects_reports(word, &words[index + 1..]);
    }
    // "the show", "11 states", "CNN’s show": a determiner, a number or an owner before it.
    let previous = index.checked_sub(1).map(|k| words[k]);
    let after_determiner = previous.is_some_and(|p| {
        let lower = p.to_lowercase();
        DETERMINERS.contains(&lower.as_str())
            || NOUN_MARKERS.contains(&lower.as_str())
            || (MEDIA_MARKERS.contains(&lower.as_str()) && !(word.ends_with("ed") || matches!(word, "said" | "told" | "wrote")))
            || (!p.ends_with(',') && p.chars().all(|c| c.is_ascii_digit() || c == ','))
            || p.ends_with("’s")
            || p.ends_with("'s")
    });
    // "urged them to show restraint": an infinitive, not a report.
    let infinitive = index > 0 && words[index - 1] == "to";
    // "reports of …", "claims of …": nouns.
    let before_of = words.get(index + 1).is_some_and(|next| *next == "of");
    // "rejected what it called fabricated reports that …": a plural noun after a participle.
    let noun_after_participle = matches!(word, "reports" | "claims")
        && previous.is_some_and(|p| p.len() > 4 && p.ends_with("ed") && p.chars().all(|c| c.is_ascii_lowercase()));
    !after_determiner && !before_of && !infinitive && !noun_after_participle
}

/// "She rejected union accounts that security forces had fired", "dismissed reports that
/// …": `verb` is a report of what the speaker holds untrue when a noun for what others
/// said, then "that", is among the first four words of `following`.
pub fn rejects_reports(verb: &str, following: &[&str]) -> bool {
    const REJECTING: &[&str] = &["rejected", "rejects", "dismissed", "dismisses", "disputed", "disputes", "refuted", "refutes"];
    // Singular or plural; not "charges", which a court dismisses.
    const REPORTS: &[&str] =
        &["claim", "account", "report", "allegation", "suggestion", "accusation", "assertion", "rumour", "rumor", "speculation"];
    let report = |w: &str| {
        let w = w.to_lowercase();
        REPORTS.contains(&w.strip_suffix('s').unwrap_or(&w))
    };
    // "that" opens what was said, not a relative clause ("the claims that were circulating").
    let clause = |k: usize| following.get(k + 2).is_none_or(|w| !matches!(*w, "were" | "was" | "had" | "have" | "has" | "are" | "is"));
    REJECTING.contains(&verb.to_lowercase().as_str())
        && (0..following.len().saturating_sub(1).min(4)).any(|k| report(following[k]) && following[k + 1] == "that" && clause(k))
}

/// Verbs that give something a name ("which it calls a terrorist organisation", "branded
/// them traitors"), every form: what follows them is a label, not a report.
pub const VERBS_OF_NAMING: &[&str] = &[
    "call", "calls", "called", "brand", "brands", "branded", "label", "labels", "labelled", "labeled", "dub", "dubs", "dubbed", "term",
    "terms", "termed",
];

/// First words of place names ("Port Vessant", "Mount Elbrus").
pub const PLACE_STARTS: &[&str] = &["Port", "Mount", "Mt.", "Lake", "Fort", "Cape", "Gulf", "Isle", "Lake"];

/// Final words of place names ("North Basin", "Ambrel Valley", "Red Square").
pub const PLACE_HEADS: &[&str] = &[
    "City",
    "Valley",
    "River",
    "Sea",
    "Ocean",
    "Bay",
    "Island",
    "Islands",
    "Peninsula",
    "Province",
    "Region",
    "District",
    "County",
    "Street",
    "Square",
    "Avenue",
    "Airport",
    "Harbour",
    "Harbor",
    "Basin",
    "Terminal",
    "Bridge",
    "Mountains",
    "Plain",
    "Plateau",
    "Desert",
    "Coast",
    "Strait",
    "Canal",
    "Highway",
    "Road",
    "Park",
    "Oblast",
    "State",
    "Republic",
];

/// Prepositions that put the following name in a place ("in Almaty", "near Gate 4").
pub const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "across", "outside", "into", "inside", "throughout", "around", "at"];

/// True for an English weekday name in lower case.
pub fn is_weekday(word: &str) -> bool {
    matches!(word, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `word` of the space-separated `sentence` is a speech cue.
    fn cue(sentence: &str, word: &str) -> bool {
        let words: Vec<&str> = sentence.split(' ').collect();
        is_speech_cue(&words, words.iter().position(|w| *w == word).expect("the word is in the sentence"))
    }

    #[test]
    fn a_speech_verb_form_after_a_determiner_number_or_owner_is_a_noun() {
        assert!(cue("the minister says the port is shut", "says"));
        assert!(cue("Lindqvist, mayor since 2019, said that", "said"));
        assert!(cue("State television called the demonstrators rioters", "called"));
        assert!(is_generic_institution("Interior Ministry") && is_generic_institution("Central Election Commission"));
        assert!(!is_generic_institution("Civic Watch") && !is_generic_institution("Dravosk Legal Aid Centre"));
        assert!(!is_generic_institution("Kestrian Dockworkers' Federation") && !is_generic_institution("Ministry"));
        assert!(!is_generic_institution("Northern Liberation Front") && !is_generic_institution("European Union"));
        assert!(!is_generic_institution("Northern Liberation Army"));
        assert!(cue("state media reported that", "reported"));
        assert!(!cue("state media reports say", "reports"));
        for (sentence, word) in [
            ("balloting in 11 states holding contests", "states"),
            ("he did not win any states", "states"),
            ("he also hosts a Sunday talk show", "show"),
            ("on CNN’s show Anderson Cooper", "show"),
            ("the reports of shelling", "reports"),
            ("urged them to show restraint", "show"),
        ] {
            assert!(!cue(sentence, word), "{sentence}");
        }
    }

    #[test]
    fn rejecting_what_others_said_is_a_cue_rejecting_a_thing_is_not() {
        assert!(cue("She rejected union accounts that security forces had fired", "rejected"));
        assert!(cue("He dismissed Lindavar's claim that 41 drones had been shot down", "dismissed"));
        assert!(!cue("The union rejected a proposal that would have cut wages", "rejected"));
        assert!(!cue("The court dismissed the case on Monday", "dismissed"));
    }
}
