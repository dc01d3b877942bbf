//! The corpus commands: `ingest`, `stories`, `story`, `search`, `export`, `failures`,
//! `worker` and `serve`. Glue over `parallax-store` and `parallax-server`; kept apart from
//! `main.rs` so that the one-shot commands there stay small.

use crate::{report, Outcome};
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use parallax_store::worker::{default_worker_name, run_worker, WhenIdle, WorkerConfig, WorkerEvent};
use parallax_store::{Enqueued, Store};
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Where the corpus is.
#[derive(Args, Clone, Debug)]
pub struct DbArgs {
    /// The database: a path to an SQLite file, or a postgres:// URL. Defaults to
    /// $PARALLAX_DB, else $XDG_DATA_HOME/parallax/parallax.db, else
    /// ~/.local/share/parallax/parallax.db.
    #[arg(long, value_name = "PATH|URL", global = true)]
    db: Option<String>,
}

impl DbArgs {
    fn open(&self) -> Result<Box<dyn Store>> {
        let location = match &self.db {
            Some(db) => db.clone(),
            None => parallax_store::default_location()?,
        };
        parallax_store::open(&location).with_context(|| format!("opening the database {}", redact(&location)))
    }
}

/// A URL without its password, for messages.
fn redact(location: &str) -> String {
    if let (Some(scheme_end), Some(at)) = (location.find("://"), location.rfind('@')) {
        let credentials = &location[scheme_end + 3..at];
        if let Some((user, _password)) = credentials.split_once(':') {
            return format!("{}{user}:***{}", &location[..scheme_end + 3], &location[at..]);
        }
    }
    location.to_owned()
}

#[derive(Subcommand)]
pub enum StoreCommand {
    /// Read articles into the corpus, analyse them and group them into stories.
    ///
    /// Inputs are read as `parallax brief` reads them. Each article is stored once: the same
    /// URL or the same text again is recognised and skipped, so running ingest twice changes
    /// nothing. Inputs that cannot be read and articles that cannot be analysed are stored
    /// with the reason (see `parallax failures`). Safe to interrupt: what was stored stays,
    /// and articles left half-done are analysed by the next ingest or worker.
    Ingest {
        #[command(flatten)]
        db: DbArgs,
        /// Files or directories to read.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Only store the articles as pending, for `parallax worker` processes to analyse.
        #[arg(long)]
        enqueue_only: bool,
        /// Publication date (YYYY-MM-DD) for articles that do not state one.
        #[arg(long, value_name = "DATE", value_parser = crate::parse_date)]
        published: Option<String>,
    },
    /// List the stories in the corpus, most recently updated first.
    Stories {
        #[command(flatten)]
        db: DbArgs,
        /// How many to list.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print the brief of one story (its id from `parallax stories`).
    Story {
        #[command(flatten)]
        db: DbArgs,
        id: i64,
        /// Output format. JSON follows schema/brief.schema.json; HTML is one self-contained
        /// page.
        #[arg(long, value_enum, default_value_t = StoryFormat::Text)]
        format: StoryFormat,
    },
    /// Full-text search over the articles' titles and texts (English stemming; every word
    /// must occur).
    Search {
        #[command(flatten)]
        db: DbArgs,
        /// The words to look for.
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Write the whole corpus as JSON Lines: every article with its annotated document,
    /// every story with its brief, every input that could not be read.
    Export {
        #[command(flatten)]
        db: DbArgs,
        /// Write here instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the inputs and articles that could not be analysed, with the reason.
    Failures {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Analyse pending articles, claiming them through the database, until stopped.
    ///
    /// Any number of workers, on any number of machines, can share one PostgreSQL
    /// database: each batch is leased to one worker and renewed while it works; a worker
    /// that dies loses nothing, its articles are claimed again when the lease runs out.
    Worker {
        #[command(flatten)]
        db: DbArgs,
        /// Articles claimed at once.
        #[arg(long, default_value_t = 16)]
        batch: usize,
        /// Seconds a claim lasts without a heartbeat.
        #[arg(long, default_value_t = 60)]
        lease_secs: u64,
        /// Stop when no article is pending or being analysed by another worker, instead of
        /// waiting for more.
        #[arg(long)]
        exit_when_idle: bool,
        /// The worker's name in leases (default: host, process id and start time).
        #[arg(long)]
        name: Option<String>,
    },
    /// Serve the web UI and the JSON API (see openapi.yaml).
    Serve {
        #[command(flatten)]
        db: DbArgs,
        /// Address to listen on. Anything other than loopback exposes the corpus.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// Enables the write endpoints (POST /api/articles), which then require
        /// `Authorization: Bearer TOKEN`. Defaults to $PARALLAX_TOKEN; without a token the
        /// server is read-only.
        #[arg(long, value_name = "TOKEN")]
        token: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StoryFormat {
    Text,
    Markdown,
    Json,
    /// A self-contained page: the brief beside its articles, citations linked to sentences.
    Html,
}

pub fn run(command: StoreCommand) -> Result<Outcome> {
    match command {
        StoreCommand::Ingest { db, inputs, enqueue_only, published } => ingest(&*db.open()?, &inputs, enqueue_only, published),
        StoreCommand::Stories { db, limit, format } => stories(&*db.open()?, limit, format),
        StoreCommand::Story { db, id, format } => story(&*db.open()?, id, format),
        StoreCommand::Search { db, query, limit, format } => search(&*db.open()?, &query.join(" "), limit, format),
        StoreCommand::Export { db, output } => export(&*db.open()?, output),
        StoreCommand::Failures { db } => failures(&*db.open()?),
        StoreCommand::Worker { db, batch, lease_secs, exit_when_idle, name } => {
            worker(&*db.open()?, batch, lease_secs, exit_when_idle, name)
        }
        StoreCommand::Serve { db, bind, token } => {
            let token = token.or_else(|| std::env::var("PARALLAX_TOKEN").ok()).filter(|t| !t.is_empty());
            let store = db.open()?;
            report(&format!(
                "serving on http://{bind}/ ({})",
                if token.is_some() { "write endpoints on, token required" } else { "read-only" }
            ));
            parallax_server::serve_blocking(parallax_server::ServerConfig { bind, token }, store.into(), report)?;
            Ok(Outcome::Complete)
        }
    }
}

fn bar(len: u64, message: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} {per_sec} eta {eta}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar.set_message(message);
    bar
}

const ENQUEUE_CHUNK: usize = 256;

fn ingest(store: &dyn Store, inputs: &[PathBuf], enqueue_only: bool, published: Option<String>) -> Result<Outcome> {
    let reading = ProgressBar::new_spinner().with_message("reading inputs");
    reading.enable_steady_tick(Duration::from_millis(120));
    let batch = parallax_ingest::read_inputs(inputs);
    reading.finish_and_clear();
    let mut unreadable = 0;
    for error in &batch.errors {
        report(&error.to_string());
        let input = input_of(error);
        store.record_input_failure(&input, &error.to_string())?;
        unreadable += 1;
    }
    for loaded in &batch.loaded {
        for warning in &loaded.warnings {
            report(&format!("warning: {warning}"));
        }
    }
    let docs: Vec<_> = batch
        .loaded
        .into_iter()
        .map(|loaded| {
            let mut doc = loaded.doc;
            if doc.meta.published.is_none() {
                doc.meta.published.clone_from(&published);
            }
            doc
        })
        .collect();
    let storing = bar(docs.len() as u64, "storing");
    let (mut new, mut duplicates) = (0, 0);
    for chunk in docs.chunks(ENQUEUE_CHUNK) {
        for outcome in store.enqueue(chunk)? {
            match outcome {
                Enqueued::New(_) => new += 1,
                Enqueued::Duplicate(_) => duplicates += 1,
            }
        }
        storing.inc(chunk.len() as u64);
    }
    storing.finish_and_clear();
    let mut failed = 0;
    if !enqueue_only {
        let pending = store.counts()?;
        let analysing = bar((pending.pending + pending.processing) as u64, "analysing");
        let pipeline = parallax_nlp::default_pipeline().context("building the analysis pipeline")?;
        // A short lease: if this ingest is killed, the next one takes its articles over soon.
        let config = WorkerConfig {
            batch_size: 64,
            lease: Duration::from_secs(10),
            when_idle: WhenIdle::Drain,
            ..WorkerConfig::new(default_worker_name())
        };
        let worker_report = run_worker(store, &pipeline, &config, &AtomicBool::new(false), &|event| {
            if let WorkerEvent::Analysed = event {
                analysing.inc(1);
            }
        })?;
        analysing.finish_and_clear();
        failed = worker_report.failed;
    }
    let counts = store.counts()?;
    report(&format!(
        "{new} new, {duplicates} already stored, {unreadable} unreadable, {failed} could not be analysed; corpus: {} articles ({} pending, {} failed), {} stories",
        counts.articles(),
        counts.pending + counts.processing,
        counts.failed,
        counts.stories
    ));
    if failed > 0 {
        report("see `parallax failures` for the reasons");
    }
    Ok(if unreadable + failed > 0 { Outcome::Partial } else { Outcome::Complete })
}

/// The input an error names (the text before its first ": ").
fn input_of(error: &parallax_ingest::InputError) -> String {
    let message = error.to_string();
    message.split_once(": ").map_or(message.clone(), |(input, _)| input.to_owned())
}

fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

fn stories(store: &dyn Store, limit: usize, format: ListFormat) -> Result<Outcome> {
    let stories = store.stories(limit, 0)?;
    let mut out = stdout();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &stories)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
            if stories.is_empty() {
                report("no stories yet: add articles with `parallax ingest INPUT...`");
            }
            for story in &stories {
                writeln!(
                    out,
                    "{:>6}  {:>3} articles  {:>3} outlets  {:>3} facts ({} disputed)  {}  {}",
                    story.id,
                    story.articles,
                    story.outlets,
                    story.facts,
                    story.disputed,
                    parallax_store::time::format_millis(story.updated_at),
                    story.title
                )?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Complete)
}

fn story(store: &dyn Store, id: i64, format: StoryFormat) -> Result<Outcome> {
    let Some(story) = store.story(id)? else {
        bail!("no story {id} (list them with `parallax stories`)");
    };
    let mut out = stdout();
    match format {
        StoryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &story.brief)?;
            writeln!(out)?;
        }
        StoryFormat::Text => parallax_brief::render(&story.brief, parallax_brief::Style::Text, &mut out)?,
        StoryFormat::Markdown => parallax_brief::render(&story.brief, parallax_brief::Style::Markdown, &mut out)?,
        StoryFormat::Html => out.write_all(parallax_server::html::standalone_story_page(&story, &store.story_articles(id)?).as_bytes())?,
    }
    out.flush()?;
    Ok(Outcome::Complete)
}

fn search(store: &dyn Store, query: &str, limit: usize, format: ListFormat) -> Result<Outcome> {
    let hits = store.search(query, limit)?;
    let mut out = stdout();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
            if hits.is_empty() {
                report(&format!("nothing matches `{query}`"));
            }
            for hit in &hits {
                let story = hit.story.map_or_else(|| "-".to_owned(), |s| s.to_string());
                writeln!(
                    out,
                    "article {}  story {}  {} — {}",
                    hit.article,
                    story,
                    hit.outlet.as_deref().unwrap_or("unknown outlet"),
                    hit.title.as_deref().unwrap_or("(untitled)")
                )?;
                writeln!(out, "    {}", mark_snippet(hit))?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Complete)
}

/// The snippet with matched words in `[brackets]`, on one line.
fn mark_snippet(hit: &parallax_store::SearchHit) -> String {
    let mut marked = String::new();
    let mut at = 0;
    for range in &hit.highlights {
        marked.push_str(&hit.snippet[at..range.start]);
        marked.push('[');
        marked.push_str(&hit.snippet[range.start..range.end]);
        marked.push(']');
        at = range.end;
    }
    marked.push_str(&hit.snippet[at..]);
    marked.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn export(store: &dyn Store, output: Option<PathBuf>) -> Result<Outcome> {
    let mut out: Box<dyn Write> = match &output {
        Some(path) => Box::new(io::BufWriter::new(std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?)),
        None => Box::new(stdout()),
    };
    let mut write_error = None;
    let result = store.export(&mut |record| {
        let written = serde_json::to_writer(&mut out, &record).map_err(io::Error::from).and_then(|()| writeln!(out));
        written.map_err(|error| {
            write_error = Some(error);
            parallax_store::StoreError::NoLocation
        })
    });
    if let Some(error) = write_error {
        return Err(error.into());
    }
    result?;
    out.flush()?;
    Ok(Outcome::Complete)
}

fn failures(store: &dyn Store) -> Result<Outcome> {
    let failures = store.failures()?;
    let mut out = stdout();
    for failure in &failures {
        let article = failure.article.map_or_else(String::new, |id| format!(" (article {id})"));
        // Reasons from reading name their input already.
        if failure.reason.starts_with(&failure.input) {
            writeln!(out, "{}{article}", failure.reason)?;
        } else {
            writeln!(out, "{}{article}: {}", failure.input, failure.reason)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Complete)
}

fn worker(store: &dyn Store, batch: usize, lease_secs: u64, exit_when_idle: bool, name: Option<String>) -> Result<Outcome> {
    let config = WorkerConfig {
        name: name.unwrap_or_else(default_worker_name),
        batch_size: batch.max(1),
        lease: Duration::from_secs(lease_secs.max(1)),
        when_idle: if exit_when_idle { WhenIdle::Drain } else { WhenIdle::Poll(Duration::from_secs(1)) },
    };
    let pipeline = parallax_nlp::default_pipeline().context("building the analysis pipeline")?;
    report(&format!("worker {} started", config.name));
    let analysed = ProgressBar::new_spinner();
    let worker_report = run_worker(store, &pipeline, &config, &AtomicBool::new(false), &|event| match event {
        WorkerEvent::Analysed => {
            analysed.inc(1);
            analysed.set_message(format!("{} articles analysed", analysed.position()));
        }
        WorkerEvent::Stored { lease_lost, .. } if lease_lost > 0 => {
            analysed.suspend(|| report(&format!("{lease_lost} articles were taken over by another worker after this one's lease ran out")));
        }
        _ => {}
    })?;
    analysed.finish_and_clear();
    report(&format!(
        "worker {}: {} articles stored, {} failed, {} taken over by others",
        config.name, worker_report.stored, worker_report.failed, worker_report.lease_lost
    ));
    Ok(Outcome::Complete)
}
