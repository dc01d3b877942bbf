//! The units quantities are written in, and their normalised names.
//!
//! The quantities stage recognises a unit by the words of this module ([`is_currency_word`],
//! [`is_measure_word`], [`is_glued_unit`], currency signs, codes, dollar prefixes and
//! countries) and records the unit as written; [`unit_name`] turns that into one
//! name per unit, so that "$4.5 million", "US$4.5 million" and "4.5 million US dollars" all
//! carry `USD`, and "six miles" and "a 6-mile convoy" carry `mi`:
//! - money: the ISO 4217 code when the currency is known ("USD", "EUR", "AUD"), otherwise the
//!   currency's name in the singular ("franc", "mexican peso" is "MXN" but "dinar" stays
//!   "dinar", since several countries pay in dinars); "cent" and "pence" for amounts in them;
//! - measures: the usual symbol ("km", "mi", "kg", "t", "ha", "km2", "km/h", "°C");
//! - percentages: "%", and "pp" for percentage points.
//!
//! This module does no scanning: it only names what the scanner found.

use parallax_core::QuantityKind;

/// Currency words, each with its singular. A word of this table after a number makes the
/// quantity money.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "dollar"),
    ("dollars", "dollar"),
    ("euro", "euro"),
    ("euros", "euro"),
    ("pound", "pound"),
    ("pounds", "pound"),
    ("sterling", "pound"),
    ("yen", "yen"),
    ("yuan", "yuan"),
    ("renminbi", "yuan"),
    ("rouble", "rouble"),
    ("roubles", "rouble"),
    ("ruble", "rouble"),
    ("rubles", "rouble"),
    ("tenge", "tenge"),
    ("rupee", "rupee"),
    ("rupees", "rupee"),
    ("franc", "franc"),
    ("francs", "franc"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("rub", "RUB"),
    ("kzt", "KZT"),
    ("cent", "cent"),
    ("cents", "cent"),
    ("pence", "pence"),
    ("penny", "pence"),
    ("pennies", "pence"),
    ("peseta", "peseta"),
    ("pesetas", "peseta"),
    ("guilder", "guilder"),
    ("guilders", "guilder"),
    ("lira", "lira"),
    ("lire", "lira"),
    ("markka", "markka"),
    ("krona", "krona"),
    ("kronor", "krona"),
    ("krone", "krone"),
    ("kroner", "krone"),
    ("shekel", "shekel"),
    ("shekels", "shekel"),
    ("dinar", "dinar"),
    ("dinars", "dinar"),
    ("dirham", "dirham"),
    ("dirhams", "dirham"),
    ("riyal", "riyal"),
    ("riyals", "riyal"),
    ("rial", "rial"),
    ("rials", "rial"),
    ("baht", "baht"),
    ("peso", "peso"),
    ("pesos", "peso"),
    ("rand", "rand"),
    ("hryvnia", "hryvnia"),
    ("hryvnias", "hryvnia"),
    ("zloty", "zloty"),
    ("zlotys", "zloty"),
    ("lari", "lari"),
    ("afghani", "afghani"),
    ("afghanis", "afghani"),
    ("bitcoin", "bitcoin"),
    ("bitcoins", "bitcoin"),
    ("btc", "bitcoin"),
    // Currencies of the countries conflict, crisis and aid reporting covers most.
    ("naira", "naira"),
    ("cedi", "cedi"),
    ("cedis", "cedi"),
    ("shilling", "shilling"),
    ("shillings", "shilling"),
    ("birr", "birr"),
    ("kwacha", "kwacha"),
    ("leone", "leone"),
    ("leones", "leone"),
    ("metical", "metical"),
    ("meticais", "metical"),
    ("kwanza", "kwanza"),
    ("kwanzas", "kwanza"),
    ("ariary", "ariary"),
    ("dalasi", "dalasi"),
    ("kyat", "kyat"),
    ("kyats", "kyat"),
    ("taka", "taka"),
    ("ringgit", "ringgit"),
    ("rupiah", "rupiah"),
    ("riel", "riel"),
    ("riels", "riel"),
    ("dram", "dram"),
    ("drams", "dram"),
    ("manat", "manat"),
    ("manats", "manat"),
    ("somoni", "somoni"),
    ("gourde", "gourde"),
    ("gourdes", "gourde"),
    ("bolivar", "bolivar"),
    ("bolivars", "bolivar"),
    ("bolivares", "bolivar"),
    ("quetzal", "quetzal"),
    ("quetzales", "quetzal"),
    ("lempira", "lempira"),
    ("lempiras", "lempira"),
    ("reais", "real"),
    ("forint", "forint"),
    ("forints", "forint"),
    ("koruna", "koruna"),
    ("leu", "leu"),
    ("ngn", "NGN"),
    ("kes", "KES"),
    ("egp", "EGP"),
    ("pkr", "PKR"),
    ("uah", "UAH"),
    ("chf", "CHF"),
    ("jpy", "JPY"),
    ("cny", "CNY"),
    ("inr", "INR"),
];

/// ISO 4217 codes by the currency's singular name, alone or after its country ("swiss
/// franc"). A name that several countries share ("franc", "dinar", "peso") is not here alone.
const CODES_BY_NAME: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("us dollar", "USD"),
    ("american dollar", "USD"),
    ("euro", "EUR"),
    ("pound", "GBP"),
    ("yen", "JPY"),
    ("japanese yen", "JPY"),
    ("yuan", "CNY"),
    ("chinese yuan", "CNY"),
    ("rouble", "RUB"),
    ("russian rouble", "RUB"),
    ("tenge", "KZT"),
    ("rupee", "INR"),
    ("indian rupee", "INR"),
    ("hryvnia", "UAH"),
    ("ukrainian hryvnia", "UAH"),
    ("shekel", "ILS"),
    ("israeli shekel", "ILS"),
    ("baht", "THB"),
    ("rand", "ZAR"),
    ("south african rand", "ZAR"),
    ("zloty", "PLN"),
    ("lari", "GEL"),
    ("afghani", "AFN"),
    ("bitcoin", "BTC"),
    ("peseta", "ESP"),
    ("guilder", "NLG"),
    ("dutch guilder", "NLG"),
    ("markka", "FIM"),
    ("finnish markka", "FIM"),
    ("krona", "SEK"),
    ("swedish krona", "SEK"),
    ("norwegian krone", "NOK"),
    ("danish krone", "DKK"),
    ("riyal", "SAR"),
    ("saudi riyal", "SAR"),
    ("australian dollar", "AUD"),
    ("canadian dollar", "CAD"),
    ("hong kong dollar", "HKD"),
    ("new zealand dollar", "NZD"),
    ("singapore dollar", "SGD"),
    ("taiwan dollar", "TWD"),
    ("taiwanese dollar", "TWD"),
    ("swiss franc", "CHF"),
    ("french franc", "FRF"),
    ("belgian franc", "BEF"),
    ("mexican peso", "MXN"),
    ("argentine peso", "ARS"),
    ("chilean peso", "CLP"),
    ("colombian peso", "COP"),
    ("turkish lira", "TRY"),
    ("egyptian pound", "EGP"),
    ("iranian rial", "IRR"),
    ("iraqi dinar", "IQD"),
    ("jordanian dinar", "JOD"),
    ("kuwaiti dinar", "KWD"),
    ("naira", "NGN"),
    ("nigerian naira", "NGN"),
    ("cedi", "GHS"),
    ("ghanaian cedi", "GHS"),
    ("kenyan shilling", "KES"),
    ("ugandan shilling", "UGX"),
    ("tanzanian shilling", "TZS"),
    ("somali shilling", "SOS"),
    ("birr", "ETB"),
    ("ethiopian birr", "ETB"),
    ("zambian kwacha", "ZMW"),
    ("malawian kwacha", "MWK"),
    ("leone", "SLE"),
    ("metical", "MZN"),
    ("kwanza", "AOA"),
    ("ariary", "MGA"),
    ("dalasi", "GMD"),
    ("kyat", "MMK"),
    ("taka", "BDT"),
    ("ringgit", "MYR"),
    ("rupiah", "IDR"),
    ("riel", "KHR"),
    ("dram", "AMD"),
    ("armenian dram", "AMD"),
    ("azerbaijani manat", "AZN"),
    ("somoni", "TJS"),
    ("gourde", "HTG"),
    ("haitian gourde", "HTG"),
    ("bolivar", "VES"),
    ("quetzal", "GTQ"),
    ("lempira", "HNL"),
    ("real", "BRL"),
    ("brazilian real", "BRL"),
    ("forint", "HUF"),
    ("koruna", "CZK"),
    ("czech koruna", "CZK"),
    ("romanian leu", "RON"),
    ("moldovan leu", "MDL"),
    ("belarusian rouble", "BYN"),
    ("sudanese pound", "SDG"),
    ("south sudanese pound", "SSP"),
    ("lebanese pound", "LBP"),
    ("lebanese lira", "LBP"),
    ("syrian pound", "SYP"),
    ("syrian lira", "SYP"),
    ("libyan dinar", "LYD"),
    ("tunisian dinar", "TND"),
    ("serbian dinar", "RSD"),
    ("yemeni rial", "YER"),
    ("omani rial", "OMR"),
    ("qatari riyal", "QAR"),
    ("moroccan dirham", "MAD"),
    ("emirati dirham", "AED"),
    ("uae dirham", "AED"),
    ("pakistani rupee", "PKR"),
    ("sri lankan rupee", "LKR"),
    ("nepalese rupee", "NPR"),
    ("nepali rupee", "NPR"),
    ("congolese franc", "CDF"),
    ("rwandan franc", "RWF"),
    ("burundian franc", "BIF"),
    ("guinean franc", "GNF"),
    ("philippine peso", "PHP"),
    ("cuban peso", "CUP"),
    ("liberian dollar", "LRD"),
    ("zimbabwean dollar", "ZWL"),
];

/// Currency signs and their codes. "$" alone is the US dollar, as news in English writes
/// other dollars with a prefix ("A$", "HK$").
const CURRENCY_SIGNS: &[(char, &str)] = &[
    ('$', "USD"),
    ('€', "EUR"),
    ('£', "GBP"),
    ('¥', "JPY"),
    ('₹', "INR"),
    ('₽', "RUB"),
    ('₸', "KZT"),
    ('₦', "NGN"),
    ('₴', "UAH"),
    ('₺', "TRY"),
    ('₪', "ILS"),
    ('₱', "PHP"),
    ('₵', "GHS"),
    ('₼', "AZN"),
    ('₾', "GEL"),
];

/// Letters written before "$" ("US$", "A$") and the dollar they name.
/// Letters written before an amount, spaced or glued, with their currency ("Rs 500 crore",
/// "KSh 1.2 billion", "Rp 5 trillion"). "R" (rand) only glued ("R2.3 billion").
const LETTER_PREFIXES: &[(&str, &str)] = &[
    ("Rs", "INR"),
    ("KSh", "KES"),
    ("Ksh", "KES"),
    ("USh", "UGX"),
    ("TSh", "TZS"),
    ("Rp", "IDR"),
    ("RM", "MYR"),
    ("Tk", "BDT"),
    ("R", "ZAR"),
];

/// The currency of letters written before an amount ("Rs", "KSh", glued "R"), a full stop
/// after them allowed ("Rs. 40 lakh").
pub fn letter_prefix_currency(letters: &str) -> Option<&'static str> {
    find(LETTER_PREFIXES, letters.trim_end_matches('.'))
}

const DOLLAR_PREFIXES: &[(&str, &str)] = &[("US", "USD"), ("A", "AUD"), ("C", "CAD"), ("HK", "HKD"), ("NZ", "NZD"), ("S", "SGD")];

/// Units of measure as written, each with its symbol. A word of this table after a number
/// makes the quantity a measure.
const MEASURE_WORDS: &[(&str, &str)] = &[
    ("km", "km"),
    ("kms", "km"),
    ("kilometre", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometers", "km"),
    ("mile", "mi"),
    ("miles", "mi"),
    ("kg", "kg"),
    ("kgs", "kg"),
    ("kilogram", "kg"),
    ("kilograms", "kg"),
    ("kilogramme", "kg"),
    ("kilogrammes", "kg"),
    ("tonne", "t"),
    ("tonnes", "t"),
    ("ton", "ton"),
    ("tons", "ton"),
    ("metre", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("meters", "m"),
    ("cm", "cm"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("mm", "mm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("hectare", "ha"),
    ("hectares", "ha"),
    ("ha", "ha"),
    ("litre", "l"),
    ("litres", "l"),
    ("liter", "l"),
    ("liters", "l"),
    ("degree", "°"),
    ("degrees", "°"),
    ("mph", "mph"),
    ("kph", "km/h"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("inch", "in"),
    ("inches", "in"),
    ("acre", "acre"),
    ("acres", "acre"),
    ("barrels", "bbl"),
    ("megawatts", "MW"),
    ("mw", "MW"),
    ("gigawatts", "GW"),
    ("gallon", "gal"),
    ("gallons", "gal"),
    ("ounce", "oz"),
    ("ounces", "oz"),
    ("oz", "oz"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("yard", "yd"),
    ("yards", "yd"),
    ("ml", "ml"),
    ("mb", "MB"),
    ("gb", "GB"),
    ("tb", "TB"),
    ("megabytes", "MB"),
    ("gigabytes", "GB"),
    ("terabytes", "TB"),
    ("magnitude", "magnitude"),
];

/// Nouns an earthquake's magnitude is written before ("a 6.4 earthquake"): the number is a
/// magnitude, not a count of them.
const QUAKE_NOUNS: &[&str] = &["earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "temblor", "aftershock", "aftershocks"];

/// Whether `word` names an earthquake or an aftershock.
pub fn is_quake_noun(word: &str) -> bool {
    QUAKE_NOUNS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Symbols of units glued to digits that are not words of [`MEASURE_WORDS`] ("10kmh", "5gw").
const GLUED_ONLY: &[(&str, &str)] = &[("kmh", "km/h"), ("gw", "GW"), ("kw", "kW"), ("m", "m")];

/// Currency codes written before the amount ("USD 200", "EUR 1.2 billion"), in capitals.
const CODES_BEFORE_AMOUNTS: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "RUB", "UAH", "KZT", "INR", "AUD", "CAD", "NGN", "KES", "EGP", "PKR", "ZAR", "ILS", "SAR",
    "AED",
];

/// Words that name whose currency follows ("Hong Kong dollars", "Ghanaian cedis"), besides
/// the demonyms of `lexicon::PLACES` ("Australian dollars", "Swiss francs").
const CURRENCY_COUNTRIES: &str = "us hong kong new zealand singapore taiwan south african kuwaiti ghanaian tanzanian zambian \
     malawian omani qatari emirati uae sri lankan nepalese nepali burundian guinean philippine liberian cfa";

/// Units written straight after digits ("10km", "5kg").
const GLUED_UNITS: &[&str] =
    &["km", "kg", "cm", "mm", "mph", "kph", "kmh", "ha", "ft", "mw", "gw", "kw", "lb", "lbs", "ml", "mb", "gb", "tb"];

fn find<'t>(table: &'t [(&str, &'t str)], key: &str) -> Option<&'t str> {
    table.iter().find(|(written, _)| written.eq_ignore_ascii_case(key)).map(|&(_, name)| name)
}

/// Whether `word` names a currency ("euros", "Pesos", "BTC").
pub fn is_currency_word(word: &str) -> bool {
    find(CURRENCY_WORDS, word).is_some()
}

/// Whether `word` is a unit of measure written as a word ("km", "Miles", "hectares").
pub fn is_measure_word(word: &str) -> bool {
    find(MEASURE_WORDS, word).is_some()
}

/// Whether `word` is a currency code that may stand before an amount ("USD 200"): capitals only.
pub fn is_code_before_amounts(word: &str) -> bool {
    CODES_BEFORE_AMOUNTS.contains(&word)
}

/// Whether `word` may name the country of a currency ("Australian" dollars), ignoring case.
pub fn is_currency_country(word: &str) -> bool {
    let capitalised = || {
        let mut chars = word.chars();
        chars.next().map(|first| first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect::<String>())
    };
    CURRENCY_COUNTRIES.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case(word))
        || capitalised().is_some_and(|name| crate::lexicon::place_of_demonym(&name).is_some())
}

/// Whether `suffix`, lower-case, is a unit that may be glued to digits ("10km").
pub fn is_glued_unit(suffix: &str) -> bool {
    GLUED_UNITS.contains(&suffix)
}

/// Whether `sign` is a currency sign.
pub fn is_currency_sign(sign: char) -> bool {
    CURRENCY_SIGNS.iter().any(|&(c, _)| c == sign)
}

/// Whether `letters` may stand before "$" ("US", "HK").
pub fn is_dollar_prefix(letters: &str) -> bool {
    DOLLAR_PREFIXES.iter().any(|&(prefix, _)| prefix == letters)
}

/// The normalised name of the unit `written` for a quantity of `kind` (see the module
/// documentation), or `None` when nothing in it names a unit. `written` is the unit as it
/// stands in the text, signs included: "US$", "€", "Australian dollars", "square
/// kilometres", "km/h", "miles an hour", "°C", "per cent".
pub fn unit_name(kind: QuantityKind, written: &str) -> Option<String> {
    let written = written.trim();
    match kind {
        QuantityKind::Count => None,
        QuantityKind::Percentage => Some(if written.to_ascii_lowercase().contains("point") { "pp".to_owned() } else { "%".to_owned() }),
        QuantityKind::Money => currency_name(written),
        QuantityKind::Measure => measure_name(written),
    }
}

fn currency_name(written: &str) -> Option<String> {
    if let Some(dollar) = written.find('$') {
        let prefix = written[..dollar].trim();
        return Some(find(DOLLAR_PREFIXES, prefix).unwrap_or("USD").to_owned());
    }
    if let Some(code) = written.chars().find_map(|c| CURRENCY_SIGNS.iter().find(|&&(sign, _)| sign == c).map(|&(_, code)| code)) {
        return Some(code.to_owned());
    }
    if let Some(code) = letter_prefix_currency(written) {
        return Some(code.to_owned());
    }
    // A code ("USD 200", "200 CHF") is its own name.
    if written.len() == 3 && written.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(written.to_owned());
    }
    let words: Vec<String> = written.split_whitespace().map(str::to_lowercase).collect();
    let (last, country) = words.split_last()?;
    let singular = find(CURRENCY_WORDS, last)?;
    if singular.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(singular.to_owned());
    }
    let phrase = if country.is_empty() { singular.to_owned() } else { format!("{} {singular}", country.join(" ")) };
    Some(find(CODES_BY_NAME, &phrase).map_or(phrase, str::to_owned))
}

fn measure_name(written: &str) -> Option<String> {
    let lower = written.to_lowercase();
    // "a 6.4 earthquake": the noun says the number is a magnitude.
    if is_quake_noun(&lower) {
        return Some("magnitude".to_owned());
    }
    // "°C", "°F", "° C": the degree sign with or without its scale.
    if let Some(after) = lower.strip_prefix('°') {
        return Some(
            match after.trim() {
                "c" | "celsius" => "°C",
                "f" | "fahrenheit" => "°F",
                _ => "°",
            }
            .to_owned(),
        );
    }
    // "km/h", "miles an hour", "per hour".
    let (lower, per_hour) =
        match lower.strip_suffix("/h").or_else(|| lower.strip_suffix(" an hour")).or_else(|| lower.strip_suffix(" per hour")) {
            Some(base) => (base.to_owned(), true),
            None => (lower.clone(), false),
        };
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    let mut power = "";
    match words.first() {
        Some(&("square" | "sq")) => {
            power = "2";
            words.remove(0);
        }
        Some(&"cubic") => {
            power = "3";
            words.remove(0);
        }
        Some(&"metric") => {
            words.remove(0);
        }
        _ => {}
    }
    let (&base, rest) = words.split_first()?;
    // "km2", "m3": a power glued to the unit.
    let (base, glued_power) = match base.strip_suffix(['2', '3']) {
        Some(stem) => (stem, &base[stem.len()..]),
        None => (base, ""),
    };
    let mut symbol = find(MEASURE_WORDS, base).or_else(|| find(GLUED_ONLY, base))?.to_owned();
    if symbol == "ton" && lower.starts_with("metric") {
        symbol = "t".to_owned();
    }
    if symbol == "°" {
        match rest.first() {
            Some(&"celsius") => symbol = "°C".to_owned(),
            Some(&"fahrenheit") => symbol = "°F".to_owned(),
            _ => {}
        }
    }
    symbol.push_str(power);
    symbol.push_str(glued_power);
    if per_hour {
        symbol = if symbol == "mi" { "mph".to_owned() } else { format!("{symbol}/h") };
    }
    Some(symbol)
}

/// The unit a measure in `symbol` (as [`unit_name`] gives it) is compared in, with the
/// conversion `base = value × scale + offset`: metres for lengths, square kilometres for
/// areas, km/h for speeds, °C for temperatures. Units whose size depends on the country
/// (tons, gallons) and units of other dimensions have none: they are never compared.
pub fn base_unit(symbol: &str) -> Option<(&'static str, f64, f64)> {
    let (base, scale) = match symbol {
        "m" => ("m", 1.0),
        "km" => ("m", 1000.0),
        "cm" => ("m", 0.01),
        "mm" => ("m", 0.001),
        "ft" => ("m", 0.3048),
        "in" => ("m", 0.0254),
        "yd" => ("m", 0.9144),
        "mi" => ("m", 1609.344),
        "km2" => ("km2", 1.0),
        "m2" => ("km2", 1e-6),
        "mi2" => ("km2", 2.589_988_110_336),
        "ft2" => ("km2", 9.290_304e-8),
        "ha" => ("km2", 0.01),
        "acre" => ("km2", 0.004_046_856_422_4),
        "km/h" => ("km/h", 1.0),
        "mph" => ("km/h", 1.609_344),
        "°C" => ("°C", 1.0),
        "°F" => return Some(("°C", 5.0 / 9.0, -160.0 / 9.0)),
        _ => return None,
    };
    Some((base, scale, 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(written: &str) -> Option<String> {
        unit_name(QuantityKind::Money, written)
    }

    fn measure(written: &str) -> Option<String> {
        unit_name(QuantityKind::Measure, written)
    }

    #[test]
    fn measures_convert_to_one_unit_per_dimension() {
        let convert = |value: f64, symbol: &str| base_unit(symbol).map(|(base, scale, offset)| (base, value * scale + offset));
        assert_eq!(convert(10.0, "ft"), Some(("m", 3.048)));
        assert_eq!(convert(2.0, "km"), Some(("m", 2000.0)));
        assert_eq!(convert(5.0, "ha"), Some(("km2", 0.05)));
        assert_eq!(convert(212.0, "°F").map(|(base, value)| (base, value.round())), Some(("°C", 100.0)));
        assert!((convert(460.0, "mi2").unwrap().1 - 1191.39).abs() < 0.01);
        // A ton and a gallon differ from country to country; a magnitude is no length.
        assert_eq!(convert(1.0, "ton"), None);
        assert_eq!(convert(6.4, "magnitude"), None);
    }

    #[test]
    fn currencies_by_sign_prefix_code_and_word() {
        for (written, code) in [
            ("$", "USD"),
            ("US$", "USD"),
            ("US $", "USD"),
            ("A$", "AUD"),
            ("HK$", "HKD"),
            ("€", "EUR"),
            ("£", "GBP"),
            ("₸", "KZT"),
            ("USD", "USD"),
            ("dollars", "USD"),
            ("US dollars", "USD"),
            ("euros", "EUR"),
            ("CHF", "CHF"),
            ("sterling", "GBP"),
            ("Australian dollars", "AUD"),
            ("Hong Kong dollars", "HKD"),
            ("Swiss francs", "CHF"),
            ("Mexican pesos", "MXN"),
            ("yuan", "CNY"),
            ("renminbi", "CNY"),
            ("roubles", "RUB"),
            ("rubles", "RUB"),
            ("tenge", "KZT"),
            ("shekels", "ILS"),
            ("naira", "NGN"),
            ("₦", "NGN"),
            ("Kenyan shillings", "KES"),
            ("Sudanese pounds", "SDG"),
            ("South Sudanese pounds", "SSP"),
            ("Sri Lankan rupees", "LKR"),
            ("Congolese francs", "CDF"),
            ("birr", "ETB"),
            ("kyats", "MMK"),
            ("gourdes", "HTG"),
            ("reais", "BRL"),
            ("NGN", "NGN"),
        ] {
            assert_eq!(money(written).as_deref(), Some(code), "{written}");
        }
    }

    #[test]
    fn a_currency_country_is_listed_or_the_demonym_of_a_known_place() {
        assert!(is_currency_country("Qatari") && is_currency_country("hong"));
        assert!(is_currency_country("Kazakh") && is_currency_country("swiss"), "demonyms of lexicon::PLACES");
        assert!(!is_currency_country("local") && !is_currency_country(""));
    }

    #[test]
    fn shared_currency_names_stay_names() {
        assert_eq!(money("francs").as_deref(), Some("franc"));
        assert_eq!(money("dinars").as_deref(), Some("dinar"));
        assert_eq!(money("Algerian dinars").as_deref(), Some("algerian dinar"));
        assert_eq!(money("shillings").as_deref(), Some("shilling"), "Kenya, Uganda, Tanzania and Somalia pay in shillings");
        assert_eq!(money("CFA francs").as_deref(), Some("cfa franc"), "west or central Africa's");
        assert_eq!(money("cents").as_deref(), Some("cent"));
        assert_eq!(money("pence").as_deref(), Some("pence"));
    }

    #[test]
    fn measures_by_symbol() {
        for (written, symbol) in [
            ("km", "km"),
            ("kilometres", "km"),
            ("miles", "mi"),
            ("mile", "mi"),
            ("square kilometres", "km2"),
            ("sq miles", "mi2"),
            ("km2", "km2"),
            ("cubic metres", "m3"),
            ("metric tons", "t"),
            ("tons", "ton"),
            ("km/h", "km/h"),
            ("miles an hour", "mph"),
            ("kilometres per hour", "km/h"),
            ("mph", "mph"),
            ("degrees Celsius", "°C"),
            ("°C", "°C"),
            ("°", "°"),
            ("hectares", "ha"),
            ("megawatts", "MW"),
            ("m", "m"),
            ("magnitude", "magnitude"),
            ("earthquake", "magnitude"),
        ] {
            assert_eq!(measure(written).as_deref(), Some(symbol), "{written}");
        }
        assert_eq!(measure("furlongs"), None);
    }

    #[test]
    fn percentages_and_points() {
        assert_eq!(unit_name(QuantityKind::Percentage, "%").as_deref(), Some("%"));
        assert_eq!(unit_name(QuantityKind::Percentage, "per cent").as_deref(), Some("%"));
        assert_eq!(unit_name(QuantityKind::Percentage, "percentage points").as_deref(), Some("pp"));
        assert_eq!(unit_name(QuantityKind::Count, "people"), None);
    }
}
