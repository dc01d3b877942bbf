//! Builds a [`Brief`] from the analysed articles of one story.

use crate::entities::EntityIndex;
use crate::model::*;
use crate::union_find::DisjointSets;
use parallax_core::layer::{Claims, Framing, Quantities, Quotes, Times};
use parallax_core::{format_number, Document, Interval, Source, Span, Voice};
use parallax_nlp::lexicon;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Builds the brief of one story from its analysed documents, in citation order.
pub fn build_brief(story_id: usize, docs: &[&Document]) -> Brief {
    build_brief_with_copies(story_id, docs, &HashMap::new())
}

/// Sentence embeddings that let the brief match one speaker's reports worded so
/// differently that they share too few words for the lexical rule ("his soldiers will stay
/// out of the city centre", "his soldiers would guard the harbour rather than police the
/// city"). The brief does not know which model stands behind it: `parallax-embed`'s
/// MiniLM is one, plugged in by the caller, so this crate never depends on a model.
pub trait StatementEmbedder {
    /// One unit-length vector per text, in order; an error is reported in the brief's
    /// notes and the lexical rule alone is used.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String>;
    /// The cosine at or above which two reports of one speaker are one statement.
    fn threshold(&self) -> f32;
}

/// How a brief is built beyond its documents. `Default` is the lexical-only brief.
#[derive(Clone, Copy, Default)]
pub struct BriefOptions<'a> {
    /// Also match a speaker's reports whose embeddings are close (see [`StatementEmbedder`]).
    pub embedder: Option<&'a dyn StatementEmbedder>,
}

impl std::fmt::Debug for BriefOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BriefOptions").field("embedder", &self.embedder.map(|e| e.threshold())).finish()
    }
}

/// Builds the brief of one story; `copies` maps the id of an article that is a near-copy
/// (a syndicated or re-published text) to the id of its original. A copy is listed and
/// cited, but it is not a second outlet: it counts as its original's.
pub fn build_brief_with_copies(story_id: usize, docs: &[&Document], copies: &HashMap<String, String>) -> Brief {
    build_brief_with_options(story_id, docs, copies, &BriefOptions::default())
}

/// Builds the brief of one story as [`build_brief_with_copies`] does, with `options`.
pub fn build_brief_with_options(story_id: usize, docs: &[&Document], copies: &HashMap<String, String>, options: &BriefOptions) -> Brief {
    let (dated, dated_notes) = dates_from_datelines(docs);
    let docs: Vec<&Document> = docs.iter().zip(&dated).map(|(doc, dated)| dated.as_ref().unwrap_or(doc)).collect();
    let docs = &docs[..];
    let entities = EntityIndex::build(docs);
    let outlet_of: HashMap<String, String> = docs
        .iter()
        .map(|doc| {
            let original = copies.get(&doc.id).and_then(|id| docs.iter().find(|d| &d.id == id)).unwrap_or(doc);
            (doc.id.clone(), outlet_key(original))
        })
        .collect();
    let articles: Vec<ArticleRef> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| ArticleRef {
            id: doc.id.clone(),
            cite: (i + 1).to_string(),
            outlet: doc.meta.outlet.clone(),
            url: doc.meta.url.clone(),
            title: doc.meta.title.clone(),
            published: doc.meta.published.clone(),
            input: doc.meta.input.clone(),
            language: doc.meta.language.clone(),
            authors: doc.meta.authors.clone(),
            duplicate_of: copies.get(&doc.id).cloned(),
        })
        .collect();
    let mut notes = dated_notes;
    let undated: Vec<&str> = docs.iter().filter(|d| d.meta.published.is_none()).map(|d| d.id.as_str()).collect();
    if !undated.is_empty() {
        notes.push(format!(
            "No publication date is known for {} of {} articles ({}); their weekdays and relative times are left unresolved.",
            undated.len(),
            docs.len(),
            undated.join(", ")
        ));
    }
    let title = docs.iter().find_map(|d| d.meta.title.clone()).unwrap_or_else(|| {
        let top: Vec<&str> = entities.entities.iter().take(3).map(|e| e.canonical.as_str()).collect();
        top.join(", ")
    });
    Brief {
        schema_version: SCHEMA_VERSION.to_owned(),
        story: StoryInfo { id: story_id, title },
        facts: facts(docs, &entities, &outlet_of),
        quotes: quotes(docs, &entities, options.embedder, &mut notes),
        entities: entities
            .entities
            .iter()
            .map(|e| EntityEntry {
                canonical: e.canonical.clone(),
                label: e.label.as_str().to_owned(),
                aliases: e.aliases.iter().cloned().collect(),
                articles: e.articles.iter().cloned().collect(),
                mentions: e.mentions,
            })
            .collect(),
        framing: framing(docs, &entities),
        timeline: timeline(docs),
        articles,
        notes,
    }
}

fn evidence(doc: &Document, span: Span) -> Evidence {
    Evidence { text: doc.slice(span).to_owned(), span: span.into() }
}

/// One article's report of a fact, before verdicts.
struct Reported<'a> {
    doc: &'a Document,
    report: Report,
    interval: Option<Interval>,
    approx: bool,
    /// Half the unit of the figure's last written digit, for rates written rounded ("48%"
    /// for 47.9%).
    rounding: Option<f64>,
    /// Identities of the upstream source; two reports sharing one rest on the same source.
    upstream: Vec<String>,
    /// For events: where the article says it happened.
    place: Option<String>,
}

/// Aligns count claims across articles by (predicate, subject) and gives each a verdict.
fn facts(docs: &[&Document], entities: &EntityIndex, outlet_of: &HashMap<String, String>) -> Vec<Fact> {
    let mut groups: BTreeMap<(String, String, String), Vec<Reported>> = BTreeMap::new();
    for doc in docs {
        let quantities = doc.layer::<Quantities>().unwrap_or(&[]);
        for claim in doc.layer::<Claims>().unwrap_or(&[]) {
            let approx = claim.value_span.and_then(|vs| quantities.iter().find(|q| q.span == vs)).is_some_and(|q| q.approx);
            // The attribution as the article wrote it, and its story-wide name.
            let written = claim.attribution.as_ref().map(|a| doc.slice(a.span));
            let source = claim.attribution.as_ref().and_then(|a| Some(entities.speaker(a.canonical.as_deref()?, written)));
            let mut upstream = upstream_keys(&outlet_of[&doc.id], written, source.as_deref());
            if let Some(source) = &source {
                upstream.extend(office_keys(written.into_iter().chain([source.as_str()]).chain(entities.aliases_of(source))));
            }
            let report = Report {
                article: doc.id.clone(),
                evidence: evidence(doc, claim.evidence),
                figure: claim.value_span.map(|s| evidence(doc, s)),
                value: claim.value.map(|v| Value {
                    low: v.low,
                    high: v.high,
                    low_inclusive: v.low_inclusive,
                    high_inclusive: v.high_inclusive,
                    approx,
                }),
                attributed_source: source.map(|s| as_written(&s, written)),
            };
            // Event subjects may be entity names ("Tokayev", "Blinken – Tileuberdi"): merged across articles.
            let subject = claim.subject.split(" – ").map(|name| entities.canonical(name)).collect::<Vec<_>>().join(" – ");
            let key = (format!("{:?}", claim.kind).to_lowercase(), claim.predicate.clone(), subject);
            groups.entry(key).or_default().push(Reported {
                doc,
                report,
                interval: claim.value,
                approx,
                rounding: claim.predicate.ends_with("(%)").then(|| claim.value.map(|v| half_last_digit(v.low))).flatten(),
                upstream,
                place: claim.place.clone(),
            });
        }
    }
    merge_general_groups(&mut groups);
    merge_place_actors(&mut groups, entities);
    drop_events_counted_elsewhere(&mut groups);
    for reported in groups.values_mut() {
        drop_restated_figures(reported);
    }
    let mut facts: Vec<Fact> = groups
        .into_iter()
        .map(|((kind, predicate, subject), reported)| {
            let outlets: BTreeSet<&str> = reported.iter().map(|r| outlet_of[&r.doc.id].as_str()).collect();
            // An article that names a source for a fact is taken to rest on it for its other,
            // unattributed figures of the same fact: they are not a second upstream source.
            let upstream = count_upstream_sources(&reported);
            let cumulative = kind != "event" && is_cumulative(&predicate);
            let verdict = verdict(&reported, cumulative);
            let note = [several_figures_note(&reported, docs), cumulative.then(|| rising_toll_note(&reported, docs)).flatten()]
                .into_iter()
                .flatten()
                .reduce(|a, b| format!("{a} {b}"));
            let figures: Vec<String> = reported.iter().map(|r| figure_text(r, docs)).collect();
            let (headline, summary) = if kind == "event" {
                event_summary(&predicate, &subject, &reported, docs, entities)
            } else {
                let headline = format!("{} {}", capitalise(&subject), predicate);
                let summary = format!("{headline}: {}", figures.join("; "));
                (headline, summary)
            };
            Fact {
                id: String::new(),
                verdict,
                summary,
                headline,
                kind,
                predicate,
                subject,
                outlets: outlets.len(),
                upstream_sources: upstream,
                note,
                reports: reported.into_iter().map(|r| r.report).collect(),
            }
        })
        .collect();
    facts.sort_by(|a, b| a.verdict.cmp(&b.verdict).then(b.outlets.cmp(&a.outlets)).then(a.summary.cmp(&b.summary)));
    for (i, fact) in facts.iter_mut().enumerate() {
        fact.id = format!("f{}", i + 1);
    }
    facts
}

/// "Troops deployed to Kazakhstan [1][2][3] (RIA [1])": an event, where it happened, and
/// who reports it on whose word.
fn event_summary(predicate: &str, subject: &str, reported: &[Reported], docs: &[&Document], entities: &EntityIndex) -> (String, String) {
    let mut places: BTreeMap<&str, usize> = BTreeMap::new();
    for r in reported {
        if let Some(place) = &r.place {
            *places.entry(entities.canonical(place)).or_default() += 1;
        }
    }
    // "Ternovo retaken", not "The Ternovo retaken in Ternovo": a named subject takes no
    // article, and is its own place.
    let place = places.iter().max_by_key(|(_, n)| **n).filter(|(p, _)| **p != subject).map(|(p, _)| format!(" in {p}")).unwrap_or_default();
    let the = if subject.starts_with(char::is_uppercase) { "" } else { "The " };
    let headline = match predicate {
        "spoke with" => match subject.split_once(" – ") {
            Some((a, b)) => format!("{a} spoke with {b}"),
            None => format!("{subject} spoke with someone"),
        },
        "triggered" => format!("What triggered the {subject}"),
        "declared" => format!("A {subject} declared"),
        "has members" => format!("Who the members of the {subject} are"),
        "ordered to fire" => format!("{subject} ordered forces to fire"),
        "retook" => format!("{the}{subject} retaken"),
        "seized" => format!("{the}{subject} seized"),
        "attacked" => format!("{the}{subject} attacked"),
        "deployment is temporary" => format!("The {subject}' deployment is temporary"),
        _ => format!("{} {predicate}", capitalise(subject)),
    };
    // Each article once, with the sources it names: "[2] (Russia, Kassym-Jomart Tokayev)".
    let mut by_article: Vec<(usize, Vec<&str>)> = Vec::new();
    for r in reported {
        let cite = cite_of(r.doc, docs);
        let at = match by_article.iter().position(|(c, _)| *c == cite) {
            Some(at) => at,
            None => {
                by_article.push((cite, Vec::new()));
                by_article.len() - 1
            }
        };
        if let Some(source) = r.report.attributed_source.as_deref().filter(|s| !by_article[at].1.contains(s)) {
            by_article[at].1.push(source);
        }
    }
    by_article.sort_by_key(|(cite, _)| *cite);
    let cites: Vec<String> = by_article
        .iter()
        .map(|(cite, sources)| if sources.is_empty() { format!("[{cite}]") } else { format!("[{cite}] ({})", sources.join(", ")) })
        .collect();
    let headline = format!("{headline}{place}");
    let summary = format!("{headline}: {}", cites.join("; "));
    (headline, summary)
}

/// "Kazakhstan sought assistance" and "Tokayev made a request for assistance" in one
/// article: when the articles that have a country do an act all have one person doing it
/// too, the person acted for the country and the two are one fact.
fn merge_place_actors(groups: &mut BTreeMap<(String, String, String), Vec<Reported>>, entities: &EntityIndex) {
    let label_of = |name: &str| entities.entities.iter().find(|e| e.canonical == name).map(|e| e.label);
    let places: Vec<(String, String, String)> = groups
        .keys()
        .filter(|(kind, _, subject)| kind == "event" && label_of(subject) == Some(parallax_core::EntityLabel::Place))
        .cloned()
        .collect();
    for key in places {
        let articles: BTreeSet<&str> = groups[&key].iter().map(|r| r.doc.id.as_str()).collect();
        let people: Vec<&(String, String, String)> = groups
            .keys()
            .filter(|(kind, predicate, subject)| {
                *kind == key.0 && *predicate == key.1 && label_of(subject) == Some(parallax_core::EntityLabel::Person)
            })
            .collect();
        let [person] = people.as_slice() else { continue };
        let person = (*person).clone();
        let person_articles: BTreeSet<&str> = groups[&person].iter().map(|r| r.doc.id.as_str()).collect();
        if articles.is_subset(&person_articles) {
            let moved = groups.remove(&key).unwrap_or_default();
            groups.entry(person).or_default().extend(moved);
        }
    }
}

/// An event ("troops deployed") that only articles giving a count of it report ("800
/// troops deployed") says nothing the count fact does not.
fn drop_events_counted_elsewhere(groups: &mut BTreeMap<(String, String, String), Vec<Reported>>) {
    let events: Vec<(String, String, String)> = groups.keys().filter(|(kind, _, _)| kind == "event").cloned().collect();
    for key in events {
        let articles: BTreeSet<&str> = groups[&key].iter().map(|r| r.doc.id.as_str()).collect();
        let counted = groups.iter().any(|((kind, predicate, subject), reported)| {
            kind != "event"
                && *predicate == key.1
                && *subject == key.2
                && articles.is_subset(&reported.iter().map(|r| r.doc.id.as_str()).collect())
        });
        if counted {
            groups.remove(&key);
        }
    }
}

/// "people" is the general group: when a predicate has it and exactly one specific group
/// ("protesters detained", "people detained"), both are taken to be the same fact. Armed men
/// are never the people of a report: "12 people killed" at a market and "40 militants killed"
/// are two facts, and so are "more than 1,000 supporters in jail" and "80 soldiers held".
fn merge_general_groups(groups: &mut BTreeMap<(String, String, String), Vec<Reported>>) {
    let general: Vec<(String, String, String)> = groups.keys().filter(|(_, _, subject)| subject == "people").cloned().collect();
    for key in general {
        let specific: Vec<(String, String, String)> = groups
            .keys()
            .filter(|(kind, predicate, subject)| *kind == key.0 && *predicate == key.1 && subject != "people")
            .cloned()
            .collect();
        if specific.iter().any(|(_, _, subject)| subject == "fighters" || subject == "security forces") {
            continue;
        }
        if let [target] = specific.as_slice() {
            let moved = groups.remove(&key).unwrap_or_default();
            groups.entry(target.clone()).or_default().extend(moved);
        }
    }
}

/// A figure an article states twice for one fact (the headline "death toll rises to 87"
/// and the body "… rose to 87, the governor's office said") is one report: the attributed
/// one is kept, the one whose source is more precise ("local health officials" over
/// "officials"), or, when both name the same source or none, the body's over the
/// headline's and else the first. Different figures, or one figure from two named sources,
/// all stay.
fn drop_restated_figures(reported: &mut Vec<Reported>) {
    let restated = |i: usize, r: &Reported| {
        r.interval.is_some()
            && reported.iter().enumerate().any(|(j, o)| {
                j != i
                    && std::ptr::eq(o.doc, r.doc)
                    && o.interval == r.interval
                    && o.approx == r.approx
                    && match (&o.report.attributed_source, &r.report.attributed_source) {
                        (Some(_), None) => true,
                        // "…, officials say" in the headline, "…, local health officials said"
                        // in the body: the more precise source is kept.
                        (Some(precise), Some(vague)) if precise.ends_with(&format!(" {vague}")) => true,
                        (a, b) => {
                            a == b
                                && match (in_headline(o), in_headline(r)) {
                                    (false, true) => true,
                                    (true, false) => false,
                                    _ => j < i,
                                }
                        }
                    }
            })
    };
    let keep: Vec<bool> = reported.iter().enumerate().map(|(i, r)| !restated(i, r)).collect();
    let all = std::mem::take(reported);
    *reported = all.into_iter().zip(keep).filter_map(|(r, keep)| keep.then_some(r)).collect();
}

/// The citation number of `doc` among `docs` (1-based).
fn cite_of(doc: &Document, docs: &[&Document]) -> usize {
    docs.iter().position(|d| std::ptr::eq(*d, doc)).map_or(0, |i| i + 1)
}

/// "more than 18 [1]" or "18 [2] (Interior Ministry)".
fn figure_text(reported: &Reported, docs: &[&Document]) -> String {
    let cite = cite_of(reported.doc, docs);
    let figure = reported
        .report
        .figure
        .as_ref()
        .map(|f| lowercase_first(&f.text))
        .unwrap_or_else(|| reported.interval.map(|i| i.to_string()).unwrap_or_default());
    match &reported.report.attributed_source {
        Some(source) => format!("{figure} [{cite}] ({source})"),
        None => format!("{figure} [{cite}]"),
    }
}

/// Predicates whose counts only grow as events unfold: a toll a later article gives higher
/// updates an earlier article's, it does not dispute it.
const CUMULATIVE: &[&str] = &["killed", "injured", "missing", "displaced", "detained", "in hospital"];

/// Whether a predicate counts something that only grows: one of [`CUMULATIVE`], or a part of
/// one ("among the killed": the children among the dead grow with the toll).
fn is_cumulative(predicate: &str) -> bool {
    let whole = predicate.strip_prefix("among the ").or_else(|| predicate.strip_prefix("among those ")).unwrap_or(predicate);
    CUMULATIVE.contains(&whole)
}

/// Whether one of two figures of a growing count is the other's later update: both articles
/// are dated, on different days, and the later one's figure is not below the earlier's.
fn later_update(a: &Reported, b: &Reported) -> bool {
    // Two sources called by their names give two counts, not one count and its update (212
    // detained by the Interior Ministry's count, 1,120 by Civic Watch's the next day); a
    // description ("officials", "the governor") may speak for the office that updates it.
    // "doctors and aid workers" (57) against the ministry's 38 are two counts too: only a
    // description of officials may be the office itself.
    let named = |r: &Reported| {
        r.report.attributed_source.as_deref().is_some_and(|s| {
            let official = s.split(|c: char| !c.is_alphabetic()).any(|w| OFFICIAL_WORDS.contains(&w.to_lowercase().as_str()));
            (s.starts_with(char::is_uppercase) && !r.upstream.is_empty()) || !official
        })
    };
    if named(a) && named(b) && !a.upstream.iter().any(|u| b.upstream.contains(u)) {
        return false;
    }
    let (Some(day_a), Some(day_b)) = (a.doc.meta.published_date(), b.doc.meta.published_date()) else { return false };
    let (Some(x), Some(y)) = (a.interval, b.interval) else { return false };
    match day_a.cmp(day_b) {
        std::cmp::Ordering::Less => y.low >= x.low,
        std::cmp::Ordering::Greater => x.low >= y.low,
        std::cmp::Ordering::Equal => false,
    }
}

/// "PORT ALVERA, 14 May (SSN) -": an article with no publication date whose dateline gives
/// the day and month takes the year that puts that day nearest (within a month) to the
/// story's dated articles. The article is copied with that date and its times resolved
/// again against it; a note says so. Articles left as they are map to `None`.
fn dates_from_datelines(docs: &[&Document]) -> (Vec<Option<Document>>, Vec<String>) {
    let known: Vec<(i32, u32, u32)> = docs.iter().filter_map(|d| d.meta.published_date()).filter_map(parse_day).collect();
    let mut notes = Vec::new();
    let dated = docs
        .iter()
        .map(|doc| {
            if doc.meta.published_date().is_some() || known.is_empty() {
                return None;
            }
            let text = doc.text().as_str();
            let sentences = doc.layer::<parallax_core::layer::Sentences>().ok()?;
            let line = sentences.iter().take(3).find_map(|s| {
                let dateline = parallax_nlp::text_util::dateline(&text[s.span.range()])?;
                parallax_core::Span::new(s.span.start(), s.span.start() + dateline.len).ok()
            })?;
            let time = doc.layer::<parallax_core::layer::Times>().ok()?.iter().find(|t| line.contains(t.span))?;
            let (month, day) = time.value.strip_prefix("XXXX-").and_then(|md| md.split_once('-'))?;
            let (month, day): (u32, u32) = (month.parse().ok()?, day.parse().ok()?);
            let year = known
                .iter()
                .flat_map(|&(y, m, d)| [y - 1, y, y + 1].map(|candidate| (candidate, (day_number(candidate, month, day) - day_number(y, m, d)).abs())))
                .filter(|&(_, gap)| gap <= 31)
                .min_by_key(|&(_, gap)| gap)
                .map(|(year, _)| year)?;
            let mut copy = (*doc).clone();
            copy.meta.published = Some(format!("{year:04}-{month:02}-{day:02}"));
            use parallax_core::Stage;
            parallax_nlp::times::TimeStage.annotate(&mut copy).ok()?;
            notes.push(format!(
                "The date of {} ({year:04}-{month:02}-{day:02}) is read from its dateline (“{}”) with the year of the story's other reports.",
                doc.id,
                &text[time.span.range()]
            ));
            Some(copy)
        })
        .collect();
    (dated, notes)
}

/// (year, month, day) of "2029-05-14".
fn parse_day(date: &str) -> Option<(i32, u32, u32)> {
    let mut parts = date.split('-');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), for distances between days.
fn day_number(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Words of a description that may stand for an office whose count it updates ("officials",
/// "the governor", "the ministry").
const OFFICIAL_WORDS: &[&str] = &[
    "official",
    "officials",
    "authorities",
    "authority",
    "government",
    "ministry",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mayor",
    "police",
    "office",
    "department",
    "agency",
    "army",
    "military",
];

/// "The toll rose between reports: 40 [1] on 2024-03-03, 57 [2] on 2024-03-05." when two
/// articles' figures of a growing count differ only as a later update.
fn rising_toll_note(reported: &[Reported], docs: &[&Document]) -> Option<String> {
    // The figures that take part in an update: a source's own count beside it is no step.
    let updates = |a: &Reported, b: &Reported| !std::ptr::eq(a.doc, b.doc) && later_update(a, b) && !figures_overlap(a, b);
    let steps: Vec<&Reported> = reported.iter().filter(|a| reported.iter().any(|b| updates(a, b) || updates(b, a))).collect();
    if steps.is_empty() {
        return None;
    }
    let mut dated: Vec<(&str, String)> = steps
        .into_iter()
        .filter_map(|r| {
            let day = r.doc.meta.published_date()?;
            Some((day, format!("{} on {day}", figure_text(r, docs))))
        })
        .collect();
    dated.sort_by(|a, b| a.0.cmp(b.0));
    let steps: Vec<String> = dated.into_iter().map(|(_, step)| step).collect();
    Some(format!("The figure rose between reports, a later one updating an earlier: {}.", steps.join(", ")))
}

/// The verdict over reports from different articles. Two articles dispute a fact when no
/// figure of one can be true together with any figure of the other: an article that gives
/// several figures (for different scopes, sources or times) is held to the one closest to
/// the other's. For a growing count (`cumulative`), a later article's higher figure updates
/// the earlier one's and is compatible with it.
fn verdict(reported: &[Reported], cumulative: bool) -> Verdict {
    let articles: BTreeSet<&str> = reported.iter().map(|r| r.doc.id.as_str()).collect();
    if articles.len() < 2 {
        return Verdict::SingleSource;
    }
    let mut all_equal = true;
    let mut any_disjoint = false;
    let articles: Vec<&str> = articles.into_iter().collect();
    for (i, first) in articles.iter().enumerate() {
        for second in &articles[i + 1..] {
            let mut compared = false;
            let mut any_overlap = false;
            for a in reported.iter().filter(|r| r.doc.id == *first && !refined_in_article(r, reported)) {
                for b in reported.iter().filter(|r| r.doc.id == *second && !refined_in_article(r, reported)) {
                    let (Some(x), Some(y)) = (a.interval, b.interval) else { continue };
                    compared = true;
                    all_equal &= x == y;
                    any_overlap |= figures_overlap(a, b) || (cumulative && later_update(a, b));
                }
            }
            any_disjoint |= compared && !any_overlap;
        }
    }
    // An article that sets two named sources' figures against each other reports a dispute
    // ("at least 87 killed, according to the UN … fewer than 30 had died, the minister
    // said"), though another article's figure lies near one of them. Across articles, figures
    // of different sources may count different scopes and are held to the closest (above).
    // For a count that does not grow with time, the outlet's own figure against a named
    // source's is a dispute too ("Ilescu, who was credited with 9.1 percent, said she had won
    // no less than 40 percent").
    let attributed = |r: &Reported| r.report.attributed_source.is_some() && !r.upstream.is_empty();
    let sourced: Vec<&Reported> = reported
        .iter()
        .filter(|r| (attributed(r) || (!cumulative && r.report.attributed_source.is_none())) && !refined_in_article(r, reported))
        .collect();
    let sources_disagree = sourced.iter().enumerate().any(|(i, a)| {
        sourced[i + 1..].iter().any(|b| {
            let different =
                std::ptr::eq(a.doc, b.doc) && (attributed(a) || attributed(b)) && !a.upstream.iter().any(|u| b.upstream.contains(u));
            let comparable = a.interval.is_some() && b.interval.is_some();
            different && comparable && !figures_overlap(a, b) && !(cumulative && later_update(a, b))
        })
    });
    if any_disjoint || sources_disagree {
        Verdict::Disputed
    } else if all_equal {
        Verdict::Agreed
    } else {
        Verdict::Compatible
    }
}

/// Whether an article gives a vague bounded figure and, inside it, an exact one ("arrested
/// dozens of people … the ministry said 51 had been detained"): the exact figure is the one
/// its verdict rests on. An open figure ("more than 700") is not vague in this sense: it
/// may count another scope than the figure inside it.
fn refined_in_article(figure: &Reported, reported: &[Reported]) -> bool {
    let Some(vague) = figure.interval.filter(|i| i.high.is_some() && !i.is_exact()) else { return false };
    // A headline's vague figure ("Gunmen abduct scores of pupils") is refined by any figure
    // the body gives within it ("at least 120").
    let headline = in_headline(figure);
    reported.iter().any(|o| {
        std::ptr::eq(o.doc, figure.doc)
            && o.interval.is_some_and(|other| {
                (other.is_exact() && vague.contains(&other)) || (headline && !in_headline(o) && figures_overlap(figure, o))
            })
    })
}

/// Whether a report rests on its article's headline.
fn in_headline(r: &Reported) -> bool {
    let blocks = r.doc.layer::<parallax_core::layer::Blocks>().unwrap_or(&[]);
    let evidence = &r.report.evidence.span;
    blocks.iter().any(|b| b.kind == parallax_core::BlockKind::Headline && b.span.start() <= evidence.start && evidence.end <= b.span.end())
}

/// "[1] gives more than one figure …" when an article states the fact with figures that
/// differ: the reader should see each, with its scope, source or time.
fn several_figures_note(reported: &[Reported], docs: &[&Document]) -> Option<String> {
    let mut cites = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let figures: Vec<Interval> = reported.iter().filter(|r| std::ptr::eq(*doc, r.doc)).filter_map(|r| r.interval).collect();
        if figures.iter().any(|f| *f != figures[0]) {
            cites.push(format!("[{}]", i + 1));
        }
    }
    (!cites.is_empty()).then(|| {
        let who = cites.join(" and ");
        let verb = if cites.len() == 1 { "gives" } else { "give" };
        format!("{who} {verb} more than one figure (different scopes, sources or times); each is shown.")
    })
}

/// Whether two reports' figures can both be true, approximate points widened (`widen`);
/// false when either gives none.
fn figures_overlap(a: &Reported, b: &Reported) -> bool {
    a.interval.zip(b.interval).is_some_and(|(x, y)| widen(x, a).overlaps(&widen(y, b)))
}

/// An approximate point value ("about 2,500") stands for ±10%; a rate for what rounds to it
/// ("48%" for 47.5–48.5%).
fn widen(interval: Interval, reported: &Reported) -> Interval {
    match reported.rounding {
        _ if !interval.is_exact() => interval,
        _ if reported.approx => Interval::closed(interval.low * 0.9, interval.low * 1.1),
        Some(half) => Interval::closed(interval.low - half, interval.low + half),
        None => interval,
    }
}

/// Half the unit of the last digit a value is written with: 0.5 for 48, 0.05 for 47.9.
fn half_last_digit(value: f64) -> f64 {
    let decimals = (0..3).find(|&d| {
        let scaled = value * 10f64.powi(d);
        (scaled - scaled.round()).abs() < 1e-6
    });
    0.5 * 10f64.powi(-decimals.unwrap_or(3))
}

/// The outlet an article counts as: its outlet name, or its id when unknown.
fn outlet_key(doc: &Document) -> String {
    doc.meta.outlet.clone().unwrap_or_else(|| doc.id.clone())
}

/// How many independent upstream sources stand behind `reported`: reports sharing an
/// identity (see [`upstream_keys`]) are one source. An article that names a source for a
/// fact is taken to rest on it for its unattributed figures of the same fact too.
fn count_upstream_sources(reported: &[Reported]) -> usize {
    let counted: Vec<&Reported> = reported
        .iter()
        .filter(|r| {
            r.report.attributed_source.is_some() || !reported.iter().any(|o| o.doc.id == r.doc.id && o.report.attributed_source.is_some())
        })
        .collect();
    let mut sets = DisjointSets::new(counted.len());
    for i in 0..counted.len() {
        for j in i + 1..counted.len() {
            if counted[i].upstream.iter().any(|key| counted[j].upstream.contains(key)) {
                sets.union(i, j);
            }
        }
    }
    sets.groups().len()
}

/// Words that name a kind of institution rather than a particular one.
const GENERIC_NAME_WORDS: &[&str] = &[
    "Interior",
    "Health",
    "Foreign",
    "Defence",
    "Defense",
    "Security",
    "National",
    "Federal",
    "State",
    "Central",
    "Public",
    "Human",
    "Rights",
    "City",
    "News",
    "Agency",
    "Press",
    "Local",
    "Media",
    "Officials",
    "Sources",
    "Reports",
    "Emergency",
    "Civil",
];

/// Identities of the source behind a report. Unattributed: the outlet itself. Attributed:
/// its canonical name, plus each distinctive name word in the attribution, with places,
/// demonyms and capitals folded into their country ("the Russian RIA news agency",
/// "Russia", "officials in Moscow" share `country:Russia`) and other names reduced to a
/// six-letter stem so that a demonym meets its place ("Orlenian" and "Orlenia").
fn upstream_keys(outlet: &str, phrase: Option<&str>, source: Option<&str>) -> Vec<String> {
    let Some(phrase) = phrase else { return vec![format!("outlet:{outlet}")] };
    let mut keys = vec![format!("source:{}", source.unwrap_or(phrase).to_lowercase())];
    for word in phrase.split(|c: char| !(c.is_alphanumeric() || c == '.')).map(|w| w.trim_end_matches('.')) {
        let country =
            lexicon::place_of_demonym(word).or_else(|| lexicon::canonical_place(word)).or_else(|| lexicon::country_of_capital(word));
        if let Some(country) = country {
            keys.push(format!("country:{country}"));
            continue;
        }
        let generic = [lexicon::ORG_HEADS, lexicon::ORG_STARTS, lexicon::PERSON_TITLES, lexicon::HONORIFICS, GENERIC_NAME_WORDS]
            .iter()
            .any(|list| list.contains(&word))
            || lexicon::contains_ci(lexicon::STOPWORDS, word)
            || lexicon::contains_ci(lexicon::ROLE_NOUNS, word);
        let is_name = word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() >= 3;
        if is_name && !generic {
            let stem: String = word.to_lowercase().chars().take(6).collect();
            keys.push(format!("name:{stem}"));
        }
    }
    keys
}

/// "Interior Minister Pavel Dorn" and "the interior ministry" speak from one office, and so
/// do "local health officials" and "the local health directorate": the key
/// `office:interior` for any name or alias of the source with "minister", "ministry" or
/// another head of an office after a field ("Interior", "Russian Foreign", "local health").
/// A prime minister has no ministry.
fn office_keys<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    const OFFICE_HEADS: &[&str] =
        &["minister", "ministry", "officials", "official", "directorate", "department", "authority", "authorities", "office"];
    let mut keys = Vec::new();
    for name in names {
        let words: Vec<String> = name.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
        let Some(at) = words.iter().position(|w| OFFICE_HEADS.contains(&w.as_str())) else { continue };
        // The words before it, back to an article, "deputy" or "prime".
        let start =
            words[..at].iter().rposition(|w| matches!(w.as_str(), "the" | "deputy" | "prime" | "a" | "its" | "an")).map_or(0, |k| k + 1);
        let mut field = &words[start..at];
        // "Ministry of Health", "the Ministry of the Interior": the field follows "of".
        if field.is_empty() && words.get(at + 1).is_some_and(|w| w == "of") {
            let from = at + 2 + usize::from(words.get(at + 2).is_some_and(|w| w == "the"));
            let to = (from..words.len()).find(|&k| matches!(words[k].as_str(), "of" | "in" | "for" | "and")).unwrap_or(words.len());
            field = &words[from.min(to)..to];
        }
        if field.is_empty() {
            continue;
        }
        let key = format!("office:{}", office_field(field));
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// The field of an office in one form: singular words, without a generic tail ("Emergency
/// Situations", "emergencies" → "emergency"; "Foreign Affairs" → "foreign").
pub(crate) fn office_field<S: AsRef<str>>(words: &[S]) -> String {
    let mut stems: Vec<String> = words.iter().map(|w| parallax_nlp::text_util::stem(w.as_ref())).collect();
    while stems.len() > 1 && stems.last().is_some_and(|w| matches!(w.as_str(), "situation" | "affair")) {
        stems.pop();
    }
    stems.join(" ")
}

/// A quote's source as the article wrote it, without the closing comma that PolNeAR-style
/// source spans keep after an apposition ("Petra Harvik,") and without a relative clause
/// about the speaker ("Coastwatch, an environmental group, which put the fuel lost at …").
/// A noun phrase the name was caught up in is left out ("a measure Governor Elise Marant
/// described as …" shows "Governor Elise Marant"); a description is not ("the central bank
/// governor Elise Marant", "the government in Lisca", "the office of Governor Elena Marquet").
fn source_as_written<'d>(doc: &'d Document, source: &Source) -> &'d str {
    let end = parallax_nlp::quotes::relative_clause_start(doc.text().as_str(), source.span).unwrap_or(source.span.end());
    let written = doc.text().as_str()[source.span.start()..end].trim_end_matches([',', ';', ':']).trim_end();
    let words: Vec<(usize, &str)> = written
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let name_at = words.iter().position(|(_, w)| w.starts_with(char::is_uppercase));
    let caught_up = name_at.is_some_and(|k| {
        k >= 2
            && matches!(words[0].1, "a" | "an" | "the")
            // What is left is a name ("the opposition Civic Forum party" is a description).
            && words[k..].iter().all(|(_, w)| w.starts_with(char::is_uppercase))
            && words[1..k].iter().all(|(_, w)| {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !lexicon::contains_ci(lexicon::ROLE_NOUNS, w)
                    && !lexicon::is_institution_noun(w)
                    && !matches!(*w, "of" | "in" | "from" | "at" | "for" | "on" | "with" | "by")
            })
    });
    match name_at.filter(|_| caught_up) {
        Some(k) => &written[words[k].0..],
        None => written,
    }
}

/// A speaker known only by a lower-cased description ("officials in moscow") is shown in
/// the case the article wrote it ("officials in Moscow"); names are shown as they are.
fn as_written(name: &str, written: Option<&str>) -> String {
    let described = name.chars().all(|c| !c.is_uppercase());
    let Some(written) = written.filter(|_| described) else { return name.to_owned() };
    let lower = written.to_lowercase();
    match lower.find(name) {
        Some(at) if lower.len() == written.len() && written.is_char_boundary(at) && written.is_char_boundary(at + name.len()) => {
            let shown = &written[at..at + name.len()];
            // A capital the sentence gave it ("Officials in Moscow said") is not the name's.
            let mut words = shown.split(' ');
            let first_word = words.next().unwrap_or(shown);
            // A known place or demonym, or the first of two capitalised words ("Port Vessant
            // police").
            let proper = lexicon::place_of_demonym(first_word).is_some()
                || lexicon::canonical_place(first_word).is_some()
                || words.next().is_some_and(|second| second.starts_with(char::is_uppercase));
            if at == 0 && !proper {
                lowercase_first(shown)
            } else {
                shown.to_owned()
            }
        }
        _ => name.to_owned(),
    }
}

/// "More than 18" → "more than 18"; acronyms and names keep their case.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_owned(),
    }
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Quotes grouped by canonical speaker. The same statement reported by several articles is
/// one entry, also when worded differently (see [`same_statement`]); `wording_differs`
/// flags an entry whose articles do not give the same words.
fn quotes(
    docs: &[&Document],
    entities: &EntityIndex,
    embedder: Option<&dyn StatementEmbedder>,
    notes: &mut Vec<String>,
) -> Vec<QuoteEntry> {
    struct Found<'a> {
        doc: &'a Document,
        speaker: String,
        content: String,
        kind: String,
        report: QuoteReport,
        words: BTreeSet<String>,
    }
    let mut found: Vec<Found> = Vec::new();
    for doc in docs {
        for quote in doc.layer::<Quotes>().unwrap_or(&[]).iter().filter(|q| !q.tentative) {
            // "The IMF, which has said …": a relative pronoun is shown as the speaker it stands for.
            let written = quote
                .source
                .as_ref()
                .map(|s| source_as_written(doc, s).to_owned())
                .filter(|w| !lexicon::RELATIVE_PRONOUNS.contains(&w.to_lowercase().as_str()));
            let speaker = quote
                .source
                .as_ref()
                .and_then(|s| s.canonical.as_deref())
                .map(|c| entities.speaker(c, written.as_deref()))
                .or_else(|| written.clone())
                .unwrap_or_else(|| "unattributed".to_owned());
            let content = doc.slice(quote.content).to_owned();
            let cue = quote.cue.and_then(|cue| telling_cue(doc.slice(cue)));
            let report = QuoteReport { article: doc.id.clone(), speaker_as_written: written, cue, content: evidence(doc, quote.content) };
            let kind = format!("{:?}", quote.kind).to_lowercase();
            found.push(Found { doc, speaker, words: content_words(&content), content, kind, report });
        }
    }
    resolve_roles(
        &mut found.iter_mut().map(|f| (&mut f.speaker, f.report.speaker_as_written.as_deref(), f.doc.id.as_str())).collect::<Vec<_>>(),
        entities,
    );
    // Embeddings only for reports that have another article's report of the same speaker
    // to be compared with: most quotes in a story are never embedded.
    let comparable: Vec<bool> =
        (0..found.len()).map(|i| found.iter().any(|other| other.speaker == found[i].speaker && other.doc.id != found[i].doc.id)).collect();
    let embeddings: Option<HashMap<usize, Vec<f32>>> = embedder.and_then(|embedder| {
        let wanted: Vec<usize> = (0..found.len()).filter(|&i| comparable[i]).collect();
        if wanted.is_empty() {
            return None;
        }
        let texts: Vec<&str> = wanted.iter().map(|&i| found[i].content.as_str()).collect();
        match embedder.embed(&texts) {
            Ok(vectors) if vectors.len() == wanted.len() => Some(wanted.into_iter().zip(vectors).collect()),
            Ok(_) => {
                notes.push("Statements were matched by wording only: the embedder returned the wrong number of vectors.".to_owned());
                None
            }
            Err(error) => {
                notes.push(format!("Statements were matched by wording only: the embedder failed ({error})."));
                None
            }
        }
    });
    let similar = |i: usize, j: usize| match (&embeddings, embedder) {
        (Some(vectors), Some(embedder)) => match (vectors.get(&i), vectors.get(&j)) {
            (Some(a), Some(b)) => dot(a, b) >= embedder.threshold(),
            _ => false,
        },
        _ => false,
    };
    // Identical words anywhere are one statement; otherwise only reports from different
    // articles are matched (one article's two quotes are two statements).
    // A statement is reported at most once per article: two groups that both hold reports
    // of one article are not joined by a match between other articles' reports.
    let mut sets = DisjointSets::new(found.len());
    let mut articles_of: Vec<BTreeSet<&str>> = found.iter().map(|f| BTreeSet::from([f.doc.id.as_str()])).collect();
    for i in 0..found.len() {
        for j in i + 1..found.len() {
            let (a, b) = (&found[i], &found[j]);
            if a.speaker != b.speaker {
                continue;
            }
            let identical = normalise(&a.content) == normalise(&b.content);
            let matched =
                identical || (a.doc.id != b.doc.id && (same_statement(&a.content, &a.words, &b.content, &b.words) || similar(i, j)));
            let (ri, rj) = (sets.root(i), sets.root(j));
            if !matched || ri == rj || (!identical && !articles_of[ri].is_disjoint(&articles_of[rj])) {
                continue;
            }
            sets.union(i, j);
            let joined: BTreeSet<&str> = articles_of[ri].union(&articles_of[rj]).copied().collect();
            let root = sets.root(i);
            articles_of[root] = joined;
        }
    }
    let mut entries: Vec<QuoteEntry> = Vec::new();
    for group in sets.groups() {
        let members: Vec<&Found> = group.iter().map(|&i| &found[i]).collect();
        let first = members[0];
        let mut articles: Vec<String> = Vec::new();
        for member in &members {
            if !articles.contains(&member.doc.id) {
                articles.push(member.doc.id.clone());
            }
        }
        let wording_differs = members.iter().any(|m| normalise(&m.content) != normalise(&first.content));
        entries.push(QuoteEntry {
            speaker: as_written(&first.speaker, first.report.speaker_as_written.as_deref()),
            content: first.content.clone(),
            kind: first.kind.clone(),
            articles,
            wording_differs,
            reports: members.iter().map(|m| m.report.clone()).collect(),
        });
    }
    entries.sort_by(|a, b| {
        a.speaker.to_lowercase().cmp(&b.speaker.to_lowercase()).then_with(|| quote_order(a, docs).cmp(&quote_order(b, docs)))
    });
    entries
}

/// A reporting verb that says more than that something was said ("denied", "accused",
/// "claimed", "did not say"), lower-cased; none for the plain ones.
fn telling_cue(cue: &str) -> Option<String> {
    const PLAIN: &[&str] = &[
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "tell",
        "telling",
        "added",
        "adds",
        "adding",
        "according to",
        "stated",
        "states",
        "explained",
        "noted",
        "wrote",
        "writes",
        "reported",
        "reports",
        "announced",
        "announces",
        "replied",
        "answered",
        "asked",
        "continued",
        "went on",
        "communicated",
        "shown",
        "show",
        "shows",
        "showed",
    ];
    // "has also called" → "called", "said:" → "said": auxiliaries and adverbs before the
    // verb, punctuation after it, say nothing of how it was said.
    const BEFORE_VERB: &[&str] = &["has", "have", "had", "is", "are", "was", "were", "been", "be", "also", "later", "then", "again"];
    let lower = cue.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .skip_while(|w| BEFORE_VERB.contains(w))
        .collect();
    let cue = words.join(" ");
    (!cue.is_empty() && !PLAIN.contains(&cue.as_str())).then_some(cue)
}

/// Speakers named by their office: when the story names exactly one person as "interior
/// minister" ("Interior Minister Petra N. Halvik", "The Minister of the Interior, Petra
/// Harvik"), a speaker given by that office alone ("The interior minister") or by it and a
/// bare surname the resolver left ambiguous ("Interior Minister Halvik") is that person.
///
/// A bare surname so resolved stands for that person everywhere else in the same article
/// ("she said", resolved by the quotes layer to "Halvik").
fn resolve_roles(speakers: &mut [(&mut String, Option<&str>, &str)], entities: &EntityIndex) {
    let is_person = |name: &str| entities.entities.iter().any(|e| e.canonical == name && e.label == parallax_core::EntityLabel::Person);
    // office → holder → the countries named beside the office ("Kazakhstan Foreign Minister …").
    let mut holders: BTreeMap<String, BTreeMap<String, BTreeSet<&str>>> = BTreeMap::new();
    for (speaker, written, _) in speakers.iter() {
        let (Some(written), true) = (written, speaker.contains(' ') && is_person(speaker)) else { continue };
        if let Some(role) = office(written) {
            holders.entry(role).or_default().entry((**speaker).clone()).or_default().extend(countries(written));
        }
    }
    let mut surnames: BTreeMap<(String, String), String> = BTreeMap::new();
    for (speaker, written, article) in speakers.iter_mut() {
        let Some(role) = written.and_then(office) else { continue };
        let named = countries(written.unwrap_or_default());
        let Some(holder) = holders
            .get(&role)
            .filter(|h| h.len() == 1)
            .and_then(|h| h.iter().next())
            .filter(|(_, theirs)| named.is_subset(theirs))
            .map(|(holder, _)| holder)
        else {
            continue;
        };
        let unresolved = !is_person(speaker);
        let bare_surname = !speaker.contains(' ') && holder.rsplit(' ').next().is_some_and(|last| last == speaker.as_str());
        if bare_surname {
            surnames.insert(((*article).to_owned(), (**speaker).clone()), holder.clone());
        }
        if unresolved || bare_surname {
            **speaker = holder.clone();
        }
    }
    for (speaker, _, article) in speakers.iter_mut() {
        if let Some(holder) = surnames.get(&((*article).to_owned(), (**speaker).clone())) {
            **speaker = holder.clone();
        }
    }
}

/// The countries a phrase names by name, demonym or alias ("U.S.", "Russian", "Kazakhstan").
fn countries(phrase: &str) -> BTreeSet<&'static str> {
    parallax_nlp::text_util::words(phrase).filter_map(|w| lexicon::place_of_demonym(w).or_else(|| lexicon::canonical_place(w))).collect()
}

/// The office a speaker phrase names, as "interior minister": a role noun with the word
/// before it that specifies it, or "minister of the interior". A bare role ("spokesperson",
/// "minister") is too common to name one person and gives none.
fn office(written: &str) -> Option<String> {
    let words: Vec<String> = parallax_nlp::text_util::words(written).map(|w| w.to_lowercase()).collect();
    let at = words.iter().position(|w| lexicon::contains_ci(lexicon::ROLE_NOUNS, w))?;
    let role = words[at].as_str();
    let qualifier = |w: &str| lexicon::is_person_title(w) && !lexicon::contains_ci(lexicon::ROLE_NOUNS, w);
    if let Some(before) = at.checked_sub(1).map(|i| words[i].as_str()).filter(|w| qualifier(w)) {
        return Some(format!("{before} {role}"));
    }
    let after: Vec<&str> = words[at + 1..].iter().map(String::as_str).filter(|w| *w != "the").take(2).collect();
    match after.as_slice() {
        ["of", specific, ..] if qualifier(specific) => Some(format!("{specific} {role}")),
        _ => None,
    }
}

/// Where an entry's first report stands: its article's position, then its offset.
fn quote_order(entry: &QuoteEntry, docs: &[&Document]) -> (usize, usize) {
    let first = &entry.reports[0];
    (docs.iter().position(|d| d.id == first.article).unwrap_or(usize::MAX), first.content.span.start)
}

/// Content words of a quote, stemmed, with a leading "re" of verbs dropped ("reopen" and
/// "open again" share "open").
fn content_words(text: &str) -> BTreeSet<String> {
    parallax_nlp::text_util::words(text)
        .filter(|w| !lexicon::contains_ci(lexicon::STOPWORDS, w) && w.chars().count() > 2)
        .map(|w| {
            let stem = parallax_nlp::text_util::stem(w);
            match stem.strip_prefix("re") {
                Some(rest) if rest.len() >= 4 => rest.to_owned(),
                _ => stem,
            }
        })
        .filter(|w| !QUOTE_FILLER.contains(&w.as_str()))
        .collect()
}

/// Words too common in reported speech to tell two statements apart.
const QUOTE_FILLER: &[&str] = &[
    "will", "would", "was", "were", "are", "have", "has", "had", "been", "not", "said", "says", "say", "that", "this", "there", "they",
    "them", "their", "who", "which", "what", "all", "also", "any", "can", "could", "should", "must", "may", "might", "very", "now",
    "again", "just", "our", "your", "its", "his", "her", "she", "him", "you", "about", "from", "with", "into",
];

/// Two reports of one speaker state the same thing: one's words hold the other's entirely
/// (a partial quote: "saboteurs" inside "They were saboteurs"), or they share at least two
/// content words that make up most of the shorter one ("the port would reopen on Thursday",
/// "the port will open again on Thursday").
fn same_statement(a: &str, a_words: &BTreeSet<String>, b: &str, b_words: &BTreeSet<String>) -> bool {
    let (short, long) = if normalise(a).len() <= normalise(b).len() { (a, b) } else { (b, a) };
    let short_norm = normalise(short);
    if !short_norm.is_empty() && normalise(long).contains(&short_norm) && (a_words.len().min(b_words.len()) >= 1) {
        return true;
    }
    let shared = a_words.intersection(b_words).count();
    let smaller = a_words.len().min(b_words.len());
    shared >= 2 && smaller > 0 && shared * 5 >= smaller * 3
}

/// The lexical rule alone ([`same_statement`] on the reports' content words): whether two
/// reports of one speaker are one statement without embeddings. Public for the evaluation.
pub fn same_statement_by_wording(a: &str, b: &str) -> bool {
    same_statement(a, &content_words(a), b, &content_words(b))
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn normalise(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Labels per actor and article, with voice and scare quotes.
fn framing(docs: &[&Document], entities: &EntityIndex) -> Vec<FramingEntry> {
    let mut out = Vec::new();
    for doc in docs {
        let mut by_actor: BTreeMap<&str, Vec<LabelUse>> = BTreeMap::new();
        // A described speaker is shown as the article wrote it ("Officials in Moscow").
        let written_source = |canonical: &str| {
            doc.layer::<Quotes>()
                .unwrap_or(&[])
                .iter()
                .filter_map(|q| q.source.as_ref())
                .find(|s| s.canonical.as_deref() == Some(canonical))
                .map(|s| source_as_written(doc, s))
        };
        for label in doc.layer::<Framing>().unwrap_or(&[]) {
            let (voice, speaker) = match &label.voice {
                Voice::Own => ("own", None),
                Voice::Quoted { speaker } => (
                    "quoted",
                    speaker.as_deref().map(|s| {
                        let written = written_source(s);
                        as_written(&entities.speaker(s, written), written)
                    }),
                ),
            };
            let uses = by_actor.entry(label.actor.as_str()).or_default();
            match uses
                .iter_mut()
                .find(|u| u.term == label.term && u.voice == voice && u.speaker == speaker && u.scare_quoted == label.scare_quoted)
            {
                Some(existing) => existing.count += 1,
                None => uses.push(LabelUse {
                    term: label.term.clone(),
                    voice: voice.to_owned(),
                    speaker,
                    scare_quoted: label.scare_quoted,
                    count: 1,
                    first: evidence(doc, label.span),
                }),
            }
        }
        for (actor, labels) in by_actor {
            out.push(FramingEntry { actor: actor.to_owned(), article: doc.id.clone(), labels });
        }
    }
    out.sort_by(|a, b| a.actor.cmp(&b.actor));
    out
}

/// Time expressions with the sentence they date, in time order.
fn timeline(docs: &[&Document]) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    for doc in docs {
        let sentences = doc.layer::<parallax_core::layer::Sentences>().unwrap_or(&[]);
        for time in doc.layer::<Times>().unwrap_or(&[]) {
            // Only expressions that place an event on a day: dates, weekdays, times of day.
            let datable = time.value.starts_with(|c: char| c.is_ascii_digit()) || time.value.starts_with("XXXX");
            if !matches!(time.kind, parallax_core::TimeKind::Date | parallax_core::TimeKind::Time) || !datable {
                continue;
            }
            let Some(sentence) = sentences.iter().find(|s| s.span.contains(time.span)) else { continue };
            if is_date_line(doc.text().as_str(), sentence.span, time.span) {
                continue;
            }
            entries.push(TimelineEntry {
                when: time.value.clone(),
                as_written: doc.slice(time.span).to_owned(),
                article: doc.id.clone(),
                evidence: evidence(doc, sentence.span),
            });
        }
    }
    entries.sort_by(|a, b| sort_key(&a.when).cmp(&sort_key(&b.when)).then(a.article.cmp(&b.article)));
    entries
}

/// Whether `sentence` is a line that only dates the article ("Published: 9 March 2027", a
/// date alone, "Updated 10:40 GMT"): when it was written is no event of the story.
fn is_date_line(text: &str, sentence: parallax_core::Span, time: parallax_core::Span) -> bool {
    let rest = format!("{} {}", &text[sentence.start()..time.start()], &text[time.end()..sentence.end()]);
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '.' | '-' | '|')).to_lowercase();
    ["", "published", "published on", "posted", "posted on", "date", "updated", "last updated", "first published"].contains(&rest.as_str())
}

/// Orders TIMEX values: weekdays of an unknown week by weekday, parts of day by hour.
fn sort_key(value: &str) -> (String, u8) {
    let part = match value.rsplit('T').next() {
        Some("MO") => 1,
        Some("AF") => 2,
        Some("EV") => 3,
        Some("NI") => 4,
        _ => 0,
    };
    let date = value.split('T').next().unwrap_or(value).to_owned();
    (date, part)
}

/// A figure as a plain interval string, for renderers.
pub fn value_text(value: &Value) -> String {
    let interval = Interval { low: value.low, high: value.high, low_inclusive: value.low_inclusive, high_inclusive: value.high_inclusive };
    // One value reads as in prose ("about 2,500"); a range keeps its brackets.
    if interval.is_exact() {
        value_words(value)
    } else {
        interval.to_string()
    }
}

/// A value in words, for prose: "about 1,191", "more than 3", "at least 23", "2.743 to 3.048".
pub fn value_words(value: &Value) -> String {
    match value.high {
        Some(high) if high == value.low && value.approx => format!("about {}", format_number(value.low)),
        Some(high) if high == value.low => format_number(value.low),
        Some(high) => format!("{} to {}", format_number(value.low), format_number(high)),
        None if value.low_inclusive => format!("at least {}", format_number(value.low)),
        None => format!("more than {}", format_number(value.low)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reporting_verb_is_named_only_when_it_says_more_than_said() {
        assert_eq!(telling_cue("denied").as_deref(), Some("denied"));
        assert_eq!(telling_cue("has also called").as_deref(), Some("called"));
        assert_eq!(telling_cue("has been accused").as_deref(), Some("accused"));
        for plain in ["said", "said:", "has said", "also stated", "told", "According to", "have shown"] {
            assert_eq!(telling_cue(plain), None, "{plain}");
        }
    }

    #[test]
    fn a_source_is_shown_without_its_closing_comma_or_relative_clause() {
        let text = "The spill had spread, said Coastwatch, an environmental group, which put the loss at 2,000 tonnes. Petra Harvik, the minister, said so. \
                    The rise was a measure Governor Elise Marant described as needed, the central bank governor Elise Marant said, \
                    and the office of Governor Elise Marant said so too, as did the opposition Civic Forum party.";
        let doc = Document::new("t", text, Default::default());
        let source = |phrase: &str| {
            let start = text.find(phrase).unwrap();
            Source { span: parallax_core::Span::new(start, start + phrase.len()).unwrap(), canonical: None }
        };
        let shown = source_as_written(&doc, &source("Coastwatch, an environmental group, which put the loss at 2,000 tonnes"));
        assert_eq!(shown, "Coastwatch, an environmental group");
        assert_eq!(source_as_written(&doc, &source("Petra Harvik, the minister,")), "Petra Harvik, the minister");
        assert_eq!(source_as_written(&doc, &source("a measure Governor Elise Marant")), "Governor Elise Marant");
        assert_eq!(source_as_written(&doc, &source("the central bank governor Elise Marant")), "the central bank governor Elise Marant");
        assert_eq!(source_as_written(&doc, &source("the office of Governor Elise Marant")), "the office of Governor Elise Marant");
        assert_eq!(source_as_written(&doc, &source("the opposition Civic Forum party")), "the opposition Civic Forum party");
    }

    #[test]
    fn a_minister_and_the_ministry_speak_from_one_office() {
        let keys = |names: &[&str]| office_keys(names.iter().copied());
        assert_eq!(keys(&["Mr Dorn", "Interior Minister Pavel Dorn"]), ["office:interior"]);
        assert_eq!(keys(&["the interior ministry"]), ["office:interior"]);
        assert_eq!(keys(&["Ministry of Health"]), ["office:health"]);
        assert_eq!(keys(&["the emergencies ministry"]), keys(&["Ministry of Emergency Situations"]));
        assert_ne!(keys(&["Russian Foreign Minister Sergei Lavrov"]), keys(&["the Russian defence ministry"]));
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2029, 5, 16) - day_number(2029, 5, 14), 2);
        assert_eq!(day_number(2029, 1, 2) - day_number(2028, 12, 31), 2, "across a year's end");
        assert_eq!(keys(&["the Ministry of the Interior"]), ["office:interior"]);
        assert_eq!(keys(&["Russian Foreign Minister Sergei Lavrov"]), ["office:russian foreign"]);
        assert!(keys(&["Prime Minister Ana Ruiz", "the ministry", "Deputy Minister Ivo Kan"]).is_empty());
    }

    #[test]
    fn values_in_words() {
        let value = |low: f64, high: Option<f64>, low_inclusive: bool, approx: bool| Value {
            low,
            high,
            low_inclusive,
            high_inclusive: true,
            approx,
        };
        assert_eq!(value_words(&value(1191.0, Some(1191.0), true, true)), "about 1,191");
        assert_eq!(value_words(&value(3.0, None, false, false)), "more than 3");
        assert_eq!(value_words(&value(23.0, None, true, false)), "at least 23");
        assert_eq!(value_words(&value(2.743, Some(3.048), true, true)), "2.743 to 3.048");
    }

    fn same(a: &str, b: &str) -> bool {
        same_statement(a, &content_words(a), b, &content_words(b))
    }

    #[test]
    fn the_same_statement_is_matched_across_wordings() {
        assert!(same("the port would reopen on Thursday", "the port will open again on Thursday"));
        assert!(same(
            "the port would reopen on Thursday",
            "The port will reopen on Thursday, and every docker who wants to work will be protected"
        ));
        assert!(same("saboteurs", "These were not workers defending their wages. They were saboteurs"));
        assert!(!same("the port would reopen on Thursday", "the curfew would stay in force until Thursday"));
        assert!(!same("We will not go back to work", "The port belongs to the people who load the ships"));
    }

    /// `text` run through the default pipeline as the article `id`.
    fn analyse(id: &str, text: &str) -> Document {
        parallax_nlp::default_pipeline().unwrap().run(Document::new(id, text, Default::default())).unwrap()
    }

    #[test]
    fn the_line_that_dates_the_article_is_no_event() {
        let doc = analyse("a", "Tanker hit in the strait\nPublished: 9 March 2027\n\nA tanker was hit on Tuesday, March 9, the navy said.");
        let written: Vec<String> = timeline(&[&doc]).into_iter().map(|e| e.as_written).collect();
        assert!(!written.iter().any(|w| w.contains("2027")), "{written:?}");
        assert!(written.iter().any(|w| w.contains("Tuesday")), "{written:?}");
    }

    #[test]
    fn one_article_s_two_statements_stay_two_entries() {
        let first = analyse(
            "a",
            "Mayor Anna Brandt spoke in Port Vessant. \"The harbour will reopen on Thursday,\" Brandt said. \
             \"The dock workers are heroes of the harbour,\" Brandt said later.",
        );
        let second = analyse(
            "b",
            "Mayor Anna Brandt said the harbour would reopen on Thursday and that the dock workers were heroes of the harbour.",
        );
        let brief = build_brief(1, &[&first, &second]);
        let brandt: Vec<&QuoteEntry> = brief.quotes.iter().filter(|q| q.speaker == "Anna Brandt").collect();
        assert!(brandt.iter().any(|q| q.articles.len() == 2), "the indirect report matches a quote of the first article: {brandt:?}");
        for entry in &brandt {
            let from_first = entry.reports.iter().filter(|r| r.article == "a").count();
            assert!(from_first <= 1, "two statements of one article joined through another article: {entry:?}");
        }
    }

    #[test]
    fn a_figure_an_article_restates_is_one_report() {
        let first = analyse(
            "a",
            "Quake death toll rises to 87\n\nThe death toll from the earthquake rose to 87 on Sunday, the governor's office said. \
             Rescuers said 90 people had died.",
        );
        let second = analyse("b", "Quake kills 87\n\nThe earthquake killed 87 people, the Red Cross said.");
        let brief = build_brief(1, &[&first, &second]);
        let killed = brief.facts.iter().find(|f| f.predicate == "killed").expect("a fact of the dead");
        let from_first: Vec<_> = killed.reports.iter().filter(|r| r.article == "a").collect();
        assert_eq!(from_first.len(), 2, "the headline's 87 restates the body's; 90 is another figure: {from_first:?}");
        assert!(from_first.iter().any(|r| r.attributed_source.is_some() && r.value.as_ref().is_some_and(|v| v.low == 87.0)));
        // A vaguer source in the headline restates the body's precise one.
        let third =
            analyse("c", "Strike kills at least 12, officials say\n\nThe strike killed at least 12 people, local health officials said.");
        let brief = build_brief(1, &[&third]);
        let killed = brief.facts.iter().find(|f| f.predicate == "killed").expect("a fact of the dead");
        let sources: Vec<Option<&str>> = killed.reports.iter().map(|r| r.attributed_source.as_deref()).collect();
        assert_eq!(sources, [Some("local health officials")]);
        // A headline's vague figure gives way to the body's within it.
        let wire = analyse("e", "Gunmen abduct scores of pupils\n\nGunmen abducted at least 120 pupils on Thursday, police said.");
        let state = analyse("f", "Governor: 102 pupils abducted\n\nThe governor said that 102 pupils were abducted on Thursday.");
        let brief = build_brief(1, &[&wire, &state]);
        let abducted = brief.facts.iter().find(|f| f.predicate == "abducted").expect("a fact of the abducted");
        assert_eq!(abducted.verdict, Verdict::Disputed, "{abducted:?}");
        // With no source on either, the body's sentence stands for the headline's.
        let fourth = analyse("d", "Quake kills 87\n\nThe earthquake on Sunday killed 87 people in the valley.");
        let brief = build_brief(1, &[&fourth]);
        let killed = brief.facts.iter().find(|f| f.predicate == "killed").expect("a fact of the dead");
        let evidence: Vec<&str> = killed.reports.iter().map(|r| r.evidence.text.as_str()).collect();
        assert_eq!(evidence, ["The earthquake on Sunday killed 87 people in the valley."]);
    }

    #[test]
    fn a_rate_written_rounded_agrees_with_its_decimals() {
        let verdict = |first: &str, second: &str| {
            let (a, b) = (analyse("a", first), analyse("b", second));
            build_brief(1, &[&a, &b]).facts.into_iter().find(|f| f.subject == "inflation").expect("a fact of inflation").verdict
        };
        assert_eq!(verdict("Inflation reached 48 percent in May.", "Inflation stood at 47.9% in May."), Verdict::Compatible);
        assert_eq!(verdict("Inflation reached 45 percent in May.", "Inflation stood at 47.9% in May."), Verdict::Disputed);
        assert_eq!(half_last_digit(48.0), 0.5);
        assert!((half_last_digit(47.9) - 0.05).abs() < 1e-9);
    }

    #[test]
    fn a_named_place_retaken_is_written_by_its_name() {
        let (a, b) = (
            analyse("a", "The army regained control of Ternovo on Monday."),
            analyse("b", "Government forces retook Ternovo after heavy fighting."),
        );
        let brief = build_brief(1, &[&a, &b]);
        let summaries: Vec<&str> = brief.facts.iter().filter(|f| f.predicate == "retook").map(|f| f.summary.as_str()).collect();
        assert!(summaries.iter().any(|s| s.starts_with("Ternovo retaken") && !s.contains(" in Ternovo")), "{summaries:?}");
    }

    #[test]
    fn an_article_setting_two_sources_figures_against_each_other_reports_a_dispute() {
        let killed = |first: &str, second: &str| {
            let (a, b) = (analyse("a", first), analyse("b", second));
            let brief = build_brief(1, &[&a, &b]);
            brief.facts.into_iter().find(|f| f.predicate == "killed").expect("a fact of the dead").verdict
        };
        let near_one = "Scores of people were killed in the clashes, residents said.";
        assert_eq!(
            killed(near_one, "At least 87 people were killed, the UN said. The minister said fewer than 30 people had died."),
            Verdict::Disputed
        );
        // Across articles, each is held to the figure closest to the other's.
        assert_eq!(
            killed("At least 87 people were killed, the UN said.", "Scores of people were killed in the clashes, residents said."),
            Verdict::Compatible
        );
    }

    #[test]
    fn an_exact_figure_refines_the_vague_one_around_it() {
        let first = analyse("a", "Police said 43 people were arrested.");
        let second = analyse("b", "Police arrested dozens of people. The ministry said 51 people had been detained.");
        let brief = build_brief(1, &[&first, &second]);
        let detained = brief.facts.iter().find(|f| f.predicate == "detained").expect("a fact of arrests");
        assert_eq!(detained.verdict, Verdict::Disputed, "43 against 51; 'dozens' does not reconcile them");
    }

    #[test]
    fn people_are_never_merged_with_armed_men() {
        let first = analyse("a", "A drone strike on the market killed 12 people, officials said.");
        let second = analyse("b", "The ministry said 40 militants had been killed in the north. Rebels captured 30 soldiers.");
        let third = analyse("c", "More than 1,000 supporters of the rebels remained in jail, their spokesman said.");
        let brief = build_brief(1, &[&first, &second, &third]);
        let facts: Vec<(&str, &str)> =
            brief.facts.iter().filter(|f| f.kind != "event").map(|f| (f.predicate.as_str(), f.subject.as_str())).collect();
        for expected in [("killed", "people"), ("killed", "fighters"), ("detained", "security forces"), ("detained", "people")] {
            assert!(facts.contains(&expected), "{expected:?} in {facts:?}");
        }
    }

    #[test]
    fn a_later_higher_toll_updates_an_earlier_one() {
        let dated = |id: &str, day: &str, text: &str| {
            let meta = parallax_core::Metadata { published: Some(day.to_owned()), ..Default::default() };
            parallax_nlp::default_pipeline().unwrap().run(Document::new(id, text, meta)).unwrap()
        };
        let toll = |first_day: &str, second_day: &str| {
            let first = dated("a", first_day, "Missile strike on Varna kills 40\n\nThe strike killed 40 people in Varna, officials said.");
            let second = dated("b", second_day, "Varna toll rises to 57\n\nThe death toll in Varna has risen to 57, the governor said.");
            let brief = build_brief(1, &[&first, &second]);
            brief.facts.into_iter().find(|f| f.predicate == "killed").expect("a fact of the dead")
        };
        let updated = toll("2024-03-03", "2024-03-05");
        assert_eq!(updated.verdict, Verdict::Compatible);
        assert!(updated.note.as_deref().is_some_and(|n| n.contains("rose between reports")), "{:?}", updated.note);
        // On the same day, or lower later, the figures dispute each other.
        assert_eq!(toll("2024-03-03", "2024-03-03").verdict, Verdict::Disputed);
        assert_eq!(toll("2024-03-05", "2024-03-03").verdict, Verdict::Disputed);
        // Two sources called by name count apart: a later higher figure is no update.
        let first = dated("a", "2024-03-03", "Police detain 212 in Varna\n\nPolice detained 212 people, the Interior Ministry said.");
        let second =
            dated("b", "2024-03-05", "Civic Watch counts 1,120 arrests\n\nPolice detained 1,120 people in Varna, Civic Watch said.");
        let brief = build_brief(1, &[&first, &second]);
        let detained = brief.facts.iter().find(|f| f.predicate == "detained").expect("a fact of the detained");
        assert_eq!(detained.verdict, Verdict::Disputed, "{detained:?}");
        // The note lists the steps of the update, not another source's count beside them.
        let third = dated("c", "2024-03-05", "Police detain 300 in Varna\n\nPolice detained 300 people, the Interior Ministry said.");
        let brief = build_brief(1, &[&first, &second, &third]);
        let detained = brief.facts.iter().find(|f| f.predicate == "detained").expect("a fact of the detained");
        let note = detained.note.as_deref().unwrap_or_default();
        assert!(note.contains("212 [1]") && note.contains("300 [3]") && !note.contains("1,120"), "{note}");
        // The children among the dead grow with the toll.
        let first = dated("a", "2024-03-03", "The strike killed 40 people in Varna, among them three children, officials said.");
        let second = dated("b", "2024-03-05", "The death toll in Varna has risen to 57, including five children, the governor said.");
        let brief = build_brief(1, &[&first, &second]);
        let part = brief.facts.iter().find(|f| f.predicate == "among the killed").expect("a fact of the children");
        assert_eq!(part.verdict, Verdict::Compatible);
    }

    #[test]
    fn descriptions_are_shown_as_written() {
        assert_eq!(as_written("officials in moscow", Some("Officials in Moscow")), "officials in Moscow");
        assert_eq!(as_written("kestrian government", Some("The Kestrian government")), "Kestrian government");
        assert_eq!(as_written("Ned Price", Some("Price")), "Ned Price");
        assert_eq!(as_written("port vessant police", Some("Port Vessant police")), "Port Vessant police");
        assert_eq!(as_written("eu spokesperson", None), "eu spokesperson");
    }

    #[test]
    fn offices_are_read_from_speaker_phrases() {
        assert_eq!(office("Interior Minister Petra N. Halvik").as_deref(), Some("interior minister"));
        assert_eq!(office("The Minister of the Interior, Petra Harvik,").as_deref(), Some("interior minister"));
        assert_eq!(office("The interior minister,").as_deref(), Some("interior minister"));
        assert_eq!(office("a 22-year-old chef"), None);
        assert_eq!(office("An EU spokesperson"), None, "a bare role names no one");
        assert_eq!(countries("Kazakhstan Foreign Minister Mukhtar Tileuberdi").into_iter().collect::<Vec<_>>(), ["Kazakhstan"]);
    }

    #[test]
    fn an_office_resolves_a_speaker_only_when_one_person_holds_it() {
        use parallax_core::{layer::Entities, EntityLabel, EntityMention, Metadata, Span};
        let text = "Interior Minister Petra Halvik spoke. Jonas Halvik spoke.";
        let mut doc = Document::new("a", text, Metadata::default());
        let mention = |start, end, name: &str| EntityMention {
            span: Span::new(start, end).unwrap(),
            label: EntityLabel::Person,
            canonical: name.into(),
            title: None,
        };
        doc.set_layer::<Entities>(vec![mention(18, 30, "Petra Halvik"), mention(38, 50, "Jonas Halvik")]).unwrap();
        let entities = EntityIndex::build(&[&doc]);
        let (mut petra, mut bare, mut office_only, mut jonas) =
            ("Petra Halvik".to_owned(), "Halvik".to_owned(), "interior minister".to_owned(), "Halvik".to_owned());
        let mut speakers = vec![
            (&mut petra, Some("Interior Minister Petra Halvik"), "a"),
            (&mut bare, Some("Interior Minister Halvik"), "b"),
            (&mut office_only, Some("The interior minister"), "c"),
            (&mut jonas, Some("he"), "c"),
        ];
        resolve_roles(&mut speakers, &entities);
        assert_eq!(bare, "Petra Halvik");
        assert_eq!(office_only, "Petra Halvik");
        assert_eq!(jonas, "Halvik", "a surname in another article is not carried over");
    }
}
