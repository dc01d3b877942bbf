//! Renders a brief as terminal text or Markdown. Writers take any `io::Write`.
//!
//! Every line that states something cites the articles it rests on as `[n]`, n being the
//! article's `cite` mark listed at the top.

use crate::build::value_text;
use crate::model::*;
use std::io::{self, Write};

/// Text or Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Text,
    Markdown,
}

/// Writes `brief` in `style`.
pub fn render(brief: &Brief, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let md = style == Style::Markdown;
    let cite = |id: &str| brief.articles.iter().find(|a| a.id == id).map_or_else(|| format!("[{id}]"), |a| format!("[{}]", a.cite));
    let heading = |out: &mut dyn Write, level: usize, text: &str| -> io::Result<()> {
        if md {
            writeln!(out, "\n{} {text}\n", "#".repeat(level))
        } else if level == 1 {
            writeln!(out, "{text}\n{}", "=".repeat(text.chars().count()))
        } else {
            writeln!(out, "\n{text}\n{}", "-".repeat(text.chars().count()))
        }
    };
    let bullet = if md { "- " } else { "  • " };

    heading(out, 1, &format!("Story {}: {}", brief.story.id, brief.story.title))?;
    heading(out, 2, "Articles")?;
    for article in &brief.articles {
        let outlet = article.outlet.as_deref().unwrap_or("outlet unknown");
        let published = article.published.as_deref().unwrap_or("date unknown");
        let title = article.title.as_deref().unwrap_or("(no headline)");
        let place = article.input.as_deref().or(article.url.as_deref()).unwrap_or(&article.id);
        writeln!(out, "{bullet}[{}] {outlet} — {title} — {published} — {place}", article.cite)?;
    }

    for verdict in [Verdict::Agreed, Verdict::Compatible, Verdict::Disputed, Verdict::SingleSource] {
        let facts: Vec<&Fact> = brief.facts.iter().filter(|f| f.verdict == verdict).collect();
        let title = match verdict {
            Verdict::Agreed => "Agreed",
            Verdict::Compatible => "Compatible",
            Verdict::Disputed => "Disputed",
            Verdict::SingleSource => "Single-source",
        };
        heading(out, 2, &format!("{title} ({})", facts.len()))?;
        if facts.is_empty() {
            writeln!(out, "{bullet}none found")?;
        }
        for fact in facts {
            let upstream = if fact.outlets > 1 {
                format!(
                    " — {} outlets, {} independent source{}",
                    fact.outlets,
                    fact.upstream_sources,
                    if fact.upstream_sources == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            writeln!(out, "{bullet}{}{upstream}", fact.summary)?;
            if let Some(note) = &fact.note {
                writeln!(out, "    Note: {note}")?;
            }
            let unit = fact.unit().map(|unit| format!(" {unit}")).unwrap_or_default();
            for report in &fact.reports {
                let value = report.value.as_ref().map(|v| format!(" {}{unit}", value_text(v))).unwrap_or_default();
                let source = match (&report.value, report.attributed_source.as_deref()) {
                    (_, None) => String::new(),
                    (Some(_), Some(s)) => format!(", per {s}"),
                    (None, Some(s)) => format!(" per {s}"),
                };
                writeln!(out, "    {}{value}{source}: “{}”", cite(&report.article), clip(&report.evidence.text, 160))?;
            }
        }
    }

    heading(out, 2, "Who said what")?;
    if brief.quotes.is_empty() {
        writeln!(out, "{bullet}no quotes found")?;
    }
    let mut last_speaker = "";
    for quote in &brief.quotes {
        if quote.speaker != last_speaker {
            writeln!(out, "{bullet}{}", quote.speaker)?;
            last_speaker = &quote.speaker;
        }
        let cites: Vec<String> = quote.articles.iter().map(|a| cite(a)).collect();
        let as_written: Vec<&str> =
            quote.reports.iter().filter_map(|r| r.speaker_as_written.as_deref()).filter(|w| *w != quote.speaker).collect();
        let aka = if as_written.is_empty() { String::new() } else { format!(" (as “{}”)", as_written.join("”, “")) };
        writeln!(out, "    {} {}: “{}”{aka}", cites.join(""), quote.how(), clip(&quote.content, 200))?;
        if quote.wording_differs {
            for report in quote.reports.iter().filter(|r| r.content.text != quote.content) {
                writeln!(out, "      worded differently in {}: “{}”", cite(&report.article), clip(&report.content.text, 200))?;
            }
        }
    }

    heading(out, 2, "Entities")?;
    for entity in brief.entities.iter().filter(|e| e.mentions > 1 || e.articles.len() > 1) {
        let cites: Vec<String> = entity.articles.iter().map(|a| cite(a)).collect();
        let aliases =
            if entity.aliases.is_empty() { String::new() } else { format!(" — also “{}”", entity.aliases.join("”, “")) };
        writeln!(out, "{bullet}{} ({}){aliases} {}", entity.canonical, entity.label, cites.join(""))?;
    }
    let once: Vec<String> = brief
        .entities
        .iter()
        .filter(|e| e.mentions <= 1 && e.articles.len() <= 1)
        .map(|e| format!("{} ({}) {}", e.canonical, e.label, e.articles.iter().map(|a| cite(a)).collect::<String>()))
        .collect();
    if !once.is_empty() {
        writeln!(out, "{bullet}named once: {}", once.join("; "))?;
    }

    heading(out, 2, "Framing")?;
    if brief.framing.is_empty() {
        writeln!(out, "{bullet}no actor labels found")?;
    }
    let mut last_actor = "";
    for entry in &brief.framing {
        if entry.actor != last_actor {
            writeln!(out, "{bullet}{}", entry.actor)?;
            last_actor = &entry.actor;
        }
        let uses: Vec<String> = entry
            .labels
            .iter()
            .map(|l| {
                let term = if l.scare_quoted { format!("“{}” (scare quotes)", l.term) } else { l.term.clone() };
                match (&l.voice[..], &l.speaker) {
                    ("quoted", Some(speaker)) => format!("{term} quoting {speaker}"),
                    ("quoted", None) => format!("{term} in a quote"),
                    _ => format!("{term} own voice"),
                }
            })
            .collect();
        writeln!(out, "    {} {}", cite(&entry.article), uses.join("; "))?;
    }

    heading(out, 2, "Timeline")?;
    if brief.timeline.is_empty() {
        writeln!(out, "{bullet}no dated events found")?;
    }
    for entry in &brief.timeline {
        writeln!(
            out,
            "{bullet}{} — “{}” {}: “{}”",
            when_label(&entry.when),
            entry.as_written,
            cite(&entry.article),
            clip(&entry.evidence.text, 140)
        )?;
    }

    if !brief.notes.is_empty() {
        heading(out, 2, "Notes")?;
        for note in &brief.notes {
            writeln!(out, "{bullet}{note}")?;
        }
    }
    Ok(())
}

/// A TIMEX3 value for readers: "XXXX-WXX-3TEV" → "Wednesday evening",
/// "2022-01-05TEV" → "2022-01-05 evening".
pub fn when_label(value: &str) -> String {
    const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let (date, part) = value.split_once('T').unwrap_or((value, ""));
    let part = match part {
        "MO" => " morning",
        "AF" => " afternoon",
        "EV" => " evening",
        "NI" => " night",
        "" => "",
        other => return format!("{date} {other}"),
    };
    let day = match date.strip_prefix("XXXX-WXX-").and_then(|d| d.parse::<usize>().ok()) {
        Some(n @ 1..=7) => WEEKDAYS[n - 1].to_owned(),
        _ if date == "XXXX-XX-XX" => "date unknown".to_owned(),
        _ => date.to_owned(),
    };
    format!("{day}{part}")
}

/// Cuts `s` to at most `max` characters, on a character boundary, with an ellipsis.
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}
