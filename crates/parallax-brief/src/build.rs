//! Builds a [`Brief`] from the analysed articles of one story.

use crate::entities::EntityIndex;
use crate::model::*;
use parallax_core::layer::{Claims, Framing, Quantities, Quotes, Times};
use parallax_core::{format_number, Document, Interval, Span, Voice};
use parallax_nlp::lexicon;
use std::collections::{BTreeMap, BTreeSet};

/// Builds the brief of one story from its analysed documents, in citation order.
pub fn build_brief(story_id: usize, docs: &[&Document]) -> Brief {
    let entities = EntityIndex::build(docs);
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
        })
        .collect();
    let mut notes = Vec::new();
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
        facts: facts(docs, &entities),
        quotes: quotes(docs, &entities),
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
    upstream: String,
}

/// Aligns count claims across articles by (predicate, subject) and gives each a verdict.
fn facts(docs: &[&Document], entities: &EntityIndex) -> Vec<Fact> {
    let mut groups: BTreeMap<(String, String, String), Vec<Reported>> = BTreeMap::new();
    for doc in docs {
        let quantities = doc.layer::<Quantities>().unwrap_or(&[]);
        for claim in doc.layer::<Claims>().unwrap_or(&[]) {
            let approx = claim.value_span.and_then(|vs| quantities.iter().find(|q| q.span == vs)).is_some_and(|q| q.approx);
            let source = claim.attribution.as_ref().and_then(|a| a.canonical.as_deref()).map(|c| entities.canonical(c).to_owned());
            let upstream = upstream_key(doc, claim.attribution.as_ref().map(|a| doc.slice(a.span)), source.as_deref());
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
                attributed_source: source,
            };
            let key = (format!("{:?}", claim.kind).to_lowercase(), claim.predicate.clone(), claim.subject.clone());
            groups.entry(key).or_default().push(Reported { doc, report, interval: claim.value, approx, upstream });
        }
    }
    let mut facts: Vec<Fact> = groups
        .into_iter()
        .map(|((kind, predicate, subject), reported)| {
            let outlets: BTreeSet<String> = reported.iter().map(|r| outlet_key(r.doc)).collect();
            let upstream: BTreeSet<&str> = reported.iter().map(|r| r.upstream.as_str()).collect();
            let verdict = verdict(&reported);
            let figures: Vec<String> = reported.iter().map(|r| figure_text(r, docs)).collect();
            let summary = format!("{} {}: {}", capitalise(&subject), predicate, figures.join("; "));
            Fact {
                id: String::new(),
                verdict,
                summary,
                kind,
                predicate,
                subject,
                outlets: outlets.len(),
                upstream_sources: upstream.len(),
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

/// "more than 18 [1]" or "18 [2] (Interior Ministry)".
fn figure_text(reported: &Reported, docs: &[&Document]) -> String {
    let cite = docs.iter().position(|d| std::ptr::eq(*d, reported.doc)).map_or(0, |i| i + 1);
    let figure = reported
        .report
        .figure
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_else(|| reported.interval.map(|i| i.to_string()).unwrap_or_default());
    match &reported.report.attributed_source {
        Some(source) => format!("{figure} [{cite}] ({source})"),
        None => format!("{figure} [{cite}]"),
    }
}

/// The verdict over reports from different articles.
fn verdict(reported: &[Reported]) -> Verdict {
    let articles: BTreeSet<&str> = reported.iter().map(|r| r.doc.id.as_str()).collect();
    if articles.len() < 2 {
        return Verdict::SingleSource;
    }
    let mut all_equal = true;
    let mut any_disjoint = false;
    for (i, a) in reported.iter().enumerate() {
        for b in &reported[i + 1..] {
            if a.doc.id == b.doc.id {
                continue;
            }
            let (Some(x), Some(y)) = (a.interval, b.interval) else { continue };
            if x != y {
                all_equal = false;
            }
            if !widen(x, a.approx).overlaps(&widen(y, b.approx)) {
                any_disjoint = true;
            }
        }
    }
    if any_disjoint {
        Verdict::Disputed
    } else if all_equal {
        Verdict::Agreed
    } else {
        Verdict::Compatible
    }
}

/// An approximate point value ("about 2,500") stands for ±10%.
fn widen(interval: Interval, approx: bool) -> Interval {
    if approx && interval.is_exact() {
        Interval::closed(interval.low * 0.9, interval.low * 1.1)
    } else {
        interval
    }
}

/// The outlet an article counts as: its outlet name, or its id when unknown.
fn outlet_key(doc: &Document) -> String {
    doc.meta.outlet.clone().unwrap_or_else(|| doc.id.clone())
}

/// The upstream source behind a report: the country when an institution of one is named
/// ("the Russian RIA news agency", "Russia", "officials in Moscow" are one upstream), the
/// attributed source otherwise, and the outlet itself for unattributed reports.
fn upstream_key(doc: &Document, phrase: Option<&str>, source: Option<&str>) -> String {
    let Some(phrase) = phrase else { return format!("outlet:{}", outlet_key(doc)) };
    for word in phrase.split(|c: char| !c.is_alphanumeric()) {
        if let Some(country) =
            lexicon::place_of_demonym(word).or_else(|| lexicon::canonical_place(word)).or_else(|| lexicon::country_of_capital(word))
        {
            return format!("country:{country}");
        }
    }
    format!("source:{}", source.unwrap_or(phrase).to_lowercase())
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Quotes grouped by canonical speaker; identical content across articles is one entry.
fn quotes(docs: &[&Document], entities: &EntityIndex) -> Vec<QuoteEntry> {
    let mut entries: Vec<QuoteEntry> = Vec::new();
    for doc in docs {
        for quote in doc.layer::<Quotes>().unwrap_or(&[]) {
            let written = quote.source.as_ref().map(|s| doc.slice(s.span).to_owned());
            let speaker = quote
                .source
                .as_ref()
                .and_then(|s| s.canonical.as_deref())
                .map(|c| entities.canonical(c).to_owned())
                .or_else(|| written.clone())
                .unwrap_or_else(|| "unattributed".to_owned());
            let content = doc.slice(quote.content).to_owned();
            let report = QuoteReport { article: doc.id.clone(), speaker_as_written: written, content: evidence(doc, quote.content) };
            let kind = format!("{:?}", quote.kind).to_lowercase();
            match entries.iter_mut().find(|e| e.speaker == speaker && normalise(&e.content) == normalise(&content)) {
                Some(entry) => {
                    if !entry.articles.contains(&doc.id) {
                        entry.articles.push(doc.id.clone());
                    }
                    entry.reports.push(report);
                }
                None => entries.push(QuoteEntry { speaker, content, kind, articles: vec![doc.id.clone()], reports: vec![report] }),
            }
        }
    }
    entries.sort_by_key(|entry| entry.speaker.to_lowercase());
    entries
}

fn normalise(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Labels per actor and article, with voice and scare quotes.
fn framing(docs: &[&Document], entities: &EntityIndex) -> Vec<FramingEntry> {
    let mut out = Vec::new();
    for doc in docs {
        let mut by_actor: BTreeMap<&str, Vec<LabelUse>> = BTreeMap::new();
        for label in doc.layer::<Framing>().unwrap_or(&[]) {
            let (voice, speaker) = match &label.voice {
                Voice::Own => ("own", None),
                Voice::Quoted { speaker } => ("quoted", speaker.as_deref().map(|s| entities.canonical(s).to_owned())),
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
    let text = interval.to_string();
    if value.approx && interval.is_exact() {
        format!("about {}", format_number(value.low))
    } else {
        text
    }
}
