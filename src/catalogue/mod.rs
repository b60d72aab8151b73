//! The vendor catalogue: the TOML format (the `terms` registry, the shape of a file), loading from
//! a directory or from the copy compiled into the binary, and the checks that turn files into a
//! trusted [`Catalogue`] while collecting every problem as a [`Diagnostic`] with a stable [`Code`].
//!
//! A file goes one way: bytes are decoded ([`mod@load`]), the text is parsed once into a spanned tree
//! ([`parse`]), the tree is read against the format's keys and types ([`raw`], with [`shape`]) and
//! the values are checked ([`check`]). Every step reports to the file's [`diag::Sink`], so a file's
//! problems are all found in one pass.

pub mod aliases;
pub mod check;
pub mod code;
pub mod diag;
pub mod load;
pub mod model;
pub mod parse;
pub mod raw;
pub mod schema;
pub mod selector;
pub mod shape;
pub mod terms;

use std::path::Path;

pub use check::CheckOptions;
pub use code::Code;
pub use diag::{Diagnostic, Level};
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
        self.diagnostics.iter().any(|d| d.severity == Level::Error)
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
        self.diagnostics.iter().any(|d| d.severity == Level::Error)
    }
}

/// Reads and checks every vendor file as [`load()`] does, and hands each vendor to `f` on the
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
        diagnostics.push(diag::whole_file(
            Code::NoVendorFiles,
            &label,
            "no vendor files (*.toml) found".into(),
            Some("point --catalogue at a directory of vendor files such as `vendors/`".into()),
        ));
    }
    let checked = crate::parallel::map(&files, |file| {
        let (vendor, diags) = match load::read(file)? {
            Err(d) => (None, vec![d]),
            Ok(text) => parse_and_check(&file.display, &file.stem, &text, opts),
        };
        std::io::Result::Ok((vendor.map(|v| (aliases::Names::of(&v), (v.id.clone(), f(v)))), diags))
    });
    let mut names = Vec::new();
    for result in checked {
        let (made, mut diags) = result?;
        diagnostics.append(&mut diags);
        if let Some((n, made)) = made {
            names.push(n);
            results.push(made);
        }
    }
    names.sort_by(|a, b| a.id.cmp(&b.id));
    diagnostics.extend(aliases::check(&names));
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
    let mut sink = diag::Sink::new(name, text);
    let vendor = parse::parse(&mut sink, text).and_then(|root| check::check(&mut sink, stem, &root, opts));
    (vendor, sink.into_sorted())
}
