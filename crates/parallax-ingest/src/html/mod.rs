//! A small, forgiving HTML parser that builds an arena tree.
//!
//! It is not a conforming HTML5 tree builder: it implements the parts of the standard
//! that decide which text belongs to which element — raw-text elements (`script`,
//! `style`, …), comments, character references, void elements, and the implied end
//! tags that real pages rely on (`p`, `li`, `dt`/`dd`, table cells and rows, `option`,
//! headings, nested `a`). Misnested end tags close up to the matching open element or are
//! ignored. That is what main-text extraction needs, at several times the speed of a full
//! tree builder.
//!
//! Invariants: parsing never panics and never fails — any byte sequence decoded to a
//! `str` gives a tree; nesting depth is capped at [`MAX_DEPTH`] (deeper elements are
//! attached flat), so every recursive walk over a [`Dom`] is bounded. Comments,
//! doctypes and processing instructions are dropped; the text of `script` is kept only
//! for JSON-LD (`type="application/ld+json"`), and the text of `style` never.

mod entities;

use memchr::memchr;

/// Elements nested deeper than this are attached to the deepest open element instead.
pub const MAX_DEPTH: usize = 256;

/// Index of a node in its [`Dom`].
pub type NodeId = usize;

/// Attributes the parser keeps (those that say what an element is or holds metadata);
/// all others (`src`, `srcset`, `data-*`, event handlers, …) are dropped while parsing,
/// which saves most of the allocations a page would cost.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "style",
    "hidden",
    "aria-hidden",
    "role",
    "href",
    "rel",
    "content",
    "name",
    "property",
    "itemprop",
    "datetime",
    "lang",
    "xml:lang",
    "type",
    "xmlurl",
    "charset",
    "http-equiv",
];

/// An element's tag name (lower-case) and its [`KEPT_ATTRIBUTES`] (values decoded).
#[derive(Clone, Debug, Default)]
pub struct Element {
    pub name: Box<str>,
    pub attrs: Vec<(&'static str, String)>,
}

impl Element {
    /// The value of attribute `name` (lower-case), if present and kept.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

/// What a node is.
#[derive(Clone, Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    Text(String),
}

/// One node of the tree, linked to its parent, first and last child and next sibling.
#[derive(Clone, Debug)]
pub struct Node {
    pub data: NodeData,
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub next_sibling: Option<NodeId>,
}

/// A parsed page: node 0 is the document root.
#[derive(Clone, Debug)]
pub struct Dom {
    nodes: Vec<Node>,
}

impl Dom {
    pub const ROOT: NodeId = 0;

    /// Parses `html`. Never fails.
    pub fn parse(html: &str) -> Dom {
        let mut builder = Builder::new(html.len());
        builder.run(html);
        builder.dom
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The element data of `id`, if it is an element.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].data {
            NodeData::Element(element) => Some(element),
            _ => None,
        }
    }

    /// The tag name of `id`, or "" for text and the root.
    pub fn name(&self, id: NodeId) -> &str {
        self.element(id).map_or("", |e| &e.name)
    }

    /// The children of `id`, in document order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.nodes[id].first_child }
    }

    /// Every node in document order (pre-order), the root first.
    pub fn ids(&self) -> std::ops::Range<NodeId> {
        0..self.nodes.len()
    }

    /// `id` and its ancestors, nearest first.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(id), move |&n| self.nodes[n].parent)
    }

    /// The first element named `name` in document order.
    pub fn find(&self, name: &str) -> Option<NodeId> {
        self.ids().find(|&id| self.name(id) == name)
    }

    /// All text under `id`, concatenated without any separator.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.collect_text(id, &mut out);
        out
    }

    fn collect_text(&self, id: NodeId, out: &mut String) {
        match &self.nodes[id].data {
            NodeData::Text(text) => out.push_str(text),
            _ => {
                for child in self.children(id) {
                    self.collect_text(child, out);
                }
            }
        }
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.dom.nodes[id].next_sibling;
        Some(id)
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
    )
}

/// Start tags that close an open `p` (the standard's list, roughly).
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements whose content is raw text up to the matching end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" | "plaintext")
}

struct Builder {
    dom: Dom,
    stack: Vec<NodeId>,
    /// How many `svg`/`math` elements are open: inside them `<x/>` closes itself.
    foreign_depth: usize,
    /// How many `p` and `a` elements are open, so that the common start tags need not
    /// search the stack for one to close.
    open_p: usize,
    open_a: usize,
}

impl Builder {
    fn new(input_len: usize) -> Builder {
        let root = Node { data: NodeData::Document, parent: None, first_child: None, last_child: None, next_sibling: None };
        let mut nodes = Vec::with_capacity(input_len / 64 + 16);
        nodes.push(root);
        Builder { dom: Dom { nodes }, stack: vec![Dom::ROOT], foreign_depth: 0, open_p: 0, open_a: 0 }
    }

    fn current(&self) -> NodeId {
        *self.stack.last().unwrap_or(&Dom::ROOT)
    }

    fn append(&mut self, parent: NodeId, data: NodeData) -> NodeId {
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node { data, parent: Some(parent), first_child: None, last_child: None, next_sibling: None });
        match self.dom.nodes[parent].last_child {
            Some(last) => self.dom.nodes[last].next_sibling = Some(id),
            None => self.dom.nodes[parent].first_child = Some(id),
        }
        self.dom.nodes[parent].last_child = Some(id);
        id
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let parent = self.current();
        if let Some(last) = self.dom.nodes[parent].last_child {
            if let NodeData::Text(existing) = &mut self.dom.nodes[last].data {
                push_decoded(existing, text);
                return;
            }
        }
        let mut owned = String::with_capacity(text.len());
        push_decoded(&mut owned, text);
        self.append(parent, NodeData::Text(owned));
    }

    fn run(&mut self, html: &str) {
        let bytes = html.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(offset) = memchr(b'<', &bytes[pos..]) else {
                self.push_text(&html[pos..]);
                break;
            };
            let lt = pos + offset;
            self.push_text(&html[pos..lt]);
            pos = self.markup(html, lt);
        }
    }

    /// Handles the markup starting at `lt` (a `<`); returns where text resumes.
    fn markup(&mut self, html: &str, lt: usize) -> usize {
        let bytes = html.as_bytes();
        let next = bytes.get(lt + 1).copied();
        match next {
            Some(b'!') => {
                if bytes[lt..].starts_with(b"<!--") {
                    match find(bytes, lt + 4, b"-->") {
                        Some(end) => end + 3,
                        None => bytes.len(),
                    }
                } else {
                    skip_to_gt(bytes, lt + 2)
                }
            }
            Some(b'?') => skip_to_gt(bytes, lt + 2),
            Some(b'/') => match bytes.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, after_name) = read_name(html, lt + 2);
                    let end = skip_to_gt(bytes, after_name);
                    self.end_tag(&name);
                    end
                }
                Some(b'>') => lt + 3,
                _ => skip_to_gt(bytes, lt + 2),
            },
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(html, lt),
            _ => {
                self.push_text("<");
                lt + 1
            }
        }
    }

    fn start_tag(&mut self, html: &str, lt: usize) -> usize {
        let bytes = html.as_bytes();
        let (name, mut pos) = read_name(html, lt + 1);
        let mut attrs: Vec<(&'static str, String)> = Vec::new();
        let mut self_closing = false;
        loop {
            while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
                self_closing = bytes[pos] == b'/';
                pos += 1;
            }
            if pos >= bytes.len() {
                break;
            }
            if bytes[pos] == b'>' {
                pos += 1;
                break;
            }
            self_closing = false;
            let start = pos;
            while pos < bytes.len() && !matches!(bytes[pos], b'=' | b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                pos += 1;
            }
            if pos == start {
                // A lone `=` or similar: skip it so the loop always advances.
                pos += 1;
                continue;
            }
            let kept = KEPT_ATTRIBUTES.iter().copied().find(|k| k.as_bytes().eq_ignore_ascii_case(&bytes[start..pos]));
            while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
            let mut value = String::new();
            if bytes.get(pos) == Some(&b'=') {
                pos += 1;
                while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
                    pos += 1;
                }
                match bytes.get(pos) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let value_start = pos + 1;
                        let value_end = memchr(quote, &bytes[value_start..]).map_or(bytes.len(), |o| value_start + o);
                        if kept.is_some() {
                            push_decoded(&mut value, &html[value_start..value_end]);
                        }
                        pos = (value_end + 1).min(bytes.len());
                    }
                    _ => {
                        let value_start = pos;
                        while pos < bytes.len() && !bytes[pos].is_ascii_whitespace() && bytes[pos] != b'>' {
                            pos += 1;
                        }
                        if kept.is_some() {
                            push_decoded(&mut value, &html[value_start..pos]);
                        }
                    }
                }
            }
            if let Some(kept) = kept.filter(|k| !attrs.iter().any(|(n, _)| n == k)) {
                attrs.push((kept, value));
            }
        }
        let name_str: &str = &name;
        if is_raw_text(name_str) {
            let content_end = find_end_tag(bytes, pos, name_str.as_bytes());
            let keep = match name_str {
                "script" => attrs.iter().any(|(n, v)| *n == "type" && v.to_ascii_lowercase().contains("ld+json")),
                "title" | "textarea" => true,
                _ => false,
            };
            let is_script = name_str == "script";
            let parent = self.current();
            let id = self.append(parent, NodeData::Element(Element { name: name.into_boxed_str(), attrs }));
            if keep && content_end > pos {
                let mut text = String::new();
                if is_script {
                    text.push_str(&html[pos..content_end]);
                } else {
                    push_decoded(&mut text, &html[pos..content_end]);
                }
                self.append(id, NodeData::Text(text));
            }
            return if content_end >= bytes.len() { bytes.len() } else { skip_to_gt(bytes, content_end + 2) };
        }
        self.open(name, attrs, self_closing);
        pos
    }

    fn open(&mut self, name: String, attrs: Vec<(&'static str, String)>, self_closing: bool) {
        let n: &str = &name;
        if matches!(n, "html" | "body" | "head") && self.stack.iter().any(|&id| self.dom.name(id) == n) {
            return;
        }
        if self.open_p > 0 && closes_p(n) {
            self.close_in_scope(&["p"], &["table", "td", "th", "caption", "button", "object", "template", "html", "body"]);
        }
        match n {
            "li" => self.close_in_scope(&["li"], &["ul", "ol", "menu", "table", "td", "th", "body"]),
            "dt" | "dd" => self.close_in_scope(&["dt", "dd"], &["dl", "table", "td", "th", "body"]),
            "tr" => self.close_in_scope(&["tr"], &["table", "thead", "tbody", "tfoot"]),
            "td" | "th" => self.close_in_scope(&["td", "th"], &["tr", "table"]),
            "thead" | "tbody" | "tfoot" => self.close_in_scope(&["thead", "tbody", "tfoot"], &["table"]),
            "option" | "optgroup" => self.close_in_scope(&["option"], &["select", "datalist", "optgroup"]),
            "a" if self.open_a > 0 => self.close_in_scope(&["a"], &["td", "th", "table", "body"]),
            _ if is_heading(n) && is_heading(self.dom.name(self.current())) => {
                self.pop_to(self.stack.len() - 1);
            }
            _ => {}
        }
        let foreign = matches!(n, "svg" | "math");
        let parent = self.current();
        let void = is_void(n) || (self_closing && (self.foreign_depth > 0 || foreign));
        let id = self.append(parent, NodeData::Element(Element { name: name.into_boxed_str(), attrs }));
        if !void && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
            match self.dom.name(id) {
                "p" => self.open_p += 1,
                "a" => self.open_a += 1,
                _ => {}
            }
            if foreign {
                self.foreign_depth += 1;
            }
        }
    }

    /// Pops up to and including the nearest open element named in `targets`, unless an
    /// element named in `boundaries` comes first.
    fn close_in_scope(&mut self, targets: &[&str], boundaries: &[&str]) {
        for depth in (1..self.stack.len()).rev() {
            let name = self.dom.name(self.stack[depth]);
            if targets.contains(&name) {
                self.pop_to(depth);
                return;
            }
            if boundaries.contains(&name) {
                return;
            }
        }
    }

    fn pop_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            if let Some(id) = self.stack.pop() {
                match self.dom.name(id) {
                    "svg" | "math" => self.foreign_depth = self.foreign_depth.saturating_sub(1),
                    "p" => self.open_p = self.open_p.saturating_sub(1),
                    "a" => self.open_a = self.open_a.saturating_sub(1),
                    _ => {}
                }
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "br" => {
                self.open("br".to_owned(), Vec::new(), false);
                return;
            }
            "body" | "html" => return,
            _ => {}
        }
        let limit = self.stack.len().saturating_sub(64).max(1);
        for depth in (limit..self.stack.len()).rev() {
            let open = self.dom.name(self.stack[depth]);
            if open == name || (is_heading(name) && is_heading(open)) {
                self.pop_to(depth);
                return;
            }
        }
    }
}

/// Reads a tag name starting at `start`; returns it lower-cased and the position after it.
fn read_name(html: &str, start: usize) -> (String, usize) {
    let bytes = html.as_bytes();
    let mut end = start;
    while end < bytes.len() && !matches!(bytes[end], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
        end += 1;
    }
    let end = floor_char_boundary(html, end);
    (html[start..end].to_ascii_lowercase(), end)
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    while index > 0 && !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn skip_to_gt(bytes: &[u8], from: usize) -> usize {
    let from = from.min(bytes.len());
    memchr(b'>', &bytes[from..]).map_or(bytes.len(), |o| from + o + 1)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let from = from.min(bytes.len());
    memchr::memmem::find(&bytes[from..], needle).map(|o| from + o)
}

/// Where the end tag `</name` (any case) begins at or after `from`, or the input's end.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut pos = from.min(bytes.len());
    while let Some(offset) = memchr::memmem::find(&bytes[pos..], b"</") {
        let at = pos + offset;
        let after = at + 2;
        if bytes.len() >= after + name.len() && bytes[after..after + name.len()].eq_ignore_ascii_case(name) {
            let boundary = bytes.get(after + name.len()).copied();
            if boundary.is_none_or(|b| b.is_ascii_whitespace() || b == b'>' || b == b'/') {
                return at;
            }
        }
        pos = after;
    }
    bytes.len()
}

/// Appends `raw` to `out` with character references decoded.
pub fn push_decoded(out: &mut String, raw: &str) {
    let bytes = raw.as_bytes();
    let mut pos = 0;
    while let Some(offset) = memchr(b'&', &bytes[pos..]) {
        let amp = pos + offset;
        out.push_str(&raw[pos..amp]);
        match decode_reference(raw, amp + 1) {
            Some((text, next)) => {
                out.push_str(text.as_str());
                pos = next;
            }
            None => {
                out.push('&');
                pos = amp + 1;
            }
        }
    }
    out.push_str(&raw[pos..]);
}

/// Decoded text of a character reference (small enough to live on the stack).
enum Decoded {
    Char([u8; 4], usize),
    Static(&'static str),
}

impl Decoded {
    fn as_str(&self) -> &str {
        match self {
            Decoded::Char(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or("\u{fffd}"),
            Decoded::Static(text) => text,
        }
    }
}

/// Decodes the reference whose name starts at `start` (just after `&`).
fn decode_reference(raw: &str, start: usize) -> Option<(Decoded, usize)> {
    let bytes = raw.as_bytes();
    if bytes.get(start) == Some(&b'#') {
        let (hex, digits_start) = match bytes.get(start + 1) {
            Some(b'x' | b'X') => (true, start + 2),
            _ => (false, start + 1),
        };
        let mut end = digits_start;
        let mut value: u32 = 0;
        while end < bytes.len() && (if hex { bytes[end].is_ascii_hexdigit() } else { bytes[end].is_ascii_digit() }) {
            let digit = (bytes[end] as char).to_digit(16).unwrap_or(0);
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(digit);
            end += 1;
        }
        if end == digits_start {
            return None;
        }
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        let c = numeric_reference(value);
        let mut buf = [0u8; 4];
        let len = c.encode_utf8(&mut buf).len();
        return Some((Decoded::Char(buf, len), end));
    }
    let mut end = start;
    while end < bytes.len() && end - start < 32 && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == start {
        return None;
    }
    if bytes.get(end) == Some(&b';') {
        if let Some(text) = lookup_entity(&raw[start..=end]) {
            return Some((Decoded::Static(text), end + 1));
        }
    }
    // Legacy references without a semicolon: the longest known prefix.
    for len in (2..=(end - start).min(6)).rev() {
        if let Some(text) = lookup_entity(&raw[start..start + len]) {
            return Some((Decoded::Static(text), start + len));
        }
    }
    None
}

fn lookup_entity(name: &str) -> Option<&'static str> {
    let table = entities::NAMED_ENTITIES;
    table.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|i| table[i].1)
}

/// The character a numeric reference stands for, with the standard's repairs.
fn numeric_reference(value: u32) -> char {
    const WINDOWS_1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90,
        0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = if (0x80..0xA0).contains(&value) { WINDOWS_1252[(value - 0x80) as usize] } else { value };
    if value == 0 {
        return '\u{fffd}';
    }
    char::from_u32(value).unwrap_or('\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(dom: &Dom, id: NodeId, out: &mut String) {
        match &dom.node(id).data {
            NodeData::Text(text) => out.push_str(text),
            NodeData::Element(element) => {
                out.push('<');
                out.push_str(&element.name);
                out.push('>');
                for child in dom.children(id) {
                    outline(dom, child, out);
                }
                out.push_str("</");
                out.push_str(&element.name);
                out.push('>');
            }
            NodeData::Document => {
                for child in dom.children(id) {
                    outline(dom, child, out);
                }
            }
        }
    }

    fn check(html: &str, expected: &str) {
        let dom = Dom::parse(html);
        let mut out = String::new();
        outline(&dom, Dom::ROOT, &mut out);
        assert_eq!(out, expected, "parsing {html:?}");
    }

    #[test]
    fn implied_end_tags() {
        check("<p>one<p>two<div>three</div>", "<p>one</p><p>two</p><div>three</div>");
        check("<ul><li>a<li>b</ul>after", "<ul><li>a</li><li>b</li></ul>after");
        check("<table><tr><td>1<td>2<tr><td>3</table>", "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>");
        check("<h2>a<h3>b</h2>c", "<h2>a</h2><h3>b</h3>c");
        check("<a>x<a>y</a>", "<a>x</a><a>y</a>");
    }

    #[test]
    fn misnested_and_stray_end_tags() {
        check("<div><b>bold</div>after</b>", "<div><b>bold</b></div>after");
        check("</p>text</span>", "text");
        check("a</br>b", "a<br></br>b");
    }

    #[test]
    fn raw_text_comments_and_references() {
        check("<script>if (a < b) { x = '</div>' }</script><p>t", "<script></script><p>t</p>");
        check("<!-- <p>hidden</p> -->shown<!doctype x>", "shown");
        check("caf&eacute; &amp;&lt;&#233;&#x41;&#150; &notit; &copy &bogus; a&b", "café &<éA– ¬it; © &bogus; a&b");
        check("<title>A &amp; B</title>", "<title>A & B</title>");
        let dom = Dom::parse("<script type='application/ld+json'>{\"a\":1}</script>");
        assert_eq!(dom.text_content(Dom::ROOT), "{\"a\":1}");
    }

    #[test]
    fn attributes_are_read_and_decoded() {
        let dom = Dom::parse("<a HREF=\"/x?a=1&amp;b=2\" class=big data-x='q' hidden>t</a>");
        let a = dom.element(1).unwrap();
        assert_eq!(a.attr("href"), Some("/x?a=1&b=2"));
        assert_eq!(a.attr("class"), Some("big"));
        assert_eq!(a.attr("data-x"), None, "attributes that say nothing about the text are not kept");
        assert_eq!(a.attr("hidden"), Some(""));
    }

    #[test]
    fn depth_is_capped() {
        let html = "<div>".repeat(10_000) + "deep";
        let dom = Dom::parse(&html);
        let deepest = dom.ids().last().unwrap();
        assert!(dom.ancestors(deepest).count() <= MAX_DEPTH + 2);
    }

    #[test]
    fn truncated_markup_never_panics() {
        for html in
            ["<", "<a", "<a href", "<a href='", "<!--", "<!", "</", "</a", "&", "&#", "&#x", "&#99999999999;", "<script>", "<p>é<", "<é>"]
        {
            let _ = Dom::parse(html);
        }
    }
}
