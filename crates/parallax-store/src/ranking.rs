//! Ranking and snippets for SQLite searches with few matches, computed here instead of by
//! FTS5's `bm25()` and `snippet()`.
//!
//! Why: `bm25()` computes each word's inverse document frequency by reading the word's
//! whole posting list, so a query such as "police Lunaropimuri" (three matches) pays for
//! the 6,000 articles that say "police"; and `snippet()` costs as much again per hit.
//! When a query matches at most [`RANKED_HERE`] articles, the SQLite backend instead asks
//! FTS5 only for what is cheap — the matches, each with its matched words marked by
//! `highlight()` (FTS5's own tokenizer and stemmer, so what matches is unchanged), the
//! stored token counts, and each word's document frequency counted up to [`DF_SAMPLE`]
//! matches — and scores them here with the same BM25 formula, parameters and column
//! weights as `bm25(4.0, 1.0)`. With every frequency counted exactly the order is the one
//! FTS5 gives (tested); a word matching more than [`DF_SAMPLE`] articles has its frequency
//! estimated from where its first [`DF_SAMPLE`] matches end in the id range, which only
//! moves the small weight such a common word has.

use crate::model::HighlightRange;

/// Queries matching at most this many articles are ranked here; more go to FTS5's `bm25()`.
pub(crate) const RANKED_HERE: usize = 64;

/// A word's document frequency is counted exactly up to this many matches, estimated above.
pub(crate) const DF_SAMPLE: usize = 256;

/// FTS5's `bm25()` constants.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Column weights, as the schema configures the rank: `bm25(4.0, 1.0)` (title, text).
pub(crate) const COLUMN_WEIGHTS: [f64; 2] = [4.0, 1.0];

/// Words a snippet holds at most, as in `snippet(…, 24)`.
pub(crate) const SNIPPET_TOKENS: usize = 24;

/// What BM25 needs to know about the whole index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IndexStats {
    /// Rows in the index.
    pub rows: f64,
    /// Tokens per row, all columns together.
    pub average_tokens: f64,
}

impl IndexStats {
    /// Reads FTS5's "averages" record (`%_data` row 1): varints for the row count and then
    /// the total token count of each column. `None` if it does not parse.
    pub(crate) fn from_averages_record(record: &[u8]) -> Option<IndexStats> {
        let mut rest = record;
        let rows = read_varint(&mut rest)?;
        let mut tokens = 0u64;
        while !rest.is_empty() {
            tokens = tokens.checked_add(read_varint(&mut rest)?)?;
        }
        (rows > 0).then(|| IndexStats { rows: rows as f64, average_tokens: tokens as f64 / rows as f64 })
    }
}

/// Sums the varints of an FTS5 `%_docsize` blob: the row's token count over all columns.
pub(crate) fn row_tokens(docsize: &[u8]) -> Option<u64> {
    let mut rest = docsize;
    let mut total = 0u64;
    while !rest.is_empty() {
        total = total.checked_add(read_varint(&mut rest)?)?;
    }
    Some(total)
}

/// SQLite's variable-length integer: big-endian groups of seven bits, each byte but the
/// last with its high bit set; a ninth byte contributes all eight bits.
fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for i in 0..9 {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        if i == 8 {
            return Some((value << 8) | u64::from(byte));
        }
        value = (value << 7) | u64::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// A word's inverse document frequency exactly as `bm25()` computes it.
pub(crate) fn idf(stats: IndexStats, documents_with_word: f64) -> f64 {
    let idf = ((stats.rows - documents_with_word + 0.5) / (documents_with_word + 0.5)).ln();
    if idf <= 0.0 {
        1e-6
    } else {
        idf
    }
}

/// Estimates a word's document frequency when counting stopped at `sampled` matches, the
/// last of which has id `last_sampled`, in an index whose ids run from `first_id` to
/// `last_id`: the matches are assumed to continue at the rate they had.
pub(crate) fn estimated_df(sampled: usize, last_sampled: i64, first_id: i64, last_id: i64, rows: f64) -> f64 {
    let covered = (last_sampled - first_id + 1).max(1) as f64;
    let span = (last_id - first_id + 1).max(1) as f64;
    (sampled as f64 * span / covered).clamp(sampled as f64, rows.max(sampled as f64))
}

/// One matching article's column, with the matched words FTS5 marked in it.
#[derive(Clone, Debug, Default)]
pub(crate) struct MarkedColumn {
    pub text: String,
    pub marks: Vec<HighlightRange>,
}

/// The query words a marked word is an instance of: those sharing the longest prefix with
/// it (FTS5 matched it against the stem of one of them; a stem is a prefix of the word up
/// to its changed ending). Several when they tie, as "strike strikes" both match "striking".
pub(crate) fn words_matched(marked: &str, words: &[String]) -> Vec<usize> {
    let marked = marked.to_lowercase();
    let shared: Vec<usize> = words.iter().map(|w| w.chars().zip(marked.chars()).take_while(|(a, b)| a == b).count()).collect();
    let best = shared.iter().copied().max().unwrap_or(0);
    // A word whose first letter FTS5 folded (a diacritic removed) shares no prefix: it is
    // counted for every query word rather than for none.
    (0..words.len()).filter(|&i| shared[i] == best).collect()
}

/// The BM25 score of one row, as `bm25()` computes it (higher is better; `rank` is its
/// negation): for each query word, `idf × f(k1+1) / (f + k1(1 - b + b·D/avgdl))`, where `f`
/// sums the column weights of the word's instances and `D` is the row's token count.
pub(crate) fn bm25(stats: IndexStats, idfs: &[f64], columns: &[MarkedColumn; 2], row_tokens: f64, words: &[String]) -> f64 {
    let mut frequencies = vec![0.0; words.len()];
    for (column, weight) in columns.iter().zip(COLUMN_WEIGHTS) {
        for mark in &column.marks {
            for word in words_matched(&column.text[mark.start..mark.end], words) {
                frequencies[word] += weight;
            }
        }
    }
    let length_norm = 1.0 - B + B * row_tokens / stats.average_tokens;
    frequencies.iter().zip(idfs).map(|(f, idf)| idf * (f * (K1 + 1.0)) / (f + K1 * length_norm)).sum()
}

/// A passage of at most [`SNIPPET_TOKENS`] words around the matches: the window holding
/// the most different query words (then the most matches), started at a sentence start
/// when one is a few words before its first match; `…` marks text cut at either end.
pub(crate) fn snippet(column: &MarkedColumn, words: &[String]) -> (String, Vec<HighlightRange>) {
    let text = column.text.as_str();
    let tokens = token_ranges(text);
    if tokens.is_empty() {
        return (String::new(), Vec::new());
    }
    // The token each mark starts in, and the query words it is an instance of.
    let hits: Vec<(usize, Vec<usize>)> = column
        .marks
        .iter()
        .filter_map(|mark| {
            let token = tokens.partition_point(|t| t.1 <= mark.start);
            (token < tokens.len()).then(|| (token, words_matched(&text[mark.start..mark.end], words)))
        })
        .collect();
    let window_from = |first_hit: usize| {
        // Back up to a sentence start at most a third of a window before the hit.
        let earliest = first_hit.saturating_sub(SNIPPET_TOKENS / 3);
        (earliest..=first_hit).rev().find(|&t| starts_sentence(text, tokens[t].0)).unwrap_or(first_hit.saturating_sub(2))
    };
    let mut best = (0usize, (0usize, 0usize));
    for &(token, _) in &hits {
        let start = window_from(token);
        let end = (start + SNIPPET_TOKENS).min(tokens.len());
        let inside: Vec<&(usize, Vec<usize>)> = hits.iter().filter(|(t, _)| (start..end).contains(t)).collect();
        let mut distinct: Vec<usize> = inside.iter().flat_map(|(_, w)| w.iter().copied()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let score = (distinct.len(), inside.len());
        if score > best.1 {
            best = (start, score);
        }
    }
    let start = best.0;
    let end = (start + SNIPPET_TOKENS).min(tokens.len());
    // A passage from the text's start keeps what precedes its first word (an opening
    // quote); one reaching the end keeps the closing punctuation.
    let from = if start == 0 { 0 } else { tokens[start].0 };
    let to = if end == tokens.len() { text.trim_end().len() } else { tokens[end - 1].1 };
    let mut snippet = String::with_capacity(to - from + 8);
    if start > 0 {
        snippet.push('…');
    }
    let offset = snippet.len();
    snippet.push_str(&text[from..to]);
    if end < tokens.len() {
        snippet.push('…');
    }
    let highlights = column
        .marks
        .iter()
        .filter(|m| m.start >= from && m.end <= to)
        .map(|m| HighlightRange { start: m.start - from + offset, end: m.end - from + offset })
        .collect();
    (snippet, highlights)
}

/// Byte ranges of the words of `text`: runs of letters and digits, as FTS5's `unicode61`
/// tokenizer splits (used only to place snippets; FTS5 itself decides what matches).
fn token_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push((s, text.len()));
    }
    tokens
}

/// Whether the word at byte `at` begins a sentence: the text's start, a line's start, or
/// after sentence-ending punctuation and a space.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '"', '“', '‘', '\'', '(']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '”']) || text[..at].ends_with('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, marked_words: &[&str]) -> MarkedColumn {
        let mut marks = Vec::new();
        for (start, _) in text.char_indices() {
            for w in marked_words {
                let starts_word = start == 0 || !text[..start].chars().next_back().is_some_and(char::is_alphanumeric);
                if starts_word && text[start..].starts_with(w) {
                    marks.push(HighlightRange { start, end: start + w.len() });
                }
            }
        }
        MarkedColumn { text: text.to_string(), marks }
    }

    #[test]
    fn varints_read_as_sqlite_writes_them() {
        // 10,000 rows; 117,500 title tokens; 2,652,500 text tokens (a real averages record).
        let stats = IndexStats::from_averages_record(b"\xce\x10\x87\x95|\x81\xa1\xf2T").unwrap();
        assert_eq!(stats.rows, 10_000.0);
        assert_eq!(stats.average_tokens, 277.0);
        assert_eq!(row_tokens(&[0x05, 0x81, 0x00]), Some(5 + 128));
        assert!(IndexStats::from_averages_record(b"\x85").is_none(), "a truncated varint");
        assert!(IndexStats::from_averages_record(b"").is_none());
    }

    #[test]
    fn idf_follows_bm25_and_stays_positive() {
        let stats = IndexStats { rows: 100.0, average_tokens: 10.0 };
        assert!((idf(stats, 1.0) - (99.5f64 / 1.5).ln()).abs() < 1e-12);
        assert_eq!(idf(stats, 90.0), 1e-6);
        assert!(idf(stats, 2.0) > idf(stats, 20.0));
    }

    #[test]
    fn document_frequency_is_extrapolated_over_the_id_range() {
        // 256 matches among ids 1..=1000 of 1..=10,000: about 2,560.
        assert_eq!(estimated_df(256, 1000, 1, 10_000, 10_000.0), 2560.0);
        // Never below what was counted, never above the rows.
        assert_eq!(estimated_df(256, 10_000, 1, 10_000, 10_000.0), 256.0);
        assert_eq!(estimated_df(256, 1, 1, 10_000, 1_000.0), 1_000.0);
    }

    #[test]
    fn marked_words_are_attributed_by_shared_prefix() {
        let words = vec!["strikes".to_string(), "police".to_string(), "strike".to_string()];
        assert_eq!(words_matched("Striking", &words), vec![0, 2]);
        assert_eq!(words_matched("policing", &words), vec![1]);
        assert_eq!(words_matched("Évian", &["evian".to_string()]), vec![0]);
    }

    #[test]
    fn bm25_prefers_more_instances_titles_and_rare_words() {
        let stats = IndexStats { rows: 1000.0, average_tokens: 20.0 };
        let words = vec!["port".to_string(), "kestria".to_string()];
        let idfs = [idf(stats, 500.0), idf(stats, 3.0)];
        let score = |title: &str, text: &str| {
            let columns = [marked(title, &["port", "Kestria"]), marked(text, &["port", "Kestria"])];
            bm25(stats, &idfs, &columns, 20.0, &words)
        };
        assert!(score("", "port Kestria Kestria") > score("", "port Kestria"));
        assert!(score("Kestria", "port") > score("", "port Kestria"));
        assert!(score("", "port Kestria") > score("", "port port port port"));
    }

    #[test]
    fn snippets_centre_on_the_most_query_words_and_mark_them() {
        let words = vec!["harbour".to_string(), "police".to_string()];
        let filler = "The weather was mild and nothing else happened in town that week at all. ".repeat(4);
        let text = format!("{filler}Police closed the road. Later the harbour police said the harbour was open. {filler}");
        let column = marked(&text, &["Police", "police", "harbour"]);
        let (passage, highlights) = snippet(&column, &words);
        assert!(passage.starts_with("…Police closed") || passage.starts_with("…Later the harbour"), "{passage}");
        assert!(passage.ends_with('…'));
        assert!(passage.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() <= SNIPPET_TOKENS);
        assert!(highlights.len() >= 3, "{passage} {highlights:?}");
        for h in &highlights {
            let word = passage[h.start..h.end].to_lowercase();
            assert!(word == "police" || word == "harbour", "{word}");
        }
        // A short text is whole, without ellipses; a text without matches gives its start.
        let (whole, marks) = snippet(&marked("Harbour reopens.", &["Harbour"]), &words);
        assert_eq!((whole.as_str(), marks), ("Harbour reopens.", vec![HighlightRange { start: 0, end: 7 }]));
        let (start, marks) = snippet(&marked(&filler, &[]), &words);
        assert!(start.starts_with("The weather") && marks.is_empty());
    }
}
