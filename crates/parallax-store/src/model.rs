//! What the store returns. These types are also the JSON API's response bodies
//! (`openapi.yaml`), so field names are part of that contract.

use parallax_brief::Brief;
use parallax_core::Document;
use serde::{Deserialize, Serialize};

pub type ArticleId = i64;
pub type StoryId = i64;

/// Where an article is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Stored, waiting for a worker.
    Pending,
    /// Leased to a worker.
    Processing,
    /// Analysed; its document carries every annotation layer.
    Done,
    /// Could not be analysed; the reason is kept.
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Processing => "processing",
            Status::Done => "done",
            Status::Failed => "failed",
        }
    }

    pub(crate) fn parse(text: &str) -> Status {
        match text {
            "pending" => Status::Pending,
            "processing" => Status::Processing,
            "done" => Status::Done,
            _ => Status::Failed,
        }
    }
}

/// What [`crate::Store::enqueue`] did with one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome", content = "id")]
pub enum Enqueued {
    /// Stored as a new pending article.
    New(ArticleId),
    /// The same URL or the same text was already stored as this article.
    Duplicate(ArticleId),
}

impl Enqueued {
    pub fn id(self) -> ArticleId {
        match self {
            Enqueued::New(id) | Enqueued::Duplicate(id) => id,
        }
    }
}

/// An article leased to a worker. `doc.id` is the article's id in the store.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub id: ArticleId,
    pub doc: Document,
}

/// The result of analysing one article: the annotated document, or why it failed.
pub type Analysis = std::result::Result<Document, String>;

/// What [`crate::Store::complete`] did with one result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completion {
    /// Stored; the story the article now belongs to, if it was grouped.
    Stored { story: Option<StoryId> },
    /// Stored as failed, with its reason.
    Failed,
    /// The worker no longer held the lease (it ran out and another worker claimed the
    /// article): nothing was written.
    LeaseLost,
}

/// How many articles are in each state, and how many stories there are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub pending: i64,
    pub processing: i64,
    pub done: i64,
    pub failed: i64,
    pub input_failures: i64,
    pub stories: i64,
}

impl Counts {
    pub fn articles(&self) -> i64 {
        self.pending + self.processing + self.done + self.failed
    }
}

/// One line of the story list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    pub id: StoryId,
    pub title: String,
    pub articles: i64,
    pub outlets: i64,
    pub facts: i64,
    pub disputed: i64,
    /// When an article last joined or the brief was last rebuilt, as milliseconds since
    /// the Unix epoch.
    pub updated_at: i64,
}

/// A story with its brief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryRecord {
    #[serde(flatten)]
    pub summary: StorySummary,
    pub brief: Brief,
    pub article_list: Vec<ArticleSummary>,
}

/// What is known about an article, without its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub status: Status,
    pub story: Option<StoryId>,
    pub url: Option<String>,
    pub input: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    /// Why it could not be analysed, when it failed.
    pub failure: Option<String>,
    pub ingested_at: i64,
    /// How many times a worker claimed it (more than once when a worker died or lost its
    /// lease while analysing it).
    pub attempts: i64,
    /// How many times its analysis was stored: 0 or 1, never more.
    pub analyses: i64,
    /// The worker holding its lease while it is processing.
    pub worker: Option<String>,
}

/// An article with its document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub document: Document,
}

/// A byte range of a snippet where a query word matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HighlightRange {
    pub start: usize,
    pub end: usize,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub article: ArticleId,
    pub story: Option<StoryId>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// A short passage of the article around the matches.
    pub snippet: String,
    /// Where the query's words are in `snippet`.
    pub highlights: Vec<HighlightRange>,
}

/// Something the user ingested that could not be analysed, with the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    /// The stored article, when the input could be read; `None` when it could not.
    pub article: Option<ArticleId>,
    pub input: String,
    pub reason: String,
    pub at: i64,
}

/// One line of `parallax export`.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ExportRecord {
    Article(Box<ArticleRecord>),
    Story { id: StoryId, brief: Box<Brief> },
    InputFailure { input: String, reason: String, at: i64 },
}
