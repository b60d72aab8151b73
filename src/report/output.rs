//! Where a report goes: standard output, or a file named with `--output`. The format is taken from
//! `--format`, else from the file's extension, else it is the terminal table. A file is rendered in
//! memory first and then put in place with one rename, so a failed run never leaves a half-written
//! report nor destroys the file that was there; a link keeps pointing to the new report, and a
//! device or named pipe is written to, never replaced. A spreadsheet is never written to a terminal.

use std::fs::{self, OpenOptions};
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use super::{renderer, Format, Heading, Options, Renderer};
use crate::error::Error;
use crate::i18n::Lang;

/// Where a report goes and in which format, as asked for with `--output` and `--format`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Destination<'a> {
    /// The format asked for; else inferred from the file's extension, else the table.
    pub format: Option<Format>,
    /// The file to write; else standard output.
    pub file: Option<&'a Path>,
    /// `--title`, for the heading and every printed page.
    pub title: Option<&'a str>,
    /// `--reference`, the tender's reference, printed with the title.
    pub reference: Option<&'a str>,
}

/// The format for an output: `--format`, else inferred from the `--output` extension.
pub fn format(to: Destination) -> Result<Format, Error> {
    if let Some(f) = to.format {
        return Ok(f);
    }
    let Some(path) = to.file else {
        return Ok(Format::Table);
    };
    match extension(path).as_str() {
        "html" | "htm" => Ok(Format::Html),
        "xlsx" => Ok(Format::Xlsx),
        "csv" => Ok(Format::Csv),
        "json" => Ok(Format::Json),
        "md" | "markdown" => Ok(Format::Markdown),
        "txt" => Ok(Format::Table),
        _ => Err(Error::usage(format!(
            "cannot tell the format of `{}` from its extension; use --format, or a name ending in \
             .html, .xlsx, .csv, .json, .md or .txt",
            path.display()
        ))),
    }
}

/// The lower-case extension of a file name (`html` of `R.HTML`), empty when it has none; what
/// `--output` infers the format from, here and in `notice` and `advise`.
pub fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Writes what `render` produces to `file`, rendered in memory and put in place in one step (see
/// [`replace`]), or to `stdout` when there is no file. Bytes that are not text (`binary`: a
/// spreadsheet, a Word document) never go to a terminal. For reports that are not one of the
/// [`Format`]s: the notice and the advice.
pub fn write_out(
    file: Option<&Path>,
    binary: bool,
    stdout: &mut dyn Write,
    render: &dyn Fn(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    match file {
        None if binary => {
            refuse_binary_on_terminal(binary, io::stdout().is_terminal())?;
            render(stdout)?;
            stdout.flush()?;
            Ok(())
        }
        None => {
            // Text carries no escape sequence, whatever a value held.
            let mut text = Vec::new();
            render(&mut text)?;
            for part in anstream::adapter::strip_bytes(&text) {
                stdout.write_all(part)?;
            }
            stdout.flush()?;
            Ok(())
        }
        Some(path) => {
            let mut buf = Vec::new();
            render(&mut buf)?;
            replace(path, &buf).map_err(|source| Error::Write {
                path: path.to_owned(),
                source,
            })
        }
    }
}

/// Renders with the format of `to` to its file, or to `stdout` when there is none.
pub fn deliver(
    to: Destination,
    lang: Lang,
    color: bool,
    stdout: &mut dyn Write,
    render: &dyn Fn(&dyn Renderer, &mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    let format = format(to)?;
    match to.file {
        None => {
            refuse_binary_on_terminal(format == Format::Xlsx, io::stdout().is_terminal())?;
            let r = renderer(
                format,
                Options {
                    lang,
                    color: color && format == Format::Table,
                    heading: Heading::new(to.title, to.reference),
                },
            );
            if format == Format::Table && !color {
                // A table without colours carries no escape sequence, whatever a value held. (A
                // table is small: it is rendered first, then written through the stripping stream.)
                let mut table = Vec::new();
                render(r.as_ref(), &mut table)?;
                for part in anstream::adapter::strip_bytes(&table) {
                    stdout.write_all(part)?;
                }
            } else {
                // The other formats escape or neutralise control characters themselves (JSON,
                // CSV, Markdown, HTML) or are bytes (xlsx), which must pass unchanged.
                render(r.as_ref(), stdout)?;
            }
            stdout.flush()?;
            Ok(())
        }
        Some(path) => {
            let r = renderer(
                format,
                Options {
                    lang,
                    color: false,
                    heading: Heading::new(to.title, to.reference),
                },
            );
            write_out(Some(path), false, stdout, &|w| render(r.as_ref(), w))
        }
    }
}

/// A spreadsheet or a Word document is bytes, not text: it never goes to a terminal.
fn refuse_binary_on_terminal(binary: bool, terminal: bool) -> Result<(), Error> {
    if binary && terminal {
        return Err(Error::usage(
            "a spreadsheet or a Word document cannot be shown on a terminal; use --output FILE or redirect standard output",
        ));
    }
    Ok(())
}

/// Writes `bytes` to `path`. A regular file, or a name with nothing behind it yet, is replaced
/// whole (see [`replace_file`]). A link is followed and the file it points to replaced, so the link
/// stays a link. Anything else that can be written to, a device such as `/dev/stdout` or a named
/// pipe, is written to as it is: renaming a file over it would put a file where it was.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            format!("`{}` is a directory", path.display()),
        )),
        Ok(m) if m.is_file() => replace_file(&fs::canonicalize(path)?, bytes),
        Ok(_) => OpenOptions::new().write(true).open(path)?.write_all(bytes),
        // A link to nothing: create what it points to, through the link.
        Err(e) if e.kind() == io::ErrorKind::NotFound && path.is_symlink() => OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?
            .write_all(bytes),
        // Nothing there, or something in the way of the directory: said in words of the report.
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            replace_file(path, bytes)
        }
        Err(e) => Err(e),
    }
}

/// Writes `bytes` to a temporary file beside `path` and renames it over `path`, so a reader sees
/// the old file or the new one, never a part.
fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a directory"
        } else {
            "does not exist"
        };
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("`{}` {why}", dir.display()),
        ));
    }
    // Errors name the report, not the temporary file beside it: the system's own words, without
    // the temporary name the file crate adds.
    let plain = |e: io::Error| match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), e.kind().to_string()),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".vcaudit-")
        .tempfile_in(dir)
        .map_err(plain)?;
    tmp.write_all(bytes).map_err(plain)?;
    // A report is for others to read: keep the mode of the file it replaces, else rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| fs::Permissions::from_mode(0o644));
        tmp.as_file().set_permissions(perms).map_err(plain)?;
    }
    tmp.as_file().sync_all().map_err(plain)?;
    tmp.persist(path).map_err(|e| plain(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(format: Option<Format>, file: Option<&str>) -> Destination<'_> {
        Destination {
            format,
            file: file.map(Path::new),
            ..Destination::default()
        }
    }

    #[test]
    fn format_comes_from_the_flag_then_the_extension() {
        assert_eq!(format(args(None, None)).ok(), Some(Format::Table));
        assert_eq!(format(args(None, Some("r.HTML"))).ok(), Some(Format::Html));
        assert_eq!(format(args(None, Some("dir/r.xlsx"))).ok(), Some(Format::Xlsx));
        assert_eq!(format(args(None, Some("r.md"))).ok(), Some(Format::Markdown));
        assert_eq!(format(args(Some(Format::Csv), Some("r.html"))).ok(), Some(Format::Csv));
        assert!(format(args(None, Some("report"))).is_err());
        assert!(format(args(None, Some("r.pdf"))).is_err());
    }

    #[test]
    fn a_spreadsheet_never_goes_to_a_terminal() {
        let err = refuse_binary_on_terminal(true, true).expect_err("refused");
        assert_eq!(err.exit_code(), crate::error::exit::USAGE);
        assert!(err.to_string().contains("--output"));
        assert!(refuse_binary_on_terminal(true, false).is_ok());
        assert!(refuse_binary_on_terminal(false, true).is_ok());
    }

    #[test]
    fn replace_puts_the_whole_file_in_place() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("r.txt");
        std::fs::write(&path, "old").expect("write");
        replace(&path, b"new").expect("replace");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_stays_a_link_to_the_new_report() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("report.json");
        let link = dir.path().join("latest.json");
        std::fs::write(&target, "old").expect("write");
        std::os::unix::fs::symlink("report.json", &link).expect("link");
        replace(&link, b"new").expect("replace");
        assert!(link.is_symlink(), "the link was replaced by a file");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        // A link to nothing yet: the file it names is made.
        let dangling = dir.path().join("next.json");
        std::os::unix::fs::symlink("made.json", &dangling).expect("link");
        replace(&dangling, b"made").expect("replace");
        assert!(dangling.is_symlink());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("made.json")).expect("read"),
            "made"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_named_pipe_is_written_to_not_replaced() {
        use std::io::Read;
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        let dir = tempfile::tempdir().expect("dir");
        let pipe = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        // The reading end, opened without waiting for a writer (O_NONBLOCK), so that a broken
        // `replace` fails this test instead of hanging it.
        let mut reader = OpenOptions::new()
            .read(true)
            .custom_flags(0o4000)
            .open(&pipe)
            .expect("open the reading end");
        replace(&pipe, b"report").expect("replace");
        assert!(std::fs::symlink_metadata(&pipe).expect("stat").file_type().is_fifo());
        let mut got = Vec::new();
        let _ = reader.read_to_end(&mut got);
        assert_eq!(got, b"report");
    }

    #[test]
    fn a_directory_or_a_file_in_the_way_is_named() {
        let dir = tempfile::tempdir().expect("dir");
        let err = replace(dir.path(), b"x").expect_err("a directory");
        assert!(err.to_string().contains("is a directory"), "{err}");
        let file = dir.path().join("exist.json");
        std::fs::write(&file, "kept").expect("write");
        let err = replace(&file.join("r.json"), b"x").expect_err("under a file");
        assert!(err.to_string().contains("is not a directory"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).expect("read"), "kept");
    }
}
