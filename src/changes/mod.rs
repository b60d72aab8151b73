//! What changed between two extracted texts of a policy document: a readable diff, and which
//! criteria the changed passages may touch.
//!
//! The diff is line-based (one line is one block of the document), shows [`CONTEXT`] unchanged
//! lines around each change rather than the whole document, and marks the changed words inside a
//! line that was edited rather than rewritten: `~ We share data with [-partners-]{+advertisers+}.`
//! [`criteria_touched`] maps keywords in the changed lines to criterion ids (see [`keywords`]).

pub mod keywords;

use std::time::Duration;

use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

pub use keywords::criteria_touched;

/// Unchanged lines shown before and after each change.
pub const CONTEXT: usize = 2;

/// A changed line and its new version are shown as one edited line when at least this share of
/// their words is the same; otherwise as a removed and an added line.
const PAIR_RATIO: f32 = 0.5;

/// One line of a diff: kept for context, removed from the old text, or added in the new.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Line {
    Context(String),
    Removed(String),
    Added(String),
}

/// A run of words in an edited line: the same in both versions, removed, or added.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "text")]
pub enum Segment {
    Same(String),
    Removed(String),
    Added(String),
}

/// One row of a hunk as shown to a reader.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Row {
    Context {
        text: String,
    },
    Removed {
        text: String,
    },
    Added {
        text: String,
    },
    /// A line edited in place: its old and new text and the word-level changes.
    Edited {
        old: String,
        new: String,
        words: Vec<Segment>,
    },
}

/// Neighbouring changes with their context; line numbers start at 1.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Hunk {
    pub old_start: usize,
    pub new_start: usize,
    pub rows: Vec<Row>,
}

/// The difference between the old and the new text of a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diff {
    /// Changed lines with their context, hunk after hunk, without word marks.
    pub lines: Vec<Line>,
    /// The same changes grouped in hunks, with word-level marks in edited lines.
    pub hunks: Vec<Hunk>,
}

impl Diff {
    /// True when the texts are the same.
    pub fn is_empty(&self) -> bool {
        !self.lines.iter().any(|l| !matches!(l, Line::Context(_)))
    }

    /// The changed lines' text, old and new, for keyword matching.
    pub fn changed_text(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().filter_map(|l| match l {
            Line::Removed(t) | Line::Added(t) => Some(t.as_str()),
            Line::Context(_) => None,
        })
    }

    /// The diff as text: a `@@ line N @@` header per hunk, then `  ` context, `- ` removed,
    /// `+ ` added and `~ ` edited lines, with `[-removed words-]{+added words+}` in edited lines.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for (i, h) in self.hunks.iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            if h.old_start == h.new_start {
                s.push_str(&format!("@@ line {} @@\n", h.new_start));
            } else {
                s.push_str(&format!("@@ line {} (was {}) @@\n", h.new_start, h.old_start));
            }
            for row in &h.rows {
                match row {
                    Row::Context { text } => push_row(&mut s, ' ', text),
                    Row::Removed { text } => push_row(&mut s, '-', text),
                    Row::Added { text } => push_row(&mut s, '+', text),
                    Row::Edited { words, .. } => push_row(&mut s, '~', &marked(words)),
                }
            }
        }
        s
    }
}

fn push_row(s: &mut String, mark: char, text: &str) {
    s.push(mark);
    s.push(' ');
    s.push_str(text);
    s.push('\n');
}

/// An edited line with `[-...-]` around removed and `{+...+}` around added words.
pub fn marked(words: &[Segment]) -> String {
    let mut s = String::new();
    for w in words {
        match w {
            Segment::Same(t) => s.push_str(t),
            Segment::Removed(t) => {
                s.push_str("[-");
                s.push_str(t);
                s.push_str("-]");
            }
            Segment::Added(t) => {
                s.push_str("{+");
                s.push_str(t);
                s.push_str("+}");
            }
        }
    }
    s
}

/// Compares two texts line by line, with word-level marks inside edited lines.
pub fn diff(old: &str, new: &str) -> Diff {
    let d = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(Duration::from_secs(5))
        .diff_lines(old, new);
    let old_lines: Vec<&str> = d.old_slices().iter().map(|l| l.trim_end_matches('\n')).collect();
    let new_lines: Vec<&str> = d.new_slices().iter().map(|l| l.trim_end_matches('\n')).collect();
    let mut lines = Vec::new();
    let mut hunks = Vec::new();
    for group in d.grouped_ops(CONTEXT) {
        let Some(first) = group.first() else { continue };
        let mut hunk = Hunk {
            old_start: first.old_range().start + 1,
            new_start: first.new_range().start + 1,
            rows: Vec::new(),
        };
        for op in &group {
            let (o, n) = (op.old_range(), op.new_range());
            match op {
                DiffOp::Equal { .. } => {
                    for t in &old_lines[o] {
                        lines.push(Line::Context((*t).to_owned()));
                        hunk.rows.push(Row::Context { text: (*t).to_owned() });
                    }
                }
                _ => {
                    let (olds, news) = (&old_lines[o], &new_lines[n]);
                    lines.extend(olds.iter().map(|t| Line::Removed((*t).to_owned())));
                    lines.extend(news.iter().map(|t| Line::Added((*t).to_owned())));
                    hunk.rows.extend(pair_rows(olds, news));
                }
            }
        }
        hunks.push(hunk);
    }
    // `grouped_ops` reports one empty group for identical texts.
    if lines.iter().all(|l| matches!(l, Line::Context(_))) {
        lines.clear();
        hunks.clear();
    }
    Diff { lines, hunks }
}

/// Rows for a block of removed lines replaced by added lines: lines that are edits of each other
/// (in order) become [`Row::Edited`], the rest are shown as removed and added.
fn pair_rows(olds: &[&str], news: &[&str]) -> Vec<Row> {
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < olds.len() || j < news.len() {
        if i < olds.len() && j < news.len() {
            let words = word_diff(olds[i], news[j]);
            if let Some(words) = words {
                rows.push(Row::Edited {
                    old: olds[i].to_owned(),
                    new: news[j].to_owned(),
                    words,
                });
                i += 1;
                j += 1;
                continue;
            }
        }
        // Not an edit of each other, or one side is used up: show the old line first while at
        // least as many old lines as new ones remain.
        if j == news.len() || (i < olds.len() && olds.len() - i >= news.len() - j) {
            rows.push(Row::Removed {
                text: olds[i].to_owned(),
            });
            i += 1;
        } else {
            rows.push(Row::Added {
                text: news[j].to_owned(),
            });
            j += 1;
        }
    }
    rows
}

/// The word-level changes from `old` to `new`, or `None` when too little is the same for the
/// marks to help a reader.
fn word_diff(old: &str, new: &str) -> Option<Vec<Segment>> {
    let d = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_millis(200))
        .diff_words(old, new);
    if d.ratio() < PAIR_RATIO {
        return None;
    }
    // Group runs of changed words, absorbing single spaces between them, into one removed and one
    // added segment so that `[-a b-]{+c d+}` reads as a phrase.
    let mut out: Vec<Segment> = Vec::new();
    let (mut removed, mut added, mut gap) = (String::new(), String::new(), String::new());
    let flush = |out: &mut Vec<Segment>, removed: &mut String, added: &mut String| {
        if !removed.is_empty() {
            out.push(Segment::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            out.push(Segment::Added(std::mem::take(added)));
        }
    };
    for change in d.iter_all_changes() {
        let v = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                let in_change = !removed.is_empty() || !added.is_empty();
                if in_change && v.trim().is_empty() {
                    gap.push_str(v);
                    continue;
                }
                flush(&mut out, &mut removed, &mut added);
                push_same(&mut out, &std::mem::take(&mut gap));
                push_same(&mut out, v);
            }
            ChangeTag::Delete | ChangeTag::Insert => {
                if !gap.is_empty() {
                    if !removed.is_empty() {
                        removed.push_str(&gap);
                    }
                    if !added.is_empty() {
                        added.push_str(&gap);
                    }
                    gap.clear();
                }
                if change.tag() == ChangeTag::Delete {
                    removed.push_str(v);
                } else {
                    added.push_str(v);
                }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    push_same(&mut out, &gap);
    Some(out)
}

fn push_same(out: &mut Vec<Segment>, v: &str) {
    if v.is_empty() {
        return;
    }
    if let Some(Segment::Same(last)) = out.last_mut() {
        last.push_str(v);
    } else {
        out.push(Segment::Same(v.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_have_an_empty_diff() {
        let d = diff("a\nb\n", "a\nb\n");
        assert!(d.is_empty());
        assert_eq!(d.to_text(), "");
    }

    #[test]
    fn edited_line_is_marked_word_by_word_with_context() {
        let old = "# Privacy\nintro\nWe share data with our partners.\nEnd one\nEnd two\nEnd three\nEnd four";
        let new =
            "# Privacy\nintro\nWe share data with our advertising partners.\nEnd one\nEnd two\nEnd three\nEnd four";
        let text = diff(old, new).to_text();
        assert_eq!(
            text,
            "@@ line 1 @@\n  # Privacy\n  intro\n~ We share data with our {+advertising +}partners.\n  End one\n  End two\n"
        );
    }

    #[test]
    fn rewritten_line_is_removed_and_added() {
        let text = diff("keep\nold sentence here\n", "keep\ncompletely different words now\n").to_text();
        assert!(
            text.contains("- old sentence here\n+ completely different words now\n"),
            "{text}"
        );
    }
}
