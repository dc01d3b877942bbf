//! Real databases for tests (this crate's suite, the server's and the CLI's): an SQLite file
//! in a temporary directory, or a fresh PostgreSQL database created on the server that
//! [`POSTGRES_TEST_ENV`] names and dropped afterwards. Nothing here stands in for a
//! database.

use crate::{PostgresStore, Result};
use postgres::{Client, NoTls};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The environment variable naming a PostgreSQL server for tests, as a URL of a database
/// the tests may connect to in order to create and drop their own
/// (`postgres://postgres@127.0.0.1:55432/postgres`). `.ci/run` sets it.
pub const POSTGRES_TEST_ENV: &str = "PARALLAX_TEST_POSTGRES_URL";

/// Whether the PostgreSQL tests must run: in CI (`CI=true`) a missing server is an error,
/// never a silent skip.
pub fn postgres_required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A database of its own for one test, dropped when this is dropped.
pub struct TestDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

impl TestDatabase {
    /// Creates a fresh database on the server [`POSTGRES_TEST_ENV`] names; `None` when the
    /// variable is unset (the caller decides whether that is allowed: see
    /// [`postgres_required`]).
    pub fn create() -> Option<Result<TestDatabase>> {
        let admin_url = std::env::var(POSTGRES_TEST_ENV).ok().filter(|u| !u.is_empty())?;
        Some(TestDatabase::create_on(&admin_url))
    }

    fn create_on(admin_url: &str) -> Result<TestDatabase> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("parallax_test_{}_{}_{}", std::process::id(), crate::time::now_millis(), NEXT.fetch_add(1, Ordering::Relaxed));
        let mut admin = Client::connect(admin_url, NoTls)?;
        admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
        let url = with_database(admin_url, &name);
        Ok(TestDatabase { admin_url: admin_url.to_owned(), name, url })
    }

    pub fn store(&self) -> Result<PostgresStore> {
        PostgresStore::connect(&self.url)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = Client::connect(&self.admin_url, NoTls) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_part = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{host_part}/{name}?{query}"),
        None => format!("{host_part}/{name}"),
    }
}

/// Syllables for variant suffixes.
const SYLLABLES: [&str; 16] = ["ba", "ko", "ri", "len", "mu", "sa", "te", "vo", "da", "ne", "pi", "ro", "gu", "ha", "zi", "wen"];

/// A suffix unique to `variant`.
fn variant_suffix(variant: usize) -> String {
    let mut n = variant;
    let mut suffix = String::new();
    loop {
        suffix.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        if n == 0 {
            break;
        }
    }
    suffix
}

/// Makes `count` distinct articles from `sources` (name and text of a few real articles)
/// for load and scale tests, never committed: copy `v` of every source renames every
/// capitalised word (or word in capitals) of more than three letters after the first of its
/// line with a suffix unique to `v`, so that each
/// copy of a story has entities of its own and the copies form separate stories of the
/// sources' size, as a large corpus of many stories would. Returns (file name, text).
pub fn synthetic_corpus(sources: &[(String, String)], count: usize) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(count);
    let mut variant = 0;
    while out.len() < count && !sources.is_empty() {
        let suffix = variant_suffix(variant);
        for (name, text) in sources {
            if out.len() == count {
                break;
            }
            let mut renamed = String::with_capacity(text.len() + 256);
            for line in text.split_inclusive('\n') {
                let mut first = true;
                for piece in line.split_inclusive(' ') {
                    // Opening punctuation stays before the name: "(NLF)".
                    let opening = piece.len() - piece.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                    let (open, piece) = piece.split_at(opening);
                    let word = piece.trim_end();
                    let end = word.find(|c: char| !c.is_alphanumeric()).unwrap_or(word.len());
                    let core = &word[..end];
                    // Names in capitals count too ("TESSAL CITY" in a dateline), and so do
                    // acronyms ("NLF", "UN"), or every copy of a story would share them.
                    let capitals = core.len() >= 2 && core.chars().all(|c| c.is_ascii_uppercase());
                    let proper = (core.len() > 3 && core.starts_with(char::is_uppercase) && core.chars().skip(1).any(char::is_lowercase))
                        || capitals;
                    renamed.push_str(open);
                    if proper && !first {
                        renamed.push_str(core);
                        renamed.push_str(&suffix);
                        renamed.push_str(&piece[end..]);
                    } else {
                        renamed.push_str(piece);
                    }
                    first = false;
                }
            }
            let stem = name.trim_end_matches(".txt");
            out.push((format!("{variant:05}-{stem}.txt"), renamed));
        }
        variant += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(with_database("postgres://u@h:5/postgres", "x"), "postgres://u@h:5/x");
        assert_eq!(with_database("postgres://u@h:5", "x"), "postgres://u@h:5/x");
        assert_eq!(with_database("postgresql://u@h/db?sslmode=disable", "x"), "postgresql://u@h/x?sslmode=disable");
    }
}
