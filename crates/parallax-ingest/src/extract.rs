//! Main-text extraction from HTML.
//!
//! The page is parsed ([`crate::html::Dom`]) and linearised into text blocks: one per
//! paragraph-level element (paragraph, heading, list item, table cell, …), each with its
//! nearest block-level container, its share of link text, and the page-furniture
//! elements it sits in (class/id/role/tag patterns such as `share`, `related`,
//! `comments`, `sidebar`, `aside`, `footer`). Each block gets a weight — positive for
//! prose, negative for link lists and furniture — and the main content is the element
//! whose blocks weigh most: the smallest subtree that holds the article's prose and as
//! little else as possible. Its blocks, less furniture and link lists, are the main text,
//! one paragraph per block with headings kept as their own paragraphs. A JSON-LD
//! `articleBody`, when present, is a strong hint: blocks it contains weigh more, blocks
//! it lacks weigh less.
//!
//! Invariants: never panics on any input; the output text is trimmed, its paragraphs are
//! separated by exactly one blank line, and `blocks` tile it (every paragraph has one
//! block, in order, with no overlap and only the blank lines between them).

use crate::html::{Dom, Element, NodeData, NodeId};
use crate::meta::{self, PageMeta};
use std::collections::HashSet;
use std::ops::Range;

/// Whether an extracted paragraph is a heading or body text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextBlockKind {
    Heading,
    Paragraph,
}

/// One paragraph of the extracted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBlock {
    /// Byte range in [`Extracted::text`].
    pub range: Range<usize>,
    pub kind: TextBlockKind,
}

/// The main text of a page, its paragraphs, and the page's metadata.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The article body (without the headline), paragraphs separated by blank lines.
    pub text: String,
    pub blocks: Vec<TextBlock>,
    pub meta: PageMeta,
}

/// Extracts the main text and metadata of an HTML page; `url` is where it came from.
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    let dom = Dom::parse(html);
    extract_dom(&dom, url)
}

/// [`extract`] on an already parsed page.
pub fn extract_dom(dom: &Dom, url: Option<&str>) -> Extracted {
    let meta = meta::read(dom, url);
    let start = dom.find("body").unwrap_or(Dom::ROOT);
    let mut walker = Walker {
        dom,
        links: LinkStats::new(dom),
        blocks: Vec::new(),
        buf: String::new(),
        link_bytes: 0,
        pending_space: false,
        cur: Context::root(start),
        furniture: Vec::new(),
    };
    let root = walker.cur;
    walker.walk(start, &root);
    walker.flush();
    let blocks = walker.blocks;
    let chosen = choose(dom, &blocks, &meta);
    let mut out = Extracted { meta, ..Extracted::default() };
    for block in chosen {
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(block.text.trim());
        let kind = if matches!(block.role, Role::Heading(_)) { TextBlockKind::Heading } else { TextBlockKind::Paragraph };
        out.blocks.push(TextBlock { range: start..out.text.len(), kind });
    }
    out
}

/// What kind of element a block's text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Heading(u8),
    Paragraph,
    ListItem,
    Preformatted,
    Quote,
    Cell,
    Caption,
}

/// A paragraph-level run of text with what is known about where it sits.
#[derive(Debug)]
struct RawBlock {
    text: String,
    /// Bytes of text inside links.
    link_bytes: usize,
    /// The nearest block-level element around the text.
    container: NodeId,
    role: Role,
    /// Furniture elements (by class, id, role or tag) around the block, outermost first.
    furniture: Vec<NodeId>,
}

impl RawBlock {
    fn link_density(&self) -> f64 {
        self.link_bytes as f64 / self.text.len().max(1) as f64
    }

    /// Mostly links: navigation, link lists, "more stories". A long sentence may be more
    /// than half links and still be prose.
    fn is_link_list(&self) -> bool {
        self.link_density() > if self.text.len() >= 150 { 0.7 } else { 0.5 }
    }
}

#[derive(Clone, Copy, Debug)]
struct Context {
    container: NodeId,
    role: Role,
    in_link: bool,
    preformatted: bool,
}

impl Context {
    fn root(container: NodeId) -> Context {
        Context { container, role: Role::Paragraph, in_link: false, preformatted: false }
    }
}

/// Per-node text and link totals of each subtree, computed in one pass.
struct LinkStats {
    text_bytes: Vec<u32>,
    link_bytes: Vec<u32>,
    links: Vec<u32>,
}

impl LinkStats {
    fn new(dom: &Dom) -> LinkStats {
        let n = dom.len();
        let (mut text_bytes, mut link_bytes, mut links) = (vec![0u32; n], vec![0u32; n], vec![0u32; n]);
        // Children come after their parents in the arena, so a reverse sweep sees every
        // subtree complete before its parent.
        for id in (0..n).rev() {
            match &dom.node(id).data {
                NodeData::Text(text) => text_bytes[id] = u32::try_from(text.trim().len()).unwrap_or(u32::MAX),
                NodeData::Element(element) if &*element.name == "a" => {
                    link_bytes[id] = text_bytes[id];
                    links[id] += 1;
                }
                _ => {}
            }
            if let Some(parent) = dom.node(id).parent {
                text_bytes[parent] = text_bytes[parent].saturating_add(text_bytes[id]);
                link_bytes[parent] = link_bytes[parent].saturating_add(link_bytes[id]);
                links[parent] = links[parent].saturating_add(links[id]);
            }
        }
        LinkStats { text_bytes, link_bytes, links }
    }

    /// An inline element made of three or more links and almost nothing else: a hover
    /// card or share strip inside a paragraph.
    fn is_inline_link_cluster(&self, id: NodeId) -> bool {
        self.links[id] >= 3 && u64::from(self.link_bytes[id]) * 10 >= u64::from(self.text_bytes[id]) * 9
    }
}

struct Walker<'a> {
    dom: &'a Dom,
    links: LinkStats,
    blocks: Vec<RawBlock>,
    buf: String,
    link_bytes: usize,
    pending_space: bool,
    /// The context of the block being filled.
    cur: Context,
    /// Furniture elements open around the current position, outermost first.
    furniture: Vec<NodeId>,
}

impl Walker<'_> {
    fn walk(&mut self, id: NodeId, ctx: &Context) {
        for child in self.dom.children(id) {
            match &self.dom.node(child).data {
                NodeData::Text(text) => self.push_text(text, ctx),
                NodeData::Element(element) => self.element(child, element, ctx),
                NodeData::Document => {}
            }
        }
    }

    fn element(&mut self, id: NodeId, element: &Element, ctx: &Context) {
        let name: &str = &element.name;
        if is_skipped(name) || is_hidden(element) {
            return;
        }
        if matches!(name, "br" | "hr") {
            self.flush();
            return;
        }
        if !is_block(name) && name != "a" && self.links.is_inline_link_cluster(id) {
            return;
        }
        let mut inner = *ctx;
        inner.in_link |= name == "a";
        inner.preformatted |= name == "pre";
        let furniture = is_furniture(element);
        if is_block(name) {
            inner.container = id;
            inner.role = role_of(name).unwrap_or(ctx.role);
            self.flush();
            self.cur = inner;
        }
        if furniture {
            self.furniture.push(id);
        }
        self.walk(id, &inner);
        if is_block(name) {
            self.flush();
            self.cur = *ctx;
        }
        if furniture {
            self.furniture.pop();
        }
    }

    fn push_text(&mut self, text: &str, ctx: &Context) {
        if ctx.preformatted {
            if self.pending_space && !self.buf.is_empty() {
                self.buf.push(' ');
            }
            self.pending_space = false;
            self.buf.push_str(text);
            if ctx.in_link {
                self.link_bytes += text.len();
            }
            return;
        }
        if text.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        for word in text.split_whitespace() {
            if self.pending_space && !self.buf.is_empty() {
                self.buf.push(' ');
            }
            self.buf.push_str(word);
            if ctx.in_link {
                self.link_bytes += word.len();
            }
            self.pending_space = true;
        }
        self.pending_space = text.ends_with(char::is_whitespace) || (self.pending_space && text.trim().is_empty());
    }

    fn flush(&mut self) {
        let trimmed = self.buf.trim();
        if !trimmed.is_empty() {
            let text = if trimmed.len() == self.buf.len() { std::mem::take(&mut self.buf) } else { trimmed.to_owned() };
            self.blocks.push(RawBlock {
                text,
                link_bytes: self.link_bytes,
                container: self.cur.container,
                role: self.cur.role,
                furniture: self.furniture.clone(),
            });
        }
        self.buf.clear();
        self.link_bytes = 0;
        self.pending_space = false;
    }
}

/// Elements whose content is never article text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "nav"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "img"
            | "picture"
            | "map"
            | "dialog"
    )
}

fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    element.attr("class").is_some_and(|class| {
        class.split_whitespace().any(|c| {
            matches!(
                c,
                "hidden"
                    | "sr-only"
                    | "visually-hidden"
                    | "visuallyhidden"
                    | "screen-reader-text"
                    | "screenreader-only"
                    | "offscreen"
                    | "hide"
            )
        })
    })
}

/// Elements that start and end a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "fieldset"
            | "legend"
            | "form"
            | "body"
            | "html"
            | "hgroup"
            | "menu"
    )
}

fn role_of(name: &str) -> Option<Role> {
    Some(match name {
        "h1" => Role::Heading(1),
        "h2" => Role::Heading(2),
        "h3" => Role::Heading(3),
        "h4" => Role::Heading(4),
        "h5" => Role::Heading(5),
        "h6" => Role::Heading(6),
        "p" => Role::Paragraph,
        "li" | "dt" | "dd" => Role::ListItem,
        "pre" => Role::Preformatted,
        "blockquote" => Role::Quote,
        "td" | "th" => Role::Cell,
        "figure" | "figcaption" | "caption" => Role::Caption,
        _ => return None,
    })
}

/// Class and id words that mark page furniture wherever they appear.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "advertising",
    "author",
    "authors",
    "bio",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "cookie",
    "copyright",
    "credit",
    "credits",
    "disqus",
    "footer",
    "masthead",
    "menu",
    "meta",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "pager",
    "popular",
    "popup",
    "promo",
    "related",
    "reply",
    "respond",
    "rss",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "trending",
    "widget",
];

/// Word prefixes that mark furniture ("sharedaddy", "commentlist", "recommended").
const FURNITURE_PREFIXES: &[&str] = &[
    "share",
    "comment",
    "social",
    "related",
    "sidebar",
    "newsletter",
    "subscri",
    "advert",
    "sponsor",
    "recommend",
    "breadcrumb",
    "promo",
    "outbrain",
    "taboola",
];

/// Words whose furniture mark is never lifted, however much prose the element holds.
const COMMENT_WORDS: &[&str] = &["comment", "comments", "disqus", "respond", "reply"];

fn is_furniture(element: &Element) -> bool {
    if matches!(&*element.name, "aside" | "footer") {
        return true;
    }
    if matches!(&*element.name, "body" | "html" | "main" | "article") {
        return false;
    }
    if let Some(role) = element.attr("role") {
        if matches!(role, "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "menu" | "menubar" | "dialog" | "alert") {
            return true;
        }
    }
    // An embedded post ("social-media-embed", "twitter-tweet") is quoted content, not a
    // share button, whatever other words its class has.
    let embedded = [element.attr("class"), element.attr("id")]
        .iter()
        .flatten()
        .any(|v| v.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w.eq_ignore_ascii_case("embed") || w.eq_ignore_ascii_case("tweet")));
    !embedded && has_furniture_word(element)
}

/// Furniture markers that count wherever they occur inside a class or id word
/// ("figcaption", "imageembedcaption", "postbyline").
const FURNITURE_INFIXES: &[&str] =
    &["caption", "byline", "newsletter", "advert", "breadcrumb", "sidebar", "taboola", "outbrain", "disqus", "sharebar", "sharing"];

/// The class and id words of `element` that mark furniture, lower-cased. Words are split
/// at punctuation and at camel-case humps ("InlineImage-imageEmbedCredit" gives
/// "inlineimage", "inline", "image", "imageembedcredit", "image", "embed", "credit").
fn furniture_words(element: &Element) -> impl Iterator<Item = String> + '_ {
    let class = element.attr("class").unwrap_or("");
    let id = element.attr("id").unwrap_or("");
    let whole_words =
        class.split(|c: char| !c.is_ascii_alphanumeric()).chain(id.split(|c: char| !c.is_ascii_alphanumeric())).filter(|w| !w.is_empty());
    whole_words
        .flat_map(|word| std::iter::once(word).chain(camel_humps(word)))
        .filter(|word| word.len() <= 64 && is_furniture_word(&word.to_ascii_lowercase()))
        .map(str::to_ascii_lowercase)
}

/// Whether any class or id word of `element` marks furniture; allocates nothing.
fn has_furniture_word(element: &Element) -> bool {
    let mut buf = [0u8; 64];
    [element.attr("class"), element.attr("id")].into_iter().flatten().any(|value| {
        value.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty() && w.len() <= 64).any(|word| {
            std::iter::once(word).chain(camel_humps(word)).any(|part| {
                let lower = &mut buf[..part.len()];
                lower.copy_from_slice(part.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(is_furniture_word)
            })
        })
    })
}

fn is_furniture_word(word: &str) -> bool {
    FURNITURE_WORDS.contains(&word)
        || FURNITURE_PREFIXES.iter().any(|prefix| word.len() > prefix.len() && word.starts_with(prefix) && word != "commentary")
        || (word.len() >= 6 && FURNITURE_INFIXES.iter().any(|infix| word.contains(infix)))
}

/// The parts of a camel-case word, when it has more than one.
fn camel_humps(word: &str) -> impl Iterator<Item = &str> {
    let bytes = word.as_bytes();
    let humps: Vec<usize> = (1..bytes.len()).filter(|&i| bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase()).collect();
    let bounds: Vec<usize> =
        if humps.is_empty() { Vec::new() } else { std::iter::once(0).chain(humps).chain(std::iter::once(bytes.len())).collect() };
    (0..bounds.len().saturating_sub(1)).map(move |i| &word[bounds[i]..bounds[i + 1]])
}

fn is_comment_section(element: &Element) -> bool {
    furniture_words(element).any(|word| COMMENT_WORDS.iter().any(|c| word.starts_with(c)))
}

/// Blocks of at least this many bytes can be prose; shorter ones weigh nothing.
const MIN_PROSE_BYTES: usize = 30;

/// One line per text block: whether it was kept, its weight, role, link density,
/// furniture and container, and the start of its text. For tuning and bug reports.
pub fn debug_blocks(html: &str) -> Vec<String> {
    let dom = Dom::parse(html);
    let meta = meta::read(&dom, None);
    let start = dom.find("body").unwrap_or(Dom::ROOT);
    let mut walker = Walker {
        dom: &dom,
        links: LinkStats::new(&dom),
        blocks: Vec::new(),
        buf: String::new(),
        link_bytes: 0,
        pending_space: false,
        cur: Context::root(start),
        furniture: Vec::new(),
    };
    let root = walker.cur;
    walker.walk(start, &root);
    walker.flush();
    let blocks = walker.blocks;
    let mut decisions = Vec::new();
    let chosen = choose_with(&dom, &blocks, &meta, Some(&mut decisions));
    let describe = |id: NodeId| {
        dom.element(id)
            .map_or(String::from("#root"), |e| format!("{}.{}#{}", e.name, e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")))
    };
    let mut lines = vec![format!("best: {}", decisions.first().map_or(String::new(), |d: &(NodeId, f64, bool)| describe(d.0)))];
    for (block, (_, weight, furniture)) in blocks.iter().zip(decisions.iter().skip(1)) {
        let kept = chosen.iter().any(|c| std::ptr::eq(*c, block));
        let text: String = block.text.chars().take(90).collect();
        let furniture_names: Vec<String> = block.furniture.iter().map(|&f| describe(f)).collect();
        lines.push(format!(
            "{} {:>7.0} {:?} ld={:.2} {}{} [{}] {}",
            if kept { "KEEP" } else { "    " },
            weight,
            block.role,
            block.link_density(),
            if *furniture { "F " } else { "" },
            furniture_names.join(">"),
            describe(block.container),
            text
        ));
    }
    lines
}

/// Picks the main content's blocks, in document order.
fn choose<'b>(dom: &Dom, blocks: &'b [RawBlock], meta: &PageMeta) -> Vec<&'b RawBlock> {
    choose_with(dom, blocks, meta, None)
}

/// [`choose`], recording (best element, 0, false) and then (container, weight, furniture)
/// per block when `decisions` is given.
fn choose_with<'b>(
    dom: &Dom,
    blocks: &'b [RawBlock],
    meta: &PageMeta,
    mut decisions: Option<&mut Vec<(NodeId, f64, bool)>>,
) -> Vec<&'b RawBlock> {
    if blocks.is_empty() {
        return Vec::new();
    }
    // Lift the furniture mark of an element that holds most of the page's prose in at least
    // three paragraphs: a wrapper class such as `has-sidebar` must not hide the article.
    let prose = |b: &RawBlock| b.text.len() >= 80 && b.link_density() < 0.3;
    let total_prose: usize = blocks.iter().filter(|b| prose(b)).map(|b| b.text.len()).sum();
    let mut prose_in: std::collections::BTreeMap<NodeId, (usize, usize)> = std::collections::BTreeMap::new();
    for block in blocks.iter().filter(|b| prose(b)) {
        for &element in &block.furniture {
            let entry = prose_in.entry(element).or_default();
            entry.0 += block.text.len();
            entry.1 += 1;
        }
    }
    let lifted: HashSet<NodeId> = prose_in
        .iter()
        .filter(|&(&element, &(bytes, count))| {
            bytes * 2 >= total_prose && count >= 3 && !dom.element(element).is_some_and(is_comment_section)
        })
        .map(|(&element, _)| element)
        .collect();
    let teasers = teaser_items(dom, blocks, total_prose);
    let is_furniture = |b: &RawBlock| b.furniture.iter().any(|f| !lifted.contains(f)) || teasers.contains(&b.container);

    let body_hint = meta.json_ld_body.as_deref().filter(|body| body.split_whitespace().count() >= 40).map(Shingles::new);

    let mut scores = vec![0.0f64; dom.len()];
    let mut weights = Vec::with_capacity(blocks.len());
    for block in blocks {
        let weight = weight(block, is_furniture(block), body_hint.as_ref());
        weights.push(weight);
        if weight == 0.0 {
            continue;
        }
        for ancestor in dom.ancestors(block.container) {
            scores[ancestor] += weight;
        }
    }
    let best = (0..scores.len())
        .filter(|&id| dom.element(id).is_some())
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(a.cmp(&b)))
        .unwrap_or(Dom::ROOT);
    if let Some(decisions) = decisions.as_mut() {
        decisions.push((best, scores[best], false));
        decisions.extend(blocks.iter().zip(&weights).map(|(b, &w)| (b.container, w, is_furniture(b))));
    }
    let inside = |block: &RawBlock| dom.ancestors(block.container).any(|a| a == best);
    let title = meta.title.as_deref().map(normalise_for_compare);
    let mut chosen: Vec<&RawBlock> = blocks
        .iter()
        .filter(|b| inside(b) && !is_furniture(b))
        .filter(|b| !b.is_link_list())
        .filter(|b| b.role != Role::Caption)
        .filter(|b| {
            // The headline again, alone or after a kicker ("BREAKING NEWS: …").
            let Some(title) = title.as_deref().filter(|t| !t.is_empty() && b.text.len() <= t.len() * 2 + 16) else { return true };
            let text = normalise_for_compare(&b.text);
            let extra_words = text.strip_suffix(title).map(|kicker| kicker.split_whitespace().count());
            extra_words.is_none_or(|n| n > 4)
        })
        .filter(|b| !is_furniture_line(&b.text) && b.text.chars().any(char::is_alphanumeric))
        .collect();
    // Short lines before the first paragraph (dates, kickers, "Key points") and headings
    // or short lines after the last one ("Comments", "Related articles") frame the
    // article rather than belong to it.
    let leading = chosen.iter().take_while(|b| !matches!(b.role, Role::Heading(_)) && !is_sentence_like(&b.text)).count();
    chosen.drain(..leading);
    // One or two short blocks before the element that holds most of the prose, and
    // outside it, are a standfirst or summary set apart from the body (or furniture).
    let mut prose_by_parent: std::collections::HashMap<NodeId, usize> = std::collections::HashMap::new();
    for block in &chosen {
        let parent =
            if block.role == Role::Paragraph { dom.node(block.container).parent.unwrap_or(block.container) } else { block.container };
        *prose_by_parent.entry(parent).or_default() += block.text.len();
    }
    if let Some((&core, &core_bytes)) = prose_by_parent.iter().max_by_key(|&(&id, &bytes)| (bytes, std::cmp::Reverse(id))) {
        let outside = chosen.iter().take_while(|b| !dom.ancestors(b.container).any(|a| a == core)).count();
        let outside_bytes: usize = chosen[..outside].iter().map(|b| b.text.len()).sum();
        if outside <= 2 && outside < chosen.len() && outside_bytes <= 300 && outside_bytes * 8 <= core_bytes {
            chosen.drain(..outside);
        }
    }
    while chosen.last().is_some_and(|b| matches!(b.role, Role::Heading(_)) || (b.role != Role::ListItem && !is_sentence_like(&b.text))) {
        chosen.pop();
    }
    chosen
}

/// Prose-like: at least 40 bytes, or ending like a sentence.
fn is_sentence_like(text: &str) -> bool {
    text.len() >= 40 || text.trim_end().ends_with(['.', '!', '?', '"', '”', '’', ')', ':', '…'])
}

/// Line-start phrases of page furniture, lower-case, for lines of at most ten words.
const FURNITURE_LINE_PREFIXES: &[&str] = &[
    "advertisement",
    "advert",
    "sponsored content",
    "comments",
    "related articles",
    "related stories",
    "related posts",
    "related coverage",
    "related:",
    "read more",
    "read next",
    "more from",
    "more on this",
    "you may also like",
    "you might also like",
    "recommended for you",
    "share this",
    "share on",
    "share:",
    "sign up for",
    "sign up to",
    "subscribe to",
    "follow us",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "join the conversation",
    "this slideshow requires javascript",
    "tell us what you think",
    "image source",
    "image caption",
    "image copyright",
    "media caption",
    "photo:",
    "image:",
    "credit:",
    "the following two tabs change content below",
    "the following tabs change content below",
    "skip to content",
    "please enable javascript",
    "copyright ©",
    "all rights reserved",
    "source:",
    "sources:",
    "have your say",
    "related tags",
    "tags:",
    "post comment",
    "more:",
];

/// A line that is page furniture by its wording: prompts, widget text, credits and
/// captions, publication-date lines, newsletter and contact blurbs.
fn is_furniture_line(text: &str) -> bool {
    let word_count = text.split_whitespace().count();
    if word_count > 40 {
        return false;
    }
    let lower = text.to_lowercase();
    if word_count <= 10
        && (FURNITURE_LINE_PREFIXES.iter().any(|prefix| lower.starts_with(prefix))
            || lower.starts_with("don't miss")
            || lower.starts_with("don’t miss"))
    {
        return true;
    }
    // Wire-service credit lines name many people: "Reporting by …; Editing by …".
    if parallax_core::annotation::is_credit_line(text) {
        return true;
    }
    if word_count <= 12 && (lower.ends_with("getty images") || lower.ends_with("getty images)")) {
        return true;
    }
    is_credited_caption(&lower)
        || (word_count <= 16 && is_date_line(&lower))
        || (word_count <= 30 && is_promo_or_contact(&lower))
        || (word_count <= 25 && is_metadata_line(text))
        || is_shortcode(&lower)
}

/// "05/10/2018 - Published by: Jane Doe - Category: Health - Tags: …": a date and two or
/// more capitalised field labels between separators.
fn is_metadata_line(text: &str) -> bool {
    let labels = text.split_whitespace().filter(|w| w.len() > 2 && w.ends_with(':') && w.starts_with(char::is_uppercase)).count();
    let separated = [" - ", " | ", " • ", " · "].iter().any(|sep| text.contains(sep));
    let has_year = text.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    labels >= 2 && separated && has_year
}

/// A content-management shortcode left in the page: "[button link=…]Send us …[/button]".
fn is_shortcode(lower: &str) -> bool {
    lower.starts_with('[') && lower.contains("[/") && lower.trim_end().ends_with(']')
}

/// "Protesters gathered outside (Image: GETTY)": a caption ending in a bracketed credit.
fn is_credited_caption(lower: &str) -> bool {
    let trimmed = lower.trim_end();
    let Some(inner) = trimmed.strip_suffix(')').and_then(|t| t.rsplit_once('(')).map(|(_, inner)| inner.trim_start()) else {
        return false;
    };
    ["image:", "image :", "photo:", "photo :", "picture:", "pictures:", "credit:", "photograph:", "images:"]
        .iter()
        .any(|p| inner.starts_with(p))
}

const MONTH_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "utc",
    "bst",
    "et",
    "est",
    "edt",
    "pt",
    "pst",
    "pdt",
    "cet",
    "ist",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "th",
    "st",
    "nd",
    "rd",
    "date",
    "time",
    "hours",
    "hour",
    "ago",
    "minutes",
    "mins",
    "min",
    "read",
];

/// "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05": a line of dates and times.
fn is_date_line(lower: &str) -> bool {
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return false;
    }
    let has_date =
        words.iter().any(|w| MONTH_WORDS.contains(w) || (w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit())));
    let dateish = words
        .iter()
        .filter(|w| {
            MONTH_WORDS.contains(w)
                || DATE_LINE_WORDS.contains(w)
                || w.bytes().all(|b| b.is_ascii_digit())
                || (w.len() <= 4 && {
                    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                })
        })
        .count();
    has_date && dateish * 10 >= words.len() * 8
}

/// Newsletter pitches and author contact lines: "Subscribe to our newsletters",
/// "Jane may be reached at jane@example.com. Follow her on Twitter".
fn is_promo_or_contact(lower: &str) -> bool {
    let newsletter = lower.contains("newsletter") && (lower.contains("subscribe") || lower.contains("sign up") || lower.contains("inbox"));
    let contact = lower.contains('@')
        && (lower.contains("reached at") || lower.contains("contact") || lower.contains("follow") || lower.contains("email"))
        && lower.split_whitespace().any(|w| w.contains('@') && w.contains('.'));
    newsletter || contact
}

/// Containers of blocks that belong to teaser items: repeated siblings (three or more
/// elements of one tag and class) that each start with a link-heavy title followed by a
/// little text (under a quarter of the page's prose) — the cards of "more stories"
/// lists, which read like prose but are not the article.
fn teaser_items(dom: &Dom, blocks: &[RawBlock], total_prose: usize) -> HashSet<NodeId> {
    #[derive(Default, Clone, Copy)]
    struct Stats {
        text_bytes: usize,
        /// Whether the first block of 15 bytes or more is mostly link text.
        starts_with_link: Option<bool>,
        texts: usize,
    }
    let mut stats = vec![Stats::default(); dom.len()];
    for block in blocks {
        let linked_title = block.link_density() > 0.6 && block.text.len() >= 15;
        for element in dom.ancestors(block.container).take(5) {
            let entry = &mut stats[element];
            if entry.starts_with_link.is_none() && block.text.len() >= 15 {
                entry.starts_with_link = Some(linked_title);
            }
            if !linked_title {
                let unlinked = block.text.len() - block.link_bytes.min(block.text.len());
                entry.text_bytes += unlinked;
                entry.texts += usize::from(block.link_density() < 0.6 && unlinked >= 20);
            }
        }
    }
    let signature =
        |id: NodeId| dom.element(id).map(|e| (&*e.name, e.attr("class").and_then(|c| c.split_whitespace().next()).unwrap_or("")));
    let is_item = |id: NodeId| {
        let s = &stats[id];
        if s.starts_with_link != Some(true)
            || s.texts == 0
            || s.text_bytes > 800
            || s.text_bytes * 4 > total_prose
            || !matches!(dom.name(id), "li" | "div" | "article" | "section")
        {
            return false;
        }
        let Some(parent) = dom.node(id).parent else { return false };
        let own = signature(id);
        dom.children(parent).filter(|&sibling| signature(sibling) == own).count() >= 3
    };
    let mut teasers = HashSet::new();
    for block in blocks {
        if dom.ancestors(block.container).take(5).any(is_item) {
            teasers.insert(block.container);
        }
    }
    teasers
}

/// How much a block says "main content".
fn weight(block: &RawBlock, furniture: bool, body_hint: Option<&Shingles>) -> f64 {
    let len = block.text.len() as f64;
    let density = block.link_density();
    if furniture {
        return -len;
    }
    if block.is_link_list() {
        return -len * density;
    }
    // The JSON-LD body is often truncated, so blocks it lacks keep their usual weight.
    if body_hint.is_some_and(|hint| block.text.len() >= MIN_PROSE_BYTES && hint.covers(&block.text)) {
        return 2.0 * len;
    }
    if block.text.len() < MIN_PROSE_BYTES || block.role == Role::Caption {
        return 0.0;
    }
    len * (1.0 - density)
}

/// Lower-case words joined by single spaces, for comparing titles and headings.
fn normalise_for_compare(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// Word-trigram fingerprints of a text, to ask whether another text is part of it.
struct Shingles {
    set: HashSet<u64>,
}

impl Shingles {
    fn new(text: &str) -> Shingles {
        Shingles { set: trigrams(text).collect() }
    }

    /// At least half of `text`'s trigrams occur in the hint.
    fn covers(&self, text: &str) -> bool {
        let (mut total, mut found) = (0usize, 0usize);
        for hash in trigrams(text) {
            total += 1;
            found += usize::from(self.set.contains(&hash));
        }
        total > 0 && found * 2 >= total
    }
}

fn trigrams(text: &str) -> impl Iterator<Item = u64> + '_ {
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let count = words.len().saturating_sub(2);
    (0..count).map(move |i| {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for word in &words[i..i + 3] {
            word.to_lowercase().hash(&mut hasher);
        }
        hasher.finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r##"<html><head><title>Harbour strike spreads | The Herald</title></head><body>
        <header class="site-header"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></header>
        <nav><ul><li><a href="/a">World</a></li><li><a href="/b">Business</a></li></ul></nav>
        <div class="layout">
          <article>
            <h1>Harbour strike spreads</h1>
            <div class="byline">By Lena Ostrova</div>
            <p>Dock workers in Port Caldera walked out on Monday, halting traffic at the country's second port.</p>
            <figure><img src="x.jpg"><figcaption>Workers at the gate. Photo: Coastal Guard</figcaption></figure>
            <h2>Wages cut</h2>
            <p>The strike began after the port authority cut wages by a tenth, the union said in a statement.</p>
            <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            <p>Police made several arrests near the main gate, according to local media, but the protest stayed calm.</p>
          </article>
          <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/1">Another story about something else entirely</a></li></ul></aside>
        </div>
        <div id="comments"><h3>Leave a Reply</h3><p>This is a long comment from a reader who disagrees with the union, written at length.</p></div>
        <footer><p>Copyright The Herald. All rights reserved. Contact us for syndication and licensing.</p></footer>
        </body></html>"##;

    #[test]
    fn keeps_the_article_and_drops_the_furniture() {
        let extracted = extract(ARTICLE, None);
        let paragraphs: Vec<&str> = extracted.text.split("\n\n").collect();
        assert_eq!(
            paragraphs,
            [
                "Dock workers in Port Caldera walked out on Monday, halting traffic at the country's second port.",
                "Wages cut",
                "The strike began after the port authority cut wages by a tenth, the union said in a statement.",
                "Police made several arrests near the main gate, according to local media, but the protest stayed calm.",
            ]
        );
        assert_eq!(extracted.blocks[1].kind, TextBlockKind::Heading);
        assert_eq!(extracted.meta.title.as_deref(), Some("Harbour strike spreads"));
    }

    #[test]
    fn blocks_tile_the_text() {
        let extracted = extract(ARTICLE, None);
        let mut expected_start = 0;
        for block in &extracted.blocks {
            assert_eq!(block.range.start, expected_start);
            let text = &extracted.text[block.range.clone()];
            assert_eq!(text, text.trim());
            assert!(!text.contains("\n\n"));
            expected_start = block.range.end + 2;
        }
        assert_eq!(expected_start, extracted.text.len() + 2);
    }

    #[test]
    fn a_body_class_never_hides_the_article() {
        let html = r#"<body class="single-post has-sidebar comments-open"><div class="post sidebar-right">
            <p>First paragraph of a long enough story about the harbour and the strike that followed.</p>
            <p>Second paragraph of the same story, which also runs long enough to count as prose.</p>
            <p>Third paragraph of the same story, which also runs long enough to count as prose.</p></div></body>"#;
        assert_eq!(extract(html, None).text.split("\n\n").count(), 3);
    }

    #[test]
    fn json_ld_body_steers_the_choice() {
        let story = "The council voted on Tuesday to close the old bridge to traffic after engineers found cracks in two of its supports, and repairs are expected to take most of the year.";
        let other = "Our newsletter brings you the best stories of the week, hand picked by our editors, every Friday morning straight to your inbox for free.";
        let html = format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Bridge closed","articleBody":"{story} {story}"}}</script>
            <div><p>{other}</p><p>{other}</p></div><div><p>{story}</p></div>"#
        );
        assert_eq!(extract(&html, None).text, story);
    }

    #[test]
    fn teaser_cards_after_the_article_are_dropped() {
        let para = "The council voted on Tuesday to close the old bridge to traffic after engineers found cracks in its supports.";
        let card = |n: u32| {
            format!(
                r#"<div class="card"><h3><a href="/s{n}">Another story number {n} with a long linked title</a></h3>
                <p>A teaser for story {n}, long enough to read like a sentence of prose, but not part of this article.</p></div>"#
            )
        };
        let html = format!(
            "<body><div class=main><div class=story><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></div><div class=more>{}{}{}{}</div></div></body>",
            card(1),
            card(2),
            card(3),
            card(4)
        );
        let text = extract(&html, None).text;
        assert_eq!(text.split("\n\n").count(), 4, "{text}");
        assert!(!text.contains("teaser"));
    }

    #[test]
    fn furniture_lines_are_recognised_by_wording() {
        for line in [
            "Protesters gathered outside the port on Monday (Image: GETTY)",
            "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
            "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter.",
            "Get the latest updates right in your inbox. Subscribe to our newsletters.",
            "Leave a Reply",
            "The following two tabs change content below.",
            "Image source,Russian Defence Ministry",
            "05/10/2018 - Publicado por: Clara Borba - Categoria: Saúde - Tags: carro",
            "[button link=\"/submit\" type=\"big\"] Send us YOUR review[/button]",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
        for line in [
            "He was arrested in April for the March 21 call to the offices of the mayor.",
            "What is new in 2.26 (September pack)?",
            "Police said the photo (taken on Monday) was genuine.",
            "The minister said: the 2020 budget is final, and added: there will be no delay.",
        ] {
            assert!(!is_furniture_line(line), "{line}");
        }
    }

    #[test]
    fn hover_cards_inside_paragraphs_are_skipped_and_embeds_kept() {
        let html = r#"<article><p>Governor <a href="/p/1">Ann Wu</a><span class="card"><a href="/p/1">Ann Wu</a> <a href="/a/1">Another headline</a> <a href="/a/2">Yet another headline</a></span> defended the campaign on Monday, her office said.</p>
            <p>The slogan drew criticism and ridicule across social media on Monday and Tuesday, officials said.</p>
            <div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real and the state paid for it, a reader wrote online.</p></blockquote></div></article>"#;
        let text = extract(html, None).text;
        assert!(text.starts_with("Governor Ann Wu defended the campaign on Monday"), "{text}");
        assert!(text.contains("Yes this is real"), "{text}");
    }

    #[test]
    fn a_standfirst_set_apart_from_the_body_is_dropped_but_a_split_body_is_kept() {
        let para = "The council voted on Tuesday to close the old bridge to traffic after engineers found cracks in its supports.";
        let standfirst = "Engineers found cracks in two supports of the old bridge.";
        let html = format!(
            "<article><p class=summary>{standfirst}</p><div class=body><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></div>\
             <p class=credit-line>Reporting by Ann Wu; Editing by Tom Hale</p></article>"
        );
        let text = extract(&html, None).text;
        assert!(!text.contains(standfirst) && !text.contains("Reporting by"), "{text}");
        let split =
            format!("<article><div class=part><p>{para}</p><p>{para}</p></div><div class=part><p>{para}</p><p>{para}</p></div></article>");
        assert_eq!(extract(&split, None).text.split("\n\n").count(), 4);
    }

    #[test]
    fn empty_and_garbage_pages_give_empty_text() {
        assert_eq!(extract("", None).text, "");
        assert_eq!(extract("<html><body><nav>Menu</nav></body></html>", None).text, "");
        let _ = extract("<<<>>>&&&;;;<p><p><table><td><li></td></p>", None);
    }
}
