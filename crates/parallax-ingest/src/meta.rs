//! Page metadata: headline, authors, publication time, site name, canonical URL,
//! language, and the JSON-LD `articleBody` when a page states one.
//!
//! Sources, strongest first: JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, … also
//! inside `@graph`), OpenGraph and `article:*` properties, other `<meta>` names (Dublin
//! Core, Parsely, Sailthru, `pubdate`), microdata (`itemprop`), `<time datetime>`, `<h1>`
//! and `<title>`, and finally the URL (`/2019/11/19/`, `/20191119/`, `/2019-11-19/`).

use crate::html::{Dom, NodeId};
use serde_json::Value;

/// What a page says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601: a date, or a date-time as the page gives it.
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    /// ISO 639-1 code, lower-case.
    pub language: Option<String>,
    pub description: Option<String>,
    /// The JSON-LD `articleBody`, whitespace collapsed.
    pub json_ld_body: Option<String>,
}

/// Reads the metadata of a parsed page; `url` is where it came from, when known.
pub fn read(dom: &Dom, url: Option<&str>) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut tags = MetaTags::default();
    let mut json_ld: Vec<Value> = Vec::new();
    let mut time_datetime = None;
    let mut html_lang = None;
    let mut title_text = None;
    let mut h1_text = None;
    let mut rel_authors = Vec::new();
    for id in dom.ids() {
        let Some(element) = dom.element(id) else { continue };
        match &*element.name {
            "meta" => tags.add(element.attr("property").or(element.attr("name")).or(element.attr("itemprop")), element.attr("content")),
            "link" => {
                let rel = element.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && tags.canonical.is_none() {
                    tags.canonical = element.attr("href").map(str::to_owned);
                }
            }
            "script" => {
                if let Some(value) = parse_json_ld(&dom.text_content(id)) {
                    json_ld.push(value);
                }
            }
            "time" if time_datetime.is_none() => time_datetime = element.attr("datetime").map(str::to_owned),
            "html" if html_lang.is_none() => html_lang = element.attr("lang").or(element.attr("xml:lang")).map(str::to_owned),
            "title" if title_text.is_none() => title_text = Some(collapse(&dom.text_content(id))),
            "h1" if h1_text.is_none() => h1_text = Some(collapse(&dom.text_content(id))).filter(|t| !t.is_empty()),
            "a" if element.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author")) => {
                let name = collapse(&dom.text_content(id));
                if looks_like_name(&name) {
                    rel_authors.push(name);
                }
            }
            _ => {}
        }
        if let Some(itemprop) = element.attr("itemprop") {
            tags.add_itemprop(dom, id, itemprop);
        }
    }
    let article = json_ld.iter().flat_map(json_ld_objects).find(|o| is_article_type(o));
    if let Some(article) = article {
        meta.title = string_field(article, "headline").or_else(|| string_field(article, "name"));
        meta.authors = json_ld_authors(article.get("author"));
        meta.published = string_field(article, "datePublished").or_else(|| string_field(article, "dateCreated"));
        meta.site_name = article.get("publisher").and_then(|p| string_field(p, "name"));
        meta.json_ld_body = string_field(article, "articleBody").filter(|b| !b.is_empty());
        meta.language = string_field(article, "inLanguage");
        meta.description = string_field(article, "description");
        meta.canonical_url = string_field(article, "url").or_else(|| article.get("mainEntityOfPage").and_then(|m| string_field(m, "@id")));
    }
    meta.site_name = meta.site_name.or_else(|| tags.get(&["og:site_name", "application-name"]));
    if meta.site_name.is_none() {
        meta.site_name = json_ld
            .iter()
            .flat_map(json_ld_objects)
            .find(|o| type_is(o, &["Organization", "NewsMediaOrganization", "WebSite"]))
            .and_then(|o| string_field(o, "name"));
    }
    let title_candidates = [
        tags.get(&["og:title", "twitter:title", "dc.title", "headline"]),
        h1_text.clone(),
        title_text.clone().map(|t| strip_site_suffix(&t)),
    ];
    meta.title = meta.title.or_else(|| title_candidates.into_iter().flatten().find(|t| !t.is_empty()));
    if meta.authors.is_empty() {
        let named = tags.get(&["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"]);
        if let Some(names) = named.filter(|n| !n.starts_with("http")) {
            meta.authors = split_authors(&names);
        } else if !tags.itemprop_authors.is_empty() {
            meta.authors = std::mem::take(&mut tags.itemprop_authors);
        } else {
            meta.authors = rel_authors;
        }
    }
    meta.authors.dedup();
    meta.published = meta
        .published
        .or_else(|| {
            tags.get(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "dc.date.issued",
                "dc.date",
                "dcterms.created",
                "dcterms.date",
                "date",
                "parsely-pub-date",
                "sailthru.date",
                "article.published",
                "published-date",
                "citation_publication_date",
            ])
        })
        .or(time_datetime)
        .and_then(|raw| normalise_date(&raw))
        .or_else(|| url.and_then(date_from_url));
    meta.site_name = meta.site_name.or_else(|| tags.get(&["twitter:site"]).map(|s| s.trim_start_matches('@').to_owned()));
    let og_url = tags.get(&["og:url"]);
    meta.canonical_url = tags.canonical.take().or(og_url).or(meta.canonical_url).map(|c| resolve(url, &c));
    meta.language = html_lang
        .or(meta.language)
        .or(tags.get(&["og:locale", "content-language", "language", "dc.language"]))
        .and_then(|l| language_code(&l));
    meta.description = meta.description.or_else(|| tags.get(&["og:description", "description", "twitter:description"]));
    if meta.site_name.is_none() {
        meta.site_name = meta.canonical_url.as_deref().or(url).and_then(domain).map(str::to_owned);
    }
    meta.title = meta.title.map(|t| collapse(&t));
    meta
}

/// `<meta>` values by lower-cased name, first one wins.
#[derive(Default)]
struct MetaTags {
    values: Vec<(String, String)>,
    canonical: Option<String>,
    itemprop_authors: Vec<String>,
}

impl MetaTags {
    fn add(&mut self, name: Option<&str>, content: Option<&str>) {
        if let (Some(name), Some(content)) = (name, content) {
            let content = content.trim();
            if !content.is_empty() {
                self.values.push((name.to_ascii_lowercase(), content.to_owned()));
            }
        }
    }

    fn add_itemprop(&mut self, dom: &Dom, id: NodeId, itemprop: &str) {
        let Some(element) = dom.element(id) else { return };
        match itemprop {
            "datePublished" => {
                if let Some(value) = element.attr("content").or(element.attr("datetime")) {
                    self.values.push(("datepublished".into(), value.to_owned()));
                }
            }
            "author" | "creator" => {
                let name = element.attr("content").map(str::to_owned).unwrap_or_else(|| {
                    let name_child = dom
                        .ids()
                        .skip(id)
                        .take_while(|&n| dom.ancestors(n).any(|a| a == id))
                        .find(|&n| dom.element(n).and_then(|e| e.attr("itemprop")) == Some("name"));
                    collapse(&dom.text_content(name_child.unwrap_or(id)))
                });
                if looks_like_name(&name) {
                    self.itemprop_authors.push(name);
                }
            }
            _ => {}
        }
    }

    fn get(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|name| self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()))
    }
}

/// Parses a JSON-LD script, tolerating raw line breaks and tabs inside strings.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let trimmed = raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
    if trimmed.is_empty() {
        return None;
    }
    serde_json::from_str(trimmed).ok().or_else(|| {
        let cleaned: String = trimmed.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Every object in a JSON-LD value: top-level arrays and `@graph` members included.
fn json_ld_objects(value: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack = vec![(value, 0)];
    while let Some((value, depth)) = stack.pop() {
        match value {
            Value::Array(items) if depth < 4 => stack.extend(items.iter().rev().map(|v| (v, depth + 1))),
            Value::Object(map) => {
                out.push(value);
                if let Some(graph) = map.get("@graph") {
                    if depth < 4 {
                        stack.push((graph, depth + 1));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn type_is(object: &Value, names: &[&str]) -> bool {
    match object.get("@type") {
        Some(Value::String(t)) => names.contains(&t.as_str()),
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str().is_some_and(|t| names.contains(&t))),
        _ => false,
    }
}

fn is_article_type(object: &Value) -> bool {
    let article = type_is(
        object,
        &[
            "NewsArticle",
            "Article",
            "BlogPosting",
            "ReportageNewsArticle",
            "AnalysisNewsArticle",
            "OpinionNewsArticle",
            "BackgroundNewsArticle",
            "LiveBlogPosting",
            "TechArticle",
            "Report",
            "ScholarlyArticle",
            "SocialMediaPosting",
        ],
    );
    article || (object.get("articleBody").is_some() && object.get("headline").is_some())
}

fn string_field(object: &Value, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| v.as_str()).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
        _ => None,
    }
}

fn json_ld_authors(value: Option<&Value>) -> Vec<String> {
    let mut names = Vec::new();
    let items: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    for item in items {
        match item {
            Value::String(name) => names.extend(split_authors(name)),
            Value::Object(_) => {
                if let Some(name) = string_field(item, "name") {
                    names.extend(split_authors(&name));
                }
            }
            _ => {}
        }
    }
    names
}

/// "Jane Doe and John Roe", "Jane Doe, John Roe", "By Jane Doe".
fn split_authors(names: &str) -> Vec<String> {
    let names = names.trim();
    let names = names.strip_prefix("By ").or_else(|| names.strip_prefix("by ")).unwrap_or(names);
    names.split([',', ';', '|']).flat_map(|part| part.split(" and ")).map(collapse).filter(|n| looks_like_name(n)).collect()
}

fn looks_like_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=6).contains(&words) && name.len() <= 80 && !name.starts_with("http") && !name.contains('@')
}

/// Removes a trailing " | Site" or " - Site" from a `<title>`.
fn strip_site_suffix(title: &str) -> String {
    for separator in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some(at) = title.rfind(separator) {
            let (head, tail) = (&title[..at], &title[at + separator.len()..]);
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return head.trim().to_owned();
            }
        }
    }
    title.trim().to_owned()
}

/// Collapses runs of whitespace into single spaces and trims.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A date or date-time as ISO 8601, from ISO forms, "19 Nov 2019", "November 19, 2019",
/// RFC 2822 and `20191119`. Anything else is refused rather than guessed.
pub fn normalise_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let bytes = raw.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if digits(0..4) && bytes.get(4) == Some(&b'-') && digits(5..7) && bytes.get(7) == Some(&b'-') && digits(8..10) {
        let date = &raw[..10];
        if !valid_ymd(date) {
            return None;
        }
        let rest = &raw[10..];
        if (rest.starts_with('T') || rest.starts_with(' ')) && rest.len() >= 6 && rest.as_bytes()[3] == b':' {
            let end =
                rest.find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z' | 'T' | ' '))).unwrap_or(rest.len());
            let time = rest[1..end].trim().replace(' ', "");
            return Some(format!("{date}T{time}"));
        }
        return Some(date.to_owned());
    }
    if bytes.len() == 8 && digits(0..8) {
        let date = format!("{}-{}-{}", &raw[..4], &raw[4..6], &raw[6..8]);
        return valid_ymd(&date).then_some(date);
    }
    // Words: find a day, a month name and a four-digit year.
    let lower = raw.to_ascii_lowercase();
    let tokens: Vec<&str> = lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).collect();
    let month = tokens.iter().position(|t| t.len() >= 3 && MONTHS.iter().any(|m| t.starts_with(m)))?;
    let month_number = MONTHS.iter().position(|m| tokens[month].starts_with(m))? + 1;
    let year = tokens.iter().find(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))?;
    let day_of = |t: &&str| {
        let t = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<u32>().ok()).flatten()
    };
    let day = tokens.get(month + 1).and_then(day_of).or_else(|| month.checked_sub(1).and_then(|i| tokens.get(i)).and_then(day_of))?;
    let date = format!("{year}-{month_number:02}-{day:02}");
    valid_ymd(&date).then_some(date)
}

fn valid_ymd(date: &str) -> bool {
    let year: u32 = date[..4].parse().unwrap_or(0);
    let month: u32 = date[5..7].parse().unwrap_or(0);
    let day: u32 = date[8..10].parse().unwrap_or(0);
    (1900..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A date in a URL path: `/2019/11/19/`, `/2019-11-19`, `/20191119/`.
pub fn date_from_url(url: &str) -> Option<String> {
    let path_start = url.find("://").map_or(0, |i| url[i + 3..].find('/').map_or(url.len(), |j| i + 3 + j));
    let path = &url[path_start..];
    let parts: Vec<&str> = path.split(['/', '?', '#', '_']).collect();
    for window in parts.windows(3) {
        if let [y, m, d] = window {
            if y.len() == 4 && m.len() <= 2 && !m.is_empty() && d.len() <= 2 && !d.is_empty() {
                if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) {
                    let date = format!("{y:04}-{m:02}-{d:02}");
                    if valid_ymd(&date) {
                        return Some(date);
                    }
                }
            }
        }
    }
    let bytes = path.as_bytes();
    for start in 0..bytes.len() {
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            continue;
        }
        let run = bytes[start..].iter().take_while(|b| b.is_ascii_digit() || **b == b'-').count();
        if run == 0 {
            // Also keeps `start` on a character boundary: the run is ASCII.
            continue;
        }
        let candidate = &path[start..start + run.min(10)];
        let date = if candidate.len() == 10 && candidate.as_bytes()[4] == b'-' && candidate.as_bytes()[7] == b'-' {
            Some(candidate.to_owned())
        } else if candidate.len() == 8
            && candidate.bytes().all(|b| b.is_ascii_digit())
            && (candidate.starts_with("19") || candidate.starts_with("20"))
        {
            Some(format!("{}-{}-{}", &candidate[..4], &candidate[4..6], &candidate[6..8]))
        } else {
            None
        };
        if let Some(date) = date.filter(|d| valid_ymd(d)) {
            return Some(date);
        }
    }
    None
}

/// "en-US" → "en"; refuses anything that is not a two- or three-letter code.
fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic())).then_some(primary)
}

/// The host of a URL, without `www.`.
pub fn domain(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Resolves `href` against `base` for the common cases (absolute, protocol-relative,
/// root-relative); anything else is returned unchanged.
pub fn resolve(base: Option<&str>, href: &str) -> String {
    let href = href.trim();
    if href.contains("://") {
        return href.to_owned();
    }
    let Some(base) = base else { return href.to_owned() };
    let Some((scheme, rest)) = base.split_once("://") else { return href.to_owned() };
    if let Some(stripped) = href.strip_prefix("//") {
        return format!("{scheme}://{stripped}");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if href.starts_with('/') {
        return format!("{scheme}://{host}{href}");
    }
    href.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_and_graph_is_searched() {
        let html = r#"<html lang="en-GB"><head><title>Ignored | Site</title>
            <meta property="og:site_name" content="The Herald">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Herald Site"},
            {"@type":"NewsArticle","headline":"Port strike spreads","datePublished":"2022-01-07T10:15:00+00:00",
             "author":[{"@type":"Person","name":"Lena Ostrova"},{"@type":"Person","name":"Tom Hale"}],
             "articleBody":"Dock workers walked out.
 Police made arrests."}]}</script>
            <link rel="canonical" href="/news/port-strike"></head><body><h1>Other</h1></body></html>"#;
        let meta = read(&Dom::parse(html), Some("https://herald.example/x?y"));
        assert_eq!(meta.title.as_deref(), Some("Port strike spreads"));
        assert_eq!(meta.authors, ["Lena Ostrova", "Tom Hale"]);
        assert_eq!(meta.published.as_deref(), Some("2022-01-07T10:15:00+00:00"));
        assert_eq!(meta.site_name.as_deref(), Some("The Herald"));
        assert_eq!(meta.canonical_url.as_deref(), Some("https://herald.example/news/port-strike"));
        assert_eq!(meta.language.as_deref(), Some("en"));
        assert!(meta.json_ld_body.unwrap().starts_with("Dock workers"));
    }

    #[test]
    fn meta_tags_time_and_url_fallbacks() {
        let html = r#"<head><meta name="author" content="By Ann Wu and Sam Lee"><meta property="og:title" content="Harbour reopens"></head>
            <body><time datetime="2021-03-04">March 4</time></body>"#;
        let meta = read(&Dom::parse(html), None);
        assert_eq!(meta.authors, ["Ann Wu", "Sam Lee"]);
        assert_eq!(meta.title.as_deref(), Some("Harbour reopens"));
        assert_eq!(meta.published.as_deref(), Some("2021-03-04"));
        let meta =
            read(&Dom::parse("<title>A long story title here - Gazette</title>"), Some("https://www.gazette.example/2019/11/19/story"));
        assert_eq!(meta.published.as_deref(), Some("2019-11-19"));
        assert_eq!(meta.title.as_deref(), Some("A long story title here"));
        assert_eq!(meta.site_name.as_deref(), Some("gazette.example"));
    }

    #[test]
    fn dates_are_normalised_or_refused() {
        assert_eq!(normalise_date("2019-11-19 10:00:00").as_deref(), Some("2019-11-19T10:00:00"));
        assert_eq!(normalise_date("Tue, 19 Nov 2019 10:00:00 GMT").as_deref(), Some("2019-11-19"));
        assert_eq!(normalise_date("November 19th, 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(normalise_date("2019-13-45"), None);
        assert_eq!(normalise_date("yesterday"), None);
        assert_eq!(date_from_url("https://x.example/news/20200131/story").as_deref(), Some("2020-01-31"));
        assert_eq!(date_from_url("https://x.example/a-2020-01-31-b").as_deref(), Some("2020-01-31"));
        assert_eq!(date_from_url("https://x.example/story/12345678"), None);
        // Found by the `jsonl` fuzz target: a multi-byte character in the path.
        assert_eq!(date_from_url("https://x.example/ϕ\u{fffd}e/a"), None);
    }
}
