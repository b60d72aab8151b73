//! `vcaudit catalogue export DIR`: writes the vendor files of the built-in catalogue into a
//! directory, so that users of the installed binary can edit them and use them with
//! `--catalogue DIR` (or `VCAUDIT_CATALOGUE=DIR`).

use std::io::Write;
use std::path::Path;

use crate::catalogue::load;
use crate::error::{exit, Error};

/// Runs `vcaudit catalogue export`: every built-in vendor file into `dir`; a file already there
/// is left alone unless `force`.
pub fn export(dir: &Path, force: bool, out: &mut dyn Write) -> Result<u8, Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_owned(),
        source,
    })?;
    let (mut written, mut kept) = (0, Vec::new());
    for file in load::embedded_files() {
        let name = format!("{}.toml", file.stem);
        let path = dir.join(&name);
        if path.exists() && !force {
            kept.push(name);
            continue;
        }
        let bytes = file.read().map_err(|source| Error::Read {
            path: file.display.clone().into(),
            source,
        })?;
        std::fs::write(&path, &bytes).map_err(|source| Error::Write { path, source })?;
        written += 1;
    }
    writeln!(out, "wrote {written} vendor files to {}", dir.display())?;
    if !kept.is_empty() {
        writeln!(
            out,
            "kept {} files already there (`--force` overwrites them): {}",
            kept.len(),
            kept.join(", ")
        )?;
    }
    writeln!(
        out,
        "edit them, check them with `vcaudit --catalogue {0} validate`, then `vcaudit --catalogue {0} audit`",
        dir.display()
    )?;
    Ok(exit::SUCCESS)
}
