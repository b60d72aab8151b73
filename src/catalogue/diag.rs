//! Diagnostics about catalogue and profile files: what is wrong, where (file, line, column, dotted
//! key) and, where one is obvious, what was probably meant. The loader and the checker collect them;
//! `validate` prints them all at once.

use std::fmt;

/// How bad a problem is: errors make the catalogue unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub column: usize,
    /// Dotted key, e.g. `terms.hosting.eu_residency[1].verified`; empty for the whole file.
    pub key: String,
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Values quoted from a file are shown with their control characters spelt out.
        use crate::terminal::visible;
        write!(f, "{level}: {}", visible(&self.file))?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        if !self.key.is_empty() {
            write!(f, ": `{}`", visible(&self.key))?;
        }
        write!(f, ": {}", visible(&self.message))?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", visible(help))?;
        }
        Ok(())
    }
}

/// Turns byte offsets of one source text into 1-based line and column numbers. The line starts are
/// found once, so that a file with thousands of problems is still read in linear time.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of every line.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        // memchr's iterator: `str`'s searcher starts afresh on every (short) line.
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The byte range of every line, its newline included.
    pub fn spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let ends = self
            .starts
            .iter()
            .skip(1)
            .copied()
            .chain(std::iter::once(self.text.len()));
        self.starts.iter().copied().zip(ends)
    }

    /// Line and column (in characters) of a byte offset; clamps offsets past the end.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let line_start = self.starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

/// The candidate closest to `given`, when it is close enough to be a likely typo.
pub fn closest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A "did you mean" help line, when a close candidate exists.
pub fn did_you_mean<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(given, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// A TOML value's kind for a "found …" message: the string itself when it is one.
pub fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("the string \"{s}\""),
        toml::Value::Integer(_) => "an integer".into(),
        toml::Value::Array(_) => "an array".into(),
        other => format!("a {}", other.type_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let idx = LineIndex::new("a = 1\nbé = 2\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(6), (2, 1));
        assert_eq!(idx.position(9), (2, 3));
        assert_eq!(idx.position(999), (3, 1));
    }

    #[test]
    fn suggests_only_close_names() {
        assert_eq!(closest("verifed", ["verified", "value"]), Some("verified"));
        assert_eq!(closest("zzz", ["verified", "value"]), None);
    }
}
