//! Reading vendor files: from a directory given with `--catalogue`, or from the catalogue compiled
//! into the binary. Each file is decoded (UTF-8, size limit) and parsed into the raw serde shape,
//! with spans kept so that the checker can name line and column. Problems become diagnostics;
//! nothing here panics on input.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde::Deserialize;
use toml::Spanned;

use super::diag::{did_you_mean, Diagnostic, LineIndex, Severity};

/// The shipped catalogue, compiled in so the binary works from any directory.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/vendors");

/// Vendor files larger than this are refused: a hand-written vendor file is a few dozen KiB.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// One vendor file: its name as shown in messages, its stem, and where its bytes are.
pub struct SourceFile {
    pub display: String,
    pub stem: String,
    content: Content,
}

enum Content {
    /// Compiled into the binary.
    Static(&'static [u8]),
    /// On disk, read when parsed: a large catalogue is read by the threads that parse it, and a
    /// file's bytes live only as long as its check.
    Path(PathBuf),
}

impl SourceFile {
    /// The file's bytes. A file over the size limit is not read whole: its first bytes past the
    /// limit are enough to report it.
    fn read(&self) -> std::io::Result<Cow<'_, [u8]>> {
        match &self.content {
            Content::Static(b) => Ok(Cow::Borrowed(b)),
            Content::Path(path) => {
                let file = std::fs::File::open(path)?;
                // Sized from the file's length: reading into a growing buffer took ten reads a file.
                let len = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES + 1);
                let mut bytes = Vec::with_capacity(len as usize + 1);
                file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
                Ok(Cow::Owned(bytes))
            }
        }
    }
}

/// The files of the embedded catalogue.
pub fn embedded_files() -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = EMBEDDED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .map(|f| SourceFile {
            display: format!("vendors/{}", f.path().display()),
            stem: stem_of(f.path()),
            content: Content::Static(f.contents()),
        })
        .collect();
    files.sort_by(|a, b| a.display.cmp(&b.display));
    files
}

/// The `*.toml` files of a directory, not yet read; an unreadable directory is an I/O error.
pub fn dir_files(dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        // The directory listing says what an entry is; only a link needs a look at its target
        // (a `stat` for each of 10,000 files took longer than listing them).
        let file = match entry.file_type() {
            Ok(t) if !t.is_symlink() => t.is_file(),
            _ => path.is_file(),
        };
        if !file {
            continue;
        }
        files.push(SourceFile {
            display: path.display().to_string(),
            stem: stem_of(&path),
            content: Content::Path(path),
        });
    }
    files.sort_by(|a, b| a.display.cmp(&b.display));
    Ok(files)
}

fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A vendor file as written, before the checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVendor {
    pub id: Spanned<String>,
    pub name: String,
    pub company: String,
    pub headquarters: Spanned<String>,
    pub open_source: bool,
    pub self_hostable: bool,
    pub status: Spanned<String>,
    pub retired: Option<Spanned<toml::value::Datetime>>,
    pub website: Option<Spanned<String>>,
    pub description: Option<String>,
    #[serde(default)]
    pub documents: Vec<Spanned<RawDocument>>,
    #[serde(default)]
    pub offerings: Vec<Spanned<RawOffering>>,
    #[serde(default)]
    pub findings: Vec<Spanned<RawFinding>>,
    /// Always absent here: `[terms]` is taken out of the parsed file before the rest is
    /// deserialized, and its claims are deserialized one by one by the checks (see [`RawTerms`]).
    /// Declared so that messages about misspelt keys still list it.
    #[serde(default)]
    pub terms: Option<serde::de::IgnoredAny>,
}

/// A vendor file's `[terms]` as parsed, borrowing the file's text: groups of terms whose values
/// are claim tables or arrays of them. Claims are deserialized one at a time by the checks, so that
/// each broken claim gets its own diagnostic and the rest of the file is still checked.
pub type RawTerms<'i> = toml::de::DeTable<'i>;

/// A parsed vendor file: everything but its terms, and its terms.
pub struct Parsed<'i> {
    pub vendor: RawVendor,
    pub terms: RawTerms<'i>,
    /// Top-level keys that were wrong; the vendor then holds stand-ins for them.
    pub problems: Problems,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub url: Spanned<String>,
    #[serde(default)]
    pub select: Vec<Spanned<String>>,
    #[serde(default)]
    pub remove: Vec<Spanned<String>>,
    pub title: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOffering {
    pub id: Spanned<String>,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFinding {
    pub date: Spanned<toml::value::Datetime>,
    pub by: String,
    pub outcome: String,
    pub summary: String,
    pub source: Spanned<String>,
    #[serde(default)]
    pub offerings: Vec<Spanned<String>>,
}

/// One claim as written; deserialized from the term's value after the file parsed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub value: toml::Value,
    pub source: String,
    /// Always absent here: `verified` is taken out of the table before deserializing (a TOML date
    /// does not survive a second deserialization, and passing it through one costs a round trip
    /// through text). Declared so that messages about misspelt keys still list it.
    #[serde(default)]
    pub verified: Option<serde::de::IgnoredAny>,
    pub quote: Option<String>,
    pub note: Option<String>,
    #[serde(default)]
    pub conditions: Vec<String>,
    #[serde(default)]
    pub conditions_nl: Vec<String>,
    #[serde(default)]
    pub offerings: Vec<String>,
}

/// The keys a claim table accepts, for suggestions.
pub const CLAIM_KEYS: &[&str] = &[
    "value",
    "source",
    "verified",
    "quote",
    "note",
    "conditions",
    "conditions_nl",
    "offerings",
];

/// The top-level keys of a vendor file, for suggestions; the required ones first.
const VENDOR_KEYS: &[&str] = &[
    "id",
    "name",
    "company",
    "headquarters",
    "open_source",
    "self_hostable",
    "status",
    "retired",
    "website",
    "description",
    "documents",
    "offerings",
    "findings",
    "terms",
];

/// Reads and decodes one file. An unreadable file is an I/O error; a file that is not text is a
/// diagnostic that says why and where.
pub fn read(file: &SourceFile) -> std::io::Result<Result<String, Diagnostic>> {
    let bytes = file.read()?;
    Ok(decode(&file.display, bytes))
}

/// A diagnostic about a whole file, with no position.
fn whole_file(display: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: display.to_owned(),
        line: 0,
        column: 0,
        key: String::new(),
        message,
        help: None,
    }
}

/// Decodes one file's bytes (size limit, UTF-8, not empty); `display` names the file in
/// diagnostics.
pub fn decode(display: &str, bytes: Cow<'_, [u8]>) -> Result<String, Diagnostic> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(whole_file(
            display,
            format!(
                "file is larger than {} KiB; a vendor file is plain hand-written TOML",
                MAX_FILE_BYTES / 1024
            ),
        ));
    }
    // An owned buffer (a file read from disk) becomes the text without a copy.
    let text = match String::from_utf8(bytes.into_owned()) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let valid = String::from_utf8_lossy(&bytes[..e.utf8_error().valid_up_to()]).into_owned();
            let (line, column) = LineIndex::new(&valid).position(valid.len());
            return Err(Diagnostic {
                line,
                column,
                ..whole_file(display, "file is not valid UTF-8 text (save it as UTF-8)".into())
            });
        }
    };
    if text.lines().map(str::trim).all(|l| l.is_empty() || l.starts_with('#')) {
        return Err(whole_file(
            display,
            "file is empty; a vendor file needs at least id, name and company".into(),
        ));
    }
    Ok(text)
}

/// Parses a decoded file into its raw shape. A TOML syntax error, a missing or misspelt key or a
/// value of the wrong type is a diagnostic with line, column and key. When top-level keys are
/// wrong, every one of them is reported (see [`recover`]): `Ok` then carries those problems in
/// [`Parsed::problems`] and the file can still have its claims checked; `Err` means it cannot.
pub fn parse<'i>(display: &str, stem: &str, text: &'i str) -> Result<Parsed<'i>, Vec<Diagnostic>> {
    let as_diagnostic = |err: toml::de::Error| {
        // A problem of the whole file (a missing top-level key) has no line, nor a key of its own.
        let whole = err.message().starts_with("missing field") && err.span().is_some_and(|s| s.start == 0);
        let offset = err.span().map(|s| s.start).filter(|_| !whole);
        let (line, column) = offset.map_or((0, 0), |o| LineIndex::new(text).position(o));
        let message = one_line(err.message());
        let help = unknown_field_help(&message);
        let key = offset.map(|o| key_at(text, o)).unwrap_or_default();
        Diagnostic {
            line,
            column,
            key,
            help,
            ..whole_file(display, message)
        }
    };
    let mut doc = toml::de::DeTable::parse(text).map_err(|e| vec![as_diagnostic(e)])?;
    let terms = doc.get_mut().remove("terms");
    let (vendor, problems) = match RawVendor::deserialize(toml::de::Deserializer::from(doc)) {
        Ok(vendor) => (vendor, Problems::default()),
        Err(first) => recover(text, stem, first, as_diagnostic)?,
    };
    let terms = match terms.map(|t| (t.span(), t.into_inner())) {
        None => RawTerms::new(),
        Some((_, toml::de::DeValue::Table(groups)))
            if groups
                .values()
                .all(|g| matches!(g.get_ref(), toml::de::DeValue::Table(_))) =>
        {
            groups
        }
        Some((span, other)) => {
            // Not a table of tables: the same message as for any other key of the wrong type.
            let err = BTreeMap::<String, BTreeMap<String, serde::de::IgnoredAny>>::deserialize(
                toml::de::ValueDeserializer::from(Spanned::new(span, other)),
            )
            .err()
            .unwrap_or_else(|| serde::de::Error::custom("expected a table of term groups"));
            let mut all = problems.found;
            all.push(as_diagnostic(err));
            return Err(all);
        }
    };
    Ok(Parsed {
        vendor,
        terms,
        problems,
    })
}

/// The required top-level keys, the first seven of [`VENDOR_KEYS`]: a wrong or missing value is
/// stood in for (by the file's name for `id`, an empty value of the right type for the others),
/// so that the rest of the file is still read, and the checks' own word on the stand-in is not
/// reported.
const STAND_INS: &[&str] = VENDOR_KEYS.split_at(7).0;

/// Top-level keys that can be left out without the checks of the claims going wrong: claims cite
/// documents and offerings, so those cannot.
const LEAVE_OUTS: &[&str] = &["retired", "website", "description", "findings"];

/// At most this many wrong top-level keys are looked for: each one reads the file again.
const MAX_TOP_LEVEL_PROBLEMS: usize = 20;

/// What was wrong at the top level of a file that could still be read.
#[derive(Default)]
pub struct Problems {
    /// The diagnostics, in the order they were found.
    pub found: Vec<Diagnostic>,
    /// Keys whose value was stood in for or left out.
    pub keys: Vec<String>,
}

/// After a top-level key was found wrong (`first`), reads the file again without it: a misspelt
/// or unexpected key is left out, a wrong value of a checked key is stood in for, until the rest
/// reads; a missing key that is checked further on is stood in for too. So one wrong key does not
/// hide the others. `Err` when a key that cannot be left out or stood in for (`documents`,
/// `offerings`) stops the reading, or after [`MAX_TOP_LEVEL_PROBLEMS`].
fn recover(
    text: &str,
    stem: &str,
    first: toml::de::Error,
    as_diagnostic: impl Fn(toml::de::Error) -> Diagnostic,
) -> Result<(RawVendor, Problems), Vec<Diagnostic>> {
    let mut problems = Problems::default();
    let mut at = first.span().map(|s| s.start);
    problems.found.push(as_diagnostic(first));
    while problems.found.len() < MAX_TOP_LEVEL_PROBLEMS {
        let Ok(mut doc) = toml::de::DeTable::parse(text) else {
            break;
        };
        let table = doc.get_mut();
        table.remove("terms");
        let missing = problems.found.last().and_then(|d| missing_field(&d.message));
        let culprit = match (missing, at) {
            // A missing key has no place in the file; one that is checked further on can be
            // stood in for all the same.
            (Some(key), _) if STAND_INS.contains(&key) => key.to_owned(),
            (Some(_), _) | (None, None) => break,
            (None, Some(offset)) => {
                // The key the problem is in, and whether it is the key itself (a key that is not
                // expected) rather than something in its value (which may be deep in
                // `[[documents]]`).
                let Some((culprit, in_key)) = table
                    .iter()
                    .find(|(k, v)| k.span().contains(&offset) || v.span().contains(&offset))
                    .map(|(k, _)| (k.get_ref().to_string(), k.span().contains(&offset)))
                else {
                    break;
                };
                let known = STAND_INS.contains(&culprit.as_str()) || LEAVE_OUTS.contains(&culprit.as_str());
                let unexpected = in_key
                    && !VENDOR_KEYS.contains(&culprit.as_str())
                    && problems
                        .found
                        .last()
                        .is_some_and(|d| d.message.starts_with("unknown field `"));
                if !known && !unexpected {
                    break;
                }
                culprit
            }
        };
        problems.keys.push(culprit);
        for key in &problems.keys {
            let stand_in = match key.as_str() {
                // The id the file name gives, which the checks compare it with.
                "id" => Some(toml::de::DeValue::String(Cow::Owned(stem.to_owned()))),
                "open_source" | "self_hostable" => Some(toml::de::DeValue::Boolean(false)),
                k if STAND_INS.contains(&k) => Some(toml::de::DeValue::String(Cow::Borrowed(""))),
                _ => None,
            };
            match (table.get_mut(key.as_str()), stand_in) {
                (Some(value), Some(v)) => {
                    let span = value.span();
                    *value = Spanned::new(span, v);
                }
                (Some(_), None) => {
                    table.remove(key.as_str());
                }
                (None, Some(v)) => {
                    table.insert(Spanned::new(0..0, Cow::Owned(key.clone())), Spanned::new(0..0, v));
                }
                (None, None) => {}
            }
        }
        match RawVendor::deserialize(toml::de::Deserializer::from(doc)) {
            Ok(vendor) => return Ok((vendor, problems)),
            Err(e) => {
                at = e.span().map(|s| s.start);
                problems.found.push(as_diagnostic(e));
            }
        }
    }
    if problems.found.len() >= MAX_TOP_LEVEL_PROBLEMS {
        let mut more = problems.found[0].clone();
        (more.line, more.column, more.key, more.help) = (0, 0, String::new(), None);
        more.message = format!(
            "the first {MAX_TOP_LEVEL_PROBLEMS} problems at the top level are listed; fix them and validate again for the rest"
        );
        problems.found.push(more);
    }
    Err(problems.found)
}

/// The key a "missing field `key`" message names.
fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.get(..rest.find('`')?)
}

/// A parser message on one line: `invalid date-time\nvalue is out of range` becomes
/// `invalid date-time: value is out of range`.
pub fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}

/// The dotted key at a byte offset: the nearest table header above it plus the key on its line.
pub fn key_at(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let own = line
        .split_once('=')
        .map(|(k, _)| k.trim())
        .filter(|k| !k.starts_with('['));
    let header = before[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_owned());
    let header = if line.trim_start().starts_with('[') {
        Some(line.trim().trim_matches(|c| c == '[' || c == ']').trim().to_owned())
    } else {
        header
    };
    match (header, own) {
        (Some(h), Some(k)) => format!("{h}.{k}"),
        (Some(h), None) => h,
        (None, Some(k)) => k.to_owned(),
        (None, None) => String::new(),
    }
}

/// For serde's "unknown field `x`, expected ..." messages, the closest valid name.
pub fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let given = &rest[..rest.find('`')?];
    let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
    let candidates: Vec<&str> = if expected.is_empty() {
        VENDOR_KEYS.to_vec()
    } else {
        expected
    };
    did_you_mean(given, candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_at_names_header_and_key() {
        let text = "id = \"x\"\n[[documents]]\nid = \"p\"\nknd = \"x\"\n";
        let at = text.find("knd").unwrap();
        assert_eq!(key_at(text, at), "documents.knd");
        assert_eq!(key_at(text, 0), "id");
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let help = unknown_field_help("unknown field `compnay`, expected one of `id`, `name`, `company`");
        assert_eq!(help.as_deref(), Some("did you mean `company`?"));
    }
}
