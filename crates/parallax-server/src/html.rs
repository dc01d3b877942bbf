//! Server-rendered HTML. Every string that comes from an article, a brief or a request is
//! written through [`esc`] (text and attribute values alike); links to outside pages are
//! written only for `http` and `https` URLs ([`safe_href`]). The pages carry no script,
//! and the server sends a Content-Security-Policy that forbids scripts anyway.

use parallax_brief::model::{Brief, Fact};
use parallax_brief::Verdict;
use parallax_core::layer::{Blocks, Entities, Quantities, Quotes, Sentences};
use parallax_core::{BlockKind, Document};
use parallax_store::time::format_millis;
use parallax_store::{ArticleRecord, ArticleSummary, SearchHit, Status, StoryRecord, StorySummary};
use std::collections::HashMap;
use std::fmt::Write;

/// Escapes `text` for HTML text and double- or single-quoted attribute values: the same
/// escaping the self-contained HTML brief uses.
pub use parallax_brief::html::escape as esc;

/// An `http(s)` URL escaped for an `href`, or `None` for any other scheme
/// (`javascript:`, `data:`…), which is then shown as text and not linked.
pub fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| esc(url.trim_start()))
}

/// Percent-encodes a query value.
fn encode_query(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

pub const STYLESHEET: &str = include_str!("style.css");

fn layout(title: &str, query: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — Parallax</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header class="top">
<a class="brand" href="/">Parallax</a>
<nav><a href="/">Stories</a> <a href="/failures">Failures</a></nav>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" value="{query}" placeholder="Search articles" aria-label="Search articles">
<button type="submit">Search</button>
</form>
</header>
<main>
{body}
</main>
</body>
</html>
"#,
        title = esc(title),
        query = esc(query),
    )
}

pub fn story_list(stories: &[StorySummary], counts: &parallax_store::Counts, offset: usize, limit: usize) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        r#"<h1>Stories</h1>
<p class="counts">{} stories from {} articles · {} pending · {} could not be analysed</p>
"#,
        counts.stories,
        counts.articles(),
        counts.pending + counts.processing,
        counts.failed + counts.input_failures
    );
    if stories.is_empty() {
        body.push_str("<p>No stories yet. Add articles with <code>parallax ingest INPUT...</code>.</p>\n");
    } else {
        body.push_str(
            "<table class=\"stories\">\n<thead><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>Facts</th><th>Disputed</th><th>Last update</th></tr></thead>\n<tbody>\n",
        );
        for story in stories {
            let title = if story.title.is_empty() { format!("Story {}", story.id) } else { story.title.clone() };
            let _ = writeln!(
                body,
                r#"<tr><td><a class="story-link" href="/stories/{id}">{title}</a></td><td>{articles}</td><td>{outlets}</td><td>{facts}</td><td>{disputed}</td><td>{updated}</td></tr>"#,
                id = story.id,
                title = esc(&title),
                articles = story.articles,
                outlets = story.outlets,
                facts = story.facts,
                disputed = story.disputed,
                updated = esc(&format_millis(story.updated_at)),
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    let mut pager = String::new();
    if offset > 0 {
        let _ = write!(pager, r#"<a href="/?offset={}">← newer</a> "#, offset.saturating_sub(limit));
    }
    if stories.len() == limit {
        let _ = write!(pager, r#"<a href="/?offset={}">older →</a>"#, offset + limit);
    }
    if !pager.is_empty() {
        let _ = writeln!(body, "<p class=\"pager\">{pager}</p>");
    }
    layout("Stories", "", &body)
}

/// The id of the sentence element of `article` that contains byte `at`.
fn sentence_anchor(article: &str, sentence_start: usize) -> String {
    format!("a{article}-s{sentence_start}")
}

/// For each article, its sentences' starts in order, to find the sentence containing a span.
struct SentenceIndex(HashMap<String, Vec<(usize, usize)>>);

impl SentenceIndex {
    fn new(articles: &[ArticleRecord]) -> SentenceIndex {
        SentenceIndex(
            articles
                .iter()
                .map(|a| {
                    let spans = a.document.layer::<Sentences>().unwrap_or(&[]).iter().map(|s| (s.span.start(), s.span.end())).collect();
                    (a.summary.id.to_string(), spans)
                })
                .collect(),
        )
    }

    /// The anchor of the sentence of `article` holding byte `start`.
    fn anchor(&self, article: &str, start: usize) -> String {
        let sentence_start = self
            .0
            .get(article)
            .and_then(|spans| {
                let i = spans.partition_point(|&(s, _)| s <= start);
                i.checked_sub(1).map(|i| spans[i]).filter(|&(_, end)| start < end).map(|(s, _)| s)
            })
            .unwrap_or(start);
        sentence_anchor(article, sentence_start)
    }
}

fn verdict_title(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Agreed => "Agreed",
        Verdict::Compatible => "Compatible",
        Verdict::Disputed => "Disputed",
        Verdict::SingleSource => "Single-source",
    }
}

pub fn story_page(story: &StoryRecord, articles: &[ArticleRecord]) -> String {
    let brief = &story.brief;
    let index = SentenceIndex::new(articles);
    let cite_mark: HashMap<&str, &str> = brief.articles.iter().map(|a| (a.id.as_str(), a.cite.as_str())).collect();
    let cite = |article: &str, start: usize| -> String {
        let mark = cite_mark.get(article).copied().unwrap_or(article);
        format!(r##"<a class="cite" href="#{}">[{}]</a>"##, esc(&index.anchor(article, start)), esc(mark))
    };
    let mut body = String::new();
    let title = if brief.story.title.is_empty() { format!("Story {}", story.summary.id) } else { brief.story.title.clone() };
    let _ = write!(
        body,
        r#"<h1>{}</h1>
<p class="counts">{} articles · {} outlets · {} facts ({} disputed) · updated {}</p>
<div class="story">
<section class="brief" aria-label="Brief">
"#,
        esc(&title),
        story.summary.articles,
        story.summary.outlets,
        story.summary.facts,
        story.summary.disputed,
        esc(&format_millis(story.summary.updated_at))
    );
    brief_html(brief, &cite, &mut body);
    body.push_str("</section>\n<section class=\"articles\" aria-label=\"Articles\">\n");
    for record in articles {
        let mark = cite_mark.get(record.summary.id.to_string().as_str()).copied().unwrap_or("");
        let _ = write!(
            body,
            r#"<article class="source" id="a{id}">
<h2><span class="mark">[{mark}]</span> <a href="/articles/{id}">{title}</a></h2>
<p class="meta">{meta}</p>
"#,
            id = record.summary.id,
            mark = esc(mark),
            title = esc(record.summary.title.as_deref().unwrap_or("(no headline)")),
            meta = article_meta(&record.summary),
        );
        annotated_text(&record.document, &record.summary.id.to_string(), &mut body);
        body.push_str("</article>\n");
    }
    body.push_str("</section>\n</div>\n");
    layout(&title, "", &body)
}

/// The story page as one self-contained file (`parallax story ID --format html`): the
/// stylesheet inlined, citations still linked to the sentences on the page.
pub fn standalone_story_page(story: &StoryRecord, articles: &[ArticleRecord]) -> String {
    let page = story_page(story, articles);
    page.replacen(r#"<link rel="stylesheet" href="/static/style.css">"#, &format!("<style>\n{STYLESHEET}</style>"), 1)
}

fn article_meta(summary: &ArticleSummary) -> String {
    let outlet = esc(summary.outlet.as_deref().unwrap_or("outlet unknown"));
    let published = esc(summary.published.as_deref().unwrap_or("date unknown"));
    let link = match summary.url.as_deref() {
        Some(url) => match safe_href(url) {
            Some(href) => format!(r#" · <a class="original" href="{href}" rel="noopener noreferrer nofollow">original</a>"#),
            None => format!(" · {}", esc(url)),
        },
        None => summary.input.as_deref().map_or_else(String::new, |input| format!(" · {}", esc(input))),
    };
    format!("{outlet} · {published}{link}")
}

fn brief_html(brief: &Brief, cite: &dyn Fn(&str, usize) -> String, body: &mut String) {
    for verdict in [Verdict::Disputed, Verdict::Agreed, Verdict::Compatible, Verdict::SingleSource] {
        let facts: Vec<&Fact> = brief.facts.iter().filter(|f| f.verdict == verdict).collect();
        if facts.is_empty() {
            continue;
        }
        let _ = writeln!(body, r#"<h2 class="verdict-{}">{} ({})</h2>"#, verdict.as_str(), verdict_title(verdict), facts.len());
        body.push_str("<ul class=\"facts\">\n");
        for fact in facts {
            let _ = write!(body, r#"<li class="fact {}"><span class="summary">{}</span>"#, verdict.as_str(), esc(&fact.summary));
            if fact.outlets > 1 {
                let _ = write!(body, r#" <span class="sources">{} outlets, {} independent</span>"#, fact.outlets, fact.upstream_sources);
            }
            body.push_str("<ul class=\"reports\">");
            for report in &fact.reports {
                let figure = report.figure.as_ref().map_or_else(String::new, |f| format!("<b>{}</b> — ", esc(&f.text)));
                let source = report.attributed_source.as_deref().map_or_else(String::new, |s| format!(" <i>(according to {})</i>", esc(s)));
                let _ = write!(
                    body,
                    "<li>{} {figure}{}{source}</li>",
                    cite(&report.article, report.evidence.span.start),
                    esc(&report.evidence.text)
                );
            }
            body.push_str("</ul></li>\n");
        }
        body.push_str("</ul>\n");
    }
    if !brief.quotes.is_empty() {
        body.push_str("<h2>Who said what</h2>\n<ul class=\"quotes\">\n");
        for quote in &brief.quotes {
            let cites: String = quote.reports.iter().map(|r| cite(&r.article, r.content.span.start)).collect::<Vec<_>>().join(" ");
            let _ = writeln!(
                body,
                r#"<li><span class="speaker">{}</span> ({}): “{}” {cites}</li>"#,
                esc(&quote.speaker),
                esc(&quote.how()),
                esc(&quote.content)
            );
        }
        body.push_str("</ul>\n");
    }
    if !brief.entities.is_empty() {
        body.push_str("<h2>Entities</h2>\n<ul class=\"entities\">\n");
        for entity in &brief.entities {
            let aliases = if entity.aliases.is_empty() { String::new() } else { format!(" — also {}", esc(&entity.aliases.join(", "))) };
            let _ = writeln!(
                body,
                r#"<li><span class="e-{}">{}</span> <small>{}</small>{aliases} · {} mentions</li>"#,
                esc(&entity.label.to_lowercase()),
                esc(&entity.canonical),
                esc(&entity.label),
                entity.mentions
            );
        }
        body.push_str("</ul>\n");
    }
    if !brief.framing.is_empty() {
        body.push_str("<h2>Framing</h2>\n<ul class=\"framing\">\n");
        for entry in &brief.framing {
            let labels: Vec<String> = entry
                .labels
                .iter()
                .map(|l| {
                    let voice = if l.voice == "own" {
                        "own voice".to_owned()
                    } else {
                        format!("quoting {}", l.speaker.as_deref().unwrap_or("someone"))
                    };
                    let scare = if l.scare_quoted { ", in scare quotes" } else { "" };
                    format!("“{}” ({}{scare}) {}", esc(&l.term), esc(&voice), cite(&entry.article, l.first.span.start))
                })
                .collect();
            let _ = writeln!(body, "<li><b>{}</b>: {}</li>", esc(&entry.actor), labels.join("; "));
        }
        body.push_str("</ul>\n");
    }
    if !brief.timeline.is_empty() {
        body.push_str("<h2>Timeline</h2>\n<ol class=\"timeline\">\n");
        for entry in &brief.timeline {
            let _ = writeln!(
                body,
                "<li><code>{}</code> {} — {}</li>",
                esc(&entry.when),
                esc(&entry.as_written),
                cite(&entry.article, entry.evidence.span.start)
            );
        }
        body.push_str("</ol>\n");
    }
    if !brief.notes.is_empty() {
        body.push_str("<h2>Notes</h2>\n<ul class=\"notes\">\n");
        for note in &brief.notes {
            let _ = writeln!(body, "<li>{}</li>", esc(note));
        }
        body.push_str("</ul>\n");
    }
}

/// What a stretch of text is marked as.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Quote,
    Entity,
    Quantity,
}

/// Writes the article's sentences, grouped into its paragraphs, each sentence an element
/// with an id that citations link to, with entities, quantities and quotes marked.
/// Boilerplate is not shown (it lies outside every sentence).
fn annotated_text(doc: &Document, article: &str, body: &mut String) {
    let text = doc.text().as_str();
    let sentences = doc.layer::<Sentences>().unwrap_or(&[]);
    if sentences.is_empty() {
        let _ = writeln!(body, "<pre class=\"raw\">{}</pre>", esc(text));
        return;
    }
    // Marked stretches: (start, end, mark, tooltip).
    let mut marks: Vec<(usize, usize, Mark, String)> = Vec::new();
    for entity in doc.layer::<Entities>().unwrap_or(&[]) {
        marks.push((entity.span.start(), entity.span.end(), Mark::Entity, format!("{} ({})", entity.canonical, entity.label.as_str())));
    }
    for quantity in doc.layer::<Quantities>().unwrap_or(&[]) {
        marks.push((quantity.span.start(), quantity.span.end(), Mark::Quantity, quantity.value.to_string()));
    }
    for quote in doc.layer::<Quotes>().unwrap_or(&[]).iter().filter(|q| !q.tentative) {
        let speaker = quote.source.as_ref().and_then(|s| s.canonical.clone()).unwrap_or_else(|| "unknown speaker".to_owned());
        marks.push((quote.content.start(), quote.content.end(), Mark::Quote, format!("quote of {speaker}")));
    }
    let blocks = doc.layer::<Blocks>().unwrap_or(&[]);
    let mut open_block: Option<usize> = None;
    let mut paragraph_open = false;
    for sentence in sentences {
        let (start, end) = (sentence.span.start(), sentence.span.end());
        let block = blocks.iter().position(|b| b.span.start() <= start && start < b.span.end());
        if !paragraph_open || block != open_block || block.is_none() {
            if paragraph_open {
                body.push_str("</p>\n");
            }
            paragraph_open = true;
            let class = match block.map(|b| blocks[b].kind) {
                Some(BlockKind::Headline) => "headline",
                Some(BlockKind::Heading) => "heading",
                _ => "para",
            };
            let _ = write!(body, r#"<p class="{class}">"#);
            open_block = block;
        } else {
            body.push(' ');
        }
        let _ = write!(body, r#"<span class="s" id="{}">"#, esc(&sentence_anchor(article, start)));
        marked_stretch(text, start, end, &marks, body);
        body.push_str("</span>");
    }
    body.push_str("</p>\n");
}

/// Writes `text[start..end]`, split at every mark boundary, each piece wrapped in the
/// marks that cover it (flattened, so overlapping marks never produce crossed tags).
fn marked_stretch(text: &str, start: usize, end: usize, marks: &[(usize, usize, Mark, String)], body: &mut String) {
    let inside: Vec<&(usize, usize, Mark, String)> = marks.iter().filter(|m| m.0 < end && m.1 > start && m.0 < m.1).collect();
    let mut cuts: Vec<usize> = vec![start, end];
    for m in &inside {
        cuts.push(m.0.max(start));
        cuts.push(m.1.min(end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let Some(piece) = text.get(from..to) else { continue };
        let covering: Vec<&&(usize, usize, Mark, String)> = inside.iter().filter(|m| m.0 <= from && to <= m.1).collect();
        if covering.is_empty() {
            body.push_str(&esc(piece));
            continue;
        }
        let mut classes: Vec<&str> = covering
            .iter()
            .map(|m| match m.2 {
                Mark::Quote => "quote",
                Mark::Entity => "entity",
                Mark::Quantity => "quantity",
            })
            .collect();
        classes.sort_unstable();
        classes.dedup();
        let tooltip: Vec<&str> = covering.iter().map(|m| m.3.as_str()).collect();
        let _ = write!(body, r#"<mark class="{}" title="{}">{}</mark>"#, classes.join(" "), esc(&tooltip.join("; ")), esc(piece));
    }
}

pub fn article_page(record: &ArticleRecord) -> String {
    let summary = &record.summary;
    let title = summary.title.clone().unwrap_or_else(|| format!("Article {}", summary.id));
    let mut body = String::new();
    let _ = write!(body, "<h1>{}</h1>\n<p class=\"meta\">{}</p>\n", esc(&title), article_meta(summary));
    match summary.status {
        Status::Done => {
            if let Some(story) = summary.story {
                let _ = writeln!(body, r#"<p>Part of <a href="/stories/{story}">story {story}</a>.</p>"#);
            } else {
                body.push_str("<p>Not grouped into a story: the analysis is English-only.</p>\n");
            }
            body.push_str("<p class=\"legend\"><mark class=\"entity\">entity</mark> <mark class=\"quantity\">quantity</mark> <mark class=\"quote\">quote</mark></p>\n<article class=\"source\">\n");
            annotated_text(&record.document, &summary.id.to_string(), &mut body);
            body.push_str("</article>\n");
        }
        Status::Failed => {
            let _ = writeln!(
                body,
                "<p class=\"failure\">This article could not be analysed: {}</p>\n<pre class=\"raw\">{}</pre>",
                esc(summary.failure.as_deref().unwrap_or("no reason recorded")),
                esc(record.document.text().as_str())
            );
        }
        Status::Pending | Status::Processing => {
            let _ = writeln!(body, "<p>Waiting to be analysed.</p>\n<pre class=\"raw\">{}</pre>", esc(record.document.text().as_str()));
        }
    }
    layout(&title, "", &body)
}

pub fn search_page(query: &str, hits: &[SearchHit]) -> String {
    let mut body = String::new();
    let _ = writeln!(body, "<h1>Search</h1>");
    if query.trim().is_empty() {
        body.push_str("<p>Type words to look for in the articles' titles and texts.</p>\n");
    } else if hits.is_empty() {
        let _ = writeln!(body, "<p>Nothing matches “{}”.</p>", esc(query));
    } else {
        let _ = writeln!(body, "<p>{} results for “{}”.</p>\n<ol class=\"hits\">", hits.len(), esc(query));
        for hit in hits {
            let mut snippet = String::new();
            let mut at = 0;
            for range in &hit.highlights {
                if let (Some(before), Some(word)) = (hit.snippet.get(at..range.start), hit.snippet.get(range.start..range.end)) {
                    snippet.push_str(&esc(before));
                    let _ = write!(snippet, "<mark>{}</mark>", esc(word));
                    at = range.end;
                }
            }
            snippet.push_str(&esc(hit.snippet.get(at..).unwrap_or("")));
            let story = hit.story.map_or_else(String::new, |s| format!(r#" · <a href="/stories/{s}">story {s}</a>"#));
            let _ = writeln!(
                body,
                r#"<li><a class="hit" href="/articles/{id}">{title}</a> <span class="meta">{outlet}{story}</span><p>{snippet}</p></li>"#,
                id = hit.article,
                title = esc(hit.title.as_deref().unwrap_or("(no headline)")),
                outlet = esc(hit.outlet.as_deref().unwrap_or("outlet unknown")),
            );
        }
        body.push_str("</ol>\n");
    }
    layout(&format!("Search: {query}"), query, &body)
}

pub fn failures_page(failures: &[parallax_store::Failure]) -> String {
    let mut body = String::from("<h1>Could not be analysed</h1>\n");
    if failures.is_empty() {
        body.push_str("<p>Nothing: every input was read and analysed.</p>\n");
    } else {
        body.push_str("<ul class=\"failures\">\n");
        for failure in failures {
            let input = match failure.article {
                Some(id) => format!(r#"<a href="/articles/{id}">{}</a>"#, esc(&failure.input)),
                None => esc(&failure.input),
            };
            let _ = writeln!(body, "<li>{input}: {} <small>{}</small></li>", esc(&failure.reason), esc(&format_millis(failure.at)));
        }
        body.push_str("</ul>\n");
    }
    layout("Failures", "", &body)
}

pub fn not_found(what: &str) -> String {
    layout("Not found", "", &format!("<h1>Not found</h1>\n<p>{}</p>\n", esc(what)))
}

pub fn error_page() -> String {
    layout("Error", "", "<h1>Something went wrong</h1>\n<p>The error was logged on the server.</p>\n")
}

/// Links the search page to a query (used in tests and the story list).
pub fn search_href(query: &str) -> String {
    format!("/search?q={}", encode_query(query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(esc(r#"<script>"x" & 'y'</script>"#), "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
    }

    #[test]
    fn links_only_web_urls() {
        assert_eq!(safe_href("https://a.example/?q=\"x\"").as_deref(), Some("https://a.example/?q=&quot;x&quot;"));
        assert_eq!(safe_href(" JavaScript:alert(1)"), None);
        assert_eq!(safe_href("data:text/html,<script>"), None);
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(search_href("a b&c=\"d\""), "/search?q=a+b%26c%3D%22d%22");
    }
}
