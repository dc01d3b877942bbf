//! Language identification from function words and script.
//!
//! News text is long enough that the share of a language's commonest function words tells
//! Latin-script languages apart; other scripts are told by their characters. The answer is
//! an ISO 639-1 code, or `None` when the text is too short or too mixed to say.

/// Function words per Latin-script language.
const PROFILES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "of", "and", "to", "in", "is", "that", "for", "was", "on", "with", "he", "it", "as", "by", "said", "have", "are",
            "from", "were",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas", "sur", "au", "par",
            "il",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "in", "den", "von", "zu", "mit", "ist", "des", "sich", "nicht", "auf", "ein", "eine", "dem", "im",
            "für", "wurde",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "de", "que", "y", "en", "los", "las", "un", "una", "por", "con", "para", "del", "se", "es", "al", "lo", "como",
            "más",
        ],
    ),
    (
        "it",
        &[
            "il", "la", "di", "che", "e", "in", "un", "una", "per", "del", "della", "non", "sono", "con", "gli", "le", "si", "nel", "è",
            "da",
        ],
    ),
    (
        "pt",
        &["o", "a", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "os", "as", "no", "na", "por", "mais", "foi"],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er", "om", "ook", "als",
            "werd",
        ],
    ),
];

/// The language of `text`, if it can be told.
pub fn detect(text: &str) -> Option<&'static str> {
    let mut letters = 0usize;
    let mut by_script = [0usize; 5]; // Latin, Cyrillic, Arabic, Han/Kana, Greek
    for c in text.chars().filter(|c| c.is_alphabetic()).take(20_000) {
        letters += 1;
        let script = match c as u32 {
            0x0400..=0x04FF => 1,
            0x0600..=0x06FF => 2,
            0x3040..=0x30FF | 0x4E00..=0x9FFF => 3,
            0x0370..=0x03FF => 4,
            _ => 0,
        };
        by_script[script] += 1;
    }
    if letters < 20 {
        return None;
    }
    let (script, count) = by_script.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if *count * 2 < letters {
        return None;
    }
    match script {
        1 => return Some("ru"),
        2 => return Some("ar"),
        3 => return Some("zh"),
        4 => return Some("el"),
        _ => {}
    }
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(5_000).map(str::to_lowercase).collect();
    let best = PROFILES
        .iter()
        .map(|(code, function_words)| (code, words.iter().filter(|w| function_words.contains(&w.as_str())).count()))
        .max_by_key(|(_, hits)| *hits)?;
    // Real prose in a language has about a fifth of its words among these; a few percent is noise.
    (best.1 * 12 >= words.len()).then_some(*best.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_common_languages_apart() {
        assert_eq!(detect("The strike spread to the second port on Tuesday, and the police said that it was over."), Some("en"));
        assert_eq!(
            detect("La grève s'est étendue au deuxième port mardi, et la police a dit que c'était fini pour les dockers."),
            Some("fr")
        );
        assert_eq!(
            detect("Der Streik hat sich am Dienstag auf den zweiten Hafen ausgeweitet, und die Polizei sagte, er sei vorbei."),
            Some("de")
        );
        assert_eq!(detect("Забастовка распространилась на второй порт во вторник, сообщила полиция."), Some("ru"));
        assert_eq!(detect("short"), None);
    }
}
