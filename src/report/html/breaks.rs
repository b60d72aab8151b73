//! Where a long word may break in a narrow table cell. Browsers break a word that does not fit
//! anywhere when told to (`overflow-wrap`, `word-break`), and `hyphens: auto` has no Dutch
//! dictionary in headless Chromium: both split Dutch compounds in the middle without a hyphen. So
//! the page allows no such break, and this module marks the only places a long token may break:
//! a soft hyphen (shown as a hyphen when used) between the known parts of a long compound
//! (`verwerkers|overeenkomst`), and a `<wbr>` after the separators of a technical token (a path,
//! a host, a dotted term id), which are not words. Any other word stays whole.

use super::esc;

/// Words shorter than this are never broken.
const LONG: usize = 13;

/// Technical tokens shorter than this are never broken.
const LONG_TOKEN: usize = 16;

/// Fewest letters on either side of a soft hyphen.
const EDGE: usize = 4;

/// Parts of the compounds the reports use (their own words and the catalogue's common ones), in
/// lowercase. A soft hyphen goes before and after each part found inside a long word.
const PARTS: &[&str] = &[
    "aandachts",
    "account",
    "adequaatheids",
    "analyse",
    "bedrijfs",
    "beheer",
    "besluit",
    "bepalingen",
    "bescherming",
    "beveiligings",
    "bewaar",
    "contract",
    "deelnemer",
    "dienst",
    "documentatie",
    "effect",
    "beoordeling",
    "functionaris",
    "gegevens",
    "gezichts",
    "herkenning",
    "informatie",
    "instelling",
    "leerling",
    "leverancier",
    "onderwijs",
    "opname",
    "opslag",
    "organisator",
    "overeenkomst",
    "persoons",
    "privacy",
    "profilering",
    "rechts",
    "school",
    "standaard",
    "termijn",
    "toestemming",
    "toezicht",
    "transcriptie",
    "verantwoordelijke",
    "verklaring",
    "versleuteling",
    "verwerkers",
    "verwerkings",
    "verwijdering",
    "voorschriften",
    "voorwaarden",
    "wetgeving",
];

/// `s` escaped for HTML, with soft hyphens in long compounds and break opportunities after the
/// separators of long technical tokens.
pub fn breakable(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut word = String::new();
    for ch in s.chars() {
        if ch.is_whitespace() {
            out.push_str(&token(&word));
            word.clear();
            out.push_str(&esc(&ch.to_string()));
        } else {
            word.push(ch);
        }
    }
    out.push_str(&token(&word));
    out
}

/// One whitespace-free token, escaped, with its break opportunities.
fn token(t: &str) -> String {
    let n = t.chars().count();
    let chars: Vec<char> = t.chars().collect();
    let inner_separator = chars
        .windows(2)
        .any(|w| matches!(w[0], '/' | '.' | '_' | '=') && w[1].is_alphanumeric());
    if n >= LONG_TOKEN && inner_separator {
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            out.push_str(&esc(&c.to_string()));
            let last = i + 1 == chars.len();
            if matches!(c, '/' | '.' | '_' | '=') && !last && chars[i + 1].is_alphanumeric() && i > 0 {
                out.push_str("<wbr>");
            }
        }
        return out;
    }
    if n < LONG || !t.chars().any(char::is_alphabetic) {
        return esc(t);
    }
    let places = soft_hyphens(t);
    if places.is_empty() {
        return esc(t);
    }
    let mut out = String::new();
    for (i, c) in t.chars().enumerate() {
        if places.contains(&i) {
            out.push('\u{AD}');
        }
        out.push_str(&esc(&c.to_string()));
    }
    out
}

/// The character positions in `word` before which a soft hyphen goes: the edges of the known
/// parts inside it, at least [`EDGE`] letters from either end and from another hyphen.
fn soft_hyphens(word: &str) -> Vec<usize> {
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if lower.len() != word.chars().count() {
        return Vec::new();
    }
    let text: String = lower.iter().collect();
    let mut places: Vec<usize> = Vec::new();
    for part in PARTS {
        let mut from = 0;
        while let Some(found) = text[from..].find(part) {
            let start = text[..from + found].chars().count();
            let end = start + part.chars().count();
            places.extend([start, end]);
            from += found + part.len();
        }
    }
    places.sort_unstable();
    places.dedup();
    let near_hyphen = |p: usize| {
        lower[p.saturating_sub(EDGE)..(p + EDGE).min(lower.len())]
            .iter()
            .any(|c| !c.is_alphabetic())
    };
    let mut kept: Vec<usize> = Vec::new();
    for p in places {
        if p < EDGE || p + EDGE > lower.len() || near_hyphen(p) {
            continue;
        }
        if kept.last().is_some_and(|k| p - k < EDGE) {
            continue;
        }
        kept.push(p);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        breakable(s).replace('\u{AD}', "|")
    }

    #[test]
    fn compounds_break_between_their_parts_only() {
        assert_eq!(shown("de verwerkersovereenkomst"), "de verwerkers|overeenkomst");
        assert_eq!(shown("Standaardcontractbepalingen"), "Standaard|contract|bepalingen");
        assert_eq!(shown("beveiligingsdocumentatie."), "beveiligings|documentatie.");
        assert_eq!(shown("persoonsgegevens"), "persoons|gegevens");
        // Short words, unknown compounds and hyphenated words stay whole.
        assert_eq!(shown("verwerker"), "verwerker");
        assert_eq!(shown("onbekendesamenstelling"), "onbekendesamenstelling");
        assert_eq!(shown("end-to-end-versleuteling"), "end-to-end-versleuteling");
        assert_eq!(shown("Privacyconvenant"), "Privacy|convenant");
    }

    #[test]
    fn technical_tokens_break_after_separators() {
        assert_eq!(
            breakable("content_analysis.attention_tracking"),
            "content_<wbr>analysis.<wbr>attention_<wbr>tracking"
        );
        assert_eq!(breakable("/etc/cron.daily/x"), "/etc/<wbr>cron.<wbr>daily/<wbr>x");
        assert_eq!(breakable("a.b"), "a.b");
        assert_eq!(breakable("<b> & c"), "&lt;b&gt; &amp; c");
    }
}
