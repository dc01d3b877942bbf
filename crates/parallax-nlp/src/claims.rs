//! Count claims: {killed, security forces, (18, ∞), attributed to none}.
//!
//! Each counted quantity is tied to the nearest predicate word of its clause (killed,
//! wounded, arrested, deployed, …) and to a normalised group read from what is counted
//! (officers → security forces, protestors → protesters, soldiers → troops). Its
//! attribution is the speaker of the quote it sits in, or the source named in its
//! sentence as the quotes layer reads it ("according to …", "X said …", "…, police say").

use crate::text_util::stem;
use crate::units;
use parallax_core::layer::{Claims, Entities, Quantities, Quotes, Sentences, Times};
use parallax_core::{
    Claim, ClaimKind, Document, EntityLabel, EntityMention, Interval, LayerKind, Quantity, QuantityKind, Quote, Span, Stage, StageError,
};
use std::cell::OnceCell;

pub struct ClaimExtractor;

impl Stage for ClaimExtractor {
    fn name(&self) -> &'static str {
        "claims"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Sentences, LayerKind::Entities, LayerKind::Quantities, LayerKind::Times, LayerKind::Quotes]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Claims]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let text = doc.text().as_str();
        let sentences = doc.layer::<Sentences>()?;
        let quotes = &Quote::credited(doc.layer::<Quotes>()?);
        let mut claims = find_claims(text, sentences, doc.layer::<Quantities>()?, quotes);
        drop_counts_of_past_years(text, &mut claims, doc.layer::<Times>()?, doc.meta.published_date());
        credit_claimed_figures(text, &mut claims, doc.layer::<Entities>()?);
        credit_speakers_own_figures(text, &mut claims, quotes);
        credit_contact_reporters(text, &mut claims, doc.layer::<Entities>()?);
        claims.extend(find_money_claims(text, sentences, doc.layer::<Quantities>()?, doc.layer::<Entities>()?, quotes));
        claims.extend(find_measures(text, sentences, doc.layer::<Quantities>()?, quotes));
        claims.extend(find_rates(text, sentences, doc.layer::<Quantities>()?, quotes));
        claims.extend(find_vote_shares(text, sentences, doc.layer::<Quantities>()?, doc.layer::<Entities>()?, quotes));
        claims.extend(crate::events::find_events(text, sentences, doc.layer::<Entities>()?, doc.layer::<Times>()?, quotes));
        doc.set_layer::<Claims>(claims)?;
        Ok(())
    }
}

/// Predicate words: (word, kind, normalised predicate).
const PREDICATES: &[(&str, ClaimKind, &str)] = &[
    ("killed", ClaimKind::Casualty, "killed"),
    ("killing", ClaimKind::Casualty, "killed"),
    ("kill", ClaimKind::Casualty, "killed"),
    ("kills", ClaimKind::Casualty, "killed"),
    ("dies", ClaimKind::Casualty, "killed"),
    ("dead", ClaimKind::Casualty, "killed"),
    ("died", ClaimKind::Casualty, "killed"),
    ("die", ClaimKind::Casualty, "killed"),
    ("deaths", ClaimKind::Casualty, "killed"),
    ("death", ClaimKind::Casualty, "killed"),
    // "the death toll rose to 87": nearer the number than "death", and news speaks of no other toll.
    ("toll", ClaimKind::Casualty, "killed"),
    ("slain", ClaimKind::Casualty, "killed"),
    // "Dozens of servicemen were eliminated": the military's word for killing (people only;
    // "neutralised" is as often an arrest).
    ("eliminated", ClaimKind::Casualty, "killed"),
    ("liquidated", ClaimKind::Casualty, "killed"),
    ("drowned", ClaimKind::Casualty, "killed"),
    ("fatalities", ClaimKind::Casualty, "killed"),
    // "received 70 bodies": right after the number (see nearest_predicate; "two governing
    // bodies" are no dead).
    ("bodies", ClaimKind::Casualty, "killed"),
    ("lives", ClaimKind::Casualty, "killed"),
    ("wounded", ClaimKind::Casualty, "injured"),
    ("wounding", ClaimKind::Casualty, "injured"),
    ("injured", ClaimKind::Casualty, "injured"),
    ("injure", ClaimKind::Casualty, "injured"),
    ("injures", ClaimKind::Casualty, "injured"),
    ("injuring", ClaimKind::Casualty, "injured"),
    ("injuries", ClaimKind::Casualty, "injured"),
    ("hurt", ClaimKind::Casualty, "injured"),
    // "We treated more than 200 people": people treated are hurt (counts of people only).
    ("treated", ClaimKind::Casualty, "injured"),
    ("icu", ClaimKind::Casualty, "in intensive care"),
    ("intensive", ClaimKind::Casualty, "in intensive care"),
    ("hospitalised", ClaimKind::Casualty, "in hospital"),
    ("hospitalized", ClaimKind::Casualty, "in hospital"),
    ("hospital", ClaimKind::Casualty, "in hospital"),
    // "41 remained on its wards".
    ("wards", ClaimKind::Casualty, "in hospital"),
    ("missing", ClaimKind::Casualty, "missing"),
    ("unaccounted", ClaimKind::Casualty, "missing"),
    // "was searching for three others": only before "for", of people (see nearest_predicate).
    ("searching", ClaimKind::Casualty, "missing"),
    ("beheaded", ClaimKind::Casualty, "beheaded"),
    ("displaced", ClaimKind::Casualty, "displaced"),
    // An outbreak's sick: "sickened more than 1,300", "1,412 confirmed cases" (of people or
    // after the number).
    ("sickened", ClaimKind::Casualty, "sickened"),
    ("infected", ClaimKind::Casualty, "sickened"),
    ("cases", ClaimKind::Casualty, "sickened"),
    // Survivors brought out of danger (counts of people only): "Navy rescues 20 sailors".
    ("rescued", ClaimKind::Casualty, "rescued"),
    ("rescues", ClaimKind::Casualty, "rescued"),
    // "pulled 104 survivors from the water" (right after the number), "104 people survived".
    ("survivors", ClaimKind::Casualty, "rescued"),
    ("survived", ClaimKind::Casualty, "rescued"),
    // Those a boat, a plane or a bus carried, of whom the others are counted (of people only):
    // "600 people were on board", "a boat carrying 600 migrants", "aboard".
    ("aboard", ClaimKind::Casualty, "on board"),
    ("board", ClaimKind::Casualty, "on board"),
    ("carrying", ClaimKind::Casualty, "on board"),
    ("homeless", ClaimKind::Casualty, "displaced"),
    ("evacuated", ClaimKind::Casualty, "displaced"),
    // "2,000 people had been moved to shelters", "10,000 refugees": only of people (see
    // nearest_predicate; "set up 14 shelters" counts shelters).
    ("shelters", ClaimKind::Casualty, "displaced"),
    ("refugees", ClaimKind::Casualty, "displaced"),
    // "thousands forced from their homes", "fled their homes": the homes people left.
    ("homes", ClaimKind::Casualty, "displaced"),
    // Abducted people are held too, by their captors: "abducted at least 120 pupils",
    // "Gunmen abduct scores of pupils", "the girls kidnapped on Thursday".
    ("abducted", ClaimKind::Detention, "abducted"),
    ("abduct", ClaimKind::Detention, "abducted"),
    ("abducts", ClaimKind::Detention, "abducted"),
    ("abducting", ClaimKind::Detention, "abducted"),
    ("kidnapped", ClaimKind::Detention, "abducted"),
    ("kidnap", ClaimKind::Detention, "abducted"),
    ("kidnaps", ClaimKind::Detention, "abducted"),
    ("kidnapping", ClaimKind::Detention, "abducted"),
    // "102 girls were taken": in the passive, not taken somewhere ("taken to hospital") or
    // part in something (see nearest_predicate); of people only.
    ("taken", ClaimKind::Detention, "abducted"),
    // "11 girls who escaped from their captors" (of people only).
    ("escaped", ClaimKind::Detention, "escaped"),
    ("arrested", ClaimKind::Detention, "detained"),
    ("arresting", ClaimKind::Detention, "detained"),
    ("arrests", ClaimKind::Detention, "detained"),
    ("detained", ClaimKind::Detention, "detained"),
    // Headlines speak in the present: "Police detain hundreds as protests sweep Dravosk".
    ("detain", ClaimKind::Detention, "detained"),
    ("detains", ClaimKind::Detention, "detained"),
    ("arrest", ClaimKind::Detention, "detained"),
    ("detaining", ClaimKind::Detention, "detained"),
    ("detentions", ClaimKind::Detention, "detained"),
    ("custody", ClaimKind::Detention, "detained"),
    ("jail", ClaimKind::Detention, "detained"),
    ("prison", ClaimKind::Detention, "detained"),
    ("jailed", ClaimKind::Detention, "detained"),
    ("imprisoned", ClaimKind::Detention, "detained"),
    // "80 soldiers held by the rebels", "captured 30 soldiers": only of people (see
    // nearest_predicate; "held a rally", "captured two states", "debates held by" hold no one),
    // and "held" only in the passive or before "by", "in", "captive" or "hostage".
    ("captured", ClaimKind::Detention, "detained"),
    ("held", ClaimKind::Detention, "detained"),
    ("hostage", ClaimKind::Detention, "detained"),
    ("hostages", ClaimKind::Detention, "detained"),
    // Prisoners set free (counts of people only): "freed 50 soldiers", "handed over 90
    // detainees" ("handed" only before "over"), "returned home after months in captivity"
    // ("captivity" after "after"; otherwise they are still held).
    ("freed", ClaimKind::Detention, "released"),
    ("frees", ClaimKind::Detention, "released"),
    ("holding", ClaimKind::Detention, "detained"),
    ("released", ClaimKind::Detention, "released"),
    ("handed", ClaimKind::Detention, "released"),
    ("captivity", ClaimKind::Detention, "detained"),
    ("exchanged", ClaimKind::Detention, "exchanged"),
    ("swapped", ClaimKind::Detention, "exchanged"),
    ("sought", ClaimKind::Casualty, "missing"),
    ("fate", ClaimKind::Casualty, "missing"),
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
    // "took part in the march": "part" only after a form of "take" (see nearest_predicate).
    ("part", ClaimKind::Participation, "took part"),
    ("joined", ClaimKind::Participation, "took part"),
    ("attended", ClaimKind::Participation, "took part"),
    ("protest", ClaimKind::Participation, "took part"),
    ("protests", ClaimKind::Participation, "took part"),
    ("rally", ClaimKind::Participation, "took part"),
    ("demonstration", ClaimKind::Participation, "took part"),
    ("demonstrations", ClaimKind::Participation, "took part"),
    ("attacked", ClaimKind::Participation, "attacked"),
    ("attacking", ClaimKind::Participation, "attacked"),
    ("stormed", ClaimKind::Participation, "attacked"),
    ("storming", ClaimKind::Participation, "attacked"),
    ("looted", ClaimKind::Participation, "attacked"),
];

/// Words before "strike" that make it an attack: "missile strike", "air strike".
const ARMED_STRIKES: &[&str] = &[
    "missile",
    "air",
    "drone",
    "rocket",
    "artillery",
    "military",
    "nuclear",
    "russian",
    "israeli",
    "ukrainian",
    "american",
    "us",
    "pre-emptive",
    "deadly",
    "retaliatory",
];

/// Head nouns of armed forces; a count of them with no other predicate is a deployment.
pub(crate) const TROOP_NOUNS: &[&str] = &[
    "troop",
    "soldier",
    "peacekeeper",
    "paratrooper",
    "force",
    "unit",
    "personnel",
    "servicemen",
    "serviceman",
    "marine",
    "military",
    "army",
    "contingent",
    "battalion",
    "brigade",
    "regiment",
    "detachment",
];
/// Head nouns of police and security forces.
pub(crate) const SECURITY_NOUNS: &[&str] = &["police", "policeman", "policemen", "officer", "security", "guard", "gendarme"];
/// Head nouns (and labels) for crowds and those the authorities call criminals.
pub(crate) const CROWD_NOUNS: &[&str] = &[
    "protester",
    "protestor",
    "demonstrator",
    "striker",
    "worker",
    "docker",
    "rioter",
    "criminal",
    "robber",
    "looter",
    "hooligan",
    "agitator",
    "saboteur",
    "provocateur",
    "activist",
];
/// What only armed men do, read like weapons by [`opponents_are_armed`]: "terrorists
/// abducted 102 pupils".
const ARMED_ACTS: &[&str] =
    &["abducted", "abduction", "abduct", "kidnapped", "kidnapping", "kidnap", "hostage", "ambushed", "ambush", "gunfire", "gun", "rifle"];

/// Head nouns of armed groups that fight the state or one another.
pub(crate) const ARMED_GROUP_NOUNS: &[&str] = &[
    "militant",
    "insurgent",
    "rebel",
    "fighter",
    "gunman",
    "gunmen",
    "guerrilla",
    "jihadist",
    "militia",
    "militiaman",
    "militiamen",
    "separatist",
    "combatant",
    "kidnapper",
    "abductor",
];
/// Labels for the authorities' opponents that do not say whether they are a crowd or an armed
/// group: in a report of unrest "terrorists" are the protesters, in a report of a war the
/// fighters (see [`opponents_are_armed`]).
pub(crate) const OPPONENT_LABELS: &[&str] = &["terrorist", "extremist", "bandit", "gang"];

/// Whether the opponents an article's [`OPPONENT_LABELS`] name are armed groups: it names armed
/// groups ("rebels", "militants", "militias") more often than crowds and protests ("strike"
/// and "clash" are left out: an air strike, a clash of armies).
pub(crate) fn opponents_are_armed(text: &str) -> bool {
    let (mut armed, mut crowd, mut weapons) = (0, 0, 0);
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()) {
        let word = stem(word);
        if ARMED_GROUP_NOUNS.contains(&word.as_str()) {
            armed += 1;
        } else if word == "criminal" {
            // Either: "armed criminals" of a riot, "these criminals" of a kidnapping.
        } else if CROWD_NOUNS.contains(&word.as_str())
            || ["protest", "demonstration", "riot", "rally", "unrest", "uprising"].contains(&word.as_str())
        {
            crowd += 1;
        } else if WEAPONS.contains(&word.as_str()) || ARMED_ACTS.contains(&word.as_str()) {
            weapons += 1;
        }
    }
    // "Sarrow Front terrorists attacked the tanker with drones": with neither named, weapons
    // say it is a war.
    armed > crowd || (armed == 0 && crowd == 0 && weapons > 0)
}

/// "Early reports that all 162 had died were wrong", "false reports of hundreds of dead": a
/// figure inside a report the sentence says was false is no one's claim: inside a "reports
/// … that" clause that is the subject of "were wrong", or within four words after a report
/// called false (no comma between either way).
fn refuted(text: &str, sentence: Span, figure: Span) -> bool {
    const REPORTS: &[&str] = &["report", "reports", "claim", "claims", "rumour", "rumours", "rumor", "rumors", "posts"];
    const FALSE: &[&str] = &["wrong", "false", "untrue", "incorrect", "inaccurate", "unfounded", "baseless"];
    let words = lower_words(text, sentence);
    let at = words.iter().position(|(s, _)| s.start() >= figure.start()).unwrap_or(words.len());
    let no_comma = |from: usize, to: usize| !text[from.min(to)..to].contains(',');
    let report_that = words[..at].iter().enumerate().any(|(k, (span, w))| {
        REPORTS.contains(&w.as_str())
            && words[k + 1..at].iter().take(6).any(|(_, that)| that == "that")
            && no_comma(span.end(), figure.start())
    });
    let said_false = words[at..].windows(2).any(|pair| {
        matches!(pair[0].1.as_str(), "were" | "was" | "proved" | "are")
            && FALSE.contains(&pair[1].1.as_str())
            && no_comma(figure.end(), pair[0].0.start())
    });
    // "provoked by false reports of “hundreds of dead”": a report the sentence itself calls false.
    let false_report = words[..at].windows(2).enumerate().any(|(k, pair)| {
        FALSE.contains(&pair[0].1.as_str())
            && REPORTS.contains(&pair[1].1.as_str())
            && at - (k + 1) <= 4
            && no_comma(pair[1].0.end(), figure.start())
    });
    report_that && said_false || false_report
}

/// Finds count claims.
pub fn find_claims(text: &str, sentences: &[parallax_core::Sentence], quantities: &[Quantity], quotes: &[Quote]) -> Vec<Claim> {
    let mut claims = Vec::new();
    // Read once, and only when a count names the opponents by an ambiguous label.
    let armed = OnceCell::new();
    for quantity in quantities.iter().filter(|q| q.kind == QuantityKind::Count && !counts_time(q)) {
        let Some(sentence) = sentence_holding(sentences, quantity.span) else { continue };
        let clause = clause_around(text, sentence, quantity.span);
        if is_old_value(text, clause, quantity.span)
            || counts_per_period(text, quantity)
            || is_age(text, clause, quantity.span)
            || is_partitive_whole(text, quantity, quantities)
            || counts_over_years(text, clause)
            || refuted(text, sentence, quantity.span)
        {
            continue;
        }
        let predicate = nearest_predicate(text, own_part(text, clause, quantity, quantities), quantity);
        // "Independent observers estimated it at 40,000": "it" is the figure counted just before.
        if predicate.is_none() {
            claims.extend(restated_figure(text, sentences, sentence, quantity, quotes, &claims));
        }
        let Some((kind, predicate)) = predicate else { continue };
        let predicate = if kind == ClaimKind::Detention && serves_a_term(text, clause, quantity) { "jailed" } else { predicate };
        if counts_things(quantity) && kind != ClaimKind::Deployment {
            continue;
        }
        // "pay 3 million mareks to the family of each employee who died": millions of a
        // lower-case noun no word list knows are a currency the article never converts, no
        // toll ("tens of protestors", "dozens of aggressors" stay counts).
        let unknown_noun = quantity.value.low >= 1e6
            && quantity.counted_head.as_deref().is_some_and(|head| {
                head.starts_with(char::is_lowercase) && parallax_ner::word_classes::word_class(&head.to_lowercase()).is_none()
            });
        if unknown_noun && kind == ClaimKind::Casualty {
            continue;
        }
        // "Tens of thousands filled the square. By Tuesday, more than 1,100 of them had been
        // detained": "of them" is a group the sentence before counted for another predicate;
        // what befell the part is a count of its own, of that group.
        let of_them = quantity.counted.is_none() && text[quantity.span.end()..].trim_start().starts_with("of them");
        // The counts of this sentence before this one, the latest first.
        let counted_before =
            claims.iter().rev().filter(|c| c.evidence == sentence && c.value_span.is_some_and(|v| v.end() <= quantity.span.start()));
        let counted_in_sentence = counted_before.clone().next().is_some();
        let other_fate = of_them
            .then(|| recent_counts(sentences, sentence, &claims).find(|c| c.kind != ClaimKind::Event))
            .flatten()
            .filter(|antecedent| !counted_in_sentence && antecedent.predicate != predicate && !antecedent.predicate.starts_with("among "));
        if let Some(antecedent) = other_fate {
            let subject = antecedent.subject.clone();
            claims.push(quantity_claim(kind, predicate.to_owned(), subject, quantity, sentence, quotes));
            continue;
        }
        // "1,090 cases of acute watery diarrhoea, including 38 deaths": a part that names a
        // fate of its own counts that fate, not a group among the whole.
        let names_its_fate = quantity.counted_head.as_deref().is_some_and(|head| matches!(head, "deaths" | "fatalities"));
        // "Nine children also died": children, women and minors killed or hurt are a part of
        // the toll ("102 girls were taken" is the whole of an abduction).
        // Only where the article has counted the whole before ("All 12 crew members were
        // killed when the cargo ship sank" is the toll itself).
        let crew = counts_crew(text, quantity.counted);
        let whole_counted = claims.iter().any(|c| c.predicate == predicate && c.subject == "people");
        let demographic = matches!(predicate, "killed" | "injured")
            && whole_counted
            && (quantity.counted_head.as_deref().is_some_and(|h| DEMOGRAPHIC_PARTS.contains(&h))
                || crew
                || nationals(text, quantity).is_some());
        if (names_a_part(text, clause, quantity) || demographic) && !names_its_fate {
            // "the toll had risen to 11, including four children, and 23 were treated": the
            // part is of the count it follows, whatever predicate stands nearer.
            // The counts of this sentence before the part, parts left out.
            let mut wholes = counted_before.filter(|c| !c.predicate.starts_with("among "));
            let includes = |c: &Claim| {
                c.value_span.is_some_and(|v| {
                    v.end() <= quantity.span.start() && {
                        let between = &text[v.end()..quantity.span.start()];
                        between.contains("including") && !between.contains(" and ")
                    }
                })
            };
            // "Among those detained were 14 journalists, including two from this newspaper": a
            // part of a part says nothing another outlet's count could be held to.
            if claims.iter().rev().take_while(|c| c.evidence == sentence).any(|c| c.predicate.starts_with("among ") && includes(c)) {
                continue;
            }
            let whole = wholes.clone().find(|c| includes(c));
            let (kind, predicate) = whole.map_or((kind, predicate), |whole| (whole.kind, whole.predicate.as_str()));
            let predicate = part_predicate(predicate);
            let mut group = part_group(text, clause, quantity, kind, &armed);
            // "23 police officers had been injured, seven of them seriously": a part that names
            // nothing of its own is of the group counted just before it in the sentence.
            if of_them && group == "people" {
                if let Some(counted_before) = wholes.next() {
                    group = counted_before.subject.clone();
                }
            }
            claims.push(quantity_claim(kind, predicate.clone(), group, quantity, sentence, quotes));
            for one in single_items(text, clause, quantity) {
                claims.push(quantity_claim(kind, predicate.clone(), part_group(text, clause, &one, kind, &armed), &one, sentence, quotes));
            }
            continue;
        }
        let mut subject = subject_group(text, clause, quantity, kind, &armed);
        // "162 people had been on board, 156 passengers and six crew members": those on board
        // by their role are a count each, never the total.
        let aboard_as = quantity.counted.map(|c| text[c.range()].to_lowercase()).and_then(|counted| {
            let role = ["passengers", "passenger", "crew"].into_iter().find(|role| counted.split_whitespace().next() == Some(*role))?;
            Some(if role == "crew" { "crew" } else { "passengers" })
        });
        if let Some(role) = aboard_as.filter(|_| predicate == "on board") {
            subject = role.to_owned();
        }
        // "Six Toskarian servicemen died … Four others were wounded": the others are of the
        // group counted last, in this sentence or the one before.
        let others =
            text[quantity.span.end()..].trim_start().strip_prefix("others").is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
        if others {
            if let Some(antecedent) = recent_counts(sentences, sentence, &claims).find(|c| c.subject != "people") {
                subject = antecedent.subject.clone();
            }
        }
        claims.push(quantity_claim(kind, predicate.to_owned(), subject, quantity, sentence, quotes));
    }
    claims.extend(one_of_them(text, sentences, quotes, &claims));
    claims
}

/// "jailed 15 for ten days", "sentenced 12 to two years in prison": a count given a term by
/// a verb of sentence is of people jailed, not of the detained.
fn serves_a_term(text: &str, clause: Span, quantity: &Quantity) -> bool {
    const SENTENCING: &[&str] = &["jailed", "imprisoned", "sentenced", "sentencing", "jailing"];
    const TERMS: &[&str] = &["day", "days", "week", "weeks", "month", "months", "year", "years", "life"];
    let words = lower_words(text, clause);
    let sentencing = words.iter().any(|(_, w)| SENTENCING.contains(&w.as_str()));
    let after: Vec<&str> = words.iter().filter(|(s, _)| s.start() >= quantity.span.end()).map(|(_, w)| w.as_str()).take(6).collect();
    let term = after
        .windows(2)
        .enumerate()
        .any(|(i, pair)| matches!(pair[0], "for" | "to") && after[i + 1..].iter().take(3).any(|w| TERMS.contains(w)));
    sentencing && term
}

/// "… while police put the crowd at 12,000. Observers estimated it at 45,000": a figure put
/// on "it" restates the figure counted last, in this sentence or the one before, for the same
/// group and predicate.
fn restated_figure(
    text: &str,
    sentences: &[parallax_core::Sentence],
    sentence: Span,
    quantity: &Quantity,
    quotes: &[Quote],
    claims: &[Claim],
) -> Option<Claim> {
    if !put_on_it(text, sentence, quantity) {
        return None;
    }
    let antecedent = recent_counts(sentences, sentence, claims).next()?;
    Some(quantity_claim(antecedent.kind, antecedent.predicate.clone(), antecedent.subject.clone(), quantity, sentence, quotes))
}

/// Whether the figure is put on "it" ("estimated it at 45,000", "put it at between 45 and 50
/// percent"): it restates a figure given just before.
fn put_on_it(text: &str, sentence: Span, quantity: &Quantity) -> bool {
    let before = text[sentence.start()..quantity.span.start()].trim_end();
    before.len().checked_sub(" it at".len()).and_then(|at| before.get(at..)).is_some_and(|end| end.eq_ignore_ascii_case(" it at"))
}

/// "the army's claim of nine civilian deaths was propaganda", "the health ministry's own
/// death toll rose to 51": a figure written as someone's claim, figure or toll is theirs,
/// whoever reports it (in the first, the militia that disputes it).
fn credit_claimed_figures(text: &str, claims: &mut [Claim], entities: &[parallax_core::EntityMention]) {
    const CLAIMS: &[&str] = &["claim of", "claims of", "figure of", "figures of", "toll of", "estimate of", "count of", "tally of"];
    const TALLIES: &[&str] = &["toll", "count", "tally", "figure", "figures", "estimate"];
    const RISES: &[&str] =
        &["rose", "risen", "has", "had", "climbed", "increased", "jumped", "reached", "stood", "stands", "now", "to", "at", "was", "is"];
    // The text before a tally that the figure states: "… death toll rose to" → "…".
    let tally_before = |before: &str| -> Option<usize> {
        let mut rest = before.trim_end();
        while let Some((head, word)) = rest.rsplit_once(' ') {
            if !RISES.contains(&word) {
                break;
            }
            rest = head.trim_end();
        }
        let (head, noun) = rest.rsplit_once(' ')?;
        if !TALLIES.contains(&noun) || rest.len() == before.trim_end().len() {
            return None;
        }
        let mut head = head.trim_end();
        for optional in ["death", "casualty", "own"] {
            if let Some(stripped) = head.strip_suffix(optional).filter(|h| h.ends_with(' ')) {
                head = stripped.trim_end();
            }
        }
        Some(head.len())
    };
    for claim in claims.iter_mut() {
        let Some(value) = claim.value_span else { continue };
        let start = claim.evidence.start().min(value.start());
        let before = text[start..value.start()].trim_end();
        let owner_end = match CLAIMS.iter().find(|k| before.ends_with(**k)) {
            Some(kind) => before.len() - kind.len(),
            None => match tally_before(before) {
                Some(end) => end,
                None => continue,
            },
        };
        let owner = before[..owner_end].trim_end();
        let Some(owner) = owner.strip_suffix("'s").or_else(|| owner.strip_suffix("’s")) else { continue };
        // The owner's noun phrase: back to a comma or the verb that reports it ("said the army").
        let words = crate::text_util::word_spans(owner, start);
        let first = words
            .iter()
            .rposition(|w| {
                let word = &text[w.range()];
                word.ends_with([',', ';', ':']) || crate::lexicon::is_speech_verb(word) || word == "that"
            })
            .map_or(0, |k| k + 1);
        let (Some(first), Some(last)) = (words.get(first), words.last()) else { continue };
        let Ok(span) = Span::new(first.start(), last.end()) else { continue };
        claim.attribution = Some(crate::quotes::source_for(text, span, entities));
    }
}

/// "far more than the 38 deaths the health ministry acknowledged": a figure whose noun a
/// clause with a verb of reporting follows, with no "that" between, is that clause's
/// subject's.
fn credit_contact_reporters(text: &str, claims: &mut [Claim], entities: &[parallax_core::EntityMention]) {
    const REPORTING: &[&str] =
        &["acknowledged", "reported", "gave", "announced", "confirmed", "recorded", "counted", "cited", "published", "admitted", "admits"];
    for claim in claims.iter_mut().filter(|c| c.attribution.is_none()) {
        let Some(value) = claim.value_span else { continue };
        // The counted noun: the first word after the number.
        let rest = &text[value.end()..claim.evidence.end().max(value.end())];
        let Some(noun_end) = rest.trim_start().find(' ').map(|k| k + (rest.len() - rest.trim_start().len())) else { continue };
        let after = &rest[noun_end..];
        let words: Vec<&str> = after.split_whitespace().take(6).collect();
        let Some(verb) = words.iter().position(|w| REPORTING.contains(&w.trim_end_matches([',', '.']))) else { continue };
        let subject = &words[..verb];
        let opens = subject.first().is_some_and(|w| matches!(*w, "the" | "a" | "its" | "their" | "his" | "her"));
        if verb < 2 || !opens || subject.iter().any(|w| w.ends_with(',') || matches!(*w, "that" | "which" | "who")) {
            continue;
        }
        let start = value.end() + noun_end + (after.len() - after.trim_start().len());
        let end = start + subject.join(" ").len();
        if text.get(start..end) != Some(subject.join(" ").as_str()) {
            continue;
        }
        if let Ok(span) = Span::new(start, end) {
            claim.attribution = Some(crate::quotes::source_for(text, span, entities));
        }
    }
}

/// "according to Civic Watch, which counted 1,120 arrests in 11 cities": a figure in a
/// relative clause about a speaker, whose verb the speaker does, is that speaker's count; in
/// a passive one ("Mara Ilescu, who was credited with 9.1 percent,") it is not.
fn credit_speakers_own_figures(text: &str, claims: &mut [Claim], quotes: &[Quote]) {
    let active_clause_before = |source: Span, value: Span| {
        crate::quotes::relative_clause_start(text, source).filter(|&clause| clause < value.start()).is_some_and(|clause| {
            let verb = text[clause..value.start()].split_whitespace().nth(2).unwrap_or_default();
            !matches!(verb, "is" | "was" | "are" | "were" | "has" | "had" | "have")
        })
    };
    for claim in claims.iter_mut().filter(|c| c.attribution.is_none()) {
        let Some(value) = claim.value_span else { continue };
        let speaker =
            quotes.iter().filter_map(|q| q.source.as_ref()).find(|s| s.span.contains(value) && active_clause_before(s.span, value));
        claim.attribution = speaker.cloned();
    }
}

/// The claims with a figure in `sentence` or the one before it, the latest first: what "N
/// others" and "estimated it at" refer back to.
fn recent_counts<'a>(sentences: &[parallax_core::Sentence], sentence: Span, claims: &'a [Claim]) -> impl Iterator<Item = &'a Claim> {
    let previous = sentences.iter().rposition(|s| s.span.end() <= sentence.start()).map(|i| sentences[i].span);
    claims.iter().rev().filter(move |c| c.value.is_some() && (c.evidence == sentence || Some(c.evidence) == previous))
}

/// Whether the count at `at` is a figure the sentence has moved on from: "rose to 112, up
/// from 87", "rose from 87 to 112", "compared with 87". The new figure is the claim.
fn is_old_value(text: &str, clause: Span, at: Span) -> bool {
    let Ok(before) = Span::new(clause.start(), at.start()) else { return false };
    let words = lower_words(text, before);
    match words.as_slice() {
        [.., (_, change), (_, from)] if from == "from" => crate::quantities::is_change_word(change),
        // "163 people had been on board, not the 162 it announced": a figure its own source
        // corrected ("not the 50,000 claimed by organisers" is another's claim).
        [.., (_, not), (_, the)] if not == "not" && the == "the" => {
            let next = text[at.end()..].split_whitespace().next().unwrap_or_default().to_lowercase();
            matches!(next.as_str(), "it" | "he" | "she" | "they" | "we" | "previously" | "earlier" | "initially" | "first")
        }
        [.., (_, compared), (_, with)] => compared == "compared" && (with == "with" || with == "to"),
        _ => false,
    }
}

/// "between 30 and 40 new cases a day", "up to 90 patients per day": a rate, not a total
/// another outlet's count could be held to.
fn counts_per_period(text: &str, quantity: &Quantity) -> bool {
    let end = quantity.counted.map_or(quantity.span.end(), |c| c.end().max(quantity.span.end()));
    let after: Vec<String> = text[end..].split_whitespace().take(3).map(|w| w.trim_end_matches([',', '.', ';']).to_lowercase()).collect();
    // "a day after the ceasefire", "a week ago" date the count; they are no rate.
    let dated = after.get(2).is_some_and(|w| matches!(w.as_str(), "after" | "before" | "ago" | "earlier" | "later"));
    matches!(after.first().map(String::as_str), Some("a" | "per" | "each" | "every"))
        && after.get(1).is_some_and(|unit| matches!(unit.as_str(), "day" | "week" | "month" | "hour" | "night"))
        && !dated
}

/// "Sarvelo's last major cholera outbreak, in 2016, killed more than 300 people": a count
/// whose clause dates it two or more years before the article (its publication year, or
/// without one the latest year the article names) is background, not the story's claim.
fn drop_counts_of_past_years(text: &str, claims: &mut Vec<Claim>, times: &[parallax_core::TimeExpression], published: Option<&str>) {
    let year_of = |value: &str| value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).and_then(|y| y.parse::<i32>().ok());
    let dates = || times.iter().filter(|t| t.kind == parallax_core::TimeKind::Date);
    let Some(reference) = published.and_then(year_of).or_else(|| dates().filter_map(|t| year_of(&t.value)).max()) else { return };
    claims.retain(|claim| {
        let Some(value) = claim.value_span else { return true };
        let clause = clause_around(text, claim.evidence, value);
        let in_clause = || dates().filter(|t| clause.contains(t.span));
        // "fighting that began in 2021 has killed 12 this week": a date of the story's own time
        // in the clause keeps the count.
        let current = in_clause().any(|t| year_of(&t.value).is_none_or(|year| year >= reference - 1));
        current || !in_clause().any(|t| year_of(&t.value).is_some_and(|year| year <= reference - 2))
    });
}

/// Whether the clause counts over a span of years, the background of the event rather than
/// the event: "bandits have kidnapped hundreds of people in the region in the past two
/// years", "over the last decade", "since 2019" ("since Saturday" is the event's own time).
fn counts_over_years(text: &str, clause: Span) -> bool {
    let words = lower_words(text, clause);
    words.windows(3).any(|w| {
        let span_of_years = |unit: &str| matches!(unit, "years" | "decade" | "decades");
        matches!(w[0].1.as_str(), "past" | "last") && (span_of_years(&w[1].1) || span_of_years(&w[2].1))
    }) || words
        .windows(2)
        .any(|w| w[0].1 == "since" && w[1].1.len() == 4 && w[1].1.starts_with(['1', '2']) && w[1].1.chars().all(|c| c.is_ascii_digit()))
}

/// Whether the count is the whole a count before it is part of: "three of its 23 crew
/// members were missing" says how many are missing, not that 23 are.
fn is_partitive_whole(text: &str, quantity: &Quantity, quantities: &[Quantity]) -> bool {
    // Only the count right before can be the part: "of" and a determiner stand between them.
    let part =
        quantities.iter().filter(|q| q.kind == QuantityKind::Count && q.span.end() <= quantity.span.start()).max_by_key(|q| q.span.end());
    part.is_some_and(|part| {
        let between = text[part.span.end()..quantity.span.start()].trim();
        let rest = between.strip_prefix("of").map(str::trim_start);
        rest.is_some_and(|rest| ["", "its", "their", "the", "our", "his", "her", "all"].iter().any(|d| rest.eq_ignore_ascii_case(d)))
    })
}

/// Whether the number at `at` is an age: "raise the retirement age to 67", "aged 54", "the
/// age of 18", "67 years old".
fn is_age(text: &str, clause: Span, at: Span) -> bool {
    let before = Span::new(clause.start(), at.start()).map(|b| lower_words(text, b)).unwrap_or_default();
    let after = Span::new(at.end(), clause.end()).map(|a| lower_words(text, a)).unwrap_or_default();
    let age_before = before.iter().rev().take(3).any(|(_, w)| w == "age" || w == "aged");
    let years_old = matches!(after.as_slice(), [(_, years), (_, old), ..] if years == "years" && old == "old");
    age_before || years_old
}

/// The sentence that holds `span`, found by the ordered sentence starts.
fn sentence_holding(sentences: &[parallax_core::Sentence], span: Span) -> Option<Span> {
    let after = sentences.partition_point(|s| s.span.start() <= span.start());
    sentences[..after].last().map(|s| s.span).filter(|sentence| sentence.contains(span))
}

/// A claim stating `quantity`, resting on `sentence` and attributed to the speaker of the
/// quote whose content holds the quantity, if any.
fn quantity_claim(kind: ClaimKind, predicate: String, subject: String, quantity: &Quantity, sentence: Span, quotes: &[Quote]) -> Claim {
    Claim {
        kind,
        predicate,
        subject,
        value: Some(quantity.value),
        value_span: Some(quantity.span),
        evidence: sentence,
        attribution: quotes.iter().find(|q| q.content.contains(quantity.span)).and_then(|q| q.source.clone()),
        participants: Vec::new(),
        place: None,
        time: None,
    }
}

/// Verbs that move money, with their normalised form.
const MONEY_PREDICATES: &[(&str, &str)] = &[
    ("pledged", "pledged"),
    ("pledging", "pledged"),
    ("pledges", "pledged"),
    ("released", "released"),
    ("releasing", "released"),
    ("donated", "donated"),
    ("donating", "donated"),
    ("allocated", "allocated"),
    ("earmarked", "allocated"),
    ("approved", "approved"),
    ("granted", "granted"),
    ("promised", "pledged"),
    ("offered", "offered"),
    ("paid", "paid"),
    ("pay", "paid"),
    ("pays", "paid"),
    ("paying", "paid"),
    // "would make an immediate payment of 1.3 million kelars".
    ("payment", "paid"),
    ("payments", "paid"),
    ("raised", "raised"),
    ("spent", "spent"),
    ("fined", "fined"),
    ("provided", "provided"),
    ("provide", "provided"),
    ("provides", "provided"),
    ("providing", "provided"),
    ("offer", "offered"),
    ("offers", "offered"),
    ("offering", "offered"),
    ("committed", "committed"),
    ("lent", "lent"),
    ("loaned", "lent"),
    ("sent", "sent"),
    ("send", "sent"),
    ("sending", "sent"),
    ("sends", "sent"),
    ("announced", "announced"),
    ("announcing", "announced"),
    ("announces", "announced"),
    ("promising", "pledged"),
    // Aid held back: "would freeze 120 million euros in budget support".
    ("freeze", "froze"),
    ("froze", "froze"),
    ("frozen", "froze"),
    ("freezing", "froze"),
    ("suspended", "suspended"),
    ("suspend", "suspended"),
    ("suspending", "suspended"),
    ("withheld", "withheld"),
    ("withhold", "withheld"),
    ("promises", "pledged"),
    // A ransom or a settlement asked for: "the kidnappers have demanded 500 million naira".
    ("demanded", "demanded"),
    ("demanding", "demanded"),
    ("demands", "demanded"),
    // An appeal for aid: "UNICEF appealed for $4.5 million".
    ("appealed", "appealed for"),
    ("appealing", "appealed for"),
    ("appeals", "appealed for"),
    ("sought", "appealed for"),
    ("seeking", "appealed for"),
    // "set aside 40 million sarvels".
    ("aside", "allocated"),
];

/// Money claims: {pledged (EUR), European Union, 10,000,000}. The actor is the last person,
/// organisation or place named in the clause before the verb ("the EU has pledged 10 million
/// euros"); the currency is part of the predicate, so that sums in two currencies are never
/// compared as one figure. A sum with no verb of the list or no named actor is no claim.
pub fn find_money_claims(
    text: &str,
    sentences: &[parallax_core::Sentence],
    quantities: &[Quantity],
    entities: &[EntityMention],
    quotes: &[Quote],
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for quantity in quantities.iter().filter(|q| q.kind == QuantityKind::Money) {
        let Some(sentence) = sentence_holding(sentences, quantity.span) else { continue };
        let clause = clause_around(text, sentence, quantity.span);
        let words = lower_words(text, clause);
        // Sums in two currencies are never one figure: the currency is part of the predicate.
        let Some(currency) = &quantity.unit else { continue };
        // "a $3.2 billion loan", "a bailout of roughly $3 billion from the IMF": a loan is lent
        // by its lender, whatever verb reports it ("approved", "secured … from").
        let loan = is_loan(&words, quantity.span);
        let lender =
            loan.then(|| lender_after(text, &words, quantity.span, entities).or_else(|| lender_asked(text, quantity.span, entities)));
        if let Some(lender) = lender.flatten() {
            claims.push(quantity_claim(
                ClaimKind::Money,
                format!("lent ({currency})"),
                lender.canonical.clone(),
                quantity,
                sentence,
                quotes,
            ));
            continue;
        }
        // "estimated the damage at about $45 million", "damage is estimated at more than 2
        // billion sorins", "caused $3 million in damage": an estimate of damage, whoever
        // makes it, is one figure across outlets.
        if estimates_damage(text, &words, quantity.span) {
            claims.push(quantity_claim(
                ClaimKind::Money,
                format!("estimated ({currency})"),
                "damage".to_owned(),
                quantity,
                sentence,
                quotes,
            ));
            continue;
        }
        // The verb nearest before the sum ("has released US$4.5 million").
        let Some((verb, predicate)) = words
            .iter()
            .rev()
            .filter(|(span, _)| span.end() <= quantity.span.start())
            .find_map(|(span, word)| MONEY_PREDICATES.iter().find(|(w, _)| w == word).map(|&(_, p)| (*span, p)))
        else {
            continue;
        };
        let predicate = if loan { "lent" } else { predicate };
        // "… the EU promised €1.5bn and Britain £300m": the sum of a gapped clause is paid by
        // the name right before it, after the verb.
        let gapped = entities.iter().rev().find(|e| {
            e.span.start() >= verb.end() && e.span.end() <= quantity.span.start() && e.label != EntityLabel::Group && {
                let between = text[e.span.end()..quantity.span.start()].trim();
                between.is_empty() || between == "'s" || between == "’s"
            }
        });
        let actor = gapped.or_else(|| {
            entities.iter().rev().find(|e| e.span.end() <= verb.start() && clause.contains(e.span) && e.label != EntityLabel::Group)
        });
        // "The government announced €40 million": an institution named by its kind alone,
        // right before the verb (or its auxiliary), pays too.
        let institution = || {
            let k = words.iter().position(|(span, _)| *span == verb)?;
            let before =
                words[..k].iter().rev().find(|(_, w)| !matches!(w.as_str(), "has" | "have" | "had" | "will" | "would" | "also"))?;
            crate::lexicon::is_institution_noun(&before.1).then(|| before.1.clone())
        };
        // "A court in Dravosk fined …": a place after "in" or "at" says where the payer is; the
        // noun before it names the payer ("court in Dravosk").
        let located = |place: &EntityMention| {
            let k = words.iter().position(|(span, _)| span.start() >= place.span.start())?;
            let (preposition, noun) = (&words.get(k.checked_sub(1)?)?.1, &words.get(k.checked_sub(2)?)?.1);
            let is_noun =
                text[words[k - 2].0.range()].starts_with(char::is_lowercase) && !crate::lexicon::DETERMINERS.contains(&noun.as_str());
            (place.label == EntityLabel::Place && matches!(preposition.as_str(), "in" | "at") && is_noun)
                .then(|| format!("{noun} {preposition} {}", place.canonical))
        };
        // "The UN coordinator, Paolo Brandt, said the agency would send $1.2 million": a kind of
        // organisation right before the verb is the one named last before it.
        let kind_named = institution().filter(|noun| crate::lexicon::ORG_KIND_NOUNS.contains(&noun.as_str())).and_then(|_| {
            entities
                .iter()
                .rev()
                .find(|e| e.label == EntityLabel::Organisation && e.span.end() <= verb.start() && sentence.contains(e.span))
        });
        let actor = kind_named.or(actor);
        // "Kidnappers holding the girls seized in Kurgi have demanded …": a clause that opens
        // with an actor's label is that actor's, not the place's named after it.
        let labelled = labelled_subject(&words)
            .filter(|(span, _)| actor.is_none_or(|a| a.label == EntityLabel::Place && span.end() <= a.span.start()));
        let actor = match labelled {
            Some((_, label)) => Some(label),
            None => actor.map(|a| located(a).unwrap_or_else(|| a.canonical.clone())).or_else(institution),
        };
        let Some(actor) = actor else { continue };
        claims.push(quantity_claim(ClaimKind::Money, format!("{predicate} ({currency})"), actor, quantity, sentence, quotes));
    }
    claims
}

/// The actor's label that opens a clause ("Kidnappers holding …", "The rebels …", "Armed
/// militias …"), as written in lower case, with its span: one of framing's one-word actor
/// labels.
fn labelled_subject(words: &[(Span, String)]) -> Option<(Span, String)> {
    let skip = words.iter().take_while(|(_, w)| matches!(w.as_str(), "the" | "armed" | "suspected")).count();
    let (span, word) = words.get(skip)?;
    crate::framing::ACTOR_LABELS.iter().any(|(label, _)| label == word).then(|| (*span, word.clone()))
}

/// Whether the sum at `at` is an estimate of damage: "damage" before it with a word of
/// estimating or "at" between ("put the damage at the plant at 3.1 billion sorins"), or "in
/// damage" right after it. Damages a court awards and a company's losses are no damage.
fn estimates_damage(text: &str, words: &[(Span, String)], at: Span) -> bool {
    let before: Vec<&str> = words.iter().filter(|(span, _)| span.end() <= at.start()).map(|(_, w)| w.as_str()).collect();
    let estimated_before = before.iter().rposition(|w| DAMAGE_NOUNS.contains(w)).is_some_and(|d| {
        let between = &before[d + 1..];
        between.len() <= 8
            && between.iter().any(|w| matches!(*w, "at" | "estimated" | "assessed" | "valued"))
            && !between.iter().any(|w| MONEY_PREDICATES.iter().any(|(p, _)| p == w))
    });
    let after = text[at.end()..].trim_start().to_lowercase();
    let damage_after = ["in damage", "worth of damage", "of damage"]
        .iter()
        .any(|p| after.strip_prefix(p).is_some_and(|rest| !rest.starts_with(char::is_alphabetic)));
    estimated_before || damage_after
}

/// Nouns of damage done, whose estimate is a sum (`quantities` reads an unknown currency
/// after them too).
pub(crate) const DAMAGE_NOUNS: &[&str] = &["damage"];

/// Words that name a rate, and the rate they name.
const RATES: &[(&str, &str)] = &[
    ("inflation", "inflation"),
    ("unemployment", "unemployment"),
    ("jobless", "unemployment"),
    ("turnout", "turnout"),
    ("interest", "interest rate"),
    ("deficit", "deficit"),
    ("approval", "approval rating"),
    ("poverty", "poverty rate"),
    ("fatality", "case fatality rate"),
    ("mortality", "mortality rate"),
    ("vaccination", "vaccination rate"),
];

/// The rate the word at `k` names: one of [`RATES`], or a central bank's rate by its usual
/// names ("key rate", "policy rate", "benchmark rate").
fn rate_named_at(words: &[(Span, String)], k: usize) -> Option<&'static str> {
    const BANKS_RATES: &[&str] = &["key", "policy", "benchmark", "base", "refinancing", "lending"];
    let banks_rate = words[k].1 == "rate" && k > 0 && BANKS_RATES.contains(&words[k - 1].1.as_str());
    if banks_rate {
        return Some("interest rate");
    }
    RATES.iter().find(|(word, _)| *word == words[k].1).map(|&(_, rate)| rate)
}

/// Rate claims: {(%), inflation, 48} for "annual inflation reached 48 percent", so that two
/// outlets' figures of one rate are compared (the brief reads "48%" as what rounds to it).
/// The rate word is the nearest of [`RATES`] within eight words before the percentage or three
/// after ("raised its main interest rate by 2 percentage points to 35%"), with no other percentage between; a figure the sentence moved from ("from 7.5%")
/// or a target ("to 3% of GDP by 2028") is no claim.
pub fn find_rates(text: &str, sentences: &[parallax_core::Sentence], quantities: &[Quantity], quotes: &[Quote]) -> Vec<Claim> {
    let percentages: Vec<&Quantity> =
        quantities.iter().filter(|q| q.kind == QuantityKind::Percentage && q.unit.as_deref() == Some("%")).collect();
    let mut claims = Vec::new();
    for quantity in &percentages {
        let Some(sentence) = sentence_holding(sentences, quantity.span) else { continue };
        let clause = clause_around(text, sentence, quantity.span);
        let words = lower_words(text, clause);
        let first_inside = words.partition_point(|(span, _)| span.end() <= quantity.span.start());
        let first_after = words.partition_point(|(span, _)| span.start() < quantity.span.end());
        let moved_from = first_inside > 0 && words[first_inside - 1].1 == "from";
        // "an unemployment rate of 150 percent of the national average": a share of another
        // figure; "3% of GDP" is the rate itself.
        let share_of_other = words.get(first_after).is_some_and(|(_, w)| w == "of")
            && !words.get(first_after + 1).is_some_and(|(_, w)| matches!(w.as_str(), "gdp" | "output"));
        let target = words[first_after..].iter().take(5).any(|(_, w)| w == "by")
            && words[first_after..].iter().take(6).any(|(_, w)| w.len() == 4 && w.starts_with("20"));
        if moved_from || target || share_of_other {
            continue;
        }
        let before = (first_inside.saturating_sub(8)..first_inside).map(|k| (first_inside - k, k));
        let after = (first_after..words.len().min(first_after + 3)).map(|k| (k + 1 - first_after, k));
        let mut nearest: Vec<(usize, usize)> = before.chain(after).collect();
        nearest.sort_by_key(|&(distance, _)| distance);
        let other_between = |word: Span| {
            let (from, to) =
                if word.end() <= quantity.span.start() { (word.end(), quantity.span.start()) } else { (quantity.span.end(), word.start()) };
            percentages.iter().any(|p| p.span != quantity.span && p.span.start() >= from && p.span.end() <= to)
        };
        let rate =
            nearest.into_iter().filter(|&(_, k)| !other_between(words[k].0)).find_map(|(_, k)| rate_named_at(&words, k)).map(str::to_owned);
        // "… the official 38%. The institute estimated it at between 45 and 50 percent": a
        // figure put on "it" restates the rate of this sentence or the one before.
        let restated = || recent_counts(sentences, sentence, &claims).next().map(|c| c.subject.clone());
        let rate = rate.or_else(|| put_on_it(text, sentence, quantity).then(restated).flatten());
        if let Some(rate) = rate {
            claims.push(quantity_claim(ClaimKind::Measure, "(%)".to_owned(), rate, quantity, sentence, quotes));
        }
    }
    claims
}

/// Words that say an election is the topic: a percentage won in such a passage is a share
/// of the vote.
const ELECTION_WORDS: &[&str] = &["vote", "votes", "election", "elections", "ballot", "ballots", "poll", "polls", "runoff", "count"];

/// Verbs by which a candidate wins a share: "won 87.3 percent", "was credited with 9.1%".
const WINNING_VERBS: &[&str] = &[
    "won",
    "win",
    "wins",
    "winning",
    "received",
    "receives",
    "receiving",
    "took",
    "takes",
    "got",
    "secured",
    "garnered",
    "polled",
    "credited",
];

/// Vote shares: {(%), "Aurel Danescu's share of the vote", 87.3} for "… gave President Aurel
/// Danescu a fifth term with 87.3 percent of the vote", so that outlets' and campaigns'
/// figures for one candidate are compared. A percentage is a share when "of the vote" (or
/// "of votes", "of the ballots") follows it, or when a verb of winning stands within four
/// words before it in a passage about an election (the sentence or the two before name a
/// vote, ballot, poll or count). The candidate is the person or organisation named last
/// before the percentage in its sentence.
pub fn find_vote_shares(
    text: &str,
    sentences: &[parallax_core::Sentence],
    quantities: &[Quantity],
    entities: &[parallax_core::EntityMention],
    quotes: &[Quote],
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for quantity in quantities.iter().filter(|q| q.kind == QuantityKind::Percentage && q.unit.as_deref() == Some("%")) {
        let Some(index) = sentences.iter().position(|s| s.span.contains(quantity.span)) else { continue };
        let sentence = sentences[index].span;
        let Ok(after) = Span::new(quantity.span.end(), sentence.end()) else { continue };
        let following: Vec<String> = lower_words(text, after).into_iter().take(3).map(|(_, w)| w).collect();
        let of_votes = match following.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["of", "the", noun, ..] | ["of", noun, ..] => matches!(*noun, "vote" | "votes" | "ballots"),
            _ => false,
        };
        let Ok(before) = Span::new(sentence.start(), quantity.span.start()) else { continue };
        let before_words = lower_words(text, before);
        let won = before_words.iter().rev().take(4).any(|(_, w)| WINNING_VERBS.contains(&w.as_str()));
        let passage = &sentences[index.saturating_sub(2)..=index];
        let about_election = passage.iter().any(|s| lower_words(text, s.span).iter().any(|(_, w)| ELECTION_WORDS.contains(&w.as_str())));
        let against = before_words.last().is_some_and(|(_, w)| w == "against") && following.first().map(String::as_str) == Some("for");
        if !(of_votes || (won && about_election) || (against && about_election)) || before_words.iter().any(|(_, w)| w == "turnout") {
            continue;
        }
        let named = |e: &&parallax_core::EntityMention| matches!(e.label, EntityLabel::Person | EntityLabel::Organisation);
        // "… against 57 percent for President Anton Gral": the candidate named after "for".
        let for_candidate = (following.first().map(String::as_str) == Some("for"))
            .then(|| entities.iter().filter(named).find(|e| e.span.start() > quantity.span.end() && sentence.contains(e.span)))
            .flatten();
        let candidate = for_candidate
            .or_else(|| entities.iter().rev().filter(named).find(|e| sentence.contains(e.span) && e.span.end() <= quantity.span.start()));
        let Some(candidate) = candidate else { continue };
        let subject = format!("{}'s share of the vote", candidate.canonical);
        claims.push(quantity_claim(ClaimKind::Measure, "(%)".to_owned(), subject, quantity, sentence, quotes));
    }
    claims
}

/// Nouns of a sum lent.
const LOAN_NOUNS: &[&str] = &["loan", "loans", "bailout", "credit", "financing"];

/// Whether the sum at `at` is a loan: a loan noun right after it ("a $3.2 billion loan") or
/// right before "of" and it ("a bailout of roughly $3 billion").
fn is_loan(words: &[(Span, String)], at: Span) -> bool {
    let after = words.iter().find(|(span, _)| span.start() >= at.end());
    let before: Vec<&str> = words.iter().filter(|(span, _)| span.end() <= at.start()).map(|(_, w)| w.as_str()).collect();
    let noun_after = after.is_some_and(|(_, w)| LOAN_NOUNS.contains(&w.as_str()));
    // "of" and at most one qualifier ("roughly", "about") between the noun and the sum.
    let noun_before = match before.as_slice() {
        [.., noun, "of"] | [.., noun, "of", _] => LOAN_NOUNS.contains(noun),
        _ => false,
    };
    noun_after || noun_before
}

/// The lender asked for the loan, named before it: "ask the International Monetary Fund for
/// a loan of about $6 billion" (the organisation, then "for" and at most four words).
fn lender_asked<'e>(text: &str, at: Span, entities: &'e [EntityMention]) -> Option<&'e EntityMention> {
    entities.iter().rev().filter(|e| e.span.end() <= at.start() && e.label == EntityLabel::Organisation).find(|e| {
        let between: Vec<&str> = text[e.span.end()..at.start()].split_whitespace().collect();
        between.first() == Some(&"for") && between.len() <= 5 && between.iter().any(|w| LOAN_NOUNS.contains(w))
    })
}

/// The lender named after the sum: "… from the International Monetary Fund".
fn lender_after<'e>(text: &str, words: &[(Span, String)], at: Span, entities: &'e [EntityMention]) -> Option<&'e EntityMention> {
    let from = words.iter().find(|(span, w)| span.start() >= at.end() && w == "from")?.0;
    entities
        .iter()
        .find(|e| e.span.start() >= from.end() && e.label == EntityLabel::Organisation)
        .filter(|e| text[from.end()..e.span.start()].split_whitespace().all(|w| w.eq_ignore_ascii_case("the")))
}

/// Measure claims. Magnitudes: {magnitude, earthquake, 6.4} for "a magnitude 6.4
/// earthquake" and "Saturday's 6.4 quake", {magnitude, aftershock, 5.1} for "a 5.1
/// aftershock", so that an aftershock is never compared with the main shock; the subject is
/// the quake noun written within three words after the number.
///
/// Other measures are claims when a word near them says what they measure ([`MEASURE_TOPICS`]):
/// {rose (m), level, (3, ∞)} for "the river rose more than 3 metres", {flooded (km2), area,
/// about 1,191} for "about 460 square miles under water". Their value is converted to the
/// one unit of their dimension ([`units::base_unit`]), so that feet and metres, square miles
/// and square kilometres are compared; the figure keeps the words written.
pub fn find_measures(text: &str, sentences: &[parallax_core::Sentence], quantities: &[Quantity], quotes: &[Quote]) -> Vec<Claim> {
    let mut claims = Vec::new();
    for quantity in quantities.iter().filter(|q| q.kind == QuantityKind::Measure) {
        let Some(unit) = quantity.unit.as_deref() else { continue };
        let Some(sentence) = sentence_holding(sentences, quantity.span) else { continue };
        if unit == "magnitude" {
            let Ok(after) = Span::new(quantity.span.end(), sentence.end()) else { continue };
            let words = lower_words(text, after);
            let Some(noun) = words.iter().take(3).map(|(_, w)| w).find(|w| units::is_quake_noun(w)) else { continue };
            let subject = if noun.starts_with("aftershock") { "aftershock" } else { "earthquake" };
            claims.push(quantity_claim(ClaimKind::Measure, "magnitude".to_owned(), subject.to_owned(), quantity, sentence, quotes));
            continue;
        }
        let Some((base, scale, offset)) = units::base_unit(unit) else { continue };
        let clause = clause_around(text, sentence, quantity.span);
        let measures: Vec<Span> = quantities.iter().filter(|q| q.kind == QuantityKind::Measure).map(|q| q.span).collect();
        let Some((subject, predicate)) = measure_topic(&lower_words(text, clause), quantity.span, &measures, base) else { continue };
        let predicate = if predicate.is_empty() { format!("({base})") } else { format!("{predicate} ({base})") };
        let mut claim = quantity_claim(ClaimKind::Measure, predicate, subject.to_owned(), quantity, sentence, quotes);
        let convert = |value: f64| round_to_significant(value * scale + offset, 4);
        claim.value = Some(Interval { low: convert(quantity.value.low), high: quantity.value.high.map(convert), ..quantity.value });
        claims.push(claim);
    }
    claims
}

/// What a measure measures, read from a word near it: (words, unit of the dimension,
/// subject, predicate). "under water" counts as "underwater".
const MEASURE_TOPICS: &[(&[&str], &str, &str, &str)] = &[
    (&["rose", "risen", "rise", "rises", "rising", "swelled", "surged", "crested"], "m", "level", "rose"),
    (&["flooded", "submerged", "inundated", "underwater"], "km2", "area", "flooded"),
    (&["burned", "burnt", "scorched", "charred"], "km2", "area", "burned"),
    (&["depth", "deep"], "m", "depth", ""),
    (&["wind", "winds", "gusts", "gusting"], "km/h", "wind", "speed"),
    (&["temperature", "temperatures"], "°C", "temperature", ""),
];

/// The topic of the word nearest the measure at `at` (up to six words before it, three
/// after) that names what a measure of dimension `base` measures. A word with another of
/// the `measures` between it and `at` is that measure's ("a depth of 10 km, 40 miles
/// south-west of the capital": the depth is 10 km).
fn measure_topic(words: &[(Span, String)], at: Span, measures: &[Span], base: &str) -> Option<(&'static str, &'static str)> {
    let first_inside = words.partition_point(|(span, _)| span.end() <= at.start());
    let first_after = words.partition_point(|(span, _)| span.start() < at.end());
    let before = (first_inside.saturating_sub(6)..first_inside).map(|k| (first_inside - k, k));
    let after = (first_after..words.len().min(first_after + 3)).map(|k| (k + 1 - first_after, k));
    let mut nearest: Vec<(usize, usize)> = before.chain(after).collect();
    nearest.sort_by_key(|&(distance, _)| distance);
    let measure_between = |word: Span| {
        let (from, to) = if word.end() <= at.start() { (word.end(), at.start()) } else { (at.end(), word.start()) };
        measures.iter().any(|m| *m != at && m.start() >= from && m.end() <= to)
    };
    nearest.into_iter().filter(|&(_, k)| !measure_between(words[k].0)).find_map(|(_, k)| {
        let under = k > 0 && words[k - 1].1 == "under";
        let word = if under && words[k].1 == "water" { "underwater" } else { words[k].1.as_str() };
        MEASURE_TOPICS
            .iter()
            .find(|(cues, unit, _, _)| *unit == base && cues.contains(&word))
            .map(|&(_, _, subject, predicate)| (subject, predicate))
    })
}

/// `value` rounded to `digits` significant digits: 10 feet is 3.048 m, not 3.0480000000000005.
fn round_to_significant(value: f64, digits: i32) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let factor = 10f64.powi(digits - 1 - value.abs().log10().floor() as i32);
    (value * factor).round() / factor
}

/// "More than 18 police officers have been killed. One of them was beheaded.": a count of
/// one whose group is the one the previous sentence counted.
fn one_of_them(text: &str, sentences: &[parallax_core::Sentence], quotes: &[Quote], claims: &[Claim]) -> Vec<Claim> {
    let mut found = Vec::new();
    for (index, sentence) in sentences.iter().enumerate().skip(1) {
        // Most sentences are ruled out by their first bytes, before any word is read.
        let body = text[sentence.span.range()].trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
        if !body.get(..3).is_some_and(|start| start.eq_ignore_ascii_case("one")) {
            continue;
        }
        let words = lower_words(text, sentence.span);
        let [(first, one), (_, of), (pronoun_span, pronoun), ..] = words.as_slice() else { continue };
        if one != "one" || of != "of" || !matches!(pronoun.as_str(), "them" | "those" | "these") {
            continue;
        }
        if claims.iter().any(|c| c.evidence == sentence.span) {
            continue;
        }
        let previous = sentences[index - 1].span;
        // "More than 18 police officers … killed, while more than 700 are wounded. One of them
        // was found beheaded": a named group is the antecedent before people in general.
        let counted_before = || claims.iter().rev().filter(|c| c.evidence == previous && c.value.is_some());
        let Some(antecedent) = counted_before().find(|c| c.subject != "people").or_else(|| counted_before().next()) else { continue };
        let Ok(phrase) = Span::new(first.start(), pronoun_span.end()) else { continue };
        let one = count_of_one(phrase, None);
        let Some((kind, predicate)) = nearest_predicate(text, sentence.span, &one) else { continue };
        found.push(Claim {
            kind,
            predicate: predicate.to_owned(),
            subject: antecedent.subject.clone(),
            value: Some(one.value),
            value_span: Some(phrase),
            evidence: sentence.span,
            attribution: quotes.iter().find(|q| q.content.contains(phrase)).and_then(|q| q.source.clone()),
            participants: Vec::new(),
            place: None,
            time: None,
        });
    }
    found
}

/// A count of one written without a number ("one of them", "a police officer"), counting
/// `counted` ("police officer") when it is named.
fn count_of_one(span: Span, counted: Option<(Span, String)>) -> Quantity {
    let (counted, counted_head) = counted.map_or((None, None), |(span, head)| (Some(span), Some(head)));
    Quantity {
        span,
        value: Interval::exact(1.0),
        approx: false,
        qualifier: None,
        kind: QuantityKind::Count,
        unit: None,
        counted,
        counted_head,
    }
}

/// Whether the count is a part of a larger group the article counts: "Among the dead were
/// two children", "14 people were killed, including two children", "two children were among
/// the dead". A part is never the group's total.
fn names_a_part(text: &str, clause: Span, quantity: &Quantity) -> bool {
    let words = lower_words(text, clause);
    let at = words.iter().position(|(s, _)| s.end() > quantity.span.start()).unwrap_or(words.len());
    let after = words.iter().position(|(s, _)| s.start() >= quantity.counted.unwrap_or(quantity.span).end()).unwrap_or(words.len());
    let no_comma_between = |from: Span, to: Span| Span::new(from.end(), to.start()).is_ok_and(|gap| !text[gap.range()].contains(','));
    let marks_part = |k: usize| match words[k].1.as_str() {
        "including" | "include" | "includes" | "included" => true,
        "among" => words.get(k + 1).is_some_and(|(_, next)| matches!(next.as_str(), "the" | "them" | "those" | "whom")),
        _ => false,
    };
    let before = (at.saturating_sub(6)..at).any(|k| marks_part(k) && no_comma_between(words[k].0, quantity.span));
    let following = words[after..].iter().take(3).map(|(_, w)| w.as_str()).collect::<Vec<_>>();
    // "12 citizens of Germany are among the dead": the counted noun's "of" phrase between.
    let of_name = matches!(following.as_slice(), ["of", _, ..])
        && words.get(after + 1).is_some_and(|(span, _)| text[span.range()].starts_with(char::is_uppercase));
    let after_of = if of_name { after + 2 } else { after };
    let among_follows = matches!(
        words[after_of.min(words.len())..].iter().take(2).map(|(_, w)| w.as_str()).collect::<Vec<_>>().as_slice(),
        ["were" | "was" | "are" | "is", "among"]
    );

    // "Two of the injured are in critical condition": a part of those the predicate counts.
    let of_the_counted = matches!(following.as_slice(), ["of", "the" | "those", word] if PREDICATES.iter().any(|(w, kind, _)| w == word && matches!(kind, ClaimKind::Casualty | ClaimKind::Detention)));
    // "treated 31 wounded, eight of them in critical condition": a part of the count before.
    let of_them = matches!(following.as_slice(), ["of", "them" | "whom", ..]);
    before || of_the_counted || of_them || among_follows
}

/// Groups of people by age or sex, whom a count names as a part of the whole it belongs to.
const DEMOGRAPHIC_PARTS: &[&str] = &["children", "minors", "women", "infants", "babies", "girls", "boys", "teenagers"];

/// The predicate of a part: "among the killed", "among those in hospital". A part is a fact
/// of its own, never compared with the whole's count.
fn part_predicate(predicate: &str) -> String {
    if predicate == "took part" {
        "among those taking part".to_owned()
    } else if predicate.contains(' ') {
        format!("among those {predicate}")
    } else {
        format!("among the {predicate}")
    }
}

/// The group a part is counted in: a named group ("security forces", "protesters") when what
/// it counts is one, otherwise what it counts ("children", "women"), never "people", so that
/// a part is never compared with the total.
fn part_group(text: &str, clause: Span, quantity: &Quantity, kind: ClaimKind, armed: &OnceCell<bool>) -> String {
    // "three of them health workers": the part named after "of them".
    let named = quantity.counted.or_else(|| {
        let rest = &text[quantity.span.end()..clause.end()];
        let after = rest.trim_start().strip_prefix("of them ")?;
        let start = clause.end() - after.len();
        Span::new(start, start + after.find([',', ';', '.']).unwrap_or(after.len())).ok()
    });
    let counted: Vec<String> = named.map(|span| lower_words(text, span).into_iter().map(|(_, w)| stem(&w)).collect()).unwrap_or_default();
    if let Some(carers) = carers(&counted) {
        return carers;
    }
    // "14 Germans", "12 citizens of Germany", "14 German citizens": a nationality among them.
    if let Some(nationals) = nationals(text, quantity) {
        return nationals;
    }
    // "All six crew members were killed".
    if counts_crew(text, named) {
        return "crew".to_owned();
    }
    let group = subject_group(text, clause, quantity, kind, armed);
    let head = quantity.counted_head.as_deref().map(str::to_lowercase);
    match head {
        Some(head) if group == "people" && !matches!(head.as_str(), "people" | "person") => match head.as_str() {
            "child" => "children".to_owned(),
            "man" => "men".to_owned(),
            "woman" => "women".to_owned(),
            _ if quantity.value.low == 1.0 && !head.ends_with('s') => format!("{head}s"),
            _ => head,
        },
        _ => group,
    }
}

/// Whether a counted phrase counts a crew ("crew members", "crew").
fn counts_crew(text: &str, counted: Option<Span>) -> bool {
    counted.is_some_and(|span| text[span.range()].to_lowercase().starts_with("crew"))
}

/// The people of one country a count names: the demonym itself ("14 Germans") or citizens
/// of it ("12 citizens of Germany", "14 German citizens"), as the plural of its demonym
/// ("Germans"). "30 Russian soldiers" are soldiers, not a nationality.
fn nationals(text: &str, quantity: &Quantity) -> Option<String> {
    let counted = quantity.counted?;
    let head = text[counted.range()].split_whitespace().next_back()?;
    let plural = |place: &str| {
        let demonym = crate::lexicon::demonym_of(place)?;
        let ends_plain = ["ese", "sh", "ch", "s"].iter().any(|ending| demonym.ends_with(ending));
        Some(if ends_plain { demonym.to_owned() } else { format!("{demonym}s") })
    };
    if let Some(place) = crate::lexicon::demonym_place(head) {
        return plural(place);
    }
    if !matches!(head.to_lowercase().as_str(), "citizens" | "nationals") {
        return None;
    }
    // "German citizens", or "citizens of Germany".
    let before = text[counted.range()].split_whitespace().rev().nth(1).and_then(crate::lexicon::demonym_place);
    let after = || text[counted.end()..].trim_start().strip_prefix("of ")?.split(|c: char| !c.is_alphabetic()).next();
    before.or_else(after).and_then(plural)
}

/// "health workers", "aid workers": workers named by the care they give (stemmed words of a
/// counted phrase), who are no crowd of strikers.
fn carers(words: &[String]) -> Option<String> {
    const CARE: &[&str] = &["health", "healthcare", "aid", "medical", "hospital", "rescue", "relief", "humanitarian", "emergency"];
    words.windows(2).find(|pair| pair[1] == "worker" && CARE.contains(&pair[0].as_str())).map(|pair| format!("{} workers", pair[0]))
}

/// Words that end an item of a list of parts: a verb, a relative word, a preposition.
const ENDS_ITEM: &[&str] = &[
    "and",
    "were",
    "was",
    "are",
    "is",
    "had",
    "have",
    "has",
    "been",
    "who",
    "that",
    "from",
    "in",
    "of",
    "at",
    "on",
    "with",
    "by",
    "according",
];

/// The list items after a part that are counts of one: "two children and a police officer",
/// "three students, a teacher and a nurse".
fn single_items(text: &str, clause: Span, quantity: &Quantity) -> Vec<Quantity> {
    let words = lower_words(text, clause);
    let mut k = words.iter().position(|(s, _)| s.start() >= quantity.counted.unwrap_or(quantity.span).end()).unwrap_or(words.len());
    let mut items = Vec::new();
    let mut previous_end = quantity.counted.unwrap_or(quantity.span).end();
    // A comma or "and" joins the next item.
    while let Some((article, word)) = words.get(k) {
        let gap = &text[previous_end..article.start()];
        let (article, word, start) = if word == "and" {
            let Some((next, next_word)) = words.get(k + 1) else { break };
            (*next, next_word.as_str(), k + 1)
        } else if gap.contains(',') {
            (*article, word.as_str(), k)
        } else {
            break;
        };
        if !matches!(word, "a" | "an" | "one") {
            break;
        }
        // The item's words run to the next comma, "and", verb or preposition.
        let mut end = start + 1;
        while end < words.len()
            && !ENDS_ITEM.contains(&words[end].1.as_str())
            && !PREDICATES.iter().any(|(w, _, _)| *w == words[end].1)
            && !text[words[end - 1].0.end()..words[end].0.start()].contains(',')
        {
            end += 1;
        }
        if end == start + 1 {
            break;
        }
        let (Ok(span), Ok(counted)) =
            (Span::new(article.start(), words[end - 1].0.end()), Span::new(words[start + 1].0.start(), words[end - 1].0.end()))
        else {
            break;
        };
        items.push(count_of_one(span, Some((counted, words[end - 1].1.clone()))));
        previous_end = span.end();
        k = end;
    }
    items
}

/// "several days", "three weeks": a stretch of time, not a count of anyone.
fn counts_time(quantity: &Quantity) -> bool {
    const TIME_UNITS: &[&str] = &["second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century", "time"];
    quantity.counted_head.as_deref().is_some_and(|head| TIME_UNITS.contains(&stem(head).as_str()))
}

/// Places, buildings, vehicles and organisations, singular as `stem` leaves them: what
/// they count is never people killed, held or taking part ("bombed two villages, killing nine
/// civilians", "a coalition of seven trade unions said 120,000 people had taken part").
const THINGS: &[&str] = &[
    "union",
    "party",
    "organisation",
    "organization",
    "company",
    "country",
    "nation",
    "village",
    "town",
    "city",
    "province",
    "district",
    "region",
    "area",
    "neighbourhood",
    "neighborhood",
    "street",
    "road",
    "bridge",
    "home",
    "house",
    "building",
    "block",
    "apartment",
    "school",
    "hospital",
    "clinic",
    "mosque",
    "church",
    "market",
    "shop",
    "site",
    "target",
    "position",
    "base",
    "checkpoint",
    "depot",
    "airport",
    "facility",
    "vehicle",
    "car",
    "truck",
    "plane",
    "helicopter",
    "boat",
    "ship",
    "vessel",
    "warship",
    "frigate",
    "tanker",
    "generator",
    "ambulance",
    "ventilator",
    "incubator",
    "bed",
    "bomb",
];
/// Weapons, singular as `stem` leaves them: counted, they are things (see [`THINGS`]); named in
/// a clause with a verb of striking, they make it an attack (`events.rs`).
pub(crate) const WEAPONS: &[&str] =
    &["aircraft", "airstrike", "warplane", "jet", "drone", "missile", "rocket", "artillery", "shell", "tank"];

/// The part of the clause a count's predicate is looked for in: the clause, up to the next
/// count when a preposition sets it off ("free 250 detainees in return for 80 soldiers held
/// by the rebels": "held" is the soldiers'). Counts joined as a list ("two children and three
/// women were among the dead", "12 people in Gao and five in Mopti were killed") share the
/// predicate after them.
fn own_part(text: &str, clause: Span, quantity: &Quantity, quantities: &[Quantity]) -> Span {
    let next = quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Count && !counts_time(q) && q.span.start() >= quantity.span.end() && clause.contains(q.span))
        .map(|q| q.span.start())
        .min();
    let set_off = |next: &usize| {
        Span::new(quantity.span.end(), *next).is_ok_and(|between| {
            let words = lower_words(text, between);
            let preposition = words.iter().any(|(_, w)| matches!(w.as_str(), "in" | "for" | "with" | "to" | "by" | "from" | "against"));
            let listed = text[between.range()].contains(',') || words.iter().any(|(_, w)| w == "and" || w == "or");
            preposition && !listed
        })
    };
    next.filter(set_off).and_then(|end| Span::new(clause.start(), end).ok()).unwrap_or(clause)
}

/// Whether a count without a counted noun is a part of things: "41 of the drones", "two of
/// the plant's four turbines".
fn partitive_of_things(text: &str, quantity: &Quantity) -> bool {
    let rest = text[quantity.span.end()..].trim_start();
    let Some(of) = rest.strip_prefix("of ") else { return false };
    of.split([',', ';', '.']).next().unwrap_or_default().split_whitespace().take(5).any(|w| {
        let word = stem(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
        THINGS.contains(&word.as_str()) || WEAPONS.contains(&word.as_str()) || matches!(word.as_str(), "unit" | "turbine" | "reactor")
    })
}

/// Whether counted "units" are machines or flats, not armed units: "four turbine units",
/// "200 housing units" (a bare "units", "army units", "12 artillery units" stay troops).
fn civil_units(text: &str, quantity: &Quantity) -> bool {
    const CIVIL: &[&str] = &["turbine", "generating", "power", "housing", "storage", "reactor", "production", "residential", "apartment"];
    let Some(counted) = quantity.counted else { return false };
    quantity.counted_head.as_deref().is_some_and(|h| stem(&h.to_lowercase()) == "unit")
        && text[counted.range()].split_whitespace().any(|w| CIVIL.contains(&w.to_lowercase().as_str()))
}

/// Whether the quantity counts [`THINGS`] or [`WEAPONS`].
fn counts_things(quantity: &Quantity) -> bool {
    quantity.counted_head.as_deref().is_some_and(|head| {
        let head = stem(head);
        THINGS.contains(&head.as_str()) || WEAPONS.contains(&head.as_str())
    })
}

/// The clause of `sentence` holding `at`: bounded by ";", ", while", " while ", ", but".
pub(crate) fn clause_around(text: &str, sentence: Span, at: Span) -> Span {
    let body = &text[sentence.range()];
    let mut start = sentence.start();
    let mut end = sentence.end();
    for separator in ["; ", ", while ", " while ", ", but ", ", whereas ", ", with "] {
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
pub(crate) fn lower_words(text: &str, span: Span) -> Vec<(Span, String)> {
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

/// Illnesses whose cases news counts, as lower-case words.
const ILLNESSES: &[&str] = &[
    "cholera",
    "measles",
    "ebola",
    "covid",
    "covid-19",
    "mpox",
    "dengue",
    "flu",
    "influenza",
    "diarrhoea",
    "diarrhea",
    "dysentery",
    "typhoid",
    "malaria",
    "polio",
    "meningitis",
    "diphtheria",
    "anthrax",
    "plague",
    "marburg",
    "lassa",
    "hepatitis",
    "tuberculosis",
];

/// The predicate nearest to the quantity in its clause; ties go to the word after it.
fn nearest_predicate(text: &str, clause: Span, quantity: &Quantity) -> Option<(ClaimKind, &'static str)> {
    let words = lower_words(text, clause);
    let position = words.iter().position(|(s, _)| s.end() > quantity.span.start()).unwrap_or(words.len());
    let end_position = words.iter().position(|(s, _)| s.start() >= quantity.span.end()).unwrap_or(words.len());
    // "fined 96 protesters … and jailed 15": the count is the object of a verb that says what
    // else befell them; a predicate further on is another count's.
    if position.checked_sub(1).is_some_and(|k| OTHER_FATES.contains(&words[k].1.as_str())) {
        return None;
    }
    // "handed over 90 detained members", "freed 50 soldiers": a verb of release right before
    // the count says what befell them, whatever word follows.
    let before = |n: usize| position.checked_sub(n).map(|k| words[k].1.as_str());
    let released = matches!(before(1), Some("freed" | "frees" | "released")) || (before(2) == Some("handed") && before(1) == Some("over"));
    // "163 were released after a preventive conversation": released in the passive.
    let after = |n: usize| words.get(end_position + n - 1).map(|(_, w)| w.as_str());
    let released_passive = matches!(after(1), Some("were" | "was" | "have" | "had"))
        && (matches!(after(2), Some("released" | "freed")) || after(2) == Some("been") && matches!(after(3), Some("released" | "freed")));
    if released && counts_people(quantity) {
        return Some((ClaimKind::Detention, "released"));
    }
    // Released in the passive from custody, when the clause speaks of it; "2,000 were released
    // from hospital" or "into the river" is no release from detention, nor any other fate.
    if released_passive && quantity.counted_head.is_none() {
        let custody = words.iter().any(|(_, w)| {
            matches!(w.as_str(), "detained" | "arrested" | "detainees" | "prisoners" | "hostages" | "custody" | "jail" | "prison")
        });
        return custody.then_some((ClaimKind::Detention, "released"));
    }
    // "several said inmates had told them …", "Two told reporters": a count that speaks is
    // who said it, not a toll of what they said.
    // Not a participle ("the 50,000 claimed by organisers", "Two said to be militants", "Three
    // described as commanders", "12 reported killed").
    // With a counted noun, the words after it: "Two security officials said 40 people were
    // killed" counts who speaks, not a toll of security forces.
    let speaks_at = |k: usize| {
        let word = |n: usize| words.get(k + n).map(|(_, w)| w.as_str());
        matches!(word(0), Some("said" | "say" | "says" | "told" | "tell")) && !matches!(word(1), Some("by" | "to" | "as"))
    };
    let after_counted =
        quantity.counted.map_or(end_position, |counted| words.iter().position(|(s, _)| s.start() >= counted.end()).unwrap_or(words.len()));
    if speaks_at(after_counted) {
        return None;
    }
    // The word right before the count as a verb whose object the count is, whatever
    // predicate stands elsewhere: not a predicate itself, nor a participle that reports or
    // qualifies a figure ("an estimated 40", "a combined 300").
    let verb_before_count = before(1).filter(|v| {
        !PREDICATES.iter().any(|(w, _, _)| w == v)
            && !matches!(*v, "estimated" | "reported" | "confirmed" | "alleged" | "suspected" | "combined" | "recorded")
    });
    // "killing four people and leaving some 200,000 households without power": the count
    // right after another verb is that verb's object, not an earlier fate's; "killed an
    // unprecedented 4,000" is an adjective after an article.
    let count_is_object_of_verb = !matches!(before(2), Some("a" | "an" | "the"))
        && verb_before_count.is_some_and(|v| {
            v.len() > 5 && (v.ends_with("ing") || v.ends_with("ed")) && !matches!(v, "including" | "according" | "totalling" | "totaling")
        });
    // "overpowered two guards and killed one of them" (see `object_of_other_verb` below).
    let past_verb_before_count = verb_before_count.is_some_and(|v| v.len() > 4 && v.ends_with("ed"));
    let mut best: Option<(usize, ClaimKind, &'static str)> = None;
    let rise_verb = rise_verb_before(&words, position);
    let mut bound_best: Option<(usize, ClaimKind, &'static str)> = None;
    for (k, (_, word)) in words.iter().enumerate() {
        let Some(&(_, kind, predicate)) = PREDICATES.iter().find(|(w, _, _)| w == word) else { continue };
        // "homes" means people who left them only after "their" or "from" ("300 homes were
        // destroyed" counts houses).
        if word == "homes" && !(k > 0 && matches!(words[k - 1].1.as_str(), "their" | "from")) {
            continue;
        }
        // "the lives of eleven people were in danger", "saved the lives of 25 miners": lives at
        // risk or saved are not lost.
        let at_risk_after = || {
            words[k + 1..].iter().take(7).any(|(_, w)| matches!(w.as_str(), "danger" | "risk" | "stake" | "saved" | "save" | "threatened"))
        };
        let at_risk_before = || {
            words[..k].iter().rev().take(3).any(|(_, w)| {
                matches!(
                    w.as_str(),
                    "saved" | "save" | "saving" | "endangered" | "endangering" | "risked" | "risking" | "threatened" | "threatening"
                )
            })
        };
        if word == "lives" && (at_risk_after() || at_risk_before()) {
            continue;
        }
        // "70 bodies", "the bodies of 41 victims".
        let bodies_of = k + 2 == position && words[k + 1].1 == "of";
        if (word == "bodies" || word == "survivors") && k != end_position && !(word == "bodies" && bodies_of) {
            continue;
        }
        // "Two survivors told this newspaper": those who speak are not counted for a fate.
        if word == "survivors" && words.get(k + 1).is_some_and(|(_, w)| crate::lexicon::is_speech_verb(w)) {
            continue;
        }
        // "Twenty-two people on board survived": the fate after "on board" is what is counted.
        let fate_after = words.get(k + 1).is_some_and(|(_, w)| PREDICATES.iter().any(|(p, _, _)| p == w));
        if word == "board" && (!(k > 0 && words[k - 1].1 == "on") || fate_after) {
            continue;
        }
        // "The fate of 15 other people … was not yet known": the missing.
        let unknown = words[k..].iter().enumerate().any(|(j, (_, w))| {
            matches!(w.as_str(), "unknown" | "unclear")
                || w == "known" && words[k..k + j].iter().rev().take(2).any(|(_, before)| before == "not")
        });
        // "The fate of 15 other people", not "the fate of the 1.4 million sheltering there".
        let fate_of_count = k + 2 == position && words[k + 1].1 == "of";
        if word == "fate" && !(unknown && fate_of_count) {
            continue;
        }
        // "Five workers are still being sought": the missing, searched for.
        if word == "sought" && !(k > 0 && matches!(words[k - 1].1.as_str(), "being" | "been" | "are" | "were" | "is" | "was")) {
            continue;
        }
        if word == "carrying" && k + 1 != position {
            continue;
        }
        if word == "part" && !(k > 0 && matches!(words[k - 1].1.as_str(), "took" | "take" | "takes" | "taking" | "taken")) {
            continue;
        }
        // "Twelve inmates were sent to prison": the prison says what befell them, not a
        // deployment.
        let to_prison = words.get(k + 1).is_some_and(|(_, w)| w == "to")
            && words.get(k + 2).is_some_and(|(_, w)| matches!(w.as_str(), "prison" | "jail" | "custody"));
        if word == "sent" && to_prison {
            continue;
        }
        // "14 prison guards were injured", "members of the prison staff": a noun's modifier,
        // not where anyone was put.
        let modifier = words.get(k + 1).is_some_and(|(_, w)| {
            matches!(
                w.as_str(),
                "guards"
                    | "guard"
                    | "staff"
                    | "officers"
                    | "officials"
                    | "workers"
                    | "employees"
                    | "director"
                    | "governor"
                    | "authorities"
                    | "service"
            )
        });
        if matches!(word.as_str(), "prison" | "jail") && modifier {
            continue;
        }
        // "212 people were held for mass disorder": the passive holds people too.
        let passive = k > 0 && matches!(words[k - 1].1.as_str(), "were" | "was" | "been" | "being" | "are" | "is");
        if word == "held" && !passive && !words.get(k + 1).is_some_and(|(_, w)| matches!(w.as_str(), "by" | "in" | "captive" | "hostage")) {
            continue;
        }
        if word == "holding" && !words.get(k + 1).is_some_and(|(_, w)| matches!(w.as_str(), "back" | "captive" | "hostage")) {
            continue;
        }
        let taken_away = words.get(k + 1).is_none_or(|(_, w)| matches!(w.as_str(), "by" | "from" | "away" | "captive" | "hostage"));
        if word == "taken" && !(passive && taken_away) {
            continue;
        }
        if PEOPLE_ONLY.contains(&word.as_str()) && !counts_people(quantity)
        // "20 were rescued and three remain missing": a bare number saved or treated is people.
            && !(quantity.counted.is_none() && BARE_NUMBER_PEOPLE.contains(&word.as_str()))
        {
            continue;
        }
        // "rescues" is the verb only right before its object ("Navy rescues 20 sailors", not
        // "soldiers to help with rescues").
        if word == "rescues" && k + 1 != position {
            continue;
        }
        if word == "searching" && (words.get(k + 1).is_none_or(|(_, w)| w != "for") || k + 2 != position) {
            continue;
        }
        if word == "handed" && words.get(k + 1).is_none_or(|(_, w)| w != "over") {
            continue;
        }
        // "cases" are the sick where an illness is named or they are confirmed or suspected,
        // or where the count counts them ("reported 38 deaths and 1,090 cases"); "in 12
        // cases, police used force" counts no one.
        let of_illness = |w: &str| {
            matches!(w, "confirmed" | "suspected" | "outbreak" | "epidemic" | "disease" | "virus" | "infection" | "infections")
                || ILLNESSES.contains(&w)
        };
        // "cases of torture" count no sick; bare "cases" do beside deaths or the sick.
        let of_what = words.get(k + 1).filter(|(_, w)| w == "of").and_then(|_| words.get(k + 2)).map(|(_, w)| w.as_str());
        let beside_deaths = words.iter().any(|(_, w)| matches!(w.as_str(), "deaths" | "dead" | "died" | "sick" | "ill" | "patients"));
        let counts_cases = k == end_position
            && position.checked_sub(1).is_none_or(|j| words[j].1 != "in")
            && of_what.map_or(beside_deaths, |w| ILLNESSES.contains(&w));
        if word == "cases" && !counts_cases && !words.iter().any(|(_, w)| of_illness(w)) {
            continue;
        }
        let predicate = if word == "captivity" && words[..k].iter().any(|(_, w)| w == "after") { "released" } else { predicate };
        // "a missile strike", "the air strike on the town": an attack, not a walkout.
        let armed_before = k > 0 && ARMED_STRIKES.contains(&words[k - 1].1.as_str());
        let target_after = words.get(k + 1).is_some_and(|(_, w)| matches!(w.as_str(), "on" | "against"));
        // "toll from market strike rises to 19": a strike with a death toll is an attack.
        let has_toll = words.iter().any(|(_, w)| w == "toll");
        if word == "strike" && (armed_before || target_after || has_toll) {
            continue;
        }
        // "The death toll from Cyclone Dara rises to 31, dozens still missing": what rose to
        // the number is what it counts, however far before the verb it stands.
        let bound = rise_verb.is_some_and(|v| k < v && !text[words[k].0.end()..words[v].0.start()].contains(','));
        if bound && bound_best.is_none_or(|(b, _, _)| k > b) {
            bound_best = Some((k, kind, predicate));
        }
        // "Doctors at the city's main hospital said 23 people were being treated": a word of
        // the speaker's phrase says who speaks, not what befell those counted.
        // The phrase runs to its verb with no comma, and the verb to the count.
        let in_speaker_phrase = k < position
            && words[k + 1..position].iter().any(|(_, w)| crate::lexicon::is_speech_verb(w))
            && !text[words[k].0.end()..quantity.span.start()].contains(',');
        if in_speaker_phrase {
            continue;
        }
        if k + 1 < position && count_is_object_of_verb {
            continue;
        }
        let (distance, between) = if k >= end_position {
            ((k - end_position) * 2, Span::new(quantity.span.end(), words[k].0.start()))
        } else if k < position {
            ((position - k) * 2 + 1, Span::new(words[k].0.end(), quantity.span.start()))
        } else {
            continue;
        };
        // A comma between them ("several workers dead, dozens more in intensive care") usually
        // separates list items or clauses, and so does "and" ("23 killed and thousands forced
        // from their homes").
        // "overpowered two guards and killed one of them": the count is the object of the verb
        // before it, which counts them for no fate; the verb after "and" has its own object.
        let object_of_other_verb =
            k >= end_position && between.as_ref().is_ok_and(|b| text[b.range()].contains(" and ")) && past_verb_before_count;
        if object_of_other_verb {
            continue;
        }
        let commas = between.map_or(0, |b| text[b.range()].matches(',').count() + text[b.range()].matches(" and ").count());
        let distance = distance + commas * 6;
        if best.is_none_or(|(d, _, _)| distance < d) {
            best = Some((distance, kind, predicate));
        }
    }
    if let Some((_, kind, predicate)) = bound_best.or(best) {
        return Some((kind, predicate));
    }
    // "2,500 soldiers in Kazakhstan", "the peacekeepers are about 2,500": a count of troops.
    // "140 units of equipment" are machines.
    let of_machines = quantity.counted.is_some_and(|c| {
        let after: String = text[c.end()..].trim_start().chars().take(24).collect::<String>().to_lowercase();
        ["of equipment", "of heavy equipment", "of machinery", "of vehicles"].iter().any(|p| after.starts_with(p))
    });
    let counted_is_troops = !of_machines
        && quantity.counted_head.as_deref().is_some_and(|h| TROOP_NOUNS.contains(&stem(h).as_str()))
        && !civil_units(text, quantity);
    // "an ammonia cloud forces thousands to flee": "forces" right before the count is a verb;
    // "Valdoria's air force said 41 of the drones …" names no troops counted.
    let verb_before = |k: usize| k + 1 == position && matches!(words[k].1.as_str(), "forces" | "force" | "forced");
    let air_force = |k: usize| k > 0 && words[k - 1].1 == "air";
    let clause_names_troops = quantity.counted.is_none()
        && !partitive_of_things(text, quantity)
        && words.iter().enumerate().any(|(k, (_, w))| TROOP_NOUNS.contains(&stem(w).as_str()) && !verb_before(k) && !air_force(k));
    if counted_is_troops || clause_names_troops {
        return Some((ClaimKind::Deployment, "deployed"));
    }
    // "Police put the number of marchers at 18,000": the number of a crowd.
    // "several hundred provocateurs tried to seize government buildings": the authorities'
    // names for a crowd count it too.
    let crowd = |w: &str| matches!(w, "marchers" | "demonstrators" | "protesters" | "participants" | "rioters" | "provocateurs");
    let number_of_crowd = words.windows(3).any(|w| matches!(w[0].1.as_str(), "number" | "figure") && w[1].1 == "of" && crowd(&w[2].1));
    let counts_crowd = quantity.counted_head.as_deref().is_some_and(crowd);
    // "police put the crowd at no more than 12,000", "a crowd of 5,000".
    let sized_crowd = words[..position].iter().any(|(_, w)| w == "crowd" || w == "crowds");
    (number_of_crowd || counts_crowd || sized_crowd).then_some((ClaimKind::Participation, "took part"))
}

/// Predicate words that count people only ("held a rally", "set up 14 shelters", "trucks
/// carrying 200 tonnes" count no one).
const PEOPLE_ONLY: &[&str] = &[
    "eliminated",
    "liquidated",
    "fate",
    "held",
    "captured",
    "shelters",
    "refugees",
    "treated",
    "rescued",
    "rescues",
    "survived",
    "searching",
    "freed",
    "frees",
    "released",
    "handed",
    "exchanged",
    "swapped",
    "aboard",
    "board",
    "carrying",
    "taken",
    "escaped",
];

/// Of [`PEOPLE_ONLY`], those whose bare number counts people ("20 were rescued", "600 on board").
const BARE_NUMBER_PEOPLE: &[&str] = &["treated", "rescued", "rescues", "searching", "aboard", "board", "survived"];

/// Verbs whose object is counted for a fate none of [`PREDICATES`] names: fined or charged
/// people are not counted as detained, hurt or displaced.
const OTHER_FATES: &[&str] = &["fined", "charged", "convicted", "acquitted", "pardoned", "deported", "expelled", "summoned"];

/// The index of the verb that takes the number at `position` as the new level of its
/// subject: "rose to 31", "stands at 29", "reached 40".
fn rise_verb_before(words: &[(Span, String)], position: usize) -> Option<usize> {
    const RISE_TO: &[&str] = &[
        "rise",
        "rises",
        "rose",
        "risen",
        "rising",
        "climb",
        "climbs",
        "climbed",
        "climbing",
        "jump",
        "jumps",
        "jumped",
        "grow",
        "grows",
        "grew",
        "grown",
        "increase",
        "increases",
        "increased",
        "stand",
        "stands",
        "stood",
        "standing",
    ];
    const REACH: &[&str] = &["reach", "reaches", "reached", "hit", "hits", "topped", "tops", "passed", "exceeded", "surpassed"];
    let before = |n: usize| position.checked_sub(n).and_then(|i| words.get(i)).map(|(_, w)| w.as_str());
    match (before(2), before(1)) {
        (Some(verb), Some("to" | "at")) if RISE_TO.contains(&verb) => Some(position - 2),
        (_, Some(verb)) if REACH.contains(&verb) => Some(position - 1),
        _ => None,
    }
}

/// Whether the quantity counts people (soldiers, police, civilians, hostages …), as a count of
/// captives must.
fn counts_people(quantity: &Quantity) -> bool {
    const PEOPLE: &[&str] = &[
        "people",
        "person",
        "civilian",
        "hostage",
        "prisoner",
        "detainee",
        "captive",
        "worker",
        "journalist",
        "child",
        "children",
        "woman",
        "women",
        "man",
        "men",
        "supporter",
        "member",
        "resident",
        "villager",
        "citizen",
        "refugee",
        "sailor",
        "seafarer",
        "crew",
        "passenger",
        "migrant",
        "student",
        "tourist",
        "miner",
        "fisherman",
        "fishermen",
        "patient",
        "survivor",
        "pilgrim",
        "girl",
        "boy",
        "schoolgirl",
        "schoolboy",
        "pupil",
        "teacher",
    ];
    quantity.counted_head.as_deref().is_some_and(|head| {
        let head = stem(head);
        [PEOPLE, TROOP_NOUNS, SECURITY_NOUNS, CROWD_NOUNS, ARMED_GROUP_NOUNS].iter().any(|list| list.contains(&head.as_str()))
    })
}

/// People sent to a scene who are neither troops nor police.
const CIVILIANS_SENT: &[&str] = &[
    "investigators",
    "experts",
    "advisers",
    "advisors",
    "inspectors",
    "engineers",
    "doctors",
    "medics",
    "nurses",
    "rescuers",
    "firefighters",
    "observers",
    "monitors",
    "diplomats",
    "technicians",
    "specialists",
    "negotiators",
    "volunteers",
    "crews",
    "workers",
    "repairmen",
    "electricians",
    "linemen",
    "staff",
];

/// The normalised group a claim is about. `armed` caches [`opponents_are_armed`] for the text.
fn subject_group(text: &str, clause: Span, quantity: &Quantity, kind: ClaimKind, armed: &OnceCell<bool>) -> String {
    // "deployed four more patrol boats and 300 marines": vessels and vehicles sent are a
    // fact of their own, never troops.
    if kind == ClaimKind::Deployment && counts_things(quantity) {
        if let Some(head) = &quantity.counted_head {
            return head.to_lowercase();
        }
    }
    // "has sent two investigators", "more than 600 rescuers": civilians sent are a fact of
    // their own too, never troops.
    if let Some(head) = quantity.counted_head.as_deref().map(str::to_lowercase) {
        let military = quantity.counted.is_some_and(|c| text[c.range()].to_lowercase().contains("military"));
        if kind == ClaimKind::Deployment && CIVILIANS_SENT.contains(&head.as_str()) && !military {
            return head;
        }
    }
    let group = group_of(text, clause, quantity, kind, armed);
    // "14 Varnian soldiers", "six Toskarian servicemen": the dead and hurt of two armed sides
    // are two facts, not one disputed figure.
    let side = quantity
        .counted
        .filter(|_| kind == ClaimKind::Casualty && matches!(group.as_str(), "security forces" | "fighters"))
        .and_then(|span| {
            text[span.range()].split_whitespace().find(|w| {
                let demonym_shaped = parallax_ner::rules::looks_like_demonym(w) && w.chars().count() >= 4;
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).all(char::is_lowercase)
                    && (demonym_shaped || crate::lexicon::place_of_demonym(w).is_some())
            })
        });
    match side {
        Some(side) => format!("{side} {group}"),
        None => group,
    }
}

/// Whether the only crowd noun among `words` is a worker's ("workers", "dockers").
fn only_workers(words: &[String]) -> bool {
    words.iter().filter(|w| CROWD_NOUNS.contains(&w.as_str())).all(|w| matches!(w.as_str(), "worker" | "docker"))
}

/// Whether the text is about a strike or clashes: "strike", "strikers", "walkout", "picket",
/// "clashes", "riots", "unrest".
fn in_a_strike(text: &str) -> bool {
    let Ok(all) = Span::new(0, text.len()) else { return false };
    let words = lower_words(text, all);
    let weapon = |w: &str| WEAPONS.contains(&stem(w).as_str()) || matches!(w, "shelling" | "bombing");
    // A story that names weapons again and again is one of armed strikes.
    let armed_story = words.iter().filter(|(_, w)| weapon(w)).count() >= 3;
    words.iter().enumerate().any(|(k, (_, w))| {
        // Not "an air strike", "a drone strike", "a strike on facilities", nor one with
        // weapons a few words around it; a missile factory's walkout is still a strike.
        let near = words[k.saturating_sub(6)..(k + 7).min(words.len())].iter().any(|(_, w)| weapon(w));
        let target_after = words.get(k + 1).is_some_and(|(_, w)| matches!(w.as_str(), "on" | "against"));
        let armed = armed_story || near || target_after || k > 0 && ARMED_STRIKES.contains(&words[k - 1].1.as_str());
        let unrest = matches!(w.as_str(), "clashes" | "clashed" | "riot" | "riots" | "rioting" | "unrest");
        let labour = matches!(w.as_str(), "strikers" | "walkout" | "picket" | "pickets" | "stoppage");
        matches!(w.as_str(), "strike" | "strikes" | "striking") && !armed || labour || unrest
    })
}

/// The group a count counts: troops, security forces, fighters, protesters or people.
fn group_of(text: &str, clause: Span, quantity: &Quantity, kind: ClaimKind, armed: &OnceCell<bool>) -> String {
    let mut counted: Vec<String> = match quantity.counted {
        Some(span) => lower_words(text, span).into_iter().map(|(_, w)| stem(&w)).collect(),
        None => Vec::new(),
    };
    // "52 of our heroic soldiers", "90 members of the terrorist NLF group": what the count is
    // a part of, or whom its members belong to, says who they are.
    let partitive = counted.is_empty() || counted.last().is_some_and(|head| head == "member");
    if partitive {
        let after = quantity.counted.map_or(quantity.span.end(), |span| span.end());
        let rest = text[after..clause.end().max(after)].split([',', ';', '.']).next().unwrap_or_default();
        if let Some(of) = rest.trim_start().strip_prefix("of ") {
            counted.extend(of.split_whitespace().take(5).map(|w| stem(&w.to_lowercase())));
        }
    }
    let words: Vec<String> = if counted.is_empty() && kind == ClaimKind::Deployment {
        lower_words(text, clause).into_iter().map(|(_, w)| stem(&w)).collect()
    } else {
        counted
    };
    let any = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if carers(&words).is_some() {
        // "three of them health workers": those who care for others, no crowd.
        "people".to_owned()
    } else if kind == ClaimKind::Deployment && any(TROOP_NOUNS) {
        "troops".to_owned()
    } else if any(SECURITY_NOUNS) || any(TROOP_NOUNS) || any(&["prison", "jail"]) && any(&["staff", "warder", "employee", "worker"]) {
        // "14 members of the prison staff": those who guard the prisoners.
        "security forces".to_owned()
    } else if any(ARMED_GROUP_NOUNS) {
        "fighters".to_owned()
    } else if any(CROWD_NOUNS) && (!only_workers(&words) || in_a_strike(text)) {
        // Workers are a crowd only where they strike ("the strikers", "dock workers") —
        // in an explosion at their plant they are people.
        "protesters".to_owned()
    } else if any(OPPONENT_LABELS) {
        if *armed.get_or_init(|| opponents_are_armed(text)) { "fighters" } else { "protesters" }.to_owned()
    } else if kind == ClaimKind::Deployment {
        "troops".to_owned()
    } else {
        "people".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_pipeline;
    use parallax_core::layer::Claims;

    /// The claims of `text` run through the default pipeline.
    fn claims_of(text: &str) -> Vec<Claim> {
        let doc = default_pipeline().unwrap().run(Document::new("t", text, Default::default())).unwrap();
        doc.layer::<Claims>().unwrap().to_vec()
    }

    #[test]
    fn prison_staff_are_injured_guards_not_prisoners() {
        let claims =
            claims_of("Six inmates and a guard died. All the hostages were freed, and 14 members of the prison staff were injured.");
        let staff = claims.iter().find(|c| low(c) == 14.0).expect("the staff's claim");
        assert_eq!((staff.kind, staff.subject.as_str()), (ClaimKind::Casualty, "security forces"));
        let guards = claims_of("14 prison guards were injured.");
        assert_eq!(guards[0].kind, ClaimKind::Casualty);
    }

    #[test]
    fn turnout_figures_are_participation_claims_with_their_sources() {
        let text = "Around 5,000 people took part in the march, organisers said, though police put the figure at 1,500. The rally drew 20,000 people in March, police said.";
        let found: Vec<_> = claims_of(text)
            .iter()
            .filter(|c| c.kind == ClaimKind::Participation)
            .map(|c| (low(c), c.attribution.as_ref().and_then(|a| a.canonical.clone())))
            .collect();
        assert_eq!(
            found,
            [(5000.0, Some("organisers".to_owned())), (1500.0, Some("police".to_owned())), (20000.0, Some("police".to_owned()))]
        );
        let found: Vec<f64> =
            claims_of("Police put the number of marchers at 18,000. The organisers said more than 120,000 people had taken part.")
                .iter()
                .filter(|c| c.kind == ClaimKind::Participation)
                .map(low)
                .collect();
        assert_eq!(found, [18000.0, 120000.0]);
        let text = "Thousands marched against the plan to raise the retirement age to 67. Two marchers aged 70 were hurt.";
        let found: Vec<f64> = claims_of(text).iter().map(low).collect();
        assert_eq!(found, [2000.0, 2.0], "ages are no counts");
        let text = "The organisers, a coalition of seven trade unions, said more than 120,000 people had taken part.";
        assert_eq!(claims_of(text).iter().map(low).collect::<Vec<_>>(), [120000.0], "unions are no marchers");
        // "part" counts only after "take": "300 people, part of a convoy" took part in nothing.
        assert!(claims_of("The 300 villagers, part of a larger group, waited.").iter().all(|c| c.kind != ClaimKind::Participation));
    }

    /// The low end of a claim's value (NaN without one).
    fn low(claim: &Claim) -> f64 {
        claim.value.map_or(f64::NAN, |v| v.low)
    }

    /// (predicate, subject, low value) of each money claim of `text`.
    fn money(text: &str) -> Vec<(String, String, f64)> {
        claims_of(text).iter().filter(|c| c.kind == ClaimKind::Money).map(|c| (c.predicate.clone(), c.subject.clone(), low(c))).collect()
    }

    /// (predicate, low value) of each claim of `text`.
    fn predicates(text: &str) -> Vec<(String, f64)> {
        claims_of(text).iter().map(|c| (c.predicate.clone(), low(c))).collect()
    }

    #[test]
    fn counts_in_an_air_strike_story_are_read_for_what_they_count() {
        let text = "Valdoria's air force said Kavran had launched 48 drones, and that 41 of the drones and four of the missiles had been shot down. \
                    Two of the plant's four turbine units are out of action. Valenergo has deployed 38 repair crews, some 300 workers, to the plant. \
                    Kavrani forces struck the plant, killing at least four people and leaving some 200,000 households without power. \
                    Dozens of Valdorian servicemen guarding the depot were eliminated, the general said. Among the dead are two workers of the plant.";
        let found: Vec<(String, String, f64)> = claims_of(text)
            .iter()
            .filter(|c| c.kind != ClaimKind::Event)
            .map(|c| (c.predicate.clone(), c.subject.clone(), low(c)))
            .collect();
        let expected = [
            ("deployed", "crews", 38.0),
            ("deployed", "workers", 300.0),
            ("killed", "people", 4.0),
            ("killed", "Valdorian security forces", 20.0),
        ];
        for (predicate, subject, value) in expected {
            assert!(
                found.iter().any(|(p, s, v)| p == predicate && s == subject && *v == value),
                "{predicate} {subject} {value}: {found:?}"
            );
        }
        assert!(!found.iter().any(|(p, _, _)| p == "deployed" && found.iter().any(|(_, s, _)| s == "troops")), "{found:?}");
        assert!(!found.iter().any(|(_, _, v)| *v == 200000.0 || *v == 41.0), "{found:?}");
        assert!(!found.iter().any(|(_, s, _)| s.contains("protesters")), "workers in an air strike are no strikers: {found:?}");
    }

    #[test]
    fn adjectives_courts_and_armed_units_keep_their_readings() {
        assert_eq!(predicates("The famine killed an unprecedented 4,000 people."), [("killed".to_owned(), 4000.0)]);
        assert!(money("A jury awarded the family $5 million in damages. The airline posted $45 million in losses.")
            .iter()
            .all(|(p, _, _)| !p.starts_with("estimated")));
        let troops: Vec<String> =
            claims_of("Kavran has massed 12 artillery units near the border.").iter().map(|c| c.subject.clone()).collect();
        assert_eq!(troops, ["troops"]);
        // A labour strike at a missile factory is still a strike.
        let strike = "Workers at the missile factory walked out on Monday. About 3,000 workers joined the strike, the union said.";
        assert!(claims_of(strike).iter().any(|c| c.subject == "protesters"), "{:?}", claims_of(strike));
    }

    #[test]
    fn damage_estimates_are_one_figure_whoever_gives_them() {
        let found = money(
            "Its chief executive estimated the damage at about $45 million. Preliminary damage is estimated at more than 2 billion euros, the minister said. \
             Damage was put at 90 million kelars.
             The storm caused $3 million in damage. The government allocated 500 million euros for repairs.",
        );
        assert_eq!(
            found,
            [
                ("estimated (USD)".to_owned(), "damage".to_owned(), 45_000_000.0),
                ("estimated (EUR)".to_owned(), "damage".to_owned(), 2_000_000_000.0),
                ("estimated (kelar)".to_owned(), "damage".to_owned(), 90_000_000.0),
                ("estimated (USD)".to_owned(), "damage".to_owned(), 3_000_000.0),
                ("allocated (EUR)".to_owned(), "government".to_owned(), 500_000_000.0),
            ]
        );
    }

    #[test]
    fn rates_are_claims_of_the_rate_they_name() {
        let rates =
            |text: &str| claims_of(text).iter().filter(|c| c.predicate == "(%)").map(|c| (c.subject.clone(), low(c))).collect::<Vec<_>>();
        assert_eq!(rates("Annual inflation reached 48 percent in May."), [("inflation".to_owned(), 48.0)]);
        let raised = rates("The central bank raised its main interest rate by 2 percentage points to 35%.");
        assert_eq!(raised, [("interest rate".to_owned(), 35.0)]);
        let target = rates("The plan cuts the budget deficit to 3% of GDP by 2028, from 7.5% last year.");
        assert!(target.is_empty(), "a target and the figure moved from: {target:?}");
        assert!(rates("Sales rose 5% in May.").is_empty(), "no rate named");
        let found =
            rates("The bank raised its key rate to 21 percent. Inflation is 38%. The institute estimated it at between 45 and 50 percent.");
        assert_eq!(
            found,
            [("interest rate".to_owned(), 21.0), ("inflation".to_owned(), 38.0), ("inflation".to_owned(), 45.0)],
            "a bank's key rate is its interest rate, and a figure put on \"it\" restates the rate before"
        );
        assert!(rates("An area with an unemployment rate of at least 150 percent of the national average.").is_empty());
    }

    #[test]
    fn the_whole_of_a_partitive_rescues_and_vessels_are_no_casualties_or_troops() {
        let found = predicates("Three of its 23 crew members were missing, the operator said.");
        assert_eq!(found, [("missing".to_owned(), 3.0)], "23 is the crew, not the missing");
        assert_eq!(predicates("Navy rescues 20 sailors")[0].0, "rescued");
        assert_eq!(predicates("The army would send 1,500 soldiers to help with rescues.")[0].0, "deployed");
        let found =
            predicates("Twenty sailors were rescued by a passing ship. The navy rescued 20 sailors and was searching for three others.");
        assert_eq!(found, [("rescued".to_owned(), 20.0), ("rescued".to_owned(), 20.0), ("missing".to_owned(), 3.0)]);
        assert!(predicates("Police are searching for two suspects.").is_empty(), "suspects are no missing people");
        let found: Vec<(String, f64)> = claims_of("The navy has deployed four more patrol boats and 300 marines to the strait.")
            .iter()
            .filter(|c| c.kind == ClaimKind::Deployment)
            .map(|c| (c.subject.clone(), low(c)))
            .collect();
        assert_eq!(found, [("boats".to_owned(), 4.0), ("troops".to_owned(), 300.0)]);
        let found: Vec<(String, f64)> = claims_of("France's BEA has sent two investigators to the site.")
            .iter()
            .filter(|c| c.kind == ClaimKind::Deployment)
            .map(|c| (c.subject.clone(), low(c)))
            .collect();
        assert_eq!(found, [("investigators".to_owned(), 2.0)]);
    }

    #[test]
    fn a_figure_written_as_someones_claim_is_theirs() {
        let found: Vec<(f64, Option<String>)> =
            claims_of("Militia spokesman Arkady Volk said the army's claim of nine civilian deaths was \"propaganda\".")
                .iter()
                .map(|c| (low(c), c.attribution.as_ref().and_then(|a| a.canonical.clone())))
                .collect();
        assert_eq!(found, [(9.0, Some("army".to_owned()))]);
    }

    #[test]
    fn health_workers_are_no_crowd_and_generators_no_patients() {
        let found: Vec<(String, String)> = claims_of("Dunn said 16 people were killed in the attack, three of them health workers.")
            .iter()
            .map(|c| (c.predicate.clone(), c.subject.clone()))
            .collect();
        assert!(found.contains(&("among the killed".to_owned(), "health workers".to_owned())), "{found:?}");
        let cases = predicates("The ministry has recorded 1,090 cases of acute watery diarrhoea, including 38 deaths, since 22 April.");
        assert_eq!(cases, [("sickened".to_owned(), 1090.0), ("killed".to_owned(), 38.0)]);
        assert!(predicates("Clinics were receiving between 30 and 40 new cases a day.").is_empty(), "a rate is no total");
        let reported = predicates("The health ministry has reported 38 deaths and 1,090 cases.");
        assert_eq!(reported, [("killed".to_owned(), 38.0), ("sickened".to_owned(), 1090.0)]);
        assert!(predicates("In 12 cases, police used force.").is_empty());
        assert!(predicates("The mission documented 40 cases of torture in the region.").is_empty(), "no illness, no sick");
        assert_eq!(predicates("Gunmen killed 12 people a day after the ceasefire.")[0].0, "killed", "a day after dates the count");
        let found = predicates("She said the hospital's two generators had been damaged and that about 200 patients remained inside.");
        assert_eq!(found.iter().map(|(_, v)| *v).collect::<Vec<_>>(), [200.0], "{found:?}");
    }

    #[test]
    fn one_of_them_counts_one_of_the_group_named_before() {
        let found: Vec<(String, String)> =
            claims_of("More than 18 police officers have been killed, while more than 700 are wounded. One of them was found beheaded.")
                .iter()
                .filter(|c| c.predicate == "beheaded")
                .map(|c| (c.subject.clone(), c.value.as_ref().map_or(String::new(), |v| v.low.to_string())))
                .collect();
        assert_eq!(found, [("security forces".to_owned(), "1".to_owned())]);
    }

    #[test]
    fn fighters_are_a_group_of_their_own_and_terrorists_are_read_by_the_story() {
        let subjects =
            |text: &str| claims_of(text).iter().filter(|c| c.kind != ClaimKind::Event).map(|c| c.subject.clone()).collect::<Vec<_>>();
        assert_eq!(subjects("The ministry said 40 militants had been killed in the north."), ["fighters"]);
        assert_eq!(subjects("Rebels shelled the town. The army said it had killed 30 terrorists."), ["fighters"]);
        assert_eq!(subjects("Protests spread to the capital. Police said 26 terrorists were killed."), ["protesters"]);
        assert_eq!(subjects("Terrorists attacked the tanker with drones. The navy said three terrorists were killed."), ["fighters"]);
    }

    #[test]
    fn a_part_of_the_dead_is_counted_in_its_own_group_never_as_the_total() {
        let counts = |text: &str| claims_of(text).iter().map(|c| (c.predicate.clone(), c.subject.clone(), low(c))).collect::<Vec<_>>();
        let killed = |subject: &str, n: f64| ("killed".to_owned(), subject.to_owned(), n);
        let among = |subject: &str, n: f64| ("among the killed".to_owned(), subject.to_owned(), n);
        assert_eq!(
            counts("At least 14 people were killed on Tuesday. Among the dead were two children and a police officer, according to the ministry."),
            [killed("people", 14.0), among("children", 2.0), among("security forces", 1.0)]
        );
        assert_eq!(
            counts("Fourteen people died, including three women, a nurse and a journalist from Varna."),
            [killed("people", 14.0), among("women", 3.0), among("nurses", 1.0), among("journalists", 1.0)]
        );
        assert_eq!(counts("Two soldiers were among the dead."), [among("security forces", 2.0)]);
        assert_eq!(predicates("Two of the injured are in critical condition.")[0].0, "among the injured");
        // A comma between "including" and the number ends the part: the total follows it.
        assert_eq!(counts("Including the two guards, 16 people died."), [among("security forces", 2.0), killed("people", 16.0)]);
        assert_eq!(predicates("Six protesters were among those in hospital.")[0].0, "among those in hospital");
        assert_eq!(predicates("We treated more than 200 people yesterday, most of them for cuts."), [("injured".to_owned(), 200.0)]);
        assert!(predicates("The plant treated 400 tonnes of waste.").is_empty());
        let found = predicates("Its teams had treated 31 wounded, eight of them in critical condition.");
        assert_eq!(found, [("injured".to_owned(), 31.0), ("among the injured".to_owned(), 8.0)]);
    }

    #[test]
    fn a_death_toll_is_a_count_of_the_dead() {
        let found = predicates("Quake death toll rises to 87, hundreds hurt");
        assert_eq!(found, [("killed".to_owned(), 87.0), ("injured".to_owned(), 200.0)]);
        // A missile strike is an attack, not a walkout whose strikers are counted.
        assert_eq!(predicates("Missile strike on Kharkiv kills 40"), [("killed".to_owned(), 40.0)]);
        let found = predicates("The death toll from Sunday's missile strike on an apartment block has risen to 57.");
        assert_eq!(found, [("killed".to_owned(), 57.0)]);
        assert_eq!(predicates("Dar Vell: toll from market strike rises to 19"), [("killed".to_owned(), 19.0)]);
        let found = claims_of("Six Toskarian servicemen died in the attack. Four others were wounded.");
        assert_eq!(
            found.iter().map(|c| c.subject.as_str()).collect::<Vec<_>>(),
            ["Toskarian security forces", "Toskarian security forces"]
        );
        let found = claims_of("Three people were killed. Four others were wounded.");
        assert_eq!(found.iter().map(|c| c.subject.as_str()).collect::<Vec<_>>(), ["people", "people"]);
        // Two armed sides' dead are two groups.
        let subjects: Vec<String> =
            claims_of("At least 14 Varnian soldiers were killed. Six Toskarian servicemen died. Three soldiers were hurt.")
                .iter()
                .map(|c| c.subject.clone())
                .collect();
        assert_eq!(subjects, ["Varnian security forces", "Toskarian security forces", "security forces"]);
        let found = predicates("Death toll from Cyclone Dara rises to 31, dozens still missing");
        assert_eq!(found, [("killed".to_owned(), 31.0), ("missing".to_owned(), 20.0)]);
        let found = predicates("The number of injured in the province has climbed to 240, with 30 missing.");
        assert_eq!(found, [("injured".to_owned(), 240.0), ("missing".to_owned(), 30.0)]);
        let found = predicates("She said aircraft had bombed two villages in Kessa province, killing nine civilians.");
        assert_eq!(found[0], ("killed".to_owned(), 9.0), "villages are not people: {found:?}");
        assert!(!found.iter().any(|(_, n)| *n == 2.0), "villages are not people: {found:?}");
        assert_eq!(predicates("About 6,000 dock workers joined the strike.")[0].0, "took part");
        // People sent to prison are detained, not deployed.
        assert_eq!(predicates("Twelve inmates were sent to prison.")[0].0, "detained");
        assert_eq!(
            predicates("Among those detained were 14 journalists, including two from this newspaper."),
            [("among the detained".to_owned(), 14.0)]
        );
        let shares = |text: &str| -> Vec<(String, f64)> {
            claims_of(text).iter().filter(|c| c.subject.ends_with("share of the vote")).map(|c| (c.subject.clone(), low(c))).collect()
        };
        assert_eq!(
            shares("Opposition candidate Mira Voss, who officially won 38 percent of the vote against 57 percent for President Anton Gral, spoke."),
            [("Mira Voss's share of the vote".to_owned(), 38.0), ("Anton Gral's share of the vote".to_owned(), 57.0)]
        );
        assert_eq!(
            shares("After Sunday's election, Mara Ilescu said she had won no less than 40 percent. Turnout was 64 percent."),
            [("Mara Ilescu's share of the vote".to_owned(), 40.0)]
        );
        assert!(shares("Prices rose 40 percent after the vote.").is_empty());
        assert_eq!(predicates("Several hundred provocateurs tried to seize government buildings.")[0].0, "took part");
        // Captives are held, not deployed; "held a rally" holds no one.
        let found = predicates("The government offered to free 250 detainees in return for 80 soldiers held by the rebels.");
        assert_eq!(found, [("detained".to_owned(), 80.0)]);
        let subjects: Vec<String> =
            claims_of("Rebels captured 30 soldiers.").iter().filter(|c| c.kind != ClaimKind::Event).map(|c| c.subject.clone()).collect();
        assert_eq!(subjects, ["security forces"]);
        assert_eq!(predicates("More than 1,000 of its supporters remained in jail.")[0].0, "detained");
        assert_eq!(predicates("About 3,000 people held a rally in the square.")[0].0, "took part");
        let found = predicates("The ministry said 212 people were held for \"mass disorder\" and that 17 police officers were injured.");
        assert_eq!(found, [("detained".to_owned(), 212.0), ("injured".to_owned(), 17.0)]);
        // The hospital that names the speakers is not where the 23 are.
        let found = predicates("Doctors at the city's main hospital said 23 people were being treated for injuries.");
        assert_eq!(found, [("injured".to_owned(), 23.0)]);
        let found = claims_of("Organisers said 80,000 people joined the march, while police put the crowd at 12,000. Observers estimated it at between 40,000 and 50,000.");
        let figures: Vec<(&str, f64)> = found.iter().map(|c| (c.predicate.as_str(), c.value.unwrap().low)).collect();
        assert_eq!(figures, [("took part", 80000.0), ("took part", 12000.0), ("took part", 40000.0)]);
        // "of them" is of the group counted before.
        let found = claims_of("The ministry said 23 police officers had been injured, seven of them seriously.");
        let parts: Vec<(&str, &str)> = found.iter().map(|c| (c.subject.as_str(), c.predicate.as_str())).collect();
        assert_eq!(parts, [("security forces", "injured"), ("security forces", "among the injured")]);
        let found =
            claims_of("By Tuesday, 1,100 people had been detained, according to Civic Watch, which counted 1,120 arrests in 11 cities.");
        let sources: Vec<Option<&str>> = found.iter().map(|c| c.attribution.as_ref().and_then(|a| a.canonical.as_deref())).collect();
        assert_eq!(sources, [Some("Civic Watch"), Some("Civic Watch")], "the relative clause's figure is the speaker's: {found:?}");
        // A figure before the relative clause is not in it (and reading it must not panic).
        let found = claims_of("The 40 fighters of Civic Watch, which counted arrests, said 12 were hurt.");
        assert!(
            found.iter().all(|c| c.attribution.as_ref().and_then(|a| a.canonical.as_deref()) != Some("Civic Watch")
                || c.value.is_some_and(|v| v.low == 12.0)),
            "{found:?}"
        );
        let found = claims_of("Mara Ilescu, who was credited with 1,100 detained supporters, said 40 people were hurt.");
        assert!(found.iter().filter(|c| c.value.is_some_and(|v| v.low == 1100.0)).all(|c| c.attribution.is_none()), "{found:?}");
        // "of them" of a crowd counted in the sentence before: what befell them is a count.
        let found = claims_of("Tens of thousands of protesters filled the square. By Tuesday, more than 1,100 of them had been detained.");
        let counts: Vec<(&str, &str)> =
            found.iter().filter(|c| c.value.is_some()).map(|c| (c.subject.as_str(), c.predicate.as_str())).collect();
        assert_eq!(counts, [("protesters", "took part"), ("protesters", "detained")]);
        // A part is of the count it follows.
        let found = predicates(
            "Medics said the death toll had risen to 11, including four children, and that 23 people were being treated for wounds.",
        );
        assert_eq!(found, [("killed".to_owned(), 11.0), ("among the killed".to_owned(), 4.0), ("injured".to_owned(), 23.0)]);
        // What a count is part of says who they are.
        let subjects: Vec<String> = claims_of(
            "In return, 52 of our heroic soldiers and policemen returned home after months in captivity. \
             The government handed over 90 detained members of the rebel group.",
        )
        .iter()
        .map(|c| c.subject.clone())
        .collect();
        assert_eq!(subjects, ["security forces", "fighters"]);
        // Prisoners set free, exchanged, still held.
        let found = predicates("The government released 90 fighters, while the rebels freed 50 soldiers and police officers.");
        assert_eq!(found, [("released".to_owned(), 90.0), ("released".to_owned(), 50.0)]);
        assert_eq!(predicates("The government handed over 90 detained members of the group.")[0].0, "released");
        assert_eq!(predicates("Rival forces exchanged 140 prisoners on Monday.")[0].0, "exchanged");
        assert_eq!(predicates("In return, 52 soldiers returned home after months in captivity.")[0].0, "released");
        assert_eq!(predicates("It accused the government of holding back 30 of its commanders.")[0].0, "detained");
        assert!(predicates("The ministry released 40 pages of documents.").is_empty());
        // An outbreak's sick are no dead.
        let found = predicates("A cholera outbreak has killed 42 people and sickened more than 1,300 since late July.");
        assert_eq!(found, [("killed".to_owned(), 42.0), ("sickened".to_owned(), 1300.0)]);
        assert_eq!(predicates("The toll rose to 47 on Sunday, with 1,412 confirmed cases.")[1], ("sickened".to_owned(), 1412.0));
        assert!(predicates("In 12 cases, police used force.").is_empty());
        assert_eq!(predicates("Police detain hundreds as election protests sweep Dravosk")[0].0, "detained");
        let found = predicates("A court fined 96 protesters up to 2,000 lestars ($110) each and jailed 15 for ten days.");
        assert_eq!(found, [("jailed".to_owned(), 15.0)]);
        assert_eq!(predicates("A judge sentenced 12 activists to two years in prison.")[0].0, "jailed");
        assert_eq!(predicates("Police detained 50 people for several hours.")[0].0, "detained");
        let found = predicates("Twelve people in Gao and five in Mopti were killed.");
        assert_eq!(found, [("killed".to_owned(), 12.0), ("killed".to_owned(), 5.0)], "a list shares its predicate");
    }

    #[test]
    fn people_forced_from_their_homes_are_displaced_not_killed() {
        let found = predicates("At least 23 people have been killed and thousands forced from their homes. The storm destroyed 300 homes.");
        assert_eq!(found, [("killed".to_owned(), 23.0), ("displaced".to_owned(), 2000.0)], "houses are not people");
        let found = predicates("More than 2,000 people had been moved to shelters. The Red Crescent set up 14 shelters.");
        assert_eq!(found, [("displaced".to_owned(), 2000.0)], "shelters are not people");
        let found = predicates("About 10,000 refugees crossed the border on Monday.");
        assert_eq!(found, [("displaced".to_owned(), 10000.0)]);
        let found = predicates("The hospital received between 60 and 70 bodies. Two governing bodies met.");
        assert_eq!(found, [("killed".to_owned(), 60.0)], "governing bodies are no dead");
    }

    #[test]
    fn a_shipwreck_counts_its_dead_survivors_and_those_on_board() {
        let found = predicates("The bodies of 41 victims have been recovered.");
        assert_eq!(found, [("killed".to_owned(), 41.0)]);
        let found = predicates("Rescuers pulled 104 survivors from the water. Only 104 people are known to have survived.");
        assert_eq!(found, [("rescued".to_owned(), 104.0), ("rescued".to_owned(), 104.0)]);
        let found = predicates("Two survivors told this newspaper that the boat was pulled.");
        assert!(found.is_empty(), "those who speak are not counted: {found:?}");
        let found = predicates("As many as 600 people were on board. A bus carrying 40 pilgrims crashed.");
        assert_eq!(found, [("on board".to_owned(), 0.0), ("on board".to_owned(), 40.0)]);
        let found = predicates("The agency put the number of people on board at between 400 and 750.");
        assert_eq!(found, [("on board".to_owned(), 400.0)]);
        // Feared dead are counted with the dead, as the reports count them.
        let found = predicates("Hundreds of people are feared to have drowned. Five drowned.");
        assert_eq!(found, [("killed".to_owned(), 200.0), ("killed".to_owned(), 5.0)]);
        let found = predicates(
            "Gunmen abducted at least 120 pupils on Thursday. Bandits have kidnapped hundreds of people in the past two years. \
             Since 2019, 300 people have been killed.",
        );
        assert_eq!(found, [("abducted".to_owned(), 120.0)], "counts over years are background");
        let found = predicates("Of those on board, 142 have died and 21 survived. Twenty-two people on board survived.");
        assert_eq!(found, [("killed".to_owned(), 142.0), ("rescued".to_owned(), 21.0), ("rescued".to_owned(), 22.0)]);
        let found = predicates("It said 163 people had been on board, not the 162 it announced on Saturday.");
        assert_eq!(found, [("on board".to_owned(), 163.0)], "the corrected figure is no claim");
        let found = predicates("Police said 5,000 people took part, not the 50,000 claimed by organisers.");
        assert_eq!(found.len(), 2, "the organisers' figure is theirs: {found:?}");
        let found = predicates("Early reports that all 162 had died were wrong, officials said. Reports that 12 died were confirmed.");
        assert_eq!(found, [("killed".to_owned(), 12.0)], "a report said to be false is no claim");
        let found = predicates("The gatherings were provoked by false reports of hundreds of dead. Nine died in hospital.");
        assert_eq!(found, [("killed".to_owned(), 9.0)], "a report the sentence calls false is no claim");
        let found = predicates(
            "Our officers went in because the lives of eleven people were in danger. The riot claimed the lives of six inmates.",
        );
        assert_eq!(found, [("killed".to_owned(), 6.0)], "lives in danger are not lost");
        let found = predicates("Dozens gathered at the gates, and several said inmates had told them that many more had been killed.");
        assert!(!found.iter().any(|(p, _)| p == "killed"), "those who speak are no toll: {found:?}");
        let found =
            predicates("Of the detained, 163 were released after a preventive conversation, and materials on the rest were sent to court.");
        assert_eq!(found, [("released".to_owned(), 163.0)]);
        let found = predicates("About 2,000 were released from hospital. Rescuers saved the lives of 25 miners.");
        assert!(found.is_empty(), "no release from custody, no lives lost: {found:?}");
        let found = predicates("Two said to be militants were killed in the raid.");
        assert_eq!(found, [("killed".to_owned(), 2.0)]);
        let found = predicates("Two security officials said 40 people were killed in the raid.");
        assert_eq!(found, [("killed".to_owned(), 40.0)], "the officials who speak are no toll");
        let text =
            "Responding to reports that troops fired, the ministry said 12 protesters were killed and that claims of live fire were false.";
        assert_eq!(predicates(text), [("killed".to_owned(), 12.0)], "the figure is outside the false report");
        let found = predicates(
            "The fate of 15 other people who had been on board was not yet known. The fate of 3 is known. \
             The fate of 40 factories is not known. The fate of the 1.4 million sheltering in Rafah remains unclear.",
        );
        assert_eq!(found, [("missing".to_owned(), 15.0)]);
        let text = "There were 162 people on board: 156 passengers and six crew. At least 146 people were killed. \
                    The German Foreign Office said 14 Germans had died. All six crew members were killed. \
                    Officials said 12 citizens of Germany were among the dead.";
        let found: Vec<(String, String, f64)> = claims_of(text).iter().map(|c| (c.subject.clone(), c.predicate.clone(), low(c))).collect();
        let expected = [
            ("people", "on board", 162.0),
            ("passengers", "on board", 156.0),
            ("crew", "on board", 6.0),
            ("people", "killed", 146.0),
            ("Germans", "among the killed", 14.0),
            ("crew", "among the killed", 6.0),
            ("Germans", "among the killed", 12.0),
        ];
        assert_eq!(found, expected.map(|(s, p, n)| (s.to_owned(), p.to_owned(), n)));
        let found = predicates("The toll rose to 138. 12 citizens of Germany are among the dead. Nine children also died.");
        assert_eq!(found, [("killed".to_owned(), 138.0), ("among the killed".to_owned(), 12.0), ("among the killed".to_owned(), 9.0)]);
        let found = predicates("Ukraine said 30 Russian soldiers were killed. All 12 crew members were killed when the ship sank.");
        assert_eq!(found, [("killed".to_owned(), 30.0), ("killed".to_owned(), 12.0)], "no whole before them: each is a toll");
        let found = predicates("The state says 102 girls were taken. Eleven girls who escaped were taken to hospital.");
        assert_eq!(found, [("abducted".to_owned(), 102.0), ("escaped".to_owned(), 11.0)]);
        let found = predicates("The attackers overpowered two guards and killed one of them. An estimated 20 people and 30 more died.");
        assert!(!found.iter().any(|(_, n)| *n == 2.0), "{found:?}");
        assert!(found.contains(&("killed".to_owned(), 20.0)), "{found:?}");
        let found = predicates("Trucks carrying 200 tonnes of flour arrived. The school board met 12 times.");
        assert!(!found.iter().any(|(p, _)| p == "on board"), "{found:?}");
    }

    #[test]
    fn magnitudes_are_claims_about_the_quake_or_its_aftershock() {
        let found: Vec<(String, f64)> =
            claims_of("A magnitude 6.4 earthquake struck the valley. Two earthquakes hit in May. A 5.1 aftershock followed on Sunday.")
                .iter()
                .filter(|c| c.kind == ClaimKind::Measure)
                .map(|c| (c.subject.clone(), low(c)))
                .collect();
        assert_eq!(found, [("earthquake".to_owned(), 6.4), ("aftershock".to_owned(), 5.1)]);
    }

    #[test]
    fn an_old_figure_is_no_claim() {
        let killed = |text: &str| -> Vec<f64> { claims_of(text).iter().filter(|c| c.predicate == "killed").map(low).collect() };
        assert_eq!(killed("The number of people killed rose to 112 on Monday, up from 87 a day earlier."), [112.0]);
        assert_eq!(killed("The number of people killed rose from 87 to 112."), [112.0]);
        assert_eq!(killed("At least 112 people were killed, compared with 87 in the first attack."), [112.0]);
    }

    #[test]
    fn measures_are_compared_in_one_unit_per_dimension() {
        let measures = |text: &str| -> Vec<(String, String, f64, Option<f64>)> {
            claims_of(text)
                .into_iter()
                .filter(|c| c.kind == ClaimKind::Measure)
                .map(|c| (c.subject.clone(), c.predicate.clone(), low(&c), c.value.and_then(|v| v.high)))
                .collect()
        };
        let found = measures("The river rose more than 3 metres and flooded an area of about 1,200 square kilometres.");
        assert_eq!(found, [("level".into(), "rose (m)".into(), 3.0, None), ("area".into(), "flooded (km2)".into(), 1200.0, Some(1200.0))]);
        let found = measures("The water had risen nearly 10 feet. Teams counted about 460 square miles under water.");
        assert_eq!(
            found,
            [("level".into(), "rose (m)".into(), 2.743, Some(3.048)), ("area".into(), "flooded (km2)".into(), 1191.0, Some(1191.0))]
        );
        let found = measures("Winds of 120 mph tore roofs off. The fire has burned 5,000 acres.");
        assert_eq!(
            found,
            [("wind".into(), "speed (km/h)".into(), 193.1, Some(193.1)), ("area".into(), "burned (km2)".into(), 20.23, Some(20.23))]
        );
        // Nothing near says what is measured, or the unit's size depends on the country.
        assert!(measures("The convoy drove 40 km to the border.").is_empty());
        // A topic word belongs to the measure next to it, not to one beyond it.
        let found = measures("The quake struck at a depth of 10 km, 40 miles south-west of the capital.");
        assert_eq!(found, [("depth".into(), "(m)".into(), 10000.0, Some(10000.0))]);
        assert!(measures("The rise was blamed on 300 tons of debris.").is_empty());
    }

    #[test]
    fn a_promise_of_money_is_a_pledge() {
        let found = money("The European Union has promised 10 million euros, and Japan pledged $2 million.");
        assert!(found.contains(&("pledged (EUR)".to_owned(), "European Union".to_owned(), 1e7)), "{found:?}");
        assert!(found.contains(&("pledged (USD)".to_owned(), "Japan".to_owned(), 2e6)), "{found:?}");
        let found = money("The government would ask the International Monetary Fund for a loan of about $6 billion.");
        assert!(found.contains(&("lent (USD)".to_owned(), "International Monetary Fund".to_owned(), 6e9)), "{found:?}");
        // Aid held back is money too.
        let found = money("The European Union said it would freeze 120 million euros in budget support.");
        assert!(found.contains(&("froze (EUR)".to_owned(), "European Union".to_owned(), 1.2e8)), "{found:?}");
    }

    #[test]
    fn a_gapped_clause_pays_its_own_sum() {
        let found = money("The World Bank pledged $2bn in emergency funding, while the EU promised €1.5bn and Britain £300m.");
        let payers: Vec<&str> = found.iter().map(|(_, payer, _)| payer.as_str()).collect();
        assert_eq!(payers, ["World Bank", "European Union", "United Kingdom"], "{found:?}");
        assert_eq!(predicates("Roughly two dozen people remained unaccounted for.")[0].0, "missing");
    }

    #[test]
    fn money_claims_name_the_payer_the_verb_and_the_currency() {
        let found = money("The United Nations has released $4.5 million, while the European Union pledged 10 million euros in aid.");
        assert!(found.contains(&("released (USD)".to_owned(), "United Nations".to_owned(), 4.5e6)), "{found:?}");
        assert!(found.contains(&("pledged (EUR)".to_owned(), "European Union".to_owned(), 1e7)), "{found:?}");
        // No verb that moves money, or no one named who moves it: no claim.
        // A loan is lent by its lender, however the verb reports it.
        let approved = money("The International Monetary Fund approved a $3.2 billion loan for Solvania.");
        assert_eq!(approved, [("lent (USD)".to_owned(), "International Monetary Fund".to_owned(), 3.2e9)]);
        let secured = money("Solvania has secured a bailout of roughly $3 billion from the International Monetary Fund.");
        assert_eq!(secured, [("lent (USD)".to_owned(), "International Monetary Fund".to_owned(), 3e9)]);
        assert!(money("The bridge cost $40 million to build.").is_empty());
        assert!(money("Officials said $40 million was pledged.").is_empty());
        let sending = money("The World Food Programme said it was sending $2.5 million in emergency aid.");
        assert_eq!(sending, [("sent (USD)".to_owned(), "World Food Programme".to_owned(), 2.5e6)]);
        // An institution named by its kind alone, right before the verb.
        let announced = money("The government announced €40 million in reconstruction funds on Wednesday.");
        assert_eq!(announced, [("announced (EUR)".to_owned(), "government".to_owned(), 4e7)]);
        // A kind of organisation before the verb is the one named before it.
        let sent = money("The UN humanitarian coordinator, Paolo Brandt, said the agency would send $1.2 million in emergency aid.");
        assert_eq!(sent, [("sent (USD)".to_owned(), "United Nations".to_owned(), 1.2e6)]);
        // A place after "in" says where the payer is.
        let fined = money("A court in Dravosk on Tuesday fined 96 protesters $110 each.");
        assert_eq!(fined, [("fined (USD)".to_owned(), "court in Dravosk".to_owned(), 110.0)]);
        // A ransom asked for, by the actor whose label opens the clause, not the place after it.
        let ransom = money("Kidnappers holding the girls seized in Merda on Thursday have demanded 500 million naira for their release.");
        assert_eq!(ransom, [("demanded (NGN)".to_owned(), "kidnappers".to_owned(), 5e8)]);
    }
}
