//! The annotation types of every layer. Each is stand-off: it points into its article's
//! text by [`Span`]s and never copies it, except for normalised values (canonical names,
//! predicates) that do not occur verbatim.

use crate::interval::Interval;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Visits every span an annotation holds, so that a [`crate::Document`] can check them all.
pub trait Annotation {
    fn visit_spans(&self, visit: &mut dyn FnMut(Span));
}

/// What kind of block of text a line or paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Headline,
    Heading,
    Paragraph,
}

/// A structural block: the headline, a heading or a paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

/// What kind of page furniture a boilerplate span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    ImageCredit,
    Caption,
    Byline,
    AuthorBio,
    CommentPrompt,
    ShareOrSubscribe,
    RelatedLink,
    Widget,
    /// An editor's note on the article itself: "(This story corrects the number … in
    /// paragraph 1)", "Correction: An earlier version …". Its figures are the article's
    /// errata, not the story's facts.
    Correction,
}

/// A wire service's credit line, which names reporters and editors, not the story's people:
/// "Reporting by Ann Wu; Editing by Tom Hale", "(Reporting by Ann Wu in Lima)". A name follows
/// "by", and the line is in brackets, lists roles after a semicolon or is short ("Reporting by
/// the Associated Press found that …" is a sentence).
pub fn is_credit_line(text: &str) -> bool {
    let trimmed = text.trim();
    let bracketed = trimmed.starts_with('(');
    let line = trimmed.trim_start_matches('(');
    let lower = line.to_lowercase();
    let Some(prefix) = ["reporting by ", "additional reporting by ", "writing by ", "editing by ", "compiled by "]
        .into_iter()
        .find(|p| lower.starts_with(p))
    else {
        return false;
    };
    let named = line[prefix.len()..].split_whitespace().next().is_some_and(|w| w.starts_with(char::is_uppercase) && w != "The");
    let shaped = bracketed || line.contains(';') || line.split_whitespace().count() <= 12;
    named && shaped && !lower.contains(". ")
}

/// Page furniture inside the text: later stages skip it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub span: Span,
    pub kind: BoilerplateKind,
    /// Why the span was judged to be furniture, for inspection.
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    Symbol,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// The type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Organisation,
    /// Countries, cities, regions and other places (GPE and LOC).
    #[serde(rename = "LOC")]
    Place,
    /// Nationalities, religious and political groups.
    #[serde(rename = "NORP")]
    Group,
    /// Named events: storms ("Cyclone Dara", "Hurricane Edouard").
    #[serde(rename = "EVENT")]
    Event,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Organisation => "ORG",
            EntityLabel::Place => "LOC",
            EntityLabel::Group => "NORP",
            EntityLabel::Event => "EVENT",
        }
    }
}

/// A mention of a named entity, with the canonical name of the entity it refers to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    pub span: Span,
    pub label: EntityLabel,
    /// The entity's canonical name within this article; cross-article merging happens in
    /// the brief.
    pub canonical: String,
    /// For a person, the title written just before the name ("U.S. Secretary of State" of
    /// "U.S. Secretary of State Antony Blinken"), outside the mention's span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Span>,
}

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Count,
    Money,
    Percentage,
    Measure,
}

/// A quantity as an interval with its qualifier: "more than 18 police officers".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number phrase, qualifier included ("more than 18").
    pub span: Span,
    #[serde(flatten)]
    pub value: Interval,
    /// True for "about", "approximately", "some" and vague quantifiers.
    pub approx: bool,
    /// The qualifier as normalised text ("more than", "about", "dozens"), if any.
    pub qualifier: Option<String>,
    pub kind: QuantityKind,
    /// The unit, normalised (`parallax_nlp::units`): an ISO 4217 code or currency name for
    /// money ("USD", "franc"), a symbol for a measure ("km", "km2", "mph"), "%" or "pp" for a
    /// percentage; `None` for a count, whose noun is `counted`. Documents stored before the
    /// field existed read as `None`.
    #[serde(default)]
    pub unit: Option<String>,
    /// What is counted ("police officers"), when found.
    pub counted: Option<Span>,
    /// The head noun of what is counted, lower-cased ("officers").
    pub counted_head: Option<String>,
}

/// The TIMEX3 type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeKind {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression normalised to a TIMEX3 value ("2022-01-05", or "XXXX-WXX-3" for a
/// Wednesday when the publication date is unknown).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimeKind,
    pub value: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Quoted words, with quotation marks.
    Direct,
    /// Reported speech without quotation marks ("she said that …").
    Indirect,
    /// Reported speech with a quoted fragment.
    Mixed,
}

/// Who a quote or claim is attributed to, as written, and the entity it resolves to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub span: Span,
    /// The canonical name of the speaker when it could be resolved.
    pub canonical: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    pub source: Option<Source>,
    /// The speech verb ("said", "told").
    pub cue: Option<Span>,
    /// The quoted or reported words, without quotation marks.
    pub content: Span,
    /// Read by the statistical attribution tagger alone and not confirmed by the checks a
    /// brief relies on (a named or described speaker, a content of its own): kept in the
    /// annotation, where it marks attribution as PolNeAR does, and left out of briefs,
    /// claims and framing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tentative: bool,
    /// More words of one attribution: the same speaker's next sentence ("“…,” said X. “…”"),
    /// a quote running on from the previous paragraph's, or one left open at a paragraph's
    /// end before the paragraph that names its speaker. This content belongs with the nearest
    /// quote of the same source span that continues none; PolNeAR counts them as one
    /// relation whose content is in pieces.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub continues: bool,
}

impl Quote {
    /// The quotes a brief may credit: all but the tentative ones.
    pub fn credited(quotes: &[Quote]) -> Vec<Quote> {
        quotes.iter().filter(|q| !q.tentative).cloned().collect()
    }
}

/// What a claim is about, so that claims of different articles can be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Casualty,
    Detention,
    Deployment,
    Participation,
    Money,
    /// A measurement of something the story is about: an earthquake's magnitude.
    Measure,
    Event,
}

/// A typed statement of the article: {killed, security forces, (18, ∞), attributed to none}.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The normalised predicate ("killed", "injured", "arrested", "deployed"); for a count of
    /// a part of a larger group ("Among the dead were two children") "among the killed".
    pub predicate: String,
    /// The normalised group the claim is about ("security forces", "protesters", "troops").
    pub subject: String,
    /// The quantity the claim states, when it is a count.
    pub value: Option<Interval>,
    /// The number phrase the value was read from.
    pub value_span: Option<Span>,
    /// The sentence the claim rests on.
    pub evidence: Span,
    /// Who the article says the claim comes from ("the Interior Ministry", "RIA").
    pub attribution: Option<Source>,
    /// For events: the canonical names of the entities taking part, in name order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// For events: the canonical name of the place where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// For events: the TIMEX3 value of the time expression in the same sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// Whose voice a label is used in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "voice", rename_all = "snake_case")]
pub enum Voice {
    /// The outlet's own narration.
    Own,
    /// Inside a quote; the speaker's canonical name when known.
    Quoted { speaker: Option<String> },
}

/// A label applied to an actor ("terrorists" for protesters), with its voice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FramingLabel {
    pub span: Span,
    /// The actor the label names, normalised ("protesters", "troops").
    pub actor: String,
    /// The label as a lower-cased term ("terrorists").
    pub term: String,
    #[serde(flatten)]
    pub voice: Voice,
    /// True when the outlet puts the label in quotation marks in its own voice.
    pub scare_quoted: bool,
}

macro_rules! spans_of {
    ($ty:ty => |$it:ident| $body:expr) => {
        impl Annotation for $ty {
            fn visit_spans(&self, visit: &mut dyn FnMut(Span)) {
                let $it = self;
                for span in $body {
                    visit(span);
                }
            }
        }
    };
}

spans_of!(Block => |b| [b.span]);
spans_of!(Boilerplate => |b| [b.span]);
spans_of!(Sentence => |s| [s.span]);
spans_of!(Token => |t| [t.span]);
spans_of!(EntityMention => |e| [e.span]);
spans_of!(Quantity => |q| std::iter::once(q.span).chain(q.counted));
spans_of!(TimeExpression => |t| [t.span]);
spans_of!(Quote => |q| [Some(q.content), q.cue, q.source.as_ref().map(|s| s.span)].into_iter().flatten());
spans_of!(Claim => |c| [Some(c.evidence), c.value_span, c.attribution.as_ref().map(|s| s.span)].into_iter().flatten());
spans_of!(FramingLabel => |f| [f.span]);
