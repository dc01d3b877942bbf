//! The brief: the versioned JSON contract (see `schema/brief.schema.json`).

use serde::{Deserialize, Serialize};

/// Bumped on any change that is not a pure addition.
pub const SCHEMA_VERSION: &str = "1.0";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub schema_version: String,
    pub story: StoryInfo,
    pub articles: Vec<ArticleRef>,
    pub facts: Vec<Fact>,
    pub quotes: Vec<QuoteEntry>,
    pub entities: Vec<EntityEntry>,
    pub framing: Vec<FramingEntry>,
    pub timeline: Vec<TimelineEntry>,
    /// Caveats a reader should know (unknown publication dates, articles left out).
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryInfo {
    pub id: usize,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// The article's id, unique in the brief (the file stem for files).
    pub id: String,
    /// The short citation mark used in text renderings ("1").
    pub cite: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The path or URL the article was read from.
    pub input: Option<String>,
    pub language: Option<String>,
    pub authors: Vec<String>,
    /// The id of the article this one is a near-copy of (a syndicated or re-published
    /// text); a copy does not count as a second outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Every outlet gives the same value.
    Agreed,
    /// Values overlap, or one is more precise than another.
    Compatible,
    /// At least two outlets give values that cannot both be true.
    Disputed,
    /// Only one outlet reports it.
    SingleSource,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agreed => "agreed",
            Verdict::Compatible => "compatible",
            Verdict::Disputed => "disputed",
            Verdict::SingleSource => "single-source",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub verdict: Verdict,
    /// One line saying what is reported and how the outlets' figures relate.
    pub summary: String,
    /// What is reported, without figures or citations ("Troops deployed in Kazakhstan").
    #[serde(default)]
    pub headline: String,
    pub kind: String,
    pub predicate: String,
    pub subject: String,
    /// How many outlets report it.
    pub outlets: usize,
    /// How many independent upstream sources stand behind those outlets.
    pub upstream_sources: usize,
    /// A caveat on the verdict: an outlet that gives more than one figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub reports: Vec<Report>,
}

impl Fact {
    /// The unit every value of the fact is given in, which its predicate names in
    /// parentheses: "EUR" for "pledged (EUR)", "m" for "rose (m)".
    pub fn unit(&self) -> Option<&str> {
        self.predicate.strip_suffix(')').and_then(|p| p.rsplit_once('(')).map(|(_, unit)| unit)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The id of the article in `articles`.
    pub article: String,
    /// The sentence the report rests on, with its byte span in the article's text.
    pub evidence: Evidence,
    /// The figure as written ("more than 18"), when the fact is a count.
    pub figure: Option<Evidence>,
    pub value: Option<Value>,
    /// Who the article says the figure comes from, as a canonical name.
    pub attributed_source: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    pub span: SpanOut,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

impl From<parallax_core::Span> for SpanOut {
    fn from(span: parallax_core::Span) -> SpanOut {
        SpanOut { start: span.start(), end: span.end() }
    }
}

/// A count as an interval; `high` is null when open above.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Value {
    pub low: f64,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub approx: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteEntry {
    /// The canonical speaker, or the speaker phrase as written when unresolved.
    pub speaker: String,
    pub content: String,
    pub kind: String,
    pub articles: Vec<String>,
    /// True when the articles reporting this statement give it in different words
    /// (paraphrase, translation, a partial quote).
    #[serde(default)]
    pub wording_differs: bool,
    pub reports: Vec<QuoteReport>,
}

impl QuoteEntry {
    /// How the statement was reported: its kind, after the reporting verbs that say more
    /// than "said" when the reports use any ("denied (indirect)", "warned, claimed (direct)").
    pub fn how(&self) -> String {
        let mut cues: Vec<&str> = Vec::new();
        for cue in self.reports.iter().filter_map(|r| r.cue.as_deref()) {
            if !cues.contains(&cue) {
                cues.push(cue);
            }
        }
        if cues.is_empty() {
            self.kind.clone()
        } else {
            format!("{} ({})", cues.join(", "), self.kind)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteReport {
    pub article: String,
    /// The speaker as the article names them ("Brinken", "she").
    pub speaker_as_written: Option<String>,
    /// The verb that reports the statement when it says more than that it was said
    /// ("denied", "accused", "claimed"); none for "said", "told", "according to".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    pub content: Evidence,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityEntry {
    pub canonical: String,
    #[serde(rename = "type")]
    pub label: String,
    pub aliases: Vec<String>,
    pub articles: Vec<String>,
    pub mentions: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FramingEntry {
    /// The actor labelled ("protesters", "troops").
    pub actor: String,
    pub article: String,
    pub labels: Vec<LabelUse>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelUse {
    pub term: String,
    /// "own" for the outlet's voice, "quoted" inside a quote.
    pub voice: String,
    pub speaker: Option<String>,
    pub scare_quoted: bool,
    pub count: usize,
    pub first: Evidence,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// TIMEX3 value ("2022-01-05TEV", or "XXXX-WXX-3TEV" for a Wednesday evening).
    pub when: String,
    /// The time expression as written ("late Wednesday evening").
    pub as_written: String,
    pub article: String,
    pub evidence: Evidence,
}
