//! The corpus commands through the real binary: SQLite files in temporary directories, and
//! PostgreSQL (from `PARALLAX_TEST_POSTGRES_URL`, required when `CI=true`) for workers,
//! one of which is killed with SIGKILL mid-batch.

use parallax_store::testing::{postgres_required, synthetic_corpus, TestDatabase, POSTGRES_TEST_ENV};
use parallax_store::{ExportRecord, Status, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    command.current_dir(repo()).env_remove("PARALLAX_DB").env_remove("PARALLAX_TOKEN");
    command
}

fn run(args: &[&str]) -> Output {
    parallax().args(args).output().expect("the parallax binary runs")
}

fn stdout_json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e})"))
}

#[test]
fn ingest_is_idempotent_and_the_corpus_commands_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.db");
    let db = db.to_str().unwrap();
    let first = run(&["ingest", "--db", db, "examples/", "no-such-file.txt"]);
    assert_eq!(first.status.code(), Some(1), "a missing input makes the run partial");
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("no-such-file.txt") && stderr.contains("64 new"), "{stderr}");
    let stories = stdout_json(&run(&["stories", "--db", db, "--format", "json"]));
    let again = run(&["ingest", "--db", db, "examples/"]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 new, 64 already stored"));
    assert_eq!(stdout_json(&run(&["stories", "--db", db, "--format", "json"])), stories, "a second ingest changes nothing");

    let stories = stories.as_array().unwrap();
    // Nineteen example stories; the store's simpler grouping (Jaccard links over each article's
    // own names) leaves qadira-swap's agency report apart, as it writes only "NLF" where the
    // wire writes "Northern Liberation Front", and corvania-rates' next-day report, which
    // shares only the capital and the IMF with the others, and kurgi-abduction's follow-up,
    // which shares only the village, and drevik-explosion's Herald page (adding figure keys to
    // the Jaccard sets dilutes the other links). `parallax brief` joins all four.
    assert_eq!(stories.len(), 23, "the nineteen example stories, four of them in two");
    let text = run(&["stories", "--db", db]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Kestria"));
    let id = stories[0]["id"].to_string();
    let brief = stdout_json(&run(&["story", &id, "--db", db, "--format", "json"]));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(repo().join("schema/brief.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&brief), "the stored brief follows the schema");
    let markdown = run(&["story", &id, "--db", db, "--format", "markdown"]);
    assert!(
        String::from_utf8_lossy(&markdown.stdout).starts_with("\n# Story") || String::from_utf8_lossy(&markdown.stdout).contains("# Story")
    );
    assert_eq!(run(&["story", "4242", "--db", db]).status.code(), Some(2));
    let page = run(&["story", &id, "--db", db, "--format", "html"]);
    let page = String::from_utf8_lossy(&page.stdout);
    assert!(
        page.starts_with("<!DOCTYPE html>") && page.contains("<style>") && !page.contains("/static/style.css"),
        "a self-contained page"
    );

    let hits = stdout_json(&run(&["search", "--db", db, "--format", "json", "dock", "workers"]));
    assert!(hits.as_array().unwrap().len() >= 3);
    let text_hits = run(&["search", "--db", db, "troops"]);
    assert!(String::from_utf8_lossy(&text_hits.stdout).contains("[troops]"));

    let failures = run(&["failures", "--db", db]);
    assert!(String::from_utf8_lossy(&failures.stdout).contains("no-such-file.txt"));

    let export = dir.path().join("corpus.jsonl");
    assert!(run(&["export", "--db", db, "-o", export.to_str().unwrap()]).status.success());
    let lines: Vec<Value> = std::fs::read_to_string(&export).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.iter().filter(|l| l["type"] == "article").count(), 64);
    assert_eq!(lines.iter().filter(|l| l["type"] == "story").count(), 23);
    assert_eq!(lines.iter().filter(|l| l["type"] == "input-failure").count(), 1);
}

fn synthetic_inputs(count: usize) -> tempfile::TempDir {
    let sources: Vec<(String, String)> = ["examples/harbour-strike", "examples/valley-earthquake"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(repo().join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    let inputs = tempfile::tempdir().unwrap();
    for (name, text) in synthetic_corpus(&sources, count) {
        std::fs::write(inputs.path().join(name), text).unwrap();
    }
    inputs
}

#[test]
fn an_ingest_killed_midway_is_finished_by_the_next_with_nothing_lost_or_doubled() {
    const ARTICLES: usize = 600;
    let inputs = synthetic_inputs(ARTICLES);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.db");
    let mut first =
        parallax().args(["ingest", "--db", db.to_str().unwrap(), inputs.path().to_str().unwrap()]).stderr(Stdio::null()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        assert!(Instant::now() < deadline, "the first ingest made no progress");
        if let Ok(store) = parallax_store::SqliteStore::open(&db) {
            if store.counts().map(|c| c.done >= 50 && c.processing > 0).unwrap_or(false) {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    first.kill().unwrap(); // SIGKILL, mid-batch
    first.wait().unwrap();
    let store = parallax_store::SqliteStore::open(&db).unwrap();
    let interrupted = store.counts().unwrap();
    assert!(interrupted.done < ARTICLES as i64, "killed before the end");

    let second = run(&["ingest", "--db", db.to_str().unwrap(), inputs.path().to_str().unwrap()]);
    assert!(second.status.success(), "{}", String::from_utf8_lossy(&second.stderr));
    let counts = store.counts().unwrap();
    assert_eq!((counts.done, counts.pending, counts.processing, counts.failed), (ARTICLES as i64, 0, 0, 0));
    let articles = export_articles(&store);
    assert!(articles.iter().all(|a| a.analyses == 1), "none stored twice");
    let grouped: i64 = store.stories(10_000, 0).unwrap().iter().map(|s| s.articles).sum();
    assert_eq!(grouped, ARTICLES as i64);
    let check = rusqlite::Connection::open(&db).unwrap().query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0)).unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn the_database_defaults_to_the_data_directory_or_parallax_db() {
    let dir = tempfile::tempdir().unwrap();
    let output = parallax().args(["ingest", "examples/harbour-strike/"]).env("XDG_DATA_HOME", dir.path()).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(dir.path().join("parallax/parallax.db").exists());
    let elsewhere = dir.path().join("elsewhere.db");
    let output = parallax()
        .args(["ingest", "examples/valley-earthquake/"])
        .env("PARALLAX_DB", &elsewhere)
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let store = parallax_store::SqliteStore::open(&elsewhere).unwrap();
    assert_eq!(store.counts().unwrap().done, 3);
}

#[test]
fn every_corpus_command_has_help() {
    for command in ["ingest", "stories", "story", "search", "export", "failures", "worker", "serve"] {
        let output = run(&[command, "--help"]);
        assert!(output.status.success(), "{command} --help");
        assert!(String::from_utf8_lossy(&output.stdout).contains("--db"), "{command} --help names --db");
    }
}

/// A fresh PostgreSQL database, or `None` outside CI when no server is configured.
#[allow(clippy::print_stderr)]
fn postgres_database() -> Option<TestDatabase> {
    match TestDatabase::create() {
        Some(database) => Some(database.expect("creating a test database")),
        None if postgres_required() => panic!("CI=true but {POSTGRES_TEST_ENV} is not set"),
        None => {
            eprintln!("skipping: set {POSTGRES_TEST_ENV} to run the PostgreSQL worker test");
            None
        }
    }
}

fn export_articles(store: &dyn Store) -> Vec<parallax_store::ArticleSummary> {
    let mut articles = Vec::new();
    store
        .export(&mut |record| {
            if let ExportRecord::Article(article) = record {
                articles.push(article.summary);
            }
            Ok(())
        })
        .unwrap();
    articles
}

#[test]
fn two_workers_share_postgres_and_a_killed_one_loses_nothing() {
    let Some(database) = postgres_database() else { return };
    const ARTICLES: usize = 400;
    let inputs = synthetic_inputs(ARTICLES);
    let url = database.url.as_str();
    let enqueue = run(&["ingest", "--db", url, "--enqueue-only", inputs.path().to_str().unwrap()]);
    assert!(enqueue.status.success(), "{}", String::from_utf8_lossy(&enqueue.stderr));
    let store = database.store().unwrap();
    assert_eq!(store.counts().unwrap().pending, ARTICLES as i64);

    let worker = |name: &str, batch: &str| {
        parallax()
            .args(["worker", "--db", url, "--batch", batch, "--lease-secs", "2", "--exit-when-idle", "--name", name])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut survivor = worker("survivor", "8");
    // Kill a worker with SIGKILL while it holds a batch. It spends most of its time
    // analysing a claimed batch, but the kill can land between two batches: then it held
    // nothing, and another doomed worker is started.
    let mut held_at_kill = Vec::new();
    for round in 0..5 {
        let name = format!("doomed-{round}");
        let mut doomed = worker(&name, "32");
        let deadline = Instant::now() + Duration::from_secs(120);
        while store.counts().unwrap().processing == 0 || store.counts().unwrap().done < 40 {
            assert!(Instant::now() < deadline, "no progress");
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(100));
        doomed.kill().unwrap(); // SIGKILL
        doomed.wait().unwrap();
        held_at_kill = export_articles(&store)
            .into_iter()
            .filter(|a| a.status == Status::Processing && a.worker.as_deref() == Some(name.as_str()))
            .map(|a| a.id)
            .collect();
        if !held_at_kill.is_empty() {
            break;
        }
    }
    assert!(!held_at_kill.is_empty(), "no doomed worker was killed while holding a batch");
    let status = survivor.wait().unwrap();
    assert!(status.success());

    let counts = store.counts().unwrap();
    assert_eq!((counts.done, counts.pending, counts.processing, counts.failed), (ARTICLES as i64, 0, 0, 0), "none lost");
    let articles = export_articles(&store);
    assert_eq!(articles.len(), ARTICLES);
    assert!(articles.iter().all(|a| a.analyses == 1), "none stored twice");
    for id in &held_at_kill {
        let article = articles.iter().find(|a| a.id == *id).unwrap();
        assert!(article.attempts >= 2, "article {id}, held by the killed worker, was claimed again");
    }
    let grouped: i64 = store.stories(10_000, 0).unwrap().iter().map(|s| s.articles).sum();
    assert_eq!(grouped, ARTICLES as i64, "every article is in one story");
}
