//! RSS, Atom and JSON feeds (parsed by `feed-rs`) and OPML lists of feeds.
//!
//! Each feed entry becomes a document: its headline, a blank line, and its main text —
//! extracted from the entry's HTML content (or summary) with [`crate::extract`] when it is
//! markup, taken as it is otherwise. The entry's link, authors, publication time and the
//! feed's title (as the outlet) fill the metadata. An entry without any text is an error
//! naming the feed and the entry, and the other entries are still read.

use crate::html::Dom;
use parallax_core::{Document, Metadata};

/// One entry turned into a document, or why not.
pub type EntryResult = Result<Document, String>;

/// Whether bytes look like an RSS, Atom or RDF feed, or a JSON Feed.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = sniff_head(bytes);
    if head.starts_with(b"{") {
        return memchr::memmem::find(&head, b"jsonfeed.org").is_some();
    }
    head.starts_with(b"<")
        && (memchr::memmem::find(&head, b"<rss").is_some()
            || memchr::memmem::find(&head, b"<feed").is_some()
            || memchr::memmem::find(&head, b"<rdf:rdf").is_some())
}

/// Whether bytes look like an OPML outline.
pub fn looks_like_opml(bytes: &[u8]) -> bool {
    let head = sniff_head(bytes);
    head.starts_with(b"<") && memchr::memmem::find(&head, b"<opml").is_some()
}

/// The first 1 KiB after a byte-order mark and white space, lower-cased.
fn sniff_head(bytes: &[u8]) -> Vec<u8> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    bytes[start..bytes.len().min(start + 1024)].to_ascii_lowercase()
}

/// Parses a feed; every entry gives a document (ids from `make_id`, which receives the
/// entry's link or id) or an error message naming the entry.
pub fn read_feed(bytes: &[u8], input: &str, make_id: &mut dyn FnMut(&str) -> String) -> Result<Vec<EntryResult>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a readable feed: {e}"))?;
    let outlet = feed.title.as_ref().map(|t| crate::meta::collapse(&t.content)).filter(|t| !t.is_empty());
    let feed_language = feed.language.clone();
    let mut results = Vec::with_capacity(feed.entries.len());
    for entry in feed.entries {
        let url = entry.links.first().map(|l| l.href.clone());
        let title = entry.title.as_ref().map(|t| crate::meta::collapse(&html_to_text(&t.content))).filter(|t| !t.is_empty());
        let name = url.clone().or_else(|| title.clone()).unwrap_or_else(|| entry.id.clone());
        let markup = entry.content.as_ref().and_then(|c| c.body.clone()).or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
        let body = markup.map(|m| html_to_text(&m)).unwrap_or_default();
        if body.trim().is_empty() {
            results.push(Err(format!("entry {name}: no text in the feed (its page can be fetched by URL)")));
            continue;
        }
        let text = match &title {
            Some(title) => format!("{title}\n\n{body}"),
            None => body,
        };
        let authors = entry.authors.iter().filter_map(|p| p.name.as_deref()).map(crate::meta::collapse).filter(|n| !n.is_empty()).collect();
        let published = entry.published.or(entry.updated).map(|t| t.to_rfc3339());
        let language =
            entry.language.clone().or_else(|| feed_language.clone()).and_then(|l| l.split(['-', '_']).next().map(str::to_ascii_lowercase));
        let meta =
            Metadata { input: Some(input.to_owned()), outlet: outlet.clone(), url: url.clone(), title, authors, published, language };
        let id = make_id(url.as_deref().unwrap_or(&entry.id));
        results.push(Ok(Document::new(id, text, meta)));
    }
    Ok(results)
}

/// Main text of an HTML fragment, or the text itself when it has no markup.
fn html_to_text(content: &str) -> String {
    if !content.contains('<') && !content.contains('&') {
        return content.trim().to_owned();
    }
    let extracted = crate::extract::extract(content, None).text;
    if extracted.is_empty() {
        // A fragment too small for the extractor's prose rules: keep all of its text.
        crate::meta::collapse(&Dom::parse(content).text_content(Dom::ROOT))
    } else {
        extracted
    }
}

/// The feed URLs (`xmlUrl`) of an OPML outline, in document order.
pub fn opml_feed_urls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let dom = Dom::parse(&text);
    dom.ids()
        .filter_map(|id| dom.element(id))
        .filter(|e| &*e.name == "outline")
        .filter_map(|e| e.attr("xmlurl"))
        .map(|url| url.trim().to_owned())
        .filter(|url| url.starts_with("http://") || url.starts_with("https://"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Coastline Herald</title><link>https://herald.example/</link><language>en-gb</language>
<item><title>Harbour strike spreads</title><link>https://herald.example/a</link><dc:creator>Lena Ostrova</dc:creator>
<pubDate>Tue, 04 Mar 2031 09:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Dock workers in Port Caldera walked out on Monday, halting traffic at the port.</p><p>Share this article</p>]]></content:encoded></item>
<item><title>Bridge closed</title><link>https://herald.example/b</link><description>The council closed the old bridge.</description></item>
<item><title>Photo gallery</title><link>https://herald.example/c</link></item>
</channel></rss>"#;

    #[test]
    fn rss_entries_become_documents() {
        let mut n = 0;
        let results = read_feed(RSS.as_bytes(), "herald.xml", &mut |_| {
            n += 1;
            format!("e{n}")
        })
        .unwrap();
        assert_eq!(results.len(), 3);
        let first = results[0].as_ref().unwrap();
        assert_eq!(
            first.text().as_str(),
            "Harbour strike spreads\n\nDock workers in Port Caldera walked out on Monday, halting traffic at the port."
        );
        assert_eq!(first.meta.outlet.as_deref(), Some("Coastline Herald"));
        assert_eq!(first.meta.authors, ["Lena Ostrova"]);
        assert_eq!(first.meta.published.as_deref(), Some("2031-03-04T09:30:00+00:00"));
        assert_eq!(first.meta.url.as_deref(), Some("https://herald.example/a"));
        assert_eq!(first.meta.language.as_deref(), Some("en"));
        assert_eq!(results[1].as_ref().unwrap().text().as_str(), "Bridge closed\n\nThe council closed the old bridge.");
        assert!(results[2].as_ref().unwrap_err().contains("https://herald.example/c"));
        assert!(looks_like_feed(RSS.as_bytes()));
        assert!(read_feed(b"<rss><channel><item>", "bad.xml", &mut |_| String::new()).is_err() || !looks_like_opml(b"<rss>"));
    }

    #[test]
    fn atom_and_opml() {
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
            <entry><title>Port reopens</title><link href="https://wire.example/1"/><id>urn:1</id><updated>2031-03-05T08:00:00Z</updated>
            <author><name>Ann Wu</name></author><summary type="html">&lt;p&gt;The port reopened on Wednesday after talks.&lt;/p&gt;</summary></entry></feed>"#;
        assert!(looks_like_feed(atom.as_bytes()));
        let results = read_feed(atom.as_bytes(), "wire.atom", &mut |url| url.to_owned()).unwrap();
        let doc = results[0].as_ref().unwrap();
        assert_eq!(doc.text().as_str(), "Port reopens\n\nThe port reopened on Wednesday after talks.");
        assert_eq!(doc.id, "https://wire.example/1");
        let opml = r#"<?xml version="1.0"?><opml version="2.0"><body><outline text="News">
            <outline type="rss" text="Herald" xmlUrl="https://herald.example/feed.xml"/>
            <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
            <outline type="rss" text="Wire" xmlUrl="https://wire.example/atom"/></outline></body></opml>"#;
        assert!(looks_like_opml(opml.as_bytes()));
        assert_eq!(opml_feed_urls(opml.as_bytes()), ["https://herald.example/feed.xml", "https://wire.example/atom"]);
    }
}
