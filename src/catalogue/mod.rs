//! The vendor catalogue: the TOML format (`terms` registry and serde shapes), loading from a
//! directory or from the copy compiled into the binary, and the checks that turn raw files into a
//! trusted [`Catalogue`] while collecting every problem as a [`Diagnostic`].

pub mod check;
pub mod diag;
pub mod load;
pub mod model;
pub mod schema;
pub mod selector;
pub mod terms;

use std::path::Path;

pub use check::CheckOptions;
pub use diag::{Diagnostic, Severity};
pub use model::*;

/// Where the catalogue comes from.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// The catalogue shipped inside the binary.
    Embedded,
    /// A directory of vendor files.
    Dir(&'a Path),
}

/// A catalogue with everything that was said about it while loading.
#[derive(Debug)]
pub struct Loaded {
    pub catalogue: Catalogue,
    pub diagnostics: Vec<Diagnostic>,
    /// How many vendor files were read.
    pub files: usize,
}

impl Loaded {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Reads and checks every vendor file. I/O failures on the directory itself are errors; problems
/// inside files are diagnostics, all of them, for every file.
pub fn load(origin: Origin, opts: CheckOptions) -> std::io::Result<Loaded> {
    let each = load_each(origin, opts, |vendor| vendor)?;
    Ok(Loaded {
        catalogue: Catalogue {
            vendors: each.results.into_iter().map(|(_, v)| v).collect(),
        },
        diagnostics: each.diagnostics,
        files: each.files,
    })
}

/// What [`load_each`] made of every vendor, in the order of vendor ids, with every diagnostic.
pub struct Each<R> {
    pub results: Vec<(String, R)>,
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
}

impl<R> Each<R> {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Reads and checks every vendor file as [`load`] does, and hands each vendor to `f` on the
/// thread that checked it, as soon as it is checked: a command that needs each vendor only once
/// (an audit written as it is evaluated) then never holds the whole catalogue in memory.
pub fn load_each<R: Send>(
    origin: Origin,
    opts: CheckOptions,
    f: impl Fn(Vendor) -> R + Sync + Send,
) -> std::io::Result<Each<R>> {
    let (files, label) = match origin {
        Origin::Embedded => (load::embedded_files(), "the built-in catalogue".to_owned()),
        Origin::Dir(dir) => (load::dir_files(dir)?, dir.display().to_string()),
    };
    let mut results = Vec::with_capacity(files.len());
    let mut diagnostics = Vec::new();
    if files.is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Error,
            file: label,
            line: 0,
            column: 0,
            key: String::new(),
            message: "no vendor files (*.toml) found".into(),
            help: Some("point --catalogue at a directory of vendor files such as `vendors/`".into()),
        });
    }
    let checked = crate::parallel::map(&files, |file| {
        let (vendor, diags) = match load::read(file)? {
            Err(d) => (None, vec![d]),
            Ok(text) => parse_and_check(&file.display, &file.stem, &text, opts),
        };
        std::io::Result::Ok((vendor.map(|v| (v.id.clone(), f(v))), diags))
    });
    for result in checked {
        let (made, mut diags) = result?;
        diagnostics.append(&mut diags);
        results.extend(made);
    }
    results.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Each {
        results,
        diagnostics,
        files: files.len(),
    })
}

/// Parses and checks one vendor file given as text (`name` is used for messages and as the file
/// stem the id must match).
pub fn from_str(name: &str, text: &str, opts: CheckOptions) -> (Option<Vendor>, Vec<Diagnostic>) {
    from_bytes(name, text.as_bytes(), opts)
}

/// Decodes, parses and checks one vendor file given as bytes, as read from disk.
pub fn from_bytes(name: &str, bytes: &[u8], opts: CheckOptions) -> (Option<Vendor>, Vec<Diagnostic>) {
    let stem = name
        .trim_end_matches(".toml")
        .rsplit('/')
        .next()
        .unwrap_or(name)
        .to_owned();
    match load::decode(name, std::borrow::Cow::Borrowed(bytes)) {
        Err(d) => (None, vec![d]),
        Ok(text) => parse_and_check(name, &stem, &text, opts),
    }
}

/// Parses and checks one decoded file; its diagnostics in the order of their lines.
fn parse_and_check(name: &str, stem: &str, text: &str, opts: CheckOptions) -> (Option<Vendor>, Vec<Diagnostic>) {
    let (vendor, mut found) = parse_and_check_unsorted(name, stem, text, opts);
    // Stable: problems of the whole file (line 0) first, then by line and column.
    found.sort_by_key(|d| (d.line, d.column));
    (vendor, found)
}

fn parse_and_check_unsorted(
    name: &str,
    stem: &str,
    text: &str,
    opts: CheckOptions,
) -> (Option<Vendor>, Vec<Diagnostic>) {
    match load::parse(name, stem, text) {
        Err(found) => (None, found),
        Ok(parsed) if parsed.problems.found.is_empty() => {
            check::check(name, stem, text, parsed.vendor, parsed.terms, opts)
        }
        Ok(parsed) => {
            // The claims are still checked; what the checks say of a stand-in is not news.
            let load::Problems { mut found, keys } = parsed.problems;
            let (_, rest) = check::check(name, stem, text, parsed.vendor, parsed.terms, opts);
            found.extend(rest.into_iter().filter(|d| !keys.contains(&d.key)));
            (None, found)
        }
    }
}
