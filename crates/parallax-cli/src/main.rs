//! `parallax`: reads news reports of the same events and tells what the outlets agree on,
//! where they differ, what only one of them says, who said what and how each frames it.
//!
//! This binary is glue over the libraries: `parallax-ingest` reads inputs,
//! `parallax-nlp` annotates each article, `parallax-brief` compares them.
//! Exit codes: 0 success; 1 some inputs failed but output was produced; 2 usage or fatal
//! error.

mod eval;
mod extract;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use parallax_core::Document;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare news reports of the same events: what outlets agree on, dispute, or say alone; who said what; how each frames it — every statement traced to its sentence."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a cited brief of the stories in the given articles.
    ///
    /// Reads plain-text files (the first line may be the headline), HTML pages, URLs,
    /// RSS / Atom / JSON feeds, OPML lists of feeds, WARC / WARC.gz archives, JSON Lines
    /// (url, title, text, published, source) and directories of these — each recognised
    /// by content, gzip or not —,
    /// groups the articles into stories and prints one brief per story: facts that the
    /// outlets agree on, that are compatible, disputed or single-source, who said what,
    /// the entities, how each outlet labels the actors, and a timeline. Every line cites
    /// the articles it rests on as [n].
    Brief {
        /// Files, directories or URLs to read.
        #[arg(required = true, value_name = "PATH")]
        inputs: Vec<PathBuf>,
        /// Output format. JSON follows schema/brief.schema.json: one brief object, or an
        /// array of briefs when the inputs hold several stories.
        #[arg(long, value_enum, default_value_t = BriefFormat::Text)]
        format: BriefFormat,
        /// Publication date (YYYY-MM-DD) for articles that do not state one; weekdays and
        /// relative times are then resolved against it.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        published: Option<String>,
    },
    /// Print every annotation layer of one article as JSON.
    ///
    /// The output follows schema/document.schema.json: `text` is the input exactly (as
    /// UTF-8) for plain text, the headline and main text for an HTML page, and every span
    /// is a byte range `{start, end}` of it.
    Annotate {
        /// The article to annotate.
        #[arg(value_name = "PATH")]
        input: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AnnotateFormat::Json)]
        format: AnnotateFormat,
        /// Publication date (YYYY-MM-DD) when the article does not state one.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        published: Option<String>,
    },
    /// Print the main text and metadata of each article: pages, feeds, archives, JSON
    /// Lines, plain text; files, directories or URLs.
    ///
    /// One record per page with input, url, title, authors, published, site, language and
    /// text (the main text without the headline). Inputs that cannot be read are
    /// reported and the others still printed.
    Extract {
        /// Files, directories or URLs to read.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = extract::ExtractFormat::Jsonl)]
        format: extract::ExtractFormat,
    },
    /// Run a benchmark against public ground truth and print its score.
    Eval {
        #[command(subcommand)]
        benchmark: EvalCommand,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Main-text extraction from HTML: F1 as `eval_extraction.py` computes it, and pages/s.
    ///
    /// Reads DIR/html/*.html.gz and DIR/ground-truth.json, extracts every page on one
    /// thread, and prints precision, recall, F1 (word 4-gram shingles, macro-averaged)
    /// and pages per second of decoding and extraction.
    Extraction {
        /// The benchmark directory.
        #[arg(long, value_name = "DIR", default_value = "../shared/data/extraction/scrapinghub")]
        data: PathBuf,
        /// Also write the predictions, {id: {"articleBody": text}}, to this file.
        #[arg(long, value_name = "PRED.json")]
        out: Option<PathBuf>,
        /// Only score this predictions file (another tool's, say); extract nothing.
        #[arg(long, value_name = "PRED.json", conflicts_with = "out")]
        score: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum BriefFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnnotateFormat {
    Json,
}

fn parse_date(value: &str) -> Result<String, String> {
    let meta = parallax_core::Metadata { published: Some(value.to_owned()), ..Default::default() };
    match meta.published_date() {
        Some(_) => Ok(value.to_owned()),
        None => Err(format!("`{value}` is not a date of the form YYYY-MM-DD")),
    }
}

/// What a run produced, for the exit code.
enum Outcome {
    Complete,
    Partial,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match try_main(cli) {
        Ok(Outcome::Complete) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(error) => {
            // A closed pipe (`parallax brief … | head`) is not an error worth reporting.
            if error.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            report(&format!("error: {error:#}"));
            ExitCode::from(2)
        }
    }
}

/// Writes one diagnostic line to standard error.
#[allow(clippy::print_stderr)]
fn report(message: &str) {
    eprintln!("parallax: {message}");
}

fn try_main(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Brief { inputs, format, published } => brief(&inputs, format, published),
        Command::Annotate { input, format: AnnotateFormat::Json, published } => annotate(input, published),
        Command::Extract { inputs, format } => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let counts = extract::run(&inputs, format, &mut out, &report)?;
            if counts.written == 0 && counts.failures > 0 {
                bail!("no article could be read from the inputs given");
            }
            Ok(if counts.failures > 0 { Outcome::Partial } else { Outcome::Complete })
        }
        Command::Eval { benchmark: EvalCommand::Extraction { data, score: Some(predictions), .. } } => {
            eval::score_file(&data, &predictions, &mut io::stdout().lock())?;
            Ok(Outcome::Complete)
        }
        Command::Eval { benchmark: EvalCommand::Extraction { data, out, score: None } } => {
            eval::extraction(&data, out.as_ref(), &mut io::stdout().lock())?;
            Ok(Outcome::Complete)
        }
    }
}

/// Reads and analyses inputs; failures are reported and counted, never fatal.
fn analyse(inputs: &[PathBuf], published: Option<String>) -> Result<(Vec<Document>, usize)> {
    let batch = parallax_ingest::read_inputs(inputs);
    let mut failures = batch.errors.len();
    for error in &batch.errors {
        report(&error.to_string());
    }
    for loaded in &batch.loaded {
        for warning in &loaded.warnings {
            report(&format!("warning: {warning}"));
        }
    }
    let pipeline = parallax_nlp::default_pipeline().context("building the analysis pipeline")?;
    let docs: Vec<Document> = batch
        .loaded
        .into_iter()
        .map(|loaded| {
            let mut doc = loaded.doc;
            if doc.meta.published.is_none() {
                doc.meta.published.clone_from(&published);
            }
            // Readers that provide their own structure (HTML) skip the plain-text stage,
            // which would otherwise identify the language of pages that do not state it.
            if doc.meta.language.is_none() {
                doc.meta.language = parallax_nlp::language::detect(doc.text().as_str()).map(str::to_owned);
            }
            doc
        })
        .collect();
    let mut analysed = Vec::with_capacity(docs.len());
    for result in pipeline.run_batch(docs, &|| {}) {
        match result {
            Ok(doc) => analysed.push(doc),
            Err(error) => {
                failures += 1;
                report(&error.to_string());
            }
        }
    }
    Ok((analysed, failures))
}

fn brief(inputs: &[PathBuf], format: BriefFormat, published: Option<String>) -> Result<Outcome> {
    let (docs, failures) = analyse(inputs, published)?;
    if docs.is_empty() {
        bail!("no article could be read from the inputs given");
    }
    let refs: Vec<&Document> = docs.iter().collect();
    let briefs = parallax_brief::briefs(&refs);
    if briefs.is_empty() {
        bail!("none of the {} articles read is in English, the only language analysed so far", docs.len());
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        BriefFormat::Json => {
            if let [single] = briefs.as_slice() {
                serde_json::to_writer_pretty(&mut out, single)?;
            } else {
                serde_json::to_writer_pretty(&mut out, &briefs)?;
            }
            writeln!(out)?;
        }
        BriefFormat::Text | BriefFormat::Markdown => {
            let style = if matches!(format, BriefFormat::Markdown) { parallax_brief::Style::Markdown } else { parallax_brief::Style::Text };
            for (i, brief) in briefs.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                parallax_brief::render(brief, style, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(if failures > 0 { Outcome::Partial } else { Outcome::Complete })
}

fn annotate(input: PathBuf, published: Option<String>) -> Result<Outcome> {
    if input.is_dir() {
        bail!("{}: annotate takes one article, not a directory", input.display());
    }
    let (docs, failures) = analyse(std::slice::from_ref(&input), published)?;
    let Some(doc) = docs.first() else {
        bail!("{}: the article could not be analysed", input.display());
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    serde_json::to_writer_pretty(&mut out, doc)?;
    writeln!(out)?;
    out.flush()?;
    Ok(if failures > 0 { Outcome::Partial } else { Outcome::Complete })
}
