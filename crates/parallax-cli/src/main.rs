//! `parallax`: reads news reports of the same events and tells what the outlets agree on,
//! where they differ, what only one of them says, who said what and how each frames it.
//!
//! This binary is glue over the libraries: `parallax-ingest` reads inputs,
//! `parallax-nlp` annotates each article, `parallax-brief` compares them.
//! Exit codes: 0 success; 1 some inputs failed but output was produced; 2 usage or fatal
//! error.

mod eval;
mod eval_numbers;
mod extract;
mod model;
mod store_commands;
mod train;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use parallax_core::Document;
use std::io::{self, Write};

/// A line on standard output; a closed pipe (`parallax eval … | head`) ends the command
/// quietly instead of panicking as `println!` does.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(io::stdout().lock(), $($arg)*)?
    };
}
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
    /// by content, gzip or not —, groups the articles into stories and prints one brief per story: facts that the
    /// outlets agree on, that are compatible, disputed or single-source, who said what,
    /// the entities, how each outlet labels the actors, and a timeline. Every line cites
    /// the articles it rests on as [n].
    Brief {
        /// Files, directories or URLs to read.
        #[arg(required = true, value_name = "PATH")]
        inputs: Vec<PathBuf>,
        /// Output format. JSON follows schema/brief.schema.json: one brief object, or an
        /// array of briefs when the inputs hold several stories. HTML is one self-contained
        /// page.
        #[arg(long, value_enum, default_value_t = BriefFormat::Text)]
        format: BriefFormat,
        /// Publication date (YYYY-MM-DD) for articles that do not state one; weekdays and
        /// relative times are then resolved against it.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        published: Option<String>,
        /// Match one speaker's statements by wording only, even when the sentence model
        /// (`parallax model install`) is installed.
        #[arg(long)]
        no_model: bool,
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
    /// Score a stage against public ground truth.
    ///
    /// Data sets are read from `--data`, or from $PARALLAX_DATA (default ../shared/data)
    /// plus the set's usual sub-directory.
    Eval {
        #[command(subcommand)]
        which: EvalCommand,
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
    /// Tag the tokens of a CoNLL-style file with the named-entity model.
    ///
    /// Reads one token a line (`index<TAB>token[<TAB>tag]`, blank lines between sentences,
    /// `-DOCSTART-` between documents) and prints the same lines with the model's BIO tag
    /// (PER, ORG, LOC, MISC) as the last column, so that a CoNLL scorer can compare them
    /// with the gold file. The tagging speed goes to standard error.
    Ner {
        /// The CoNLL-style file to tag.
        #[arg(long, value_name = "FILE")]
        conll: PathBuf,
        /// A model file written by `parallax train ner`, instead of the one compiled in.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Retrain a shipped model from the public training data (for developers).
    ///
    /// Data sets are read from `--data`, or from $PARALLAX_DATA (default ../shared/data)
    /// plus the set's usual sub-directory. Progress goes to standard error. The defaults
    /// reproduce the shipped file byte for byte; the model is compiled into `parallax`, so
    /// rebuild to use a new one.
    Train {
        #[command(subcommand)]
        which: train::TrainCommand,
    },
    /// Install or inspect the optional sentence model (all-MiniLM-L6-v2).
    ///
    /// Parallax works fully without it. Installed, it lets `parallax brief` match one
    /// speaker's statements across outlets when they are worded differently.
    Model {
        #[command(subcommand)]
        which: model::ModelCommand,
    },
    #[command(flatten)]
    Store(store_commands::StoreCommand),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Matching one speaker's statements across outlets: the brief's wording rule alone
    /// against wording or sentence-model cosine, on the team's labelled pairs.
    ///
    /// Prints precision, recall and F1 of both on the dev pairs (where the threshold is
    /// chosen) and on the test pairs (scored with it), and the model's speed. Without an
    /// installed model (or `--model`) only the wording rule is scored.
    QuoteMatching {
        /// The model folder; defaults to the installed model.
        #[arg(long, value_name = "DIR")]
        model: Option<PathBuf>,
        /// Print every pair with its cosine and both verdicts.
        #[arg(long)]
        verbose: bool,
    },
    /// Numbers, number ranges and quantities against the Microsoft Recognizers-Text English specs.
    ///
    /// Runs every case of the NumberModel and NumberRangeModel specs and prints each
    /// model's pass rate on the cases expected of an implementation (a case passes when
    /// the spans and values found equal the expected ones exactly). Then scores the
    /// quantities stage on the PercentModel, CurrencyModel and DimensionModel specs, when
    /// they are there: a quantity of the model's kind, its span without the qualifier
    /// ("about", "more than") and its written amount at one end of its interval.
    Numbers {
        /// The spec directory; defaults to $PARALLAX_DATA/numbers/recognizers-text.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Also list every failing case with what was expected and what was found.
        #[arg(long)]
        verbose: bool,
    },
    /// Quantities in news sentences: span, interval, kind, currency and counted noun against
    /// the team's hand-labelled sentences.
    ///
    /// The sentences ship with Parallax (`dev` for rule development, `test` held out);
    /// `--data FILE` scores any file of the same JSON-lines form instead. A quantity counts
    /// as right when its span is exact and every part of it agrees.
    Quantities {
        /// A JSON-lines file of labelled sentences to score instead of the shipped ones.
        #[arg(long, value_name = "FILE")]
        data: Option<PathBuf>,
        /// Which shipped sentences to score.
        #[arg(long, value_enum, default_value_t = QuantitySplit::Test)]
        split: QuantitySplit,
        /// List each missed, spurious and wrongly read quantity (refused on the held-out
        /// split, which rule development must not look at).
        #[arg(long)]
        verbose: bool,
    },
    /// Quotes in news items: attributions found, with the right source and cue, against the
    /// team's hand-labelled items.
    ///
    /// Each item (one or two sentences) runs through the whole pipeline as a one-paragraph
    /// article; the quotes a brief may credit are matched to the labelled ones by their
    /// content. The items ship with Parallax (`dev` for rule development, `test` held out);
    /// `--data FILE` scores any file of the same JSON-lines form instead.
    NewsQuotes {
        /// A JSON-lines file of labelled items to score instead of the shipped ones.
        #[arg(long, value_name = "FILE")]
        data: Option<PathBuf>,
        /// Which shipped items to score.
        #[arg(long, value_enum, default_value_t = QuantitySplit::Test)]
        split: QuantitySplit,
        /// List each missed, spurious and wrongly sourced or cued attribution (refused on the
        /// held-out split).
        #[arg(long)]
        verbose: bool,
    },
    /// Main-text extraction from HTML: F1 as `eval_extraction.py` computes it, and pages/s.
    ///
    /// Reads DIR/html/*.html.gz and DIR/ground-truth.json, extracts every page on one
    /// thread, and prints precision, recall, F1 (word 4-gram shingles, macro-averaged)
    /// and pages per second of decoding and extraction.
    Extraction {
        /// The benchmark directory; defaults to $PARALLAX_DATA/extraction/scrapinghub.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Also write the predictions, {id: {"articleBody": text}}, to this file.
        #[arg(long, value_name = "PRED.json")]
        out: Option<PathBuf>,
        /// Only score this predictions file (another tool's, say); extract nothing.
        #[arg(long, value_name = "PRED.json", conflicts_with = "out")]
        score: Option<PathBuf>,
    },
    /// Quotes and attribution (source, cue, content spans) against PolNeAR.
    ///
    /// Runs the whole pipeline on every article of the split and prints exact-match
    /// precision, recall and F1 for source and cue spans, and content overlap.
    Attribution {
        /// The PolNeAR directory (with train/ and dev/); defaults to
        /// $PARALLAX_DATA/attribution/polnear.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Which split to score.
        #[arg(long, default_value = "dev")]
        split: String,
    },
    /// Story grouping (B-cubed) on the example stories plus generated same-topic,
    /// different-event variants and syndicated copies.
    Stories {
        /// A folder of story folders of `.txt` articles.
        #[arg(long, value_name = "DIR", default_value = "examples")]
        examples: PathBuf,
        /// Renamed variants to generate per story.
        #[arg(long, default_value_t = 4)]
        variants: usize,
        /// Also list the stories found that mix gold stories and the parts of gold stories
        /// left apart.
        #[arg(long)]
        verbose: bool,
    },
    /// Throughput of the whole per-article pipeline on one thread, in tokens per second.
    Speed {
        /// A folder of `.txt` articles; defaults to $PARALLAX_DATA/attribution/polnear/dev/text.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// How many times to run over the folder.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// How story grouping scales: time, throughput and peak memory on synthetic corpora.
    StoryScale {
        /// Corpus sizes to run, smallest first.
        #[arg(long, value_delimiter = ',', default_value = "10000,100000,1000000")]
        sizes: Vec<usize>,
    },
    /// Time expressions (extent, TIMEX3 type and value) against TempEval-3 TimeBank and AQUAINT.
    ///
    /// Documents are split by a stable hash of their name; `test` (one in five) is held
    /// out from rule development. `--score DIR` scores another system's output with the
    /// same metric instead of running Parallax.
    Times {
        /// The TempEval-3 TBAQ directory; defaults to $PARALLAX_DATA/time/tempeval3-tbaq.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Which documents to score.
        #[arg(long, value_enum, default_value_t = TimeSplit::Test)]
        split: TimeSplit,
        /// Only score another tool's output: DIR/<stem>.tml for each document of the split,
        /// TimeML whose <TEXT> holds that tool's TIMEX3 tags and, without them, the gold
        /// text byte for byte (bench/heideltime/run_heideltime.py writes HeidelTime's).
        #[arg(long, value_name = "DIR")]
        score: Option<PathBuf>,
        /// List each missed, spurious and wrongly valued expression (refused on TBAQ's
        /// held-out split, which rule development must not look at; any split of another
        /// `--data` set may be listed).
        #[arg(long)]
        verbose: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum QuantitySplit {
    Dev,
    Test,
}

/// The name and text of a labelled set: the file the user named, or the shipped half
/// (`shipped` is dev, test). `--verbose` is refused on the shipped test half, which rule
/// development must not look at.
fn labelled_set(
    data: Option<&std::path::Path>,
    split: QuantitySplit,
    what: &str,
    shipped: [&str; 2],
    verbose: bool,
) -> Result<(String, String)> {
    if let Some(path) = data {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        return Ok((path.display().to_string(), text));
    }
    match split {
        QuantitySplit::Dev => Ok((format!("{what}, dev"), shipped[0].to_owned())),
        QuantitySplit::Test if verbose => {
            bail!("--verbose lists errors only on --split dev: the test {what} are held out from rule development")
        }
        QuantitySplit::Test => Ok((format!("{what}, test (held out)"), shipped[1].to_owned())),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum TimeSplit {
    Dev,
    Test,
    All,
}

#[derive(Clone, Copy, ValueEnum)]
enum BriefFormat {
    Text,
    Markdown,
    Json,
    /// A self-contained page: the brief beside its articles, each citation a link to its
    /// highlighted source sentence.
    Html,
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
        Command::Brief { inputs, format, published, no_model } => brief(&inputs, format, published, no_model),
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
        Command::Eval { which } => run_eval(which),
        Command::Ner { conll, model } => ner(&conll, model.as_deref()),
        Command::Train { which } => train::run(which, &data_root()).map(|()| Outcome::Complete),
        Command::Model { which } => model::run(which).map(|()| Outcome::Complete),
        Command::Store(command) => store_commands::run(command),
    }
}

/// The root of the public data sets: $PARALLAX_DATA, or ../shared/data.
fn data_root() -> PathBuf {
    std::env::var_os("PARALLAX_DATA").map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from)
}

#[allow(clippy::print_stdout)]
fn run_eval(which: EvalCommand) -> Result<Outcome> {
    match which {
        EvalCommand::QuoteMatching { model, verbose } => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            model::eval_quote_matching(model, verbose, &mut out)?;
            out.flush()?;
            Ok(Outcome::Complete)
        }
        EvalCommand::Numbers { data, verbose } => {
            let dir = data.unwrap_or_else(eval_numbers::default_dir);
            let reports = eval_numbers::evaluate(&dir).with_context(|| format!("evaluating numbers on {}", dir.display()))?;
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            eval_numbers::write_report(&reports, verbose, &mut out)?;
            out.flush()?;
            Ok(Outcome::Complete)
        }
        EvalCommand::Quantities { data, split, verbose } => {
            use parallax_eval::news_quantities;
            let shipped = [news_quantities::DEV, news_quantities::TEST];
            let (name, text) = labelled_set(data.as_deref(), split, "news sentences", shipped, verbose)?;
            let cases = news_quantities::parse_cases(&text).with_context(|| format!("reading {name}"))?;
            let started = std::time::Instant::now();
            let r = news_quantities::evaluate(&cases);
            let share = |right: usize, of: usize| format!("{right}/{of} ({:.1}%)", 100.0 * right as f64 / of.max(1) as f64);
            say!("Quantities, {name}: {} sentences in {:.3} s", r.sentences, started.elapsed().as_secs_f64());
            say!("span (exact)        {}", r.span);
            say!("all parts right     {}", r.full);
            say!(
                "of the {} found with the right span: interval {}, kind {}",
                r.span.true_positives,
                share(r.interval_right, r.span.true_positives),
                share(r.kind_right, r.span.true_positives)
            );
            say!("  currency of sums {}, counted head of counts {}", share(r.unit_right, r.sums), share(r.head_right, r.counts));
            if verbose {
                for m in &r.mismatches {
                    say!("{:<28} expected {:<40} found {:<40} | {}", m.surface, m.expected, m.found, m.sentence);
                }
            }
            Ok(Outcome::Complete)
        }
        EvalCommand::NewsQuotes { data, split, verbose } => {
            use parallax_eval::news_quotes;
            let (name, text) = labelled_set(data.as_deref(), split, "news items", [news_quotes::DEV, news_quotes::TEST], verbose)?;
            let cases = news_quotes::parse_cases(&text).with_context(|| format!("reading {name}"))?;
            let started = std::time::Instant::now();
            let r = news_quotes::evaluate(&cases)?;
            let share = |right: usize| format!("{right}/{} ({:.3})", r.found.gold, right as f64 / r.found.gold.max(1) as f64);
            say!("Quotes, {name}: {} items in {:.2} s", r.items, started.elapsed().as_secs_f64());
            say!("attributions found  {}", r.found);
            say!("right source        {}", share(r.source_right));
            say!("  span as written   {}", share(r.source_written));
            say!("right cue           {}", share(r.cue_right));
            for failure in &r.failures {
                say!("failed: {failure}");
            }
            if verbose {
                let show = |q: &news_quotes::FoundQuote| {
                    format!("source {:?} ({:?}) cue {:?} content {:?}", q.source, q.speaker, q.cue, q.content)
                };
                for f in &r.faults {
                    let expected = f.expected.as_ref().map(|g| format!("source {:?} cue {:?} content {:?}", g.source, g.cue, g.content));
                    say!("{:<9} item {}: {}", f.what, f.id, f.text);
                    say!("          expected {}", expected.unwrap_or_else(|| "nothing".to_owned()));
                    say!("          found    {}", f.found.as_ref().map_or_else(|| "nothing".to_owned(), show));
                }
            }
            if !r.failures.is_empty() {
                bail!("{} items failed in the pipeline", r.failures.len());
            }
            Ok(Outcome::Complete)
        }
        EvalCommand::Extraction { data, out, score } => {
            let dir = data.unwrap_or_else(|| data_root().join("extraction/scrapinghub"));
            match score {
                Some(predictions) => eval::score_file(&dir, &predictions, &mut io::stdout().lock())?,
                None => eval::extraction(&dir, out.as_ref(), &mut io::stdout().lock())?,
            }
            Ok(Outcome::Complete)
        }
        EvalCommand::Attribution { data, split } => {
            let dir = data.unwrap_or_else(|| data_root().join("attribution/polnear"));
            let started = std::time::Instant::now();
            let scores = parallax_eval::attribution::evaluate(&dir, &split).with_context(|| format!("evaluating on {}", dir.display()))?;
            say!("PolNeAR {split}: {} articles in {:.2} s", scores.articles, started.elapsed().as_secs_f64());
            say!("source (exact)        {}", scores.source);
            say!("cue (exact)           {}", scores.cue);
            say!("source and cue        {}", scores.source_and_cue);
            say!("content (overlap)     {}", scores.content_overlap);
            say!("content (characters)  {}", scores.content_characters);
            let agreement = &scores.agreement;
            if agreement.articles > 0 {
                say!(
                    "annotator against annotator, on the {} articles several people annotated ({} pairs of annotators):",
                    agreement.articles,
                    agreement.pairs
                );
                say!("  source (exact)      {}", agreement.source);
                say!("  cue (exact)         {}", agreement.cue);
                say!("  content (overlap)   {}", agreement.content_overlap);
            }
            if scores.malformed_lines > 0 {
                say!("annotation lines that could not be read: {}", scores.malformed_lines);
            }
            for failure in &scores.failures {
                report(failure);
            }
            Ok(if scores.failures.is_empty() { Outcome::Complete } else { Outcome::Partial })
        }
        EvalCommand::Stories { examples, variants, verbose } => {
            let started = std::time::Instant::now();
            let scores =
                parallax_eval::stories::evaluate(&examples, variants).with_context(|| format!("evaluating on {}", examples.display()))?;
            say!(
                "Stories: {} articles, {} gold stories, {} found, in {:.2} s",
                scores.articles,
                scores.gold_stories,
                scores.predicted_stories,
                started.elapsed().as_secs_f64()
            );
            say!("B-cubed precision {:.3}  recall {:.3}  F1 {:.3}", scores.precision, scores.recall, scores.f1);
            say!("syndicated copies  {}", scores.copies);
            if verbose {
                for (what, groups) in [("mixed", &scores.mixed), ("apart", &scores.apart)] {
                    for group in groups {
                        say!("{what:<8}{}", group.join(" | "));
                    }
                }
            }
            Ok(Outcome::Complete)
        }
        EvalCommand::Speed { data, rounds } => {
            let dir = data.unwrap_or_else(|| data_root().join("attribution/polnear/dev/text"));
            let r = parallax_eval::speed::measure(&dir, rounds).with_context(|| format!("measuring on {}", dir.display()))?;
            say!(
                "pipeline, one thread: {} articles, {} tokens in {:.2} s = {:.0} tokens/s",
                r.articles,
                r.tokens,
                r.seconds,
                r.tokens_per_second()
            );
            Ok(Outcome::Complete)
        }
        EvalCommand::StoryScale { sizes } => {
            say!(
                "{:>10} {:>9} {:>12} {:>10} {:>9} {:>9} {:>8}",
                "articles",
                "seconds",
                "articles/s",
                "peak MiB",
                "stories",
                "gold",
                "B3 F1"
            );
            for size in sizes {
                let r = parallax_eval::scale::run(size, 42);
                let peak = r.peak_rss_mib.map_or_else(|| "n/a".to_owned(), |m| format!("{m:.0}"));
                say!(
                    "{:>10} {:>9.2} {:>12.0} {:>10} {:>9} {:>9} {:>8.3}",
                    r.articles,
                    r.seconds,
                    r.articles as f64 / r.seconds,
                    peak,
                    r.stories_found,
                    r.gold_stories,
                    r.b_cubed_f1
                );
            }
            Ok(Outcome::Complete)
        }
        EvalCommand::Times { data, split, score, verbose } => {
            let tbaq = data_root().join("time/tempeval3-tbaq");
            let dir = data.unwrap_or_else(|| tbaq.clone());
            // TBAQ's test split is held out; the team's own fresh sets may be read in full.
            let is_tbaq = dir.canonicalize().ok() == tbaq.canonicalize().ok() || dir.join("TimeBank").is_dir();
            if verbose && is_tbaq && matches!(split, TimeSplit::Test | TimeSplit::All) {
                bail!("--verbose lists errors only on --split dev: the test split is held out from rule development");
            }
            let (split, name) = match split {
                TimeSplit::Dev => (parallax_eval::times::Split::Dev, "dev"),
                TimeSplit::Test => (parallax_eval::times::Split::Test, "test (held out)"),
                TimeSplit::All => (parallax_eval::times::Split::All, "all"),
            };
            let started = std::time::Instant::now();
            let scores = match &score {
                Some(predictions) => parallax_eval::times::score_predictions(&dir, predictions, split),
                None => parallax_eval::times::evaluate(&dir, split),
            }
            .with_context(|| format!("evaluating on {}", dir.display()))?;
            let scored = score.map_or_else(|| "Parallax".to_owned(), |predictions| predictions.display().to_string());
            say!("TempEval-3 TBAQ, {name}, {scored}: {} documents in {:.2} s", scores.documents, started.elapsed().as_secs_f64());
            say!("extent (relaxed)  {}", scores.relaxed);
            say!("extent (strict)   {}", scores.strict);
            say!("value             {}", scores.value);
            say!("type              {}", scores.kind);
            if verbose {
                for error in &scores.errors {
                    let (kind, surface, predicted, gold) = (error.kind, &error.surface, &error.predicted, &error.gold);
                    say!("{kind:<9} {surface:<50} predicted {predicted:<22} gold {gold:<16} {}: {}", error.document, error.context);
                }
            }
            for failure in &scores.failures {
                report(failure);
            }
            Ok(if scores.failures.is_empty() { Outcome::Complete } else { Outcome::Partial })
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

fn brief(inputs: &[PathBuf], format: BriefFormat, published: Option<String>, no_model: bool) -> Result<Outcome> {
    let (docs, failures) = analyse(inputs, published)?;
    if docs.is_empty() {
        bail!("no article could be read from the inputs given");
    }
    let refs: Vec<&Document> = docs.iter().collect();
    // The model is optional: without it (or when it fails to load) the brief matches
    // statements by wording alone.
    let embedder = if no_model {
        None
    } else {
        model::load_installed().unwrap_or_else(|error| {
            report(&format!("{error:#}; matching statements by wording only"));
            None
        })
    };
    let options = parallax_brief::BriefOptions { embedder: embedder.as_ref().map(|e| e as &dyn parallax_brief::StatementEmbedder) };
    let briefs = parallax_brief::briefs_with_options(&refs, &options);
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
        BriefFormat::Html => parallax_brief::render_html(&briefs, &refs, &mut out)?,
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

/// Tags a CoNLL-style file document by document and prints it with the model's tags.
fn ner(path: &std::path::Path, model: Option<&std::path::Path>) -> Result<Outcome> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let sentences = parallax_ner::conll::parse(&text).with_context(|| format!("reading {}", path.display()))?;
    let loaded;
    let tagger = match model {
        Some(file) => {
            let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
            loaded = parallax_ner::Tagger::new(
                parallax_ner::Model::from_bytes(&bytes).with_context(|| format!("loading the NER model {}", file.display()))?,
            );
            &loaded
        }
        None => parallax_ner::Tagger::english_news().context("loading the NER model")?,
    };
    let started = std::time::Instant::now();
    let mut tags: Vec<Vec<parallax_ner::Tag>> = Vec::with_capacity(sentences.len());
    let mut document: Vec<Vec<&str>> = Vec::new();
    let flush = |document: &mut Vec<Vec<&str>>, tags: &mut Vec<Vec<parallax_ner::Tag>>| {
        tags.extend(tagger.tag_document(document));
        document.clear();
    };
    for sentence in &sentences {
        if sentence.is_docstart() {
            flush(&mut document, &mut tags);
            tags.push(vec![parallax_ner::Tag::OUTSIDE]);
        } else {
            document.push(sentence.words());
        }
    }
    flush(&mut document, &mut tags);
    let elapsed = started.elapsed().as_secs_f64();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (k, (sentence, tags)) in sentences.iter().zip(&tags).enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        for (token, tag) in sentence.tokens.iter().zip(parallax_ner::tags::bilou_to_bio(tags)) {
            writeln!(out, "{}\t{}\t{}", token.index, token.word, tag)?;
        }
    }
    out.flush()?;
    let token_count: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    report(&format!("ner: {token_count} tokens in {elapsed:.3} s = {:.0} tokens/s (one thread)", token_count as f64 / elapsed.max(1e-9)));
    Ok(Outcome::Complete)
}
