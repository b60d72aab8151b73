//! Reading vendor files: from a directory given with `--catalogue`, or from the catalogue compiled
//! into the binary. Each file is decoded (size limit, UTF-8, not empty) into text for the parser;
//! a file that cannot be is one diagnostic. Nothing here panics on input.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use super::code::Code;
use super::diag::{whole_file, Diagnostic, LineIndex};

// The profile loader (`criteria::profile`) reads its syntax errors with these.
pub use super::parse::{key_at, one_line};

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
    pub fn read(&self) -> std::io::Result<Cow<'_, [u8]>> {
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

/// Reads and decodes one file. An unreadable file is an I/O error; a file that is not text is a
/// diagnostic that says why and where.
pub fn read(file: &SourceFile) -> std::io::Result<Result<String, Diagnostic>> {
    let bytes = file.read()?;
    Ok(decode(&file.display, bytes))
}

/// Decodes one file's bytes (size limit, UTF-8, not empty); `display` names the file in
/// diagnostics.
pub fn decode(display: &str, bytes: Cow<'_, [u8]>) -> Result<String, Diagnostic> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(whole_file(
            Code::FileTooLarge,
            display,
            format!(
                "file is larger than {} KiB; a vendor file is plain hand-written TOML",
                MAX_FILE_BYTES / 1024
            ),
            None,
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
                ..whole_file(
                    Code::NotUtf8,
                    display,
                    "file is not valid UTF-8 text (save it as UTF-8)".into(),
                    None,
                )
            });
        }
    };
    if text.lines().map(str::trim).all(|l| l.is_empty() || l.starts_with('#')) {
        return Err(whole_file(
            Code::EmptyFile,
            display,
            "file is empty; a vendor file needs at least id, name and company".into(),
            None,
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undecodable_files_are_one_diagnostic_each() {
        let code = |bytes: &[u8]| decode("v.toml", Cow::Borrowed(bytes)).err().and_then(|d| d.code);
        assert_eq!(code(b"# only a comment\n"), Some(Code::EmptyFile));
        assert_eq!(code(b"id = \"caf\xe9\"\n"), Some(Code::NotUtf8));
        assert_eq!(code(&vec![b'#'; MAX_FILE_BYTES as usize + 1]), Some(Code::FileTooLarge));
        assert_eq!(code(b"id = \"v\"\n"), None);
    }
}
