//! The change report's content: a readable diff with context, word marks and criteria.

use vcaudit::changes::{criteria_touched, diff, Row, Segment};

fn policy(retention: &str, extra: &str) -> String {
    let mut lines: Vec<String> = (1..=20)
        .map(|i| format!("Section {i} text that stays the same."))
        .collect();
    lines[9] = format!("Recordings are kept for {retention} and then deleted.");
    if !extra.is_empty() {
        lines.insert(15, extra.to_owned());
    }
    lines.join("\n")
}

#[test]
fn only_hunks_with_context_are_shown_not_the_whole_document() {
    let d = diff(
        &policy("30 days", ""),
        &policy("90 days", "Wij delen gegevens met derden voor advertenties."),
    );
    let text = d.to_text();
    assert_eq!(d.hunks.len(), 2, "{text}");
    assert!(
        text.contains("~ Recordings are kept for [-30-]{+90+} days and then deleted.\n"),
        "{text}"
    );
    assert!(
        text.contains("+ Wij delen gegevens met derden voor advertenties.\n"),
        "{text}"
    );
    assert!(text.contains("  Section 9 text that stays the same.\n"), "{text}");
    assert!(!text.contains("Section 1 text"), "{text}");
    assert!(!text.contains("Section 20 text"), "{text}");
    assert_eq!(
        criteria_touched(&d),
        [
            "no-secondary-use",
            "no-third-party-sharing",
            "recording-control",
            "recording-storage"
        ]
    );
}

#[test]
fn edited_rows_carry_old_new_and_word_segments() {
    let d = diff("a\nWe use Google Analytics.\nb", "a\nWe use Matomo.\nb");
    let rows: Vec<&Row> = d.hunks.iter().flat_map(|h| &h.rows).collect();
    let edited = rows.iter().find_map(|r| match r {
        Row::Edited { old, new, words } => Some((old, new, words)),
        _ => None,
    });
    let (old, new, words) = edited.expect("an edited row");
    assert_eq!(
        (old.as_str(), new.as_str()),
        ("We use Google Analytics.", "We use Matomo.")
    );
    assert_eq!(
        words,
        &[
            Segment::Same("We use ".into()),
            Segment::Removed("Google Analytics.".into()),
            Segment::Added("Matomo.".into()),
        ]
    );
    assert_eq!(criteria_touched(&d), ["no-own-analytics"]);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["hunks"][0]["rows"][1]["kind"], "edited");
}

#[test]
fn unchanged_text_touches_no_criteria() {
    let d = diff(&policy("30 days", ""), &policy("30 days", ""));
    assert!(d.is_empty());
    assert!(d.hunks.is_empty());
    assert!(criteria_touched(&d).is_empty());
}
