//! Where a report goes: standard output, or a file named with `--output`. The format is taken from
//! `--format`, else from the file's extension, else it is the terminal table. A file is rendered in
//! memory first and then put in place with one rename, so a failed run never leaves a half-written
//! report nor destroys the file that was there. A spreadsheet is never written to a terminal.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use super::{renderer, Options, Renderer};
use crate::cli::{Format, OutputArgs};
use crate::criteria::judge::Lang;
use crate::error::Error;

/// The format for an output: `--format`, else inferred from the `--output` extension.
pub fn format(args: &OutputArgs) -> Result<Format, Error> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let Some(path) = &args.output else {
        return Ok(Format::Table);
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
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

/// Renders with the format of `args` to its file, or to `stdout` when there is none.
pub fn deliver(
    args: &OutputArgs,
    lang: Lang,
    color: bool,
    stdout: &mut dyn Write,
    render: &dyn Fn(&dyn Renderer, &mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    let format = format(args)?;
    match &args.output {
        None => {
            refuse_binary_on_terminal(format, io::stdout().is_terminal())?;
            let r = renderer(
                format,
                Options {
                    lang,
                    color: color && format == Format::Table,
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
            let r = renderer(format, Options { lang, color: false });
            let mut buf = Vec::new();
            render(r.as_ref(), &mut buf)?;
            replace(path, &buf).map_err(|source| Error::Write {
                path: path.to_owned(),
                source,
            })
        }
    }
}

/// A spreadsheet is bytes, not text: it never goes to a terminal.
fn refuse_binary_on_terminal(format: Format, terminal: bool) -> Result<(), Error> {
    if format == Format::Xlsx && terminal {
        return Err(Error::usage(
            "a spreadsheet cannot be shown on a terminal; use --output FILE.xlsx or redirect standard output",
        ));
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path` and renames it over `path`.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the directory `{}` does not exist", dir.display()),
        ));
    }
    // Errors name the report, not the temporary file beside it.
    let plain = |e: io::Error| io::Error::new(e.kind(), e.kind().to_string());
    let mut tmp = tempfile::Builder::new()
        .prefix(".vcaudit-")
        .tempfile_in(dir)
        .map_err(plain)?;
    tmp.write_all(bytes).map_err(plain)?;
    // A report is for others to read: keep the mode of the file it replaces, else rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        tmp.as_file().set_permissions(perms).map_err(plain)?;
    }
    tmp.as_file().sync_all().map_err(plain)?;
    tmp.persist(path).map_err(|e| plain(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn args(format: Option<Format>, output: Option<&str>) -> OutputArgs {
        OutputArgs {
            format,
            output: output.map(PathBuf::from),
        }
    }

    #[test]
    fn format_comes_from_the_flag_then_the_extension() {
        assert_eq!(format(&args(None, None)).ok(), Some(Format::Table));
        assert_eq!(format(&args(None, Some("r.HTML"))).ok(), Some(Format::Html));
        assert_eq!(format(&args(None, Some("dir/r.xlsx"))).ok(), Some(Format::Xlsx));
        assert_eq!(format(&args(None, Some("r.md"))).ok(), Some(Format::Markdown));
        assert_eq!(format(&args(Some(Format::Csv), Some("r.html"))).ok(), Some(Format::Csv));
        assert!(format(&args(None, Some("report"))).is_err());
        assert!(format(&args(None, Some("r.pdf"))).is_err());
    }

    #[test]
    fn a_spreadsheet_never_goes_to_a_terminal() {
        let err = refuse_binary_on_terminal(Format::Xlsx, true).expect_err("refused");
        assert_eq!(err.exit_code(), crate::error::exit::USAGE);
        assert!(err.to_string().contains("--output"));
        assert!(refuse_binary_on_terminal(Format::Xlsx, false).is_ok());
        assert!(refuse_binary_on_terminal(Format::Html, true).is_ok());
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
}
