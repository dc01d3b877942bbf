//! Structure and page furniture of plain text.
//!
//! Every non-blank line is a block. The first line is the headline when it reads like one
//! (short, no sentence-final period, more text follows). Lines of page furniture — image
//! credits, captions, bylines, author bios, comment and share prompts, widget text,
//! related-story links — are marked as boilerplate spans. The text itself is never
//! changed: later stages simply skip those spans.

use crate::lexicon;
use crate::text_util::{is_capitalised, line_spans, stem, words};
use parallax_core::layer::{Blocks, Boilerplate as BoilerplateLayer};
use parallax_core::{Block, BlockKind, Boilerplate, BoilerplateKind, Document, LayerKind, Span, Stage, StageError};

/// Finds blocks and furniture in plain text; also fills the headline, authors and outlet
/// when the metadata lacks them and the text states them (a headline line, a byline).
pub struct PlainTextStructure;

impl Stage for PlainTextStructure {
    fn name(&self) -> &'static str {
        "structure"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Blocks, LayerKind::Boilerplate]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let analysis = analyse(doc.text().as_str());
        if doc.meta.language.is_none() {
            doc.meta.language = crate::language::detect(doc.text().as_str()).map(str::to_owned);
        }
        if doc.meta.title.is_none() {
            doc.meta.title = analysis.headline.map(|span| doc.slice(span).to_owned());
        }
        if let Some(byline) = analysis.byline {
            if doc.meta.authors.is_empty() {
                doc.meta.authors = byline.authors;
            }
            if doc.meta.outlet.is_none() {
                doc.meta.outlet = byline.outlet;
            }
        }
        // Wire copy names its outlet in the dateline of its first paragraph: "KABUL (Reuters) —".
        if doc.meta.outlet.is_none() {
            let text = doc.text().as_str();
            let furniture = |block: &&Block| analysis.boilerplate.iter().any(|b| b.span.overlaps(block.span));
            let first_paragraph = analysis.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).find(|b| !furniture(b));
            doc.meta.outlet = first_paragraph.and_then(|block| {
                let paragraph = &text[block.span.range()];
                Some(paragraph[crate::text_util::dateline(paragraph)?.outlet?].to_owned())
            });
        }
        doc.set_layer::<Blocks>(analysis.blocks)?;
        doc.set_layer::<BoilerplateLayer>(analysis.boilerplate)?;
        Ok(())
    }
}

/// What [`analyse`] finds in a text.
#[derive(Debug, Default)]
pub struct Structure {
    pub blocks: Vec<Block>,
    pub boilerplate: Vec<Boilerplate>,
    pub headline: Option<Span>,
    pub byline: Option<Byline>,
}

/// Authors and outlet read from a byline line.
#[derive(Debug, Default, PartialEq)]
pub struct Byline {
    pub authors: Vec<String>,
    pub outlet: Option<String>,
}

/// Splits `text` into blocks and marks furniture.
pub fn analyse(text: &str) -> Structure {
    let lines = line_spans(text);
    let mut structure = Structure::default();
    let mut after_author_box = false;
    for (index, &span) in lines.iter().enumerate() {
        let line = &text[span.range()];
        let furniture = furniture_kind(line, after_author_box).or_else(|| {
            let next = lines.get(index + 1).map(|next| &text[next.range()]);
            (index > 0 && is_unrelated_headline(line, next))
                .then_some((BoilerplateKind::RelatedLink, "headline-like line that the next paragraph does not follow up"))
        });
        if let Some((kind, reason)) = furniture {
            after_author_box |= kind == BoilerplateKind::Widget && line.to_lowercase().contains("tabs");
            if kind == BoilerplateKind::Byline && structure.byline.is_none() {
                structure.byline = parse_byline(line);
            }
            structure.boilerplate.push(Boilerplate { span, kind, reason: reason.to_owned() });
            continue;
        }
        let is_first_content = structure.blocks.is_empty() && index + 1 < lines.len();
        let kind = if is_first_content && looks_like_headline(line) {
            structure.headline = Some(span);
            BlockKind::Headline
        } else if looks_like_heading(line) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        structure.blocks.push(Block { span, kind });
    }
    structure
}

/// Line-start phrases of furniture, lower-cased, with their kind.
const FURNITURE_PREFIXES: &[(&str, BoilerplateKind)] = &[
    ("image source", BoilerplateKind::ImageCredit),
    ("image caption", BoilerplateKind::Caption),
    ("image copyright", BoilerplateKind::ImageCredit),
    ("image:", BoilerplateKind::ImageCredit),
    ("photo:", BoilerplateKind::Caption),
    ("photo credit", BoilerplateKind::ImageCredit),
    ("photograph:", BoilerplateKind::Caption),
    ("picture:", BoilerplateKind::Caption),
    ("caption:", BoilerplateKind::Caption),
    ("credit:", BoilerplateKind::ImageCredit),
    ("media caption", BoilerplateKind::Caption),
    ("getty images", BoilerplateKind::ImageCredit),
    ("leave a reply", BoilerplateKind::CommentPrompt),
    ("leave a comment", BoilerplateKind::CommentPrompt),
    ("post a comment", BoilerplateKind::CommentPrompt),
    ("join the conversation", BoilerplateKind::CommentPrompt),
    ("comments are closed", BoilerplateKind::CommentPrompt),
    ("you must be logged in to post a comment", BoilerplateKind::CommentPrompt),
    ("share this", BoilerplateKind::ShareOrSubscribe),
    ("share on", BoilerplateKind::ShareOrSubscribe),
    ("share:", BoilerplateKind::ShareOrSubscribe),
    ("subscribe", BoilerplateKind::ShareOrSubscribe),
    ("sign up for", BoilerplateKind::ShareOrSubscribe),
    ("sign up to", BoilerplateKind::ShareOrSubscribe),
    ("follow us", BoilerplateKind::ShareOrSubscribe),
    ("click here", BoilerplateKind::Widget),
    ("advertisement", BoilerplateKind::Widget),
    ("skip to content", BoilerplateKind::Widget),
    ("the following two tabs change content below", BoilerplateKind::Widget),
    ("the following tabs change content below", BoilerplateKind::Widget),
    ("latest posts by", BoilerplateKind::Widget),
    ("about the author", BoilerplateKind::AuthorBio),
    ("related:", BoilerplateKind::RelatedLink),
    ("related stories", BoilerplateKind::RelatedLink),
    ("related articles", BoilerplateKind::RelatedLink),
    ("read more:", BoilerplateKind::RelatedLink),
    ("read more", BoilerplateKind::RelatedLink),
    ("see also:", BoilerplateKind::RelatedLink),
    ("also read", BoilerplateKind::RelatedLink),
    ("more on this story", BoilerplateKind::RelatedLink),
];

/// How an editor's note on the article opens: "(This story corrects …)", "Correction, 11
/// April 2031, 14:05: An earlier version of this article gave …".
const CORRECTION_OPENERS: &[&str] = &[
    "this story corrects",
    "this article corrects",
    "corrects ",
    "correction:",
    "correction,",
    "corrections:",
    "clarification:",
    "an earlier version of this article",
    "an earlier version of this story",
    "this article has been corrected",
    "this story has been corrected",
    "editor's note:",
    "editor’s note:",
];

/// The kind of furniture `line` is, if any, with the rule that said so.
fn furniture_kind(line: &str, after_author_box: bool) -> Option<(BoilerplateKind, &'static str)> {
    let lower = line.to_lowercase();
    let word_count = words(line).count();
    if let Some((_, kind)) = FURNITURE_PREFIXES
        .iter()
        .find(|(prefix, _)| lower.starts_with(prefix) && (word_count <= 12 || matches!(prefix.chars().last(), Some(':'))))
    {
        return Some((*kind, "line starts with a furniture phrase"));
    }
    if is_byline(line) {
        return Some((BoilerplateKind::Byline, "byline: a name with a reporting role and no sentence"));
    }
    let note = lower.trim_start_matches(['(', '[']);
    if CORRECTION_OPENERS.iter().any(|opener| note.starts_with(opener)) {
        return Some((BoilerplateKind::Correction, "an editor's correction of the article"));
    }
    if parallax_core::annotation::is_credit_line(line) {
        return Some((BoilerplateKind::Byline, "credit line: who reported and edited the story"));
    }
    if is_author_bio(line) || (after_author_box && word_count > 12) {
        return Some((BoilerplateKind::AuthorBio, "author biography"));
    }
    None
}

/// "By Jane Doe", "BBC correspondent Jane Doe (Jane Doe) from Almaty": a short line with a
/// reporting role or a leading "By", capitalised names, and no sentence punctuation.
fn is_byline(line: &str) -> bool {
    let word_list: Vec<&str> = words(line).collect();
    if word_list.is_empty() || word_list.len() > 14 || line.ends_with('.') || line.contains('“') || line.contains('"') {
        return false;
    }
    let starts_with_by = word_list[0] == "By" && word_list.get(1).is_some_and(|w| is_capitalised(w));
    let has_role = word_list.iter().any(|w| {
        matches!(w.to_lowercase().as_str(), "correspondent" | "reporter" | "reporting" | "staff" | "writer" | "contributor" | "editor")
    });
    let has_duplicated_name = duplicated_parenthetical(line).is_some();
    (starts_with_by && word_list.len() <= 8) || (has_role && (has_duplicated_name || word_list.len() <= 8))
}

/// "Name (Name)": a parenthesised repetition of the words just before it.
fn duplicated_parenthetical(line: &str) -> Option<&str> {
    let open = line.find('(')?;
    let close = open + line[open..].find(')')?;
    let inner = line[open + 1..close].trim();
    (!inner.is_empty() && line[..open].trim_end().ends_with(inner)).then_some(inner)
}

/// Reads authors and outlet from a byline line.
fn parse_byline(line: &str) -> Option<Byline> {
    let mut byline = Byline::default();
    if let Some(name) = duplicated_parenthetical(line) {
        byline.authors.push(name.to_owned());
    }
    let word_list: Vec<&str> = words(line).collect();
    if let Some(role) = word_list.iter().position(|w| w.eq_ignore_ascii_case("correspondent") || w.eq_ignore_ascii_case("reporter")) {
        // The run of capitalised words just before the role, without a leading "By": "By our
        // correspondent in Dravosk" names no outlet, and neither does "our Moscow
        // correspondent" (the outlet's own beat or post).
        let before = &word_list[..role];
        let first = before.iter().rposition(|w| !is_capitalised(w) || *w == "By").map_or(0, |i| i + 1);
        let outlet = &before[first..];
        let own_post = before.iter().any(|w| w.eq_ignore_ascii_case("our"));
        if !outlet.is_empty() && !own_post {
            byline.outlet = Some(outlet.join(" "));
        }
        if byline.authors.is_empty() {
            let name: Vec<&str> = word_list[role + 1..].iter().copied().take_while(|w| is_capitalised(w)).collect();
            if !name.is_empty() {
                byline.authors.push(name.join(" "));
            }
        }
    } else if word_list.first() == Some(&"By") && word_list.len() >= 3 && word_list.last().is_some_and(|w| w.eq_ignore_ascii_case("staff"))
    {
        // "By Zhana Dauys staff": the outlet's own staff, no one named.
        let outlet = &word_list[1..word_list.len() - 1];
        // Not a desk of the paper itself ("By Our Political Staff", "By Sports Staff").
        let desk = outlet.iter().any(|w| matches!(*w, "Our" | "Sports" | "Political" | "Business" | "Foreign" | "News" | "City" | "Home"));
        if outlet.iter().all(|w| is_capitalised(w)) && !desk {
            byline.outlet = Some(outlet.join(" "));
        }
    } else if word_list.first() == Some(&"By") {
        let name: Vec<&str> = word_list[1..].iter().copied().take_while(|w| is_capitalised(w) || *w == "and").collect();
        byline.authors.extend(name.join(" ").split(" and ").map(str::to_owned));
    }
    (!byline.authors.is_empty() || byline.outlet.is_some()).then_some(byline)
}

/// "Paul, 37, is from Scotland …", "Jane Doe is a freelance journalist who …": a
/// paragraph that introduces a writer.
fn is_author_bio(line: &str) -> bool {
    let mut parts = line.splitn(3, ',');
    let (Some(name), Some(age), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let is_name = !name_words.is_empty() && name_words.len() <= 3 && name_words.iter().all(|w| is_capitalised(w));
    let age = age.trim();
    let is_age = (1..=3).contains(&age.len()) && age.chars().all(|c| c.is_ascii_digit());
    let rest = rest.trim_start();
    // News introduces people the same way ("Okafor, 51, was indicted last June", "Jones, 34,
    // is being held, authorities said"): a bio speaks in the present of a writer's or a
    // scholar's work, and attributes nothing and reports no arrest or wound.
    let words: Vec<String> = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let work = has(&[
        "writes",
        "writer",
        "journalist",
        "reporter",
        "author",
        "editor",
        "columnist",
        "correspondent",
        "blog",
        "blogger",
        "freelance",
        "professor",
        "fellow",
        "researcher",
        "lecturer",
        "scholar",
    ]);
    let news = has(&[
        "said",
        "says",
        "according",
        "told",
        "held",
        "detained",
        "arrested",
        "charged",
        "accused",
        "wounded",
        "killed",
        "shot",
        "jailed",
        "convicted",
        "missing",
        "injured",
    ]);
    is_name && is_age && work && !news && ["is ", "has ", "lives ", "works "].iter().any(|verb| rest.starts_with(verb))
}

/// A first line that reads as a headline: 3–25 words, no sentence-final period.
fn looks_like_headline(line: &str) -> bool {
    let count = words(line).count();
    (3..=25).contains(&count) && !line.ends_with('.') && !line.ends_with(':')
}

/// A short line without a final period: a section heading.
fn looks_like_heading(line: &str) -> bool {
    let count = words(line).count();
    (1..=12).contains(&count) && !line.ends_with('.') && !line.ends_with(',') && !line.ends_with(':')
}

/// A headline-like line inside the body whose content words do not recur in the next
/// paragraph. A section heading announces what follows; a link to another story does not.
fn is_unrelated_headline(line: &str, next: Option<&str>) -> bool {
    let Some(next) = next else { return false };
    if !looks_like_heading(line) || line.ends_with('?') || line.ends_with('!') || words(line).count() < 5 {
        return false;
    }
    if line.starts_with(|c: char| crate::text_util::is_opening_quote(c)) {
        return false;
    }
    let next_stems: Vec<String> = words(next).map(stem).collect();
    !words(line).filter(|w| !lexicon::contains_ci(lexicon::STOPWORDS, w)).map(stem).any(|w| next_stems.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, String)> {
        let structure = analyse(text);
        let mut out: Vec<(usize, String, String)> = structure
            .blocks
            .iter()
            .map(|b| (b.span.start(), format!("{:?}", b.kind), text[b.span.range()].to_owned()))
            .chain(structure.boilerplate.iter().map(|b| (b.span.start(), format!("{:?}", b.kind), text[b.span.range()].to_owned())))
            .collect();
        out.sort();
        out.into_iter().map(|(_, kind, line)| (kind, line)).collect()
    }

    #[test]
    fn marks_furniture_and_keeps_the_story() {
        let text = "Harbour strike spreads to second port\n\
            Image source,Coastal Guard\n\
            Dock workers walked out on Monday. Police made arrests.\n\
            Correspondent Lena Ostrova (Lena Ostrova) from Port Caldera\n\
            The strike began after wages were cut.\n\
            Share this article\n\
            Dana, 41, is from Leeds and writes about labour.\n\
            Leave a Reply";
        let got = kinds(text);
        let expect = [
            ("Headline", "Harbour strike spreads to second port"),
            ("ImageCredit", "Image source,Coastal Guard"),
            ("Paragraph", "Dock workers walked out on Monday. Police made arrests."),
            ("Byline", "Correspondent Lena Ostrova (Lena Ostrova) from Port Caldera"),
            ("Paragraph", "The strike began after wages were cut."),
            ("ShareOrSubscribe", "Share this article"),
            ("AuthorBio", "Dana, 41, is from Leeds and writes about labour."),
            ("CommentPrompt", "Leave a Reply"),
        ];
        let expect: Vec<(String, String)> = expect.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn an_editors_correction_is_no_part_of_the_story() {
        let text = "Seven dead as special forces storm prison\n\
            Special forces stormed the prison on Monday, freeing 11 guards held hostage.\n\
            (This story corrects the number of guards taken hostage to 11 from 12 in paragraph 1)\n\
            Correction, 11 April 2031, 14:05: An earlier version of this article gave his age as 43.\n\
            The correction of the toll came on Tuesday.";
        let got = kinds(text);
        let kinds: Vec<&str> = got.iter().map(|(kind, _)| kind.as_str()).collect();
        assert_eq!(kinds, ["Headline", "Paragraph", "Correction", "Correction", "Paragraph"], "{got:?}");
    }

    #[test]
    fn reads_the_byline() {
        let byline = parse_byline("Herald correspondent Lena Ostrova (Lena Ostrova) from Port Caldera").unwrap();
        assert_eq!(byline, Byline { authors: vec!["Lena Ostrova".into()], outlet: Some("Herald".into()) });
        let byline = parse_byline("By Tom Hale and Ann Wu").unwrap();
        assert_eq!(byline.authors, ["Tom Hale", "Ann Wu"]);
        assert_eq!(parse_byline("By our correspondent in Dravosk"), None);
        assert_eq!(parse_byline("By our Mediterranean correspondent"), None);
        assert_eq!(parse_byline("Our Moscow correspondent"), None);
        assert_eq!(parse_byline("By BBC correspondent Ann Wu").unwrap().outlet.as_deref(), Some("BBC"));
        assert_eq!(parse_byline("By Zhana Dauys staff"), Some(Byline { authors: vec![], outlet: Some("Zhana Dauys".into()) }));
    }

    #[test]
    fn wire_copy_names_its_outlet_in_the_dateline() {
        let outlet = |text: &str| {
            let mut doc = Document::new("t", text, Default::default());
            PlainTextStructure.annotate(&mut doc).unwrap();
            doc.meta.outlet
        };
        let wire = "Quake toll rises to 87\nImage source, Eastwind Photo\nSARVIC, Dovrania (Eastwind) — The toll rose to 87 on Sunday.";
        assert_eq!(outlet(wire).as_deref(), Some("Eastwind"));
        assert_eq!(outlet("Quake toll rises\nSARVIC — The toll rose to 87 on Sunday."), None);
    }

    #[test]
    fn a_wire_credit_line_is_furniture() {
        let text = "Port closes after strike\nThe port closed on Monday.\n(Reporting by Ann Wu in Lima and Tom Hale in Quito; Editing by Sofia Marr)";
        let structure = analyse(text);
        assert_eq!(structure.boilerplate.len(), 1, "{structure:?}");
        assert!(text[structure.boilerplate[0].span.range()].starts_with("(Reporting"));
        assert!(analyse("Reporting by the ministry showed gaps. It said so.").boilerplate.is_empty());
        let sentence = "Reporting by the Associated Press found that at least 40 people had died in police custody since 2020.";
        assert!(analyse(&format!("{sentence}\nMore text.")).boilerplate.is_empty());
        let sentence =
            "Compiled by the UN human rights office, the figures show 3,000 civilians were killed in the first half of the year.";
        assert!(analyse(&format!("{sentence}\nMore text.")).boilerplate.is_empty());
    }

    #[test]
    fn a_first_line_that_is_a_sentence_is_not_a_headline() {
        let structure = analyse("The port closed on Monday after a strike.\nMore text follows here.");
        assert!(structure.headline.is_none());
    }

    #[test]
    fn tells_a_related_link_from_a_section_heading() {
        let text = "Body paragraph about the strike ended.\n\
            Unions in Eastland continue to spread unrest\n\
            Some of the people I met were happy to see troops.\n\
            Port minister questioned the strikers\n\
            The port minister questioned why the strikers refused talks.";
        let got = kinds(text);
        assert_eq!(got[1].0, "RelatedLink");
        assert_eq!(got[3].0, "Heading");
    }

    #[test]
    fn bio_after_an_author_box_widget_is_furniture() {
        let text = "Story text here.\nThe following two tabs change content below.\nSam has worked in retail, farming and teaching, and now writes for us about politics in Asia.";
        let got = kinds(text);
        assert_eq!(got[1].0, "Widget");
        assert_eq!(got[2].0, "AuthorBio");
    }

    #[test]
    fn a_person_introduced_with_an_age_is_news_not_a_bio() {
        let text = "Headline of a trial story\nOkafor, 51, was indicted last June on 23 counts of bank fraud.\nSmith, 45, is a father of three who was shot on Monday.\nJones, 34, is being held without bail, authorities said.\nReyes, 60, is negotiating with creditors.";
        let got = kinds(text);
        assert!(got.iter().all(|(kind, _)| kind != "AuthorBio"), "{got:?}");
        let bio = "Story text here.\nMaria Lopez, 52, is a professor of economics at the University of Chicago.";
        assert_eq!(kinds(bio)[1].0, "AuthorBio");
    }
}
