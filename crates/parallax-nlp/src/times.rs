//! Time expressions: finding "late Wednesday evening", "Jan. 5", "for weeks" or "3 p.m." in a
//! sentence and normalising each to a TIMEX3 value, following TempEval-3's conventions.
//!
//! Recognition is hand-written scanning over a sentence's tokens rather than regular
//! expressions, because most decisions depend on neighbours: "May" is a month only before a
//! day or a year or after "in", a four-digit number is a year only where a count would read
//! oddly, "days" is a duration after "for" but not in "doomsday". Each recogniser is a small
//! function that starts at one token and returns how far it reached and what it means; the
//! longest reach wins, so spans never overlap.
//!
//! Normalisation is kept apart from recognition: a recogniser produces a `Meaning` ("the
//! Wednesday before the anchor, evening") and `Meaning::resolve` turns it into a TIMEX3
//! value, against the publication date when it is known ("2022-01-05TEV") and into TIMEX3
//! placeholders when it is not ("XXXX-WXX-3TEV"). Nothing is guessed without an anchor.
//!
//! Reference times: the anchor is the reference of every relative expression ("Friday",
//! "last May", "a year earlier" at a year's granularity) except reporting periods. Business
//! news compares a quarter with the same quarter a year before, so "a year ago", "the
//! quarter", "the year-ago period" and "the 1988 period" count from the quarter the story
//! reports: the last quarter it named outright among the four before the anchor's (see
//! `Discourse`, carried from sentence to sentence by [`TimeStage`]). Weekdays and months
//! still count from the anchor, not from the most recent date in the text as HeidelTime
//! does for narratives; that has not been tried here yet.
//!
//! Invariants: every span lies inside its sentence, on character boundaries; the spans of
//! one sentence never overlap and come in text order; no input makes this module panic.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use parallax_core::layer::{Sentences, Times};
use parallax_core::{Document, LayerKind, Span, Stage, StageError, TimeExpression, TimeKind};

/// Finds the time expressions of one sentence of `text` and normalises them.
///
/// `sentence` is a span of `text`; a span that does not fit `text` yields nothing. `anchor`
/// is the publication date: relative expressions ("on Friday", "last week") resolve against
/// it, and stay TIMEX3 placeholders without it. Spans are absolute byte offsets in `text`.
pub fn find_times(text: &str, sentence: Span, anchor: Option<NaiveDate>) -> Vec<TimeExpression> {
    find_times_in_discourse(text, sentence, anchor, &mut Discourse::default())
}

/// What the earlier sentences of a document have said that later expressions lean on.
///
/// Reference times: most expressions resolve against the anchor (the publication date),
/// but business news compares reporting periods, and there "a year ago", "the quarter" and
/// "the year-earlier period" refer to the quarter the story is about, which is the last
/// quarter it named outright ("third-quarter profit", "the latest quarter"), not the
/// calendar. Quarters that were themselves computed backwards ("the year-ago quarter")
/// never become the reference, so that a second "a year ago" does not go back two years.
///
/// Days: a clock time without a day ("the blast occurred at 10:35 a.m.") is on the day the
/// sentence or one of the three before it named ("Friday", "Oct. 23"), which the story
/// narrates from, when that day lies in the week before the publication day and the clock's
/// clause is not about the future; otherwise on the publication day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Discourse {
    /// The last quarter named outright, counted as `year * 4 + quarter - 1`.
    quarter: Option<i64>,
    /// The last single day named, with or without a clock time, and the sentence (counted
    /// from 0) that named it.
    day: Option<(NaiveDate, usize)>,
    /// How many sentences were read before the current one.
    sentence: usize,
    /// A quarter the current sentence named, even one ahead ("expects first-quarter
    /// earnings to be below the 41 cents it earned in the year-earlier quarter"): the
    /// sentence's own comparisons count from it.
    sentence_quarter: Option<i64>,
}

impl Discourse {
    /// The day a clock time of the current sentence falls on, if the story has just named one
    /// shortly before `anchor` (see [`Discourse`]).
    fn recent_day(&self, anchor: Option<NaiveDate>, tense: Tense) -> Option<NaiveDate> {
        let (day, sentence) = self.day?;
        let anchor = anchor?;
        let days_back = (anchor - day).num_days();
        (self.sentence <= sentence + 3 && (0..=7).contains(&days_back) && tense != Tense::Future).then_some(day)
    }

    /// The quarter a year-back comparison counts from: the sentence's own, else the story's.
    fn compared_quarter(&self) -> Option<i64> {
        self.sentence_quarter.or(self.quarter)
    }

    /// Takes note of an expression the text has just used. A quarter named outright becomes
    /// the story's quarter when it is one of the four before the anchor's, the quarters
    /// whose results are reported; an older one ("the third quarter of 1984") is history,
    /// and the current or a coming one is an outlook.
    fn note(&mut self, meaning: &Meaning, value: &str, anchor: Option<NaiveDate>) {
        if meaning.as_day().is_some() || matches!(meaning, Meaning::Clock { day: Some(_), .. }) {
            if let Some(day) = value.get(..10).and_then(parse_iso_date) {
                self.day = Some((day, self.sentence));
            }
        }
        if !meaning.names_a_quarter() {
            return;
        }
        let reported = |quarter: &i64| anchor.is_none_or(|anchor| (1..=4).contains(&(anchor_quarter(anchor) - quarter)));
        // A quarter of history ("peaked in the fourth quarter of 2019") is no base.
        let near = |quarter: &i64| anchor.is_none_or(|anchor| (anchor_quarter(anchor) - quarter).abs() <= 4);
        self.sentence_quarter = quarter_index(value).filter(near).or(self.sentence_quarter);
        if let Some(quarter) = quarter_index(value).filter(reported) {
            self.quarter = Some(quarter);
        }
    }
}

/// [`find_times`] for one sentence of a document read in order: `discourse` holds what the
/// earlier sentences said and is updated with this one's expressions.
fn find_times_in_discourse(text: &str, sentence: Span, anchor: Option<NaiveDate>, discourse: &mut Discourse) -> Vec<TimeExpression> {
    let Some(sentence_text) = text.get(sentence.range()) else {
        return Vec::new();
    };
    let scan = Scan { tokens: tokenize(sentence_text, sentence.start()) };
    discourse.sentence_quarter = None;
    let mut matches = recognise_all(&scan);
    lend_days_to_clock_times(&scan, &mut matches);
    years_after_dates(&mut matches);
    take_in_parts_of_periods(&scan, &mut matches);
    take_in_weeks_of_days(&scan, &mut matches);
    take_in_halves_of_years(&scan, &mut matches);
    let times = matches
        .into_iter()
        .filter_map(|found| {
            let first = scan.tokens.get(found.start)?;
            let last = scan.tokens.get(found.end.checked_sub(1)?)?;
            let span = Span::new(first.start, last.end).ok()?;
            let tense = if scan.speaks_of_future(found.start)
                || scan.future_right_after(found.start, found.end)
                || scan.reported_future(found.start, found.end)
                || scan.fronted_before_future(found.start, found.end)
                || scan.after_present_event(found.start, found.end)
            {
                Tense::Future
            } else if scan.deadline_ahead(found.start) || scan.modal_ahead(found.start) {
                Tense::Deadline
            } else if scan.speaks_of_past(found.start, found.end) {
                Tense::Past
            } else if matches!(found.meaning, Meaning::Clock { hour: 24, day: None, .. }) && scan.past_verb_in_clause(found.start) {
                // "Police began clearing the square shortly after midnight": a bare midnight
                // takes its tense from its whole clause.
                Tense::Past
            } else {
                Tense::Unmarked
            };
            let (kind, value) = found.meaning.resolve(anchor, tense, discourse);
            discourse.note(&found.meaning, &value, anchor);
            Some(TimeExpression { span, kind, value })
        })
        .collect();
    discourse.sentence += 1;
    times
}

/// Adds the [`Times`] layer: the time expressions of every sentence, resolved against the
/// document's publication date when it has one.
#[derive(Clone, Copy, Debug, Default)]
pub struct TimeStage;

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "times"
    }

    fn requires(&self) -> &'static [LayerKind] {
        &[LayerKind::Sentences]
    }

    fn provides(&self) -> &'static [LayerKind] {
        &[LayerKind::Times]
    }

    fn annotate(&self, doc: &mut Document) -> Result<(), StageError> {
        let anchor = doc.meta.published_date().and_then(parse_iso_date);
        let text = doc.text().as_str();
        let mut discourse = Discourse::default();
        let times: Vec<TimeExpression> = doc
            .layer::<Sentences>()?
            .iter()
            .flat_map(|sentence| find_times_in_discourse(text, sentence.span, anchor, &mut discourse))
            .collect();
        doc.set_layer::<Times>(times)?;
        Ok(())
    }
}

/// Reads "YYYY-MM-DD"; anything else is no anchor rather than an error, because an unknown
/// publication date is allowed.
fn parse_iso_date(date: &str) -> Option<NaiveDate> {
    let mut parts = date.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// A run of letters. Apostrophes and hyphens are not part of words, so that "Friday’s"
    /// and "two-year" expose their time words.
    Word,
    /// A run of ASCII digits, with `,`, `.` or `:` allowed between two digits ("2,000",
    /// "10:30").
    Number,
    /// Any other single character that is not a space.
    Mark,
}

#[derive(Clone, Copy, Debug)]
struct Token<'t> {
    text: &'t str,
    /// Byte offsets into the whole text, not into the sentence.
    start: usize,
    end: usize,
    shape: Shape,
}

impl Token<'_> {
    /// Case-insensitive word equality; time words are matched regardless of case unless a
    /// rule says otherwise (month names must be capitalised).
    fn is(&self, word: &str) -> bool {
        self.shape == Shape::Word && self.text.eq_ignore_ascii_case(word)
    }

    fn is_one_of(&self, words: &[&str]) -> bool {
        words.iter().any(|word| self.is(word))
    }

    fn is_mark(&self, mark: char) -> bool {
        self.shape == Shape::Mark && self.text.starts_with(mark)
    }

    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn is_lowercase_word(&self) -> bool {
        self.shape == Shape::Word && self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// The value of a plain run of at most nine digits, without separators.
    fn plain_number(&self) -> Option<u32> {
        let plain = self.shape == Shape::Number && self.text.len() <= 9 && self.text.bytes().all(|b| b.is_ascii_digit());
        if plain {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// A plain number of exactly `digits` digits ("05" is a two-digit number).
    fn number_of_digits(&self, digits: usize) -> Option<u32> {
        if self.text.len() == digits {
            self.plain_number()
        } else {
            None
        }
    }
}

/// Splits a sentence into words, numbers and marks, keeping absolute byte offsets. It walks
/// characters, so every offset is a character boundary whatever the input.
fn tokenize(text: &str, offset: usize) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let shape = if c.is_alphabetic() {
            while let Some(&(i, next)) = chars.peek() {
                if !next.is_alphabetic() {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            Shape::Word
        } else if c.is_ascii_digit() {
            while let Some(&(i, next)) = chars.peek() {
                let separator_between_digits = matches!(next, ',' | '.' | ':') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !next.is_ascii_digit() && !separator_between_digits {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            Shape::Number
        } else {
            Shape::Mark
        };
        tokens.push(Token { text: &text[start..end], start: start + offset, end: end + offset, shape });
    }
    tokens
}

/// The tokens of one sentence, with the look-ups every recogniser shares. Every look-up
/// takes any index and answers "no" past either end, so rules never index out of bounds.
struct Scan<'t> {
    tokens: Vec<Token<'t>>,
}

impl<'t> Scan<'t> {
    fn get(&self, i: usize) -> Option<&Token<'t>> {
        self.tokens.get(i)
    }

    fn before(&self, i: usize) -> Option<&Token<'t>> {
        self.get(i.checked_sub(1)?)
    }

    fn word(&self, i: usize, word: &str) -> bool {
        self.get(i).is_some_and(|t| t.is(word))
    }

    fn word_in(&self, i: usize, words: &[&str]) -> bool {
        self.get(i).is_some_and(|t| t.is_one_of(words))
    }

    fn word_before_in(&self, i: usize, words: &[&str]) -> bool {
        self.before(i).is_some_and(|t| t.is_one_of(words))
    }

    fn mark(&self, i: usize, mark: char) -> bool {
        self.get(i).is_some_and(|t| t.is_mark(mark))
    }

    /// True when token `i` directly follows token `i - 1`, with no space between.
    fn joined(&self, i: usize) -> bool {
        match (self.before(i), self.get(i)) {
            (Some(previous), Some(token)) => previous.end == token.start,
            _ => false,
        }
    }

    /// A straight or curly apostrophe at `i`.
    fn apostrophe(&self, i: usize) -> bool {
        self.mark(i, '\'') || self.mark(i, '’')
    }

    /// A possessive "'s" starting at `i` ("Wednesday's ruling").
    fn possessive_s(&self, i: usize) -> bool {
        self.apostrophe(i) && self.word(i + 1, "s")
    }

    /// A mark glued to the token before it, as the hyphen of "two-year" or the period of
    /// "Jan.".
    fn joined_mark(&self, i: usize, mark: char) -> bool {
        self.mark(i, mark) && self.joined(i)
    }

    /// Whether the sentence speaks of the future before token `i` ("talks will resume on
    /// Monday", "is scheduled to close Monday"). News narrates the past, so a bare weekday or
    /// a month without a year points back from the publication date unless the sentence
    /// says otherwise.
    ///
    /// The look-back stops at a clause or quotation boundary and after a dozen tokens, so
    /// that a "will" inside an earlier quote does not move a later date.
    /// A clause of its own in the past tense between the cue and the expression takes the
    /// expression back ("will ask Gen. Smith about the raid he ordered on Tuesday", "Mr.
    /// Smith, who arrived Tuesday"). "as soon as" looks ahead only right before it ("could
    /// come as soon as Thursday", not "as soon as the truce expired on Sunday").
    fn speaks_of_future(&self, i: usize) -> bool {
        let past_clause =
            |j: usize| self.past_verb(j) && self.word_before_in(j, &["who", "which", "that", "he", "she", "they", "it", "we", "i"]);
        let as_soon_as = i >= 3 && self.word(i - 3, "as") && self.word(i - 2, "soon") && self.word(i - 1, "as");
        as_soon_as || (self.clause_start(i)..i).any(|k| self.future_cue(k) && !(k + 1..i).any(past_clause))
    }

    /// Whether a future cue follows the expression at once: "the strike on Thursday will
    /// shut down the ports", where the date is inside the subject of "will".
    /// A participle just before the date makes it that participle's time: "payments approved
    /// by Congress in August will be mailed".
    fn future_right_after(&self, start: usize, end: usize) -> bool {
        let participle = (start.saturating_sub(6)..start)
            .rev()
            .take_while(|&k| self.get(k).is_some_and(|t| t.shape != Shape::Mark))
            .any(|k| self.past_verb(k) && self.word_in(k + 1, &["by", "in", "on", "at", "during", "since"]));
        self.get(end).is_some_and(|t| t.is_one_of(&["will", "shall"])) && !participle
    }

    /// Whether the expression `start..end` is the time of a "would" before it in its clause,
    /// the future as reported ("said the father would be traveling Thursday"), with no
    /// comma or past verb between ("would appeal the decision, announced Wednesday") and no
    /// possessive making it a noun's date ("would get around Wednesday's ruling").
    fn reported_future(&self, start: usize, end: usize) -> bool {
        if self.possessive_s(end) {
            return false;
        }
        let Some(would) = (self.clause_start(start)..start).rev().find(|&k| self.word(k, "would")) else {
            return false;
        };
        // "would fall short because of heavy markdowns after Thanksgiving": a cause is past.
        // A plan after the cause is still ahead: "because of a strike planned for Friday".
        let planned = |k: usize| (k..start).any(|j| self.word_in(j, RESCHEDULING_WORDS) || self.word_in(j, FUTURE_CUES));
        !(would + 1..start).any(|k| self.mark(k, ',') || self.past_verb(k) || (self.word(k, "because") && !planned(k)))
    }

    /// Where the clause of token `i` starts for a look-back: after the last clause or
    /// quotation boundary before it, at most a dozen tokens back.
    fn clause_start(&self, i: usize) -> usize {
        let boundary = |token: &Token<'_>| ['.', ';', ':', '"', '“', '”', '«', '»'].iter().any(|&mark| token.is_mark(mark));
        let window_start = i.saturating_sub(12);
        (window_start..i).rev().find(|&k| self.get(k).is_some_and(boundary) && !self.abbreviation_period(k)).map_or(window_start, |k| k + 1)
    }

    /// Whether the period at `k` ends an abbreviation ("Mr.", "Gen.", "U.S."): glued to an
    /// initial or a word of `lexicon::ABBREVIATIONS`, it ends no clause.
    fn abbreviation_period(&self, k: usize) -> bool {
        self.joined_mark(k, '.')
            && self.before(k).is_some_and(|t| {
                let initial = t.text.chars().count() == 1 && t.is_capitalised();
                t.shape == Shape::Word && (initial || crate::lexicon::ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(t.text)))
            })
    }

    /// Whether token `k` opens its sentence or a clause after ".", ";" or ":".
    fn opens_clause(&self, k: usize) -> bool {
        k == 0 || self.get(k - 1).is_some_and(|t| t.is_mark('.') || t.is_mark(';') || t.is_mark(':'))
    }

    /// Whether token `k` puts what follows in the future: "will", "'ll", "is set to",
    /// "plans to".
    fn future_cue(&self, k: usize) -> bool {
        let Some(token) = self.get(k) else {
            return false;
        };
        let contracted_will = token.is("ll") && self.joined(k);
        let followed_by_to = self.word(k + 1, "to");
        // "called on members to join a strike on Thursday": what a call asks for lies ahead.
        let called_to =
            token.is("to") && (self.clause_start(k)..k).any(|j| self.word_in(j, &["urged", "appealed", "called", "encouraged"]));
        // "its last scheduled check in September": a past occasion that was planned.
        // "loans that came due Friday", "a payment that was due June 15": a date that passed;
        // "were due to be freed Friday" is a schedule.
        // "The trial had been set to begin in November but was postponed", "had planned to":
        // a plan of the past.
        let had = k > 0 && self.word(k - 1, "had") || k > 1 && self.word(k - 1, "been") && self.word(k - 2, "had");
        // "said they hoped to let residents return by Monday": a hope reported; "hoped to win
        // on Sunday but lost" narrates.
        let reported = (self.clause_start(k)..k).any(|j| self.word_in(j, REPORTING_VERBS));
        let past_plan = k > 0
            && (self.word_in(k - 1, &["last", "previous"])
                || had
                || token.is("due") && self.word_in(k - 1, &["came", "fell", "was", "were", "became"]) && !self.word(k + 1, "to"));
        token.is_one_of(FUTURE_CUES) && !past_plan
            || contracted_will
            || called_to
            || (followed_by_to
                && !had
                && (token.is_one_of(PLAN_WORDS) || reported && token.is_one_of(&["hoped", "aimed", "intended"])))
            // "more seizures are likely in the second half"
            || (token.is("likely") && k > 0 && self.word_in(k - 1, &["is", "are"]))
            // "The hearing is set for 2 p.m."
            || (token.is("set") && self.word(k + 1, "for") && k > 0 && self.word_in(k - 1, &["is", "are", "was", "were", "been"]) && !had)
    }

    /// Whether a modal of what may come stands before token `i` in its clause: "orders should
    /// pick up in the fourth quarter", "investigators could return to the building Friday";
    /// not "could not say Friday", "might have", nor "could be located Wednesday" ("should be"
    /// looks ahead). Like a deadline, it looks ahead only as far as half a year ("should go
    /// home by Jan. 14" in a story of 15 January is the day before).
    fn modal_ahead(&self, i: usize) -> bool {
        // Lower case only: "Theresa May said on Monday", "in May".
        let modal = |k: usize| self.get(k).is_some_and(|t| t.is_lowercase_word() && t.is_one_of(&["should", "could", "might", "may"]));
        let looks_back = |k: usize| {
            // "may also leave in March": past the adverb to the verb.
            let next = if self.word_in(k + 1, &["also", "only", "still", "well"]) { k + 2 } else { k + 1 };
            self.word_in(next, &["not", "have", "never"])
                || self.get(next).is_some_and(|t| t.text.ends_with("n't") || t.is("t"))
                || self.word(next, "be") && !self.word(k, "should")
        };
        // The modal's clause must reach the expression: not past a relative or wh- word, "but"
        // or "then", nor a past-tense verb ("Witnesses who could identify the gunman testified
        // Monday", "Nobody could explain why the bridge collapsed on Monday").
        let clause_break = |j: usize| {
            self.word_in(j, &["who", "which", "that", "why", "whether", "when", "where", "how", "but", "then"]) || self.past_verb(j)
        };
        (self.clause_start(i)..i).any(|k| modal(k) && !looks_back(k) && !(k + 1..i).any(clause_break))
    }

    /// Whether the expression `start..end` opens its clause ("On Tuesday, the league will
    /// ...") and the clause goes on to speak of the future before any reporting verb. A
    /// past "planned to" after a fronted date does not count: the planning was on that day.
    fn fronted_before_future(&self, start: usize, end: usize) -> bool {
        let mut first = start;
        if first > 0 && self.word_in(first - 1, &["on", "by"]) {
            first -= 1;
        }
        if !self.opens_clause(first) {
            return false;
        }
        (end..end + 12)
            .take_while(|&k| self.get(k).is_some_and(|t| !(t.is_mark('.') || t.is_mark(';') || t.is_one_of(REPORTING_VERBS))))
            .any(|k| self.future_cue(k) && !self.word(k, "planned"))
    }

    /// Whether a present-tense event verb comes right before the expression, perhaps with an
    /// adverb or "on" between ("they meet separately Monday", "talks resume on Monday"), or
    /// with a place between ("lawmakers return to the Capitol Wednesday"), or a copula
    /// ("Game 2 is Saturday afternoon"): news narrates the past in the past tense and uses
    /// the present for what is scheduled.
    fn after_present_event(&self, start: usize, end: usize) -> bool {
        // "The focus is on Monday's attack": a noun's date, not a time of the verb.
        if self.possessive_s(end) {
            return false;
        }
        let mut k = start;
        if k > 0 && self.get(k - 1).is_some_and(|t| t.text.len() > 3 && t.text.ends_with("ly")) {
            k -= 1;
        }
        // "opens at 10 a.m. Wednesday"; not "was torn open at 3:10 a.m.".
        let third_person_before = |j: usize| self.get(j).is_some_and(|t| t.text.ends_with('s') && t.is_one_of(PRESENT_EVENT_VERBS));
        if k > 0 && (self.word(k - 1, "on") || self.word(k - 1, "at") && k > 1 && third_person_before(k - 2)) {
            k -= 1;
        }
        // The copula only when the day is its whole complement ("Game 2 is Saturday
        // afternoon at Albany", "The vote is Tuesday.").
        let complement =
            self.get(end).is_none_or(|t| t.shape == Shape::Mark || t.is_one_of(&["at", "in", "afternoon", "morning", "evening", "night"]));
        if k > 0 && (self.word_in(k - 1, PRESENT_EVENT_VERBS) || (self.word_in(k - 1, &["is", "are"]) && complement)) {
            return true;
        }
        // "the budget that takes effect July 1", "goes into effect Monday".
        let goes_into = k > 2 && self.word(k - 2, "into") && self.word_in(k - 3, &["go", "goes", "come", "comes"]);
        if k > 1 && self.word(k - 1, "effect") && (self.word_in(k - 2, &["takes", "take"]) || goes_into) {
            return true;
        }
        // A short place phrase after the verb: "to the Capitol", "to Memphis for Game 3".
        (k.saturating_sub(7)..k).rev().take_while(|&j| self.get(j).is_some_and(|t| t.shape != Shape::Mark) && !self.past_verb(j)).any(|j| {
            // The verb must follow its subject: "lawmakers return", "the series moves"; not
            // a noun ("a surprise visit to Kyiv", "a return to the stage"), an infinitive
            // ("failed to return to work") or a participle's complement ("ended close to").
            let after_subject = j > 0
                && self.get(j - 1).is_some_and(|t| {
                    let word = t.text.to_ascii_lowercase();
                    (t.is_capitalised() || ["they", "we", "he", "she", "it"].contains(&word.as_str()) || word.ends_with('s'))
                        && !word.ends_with("ed")
                        && !word.ends_with("ing")
                        && !["its", "his", "this", "was", "is", "has", "as", "us", "always", "perhaps"].contains(&word.as_str())
                })
                && !self.word_in(j - 1, PREPOSITIONS)
                && !(j >= 2 && self.word(j - 2, "to"));
            j + 1 < k && after_subject && self.word_in(j, PRESENT_EVENT_VERBS) && self.word_in(j + 1, &["to", "in", "at", "for"])
        })
    }

    /// Whether a past-tense verb stands before `start` in its clause (back to a mark or a
    /// deadline's preposition, at most twelve words).
    fn past_verb_in_clause(&self, start: usize) -> bool {
        (start.saturating_sub(12)..start)
            .rev()
            .take_while(|&k| self.get(k).is_some_and(|t| t.shape != Shape::Mark) && !self.word_in(k, &["by", "until", "till", "before"]))
            .any(|k| self.past_verb(k))
    }

    /// Whether the expression is the time of a past-tense verb just before it ("the process
    /// began in February", "the year ended Jan. 31", "changed to a calendar year in
    /// December"), or opens a clause that narrates in the past ("In January, the doctor was
    /// shot"). Reporting verbs do not count ("said the dividend is payable Dec. 15"), nor a
    /// verb the expression is a deadline of ("asked it to respond by Oct. 31", "extended to
    /// Nov. 20").
    fn speaks_of_past(&self, start: usize, end: usize) -> bool {
        let deadline = |k: usize| self.word_in(k, &["by", "until", "till", "to", "for", "before", "through", "payable", "due", "record"]);
        let window_start = start.saturating_sub(5);
        for k in (window_start..start).rev() {
            if self.get(k).is_some_and(|t| t.shape != Shape::Word) || deadline(k) {
                break;
            }
            if self.past_verb(k) {
                return true;
            }
        }
        let mut first = start;
        if first > 0 && self.word_in(first - 1, &["in", "on", "since"]) {
            first -= 1;
        }
        self.opens_clause(first)
            && (end..end + 12)
                .take_while(|&k| self.get(k).is_some_and(|t| !(t.is_mark('.') || t.is_mark(';') || t.is_one_of(FUTURE_CUES))))
                .any(|k| self.past_verb(k))
    }

    /// Whether the expression is a deadline, "until" or "by" right before it, in a clause
    /// that narrates nothing in the past tense before it ("has until 9 a.m. Tuesday to
    /// sign", "to pay down the loan by February"); "had repaid it by February" is history.
    fn deadline_ahead(&self, start: usize) -> bool {
        if !(start > 0 && self.word_in(start - 1, &["until", "till", "by"])) {
            return false;
        }
        // "Until Thursday, they had not called him a suspect."
        if self.opens_clause(start - 1) {
            return false;
        }
        !(self.clause_start(start)..start).any(|k| self.past_verb(k))
    }

    /// Whether token `k` is a past-tense verb that narrates: an irregular past or a
    /// lowercase word in "-ed" that is no reporting verb, no participle after a form of
    /// "be" or "have" ("is expected", "has been delayed") and no word of rescheduling.
    fn past_verb(&self, k: usize) -> bool {
        let Some(token) = self.get(k) else {
            return false;
        };
        if !token.is_lowercase_word() || token.is_one_of(REPORTING_VERBS) || token.is_one_of(RESCHEDULING_WORDS) {
            return false;
        }
        // "is expected", "has been delayed", "a still unspecified date": participles and
        // adjectives, not a narrating verb.
        let after_auxiliary = k > 0
            && self.word_in(k - 1, &["is", "are", "be", "been", "being", "has", "have", "had", "was", "were", "a", "an", "the", "still"]);
        // "all would be paid as usual Friday": an irregular participle after "be" too.
        (token.is_one_of(IRREGULAR_PASTS) || token.text.len() > 4 && token.text.ends_with("ed")) && !after_auxiliary
    }
}

/// Irregular past-tense verbs that news narrates with.
const IRREGULAR_PASTS: &[&str] = &[
    "began", "came", "went", "took", "gave", "made", "met", "left", "fell", "rose", "won", "lost", "sold", "bought", "paid", "held",
    "found", "became", "brought", "saw", "struck", "fought", "ran", "led", "sent", "spent", "broke", "knew", "thought", "was", "were",
    "did", "had",
];

/// Participles that move an event rather than narrate it: "postponed to December".
const RESCHEDULING_WORDS: &[&str] =
    &["postponed", "delayed", "rescheduled", "deferred", "moved", "scheduled", "expected", "planned", "slated", "proposed", "intended"];

/// Reporting verbs, which end the clause whose future a fronted date shares.
const REPORTING_VERBS: &[&str] = &["said", "says", "say", "told", "announced", "reported", "added"];

/// Present-tense verbs that news uses for scheduled events ("talks resume Monday").
const PRESENT_EVENT_VERBS: &[&str] = &[
    "meet", "meets", "begin", "begins", "start", "starts", "open", "opens", "resume", "resumes", "leave", "leaves", "arrive", "arrives",
    "return", "returns", "vote", "votes", "travel", "travels", "visit", "visits", "end", "ends", "close", "closes", "expire", "expires",
    "convene", "convenes", "depart", "departs", "head", "heads", "face", "faces", "move", "moves",
];

/// Words that put what follows "to" in the future: "is set to", "plans to", "hopes to".
const PLAN_WORDS: &[&str] =
    &["set", "is", "are", "going", "likely", "plans", "planning", "planned", "plan", "hope", "hopes", "hoping", "aims", "intends"];

/// Words that put what follows in the future.
const FUTURE_CUES: &[&str] = &["will", "shall", "scheduled", "expected", "due", "upcoming"];

// ---------------------------------------------------------------------------------------
// Meanings and their TIMEX3 values
// ---------------------------------------------------------------------------------------

/// What the verbs around an expression say of when it lies. News narrates the past, so
/// `Unmarked` mostly resolves like `Past`; the difference is a date a few weeks ahead
/// ("payable Dec. 15"), which an unmarked sentence may mean and a past-tense one does not
/// ("the process began in February").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Unmarked,
    /// "Until" or "by" the expression: ahead of the anchor when the next occurrence is
    /// within half a year, else read as unmarked ("had to leave by Jan. 14" in a story of
    /// 15 January is the day before).
    Deadline,
    Future,
}

/// A part of the day, written as a TIMEX3 suffix of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    fn suffix(self) -> &'static str {
        match self {
            PartOfDay::Morning => "TMO",
            PartOfDay::Afternoon => "TAF",
            PartOfDay::Evening => "TEV",
            PartOfDay::Night => "TNI",
        }
    }
}

/// How a weekday or a season is placed relative to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relation {
    /// "Friday": the most recent one, or the coming one when the sentence speaks of the
    /// future.
    Bare,
    /// "last Friday".
    Last,
    /// "this Friday".
    This,
    /// "next Friday".
    Next,
}

/// A calendar period named relative to the anchor ("last week", "this year").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Period {
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    fn index(self) -> i64 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Autumn => 2,
            Season::Winter => 3,
        }
    }
}

/// A year written out or counted from the anchor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearRef {
    Absolute(i32),
    FromAnchor(i32),
}

/// Which way "three days ago", "a year earlier" or "two weeks later" counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    /// "ago": back from the anchor.
    Ago,
    /// "earlier": back from some event of the story.
    Earlier,
    /// "later": forward from some event of the story.
    Later,
}

/// A unit of a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    /// Only as a plural ("two quarters", "several quarters"): "a quarter" is mostly a
    /// fraction or the reporting period.
    Quarter,
    Year,
    Decade,
    Century,
}

/// How many units: a number, or a vague "several", "a few", or a bare plural ("for weeks").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Amount {
    Exact(u32),
    Vague,
}

/// What a recognised expression means, before it is resolved against an anchor.
#[derive(Clone, Debug, PartialEq)]
enum Meaning {
    Weekday {
        weekday: Weekday,
        relation: Relation,
        part: Option<PartOfDay>,
    },
    /// A day counted from the anchor: today 0, yesterday -1, tomorrow 1.
    DayFromAnchor {
        days: i64,
        part: Option<PartOfDay>,
    },
    /// A day counted from the last day the story named: "the next day" 1, "the day before"
    /// -1, "that morning" 0.
    DayFromStory {
        days: i64,
        part: Option<PartOfDay>,
    },
    /// A calendar date or month; a missing year is taken from the anchor.
    Calendar {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
    },
    /// "February this year", "March 5 last year": a date in the year counted from the
    /// anchor's (0 this year, -1 last year).
    CalendarInYear {
        month: u32,
        day: Option<u32>,
        offset: i32,
    },
    /// "last May", "next March", "this September": a month placed by its relation to the
    /// anchor's month.
    RelativeMonth {
        month: u32,
        relation: Relation,
    },
    /// A holiday whose date moves from year to year, placed by its relation to the anchor
    /// when no year is written ("Thanksgiving Day", "last Easter").
    Feast {
        feast: Feast,
        relation: Relation,
        year: Option<i32>,
    },
    Year(i32),
    /// The first three digits of the decade's years: 199 for "the 1990s".
    Decade(i32),
    /// The first two digits of the century's years: 19 for "the 20th century".
    Century(i32),
    /// A period counted from the anchor's: "last week" is `Week` and -1. `None` is "the
    /// weekend" with no "this" or "last".
    Period {
        period: Period,
        offset: Option<i64>,
    },
    Quarter {
        quarter: u32,
        year: Option<i32>,
    },
    /// A quarter of a year given by number ("the 1988 third quarter") or from the anchor
    /// ("last year's quarter": -1), its quarter the one named or else the story's ("the 1988
    /// period" in a story about third quarters is 1988-Q3).
    QuarterOfYear {
        year: YearRef,
        quarter: Option<u32>,
    },
    Season {
        season: Season,
        relation: Relation,
        year: Option<i32>,
    },
    /// "three days ago", "a year earlier", "two weeks later".
    Ago {
        amount: Amount,
        unit: Unit,
        direction: Direction,
    },
    Clock {
        hour: u32,
        minute: u32,
        day: Option<Box<Meaning>>,
    },
    /// A reporting quarter counted from the anchor's: -1 is the last complete quarter
    /// ("the latest quarter"), -5 the same quarter a year before ("the year-ago quarter").
    ReportingQuarter(i64),
    /// PRESENT_REF, PAST_REF or FUTURE_REF.
    Reference(&'static str),
    Duration(String),
    Set(String),
    /// "the week of March 6": the ISO week of the day the inner meaning names.
    WeekOf(Box<Meaning>),
    /// "overnight" as an adverb: the night before the anchor, or the anchor's night when
    /// the clause speaks of the future.
    Overnight,
    /// A half-year, 1 or 2: of the year the inner meaning names ("the second half of 1991",
    /// "the first half of next year"), or with none the latest such half ("the first half").
    Half {
        half: u32,
        year: Option<Box<Meaning>>,
    },
}

impl Meaning {
    /// The TIMEX3 type and value, against `anchor` when known. `tense` says whether the
    /// expression's clause speaks of the future or, in a past-tense verb, of the past.
    fn resolve(&self, anchor: Option<NaiveDate>, tense: Tense, discourse: &Discourse) -> (TimeKind, String) {
        let future = matches!(tense, Tense::Future | Tense::Deadline);
        match self {
            Meaning::Weekday { weekday, relation, part } => {
                let date = anchor.and_then(|anchor| weekday_date(anchor, *weekday, *relation, future));
                let base = match date {
                    Some(date) => iso_date(date),
                    None => format!("XXXX-WXX-{}", weekday.number_from_monday()),
                };
                with_part_of_day(base, *part)
            }
            Meaning::Overnight => {
                let days = if future { 0 } else { -1 };
                let base = anchor.and_then(|anchor| shift_days(anchor, days)).map_or_else(|| "XXXX-XX-XX".to_owned(), iso_date);
                // TimeBank writes a weekday's night as the plain date, but "overnight" as the night.
                (TimeKind::Time, base + PartOfDay::Night.suffix())
            }
            Meaning::DayFromAnchor { days, part } => {
                let base = anchor.and_then(|anchor| shift_days(anchor, *days)).map_or_else(|| "XXXX-XX-XX".to_owned(), iso_date);
                with_part_of_day(base, *part)
            }
            Meaning::DayFromStory { days, part } => {
                let story_day = discourse.day.filter(|&(_, sentence)| discourse.sentence <= sentence + STORY_DAY_REACH).map(|(day, _)| day);
                let base = story_day.and_then(|day| shift_days(day, *days)).map_or_else(|| "XXXX-XX-XX".to_owned(), iso_date);
                with_part_of_day(base, *part)
            }
            Meaning::Calendar { year, month, day } => (TimeKind::Date, calendar_value(*year, *month, *day, anchor, tense)),
            Meaning::CalendarInYear { month, day, offset } => {
                (TimeKind::Date, calendar_value(anchor.map(|anchor| anchor.year() + offset), *month, *day, anchor, tense))
            }
            Meaning::RelativeMonth { month, relation } => (TimeKind::Date, relative_month_value(*month, *relation, anchor)),
            Meaning::Feast { feast, relation, year } => {
                let date = match year {
                    Some(year) => feast.date(*year),
                    None => anchor.and_then(|anchor| feast_date(anchor, *feast, *relation, tense)),
                };
                (TimeKind::Date, date.map_or_else(|| "XXXX-XX-XX".to_owned(), iso_date))
            }
            Meaning::Year(year) => (TimeKind::Date, format!("{year:04}")),
            Meaning::Decade(decade) => (TimeKind::Date, format!("{decade:03}")),
            Meaning::Century(century) => (TimeKind::Date, format!("{century:02}")),
            Meaning::Period { period, offset } => (TimeKind::Date, period_value(*period, *offset, anchor, future)),
            Meaning::Quarter { quarter, year } => {
                let year = year.or_else(|| anchor.map(|anchor| quarter_year(anchor, *quarter, future)));
                let year = year.map_or_else(|| "XXXX".to_owned(), |year| format!("{year:04}"));
                (TimeKind::Date, format!("{year}-Q{quarter}"))
            }
            Meaning::QuarterOfYear { year, quarter } => {
                let year = match year {
                    YearRef::Absolute(year) => Some(*year),
                    YearRef::FromAnchor(offset) => anchor.map(|anchor| anchor.year() + offset),
                };
                let year = year.map_or_else(|| "XXXX".to_owned(), |year| format!("{year:04}"));
                let quarter = quarter.map(i64::from).or_else(|| discourse.quarter.map(|index| index.rem_euclid(4) + 1));
                (TimeKind::Date, quarter.map_or_else(|| format!("{year}-QX"), |quarter| format!("{year}-Q{quarter}")))
            }
            Meaning::Season { season, relation, year } => {
                let year = year.or_else(|| anchor.map(|anchor| season_year(anchor, *season, *relation, future)));
                let year = year.map_or_else(|| "XXXX".to_owned(), |year| format!("{year:04}"));
                (TimeKind::Date, format!("{year}-{}", season.code()))
            }
            Meaning::Ago { amount: Amount::Exact(1), unit: Unit::Year, direction: Direction::Ago | Direction::Earlier }
                if discourse.compared_quarter().is_some() =>
            {
                // "profit rose from a year ago" in a story about a quarter: that quarter, a
                // year back (more years back is history, a year of its own).
                let quarter = discourse.compared_quarter().unwrap_or_default() - 4;
                (TimeKind::Date, quarter_value(quarter))
            }
            Meaning::Ago { amount, unit, direction: Direction::Earlier | Direction::Later }
                if !matches!(unit, Unit::Year | Unit::Decade | Unit::Century) =>
            {
                // "Three days later" counts from an event of the story whose date is not
                // known; TimeBank annotates the length of time it gives.
                duration_value(*amount, *unit)
                    .map_or_else(|| (TimeKind::Date, ago_value(*amount, *unit, None)), |value| (TimeKind::Duration, value))
            }
            Meaning::Ago { amount, unit, direction } => {
                // "A year earlier" counts from an event of the story, which news places near
                // its publication: at a year's granularity that is the anchor's year. Finer
                // units would claim a precision the text does not give.
                let anchor = anchor.filter(|_| *direction == Direction::Ago || (*direction == Direction::Earlier && *unit == Unit::Year));
                (TimeKind::Date, ago_value(*amount, *unit, anchor))
            }
            // "Police began clearing the square shortly after midnight", in a report of that
            // morning: a midnight already past is the one that opened the anchor's day.
            Meaning::Clock { hour: 24, minute: 0, day: None } if tense == Tense::Past && anchor.is_some() => {
                (TimeKind::Time, anchor.map_or_else(String::new, |anchor| format!("{}T00:00", iso_date(anchor))))
            }
            Meaning::Clock { hour, minute, day } => {
                let date = match day {
                    Some(day) => day.resolve(anchor, tense, discourse).1,
                    None => discourse.recent_day(anchor, tense).or(anchor).map_or_else(|| "XXXX-XX-XX".to_owned(), iso_date),
                };
                (TimeKind::Time, format!("{date}T{hour:02}:{minute:02}"))
            }
            Meaning::ReportingQuarter(offset) => {
                // "The quarter" and "the year-ago quarter" count from the quarter the story
                // named, else from the last complete quarter before the anchor.
                let story = if *offset == -5 { discourse.compared_quarter() } else { discourse.quarter };
                let named = story.filter(|_| *offset != 0).map(|quarter| quarter + offset + 1);
                let from_anchor = anchor.map(|anchor| i64::from(anchor.year()) * 4 + i64::from(anchor.month0() / 3) + offset);
                (TimeKind::Date, named.or(from_anchor).map_or_else(|| "XXXX-QX".to_owned(), quarter_value))
            }
            Meaning::Reference(value) => (TimeKind::Date, (*value).to_owned()),
            Meaning::Duration(value) => (TimeKind::Duration, value.clone()),
            Meaning::Set(value) => (TimeKind::Set, value.clone()),
            Meaning::WeekOf(day) => {
                let (kind, value) = day.resolve(anchor, tense, discourse);
                match NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                    Ok(date) => (TimeKind::Date, iso_week(date)),
                    Err(_) => (kind, value),
                }
            }
            Meaning::Half { half, year: Some(year) } => {
                let (_, year) = year.resolve(anchor, tense, discourse);
                (TimeKind::Date, format!("{year}-H{half}"))
            }
            Meaning::Half { half, year: None } => {
                let year = anchor.map_or_else(|| "XXXX".to_owned(), |anchor| format!("{:04}", half_year(anchor, *half, future)));
                (TimeKind::Date, format!("{year}-H{half}"))
            }
        }
    }

    /// Whether this meaning names a quarter outright, so that later reporting periods count
    /// from it ("third-quarter profit", "the current quarter", "last quarter").
    fn names_a_quarter(&self) -> bool {
        matches!(
            self,
            Meaning::Quarter { .. }
                | Meaning::QuarterOfYear { quarter: Some(_), .. }
                | Meaning::Period { period: Period::Quarter, .. }
                | Meaning::ReportingQuarter(0 | -1)
        )
    }

    /// This meaning as the day of a clock time next to it ("Friday at 3 p.m."), when it
    /// names one day.
    fn as_day(&self) -> Option<Meaning> {
        match self {
            Meaning::Weekday { weekday, relation, .. } => Some(Meaning::Weekday { weekday: *weekday, relation: *relation, part: None }),
            Meaning::DayFromAnchor { days, .. } => Some(Meaning::DayFromAnchor { days: *days, part: None }),
            Meaning::DayFromStory { days, .. } => Some(Meaning::DayFromStory { days: *days, part: None }),
            Meaning::Calendar { day: Some(_), .. } | Meaning::Feast { .. } => Some(self.clone()),
            _ => None,
        }
    }
}

/// A date with an optional part of day: TIMEX3 calls it a TIME when the part is there.
/// "Night" is the exception: TimeBank annotates "Wednesday night", "tonight" and "last night"
/// as the date itself, which also keeps a night's events on the day the reader expects.
fn with_part_of_day(base: String, part: Option<PartOfDay>) -> (TimeKind, String) {
    match part {
        Some(PartOfDay::Night) | None => (TimeKind::Date, base),
        Some(part) => (TimeKind::Time, base + part.suffix()),
    }
}

/// "1989-Q3" for the quarter counted as `year * 4 + quarter - 1`.
fn quarter_value(index: i64) -> String {
    format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
}

/// The anchor's quarter, counted as in [`quarter_value`].
fn anchor_quarter(anchor: NaiveDate) -> i64 {
    i64::from(anchor.year()) * 4 + i64::from(anchor.month0() / 3)
}

/// The inverse of [`quarter_value`]: `Some` for a value such as "1989-Q3".
fn quarter_index(value: &str) -> Option<i64> {
    let (year, quarter) = value.split_once("-Q")?;
    let year: i64 = year.parse().ok().filter(|_| year.len() == 4)?;
    let quarter: i64 = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some(year * 4 + quarter - 1)
}

fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

fn iso_week(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The month `delta` months after `year`-`month`.
fn shift_month(year: i32, month: u32, delta: i64) -> (i64, u32) {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + delta;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

/// The date a weekday names, seen from `anchor`.
///
/// A bare weekday in news is the most recent one on or before the publication date (the
/// date itself when it is that weekday), or the next one on or after it when the sentence
/// speaks of the future. "Next Friday" is strictly after the anchor. "Last Friday" is the
/// Friday of the calendar week before the anchor's, because writers say plain "Friday" for
/// a day of the current week. "This Friday" is the Friday of the anchor's week.
fn weekday_date(anchor: NaiveDate, weekday: Weekday, relation: Relation, future: bool) -> Option<NaiveDate> {
    let anchor_index = i64::from(anchor.weekday().num_days_from_monday());
    let target_index = i64::from(weekday.num_days_from_monday());
    let days_back = (anchor_index - target_index).rem_euclid(7);
    let days_forward = (target_index - anchor_index).rem_euclid(7);
    let offset = match relation {
        Relation::Bare if future => days_forward,
        Relation::Bare => -days_back,
        Relation::Next if days_forward == 0 => 7,
        Relation::Next => days_forward,
        Relation::Last => target_index - anchor_index - 7,
        Relation::This => target_index - anchor_index,
    };
    shift_days(anchor, offset)
}

/// A calendar date's value. A missing year is chosen as news reads: the most recent such
/// date on or before the anchor ("Dec. 30" in an article of 7 January is last year's,
/// "in March" in an October article is this year's), unless the next one is nearer and at
/// most a season ahead (a scheduled event: "payable Dec. 15" in October), or the sentence
/// speaks of the future. Without an anchor the year stays "XXXX".
fn calendar_value(year: Option<i32>, month: u32, day: Option<u32>, anchor: Option<NaiveDate>, tense: Tense) -> String {
    let year = year.or_else(|| anchor.and_then(|anchor| likely_year(anchor, month, day, tense)));
    let year = year.map_or_else(|| "XXXX".to_owned(), |year| format!("{year:04}"));
    match day {
        Some(day) => format!("{year}-{month:02}-{day:02}"),
        None => format!("{year}-{month:02}"),
    }
}

/// How far ahead, in days, a date without a year may be read as upcoming in a sentence
/// that does not speak of the future.
const UPCOMING_DAYS: i64 = 92;

fn likely_year(anchor: NaiveDate, month: u32, day: Option<u32>, tense: Tense) -> Option<i32> {
    // Days from the anchor to the date, or to the month's first day; negative is before.
    // A month counts as "on or before" as long as the anchor is inside it.
    let distance = |year: i32| -> Option<i64> {
        let first = NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
        let days = (first - anchor).num_days();
        let same_month = day.is_none() && year == anchor.year() && month == anchor.month();
        Some(if same_month { 0 } else { days })
    };
    nearest_year(anchor, tense, distance)
}

/// The year, among the anchor's and its neighbours, whose occurrence of a yearly date news
/// most likely means, `distance` giving the days from the anchor to each year's occurrence:
/// the most recent on or before the anchor, unless the next is nearer and at most
/// [`UPCOMING_DAYS`] ahead, or the sentence speaks of the future.
fn nearest_year(anchor: NaiveDate, tense: Tense, distance: impl Fn(i32) -> Option<i64>) -> Option<i32> {
    let candidates = [anchor.year() - 1, anchor.year(), anchor.year() + 1];
    let scored: Vec<(i32, i64)> = candidates.iter().filter_map(|&year| Some((year, distance(year)?))).collect();
    let next = scored.iter().filter(|&&(_, days)| days >= 0).min_by_key(|&&(_, days)| days).copied();
    let previous = scored.iter().filter(|&&(_, days)| days <= 0).max_by_key(|&&(_, days)| days).copied();
    match (previous, next) {
        (_, Some((year, _))) if tense == Tense::Future => Some(year),
        (_, Some((year, ahead))) if tense == Tense::Deadline && ahead <= 2 * UPCOMING_DAYS => Some(year),
        (Some((_, back)), Some((year, ahead))) if tense != Tense::Past && ahead <= UPCOMING_DAYS && ahead < -back => Some(year),
        (Some((year, _)), _) => Some(year),
        (None, next) => next.map(|(year, _)| year),
    }
}

/// Holidays whose date moves: American ones that news from anywhere reports, and Easter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Feast {
    /// The fourth Thursday of November.
    Thanksgiving,
    /// The Tuesday after the first Monday of November.
    ElectionDay,
    /// The first Monday of September.
    LaborDay,
    /// The last Monday of May.
    MemorialDay,
    Easter,
    /// The Friday before Easter.
    GoodFriday,
    /// A holiday on the same day every year ("Christmas"), when "last", "this" or "next"
    /// comes before it.
    Fixed {
        month: u32,
        day: u32,
    },
}

impl Feast {
    fn date(self, year: i32) -> Option<NaiveDate> {
        let nth = |month: u32, weekday: Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n);
        match self {
            Feast::Thanksgiving => nth(11, Weekday::Thu, 4),
            Feast::ElectionDay => nth(11, Weekday::Mon, 1)?.succ_opt(),
            Feast::LaborDay => nth(9, Weekday::Mon, 1),
            Feast::MemorialDay => nth(5, Weekday::Mon, 5).or_else(|| nth(5, Weekday::Mon, 4)),
            Feast::Easter => easter_sunday(year),
            Feast::GoodFriday => shift_days(easter_sunday(year)?, -2),
            Feast::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
        }
    }
}

/// Western Easter Sunday of `year` (the anonymous Gregorian computus).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let (a, b, c) = (y % 19, y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The date of a movable feast seen from `anchor`: "last Thanksgiving" is the latest before
/// the anchor, "next Easter" the first after it, "this Easter" the anchor year's, and a
/// bare one is chosen as a date without a year is ([`nearest_year`]).
fn feast_date(anchor: NaiveDate, feast: Feast, relation: Relation, tense: Tense) -> Option<NaiveDate> {
    let years = [anchor.year() - 1, anchor.year(), anchor.year() + 1];
    let dates = years.iter().filter_map(|&year| feast.date(year));
    match relation {
        Relation::Last => dates.filter(|date| *date < anchor).max(),
        Relation::Next => dates.filter(|date| *date > anchor).min(),
        Relation::This => feast.date(anchor.year()),
        Relation::Bare => feast.date(nearest_year(anchor, tense, |year| Some((feast.date(year)? - anchor).num_days()))?),
    }
}

/// "Last May" is the most recent May before the anchor's month, "next May" the first one
/// after it, "this May" the anchor year's.
fn relative_month_value(month: u32, relation: Relation, anchor: Option<NaiveDate>) -> String {
    let Some(anchor) = anchor else {
        return format!("XXXX-{month:02}");
    };
    let back = (i64::from(anchor.month()) - i64::from(month)).rem_euclid(12);
    let forward = (i64::from(month) - i64::from(anchor.month())).rem_euclid(12);
    let delta = match relation {
        Relation::Last if back == 0 => -12,
        Relation::Last => -back,
        Relation::Next if forward == 0 => 12,
        Relation::Next => forward,
        Relation::This | Relation::Bare => i64::from(month) - i64::from(anchor.month()),
    };
    let (year, month) = shift_month(anchor.year(), anchor.month(), delta);
    format!("{year:04}-{month:02}")
}

/// A period counted from the anchor's ("2013-W11" for "last week" in week 12).
fn period_value(period: Period, offset: Option<i64>, anchor: Option<NaiveDate>, future: bool) -> String {
    let Some(anchor) = anchor else {
        return match period {
            Period::Week => "XXXX-WXX",
            Period::Weekend => "XXXX-WXX-WE",
            Period::Month => "XXXX-XX",
            Period::Quarter => "XXXX-QX",
            Period::Year => "XXXX",
        }
        .to_owned();
    };
    let offset_or_this = offset.unwrap_or(0);
    match period {
        Period::Week => shift_days(anchor, offset_or_this * 7).map_or_else(|| "XXXX-WXX".to_owned(), iso_week),
        Period::Weekend => {
            // "The weekend" in a weekday's news is the one just past, or the coming one when
            // the sentence speaks of the future; on a weekend it is the current one.
            let weeks = offset.unwrap_or_else(|| {
                let on_weekend = matches!(anchor.weekday(), Weekday::Sat | Weekday::Sun);
                if on_weekend || future {
                    0
                } else {
                    -1
                }
            });
            shift_days(anchor, weeks * 7).map_or_else(|| "XXXX-WXX-WE".to_owned(), |date| iso_week(date) + "-WE")
        }
        Period::Month => {
            let (year, month) = shift_month(anchor.year(), anchor.month(), offset_or_this);
            format!("{year:04}-{month:02}")
        }
        Period::Quarter => quarter_value(i64::from(anchor.year()) * 4 + i64::from(anchor.month0() / 3) + offset_or_this),
        Period::Year => format!("{:04}", i64::from(anchor.year()) + offset_or_this),
    }
}

/// The year of "the third quarter": reports look back at quarters that have begun, so a
/// quarter that has not begun yet is last year's unless the sentence speaks of the future.
fn quarter_year(anchor: NaiveDate, quarter: u32, future: bool) -> i32 {
    let first_month = quarter.saturating_sub(1) * 3 + 1;
    if first_month <= anchor.month() || future {
        anchor.year()
    } else {
        anchor.year() - 1
    }
}

/// The year of a bare half-year: ahead, the half that has not ended; otherwise the latest
/// half at least three months under way ("the first half" in January is last year's).
fn half_year(anchor: NaiveDate, half: u32, future: bool) -> i32 {
    let first_month = if half == 1 { 1 } else { 7 };
    let under_way = anchor.month() >= first_month + 3;
    let ended = half == 1 && anchor.month() > 6;
    if (future && !ended) || (!future && under_way) {
        anchor.year()
    } else if future {
        anchor.year() + 1
    } else {
        anchor.year() - 1
    }
}

/// The year of a season relative to the anchor. Seasons are counted on a grid of four a
/// year, winter belonging to the year of its December.
fn season_year(anchor: NaiveDate, season: Season, relation: Relation, future: bool) -> i32 {
    let (year, month) = (i64::from(anchor.year()), anchor.month());
    let current = match month {
        3..=5 => year * 4,
        6..=8 => year * 4 + 1,
        9..=11 => year * 4 + 2,
        12 => year * 4 + 3,
        _ => (year - 1) * 4 + 3,
    };
    let target = season.index();
    let index = match relation {
        Relation::Last => current - 1 - (current - 1 - target).rem_euclid(4),
        Relation::Next => current + 1 + (target - current - 1).rem_euclid(4),
        // "should return to normal by spring", said in December: the coming one.
        Relation::Bare if future && target != current.rem_euclid(4) => current + 1 + (target - current - 1).rem_euclid(4),
        // "laid off 300 workers in the fall", written in February: the latest one.
        Relation::Bare => current - (current - target).rem_euclid(4),
        // "this spring" in January is the spring of the anchor's year, not of the winter's.
        Relation::This if season != Season::Winter => year * 4 + target,
        Relation::This => current.div_euclid(4) * 4 + target,
    };
    i32::try_from(index.div_euclid(4)).unwrap_or(anchor.year())
}

/// "three days ago" as a point at the unit's granularity; placeholders of the same
/// granularity when it cannot be resolved, and PAST_REF for a vague "years ago".
fn ago_value(amount: Amount, unit: Unit, anchor: Option<NaiveDate>) -> String {
    let placeholder = match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    };
    let (Amount::Exact(count), Some(anchor)) = (amount, anchor) else {
        return if amount == Amount::Vague && anchor.is_some() { "PAST_REF" } else { placeholder }.to_owned();
    };
    let count = i64::from(count);
    let year = i64::from(anchor.year());
    let value = match unit {
        // Less than a day ago is still, at a date's granularity, the anchor's day.
        Unit::Second | Unit::Minute | Unit::Hour => Some(iso_date(anchor)),
        Unit::Day => shift_days(anchor, -count).map(iso_date),
        Unit::Week => shift_days(anchor, -count * 7).map(iso_week),
        Unit::Month => {
            let (year, month) = shift_month(anchor.year(), anchor.month(), -count);
            Some(format!("{year:04}-{month:02}"))
        }
        Unit::Quarter => Some(quarter_value(anchor_quarter(anchor) - count)),
        Unit::Year => Some(format!("{:04}", year - count)),
        Unit::Decade => Some(format!("{:03}", (year - count * 10).div_euclid(10))),
        Unit::Century => Some(format!("{:02}", (year - count * 100).div_euclid(100))),
    };
    value.unwrap_or_else(|| placeholder.to_owned())
}

/// A TIMEX3 duration value: "P3D", "PT48H", "PXW" for a vague number of weeks. Decades
/// and centuries are counted in years ("a decade" is P10Y) when the number is known.
fn duration_value(amount: Amount, unit: Unit) -> Option<String> {
    let (prefix, scale, letter) = match unit {
        Unit::Second => ("PT", 1, "S"),
        Unit::Minute => ("PT", 1, "M"),
        Unit::Hour => ("PT", 1, "H"),
        Unit::Day => ("P", 1, "D"),
        Unit::Week => ("P", 1, "W"),
        Unit::Month => ("P", 1, "M"),
        Unit::Quarter => ("P", 1, "Q"),
        Unit::Year => ("P", 1, "Y"),
        Unit::Decade => ("P", 10, "Y"),
        Unit::Century => ("P", 100, "Y"),
    };
    match (amount, unit) {
        (Amount::Exact(count), _) => Some(format!("{prefix}{}{letter}", count.checked_mul(scale)?)),
        (Amount::Vague, Unit::Decade) => Some("PXDE".to_owned()),
        (Amount::Vague, Unit::Century) => Some("PXCE".to_owned()),
        (Amount::Vague, _) => Some(format!("{prefix}X{letter}")),
    }
}

// ---------------------------------------------------------------------------------------
// Recognition
// ---------------------------------------------------------------------------------------

/// What a recogniser found, starting at the token it was given and ending before `end`.
struct Found {
    end: usize,
    meaning: Meaning,
}

/// A recognised expression: tokens `start..end` of the sentence.
struct Match {
    start: usize,
    end: usize,
    meaning: Meaning,
}

type Recogniser = fn(&Scan<'_>, usize) -> Option<Found>;

/// Every recogniser, tried at every token. When several match, the longest wins; on a tie
/// the earlier in this list, so the more specific rules come first.
const RECOGNISERS: &[Recogniser] = &[
    recognise_iso_date,
    recognise_month_first_date,
    recognise_day_first_date,
    recognise_second_day,
    recognise_holiday,
    recognise_feast,
    recognise_weekday,
    recognise_relative_day,
    recognise_day_from_story,
    recognise_relative_period,
    recognise_season,
    recognise_quarter,
    recognise_half_year,
    recognise_reporting_period,
    recognise_year_end,
    recognise_decade,
    recognise_century,
    recognise_year,
    recognise_spoken_year,
    recognise_clock_time,
    recognise_ago,
    recognise_duration,
    recognise_set,
    recognise_reference,
];

/// Scans left to right; after a match the scan resumes past it, so matches never overlap.
fn recognise_all(scan: &Scan<'_>) -> Vec<Match> {
    let mut matches = Vec::new();
    let mut i = 0;
    while i < scan.tokens.len() {
        let longest = RECOGNISERS
            .iter()
            .filter_map(|recognise| recognise(scan, i))
            .filter(|found| found.end > i && found.end <= scan.tokens.len())
            .fold(None, |best: Option<Found>, found| match best {
                Some(best) if best.end >= found.end => Some(best),
                _ => Some(found),
            });
        match longest {
            Some(found) => {
                matches.push(Match { start: i, end: found.end, meaning: found.meaning });
                i = found.end;
            }
            None => i += 1,
        }
    }
    matches
}

/// "in February this year", "on March 5 last year": a date without a year and the year
/// written right after it, relative to the anchor's, are one expression (TimeBank marks the
/// date, not the year apart).
fn years_after_dates(matches: &mut Vec<Match>) {
    let mut k = 0;
    while k + 1 < matches.len() {
        let (date, next) = (&matches[k], &matches[k + 1]);
        if let (Meaning::Calendar { year: None, month, day }, Meaning::Period { period: Period::Year, offset: Some(offset @ -1..=1) }) =
            (&date.meaning, &next.meaning)
        {
            if date.end == next.start {
                let meaning = Meaning::CalendarInYear { month: *month, day: *day, offset: *offset as i32 };
                matches[k] = Match { start: date.start, end: next.end, meaning };
                matches.remove(k + 1);
            }
        }
        k += 1;
    }
}

/// Whether "end of", "beginning of", "start of" or "middle of" stands right before token `i`.
fn part_of_period_before(scan: &Scan<'_>, i: usize) -> bool {
    i >= 2 && scan.word_in(i - 2, &["end", "beginning", "start", "middle"]) && scan.word(i - 1, "of")
}

/// "the end of the year", "the beginning of October", "the middle of the week": TimeML
/// marks the part with the period it is part of (with a `mod` this layer does not keep),
/// so the expression starts at "the".
fn take_in_parts_of_periods(scan: &Scan<'_>, matches: &mut [Match]) {
    for found in matches.iter_mut() {
        let start = found.start;
        if start >= 3
            && scan.word(start - 3, "the")
            && part_of_period_before(scan, start)
            && !matches!(found.meaning, Meaning::Duration(_) | Meaning::Set(_) | Meaning::Ago { .. } | Meaning::Reference(_))
        {
            found.start = start - 3;
        }
    }
}

/// "the week of March 6", "the week of Nov. 12": TimeML marks the week, from "the".
fn take_in_weeks_of_days(scan: &Scan<'_>, matches: &mut [Match]) {
    for found in matches.iter_mut() {
        let start = found.start;
        let a_day = matches!(found.meaning, Meaning::Calendar { day: Some(_), .. } | Meaning::CalendarInYear { day: Some(_), .. });
        if a_day && start >= 3 && scan.word(start - 3, "the") && scan.word(start - 2, "week") && scan.word(start - 1, "of") {
            found.start = start - 3;
            found.meaning = Meaning::WeekOf(Box::new(found.meaning.clone()));
        }
    }
}

/// "the first half", "the second half", "the last half", "the latter half" at `i`: the half
/// and the index after "half".
fn half_year_at(scan: &Scan<'_>, i: usize) -> Option<(u32, usize)> {
    if !scan.word(i, "the") || !scan.word(i + 2, "half") {
        return None;
    }
    let half = if scan.word(i + 1, "first") {
        1
    } else if scan.word_in(i + 1, &["second", "last", "latter"]) {
        2
    } else {
        return None;
    };
    Some((half, i + 3))
}

/// "the second half of 1991", "the first half of this year": TimeML marks the half-year
/// ("1991-H2"), from "the".
fn take_in_halves_of_years(scan: &Scan<'_>, matches: &mut [Match]) {
    for found in matches.iter_mut() {
        let start = found.start;
        let a_year = matches!(found.meaning, Meaning::Year(_) | Meaning::Period { period: Period::Year, offset: Some(_) });
        let Some(half_start) = start.checked_sub(4) else { continue };
        let half = half_year_at(scan, half_start).filter(|_| a_year && scan.word(start - 1, "of"));
        if let Some((half, _)) = half {
            found.start = half_start;
            found.meaning = Meaning::Half { half, year: Some(Box::new(found.meaning.clone())) };
        }
    }
}

/// Words of sport, whose halves are of a game.
const WORDS_OF_SPORT: &[&str] = &[
    "game",
    "games",
    "match",
    "goal",
    "goals",
    "scored",
    "inning",
    "innings",
    "halftime",
    "coach",
    "league",
    "tournament",
    "touchdown",
    "touchdowns",
    "yards",
    "penalty",
    "striker",
    "quarterback",
    "outscored",
    "rebounds",
    "throws",
    "pulled",
];

/// A bare "the first half", "the second half" as a half-year ("spent $46 million in the
/// first half", "more seizures are likely in the second half"), unless the sentence speaks
/// of sport; "the first half of" something else is a part of that.
fn recognise_half_year(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let (half, end) = half_year_at(scan, i)?;
    // "the first half hour", "the last half century" are lengths of time.
    if scan.word(end, "of") || scan.mark(end, '-') || unit_at(scan, end).is_some() {
        return None;
    }
    let sport = scan.tokens.iter().any(|t| t.is_one_of(WORDS_OF_SPORT));
    (!sport).then_some(Found { end, meaning: Meaning::Half { half, year: None } })
}

/// Gives a clock time without a date the day written next to it ("Tuesday at 9 a.m.",
/// "9 a.m. Tuesday", "noon on Friday"). A day written right after the clock, perhaps
/// after a comma, is one expression with it, as TimeML marks "9 a.m. Tuesday" and "5 p.m.
/// EST, Nov. 9"; a day before it stays an expression of its own.
fn lend_days_to_clock_times(scan: &Scan<'_>, matches: &mut Vec<Match>) {
    let mut k = 0;
    while k < matches.len() {
        if !matches!(matches[k].meaning, Meaning::Clock { day: None, .. }) {
            k += 1;
            continue;
        }
        let neighbours = [k.checked_sub(1), Some(k + 1)];
        let lent = neighbours.into_iter().flatten().find_map(|n| {
            let other = matches.get(n)?;
            let (left_end, right_start) = if n < k { (other.end, matches[k].start) } else { (matches[k].end, other.start) };
            let gap = scan.tokens.get(left_end..right_start)?;
            let close = gap.len() <= 2 && gap.iter().all(|t| t.is_one_of(&["at", "on", "of"]) || t.is_mark(','));
            let joins = n > k && gap.iter().all(|t| t.is_mark(','));
            close.then(|| other.meaning.as_day()).flatten().map(|day| (day, joins.then_some(n)))
        });
        if let Some((day, joined)) = lent {
            if let Meaning::Clock { day: slot, .. } = &mut matches[k].meaning {
                *slot = Some(Box::new(day));
            }
            if let Some(n) = joined {
                matches[k].end = matches[n].end;
                matches.remove(n);
            }
        }
        k += 1;
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, value)| value)
}

const WEEKDAY_NAMES: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const WEEKDAY_ABBREVIATIONS: [(&str, Weekday); 10] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

const MONTH_NAMES: [(&str, u32); 12] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Months whose names are also verbs, nouns or first names ("may", "March", "June",
/// "April", "August"): alone, without a day or a year, they need a preposition before them.
const AMBIGUOUS_MONTHS: [u32; 5] = [3, 4, 5, 6, 8];

/// Words before a month or a year that make it one ("in May", "since 2021").
const CALENDAR_TRIGGERS: &[&str] = &[
    "in",
    "on",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "of",
    "during",
    "before",
    "after",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "fiscal",
    "circa",
];

const PARTS_OF_DAY: [(&str, PartOfDay); 5] = [
    ("morning", PartOfDay::Morning),
    ("afternoon", PartOfDay::Afternoon),
    ("evening", PartOfDay::Evening),
    ("night", PartOfDay::Night),
    ("overnight", PartOfDay::Night),
];

const NUMBER_WORDS: [(&str, u32); 28] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// Unit words, singular and plural. Singular "second" is left out: "a second wave" is an
/// ordinal far more often than a duration.
const UNIT_WORDS: [(&str, Unit, bool); 18] = [
    ("seconds", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
];

/// Narrowing words that join a span without changing the TIMEX3 value (TIMEX3 keeps them
/// in its `mod` attribute, which this layer does not carry): "late Wednesday", "mid-2021".
/// Returns the index after the modifier, or `i` when there is none.
fn after_modifier(scan: &Scan<'_>, i: usize) -> usize {
    if !scan.word_in(i, &["early", "late", "earlier", "later", "mid"]) {
        return i;
    }
    if scan.joined_mark(i + 1, '-') {
        i + 2
    } else {
        i + 1
    }
}

/// "last", "this past", "this", "next", "coming" or "this coming" before a weekday, a season or a quarter.
fn relation_at(scan: &Scan<'_>, i: usize) -> (Relation, usize) {
    if scan.word(i, "last") {
        (Relation::Last, i + 1)
    } else if scan.word(i, "this") && scan.word(i + 1, "past") {
        (Relation::Last, i + 2)
    } else if scan.word(i, "this") && scan.word(i + 1, "coming") {
        (Relation::Next, i + 2)
    } else if scan.word(i, "this") {
        (Relation::This, i + 1)
    } else if scan.word(i, "next") || scan.word(i, "coming") {
        (Relation::Next, i + 1)
    } else {
        (Relation::Bare, i)
    }
}

/// A weekday at `i`: its day, the index after it, and whether it is plural ("Fridays").
///
/// Abbreviations ("Wed.", "Sun.", "Sat.") are also ordinary words, so one counts only when
/// capitalised, with its period, and either followed by a date or preceded by "on".
fn weekday_at(scan: &Scan<'_>, i: usize) -> Option<(Weekday, usize, bool)> {
    let token = scan.get(i).filter(|t| t.shape == Shape::Word)?;
    if let Some(weekday) = lookup(&WEEKDAY_NAMES, token.text) {
        return Some((weekday, i + 1, false));
    }
    let singular = token.text.strip_suffix('s').or_else(|| token.text.strip_suffix('S'));
    if let Some(weekday) = singular.and_then(|singular| lookup(&WEEKDAY_NAMES, singular)) {
        return Some((weekday, i + 1, true));
    }
    let weekday = lookup(&WEEKDAY_ABBREVIATIONS, token.text)?;
    if !token.is_capitalised() || !scan.joined_mark(i + 1, '.') {
        return None;
    }
    let dated = scan.get(i + 2).is_some_and(|t| t.shape == Shape::Number) || month_at(scan, i + 2).is_some();
    (dated || scan.word_before_in(i, &["on"])).then_some((weekday, i + 2, false))
}

/// A part of the day at `i`: which, the index after it, and whether it is plural.
fn part_of_day_at(scan: &Scan<'_>, i: usize) -> Option<(PartOfDay, usize, bool)> {
    let token = scan.get(i).filter(|t| t.shape == Shape::Word)?;
    if let Some(part) = lookup(&PARTS_OF_DAY, token.text) {
        return Some((part, i + 1, false));
    }
    let singular = token.text.strip_suffix('s')?;
    lookup(&PARTS_OF_DAY, singular).map(|part| (part, i + 1, true))
}

/// A month name at `i`. Month names must be capitalised: "may" and "march" in lower case
/// are a verb and a noun. Returns the month, the index after it (and after the period of an
/// abbreviation) and whether it was abbreviated.
fn month_at(scan: &Scan<'_>, i: usize) -> Option<(u32, usize, bool)> {
    let token = scan.get(i).filter(|t| t.shape == Shape::Word && t.is_capitalised())?;
    if let Some(month) = lookup(&MONTH_NAMES, token.text) {
        return Some((month, i + 1, false));
    }
    let month = lookup(&MONTH_ABBREVIATIONS, token.text)?;
    let end = if scan.joined_mark(i + 1, '.') { i + 2 } else { i + 1 };
    Some((month, end, true))
}

/// A day of the month at `i` ("5", "5th", "fifth", "twenty-first"), with the index after it.
fn day_at(scan: &Scan<'_>, i: usize) -> Option<(u32, usize)> {
    let token = scan.get(i)?;
    if token.shape == Shape::Word {
        return ordinal_day_word(scan, i);
    }
    if token.text.len() > 2 {
        return None;
    }
    let day = token.plain_number().filter(|day| (1..=31).contains(day))?;
    let ordinal = scan.word_in(i + 1, &["st", "nd", "rd", "th"]) && scan.joined(i + 1);
    Some((day, if ordinal { i + 2 } else { i + 1 }))
}

/// A day of the month in words at `i`, as broadcast transcripts write it ("March eighth",
/// "the twenty-first of May"), with the index after it. A word joined to a hyphen after it
/// ("first-time") is no day.
fn ordinal_day_word(scan: &Scan<'_>, i: usize) -> Option<(u32, usize)> {
    let ordinal = |k: usize| scan.get(k).and_then(|t| lookup(&DAY_ORDINALS, t.text));
    let tens = scan.get(i).and_then(|t| lookup(&[("twenty", 20), ("thirty", 30)], t.text));
    let (day, end) = match tens {
        Some(tens) => {
            let k = if scan.joined_mark(i + 1, '-') { i + 2 } else { i + 1 };
            let ones = ordinal(k).filter(|&n| n < 10)?;
            (tens + ones, k + 1)
        }
        None => (ordinal(i)?, i + 1),
    };
    let hyphenated = scan.joined_mark(end, '-');
    ((1..=31).contains(&day) && !hyphenated).then_some((day, end))
}

/// Ordinal words that name a day of the month, alone or after "twenty" or "thirty".
const DAY_ORDINALS: [(&str, u32); 21] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

/// A four-digit year in `range` at `i`.
fn year_at(scan: &Scan<'_>, i: usize, range: std::ops::RangeInclusive<u32>) -> Option<i32> {
    let year = scan.get(i)?.number_of_digits(4).filter(|year| range.contains(year))?;
    i32::try_from(year).ok()
}

/// A year after a calendar date, "Jan. 5, 2022" or "5 January 2022", with the index after
/// it. A round number before a lower-case word is a count ("on Jan. 5, 2000 troops"), not a
/// year.
fn year_after_date(scan: &Scan<'_>, i: usize) -> (Option<i32>, usize) {
    let at = if scan.mark(i, ',') { i + 1 } else { i };
    match year_at(scan, at, 1000..=2999) {
        Some(year) if !looks_like_a_count(scan, at, year) => (Some(year), at + 1),
        _ => (None, i),
    }
}

fn looks_like_a_count(scan: &Scan<'_>, i: usize, number: i32) -> bool {
    number % 100 == 0 && scan.get(i + 1).is_some_and(Token::is_lowercase_word)
}

fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    // 2000 is a leap year, so "Feb. 29" without a year is allowed.
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
}

/// "2022-01-05".
fn recognise_iso_date(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let year = scan.get(i)?.number_of_digits(4)?;
    let glued = (i + 1..=i + 4).all(|k| scan.joined(k));
    if !glued || !scan.mark(i + 1, '-') || !scan.mark(i + 3, '-') {
        return None;
    }
    let month = scan.get(i + 2)?.number_of_digits(2)?;
    let day = scan.get(i + 4)?.number_of_digits(2)?;
    let year = i32::try_from(year).ok();
    valid_day(year, month, day).then_some(Found { end: i + 5, meaning: Meaning::Calendar { year, month, day: Some(day) } })
}

/// "January 5, 2022", "Jan. 5", "Sept. 30, 2021", "January 2022", "in May", "late November".
fn recognise_month_first_date(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let j = after_modifier(scan, i);
    if let (relation @ (Relation::Last | Relation::Next | Relation::This), k) = relation_at(scan, j) {
        // "last May", but not "last May 5" or "this May 2022", which name their own date.
        let (month, end, _) = month_at(scan, k)?;
        let dated = day_at(scan, end).is_some() || year_at(scan, end, 1000..=2999).is_some();
        return (!dated).then_some(Found { end, meaning: Meaning::RelativeMonth { month, relation } });
    }
    let (month, after_month, abbreviated) = month_at(scan, j)?;
    let triggered = j > i || scan.word_before_in(j, CALENDAR_TRIGGERS);
    // "Theresa May first said": after a capitalised word, a month that is also a name is
    // one, and a day in words after it is no day.
    let after_name = j > 0 && scan.get(j - 1).is_some_and(|t| t.shape == Shape::Word && t.is_capitalised()) && !triggered;
    let day = day_at(scan, after_month).filter(|_| {
        let in_words = scan.get(after_month).is_some_and(|t| t.shape == Shape::Word);
        !(in_words && after_name && AMBIGUOUS_MONTHS.contains(&month))
    });
    if let Some((day, after_day)) = day {
        // An impossible date ("February 30") is a misprint, not a month and a count.
        let (year, end) = year_after_date(scan, after_day);
        return valid_day(year, month, day).then_some(Found { end, meaning: Meaning::Calendar { year, month, day: Some(day) } });
    }
    let year_at_index = if scan.word(after_month, "of") { after_month + 1 } else { after_month };
    if let Some(year) = year_at(scan, year_at_index, 1000..=2999) {
        return Some(Found { end: year_at_index + 1, meaning: Meaning::Calendar { year: Some(year), month, day: None } });
    }
    if let Some((year, end)) = spoken_year_at(scan, year_at_index) {
        return Some(Found { end, meaning: Meaning::Calendar { year: Some(year), month, day: None } });
    }
    if (abbreviated || AMBIGUOUS_MONTHS.contains(&month)) && !triggered {
        return None;
    }
    // An abbreviation alone is also a first name ("by Jan Kavan") unless it has its period.
    if abbreviated && !scan.joined_mark(after_month - 1, '.') {
        return None;
    }
    Some(Found { end: after_month, meaning: Meaning::Calendar { year: None, month, day: None } })
}

/// "5 January 2022", "5th of January", "on 5 January", "the fifth of January".
fn recognise_day_first_date(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let (day, after_day) = day_at(scan, i)?;
    // A day in words comes before its month only with "of": "the fifth of May", never
    // "the first May snow".
    let in_words = scan.get(i).is_some_and(|t| t.shape == Shape::Word);
    if in_words && !scan.word(after_day, "of") {
        return None;
    }
    let month_index = if scan.word(after_day, "of") { after_day + 1 } else { after_day };
    let (month, after_month, _) = month_at(scan, month_index)?;
    let (year, end) = year_after_date(scan, after_month);
    valid_day(year, month, day).then_some(Found { end, meaning: Meaning::Calendar { year, month, day: Some(day) } })
}

/// The second day of a range within one month: the "25" of "April 24 and 25" or "April
/// 24-25", in the month of the date before it and with the year written after it.
fn recognise_second_day(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let joiner = scan.word_before_in(i, &["and", "to", "or", "through"]) || (scan.mark(i.checked_sub(1)?, '-') && scan.joined(i));
    let (first_day, after_first) = day_at(scan, i.checked_sub(2)?)?;
    let (month, after_month, _) = month_at(scan, i.checked_sub(3)?)?;
    let (day, after_day) = day_at(scan, i)?;
    if !joiner || after_first != i - 1 || after_month != i - 2 || day <= first_day {
        return None;
    }
    let (year, end) = year_after_date(scan, after_day);
    valid_day(year, month, day).then_some(Found { end, meaning: Meaning::Calendar { year, month, day: Some(day) } })
}

/// Holidays on fixed dates that news about any country mentions: "Christmas", "Christmas
/// Eve", "Orthodox Christmas" (7 January), "New Year's Day", "New Year's Eve". Movable
/// feasts (Easter, Thanksgiving) are not handled.
fn recognise_holiday(scan: &Scan<'_>, i: usize) -> Option<Found> {
    // "last Christmas", "next Independence Day": the latest one before the anchor, the first
    // after it, as for movable feasts.
    let (relation, j) = relation_at(scan, i);
    // "The last Christmas before the war", "spent the next Christmas in prison": counted
    // from the story, not from the anchor.
    if relation != Relation::Bare && !scan.word_before_in(i, crate::lexicon::DETERMINERS) {
        let Some(Found { end, meaning: Meaning::Calendar { year: None, month, day: Some(day) } }) = recognise_holiday(scan, j) else {
            return None;
        };
        return Some(Found { end, meaning: Meaning::Feast { feast: Feast::Fixed { month, day }, relation, year: None } });
    }
    let capitalised = |k: usize, word: &str| scan.get(k).is_some_and(|t| t.is(word) && t.is_capitalised());
    let (month, day, end) = if capitalised(i, "Orthodox") && capitalised(i + 1, "Christmas") {
        (1, 7, i + 2)
    } else if capitalised(i, "Christmas") && capitalised(i + 1, "Eve") {
        (12, 24, i + 2)
    } else if capitalised(i, "Christmas") {
        let end = if capitalised(i + 1, "Day") { i + 2 } else { i + 1 };
        (12, 25, end)
    } else if capitalised(i, "Independence") && capitalised(i + 1, "Day") {
        // The American one: other countries' are named with the country ("Ukraine's",
        // "Mexican", "its 47th Independence Day", "Independence Day in Kyiv") and fall on
        // other dates; "the film Independence Day" is a title.
        let named_before = i > 0
            && (scan.get(i - 1).is_some_and(|t| t.is_capitalised() || t.shape == Shape::Number)
                || (scan.word_in(i - 1, &["st", "nd", "rd", "th"]) && scan.joined(i - 1))
                || scan.word_in(i - 1, &["its", "their", "film", "movie"])
                || scan.possessive_s(i.wrapping_sub(2)));
        let place_after = scan.word(i + 2, "in") && scan.get(i + 3).is_some_and(Token::is_capitalised);
        if named_before || place_after {
            return None;
        }
        (7, 4, i + 2)
    } else if capitalised(i, "Fourth") && scan.word(i + 1, "of") && capitalised(i + 2, "July") {
        (7, 4, i + 3)
    } else if capitalised(i, "Veterans") && capitalised(i + 1, "Day") {
        (11, 11, i + 2)
    } else if capitalised(i, "Veterans") && scan.apostrophe(i + 1) && capitalised(i + 2, "Day") {
        (11, 11, i + 3)
    } else if capitalised(i, "Halloween") {
        (10, 31, i + 1)
    } else if capitalised(i, "New") && capitalised(i + 1, "Year") {
        if !scan.possessive_s(i + 2) {
            return None;
        }
        if capitalised(i + 4, "Day") {
            (1, 1, i + 5)
        } else if capitalised(i + 4, "Eve") {
            (12, 31, i + 5)
        } else {
            return None;
        }
    } else {
        return None;
    };
    let (year, end) = year_after_date(scan, end);
    Some(Found { end, meaning: Meaning::Calendar { year, month, day: Some(day) } })
}

/// Movable feasts: "Thanksgiving (Day)", "Election Day", "Labor Day", "Memorial Day",
/// "Easter (Sunday)", "Good Friday", with "last", "this" or "next" before them or a year
/// after them.
fn recognise_feast(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let capitalised = |k: usize, word: &str| scan.get(k).is_some_and(|t| t.is(word) && t.is_capitalised());
    let (relation, j) = relation_at(scan, i);
    let (feast, end) = if capitalised(j, "Thanksgiving") {
        (Feast::Thanksgiving, if capitalised(j + 1, "Day") { j + 2 } else { j + 1 })
    } else if capitalised(j, "Easter") {
        (Feast::Easter, if capitalised(j + 1, "Sunday") { j + 2 } else { j + 1 })
    } else if capitalised(j + 1, "Day") {
        let feast =
            [("Election", Feast::ElectionDay), ("Labor", Feast::LaborDay), ("Labour", Feast::LaborDay), ("Memorial", Feast::MemorialDay)]
                .into_iter()
                .find_map(|(name, feast)| capitalised(j, name).then_some(feast))?;
        (feast, j + 2)
    } else if capitalised(j, "Good") && capitalised(j + 1, "Friday") {
        (Feast::GoodFriday, j + 2)
    } else {
        return None;
    };
    let (year, end) = if relation == Relation::Bare { year_after_date(scan, end) } else { (None, end) };
    Some(Found { end, meaning: Meaning::Feast { feast, relation, year } })
}

/// "Wednesday", "late Wednesday evening", "last Tuesday", "Friday morning", "Tuesday,
/// December 3, 1991" (the date gives the value), and "Fridays" or "Tuesday nights" as sets.
fn recognise_weekday(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let (relation, j) = relation_at(scan, after_modifier(scan, i));
    // "This past Monday" is the latest Monday, which the bare weekday after it gives; "last
    // Monday" is the Monday of the week before.
    if relation == Relation::Last && scan.word(j.wrapping_sub(1), "past") {
        return None;
    }
    let (weekday, after_weekday, plural_day) = weekday_at(scan, j)?;
    let part = part_of_day_at(scan, after_weekday);
    let plural_part = part.is_some_and(|(_, _, plural)| plural);
    if plural_day || plural_part {
        let mut value = format!("XXXX-WXX-{}", weekday.number_from_monday());
        let mut end = after_weekday;
        if let Some((part, after_part, _)) = part {
            value.push_str(part.suffix());
            end = after_part;
        }
        return (relation == Relation::Bare).then_some(Found { end, meaning: Meaning::Set(value) });
    }
    // "Sunday, March 8" and "this coming Sunday, March eighth" are the date they name.
    let date_index = if scan.mark(after_weekday, ',') { after_weekday + 1 } else { after_weekday };
    let date = recognise_month_first_date(scan, date_index).or_else(|| recognise_day_first_date(scan, date_index));
    if let Some(date) = date.filter(|date| matches!(date.meaning, Meaning::Calendar { day: Some(_), .. })) {
        return Some(date);
    }
    let (part, end) = match part {
        Some((part, after_part, _)) => (Some(part), after_part),
        None => (None, after_weekday),
    };
    Some(Found { end, meaning: Meaning::Weekday { weekday, relation, part } })
}

/// "the next day", "the following morning", "the day before", "the previous night", "that
/// morning": a day counted from the last one the story named ("the day after tomorrow" and
/// "the day before yesterday" count from the anchor) (a day the story has not named
/// stays unknown). Not "the day after the vote" (counted from an event), nor "that day"
/// alone, which TimeBank leaves out.
fn recognise_day_from_story(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let day_or_part = |k: usize| {
        if scan.word(k, "day") {
            Some((None, k + 1))
        } else {
            part_of_day_at(scan, k).filter(|&(_, _, plural)| !plural).map(|(part, end, _)| (Some(part), end))
        }
    };
    let (days, part, end) = if scan.word(i, "the") && scan.word_in(i + 1, &["next", "following", "previous"]) {
        // TimeBank writes "the next morning" as the day.
        let (_, end) = day_or_part(i + 2)?;
        (if scan.word(i + 1, "previous") { -1 } else { 1 }, None, end)
    } else if scan.word(i, "the") && scan.word(i + 1, "day") && scan.word_in(i + 2, &["before", "after"]) {
        let days = if scan.word(i + 2, "before") { -1 } else { 1 };
        // "the day after tomorrow", "the day before yesterday": two days from the anchor.
        if scan.word(i + 3, if days > 0 { "tomorrow" } else { "yesterday" }) {
            return Some(Found { end: i + 4, meaning: Meaning::DayFromAnchor { days: 2 * days, part: None } });
        }
        // Counted from the story's day only when nothing follows that it could count from
        // ("the day after the vote", "the day after 9/11", "the day before “Black Friday”").
        if scan.get(i + 3).is_some_and(|t| !(t.is_mark(',') || t.is_mark('.') || t.is_mark(';'))) {
            return None;
        }
        (days, None, i + 3)
    } else if scan.word(i, "that") {
        // Not the conjunction of "said that night flights would be banned", "found that
        // morning traffic had doubled".
        if i > 0 && scan.get(i - 1).is_some_and(|t| t.is_lowercase_word() && !t.is_one_of(PREPOSITIONS) && !t.is("by")) {
            return None;
        }
        let (part, end) = day_or_part(i + 1)?;
        (0, Some(part?), end)
    } else {
        return None;
    };
    // Not a compound noun: "the previous night shift", "the following day trip".
    if scan.get(end).is_some_and(|t| t.is_lowercase_word() && !t.is_one_of(STORY_DAY_FOLLOWERS)) {
        return None;
    }
    Some(Found { end, meaning: Meaning::DayFromStory { days, part } })
}

/// Words that may follow a day counted from the story's: function words and pronouns, not
/// the noun of a compound.
const STORY_DAY_FOLLOWERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "and",
    "but",
    "when",
    "as",
    "after",
    "before",
    "until",
    "at",
    "in",
    "on",
    "to",
    "with",
    "by",
    "his",
    "her",
    "their",
    "its",
    "police",
    "officials",
];

/// How many sentences after the story names a day "the next day" still counts from it.
const STORY_DAY_REACH: usize = 4;

/// Nouns after "today's" that make it the present age ("today's world"), not the day.
const GENERIC_AFTER_TODAYS: &[&str] =
    &["world", "youth", "society", "generation", "children", "kids", "teenagers", "economy", "culture", "standards", "technology"];

/// "today", "yesterday morning", "tomorrow", "tonight", "this morning", "earlier today",
/// "last night".
fn recognise_relative_day(scan: &Scan<'_>, i: usize) -> Option<Found> {
    // "crews worked overnight to patch it", "jumped a highway overnight and"; not the
    // adjective of "an overnight stay", "overnight rates", nor the figure of "rose to fame
    // almost overnight", "will not happen overnight". Before a weekday it is that day's night.
    if scan.word(i, "overnight") {
        let adjective = scan.word_before_in(i, crate::lexicon::DETERMINERS)
            || scan.get(i + 1).is_some_and(|t| {
                t.is_lowercase_word()
                    && !t.is_one_of(&["and", "but", "to", "as", "when", "while", "after", "before"])
                    && !t.is_one_of(PREPOSITIONS)
            });
        let figure = scan.word_before_in(i, &["almost", "virtually", "nearly", "practically", "literally", "seemingly", "just"])
            || (scan.clause_start(i)..i)
                .any(|k| scan.word_in(k, &["not", "never", "t", "happen", "happens", "become", "becomes", "became", "change", "changed"]));
        let before_weekday = scan.get(i + 1).is_some_and(|t| crate::lexicon::is_weekday(&t.text.to_lowercase()));
        return (!adjective && !figure && !before_weekday).then_some(Found { end: i + 1, meaning: Meaning::Overnight });
    }
    let j = after_modifier(scan, i);
    let token = scan.get(j)?;
    let (days, part, end) = if token.is("today") {
        // "today's youth", "today's world": the present age, not the day.
        if scan.possessive_s(j + 1) && scan.word_in(j + 3, GENERIC_AFTER_TODAYS) {
            return None;
        }
        (0, None, j + 1)
    } else if token.is("yesterday") {
        (-1, None, j + 1)
    } else if token.is("tomorrow") {
        (1, None, j + 1)
    } else if token.is("tonight") {
        (0, Some(PartOfDay::Night), j + 1)
    } else if token.is("this") {
        let (part, end, _) = part_of_day_at(scan, j + 1).filter(|&(_, _, plural)| !plural)?;
        (0, Some(part), end)
    } else if token.is("last") {
        let (part, end, _) =
            part_of_day_at(scan, j + 1).filter(|&(part, _, plural)| !plural && matches!(part, PartOfDay::Evening | PartOfDay::Night))?;
        (-1, Some(part), end)
    } else {
        return None;
    };
    let (part, end) = match part_of_day_at(scan, end) {
        Some((more, after, false)) if part.is_none() => (Some(more), after),
        _ => (part, end),
    };
    Some(Found { end, meaning: Meaning::DayFromAnchor { days, part } })
}

/// "last week", "this year", "next month", "earlier this week", "this past weekend", "over
/// the weekend".
fn recognise_relative_period(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let j = after_modifier(scan, i);
    let (offset, k) = if scan.word(j, "this") && scan.word(j + 1, "past") {
        (Some(-1), j + 2)
    } else if scan.word(j, "this") {
        (Some(0), j + 1)
    } else if scan.word(j, "last") {
        (Some(-1), j + 1)
    } else if scan.word(j, "next") {
        (Some(1), j + 1)
    } else if scan.word(j, "the") && scan.word(j + 1, "past") && scan.word(j + 2, "year") && half_at(scan, j + 3).is_none() {
        // "over the past year": TimeBank values the year before the anchor's.
        (Some(-1), j + 2)
    } else if scan.word(j, "the") {
        (None, j + 1)
    } else {
        return None;
    };
    let period = if scan.word(k, "week") {
        Period::Week
    } else if scan.word(k, "weekend") {
        Period::Weekend
    } else if scan.word(k, "month") {
        Period::Month
    } else if scan.word(k, "quarter") {
        Period::Quarter
    } else if scan.word(k, "year") {
        Period::Year
    } else {
        return None;
    };
    // "the week" or "the year" alone point back to something in the text, not to the
    // anchor; only "the weekend" is conventionally the nearest one, and "the end of the
    // week" the anchor's.
    // Not in a past clause: "the fighting eased toward the end of the week" is a week of the
    // story, not the anchor's.
    let part_of = part_of_period_before(scan, j) && !scan.past_verb_in_clause(j - 2);
    let offset = if offset.is_none() && part_of { Some(0) } else { offset };
    if offset.is_none() && period != Period::Weekend {
        return None;
    }
    Some(Found { end: k + 1, meaning: Meaning::Period { period, offset } })
}

/// "last summer", "this spring", "the summer of 2021", "winter 2022". "Fall" needs a
/// relation or a year, being a verb.
fn recognise_season(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let mut j = if scan.word(i, "the") { i + 1 } else { i };
    j = after_modifier(scan, j);
    let (relation, j) = relation_at(scan, j);
    let season = lookup(&SEASON_NAMES, scan.get(j).filter(|t| t.shape == Shape::Word)?.text)?;
    let year_index = if scan.word(j + 1, "of") { j + 2 } else { j + 1 };
    if relation == Relation::Bare {
        let year = match year_at(scan, year_index, 1000..=2999) {
            Some(year) => Some((year, year_index + 1)),
            None => spoken_year_at(scan, year_index),
        };
        if let Some((year, end)) = year {
            return Some(Found { end, meaning: Meaning::Season { season, relation, year: Some(year) } });
        }
        // "by spring", "during the summer.": the latest season (the coming one in a future
        // clause), as TimeBank values "the summer". A season before a noun is a kind of
        // thing ("the summer camp").
        let after_preposition = scan.word_before_in(i, &["in", "by", "until", "till", "during", "through", "over", "since"]);
        let ends_phrase = scan.get(j + 1).is_none_or(|t| t.shape == Shape::Mark || t.is_one_of(&["when", "and", "or", "but", "as", "if"]));
        // "the shooting in Spring, Texas" is no season, and a bare "fall" is mostly one
        // ("broke his hip in the fall").
        let lowercase = scan.get(j).is_some_and(Token::is_lowercase_word);
        if !(after_preposition && ends_phrase && lowercase && season != Season::Autumn) {
            return None;
        }
        return Some(Found { end: j + 1, meaning: Meaning::Season { season, relation, year: None } });
    }
    if scan.word(i, "the") {
        return None;
    }
    Some(Found { end: j + 1, meaning: Meaning::Season { season, relation, year: None } })
}

const SEASON_NAMES: [(&str, Season); 5] = [
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("autumn", Season::Autumn),
    ("fall", Season::Autumn),
    ("winter", Season::Winter),
];

/// "the third quarter", "third-quarter", "the fourth quarter of 2021", "last quarter"
/// (through [`recognise_relative_period`]).
fn recognise_quarter(scan: &Scan<'_>, i: usize) -> Option<Found> {
    if let Some(found) = recognise_quarter_of_year(scan, i) {
        return Some(found);
    }
    let j = if scan.word(i, "the") { i + 1 } else { i };
    let quarter = quarter_ordinal_at(scan, j)?;
    let k = if scan.joined_mark(j + 1, '-') { j + 2 } else { j + 1 };
    if !scan.word(k, "quarter") {
        return None;
    }
    let year_index = if scan.word(k + 1, "of") { k + 2 } else { k + 1 };
    let (year, end) = match year_at(scan, year_index, 1000..=2999) {
        Some(year) => (Some(year), year_index + 1),
        None => (None, k + 1),
    };
    Some(Found { end, meaning: Meaning::Quarter { quarter, year } })
}

/// "first" to "fourth" at `i`.
fn quarter_ordinal_at(scan: &Scan<'_>, i: usize) -> Option<u32> {
    let ordinals = [("first", 1), ("second", 2), ("third", 3), ("fourth", 4)];
    lookup(&ordinals, scan.get(i).filter(|t| t.shape == Shape::Word)?.text)
}

/// "the 1988 third quarter", "the 1988 period", "this year's third quarter", "last year's
/// quarter", "next year's first quarter".
fn recognise_quarter_of_year(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let (year, j) = if scan.word(i, "the") {
        (YearRef::Absolute(year_at(scan, i + 1, 1800..=2100)?), i + 2)
    } else {
        let offset = if scan.word(i, "this") {
            0
        } else if scan.word(i, "last") {
            -1
        } else if scan.word(i, "next") {
            1
        } else {
            return None;
        };
        let possessive = scan.word(i + 1, "year") && scan.possessive_s(i + 2);
        if !possessive {
            return None;
        }
        (YearRef::FromAnchor(offset), i + 4)
    };
    let quarter = quarter_ordinal_at(scan, j);
    let k = match quarter {
        Some(_) if scan.joined_mark(j + 1, '-') => j + 2,
        Some(_) => j + 1,
        None => j,
    };
    let period = scan.word(k, "quarter") || (quarter.is_none() && scan.word(k, "period"));
    period.then_some(Found { end: k + 1, meaning: Meaning::QuarterOfYear { year, quarter } })
}

/// Business news counts in reporting periods: "the quarter", "the latest quarter" and
/// "that period" are the last complete quarter before the anchor; "the current quarter" is
/// the anchor's; "the year-earlier quarter", "the year-ago period" and "year-earlier" alone
/// are the last complete quarter a year back (all of them count from the quarter the story
/// reports when it named one: see [`Discourse`]); "the (fiscal) year ended March 31" is a
/// year's duration, and "the year", "the full year", "the current fiscal year" otherwise
/// the anchor's year.
fn recognise_reporting_period(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let starts_with_determiner = scan.word_in(i, &["the", "that"]);
    let mut j = if starts_with_determiner { i + 1 } else { i };
    if scan.word(j, "comparable") {
        j += 1;
    }
    // "year-earlier" / "year-ago", as one word or with a hyphen.
    let year_back = if scan.word(j, "year") && scan.joined_mark(j + 1, '-') && scan.word_in(j + 2, &["earlier", "ago"]) {
        j += 3;
        true
    } else if scan.word_in(j, &["year-earlier", "year-ago"]) {
        j += 1;
        true
    } else {
        false
    };
    let current = !year_back && scan.word_in(j, &["current", "this"]);
    let latest = !year_back && scan.word_in(j, &["latest", "most"]);
    if current || latest {
        j += if scan.word(j, "most") && scan.word(j + 1, "recent") { 2 } else { 1 };
    }
    let fiscal = scan.word_in(j, &["fiscal", "full", "calendar"]);
    if fiscal {
        j += 1;
    }
    if scan.word_in(j, &["quarter", "period"]) && !scan.word(j + 1, "of") && !scan.word(j + 1, "century") {
        if !(starts_with_determiner || year_back) {
            return None;
        }
        let offset = if year_back {
            -5
        } else if current {
            0
        } else {
            -1
        };
        // "the quarter a year ago", "the period a year earlier".
        let a_year_back = scan.word(j + 1, "a") && scan.word(j + 2, "year") && scan.word_in(j + 3, &["ago", "earlier"]);
        if offset == -1 && a_year_back {
            return Some(Found { end: j + 4, meaning: Meaning::ReportingQuarter(-5) });
        }
        return Some(Found { end: j + 1, meaning: Meaning::ReportingQuarter(offset) });
    }
    if year_back && !starts_with_determiner {
        // "year-earlier results": the quarter being compared, a year back.
        return Some(Found { end: j, meaning: Meaning::ReportingQuarter(-5) });
    }
    let relative = scan.word_in(j + 1, &["before", "after", "earlier", "later"]);
    if scan.word(j, "year") && scan.word(i, "the") && !scan.word(j + 1, "of") && !scan.joined_mark(j + 1, '-') && !year_back && !relative {
        // "The year ended March 31" is a reporting year, a length of time; "the first nine
        // months of the year", "a high for the year" and "the full year" are the anchor's.
        // "the year to March", not "until the end of the year to come up with a plan".
        let to_a_date = scan.word(j + 1, "to") && (month_at(scan, j + 2).is_some() || scan.word(j + 2, "date"));
        let bounded = scan.word_in(j + 1, &["ended", "ending", "ends", "through"]) || to_a_date;
        let meaning = if bounded && !current {
            Meaning::Duration("P1Y".to_owned())
        } else {
            Meaning::Period { period: Period::Year, offset: Some(0) }
        };
        return Some(Found { end: j + 1, meaning });
    }
    None
}

/// "year-end", "year end", "year's end": the end of the anchor's year, which TimeBank
/// values as the year itself.
fn recognise_year_end(scan: &Scan<'_>, i: usize) -> Option<Found> {
    if !scan.word(i, "year") {
        return None;
    }
    let possessive = scan.possessive_s(i + 1);
    let end_index = if scan.joined_mark(i + 1, '-') || possessive { i + 2 + usize::from(possessive) } else { i + 1 };
    scan.word(end_index, "end").then_some(Found { end: end_index + 1, meaning: Meaning::Period { period: Period::Year, offset: Some(0) } })
}

/// "the 1990s", "the early 2000s", "the ’90s", "the nineties".
fn recognise_decade(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let j = after_modifier(scan, if scan.word(i, "the") { i + 1 } else { i });
    if let Some(year) = scan.get(j).and_then(|t| t.number_of_digits(4)) {
        let plural = scan.word(j + 1, "s") && scan.joined(j + 1);
        return (plural && year % 10 == 0).then(|| Found { end: j + 2, meaning: Meaning::Decade(year as i32 / 10) });
    }
    let decades = [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ];
    if let Some(decade) = scan.get(j).filter(|_| scan.word(i, "the")).and_then(|t| lookup(&decades, t.text)) {
        // "the nineties": of the last century, as a year in words would be.
        return Some(Found { end: j + 1, meaning: Meaning::Decade(190 + decade) });
    }
    let apostrophe = scan.apostrophe(j);
    let short = scan.get(j + 1).and_then(|t| t.number_of_digits(2)).filter(|_| scan.joined(j + 1))?;
    let plural = scan.word(j + 2, "s") && scan.joined(j + 2);
    if !apostrophe || !plural || short % 10 != 0 {
        return None;
    }
    // A two-digit decade is of the last century from the 1930s on, of this one before.
    let century = if short >= 30 { 19 } else { 20 };
    Some(Found { end: j + 3, meaning: Meaning::Decade(century * 10 + short as i32 / 10) })
}

/// "the 20th century", "the early 19th century".
fn recognise_century(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let j = after_modifier(scan, if scan.word(i, "the") { i + 1 } else { i });
    let ordinal = scan.get(j)?.plain_number().filter(|n| (1..=30).contains(n))?;
    let suffixed = scan.word_in(j + 1, &["st", "nd", "rd", "th"]) && scan.joined(j + 1);
    (suffixed && scan.word(j + 2, "century")).then(|| Found { end: j + 3, meaning: Meaning::Century(ordinal as i32 - 1) })
}

/// A year alone: "in 2021", "since 1991", "early 2022", "mid-2021", "post-1959", "its 1990 invasion",
/// "(1998)".
///
/// A four-digit number is a year only between 1800 and 2100, and only where a count would
/// read oddly. Edited news writes counts of a thousand and more with a separator ("2,000
/// people"), so a plain four-digit number is taken as a year unless it reads as a count:
/// after "about", "nearly", "more than" and the like, before a lower-case word (unless a
/// preposition of time, a determiner or a possessive comes first), or, for a round number
/// ("in 2000 cases"), before a lower-case word whatever comes first.
fn recognise_year(scan: &Scan<'_>, i: usize) -> Option<Found> {
    // "post-1959 politics", "pre-1990 borders": TimeBank values the year itself.
    let prefixed = scan.word_in(i, &["post", "pre"]) && scan.joined_mark(i + 1, '-') && scan.joined(i + 2);
    // "the year 2000".
    let the_year = scan.word(i, "the") && scan.word(i + 1, "year");
    let j = if prefixed || the_year { i + 2 } else { after_modifier(scan, i) };
    let year = year_at(scan, j, 1800..=2100)?;
    (j > i || year_in_context(scan, j, year)).then_some(Found { end: j + 1, meaning: Meaning::Year(year) })
}

/// A number below a hundred in words at `i`: "six", "ninety", "ninety-six", "ninety six".
fn number_word_below_hundred(scan: &Scan<'_>, i: usize) -> Option<(u32, usize)> {
    let tens = scan.get(i).and_then(|t| lookup(&NUMBER_WORDS, t.text)).filter(|&n| n < 100)?;
    if (20..100).contains(&tens) && tens % 10 == 0 {
        let k = if scan.joined_mark(i + 1, '-') { i + 2 } else { i + 1 };
        if let Some(ones) = scan.get(k).and_then(|t| lookup(&NUMBER_WORDS, t.text)).filter(|&n| n < 10) {
            return Some((tens + ones, k + 1));
        }
    }
    Some((tens, i + 1))
}

/// A year as it is spoken in broadcast transcripts: "nineteen ninety-six". Returns the year
/// and the index after it. A hundreds word ("nineteen") followed by a two-digit number word
/// reads as nothing but a year; "twelve hundred" and "two thousand" are more often counts,
/// so they are years only after "the year".
fn spoken_year_at(scan: &Scan<'_>, i: usize) -> Option<(i32, usize)> {
    let hundreds = scan.get(i).and_then(|t| lookup(&NUMBER_WORDS, t.text)).filter(|n| (11..=20).contains(n))?;
    let (rest, end) = number_word_below_hundred(scan, i + 1).filter(|&(n, _)| n >= 10)?;
    Some((i32::try_from(hundreds * 100 + rest).ok()?, end))
}

/// "nineteen ninety-six", "in nineteen seventy-nine", "the year two thousand".
fn recognise_spoken_year(scan: &Scan<'_>, i: usize) -> Option<Found> {
    if scan.word(i, "the") && scan.word(i + 1, "year") {
        if scan.word(i + 2, "two") && scan.word(i + 3, "thousand") {
            let k = if scan.word(i + 4, "and") { i + 5 } else { i + 4 };
            let (rest, end) = number_word_below_hundred(scan, k).unwrap_or((0, i + 4));
            return Some(Found { end, meaning: Meaning::Year(2000 + rest as i32) });
        }
        if let Some(hundreds) = scan.get(i + 2).and_then(|t| lookup(&NUMBER_WORDS, t.text)).filter(|n| (11..=20).contains(n)) {
            if scan.word(i + 3, "hundred") {
                return Some(Found { end: i + 4, meaning: Meaning::Year(hundreds as i32 * 100) });
            }
        }
        let (year, end) = spoken_year_at(scan, i + 2)?;
        return Some(Found { end, meaning: Meaning::Year(year) });
    }
    let (year, end) = spoken_year_at(scan, i)?;
    Some(Found { end, meaning: Meaning::Year(year) })
}

/// Words that, besides [`CALENDAR_TRIGGERS`], make a four-digit number a year: determiners
/// and possessives before a year used as a modifier ("its 1990 invasion", "the 1996
/// Olympic bombing"), where a count would need a plural noun and rarely has a determiner.
const YEAR_TRIGGERS: &[&str] =
    &["year", "between", "for", "into", "due", "both", "post", "pre", "the", "a", "its", "his", "her", "their", "our", "that"];

/// Words that make a following number a count ("about 2000", "more than 1900").
const QUANTITY_WORDS: &[&str] = &[
    "about",
    "some",
    "nearly",
    "than",
    "over",
    "around",
    "approximately",
    "least",
    "total",
    "almost",
    "roughly",
    "estimated",
    "only",
    "just",
    "to",
    "up",
    "under",
    "killed",
    "injured",
    "wounded",
    "arrested",
    "detained",
];

fn year_in_context(scan: &Scan<'_>, i: usize, year: i32) -> bool {
    let next = scan.get(i + 1);
    let glued_word_after = next.is_some_and(|t| t.shape == Shape::Word) && scan.joined(i + 1);
    let money_or_share =
        scan.before(i).is_some_and(|t| ['$', '£', '€', '#'].iter().any(|&c| t.is_mark(c))) || next.is_some_and(|t| t.is_mark('%'));
    if glued_word_after || money_or_share || looks_like_a_count(scan, i, year) {
        return false;
    }
    let possessive_before = i >= 2 && scan.possessive_s(i - 2);
    // "his unsuccessful 1996 campaign": a possessive, one lowercase word, the year.
    let possessive_adjective = i >= 1
        && scan.get(i - 1).is_some_and(Token::is_lowercase_word)
        && scan.word_before_in(i - 1, crate::lexicon::POSSESSIVE_DETERMINERS);
    if scan.word_before_in(i, CALENDAR_TRIGGERS) || scan.word_before_in(i, YEAR_TRIGGERS) || possessive_before || possessive_adjective {
        return true;
    }
    // "from 2019 to 2021", "in 1994, 1995 and 1997".
    let listed = scan.before(i).is_some_and(|t| t.is_mark(',') || t.is_one_of(&["to", "and", "or"]));
    let year_before = (i.saturating_sub(3)..i).any(|k| year_at(scan, k, 1800..=2100).is_some());
    if listed && year_before {
        return true;
    }
    // "dating to 1994", "back to 1994", against "up to 2000".
    let dated_to = scan.word_before_in(i, &["to"]) && i >= 1 && scan.word_before_in(i - 1, &["dating", "dates", "dated", "back"]);
    if dated_to {
        return true;
    }
    let quantity_before = scan.word_before_in(i, QUANTITY_WORDS);
    !quantity_before && !next.is_some_and(Token::is_lowercase_word)
}

/// "10:30 a.m.", "3 p.m.", "3pm", "5 o'clock", "at 15:30", "noon", "midnight", with an
/// optional time zone that joins the span.
fn recognise_clock_time(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let token = scan.get(i)?;
    if token.is("noon") || token.is("midday") {
        return Some(Found { end: i + 1, meaning: Meaning::Clock { hour: 12, minute: 0, day: None } });
    }
    if token.is("midnight") {
        return Some(Found { end: i + 1, meaning: Meaning::Clock { hour: 24, minute: 0, day: None } });
    }
    if token.shape != Shape::Number {
        return None;
    }
    let (hour, minute, has_minutes) = clock_digits(token.text)?;
    let (hour, end) = if let Some((pm, end)) = meridiem_at(scan, i + 1) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, hour) => hour + 12,
            (false, hour) => hour,
        };
        (hour, end)
    } else if scan.word(i + 1, "o") && scan.apostrophe(i + 2) && scan.word(i + 3, "clock") {
        if !(1..=12).contains(&hour) || has_minutes {
            return None;
        }
        (hour, i + 4)
    } else if let Some((hour, end)) = hour_in_part_of_day(scan, i + 1, hour) {
        (hour, end)
    } else if token.text.contains(':')
        && hour < 24
        && scan.word_before_in(i, &["at", "by", "until", "till", "from", "before", "after", "around", "since"])
    {
        // A 24-hour time needs its colon: "at 2.46 billion" is an amount.
        (hour, i + 1)
    } else {
        return None;
    };
    let end = after_time_zone(scan, end);
    Some(Found { end, meaning: Meaning::Clock { hour, minute, day: None } })
}

/// "4 in the morning", "8 in the evening": the hour on a 24-hour clock and the index after.
fn hour_in_part_of_day(scan: &Scan<'_>, i: usize, hour: u32) -> Option<(u32, usize)> {
    if !(1..=12).contains(&hour) || !scan.word(i, "in") || !scan.word(i + 1, "the") {
        return None;
    }
    let (part, end, false) = part_of_day_at(scan, i + 2)? else {
        return None;
    };
    let hour = match part {
        PartOfDay::Morning if hour == 12 => 0,
        PartOfDay::Morning => hour,
        PartOfDay::Afternoon | PartOfDay::Evening if hour < 12 => hour + 12,
        PartOfDay::Night if (6..12).contains(&hour) => hour + 12,
        _ => hour,
    };
    Some((hour, end))
}

/// Reads "10", "10:30" or "10.30": hour, minute, and whether minutes were written.
fn clock_digits(text: &str) -> Option<(u32, u32, bool)> {
    let (hour, minute) = match text.split_once([':', '.']) {
        Some((hour, minute)) => (hour, Some(minute)),
        None => (text, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if hour.len() > 2 || !all_digits(hour) {
        return None;
    }
    let hour: u32 = hour.parse().ok()?;
    match minute {
        Some(minute) if minute.len() == 2 && all_digits(minute) => {
            let minute: u32 = minute.parse().ok()?;
            (minute < 60).then_some((hour, minute, true))
        }
        Some(_) => None,
        None => Some((hour, 0, false)),
    }
}

/// "a.m.", "p.m", "am", "PM": whether it is p.m., and the index after it.
fn meridiem_at(scan: &Scan<'_>, i: usize) -> Option<(bool, usize)> {
    let token = scan.get(i)?;
    if token.is("am") || token.is("pm") {
        return Some((token.is("pm"), i + 1));
    }
    if !(token.is("a") || token.is("p")) || !scan.joined_mark(i + 1, '.') || !scan.word(i + 2, "m") || !scan.joined(i + 2) {
        return None;
    }
    let end = if scan.joined_mark(i + 3, '.') { i + 4 } else { i + 3 };
    Some((token.is("p"), end))
}

fn after_time_zone(scan: &Scan<'_>, i: usize) -> usize {
    let zones = ["GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "BST", "CET", "CEST", "MSK"];
    if scan.get(i).is_some_and(|t| zones.contains(&t.text)) {
        i + 1
    } else if scan.word(i, "local") && scan.word(i + 1, "time") {
        i + 2
    } else {
        i
    }
}

/// A number of units: digits ("48", "2,000"), words ("three", "twenty-five"), "a"/"an",
/// "a couple of", "a dozen", or a vague "several", "a few", "many". Returns it and the
/// index after it.
fn amount_at(scan: &Scan<'_>, i: usize) -> Option<(Amount, usize)> {
    let token = scan.get(i)?;
    if token.shape == Shape::Number {
        return count_digits(token.text).map(|count| (Amount::Exact(count), i + 1));
    }
    if token.is("a") || token.is("an") {
        if scan.word(i + 1, "couple") {
            let end = if scan.word(i + 2, "of") { i + 3 } else { i + 2 };
            return Some((Amount::Exact(2), end));
        }
        if scan.word(i + 1, "few") {
            return Some((Amount::Vague, i + 2));
        }
        if scan.word(i + 1, "dozen") {
            return Some((Amount::Exact(12), i + 2));
        }
        if scan.word(i + 1, "hundred") {
            return Some((Amount::Exact(100), i + 2));
        }
        return Some((Amount::Exact(1), i + 1));
    }
    if token.is_one_of(&["several", "few", "many", "some", "numerous", "countless"]) {
        return Some((Amount::Vague, i + 1));
    }
    if token.is_one_of(&["dozens", "hundreds", "thousands"]) && scan.word(i + 1, "of") {
        return Some((Amount::Vague, i + 2));
    }
    let count = lookup(&NUMBER_WORDS, token.text)?;
    if count < 100 && scan.word(i + 1, "hundred") {
        return Some((Amount::Exact(count * 100), i + 2));
    }
    // "twenty-four hours", and "twenty four hours" as transcripts write it.
    let (count, next) = number_word_below_hundred(scan, i).unwrap_or((count, i + 1));
    Some((Amount::Exact(count), next))
}

/// A whole number written in digits, with thousands separators ("2,000"); decimals and
/// clock times are not counts of units.
fn count_digits(text: &str) -> Option<u32> {
    if text.contains(['.', ':']) {
        return None;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.len() > 9 {
        return None;
    }
    digits.parse().ok()
}

/// A unit word at `i`: the unit, whether plural, and the index after it.
fn unit_at(scan: &Scan<'_>, i: usize) -> Option<(Unit, bool, usize)> {
    let token = scan.get(i).filter(|t| t.shape == Shape::Word)?;
    UNIT_WORDS.iter().find(|(name, _, _)| name.eq_ignore_ascii_case(token.text)).map(|&(_, unit, plural)| (unit, plural, i + 1))
}

/// "three days ago", "a year ago", "two weeks earlier", "a week or so ago".
fn recognise_ago(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let (amount, j) = amount_at(scan, i)?;
    let (unit, _, mut k) = unit_at(scan, j)?;
    if scan.word(k, "or") && scan.word(k + 1, "so") {
        k += 2;
    }
    let direction = if scan.word(k, "ago") {
        Direction::Ago
    } else if scan.word(k, "earlier") {
        Direction::Earlier
    } else if scan.word(k, "later") {
        Direction::Later
    } else {
        return None;
    };
    Some(Found { end: k + 1, meaning: Meaning::Ago { amount, unit, direction } })
}

/// Words that make a bare plural unit a duration: "for weeks", "within days", "after days
/// of protests", "in years".
const BARE_DURATION_TRIGGERS: &[&str] = &["for", "over", "within", "in", "after", "took", "lasted", "spent", "last", "throughout"];

/// Words that qualify a duration and join its span: "the past 48 hours", "recent days",
/// "the first nine months".
const DURATION_QUALIFIERS: &[&str] = &["past", "last", "next", "first", "coming", "recent", "previous", "following", "final"];

/// "three days", "48 hours", "a decade", "several days", "for weeks" (the span is "weeks"),
/// "the past day", "the past two months", "a two-year", "48-hour".
///
/// An implicit one ("the past day") needs "the past" or "the last"; "the next day" and
/// "last year" point to a day or a year, not a length of time. Ages ("22-year-old") are
/// not durations of events and are skipped.
fn recognise_duration(scan: &Scan<'_>, i: usize) -> Option<Found> {
    // "half a century", "half an hour".
    if scan.word(i, "half") && scan.word_in(i + 1, &["a", "an"]) {
        let (unit, _, end) = unit_at(scan, i + 2)?;
        // "half a century ago" is a date, which `recognise_ago` reads from "a century".
        if scan.word_in(end, &["ago", "earlier", "later"]) {
            return None;
        }
        let value = match unit {
            Unit::Century => "P50Y",
            Unit::Decade => "P5Y",
            Unit::Year => "P6M",
            Unit::Day => "PT12H",
            Unit::Hour => "PT30M",
            Unit::Minute => "PT30S",
            _ => return None,
        };
        return Some(Found { end, meaning: Meaning::Duration(value.to_owned()) });
    }
    let has_the = scan.word(i, "the");
    let mut j = if has_the { i + 1 } else { i };
    let qualifier = scan.get(j).filter(|t| t.is_one_of(DURATION_QUALIFIERS)).map(|t| t.text.to_ascii_lowercase());
    if qualifier.is_some() {
        j += 1;
    }
    let amount = amount_at(scan, j);
    let mut half = None;
    if let Some((_, after_amount)) = amount {
        j = after_amount;
        half = half_at(scan, j);
        j = half.unwrap_or(j);
        // "two more weeks", "20 more years", "six consecutive quarters".
        if half.is_none() && scan.word_in(j, &["more", "consecutive", "straight", "successive"]) {
            j += 1;
        }
        // "48-hour", "two-year".
        if scan.joined_mark(j, '-') {
            j += 1;
        }
    }
    let (unit, plural, end) = unit_at(scan, j)?;
    // "three quarters of the vote" is a fraction, "two quarters and a dime" coins, "in some
    // quarters" places, "after three quarters" a game: quarters are a length of time after
    // a qualifier, "consecutive" or a preposition of duration.
    // A vague amount is a length of time after "after" too, and before "of" ("after several
    // quarters of losses"); "one quarter of" and "three quarters of" are fractions.
    let vague = matches!(amount, Some((Amount::Vague, _)));
    let fraction = scan.word(end, "of") && matches!(amount, Some((Amount::Exact(1 | 3), _)) | None);
    let of_time = qualifier.is_some()
        || scan.word_in(j.saturating_sub(1), &["consecutive", "straight", "successive"])
        || scan.word_before_in(i, &["for", "over", "within", "during"])
        || (vague && scan.word_before_in(i, &["after"]));
    if unit == Unit::Quarter && (fraction || !of_time) {
        return None;
    }
    // A capitalised unit inside a sentence belongs to a title ("CBS's 60 Minutes").
    if j > 0 && scan.get(j).is_some_and(Token::is_capitalised) {
        return None;
    }
    let age = scan.word(end, "old") || (scan.mark(end, '-') && scan.word(end + 1, "old"));
    // "a year-earlier loss" is the reporting period before, not a length of time.
    if scan.joined_mark(end, '-') && scan.word_in(end + 1, &["earlier", "ago"]) {
        return None;
    }
    let indefinite = amount.is_some() && scan.word_in(i, &["a", "an"]);
    if age || (indefinite && follows_a_quantity(scan, i)) {
        return None;
    }
    // "an hour and a half", and with `half` "5 1/2 hours", "two and a half years".
    let half_after_unit =
        if half.is_none() && amount.is_some_and(|(amount, _)| amount == Amount::Exact(1)) { half_at(scan, end) } else { None };
    if let (Some((Amount::Exact(count), _)), true) = (amount, half.is_some() || half_after_unit.is_some()) {
        let end = half_after_unit.unwrap_or(end);
        return Some(Found { end, meaning: Meaning::Duration(duration_and_a_half(count, unit)?) });
    }
    let amount = match amount {
        Some((amount, _)) => amount,
        None if plural => {
            let triggered = qualifier.is_some() || scan.word_before_in(i, BARE_DURATION_TRIGGERS);
            if !triggered {
                return None;
            }
            // "in recent years", "in past years": TimeBank mostly values the vague past.
            if !has_the && unit == Unit::Year && matches!(qualifier.as_deref(), Some("recent" | "past")) {
                return Some(Found { end, meaning: Meaning::Reference("PAST_REF") });
            }
            Amount::Vague
        }
        None => {
            let looks_back = matches!(qualifier.as_deref(), Some("past" | "last"));
            if !(has_the && looks_back) {
                return None;
            }
            Amount::Exact(1)
        }
    };
    // "in the weeks ahead", "the months ahead".
    if has_the && qualifier.is_none() && amount == Amount::Vague && scan.word(end, "ahead") {
        return Some(Found { end: end + 1, meaning: Meaning::Duration(duration_value(amount, unit)?) });
    }
    // "the" alone before a number is kept only with a qualifier or a number ("the nine
    // months"); "the days" is not a duration.
    if has_the && qualifier.is_none() && amount == Amount::Vague && !scan.get(i + 1).is_some_and(|t| t.is_one_of(&["few", "several"])) {
        return None;
    }
    Some(Found { end, meaning: Meaning::Duration(duration_value(amount, unit)?) })
}

/// "and a half" or a glued "1/2" at `i` ("two and a half", "5 1/2"): the index after it.
fn half_at(scan: &Scan<'_>, i: usize) -> Option<usize> {
    if scan.word(i, "and") && scan.word_in(i + 1, &["a", "one"]) && scan.word(i + 2, "half") {
        return Some(i + 3);
    }
    let glued = scan.joined(i + 1) && scan.joined(i + 2);
    let fraction = scan.get(i).is_some_and(|t| t.text == "1") && scan.mark(i + 1, '/') && scan.get(i + 2).is_some_and(|t| t.text == "2");
    (glued && fraction).then_some(i + 3)
}

/// The value of `count` and a half units, written with the next smaller unit as TimeBank
/// does ("PT5H30M", "P2Y6M"; a half week is three and a half days).
fn duration_and_a_half(count: u32, unit: Unit) -> Option<String> {
    match unit {
        Unit::Second => Some(format!("PT{count}.5S")),
        Unit::Week => Some(format!("P{}DT12H", count.checked_mul(7)?.checked_add(3)?)),
        Unit::Month => Some(format!("P{count}M15D")),
        Unit::Quarter => Some(format!("P{}M15D", count.checked_mul(3)?.checked_add(1)?)),
        Unit::Minute => Some(format!("PT{count}M30S")),
        Unit::Hour => Some(format!("PT{count}H30M")),
        Unit::Day => Some(format!("P{count}DT12H")),
        Unit::Year => Some(format!("P{count}Y6M")),
        Unit::Decade => Some(format!("P{}Y", count.checked_mul(10)?.checked_add(5)?)),
        Unit::Century => Some(format!("P{}Y", count.checked_mul(100)?.checked_add(50)?)),
    }
}

/// Whether token `i` follows an amount, as "a year" does in a rate ("$500 million a
/// year", "700 seats a week", "24 hours a day"): that is a rate, not a length of time.
fn follows_a_quantity(scan: &Scan<'_>, i: usize) -> bool {
    let Some(previous) = scan.before(i) else {
        return false;
    };
    let plural_noun = previous.is_lowercase_word()
        && previous.text.len() > 3
        && previous.text.ends_with('s')
        && !previous.is_one_of(&["was", "has", "does", "this", "thus", "always", "perhaps", "less", "unless"]);
    // "240,000 barrels of fuel a day": the amount's noun and what it measures.
    let measured = previous.is_lowercase_word() && i >= 3 && scan.word(i - 2, "of") && follows_a_quantity(scan, i - 2);
    // "800 children a day", "1% a year".
    let irregular_plural = previous.is_one_of(&["children", "people", "men", "women"]);
    previous.shape == Shape::Number
        || previous.is_one_of(&["million", "billion", "thousand", "percent"])
        || previous.text == "%"
        || plural_noun
        || irregular_plural
        || measured
}

/// Prepositions after which an adverb of frequency ends its phrase.
const PREPOSITIONS: &[&str] = &["outside", "inside", "in", "at", "on", "for", "from", "to", "until", "during", "across", "near", "around"];

/// "daily", "weekly", "every day", "each year", "every two weeks", "every Friday", "every
/// morning", "twice a week", "three times a day".
fn recognise_set(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let token = scan.get(i)?;
    let adverbs = [("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("yearly", "P1Y"), ("annually", "P1Y"), ("hourly", "PT1H")];
    // Capitalised, these are mostly titles ("Daily Mail"); before a noun they are
    // adjectives of a thing ("daily flights", "a weekly magazine"), not times of an event.
    // After a determiner or a possessive, though, the thing recurs ("a daily rally", "his
    // daily life", "on a daily basis"), and before a preposition the word is an adverb
    // ("gather daily outside the house").
    // A function word after it is no noun ("meet daily behind closed doors", "publish the
    // figures weekly so that …"); a list of adjectives goes on ("daily and weekly reports").
    // Not "annually", which TimeBank leaves out of rates ("to rise 8.5% annually through").
    let function_word = !token.is_one_of(&["annually", "yearly"])
        && scan.get(i + 1).is_some_and(|t| {
            (crate::lexicon::STOPWORDS.iter().any(|w| w.eq_ignore_ascii_case(t.text)) || t.is("behind")) && !t.is_one_of(&["and", "or"])
        });
    let before_a_noun = scan.get(i + 1).is_some_and(Token::is_lowercase_word)
        && !scan.word_in(i + 1, PREPOSITIONS)
        && !function_word
        && !scan.word_in(i + 1, &["once", "when", "but", "if", "while", "because"]);
    let recurring_thing = scan.word_before_in(i, &["a", "the"]) || scan.word_before_in(i, crate::lexicon::POSSESSIVE_DETERMINERS);
    if token.is_lowercase_word() && (!before_a_noun || recurring_thing) {
        if let Some(value) = lookup(&adverbs, token.text) {
            return Some(Found { end: i + 1, meaning: Meaning::Set(value.to_owned()) });
        }
    }
    if token.is("every") || token.is("each") {
        if let Some((month, end, false)) = month_at(scan, i + 1) {
            return Some(Found { end, meaning: Meaning::Set(format!("XXXX-{month:02}")) });
        }
        if let Some((weekday, end, false)) = weekday_at(scan, i + 1) {
            let value = format!("XXXX-WXX-{}", weekday.number_from_monday());
            return Some(Found { end, meaning: Meaning::Set(value) });
        }
        if let Some((part, end, false)) = part_of_day_at(scan, i + 1) {
            return Some(Found { end, meaning: Meaning::Set(format!("XXXX-XX-XX{}", part.suffix())) });
        }
        // "every quarter": the singular is no unit of its own (`Unit::Quarter`).
        if scan.word(i + 1, "quarter") {
            return Some(Found { end: i + 2, meaning: Meaning::Set("P1Q".to_owned()) });
        }
        // "every summer".
        if let Some(season) = scan.get(i + 1).and_then(|t| lookup(&SEASON_NAMES, t.text)) {
            return Some(Found { end: i + 2, meaning: Meaning::Set(format!("XXXX-{}", season.code())) });
        }
        let (amount, j) = match amount_at(scan, i + 1) {
            Some((Amount::Exact(count), j)) => (Amount::Exact(count), j),
            _ => (Amount::Exact(1), i + 1),
        };
        let (unit, _, end) = unit_at(scan, j)?;
        return Some(Found { end, meaning: Meaning::Set(duration_value(amount, unit)?) });
    }
    let j = if token.is("once") || token.is("twice") {
        i + 1
    } else {
        match amount_at(scan, i) {
            Some((Amount::Exact(_), k)) if scan.word(k, "times") => k + 1,
            _ => return None,
        }
    };
    if !scan.word_in(j, &["a", "an", "per", "every", "each"]) {
        return None;
    }
    let (unit, false, end) = unit_at(scan, j + 1)? else {
        return None;
    };
    Some(Found { end, meaning: Meaning::Set(duration_value(Amount::Exact(1), unit)?) })
}

/// "soon" said of what is still to come ("it may soon seek", "it soon will begin"), with
/// the index after it. A past "soon" ("it soon became a flood") is
/// relative to the story's events, and "as soon as Tuesday" is a conjunction.
fn soon(scan: &Scan<'_>, i: usize) -> Option<usize> {
    let modals = ["will", "may", "might", "could", "would", "should", "can"];
    if scan.word(i + 1, "as") {
        return None;
    }
    let modal_near = (i.saturating_sub(2)..i + 3).any(|k| scan.word_in(k, &modals)) || scan.word(i.wrapping_sub(1), "to");
    (modal_near || scan.speaks_of_future(i)).then_some(i + 1)
}

/// "now", "currently", "recently", "these days", "the future", "the near future", "the near
/// term", "the past": points that TIMEX3 leaves unresolved on purpose.
fn recognise_reference(scan: &Scan<'_>, i: usize) -> Option<Found> {
    let token = scan.get(i)?;
    let reference = |end: usize, value: &'static str| Some(Found { end, meaning: Meaning::Reference(value) });
    if token.is("now") {
        // "now-defunct" is an adjective.
        return if scan.joined_mark(i + 1, '-') { None } else { reference(i + 1, "PRESENT_REF") };
    }
    if token.is("currently") || token.is("nowadays") {
        return reference(i + 1, "PRESENT_REF");
    }
    // "most recently in March": the date that follows is the time.
    let date_follows =
        scan.word_in(i + 1, &["in", "on", "last", "this", "at", "during"]) || scan.get(i + 1).is_some_and(Token::is_capitalised);
    if token.is("recently") && !(scan.word_before_in(i, &["most"]) && date_follows) {
        return reference(i + 1, "PAST_REF");
    }
    if token.is("as") && scan.word(i + 1, "soon") && scan.word(i + 2, "as") && scan.word(i + 3, "possible") {
        return reference(i + 4, "FUTURE_REF");
    }
    if token.is("soon") {
        return soon(scan, i).map(|end| Found { end, meaning: Meaning::Reference("FUTURE_REF") });
    }
    // Adjectives of time before a noun: "current levels", "recent weeks" ("current account"
    // is banking, not time). TimeBank marks "soon" and an adjectival "future" too seldom for
    // them to pay.
    let before_a_noun = scan.get(i + 1).is_some_and(Token::is_lowercase_word) && !scan.word_in(i + 1, &["account", "accounts", "affairs"]);
    if before_a_noun && !scan.word(i.wrapping_sub(1), "the") {
        for (word, value) in [("current", "PRESENT_REF"), ("recent", "PAST_REF")] {
            if token.is(word) {
                return reference(i + 1, value);
            }
        }
    }
    if token.is("these") && scan.word(i + 1, "days") {
        return reference(i + 2, "PRESENT_REF");
    }
    if !token.is("the") {
        return None;
    }
    // "the near term", "the short term", "the long term" (but "the short-term debt").
    if scan.word_in(i + 1, &["near", "short", "long"]) && scan.word(i + 2, "term") && !scan.joined(i + 2) {
        return reference(i + 3, "FUTURE_REF");
    }
    // "For the foreseeable future" is a manner of speaking: TimeBank leaves it unmarked.
    if scan.word(i + 1, "foreseeable") {
        return None;
    }
    let j = if scan.word_in(i + 1, &["near", "distant", "immediate"]) { i + 2 } else { i + 1 };
    if scan.word(j, "future") {
        return reference(j + 1, "FUTURE_REF");
    }
    if scan.word(i + 1, "past") {
        return reference(i + 2, "PAST_REF");
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn reporting_periods_count_from_the_anchor_quarter() {
        let anchor = Some("1989-10-26");
        assert_eq!(check("Profit rose in the quarter.", anchor), one("the quarter", TimeKind::Date, "1989-Q3"));
        assert_eq!(check("Sales in the latest quarter fell.", anchor), one("the latest quarter", TimeKind::Date, "1989-Q3"));
        assert_eq!(check("It compares with the year-earlier quarter.", anchor), one("the year-earlier quarter", TimeKind::Date, "1988-Q3"));
        assert_eq!(check("Orders in the current quarter look weak.", anchor), one("the current quarter", TimeKind::Date, "1989-Q4"));
        assert_eq!(
            check("Profit for the fiscal year ended June 30 rose.", anchor)[0],
            one("the fiscal year", TimeKind::Duration, "P1Y")[0]
        );
        assert_eq!(check("It forecast a gain for the full year.", anchor), one("the full year", TimeKind::Date, "1989"));
        assert_eq!(check("Sales in the first nine months of the year rose.", anchor)[1], one("the year", TimeKind::Date, "1989")[0]);
        assert_eq!(check("Current levels are high.", anchor), one("Current", TimeKind::Date, "PRESENT_REF"));
        assert!(check("He opened a current account.", anchor).is_empty());
        assert!(check("A quarter of the town flooded.", anchor).is_empty());
        assert_eq!(check("It compares with a year-earlier loss.", anchor), one("year-earlier", TimeKind::Date, "1988-Q3"));
    }

    #[test]
    fn a_clock_time_without_a_day_is_on_the_day_the_story_last_named() {
        let anchor = Some("1998-10-02");
        let story = ["Quintero homered in the 11th inning Thursday night.", "The game, which began at 7:05 p.m., lasted four hours."];
        assert_eq!(values_in_document(&story, anchor), ["1998-10-01", "1998-10-01T19:05", "PT4H"]);
        // With no day named, the publication day; so too after a day long past, a day ahead
        // or in a clause about the future.
        assert_eq!(values_in_document(&story[1..], anchor), ["1998-10-02T19:05", "PT4H"]);
        let far = ["The law took effect on Jan. 1, 1998.", "Protesters gathered at 10 a.m."];
        assert_eq!(values_in_document(&far, anchor), ["1998-01-01", "1998-10-02T10:00"]);
        let ahead = ["The election will be held on Oct. 7.", "Protesters gathered at 10 a.m."];
        assert_eq!(values_in_document(&ahead, anchor), ["1998-10-07", "1998-10-02T10:00"]);
        let set = ["He was arrested on Thursday.", "The hearing is set for 2 p.m."];
        assert_eq!(values_in_document(&set, anchor), ["1998-10-01", "1998-10-02T14:00"]);
    }

    #[test]
    fn the_week_of_a_day_is_that_week() {
        let anchor = Some("1990-10-31");
        assert_eq!(
            check("She will meet analysts in New York the week of Nov. 12.", anchor),
            one("the week of Nov. 12", TimeKind::Date, "1990-W46")
        );
        assert_eq!(
            check("Revenue has fallen for six consecutive quarters and three straight years.", anchor),
            [
                ("six consecutive quarters".to_owned(), TimeKind::Duration, "P6Q".to_owned()),
                ("three straight years".to_owned(), TimeKind::Duration, "P3Y".to_owned())
            ]
        );
    }

    #[test]
    fn a_passive_after_would_is_still_ahead() {
        // Wednesday 3 January 1990: the Friday after it.
        let anchor = Some("1990-01-03");
        assert_eq!(check("The company said all would be paid as usual Friday.", anchor), one("Friday", TimeKind::Date, "1990-01-05"));
        assert_eq!(check("The company said loans came due Friday.", anchor), one("Friday", TimeKind::Date, "1989-12-29"));
    }

    #[test]
    fn a_comparison_counts_from_the_quarter_its_own_sentence_names() {
        let anchor = Some("1989-01-03");
        let story = [
            "Profit for the fourth quarter fell.",
            "It expects first-quarter earnings to be below the 41 cents a share it earned in the year-earlier quarter.",
            "Sales rose from a year earlier.",
        ];
        assert_eq!(values_in_document(&story, anchor), ["1988-Q4", "1989-Q1", "1988-Q1", "1987-Q4"]);
        // More years back is history, not a comparison of results, and so is a quarter of
        // history named in the sentence.
        assert_eq!(values_in_document(&[story[0], "It was there two years ago."], anchor), ["1988-Q4", "1987"]);
        let history = [story[0], "Revenue, which peaked in the fourth quarter of 1979, rose from a year earlier."];
        assert_eq!(values_in_document(&history, anchor), ["1988-Q4", "1979-Q4", "1987-Q4"]);
    }

    #[test]
    fn parts_of_periods_and_named_years() {
        let anchor = Some("1998-01-07");
        assert_eq!(
            check("It gave legislators until the end of the year to come up with a plan.", anchor),
            one("the end of the year", TimeKind::Date, "1998")
        );
        assert_eq!(check("A jury will be seated by the end of the week.", anchor), one("the end of the week", TimeKind::Date, "1998-W02"));
        assert_eq!(check("Clocks roll over to the year 2000.", anchor), one("the year 2000", TimeKind::Date, "2000"));
        assert_eq!(check("Profit for the year to March rose.", anchor), one("the year", TimeKind::Duration, "P1Y"));
        assert_eq!(check("The stock lost 22% over the past year.", anchor), one("the past year", TimeKind::Date, "1997"));
        assert_eq!(check("Kidnappings rose in recent years.", anchor), one("recent years", TimeKind::Date, "PAST_REF"));
    }

    #[test]
    fn bare_seasons_after_a_preposition() {
        let anchor = Some("1990-12-27");
        assert_eq!(check("Sales should return to normal by spring, he said.", anchor), one("spring", TimeKind::Date, "1991-SP"));
        assert_eq!(check("It shut in the summer.", Some("1989-11-02")), one("the summer", TimeKind::Date, "1989-SU"));
        // A past or unmarked season is the latest one, a future one the coming one.
        assert_eq!(check("The team collapsed in the summer.", Some("2031-01-15")), one("the summer", TimeKind::Date, "2030-SU"));
        assert_eq!(check("The plant will reopen in the spring.", Some("2030-11-12")), one("the spring", TimeKind::Date, "2031-SP"));
        // A bare "fall" is mostly a fall, and "Spring, Texas" a place.
        assert!(check("He broke his hip in the fall, his family said.", anchor).is_empty());
        assert!(check("The shooting happened in Spring, Texas.", anchor).is_empty());
        assert!(check("He wrote of the fall of Rome.", anchor).is_empty());
        assert!(check("She ran a summer camp in the summer camp season.", anchor).is_empty());
        assert_eq!(check("It draws visitors every summer.", anchor), one("every summer", TimeKind::Set, "XXXX-SU"));
        assert_eq!(check("The committee will meet daily once the session opens.", anchor), one("daily", TimeKind::Set, "P1D"));
        assert!(check("The paper publishes daily and weekly editions.", anchor).is_empty());
    }

    #[test]
    fn weekdays_of_what_is_scheduled() {
        let anchor = Some("1998-10-02");
        assert_eq!(check("Game 2 is Saturday afternoon at Albany.", anchor), one("Saturday afternoon", TimeKind::Time, "1998-10-03TAF"));
        assert_eq!(check("The series moves to Memphis for Game 3 on Monday.", anchor), one("Monday", TimeKind::Date, "1998-10-05"));
        assert_eq!(
            check("When lawmakers return to the Capitol Wednesday, they will vote.", anchor),
            one("Wednesday", TimeKind::Date, "1998-10-07")
        );
        assert_eq!(
            check("The protest marked a return to the rallies of Wednesday.", anchor),
            one("Wednesday", TimeKind::Date, "1998-09-30")
        );
        // Not a possessive's day, a noun's or an infinitive's.
        assert_eq!(check("The focus is on Monday's attack.", anchor), one("Monday", TimeKind::Date, "1998-09-28"));
        assert_eq!(
            check("Blinken, on a surprise visit to Kyiv on Monday, pledged aid.", anchor),
            one("Monday", TimeKind::Date, "1998-09-28")
        );
        assert_eq!(
            check("Workers who failed to return to work on Monday were fired.", anchor),
            one("Monday", TimeKind::Date, "1998-09-28")
        );
        // A cause lies before its effect, even a reported future one.
        assert_eq!(
            check("Profit would fall because of markdowns after Thanksgiving.", Some("1989-01-03")),
            one("Thanksgiving", TimeKind::Date, "1988-11-24")
        );
    }

    #[test]
    fn or_so_before_ago() {
        assert_eq!(check("Then, a week or so ago, he left.", Some("1991-02-25")), one("a week or so ago", TimeKind::Date, "1991-W08"));
    }

    use super::*;
    use parallax_core::{Metadata, Sentence};
    use proptest::prelude::*;

    fn date(text: &str) -> NaiveDate {
        parse_iso_date(text).expect("a valid test date")
    }

    /// The expressions of `sentence` (taken as one sentence) as (covered text, type, value).
    fn check(sentence: &str, anchor: Option<&str>) -> Vec<(String, TimeKind, String)> {
        let span = Span::new(0, sentence.len()).unwrap();
        find_times(sentence, span, anchor.map(date))
            .into_iter()
            .map(|time| (sentence[time.span.range()].to_owned(), time.kind, time.value))
            .collect()
    }

    fn one(text: &str, kind: TimeKind, value: &str) -> Vec<(String, TimeKind, String)> {
        vec![(text.to_owned(), kind, value.to_owned())]
    }

    const KAZAKH_ANCHOR: Option<&str> = Some("2022-01-07");

    /// The values of the expressions of `sentences`, read in order as one document.
    fn values_in_document(sentences: &[&str], anchor: Option<&str>) -> Vec<String> {
        let mut discourse = Discourse::default();
        sentences
            .iter()
            .flat_map(|sentence| find_times_in_discourse(sentence, Span::new(0, sentence.len()).unwrap(), anchor.map(date), &mut discourse))
            .map(|time| time.value)
            .collect()
    }

    #[test]
    fn a_year_ago_in_a_story_about_a_quarter_is_that_quarter_a_year_back() {
        let anchor = Some("1989-11-02");
        let story =
            ["Third-quarter profit rose 5%.", "Sales were $9 million, up from $8 million a year ago.", "A year earlier, it lost money."];
        assert_eq!(values_in_document(&story, anchor), ["1989-Q3", "1988-Q3", "1988-Q3"]);
        // Without a quarter in the story, a year back from the anchor.
        assert_eq!(values_in_document(&story[1..], anchor), ["1988", "1988"]);
        assert_eq!(values_in_document(&story[1..], None), ["XXXX", "XXXX"]);
        // "Later" counts from an event of the story, which is not known; at a finer unit
        // it gives a length of time.
        assert_eq!(values_in_document(&["It reopened a year later."], anchor), ["XXXX"]);
        assert_eq!(check("Three days later, it reopened.", anchor), one("Three days later", TimeKind::Duration, "P3D"));
        assert_eq!(check("A day earlier, trucks crossed.", anchor), one("A day earlier", TimeKind::Duration, "P1D"));
        assert_eq!(check("Two weeks ago, trucks crossed.", anchor), one("Two weeks ago", TimeKind::Date, "1989-W42"));
    }

    #[test]
    fn reporting_periods_count_from_the_quarter_the_story_named() {
        let anchor = Some("1989-05-10");
        let story = ["First-quarter net fell.", "In the quarter, sales rose.", "In the year-earlier quarter, it lost money."];
        assert_eq!(values_in_document(&story, anchor), ["1989-Q1", "1989-Q1", "1988-Q1"]);
        // A quarter of long ago is history, and the current one an outlook: neither is the
        // quarter being reported.
        let history = ["It stopped paying in the third quarter of 1984.", "Profit was up from a year ago."];
        assert_eq!(values_in_document(&history, anchor), ["1984-Q3", "1988"]);
        let outlook = ["It expects a weak second quarter.", "Profit was up from a year ago."];
        assert_eq!(values_in_document(&outlook, anchor), ["1989-Q2", "1988"]);
    }

    #[test]
    fn late_wednesday_evening_without_and_with_an_anchor() {
        let sentence = "Kazakhstan’s president, Kassym-Jomart Tokayev, requested CSTO’s assistance late Wednesday evening";
        assert_eq!(check(sentence, None), one("late Wednesday evening", TimeKind::Time, "XXXX-WXX-3TEV"));
        assert_eq!(check(sentence, KAZAKH_ANCHOR), one("late Wednesday evening", TimeKind::Time, "2022-01-05TEV"));
    }

    #[test]
    fn bare_weekdays_point_back_from_the_anchor() {
        let thursday = "Russia-led alliance troops arrived in Kazakhstan on Thursday";
        assert_eq!(check(thursday, KAZAKH_ANCHOR), one("Thursday", TimeKind::Date, "2022-01-06"));
        assert_eq!(check(thursday, None), one("Thursday", TimeKind::Date, "XXXX-WXX-4"));
        let friday = "Some Russian paratroopers have arrived in Kazakhstan and assisted the Kazakh army in retaking the airport from the protesters on Friday.";
        assert_eq!(check(friday, KAZAKH_ANCHOR), one("Friday", TimeKind::Date, "2022-01-07"));
        assert_eq!(
            check("The CSTO announced early Thursday that units had arrived.", KAZAKH_ANCHOR),
            one("early Thursday", TimeKind::Date, "2022-01-06")
        );
    }

    #[test]
    fn weekday_with_a_part_of_day() {
        let sentence = "Driving around early on Friday morning, the air still smelled of burning cars.";
        assert_eq!(check(sentence, None), one("Friday morning", TimeKind::Time, "XXXX-WXX-5TMO"));
        assert_eq!(check(sentence, KAZAKH_ANCHOR), one("Friday morning", TimeKind::Time, "2022-01-07TMO"));
        assert_eq!(check("They met Tuesday afternoon.", Some("2022-01-07")), one("Tuesday afternoon", TimeKind::Time, "2022-01-04TAF"));
        assert_eq!(check("It burned Sunday night.", None), one("Sunday night", TimeKind::Date, "XXXX-WXX-7"));
    }

    #[test]
    fn a_midnight_already_past_opens_the_anchors_day() {
        let past = check("Police began clearing the square shortly after midnight.", Some("2026-11-09"));
        assert_eq!(past, one("midnight", TimeKind::Time, "2026-11-09T00:00"));
        let past = check("It had recorded more than 300 explosions between midnight and dawn.", Some("2026-11-09"));
        assert_eq!(past, one("midnight", TimeKind::Time, "2026-11-09T00:00"));
        let ahead = check("The curfew will last until midnight.", Some("2026-11-09"));
        assert_eq!(ahead, one("midnight", TimeKind::Time, "2026-11-09T24:00"));
    }

    #[test]
    fn last_next_and_future_weekdays() {
        // 2022-01-07 is a Friday.
        assert_eq!(check("He left last Tuesday.", KAZAKH_ANCHOR), one("last Tuesday", TimeKind::Date, "2021-12-28"));
        assert_eq!(check("She arrives next Monday.", KAZAKH_ANCHOR), one("next Monday", TimeKind::Date, "2022-01-10"));
        assert_eq!(check("Talks will resume on Monday.", KAZAKH_ANCHOR), one("Monday", TimeKind::Date, "2022-01-10"));
        assert_eq!(check("Talks resumed on Monday.", KAZAKH_ANCHOR), one("Monday", TimeKind::Date, "2022-01-03"));
        assert_eq!(check("He left last Tuesday.", None), one("last Tuesday", TimeKind::Date, "XXXX-WXX-2"));
        assert_eq!(check("The vote is this coming Monday.", KAZAKH_ANCHOR), one("this coming Monday", TimeKind::Date, "2022-01-10"));
    }

    #[test]
    fn would_reports_a_future_weekday() {
        let future = check("He said the father would be traveling to the capital Monday.", KAZAKH_ANCHOR);
        assert_eq!(future, one("Monday", TimeKind::Date, "2022-01-10"));
        // A comma or a possessive ends what "would" governs.
        let past = check("They said they would appeal the decision, announced Monday.", KAZAKH_ANCHOR);
        assert_eq!(past, one("Monday", TimeKind::Date, "2022-01-03"));
        let ruling = check("They said they would get around Monday's ruling.", KAZAKH_ANCHOR);
        assert_eq!(ruling, one("Monday", TimeKind::Date, "2022-01-03"));
    }

    #[test]
    fn a_date_before_will_and_a_call_to_act_lie_ahead() {
        let strike = check("The strike on Monday will shut down the ports.", KAZAKH_ANCHOR);
        assert_eq!(strike, one("Monday", TimeKind::Date, "2022-01-10"));
        let call = check("The union called on members to join a general strike on Monday.", KAZAKH_ANCHOR);
        assert_eq!(call, one("Monday", TimeKind::Date, "2022-01-10"));
        let past = check("Members joined a general strike on Monday.", KAZAKH_ANCHOR);
        assert_eq!(past, one("Monday", TimeKind::Date, "2022-01-03"));
    }

    #[test]
    fn weekday_abbreviations_need_a_period_and_a_date_or_on() {
        assert_eq!(check("It opened on Wed. and closed.", None), one("Wed.", TimeKind::Date, "XXXX-WXX-3"));
        assert_eq!(check("Talks ended Thurs. Jan. 6, 2022.", None), one("Thurs. Jan. 6, 2022", TimeKind::Date, "2022-01-06"));
        assert!(check("The Sun. It rose.", None).is_empty());
        assert_eq!(check("The couple will wed in the spring", None), one("the spring", TimeKind::Date, "XXXX-SP"));
        assert!(check("Sun and sand.", None).is_empty());
    }

    #[test]
    fn weekday_with_a_calendar_date_takes_the_date() {
        assert_eq!(check("Published Tuesday, December 3, 1991.", None), one("Tuesday, December 3, 1991", TimeKind::Date, "1991-12-03"));
        let coming = check("Women's Day is this coming Sunday, March eighth.", Some("1998-03-05"));
        assert_eq!(coming, one("this coming Sunday, March eighth", TimeKind::Date, "1998-03-08"));
    }

    #[test]
    fn days_of_the_month_in_words() {
        assert_eq!(check("The vote is on the twenty-first of May.", None), one("twenty-first of May", TimeKind::Date, "XXXX-05-21"));
        assert_eq!(check("It opened on March eighth, 1998.", None), one("March eighth, 1998", TimeKind::Date, "1998-03-08"));
        assert_eq!(check("He left on January thirty first.", None), one("January thirty first", TimeKind::Date, "XXXX-01-31"));
        // A day in words comes before its month only with "of", and is no day after a
        // month that follows a name.
        assert_eq!(check("The first March snow fell.", None), vec![]);
        assert_eq!(check("Theresa May first raised it.", None), vec![]);
        assert_eq!(check("It opens on May first.", None), one("May first", TimeKind::Date, "XXXX-05-01"));
        assert_eq!(check("In May first-time buyers rushed in.", None), one("May", TimeKind::Date, "XXXX-05"));
    }

    #[test]
    fn holidays() {
        assert_eq!(check("Protests began after Christmas.", KAZAKH_ANCHOR), one("Christmas", TimeKind::Date, "2021-12-25"));
        assert_eq!(check("It was calm on Orthodox Christmas.", KAZAKH_ANCHOR), one("Orthodox Christmas", TimeKind::Date, "2022-01-07"));
        assert_eq!(check("Prices rose on New Year’s Day.", KAZAKH_ANCHOR), one("New Year’s Day", TimeKind::Date, "2022-01-01"));
        assert_eq!(check("a christmas tree", None), vec![]);
    }

    #[test]
    fn year_end() {
        let anchor = Some("1989-11-02");
        assert_eq!(check("It should close by year-end.", anchor), one("year-end", TimeKind::Date, "1989"));
        assert_eq!(check("It should close around year end.", anchor), one("year end", TimeKind::Date, "1989"));
        assert_eq!(check("rules in place by year's end.", anchor), one("year's end", TimeKind::Date, "1989"));
        assert_eq!(check("It should close by year-end.", None), one("year-end", TimeKind::Date, "XXXX"));
        assert!(check("It was a good year for ends.", anchor).is_empty());
    }

    #[test]
    fn second_day_of_a_range() {
        let anchor = Some("1999-02-10");
        let summit = check("the summit on April 24 and 25.", anchor);
        assert_eq!(summit, [one("April 24", TimeKind::Date, "1999-04-24"), one("25", TimeKind::Date, "1999-04-25")].concat());
        let dated = check("on April 24-25, 1998.", anchor);
        assert_eq!(dated.last(), one("25, 1998", TimeKind::Date, "1998-04-25").last());
        assert_eq!(check("on April 24 and 20 others", anchor).len(), 1);
    }

    #[test]
    fn this_past_is_last() {
        assert_eq!(check("It scrapped the unit this past spring.", Some("1989-11-02")), one("this past spring", TimeKind::Date, "1989-SP"));
        assert_eq!(check("They met this past Monday.", KAZAKH_ANCHOR), one("Monday", TimeKind::Date, "2022-01-03"));
    }

    #[test]
    fn movable_feasts() {
        let anchor = Some("2000-02-10");
        assert_eq!(check("He was found on Thanksgiving Day.", anchor), one("Thanksgiving Day", TimeKind::Date, "1999-11-25"));
        assert_eq!(check("He was found last Thanksgiving.", anchor), one("last Thanksgiving", TimeKind::Date, "1999-11-25"));
        assert_eq!(check("It is a theme until Election Day.", Some("1998-10-26")), one("Election Day", TimeKind::Date, "1998-11-03"));
        assert_eq!(check("Crowds gathered on Easter Sunday 1998.", anchor), one("Easter Sunday 1998", TimeKind::Date, "1998-04-12"));
        assert_eq!(check("They will meet at Easter.", anchor), one("Easter", TimeKind::Date, "2000-04-23"));
        assert_eq!(check("The deal was signed on Good Friday.", Some("1998-04-20")), one("Good Friday", TimeKind::Date, "1998-04-10"));
        assert_eq!(check("It closed on Labor Day.", Some("2001-09-10")), one("Labor Day", TimeKind::Date, "2001-09-03"));
        assert_eq!(check("It closed on Memorial Day.", Some("2004-06-10")), one("Memorial Day", TimeKind::Date, "2004-05-31"));
        assert_eq!(check("It closed on Memorial Day.", None), one("Memorial Day", TimeKind::Date, "XXXX-XX-XX"));
        assert_eq!(check("They gave thanksgiving prayers.", anchor), vec![]);
    }

    #[test]
    fn a_will_in_an_earlier_clause_does_not_make_a_date_future() {
        let sentence = "“We will stay,” he said; troops arrived on Thursday.";
        assert_eq!(check(sentence, KAZAKH_ANCHOR), one("Thursday", TimeKind::Date, "2022-01-06"));
    }

    #[test]
    fn relative_days() {
        assert_eq!(
            check("Earlier today, the ministry released a statement.", KAZAKH_ANCHOR),
            one("Earlier today", TimeKind::Date, "2022-01-07")
        );
        assert_eq!(check("Earlier today, the ministry released a statement.", None), one("Earlier today", TimeKind::Date, "XXXX-XX-XX"));
        assert_eq!(check("Police said yesterday that", KAZAKH_ANCHOR), one("yesterday", TimeKind::Date, "2022-01-06"));
        assert_eq!(check("It may rain tomorrow", KAZAKH_ANCHOR), one("tomorrow", TimeKind::Date, "2022-01-08"));
        assert_eq!(check("Crowds gathered tonight", KAZAKH_ANCHOR), one("tonight", TimeKind::Date, "2022-01-07"));
        assert_eq!(check("Shots were heard last night", KAZAKH_ANCHOR), one("last night", TimeKind::Date, "2022-01-06"));
        assert_eq!(check("Shots were heard last night", None), one("last night", TimeKind::Date, "XXXX-XX-XX"));
        assert_eq!(check("He spoke this morning.", KAZAKH_ANCHOR), one("this morning", TimeKind::Time, "2022-01-07TMO"));
        assert_eq!(check("He spoke yesterday evening.", KAZAKH_ANCHOR), one("yesterday evening", TimeKind::Time, "2022-01-06TEV"));
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(check("It began on January 5, 2022.", None), one("January 5, 2022", TimeKind::Date, "2022-01-05"));
        assert_eq!(check("It began on 5 January 2022.", None), one("5 January 2022", TimeKind::Date, "2022-01-05"));
        assert_eq!(check("It began on Jan. 5 in Almaty.", None), one("Jan. 5", TimeKind::Date, "XXXX-01-05"));
        assert_eq!(check("It began on Jan. 5 in Almaty.", KAZAKH_ANCHOR), one("Jan. 5", TimeKind::Date, "2022-01-05"));
        assert_eq!(check("Trading ended Sept. 30, 2021.", None), one("Sept. 30, 2021", TimeKind::Date, "2021-09-30"));
        assert_eq!(check("Filed 2022-01-05 in court.", None), one("2022-01-05", TimeKind::Date, "2022-01-05"));
        assert_eq!(check("It began on 5 January.", KAZAKH_ANCHOR), one("5 January", TimeKind::Date, "2022-01-05"));
        assert_eq!(check("It began on 5 January.", None), one("5 January", TimeKind::Date, "XXXX-01-05"));
        assert_eq!(check("on the 5th of January", None), one("5th of January", TimeKind::Date, "XXXX-01-05"));
        // A date without a year is put nearest the anchor: "Dec. 30" in January is last year's.
        assert_eq!(check("Protests began Dec. 30.", KAZAKH_ANCHOR), one("Dec. 30", TimeKind::Date, "2021-12-30"));
        assert_eq!(check("It began on February 30, 2021.", None), one("2021", TimeKind::Date, "2021"));
    }

    #[test]
    fn months_and_years() {
        assert_eq!(check("in January 2022 the protests", None), one("January 2022", TimeKind::Date, "2022-01"));
        assert_eq!(check("Prices rose in 2021.", None), one("2021", TimeKind::Date, "2021"));
        assert_eq!(check("The war of 1812 ended.", None), one("1812", TimeKind::Date, "1812"));
        assert_eq!(check("growth slowed in early 2022", None), one("early 2022", TimeKind::Date, "2022"));
        assert_eq!(check("unrest since mid-2021", None), one("mid-2021", TimeKind::Date, "2021"));
        assert_eq!(check("from 2019 to 2021,", None).len(), 2);
        assert_eq!(check("in late November", None), one("late November", TimeKind::Date, "XXXX-11"));
        assert_eq!(check("Talks resumed in November.", KAZAKH_ANCHOR), one("November", TimeKind::Date, "2021-11"));
        assert_eq!(check("It happened in the 1990s.", None), one("the 1990s", TimeKind::Date, "199"));
        assert_eq!(check("music of the ’80s", None), one("the ’80s", TimeKind::Date, "198"));
        assert_eq!(check("in the 19th century", None), one("the 19th century", TimeKind::Date, "18"));
    }

    #[test]
    fn last_next_and_this_before_a_month() {
        let anchor = Some("1989-10-30");
        assert_eq!(check("It was sold to bankers last December.", anchor), one("last December", TimeKind::Date, "1988-12"));
        assert_eq!(check("It was signed last May.", Some("1998-02-27")), one("last May", TimeKind::Date, "1997-05"));
        assert_eq!(check("It was signed last October.", anchor), one("last October", TimeKind::Date, "1988-10"));
        assert_eq!(check("It opens next March.", anchor), one("next March", TimeKind::Date, "1990-03"));
        assert_eq!(check("It opens next November.", anchor), one("next November", TimeKind::Date, "1989-11"));
        assert_eq!(check("It opens this September.", Some("1998-02-05")), one("this September", TimeKind::Date, "1998-09"));
        assert_eq!(check("It was signed last May.", None), one("last May", TimeKind::Date, "XXXX-05"));
        assert_eq!(check("It closed last May 5.", anchor), one("May 5", TimeKind::Date, "1989-05-05"));
    }

    #[test]
    fn quarters_of_a_named_year() {
        let anchor = Some("1989-11-02");
        assert_eq!(check("It lost money in the 1988 third quarter.", anchor), one("the 1988 third quarter", TimeKind::Date, "1988-Q3"));
        assert_eq!(
            check("Net sales for this year's third quarter rose.", anchor),
            one("this year's third quarter", TimeKind::Date, "1989-Q3")
        );
        assert_eq!(check("Sales for last year's quarter fell.", None), one("last year's quarter", TimeKind::Date, "XXXX-QX"));
        assert_eq!(check("It is due in next year's first quarter.", anchor), one("next year's first quarter", TimeKind::Date, "1990-Q1"));
        let story = ["Third-quarter profit rose.", "In the 1988 period, it lost money.", "For the quarter a year ago, it earned $5."];
        assert_eq!(values_in_document(&story, anchor), ["1989-Q3", "1988-Q3", "1988-Q3"]);
        assert!(check("It ran the 1988 campaign.", anchor).iter().all(|(text, _, _)| text == "1988"));
    }

    #[test]
    fn each_month_is_a_set() {
        assert_eq!(check("Orangemen march each July through the town.", None), one("each July", TimeKind::Set, "XXXX-07"));
    }

    #[test]
    fn spoken_years() {
        assert_eq!(check("Convictions were thrown out in nineteen ninety-six.", None), one("nineteen ninety-six", TimeKind::Date, "1996"));
        assert_eq!(
            check("January nineteen ninety-seven. Atlanta again.", None)[0],
            one("January nineteen ninety-seven", TimeKind::Date, "1997-01")[0]
        );
        assert_eq!(check("by the year two thousand", None), one("the year two thousand", TimeKind::Date, "2000"));
        assert_eq!(check("in the year two thousand and one", None), one("the year two thousand and one", TimeKind::Date, "2001"));
        assert_eq!(
            check("prices we saw in the winter of nineteen ninety-four", None),
            one("the winter of nineteen ninety-four", TimeKind::Date, "1994-WI")
        );
        assert!(check("The academy has twelve hundred students.", None).is_empty());
        assert!(check("They hired two thousand workers.", None).is_empty());
    }

    #[test]
    fn the_year_before_is_not_the_anchor_year() {
        assert!(check("It fell from $450 million the year before.", Some("1998-09-07")).is_empty());
    }

    #[test]
    fn a_past_tense_verb_keeps_a_date_without_a_year_in_the_past() {
        // Two months ahead is near enough to be a scheduled date in an unmarked sentence …
        assert_eq!(check("The dividend is payable Feb. 1.", Some("1998-12-03")), one("Feb. 1", TimeKind::Date, "1999-02-01"));
        assert_eq!(
            check("The company declared a dividend payable Feb. 1.", Some("1998-12-03")),
            one("Feb. 1", TimeKind::Date, "1999-02-01")
        );
        // … but not when the date is the time of a past-tense verb.
        assert_eq!(check("The ratification began in February.", Some("1998-12-03")), one("February", TimeKind::Date, "1998-02"));
        let ended = check("Sales rose in the year ended Jan. 31.", Some("1989-11-02"));
        assert_eq!(ended.last().map(|t| t.2.as_str()), Some("1989-01-31"), "{ended:?}");
        assert_eq!(
            check("It would be paid on a still unspecified date in January.", Some("1989-11-02")),
            one("January", TimeKind::Date, "1990-01")
        );
    }

    #[test]
    fn a_deadline_lies_ahead_unless_the_clause_narrates_the_past() {
        let tuesday = check("The relatives have until 9 a.m. Tuesday to sign the paper.", Some("2000-04-03"));
        assert_eq!(tuesday, one("9 a.m. Tuesday", TimeKind::Time, "2000-04-04T09:00"));
        assert_eq!(
            check("The company plans to repay the loan by February.", Some("1989-11-02")),
            one("February", TimeKind::Date, "1990-02")
        );
        assert_eq!(
            check("The bank has given the company until March to repay the loan.", Some("1989-11-02")),
            one("March", TimeKind::Date, "1990-03")
        );
        // A fronted "until", a past-tense clause, or a deadline that has just passed.
        assert_eq!(
            check("Until Thursday, they had not called him a suspect.", Some("1999-05-07")),
            one("Thursday", TimeKind::Date, "1999-05-06")
        );
        assert_eq!(check("The company settled the claims by March.", Some("1989-11-02")), one("March", TimeKind::Date, "1989-03"));
        assert_eq!(
            check("The boy should go home by Jan. 14, officials said.", Some("2000-01-15")),
            one("Jan. 14", TimeKind::Date, "2000-01-14")
        );
    }

    #[test]
    fn quarters_count_as_a_unit_of_duration_but_not_as_a_fraction() {
        assert_eq!(check("Profit fell for two quarters.", Some("1990-06-30")), one("two quarters", TimeKind::Duration, "P2Q"));
        assert_eq!(check("Output lagged for several quarters.", Some("1990-06-30")), one("several quarters", TimeKind::Duration, "PXQ"));
        assert!(check("Three quarters of voters agreed.", Some("1990-06-30")).is_empty());
        let losses = "It achieved profitability after several quarters of losses.";
        assert_eq!(check(losses, Some("1990-06-30")), one("several quarters", TimeKind::Duration, "PXQ"));
        let ahead = "Funds may sell bonds in the weeks ahead.";
        assert_eq!(check(ahead, Some("1990-06-30")), one("the weeks ahead", TimeKind::Duration, "PXW"));
        let every = "It pays $100 million in interest every quarter.";
        assert_eq!(check(every, Some("1990-06-30")), one("every quarter", TimeKind::Set, "P1Q"));
    }

    #[test]
    fn halves_of_years() {
        let anchor = Some("1990-06-30");
        let of_year = "The plant will open in the second half of 1991.";
        assert_eq!(check(of_year, anchor), one("the second half of 1991", TimeKind::Date, "1991-H2"));
        let next_year = "Sales will rise in the first half of next year.";
        assert_eq!(check(next_year, anchor), one("the first half of next year", TimeKind::Date, "1991-H1"));
        // A bare half is the latest one, or the coming one when the clause looks ahead.
        assert_eq!(check("Profit fell 5% in the second half.", anchor), one("the second half", TimeKind::Date, "1989-H2"));
        assert_eq!(check("More seizures are likely in the second half.", anchor), one("the second half", TimeKind::Date, "1990-H2"));
        assert!(check("He scored twice in the first half.", anchor).is_empty());
        assert!(check("Nearly half of the staff left.", anchor).is_empty());
    }

    #[test]
    fn a_day_counted_from_the_storys_day() {
        let got = check("Inmates seized the cellblock on Thursday. The next day, they freed a guard.", Some("1996-07-22"));
        assert_eq!(got[1], ("The next day".to_owned(), TimeKind::Date, "1996-07-19".to_owned()));
        let got = check("The van was stolen on Aug. 6. Police found it the day before the blast.", Some("1998-08-21"));
        assert_eq!(got.len(), 1, "{got:?}");
        let got = check("Guards were freed on Friday. By that morning, troopers had arrived.", Some("1996-07-22"));
        assert_eq!(got[1], ("that morning".to_owned(), TimeKind::Time, "1996-07-19TMO".to_owned()));
        assert_eq!(check("The next day, they freed a guard.", None), one("The next day", TimeKind::Date, "XXXX-XX-XX"));
        let anchor = Some("2026-11-09");
        assert_eq!(check("We will be back tomorrow and the day after tomorrow.", anchor)[1].2, "2026-11-11");
        assert_eq!(check("He arrived the day before yesterday.", anchor), one("the day before yesterday", TimeKind::Date, "2026-11-07"));
    }

    #[test]
    fn review_probes_of_the_stop_34_time_rules() {
        let anchor = Some("1997-11-26");
        assert_eq!(check("Theresa May said on Monday that talks would go on.", anchor), one("Monday", TimeKind::Date, "1997-11-24"));
        assert_eq!(check("Witnesses who could identify the gunman testified Monday.", anchor), one("Monday", TimeKind::Date, "1997-11-24"));
        assert_eq!(check("Troops may also leave in March.", anchor), one("March", TimeKind::Date, "1998-03"));
        assert!(check("Officials said that night flights would be banned.", anchor).is_empty());
        assert_eq!(check("It happened on Friday. The previous night shift was short.", anchor).len(), 1);
        assert_eq!(check("It happened on Friday. The day after 9/11 was quiet.", anchor).len(), 1);
    }

    #[test]
    fn a_fixed_holiday_with_last_or_next() {
        let anchor = Some("1989-12-18");
        assert_eq!(check("It was the best seller last Christmas.", anchor), one("last Christmas", TimeKind::Date, "1988-12-25"));
        assert_eq!(check("It opens next Christmas Eve.", Some("1989-08-18")), one("next Christmas Eve", TimeKind::Date, "1989-12-24"));
    }

    #[test]
    fn a_modal_looks_ahead_but_not_what_could_not_be_done() {
        let anchor = Some("1997-11-26");
        assert_eq!(check("Investigators could return to the building Friday.", anchor), one("Friday", TimeKind::Date, "1997-11-28"));
        assert_eq!(
            check("Orders should pick up in the fourth quarter.", Some("1989-07-10")),
            one("the fourth quarter", TimeKind::Date, "1989-Q4")
        );
        assert_eq!(check("His parents could be located Friday.", anchor), one("Friday", TimeKind::Date, "1997-11-21"));
        assert_eq!(check("He could not be reached Friday.", anchor), one("Friday", TimeKind::Date, "1997-11-21"));
        assert_eq!(check("It will publish case figures weekly so that aid groups can plan.", anchor), one("weekly", TimeKind::Set, "P1W"));
    }

    #[test]
    fn overnight_is_the_night_before_unless_ahead() {
        let anchor = Some("1993-07-06");
        assert_eq!(check("Rescuers dug through the rock overnight.", anchor), one("overnight", TimeKind::Time, "1993-07-05TNI"));
        assert_eq!(check("Crews will work overnight.", anchor), one("overnight", TimeKind::Time, "1993-07-06TNI"));
        assert!(check("Overnight rates rose and they had an overnight stay.", anchor).is_empty());
    }

    #[test]
    fn fixed_holidays_and_half_units() {
        let anchor = Some("1993-07-06");
        assert_eq!(check("The roof fell on Independence Day.", anchor), one("Independence Day", TimeKind::Date, "1993-07-04"));
        assert!(check("Kyiv marked Ukraine's Independence Day.", anchor).is_empty());
        assert_eq!(check("It was the driest in half a century.", anchor), one("half a century", TimeKind::Duration, "P50Y"));
        assert!(check("Pipelines carry 240,000 barrels of fuel a day.", anchor).is_empty());
        assert_eq!(check("He has won twice, most recently in March.", anchor), one("March", TimeKind::Date, "1993-03"));
    }

    #[test]
    fn plans_hopes_and_participles_set_the_direction() {
        // An abbreviation's period ends no clause: "will meet with Mr. Quist Thursday".
        let meet = "The engineers will meet with Mr. Quist Thursday in Harrowgate.";
        assert_eq!(check(meet, Some("1987-03-31")), one("Thursday", TimeKind::Date, "1987-04-02"));
        let hoped = "Officials said they hoped to let residents return by Monday.";
        assert_eq!(check(hoped, Some("1990-06-30")), one("Monday", TimeKind::Date, "1990-07-02"));
        let soon = "Opening statements could come as soon as Thursday.";
        assert_eq!(check(soon, Some("1999-01-31")), one("Thursday", TimeKind::Date, "1999-02-04"));
        let approved = "Payments approved by Congress in August will be mailed next week.";
        assert_eq!(check(approved, Some("1988-09-30"))[0], ("August".to_owned(), TimeKind::Date, "1988-08".to_owned()));
        let effect = "The budget takes effect July 1.";
        assert_eq!(check(effect, Some("1996-02-29")), one("July 1", TimeKind::Date, "1996-07-01"));
        let had_been = "The trial had been set to begin in November but was postponed.";
        assert_eq!(check(had_been, Some("1999-01-31")), one("November", TimeKind::Date, "1998-11"));
    }

    #[test]
    fn rates_after_percentages_and_irregular_plurals_and_clock_times_scheduled() {
        let anchor = Some("1999-12-31");
        assert!(check("Demand grew about 1% a year, and nurses vaccinate 800 children a day.", anchor).is_empty());
        let opens = "The next session opens at 10 a.m. Wednesday.";
        assert_eq!(check(opens, anchor), one("10 a.m. Wednesday", TimeKind::Time, "2000-01-05T10:00"));
        let torn = "The hull was torn open at 3:10 a.m. Tuesday.";
        assert_eq!(check(torn, anchor), one("3:10 a.m. Tuesday", TimeKind::Time, "1999-12-28T03:10"));
    }

    #[test]
    fn near_misses_of_the_stop_33_rules() {
        let anchor = Some("1995-06-30");
        // A past clause between the cue and the date takes it back.
        let ordered = "Officials will ask Gen. Smith about the raid he ordered on Tuesday.";
        assert_eq!(check(ordered, anchor), one("Tuesday", TimeKind::Date, "1995-06-27"));
        let expired = "Fighting resumed as soon as the truce expired on Sunday.";
        assert_eq!(check(expired, anchor), one("Sunday", TimeKind::Date, "1995-06-25"));
        // Figures of speech, coins, other countries and games.
        assert!(check("Peace will not happen overnight, and she rose to fame almost overnight.", anchor).is_empty());
        assert!(check("He found two quarters and a dime; in some quarters, doubt grew.", anchor).is_empty());
        assert!(check("Mexican Independence Day and Independence Day in Kyiv were quiet.", anchor).is_empty());
        assert!(check("Israel marked its 47th Independence Day.", anchor).is_empty());
        let fireworks = "Towns celebrated with Independence Day fireworks.";
        assert_eq!(check(fireworks, Some("1995-07-10")), one("Independence Day", TimeKind::Date, "1995-07-04"));
        assert!(check("The Lakers pulled away in the second half.", anchor).is_empty());
        assert!(check("The first half hour was calm.", anchor).is_empty());
        // "the first half" in January is last year's; ahead in October, next year's.
        assert_eq!(check("Profit rose in the first half.", Some("1995-01-20")), one("the first half", TimeKind::Date, "1994-H1"));
        let ahead = "The company will cut 2,000 jobs in the first half.";
        assert_eq!(check(ahead, Some("1995-10-02")), one("the first half", TimeKind::Date, "1996-H1"));
        // "had hoped to … but" narrates; "went into effect" is past.
        let hoped = "He had hoped to win the race on Monday but lost.";
        assert_eq!(check(hoped, anchor), one("Monday", TimeKind::Date, "1995-06-26"));
        let went = "The law went into effect Jan. 1.";
        assert_eq!(check(went, Some("1995-03-15")), one("Jan. 1", TimeKind::Date, "1995-01-01"));
    }

    #[test]
    fn planned_to_puts_a_weekday_in_the_future() {
        let sentence = "The team planned to leave Nairobi on Thursday.";
        assert_eq!(check(sentence, Some("1998-09-30")), one("Thursday", TimeKind::Date, "1998-10-01"));
    }

    #[test]
    fn a_fronted_weekday_takes_the_future_of_its_clause() {
        // 1998-10-26 is a Monday.
        let plans = "On Tuesday, the league plans to hold a news conference.";
        assert_eq!(check(plans, Some("1998-10-26")), one("Tuesday", TimeKind::Date, "1998-10-27"));
        let will = "Tuesday, the league will hold a news conference.";
        assert_eq!(check(will, Some("1998-10-26")), one("Tuesday", TimeKind::Date, "1998-10-27"));
        // The planning happened that day; a reported "will" belongs to what was said.
        let planned = "On Friday, the government planned to pay the first families.";
        assert_eq!(check(planned, Some("1998-10-26")), one("Friday", TimeKind::Date, "1998-10-23"));
        let reported = "On Friday, the minister said talks will resume.";
        assert_eq!(check(reported, Some("1998-10-26")), one("Friday", TimeKind::Date, "1998-10-23"));
        let mid_sentence = "Police said on Friday that talks will resume.";
        assert_eq!(check(mid_sentence, Some("1998-10-26")), one("Friday", TimeKind::Date, "1998-10-23"));
    }

    #[test]
    fn a_present_tense_event_verb_schedules_a_weekday() {
        // 1998-05-01 is a Friday.
        let meet = "He and Arafat meet separately Monday with Albright.";
        assert_eq!(check(meet, Some("1998-05-01")), one("Monday", TimeKind::Date, "1998-05-04"));
        assert_eq!(check("Talks resume on Monday.", Some("1998-05-01")), one("Monday", TimeKind::Date, "1998-05-04"));
        assert_eq!(check("They met Monday.", Some("1998-05-01")), one("Monday", TimeKind::Date, "1998-04-27"));
    }

    #[test]
    fn numbers_that_are_counts_are_not_years() {
        assert!(check("more than 2,000 people were detained", None).is_empty());
        assert!(check("about 2000 troops arrived", None).is_empty());
        assert!(check("detained 1999 protesters", None).is_empty());
        assert!(check("in 2000 cases the police", None).is_empty());
        assert!(check("it cost $2021.", None).is_empty());
        assert!(check("up to 1950 homes flooded", None).is_empty());
    }

    #[test]
    fn the_present_age_is_no_date() {
        let anchor = Some("2000-01-07");
        assert!(check("The case is for today's youth what the blockade was.", anchor).is_empty());
        assert!(check("It stays neutral for the foreseeable future.", anchor).is_empty());
        assert_eq!(check("Today's meeting was cancelled.", anchor), one("Today", TimeKind::Date, "2000-01-07"));
    }

    #[test]
    fn a_date_and_the_relative_year_after_it_are_one_expression() {
        let anchor = Some("1998-12-03");
        assert_eq!(check("It began in February this year.", anchor), one("February this year", TimeKind::Date, "1998-02"));
        assert_eq!(check("They join in April next year.", anchor), one("April next year", TimeKind::Date, "1999-04"));
        assert_eq!(check("It fell on March 5 last year.", anchor), one("March 5 last year", TimeKind::Date, "1997-03-05"));
        assert_eq!(check("It began in February this year.", None), one("February this year", TimeKind::Date, "XXXX-02"));
    }

    #[test]
    fn years_after_a_possessive_adjective_or_dating_to() {
        assert_eq!(check("in his unsuccessful 1996 campaign", None), one("1996", TimeKind::Date, "1996"));
        assert_eq!(check("shootings dating to 1994 were studied", None), one("1994", TimeKind::Date, "1994"));
        assert_eq!(check("records going back to 1994 show", None), one("1994", TimeKind::Date, "1994"));
    }

    #[test]
    fn may_and_march_as_words() {
        assert!(check("Officials may lay the predicate for the seizure.", None).is_empty());
        assert!(check("May they rest in peace.", None).is_empty());
        assert!(check("March on the capital, they said.", None).is_empty());
        assert!(check("They plan a march to the square.", None).is_empty());
        assert!(check("June Carter sang.", None).is_empty());
        assert_eq!(check("The vote is in May.", None), one("May", TimeKind::Date, "XXXX-05"));
        assert_eq!(check("May 5 was chosen.", None), one("May 5", TimeKind::Date, "XXXX-05-05"));
        assert_eq!(check("By May 2022 it had ended.", None), one("May 2022", TimeKind::Date, "2022-05"));
        assert_eq!(check("It ended in March.", None), one("March", TimeKind::Date, "XXXX-03"));
        let check_in_september = "The plane passed its last scheduled maintenance check in September.";
        assert_eq!(check(check_in_september, Some("2031-10-11")), one("September", TimeKind::Date, "2031-09"));
        assert_eq!(check("October was quiet.", None), one("October", TimeKind::Date, "XXXX-10"));
        assert_eq!(check("The talks were led by Jan Kavan.", None), vec![]);
        assert_eq!(check("Prices rose in Jan. and fell.", None), one("Jan.", TimeKind::Date, "XXXX-01"));
    }

    #[test]
    fn relative_periods() {
        // 2013-03-20 is in ISO week 12.
        let anchor = Some("2013-03-20");
        assert_eq!(check("Prices fell last week.", anchor), one("last week", TimeKind::Date, "2013-W11"));
        assert_eq!(check("Prices fell this week.", anchor), one("this week", TimeKind::Date, "2013-W12"));
        assert_eq!(check("Prices fall next week.", anchor), one("next week", TimeKind::Date, "2013-W13"));
        assert_eq!(check("Prices fell last month.", anchor), one("last month", TimeKind::Date, "2013-02"));
        assert_eq!(check("Prices fell this year.", anchor), one("this year", TimeKind::Date, "2013"));
        assert_eq!(check("Prices fell last year.", anchor), one("last year", TimeKind::Date, "2012"));
        assert_eq!(check("Prices rise early next year.", anchor), one("early next year", TimeKind::Date, "2014"));
        assert_eq!(check("Prices fell earlier this month.", anchor), one("earlier this month", TimeKind::Date, "2013-03"));
        assert_eq!(check("Prices fell last week.", None), one("last week", TimeKind::Date, "XXXX-WXX"));
        assert_eq!(check("Prices fell last month.", None), one("last month", TimeKind::Date, "XXXX-XX"));
        assert_eq!(check("Prices fell last year.", None), one("last year", TimeKind::Date, "XXXX"));
        assert_eq!(check("Riots over the weekend.", anchor), one("the weekend", TimeKind::Date, "2013-W11-WE"));
        assert_eq!(check("Prices fell last quarter.", anchor), one("last quarter", TimeKind::Date, "2012-Q4"));
        assert_eq!(check("Profit rose in the third quarter.", Some("2013-10-20")), one("the third quarter", TimeKind::Date, "2013-Q3"));
        assert_eq!(check("It rained last summer.", anchor), one("last summer", TimeKind::Date, "2012-SU"));
        assert_eq!(check("in the summer of 2021", None), one("the summer of 2021", TimeKind::Date, "2021-SU"));
        assert_eq!(check("It will report this spring.", Some("2005-01-04")), one("this spring", TimeKind::Date, "2005-SP"));
        assert_eq!(check("It rose two years ago.", anchor), one("two years ago", TimeKind::Date, "2011"));
        assert_eq!(check("It rose three days ago.", anchor), one("three days ago", TimeKind::Date, "2013-03-17"));
        assert_eq!(check("It rose three days ago.", None), one("three days ago", TimeKind::Date, "XXXX-XX-XX"));
    }

    #[test]
    fn references() {
        assert_eq!(check("Recently, the Russian RIA news agency reported", None), one("Recently", TimeKind::Date, "PAST_REF"));
        assert_eq!(check("The EU is now ready.", None), one("now", TimeKind::Date, "PRESENT_REF"));
        assert_eq!(check("It may happen in the future.", None), one("the future", TimeKind::Date, "FUTURE_REF"));
        assert_eq!(check("a now-defunct party", None), vec![]);
    }

    #[test]
    fn durations() {
        assert_eq!(check("They will also stay in Kazakhstan for weeks if needed.", None), one("weeks", TimeKind::Duration, "PXW"));
        assert_eq!(check("detaining more than 2,000 people in the past day.", None), one("the past day", TimeKind::Duration, "P1D"));
        assert_eq!(check("Protests lasted three days.", None), one("three days", TimeKind::Duration, "P3D"));
        assert_eq!(check("He waited two weeks.", None), one("two weeks", TimeKind::Duration, "P2W"));
        assert_eq!(check("a decade of growth", None), one("a decade", TimeKind::Duration, "P10Y"));
        assert_eq!(check("within 48 hours", None), one("48 hours", TimeKind::Duration, "PT48H"));
        assert_eq!(check("protests over several days", None), one("several days", TimeKind::Duration, "PXD"));
        assert_eq!(check("for a year", None), one("a year", TimeKind::Duration, "P1Y"));
        assert_eq!(check("for six months", None), one("six months", TimeKind::Duration, "P6M"));
        assert_eq!(check("a 48-hour curfew", None), one("48-hour", TimeKind::Duration, "PT48H"));
        assert_eq!(check("the past two months", None), one("the past two months", TimeKind::Duration, "P2M"));
        assert_eq!(check("in recent days", None), one("recent days", TimeKind::Duration, "PXD"));
        assert_eq!(check("for twenty-five years", None), one("twenty-five years", TimeKind::Duration, "P25Y"));
        assert_eq!(check("for twenty four hours", None), one("twenty four hours", TimeKind::Duration, "PT24H"));
        assert_eq!(check("a 22-year-old chef said", None), vec![]);
        assert_eq!(check("Multi-day demonstrations continue", None), vec![]);
        assert_eq!(check("the next day", None), one("the next day", TimeKind::Date, "XXXX-XX-XX"));
        assert_eq!(check("a second wave", None), vec![]);
        assert_eq!(check("looks like a doomsday movie", None), vec![]);
        assert_eq!(check("days of unrest", None), vec![]);
        assert_eq!(check("Gonzalez said on CBS's 60 Minutes.", None), vec![]);
        assert_eq!(check("Three days passed.", None), one("Three days", TimeKind::Duration, "P3D"));
    }

    #[test]
    fn soon_of_what_is_to_come() {
        assert_eq!(check("prosecutors may soon seek an indictment", None), one("soon", TimeKind::Date, "FUTURE_REF"));
        assert_eq!(check("it soon will begin selling boxes", None), one("soon", TimeKind::Date, "FUTURE_REF"));
        assert_eq!(check("expects sales to soon grow", None), one("soon", TimeKind::Date, "FUTURE_REF"));
        assert_eq!(check("to liquidate it as soon as possible.", None), one("as soon as possible", TimeKind::Date, "FUTURE_REF"));
        assert!(check("a trickle of cash that soon became a flood", None).is_empty());
        assert!(check("He was soon released.", None).is_empty());
        assert!(check("as soon as Gonzalez arrives", None).is_empty());
    }

    #[test]
    fn the_near_term_more_units_and_decades_in_words() {
        assert_eq!(check("the challenges of the near term", None), one("the near term", TimeKind::Date, "FUTURE_REF"));
        assert_eq!(check("to placate holders in the short term.", None), one("the short term", TimeKind::Date, "FUTURE_REF"));
        assert!(check("to reduce the short-term debt", None).is_empty());
        assert_eq!(check("for at least two more weeks", None), one("two more weeks", TimeKind::Duration, "P2W"));
        assert_eq!(check("numbers dropped through the nineties", None), one("the nineties", TimeKind::Date, "199"));
        assert_eq!(check("in the early sixties", None), one("the early sixties", TimeKind::Date, "196"));
        assert!(check("people in their forties", None).is_empty());
    }

    #[test]
    fn prefixed_years() {
        assert_eq!(check("the post-1959 politics", None), one("post-1959", TimeKind::Date, "1959"));
        assert_eq!(check("its pre-1990 borders", None), one("pre-1990", TimeKind::Date, "1990"));
    }

    #[test]
    fn durations_and_a_half() {
        assert_eq!(check("about 5 1/2 hours in Nairobi", None), one("5 1/2 hours", TimeKind::Duration, "PT5H30M"));
        assert_eq!(check("camps for 2 1/2 years.", None), one("2 1/2 years", TimeKind::Duration, "P2Y6M"));
        assert_eq!(check("for two and a half years", None), one("two and a half years", TimeKind::Duration, "P2Y6M"));
        assert_eq!(check("after an hour and a half", None), one("an hour and a half", TimeKind::Duration, "PT1H30M"));
        assert_eq!(check("for three and a half days", None), one("three and a half days", TimeKind::Duration, "P3DT12H"));
        assert_eq!(check("for 2 1/2 weeks", None), one("2 1/2 weeks", TimeKind::Duration, "P17DT12H"));
        assert_eq!(check("a decade and a half", None), one("a decade and a half", TimeKind::Duration, "P15Y"));
    }

    #[test]
    fn sets() {
        assert_eq!(check("They met daily.", None), one("daily", TimeKind::Set, "P1D"));
        assert_eq!(check("The magazine appears weekly.", None), one("weekly", TimeKind::Set, "P1W"));
        assert_eq!(check("Qantas plans daily flights to Bombay.", None), vec![]);
        assert_eq!(check("They met every day.", None), one("every day", TimeKind::Set, "P1D"));
        assert_eq!(check("They met every Friday.", None), one("every Friday", TimeKind::Set, "XXXX-WXX-5"));
        assert_eq!(check("They met twice a week.", None), one("twice a week", TimeKind::Set, "P1W"));
        assert_eq!(check("They meet on Tuesdays.", None), one("Tuesdays", TimeKind::Set, "XXXX-WXX-2"));
        assert_eq!(check("the Daily Mail reported", None), vec![]);
        assert_eq!(check("what has become a daily public rally", None), one("daily", TimeKind::Set, "P1D"));
        assert_eq!(check("the conditions of his daily life", None), one("daily", TimeKind::Set, "P1D"));
        assert_eq!(check("demonstrators who gather daily outside the home", None), one("daily", TimeKind::Set, "P1D"));
        assert_eq!(check("average daily volume fell", None), vec![]);
    }

    #[test]
    fn clock_times() {
        assert_eq!(check("at 10:30 a.m. police fired", None), one("10:30 a.m.", TimeKind::Time, "XXXX-XX-XXT10:30"));
        assert_eq!(check("at 3 p.m. police fired", KAZAKH_ANCHOR), one("3 p.m.", TimeKind::Time, "2022-01-07T15:00"));
        assert_eq!(check("at 3pm police fired", None), one("3pm", TimeKind::Time, "XXXX-XX-XXT15:00"));
        assert_eq!(check("at 12 a.m. it ended", None), one("12 a.m.", TimeKind::Time, "XXXX-XX-XXT00:00"));
        assert_eq!(check("at 12 p.m. it ended", None), one("12 p.m.", TimeKind::Time, "XXXX-XX-XXT12:00"));
        assert_eq!(check("a curfew from 23:00 local time", None), one("23:00 local time", TimeKind::Time, "XXXX-XX-XXT23:00"));
        assert_eq!(check("The score was 10:30 at half time", None), vec![]);
        assert_eq!(check("Sales were at 2.46 billion guilders", None), vec![]);
        assert_eq!(check("shots until 4 in the morning", None), one("4 in the morning", TimeKind::Time, "XXXX-XX-XXT04:00"));
        assert_eq!(check("a rally at 8 in the evening", None), one("8 in the evening", TimeKind::Time, "XXXX-XX-XXT20:00"));
        let borrowed = check("They landed Thursday at 3 p.m.", KAZAKH_ANCHOR);
        assert_eq!(borrowed[1], ("3 p.m.".to_owned(), TimeKind::Time, "2022-01-06T15:00".to_owned()));
    }

    #[test]
    fn spans_are_absolute_in_the_text() {
        let text = "First sentence. They arrived on Friday.";
        let sentence = Span::new(16, text.len()).unwrap();
        let times = find_times(text, sentence, None);
        assert_eq!(times.len(), 1);
        assert_eq!(&text[times[0].span.range()], "Friday");
        assert!(find_times("héllo Friday", Span::new(0, 2).unwrap(), None).is_empty());
        assert!(find_times("short", Span::new(0, 40).unwrap(), None).is_empty());
    }

    #[test]
    fn the_stage_annotates_every_sentence_against_the_publication_date() {
        let text = "Tokayev asked for help late Wednesday evening. Troops arrived on Thursday.";
        let meta = Metadata { published: Some("2022-01-07T10:00:00Z".into()), ..Metadata::default() };
        let mut doc = Document::new("a", text, meta);
        let sentences = vec![Sentence { span: Span::new(0, 46).unwrap() }, Sentence { span: Span::new(47, text.len()).unwrap() }];
        doc.set_layer::<Sentences>(sentences).unwrap();
        TimeStage.annotate(&mut doc).unwrap();
        let values: Vec<&str> = doc.layer::<Times>().unwrap().iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["2022-01-05TEV", "2022-01-06"]);
        assert_eq!(TimeStage.requires(), &[LayerKind::Sentences]);
        assert_eq!(TimeStage.provides(), &[LayerKind::Times]);
        assert_eq!(TimeStage.name(), "times");
        let mut bare = Document::new("b", text, Metadata::default());
        assert!(matches!(TimeStage.annotate(&mut bare), Err(StageError::MissingLayer(_))));
    }

    /// Words and fragments that exercise the recognisers, mixed with arbitrary text.
    fn fragment() -> impl Strategy<Value = String> {
        const WORDS: &[&str] = &[
            "Friday",
            "late",
            "Wednesday",
            "evening",
            "last",
            "next",
            "week",
            "May",
            "5",
            "2022",
            "-",
            "01",
            ",",
            ".",
            "a",
            "m",
            "p",
            "the",
            "past",
            "day",
            "days",
            "for",
            "1990",
            "s",
            "’",
            "Jan",
            "Sept",
            "30",
            "10:30",
            "o",
            "clock",
            "every",
            "twice",
            "three",
            "twenty",
            "hundred",
            "ago",
            "mid",
            "this",
            "morning",
            "Wed",
            "on",
            "in",
        ];
        prop_oneof![
            3 => proptest::sample::select(WORDS).prop_map(str::to_owned),
            1 => "\\PC{0,4}",
            1 => "[0-9,.:]{1,6}",
        ]
    }

    proptest! {
        #[test]
        fn any_text_gives_well_formed_spans(
            parts in proptest::collection::vec((fragment(), proptest::sample::select(vec!["", " ", "-", "."])), 0..30),
            start_pick in any::<proptest::sample::Index>(),
            end_pick in any::<proptest::sample::Index>(),
            anchored in any::<bool>(),
        ) {
            let text: String = parts.iter().flat_map(|(word, glue)| [word.as_str(), *glue]).collect();
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (a, b) = (start_pick.get(&boundaries), end_pick.get(&boundaries));
            let sentence = Span::new(*a.min(b), *a.max(b)).unwrap();
            let anchor = anchored.then(|| date("2022-01-07"));
            let times = find_times(&text, sentence, anchor);
            for time in &times {
                prop_assert!(sentence.contains(time.span));
                prop_assert!(!time.span.is_empty());
                prop_assert!(time.span.check(&text).is_ok());
                prop_assert!(!time.value.is_empty());
            }
            for pair in times.windows(2) {
                prop_assert!(pair[0].span.end() <= pair[1].span.start());
            }
        }

        #[test]
        fn arbitrary_unicode_never_panics(text in "\\PC*", start in 0usize..64, len in 0usize..64, anchored in any::<bool>()) {
            let sentence = Span::new(start, start + len).unwrap();
            let anchor = anchored.then(|| date("2022-01-07"));
            for time in find_times(&text, sentence, anchor) {
                prop_assert!(sentence.contains(time.span));
                prop_assert!(time.span.check(&text).is_ok());
            }
        }
    }
}
