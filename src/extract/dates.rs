//! Finds the date a policy says it was last updated or takes effect ("Last updated: 5 March 2024",
//! "Effective date: 2024-03-05", "Laatst bijgewerkt op 5 maart 2024", "Gewijzigd op 05-03-2024"),
//! in English and Dutch, and returns the date as written.

use std::sync::OnceLock;

use regex::Regex;

const LABEL: &str = r"(?:last\s+(?:updated|modified|revised|changed|amended)|updated|revised|effective(?:\s+date|\s+as\s+of|\s+from|\s+on)?|date\s+of\s+(?:last\s+)?(?:update|revision|effect)|laatst(?:e)?\s+(?:bijgewerkt|gewijzigd|aangepast|herzien|update|wijziging)|gewijzigd\s+op|bijgewerkt\s+op|aangepast\s+op|ingangsdatum|datum\s+(?:van\s+)?inwerkingtreding|van\s+kracht\s+(?:per|vanaf|sinds|op)|geldig\s+(?:vanaf|per|sinds)|versiedatum)";

const MONTH: &str = r"(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch)?|maart|mrt|apr(?:il)?|may|mei|june?|juni|july?|juli|aug(?:ust|ustus)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let date = format!(
            r"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|{m}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{m},?\s+\d{{4}}|{m}\s+\d{{4}})",
            m = MONTH
        );
        // Matched against an ASCII-lowercased copy of the text, case-sensitively: the labels then
        // are plain literals that the regex engine looks for with a fast prefilter instead of
        // running its automaton over every byte. Labels and dates are ASCII; the text is already
        // normalised, so its only spaces are ASCII spaces.
        Regex::new(&format!(
            r"(?-u:\b{LABEL}\b)[^\n\d]{{0,24}}?(?-u:\b(?P<date>{date})\b)"
        ))
        .expect("valid date pattern")
    })
}

/// The first "last updated" or "effective" date stated in `text`, as written.
pub fn last_updated(text: &str) -> Option<String> {
    // ASCII lowercasing keeps every byte offset, so the match is cut from the text as written.
    let lower = text.to_ascii_lowercase();
    let date = pattern().captures(&lower)?.name("date")?.range();
    text.get(date).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::last_updated;

    #[test]
    fn english_and_dutch_labels() {
        let cases = [
            ("# Privacy\nLast updated: March 5, 2024\nWe collect", "March 5, 2024"),
            ("Effective date: 2024-03-05", "2024-03-05"),
            (
                "This policy was last modified on 5th of January 2023.",
                "5th of January 2023",
            ),
            ("Laatst bijgewerkt op 5 maart 2024", "5 maart 2024"),
            ("Gewijzigd op 05-03-2024", "05-03-2024"),
            ("Ingangsdatum: 1 jan. 2025", "1 jan. 2025"),
            ("Updated December 2022", "December 2022"),
        ];
        for (text, want) in cases {
            assert_eq!(last_updated(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn no_date_or_unrelated_date() {
        assert_eq!(last_updated("We keep recordings for 30 days."), None);
        assert_eq!(last_updated("Founded on 5 March 2001.\nLast updated:\n2024"), None);
    }
}
