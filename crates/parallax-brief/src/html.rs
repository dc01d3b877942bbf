//! The brief as one self-contained, accessible HTML page.
//!
//! The brief stands beside the articles it rests on. Every article's text is split into
//! its sentences, each an element with an id (`a{cite}-s{byte offset}`); every citation in
//! the brief is a link to the sentence its evidence starts in, and the sentence a link
//! points to is highlighted by CSS (`:target`), so the page needs no script. Everything
//! taken from articles is HTML-escaped. The page loads nothing from anywhere.

use crate::build::{capitalise, value_words};
use crate::model::*;
use crate::render::{clip, when_label};
use parallax_core::layer::{Boilerplate, Sentences};
use parallax_core::{Document, Span};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d8d8d8; --mark: #fff1a8; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header { padding: 1rem 1.5rem; border-bottom: 1px solid var(--rule); }
header h1 { margin: 0; font-size: 1.4rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 0; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
main, aside { padding: 1rem 1.5rem; }
aside { border-left: 1px solid var(--rule); background: #fafafa; max-height: 100vh; overflow-y: auto; position: sticky; top: 0; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
ul { padding-left: 1.2rem; } li { margin: .35rem 0; }
.verdict { display: inline-block; font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; padding: 0 .35rem; border-radius: .2rem; }
.agreed { background: #d7f5dd; } .compatible { background: #e3ecff; } .disputed { background: #ffdcd6; } .single-source { background: #eee; }
.report { color: var(--muted); font-size: .92rem; }
a.cite { font-size: .8rem; font-weight: 600; text-decoration: none; padding: 0 .15rem; border: 1px solid var(--accent); border-radius: .2rem; margin-left: .15rem; }
a.cite:focus, a.cite:hover { background: var(--accent); color: #fff; }
article { margin-bottom: 2rem; }
article .meta { color: var(--muted); font-size: .85rem; }
.sentence { scroll-margin-top: 30vh; }
.sentence:target { background: var(--mark); outline: 2px solid #e0b400; }
.furniture { color: #999; text-decoration: line-through; }
"#;

/// Writes the briefs as one HTML page; `docs` are their articles (matched by id), whose
/// texts the page shows beside each brief.
pub fn render_html(briefs: &[Brief], docs: &[&Document], out: &mut dyn Write) -> io::Result<()> {
    let mut page = String::new();
    let title = match briefs {
        [single] => format!("Story {}: {}", single.story.id, single.story.title),
        _ => format!("{} stories", briefs.len()),
    };
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#b{}\">Skip to the brief</a>\n",
        escape(&title),
        briefs.first().map_or(1, |b| b.story.id)
    );
    for brief in briefs {
        write_brief(&mut page, brief, docs);
    }
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

fn write_brief(page: &mut String, brief: &Brief, docs: &[&Document]) {
    let title = format!("Story {}: {}", brief.story.id, brief.story.title);
    let story = brief.story.id;
    let _ = write!(
        page,
        "<header><h1>{}</h1><p>{} articles · Parallax brief, schema {}</p></header>\n<div class=\"layout\">\n<main id=\"b{story}\" aria-label=\"Brief of story {story}\">\n",
        escape(&title),
        brief.articles.len(),
        escape(&brief.schema_version)
    );
    let linker = Linker { brief, docs };
    write_facts(page, brief, &linker);
    write_quotes(page, brief, &linker);
    write_entities(page, brief, &linker);
    write_framing(page, brief, &linker);
    write_timeline(page, brief, &linker);
    if !brief.notes.is_empty() {
        let _ = write!(page, "<section aria-labelledby=\"b{story}-notes\"><h2 id=\"b{story}-notes\">Notes</h2><ul>");
        for note in &brief.notes {
            let _ = write!(page, "<li>{}</li>", escape(note));
        }
        page.push_str("</ul></section>\n");
    }
    let _ = write!(page, "</main>\n<aside aria-label=\"Articles of story {story}\">\n<h2>Articles</h2>\n");
    for article in &brief.articles {
        if let Some(doc) = docs.iter().find(|d| d.id == article.id) {
            write_article(page, story, article, doc);
        }
    }
    page.push_str("</aside>\n</div>\n");
}

/// Turns (article, span) into a citation link to the sentence holding the span.
struct Linker<'a> {
    brief: &'a Brief,
    docs: &'a [&'a Document],
}

impl Linker<'_> {
    fn cite(&self, article: &str) -> String {
        self.brief.articles.iter().find(|a| a.id == article).map_or_else(|| article.to_owned(), |a| a.cite.clone())
    }

    /// `<a class="cite" href="#a1-s123">[1]</a>` for the sentence holding `span`.
    fn link(&self, article: &str, span: SpanOut) -> String {
        let cite = self.cite(article);
        let sentence_start = self
            .docs
            .iter()
            .find(|d| d.id == article)
            .and_then(|d| d.layer::<Sentences>().ok())
            .and_then(|sentences| sentences.iter().rfind(|s| s.span.start() <= span.start).map(|s| s.span.start()))
            .unwrap_or(span.start);
        format!(
            "<a class=\"cite\" href=\"#b{}-a{}-s{}\" aria-label=\"source: article {}, sentence\">[{}]</a>",
            self.brief.story.id,
            escape(&cite),
            sentence_start,
            escape(&cite),
            escape(&cite)
        )
    }
}

fn write_facts(page: &mut String, brief: &Brief, linker: &Linker) {
    let _ = writeln!(page, "<section aria-labelledby=\"b{0}-facts\"><h2 id=\"b{0}-facts\">Facts</h2>", brief.story.id);
    for verdict in [Verdict::Agreed, Verdict::Compatible, Verdict::Disputed, Verdict::SingleSource] {
        let facts: Vec<&Fact> = brief.facts.iter().filter(|f| f.verdict == verdict).collect();
        let _ = write!(page, "<h3>{} ({})</h3>", capitalise(verdict.as_str()), facts.len());
        if facts.is_empty() {
            page.push_str("<p>None found.</p>");
            continue;
        }
        page.push_str("<ul>");
        for fact in facts {
            let _ = write!(
                page,
                "<li id=\"b{}-{}\"><span class=\"verdict {}\">{}</span> {} <span class=\"report\">— {} outlet{}, {} independent source{}</span><ul>",
                brief.story.id,
                escape(&fact.id),
                verdict.as_str(),
                verdict.as_str(),
                escape(&fact.headline),
                fact.outlets,
                plural(fact.outlets),
                fact.upstream_sources,
                plural(fact.upstream_sources)
            );
            if let Some(note) = &fact.note {
                let _ = write!(page, "<li class=\"note\">{}</li>", escape(note));
            }
            for report in &fact.reports {
                // A measure's value is converted to the fact's unit: "about 460 square miles
                // (= about 1,191 km2)".
                let converted = match (fact.kind.as_str(), fact.unit(), &report.value) {
                    ("measure", Some(unit), Some(value)) => format!("(= {} {}) ", escape(&value_words(value)), escape(unit)),
                    _ => String::new(),
                };
                let figure =
                    report.figure.as_ref().map_or_else(String::new, |f| format!("<strong>{}</strong> {converted}", escape(&f.text)));
                let source = report.attributed_source.as_deref().map_or_else(String::new, |s| format!(" (per {})", escape(s)));
                let _ = write!(
                    page,
                    "<li class=\"report\">{figure}{source}: “{}”{}</li>",
                    escape(&clip(&report.evidence.text, 220)),
                    linker.link(&report.article, report.evidence.span)
                );
            }
            page.push_str("</ul></li>");
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</section>\n");
}

fn write_quotes(page: &mut String, brief: &Brief, linker: &Linker) {
    let _ = write!(page, "<section aria-labelledby=\"b{0}-quotes\"><h2 id=\"b{0}-quotes\">Who said what</h2>", brief.story.id);
    if brief.quotes.is_empty() {
        page.push_str("<p>No quotes found.</p>");
    }
    let mut last = None;
    for quote in &brief.quotes {
        if last != Some(&quote.speaker) {
            if last.is_some() {
                page.push_str("</ul>");
            }
            let _ = write!(page, "<h3>{}</h3><ul>", escape(&quote.speaker));
            last = Some(&quote.speaker);
        }
        let links: String = quote.reports.iter().map(|r| linker.link(&r.article, r.content.span)).collect();
        let _ = write!(page, "<li><span class=\"report\">{}</span> “{}”{links}", escape(&quote.how()), escape(&clip(&quote.content, 300)));
        if quote.wording_differs {
            page.push_str("<ul>");
            for report in quote.reports.iter().filter(|r| r.content.text != quote.content) {
                let _ = write!(
                    page,
                    "<li class=\"note\">worded differently: “{}”{}</li>",
                    escape(&clip(&report.content.text, 300)),
                    linker.link(&report.article, report.content.span)
                );
            }
            page.push_str("</ul>");
        }
        page.push_str("</li>");
    }
    if last.is_some() {
        page.push_str("</ul>");
    }
    page.push_str("</section>\n");
}

fn write_entities(page: &mut String, brief: &Brief, linker: &Linker) {
    let _ = write!(page, "<section aria-labelledby=\"b{0}-entities\"><h2 id=\"b{0}-entities\">Entities</h2><ul>", brief.story.id);
    for entity in brief.entities.iter().filter(|e| e.mentions > 1 || e.articles.len() > 1) {
        let aliases = if entity.aliases.is_empty() {
            String::new()
        } else {
            format!(" — also “{}”", entity.aliases.iter().map(|a| escape(a)).collect::<Vec<_>>().join("”, “"))
        };
        let cites: String = entity.articles.iter().map(|a| format!(" [{}]", escape(&linker.cite(a)))).collect();
        let _ = write!(
            page,
            "<li><strong>{}</strong> ({}){aliases}<span class=\"report\">{cites}</span></li>",
            escape(&entity.canonical),
            escape(&entity.label)
        );
    }
    let once: Vec<String> = brief
        .entities
        .iter()
        .filter(|e| e.mentions <= 1 && e.articles.len() <= 1)
        .map(|e| {
            let cites: String = e.articles.iter().map(|a| format!(" [{}]", escape(&linker.cite(a)))).collect();
            format!("{} ({}){cites}", escape(&e.canonical), escape(&e.label))
        })
        .collect();
    if !once.is_empty() {
        let _ = write!(page, "<li>Named once: {}</li>", once.join("; "));
    }
    page.push_str("</ul></section>\n");
}

fn write_framing(page: &mut String, brief: &Brief, linker: &Linker) {
    let _ = write!(page, "<section aria-labelledby=\"b{0}-framing\"><h2 id=\"b{0}-framing\">Framing</h2>", brief.story.id);
    let mut last = None;
    for entry in &brief.framing {
        if last != Some(&entry.actor) {
            if last.is_some() {
                page.push_str("</ul>");
            }
            let _ = write!(page, "<h3>{}</h3><ul>", escape(&entry.actor));
            last = Some(&entry.actor);
        }
        let uses: Vec<String> = entry
            .labels
            .iter()
            .map(|label| {
                let term = if label.scare_quoted { format!("“{}” (scare quotes)", escape(&label.term)) } else { escape(&label.term) };
                let voice = match (label.voice.as_str(), &label.speaker) {
                    ("quoted", Some(speaker)) => format!("quoting {}", escape(speaker)),
                    ("quoted", None) => "in a quote".to_owned(),
                    _ => "own voice".to_owned(),
                };
                format!("{term} <span class=\"report\">{voice}</span>{}", linker.link(&entry.article, label.first.span))
            })
            .collect();
        let _ = write!(page, "<li>[{}] {}</li>", escape(&linker.cite(&entry.article)), uses.join("; "));
    }
    if last.is_some() {
        page.push_str("</ul>");
    }
    page.push_str("</section>\n");
}

fn write_timeline(page: &mut String, brief: &Brief, linker: &Linker) {
    let _ = write!(page, "<section aria-labelledby=\"b{0}-timeline\"><h2 id=\"b{0}-timeline\">Timeline</h2><ol>", brief.story.id);
    for entry in &brief.timeline {
        let _ = write!(
            page,
            "<li><strong>{}</strong> — “{}”: {}{}</li>",
            escape(&when_label(&entry.when)),
            escape(&entry.as_written),
            escape(&clip(&entry.evidence.text, 200)),
            linker.link(&entry.article, entry.evidence.span)
        );
    }
    page.push_str("</ol></section>\n");
}

/// An article's text with every sentence addressable and furniture struck through.
fn write_article(page: &mut String, story: usize, article: &ArticleRef, doc: &Document) {
    let cite = escape(&article.cite);
    let id = format!("b{story}-a{cite}");
    let _ = write!(
        page,
        "<article id=\"{id}\" aria-labelledby=\"{id}-title\"><h3 id=\"{id}-title\">[{cite}] {}</h3><p class=\"meta\">{} · {} · {}</p>",
        escape(article.title.as_deref().unwrap_or("(no headline)")),
        escape(article.outlet.as_deref().unwrap_or("outlet unknown")),
        escape(article.published.as_deref().unwrap_or("date unknown")),
        escape(article.input.as_deref().or(article.url.as_deref()).unwrap_or(&article.id))
    );
    let text = doc.text().as_str();
    let sentences: Vec<Span> = doc.layer::<Sentences>().map(|s| s.iter().map(|s| s.span).collect()).unwrap_or_default();
    let furniture: Vec<Span> = doc.layer::<Boilerplate>().map(|b| b.iter().map(|b| b.span).collect()).unwrap_or_default();
    // Paragraphs are the text's lines; sentences and furniture inside them keep their spans.
    let mut marks: Vec<(Span, bool)> = sentences.iter().map(|&s| (s, true)).chain(furniture.iter().map(|&f| (f, false))).collect();
    marks.sort_by_key(|(span, _)| span.start());
    let mut position = 0;
    page.push_str("<p>");
    for (span, is_sentence) in marks {
        if span.start() < position {
            continue;
        }
        push_plain(page, text.get(position..span.start()).unwrap_or(""));
        let inner = escape(doc.slice(span));
        if is_sentence {
            let _ = write!(page, "<span class=\"sentence\" id=\"{id}-s{}\" tabindex=\"-1\">{inner}</span>", span.start());
        } else {
            let _ = write!(page, "<span class=\"furniture\" title=\"page furniture, left out of the analysis\">{inner}</span>");
        }
        position = span.end();
    }
    push_plain(page, text.get(position..).unwrap_or(""));
    page.push_str("</p></article>\n");
}

/// Text between marks: escaped, line breaks as paragraph breaks.
fn push_plain(page: &mut String, text: &str) {
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        page.push_str(&escape(first));
    }
    for line in lines {
        page.push_str("</p><p>");
        page.push_str(&escape(line));
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_attribute_quotes() {
        assert_eq!(escape(r#"<script>alert("x")</script> & 'y'"#), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    }
}
