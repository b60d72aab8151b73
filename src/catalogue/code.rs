//! The stable codes of catalogue diagnostics. Every problem the loader or the checks can find in a
//! vendor file has one code, printed with it (`error[unknown-key]: ...`) and given as `code` by
//! `validate --format json`, so that scripts and tests tell problems apart without reading their
//! English. Each code has a fixed level. The codes are documented in `docs/catalogue-format.md`
//! (a test below keeps that table complete); a code is never renamed nor reused for another problem.

use std::fmt;

use super::diag::Level;

/// What kind of problem a catalogue diagnostic reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// A vendor file over the size limit.
    FileTooLarge,
    /// A vendor file that is not UTF-8 text.
    NotUtf8,
    /// A vendor file with nothing but blank lines and comments.
    EmptyFile,
    /// A catalogue directory without `*.toml` files.
    NoVendorFiles,
    /// A file that is not TOML: the parser's own message and position.
    Syntax,
    /// A key the format does not have.
    UnknownKey,
    /// A required key that is not there.
    MissingKey,
    /// A value of the wrong TOML type.
    WrongType,
    /// A `[terms.GROUP]` that is not a term group.
    UnknownTermGroup,
    /// A `[terms.GROUP.NAME]` that is not a term.
    UnknownTerm,
    /// A vendor, document or offering id that is not lowercase letters, digits and `-`.
    InvalidId,
    /// A vendor id that differs from the file name.
    IdMismatch,
    /// A document or offering id used twice in one file.
    DuplicateId,
    /// A vendor alias that another vendor also uses, or that is another vendor's id.
    AliasConflict,
    /// A headquarters that is not an ISO 3166-1 alpha-2 code.
    InvalidCountry,
    /// A value outside the allowed set (status, document kind, a term's values).
    InvalidValue,
    /// A URL that is not an absolute http(s) URL with a host.
    InvalidUrl,
    /// A CSS selector that cannot be parsed.
    InvalidSelector,
    /// A date that is not a plain calendar day.
    InvalidDate,
    /// A date after today (or after the `--as-of` day).
    FutureDate,
    /// `status` and `retired` disagree.
    RetiredStatus,
    /// A claim's `source` that is neither a document of the vendor nor a URL.
    UnknownDocument,
    /// An offering named in a claim or finding that the vendor does not have.
    UnknownOffering,
    /// Two claims for one term in the same scope.
    DuplicateScope,
    /// An empty `source`, `quote`, `note` or condition, or a blank text value.
    EmptyText,
    /// One condition id of a vendor with two different texts.
    ConditionConflict,
    /// A claim whose source is a URL but says nothing of who published it.
    MissingSourceKind,
    /// A source on a host known to mirror or aggregate other people's pages.
    MirrorSource,
    /// Evidence verified longer ago than the profile's maximum age.
    StaleEvidence,
}

impl Code {
    /// Every code, in the order of the documentation.
    pub const ALL: &'static [Code] = &[
        Code::FileTooLarge,
        Code::NotUtf8,
        Code::EmptyFile,
        Code::NoVendorFiles,
        Code::Syntax,
        Code::UnknownKey,
        Code::MissingKey,
        Code::WrongType,
        Code::UnknownTermGroup,
        Code::UnknownTerm,
        Code::InvalidId,
        Code::IdMismatch,
        Code::DuplicateId,
        Code::AliasConflict,
        Code::InvalidCountry,
        Code::InvalidValue,
        Code::InvalidUrl,
        Code::InvalidSelector,
        Code::InvalidDate,
        Code::FutureDate,
        Code::RetiredStatus,
        Code::UnknownDocument,
        Code::UnknownOffering,
        Code::DuplicateScope,
        Code::EmptyText,
        Code::ConditionConflict,
        Code::MissingSourceKind,
        Code::MirrorSource,
        Code::StaleEvidence,
    ];

    /// The code as printed and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::FileTooLarge => "file-too-large",
            Code::NotUtf8 => "not-utf8",
            Code::EmptyFile => "empty-file",
            Code::NoVendorFiles => "no-vendor-files",
            Code::Syntax => "syntax",
            Code::UnknownKey => "unknown-key",
            Code::MissingKey => "missing-key",
            Code::WrongType => "wrong-type",
            Code::UnknownTermGroup => "unknown-term-group",
            Code::UnknownTerm => "unknown-term",
            Code::InvalidId => "invalid-id",
            Code::IdMismatch => "id-mismatch",
            Code::DuplicateId => "duplicate-id",
            Code::AliasConflict => "alias-conflict",
            Code::InvalidCountry => "invalid-country",
            Code::InvalidValue => "invalid-value",
            Code::InvalidUrl => "invalid-url",
            Code::InvalidSelector => "invalid-selector",
            Code::InvalidDate => "invalid-date",
            Code::FutureDate => "future-date",
            Code::RetiredStatus => "retired-status",
            Code::UnknownDocument => "unknown-document",
            Code::UnknownOffering => "unknown-offering",
            Code::DuplicateScope => "duplicate-scope",
            Code::EmptyText => "empty-text",
            Code::ConditionConflict => "condition-conflict",
            Code::MissingSourceKind => "missing-source-kind",
            Code::MirrorSource => "mirror-source",
            Code::StaleEvidence => "stale-evidence",
        }
    }

    /// How bad a problem of this kind is: old evidence and a mirror as source are warnings.
    pub fn level(self) -> Level {
        match self {
            Code::StaleEvidence | Code::MirrorSource => Level::Warning,
            _ => Level::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_kebab_case() {
        for (i, c) in Code::ALL.iter().enumerate() {
            assert!(
                c.as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{c}"
            );
            assert!(Code::ALL[i + 1..].iter().all(|o| o.as_str() != c.as_str()), "{c} twice");
        }
    }

    /// Every code has its row in the table of `docs/catalogue-format.md`, with its level, and the
    /// table has no other codes.
    #[test]
    fn every_code_is_documented() {
        let doc = include_str!("../../docs/catalogue-format.md");
        let rows: Vec<(&str, &str)> = doc
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| {
                let (code, rest) = l.split_once('`')?;
                let level = rest.split('|').nth(2)?.trim();
                Some((code, level))
            })
            .filter(|(_, level)| matches!(*level, "error" | "warning"))
            .collect();
        for c in Code::ALL {
            let level = match c.level() {
                Level::Error => "error",
                Level::Warning => "warning",
            };
            assert!(
                rows.contains(&(c.as_str(), level)),
                "`{c}` ({level}) is not in the table"
            );
        }
        assert_eq!(rows.len(), Code::ALL.len(), "{rows:?}");
    }
}
