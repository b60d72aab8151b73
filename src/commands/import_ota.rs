//! `vcaudit import-ota`: turns an Open Terms Archive declaration (JSON) into the `[[documents]]`
//! entries of a vendor file.

use std::io::Write;
use std::path::Path;

use crate::error::{exit, Error};
use crate::watch::ota;

/// Runs `vcaudit import-ota FILE`.
pub fn run(file: &Path, out: &mut dyn Write) -> Result<u8, Error> {
    let text = std::fs::read_to_string(file).map_err(|source| Error::Read {
        path: file.to_owned(),
        source,
    })?;
    let toml = ota::convert(&text).map_err(|e| {
        Error::usage(format!(
            "`{}` is not an Open Terms Archive declaration: {e}",
            file.display()
        ))
    })?;
    write!(out, "{toml}")?;
    Ok(exit::SUCCESS)
}
