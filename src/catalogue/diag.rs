//! Diagnostics about catalogue and profile files: what is wrong, where (file, line, column, dotted
//! key), its stable [`Code`] and, where one is obvious, what was probably meant. The loader and the
//! checks collect them for one file in a [`Sink`]; `validate` prints them all at once.

use std::fmt;

use super::code::Code;

/// How bad a problem is: errors make the catalogue unusable, warnings do not. (Not to be confused
/// with a criterion's severity, `criteria::Severity`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Level,
    /// What kind of problem it is; every catalogue diagnostic has one, a profile's have none yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Code>,
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
            Level::Error => "error",
            Level::Warning => "warning",
        };
        // Values quoted from a file are shown with their control characters spelt out.
        use crate::terminal::visible;
        match self.code {
            Some(code) => write!(f, "{level}[{code}]: {}", visible(&self.file))?,
            None => write!(f, "{level}: {}", visible(&self.file))?,
        }
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

/// Collects the diagnostics of one file, turning byte offsets into lines and columns; each
/// diagnostic's level is its code's.
pub struct Sink<'a> {
    file: &'a str,
    lines: LineIndex<'a>,
    found: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Sink {
            file,
            lines: LineIndex::new(text),
            found: Vec::new(),
        }
    }

    /// A problem at a byte offset of the file, about the value of the dotted `key`.
    pub fn at(&mut self, code: Code, offset: usize, key: &str, message: impl Into<String>, help: Option<String>) {
        let (line, column) = self.lines.position(offset);
        self.found.push(Diagnostic {
            line,
            column,
            key: key.to_owned(),
            ..whole_file(code, self.file, message.into(), help)
        });
    }

    /// A problem of the whole file, with no position nor key (a missing top-level key).
    pub fn whole(&mut self, code: Code, message: impl Into<String>, help: Option<String>) {
        self.found.push(whole_file(code, self.file, message.into(), help));
    }

    /// The file's name as shown in messages.
    pub fn file(&self) -> &'a str {
        self.file
    }

    /// The 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(offset)
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.position(offset).0
    }

    /// Whether any error was found so far.
    pub fn has_errors(&self) -> bool {
        self.found.iter().any(|d| d.severity == Level::Error)
    }

    /// Every diagnostic, in the order the lines they are on: problems of the whole file first,
    /// problems at the same place in the order they were found.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.found.sort_by_key(|d| (d.line, d.column));
        self.found
    }
}

/// A diagnostic about a whole file, with no position nor key.
pub fn whole_file(code: Code, file: &str, message: String, help: Option<String>) -> Diagnostic {
    Diagnostic {
        severity: code.level(),
        code: Some(code),
        file: file.to_owned(),
        line: 0,
        column: 0,
        key: String::new(),
        message,
        help,
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
    describe_kind(v.type_str(), v.as_str())
}

/// As [`describe`], for a value of the parsed tree.
pub fn describe_de(v: &toml::de::DeValue<'_>) -> String {
    describe_kind(v.type_str(), v.as_str())
}

fn describe_kind(kind: &str, string: Option<&str>) -> String {
    match (kind, string) {
        (_, Some(s)) => format!("the string \"{s}\""),
        ("integer", _) => "an integer".into(),
        ("array", _) => "an array".into(),
        (other, _) => format!("a {other}"),
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
