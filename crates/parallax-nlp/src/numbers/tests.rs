use super::*;
use proptest::prelude::*;

/// Asserts that `find_numbers(text)` gives exactly `expected` as (span text, value).
#[track_caller]
fn check(text: &str, expected: &[(&str, f64)]) {
    let found: Vec<(&str, f64)> = find_numbers(text).into_iter().map(|m| (&text[m.span.range()], m.value)).collect();
    let same = found.len() == expected.len()
        && found.iter().zip(expected).all(|(got, want)| got.0 == want.0 && (got.1 - want.1).abs() <= 1e-9 * want.1.abs().max(1.0));
    assert!(same, "{text:?}\n  found    {found:?}\n  expected {expected:?}");
}

/// Asserts that `find_number_ranges(text)` gives exactly `expected` as (span text,
/// resolution).
#[track_caller]
fn check_ranges(text: &str, expected: &[(&str, &str)]) {
    let found: Vec<(&str, String)> = find_number_ranges(text).into_iter().map(|m| (&text[m.span.range()], m.resolution)).collect();
    let expected: Vec<(&str, String)> = expected.iter().map(|&(span, resolution)| (span, resolution.to_owned())).collect();
    assert_eq!(found, expected, "{text:?}");
}

fn subtype(text: &str) -> NumberSubtype {
    let found = find_numbers(text);
    assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
    found[0].subtype
}

#[test]
fn digits_group_in_thousands_by_commas_spaces_and_points() {
    check("1,234,567", &[("1,234,567", 1234567.0)]);
    check("1 234 567", &[("1 234 567", 1234567.0)]);
    check("60 000 is 60\u{202f}000", &[("60 000", 60000.0), ("60\u{202f}000", 60000.0)]);
    check("1\u{202f}234\u{202f}567.89 is fine", &[("1\u{202f}234\u{202f}567.89", 1234567.89)]);
    check("The result is 12,34,567.89", &[("12,34,567.89", 1234567.89)]);
    check("It is 1,00,000.", &[("1,00,000", 100000.0)]);
    check("1.111,11 and 2.345.678", &[("1.111,11", 1111.11), ("2.345.678", 2345678.0)]);
    check("Exercise 22,240,260,310.", &[("22,240,260,310", 22240260310.0)]);
}

#[test]
fn digit_runs_that_are_no_single_number_give_their_parts() {
    check("1, 234, 567", &[("1", 1.0), ("234", 234.0), ("567", 567.0)]);
    check("10.0.0.1", &[("10", 10.0), ("0", 0.0), ("0", 0.0), ("1", 1.0)]);
    check("Exercises 11,12,13,14.", &[("11", 11.0), ("12", 12.0), ("13", 13.0), ("14", 14.0)]);
    check("On 12/25/2021", &[("12", 12.0), ("25", 25.0), ("2021", 2021.0)]);
    check("call +1-333-3333/3333", &[("1", 1.0), ("333", 333.0), ("3333", 3333.0), ("3333", 3333.0)]);
    check("512 0000 are two", &[("512", 512.0), ("0000", 0.0), ("two", 2.0)]);
    check("555 123 4567", &[("555", 555.0), ("123", 123.0), ("4567", 4567.0)]);
}

#[test]
fn decimals_with_points_and_single_commas() {
    check("4.800", &[("4.800", 4.8)]);
    check(" .75000", &[(".75000", 0.75)]);
    check("193.", &[("193", 193.0)]);
    check("write 7.50 or 7,50.", &[("7.50", 7.5), ("7,50", 7.5)]);
    check("The number is 2,5.", &[("2,5", 2.5)]);
    assert_eq!(subtype("4.8"), NumberSubtype::Decimal);
    assert_eq!(subtype("5.00"), NumberSubtype::Integer);
}

#[test]
fn digits_that_run_into_letters_are_no_number() {
    for text in ["the 250ml bottle", "the 2.5ml bottle", " 42km Road ", "the June 5th", "the .5ml dose", "3m isn't", "G7", "1mm"] {
        check(text, &[]);
    }
    check("SCP-682", &[("682", 682.0)]);
    check("USD115.5 and 24703m2", &[]);
    check("Hey, the cost is 100元!", &[("100", 100.0)]);
    check("see https://example.com/a/30%2520?id=17 or www.x9.org or a1@b2.com, 5 times", &[("5", 5.0)]);
    check("The weight is 30{lb)", &[("30", 30.0)]);
    check("$45 and €3bn", &[("45", 45.0), ("3bn", 3e9)]);
}

#[test]
fn negatives() {
    check(" -7", &[("-7", -7.0)]);
    check("-3.5", &[("-3.5", -3.5)]);
    check("-3/8", &[("-3/8", -0.375)]);
    check("- 2 3/8", &[("- 2 3/8", -2.375)]);
    check("- 20  k", &[("- 20  k", -20000.0)]);
    check("The answer is minus five", &[("minus five", -5.0)]);
    check("The answer is negative two point five", &[("negative two point five", -2.5)]);
    check("The answer is minus 5", &[("minus 5", -5.0)]);
    // A dash after a number or inside a word is no sign.
    check("1000-5000 and 5k - 20k", &[("1000", 1000.0), ("5000", 5000.0), ("5k", 5000.0), ("20k", 20000.0)]);
    check("F-16", &[("16", 16.0)]);
    check("By 82%-12%, yes", &[("82", 82.0), ("12", 12.0)]);
    check("in mid - 1972", &[("1972", 1972.0)]);
    check("x=-5 (-6)", &[("-5", -5.0), ("-6", -6.0)]);
}

#[test]
fn suffixes_multiply() {
    check("20k", &[("20k", 20000.0)]);
    check(" 3.5 K", &[("3.5 K", 3500.0)]);
    check("I can give you 20M.", &[("20M", 2e7)]);
    check("1.2b", &[("1.2b", 1.2e9)]);
    check("5G", &[("5G", 5e9)]);
    check("US$ 2MM", &[("2MM", 2e6)]);
    check("3mil SEK", &[("3mil", 3e6)]);
    check("either 10 bln or 5 tln", &[("10 bln", 1e10), ("5 tln", 5e12)]);
    check("2,345.6 G", &[("2,345.6 G", 2.3456e12)]);
}

#[test]
fn scale_words_multiply_digits_and_words() {
    check("7 million", &[("7 million", 7e6)]);
    check(" 455 hundred ", &[("455 hundred", 45500.0)]);
    check("1,674.5 million", &[("1,674.5 million", 1674500000.0)]);
    check("I can give you 25 lakh", &[("25 lakh", 2.5e6)]);
    check("5 crore boxes", &[("5 crore", 5e7)]);
    check("The total is two lakh crore", &[("two lakh crore", 2e12)]);
    check("I count 8 crore and three hundred", &[("8 crore and three hundred", 80000300.0)]);
    check(" 5 dozens", &[("5 dozens", 60.0)]);
    check(" five dozs", &[("five dozs", 60.0)]);
    check("a dozen", &[("a dozen", 12.0)]);
    check(" two hundred and three dozens", &[("two hundred and three dozens", 236.0)]);
    check(" half a  dozen eggs", &[("half a  dozen", 6.0)]);
}

#[test]
fn number_words_of_any_size() {
    check("seventy-three", &[("seventy-three", 73.0)]);
    check("sixty - seven", &[("sixty - seven", 67.0)]);
    check("sixty   seven", &[("sixty   seven", 67.0)]);
    check("Four hundred  and  fifty two", &[("Four hundred  and  fifty two", 452.0)]);
    check("thirty-two trillion and four hundred", &[("thirty-two trillion and four hundred", 32000000000400.0)]);
    check("three hundred and five thousand", &[("three hundred and five thousand", 305000.0)]);
    check("five  thousand  and  six hundred", &[("five  thousand  and  six hundred", 5600.0)]);
    check("one million two thousand two hundred three", &[("one million two thousand two hundred three", 1002203.0)]);
    check("6 thousand 2 hundred and 13", &[("6 thousand 2 hundred and 13", 6213.0)]);
    check("fifteen hundred", &[("fifteen hundred", 1500.0)]);
    check("zero and nought and naught", &[("zero", 0.0), ("nought", 0.0), ("naught", 0.0)]);
}

#[test]
fn number_words_split_where_a_scale_repeats_or_a_term_cannot_join() {
    check("2 hundred and 5 hundred are two.", &[("2 hundred", 200.0), ("5 hundred", 500.0), ("two", 2.0)]);
    check("5000 2 hundred and 13", &[("5000", 5000.0), ("2 hundred and 13", 213.0)]);
    check("4 thousand 3 hundred and 0", &[("4 thousand 3 hundred", 4300.0), ("0", 0.0)]);
    check("3 hundred and negative one", &[("3 hundred", 300.0), ("negative one", -1.0)]);
    check("they played four-nought-seven", &[("four", 4.0), ("nought", 0.0), ("seven", 7.0)]);
    check("one hundred and fifty and two hundred", &[("one hundred and fifty", 150.0), ("two hundred", 200.0)]);
    check("version three and a previous version", &[("three", 3.0)]);
}

#[test]
fn one_as_a_pronoun_and_ordinals_are_no_numbers() {
    for text in ["That one is great", "Which one is yours?", "the other one", "no one came", "they help one another"] {
        check(text, &[]);
    }
    check("Let's try one more time", &[("one", 1.0)]);
    for text in ["Book a second class ticket", "the first day", "the twenty-first century", "one hundred and fifth", "a next of kin"] {
        check(text, &[]);
    }
    check(" three billionth", &[("three", 3.0)]);
    check("$ 280 million first preferred notes", &[("280 million", 2.8e8)]);
    check(" 50 billionths", &[("50", 50.0)]);
}

#[test]
fn spoken_decimals() {
    check("four hundred point zero five", &[("four hundred point zero five", 400.05)]);
    check("three hundred point forty-two", &[("three hundred point forty-two", 300.42)]);
    check("nought point eleven", &[("nought point eleven", 0.11)]);
    check("nine point naught two", &[("nine point naught two", 9.02)]);
    check("two point five million", &[("two point five million", 2.5e6)]);
}

#[test]
fn slash_and_vulgar_fractions() {
    check("5/8", &[("5/8", 0.625)]);
    check("3  3/8", &[("3  3/8", 3.375)]);
    check("the result is ⅝ and ¼", &[("⅝", 0.625), ("¼", 0.25)]);
    check("2½ hours", &[("2½", 2.5)]);
    check("1/0", &[("1", 1.0), ("0", 0.0)]);
    assert_eq!(subtype("3/4"), NumberSubtype::Fraction);
}

#[test]
fn spoken_fractions() {
    check("two thirds of them", &[("two thirds", 2.0 / 3.0)]);
    check("seven tenths", &[("seven tenths", 0.7)]);
    check("a quarter", &[("a quarter", 0.25)]);
    check("five quarters", &[("five quarters", 1.25)]);
    check("one - fourth", &[("one - fourth", 0.25)]);
    check("a billionth", &[("a billionth", 1e-9)]);
    check("a thousand millionths", &[("a thousand millionths", 1e-3)]);
    check("more than half people came", &[("half", 0.5)]);
    check("seven ninths of", &[("seven ninths", 7.0 / 9.0)]);
    // A fraction word hyphened to a noun makes a compound noun.
    check("more than a half-century ago, a third-party candidate", &[]);
}

#[test]
fn compound_denominators_take_what_leaves_a_numerator() {
    check("twenty fifths", &[("twenty fifths", 4.0)]);
    check("twenty twenty-fifths", &[("twenty twenty-fifths", 0.8)]);
    check("a forty-first", &[("a forty-first", 1.0 / 41.0)]);
    check("three forty firsts", &[("three forty firsts", 3.0 / 41.0)]);
    check("one hundred fifty fifths", &[("one hundred fifty fifths", 100.0 / 55.0)]);
    check("one hundred forty two fifths", &[("one hundred forty two fifths", 142.0 / 5.0)]);
    check("one hundred forty-fifths", &[("one hundred forty-fifths", 100.0 / 45.0)]);
    check("one one thousand fifth", &[("one one thousand fifth", 1.0 / 1005.0)]);
    check("two hundred one thousand fifths", &[("two hundred one thousand fifths", 200.0 / 1005.0)]);
    check("eighty - five hundred sixths", &[("eighty - five hundred sixths", 8500.0 / 6.0)]);
}

#[test]
fn mixed_numbers_split_at_the_last_and_when_the_part_is_proper() {
    check("one and a third", &[("one and a third", 4.0 / 3.0)]);
    check("thirty and two sevenths", &[("thirty and two sevenths", 30.0 + 2.0 / 7.0)]);
    check("twenty and four and two sevenths", &[("twenty and four and two sevenths", 24.0 + 2.0 / 7.0)]);
    check("three and sixty-five hundredths", &[("three and sixty-five hundredths", 3.65)]);
    check("one hundred and thirty fifths", &[("one hundred and thirty fifths", 26.0)]);
    check("one hundred and three quarters", &[("one hundred and three quarters", 100.75)]);
    check("eight hundred thirty two and a fifth", &[("eight hundred thirty two and a fifth", 832.2)]);
    check("2 and a half", &[("2 and a half", 2.5)]);
}

#[test]
fn fractions_of_scale_words() {
    check("six million and a half", &[("six million and a half", 6.5e6)]);
    check("The population is 4 million and a half", &[("4 million and a half", 4.5e6)]);
    check("Quarter million people", &[("Quarter million", 250000.0)]);
    check("three quarters of a million", &[("three quarters of a million", 750000.0)]);
    check("one billion and a half million", &[("one billion and a half million", 1000500000.0)]);
    check("five and a half million", &[("five and a half million", 5.5e6)]);
}

#[test]
fn prepositional_fractions() {
    check("one over five", &[("one over five", 0.2)]);
    check("4000 over 7", &[("4000 over 7", 4000.0 / 7.0)]);
    check("3 out of ten", &[("3 out of ten", 0.3)]);
    check("1 in 100", &[("1 in 100", 0.01)]);
    check("1 over one hundred and forty one", &[("1 over one hundred and forty one", 1.0 / 141.0)]);
    check("The answer is negative one over 20", &[("negative one over 20", -0.05)]);
    // Only parts make a fraction with "in" and "out of"; amounts are never numerators.
    check("I count 20 in eight boxes", &[("20", 20.0), ("eight", 8.0)]);
    check("there are 15 out of 12", &[("15", 15.0), ("12", 12.0)]);
    check("I want to earn $3000 over 5 years", &[("3000", 3000.0), ("5", 5.0)]);
    check("adds up to 185,000 over two years", &[("185,000", 185000.0), ("two", 2.0)]);
}

#[test]
fn powers() {
    check("3e5", &[("3e5", 3e5)]);
    check("-12e-1", &[("-12e-1", -1.2)]);
    check("12.32e+14", &[("12.32e+14", 1.232e15)]);
    check("2.5^3", &[("2.5^3", 15.625)]);
    check("-1.1^--23", &[("-1.1^--23", -(1.1f64.powf(23.0)))]);
    check("2.5x10^3", &[("2.5x10^3", 2500.0)]);
    check("7.1x10^-2", &[("7.1x10^-2", 0.071)]);
    check("2e", &[]);
    assert_eq!(subtype("1e10"), NumberSubtype::Power);
}

#[test]
fn values_print_like_the_reference_data() {
    assert_eq!(format_value(1234567.0), "1234567");
    assert_eq!(format_value(-0.8), "-0.8");
    assert_eq!(format_value(2.0 / 3.0), "0.666666666666667");
    assert_eq!(format_value(1e-12), "1E-12");
    assert_eq!(format_value(-1.2732e15), "-1.2732E+15");
    assert_eq!(format_value(1e-7), "0.0000001");
    assert_eq!(format_value(0.0), "0");
}

#[test]
fn one_sided_comparatives() {
    check_ranges("He is more than forty years old.", &[("more than forty", "(40,)")]);
    check_ranges("He is over forty.", &[("over forty", "(40,)")]);
    check_ranges("His age is no less than forty.", &[("no less than forty", "[40,)")]);
    check_ranges("at least 2,500 troops", &[("at least 2,500", "[2500,)")]);
    check_ranges("Fewer than a hundred tigers", &[("Fewer than a hundred", "(,100)")]);
    check_ranges("His height is under 180.", &[("under 180", "(,180)")]);
    check_ranges("cut up to 800 workers", &[("up to 800", "(,800]")]);
    check_ranges("horsepower exceeding 200", &[("exceeding 200", "(200,)")]);
    check_ranges("more than half of the people", &[("more than half", "(0.5,)")]);
    check_ranges("More than 3/4 came", &[("More than 3/4", "(0.75,)")]);
    check_ranges("x is equal to two hundred and fifty.", &[("equal to two hundred and fifty", "[250,250]")]);
    check_ranges("Equaling to 30, the class", &[("Equaling to 30", "[30,30]")]);
}

#[test]
fn or_equal_forms() {
    check_ranges("higher or equal than two hundred", &[("higher or equal than two hundred", "[200,)")]);
    check_ranges("less than or equal to 50", &[("less than or equal to 50", "(,50]")]);
    check_ranges("equal to or more than 40", &[("equal to or more than 40", "[40,)")]);
    check_ranges("at least or equal to 40", &[("at least or equal to 40", "[40,)")]);
    check_ranges("His score is less than 6000 or equal", &[("less than 6000 or equal", "(,6000]")]);
    check_ranges("more than 6000 or equal to it", &[("more than 6000 or equal to", "[6000,)")]);
    check_ranges("more than 6000 or equal to 7000", &[("more than 6000", "(6000,)"), ("equal to 7000", "[7000,7000]")]);
    check_ranges("equal to 6000 or less", &[("equal to 6000 or less", "(,6000]")]);
    check_ranges("equal to 6000 or less than 7000", &[("equal to 6000", "[6000,6000]"), ("less than 7000", "(,7000)")]);
}

#[test]
fn suffix_comparatives() {
    check_ranges("about three hundred and more", &[("three hundred and more", "[300,)")]);
    check_ranges("three hundred or less", &[("three hundred or less", "(,300]")]);
    check_ranges("His score is 300 or greater than", &[("300 or greater than", "[300,)")]);
    check_ranges("His score is 300 or greater than 290", &[("greater than 290", "(290,)")]);
    check_ranges("How about 3 in 7 or more", &[("3 in 7 or more", "[0.428571428571429,)")]);
}

#[test]
fn symbols() {
    check_ranges("a>5 and b<9", &[(">5", "(5,)"), ("<9", "(,9)")]);
    check_ranges("when >= 40", &[(">= 40", "[40,)")]);
    check_ranges("when < = 50", &[("< = 50", "(,50]")]);
    check_ranges("when <-40", &[("<-40", "(,-40)")]);
    check_ranges("when <=  -40", &[("<=  -40", "(,-40]")]);
    check_ranges("when ≥ 3", &[("≥ 3", "[3,)")]);
    for text in ["<>40", "=>40", "=<40"] {
        check_ranges(text, &[]);
    }
}

#[test]
fn two_comparatives_make_one_range_when_it_is_not_empty() {
    check_ranges(
        "bigger than ten and less or equal than twenty five",
        &[("bigger than ten and less or equal than twenty five", "(10,25]")],
    );
    check_ranges("at most 50 and at least 10 pears", &[("at most 50 and at least 10", "[10,50]")]);
    check_ranges("higher than the second but lower than the eighth", &[("higher than the second but lower than the eighth", "(2,8)")]);
    check_ranges(
        "higher or equal than two hundred, lower or equal than four hundred",
        &[("higher or equal than two hundred, lower or equal than four hundred", "[200,400]")],
    );
    check_ranges("above one third and below a half", &[("above one third and below a half", "(0.333333333333333,0.5)")]);
    check_ranges("More than 50 and less than 20", &[("More than 50", "(50,)"), ("less than 20", "(,20)")]);
    check_ranges("up more than 30, above 180 apiece", &[("more than 30", "(30,)"), ("above 180", "(180,)")]);
    check_ranges(
        "greater than 40 and less than or equal to 50 and greater than or equal to 60",
        &[("greater than 40 and less than or equal to 50", "(40,50]"), ("greater than or equal to 60", "[60,)")],
    );
}

#[test]
fn two_number_ranges() {
    check_ranges("The number is between 40 and 50.", &[("between 40 and 50", "[40,50)")]);
    check_ranges("He ranks between the fifth and the tenth.", &[("between the fifth and the tenth", "[5,10)")]);
    check_ranges("between negative five and twenty", &[("between negative five and twenty", "[-5,20)")]);
    check_ranges("between one hundred and fifty and two hundred", &[("between one hundred and fifty and two hundred", "[150,200)")]);
    check_ranges(
        "from two thousand to two thousand and five hundred",
        &[("from two thousand to two thousand and five hundred", "[2000,2500)")],
    );
    check_ranges("about 30~60", &[("30~60", "[30,60)")]);
    check_ranges("40 through 80", &[("40 through 80", "[40,80)")]);
    check_ranges("2000 – 6000 and 6k-30k", &[("2000 – 6000", "[2000,6000)"), ("6k-30k", "[6000,30000)")]);
    // A bare lower end takes the scale of the upper one when it is below its digits.
    check_ranges("between 2 and 3 million", &[("between 2 and 3 million", "[2000000,3000000)")]);
    check_ranges("$5-10 billion", &[("5-10 billion", "[5000000000,10000000000)")]);
    check_ranges("from 200 to 3 million", &[("from 200 to 3 million", "[200,3000000)")]);
}

#[test]
fn ranges_that_are_not() {
    for text in [
        "1998-02",
        "from 10 to 5",
        "nearly four in 10 — 38 percent — said",
        "+1-333-3333-3333 is a phone number.",
        "Three-fifths is a fraction.",
        "from 300 to 400 in 2009",
    ] {
        check_ranges(text, &[]);
    }
    // After a comparative "in" is read left to right, not as a fraction.
    check_ranges("How about more than 3 in 7", &[("more than 3", "(3,)")]);
    check_ranges("records more than 40000 in 2010", &[("more than 40000", "(40000,)")]);
}

/// Spans must lie on character boundaries of `text`, in order and without overlap.
fn assert_spans_well_formed<'a>(text: &str, spans: impl Iterator<Item = &'a Span>) {
    let mut last_end = 0;
    for span in spans {
        assert!(span.start() >= last_end, "overlapping spans in {text:?}");
        assert!(span.end() > span.start(), "empty span in {text:?}");
        assert!(text.get(span.range()).is_some(), "span {span} off the character boundaries of {text:?}");
        last_end = span.end();
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_stay_inside(text in any::<String>()) {
        let numbers = find_numbers(&text);
        assert_spans_well_formed(&text, numbers.iter().map(|m| &m.span));
        assert!(numbers.iter().all(|m| m.value.is_finite()));
        let ranges = find_number_ranges(&text);
        assert_spans_well_formed(&text, ranges.iter().map(|m| &m.span));
    }

    #[test]
    fn number_like_text_never_panics(text in "[0-9a-zA-Z ,./^+\\-–~<>=½⅔\u{202f}]{0,40}|((one|two|twenty|hundred|thousand|million|and|a|half|thirds|fifth|point|over|in|out of|minus|more than|between|or|less|equal to|-|,| |1|23|4,567|8.9) ){0,12}") {
        let numbers = find_numbers(&text);
        assert_spans_well_formed(&text, numbers.iter().map(|m| &m.span));
        let ranges = find_number_ranges(&text);
        assert_spans_well_formed(&text, ranges.iter().map(|m| &m.span));
    }
}
